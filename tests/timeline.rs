//! The timeline: dated agreements and documents latest first, undated ones apart, on the
//! timeline pages, the home page, country pages and each agreement's history.

mod common;

use std::path::Path;

use common::*;

fn doc(seeds: &Path, name: &str, title: &str, date: Option<&str>, body: &str) {
    let date = date.map(|d| format!("date = {d}\n")).unwrap_or_default();
    write_seed(
        seeds,
        name,
        &format!("+++\ntitle = \"{title}\"\n{date}+++\n\n{body}\n"),
    );
}

/// (datetime, kind, link text) of each entry of the first `ol.timeline` under `scope`.
fn entries(site: &Path, page: &str, scope: &str) -> Vec<(String, String, String)> {
    let html = read_html(site, page);
    let list = html
        .select(&sel(&format!("{scope} ol.timeline")))
        .next()
        .unwrap_or_else(|| panic!("{page}: no timeline under {scope}"));
    list.select(&sel("li"))
        .map(|li| {
            let time = li
                .select(&sel("time"))
                .next()
                .and_then(|t| t.value().attr("datetime"))
                .unwrap_or("")
                .to_string();
            let kind = li.value().attr("class").unwrap_or("").to_string();
            let link = li.select(&sel("a")).next().map(text_of).unwrap_or_default();
            (time, kind, link)
        })
        .collect()
}

#[test]
fn the_timeline_lists_dated_items_latest_first_and_undated_ones_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("p");
    let seeds = root.join("seeds");
    doc(
        &seeds,
        "a.md",
        "Kenya and Ghana sign mining pact",
        Some("2025-01-10"),
        "Kenya and Ghana signed a memorandum of understanding on mining cooperation in Nairobi on 10 January 2025.",
    );
    doc(
        &seeds,
        "b.md",
        "Ghana follows up",
        Some("2025-02-10"),
        "Ghana and Kenya signed a memorandum of understanding on mining cooperation last month, officials in Accra said.",
    );
    doc(
        &seeds,
        "c.md",
        "Peru and Chile hold lithium talks",
        Some("2025-03-01"),
        "Peru and Chile held talks on a lithium agreement in Lima on 1 March 2025.",
    );
    doc(
        &seeds,
        "d.md",
        "An undated note on Norway",
        None,
        "Norway and Iceland discussed fisheries.",
    );
    let out = run(&root, &["build"]);
    assert!(out.status.success(), "{}", describe(&out));
    let site = root.join("site");

    let all = entries(&site, "timeline.html", "main");
    let lede = text_of(
        read_html(&site, "timeline.html")
            .select(&sel("p.lede"))
            .next()
            .unwrap(),
    );
    assert!(
        lede.starts_with(
            "2 agreements and 3 documents dated, latest first; 2 without a date are listed apart"
        ),
        "{lede}"
    );
    let dates: Vec<&str> = all.iter().map(|e| e.0.as_str()).collect();
    assert!(
        dates.iter().all(|d| d.len() == 10),
        "every entry has a <time datetime>: {all:?}"
    );
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "latest first");
    assert_eq!(
        all[0].2, "Chile–Peru talks on a lithium agreement",
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|e| e.1 == "timeline-document" && e.2 == "Ghana follows up")
    );
    assert!(
        !all.iter().any(|e| e.2.contains("undated")),
        "the undated note is not dated: {all:?}"
    );
    let undated = entries(&site, "timeline.html", "section[aria-labelledby=undated]");
    assert!(
        undated
            .iter()
            .any(|e| e.2 == "An undated note on Norway" && e.0.is_empty()),
        "{undated:?}"
    );
    // The note's talks ("Norway and Iceland discussed fisheries") have no date either.
    assert!(
        undated
            .iter()
            .any(|e| e.1 == "timeline-agreement" && e.2.starts_with("Iceland–Norway")),
        "{undated:?}"
    );

    let home = entries(&site, "index.html", ".home-timeline");
    assert_eq!(
        home, all,
        "the home page shows the latest (here all) dated entries"
    );

    let ghana = entries(&site, "countries/ghana.html", "main");
    assert!(
        ghana.iter().all(|e| !e.2.contains("Peru")),
        "only Ghana's items: {ghana:?}"
    );
    assert!(ghana.iter().any(|e| e.2 == "Ghana follows up"));

    let history = entries(
        &site,
        "agreements/ghana-kenya-mou-mining-cooperation.html",
        "section[aria-labelledby=history]",
    );
    let steps: Vec<&str> = history.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(steps, ["2025-01-10", "2025-02-10"], "history in date order");
}

//! Briefing packs: one self-contained file for the whole briefing and one per country.

mod common;

use std::path::Path;

use common::*;

/// Every reference the pack makes that a browser would load by itself.
fn loaded_references(site: &Path, page: &str) -> Vec<String> {
    let html = read_html(site, page);
    let mut refs = Vec::new();
    for el in html.select(&sel(
        "[src], link, script, iframe, object, embed, img, source",
    )) {
        let v = el.value();
        refs.push(format!(
            "<{} src={:?} href={:?}>",
            v.name(),
            v.attr("src"),
            v.attr("href")
        ));
    }
    for style in html.select(&sel("style")) {
        let css = style.text().collect::<String>();
        for (i, _) in css.match_indices("url(") {
            let rest = css[i + 4..].trim_start_matches(['"', '\'']);
            if !rest.starts_with("data:") {
                refs.push(format!("css url({})", &rest[..rest.len().min(40)]));
            }
        }
        if css.contains("@import") {
            refs.push("css @import".into());
        }
    }
    // Images may be data: URIs: they load nothing.
    refs.retain(|r| !r.starts_with("<img src=Some(\"data:"));
    refs
}

#[test]
fn a_country_pack_holds_its_agreements_people_and_documents_and_loads_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let site = build_example(tmp.path());
    let page = "packs/turkiye.html";
    assert_eq!(loaded_references(&site, page), Vec::<String>::new());
    let html = read_html(&site, page);
    assert_eq!(
        html.select(&sel("h1")).next().map(text_of).as_deref(),
        Some("Türkiye")
    );
    let titles: Vec<String> = html
        .select(&sel(".pack-agreement h3"))
        .map(text_of)
        .collect();
    assert_eq!(titles.len(), 4, "{titles:?}");
    assert!(titles.contains(&"Niger–Türkiye MoU on mineral exploration and mining".to_string()));
    let niger = html
        .select(&sel(".pack-agreement"))
        .find(|a| text_of(*a).contains("Niger–Türkiye MoU"))
        .map(text_of)
        .unwrap();
    for fact in [
        "Signed",
        "MoU",
        "Istanbul",
        "Niger, ",
        "Alparslan Bayraktar, Abarchi Ousmane",
    ] {
        assert!(niger.contains(fact), "{fact:?} missing from {niger}");
    }
    let quote = html
        .select(&sel(".pack-quote p"))
        .map(text_of)
        .collect::<Vec<_>>();
    assert!(
        quote
            .iter()
            .any(|q| q.contains("signed a memorandum of understanding")),
        "{quote:?}"
    );
    let people: Vec<String> = html.select(&sel(".pack-people li")).map(text_of).collect();
    assert_eq!(
        people,
        ["Alparslan Bayraktar, Energy and Natural Resources Minister"]
    );
    let digest: Vec<String> = html.select(&sel(".pack-digest h3")).map(text_of).collect();
    assert_eq!(
        digest,
        ["Türkiye is strengthening its presence on the global mining stage"]
    );
    // The map is inline, and a country on it links to the site's page.
    let map_links: Vec<String> = html
        .select(&sel("svg a"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(
        map_links.contains(&"../countries/niger.html".to_string()),
        "{map_links:?}"
    );
    // Printing: sections start on a new page, external links show their address.
    let css: String = html.select(&sel("style")).flat_map(|s| s.text()).collect();
    assert!(css.contains(".pack-section { break-before: page;"), "{css}");
    assert!(css.contains("content: \" (\" attr(href) \")\""));
    assert!(
        html.select(&sel("nav")).next().is_none(),
        "a pack has no navigation"
    );
}

#[test]
fn the_site_pack_and_country_packs_are_linked_and_point_at_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let site = build_example(tmp.path());
    let home = read_html(&site, "index.html");
    assert!(
        home.select(&sel("a[href='packs/briefing.html']"))
            .next()
            .is_some()
    );
    let country = read_html(&site, "countries/niger.html");
    assert!(
        country
            .select(&sel("a[href='../packs/niger.html']"))
            .next()
            .is_some()
    );
    let pack = read_html(&site, "packs/briefing.html");
    assert_eq!(
        loaded_references(&site, "packs/briefing.html"),
        Vec::<String>::new()
    );
    let titles: Vec<String> = pack
        .select(&sel(".pack-agreement h3"))
        .map(text_of)
        .collect();
    assert_eq!(titles.len(), 4, "{titles:?}");
    let countries: Vec<String> = pack.select(&sel(".chips a")).map(text_of).collect();
    assert_eq!(countries.len(), 5, "{countries:?}");
    assert_no_broken_links(&site);
}

#[test]
fn with_a_base_url_pack_links_are_absolute_and_a_source_url_is_the_digest_link() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("p");
    let seeds = root.join("seeds");
    write_seed(
        &seeds,
        "a.md",
        "+++\ntitle = \"Kenya and Ghana sign mining pact\"\ndate = 2025-01-10\nsource = \"Wire\"\nurl = \"https://example.org/kenya-ghana\"\n+++\n\nKenya and Ghana signed a memorandum of understanding on mining cooperation in Nairobi on 10 January 2025.\n",
    );
    let out = root.join("site");
    let output = run(
        &root,
        &[
            "build",
            "--seeds",
            seeds.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--base-url",
            "https://org.github.io/repo/",
        ],
    );
    assert!(output.status.success(), "{}", describe(&output));
    let pack = read_html(&out, "packs/kenya.html");
    let digest = pack.select(&sel(".pack-digest h3 a")).next().unwrap();
    assert_eq!(
        digest.value().attr("href"),
        Some("https://example.org/kenya-ghana")
    );
    let agreement = pack.select(&sel(".pack-agreement h3 a")).next().unwrap();
    assert!(
        agreement
            .value()
            .attr("href")
            .unwrap()
            .starts_with("https://org.github.io/repo/agreements/"),
        "{:?}",
        agreement.value().attr("href")
    );
    let as_of = pack.select(&sel(".pack-kicker time")).next().unwrap();
    assert_eq!(as_of.value().attr("datetime"), Some("2025-01-10"));
    // Packs repeat the pages; the sitemap lists the pages only.
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("packs/"), "{sitemap}");
}

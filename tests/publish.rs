//! Publishing: `base_url` feeds only absolute URLs (canonical, Open Graph, feeds, sitemap,
//! 404), internal links stay relative either way, and the offline search index covers the
//! documents. Feeds are parsed as XML and checked as Atom.

mod common;

use std::path::Path;

use common::*;
use quick_xml::Reader;
use quick_xml::events::Event;

/// The text of every element named `name` in an XML file, in order.
fn xml_texts(path: &Path, name: &str) -> Vec<String> {
    let xml = std::fs::read_to_string(path).unwrap();
    let mut reader = Reader::from_str(&xml);
    let mut out = Vec::new();
    let mut inside = false;
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("{} is not well-formed XML: {e}", path.display()))
        {
            Event::Start(e) if e.name().as_ref() == name.as_bytes() => inside = true,
            Event::End(e) if e.name().as_ref() == name.as_bytes() => inside = false,
            Event::Text(t) if inside => out.push(
                quick_xml::escape::unescape(&t.decode().unwrap())
                    .unwrap()
                    .into_owned(),
            ),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn build_with(root: &Path, extra: &[&str]) -> std::path::PathBuf {
    let seeds = example_seeds(root);
    let out = root.join("site");
    let mut args = vec![
        "build",
        "--seeds",
        seeds.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = run(root, &args);
    assert!(o.status.success(), "{}", describe(&o));
    out
}

#[test]
fn with_base_url_feeds_sitemap_and_canonical_links_are_absolute() {
    let dir = tempfile::tempdir().unwrap();
    let site = build_with(dir.path(), &["--base-url", "https://org.github.io/repo"]);

    let ids = xml_texts(&site.join("atom.xml"), "id");
    assert!(ids[0] == "https://org.github.io/repo/atom.xml", "{ids:?}");
    assert!(
        ids.iter()
            .any(|i| i.starts_with("https://org.github.io/repo/documents/")),
        "{ids:?}"
    );
    let titles = xml_texts(&site.join("atom.xml"), "title");
    assert!(titles.iter().any(|t| t.contains("Türkiye")), "{titles:?}");
    for updated in xml_texts(&site.join("atom.xml"), "updated") {
        assert!(
            updated.len() == 20 && updated.ends_with('Z'),
            "RFC 3339 timestamp: {updated}"
        );
    }
    let niger = xml_texts(&site.join("countries/niger.xml"), "title");
    assert!(niger[0].contains("Niger") && niger.len() >= 2, "{niger:?}");

    let locs = xml_texts(&site.join("sitemap.xml"), "loc");
    assert!(
        locs.contains(&"https://org.github.io/repo/index.html".to_string()),
        "{locs:?}"
    );
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://org.github.io/repo/") && !l.ends_with("404.html"))
    );
    let robots = std::fs::read_to_string(site.join("robots.txt")).unwrap();
    assert!(
        robots.contains("Sitemap: https://org.github.io/repo/sitemap.xml"),
        "{robots}"
    );

    let home = read_html(&site, "index.html");
    let canonical = home.select(&sel("link[rel=canonical]")).next().unwrap();
    assert_eq!(
        canonical.value().attr("href"),
        Some("https://org.github.io/repo/index.html")
    );
    let og_url = home.select(&sel("meta[property='og:url']")).next().unwrap();
    assert_eq!(
        og_url.value().attr("content"),
        Some("https://org.github.io/repo/index.html")
    );
    // Internal links stay relative.
    for a in home.select(&sel("a[href]")) {
        let href = a.value().attr("href").unwrap();
        assert!(
            !href.starts_with('/') && !href.starts_with("https://org.github.io"),
            "{href}"
        );
    }
    // The 404 page is served at any depth, so its links are absolute.
    let not_found = read_html(&site, "404.html");
    let hrefs: Vec<&str> = not_found
        .select(&sel("a[href]"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        hrefs
            .iter()
            .all(|h| h.starts_with("https://org.github.io/repo/")),
        "{hrefs:?}"
    );
    assert_no_broken_links(&site);
}

#[test]
fn without_base_url_absolute_urls_are_left_out_not_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let site = build_with(dir.path(), &[]);
    assert!(!site.join("atom.xml").exists() && !site.join("sitemap.xml").exists());
    assert!(
        !std::fs::read_to_string(site.join("robots.txt"))
            .unwrap()
            .contains("Sitemap")
    );
    let home = read_html(&site, "index.html");
    assert!(home.select(&sel("link[rel=canonical]")).next().is_none());
    assert!(
        home.select(&sel("meta[property='og:title']"))
            .next()
            .is_some()
    );
    assert!(
        home.select(&sel("meta[name='twitter:card']"))
            .next()
            .is_some()
    );
}

#[test]
fn bad_base_url_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = example_seeds(dir.path());
    let out = dir.path().join("site");
    let o = run(
        dir.path(),
        &[
            "build",
            "--seeds",
            seeds.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--base-url",
            "org.github.io/repo",
        ],
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("base_url") && stderr(&o).contains("http"),
        "{}",
        describe(&o)
    );
    assert!(!out.exists());
}

#[test]
fn feed_dates_follow_source_date_epoch() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = example_seeds(dir.path());
    let out = dir.path().join("site");
    let o = briefing(dir.path())
        .env("SOURCE_DATE_EPOCH", "1735689600")
        .args([
            "build",
            "--seeds",
            seeds.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--base-url",
            "https://x.example/",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", describe(&o));
    let updated = xml_texts(&out.join("atom.xml"), "updated");
    assert_eq!(updated[0], "2025-01-01T00:00:00Z");
}

#[test]
fn search_index_is_a_script_covering_documents_countries_and_agreements() {
    let dir = tempfile::tempdir().unwrap();
    let site = build_with(dir.path(), &[]);
    let js = std::fs::read_to_string(site.join("search-index.js")).unwrap();
    let json = js
        .strip_prefix("window.BRIEFING_SEARCH = ")
        .and_then(|s| s.trim_end().strip_suffix(';'))
        .expect("a script that sets window.BRIEFING_SEARCH");
    let index: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(index["docs"].as_array().unwrap().len(), 1);
    assert!(index["docs"][0][0].as_str().unwrap().starts_with("Türkiye"));
    // Accent-folded words: "Turkiye" finds "Türkiye"; people and the body text are in it.
    for word in ["turkiye", "niger", "bayraktar", "570", "eskisehir"] {
        assert!(index["words"].get(word).is_some(), "{word} not indexed");
    }
    assert_eq!(index["agreements"].as_array().unwrap().len(), 4);
    let page = read_html(&site, "search.html");
    let scripts: Vec<&str> = page
        .select(&sel("script[src]"))
        .filter_map(|s| s.value().attr("src"))
        .collect();
    assert_eq!(scripts, ["search-index.js", "search.js"]);
    assert!(
        page.select(&sel("main form[role=search] input[name=q]"))
            .next()
            .is_some()
    );
}

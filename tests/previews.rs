//! Link previews: with a `base_url`, pages carry an `og:image` card drawn at build time, kept
//! in a cache that an unchanged rebuild reuses.

mod common;

use std::fs;
use std::path::Path;

use common::*;

const BASE: &str = "https://org.github.io/repo/";

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

/// The `content` of `<meta property|name=key>` on a page.
fn meta(site: &Path, page: &str, key: &str) -> Option<String> {
    let html = read_html(site, page);
    let css = format!("meta[property=\"{key}\"], meta[name=\"{key}\"]");
    html.select(&sel(&css))
        .next()
        .and_then(|m| m.value().attr("content").map(str::to_string))
}

fn project() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("project");
    let seeds = example_seeds(&root);
    write_seed(&seeds, "kenya-ghana.md", KENYA_GHANA);
    (tmp, root)
}

fn build_with_base(root: &Path) {
    let out = run(root, &["build", "--base-url", BASE]);
    assert!(out.status.success(), "{}", describe(&out));
}

#[test]
fn every_kind_of_page_carries_a_card_of_the_right_size() {
    let (_tmp, root) = project();
    build_with_base(&root);
    let site = root.join("site");
    let data = read_json(&site.join("data/briefing.json"));
    let agreement = data["agreements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["slug"].as_str().unwrap().starts_with("niger-turkiye"))
        .expect("the Niger–Türkiye MoU");
    let agreement_url = agreement["url"].as_str().unwrap();
    let document = data["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == EXAMPLE)
        .unwrap();
    let cases = [
        ("index.html", "cards/site.png"),
        ("countries/niger.html", "cards/countries/niger.png"),
        (
            agreement_url,
            "cards/agreements/niger-turkiye-mou-mineral-exploration-and-mining.png",
        ),
        // The example document reports the Niger MoU first.
        (
            document["url"].as_str().unwrap(),
            "cards/agreements/niger-turkiye-mou-mineral-exploration-and-mining.png",
        ),
        ("search.html", "cards/site.png"),
    ];
    for (page, card) in cases {
        let image =
            meta(&site, page, "og:image").unwrap_or_else(|| panic!("{page} has no og:image"));
        assert_eq!(image, format!("{BASE}{card}"), "{page}");
        assert_eq!(
            png_size(&fs::read(site.join(card)).unwrap()),
            (1200, 630),
            "{card}"
        );
        assert_eq!(meta(&site, page, "og:image:width").as_deref(), Some("1200"));
        assert_eq!(meta(&site, page, "og:image:height").as_deref(), Some("630"));
        assert_eq!(
            meta(&site, page, "twitter:card").as_deref(),
            Some("summary_large_image")
        );
        assert!(
            meta(&site, page, "og:image:alt").is_some_and(|a| !a.is_empty()),
            "{page}"
        );
    }
    let alt = meta(&site, agreement_url, "og:image:alt").unwrap();
    assert!(
        alt.contains("Niger") && alt.contains("Türkiye") && alt.contains("signed"),
        "{alt}"
    );
}

#[test]
fn without_a_base_url_there_are_no_cards() {
    let (_tmp, root) = project();
    let out = run(&root, &["build"]);
    assert!(out.status.success(), "{}", describe(&out));
    let site = root.join("site");
    assert!(!site.join("cards").exists());
    assert_eq!(meta(&site, "index.html", "og:image"), None);
    assert_eq!(
        meta(&site, "index.html", "twitter:card").as_deref(),
        Some("summary")
    );
}

#[test]
fn an_unchanged_rebuild_takes_its_cards_from_the_cache() {
    let (_tmp, root) = project();
    build_with_base(&root);
    let cache = root.join(".briefing-cache/cards");
    let site_card = fs::read(root.join("site/cards/site.png")).unwrap();
    let niger = fs::read(root.join("site/cards/countries/niger.png")).unwrap();
    // Swap the cached Niger card for the site card: a rebuild that reads the cache publishes
    // the swapped bytes, one that draws again would not.
    let entries: Vec<_> = fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let cached = entries
        .iter()
        .find(|p| fs::read(p).unwrap() == niger)
        .expect("the Niger card is in the cache");
    fs::write(cached, &site_card).unwrap();
    let before = entries.len();
    build_with_base(&root);
    assert_eq!(
        fs::read(root.join("site/cards/countries/niger.png")).unwrap(),
        site_card
    );
    assert_eq!(
        fs::read_dir(&cache).unwrap().count(),
        before,
        "nothing new was drawn"
    );
}

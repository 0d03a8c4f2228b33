//! Flags: the site carries an SVG file for each of its countries and no other, pages show them
//! with `<img>` by relative URLs, no emoji flag is left anywhere, and the footer credits
//! flag-icons.

mod common;

use std::path::Path;

use common::*;

/// The example's countries, lower-case codes sorted.
const EXAMPLE_FLAGS: [&str; 5] = ["cd", "cn", "ne", "tj", "tr"];

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("cannot create a temporary folder")
}

/// The codes of `data/briefing.json`'s countries (the countries with a page), lower case.
fn corpus_codes(site: &Path) -> Vec<String> {
    let data = read_json(&site.join("data/briefing.json"));
    let mut codes: Vec<String> = data["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap().to_ascii_lowercase())
        .collect();
    codes.sort();
    codes
}

/// Panics unless `bytes` is one well-formed SVG document with the flags' 4:3 viewBox.
fn assert_svg(bytes: &[u8], what: &str) {
    use quick_xml::events::Event;
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what} is not UTF-8: {e}"));
    let mut reader = quick_xml::Reader::from_str(text);
    let (mut depth, mut root, mut elements) = (0usize, None, 0usize);
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("{what} is not well-formed XML: {e}"));
        let start = match &event {
            Event::Start(e) | Event::Empty(e) => Some(e.clone()),
            _ => None,
        };
        if let Some(e) = start {
            elements += 1;
            if depth == 0 {
                assert!(root.is_none(), "{what} has one root element");
                let view_box = e
                    .try_get_attribute("viewBox")
                    .unwrap()
                    .map(|a| a.unescape_value().unwrap().into_owned());
                let ns = e
                    .try_get_attribute("xmlns")
                    .unwrap()
                    .map(|a| a.unescape_value().unwrap().into_owned());
                root = Some((
                    String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                    view_box,
                    ns,
                ));
            }
        }
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "{what} closes every element");
    assert_eq!(
        root,
        Some((
            "svg".to_string(),
            Some("0 0 640 480".to_string()),
            Some("http://www.w3.org/2000/svg".to_string())
        )),
        "{what}'s root is an SVG <svg> with the 4:3 viewBox"
    );
    assert!(elements > 1, "{what} draws something");
}

/// Every `.html` page of the site, relative to its root.
fn html_pages(site: &Path) -> Vec<String> {
    snapshot(site)
        .into_iter()
        .filter(|(k, v)| v.is_some() && k.ends_with(".html"))
        .map(|(k, _)| k)
        .collect()
}

#[test]
fn example_site_has_a_flag_file_for_each_of_its_countries_and_no_other() {
    let tmp = tempdir();
    let site = build_example(tmp.path());
    let expected: Vec<String> = EXAMPLE_FLAGS.iter().map(|c| format!("{c}.svg")).collect();
    assert_eq!(file_names(&site.join("flags")), expected);
    assert_eq!(
        corpus_codes(&site),
        EXAMPLE_FLAGS,
        "the flags are those of the countries with a page"
    );
    let everything = snapshot(&site);
    let svgs: Vec<&String> = everything
        .keys()
        .filter(|k| k.ends_with(".svg") && *k != "favicon.svg")
        .collect();
    assert_eq!(svgs.len(), 5, "no flag elsewhere in the site: {svgs:?}");
    for code in EXAMPLE_FLAGS {
        let bytes = std::fs::read(site.join(format!("flags/{code}.svg"))).unwrap();
        assert_svg(&bytes, &format!("flags/{code}.svg"));
    }
    // Each file is its own country's flag: Türkiye's red, Niger's orange and green.
    let tr = std::fs::read_to_string(site.join("flags/tr.svg")).unwrap();
    assert!(
        tr.contains("#e30a17"),
        "flags/tr.svg is Türkiye's: {tr:.200}"
    );
    let ne = std::fs::read_to_string(site.join("flags/ne.svg")).unwrap();
    assert!(
        ne.contains("#0db02b") && ne.contains("#e05206"),
        "flags/ne.svg is Niger's: {ne:.200}"
    );
}

#[test]
fn country_page_h1_and_chips_show_the_flag_images_by_relative_urls() {
    let tmp = tempdir();
    let site = build_example(tmp.path());

    let page = read_html(&site, "countries/turkiye.html");
    let h1 = page.select(&sel("h1")).next().expect("an h1");
    let imgs: Vec<_> = h1.select(&sel("img")).collect();
    assert_eq!(imgs.len(), 1, "the h1 has one image: {}", h1.html());
    let img = imgs[0].value();
    assert_eq!(img.attr("src"), Some("../flags/tr.svg"));
    assert_eq!(img.attr("class"), Some("flag"));
    assert_eq!(
        img.attr("alt"),
        Some(""),
        "decorative: the name is beside it"
    );
    assert_eq!(
        (img.attr("width"), img.attr("height")),
        (Some("20"), Some("15"))
    );
    assert_eq!(text_of(h1), "Türkiye", "the h1 reads as the name alone");
    assert_svg(
        &std::fs::read(site.join(resolve("countries/turkiye.html", "../flags/tr.svg"))).unwrap(),
        "the h1's flag",
    );

    // Chips, at the root (the home page) and one folder down (an agreement page).
    let home = read_html(&site, "index.html");
    let mut home_flags: Vec<&str> = home
        .select(&sel("a.chip img.flag"))
        .filter_map(|i| i.value().attr("src"))
        .collect();
    home_flags.sort();
    home_flags.dedup(); // the country cloud, and the document card's chips
    assert_eq!(
        home_flags,
        EXAMPLE_FLAGS.map(|c| format!("flags/{c}.svg")),
        "the home page's country chips"
    );
    let data = read_json(&site.join("data/briefing.json"));
    let agreement = data["agreements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["parties"] == serde_json::json!(["NE", "TR"]))
        .expect("the Niger–Türkiye agreement");
    let url = agreement["url"].as_str().unwrap();
    let page = read_html(&site, url);
    let mut srcs: Vec<String> = page
        .select(&sel("table.facts a.chip img.flag"))
        .filter_map(|i| i.value().attr("src"))
        .map(|s| resolve(url, s))
        .collect();
    srcs.sort();
    srcs.dedup();
    assert_eq!(
        srcs,
        ["flags/ne.svg", "flags/tr.svg"],
        "{url}'s party chips"
    );

    // Every flag image of every page names a file the site has (the link checker agrees).
    for page in html_pages(&site) {
        for img in read_html(&site, &page).select(&sel("img.flag")) {
            let src = img.value().attr("src").unwrap();
            let target = resolve(&page, src);
            assert!(
                target.starts_with("flags/") && site.join(&target).is_file(),
                "{page}: {src} is a flag file of the site"
            );
        }
    }
    assert_no_broken_links(&site);
}

#[test]
fn no_file_of_the_site_holds_an_emoji_flag() {
    let tmp = tempdir();
    let site = build_example(tmp.path());
    // A second corpus naming countries from every region, Kosovo among them.
    let seeds = tmp.path().join("more");
    write_seed(
        &seeds,
        "many.md",
        "+++\ntitle = \"Ministers meet\"\ndate = 2025-05-01\n\
         countries = [\"XK\", \"JP\", \"BR\", \"US\", \"GB\", \"ZA\", \"FJ\", \"CH\", \"NP\"]\n+++\n\n\
         Ministers from several countries met in Geneva on Thursday to discuss trade.\n",
    );
    let more = tmp.path().join("more-site");
    build_ok(tmp.path(), &seeds, &more);
    let codes = corpus_codes(&more);
    assert!(codes.contains(&"xk".to_string()), "{codes:?}");
    let expected: Vec<String> = codes.iter().map(|c| format!("{c}.svg")).collect();
    assert_eq!(file_names(&more.join("flags")), expected);

    for dir in [&site, &more] {
        let mut checked = 0;
        for (rel, bytes) in snapshot(dir) {
            let Some(bytes) = bytes else { continue };
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            if let Some(ch) = text
                .chars()
                .find(|c| ('\u{1F1E6}'..='\u{1F1FF}').contains(c))
            {
                panic!(
                    "{rel} holds a regional-indicator character U+{:X}",
                    ch as u32
                );
            }
            checked += usize::from(rel.ends_with(".html"));
        }
        assert!(checked >= 10, "{} pages checked", checked);
    }
}

#[test]
fn every_page_footer_credits_flag_icons_and_its_licence() {
    let tmp = tempdir();
    let site = build_example(tmp.path());
    let mut seen = 0;
    for page in html_pages(&site) {
        let html = read_html(&site, &page);
        let Some(credit) = html.select(&sel("footer .credit")).next() else {
            continue; // 404.html and redirects have no footer
        };
        seen += 1;
        let text = text_of(credit);
        assert!(
            text.contains("Flags from flag-icons by Panayiotis Lipiridis")
                && text.contains("MIT licence"),
            "{page}'s footer credits the flags: {text}"
        );
        let links: Vec<&str> = credit
            .select(&sel("a"))
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert!(
            links.contains(&"https://github.com/lipis/flag-icons"),
            "{page}: {links:?}"
        );
        assert!(
            text.contains("Natural Earth"),
            "beside the other credits: {text}"
        );
    }
    assert!(seen >= 10, "{seen} pages with a footer");
}

#[test]
fn a_projects_own_static_flag_replaces_the_built_in_one() {
    let tmp = tempdir();
    let mine = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 480"><path fill="#123456" d="M0 0h640v480H0z"/></svg>"##;
    std::fs::create_dir_all(tmp.path().join("static/flags")).unwrap();
    std::fs::write(tmp.path().join("static/flags/tr.svg"), mine).unwrap();
    let site = build_example(tmp.path());
    assert_eq!(
        std::fs::read_to_string(site.join("flags/tr.svg")).unwrap(),
        mine
    );
    assert!(
        std::fs::read_to_string(site.join("flags/ne.svg"))
            .unwrap()
            .contains("#0db02b"),
        "the other flags are the built-in ones"
    );
}

#[test]
fn serve_updates_add_and_remove_flag_files_as_countries_come_and_go() {
    use briefing::config::{Config, Overrides, RawConfig};
    use briefing::session::Session;

    let tmp = tempdir();
    let seeds = tmp.path().join("seeds");
    let doc = |countries: &str| {
        format!(
            "+++\ntitle = \"Trade talks\"\ndate = 2025-02-01\ncountries = [{countries}]\n+++\n\n\
             Ministers met on Monday to discuss trade and investment.\n"
        )
    };
    write_seed(&seeds, "talks.md", &doc("\"KE\", \"GH\""));
    let cfg = Config::from_raw(
        RawConfig::default(),
        tmp.path().to_path_buf(),
        &Overrides {
            seeds: Some(seeds.clone()),
            out: Some(tmp.path().join("site")),
            ..Overrides::default()
        },
    )
    .expect("config");
    let flag_names = |files: &briefing::session::Files| -> Vec<String> {
        files
            .keys()
            .filter(|k| k.starts_with("flags/"))
            .cloned()
            .collect()
    };
    let mut session = Session::new(cfg.clone());
    let (mut files, _) = session.build_all().expect("first build");
    assert_eq!(flag_names(&files), ["flags/gh.svg", "flags/ke.svg"]);

    // Ghana goes, Japan comes: as `serve` applies a quick update.
    write_seed(&seeds, "talks.md", &doc("\"KE\", \"JP\""));
    let update = session.update().expect("update");
    for gone in &update.removed {
        files.remove(gone);
    }
    files.extend(update.written);
    assert_eq!(flag_names(&files), ["flags/jp.svg", "flags/ke.svg"]);
    let (fresh, _) = briefing::build_in_memory(&cfg).expect("fresh build");
    assert_eq!(flag_names(&fresh), flag_names(&files));
    assert_eq!(files.get("flags/jp.svg"), fresh.get("flags/jp.svg"));
}

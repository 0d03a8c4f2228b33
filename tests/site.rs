//! End-to-end tests: each one runs the real `briefing` binary into its own temporary folder and
//! checks what it wrote (pages, links, data files) or refused to write.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use common::*;

/// The countries of the example: code, display name, slug.
const EXAMPLE_COUNTRIES: [(&str, &str, &str); 5] = [
    ("CD", "DR Congo", "dr-congo"),
    ("CN", "China", "china"),
    ("NE", "Niger", "niger"),
    ("TJ", "Tajikistan", "tajikistan"),
    ("TR", "Türkiye", "turkiye"),
];

const SUBHEADINGS: [&str; 2] = [
    "Deepening Ties with Africa and Asia",
    "A Strategic Approach to Resource Security",
];

const KINDS: [&str; 9] = [
    "mou",
    "agreement",
    "deal",
    "accord",
    "declaration",
    "partnership",
    "framework",
    "letter-of-intent",
    "other",
];
const STATUSES: [&str; 3] = ["signed", "discussed", "planned"];

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("cannot create a temporary folder")
}

/// The one document of a site built from the example alone.
fn example_document(site: &Path) -> Value {
    let data = read_json(&site.join("data/briefing.json"));
    let docs = data["documents"].as_array().expect("documents is a list");
    assert_eq!(docs.len(), 1, "the example is one document: {docs:#?}");
    docs[0].clone()
}

fn str_field<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` should be a string in {v:#}"))
}

fn list_field<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("`{key}` should be a list in {v:#}"))
}

fn str_list(v: &Value, key: &str) -> Vec<String> {
    list_field(v, key)
        .iter()
        .map(|x| {
            x.as_str()
                .unwrap_or_else(|| panic!("`{key}` should hold strings in {v:#}"))
                .to_string()
        })
        .collect()
}

fn assert_keys(v: &Value, keys: &[&str], what: &str) {
    let obj = v
        .as_object()
        .unwrap_or_else(|| panic!("{what} should be an object: {v:#}"));
    for k in keys {
        assert!(obj.contains_key(*k), "{what} lacks `{k}`: {v:#}");
    }
}

fn assert_str_or_null(v: &Value, key: &str, what: &str) {
    assert!(
        v[key].is_null() || v[key].is_string(),
        "{what}: `{key}` should be a string or null: {v:#}"
    );
}

fn assert_date_or_null(v: &Value, key: &str, what: &str) {
    match &v[key] {
        Value::Null => {}
        Value::String(s) => {
            let b = s.as_bytes();
            assert!(
                b.len() == 10
                    && b[4] == b'-'
                    && b[7] == b'-'
                    && b.iter()
                        .enumerate()
                        .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()),
                "{what}: `{key}` should be YYYY-MM-DD, got {s:?}"
            );
        }
        other => panic!("{what}: `{key}` should be a date string or null, got {other}"),
    }
}

fn is_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(['-', '.'])
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks the data contract of BRIEF.md §3: every key, every type, and that every reference
/// between records names a record that exists. With `site`, also that every `url` is a file of
/// the site and every evidence paragraph an id on its document's page.
fn assert_contract(data: &Value, site: Option<&Path>) {
    assert_keys(
        data,
        &["documents", "countries", "agreements"],
        "the top level",
    );
    let docs = list_field(data, "documents");
    let countries = list_field(data, "countries");
    let agreements = list_field(data, "agreements");

    let doc_slugs: BTreeSet<&str> = docs.iter().map(|d| str_field(d, "slug")).collect();
    assert_eq!(doc_slugs.len(), docs.len(), "document slugs are unique");
    let codes: BTreeSet<&str> = countries.iter().map(|c| str_field(c, "code")).collect();
    assert_eq!(codes.len(), countries.len(), "country codes are unique");
    let agreement_slugs: BTreeSet<&str> = agreements.iter().map(|a| str_field(a, "slug")).collect();
    assert_eq!(
        agreement_slugs.len(),
        agreements.len(),
        "agreement slugs are unique"
    );

    for d in docs {
        let what = format!("document {}", d["path"]);
        assert_keys(
            d,
            &[
                "path",
                "slug",
                "url",
                "title",
                "date",
                "summary",
                "source",
                "source_url",
                "countries",
                "people",
                "agreements",
            ],
            &what,
        );
        let slug = str_field(d, "slug");
        assert!(is_slug(slug), "{what}: bad slug {slug:?}");
        assert_eq!(
            str_field(d, "url"),
            format!("documents/{slug}.html"),
            "{what}"
        );
        assert!(!str_field(d, "title").trim().is_empty(), "{what}: no title");
        assert!(!str_field(d, "path").is_empty(), "{what}: no path");
        assert_str_or_null(d, "summary", &what);
        assert_str_or_null(d, "source", &what);
        assert_str_or_null(d, "source_url", &what);
        assert_date_or_null(d, "date", &what);
        for c in list_field(d, "countries") {
            assert_keys(c, &["code", "mentions"], &what);
            let code = str_field(c, "code");
            assert!(
                codes.contains(code),
                "{what}: country {code} is not in the countries list"
            );
            let mentions = c["mentions"]
                .as_u64()
                .unwrap_or_else(|| panic!("{what}: mentions should be a count: {c}"));
            assert!(
                mentions > 0,
                "{what}: {code} is listed with {mentions} mentions"
            );
        }
        for p in list_field(d, "people") {
            assert_keys(p, &["name", "role", "country"], &what);
            assert!(
                !str_field(p, "name").is_empty(),
                "{what}: a person with no name"
            );
            assert_str_or_null(p, "role", &what);
            assert_str_or_null(p, "country", &what);
        }
        for a in str_list(d, "agreements") {
            assert!(
                agreement_slugs.contains(a.as_str()),
                "{what}: agreement {a} has no record"
            );
        }
    }

    for c in countries {
        let code = str_field(c, "code");
        let what = format!("country {code}");
        assert_keys(
            c,
            &["code", "name", "slug", "url", "documents", "agreements"],
            &what,
        );
        assert!(is_code(code), "{what}: not an alpha-2 code");
        assert!(!str_field(c, "name").is_empty(), "{what}: no name");
        let slug = str_field(c, "slug");
        assert!(is_slug(slug), "{what}: bad slug {slug:?}");
        assert_eq!(
            str_field(c, "url"),
            format!("countries/{slug}.html"),
            "{what}"
        );
        let documents = str_list(c, "documents");
        assert!(
            !documents.is_empty(),
            "{what}: a listed country must be mentioned by some document"
        );
        for d in &documents {
            assert!(
                doc_slugs.contains(d.as_str()),
                "{what}: unknown document {d}"
            );
        }
        for a in str_list(c, "agreements") {
            assert!(
                agreement_slugs.contains(a.as_str()),
                "{what}: unknown agreement {a}"
            );
        }
    }

    for a in agreements {
        let slug = str_field(a, "slug");
        let what = format!("agreement {slug}");
        assert_keys(
            a,
            &[
                "slug",
                "url",
                "title",
                "kind",
                "status",
                "parties",
                "organisations",
                "topic",
                "signatories",
                "place",
                "date",
                "documents",
                "evidence",
            ],
            &what,
        );
        assert!(is_slug(slug), "{what}: bad slug");
        assert_eq!(
            str_field(a, "url"),
            format!("agreements/{slug}.html"),
            "{what}"
        );
        assert!(!str_field(a, "title").is_empty(), "{what}: no title");
        let kind = str_field(a, "kind");
        assert!(KINDS.contains(&kind), "{what}: unknown kind {kind:?}");
        let status = str_field(a, "status");
        assert!(
            STATUSES.contains(&status),
            "{what}: unknown status {status:?}"
        );
        let parties = str_list(a, "parties");
        let organisations = str_list(a, "organisations");
        assert!(
            !(parties.is_empty() && organisations.is_empty()),
            "{what}: no parties"
        );
        for p in &parties {
            assert!(
                codes.contains(p.as_str()),
                "{what}: party {p} is not listed"
            );
        }
        assert_str_or_null(a, "topic", &what);
        str_list(a, "signatories");
        assert_str_or_null(a, "place", &what);
        assert_date_or_null(a, "date", &what);
        let documents = str_list(a, "documents");
        assert!(!documents.is_empty(), "{what}: no documents");
        for d in &documents {
            assert!(
                doc_slugs.contains(d.as_str()),
                "{what}: unknown document {d}"
            );
        }
        for e in list_field(a, "evidence") {
            assert_keys(e, &["document", "paragraph", "status", "text"], &what);
            let doc = str_field(e, "document");
            assert!(
                documents.iter().any(|d| d == doc),
                "{what}: evidence from {doc}, which is not among its documents"
            );
            assert!(STATUSES.contains(&str_field(e, "status")), "{what}: {e}");
            assert!(!str_field(e, "text").is_empty(), "{what}: empty evidence");
            if let Some(site) = site {
                let page = format!("documents/{doc}.html");
                let para = str_field(e, "paragraph");
                let html = read_html(site, &page);
                let found = html
                    .select(&sel("[id]"))
                    .any(|el| el.value().attr("id") == Some(para));
                assert!(found, "{what}: evidence paragraph #{para} is not on {page}");
            }
        }
    }

    if let Some(site) = site {
        for record in docs.iter().chain(countries).chain(agreements) {
            let url = str_field(record, "url");
            assert!(
                site.join(url).is_file(),
                "{url} is in briefing.json but not in the site"
            );
        }
    }
}

#[test]
fn example_site_has_exactly_the_five_country_pages_and_an_index() {
    let tmp = tempdir();
    let site = build_example(tmp.path());

    let mut expected: Vec<String> = EXAMPLE_COUNTRIES
        .iter()
        .map(|(_, _, slug)| format!("{slug}.html"))
        .collect();
    expected.push("index.html".into());
    expected.sort();
    assert_eq!(file_names(&site.join("countries")), expected);
    let subfolders: Vec<_> = std::fs::read_dir(site.join("countries"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name())
        .collect();
    assert!(
        subfolders.is_empty(),
        "countries/ has folders: {subfolders:?}"
    );

    let doc_url = str_field(&example_document(&site), "url").to_string();
    let index_targets = link_targets(&site, "countries/index.html");
    for (_, name, slug) in EXAMPLE_COUNTRIES {
        let page = format!("countries/{slug}.html");
        let html = read_html(&site, &page);
        let h1: Vec<String> = html.select(&sel("h1")).map(text_of).collect();
        assert_eq!(h1.len(), 1, "{page} has one h1: {h1:?}");
        assert!(h1[0].contains(name), "{page}'s h1 {:?} names {name}", h1[0]);
        let title = html.select(&sel("title")).next().map(text_of);
        assert!(
            title.as_deref().is_some_and(|t| t.contains(name)),
            "{page}'s <title> {title:?} names {name}"
        );
        assert!(
            link_targets(&site, &page).contains(&doc_url),
            "{page} links to the document {doc_url}"
        );
        assert!(
            index_targets.contains(&page),
            "countries/index.html links to {page}"
        );
    }
    let other: Vec<&String> = index_targets
        .iter()
        .filter(|t| t.starts_with("countries/") && *t != "countries/index.html")
        .filter(|t| {
            !EXAMPLE_COUNTRIES
                .iter()
                .any(|(_, _, s)| **t == format!("countries/{s}.html"))
        })
        .collect();
    assert!(
        other.is_empty(),
        "countries/index.html links to other countries: {other:?}"
    );
}

#[test]
fn example_site_has_every_section_and_only_the_tools_hidden_files() {
    let tmp = tempdir();
    let site = build_example(tmp.path());
    for rel in [
        "index.html",
        "404.html",
        "documents/index.html",
        "countries/index.html",
        "agreements/index.html",
        "data/briefing.json",
        "data/documents.csv",
        "data/countries.csv",
        "data/agreements.csv",
        ".briefing-site",
        ".nojekyll",
    ] {
        assert!(site.join(rel).is_file(), "the site lacks {rel}");
    }
    let hidden: Vec<String> = snapshot(&site)
        .into_keys()
        .filter(|k| k.split('/').any(|part| part.starts_with('.')))
        .collect();
    assert_eq!(
        hidden,
        [".briefing-site", ".nojekyll"],
        "the only hidden files are the marker and .nojekyll (the lock sits beside the site)"
    );

    let doc_url = str_field(&example_document(&site), "url").to_string();
    assert!(
        link_targets(&site, "index.html").contains(&doc_url),
        "the home page links to the document"
    );
    assert!(
        link_targets(&site, "documents/index.html").contains(&doc_url),
        "the documents index links to the document"
    );
    for page in ["index.html", "404.html", &doc_url] {
        let html = read_html(&site, page);
        let lang = html
            .select(&sel("html"))
            .next()
            .and_then(|h| h.value().attr("lang").map(str::to_string));
        assert_eq!(lang.as_deref(), Some("en"), "{page} has lang=\"en\"");
        assert_eq!(
            html.select(&sel("main")).count(),
            1,
            "{page} has one <main>"
        );
    }
}

#[test]
fn example_document_page_has_the_subheadings_as_h2_with_ids_and_the_figures() {
    let tmp = tempdir();
    let site = build_example(tmp.path());
    let doc_url = str_field(&example_document(&site), "url").to_string();
    let html = read_html(&site, &doc_url);

    let h2s: Vec<(String, Option<String>)> = html
        .select(&sel("main h2"))
        .map(|h| (text_of(h), h.value().attr("id").map(str::to_string)))
        .collect();
    let mut positions = Vec::new();
    for heading in SUBHEADINGS {
        // The heading's text, possibly followed by a permalink symbol such as "#".
        let found = h2s.iter().position(|(text, _)| {
            text.strip_prefix(heading)
                .is_some_and(|rest| !rest.chars().any(char::is_alphanumeric))
        });
        let i = found.unwrap_or_else(|| panic!("no <h2> {heading:?} on {doc_url}: {h2s:?}"));
        let id = h2s[i].1.as_deref().unwrap_or("");
        assert!(!id.is_empty(), "<h2> {heading:?} has an id");
        positions.push(i);
    }
    assert!(
        positions[0] < positions[1],
        "the subheadings keep the document's order"
    );

    let mut ids = BTreeMap::new();
    for el in html.select(&sel("[id]")) {
        *ids.entry(el.value().attr("id").unwrap().to_string())
            .or_insert(0) += 1;
    }
    let dup: Vec<_> = ids.iter().filter(|(_, n)| **n > 1).collect();
    assert!(dup.is_empty(), "ids are unique on {doc_url}: {dup:?}");

    let paragraphs: Vec<(String, Option<String>)> = html
        .select(&sel("main article p"))
        .map(|p| (text_of(p), p.value().attr("id").map(str::to_string)))
        .collect();
    let figure = paragraphs
        .iter()
        .find(|(t, _)| t.contains("570,000"))
        .unwrap_or_else(|| panic!("no paragraph with the figure 570,000 on {doc_url}"));
    assert!(
        figure.1.as_deref().is_some_and(|id| !id.is_empty()),
        "the paragraph with 570,000 has an id"
    );
    for needle in [
        "second-largest rare earth element deposit in Eskişehir",
        "Kizito Pakabomba Kapinga",
        "Sherali Kabir",
    ] {
        assert!(
            paragraphs.iter().any(|(t, _)| t.contains(needle)),
            "the body keeps {needle:?}"
        );
    }
    // Subheadings are headings, not paragraphs.
    for heading in SUBHEADINGS {
        assert!(
            !paragraphs.iter().any(|(t, _)| t.starts_with(heading)),
            "{heading:?} is a heading, not a paragraph"
        );
    }
}

#[test]
fn example_title_is_a_headline_of_at_most_80_characters_from_the_lead() {
    let tmp = tempdir();
    let site = build_example(tmp.path());
    let doc = example_document(&site);
    let title = str_field(&doc, "title").to_string();
    let chars = title.chars().count();
    assert!(
        (10..=80).contains(&chars),
        "the title {title:?} has {chars} characters"
    );
    assert!(
        !title.contains("96f1017cc7fce4e4") && !title.contains(".txt"),
        "the title {title:?} comes from the text, not the file name"
    );

    let seed = std::fs::read_to_string(example_seed()).unwrap();
    let lead = seed.lines().find(|l| !l.trim().is_empty()).unwrap();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let lead_words: BTreeSet<String> = words(lead).into_iter().collect();
    for w in words(&title) {
        assert!(
            lead_words.contains(&w),
            "the title {title:?} has the word {w:?}, which the lead does not (cut mid-word?)"
        );
    }

    let html = read_html(&site, str_field(&doc, "url"));
    let h1: Vec<String> = html.select(&sel("main h1")).map(text_of).collect();
    assert_eq!(h1.len(), 1, "one h1 on the document page: {h1:?}");
    assert_eq!(h1[0], title, "the document page's h1 is the title");
    let head_title = html.select(&sel("title")).next().map(text_of).unwrap();
    assert!(
        head_title.contains(&title),
        "<title> {head_title:?} holds the title"
    );
    let summary = str_field(&doc, "summary");
    let opening: String = summary.chars().take(40).collect();
    assert!(
        summary.chars().count() >= 40 && lead.starts_with(&opening),
        "the summary {summary:?} comes from the first sentences"
    );
}

#[test]
fn example_briefing_json_matches_the_data_contract() {
    let tmp = tempdir();
    let site = build_example(tmp.path());
    let data = read_json(&site.join("data/briefing.json"));
    assert_contract(&data, Some(&site));

    let doc = example_document(&site);
    assert_eq!(str_field(&doc, "path"), EXAMPLE);
    assert!(doc["date"].is_null(), "the example has no date");
    assert!(doc["source"].is_null() && doc["source_url"].is_null());
    let doc_codes: BTreeSet<&str> = list_field(&doc, "countries")
        .iter()
        .map(|c| str_field(c, "code"))
        .collect();
    let expected: BTreeSet<&str> = EXAMPLE_COUNTRIES.iter().map(|(c, _, _)| *c).collect();
    assert_eq!(doc_codes, expected, "the example's countries");
    let mentions = |code: &str| {
        list_field(&doc, "countries")
            .iter()
            .find(|c| c["code"] == code)
            .and_then(|c| c["mentions"].as_u64())
            .unwrap()
    };
    assert!(
        mentions("TR") > mentions("NE") && mentions("TR") > mentions("TJ"),
        "Türkiye is the most mentioned"
    );

    let countries = list_field(&data, "countries");
    assert_eq!(countries.len(), 5, "{countries:#?}");
    let doc_slug = str_field(&doc, "slug");
    for (code, name, slug) in EXAMPLE_COUNTRIES {
        let c = countries
            .iter()
            .find(|c| c["code"] == code)
            .unwrap_or_else(|| panic!("{code} is not in the countries list"));
        assert_eq!(str_field(c, "name"), name);
        assert_eq!(str_field(c, "slug"), slug);
        assert_eq!(str_list(c, "documents"), [doc_slug]);
    }
}

#[test]
fn example_csv_files_have_a_header_and_one_row_per_record() {
    let tmp = tempdir();
    let site = build_example(tmp.path());
    let data = read_json(&site.join("data/briefing.json"));
    for (file, key, columns) in [
        (
            "documents.csv",
            "documents",
            &["path", "slug", "url", "title", "date", "summary"][..],
        ),
        (
            "countries.csv",
            "countries",
            &["code", "name", "slug", "url"][..],
        ),
        (
            "agreements.csv",
            "agreements",
            &["slug", "url", "title", "kind", "status", "parties"][..],
        ),
    ] {
        let path = site.join("data").join(file);
        let mut reader = csv::Reader::from_path(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let header: Vec<String> = reader
            .headers()
            .unwrap_or_else(|e| panic!("{file} has no header row: {e}"))
            .iter()
            .map(str::to_string)
            .collect();
        for c in columns {
            assert!(
                header.iter().any(|h| h == c),
                "{file}'s header {header:?} has {c}"
            );
        }
        let rows: Vec<csv::StringRecord> = reader
            .records()
            .map(|r| r.unwrap_or_else(|e| panic!("{file}: bad row: {e}")))
            .collect();
        let records = list_field(&data, key);
        assert_eq!(
            rows.len(),
            records.len(),
            "{file} has one row per record of `{key}`"
        );
        // Rows carry the same records as the JSON: compare the first column.
        let first = &header[0];
        let from_rows: BTreeSet<&str> = rows.iter().map(|r| &r[0]).collect();
        let from_json: BTreeSet<&str> = records.iter().map(|r| str_field(r, first)).collect();
        assert_eq!(from_rows, from_json, "{file}'s `{first}` column");
    }
    let countries = std::fs::read_to_string(site.join("data/countries.csv")).unwrap();
    assert!(countries.contains("Türkiye"), "UTF-8 names in the CSV");
}

#[test]
fn example_site_internal_links_and_anchors_all_resolve() {
    let tmp = tempdir();
    let site = build_example(tmp.path());
    assert_no_broken_links(&site);
    // The checker really looked: the document page links to every country page.
    let doc_url = str_field(&example_document(&site), "url").to_string();
    let targets = link_targets(&site, &doc_url);
    for (_, _, slug) in EXAMPLE_COUNTRIES {
        assert!(
            targets.contains(&format!("countries/{slug}.html")),
            "{doc_url} links to countries/{slug}.html"
        );
    }
}

/// The value a script file of the site assigns: `<prefix>JSON;\n`.
fn assigned(site: &Path, file: &str, prefix: &str) -> Value {
    let text = std::fs::read_to_string(site.join(file))
        .unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
    let json = text
        .strip_prefix(prefix)
        .and_then(|s| s.strip_suffix(";\n"))
        .unwrap_or_else(|| panic!("{file} is not one `{prefix}…;` assignment"));
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{file} does not hold JSON: {e}"))
}

/// Checks the search index's text shards against the index and the document pages: one
/// `search-text-<n>.js` per `shard` documents and no other; document `d` of the index is entry
/// `d % shard` of shard `d / shard`; every entry is `[paragraph id, text]` pairs within the cap,
/// each id an element of that document's page whose text starts like the pair's text. Returns
/// the index and every document's entry, in index order.
fn assert_search_shards(site: &Path) -> (Value, Vec<Value>) {
    let index = assigned(site, "search-index.js", "window.BRIEFING_SEARCH = ");
    let per = usize::try_from(
        index["shard"]
            .as_u64()
            .expect("the index names its shard size"),
    )
    .unwrap();
    assert!(per > 0);
    let docs = index["docs"].as_array().unwrap();
    let count = docs.len().div_ceil(per);
    let mut want: Vec<String> = (0..count).map(|n| format!("search-text-{n}.js")).collect();
    want.sort();
    let have: Vec<String> = file_names(site)
        .into_iter()
        .filter(|n| n.starts_with("search-text-"))
        .collect();
    assert_eq!(
        have,
        want,
        "one text shard per {per} documents of {}",
        docs.len()
    );

    let mut texts = Vec::new();
    for n in 0..count {
        let shard = assigned(
            site,
            &format!("search-text-{n}.js"),
            &format!("window.BRIEFING_TEXT_{n} = "),
        );
        let entries = shard.as_array().expect("a shard is an array").clone();
        let expected = per.min(docs.len() - n * per);
        assert_eq!(
            entries.len(),
            expected,
            "search-text-{n}.js holds {expected} documents"
        );
        texts.extend(entries);
    }
    let cap = briefing::render::search::TEXT_CAP;
    for (d, (doc, entry)) in docs.iter().zip(&texts).enumerate() {
        let url = doc[1].as_str().unwrap();
        let pairs = entry.as_array().unwrap();
        let bytes: usize = pairs.iter().map(|p| p[1].as_str().unwrap().len()).sum();
        assert!(
            bytes <= cap,
            "document {d} ({url}) has {bytes} bytes of text, over {cap}"
        );
        if pairs.is_empty() {
            continue;
        }
        let page = read_html(site, url);
        for pair in pairs {
            let (id, text) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
            let el = page
                .select(&sel(&format!("main [id=\"{id}\"]")))
                .next()
                .unwrap_or_else(|| panic!("document {d}: {url} has no element id={id:?}"));
            let shown = text_of(el);
            let head: String = text
                .split_whitespace()
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                shown.starts_with(&head),
                "document {d}: #{id} of {url} reads {shown:?}, the shard {head:?}"
            );
        }
    }
    (index, texts)
}

#[test]
fn example_search_text_shard_holds_the_documents_paragraphs_under_their_ids() {
    let tmp = tempdir();
    let site = build_example(tmp.path());
    let (index, texts) = assert_search_shards(&site);
    assert_eq!(texts.len(), 1);
    let pairs = texts[0].as_array().unwrap();
    let text: Vec<&str> = pairs.iter().map(|p| p[1].as_str().unwrap()).collect();
    assert!(
        text[0].starts_with("Türkiye is strengthening its presence on the global mining stage"),
        "the lead comes first: {:?}",
        text[0]
    );
    assert!(
        text.iter()
            .any(|t| t.contains("Bayraktar met with Niger’s Mines Minister Abarchi Ousmane")),
        "the paragraph that names Niger is there: {text:?}"
    );
    assert!(
        text.contains(&"Deepening Ties with Africa and Asia"),
        "subheadings too: {text:?}"
    );
    // The text stays out of the index itself; the index tells the page what to leave out.
    let js = std::fs::read_to_string(site.join("search-index.js")).unwrap();
    assert!(!js.contains("Abarchi Ousmane in Istanbul"));
    let stop: Vec<&str> = index["stopwords"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(stop.contains(&"the") && !stop.contains(&"niger"));
}

#[test]
fn search_text_shards_follow_the_index_order_not_the_file_order() {
    // Newest first in the index, so the shard entries must be too: files named against
    // their dates, each with its own words.
    let tmp = tempdir();
    let seeds = tmp.path().join("seeds");
    for (name, date, country) in [
        ("a-oldest.md", "2023-02-01", "Kenya"),
        ("b-newest.md", "2025-06-01", "Ghana"),
        ("c-middle.md", "2024-04-01", "Niger"),
    ] {
        write_seed(
            &seeds,
            name,
            &format!(
                "+++\ntitle = \"{country} report\"\ndate = {date}\n+++\n\n\
                 Officials in {country} spoke about {name} on {date}.\n\n\
                 A second paragraph about {country} follows.\n"
            ),
        );
    }
    let site = tmp.path().join("site");
    build_ok(tmp.path(), &seeds, &site);
    let (index, texts) = assert_search_shards(&site);
    let order: Vec<&str> = index["docs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d[3].as_str().unwrap())
        .collect();
    assert_eq!(order, ["2025-06-01", "2024-04-01", "2023-02-01"]);
    let first: Vec<&str> = texts.iter().map(|t| t[0][1].as_str().unwrap()).collect();
    assert_eq!(
        first,
        [
            "Officials in Ghana spoke about b-newest.md on 2025-06-01.",
            "Officials in Niger spoke about c-middle.md on 2024-04-01.",
            "Officials in Kenya spoke about a-oldest.md on 2023-02-01.",
        ]
    );
}

#[test]
fn generated_200_document_corpus_builds_with_a_page_per_country_and_agreement() {
    let tmp = tempdir();
    let Some((seeds, manifest)) = gen_corpus(200, &tmp.path().join("corpus")) else {
        return;
    };
    let site = tmp.path().join("site");
    let output = build_ok(tmp.path(), &seeds, &site);
    let err = stderr(&output);
    assert!(
        !err.lines()
            .any(|l| l.contains("error:") || l.contains("panicked")),
        "the generated corpus builds without errors:\n{err}"
    );

    let want = |key: &str| -> usize {
        let n = manifest[key]
            .as_u64()
            .unwrap_or_else(|| panic!("manifest.json has no {key}"));
        usize::try_from(n).unwrap()
    };
    let countries = own_pages(&site.join("countries"));
    let agreements = own_pages(&site.join("agreements"));
    let documents = own_pages(&site.join("documents"));
    assert_eq!(
        countries.len(),
        want("countries_terms"),
        "one page per country of the corpus"
    );
    // Every agreement the front matter names has its page; the prose may report more
    // (talks between the same countries, earlier agreements it cites).
    let named = front_matter_agreements(&seeds);
    assert_eq!(
        named.len(),
        want("agreements_terms"),
        "the corpus's own count"
    );
    assert!(
        agreements.len() >= named.len(),
        "a page per agreement of the front matter: {} pages for {} agreements",
        agreements.len(),
        named.len()
    );
    assert_eq!(documents.len(), want("n"), "one page per document");

    let data = read_json(&site.join("data/briefing.json"));
    assert_contract(&data, None);
    assert_eq!(list_field(&data, "documents").len(), want("n"));
    assert_eq!(
        list_field(&data, "countries").len(),
        want("countries_terms")
    );
    assert_eq!(list_field(&data, "agreements").len(), agreements.len());
    let titles: std::collections::HashSet<&str> = list_field(&data, "agreements")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    for title in &named {
        assert!(titles.contains(title.as_str()), "no page for {title}");
    }

    assert_no_broken_links(&site);

    // Search: a text shard per 100 documents, in the index's order.
    let (_, texts) = assert_search_shards(&site);
    assert_eq!(texts.len(), want("n"));
    assert!(
        texts.iter().all(|t| !t.as_array().unwrap().is_empty()),
        "every generated document has text to cut snippets from"
    );
}

/// The distinct agreement titles the corpus's front matter lists (`agreements = [...]`).
fn front_matter_agreements(seeds: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(seeds).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let Some(line) = text.lines().find(|l| l.starts_with("agreements = ")) else {
            continue;
        };
        let list: toml::Value = toml::from_str(line).unwrap();
        for a in list["agreements"].as_array().unwrap() {
            out.insert(a.as_str().unwrap().to_string());
        }
    }
    out
}

#[test]
fn generated_corpus_builds_byte_identical_on_one_thread_and_on_several() {
    let tmp = tempdir();
    let Some((seeds, _)) = gen_corpus(200, &tmp.path().join("corpus")) else {
        return;
    };
    let build_on = |threads: &str| {
        let out = tmp.path().join(format!("site-{threads}-threads"));
        let output = briefing(tmp.path())
            .env("RAYON_NUM_THREADS", threads)
            .arg("build")
            .arg("--seeds")
            .arg(&seeds)
            .arg("--out")
            .arg(&out)
            .output()
            .expect("cannot start the briefing binary");
        assert!(output.status.success(), "{}", describe(&output));
        snapshot(&out)
    };
    let single = build_on("1");
    assert!(
        single.len() > 250,
        "the corpus has its pages: {}",
        single.len()
    );
    assert_same_tree(&single, &build_on("2"), "one thread against two");
    assert_same_tree(&single, &build_on("4"), "one thread against four");
}

#[test]
fn two_builds_of_the_same_seeds_are_byte_identical() {
    let tmp = tempdir();
    let seeds = example_seeds(tmp.path());
    write_seed(&seeds, "kenya-ghana.md", KENYA_GHANA);
    let (a, b) = (tmp.path().join("first"), tmp.path().join("second"));
    build_ok(tmp.path(), &seeds, &a);
    // A clock that leaks into the output shows up across a second boundary.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    build_ok(tmp.path(), &seeds, &b);
    let (sa, sb) = (snapshot(&a), snapshot(&b));
    assert!(sa.len() > 15, "the site has its pages: {:?}", sa.keys());
    assert_same_tree(&sa, &sb, "two builds of the same seeds");

    // Rebuilding into an existing site gives the same bytes as a fresh build.
    build_ok(tmp.path(), &seeds, &a);
    assert_same_tree(&snapshot(&a), &sb, "a rebuild over the previous site");
}

#[test]
fn front_matter_agreement_is_on_both_parties_country_pages_and_has_its_own_page() {
    let tmp = tempdir();
    let seeds = tmp.path().join("seeds");
    write_seed(&seeds, "kenya-ghana.md", KENYA_GHANA);
    let site = tmp.path().join("site");
    build_ok(tmp.path(), &seeds, &site);

    let data = read_json(&site.join("data/briefing.json"));
    assert_contract(&data, Some(&site));
    let agreements = list_field(&data, "agreements");
    assert_eq!(agreements.len(), 1, "one agreement: {agreements:#?}");
    let a = &agreements[0];
    assert_eq!(str_field(a, "title"), KENYA_GHANA_AGREEMENT);
    assert_eq!(str_list(a, "parties"), ["GH", "KE"]);
    assert_eq!(str_field(a, "kind"), "framework");
    let slug = str_field(a, "slug");
    assert!(
        slug.starts_with("ghana-kenya-"),
        "the slug {slug:?} names the parties in alphabetical order"
    );
    let page = format!("agreements/{slug}.html");
    assert_eq!(
        own_pages(&site.join("agreements")),
        [format!("{slug}.html")]
    );

    for country in ["kenya", "ghana"] {
        let country_page = format!("countries/{country}.html");
        assert!(site.join(&country_page).is_file(), "{country_page} exists");
        assert!(
            link_targets(&site, &country_page).contains(&page),
            "{country_page} links to {page}"
        );
    }
    let html = read_html(&site, &page);
    let h1 = html.select(&sel("main h1")).next().map(text_of).unwrap();
    assert!(
        h1.contains(KENYA_GHANA_AGREEMENT),
        "{page}'s h1 {h1:?} is the agreement's title"
    );
    let targets = link_targets(&site, &page);
    for t in ["countries/kenya.html", "countries/ghana.html"] {
        assert!(targets.contains(&t.to_string()), "{page} links to {t}");
    }
    let doc_url = list_field(&data, "documents")[0]["url"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        targets.contains(&doc_url),
        "{page} links to its document {doc_url}"
    );
    assert!(
        link_targets(&site, &doc_url).contains(&page),
        "{doc_url} links to {page}"
    );
    assert!(
        link_targets(&site, "agreements/index.html").contains(&page),
        "the agreements index lists {page}"
    );
    assert_no_broken_links(&site);
}

/// Two stories on Angola and Ethiopia dated `first` and `second`: a memorandum planned, then
/// one signed by named ministers. Returns each agreement's (documents, signatories).
fn angola_ethiopia_memoranda(first: &str, second: &str) -> Vec<(usize, Vec<String>)> {
    let tmp = tempdir();
    let planned = format!(
        "+++\ntitle = \"Angola and Ethiopia plan a memorandum\"\ndate = {first}\n+++\n\n\
         Angola and Ethiopia will sign a memorandum of understanding, officials said in Luanda.\n"
    );
    let signed = format!(
        "+++\ntitle = \"Angola and Ethiopia sign a memorandum\"\ndate = {second}\n+++\n\n\
         Angolan Foreign Minister Tete Antonio and Ethiopian Foreign Minister Taye Atske Selassie \
         signed a memorandum of understanding in Addis Ababa.\n"
    );
    write_seed(tmp.path(), "in/a.md", &planned);
    write_seed(tmp.path(), "in/b.md", &signed);
    let output = run(tmp.path(), &["extract", "--json", "in/a.md", "in/b.md"]);
    assert!(output.status.success(), "{}", describe(&output));
    let data: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    list_field(&data, "agreements")
        .iter()
        .filter(|a| str_list(a, "parties") == ["AO", "ET"])
        .map(|a| (list_field(a, "documents").len(), str_list(a, "signatories")))
        .collect()
}

#[test]
fn reports_years_apart_of_the_same_parties_are_two_agreements_unless_the_topic_is_shared() {
    let months = angola_ethiopia_memoranda("2024-01-10", "2024-06-02");
    assert_eq!(months.len(), 1, "months apart, one memorandum: {months:?}");
    assert_eq!(months[0].0, 2);

    // Five years on, the signed memorandum is not the one planned in 2019: its signers stay
    // off the older story's record.
    let years = angola_ethiopia_memoranda("2019-01-10", "2024-06-02");
    assert_eq!(years.len(), 2, "years apart, two records: {years:?}");
    assert!(
        years
            .iter()
            .any(|(docs, signers)| *docs == 1 && signers.is_empty()),
        "{years:?}"
    );
}

#[test]
fn failed_build_exits_non_zero_names_file_and_line_and_keeps_the_previous_site() {
    let tmp = tempdir();
    let site = build_example(tmp.path());
    let before = snapshot(&site);

    let seeds = tmp.path().join("seeds");
    write_seed(
        &seeds,
        "zz-broken.md",
        "+++\ntitle = \"Unterminated\ndate = 2025-03-01\n+++\n\nKenya and Ghana talk trade.\n",
    );
    let output = build(tmp.path(), &seeds, &site);
    assert!(
        !output.status.success(),
        "a seed with broken front matter fails the build\n{}",
        describe(&output)
    );
    let err = stderr(&output);
    assert!(
        err.contains("zz-broken.md"),
        "stderr names the file:\n{err}"
    );
    assert!(
        err.contains("zz-broken.md:2") || err.contains("line 2"),
        "stderr names line 2 of the file:\n{err}"
    );
    assert!(!err.contains("panicked"), "no panic:\n{err}");
    assert_same_tree(&before, &snapshot(&site), "the site after a failed build");

    let leftovers: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp") || n.contains(".old"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no staging folder is left behind: {leftovers:?}"
    );
}

#[test]
fn unknown_front_matter_country_fails_naming_the_value() {
    let tmp = tempdir();
    let seeds = tmp.path().join("seeds");
    write_seed(
        &seeds,
        "atlantis.md",
        "+++\ntitle = \"Talks\"\ncountries = [\"Kenya\", \"Atlantis\"]\n+++\n\nKenya held talks.\n",
    );
    let site = tmp.path().join("site");
    let output = build(tmp.path(), &seeds, &site);
    assert!(
        !output.status.success(),
        "an unknown country is an error\n{}",
        describe(&output)
    );
    let err = stderr(&output);
    assert!(
        err.contains("Atlantis") && err.contains("atlantis.md"),
        "stderr names the value and the file:\n{err}"
    );
    assert!(!err.contains("panicked"), "no panic:\n{err}");
    assert!(!site.exists(), "nothing is written");
}

#[test]
fn out_equal_to_the_seeds_folder_or_project_root_is_refused_and_nothing_is_deleted() {
    let tmp = tempdir();
    let seeds = example_seeds(tmp.path());
    write_seed(&seeds, "kenya-ghana.md", KENYA_GHANA);
    let seeds_before = snapshot(&seeds);
    let root_before = snapshot(tmp.path());

    for (out, what) in [
        (seeds.clone(), "the seeds folder"),
        (tmp.path().join("seeds/site"), "a folder inside the seeds"),
        (tmp.path().to_path_buf(), "the project root"),
        (
            tmp.path().join("seeds/.."),
            "the project root, spelled with ..",
        ),
    ] {
        let output = build(tmp.path(), &seeds, &out);
        assert!(
            !output.status.success(),
            "--out {} ({what}) is refused\n{}",
            out.display(),
            describe(&output)
        );
        let err = stderr(&output);
        assert!(
            err.contains("refus"),
            "the error says the folder is refused ({what}):\n{err}"
        );
        assert!(!err.contains("panicked"), "no panic:\n{err}");
        assert_same_tree(&seeds_before, &snapshot(&seeds), "the seeds folder");
    }
    let mut after = snapshot(tmp.path());
    // The lock file beside the output is the only thing a refused build may leave.
    after.retain(|k, _| !k.ends_with(".lock"));
    assert_same_tree(&root_before, &after, "the project folder");
}

#[test]
fn non_empty_out_without_the_marker_is_refused_and_nothing_is_deleted() {
    let tmp = tempdir();
    let seeds = example_seeds(tmp.path());
    let out = tmp.path().join("mine");
    std::fs::create_dir_all(out.join("notes")).unwrap();
    std::fs::write(out.join("keep.txt"), "my own file\n").unwrap();
    std::fs::write(out.join("notes/index.html"), "<p>mine</p>\n").unwrap();
    let before = snapshot(&out);

    let output = build(tmp.path(), &seeds, &out);
    assert!(
        !output.status.success(),
        "a non-empty folder without the marker is refused\n{}",
        describe(&output)
    );
    let err = stderr(&output);
    assert!(
        err.contains(".briefing-site") || err.contains("marker"),
        "the error explains the marker:\n{err}"
    );
    assert_same_tree(&before, &snapshot(&out), "the refused folder");

    // An empty folder is fine, and gets the marker.
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    build_ok(tmp.path(), &seeds, &empty);
    assert!(empty.join(".briefing-site").is_file());
}

#[test]
fn extract_json_prints_the_contract_for_the_example_and_writes_nothing() {
    let tmp = tempdir();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(example_seed(), input.join(EXAMPLE)).unwrap();
    let before = snapshot(tmp.path());

    let arg = format!("in/{EXAMPLE}");
    let output = run(tmp.path(), &["extract", "--json", &arg]);
    assert!(output.status.success(), "{}", describe(&output));
    assert_same_tree(&before, &snapshot(tmp.path()), "the working folder");

    let data: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", describe(&output)));
    assert_contract(&data, None);
    let docs = list_field(&data, "documents");
    assert_eq!(docs.len(), 1);
    assert_eq!(
        str_field(&docs[0], "path"),
        arg,
        "the path as given on the command line"
    );
    let codes: BTreeSet<&str> = list_field(&data, "countries")
        .iter()
        .map(|c| str_field(c, "code"))
        .collect();
    let expected: BTreeSet<&str> = EXAMPLE_COUNTRIES.iter().map(|(c, _, _)| *c).collect();
    assert_eq!(codes, expected);

    // The same extraction as the built site's data.
    let site = build_example(&tmp.path().join("build"));
    let built = example_document(&site);
    assert_eq!(docs[0]["countries"], built["countries"]);
    assert_eq!(docs[0]["title"], built["title"]);
    assert_eq!(docs[0]["slug"], built["slug"]);
}

#[test]
fn help_and_version_exit_zero() {
    let tmp = tempdir();
    let help = run(tmp.path(), &["--help"]);
    assert!(help.status.success(), "{}", describe(&help));
    let text = String::from_utf8_lossy(&help.stdout);
    for cmd in ["build", "extract"] {
        assert!(text.contains(cmd), "--help lists `{cmd}`:\n{text}");
    }

    let build_help = run(tmp.path(), &["build", "--help"]);
    assert!(build_help.status.success(), "{}", describe(&build_help));
    let text = String::from_utf8_lossy(&build_help.stdout);
    for flag in [
        "--seeds",
        "--out",
        "--config",
        "--base-url",
        "--drafts",
        "--quiet",
    ] {
        assert!(text.contains(flag), "build --help lists {flag}:\n{text}");
    }

    let version = run(tmp.path(), &["--version"]);
    assert!(version.status.success(), "{}", describe(&version));
    let text = String::from_utf8_lossy(&version.stdout);
    assert!(
        text.contains(env!("CARGO_PKG_VERSION")),
        "--version prints {}: {text}",
        env!("CARGO_PKG_VERSION")
    );
    assert!(
        snapshot(tmp.path()).is_empty(),
        "--help and --version write nothing"
    );
}

//! Published URLs keep working: every URL of a build, after each kind of change to the
//! project, still leads (through at most one redirect) to its entity or to a "gone" page.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use common::*;
use serde_json::Value;

/// The entity a page shows, as the data contract names it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entity {
    Document(String),
    Country(String),
    /// The documents reporting the agreement, earliest first, and its parties.
    Agreement(Vec<String>, Vec<String>),
}

struct Project {
    _tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Project {
    /// Six documents: a Kenya–Ghana MoU reported twice, Chile–Peru talks, a Norway–Iceland
    /// agreement, and two Argentina–Brazil instruments.
    fn new() -> Project {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("project");
        let p = Project { _tmp: tmp, root };
        p.doc("a.md", "Kenya and Ghana sign mining pact", "2025-01-10",
            "Kenya and Ghana signed a memorandum of understanding on mining cooperation in Nairobi on 10 January 2025.\n\nThe pact covers gold and lithium licensing.");
        p.doc("b.md", "Ghana follows up on the mining MoU", "2025-02-10",
            "Ghana and Kenya signed a memorandum of understanding on mining cooperation last month, officials in Accra said on Monday.");
        p.doc(
            "c.md",
            "Peru and Chile hold lithium talks",
            "2025-03-01",
            "Peru and Chile held talks on a lithium agreement in Lima on 1 March 2025.",
        );
        p.doc(
            "d.md",
            "Norway and Iceland sign fisheries agreement",
            "2025-03-05",
            "Norway and Iceland signed an agreement on fisheries in Oslo on 5 March 2025.",
        );
        p.doc(
            "e.md",
            "Brazil and Argentina agree on trade",
            "2025-04-02",
            "Brazil and Argentina signed a trade agreement in Brasília on 2 April 2025.",
        );
        p.doc("f.md", "Argentina and Brazil sign a second pact", "2025-04-05",
            "Argentina and Brazil signed a memorandum of understanding on energy in Buenos Aires on 5 April 2025.");
        p
    }

    fn seeds(&self) -> PathBuf {
        self.root.join("seeds")
    }

    fn site(&self) -> PathBuf {
        self.root.join("site")
    }

    fn doc(&self, name: &str, title: &str, date: &str, body: &str) {
        let text = format!("+++\ntitle = \"{title}\"\ndate = {date}\n+++\n\n{body}\n");
        write_seed(&self.seeds(), name, &text);
    }

    fn edit(&self, name: &str, from: &str, to: &str) {
        let path = self.seeds().join(name);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{name} has no {from:?}");
        fs::write(path, text.replace(from, to)).unwrap();
    }

    fn build(&self, extra: &[&str]) -> std::process::Output {
        briefing(&self.root)
            .arg("build")
            .args(extra)
            .output()
            .unwrap()
    }

    fn build_ok(&self) {
        let out = self.build(&[]);
        assert!(out.status.success(), "{}", describe(&out));
    }

    fn data(&self) -> Value {
        read_json(&self.site().join("data/briefing.json"))
    }

    /// Every entity page of the site, with the entity it shows.
    fn entities(&self) -> BTreeMap<String, Entity> {
        let data = self.data();
        let path_of: BTreeMap<String, String> = data["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (s(&d["slug"]), s(&d["path"])))
            .collect();
        let mut all = BTreeMap::new();
        for d in data["documents"].as_array().unwrap() {
            all.insert(s(&d["url"]), Entity::Document(s(&d["path"])));
        }
        for c in data["countries"].as_array().unwrap() {
            all.insert(s(&c["url"]), Entity::Country(s(&c["code"])));
        }
        for a in data["agreements"].as_array().unwrap() {
            let docs = strings(&a["documents"])
                .iter()
                .map(|d| path_of[d].clone())
                .collect();
            all.insert(
                s(&a["url"]),
                Entity::Agreement(docs, strings(&a["parties"])),
            );
        }
        all
    }

    /// Opens `url` and follows redirect pages; the URL it ends on (a served page).
    fn follow(&self, url: &str) -> String {
        let mut at = url.to_string();
        for _ in 0..3 {
            let path = self.site().join(&at);
            let html = fs::read_to_string(&path).unwrap_or_else(|_| panic!("{at} is missing"));
            let Some(target) = refresh_target(&html) else {
                return at;
            };
            at = resolve(&at, &target);
        }
        panic!("{url}: more than two redirects in a row");
    }

    fn is_gone_page(&self, url: &str, index: &str) -> bool {
        let html = fs::read_to_string(self.site().join(url)).unwrap();
        html.contains("is no longer in the briefing")
            && link_targets(&self.site(), url).contains(&index.to_string())
    }
}

fn s(v: &Value) -> String {
    v.as_str().unwrap().to_string()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(s).collect()
}

/// The target of a page's `<meta http-equiv="refresh">`, if it has one.
fn refresh_target(html: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let meta = doc.select(&sel("meta[http-equiv=refresh]")).next()?;
    let content = meta.value().attr("content")?;
    Some(content.split_once("url=")?.1.trim().to_string())
}

/// What an old entity should lead to in the new site: the same document (by path, or by
/// `renamed`), the same country, and for an agreement the one reported by the document of
/// its earliest evidence that shares a party with it.
fn successor(
    old: &Entity,
    new: &BTreeMap<String, Entity>,
    renamed: &[(&str, &str)],
) -> Option<String> {
    new.iter()
        .find(|(_, e)| match (old, e) {
            (Entity::Document(a), Entity::Document(b)) => {
                a == b || renamed.iter().any(|(from, to)| a == from && b == to)
            }
            (Entity::Country(a), Entity::Country(b)) => a == b,
            (Entity::Agreement(docs, parties), Entity::Agreement(new_docs, new_parties)) => {
                let first = renamed
                    .iter()
                    .find(|(from, _)| *from == docs[0])
                    .map_or(docs[0].as_str(), |(_, to)| to);
                new_docs.iter().any(|d| d == first)
                    && parties.iter().any(|p| new_parties.contains(p))
            }
            _ => false,
        })
        .map(|(url, _)| url.clone())
}

/// Builds the project, applies `change`, rebuilds, and checks that every URL of the first
/// build leads to its successor, or to a "gone" page when `gone` says it has none.
fn check_change(
    what: &str,
    change: impl Fn(&Project),
    renamed: &[(&str, &str)],
    gone: &[&str],
) -> Project {
    let p = Project::new();
    p.build_ok();
    let before = p.entities();
    change(&p);
    p.build_ok();
    let after = p.entities();
    for (url, entity) in &before {
        let landed = p.follow(url);
        match successor(entity, &after, renamed) {
            Some(expected) => assert_eq!(
                landed, expected,
                "{what}: {url} ({entity:?}) should lead to {expected} ({:?})",
                after[&expected]
            ),
            None => {
                assert!(
                    gone.contains(&url.as_str()),
                    "{what}: {url} ({entity:?}) has no successor"
                );
                let index = format!("{}/index.html", url.split('/').next().unwrap());
                assert!(
                    p.is_gone_page(url, &index),
                    "{what}: {url} should say it is gone"
                );
            }
        }
    }
    assert_no_broken_links(&p.site());
    p
}

#[test]
fn a_changed_title_redirects_the_old_document_url() {
    let p = check_change(
        "title",
        |p| {
            p.edit(
                "a.md",
                "Kenya and Ghana sign mining pact",
                "Kenya and Ghana seal a mining pact",
            )
        },
        &[],
        &[],
    );
    let old = "documents/kenya-and-ghana-sign-mining-pact.html";
    assert!(is_redirect(&p.site().join(old)), "{old} is a redirect page");
}

#[test]
fn a_renamed_or_moved_file_keeps_its_urls() {
    check_change(
        "rename",
        |p| {
            fs::create_dir_all(p.seeds().join("2025")).unwrap();
            fs::rename(p.seeds().join("c.md"), p.seeds().join("2025/peru-chile.md")).unwrap();
        },
        &[("c.md", "2025/peru-chile.md")],
        &[],
    );
}

#[test]
fn a_renamed_file_with_a_new_title_is_found_by_its_text() {
    check_change(
        "rename and retitle",
        |p| {
            p.edit(
                "d.md",
                "Norway and Iceland sign fisheries agreement",
                "Nordic fisheries pact",
            );
            fs::rename(p.seeds().join("d.md"), p.seeds().join("nordic.md")).unwrap();
        },
        &[("d.md", "nordic.md")],
        &[],
    );
}

#[test]
fn an_agreement_that_gains_a_party_or_changes_topic_keeps_its_url() {
    check_change(
        "party",
        |p| {
            p.edit(
                "d.md",
                "Norway and Iceland signed",
                "Norway, Iceland and Denmark signed",
            )
        },
        &[],
        &[],
    );
    check_change(
        "topic",
        |p| {
            p.edit(
                "c.md",
                "talks on a lithium agreement",
                "talks on a copper agreement",
            )
        },
        &[],
        &[],
    );
}

#[test]
fn merged_agreements_both_lead_to_the_merged_record() {
    let p = check_change(
        "merge",
        |p| {
            p.edit(
                "f.md",
                "a memorandum of understanding on energy in Buenos Aires on 5 April",
                "a trade agreement in Brasília on 2 April",
            )
        },
        &[],
        &[],
    );
    let pair: Vec<_> = p
        .entities()
        .into_values()
        .filter(|e| matches!(e, Entity::Agreement(_, parties) if parties == &["AR", "BR"]))
        .collect();
    assert_eq!(pair.len(), 1, "the two instruments merged: {pair:?}");
}

#[test]
fn a_split_agreement_leads_to_the_record_with_the_earliest_evidence() {
    // a.md (the earliest report) now speaks of oil: the mining URL follows it.
    let p = check_change(
        "split",
        |p| {
            p.edit(
                "a.md",
                "mining cooperation in Nairobi",
                "oil exploration in Nairobi",
            )
        },
        &[],
        &[],
    );
    let old = "agreements/ghana-kenya-mou-mining-cooperation.html";
    let landed = p.follow(old);
    assert!(landed.contains("oil"), "{old} leads to {landed}");
}

#[test]
fn a_deleted_document_leaves_gone_pages_that_link_to_their_index() {
    check_change(
        "delete",
        |p| fs::remove_file(p.seeds().join("d.md")).unwrap(),
        &[],
        &[
            "documents/norway-and-iceland-sign-fisheries-agreement.html",
            "countries/norway.html",
            "countries/iceland.html",
            "agreements/iceland-norway-agreement-fisheries.html",
        ],
    );
}

#[test]
fn redirect_pages_keep_the_fragment_and_stay_out_of_the_sitemap() {
    let p = Project::new();
    p.build_ok();
    p.edit(
        "a.md",
        "Kenya and Ghana sign mining pact",
        "Kenya and Ghana seal a mining pact",
    );
    let out = p.build(&["--base-url", "https://org.github.io/repo/"]);
    assert!(out.status.success(), "{}", describe(&out));
    let old = "documents/kenya-and-ghana-sign-mining-pact.html";
    let html = fs::read_to_string(p.site().join(old)).unwrap();
    let new = "../documents/kenya-and-ghana-seal-a-mining-pact.html";
    assert!(
        html.contains(&format!("location.replace(\"{new}\" + location.hash)")),
        "{html}"
    );
    assert!(
        html.contains("<meta name=\"robots\" content=\"noindex\">"),
        "{html}"
    );
    assert!(
        html.contains("<link rel=\"canonical\" href=\"https://org.github.io/repo/documents/kenya-and-ghana-seal-a-mining-pact.html\">"),
        "{html}"
    );
    let doc = scraper::Html::parse_document(&html);
    let link = doc.select(&sel("body a")).next().expect("a visible link");
    assert_eq!(link.value().attr("href"), Some(new));
    let sitemap = fs::read_to_string(p.site().join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("sign-mining-pact"), "{sitemap}");
    assert!(sitemap.contains("seal-a-mining-pact"), "{sitemap}");
    let search = fs::read_to_string(p.site().join("search-index.js")).unwrap();
    assert!(
        !search.contains("sign-mining-pact"),
        "the search index skips redirects"
    );
}

#[test]
fn locked_fails_naming_moved_urls_and_an_unchanged_build_keeps_the_record() {
    let p = Project::new();
    p.build_ok();
    let record = p.root.join("permalinks.json");
    let first = fs::read(&record).unwrap();
    p.build_ok();
    assert_eq!(
        fs::read(&record).unwrap(),
        first,
        "an unchanged build rewrites nothing"
    );

    // A new document is fine under --locked.
    p.doc(
        "g.md",
        "Japan and India discuss rail",
        "2025-05-01",
        "Japan and India held talks on a rail agreement in Tokyo on 1 May 2025.",
    );
    let out = p.build(&["--locked"]);
    assert!(
        out.status.success(),
        "new URLs are fine: {}",
        describe(&out)
    );
    let site_before = snapshot(&p.site());
    let with_new = fs::read(&record).unwrap();
    assert_ne!(with_new, first, "the new URLs are recorded");

    p.edit(
        "a.md",
        "Kenya and Ghana sign mining pact",
        "Kenya and Ghana seal a mining pact",
    );
    let out = p.build(&["--locked"]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    let err = stderr(&out);
    assert!(
        err.contains("documents/kenya-and-ghana-sign-mining-pact.html: moves to documents/kenya-and-ghana-seal-a-mining-pact.html"),
        "{err}"
    );
    assert!(err.contains("1 published URL would move"), "{err}");
    assert_same_tree(
        &site_before,
        &snapshot(&p.site()),
        "a --locked failure keeps the old site",
    );
    assert_eq!(fs::read(&record).unwrap(), with_new, "and the old record");
}

#[test]
fn aliases_redirect_and_the_live_record_is_merged() {
    let p = Project::new();
    p.doc(
        "h.md",
        "Egypt and Jordan sign water deal",
        "2025-06-01",
        "Egypt and Jordan signed a water agreement in Cairo on 1 June 2025.",
    );
    p.edit(
        "h.md",
        "+++\n\n",
        "aliases = [\"old/water-deal.html\", \"/2024/egypt/\"]\n+++\n\n",
    );
    p.build_ok();
    for alias in ["old/water-deal.html", "2024/egypt/index.html"] {
        assert_eq!(
            p.follow(alias),
            "documents/egypt-and-jordan-sign-water-deal.html",
            "{alias}"
        );
    }
    // The deployed site remembers a URL this checkout never built.
    let live = p.root.join("live.json");
    fs::write(
        &live,
        "{\"version\": 1, \"urls\": {\n\"documents/water.html\": {\"kind\":\"document\",\"path\":\"h.md\"}\n}}\n",
    )
    .unwrap();
    let out = p.build(&["--live-permalinks", live.to_str().unwrap()]);
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(
        p.follow("documents/water.html"),
        "documents/egypt-and-jordan-sign-water-deal.html"
    );
    let record = fs::read_to_string(p.root.join("permalinks.json")).unwrap();
    assert!(record.contains("\"documents/water.html\""), "{record}");
}

#[test]
fn a_broken_record_is_an_error_naming_the_file_and_line() {
    let p = Project::new();
    fs::create_dir_all(&p.root).unwrap();
    fs::write(
        p.root.join("permalinks.json"),
        "{\"version\": 1, \"urls\": {\n\"a.html\": 3\n}}\n",
    )
    .unwrap();
    let out = p.build(&[]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    let err = stderr(&out);
    assert!(err.contains("permalinks.json:2:"), "{err}");
    assert!(!p.site().exists(), "nothing is built");
}

#[test]
fn people_packs_and_the_timeline_join_the_record_and_a_shared_name_redirects() {
    let p = Project::new();
    p.doc(
        "g.md",
        "Kenya's minister travels",
        "2025-05-01",
        "Kenya's Mining Minister John Smith met Ghana's Trade Minister Kwame Mensah in Nairobi on Monday to discuss a mining partnership.",
    );
    p.build_ok();
    let record = fs::read_to_string(p.root.join("permalinks.json")).unwrap();
    for line in [
        r#""people/john-smith.html": {"kind":"person","code":"KE","name":"john smith"}"#,
        r#""packs/kenya.html": {"kind":"pack","code":"KE"}"#,
        r#""packs/briefing.html": {"kind":"page","page":"briefing-pack"}"#,
        r#""people/index.html": {"kind":"page","page":"people"}"#,
        r#""timeline.html": {"kind":"page","page":"timeline"}"#,
    ] {
        assert!(record.contains(line), "{line} missing from\n{record}");
    }
    // A second John Smith, of Ghana: the name now has a page per country, and the old page
    // leads to Kenya's.
    p.doc(
        "h.md",
        "Ghana and Togo sign trade deal",
        "2025-05-05",
        "Ghana and Togo signed a trade agreement in Accra. Ghana's Finance Minister John Smith and Togo's Trade Minister Edem Kokou signed the agreement.",
    );
    p.build_ok();
    assert_eq!(
        p.follow("people/john-smith.html"),
        "people/john-smith-kenya.html"
    );
    assert!(p.site().join("people/john-smith-ghana.html").exists());
    // Kenya's documents go: Kenya's pack and Kenya's John Smith are gone pages.
    fs::remove_file(p.seeds().join("g.md")).unwrap();
    fs::remove_file(p.seeds().join("a.md")).unwrap();
    fs::remove_file(p.seeds().join("b.md")).unwrap();
    p.build_ok();
    assert!(p.is_gone_page("people/john-smith-kenya.html", "people/index.html"));
    assert!(p.is_gone_page("packs/kenya.html", "packs/briefing.html"));
}

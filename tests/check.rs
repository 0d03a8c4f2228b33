//! `briefing check` and `briefing new`, run as the real binary: one test per kind of report,
//! the JSON shape, that check writes nothing, and that new never overwrites.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::*;
use serde_json::Value;

/// A document about two countries that raises no finding of its own.
const CLEAN: &str = "+++
title = \"Kenya and Ghana sign trade pact\"
date = 2025-03-01
+++

Trade ministers from Kenya and Ghana met in Nairobi on Saturday to sign a framework agreement \
on trade after two years of negotiations.
";

/// A story long enough for word-triple similarity to mean something.
const STORY: &str = "Niger and Türkiye signed a memorandum of understanding on mineral \
exploration and mining in Istanbul on Tuesday, the energy ministry said. The agreement lets \
Turkish companies explore for gold, uranium and lithium in the Tillabéri region and sets up a \
joint committee to review licences every year. Officials said the first survey teams would \
arrive before the rainy season, and that a training centre for Nigerien geologists would open \
in Niamey next year with money from both governments.";

fn seeds_with(root: &Path, docs: &[(&str, &str)]) -> std::path::PathBuf {
    let seeds = root.join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    for (name, text) in docs {
        write_seed(&seeds, name, text);
    }
    seeds
}

/// `briefing check --seeds seeds ARGS…` from `root`, with no proxy, so that `--external`
/// reaches the loopback test server directly.
fn check(root: &Path, args: &[&str]) -> std::process::Output {
    let mut cmd = briefing(root);
    cmd.args(["check", "--seeds", "seeds"]).args(args);
    for var in ["http_proxy", "https_proxy", "all_proxy"] {
        cmd.env_remove(var).env_remove(var.to_uppercase());
    }
    cmd.output().expect("cannot start the briefing binary")
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `briefing check --json`, parsed.
fn check_json(root: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let output = check(root, &all);
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("check --json printed no JSON ({e})\n{}", describe(&output)));
    (output.status.code().unwrap_or(-1), json)
}

/// The findings of one kind.
fn of_kind<'a>(report: &'a Value, kind: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == kind)
        .collect()
}

#[test]
fn a_clean_project_passes_with_no_findings() {
    let dir = tempfile::tempdir().unwrap();
    seeds_with(dir.path(), &[("ok.md", CLEAN)]);
    let output = check(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert!(
        stdout(&output).contains("checked 1 document: 0 errors, 0 warnings"),
        "{}",
        describe(&output)
    );
}

#[test]
fn a_front_matter_error_is_reported_with_its_position_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    seeds_with(
        dir.path(),
        &[
            ("ok.md", CLEAN),
            ("bad.md", "+++\ntitle = 5\n+++\nKenya.\n"),
        ],
    );
    let output = check(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let out = stdout(&output);
    assert!(
        out.contains("bad.md:2:9: error: front matter:"),
        "file:line:col in the report:\n{out}"
    );
    // The readable document is still checked.
    assert!(out.contains("checked 1 document: 1 error"), "{out}");
    assert!(
        !stderr(&output).contains("panicked"),
        "{}",
        describe(&output)
    );
}

#[test]
fn a_document_with_no_countries_is_a_warning_that_does_not_fail() {
    let dir = tempfile::tempdir().unwrap();
    seeds_with(
        dir.path(),
        &[
            ("ok.md", CLEAN),
            (
                "lonely.md",
                "# Quarterly note\n\nThe committee met on Monday and approved the budget.\n",
            ),
        ],
    );
    let output = check(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let out = stdout(&output);
    assert!(
        out.contains("no-countries")
            && out.contains("lonely.md: warning: no country found in the text"),
        "{out}"
    );
    assert!(!out.contains("ok.md: warning"), "{out}");
    assert!(out.contains("0 errors, 1 warning"), "{out}");
}

#[test]
fn an_agreement_with_a_single_party_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    seeds_with(
        dir.path(),
        &[(
            "kenya.txt",
            "Kenya signed a memorandum of understanding on mining on Monday, the ministry said in Nairobi.\n\n\
             The deal covers exploration licences for copper and rare earths in the west of the country.\n",
        )],
    );
    let (code, report) = check_json(dir.path(), &[]);
    assert_eq!(code, 0, "{report:#}");
    let found = of_kind(&report, "single-party");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["path"], "kenya.txt");
    assert_eq!(found[0]["severity"], "warning");
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.contains("only KE could be identified as a party")
            && message.contains("memorandum of understanding on mining"),
        "{message}"
    );
}

#[test]
fn near_duplicate_documents_are_flagged_and_a_different_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let copy = format!("ISTANBUL, March 4 (Reuters) - {STORY}");
    let other = "Kenya and Ghana signed a framework agreement on trade in Nairobi on Saturday \
        after two years of negotiations. It lowers tariffs on farm goods and sets up a joint \
        committee that will report to both governments every year, officials said.";
    seeds_with(
        dir.path(),
        &[("a.txt", STORY), ("b.txt", &copy), ("c.txt", other)],
    );
    let (code, report) = check_json(dir.path(), &[]);
    assert_eq!(code, 0, "near-duplicates are warnings: {report:#}");
    let found = of_kind(&report, "near-duplicate");
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["path"], "b.txt");
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("a.txt"), "{message}");
    assert!(!message.contains("c.txt"), "{message}");
}

#[test]
fn broken_internal_links_and_anchors_are_errors_at_their_line() {
    let dir = tempfile::tempdir().unwrap();
    seeds_with(
        dir.path(),
        &[
            ("ok.md", CLEAN),
            (
                "links.md",
                "# Links from Kenya\n\nSee [the index](../index.html), [a page](missing.html)\n\
                 and [a paragraph](#no-such-anchor) about Kenya.\n",
            ),
        ],
    );
    let (code, report) = check_json(dir.path(), &[]);
    assert_eq!(code, 1, "{report:#}");
    let found = of_kind(&report, "broken-link");
    assert_eq!(found.len(), 2, "only the two broken links: {report:#}");
    for f in &found {
        assert_eq!(f["path"], "links.md", "{f:#}");
        assert_eq!(f["severity"], "error");
    }
    assert_eq!(
        (&found[0]["line"], &found[0]["column"]),
        (&3.into(), &42.into())
    );
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("points to `missing.html`, which does not exist"),
        "{:#}",
        found[0]
    );
    assert_eq!(found[1]["line"], 4);
    assert!(
        found[1]["message"]
            .as_str()
            .unwrap()
            .contains("no element with id `no-such-anchor`"),
        "{:#}",
        found[1]
    );
    // The same findings for people, as path:line:col lines.
    let out = stdout(&check(dir.path(), &[]));
    assert!(
        out.contains("links.md:3:42: error: link `missing.html`"),
        "{out}"
    );
}

#[test]
fn json_has_the_documented_shape_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    seeds_with(
        dir.path(),
        &[
            ("bad.md", "+++\ntitle = 5\n+++\nKenya.\n"),
            (
                "lonely.md",
                "# Minutes\n\nThe committee approved the budget.\n",
            ),
            ("links.md", "# Kenya\n\nKenya: [gone](gone.html).\n"),
        ],
    );
    let (code, report) = check_json(dir.path(), &[]);
    assert_eq!(code, 1);
    let keys: Vec<&String> = report.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["errors", "findings", "warnings"]);
    let findings = report["findings"].as_array().unwrap();
    let count = |s: &str| findings.iter().filter(|f| f["severity"] == s).count();
    assert_eq!(report["errors"], count("error"));
    assert_eq!(report["warnings"], count("warning"));
    assert_eq!((count("error"), count("warning")), (2, 1), "{report:#}");
    for f in findings {
        let mut keys: Vec<&String> = f.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(
            keys,
            ["column", "kind", "line", "message", "path", "severity"]
        );
    }
    let kinds: Vec<&str> = findings
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["input", "no-countries", "broken-link"],
        "grouped by kind"
    );
}

#[test]
fn check_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    seeds_with(
        root,
        &[("ok.md", CLEAN), ("bad.md", "+++\ntitle = 5\n+++\n")],
    );
    let before = snapshot(root);
    let output = run(root, &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    assert!(!root.join("site").exists(), "no output folder is created");
    assert_same_tree(&before, &snapshot(root), "check (no site yet)");

    // With a built site beside it, the site is left exactly as it was.
    std::fs::remove_file(root.join("seeds/bad.md")).unwrap();
    build_ok(root, &root.join("seeds"), &root.join("site"));
    write_seed(
        &root.join("seeds"),
        "new.md",
        "# More on Ghana\n\nGhana said so.\n",
    );
    let before = snapshot(root);
    let output = run(root, &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    assert_same_tree(&before, &snapshot(root), "check (site built)");
}

/// A web server on loopback for `--external`: `/ok` answers 200, `/head-refused` 405 to HEAD
/// and 200 to GET, anything else 404. Counts the connections it accepts.
fn serve() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            counter.fetch_add(1, Ordering::SeqCst);
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            // Skip the headers.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let mut parts = request.split_whitespace();
            let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let status = match (method, path) {
                (_, "/ok") | ("GET", "/head-refused") => "200 OK",
                ("HEAD", "/head-refused") => "405 Method Not Allowed",
                _ => "404 Not Found",
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    (base, hits)
}

#[test]
fn external_links_are_checked_only_when_asked_and_failures_are_warnings() {
    let (base, hits) = serve();
    // A port with nothing listening: bound, then released.
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/nobody", l.local_addr().unwrap())
    };
    let dir = tempfile::tempdir().unwrap();
    let doc = format!(
        "+++\nurl = \"{base}/ok\"\n+++\n# Kenya links\n\nKenya: [a]({base}/ok), [b]({base}/head-refused), \
         [c]({base}/gone) and [d]({closed}).\n"
    );
    seeds_with(dir.path(), &[("links.md", &doc), ("ok.md", CLEAN)]);

    let (code, report) = check_json(dir.path(), &[]);
    assert_eq!(code, 0, "{report:#}");
    assert!(of_kind(&report, "external-link").is_empty());
    assert_eq!(
        hits.load(Ordering::SeqCst),
        0,
        "no request without --external"
    );

    let (code, report) = check_json(dir.path(), &["--external"]);
    assert_eq!(code, 0, "dead external links are warnings: {report:#}");
    let found = of_kind(&report, "external-link");
    let messages: Vec<&str> = found
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(found.len(), 2, "{messages:#?}");
    // Findings are sorted by URL, and the two ports are random: look for each.
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with(&format!("{base}/gone does not answer")) && m.contains("404")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with(&format!("{closed} does not answer"))),
        "{messages:#?}"
    );
    for f in found {
        assert_eq!(
            (&f["path"], &f["severity"]),
            (&"links.md".into(), &"warning".into())
        );
    }
}

#[test]
fn new_writes_a_document_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let output = run(
        root,
        &[
            "new",
            "Kenya and Ghana sign a trade pact",
            "--country",
            "KE",
            "--country",
            "Ghana",
        ],
    );
    assert!(output.status.success(), "{}", describe(&output));
    let path = root.join("seeds/kenya-and-ghana-sign-a-trade-pact.md");
    assert!(
        stdout(&output)
            .trim_end()
            .ends_with("seeds/kenya-and-ghana-sign-a-trade-pact.md"),
        "{}",
        describe(&output)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let front = text
        .strip_prefix("+++\n")
        .and_then(|t| t.split_once("+++\n"))
        .map(|(f, _)| f)
        .unwrap_or_else(|| panic!("no +++ front matter:\n{text}"));
    let table: toml::Table = toml::from_str(front).unwrap();
    assert_eq!(
        table["title"].as_str(),
        Some("Kenya and Ghana sign a trade pact")
    );
    assert_eq!(
        table["countries"].as_array().unwrap(),
        &[toml::Value::from("KE"), toml::Value::from("GH")]
    );
    let date = table["date"].as_datetime().unwrap().date.unwrap();
    assert!(date.year >= 2025, "{date}");

    build_ok(root, &root.join("seeds"), &root.join("site"));
    let data = read_json(&root.join("site/data/briefing.json"));
    let doc = &data["documents"][0];
    assert_eq!(doc["title"], "Kenya and Ghana sign a trade pact");
    assert_eq!(
        doc["url"],
        "documents/kenya-and-ghana-sign-a-trade-pact.html"
    );
    let codes: Vec<&str> = doc["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"KE") && codes.contains(&"GH"), "{codes:?}");
    assert_eq!(doc["date"], date.to_string());
}

#[test]
fn new_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let first = run(root, &["new", "Niger mining talks", "--country", "NE"]);
    assert!(first.status.success(), "{}", describe(&first));
    let path = root.join("seeds/niger-mining-talks.md");
    let before = std::fs::read(&path).unwrap();
    let second = run(root, &["new", "Niger mining talks"]);
    assert!(!second.status.success(), "{}", describe(&second));
    let err = stderr(&second);
    assert!(
        err.contains("niger-mining-talks.md") && err.contains("already exists"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the first file is untouched"
    );
}

#[test]
fn new_refuses_an_unknown_country() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let output = run(root, &["new", "Atlantis rising", "--country", "Atlantis"]);
    assert!(!output.status.success(), "{}", describe(&output));
    assert!(
        stderr(&output).contains("unknown country `Atlantis`"),
        "{}",
        describe(&output)
    );
    assert!(!root.join("seeds/atlantis-rising.md").exists());
}

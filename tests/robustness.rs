//! Bad, hostile and interrupted input (issue 5): every case runs the real binary on a temporary
//! project whose output folder already holds a good earlier build, and checks one of the two
//! allowed outcomes:
//!
//! - the build fails with a non-zero exit, a message naming the file (with line and column for
//!   front matter), and the earlier site byte-for-byte untouched; or
//! - it succeeds, keeps every good document, and warns naming the file.
//!
//! No case may panic (stderr never says "panicked") or hang (every run is spawned and polled
//! against a generous limit, then killed and failed). Tests marked `#[ignore = "bug: …"]`
//! describe bugs in `src/` and pass once they are fixed.

mod common;

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use common::*;

/// How long an ordinary build may take before it counts as a hang.
const LIMIT: Duration = Duration::from_secs(120);
/// The limit for the very large inputs (a 20 MB document, 10,000 documents) on a debug build
/// with other tests running beside it: generous, because speed belongs to the benchmark.
const LARGE_LIMIT: Duration = Duration::from_secs(900);

/// The good Markdown seed every project starts with, beside the example.
const GOOD_MD: &str = "kenya-ghana.md";

type Tree = BTreeMap<String, Option<Vec<u8>>>;

// ---------------------------------------------------------------------------------------------
// Running the binary with a time limit
// ---------------------------------------------------------------------------------------------

/// A spawned run of the binary whose output goes to anonymous files (so a chatty build can
/// never block on a full pipe).
struct Running {
    child: Child,
    stdout: File,
    stderr: File,
    what: String,
}

fn start(mut cmd: Command, what: &str) -> Running {
    let stdout = tempfile::tempfile().expect("cannot create a temporary file");
    let stderr = tempfile::tempfile().expect("cannot create a temporary file");
    let child = cmd
        .stdin(Stdio::null())
        .stdout(stdout.try_clone().unwrap())
        .stderr(stderr.try_clone().unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start the briefing binary for {what}: {e}"));
    Running {
        child,
        stdout,
        stderr,
        what: what.to_string(),
    }
}

fn read_all(mut f: File) -> Vec<u8> {
    let mut buf = Vec::new();
    f.seek(SeekFrom::Start(0)).unwrap();
    f.read_to_end(&mut buf).unwrap();
    buf
}

impl Running {
    /// Waits for the run to end; kills it and fails the test after `limit`.
    fn finish(mut self, limit: Duration) -> Output {
        let started = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("cannot poll the build") {
                break status;
            }
            if started.elapsed() > limit {
                let _ = self.child.kill();
                let _ = self.child.wait();
                let output = Output {
                    status: std::process::ExitStatus::default(),
                    stdout: read_all(self.stdout),
                    stderr: read_all(self.stderr),
                };
                panic!(
                    "{} was still running after {limit:?} (a hang?) and was killed\n{}",
                    self.what,
                    describe(&output)
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        Output {
            status,
            stdout: read_all(self.stdout),
            stderr: read_all(self.stderr),
        }
    }
}

/// `briefing build --seeds SEEDS --out OUT`, run from `cwd`, not yet started.
fn build_cmd(cwd: &Path, seeds: &Path, out: &Path) -> Command {
    let mut cmd = briefing(cwd);
    cmd.arg("build")
        .arg("--seeds")
        .arg(seeds)
        .arg("--out")
        .arg(out);
    cmd
}

/// Runs a build to its end within `limit`.
fn build_within(cwd: &Path, seeds: &Path, out: &Path, limit: Duration) -> Output {
    let what = format!(
        "`briefing build --seeds {} --out {}`",
        seeds.display(),
        out.display()
    );
    start(build_cmd(cwd, seeds, out), &what).finish(limit)
}

fn assert_no_panic(output: &Output) {
    let err = stderr(output);
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "the binary panicked:\n{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// A project with a good earlier build
// ---------------------------------------------------------------------------------------------

/// A project folder (nested two levels inside its temporary folder, so that a path escaping
/// the project still lands somewhere the test can see) with the example seed and a Markdown
/// seed, built once into `site/`.
struct Project {
    tmp: tempfile::TempDir,
    root: PathBuf,
    seeds: PathBuf,
    site: PathBuf,
    /// The earlier good build, byte for byte.
    before: Tree,
}

impl Project {
    fn new() -> Project {
        let tmp = tempfile::tempdir().expect("cannot create a temporary folder");
        let root = tmp.path().join("work").join("project");
        fs::create_dir_all(&root).unwrap();
        let seeds = example_seeds(&root);
        write_seed(&seeds, GOOD_MD, KENYA_GHANA);
        let site = root.join("site");
        let output = build_within(&root, &seeds, &site, LIMIT);
        assert!(
            output.status.success(),
            "the good earlier build failed\n{}",
            describe(&output)
        );
        let before = snapshot(&site);
        assert!(
            before.contains_key("index.html") && before.contains_key("data/briefing.json"),
            "the earlier build is a whole site: {:?}",
            before.keys()
        );
        Project {
            tmp,
            root,
            seeds,
            site,
            before,
        }
    }

    /// The temporary folder that holds the project (two levels up).
    fn outer(&self) -> &Path {
        self.tmp.path()
    }

    /// Writes a seed file (any bytes), creating folders as needed.
    fn add(&self, name: &str, bytes: impl AsRef<[u8]>) {
        let path = self.seeds.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }

    /// `briefing build` of the project's seeds into its site.
    fn build(&self) -> Output {
        self.build_within(LIMIT)
    }

    fn build_within(&self, limit: Duration) -> Output {
        build_within(&self.root, &self.seeds, &self.site, limit)
    }

    /// Staging or moved-aside folders beside the site.
    fn leftovers(&self) -> Vec<String> {
        leftovers_beside(&self.site)
    }

    /// Adds `name`, builds, checks the build failed cleanly naming every `needle`, and takes
    /// the file away again so the next case starts from the good seeds. Returns the output.
    fn rejects(&self, name: &str, text: impl AsRef<[u8]>, needles: &[&str]) -> Output {
        self.add(name, text);
        let output = self.build();
        self.assert_failed_and_kept_the_site(&output, needles);
        fs::remove_file(self.seeds.join(name)).unwrap();
        output
    }

    /// The build failed cleanly: exit 2, every `needle` in stderr, no panic, the earlier site
    /// byte-for-byte untouched and nothing left beside it.
    fn assert_failed_and_kept_the_site(&self, output: &Output, needles: &[&str]) {
        assert_eq!(
            output.status.code(),
            Some(2),
            "the build should fail with exit 2\n{}",
            describe(output)
        );
        assert_no_panic(output);
        let err = stderr(output);
        for needle in needles {
            assert!(
                err.contains(needle),
                "stderr should name {needle:?}:\n{err}"
            );
        }
        assert_same_tree(
            &self.before,
            &snapshot(&self.site),
            "the earlier site after a failed build",
        );
        assert!(
            self.leftovers().is_empty(),
            "a failed build leaves nothing beside the site: {:?}",
            self.leftovers()
        );
    }

    /// The build succeeded, warned about `file` (as the line `file…: warning: …`), and the
    /// new site holds every good document.
    fn assert_built_with_warning(&self, output: &Output, file: &str) {
        assert!(
            output.status.success(),
            "the build should succeed\n{}",
            describe(output)
        );
        assert_no_panic(output);
        let err = stderr(output);
        assert!(
            err.lines()
                .any(|l| l.starts_with(file) && l.contains("warning")),
            "stderr should have a warning naming {file}:\n{err}"
        );
        self.assert_good_documents_kept();
        assert!(self.leftovers().is_empty(), "{:?}", self.leftovers());
    }

    /// The site lists the two good documents, and their pages exist.
    fn assert_good_documents_kept(&self) {
        let data = read_json(&self.site.join("data/briefing.json"));
        for path in [EXAMPLE, GOOD_MD] {
            let doc = documents(&data)
                .into_iter()
                .find(|d| d["path"] == path)
                .unwrap_or_else(|| panic!("the good document {path} is missing: {data:#}"));
            let url = doc["url"].as_str().unwrap();
            assert!(self.site.join(url).is_file(), "{url} is missing");
        }
    }

    fn data(&self) -> Value {
        read_json(&self.site.join("data/briefing.json"))
    }

    /// The record of the document at `path` (relative to the seeds).
    fn document(&self, path: &str) -> Value {
        let data = self.data();
        documents(&data)
            .into_iter()
            .find(|d| d["path"] == path)
            .unwrap_or_else(|| panic!("no document {path} in briefing.json: {data:#}"))
    }
}

fn documents(data: &Value) -> Vec<Value> {
    data["documents"]
        .as_array()
        .expect("documents is a list")
        .clone()
}

fn leftovers_beside(site: &Path) -> Vec<String> {
    let name = site.file_name().unwrap().to_string_lossy().into_owned();
    let mut found: Vec<String> = fs::read_dir(site.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with(&format!(".{name}.tmp-")) || n.starts_with(&format!(".{name}.old-"))
        })
        .collect();
    found.sort();
    found
}

/// Whether `s` is a safe page name: `[a-z0-9-]`, not empty, no leading dot or hyphen.
fn is_safe_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(['-', '.'])
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

// ---------------------------------------------------------------------------------------------
// What "live" means in the output
// ---------------------------------------------------------------------------------------------

/// Whether a URL would run code or carry a document when followed.
fn is_script_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:", "livescript:"]
        .iter()
        .any(|s| cleaned.starts_with(s))
}

/// Attributes that hold a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "data",
    "background",
    "cite",
    "longdesc",
    "manifest",
    "ping",
    "srcset",
    "codebase",
    "dynsrc",
    "lowsrc",
];

/// Elements that must never appear in a page. The site's own partnership map is the one
/// `<svg>` allowed (see [`is_own_map`]); SVG elements that load or run anything are not.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "base",
    "portal",
    "template",
    "foreignobject",
    "use",
    "image",
    "animate",
    "set",
    "feimage",
    "handler",
];

/// The partnership map: an `<svg class="map-svg">` (its contents are checked like any other
/// element, so a script, an event handler or a loading element inside it is still reported).
fn is_own_map(el: &scraper::node::Element) -> bool {
    el.name().eq_ignore_ascii_case("svg") && el.attr("class") == Some("map-svg")
}

/// A redirect page left at a URL an earlier build published: exactly the site's own
/// `location.replace("<relative path>" + location.hash);` and a meta refresh to the same path.
fn is_own_redirect(text: &str, el: scraper::ElementRef<'_>) -> bool {
    let safe = |p: &str| {
        !p.is_empty()
            && !is_script_url(p)
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-./_".contains(c))
    };
    let v = el.value();
    match v.name() {
        "script" => {
            let code: String = el.text().collect();
            code.strip_prefix("location.replace(\"")
                .and_then(|r| r.strip_suffix("\" + location.hash);"))
                .is_some_and(safe)
                && text.contains("http-equiv=\"refresh\"")
        }
        "meta" => v
            .attr("content")
            .and_then(|c| c.strip_prefix("0; url="))
            .is_some_and(safe),
        _ => false,
    }
}

/// Every way the HTML pages of `site` could run script: `<script>` other than the site's own
/// `search-index.js` / `search.js`, `on*` attributes, script URLs, frames, plugins, SVG, a
/// form other than the site's search form, a `<meta http-equiv>`.
fn live_html(site: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(site).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() || entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let page = entry
            .path()
            .strip_prefix(site)
            .unwrap()
            .display()
            .to_string();
        let text = fs::read_to_string(entry.path()).unwrap();
        let html = scraper::Html::parse_document(&text);
        for el in html.select(&sel("*")) {
            let v = el.value();
            let name = v.name().to_ascii_lowercase();
            if name == "script" {
                let own = v.attr("src").is_some_and(|src| {
                    let file = src.rsplit('/').next().unwrap_or(src);
                    (file == "search-index.js" || file == "search.js") && !is_script_url(src)
                });
                let inline: String = el.text().collect();
                if (!own || !inline.trim().is_empty()) && !is_own_redirect(&text, el) {
                    problems.push(format!("{page}: a <script> element: {}", el.html()));
                }
            }
            if FORBIDDEN_ELEMENTS.contains(&name.as_str()) && !is_own_map(v) {
                problems.push(format!("{page}: a <{name}> element: {}", el.html()));
            }
            if name == "form" && v.attr("action") != Some("search.html") {
                problems.push(format!("{page}: a foreign <form>: {}", el.html()));
            }
            if name == "meta" && v.attr("http-equiv").is_some() && !is_own_redirect(&text, el) {
                problems.push(format!("{page}: <meta http-equiv>: {}", el.html()));
            }
            for (attr, value) in v.attrs() {
                let attr = attr.to_ascii_lowercase();
                if attr.starts_with("on") {
                    problems.push(format!("{page}: an event handler {attr}={value:?}"));
                }
                let is_url = URL_ATTRIBUTES.contains(&attr.as_str())
                    || attr.ends_with("href")
                    || attr.ends_with("src");
                if is_url && is_script_url(value) {
                    problems.push(format!("{page}: a script URL {attr}={value:?}"));
                }
                if attr == "style" {
                    let s = value.to_ascii_lowercase();
                    if s.contains("javascript:") || s.contains("expression(") || s.contains("url(")
                    {
                        problems.push(format!("{page}: a style attribute {value:?}"));
                    }
                }
            }
        }
    }
    problems
}

/// Every string value of `v` under a key named `key`.
fn strings_under(v: &Value, key: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                if k == key
                    && let Some(s) = x.as_str()
                {
                    out.push(s.to_string());
                }
                strings_under(x, key, out);
            }
        }
        Value::Array(list) => list.iter().for_each(|x| strings_under(x, key, out)),
        _ => {}
    }
}

/// Ways the data files could run script: `briefing.json` must be JSON whose URLs are not
/// script URLs; `search-index.js` must be exactly one assignment of a JSON value (so no text
/// from a document can break out of it into code), with site-relative page URLs; and
/// `search.js` must never parse index strings as HTML.
fn live_data(site: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let data = read_json(&site.join("data/briefing.json"));
    for key in ["url", "source_url"] {
        let mut urls = Vec::new();
        strings_under(&data, key, &mut urls);
        for u in urls.iter().filter(|u| is_script_url(u)) {
            problems.push(format!(
                "data/briefing.json: `{key}` is a script URL: {u:?}"
            ));
        }
    }

    let index = fs::read_to_string(site.join("search-index.js")).unwrap();
    match index
        .strip_prefix("window.BRIEFING_SEARCH = ")
        .and_then(|rest| rest.strip_suffix(";\n"))
    {
        None => problems.push(format!(
            "search-index.js is not one `window.BRIEFING_SEARCH = …;` assignment: {:?}…",
            index.chars().take(200).collect::<String>()
        )),
        Some(json) => match serde_json::from_str::<Value>(json) {
            Err(e) => problems.push(format!("search-index.js does not hold one JSON value: {e}")),
            Ok(v) => {
                // `people` is optional: the index lists it once the site has people pages.
                for list in ["docs", "countries", "agreements", "people"] {
                    for entry in v[list].as_array().into_iter().flatten() {
                        let url = entry[1].as_str().unwrap_or("");
                        let ok = url.ends_with(".html")
                            && !url.contains(':')
                            && !url.starts_with('/')
                            && !url.split('/').any(|p| p.starts_with('.'));
                        if !ok {
                            problems.push(format!("search-index.js: `{list}` URL {url:?}"));
                        }
                    }
                }
            }
        },
    }

    // The text shards: each exactly one assignment of a JSON array to the global its name
    // gives, so no paragraph can break out of its string into code.
    let mut shards: Vec<_> = fs::read_dir(site)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("search-text-"))
        .collect();
    shards.sort();
    for name in shards {
        let n = name
            .strip_prefix("search-text-")
            .and_then(|s| s.strip_suffix(".js"))
            .unwrap_or("");
        let text = fs::read_to_string(site.join(&name)).unwrap();
        let json = text
            .strip_prefix(&format!("window.BRIEFING_TEXT_{n} = "))
            .and_then(|rest| rest.strip_suffix(";\n"))
            .filter(|_| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        match json.map(serde_json::from_str::<Value>) {
            Some(Ok(Value::Array(_))) => {}
            _ => problems.push(format!(
                "{name} is not one `window.BRIEFING_TEXT_{n} = [...];` assignment: {:?}…",
                text.chars().take(200).collect::<String>()
            )),
        }
    }

    let search = fs::read_to_string(site.join("search.js")).unwrap();
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        if search.contains(sink) {
            problems.push(format!(
                "search.js uses {sink}: index strings (raw titles) could become markup"
            ));
        }
    }
    problems
}

fn assert_nothing_live(site: &Path) {
    let mut problems = live_html(site);
    problems.extend(live_data(site));
    assert!(
        problems.is_empty(),
        "live script in the output:\n{}",
        problems.join("\n")
    );
}

/// The text of the document's `<main>` (whitespace collapsed).
fn main_text(site: &Path, url: &str) -> String {
    let html = read_html(site, url);
    html.select(&sel("main"))
        .next()
        .map(text_of)
        .unwrap_or_else(|| panic!("{url} has no <main>"))
}

// ---------------------------------------------------------------------------------------------
// Unreadable files
// ---------------------------------------------------------------------------------------------

#[test]
fn invalid_utf8_fails_naming_the_file_line_and_column_and_keeps_the_site() {
    // Line 2, column 8: the first byte that is not UTF-8.
    Project::new().rejects(
        "latin1.md",
        b"Kenya and Ghana\nsigned \xe9\xe0 a pact in Accra.\n",
        &["latin1.md:2:8", "UTF-8"],
    );
}

#[test]
fn binary_file_named_md_fails_naming_the_file_and_keeps_the_site() {
    let p = Project::new();
    // A PNG header: not UTF-8 from its first byte.
    p.rejects(
        "logo.md",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
        &["logo.md", "binary"],
    );
    // Valid UTF-8 that holds NUL bytes is binary too.
    p.rejects("nul.md", b"Kenya\0\0\0Ghana\0\n", &["nul.md", "binary"]);
}

#[test]
fn empty_file_is_skipped_with_a_warning_and_the_rest_builds() {
    let p = Project::new();
    p.add("empty.md", "");
    p.add("blank.txt", "  \n\n\t \n");
    let output = p.build();
    p.assert_built_with_warning(&output, "empty.md");
    p.assert_built_with_warning(&output, "blank.txt");
    let paths: Vec<Value> = documents(&p.data())
        .iter()
        .map(|d| d["path"].clone())
        .collect();
    assert_eq!(paths.len(), 2, "only the good documents: {paths:?}");
}

// ---------------------------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------------------------

#[test]
fn toml_front_matter_that_does_not_parse_fails_at_its_line_and_column() {
    // The second `=` on line 3.
    Project::new().rejects(
        "bad-toml.md",
        "+++\ntitle = \"Trade talks\"\nsummary = = \"twice\"\n+++\n\nKenya and Ghana met.\n",
        &["bad-toml.md:3:11", "front matter"],
    );
}

#[test]
fn front_matter_never_closed_fails_naming_the_opening_line() {
    let p = Project::new();
    p.rejects(
        "open.md",
        "+++\ntitle = \"Never closed\"\n\nKenya and Ghana met.\n",
        &["open.md:1:1", "never closed"],
    );
    p.rejects(
        "open-yaml.md",
        "---\ntitle: Never closed\n\nKenya and Ghana met.\n",
        &["open-yaml.md:1:1", "never closed"],
    );
}

#[test]
fn yaml_front_matter_that_does_not_parse_fails_at_its_line_and_column() {
    let p = Project::new();
    // The `:` that makes line 4 a mapping inside a plain scalar.
    p.rejects(
        "bad-yaml.md",
        "---\ntitle: Trade talks\nsummary: Two lines\n  date: 2025-01-01\n---\n\nKenya and Ghana met.\n",
        &["bad-yaml.md:4:7", "front matter"],
    );
    let output = p.rejects(
        "flow.md",
        "---\ntitle: Trade talks\ncountries: [KE, GH\n---\n\nKenya and Ghana met.\n",
        &["flow.md:", "front matter"],
    );
    let err = stderr(&output);
    assert!(
        err.lines().any(|l| l.trim_start().starts_with("flow.md:3:")
            || l.trim_start().starts_with("flow.md:4:")),
        "the error points at the unclosed list (line 3) or where it should close (line 4):\n{err}"
    );
}

#[test]
fn title_of_the_wrong_type_fails_at_its_position() {
    Project::new().rejects(
        "title5.md",
        "+++\ntitle = 5\n+++\n\nKenya and Ghana met.\n",
        &["title5.md:2:9", "expected a string"],
    );
}

#[test]
fn date_that_is_not_a_date_fails_at_its_position() {
    let p = Project::new();
    p.rejects(
        "yesterday.md",
        "+++\ndate = \"yesterday\"\n+++\n\nKenya and Ghana met.\n",
        &["yesterday.md:2:8", "YYYY-MM-DD"],
    );
    p.rejects(
        "yesterday-yaml.md",
        "---\ndate: yesterday\n---\n\nKenya and Ghana met.\n",
        &["yesterday-yaml.md:2:7", "YYYY-MM-DD"],
    );
}

#[test]
fn countries_of_the_wrong_type_fails_at_its_position() {
    Project::new().rejects(
        "countries7.md",
        "+++\ntitle = \"Talks\"\ncountries = 7\n+++\n\nKenya and Ghana met.\n",
        &["countries7.md:3:13", "sequence"],
    );
}

// ---------------------------------------------------------------------------------------------
// Script injection
// ---------------------------------------------------------------------------------------------

#[test]
fn the_liveness_check_finds_live_script() {
    // The checks below are only worth something if they can fail.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path();
    fs::create_dir_all(site.join("data")).unwrap();
    fs::write(
        site.join("page.html"),
        "<!doctype html><html><body><script>alert(1)</script><img src=x onerror=alert(2)>\
         <a href=' JaVa&#x0A;script:alert(3)'>x</a><iframe src=x></iframe><svg></svg>\
         <object data=x></object><form action=x></form></body></html>",
    )
    .unwrap();
    fs::write(
        site.join("data/briefing.json"),
        r#"{"documents":[{"url":"documents/a.html","source_url":"javascript:alert(4)"}]}"#,
    )
    .unwrap();
    fs::write(
        site.join("search-index.js"),
        "window.BRIEFING_SEARCH = {\"docs\":[]}; alert(5);\n",
    )
    .unwrap();
    fs::write(
        site.join("search-text-0.js"),
        "window.BRIEFING_TEXT_0 = [[[\"p\", \"text\"]]]; alert(6);\n",
    )
    .unwrap();
    fs::write(site.join("search.js"), "el.innerHTML = title;\n").unwrap();
    let html = live_html(site);
    for needle in [
        "<script>",
        "onerror",
        "script URL href",
        "<iframe>",
        "<svg>",
        "<object>",
        "foreign <form>",
    ] {
        assert!(
            html.iter().any(|p| p.contains(needle)),
            "{needle} not found in {html:#?}"
        );
    }
    let data = live_data(site);
    assert_eq!(data.len(), 4, "{data:#?}");
    assert!(
        data.iter().any(|p| p.starts_with("search-text-0.js")),
        "{data:#?}"
    );
}

#[test]
fn script_in_a_title_is_escaped_everywhere() {
    let p = Project::new();
    let title = "Kenya <script>alert('title')</script> \"><img src=x onerror=alert(1)> pact";
    p.add(
        "evil-title.md",
        format!(
            "+++\ntitle = {title:?}\nsummary = \"</script><script>alert('summary')</script>\"\n\
             source = \"<b onmouseover=alert('source')>Wire</b>\"\n\
             agreements = [{{ title = \"Kenya–Ghana <script>alert('agreement')</script> accord\", \
             parties = [\"KE\", \"GH\"], place = \"<iframe src=x>\", topic = \"<svg onload=alert(1)>\", \
             signatories = [\"<script>alert('who')</script>\"] }}]\n+++\n\n\
             Kenya and Ghana signed the accord in Accra.\n"
        ),
    );
    let output = p.build();
    p.assert_built_with_warning_free(&output);
    assert_nothing_live(&p.site);

    // The title is kept as text, not dropped: the page shows it literally.
    let doc = p.document("evil-title.md");
    assert_eq!(doc["title"], title);
    let url = doc["url"].as_str().unwrap();
    let h1 = read_html(&p.site, url)
        .select(&sel("main h1"))
        .next()
        .map(text_of)
        .unwrap();
    assert!(h1.contains("<script>alert('title')</script>"), "{h1:?}");
}

impl Project {
    /// The build succeeded with no panic and kept the good documents.
    fn assert_built_with_warning_free(&self, output: &Output) {
        assert!(
            output.status.success(),
            "the build should succeed\n{}",
            describe(output)
        );
        assert_no_panic(output);
        self.assert_good_documents_kept();
        assert!(self.leftovers().is_empty(), "{:?}", self.leftovers());
    }
}

#[test]
fn script_in_markdown_is_removed_or_escaped() {
    let p = Project::new();
    p.add(
        "evil-markdown.md",
        r#"# Kenya and Ghana sign a deal

Kenya and Ghana <script>alert('raw')</script> signed a deal in Accra.

<img src="x.png" onerror="alert('onerror')"> <p onclick="alert('click')">Click me</p>

[a link](javascript:alert('link')) and [another](JaVaScRiPt:alert(1)) and
<a href="javascript:alert(2)">raw link</a> and <a href="&#106;avascript:alert(3)">entity</a>
and <javascript:alert(4)> and [ref][r] and ![image](javascript:alert(5))
and [vb](vbscript:msgbox(6)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)

[r]: javascript:alert('reference')

<iframe src="https://evil.example/"></iframe>

<svg onload="alert('svg')"><script>alert('svg-script')</script><a xlink:href="javascript:alert(8)">x</a></svg>

<math><mi xlink:href="javascript:alert(9)">x</mi></math>

<object data="x.swf"></object><embed src="x.swf"><form action="https://evil.example"><button formaction="javascript:alert(10)">Go</button></form>

<meta http-equiv="refresh" content="0;url=javascript:alert(11)"><base href="https://evil.example/">

<div style="background:url(javascript:alert(12))">styled</div>

The last paragraph is plain and stays.
"#,
    );
    // The same attacks in a document without raw HTML, where the sanitiser is skipped.
    p.add(
        "evil-links.md",
        "Ghana links: [a](javascript:alert(1)) [b](&#106;avascript:alert(2)) \
         [c](java&#x09;script:alert(3)) <javascript:alert(4)> [d][r] ![e](javascript:alert(5)) \
         [f]( javascript:alert(6)) [g](vbscript:x) [h](data:text/html,x)\n\n[r]: javascript:alert(7)\n",
    );
    let output = p.build();
    p.assert_built_with_warning_free(&output);
    assert_nothing_live(&p.site);

    let doc = p.document("evil-markdown.md");
    let text = main_text(&p.site, doc["url"].as_str().unwrap());
    for kept in [
        "signed a deal in Accra",
        "The last paragraph is plain and stays.",
    ] {
        assert!(
            text.contains(kept),
            "the harmless text {kept:?} is kept:\n{text}"
        );
    }
}

#[test]
fn script_in_plain_text_is_escaped() {
    let p = Project::new();
    let line =
        "Kenya <script>alert(\"txt\")</script> and Ghana signed <img src=x onerror=alert(1)>.";
    p.add(
        "evil.txt",
        format!(
            "{line}\n\n<iframe src=\"https://evil.example\"></iframe> [x](javascript:alert(2)) \
             <javascript:alert(3)> &lt;script&gt;alert(4)&lt;/script&gt;\n\n\
             <svg onload=alert(5)><script>alert(6)</script></svg>\n"
        ),
    );
    let output = p.build();
    p.assert_built_with_warning_free(&output);
    assert_nothing_live(&p.site);

    // Everything is text: the markup shows literally, entities stay unexpanded.
    let doc = p.document("evil.txt");
    let text = main_text(&p.site, doc["url"].as_str().unwrap());
    for shown in [
        "<script>alert(\"txt\")</script>",
        "<img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "[x](javascript:alert(2))",
        "&lt;script&gt;",
        "<svg onload=alert(5)>",
    ] {
        assert!(text.contains(shown), "{shown:?} is shown as text:\n{text}");
    }
}

#[test]
fn front_matter_url_with_a_script_scheme_is_not_a_live_link() {
    let p = Project::new();
    p.add(
        "evil-url.md",
        "+++\ntitle = \"Kenya and Ghana sign a deal\"\nsource = \"Wire\"\nurl = \"javascript:alert(document.cookie)\"\n+++\n\nKenya and Ghana signed a deal.\n",
    );
    p.add(
        "evil-url2.md",
        "+++\ntitle = \"Ghana talks\"\nurl = \" JaVaScRiPt:alert(1)\"\n+++\n\nGhana held talks.\n",
    );
    p.add(
        "evil-url3.md",
        "+++\ntitle = \"Kenya data\"\nurl = \"data:text/html,<script>alert(1)</script>\"\n+++\n\nKenya data.\n",
    );
    let output = p.build();
    // Refusing the value (an error naming the file and line) is as good as dropping it.
    if output.status.success() {
        assert_no_panic(&output);
        assert_nothing_live(&p.site);
    } else {
        p.assert_failed_and_kept_the_site(&output, &["evil-url", "url"]);
    }
}

#[test]
fn csv_cells_from_documents_never_start_a_formula() {
    let p = Project::new();
    p.add(
        "formula.md",
        "+++\ntitle = \"=HYPERLINK(\\\"https://evil.example\\\",\\\"Open\\\")\"\n\
         summary = \"+cmd|' /C calc'!A0\"\nsource = \"@SUM(1+1)\"\n+++\n\nGhana and Kenya met.\n",
    );
    let output = p.build();
    p.assert_built_with_warning_free(&output);
    for file in ["documents.csv", "countries.csv", "agreements.csv"] {
        let path = p.site.join("data").join(file);
        let mut reader = csv::Reader::from_path(&path).unwrap();
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{file}: the cell {cell:?} would be read as a formula"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Path traversal
// ---------------------------------------------------------------------------------------------

/// Builds, then checks that nothing changed outside the output folder (the whole temporary
/// folder, two levels above the project, is compared) and that no file in the site is named
/// with a leading dot, apart from the marker and `.nojekyll`.
fn assert_written_only_inside(p: &Project, outer_before: &Tree) {
    let site_rel = p
        .site
        .strip_prefix(p.outer())
        .unwrap()
        .display()
        .to_string();
    let root_rel = p
        .root
        .strip_prefix(p.outer())
        .unwrap()
        .display()
        .to_string();
    let lock_rel = format!("{root_rel}/.site.lock");
    // The record of published URLs is the one file a build keeps beside its seeds.
    let record_rel = format!("{root_rel}/permalinks.json");
    let outside = |t: &Tree| -> Tree {
        t.iter()
            .filter(|(k, _)| {
                **k != site_rel
                    && !k.starts_with(&format!("{site_rel}/"))
                    && **k != lock_rel
                    && **k != record_rel
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    assert_same_tree(
        &outside(outer_before),
        &outside(&snapshot(p.outer())),
        "everything outside the output folder",
    );
    let dotted: Vec<String> = snapshot(&p.site)
        .into_keys()
        .filter(|k| {
            k.split('/').any(|part| part.starts_with('.'))
                && k != ".briefing-site"
                && k != ".nojekyll"
        })
        .collect();
    assert!(dotted.is_empty(), "files named with a dot: {dotted:?}");
}

/// Every document's slug is a safe name and its page exists.
fn assert_safe_document_pages(p: &Project) {
    let data = p.data();
    let docs = documents(&data);
    for d in &docs {
        let slug = d["slug"].as_str().unwrap();
        assert!(is_safe_slug(slug), "unsafe slug {slug:?} for {}", d["path"]);
        assert_eq!(d["url"], format!("documents/{slug}.html"));
        assert!(p.site.join(d["url"].as_str().unwrap()).is_file());
    }
    // Pages of earlier builds' documents redirect to where those documents are now.
    let pages: Vec<String> = own_pages(&p.site.join("documents"))
        .into_iter()
        .filter(|n| !is_redirect(&p.site.join("documents").join(n)))
        .collect();
    assert_eq!(pages.len(), docs.len(), "one page per document");
}

#[test]
fn path_traversal_through_a_title_writes_nothing_outside_the_output() {
    let p = Project::new();
    for (i, title) in [
        "../../x",
        "../../../../../../tmp/escape",
        "/etc/passwd",
        ".hidden",
        "..",
        "..\\\\..\\\\windows",
        "%2e%2e%2f%2e%2e%2fx",
        "․․/x",
        "~/.ssh/authorized_keys",
    ]
    .iter()
    .enumerate()
    {
        p.add(
            &format!("title-{i}.md"),
            format!("+++\ntitle = {title:?}\n+++\n\nKenya and Ghana, story {i}.\n"),
        );
    }
    let outer_before = snapshot(p.outer());
    let output = p.build();
    p.assert_built_with_warning_free(&output);
    assert_written_only_inside(&p, &outer_before);
    assert_safe_document_pages(&p);
}

#[test]
fn path_traversal_through_a_slug_key_writes_nothing_outside_the_output() {
    let p = Project::new();
    for (i, slug) in [
        "../../x",
        "../../../../../../tmp/escape",
        "/etc/passwd",
        ".hidden",
        "..",
        ".",
        "",
        "..\\\\..\\\\windows",
        "documents/../../x",
        "index",
        "page-2",
        ".briefing-site",
    ]
    .iter()
    .enumerate()
    {
        p.add(
            &format!("slug-{i}.md"),
            format!(
                "+++\ntitle = \"Story {i}\"\nslug = {slug:?}\n+++\n\nKenya and Ghana, story {i}.\n"
            ),
        );
    }
    let outer_before = snapshot(p.outer());
    let output = p.build();
    p.assert_built_with_warning_free(&output);
    assert_written_only_inside(&p, &outer_before);
    assert_safe_document_pages(&p);
    // A slug that names the documents index or one of its pages does not replace it.
    let index = read_html(&p.site, "documents/index.html");
    assert!(
        index.select(&sel("main a[href]")).count() >= 14,
        "documents/index.html is still the index"
    );
}

#[test]
fn path_traversal_through_file_names_writes_nothing_outside_the_output() {
    let p = Project::new();
    // Folders and files whose names start with dots are hidden: skipped with a warning.
    p.add("..hidden/inside.md", "Kenya and Ghana, hidden story.\n");
    p.add("..x.md", "Kenya and Ghana, dotted story.\n");
    // Dots inside a name are fine; with no text to take a title from, the title (and so the
    // slug) comes from the file name.
    p.add("x..%2F..%2Fescape.md", "```\ncode only\n```\n");
    p.add("a...%2e%2e.txt.md", "```\ncode only\n```\n");
    p.add("sub/..weird../doc.md", "Kenya, nested story.\n");
    let outer_before = snapshot(p.outer());
    let output = p.build();
    p.assert_built_with_warning(&output, "..hidden");
    p.assert_built_with_warning(&output, "..x.md");
    assert_written_only_inside(&p, &outer_before);
    assert_safe_document_pages(&p);
    let paths: Vec<Value> = documents(&p.data())
        .iter()
        .map(|d| d["path"].clone())
        .collect();
    assert!(
        !paths.iter().any(|x| x.as_str().unwrap().contains("hidden")),
        "hidden files are not read: {paths:?}"
    );
    for read in ["x..%2F..%2Fescape.md", "a...%2e%2e.txt.md"] {
        let doc = p.document(read);
        assert!(is_safe_slug(doc["slug"].as_str().unwrap()), "{doc}");
    }
}

#[test]
fn hidden_files_in_sub_folders_are_skipped_with_a_warning() {
    let p = Project::new();
    p.add("sub/.draft.md", "Kenya and Ghana, a hidden draft.\n");
    p.add("sub/..weird../doc.md", "Kenya, nested hidden story.\n");
    p.add("sub/visible.md", "Ghana, a visible story.\n");
    let output = p.build();
    p.assert_built_with_warning(&output, "sub/.draft.md");
    p.assert_built_with_warning(&output, "sub/..weird..");
    assert_eq!(
        documents(&p.data()).len(),
        3,
        "the good ones and sub/visible.md"
    );
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

#[test]
fn two_documents_with_the_same_title_get_two_pages_with_stable_slugs() {
    let p = Project::new();
    let same =
        "+++\ntitle = \"Kenya and Ghana sign trade pact\"\n+++\n\nKenya and Ghana met again.\n";
    p.add("copy-a.md", same);
    p.add("nested/copy-b.md", same);
    let output = p.build();
    p.assert_built_with_warning_free(&output);
    let slugs = |p: &Project| -> BTreeMap<String, String> {
        documents(&p.data())
            .iter()
            .map(|d| {
                (
                    d["path"].as_str().unwrap().to_string(),
                    d["slug"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let first = slugs(&p);
    // kenya-ghana.md has the same title too: three documents, three pages.
    let shared: Vec<&String> = ["copy-a.md", "nested/copy-b.md", GOOD_MD]
        .iter()
        .map(|k| &first[*k])
        .collect();
    assert_eq!(
        shared
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        3,
        "three slugs: {shared:?}"
    );
    for s in &shared {
        assert!(
            s.starts_with("kenya-and-ghana-sign-trade-pact-") && is_safe_slug(s),
            "{s}"
        );
    }
    assert_safe_document_pages(&p);

    // Deterministic: the same again, and unchanged when another document arrives.
    let again = p.build();
    p.assert_built_with_warning_free(&again);
    assert_eq!(slugs(&p), first);
    p.add("zz-other.md", "+++\ntitle = \"Other\"\n+++\n\nGhana.\n");
    let more = p.build();
    p.assert_built_with_warning_free(&more);
    let mut after = slugs(&p);
    after.remove("zz-other.md");
    assert_eq!(after, first, "a new document changes no slug");
}

#[test]
fn slugs_that_collide_after_the_hash_suffix_still_get_their_own_pages() {
    let p = Project::new();
    // Two documents titled "Same title" become same-title-<hash of path>; a third whose title
    // already ends in that hash must not take the same page.
    let hash = briefing::slug::short_hash("a.md");
    p.add("a.md", "+++\ntitle = \"Same title\"\n+++\n\nKenya A.\n");
    p.add("b.md", "+++\ntitle = \"Same title\"\n+++\n\nKenya B.\n");
    p.add(
        "c.md",
        format!("+++\ntitle = \"Same title {hash}\"\n+++\n\nKenya C.\n"),
    );
    let output = p.build();
    p.assert_built_with_warning_free(&output);
    let data = p.data();
    let docs = documents(&data);
    let slugs: std::collections::BTreeSet<&str> =
        docs.iter().map(|d| d["slug"].as_str().unwrap()).collect();
    assert_eq!(
        slugs.len(),
        docs.len(),
        "document slugs are unique: {docs:#?}"
    );
    assert_safe_document_pages(&p);
}

#[test]
fn same_title_documents_whose_path_hashes_collide_build_with_their_own_pages() {
    let p = Project::new();
    // These two paths share the 24-bit hash that tells same-title documents apart (a pair
    // like this turns up among ~5,000 files), so suffixing them cannot make them differ.
    let (a, b) = ("note-05657.txt", "note-06796.txt");
    assert_eq!(briefing::slug::short_hash(a), briefing::slug::short_hash(b));
    for name in [a, b] {
        p.add(name, "Same headline\n\nKenya and Ghana met again.\n");
    }
    let output = p.build_within(Duration::from_secs(60));
    p.assert_built_with_warning_free(&output);
    let data = p.data();
    let docs = documents(&data);
    let slugs: std::collections::BTreeSet<&str> =
        docs.iter().map(|d| d["slug"].as_str().unwrap()).collect();
    assert_eq!(
        slugs.len(),
        docs.len(),
        "document slugs are unique: {slugs:?}"
    );
    assert_safe_document_pages(&p);
}

#[test]
fn extract_given_the_same_file_twice_ends() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("one.txt"),
        "Kenya and Ghana met in Accra.\n",
    )
    .unwrap();
    let mut cmd = briefing(tmp.path());
    cmd.args(["extract", "--json", "one.txt", "one.txt"]);
    let output =
        start(cmd, "`briefing extract --json one.txt one.txt`").finish(Duration::from_secs(60));
    assert_no_panic(&output);
    // Reading the file once, or refusing the repeat with a clear error, are both fine.
    if output.status.success() {
        let data: Value = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", describe(&output)));
        let docs = documents(&data);
        let slugs: std::collections::BTreeSet<&str> =
            docs.iter().map(|d| d["slug"].as_str().unwrap()).collect();
        assert_eq!(
            slugs.len(),
            docs.len(),
            "document slugs are unique: {docs:#?}"
        );
    } else {
        assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
        assert!(stderr(&output).contains("one.txt"), "{}", describe(&output));
    }
}

#[test]
fn file_names_with_spaces_unicode_hash_and_question_mark_build_and_links_resolve() {
    let p = Project::new();
    // No text to take a title from: the title and slug come from the file name.
    let from_name = [
        "with spaces.md",
        "Ünïcödé 日本語 Türkiye.md",
        "hash#tag.md",
        "what?.md",
        "all # of ? them ü.md",
    ];
    for name in from_name {
        p.add(name, "```\ncode only\n```\n");
    }
    let with_text = [
        "sub folder/Kenya #1?.txt",
        "ñ/São Tomé & Príncipe?.md",
        "%20encoded%3F.md",
    ];
    for name in with_text {
        p.add(name, format!("Kenya and Ghana met, says {name}.\n"));
    }
    let output = p.build();
    p.assert_built_with_warning_free(&output);
    assert_safe_document_pages(&p);
    let index_links = link_targets(&p.site, "documents/index.html");
    for name in from_name.iter().chain(&with_text) {
        let doc = p.document(name);
        let url = doc["url"].as_str().unwrap().to_string();
        assert!(
            index_links.contains(&url),
            "documents/index.html links to {url} ({name})"
        );
    }
    let stem = p.document("with spaces.md");
    assert_eq!(stem["title"], "with spaces");
    assert_eq!(stem["slug"], "with-spaces");
    assert_no_broken_links(&p.site);
}

// ---------------------------------------------------------------------------------------------
// Symbolic links
// ---------------------------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn symlink_loop_inside_seeds_is_skipped_with_a_warning() {
    use std::os::unix::fs::symlink;
    let p = Project::new();
    symlink(".", p.seeds.join("loop")).unwrap();
    fs::create_dir_all(p.seeds.join("sub")).unwrap();
    symlink("..", p.seeds.join("sub/up")).unwrap();
    symlink("../sub", p.seeds.join("sub/again")).unwrap();
    symlink("a.md", p.seeds.join("b.md")).unwrap();
    symlink("b.md", p.seeds.join("a.md")).unwrap();
    let output = p.build();
    for link in ["loop", "sub/up", "sub/again", "a.md", "b.md"] {
        p.assert_built_with_warning(&output, link);
    }
    assert_eq!(documents(&p.data()).len(), 2, "only the good documents");
}

#[cfg(unix)]
#[test]
fn symlink_pointing_outside_seeds_is_not_followed() {
    use std::os::unix::fs::symlink;
    let p = Project::new();
    let private = p.root.join("private");
    fs::create_dir_all(&private).unwrap();
    let secret = "+++\ntitle = \"Secret outside document\"\n+++\n\nKenya secret.\n";
    fs::write(private.join("secret.md"), secret).unwrap();
    let private_before = snapshot(&private);
    symlink("../private", p.seeds.join("outside-dir")).unwrap();
    symlink("../private/secret.md", p.seeds.join("outside.md")).unwrap();
    symlink(private.join("secret.md"), p.seeds.join("absolute.md")).unwrap();
    symlink("/etc", p.seeds.join("etc")).unwrap();
    let output = p.build();
    for link in ["outside-dir", "outside.md", "absolute.md", "etc"] {
        p.assert_built_with_warning(&output, link);
    }
    let json = fs::read_to_string(p.site.join("data/briefing.json")).unwrap();
    assert!(
        !json.contains("Secret outside"),
        "the linked document was read"
    );
    assert_eq!(documents(&p.data()).len(), 2, "only the good documents");
    assert_same_tree(&private_before, &snapshot(&private), "the linked folder");
}

// ---------------------------------------------------------------------------------------------
// Size
// ---------------------------------------------------------------------------------------------

/// Writes `n` small plain-text documents (a headline and two paragraphs naming two countries)
/// straight into `dir`.
fn write_small_corpus(dir: &Path, n: usize) {
    const COUNTRIES: [&str; 8] = [
        "Kenya", "Ghana", "Niger", "Chad", "Peru", "Chile", "Japan", "Norway",
    ];
    fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let a = COUNTRIES[i % 8];
        let b = COUNTRIES[(i / 8 + i + 1) % 8];
        let b = if a == b { COUNTRIES[(i + 3) % 8] } else { b };
        let text = format!(
            "Trade note {i}\n\n{a} and {b} held talks on trade and transport on day {i}, \
             officials from both governments said.\n\nThe ministers will meet again next \
             month to review progress on the road link and customs rules.\n"
        );
        fs::write(dir.join(format!("note-{i:05}.txt")), text).unwrap();
    }
}

#[test]
fn twenty_megabyte_document_builds() {
    let p = Project::new();
    // Real news copy (the fixture articles) repeated to 20 MB, as one plain-text document.
    let mut articles = String::new();
    let mut names: Vec<PathBuf> = fs::read_dir(Path::new(REPO).join("tests/fixtures/extraction"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for name in names {
        articles.push_str(&fs::read_to_string(name).unwrap());
        articles.push_str("\n\n");
    }
    let size = 20 * 1024 * 1024;
    let mut text = articles.repeat(size / articles.len() + 1);
    let cut = (0..=size)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap();
    text.truncate(cut);
    p.add("huge.txt", &text);
    let output = p.build_within(LARGE_LIMIT);
    p.assert_built_with_warning_free(&output);
    let doc = p.document("huge.txt");
    let page = p.site.join(doc["url"].as_str().unwrap());
    let len = fs::metadata(&page).unwrap().len();
    assert!(
        len > 10 * 1024 * 1024,
        "the page holds the text: {len} bytes"
    );
}

#[test]
fn ten_thousand_documents_in_one_folder_build() {
    let p = Project::new();
    write_small_corpus(&p.seeds, 10_000);
    let output = p.build_within(LARGE_LIMIT);
    p.assert_built_with_warning_free(&output);
    let data = p.data();
    assert_eq!(documents(&data).len(), 10_002);
    assert_eq!(own_pages(&p.site.join("documents")).len(), 10_002);
    assert!(p.site.join("documents/trade-note-9999.html").is_file());
}

// ---------------------------------------------------------------------------------------------
// Output folders that must not be replaced
// ---------------------------------------------------------------------------------------------

impl Project {
    /// A build into `out` (with the project's seeds) was refused: exit 2, the word "refus",
    /// every `needle`, no panic, the seeds and the earlier site untouched.
    fn assert_refused(&self, out: &Path, needles: &[&str]) -> Output {
        self.assert_refused_from(&self.root, out, needles)
    }

    /// [`Project::assert_refused`], with the build run from `cwd` (the project root when
    /// there is no `briefing.toml`).
    fn assert_refused_from(&self, cwd: &Path, out: &Path, needles: &[&str]) -> Output {
        let seeds_before = snapshot(&self.seeds);
        let output = build_within(cwd, &self.seeds, out, LIMIT);
        assert_eq!(
            output.status.code(),
            Some(2),
            "--out {} is refused\n{}",
            out.display(),
            describe(&output)
        );
        assert_no_panic(&output);
        let err = stderr(&output);
        assert!(err.contains("refus"), "the error says it refuses:\n{err}");
        for needle in needles {
            assert!(err.contains(needle), "stderr names {needle:?}:\n{err}");
        }
        assert_same_tree(&seeds_before, &snapshot(&self.seeds), "the seeds folder");
        assert_same_tree(&self.before, &snapshot(&self.site), "the earlier site");
        output
    }
}

#[test]
fn out_equal_to_the_seeds_folder_is_refused_and_nothing_is_deleted() {
    let p = Project::new();
    p.assert_refused(&p.seeds, &["seeds folder"]);
    p.assert_refused(&p.root.join("seeds/./"), &["seeds folder"]);
    p.assert_refused(&p.seeds.join("site"), &["inside the seeds folder"]);
}

#[test]
fn out_equal_to_the_project_root_is_refused_and_nothing_is_deleted() {
    let p = Project::new();
    let before = snapshot(p.outer());
    // Here the project root also holds the seeds: refused for either reason.
    for out in [p.root.clone(), PathBuf::from("."), p.seeds.join("..")] {
        let output = p.assert_refused(&out, &[]);
        let err = stderr(&output);
        assert!(
            err.contains("project root") || err.contains("holds the seeds"),
            "--out {} is refused as the project root:\n{err}",
            out.display()
        );
    }
    // The folders above it hold the seeds too.
    p.assert_refused(&p.root.join(".."), &["holds the seeds"]);
    // A project root that does not hold the seeds (no briefing.toml: the working folder).
    let desk = p.outer().join("work").join("desk");
    fs::create_dir_all(desk.join("notes")).unwrap();
    fs::write(desk.join("notes/plan.md"), "my plan\n").unwrap();
    let mut before = before;
    before.extend(
        snapshot(p.outer())
            .into_iter()
            .filter(|(k, _)| k.contains("desk")),
    );
    p.assert_refused_from(&desk, Path::new("."), &["project root"]);
    p.assert_refused_from(&desk, &desk, &["project root"]);
    let lockless = |t: Tree| -> Tree {
        t.into_iter()
            .filter(|(k, _)| !k.ends_with(".lock"))
            .collect()
    };
    assert_same_tree(
        &lockless(before),
        &lockless(snapshot(p.outer())),
        "the project folders",
    );
}

#[test]
fn out_equal_to_the_file_system_root_is_refused_and_nothing_is_written_there() {
    let p = Project::new();
    let listing = || -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir("/")
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let before = listing();
    // A safety net should the refusal ever break: a seed that fails the build before any
    // page could be written.
    let unsafe_seeds = p.root.join("net");
    fs::create_dir_all(&unsafe_seeds).unwrap();
    fs::write(unsafe_seeds.join("stop.md"), "+++\ntitle = 5\n+++\n").unwrap();
    for out in ["/", "/.", "//", "/tmp/..", "/../.."] {
        let output = build_within(&p.root, &unsafe_seeds, Path::new(out), LIMIT);
        assert_eq!(
            output.status.code(),
            Some(2),
            "--out {out}\n{}",
            describe(&output)
        );
        assert_no_panic(&output);
        let err = stderr(&output);
        assert!(
            err.contains("refus") && err.contains("file system root"),
            "--out {out} is refused as the file system root:\n{err}"
        );
        assert!(!err.contains("stop.md"), "refused before reading: {err}");
    }
    assert_eq!(listing(), before, "nothing was created in /");
    assert_same_tree(&p.before, &snapshot(&p.site), "the earlier site");
}

#[test]
fn out_folder_with_files_the_tool_did_not_write_is_refused_and_nothing_is_deleted() {
    let p = Project::new();
    let mine = p.root.join("mine");
    fs::create_dir_all(mine.join("notes")).unwrap();
    fs::write(mine.join("thesis.docx"), "my own work\n").unwrap();
    fs::write(mine.join("notes/index.html"), "<p>mine</p>\n").unwrap();
    fs::write(mine.join(".hidden-config"), "x\n").unwrap();
    let before = snapshot(&mine);
    let output = p.assert_refused(&mine, &[".briefing-site"]);
    assert!(stderr(&output).contains("mine"), "{}", describe(&output));
    assert_same_tree(&before, &snapshot(&mine), "the refused folder");

    // A file where the folder should be is refused too, and kept.
    let file = p.root.join("report.pdf");
    fs::write(&file, "not a folder\n").unwrap();
    p.assert_refused(&file, &["report.pdf"]);
    assert_eq!(fs::read(&file).unwrap(), b"not a folder\n");
}

// ---------------------------------------------------------------------------------------------
// Seeds that are not there
// ---------------------------------------------------------------------------------------------

#[test]
fn missing_seeds_folder_is_a_clear_error_and_keeps_the_site() {
    let p = Project::new();
    let missing = p.root.join("no-such-folder");
    let output = build_within(&p.root, &missing, &p.site, LIMIT);
    p.assert_failed_and_kept_the_site(&output, &["no-such-folder", "does not exist"]);
}

#[test]
fn seeds_path_that_is_a_file_is_a_clear_error_and_keeps_the_site() {
    let p = Project::new();
    let file = p.seeds.join(EXAMPLE);
    let output = build_within(&p.root, &file, &p.site, LIMIT);
    p.assert_failed_and_kept_the_site(&output, &[EXAMPLE, "not a folder"]);
}

// ---------------------------------------------------------------------------------------------
// Killed builds and builds at once
// ---------------------------------------------------------------------------------------------

/// Files written so far into the staging folders beside `site`.
fn staged_files(site: &Path) -> usize {
    leftovers_beside(site)
        .iter()
        .filter(|n| n.contains(".tmp-"))
        .map(|n| {
            walkdir::WalkDir::new(site.parent().unwrap().join(n))
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .count()
        })
        .sum()
}

#[test]
fn build_killed_with_sigkill_leaves_the_previous_site_whole_and_the_next_build_cleans_up() {
    let p = Project::new();
    let big = p.root.join("big-seeds");
    write_small_corpus(&big, 3_000);
    // A full build of the big corpus elsewhere: how long one takes, and what it must give.
    let reference = p.root.join("reference");
    let started = Instant::now();
    let output = build_within(&p.root, &big, &reference, LARGE_LIMIT);
    let full = started.elapsed();
    assert!(output.status.success(), "{}", describe(&output));
    let reference_tree = snapshot(&reference);

    // Kill builds at growing or shrinking delays until two kills have landed while pages
    // were being written (a build's speed varies with the load on the machine).
    let mut before = p.before.clone();
    let mut delay = full.mul_f64(0.3);
    let (mut kills, mut mid_render, mut attempts) = (0, 0, 0);
    while mid_render < 2 && attempts < 16 {
        attempts += 1;
        let mut run = start(build_cmd(&p.root, &big, &p.site), "the build to kill");
        std::thread::sleep(delay);
        let staged = staged_files(&p.site);
        let _ = run.child.kill(); // SIGKILL; fails only if the build already ended
        let status = run.child.wait().unwrap();
        if status.success() {
            // It finished first: a whole new build, now the "previous site". Kill sooner.
            before = snapshot(&p.site);
            assert_same_tree(&reference_tree, &before, "a build that finished");
            delay = delay.mul_f64(0.6);
            continue;
        }
        kills += 1;
        if staged > 1 {
            mid_render += 1;
            delay = delay.mul_f64(1.1);
        } else {
            // Still reading or extracting: kill later.
            delay = delay.mul_f64(1.5);
        }
        let what = format!("the site after a SIGKILL {delay:?} into a build");
        if !p.site.exists() {
            // Killed between moving the old site aside and the new one in: the old site is
            // whole in its `.site.old-*` folder, and the next build puts it back.
            let old: Vec<String> = leftovers_beside(&p.site)
                .into_iter()
                .filter(|n| n.contains(".old-"))
                .collect();
            assert_eq!(old.len(), 1, "the site moved aside: {old:?}");
            assert_same_tree(&before, &snapshot(&p.root.join(&old[0])), &what);
            continue;
        }
        let after = snapshot(&p.site);
        if after != before && after == reference_tree {
            // Killed after the new site was swapped in (while the old one was being
            // removed): the new site is whole.
            before = after;
            continue;
        }
        assert_same_tree(&before, &after, &what);
    }
    eprintln!(
        "SIGKILL: {kills} kills, {mid_render} while pages were being written, {attempts} attempts; a full build took {full:?}"
    );
    assert!(
        mid_render >= 1,
        "no kill landed while pages were being written ({kills} kills in {attempts} attempts); \
         a full build took {full:?}"
    );

    let output = build_within(&p.root, &big, &p.site, LARGE_LIMIT);
    assert!(
        output.status.success(),
        "the next build succeeds\n{}",
        describe(&output)
    );
    assert_no_panic(&output);
    assert!(
        p.leftovers().is_empty(),
        "the next build cleaned up: {:?}",
        p.leftovers()
    );
    assert_same_tree(
        &reference_tree,
        &snapshot(&p.site),
        "the next build, against a build that was never interrupted",
    );
}

#[test]
fn build_killed_between_moving_the_old_site_aside_and_the_new_one_in_gets_it_back() {
    // The one state a kill can leave with no `site/`: simulate it exactly.
    let p = Project::new();
    let aside = p.root.join(".site.old-4194304");
    fs::rename(&p.site, &aside).unwrap();
    fs::create_dir_all(p.root.join(".site.tmp-4194304/documents")).unwrap();
    fs::write(
        p.root.join(".site.tmp-4194304/documents/half.html"),
        "<p>half",
    )
    .unwrap();
    // Even a build that then fails gives the old site back, whole.
    p.add("broken.md", "+++\ntitle = 5\n+++\n");
    let output = p.build();
    p.assert_failed_and_kept_the_site(&output, &["broken.md:2:9"]);
    fs::remove_file(p.seeds.join("broken.md")).unwrap();
    let output = p.build();
    p.assert_built_with_warning_free(&output);
    assert_same_tree(&p.before, &snapshot(&p.site), "a rebuild of the same seeds");
}

#[test]
fn two_builds_at_once_into_one_folder_end_with_one_whole_site() {
    let p = Project::new();
    // In a folder of its own, so that each corpus keeps its own record of published URLs.
    let other = p.root.join("other").join("seeds");
    write_small_corpus(&other, 800);
    let reference_other = p.root.join("reference-other");
    let output = build_within(&p.root, &other, &reference_other, LARGE_LIMIT);
    assert!(output.status.success(), "{}", describe(&output));
    let trees = [p.before.clone(), snapshot(&reference_other)];

    let mut locked_out = 0;
    for round in 0..4 {
        let order: [(&Path, usize); 2] = if round % 2 == 0 {
            [(p.seeds.as_path(), 0), (other.as_path(), 1)]
        } else {
            [(other.as_path(), 1), (p.seeds.as_path(), 0)]
        };
        let runs: Vec<(Running, usize)> = order
            .iter()
            .map(|(seeds, which)| {
                (
                    start(
                        build_cmd(&p.root, seeds, &p.site),
                        &format!("build {which}"),
                    ),
                    *which,
                )
            })
            .collect();
        let results: Vec<(Output, usize)> = runs
            .into_iter()
            .map(|(run, which)| (run.finish(LARGE_LIMIT), which))
            .collect();
        let mut won = Vec::new();
        for (output, which) in &results {
            assert_no_panic(output);
            if output.status.success() {
                won.push(*which);
            } else {
                locked_out += 1;
                let err = stderr(output);
                assert_eq!(output.status.code(), Some(2), "{}", describe(output));
                assert!(
                    err.contains("another build is writing"),
                    "the losing build says why:\n{err}"
                );
            }
        }
        assert!(
            !won.is_empty(),
            "round {round}: at least one build succeeds"
        );
        let site = snapshot(&p.site);
        let whole = trees.iter().position(|t| *t == site);
        assert!(
            whole.is_some(),
            "round {round}: the site is one whole build, not a mix ({} files; the builds have {} and {})",
            site.len(),
            trees[0].len(),
            trees[1].len()
        );
        if won.len() == 1 {
            assert_eq!(
                whole,
                Some(won[0]),
                "round {round}: the site is the winner's"
            );
        }
        assert!(p.leftovers().is_empty(), "{:?}", p.leftovers());
    }
    eprintln!("two builds at once: {locked_out} of 8 builds were locked out");
}

// ---------------------------------------------------------------------------------------------
// Regressions found by fuzzing (fuzz/README.md)
// ---------------------------------------------------------------------------------------------

#[test]
fn plain_text_with_bare_carriage_returns_stays_plain_text() {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};

    // The input the `plain` fuzz target minimised: `{`, two bare CRs, an indented quote.
    for text in [
        "{\r\r    \"",
        "Kenya and Ghana met on Monday.\r\r    Officials said talks would go on.\r",
    ] {
        let s = briefing::ingest::plain::structure(text);
        let markup: Vec<String> =
            Parser::new_ext(&s.markdown, briefing::ingest::blocks::parser_options())
                .filter(|e| {
                    !matches!(
                        e,
                        Event::Text(_)
                            | Event::SoftBreak
                            | Event::Start(Tag::Paragraph | Tag::Heading { .. })
                            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_))
                    )
                })
                .map(|e| format!("{e:?}"))
                .collect();
        assert!(
            markup.is_empty(),
            "plain text {text:?} became markup {markup:?} via {:?}",
            s.markdown
        );
    }

    // End to end: a classic-Mac text file shows its paragraphs, not a code block.
    let p = Project::new();
    p.add(
        "mac.txt",
        "Kenya and Ghana met on Monday to discuss trade.\r\r    Officials said talks would go on.\r",
    );
    let output = p.build();
    p.assert_built_with_warning_free(&output);
    let doc = p.document("mac.txt");
    let html = read_html(&p.site, doc["url"].as_str().unwrap());
    assert_eq!(
        html.select(&sel("main pre, main code")).count(),
        0,
        "no code block"
    );
    let paragraphs: Vec<String> = html.select(&sel("main p[id]")).map(text_of).collect();
    assert!(
        paragraphs
            .iter()
            .any(|t| t.starts_with("Officials said talks would go on.")),
        "the second line is a paragraph of its own, unescaped: {paragraphs:?}"
    );
}

//! Helpers for the integration tests: run the real `briefing` binary, generate corpora, read a
//! built site back (files, HTML, JSON) and compare folders byte for byte.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// The example seed's file name.
pub const EXAMPLE: &str = "000_96f1017cc7fce4e4.txt";

/// The corpus generator shared by the project (a sibling of the repository).
pub const GEN_CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/bench/gen_corpus.py");

/// The example seed in the repository's `seeds/`.
pub fn example_seed() -> PathBuf {
    Path::new(REPO).join("seeds").join(EXAMPLE)
}

/// A command for the real binary, run from `cwd` so that no `briefing.toml`, `templates/` or
/// `static/` of the repository (or of the developer's working folder) leaks into the build.
pub fn briefing(cwd: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
    cmd.current_dir(cwd)
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("RUST_LOG");
    cmd
}

/// Runs the binary with `args` from `cwd`.
pub fn run(cwd: &Path, args: &[&str]) -> Output {
    briefing(cwd)
        .args(args)
        .output()
        .expect("cannot start the briefing binary")
}

/// `briefing build --seeds SEEDS --out OUT`, run from `cwd`.
pub fn build(cwd: &Path, seeds: &Path, out: &Path) -> Output {
    briefing(cwd)
        .arg("build")
        .arg("--seeds")
        .arg(seeds)
        .arg("--out")
        .arg(out)
        .output()
        .expect("cannot start the briefing binary")
}

/// Like [`build`], but panics with the binary's output unless it exits 0.
pub fn build_ok(cwd: &Path, seeds: &Path, out: &Path) -> Output {
    let output = build(cwd, seeds, out);
    assert!(
        output.status.success(),
        "`briefing build --seeds {} --out {}` failed with {}\n{}",
        seeds.display(),
        out.display(),
        output.status,
        describe(&output)
    );
    output
}

/// Standard output and error of a run, for assertion messages.
pub fn describe(output: &Output) -> String {
    format!(
        "--- stdout ---\n{}\n--- stderr ---\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A seeds folder in `root` holding a copy of the example seed.
pub fn example_seeds(root: &Path) -> PathBuf {
    let seeds = root.join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    std::fs::copy(example_seed(), seeds.join(EXAMPLE)).expect("cannot copy the example seed");
    seeds
}

/// Builds the example into `root/site` (from `root`) and returns the site folder.
pub fn build_example(root: &Path) -> PathBuf {
    let seeds = example_seeds(root);
    let site = root.join("site");
    build_ok(root, &seeds, &site);
    site
}

/// Writes a seed file, creating folders as needed.
pub fn write_seed(seeds: &Path, name: &str, text: &str) {
    let path = seeds.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A Markdown seed whose front matter names one agreement between Kenya and Ghana.
pub const KENYA_GHANA: &str = "+++
title = \"Kenya and Ghana sign trade pact\"
date = 2025-03-01
agreements = [\"Kenya–Ghana framework agreement on trade\"]
+++

Trade ministers from Kenya and Ghana met in Nairobi on Saturday, where they signed the \
Kenya–Ghana framework agreement on trade after two years of negotiations.

The framework agreement on trade lowers tariffs on farm goods and sets up a joint committee \
that will report to both governments every year.
";

/// The title of the agreement in [`KENYA_GHANA`].
pub const KENYA_GHANA_AGREEMENT: &str = "Kenya–Ghana framework agreement on trade";

/// Whether a run without `../shared` is the repository's own GitHub Actions run, where the
/// shared folder is never checked out. Everywhere else a missing generator is a failure.
pub fn shared_folder_may_be_absent() -> bool {
    std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true")
}

/// Runs `gen_corpus.py N OUT --project-only` and returns the seeds folder and the manifest.
/// Returns `None` (after saying why) only on GitHub Actions without `../shared`; panics with a
/// clear message in every other case where the corpus cannot be generated.
pub fn gen_corpus(n: usize, out: &Path) -> Option<(PathBuf, serde_json::Value)> {
    let script = Path::new(GEN_CORPUS);
    if !script.is_file() {
        if shared_folder_may_be_absent() {
            eprintln!(
                "SKIPPED: {} is absent; ../shared is only checked out in the project's own CI, not on GitHub Actions",
                script.display()
            );
            return None;
        }
        panic!(
            "the corpus generator {} is missing: these tests need the project's shared folder \
             beside the repository (../shared/bench/gen_corpus.py)",
            script.display()
        );
    }
    let output = Command::new("python3")
        .arg(script)
        .arg(n.to_string())
        .arg(out)
        .arg("--project-only")
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `python3 {}`: {e}; is python3 installed and on PATH?",
                script.display()
            )
        });
    assert!(
        output.status.success(),
        "`python3 {} {n} {}` failed with {}\n{}",
        script.display(),
        out.display(),
        output.status,
        describe(&output)
    );
    let manifest = read_json(&out.join("manifest.json"));
    let seeds = out.join("project").join("seeds");
    assert!(seeds.is_dir(), "the generator wrote no {}", seeds.display());
    Some((seeds, manifest))
}

/// Parses a JSON file.
pub fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Parses an HTML page of the site.
pub fn read_html(site: &Path, rel: &str) -> scraper::Html {
    let path = site.join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read page {}: {e}", path.display()));
    scraper::Html::parse_document(&text)
}

/// A CSS selector (panics on a typo).
pub fn sel(s: &str) -> scraper::Selector {
    scraper::Selector::parse(s).unwrap_or_else(|e| panic!("bad selector {s:?}: {e:?}"))
}

/// The text of an element, whitespace collapsed.
pub fn text_of(el: scraper::ElementRef<'_>) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names of the regular files directly in `dir`, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Whether `name` is an index or a further page of a paginated list (`index.html`,
/// `page-2.html`, `kenya-page-2.html`) rather than a page of its own.
pub fn is_list_page(name: &str) -> bool {
    let stem = name.trim_end_matches(".html");
    if stem == "index" {
        return true;
    }
    let Some((_, n)) = stem.rsplit_once("page-") else {
        return false;
    };
    let before = &stem[..stem.len() - n.len() - "page-".len()];
    (before.is_empty() || before.ends_with('-'))
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
}

/// The `.html` pages of their own in `dir` (index and pagination pages left out).
pub fn own_pages(dir: &Path) -> Vec<String> {
    file_names(dir)
        .into_iter()
        .filter(|n| n.ends_with(".html") && !is_list_page(n))
        .collect()
}

/// Whether the page at `path` is a redirect left at a URL an earlier build published.
pub fn is_redirect(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|html| html.contains("http-equiv=\"refresh\""))
}

/// Every entry under `dir` (hidden ones included): folders map to `None`, files to their bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    let mut map = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let content = if entry.file_type().is_dir() {
            None
        } else {
            Some(std::fs::read(entry.path()).unwrap())
        };
        map.insert(rel, content);
    }
    map
}

/// Panics, naming the differences, unless the two snapshots are identical.
pub fn assert_same_tree(
    a: &BTreeMap<String, Option<Vec<u8>>>,
    b: &BTreeMap<String, Option<Vec<u8>>>,
    what: &str,
) {
    let only_a: Vec<&String> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<&String> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    let differ: Vec<&String> = a
        .iter()
        .filter(|(k, v)| b.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        only_a.is_empty() && only_b.is_empty() && differ.is_empty(),
        "{what}: only in the first: {only_a:?}; only in the second: {only_b:?}; different content: {differ:?}"
    );
}

/// Resolves a relative `href` found on page `page` (both relative to the site root) to a path
/// relative to the site root, dropping any `#fragment` or `?query`.
pub fn resolve(page: &str, href: &str) -> String {
    let path = href.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() {
        return page.to_string();
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Where the links of a page point, resolved relative to the site root.
pub fn link_targets(site: &Path, page: &str) -> Vec<String> {
    let html = read_html(site, page);
    html.select(&sel("a[href]"))
        .filter_map(|a| a.value().attr("href"))
        .filter(|h| !is_external(h))
        .map(|h| resolve(page, h))
        .collect()
}

/// Whether `href` names a scheme or is protocol-relative (the library's own rule).
pub fn is_external(href: &str) -> bool {
    briefing::links::is_external(href)
}

/// Every internal link and anchor of the site at `site` resolves (the library's checker).
pub fn assert_no_broken_links(site: &Path) {
    let broken = briefing::links::check_site(site).expect("the checker can read the site");
    assert!(
        broken.is_empty(),
        "{} broken links, the first ones:\n{}",
        broken.len(),
        broken
            .iter()
            .take(20)
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

//! Extraction throughput: MB of article text per second on one core (issue 3 asks for at
//! least 20). Run with `cargo bench --bench extraction`.
//!
//! Three texts: the example article alone, the 75 fixture articles, each repeated to about
//! 20 MB, and a 2,000-article generated corpus; each is
//! parsed once up front, so only extraction (countries, people, agreements) is timed.

use std::time::Instant;

use briefing::extract;
use briefing::ingest::{Format, SourceDoc, parse};

fn corpus(dirs: &[&str]) -> Vec<SourceDoc> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut texts = Vec::new();
    for dir in dirs {
        let mut files: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .expect("fixture folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        texts.extend(
            files
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("read")),
        );
    }
    let one_round: usize = texts.iter().map(String::len).sum();
    // BENCH_MB shrinks the text, e.g. to profile under callgrind.
    let mb: usize = std::env::var("BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let rounds = (mb * 1_000_000 / one_round).max(1);
    let mut docs = Vec::new();
    for r in 0..rounds {
        for (i, t) in texts.iter().enumerate() {
            let (doc, _) = parse(format!("{r}-{i}.txt"), t, Format::Text);
            docs.extend(doc);
        }
    }
    docs
}

/// Measures one core's extraction throughput over `docs`.
fn measure(name: &str, docs: &[SourceDoc]) {
    let bytes: usize = docs
        .iter()
        .map(|d| d.blocks.iter().map(|b| b.text.len()).sum::<usize>())
        .sum();
    // Warm up the gazetteer and regexes.
    let _ = extract::document(&docs[0]);
    let mut best = f64::MAX;
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    for _ in 0..runs {
        let start = Instant::now();
        let mut agreements = 0usize;
        for d in docs {
            agreements += extract::document(d).engagements.len();
        }
        let secs = start.elapsed().as_secs_f64();
        best = best.min(secs);
        std::hint::black_box(agreements);
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "extraction, {name}: {} documents, {mb:.1} MB of text in {best:.2} s on one core = {:.1} MB/s",
        docs.len(),
        mb / best
    );
}

/// The synthetic news corpus of `../shared/bench/gen_corpus.py` (2,000 articles), when the
/// generator is there.
fn generated() -> Option<Vec<SourceDoc>> {
    let root = env!("CARGO_MANIFEST_DIR");
    let script = format!("{root}/../shared/bench/gen_corpus.py");
    let out = format!("{root}/target/bench-corpus-2000");
    if !std::path::Path::new(&format!("{out}/project/seeds")).is_dir() {
        let ok = std::process::Command::new("python3")
            .args([script.as_str(), "2000", out.as_str(), "--project-only"])
            .status()
            .ok()?
            .success();
        if !ok {
            return None;
        }
    }
    let (docs, _) =
        briefing::ingest::run(std::path::Path::new(&format!("{out}/project/seeds")), false)
            .ok()
            .map(|i| (i.documents, i.warnings))?;
    Some(docs)
}

fn main() {
    measure("the example article", &corpus(&["seeds"]));
    measure(
        "fixture articles",
        &corpus(&[
            "tests/fixtures/extraction",
            "tests/fixtures/holdout",
            "tests/fixtures/holdout2",
        ]),
    );
    if std::env::var("BENCH_MB").is_ok() {
        return; // a quick profile: the generated corpus has a fixed size
    }
    match generated() {
        Some(docs) => measure("generated corpus", &docs),
        None => println!(
            "extraction, generated corpus: skipped (../shared/bench/gen_corpus.py not found)"
        ),
    }
}

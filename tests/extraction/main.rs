//! Scores extraction on every fixture set with the rules of the real-text development set's
//! scorer (`score.rs`, a port of `../shared/devset/score.py`) and fails when a set falls below
//! its bar. Run with `--nocapture` to see each set's scores and every miss.
//!
//! Sets: `tests/fixtures/extraction` (the first hand-written cases), `holdout` and `holdout2`
//! (written later and scored on first contact), `wire` (cases in many outlets' voices,
//! following the development set's conventions), and — when `../shared/devset` sits beside
//! the repository, as in the project's CI — the real-text development set itself.

mod score;

use std::path::{Path, PathBuf};

use serde_json::Value;

use score::{Scores, prediction};

/// A set of cases and the F1 it must reach on countries, agreements, signatories and people.
struct Set {
    name: &'static str,
    bar: [f64; 4],
}

/// The bars of issue 3 for the fixtures written then; the development set's from issue 11.
const SETS: &[Set] = &[
    Set {
        name: "extraction",
        bar: [0.97, 0.85, 0.0, 0.85],
    },
    Set {
        name: "holdout",
        bar: [0.97, 0.85, 0.0, 0.85],
    },
    Set {
        name: "holdout2",
        bar: [0.97, 0.85, 0.0, 0.85],
    },
    Set {
        name: "wire",
        bar: [0.97, 0.85, 0.75, 0.90],
    },
];

fn fixtures_in(sub: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(sub);
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn extract(path: &Path) -> Value {
    let out = briefing::extract_files(&[path])
        .expect("extraction runs")
        .briefing;
    serde_json::to_value(&out).unwrap()
}

/// Scores `cases` (text file, answer), printing every miss; returns the sum.
fn score_cases(cases: &[(PathBuf, Value)]) -> Scores {
    let mut total = Scores::default();
    for (txt, want) in cases {
        let case = txt.file_stem().unwrap().to_string_lossy();
        let mut misses = Vec::new();
        let got = prediction(&extract(txt));
        total.add(&score::score(want, &got, &mut misses));
        for m in misses {
            println!("  {case}: {m}");
        }
    }
    total
}

/// Fails, naming the measure, when a set's F1 is below its bar.
fn check_bar(name: &str, s: &Scores, bar: [f64; 4]) -> Vec<String> {
    let measures = [
        ("countries", s.countries),
        ("agreements", s.agreements),
        ("signatories", s.signatories),
        ("people", s.people),
    ];
    measures
        .iter()
        .zip(bar)
        .filter(|((_, c), b)| c.prf().2 < *b)
        .map(|((m, c), b)| format!("{name}: {m} F1 {:.3} < {b}", c.prf().2))
        .collect()
}

#[test]
fn extraction_meets_the_bar_on_every_fixture_set() {
    let mut failures = Vec::new();
    let mut report = Vec::new();
    let mut count = 0;
    for set in SETS {
        let cases: Vec<(PathBuf, Value)> = fixtures_in(set.name)
            .into_iter()
            .map(|txt| {
                let json = std::fs::read_to_string(txt.with_extension("json"))
                    .unwrap_or_else(|e| panic!("{}: no answer file: {e}", txt.display()));
                (txt, serde_json::from_str(&json).expect("answer is JSON"))
            })
            .collect();
        if cases.is_empty() {
            continue;
        }
        count += cases.len();
        println!("== {} ({} cases)", set.name, cases.len());
        let s = score_cases(&cases);
        report.push(format!(
            "{:<11} {:>3} cases  {}",
            set.name,
            cases.len(),
            s.line()
        ));
        failures.extend(check_bar(set.name, &s, set.bar));
    }
    println!();
    for line in &report {
        println!("{line}");
    }
    assert!(count >= 100, "need at least 100 fixtures, found {count}");
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The real-text development set (`../shared/devset`), scored as its own `score.py` does.
#[test]
fn extraction_meets_the_bar_on_the_real_text_development_set() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/devset");
    let Ok(gold) = std::fs::read_to_string(dir.join("gold.json")) else {
        println!("{} is absent: skipped", dir.display());
        return;
    };
    let gold: Value = serde_json::from_str(&gold).expect("gold.json is JSON");
    let cases: Vec<(PathBuf, Value)> = gold
        .as_object()
        .expect("gold.json maps file names to answers")
        .iter()
        .map(|(name, want)| (dir.join("docs").join(name), want.clone()))
        .collect();
    let s = score_cases(&cases);
    println!("devset      {:>3} cases  {}", cases.len(), s.line());
    let failures = check_bar("devset", &s, [0.97, 0.90, 0.85, 0.90]);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_example_gives_four_agreements_and_five_people() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_96f1017cc7fce4e4.txt");
    let got = briefing::extract_files(&[path]).unwrap().briefing;
    let got = serde_json::to_value(&got).unwrap();
    let mut found: Vec<String> = got["agreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            format!(
                "{} {} {}",
                strings(&a["parties"]).join("-"),
                a["kind"].as_str().unwrap(),
                a["status"].as_str().unwrap()
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            "CD-TR other discussed",
            "CN-TR mou signed",
            "NE-TR mou signed",
            "TJ-TR other discussed"
        ]
    );
    let niger = got["agreements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["parties"] == serde_json::json!(["NE", "TR"]))
        .unwrap();
    assert_eq!(niger["place"], "Istanbul");
    assert_eq!(
        niger["slug"],
        "niger-turkiye-mou-mineral-exploration-and-mining"
    );
    let signatories = strings(&niger["signatories"]);
    assert!(
        signatories.contains(&"Alparslan Bayraktar".to_string())
            && signatories.contains(&"Abarchi Ousmane".to_string()),
        "{signatories:?}"
    );
    let people: Vec<(String, String)> = got["documents"][0]["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["country"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(people.len(), 5, "{people:?}");
    for (name, code) in [
        ("Alparslan Bayraktar", "TR"),
        ("Abarchi Ousmane", "NE"),
        ("Wang Guanghua", "CN"),
        ("Kizito Pakabomba Kapinga", "CD"),
        ("Sherali Kabir", "TJ"),
    ] {
        assert!(
            people.contains(&(name.to_string(), code.to_string())),
            "{name} {code} in {people:?}"
        );
    }
}

//! Properties that must hold for any input: ingest and extraction never panic and never hang
//! on any UTF-8 text, and slugs are always safe file names.

use briefing::extract;
use briefing::ingest::{Format, parse};
use briefing::slug::{Slug, slugify};
use proptest::prelude::*;

fn run_all(text: &str) {
    for format in [Format::Text, Format::Markdown] {
        let (doc, _) = parse("p.txt".into(), text, format);
        if let Some(doc) = doc {
            let e = extract::document(&doc);
            for a in &e.engagements {
                assert!(a.parties.len() + a.organisations.len() >= 2);
            }
        }
    }
}

/// Words that exercise the rules: countries, demonyms, roles, agreement nouns, verbs.
const WORDS: &[&str] = &[
    "Niger",
    "Nigeria",
    "Türkiye’s",
    "TÜRKİYE",
    "Congo",
    "Congolese",
    "Brazzaville",
    "Minister",
    "minister",
    "President",
    "signed",
    "will",
    "sign",
    "MoU",
    "memorandum",
    "of",
    "understanding",
    "agreements",
    "with",
    "and",
    ",",
    ".",
    "’s",
    "'s",
    "He",
    "she",
    "met",
    "talks",
    "no",
    "multiple",
    "in",
    "Istanbul",
    "Mr.",
    "U.S.",
    "the",
    "Democratic",
    "Republic",
    "EU",
    "Guinea-Bissau",
    "İ",
    "ß",
    "🇹🇷",
    "\u{301}",
    "12",
    "March",
    "2025",
    "—",
    "-",
    "(",
    ")",
    "Abarchi",
    "Ousmane",
    "Wang",
    "Guanghua",
    "counterpart",
    "on",
    "to",
    "discuss",
    "\n",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn extraction_never_panics_on_arbitrary_text(text in "\\PC{0,400}") {
        run_all(&text);
    }

    #[test]
    fn extraction_never_panics_on_rule_words(words in prop::collection::vec(prop::sample::select(WORDS), 0..120)) {
        run_all(&words.join(" "));
        run_all(&words.concat());
    }

    #[test]
    fn slugs_are_safe_file_names(text in "\\PC{0,200}") {
        let s = slugify(&text, 80);
        prop_assert!(s.len() <= 80);
        prop_assert!(s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"));
        if let Some(slug) = Slug::from_text(&text) {
            prop_assert!(!slug.as_str().is_empty() && !slug.as_str().starts_with('.'));
        }
    }
}

#[test]
fn extraction_handles_pathological_inputs() {
    let long_sentence = "Niger and Türkiye signed an agreement ".repeat(2_000);
    let no_punctuation = "word ".repeat(50_000);
    let countries = "Niger Nigeria Chad ".repeat(3_400);
    let numbers = "12345 67890 ".repeat(10_000);
    // One 2 MB sentence full of countries, titles and agreement words: every step must stay
    // linear (this once took minutes at 20 MB).
    let dense = "Niger and Chad signed an agreement with Minister ".repeat(40_000);
    for text in [long_sentence, no_punctuation, countries, numbers, dense] {
        run_all(&text);
    }
}

//! The unit the sentence rules look at: a clause of a sentence, with its cue words, tokens,
//! country mentions and people, and the small position helpers every rule shares.

use std::sync::OnceLock;

use super::cues::Cues;
use crate::extract::lexicon::automaton;
use crate::extract::tokens::{Token, tokenize_folded};
use crate::gazetteer::Mention;

/// One sentence with what the rules need to know about it.
pub(super) struct Sentence<'a> {
    /// The clause's text.
    pub text: &'a str,
    /// The text in ASCII lowercase (same byte offsets).
    pub lower: &'a str,
    /// The cue words in it.
    pub cues: Cues,
    /// Its words.
    pub tokens: Vec<Token<'a>>,
    /// Country mentions, offsets relative to the clause.
    pub countries: Vec<Mention>,
    /// People named in it (indices into the document's people), in order of first mention.
    pub people: Vec<usize>,
    /// Every mention of a person: (offset in the clause, person).
    pub named: Vec<(usize, usize)>,
}

/// The clauses of a sentence that report separate things, with their byte offsets.
pub(super) fn clauses(sentence: &str) -> Vec<(usize, &str)> {
    static BREAKS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let breaks = BREAKS.get_or_init(|| {
        automaton(
            [
                ", while ",
                ", whereas ",
                "; ",
                ", but ",
                " but could not ",
                " but did not ",
                " but failed ",
                " but has not ",
                " but have not ",
                ", as ",
                ", although ",
                " as the ",
                " as a ",
                ", and a ",
                ", and an ",
            ],
            true,
        )
    });
    // A semicolon also separates the items of a list ("signed by A, of X; B, of Y; …"): it
    // only starts a new clause when an engagement word follows it, and never before a
    // person's honorific ("…, the Foreign Minister of El Salvador; Mr Ilia Darchiashvili of
    // Georgia, on political consultations").
    const HONORIFICS: &[&str] = &["Mr ", "Mrs ", "Ms ", "Madam ", "Dr ", "H.E. ", "Prof "];
    let mut starts: Vec<usize> = breaks.find_iter(sentence).map(|m| m.start() + 1).collect();
    // "OTTAWA — While President Trump threatens to upend trade, Canada is busy working on
    // other deals": an opening "while" clause ends at its comma.
    if let Some(end) = opening_while_clause(sentence) {
        starts.push(end);
        starts.sort_unstable();
    }
    let cuts: Vec<usize> = starts
        .iter()
        .enumerate()
        .filter(|&(k, &c)| {
            let end = starts.get(k + 1).copied().unwrap_or(sentence.len());
            let item = sentence[c..end].trim_start();
            let reports = |t: &str| triggers().is_match(&t.to_ascii_lowercase());
            // "… scrapped two agreements signed with the EU as the country's army leaders and
            // a Russian official discussed cooperation": an "as" without a comma starts a
            // clause only when both sides report something.
            // "… signed an agreement with Kosovo, and a memorandum was signed with the Iraqi
            // counterpart": a second instrument with its own signing verb is its own clause.
            let before = &sentence[k.checked_sub(1).map_or(0, |j| starts[j])..c];
            if item.starts_with("and a ") || item.starts_with("and an ") {
                let lower = item.to_ascii_lowercase();
                let signs = super::cues::Cues::of(&lower).any(super::cues::Cue::Signed);
                return signs && reports(before);
            }
            if sentence[c..].starts_with("as ") {
                return reports(item) && reports(before);
            }
            // "On the Rwandan side: A, Minister of X; B, Minister of Y … signed on behalf of
            // Rwanda": a list that reports nothing before its semicolon goes on after it.
            !sentence[..c].ends_with(';')
                || reports(item)
                    && reports(before)
                    && !HONORIFICS.iter().any(|h| item.starts_with(h))
        })
        .map(|(_, &c)| c)
        .collect();
    let mut out = Vec::new();
    let mut from = 0;
    for c in cuts.into_iter().chain(std::iter::once(sentence.len())) {
        if c > from {
            out.push((from, &sentence[from..c]));
            from = c;
        }
    }
    out
}

/// Where an opening "While …," clause ends (after its comma), past a dateline.
fn opening_while_clause(sentence: &str) -> Option<usize> {
    let head = &sentence[..crate::location::floor_char_boundary(sentence, sentence.len().min(60))];
    let at = ["While ", "Whereas "].iter().find_map(|w| {
        if sentence.starts_with(w) {
            return Some(0);
        }
        ["— ", "-- ", "- ", ": "]
            .iter()
            .find_map(|d| head.find(&format!("{d}{w}")).map(|i| i + d.len()))
    })?;
    sentence[at..].find(", ").map(|i| at + i + 1)
}

/// A clause with its country and people mentions; offsets become relative to the clause.
pub(super) fn sentence_at<'a>(
    text: &'a str,
    start: usize,
    lower: &'a str,
    mentions: &[Mention],
    named: &[(usize, usize)],
) -> Sentence<'a> {
    let end = start + text.len();
    // In order of first mention, once each.
    let mut people: Vec<usize> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for &(_, p) in within(named, |n| n.0, start..end) {
        if seen.insert(p) {
            people.push(p);
        }
    }
    Sentence {
        text,
        cues: Cues::of(lower),
        lower,
        tokens: tokenize_folded(text, lower),
        countries: within(mentions, |m| m.start, start..end)
            .iter()
            .filter(|m| m.end <= end)
            .map(|m| Mention {
                start: m.start - start,
                end: m.end - start,
                ..m.clone()
            })
            .collect(),
        people,
        named: within(named, |n| n.0, start..end)
            .iter()
            .map(|&(at, p)| (at - start, p))
            .collect(),
    }
}

/// Words without which a sentence cannot report an engagement: agreement nouns and meeting
/// words, in lowercase (searched in ASCII-folded text). One pass decides whether the full
/// rules need to run.
pub(super) fn triggers() -> &'static aho_corasick::AhoCorasick {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        let words = [
            "memorand",
            "memo ",
            "memos",
            "mou",
            "agreement",
            "deal",
            "accord",
            "declaration",
            "partnership",
            "framework",
            "letter of intent",
            "treat",
            "pact",
            "charter",
            "summit",
            "instrument",
            "cooperation program",
            "program of cooperation",
            "programme of cooperation",
            "met ",
            "meet",
            "talks",
            "hosted",
            "discuss",
            "received",
            "sat down",
            "roadmap",
            "road map",
            "action plan",
            "addend",
            "protocol",
            "joint statement",
            "tripartite statement",
            "exchange of notes",
            "exchanges of notes",
            "exchange notes",
            "exchanged notes",
            "diplomatic notes",
            "trilateral statement",
            "document",
            "communiqu",
            "agreed record",
            "explor",
            "negotiat",
            "signator",
            "signed",
            "signing of",
            "inked",
            "penned",
            "phone",
            "call",
            "conference",
            "dialogue",
            "exchanged views",
            "bilateral",
            "conferred",
            "courtesy call",
            "consultations",
            "commission",
            "tete-a-tete",
            "tête-à-tête",
            "audience",
            "signing ceremony",
        ];
        automaton(words.iter().chain(super::cues::MORE_MEETINGS), false)
    })
}

/// Where a sentence refers to an official by pronoun ("he", "she", "the minister").
pub(super) fn pronoun_at(s: &Sentence<'_>) -> Option<usize> {
    s.tokens
        .iter()
        .find(|t| matches!(t.text, "He" | "She" | "he" | "she"))
        .map(|t| t.start)
        .or_else(|| {
            // "the Minister signed …" — but not "the Minister of Energy of Djibouti", who is
            // someone else.
            static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
            let titles = AC.get_or_init(|| {
                automaton(
                    ["the minister", "the president", "the prime minister"],
                    false,
                )
            });
            titles
                .find_overlapping_iter(s.lower)
                .filter(|m| {
                    // "The ministers agreed" are several, not the minister named last.
                    let whole_word = !s.lower[m.end()..].starts_with(char::is_alphanumeric);
                    let rest = s.lower[m.end()..].trim_start();
                    // "The Prime Minister's media office stated": whose office, not who acts.
                    let possessive = ["'s", "’s"]
                        .iter()
                        .any(|p| s.lower[m.end()..].starts_with(p));
                    whole_word
                        && !possessive
                        && !rest.starts_with("of ")
                        && !rest.starts_with("for ")
                })
                .map(|m| m.start())
                .min()
        })
}

/// Where a person's name (or its last word) first appears in a sentence.
pub(super) fn first_mention(text: &str, name: &str) -> Option<usize> {
    text.find(name).or_else(|| {
        name.split_whitespace()
            .filter(|w| w.len() > 2)
            .filter_map(|w| text.find(w))
            .min()
    })
}

/// The items of a list sorted by position whose position falls in `range`.
pub(super) fn within<T>(
    items: &[T],
    at: impl Fn(&T) -> usize,
    range: std::ops::Range<usize>,
) -> &[T] {
    let a = items.partition_point(|x| at(x) < range.start);
    let b = items.partition_point(|x| at(x) < range.end);
    &items[a..b.max(a)]
}

//! Details of an engagement that one sentence gives: its topic, place and date.

use std::sync::OnceLock;

use regex::Regex;

use crate::gazetteer::Gazetteer;
use crate::terms::{Date, MONTHS};

/// The subject an instrument's own name gives it, from the words right before its noun: "the
/// UK-US Free Trade Agreement" → "free trade", "a new defence cooperation agreement" →
/// "defence cooperation". The walk back stops at an article, a verb, a party's name
/// (`stops` are the byte ranges of the clause's country and organisation names) or, before a
/// lowercase noun, a capitalised word (a person's name). A lone "cooperation" is no subject.
pub(super) fn named_topic(
    text: &str,
    noun_start: usize,
    stops: &[(usize, usize)],
) -> Option<String> {
    #[rustfmt::skip]
    const SKIP: &[&str] = &[
        "new", "historic", "landmark", "long-awaited", "major", "key", "bilateral", "trilateral",
        "multilateral", "joint", "separate", "proposed", "planned", "initial", "final", "revised",
        "draft", "formal", "binding", "non-binding", "legally", "broad", "wide-ranging", "sweeping",
        "ambitious", "important", "significant", "similar", "further", "additional", "specific",
        "so-called", "strategic", "comprehensive", "general", "basic", "complementary",
        "government-level", "intergovernmental", "groundbreaking", "renewed", "first", "second",
        "third", "fourth", "fifth", "interim", "provisional", "preliminary", "long-term",
    ];
    #[rustfmt::skip]
    const STOP: &[&str] = &[
        "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
        "such", "any", "no", "each", "both", "all", "some", "several", "various", "other", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "of", "on", "in", "to",
        "for", "with", "and", "by", "at", "as", "from", "sign", "signs", "signed", "ink", "inks",
        "inked", "will", "would", "has", "have", "had", "is", "are", "was", "were", "be", "been",
        "reached", "struck", "concluded", "agreed", "approved", "adopted", "launched", "seal",
        "sealed", "finalised", "finalized", "initialled", "negotiating", "negotiate", "discuss",
        "discussed", "under", "over", "into", "a.", "formalize", "formalise",
    ];
    const GENERIC: &[&str] = &["cooperation", "partnership", "relations"];
    let noun_capital = text[noun_start..].starts_with(char::is_uppercase);
    let mut words: Vec<&str> = Vec::new();
    let mut end = noun_start;
    for (at, w) in word_spans_before(text, noun_start).into_iter().take(6) {
        let lower = w.to_lowercase();
        let inside_party = stops.iter().any(|&(a, b)| at < b && at + w.len() > a);
        let punctuated = !text[at + w.len()..end].trim().is_empty();
        if inside_party
            || punctuated
            || STOP.contains(&lower.as_str())
            || !w.chars().all(|c| c.is_alphabetic() || c == '-')
            || !noun_capital
                && w.starts_with(char::is_uppercase)
                && w.chars().any(char::is_lowercase)
        {
            break;
        }
        end = at;
        if !SKIP.contains(&lower.as_str()) {
            words.push(w);
        }
    }
    words.reverse();
    let phrase: Vec<String> = words
        .iter()
        .map(|w| {
            if w.len() > 1 && w.chars().all(|c| c.is_uppercase()) {
                w.to_string()
            } else {
                w.to_lowercase()
            }
        })
        .collect();
    if phrase.is_empty() || phrase.len() == 1 && GENERIC.contains(&phrase[0].as_str()) {
        return None;
    }
    Some(phrase.join(" "))
}

/// The words before byte `at`, nearest first, with their offsets (punctuation stays between
/// them, so a caller can tell where a phrase ends).
fn word_spans_before(text: &str, at: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let head = &text[..at];
    let mut end = head.len();
    for (i, c) in head.char_indices().rev() {
        let boundary = !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’');
        if boundary {
            if end > i + c.len_utf8() {
                out.push((i + c.len_utf8(), &head[i + c.len_utf8()..end]));
            }
            end = i;
        }
    }
    if end > 0 {
        out.push((0, &head[..end]));
    }
    out
}

/// Verbs whose "on" takes an object, not a subject matter: "builds on", "relies on".
const PHRASAL_ON: &[&str] = &[
    "builds",
    "build",
    "built",
    "building",
    "draws",
    "drew",
    "relies",
    "rely",
    "depends",
    "depend",
    "based",
    "follows",
    "insisted",
    "commented",
    "remarked",
    "agreed",
    "signed",
];

/// Instrument nouns, which end a topic phrase rather than belong to it.
const INSTRUMENT_NOUNS: &[&str] = &[
    "agreement",
    "agreements",
    "accord",
    "accords",
    "deal",
    "deals",
    "mou",
    "mous",
    "memorandum",
    "framework",
    "treaty",
    "pact",
    "charter",
    "partnership",
    "declaration",
    "protocol",
];

/// Words that open a topic: "cooperation in", "on", "to discuss" …
const TOPIC_CUES: &[&str] = &[
    "cooperation in ",
    "cooperation on ",
    "collaboration in ",
    "collaboration on ",
    "to cooperate on ",
    "to discuss ",
    "discussed ",
    " on ",
    " for ",
    " covering ",
    " concerning ",
    " regarding ",
    " about ",
    " to deepen ",
    " to boost ",
    " to develop ",
    " to expand ",
];

/// [`TOPIC_CUES`] as one automaton: every clause that reports an engagement is searched.
fn topic_cues() -> &'static aho_corasick::AhoCorasick {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AC.get_or_init(|| crate::extract::lexicon::automaton(TOPIC_CUES, false))
}

/// The subject matter: the noun phrase after "cooperation in", "on", "for", "to discuss" …
pub(super) fn topic(text: &str, after: usize, meeting: bool) -> Option<String> {
    const STOP: &[&str] = &[
        "with",
        "within",
        "during",
        "at",
        "as",
        "while",
        "which",
        "that",
        "after",
        "before",
        "by",
        "under",
        "amid",
        "from",
        "between",
        "when",
        "where",
        "said",
        "was",
        "were",
        "is",
        "are",
        "will",
        "would",
        "this",
        "last",
        "next",
        "to",
        "and",
        "including",
        "following",
        "who",
        "whose",
        "signed",
        "earlier",
        "later",
        "according",
    ];
    let lower = text.to_ascii_lowercase();
    let from = if meeting { 0 } else { after.min(lower.len()) };
    // The first place of each cue, in the order they end.
    let mut first = vec![false; TOPIC_CUES.len()];
    let mut hits: Vec<(usize, &str)> = Vec::new();
    for m in topic_cues().find_overlapping_iter(&lower[from..]) {
        let k = m.pattern().as_usize();
        if !std::mem::replace(&mut first[k], true) {
            hits.push((from + m.end(), TOPIC_CUES[k]));
        }
    }
    hits.sort();
    for (start, cue) in hits {
        // "The deal builds on a framework first discussed …": the verb's object, not a
        // subject matter.
        let verb_before = lower[..start - cue.len()].rsplit(' ').next().unwrap_or("");
        if cue == " on " && PHRASAL_ON.contains(&verb_before) {
            continue;
        }
        let mut words: Vec<&str> = Vec::new();
        let mut rest = text[start..].split_whitespace().peekable();
        while let Some(w) = rest.next() {
            let bare = w.trim_end_matches([',', '.', ';', ':', ')', '"', '”']);
            let lw = bare.to_lowercase();
            // "in Lima", "on Monday": a place or a time, not part of the subject.
            let next_capital = rest
                .peek()
                .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase));
            if matches!(lw.as_str(), "in" | "on" | "at") && (next_capital || words.is_empty()) {
                break;
            }
            // An instrument ends the subject: "a cooperation framework first discussed".
            if (STOP.contains(&lw.as_str()) && !(lw == "and" && !words.is_empty() && w == bare))
                || words.len() >= 7
                || INSTRUMENT_NOUNS.contains(&lw.as_str()) && !words.is_empty()
            {
                break;
            }
            words.push(bare);
            if bare.len() != w.len() {
                break;
            }
        }
        while words
            .last()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "and" | "of" | "the" | "a"))
        {
            words.pop();
        }
        let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
        let bad_start = first.is_empty()
            || first.chars().next().is_some_and(|c| c.is_ascii_digit())
            || super::words::WEEKDAYS.contains(&first.as_str())
            || [
                "the sidelines",
                "behalf",
                "its",
                "their",
                "his",
                "her",
                "him",
                "them",
                "it",
            ]
            .contains(&first.as_str())
            // A topic is a subject, not a party list: "Japan", "Kenyan trade".
            || words.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !Gazetteer::global().find(&words.join(" ")).mentions.is_empty();
        if bad_start {
            continue;
        }
        let mut phrase = words.join(" ");
        for lead in ["the ", "a ", "an ", "expanded ", "closer ", "mutual "] {
            if let Some(rest) = phrase.strip_prefix(lead) {
                phrase = rest.to_string();
            }
        }
        for cue in [
            "cooperation in ",
            "cooperation on ",
            "collaboration in ",
            "collaboration on ",
        ] {
            if let Some(i) = phrase.find(cue).filter(|&i| i < 25) {
                phrase = phrase[i + cue.len()..].to_string();
            }
        }
        if phrase.len() > 2 && reads_as_subject(&phrase) {
            return Some(phrase);
        }
    }
    None
}

/// Whether a phrase reads as a subject a title can carry: no names or titles in capitals, no
/// pronouns ("developments in his country"), no cut abbreviation or bracket ("future U.S",
/// "Economy (IPHE").
fn reads_as_subject(phrase: &str) -> bool {
    const PRONOUNS: &[&str] = &["his", "her", "their", "its", "our", "my", "your", "them"];
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let capitalised = words.iter().any(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    });
    !capitalised
        && !phrase.contains(['/', '(', ')', '[', ']', '"', '“', '”'])
        && !words.iter().any(|w| PRONOUNS.contains(w))
        && !words
            .last()
            .is_some_and(|w| w.contains('.') || w.len() == 1)
}

fn place_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?-u:\b)(?:in|at)\s+(\p{Lu}[\p{L}\p{M}'’\-]+(?:\s+\p{Lu}[\p{L}\p{M}'’\-]+){0,2})",
        )
        .expect("place regex")
    })
}

/// "in Istanbul": a capitalised place that is not a country, region or month.
pub(super) fn place(text: &str) -> Option<String> {
    const NOT_PLACES: &[&str] = &[
        "Africa",
        "Asia",
        "Europe",
        "The",
        "A",
        "An",
        "Latin",
        "Central",
        "North",
        "South",
        "East",
        "West",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Parliament",
        "Congress",
        "His",
        "Her",
        "Their",
    ];
    for c in place_re().captures_iter(text) {
        let m = c.get(1)?;
        let name = m.as_str().trim_end_matches(['’', '\'']);
        let first = name.split_whitespace().next().unwrap_or("");
        let possessive = text[m.end()..].starts_with("’s") || text[m.end()..].starts_with("'s");
        if NOT_PLACES.contains(&first)
            || MONTHS.contains(&first)
            || possessive
            || !Gazetteer::global().find(name).mentions.is_empty()
        {
            continue;
        }
        return Some(name.to_string());
    }
    None
}

/// A full date in the sentence ("12 March 2025", "March 12, 2025").
pub(super) fn date(text: &str) -> Option<Date> {
    crate::extract::dates::first(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics() {
        assert_eq!(
            topic("the two ministers signed a memorandum of understanding (MoU) to enhance cooperation in mineral exploration and mining.", 30, false).as_deref(),
            Some("mineral exploration and mining")
        );
        assert_eq!(
            topic(
                "He met with X, to discuss joint projects in critical minerals.",
                0,
                true
            )
            .as_deref(),
            Some("joint projects in critical minerals")
        );
        assert_eq!(
            topic("Peru and Korea signed a memorandum of understanding on Monday to cooperate on lithium and other critical minerals, as", 20, false).as_deref(),
            Some("lithium and other critical minerals")
        );
    }

    #[test]
    fn places_and_dates() {
        assert_eq!(
            place("the two ministers met in Istanbul, where").as_deref(),
            Some("Istanbul")
        );
        assert_eq!(
            place("signed in March in Addis Ababa"),
            Some("Addis Ababa".to_string())
        );
        assert_eq!(place("a deal in Niger"), None);
        assert_eq!(
            date("signed on 12 March 2025 in Lima").unwrap().to_string(),
            "2025-03-12"
        );
        assert_eq!(
            date("on March 3, 2024, officials").unwrap().to_string(),
            "2024-03-03"
        );
        assert!(date("on Tuesday").is_none());
    }
}

//! Sentence cues: whether one clause reports an engagement, and of what kind and status —
//! an agreement noun with a status verb, or officials of two countries meeting — with its
//! parties, topic, place and date as that clause alone gives them.

use std::sync::OnceLock;

use regex::Regex;

use super::clause::Sentence;
use super::cues::{self, Cue};
use super::details::{date, place, topic};
use super::parties::{home_reference, parties, with_company};
use super::{Found, UNRESOLVED};
use crate::extract::{Engagement, Evidence, Person};
use crate::gazetteer::CountryCode;
use crate::terms::{AgreementKind, AgreementStatus};

pub(super) fn noun_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)(memorand(?:um|a|ums)(?: of understanding)?|mous?|agreements?|deals?|accords?|(?:joint )?declarations?|partnerships?|frameworks?|letters? of intent|treat(?:y|ies)|pacts?|protocols?|road ?maps?|joint statements?)(?-u:\b)")
            .expect("agreement noun regex")
    })
}

pub(super) const OFFICIALS: &[&str] = &[
    "official",
    "minister",
    "president",
    "delegation",
    "leader",
    "counterpart",
    "envoy",
    "ambassador",
    "prime",
    "premier",
    "secretary",
    "government",
    "king",
    "chancellor",
];

/// The engagements a sentence reports: usually none or one; several when one party signs
/// separate instruments "with A, B and C".
pub(super) fn engagements(
    s: &Sentence<'_>,
    people: &[Person],
    referent: Option<usize>,
    home: Option<CountryCode>,
) -> Vec<Found> {
    let nouns: Vec<regex::Match<'_>> = noun_re()
        .find_iter(s.text)
        .filter(|m| !is_generic(s, m.start(), m.as_str()) && !is_idiom(&s.lower, m.start()))
        .collect();
    let talk = has_meeting(s);
    let negated_noun = nouns.first().is_some_and(|n| noun_negated(s, n.start()));
    let mut status = cues::status(&s.lower, &s.cues);
    if status.is_none()
        && nouns
            .first()
            .is_some_and(|n| names_past_year(&s.lower, n.start()))
    {
        status = Some(AgreementStatus::Signed);
    }
    let (kind, status, rule, noun_end) = match (nouns.first(), status) {
        // "Talks ended without an agreement": the talks still happened.
        (Some(n), _) if negated_noun => {
            if !talk {
                return Vec::new();
            }
            (
                kind_of(&nouns),
                AgreementStatus::Discussed,
                "talks that ended without an agreement",
                n.end(),
            )
        }
        (Some(n), Some(st)) => (
            kind_of(&nouns),
            st,
            "agreement noun with a status verb",
            n.end(),
        ),
        _ if talk => (
            AgreementKind::Other,
            AgreementStatus::Discussed,
            "officials of two countries meet or hold talks",
            0,
        ),
        _ => return Vec::new(),
    };
    if noun_end == 0 && cues::meeting_negated(&s.lower, &s.cues) {
        return Vec::new();
    }
    let (mut parties, organisations) = parties(s, people, referent, noun_end);
    if parties.len() + organisations.len() == 1
        && let Some(h) = home.filter(|h| !parties.contains(h))
        && home_reference(s)
    {
        parties.push(h);
        parties.sort();
    }
    if with_company(s) {
        return Vec::new();
    }
    let unresolved = parties.len() + organisations.len() < 2;
    // "The agreements aim to …" sums up; only a singular instrument is worth a warning.
    let plural = nouns.first().is_some_and(|n| {
        let head = n
            .as_str()
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        head.ends_with('s') || head == "memoranda"
    });
    if unresolved && (noun_end == 0 || plural || parties.len() + organisations.len() == 0) {
        return Vec::new();
    }
    let rule = if unresolved { UNRESOLVED } else { rule };
    let base = Engagement {
        title: None,
        kind,
        status,
        parties: parties.clone(),
        organisations: organisations.clone(),
        topic: topic(s.text, noun_end, kind == AgreementKind::Other),
        signatories: Vec::new(),
        place: place(s.text),
        date: date(s.text),
        evidence: vec![Evidence {
            block: crate::slug::AnchorId::default(),
            status,
            text: crate::extract::excerpt(s.text, crate::extract::MAX_QUOTE),
        }],
    };
    let groups = separate_partners(s, &nouns, &parties).unwrap_or_else(|| vec![parties.clone()]);
    groups
        .into_iter()
        .map(|group| {
            let mut e = base.clone();
            if status == AgreementStatus::Signed {
                e.signatories = s
                    .people
                    .iter()
                    .filter(|&&p| people[p].country.is_none_or(|c| group.contains(&c)))
                    .map(|&p| people[p].name.clone())
                    .collect();
            }
            e.parties = group;
            Found {
                engagement: e,
                rule,
            }
        })
        .collect()
}

/// The most specific kind the clause's agreement nouns name.
pub(super) fn kind_of(nouns: &[regex::Match<'_>]) -> AgreementKind {
    nouns
        .iter()
        .map(|m| noun_kind(m.as_str()))
        .max()
        .unwrap_or(AgreementKind::Agreement)
}

/// The kind one noun matched by [`noun_re`] names ("MoUs", "joint declaration", "treaty").
pub(super) fn noun_kind(noun: &str) -> AgreementKind {
    let lower = noun.to_ascii_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    match first {
        w if w.starts_with("memorand") || w.starts_with("mou") => AgreementKind::Mou,
        w if w.starts_with("letter") => AgreementKind::LetterOfIntent,
        w if w.starts_with("accord") => AgreementKind::Accord,
        w if w.starts_with("declaration") => AgreementKind::Declaration,
        "joint" => AgreementKind::Declaration,
        w if w.starts_with("framework") => AgreementKind::Framework,
        w if w.starts_with("deal") => AgreementKind::Deal,
        w if w.starts_with("partnership") => AgreementKind::Partnership,
        w if w.starts_with("road") => AgreementKind::Other,
        _ => AgreementKind::Agreement,
    }
}

pub(super) fn has_meeting(s: &Sentence<'_>) -> bool {
    let meets = s.cues.any(Cue::Meeting);
    meets
        && (!s.people.is_empty()
            || s.tokens.iter().any(|t| {
                let w = t.lower();
                OFFICIALS
                    .iter()
                    .any(|o| w == *o || w.strip_suffix('s') == Some(o))
            }))
}

/// "Rwanda signed memorandums of understanding with Singapore, Qatar and Morocco": one
/// instrument per partner, each with the parties named before "with".
pub(super) fn separate_partners(
    s: &Sentence<'_>,
    nouns: &[regex::Match<'_>],
    parties: &[CountryCode],
) -> Option<Vec<Vec<CountryCode>>> {
    let noun = nouns.first()?;
    let head = noun
        .as_str()
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    if !(head.ends_with('s') || head == "memoranda") {
        return None;
    }
    let with = s.lower[noun.end()..]
        .find(" with ")
        .map(|i| noun.end() + i)?;
    let before: Vec<CountryCode> = s
        .countries
        .iter()
        .filter(|m| m.start < with && parties.contains(&m.code))
        .map(|m| m.code)
        .collect();
    let mut after: Vec<CountryCode> = s
        .countries
        .iter()
        .filter(|m| m.start > with && parties.contains(&m.code))
        .map(|m| m.code)
        .collect();
    after.dedup();
    if before.is_empty() || after.len() < 2 {
        return None;
    }
    Some(
        after
            .into_iter()
            .filter(|c| !before.contains(c))
            .map(|c| {
                let mut g = before.clone();
                g.push(c);
                g.sort();
                g.dedup();
                g
            })
            .collect(),
    )
}

/// "its 2023 critical minerals agreement": an instrument dated in the past exists.
pub(super) fn names_past_year(lower: &str, noun_start: usize) -> bool {
    let before = &lower[floor(lower, noun_start.saturating_sub(40))..noun_start];
    before.split_whitespace().rev().take(5).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        w.len() == 4 && (w.starts_with("19") || w.starts_with("20"))
    })
}

use crate::location::floor_char_boundary as floor;

pub(super) fn is_idiom(lower: &str, start: usize) -> bool {
    let before = &lower[floor(lower, start.saturating_sub(12))..start];
    before.ends_with("great ") || before.ends_with("good ")
}

/// "signed multiple agreements", "a series of deals": a count, not an agreement.
pub(super) fn is_generic(s: &Sentence<'_>, start: usize, noun: &str) -> bool {
    let head = noun.split_whitespace().next().unwrap_or("");
    let plural =
        head.ends_with('s') && !head.ends_with("ss") || head.eq_ignore_ascii_case("memoranda");
    plural
        && s.cues
            .starts(Cue::Quantifier)
            .any(|i| i < start && i + 40 >= start)
}

/// A negation right before the noun ("has no trade agreement", "without an accord"), a
/// company deal ("a commercial agreement"), or a denial earlier in the clause.
pub(super) fn noun_negated(s: &Sentence<'_>, noun_start: usize) -> bool {
    let before: Vec<&str> = s.lower[..noun_start]
        .split_whitespace()
        .rev()
        .take(6)
        .collect();
    before
        .iter()
        .any(|w| matches!(*w, "no" | "without" | "not" | "never" | "nor"))
        || before.iter().take(2).any(|w| *w == "commercial")
        || s.cues.starts(Cue::Denial).any(|i| i < noun_start)
}

//! Parties: which countries and organisations named in a clause take part in the engagement
//! it reports, and which are only context (a company's origin, a comparison, a mediator).

use std::sync::OnceLock;

use regex::Regex;

use super::clause::{Sentence, first_mention, pronoun_at};
use super::cues::Cue;
use crate::extract::Person;
use crate::extract::lexicon::COMPANY_NOUNS;
use crate::extract::tokens::Token;
use crate::gazetteer::{CountryCode, Mention};

/// Organisations that can be parties, with the short name the contract uses.
pub(super) const ORGANISATIONS: &[(&str, &str)] = &[
    ("European Union", "EU"),
    ("EU", "EU"),
    ("European Commission", "EU"),
    ("African Union", "AU"),
    ("AU", "AU"),
    ("ASEAN", "ASEAN"),
    ("Association of Southeast Asian Nations", "ASEAN"),
    ("ECOWAS", "ECOWAS"),
    ("Economic Community of West African States", "ECOWAS"),
    ("SADC", "SADC"),
    ("East African Community", "EAC"),
    ("Gulf Cooperation Council", "GCC"),
    ("GCC", "GCC"),
    ("Mercosur", "Mercosur"),
    ("United Nations", "UN"),
    ("NATO", "NATO"),
];

pub(super) fn org_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let alts: Vec<String> = ORGANISATIONS
            .iter()
            .map(|(n, _)| regex::escape(n))
            .collect();
        Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", alts.join("|"))).expect("organisation regex")
    })
}

pub(super) fn parties(
    s: &Sentence<'_>,
    people: &[Person],
    referent: Option<usize>,
    noun_end: usize,
) -> (Vec<CountryCode>, Vec<String>) {
    let mut codes: Vec<CountryCode> = Vec::new();
    // Countries after a context cue ("similar", "mediated by") or after the next engagement
    // in the same clause ("… with Germany, capping a week of talks with South Korea") are not
    // parties to this one.
    let next_engagement = (noun_end > 0)
        .then(|| s.cues.starts(Cue::Meeting).filter(|&i| i > noun_end).min())
        .flatten();
    let cut = s
        .cues
        .first(Cue::NotParty)
        .into_iter()
        .chain(next_engagement)
        .min()
        .unwrap_or(s.text.len());
    for m in &s.countries {
        if m.start >= cut || names_a_company(s, m) {
            continue;
        }
        codes.push(m.code);
    }
    for &p in &s.people {
        if let Some(c) = people[p].country
            && s.text
                .find(people[p].name.split_whitespace().last().unwrap_or(""))
                .is_none_or(|i| i < cut)
        {
            codes.push(c);
        }
    }
    let mut orgs: Vec<String> = Vec::new();
    if let Some(at) = pronoun_at(s) {
        // The official named earliest before the pronoun in this sentence, else the last one
        // named before the sentence.
        let here = s
            .people
            .iter()
            .copied()
            .filter(|&p| first_mention(s.text, &people[p].name).is_some_and(|i| i < at))
            .min_by_key(|&p| first_mention(s.text, &people[p].name));
        if let Some(p) = here.or(referent) {
            codes.extend(people[p].country);
            orgs.extend(people[p].organisation.clone());
        }
    }
    for &p in &s.people {
        if let Some(o) = &people[p].organisation {
            orgs.push(o.clone());
        }
    }
    codes.sort();
    codes.dedup();
    orgs.extend(
        org_re()
            .find_iter(s.text)
            .filter(|m| {
                // "the two ASEAN member states", "in the Mercosur customs union": context.
                m.start() < cut
                    && !s.lower[m.end()..].trim_start().starts_with("member")
                    && !s.lower[..m.start()].ends_with("in the ")
                    && !s.lower[..m.start()].ends_with("within the ")
            })
            .filter_map(|m| {
                ORGANISATIONS
                    .iter()
                    .find(|(n, _)| *n == m.as_str())
                    .map(|(_, short)| short.to_string())
            }),
    );
    orgs.sort();
    orgs.dedup();
    (codes, orgs)
}

/// "the government" or "the country" meaning the country the story is about — not "the
/// government of Azerbaijan", and not in a clause about companies.
pub(super) fn home_reference(s: &Sentence<'_>) -> bool {
    s.cues.starts(Cue::Home).any(|i| {
        let after = &s.lower[i..];
        let phrase_end = after
            .find(|c: char| !c.is_ascii_alphabetic() && c != ' ')
            .unwrap_or(after.len());
        !after[..phrase_end].contains(" of ")
    }) && !s
        .tokens
        .iter()
        .any(|t| COMPANY_NOUNS.contains(&t.lower().as_str()))
        && !s.lower.contains("state-owned")
        && !s.lower.contains("state-run")
}

/// Talks or a deal "with the company", "with Australian explorer X": the other side is a
/// business, so it is not an agreement between governments.
pub(super) fn with_company(s: &Sentence<'_>) -> bool {
    let Some(w) = s.lower.find(" with ") else {
        return false;
    };
    let object: Vec<&Token<'_>> = s
        .tokens
        .iter()
        .filter(|t| t.start > w + 5 && t.word)
        .take(4)
        .collect();
    let country_first = s
        .countries
        .iter()
        .any(|m| m.start > w && object.first().is_some_and(|t| m.start <= t.start));
    !country_first
        && object
            .iter()
            .take_while(|t| !matches!(t.text, "on" | "to" | "for" | "in"))
            .any(|t| COMPANY_NOUNS.contains(&t.lower().as_str()))
}

/// "Australian miner", "US automaker": the country names where a company is from.
pub(super) fn names_a_company(s: &Sentence<'_>, m: &Mention) -> bool {
    let from = s.tokens.partition_point(|t| t.start < m.end);
    // The company noun must belong to the country's own noun phrase: in "the Niger–Germany
    // accord on railway construction", "railway" is the topic, not a railway company.
    const PHRASE_ENDS: &[&str] = &[
        "on",
        "for",
        "in",
        "of",
        "to",
        "with",
        "and",
        "accord",
        "agreement",
        "deal",
        "mou",
        "memorandum",
        "partnership",
        "pact",
        "treaty",
        "framework",
        "declaration",
        "protocol",
        "roadmap",
    ];
    let next: Vec<&Token<'_>> = s.tokens[from..]
        .iter()
        .filter(|t| t.word)
        .take(3)
        .take_while(|t| !PHRASE_ENDS.contains(&t.lower().as_str()))
        .collect();
    next.iter()
        .any(|t| COMPANY_NOUNS.contains(&t.lower().as_str()))
        && !next
            .first()
            .is_some_and(|t| matches!(t.lower().as_str(), "government" | "ministry" | "minister"))
}

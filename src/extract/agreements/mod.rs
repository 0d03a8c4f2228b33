//! Agreements and engagements from prose, sentence by sentence.
//!
//! A sentence reports an engagement when (a) an agreement noun (MoU, agreement, deal, accord,
//! declaration, partnership, framework, letter of intent, treaty, pact) meets a verb that sets
//! its status, or (b) officials of two countries meet or hold talks (kind `other`, status
//! `discussed`). Parties are the countries named in the sentence, the countries of the people
//! in it, and — for "he"/"she" — the country of the official last mentioned before it.
//! Negated sentences, generic plurals ("signed multiple agreements") and countries that only
//! name a company's origin ("Australian miner") do not make agreements.

use std::sync::OnceLock;

use regex::Regex;

mod cues;

use cues::{Cue, Cues};

use super::lexicon::COMPANY_NOUNS;
use super::people::NameIndex;
use super::tokens::{Token, tokenize};
use super::{Engagement, Evidence, Person};
use crate::gazetteer::{CountryCode, Gazetteer, Mention};
use crate::terms::{AgreementKind, AgreementStatus, Date, MONTHS};

/// Why an engagement was recorded, for `briefing extract --explain`.
#[derive(Debug, Clone)]
pub struct Found {
    /// The engagement as this sentence reports it.
    pub engagement: Engagement,
    /// The rule that fired.
    pub rule: &'static str,
}

fn noun_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)(memorand(?:um|a|ums)(?: of understanding)?|mous?|agreements?|deals?|accords?|(?:joint )?declarations?|partnerships?|frameworks?|letters? of intent|treat(?:y|ies)|pacts?|protocols?|road ?maps?|joint statements?)(?-u:\b)")
            .expect("agreement noun regex")
    })
}

/// Organisations that can be parties, with the short name the contract uses.
const ORGANISATIONS: &[(&str, &str)] = &[
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

fn org_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let alts: Vec<String> = ORGANISATIONS
            .iter()
            .map(|(n, _)| regex::escape(n))
            .collect();
        Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", alts.join("|"))).expect("organisation regex")
    })
}

const OFFICIALS: &[&str] = &[
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

/// One sentence with what the rules need to know about it.
struct Sentence<'a> {
    text: &'a str,
    lower: String,
    cues: Cues,
    tokens: Vec<Token<'a>>,
    /// Country mentions, offsets relative to the sentence.
    countries: Vec<Mention>,
    people: Vec<usize>,
}

/// Finds the engagements of a document.
pub fn find(
    sentences: &super::Sentences<'_>,
    mentions: &[Vec<Mention>],
    people: &[Person],
    names: &NameIndex,
    home: Option<CountryCode>,
) -> Vec<(Found, crate::slug::AnchorId)> {
    let mut out = Vec::new();
    let mut salience = Salience::new(people.len());
    let mut clock = 0usize;
    for (i, (block, block_mentions)) in sentences.blocks().iter().zip(mentions).enumerate() {
        let named = names.find(&block.text);
        // Where the trigger words are, found once for the whole block.
        let triggered: Vec<usize> = triggers()
            .find_iter(&block.text)
            .map(|m| m.start())
            .collect();
        let has_trigger =
            |range: std::ops::Range<usize>| !within(&triggered, |i| *i, range).is_empty();
        // Everything below looks things up by position in sorted lists: a 20 MB paragraph
        // must not make any step quadratic.
        let mention_count = |range: std::ops::Range<usize>| {
            within(block_mentions, |m| m.start, range.clone())
                .iter()
                .filter(|m| m.end <= range.end)
                .count()
        };
        if triggered.is_empty() {
            // Nothing to extract here; only keep track of who the story is about.
            for &(_, p) in &named {
                clock += 1;
                salience.mention(p, clock);
            }
            continue;
        }
        for &(start, sentence) in sentences.of(i) {
            if !has_trigger(start..start + sentence.len()) {
                for &(_, p) in within(&named, |n| n.0, start..start + sentence.len()) {
                    clock += 1;
                    salience.mention(p, clock);
                }
                continue;
            }
            let referent = salience.referent();
            let mut pronoun = false;
            // Clauses joined by "while", "but", "whereas" or a semicolon report separate
            // things: "X signed a deal with Y in 2022, while Z has no deal with Y".
            for (offset, text) in clauses(sentence) {
                let start = start + offset;
                let end = start + text.len();
                // No country, person or organisation named: nothing can have two parties
                // (a pronoun adds at most one), so skip the full rules.
                let nobody = mention_count(start..end) == 0
                    && within(&named, |n| n.0, start..end).is_empty()
                    && !org_re().is_match(text);
                if nobody || !has_trigger(start..end) {
                    for &(_, p) in within(&named, |n| n.0, start..end) {
                        clock += 1;
                        salience.mention(p, clock);
                    }
                    continue;
                }
                let clause = sentence_at(text, start, &block.text, block_mentions, &named);
                {
                    pronoun |= pronoun_at(&clause).is_some();
                    for mut found in engagements(&clause, people, referent, home) {
                        for ev in &mut found.engagement.evidence {
                            ev.text = super::excerpt(sentence, super::MAX_QUOTE);
                        }
                        out.push((found, block.id.clone()));
                    }
                }
                clock += 1;
                for &p in &clause.people {
                    salience.mention(p, clock);
                }
            }
            if pronoun && let Some(r) = referent {
                salience.mention(r, clock);
            }
        }
    }
    out
}

/// The rule of a reported agreement whose other party the text does not make clear; it becomes
/// a warning, not an agreement.
pub const UNRESOLVED: &str = "an agreement with only one identifiable party";

/// The clauses of a sentence that report separate things, with their byte offsets.
fn clauses(sentence: &str) -> Vec<(usize, &str)> {
    static BREAKS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let breaks = BREAKS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                ", while ",
                ", whereas ",
                "; ",
                ", but ",
                ", as ",
                ", although ",
            ])
            .expect("clause breaks compile")
    });
    let cuts: Vec<usize> = breaks.find_iter(sentence).map(|m| m.start() + 1).collect();
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

/// A clause with its country and people mentions; offsets become relative to the clause.
fn sentence_at<'a>(
    text: &'a str,
    start: usize,
    _block: &str,
    mentions: &[Mention],
    named: &[(usize, usize)],
) -> Sentence<'a> {
    let end = start + text.len();
    let lower = text.to_ascii_lowercase();
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
        cues: Cues::of(&lower),
        // ASCII folding keeps byte offsets equal to the text's.
        lower,
        tokens: tokenize(text),
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
    }
}

/// Words without which a sentence cannot report an engagement: agreement nouns and meeting
/// words. One pass decides whether the full rules need to run.
fn triggers() -> &'static aho_corasick::AhoCorasick {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        let words = [
            "memorand",
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
            "met ",
            "meet",
            "talks",
            "hosted",
            "discuss",
            "received",
            "sat down",
            "roadmap",
            "road map",
            "protocol",
            "joint statement",
            "explor",
            "negotiat",
        ];
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words)
            .expect("trigger patterns compile")
    })
}

/// Who "he" or "she" most likely is: the official mentioned most often so far (counting
/// earlier pronouns resolved to them), the most recent on a tie — the story's protagonist
/// rather than whoever was quoted last.
struct Salience {
    seen: Vec<(usize, usize)>,
}

impl Salience {
    fn new(n: usize) -> Salience {
        Salience {
            seen: vec![(0, 0); n],
        }
    }

    fn mention(&mut self, person: usize, sentence: usize) {
        let e = &mut self.seen[person];
        e.0 += 1;
        e.1 = sentence;
    }

    fn referent(&self) -> Option<usize> {
        self.seen
            .iter()
            .enumerate()
            .filter(|(_, (n, _))| *n > 0)
            .max_by_key(|(_, k)| **k)
            .map(|(i, _)| i)
    }
}

/// Where a sentence refers to an official by pronoun ("he", "she", "the minister").
fn pronoun_at(s: &Sentence<'_>) -> Option<usize> {
    s.tokens
        .iter()
        .find(|t| matches!(t.text, "He" | "She" | "he" | "she"))
        .map(|t| t.start)
        .or_else(|| {
            (s.lower.starts_with("the minister") || s.lower.starts_with("the president"))
                .then_some(0)
        })
}

/// The engagements a sentence reports: usually none or one; several when one party signs
/// separate instruments "with A, B and C".
fn engagements(
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
            text: super::excerpt(s.text, super::MAX_QUOTE),
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
fn kind_of(nouns: &[regex::Match<'_>]) -> AgreementKind {
    nouns
        .iter()
        .map(|m| noun_kind(m.as_str()))
        .max()
        .unwrap_or(AgreementKind::Agreement)
}

/// The kind one noun matched by [`noun_re`] names ("MoUs", "joint declaration", "treaty").
fn noun_kind(noun: &str) -> AgreementKind {
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

fn has_meeting(s: &Sentence<'_>) -> bool {
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
fn separate_partners(
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
fn names_past_year(lower: &str, noun_start: usize) -> bool {
    let before = &lower[floor(lower, noun_start.saturating_sub(40))..noun_start];
    before.split_whitespace().rev().take(5).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        w.len() == 4 && (w.starts_with("19") || w.starts_with("20"))
    })
}

use crate::location::floor_char_boundary as floor;

fn is_idiom(lower: &str, start: usize) -> bool {
    let before = &lower[floor(lower, start.saturating_sub(12))..start];
    before.ends_with("great ") || before.ends_with("good ")
}

fn parties(
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

/// Where a person's name (or its last word) first appears in a sentence.
fn first_mention(text: &str, name: &str) -> Option<usize> {
    text.find(name).or_else(|| {
        name.split_whitespace()
            .filter(|w| w.len() > 2)
            .filter_map(|w| text.find(w))
            .min()
    })
}

/// "the government" or "the country" meaning the country the story is about — not "the
/// government of Azerbaijan", and not in a clause about companies.
fn home_reference(s: &Sentence<'_>) -> bool {
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
fn with_company(s: &Sentence<'_>) -> bool {
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

/// "signed multiple agreements", "a series of deals": a count, not an agreement.
fn is_generic(s: &Sentence<'_>, start: usize, noun: &str) -> bool {
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
fn noun_negated(s: &Sentence<'_>, noun_start: usize) -> bool {
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

/// The items of a list sorted by position whose position falls in `range`.
fn within<T>(items: &[T], at: impl Fn(&T) -> usize, range: std::ops::Range<usize>) -> &[T] {
    let a = items.partition_point(|x| at(x) < range.start);
    let b = items.partition_point(|x| at(x) < range.end);
    &items[a..b.max(a)]
}

/// "Australian miner", "US automaker": the country names where a company is from.
fn names_a_company(s: &Sentence<'_>, m: &Mention) -> bool {
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

/// The subject matter: the noun phrase after "cooperation in", "on", "for", "to discuss" …
fn topic(text: &str, after: usize, meeting: bool) -> Option<String> {
    const CUES: &[&str] = &[
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
    let mut hits: Vec<(usize, &str)> = CUES
        .iter()
        .filter_map(|c| lower[from..].find(c).map(|i| (from + i + c.len(), *c)))
        .collect();
    hits.sort();
    for (start, _) in hits {
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
            if (STOP.contains(&lw.as_str()) && !(lw == "and" && !words.is_empty() && w == bare))
                || words.len() >= 7
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
            || [
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
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
        if phrase.split_whitespace().count() >= 1 && phrase.len() > 2 {
            return Some(phrase);
        }
    }
    None
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
fn place(text: &str) -> Option<String> {
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

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(?:(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)|(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?)\s+(\d{4})(?-u:\b)")
            .expect("date regex")
    })
}

/// A full date in the sentence ("12 March 2025", "March 12, 2025").
fn date(text: &str) -> Option<Date> {
    let c = date_re().captures(text)?;
    let day: u8 = c.get(1).or(c.get(4))?.as_str().parse().ok()?;
    let month = c.get(2).or(c.get(3))?.as_str();
    let m = MONTHS.iter().position(|x| *x == month)? as u8 + 1;
    let y: u16 = c.get(5)?.as_str().parse().ok()?;
    Date::new(y, m, day)
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

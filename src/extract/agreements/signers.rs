//! Who signed in one clause, and who only watched: signers tied to the side they signed
//! for, witnesses, the people a signing was the occasion of, and a company as the signer.

use super::clause::Sentence;
use super::cues::Cue;
use super::sentence::{noun_re, words_before_lower};
use crate::gazetteer::CountryCode;

pub(super) fn signs(s: &Sentence<'_>) -> bool {
    s.cues.starts(Cue::Signed).any(|i| {
        let w = &s.lower[i..];
        w.trim_start().starts_with("sign") || w.starts_with("inked") || w.starts_with("put ")
    }) || represented_at_signing(s.lower)
}

/// "At the signing of the grant aid, Malaysia was represented by its Foreign Minister X,
/// while Japan by Y": who represents a side at a signing signs for it.
fn represented_at_signing(lower: &str) -> bool {
    lower
        .find("the signing of")
        .is_some_and(|at| lower[at..].contains(" represented by "))
}

/// The people who signed, with the party each signed for when the clause says so: "signed
/// for Kenya", "on behalf of the UAE by Mariam Al Suwaidi".
/// `as_means` is [`signing_as_means`] of the clause: such a clause names no signers.
/// "The memorandum that Abiy Ahmed's administration signed": a name in the possessive owns
/// what signs; it does not sign.
fn possessive_at(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let Some(k) = rest.find(['\'', '’']) else {
        return false;
    };
    let name = &rest[..k];
    rest[k..].trim_start_matches(['\'', '’']).starts_with("s ")
        && !name.contains([',', ';', '.', '('])
        && name.split(' ').count() <= 4
        && name.split(' ').all(|w| {
            w.starts_with(char::is_uppercase) || matches!(w, "bin" | "al" | "de" | "van" | "von")
        })
}

pub(super) fn signers(
    s: &Sentence<'_>,
    witnesses: &[usize],
    as_means: bool,
) -> Vec<(usize, Option<CountryCode>)> {
    if !signs(s) && !s.lower.contains("signator")
        || as_means
        || signing_only_describes(s)
        || signs_domestic_act(s)
    {
        return Vec::new();
    }
    let sides: Vec<(usize, usize, CountryCode)> = s
        .countries
        .iter()
        .filter(|m| {
            let before = s.lower[..m.start].trim_end();
            let before = before.strip_suffix(" the").unwrap_or(before);
            before.ends_with("behalf of") || before.ends_with(" for") && signs(s)
        })
        .map(|m| (m.start, m.end, m.code))
        .collect();
    let occasion = occasion_after_signing(s);
    let mut out: Vec<(usize, Option<CountryCode>)> = Vec::new();
    for &(at, p) in &s.named {
        if witnesses.contains(&p)
            || out.iter().any(|(q, _)| *q == p)
            || in_occasion(s, p, occasion)
            || reports_others(s, at)
            || possessive_at(s.text, at)
        {
            continue;
        }
        // "X signed for Kenya": the nearest side after the signer with no other signer
        // between; else, "on behalf of the UAE by X", the nearest before.
        let others: Vec<usize> = s.named.iter().filter(|n| n.1 != p).map(|n| n.0).collect();
        let clear = |m: usize| {
            let (a, b) = if m < at { (m, at) } else { (at, m) };
            !others.iter().any(|o| *o > a && *o < b)
        };
        // "on behalf of Cape Verde by Ambassador X and on behalf of Armenia by Y": the side
        // right before "by" and the signer's title is theirs.
        let by = sides.iter().find(|(_, end, _)| {
            *end <= at && {
                let gap = s.lower[*end..at].trim();
                gap.starts_with("by") && gap.split_whitespace().count() <= 4
            }
        });
        let side = by
            .or_else(|| {
                sides
                    .iter()
                    .filter(|(m, _, _)| *m > at && clear(*m))
                    .min_by_key(|(m, _, _)| *m)
            })
            .or_else(|| {
                sides
                    .iter()
                    .filter(|(m, _, _)| *m < at && clear(*m))
                    .max_by_key(|(m, _, _)| *m)
            })
            .map(|(_, _, c)| *c);
        out.push((p, side));
    }
    out
}

/// "The Prime Minister signed the government decree on denunciation of the agreement": what
/// is signed is a domestic act about the instrument, not the instrument.
fn signs_domestic_act(s: &Sentence<'_>) -> bool {
    s.cues.starts(Cue::Signed).any(|i| {
        s.lower[i..].starts_with("signed")
            && s.lower[i..]
                .split_whitespace()
                .skip(1)
                .take(4)
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .any(|w| matches!(w, "decree" | "law" | "bill" | "order" | "ordinance"))
    })
}

/// "Marcos said the Philippines and Japan signed key agreements": the person named at `at`
/// reports a signing whose subject is someone else ("Marcos said he signed" is his own), or
/// is its source ("according to Dhakal").
fn reports_others(s: &Sentence<'_>, at: usize) -> bool {
    // "According to Dhakal, Nepal and China have signed …".
    if s.lower[..at].trim_end().ends_with("according to") {
        return true;
    }
    let rest = &s.lower[at..];
    let Some(i) = [" said ", " says ", " announced ", " noted "]
        .iter()
        .filter_map(|v| rest.find(v).map(|i| i + v.len()))
        .min()
    else {
        return false;
    };
    // "Krishna Dhakal, spokesperson for the Ministry of Foreign Affairs, said that …": an
    // appositive may stand between the name and its verb.
    let close = !rest[..i].contains(['.', ';', '"', '“']) && i < 90;
    let mut next = rest[i..]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let subject = match next.next() {
        Some("that") => next.next(),
        w => w,
    };
    close
        && subject.is_some_and(|w| !matches!(w, "he" | "she" | "they" | "we" | "i" | ""))
        && s.cues.starts(Cue::Signed).all(|c| c > at + i)
        && s.cues.any(Cue::Signed)
}

/// "Erdogan said he and Vucic stressed that the newly signed agreements would …": every
/// signing verb is a participle describing an instrument, so the clause names no signer.
pub(super) fn signing_only_describes(s: &Sentence<'_>) -> bool {
    let mut starts = s.cues.starts(Cue::Signed).peekable();
    starts.peek().is_some()
        && starts.all(|i| {
            let before = words_before_lower(s.lower, i, 1);
            let after = &s.lower[i..];
            matches!(
                before.first().copied(),
                Some("newly" | "recently" | "already" | "previously" | "the")
            ) && (after.starts_with("signed ") || after.starts_with("inked "))
                && noun_re().is_match(&after[..crate::location::floor_char_boundary(after, 40)])
        })
}

/// Whether the clause tells its signing only as the means or the purpose of something else:
/// "upgraded their ties by signing a partnership", "met the President … to strengthen
/// relations and sign five memoranda". It says nothing of who signed.
pub(super) fn signing_as_means(s: &Sentence<'_>) -> bool {
    let means = |i: usize| {
        let w = &s.lower[i..];
        let before = s.lower[..i].trim_end();
        w.starts_with("by signing")
            || w.starts_with("after signing")
            || w.starts_with(" sign ") && (before.ends_with(" to") || before.ends_with(" and"))
    };
    s.cues.starts(Cue::Signed).any(means) && s.cues.starts(Cue::Signed).all(means)
}

/// Whether person `p` is named only as the occasion of the clause's signing: "signed … as
/// President Xi began a state visit" (after `occasion`, where [`occasion_after_signing`]
/// found it), "during Castro's visit".
fn in_occasion(s: &Sentence<'_>, p: usize, occasion: Option<usize>) -> bool {
    let mut mentions = s.named.iter().filter(|n| n.1 == p).map(|n| n.0).peekable();
    mentions.peek().is_some()
        && mentions.all(|at| occasion.is_some_and(|o| at > o) || whose_visit(s, at))
}

/// "During Castro's visit, Mexico and Cuba signed …", "activities marking President Buhari's
/// two-day visit": the visitor named by a possessive is the occasion, not a signer.
pub(super) fn whose_visit(s: &Sentence<'_>, at: usize) -> bool {
    let rest = &s.lower[at..];
    let Some(own) = rest.find("'s ").or_else(|| rest.find("’s ")) else {
        return false;
    };
    // The possessive closes the name: no other word boundary than spaces before it.
    !rest[..own].contains([',', '.', ';'])
        && own < 40
        && rest[own..]
            .split_whitespace()
            .skip(1)
            .take(4)
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
            .any(|w| matches!(w, "visit" | "trip" | "tour" | "arrival" | "stay"))
}

/// Where the occasion of a signing starts, when the clause names it after the signing verb:
/// "were signed after a summit between President A and President B", "signed … on the first
/// day of B's visit". The people named in it are why the signing happened, not its signers.
fn occasion_after_signing(s: &Sentence<'_>) -> Option<usize> {
    const OPENERS: &[&str] = &[
        " after ",
        " following ",
        " during ",
        " on the sidelines of ",
        " on the occasion of ",
        " on the first day of ",
        " on the second day of ",
        " on the last day of ",
        " at the end of ",
        " ahead of ",
        " as ",
    ];
    const EVENTS: &[&str] = &[
        "summit",
        "meeting",
        "talks",
        "visit",
        "trip",
        "tour",
        "conference",
        "forum",
        "session",
        "consultations",
        "discussions",
        "called",
    ];
    let signed = s.cues.starts(Cue::Signed).min()?;
    OPENERS
        .iter()
        .filter_map(|o| s.lower[signed..].find(o).map(|i| signed + i))
        .filter(|&at| {
            s.lower[at..]
                .split_whitespace()
                .take(10)
                .any(|w| EVENTS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
                && !s.cues.starts(Cue::Signed).any(|i| i > at)
        })
        .min()
}

/// Whether person `p` is named after "witnessed by", "in the presence of", "a visit by" … (a
/// guest), rather than before "watched" (a leader watching their ministers sign).
pub(super) fn attends(s: &Sentence<'_>, p: usize) -> bool {
    s.named
        .iter()
        .filter(|n| n.1 == p)
        .any(|&(at, _)| WITNESS_AFTER.iter().any(|w| s.lower[..at].contains(w)))
}

/// Words after which the people named only watched or visited.
const WITNESS_AFTER: &[&str] = &[
    "witnessed by",
    "in the presence of",
    "attended by",
    "presided over by",
    "in presence of",
    "in attendance",
    "visit by",
    "visit of",
    "overseen by",
    "watched by",
];

/// "Al Bidda Investment Holding signed an agreement to acquire a stake": the signing verb's
/// subject is a company (a capitalised name with a company word), not a government.
pub(super) fn company_signs(s: &Sentence<'_>) -> bool {
    let Some(verb) = s.cues.starts(Cue::Signed).min() else {
        return false;
    };
    let subject: Vec<&crate::extract::tokens::Token<'_>> = s
        .tokens
        .iter()
        .filter(|t| t.word && t.end <= verb)
        .collect();
    let company = subject.iter().rev().take(4).any(|t| {
        t.is_capitalised()
            && (crate::extract::lexicon::COMPANY_NOUNS.contains(t.lower())
                || matches!(
                    t.lower(),
                    "holding"
                        | "holdings"
                        | "capital"
                        | "investment"
                        | "investments"
                        | "energy"
                        | "mining"
                        | "resources"
                        | "petroleum"
                        | "oil"
                        | "gas"
                ))
    });
    // "At the meeting of the Upper House, senators ratified …": a legislature acts.
    let legislature = |w: &str| {
        matches!(
            w,
            "senators" | "senate" | "lawmakers" | "legislators" | "parliament" | "deputies" | "mps"
        )
    };
    let government = subject
        .iter()
        .any(|t| super::words::GOVERNMENT_NOUNS.contains(t.lower()) || legislature(t.lower()))
        || s.countries.iter().any(|m| m.end <= verb);
    company && !government
}

/// People who only watched: "witnessed by X", "in the presence of X", "X attended the
/// signing".
pub(super) fn witnesses(s: &Sentence<'_>) -> Vec<usize> {
    const AFTER: &[&str] = WITNESS_AFTER;
    const BEFORE: &[&str] = &[
        " witnessed",
        " watched",
        " attended",
        " looked on",
        " to witness",
        " oversaw",
        " presided over",
        " were present",
        " was present",
    ];
    let signing = |from: usize, to: usize| {
        let part = &s.lower[from.min(to)..to.max(from)];
        part.contains("signed") || part.contains("inked") || noun_re().is_match(part)
    };
    let mut out = Vec::new();
    for &(at, p) in &s.named {
        let after = AFTER.iter().any(|w| {
            s.lower[..at]
                .rfind(w)
                .is_some_and(|i| !signing(i + w.len(), at))
        });
        let before = BEFORE.iter().any(|w| {
            s.lower[at..].find(w).is_some_and(|i| {
                let verb = at + i;
                !s.lower[verb..].starts_with(&format!("{w} by")) && !signing(at, verb)
            })
        });
        if (after || before) && !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

//! Whether a clause reports a meeting or talks between governments, rather than a meeting
//! word on its own; and whether it names again a meeting already reported.

use super::clause::Sentence;
use super::cues::Cue;
use super::sentence::Report;
use super::words::OFFICIALS;
use crate::extract::Engagement;
use crate::gazetteer::CountryCode;
use crate::terms::{AgreementKind, AgreementStatus};

/// Whether the clause reports officials or states meeting, not only a meeting word.
pub(super) fn has_meeting(s: &Sentence<'_>) -> bool {
    let meets = s.cues.any(Cue::Meeting);
    meets
        && (!s.people.is_empty()
            || s.tokens.iter().any(|t| {
                let w = t.lower();
                OFFICIALS
                    .iter()
                    .any(|o| w == *o || w.strip_suffix('s') == Some(o))
            })
            || states_meet(s)
            || state_talks_with(s)
            || pair_talks(s)
            || talks_between(s)
            || talks_open_the_clause(s)
            || held_with_states(s)
            || sides_meet(s)
            || talks_involving(s))
}

/// "The consultations involving the United States, Malaysia, Thailand, and Cambodia took
/// place in Kuala Lumpur": the countries a meeting word is said to involve are its sides.
fn talks_involving(s: &Sentence<'_>) -> bool {
    s.cues.starts(Cue::Meeting).any(|i| {
        let rest = &s.lower[i..];
        let word_end = rest
            .trim_start()
            .find(' ')
            .map_or(rest.len(), |k| k + (rest.len() - rest.trim_start().len()));
        let after = rest[word_end..].trim_start();
        let Some(list) = after.strip_prefix("involving ") else {
            return false;
        };
        let from = s.lower.len() - list.len();
        s.countries
            .iter()
            .filter(|m| m.start >= from && m.start < from + 80)
            .count()
            >= 2
    })
}

/// "The two sides discussed the joint fight against terrorism", "both countries held talks":
/// the sides of the story meet, named by what they are.
fn sides_meet(s: &Sentence<'_>) -> bool {
    const SIDES: &[&str] = &[
        "the sides",
        "two sides",
        "both sides",
        "two countries",
        "both countries",
        "two nations",
        "both nations",
        "two governments",
        "both governments",
    ];
    // Talks held, not "will meet again" or "agreed to explore cooperation", which a signing
    // the sides concluded already covers.
    const HELD: &[&str] = &[
        "discussed",
        "held talks",
        "held discussions",
        "held consultations",
        "exchanged views",
    ];
    SIDES.iter().any(|w| {
        s.lower.match_indices(w).any(|(i, _)| {
            let after = i + w.len();
            let near = &s.lower[after..crate::location::floor_char_boundary(s.lower, after + 40)];
            HELD.iter().any(|h| near.contains(h))
        })
    })
}

/// "The joint committees were held with Jordan, Libya, South Sudan and Ukraine": meetings
/// held with the countries named right after, by a side the clause leaves to the story.
fn held_with_states(s: &Sentence<'_>) -> bool {
    s.countries.first().is_some_and(|first| {
        let before = s.lower[..first.start].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        before.ends_with(" held with") || before.ends_with(" holds with")
    })
}

/// Whether a clause names exactly two distinct countries.
fn names_two_countries(s: &Sentence<'_>) -> bool {
    let mut codes: Vec<CountryCode> = s.countries.iter().map(|m| m.code).collect();
    codes.sort();
    codes.dedup();
    codes.len() == 2
}

/// "The discussions focussed on strengthening relations between South Africa and Equatorial
/// Guinea": a clause about the talks themselves, between the two countries it names, or,
/// naming none, between the story's two sides. (A list of several is more often who took
/// part in a wider event than the sides of these talks.)
fn talks_open_the_clause(s: &Sentence<'_>) -> bool {
    (names_two_countries(s) || s.countries.is_empty()) && opens_with_the_talks(s)
}

/// Whether the clause opens with the talks themselves: "The talks mainly featured
/// connectivity" names no one, and is about the talks between the story's two sides.
pub(super) fn opens_with_the_talks(s: &Sentence<'_>) -> bool {
    let lower = s.lower.trim_start();
    [
        "the talks ",
        "the discussions ",
        "the meeting ",
        "the consultations ",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
}

/// "Canada launched exploratory discussions with the Philippines", "Ottawa is at the
/// negotiating table with …": a country opens the clause, talks follow, and "with" names the
/// other country right after them.
fn state_talks_with(s: &Sentence<'_>) -> bool {
    let Some(a) = s.countries.first() else {
        return false;
    };
    // Two countries only: a third ("after the same scheme was unveiled by the UK") may be
    // where the talks began, or a bystander.
    if !names_two_countries(s) {
        return false;
    }
    let opens = s.lower[..a.start]
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .is_empty();
    // "Canada is at the negotiating table with ASEAN, and launched exploratory discussions
    // with the Philippines": a second verb of the same subject, with no country between.
    let same_subject = |i: usize| {
        i <= a.end + 60
            || i <= a.end + 160
                && s.lower[a.end..i].contains(", and ")
                && !s.countries.iter().any(|m| m.start > a.end && m.start < i)
    };
    opens
        && s.cues
            .starts(Cue::Meeting)
            .filter(|&i| i >= a.end && same_subject(i))
            .any(|i| {
                s.countries.iter().filter(|b| b.start > i).any(|b| {
                    // "with the Philippines", not "with a consortium including France's
                    // Total".
                    let with = s.lower[i..b.start].trim_end();
                    let with = with.strip_suffix(" the").unwrap_or(with);
                    b.code != a.code
                        && with.len() <= 80
                        && with.ends_with(" with")
                        && !s.lower[b.end..].starts_with(['\'', '’'])
                })
            })
}

/// "The two said the bilateral talks involved culture": talks between two sides the story
/// has named, with no official or country in the clause.
fn pair_talks(s: &Sentence<'_>) -> bool {
    [
        "bilateral talks",
        "bilateral meeting",
        "bilateral consultations",
        "bilateral discussions",
    ]
    .iter()
    .any(|w| s.lower.contains(w))
}

/// "Oman mediated indirect talks on Friday between Iran and the United States": a meeting
/// word, then "between" two countries joined by "and", who are its sides.
fn talks_between(s: &Sentence<'_>) -> bool {
    s.cues.starts(Cue::Meeting).any(|i| {
        let near =
            &s.lower[i..crate::location::floor_char_boundary(s.lower, (i + 40).min(s.lower.len()))];
        let Some(k) = near.find(" between ") else {
            return false;
        };
        let from = i + k + " between ".len();
        let mut after = s.countries.iter().filter(|m| m.start >= from);
        match (after.next(), after.next()) {
            (Some(a), Some(b)) => {
                let gap = s.lower[from..a.start].trim();
                let and = s.lower[a.end..b.start].trim();
                (gap.is_empty() || gap == "the")
                    && a.code != b.code
                    && matches!(and, "and" | "and the")
            }
            _ => false,
        }
    })
}

/// "Russia and Uzbekistan discussed trade …", "Kenya and Rwanda held talks", "Kerry announced
/// that Israel and the Palestinians would begin negotiating": two countries open the clause
/// (or what is reported) as the ones who meet, with the meeting word right after them.
fn states_meet(s: &Sentence<'_>) -> bool {
    let [a, b, ..] = s.countries.as_slice() else {
        return false;
    };
    let before = s.lower[..a.start].trim();
    let before = before.strip_suffix(" the").unwrap_or(before);
    let opens = before.ends_with(" that")
        || before
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .is_empty();
    let and = s.lower[a.end..b.start].trim();
    opens
        && a.code != b.code
        && matches!(and, "and" | "and the")
        && s.cues
            .starts(Cue::Meeting)
            .any(|i| i >= b.end && i <= b.end + 40)
}

/// "The Ministerial Meeting brings together ministers from A, B and C": a clause about the
/// meeting already reported, by its definite name.
pub(super) fn same_meeting(r: &Report) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    r.kind == AgreementKind::Other
        && RE
            .get_or_init(|| {
                regex::Regex::new(r"(?i)^\W*the (?:[a-z-]+ ){0,2}meeting\b")
                    .expect("meeting reference regex")
            })
            .is_match(&r.text)
}

/// Adds a meeting clause to the meeting already reported that includes all its parties, if
/// there is one.
pub(super) fn merge_into_meeting(list: &mut [Engagement], e: &Engagement) -> bool {
    let Some(known) = list.iter_mut().rev().find(|x| {
        x.status == AgreementStatus::Discussed
            && e.parties.iter().all(|c| x.parties.contains(c))
            && e.organisations.iter().all(|o| x.organisations.contains(o))
    }) else {
        return false;
    };
    known.evidence.extend(e.evidence.iter().cloned());
    true
}

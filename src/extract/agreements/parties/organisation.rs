//! Organisations as sides: when a bloc named in a clause (the EU, ASEAN, the African Union)
//! takes part in the engagement, and when it only names the event, the venue or the topic.

use std::sync::OnceLock;

use regex::Regex;

use super::role::{engaged_before, government_before, words_before};
use crate::extract::agreements::clause::Sentence;
use crate::extract::agreements::words::{
    CONTEXT_PREPOSITIONS, ENGAGE_WORDS, GOVERNMENT_NOUNS, OFFICIALS, ORGANISATIONS,
};
use crate::gazetteer::CountryCode;

/// The organisations' names, longest alternatives first as `ORGANISATIONS` lists them.
pub(in crate::extract::agreements) fn org_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let alts: Vec<String> = ORGANISATIONS
            .iter()
            .map(|(n, _)| regex::escape(n))
            .collect();
        Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", alts.join("|"))).expect("organisation regex")
    })
}

/// Whether the words after "United Nations" make it one of its agencies: "Children's Fund",
/// "Development Programme", "Office …".
pub(super) fn un_agency(after: &str) -> bool {
    let rest = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    rest.strip_prefix(' ')
        .and_then(|r| r.split_whitespace().next())
        .is_some_and(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && !w.starts_with("Secretary")
        })
}

/// Whether an organisation named at `start..end` takes part: not "the two ASEAN member
/// states", "in the Mercosur customs union", "membership of the EU" or "relations with the EU".
/// In a clause that reports a meeting (`meeting`), only a bloc named where a side stands
/// meets: "to propel Mercosur forward" is a topic of the talks.
pub(super) fn organisation_is_party(
    s: &Sentence<'_>,
    start: usize,
    end: usize,
    meeting: bool,
) -> bool {
    // "within the framework of the UK-ASEAN Digital Innovation Partnership": a bloc glued to
    // the country before it stands where that country stands.
    let glued = glued_to_a_country(s, start);
    let lead = glued.unwrap_or(start);
    // "on the sidelines of the annual Pacific Islands Forum": the preposition before the
    // words that only say which meeting.
    let words: Vec<String> = words_before(s, lead, 5)
        .into_iter()
        .skip_while(|w| {
            matches!(
                w.as_str(),
                "annual" | "upcoming" | "recent" | "latest" | "ongoing" | "next" | "last" | "this"
            ) || w.ends_with("th") && w.starts_with(|c: char| c.is_ascii_digit())
        })
        .take(2)
        .collect();
    let before = words.first().map_or("", String::as_str);
    // "a memorandum concerning its accession to the SCO": the bloc it joins is the other side.
    let joins = before == "to"
        && words
            .get(1)
            .is_some_and(|w| matches!(w.as_str(), "accession" | "admission"));
    let behalf = s.lower[..lead]
        .trim_end()
        .trim_end_matches(" the")
        .ends_with("behalf of");
    // "ministers from the Association of Southeast Asian Nations", "the Council of the EU".
    let governed = matches!(before, "of" | "from" | "for") && government_before(s, lead);
    let context = (CONTEXT_PREPOSITIONS.contains(before) || before == "of") && !behalf && !governed;
    let loose_with = before == "with" && !engaged_before(s, lead);
    // "the two Southern African Development Community (SADC) members".
    let after = s.lower[end..].trim_start();
    let after = match after.strip_prefix('(').and_then(|a| a.split_once(')')) {
        Some((_, rest)) => rest.trim_start(),
        None => after.trim_start_matches(')').trim_start(),
    };
    let side =
        !meeting || joins || behalf || governed || glued.is_some() || side_word(s, lead, before);
    !after.starts_with("member")
        && !office_of_the_subject(s, start)
        && (glued.is_some() || !names_its_event(&s.text[s.text.len() - after.len()..]))
        && !at_the_sidelines(s, lead)
        && !owns_a_topic(after)
        && side
        && (joins || !context && !loose_with)
}

/// The start of a country written right before the organisation with a hyphen: "UK-ASEAN".
fn glued_to_a_country(s: &Sentence<'_>, start: usize) -> Option<usize> {
    s.countries
        .iter()
        .find(|m| m.end < start && matches!(s.text[m.end..start].trim(), "-" | "–"))
        .map(|m| m.start)
}

/// Whether the word before a bloc in a meeting clause puts it where a side stands: opening
/// the clause, joined by "and" to another side, after "between", "by" or a "with" that
/// engages.
fn side_word(s: &Sentence<'_>, lead: usize, before: &str) -> bool {
    let head = s.lower[..lead].trim_end();
    let head = ["the", "a", "an"]
        .iter()
        .find_map(|a| {
            head.strip_suffix(a)
                .filter(|h| h.is_empty() || h.ends_with(' '))
        })
        .unwrap_or(head);
    let opens = head
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim()
        .is_empty();
    opens
        || matches!(
            before,
            "and" | "between" | "by" | "both" | "met" | "meets" | "hosted"
        )
        || before == "with" && engaged_before(s, lead)
}

/// Whether the words after a bloc name its event or office rather than the bloc: "the ASEAN
/// Conference on 5G", "the forthcoming African Union Summit", "the United Nations
/// verification mission", "the Arab League Council meeting".
fn names_its_event(after: &str) -> bool {
    const EVENTS: &[&str] = &[
        "summit",
        "summits",
        "conference",
        "council",
        "meeting",
        "mission",
        "session",
        "presidency",
        "chairmanship",
        "anniversary",
        "agenda",
        "ministerial",
    ];
    let mut words = after.split_whitespace().take(2);
    let event = |w: &str| {
        let w = w
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        EVENTS.contains(&w.as_str())
    };
    match (words.next(), words.next()) {
        (Some(a), _) if event(a) => true,
        (Some(a), Some(b)) => a.starts_with(|c: char| c.is_lowercase()) && event(b),
        _ => false,
    }
}

/// Whether the bloc only names the meeting on whose sidelines the engagement took place, or
/// whose agenda it discussed: "on the sidelines of the extraordinary meeting of the Council
/// of Foreign Ministers of the Organization of Islamic Cooperation", "the main items on the
/// agenda of the session of the Council of the Arab League".
fn at_the_sidelines(s: &Sentence<'_>, lead: usize) -> bool {
    let before = &s.lower[..lead];
    [
        "sidelines of",
        "sideline of",
        "margins of",
        "margin of",
        "agenda of",
        "session of",
    ]
    .iter()
    .filter_map(|w| before.rfind(w).map(|i| i + w.len()))
    .max()
    .is_some_and(|i| lead - i <= 110 && !before[i..].contains([',', ';']))
}

/// Whether the bloc is only the owner of what is talked about: "Mercosur's external
/// negotiations", "Mercosur's decisions"; but "the EU's trade commissioner", "the EU's
/// agreement with Chile" and "the EU's talks with India" still act.
fn owns_a_topic(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("’s "))
    else {
        return false;
    };
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(4)
        .collect();
    !words.iter().any(|w| {
        *w == "with"
            || OFFICIALS.iter().any(|o| w.starts_with(o))
            || ENGAGE_WORDS.contains(w)
            || GOVERNMENT_NOUNS.contains(w)
    })
}

/// "President Kagame, who is also the chairperson of the African Union (AU), was hosted …":
/// the bloc of an office a relative clause gives someone, not a side of the engagement.
fn office_of_the_subject(s: &Sentence<'_>, start: usize) -> bool {
    let words: Vec<&str> = s.lower[..start].split_whitespace().rev().take(10).collect();
    let office = words.iter().position(|w| {
        matches!(
            *w,
            "chair" | "chairperson" | "chairman" | "chairwoman" | "president" | "head"
        )
    });
    office.is_some_and(|i| {
        words[i + 1..]
            .windows(2)
            .any(|w| matches!(w, ["is", "who"] | ["also", "who"] | ["was", "who"]))
    })
}

/// Whether a person named at byte `at` signs "on the EU side": for the organisation, which
/// is a party by itself, not for the country they come from ("Secretary of State for Trade of
/// Spain" for the Council's presidency). The last "on the … side" before them governs.
pub(super) fn signs_for_an_organisation(s: &Sentence<'_>, at: usize) -> bool {
    let before = &s.text[..at];
    let Some(side) = before.rfind(" side") else {
        return false;
    };
    let Some(on) = before[..side].rfind("on the ") else {
        return false;
    };
    let name = &before[on + "on the ".len()..side];
    ORGANISATIONS
        .iter()
        .any(|(n, short)| name == *n || name == *short)
}

/// Whether "and" and a bloc follow the country named after "between": "between Tunisia and
/// the European Union".
pub(super) fn bloc_follows(s: &Sentence<'_>, code: CountryCode) -> bool {
    s.countries.iter().filter(|m| m.code == code).any(|m| {
        let rest = s.text[m.end..].trim_start();
        let rest = rest.strip_prefix("and ").unwrap_or("");
        bloc_opening(rest).is_some()
    })
}

/// The bloc `text` opens with, past spaces and a "the", as its short form, and the length of
/// `text` up to the bloc's end.
fn bloc_opening(text: &str) -> Option<(&'static str, usize)> {
    let trimmed = text.trim_start();
    let named = trimmed
        .strip_prefix("the ")
        .or_else(|| trimmed.strip_prefix("The "))
        .unwrap_or(trimmed);
    let m = org_re().find(named).filter(|m| m.start() == 0)?;
    let (_, short) = ORGANISATIONS.iter().find(|(n, _)| *n == m.as_str())?;
    Some((short, text.len() - named.len() + m.end()))
}

/// The blocs "between" lists, short forms, and whether they are a comma list: "the balanced
/// dialogue between Mercosur and the European Union" (theirs, not that of the ministers who
/// call for it), "cooperation between the EAEU, the CSTO, the CIS" (a topic). Empty unless
/// "between" is followed by a bloc.
pub(super) fn blocs_between(s: &Sentence<'_>) -> (Vec<String>, bool) {
    let Some(at) = s.lower.find(" between ") else {
        return (Vec::new(), false);
    };
    let (mut blocs, mut listed) = (Vec::new(), false);
    let mut rest = &s.text[at + " between ".len()..];
    while let Some((bloc, len)) = bloc_opening(rest) {
        let end = s.text.len() - rest.len() + len;
        if !blocs.iter().any(|b| b == bloc) {
            blocs.push(bloc.to_string());
        }
        let after = s.text[end..].trim_start();
        let comma = after.starts_with(',');
        let item = after.get(1..).unwrap_or("").trim_start();
        listed |= comma && (item.starts_with(char::is_uppercase) || item.starts_with("the "));
        let after = after.strip_prefix(',').unwrap_or(after).trim_start();
        let next = after.strip_prefix("and ").unwrap_or(after);
        if next.len() == after.len() && !comma {
            break;
        }
        rest = next;
    }
    (blocs, listed)
}

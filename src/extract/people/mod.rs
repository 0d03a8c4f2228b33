//! People: named officials with their role and country, from the patterns news copy uses.
//!
//! - `[Country] Role Name`: "Niger’s Mines Minister Abarchi Ousmane", "Turkish Energy
//!   Minister Alparslan Bayraktar", "U.S. Ambassador Laura Whitfield";
//! - `[Country] role, Name`: "Liberia's deputy energy minister, Joseph Tarpeh";
//! - `Name, [the] [Country] Role`: "Wang Guanghua, China’s Minister of Natural Resources";
//! - `Role Name of Country`: "President Batbayar Ganbold of Mongolia";
//! - a counterpart: "her Turkish counterpart, Trade Minister Ömer Faruk Yıldız".
//!
//! Later mentions by any one word of the name ("Bayraktar", "Mr. Reyes") resolve to the
//! person when that word belongs to one person only.

mod appointment;
mod attribution;
mod index;
mod long_title;
mod name;
mod plural;
mod title;

pub use index::NameIndex;

use super::Person;
use super::lexicon::{HONORIFICS, ROLE_NOUNS};
use super::tokens::Token;
use crate::gazetteer::{CountryCode, Mention};
use plural::{plural_of_countries, plural_of_pair, plural_of_portfolio, plural_title};
use title::{Ctx, person_at};

/// A person found in a text, with where and by which rule.
#[derive(Debug, Clone)]
pub struct Found {
    /// The person.
    pub person: Person,
    /// Which pattern found them.
    pub rule: &'static str,
}

/// Organisations whose officials represent no country.
const ORG_WORDS: &[&str] = &[
    "EU", "AU", "ASEAN", "UN", "NATO", "OPEC", "ECOWAS", "SADC", "IMF",
];

/// The organisation an official's title or anchor names ("European Commissioner" → EU).
fn organisation_of(role: &str, anchor: Option<&str>) -> Option<String> {
    let text = format!("{} {}", anchor.unwrap_or(""), role);
    [
        ("European", "EU"),
        ("EU", "EU"),
        ("AU", "AU"),
        ("African Union", "AU"),
        ("ASEAN", "ASEAN"),
        ("UN", "UN"),
    ]
    .iter()
    .find(|(w, _)| {
        text.split_whitespace().any(|t| t == *w) || (w.contains(' ') && text.contains(w))
    })
    .map(|(_, o)| o.to_string())
}

/// Titles of government office (not of companies or think tanks), whose holders represent
/// a country.
pub fn is_government_role(role: &str) -> bool {
    let r = role.to_lowercase();
    [
        "minister",
        "president",
        "premier",
        "secretary",
        "ambassador",
        "envoy",
        "chancellor",
        "governor",
        "king",
        "queen",
        "emir",
        "amir",
        "prince",
        "crown prince",
        "sultan",
        "commissioner",
        "delegate",
    ]
    .iter()
    .any(|w| r.contains(w))
        && ![
            "chief executive",
            "ceo",
            "fellow",
            "chairman",
            "director",
            "company",
            "secretary-general",
        ]
        .iter()
        .any(|w| r.contains(w))
}

/// Whether a lowercase word is one of [`ROLE_NOUNS`], also as "president-elect" or
/// "minister-designate".
pub(crate) fn is_role_word(lower: &str) -> bool {
    if ROLE_NOUNS.contains(lower) {
        return true;
    }
    lower
        .strip_suffix("-elect")
        .or_else(|| lower.strip_suffix("-designate"))
        .is_some_and(|head| ROLE_NOUNS.contains(head))
}

/// Finds the people introduced in one block's text. `countries` are the block's mentions.
pub fn find(text: &str, tokens: &[Token<'_>], countries: &[Mention]) -> Vec<Found> {
    // Both lists are in text order: walk them together (a 20 MB paragraph has millions of
    // tokens and mentions).
    let mut next = 0;
    let country = tokens
        .iter()
        .map(|t| {
            while next < countries.len() && countries[next].end <= t.start {
                next += 1;
            }
            countries
                .get(next)
                .filter(|m| t.start >= m.start && t.end <= m.end)
                .map(|m| m.code)
        })
        .collect();
    let ctx = Ctx { tokens, country };
    let mut out: Vec<Found> = Vec::new();
    for r in 0..tokens.len() {
        let plural = matches!(
            tokens[r].lower(),
            "presidents"
                | "ministers"
                | "premiers"
                | "leaders"
                | "ambassadors"
                | "secretaries"
                | "counterparts"
        );
        // "Presidents A and B", "ministers, A and B", "Prime ministers A and B".
        let listed = tokens[r].is_capitalised()
            || tokens
                .get(r + 1)
                .is_some_and(|t| t.text == "," || t.is_capitalised());
        if plural && listed && ctx.lower(r + 1) != "of" {
            out.extend(plural_title(&ctx, text, r));
            continue;
        }
        if plural && ctx.lower(r + 1) == "of" {
            let mut found = plural_of_countries(&ctx, text, r);
            if found.is_empty() {
                found = plural_of_pair(&ctx, text, r);
            }
            if found.is_empty() {
                found = plural_of_portfolio(&ctx, text, r);
            }
            if !found.is_empty() {
                out.extend(found);
                continue;
            }
        }
        // "Sultan bin Saeed Al Mansouri": a given name before a patronymic, not a title.
        if !ctx.is_role_noun(r) || ctx.before_patronymic(r) {
            continue;
        }
        // The head noun of a longer title: "Prime Minister", "Minister-President".
        if r + 1 < tokens.len()
            && ctx.is_role_noun(r + 1)
            && tokens[r + 1].is_capitalised() == tokens[r].is_capitalised()
        {
            continue;
        }
        let found =
            person_at(&ctx, text, r).or_else(|| long_title::person_after_long_title(&ctx, text, r));
        if let Some(mut f) = found {
            // "his Beninese counterpart, X": the same office as the official just named.
            if matches!(ctx.lower(r), "counterpart" | "colleague") {
                f.person.role = out.last().and_then(|p| p.person.role.clone());
            }
            out.push(f);
        }
    }
    attribution::find(&ctx, text, &mut out);
    out
}

/// Titles a royal known by one name is called by: "King Abdullah", "Crown Prince Salman".
pub(crate) const ROYAL_TITLES: &[&str] = &[
    "King", "Queen", "Prince", "Princess", "Emir", "Amir", "Sultan",
];

fn make_found(
    name: String,
    role: String,
    country: Option<CountryCode>,
    org_word: Option<&str>,
    rule: &'static str,
) -> Found {
    let mut name = strip_honorific(&name);
    // "King Abdullah", "Prince Ali": a royal known by one name is called by title and name.
    let royal = role
        .split_whitespace()
        .next_back()
        .filter(|w| ROYAL_TITLES.contains(w));
    if let Some(title) = royal
        && !name.contains(' ')
    {
        name = format!("{title} {name}");
    }
    let organisation = if country.is_none() {
        organisation_of(&role, org_word)
    } else {
        None
    };
    Found {
        person: Person {
            name,
            role: Some(role),
            country,
            organisation,
        },
        rule,
    }
}

/// A person the text names without a title.
fn make_untitled(name: String, country: Option<CountryCode>, rule: &'static str) -> Found {
    Found {
        person: Person {
            name: strip_honorific(&name),
            role: None,
            country,
            organisation: None,
        },
        rule,
    }
}

fn strip_honorific(name: &str) -> String {
    // "[Russian Foreign Minister Sergey] Lavrov": the brackets were blanked.
    let joined;
    let mut n = name;
    if name.contains("  ") {
        joined = name.split_whitespace().collect::<Vec<_>>().join(" ");
        n = &joined;
    }
    for h in ["Tan Sri", "Puan Sri", "Toh Puan"]
        .iter()
        .chain(HONORIFICS.words())
    {
        if let Some(rest) = n.strip_prefix(h).and_then(|r| r.strip_prefix(' ')) {
            n = rest;
        }
    }
    n.to_string()
}

/// The text with an editor's square brackets blanked: "[Russian Foreign Minister Sergey]
/// Lavrov" reads as if they were not there. Same length, so mentions' offsets still hold.
pub fn unbracketed(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('[') {
        text.replace(['[', ']'], " ").into()
    } else {
        text.into()
    }
}

/// Whether a text has any title word, honorific or attribution at all (a cheap test before
/// the full rules).
pub fn may_name_people(text: &str) -> bool {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AC.get_or_init(|| {
        let cues = [
            "said",
            "says",
            "told",
            "according to",
            " by ",
            "Mr",
            "Ms",
            "Dr",
            "Madam",
            "Sheikh",
            "Shaikh",
            "His ",
            "Her ",
            "'s ",
            "’s ",
            "added",
            "noted",
            "wrote",
            "H.E.",
            "HH ",
            "HE ",
            "HM ",
            "stated",
        ];
        super::lexicon::automaton(ROLE_NOUNS.words().iter().copied().chain(cues), true)
    })
    .is_match(text)
}

#[cfg(test)]
mod tests;

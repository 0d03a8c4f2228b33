//! A region standing for its states as one side: "the EU and Central Asia leaders agreed to
//! establish a strategic partnership", "talks with West African states". The clause names the
//! region; the document names its states (often in an earlier sentence), and the document
//! pass takes those of them that the gazetteer places in the region.

use super::super::clause::Sentence;

/// Region names as copy writes them, with the gazetteer's sub-region they stand for.
#[rustfmt::skip]
const REGIONS: &[(&str, &str)] = &[
    ("Central Asian", "Central Asia"), ("Central Asia", "Central Asia"),
    ("Southeast Asian", "South-Eastern Asia"), ("South-East Asian", "South-Eastern Asia"),
    ("Southeast Asia", "South-Eastern Asia"), ("South-East Asia", "South-Eastern Asia"),
    ("West African", "Western Africa"), ("West Africa", "Western Africa"),
    ("East African", "Eastern Africa"), ("East Africa", "Eastern Africa"),
    ("North African", "Northern Africa"), ("North Africa", "Northern Africa"),
    ("Southern African", "Southern Africa"), ("Southern Africa", "Southern Africa"),
    ("South American", "South America"), ("South America", "South America"),
    ("Central American", "Central America"), ("Central America", "Central America"),
    ("Caribbean", "Caribbean"),
    ("Baltic", BALTIC), ("Nordic", NORDIC),
];

/// Groups that copy names by a word of their own, not by a sub-region of the gazetteer.
const BALTIC: &str = "Baltic";
const NORDIC: &str = "Nordic";

/// Whether the country `code` is in `region`: the gazetteer's sub-region, or a named group.
pub(crate) fn contains(region: &str, code: &str, subregion: &str) -> bool {
    match region {
        BALTIC => matches!(code, "EE" | "LV" | "LT"),
        NORDIC => matches!(code, "DK" | "FI" | "IS" | "NO" | "SE"),
        _ => subregion == region,
    }
}

/// Nouns after a region that make it a group of states: "Central Asia leaders".
const STATE_NOUNS: &[&str] = &[
    "leaders",
    "countries",
    "states",
    "nations",
    "governments",
    "heads",
    "partners",
    "counterparts",
    "presidents",
    "neighbours",
    "neighbors",
];

/// The sub-region a clause names as a side before byte `cut`, if any: followed by a noun
/// for its states, or joined by "and" to an organisation or another side ("the EU and
/// Central Asia", "Central Asia and the EU").
pub(super) fn side(s: &Sentence<'_>, cut: usize) -> Option<&'static str> {
    REGIONS.iter().find_map(|&(name, subregion)| {
        s.text
            .match_indices(name)
            .any(|(at, _)| {
                let boundary = s.text[at + name.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                // "chairs the EU-Central Asia Ministerial Meeting", in a clause that names
                // no country: the meeting of the bloc and the region's states.
                let hyphen = s.countries.is_empty()
                    && (s.text[..at].ends_with("EU-") || s.text[..at].ends_with("EU–"));
                boundary && at < cut && (hyphen || names_a_side(s.text, at, at + name.len()))
            })
            .then_some(subregion)
    })
}

fn names_a_side(text: &str, start: usize, end: usize) -> bool {
    let after = text[end..].trim_start();
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let before = text[..start].trim_end();
    // "between the neighboring South American nations", "the two Central Asian states": the
    // pair the clause names, not the region.
    let pair = ["neighboring", "neighbouring", "two", "both"]
        .iter()
        .any(|w| before.ends_with(w));
    !pair && STATE_NOUNS.contains(&next)
        || before.ends_with("EU and")
        || before.ends_with("Europe and")
        || after.starts_with("and the EU")
        || after.starts_with("and Europe")
}

//! Well-known national leaders and ministers, and the country each served: world knowledge,
//! like the gazetteer's, for the official a story names without saying whose ("President
//! John Magufuli and Indian Prime Minister Narendra Modi signed …") or without any title at
//! all ("when Gustavo Petro assumes the presidency").
//!
//! The table is `data/leaders.json`: heads of state and government since 2000 and foreign
//! ministers since 2010, with the spellings the English-language press uses. Only full names
//! (two words or more) are matched; a surname alone is left to the text.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;

use crate::gazetteer::{CountryCode, Gazetteer, fold, is_word_boundary};

/// A leader's full name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sighting {
    /// Byte range of the name in the text.
    pub start: usize,
    /// End of the name (exclusive).
    pub end: usize,
    /// The country the leader served.
    pub country: CountryCode,
}

/// The compiled table.
pub struct Leaders {
    matcher: AhoCorasick,
    /// The country of each pattern.
    countries: Vec<CountryCode>,
    /// Every folded spelling; `None` where one names people of two countries.
    by_name: HashMap<String, Option<CountryCode>>,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    country: String,
}

static DATA: &str = include_str!("../data/leaders.json");
static GLOBAL: OnceLock<Leaders> = OnceLock::new();

impl Leaders {
    /// The table compiled from the embedded data, built once per process.
    pub fn global() -> &'static Leaders {
        GLOBAL.get_or_init(|| Leaders::from_json(DATA))
    }

    fn from_json(json: &str) -> Leaders {
        // The data file is checked by tests; a malformed one is a build bug.
        let entries: Vec<Entry> = serde_json::from_str(json).expect("data/leaders.json is valid");
        let mut by_name: HashMap<String, Option<CountryCode>> = HashMap::new();
        for e in &entries {
            let Some(code) = Gazetteer::global().lookup(&e.country) else {
                continue;
            };
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                let key = fold(n).0;
                if key.split_whitespace().count() < 2 {
                    continue;
                }
                by_name
                    .entry(key)
                    .and_modify(|c| {
                        if *c != Some(code) {
                            *c = None;
                        }
                    })
                    .or_insert(Some(code));
            }
        }
        // A spelling shared by people of two countries is never matched.
        let mut patterns: Vec<(&String, CountryCode)> = by_name
            .iter()
            .filter_map(|(k, c)| Some((k, (*c)?)))
            .collect();
        patterns.sort();
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|(k, _)| k.as_str()))
            .expect("leader names compile");
        Leaders {
            matcher,
            countries: patterns.iter().map(|(_, c)| *c).collect(),
            by_name,
        }
    }

    /// The country of the person called `name`, where the table knows one full name that
    /// `name` is or ends with ("Datuk Seri Anwar Ibrahim" is "Anwar Ibrahim").
    pub fn country_of(&self, name: &str) -> Option<CountryCode> {
        let folded = fold(name).0;
        self.country_of_folded(&folded).or_else(|| {
            // "Tamim bin Hamad Al-Thani": the table may know the name without its dynasty.
            let (head, last) = folded.rsplit_once(' ')?;
            let dynasty = last.starts_with("al-") || last.starts_with("al’") || last == "jr";
            dynasty.then(|| self.country_of_folded(head)).flatten()
        })
    }

    fn country_of_folded(&self, folded: &str) -> Option<CountryCode> {
        let mut rest = folded;
        loop {
            if rest.split_whitespace().count() < 2 {
                return None;
            }
            if let Some(c) = self.by_name.get(rest) {
                return *c;
            }
            rest = rest.split_once(' ')?.1;
        }
    }

    /// The leaders' full names in `text`, written as proper nouns and not as part of a
    /// longer name ("Jomo Kenyatta International Airport").
    pub fn find(&self, text: &str) -> Vec<Sighting> {
        let (folded, offsets) = fold(text);
        let to_orig = |i: usize| offsets.as_ref().map_or(i, |o| o[i] as usize);
        self.matcher
            .find_iter(&folded)
            .filter(|m| is_word_boundary(&folded, m.start(), m.end()))
            .filter_map(|m| {
                let country = self.countries[m.pattern().as_usize()];
                let (start, end) = (to_orig(m.start()), to_orig(m.end()));
                let proper = text[start..].starts_with(char::is_uppercase);
                (proper && !names_a_place(&text[end..])).then_some(Sighting {
                    start,
                    end,
                    country,
                })
            })
            .collect()
    }
}

/// Whether the words after a name make it part of a place's or an institution's name.
fn names_a_place(after: &str) -> bool {
    const NOUNS: &[&str] = &[
        "Airport",
        "International",
        "Bay",
        "University",
        "Stadium",
        "Road",
        "Street",
        "Avenue",
        "Foundation",
        "Hospital",
        "Centre",
        "Center",
        "Square",
        "Bridge",
        "Hall",
        "Museum",
        "Park",
        "Boulevard",
        "Dam",
        "School",
        "Institute",
        "Library",
        "Mosque",
        "Port",
        "City",
        "Prize",
        "Award",
        "Doctrine",
        "Highway",
        "Memorial",
        "Conference",
        "Convention",
        "Complex",
        "Mausoleum",
        "Trust",
        "College",
        "Academy",
    ];
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    after
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphanumeric()).next())
        .is_some_and(|w| NOUNS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Leaders {
        Leaders::from_json(
            r#"[{"name": "John Magufuli", "aliases": ["John Pombe Magufuli"], "country": "TZ"},
                {"name": "Anwar Ibrahim", "country": "MY"},
                {"name": "Jomo Kenyatta", "country": "KE"},
                {"name": "Kim Jong Un", "country": "KP"},
                {"name": "Kim Jong Un", "country": "KR"}]"#,
        )
    }

    #[test]
    fn a_full_name_or_one_ending_in_it_has_a_country_and_a_surname_alone_none() {
        let t = table();
        assert_eq!(
            t.country_of("John Magufuli").map(|c| c.to_string()),
            Some("TZ".into())
        );
        assert_eq!(
            t.country_of("Datuk Seri Anwar Ibrahim")
                .map(|c| c.to_string()),
            Some("MY".into())
        );
        assert_eq!(t.country_of("Magufuli"), None);
        assert_eq!(
            t.country_of("Kim Jong Un"),
            None,
            "two countries: no answer"
        );
    }

    #[test]
    fn names_in_text_but_not_in_a_places_name() {
        let t = table();
        let text =
            "John Pombe Magufuli flew from Jomo Kenyatta International Airport; jomo kenyatta.";
        let found = t.find(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].start..found[0].end], "John Pombe Magufuli");
    }

    #[test]
    fn every_entry_of_the_embedded_table_names_a_known_country_and_a_full_name() {
        let entries: Vec<Entry> = serde_json::from_str(DATA).expect("valid JSON");
        for e in &entries {
            assert!(
                Gazetteer::global().lookup(&e.country).is_some(),
                "{}",
                e.country
            );
            assert!(e.name.split_whitespace().count() >= 2, "{}", e.name);
        }
    }

    #[test]
    fn the_embedded_table_loads_and_knows_a_leader() {
        let t = Leaders::global();
        assert!(t.by_name.len() > 500, "{}", t.by_name.len());
        assert_eq!(
            t.country_of("Narendra Modi").map(|c| c.to_string()),
            Some("IN".into())
        );
    }
}

//! Cities that open news datelines, with their countries: "AMMAN —", "Jeddah:", "ABUJA -".
//!
//! A dateline says where a story was filed, which is most often the home of the outlet or of
//! the government it reports on. The table is `data/cities.json`: capitals with their press
//! spellings and large cities that datelines name. A name shared by cities of two countries
//! ("San José", "Tripoli") or with a country ("Kuwait") is not in it; "Kingston" is Jamaica's,
//! as a dateline without a province or borough names it.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::gazetteer::{CountryCode, Gazetteer, fold};

static DATA: &str = include_str!("../data/cities.json");
static GLOBAL: OnceLock<HashMap<String, CountryCode>> = OnceLock::new();

fn table() -> &'static HashMap<String, CountryCode> {
    GLOBAL.get_or_init(|| {
        // The data file is checked by tests; a malformed one is a build bug.
        let raw: HashMap<String, String> =
            serde_json::from_str(DATA).expect("data/cities.json is valid");
        raw.into_iter()
            .filter_map(|(city, code)| {
                Some((
                    fold(&city).0.to_lowercase(),
                    Gazetteer::global().lookup(&code)?,
                ))
            })
            .collect()
    })
}

/// The country of a city named as a dateline names it, in any case ("AMMAN", "Abu Dhabi").
pub fn country_of(city: &str) -> Option<CountryCode> {
    table().get(&fold(city.trim()).0.to_lowercase()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_names_a_known_country() {
        let raw: HashMap<String, String> = serde_json::from_str(DATA).unwrap();
        for (city, code) in &raw {
            assert!(
                Gazetteer::global().lookup(code).is_some(),
                "{city}: unknown code {code}"
            );
        }
        // Spellings that fold to one key ("Bogotá", "Bogota") must name one country.
        for (city, code) in &raw {
            let folded = table()[&fold(city).0.to_lowercase()].to_string();
            assert_eq!(&folded, code, "{city} folds onto a city of another country");
        }
    }

    #[test]
    fn datelines_in_any_case() {
        assert_eq!(
            country_of("AMMAN").map(|c| c.to_string()),
            Some("JO".into())
        );
        assert_eq!(
            country_of("Abu Dhabi").map(|c| c.to_string()),
            Some("AE".into())
        );
        assert_eq!(country_of("Kuwait"), None);
        assert_eq!(country_of("Tripoli"), None);
    }
}

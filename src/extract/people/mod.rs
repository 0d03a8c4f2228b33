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
mod title;

pub use index::NameIndex;

use super::Person;
use super::lexicon::{HONORIFICS, ROLE_NOUNS};
use super::tokens::Token;
use crate::gazetteer::{CountryCode, Mention};
use title::{Ctx, person_at, plural_title};

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
fn is_role_word(lower: &str) -> bool {
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
            "presidents" | "ministers" | "premiers" | "leaders" | "ambassadors"
        );
        let listed = tokens[r].is_capitalised() || tokens.get(r + 1).is_some_and(|t| t.text == ",");
        if plural && listed {
            out.extend(plural_title(&ctx, text, r));
            continue;
        }
        if !ctx.is_role_noun(r) {
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

fn make_found(
    name: String,
    role: String,
    country: Option<CountryCode>,
    org_word: Option<&str>,
    rule: &'static str,
) -> Found {
    let name = strip_honorific(&name);
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
    for h in HONORIFICS.words() {
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
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;
    use crate::gazetteer::Gazetteer;

    fn people(text: &str) -> Vec<(String, String, Option<String>)> {
        let text = &unbracketed(text);
        let mentions = Gazetteer::global().find(text).mentions;
        let tokens = tokenize(text);
        find(text, &tokens, &mentions)
            .into_iter()
            .map(|f| {
                (
                    f.person.name,
                    f.person.role.unwrap_or_default(),
                    f.person.country.map(|c| c.to_string()),
                )
            })
            .collect()
    }

    /// (name, country) of each person found.
    fn names(text: &str) -> Vec<(String, Option<String>)> {
        people(text).into_iter().map(|(n, _, c)| (n, c)).collect()
    }

    fn none(text: &str) {
        let found = people(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }

    fn one(text: &str) -> (String, String, Option<String>) {
        let p = people(text);
        assert_eq!(p.len(), 1, "{text}: {p:?}");
        p[0].clone()
    }

    #[test]
    fn country_role_name() {
        assert_eq!(
            one("Bayraktar met with Niger’s Mines Minister Abarchi Ousmane in Istanbul."),
            (
                "Abarchi Ousmane".into(),
                "Mines Minister".into(),
                Some("NE".into())
            )
        );
        assert_eq!(
            one(
                "The Turkish Energy and Natural Resources Minister Alparslan Bayraktar announced it."
            ),
            (
                "Alparslan Bayraktar".into(),
                "Energy and Natural Resources Minister".into(),
                Some("TR".into())
            )
        );
        assert_eq!(
            one("Peruvian Energy Minister Rosa Quispe said so."),
            (
                "Rosa Quispe".into(),
                "Energy Minister".into(),
                Some("PE".into())
            )
        );
    }

    #[test]
    fn name_comma_role() {
        assert_eq!(
            one(
                "He signed an MoU with Wang Guanghua, China’s Minister of Natural Resources, setting the stage."
            ),
            (
                "Wang Guanghua".into(),
                "Minister of Natural Resources".into(),
                Some("CN".into())
            )
        );
        assert_eq!(
            one(
                "He met with Kizito Pakabomba Kapinga, the Democratic Republic of Congo’s Minister of Mines, to discuss."
            ),
            (
                "Kizito Pakabomba Kapinga".into(),
                "Minister of Mines".into(),
                Some("CD".into())
            )
        );
        assert_eq!(
            one(
                "a meeting with Sherali Kabir, Tajikistan’s Industry and New Technologies Minister, highlighted"
            ),
            (
                "Sherali Kabir".into(),
                "Industry and New Technologies Minister".into(),
                Some("TJ".into())
            )
        );
    }

    #[test]
    fn role_name_of_country_and_lowercase_roles() {
        assert_eq!(
            one("President Batbayar Ganbold of Mongolia attended."),
            (
                "Batbayar Ganbold".into(),
                "President".into(),
                Some("MN".into())
            )
        );
        assert_eq!(
            one(
                "a letter of intent with Liberia's deputy energy minister, Joseph Tarpeh, for exports"
            ),
            (
                "Joseph Tarpeh".into(),
                "Deputy Energy Minister".into(),
                Some("LR".into())
            )
        );
        assert_eq!(
            one("Japan's ambassador to Manila, Hiroshi Tanabe, on Wednesday"),
            (
                "Hiroshi Tanabe".into(),
                "Ambassador".into(),
                Some("JP".into())
            )
        );
        assert_eq!(
            one("according to Morocco's Minister of Energy Transition Nadia Benkirane."),
            (
                "Nadia Benkirane".into(),
                "Minister of Energy Transition".into(),
                Some("MA".into())
            )
        );
    }

    #[test]
    fn counterpart_gives_the_country() {
        assert_eq!(
            one(
                "she signed it with her Turkish counterpart, Trade Minister Ömer Faruk Yıldız, to simplify"
            ),
            (
                "Ömer Faruk Yıldız".into(),
                "Trade Minister".into(),
                Some("TR".into())
            )
        );
    }

    #[test]
    fn names_resolve_in_full_and_by_unique_words() {
        let person = |name: &str| Person {
            name: name.into(),
            role: None,
            country: None,
            organisation: None,
        };
        let ps = vec![
            person("Alparslan Bayraktar"),
            person("Rosa Quispe Huamaní"),
            person("Rosa Mendes"),
        ];
        let idx = NameIndex::new(&ps);
        let hits = idx.find("Bayraktar and Quispe met Rosa Mendes; Rosa left. Bayraktarian");
        assert_eq!(hits, vec![(0, 0), (14, 1), (25, 2)]);
    }

    #[test]
    fn colleagues_by_country_and_nationality() {
        let found = people(
            "Foreign Minister Rosa Ibarra joined her colleagues from Panama, Tomas Riquelme, \
             and Bolivian Marco Vargas Llosa, to sign the memorandum.",
        );
        let names: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|(n, _, c)| (n.as_str(), c.as_deref()))
            .collect();
        assert!(names.contains(&("Tomas Riquelme", Some("PA"))), "{names:?}");
        assert!(
            names.contains(&("Marco Vargas Llosa", Some("BO"))),
            "{names:?}"
        );
    }

    #[test]
    fn ministry_acronym_between_title_and_name() {
        let found = people(
            "Oman Minister of Labour and Social Development (MLSD) Eng. Salim Al-Harthy signed it.",
        );
        assert_eq!(found[0].0, "Salim Al-Harthy");
        assert_eq!(found[0].2.as_deref(), Some("OM"));
    }

    #[test]
    fn ranks_and_lists_of_counterparts() {
        let found = people("Chilean Defence Minister Army General Rosa Ibarra visited Lima.");
        assert_eq!(found[0].0, "Rosa Ibarra");
        let found = people(
            "The charter was signed by host Tomas Riquelme and his counterparts from Peru, \
             Ana Quispe, and Bolivia, Marco Vargas Llosa.",
        );
        let names: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|(n, _, c)| (n.as_str(), c.as_deref()))
            .collect();
        assert!(names.contains(&("Tomas Riquelme", None)), "{names:?}");
        assert!(names.contains(&("Ana Quispe", Some("PE"))), "{names:?}");
        assert!(
            names.contains(&("Marco Vargas Llosa", Some("BO"))),
            "{names:?}"
        );
    }

    #[test]
    fn a_title_after_the_name_set_off_by_commas() {
        // Own wording, in the shapes wire copy uses.
        assert_eq!(
            one("Marta Kovacs, a Hungarian government spokeswoman, said the talks would resume."),
            (
                "Marta Kovacs".into(),
                "Government Spokeswoman".into(),
                Some("HU".into())
            )
        );
        let (name, role, _) = one(
            "Ravi Menon, joint secretary (trade policy) in the commerce ministry, signed for the other side.",
        );
        assert_eq!(
            (name.as_str(), role.as_str()),
            ("Ravi Menon", "Joint Secretary")
        );
        let (name, role, country) =
            one("The premier met with Ana Lopes, PM of Portugal, on Monday.");
        assert_eq!(
            (name.as_str(), role.as_str(), country.as_deref()),
            ("Ana Lopes", "PM of Portugal", Some("PT"))
        );
        // Not a title: a relative clause that happens to name an office.
        none("Peter Olsen, who said the minister was wrong, left early.");
    }

    #[test]
    fn names_with_their_country_in_brackets_and_dotted_initials() {
        assert_eq!(
            names("Present were Kofi Mensah (Ghana), Aline Uwase (Rwanda) and others."),
            [
                ("Kofi Mensah".to_string(), Some("GH".to_string())),
                ("Aline Uwase".to_string(), Some("RW".to_string()))
            ]
        );
        assert_eq!(
            one("Mines Secretary Ramon T.J. Alvarez signed for Manila.").0,
            "Ramon T.J. Alvarez"
        );
        assert_eq!(
            one("The accord was signed by R.K. Sharma, chairman of the port authority.").0,
            "R.K. Sharma"
        );
        // A country's dotted abbreviation is not an initial.
        none("Talks with the U.S. Treasury Department resumed.");
    }

    #[test]
    fn long_titles_before_a_comma_monarchs_party_leaders_and_korean_surnames() {
        let (name, role, _) = one(
            "The launch was overseen by the Minister for Rural Water, Sanitation and Irrigation, Tomas Beleza.",
        );
        assert_eq!(name, "Tomas Beleza");
        assert_eq!(role, "Minister for Rural Water, Sanitation and Irrigation");
        assert_eq!(
            one("He said the UN Under-Secretary-General for Disarmament, Hana Lindqvist, agreed.")
                .0,
            "Hana Lindqvist"
        );
        // Someone else's title does not reach a name further down a list.
        let found = people("Minister Jo Ferreira met reporters, Paulo Mendes said.");
        assert!(
            !found
                .iter()
                .any(|(n, r, _)| n == "Paulo Mendes" && !r.is_empty()),
            "{found:?}"
        );
        assert_eq!(one("Emperor Akihito opened the session.").0, "Akihito");
        assert_eq!(
            one("Labour leader Dana Whitfield criticised the deal.").0,
            "Dana Whitfield"
        );
        assert_eq!(
            one("South Korean Foreign Minister Park Min-soo arrived.").0,
            "Park Min-soo"
        );
    }

    #[test]
    fn titles_that_run_through_an_organisation_or_a_portfolio_list() {
        // Own wording, in the shapes agency copy uses.
        let found = names(
            "Present were the Permanent Secretary in the Ministry of Fisheries Amina Salum and \
             the Chief of Staff of the Malawian Defence Force, Peter Banda, among others.",
        );
        assert_eq!(
            found,
            [
                ("Amina Salum".to_string(), None),
                ("Peter Banda".to_string(), Some("MW".to_string()))
            ]
        );
        assert_eq!(
            one(
                "She met the Minister of Youth, Culture, and Gender Affairs, Rose Tembo, on Friday."
            )
            .0,
            "Rose Tembo"
        );
        assert_eq!(
            one("The Commissioner for Oceans and Enlargement Olaf Lindqvist spoke first.").0,
            "Olaf Lindqvist"
        );
        assert_eq!(
            one("It was signed by the Chargé d'Affaires of Peru in Lima Rosa Quispe Mamani.").0,
            "Rosa Quispe Mamani"
        );
        // Someone else's title inside the run keeps its own name.
        let found = names("An adviser to President Ana Souza for Africa, Marco Reis, said so.");
        assert!(found.iter().any(|(n, _)| n == "Marco Reis"), "{found:?}");
        assert!(found.iter().any(|(n, _)| n == "Ana Souza"), "{found:?}");
    }

    #[test]
    fn names_in_brackets_quotes_lists_and_with_ages() {
        let found =
            names("\"We expect [Kenyan Foreign Minister Amos] Wekesa to attend,\" an aide said.");
        assert_eq!(found[0].0, "Amos Wekesa");
        let found = names(
            "Attending were Ministers Rosa Vidal (Energy), Tomas Ruiz (Foreign Trade and \
             Tourism) and Lucia Paz (Mines).",
        );
        let got: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(got, ["Rosa Vidal", "Tomas Ruiz", "Lucia Paz"]);
        assert_eq!(
            one("Talks between President Susilo “Sby” Yudhono and others began.").0,
            "Susilo “Sby” Yudhono"
        );
        assert_eq!(
            one("Kenji Morita, 71, who chairs the council, agreed.").0,
            "Kenji Morita"
        );
        assert_eq!(one("Trade grew, with Dr Mendes saying so.").0, "Mendes");
        assert_eq!(one("The Iranian FM Tehrani spoke.").0, "Tehrani");
    }

    #[test]
    fn names_in_news_of_appointments() {
        let (name, role, _) = one("Harumi Kosaka was appointed Finance Minister on Monday.");
        assert_eq!(
            (name.as_str(), role.as_str()),
            ("Harumi Kosaka", "Finance Minister")
        );
        let (name, role, country) =
            one("Later, Daniel Ouimet was named Canada's new trade minister.");
        assert_eq!(
            (name.as_str(), role.as_str(), country.as_deref()),
            ("Daniel Ouimet", "Trade Minister", Some("CA"))
        );
        assert_eq!(
            one("Leticia Arroyo, who once ran the central bank, was sworn in as economy minister.")
                .0,
            "Leticia Arroyo"
        );
        assert_eq!(
            one("Its main critic, Tomas Halvorsen, was elected speaker.").0,
            "Tomas Halvorsen"
        );
        let (name, role, _) =
            one("Rafael Montes became Minister of Mines, Energy and Water last year.");
        assert_eq!(
            (name.as_str(), role.as_str()),
            ("Rafael Montes", "Minister of Mines, Energy and Water")
        );
        assert_eq!(
            one("The finance portfolio was handed to Oyelaran Bankole.").0,
            "Oyelaran Bankole"
        );
        assert_eq!(
            one("She was confirmed on Friday, succeeding Marta Lindqvist.").0,
            "Marta Lindqvist"
        );
        assert_eq!(
            one("The scandal reached his predecessor, Joao Pimenta, in May.").0,
            "Joao Pimenta"
        );
        let found = names(
            "Mr Osei appointed Kwame Addo as chief negotiator and Efua Mensah, a former envoy, \
             as his chief of staff.",
        );
        let got: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert!(
            got.contains(&"Kwame Addo") && got.contains(&"Efua Mensah"),
            "{got:?}"
        );
        assert_eq!(
            one("Tomasz Wilk as the Minister of Water and Sanitation.").0,
            "Tomasz Wilk"
        );
        assert_eq!(
            one("Dorcas Amadi, formerly the Minister of Housing, left.").0,
            "Dorcas Amadi"
        );
        let found = names("Mr Osei named Yaw Boateng to replace Kofi Asare as governor.");
        let got: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert!(
            got.contains(&"Yaw Boateng") && got.contains(&"Kofi Asare"),
            "{got:?}"
        );
        assert_eq!(
            one("She served in Carlos de la Vega's government until 2001.").0,
            "Carlos de la Vega"
        );
        assert_eq!(
            one("The economy ministry could go to Ana “Nina” Ferraz.").0,
            "Ana “Nina” Ferraz"
        );
        // Neither a firm nor a place becomes a person for taking something over.
        none("Northwind Logistics became the largest shipper in the port.");
        none("Talks moved on after Grand Bassam was chosen as the venue.");
    }

    #[test]
    fn names_listed_after_a_noun_for_people() {
        let found = names(
            "Several veteran ministers stayed, including Ingrid Solberg, Piotr Nowak and Ana \
             Ruiz, while others left.",
        );
        let got: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(got, ["Ingrid Solberg", "Piotr Nowak", "Ana Ruiz"]);
        // A list after a noun for anything else is not people.
        none("The ports, including Port Harcourt and Lekki Deep, handled more cargo.");
        let found =
            names("The new vice-presidents (Chile's Ana Soto and Peru's Luis Vera) agreed.");
        let got: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(got, ["Ana Soto", "Luis Vera"]);
    }

    #[test]
    fn names_ending_in_a_rank_word_and_titles_before_an_organisation() {
        assert_eq!(
            one("They met Senate President Hun Sen. Talks followed.").0,
            "Hun Sen"
        );
        assert_eq!(
            one("The UN refugee chief Marisol Achebe spoke.").0,
            "Marisol Achebe"
        );
        assert_eq!(
            one("Minister of Emergency Situations Pavel Orlov stayed on.").0,
            "Pavel Orlov"
        );
        let found = names("\"We are ready,\" said Quartz Mines Executive Chairman Glen Hardy.");
        let got: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(got, ["Glen Hardy"]);
        let found = names("said Ana Lima, Chief Executive of Vale's Nickel Division.");
        assert!(found.iter().all(|(n, _)| n != "Nickel"), "{found:?}");
    }
}

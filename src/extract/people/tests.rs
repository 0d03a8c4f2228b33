//! Unit tests of the people rules, one shape of news copy each.
use super::*;
use crate::extract::tokens::tokenize;
use crate::gazetteer::Gazetteer;

/// The (name, country) pairs of what [`people`] found, for `contains` checks.
fn names_and_countries(found: &[(String, String, Option<String>)]) -> Vec<(&str, Option<&str>)> {
    found
        .iter()
        .map(|(n, _, c)| (n.as_str(), c.as_deref()))
        .collect()
}

/// The (name, role) pairs of what [`people`] found, for comparing with a list.
fn names_and_roles(found: &[(String, String, Option<String>)]) -> Vec<(&str, &str)> {
    found
        .iter()
        .map(|(n, r, _)| (n.as_str(), r.as_str()))
        .collect()
}

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
        one("The Turkish Energy and Natural Resources Minister Alparslan Bayraktar announced it."),
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
        one("a letter of intent with Liberia's deputy energy minister, Joseph Tarpeh, for exports"),
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
    let names = names_and_countries(&found);
    assert!(names.contains(&("Tomas Riquelme", Some("PA"))), "{names:?}");
    assert!(
        names.contains(&("Marco Vargas Llosa", Some("BO"))),
        "{names:?}"
    );
}

#[test]
fn news_of_posts_and_descriptions() {
    let has = |text: &str, name: &str, country: Option<&str>| {
        let found = people(text);
        assert!(
            found
                .iter()
                .any(|(n, _, c)| n == name && c.as_deref() == country),
            "{name} in {found:?}"
        );
    };
    has(
        "Gen. Omar Haddad replaced Gen. Karim Said who had held the post since 2018.",
        "Karim Said",
        None,
    );
    has(
        "The party is led by Brexit campaigner Tom Ashby.",
        "Tom Ashby",
        None,
    );
    has(
        "Senior German diplomat Anke Vogel received 7 votes.",
        "Anke Vogel",
        Some("DE"),
    );
    has(
        "Lancashire MP Jane Cole said the party must listen.",
        "Jane Cole",
        None,
    );
    has(
        "Former Roads CS Kiprono Kiplagat returns.",
        "Kiprono Kiplagat",
        None,
    );
    has(
        "Mary Lloyd continues as Chancellor of the Exchequer.",
        "Mary Lloyd",
        None,
    );
    has(
        "Rita Shah has taken charge as Home Secretary.",
        "Rita Shah",
        None,
    );
    has(
        "Ann Cole is taking over from Sam Prior as Foreign Secretary.",
        "Sam Prior",
        None,
    );
    has(
        "The minister was replaced by Budi Santoso on Monday.",
        "Budi Santoso",
        None,
    );
    has(
        "Ali Hassan Farah (Djibouti, Eastern Region) was elected chairperson.",
        "Ali Hassan Farah",
        Some("DJ"),
    );
    has(
        "The presidents of Mexico, Ana Ruiz Soto, and Guatemala, Luis Mejía, met today.",
        "Luis Mejía",
        Some("GT"),
    );
    has(
        "Both presidents of The Gambia and Senegal, Lamin Jallow and Ousmane Diop \
         respectively have signed the agreements.",
        "Ousmane Diop",
        Some("SN"),
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
    let names = names_and_countries(&found);
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
    let (name, role, country) = one("The premier met with Ana Lopes, PM of Portugal, on Monday.");
    assert_eq!(
        (name.as_str(), role.as_str(), country.as_deref()),
        ("Ana Lopes", "PM", Some("PT"))
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
        one("He said the UN Under-Secretary-General for Disarmament, Hana Lindqvist, agreed.").0,
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
        one("She met the Minister of Youth, Culture, and Gender Affairs, Rose Tembo, on Friday.").0,
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
    let found = names("Prime ministers Aiko Sato and Liam Brennan inked the accord in Perth.");
    let got: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(got, ["Aiko Sato", "Liam Brennan"]);
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
    let (name, role, country) = one("Later, Daniel Ouimet was named Canada's new trade minister.");
    assert_eq!(
        (name.as_str(), role.as_str(), country.as_deref()),
        ("Daniel Ouimet", "Trade Minister", Some("CA"))
    );
    assert_eq!(
        one("Leticia Arroyo, who once ran the central bank, was sworn in as economy minister.").0,
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
    let found = names("The new vice-presidents (Chile's Ana Soto and Peru's Luis Vera) agreed.");
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

#[test]
fn oaths_lists_of_appointees_and_predecessors() {
    let found = people(
        "The new president swore in Tomas Ruiz, a retired judge, as his prime minister and \
         swore in Ana Prieto to be interior minister.",
    );
    let got = names_and_roles(&found);
    assert_eq!(
        got,
        [
            ("Tomas Ruiz", "Prime Minister"),
            ("Ana Prieto", "Interior Minister")
        ]
    );
    // Every name of a list an appointing verb opens, with the plural post as each one's.
    let found = people("She inducted Hari Thapa, Maya Rai, and Bikash Gurung as ministers.");
    let got = names_and_roles(&found);
    assert_eq!(
        got,
        [
            ("Hari Thapa", "Minister"),
            ("Maya Rai", "Minister"),
            ("Bikash Gurung", "Minister")
        ]
    );
    assert_eq!(
        one("Unlike his predecessor Budi Santoso, he travels often.").0,
        "Budi Santoso"
    );
    // A judge's title is no part of the name.
    let found = names("Former Chief Justice Karki was appointed as PM.");
    assert!(
        found.iter().all(|(n, _)| !n.contains("Justice")),
        "{found:?}"
    );
    // A place or a firm after the same verbs is no person.
    none("The court swore in the jury before the Hague Conference opened.");
}

#[test]
fn a_portfolio_list_runs_to_the_name_after_its_last_comma() {
    let found = people(
        "the Minister for Education, Vocational Training and Sports, Pilar Ortega; and the \
         Minister for Culture, Ernest Vidal.",
    );
    let got = names_and_roles(&found);
    assert_eq!(
        got,
        [
            (
                "Pilar Ortega",
                "Minister for Education, Vocational Training and Sports"
            ),
            ("Ernest Vidal", "Minister for Culture"),
        ]
    );
}

#[test]
fn a_possessive_country_before_an_organisation_names_no_person() {
    none("The emir ratified a deal between QNA and Kazakhstan's Kazinform INA news agency.");
    assert_eq!(
        one("Chile's Marta Rojas spoke to reporters.").0,
        "Marta Rojas"
    );
}

#[test]
fn a_post_announced_with_will_be() {
    let found = people(
        "Nicola Hart will be Minister of Finance and Shane Moana will be Minister for Regional \
         Development.",
    );
    let got = names_and_roles(&found);
    assert_eq!(
        got,
        [
            ("Nicola Hart", "Minister of Finance"),
            ("Shane Moana", "Minister for Regional Development")
        ]
    );
    // A place that "will be" something is no person.
    none("Port Moresby will be the venue and Lae will be the host city.");
}

#[test]
fn two_word_ranks_before_a_name() {
    assert_eq!(
        one("PCG spokesperson Rear Admiral Arturo Balde confirmed the plan.").0,
        "Arturo Balde"
    );
    assert_eq!(
        one("Its Chief of the Defence Forces, Field Marshal Bekele Tola, signed it.").0,
        "Bekele Tola"
    );
}

#[test]
fn words_of_a_long_portfolio_are_no_names() {
    let found = people(
        "It was inked by Secretary Overseas Nepalis Ram Thapa and President of Presidency for \
         Turks Abroad and Related Communities Ayse Demir.",
    );
    let got: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(got, ["Ram Thapa", "Ayse Demir"]);
}

#[test]
fn malaysian_titles_bracketed_offices_and_chief_justices() {
    let found = people(
        "Malaysian foreign minister Dato’ Seri Utama Haji Rahman bin Haji Yusof met Home \
         Minister Tan Sri Omar Idris.",
    );
    assert_eq!(
        names_and_roles(&found),
        [
            ("Rahman bin Haji Yusof", "Foreign Minister"),
            ("Omar Idris", "Home Minister")
        ]
    );
    let found = people(
        "The senior ministers, namely Rosli Amin (Works Minister) and Lee Mei Ling \
         (Transport Minister), were sworn in before Chief Justice Tan Sri Tengku Aishah Mat.",
    );
    assert_eq!(
        names_and_roles(&found),
        [
            ("Tengku Aishah Mat", "Chief Justice"),
            ("Rosli Amin", "Works Minister"),
            ("Lee Mei Ling", "Transport Minister")
        ]
    );
}

#[test]
fn a_month_after_a_given_name_is_a_surname() {
    let found = people("The prime minister met his British counterpart Theresa May in London.");
    assert_eq!(names_and_countries(&found), [("Theresa May", Some("GB"))]);
    let found = people("Foreign Minister Ana Lima will travel on Monday May 5.");
    assert_eq!(names_and_roles(&found), [("Ana Lima", "Foreign Minister")]);
}

#[test]
fn a_portfolio_in_brackets_in_a_passage_about_ministers() {
    let found = names(
        "Ministers who leave the Cabinet are Daniel Okello (Lands), Grace Atim (Public Service) and Moses Kato (ICT).",
    );
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Daniel Okello", "Grace Atim", "Moses Kato"]);
    // No passage about ministers: an acronym in brackets names an organisation's short form.
    none("The Uganda Revenue Authority (URA) collected more this year.");
}

#[test]
fn a_word_that_opens_the_sentence_is_not_part_of_the_name() {
    let found = names("As Daniel Okello noted earlier, the treaty serves both peoples.");
    assert_eq!(
        found.first().map(|(n, _)| n.as_str()),
        Some("Daniel Okello")
    );
    let found =
        names("Replacing Okello, the president appointed Grace Atim as acting prime minister.");
    assert!(
        found.iter().all(|(n, _)| !n.starts_with("Replacing")),
        "{found:?}"
    );
}

#[test]
fn pm_and_plural_secretaries_are_titles() {
    let found = names("The grant was signed by Romania's PM Ion Vasile and Moldova's PM Ana Rusu.");
    assert_eq!(
        found,
        [
            ("Ion Vasile".to_string(), Some("RO".to_string())),
            ("Ana Rusu".to_string(), Some("MD".to_string()))
        ]
    );
    let found = names("Foreign Secretaries Karim Uddin of Bangladesh and Ravi Menon of India met.");
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Karim Uddin", "Ravi Menon"]);
}

#[test]
fn plural_titles_with_a_shared_portfolio_and_counterparts() {
    let found = names(
        "The memoranda were signed by the Ministers of Culture Ana Petrova and Elira Hoxha, who praised the exhibition.",
    );
    let found: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(found, ["Ana Petrova", "Elira Hoxha"]);
    let found = names(
        "Japanese Foreign Minister Aiko Sato met her counterparts Kim Min-jae and Li Wei on Sunday.",
    );
    let found: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(found, ["Aiko Sato", "Kim Min-jae", "Li Wei"]);
    let found = names("He paid a state visit at the invitation of Serdar Orazov last week.");
    assert_eq!(found, [("Serdar Orazov".to_string(), None)]);
}

/// The names of each person found, in order.
fn just_names(text: &str) -> Vec<String> {
    people(text).into_iter().map(|(n, _, _)| n).collect()
}

#[test]
fn a_body_after_the_country_and_a_mixed_case_acronym_stay_in_the_title() {
    assert_eq!(
        names("It was signed by Head of Iran Export Promotion Agency (EPA) Karim Tavakoli."),
        [("Karim Tavakoli".to_string(), Some("IR".to_string()))]
    );
    assert_eq!(
        names("Minister of Transport of Bosnia and Herzegovina (BiH) Dragan Kovac signed it."),
        [("Dragan Kovac".to_string(), Some("BA".to_string()))]
    );
}

#[test]
fn plural_title_then_a_comma_then_the_names() {
    assert_eq!(
        just_names(
            "They came with the Ministers of Finance, Ana Duarte and Paulo Reis, respectively."
        ),
        ["Ana Duarte", "Paulo Reis"]
    );
}

#[test]
fn royal_known_by_one_name_keeps_the_title() {
    assert_eq!(
        just_names("The talks were attended by HRH Prince Hamza and His Majesty King Faisal."),
        ["Prince Hamza", "King Faisal"]
    );
}

#[test]
fn honorable_a_consul_and_a_given_name_before_a_patronymic() {
    assert_eq!(
        just_names("Honourable Grace Banda, Minister of Health, opened the clinic."),
        ["Grace Banda"]
    );
    assert_eq!(
        names("The deal is close, Kenyan Consul General to Dubai Amina Odhiambo said."),
        [("Amina Odhiambo".to_string(), Some("KE".to_string()))]
    );
    assert_eq!(
        just_names("It was signed by Sultan bin Rashid Al Nuaimi, Minister of Energy."),
        ["Sultan bin Rashid Al Nuaimi"]
    );
}

#[test]
fn a_list_line_of_title_colon_name() {
    assert_eq!(
        people("Economy and Finance Minister: Carla Ruiz Montes"),
        [(
            "Carla Ruiz Montes".to_string(),
            "Economy and Finance Minister".to_string(),
            None
        )]
    );
}

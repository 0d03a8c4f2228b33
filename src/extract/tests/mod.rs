//! Document-level extraction: frame, people and engagements together.

use super::*;
use crate::ingest::{Format, parse};

fn extract(text: &str, format: Format) -> Extraction {
    let (doc, _) = parse("t.md".into(), text, format);
    document(&doc.unwrap())
}

/// The sides and statuses of a plain-text document's engagements.
fn sides_of(text: &str) -> Vec<(String, AgreementStatus)> {
    sides(&extract(text, Format::Text))
}

/// Asserts that a plain-text document reports no signing.
fn assert_nothing_signed(text: &str) {
    let found = sides_of(text);
    assert!(
        found.iter().all(|(_, s)| *s != AgreementStatus::Signed),
        "{found:?}"
    );
}

/// Asserts that a plain-text document names each of `people`.
fn assert_names_people(text: &str, people: &[&str]) {
    let e = extract(text, Format::Text);
    let names: Vec<&str> = e.people.iter().map(|p| p.name.as_str()).collect();
    for p in people {
        assert!(names.contains(p), "{p} not in {names:?}");
    }
}

/// The country the document gives the person named `name`.
fn country_of(e: &Extraction, name: &str) -> Option<String> {
    e.people
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.country)
        .map(|c| c.to_string())
}

/// One engagement as [`sides`] writes it.
/// Fails unless every wanted side and status is among those found.
fn assert_sides_include(found: &[(String, AgreementStatus)], wanted: &[(&str, AgreementStatus)]) {
    for &(parties, status) in wanted {
        assert!(
            found.contains(&side(parties, status)),
            "{parties} {status:?} not in {found:?}"
        );
    }
}

fn side(parties: &str, status: AgreementStatus) -> (String, AgreementStatus) {
    (parties.to_string(), status)
}

/// Each engagement as its sides joined by "-" ("AU-JP", "EU-NZ") and its status.
fn sides(e: &Extraction) -> Vec<(String, AgreementStatus)> {
    e.engagements
        .iter()
        .map(|a| {
            let mut sides: Vec<String> = a.parties.iter().map(|c| c.to_string()).collect();
            sides.extend(a.organisations.iter().cloned());
            (sides.join("-"), a.status)
        })
        .collect()
}

#[test]
fn front_matter_agreement_title_gives_parties_kind_topic_and_evidence() {
    let e = extract(
        "+++\nagreements = [\"Egypt–Iraq accord on customs modernisation\"]\n+++\nThe Egypt–Iraq accord on customs modernisation was signed in Baghdad.\n",
        Format::Markdown,
    );
    let a = &e.engagements[0];
    let parties: Vec<_> = a.parties.iter().map(|c| c.to_string()).collect();
    assert_eq!(parties, ["EG", "IQ"]);
    assert_eq!(a.kind, AgreementKind::Accord);
    assert_eq!(
        a.topic.as_ref().map(|t| t.text.as_str()),
        Some("customs modernisation")
    );
    assert_eq!(a.status, AgreementStatus::Signed);
    assert_eq!(a.evidence.len(), 1);
}

#[test]
fn extract_false_keeps_only_front_matter_countries() {
    let e = extract(
        "+++\nextract = false\ncountries = [\"KE\"]\n+++\nNiger and Chad.\n",
        Format::Markdown,
    );
    let codes: Vec<_> = e.countries.iter().map(|c| c.code.to_string()).collect();
    assert_eq!(codes, ["KE"]);
}

#[test]
fn countries_are_counted_with_snippets() {
    let e = extract(
        "Niger met Chad. Niger’s plan.\n\nChad agreed.\n",
        Format::Text,
    );
    let counts: Vec<_> = e
        .countries
        .iter()
        .map(|c| (c.code.to_string(), c.mentions))
        .collect();
    assert_eq!(counts, [("NE".to_string(), 2), ("TD".to_string(), 2)]);
    assert_eq!(e.snippets.len(), 4);
    let (doc, _) = parse(
        "t.txt".into(),
        "Niger met Chad. Niger’s plan.\n\nChad agreed.\n",
        Format::Text,
    );
    let blocks = doc.unwrap().blocks;
    let texts: Vec<String> = e.snippets.iter().map(|s| s.text(&blocks)).collect();
    assert_eq!(
        texts,
        [
            "Niger met Chad.",
            "Niger met Chad.",
            "Niger’s plan.",
            "Chad agreed."
        ]
    );
}

#[test]
fn a_country_word_in_a_persons_name_is_the_person() {
    let e = extract(
        "Portuguese Prime Minister Luis Montenegro and Spanish Prime Minister Pedro Sanchez signed a water agreement in Lisbon. Montenegro said it was historic.\n\nVietnamese Deputy Minister Lai Thai Binh met them, and the Royal Thai Navy sent a ship.\n",
        Format::Text,
    );
    let codes: Vec<_> = e.countries.iter().map(|c| c.code.to_string()).collect();
    assert_eq!(codes, ["ES", "PT", "TH", "VN"]);
    let names: Vec<_> = e.people.iter().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"Luis Montenegro"), "{names:?}");
    assert!(names.contains(&"Lai Thai Binh"), "{names:?}");
    assert_eq!(sides(&e)[0].0, "ES-PT");
}

#[test]
fn a_country_after_a_possessive_name_is_no_surname() {
    // "Joe Biden's Viet Nam visit" is no person named "Biden's Viet Nam": Viet Nam stays a
    // country, and the title naming it is read in full.
    let e = extract(
        "Ties upgraded\n\nThe decision was reached by General Secretary of the Communist Party of Viet Nam Nguyen Phu Trong and U.S. President Joe Biden at their summit meeting in Ha Noi.\n\nTrong spoke highly of President Joe Biden's Viet Nam visit.\n",
        Format::Text,
    );
    let names: Vec<_> = e.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Nguyen Phu Trong", "Joe Biden"]);
    assert_eq!(sides(&e), [side("US-VN", AgreementStatus::Discussed)]);
}

#[test]
fn a_colon_after_a_dateline_ends_it_and_a_participle_signs() {
    assert_eq!(
        sides_of(
            "Two neighbours sign pact\n\nHOBART, Australia: Australia and Japan agreed to share intelligence on Saturday, signing a security pact to counter threats.\n"
        ),
        [side("AU-JP", AgreementStatus::Signed)]
    );
}

#[test]
fn the_people_of_a_signings_occasion_did_not_sign() {
    let e = extract(
        "Chile and Peru sign three MoUs\n\nThe MoUs were signed after a summit between Chilean President Ana Rojas and Peruvian President Luis Vega, on the occasion of the state visit.\n",
        Format::Text,
    );
    assert_eq!(e.engagements.len(), 1, "{:?}", e.engagements);
    assert_eq!(e.engagements[0].status, AgreementStatus::Signed);
    assert!(
        e.engagements[0].signatories.is_empty(),
        "{:?}",
        e.engagements[0].signatories
    );
    let e = extract(
        "Chile and Peru sign three MoUs\n\nChilean President Ana Rojas and Peruvian President Luis Vega signed three MoUs during the summit.\n",
        Format::Text,
    );
    assert_eq!(e.engagements[0].signatories, ["Ana Rojas", "Luis Vega"]);
}

#[test]
fn the_heads_of_state_are_the_leaders_the_story_named_for_the_pair() {
    let e = extract(
        "Chile and Peru sign partnership declaration\n\nA package of Chilean-Peruvian documents was signed in Lima today after the talks between the leaders of the two countries, Ana Rojas and Luis Vega.\n\nIn particular, the heads of state signed a Declaration on Strategic Partnership.\n",
        Format::Text,
    );
    let names: Vec<_> = e.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ana Rojas", "Luis Vega"]);
    let signed: Vec<_> = e
        .engagements
        .iter()
        .filter(|a| a.status == AgreementStatus::Signed)
        .collect();
    assert_eq!(signed.len(), 1, "{:?}", e.engagements);
    assert_eq!(signed[0].signatories, ["Ana Rojas", "Luis Vega"]);
    // Any "the" may open the officials, not only the clause's first.
    let e = extract(
        "Chile and Peru sign partnership declaration\n\nA package of Chilean-Peruvian documents was signed in Lima today after the talks between the leaders of the two countries, Ana Rojas and Luis Vega.\n\nIn the capital, the heads of state signed a Declaration on Strategic Partnership.\n",
        Format::Text,
    );
    let signed: Vec<_> = e
        .engagements
        .iter()
        .filter(|a| a.status == AgreementStatus::Signed)
        .collect();
    assert_eq!(signed[0].signatories, ["Ana Rojas", "Luis Vega"]);
}

#[test]
fn the_bloc_of_an_office_someone_also_holds_is_no_party() {
    let e = extract(
        "Kagame in Doha\n\nRwandan President Paul Kagame held talks with the Emir of Qatar on Thursday.\n\nPresident Kagame, who is also the chairperson of the African Union (AU), was also hosted to an official luncheon.\n",
        Format::Text,
    );
    assert!(
        e.engagements.iter().all(|a| a.organisations.is_empty()),
        "{:?}",
        e.engagements
    );
}

#[test]
fn a_trilateral_treaty_adds_the_named_country_to_the_pair_and_a_forum_is_the_occasion() {
    let e = extract(
        "Kyrgyzstan and Tajikistan sign border treaty\n\nKyrgyz President Sadyr Japarov and Tajik President Emomali Rahmon have signed a border treaty.\n\n\"We agreed to sign a trilateral treaty with Uzbekistan on the junction of borders,\" Rahmon said.\n\nJaparov signed agreements with leaders of Fiji and Samoa on the sidelines of the annual Pacific Islands Forum.\n",
        Format::Text,
    );
    let found = sides(&e);
    assert!(
        found.contains(&("KG-TJ-UZ".to_string(), AgreementStatus::Planned)),
        "{found:?}"
    );
    assert!(found.iter().all(|(s, _)| !s.contains("PIF")), "{found:?}");
}

#[test]
fn a_deal_the_signing_comes_after_is_not_part_of_it() {
    let e = extract(
        "Australia and Fiji sign security pact\n\nThe agreement was signed in Canberra on Thursday by Australian Prime Minister Ana Rojas and Fiji's Luis Vega and comes after Fiji signed a defence deal with the United States in May.\n",
        Format::Text,
    );
    assert!(
        e.engagements.iter().all(|a| a.parties.len() == 2),
        "{:?}",
        e.engagements
    );
}

#[test]
fn a_pair_named_with_a_dash_are_both_parties_even_when_the_topic_sounds_like_a_company() {
    // "railway" is also a company noun ("railway operator"); here it is the topic.
    let e = extract(
        "The Niger–Germany accord on railway construction was signed in Berlin on Monday.\n",
        Format::Text,
    );
    let parties: Vec<Vec<String>> = e
        .engagements
        .iter()
        .map(|a| a.parties.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(parties, [["DE", "NE"]], "{:#?}", e.engagements);
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
    let company = extract(
        "Australian miner BHP signed a supply deal with Chile.\n",
        Format::Text,
    );
    assert!(
        company.engagements.iter().all(|a| a.parties.len() < 2),
        "a company from a country is not that country: {:#?}",
        company.engagements
    );
}

#[test]
fn including_lists_the_partners_and_a_subject_after_a_comma_is_not_a_list_item() {
    let e = extract(
        "Canada signs mining frameworks\n\nBesides Chile, Canada signed mining frameworks with four other countries on Monday, including Ghana, Peru, Mongolia and Namibia.\n",
        Format::Text,
    );
    let mut pairs: Vec<String> = e
        .engagements
        .iter()
        .map(|a| {
            let p: Vec<String> = a.parties.iter().map(|c| c.to_string()).collect();
            format!("{} {:?}", p.join("-"), a.status)
        })
        .collect();
    pairs.sort();
    assert_eq!(
        pairs,
        [
            "CA-GH Signed",
            "CA-MN Signed",
            "CA-NA Signed",
            "CA-PE Signed"
        ]
    );
}

#[test]
fn a_country_after_its_city_is_the_place_and_representing_gives_a_country() {
    let e = extract(
        "Air link agreed\n\nGhana signed an air services agreement with Qatar at a conference held in Geneva, Switzerland, on Monday. It was signed by Ama Mensah and Khalid Al-Thani representing Qatar.\n",
        Format::Text,
    );
    let parties: Vec<Vec<String>> = e
        .engagements
        .iter()
        .map(|a| a.parties.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(parties, [["GH", "QA"]]);
    let thani = e.people.iter().find(|p| p.name == "Khalid Al-Thani");
    assert_eq!(
        thani.and_then(|p| p.country).map(|c| c.to_string()),
        Some("QA".to_string())
    );
}

/// Asserts that no engagement of a plain-text document names a signer.
fn assert_no_signers(text: &str) {
    let e = extract(text, Format::Text);
    assert!(!e.engagements.is_empty(), "no engagement in {text}");
    assert!(
        e.engagements.iter().all(|a| a.signatories.is_empty()),
        "{:?}",
        e.engagements
    );
}

#[test]
fn list_items_of_appointments_are_no_headlines() {
    assert_names_people(
        "Cabinet changes announced\n\nThe Prime Minister named three new ministers today.\n\n• Lowland North MP Hon. Peter Kavana (Unity Party) as Fisheries Minister;\n\n• Coastal South MP Hon. Mary Temu (Green Party) as Health Minister;\n",
        &["Peter Kavana", "Mary Temu"],
    );
}

#[test]
fn a_family_name_written_first_is_the_person_already_named() {
    let e = extract(
        "Visit\n\nForeign Minister Park Min-woo of South Korea met Canada's Foreign Minister Anne Leclerc in Ottawa. Park said the talks were useful.\n",
        Format::Text,
    );
    let names: Vec<&str> = e.people.iter().map(|p| p.name.as_str()).collect();
    assert!(!names.contains(&"Park"), "{names:?}");
    assert!(names.contains(&"Park Min-woo"), "{names:?}");
}

#[test]
fn a_signing_in_a_clause_of_time_is_still_to_come() {
    assert_nothing_signed(
        "Pipeline\n\nThe meeting at which Kenya and Uganda were to sign the pipeline agreement was called off. The president said he had hoped for a great day as they sign the final agreement.\n",
    );
}

#[test]
fn a_joint_statement_is_of_the_countries_whose_statement_it_is() {
    assert_eq!(
        sides_of(
            "Beijing objects\n\n\"The joint statement of Japan and Australia distorts the lawful activities of the Chinese side,\" the Chinese spokesperson said on Monday.\n"
        ),
        [side("AU-JP", AgreementStatus::Signed)]
    );
}

#[test]
fn a_mediator_and_the_bloc_the_sides_belong_to_are_no_sides() {
    let e = extract(
        "Ethiopia, Kenya sign deal after border security talks\n\nDoha (QNA): Kenya and Ethiopia signed a deal on demarcating the borders between the two countries.\n\nThe defence ministers of Ethiopia and Kenya met in Doha, Qatar on Thursday to coordinate on security.\n\nQatari Defence Minister Prince Ahmed bin Hamad, who facilitated the negotiations, said he hoped the deal marks a new phase in ties between the two neighbours.\n\nThe ministers expressed satisfaction with the meeting and agreed to hold a follow-up discussion in Qatar.\n\nThe leaders discussed ties between the two Intergovernmental Authority on Development (IGAD) members.\n",
        Format::Text,
    );
    let parties: Vec<String> = sides(&e).into_iter().map(|(p, _)| p).collect();
    assert!(parties.iter().all(|p| p == "ET-KE"), "{parties:?}");
}

#[test]
fn a_convention_is_an_instrument_and_a_convention_centre_is_a_place() {
    assert_eq!(
        sides_of(
            "Sea status settled\n\nThe presidents of Russia, Iran and Kazakhstan signed a convention on the legal status of the sea on Sunday.\n"
        ),
        [side("IR-KZ-RU", AgreementStatus::Signed)]
    );
    assert_nothing_signed(
        "Forum\n\nGhana and Togo held talks at the Accra International Convention Centre, which was signed over to a new operator last year.\n",
    );
}

#[test]
fn a_tripartite_summit_with_two_leaders_is_one_engagement_of_three() {
    assert_eq!(
        sides_of(
            "Summit\n\nGhana's President Kofi Mensah held a tripartite summit with Togolese President Paul Adjo and Beninese President Luc Houngbo on Friday, during which they enacted several agreements on transport.\n"
        ),
        [side("BJ-GH-TG", AgreementStatus::Signed)]
    );
}

#[test]
fn the_occasion_of_a_signing_and_its_purpose_name_no_signers() {
    // A visitor named by a possessive, and a visit the signing happened "as".
    assert_no_signers(
        "Deals\n\nDuring Mensah's visit, Ghana and Togo signed four agreements on trade. President Kofi Mensah of Ghana thanked his hosts.\n",
    );
    assert_no_signers(
        "Deals\n\nGhana and Togo have agreed a port deal, one of ten deals signed on Monday as Ghanaian President Kofi Mensah began a state visit to Togo. The two nations also signed a memorandum on fisheries.\n",
    );
    // "met … to strengthen relations and sign": the purpose of a meeting.
    assert_no_signers(
        "Visit\n\nPrime Minister Kofi Mensah of Ghana met with the President of Togo, Paul Adjo, in Lome on Monday to strengthen relations between both countries and sign five memoranda of understanding.\n",
    );
}

#[test]
fn a_ministry_with_its_portfolio_of_a_country_is_that_countrys_government() {
    assert_eq!(
        sides_of(
            "Ministries sign\n\nThe Ministry of Foreign Affairs of the Republic of Azerbaijan and the Ministry of Energy of Mongolia have signed a memorandum of understanding on cooperation.\n"
        ),
        [side("AZ-MN", AgreementStatus::Signed)]
    );
}

#[test]
fn the_minutes_of_a_joint_committee_are_an_instrument() {
    assert_eq!(
        sides_of(
            "Council set up\n\nThe minutes of the establishment of the Omani-Qatari Coordination Council were signed on Wednesday by Omani Foreign Minister Salim Al-Harthy and Qatari Foreign Minister Khalid Al-Kuwari.\n"
        ),
        [side("OM-QA", AgreementStatus::Signed)]
    );
    assert_eq!(
        sides_of(
            "Reaction\n\nWithin minutes of the announcement, Oman and Qatar welcomed the news.\n"
        ),
        []
    );
}

#[test]
fn a_backtick_typed_for_an_apostrophe_still_makes_a_possessive() {
    let e = extract(
        "Qatar's Emir visits Baku\n\nQatar's Emir held talks in Baku, where Azerbaijan`s President Ilham Aliyev received him on Monday.\n",
        Format::Text,
    );
    let aliyev = e.people.iter().find(|p| p.name == "Ilham Aliyev");
    assert_eq!(
        aliyev.and_then(|p| p.country).map(|c| c.to_string()),
        Some("AZ".to_string())
    );
}

#[test]
fn two_instruments_named_together_with_several_partners_are_one_per_partner() {
    let found = sides_of(
        "Ghana opens its skies\n\nGhana signed an air services agreement with Togo last week.\n\nMeanwhile, the Federal Ministry of Transport has signed a Memorandum of Understanding (MoU) and an initial Air Services Agreement (ASA) with Chad, Peru and Laos.\n",
    );
    for pair in ["GH-TD", "GH-PE", "GH-LA"] {
        assert!(
            found.contains(&side(pair, AgreementStatus::Signed)),
            "{pair} in {found:?}"
        );
    }
    assert!(!found.iter().any(|(s, _)| s == "LA-PE-TD"), "{found:?}");
}

#[test]
fn a_charter_and_legal_instruments_are_instruments_but_a_charter_flight_is_not() {
    assert_eq!(
        sides_of(
            "Alliance formed\n\nThe leaders of Chad, Mali and Niger on Saturday signed a charter establishing a defence alliance.\n"
        ),
        [side("ML-NE-TD", AgreementStatus::Signed)]
    );
    assert_eq!(
        sides_of(
            "Visit ahead\n\nPeru and Chile are preparing to sign three legal instruments in February in Lima.\n"
        ),
        [side("CL-PE", AgreementStatus::Planned)]
    );
    assert_nothing_signed(
        "Evacuation\n\nPeru and Chile signed off on a charter flight that took citizens home from Lima.\n",
    );
}

#[test]
fn a_list_of_officials_as_title_colon_name_is_no_headline() {
    assert_names_people(
        "Cabinet sworn in\n\nPresident Ana Rojas swore in her ministers in Lima on Monday.\n\nPrime Minister: Carla Ruiz Montes\n\nDefense Minister: Jorge Vidal Soto\n",
        &["Carla Ruiz Montes", "Jorge Vidal Soto"],
    );
}

#[test]
fn a_statement_naming_no_one_belongs_to_the_one_meeting_of_several_states() {
    let found = sides_of(
        "Ministers meet\n\nThe foreign ministers of Kazakhstan, Kyrgyzstan, Tajikistan and the United States met in Astana on Monday.\n\nThe discussion on security resulted in a joint statement.\n",
    );
    assert!(
        found.contains(&side("KG-KZ-TJ-US", AgreementStatus::Signed)),
        "{found:?}"
    );
    // Talks that result in progress conclude nothing.
    assert_nothing_signed(
        "Talks\n\nThe trade ministers of Chile and Peru met in Lima. Talks on the agreement resulted in progress.\n",
    );
}

#[test]
fn the_country_joined_in_doing_the_same_is_no_party() {
    assert_eq!(
        sides_of(
            "Normalisation\n\nOman joined Morocco in striking an agreement to normalise relations with Israel on Friday.\n"
        ),
        [side("IL-OM", AgreementStatus::Signed)]
    );
}

#[test]
fn a_summit_between_two_leaders_is_a_meeting_but_a_business_summit_is_not() {
    assert_eq!(
        sides_of(
            "Leaders meet\n\nThe summit in Cairo on Tuesday between Egyptian President Abdel Fattah Al-Sisi and Saudi Crown Prince Mohammed bin Salman focused on trade.\n"
        ),
        [side("EG-SA", AgreementStatus::Discussed)]
    );
    assert_eq!(
        sides_of(
            "Forum\n\nSome 40 government officials from South Korea and Indonesia gathered at a business summit in Bali.\n"
        ),
        []
    );
}

#[test]
fn a_signature_scheduled_for_this_agreement_is_planned() {
    let found = sides_of(
        "Towards a free trade zone between Chad and Niger\n\nThe Chadian authorities and their counterparts from Niger met in N'Djamena to set up a free trade zone. A signature sealing this agreement is scheduled for the end of November.\n",
    );
    assert!(
        found.contains(&side("NE-TD", AgreementStatus::Planned)),
        "{found:?}"
    );
}

#[test]
fn leaders_who_agreed_and_discussions_about_two_countries_are_talks() {
    assert_eq!(
        sides_of(
            "Visit\n\nVisiting Chinese Premier Li Qiang and Kenyan President William Ruto agreed in Nairobi on Saturday to advance bilateral ties.\n"
        ),
        [side("CN-KE", AgreementStatus::Discussed)]
    );
    assert_eq!(
        sides_of(
            "Minister visits\n\nThe discussions focussed on strengthening bilateral relations between Ghana and Togo.\n"
        ),
        [side("GH-TG", AgreementStatus::Discussed)]
    );
}

#[test]
fn a_country_named_only_as_the_source_of_the_report_is_no_party() {
    // "The ministers" are several and Thailand only reports what they agreed: no
    // Thailand–Vietnam pair from the attribution and the frame.
    let found = sides_of(
        "Vietnam, Thailand and Cambodia agree to restart cooperation\n\nHANOI (Reuters) - The foreign ministers of Vietnam, Thailand and Cambodia agreed on Sunday to restart cooperation.\n\nThe ministers agreed in their talks to advance cooperation in four areas, Thailand's foreign ministry said in a statement.\n",
    );
    assert!(!found.iter().any(|(p, _)| p == "TH-VN"), "{found:?}");
}

#[test]
fn a_signing_that_follows_a_meeting_or_is_announced_is_signed() {
    let found = sides_of(
        "Ministers meet\n\nGhana's Foreign Minister Ama Owusu met Togo's Foreign Minister Kodjo Adjo in Accra on Monday. The meeting was followed by the signing of an agreement between the two sides on border posts.\n",
    );
    assert!(
        found.contains(&side("GH-TG", AgreementStatus::Signed)),
        "{found:?}"
    );
    let found = sides_of(
        "Visit to Lima\n\nThe Chilean President also announced the signing of a memorandum on water between Chile's Ministry of Public Works and Peru's Ministry of Agriculture.\n",
    );
    assert!(
        found.contains(&side("CL-PE", AgreementStatus::Signed)),
        "{found:?}"
    );
}

#[test]
fn an_exchange_of_diplomatic_notes_concludes_an_instrument() {
    let found = sides_of(
        "Ministers meet\n\nThe foreign ministers of Nepal and Bhutan exchanged diplomatic notes on visa exemption in Thimphu.\n",
    );
    assert!(
        found.contains(&side("BT-NP", AgreementStatus::Signed)),
        "{found:?}"
    );
}

#[test]
fn a_signing_the_meeting_is_expected_to_end_with_and_instruments_being_finalised_are_planned() {
    let found = sides_of(
        "Trilateral meeting\n\nThe foreign ministers of Georgia, Armenia and Moldova will meet in Tbilisi next week. The meeting is expected to conclude with the signing of the Tbilisi Declaration.\n",
    );
    assert!(
        !found.iter().any(|(_, s)| *s == AgreementStatus::Signed),
        "{found:?}"
    );
    assert!(
        found.contains(&side("AM-GE-MD", AgreementStatus::Planned)),
        "{found:?}"
    );
    let found = sides_of(
        "Ties\n\nGhana and Benin are finalising agreements on customs and fisheries, the minister said.\n",
    );
    assert_eq!(found, [side("BJ-GH", AgreementStatus::Planned)]);
}

#[test]
fn blocs_alone_make_no_agreement_between_states() {
    let found = sides_of(
        "Defence council\n\nThe defence ministers of Latvia and Estonia signed a joint communique in Riga on Monday.\n\nIt is the first meeting of the council since President A and then President B signed a joint declaration in Tallinn in 2019.\n\nThe two presidents at that time agreed to combine efforts both, bilaterally and in the format of North Atlantic Treaty Organization (NATO) and European Union.\n",
    );
    assert_eq!(found, [side("EE-LV", AgreementStatus::Signed)]);
}

#[test]
fn the_summit_of_a_named_forum_is_no_meeting_between_its_guests_but_a_joint_press_conference_is() {
    assert_eq!(
        sides_of(
            "Forum\n\nPresidents Ruto and Museveni of Kenya and Uganda are in Tokyo for the Summit of the Tokyo International Conference on African Development.\n"
        ),
        []
    );
    let found = sides_of(
        "Visit\n\nChile's Foreign Minister Ana Rojas spoke during a joint news conference with her Bolivian counterpart, Luis Arce, in La Paz.\n",
    );
    assert_eq!(found, [side("BO-CL", AgreementStatus::Discussed)]);
}

#[test]
fn a_draft_of_an_instrument_already_planned_is_that_instrument() {
    let found = sides_of(
        "Brigade\n\nEstonia, Latvia and Finland will sign an agreement on a joint coast guard unit on Friday.\n\nThe Estonian Cabinet had approved a draft agreement on the creation of an Estonian-Latvian-Finnish coast guard unit in May.\n",
    );
    assert_eq!(found, [side("EE-FI-LV", AgreementStatus::Planned)]);
}

#[test]
fn typing_slips_engineer_and_delegates_and_representatives_at_a_signing() {
    // "singed" for "signed", and "Engineer" as an honorific.
    let e = extract(
        "Air services\n\nKuwait's Minister of Public Works Engineer Fahad Al-Sabah singed an air services agreement with Spain in Madrid.\n",
        Format::Text,
    );
    assert_eq!(sides(&e), [side("ES-KW", AgreementStatus::Signed)]);
    assert_eq!(e.engagements[0].signatories, ["Fahad Al-Sabah"]);
    assert_names_people(
        "Minerals\n\nThe memorandum was signed by Ghana's Minister of Lands, Kofi Boateng, and France's Inter-Ministerial Delegate for Critical Metals, Pierre Martin.\n",
        &["Kofi Boateng", "Pierre Martin"],
    );
    let e = extract(
        "Grant signed\n\nJapan and Vietnam signed an exchange of notes on a grant for coastal radar.\n\nAt the signing of the grant, Vietnam was represented by Foreign Minister Bui Thanh Son.\n",
        Format::Text,
    );
    let signed: Vec<&Engagement> = e
        .engagements
        .iter()
        .filter(|a| a.status == AgreementStatus::Signed)
        .collect();
    assert_eq!(signed.len(), 1, "{:?}", sides(&e));
    assert_eq!(signed[0].signatories, ["Bui Thanh Son"]);
}

#[test]
fn a_wire_service_and_a_ministry_building_are_no_people() {
    let e = extract(
        "Ties\n\nWisma Putra said the talks went well, Business Standard reported. The Transport Ministers of the two countries will meet in May.\n",
        Format::Text,
    );
    assert!(e.people.is_empty(), "{:?}", e.people);
}

#[test]
fn an_official_of_a_pair_named_with_the_other_is_of_that_pairs_country() {
    // The story is Egypt's, and Abiy Ahmed is named with no country: the sentence's pair
    // "Ethiopia and Algeria" gives him Ethiopia, not the frame's Egypt; "ABiy" two paragraphs
    // on is the same man.
    let e = extract(
        "Egypt hosts Nile talks\n\nCAIRO - Egyptian Foreign Minister Sameh Shoukry said on Monday that Cairo is ready for more talks on the dam.\n\nSeparately, Prime Minister Abiy Ahmed held talks with Algerian President Abdelmadjid Tebboune in Addis Ababa on deepening ties between Ethiopia and Algeria.\n\nPrime Minister ABiy said the two countries will sign a trade agreement next month.\n",
        Format::Text,
    );
    assert_eq!(
        country_of(&e, "Abiy Ahmed").as_deref(),
        Some("ET"),
        "{:?}",
        e.people
    );
    assert_eq!(
        country_of(&e, "ABiy").as_deref(),
        Some("ET"),
        "{:?}",
        e.people
    );
}

#[test]
fn a_signing_welcomed_was_signed_and_one_delayed_is_still_planned() {
    let welcomed = sides_of(
        "Leaders hail trade pact\n\nKenyan President William Ruto welcomed the signing of a trade agreement between Kenya and Uganda in Nairobi on Friday.\n",
    );
    assert_eq!(welcomed, [side("KE-UG", AgreementStatus::Signed)]);
    let delayed = sides_of(
        "Trade pact on hold\n\nThe trade agreement between Kenya and Uganda that was set to be signed today will be delayed, officials said.\n",
    );
    assert_eq!(delayed, [side("KE-UG", AgreementStatus::Planned)]);
    let suspended = sides_of(
        "Trade pact on hold\n\nThe trade agreement between Kenya and Uganda that was set to be signed today has been suspended, officials said.\n",
    );
    assert_eq!(suspended, [side("KE-UG", AgreementStatus::Discussed)]);
}

#[test]
fn the_host_of_a_visit_and_the_visitor_sign_and_a_commission_session_is_a_meeting() {
    // The visitor's country, named by an adjective after "the visit of", and the host after
    // "to" are the two sides.
    let e = sides_of(
        "Delegations sign memorandums\n\nDuring the visit of German Chancellor Olaf Scholz to Kazakhstan, the two sides signed three memorandums.\n",
    );
    assert_eq!(e, [side("DE-KZ", AgreementStatus::Signed)]);
    // No instrument named, but signed between two named sides.
    let e = sides_of("Document\n\nWhat has been signed between Iran and China is important.\n");
    assert_eq!(e, [side("CN-IR", AgreementStatus::Signed)]);
    // A binational commission's session is a meeting of its two states.
    let e = sides_of(
        "Visit\n\nThe ministers held the 10th session of the Nigeria-South Africa Bi-National Commission in Abuja.\n",
    );
    assert_eq!(e, [side("NG-ZA", AgreementStatus::Discussed)]);
}

#[test]
fn whom_the_protagonist_meets_is_the_other_sides_official() {
    let e = extract(
        "Japanese Foreign Minister to visit Viet Nam\n\nMinister for Foreign Affairs of Japan Toshimitsu Motegi will begin his visit to Viet Nam on January 5.\n\nHe will meet with Minister of Foreign Affairs Pham Binh Minh.\n",
        Format::Text,
    );
    let minh = e.people.iter().find(|p| p.name == "Pham Binh Minh");
    assert_eq!(
        minh.and_then(|p| p.country)
            .map(|c| c.to_string())
            .as_deref(),
        Some("VN"),
        "{:?}",
        e.people
    );
    assert_eq!(sides(&e), [side("JP-VN", AgreementStatus::Discussed)]);
}

#[test]
fn countries_as_subjects_of_talks_and_describing_or_patron_leaders_are_no_parties_or_signers() {
    // "the Libya issue", "the Palestinian-Israeli cause": subjects, not sides.
    let e = sides_of(
        "Talks in Cairo\n\nGreek Foreign Minister Nikos Dendias met Egyptian Foreign Minister Sameh Shoukry in Cairo.\n\n\"We discussed the Libya issue and the Palestinian-Israeli cause,\" the Greek minister said.\n",
    );
    assert_eq!(e, [side("EG-GR", AgreementStatus::Discussed)]);
    // Leaders who speak of "the newly signed agreements" did not sign them.
    let e = extract(
        "Serbia and Turkey sign\n\nTurkish President Recep Tayyip Erdogan said he and Serbian President Aleksandar Vucic stressed that the newly signed agreements between Serbia and Turkey would strengthen ties.\n",
        Format::Text,
    );
    assert!(
        e.engagements.iter().all(|a| a.signatories.is_empty()),
        "{:?}",
        e.engagements
    );
    // A multi-byte letter where the look-ahead ends cuts no character in two.
    let e = sides_of(
        "Ties\n\nThe newly signed agreements xéééééééééééééééééééé between Serbia and Turkey matter.\n",
    );
    assert!(e.iter().all(|(p, _)| p == "RS-TR"), "{e:?}");
    // A mausoleum is no person, whatever title its name carries.
    assert_names_people(
        "Visit\n\nForeign Minister Toshimitsu Motegi will pay floral tributes at the President Ho Chi Minh Mausoleum in Hanoi.\n",
        &["Toshimitsu Motegi"],
    );
    let e = extract(
        "Visit\n\nForeign Minister Toshimitsu Motegi will pay floral tributes at the President Ho Chi Minh Mausoleum in Hanoi.\n",
        Format::Text,
    );
    assert_eq!(e.people.len(), 1, "{:?}", e.people);
}

mod first_contact;
mod hosts;
mod known;
mod real_copy;
mod sides;

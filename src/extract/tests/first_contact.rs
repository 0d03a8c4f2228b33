//! Shapes from the blind rounds (sets 43 to 49): speakers and sources who did not sign, lists
//! that run on past a semicolon or a paragraph, countries at a signing ceremony, meetings
//! named again, instruments a demonstrative points back to, datelines that name who acts,
//! standing joint committees, and a headline's deal named again in the body.

use super::*;

/// The signatories of each engagement of a plain-text document.
fn signers_of(text: &str) -> Vec<Vec<String>> {
    extract(text, Format::Text)
        .engagements
        .iter()
        .map(|a| a.signatories.clone())
        .collect()
}

#[test]
fn a_speaker_who_reports_a_signing_did_not_sign() {
    assert_no_signers(
        "Manila and Seoul seal defence pacts\n\nPresident Maria Santos said the Philippines and South Korea signed key agreements on defence and shipbuilding.\n",
    );
    assert_no_signers(
        "Lima and Quito sign\n\nCarlos Mendoza, spokesperson for the Ministry of Foreign Affairs, said that the deals between Peru and Ecuador were signed after the talks.\n",
    );
    assert_no_signers(
        "Nepal and India sign\n\nAccording to Ram Thapa, Nepal and India have signed an agreement on power trade.\n",
    );
}

#[test]
fn who_signs_for_themselves_after_saying_so_still_signed() {
    let found = signers_of(
        "Ghana and Togo sign\n\nForeign Minister Kofi Mensah said he signed the agreement between Ghana and Togo on border trade.\n",
    );
    assert_eq!(found, [vec!["Kofi Mensah".to_string()]]);
}

#[test]
fn a_signer_named_before_the_statement_that_reports_it_still_signed() {
    let found = signers_of(
        "Fisheries protocol\n\nThe protocol between the EU and Senegal was signed by Senegal's Minister of Fisheries, Awa Ndiaye, the commission said in a statement issued in Brussels.\n",
    );
    assert_eq!(found, [vec!["Awa Ndiaye".to_string()]]);
}

#[test]
fn a_decree_on_denouncing_an_agreement_is_signed_by_no_party() {
    let found = signers_of(
        "Bishkek ends accord\n\nThe Prime Minister of Kyrgyzstan Almaz Beishenov signed the government decree on denunciation of the agreement with the United States.\n",
    );
    assert!(found.iter().all(Vec::is_empty), "{found:?}");
}

#[test]
fn a_visit_the_signing_came_during_and_a_witness_name_no_signers() {
    assert_no_signers(
        "India and Maldives sign\n\nIndia and Maldives on Monday signed three agreements as Minister Arjun Rao called on President Ahmed Naseem here and held extensive discussions.\n\nTaking to X, Rao said, \"Glad to witness the exchange of agreements in presence of President Ahmed Naseem this evening.\"\n",
    );
}

#[test]
fn a_list_of_signers_before_a_semicolon_signs_with_the_verb_at_its_end() {
    let found = signers_of(
        "Kigali and Maputo sign\n\nRwanda and Mozambique signed four memoranda of understanding. On the Rwandan side: Jean Habimana, Minister of Trade; Alice Mukamana, Minister of Health and the CEO of the Rwanda Investment Board, Eric Nkusi, signed on behalf of the government of Rwanda.\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    for name in ["Jean Habimana", "Alice Mukamana", "Eric Nkusi"] {
        assert!(found[0].iter().any(|n| n == name), "{name} in {found:?}");
    }
}

#[test]
fn several_before_a_single_with_each_sign_their_own() {
    let found = sides_of(
        "Compacts renewed\n\nPalau and Micronesia will sign updated security agreements with the US over the next two days.\n",
    );
    assert_eq!(
        found,
        [
            side("FM-US", AgreementStatus::Planned),
            side("PW-US", AgreementStatus::Planned)
        ]
    );
}

#[test]
fn countries_at_a_signing_ceremony_are_its_sides() {
    let found = sides_of(
        "Regional trade pact signed\n\nSamoa, Tonga, Fiji and Tuvalu were at the signing ceremony in Apia yesterday.\n",
    );
    assert_eq!(found, [side("FJ-TO-TV-WS", AgreementStatus::Signed)]);
}

#[test]
fn a_list_of_counterparts_goes_on_after_the_rest_are() {
    let found = sides_of(
        "Ghana's minister at the UN\n\nACCRA — Ghana's Foreign Minister Ama Owusu held meetings with her counterparts, namely Mr John Kamau of Kenya and Ms Lindiwe Dube of Zimbabwe.\n\nThe rest are Mr Pedro Lima of Cape Verde; and Mr Omar Jallow of The Gambia in the margins of the session.\n",
    );
    for pair in ["GH-KE", "GH-ZW", "CV-GH", "GH-GM"] {
        assert!(
            found.contains(&side(pair, AgreementStatus::Discussed)),
            "{pair} in {found:?}"
        );
    }
}

#[test]
fn a_definite_meeting_of_several_is_one_meeting() {
    let found = sides_of(
        "Trilateral talks\n\nThe foreign ministers of Canada, Mexico and the United States met in Ottawa today.\n\nMinister Paul Tremblay says one reason for the meeting is to let Canada catch up in its relations with the United States and Mexico.\n",
    );
    assert_eq!(found, [side("CA-MX-US", AgreementStatus::Discussed)]);
}

#[test]
fn a_region_beside_the_eu_by_a_hyphen_is_its_states_when_no_country_is_named() {
    let found = sides_of(
        "EU and Central Asia\n\nTrade with Kazakhstan, Uzbekistan and Tajikistan has doubled since 2019.\n\nEU foreign policy chief Kaja Lind chairs the EU-Central Asia Ministerial Meeting this week.\n",
    );
    assert!(
        found.contains(&side("KZ-TJ-UZ-EU", AgreementStatus::Discussed)),
        "{found:?}"
    );
}

#[test]
fn a_region_named_at_the_occasion_of_a_bilateral_signing_adds_no_sides() {
    let found = sides_of(
        "EU and Uzbekistan sign\n\nThe European Union and Uzbekistan signed a memorandum on raw materials on the sidelines of the first EU–Central Asia summit, where Kazakhstan was also present.\n",
    );
    assert_eq!(found, [side("UZ-EU", AgreementStatus::Signed)]);
}

#[test]
fn the_neighbouring_nations_of_a_region_are_the_pair() {
    let found = sides_of(
        "Chile and Argentina sign\n\nThe first Chile-Argentina binational cabinet ended with the signing of nine accords between the neighbouring South American nations, while Bolivia observed.\n",
    );
    assert_eq!(found, [side("AR-CL", AgreementStatus::Signed)]);
}

#[test]
fn this_partnership_is_the_one_just_reported() {
    let found = sides_of(
        "EU and Morocco sign\n\nThe European Union and Morocco signed a memorandum on a strategic partnership.\n\nSpanish Prime Minister Luis Ortega and Belgian Prime Minister Anne Dupont had proposed this partnership on a visit last month.\n",
    );
    assert!(
        found.iter().all(|(p, _)| p == "MA-EU"),
        "no engagement between the visitors: {found:?}"
    );
}

#[test]
fn the_items_under_a_header_of_documents_signed_are_signed() {
    let found = sides_of(
        "Regional summit\n\nThe leaders of Kazakhstan, Kyrgyzstan and Uzbekistan met in Cholpon-Ata.\n\nThe following documents were signed:\n\n- The Joint statement of the consultative meeting of the leaders of Kazakhstan, Kyrgyzstan and Uzbekistan;\n",
    );
    assert!(
        found.contains(&side("KG-KZ-UZ", AgreementStatus::Signed)),
        "{found:?}"
    );
}

#[test]
fn a_country_that_opens_an_as_clause_is_no_side() {
    let found = sides_of(
        "Summit ends\n\nLeaders of Kazakhstan and Uzbekistan ended the summit with talks on trade as Russia -- their main partner -- is being weakened.\n",
    );
    assert_eq!(found, [side("KZ-UZ", AgreementStatus::Discussed)]);
}

#[test]
fn a_company_deal_off_a_coast_involves_no_state() {
    let found = sides_of(
        "Gas block\n\nHydrocarbon giant PetroGulf announced an agreement with US major Atlas Energy to acquire a stake in a block off Egypt in the Mediterranean.\n",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn ex_post_facto_approval_is_of_a_signed_agreement_and_approval_plans_one() {
    let found = sides_of(
        "Cabinet decisions\n\nNEW DELHI, March 3, 2021 — The Union Cabinet gave its approval to the agreement between India and Japan on railway safety.\n\nThe Cabinet also gave ex-post facto approval to the treaty between India and Ghana on extradition.\n",
    );
    assert_eq!(
        found,
        [
            side("IN-JP", AgreementStatus::Planned),
            side("GH-IN", AgreementStatus::Signed)
        ]
    );
}

#[test]
fn people_as_real_copy_names_them() {
    assert_names_people(
        "Ministers meet\n\nThe minister met the foreign ministers of Spain Pablo Ferrer, Latvia Ilze Ozola and Poland Marek Nowak.\n\nHe thanked Venezuela's Attorney General Rosa Marquez and MIT head Kemal Aydin, and met Prime Minister Mohammed Shia' al Karim.\n\nThe MoUs were signed by Minister of Agriculture and Food security, Hon. Joao Tembe Machava, on behalf of Mozambique.\n",
        &[
            "Pablo Ferrer",
            "Ilze Ozola",
            "Marek Nowak",
            "Rosa Marquez",
            "Kemal Aydin",
            "Mohammed Shia' al Karim",
            "Joao Tembe Machava",
        ],
    );
}

#[test]
fn a_general_directorate_is_no_person() {
    let e = extract(
        "Mining memo\n\nUnder the memorandum, Türkiye's General Directorate of Mineral Research will share its expertise with Guinea.\n",
        Format::Text,
    );
    assert!(e.people.is_empty(), "{:?}", e.people);
}

#[test]
fn counted_partners_are_the_countries_the_story_lists() {
    let found = sides_of(
        "Pacific deal fails\n\nChina's plan to sign a broad trade and security deal with 4 Pacific island nations has fallen through, after the countries failed to reach an agreement during a visit by its foreign minister.\n\nThe 4 island countries at the meeting are Samoa, Tonga, Fiji and Vanuatu.\n",
    );
    assert_eq!(found, [side("CN-FJ-TO-VU-WS", AgreementStatus::Discussed)]);
}

#[test]
fn signatures_put_under_instruments_each_between_their_own_sides() {
    let e = extract(
        "Moscow signs with African states\n\nAt the meeting, Minister Pavel Orlov put his signature under the agreement between the governments of Russia and Guinea-Bissau on visas, the agreement between the governments of Russia and Zambia on visas.\n\nHe also signed a memorandum between the foreign ministries of Russia and Kenya, as well as a memorandum between the foreign ministries of Russia and South Sudan.\n",
        Format::Text,
    );
    assert_eq!(
        sides(&e),
        [
            side("GW-RU", AgreementStatus::Signed),
            side("RU-ZM", AgreementStatus::Signed),
            side("KE-RU", AgreementStatus::Signed),
            side("RU-SS", AgreementStatus::Signed)
        ]
    );
    assert_eq!(e.engagements[0].signatories, ["Pavel Orlov"]);
}

#[test]
fn a_working_breakfast_with_two_counterparts_is_one_meeting_of_three() {
    let found = sides_of(
        "Mekong leaders meet\n\nKUALA LUMPUR — Vietnamese Prime Minister Tran Van Binh had a working breakfast with his Cambodian and Lao counterparts Sok Dara and Khamla Vong on Monday.\n",
    );
    assert_eq!(found, [side("KH-LA-VN", AgreementStatus::Discussed)]);
}

#[test]
fn a_company_based_in_a_country_signs_no_state_agreement() {
    let found = sides_of(
        "LNG supply\n\nDHAKA — Qatar is Bangladesh's main gas supplier. The US-based Harbor Gas and the emirate inked a 15-year deal to sell LNG to Bangladesh.\n",
    );
    assert!(found.iter().all(|(p, _)| !p.contains("US")), "{found:?}");
}

#[test]
fn a_known_leader_with_his_dynasty_name_is_of_his_country() {
    let e = extract(
        "Emir in Dhaka\n\nDHAKA — The Emir of the Gulf state, Sheikh Tamim bin Hamad Al-Thani, paid his first visit to Bangladesh on Tuesday.\n",
        Format::Text,
    );
    assert_eq!(
        country_of(&e, "Tamim bin Hamad Al-Thani").as_deref(),
        Some("QA")
    );
}

#[test]
fn a_dateline_names_who_acts_when_headline_and_lead_only_name_hosts() {
    let text = "President seeks ties with Laos, Thailand\n\nHANOI -- President Pham Van Long seeks to strengthen the country's relations with close neighbours Laos and Thailand during his state visits, a spokesperson said Friday.\n\nHis first visit will be to Laos, at the invitation of President Sone Keo. Laos and its Lao partners have long ties, and the Lao ministry of foreign affairs will host him.\n\nDuring the visit in Laos, the two presidents will witness the signing of several agreements on trade.\n\nLong will then fly to Thailand. He will meet Thai Prime Minister Somchai Rak. Long and Somchai will witness the signing of agreements on fisheries. Vietnam's economy grows.\n";
    let found = sides_of(text);
    assert!(
        found.contains(&side("LA-VN", AgreementStatus::Planned))
            && found.contains(&side("TH-VN", AgreementStatus::Planned))
            && !found.iter().any(|(p, _)| p == "LA-TH"),
        "{found:?}"
    );
    let e = extract(text, Format::Text);
    assert_eq!(country_of(&e, "Pham Van Long").as_deref(), Some("VN"));
}

#[test]
fn committees_held_with_a_list_meet_each_partner_and_the_pair_last_named_signs() {
    let found = sides_of(
        "Ghana reviews its cooperation\n\nAccra – Ghana's Ministry of Foreign Affairs held joint committee meetings with several countries during 2022.\n\nThe joint committees were held with Togo, Benin, and Mali, the ministry said.\n\nEarlier, Ghana's Vice President and the Togolese Prime Minister chaired the joint committee in Lome, which witnessed four memoranda of understanding on trade and transport.\n\nGhana also had a joint higher committee with Benin in June. The two countries penned MoUs on fisheries and energy.\n",
    );
    assert_sides_include(
        &found,
        &[
            ("GH-ML", AgreementStatus::Discussed),
            ("BJ-GH", AgreementStatus::Signed),
            ("GH-TG", AgreementStatus::Signed),
        ],
    );
}

#[test]
fn an_accord_revoked_under_a_headline_naming_its_partner_is_with_that_partner() {
    let found = sides_of(
        "Chad's government revokes defence deal with France\n\nChad's government has revoked with immediate effect a defence accord that allows personnel from the France Ministry of Armed Forces on its soil, a spokesperson said on Thursday.\n",
    );
    assert_eq!(found, [side("FR-TD", AgreementStatus::Signed)]);
}

#[test]
fn a_second_verb_of_the_same_subject_opens_talks_with_a_bloc_and_a_country() {
    let found = sides_of(
        "Chile widens its trade talks\n\nChile is currently at the negotiating table with the European Union, and launched exploratory discussions with Vietnam late last year.\n",
    );
    assert_sides_include(
        &found,
        &[
            ("CL-EU", AgreementStatus::Discussed),
            ("CL-VN", AgreementStatus::Discussed),
        ],
    );
}

#[test]
fn the_talks_and_counted_memoranda_that_name_no_one_are_the_pairs() {
    let found = sides_of(
        "Kenya, Uganda forge agreements in annual consultation\n\nNAIROBI: Kenya and Uganda reached several agreements in the 5th Annual Consultation held in Nairobi, says President Amos Wekesa.\n\nHe said that among the main achievements were the signing of four memoranda of understanding covering border issues.\n\nThe talks mainly featured energy and trade.\n",
    );
    assert_sides_include(
        &found,
        &[
            ("KE-UG", AgreementStatus::Signed),
            ("KE-UG", AgreementStatus::Discussed),
        ],
    );
}

#[test]
fn counted_signatory_nations_are_the_list_the_story_gives() {
    let found = sides_of(
        "Presidents of five Andean countries sign Quito Declaration\n\nOn Tuesday the presidents of the Andean countries released the Quito Declaration, a document that unites the goals of the five signatory nations.\n\nThe declaration outlines the shared views of Bolivia, Colombia, Ecuador, Peru, and Venezuela on water.\n",
    );
    assert_eq!(found, [side("BO-CO-EC-PE-VE", AgreementStatus::Signed)]);
}

#[test]
fn a_proposed_framework_reported_signed_later_is_one_record() {
    let found = sides_of(
        "Concern over pact\n\nOfficials shared concerns about a proposed security framework between Vanuatu and China, a spokesperson said.\n\nA Chinese foreign ministry spokesman said the framework pact had been signed recently by the two foreign ministers.\n",
    );
    assert_eq!(found, [side("CN-VU", AgreementStatus::Signed)]);
}

#[test]
fn those_nations_are_the_one_list_the_story_gives() {
    let found = sides_of(
        "Allies concerned by pact\n\nCANBERRA - Canada, Japan, South Korea and Australia are concerned by a pact between China and Vanuatu, a statement said on Tuesday.\n\nOfficials from those nations met Canadian envoy Paul Tremblay in Tokyo.\n",
    );
    assert_sides_include(&found, &[("AU-CA-JP-KR", AgreementStatus::Discussed)]);
}

#[test]
fn an_opening_while_clause_names_no_side_of_the_main_one() {
    let found = sides_of(
        "Chile presses on\n\nSANTIAGO — While President Javier Ruiz of Argentina is threatening to upend bilateral trade, Chile is busy working on other free trade deals.\n\nChile has inked a free-trade agreement with Ecuador.\n",
    );
    assert_eq!(found, [side("CL-EC", AgreementStatus::Signed)]);
}

#[test]
fn the_side_a_minister_signs_on_is_his_country() {
    let text = "Rail memorandum\n\nPrime Minister Ali Hassan and Kenyan President Peter Mwangi, in Addis Ababa today, sponsored the signing ceremony of a memorandum of understanding between Ethiopia, Kenya, Djibouti and Somalia. The Prime Minister's media office stated: 'The memorandum was signed on the Ethiopian side by the Minister of Transport, Tesfaye Bekele, and on the Kenyan side by the Minister of Roads, James Otieno. The Djiboutian side was signed by the Minister of Ports, Omar Farah, and the Somali side was signed by the Minister of Trade, Abdi Nur.'\n";
    let e = extract(text, Format::Text);
    assert_eq!(country_of(&e, "Tesfaye Bekele").as_deref(), Some("ET"));
    assert_eq!(country_of(&e, "Omar Farah").as_deref(), Some("DJ"));
    assert_eq!(sides(&e), [side("DJ-ET-KE-SO", AgreementStatus::Signed)]);
    let mut signed = e.engagements[0].signatories.clone();
    signed.sort();
    assert_eq!(
        signed,
        ["Abdi Nur", "James Otieno", "Omar Farah", "Tesfaye Bekele"]
    );
}

#[test]
fn a_leader_whose_administration_signed_did_not_sign_but_a_minister_of_a_country_did() {
    let found = signers_of(
        "Uganda, Rwanda sign\n\nThe memorandum of understanding between Uganda and Rwanda that Paul Okello’s administration signed on Monday covers trade.\n",
    );
    assert!(found.iter().all(Vec::is_empty), "{found:?}");
    let found = signers_of(
        "Grant\n\nThe agreement between Uganda and Norway was signed by Ruth Nankabirwa, Uganda’s Minister of Finance, and Lars Berg, Norway's Ambassador.\n",
    );
    assert_eq!(
        found,
        [vec!["Ruth Nankabirwa".to_string(), "Lars Berg".to_string()]]
    );
}

#[test]
fn it_after_a_sentence_naming_one_country_is_that_country() {
    let found = sides_of(
        "Chile and Peru sign a defence pact\n\nChile and Peru signed a reciprocal access agreement on Monday.\n\nIt is the first such agreement for Peru in the region. It had signed similar accords with Spain in 2021, and Canada last year.\n",
    );
    assert_sides_include(
        &found,
        &[
            ("CL-PE", AgreementStatus::Signed),
            ("ES-PE", AgreementStatus::Signed),
            ("CA-PE", AgreementStatus::Signed),
        ],
    );
    assert!(
        !found.iter().any(|(s, _)| s == "CL-ES" || s == "CA-CL"),
        "{found:?}"
    );
}

#[test]
fn the_sides_who_discussed_something_met() {
    let found = sides_of(
        "Latvia, Moldova sign energy memorandum\n\nLatvian President Anna Ozola and Moldovan President Ion Rusu have signed an energy memorandum, the presidency said.\n\nIn particular, the sides \"discussed joint work against cybercrime.\"\n",
    );
    assert_sides_include(
        &found,
        &[
            ("LV-MD", AgreementStatus::Signed),
            ("LV-MD", AgreementStatus::Discussed),
        ],
    );
    // "will meet again" and "agreed to explore" add nothing to a signing the sides concluded.
    let found = sides_of(
        "Benin and Niger sign\n\nBenin and Niger signed a road agreement on Friday. Both sides also agreed to explore cooperation in rail. The two sides will meet again in Niamey in May.\n",
    );
    assert_eq!(found, [side("BJ-NE", AgreementStatus::Signed)]);
}

#[test]
fn consultations_involving_several_states_are_one_meeting_of_them_all() {
    let found = sides_of(
        "Border talks progress\n\nLIMA: Peru's foreign minister said talks on the border dispute are progressing.\n\nThe consultations involving Brazil, Colombia, Peru, and Ecuador took place on May 2 in Brasilia.\n",
    );
    assert_sides_include(&found, &[("BR-CO-EC-PE", AgreementStatus::Discussed)]);
    assert!(!found.iter().any(|(s, _)| s == "BR-PE"), "{found:?}");
}

#[test]
fn an_agreement_that_was_the_subject_of_a_meeting_of_others_gives_their_meeting() {
    let found = sides_of(
        "Ceasefire holds\n\nThe truce agreement was signed in Nairobi by the foreign ministers of Burundi and Rwanda.\n\nThe truce agreement was also the subject of a meeting between the Kenyan President and his Tanzanian counterpart, Amani Mushi, on Thursday in Nairobi.\n",
    );
    assert_eq!(
        found,
        [
            side("BI-RW", AgreementStatus::Signed),
            side("KE-TZ", AgreementStatus::Discussed)
        ]
    );
}

#[test]
fn an_event_announcing_entry_into_force_reports_a_treaty_in_force() {
    let found = sides_of(
        "Pacific visit\n\nThe Prime Minister attended the regional summit in Apia.\n\nNew Zealand and Kiribati also held an event to announce the entry into force of the Tarawa Union Treaty.\n",
    );
    assert_sides_include(&found, &[("KI-NZ", AgreementStatus::Signed)]);
}

#[test]
fn a_declaration_of_one_state_and_a_war_talked_about_are_no_engagements() {
    let found = sides_of(
        "Hungarian, Japanese ministers meet\n\nHungarian Foreign Minister Zoltan Nagy and his Japanese counterpart Kenji Sato pledged support for the rail contract, which had been suspended after Hungary's emergency declaration last year.\n\nNagy held bilateral talks with Sato in Budapest on Tuesday on trade, the Korean Peninsula and the Ukraine war.\n",
    );
    assert!(
        found.iter().all(|(_, s)| *s != AgreementStatus::Signed),
        "{found:?}"
    );
    assert!(!found.iter().any(|(s, _)| s.contains("UA")), "{found:?}");
    assert_sides_include(&found, &[("HU-JP", AgreementStatus::Discussed)]);
}

#[test]
fn the_communique_of_a_forum_is_not_the_storys_pair() {
    let found = sides_of(
        "Leaders meet in Nuku'alofa\n\nPrime Minister Jane Hollis of New Zealand met the Prime Minister of Tonga, Sione Vea, at the forum.\n\nThe communique of the 12th Pacific Leaders Forum is available online.\n",
    );
    assert!(
        found.iter().all(|(_, s)| *s != AgreementStatus::Signed),
        "{found:?}"
    );
}

#[test]
fn this_declaration_is_the_declaration_already_reported_not_the_meeting_just_before() {
    let found = sides_of(
        "Four-party talks move towards a declaration\n\nHANOI: Vietnamese Foreign Minister Tran Van Nam said four-party consultations on the Vietnam-Laos border question are progressing towards drafting a Joint Declaration on Vietnam-Laos relations.\n\nThe consultations involving Japan, Singapore, Vietnam, and Laos took place on May 2 in Singapore.\n\n\"This Joint Declaration may be signed at the next summit in the presence of Japan and Singapore,\" Tran Van Nam said.\n",
    );
    assert_sides_include(
        &found,
        &[
            ("LA-VN", AgreementStatus::Planned),
            ("JP-LA-SG-VN", AgreementStatus::Discussed),
        ],
    );
    assert!(
        !found
            .iter()
            .any(|(s, st)| s == "JP-LA-SG-VN" && *st == AgreementStatus::Planned),
        "{found:?}"
    );
}

#[test]
fn a_president_receiving_several_ambassadors_meets_each_on_their_own() {
    let found = sides_of(
        "President receives envoys\n\n(Agency) – President Nguyen Van An received the Ambassadors from Chile, Egypt, and Sweden, who presented their credentials to start their missions in Vietnam.\n",
    );
    assert_eq!(
        found,
        [
            side("CL-VN", AgreementStatus::Discussed),
            side("EG-VN", AgreementStatus::Discussed),
            side("SE-VN", AgreementStatus::Discussed)
        ]
    );
}

#[test]
fn a_name_with_zu_is_one_person_whose_surname_names_them_later() {
    let text = "Trade ministers meet\n\nAustria's Economics Minister Karl-Heinz zu Lichtenau said on Monday that most contracts went to Austrian firms.\n\nChilean Trade Minister Pablo Rojas is touring Europe.\n\nAt a meeting in Vienna, Rojas and Lichtenau said free trade would help both economies.\n";
    assert_names_people(text, &["Karl-Heinz zu Lichtenau", "Pablo Rojas"]);
    assert_sides_include(&sides_of(text), &[("AT-CL", AgreementStatus::Discussed)]);
}

#[test]
fn a_country_that_opens_a_reported_clause_after_with_acts() {
    let found = sides_of(
        "Leaders visit Beijing\n\nBEIJING – China signed a cooperation agreement with Mauritius on Friday, as Chinese President Xi Jinping received visiting African leaders.\n\nMauritius thanked China for its support.\n\nIn a separate meeting in Chengdu, Xi met with Malawi's President Peter Banda and said China is open to strengthen collaboration with Malawi on major international affairs.\n",
    );
    assert_sides_include(&found, &[("CN-MW", AgreementStatus::Discussed)]);
    assert!(!found.iter().any(|(s, _)| s == "MU-MW"), "{found:?}");
}

#[test]
fn a_with_after_another_verb_is_no_side_of_the_instrument() {
    let found = sides_of(
        "Leaders in Beijing\n\nBEIJING (Wire) – China signed a cooperation agreement with Mauritius and pledged to strengthen collaboration with Malawi on Friday.\n",
    );
    assert_eq!(found, [side("CN-MU", AgreementStatus::Signed)]);
    let found = sides_of(
        "Laos and Cambodia\n\nVietnam signed an MoU with Laos and a trade plan with Cambodia on Monday.\n",
    );
    assert_sides_include(
        &found,
        &[
            ("LA-VN", AgreementStatus::Signed),
            ("KH-VN", AgreementStatus::Signed),
        ],
    );
}

//! Shapes real wire copy uses that the fixtures had not: cabinet approvals, datelines that
//! name the subject, nicknames, subheadings, "the Emirates", plural plans, blocs "between",
//! agreements ended or still being finalised, "the sides".

use super::*;

#[test]
fn outcomes_that_were_the_signing_of_an_instrument_sign_it() {
    let found = sides_of(
        "Oman and Kenya deepen ties\n\nAmong the outcomes of the visit were the signing of a memorandum of understanding on tourism between Oman and Kenya.\n",
    );
    assert_eq!(found, [side("KE-OM", AgreementStatus::Signed)]);
}

#[test]
fn a_cabinet_approving_an_instrument_plans_it() {
    let found = sides_of(
        "Rail link moves ahead\n\nPakistan's federal cabinet on Tuesday approved a memorandum of understanding with Uzbekistan on rail transit.\n",
    );
    assert_eq!(found, [side("PK-UZ", AgreementStatus::Planned)]);
}

#[test]
fn the_emirates_is_a_country() {
    let found = sides_of(
        "Port deal\n\nEgypt and the Emirates signed an agreement on port development in Sokhna on Sunday.\n",
    );
    assert_eq!(found, [side("AE-EG", AgreementStatus::Signed)]);
}

#[test]
fn receiving_a_message_is_no_meeting() {
    let found = sides_of(
        "Letter from Doha\n\nACCRA — Ghana's President received a written message from the Emir of Qatar on Monday on bilateral relations, delivered by the Qatari ambassador.\n",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_dateline_names_whose_minister_a_bare_title_is() {
    let e = extract(
        "Border security talks\n\nAMMAN — Interior Minister Mazen Farrayeh held talks with his Saudi counterpart on border security on Monday.\n\nThe two ministers discussed drug smuggling along the Saudi frontier, where Jordan has stepped up patrols.\n",
        Format::Text,
    );
    assert_eq!(country_of(&e, "Mazen Farrayeh").as_deref(), Some("JO"));
    assert_eq!(sides(&e), [side("JO-SA", AgreementStatus::Discussed)]);
}

#[test]
fn exchanging_views_on_a_draft_signs_nothing() {
    let found = sides_of(
        "Border talks\n\nKenya and Uganda exchanged views on the draft agreement on cross-border trade during the meeting in Kampala.\n",
    );
    assert_eq!(found, [side("KE-UG", AgreementStatus::Discussed)]);
}

#[test]
fn an_agreement_to_be_finalised_and_signed_is_planned() {
    let found = sides_of(
        "Water deal\n\nThe agreement between Chile and Peru on shared aquifers is expected to be finalised and signed in March.\n",
    );
    assert_eq!(found, [side("CL-PE", AgreementStatus::Planned)]);
}

#[test]
fn negotiations_named_by_their_instrument_are_with_the_partner_and_concluded_is_signed() {
    let found = sides_of(
        "Trade pact\n\nIndonesia concluded the trade agreement negotiations with Canada last week.\n",
    );
    assert_eq!(found, [side("CA-ID", AgreementStatus::Signed)]);
}

#[test]
fn partners_a_headline_lists_each_get_one_with_the_storys_subject_not_with_each_other() {
    let found = sides_of(
        "Canada, Peru and Tunisia on the list\n\nThe government is looking to conclude free trade agreements with Canada, Peru and Tunisia this year.\n\nIndonesia's exports grew five percent last year, the trade ministry in Jakarta said.\n",
    );
    assert_eq!(
        found,
        [
            side("CA-ID", AgreementStatus::Planned),
            side("ID-PE", AgreementStatus::Planned),
            side("ID-TN", AgreementStatus::Planned),
        ]
    );
}

#[test]
fn a_quoted_nickname_takes_the_full_names_country() {
    let e = extract(
        "India hosts its neighbour\n\nNepali Prime Minister Pushpa Kamal Dahal \"Prachanda\" arrived in New Delhi on Wednesday.\n\nPrime Minister Prachanda and Indian Prime Minister Narendra Modi later signed an agreement on power trade.\n",
        Format::Text,
    );
    assert_eq!(country_of(&e, "Prachanda").as_deref(), Some("NP"));
    assert_eq!(sides(&e), [side("IN-NP", AgreementStatus::Signed)]);
}

#[test]
fn leaders_in_a_title_case_subheading_are_people() {
    let e = extract(
        "Leaders meet\n\nNarendra Modi Meets Sheikh Hasina In Delhi\n\nThe two leaders signed seven agreements on water sharing and rail links.\n",
        Format::Text,
    );
    assert_eq!(country_of(&e, "Sheikh Hasina").as_deref(), Some("BD"));
    assert_eq!(country_of(&e, "Narendra Modi").as_deref(), Some("IN"));
    assert!(
        sides(&e).contains(&side("BD-IN", AgreementStatus::Signed)),
        "{:?}",
        sides(&e)
    );
}

#[test]
fn plans_listed_with_several_governments_are_one_per_partner() {
    let found = sides_of(
        "Forum closes\n\nThe Indian government also signed cooperation plans or action plans with the governments of Ghana, Fiji and Chile on the last day of the forum.\n",
    );
    assert_eq!(
        found,
        [
            side("GH-IN", AgreementStatus::Signed),
            side("FJ-IN", AgreementStatus::Signed),
            side("CL-IN", AgreementStatus::Signed),
        ]
    );
}

#[test]
fn what_a_signed_memo_aims_to_establish_is_no_new_plan() {
    let found = sides_of(
        "Rabat and Dakar\n\nMorocco and Senegal signed three memoranda of understanding in Dakar on Tuesday.\n\nThe second memorandum covers fisheries. It aims to establish a cooperation framework that will let the two countries share their experience of monitoring catches.\n",
    );
    assert_eq!(found, [side("MA-SN", AgreementStatus::Signed)]);
}

#[test]
fn a_field_in_an_institutes_name_is_no_person() {
    let e = extract(
        "Research centre\n\nThe deal was signed by the National Institute for Marine and Atmospheric Sciences of Kenya and a Norwegian university.\n",
        Format::Text,
    );
    assert!(e.people.is_empty(), "{:?}", e.people);
}

#[test]
fn a_dialogue_between_two_blocs_is_not_the_ministers_who_praise_it() {
    let found = sides_of(
        "Bangkok and Hanoi\n\nForeign Ministers Somchai Prasert of Thailand and Nguyen Van Long of Vietnam met in Hanoi on Monday to discuss border trade.\n\nPrasert and Long also agreed on the importance of deepening the dialogue between ASEAN and the European Union.\n",
    );
    assert_eq!(found, [side("TH-VN", AgreementStatus::Discussed)]);
}

#[test]
fn a_kingston_dateline_makes_a_bare_minister_jamaicas() {
    let e = extract(
        "Government Signs Security Pact With United States\n\nKINGSTON, Nov. 4 : The Government has signed a maritime security agreement with the United States (US), the Minister of National Security, Dr. Horace Chang, told Parliament.\n\n“This will help us stop the drug boats leaving Jamaica for US shores,” the minister said.\n",
        Format::Text,
    );
    assert_eq!(country_of(&e, "Horace Chang").as_deref(), Some("JM"));
    assert_eq!(sides(&e), [side("JM-US", AgreementStatus::Signed)]);
}

#[test]
fn a_cabinet_approving_an_mou_without_an_article_plans_it() {
    let found = sides_of(
        "Cabinet decisions\n\nNEW DELHI, Feb 6 — The Union Cabinet also approved MoU between India and Brazil on cooperation in traditional medicine.\n",
    );
    assert_eq!(found, [side("BR-IN", AgreementStatus::Planned)]);
}

#[test]
fn an_agreement_a_country_disengages_from_exists() {
    let found = sides_of(
        "Niger and France\n\nNiger's military government said on Friday it was disengaging from its security agreement with France, citing violations of its airspace.\n",
    );
    assert_eq!(found, [side("FR-NE", AgreementStatus::Signed)]);
}

#[test]
fn a_protocol_being_finalised_is_not_signed() {
    let text = "Police cooperation\n\nBarbados is working on a new agreement with Canada. “We will operate under a separate protocol with the United Kingdom, which is also being finalised,” the attorney general said.\n";
    let found = sides_of(text);
    assert!(
        found.contains(&side("BB-GB", AgreementStatus::Planned)),
        "{found:?}"
    );
    assert_nothing_signed(text);
}

#[test]
fn the_sides_at_a_meeting_with_one_country_are_it_and_the_storys_subject() {
    let found = sides_of(
        "Kazakh foreign minister at the UN\n\nASTANA – Kazakh Foreign Minister Murat Nurtleu held talks with several counterparts in New York this week.\n\nDuring the meeting with Bahrain’s Foreign Minister Abdullatif Al Zayani, the sides signed an intergovernmental agreement on visa exemption.\n",
    );
    assert_eq!(found, [side("BH-KZ", AgreementStatus::Signed)]);
}

#[test]
fn a_command_of_a_defence_force_is_no_person() {
    let e = extract(
        "Coast guard\n\n“We have increased our patrols through the Maritime, Air and Cyber Command of the Jamaica Defence Force,” the minister said.\n",
        Format::Text,
    );
    assert!(e.people.is_empty(), "{:?}", e.people);
}

#[test]
fn blocs_listed_after_between_are_a_topic_not_a_side() {
    let found = sides_of(
        "Lavrov in Minsk\n\nMINSK, May 29 — Russian Foreign Minister Sergey Lavrov will meet Belarusian Foreign Minister Vladimir Makei in Minsk on Tuesday.\n\nThis is his first trip abroad since his reappointment. Official representative of the Russian Foreign Ministry Anna Petrova said earlier that the parties will exchange views on the development of cooperation between the EAEU, the CSTO, the CIS, and discuss the coordination of their efforts in the OSCE.\n",
    );
    assert_eq!(found, [side("BY-RU", AgreementStatus::Discussed)]);
}

#[test]
fn business_agreements_with_foreign_conglomerates_are_no_state_agreement() {
    let found = sides_of(
        "Manila and Beijing\n\nPresident Ferdinand Marcos Jr. witnessed the exchange of several business agreements between the Government of the Philippines and Chinese conglomerates in Beijing on Wednesday.\n",
    );
    assert!(found.is_empty(), "{found:?}");
}

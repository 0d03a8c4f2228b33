//! Who is a side of a meeting and who only names its occasion, its topic or its go-between:
//! blocs named for their summit or agenda, mediators, a railway between two countries, and
//! the status of a signing set for a deadline.

use super::*;

use AgreementStatus::{Discussed, Planned};

fn no_side_names(found: &[(String, AgreementStatus)], what: &str) {
    assert!(
        !found.iter().any(|(s, _)| s.split('-').any(|p| p == what)),
        "{what} is no side: {found:?}"
    );
}

#[test]
fn a_bloc_whose_meeting_is_the_occasion_is_no_side() {
    let found = sides_of(
        "Ministers meet in Dakar\n\nAzerbaijan's foreign minister Rauf Aliyev met his Turkish counterpart Selim Demir on the sidelines of the annual meeting of the Council of Foreign Ministers of the Organization of Islamic Cooperation in Dakar.\n",
    );
    assert!(found.contains(&side("AZ-TR", Discussed)), "{found:?}");
    no_side_names(&found, "OIC");
}

#[test]
fn a_blocs_summit_conference_or_agenda_is_a_topic() {
    let found = sides_of(
        "Ghana and Nigeria talk\n\nGhana's president Kofi Mensah met Nigeria's president Musa Bello in Accra on Monday.\n\nTheir discussions centred on the forthcoming African Union Summit and on the ASEAN Conference on trade, which Ghana will observe.\n\nThe two leaders also discussed the main items on the agenda of the session of the Council of the Arab League.\n",
    );
    assert!(found.contains(&side("GH-NG", Discussed)), "{found:?}");
    for bloc in ["AU", "ASEAN", "Arab League"] {
        no_side_names(&found, bloc);
    }
}

#[test]
fn a_bloc_talked_about_in_a_meeting_is_no_side_but_its_delegation_is() {
    let found = sides_of(
        "Brazil and Argentina meet\n\nBrazil's foreign minister Ana Souza met Argentina's foreign minister Carlos Ruiz in Brasilia on Sunday.\n\n\"We discussed Mercosur's external negotiations, and we agreed we want to propel Mercosur forward,\" Souza said.\n",
    );
    assert!(found.contains(&side("AR-BR", Discussed)), "{found:?}");
    no_side_names(&found, "Mercosur");
    let found = sides_of(
        "Fisheries consultations\n\nA European Union delegation and a Norwegian delegation met in Bergen to consult on shared stocks.\n",
    );
    assert!(found.contains(&side("NO-EU", Discussed)), "{found:?}");
}

#[test]
fn a_bloc_glued_to_a_country_in_a_programmes_name_stands_where_the_country_does() {
    let found = sides_of(
        "Vietnam and Britain sign letter\n\nVietnamese minister Tran Van Long and British minister Paul Hart signed a letter of intent on digital trade in London.\n\nThey also discussed initiatives within the framework of the UK-ASEAN Digital Innovation Partnership.\n",
    );
    no_side_names(&found, "ASEAN");
}

#[test]
fn a_railway_between_two_countries_does_not_make_them_sides() {
    let found = sides_of(
        "Laos and Thailand talk\n\nThe foreign ministers of Laos and Thailand began talks on a railway bridge.\n\nDuring their talks in Vientiane, Lao foreign minister Somsak Vong and his Thai counterpart Anan Chai also discussed extending the line to enable easier access to the Laos - China railway.\n",
    );
    assert!(found.contains(&side("LA-TH", Discussed)), "{found:?}");
    no_side_names(&found, "CN");
}

#[test]
fn a_city_then_a_compass_word_then_a_country_is_a_place() {
    let found = sides_of(
        "India and Pakistan talk\n\nIndia's foreign minister Ravi Nair held talks with his Pakistani counterpart Imran Qadir in Qingdao, east China, on Monday.\n",
    );
    assert!(found.contains(&side("IN-PK", Discussed)), "{found:?}");
    no_side_names(&found, "CN");
}

#[test]
fn talks_between_two_countries_are_theirs_not_the_mediators() {
    let found = sides_of(
        "Oman hosts talks\n\nOman mediated indirect talks on Friday between Iran and the United States in Muscat.\n",
    );
    assert_eq!(found, [side("IR-US", Discussed)]);
    let found = sides_of("Talks resume\n\nIran and the United States held talks on Friday.\n");
    assert_eq!(found, [side("IR-US", Discussed)]);
    let found = sides_of(
        "Sudan talks\n\nThe US/Saudi joint facilitators of the Jeddah talks between the Sudanese army and the paramilitary forces say they stand ready to resume the talks under the Jeddah Declaration.\n",
    );
    no_side_names(&found, "SD");
}

#[test]
fn a_tete_a_tete_is_a_meeting() {
    let found = sides_of(
        "Visit to Dakar\n\nEgyptian President Karim Fahmy was welcomed at the airport by his Senegalese counterpart, Ousmane Diallo.\n\nAfter a brief tete-a-tete with President Diallo, the Egyptian leader headed for his residence.\n",
    );
    assert!(found.contains(&side("EG-SN", Discussed)), "{found:?}");
}

#[test]
fn a_signing_set_for_a_deadline_or_agreed_on_is_planned() {
    let found = sides_of(
        "PNG and Solomon Islands\n\nPapua New Guinea's foreign minister Peter Kila assured Solomon Islands High Commissioner John Wale that the two countries will work towards having the border agreement signed by May.\n",
    );
    assert!(found.contains(&side("PG-SB", Planned)), "{found:?}");
    assert_nothing_signed(
        "PNG and Solomon Islands\n\nPapua New Guinea's foreign minister Peter Kila assured Solomon Islands High Commissioner John Wale that the two countries will work towards having the border agreement signed by May.\n",
    );
    let found = sides_of(
        "New memorandum\n\nThe Ministry of Information of Vietnam and the Ministry of Communications of Japan agree on the signing of a new MoU after the current one expires.\n",
    );
    assert!(found.contains(&side("JP-VN", Planned)), "{found:?}");
    let found = sides_of(
        "Energy links\n\nThe decision is aimed at approving the negotiation and signing of the Memorandum of Understanding between the Government of Romania and the Government of the Republic of Moldova on power links.\n",
    );
    assert!(found.contains(&side("MD-RO", Planned)), "{found:?}");
}

#[test]
fn what_a_signed_memo_aims_to_do_is_no_plan_to_sign_it() {
    let found = sides_of(
        "Kuwait and Bahamas\n\nKuwait's ambassador Ali Saleh signed two memoranda of understanding in New York on Tuesday.\n\nThe first memo aims to establish a mechanism of bilateral political consultations between Kuwait and The Bahamas.\n",
    );
    assert!(found.iter().any(|(s, _)| s == "BS-KW"), "{found:?}");
    assert!(
        !found.iter().any(|(_, s)| *s == Planned),
        "what the memo is for is no plan: {found:?}"
    );
}

#[test]
fn both_countries_after_two_named_sides_are_those_two_not_a_third_beside_a_pair() {
    let found = sides_of(
        "Nigeria talks\n\nNigeria's foreign minister Ade Bello held a phone call with US Secretary of State Mark Lane on Monday.\n\nIn a related development, the Federal Government and the Republic of Ghana met in Abuja, where both countries engaged on bilateral issues.\n",
    );
    assert!(
        !found.iter().any(|(s, _)| s.split('-').count() == 3),
        "{found:?}"
    );
}

#[test]
fn witnessing_the_exchange_of_a_number_of_agreements_is_a_signing() {
    let found = sides_of(
        "Saudi Arabia and China\n\nThe Saudi Crown Prince received Chinese President Li Wen in Riyadh.\n\nAfter that, the Crown Prince and the Chinese President witnessed the exchange of a number of bilateral agreements between the two countries.\n",
    );
    assert!(
        found.contains(&side("CN-SA", AgreementStatus::Signed)),
        "{found:?}"
    );
}

#[test]
fn an_impersonal_plan_is_the_storys_two_countries() {
    let found = sides_of(
        "Maldives minister calls on Sri Lankan premier\n\nMaldives Foreign Minister Ali Rasheed called on Sri Lankan Prime Minister Nimal Perera in Colombo.\n\nIt is proposed to sign an Investment Protection Treaty and to facilitate remittances by Sri Lankans employed in the Maldives.\n",
    );
    assert!(found.contains(&side("LK-MV", Planned)), "{found:?}");
}

#[test]
fn a_meeting_that_names_an_old_treaty_stays_a_meeting_beside_a_planned_declaration() {
    let found = sides_of(
        "Uruguay and Argentina\n\nForeign Ministers Pablo Ruiz of Uruguay and Diego Sosa of Argentina agreed to broker a presidential summit in April, during which a joint declaration is expected to be reached.\n\nRuiz and Sosa met on Friday in Montevideo in the framework of the 50th anniversary of the Treaty of the River Plate.\n\nBoth foreign ministers also agreed on further strengthening cooperation ties in defence, the document said.\n",
    );
    assert!(found.contains(&side("AR-UY", Planned)), "{found:?}");
    assert!(found.contains(&side("AR-UY", Discussed)), "{found:?}");
}

//! A host with several partners, groups named by a word of their own, and officials tied to a
//! country by whom they receive (classes 1–3 of real copy).

use super::*;

#[test]
fn a_host_signing_with_each_partner_at_its_own_ceremony_gives_one_record_per_partner() {
    let e = extract(
        "EU signs visa deals with Ghana and Peru\n\nThe EU signed two Visa Agreements this week in Brussels; with Ghana (Monday, 3 June) and with Peru (today, 5 June).\n\nThe agreements were signed on behalf of Ghana by Ambassador Kofi Mensah Boateng and on behalf of Peru by Foreign Minister Lucia Quispe Rojas.\n",
        Format::Text,
    );
    let found = sides(&e);
    assert!(
        found.contains(&side("GH-EU", AgreementStatus::Signed)),
        "{found:?}"
    );
    assert!(
        found.contains(&side("PE-EU", AgreementStatus::Signed)),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(s, _)| s == "GH-PE"),
        "two partners of one host are no pair: {found:?}"
    );
    let signers = |code: &str| {
        e.engagements
            .iter()
            .find(|a| a.parties.iter().any(|c| c.as_str() == code))
            .map(|a| a.signatories.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        signers("GH"),
        ["Kofi Mensah Boateng"],
        "{:?}",
        e.engagements
    );
    assert_eq!(signers("PE"), ["Lucia Quispe Rojas"], "{:?}", e.engagements);
}

#[test]
fn a_headline_read_as_one_instrument_gives_way_to_the_split_the_story_reports() {
    let found = sides_of(
        "Kenya widens its ties\n\nKenya establishes diplomatic relations with Fiji and Malta, signs tax pact with Chile.\n\nKenya has signed two communique opening diplomatic relations with Fiji and Malta.\n\nHer Fijian and Maltese counterparts, Ms. Asenaca Tuilagi and Mr. Paul Borg Cassar, signed for their own countries.\n",
    );
    assert!(
        found.contains(&side("FJ-KE", AgreementStatus::Signed)),
        "{found:?}"
    );
    assert!(
        found.contains(&side("KE-MT", AgreementStatus::Signed)),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(s, _)| s == "FJ-KE-MT"),
        "one record per communique: {found:?}"
    );
}

#[test]
fn a_minister_who_receives_an_ambassador_is_of_the_country_the_ambassador_is_posted_to() {
    let e = extract(
        "Culture minister meets envoy\n\nCulture Minister Ilse Vanderlinden met on Tuesday with Ambassador of the Republic of Ghana to Belgium Kwame Osei Darko to discuss exchanges of museum staff.\n",
        Format::Text,
    );
    assert_eq!(
        country_of(&e, "Ilse Vanderlinden").as_deref(),
        Some("BE"),
        "{:?}",
        e.people
    );
    assert!(
        sides(&e).contains(&side("BE-GH", AgreementStatus::Discussed)),
        "{:?}",
        sides(&e)
    );
    // The ambassador calling on someone else's official gives that official nothing.
    let e = extract(
        "Envoy calls on commission\n\nNorway's Ambassador to Ghana, Ola Haugen, paid a courtesy call on the President of the Commission, Amadou Traore, in Accra.\n",
        Format::Text,
    );
    assert_ne!(
        country_of(&e, "Amadou Traore").as_deref(),
        Some("GH"),
        "{:?}",
        e.people
    );
}

#[test]
fn leaders_who_plan_to_issue_a_declaration_have_not_issued_it() {
    let found = sides_of(
        "Presidents to meet\n\nThe spokesman said the Estonian and Finnish presidents plan to issue a joint declaration on energy security.\n",
    );
    assert_eq!(found, [side("EE-FI", AgreementStatus::Planned)]);
}

#[test]
fn the_baltic_states_as_one_side_are_the_three_the_story_names() {
    let found = sides_of(
        "Baltic ministers and Canada\n\nRIGA - The foreign ministers of the Baltic states issued a joint statement with Canada's Foreign Minister Claire Dubois, who arrived for talks in Latvia on Monday.\n\nDubois also met Estonian and Lithuanian officials.\n",
    );
    assert!(
        found.contains(&side("CA-EE-LT-LV", AgreementStatus::Signed)),
        "{found:?}"
    );
}

#[test]
fn members_who_welcome_something_at_their_meeting_are_its_sides() {
    let found = sides_of(
        "Bloc ministers meet\n\nThe trade ministers of the group (Chile, Peru and Mexico) have welcomed Peru's offer to host the secretariat during a meeting in Lima.\n",
    );
    assert!(
        found.contains(&side("CL-MX-PE", AgreementStatus::Discussed)),
        "{found:?}"
    );
    // Still, a country that welcomes talks between others is no side of them.
    let found = sides_of(
        "Talks welcomed\n\nFrance welcomed the talks between Armenia and Azerbaijan held in Geneva on Monday.\n",
    );
    assert!(!found.iter().any(|(s, _)| s.contains("FR")), "{found:?}");
}

#[test]
fn an_instrument_naming_no_one_is_between_the_two_countries_the_story_is_about() {
    let found = sides_of(
        "Oman and Jordan open talks on water\n\nOman and Jordan began two days of talks on water sharing in Muscat on Monday.\n\nA memorandum of understanding will be signed on Wednesday.\n",
    );
    assert!(
        found.contains(&side("JO-OM", AgreementStatus::Planned)),
        "{found:?}"
    );
    // Unless people the story has not tied to a government are to sign it.
    let found = sides_of(
        "Oman and Jordan water cooperation grows\n\nOman and Jordan have long shared expertise on desalination.\n\nAquaWorks chief executive Sami Haddad and DesalCo chief executive Maria Lind will sign an agreement on Wednesday.\n",
    );
    assert!(found.is_empty(), "{found:?}");
}

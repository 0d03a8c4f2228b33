//! Officials the table of leaders knows: a country for one the text gives none, leaders named
//! without a title, and a former national leader who now serves a bloc.

use super::*;

#[test]
fn a_leader_the_text_gives_no_country_gets_the_one_the_table_knows() {
    let text = "Five agreements signed\n\nPresident John Magufuli and Indian Prime Minister Narendra Modi have signed five agreements on water and health.\n";
    let e = extract(text, Format::Text);
    assert_eq!(country_of(&e, "John Magufuli").as_deref(), Some("TZ"));
    assert!(
        sides(&e).contains(&side("IN-TZ", AgreementStatus::Signed)),
        "{:?}",
        sides(&e)
    );
}

#[test]
fn a_leader_named_without_a_title_is_a_person() {
    let e = extract(
        "Colombia and Venezuela\n\nThe two foreign ministers met in Caracas to prepare for August 7, when Gustavo Petro takes office, and flew home from Simon Bolivar International Airport.\n",
        Format::Text,
    );
    assert_eq!(country_of(&e, "Gustavo Petro").as_deref(), Some("CO"));
    assert!(
        !e.people.iter().any(|p| p.name.contains("Bolivar")),
        "{:?}",
        e.people
    );
}

#[test]
fn a_former_prime_minister_in_a_blocs_office_serves_the_bloc() {
    let e = extract(
        "EU and Chile\n\nThe signing took place at a meeting between Executive Vice-President and Commissioner for Trade Valdis Dombrovskis and the Chilean Minister of Foreign Affairs.\n",
        Format::Text,
    );
    let p = e
        .people
        .iter()
        .find(|p| p.name == "Valdis Dombrovskis")
        .expect("named");
    assert_eq!(p.country, None, "{p:?}");
    assert_eq!(p.organisation.as_deref(), Some("EU"));
}

#[test]
fn a_country_in_a_clause_about_a_place_is_no_side() {
    let found = sides_of(
        "Talks\n\nKenya's president Ruto Kamau met Uganda's president Musa Okello in Kampala.\n\nThe two presidents discussed security in the Horn of Africa, where Somalia is fighting insurgents.\n",
    );
    assert!(!found.iter().any(|(s, _)| s.contains("SO")), "{found:?}");
}

#[test]
fn a_royal_called_by_title_and_given_name_is_the_royal_already_named() {
    let e = extract(
        "Royal visit\n\nJordan's Crown Prince Hamza bin Talal Al Hashem will arrive on Monday for a three-day visit to Japan.\n\nCrown Prince Hamza's visit is the first at that level since 2015.\n",
        Format::Text,
    );
    let names: Vec<&str> = e.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Hamza bin Talal Al Hashem"]);
}

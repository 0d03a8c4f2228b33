//! People the table of leaders knows: a country for an official the text gives none, the
//! leaders a text names without a title, and a former national leader now in a bloc's office.

use super::{Explanation, Extraction, Person, names_same_person, same_name_same_country};
use crate::ingest::SourceDoc;

/// The people the leaders' table knows: a country for an official the text gave none, and
/// the leaders the text names without a title ("when Gustavo Petro assumes the presidency").
pub(super) fn known_leaders(doc: &SourceDoc, out: &mut Extraction) {
    let leaders = crate::leaders::Leaders::global();
    let mut known = Vec::new();
    for (i, p) in out.people.iter_mut().enumerate() {
        if p.country.is_some() || p.organisation.is_some() {
            continue;
        }
        let Some(country) = leaders.country_of(&p.name) else {
            continue;
        };
        // "Commissioner for Trade Valdis Dombrovskis" serves the EU, whatever he led before.
        if let Some(org) = p.role.as_deref().and_then(international_office) {
            p.organisation = Some(org.to_string());
            continue;
        }
        p.country = Some(country);
        known.push(i);
    }
    // "Prime Minister ABiy" two paragraphs after "Prime Minister Abiy Ahmed".
    let unknown: Vec<usize> = (0..out.people.len())
        .filter(|&i| out.people[i].country.is_none())
        .collect();
    same_name_same_country(&mut out.people, &unknown, &known);
    // A subheading in title case ("India's Prime Minister Narendra Modi") is read too: the
    // table matches whole names only, so no headline word can pass for one.
    for block in &doc.blocks {
        for s in leaders.find(&block.text) {
            let name = &block.text[s.start..s.end];
            let known =
                |p: &Person| names_same_person(&p.name, name) || names_same_person(name, &p.name);
            if out.people.iter().any(known) {
                continue;
            }
            // "Commissioner for Trade Valdis Dombrovskis": a former prime minister who now
            // serves a bloc serves the bloc.
            let organisation = international_office(&block.text[..s.start]);
            let country = organisation.is_none().then_some(s.country);
            out.explanations.push(Explanation {
                what: format!(
                    "person {name} (no role, {})",
                    organisation.unwrap_or(s.country.as_str())
                ),
                rule: "a leader the table of leaders knows, named without a title".to_string(),
                block: block.id.clone(),
                text: block.text.clone(),
            });
            out.people.push(Person {
                name: name.to_string(),
                role: None,
                country,
                organisation: organisation.map(str::to_string),
            });
        }
    }
}

/// A nickname the text gives in quotes after a full name ("Pushpa Kamal Dahal “Prachanda”")
/// names the same person: it takes the full name's country, which a bare title would
/// otherwise leave to the frame.
pub(super) fn nicknames(doc: &SourceDoc, people: &mut [Person]) {
    for i in 0..people.len() {
        if people[i].country.is_some() || people[i].name.contains(' ') {
            continue;
        }
        let quoted = ["“", "\"", "("]
            .iter()
            .zip(["”", "\"", ")"])
            .map(|(open, close)| format!("{open}{}{close}", people[i].name));
        let quoted: Vec<String> = quoted.collect();
        let full = doc.blocks.iter().find_map(|b| {
            quoted.iter().find_map(|q| {
                let at = b.text.find(q.as_str())?;
                let before = b.text[..at].trim_end();
                people
                    .iter()
                    .position(|p| p.name.contains(' ') && before.ends_with(p.name.as_str()))
            })
        });
        if let Some(f) = full {
            people[i].country = people[f].country;
        }
    }
}

/// The bloc whose office the words right before a name give: "Executive Vice-President and
/// Commissioner for Trade", "High Representative/Vice-President", "UN Secretary-General".
fn international_office(before: &str) -> Option<&'static str> {
    let from = crate::location::floor_char_boundary(before, before.len().saturating_sub(90));
    let near = &before[from..];
    let near = &near[near.rfind(['.', ';']).map_or(0, |i| i + 1)..];
    let eu = [
        "Commissioner",
        "High Representative",
        "European Commission",
        "European Council",
    ];
    if eu.iter().any(|w| near.contains(w)) {
        Some("EU")
    } else if near.contains("Secretary-General") || near.contains("Secretary General") {
        Some("UN")
    } else {
        None
    }
}

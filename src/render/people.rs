//! The people pages: one per person, and the index of people by country.

use std::collections::BTreeMap;

use serde_json::json;

use super::views::{AgreementCard, CountryRef, DocLink, PersonRef};
use super::{RenderError, Renderer};
use crate::model::people::Affiliation;
use crate::terms::count;

/// Documents listed on a person's page (the newest); the page says how many there are.
const PERSON_DOCUMENTS: usize = 50;

/// The URL of the people index.
pub const PEOPLE_INDEX: &str = "people/index.html";

impl Renderer<'_> {
    pub(super) fn person(&self, i: usize) -> Result<(String, String), RenderError> {
        let c = self.corpus;
        let p = &c.people.nodes[i];
        let me = PersonRef::new(p, p.documents.len());
        let roles: Vec<_> = p
            .roles
            .iter()
            .map(|r| {
                let doc = &c.documents[r.document];
                let url = match &r.block {
                    Some(b) => format!("{}#{b}", doc.url()),
                    None => doc.url(),
                };
                json!({
                    "role": r.role,
                    "sentence": r.sentence,
                    "url": url,
                    "document_title": doc.source.title,
                    "date": doc.date().map(|d| d.to_string()),
                    "date_display": doc.date().map(|d| d.display()),
                })
            })
            .collect();
        let who = match (&me.role, p.affiliation.label()) {
            (Some(r), Some(a)) => format!("{r}, {a}"),
            (Some(r), None) => r.clone(),
            (None, Some(a)) => a,
            (None, None) => "Named".into(),
        };
        let description = format!(
            "{}: {who}. Named in {}; signatory of {}.",
            p.name,
            count(p.documents.len(), "document"),
            count(p.agreements.len(), "agreement"),
        );
        let meta = self.meta(p.url(), &p.name, &description, "people");
        self.draw(
            "person.html",
            meta,
            json!({
                "person": me,
                "roles": roles,
                "agreements": p.agreements.iter().map(|&a| AgreementCard::new(&c.agreements[a])).collect::<Vec<_>>(),
                "documents": p.documents.iter().take(PERSON_DOCUMENTS).map(|&d| DocLink::new(&c.documents[d])).collect::<Vec<_>>(),
                "documents_total": p.documents.len(),
                "companions": p.companions.iter().map(|&(q, n)| PersonRef::new(&c.people.nodes[q], n)).collect::<Vec<_>>(),
            }),
        )
    }

    pub(super) fn people_index(&self) -> Result<(String, String), RenderError> {
        let c = self.corpus;
        // Countries by name, then organisations, then people whose country no text states.
        let mut groups: BTreeMap<(u8, String), (Option<CountryRef>, Vec<PersonRef>)> =
            BTreeMap::new();
        for p in &c.people.nodes {
            let (key, country) = match &p.affiliation {
                Affiliation::Country(code) => {
                    let r = CountryRef::new(*code, 0);
                    ((0, r.name.clone()), Some(r))
                }
                Affiliation::Organisation(o) => ((1, o.clone()), None),
                Affiliation::Unknown => ((2, "No country stated".into()), None),
            };
            groups
                .entry(key)
                .or_insert_with(|| (country, Vec::new()))
                .1
                .push(PersonRef::new(p, p.documents.len()));
        }
        let groups: Vec<_> = groups
            .into_iter()
            .map(|((_, name), (country, mut people))| {
                people.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.url.cmp(&b.url)));
                let id = crate::slug::Slug::from_text_or(&name, "group");
                json!({"name": name, "id": format!("group-{id}"), "country": country, "people": people})
            })
            .collect();
        let meta = self.meta(
            PEOPLE_INDEX.into(),
            "People",
            "Everyone the briefing names, by the country they represent.",
            "people",
        );
        self.draw(
            "people.html",
            meta,
            json!({"groups": groups, "total": c.people.nodes.len()}),
        )
    }
}

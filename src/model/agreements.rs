//! Merging engagements across documents into agreement pages.
//!
//! The same parties and kind with a compatible topic are one agreement. Mentions are taken
//! oldest first, so the status of the latest document wins and the slug comes from the
//! earliest mention — adding a newer document never renames a page.

use std::collections::{HashMap, HashSet};

use super::{Agreement, AgreementEvidence, Document};
use crate::extract::Engagement;
use crate::gazetteer::{CountryCode, Gazetteer};
use crate::slug::{Slug, short_hash};
use crate::terms::AgreementKind;

/// Words that say nothing about a topic.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "the",
    "of",
    "on",
    "in",
    "for",
    "to",
    "with",
    "cooperation",
    "sector",
];

/// What must be equal for two mentions to be one agreement: parties, organisations, kind.
type MergeKey = (Vec<CountryCode>, Vec<String>, AgreementKind);

/// Merges every document's engagements; the result is sorted by slug.
pub(super) fn merge(documents: &[Document], newest_first: &[usize]) -> Vec<Agreement> {
    let mut merged: Vec<Agreement> = Vec::new();
    // Agreements by (parties, organisations, kind), with the words of each one's topic, so a
    // mention is compared only with agreements it could join.
    let mut by_key: HashMap<MergeKey, Vec<(usize, HashSet<String>)>> = HashMap::new();
    for &d in newest_first.iter().rev() {
        for e in &documents[d].extraction.engagements {
            let key = (e.parties.clone(), e.organisations.clone(), e.kind);
            let words = e.topic.as_deref().map(topic_words);
            let candidates = by_key.entry(key).or_default();
            // Two records of one document are two engagements: extraction already merged
            // what that document says about one.
            let found = candidates.iter().find(|(i, known)| {
                !merged[*i].documents.contains(&d)
                    && match &words {
                        Some(w) if !known.is_empty() => w.is_subset(known) || known.is_subset(w),
                        _ => true,
                    }
            });
            let found = found.map(|(i, _)| *i);
            let evidence = e.evidence.iter().map(|ev| AgreementEvidence {
                document: d,
                block: ev.block.clone(),
                status: ev.status,
                text: ev.text.clone(),
            });
            match found.map(|i| &mut merged[i]) {
                Some(a) => {
                    a.status = e.status;
                    if !a.documents.contains(&d) {
                        a.documents.push(d);
                    }
                    a.evidence.extend(evidence);
                    for s in &e.signatories {
                        if !a.signatories.contains(s) {
                            a.signatories.push(s.clone());
                        }
                    }
                    a.place = a.place.take().or_else(|| e.place.clone());
                    a.date = a.date.or(e.date);
                    if a.topic.is_none() {
                        a.topic = e.topic.clone();
                    }
                }
                None => {
                    candidates.push((merged.len(), words.unwrap_or_default()));
                    merged.push(Agreement {
                        slug: slug_for(e, &documents[d].source.path),
                        title: e.title.clone().unwrap_or_else(|| title_for(e)),
                        kind: e.kind,
                        status: e.status,
                        parties: e.parties.clone(),
                        organisations: e.organisations.clone(),
                        topic: e.topic.clone(),
                        signatories: e.signatories.clone(),
                        place: e.place.clone(),
                        date: e.date,
                        documents: vec![d],
                        evidence: evidence.collect(),
                    })
                }
            }
        }
    }
    dedupe_slugs(&mut merged, documents);
    merged.sort_by(|a, b| a.slug.cmp(&b.slug));
    merged
}

fn topic_words(topic: &str) -> HashSet<String> {
    topic
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// Party names in alphabetical order of their short names: countries, then organisations.
fn party_names(e: &Engagement) -> Vec<String> {
    let g = Gazetteer::global();
    let mut names: Vec<String> = e
        .parties
        .iter()
        .map(|c| g.get(*c).map_or_else(|| c.to_string(), |c| c.name.clone()))
        .chain(e.organisations.iter().cloned())
        .collect();
    names.sort_by_key(|n| crate::slug::slugify(n, 80));
    names
}

/// "niger-turkiye-mou-mineral-exploration-and-mining".
fn slug_for(e: &Engagement, path: &str) -> Slug {
    let mut text = party_names(e).join(" ");
    text.push(' ');
    text.push_str(e.kind.as_str());
    if let Some(t) = &e.topic {
        text.push(' ');
        text.push_str(t);
    }
    Slug::from_text(&text).unwrap_or_else(|| Slug::from_text_or(&short_hash(path), "agreement"))
}

/// "Niger–Türkiye MoU on mineral exploration and mining".
fn title_for(e: &Engagement) -> String {
    let parties = party_names(e).join("–");
    let what = match e.kind {
        AgreementKind::Other => "talks".to_string(),
        k => k.label().to_string(),
    };
    match &e.topic {
        Some(t) => format!("{parties} {what} on {t}"),
        None => format!("{parties} {what}"),
    }
}

/// Two different agreements that slugify alike keep apart by a hash of where each was first
/// reported, which no other document can change.
fn dedupe_slugs(merged: &mut [Agreement], documents: &[Document]) {
    let mut seen: HashSet<Slug> = HashSet::new();
    let dup: HashSet<Slug> = merged
        .iter()
        .filter(|a| !seen.insert(a.slug.clone()))
        .map(|a| a.slug.clone())
        .collect();
    for a in merged.iter_mut().filter(|a| dup.contains(&a.slug)) {
        let first = &documents[a.documents[0]].source.path;
        a.slug = a
            .slug
            .with_suffix(&short_hash(&format!("{first}\n{}", a.title)));
    }
}

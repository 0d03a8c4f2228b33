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
use crate::terms::{AgreementKind, AgreementStatus};

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

/// Reports of one agreement that does not name its topic are at most this far apart: the
/// same two states sign many instruments of one kind over the years.
const MERGE_SPAN_DAYS: i64 = 730;

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
            let words = e.topic.as_ref().map(|t| topic_words(&t.text));
            let candidates = by_key.entry(key).or_default();
            // Two records of one document are two engagements: extraction already merged
            // what that document says about one. Two signings on different dates, or by
            // different people, are two agreements too.
            let found = candidates.iter().find(|(i, known)| {
                let a = &merged[*i];
                let close = close_in_time(documents, a.documents.last(), d);
                let other_date = a.date.zip(e.date).is_some_and(|(x, y)| x != y);
                let other_signers = !a.signatories.is_empty()
                    && !e.signatories.is_empty()
                    && !e.signatories.iter().any(|s| a.signatories.contains(s));
                !a.documents.contains(&d)
                    && !other_date
                    && !other_signers
                    && match &words {
                        Some(w) if !known.is_empty() => w.is_subset(known) || known.is_subset(w),
                        _ => close,
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
                        a.topic = e.topic.as_ref().map(|t| t.text.clone());
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
                        topic: e.topic.as_ref().map(|t| t.text.clone()),
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

/// Whether document `d` was published within [`MERGE_SPAN_DAYS`] of `latest` (the newest
/// report an agreement has so far). Undated reports are not: without a topic to compare, two
/// undated stories of a Japan–Philippines MoU may well be of two memoranda years apart.
fn close_in_time(documents: &[Document], latest: Option<&usize>, d: usize) -> bool {
    let days = |i: usize| documents[i].date().map(|x| x.days_since_epoch());
    latest
        .and_then(|&l| days(l))
        .zip(days(d))
        .is_some_and(|(x, y)| (x - y).abs() <= MERGE_SPAN_DAYS)
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

/// The title's words without its connective "on": "niger-turkiye-mou-mineral-exploration-
/// and-mining", "ghana-kenya-free-trade-agreement", "dr-congo-turkiye-talks-joint-projects".
fn slug_for(e: &Engagement, path: &str) -> Slug {
    let mut words = party_names(e);
    words.extend(title_words(e));
    Slug::from_text(&words.join(" "))
        .unwrap_or_else(|| Slug::from_text_or(&short_hash(path), "agreement"))
}

/// "Niger–Türkiye MoU on mineral exploration and mining", "Ghana–Kenya free trade agreement",
/// "Chile–South Korea talks on a lithium agreement".
fn title_for(e: &Engagement) -> String {
    let parties = party_names(e).join("–");
    let what = title_words(e);
    let instrument = e.kind != AgreementKind::Other;
    match &e.topic {
        // Talks about an instrument not yet agreed: "Chile–South Korea talks on a lithium
        // agreement".
        _ if instrument && e.status == AgreementStatus::Discussed => {
            // "a lithium agreement", but "an accord on textile trade".
            let named = match &e.topic {
                Some(t) if !t.leads => format!("{} on {}", what[0].to_lowercase(), t.text),
                _ => what.join(" ").to_lowercase(),
            };
            let named = named.replace("mou", "MoU");
            let article = if named.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            format!("{parties} talks on {article} {named}")
        }
        Some(t) if !t.leads => format!("{parties} {} on {}", what[0], t.text),
        _ => format!("{parties} {}", what.join(" ")),
    }
}

/// The words a title gives the kind and topic, without "on": ["MoU", "mineral exploration
/// and mining"], ["free trade", "agreement"], ["talks"].
fn title_words(e: &Engagement) -> Vec<String> {
    let kind = match e.kind {
        AgreementKind::Other => "talks".to_string(),
        k if e.topic.as_ref().is_some_and(|t| t.leads) && k != AgreementKind::Mou => {
            k.label().to_lowercase()
        }
        k => k.label().to_string(),
    };
    match &e.topic {
        Some(t) if t.leads && e.kind != AgreementKind::Other => vec![t.text.clone(), kind],
        Some(t) => vec![kind, t.text.clone()],
        None => vec![kind],
    }
}

/// Two different agreements that slugify alike keep apart by a hash of where each was first
/// reported (document and paragraph), which no other document can change.
fn dedupe_slugs(merged: &mut [Agreement], documents: &[Document]) {
    let mut seen: HashSet<Slug> = HashSet::new();
    let dup: HashSet<Slug> = merged
        .iter()
        .filter(|a| !seen.insert(a.slug.clone()))
        .map(|a| a.slug.clone())
        .collect();
    for a in merged.iter_mut().filter(|a| dup.contains(&a.slug)) {
        let first = &documents[a.documents[0]].source.path;
        let paragraph = a.evidence.first().map_or("", |e| e.block.as_str());
        a.slug = a.slug.with_suffix(&short_hash(&format!(
            "{first}\n{}\n{paragraph}\n{}",
            a.title,
            a.status.as_str()
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terms::Topic;

    fn talks(kind: AgreementKind, topic: Option<Topic>) -> Engagement {
        Engagement {
            title: None,
            kind,
            status: AgreementStatus::Discussed,
            parties: vec![
                Gazetteer::global().lookup("CL").expect("code"),
                Gazetteer::global().lookup("KR").expect("code"),
            ],
            organisations: Vec::new(),
            topic,
            signatories: Vec::new(),
            place: None,
            date: None,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn discussed_instruments_read_as_talks_on_them() {
        let lithium = Topic {
            text: "lithium".into(),
            leads: true,
        };
        assert_eq!(
            title_for(&talks(AgreementKind::Agreement, Some(lithium))),
            "Chile–South Korea talks on a lithium agreement"
        );
        let trade = Topic {
            text: "textile trade".into(),
            leads: false,
        };
        assert_eq!(
            title_for(&talks(AgreementKind::Accord, Some(trade))),
            "Chile–South Korea talks on an accord on textile trade"
        );
        assert_eq!(
            title_for(&talks(AgreementKind::Other, None)),
            "Chile–South Korea talks"
        );
    }
}

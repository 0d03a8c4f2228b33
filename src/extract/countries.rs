//! Country mentions in a document's blocks, with the Congo convention applied document-wide.

use std::collections::BTreeMap;

use crate::gazetteer::{CountryCode, Gazetteer, Mention, MentionKind, Scan, resolve_congo};
use crate::ingest::Block;

use super::lexicon::{
    HONORIFICS, NOT_NAME_WORDS, ORGANISATION_WORDS, PORTFOLIO_WORDS, ROLE_MODIFIERS, ROLE_NOUNS,
};

/// The country mentions of one document, per block (same order as the blocks).
pub fn scan_blocks(blocks: &[Block]) -> Vec<Vec<Mention>> {
    let gazetteer = Gazetteer::global();
    let mut scans: Vec<Scan> = blocks.iter().map(|b| gazetteer.find(&b.text)).collect();
    resolve_congo(&mut scans);
    scans.into_iter().map(|s| s.mentions).collect()
}

/// The country mentions of a document's title and of its blocks (same order as the blocks).
/// A title that opens the first block is part of it and is not scanned twice.
pub fn scan_document(title: &str, blocks: &[Block]) -> (Vec<Mention>, Vec<Vec<Mention>>) {
    let gazetteer = Gazetteer::global();
    let title = title.trim_end_matches('…');
    let in_body = blocks.iter().take(2).any(|b| b.text.contains(title));
    let mut scans: Vec<Scan> = Vec::with_capacity(blocks.len() + 1);
    scans.push(if in_body {
        Scan::default()
    } else {
        gazetteer.find(title)
    });
    scans.extend(blocks.iter().map(|b| {
        let mut scan = gazetteer.find(&b.text);
        // "JEDDAH (UrduPoint / Pakistan Point News)": the outlet's name, not a country.
        scan.mentions
            .retain(|m| !super::frame::in_agency_credit(&b.text, m.start));
        scan
    }));
    resolve_congo(&mut scans);
    let texts = std::iter::once(title).chain(blocks.iter().map(|b| b.text.as_str()));
    drop_surnames(texts.zip(scans.iter_mut()));
    let mut mentions = scans.into_iter().map(|s| s.mentions);
    let title = mentions.next().unwrap_or_default();
    (title, mentions.collect())
}

/// Drops country words that are part of a person's name: "Prime Minister Luis Montenegro",
/// "Deputy Minister Lai Thai Binh". A country's name read as a surname once is the person
/// everywhere in the document ("Montenegro said"), since a story rarely names both.
fn drop_surnames<'a>(scans: impl Iterator<Item = (&'a str, &'a mut Scan)>) {
    let mut scans: Vec<(&str, &mut Scan)> = scans.collect();
    let mut surnames: Vec<&str> = Vec::new();
    for (text, scan) in &mut scans {
        scan.mentions.retain(|m| {
            let named = in_person_name(text, m);
            if named && m.kind == MentionKind::Name {
                surnames.push(&text[m.start..m.end]);
            }
            !named
        });
    }
    if surnames.is_empty() {
        return;
    }
    for (text, scan) in &mut scans {
        scan.mentions
            .retain(|m| m.kind != MentionKind::Name || !surnames.contains(&&text[m.start..m.end]));
    }
}

/// Whether the mention follows a title and a given name: "Minister Luis ⟨Montenegro⟩". A
/// demonym there must also be followed by a name ("Minister Lai ⟨Thai⟩ Binh"), since "the
/// Royal Thai Navy" puts an adjective in the same place.
fn in_person_name(text: &str, m: &Mention) -> bool {
    let mut before = text[..m.start].split(' ').rev();
    if before.next() != Some("") {
        return false;
    }
    let given: Vec<&str> = before.by_ref().take(3).collect();
    // "President Joe Biden's Viet Nam visit": a possessive closes the name before it.
    if given
        .first()
        .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
    {
        return false;
    }
    let Some(title_at) = given.iter().position(|w| is_title_word(w)) else {
        return false;
    };
    let names = &given[..title_at];
    if names.is_empty() || !names.iter().all(|w| is_given_name(w)) {
        return false;
    }
    let next = text[m.end..]
        .strip_prefix(' ')
        .and_then(|r| r.split([' ', ',', '.', ';', ':']).next())
        .unwrap_or("");
    match m.kind {
        MentionKind::Name => !is_title_word(next),
        MentionKind::Demonym => is_given_name(next),
    }
}

fn is_title_word(word: &str) -> bool {
    HONORIFICS.contains(word) || super::people::is_role_word(&word.to_lowercase())
}

/// A capitalised word that could be a given name: not a title's, an organisation's or a
/// portfolio's word.
fn is_given_name(word: &str) -> bool {
    let mut chars = word.chars();
    if !chars.next().is_some_and(char::is_uppercase)
        || !chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
    {
        return false;
    }
    let lower = word.to_lowercase();
    ![
        &ROLE_NOUNS,
        &ROLE_MODIFIERS,
        &PORTFOLIO_WORDS,
        &ORGANISATION_WORDS,
        &NOT_NAME_WORDS,
    ]
    .iter()
    .any(|set| set.contains(&lower))
}

/// Mentions per country.
pub fn count(per_block: &[Vec<Mention>]) -> BTreeMap<CountryCode, usize> {
    let mut counts = BTreeMap::new();
    for m in per_block.iter().flatten() {
        *counts.entry(m.code).or_insert(0) += 1;
    }
    counts
}

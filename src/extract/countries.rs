//! Country mentions in a document's blocks, with the Congo convention applied document-wide.

use std::collections::BTreeMap;

use crate::gazetteer::{CountryCode, Gazetteer, Mention, Scan, resolve_congo};
use crate::ingest::Block;

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
    let mut mentions = scans.into_iter().map(|s| s.mentions);
    let title = mentions.next().unwrap_or_default();
    (title, mentions.collect())
}

/// Mentions per country.
pub fn count(per_block: &[Vec<Mention>]) -> BTreeMap<CountryCode, usize> {
    let mut counts = BTreeMap::new();
    for m in per_block.iter().flatten() {
        *counts.entry(m.code).or_insert(0) += 1;
    }
    counts
}

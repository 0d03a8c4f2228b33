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

/// Mentions per country.
pub fn count(per_block: &[Vec<Mention>]) -> BTreeMap<CountryCode, usize> {
    let mut counts = BTreeMap::new();
    for m in per_block.iter().flatten() {
        *counts.entry(m.code).or_insert(0) += 1;
    }
    counts
}

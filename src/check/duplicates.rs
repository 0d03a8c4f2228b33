//! Near-duplicate documents: the same story filed twice, or a wire copy with a changed
//! dateline. Two documents are near-duplicates when the Jaccard similarity of their sets of
//! word 3-shingles (three consecutive words, case-folded) is at least [`THRESHOLD`].
//!
//! Comparing every pair is quadratic (50 million pairs at 10,000 documents), so candidates
//! come from MinHash signatures cut into LSH bands: documents that agree on every row of
//! some band share a bucket. With [`BANDS`] bands of [`ROWS`] rows a pair at similarity 0.8
//! becomes a candidate with probability 1 − (1 − 0.8⁸)³² ≈ 0.997, a pair at 0.5 with
//! probability ≈ 0.12 and one at 0.3 ≈ 0.002, so stories built on the same template (which
//! wire copy often is) seldom need a closer look. Every candidate is then confirmed on the
//! exact shingle sets, so no estimate ever reaches the report.
//!
//! The signature is one-permutation MinHash with rotation densification (Li, Owen and Zhang
//! 2012; Shrivastava and Li 2014): each shingle is hashed once and kept as the minimum of the
//! bin its hash falls in, and an empty bin borrows from the next full one. That costs one hash
//! per shingle instead of one per shingle per row, and estimates Jaccard as well. The MinHash
//! Rust crates we looked at were early releases marked "use at your own risk", and the
//! technique fits in a page.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

/// The Jaccard similarity at and above which two documents are reported.
pub const THRESHOLD: f64 = 0.8;
/// Words per shingle.
pub const SHINGLE_WORDS: usize = 3;
/// LSH bands.
pub const BANDS: usize = 32;
/// MinHash rows per band.
pub const ROWS: usize = 8;

/// Two documents (indices into the texts given) and their exact shingle similarity.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The first document.
    pub a: usize,
    /// The second document (`a < b`).
    pub b: usize,
    /// Jaccard similarity of their shingle sets, at least [`THRESHOLD`].
    pub similarity: f64,
}

/// Every pair of near-duplicate texts, ordered by `(a, b)`.
pub fn find(texts: &[&str]) -> Vec<Pair> {
    let sets: Vec<Vec<u64>> = texts.par_iter().map(|t| shingles(t)).collect();
    let signatures: Vec<Option<Vec<u64>>> = sets.par_iter().map(|s| signature(s)).collect();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (i, sig) in signatures.iter().enumerate() {
        let Some(sig) = sig else { continue };
        for (band, rows) in sig.chunks(ROWS).enumerate() {
            buckets.entry((band, hash(rows))).or_default().push(i);
        }
    }
    let mut candidates: Vec<(usize, usize)> = buckets
        .values()
        .filter(|docs| docs.len() > 1)
        .flat_map(|docs| {
            docs.iter()
                .enumerate()
                .flat_map(move |(k, &a)| docs[k + 1..].iter().map(move |&b| (a, b)))
        })
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates
        .into_par_iter()
        .filter_map(|(a, b)| {
            // The signatures' agreement estimates the similarity to within a few hundredths
            // (256 bins); only pairs that could plausibly reach the threshold pay for the
            // exact comparison.
            let (Some(x), Some(y)) = (&signatures[a], &signatures[b]) else {
                return None;
            };
            let agree = x.iter().zip(y).filter(|(p, q)| p == q).count();
            if (agree as f64) < (THRESHOLD - 0.2) * x.len() as f64 {
                return None;
            }
            let similarity = jaccard(&sets[a], &sets[b]);
            (similarity >= THRESHOLD).then_some(Pair { a, b, similarity })
        })
        .collect()
}

/// The hashed word shingles of `text`, sorted and without repeats. A text shorter than one
/// shingle is one shingle of all its words, so two identical one-line documents still match.
fn shingles(text: &str) -> Vec<u64> {
    // Words are hashed case-folded without building a lowered copy of the text.
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.is_ascii() {
                fnv1a(w.bytes().map(|b| b.to_ascii_lowercase()))
            } else {
                fnv1a(w.to_lowercase().bytes())
            }
        })
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let width = SHINGLE_WORDS.min(words.len());
    let mut out: Vec<u64> = words
        .windows(width)
        // Rotating by position keeps "a b c" and "c b a" apart.
        .map(|w| {
            w.iter()
                .enumerate()
                .fold(0, |acc, (i, &h)| mix(acc ^ h.rotate_left(21 * i as u32)))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The one-permutation MinHash signature of a shingle set; `None` for an empty set.
fn signature(set: &[u64]) -> Option<Vec<u64>> {
    const BINS: usize = BANDS * ROWS;
    if set.is_empty() {
        return None;
    }
    let mut bins = vec![None; BINS];
    for &h in set {
        let m = mix(h);
        // The high bits choose the bin (a fast, unbiased range reduction); the whole hash
        // competes for its minimum.
        let bin = (((m >> 32) * BINS as u64) >> 32) as usize;
        let slot: &mut Option<u64> = &mut bins[bin];
        *slot = Some(slot.map_or(m, |v| v.min(m)));
    }
    // Rotation: an empty bin takes the next full bin's value (circularly), offset by the
    // distance so that borrowed values differ from the bin they came from.
    Some(
        (0..BINS)
            .map(|i| {
                (0..BINS)
                    .find_map(|d| bins[(i + d) % BINS].map(|v| (v, d as u64)))
                    .map_or(u64::MAX, |(v, d)| {
                        mix(v ^ d.wrapping_mul(0x9E37_79B9_7F4A_7C15))
                    })
            })
            .collect(),
    )
}

/// The SplitMix64 finaliser: a cheap bijection that scatters nearby inputs.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// FNV-1a: a fast hash for short keys such as words; [`mix`] spreads it further.
fn fnv1a(bytes: impl Iterator<Item = u8>) -> u64 {
    bytes.fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A hash that is the same in every run (the standard hasher with its fixed default keys).
fn hash<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Jaccard similarity of two sorted sets without repeats.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Kenya and Ghana signed a framework agreement on trade in Nairobi on \
        Saturday after two years of negotiations. The agreement lowers tariffs on farm goods and \
        sets up a joint committee that will report to both governments every year. Officials \
        said the first meeting of the committee would take place in Accra in June, and that \
        exporters of cocoa, tea and cut flowers stood to gain the most from the new rules.";

    #[test]
    fn a_copy_with_a_new_dateline_is_a_near_duplicate_and_another_story_is_not() {
        let copy = format!("NAIROBI, March 3 (Reuters) - {STORY}");
        let other = "Niger and Türkiye signed a memorandum of understanding on mineral \
            exploration and mining in Istanbul, the energy ministry said on Tuesday, adding \
            that teams would visit uranium and gold sites later this year.";
        let pairs = find(&[STORY, other, &copy]);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!((pairs[0].a, pairs[0].b), (0, 2));
        assert!(pairs[0].similarity >= THRESHOLD && pairs[0].similarity < 1.0);
    }

    #[test]
    fn documents_sharing_some_sentences_are_not_near_duplicates() {
        let half = &STORY[..STORY.len() / 2];
        let other = format!(
            "{half} Separately, Nigeria and Benin discussed a railway line linking Lagos and \
             Cotonou, and a customs post at Seme that traders have long asked for."
        );
        assert!(find(&[STORY, &other]).is_empty());
    }

    #[test]
    fn short_documents_match_only_when_their_words_do() {
        let pairs = find(&[
            "Kenya.",
            "Ghana votes",
            "KENYA",
            "Ghana votes today",
            "votes Ghana",
        ]);
        let found: Vec<(usize, usize)> = pairs.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(found, [(0, 2)]);
    }

    #[test]
    fn many_distinct_documents_give_no_pairs_and_empty_ones_are_ignored() {
        let texts: Vec<String> = (0..300)
            .map(|i| {
                (0..60)
                    .map(|j| format!("w{}", (i * 7919 + j * 104_729) % 100_003))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let mut refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        refs.push("");
        refs.push("  ,, ");
        assert!(find(&refs).is_empty());
    }
}

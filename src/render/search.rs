//! The offline search index: `search-index.js`, a script that sets `window.BRIEFING_SEARCH`,
//! loaded by `search.html` with `<script src>` so it works from `file://` (browsers block
//! `fetch` there). Words are folded (accents stripped, lowercase) the way `search.js` folds the
//! query, so "Turkiye" finds "Türkiye". Each word maps to the documents that contain it, as
//! base-36 gaps between document numbers: compact enough for 10,000 documents.
//!
//! The text that result snippets are cut from stays out of the index: it goes into shard
//! scripts, `search-text-<n>.js`, [`SHARD`] documents each (document number `d` is entry
//! `d % SHARD` of shard `d / SHARD`), which `search.js` loads with `<script src>` only for the
//! results it shows. Each entry is the document's blocks as `[paragraph id, text]` pairs, cut
//! after [`TEXT_CAP`] bytes, so a snippet can link to the paragraph it quotes.

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::RenderError;
use crate::gazetteer::Gazetteer;
use crate::model::Corpus;
use crate::output::Sink;

/// Words too common to search for; they would only make the index bigger. Sorted.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "each",
    "for", "from", "had", "has", "have", "he", "her", "his", "how", "if", "in", "into", "is", "it",
    "its", "more", "most", "no", "not", "of", "on", "one", "or", "other", "our", "out", "over",
    "said", "says", "she", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "under", "up", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "will", "with", "would", "you",
];

/// [title, url, summary, date, country codes, agreement statuses] of one document.
type DocEntry = (
    String,
    String,
    String,
    Option<String>,
    Vec<String>,
    Vec<&'static str>,
);

/// Documents per text shard.
pub const SHARD: usize = 100;

/// Bytes of text per document in the shards, at most (the last block kept is cut at a word).
/// A match further in is shown with the summary instead of a snippet.
pub const TEXT_CAP: usize = 3000;

#[derive(Serialize)]
struct Index {
    /// [title, url, summary, date, country codes, agreement statuses] per document.
    docs: Vec<DocEntry>,
    /// [name, url, code] per country.
    countries: Vec<(String, String, String)>,
    /// [title, url, status, party codes] per agreement.
    agreements: Vec<(String, String, &'static str, Vec<String>)>,
    /// [name, url, country or organisation] per person.
    people: Vec<(String, String, String)>,
    /// Folded word → base-36 gaps between the numbers of the documents that contain it.
    words: BTreeMap<String, String>,
    /// Words left out of `words`: the query ignores them too.
    stopwords: &'static [&'static str],
    /// Documents per text shard (`search-text-<n>.js`).
    shard: usize,
}

/// Folds text the way `search.js` does: NFD, marks removed, lowercase.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Appends the folded form of `text` to `out`, followed by a space.
fn add_folded(text: &str, out: &mut String) {
    // Most text is ASCII, where folding is lowercasing; skip the Unicode pipeline for it.
    if text.is_ascii() {
        out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        out.push_str(&fold(text));
    }
    out.push(' ');
}

/// Every searchable word of one document: its texts folded into one buffer, and the byte
/// ranges of its words in that buffer, sorted by word and without repeats. Words stay slices
/// of the buffer, so a word is only allocated when the postings first meet it.
fn document_words(corpus: &Corpus, doc: &crate::model::Document) -> (String, Vec<Range<usize>>) {
    let g = Gazetteer::global();
    let mut folded = String::new();
    add_folded(&doc.source.title, &mut folded);
    add_folded(&doc.source.summary, &mut folded);
    for b in &doc.source.blocks {
        add_folded(&b.text, &mut folded);
    }
    for c in &doc.extraction.countries {
        if let Some(country) = g.get(c.code) {
            add_folded(&country.name, &mut folded);
        }
    }
    for p in &doc.extraction.people {
        add_folded(&p.name, &mut folded);
    }
    for &a in &doc.agreements {
        add_folded(&corpus.agreements[a].title, &mut folded);
    }
    let mut words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .collect();
    words.sort_unstable();
    words.dedup();
    // Filtered after the dedup, so each distinct word is looked up once.
    words.retain(|w| w.chars().nth(1).is_some() && STOPWORDS.binary_search(w).is_err());
    // Each word is a slice of `folded`: its range is where it starts in the buffer.
    let ranges = words
        .iter()
        .map(|w| {
            let start = w.as_ptr() as usize - folded.as_ptr() as usize;
            start..start + w.len()
        })
        .collect();
    (folded, ranges)
}

/// Documents whose words are gathered in parallel at a time; bounds the memory held by words
/// not yet merged into the postings.
const CHUNK: usize = 512;

/// Word → numbers (in `newest_first` order) of the documents that contain it, increasing.
fn postings(corpus: &Corpus) -> BTreeMap<String, Vec<u32>> {
    let mut map: std::collections::HashMap<String, Vec<u32>> = Default::default();
    for (c, chunk) in corpus.newest_first.chunks(CHUNK).enumerate() {
        let per_doc: Vec<(String, Vec<Range<usize>>)> = chunk
            .par_iter()
            .map(|&d| document_words(corpus, &corpus.documents[d]))
            .collect();
        for (i, (folded, words)) in per_doc.iter().enumerate() {
            let n = (c * CHUNK + i) as u32;
            for r in words {
                let w = &folded[r.clone()];
                match map.get_mut(w) {
                    Some(list) => list.push(n),
                    None => {
                        map.insert(w.to_string(), vec![n]);
                    }
                }
            }
        }
    }
    map.into_iter().collect()
}

/// Appends `n` in base 36 to `out`.
fn push_base36(out: &mut String, mut n: u32) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut buf = [0u8; 7];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.extend(buf[i..].iter().map(|&b| b as char));
}

/// A postings list as base-36 gaps joined by dots.
fn encode_gaps(list: &[u32]) -> String {
    let mut out = String::with_capacity(list.len() * 2);
    let mut prev = 0;
    for (i, &d) in list.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        push_base36(&mut out, d - prev);
        prev = d;
    }
    out
}

/// Writes `search-index.js` and the text shards.
pub fn write(corpus: &Corpus, sink: &dyn Sink) -> Result<(), RenderError> {
    let (index, shards) = rayon::join(
        || write_index(corpus, sink),
        || write_text_shards(corpus, sink),
    );
    index.and(shards)
}

/// Writes `search-index.js`.
pub fn write_index(corpus: &Corpus, sink: &dyn Sink) -> Result<(), RenderError> {
    let g = Gazetteer::global();
    let name = |c: crate::gazetteer::CountryCode| {
        g.get(c).map_or_else(|| c.to_string(), |x| x.name.clone())
    };
    let mut docs = Vec::with_capacity(corpus.documents.len());
    for &d in &corpus.newest_first {
        let doc = &corpus.documents[d];
        let mut statuses: Vec<&'static str> = Vec::new();
        for &a in &doc.agreements {
            let status = corpus.agreements[a].status.as_str();
            if !statuses.contains(&status) {
                statuses.push(status);
            }
        }
        docs.push((
            doc.source.title.clone(),
            doc.url(),
            doc.source.summary.clone(),
            doc.date().map(|x| x.to_string()),
            doc.extraction
                .countries
                .iter()
                .map(|c| c.code.to_string())
                .collect(),
            statuses,
        ));
    }
    let words = postings(corpus)
        .into_iter()
        .map(|(w, list)| {
            let gaps = encode_gaps(&list);
            (w, gaps)
        })
        .collect();
    let index = Index {
        docs,
        countries: corpus
            .countries
            .iter()
            .map(|c| (name(c.code), c.url(), c.code.to_string()))
            .collect(),
        agreements: corpus
            .agreements
            .iter()
            .map(|a| {
                (
                    a.title.clone(),
                    a.url(),
                    a.status.as_str(),
                    a.parties.iter().map(|c| c.to_string()).collect(),
                )
            })
            .collect(),
        people: corpus
            .people
            .nodes
            .iter()
            .map(|p| {
                (
                    p.name.clone(),
                    p.url(),
                    p.affiliation.label().unwrap_or_default(),
                )
            })
            .collect(),
        words,
        stopwords: STOPWORDS,
        shard: SHARD,
    };
    sink.write_stream("search-index.js", &mut |w| {
        w.write_all(b"window.BRIEFING_SEARCH = ")?;
        serde_json::to_writer(&mut *w, &index).map_err(std::io::Error::from)?;
        w.write_all(b";\n")
    })?;
    Ok(())
}

/// The name of text shard `n`.
pub fn shard_name(n: usize) -> String {
    format!("search-text-{n}.js")
}

/// A document's blocks as `(paragraph id, text)`, cut after `cap` bytes of text: the block
/// that crosses it ends at the last whole word before it, and later blocks are left out.
fn document_text(blocks: &[crate::ingest::blocks::Block], cap: usize) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut left = cap;
    for b in blocks {
        let text = b.text.trim();
        if text.is_empty() {
            continue;
        }
        if text.len() <= left {
            out.push((b.id.as_str(), text));
            left -= text.len();
            continue;
        }
        let mut end = left;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        // Cut at a word: before the last space up to the cap (a word that ends right at the
        // cap is dropped too; it does not matter for a snippet).
        let cut = text[..end].rfind(char::is_whitespace).unwrap_or(0);
        let part = text[..cut].trim_end();
        if !part.is_empty() {
            out.push((b.id.as_str(), part));
        }
        break;
    }
    out
}

/// Writes `search-text-<n>.js`: each a script that sets `window.BRIEFING_TEXT_<n>` to the texts
/// of [`SHARD`] documents in `newest_first` order. Shards are drawn and written in parallel.
pub fn write_text_shards(corpus: &Corpus, sink: &dyn Sink) -> Result<(), RenderError> {
    corpus
        .newest_first
        .par_chunks(SHARD)
        .enumerate()
        .try_for_each(|(n, chunk)| {
            let texts: Vec<Vec<(&str, &str)>> = chunk
                .iter()
                .map(|&d| document_text(&corpus.documents[d].source.blocks, TEXT_CAP))
                .collect();
            let mut buf = Vec::with_capacity(chunk.len() * (TEXT_CAP + 400));
            buf.extend_from_slice(format!("window.BRIEFING_TEXT_{n} = ").as_bytes());
            serde_json::to_writer(&mut buf, &texts).map_err(|e| RenderError::Data {
                name: shard_name(n),
                message: e.to_string(),
            })?;
            buf.extend_from_slice(b";\n");
            sink.write(&shard_name(n), &buf)?;
            Ok(())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_matches_the_browser() {
        assert_eq!(fold("Türkiye’s İstanbul"), "turkiye’s istanbul");
        assert_eq!(fold("CÔTE"), "cote");
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn shard_text_keeps_paragraph_ids_and_stops_at_the_cap_on_a_word() {
        let md = "# Title\n\n## Talks in Niamey\n\nTürkiye and Niger signed a deal.\n\nSecond paragraph here.\n";
        let (doc, _) = crate::ingest::parse("a.md".into(), md, crate::ingest::Format::Markdown);
        let doc = doc.unwrap();
        let ids: Vec<&str> = doc.blocks.iter().map(|b| b.id.as_str()).collect();
        let all = document_text(&doc.blocks, TEXT_CAP);
        assert_eq!(all.iter().map(|(id, _)| *id).collect::<Vec<_>>(), ids);
        assert!(
            all.iter()
                .any(|(_, t)| *t == "Türkiye and Niger signed a deal.")
        );
        // "Talks in Niamey" (15 bytes) fits; the next block is cut before "deal." and the
        // third is left out. "Türkiye" is 8 bytes: no cut inside a character.
        let cut = document_text(&doc.blocks, 15 + 28);
        assert_eq!(cut.len(), 2);
        assert_eq!(cut[1].1, "Türkiye and Niger signed a");
        let tiny = document_text(&doc.blocks, 15 + 3);
        assert_eq!(
            tiny.len(),
            1,
            "a cut that leaves no whole word drops the block"
        );
    }

    #[test]
    fn gaps_in_base36() {
        assert_eq!(encode_gaps(&[0]), "0");
        assert_eq!(encode_gaps(&[35]), "z");
        assert_eq!(encode_gaps(&[36, 40, 76]), "10.4.10");
    }
}

//! The offline search index: `search-index.js`, a script that sets `window.BRIEFING_SEARCH`,
//! loaded by `search.html` with `<script src>` so it works from `file://` (browsers block
//! `fetch` there). Words are folded (accents stripped, lowercase) the way `search.js` folds the
//! query, so "Turkiye" finds "Türkiye". Each word maps to the documents that contain it, as
//! base-36 gaps between document numbers: compact enough for 10,000 documents.

use std::collections::BTreeMap;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::RenderError;
use crate::gazetteer::Gazetteer;
use crate::model::Corpus;
use crate::output::Sink;

/// Words too common to search for; they would only make the index bigger.
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

#[derive(Serialize)]
struct Index {
    /// [title, url, summary, date, country codes, agreement statuses] per document.
    docs: Vec<DocEntry>,
    /// [name, url, code] per country.
    countries: Vec<(String, String, String)>,
    /// [title, url, status, party codes] per agreement.
    agreements: Vec<(String, String, &'static str, Vec<String>)>,
    /// Folded word → base-36 gaps between the numbers of the documents that contain it.
    words: BTreeMap<String, String>,
}

/// Folds text the way `search.js` does: NFD, marks removed, lowercase.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn add_words(text: &str, doc: u32, postings: &mut BTreeMap<String, Vec<u32>>) {
    for word in fold(text).split(|c: char| !c.is_alphanumeric()) {
        if word.chars().count() < 2 || STOPWORDS.contains(&word) {
            continue;
        }
        let list = postings.entry(word.to_string()).or_default();
        if list.last() != Some(&doc) {
            list.push(doc);
        }
    }
}

fn base36(mut n: u32) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Writes `search-index.js`.
pub fn write(corpus: &Corpus, sink: &dyn Sink) -> Result<(), RenderError> {
    let g = Gazetteer::global();
    let name = |c: crate::gazetteer::CountryCode| {
        g.get(c).map_or_else(|| c.to_string(), |x| x.name.clone())
    };
    let mut postings: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut docs = Vec::with_capacity(corpus.documents.len());
    for (i, &d) in corpus.newest_first.iter().enumerate() {
        let doc = &corpus.documents[d];
        let n = i as u32;
        add_words(&doc.source.title, n, &mut postings);
        add_words(&doc.source.summary, n, &mut postings);
        for b in &doc.source.blocks {
            add_words(&b.text, n, &mut postings);
        }
        for c in &doc.extraction.countries {
            add_words(&name(c.code), n, &mut postings);
        }
        for p in &doc.extraction.people {
            add_words(&p.name, n, &mut postings);
        }
        let mut statuses: Vec<&'static str> = Vec::new();
        for &a in &doc.agreements {
            let a = &corpus.agreements[a];
            add_words(&a.title, n, &mut postings);
            if !statuses.contains(&a.status.as_str()) {
                statuses.push(a.status.as_str());
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
    let words = postings
        .into_iter()
        .map(|(w, list)| {
            let mut prev = 0;
            let gaps: Vec<String> = list
                .iter()
                .map(|&d| {
                    let gap = d - prev;
                    prev = d;
                    base36(gap)
                })
                .collect();
            (w, gaps.join("."))
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
        words,
    };
    let json = serde_json::to_string(&index).map_err(|e| RenderError::Data {
        name: "search-index.js".into(),
        message: e.to_string(),
    })?;
    let script = format!("window.BRIEFING_SEARCH = {json};\n");
    sink.write("search-index.js", script.as_bytes())?;
    Ok(())
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
    fn gaps_in_base36() {
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
    }
}

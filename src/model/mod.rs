//! Model: the corpus graph. Joins every document with its extraction, gives documents and
//! agreements their stable slugs, merges the same agreement reported by several documents,
//! and indexes countries — everything the renderer needs, computed before any page is drawn.
//!
//! Entry point: [`build`]. Lists are in a fixed order so output is deterministic.

mod agreements;
pub mod people;
pub mod permalinks;
pub mod timeline;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::extract::Extraction;
use crate::gazetteer::{CountryCode, Gazetteer};
use crate::ingest::SourceDoc;
use crate::slug::{AnchorId, Slug, hash_hex};
use crate::terms::{AgreementKind, AgreementStatus, Date};

/// A document with its slug and what was extracted from it.
#[derive(Debug)]
pub struct Document {
    /// As read (shared with the cache of an incremental session).
    pub source: Arc<SourceDoc>,
    /// Slug of its page.
    pub slug: Slug,
    /// Countries, people, snippets (shared like `source`).
    pub extraction: Arc<Extraction>,
    /// Indices into [`Corpus::agreements`], by slug.
    pub agreements: Vec<usize>,
}

impl Document {
    /// The page, relative to the site root.
    pub fn url(&self) -> String {
        format!("documents/{}.html", self.slug)
    }

    /// Publication date: front matter's, else the date the text gives itself.
    pub fn date(&self) -> Option<Date> {
        self.source.front.date.or(self.extraction.date)
    }
}

/// A country that some document mentions.
#[derive(Debug)]
pub struct CountryNode {
    /// The country.
    pub code: CountryCode,
    /// Indices into [`Corpus::documents`], newest first.
    pub documents: Vec<usize>,
    /// Indices into [`Corpus::agreements`] it is party to, by status then slug.
    pub agreements: Vec<usize>,
    /// Countries mentioned in the same documents, with how many documents they share.
    pub related: Vec<(CountryCode, usize)>,
    /// People who represent it (indices into [`Corpus::people`]), by name.
    pub people: Vec<usize>,
    /// Total mentions across documents.
    pub mentions: usize,
}

impl CountryNode {
    /// The page, relative to the site root.
    pub fn url(&self) -> String {
        country_url(self.code)
    }
}

/// The page of a country, relative to the site root.
pub fn country_url(code: CountryCode) -> String {
    let slug = Gazetteer::global().get(code).map_or_else(
        || code.as_str().to_ascii_lowercase(),
        |c| c.slug.to_string(),
    );
    format!("countries/{slug}.html")
}

/// A sentence supporting an agreement, in one document.
#[derive(Debug, Clone)]
pub struct AgreementEvidence {
    /// Index into [`Corpus::documents`].
    pub document: usize,
    /// Paragraph id in that document.
    pub block: AnchorId,
    /// Status this sentence gives.
    pub status: AgreementStatus,
    /// The sentence.
    pub text: String,
}

/// One agreement, merged across the documents that report it.
#[derive(Debug, Clone)]
pub struct Agreement {
    /// Stable slug: parties, kind, topic.
    pub slug: Slug,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: AgreementKind,
    /// Status as of the latest document.
    pub status: AgreementStatus,
    /// Countries party to it, sorted by code.
    pub parties: Vec<CountryCode>,
    /// Organisations party to it.
    pub organisations: Vec<String>,
    /// Subject matter.
    pub topic: Option<String>,
    /// Signatories.
    pub signatories: Vec<String>,
    /// Place.
    pub place: Option<String>,
    /// Date.
    pub date: Option<Date>,
    /// Indices into [`Corpus::documents`] that report it, oldest first.
    pub documents: Vec<usize>,
    /// Every supporting sentence.
    pub evidence: Vec<AgreementEvidence>,
}

impl Agreement {
    /// The page, relative to the site root.
    pub fn url(&self) -> String {
        format!("agreements/{}.html", self.slug)
    }
}

/// The whole briefing.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Documents by path.
    pub documents: Vec<Document>,
    /// Indices into `documents`, newest first (undated last, then by path).
    pub newest_first: Vec<usize>,
    /// Countries mentioned anywhere, by code.
    pub countries: Vec<CountryNode>,
    /// Agreements by slug.
    pub agreements: Vec<Agreement>,
    /// People by slug.
    pub people: people::People,
    /// Dated documents and agreements, latest first, and the undated ones.
    pub timeline: timeline::Timeline,
    /// Old URLs that redirect or say their entity is gone, and the record of published URLs
    /// (empty until [`permalinks::resolve`] runs).
    pub permalinks: permalinks::Permalinks,
    /// The seeds folder's files that are not documents, by seeds-relative path, sorted: what
    /// documents may link or embed (empty until the caller sets it from ingest's listing).
    pub files: Vec<String>,
}

impl Corpus {
    /// The country node for a code, if any document mentions it.
    pub fn country(&self, code: CountryCode) -> Option<&CountryNode> {
        self.countries
            .binary_search_by_key(&code, |c| c.code)
            .ok()
            .map(|i| &self.countries[i])
    }
}

/// Builds the corpus from documents (in path order) and their extractions (same order).
pub fn build(sources: Vec<SourceDoc>, extractions: Vec<Extraction>) -> Corpus {
    build_shared(
        sources.into_iter().map(Arc::new).collect(),
        extractions.into_iter().map(Arc::new).collect(),
    )
}

/// [`build`] from shared documents, which an incremental session keeps between builds
/// instead of copying them.
pub fn build_shared(sources: Vec<Arc<SourceDoc>>, extractions: Vec<Arc<Extraction>>) -> Corpus {
    let slugs = document_slugs(&sources);
    let mut documents: Vec<Document> = sources
        .into_iter()
        .zip(extractions)
        .zip(slugs)
        .map(|((source, extraction), slug)| Document {
            source,
            slug,
            extraction,
            agreements: Vec::new(),
        })
        .collect();
    let mut newest_first: Vec<usize> = (0..documents.len()).collect();
    newest_first.sort_by(|&a, &b| {
        let (da, db) = (documents[a].date(), documents[b].date());
        db.cmp(&da)
            .then_with(|| documents[a].source.path.cmp(&documents[b].source.path))
    });
    let agreements = agreements::merge(&documents, &newest_first);
    for (i, a) in agreements.iter().enumerate() {
        for &d in &a.documents {
            documents[d].agreements.push(i);
        }
    }
    let people = people::build(&documents, &newest_first, &agreements);
    let countries = countries(&documents, &newest_first, &agreements, &people);
    let timeline = timeline::Timeline::build(&documents, &agreements);
    Corpus {
        documents,
        newest_first,
        countries,
        agreements,
        people,
        timeline,
        permalinks: permalinks::Permalinks::default(),
        files: Vec::new(),
    }
}

/// Slugs from titles (or the `slug` key); documents that share one all get a suffix from a
/// hash of their path, so no slug depends on which other documents exist or their order.
fn document_slugs(sources: &[Arc<SourceDoc>]) -> Vec<Slug> {
    let base: Vec<Slug> = sources
        .iter()
        .map(|s| {
            let wanted = s.front.slug.as_deref().unwrap_or(&s.title);
            let slug = Slug::from_text_or(wanted, "document");
            if is_reserved(&slug) {
                slug.with_suffix("doc")
            } else {
                slug
            }
        })
        .collect();
    let mut slugs = base;
    // A shared slug gets a suffix from each document's path; a title that happens to end in
    // such a suffix, or two paths whose short hashes agree, can collide again, so repeat with
    // ever longer hashes (paths are unique, so their full hashes differ) until all are unique.
    for round in 1.. {
        let mut count: HashMap<Slug, usize> = HashMap::new();
        for s in &slugs {
            *count.entry(s.clone()).or_insert(0) += 1;
        }
        // Equal paths cannot be told apart by any hash: stop once the full hash is used.
        if count.values().all(|&n| n == 1) || 6 * round > 40 {
            return slugs;
        }
        slugs = slugs
            .iter()
            .zip(sources)
            .map(|(slug, s)| {
                if count[slug] > 1 {
                    slug.with_suffix(&hash_hex(&s.path, 6 * round))
                } else {
                    slug.clone()
                }
            })
            .collect();
    }
    slugs
}

/// Names the documents folder uses for its own index pages.
fn is_reserved(slug: &Slug) -> bool {
    let s = slug.as_str();
    s == "index"
        || s.strip_prefix("page-")
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
}

fn countries(
    documents: &[Document],
    newest_first: &[usize],
    agreements: &[Agreement],
    people: &people::People,
) -> Vec<CountryNode> {
    let mut nodes: BTreeMap<CountryCode, CountryNode> = BTreeMap::new();
    let mut pairs: HashMap<(CountryCode, CountryCode), usize> = HashMap::new();
    for &d in newest_first {
        let ex = &documents[d].extraction;
        for c in &ex.countries {
            let node = nodes.entry(c.code).or_insert_with(|| CountryNode {
                code: c.code,
                documents: Vec::new(),
                agreements: Vec::new(),
                related: Vec::new(),
                people: Vec::new(),
                mentions: 0,
            });
            node.documents.push(d);
            node.mentions += c.mentions;
            for other in &ex.countries {
                if other.code != c.code {
                    *pairs.entry((c.code, other.code)).or_insert(0) += 1;
                }
            }
        }
    }
    for (i, a) in agreements.iter().enumerate() {
        for code in &a.parties {
            if let Some(node) = nodes.get_mut(code) {
                node.agreements.push(i);
            }
        }
    }
    for (i, p) in people.nodes.iter().enumerate() {
        if let Some(node) = p.country().and_then(|c| nodes.get_mut(&c)) {
            node.people.push(i);
        }
    }
    for ((a, b), n) in pairs {
        if let Some(node) = nodes.get_mut(&a) {
            node.related.push((b, n));
        }
    }
    let mut out: Vec<CountryNode> = nodes.into_values().collect();
    for node in &mut out {
        node.related
            .sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        node.agreements.sort_by(|&x, &y| {
            agreements[y]
                .status
                .cmp(&agreements[x].status)
                .then(x.cmp(&y))
        });
        node.people.sort_by(|&x, &y| {
            people.nodes[x]
                .name
                .cmp(&people.nodes[y].name)
                .then(x.cmp(&y))
        });
    }
    out
}

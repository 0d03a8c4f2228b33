//! Permalinks: every URL a build has published keeps working in every later build.
//!
//! The project keeps a [`Record`] of the URLs it has published, each with what identifies the
//! entity behind it (a document's path, text and title; a country's code; an agreement's
//! evidence sentences). [`resolve`] matches that record against a freshly built corpus: a URL
//! still showing its entity stays, a URL whose entity moved (a new title, new parties, two
//! records merged) becomes a redirect to the entity's page, and a URL whose entity is gone for
//! good becomes a short "gone" page. The record is then brought up to date with the new URLs.
//!
//! Identity is matched on content, never on the URL, because the URL is what changes.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::people::Affiliation;
use super::{Corpus, country_url};
use crate::diagnostics::Diagnostic;
use crate::slug::hash_hex;

/// The record's format version, written into the file.
pub const FORMAT_VERSION: u32 = 1;
/// Evidence sentences remembered per agreement: enough to follow a merge or a split.
const EVIDENCE_KEYS: usize = 8;
/// Hex digits of the hashes in the record.
const HASH_LEN: usize = 12;

/// What kind of page a URL shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A document's page.
    Document,
    /// A country's page.
    Country,
    /// An agreement's page.
    Agreement,
    /// A person's page.
    Person,
    /// A country's briefing pack.
    Pack,
    /// A page the site always has (the timeline, the people index, the briefing's pack).
    Page,
}

impl Kind {
    /// The index page that lists entities of this kind.
    pub fn index_url(self) -> &'static str {
        match self {
            Kind::Document => "documents/index.html",
            Kind::Country => "countries/index.html",
            Kind::Agreement => "agreements/index.html",
            Kind::Person => "people/index.html",
            Kind::Pack => SITE_PACK,
            Kind::Page => "index.html",
        }
    }

    /// The noun a reader sees ("document").
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Document => "document",
            Kind::Country => "country",
            Kind::Agreement => "agreement",
            Kind::Person => "person",
            Kind::Pack => "briefing pack",
            Kind::Page => "page",
        }
    }
}

/// One published URL: the identity of the entity it leads to, and how it leads there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The kind of entity.
    pub kind: Kind,
    /// A document's path in the seeds folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// A hash of a document's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A hash of a document's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A country's ISO code (of a country, of a pack, of the country a person represents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// A person's name as compared (see [`super::people::name_key`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The organisation a person represents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Which of the site's fixed pages ("timeline").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// An agreement's parties (ISO codes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// An agreement's evidence, earliest first: each a hash of the document's path, a dash,
    /// and a hash of the sentence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Where the URL redirects, when its entity has moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The entity is gone: the URL shows a page that says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub gone: bool,
}

impl Entry {
    fn identity(kind: Kind) -> Entry {
        Entry {
            kind,
            path: None,
            text: None,
            title: None,
            code: None,
            name: None,
            organisation: None,
            page: None,
            parties: Vec::new(),
            evidence: Vec::new(),
            to: None,
            gone: false,
        }
    }

    /// Whether the URL showed its entity itself (not a redirect or a gone page).
    pub fn is_served(&self) -> bool {
        self.to.is_none() && !self.gone
    }
}

/// Every URL the project has published, by URL (relative to the site root).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// The URLs, sorted.
    pub urls: BTreeMap<String, Entry>,
}

/// A record file that does not parse.
#[derive(Debug, Clone, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct RecordError {
    /// Line in the file.
    pub line: usize,
    /// Column in the line.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordFile {
    version: u32,
    urls: BTreeMap<String, Entry>,
}

impl Record {
    /// Reads a record written by [`Record::to_json`].
    pub fn parse(text: &str) -> Result<Record, RecordError> {
        let file: RecordFile = serde_json::from_str(text).map_err(|e| RecordError {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        if file.version != FORMAT_VERSION {
            return Err(RecordError {
                line: 1,
                column: 1,
                message: format!(
                    "format version {} is not {FORMAT_VERSION}, the one this briefing writes; upgrade briefing",
                    file.version
                ),
            });
        }
        Ok(Record { urls: file.urls })
    }

    /// The record as JSON with one URL per line, so a change of one URL is a one-line diff.
    pub fn to_json(&self) -> String {
        let mut out = format!("{{\"version\": {FORMAT_VERSION}, \"urls\": {{\n");
        let mut first = true;
        for (url, entry) in &self.urls {
            if !first {
                out.push_str(",\n");
            }
            first = false;
            let key = serde_json::to_string(url).expect("a string serialises");
            let value = serde_json::to_string(entry).expect("an entry serialises");
            out.push_str(&format!("{key}: {value}"));
        }
        out.push_str("\n}}\n");
        out
    }

    /// Adds the entries of `live` (the record of the deployed site): what is deployed wins
    /// over what this checkout remembers.
    pub fn merge(&mut self, live: Record) {
        self.urls.extend(live.urls);
    }
}

/// A page that redirects an old URL to the entity's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// The old URL.
    pub from: String,
    /// The page it leads to.
    pub to: String,
    /// The entity's title, for the visible link.
    pub title: String,
}

/// A URL whose entity is gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gone {
    /// The URL.
    pub url: String,
    /// What it showed.
    pub kind: Kind,
}

/// What [`resolve`] decided.
#[derive(Debug, Clone, Default)]
pub struct Permalinks {
    /// Old URLs that redirect, sorted.
    pub redirects: Vec<Redirect>,
    /// Old URLs whose entity is gone, sorted.
    pub gone: Vec<Gone>,
    /// The record after this build.
    pub record: Record,
    /// Published URLs that stop showing their entity in this build, one line each (what
    /// `build --locked` refuses).
    pub moved: Vec<String>,
    /// Aliases that cannot be honoured.
    pub warnings: Vec<Diagnostic>,
}

/// An entity of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Document(usize),
    Country(usize),
    Agreement(usize),
    Person(usize),
    CountryPack(usize),
    /// One of [`FIXED_PAGES`], by index.
    Page(usize),
}

/// The whole briefing's pack, relative to the site root.
pub const SITE_PACK: &str = "packs/briefing.html";

/// Pages every site has that readers link to, with the name the record knows them by.
const FIXED_PAGES: &[(&str, &str, &str)] = &[
    ("timeline", "timeline.html", "Timeline"),
    ("people", "people/index.html", "People"),
    ("briefing-pack", SITE_PACK, "Briefing pack"),
];

/// A country's pack, relative to the site root.
pub fn country_pack_url(code: crate::gazetteer::CountryCode) -> String {
    let page = country_url(code);
    let slug = page
        .trim_start_matches("countries/")
        .trim_end_matches(".html");
    format!("packs/{slug}.html")
}

mod file;
mod resolve;

pub use file::{PermalinkError, load, save};
pub use resolve::resolve;

/// A key of a document's bytes as they are (a moved file keeps them): CRC-32 and length, a
/// standard checksum that reads the 70 MB of a 10,000-document corpus in milliseconds where
/// SHA-1 takes a tenth of a second; it only has to tell apart documents that lost their path.
fn content_key(text: &str) -> String {
    format!(
        "{:08x}{:06x}",
        crc32fast::hash(text.as_bytes()),
        text.len() & 0xff_ffff
    )
}

/// A short hash of text with case and spacing ignored, so a reflowed line keeps its key.
fn text_key(text: &str) -> String {
    let folded: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    hash_hex(&folded, HASH_LEN)
}

/// An identity as the record keeps it: enough evidence to follow a merge or a split.
fn recorded(e: &Entry) -> Entry {
    into_recorded(e.clone())
}

/// [`recorded`] without a copy.
fn into_recorded(mut e: Entry) -> Entry {
    e.evidence.truncate(EVIDENCE_KEYS);
    e
}

/// Every entity of the corpus with its URL and identity. Drafts are left out of the record,
/// but still listed so that no published URL is silently taken over by one.
fn identities(c: &Corpus) -> Vec<(Target, String, Entry, bool)> {
    let docs = c.documents.par_iter().enumerate().map(|(i, d)| {
        let mut e = Entry::identity(Kind::Document);
        e.path = Some(d.source.path.clone());
        e.text = Some(content_key(&d.source.markdown));
        e.title = Some(text_key(&d.source.title));
        (Target::Document(i), d.url(), e, d.source.front.draft)
    });
    let countries = c.countries.par_iter().enumerate().map(|(i, n)| {
        let mut e = Entry::identity(Kind::Country);
        e.code = Some(n.code.as_str().to_string());
        let draft = n.documents.iter().all(|&d| is_draft(c, d));
        (Target::Country(i), country_url(n.code), e, draft)
    });
    let agreements = c.agreements.par_iter().enumerate().map(|(i, a)| {
        let mut e = Entry::identity(Kind::Agreement);
        e.parties = a.parties.iter().map(|p| p.as_str().to_string()).collect();
        e.evidence = evidence_keys(c, i);
        let draft = a.documents.iter().all(|&d| is_draft(c, d));
        (Target::Agreement(i), a.url(), e, draft)
    });
    let people = c.people.nodes.par_iter().enumerate().map(|(i, p)| {
        let mut e = Entry::identity(Kind::Person);
        e.name = Some(p.key.clone());
        match &p.affiliation {
            Affiliation::Country(code) => e.code = Some(code.as_str().to_string()),
            Affiliation::Organisation(o) => e.organisation = Some(o.clone()),
            Affiliation::Unknown => {}
        }
        let draft = p.documents.iter().all(|&d| is_draft(c, d));
        (Target::Person(i), p.url(), e, draft)
    });
    let packs = c.countries.iter().enumerate().map(|(i, n)| {
        let mut e = Entry::identity(Kind::Pack);
        e.code = Some(n.code.as_str().to_string());
        let draft = n.documents.iter().all(|&d| is_draft(c, d));
        (Target::CountryPack(i), country_pack_url(n.code), e, draft)
    });
    let fixed = FIXED_PAGES.iter().enumerate().map(|(i, (name, url, _))| {
        let mut e = Entry::identity(Kind::Page);
        e.page = Some((*name).to_string());
        (Target::Page(i), (*url).to_string(), e, false)
    });
    let mut all: Vec<_> = docs.collect();
    all.extend(countries.collect::<Vec<_>>());
    all.extend(agreements.collect::<Vec<_>>());
    all.extend(people.collect::<Vec<_>>());
    all.extend(packs);
    all.extend(fixed);
    all
}

fn is_draft(c: &Corpus, d: usize) -> bool {
    c.documents[d].source.front.draft
}

/// An agreement's evidence keys, earliest first: by document date (undated last), then path,
/// then order in the document; each key once. A key is a hash of the document's path and one
/// of the sentence, so the same sentence in two documents (wire copy) is told apart, and a
/// renamed document's sentences are still found.
fn evidence_keys(c: &Corpus, a: usize) -> Vec<String> {
    let mut ev: Vec<(usize, &str)> = c.agreements[a]
        .evidence
        .iter()
        .map(|e| (e.document, e.text.as_str()))
        .collect();
    ev.sort_by(|x, y| {
        let (dx, dy) = (&c.documents[x.0], &c.documents[y.0]);
        (dx.date().is_none(), dx.date(), &dx.source.path).cmp(&(
            dy.date().is_none(),
            dy.date(),
            &dy.source.path,
        ))
    });
    let mut keys: Vec<String> = Vec::with_capacity(ev.len());
    for (d, text) in ev {
        let k = format!(
            "{}-{}",
            hash_hex(&c.documents[d].source.path, 6),
            text_key(text)
        );
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys
}

/// The URL the corpus serves `t` at.
fn target_url(c: &Corpus, t: Target) -> String {
    match t {
        Target::Document(i) => c.documents[i].url(),
        Target::Country(i) => country_url(c.countries[i].code),
        Target::Agreement(i) => c.agreements[i].url(),
        Target::Person(i) => c.people.nodes[i].url(),
        Target::CountryPack(i) => country_pack_url(c.countries[i].code),
        Target::Page(i) => FIXED_PAGES[i].1.to_string(),
    }
}

/// The title of `t`, for a redirect page's visible link.
fn target_title(c: &Corpus, t: Target) -> String {
    match t {
        Target::Document(i) => c.documents[i].source.title.clone(),
        Target::Country(i) => {
            let code = c.countries[i].code;
            crate::gazetteer::Gazetteer::global()
                .get(code)
                .map_or_else(|| code.as_str().to_string(), |g| g.name.to_string())
        }
        Target::Agreement(i) => c.agreements[i].title.clone(),
        Target::Person(i) => c.people.nodes[i].name.clone(),
        Target::CountryPack(i) => {
            format!("{} — briefing pack", target_title(c, Target::Country(i)))
        }
        Target::Page(i) => FIXED_PAGES[i].2.to_string(),
    }
}

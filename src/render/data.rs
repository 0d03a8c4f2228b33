//! The machine-readable briefing: `data/briefing.json` (the data contract of BRIEF.md §3, also
//! printed by `briefing extract --json`) and flat CSV files of the same records.

use serde::Serialize;

use super::RenderError;
use crate::extract::{CountryCount, Person};
use crate::gazetteer::{CountryCode, Gazetteer};
use crate::model::Corpus;
use crate::output::Sink;

/// The whole contract.
#[derive(Debug, Serialize)]
pub struct Briefing {
    /// Documents by path.
    pub documents: Vec<DocumentRecord>,
    /// Countries by code.
    pub countries: Vec<CountryRecord>,
    /// Agreements by slug.
    pub agreements: Vec<AgreementRecord>,
}

/// A document in the contract.
#[derive(Debug, Serialize)]
pub struct DocumentRecord {
    /// Path relative to the seeds folder.
    pub path: String,
    /// Slug.
    pub slug: String,
    /// Page, relative to the site root.
    pub url: String,
    /// Title.
    pub title: String,
    /// YYYY-MM-DD or null.
    pub date: Option<String>,
    /// Summary.
    pub summary: String,
    /// Publication.
    pub source: Option<String>,
    /// Original article.
    pub source_url: Option<String>,
    /// Countries with mention counts.
    pub countries: Vec<CountryCount>,
    /// People.
    pub people: Vec<Person>,
    /// Agreement slugs.
    pub agreements: Vec<String>,
}

/// A country in the contract.
#[derive(Debug, Serialize)]
pub struct CountryRecord {
    /// Alpha-2 code.
    pub code: CountryCode,
    /// Display name.
    pub name: String,
    /// Slug.
    pub slug: String,
    /// Page, relative to the site root.
    pub url: String,
    /// Document slugs, newest first.
    pub documents: Vec<String>,
    /// Agreement slugs.
    pub agreements: Vec<String>,
}

/// An agreement in the contract.
#[derive(Debug, Serialize)]
pub struct AgreementRecord {
    /// Slug.
    pub slug: String,
    /// Page, relative to the site root.
    pub url: String,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: &'static str,
    /// Status.
    pub status: &'static str,
    /// Country codes.
    pub parties: Vec<CountryCode>,
    /// Organisations.
    pub organisations: Vec<String>,
    /// Topic.
    pub topic: Option<String>,
    /// Signatories.
    pub signatories: Vec<String>,
    /// Place.
    pub place: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Document slugs, oldest first.
    pub documents: Vec<String>,
    /// Supporting sentences.
    pub evidence: Vec<EvidenceRecord>,
}

/// A supporting sentence in the contract.
#[derive(Debug, Serialize)]
pub struct EvidenceRecord {
    /// Document slug.
    pub document: String,
    /// Paragraph id.
    pub paragraph: String,
    /// Status this sentence gives.
    pub status: &'static str,
    /// The sentence.
    pub text: String,
}

/// The contract for a corpus.
pub fn briefing(corpus: &Corpus) -> Briefing {
    let doc_slug = |i: usize| corpus.documents[i].slug.to_string();
    let agr_slug = |i: usize| corpus.agreements[i].slug.to_string();
    let documents = corpus
        .documents
        .iter()
        .map(|d| DocumentRecord {
            path: d.source.path.clone(),
            slug: d.slug.to_string(),
            url: d.url(),
            title: d.source.title.clone(),
            date: d.date().map(|x| x.to_string()),
            summary: d.source.summary.clone(),
            source: d.source.front.source.clone(),
            source_url: d.source.front.url.clone(),
            countries: d.extraction.countries.clone(),
            people: d.extraction.people.clone(),
            agreements: d.agreements.iter().map(|&a| agr_slug(a)).collect(),
        })
        .collect();
    let g = Gazetteer::global();
    let countries = corpus
        .countries
        .iter()
        .map(|n| {
            let c = g.get(n.code);
            CountryRecord {
                code: n.code,
                name: c.map_or_else(|| n.code.to_string(), |c| c.name.clone()),
                slug: c.map_or_else(|| n.code.to_string().to_lowercase(), |c| c.slug.to_string()),
                url: n.url(),
                documents: n.documents.iter().map(|&d| doc_slug(d)).collect(),
                agreements: n.agreements.iter().map(|&a| agr_slug(a)).collect(),
            }
        })
        .collect();
    let agreements = corpus
        .agreements
        .iter()
        .map(|a| AgreementRecord {
            slug: a.slug.to_string(),
            url: a.url(),
            title: a.title.clone(),
            kind: a.kind.as_str(),
            status: a.status.as_str(),
            parties: a.parties.clone(),
            organisations: a.organisations.clone(),
            topic: a.topic.clone(),
            signatories: a.signatories.clone(),
            place: a.place.clone(),
            date: a.date.map(|d| d.to_string()),
            documents: a.documents.iter().map(|&d| doc_slug(d)).collect(),
            evidence: a
                .evidence
                .iter()
                .map(|e| EvidenceRecord {
                    document: doc_slug(e.document),
                    paragraph: e.block.to_string(),
                    status: e.status.as_str(),
                    text: e.text.clone(),
                })
                .collect(),
        })
        .collect();
    Briefing {
        documents,
        countries,
        agreements,
    }
}

/// Writes `data/briefing.json` and the three CSV files.
pub fn write_all(corpus: &Corpus, sink: &dyn Sink) -> Result<(), RenderError> {
    let b = briefing(corpus);
    sink.write_stream("data/briefing.json", &mut |w| {
        serde_json::to_writer_pretty(w, &b).map_err(std::io::Error::from)
    })?;
    sink.write("data/documents.csv", &documents_csv(&b)?)?;
    sink.write("data/countries.csv", &countries_csv(&b)?)?;
    sink.write("data/agreements.csv", &agreements_csv(&b)?)?;
    Ok(())
}

fn data_error(name: &str, e: impl std::fmt::Display) -> RenderError {
    RenderError::Data {
        name: name.into(),
        message: e.to_string(),
    }
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a
/// leading apostrophe, the usual defence against CSV injection.
fn defuse_formula(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn csv_bytes(
    name: &str,
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<Vec<u8>, RenderError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        let row: Vec<String> = row.into_iter().map(defuse_formula).collect();
        w.write_record(&row).map_err(|e| data_error(name, e))?;
    }
    w.into_inner().map_err(|e| data_error(name, e))
}

fn codes(list: &[CountryCode]) -> String {
    list.iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

fn documents_csv(b: &Briefing) -> Result<Vec<u8>, RenderError> {
    let header = [
        "path",
        "slug",
        "url",
        "title",
        "date",
        "source",
        "source_url",
        "summary",
        "countries",
        "agreements",
    ];
    let rows = b.documents.iter().map(|d| {
        vec![
            d.path.clone(),
            d.slug.clone(),
            d.url.clone(),
            d.title.clone(),
            d.date.clone().unwrap_or_default(),
            d.source.clone().unwrap_or_default(),
            d.source_url.clone().unwrap_or_default(),
            d.summary.clone(),
            d.countries
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            d.agreements.join(";"),
        ]
    });
    csv_bytes(
        "data/documents.csv",
        std::iter::once(header.map(String::from).to_vec()).chain(rows),
    )
}

fn countries_csv(b: &Briefing) -> Result<Vec<u8>, RenderError> {
    let header = ["code", "name", "slug", "url", "documents", "agreements"];
    let rows = b.countries.iter().map(|c| {
        vec![
            c.code.to_string(),
            c.name.clone(),
            c.slug.clone(),
            c.url.clone(),
            c.documents.len().to_string(),
            c.agreements.len().to_string(),
        ]
    });
    csv_bytes(
        "data/countries.csv",
        std::iter::once(header.map(String::from).to_vec()).chain(rows),
    )
}

fn agreements_csv(b: &Briefing) -> Result<Vec<u8>, RenderError> {
    let header = [
        "slug",
        "url",
        "title",
        "kind",
        "status",
        "parties",
        "organisations",
        "topic",
        "signatories",
        "place",
        "date",
        "documents",
    ];
    let rows = b.agreements.iter().map(|a| {
        vec![
            a.slug.clone(),
            a.url.clone(),
            a.title.clone(),
            a.kind.to_string(),
            a.status.to_string(),
            codes(&a.parties),
            a.organisations.join(";"),
            a.topic.clone().unwrap_or_default(),
            a.signatories.join(";"),
            a.place.clone().unwrap_or_default(),
            a.date.clone().unwrap_or_default(),
            a.documents.join(";"),
        ]
    });
    csv_bytes(
        "data/agreements.csv",
        std::iter::once(header.map(String::from).to_vec()).chain(rows),
    )
}

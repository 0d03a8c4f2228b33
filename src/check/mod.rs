//! `briefing check`: everything a build would find wrong, and more, without writing a file.
//! It reads and extracts every document, renders the site in memory, and reports
//! [`Finding`]s: documents that cannot be read (front matter errors among them), documents
//! with no country, agreements with a single identified party, near-duplicate documents,
//! broken internal links and anchors, and — only when asked — external links that do not
//! answer.
//!
//! Entry point: [`run`]. Unlike a build, a document that cannot be read does not stop the
//! check: it is reported as an error and the other documents are still checked.

pub mod duplicates;
pub mod external;

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use serde::Serialize;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Severity};
use crate::{Error, extract, ingest, links, model, output, render};

/// What a finding is about; findings are reported grouped by kind, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// What reading the documents reported: front matter errors, unreadable files (errors);
    /// skipped files, unknown front matter keys (warnings).
    Input,
    /// A document in which no country was found.
    NoCountries,
    /// An agreement for which only one party could be identified.
    SingleParty,
    /// Two documents that are almost the same text.
    NearDuplicate,
    /// An internal link or anchor of the rendered site that leads nowhere, or a link or image
    /// of a document whose target does not exist or is not published.
    BrokenLink,
    /// Images without alt text, linked files over the size limit, and the files no document
    /// links.
    Files,
    /// An external link that did not answer (only with `--external`).
    ExternalLink,
}

impl Kind {
    /// The name used in JSON and as a group heading.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Input => "input",
            Kind::NoCountries => "no-countries",
            Kind::SingleParty => "single-party",
            Kind::NearDuplicate => "near-duplicate",
            Kind::BrokenLink => "broken-link",
            Kind::Files => "files",
            Kind::ExternalLink => "external-link",
        }
    }

    /// A short description for a human reader.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Input => "documents and front matter",
            Kind::NoCountries => "documents with no countries",
            Kind::SingleParty => "agreements with a single party",
            Kind::NearDuplicate => "near-duplicate documents",
            Kind::BrokenLink => "broken internal links and anchors",
            Kind::Files => "images and linked files",
            Kind::ExternalLink => "external links that do not answer",
        }
    }
}

/// One problem found: a diagnostic (severity, path, line, column, message; the path is the
/// document, relative to the seeds folder, or the page of the site when no document is to
/// blame) and what it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What it is about.
    pub kind: Kind,
    /// Where and what; printed as `path:line:col: severity: message`.
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
}

impl Finding {
    fn new(kind: Kind, diagnostic: Diagnostic) -> Finding {
        Finding { kind, diagnostic }
    }
}

/// What to check beyond the defaults.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Ask every external http(s) link whether it answers (needs the network).
    pub external: bool,
    /// How long one external request may take, connection included.
    pub timeout: Duration,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            external: false,
            timeout: Duration::from_secs(5),
        }
    }
}

/// Everything a check found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Findings that are errors.
    pub errors: usize,
    /// Findings that are warnings.
    pub warnings: usize,
    /// Every finding, by kind, then path and line.
    pub findings: Vec<Finding>,
    /// Documents checked (those that could be read).
    #[serde(skip)]
    pub documents: usize,
}

impl Report {
    fn new(mut findings: Vec<Finding>, documents: usize) -> Report {
        findings.sort_by(|a, b| {
            let (x, y) = (&a.diagnostic, &b.diagnostic);
            (a.kind, &x.path, x.line, x.column, &x.message)
                .cmp(&(b.kind, &y.path, y.line, y.column, &y.message))
        });
        let errors = findings
            .iter()
            .filter(|f| f.diagnostic.severity == Severity::Error)
            .count();
        Report {
            errors,
            warnings: findings.len() - errors,
            findings,
            documents,
        }
    }
}

/// Checks the project described by `cfg`, writing nothing. Fails only when there is nothing
/// to check (no seeds folder) or the site cannot be rendered at all (a broken template).
pub fn run(cfg: &Config, opts: &CheckOptions) -> Result<Report, Error> {
    let ingested = ingest::collect(&cfg.seeds, cfg.drafts)?;
    let mut findings: Vec<Finding> = ingested
        .warnings
        .into_iter()
        .map(|d| Finding::new(Kind::Input, d))
        .collect();
    let docs = ingested.documents;
    let extractions = extract::run(&docs, extract::Explain::Drop);
    for (doc, ex) in docs.iter().zip(&extractions) {
        if ex.countries.is_empty() {
            findings.push(Finding::new(
                Kind::NoCountries,
                Diagnostic::warning(
                    doc.path.clone(),
                    "no country found in the text; add `countries = [\"XX\"]` to the front matter if it is about one",
                ),
            ));
        }
        findings.extend(ex.warnings.iter().map(|d| {
            // Today the only extraction warning is the single-party one; anything new is
            // still shown rather than dropped.
            let kind = if d.message.contains("could be identified as a party") {
                Kind::SingleParty
            } else {
                Kind::Input
            };
            Finding::new(kind, d.clone())
        }));
    }
    findings.extend(near_duplicates(&docs));
    if opts.external {
        findings.extend(external_links(&docs, opts.timeout));
    }
    let documents = docs.len();
    let mut corpus = model::build(docs, extractions);
    corpus.files = ingested.files;
    let site = output::MemorySite::new();
    let rendered = render::run(&corpus, cfg, &render::Overrides::from_config(cfg), &site)?;
    // What the build reports about the documents' own links, as errors: the same words at
    // the same place. Those links are then not reported again from the rendered page.
    let mut reported = HashSet::new();
    for p in rendered.problems {
        use render::linking::ProblemKind;
        let kind = match p.kind {
            ProblemKind::Broken | ProblemKind::Unpublished => Kind::BrokenLink,
            ProblemKind::NoAlt | ProblemKind::TooLarge | ProblemKind::Unlinked => Kind::Files,
        };
        let mut d = p.diagnostic;
        if kind == Kind::BrokenLink {
            d.severity = Severity::Error;
        }
        reported.extend(p.link);
        findings.push(Finding::new(kind, d));
    }
    findings.extend(
        broken_links(cfg, &corpus, &site.into_files())
            .into_iter()
            .filter(|(link, _)| !reported.contains(link))
            .map(|(_, f)| f),
    );
    Ok(Report::new(findings, documents))
}

fn near_duplicates(docs: &[ingest::SourceDoc]) -> Vec<Finding> {
    let texts: Vec<String> = docs
        .iter()
        .map(|d| {
            let mut text = d.title.clone();
            for b in &d.blocks {
                text.push('\n');
                text.push_str(&b.text);
            }
            text
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    duplicates::find(&refs)
        .into_iter()
        .map(|p| {
            Finding::new(
                Kind::NearDuplicate,
                Diagnostic::warning(
                    docs[p.b].path.clone(),
                    format!(
                        "nearly the same text as {} ({:.0}% of word triples shared); remove one, or keep both if they differ where it matters",
                        docs[p.a].path,
                        p.similarity * 100.0
                    ),
                ),
            )
        })
        .collect()
}

fn external_links(docs: &[ingest::SourceDoc], timeout: Duration) -> Vec<Finding> {
    let urls = external::urls(docs);
    let list: Vec<&str> = urls.keys().map(String::as_str).collect();
    let results = external::probe_all(&list, timeout);
    urls.iter()
        .zip(results)
        .filter_map(|((url, cited), failure)| {
            let reason = failure?;
            let others = match cited.len() - 1 {
                0 => String::new(),
                n => format!(
                    " (also cited by {} other {})",
                    n,
                    if n == 1 { "document" } else { "documents" }
                ),
            };
            Some(Finding::new(
                Kind::ExternalLink,
                Diagnostic::warning(
                    cited[0].clone(),
                    format!("{url} does not answer: {reason}{others}"),
                ),
            ))
        })
        .collect()
}

/// Broken links of the rendered site, each with its page and `href`. A link on a document's
/// page that comes from the document's own Markdown is blamed on the document, at the line
/// that writes it.
fn broken_links(
    cfg: &Config,
    corpus: &model::Corpus,
    files: &std::collections::BTreeMap<String, Vec<u8>>,
) -> Vec<((String, String), Finding)> {
    let by_page: HashMap<String, &model::Document> =
        corpus.documents.iter().map(|d| (d.url(), d)).collect();
    links::check_files(files)
        .into_iter()
        .map(|b| {
            let what = links::broken("link", &b.href, &b.page, &b.reason);
            let diag = match by_page.get(&b.page) {
                Some(doc) if doc.source.markdown.contains(&b.href) => {
                    let d = Diagnostic::error(doc.source.path.clone(), what);
                    match line_of(cfg, &doc.source.path, &b.href) {
                        Some((line, col)) => d.at(line, col),
                        None => d,
                    }
                }
                _ => Diagnostic::error(b.page.clone(), what),
            };
            ((b.page, b.href), Finding::new(Kind::BrokenLink, diag))
        })
        .collect()
}

/// Where `needle` first appears in the document file, re-read because ingest keeps only the
/// body, whose lines are not the file's.
fn line_of(cfg: &Config, rel: &str, needle: &str) -> Option<(usize, usize)> {
    let text = std::fs::read_to_string(cfg.seeds.join(rel)).ok()?;
    let at = text.find(needle)?;
    Some(crate::location::line_col(&text, at))
}

//! `briefing` turns a folder of news-style documents into a briefing microsite: one page per
//! document, country and agreement, a home page, offline-ready data files.
//!
//! The pipeline, one module per stage, data flowing one way:
//! [`config`] → [`ingest`] → [`extract`] → [`model`] → [`render`] → [`output`].
//! Shared vocabularies sit underneath: [`gazetteer`], [`slug`], [`terms`], [`sentences`],
//! [`diagnostics`], [`location`]. [`links`] checks a built site.
#![warn(missing_docs)]

pub mod check;
pub mod cities;
pub mod config;
pub mod diagnostics;
pub mod extract;
pub mod gazetteer;
pub mod ingest;
pub mod leaders;
pub mod links;
pub mod location;
pub mod model;
pub mod new;
pub mod output;
pub mod render;
pub mod sentences;
pub mod serve;
pub mod session;
pub mod slug;
pub mod terms;
pub mod timings;

use std::path::{Path, PathBuf};
use std::time::Instant;

use config::Config;
use diagnostics::Diagnostic;

/// Anything that stops a build.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad configuration.
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    /// Documents that cannot be read.
    #[error(transparent)]
    Ingest(#[from] ingest::IngestError),
    /// Templates or data that cannot be rendered.
    #[error(transparent)]
    Render(#[from] render::RenderError),
    /// The output folder cannot be written.
    #[error(transparent)]
    Output(#[from] output::OutputError),
    /// The record of published URLs cannot be used, or `--locked` refused a change.
    #[error(transparent)]
    Permalinks(#[from] model::permalinks::PermalinkError),
    /// Links, images or linked files that stop the build: a file over `max_asset_mb`, or with
    /// `--strict` anything that does not resolve. Each is an error diagnostic.
    #[error("{} stopped the build:\n{}", problems(.0.len()), ingest::join(.0))]
    Links(Vec<Diagnostic>),
}

/// "1 problem with a link, image or file", "3 problems with links, images or files".
pub fn problems(n: usize) -> String {
    if n == 1 {
        "1 problem with a link, image or file".into()
    } else {
        format!("{n} problems with links, images or files")
    }
}

/// Splits the renderer's problems into those that stop the build — a file over the size
/// limit always, and with `strict` every link, image and file that does not work out — and
/// the warnings that do not. The note about files no document links stays a warning.
pub fn settle(
    problems: Vec<render::linking::Problem>,
    strict: bool,
) -> Result<Vec<Diagnostic>, Error> {
    let mut fatal = Vec::new();
    let mut warnings = Vec::new();
    for p in problems {
        let mut d = p.diagnostic;
        if strict && p.kind.strict() {
            d.severity = diagnostics::Severity::Error;
        }
        if d.severity == diagnostics::Severity::Error {
            fatal.push(d);
        } else {
            warnings.push(d);
        }
    }
    if fatal.is_empty() {
        Ok(warnings)
    } else {
        Err(Error::Links(fatal))
    }
}

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Documents built.
    pub documents: usize,
    /// Countries with a page.
    pub countries: usize,
    /// Agreements with a page.
    pub agreements: usize,
    /// HTML pages written.
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// Where.
    pub output: PathBuf,
    /// Seconds taken.
    pub seconds: f64,
    /// Warnings about the input.
    pub warnings: Vec<Diagnostic>,
    /// Time and peak memory of each stage.
    pub stages: Vec<timings::Stage>,
    /// Bytes written.
    pub bytes: u64,
    /// Seconds spent creating and writing files, summed over threads (part of `render`).
    pub write_seconds: f64,
}

/// Builds the site described by `cfg`: reads, extracts, models, renders into a staging folder
/// and swaps it in only when everything succeeded.
pub fn build(cfg: &Config) -> Result<BuildReport, Error> {
    build_with_progress(cfg, |_, _| {})
}

/// The stages of a build, in order, as [`build_with_progress`] reports them.
pub const BUILD_STAGES: [&str; 5] = ["ingest", "extract", "model", "render", "commit"];

/// Like [`build`], calling `progress(stage, done)` as each of the [`BUILD_STAGES`] ends
/// (`done` of them finished), so a front end can show how far it has got. The library draws
/// nothing itself.
pub fn build_with_progress(
    cfg: &Config,
    progress: impl Fn(&str, usize) + Send + Sync + 'static,
) -> Result<BuildReport, Error> {
    let started = Instant::now();
    let mut watch = timings::Stopwatch::start().observed(progress);
    let staging = output::Staging::begin(
        &cfg.output,
        &output::Protected {
            seeds: cfg.seeds.clone(),
            root: cfg.root.clone(),
        },
    )?;
    let built = pipeline(cfg, &staging, &mut watch)?;
    if cfg.locked && !built.moved.is_empty() {
        // Dropping the staging folder leaves the previous site as it was.
        return Err(model::permalinks::PermalinkError::Locked {
            path: cfg.permalinks.clone(),
            moved: built.moved,
        }
        .into());
    }
    let output = staging.out().to_path_buf();
    let written = staging.commit()?;
    model::permalinks::save(&cfg.permalinks, &built.record)?;
    watch.lap("commit");
    Ok(BuildReport {
        documents: built.documents,
        countries: built.countries,
        agreements: built.agreements,
        pages: built.pages,
        files: written.files,
        output,
        seconds: started.elapsed().as_secs_f64(),
        warnings: built.warnings,
        stages: watch.stages(),
        bytes: written.bytes,
        write_seconds: written.write_seconds,
    })
}

/// What the pipeline made, whatever it wrote into.
#[derive(Debug)]
pub struct Built {
    /// Documents built.
    pub documents: usize,
    /// Countries with a page.
    pub countries: usize,
    /// Agreements with a page.
    pub agreements: usize,
    /// HTML pages rendered.
    pub pages: usize,
    /// Warnings about the input.
    pub warnings: Vec<Diagnostic>,
    /// The record of published URLs after this build.
    pub record: model::permalinks::Record,
    /// Published URLs that stop showing their entity (see `build --locked`).
    pub moved: Vec<String>,
}

/// Reads, extracts, models and renders into `sink`, timing each stage.
fn pipeline(
    cfg: &Config,
    sink: &dyn output::Sink,
    watch: &mut timings::Stopwatch,
) -> Result<Built, Error> {
    let ingested = ingest::run(&cfg.seeds, cfg.drafts)?;
    watch.lap("ingest");
    let extractions = extract::run(&ingested.documents, extract::Explain::Drop);
    let mut warnings = ingested.warnings;
    warnings.extend(extractions.iter().flat_map(|e| e.warnings.iter().cloned()));
    watch.lap("extract");
    let mut corpus = model::build(ingested.documents, extractions);
    corpus.files = ingested.files;
    keep_published_urls(cfg, &mut corpus)?;
    warnings.extend(corpus.people.notes.iter().cloned());
    warnings.extend(corpus.permalinks.warnings.iter().cloned());
    watch.lap("model");
    let rendered = render::run(&corpus, cfg, &render::Overrides::from_config(cfg), sink)?;
    warnings.extend(settle(rendered.problems, cfg.strict)?);
    watch.lap("render");
    Ok(Built {
        documents: corpus.documents.len(),
        countries: corpus.countries.len(),
        agreements: corpus.agreements.len(),
        pages: rendered.pages,
        warnings,
        moved: std::mem::take(&mut corpus.permalinks.moved),
        record: std::mem::take(&mut corpus.permalinks.record),
    })
}

/// Matches the record of published URLs against the corpus, so that old URLs redirect or say
/// their entity is gone.
pub fn keep_published_urls(cfg: &Config, corpus: &mut model::Corpus) -> Result<(), Error> {
    let record = model::permalinks::load(&cfg.permalinks, cfg.live_permalinks.as_deref())?;
    let listing = render::listing_urls(corpus);
    corpus.permalinks = model::permalinks::resolve(corpus, record, &|u| listing.contains(u));
    Ok(())
}

/// Builds the whole site in memory, leaving the output folder alone: what `serve` serves and
/// `check` inspects. Returns the files (`/`-separated path → contents) and what was built.
pub fn build_in_memory(
    cfg: &Config,
) -> Result<(std::collections::BTreeMap<String, Vec<u8>>, Built), Error> {
    let site = output::MemorySite::new();
    let built = pipeline(cfg, &site, &mut timings::Stopwatch::start())?;
    Ok((site.into_files(), built))
}

/// What `briefing extract` reports for a set of files.
#[derive(Debug)]
pub struct Extracted {
    /// The data contract for just these files.
    pub briefing: render::data::Briefing,
    /// Per file (as given), every entity and engagement with its sentence and rule.
    pub explanations: Vec<(String, Vec<extract::Explanation>)>,
    /// Warnings about the input.
    pub warnings: Vec<Diagnostic>,
}

/// Extracts the given files (paths kept as given), writing nothing.
pub fn extract_files(paths: &[impl AsRef<Path>]) -> Result<Extracted, Error> {
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.as_ref().to_path_buf()).collect();
    let ingested = ingest::read_files(&paths)?;
    let extractions = extract::run(&ingested.documents, extract::Explain::Keep);
    let mut warnings = ingested.warnings;
    warnings.extend(extractions.iter().flat_map(|e| e.warnings.iter().cloned()));
    let explanations = ingested
        .documents
        .iter()
        .zip(&extractions)
        .map(|(d, e)| (d.path.clone(), e.explanations.clone()))
        .collect();
    let corpus = model::build(ingested.documents, extractions);
    Ok(Extracted {
        briefing: render::data::briefing(&corpus),
        explanations,
        warnings,
    })
}

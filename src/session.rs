//! Incremental builds kept in memory, for `briefing serve`.
//!
//! A [`Session`] remembers every document as read and extracted (keyed by its path, size and
//! modification time) and the last corpus. After an edit, [`Session::update`] re-reads and
//! re-extracts only the files that changed, rebuilds the model (cheap), and redraws only the
//! pages that can show something of the changed documents: their own pages, the pages of
//! the agreements they report (and every document reporting those), the pages of every
//! country involved, the list pages whose entries moved or changed, and the home page. The
//! data files, search index and feeds follow in [`Session::indexes`], which the caller runs
//! once the quick update is served.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;
use std::time::SystemTime;

use crate::Error;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::extract::{self, Extraction};
use crate::gazetteer::CountryCode;
use crate::ingest::{self, Ingested, SourceDoc};
use crate::model::{self, Corpus};
use crate::output::{MemorySite, Sink};
use crate::render::assets::Published;
use crate::render::linking::{self, Resolved};
use crate::render::{self, Overrides, Page, Renderer};

/// What identifies one version of a file without reading it.
type Stamp = (Option<SystemTime>, u64);

/// One file as last read.
struct Cached {
    stamp: Stamp,
    source: Option<Arc<SourceDoc>>,
    extraction: Option<Arc<Extraction>>,
    diagnostics: Vec<Diagnostic>,
}

/// Files of the in-memory site: `/`-separated path → contents.
pub type Files = BTreeMap<String, Vec<u8>>;

/// What a quick update changed.
#[derive(Debug, Default)]
pub struct Update {
    /// Pages drawn again (path → HTML).
    pub written: Files,
    /// Pages that no longer exist.
    pub removed: Vec<String>,
    /// Seeds-relative paths of the documents that changed, appeared or went away.
    pub changed: Vec<String>,
    /// Warnings about the input.
    pub warnings: Vec<Diagnostic>,
    /// Time of each stage: read (changed files only), model, render (the pages above).
    pub stages: Vec<crate::timings::Stage>,
}

/// Every document with its extraction, the paths that changed, and the warnings.
type Reread = (
    Vec<Arc<SourceDoc>>,
    Vec<Arc<Extraction>>,
    BTreeSet<String>,
    Vec<Diagnostic>,
);

/// A build kept in memory between edits.
pub struct Session {
    cfg: Config,
    over: Overrides,
    cache: HashMap<String, Cached>,
    corpus: Option<Corpus>,
    /// The last walk of the seeds folder.
    listing: ingest::Listing,
    /// The last build's links, by document path, and the files it published: what tells a
    /// document whose links now lead elsewhere, and a file to copy again or to remove.
    links: Links,
    /// Files the caller says changed, when it knows (a file watcher does).
    hint: Option<Vec<std::path::PathBuf>>,
}

impl Session {
    /// A session for the project `cfg` describes; nothing is read yet.
    pub fn new(cfg: Config) -> Session {
        let over = Overrides::from_config(&cfg);
        Session {
            cfg,
            over,
            cache: HashMap::new(),
            corpus: None,
            listing: ingest::Listing::default(),
            links: Links::default(),
            hint: None,
        }
    }

    /// Says which files changed before the next [`Session::update`], so that when they are
    /// all documents it already knows, it need not walk the seeds folder again (creations,
    /// removals and renames still walk it).
    pub fn hint_changed(&mut self, paths: Vec<std::path::PathBuf>) {
        self.hint = Some(paths);
    }

    /// The seeds-relative paths of `paths` when every one is an existing document file of the
    /// last walk; `None` when some file is new, gone or outside the seeds folder.
    fn known_rels(&self, paths: &[std::path::PathBuf]) -> Option<HashSet<String>> {
        let seeds = absolute(&self.cfg.seeds);
        paths
            .iter()
            .map(|p| {
                let rel = absolute(p)
                    .strip_prefix(&seeds)
                    .ok()?
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                (p.is_file() && self.cache.contains_key(&rel)).then_some(rel)
            })
            .collect()
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// Reads what changed and draws the whole site (templates or static files may have
    /// changed too). On an error the previous state is kept.
    pub fn build_all(&mut self) -> Result<(Files, Vec<Diagnostic>), Error> {
        let (corpus, _, mut warnings) = self.refresh()?;
        let site = MemorySite::new();
        let r = Renderer::new(&corpus, &self.cfg, &self.over)?;
        let rendered = r.write_all(&site)?;
        warnings.extend(crate::settle(rendered.problems, self.cfg.strict)?);
        let links = Links::of(&corpus, r.links());
        drop(r);
        self.links = links;
        self.corpus = Some(corpus);
        Ok((site.into_files(), warnings))
    }

    /// Reads what changed and draws only the pages that depend on it. Without an earlier
    /// build there is nothing to compare with, so every page is drawn.
    pub fn update(&mut self) -> Result<Update, Error> {
        self.update_with(&mut |_| {})
    }

    /// [`Session::update`], handing the changed documents' own pages to `first` as soon as
    /// they are drawn, before the pages that list them.
    pub fn update_with(&mut self, first: &mut dyn FnMut(&Files)) -> Result<Update, Error> {
        let mut watch = crate::timings::Stopwatch::start();
        let Some(old) = self.corpus.take() else {
            let (written, warnings) = self.build_all()?;
            let changed = self.cache.keys().cloned().collect();
            watch.lap("build");
            return Ok(Update {
                written,
                removed: Vec::new(),
                changed,
                warnings,
                stages: watch.stages(),
            });
        };
        let (new, changed, mut warnings) = match self.refresh_timed(&mut watch) {
            Ok(r) => r,
            Err(e) => {
                self.corpus = Some(old);
                return Err(e);
            }
        };
        let r = Renderer::new(&new, &self.cfg, &self.over)?;
        warnings.extend(crate::settle(r.links().problems.clone(), self.cfg.strict)?);
        let links = Links::of(&new, r.links());
        let mut pages = affected_pages(&old, &new, &changed);
        // A document whose links now lead elsewhere (a linked document renamed, a heading
        // gone, an image added or resized) is drawn again too.
        let drawn: HashSet<Page> = pages.iter().copied().collect();
        pages.extend(
            new.documents
                .iter()
                .enumerate()
                .filter(|(_, d)| {
                    links.documents.get(&d.source.path) != self.links.documents.get(&d.source.path)
                })
                .map(|(i, _)| Page::Document(i))
                .filter(|p| !drawn.contains(p)),
        );
        let (own, rest): (Vec<Page>, Vec<Page>) = pages.into_iter().partition(
            |p| matches!(p, Page::Document(i) if changed.contains(&new.documents[*i].source.path)),
        );
        watch.lap("plan");
        let site = MemorySite::new();
        r.write_pages(&own, &site)?;
        let mut written = site.into_files();
        first(&written);
        watch.lap("render own");
        let site = MemorySite::new();
        r.write_pages(&rest, &site)?;
        // A country that gained its page brings its flag; one that lost it takes it along.
        let had: BTreeSet<CountryCode> = old.countries.iter().map(|n| n.code).collect();
        let has: BTreeSet<CountryCode> = new.countries.iter().map(|n| n.code).collect();
        for code in has.difference(&had) {
            if let Some((path, svg)) = r.flag_file(*code) {
                site.write(&path, svg.as_bytes())?;
            }
        }
        // Files documents now link, or that changed on disk, are copied (again).
        for (path, file) in &links.files {
            if self.links.files.get(path) != Some(file) {
                site.copy_file(path, &file.src)?;
            }
        }
        written.extend(site.into_files());
        watch.lap("render rest");
        let now: HashSet<String> = render::all_pages(&new)
            .into_iter()
            .map(|p| render::page_url(&new, p))
            .collect();
        let removed = render::all_pages(&old)
            .into_iter()
            .map(|p| render::page_url(&old, p))
            .filter(|u| !now.contains(u))
            .chain(
                had.difference(&has)
                    .filter_map(|code| r.flag_file(*code).map(|(path, _)| path)),
            )
            .chain(
                self.links
                    .files
                    .keys()
                    .filter(|path| !links.files.contains_key(*path))
                    .cloned(),
            )
            .collect();
        drop(r);
        self.links = links;
        self.corpus = Some(new);
        Ok(Update {
            written,
            removed,
            changed: changed.into_iter().collect(),
            warnings,
            stages: watch.stages(),
        })
    }

    /// The data files, search index and feeds of the last build.
    pub fn indexes(&self) -> Result<Files, Error> {
        let Some(corpus) = &self.corpus else {
            return Ok(Files::new());
        };
        let r = Renderer::new(corpus, &self.cfg, &self.over)?;
        let site = MemorySite::new();
        r.write_indexes(&site)?;
        let pages: Vec<String> = r
            .pages()
            .into_iter()
            .map(|p| render::page_url(corpus, p))
            .collect();
        r.write_feeds(&pages, &site)?;
        Ok(site.into_files())
    }

    /// [`Session::refresh`], timing its two stages.
    fn refresh_timed(
        &mut self,
        watch: &mut crate::timings::Stopwatch,
    ) -> Result<(Corpus, BTreeSet<String>, Vec<Diagnostic>), Error> {
        let (sources, extractions, changed, mut warnings) = self.reread()?;
        watch.lap("read");
        let mut corpus = model::build_shared(sources, extractions);
        corpus.files = self.listing.files.clone();
        crate::keep_published_urls(&self.cfg, &mut corpus)?;
        warnings.extend(corpus.people.notes.iter().cloned());
        warnings.extend(corpus.permalinks.warnings.iter().cloned());
        watch.lap("model");
        Ok((corpus, changed, warnings))
    }

    /// Re-reads changed files and rebuilds the model.
    fn refresh(&mut self) -> Result<(Corpus, BTreeSet<String>, Vec<Diagnostic>), Error> {
        self.refresh_timed(&mut crate::timings::Stopwatch::start())
    }

    /// Re-reads changed files (in parallel); returns every document and its extraction, the
    /// paths that changed and the warnings. The cache is updated only on success.
    fn reread(&mut self) -> Result<Reread, Error> {
        // With a hint of known files, only they are looked at; the rest keep their stamps.
        let hinted = self.hint.take().and_then(|paths| self.known_rels(&paths));
        if hinted.is_none() {
            self.listing = ingest::list(&self.cfg.seeds)?;
        }
        let mut warnings = self.listing.warnings.clone();
        let stamped: Vec<(&ingest::SeedFile, Stamp)> = self
            .listing
            .documents
            .iter()
            .map(|f| {
                let cached = self.cache.get(&f.rel).map(|c| c.stamp);
                let stamp = match (&hinted, cached) {
                    (Some(h), Some(s)) if !h.contains(&f.rel) => s,
                    _ => stamp(&f.path),
                };
                (f, stamp)
            })
            .collect();
        let fresh: HashMap<String, Cached> = {
            use rayon::prelude::*;
            stamped
                .par_iter()
                .filter(|(f, stamp)| self.cache.get(&f.rel).is_none_or(|c| c.stamp != *stamp))
                .map(|(f, stamp)| (f.rel.clone(), read(f, *stamp)))
                .collect()
        };
        let present: HashSet<&str> = stamped.iter().map(|(f, _)| f.rel.as_str()).collect();
        let mut changed: BTreeSet<String> = fresh.keys().cloned().collect();
        changed.extend(
            self.cache
                .keys()
                .filter(|k| !present.contains(k.as_str()))
                .cloned(),
        );
        let errors: Vec<Diagnostic> = stamped
            .iter()
            .filter_map(|(f, _)| fresh.get(&f.rel).or_else(|| self.cache.get(&f.rel)))
            .flat_map(|c| c.diagnostics.iter().cloned())
            .collect();
        let mut ingested = Ingested {
            warnings: errors,
            ..Ingested::default()
        };
        ingested = ingest::fail_on_errors(ingested)?;
        warnings.append(&mut ingested.warnings);
        self.cache.retain(|k, _| present.contains(k.as_str()));
        self.cache.extend(fresh);
        let mut sources = Vec::new();
        let mut extractions = Vec::new();
        for (f, _) in &stamped {
            if let Some(c) = self.cache.get(&f.rel)
                && let (Some(s), Some(e)) = (&c.source, &c.extraction)
                && (self.cfg.drafts || !s.front.draft)
            {
                sources.push(Arc::clone(s));
                extractions.push(Arc::clone(e));
                warnings.extend(e.warnings.iter().cloned());
            }
        }
        Ok((sources, extractions, changed, warnings))
    }
}

/// What a build made of the documents' links.
#[derive(Debug, Default)]
struct Links {
    /// Each document's resolved links, by document path.
    documents: HashMap<String, Vec<Resolved>>,
    /// The files published: site path → the file as inspected.
    files: BTreeMap<String, Published>,
}

impl Links {
    fn of(corpus: &Corpus, plan: &linking::Plan) -> Links {
        Links {
            documents: corpus
                .documents
                .iter()
                .enumerate()
                .filter(|(i, _)| !plan.links(*i).is_empty())
                .map(|(i, d)| (d.source.path.clone(), plan.links(i).to_vec()))
                .collect(),
            files: plan.files.clone(),
        }
    }
}

fn absolute(p: &std::path::Path) -> std::path::PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// What identifies the current version of a file.
fn stamp(path: &std::path::Path) -> Stamp {
    let meta = std::fs::metadata(path).ok();
    (
        meta.as_ref().and_then(|m| m.modified().ok()),
        meta.map_or(0, |m| m.len()),
    )
}

/// Reads and extracts one file.
fn read(file: &ingest::SeedFile, stamp: Stamp) -> Cached {
    let (source, diagnostics) = ingest::read(file);
    let extraction = source
        .as_ref()
        .map(|s| Arc::new(extract::document_for(s, extract::Explain::Drop)));
    Cached {
        stamp,
        source: source.map(Arc::new),
        extraction,
        diagnostics,
    }
}

/// The pages of `new` that can show something of the documents at `changed` paths, as they
/// were in `old` or are in `new`.
fn affected_pages(old: &Corpus, new: &Corpus, changed: &BTreeSet<String>) -> Vec<Page> {
    // An agreement of a changed document that reads exactly as before (an edit elsewhere in
    // the text) changes no page that shows it.
    let fingerprints = |c: &Corpus| -> HashMap<String, String> {
        c.documents
            .iter()
            .filter(|d| changed.contains(&d.source.path))
            .flat_map(|d| d.agreements.iter())
            .map(|&a| (c.agreements[a].slug.to_string(), fingerprint(c, a)))
            .collect()
    };
    let (before, after) = (fingerprints(old), fingerprints(new));
    let touched = |c: &Corpus| -> (BTreeSet<String>, BTreeSet<String>) {
        let mut agreements = BTreeSet::new();
        for d in c
            .documents
            .iter()
            .filter(|d| changed.contains(&d.source.path))
        {
            agreements.extend(
                d.agreements
                    .iter()
                    .map(|&a| c.agreements[a].slug.to_string())
                    .filter(|slug| before.get(slug) != after.get(slug)),
            );
        }
        let mut docs: BTreeSet<String> = changed.clone();
        for a in c
            .agreements
            .iter()
            .filter(|a| agreements.contains(a.slug.as_str()))
        {
            docs.extend(
                a.documents
                    .iter()
                    .map(|&d| c.documents[d].source.path.clone()),
            );
        }
        (agreements, docs)
    };
    let (mut agreements, mut docs) = touched(old);
    let (a2, d2) = touched(new);
    agreements.extend(a2);
    docs.extend(d2);

    let mut countries = BTreeSet::new();
    for c in [old, new] {
        for d in c.documents.iter().filter(|d| docs.contains(&d.source.path)) {
            countries.extend(d.extraction.countries.iter().map(|x| x.code));
        }
        for a in c
            .agreements
            .iter()
            .filter(|a| agreements.contains(a.slug.as_str()))
        {
            countries.extend(a.parties.iter().copied());
        }
    }

    let codes = |c: &Corpus| c.countries.iter().map(|n| n.code).collect::<Vec<_>>();
    let country_set_changed = codes(old) != codes(new);
    // Redirect and "gone" pages are few and tiny; their targets may have moved.
    let mut pages = vec![Page::Home, Page::Countries, Page::Search];
    pages.extend((0..new.permalinks.redirects.len()).map(Page::Redirect));
    pages.extend((0..new.permalinks.gone.len()).map(Page::Gone));
    // The timeline lists every dated document and agreement: any edit can move its entries.
    pages.extend(
        render::all_pages(new)
            .into_iter()
            .filter(|p| matches!(p, Page::Timeline(_))),
    );
    for (i, d) in new.documents.iter().enumerate() {
        if docs.contains(&d.source.path) {
            pages.push(Page::Document(i));
        }
    }
    for (i, a) in new.agreements.iter().enumerate() {
        if agreements.contains(a.slug.as_str()) {
            pages.push(Page::Agreement(i));
        }
    }
    pages.extend([Page::People, Page::SitePack]);
    pages.extend(people_pages(new, &docs, &agreements));
    fn doc_list<'c>(c: &'c Corpus, order: &[usize]) -> Vec<&'c str> {
        order
            .iter()
            .map(|&d| c.documents[d].source.path.as_str())
            .collect()
    }
    fn agreement_list(c: &Corpus) -> Vec<&str> {
        render::agreements_order(c)
            .into_iter()
            .map(|a| c.agreements[a].slug.as_str())
            .collect()
    }
    // Each affected country's documents before and after, for its later pages.
    let country_lists: HashMap<_, _> = new
        .countries
        .iter()
        .filter(|n| countries.contains(&n.code))
        .map(|n| {
            let before = old
                .country(n.code)
                .map(|o| doc_list(old, &o.documents))
                .unwrap_or_default();
            (n.code, (before, doc_list(new, &n.documents)))
        })
        .collect();
    let (old_docs, new_docs) = (
        doc_list(old, &old.newest_first),
        doc_list(new, &new.newest_first),
    );
    let (old_agreements, new_agreements) = (agreement_list(old), agreement_list(new));
    for page in render::all_pages(new) {
        let redraw = match page {
            Page::Documents(n) => {
                list_changed(&old_docs, &new_docs, n, render::DOCS_PER_PAGE, &docs)
            }
            Page::Agreements(n) => list_changed(
                &old_agreements,
                &new_agreements,
                n,
                render::AGREEMENTS_PER_PAGE,
                &agreements,
            ),
            // The first page holds the country's agreements, people and neighbours, and a
            // map linking every country with a page.
            // A country's pack shows what its first page shows.
            Page::Country(i, 1) | Page::CountryPack(i) => {
                countries.contains(&new.countries[i].code) || country_set_changed
            }
            Page::Country(i, n) => {
                country_lists
                    .get(&new.countries[i].code)
                    .is_some_and(|(before, now)| {
                        list_changed(before, now, n, render::DOCS_PER_PAGE, &docs)
                    })
            }
            _ => false,
        };
        if redraw {
            pages.push(page);
        }
    }
    pages
}

/// The pages of the people a changed document or agreement names, and of the people they
/// appear with (whose counts of shared documents may have moved).
fn people_pages(c: &Corpus, docs: &BTreeSet<String>, agreements: &BTreeSet<String>) -> Vec<Page> {
    let people = &c.people.nodes;
    let named: BTreeSet<usize> = (0..people.len())
        .filter(|&i| {
            let p = &people[i];
            p.documents
                .iter()
                .any(|&d| docs.contains(&c.documents[d].source.path))
                || p.agreements
                    .iter()
                    .any(|&a| agreements.contains(c.agreements[a].slug.as_str()))
        })
        .collect();
    let mut all = named.clone();
    for &i in &named {
        all.extend(people[i].companions.iter().map(|&(j, _)| j));
    }
    all.into_iter().map(Page::Person).collect()
}

/// Everything a page shows of an agreement, with each document by path and its card (title,
/// page, date, summary, countries; indices move when documents come and go).
fn fingerprint(c: &Corpus, a: usize) -> String {
    let a = &c.agreements[a];
    let path = |d: usize| c.documents[d].source.path.as_str();
    let docs: Vec<_> = a
        .documents
        .iter()
        .map(|&d| (path(d), render::views::DocCard::new(&c.documents[d])))
        .collect();
    let evidence: Vec<_> = a
        .evidence
        .iter()
        .map(|e| {
            (
                path(e.document),
                e.block.as_str(),
                e.status,
                e.text.as_str(),
            )
        })
        .collect();
    format!(
        "{:?}",
        (
            &a.title,
            a.kind,
            a.status,
            &a.parties,
            &a.organisations,
            &a.topic,
            &a.signatories,
            &a.place,
            a.date,
            docs,
            evidence
        )
    )
}

/// Whether page `n` of a list (`per` entries a page) shows other entries than before, or one
/// in `touched`; a page more or fewer changes every page's pagination.
fn list_changed(
    old: &[&str],
    new: &[&str],
    n: usize,
    per: usize,
    touched: &BTreeSet<String>,
) -> bool {
    let slice = |list: &[&str]| -> Vec<String> {
        list.iter()
            .skip((n - 1) * per)
            .take(per)
            .map(|s| s.to_string())
            .collect()
    };
    let now = slice(new);
    old.len().div_ceil(per) != new.len().div_ceil(per)
        || now != slice(old)
        || now.iter().any(|id| touched.contains(id))
}

//! Render: every page, data file and asset of the site, from the corpus, written to a
//! [`Sink`] as soon as it is drawn. Pages are independent and rendered in parallel.
//!
//! Entry point: [`run`]. Links are relative to the page and always name a file, so the same
//! output works from `file://`, under a sub-path and at a domain root.

pub mod assets;
pub mod cards;
pub mod data;
pub mod feeds;
pub mod flags;
pub mod linking;
pub mod map;
pub mod markdown;
mod packs;
mod pages;
mod people;
pub mod previews;
pub mod search;
pub mod templates;
pub mod views;

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;
use tera::{Context, Tera};

use crate::config::Config;
use crate::gazetteer::CountryCode;
use crate::model::{Corpus, CountryNode};
use crate::output::{OutputError, Sink};
use crate::terms::AgreementStatus;

/// Documents on the home page.
pub const HOME_LATEST: usize = 50;
/// Documents per page of the documents index and of a country page.
pub const DOCS_PER_PAGE: usize = 50;
/// Agreements per page of the agreements index.
pub const AGREEMENTS_PER_PAGE: usize = 100;
/// Entries per page of the timeline.
pub const TIMELINE_PER_PAGE: usize = 100;
/// Timeline entries on the home page and on a country page.
pub const TIMELINE_LATEST: usize = 20;
/// Agreements per status group on the home page.
const HOME_AGREEMENTS_PER_STATUS: usize = 12;
/// Related countries shown on a country page.
const RELATED_COUNTRIES: usize = 12;

/// Why rendering failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template did not parse or render.
    #[error("template {name}: {message}")]
    Template {
        /// Template name.
        name: String,
        /// Tera's message with its causes.
        message: String,
    },
    /// A user template or static file could not be read.
    #[error("cannot read {path}: {message}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
    /// Data serialisation failed.
    #[error("cannot write {name}: {message}")]
    Data {
        /// The file.
        name: String,
        /// Why.
        message: String,
    },
    /// Writing failed.
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// What was rendered.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// HTML pages written.
    pub pages: usize,
    /// Links, images and files of the documents that do not work out (see
    /// [`linking::Problem`]); the build decides which stop it.
    pub problems: Vec<linking::Problem>,
}

/// Where the project's own templates and static files are, if it has any.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// A `templates/` folder.
    pub templates: Option<PathBuf>,
    /// A `static/` folder.
    pub static_files: Option<PathBuf>,
}

impl Overrides {
    /// The `templates/` and `static/` folders of the project root.
    pub fn from_config(cfg: &Config) -> Overrides {
        Overrides {
            templates: Some(cfg.root.join("templates")),
            static_files: Some(cfg.root.join("static")),
        }
    }
}

/// One page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Page {
    /// `index.html`.
    Home,
    /// A document's page, by index into the corpus's documents.
    Document(usize),
    /// Page n (1-based) of the documents index.
    Documents(usize),
    /// The countries index.
    Countries,
    /// Page n (1-based) of a country's page, by index into the corpus's countries.
    Country(usize, usize),
    /// Page n (1-based) of the agreements index.
    Agreements(usize),
    /// An agreement's page, by index into the corpus's agreements.
    Agreement(usize),
    /// `404.html`.
    NotFound,
    /// `search.html`.
    Search,
    /// Page n (1-based) of the timeline.
    Timeline(usize),
    /// `people/index.html`.
    People,
    /// A person's page, by index into the corpus's people.
    Person(usize),
    /// `packs/briefing.html`: the whole briefing in one file.
    SitePack,
    /// A country's pack, by index into the corpus's countries.
    CountryPack(usize),
    /// A published URL whose entity moved, by index into the corpus's redirects.
    Redirect(usize),
    /// A published URL whose entity is gone, by index into the corpus's gone URLs.
    Gone(usize),
}

/// Renders the whole site into `sink`.
pub fn run(
    corpus: &Corpus,
    cfg: &Config,
    over: &Overrides,
    sink: &dyn Sink,
) -> Result<Rendered, RenderError> {
    Renderer::new(corpus, cfg, over)?.write_all(sink)
}

/// The path of a page relative to the site root.
pub fn page_url(corpus: &Corpus, page: Page) -> String {
    match page {
        Page::Home => "index.html".into(),
        Page::Document(i) => corpus.documents[i].url(),
        Page::Documents(n) => documents_url(n),
        Page::Countries => "countries/index.html".into(),
        Page::Country(i, n) => country_page_url(&corpus.countries[i], n),
        Page::Agreements(n) => agreements_url(n),
        Page::Agreement(i) => corpus.agreements[i].url(),
        Page::NotFound => "404.html".into(),
        Page::Search => "search.html".into(),
        Page::Timeline(n) => timeline_url(n),
        Page::People => people::PEOPLE_INDEX.into(),
        Page::Person(i) => corpus.people.nodes[i].url(),
        Page::SitePack => packs::SITE_PACK.into(),
        Page::CountryPack(i) => packs::country_pack_url(corpus.countries[i].code),
        Page::Redirect(i) => corpus.permalinks.redirects[i].from.clone(),
        Page::Gone(i) => corpus.permalinks.gone[i].url.clone(),
    }
}

/// The URLs of the pages that list entities (indexes, home, search), which no entity or alias
/// may take.
pub fn listing_urls(c: &Corpus) -> std::collections::HashSet<String> {
    all_pages(c)
        .into_iter()
        .filter(|p| {
            !matches!(
                p,
                Page::Document(_)
                    | Page::Agreement(_)
                    | Page::Person(_)
                    | Page::Country(_, 1)
                    | Page::Redirect(_)
                    | Page::Gone(_)
            )
        })
        .map(|p| page_url(c, p))
        .collect()
}

/// The agreements in the order of the agreements index: by status, then title.
pub fn agreements_order(c: &Corpus) -> Vec<usize> {
    let mut order: Vec<usize> = (0..c.agreements.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&c.agreements[a], &c.agreements[b]);
        y.status
            .cmp(&x.status)
            .then_with(|| x.title.cmp(&y.title))
            .then(a.cmp(&b))
    });
    order
}

/// Every page of a corpus.
pub fn all_pages(c: &Corpus) -> Vec<Page> {
    let mut all = vec![Page::Home, Page::Countries, Page::NotFound, Page::Search];
    all.extend((0..c.documents.len()).map(Page::Document));
    all.extend((1..=pages(c.documents.len(), DOCS_PER_PAGE)).map(Page::Documents));
    for (i, node) in c.countries.iter().enumerate() {
        all.extend((1..=pages(node.documents.len(), DOCS_PER_PAGE)).map(|p| Page::Country(i, p)));
    }
    all.extend((1..=pages(c.agreements.len(), AGREEMENTS_PER_PAGE)).map(Page::Agreements));
    all.extend((0..c.agreements.len()).map(Page::Agreement));
    all.extend((1..=timeline_pages(c)).map(Page::Timeline));
    all.push(Page::People);
    all.extend((0..c.people.nodes.len()).map(Page::Person));
    all.push(Page::SitePack);
    all.extend((0..c.countries.len()).map(Page::CountryPack));
    all.extend((0..c.permalinks.redirects.len()).map(Page::Redirect));
    all.extend((0..c.permalinks.gone.len()).map(Page::Gone));
    all
}

/// Draws the pages and files of one corpus: templates parsed and static files read once.
pub struct Renderer<'a> {
    corpus: &'a Corpus,
    cfg: &'a Config,
    /// The site's settings as every template sees them.
    site: serde_json::Value,
    tera: Tera,
    statics: Vec<(String, Vec<u8>)>,
    inline_css: String,
    previews: Option<previews::Previews>,
    /// The partnership map of the whole corpus (country pages highlight their country).
    map: map::MapInput,
    /// The documents' links resolved and the files to publish, worked out when first needed
    /// (drawing only the data files needs neither).
    links: std::sync::OnceLock<linking::Plan>,
}

impl<'a> Renderer<'a> {
    /// Loads the templates and static files (the project's overriding the built-in ones).
    pub fn new(
        corpus: &'a Corpus,
        cfg: &'a Config,
        over: &Overrides,
    ) -> Result<Renderer<'a>, RenderError> {
        let tera = templates::load(over.templates.as_deref())?;
        let statics = templates::static_files(over.static_files.as_deref())?;
        let inline_css = statics
            .iter()
            .find(|(n, _)| n == "style.css")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        let site = json!({
            "title": cfg.title,
            "description": cfg.description,
            "language": cfg.language,
            "author": cfg.author,
            "base_url": cfg.base_url.as_ref().map(|b| b.as_str()),
        });
        Ok(Renderer {
            corpus,
            cfg,
            site,
            tera,
            statics,
            inline_css,
            previews: previews::Previews::plan(corpus, cfg)?,
            map: pages::map_input(corpus),
            links: std::sync::OnceLock::new(),
        })
    }

    /// Writes the whole site into `sink`.
    pub fn write_all(&self, sink: &dyn Sink) -> Result<Rendered, RenderError> {
        self.write_assets(sink)?;
        let pages = self.pages();
        // The data files and the search index are mostly serial work; drawn beside the pages
        // they use time the page threads spend waiting on the file system.
        let (paths, indexes) = rayon::join(
            || self.write_pages(&pages, sink),
            || self.write_indexes(sink),
        );
        let paths = paths?;
        indexes?;
        self.write_feeds(&paths, sink)?;
        Ok(Rendered {
            pages: pages.len(),
            problems: self.links().problems.clone(),
        })
    }

    /// Every document's links resolved, the files documents link or embed, and what does not
    /// resolve.
    pub fn links(&self) -> &linking::Plan {
        self.links
            .get_or_init(|| linking::plan(self.corpus, self.cfg))
    }

    /// Copies the files documents link or embed into the site, each once.
    pub fn write_files(&self, sink: &dyn Sink) -> Result<(), RenderError> {
        self.links()
            .files
            .par_iter()
            .try_for_each(|(path, file)| sink.copy_file(path, &file.src))?;
        Ok(())
    }

    /// Static files, `.nojekyll`, the flags of the corpus's countries, the highlighting
    /// styles when some document has code, and the files documents link or embed.
    pub fn write_assets(&self, sink: &dyn Sink) -> Result<(), RenderError> {
        self.write_files(sink)?;
        for (name, bytes) in &self.statics {
            sink.write(name, bytes)?;
        }
        // Only the countries with a page: no other page shows a flag, and a site of a handful
        // of countries should not carry 250 of them.
        for node in &self.corpus.countries {
            if let Some((path, svg)) = self.flag_file(node.code) {
                sink.write(&path, svg.as_bytes())?;
            }
        }
        sink.write(".nojekyll", b"")?;
        if self
            .corpus
            .documents
            .iter()
            .any(|d| d.source.markdown.contains("```") || d.source.markdown.contains("~~~"))
        {
            sink.write("syntax.css", markdown::syntax_css().as_bytes())?;
        }
        Ok(())
    }

    /// The built-in flag file of a country: its path in the site and its SVG. `None` when
    /// there is no flag for the country, or when the project's own static files hold that
    /// path (`static/flags/tr.svg`), which [`Renderer::write_assets`] writes instead.
    pub fn flag_file(&self, code: CountryCode) -> Option<(String, &'static str)> {
        let path = flags::url(code)?;
        let svg = flags::svg(code)?;
        (!self.statics.iter().any(|(name, _)| *name == path)).then_some((path, svg))
    }

    /// Draws `pages` in parallel, writing each as soon as it is drawn; returns their paths.
    pub fn write_pages(&self, pages: &[Page], sink: &dyn Sink) -> Result<Vec<String>, RenderError> {
        pages
            .par_iter()
            .map(|&page| {
                let (path, html) = self.draw_page(page)?;
                sink.write(&path, html.as_bytes())?;
                Ok(path)
            })
            .collect()
    }

    /// The data files and the search index.
    pub fn write_indexes(&self, sink: &dyn Sink) -> Result<(), RenderError> {
        if let Some(p) = &self.previews {
            p.write(sink)?;
        }
        data::write_all(self.corpus, sink)?;
        // The deployed record lets a build elsewhere (CI) keep this site's URLs alive.
        sink.write(
            "data/permalinks.json",
            self.corpus.permalinks.record.to_json().as_bytes(),
        )?;
        search::write(self.corpus, sink)
    }

    /// Feeds, sitemap and robots.txt (when `base_url` is set); `pages` are the pages written.
    /// Redirects, "gone" pages and the 404 page are left out of the sitemap.
    pub fn write_feeds(&self, pages: &[String], sink: &dyn Sink) -> Result<(), RenderError> {
        let p = &self.corpus.permalinks;
        let unlisted: std::collections::HashSet<&str> = p
            .redirects
            .iter()
            .map(|r| r.from.as_str())
            .chain(p.gone.iter().map(|g| g.url.as_str()))
            .chain(["404.html"])
            .collect();
        let listed: Vec<String> = pages
            .iter()
            // Packs repeat the pages' content in one file; search engines should index the pages.
            .filter(|u| !unlisted.contains(u.as_str()) && !u.starts_with("packs/"))
            .cloned()
            .collect();
        feeds::write_all(self.corpus, self.cfg, &self.tera, &listed, sink)
    }
}

/// What every page's `<head>` and layout need.
#[derive(Serialize)]
struct PageMeta {
    title: String,
    description: String,
    /// Prefix from this page to the site root ("", "../", "../../" …).
    root: String,
    url: String,
    canonical: Option<String>,
    og_type: &'static str,
    /// The link-preview card: absolute URL and text alternative.
    image: Option<String>,
    image_alt: Option<String>,
    section: &'static str,
    has_code: bool,
}

/// Whether the document's first paragraph begins with `summary` (ignoring a final "…").
fn lead_starts_with(doc: &crate::model::Document, summary: &str) -> bool {
    let summary = summary.trim_end_matches('…');
    doc.source
        .blocks
        .iter()
        .find(|b| b.kind == crate::ingest::BlockKind::Paragraph)
        .is_some_and(|b| crate::sentences::strip_dateline(&b.text).starts_with(summary))
}

/// The prefix from a page to the site root: one `../` per folder in its path.
fn root_of(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

/// The link from the page `from` to the site path `to` (both relative to the site root): a
/// bare file name within the same folder, climbing only as far as needed.
pub(crate) fn relative_url(from: &str, to: &str) -> String {
    let dirs: Vec<&str> = from.split('/').collect();
    let dirs = &dirs[..dirs.len() - 1];
    let parts: Vec<&str> = to.split('/').collect();
    let common = dirs
        .iter()
        .zip(&parts[..parts.len() - 1])
        .take_while(|(a, b)| a == b)
        .count();
    format!(
        "{}{}",
        "../".repeat(dirs.len() - common),
        parts[common..].join("/")
    )
}

fn pages(n: usize, per: usize) -> usize {
    n.div_ceil(per).max(1)
}

fn documents_url(n: usize) -> String {
    if n == 1 {
        "documents/index.html".into()
    } else {
        format!("documents/page-{n}.html")
    }
}

fn timeline_url(n: usize) -> String {
    if n == 1 {
        "timeline.html".into()
    } else {
        format!("timeline-page-{n}.html")
    }
}

/// Pages of the timeline: the dated entries, then the undated ones on the last page.
fn timeline_pages(c: &Corpus) -> usize {
    pages(c.timeline.dated.len(), TIMELINE_PER_PAGE)
}

fn agreements_url(n: usize) -> String {
    if n == 1 {
        "agreements/index.html".into()
    } else {
        format!("agreements/page-{n}.html")
    }
}

fn country_page_url(node: &CountryNode, n: usize) -> String {
    let base = node.url();
    if n == 1 {
        base
    } else {
        format!("{}-page-{n}.html", base.trim_end_matches(".html"))
    }
}

impl Renderer<'_> {
    /// Every page of the site.
    pub fn pages(&self) -> Vec<Page> {
        all_pages(self.corpus)
    }

    fn meta(&self, url: String, title: &str, description: &str, section: &'static str) -> PageMeta {
        let image = self.previews.as_ref().map(|p| p.image(&url));
        PageMeta {
            title: title.to_string(),
            description: description.to_string(),
            root: root_of(&url),
            canonical: self.cfg.base_url.as_ref().map(|b| b.join(&url)),
            image_alt: image.as_ref().map(|i| i.alt.clone()),
            image: image.map(|i| i.url),
            url,
            og_type: "website",
            section,
            has_code: false,
        }
    }

    fn draw(
        &self,
        template: &str,
        meta: PageMeta,
        extra: serde_json::Value,
    ) -> Result<(String, String), RenderError> {
        // The page's data becomes the context as it is, without another copy.
        let mut ctx = Context::from_value(extra).map_err(|e| RenderError::Template {
            name: template.into(),
            message: templates::error_chain(&e),
        })?;
        ctx.insert("site", &self.site);
        ctx.insert("page", &meta);
        let html = self
            .tera
            .render(template, &ctx)
            .map_err(|e| RenderError::Template {
                name: template.into(),
                message: templates::error_chain(&e),
            })?;
        Ok((meta.url, html))
    }

    /// Draws one page: its path relative to the site root, and its HTML.
    pub fn draw_page(&self, page: Page) -> Result<(String, String), RenderError> {
        match page {
            Page::Home => self.home(),
            Page::Document(i) => self.document(i),
            Page::Documents(n) => self.documents(n),
            Page::Countries => self.countries(),
            Page::Country(i, n) => self.country(i, n),
            Page::Agreements(n) => self.agreements(n),
            Page::Agreement(i) => self.agreement(i),
            Page::NotFound => self.not_found(),
            Page::Search => self.search(),
            Page::Timeline(n) => self.timeline(n),
            Page::People => self.people_index(),
            Page::Person(i) => self.person(i),
            Page::SitePack => self.site_pack(),
            Page::CountryPack(i) => self.country_pack(i),
            Page::Redirect(i) => self.redirect(i),
            Page::Gone(i) => self.gone(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_climb_only_as_needed() {
        assert_eq!(
            relative_url("documents/a.html", "documents/b.html"),
            "b.html"
        );
        assert_eq!(
            relative_url("documents/a.html", "countries/niger.html"),
            "../countries/niger.html"
        );
        assert_eq!(
            relative_url("index.html", "files/img/x.png"),
            "files/img/x.png"
        );
        assert_eq!(relative_url("a/b/c.html", "a/d.html"), "../d.html");
    }
}

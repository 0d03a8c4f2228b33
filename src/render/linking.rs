//! The links and images documents write, resolved against the briefing before any page is
//! drawn: a path to another document becomes a link to its page (and to the heading or
//! paragraph its `#anchor` names), `country:` and `agreement:` become links to those pages, and
//! a file beside the documents is published under `files/` with the link rewritten to it. What
//! does not resolve is a [`Problem`] at the line and column that writes it, worded as `check`
//! words a broken link; the link is then left as written, never turned into a silent `#`.
//!
//! Paths are relative to the linking file in the seeds folder, as in mdBook: `talks.md` beside
//! it, `../2024/talks.md` in a sibling folder. Resolution reads only the ingest's notes of each
//! document's links, never the text again, and only the files that some document links.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use super::assets::{self, Published, Refused};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::gazetteer::Gazetteer;
use crate::ingest::{Format, Link};
use crate::links::{self, Entity};
use crate::model::{Corpus, Document, country_url};
use crate::terms::count;

/// Where published files go in the site, under their seeds-relative path.
pub const FILES_DIR: &str = "files";

/// Most file names listed in the one line about files no document links.
const UNLINKED_SHOWN: usize = 10;

/// What sort of problem a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKind {
    /// A link or image whose target does not exist (a path, an anchor, an entity).
    Broken,
    /// A link or image to a file that exists but is not published, with the reason.
    Unpublished,
    /// An image without alt text.
    NoAlt,
    /// A linked file over the size limit: an error.
    TooLarge,
    /// The files of the seeds folder that no document links, in one line.
    Unlinked,
}

impl ProblemKind {
    /// Whether `--strict` makes it an error: everything about a link, an image or a linked
    /// file, but not the note about files no document links (publishing them is a choice).
    pub fn strict(self) -> bool {
        !matches!(self, ProblemKind::Unlinked)
    }
}

/// A link, image or file that does not work out, with the diagnostic to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What sort of problem.
    pub kind: ProblemKind,
    /// Where and what: the document at the link's line and column (a file over the size limit
    /// names the file itself).
    pub diagnostic: Diagnostic,
    /// For a link left as written: the page it is on and its `href`, so `check` does not
    /// report it a second time when it follows the page's links.
    pub link: Option<(String, String)>,
}

/// One link of a document, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Byte offset of the link in the document's body ([`Link::offset`]).
    pub offset: usize,
    /// The `href` or `src` to write, relative to the document's page; `None` leaves the link as
    /// written (an external URL, a fragment of the page, or a link that does not resolve).
    pub href: Option<String>,
    /// Width and height of an embedded image, for the `<img>`.
    pub size: Option<(u32, u32)>,
}

/// Every document's links resolved, the files to publish, and the problems.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Per document (by index into the corpus), its resolved links in body order.
    docs: Vec<Vec<Resolved>>,
    /// Files to publish: site path → the file.
    pub files: BTreeMap<String, Published>,
    /// What does not resolve, in document order, then the files over the limit, then the
    /// line about files no document links.
    pub problems: Vec<Problem>,
}

impl Plan {
    /// The resolved links of document `i`, by offset.
    pub fn links(&self, i: usize) -> &[Resolved] {
        self.docs.get(i).map_or(&[], Vec::as_slice)
    }
}

/// Where a link leads, before its file (if any) is inspected.
enum Target {
    /// Keep it as written.
    AsWritten,
    /// A page or place of the site: the `href` from the document's page.
    Href(String),
    /// A file of the seeds folder (seeds-relative), and the `#fragment` after it, if any.
    File(String, Option<String>),
    /// Nowhere: the kind of problem and the reason.
    Nowhere(ProblemKind, String),
}

/// Resolves every link of every document of `corpus`.
pub fn plan(corpus: &Corpus, cfg: &Config) -> Plan {
    if corpus.files.is_empty() && corpus.documents.iter().all(|d| d.source.links.is_empty()) {
        return Plan::default();
    }
    let index = Index::new(corpus);
    // Each document's targets, in parallel: most documents have no link to resolve.
    let targets: Vec<Vec<Target>> = corpus
        .documents
        .par_iter()
        .map(|doc| {
            doc.source
                .links
                .iter()
                .map(|link| index.target(doc, link, cfg))
                .collect()
        })
        .collect();
    let wanted: BTreeSet<String> = targets
        .iter()
        .flatten()
        .filter_map(|t| match t {
            Target::File(rel, _) => Some(rel.clone()),
            _ => None,
        })
        .collect();
    // Each linked file once, however many documents link it.
    let inspected: HashMap<&str, Result<Published, Refused>> = wanted
        .par_iter()
        .map(|rel| {
            let verdict = assets::inspect(&cfg.seeds, rel, cfg.max_asset_bytes);
            (rel.as_str(), verdict)
        })
        .collect();

    let mut out = Plan::default();
    for (doc, targets) in corpus.documents.iter().zip(targets) {
        let page = doc.url();
        let mut resolved = Vec::with_capacity(targets.len());
        for (link, target) in doc.source.links.iter().zip(targets) {
            let mut r = Resolved {
                offset: link.offset,
                href: None,
                size: None,
            };
            let problem = match target {
                Target::AsWritten => None,
                Target::Href(href) => {
                    r.href = Some(href);
                    None
                }
                Target::Nowhere(kind, reason) => Some((kind, reason)),
                Target::File(rel, fragment) => match &inspected[rel.as_str()] {
                    Ok(file) => {
                        let site = format!("{FILES_DIR}/{rel}");
                        let mut href = super::relative_url(&page, &encode_path(&site));
                        if let Some(f) = fragment {
                            href.push('#');
                            href.push_str(&f);
                        }
                        r.href = Some(href);
                        r.size = file.size.filter(|_| link.image);
                        out.files.entry(site).or_insert_with(|| file.clone());
                        None
                    }
                    Err(Refused::Unsafe(why)) => {
                        Some((ProblemKind::Unpublished, format!("is not published: {why}")))
                    }
                    // Said once, naming the file, below.
                    Err(Refused::TooLarge { .. }) => None,
                },
            };
            let what = if link.image { "image" } else { "link" };
            if let Some((kind, reason)) = problem {
                out.problems.push(Problem {
                    kind,
                    diagnostic: at(doc, link, links::broken(what, &link.dest, &page, &reason)),
                    link: Some((page.clone(), link.dest.clone())),
                });
            }
            if link.image && !link.described {
                out.problems.push(Problem {
                    kind: ProblemKind::NoAlt,
                    diagnostic: at(
                        doc,
                        link,
                        format!(
                            "image `{}` on {page} has no alt text; say what it shows between the brackets: ![what it shows]({})",
                            link.dest, link.dest
                        ),
                    ),
                    link: None,
                });
            }
            resolved.push(r);
        }
        out.docs.push(resolved);
    }
    for rel in &wanted {
        if let Err(Refused::TooLarge { bytes, limit }) = inspected[rel.as_str()] {
            // An error whatever the options: the document needs the file and it cannot go.
            let d = Diagnostic::error(
                rel.clone(),
                format!(
                    "is {}, over the {} limit for one file that documents link; make it smaller, or raise `max_asset_mb` in briefing.toml",
                    megabytes(bytes),
                    megabytes(limit)
                ),
            );
            out.problems.push(Problem {
                kind: ProblemKind::TooLarge,
                diagnostic: d,
                link: None,
            });
        }
    }
    let unlinked: Vec<&str> = corpus
        .files
        .iter()
        .map(String::as_str)
        .filter(|f| !wanted.contains(*f))
        .collect();
    if !unlinked.is_empty() {
        out.problems.push(Problem {
            kind: ProblemKind::Unlinked,
            diagnostic: Diagnostic::warning(seeds_name(cfg), unlinked_message(&unlinked)),
            link: None,
        });
    }
    out
}

/// "3 files are not published, since no document links them: a.csv, …".
fn unlinked_message(files: &[&str]) -> String {
    let n = files.len();
    let mut list = files
        .iter()
        .take(UNLINKED_SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if n > UNLINKED_SHOWN {
        list.push_str(&format!(" and {} more", n - UNLINKED_SHOWN));
    }
    let (are, them) = if n == 1 {
        ("is", "it")
    } else {
        ("are", "them")
    };
    format!(
        "{} {are} not published, since no document links {them}: {list} (a document that links or embeds a file publishes it)",
        count(n, "file")
    )
}

/// The seeds folder as the user would type it.
fn seeds_name(cfg: &Config) -> String {
    let shown = cfg.seeds.display().to_string();
    shown
        .strip_prefix("./")
        .map(str::to_string)
        .unwrap_or(shown)
}

/// "31.5 MB".
fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / 1e6;
    if mb.fract() == 0.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

/// A warning about `link` of `doc`, at the line and column of the file that writes its
/// destination (or its opening bracket, when the destination is written elsewhere, as a
/// reference's is).
fn at(doc: &Document, link: &Link, message: String) -> Diagnostic {
    let source = &doc.source;
    let body = &source.markdown;
    // An inline link's destination follows its text on the same or the next lines.
    let end = crate::location::floor_char_boundary(body, link.offset + 4096);
    let window = &body[link.offset.min(end)..end];
    let offset = match window.find(&format!("]({}", link.dest)) {
        Some(at) if !link.dest.is_empty() => link.offset + at + 2,
        _ => link.offset,
    };
    let (line, column) = source.origin.locate(body, offset);
    Diagnostic::warning(source.path.clone(), message).at(line, column)
}

/// The data files a document may link by their place in the site (`../data/briefing.json`).
const DATA_FILES: [&str; 4] = [
    "data/briefing.json",
    "data/documents.csv",
    "data/countries.csv",
    "data/agreements.csv",
];

/// What resolving needs to find quickly: documents by path, agreements by slug, and (only
/// if some link needs it) the site's pages.
struct Index<'c> {
    corpus: &'c Corpus,
    documents: HashMap<&'c str, usize>,
    agreements: HashMap<&'c str, usize>,
    pages: std::sync::OnceLock<std::collections::HashSet<String>>,
}

impl<'c> Index<'c> {
    fn new(corpus: &'c Corpus) -> Index<'c> {
        Index {
            corpus,
            documents: corpus
                .documents
                .iter()
                .enumerate()
                .map(|(i, d)| (d.source.path.as_str(), i))
                .collect(),
            agreements: corpus
                .agreements
                .iter()
                .enumerate()
                .map(|(i, a)| (a.slug.as_str(), i))
                .collect(),
            pages: std::sync::OnceLock::new(),
        }
    }

    /// Whether `path` (relative to the site root) is a page or data file of the site.
    fn is_site_file(&self, path: &str) -> bool {
        DATA_FILES.contains(&path)
            || self
                .pages
                .get_or_init(|| {
                    super::all_pages(self.corpus)
                        .into_iter()
                        .map(|p| super::page_url(self.corpus, p))
                        .collect()
                })
                .contains(path)
    }

    /// Where `link` of `doc` leads.
    fn target(&self, doc: &Document, link: &Link, cfg: &Config) -> Target {
        let dest = link.dest.trim();
        let page = doc.url();
        if let Some((entity, rest)) = links::entity(dest) {
            return self.entity(entity, rest, &page);
        }
        if links::is_external(dest) {
            return Target::AsWritten;
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        let path = path.split('?').next().unwrap_or("");
        if path.is_empty() {
            // A place on the page itself.
            return match fragment {
                Some(f) if !f.is_empty() && !has_id(doc, &links::percent_decode(f)) => {
                    broken(links::no_id(f, &doc.source.path))
                }
                _ => Target::AsWritten,
            };
        }
        if path.starts_with('/') {
            return broken(links::ROOT_ABSOLUTE.into());
        }
        if path.ends_with('/') {
            return broken(links::FOLDER.into());
        }
        let Some(rel) = links::join(&doc.source.path, &links::percent_decode(path)) else {
            if links::join(&page, &links::percent_decode(path))
                .is_some_and(|t| self.is_site_file(&t))
            {
                return Target::AsWritten;
            }
            return broken("climbs above the seeds folder".into());
        };
        if let Some(&t) = self.documents.get(rel.as_str()) {
            let target = &self.corpus.documents[t];
            let href = super::relative_url(&page, &target.url());
            return match fragment.filter(|f| !f.is_empty()) {
                None => Target::Href(href),
                Some(f) if has_id(target, &links::percent_decode(f)) => {
                    Target::Href(format!("{href}#{f}"))
                }
                Some(f) => broken(links::no_id(f, &rel)),
            };
        }
        if self
            .corpus
            .files
            .binary_search_by(|f| f.as_str().cmp(&rel))
            .is_ok()
        {
            return Target::File(rel, fragment.map(str::to_string));
        }
        // A page of the site named from the document's own page (`../countries/kenya.html`),
        // as links were written before documents could name each other: left as written.
        if links::join(&page, &links::percent_decode(path)).is_some_and(|t| self.is_site_file(&t)) {
            return Target::AsWritten;
        }
        not_listed(cfg, &rel)
    }

    /// Where `country:…` or `agreement:…` leads from the page `page`; `rest` may end in a
    /// `#fragment`, kept as is.
    fn entity(&self, entity: Entity, rest: &str, page: &str) -> Target {
        let to = |url: &str, fragment: &str| {
            Target::Href(format!("{}{fragment}", super::relative_url(page, url)))
        };
        let (name, fragment) = match rest.split_once('#') {
            Some((n, f)) => (n, format!("#{f}")),
            None => (rest, String::new()),
        };
        let name = links::percent_decode(name);
        let name = name.trim();
        match entity {
            Entity::Country => {
                let Some(code) = Gazetteer::global().lookup(name) else {
                    return broken(
                        "names no country the gazetteer knows; write an ISO code (`country:NE`) or a name (`country:Niger`)"
                            .into(),
                    );
                };
                if self.corpus.country(code).is_none() {
                    let shown = Gazetteer::global()
                        .get(code)
                        .map_or(code.as_str(), |c| c.name.as_str());
                    return broken(format!(
                        "names {shown}, which has no page: no document mentions it"
                    ));
                }
                to(&country_url(code), &fragment)
            }
            Entity::Agreement => {
                if let Some(&a) = self.agreements.get(name) {
                    return to(&self.corpus.agreements[a].url(), &fragment);
                }
                // A slug that changed: straight to where its redirect leads.
                let old = format!("agreements/{name}.html");
                let permalinks = &self.corpus.permalinks;
                if let Some(r) = permalinks.redirects.iter().find(|r| r.from == old) {
                    return to(&r.to, &fragment);
                }
                if permalinks.gone.iter().any(|g| g.url == old) {
                    return broken("names an agreement that is no longer in the briefing".into());
                }
                broken(format!(
                    "names no agreement of the briefing; use the slug of its page, as in `agreement:{}`",
                    self.corpus
                        .agreements
                        .first()
                        .map_or("niger-turkiye-mou-mineral-exploration-and-mining", |a| a
                            .slug
                            .as_str())
                ))
            }
        }
    }
}

fn broken(reason: String) -> Target {
    Target::Nowhere(ProblemKind::Broken, reason)
}

/// Why a seeds-relative path that is neither a document nor a listed file leads nowhere:
/// looked up on disk only then, since it is rare.
fn not_listed(cfg: &Config, rel: &str) -> Target {
    let unpublished =
        |why: &str| Target::Nowhere(ProblemKind::Unpublished, format!("is not published: {why}"));
    if rel.split('/').any(|part| part.starts_with('.')) {
        return unpublished("hidden files are never copied");
    }
    let mut path = cfg.seeds.clone();
    for part in rel.split('/') {
        path.push(part);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                return unpublished(
                    "it is a symbolic link, or inside one, and symbolic links are never followed",
                );
            }
            Ok(_) => {}
            Err(_) => return broken(links::missing(rel)),
        }
    }
    if path.is_dir() {
        broken(links::FOLDER.into())
    } else if Format::of(std::path::Path::new(rel)).is_some() {
        broken(format!(
            "points to `{rel}`, a document that is not part of this build (a draft needs --drafts)"
        ))
    } else {
        broken(links::missing(rel))
    }
}

/// Whether the page of `doc` has the id `id`: a heading, paragraph or item, a footnote, or an
/// id written in raw HTML.
fn has_id(doc: &Document, id: &str) -> bool {
    doc.source.blocks.iter().any(|b| b.id.as_str() == id) || doc.source.ids.iter().any(|i| i == id)
}

/// A site path as a URL path: each segment percent-encoded, `/` kept.
fn encode_path(path: &str) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    // Everything but the characters a path segment may hold as they are.
    const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    path.split('/')
        .map(|s| utf8_percent_encode(s, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_encoded_by_segment() {
        assert_eq!(encode_path("files/img/map.png"), "files/img/map.png");
        assert_eq!(
            encode_path("files/Côte d'Ivoire/report #1.pdf"),
            "files/C%C3%B4te%20d%27Ivoire/report%20%231.pdf"
        );
    }

    #[test]
    fn unlinked_files_are_one_line() {
        assert_eq!(
            unlinked_message(&["a.csv"]),
            "1 file is not published, since no document links it: a.csv (a document that links or embeds a file publishes it)"
        );
        let many: Vec<String> = (0..12).map(|i| format!("f{i:02}.png")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let m = unlinked_message(&refs);
        assert!(
            m.starts_with("12 files are not published, since no document links them: f00.png, "),
            "{m}"
        );
        assert!(m.contains("f09.png and 2 more"), "{m}");
    }

    #[test]
    fn sizes_read_as_megabytes() {
        assert_eq!(megabytes(25_000_000), "25 MB");
        assert_eq!(megabytes(31_450_000), "31.4 MB");
    }
}

//! Ingest: walk the seeds folder, read every document, split off and parse its front matter,
//! and give every document a Markdown body, a title, a summary, anchorable blocks and the
//! links it writes. The other files of the seeds folder are listed, not read: documents may
//! link or embed them, and the renderer decides which to publish.
//!
//! Entry points: [`run`] for a seeds folder and [`read_files`] for files named on the
//! command line. Nothing here knows about countries in prose, pages or output.

pub mod blocks;
pub mod front_matter;
pub mod plain;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Severity};
use crate::location::Origin;
use crate::sentences;
pub use blocks::{Block, BlockKind, Link};
pub use front_matter::{AgreementFields, FrontAgreement, FrontMatter};

/// Longest derived headline, in characters.
pub const HEADLINE_MAX: usize = 80;

/// Why ingest could not produce a corpus.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The seeds folder is missing.
    #[error(
        "seeds folder `{0}` does not exist: create it and put .md or .txt documents in it, or pass --seeds DIR"
    )]
    SeedsMissing(PathBuf),
    /// The seeds path is not a folder.
    #[error(
        "seeds path `{0}` is not a folder: pass the folder that holds the documents with --seeds DIR"
    )]
    SeedsNotDir(PathBuf),
    /// One or more documents could not be read or parsed.
    #[error("{} could not be read:\n{}", crate::terms::count(.0.len(), "document"), join(.0))]
    Documents(Vec<Diagnostic>),
}

/// Diagnostics one to a line, indented under the message that counts them.
pub fn join(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| format!("  {d}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A document as read: front matter parsed, body as Markdown, title and summary settled.
#[derive(Debug, Clone)]
pub struct SourceDoc {
    /// Path relative to the seeds folder with `/` separators (or as given on the command line).
    pub path: String,
    /// Parsed front matter (defaults when absent).
    pub front: FrontMatter,
    /// Title: front matter's, else a leading `# heading` or headline line, else from the lead.
    pub title: String,
    /// Summary: front matter's, else the first sentences.
    pub summary: String,
    /// The body as Markdown (plain text is converted and escaped).
    pub markdown: String,
    /// Headings, paragraphs and tight list items with their ids.
    pub blocks: Vec<Block>,
    /// Images, and links that may lead inside the briefing, in body order.
    pub links: Vec<Link>,
    /// Ids of the page besides the blocks': footnotes and ids written in raw HTML.
    pub ids: Vec<String>,
    /// Where the body starts in the file, so a position in the body can be told in the
    /// file's lines and columns.
    pub origin: Origin,
}

/// What ingest produced: the documents in path order and the warnings about skipped input.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Documents, sorted by path.
    pub documents: Vec<SourceDoc>,
    /// Warnings (skipped files, unknown keys …).
    pub warnings: Vec<Diagnostic>,
    /// The other files of the seeds folder (see [`Listing::files`]).
    pub files: Vec<String>,
}

/// What a walk of the seeds folder found.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Document files, sorted by path.
    pub documents: Vec<SeedFile>,
    /// Every other regular file — not hidden, not a symbolic link — by its path relative to
    /// the seeds folder (`/`-separated), sorted: what documents may link or embed.
    pub files: Vec<String>,
    /// What was skipped, and why.
    pub warnings: Vec<Diagnostic>,
}

/// The document formats briefing reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.md` / `.markdown`.
    Markdown,
    /// `.txt`.
    Text,
}

impl Format {
    /// The format of a file name, if it is one briefing reads.
    pub fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::Text),
            _ => None,
        }
    }
}

/// A document file found in the seeds folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its path relative to the seeds folder, `/`-separated.
    pub rel: String,
    /// How to read it.
    pub format: Format,
}

/// Reads every document under `seeds` (sorted, hidden files and links skipped with a warning).
/// Drafts are dropped unless `drafts` is set. Any document that cannot be read fails the whole
/// run, naming every such document.
pub fn run(seeds: &Path, drafts: bool) -> Result<Ingested, IngestError> {
    fail_on_errors(collect(seeds, drafts)?)
}

/// Like [`run`], but a document that cannot be read is left out with an error diagnostic in
/// [`Ingested::warnings`] instead of failing the run, so `briefing check` can report every
/// problem and still look at the documents that are fine. Only a missing seeds folder fails.
pub fn collect(seeds: &Path, drafts: bool) -> Result<Ingested, IngestError> {
    let listing = list(seeds)?;
    let mut ingested = load_all(
        listing
            .documents
            .into_iter()
            .map(|f| (f.path, f.rel, f.format))
            .collect(),
        drafts,
    );
    ingested.warnings.splice(0..0, listing.warnings);
    ingested.files = listing.files;
    Ok(ingested)
}

/// The document files and the other files under `seeds`, sorted by path, and warnings about
/// what was skipped. Other files are only listed here: whether each is published depends on
/// whether a document links it.
pub fn list(seeds: &Path) -> Result<Listing, IngestError> {
    if !seeds.exists() {
        return Err(IngestError::SeedsMissing(seeds.to_path_buf()));
    }
    if !seeds.is_dir() {
        return Err(IngestError::SeedsNotDir(seeds.to_path_buf()));
    }
    let mut warnings = Vec::new();
    let mut hidden = Vec::new();
    let mut files = Vec::new();
    let mut others = Vec::new();
    // One unsorted walk, sorted once at the end: walkdir's own sorting compares file names
    // parsed again at every comparison, which dominated reading 100,000 files.
    let mut walker = WalkDir::new(seeds).follow_links(false).into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err
                    .path()
                    .map_or(seeds.display().to_string(), |p| p.display().to_string());
                warnings.push(Diagnostic::warning(path, format!("skipped: {err}")));
                continue;
            }
        };
        let rel = relative(seeds, entry.path());
        if entry.depth() > 0 && is_hidden(entry.file_name()) {
            // Said once for a hidden folder, whose contents are not looked at.
            hidden.push(Diagnostic::warning(
                rel,
                "skipped: hidden files and folders are not read",
            ));
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
        } else if entry.path_is_symlink() {
            warnings.push(Diagnostic::warning(
                rel,
                "skipped: symbolic links are not followed",
            ));
        } else if entry.file_type().is_file() {
            match Format::of(entry.path()) {
                Some(format) => files.push(SeedFile {
                    path: entry.path().to_path_buf(),
                    rel,
                    format,
                }),
                None => others.push(rel),
            }
        }
    }
    // Sorted as the walk would visit names in order: a path with its separators as the
    // lowest character compares component by component.
    let key = |p: &str| p.replace('/', "\0");
    files.sort_by_cached_key(|f| key(&f.rel));
    others.sort_by_cached_key(|p| key(p));
    warnings.sort_by_cached_key(|d| key(&d.path));
    hidden.sort_by_cached_key(|d| key(&d.path));
    warnings.append(&mut hidden);
    Ok(Listing {
        documents: files,
        files: others,
        warnings,
    })
}

/// Reads one document file; `None` (with a diagnostic) when it cannot be used, and drafts
/// are returned like any document.
pub fn read(file: &SeedFile) -> (Option<SourceDoc>, Vec<Diagnostic>) {
    load(&file.path, file.rel.clone(), file.format)
}

/// Turns the diagnostics that are errors into an [`IngestError`].
pub fn fail_on_errors(ingested: Ingested) -> Result<Ingested, IngestError> {
    if ingested
        .warnings
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        let (errors, _): (Vec<_>, Vec<_>) = ingested
            .warnings
            .into_iter()
            .partition(|d| d.severity == Severity::Error);
        return Err(IngestError::Documents(errors));
    }
    Ok(ingested)
}

/// Reads the given files (for `briefing extract`); paths are kept as given.
pub fn read_files(paths: &[PathBuf]) -> Result<Ingested, IngestError> {
    // A file named twice is read once.
    let mut seen = std::collections::HashSet::new();
    let files = paths
        .iter()
        .filter(|p| seen.insert(p.as_path()))
        .map(|p| {
            let format = Format::of(p).unwrap_or(Format::Text);
            (
                p.clone(),
                p.display().to_string().replace('\\', "/"),
                format,
            )
        })
        .collect();
    let ingested = load_all(files, true);
    let errors: Vec<_> = ingested
        .warnings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    if errors.is_empty() {
        Ok(ingested)
    } else {
        Err(IngestError::Documents(errors))
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn load_all(files: Vec<(PathBuf, String, Format)>, drafts: bool) -> Ingested {
    let results: Vec<_> = files
        .into_par_iter()
        .map(|(path, rel, format)| load(&path, rel, format))
        .collect();
    let mut out = Ingested::default();
    for (doc, diags) in results {
        out.warnings.extend(diags);
        if let Some(doc) = doc.filter(|d| drafts || !d.front.draft) {
            out.documents.push(doc);
        }
    }
    out
}

fn load(path: &Path, rel: String, format: Format) -> (Option<SourceDoc>, Vec<Diagnostic>) {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return (
                None,
                vec![Diagnostic::error(rel, format!("cannot read: {e}"))],
            );
        }
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = good.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            let what = if bytes.contains(&0) {
                "is a binary file, not text"
            } else {
                "is not valid UTF-8"
            };
            let d = Diagnostic::error(
                rel,
                format!("{what}; save it as UTF-8 text or move it out of the seeds folder"),
            );
            return (None, vec![d.at(line, col)]);
        }
    };
    if text.contains('\0') {
        return (
            None,
            vec![Diagnostic::error(
                rel,
                "is a binary file, not text; move it out of the seeds folder",
            )],
        );
    }
    parse(rel, text.strip_prefix('\u{feff}').unwrap_or(text), format)
}

/// Parses one document's text. Returns no document (with a warning) for an empty file.
pub fn parse(rel: String, text: &str, format: Format) -> (Option<SourceDoc>, Vec<Diagnostic>) {
    let split = match front_matter::split(text) {
        Ok(s) => s,
        Err(e) => {
            return (
                None,
                vec![Diagnostic::error(rel, e.message).at(e.line, e.column)],
            );
        }
    };
    let mut diags: Vec<Diagnostic> = split
        .unknown_keys
        .iter()
        .map(|(k, line)| {
            Diagnostic::warning(
                rel.clone(),
                format!("unknown front matter key `{k}` ignored"),
            )
            .at(*line, 1)
        })
        .collect();
    if split.body.trim().is_empty() && split.front.title.is_none() {
        diags.push(Diagnostic::warning(rel, "skipped: the document is empty"));
        return (None, diags);
    }
    let front = split.front;
    let (markdown, found_title) = match format {
        Format::Text => {
            let s = plain::structure(split.body);
            (s.markdown, s.headline)
        }
        Format::Markdown => match blocks::leading_title(split.body) {
            Some((t, rest)) => (rest.to_string(), Some(t)),
            None => (split.body.to_string(), None),
        },
    };
    // Plain text is escaped into Markdown, so only a Markdown body is the file's own text,
    // a suffix of it, whose positions can be told in the file's lines.
    let origin = match format {
        Format::Markdown => Origin::of(text, text.len() - markdown.len()),
        Format::Text => Origin::default(),
    };
    let blocks::Scanned { blocks, links, ids } = blocks::scan(&markdown);
    let lead = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph && !b.text.is_empty())
        .map_or("", |b| b.text.as_str());
    let title = front
        .title
        .clone()
        .or(found_title)
        .or_else(|| (!lead.is_empty()).then(|| sentences::headline(lead, HEADLINE_MAX)))
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| file_stem_title(&rel));
    let summary = front
        .summary
        .clone()
        .unwrap_or_else(|| sentences::summary(lead, 160, 300));
    let doc = SourceDoc {
        path: rel,
        front,
        title,
        summary,
        markdown,
        blocks,
        links,
        ids,
        origin,
    };
    (Some(doc), diags)
}

/// Last resort for a document with no text to take a title from: its file name.
fn file_stem_title(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    stem.replace(['-', '_'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_title_gets_a_headline_and_summary() {
        let (doc, diags) = parse(
            "a.txt".into(),
            "Kenya and Ghana signed a trade pact on Monday, ending two years of talks over tariffs and access. Officials cheered.\nNext Steps Ahead\nMore text follows here.\n",
            Format::Text,
        );
        assert!(diags.is_empty());
        let doc = doc.unwrap();
        assert_eq!(doc.title, "Kenya and Ghana signed a trade pact on Monday");
        assert!(doc.summary.starts_with("Kenya and Ghana signed"));
        assert_eq!(doc.blocks[1].kind, BlockKind::Heading(2));
        assert_eq!(doc.blocks[1].id.as_str(), "next-steps-ahead");
    }

    #[test]
    fn markdown_h1_is_the_title_and_front_matter_wins() {
        let (doc, _) = parse(
            "a.md".into(),
            "# Heading Title\n\nBody text.\n",
            Format::Markdown,
        );
        assert_eq!(doc.unwrap().title, "Heading Title");
        let (doc, _) = parse(
            "a.md".into(),
            "+++\ntitle = \"FM\"\nsummary = \"S\"\n+++\n# Heading Title\n\nBody.\n",
            Format::Markdown,
        );
        let doc = doc.unwrap();
        assert_eq!((doc.title.as_str(), doc.summary.as_str()), ("FM", "S"));
    }

    #[test]
    fn empty_documents_are_skipped_with_a_warning() {
        let (doc, diags) = parse("e.md".into(), "  \n", Format::Markdown);
        assert!(doc.is_none());
        assert_eq!(diags[0].severity, Severity::Warning);
    }

    #[test]
    fn front_matter_errors_name_file_and_line() {
        let (doc, diags) = parse("bad.md".into(), "+++\ntitle = 5\n+++\nx", Format::Markdown);
        assert!(doc.is_none());
        assert!(
            diags[0].to_string().starts_with("bad.md:2:9: error:"),
            "{}",
            diags[0]
        );
    }
}

//! The internal link checker: every `href` and `src` in every page of a built site must be
//! relative, name a file that exists, and — with a `#fragment` — an id on that page.
//! Root-absolute links break under a GitHub Pages sub-path and directory links open a folder
//! listing from `file://`, so both count as broken.
//!
//! The wording of a broken link lives here too ([`broken`] and the reasons beside it), so that
//! `build`, which resolves the links documents write, and `check`, which follows the links of
//! the pages, say the same thing about the same link.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use scraper::{Html, Selector};

/// A link that does not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The page it is on, relative to the site root.
    pub page: String,
    /// The link as written.
    pub href: String,
    /// Why it is broken.
    pub reason: String,
}

impl std::fmt::Display for BrokenLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: `{}` {}", self.page, self.href, self.reason)
    }
}

struct Page {
    ids: HashSet<String>,
    links: Vec<String>,
}

/// Checks every `.html` file of the site built in the folder `site`.
pub fn check_site(site: &Path) -> std::io::Result<Vec<BrokenLink>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(site).sort_by_file_name() {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.file_type().is_file() {
            let html = entry.path().extension().is_some_and(|e| e == "html");
            let bytes = if html {
                std::fs::read(entry.path())?
            } else {
                Vec::new()
            };
            files.insert(rel_path(site, entry.path()), bytes);
        }
    }
    Ok(check_files(&files))
}

/// Checks every `.html` file of a site held in memory (`/`-separated path → contents; the
/// contents of other files are not read).
pub fn check_files(files: &BTreeMap<String, Vec<u8>>) -> Vec<BrokenLink> {
    let pages: HashMap<&str, Page> = files
        .iter()
        .filter(|(name, _)| name.ends_with(".html"))
        .map(|(name, bytes)| (name.as_str(), parse(&String::from_utf8_lossy(bytes))))
        .collect();
    let mut broken = Vec::new();
    let mut names: Vec<&str> = pages.keys().copied().collect();
    names.sort();
    for name in names {
        for href in &pages[name].links {
            if let Some(reason) = check(files, name, href, &pages) {
                broken.push(BrokenLink {
                    page: name.to_string(),
                    href: href.clone(),
                    reason,
                });
            }
        }
    }
    broken
}

fn rel_path(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn parse(text: &str) -> Page {
    let doc = Html::parse_document(text);
    let ids_sel = Selector::parse("[id]").expect("selector");
    let link_sel = Selector::parse("a[href], link[href], script[src], img[src], iframe[src]")
        .expect("selector");
    let ids = doc
        .select(&ids_sel)
        .filter_map(|e| e.value().attr("id").map(str::to_string))
        .collect();
    let links = doc
        .select(&link_sel)
        .filter_map(|e| e.value().attr("href").or_else(|| e.value().attr("src")))
        .map(str::to_string)
        .collect();
    Page { ids, links }
}

/// How a link that leads nowhere is reported: "link `a.md` on documents/b.html points to …".
/// `what` is "link" or "image"; `page` is the page it is on, relative to the site root.
pub fn broken(what: &str, href: &str, page: &str, reason: &str) -> String {
    format!("{what} `{href}` on {page} {reason}")
}

/// Why a link is broken: its target does not exist.
pub fn missing(target: &str) -> String {
    format!("points to `{target}`, which does not exist")
}

/// Why a link is broken: the page it names has no such id.
pub fn no_id(id: &str, target: &str) -> String {
    format!("has no element with id `{id}` in `{target}`")
}

/// Why a link is broken: it starts with `/`.
pub const ROOT_ABSOLUTE: &str = "is root-absolute; it breaks under a sub-path";

/// Why a link is broken: it names a folder.
pub const FOLDER: &str = "names a folder, not a file; it opens a listing from file://";

/// What a document may link to by name instead of by path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    /// `country:NE`, `country:Niger`: a country's page.
    Country,
    /// `agreement:<slug>`: an agreement's page.
    Agreement,
}

/// The entity a link names (`country:`, `agreement:`, in any case) and what follows the colon.
pub fn entity(href: &str) -> Option<(Entity, &str)> {
    let (scheme, rest) = href.split_once(':')?;
    if scheme.eq_ignore_ascii_case("country") {
        Some((Entity::Country, rest))
    } else if scheme.eq_ignore_ascii_case("agreement") {
        Some((Entity::Agreement, rest))
    } else {
        None
    }
}

/// The `/`-separated path that `rel` names from the file `from` (also `/`-separated, relative
/// to the same root); `None` when it climbs above that root.
pub fn join(from: &str, rel: &str) -> Option<String> {
    let base = from.rsplit_once('/').map_or("", |(dir, _)| dir);
    resolve(Path::new(base), rel)
}

/// Whether `href` names a scheme (`https:`, `mailto:`) or is protocol-relative, so the link
/// checker leaves it alone.
pub fn is_external(href: &str) -> bool {
    href.starts_with("//")
        || href.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

fn check(
    files: &BTreeMap<String, Vec<u8>>,
    page: &str,
    href: &str,
    pages: &HashMap<&str, Page>,
) -> Option<String> {
    if is_external(href) {
        return None;
    }
    if href.starts_with('/') {
        return Some(ROOT_ABSOLUTE.into());
    }
    let (path_part, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (href, None),
    };
    let path_part = path_part.split('?').next().unwrap_or("");
    let target = if path_part.is_empty() {
        page.to_string()
    } else {
        if path_part.ends_with('/') {
            return Some(FOLDER.into());
        }
        let base = Path::new(page).parent().unwrap_or(Path::new(""));
        match resolve(base, &percent_decode(path_part)) {
            Some(t) => t,
            None => return Some("climbs above the site root".into()),
        }
    };
    if !files.contains_key(&target) {
        let folder = format!("{target}/");
        if files
            .range(folder.clone()..)
            .next()
            .is_some_and(|(k, _)| k.starts_with(&folder))
        {
            return Some(FOLDER.into());
        }
        return Some(missing(&target));
    }
    match (fragment, pages.get(target.as_str())) {
        (Some(f), Some(p)) if !f.is_empty() && !p.ids.contains(&percent_decode(f)) => {
            Some(no_id(f, &target))
        }
        _ => None,
    }
}

fn resolve(base: &Path, rel: &str) -> Option<String> {
    let mut parts: Vec<String> = base
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s.to_string()),
        }
    }
    Some(parts.join("/"))
}

/// Decodes `%XX` escapes in a URL path (invalid UTF-8 replaced).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_kind_of_broken_link() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(
            root.join("index.html"),
            r##"<a href="a/x.html#here">ok</a><a href="a/x.html#nope">bad id</a>
<a href="/a/x.html">root</a><a href="a/">dir</a><a href="missing.html">missing</a>
<a href="https://example.org/">ext</a><a href="#top">self</a><p id="top"></p>"##,
        )
        .unwrap();
        std::fs::write(
            root.join("a/x.html"),
            r#"<p id="here"></p><a href="../index.html">up</a>"#,
        )
        .unwrap();
        let broken = check_site(root).unwrap();
        let hrefs: Vec<_> = broken.iter().map(|b| b.href.as_str()).collect();
        assert_eq!(hrefs, ["a/x.html#nope", "/a/x.html", "a/", "missing.html"]);
    }
}

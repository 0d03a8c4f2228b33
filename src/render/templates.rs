//! Tera templates and static files: defaults compiled into the binary, overridden file by file
//! by a `templates/` or `static/` folder in the project.

use std::path::Path;

use tera::Tera;

use super::RenderError;

/// The default templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("home.html", include_str!("../../templates/home.html")),
    (
        "document.html",
        include_str!("../../templates/document.html"),
    ),
    (
        "documents.html",
        include_str!("../../templates/documents.html"),
    ),
    (
        "countries.html",
        include_str!("../../templates/countries.html"),
    ),
    ("country.html", include_str!("../../templates/country.html")),
    (
        "agreements.html",
        include_str!("../../templates/agreements.html"),
    ),
    (
        "agreement.html",
        include_str!("../../templates/agreement.html"),
    ),
    ("404.html", include_str!("../../templates/404.html")),
    ("search.html", include_str!("../../templates/search.html")),
    (
        "redirect.html",
        include_str!("../../templates/redirect.html"),
    ),
    ("gone.html", include_str!("../../templates/gone.html")),
    (
        "timeline.html",
        include_str!("../../templates/timeline.html"),
    ),
    ("person.html", include_str!("../../templates/person.html")),
    ("people.html", include_str!("../../templates/people.html")),
    ("pack.html", include_str!("../../templates/pack.html")),
    ("pack.css", include_str!("../../templates/pack.css")),
    (
        "pack_agreement.html",
        include_str!("../../templates/pack_agreement.html"),
    ),
    ("atom.xml", include_str!("../../templates/atom.xml")),
];

/// The default static files, by path relative to the site root.
const STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../static/style.css")),
    ("favicon.svg", include_bytes!("../../static/favicon.svg")),
    ("search.js", include_bytes!("../../static/search.js")),
];

/// Loads the templates: defaults, with any same-named file in `user_dir` in their place.
pub fn load(user_dir: Option<&Path>) -> Result<Tera, RenderError> {
    let mut sources: Vec<(String, String)> = TEMPLATES
        .iter()
        .map(|(n, s)| (n.to_string(), s.to_string()))
        .collect();
    if let Some(dir) = user_dir.filter(|d| d.is_dir()) {
        for (name, bytes) in read_dir_files(dir)? {
            let text = String::from_utf8(bytes).map_err(|_| RenderError::Template {
                name: name.clone(),
                message: "is not UTF-8 text".into(),
            })?;
            match sources.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = text,
                None => sources.push((name, text)),
            }
        }
    }
    let mut tera = Tera::default();
    tera.set_escape_fn(escape_html);
    tera.add_raw_templates(sources)
        .map_err(|e| RenderError::Template {
            name: "templates".into(),
            message: error_chain(&e),
        })?;
    Ok(tera)
}

/// Static files: defaults, overridden and extended by the files of `user_dir`.
pub fn static_files(user_dir: Option<&Path>) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
    let mut files: Vec<(String, Vec<u8>)> = STATIC
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_vec()))
        .collect();
    if let Some(dir) = user_dir.filter(|d| d.is_dir()) {
        for (name, bytes) in read_dir_files(dir)? {
            match files.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = bytes,
                None => files.push((name, bytes)),
            }
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// Every non-hidden file under `dir`, as (`/`-separated relative path, bytes), sorted.
fn read_dir_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(dir).sort_by_file_name().into_iter();
    for entry in
        walker.filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        let entry = entry.map_err(|e| RenderError::Read {
            path: dir.display().to_string(),
            message: e.to_string(),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let bytes = std::fs::read(entry.path()).map_err(|e| RenderError::Read {
            path: entry.path().display().to_string(),
            message: e.to_string(),
        })?;
        out.push((rel, bytes));
    }
    Ok(out)
}

/// Escapes `&`, `<`, `>` and `"`: enough for text and double-quoted attributes, without
/// Tera's default of turning every `/` in a URL into `&#x2F;`.
fn escape_html(text: &str) -> String {
    // Most values (names, titles, URLs) need no escaping at all.
    if !text
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Tera hides the useful part of an error in its source chain.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

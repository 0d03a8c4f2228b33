//! Front matter: optional TOML between `+++` lines or YAML between `---` lines, parsed with
//! serde into [`FrontMatter`]. Errors carry the line and column in the whole file.

use serde::Deserialize;

use crate::gazetteer::{CountryCode, Gazetteer};
use crate::terms::{AgreementKind, AgreementStatus, Date};

/// Keys the front matter understands; any other key is a warning.
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "date",
    "summary",
    "source",
    "url",
    "slug",
    "draft",
    "extract",
    "countries",
    "agreements",
    "aliases",
];

/// A problem in front matter, at a 1-based line and column of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    /// Line in the file.
    pub line: usize,
    /// Column in the line.
    pub column: usize,
    /// What is wrong and what to do.
    pub message: String,
}

/// Typed front matter, validated.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// Title, replacing the derived one.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// Summary, replacing the derived one.
    pub summary: Option<String>,
    /// The publication ("Reuters").
    pub source: Option<String>,
    /// The original article's URL.
    pub url: Option<String>,
    /// Slug override (sanitised like any slug).
    pub slug: Option<String>,
    /// Skipped unless `--drafts`.
    pub draft: bool,
    /// False turns prose extraction off.
    pub extract: bool,
    /// Countries added to what extraction finds.
    pub countries: Vec<CountryCode>,
    /// Agreements added to what extraction finds.
    pub agreements: Vec<FrontAgreement>,
    /// Old URLs of the document's page (relative to the site root, always ending in a file
    /// name) that redirect to it.
    pub aliases: Vec<String>,
}

/// An agreement named in front matter.
#[derive(Debug, Clone, PartialEq)]
pub enum FrontAgreement {
    /// Just a title ("Kenya–Ghana framework agreement on trade"); parties, kind and topic
    /// are read from it.
    Title(String),
    /// A table of fields.
    Fields(AgreementFields),
}

/// The fields of a front-matter agreement table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AgreementFields {
    /// Title.
    pub title: Option<String>,
    /// Kind.
    pub kind: Option<AgreementKind>,
    /// Status.
    pub status: Option<AgreementStatus>,
    /// Countries party to it.
    pub parties: Vec<CountryCode>,
    /// Organisations party to it ("EU").
    pub organisations: Vec<String>,
    /// Subject matter.
    pub topic: Option<String>,
    /// People who signed.
    pub signatories: Vec<String>,
    /// Where.
    pub place: Option<String>,
    /// When.
    pub date: Option<Date>,
}

#[derive(Deserialize)]
struct Raw {
    title: Option<String>,
    date: Option<Date>,
    summary: Option<String>,
    source: Option<String>,
    url: Option<String>,
    slug: Option<String>,
    draft: Option<bool>,
    extract: Option<bool>,
    countries: Option<Vec<String>>,
    agreements: Option<Vec<RawAgreement>>,
    aliases: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawAgreement {
    Title(String),
    Fields(RawFields),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFields {
    title: Option<String>,
    kind: Option<String>,
    status: Option<String>,
    #[serde(default)]
    parties: Vec<String>,
    #[serde(default)]
    organisations: Vec<String>,
    topic: Option<String>,
    #[serde(default)]
    signatories: Vec<String>,
    place: Option<String>,
    date: Option<Date>,
}

/// Which syntax the front matter uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Toml,
    Yaml,
}

/// A file split into front matter and body.
#[derive(Debug)]
pub struct Split<'a> {
    /// Parsed front matter (defaults when there is none).
    pub front: FrontMatter,
    /// The body after the closing fence.
    pub body: &'a str,
    /// Unknown keys, with their line, for warnings.
    pub unknown_keys: Vec<(String, usize)>,
}

/// Splits `text` into front matter and body and parses the front matter.
pub fn split(text: &str) -> Result<Split<'_>, FrontMatterError> {
    let Some((syntax, fence)) = opening_fence(text) else {
        return Ok(Split {
            front: FrontMatter {
                extract: true,
                ..FrontMatter::default()
            },
            body: text,
            unknown_keys: Vec::new(),
        });
    };
    let content_start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut pos = content_start;
    let mut close = None;
    for line in text[content_start..].split_inclusive('\n') {
        if line.trim_end() == fence {
            close = Some((pos, pos + line.len()));
            break;
        }
        pos += line.len();
    }
    let Some((content_end, body_start)) = close else {
        return Err(FrontMatterError {
            line: 1,
            column: 1,
            message: format!(
                "front matter opened with `{fence}` on line 1 is never closed; add a line `{fence}` after it"
            ),
        });
    };
    let content = &text[content_start..content_end];
    // Lines before the front matter content (the opening fence).
    let line_offset = 1;
    let (raw, keys) = match syntax {
        Syntax::Toml => parse_toml(content, line_offset)?,
        Syntax::Yaml => parse_yaml(content, line_offset)?,
    };
    let unknown_keys = keys
        .into_iter()
        .filter(|k| !KNOWN_KEYS.contains(&k.as_str()))
        .map(|k| {
            let line = content
                .lines()
                .position(|l| l.trim_start().starts_with(k.as_str()))
                .map_or(1, |i| i + 1 + line_offset);
            (k, line)
        })
        .collect();
    let front = validate(raw, content, line_offset)?;
    Ok(Split {
        front,
        body: &text[body_start..],
        unknown_keys,
    })
}

fn opening_fence(text: &str) -> Option<(Syntax, &'static str)> {
    let first = text.lines().next()?.trim_end();
    match first {
        "+++" => Some((Syntax::Toml, "+++")),
        "---" => Some((Syntax::Yaml, "---")),
        _ => None,
    }
}

fn parse_toml(content: &str, line_offset: usize) -> Result<(Raw, Vec<String>), FrontMatterError> {
    let at = |e: &toml::de::Error| {
        let (line, column) = e
            .span()
            .map_or((1, 1), |s| crate::location::line_col(content, s.start));
        FrontMatterError {
            line: line + line_offset,
            column,
            message: format!("front matter: {}", e.message().trim_end()),
        }
    };
    let table: toml::Table = toml::from_str(content).map_err(|e| at(&e))?;
    let keys = table.keys().cloned().collect();
    let raw: Raw = toml::from_str(content).map_err(|e| at(&e))?;
    Ok((raw, keys))
}

fn parse_yaml(content: &str, line_offset: usize) -> Result<(Raw, Vec<String>), FrontMatterError> {
    let at = |e: serde_norway::Error| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        FrontMatterError {
            line: line + line_offset,
            column,
            // The parser's own "at line N column M" counts within the front matter; the
            // position we report counts in the file.
            message: format!("front matter: {}", strip_position(&e.to_string())),
        }
    };
    if content.trim().is_empty() {
        return Ok((serde_norway::from_str("{}").map_err(at)?, Vec::new()));
    }
    let map: serde_norway::Mapping = serde_norway::from_str(content).map_err(at)?;
    let keys = map
        .keys()
        .filter_map(|k| k.as_str().map(str::to_string))
        .collect();
    let raw: Raw = serde_norway::from_str(content).map_err(at)?;
    Ok((raw, keys))
}

/// An absolute http(s) URL: the only kind a document may link its source to.
fn is_web_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    (u.starts_with("https://") || u.starts_with("http://")) && !u.contains(char::is_whitespace)
}

/// Drops serde_norway's " at line N column M" from a message.
fn strip_position(message: &str) -> String {
    let mut out = message.to_string();
    while let Some(i) = out.find(" at line ") {
        let rest = &out[i + 9..];
        let skip = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ' ' || "column".contains(c)))
            .unwrap_or(rest.len());
        out.replace_range(i..i + 9 + skip, "");
    }
    out
}

/// Turns raw values into typed ones: country names into codes, kinds and statuses into enums.
fn validate(raw: Raw, content: &str, line_offset: usize) -> Result<FrontMatter, FrontMatterError> {
    let error_at = |needle: &str, message: String| {
        let (line, column) = content
            .find(needle)
            .map_or((1, 1), |i| crate::location::line_col(content, i));
        FrontMatterError {
            line: line + line_offset,
            column,
            message,
        }
    };
    let countries = resolve_countries(raw.countries.unwrap_or_default(), &error_at)?;
    let mut agreements = Vec::new();
    for a in raw.agreements.unwrap_or_default() {
        agreements.push(match a {
            RawAgreement::Title(t) => FrontAgreement::Title(t),
            RawAgreement::Fields(f) => {
                let kind = f.kind.as_deref().map(str::parse).transpose().map_err(|m| {
                    error_at(
                        f.kind.as_deref().unwrap_or(""),
                        format!("front matter: {m}"),
                    )
                })?;
                let status = f
                    .status
                    .as_deref()
                    .map(str::parse)
                    .transpose()
                    .map_err(|m| {
                        error_at(
                            f.status.as_deref().unwrap_or(""),
                            format!("front matter: {m}"),
                        )
                    })?;
                FrontAgreement::Fields(AgreementFields {
                    title: f.title,
                    kind,
                    status,
                    parties: resolve_countries(f.parties, &error_at)?,
                    organisations: f.organisations,
                    topic: f.topic,
                    signatories: f.signatories,
                    place: f.place,
                    date: f.date,
                })
            }
        });
    }
    Ok(FrontMatter {
        title: raw.title.filter(|t| !t.trim().is_empty()),
        date: raw.date,
        summary: raw.summary.filter(|s| !s.trim().is_empty()),
        source: raw.source,
        url: match raw.url {
            Some(u) if !is_web_url(&u) => {
                return Err(error_at(
                    &u,
                    format!(
                        "front matter: url `{u}` is not an http(s) address; write the original article's link, like https://example.org/story"
                    ),
                ));
            }
            other => other,
        },
        slug: raw.slug,
        draft: raw.draft.unwrap_or(false),
        extract: raw.extract.unwrap_or(true),
        countries,
        agreements,
        aliases: resolve_aliases(raw.aliases.unwrap_or_default(), &error_at)?,
    })
}

/// Aliases as site-relative file paths: a leading `/` is dropped and a folder (`old/` or a
/// path without an extension) gets `index.html`, as Zola and Hugo do. Paths that climb out of
/// the site or name something other than a page are errors.
fn resolve_aliases(
    raw: Vec<String>,
    error_at: &impl Fn(&str, String) -> FrontMatterError,
) -> Result<Vec<String>, FrontMatterError> {
    raw.into_iter()
        .map(|a| {
            let path = a.trim().trim_start_matches('/');
            let bad = path.is_empty()
                || path.contains(['\\', '?', '#', ':'])
                || path.split('/').any(|p| p == ".." || p == "." || p.starts_with('.'));
            if bad {
                return Err(error_at(
                    &a,
                    format!(
                        "front matter: alias `{a}` is not a path inside the site; write the old page's path, like \"old/page.html\""
                    ),
                ));
            }
            let last = path.rsplit('/').next().unwrap_or_default();
            Ok(if path.ends_with('/') {
                format!("{path}index.html")
            } else if !last.contains('.') {
                format!("{path}/index.html")
            } else if last.ends_with(".html") {
                path.to_string()
            } else {
                return Err(error_at(
                    &a,
                    format!(
                        "front matter: alias `{a}` must name an .html page or a folder, like \"old/page.html\" or \"old/page/\""
                    ),
                ));
            })
        })
        .collect()
}

fn resolve_countries(
    values: Vec<String>,
    error_at: &dyn Fn(&str, String) -> FrontMatterError,
) -> Result<Vec<CountryCode>, FrontMatterError> {
    let gazetteer = Gazetteer::global();
    let mut codes = Vec::with_capacity(values.len());
    for v in values {
        let code = gazetteer.lookup(&v).ok_or_else(|| {
            error_at(
                &v,
                format!(
                    "front matter: unknown country `{v}`; use an ISO alpha-2 code such as \"TR\" or an English name"
                ),
            )
        })?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_front_matter_is_all_defaults() {
        let s = split("Just text.\n").unwrap();
        assert!(s.front.extract);
        assert_eq!(s.body, "Just text.\n");
    }

    #[test]
    fn toml_front_matter_with_all_fields() {
        let text = "+++\ntitle = \"T\"\ndate = 2025-12-31\ncountries = [\"TR\", \"Niger\", \"Viet Nam\"]\nagreements = [\"Kenya–Ghana framework agreement on trade\", { title = \"X\", kind = \"mou\", status = \"signed\", parties = [\"TR\", \"NE\"] }]\ncolour = \"red\"\n+++\nBody\n";
        let s = split(text).unwrap();
        assert_eq!(s.front.title.as_deref(), Some("T"));
        assert_eq!(s.front.date.unwrap().to_string(), "2025-12-31");
        let codes: Vec<_> = s.front.countries.iter().map(|c| c.to_string()).collect();
        assert_eq!(codes, ["TR", "NE", "VN"]);
        assert_eq!(s.front.agreements.len(), 2);
        assert_eq!(s.unknown_keys, vec![("colour".to_string(), 6)]);
        assert_eq!(s.body, "Body\n");
    }

    #[test]
    fn yaml_front_matter() {
        let s = split("---\ntitle: Hello\ndate: 2024-01-02\ndraft: true\n---\nBody").unwrap();
        assert_eq!(s.front.title.as_deref(), Some("Hello"));
        assert!(s.front.draft);
        assert_eq!(s.front.date.unwrap().to_string(), "2024-01-02");
    }

    #[test]
    fn errors_carry_file_positions() {
        let e = split("+++\ntitle = \"ok\"\ntitle = 5\n+++\n").unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        let e = split("+++\ntitle = 5\n+++\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 9), "{e:?}");
        let e = split("+++\ndate = \"yesterday\"\n+++\n").unwrap_err();
        assert_eq!(e.line, 2, "{e:?}");
        assert!(e.message.contains("YYYY-MM-DD"), "{e:?}");
        let e = split("+++\ntitle = \"x\"\n").unwrap_err();
        assert!(e.message.contains("never closed"), "{e:?}");
        let e = split("---\ntitle: [unclosed\n---\n").unwrap_err();
        assert!(e.line >= 2, "{e:?}");
        let e = split("+++\n\ncountries = [\"Atlantis\"]\n+++\n").unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        assert!(e.message.contains("Atlantis"), "{e:?}");
        assert!(split("+++\ncountries = 7\n+++\n").is_err());
    }
}

//! `briefing new "Title"`: starts a document in the seeds folder, with front matter filled in,
//! under a file name made from the title, and never over an existing file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::gazetteer::{CountryCode, Gazetteer};
use crate::slug::Slug;
use crate::terms::Date;

/// Why a document could not be started.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The title has no letters or digits to name a file after.
    #[error("the title `{0}` has no letters or digits to make a file name from")]
    Title(String),
    /// A country the gazetteer does not know.
    #[error(
        "unknown country `{0}`: use an ISO alpha-2 code (KE) or a name the gazetteer knows (Kenya)"
    )]
    Country(String),
    /// A file with that name is already there.
    #[error(
        "{} already exists; not overwriting it (choose another title, or edit that file)",
        .0.display()
    )]
    Exists(PathBuf),
    /// The seeds folder or the file cannot be written.
    #[error("cannot write {}: {error}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// Why (in the message, not a `source`, so it is printed once).
        error: std::io::Error,
    },
}

/// Today's date (UTC). The only place briefing reads the clock: a new document is dated the
/// day it is started, while builds stay reproducible.
pub fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix(i64::try_from(seconds).unwrap_or(i64::MAX))
}

/// The text of a new document: TOML front matter with the title, date and countries, then a
/// line of body to replace.
pub fn text(title: &str, date: Date, countries: &[CountryCode]) -> String {
    // Serialising through `toml` quotes and escapes the title however odd it is.
    let title = toml::Value::String(title.to_string());
    let countries = toml::Value::Array(
        countries
            .iter()
            .map(|c| toml::Value::String(c.as_str().to_string()))
            .collect(),
    );
    format!(
        "+++\ntitle = {title}\ndate = {date}\ncountries = {countries}\n\
         # summary = \"One or two sentences; without it, the first sentences of the text.\"\n\
         # source = \"The publication\"\n\
         # url = \"https://example.org/the-original-article\"\n\
         +++\n\n\
         Write the story here: who met whom, what was signed or discussed, where and when.\n"
    )
}

/// Resolves the countries as front matter would (codes or names), naming the first unknown.
pub fn countries(values: &[String]) -> Result<Vec<CountryCode>, NewError> {
    let gazetteer = Gazetteer::global();
    let mut out = Vec::new();
    for v in values {
        let code = gazetteer
            .lookup(v)
            .ok_or_else(|| NewError::Country(v.clone()))?;
        if !out.contains(&code) {
            out.push(code);
        }
    }
    Ok(out)
}

/// Writes `seeds/<slug of title>.md`, creating the seeds folder if needed, and returns its
/// path. Refuses, leaving it as it is, when the file already exists.
pub fn create(
    seeds: &Path,
    title: &str,
    countries_given: &[String],
    date: Date,
) -> Result<PathBuf, NewError> {
    let slug = Slug::from_text(title).ok_or_else(|| NewError::Title(title.to_string()))?;
    let codes = countries(countries_given)?;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| NewError::Io { path, error }
    };
    std::fs::create_dir_all(seeds).map_err(io(seeds))?;
    let path = seeds.join(format!("{slug}.md"));
    // `create_new` checks and creates in one step, so a file that appears meanwhile is safe too.
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(NewError::Exists(path));
        }
        Err(e) => return Err(io(&path)(e)),
    };
    file.write_all(text(title.trim(), date, &codes).as_bytes())
        .map_err(io(&path))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, parse};

    #[test]
    fn the_text_parses_back_to_the_same_fields() {
        let date = Date::new(2025, 3, 1).unwrap();
        let codes = countries(&["ke".into(), "Ghana".into(), "KE".into()]).unwrap();
        let text = text("Kenya \"and\" Ghana \\ trade", date, &codes);
        let (doc, diags) = parse("a.md".into(), &text, Format::Markdown);
        assert!(diags.is_empty(), "{diags:?}");
        let doc = doc.unwrap();
        assert_eq!(doc.title, "Kenya \"and\" Ghana \\ trade");
        assert_eq!(doc.front.date, Some(date));
        let codes: Vec<&str> = doc.front.countries.iter().map(|c| c.as_str()).collect();
        assert_eq!(codes, ["KE", "GH"]);
        assert!(
            doc.front.summary.is_none(),
            "a summary left empty would blank the page"
        );
    }

    #[test]
    fn unknown_countries_are_named() {
        let err = countries(&["KE".into(), "Atlantis".into()]).unwrap_err();
        assert!(err.to_string().contains("`Atlantis`"), "{err}");
    }

    #[test]
    fn today_is_a_plausible_date() {
        assert!(today() > Date::new(2024, 1, 1).unwrap());
    }
}

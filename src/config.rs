//! Configuration: what the user wrote in `briefing.toml` ([`RawConfig`], only parsed) and the
//! validated settings every later stage reads ([`Config`]: paths resolved, `base_url` checked).

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Errors in the configuration file or flags.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The configuration file could not be read.
    #[error("cannot read config file {path}: {error}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why (in the message, not a `source`, so it is printed once).
        error: std::io::Error,
    },
    /// The configuration file is not valid TOML or has unknown or mistyped keys.
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// `base_url` is not an absolute http(s) URL.
    #[error(
        "base_url `{0}` is not an absolute http(s) URL; write it like https://org.github.io/repo/"
    )]
    BaseUrl(String),
}

/// `briefing.toml` exactly as written. Unknown keys are an error, so typos surface.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Site title.
    pub title: Option<String>,
    /// One-sentence description of the site.
    pub description: Option<String>,
    /// Language of the content (BCP 47), default `en`.
    pub language: Option<String>,
    /// Author or desk name.
    pub author: Option<String>,
    /// Absolute URL the site is published at.
    pub base_url: Option<String>,
    /// Folder of documents, relative to the config file.
    pub seeds: Option<PathBuf>,
    /// Output folder, relative to the config file.
    pub output: Option<PathBuf>,
    /// The record of published URLs, relative to the config file.
    pub permalinks: Option<PathBuf>,
    /// Draw link-preview cards (`og:image`) when `base_url` is set; on by default.
    pub cards: Option<bool>,
    /// Where drawn cards are cached between builds, relative to the config file.
    pub cache_dir: Option<PathBuf>,
    /// Largest file a document may link or embed, in megabytes (1 MB = 1,000,000 bytes);
    /// default [`DEFAULT_MAX_ASSET_MB`].
    pub max_asset_mb: Option<u64>,
}

/// An absolute http(s) URL that ends with `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Checks the scheme and host and adds a missing trailing slash.
    pub fn parse(raw: &str) -> Result<BaseUrl, ConfigError> {
        let trimmed = raw.trim();
        let rest = trimmed
            .strip_prefix("https://")
            .or_else(|| trimmed.strip_prefix("http://"));
        let host = rest.map(|r| r.split('/').next().unwrap_or(""));
        let ok = host.is_some_and(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c))
        }) && !trimmed.contains(char::is_whitespace)
            && !trimmed.contains(['"', '<', '>', '\'', '`', '?', '#']);
        if !ok {
            return Err(ConfigError::BaseUrl(raw.to_string()));
        }
        let mut url = trimmed.to_string();
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(BaseUrl(url))
    }

    /// The URL of a site-relative path.
    pub fn join(&self, rel: &str) -> String {
        format!("{}{}", self.0, rel)
    }

    /// The URL itself, with its trailing slash.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Settings the command line can override.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// `--config FILE`.
    pub config: Option<PathBuf>,
    /// `--seeds DIR`.
    pub seeds: Option<PathBuf>,
    /// `--out DIR`.
    pub out: Option<PathBuf>,
    /// `--base-url URL`.
    pub base_url: Option<String>,
    /// `--drafts`.
    pub drafts: bool,
    /// `--locked`: fail rather than move or drop a published URL.
    pub locked: bool,
    /// `--live-permalinks FILE`: the record of the deployed site, merged into the project's.
    pub live_permalinks: Option<PathBuf>,
    /// `--strict`: links, images and files that do not resolve stop the build.
    pub strict: bool,
}

/// Validated settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Site title.
    pub title: String,
    /// Site description.
    pub description: String,
    /// Content language.
    pub language: String,
    /// Author, if any.
    pub author: Option<String>,
    /// Where the site is published, if known.
    pub base_url: Option<BaseUrl>,
    /// The folder holding `briefing.toml`, or the working folder.
    pub root: PathBuf,
    /// Documents folder.
    pub seeds: PathBuf,
    /// Output folder.
    pub output: PathBuf,
    /// Build drafts too.
    pub drafts: bool,
    /// The record of every URL `build` has published (`permalinks.json` in the project root,
    /// or beside the seeds folder given with `--seeds`).
    pub permalinks: PathBuf,
    /// Fail the build when a published URL would move or disappear.
    pub locked: bool,
    /// The deployed site's record, merged into [`Config::permalinks`] before the build.
    pub live_permalinks: Option<PathBuf>,
    /// Draw link-preview cards (they need `base_url`, since `og:image` is an absolute URL).
    pub cards: bool,
    /// Cache of drawn cards, reused by every build (`.briefing-cache/` beside the record).
    pub cache_dir: PathBuf,
    /// `SOURCE_DATE_EPOCH`, when set: the time to stamp on outputs that need one no
    /// document gives (a feed's `updated`), so builds stay reproducible.
    pub source_date_epoch: Option<i64>,
    /// Largest file a document may link or embed, in bytes; a larger one stops the build.
    pub max_asset_bytes: u64,
    /// Links, images and files that do not resolve are errors, not warnings.
    pub strict: bool,
}

/// The configuration file's name, looked for in the working folder.
pub const CONFIG_FILE: &str = "briefing.toml";

/// The record of published URLs, in the project root.
pub const PERMALINKS_FILE: &str = "permalinks.json";

/// The cache of drawn link-preview cards, in the project root.
pub const CACHE_DIR: &str = ".briefing-cache";

/// Default of `max_asset_mb`: GitHub Pages takes files up to 100 MB, and a briefing's reader
/// should not wait for more than a large report.
pub const DEFAULT_MAX_ASSET_MB: u64 = 25;

/// Default site title when the configuration gives none.
pub const DEFAULT_TITLE: &str = "Briefing";

impl Config {
    /// Loads `briefing.toml` (the given file, or `./briefing.toml` when it exists) and applies
    /// the command-line overrides. Command-line paths are relative to the working folder;
    /// paths in the file are relative to the file.
    pub fn load(over: &Overrides) -> Result<Config, ConfigError> {
        let cwd = PathBuf::from(".");
        let file = over.config.clone().or_else(|| {
            let default = cwd.join(CONFIG_FILE);
            default.is_file().then_some(default)
        });
        let (raw, root) = match &file {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Read {
                    path: path.clone(),
                    error,
                })?;
                let root = path
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .map_or(cwd.clone(), Path::to_path_buf);
                (parse_raw(&text, path)?, root)
            }
            None => (RawConfig::default(), cwd),
        };
        Config::from_raw(raw, root, over)
    }

    /// Validates a parsed configuration whose relative paths are relative to `root`.
    pub fn from_raw(
        raw: RawConfig,
        root: PathBuf,
        over: &Overrides,
    ) -> Result<Config, ConfigError> {
        let base_url = over
            .base_url
            .as_deref()
            .or(raw.base_url.as_deref())
            .filter(|s| !s.trim().is_empty())
            .map(BaseUrl::parse)
            .transpose()?;
        let seeds = over
            .seeds
            .clone()
            .unwrap_or_else(|| root.join(raw.seeds.unwrap_or_else(|| "seeds".into())));
        let output = over
            .out
            .clone()
            .unwrap_or_else(|| root.join(raw.output.unwrap_or_else(|| "site".into())));
        // What a build keeps between runs lives in the project root, or beside a seeds folder
        // named on the command line (which is then the project).
        let project = match &over.seeds {
            Some(s) => s
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            None => root.clone(),
        };
        let permalinks = raw
            .permalinks
            .map_or_else(|| project.join(PERMALINKS_FILE), |p| root.join(p));
        let cache_dir = raw
            .cache_dir
            .map_or_else(|| project.join(CACHE_DIR), |p| root.join(p));
        Ok(Config {
            title: raw.title.unwrap_or_else(|| DEFAULT_TITLE.into()),
            description: raw
                .description
                .unwrap_or_else(|| "Countries, people and agreements in the news.".into()),
            language: raw.language.unwrap_or_else(|| "en".into()),
            author: raw.author,
            base_url,
            root,
            seeds,
            output,
            drafts: over.drafts,
            permalinks,
            locked: over.locked,
            live_permalinks: over.live_permalinks.clone(),
            cards: raw.cards.unwrap_or(true),
            cache_dir,
            source_date_epoch: std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|v| v.trim().parse().ok()),
            max_asset_bytes: raw
                .max_asset_mb
                .unwrap_or(DEFAULT_MAX_ASSET_MB)
                .saturating_mul(1_000_000),
            strict: over.strict,
        })
    }
}

fn parse_raw(text: &str, path: &Path) -> Result<RawConfig, ConfigError> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((1, 1), |s| crate::location::line_col(text, s.start));
        ConfigError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: e.message().to_string(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_gets_a_trailing_slash() {
        let u = BaseUrl::parse("https://org.github.io/repo").unwrap();
        assert_eq!(u.as_str(), "https://org.github.io/repo/");
        assert_eq!(u.join("a.html"), "https://org.github.io/repo/a.html");
    }

    #[test]
    fn bad_base_urls_are_refused() {
        for bad in [
            "org.github.io",
            "ftp://x",
            "https://",
            "javascript:alert(1)",
            "https://a b",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_file_size_limit_is_in_megabytes() {
        let cfg = |text: &str| {
            let raw = parse_raw(text, Path::new("b.toml")).unwrap();
            Config::from_raw(raw, PathBuf::from("."), &Overrides::default()).unwrap()
        };
        assert_eq!(cfg("").max_asset_bytes, 25_000_000);
        assert_eq!(cfg("max_asset_mb = 2").max_asset_bytes, 2_000_000);
        assert!(parse_raw("max_asset_mb = -1", Path::new("b.toml")).is_err());
    }

    #[test]
    fn unknown_keys_are_errors_with_position() {
        let err = parse_raw("title = \"x\"\ncolour = 1\n", Path::new("b.toml")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("b.toml:2:1:"), "{msg}");
        assert!(msg.contains("colour"), "{msg}");
    }
}

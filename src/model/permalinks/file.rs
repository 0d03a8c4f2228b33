//! Reading and writing the record of published URLs.

use std::path::{Path, PathBuf};

use super::Record;

/// Why the record could not be used.
#[derive(Debug, thiserror::Error)]
pub enum PermalinkError {
    /// The record exists but cannot be read.
    #[error("cannot read the record of published URLs {path}: {error}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why (in the message, not a `source`, so it is printed once).
        error: std::io::Error,
    },
    /// The record does not parse.
    #[error(
        "{path}:{line}:{column}: {message}; fix the file, or restore it from version control (deleting it forgets which URLs were published)"
    )]
    Parse {
        /// The file.
        path: PathBuf,
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// `--locked` and some published URL would move or disappear.
    #[error(
        "--locked: {} published URL{} would move or disappear (recorded in {path}):\n  {}\nthe previous site is untouched; undo the change, or build without --locked to keep these URLs as redirects",
        moved.len(),
        if moved.len() == 1 { "" } else { "s" },
        moved.join("\n  ")
    )]
    Locked {
        /// The record.
        path: PathBuf,
        /// One line per URL.
        moved: Vec<String>,
    },
    /// The record cannot be written.
    #[error("cannot write the record of published URLs {path}: {error}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why (in the message, not a `source`, so it is printed once).
        error: std::io::Error,
    },
}

/// The project's record, with the deployed site's (`live`) merged in; a missing file is an
/// empty record (a first build, or a first deployment).
pub fn load(path: &Path, live: Option<&Path>) -> Result<Record, PermalinkError> {
    let mut record = read(path)?;
    if let Some(live) = live {
        record.merge(read(live)?);
    }
    Ok(record)
}

fn read(path: &Path) -> Result<Record, PermalinkError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Record::default()),
        Err(error) => {
            return Err(PermalinkError::Read {
                path: path.to_path_buf(),
                error,
            });
        }
    };
    Record::parse(&text).map_err(|e| PermalinkError::Parse {
        path: path.to_path_buf(),
        line: e.line,
        column: e.column,
        message: e.message,
    })
}

/// Writes the record when it changed (an unchanged build leaves the file as it was), through
/// a temporary file renamed into place so that a crash never leaves half a record.
pub fn save(path: &Path, record: &Record) -> Result<(), PermalinkError> {
    let json = record.to_json();
    if std::fs::read(path).is_ok_and(|old| old == json.as_bytes()) {
        return Ok(());
    }
    let err = |error| PermalinkError::Write {
        path: path.to_path_buf(),
        error,
    };
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, json).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        err(e)
    })
}

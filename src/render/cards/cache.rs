//! An on-disk cache of drawn cards, one `<key>.png` per card in one folder. Any number of
//! threads (or builds) may share it: entries are written to a private temporary file and
//! renamed into place, so a reader sees a whole PNG or none, and an entry that does not
//! check out as a whole card PNG is drawn again rather than trusted or reported.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use super::{Card, CardError, HEIGHT, WIDTH, draw, key};

/// Temporary files older than this were left by a killed build, not one still writing.
const STALE_TEMP: Duration = Duration::from_secs(3600);
const TEMP_SUFFIX: &str = ".tmp";

/// Names temporary files apart between threads of one process.
static TEMP_SEQ: AtomicU64 = AtomicU64::new(0);

/// A folder of drawn cards, keyed by [`key`](super::key).
#[derive(Debug)]
pub struct CardCache {
    dir: PathBuf,
    /// Cards served from the folder.
    pub hits: AtomicUsize,
    /// Cards drawn (missing, or the cached file was unreadable or corrupt).
    pub draws: AtomicUsize,
}

impl CardCache {
    /// Opens (creating it if needed) the cache folder `dir`, and removes temporary files
    /// that killed builds left there.
    pub fn open(dir: &Path) -> Result<CardCache, CardError> {
        let io = |error| CardError::Cache {
            path: dir.to_owned(),
            error,
        };
        fs::create_dir_all(dir).map_err(io)?;
        for entry in fs::read_dir(dir).map_err(io)?.flatten() {
            let is_temp = entry.file_name().to_string_lossy().ends_with(TEMP_SUFFIX);
            let modified = entry.metadata().and_then(|m| m.modified());
            let age = modified.map(|m| SystemTime::now().duration_since(m).unwrap_or_default());
            if is_temp && age.is_ok_and(|a| a > STALE_TEMP) {
                // Best effort: another build may have removed it first.
                let _ = fs::remove_file(entry.path());
            }
        }
        Ok(CardCache {
            dir: dir.to_owned(),
            hits: AtomicUsize::new(0),
            draws: AtomicUsize::new(0),
        })
    }

    /// The cache folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the card is (or would be) cached.
    pub fn path(&self, card: &Card) -> PathBuf {
        self.dir.join(format!("{}.png", key(card)))
    }

    /// The card's PNG bytes: from the cache when a whole, valid entry is there, else drawn
    /// and stored. Fails only when drawing fails or the drawn card cannot be stored.
    pub fn get_or_draw(&self, card: &Card) -> Result<Vec<u8>, CardError> {
        let path = self.ensure(card)?;
        fs::read(&path).map_err(|error| CardError::Cache { path, error })
    }

    /// The path of the card's cached PNG, drawn and stored first unless a whole, valid entry
    /// is there: for a site that links or copies the file rather than writing the bytes again.
    pub fn ensure(&self, card: &Card) -> Result<PathBuf, CardError> {
        let path = self.path(card);
        if fs::read(&path).is_ok_and(|bytes| is_card_png(&bytes)) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(path);
        }
        let png = draw(card)?.png;
        self.draws.fetch_add(1, Ordering::Relaxed);
        self.store(&path, &png)?;
        Ok(path)
    }

    /// Writes `png` to a temporary file beside `path` and renames it into place; concurrent
    /// writers of one key race harmlessly, as they write the same bytes.
    fn store(&self, path: &Path, png: &[u8]) -> Result<(), CardError> {
        let seq = TEMP_SEQ.fetch_add(1, Ordering::Relaxed);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let temp = self
            .dir
            .join(format!(".{name}.{}.{seq}{TEMP_SUFFIX}", std::process::id()));
        let result = fs::write(&temp, png).and_then(|()| fs::rename(&temp, path));
        result.map_err(|error| {
            let _ = fs::remove_file(&temp);
            CardError::Cache {
                path: path.to_owned(),
                error,
            }
        })
    }
}

/// Whether `bytes` are a whole PNG of card size: the signature, an IHDR of
/// [`WIDTH`]×[`HEIGHT`] first, every chunk inside the file with a matching CRC, and IEND last.
/// Cheaper than decoding, and catches truncation and flipped bytes alike.
pub(super) fn is_card_png(bytes: &[u8]) -> bool {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    let Some(mut rest) = bytes.strip_prefix(SIGNATURE) else {
        return false;
    };
    let mut first = true;
    loop {
        let Some((kind, data, after)) = chunk(rest) else {
            return false;
        };
        if first && (kind != b"IHDR" || data.len() < 8 || data[..8] != size_bytes()) {
            return false;
        }
        if kind == b"IEND" {
            return after.is_empty();
        }
        first = false;
        rest = after;
    }
}

fn size_bytes() -> [u8; 8] {
    let mut size = [0; 8];
    size[..4].copy_from_slice(&WIDTH.to_be_bytes());
    size[4..].copy_from_slice(&HEIGHT.to_be_bytes());
    size
}

/// The first chunk of `bytes` as (type, data, what follows) if it is whole and its CRC holds.
fn chunk(bytes: &[u8]) -> Option<(&[u8], &[u8], &[u8])> {
    let len = u32::from_be_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let end = 8usize.checked_add(len)?;
    let body = bytes.get(4..end)?;
    let crc = u32::from_be_bytes(bytes.get(end..end + 4)?.try_into().ok()?);
    (crc32fast::hash(body) == crc).then(|| (&body[..4], &body[4..], &bytes[end + 4..]))
}

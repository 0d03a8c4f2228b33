//! URL-safe identifiers: [`Slug`] for page file names and [`AnchorId`] for in-page anchors.
//!
//! Both are lowercase ASCII words joined by single hyphens, transliterated with `deunicode`
//! (`Türkiye` → `turkiye`, `Côte d'Ivoire` → `cote-divoire`). Because the only characters a
//! slug can hold are `[a-z0-9-]`, a slug can never contain `/`, `..` or start with a dot, so a
//! title or file name can never steer a write outside the output folder.

use std::fmt;

use serde::Serialize;

/// Longest slug we produce; longer titles are cut at a hyphen so file names stay readable.
const MAX_SLUG_LEN: usize = 80;

/// A validated page slug: non-empty, `[a-z0-9-]`, no leading, trailing or doubled hyphen.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Slugifies `text`; returns `None` when nothing sluggable is left (only punctuation, say).
    pub fn from_text(text: &str) -> Option<Slug> {
        let s = slugify(text, MAX_SLUG_LEN);
        (!s.is_empty()).then_some(Slug(s))
    }

    /// Slugifies `text`, falling back to `fallback` when the text has nothing sluggable.
    pub fn from_text_or(text: &str, fallback: &str) -> Slug {
        Slug::from_text(text).unwrap_or_else(|| Slug(slugify(fallback, MAX_SLUG_LEN)))
    }

    /// Appends `-suffix` (itself slugified), keeping the result a valid slug.
    pub fn with_suffix(&self, suffix: &str) -> Slug {
        let tail = slugify(suffix, MAX_SLUG_LEN);
        if tail.is_empty() {
            return self.clone();
        }
        Slug(format!("{}-{}", self.0, tail))
    }

    /// The slug as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Lowercase ASCII, words joined by `-`, apostrophes dropped inside words, cut at `max` bytes
/// on a word boundary.
pub fn slugify(text: &str, max: usize) -> String {
    // Apostrophes join rather than split: "Côte d'Ivoire" → "cote-divoire", "Niger's" → "nigers".
    let joined: String = text
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '‘' | 'ʼ'))
        .collect();
    let ascii = deunicode::deunicode(&joined);
    let mut out = String::with_capacity(ascii.len().min(max));
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let extra = word.len() + usize::from(!out.is_empty());
        if out.len() + extra > max {
            if out.is_empty() {
                out.push_str(&word[..max].to_ascii_lowercase());
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// The id of a heading or paragraph inside a page, derived from its text so that links to it
/// survive edits elsewhere in the document.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct AnchorId(String);

impl AnchorId {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AnchorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Hands out anchor ids for one document: headings get their full text slugified, paragraphs
/// their first words, and repeats get `-2`, `-3` … in document order.
#[derive(Debug, Default)]
pub struct AnchorAllocator {
    seen: std::collections::HashMap<String, usize>,
}

/// Words of a paragraph that make up its id: enough to be unique in practice, short enough
/// to read in a shared link.
const PARAGRAPH_ID_WORDS: usize = 8;

impl AnchorAllocator {
    /// The id for a heading with this text.
    pub fn heading(&mut self, text: &str) -> AnchorId {
        let base = slugify(text, 60);
        self.unique(if base.is_empty() {
            "section".into()
        } else {
            base
        })
    }

    /// The id for a paragraph (or list item) with this text.
    pub fn paragraph(&mut self, text: &str) -> AnchorId {
        let words: Vec<&str> = text.split_whitespace().take(PARAGRAPH_ID_WORDS).collect();
        let base = slugify(&words.join(" "), 60);
        self.unique(if base.is_empty() {
            "p".into()
        } else {
            format!("p-{base}")
        })
    }

    fn unique(&mut self, base: String) -> AnchorId {
        let n = self.seen.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            AnchorId(base)
        } else {
            // A suffixed id could itself collide with a later base ("a-2"); loop until free.
            let mut k = *n;
            loop {
                let candidate = format!("{base}-{k}");
                if !self.seen.contains_key(&candidate) {
                    self.seen.insert(candidate.clone(), 1);
                    return AnchorId(candidate);
                }
                k += 1;
            }
        }
    }
}

/// A short, stable hash of `text` (hex), used to tell apart documents that share a slug.
pub fn short_hash(text: &str) -> String {
    hash_hex(text, 6)
}

/// The first `len` hex digits (at most 40) of the SHA-1 of `text`.
pub fn hash_hex(text: &str, len: usize) -> String {
    let digest = sha1_smol::Sha1::from(text).digest().to_string();
    digest[..len.min(digest.len())].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates_and_joins_apostrophes() {
        for (input, want) in [
            ("Türkiye", "turkiye"),
            ("Eskişehir", "eskisehir"),
            ("Côte d'Ivoire", "cote-divoire"),
            ("Côte d’Ivoire", "cote-divoire"),
            ("  Hello,   World!  ", "hello-world"),
            ("../../etc/passwd", "etc-passwd"),
            (".hidden", "hidden"),
            ("İstanbul", "istanbul"),
        ] {
            assert_eq!(slugify(input, 80), want, "{input}");
        }
    }

    #[test]
    fn cuts_on_word_boundary() {
        let s = slugify("alpha beta gamma delta", 12);
        assert_eq!(s, "alpha-beta");
        assert_eq!(slugify("abcdefghijklmnop", 5), "abcde");
    }

    #[test]
    fn empty_slug_is_none() {
        assert!(Slug::from_text("!!! ...").is_none());
        assert_eq!(Slug::from_text_or("???", "doc").as_str(), "doc");
    }

    #[test]
    fn anchors_are_unique_in_order() {
        let mut a = AnchorAllocator::default();
        assert_eq!(a.heading("Deepening Ties").as_str(), "deepening-ties");
        assert_eq!(a.paragraph("Same text.").as_str(), "p-same-text");
        assert_eq!(a.paragraph("Same text.").as_str(), "p-same-text-2");
        assert_eq!(a.paragraph("Same text.").as_str(), "p-same-text-3");
        assert_eq!(a.paragraph("...").as_str(), "p");
    }

    #[test]
    fn short_hash_is_stable() {
        assert_eq!(short_hash("a/b.md"), short_hash("a/b.md"));
        assert_ne!(short_hash("a/b.md"), short_hash("a/c.md"));
        assert_eq!(short_hash("x").len(), 6);
    }
}

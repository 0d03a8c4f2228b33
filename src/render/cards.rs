//! Link-preview cards: the 1200×630 PNG images that Open Graph and Twitter tags point to, one
//! per page, drawn in-process (tiny-skia pixels, rustybuzz shaping, ab_glyph_rasterizer glyphs)
//! with an embedded Noto Sans, so a build needs no browser, network or system font. A card
//! takes about a millisecond and 35–40 KB; each thread keeps the glyph bitmaps and text widths
//! it has worked out, as the same letters and names recur from card to card.
//!
//! [`draw`] turns a [`Card`] into PNG bytes plus the box of every line of text it drew;
//! [`key`] names the pixels (a hash of the card and of [`RENDERER_VERSION`] and the fonts), and
//! [`CardCache`] keeps drawn cards on disk under that name so an unchanged card is drawn once.
//!
//! Text never leaves the card: every block wraps on words (inside an over-long word too), keeps
//! a fixed number of lines and ends its last line with "…" when cut; the parties line shows as
//! many parties as fit and then "+N more".

mod cache;
mod encode;
mod glyphs;
mod layout;
mod paint;
#[cfg(test)]
mod tests;
mod text;

pub use cache::CardCache;

/// Width of a card in pixels (the Open Graph recommended size).
pub const WIDTH: u32 = 1200;
/// Height of a card in pixels.
pub const HEIGHT: u32 = 630;

/// Bumped whenever the design, the layout rules or the encoder settings change what a card
/// looks like, so [`key`] changes and cached cards are drawn again. The fonts are hashed into
/// the key separately.
pub const RENDERER_VERSION: u32 = 2;

/// What a card previews; it chooses the accent colour and the small label above the title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CardKind {
    /// The site as a whole (its home page and indexes).
    Site,
    /// A country page.
    Country,
    /// An agreement page.
    Agreement,
}

impl CardKind {
    /// The label drawn above the title.
    pub fn label(self) -> &'static str {
        match self {
            CardKind::Site => "BRIEFING",
            CardKind::Country => "COUNTRY",
            CardKind::Agreement => "AGREEMENT",
        }
    }
}

/// Everything a card shows. Text may be of any length: it is wrapped and cut to fit.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Card {
    /// What the card previews.
    pub kind: CardKind,
    /// The big text: a page, country or agreement title.
    pub title: String,
    /// An agreement's status, drawn as a coloured pill: "signed" (green), "planned" (amber),
    /// "discussed" (blue); any other text gets a grey pill, an empty one none.
    pub status: Option<String>,
    /// Display names of the parties, drawn as "Niger · Türkiye" at the bottom.
    pub parties: Vec<String>,
    /// The site's title, drawn small at the top.
    pub site_name: String,
    /// A line or two under the title (a summary or a count).
    pub subtitle: Option<String>,
}

/// One line of text as drawn, in pixels from the card's top-left corner. The box spans the
/// line's advance width and its line pitch, so the boxes of one block touch but never overlap.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBox {
    /// The text of the line, "…" included when cut.
    pub text: String,
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

/// A drawn card.
#[derive(Clone, Debug)]
pub struct Drawn {
    /// The PNG file, [`WIDTH`]×[`HEIGHT`], 8-bit RGB.
    pub png: Vec<u8>,
    /// Every line of text drawn, top to bottom.
    pub boxes: Vec<TextBox>,
}

/// Why a card could not be drawn or cached.
#[derive(Debug, thiserror::Error)]
pub enum CardError {
    /// The pixel buffer could not be allocated.
    #[error("cannot allocate a {WIDTH}×{HEIGHT} card")]
    Pixmap,
    /// The PNG encoder failed.
    #[error("cannot encode a card as PNG: {0}")]
    Encode(String),
    /// The cache folder could not be created, or a drawn card could not be written to it.
    #[error("card cache {path}: {error}")]
    Cache {
        /// The folder or file.
        path: std::path::PathBuf,
        /// The I/O error (in the message, not a `source`, so it is printed once).
        error: std::io::Error,
    },
}

/// Draws a card. The same card always gives byte-identical PNG bytes.
pub fn draw(card: &Card) -> Result<Drawn, CardError> {
    let layout = layout::plan(card);
    let png = paint::render(&layout)?;
    Ok(Drawn {
        png,
        boxes: layout.boxes(),
    })
}

/// The cache name of a card: a hex SHA-1 of every field that reaches the pixels, of
/// [`RENDERER_VERSION`] and of the embedded fonts.
pub fn key(card: &Card) -> String {
    let mut h = sha1_smol::Sha1::new();
    h.update(b"briefing-card\0");
    h.update(&RENDERER_VERSION.to_le_bytes());
    h.update(text::fonts_digest());
    h.update(&[card.kind as u8]);
    // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
    let mut field = |s: &str| {
        h.update(&(s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    field(&card.title);
    field(card.status.as_deref().unwrap_or("\u{0}none"));
    field(&card.site_name);
    field(card.subtitle.as_deref().unwrap_or("\u{0}none"));
    field(&card.parties.len().to_string());
    for party in &card.parties {
        field(party);
    }
    h.digest().to_string()
}

/// The characters of `text` that the embedded fonts have no glyph for, each once, in order of
/// first appearance; whitespace is ignored. [`draw`] spells such characters in ASCII
/// (deunicode), so they never show as empty boxes, but a caller may want to know.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let mut missing = Vec::new();
    for c in text.chars() {
        if !c.is_whitespace() && !text::has_glyph(c) && !missing.contains(&c) {
            missing.push(c);
        }
    }
    missing
}

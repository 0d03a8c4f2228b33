//! Fonts and lines of text: the embedded Noto Sans, shaping with rustybuzz (kerning and mark
//! placement from GPOS), widths, word wrapping with an ellipsis, and glyph outlines.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::LazyLock;

use ab_glyph_rasterizer::{Point, Rasterizer, point};
use rustc_hash::FxHashMap;
use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};
use rustybuzz::{Direction, Face, GlyphBuffer, ShapePlan, UnicodeBuffer, script};
use unicode_normalization::UnicodeNormalization;

/// Subsets made by `tools/fonts/subset.sh`; licence in `assets/fonts/OFL.txt`.
static REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");

/// A parsed font with its shaping plan, built once per process: parsing and planning cost
/// more than shaping a line.
struct Font {
    face: Face<'static>,
    plan: ShapePlan,
    units_per_em: f32,
}

impl Font {
    fn load(data: &'static [u8]) -> Font {
        let face = Face::from_slice(data, 0).expect("the embedded font parses");
        let plan = ShapePlan::new(
            &face,
            Direction::LeftToRight,
            Some(script::LATIN),
            None,
            &[],
        );
        let units_per_em = face.units_per_em() as f32;
        Font {
            face,
            plan,
            units_per_em,
        }
    }

    fn shape(&self, text: &str) -> GlyphBuffer {
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        // Fixed, so every buffer matches the cached plan; the font only covers Latin anyway.
        buffer.set_direction(Direction::LeftToRight);
        buffer.set_script(script::LATIN);
        rustybuzz::shape_with_plan(&self.face, &self.plan, buffer)
    }
}

static REGULAR: LazyLock<Font> = LazyLock::new(|| Font::load(REGULAR_TTF));
static BOLD: LazyLock<Font> = LazyLock::new(|| Font::load(BOLD_TTF));
static DIGEST: LazyLock<[u8; 20]> = LazyLock::new(|| {
    let mut h = sha1_smol::Sha1::new();
    h.update(REGULAR_TTF);
    h.update(BOLD_TTF);
    h.digest().bytes()
});

/// A SHA-1 of both embedded fonts, for the cache key.
pub(super) fn fonts_digest() -> &'static [u8; 20] {
    &DIGEST
}

/// How many glyphs the font of `weight` has.
#[cfg(test)]
pub(super) fn glyph_count(weight: Weight) -> u16 {
    Style { weight, size: 1.0 }.font().face.number_of_glyphs()
}

/// Whether both weights can draw `c`.
pub(super) fn has_glyph(c: char) -> bool {
    REGULAR.face.glyph_index(c).is_some() && BOLD.face.glyph_index(c).is_some()
}

/// Text as the fonts can draw it: NFC (Vietnamese precomposed letters have their own
/// glyphs), whitespace collapsed, and characters the fonts lack spelled in ASCII.
pub(super) fn displayable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        if c.is_whitespace() || c.is_control() {
            out.push(' ');
        } else if has_glyph(c) {
            out.push(c);
        } else {
            out.push_str(deunicode::deunicode_char(c).unwrap_or("?"));
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Advance widths in font units of the texts measured on this thread, by weight. Layout
/// measures a line once per word added to it, at each title size in turn, and the same site
/// name, labels and party names recur from card to card: most measurements are repeats.
type Advances = [FxHashMap<Box<str>, i32>; 2];

thread_local! {
    static ADVANCES: RefCell<Advances> = RefCell::default();
}

/// Texts kept per weight before the table starts over (about a megabyte).
const ADVANCES_KEPT: usize = 10_000;

/// Font weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Weight {
    Regular = 0,
    Bold = 1,
}

/// A weight at a pixel size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Style {
    pub weight: Weight,
    pub size: f32,
}

impl Style {
    fn font(self) -> &'static Font {
        match self.weight {
            Weight::Regular => &REGULAR,
            Weight::Bold => &BOLD,
        }
    }

    fn scale(self) -> f32 {
        self.size / self.font().units_per_em
    }

    /// Advance width of `text` on one line, in pixels.
    pub fn width(self, text: &str) -> f32 {
        ADVANCES.with_borrow_mut(|advances| {
            let advances = &mut advances[self.weight as usize];
            if let Some(&units) = advances.get(text) {
                return units as f32 * self.scale();
            }
            if advances.len() >= ADVANCES_KEPT {
                advances.clear();
            }
            let glyphs = self.font().shape(text);
            let units: i32 = glyphs.glyph_positions().iter().map(|p| p.x_advance).sum();
            advances.insert(text.into(), units);
            units as f32 * self.scale()
        })
    }

    /// Distance from the top of a line of height `pitch` to its baseline, so the font's
    /// ascender-to-descender span sits in the middle of the line.
    pub fn baseline_in(self, pitch: f32) -> f32 {
        let face = &self.font().face;
        let ascent = f32::from(face.ascender()) * self.scale();
        let descent = -f32::from(face.descender()) * self.scale();
        (pitch - ascent - descent) / 2.0 + ascent
    }

    /// Shapes `text` and calls `glyph(id, x, y)` with every glyph's origin in pixels, the
    /// pen starting at (`x`, `baseline`).
    pub fn place(
        self,
        text: &str,
        (x, baseline): (f32, f32),
        mut glyph: impl FnMut(GlyphId, f32, f32),
    ) {
        let glyphs = self.font().shape(text);
        let scale = self.scale();
        let mut pen = x;
        for (info, pos) in glyphs.glyph_infos().iter().zip(glyphs.glyph_positions()) {
            let gx = pen + pos.x_offset as f32 * scale;
            let gy = baseline - pos.y_offset as f32 * scale;
            pen += pos.x_advance as f32 * scale;
            // The shaper only returns glyph ids of this font, all below 65,536.
            glyph(GlyphId(info.glyph_id as u16), gx, gy);
        }
    }

    /// Draws the outline of glyph `id` into `raster`, resized to the whole pixels the glyph
    /// covers when its origin lies at `origin` (in pixels from a pixel corner) and a blank
    /// column either side. Returns the top-left of that box relative to the same corner;
    /// `None` for a glyph with no outline (a space).
    ///
    /// The rasteriser sums coverage along the whole buffer, row after row, and drops what
    /// falls left of its first pixel, so an edge outside the box shades every pixel after
    /// it: the box comes from the outline's own points, as some outlines (scaled composites)
    /// reach a fraction of a unit past the whole-unit box in the font, and the blank columns
    /// absorb rounding.
    pub fn outline(
        self,
        id: GlyphId,
        (ox, oy): (f32, f32),
        raster: &mut Rasterizer,
    ) -> Option<(i32, i32)> {
        let font = self.font();
        let scale = self.scale();
        let mut bounds = Bounds::default();
        font.face.outline_glyph(id, &mut bounds)?;
        let left = (ox + bounds.min.0 * scale).floor() - 1.0;
        let top = (oy - bounds.max.1 * scale).floor();
        let right = (ox + bounds.max.0 * scale).ceil() + 1.0;
        let bottom = (oy - bounds.min.1 * scale).ceil();
        raster.reset((right - left) as usize, (bottom - top) as usize);
        let mut sink = Outline {
            raster,
            scale,
            origin: (ox - left, oy - top),
            start: point(0.0, 0.0),
            last: point(0.0, 0.0),
        };
        font.face.outline_glyph(id, &mut sink);
        Some((left as i32, top as i32))
    }
}

/// The box of an outline's points, control points included (a curve stays inside them).
struct Bounds {
    min: (f32, f32),
    max: (f32, f32),
}

impl Default for Bounds {
    fn default() -> Bounds {
        Bounds {
            min: (f32::INFINITY, f32::INFINITY),
            max: (f32::NEG_INFINITY, f32::NEG_INFINITY),
        }
    }
}

impl OutlineBuilder for Bounds {
    fn move_to(&mut self, x: f32, y: f32) {
        self.min = (self.min.0.min(x), self.min.1.min(y));
        self.max = (self.max.0.max(x), self.max.1.max(y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.move_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.move_to(x1, y1);
        self.move_to(x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.move_to(x1, y1);
        self.move_to(x2, y2);
        self.move_to(x, y);
    }
    fn close(&mut self) {}
}

/// Feeds one glyph's outline, in font units, to the rasteriser in pixels relative to the
/// glyph's box (fonts point y up, pixels down).
struct Outline<'a> {
    raster: &'a mut Rasterizer,
    scale: f32,
    origin: (f32, f32),
    start: Point,
    last: Point,
}

impl Outline<'_> {
    fn at(&self, x: f32, y: f32) -> Point {
        point(
            self.origin.0 + x * self.scale,
            self.origin.1 - y * self.scale,
        )
    }
}

impl OutlineBuilder for Outline<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        self.start = self.at(x, y);
        self.last = self.start;
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let p = self.at(x, y);
        self.raster.draw_line(self.last, p);
        self.last = p;
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (p1, p) = (self.at(x1, y1), self.at(x, y));
        self.raster.draw_quad(self.last, p1, p);
        self.last = p;
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (p1, p2, p) = (self.at(x1, y1), self.at(x2, y2), self.at(x, y));
        self.raster.draw_cubic(self.last, p1, p2, p);
        self.last = p;
    }
    fn close(&mut self) {
        // The rasteriser accumulates signed area, so every contour must end where it began.
        if self.last != self.start {
            self.raster.draw_line(self.last, self.start);
        }
        self.last = self.start;
    }
}

/// Wraps `text` (already [`displayable`]) into at most `max_lines` lines no wider than
/// `max_w`, breaking on spaces, and inside a word only when the word alone is too wide. When
/// text is left over, the last line ends with "…". Returns the lines and whether it cut.
pub(super) fn wrap(text: &str, style: Style, max_w: f32, max_lines: usize) -> (Vec<String>, bool) {
    let mut lines = Vec::new();
    if max_lines == 0 {
        return (lines, !text.is_empty());
    }
    let mut words: VecDeque<String> = text.split(' ').map(str::to_owned).collect();
    let mut line = String::new();
    while let Some(word) = words.pop_front() {
        if word.is_empty() {
            continue;
        }
        let candidate = if line.is_empty() {
            word.clone()
        } else {
            format!("{line} {word}")
        };
        if style.width(&candidate) <= max_w {
            line = candidate;
        } else if line.is_empty() {
            let (head, tail) = split_to_fit(&word, style, max_w);
            line = head;
            words.push_front(tail);
        } else {
            words.push_front(word);
            if lines.len() + 1 == max_lines {
                lines.push(ellipsise(&line, style, max_w));
                return (lines, true);
            }
            lines.push(std::mem::take(&mut line));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    (lines, false)
}

/// One line of `text`, ellipsised if it does not fit.
pub(super) fn fit_line(text: &str, style: Style, max_w: f32) -> String {
    wrap(text, style, max_w, 1).0.pop().unwrap_or_default()
}

/// The longest head of an over-long `word` that fits, and the rest: cut after a hyphen, dash
/// or slash when one fits ("Kenya–Ghana–…"), else between letters. The head keeps at least one
/// character, and a base letter keeps its combining marks.
fn split_to_fit(word: &str, style: Style, max_w: f32) -> (String, String) {
    let cuts: Vec<usize> = word
        .char_indices()
        .filter(|&(i, c)| i > 0 && !is_combining(c))
        .map(|(i, _)| i)
        .collect();
    // Widths grow with the prefix, so binary search for the last cut that still fits.
    let fits = cuts.partition_point(|&i| style.width(&word[..i]) <= max_w);
    let Some(&longest) = fits.checked_sub(1).and_then(|n| cuts.get(n)) else {
        let at = cuts.first().copied().unwrap_or(word.len());
        return (word[..at].to_owned(), word[at..].to_owned());
    };
    // A dash in the first half would leave the line half empty.
    let after_dash = cuts[..fits]
        .iter()
        .rev()
        .take_while(|&&i| 2 * i >= longest)
        .find(|&&i| word[..i].ends_with(['-', '‐', '–', '—', '/']));
    let at = after_dash.copied().unwrap_or(longest);
    (word[..at].to_owned(), word[at..].to_owned())
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}')
}

/// `line` shortened until it fits with "…" after it: whole words go first, then letters;
/// a dangling space or comma before the ellipsis goes too.
pub(super) fn ellipsise(line: &str, style: Style, max_w: f32) -> String {
    let mut kept = line.trim_end().to_owned();
    loop {
        kept.truncate(kept.trim_end_matches(TRAILING).len());
        let candidate = format!("{kept}…");
        if kept.is_empty() || style.width(&candidate) <= max_w {
            return candidate;
        }
        match kept.rfind(' ') {
            // Dropping the word loses less than a third of the line: a cleaner cut.
            Some(space) if space * 3 >= kept.len() * 2 => kept.truncate(space),
            _ => {
                let last = kept.char_indices().next_back().map_or(0, |(i, _)| i);
                kept.truncate(last);
            }
        }
    }
}

const TRAILING: &[char] = &[' ', ',', ';', ':', '·', '-', '–', '—'];

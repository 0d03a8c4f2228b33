//! Glyph bitmaps: the alpha of every pixel a glyph covers, by exact-area coverage
//! (ab_glyph_rasterizer, a fraction of the cost of supersampling a path). The same letters at
//! the same few sizes recur on every card, so each thread keeps the bitmaps it has made.
//!
//! A glyph's origin is rounded to a quarter pixel, always, so a bitmap depends only on its
//! key (font, size, glyph and quarter-pixel offset): a card is drawn to the same bytes
//! whatever was drawn before it on the thread. A glyph moves by at most an eighth of a pixel.

use std::cell::RefCell;
use std::collections::hash_map::Entry;

use ab_glyph_rasterizer::Rasterizer;
use rustc_hash::FxHashMap;
use rustybuzz::ttf_parser::GlyphId;

use super::text::{Style, Weight};

/// Positions are rounded to 1/STEPS of a pixel.
pub(super) const STEPS: i32 = 4;

/// Coverage steps kept: enough for smooth edges, few enough that a card's colours fit a
/// PNG palette (each pair of text and background colour adds at most this many).
const COVERAGE_LEVELS: usize = 24;

/// Alpha (0–255) of each coverage step.
const ALPHA: [u8; COVERAGE_LEVELS + 1] = {
    let mut alpha = [0; COVERAGE_LEVELS + 1];
    let mut level = 0;
    while level <= COVERAGE_LEVELS {
        alpha[level] = ((level * 255 + COVERAGE_LEVELS / 2) / COVERAGE_LEVELS) as u8;
        level += 1;
    }
    alpha
};

/// A thread's bitmaps are dropped together past this many bytes (a card's few hundred
/// distinct glyphs take well under a megabyte, so a build seldom gets there).
const CACHE_BYTES: usize = 8 << 20;
/// Bytes a bitmap costs besides its pixels (key, header, allocation), for the limit.
const ENTRY_BYTES: usize = 64;

/// A glyph's alphas in a box of whole pixels, row by row.
pub(super) struct Bitmap {
    /// The box's top-left corner relative to the pixel of the glyph's (rounded) origin.
    left: i32,
    top: i32,
    width: usize,
    alpha: Box<[u8]>,
}

impl Bitmap {
    fn empty() -> Bitmap {
        Bitmap {
            left: 0,
            top: 0,
            width: 0,
            alpha: Box::default(),
        }
    }

    /// Width in pixels.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The rows of alphas, top to bottom.
    pub fn rows(&self) -> impl Iterator<Item = &[u8]> {
        self.alpha.chunks_exact(self.width.max(1))
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    weight: Weight,
    size: u32,
    id: u16,
    /// Sub-pixel offset of the origin, in steps.
    offset: (u8, u8),
}

#[derive(Default)]
struct Cache {
    bitmaps: FxHashMap<Key, Bitmap>,
    bytes: usize,
    raster: Option<Rasterizer>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::default();
}

/// Calls `draw(x, y, bitmap)` for every glyph of `text` that has pixels, (`x`, `y`) being
/// the card pixel of the bitmap's top-left corner; the pen starts at `origin` (its left end
/// on the baseline).
pub(super) fn draw(
    style: Style,
    text: &str,
    origin: (f32, f32),
    mut draw: impl FnMut(i32, i32, &Bitmap),
) {
    CACHE.with_borrow_mut(|cache| {
        style.place(text, origin, |id, x, y| {
            let ((px, sx), (py, sy)) = (round(x), round(y));
            let bitmap = cache.get(style, id, (sx, sy));
            if !bitmap.alpha.is_empty() {
                draw(px + bitmap.left, py + bitmap.top, bitmap);
            }
        });
    });
}

/// `v` rounded to the nearest step: its whole pixel, and the steps past it.
fn round(v: f32) -> (i32, u8) {
    let steps = (v * STEPS as f32).round() as i32;
    (steps.div_euclid(STEPS), steps.rem_euclid(STEPS) as u8)
}

impl Cache {
    fn get(&mut self, style: Style, id: GlyphId, offset: (u8, u8)) -> &Bitmap {
        if self.bytes > CACHE_BYTES {
            self.bitmaps.clear();
            self.bytes = 0;
        }
        let key = Key {
            weight: style.weight,
            size: style.size.to_bits(),
            id: id.0,
            offset,
        };
        match self.bitmaps.entry(key) {
            Entry::Occupied(entry) => entry.into_mut(),
            Entry::Vacant(entry) => {
                let raster = self.raster.get_or_insert_with(|| Rasterizer::new(0, 0));
                let bitmap = rasterise(style, id, offset, raster);
                self.bytes += bitmap.alpha.len() + ENTRY_BYTES;
                entry.insert(bitmap)
            }
        }
    }
}

/// The bitmap of glyph `id` with its origin `offset` steps past a pixel corner.
pub(super) fn rasterise(
    style: Style,
    id: GlyphId,
    offset: (u8, u8),
    raster: &mut Rasterizer,
) -> Bitmap {
    let origin = (
        f32::from(offset.0) / STEPS as f32,
        f32::from(offset.1) / STEPS as f32,
    );
    let Some((left, top)) = style.outline(id, origin, raster) else {
        return Bitmap::empty();
    };
    let (width, height) = raster.dimensions();
    let mut alpha = vec![0; width * height];
    raster.for_each_pixel(|i, coverage| alpha[i] = quantise(coverage));
    Bitmap {
        left,
        top,
        width,
        alpha: alpha.into_boxed_slice(),
    }
}

/// The alpha of the coverage step nearest to `coverage`.
fn quantise(coverage: f32) -> u8 {
    // A float-to-int cast truncates (hence the half) and saturates (so no negative index).
    let level = (coverage.min(1.0) * COVERAGE_LEVELS as f32 + 0.5) as usize;
    ALPHA[level]
}

//! Pixels and PNG bytes from a [`Layout`]: tiny-skia holds the pixels and fills the shapes,
//! glyphs are rasterised by exact area coverage and blended in, and [`encode`] writes the
//! result as a palette PNG.

use std::cell::RefCell;

use tiny_skia::{Color, FillRule, Paint, Path, PathBuilder, Pixmap, Transform};

use super::encode::{Encoder, encode};
use super::layout::{Layout, Rgb, Shape};
use super::{CardError, HEIGHT, WIDTH};

/// Paints `layout` and encodes it as PNG.
pub(super) fn render(layout: &Layout) -> Result<Vec<u8>, CardError> {
    SCRATCH.with_borrow_mut(|scratch| {
        let pixmap = match &mut scratch.pixmap {
            Some(pixmap) => pixmap,
            empty => empty.insert(Pixmap::new(WIDTH, HEIGHT).ok_or(CardError::Pixmap)?),
        };
        paint(layout, pixmap);
        encode(pixmap, &mut scratch.encoder)
    })
}

/// Buffers reused from card to card on each thread: a fresh 3 MB pixmap per card costs
/// about a millisecond of page faults, a third of the drawing.
#[derive(Default)]
struct Scratch {
    pixmap: Option<Pixmap>,
    encoder: Encoder,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Paints `layout` over the whole of `pixmap`: background, shapes, then text.
pub(super) fn paint(layout: &Layout, pixmap: &mut Pixmap) {
    let bg = layout.background;
    pixmap.fill(Color::from_rgba8(bg.0, bg.1, bg.2, 255));
    for shape in &layout.shapes {
        if let Some(path) = rounded_rect(shape) {
            fill(pixmap, &path, shape.color);
        }
    }
    let data = pixmap.data_mut();
    for line in &layout.lines {
        let baseline = line.y + line.style.baseline_in(line.pitch);
        let color = [line.color.0, line.color.1, line.color.2];
        line.style
            .rasterise(&line.text, (line.x, baseline), |x, y, coverage| {
                blend(data, (x, y), coverage, color);
            });
    }
}

/// Coverage steps kept: enough for smooth edges, few enough that a card's colours fit a
/// PNG palette (each pair of text and background colour adds at most this many).
const COVERAGE_LEVELS: usize = 24;

/// Alpha (0–255) of each coverage step.
const ALPHA: [u32; COVERAGE_LEVELS + 1] = {
    let mut alpha = [0; COVERAGE_LEVELS + 1];
    let mut level = 0;
    while level <= COVERAGE_LEVELS {
        alpha[level] = ((level * 255 + COVERAGE_LEVELS / 2) / COVERAGE_LEVELS) as u32;
        level += 1;
    }
    alpha
};

/// Lays `color` over the opaque pixel at (`x`, `y`) with the given coverage, in integers so
/// every machine computes the same bytes.
fn blend(rgba: &mut [u8], (x, y): (i32, i32), coverage: f32, color: [u8; 3]) {
    let (Ok(x), Ok(y)) = (u32::try_from(x), u32::try_from(y)) else {
        return;
    };
    if x >= WIDTH || y >= HEIGHT {
        return;
    }
    // Rounds to the nearest step (a float-to-int cast truncates, and coverage is positive).
    let level = (coverage.min(1.0) * COVERAGE_LEVELS as f32 + 0.5) as usize;
    let alpha = ALPHA[level];
    if alpha == 0 {
        return;
    }
    let at = 4 * (y * WIDTH + x) as usize;
    for (dst, src) in rgba[at..at + 3].iter_mut().zip(color) {
        *dst = ((u32::from(*dst) * (255 - alpha) + u32::from(src) * alpha + 127) / 255) as u8;
    }
}

fn fill(pixmap: &mut Pixmap, path: &Path, color: Rgb) {
    let mut paint = Paint::default();
    paint.set_color_rgba8(color.0, color.1, color.2, 255);
    paint.anti_alias = true;
    pixmap.fill_path(path, &paint, FillRule::Winding, Transform::identity(), None);
}

/// A rectangle with quarter-circle corners (cubic approximation); square when `radius` is 0.
fn rounded_rect(s: &Shape) -> Option<Path> {
    let (x, y, w, h) = (s.x, s.y, s.w, s.h);
    let r = s.radius.min(w / 2.0).min(h / 2.0);
    // The control-point distance that makes a cubic follow a quarter circle most closely.
    let k = r * 0.552_284_8;
    let mut p = PathBuilder::new();
    p.move_to(x + r, y);
    p.line_to(x + w - r, y);
    p.cubic_to(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
    p.line_to(x + w, y + h - r);
    p.cubic_to(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
    p.line_to(x + r, y + h);
    p.cubic_to(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
    p.line_to(x, y + r);
    p.cubic_to(x, y + r - k, x + r - k, y, x + r, y);
    p.close();
    p.finish()
}

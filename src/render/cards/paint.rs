//! Pixels and PNG bytes from a [`Layout`]: tiny-skia holds the pixels and fills the shapes,
//! glyph bitmaps ([`glyphs`]) are blended in, and [`encode`] writes the result as a palette
//! PNG.

use std::cell::RefCell;

use tiny_skia::{Color, FillRule, Paint, Path, PathBuilder, Pixmap, Transform};

use super::encode::{Encoder, encode};
use super::glyphs::{self, Bitmap};
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
/// about a millisecond of page faults, as long as the drawing itself.
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
        let mut ink = Ink::new(line.color);
        glyphs::draw(
            line.style,
            &line.text,
            (line.x, baseline),
            |x, y, bitmap| {
                ink.blend(data, (x, y), bitmap);
            },
        );
    }
}

/// Lays one colour over opaque pixels, in integers so every machine computes the same bytes.
struct Ink {
    color: [u32; 3],
    /// The last pixel blended at each alpha and what it became, tagged with bit 32 so the
    /// zeroed table matches nothing: text mostly lies over one background colour, so most
    /// pixels are a lookup rather than three multiply-divides.
    memo: [(u64, u32); 256],
}

impl Ink {
    fn new(color: Rgb) -> Ink {
        Ink {
            color: [color.0, color.1, color.2].map(u32::from),
            memo: [(0, 0); 256],
        }
    }

    /// Blends `bitmap` with its top-left at pixel (`x`, `y`), clipped to the card.
    fn blend(&mut self, rgba: &mut [u8], (x, y): (i32, i32), bitmap: &Bitmap) {
        let (w, h) = (WIDTH as i32, HEIGHT as i32);
        let (left, right) = (x.max(0), (x + bitmap.width() as i32).min(w));
        if left >= right {
            return;
        }
        let skip = (left - x) as usize..(right - x) as usize;
        for (alphas, y) in bitmap.rows().zip(y..).filter(|&(_, y)| (0..h).contains(&y)) {
            let start = 4 * (y * w + left) as usize;
            let pixels = &mut rgba[start..start + 4 * skip.len()];
            for (px, &alpha) in pixels.chunks_exact_mut(4).zip(&alphas[skip.clone()]) {
                if alpha != 0 {
                    self.pixel(px.try_into().expect("four bytes"), alpha);
                }
            }
        }
    }

    /// Lays the colour over one pixel at `alpha` (1–255), keeping its alpha byte.
    fn pixel(&mut self, px: &mut [u8; 4], alpha: u8) {
        let dst = u32::from_le_bytes(*px);
        let (tag, out) = &mut self.memo[usize::from(alpha)];
        if *tag != u64::from(dst) | 1 << 32 {
            let a = u32::from(alpha);
            let mut rgba = dst.to_le_bytes();
            for (d, s) in rgba[..3].iter_mut().zip(self.color) {
                *d = ((u32::from(*d) * (255 - a) + s * a + 127) / 255) as u8;
            }
            (*tag, *out) = (u64::from(dst) | 1 << 32, u32::from_le_bytes(rgba));
        }
        *px = out.to_le_bytes();
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

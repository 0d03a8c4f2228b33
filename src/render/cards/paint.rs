//! Pixels and PNG bytes from a [`Layout`]: tiny-skia holds the pixels and fills the shapes,
//! glyphs are rasterised by exact area coverage and blended in, and the png crate writes the
//! result as a palette image with its fast deflate (see [`encode`]).

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use tiny_skia::{Color, FillRule, Paint, Path, PathBuilder, Pixmap, Transform};

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
        encode(pixmap, &mut scratch.indices)
    })
}

/// Buffers reused from card to card on each thread: a fresh 3 MB pixmap per card costs
/// about a millisecond of page faults, a third of the drawing.
#[derive(Default)]
struct Scratch {
    pixmap: Option<Pixmap>,
    indices: Vec<u8>,
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

/// PNG of an opaque pixmap (its premultiplied RGBA equals plain RGBA then). Flat colours
/// and a few anti-aliasing shades per colour pair make a card 100–200 distinct colours, so it
/// is written losslessly as an 8-bit palette image, a third of the RGB data, which fdeflate
/// squeezes to about 40 KB in well under a millisecond. A card with more colours than a palette
/// holds falls back to RGB with a slower deflate that keeps it small.
pub(super) fn encode(pixmap: &Pixmap, indices: &mut Vec<u8>) -> Result<Vec<u8>, CardError> {
    match palette(pixmap.data(), indices) {
        Some(palette) => write_png(
            (png::ColorType::Indexed, Some(palette)),
            indices,
            png::DeflateCompression::FdeflateUltraFast,
        ),
        None => {
            let rgb: Vec<u8> = pixmap
                .data()
                .chunks_exact(4)
                .flat_map(|px| [px[0], px[1], px[2]])
                .collect();
            let deflate = png::DeflateCompression::Level(RGB_DEFLATE_LEVEL);
            write_png((png::ColorType::Rgb, None), &rgb, deflate)
        }
    }
}

const RGB_DEFLATE_LEVEL: u8 = 6;

/// The RGB palette (in order of first appearance, so output is deterministic), with one index
/// per pixel written to `indices`; `None` past 256 colours.
fn palette(rgba: &[u8], indices: &mut Vec<u8>) -> Option<Vec<u8>> {
    let mut index: FxHashMap<u32, u8> = FxHashMap::default();
    let mut palette = Vec::with_capacity(3 * 256);
    indices.clear();
    // Most pixels repeat the one before: skip the map for them. Alpha is always 255, so the
    // starting u32::MAX matches no pixel.
    let mut last = (u32::MAX, 0u8);
    for px in rgba.chunks_exact(4) {
        let colour = u32::from_le_bytes([px[0], px[1], px[2], px[3]]);
        if colour != last.0 {
            let i = match index.get(&colour) {
                Some(&i) => i,
                None if index.len() == 256 => return None,
                None => {
                    let i = index.len() as u8;
                    index.insert(colour, i);
                    palette.extend_from_slice(&px[..3]);
                    i
                }
            };
            last = (colour, i);
        }
        indices.push(last.1);
    }
    Some(palette)
}

fn write_png(
    (color, palette): (png::ColorType, Option<Vec<u8>>),
    data: &[u8],
    deflate: png::DeflateCompression,
) -> Result<Vec<u8>, CardError> {
    let mut png = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut png, WIDTH, HEIGHT);
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    if let Some(palette) = palette {
        encoder.set_palette(palette);
    }
    encoder.set_deflate_compression(deflate);
    encoder.set_filter(png::Filter::Adaptive);
    let err = |e: png::EncodingError| CardError::Encode(e.to_string());
    let mut writer = encoder.write_header().map_err(err)?;
    writer.write_image_data(data).map_err(err)?;
    writer.finish().map_err(err)?;
    Ok(png)
}

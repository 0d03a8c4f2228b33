//! PNG bytes from a card's pixels. Flat colours and a few anti-aliasing shades per colour
//! pair make a card 100–200 distinct colours, so it is written losslessly as an 8-bit palette
//! image, a third of the RGB data. The rows are filtered here and compressed with fdeflate,
//! whose only matches are runs of zeros: a row the same as the one above filters to all zeros
//! (and is not looked at again), and any other row takes whichever of the Up, Sub and Paeth
//! filters leaves the smallest bytes, which comes to under 40 KB a card. A card with more
//! colours than a palette holds falls back to RGB with a slower deflate that keeps it small.

use tiny_skia::Pixmap;

use super::{CardError, HEIGHT, WIDTH};

const W: usize = WIDTH as usize;
/// Bytes of a filtered row: the filter type, then one palette index per pixel.
const ROW: usize = W + 1;

/// PNG filter types (the first byte of every filtered row).
const SUB: u8 = 1;
const UP: u8 = 2;
const PAETH: u8 = 4;

const RGB_DEFLATE_LEVEL: u8 = 6;

/// Buffers reused from card to card on one thread, so encoding allocates only its output.
#[derive(Default)]
pub(super) struct Encoder {
    palette: Palette,
    /// Palette indices of the row above and of this row.
    above: Vec<u8>,
    row: Vec<u8>,
    /// Every filtered row, as fdeflate takes them.
    filtered: Vec<u8>,
}

/// PNG of an opaque pixmap (its premultiplied RGBA equals plain RGBA then).
pub(super) fn encode(pixmap: &Pixmap, encoder: &mut Encoder) -> Result<Vec<u8>, CardError> {
    if encoder.filter_rows(pixmap.data()).is_none() {
        return rgb_png(pixmap);
    }
    let err = |e: std::io::Error| CardError::Encode(e.to_string());
    let mut deflate = fdeflate::Compressor::new(Vec::with_capacity(64 * 1024)).map_err(err)?;
    deflate.write_data(&encoder.filtered).map_err(err)?;
    let idat = deflate.finish().map_err(err)?;
    Ok(palette_png(&encoder.palette.rgb, &idat))
}

impl Encoder {
    /// Fills `filtered` with the card as filtered palette rows; `None` past 256 colours.
    fn filter_rows(&mut self, rgba: &[u8]) -> Option<()> {
        self.palette.clear();
        self.filtered.clear();
        self.filtered.resize(ROW * HEIGHT as usize, 0);
        // The row above the first is all zeros, by the PNG rules.
        self.above.clear();
        self.above.resize(W, 0);
        self.row.resize(W, 0);
        let mut above_rgba: Option<&[u8]> = None;
        let rows = rgba
            .chunks_exact(4 * W)
            .zip(self.filtered.chunks_exact_mut(ROW));
        for (rgba_row, out) in rows {
            if above_rgba == Some(rgba_row) {
                // Most rows (above, between and below the text) repeat the one above.
                out[0] = UP;
                continue;
            }
            index_row(
                rgba_row,
                above_rgba,
                &self.above,
                &mut self.row,
                &mut self.palette,
            )?;
            filter_row(&self.above, &self.row, out);
            std::mem::swap(&mut self.above, &mut self.row);
            above_rgba = Some(rgba_row);
        }
        Some(())
    }
}

/// Pixels looked at together: a run of them that repeats the row above takes its indices
/// whole, which spares the lookups for most of a row of text. A card's width is a multiple.
const BLOCK: usize = 8;

/// Palette indices of one row of RGBA pixels, given the row above and its indices (`None`
/// on the first row); `None` when the palette overflows.
fn index_row(
    rgba: &[u8],
    above_rgba: Option<&[u8]>,
    above: &[u8],
    out: &mut [u8],
    palette: &mut Palette,
) -> Option<()> {
    let colour = |px: &[u8]| u32::from_le_bytes([px[0], px[1], px[2], px[3]]);
    let first = colour(rgba);
    let mut last = (first, palette.index(first)?);
    let blocks = rgba
        .chunks_exact(4 * BLOCK)
        .zip(out.chunks_exact_mut(BLOCK));
    for (i, (block, indices)) in blocks.enumerate() {
        // Arrays, not slices, so the comparison is two vector compares, not a memcmp call.
        let block: &[u8; 4 * BLOCK] = block.try_into().expect("a whole block");
        let repeats = above_rgba.is_some_and(|above_rgba| {
            let up: &[u8; 4 * BLOCK] = above_rgba[4 * BLOCK * i..][..4 * BLOCK]
                .try_into()
                .expect("a whole block");
            up == block
        });
        if repeats {
            indices.copy_from_slice(&above[i * BLOCK..(i + 1) * BLOCK]);
            continue;
        }
        // Most other pixels repeat the one before: skip the lookup for them.
        for (px, index) in block.chunks_exact(4).zip(indices) {
            let c = colour(px);
            if c != last.0 {
                last = (c, palette.index(c)?);
            }
            *index = last.1;
        }
    }
    Some(())
}

/// Writes `row` filtered with whichever of Up, Sub and Paeth leaves the smallest sum of
/// bytes taken as signed (the usual PNG heuristic: small values cost fewest bits in
/// fdeflate's fixed code, and zeros run). Paeth wins on two rows of text in five and makes
/// the file a fifteenth smaller; Average seldom wins on palette indices.
fn filter_row(above: &[u8], row: &[u8], out: &mut [u8]) {
    let (kind, data) = out.split_first_mut().expect("a row has a filter byte");
    let (mut sub, mut paeth) = ([0; W], [0; W]);
    for ((d, &x), &b) in data.iter_mut().zip(row).zip(above) {
        *d = x.wrapping_sub(b);
    }
    sub_filter(row, &mut sub);
    paeth_filter(above, row, &mut paeth);
    let (up_cost, sub_cost, paeth_cost) = (cost(data), cost(&sub), cost(&paeth));
    // Ties go to Up, then Sub.
    *kind = UP;
    if sub_cost < up_cost && sub_cost <= paeth_cost {
        *kind = SUB;
        data.copy_from_slice(&sub);
    } else if paeth_cost < up_cost.min(sub_cost) {
        *kind = PAETH;
        data.copy_from_slice(&paeth);
    }
}

fn cost(filtered: &[u8]) -> u32 {
    filtered
        .iter()
        .map(|&d| u32::from((d as i8).unsigned_abs()))
        .sum()
}

/// Each byte less the one to its left.
fn sub_filter(row: &[u8], out: &mut [u8]) {
    out[0] = row[0];
    for (d, pair) in out[1..].iter_mut().zip(row.windows(2)) {
        *d = pair[1].wrapping_sub(pair[0]);
    }
}

/// Each byte less whichever of its left (a), upper (b) and upper-left (c) neighbours is
/// nearest to a + b - c. Written branch-free over i16 lanes so that it vectorises.
fn paeth_filter(above: &[u8], row: &[u8], out: &mut [u8]) {
    // On the left edge a and c are zero, and the predictor is b.
    out[0] = row[0].wrapping_sub(above[0]);
    let neighbours = row.iter().zip(above).zip(&above[1..]);
    for ((d, &x), ((&a, &c), &b)) in out[1..].iter_mut().zip(&row[1..]).zip(neighbours) {
        let (a16, b16, c16) = (i16::from(a), i16::from(b), i16::from(c));
        let pa = (b16 - c16).abs();
        let pb = (a16 - c16).abs();
        let pc = (a16 + b16 - 2 * c16).abs();
        let predictor = if pa <= pb && pa <= pc {
            a
        } else if pb <= pc {
            b
        } else {
            c
        };
        *d = x.wrapping_sub(predictor);
    }
}

/// The colours of a card in order of first appearance (so output is deterministic), with
/// an open-addressing table from colour to index: a few times quicker than a general map for
/// the pixels of anti-aliased edges.
struct Palette {
    slots: Box<[Slot]>,
    /// The PLTE chunk's data: RGB per index.
    rgb: Vec<u8>,
}

#[derive(Clone, Copy)]
struct Slot {
    colour: u32,
    index: u16,
}

/// Table size: a power of two, at least four times the 256 colours, so probes stay short.
const SLOTS: usize = 1024;
const EMPTY: Slot = Slot {
    colour: 0,
    index: u16::MAX,
};

impl Default for Palette {
    fn default() -> Palette {
        Palette {
            slots: vec![EMPTY; SLOTS].into_boxed_slice(),
            rgb: Vec::with_capacity(3 * 256),
        }
    }
}

impl Palette {
    fn clear(&mut self) {
        self.slots.fill(EMPTY);
        self.rgb.clear();
    }

    /// The index of `colour` (RGBA, little-endian), added if new; `None` past 256 colours.
    fn index(&mut self, colour: u32) -> Option<u8> {
        // Fibonacci hashing: the top bits of the product depend on every byte of the colour.
        let mut at = (colour.wrapping_mul(0x9E37_79B1) >> (32 - SLOTS.trailing_zeros())) as usize;
        loop {
            let slot = self.slots[at];
            if slot.index == EMPTY.index {
                let index = u8::try_from(self.rgb.len() / 3).ok()?;
                self.slots[at] = Slot {
                    colour,
                    index: u16::from(index),
                };
                self.rgb.extend_from_slice(&colour.to_le_bytes()[..3]);
                return Some(index);
            }
            if slot.colour == colour {
                return Some(slot.index as u8);
            }
            at = (at + 1) % SLOTS;
        }
    }
}

/// The PNG file of an 8-bit palette image: signature, IHDR, PLTE, one IDAT, IEND.
fn palette_png(palette: &[u8], idat: &[u8]) -> Vec<u8> {
    let mut png = Vec::with_capacity(idat.len() + palette.len() + 64);
    png.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let mut ihdr = [0; 13];
    ihdr[..4].copy_from_slice(&WIDTH.to_be_bytes());
    ihdr[4..8].copy_from_slice(&HEIGHT.to_be_bytes());
    // Bit depth 8, colour type 3 (palette); compression, filter method and interlace 0.
    ihdr[8..10].copy_from_slice(&[8, 3]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"PLTE", palette);
    chunk(&mut png, b"IDAT", idat);
    chunk(&mut png, b"IEND", &[]);
    png
}

/// Appends a PNG chunk: length, type, data and the CRC of type and data.
fn chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    let len = u32::try_from(data.len()).expect("a card's chunks are far below 4 GB");
    png.extend_from_slice(&len.to_be_bytes());
    let start = png.len();
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let crc = crc32fast::hash(&png[start..]);
    png.extend_from_slice(&crc.to_be_bytes());
}

/// The fallback for a card of more than 256 colours: RGB through the png crate.
fn rgb_png(pixmap: &Pixmap) -> Result<Vec<u8>, CardError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|px| [px[0], px[1], px[2]])
        .collect();
    let mut png = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut png, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_deflate_compression(png::DeflateCompression::Level(RGB_DEFLATE_LEVEL));
    encoder.set_filter(png::Filter::Adaptive);
    let err = |e: png::EncodingError| CardError::Encode(e.to_string());
    let mut writer = encoder.write_header().map_err(err)?;
    writer.write_image_data(&rgb).map_err(err)?;
    writer.finish().map_err(err)?;
    Ok(png)
}

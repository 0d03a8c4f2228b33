//! Where everything goes on a card, decided before a pixel is touched: rows from the top
//! (site name, kind label with the status pill, title, subtitle) and the parties anchored at
//! the bottom. The title takes the largest size at which it fits, and what cannot fit is cut
//! with "…", so no text ever leaves the content area.

use super::text::{Style, Weight, displayable, ellipsise, fit_line, wrap};
use super::{Card, CardKind, HEIGHT, TextBox, WIDTH};

/// An opaque sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Rgb(pub u8, pub u8, pub u8);

const BACKGROUND: Rgb = Rgb(248, 250, 252);
const INK: Rgb = Rgb(15, 23, 42);
const SECONDARY: Rgb = Rgb(51, 65, 85);
const MUTED: Rgb = Rgb(100, 116, 139);
const RULE: Rgb = Rgb(226, 232, 240);
const ON_PILL: Rgb = Rgb(255, 255, 255);

/// Content area: at least 40 px from every edge, more on the left for the accent bar.
const LEFT: f32 = 80.0;
const RIGHT: f32 = WIDTH as f32 - 80.0;
const CONTENT_W: f32 = RIGHT - LEFT;
const TOP: f32 = 56.0;
const BOTTOM: f32 = HEIGHT as f32 - 56.0;
const BAR_W: f32 = 16.0;

const SITE: Style = Style {
    weight: Weight::Regular,
    size: 26.0,
};
const SITE_PITCH: f32 = 32.0;
const LABEL: Style = Style {
    weight: Weight::Bold,
    size: 22.0,
};
const LABEL_PITCH: f32 = 28.0;
const LABEL_Y: f32 = 116.0;
const PILL_PAD_X: f32 = 18.0;
const PILL_H: f32 = 40.0;
const PILL_GAP: f32 = 24.0;
const PILL_MAX_W: f32 = 400.0;
const TITLE_Y: f32 = LABEL_Y + LABEL_PITCH + 34.0;
/// Tried largest first; the first at which the whole title fits wins.
const TITLE_SIZES: [f32; 3] = [72.0, 62.0, 54.0];
const TITLE_MAX_LINES: usize = 3;
const SUBTITLE: Style = Style {
    weight: Weight::Regular,
    size: 28.0,
};
const SUBTITLE_PITCH: f32 = 36.0;
const SUBTITLE_GAP: f32 = 22.0;
const SUBTITLE_MAX_LINES: usize = 2;
const PARTIES: Style = Style {
    weight: Weight::Regular,
    size: 30.0,
};
const PARTIES_PITCH: f32 = 38.0;
const PARTIES_MAX_LINES: usize = 2;
const PARTY_SEPARATOR: &str = " · ";
/// Room kept between summed word widths and the line width, for kerning across separators.
const PACK_SLACK: f32 = 2.0;
const RULE_GAP: f32 = 24.0;
const RULE_H: f32 = 2.0;
const ABOVE_RULE: f32 = 22.0;

/// A line of text in place: `y` is the top of its slot of height `pitch`.
#[derive(Clone, Debug)]
pub(super) struct Line {
    pub text: String,
    pub style: Style,
    pub color: Rgb,
    pub x: f32,
    pub y: f32,
    pub pitch: f32,
    pub width: f32,
}

/// A filled rectangle, its corners rounded by `radius`.
#[derive(Clone, Debug)]
pub(super) struct Shape {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub radius: f32,
    pub color: Rgb,
}

/// A whole card: shapes are painted first, then lines.
#[derive(Clone, Debug)]
pub(super) struct Layout {
    pub background: Rgb,
    pub shapes: Vec<Shape>,
    pub lines: Vec<Line>,
}

impl Layout {
    /// The box of every line, top to bottom, then left to right.
    pub fn boxes(&self) -> Vec<TextBox> {
        let mut boxes: Vec<TextBox> = self
            .lines
            .iter()
            .map(|l| TextBox {
                text: l.text.clone(),
                x: l.x,
                y: l.y,
                w: l.width,
                h: l.pitch,
            })
            .collect();
        boxes.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        boxes
    }

    /// Places `text` (already fitted) with its slot's top-left at (`x`, `y`); returns its width.
    fn text(
        &mut self,
        text: String,
        style: Style,
        color: Rgb,
        (x, y): (f32, f32),
        pitch: f32,
    ) -> f32 {
        let mut width = style.width(&text);
        let mut text = text;
        // Summed widths (the parties) can be a hair off the shaped line: never let it show.
        if x + width > RIGHT {
            text = ellipsise(&text, style, RIGHT - x);
            width = style.width(&text);
        }
        self.lines.push(Line {
            text,
            style,
            color,
            x,
            y,
            pitch,
            width,
        });
        width
    }
}

fn accent(kind: CardKind) -> Rgb {
    match kind {
        CardKind::Site => Rgb(30, 41, 59),
        CardKind::Country => Rgb(15, 118, 110),
        CardKind::Agreement => Rgb(67, 56, 202),
    }
}

/// The pill's colour and label for a status; `None` for an empty one.
fn status_pill(status: &str) -> Option<(Rgb, String)> {
    let status = displayable(status);
    let color = match status.to_lowercase().as_str() {
        "" => return None,
        "signed" => Rgb(21, 128, 61),
        "planned" => Rgb(180, 83, 9),
        "discussed" => Rgb(37, 99, 235),
        _ => MUTED,
    };
    let mut chars = status.chars();
    let label = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect());
    label.map(|l| (color, l))
}

/// Lays out a card.
pub(super) fn plan(card: &Card) -> Layout {
    let accent = accent(card.kind);
    let mut layout = Layout {
        background: BACKGROUND,
        shapes: vec![Shape {
            x: 0.0,
            y: 0.0,
            w: BAR_W,
            h: HEIGHT as f32,
            radius: 0.0,
            color: accent,
        }],
        lines: Vec::new(),
    };
    let site = fit_line(&displayable(&card.site_name), SITE, CONTENT_W);
    if !site.is_empty() {
        layout.text(site, SITE, MUTED, (LEFT, TOP), SITE_PITCH);
    }
    label_row(&mut layout, card, accent);
    let limit = parties_block(&mut layout, &card.parties);
    title_block(&mut layout, card, limit);
    layout
}

/// The kind label and, after it, the status pill.
fn label_row(layout: &mut Layout, card: &Card, accent: Rgb) {
    let label = card.kind.label().to_owned();
    let w = layout.text(label, LABEL, accent, (LEFT, LABEL_Y), LABEL_PITCH);
    let Some((color, status)) = card.status.as_deref().and_then(status_pill) else {
        return;
    };
    let x = LEFT + w + PILL_GAP;
    let status = fit_line(&status, LABEL, PILL_MAX_W - 2.0 * PILL_PAD_X);
    let text_w = LABEL.width(&status);
    layout.shapes.push(Shape {
        x,
        y: LABEL_Y + (LABEL_PITCH - PILL_H) / 2.0,
        w: text_w + 2.0 * PILL_PAD_X,
        h: PILL_H,
        radius: PILL_H / 2.0,
        color,
    });
    let at = (x + PILL_PAD_X, LABEL_Y);
    layout.text(status, LABEL, ON_PILL, at, LABEL_PITCH);
}

/// The parties at the bottom, with a rule above them; returns how far down the title and
/// subtitle may reach.
fn parties_block(layout: &mut Layout, parties: &[String]) -> f32 {
    let lines = party_lines(parties);
    if lines.is_empty() {
        return BOTTOM;
    }
    let top = BOTTOM - lines.len() as f32 * PARTIES_PITCH;
    for (i, line) in lines.into_iter().enumerate() {
        let y = top + i as f32 * PARTIES_PITCH;
        layout.text(line, PARTIES, INK, (LEFT, y), PARTIES_PITCH);
    }
    let rule_y = top - RULE_GAP;
    layout.shapes.push(Shape {
        x: LEFT,
        y: rule_y,
        w: CONTENT_W,
        h: RULE_H,
        radius: 0.0,
        color: RULE,
    });
    rule_y - ABOVE_RULE
}

/// "A · B · C" over at most two lines; when not all fit, as many as do and "+N more".
fn party_lines(parties: &[String]) -> Vec<String> {
    let items: Vec<String> = parties
        .iter()
        .map(|p| fit_line(&displayable(p), PARTIES, CONTENT_W))
        .filter(|p| !p.is_empty())
        .collect();
    let widths: Vec<f32> = items.iter().map(|p| PARTIES.width(p)).collect();
    let n = items.len();
    for shown in (0..=n).rev() {
        let more = (shown < n).then(|| format!("+{} more", n - shown));
        if let Some(lines) = pack(&items[..shown], &widths[..shown], more) {
            return lines;
        }
    }
    Vec::new()
}

/// Fills lines greedily with whole items; `None` if they need more than the allowed lines.
fn pack(items: &[String], widths: &[f32], more: Option<String>) -> Option<Vec<String>> {
    let separator = PARTIES.width(PARTY_SEPARATOR);
    let more = more.map(|m| {
        let w = PARTIES.width(&m);
        (m, w)
    });
    let mut lines: Vec<(String, f32)> = Vec::new();
    for (text, w) in items
        .iter()
        .cloned()
        .zip(widths.iter().copied())
        .chain(more)
    {
        let full = lines.len() == PARTIES_MAX_LINES;
        match lines.last_mut() {
            Some((line, line_w)) if *line_w + separator + w <= CONTENT_W - PACK_SLACK => {
                line.push_str(PARTY_SEPARATOR);
                line.push_str(&text);
                *line_w += separator + w;
            }
            _ if full => return None,
            _ => lines.push((text, w)),
        }
    }
    Some(lines.into_iter().map(|(line, _)| line).collect())
}

/// The title, as large as fits, then the subtitle in the room left above `limit`.
fn title_block(layout: &mut Layout, card: &Card, limit: f32) {
    let title = displayable(&card.title);
    let subtitle = card.subtitle.as_deref().map(displayable);
    let subtitle = subtitle.filter(|s| !s.is_empty());
    let reserve = if subtitle.is_some() {
        SUBTITLE_GAP + SUBTITLE_PITCH
    } else {
        0.0
    };
    let (style, pitch, lines) = fit_title(&title, limit - TITLE_Y - reserve);
    let mut y = TITLE_Y;
    for line in lines {
        layout.text(line, style, INK, (LEFT, y), pitch);
        y += pitch;
    }
    let Some(subtitle) = subtitle else { return };
    y += SUBTITLE_GAP;
    let room = ((limit - y) / SUBTITLE_PITCH).floor().max(0.0) as usize;
    let (lines, _) = wrap(&subtitle, SUBTITLE, CONTENT_W, room.min(SUBTITLE_MAX_LINES));
    for line in lines {
        layout.text(line, SUBTITLE, SECONDARY, (LEFT, y), SUBTITLE_PITCH);
        y += SUBTITLE_PITCH;
    }
}

/// The largest title size at which the whole title fits in `height`; the smallest, cut,
/// when none does. Returns the style, the line pitch and the lines.
fn fit_title(title: &str, height: f32) -> (Style, f32, Vec<String>) {
    let mut chosen = None;
    for size in TITLE_SIZES {
        let style = Style {
            weight: Weight::Bold,
            size,
        };
        let pitch = (size * 1.16).round();
        let max_lines = ((height / pitch).floor().max(0.0) as usize).min(TITLE_MAX_LINES);
        let (lines, cut) = wrap(title, style, CONTENT_W, max_lines);
        chosen = Some((style, pitch, lines));
        if !cut {
            break;
        }
    }
    chosen.expect("TITLE_SIZES is not empty")
}

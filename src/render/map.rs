//! The partnership map: an inline SVG world map (Natural Earth 1:110m outlines in the Equal
//! Earth projection, embedded from `assets/map/world-110m.tsv`) on which every country with a
//! page links to it and is shaded by its number of agreements, and each pair of countries
//! that are parties to an agreement together gets one line, as wide as their number of
//! agreements and coloured by the strongest status among them.
//!
//! The output needs no JavaScript and nothing from the network; colours live in the
//! stylesheet (classes `map-*`), with plain presentation attributes as a fallback.
//!
//! Accessibility: the `<svg>` is `role="group"`, named by its `<title>` and described by its
//! `<desc>` (the text alternative), and [`table`] gives the same facts as an HTML table. Not
//! `role="img"`: an image's children are presentational, so its country links would be
//! focusable yet invisible to assistive technology (axe-core's `nested-interactive`, a serious
//! violation). Each link is named by its `<title>` ("Niger: 12 agreements"); the links stay
//! out of the tab order (`tabindex="-1"`, else the home map alone would be a hundred tab
//! stops), so keyboard users follow the table's links, and the lines are `aria-hidden`.
//!
//! Two modes, chosen by [`MapInput::highlight`]: the home map (every pair, capped at the
//! [`MAX_LINES`] with the most agreements so the page stays small) and a country page's map
//! (the country highlighted, only its own pairs, partners shaded by their agreements with it).
//!
//! Entry points: [`figure`] (map and legend, for templates), [`svg`], [`legend`], [`table`].
//! Output is deterministic. Element ids (`map-title`, `map-desc`) assume one map per page.

mod html;
mod svg;
#[cfg(test)]
mod tests;
mod world;

use std::collections::BTreeMap;

use crate::gazetteer::{CountryCode, Gazetteer};
use crate::terms::AgreementStatus;

/// The most pair lines a map draws; beyond that the lines drawn are the pairs with the most
/// agreements, and the description and legend say so. 150 lines keep the home map well
/// under 150 KB (about 75 KB at this cap) and still readable.
pub const MAX_LINES: usize = 150;

/// Shading classes for countries with agreements (`map-c1` … `map-c4`; `map-c0` is none).
const SHADES: usize = 4;
/// Stroke-width classes for pair lines (`map-w1` … `map-w4`).
const WIDTHS: usize = 4;

/// What a map shows. The same input can serve the home page and, with [`highlight`] set,
/// every country page: the renderer keeps only the highlighted country's pairs.
///
/// [`highlight`]: MapInput::highlight
#[derive(Debug, Clone, Default)]
pub struct MapInput {
    /// Countries to shade and link: code, number of agreements it is a party to, and
    /// whether it has a page (only those are links). Others are drawn as plain land.
    pub countries: Vec<(CountryCode, usize, bool)>,
    /// Pairs of countries that are parties to agreements together: the two codes (in any
    /// order), how many agreements, and the strongest status among them. Duplicates of a
    /// pair are merged (counts added, strongest status kept).
    pub pairs: Vec<(CountryCode, CountryCode, usize, AgreementStatus)>,
    /// A country page's country: drawn highlighted, with only its own pairs, and its partners
    /// shaded by their agreements with it. `None` for the home map.
    pub highlight: Option<CountryCode>,
}

/// The map and its legend in `<figure class="map">`: what a template embeds (unescaped).
/// `root` is the prefix from the page to the site root (`""` or `"../"`); `title` names the
/// map for assistive technology.
pub fn figure(input: &MapInput, root: &str, title: &str) -> String {
    let plan = Plan::new(input);
    format!(
        "<figure class=\"map\">{}{}</figure>",
        svg::draw(&plan, root, title),
        html::legend(&plan)
    )
}

/// The map alone: an inline `<svg role="group">` with `<title>` and `<desc>`.
pub fn svg(input: &MapInput, root: &str, title: &str) -> String {
    svg::draw(&Plan::new(input), root, title)
}

/// The legend alone, as `<div class="map-legend">` (shade scale, line colours and widths,
/// and the cap if reached).
pub fn legend(input: &MapInput) -> String {
    html::legend(&Plan::new(input))
}

/// The map's facts as `<table class="data-table map-table">`: on the home map every country
/// with its agreements and its partners on the map; on a country page each partner with its
/// agreements with the country and their strongest status. Links are relative to `root`.
pub fn table(input: &MapInput, root: &str) -> String {
    html::table(&Plan::new(input), root)
}

/// One pair of countries, `a < b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pair {
    a: CountryCode,
    b: CountryCode,
    count: usize,
    status: AgreementStatus,
}

/// A shaded country: its count (agreements, or on a country page agreements with it).
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    count: usize,
    page: bool,
}

/// What a map draws, worked out once from a [`MapInput`].
struct Plan {
    highlight: Option<CountryCode>,
    countries: BTreeMap<CountryCode, Entry>,
    /// Lines to draw, the most agreements first.
    lines: Vec<Pair>,
    /// Pairs in scope before the cap.
    total_pairs: usize,
    shade: Scale,
    width: Scale,
}

impl Plan {
    fn new(input: &MapInput) -> Plan {
        let h = input.highlight;
        let mut pairs = merge_pairs(&input.pairs);
        if let Some(h) = h {
            pairs.retain(|p| p.a == h || p.b == h);
        }
        let total_pairs = pairs.len();
        // Most agreements first, then the strongest status, then by code: the cap keeps the
        // busiest pairs, and ties break the same way on every build.
        pairs.sort_by(|x, y| (y.count, y.status, x.a, x.b).cmp(&(x.count, x.status, y.a, y.b)));
        let world = &world::WORLD;
        pairs.retain(|p| world.get(p.a).is_some() && world.get(p.b).is_some());
        pairs.truncate(MAX_LINES);
        let countries = entries(input, &pairs, h);
        let max_shade = countries
            .iter()
            .filter(|(c, _)| Some(**c) != h)
            .map(|(_, e)| e.count)
            .max();
        Plan {
            highlight: h,
            shade: Scale::new(max_shade.unwrap_or(0), SHADES),
            width: Scale::new(pairs.first().map_or(0, |p| p.count), WIDTHS),
            countries,
            lines: pairs,
            total_pairs,
        }
    }

    /// The CSS class that fills a country.
    fn fill_class(&self, code: CountryCode, e: Entry) -> String {
        if Some(code) == self.highlight {
            "map-here".into()
        } else {
            format!("map-c{}", self.shade.class(e.count))
        }
    }

    /// Lines that end at `code`, as (partner, pair).
    fn partners(&self, code: CountryCode) -> impl Iterator<Item = (CountryCode, &Pair)> {
        self.lines.iter().filter_map(move |p| {
            (p.a == code)
                .then_some((p.b, p))
                .or_else(|| (p.b == code).then_some((p.a, p)))
        })
    }

    /// "Niger: 12 agreements" or, on a country page, "Nigeria: 3 agreements with Niger".
    fn country_title(&self, code: CountryCode, e: Entry) -> String {
        let with = match self.highlight {
            Some(h) if h != code => format!(" with {}", name(h)),
            _ => String::new(),
        };
        format!("{}: {}{with}", name(code), agreements(e.count))
    }
}

/// Pairs with `a < b`, duplicates merged, self-pairs dropped.
fn merge_pairs(raw: &[(CountryCode, CountryCode, usize, AgreementStatus)]) -> Vec<Pair> {
    let mut map: BTreeMap<(CountryCode, CountryCode), (usize, AgreementStatus)> = BTreeMap::new();
    for &(x, y, count, status) in raw {
        if x == y || count == 0 {
            continue;
        }
        let key = (x.min(y), x.max(y));
        let e = map.entry(key).or_insert((0, status));
        e.0 += count;
        e.1 = e.1.max(status);
    }
    map.into_iter()
        .map(|((a, b), (count, status))| Pair {
            a,
            b,
            count,
            status,
        })
        .collect()
}

/// The countries to shade. On a country page a partner's count is its pair's count and
/// every other country counts 0 (it stays a link if it has a page); partners missing from
/// `input.countries` are added without a page.
fn entries(
    input: &MapInput,
    lines: &[Pair],
    h: Option<CountryCode>,
) -> BTreeMap<CountryCode, Entry> {
    let mut map: BTreeMap<CountryCode, Entry> = BTreeMap::new();
    for &(code, count, page) in &input.countries {
        let e = map.entry(code).or_default();
        e.count = e.count.max(count);
        e.page |= page;
    }
    let Some(h) = h else { return map };
    map.entry(h).or_default();
    for (code, e) in map.iter_mut() {
        if *code != h {
            e.count = 0;
        }
    }
    for p in lines {
        let partner = if p.a == h { p.b } else { p.a };
        map.entry(partner).or_default().count = p.count;
    }
    map
}

/// Counts in up to `n` classes, log-spaced up to the largest count: class `k` (1-based)
/// holds the counts in `(upper[k-2], upper[k-1]]`; class 0 is a count of 0.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Scale {
    upper: Vec<usize>,
}

impl Scale {
    fn new(max: usize, n: usize) -> Scale {
        let mut upper: Vec<usize> = Vec::new();
        for k in 1..n {
            let u = (max as f64).powf(k as f64 / n as f64).round() as usize;
            if u >= 1 && u < max && upper.last().is_none_or(|&last| u > last) {
                upper.push(u);
            }
        }
        if max > 0 {
            upper.push(max);
        }
        Scale { upper }
    }

    /// The class of a count: 0 for none, then 1 ..= the number of classes.
    fn class(&self, count: usize) -> usize {
        if count == 0 {
            return 0;
        }
        self.upper
            .iter()
            .position(|&u| count <= u)
            .map_or(self.upper.len(), |i| i + 1)
    }

    /// Classes with their labels ("1", "2–4" …), lowest first.
    fn classes(&self) -> Vec<(usize, String)> {
        let mut lo = 1;
        let mut out = Vec::new();
        for (i, &hi) in self.upper.iter().enumerate() {
            let label = if lo == hi {
                lo.to_string()
            } else {
                format!("{lo}–{hi}")
            };
            out.push((i + 1, label));
            lo = hi + 1;
        }
        out
    }
}

/// A country's display name (its code if the gazetteer does not know it).
fn name(code: CountryCode) -> String {
    Gazetteer::global()
        .get(code)
        .map_or_else(|| code.to_string(), |c| c.name.clone())
}

/// "no agreements", "1 agreement", "12 agreements".
fn agreements(n: usize) -> String {
    match n {
        0 => "no agreements".into(),
        1 => "1 agreement".into(),
        n => format!("{n} agreements"),
    }
}

/// Escapes text for XML and HTML, attributes included.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

//! Draws a [`Plan`] as inline SVG: land, then pair lines, then dots (on top, so that small
//! countries stay visible and clickable).

use std::fmt::Write;

use super::world::{Shape, WORLD};
use super::{Entry, Pair, Plan, agreements, esc, name};
use crate::gazetteer::CountryCode;
use crate::model::country_url;

/// How far a pair line bows out of the straight line, as a share of its length: enough to
/// tell apart lines that leave a country in nearly the same direction.
const BOW: f64 = 0.12;
/// Radius of a small country's dot, in viewBox units.
const DOT_RADIUS: f64 = 2.6;

/// The whole `<svg>` element.
pub(super) fn draw(plan: &Plan, root: &str, title: &str) -> String {
    let world = &*WORLD;
    let mut out = String::with_capacity(96 * 1024);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map-svg\" viewBox=\"0 0 {} {}\" \
         role=\"group\" aria-labelledby=\"map-title\" aria-describedby=\"map-desc\">\
         <title id=\"map-title\">{}</title><desc id=\"map-desc\">{}</desc>",
        world.width,
        world.height,
        esc(title),
        esc(&description(plan))
    );
    land(plan, root, &mut out);
    lines(plan, &mut out);
    dots(plan, root, &mut out);
    out.push_str("</svg>");
    out
}

/// The text alternative: what is shaded, what the lines are, and whether they are capped.
fn description(plan: &Plan) -> String {
    let shown = plan.lines.len();
    let which = if shown < plan.total_pairs {
        format!(
            "the {shown} pairs with the most agreements (of {} pairs)",
            plan.total_pairs
        )
    } else {
        format!("all {shown} pairs")
    };
    let how = "wider for more agreements and coloured by the strongest status \
               (signed, planned, discussed). A table gives the same facts.";
    match plan.highlight {
        Some(h) => format!(
            "{} is highlighted. Its partners are shaded by their agreements with it, and a \
             line joins it to each of them ({which}), {how}",
            name(h)
        ),
        None => {
            let n = plan.countries.values().filter(|e| e.count > 0).count();
            format!(
                "{n} countries are shaded by their number of agreements. Lines join the \
                 countries that are parties to agreements together ({which}), {how}"
            )
        }
    }
}

/// Whether a country is drawn as more than plain land.
fn featured(plan: &Plan, code: CountryCode, e: Entry) -> bool {
    e.page || e.count > 0 || Some(code) == plan.highlight
}

/// Every outline; featured countries get their class, title and link.
fn land(plan: &Plan, root: &str, out: &mut String) {
    out.push_str(
        "<g class=\"map-land\" fill=\"#dde3ea\" stroke=\"#fff\" stroke-width=\".4\" \
         stroke-linejoin=\"round\">",
    );
    for (code, shape) in WORLD.outlines() {
        let shape_el = format!("<path d=\"{}\"", shape.path);
        match plan.countries.get(&code) {
            // A small country's outline is shaded but not linked: its dot (drawn on top) is
            // its one link, so that each country page has exactly one link on the map.
            Some(&e) if featured(plan, code, e) => {
                country(plan, root, code, e, !shape.dot, &shape_el, out)
            }
            _ => {
                out.push_str(&shape_el);
                out.push_str("/>");
            }
        }
    }
    out.push_str("</g>");
}

/// Dots for the featured countries that are too small to see.
fn dots(plan: &Plan, root: &str, out: &mut String) {
    out.push_str("<g class=\"map-dots\" fill=\"#9aa8b8\" stroke=\"#fff\" stroke-width=\".6\">");
    for (&code, &e) in &plan.countries {
        let Some(shape @ Shape { dot: true, .. }) = WORLD.get(code) else {
            continue;
        };
        if featured(plan, code, e) {
            let (x, y) = shape.anchor;
            let el = format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"{DOT_RADIUS}\"",
                num(x),
                num(y)
            );
            country(plan, root, code, e, true, &el, out);
        }
    }
    out.push_str("</g>");
}

/// One featured country's element (`el` is an unclosed `<path` or `<circle`), given its
/// class and title and, if it has a page and `link` is set, wrapped in a link that the tab
/// order skips.
fn country(
    plan: &Plan,
    root: &str,
    code: CountryCode,
    e: Entry,
    link: bool,
    el: &str,
    out: &mut String,
) {
    let class = plan.fill_class(code, e);
    let title = esc(&plan.country_title(code, e));
    if e.page && link {
        let _ = write!(
            out,
            "<a href=\"{}{}\" tabindex=\"-1\"><title>{title}</title>{el} class=\"{class}\"/></a>",
            esc(root),
            esc(&country_url(code))
        );
    } else {
        let _ = write!(out, "{el} class=\"{class}\"><title>{title}</title>");
        out.push_str(if el.starts_with("<path") {
            "</path>"
        } else {
            "</circle>"
        });
    }
}

/// The pair lines, fewest agreements first so that the strongest lie on top. Their titles
/// are tooltips; assistive technology skips them (`aria-hidden`), the table has the facts.
fn lines(plan: &Plan, out: &mut String) {
    out.push_str(
        "<g class=\"map-lines\" aria-hidden=\"true\" fill=\"none\" stroke=\"#4a5562\" stroke-width=\"1\" \
         stroke-linecap=\"round\">",
    );
    for p in plan.lines.iter().rev() {
        let _ = write!(
            out,
            "<path class=\"map-{} map-w{}\" d=\"{}\"><title>{}</title></path>",
            p.status.as_str(),
            plan.width.class(p.count),
            curve(p),
            esc(&pair_title(p))
        );
    }
    out.push_str("</g>");
}

/// "Niger – Nigeria: 3 agreements, strongest signed".
pub(super) fn pair_title(p: &Pair) -> String {
    format!(
        "{} – {}: {}, strongest {}",
        name(p.a),
        name(p.b),
        agreements(p.count),
        p.status.as_str()
    )
}

/// A quadratic curve between the two anchors, bowed to the left of the a → b direction.
fn curve(p: &Pair) -> String {
    let (Some(a), Some(b)) = (WORLD.get(p.a), WORLD.get(p.b)) else {
        return String::new();
    };
    let ((x1, y1), (x2, y2)) = (a.anchor, b.anchor);
    let (cx, cy) = (
        (x1 + x2) / 2.0 + (y2 - y1) * BOW,
        (y1 + y2) / 2.0 - (x2 - x1) * BOW,
    );
    format!(
        "M{} {}Q{} {} {} {}",
        num(x1),
        num(y1),
        num(cx),
        num(cy),
        num(x2),
        num(y2)
    )
}

/// A coordinate with at most one decimal ("12.3", "12").
fn num(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{:.1}", tenths as f64 / 10.0)
    }
}

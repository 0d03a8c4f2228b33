//! The HTML around the map: its legend and the table with the same facts.

use std::fmt::Write;

use super::{Entry, Plan, esc, name};
use crate::gazetteer::CountryCode;
use crate::model::country_url;
use crate::terms::AgreementStatus;

/// The legend: shade classes, line colours by status, line widths by count, and the cap.
pub(super) fn legend(plan: &Plan) -> String {
    let mut out = String::new();
    let shaded = match plan.highlight {
        Some(h) => {
            key_group(&mut out, "This country");
            key(&mut out, "map-swatch map-here", &esc(&name(h)));
            out.push_str("</span>");
            format!("Agreements with {}", name(h))
        }
        None => "Agreements per country".to_string(),
    };
    key_group(&mut out, &shaded);
    key(&mut out, "map-swatch map-c0", "none");
    for (k, label) in plan.shade.classes() {
        key(&mut out, &format!("map-swatch map-c{k}"), &label);
    }
    out.push_str("</span>");
    if !plan.lines.is_empty() {
        key_group(&mut out, "Pairs, by strongest status");
        for s in AgreementStatus::ALL {
            key(
                &mut out,
                &format!("map-stroke map-{}", s.as_str()),
                s.label(),
            );
        }
        out.push_str("</span>");
        key_group(&mut out, "Agreements per pair");
        for (k, label) in plan.width.classes() {
            key(&mut out, &format!("map-stroke map-w{k}"), &label);
        }
        out.push_str("</span>");
    }
    if plan.lines.len() < plan.total_pairs {
        let _ = write!(
            out,
            "<span class=\"map-key-note\">Lines: the {} pairs with the most agreements, of {}.</span>",
            plan.lines.len(),
            plan.total_pairs
        );
    }
    format!("<div class=\"map-legend\">{out}</div>")
}

/// Opens a group of keys with its heading (closed by the caller).
fn key_group(out: &mut String, heading: &str) {
    let _ = write!(
        out,
        "<span class=\"map-key-group\"><span class=\"map-key-title\">{}</span>",
        esc(heading)
    );
}

/// One key: a sample (swatch or stroke, by `class`) and its label (already escaped).
fn key(out: &mut String, class: &str, label: &str) {
    let _ = write!(
        out,
        "<span class=\"map-key\"><span class=\"{class}\"></span>{label}</span>"
    );
}

/// The facts of the map as a table; empty when the map shows no country.
pub(super) fn table(plan: &Plan, root: &str) -> String {
    match plan.highlight {
        Some(h) => partner_table(plan, h, root),
        None => country_table(plan, root),
    }
}

/// A country's name, linked to its page if it has one.
fn country_link(plan: &Plan, code: CountryCode, root: &str) -> String {
    let page = plan.countries.get(&code).is_some_and(|e| e.page);
    if page {
        format!(
            "<a href=\"{}{}\">{}</a>",
            esc(root),
            esc(&country_url(code)),
            esc(&name(code))
        )
    } else {
        esc(&name(code))
    }
}

/// The caption's note when the lines are capped.
fn cap_note(plan: &Plan) -> String {
    if plan.lines.len() < plan.total_pairs {
        format!(
            " (partners among the {} pairs with the most agreements, of {})",
            plan.lines.len(),
            plan.total_pairs
        )
    } else {
        String::new()
    }
}

/// Home map: country, agreements, partners on the map (most agreements first).
fn country_table(plan: &Plan, root: &str) -> String {
    let mut rows: Vec<(CountryCode, Entry, String)> = plan
        .countries
        .iter()
        .filter(|(_, e)| e.page || e.count > 0)
        .map(|(&c, &e)| (c, e, name(c)))
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    rows.sort_by(|x, y| y.1.count.cmp(&x.1.count).then_with(|| x.2.cmp(&y.2)));
    let mut out = format!(
        "<table class=\"data-table map-table\"><caption>Agreements by country{}</caption>\
         <thead><tr><th scope=\"col\">Country</th><th scope=\"col\" class=\"num\">Agreements</th>\
         <th scope=\"col\">Partners on the map</th></tr></thead><tbody>",
        esc(&cap_note(plan))
    );
    for (code, e, _) in rows {
        let partners: Vec<String> = plan
            .partners(code)
            .map(|(other, p)| {
                format!(
                    "{} ({}, {})",
                    country_link(plan, other, root),
                    p.count,
                    p.status.as_str()
                )
            })
            .collect();
        let partners = if partners.is_empty() {
            "—".to_string()
        } else {
            partners.join(", ")
        };
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{partners}</td></tr>",
            country_link(plan, code, root),
            e.count
        );
    }
    out.push_str("</tbody></table>");
    out
}

/// Country page: each partner, its agreements with the country, and the strongest status.
fn partner_table(plan: &Plan, h: CountryCode, root: &str) -> String {
    let who = esc(&name(h));
    let mut out = format!(
        "<table class=\"data-table map-table\"><caption>Partners of {who}{}</caption>\
         <thead><tr><th scope=\"col\">Partner</th>\
         <th scope=\"col\" class=\"num\">Agreements with {who}</th>\
         <th scope=\"col\">Strongest status</th></tr></thead><tbody>",
        esc(&cap_note(plan))
    );
    let mut any = false;
    for (other, p) in plan.partners(h) {
        any = true;
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td></tr>",
            country_link(plan, other, root),
            p.count,
            p.status.label()
        );
    }
    if !any {
        return String::new();
    }
    out.push_str("</tbody></table>");
    out
}

//! Several people under one plural title: "Presidents Horacio Villalba of Paraguay and
//! Evaristo Mamani Condori of Bolivia", "Tanzanian and Burundian transport ministers, A and B",
//! "the presidents of Mexico, A, and Guatemala, B", "both presidents of The Gambia and
//! Senegal, A and B respectively".

use super::super::lexicon::PORTFOLIO_WORDS;
use super::title::{Ctx, normalise_role};
use super::{Found, make_found};
use crate::gazetteer::CountryCode;

/// "Presidents Horacio Villalba of Paraguay and Evaristo Mamani Condori of Bolivia";
/// "Tanzanian and Burundian transport ministers, Elias Mwambene and Jean-Bosco Niyonkuru"
/// (the countries named before the title, in the order of the names).
pub(super) fn plural_title(ctx: &Ctx<'_, '_>, text: &str, r: usize) -> Vec<Found> {
    let mut j = r + 1;
    if ctx.tokens.get(j).is_some_and(|t| t.text == ",") {
        j += 1;
    }
    plural_title_from(ctx, text, r, j)
}

/// "The leaders of the two countries, Ilham Aliyev and Emomali Rahmon": the names after the
/// pair the title belongs to.
pub(super) fn plural_of_pair(ctx: &Ctx<'_, '_>, text: &str, r: usize) -> Vec<Found> {
    let pair = matches!(
        (ctx.lower(r + 1), ctx.lower(r + 2), ctx.lower(r + 3)),
        ("of", "the", "two") | ("of", "both", _)
    );
    let k = if ctx.lower(r + 2) == "both" {
        r + 3
    } else {
        r + 4
    };
    if !pair
        || !matches!(
            ctx.lower(k),
            "countries" | "nations" | "states" | "sides" | "governments"
        )
        || !comma(ctx, k + 1)
    {
        return Vec::new();
    }
    plural_title_from(ctx, text, r, k + 2)
}

/// "Signed by the Ministers of Culture Bisera Kostadinovska and Elva Margariti": the names
/// after the portfolio the plural title shares.
pub(super) fn plural_of_portfolio(ctx: &Ctx<'_, '_>, text: &str, r: usize) -> Vec<Found> {
    let mut j = r + 2;
    while ctx.tokens.get(j).is_some_and(|t| {
        t.is_capitalised() && PORTFOLIO_WORDS.contains(t.lower())
            || matches!(t.lower(), "and" | "&")
    }) {
        j += 1;
    }
    if j == r + 2 || ctx.country.get(j).copied().flatten().is_some() {
        return Vec::new();
    }
    // "the Ministers of Economy, Sergio Massa and Fernando Haddad, respectively".
    if ctx.tokens.get(j).is_some_and(|t| t.text == ",") {
        j += 1;
    }
    plural_title_from(ctx, text, r, j)
}

/// The names of a plural title `r`, listed from token `j`.
fn plural_title_from(ctx: &Ctx<'_, '_>, text: &str, r: usize, mut j: usize) -> Vec<Found> {
    let (role_start, _) = ctx.extend_left(r);
    let plural = ctx.tokens[r].text;
    // "Secretaries" → "Secretary", "Ministers" → "Minister".
    let head = match plural.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => plural.trim_end_matches('s').to_string(),
    };
    let words: Vec<&str> = ctx.tokens[role_start..r]
        .iter()
        .filter(|t| t.word && t.lower() != "and")
        .map(|t| t.text)
        .chain(std::iter::once(head.as_str()))
        .collect();
    let role = normalise_role(&words.join(" "));
    // Countries before the title, one per mention: "Tanzanian and Burundian".
    let mut before: Vec<CountryCode> = Vec::new();
    let mut k = role_start;
    while k > 0 {
        let t = &ctx.tokens[k - 1];
        if let Some(c) = ctx.country[k - 1] {
            if before.last() != Some(&c) {
                before.insert(0, c);
            }
        } else if !(t.lower() == "and" || t.text == "," || t.lower() == "the") {
            break;
        }
        k -= 1;
    }
    let mut out = Vec::new();
    while let Some((end, name)) = ctx.name_at(text, j) {
        let mut country = None;
        j = end;
        if ctx.lower(j) == "of" && ctx.country.get(j + 1).copied().flatten().is_some() {
            country = ctx.country[j + 1];
            j += 1;
            while j < ctx.tokens.len() && ctx.country[j] == country {
                j += 1;
            }
        }
        // "Ministers Ricardo Luna (Foreign Affairs), Fernando Zavala (Economy)": each
        // minister's portfolio in brackets.
        if ctx.tokens.get(j).is_some_and(|t| t.text == "(")
            && let Some(close) =
                (j + 1..ctx.tokens.len().min(j + 12)).find(|&k| ctx.tokens[k].text == ")")
        {
            j = close + 1;
        }
        out.push(make_found(
            name,
            role.clone(),
            country,
            None,
            "plural-title",
        ));
        if ctx
            .tokens
            .get(j)
            .is_some_and(|t| t.text == "," || t.lower() == "and")
        {
            j += 1;
        } else {
            break;
        }
    }
    if out.len() == before.len() && out.iter().all(|f| f.person.country.is_none()) {
        for (f, c) in out.iter_mut().zip(before) {
            f.person.country = Some(c);
        }
    }
    out
}

/// "The presidents of Mexico, A, and Guatemala, B, met": each name after its country; "both
/// presidents of The Gambia and Senegal, A and B respectively": the names in the order of
/// the countries.
pub(super) fn plural_of_countries(ctx: &Ctx<'_, '_>, text: &str, r: usize) -> Vec<Found> {
    let role = normalise_role(ctx.tokens[r].text.trim_end_matches('s'));
    let listed = each_after_its_country(ctx, text, r + 2);
    let listed = if listed.is_empty() {
        in_country_order(ctx, text, r + 2)
    } else {
        listed
    };
    listed
        .into_iter()
        .map(|(name, code)| make_found(name, role.clone(), Some(code), None, "plural-title"))
        .collect()
}

/// The country at token `j` ("The Gambia" with its article) and the token after it.
fn country_at(ctx: &Ctx<'_, '_>, j: usize) -> Option<(CountryCode, usize)> {
    let mut k = j;
    if ctx.lower(k) == "the" {
        k += 1;
    }
    let code = ctx.country.get(k).copied().flatten()?;
    while ctx.country.get(k).copied().flatten() == Some(code) {
        k += 1;
    }
    Some((code, k))
}

fn comma(ctx: &Ctx<'_, '_>, j: usize) -> bool {
    ctx.tokens.get(j).is_some_and(|t| t.text == ",")
}

/// "Mexico, A, and Guatemala, B" (or "Spain A, Latvia B") from token `j`.
fn each_after_its_country(
    ctx: &Ctx<'_, '_>,
    text: &str,
    mut j: usize,
) -> Vec<(String, CountryCode)> {
    let mut out = Vec::new();
    while let Some((code, k)) = country_at(ctx, j) {
        // "of Spain José Albares, Latvia Baiba Braže": the name may follow its country
        // with no comma.
        let at = if comma(ctx, k) { k + 1 } else { k };
        let Some((end, name)) = ctx.name_at(text, at) else {
            break;
        };
        out.push((name, code));
        j = end;
        if comma(ctx, j) {
            j += 1;
        }
        if ctx.lower(j) == "and" {
            j += 1;
        }
    }
    out
}

/// "The Gambia and Senegal, A and B" from token `j`: as many names as countries, or none.
fn in_country_order(ctx: &Ctx<'_, '_>, text: &str, mut j: usize) -> Vec<(String, CountryCode)> {
    let mut codes = Vec::new();
    while let Some((code, k)) = country_at(ctx, j) {
        codes.push(code);
        j = k;
        if matches!(ctx.lower(j), "and" | ",") && country_at(ctx, j + 1).is_some() {
            j += 1;
        } else {
            break;
        }
    }
    if codes.len() < 2 || !comma(ctx, j) {
        return Vec::new();
    }
    j += 1;
    let mut names = Vec::new();
    while let Some((end, name)) = ctx.name_at(text, j) {
        names.push(name);
        j = end;
        if matches!(ctx.lower(j), "and" | ",") {
            j += 1;
        } else {
            break;
        }
    }
    if names.len() != codes.len() {
        return Vec::new();
    }
    names.into_iter().zip(codes).collect()
}

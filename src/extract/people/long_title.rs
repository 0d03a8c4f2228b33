//! Long titles: a title that runs through an organisation's name or a list of portfolios
//! before the name, with no comma to mark where the name starts ("Permanent Secretary in the
//! Ministry of Minerals Kheri Mahimbali", "the Chief of Staff of the Egyptian Armed Forces,
//! Ahmed Khalifa", "Minister of Women Affairs, Community, and SME Development, Monica
//! Mutsvangwa").
//!
//! The rules in `title` stop where a title stops looking like one; this one is tried only when
//! they found no name. It reads on over the words titles are made of and takes the first name
//! that starts where a title word cannot: after an organisation, portfolio or country word, a
//! comma, or the word a joiner ("of", "and", "for") brought in.

use super::super::lexicon::{ORGANISATION_WORDS, PORTFOLIO_WORDS, ROLE_MODIFIERS, ROLE_NOUNS};
use super::title::{Ctx, looks_like_portfolio, normalise_role};
use super::{Found, ORG_WORDS, make_found};

/// How far past the head noun a title may run.
const REACH: usize = 25;

/// Words that join the parts of a title.
fn is_joiner(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "for" | "and" | "the" | "in" | "to" | "on" | "with" | "under" | "&"
    )
}

/// The person a long title introduces, if the head noun at `r` starts one.
pub(super) fn person_after_long_title(ctx: &Ctx<'_, '_>, text: &str, r: usize) -> Option<Found> {
    let tokens = ctx.tokens;
    let head_lower = !tokens[r].is_capitalised();
    let mut last_joiner = r;
    let mut country = None;
    let mut k = r + 1;
    while k < tokens.len() && k <= r + REACH {
        let t = &tokens[k];
        let lower = t.lower();
        // Another title starts: its own name is its own.
        if ctx.is_role_noun(k) {
            return None;
        }
        // "in charge of the Budget": "charge" joins like "of".
        if is_joiner(lower) || lower == "charge" && ctx.lower(k - 1) == "in" {
            last_joiner = k;
            k += 1;
            continue;
        }
        if t.text == "," {
            k += 1;
            continue;
        }
        let title_word = t.word
            && (t.is_capitalised()
                || ctx.country[k].is_some()
                // "Chargé d'Affaires"; "leader of opposition".
                || lower.starts_with("d'")
                || lower.starts_with("d’")
                || head_lower && last_joiner > r && k == last_joiner + 1
                || head_lower
                    && [&PORTFOLIO_WORDS, &ORGANISATION_WORDS, &ROLE_NOUNS, &ROLE_MODIFIERS]
                        .iter()
                        .any(|set| set.contains(lower)));
        if !title_word {
            return None;
        }
        if let Some(code) = ctx.country[k] {
            // "Ambassador to Kenya" names where the official serves, not whom they serve.
            if country.is_none() && ctx.lower(k - 1) != "to" {
                country = Some(code);
            }
        } else if starts_name(ctx, k, last_joiner)
            && let Some((_, name)) = ctx.name_at(text, k)
        {
            let mut role_end = k;
            while role_end > r + 1 && tokens[role_end - 1].text == "," {
                role_end -= 1;
            }
            let (role_start, _) = ctx.extend_left(r);
            let role = normalise_role(&text[tokens[role_start].start..tokens[role_end - 1].end]);
            return Some(make_found(name, role, country, None, "long-title"));
        }
        k += 1;
    }
    None
}

/// Whether a name may start at `k`: the word before is one a title ends with, or a comma, or
/// the word a joiner just brought into the title ("Neighbourhood and Enlargement Olivér
/// Várhelyi").
fn starts_name(ctx: &Ctx<'_, '_>, k: usize, last_joiner: usize) -> bool {
    let opens_name = ctx.is_name_word(k) || ctx.is_initial(k);
    // "… Turks Abroad and Related Communities Abdullah Eren": a plural noun ends the title.
    if k == last_joiner + 1
        || !opens_name
        || PORTFOLIO_WORDS.contains(ctx.lower(k))
        || looks_like_portfolio(ctx.lower(k))
    {
        return false;
    }
    let prev = &ctx.tokens[k - 1];
    let lower = prev.lower();
    prev.text == ","
        || k - 1 == last_joiner + 1
        || ctx.country[k - 1].is_some()
        || ORG_WORDS.contains(&prev.text)
        || PORTFOLIO_WORDS.contains(lower)
        || ORGANISATION_WORDS.contains(lower)
        || looks_like_portfolio(lower)
}

//! People named in the news of who got which post, where no title stands before the name:
//! "Satsuki Katayama was appointed Finance Minister", "Kenichiro Ueno became Minister of
//! Health", "A similar post was given to Bakhyt Sultanov", "Lee appointed Wi Sung-lac as
//! national security advisor", "succeeding Paetongtarn Shinawatra", "his predecessor, Rodrigo
//! Duterte", and the names a sentence
//! lists after a noun for people ("prominent figures … including Dominic LeBlanc, Mélanie
//! Joly and Chrystia Freeland").
//!
//! The verb or the list is the evidence that the capitalised words are a person; the name
//! itself still has to pass [`Ctx::name_at`], which keeps organisations and places out.

use super::super::lexicon::ROLE_NOUNS;
use super::super::tokens::Token;
use super::title::{Ctx, normalise_role};
use super::{Found, make_found, make_untitled};
use crate::gazetteer::CountryCode;

/// Participles that only people take after "was", "has been", "will be": "was appointed".
#[rustfmt::skip]
const APPOINTED: &[&str] = &[
    "appointed", "elected", "re-elected", "reelected", "nominated", "sworn", "reappointed",
    "re-appointed", "dismissed", "sacked", "fired", "ousted",
];

/// Participles that a place or a firm may take too ("was chosen as the venue"): a person only
/// with a post after them ("was named foreign minister").
#[rustfmt::skip]
const APPOINTED_TO_POST: &[&str] = &[
    "named", "confirmed", "promoted", "chosen", "tapped", "designated", "installed", "picked",
    "removed",
];

/// Words between a name and its participle: "was later appointed", "will be named".
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "was", "were", "is", "has", "had", "have", "been", "will", "would", "be", "later", "also",
    "then",
];

/// Verbs that take the post as their object: "became the minister", "took over as".
#[rustfmt::skip]
const TOOK_POST: &[&str] = &[
    "became", "becomes", "become", "took", "takes", "take", "taken", "retained", "retains",
    "remained", "remains", "serves", "served", "serve", "continues", "continued", "stays",
    "stayed",
];

/// Active verbs of appointment whose object is the person: "Lee appointed Wi Sung-lac as …".
#[rustfmt::skip]
const APPOINTS: &[&str] = &[
    "appointed", "named", "nominated", "picked", "tapped", "chose", "retained", "kept",
    "reappointed", "swore", "swears", "inducted", "inducts", "appoints", "names",
];

/// Words before a name that make it the previous or next holder of a post.
const HOLDER_BEFORE: &[&str] = &[
    "succeeding",
    "replacing",
    "succeeds",
    "replaces",
    "replace",
    "succeed",
];

/// Nouns of a term in office after a possessive name: "in Fernando de la Rúa's government".
const TERM_NOUNS: &[&str] = &[
    "government",
    "administration",
    "cabinet",
    "presidency",
    "premiership",
    "term",
    "tenure",
];

/// Nouns for people that a list of names may follow: "figures … including A, B and C".
#[rustfmt::skip]
const PEOPLE_NOUNS: &[&str] = &[
    "figures", "ministers", "members", "officials", "leaders", "politicians", "lawmakers",
    "legislators", "candidates", "diplomats", "envoys", "delegates", "dignitaries", "senators",
    "commissioners", "advisers", "advisors", "aides", "rivals", "allies", "critics", "heads",
    "nominees", "appointees", "veterans", "loyalists",
];

/// Nouns for a post that is given to someone: "the post was given to X".
const POST_NOUNS: &[&str] = &[
    "post",
    "posts",
    "portfolio",
    "helm",
    "ministry",
    "position",
    "job",
    "role",
    "seat",
];

/// A person named by the news of a post, starting at token `i`.
pub(super) fn find_at(ctx: &Ctx<'_, '_>, text: &str, i: usize) -> Option<(usize, Found)> {
    if !ctx.tokens[i].is_capitalised() || i > 0 && ctx.is_name_word(i - 1) {
        return None;
    }
    // One name, tried against each shape.
    let (end, name) = ctx.name_at(text, i)?;
    let found = appointed_name(ctx, text, end, &name)
        .or_else(|| appointee(ctx, text, i, end, &name))
        .or_else(|| listed_name(ctx, text, i, end, &name))
        .or_else(|| sworn_in(ctx, i, &name))?;
    Some((end, found))
}

/// "X was appointed Finance Minister", "X, who …, was appointed", "X became Minister of
/// Justice", "X took over the post of Minister of Digitalization".
fn appointed_name(ctx: &Ctx<'_, '_>, text: &str, end: usize, name: &str) -> Option<Found> {
    let mut v = party_after(ctx, end).unwrap_or(end);
    if ctx.lower(v) == "," && !AUXILIARIES.contains(&ctx.lower(v + 1)) {
        // "X, a former minister, was named" or "X, who …, was appointed": past the aside.
        v = (v + 1..ctx.tokens.len().min(v + 30))
            .find(|&k| matches!(ctx.tokens[k].text, "," | "." | ";"))
            .filter(|&k| ctx.tokens[k].text == ",")?
            + 1;
    } else if ctx.lower(v) == "," {
        // "…, Shinjiro Koizumi, was appointed": the name closed an aside.
        v += 1;
    }
    let mut k = v;
    while AUXILIARIES.contains(&ctx.lower(k)) {
        k += 1;
    }
    // "Nicola Willis will be Minister of Finance": the post right after "will be".
    if k > v + 1 && ctx.lower(k - 1) == "be" && ctx.lower(k - 2) == "will" {
        let role = role_after(ctx, text, k).filter(|_| ctx.tokens[k].is_capitalised())?;
        return Some(found(name.to_string(), Some(role), "appointed-name"));
    }
    let passive = k > v && APPOINTED.contains(&ctx.lower(k));
    let to_post =
        k > v && APPOINTED_TO_POST.contains(&ctx.lower(k)) || TOOK_POST.contains(&ctx.lower(k));
    if !passive && !to_post {
        return None;
    }
    let role = role_after(ctx, text, k + 1);
    // "became" or "was chosen" says nothing of a person without a post after it ("Ivanhoe
    // Mines became the owner" has none of the role nouns).
    if !passive && role.is_none() {
        return None;
    }
    Some(found(name.to_string(), role, "appointed-name"))
}

/// The token after "of the Pheu Thai party" when it follows a name.
fn party_after(ctx: &Ctx<'_, '_>, end: usize) -> Option<usize> {
    if ctx.lower(end) != "of" || ctx.lower(end + 1) != "the" {
        return None;
    }
    (end + 2..ctx.tokens.len().min(end + 7))
        .take_while(|&k| ctx.tokens[k].word)
        .find(|&k| ctx.lower(k) == "party")
        .map(|k| k + 1)
}

/// "Lee appointed Wi Sung-lac as national security advisor, and Kang Hoon-sik, a lawmaker,
/// as his chief of staff"; "the post was given to X"; "succeeding X".
fn appointee(ctx: &Ctx<'_, '_>, text: &str, i: usize, end: usize, name: &str) -> Option<Found> {
    let before = |w: &[&str]| i > 0 && w.contains(&ctx.lower(i - 1));
    // "his predecessor, Rodrigo Duterte", "his predecessor Joko Widodo".
    let holder = |k: usize| matches!(ctx.lower(k), "predecessor" | "successor");
    let predecessor = before(&[","]) && holder(i.wrapping_sub(2)) || i > 0 && holder(i - 1);
    // "taking over from David Lammy", "was replaced by Ferry Juliantono".
    let handover = before(&["from"]) && ctx.lower(i.wrapping_sub(2)) == "over"
        || before(&["by"]) && matches!(ctx.lower(i.wrapping_sub(2)), "replaced" | "succeeded");
    if before(HOLDER_BEFORE) || predecessor || handover {
        return Some(make_untitled(name.to_string(), None, "post-holder"));
    }
    let given = before(&["to"])
        && matches!(
            ctx.lower(i.wrapping_sub(2)),
            "given" | "handed" | "go" | "goes" | "went"
        )
        || before(&["given", "handed", "entrusted"]);
    if given && post_before(ctx, i) {
        return Some(make_untitled(name.to_string(), None, "post-given-to"));
    }
    // "under Mauricio Macri's presidency": a name that held an office.
    if ctx.tokens[end - 1].possessive && TERM_NOUNS.contains(&ctx.lower(end)) {
        return Some(make_untitled(name.to_string(), None, "term-in-office"));
    }
    // "Ramaphosa named X to replace Y": the appointee.
    if ctx.lower(end) == "to"
        && HOLDER_BEFORE.contains(&ctx.lower(end + 1))
        && appoints_before(ctx, i)
    {
        return Some(make_untitled(
            name.to_string(),
            None,
            "appointed-to-replace",
        ));
    }
    // "X as ROLE" (past a comma-set aside) in a sentence whose verb appoints, or a line of a
    // list of appointments that opens with the name ("Jumoke Oduwole as the Minister of …").
    let opens = i == 0 || matches!(ctx.tokens[i - 1].text, "." | ";" | ":" | "•" | "-" | "–");
    // "She inducted A, B, and C as ministers": past the names listed after this one, or
    // past an aside ("X, a lawmaker, as …").
    let mut k = list_end(ctx, text, end);
    if k == end && ctx.lower(k) == "," {
        k = (k + 1..ctx.tokens.len().min(k + 12)).find(|&j| ctx.tokens[j].text == ",")? + 1;
    }
    // "… as his prime minister", "… to be interior minister".
    if ctx.lower(k) == "to" && ctx.lower(k + 1) == "be" {
        k += 1;
    } else if ctx.lower(k) != "as" {
        return None;
    }
    if opens && !appoints_before(ctx, i) {
        let role = role_after(ctx, text, k + 1)?;
        return Some(found(name.to_string(), Some(role), "listed-with-post"));
    }
    if !appoints_before(ctx, i) {
        return None;
    }
    // The post is whatever follows "as" ("his chief of staff"), with its head noun if it has one.
    let role = role_after(ctx, text, k + 1)
        .or_else(|| plural_post(ctx, k + 1))
        .or_else(|| {
            let words = (k + 1..ctx.tokens.len().min(k + 7))
                .take_while(|&j| ctx.tokens[j].word)
                .last()?;
            Some((
                normalise_role(&text[ctx.tokens[k + 1].start..ctx.tokens[words].end]),
                None,
            ))
        })?;
    Some(found(name.to_string(), Some(role), "appointed-as"))
}

/// "Jeri swore in Ernesto Alvarez": the oath makes the name a person's, post or not.
fn sworn_in(ctx: &Ctx<'_, '_>, i: usize, name: &str) -> Option<Found> {
    let sworn = i >= 2
        && ctx.lower(i - 1) == "in"
        && matches!(ctx.lower(i - 2), "swore" | "swears" | "sworn");
    sworn.then(|| make_untitled(name.to_string(), None, "sworn-in"))
}

/// The token after the names listed after the one ending at `end` ("…, B, and C"), or `end`.
fn list_end(ctx: &Ctx<'_, '_>, text: &str, end: usize) -> usize {
    let mut at = end;
    loop {
        let mut k = at;
        if ctx.lower(k) == "," {
            k += 1;
        }
        if ctx.lower(k) == "and" {
            k += 1;
        }
        match ctx.name_at(text, k) {
            Some((next, _)) if k > at => at = next,
            _ => return at,
        }
    }
}

/// "as ministers": the post of each person a list names.
fn plural_post(ctx: &Ctx<'_, '_>, k: usize) -> Option<(String, Option<CountryCode>)> {
    let single = ctx.lower(k).strip_suffix('s')?;
    ROLE_NOUNS
        .contains(single)
        .then(|| (normalise_role(single), None))
}

/// Whether an active verb of appointment comes earlier in the sentence.
fn appoints_before(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    (i.saturating_sub(40)..i)
        .rev()
        .take_while(|&k| !matches!(ctx.tokens[k].text, "." | ";" | "!" | "?"))
        .any(|k| APPOINTS.contains(&ctx.lower(k)))
}

/// Whether a noun for a post comes a few words before token `i`, in the same sentence.
fn post_before(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    (i.saturating_sub(12)..i)
        .rev()
        .take_while(|&k| !matches!(ctx.tokens[k].text, "." | ";"))
        .any(|k| POST_NOUNS.contains(&ctx.lower(k)))
}

/// "figures in the government — including Dominic LeBlanc, Mélanie Joly and …": a name in a
/// list that opens with "including" or "such as" right after a noun for people.
fn listed_name(ctx: &Ctx<'_, '_>, text: &str, i: usize, end: usize, name: &str) -> Option<Found> {
    let next = ctx.tokens.get(end).map_or(".", |t| t.text);
    if !matches!(next, "," | "." | ";" | "and" | "—" | "–" | ")") {
        return None;
    }
    // Back over the items before this one to the word that opens the list.
    let mut k = i;
    loop {
        let prev = k.checked_sub(1)?;
        match ctx.lower(prev) {
            "including" | "namely" => break,
            "as" if ctx.lower(prev.wrapping_sub(1)) == "such" => break,
            "," | "and" => {
                // ", and": both words part the items.
                let gap = if ctx.lower(prev) == "and" && ctx.lower(prev.wrapping_sub(1)) == "," {
                    prev - 1
                } else {
                    prev
                };
                let item_start = (gap.saturating_sub(6)..gap).find(|&s| {
                    ctx.name_at(text, s).is_some_and(|(e, _)| e == gap)
                        && (s == 0 || !ctx.is_name_word(s - 1))
                })?;
                k = item_start;
            }
            _ => return None,
        }
    }
    let opener = k - 1;
    let people = (opener.saturating_sub(12)..opener)
        .rev()
        .take_while(|&j| !matches!(ctx.tokens[j].text, "." | ";"))
        .any(|j| PEOPLE_NOUNS.contains(&ctx.lower(j)));
    people.then(|| make_untitled(name.to_string(), None, "listed-after-people-noun"))
}

/// The post named after a verb of appointment: "Finance Minister", "the new defense
/// minister", "Canada's new foreign affairs minister", "Minister of Education, Culture,
/// Sports, Science and Technology", "his chief of staff". The role runs from its first word
/// to its head noun and over an "of"/"for" portfolio; its country comes with it when named.
fn role_after(
    ctx: &Ctx<'_, '_>,
    text: &str,
    mut k: usize,
) -> Option<(String, Option<CountryCode>)> {
    let tokens = ctx.tokens;
    if ctx.lower(k) == "in" {
        k += 1; // "sworn in as"
    }
    let mut country = None;
    let skip = |w: &str| {
        matches!(
            w,
            "as" | "the"
                | "charge"
                | "a"
                | "an"
                | "new"
                | "his"
                | "her"
                | "its"
                | "their"
                | "over"
                | "post"
                | "of"
                | "to"
                | "acting"
                | "interim"
        )
    };
    while k < tokens.len() && (skip(ctx.lower(k)) || ctx.country[k].is_some()) {
        country = country.or(ctx.country[k]);
        k += 1;
    }
    let start = k;
    let head = (start..tokens.len().min(start + 5))
        .take_while(|&j| tokens[j].word && !tokens[j].possessive)
        .find(|&j| ctx.is_role_noun(j))?;
    let end = portfolio_end(tokens, head + 1);
    let role = normalise_role(&text[tokens[start].start..tokens[end - 1].end]);
    Some((role, country))
}

/// The end of "of Education, Culture, Sports, Science and Technology" after a head noun.
fn portfolio_end(tokens: &[Token<'_>], mut j: usize) -> usize {
    let end_before = j;
    if !tokens
        .get(j)
        .is_some_and(|t| matches!(t.text, "of" | "for"))
    {
        return end_before;
    }
    j += 1;
    let mut end = end_before;
    while let Some(t) = tokens.get(j) {
        if t.word && t.is_capitalised() {
            end = j + 1;
        } else if !matches!(t.text, "," | "and" | "&" | "the") || next_subject(tokens, j + 1) {
            break;
        }
        j += 1;
    }
    end
}

/// Whether the capitalised words from `j` are the subject of a new clause ("… and Shane Jones
/// will be Minister for …"), not more of a portfolio.
fn next_subject(tokens: &[Token<'_>], mut j: usize) -> bool {
    let start = j;
    while tokens.get(j).is_some_and(|t| t.word && t.is_capitalised()) {
        j += 1;
    }
    j > start
        && tokens
            .get(j)
            .is_some_and(|t| AUXILIARIES.contains(&t.lower()) || TOOK_POST.contains(&t.lower()))
}

fn found(name: String, role: Option<(String, Option<CountryCode>)>, rule: &'static str) -> Found {
    match role {
        Some((role, country)) => make_found(name, role, country, None, rule),
        None => make_untitled(name, None, rule),
    }
}

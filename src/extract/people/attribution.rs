//! People named without a title noun before the name: by an honorific ("Madam Shirley Ayorkor
//! Botchwey", "HH Sheikh Mohammed bin Zayed"), in a quote attribution ("… ,\" Louis Watum
//! Kabamba said", "said Amir Hayek"), as the agent of a signing or a delegation ("led by Oliver
//! Griffiths"), after their country ("Chile's Michelle Bachelet met …"), with their title after
//! a comma ("Stefanos Stefanou, a Cypriot government spokesman, said") or with their country in
//! brackets ("John Mahama (Ghana)").
//!
//! A name here is two or more capitalised words that are not a title, a place or an
//! organisation ("Mehr News Agency said" is not a person).

use super::super::lexicon::{
    COMPANY_NOUNS, NOT_NAME_WORDS, ORGANISATION_WORDS, PORTFOLIO_WORDS, ROLE_MODIFIERS,
};
use super::super::tokens::Token;
use super::title::{Ctx, normalise_role};
use super::{Found, make_found, make_untitled};
use crate::gazetteer::CountryCode;

/// Verbs of speech that follow the speaker's name: "Kabamba said".
#[rustfmt::skip]
const SPEECH_AFTER: &[&str] = &[
    "said", "says", "told", "added", "noted", "stated", "explained", "stressed", "emphasized",
    "emphasised", "wrote", "announced", "confirmed", "insisted", "warned", "argued", "declared",
    "remarked", "tweeted", "commented", "underlined", "highlighted", "acknowledged", "recalled",
];

/// Words before a name that make it the speaker or the agent: "said X", "led by X".
#[rustfmt::skip]
const AGENT_BEFORE: &[&[&str]] = &[
    &["said"], &["says"], &["according", "to"], &["led", "by"], &["headed", "by"],
    &["chaired", "by"], &["signed", "by"], &["represented", "by"], &["told", "by"],
    &["by", "host"], &["invitation", "of"],
];

/// People named without a title in one block. `known` are the names the title rules found,
/// so that the same person is not found twice under a shorter name.
pub(super) fn find(ctx: &Ctx<'_, '_>, text: &str, out: &mut Vec<Found>) {
    let tokens = ctx.tokens;
    let ahead = Ahead::new(tokens);
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is_capitalised() && ctx.country[i].is_none() {
            i += 1;
            continue;
        }
        let found = honorific_name(ctx, text, i, false)
            .or_else(|| agent_name(ctx, &ahead, text, i))
            .or_else(|| possessive_name(ctx, text, i))
            .or_else(|| counterpart_from(ctx, text, i))
            .or_else(|| name_of_country(ctx, &ahead, text, i))
            .or_else(|| appositive_name(ctx, text, i))
            .or_else(|| name_with_bracketed_country(ctx, text, i))
            .or_else(|| name_with_bracketed_office(ctx, text, i))
            .or_else(|| name_with_age(ctx, text, i))
            .or_else(|| honorific_name(ctx, text, i, true))
            .or_else(|| super::appointment::find_at(ctx, text, i));
        match found {
            Some((end, f)) => {
                if !out
                    .iter()
                    .any(|o| same_person(&o.person.name, &f.person.name))
                {
                    out.push(f);
                }
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
}

/// Where the next verb of speech and the next "of" are, so that each name candidate looks
/// ahead in constant time.
struct Ahead {
    speech: Vec<usize>,
    of: Vec<usize>,
}

impl Ahead {
    fn new(tokens: &[Token<'_>]) -> Self {
        let n = tokens.len();
        let (mut speech, mut of) = (vec![usize::MAX; n + 1], vec![usize::MAX; n + 1]);
        for (i, t) in tokens.iter().enumerate().rev() {
            speech[i] = if SPEECH_AFTER.contains(&t.lower()) {
                i
            } else {
                speech[i + 1]
            };
            of[i] = if matches!(t.text, "of" | "representing") {
                i
            } else {
                of[i + 1]
            };
        }
        Self { speech, of }
    }

    /// Whether a verb of speech is among the `n` tokens from `i`.
    fn speech_within(&self, i: usize, n: usize) -> bool {
        self.speech[i] < i + n
    }

    /// Whether "of" (or "representing") is among the `n` tokens from `i`.
    fn of_within(&self, i: usize, n: usize) -> bool {
        self.of[i] < i + n
    }
}

fn same_person(a: &str, b: &str) -> bool {
    a == b || a.ends_with(&format!(" {b}")) || b.ends_with(&format!(" {a}"))
}

/// A name (which [`Ctx::name_at`] keeps apart from organisations and places).
fn person_name(ctx: &Ctx<'_, '_>, text: &str, i: usize) -> Option<(usize, String)> {
    ctx.name_at(text, i)
}

/// "of Bangladesh" or "representing Indonesia" right after a name gives the country.
fn of_country(ctx: &Ctx<'_, '_>, end: usize) -> Option<CountryCode> {
    let mut k = end;
    if !matches!(ctx.lower(k), "of" | "representing") {
        return None;
    }
    k += 1;
    if ctx.lower(k) == "the" {
        k += 1;
    }
    ctx.country.get(k).copied().flatten()
}

/// "Madam Shirley Ayorkor Botchwey", "Dr A. K. Abdul Momen of Bangladesh", "His Highness the
/// Amir Sheikh Meshal Al-Ahmad Al-Jaber Al-Sabah".
///
/// With `military`, an abbreviated rank opens the name instead ("Gen. Abdel-Majeed Sakr
/// replaced Gen. Mohamed Zaki"); that shape is tried after the appositive ones, which also
/// give the country ("Senior Gen. Min Aung Hlaing, the head of the military in Myanmar").
fn honorific_name(
    ctx: &Ctx<'_, '_>,
    text: &str,
    i: usize,
    military: bool,
) -> Option<(usize, Found)> {
    const RANKS: &[&str] = &["Gen", "Gen.", "Lt", "Col", "Col.", "Maj", "Brig", "Adm"];
    const OPENERS: &[&str] = &[
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Madam",
        "Mme",
        "Sheikh",
        "Shaikh",
        "Sheikha",
        "HE",
        "H.E.",
        "HH",
        "HM",
        "HRH",
        "His",
        "Her",
        "Sayyid",
        "Dame",
        "Sir",
        "Lic",
        "Eng",
        "Engr",
        "Ing",
        "Prof",
        "Professor",
        "Dato",
        "Datuk",
    ];
    let t = ctx.tokens.get(i)?;
    if !(OPENERS.contains(&t.text) || military && RANKS.contains(&t.text)) {
        return None;
    }
    // "His Excellency", "Her Royal Highness" — but not "his country".
    let mut k = i;
    while ctx.tokens.get(k).is_some_and(|t| {
        matches!(
            t.text,
            "His"
                | "Her"
                | "Excellency"
                | "Highness"
                | "Majesty"
                | "Royal"
                | "the"
                | "Amir"
                | "Emir"
                | "King"
                | "Crown"
                | "Prince"
        )
    }) {
        k += 1;
    }
    // "Dr Rowley saying": a personal honorific before a surname alone.
    let personal = matches!(t.text, "Mr" | "Mrs" | "Ms" | "Dr" | "Madam" | "Mme");
    let mut after = if k == i { i + 1 } else { k };
    if personal && ctx.tokens.get(after).is_some_and(|t| t.text == ".") {
        after += 1;
    }
    let (end, name) = person_name(ctx, text, k)
        .or_else(|| personal.then(|| ctx.surname_at(text, after)).flatten())?;
    // "Senior Gen. Min Aung Hlaing, the head of the military in Myanmar": the title after
    // the name is the better evidence, and the title rules read it.
    if military && ctx.tokens.get(end).is_some_and(|t| t.text == ",") {
        return None;
    }
    let country = of_country(ctx, end);
    Some((end, make_untitled(name, country, "honorific-name")))
}

/// "…," Louis Watum Kabamba said; said Amir Hayek; led by Oliver Griffiths.
fn agent_name(ctx: &Ctx<'_, '_>, ahead: &Ahead, text: &str, i: usize) -> Option<(usize, Found)> {
    let tokens = ctx.tokens;
    // Cheap tests first: a capitalised word, with a verb of speech a few words on or an agent
    // word just before.
    if !tokens[i].is_capitalised() {
        return None;
    }
    let speech_ahead = ahead.speech_within(i, 9);
    let before_agent = AGENT_BEFORE.iter().any(|words| {
        i >= words.len()
            && words
                .iter()
                .zip(&tokens[i - words.len()..i])
                .all(|(w, t)| t.lower() == *w)
    });
    if !speech_ahead && !before_agent {
        return None;
    }
    let (end, name) = person_name(ctx, text, i)?;
    let mut after = end;
    if tokens.get(after).is_some_and(|t| t.text == ",") {
        after += 1;
    }
    let speaks = tokens
        .get(after)
        .is_some_and(|t| SPEECH_AFTER.contains(&t.lower()));
    // A sentence that opens with the name and a verb of speech is fine; a name that follows a
    // capitalised word is part of a longer phrase.
    // "As Daniel Okello noted": a capitalised word that is never part of a name is no phrase.
    let glued = i > 0
        && tokens[i - 1].is_capitalised()
        && !is_quote_end(&tokens[i - 1])
        && !NOT_NAME_WORDS.contains(tokens[i - 1].lower());
    // "said Ivanhoe Mines Executive Chairman Robert Friedland": the words before a title are
    // its organisation; the title rules find the person after it.
    let titled = tokens.get(end).is_some_and(|t| t.is_capitalised())
        && (ctx.is_role_noun(end) || ROLE_MODIFIERS.contains(ctx.lower(end)));
    if !(before_agent || speaks) || glued || titled {
        return None;
    }
    let country = of_country(ctx, end);
    Some((end, make_untitled(name, country, "quote-or-agent")))
}

fn is_quote_end(t: &Token<'_>) -> bool {
    matches!(t.text, "\"" | "”" | "’" | "'")
}

/// "met with Albert Shingiro of Burundi, Kandia Camara of Ivory Coast": a name with its
/// country, as diplomatic copy lists counterparts.
fn name_of_country(
    ctx: &Ctx<'_, '_>,
    ahead: &Ahead,
    text: &str,
    i: usize,
) -> Option<(usize, Found)> {
    if !ctx.tokens[i].is_capitalised() || !ahead.of_within(i, 8) {
        return None;
    }
    // Only at the start of a name: not inside a longer capitalised phrase.
    if i > 0 && ctx.is_name_word(i - 1) {
        return None;
    }
    let (end, name) = person_name(ctx, text, i)?;
    // "International Centre for Chemical and Biological Sciences of Pakistan": a field's
    // words joined by "and" or "for" to capitalised words continue an organisation's name.
    let field = |w: &str| {
        let w = w.to_lowercase();
        let singular = w.strip_suffix('s').unwrap_or(&w);
        [w.as_str(), singular]
            .iter()
            .any(|w| PORTFOLIO_WORDS.contains(w) || ORGANISATION_WORDS.contains(w))
    };
    if i >= 2
        && matches!(ctx.lower(i - 1), "and" | "&" | "for")
        && ctx.tokens[i - 2].is_capitalised()
        && name.split_whitespace().any(field)
    {
        return None;
    }
    let country = of_country(ctx, end)?;
    Some((end, make_untitled(name, Some(country), "name-of-country")))
}

/// "his counterparts from Brazil, Lula da Silva, and Paraguay, Mario Abdo Benítez": a name
/// after "Country," in a list of counterparts or colleagues takes that country, and so does
/// one after a nationality in that list ("… and Guatemalan Carlos Ramiro Martínez").
fn counterpart_from(ctx: &Ctx<'_, '_>, text: &str, i: usize) -> Option<(usize, Found)> {
    if i < 3 {
        return None;
    }
    let (code, last) = if ctx.tokens[i - 1].text == "," {
        (ctx.country[i - 2]?, i - 2)
    } else {
        let code = ctx.country[i - 1]?;
        let before = ctx.lower(i - 2);
        if !(before == "and" || before == ",") || ctx.country[i - 2].is_some() {
            return None;
        }
        (code, i - 1)
    };
    // The country's own first token, then the words before it.
    let mut k = last;
    while k > 0 && ctx.country[k - 1] == Some(code) {
        k -= 1;
    }
    let listed = (k.saturating_sub(16)..k).any(|j| {
        let w = ctx.lower(j);
        w.starts_with("counterpart") || w.starts_with("colleague")
    });
    if !listed {
        return None;
    }
    let (end, name) = person_name(ctx, text, i)?;
    Some((
        end,
        make_untitled(name, Some(code), "counterpart-from-country"),
    ))
}

/// "Chile's Michelle Bachelet met her Argentine counterpart".
fn possessive_name(ctx: &Ctx<'_, '_>, text: &str, i: usize) -> Option<(usize, Found)> {
    let t = ctx.tokens.get(i)?;
    let code = ctx.country[i]?;
    if !t.possessive {
        return None;
    }
    let (end, name) = person_name(ctx, text, i + 1)?;
    // A person acts or is described next: "Chile's Michelle Bachelet met", not "Kenya's
    // Safaricom Group".
    let next = ctx.tokens.get(end)?;
    const NOT_VERBS: &[&str] = &[
        "in", "on", "at", "for", "of", "to", "from", "with", "by", "and", "or", "the", "a", "an",
    ];
    // "(Spain's Teresa Ribera and Finland's Henna Virkunen)": an item of a list of them.
    let listed = i > 0 && matches!(ctx.tokens[i - 1].text, "(" | "," | "and")
        || matches!(ctx.lower(end + 1), "and")
            && ctx.tokens.get(end + 2).is_some_and(|t| t.possessive);
    let acts = next.text == ","
        || listed && matches!(next.text, "and" | ")" | ".")
        || next.word
            && !next.is_capitalised()
            && !NOT_VERBS.contains(&next.text)
            // "Kazakhstan's Kazinform INA news agency".
            && !ORGANISATION_WORDS.contains(next.lower())
            && !COMPANY_NOUNS.contains(next.lower())
            && !next.text.chars().all(|c| c.is_ascii_digit());
    acts.then(|| (end, make_untitled(name, Some(code), "country-then-name")))
}

/// Lowercase words that may stand before the head of a title set off by a comma: "joint
/// secretary", "a government spokesman", "country director".
const APPOSITIVE_LEAD: &[&str] = &[
    "government",
    "joint",
    "country",
    "former",
    "party",
    "opposition",
    "regional",
    "army",
    "military",
    "defence",
    "defense",
    "presidential",
    "official",
];

/// Whether a name at token `i` opens a clause or an item of a list: "Govind Mohan, joint
/// secretary …" at the start of a sentence, "… met with Sher Bahadur Deuba, PM of Nepal".
fn opens_clause(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &ctx.tokens[p]) else {
        return true;
    };
    matches!(
        prev.text,
        "." | "!" | "?" | ";" | ":" | "(" | "“" | "\"" | ","
    ) || matches!(prev.lower(), "and" | "with" | "by" | "between" | "from")
}

/// "Stefanos Stefanou, a Cypriot government spokesman, said"; "Govind Mohan, joint secretary
/// (infrastructure and investment) in the finance ministry, and …"; "with Sher Bahadur Deuba,
/// PM of Nepal": a name that opens a clause, then its title set off by a comma. The title's
/// head noun comes within its first words, after nothing but a country, title words and a few
/// plain words, so that "X, who said the minister …" is not a title.
fn appositive_name(ctx: &Ctx<'_, '_>, text: &str, i: usize) -> Option<(usize, Found)> {
    let tokens = ctx.tokens;
    if !tokens[i].is_capitalised() || !opens_clause(ctx, i) {
        return None;
    }
    let (end, name) = person_name(ctx, text, i)?;
    if tokens.get(end)?.text != "," {
        return None;
    }
    let mut start = end + 1;
    // "Tahir Mamman, formerly the Minister of Education".
    if matches!(
        ctx.lower(start),
        "formerly" | "previously" | "currently" | "now"
    ) {
        start += 1;
    }
    if matches!(ctx.lower(start), "a" | "an" | "the") {
        start += 1;
    }
    let mut head = None;
    for (j, t) in tokens.iter().enumerate().skip(start).take(5) {
        let lower = ctx.lower(j);
        let head_of = lower == "head" && ctx.lower(j + 1) == "of";
        if ctx.is_role_noun(j) || head_of || t.text == "PM" {
            head = Some(j);
            break;
        }
        let lead = ctx.country[j].is_some()
            || ROLE_MODIFIERS.contains(lower)
            || PORTFOLIO_WORDS.contains(lower)
            || APPOSITIVE_LEAD.contains(&lower);
        if !t.word || !lead {
            return None;
        }
    }
    let head = head?;
    // The title runs to the next comma or bracket, or the end of the sentence.
    let stop = (head..tokens.len())
        .find(|&j| matches!(tokens[j].text, "," | "(" | ")" | ";" | "." | "“" | "\""))
        .unwrap_or(tokens.len());
    let country = (start..stop).find_map(|j| ctx.country[j]);
    // The role without the country that opens it: "Cypriot government spokesman" →
    // "government spokesman" (the country is the person's).
    let mut from = start;
    while from < head && ctx.country[from].is_some() {
        from += 1;
    }
    let last = stop.min(head + 8);
    let role = normalise_role(&text[tokens[from].start..tokens[last - 1].end]);
    Some((
        end,
        make_found(name, role, country, None, "name-then-title"),
    ))
}

/// A name that starts at token `i` (not inside a longer one) and is followed by an opening
/// bracket: the bracket's token and the name.
fn name_before_bracket(ctx: &Ctx<'_, '_>, text: &str, i: usize) -> Option<(usize, String)> {
    if !ctx.tokens[i].is_capitalised() || i > 0 && ctx.is_name_word(i - 1) {
        return None;
    }
    let (end, name) = person_name(ctx, text, i)?;
    (ctx.tokens.get(end)?.text == "(").then_some((end, name))
}

/// "John Mahama (Ghana), Azali Assoumani (Comoros)": a name with its country in brackets.
fn name_with_bracketed_country(ctx: &Ctx<'_, '_>, text: &str, i: usize) -> Option<(usize, Found)> {
    let tokens = ctx.tokens;
    let (end, name) = name_before_bracket(ctx, text, i)?;
    let code = ctx.country.get(end + 1).copied().flatten()?;
    let mut k = end + 1;
    while k < tokens.len() && ctx.country[k] == Some(code) {
        k += 1;
    }
    // "(Djibouti, Eastern Region)": the country first, then what else the bracket says.
    if tokens.get(k)?.text == "," {
        k = (k + 1..tokens.len().min(k + 6)).find(|&j| tokens[j].text == ")")?;
    }
    if tokens.get(k)?.text != ")" {
        return None;
    }
    Some((
        k + 1,
        make_untitled(name, Some(code), "name-bracketed-country"),
    ))
}

/// A name with its office in brackets: "Fadillah Yusof (Works Minister), Wee Ka Siong
/// (Transport Minister)", the bracket ending on a title's head noun; or, in a passage about
/// ministers, only the portfolio, in capitals: "Senior ministers who will not be in Cabinet
/// are Daudi Migereko (Lands), Henry Muganwa Kajura (Public Service)".
fn name_with_bracketed_office(ctx: &Ctx<'_, '_>, text: &str, i: usize) -> Option<(usize, Found)> {
    let tokens = ctx.tokens;
    let (end, name) = name_before_bracket(ctx, text, i)?;
    let close = (end + 2..tokens.len().min(end + 12)).find(|&j| tokens[j].text == ")")?;
    let head = tokens[close - 1].lower();
    if super::super::lexicon::ROLE_NOUNS.contains(head) && tokens[end + 1].is_capitalised() {
        let role = normalise_role(&text[tokens[end + 1].start..tokens[close - 1].end]);
        return Some((
            close + 1,
            make_found(name, role, None, None, "name-bracketed-role"),
        ));
    }
    let portfolio = close <= end + 6
        && tokens[end + 1..close]
            .iter()
            .all(|t| t.is_capitalised() || matches!(t.lower(), "and" | "of" | "&" | ","));
    let about_ministers = (i.saturating_sub(60)..i)
        .any(|k| matches!(ctx.lower(k), "minister" | "ministers" | "cabinet"));
    (portfolio && about_ministers).then(|| {
        (
            close + 1,
            make_untitled(name, None, "name-bracketed-portfolio"),
        )
    })
}

/// "Yoshimasa Hayashi, 63, who served as …": a name with an age set off by commas is a
/// person's.
fn name_with_age(ctx: &Ctx<'_, '_>, text: &str, i: usize) -> Option<(usize, Found)> {
    let tokens = ctx.tokens;
    if i > 0 && ctx.is_name_word(i - 1) {
        return None;
    }
    let (end, name) = person_name(ctx, text, i)?;
    let age = tokens.get(end + 1)?;
    let is_age = age.text.len() == 2 && age.text.bytes().all(|b| b.is_ascii_digit());
    let set_off = tokens.get(end)?.text == "," && tokens.get(end + 2)?.text == ",";
    (is_age && set_off).then(|| (end + 2, make_untitled(name, None, "name-with-age")))
}

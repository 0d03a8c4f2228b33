//! People: named officials with their role and country, from the patterns news copy uses.
//!
//! - `[Country] Role Name`: "Niger’s Mines Minister Abarchi Ousmane", "Turkish Energy
//!   Minister Alparslan Bayraktar", "U.S. Ambassador Laura Whitfield";
//! - `[Country] role, Name`: "Liberia's deputy energy minister, Joseph Tarpeh";
//! - `Name, [the] [Country] Role`: "Wang Guanghua, China’s Minister of Natural Resources";
//! - `Role Name of Country`: "President Batbayar Ganbold of Mongolia";
//! - a counterpart: "her Turkish counterpart, Trade Minister Ömer Faruk Yıldız".
//!
//! Later mentions by any one word of the name ("Bayraktar", "Mr. Reyes") resolve to the
//! person when that word belongs to one person only.

use std::collections::HashMap;

use super::Person;
use super::lexicon::{
    HONORIFICS, NAME_PARTICLES, NOT_NAME_WORDS, PORTFOLIO_WORDS, ROLE_MODIFIERS, ROLE_NOUNS,
};
use super::tokens::Token;
use crate::gazetteer::{CountryCode, Mention};

/// A person found in a text, with where and by which rule.
#[derive(Debug, Clone)]
pub struct Found {
    /// The person.
    pub person: Person,
    /// Which pattern found them.
    pub rule: &'static str,
}

/// Organisations whose officials represent no country.
const ORG_WORDS: &[&str] = &[
    "EU", "AU", "ASEAN", "UN", "NATO", "OPEC", "ECOWAS", "SADC", "IMF",
];

/// The organisation an official's title or anchor names ("European Commissioner" → EU).
fn organisation_of(role: &str, anchor: Option<&str>) -> Option<String> {
    let text = format!("{} {}", anchor.unwrap_or(""), role);
    [
        ("European", "EU"),
        ("EU", "EU"),
        ("AU", "AU"),
        ("African Union", "AU"),
        ("ASEAN", "ASEAN"),
        ("UN", "UN"),
    ]
    .iter()
    .find(|(w, _)| {
        text.split_whitespace().any(|t| t == *w) || (w.contains(' ') && text.contains(w))
    })
    .map(|(_, o)| o.to_string())
}

/// Titles of government office (not of companies or think tanks), whose holders represent
/// a country.
pub fn is_government_role(role: &str) -> bool {
    let r = role.to_lowercase();
    [
        "minister",
        "president",
        "premier",
        "secretary",
        "ambassador",
        "envoy",
        "chancellor",
        "governor",
        "king",
        "queen",
        "emir",
        "sultan",
        "commissioner",
    ]
    .iter()
    .any(|w| r.contains(w))
        && ![
            "chief executive",
            "ceo",
            "fellow",
            "chairman",
            "director",
            "company",
            "secretary-general",
        ]
        .iter()
        .any(|w| r.contains(w))
}

/// Whether a word is one of [`ROLE_NOUNS`], in any case. Every token of every paragraph with a
/// title in it is asked, so the list is bucketed by first letter.
fn is_role_word(word: &str) -> bool {
    static BUCKETS: std::sync::OnceLock<[Vec<&'static str>; 26]> = std::sync::OnceLock::new();
    let buckets = BUCKETS.get_or_init(|| {
        let mut b: [Vec<&'static str>; 26] = Default::default();
        for r in ROLE_NOUNS {
            b[usize::from(r.as_bytes()[0] - b'a')].push(r);
        }
        b
    });
    let Some(first) = word.as_bytes().first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    first.is_ascii_lowercase()
        && buckets[usize::from(first - b'a')]
            .iter()
            .any(|r| r.len() == word.len() && r.eq_ignore_ascii_case(word))
}

/// What the rules know about one token.
struct Ctx<'t, 'a> {
    tokens: &'t [Token<'a>],
    /// The country mention covering each token, if any.
    country: Vec<Option<CountryCode>>,
}

impl Ctx<'_, '_> {
    fn lower(&self, i: usize) -> String {
        self.tokens.get(i).map(|t| t.lower()).unwrap_or_default()
    }

    fn is_role_noun(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        // "X, who heads Tanzania's Ministry of Trade".
        if t.text == "Ministry" {
            return (i.saturating_sub(4)..i)
                .any(|k| matches!(self.lower(k).as_str(), "heads" | "leads" | "runs"));
        }
        // Length first: almost every word fails it, without touching the list.
        if !t.word || !is_role_word(t.text) {
            return false;
        }
        let w = self.lower(i);
        if t.possessive && w != "minister" {
            return false;
        }
        match w.as_str() {
            "executive" => self.lower(i.wrapping_sub(1)) == "chief",
            "head" => false,
            // "President" as a word of a title is fine; "Prince" needs a capital.
            "prince" | "king" | "queen" | "emir" | "sultan" => self.tokens[i].is_capitalised(),
            _ => true,
        }
    }

    fn is_name_word(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        let lower = t.lower();
        t.word
            && self.country[i].is_none()
            && (t.is_capitalised()
                || lower.starts_with("al-")
                || lower.starts_with("el-")
                || (lower.starts_with("d'") || lower.starts_with("d’"))
                    && t.text.chars().nth(2).is_some_and(char::is_uppercase))
            && t.text.chars().any(char::is_lowercase)
            && !NOT_NAME_WORDS.contains(&lower.as_str())
            && !ROLE_NOUNS.contains(&lower.as_str())
            && !ROLE_MODIFIERS.contains(&lower.as_str())
            && !t.text.chars().any(|c| c.is_ascii_digit())
    }

    /// A name of two to four words starting at token `i`: (end token, name text).
    fn name_at(&self, text: &str, mut i: usize) -> Option<(usize, String)> {
        while self.tokens.get(i).is_some_and(|t| {
            // Honorifics and ranks, also in a row: "Dr the Hon.", "Lt. Gen.".
            HONORIFICS.contains(&t.text)
                || t.text == "the"
                    && self
                        .tokens
                        .get(i + 1)
                        .is_some_and(|n| HONORIFICS.contains(&n.text))
        }) {
            i += 1;
            if self.tokens.get(i).is_some_and(|t| t.text == ".") {
                i += 1;
            }
        }
        let start = i;
        let mut words = 0;
        let mut end = i;
        let mut j = i;
        while j < self.tokens.len() && words < 5 {
            if self.is_name_word(j) {
                words += 1;
                end = j + 1;
                if self.tokens[j].possessive {
                    break;
                }
                j += 1;
            } else if words > 0
                && NAME_PARTICLES.contains(&self.tokens[j].text)
                && self.is_name_word(j + 1)
            {
                j += 1;
            } else {
                break;
            }
        }
        let all_portfolio = (start..end).all(|k| PORTFOLIO_WORDS.contains(&self.lower(k).as_str()));
        if words < 2 || all_portfolio {
            return None;
        }
        let (a, b) = (self.tokens[start].start, self.tokens[end - 1].end);
        Some((end, text[a..b].to_string()))
    }

    /// Extends a title left from its head noun over capitalised words, "and", and lowercase
    /// title words; stops at a country or organisation, which it returns as the anchor.
    fn extend_left(&self, r: usize) -> (usize, Anchor) {
        let head_lower = !self.tokens[r].is_capitalised();
        let mut k = r;
        while k > 0 {
            let i = k - 1;
            let t = &self.tokens[i];
            if let Some(code) = self.country[i] {
                return (k, Anchor::Country(code, i));
            }
            if ORG_WORDS.contains(&t.text) {
                return (k, Anchor::Org(i));
            }
            // "its power secretary", "the country's trade minister": the country named before.
            if matches!(t.lower().as_str(), "its" | "their")
                || t.possessive
                    && matches!(
                        t.lower().as_str(),
                        "country" | "nation" | "kingdom" | "republic"
                    )
            {
                return (k, Anchor::Its(i));
            }
            if t.possessive || !t.word {
                return (k, Anchor::None);
            }
            let lower = t.lower();
            let title_word = ROLE_MODIFIERS.contains(&lower.as_str())
                || PORTFOLIO_WORDS.contains(&lower.as_str());
            // Only title words join a title: "Energy and Natural Resources Minister", never the
            // name before it ("… Tulegenov and Minister of …", "Hoosier chief executive").
            let ok = if lower == "and" || t.text == "&" {
                i > 0 && title_word_at(self, i - 1)
            } else if t.is_capitalised() {
                !head_lower && title_word
            } else {
                head_lower && title_word
            };
            if !ok {
                return (k, Anchor::None);
            }
            k = i;
        }
        (k, Anchor::Start)
    }

    /// Whether token `j` joins two parts of a title: a comma, "and" or "&" before another
    /// portfolio word ("Commerce, Trade and Industry"), or "of"/"for" before a capital
    /// ("Minister of State for Trade").
    fn joins_title(&self, j: usize) -> bool {
        let t = &self.tokens[j];
        let Some(n) = self.tokens.get(j + 1) else {
            return false;
        };
        let lower = t.lower();
        if t.text == "," || t.text == "&" || lower == "and" {
            // "Climate, Energy and the Environment".
            let k = if n.text == "the" { j + 2 } else { j + 1 };
            self.tokens.get(k).is_some_and(|n| {
                n.is_capitalised()
                    && self.country[k].is_none()
                    && PORTFOLIO_WORDS.contains(&n.lower().as_str())
            })
        } else {
            (lower == "for" || lower == "of") && n.is_capitalised() && self.country[j + 1].is_none()
        }
    }

    /// Extends a title right over "of/for [the] Portfolio, Portfolio and Portfolio"; returns
    /// the end of the title proper, the end of what was consumed (a destination such as
    /// "to Manila" is consumed but not part of the title), and a country named as
    /// "of [the Republic of] Kazakhstan".
    fn extend_right(&self, r: usize) -> (usize, usize, Option<CountryCode>) {
        let mut m = r + 1;
        let mut title_end = m;
        let mut country = None;
        loop {
            let w = self.lower(m);
            let after_the = if self.lower(m + 1) == "the" {
                m + 2
            } else {
                m + 1
            };
            if (w == "of" || w == "for") && self.country.get(after_the).copied().flatten().is_some()
            {
                // "Minister of Foreign Affairs of the Republic of Kazakhstan".
                let code = self.country[after_the];
                let mut j = after_the;
                while j < self.tokens.len() && self.country[j] == code {
                    j += 1;
                }
                country = code;
                m = j;
                continue;
            }
            // A lowercase title takes lowercase portfolios: "deputy minister of economy".
            let head_lower = !self.tokens[r].is_capitalised();
            let portfolio = |t: &Token<'_>| {
                t.is_capitalised() || head_lower && PORTFOLIO_WORDS.contains(&t.lower().as_str())
            };
            if (w == "of" || w == "for")
                && self
                    .tokens
                    .get(m + 1)
                    .is_some_and(|t| portfolio(t) || t.text == "the")
            {
                let mut j = m + 1;
                if self.lower(j) == "the" {
                    j += 1;
                }
                let mut took = false;
                while j < self.tokens.len() {
                    let t = &self.tokens[j];
                    if self.country[j].is_some() {
                        break;
                    }
                    if t.word && portfolio(t) {
                        took = true;
                        j += 1;
                        if t.possessive {
                            break;
                        }
                    } else if took && self.joins_title(j) {
                        j += if self.lower(j + 1) == "the" { 2 } else { 1 };
                    } else {
                        break;
                    }
                }
                if !took {
                    break;
                }
                m = j;
                title_end = m;
            } else if w == "to"
                && self
                    .tokens
                    .get(after_the)
                    .is_some_and(|t| t.is_capitalised())
            {
                // "Ambassador to Viet Nam", "ambassador to Manila": a destination, not a title.
                let mut j = after_the;
                let code = self.country[j];
                if code.is_some() {
                    while j < self.tokens.len() && self.country[j] == code {
                        j += 1;
                    }
                } else {
                    j += 1;
                }
                return (title_end, j, country);
            } else {
                return (title_end, m, country);
            }
        }
        (title_end, m, country)
    }
}

fn title_word_at(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    let l = ctx.lower(i);
    ROLE_MODIFIERS.contains(&l.as_str()) || PORTFOLIO_WORDS.contains(&l.as_str())
}

enum Anchor {
    Country(CountryCode, usize),
    /// An organisation's acronym at token `i`.
    Org(usize),
    /// "its power secretary": the country named last before token `i`.
    Its(usize),
    /// Stopped at a word that is not part of a title.
    None,
    Start,
}

/// Title case for a role as written ("deputy energy minister" → "Deputy Energy Minister").
fn normalise_role(text: &str) -> String {
    text.replace("Ministry", "Minister")
        .split_whitespace()
        .map(|w| {
            if matches!(w, "of" | "for" | "and" | "the") {
                w.to_string()
            } else {
                let mut c = w.chars();
                c.next()
                    .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(',')
        .to_string()
}

/// Finds the people introduced in one block's text. `countries` are the block's mentions.
pub fn find(text: &str, tokens: &[Token<'_>], countries: &[Mention]) -> Vec<Found> {
    // Both lists are in text order: walk them together (a 20 MB paragraph has millions of
    // tokens and mentions).
    let mut next = 0;
    let country = tokens
        .iter()
        .map(|t| {
            while next < countries.len() && countries[next].end <= t.start {
                next += 1;
            }
            countries
                .get(next)
                .filter(|m| t.start >= m.start && t.end <= m.end)
                .map(|m| m.code)
        })
        .collect();
    let ctx = Ctx { tokens, country };
    let mut out: Vec<Found> = Vec::new();
    for r in 0..tokens.len() {
        if tokens[r].is_capitalised()
            && matches!(tokens[r].text, "Presidents" | "Ministers" | "Premiers")
        {
            out.extend(plural_title(&ctx, text, r));
            continue;
        }
        if !ctx.is_role_noun(r) {
            continue;
        }
        // The head noun of a longer title: "Prime Minister", "Minister-President".
        if r + 1 < tokens.len()
            && ctx.is_role_noun(r + 1)
            && tokens[r + 1].is_capitalised() == tokens[r].is_capitalised()
        {
            continue;
        }
        if let Some(mut f) = person_at(&ctx, text, r) {
            // "his Beninese counterpart, X": the same office as the official just named.
            if ctx.lower(r) == "counterpart" {
                f.person.role = out.last().and_then(|p| p.person.role.clone());
            }
            out.push(f);
        }
    }
    out
}

/// "Presidents Horacio Villalba of Paraguay and Evaristo Mamani Condori of Bolivia".
fn plural_title(ctx: &Ctx<'_, '_>, text: &str, r: usize) -> Vec<Found> {
    let role = ctx.tokens[r].text.trim_end_matches('s').to_string();
    let mut out = Vec::new();
    let mut j = r + 1;
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
    out
}

fn person_at(ctx: &Ctx<'_, '_>, text: &str, r: usize) -> Option<Found> {
    let tokens = ctx.tokens;
    let (role_start, anchor) = ctx.extend_left(r);
    let (title_end, consumed, of_country) = ctx.extend_right(r);
    let role_text =
        |end: usize| normalise_role(&text[tokens[role_start].start..tokens[end - 1].end]);
    let mut country = match anchor {
        Anchor::Country(code, _) => Some(code),
        Anchor::Its(i) => ctx.country[..i].iter().rev().find_map(|c| *c),
        _ => None,
    };
    if country.is_none() {
        country = of_country;
    }
    // Role, then name: "Mines Minister Abarchi Ousmane", "minister, Joseph Tarpeh".
    let mut after = consumed;
    if tokens.get(after).is_some_and(|t| t.text == ",") {
        after += 1;
    }
    let (name, end, role, rule) = if let Some((end, name)) = ctx.name_at(text, after) {
        (name, end, role_text(title_end), "role-then-name")
    } else if let Some((cut, name_end, name)) = backoff_name(ctx, text, r, title_end) {
        (name, name_end, role_text(cut), "role-then-name")
    } else {
        // Name, then role: "Wang Guanghua, China’s Minister of Natural Resources".
        let mut k = match anchor {
            Anchor::Country(_, i) => first_token_of_mention(ctx, i),
            Anchor::None | Anchor::Start | Anchor::Org(_) | Anchor::Its(_) => role_start,
        };
        if matches!(anchor, Anchor::Org(_)) {
            k = k.saturating_sub(1);
        }
        // "an energy analyst", "a water governance researcher": the article marks where the
        // description starts.
        let mut j = k;
        while j > 0
            && k - j < 3
            && tokens[j - 1].word
            && !tokens[j - 1].is_capitalised()
            && !matches!(
                ctx.lower(j - 1).as_str(),
                "a" | "an" | "the" | "who" | "heads" | "leads" | "runs"
            )
        {
            j -= 1;
        }
        if j > 0 && matches!(ctx.lower(j - 1).as_str(), "a" | "an" | "the") {
            k = j - 1;
        }
        // "X, who heads Tanzania's Ministry of …".
        if k >= 2
            && matches!(ctx.lower(k - 1).as_str(), "heads" | "leads" | "runs")
            && ctx.lower(k - 2) == "who"
        {
            k -= 2;
        }
        // "Helena Marsh is a senior fellow at …".
        if k >= 2
            && matches!(ctx.lower(k).as_str(), "a" | "an" | "the")
            && matches!(ctx.lower(k - 1).as_str(), "is" | "was")
        {
            let verb = k - 1;
            if let Some(start) = (verb.saturating_sub(8)..verb)
                .find(|&s| ctx.name_at(text, s).is_some_and(|(e, _)| e == verb))
            {
                let (_, name) = ctx.name_at(text, start)?;
                let role = role_text(title_end);
                return Some(make_found(name, role, country, None, "name-is-role"));
            }
        }
        if k == 0 || tokens[k - 1].text != "," {
            return None;
        }
        let comma = k - 1;
        let start = (comma.saturating_sub(8)..comma)
            .find(|&s| ctx.name_at(text, s).is_some_and(|(e, _)| e == comma))?;
        let (_, name) = ctx.name_at(text, start)?;
        (name, comma, role_text(title_end), "name-then-role")
    };
    // "President Batbayar Ganbold of Mongolia".
    if country.is_none() && ctx.lower(end) == "of" {
        country = ctx.country.get(end + 1).copied().flatten();
    }
    // "her Turkish counterpart, Trade Minister Ömer Faruk Yıldız".
    if country.is_none() && role_start >= 2 {
        let mut k = role_start - 1;
        if tokens[k].text == "," {
            k = k.saturating_sub(1);
        }
        if ctx.lower(k).starts_with("counterpart") && k > 0 {
            country = ctx.country[k - 1];
        }
    }
    let org_word = match anchor {
        Anchor::Org(i) => Some(tokens[i].text),
        _ => None,
    };
    Some(make_found(name, role, country, org_word, rule))
}

fn make_found(
    name: String,
    role: String,
    country: Option<CountryCode>,
    org_word: Option<&str>,
    rule: &'static str,
) -> Found {
    let name = strip_honorific(&name);
    let organisation = if country.is_none() {
        organisation_of(&role, org_word)
    } else {
        None
    };
    Found {
        person: Person {
            name,
            role: Some(role),
            country,
            organisation,
        },
        rule,
    }
}

/// "Minister of Energy Transition Nadia Benkirane": the title swallowed the name; give back
/// the trailing words that are not portfolio words.
fn backoff_name(
    ctx: &Ctx<'_, '_>,
    text: &str,
    r: usize,
    title_end: usize,
) -> Option<(usize, usize, String)> {
    if title_end <= r + 2 {
        return None;
    }
    let mut cut = title_end;
    while cut > r + 2
        && !PORTFOLIO_WORDS.contains(&ctx.lower(cut - 1).as_str())
        && ctx.tokens[cut - 1].word
    {
        cut -= 1;
    }
    if title_end - cut < 2 {
        return None;
    }
    // The name may run past the title's end ("Sheikh Mohammed bin Khalid Al Thani").
    let (end, name) = ctx.name_at(text, cut)?;
    (end >= title_end).then_some((cut, end, name))
}

fn first_token_of_mention(ctx: &Ctx<'_, '_>, i: usize) -> usize {
    let code = ctx.country[i];
    let mut k = i;
    while k > 0 && ctx.country[k - 1] == code && code.is_some() {
        k -= 1;
    }
    k
}

fn strip_honorific(name: &str) -> String {
    let mut n = name;
    for h in HONORIFICS {
        if let Some(rest) = n.strip_prefix(h).and_then(|r| r.strip_prefix(' ')) {
            n = rest;
        }
    }
    n.to_string()
}

/// Finds mentions of known people in text: a full name, or any word of a name that belongs
/// to one person only ("Bayraktar", "Mr. Reyes", "Quispe"). One Aho–Corasick pass per text.
pub struct NameIndex {
    /// Full names first, then the words that name one person only.
    patterns: Vec<(memchr::memmem::Finder<'static>, usize)>,
    /// How many of `patterns` are full names.
    full_names: usize,
}

impl NameIndex {
    /// The index for these people.
    pub fn new(people: &[Person]) -> NameIndex {
        let mut by_word: HashMap<&str, Option<usize>> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            for w in p.name.split_whitespace() {
                if w.chars().count() < 3 || NAME_PARTICLES.contains(&w) {
                    continue;
                }
                by_word
                    .entry(w)
                    .and_modify(|e| {
                        if *e != Some(i) {
                            *e = None;
                        }
                    })
                    .or_insert(Some(i));
            }
        }
        let mut words: Vec<(&str, usize)> = by_word
            .into_iter()
            .filter_map(|(w, p)| p.map(|p| (w, p)))
            .collect();
        words.sort();
        // A handful of names per document: one memmem finder each builds in nanoseconds,
        // where a multi-pattern automaton would cost more to build than to search.
        let patterns = people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.as_str(), i))
            .chain(words)
            .map(|(w, i)| (memchr::memmem::Finder::new(w.as_bytes()).into_owned(), i))
            .collect();
        NameIndex {
            patterns,
            full_names: people.len(),
        }
    }

    /// Every (byte offset, person) mention in `text`, in order; a word inside a full name
    /// already found is not counted again.
    pub fn find(&self, text: &str) -> Vec<(usize, usize)> {
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        // Full names come first in `patterns`; a word inside a full name already found is
        // found by binary search among them, so a long text stays linear.
        let mut full: Vec<(usize, usize)> = Vec::new();
        for (k, (finder, person)) in self.patterns.iter().enumerate() {
            let is_full_name = k < self.full_names;
            for start in finder.find_iter(text.as_bytes()) {
                let end = start + finder.needle().len();
                let before = text[..start].chars().next_back();
                let after = text[end..].chars().next();
                let bounded = !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric);
                if !bounded {
                    continue;
                }
                if is_full_name {
                    full.push((start, end));
                } else {
                    let i = full.partition_point(|&(s, _)| s <= start);
                    if i > 0 && full[i - 1].1 >= end {
                        continue;
                    }
                }
                hits.push((start, end, *person));
            }
            if k + 1 == self.full_names {
                full.sort_unstable();
            }
        }
        hits.sort_unstable();
        hits.into_iter().map(|(s, _, p)| (s, p)).collect()
    }
}

/// Whether a text has any title word at all (a cheap test before the full rules).
pub fn may_name_people(text: &str) -> bool {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(ROLE_NOUNS)
            .expect("role patterns compile")
    })
    .is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;
    use crate::gazetteer::Gazetteer;

    fn people(text: &str) -> Vec<(String, String, Option<String>)> {
        let mentions = Gazetteer::global().find(text).mentions;
        let tokens = tokenize(text);
        find(text, &tokens, &mentions)
            .into_iter()
            .map(|f| {
                (
                    f.person.name,
                    f.person.role.unwrap_or_default(),
                    f.person.country.map(|c| c.to_string()),
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, String, Option<String>) {
        let p = people(text);
        assert_eq!(p.len(), 1, "{text}: {p:?}");
        p[0].clone()
    }

    #[test]
    fn country_role_name() {
        assert_eq!(
            one("Bayraktar met with Niger’s Mines Minister Abarchi Ousmane in Istanbul."),
            (
                "Abarchi Ousmane".into(),
                "Mines Minister".into(),
                Some("NE".into())
            )
        );
        assert_eq!(
            one(
                "The Turkish Energy and Natural Resources Minister Alparslan Bayraktar announced it."
            ),
            (
                "Alparslan Bayraktar".into(),
                "Energy and Natural Resources Minister".into(),
                Some("TR".into())
            )
        );
        assert_eq!(
            one("Peruvian Energy Minister Rosa Quispe said so."),
            (
                "Rosa Quispe".into(),
                "Energy Minister".into(),
                Some("PE".into())
            )
        );
    }

    #[test]
    fn name_comma_role() {
        assert_eq!(
            one(
                "He signed an MoU with Wang Guanghua, China’s Minister of Natural Resources, setting the stage."
            ),
            (
                "Wang Guanghua".into(),
                "Minister of Natural Resources".into(),
                Some("CN".into())
            )
        );
        assert_eq!(
            one(
                "He met with Kizito Pakabomba Kapinga, the Democratic Republic of Congo’s Minister of Mines, to discuss."
            ),
            (
                "Kizito Pakabomba Kapinga".into(),
                "Minister of Mines".into(),
                Some("CD".into())
            )
        );
        assert_eq!(
            one(
                "a meeting with Sherali Kabir, Tajikistan’s Industry and New Technologies Minister, highlighted"
            ),
            (
                "Sherali Kabir".into(),
                "Industry and New Technologies Minister".into(),
                Some("TJ".into())
            )
        );
    }

    #[test]
    fn role_name_of_country_and_lowercase_roles() {
        assert_eq!(
            one("President Batbayar Ganbold of Mongolia attended."),
            (
                "Batbayar Ganbold".into(),
                "President".into(),
                Some("MN".into())
            )
        );
        assert_eq!(
            one(
                "a letter of intent with Liberia's deputy energy minister, Joseph Tarpeh, for exports"
            ),
            (
                "Joseph Tarpeh".into(),
                "Deputy Energy Minister".into(),
                Some("LR".into())
            )
        );
        assert_eq!(
            one("Japan's ambassador to Manila, Hiroshi Tanabe, on Wednesday"),
            (
                "Hiroshi Tanabe".into(),
                "Ambassador".into(),
                Some("JP".into())
            )
        );
        assert_eq!(
            one("according to Morocco's Minister of Energy Transition Nadia Benkirane."),
            (
                "Nadia Benkirane".into(),
                "Minister of Energy Transition".into(),
                Some("MA".into())
            )
        );
    }

    #[test]
    fn counterpart_gives_the_country() {
        assert_eq!(
            one(
                "she signed it with her Turkish counterpart, Trade Minister Ömer Faruk Yıldız, to simplify"
            ),
            (
                "Ömer Faruk Yıldız".into(),
                "Trade Minister".into(),
                Some("TR".into())
            )
        );
    }

    #[test]
    fn names_resolve_in_full_and_by_unique_words() {
        let person = |name: &str| Person {
            name: name.into(),
            role: None,
            country: None,
            organisation: None,
        };
        let ps = vec![
            person("Alparslan Bayraktar"),
            person("Rosa Quispe Huamaní"),
            person("Rosa Mendes"),
        ];
        let idx = NameIndex::new(&ps);
        let hits = idx.find("Bayraktar and Quispe met Rosa Mendes; Rosa left. Bayraktarian");
        assert_eq!(hits, vec![(0, 0), (14, 1), (25, 2)]);
    }
}

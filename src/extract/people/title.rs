//! Titles: a person found from the title noun that introduces them ("Mines Minister",
//! "Minister of Foreign Affairs of Kazakhstan", "her Turkish counterpart"), extended left and
//! right over the words of the title, with the name before or after it (read in `name.rs`).

use super::super::lexicon::{HONORIFICS, PORTFOLIO_WORDS, ROLE_MODIFIERS};
use super::super::tokens::Token;
use super::{Found, ORG_WORDS, is_role_word, make_found};

use crate::gazetteer::CountryCode;

/// What the rules know about one token.
pub(super) struct Ctx<'t, 'a> {
    pub tokens: &'t [Token<'a>],
    /// The country mention covering each token, if any.
    pub country: Vec<Option<CountryCode>>,
}

impl Ctx<'_, '_> {
    pub(super) fn lower(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower())
    }

    /// Whether the word at `i` comes right before "bin", "bint" or "ibn": a given name, even
    /// when it is also a title ("Sultan bin Saeed").
    pub(super) fn before_patronymic(&self, i: usize) -> bool {
        matches!(self.lower(i + 1), "bin" | "bint" | "ibn")
    }

    pub(super) fn is_role_noun(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        // "X, who heads Tanzania's Ministry of Trade".
        if t.text == "Ministry" {
            return (i.saturating_sub(4)..i)
                .any(|k| matches!(self.lower(k), "heads" | "leads" | "runs"));
        }
        // Length first: almost every word fails it, without touching the list.
        if !t.word || !is_role_word(t.lower()) {
            return false;
        }
        let w = self.lower(i);
        if t.possessive && w != "minister" {
            return false;
        }
        match w {
            "executive" => self.lower(i.wrapping_sub(1)) == "chief",
            // "Chief of Staff", "Chief of the Defence Staff"; otherwise a modifier.
            "chief" => {
                // "UN refugee chief Filippo Grandi": lowercase, right before a name.
                t.is_capitalised() && self.lower(i + 1) == "of"
                    || !t.is_capitalised() && self.is_name_word(i + 1)
            }
            // "Chargé d'Affaires".
            "chargé" | "charge" => {
                self.lower(i + 1).starts_with("d'") || self.lower(i + 1).starts_with("d’")
            }
            // "Head of Intelligence Khaled Fawzy"; a bare "head" is a body part or a verb.
            // "First Deputy Head Kairbek Uskenbayev".
            // "MIT head Ibrahim Kalin": lowercase, right before a name, as "chief" is.
            "head" => {
                t.is_capitalised()
                    && (self.lower(i + 1) == "of" || self.lower(i.wrapping_sub(1)) == "deputy")
                    || !t.is_capitalised() && self.is_name_word(i + 1) && self.is_name_word(i + 2)
            }
            // "Chief Justice X"; alone, "Justice" is a judge's honorific or a portfolio.
            "justice" => {
                t.is_capitalised() && matches!(self.lower(i.wrapping_sub(1)), "chief" | "associate")
            }
            // "Chief Judge X", "Judge X"; "a retired judge" describes, it is no title.
            "judge" => t.is_capitalised(),
            // "Attorney General X"; "General Directorate of …" is an office.
            "general" => matches!(
                self.lower(i.wrapping_sub(1)),
                "attorney" | "solicitor" | "auditor" | "inspector" | "surgeon"
            ),
            "pm" => t.text == "PM",
            "fm" => t.text == "FM",
            // "President" as a word of a title is fine; "Prince" needs a capital.
            "prince" | "king" | "queen" | "emir" | "sultan" | "emperor" | "empress" => {
                self.tokens[i].is_capitalised()
            }
            _ => true,
        }
    }

    /// Extends a title left from its head noun over capitalised words, "and", and lowercase
    /// title words; stops at a country or organisation, which it returns as the anchor.
    pub(super) fn extend_left(&self, r: usize) -> (usize, Anchor) {
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
            if matches!(t.lower(), "its" | "their")
                || t.possessive
                    && matches!(t.lower(), "country" | "nation" | "kingdom" | "republic")
            {
                return (k, Anchor::Its(i));
            }
            if t.possessive || !t.word {
                return (k, Anchor::None);
            }
            let lower = t.lower();
            let title_word = ROLE_MODIFIERS.contains(lower) || PORTFOLIO_WORDS.contains(lower);
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
            // After "and", any capitalised word continues the title ("Industry, Trade and
            // Supply"); a name swallowed so is given back by `backoff_name`. After a comma,
            // only a portfolio word does: "Minister of Mines, Joseph Tarpeh".
            let after_portfolio = j > 0 && PORTFOLIO_WORDS.contains(self.lower(j - 1));
            self.tokens.get(k).is_some_and(|n| {
                n.is_capitalised()
                    && self.country[k].is_none()
                    && (PORTFOLIO_WORDS.contains(n.lower())
                        || t.text != "," && after_portfolio && !is_role_word(n.lower()))
            })
        } else {
            (lower == "for" || lower == "of") && n.is_capitalised() && self.country[j + 1].is_none()
        }
    }

    /// The end of a public body's name that starts at `m`, right after a country: up to
    /// five capitalised words, the last a body's head noun ("Trade Promotion Organization").
    fn body_after_country(&self, m: usize) -> Option<usize> {
        const HEADS: &[&str] = &[
            "organization",
            "organisation",
            "agency",
            "authority",
            "council",
            "commission",
            "committee",
            "bank",
            "office",
            "ministry",
            "department",
            "fund",
            "institute",
            "board",
            "corporation",
            "secretariat",
        ];
        let run = (m..self.tokens.len().min(m + 5))
            .take_while(|&j| {
                let t = &self.tokens[j];
                t.word
                    && t.is_capitalised()
                    && self.country[j].is_none()
                    && !HONORIFICS.contains(t.text)
            })
            .last()?;
        (m..=run)
            .rev()
            .find(|&j| HEADS.contains(&self.lower(j)))
            .map(|j| j + 1)
    }

    /// Extends a title right over "of/for [the] Portfolio, Portfolio and Portfolio"; returns
    /// the end of the title proper, the end of what was consumed (a destination such as
    /// "to Manila" is consumed but not part of the title), and a country named as
    /// "of [the Republic of] Kazakhstan".
    fn extend_right(&self, r: usize) -> (usize, usize, Option<CountryCode>) {
        let mut m = r + 1;
        // "Consul General", "Director General": one title.
        if self.tokens.get(m).is_some_and(|t| t.text == "General") {
            m += 1;
        }
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
                // "Head of Iran Trade Promotion Organization (TPO) Alireza Peyman-Pak": the
                // country opens the name of the body the official heads.
                if let Some(end) = self.body_after_country(m) {
                    m = end;
                    title_end = end;
                }
                continue;
            }
            // A lowercase title takes lowercase portfolios: "deputy minister of economy".
            let head_lower = !self.tokens[r].is_capitalised();
            let portfolio = |t: &Token<'_>| {
                t.is_capitalised() || head_lower && PORTFOLIO_WORDS.contains(t.lower())
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
                    if self.country[j].is_some() || HONORIFICS.contains(t.text) {
                        break;
                    }
                    // "Minister of Agriculture and Food security": a lowercase portfolio
                    // word after a capitalised one.
                    let sloppy = took
                        && PORTFOLIO_WORDS.contains(t.lower())
                        && self.tokens[j - 1].is_capitalised();
                    if t.word && (portfolio(t) || sloppy) {
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
    ROLE_MODIFIERS.contains(l) || PORTFOLIO_WORDS.contains(l)
}

pub(super) enum Anchor {
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
pub(super) fn normalise_role(text: &str) -> String {
    // "who heads the Ministry of Trade": the office is the minister's.
    let text = match text.strip_prefix("Ministry") {
        Some(rest) => format!("Minister{rest}"),
        None => text.to_string(),
    };
    text.split_whitespace()
        .map(|w| {
            if matches!(w, "of" | "for" | "and" | "the" | "in" | "to") {
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

pub(super) fn person_at(ctx: &Ctx<'_, '_>, text: &str, r: usize) -> Option<Found> {
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
    // "Minister of Human Resources (MHRSD) Eng. Ahmed Al-Rajhi": the ministry's acronym.
    if let [open, acronym, close, ..] = &tokens[after.min(tokens.len())..]
        && open.text == "("
        && close.text == ")"
        && acronym.text.starts_with(|c: char| c.is_ascii_uppercase())
        && acronym
            .text
            .chars()
            .filter(char::is_ascii_uppercase)
            .count()
            >= 2
        && acronym.text.chars().all(|c| c.is_ascii_alphabetic())
    {
        after += 3;
    }
    // "minister, Joseph Tarpeh"; "Prime Minister: Cesar Villanueva" in a list of officials.
    if tokens
        .get(after)
        .is_some_and(|t| t.text == "," || t.text == ":")
    {
        after += 1;
    }
    let capital_title = tokens[r].is_capitalised() && after == consumed;
    let (name, end, role, rule) = if let Some((end, name)) = ctx.name_at(text, after) {
        // "Minister for Education, Vocational Training and Sports, Pilar Alegría": what looked
        // like a name is the portfolio's next item.
        match portfolio_tail(ctx, text, end) {
            Some((comma, name_end, name)) => (name, name_end, role_text(comma), "role-then-name"),
            None => (name, end, role_text(title_end), "role-then-name"),
        }
    } else if let Some((cut, name_end, name)) = backoff_name(ctx, text, r, title_end) {
        (name, name_end, role_text(cut), "role-then-name")
    } else if let Some((end, name)) = capital_title.then(|| ctx.surname_at(text, after)).flatten() {
        (name, end, role_text(title_end), "title-then-surname")
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
                ctx.lower(j - 1),
                "a" | "an" | "the" | "who" | "heads" | "leads" | "runs"
            )
        {
            j -= 1;
        }
        if j > 0 && matches!(ctx.lower(j - 1), "a" | "an" | "the") {
            k = j - 1;
        }
        // "X, who heads Tanzania's Ministry of …".
        if k >= 2
            && matches!(ctx.lower(k - 1), "heads" | "leads" | "runs")
            && ctx.lower(k - 2) == "who"
        {
            k -= 2;
        }
        // "Helena Marsh is a senior fellow at …".
        if k >= 2
            && matches!(ctx.lower(k), "a" | "an" | "the")
            && matches!(ctx.lower(k - 1), "is" | "was")
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
        // "Crawford Falconer, DIT's Chief Trade Negotiation Adviser".
        if k > 1 && tokens[k - 1].possessive && tokens[k - 1].is_capitalised() {
            k -= 1;
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
        let at = if ctx.lower(end + 1) == "the" {
            end + 2
        } else {
            end + 1
        };
        country = ctx.country.get(at).copied().flatten();
    }
    // "her Turkish counterpart, Trade Minister Ömer Faruk Yıldız".
    if country.is_none() && role_start >= 2 {
        let mut k = role_start - 1;
        if tokens[k].text == "," {
            k = k.saturating_sub(1);
        }
        if (ctx.lower(k).starts_with("counterpart") || ctx.lower(k).starts_with("colleague"))
            && k > 0
        {
            country = ctx.country[k - 1];
        }
    }
    let org_word = match anchor {
        Anchor::Org(i) => Some(tokens[i].text),
        _ => None,
    };
    Some(make_found(name, role, country, org_word, rule))
}

/// After what looked like a name at a comma: "and" with one to three capitalised words, a
/// comma and a name ("… Vocational Training and Sports, Pilar Alegría"). Returns the comma
/// that ends the portfolio, and the real name's end and text.
fn portfolio_tail(ctx: &Ctx<'_, '_>, text: &str, end: usize) -> Option<(usize, usize, String)> {
    if ctx.lower(end) != "and" {
        return None;
    }
    let comma = (end + 2..ctx.tokens.len().min(end + 5))
        .find(|&k| ctx.tokens[k].text == ",")
        .filter(|&k| {
            (end + 1..k).all(|j| ctx.tokens[j].word && ctx.tokens[j].is_capitalised())
                && !(end + 1..k).any(|j| ctx.is_role_noun(j))
        })?;
    let (name_end, name) = ctx.name_at(text, comma + 1)?;
    Some((comma, name_end, name))
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
    // The longest name of one to four words at the title's end that does not start with a
    // title word or right after "and"/"of" ("Minister of Industry and Construction Yersaiyn
    // Nagaspayev", "President of the European Commission Ursula von der Leyen").
    for n in (1..=4).rev() {
        let Some(cut) = title_end.checked_sub(n).filter(|&c| c > r + 1) else {
            continue;
        };
        let joined = matches!(ctx.lower(cut - 1), "and" | "&" | "of" | "for" | "the" | ",");
        if joined
            || PORTFOLIO_WORDS.contains(ctx.lower(cut))
            || looks_like_portfolio(ctx.lower(cut))
        {
            continue;
        }
        // The name may run past the title's end ("Sheikh Mohammed bin Khalid Al Thani").
        if let Some((end, name)) = ctx.name_at(text, cut)
            && end >= title_end
            && (n > 1 || end > title_end)
        {
            return Some((cut, end, name));
        }
    }
    None
}

/// A word shaped like an abstract or plural noun ("Situations", "Communications"), which ends
/// a portfolio rather than opening a name.
pub(super) fn looks_like_portfolio(lower: &str) -> bool {
    const SUFFIXES: &[&str] = &["tions", "tion", "sions", "ments", "ities", "ness", "ships"];
    lower.len() > 5 && SUFFIXES.iter().any(|s| lower.ends_with(s))
}

fn first_token_of_mention(ctx: &Ctx<'_, '_>, i: usize) -> usize {
    let code = ctx.country[i];
    let mut k = i;
    while k > 0 && ctx.country[k - 1] == code && code.is_some() {
        k -= 1;
    }
    k
}

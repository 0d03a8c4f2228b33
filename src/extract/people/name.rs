//! Names: the words after (or before) a title that make up a person's name — given names,
//! initials, particles, honorifics, nicknames and surnames, in the order news writes them.

use super::super::lexicon::{
    HONORIFICS, NAME_PARTICLES, NOT_NAME_WORDS, ORGANISATION_WORDS, PORTFOLIO_WORDS,
    ROLE_MODIFIERS, ROLE_NOUNS,
};
use super::ORG_WORDS;
use super::title::Ctx;

/// Capitalised words that follow a title without being a name: "the Minister Said", "Prime
/// Minister Office", sentence words in title case.
#[rustfmt::skip]
const COMMON_CAPITALISED: &[&str] = &[
    "said", "says", "told", "added", "noted", "stated", "office", "offices", "announces",
    "announced", "meets", "met", "visits", "signs", "signed", "calls", "urges", "says", "hails",
    "welcomes", "receives", "received", "holds", "held", "general", "elect", "designate",
    "emeritus", "himself", "herself", "today", "yesterday", "tomorrow", "also", "will", "would",
    "has", "had", "was", "is", "and", "who", "which", "with", "when", "while", "for", "charged",
];

impl Ctx<'_, '_> {
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        if self.is_capital_surname(i) {
            return true;
        }
        // "Sultan bin Saeed Al Mansouri": a title word before a patronymic is a given name.
        if t.word && t.is_capitalised() && self.country[i].is_none() && self.before_patronymic(i) {
            return true;
        }
        let lower = t.lower();
        t.word
            && self.country[i].is_none()
            && (t.is_capitalised()
                || lower.starts_with("al-")
                || lower.starts_with("el-")
                || (lower.starts_with("d'") || lower.starts_with("d’"))
                    && t.text.chars().nth(2).is_some_and(char::is_uppercase))
            && t.text.chars().any(char::is_lowercase)
            && !NOT_NAME_WORDS.contains(lower)
            && !HONORIFICS.contains(t.text)
            && !ROLE_NOUNS.contains(lower)
            && !ROLE_MODIFIERS.contains(lower)
            && !t.text.chars().any(|c| c.is_ascii_digit())
    }

    /// A surname in capitals after a personal honorific, as Japanese official releases write
    /// it: "Ms. KAMIKAWA Yoko", "Mr. KISHIDA Fumio".
    fn is_capital_surname(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        let mut k = i;
        if k > 0 && self.tokens[k - 1].text == "." {
            k -= 1;
        }
        t.word
            && t.text.chars().count() >= 3
            && t.text
                .chars()
                .all(|c| c.is_alphabetic() && c.is_uppercase())
            && self.country[i].is_none()
            && k > 0
            && matches!(
                self.tokens[k - 1].text,
                "Mr" | "Ms" | "Mrs" | "Mr." | "Ms." | "Mrs."
            )
            && self.tokens.get(i + 1).is_some_and(|n| {
                n.is_capitalised() && n.text.chars().skip(1).all(char::is_lowercase)
            })
    }

    /// Whether token `i` is an honorific or rank that may open a name ("Dr", "H.E.", "His
    /// Excellency", "the Hon.").
    fn is_honorific(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        let next_is_honorific = || {
            self.tokens
                .get(i + 1)
                .is_some_and(|n| HONORIFICS.contains(n.text))
        };
        // Malaysian titles of two words: "Tan Sri", "Puan Sri", "Toh Puan", "Datuk Sri".
        let malay = match t.text {
            "Tan" | "Puan" => self
                .tokens
                .get(i + 1)
                .is_some_and(|n| matches!(n.text, "Sri" | "Seri")),
            "Toh" => self.tokens.get(i + 1).is_some_and(|n| n.text == "Puan"),
            "Sri" => i > 0 && self.is_honorific(i - 1),
            _ => false,
        };
        // "the Hon.", "His Excellency", "Army General".
        malay
            || HONORIFICS.contains(t.text)
            || matches!(
                t.text,
                "the"
                    | "His"
                    | "Her"
                    | "his"
                    | "her"
                    | "Army"
                    | "Navy"
                    | "Air"
                    | "Police"
                    // "Rear Admiral", "Vice Admiral", "Field Marshal".
                    | "Rear"
                    | "Vice"
                    | "Field"
            ) && next_is_honorific()
    }

    /// An initial inside a name: "W." in "Jose W. Fernandez", "VL" in "VL Kantha Rao", and
    /// dotted ones that are one token: "P.M." in "Raphael P.M. Lotilla", "J.P. Batra".
    pub(super) fn is_initial(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            let plain =
                (1..=2).contains(&t.text.len()) && t.text.chars().all(|c| c.is_ascii_uppercase());
            t.word && (plain || is_dotted_initials(t.text)) && self.country[i].is_none()
        })
    }

    /// The token after a quoted nickname starting at `i` (“Jokowi”), when a name word follows.
    fn nickname_at(&self, i: usize) -> Option<usize> {
        let open = |t: &str| matches!(t, "“" | "\"" | "‘" | "'");
        let close = |t: &str| matches!(t, "”" | "\"" | "’" | "'");
        let t = self.tokens.get(i)?;
        if !open(t.text) || !self.is_name_word(i + 1) {
            return None;
        }
        let c = self.tokens.get(i + 2)?;
        // Luiz Inácio "Lula" da Silva: a particle may follow the nickname.
        let particle = NAME_PARTICLES.contains(self.lower(i + 3)) && self.is_name_word(i + 4);
        (close(c.text) && (self.is_name_word(i + 3) || particle)).then_some(i + 3)
    }

    /// A word that is an honorific elsewhere ("Sen", "Major") but ends the name here: no dot,
    /// and no capitalised word after it.
    fn is_closing_honorific(&self, i: usize) -> bool {
        let (Some(t), next) = (self.tokens.get(i), self.tokens.get(i + 1)) else {
            return false;
        };
        t.word
            && HONORIFICS.contains(t.text)
            && t.text.chars().any(char::is_lowercase)
            && !t.text.ends_with('.')
            && next.is_none_or(|n| !n.is_capitalised())
            // "Hun Sen. The …" ends a sentence; "Sen. Marco Rubio" opens a name.
            && !(next.is_some_and(|n| n.text == ".") && self.is_name_word(i + 2) && self.is_name_word(i + 3))
    }

    /// A month that is a surname: capitalised, right after a name word, and not followed by a
    /// day or a year ("Theresa May said", not "… Wednesday May 5").
    fn is_month_surname(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        matches!(t.text, "May" | "June" | "April" | "August")
            && i > 0
            && self.is_name_word(i - 1)
            && self
                .tokens
                .get(i + 1)
                .is_none_or(|n| !n.text.starts_with(|c: char| c.is_ascii_digit()))
    }

    /// A regnal number or an all-capital surname after a name word: "Abdullah II",
    /// "Erik LINDEBO".
    fn is_capital_name_word(&self, i: usize) -> bool {
        const REGNAL: &[&str] = &["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"];
        self.tokens.get(i).is_some_and(|t| {
            t.word
                && self.country[i].is_none()
                && (REGNAL.contains(&t.text)
                    || t.text.chars().count() >= 3
                        && t.text.chars().all(|c| c.is_uppercase() || c == '-')
                        && !NOT_NAME_WORDS.contains(t.lower())
                        && !ORG_WORDS.contains(&t.text))
        })
    }

    /// A name of two to six words starting at token `i` (after any honorifics): (end token,
    /// name text).
    pub(super) fn name_at(&self, text: &str, mut i: usize) -> Option<(usize, String)> {
        while self.is_honorific(i) {
            i += 1;
            // "Dr.", "Dato’ Seri".
            if self
                .tokens
                .get(i)
                .is_some_and(|t| matches!(t.text, "." | "’" | "'"))
            {
                i += 1;
            }
        }
        let start = i;
        let mut words = 0;
        let mut real = 0;
        let mut end = i;
        let mut j = i;
        while j < self.tokens.len() && words < 6 {
            if self.is_name_word(j) {
                words += 1;
                real += 1;
                end = j + 1;
                if self.tokens[j].possessive {
                    break;
                }
                j += 1;
                // "Md. Rafiqul Islam Chowdhury": an abbreviated first name.
                if matches!(self.tokens[j - 1].text, "Md" | "Mohd" | "Muhd")
                    && self.tokens.get(j).is_some_and(|t| t.text == ".")
                    && self.is_name_word(j + 1)
                {
                    j += 1;
                }
            } else if words > 0 && self.nickname_at(j).is_some() {
                // Joko “Jokowi” Widodo: a nickname in quotes inside the name.
                j = self.nickname_at(j).unwrap_or(j);
            } else if self.is_initial(j) {
                // An initial only counts before more of the name: "A. K. Abdul Momen".
                let mut k = j + 1;
                if self.tokens.get(k).is_some_and(|t| t.text == ".") {
                    k += 1;
                }
                if !(self.is_name_word(k) || self.is_initial(k)) {
                    break;
                }
                words += 1;
                j = k;
            } else if real > 0 && self.is_month_surname(j) {
                // "Theresa May": a month after a given name, with no day after it.
                words += 1;
                end = j + 1;
                break;
            } else if real > 0 && self.is_closing_honorific(j) {
                // "Hun Sen", "John Major": a rank-like word that ends a name.
                words += 1;
                end = j + 1;
                break;
            } else if real > 0 && self.is_capital_name_word(j) {
                words += 1;
                end = j + 1;
                j += 1;
            } else if words > 0
                && NAME_PARTICLES.contains(self.tokens[j - 1].text)
                && HONORIFICS.contains(self.tokens[j].text)
                && self.is_name_word(j + 1)
            {
                // "Mohamad bin Haji Hasan": a title inside a patronymic is part of the name.
                words += 1;
                j += 1;
            } else if words > 0
                && matches!(self.tokens[j].text, "'" | "’")
                && self.tokens[j].start == self.tokens[j - 1].end
                && self
                    .tokens
                    .get(j + 1)
                    .is_some_and(|t| NAME_PARTICLES.contains(t.text))
                && self.is_name_word(j + 2)
            {
                // "Mohammed Shia' al Sudani": a transliteration mark ends a word of the name.
                end = j + 1;
                j += 1;
            } else if words > 0
                && NAME_PARTICLES.contains(self.tokens[j].text)
                && (self.is_name_word(j + 1)
                    || HONORIFICS.contains(self.tokens.get(j + 1).map_or("", |t| t.text))
                        && self.is_name_word(j + 2)
                    // "Ursula von der Leyen": two particles in a row.
                    || self
                        .tokens
                        .get(j + 1)
                        .is_some_and(|t| NAME_PARTICLES.contains(t.text))
                        && self.is_name_word(j + 2))
            {
                j += 1;
            } else {
                break;
            }
        }
        let all_portfolio = (start..end).all(|k| PORTFOLIO_WORDS.contains(self.lower(k)));
        let organisation = (start..end).any(|k| {
            let w = self.lower(k);
            // "Park" opens Korean names ("Park Jin"); as a place it ends one ("Olympic Park").
            let surname = k == start && w == "park";
            !surname && ORGANISATION_WORDS.contains(w.trim_end_matches("'s").trim_end_matches("’s"))
        });
        if words < 2 || real == 0 || all_portfolio || organisation {
            return None;
        }
        let (a, b) = (self.tokens[start].start, self.tokens[end - 1].end);
        Some((end, text[a..b].to_string()))
    }

    /// A one-word name right after a capitalised title: "Chancellor Scholz", "Foreign
    /// Minister Wong", "President Bush's". Not a word that starts a longer name, a title word
    /// or a common word.
    pub(super) fn surname_at(&self, text: &str, i: usize) -> Option<(usize, String)> {
        let t = self.tokens.get(i)?;
        let lower = t.lower();
        let next_is_name = self.is_name_word(i + 1) && !t.possessive;
        let aside = self.tokens.get(i + 1).is_some_and(|n| n.text == ")");
        // "Rio Tinto's Copper Group": a word that names an organisation with the next.
        let org_next = self
            .tokens
            .get(i + 1)
            .is_some_and(|n| ORGANISATION_WORDS.contains(n.lower()));
        if !self.is_name_word(i)
            || next_is_name
            || org_next
            || aside
            || PORTFOLIO_WORDS.contains(lower)
            || ORGANISATION_WORDS.contains(lower)
            || COMMON_CAPITALISED.contains(&lower)
            || t.text.chars().count() < 3
        {
            return None;
        }
        // "King Abdullah II", "King Mohammed VI".
        if !t.possessive && self.is_capital_name_word(i + 1) {
            let n = &self.tokens[i + 1];
            return Some((i + 2, text[t.start..n.end].to_string()));
        }
        Some((i + 1, text[t.start..t.end].to_string()))
    }
}

/// "J.P." or "P.M.": two or three capital letters, each followed by a dot.
fn is_dotted_initials(text: &str) -> bool {
    let b = text.as_bytes();
    (4..=6).contains(&b.len())
        && b.len().is_multiple_of(2)
        && b.chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

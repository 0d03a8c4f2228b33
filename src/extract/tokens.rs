//! Words and punctuation of a sentence with byte offsets — the unit the people and agreement
//! rules look at. A possessive `'s`/`’s` is split off and flagged; apostrophes and hyphens
//! inside names ("N'Guessan", "Jae-won") stay in the word.

/// A token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The text (without a possessive `'s`).
    pub text: &'a str,
    /// The text in lowercase (borrowed when it already is: most words).
    lower: std::borrow::Cow<'a, str>,
    /// Byte offset in the text tokenised.
    pub start: usize,
    /// Byte offset of the end (before a possessive).
    pub end: usize,
    /// A word followed by `'s`.
    pub possessive: bool,
    /// A word (letters or digits), not punctuation.
    pub word: bool,
}

impl<'a> Token<'a> {
    /// `folded` is the whole text in ASCII lowercase, when the caller has it: an ASCII word's
    /// lowercase form is then a slice of it, with no allocation.
    fn new(
        text: &'a str,
        folded: Option<&'a str>,
        (start, end): (usize, usize),
        possessive: bool,
        word: bool,
    ) -> Token<'a> {
        let lower = match folded {
            Some(f) if text.is_ascii() => std::borrow::Cow::Borrowed(&f[start..end]),
            _ if text.chars().any(char::is_uppercase) => {
                std::borrow::Cow::Owned(text.to_lowercase())
            }
            _ => std::borrow::Cow::Borrowed(text),
        };
        Token {
            text,
            lower,
            start,
            end,
            possessive,
            word,
        }
    }

    /// Starts with an uppercase letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Lowercase form.
    pub fn lower(&self) -> &str {
        &self.lower
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    split(text, None)
}

/// Splits `text` into tokens, taking their lowercase forms from `folded`, the same text in
/// ASCII lowercase (`str::to_ascii_lowercase`, which keeps byte offsets).
pub fn tokenize_folded<'a>(text: &'a str, folded: &'a str) -> Vec<Token<'a>> {
    debug_assert_eq!(text.len(), folded.len());
    split(text, Some(folded))
}

fn split<'a>(text: &'a str, folded: Option<&'a str>) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            let end = start + c.len_utf8();
            out.push(Token::new(
                &text[start..end],
                folded,
                (start, end),
                false,
                false,
            ));
            continue;
        }
        let first_upper = c.is_uppercase();
        let mut end = start + c.len_utf8();
        let mut possessive = false;
        while let Some(&(i, d)) = chars.peek() {
            if is_word_char(d) {
                end = i + d.len_utf8();
                chars.next();
                continue;
            }
            // Joiners inside a word: hyphen, apostrophe, and the dots of "U.S.".
            if !matches!(d, '-' | '\'' | '’' | '.') {
                break;
            }
            let rest = &text[i + d.len_utf8()..];
            let mut after = rest.chars();
            let next = after.next();
            if !next.is_some_and(is_word_char) {
                // "ministers'" (plural possessive) and the final dot of "U.S.".
                if matches!(d, '\'' | '’') && text[..i].ends_with('s') {
                    possessive = true;
                    chars.next();
                } else if d == '.' && text[start..end].contains('.') {
                    end = i + 1;
                    chars.next();
                }
                break;
            }
            let next = next.unwrap_or(' ');
            if matches!(d, '\'' | '’')
                && (next == 's' || next == 'S')
                && !after.next().is_some_and(is_word_char)
            {
                possessive = true;
                chars.next();
                chars.next();
                break;
            }
            if d == '.' && !(first_upper && next.is_uppercase()) {
                break;
            }
            chars.next();
        }
        out.push(Token::new(
            &text[start..end],
            folded,
            (start, end),
            possessive,
            true,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, bool)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.text.to_string(), t.possessive))
            .collect()
    }

    #[test]
    fn possessives_split_names_stay_whole() {
        let w = words("Niger’s Mines Minister N'Guessan met Ahn Jae-won, U.S. envoy.");
        let texts: Vec<&str> = w.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Niger",
                "Mines",
                "Minister",
                "N'Guessan",
                "met",
                "Ahn",
                "Jae-won",
                ",",
                "U.S.",
                "envoy",
                "."
            ]
        );
        assert!(w[0].1);
    }

    #[test]
    fn plural_possessive() {
        let w = words("the ministers' talks");
        assert_eq!(w[1], ("ministers".to_string(), true));
    }
}

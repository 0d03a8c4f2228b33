//! Words and punctuation of a sentence with byte offsets — the unit the people and agreement
//! rules look at. A possessive `'s`/`’s` is split off and flagged; apostrophes and hyphens
//! inside names ("N'Guessan", "Jae-won") stay in the word.

/// A token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The text (without a possessive `'s`).
    pub text: &'a str,
    /// Byte offset in the text tokenised.
    pub start: usize,
    /// Byte offset of the end (before a possessive).
    pub end: usize,
    /// A word followed by `'s`.
    pub possessive: bool,
    /// A word (letters or digits), not punctuation.
    pub word: bool,
}

impl Token<'_> {
    /// Starts with an uppercase letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Lowercase form.
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            let end = start + c.len_utf8();
            out.push(Token {
                text: &text[start..end],
                start,
                end,
                possessive: false,
                word: false,
            });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut possessive = false;
        let mut end_idx;
        loop {
            while j < chars.len() && is_word_char(chars[j].1) {
                j += 1;
            }
            end_idx = j;
            // Joiners inside a word: hyphen, apostrophe, and the dots of "U.S.".
            if j + 1 < chars.len()
                && matches!(chars[j].1, '-' | '\'' | '’' | '.')
                && is_word_char(chars[j + 1].1)
            {
                let apostrophe = matches!(chars[j].1, '\'' | '’');
                let next = chars[j + 1].1;
                let after = chars.get(j + 2).map(|x| x.1);
                if apostrophe && (next == 's' || next == 'S') && !after.is_some_and(is_word_char) {
                    possessive = true;
                    j += 2;
                    break;
                }
                if chars[j].1 == '.' && !(chars[i].1.is_uppercase() && next.is_uppercase()) {
                    break;
                }
                j += 1;
                continue;
            }
            // A trailing apostrophe after a plural ("ministers'") is possessive too.
            if j < chars.len()
                && matches!(chars[j].1, '\'' | '’')
                && !chars.get(j + 1).is_some_and(|x| is_word_char(x.1))
                && chars[j - 1].1 == 's'
            {
                possessive = true;
                j += 1;
            }
            break;
        }
        let end = if end_idx < chars.len() {
            chars[end_idx].0
        } else {
            text.len()
        };
        // Keep the final dot of an abbreviation like "U.S." in the word.
        let end = if text[start..end].contains('.') && text[end..].starts_with('.') {
            end + 1
        } else {
            end
        };
        out.push(Token {
            text: &text[start..end],
            start,
            end,
            possessive,
            word: true,
        });
        i = j.max(i + 1);
        if end > chars.get(i.saturating_sub(1)).map_or(0, |x| x.0) {
            while i < chars.len() && chars[i].0 < end {
                i += 1;
            }
        }
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

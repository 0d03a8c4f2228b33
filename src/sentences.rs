//! Sentence segmentation (Wikimedia's `sentencex`, which knows "Mr.", "U.S." and friends),
//! plus the small text cuts built on it: headlines and summaries.

use std::sync::OnceLock;

use regex::Regex;

/// The sentences of `text`, trimmed, empty ones dropped, with their byte offsets.
pub fn split(text: &str) -> Vec<(usize, &str)> {
    sentencex::get_sentence_boundaries("en", text)
        .into_iter()
        .filter_map(|b| {
            let raw = &text[b.start_byte..b.end_byte];
            let lead = raw.len() - raw.trim_start().len();
            let t = raw.trim();
            (!t.is_empty()).then_some((b.start_byte + lead, t))
        })
        .collect()
}

/// Strips a wire dateline ("LIMA, March 3 (Reuters) - ", "GENEVA — ") from the start of a lead.
pub fn strip_dateline(text: &str) -> &str {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,[^.\n]{0,60}?)?\s+(?:-{1,2}|–|—)\s+")
            .expect("dateline regex")
    });
    re.find(text).map_or(text, |m| &text[m.end()..])
}

/// Words a headline should not end on.
const DANGLING: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "through", "and", "or", "by",
    "from", "as", "its", "their", "his", "her", "that", "which", "is", "are", "was", "were",
];

/// A headline of at most `max` characters from the first sentence of a lead: whole when it
/// fits, else cut at the last clause break, else at a word boundary without a dangling word.
pub fn headline(lead: &str, max: usize) -> String {
    let lead = strip_dateline(lead.trim());
    let first = split(lead).first().map_or(lead, |(_, s)| *s);
    let first = first.trim_end_matches(['.', '!', '?', ' ']);
    if first.chars().count() <= max {
        return first.to_string();
    }
    let limit = first
        .char_indices()
        .nth(max)
        .map_or(first.len(), |(i, _)| i);
    let window = &first[..limit];
    let clause = [", ", "; ", " – ", " — ", ": ", " - "]
        .iter()
        .filter_map(|sep| window.rfind(sep))
        .max()
        .filter(|&i| window[..i].chars().count() >= max / 2);
    if let Some(i) = clause {
        return window[..i].to_string();
    }
    let mut words: Vec<&str> = window.split_whitespace().collect();
    if !first[limit..].starts_with(char::is_whitespace) {
        words.pop(); // the last word was cut in the middle
    }
    while words.len() > 3
        && words
            .last()
            .is_some_and(|w| DANGLING.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    words
        .join(" ")
        .trim_end_matches([',', ';', ':'])
        .to_string()
}

/// A summary from the first sentences of `text`: at least one sentence, about `target`
/// characters, never more than `max` (a long sentence is cut at a word and ends with "…").
pub fn summary(text: &str, target: usize, max: usize) -> String {
    let text = strip_dateline(text.trim());
    let mut out = String::new();
    for (_, s) in split(text) {
        let len = out.chars().count();
        if len >= target || (len > 0 && len + 1 + s.chars().count() > max) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(s);
    }
    if out.chars().count() > max {
        let cut: String = out.chars().take(max - 1).collect();
        let end = cut.rfind(' ').unwrap_or(cut.len());
        out = format!("{}…", cut[..end].trim_end_matches([',', ';', ':']));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_abbreviations_inside_sentences() {
        let s = split("Mr. Smith met U.S. officials in Lima. They signed a deal.");
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[1].1, "They signed a deal.");
    }

    #[test]
    fn headline_cuts_at_a_word_without_dangling_words() {
        let h = headline(
            "Türkiye is strengthening its presence on the global mining stage through a series of new partnerships with key players, focusing on resources.",
            80,
        );
        assert_eq!(
            h,
            "Türkiye is strengthening its presence on the global mining stage"
        );
        assert_eq!(headline("Short lead. Second.", 80), "Short lead");
    }

    #[test]
    fn headline_prefers_a_clause_break() {
        let h = headline(
            "Kenya and Ghana signed a trade pact on Monday, ending two years of talks over tariffs and market access for farmers.",
            80,
        );
        assert_eq!(h, "Kenya and Ghana signed a trade pact on Monday");
    }

    #[test]
    fn datelines_are_stripped() {
        assert_eq!(
            strip_dateline("LIMA, March 3 (Reuters) - Peru said"),
            "Peru said"
        );
        assert_eq!(strip_dateline("GENEVA — Talks"), "Talks");
        assert_eq!(strip_dateline("Peru - a country"), "Peru - a country");
    }

    #[test]
    fn summary_takes_whole_sentences() {
        let s = summary(
            "One. Two is here. Three is long enough to pass the target.",
            10,
            300,
        );
        assert_eq!(s, "One. Two is here.");
        let long = "word ".repeat(200);
        let s = summary(&long, 160, 100);
        assert!(s.ends_with('…') && s.chars().count() <= 100, "{s}");
    }
}

//! Full dates in running text ("12 March 2025", "March 12th, 2025", "2025-03-12", "6/20/2003")
//! and the date of a document that has no front matter: the full date its dateline or
//! opening lines give. A date without a year ("Tuesday", "4 March") is no date: a wrong date
//! on a timeline is worse than none.

use std::sync::OnceLock;

use regex::Regex;

use crate::ingest::Block;
use crate::terms::{Date, MONTHS};

fn written_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let month = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
        Regex::new(&format!(
            r"(?-u:\b)(?:(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{month},?|{month}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?)\s+(\d{{4}})(?-u:\b)"
        ))
        .expect("date regex")
    })
}

fn numeric_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[/.](\d{1,2})[/.](\d{4}))(?-u:\b)")
            .expect("numeric date regex")
    })
}

fn month_number(name: &str) -> Option<u8> {
    let name = name.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(name)
                || name.len() >= 3 && m[..3].eq_ignore_ascii_case(&name[..3])
        })
        .map(|i| i as u8 + 1)
}

/// The full dates in `text` with their byte ranges, in order. A numeric date counts only when
/// it cannot be read two ways ("6/20/2003", "20.06.2003", not "09.01.2026").
pub fn find(text: &str) -> Vec<(usize, usize, Date)> {
    let mut out: Vec<(usize, usize, Date)> = Vec::new();
    // Every full date has a four-digit year; most sentences have none.
    let has_year = text
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    if !has_year {
        return out;
    }
    for c in written_re().captures_iter(text) {
        let whole = c.get(0).expect("match");
        let day = c.get(1).or(c.get(4)).and_then(|d| d.as_str().parse().ok());
        let month = c.get(2).or(c.get(3)).and_then(|m| month_number(m.as_str()));
        let year = c.get(5).and_then(|y| y.as_str().parse().ok());
        if let (Some(d), Some(m), Some(y)) = (day, month, year)
            && let Some(date) = Date::new(y, m, d)
        {
            out.push((whole.start(), whole.end(), date));
        }
    }
    for c in numeric_re().captures_iter(text) {
        let whole = c.get(0).expect("match");
        let num = |i: usize| c.get(i).and_then(|x| x.as_str().parse::<u16>().ok());
        let date = if let (Some(y), Some(m), Some(d)) = (num(1), num(2), num(3)) {
            Date::new(y, m as u8, d as u8)
        } else if let (Some(a), Some(b), Some(y)) = (num(4), num(5), num(6)) {
            match (a > 12, b > 12) {
                (true, false) => Date::new(y, b as u8, a as u8),
                (false, true) => Date::new(y, a as u8, b as u8),
                _ => None,
            }
        } else {
            None
        };
        if let Some(date) = date {
            out.push((whole.start(), whole.end(), date));
        }
    }
    out.sort_by_key(|d| d.0);
    out
}

/// The first full date in `text`.
pub fn first(text: &str) -> Option<Date> {
    find(text).first().map(|d| d.2)
}

/// The date a document gives itself: a full date in its first lines (a dateline, a date
/// line under the headline, "ABU DHABI, 11th November, 2024 (WAM)"), looked for in the
/// opening 200 characters of its first three blocks.
pub fn of_document(blocks: &[Block]) -> Option<Date> {
    blocks.iter().take(3).find_map(|b| {
        let head = &b.text[..crate::location::floor_char_boundary(&b.text, 200)];
        first(head)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Option<String> {
        first(text).map(|d| d.to_string())
    }

    #[test]
    fn written_and_numeric_dates() {
        assert_eq!(
            one("signed on 12 March 2025 in Lima").as_deref(),
            Some("2025-03-12")
        );
        assert_eq!(
            one("on March 3, 2024, officials").as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            one("ABU DHABI, 11th November, 2024 (WAM)").as_deref(),
            Some("2024-11-11")
        );
        assert_eq!(one("Tuesday, March 4, 2008").as_deref(), Some("2008-03-04"));
        assert_eq!(one("6/20/2003").as_deref(), Some("2003-06-20"));
        assert_eq!(one("published 2024-03-21").as_deref(), Some("2024-03-21"));
        assert_eq!(
            one("Brussels 09.01.2026"),
            None,
            "day and month can be read both ways"
        );
        assert_eq!(one("on Tuesday"), None);
        assert_eq!(one("Monday 4 March"), None, "no year");
    }
}

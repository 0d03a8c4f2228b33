//! The small vocabularies shared by every stage: agreement kinds, statuses and dates.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What sort of instrument an agreement is. Ordered from least to most specific, so that
/// merging mentions keeps the most specific kind (`max`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgreementKind {
    /// Talks or a meeting about cooperation.
    Other,
    /// A partnership.
    Partnership,
    /// A deal.
    Deal,
    /// An agreement.
    Agreement,
    /// A framework (agreement).
    Framework,
    /// A declaration.
    Declaration,
    /// An accord.
    Accord,
    /// A letter of intent.
    LetterOfIntent,
    /// A memorandum of understanding.
    Mou,
}

impl AgreementKind {
    /// All kinds, for messages and documentation.
    pub const ALL: [AgreementKind; 9] = [
        AgreementKind::Mou,
        AgreementKind::Agreement,
        AgreementKind::Deal,
        AgreementKind::Accord,
        AgreementKind::Declaration,
        AgreementKind::Partnership,
        AgreementKind::Framework,
        AgreementKind::LetterOfIntent,
        AgreementKind::Other,
    ];

    /// The contract's spelling (`mou`, `letter-of-intent` …).
    pub fn as_str(self) -> &'static str {
        match self {
            AgreementKind::Mou => "mou",
            AgreementKind::Agreement => "agreement",
            AgreementKind::Deal => "deal",
            AgreementKind::Accord => "accord",
            AgreementKind::Declaration => "declaration",
            AgreementKind::Partnership => "partnership",
            AgreementKind::Framework => "framework",
            AgreementKind::LetterOfIntent => "letter-of-intent",
            AgreementKind::Other => "other",
        }
    }

    /// How a reader sees it ("MoU", "Letter of intent").
    pub fn label(self) -> &'static str {
        match self {
            AgreementKind::Mou => "MoU",
            AgreementKind::Agreement => "Agreement",
            AgreementKind::Deal => "Deal",
            AgreementKind::Accord => "Accord",
            AgreementKind::Declaration => "Declaration",
            AgreementKind::Partnership => "Partnership",
            AgreementKind::Framework => "Framework",
            AgreementKind::LetterOfIntent => "Letter of intent",
            AgreementKind::Other => "Talks",
        }
    }

    /// The kind a phrase names, if any: "memorandum of understanding", "MoU", "framework
    /// agreement", "letter of intent", "accord" …; the most specific word in it wins.
    pub fn from_phrase(text: &str) -> Option<AgreementKind> {
        let t = text.to_lowercase();
        let has = |w: &str| {
            t.match_indices(w).any(|(i, _)| {
                let before = t[..i].chars().next_back();
                let after = t[i + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(|c| c.is_alphanumeric() && c != 's')
            })
        };
        [
            (
                AgreementKind::Mou,
                has("memorandum of understanding") || has("mou") || has("memorandum"),
            ),
            (AgreementKind::LetterOfIntent, has("letter of intent")),
            (AgreementKind::Accord, has("accord")),
            (AgreementKind::Declaration, has("declaration")),
            (AgreementKind::Framework, has("framework")),
            (
                AgreementKind::Agreement,
                has("agreement") || has("treaty") || has("pact"),
            ),
            (AgreementKind::Deal, has("deal")),
            (AgreementKind::Partnership, has("partnership")),
            (AgreementKind::Declaration, has("joint statement")),
            (AgreementKind::Agreement, has("protocol")),
            (AgreementKind::Other, has("roadmap") || has("road map")),
        ]
        .into_iter()
        .find_map(|(k, hit)| hit.then_some(k))
    }
}

impl FromStr for AgreementKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_lowercase().replace([' ', '_'], "-");
        AgreementKind::ALL
            .into_iter()
            .find(|k| {
                k.as_str() == norm
                    || (norm == "memorandum-of-understanding" && *k == AgreementKind::Mou)
            })
            .ok_or_else(|| {
                let all: Vec<_> = AgreementKind::ALL.iter().map(|k| k.as_str()).collect();
                format!(
                    "unknown agreement kind `{s}`; use one of {}",
                    all.join(", ")
                )
            })
    }
}

/// How far an agreement has got. Ordered by strength, so merging keeps `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AgreementStatus {
    /// Talked about, explored, proposed.
    Discussed,
    /// Announced for the future: will sign, aims to, to be signed.
    Planned,
    /// Signed, inked, concluded.
    Signed,
}

impl AgreementStatus {
    /// All statuses, strongest first.
    pub const ALL: [AgreementStatus; 3] = [
        AgreementStatus::Signed,
        AgreementStatus::Planned,
        AgreementStatus::Discussed,
    ];

    /// The contract's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            AgreementStatus::Signed => "signed",
            AgreementStatus::Planned => "planned",
            AgreementStatus::Discussed => "discussed",
        }
    }

    /// How a reader sees it.
    pub fn label(self) -> &'static str {
        match self {
            AgreementStatus::Signed => "Signed",
            AgreementStatus::Planned => "Planned",
            AgreementStatus::Discussed => "Discussed",
        }
    }
}

impl FromStr for AgreementStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "signed" => Ok(AgreementStatus::Signed),
            "planned" => Ok(AgreementStatus::Planned),
            "discussed" => Ok(AgreementStatus::Discussed),
            _ => Err(format!(
                "unknown agreement status `{s}`; use signed, planned or discussed"
            )),
        }
    }
}

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// What an agreement is about, and where a reader puts it beside the kind: before it when
/// the text names the instrument so ("free trade agreement"), else after it ("MoU on mineral
/// exploration and mining").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Topic {
    /// The subject, lowercase unless a name or acronym ("free trade", "CEPA").
    pub text: String,
    /// It is part of the instrument's own name and goes before the kind.
    pub leads: bool,
}

impl Topic {
    /// A subject that follows the kind: "on mineral exploration and mining".
    pub fn about(text: impl Into<String>) -> Topic {
        Topic {
            text: text.into(),
            leads: false,
        }
    }

    /// A subject that names the instrument: "free trade agreement".
    pub fn naming(text: impl Into<String>) -> Topic {
        Topic {
            text: text.into(),
            leads: true,
        }
    }
}

/// A calendar date (YYYY-MM-DD). Documents only ever need the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A checked date.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// "12 March 2025".
    pub fn display(&self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[usize::from(self.month) - 1],
            self.year
        )
    }

    /// The calendar day of a Unix timestamp (UTC).
    pub fn from_unix(seconds: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = seconds.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)).clamp(0, 9999) as u16;
        Date { year, month, day }
    }

    /// Days since 1970-01-01 (for feeds that need a timestamp).
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || format!("`{s}` is not a date; use YYYY-MM-DD");
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10
            || b[4] != b'-'
            || b[7] != b'-'
            || (b.len() > 10 && b[10] != b'T' && b[10] != b' ')
        {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u16>().ok());
        let (y, m, d) = (num(0..4), num(5..7), num(8..10));
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) => Date::new(y, m as u8, d as u8).ok_or_else(err),
            _ => Err(err()),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                v.parse().map_err(E::custom)
            }
            // TOML's native dates arrive as a one-entry map holding their text.
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
                let (_, text): (String, String) = map
                    .next_entry()?
                    .ok_or_else(|| serde::de::Error::custom("empty date"))?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_phrases_prefer_the_specific() {
        let k = |s| AgreementKind::from_phrase(s);
        assert_eq!(k("a memorandum of understanding"), Some(AgreementKind::Mou));
        assert_eq!(k("signed two MoUs"), Some(AgreementKind::Mou));
        assert_eq!(
            k("framework agreement on trade"),
            Some(AgreementKind::Framework)
        );
        assert_eq!(k("the accord"), Some(AgreementKind::Accord));
        assert_eq!(
            k("a strategic partnership"),
            Some(AgreementKind::Partnership)
        );
        assert_eq!(k("a dealer"), None);
    }

    #[test]
    fn dates_parse_and_reject() {
        assert_eq!(
            "2025-12-31".parse::<Date>().unwrap().to_string(),
            "2025-12-31"
        );
        assert!("yesterday".parse::<Date>().is_err());
        assert!("2025-02-30".parse::<Date>().is_err());
        assert_eq!("1970-01-02".parse::<Date>().unwrap().days_since_epoch(), 1);
        assert_eq!(Date::from_unix(1_735_689_600).to_string(), "2025-01-01");
        assert_eq!(Date::from_unix(951_782_400).to_string(), "2000-02-29");
        assert_eq!(
            "2025-03-12".parse::<Date>().unwrap().display(),
            "12 March 2025"
        );
    }

    #[test]
    fn kind_and_status_parse() {
        assert_eq!("MoU".parse::<AgreementKind>().unwrap(), AgreementKind::Mou);
        assert_eq!(
            "letter of intent".parse::<AgreementKind>().unwrap(),
            AgreementKind::LetterOfIntent
        );
        assert!("pact".parse::<AgreementKind>().is_err());
        assert_eq!(
            "Signed".parse::<AgreementStatus>().unwrap(),
            AgreementStatus::Signed
        );
    }
}

/// A count with its noun in the right number: "1 document", "3 documents", "2 countries".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        return format!("1 {noun}");
    }
    let plural = match noun.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'i', 'o', 'u']) => format!("{stem}ies"),
        _ => format!("{noun}s"),
    };
    format!("{n} {plural}")
}

#[cfg(test)]
mod count_tests {
    use super::count;

    #[test]
    fn singular_and_plural() {
        assert_eq!(count(1, "document"), "1 document");
        assert_eq!(count(0, "warning"), "0 warnings");
        assert_eq!(count(2, "country"), "2 countries");
        assert_eq!(count(3, "day"), "3 days");
    }
}

//! The document frame: which countries a document is about.
//!
//! News copy names who is acting once — in the headline, the dateline or the opening sentence —
//! and then only implies it: "the ministry", "the minister", "the Kingdom", "the two sides".
//! The frame ranks the countries the document is about so that later rules can resolve those
//! references: its first country is the story's subject, and its first two are the pair that
//! "the two countries" means when the text has not yet named an engagement.

use crate::gazetteer::{CountryCode, Mention};

/// Whether `text` opens with a month's name or its first three letters ("Dec 5", "March").
fn opens_with_month(text: &str) -> bool {
    crate::terms::MONTHS
        .iter()
        .any(|m| text.starts_with(&m[..3]))
}

/// Whether the mention at `start..end` of a block's text is part of its dateline: the
/// country of an all-capital city ("TALLINN, Estonia --"), a country in brackets after the
/// city that opens the text ("Abuja (Nigeria), Dec 5 (AP)") or a name in the agency credit
/// after it ("JEDDAH (UrduPoint / Pakistan Point News - 28th Mar, 2023) :").
pub fn in_dateline(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let after = text[end..].trim_start();
    if let Some(city) = before.strip_suffix(',')
        && all_capitals(city)
        && after.starts_with(['-', '–', '—', '(', ',', ':'])
    {
        return true;
    }
    // "Abuja (Nigeria), Dec 5 (AP) …": a city with its country in brackets opens the text.
    // Not "Presidents Martin Vizcarra (Peru), Ivan Duque (Colombia) … signed": a date or a
    // dash follows a dateline's brackets.
    let dated = |rest: &str| {
        let rest = rest.trim_start();
        rest.starts_with(['-', '–', '—', ':'])
            || rest.strip_prefix(',').is_some_and(|r| {
                let word = r.trim_start();
                word.starts_with(|c: char| c.is_ascii_digit()) || opens_with_month(word)
            })
    };
    if let Some(city) = before.strip_suffix('(').map(str::trim_end)
        && after.strip_prefix(')').is_some_and(dated)
        && !city.is_empty()
        && city.split_whitespace().count() <= 3
        && city
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return true;
    }
    // "Belgium, (Brussels Morning Newspaper) The EU signed …": a country opens the text with
    // the outlet's credit in brackets after it.
    if before.is_empty()
        && after
            .strip_prefix(',')
            .is_some_and(|rest| rest.trim_start().starts_with('('))
    {
        return true;
    }
    in_agency_credit(text, start)
}

/// The city a dateline opens a block with: "New Delhi, Sep 18:", "Abuja (Nigeria), Dec 5". One
/// to three capitalised words, perhaps a country in brackets, then a comma and a month. A name
/// that opens a paragraph ("John Mahama (Ghana) said") is no dateline: no month follows it.
pub fn dateline_place(text: &str) -> Option<&str> {
    let end = text.find([',', '('])?;
    let place = text[..end].trim_end();
    let words = place.split_whitespace().count();
    let capitalised = place
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !(1..=3).contains(&words) || !capitalised {
        return None;
    }
    let mut rest = &text[end..];
    if rest.starts_with('(') {
        rest = &rest[rest.find(')')? + 1..];
    }
    let after = rest.strip_prefix(',')?.trim_start();
    opens_with_month(after).then_some(place)
}

/// The country of the city a dateline opens the lead with: "AMMAN — His Majesty …",
/// "Jeddah: The Cabinet …", "Dhaka, 5 April 2024 -". A country named as the dateline
/// ("KUWAIT: Kuwait's government …") is its own. Not "Washington, however, said": after a
/// comma, a city in mixed case needs a date or a place.
pub fn dateline_country(text: &str, mentions: &[Mention]) -> Option<CountryCode> {
    let end = text
        .char_indices()
        .take_while(|(i, _)| *i < 40)
        .find(|(_, c)| matches!(c, ',' | ':' | '—' | '–' | '-' | '('))
        .map(|(i, _)| i)?;
    let place = text[..end].trim_end();
    let words = place.split_whitespace().count();
    if !(1..=3).contains(&words)
        || !place
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    // "Port-au-Prince", "Guinea-Bissau": a hyphen inside a name is no dateline's end.
    if text[end..].starts_with('-') && !text[..end].ends_with(' ') {
        return None;
    }
    if text[end..].starts_with(',') && !all_capitals(place) {
        let after = text[end + 1..].trim_start();
        if !(after.starts_with(|c: char| c.is_ascii_digit()) || opens_with_month(after)) {
            return None;
        }
    }
    crate::cities::country_of(place).or_else(|| {
        mentions
            .iter()
            .find(|m| m.start == 0 && m.end == place.len())
            .map(|m| m.code)
    })
}

/// Whether byte `start` lies in the parentheses of an agency credit after an all-capital
/// city: "JEDDAH (UrduPoint / Pakistan Point News)". A country there names an outlet.
pub fn in_agency_credit(text: &str, start: usize) -> bool {
    // A credit opens the text: only its first line is looked at.
    if start >= 120 {
        return false;
    }
    let before = text[..start].trim_end();
    before.find('(').is_some_and(|open| {
        all_capitals(before[..open].trim_end().trim_end_matches(','))
            && !before[open..].contains(')')
    })
}

/// A short run of capitals, as a dateline's city: "JEDDAH", "ADDIS ABABA".
fn all_capitals(s: &str) -> bool {
    s.len() < 40
        && s.chars().any(char::is_alphabetic)
        && s.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// Which mentions are the object of a meeting or a visit rather than its subject: after
/// "with", "to", "from", "in" …, or listed after one that is ("talks with Turkey, Spain").
fn objects(text: &str, mentions: &[Mention]) -> Vec<bool> {
    const OBJECT: &[&str] = &[
        "with", "to", "from", "against", "in", "into", "at", "visit", "visits", "visiting",
    ];
    let mut out: Vec<bool> = Vec::with_capacity(mentions.len());
    for (k, m) in mentions.iter().enumerate() {
        let mut words = text[..m.start]
            .split_whitespace()
            .rev()
            .filter(|w| !matches!(*w, "the" | "The") && !is_compass(w));
        let mut before = words.next().unwrap_or("");
        // "in Qingdao, east China": the country of a place that is itself an object.
        if before.len() > 1 && before.ends_with(',') && before.starts_with(char::is_uppercase) {
            before = words.next().unwrap_or("");
        }
        // "ties with close neighbours Indonesia": a description between "with" and the name.
        let described: Vec<&str> = text[..m.start].split_whitespace().rev().take(3).collect();
        if let Some(at) = described.iter().position(|w| *w == "with") {
            // Not "with his Pakistani counterpart": the country of the one met is theirs.
            let described_only = described[..at].iter().all(|w| {
                w.starts_with(char::is_lowercase)
                    && !matches!(*w, "his" | "her" | "their" | "its" | "a" | "an" | "our")
            });
            if at > 0 && described_only {
                before = "with";
            }
        }
        // "with the United States (US)": a short form in brackets is the name before it.
        let listed = k > 0 && {
            let between = text.get(mentions[k - 1].end..m.start).unwrap_or("").trim();
            matches!(between, "," | "and" | ", and" | "&" | "(")
        };
        out.push(OBJECT.contains(&before.to_lowercase().as_str()) || listed && out[k - 1]);
    }
    out
}

/// A compass word before a country: "east China", "northern Iraq".
pub(crate) fn is_compass(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "east"
            | "west"
            | "north"
            | "south"
            | "eastern"
            | "western"
            | "northern"
            | "southern"
            | "central"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
    )
}

/// The mentions at both ends of a route, "from A to B".
fn route_ends(text: &str, mentions: &[Mention]) -> Vec<usize> {
    let mut ends = Vec::new();
    for (k, pair) in mentions.windows(2).enumerate() {
        let from = text[..pair[0].start].split_whitespace().next_back() == Some("from");
        let to = text.get(pair[0].end..pair[1].start).map(str::trim) == Some("to");
        if from && to && pair[0].code != pair[1].code {
            ends.extend([k, k + 1]);
        }
    }
    ends
}

/// How much a mention in each place says about what the document is about.
const IN_TITLE: usize = 6;
const TITLE_FIRST: usize = 3;

const IN_LEAD: usize = 4;
const ELSEWHERE: usize = 1;

/// The countries a document is about, most central first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frame {
    /// Countries by weight (title and opening sentence count most), then first mention.
    subjects: Vec<(CountryCode, usize)>,
    /// A bloc the headline names as an actor ("GCC to pursue free trade agreements", "Russia
    /// and SADC agree to sign memoranda"), with the one country it names, if any.
    organisation: Option<(String, Option<CountryCode>)>,
    /// The headline names a country as its subject, not only as one met or visited.
    titled: bool,
    /// Runs of three or more countries listed together ("the Solomon Islands, Kiribati,
    /// Samoa and Fiji"), each sorted: what "10 Pacific island nations" may stand for.
    lists: Vec<Vec<CountryCode>>,
    /// The headline or the lead names a country as the one acting, not only ones it meets.
    acting: bool,
    /// The headline's actor and the one country it deals with: "Niger's junta revokes
    /// military deal with US".
    headline_pair: Option<[CountryCode; 2]>,
}

impl Frame {
    /// The frame of a document from the country mentions of its title and of its blocks (the
    /// first block that is not a heading being its lead).
    pub fn new(
        title: (&str, &[Mention]),
        blocks: &[(&str, Vec<Mention>)],
        lead_block: Option<usize>,
    ) -> Frame {
        let (title_text, title) = title;
        let mut weights: Vec<(CountryCode, usize, usize)> = Vec::new();
        let mut add = |code: CountryCode, w: usize, order: usize| match weights
            .iter_mut()
            .find(|(c, _, _)| *c == code)
        {
            Some(e) => e.1 += w,
            None => weights.push((code, w, order)),
        };
        let mut order = 0;
        let title_objects = objects(title_text, title);
        for (k, m) in title.iter().enumerate() {
            // The headline's first country is usually its subject: "Uzbekistan and the U.S.
            // formalize …", "Saudi Arabia signs mining deals with 6 countries"; one it meets
            // or signs with is not ("PM holds bilateral talks with Turkey, Spain").
            let w = if title_objects[k] {
                ELSEWHERE
            } else if k == 0 {
                IN_TITLE + TITLE_FIRST
            } else {
                IN_TITLE
            };
            add(m.code, w, order);
            order += 1;
        }
        let mut lists = Vec::new();
        let mut lead_acting = false;
        for (i, (text, mentions)) in blocks.iter().enumerate() {
            lists.extend(listed_runs(text, mentions));
            let lead = Some(i) == lead_block;
            let mut objects = objects(text, mentions);
            // "Presidents X and Y signed … the pipeline from Uganda to Tanzania" under a
            // headline that names no country: the route's two ends are the story's countries.
            if lead && title.is_empty() {
                for k in route_ends(text, mentions) {
                    objects[k] = false;
                }
            }
            lead_acting |= lead && objects.iter().any(|object| !object);
            for (m, object) in mentions.iter().zip(objects) {
                let w = if lead && !object { IN_LEAD } else { ELSEWHERE };
                add(m.code, w, order);
                order += 1;
            }
        }
        weights.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let headline_pair = match (title, title_objects.as_slice()) {
            ([a, b], [false, true]) if a.code != b.code => Some([a.code, b.code]),
            _ => None,
        };
        let titled = title_objects.iter().any(|object| !object);
        Frame {
            subjects: weights.into_iter().map(|(c, w, _)| (c, w)).collect(),
            organisation: None,
            titled,
            lists,
            acting: lead_acting || titled,
            headline_pair,
        }
    }

    /// The one list of exactly `n` countries the document gives, if there is one.
    pub fn list_of(&self, n: usize) -> Option<&[CountryCode]> {
        let mut found = self.lists.iter().filter(|l| l.len() == n);
        match (found.next(), found.next()) {
            (Some(l), None) => Some(l),
            _ => None,
        }
    }

    /// The one list of three or more countries the document gives, if it gives only one (the
    /// same list named twice counts once): what "those nations" point back to.
    pub fn only_list(&self) -> Option<&[CountryCode]> {
        let first = self.lists.first()?;
        self.lists
            .iter()
            .all(|l| l == first)
            .then_some(first.as_slice())
    }

    /// The frame with the bloc the headline names as an actor: on its own, or beside the
    /// headline's only country.
    pub fn with_organisation(mut self, organisation: Option<String>, title: &[Mention]) -> Frame {
        let mut codes: Vec<CountryCode> = title.iter().map(|m| m.code).collect();
        codes.dedup();
        self.organisation = match (organisation, codes.as_slice()) {
            (Some(org), []) => Some((org, None)),
            (Some(org), [c]) => Some((org, Some(*c))),
            _ => None,
        };
        self
    }

    /// The frame with the dateline's country weighed as a headline's, when the headline
    /// names no subject of its own: where a story is filed is most often whose story it is
    /// ("King receives letters from Saudi, Malaysian monarchs" under "AMMAN — His Majesty
    /// King Abdullah received …"). Only a country the document names: the dateline alone
    /// adds none.
    pub fn with_dateline(mut self, code: Option<CountryCode>) -> Frame {
        if self.titled {
            return self;
        }
        let top = self.subjects.first().map_or(0, |s| s.1);
        if let Some(entry) = self.subjects.iter_mut().find(|(c, _)| Some(*c) == code) {
            entry.1 += IN_TITLE;
            // "MANILA — President X seeks ties with close neighbours Indonesia and Singapore":
            // when neither the headline nor the lead names who acts, the dateline does.
            if !self.acting {
                entry.1 = entry.1.max(top + 1);
            }
            self.subjects.sort_by_key(|s| std::cmp::Reverse(s.1));
        }
        self
    }

    /// The bloc the headline names as an actor, and the country beside it, if any.
    pub fn organisation(&self) -> Option<(&str, Option<CountryCode>)> {
        self.organisation.as_ref().map(|(o, c)| (o.as_str(), *c))
    }

    /// The country the story is about, if it names any.
    pub fn primary(&self) -> Option<CountryCode> {
        self.subjects.first().map(|s| s.0)
    }

    /// The two countries the story is about, when a second one is nearly as central as the
    /// first: named in the title or the lead, not only in passing.
    pub fn pair(&self) -> Option<[CountryCode; 2]> {
        match self.subjects.as_slice() {
            [a, b, ..] if b.1 >= IN_LEAD => Some([a.0, b.0]),
            [a, ..] => self.headline_pair.filter(|p| p[0] == a.0),
            _ => None,
        }
    }

    /// The one country the headline has `code` deal with: the US for Niger under "Niger's
    /// junta revokes military deal with US".
    pub fn headline_partner_of(&self, code: CountryCode) -> Option<CountryCode> {
        self.headline_pair.filter(|p| p[0] == code).map(|p| p[1])
    }

    /// The partner of `code` in the frame's pair, if `code` is one of the pair.
    pub fn partner_of(&self, code: CountryCode) -> Option<CountryCode> {
        let [a, b] = self.pair()?;
        if a == code {
            Some(b)
        } else if b == code {
            Some(a)
        } else {
            None
        }
    }

    /// The most central country other than `code`, if it is more than a passing mention.
    pub fn other_than(&self, code: CountryCode) -> Option<CountryCode> {
        self.subjects
            .iter()
            .find(|(c, w)| *c != code && *w >= 2)
            .map(|s| s.0)
    }

    /// Every country the document names, most central first.
    pub fn countries(&self) -> impl Iterator<Item = CountryCode> + '_ {
        self.subjects.iter().map(|s| s.0)
    }

    /// The countries named in the title or the lead as subjects, sorted: the group "the
    /// three countries" means in a story about three.
    pub fn central(&self) -> Vec<CountryCode> {
        let mut codes: Vec<CountryCode> = self
            .subjects
            .iter()
            .filter(|(_, w)| *w >= IN_LEAD)
            .map(|s| s.0)
            .collect();
        codes.sort();
        codes
    }

    /// Whether `code` is among the countries the story is centrally about (title or lead).
    pub fn is_subject(&self, code: CountryCode) -> bool {
        self.subjects
            .iter()
            .any(|(c, w)| *c == code && *w >= IN_LEAD)
    }
}

/// The runs of three or more distinct countries a block lists, joined only by commas, "and"
/// and "the".
fn listed_runs(text: &str, mentions: &[Mention]) -> Vec<Vec<CountryCode>> {
    let joined = |a: &Mention, b: &Mention| {
        text.get(a.end..b.start).is_some_and(|gap| {
            gap.split(|c: char| c == ',' || c.is_whitespace())
                .all(|w| w.is_empty() || matches!(w, "and" | "the" | "The"))
        })
    };
    let mut runs: Vec<Vec<CountryCode>> = Vec::new();
    let mut run: Vec<CountryCode> = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        if k > 0 && !joined(&mentions[k - 1], m) {
            runs.push(std::mem::take(&mut run));
        }
        if !run.contains(&m.code) {
            run.push(m.code);
        }
    }
    runs.push(run);
    runs.into_iter()
        .filter(|r| r.len() >= 3)
        .map(|mut r| {
            r.sort();
            r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    fn frame(title: &str, blocks: &[&str]) -> Frame {
        let g = Gazetteer::global();
        let t = g.find(title).mentions;
        let b: Vec<(&str, Vec<Mention>)> =
            blocks.iter().map(|b| (*b, g.find(b).mentions)).collect();
        Frame::new((title, &t), &b, Some(0))
    }

    #[test]
    fn a_dateline_names_its_city_and_a_person_is_no_dateline() {
        assert_eq!(
            dateline_place("New Delhi, Sep 18: India said"),
            Some("New Delhi")
        );
        assert_eq!(
            dateline_place("Abuja (Nigeria), Dec 5 (AP) — talks"),
            Some("Abuja")
        );
        assert_eq!(
            dateline_place("John Mahama (Ghana) said it would help."),
            None
        );
        assert_eq!(dateline_place("Giorgia Meloni: a step forward"), None);
        assert_eq!(dateline_place("Kenya, Uganda and Tanzania signed."), None);
        let credit = "Belgium, (Brussels Morning) The EU signed";
        assert!(in_dateline(credit, 0, 7));
        assert!(!in_dateline("Kenya, Uganda and Tanzania signed.", 0, 5));
        assert!(in_dateline("Abuja (Nigeria), Dec 5 (AP) — talks", 7, 14));
        let listed = "Presidents Jose Rivas (Peru), Ana Soto (Chile) signed.";
        assert!(!in_dateline(listed, 22, 26));
    }

    #[test]
    fn the_headline_and_lead_outweigh_passing_mentions() {
        let f = frame(
            "Saudi Arabia signs mining deals",
            &[
                "RIYADH The Ministry signed agreements.",
                "China, China and China were mentioned later. So was Jordan.",
            ],
        );
        assert_eq!(f.primary().map(|c| c.to_string()), Some("SA".into()));
        assert_eq!(f.pair(), None, "China is only mentioned in passing");
        let f = frame(
            "United States and Mexico renew agreement",
            &["The two countries signed an MoU.", "Mexico said so."],
        );
        let mut pair = f.pair().unwrap().map(|c| c.to_string());
        pair.sort();
        assert_eq!(pair, ["MX", "US"]);
        let mx = Gazetteer::global().lookup("MX").unwrap();
        assert_eq!(f.partner_of(mx).map(|c| c.to_string()), Some("US".into()));
    }

    #[test]
    fn the_country_of_a_venue_is_no_subject() {
        let f = frame(
            "Ministers hold talks in Qingdao",
            &[
                "The minister held talks with his Pakistani counterpart in Qingdao, east China, on Monday.",
                "The two are in China for a forum.",
            ],
        );
        assert_eq!(f.primary().map(|c| c.to_string()), Some("PK".into()));
        assert_eq!(f.pair(), None, "China is only the venue");
    }
}

//! Parties: which countries and organisations named in a clause take part in the engagement
//! it reports, and which are only context (a company's origin, a comparison, a mediator).

use std::sync::OnceLock;

use regex::Regex;

use super::clause::{Sentence, first_mention, pronoun_at};
use super::cues::Cue;
use super::words::{CONTEXT_PREPOSITIONS, ENGAGE_WORDS, GOVERNMENT_NOUNS, ORGANISATIONS};
use crate::extract::Person;
use crate::extract::lexicon::COMPANY_NOUNS;
use crate::extract::tokens::Token;
use crate::gazetteer::{CountryCode, Mention, MentionKind};

pub(super) fn org_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let alts: Vec<String> = ORGANISATIONS
            .iter()
            .map(|(n, _)| regex::escape(n))
            .collect();
        Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", alts.join("|"))).expect("organisation regex")
    })
}

/// The parties of the engagement one clause reports, and what else it says about them.
#[derive(Debug, Default, Clone)]
pub(super) struct Parties {
    /// Countries taking part, sorted.
    pub codes: Vec<CountryCode>,
    /// Organisations taking part ("EU"), sorted.
    pub organisations: Vec<String>,
    /// Countries named in the clause that are not parties, with the reason.
    pub bystanders: Vec<(CountryCode, &'static str)>,
    /// Parties named before the clause's "with" (who acts) …
    pub hosts: Vec<CountryCode>,
    /// … and after it (with whom), in the order named.
    pub partners: Vec<CountryCode>,
    /// Countries taking part, in the order the clause names them.
    pub named: Vec<CountryCode>,
    /// The partners of each engaged "with" in turn: "signed an MoU with Laos and a plan
    /// with Cambodia" has two.
    pub with_groups: Vec<Vec<Side>>,
    /// Someone acts whose country the clause does not name: "the ministry", "the minister",
    /// an official of no stated country, "we".
    pub implicit_agent: bool,
    /// A company acts: "Australian miner BHP signed a supply deal with Chile".
    pub company: bool,
    /// The verb is passive: "agreements were signed with A and B".
    pub passive: bool,
    /// An engaged "with" names the counterpart slot, even when no country fills it: "signed
    /// similar accords with a string of Asian partners".
    pub engaged_with: bool,
    /// "Between" names a country and a side that is neither a country nor a bloc ("a pact
    /// signed between Mali and a private contractor"): the sides are named, and no earlier
    /// engagement supplies a second one.
    pub other_side: bool,
}

/// One party of an engagement: a country or an organisation such as the EU.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Side {
    /// A country.
    Country(CountryCode),
    /// An organisation, by its short name ("EU").
    Organisation(String),
}

/// Why a country named as a company's origin is no party ("Australian miner BHP").
const COMPANY_ORIGIN: &str = "names a company's origin";

/// Whether a country mention names a party or only context, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Party,
    /// Named after "between": the sides of the engagement, to the exclusion of others.
    Between,
    /// The subject of a relative clause that signs: "Sri Lanka, which signed … with Japan".
    Relative,
    Bystander(&'static str),
}

/// A few word tokens before byte `at`, nearest first, articles skipped.
fn words_before(s: &Sentence<'_>, at: usize, n: usize) -> Vec<String> {
    let i = s.tokens.partition_point(|t| t.start < at);
    s.tokens[..i]
        .iter()
        .rev()
        .take_while(|t| t.word || matches!(t.text, "-" | "–"))
        .filter(|t| t.word)
        .map(|t| t.lower().to_string())
        .filter(|w| !matches!(w.as_str(), "the" | "a" | "an"))
        .take(n)
        .collect()
}

/// The word tokens after byte `at`, up to `n`, stopping at punctuation.
fn words_after<'t>(s: &'t Sentence<'_>, at: usize, n: usize) -> Vec<&'t Token<'t>> {
    let i = s.tokens.partition_point(|t| t.start < at);
    s.tokens[i..]
        .iter()
        .take_while(|t| t.word || matches!(t.text, "-" | "–" | "/" | "&"))
        .filter(|t| t.word)
        .take(n)
        .collect()
}

/// Whether the text between two mentions only joins them into one list: ", ", " and ",
/// ", and the ", " as well as ".
/// A country after a bare comma that a verb follows: the subject of a new clause, not the
/// next item of a list.
fn opens_clause(s: &Sentence<'_>, between: &str, end: usize) -> bool {
    let conjunction = between
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w.to_ascii_lowercase().as_str(), "and" | "or"));
    if conjunction || !between.contains(',') {
        return false;
    }
    words_after(s, end, 1).first().is_some_and(|t| {
        !t.is_capitalised()
            && !CONTEXT_PREPOSITIONS.contains(t.lower())
            && !matches!(
                t.lower(),
                "and" | "or" | "as" | "of" | "with" | "by" | "during"
            )
    })
}

fn joins_list(between: &str) -> bool {
    between
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "and" | "or" | "the" | "as" | "well" | "also" | "both"
            )
        })
        && between.len() < 20
}

/// "…, with New Zealand offering technical support": a country after a comma and "with" that
/// is the subject of an "-ing" verb is an aside, not a counterpart. `at` is where the country
/// starts (or the "with" clause's object may start).
fn absolute_with(s: &Sentence<'_>, at: usize) -> bool {
    let Some(m) = s.countries.iter().find(|m| m.start >= at) else {
        return false;
    };
    // ", with X offering": set off by a comma; "signed with Cambodia establishing a legal
    // basis" names the partner.
    let with_start = s.lower[..at]
        .trim_end()
        .strip_suffix("with")
        .map(str::trim_end);
    let set_off = with_start.is_some_and(|b| b.ends_with(','));
    let next = s.lower[m.end..].split_whitespace().next().unwrap_or("");
    set_off && m.start <= at + 4 && next.len() > 5 && next.ends_with("ing")
}

/// Whether the words after "United Nations" make it one of its agencies: "Children's Fund",
/// "Development Programme", "Office …".
fn un_agency(after: &str) -> bool {
    let rest = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    rest.strip_prefix(' ')
        .and_then(|r| r.split_whitespace().next())
        .is_some_and(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && !w.starts_with("Secretary")
        })
}

/// A list separator: "and", or a comma.
fn joins_list_or_comma(between: &str) -> bool {
    between.trim() == "," || joins_list(between)
}

/// "TALLINN, Estonia --", "JEDDAH (UrduPoint / Pakistan Point News)": where and by whom
/// the story was filed.
fn in_dateline(s: &Sentence<'_>, m: &Mention) -> bool {
    crate::extract::frame::in_dateline(s.text, m.start, m.end)
}

/// Whether a person's name ends right before a country's "of": "Albert Shingiro of Burundi".
fn person_before(s: &Sentence<'_>, at: usize, named: &[usize]) -> bool {
    let i = s.tokens.partition_point(|t| t.start < at);
    let words: Vec<&Token<'_>> = s.tokens[..i]
        .iter()
        .rev()
        .filter(|t| t.word)
        .skip_while(|t| t.lower() == "the")
        .skip(1)
        .take(4)
        .collect();
    words.first().is_some_and(|t| t.is_capitalised())
        && words.iter().any(|t| named.contains(&t.start))
}

/// Whether the capitalised word right before a country's "of" names an organisation: "the
/// Export-Import Bank of India", "the University of Ghana".
fn organisation_before(s: &Sentence<'_>, at: usize) -> bool {
    let i = s.tokens.partition_point(|t| t.start < at);
    s.tokens[..i]
        .iter()
        .rev()
        .filter(|t| t.word)
        .find(|t| !matches!(t.lower(), "the" | "of"))
        .is_some_and(|t| {
            t.is_capitalised()
                && crate::extract::lexicon::ORGANISATION_WORDS.contains(t.lower())
                && !GOVERNMENT_NOUNS.contains(t.lower())
        })
}

/// Whether the words just before a country's "of" or "from" name a government body or its
/// people: "the Ministry of the Economy, Finance and Industry of France", "delegations from".
fn government_before(s: &Sentence<'_>, at: usize) -> bool {
    use crate::extract::lexicon::PORTFOLIO_WORDS;
    let i = s.tokens.partition_point(|t| t.start < at);
    let government = |w: &str| {
        GOVERNMENT_NOUNS.contains(w)
            || GOVERNMENT_NOUNS.contains(w.trim_end_matches('s'))
            || matches!(
                w,
                "republic" | "kingdom" | "governments" | "countries" | "nations"
            )
    };
    // Back over the words of one title, written in capitals ("Ministry of the Economy,
    // Finance and Industry") or in lowercase ("the minister of energy and natural
    // resources"), stopping at any other word ("the reform of", "… Congo and the reform of").
    let mut words = s.tokens[..i]
        .iter()
        .rev()
        .filter(|t| t.word)
        .skip_while(|t| matches!(t.lower(), "the" | "a" | "an"))
        .skip(1)
        .peekable();
    let capitals = words.peek().is_some_and(|t| t.is_capitalised());
    words
        .take(12)
        .take_while(|t| {
            let w = t.lower();
            matches!(w, "of" | "the" | "and" | "for" | "responsible")
                || if capitals {
                    t.is_capitalised()
                } else {
                    !t.is_capitalised() && (PORTFOLIO_WORDS.contains(w) || government(w))
                }
        })
        .any(|t| government(t.lower()))
}

/// Whether an agreement noun follows a few words after byte `at`: "joint crossings with
/// Kosovo under an agreement signed in 2018".
fn engaged_after(s: &Sentence<'_>, at: usize) -> bool {
    let i = s.tokens.partition_point(|t| t.start < at);
    s.tokens[i..]
        .iter()
        .filter(|t| t.word)
        .skip(1)
        .take(5)
        .any(|t| {
            let w = t.lower();
            w.starts_with("agreement")
                || matches!(
                    w,
                    "deal" | "accord" | "pact" | "treaty" | "mou" | "memorandum"
                )
        })
}

/// Whether a plural government noun opens the title before byte `at`: "the Ministers of
/// Environmental Affairs for Brazil, Russia …", not "Special Representative … for Iraq".
fn plural_government_before(s: &Sentence<'_>, at: usize) -> bool {
    let i = s.tokens.partition_point(|t| t.start < at);
    s.tokens[..i]
        .iter()
        .rev()
        .filter(|t| t.word)
        .take(8)
        .any(|t| {
            let w = t.lower();
            w.ends_with('s') && GOVERNMENT_NOUNS.contains(w)
        })
}

/// Whether some word within a few words before byte `at` engages ("signed … with").
fn engaged_before(s: &Sentence<'_>, at: usize) -> bool {
    let i = s.tokens.partition_point(|t| t.start < at);
    s.tokens[..i]
        .iter()
        .rev()
        .filter(|t| t.word)
        .skip_while(|t| t.lower() == "with" || matches!(t.lower(), "the" | "a" | "an"))
        .take(10)
        .take_while(|t| t.lower() != "with")
        .any(|t| {
            let w = t.lower();
            ENGAGE_WORDS.contains(w) || w.starts_with("negotiat") || w.starts_with("agreement")
        })
}

/// Nouns of a conflict: "hostilities between A and B" does not make A and B parties.
const CONFLICT_NOUNS: &[&str] = &[
    "hostilities",
    "tensions",
    "tension",
    "dispute",
    "disputes",
    "conflict",
    "war",
    "clashes",
    "fighting",
    "rivalry",
];

/// Whether a demonym or possessive at `m` describes a government or its engagement ("the
/// Brazilian side", "Türkiye's partnerships") rather than a thing ("Chinese carmakers",
/// "Serbia's lithium").
fn qualifies_government(s: &Sentence<'_>, m: &Mention, named: &[usize]) -> bool {
    let next = words_after(s, m.end, 5);
    for t in next.iter().take_while(|t| {
        !matches!(
            t.lower(),
            "with"
                | "to"
                | "in"
                | "on"
                | "at"
                | "for"
                | "from"
                | "by"
                | "that"
                | "which"
                | "who"
                | "is"
                | "was"
                | "are"
                | "were"
                | "has"
                | "have"
                | "will"
                | "said"
                | "says"
        )
    }) {
        let w = t.lower();
        if GOVERNMENT_NOUNS.contains(w) || ENGAGE_WORDS.contains(w) || named.contains(&t.start) {
            return true;
        }
    }
    // "Kazakhstan's Tokayev", "China's Xi": a name right after the possessive.
    next.first().is_some_and(|t| {
        t.is_capitalised()
            && (named.contains(&t.start)
                || !crate::extract::lexicon::ORGANISATION_WORDS.contains(t.lower()))
    })
}

/// The role of each country mention of a clause, in order.
fn roles(s: &Sentence<'_>, with_at: Option<usize>) -> Vec<Role> {
    let named: Vec<usize> = s.named.iter().map(|n| n.0).collect();
    let mut out: Vec<Role> = Vec::with_capacity(s.countries.len());
    for (k, m) in s.countries.iter().enumerate() {
        // One list shares one role: "with Latvia and Estonia", "in Kenya, Uganda and Chad" —
        // but not a clause's subject after a comma ("Aside from the Philippines, the US
        // signed …").
        if k > 0 {
            let prev = &s.countries[k - 1];
            if prev.end <= m.start
                && joins_list(&s.text[prev.end..m.start])
                && !opens_clause(s, &s.text[prev.end..m.start], m.end)
            {
                out.push(out[k - 1]);
                continue;
            }
        }
        out.push(role(s, k, with_at, &named));
    }
    out
}

fn role(s: &Sentence<'_>, k: usize, with_at: Option<usize>, named: &[usize]) -> Role {
    let m = &s.countries[k];
    let rest = &s.text[m.end..];
    // "Sri Lanka, which signed a fisheries agreement with Japan": the subject of the clause
    // that follows, whatever the preposition before it.
    let relative = rest
        .strip_prefix(',')
        .unwrap_or(rest)
        .trim_start()
        .strip_prefix("which ")
        .is_some_and(|r| {
            r.split_whitespace().take(3).any(|w| {
                matches!(
                    w,
                    "signed" | "inked" | "concluded" | "has" | "had" | "agreed" | "sealed"
                )
            })
        });
    if relative {
        return Role::Relative;
    }
    // "the Niger–Germany accord", "US-UK Technology Safeguards Agreement" — but not
    // "Russian-language news sites".
    let joined = |a: usize, b: usize| {
        s.text
            .get(a.min(b)..a.max(b))
            .is_some_and(|between| matches!(between.trim(), "-" | "–" | "/"))
    };
    // Mentions are in text order, so only the neighbours can be joined to this one; looking
    // further would make a sentence listing thousands of countries quadratic.
    let compound = s.countries[k.saturating_sub(2)..(k + 3).min(s.countries.len())]
        .iter()
        .any(|o| o.start != m.start && (joined(m.end, o.start) || joined(o.end, m.start)));
    if compound {
        return Role::Party;
    }
    if names_a_company(s, m) {
        return Role::Bystander(COMPANY_ORIGIN);
    }
    if in_dateline(s, m) {
        return Role::Bystander("names where the story was filed");
    }
    if after_a_place(s, m.start) {
        return Role::Bystander("the country of a place named before it");
    }
    let before = words_before(s, m.start, 4);
    // "formerly New Zealand's Chief Negotiator": a post held before.
    if before
        .iter()
        .take(2)
        .any(|w| matches!(w.as_str(), "former" | "formerly" | "previously" | "ex"))
    {
        return Role::Bystander("a former post, not a party");
    }
    let possessive = rest.starts_with("'s") || rest.starts_with("’s");
    // "on behalf of Fiji", "signed the memorandum for the United States".
    if before.get(..2) == Some(&["of".to_string(), "behalf".to_string()])
        || before.first().is_some_and(|w| w == "for")
            && before.iter().skip(1).any(|w| w.starts_with("sign"))
    {
        return Role::Party;
    }
    // "the consultation meeting among the Egyptian and Sudanese ministers": the sides.
    if before
        .iter()
        .take(2)
        .any(|w| w == "among" || w == "amongst")
        && s.cues.starts(Cue::Meeting).any(|i| i < m.start)
    {
        return Role::Between;
    }
    match before.first().map(String::as_str) {
        // "frameworks with 10 other countries, including Argentina, …": the partners.
        Some("including") if elaborates_with(s, m.start) => return Role::Party,
        Some("with") => {
            return if absolute_with(s, m.start) {
                Role::Bystander("an aside (\"with X offering support\"), not a party")
            } else if engaged_before(s, m.start) || engaged_after(s, m.start) {
                Role::Party
            } else {
                Role::Bystander("follows \"with\" but not an engagement")
            };
        }
        // "Since territorial hostilities between China and the Philippines surged": a conflict
        // between them is context, unless the instrument ends it ("a deal to end the war
        // between A and B").
        Some("between") => {
            let conflict = before
                .get(1)
                .is_some_and(|w| CONFLICT_NOUNS.contains(&w.as_str()));
            let ends = before.iter().skip(2).any(|w| {
                matches!(
                    w.as_str(),
                    "end" | "ending" | "ended" | "resolve" | "resolving" | "settle" | "to"
                )
            });
            return if conflict && !ends {
                Role::Bystander("named in a conflict between them, not as parties")
            } else {
                Role::Between
            };
        }
        // "signed by Jordan's minister", but "a visit by German Chancellor Scholz".
        Some("by") => {
            return if before.get(1).is_some_and(|w| {
                matches!(w.as_str(), "visit" | "hosted" | "attended" | "witnessed")
            }) {
                Role::Bystander("a visitor or witness, not a party")
            } else {
                Role::Party
            };
        }
        // "the Export-Import Bank of India": a country in an organisation's name.
        Some("of") if organisation_before(s, m.start) => {
            return Role::Bystander("part of an organisation's name");
        }
        // "met with Albert Shingiro of Burundi": a person's country.
        Some("of") if person_before(s, m.start, named) => return Role::Party,
        // "the Government of Mexico", "the Ministry of Finance of Austria", "the minister of
        // mines from Zambia", "the Ministers of Environment for Brazil and Russia",
        // "representatives from France"; but "the future of Ukraine", "imports from China".
        Some("for") if government_before(s, m.start) && plural_government_before(s, m.start) => {
            return Role::Party;
        }
        Some("of" | "from") => {
            return if government_before(s, m.start) {
                Role::Party
            } else if before[0] == "of" {
                Role::Bystander("a subject or place, not a party")
            } else {
                Role::Bystander("an origin, not a party")
            };
        }
        Some("to")
            if before.get(1).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "visit" | "trip" | "travel" | "travels" | "travelled" | "traveled" | "mission"
                )
            }) =>
        {
            return Role::Party;
        }
        Some(w) if CONTEXT_PREPOSITIONS.contains(w) => {
            return Role::Bystander("a place, origin or subject, not a party");
        }
        // "in the eastern Democratic Republic of the Congo", "to neighbouring Chad".
        Some(w)
            if before
                .get(1)
                .is_some_and(|p| CONTEXT_PREPOSITIONS.contains(p.as_str()))
                && !ENGAGE_WORDS.contains(w)
                && !GOVERNMENT_NOUNS.contains(w)
                && s.text[..m.start]
                    .trim_end()
                    .ends_with(|c: char| c.is_lowercase()) =>
        {
            return Role::Bystander("a place, origin or subject, not a party");
        }
        _ => {}
    }
    let _ = with_at;
    if (m.kind == MentionKind::Demonym || possessive) && !qualifies_government(s, m, named) {
        return Role::Bystander("describes a thing, not a government");
    }
    Role::Party
}

/// The parties of the engagement a clause reports. `noun_end` is where its agreement noun
/// ends (0 for a meeting); `witnesses` are people who only watched.
pub(super) fn parties(
    s: &Sentence<'_>,
    people: &[Person],
    referent: Option<usize>,
    noun_end: usize,
    witnesses: &[usize],
) -> Parties {
    let mut out = Parties::default();
    // Countries after a context cue ("similar", "mediated by") or after the next engagement
    // in the same clause ("… with Germany, capping a week of talks with South Korea") are not
    // parties to this one.
    // "signed at the meeting with the Iraqi counterpart": the meeting where it was signed is
    // the same engagement.
    // "a memorandum on bilateral consultations": the instrument's subject.
    let setting = |i: usize| {
        let before = s.lower[..i].trim_end();
        let subject = s.lower.get(noun_end..i).is_some_and(|gap| {
            gap.len() < 30 && [" on ", " for ", " of "].iter().any(|p| gap.starts_with(p))
        });
        subject
            || [
                "at the",
                "at a",
                "during the",
                "during a",
                "at their",
                "during their",
            ]
            .iter()
            .any(|w| before.ends_with(w))
    };
    let next_engagement = (noun_end > 0)
        .then(|| {
            s.cues
                .starts(Cue::Meeting)
                .filter(|&i| i > noun_end && !setting(i))
                .min()
        })
        .flatten();
    // "signed a similar memorandum with the Czech Republic": the comparison is the
    // instrument itself, whose parties are named; only a cue after the noun starts context.
    let cut = s
        .cues
        .starts(Cue::NotParty)
        .filter(|&i| noun_end == 0 || i + 12 >= noun_end)
        .filter(|&i| !examples_of_counterparts(s.lower, i))
        .min()
        .into_iter()
        .chain(next_engagement)
        .min()
        .unwrap_or(s.text.len());
    let withs: Vec<usize> = s
        .lower
        .match_indices(" with ")
        .map(|(i, _)| i + 1)
        .filter(|&i| engaged_before(s, i + 5) && !absolute_with(s, i + 5))
        .collect();
    let with_at = withs.first().copied();
    out.engaged_with = with_at.is_some();
    let add_partner = |out: &mut Parties, at: usize, c: Side| {
        // `withs` is in text order: the last "with" before `at`.
        let Some(g) = withs.partition_point(|&w| w < at).checked_sub(1) else {
            return;
        };
        while out.with_groups.len() <= g {
            out.with_groups.push(Vec::new());
        }
        if !out.with_groups[g].contains(&c) {
            out.with_groups[g].push(c);
        }
    };
    // "The European Commission welcomed the agreement", "Türkiye on Friday welcomed an
    // agreement signed between …": who reacts is not a party.
    let reaction = s
        .cues
        .starts(Cue::Reaction)
        .filter(|&i| noun_end == 0 || i < noun_end)
        .min();
    let mut between: Vec<CountryCode> = Vec::new();
    let mut relative = false;
    let pair = subject_pair(s).filter(|&(_, b)| with_at.is_none_or(|w| w < s.countries[b].start));
    for (k, (m, role)) in s.countries.iter().zip(roles(s, with_at)).enumerate() {
        let role = if pair.is_some_and(|(a, b)| (a..=b).contains(&k)) {
            Role::Between
        } else if m.start >= cut {
            Role::Bystander("named after a context word or another engagement")
        } else if reaction.is_some_and(|r| m.start < r) {
            Role::Bystander("reacts to the engagement of others")
        } else {
            role
        };
        match role {
            Role::Party | Role::Between | Role::Relative => {
                if role == Role::Between {
                    between.push(m.code);
                }
                relative |= role == Role::Relative;
                out.codes.push(m.code);
                if !out.named.contains(&m.code) {
                    out.named.push(m.code);
                }
                match with_at {
                    Some(w) if m.start > w => {
                        out.partners.push(m.code);
                        add_partner(&mut out, m.start, Side::Country(m.code));
                    }
                    _ => out.hosts.push(m.code),
                }
            }
            Role::Bystander(why) => {
                out.company |= why == COMPANY_ORIGIN;
                out.bystanders.push((m.code, why));
            }
        }
    }
    let mut orgs: Vec<String> = Vec::new();
    for &p in &s.people {
        if witnesses.contains(&p) {
            continue;
        }
        let at = first_mention(s.text, &people[p].name).unwrap_or(0);
        if at >= cut || reaction.is_some_and(|r| at < r) {
            continue;
        }
        match (people[p].country, &people[p].organisation) {
            (Some(c), _) => {
                out.codes.push(c);
                match with_at {
                    Some(w) if at > w => {
                        out.partners.push(c);
                        add_partner(&mut out, at, Side::Country(c));
                    }
                    _ => out.hosts.push(c),
                }
            }
            (None, Some(o)) => orgs.push(o.clone()),
            (None, None) => {
                if people[p]
                    .role
                    .as_deref()
                    .is_some_and(crate::extract::people::is_government_role)
                {
                    out.implicit_agent = true;
                }
            }
        }
    }
    // The relative clause names its own subject; the main clause's "the minister" is not it.
    if let Some(at) = pronoun_at(s).filter(|_| !relative) {
        // The official named earliest before the pronoun in this sentence, else the last one
        // named before the sentence.
        let here = s
            .people
            .iter()
            .copied()
            .filter(|&p| first_mention(s.text, &people[p].name).is_some_and(|i| i < at))
            .min_by_key(|&p| first_mention(s.text, &people[p].name));
        match here.or(referent) {
            Some(p) => {
                out.codes.extend(people[p].country);
                out.hosts.extend(people[p].country);
                orgs.extend(people[p].organisation.clone());
            }
            None => out.implicit_agent = true,
        }
    }
    out.implicit_agent |= home_reference(s) || first_person_plural(s);
    out.passive = passive_signing().is_match(s.lower);
    // "Türkiye welcomed an agreement signed between Iraq and Syria": the sides named by
    // "between" are the parties, and only they — a bloc among them ("between Tunisia and the
    // European Union").
    out.other_side = between.len() == 1 && !bloc_follows(s, between[0]);
    if between.len() >= 2 || between.len() == 1 && bloc_follows(s, between[0]) {
        let why = if pair.is_some() {
            "not one of the sides that are the subject of the verb"
        } else {
            "not one of the sides named by \"between\""
        };
        for c in out.codes.iter().filter(|c| !between.contains(c)) {
            out.bystanders.push((*c, why));
        }
        out.codes.retain(|c| between.contains(c));
        out.hosts.retain(|c| between.contains(c));
        out.partners.retain(|c| between.contains(c));
        out.implicit_agent = false;
    }
    out.codes.sort();
    out.codes.dedup();
    out.hosts.sort();
    out.hosts.dedup();
    // A country named before "with" acts, even when named again after it ("the United States
    // signed agreements with Latvia and Estonia to join the U.S. programme").
    let hosts = out.hosts.clone();
    out.partners.retain(|c| !hosts.contains(c));
    let mut seen = Vec::new();
    out.partners.retain(|c| {
        let new = !seen.contains(c);
        seen.push(*c);
        new
    });
    for m in org_re().find_iter(s.text) {
        // "The Arab League … has condemned the MoU signed between …": as for a country, who
        // reacts is not a party.
        let reacts = reaction.is_some_and(|r| m.start() < r);
        // "United Nations: India has signed …": a dateline, where the story was filed.
        let dateline = s.text[..m.start()].trim().is_empty()
            && s.text[m.end()..]
                .trim_start()
                .starts_with([':', '—', '–', '-']);
        if m.start() >= cut || reacts || dateline || !organisation_is_party(s, m.start(), m.end()) {
            continue;
        }
        let Some((_, short)) = ORGANISATIONS.iter().find(|(n, _)| *n == m.as_str()) else {
            continue;
        };
        // "the United Nations Children's Fund", "the United Nations Office of Counter-
        // Terrorism": an agency of the UN signs for itself, and an agency is no party.
        if *short == "UN" && un_agency(&s.text[m.end()..]) {
            continue;
        }
        if with_at.is_some_and(|w| m.start() > w) {
            add_partner(&mut out, m.start(), Side::Organisation(short.to_string()));
        }
        orgs.push(short.to_string());
    }
    out.with_groups.retain(|g| !g.is_empty());
    orgs.sort();
    orgs.dedup();
    out.organisations = orgs;
    out
}

/// "A day after Pakistan and Saudi Arabia inked a defence pact, India said …": countries
/// listed as the subject of the signing or meeting verb right after them are its sides, to
/// the exclusion of others the sentence names. The indices of the first and last mention.
fn subject_pair(s: &Sentence<'_>) -> Option<(usize, usize)> {
    const FILLERS: &[&str] = &[
        "have",
        "has",
        "had",
        "jointly",
        "formally",
        "officially",
        "also",
        "recently",
        "finally",
        "on",
        "today",
        "yesterday",
        "will",
        "would",
        "to",
        "begin",
        "start",
        "resume",
        "soon",
    ];
    let verbs: Vec<usize> = s
        .cues
        .starts(Cue::Signed)
        .chain(s.cues.starts(Cue::Meeting))
        .collect();
    s.countries.windows(2).enumerate().find_map(|(k, w)| {
        let (a, b) = (&w[0], &w[1]);
        let between = s.lower.get(a.end..b.start)?;
        if a.code == b.code || !between.contains("and") || !joins_list(between) {
            return None;
        }
        let verb = verbs.iter().copied().filter(|&v| v >= b.end).min()?;
        let gap = s.lower[b.end..verb].trim_end_matches(' ');
        let words: Vec<&str> = gap.split_whitespace().collect();
        let plain = words.len() <= 3
            && words
                .iter()
                .all(|w| FILLERS.contains(w) || super::words::WEEKDAYS.contains(w))
            && !gap.contains([',', '\'', '’']);
        if !plain {
            return None;
        }
        // The whole list: "Uzbekistan, Afghanistan and Pakistan signed".
        let mut first = k;
        while first > 0 && {
            let (p, q) = (&s.countries[first - 1], &s.countries[first]);
            p.end <= q.start && joins_list_or_comma(&s.text[p.end..q.start])
        } {
            first -= 1;
        }
        Some((first, k + 1))
    })
}

/// Whether an organisation named at `start..end` takes part: not "the two ASEAN member
/// states", "in the Mercosur customs union", "membership of the EU" or "relations with the EU".
fn organisation_is_party(s: &Sentence<'_>, start: usize, end: usize) -> bool {
    let before = words_before(s, start, 1);
    let before = before.first().map_or("", String::as_str);
    let behalf = s.lower[..start]
        .trim_end()
        .trim_end_matches(" the")
        .ends_with("behalf of");
    // "ministers from the Association of Southeast Asian Nations", "the Council of the EU".
    let governed = matches!(before, "of" | "from" | "for") && government_before(s, start);
    let context = (CONTEXT_PREPOSITIONS.contains(before) || before == "of") && !behalf && !governed;
    let loose_with = before == "with" && !engaged_before(s, start);
    !s.lower[end..].trim_start().starts_with("member") && !context && !loose_with
}

/// "We signed", "our two countries": a statement in the first person, whose speakers the
/// document's frame names.
fn first_person_plural(s: &Sentence<'_>) -> bool {
    s.tokens
        .iter()
        .any(|t| matches!(t.text, "We" | "we" | "our" | "Our" | "us"))
}

/// "the government" or "the country" meaning the country the story is about — not "the
/// government of Azerbaijan", and not in a clause about companies.
pub(super) fn home_reference(s: &Sentence<'_>) -> bool {
    s.cues.starts(Cue::Home).any(|i| {
        let after = &s.lower[i..];
        let phrase_end = after
            .find(|c: char| !c.is_ascii_alphabetic() && c != ' ')
            .unwrap_or(after.len());
        !after[..phrase_end].contains(" of ")
    }) && !s.tokens.iter().any(|t| COMPANY_NOUNS.contains(t.lower()))
        && !s.lower.contains("state-owned")
        && !s.lower.contains("state-run")
}

/// Talks or a deal "with the company", "with Australian explorer X": the other side is a
/// business, so it is not an agreement between governments.
pub(super) fn with_company(s: &Sentence<'_>) -> bool {
    let Some(w) = s.lower.find(" with ") else {
        return false;
    };
    let object: Vec<&Token<'_>> = s
        .tokens
        .iter()
        .filter(|t| t.start > w + 5 && t.word)
        .take(4)
        .collect();
    let country_first = s
        .countries
        .iter()
        .any(|m| m.start > w && object.first().is_some_and(|t| m.start <= t.start));
    !country_first
        && object
            .iter()
            .take_while(|t| !matches!(t.text, "on" | "to" | "for" | "in"))
            .any(|t| COMPANY_NOUNS.contains(t.lower()))
}

/// "Australian miner", "US automaker": the country names where a company is from.
pub(super) fn names_a_company(s: &Sentence<'_>, m: &Mention) -> bool {
    let from = s.tokens.partition_point(|t| t.start < m.end);
    // The company noun must belong to the country's own noun phrase: in "the Niger–Germany
    // accord on railway construction", "railway" is the topic, not a railway company.
    const PHRASE_ENDS: &[&str] = &[
        "on",
        "for",
        "in",
        "of",
        "to",
        "with",
        "and",
        "accord",
        "agreement",
        "deal",
        "mou",
        "memorandum",
        "partnership",
        "pact",
        "treaty",
        "framework",
        "declaration",
        "protocol",
        "roadmap",
    ];
    let next: Vec<&Token<'_>> = s.tokens[from..]
        .iter()
        .filter(|t| t.word)
        .take(3)
        .take_while(|t| !PHRASE_ENDS.contains(&t.lower()))
        .collect();
    next.iter().any(|t| COMPANY_NOUNS.contains(t.lower()))
        && !next
            .first()
            .is_some_and(|t| matches!(t.lower(), "government" | "ministry" | "minister"))
}

/// "was signed", "were inked", "been concluded": a signing in the passive voice.
fn passive_signing() -> &'static aho_corasick::AhoCorasick {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AC.get_or_init(|| {
        let verbs = [
            "signed",
            "inked",
            "concluded",
            "exchanged",
            "reached",
            "sealed",
        ];
        let phrases: Vec<String> = ["was", "were", "been", "be", "being"]
            .iter()
            .flat_map(|aux| verbs.iter().map(move |v| format!("{aux} {v}")))
            .collect();
        crate::extract::lexicon::automaton(phrases, false)
    })
}

/// "met with her counterparts from other nations such as Mr Kabba of Sierra Leone": the
/// examples are the counterparts, not a comparison.
fn examples_of_counterparts(lower: &str, at: usize) -> bool {
    lower[at..].starts_with("such as")
        && lower[..at]
            .rsplit(' ')
            .take(6)
            .any(|w| w.starts_with("counterpart"))
}

/// Whether "including" at a country elaborates a "with" that engages several countries:
/// "signed frameworks with 10 other countries, including Argentina".
fn elaborates_with(s: &Sentence<'_>, at: usize) -> bool {
    let head = &s.lower[..at];
    head.rfind(" with ").is_some_and(|w| {
        engaged_before(s, w + 1 + 5)
            && ["countries", "nations", "partners", "states", "governments"]
                .iter()
                .any(|n| head[w..].contains(n))
    })
}

/// "signed in Riyadh, Saudi Arabia": a country that follows a place, after "in", "at" or
/// "from" and a comma, only says where the place is.
fn after_a_place(s: &Sentence<'_>, at: usize) -> bool {
    let i = s.tokens.partition_point(|t| t.start < at);
    if i < 3 || s.tokens[i - 1].text != "," {
        return false;
    }
    let mut j = i - 2;
    while j > 0 && s.tokens[j].word && s.tokens[j].is_capitalised() {
        j -= 1;
    }
    j < i - 2 && matches!(s.tokens[j].lower(), "in" | "at" | "from" | "near")
}

/// Whether "and" and a bloc follow the country named after "between": "between Tunisia and
/// the European Union".
fn bloc_follows(s: &Sentence<'_>, code: CountryCode) -> bool {
    s.countries.iter().filter(|m| m.code == code).any(|m| {
        let rest = s.text[m.end..].trim_start();
        let rest = rest.strip_prefix("and ").unwrap_or("").trim_start();
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        org_re().find(rest).is_some_and(|o| o.start() == 0)
    })
}

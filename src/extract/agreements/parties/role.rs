//! The role of each country a clause names: a party, or context with the reason (a place, an
//! origin, a comparison, a reaction, a dateline, a company's home country).

use super::super::clause::Sentence;
use super::super::cues::Cue;
use super::super::words::{CONTEXT_PREPOSITIONS, ENGAGE_WORDS, GOVERNMENT_NOUNS};
use super::names_a_company;
use crate::extract::tokens::Token;
use crate::gazetteer::{Mention, MentionKind};

/// Why a country named as a company's origin is no party ("Australian miner BHP").
pub(super) const COMPANY_ORIGIN: &str = "names a company's origin";

/// Whether a country mention names a party or only context, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Party,
    /// Named after "between": the sides of the engagement, to the exclusion of others.
    Between,
    /// The subject of a relative clause that signs: "Sri Lanka, which signed … with Japan".
    Relative,
    Bystander(&'static str),
}

/// A few word tokens before byte `at`, nearest first, articles skipped.
pub(super) fn words_before(s: &Sentence<'_>, at: usize, n: usize) -> Vec<String> {
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
pub(super) fn words_after<'t>(s: &'t Sentence<'_>, at: usize, n: usize) -> Vec<&'t Token<'t>> {
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

pub(super) fn joins_list(between: &str) -> bool {
    // "PERTH, Australia: Australia and Japan": a colon ends the dateline, not a list item.
    !between.contains(':')
        && between
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
pub(super) fn absolute_with(s: &Sentence<'_>, at: usize) -> bool {
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

/// A list separator: "and", or a comma.
pub(super) fn joins_list_or_comma(between: &str) -> bool {
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
pub(super) fn government_before(s: &Sentence<'_>, at: usize) -> bool {
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
pub(super) fn engaged_before(s: &Sentence<'_>, at: usize) -> bool {
    let i = s.tokens.partition_point(|t| t.start < at);
    let mut and = false;
    for t in s.tokens[..i]
        .iter()
        .rev()
        .filter(|t| t.word)
        .skip_while(|t| t.lower() == "with" || matches!(t.lower(), "the" | "a" | "an"))
        .take(10)
    {
        let w = t.lower();
        // "signed two agreements; with Cape Verde (Thursday) and with Armenia (today)": a
        // second "with" joined by "and" continues the first.
        if w == "with" {
            return and && engaged_before(s, t.start);
        }
        and |= w == "and";
        if ENGAGE_WORDS.contains(w) || w.starts_with("negotiat") || w.starts_with("agreement") {
            return true;
        }
    }
    false
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
/// Participles after which "by X" names a cause, a critic or a go-between of the engagement,
/// not one of its sides.
#[rustfmt::skip]
const CAUSED_BY: &[&str] = &[
    "influenced", "driven", "shaped", "affected", "hit", "caused", "triggered", "imposed",
    "threatened", "overshadowed", "dominated", "prompted", "fuelled", "fueled", "complicated",
    "criticised", "criticized", "condemned", "opposed", "brokered", "mediated", "facilitated",
];

fn qualifies_government(s: &Sentence<'_>, m: &Mention, named: &[usize]) -> bool {
    let next = words_after(s, m.end, 5);
    // "China's plan to sign a deal", "Kenya's bid for a pact": a state's own intent.
    if next.first().is_some_and(|t| {
        matches!(
            t.lower(),
            "plan"
                | "plans"
                | "bid"
                | "proposal"
                | "offer"
                | "push"
                | "attempt"
                | "efforts"
                | "intention"
                | "ambition"
                | "decision"
        )
    }) {
        return true;
    }
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
pub(super) fn roles(s: &Sentence<'_>, with_at: Option<usize>) -> Vec<Role> {
    let named: Vec<usize> = s.named.iter().map(|n| n.0).collect();
    let mut out: Vec<Role> = Vec::with_capacity(s.countries.len());
    let listed = |k: usize| {
        let (prev, m) = (&s.countries[k - 1], &s.countries[k]);
        prev.end <= m.start
            && joins_list(&s.text[prev.end..m.start])
            && !opens_clause(s, &s.text[prev.end..m.start], m.end)
    };
    let adjectives = |k: usize| {
        s.countries[k - 1].kind == MentionKind::Demonym
            && s.countries[k].kind == MentionKind::Demonym
    };
    for k in 0..s.countries.len() {
        // One list shares one role: "with Latvia and Estonia", "in Kenya, Uganda and Chad" —
        // but not a clause's subject after a comma ("Aside from the Philippines, the US
        // signed …").
        if k > 0 && listed(k) && !adjectives(k) {
            out.push(out[k - 1]);
            continue;
        }
        out.push(role(s, k, with_at, &named));
    }
    // "the Estonian, Latvian and Lithuanian interior ministers": a list of adjectives takes
    // the role of its last item, whose noun follows.
    for k in (1..s.countries.len()).rev() {
        if listed(k) && adjectives(k) {
            out[k - 1] = out[k];
        }
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
    // "the Libya issue", "the Palestinian-Israeli cause": a country as the subject of talks.
    if topic_follows(s, m.end) {
        return Role::Bystander("a subject of the talks, not a party");
    }
    if names_a_link(s, m.end) {
        return Role::Bystander("names a railway, a bridge or a border, not a party");
    }
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
    if closes_as_source(s, m) {
        return Role::Bystander("the source that reports it, not a party");
    }
    let before = words_before(s, m.start, 4);
    // "in the Indo-Pacific, where China is flexing its muscles": a clause about the place;
    // but "the summit in Abu Dhabi, where India and the UAE signed a pact" signs.
    if before.first().is_some_and(|w| w == "where")
        && !words_after(s, m.end, 6)
            .iter()
            .any(|t| ENGAGE_WORDS.contains(t.lower()) || t.lower().starts_with("sign"))
    {
        return Role::Bystander("named in a clause about a place, not a party");
    }
    // "formerly New Zealand's Chief Negotiator": a post held before.
    if before
        .iter()
        .take(2)
        .any(|w| matches!(w.as_str(), "former" | "formerly" | "previously" | "ex"))
    {
        return Role::Bystander("a former post, not a party");
    }
    // "Bahrain joined the United Arab Emirates in striking an agreement with Israel": the
    // one joined made a deal of its own, earlier.
    if before.first().is_some_and(|w| w == "joined")
        && rest
            .trim_start()
            .strip_prefix("in ")
            .and_then(|r| r.split_whitespace().next())
            .is_some_and(|w| w.ends_with("ing"))
    {
        return Role::Bystander("joined in doing the same, in an engagement of its own");
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
            let after = before.get(1).map_or("", String::as_str);
            // "A dialogue … attended by Pakistan's Foreign Minister": who attends talks takes
            // part in them; who attends a signing watches it.
            let watched =
                after == "attended" && (s.lower.contains("sign") || s.lower.contains("ceremony"));
            return if watched || matches!(after, "visit" | "hosted" | "witnessed") {
                Role::Bystander("a visitor or witness, not a party")
            } else if CAUSED_BY.contains(&after) {
                // "uncertainty influenced by US President Trump's policies".
                Role::Bystander("a cause or a critic of the engagement, not a party")
            } else {
                Role::Party
            };
        }
        // "the Export-Import Bank of India": a country in an organisation's name; but "the
        // Ministry of Energy of Azerbaijan" is a government's.
        Some("of") if organisation_before(s, m.start) && !government_before(s, m.start) => {
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
            // "the visit of German Chancellor Olaf Scholz": an official, not a subject.
            let official = m.kind == MentionKind::Demonym && qualifies_government(s, m, named);
            return if official || government_before(s, m.start) {
                Role::Party
            } else if before[0] == "of" {
                Role::Bystander("a subject or place, not a party")
            } else {
                Role::Bystander("an origin, not a party")
            };
        }
        // "a pledge to increase cooperation as Russia -- the main partner of the region -- is
        // being weakened": the subject of another clause.
        Some("as") if subject_of_as_clause(s, m.end) => {
            return Role::Bystander("the subject of an \"as\" clause, not a party");
        }
        // "a visit to Kazakhstan", "the visit of German Chancellor Olaf Scholz to Kazakhstan":
        // the host of a visit is the visitor's counterpart.
        Some("to") if visit_to(s, m.start) => return Role::Party,
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

/// Whether a country is named only in the attribution that closes a report: "The ministers
/// agreed to advance cooperation, Japan's foreign ministry said in a statement."
fn closes_as_source(s: &Sentence<'_>, m: &Mention) -> bool {
    let head = s.text[..m.start].trim_end();
    let head = head.strip_suffix(" the").unwrap_or(head);
    if !head.ends_with(',') {
        return false;
    }
    let tail: Vec<&str> = s.lower[m.end..]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    tail.len() <= 10
        && tail.iter().take(6).any(|w| {
            matches!(
                *w,
                "said" | "says" | "reported" | "stated" | "announced" | "added" | "noted"
            )
        })
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
    let mut i = s.tokens.partition_point(|t| t.start < at);
    // "in Qingdao, east China": a compass word between the place and its country.
    if i > 0 && crate::extract::frame::is_compass(s.tokens[i - 1].lower()) {
        i -= 1;
    }
    if i < 3 || s.tokens[i - 1].text != "," {
        return false;
    }
    let mut j = i - 2;
    while j > 0 && s.tokens[j].word && s.tokens[j].is_capitalised() {
        j -= 1;
    }
    j < i - 2 && matches!(s.tokens[j].lower(), "in" | "at" | "from" | "near" | "to")
}

/// Whether the "to" before `at` ends a visit: "a visit to", "the trip of the Foreign Minister
/// Ana Rojas to". Only the visitor's name and title may stand between, not a clause break.
fn visit_to(s: &Sentence<'_>, at: usize) -> bool {
    let from = crate::location::floor_char_boundary(s.lower, at.saturating_sub(80));
    let head = &s.lower[from..at];
    let head = &head[head.rfind([',', ';', '.']).map_or(0, |i| i + 1)..];
    head.split_whitespace().rev().skip(1).take(8).any(|w| {
        matches!(
            w,
            "visit" | "trip" | "travel" | "travels" | "travelled" | "traveled" | "mission"
        )
    })
}

/// Whether the word after a mention (and after any "-Country" joined to it) makes the country
/// a subject: "the Libya issue", "the Syrian file", "the Palestinian-Israeli cause".
fn topic_follows(s: &Sentence<'_>, end: usize) -> bool {
    matches!(
        word_after_compound(s, end),
        "issue"
            | "issues"
            | "file"
            | "files"
            | "cause"
            | "question"
            | "crisis"
            | "aggression"
            | "situation"
            | "conflict"
            | "elections"
            | "problem"
            | "dossier"
            // "talks on defence cooperation and the Ukraine war".
            | "war"
            | "reconstruction"
    )
}

/// The word after a country and the rest of any compound it opens: "cause" after
/// "Palestinian-Israeli cause", "railway" after "Laos - China railway".
fn word_after_compound<'t>(s: &Sentence<'t>, end: usize) -> &'t str {
    let rest = &s.lower[end..];
    let mut rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .unwrap_or(rest);
    while let Some(r) = rest.trim_start().strip_prefix(['-', '–', '/']) {
        rest = r
            .trim_start()
            .trim_start_matches(|c: char| c.is_alphanumeric());
    }
    rest.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// "access to the Laos - China railway", "the Kenya-Uganda border": a pair that names a
/// line on the map between the countries, not the sides of an engagement.
fn names_a_link(s: &Sentence<'_>, end: usize) -> bool {
    matches!(
        word_after_compound(s, end),
        "railway"
            | "railways"
            | "railroad"
            | "rail"
            | "bridge"
            | "border"
            | "borders"
            | "frontier"
            | "pipeline"
            | "highway"
            | "road"
            | "canal"
            | "tunnel"
    )
}

/// Whether the country ending at `end` is followed by a verb of its own, past an appositive
/// in dashes or commas: "as Russia -- the main partner -- is being weakened".
fn subject_of_as_clause(s: &Sentence<'_>, end: usize) -> bool {
    let mut rest = s.lower[end..].trim_start();
    for (open, close) in [("--", "--"), ("—", "—"), ("–", "–"), (",", ",")] {
        if let Some(r) = rest.strip_prefix(open)
            && let Some(k) = r.find(close)
        {
            rest = r[k + close.len()..].trim_start();
            break;
        }
    }
    let verb = rest.split_whitespace().next().unwrap_or("");
    matches!(
        verb,
        "is" | "was" | "are" | "were" | "has" | "had" | "have" | "looks" | "looked" | "continues"
    )
}

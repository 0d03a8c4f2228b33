//! Parties: which countries and organisations named in a clause take part in the engagement
//! it reports, and which are only context (a company's origin, a comparison, a mediator).

mod region;

pub(super) use organisation::org_re;
pub(super) use region::contains as in_region;
mod organisation;
mod role;

use std::sync::OnceLock;

use regex::Regex;

use organisation::{bloc_follows, organisation_is_party, signs_for_an_organisation, un_agency};
use role::{
    COMPANY_ORIGIN, Role, absolute_with, engaged_before, joins_list, joins_list_or_comma, roles,
};

use super::clause::{Sentence, first_mention, pronoun_at};
use super::cues::Cue;
use super::words::{ENGAGE_WORDS, GOVERNMENT_NOUNS, ORGANISATIONS};
use crate::extract::Person;
use crate::extract::lexicon::COMPANY_NOUNS;
use crate::extract::tokens::Token;
use crate::gazetteer::{CountryCode, Mention};

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
    /// A region named as one side ("Central Asia leaders"): the gazetteer's sub-region,
    /// whose states the document names.
    pub region: Option<&'static str>,
}

/// One party of an engagement: a country or an organisation such as the EU.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Side {
    /// A country.
    Country(CountryCode),
    /// An organisation, by its short name ("EU").
    Organisation(String),
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
        // "the Partnership Agreement (CEPA) negotiations with Canada": talks on the
        // instrument just named are the same engagement.
        let subject = s.lower.get(noun_end..i).is_some_and(|gap| {
            gap.len() < 30 && [" on ", " for ", " of "].iter().any(|p| gap.starts_with(p))
                || gap.len() < 30
                    && gap.split_whitespace().all(|w| {
                        w.starts_with('(') && w.ends_with(')')
                            || super::sentence::noun_re().is_match(w)
                    })
        });
        // "a senior officials' consultations agreement with Canada": the cue names the kind
        // of the next instrument in a list, which is no new engagement of its own.
        let modifier = role::words_after(s, i + 1, 1)
            .first()
            .is_some_and(|t| super::sentence::noun_re().is_match(t.lower()));
        subject
            || modifier
            || [
                "at the",
                "at a",
                "during the",
                "during a",
                "at their",
                "during their",
                // "The MoUs were signed after a summit between A and B": its occasion. Not
                // "signed … after the meeting with Chinese Foreign Minister Qin Gang
                // witnessing the signing", where the meeting is with someone else.
                "after a",
                "after their",
                "following a",
                "following their",
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
    // "signed a cooperation agreement with Mauritania and pledged to strengthen collaboration
    // with Burundi": what follows another verb's "with" is no side of the instrument.
    let cut = another_verbs_with(s, &withs, noun_end).map_or(cut, |w| cut.min(w));
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
    // With no instrument named, only a reaction to talks or a signing: "have welcomed South
    // Africa's appointment as Chair during a meeting" is said at the meeting, by its sides.
    let reacts_to_talks = |i: usize| {
        let window = &s.lower[i..crate::location::floor_char_boundary(s.lower, i + 40)];
        window.contains("sign") || s.cues.starts(Cue::Meeting).any(|m| m > i && m < i + 40)
    };
    let reaction = s
        .cues
        .starts(Cue::Reaction)
        .filter(|&i| {
            if noun_end == 0 {
                reacts_to_talks(i)
            } else {
                i < noun_end
            }
        })
        .min();
    let mut between: Vec<CountryCode> = Vec::new();
    let mut relative = false;
    let pair = subject_pair(s)
        .filter(|&(_, b)| with_at.is_none_or(|w| w < s.countries[b].start))
        .or_else(|| makers_of_statement(s));
    for (k, (m, role)) in s.countries.iter().zip(roles(s, with_at)).enumerate() {
        let role = if pair.is_some_and(|(a, b)| (a..=b).contains(&k)) {
            Role::Between
        } else if m.start >= cut {
            Role::Bystander("named after a context word or another engagement")
        } else if reaction.is_some_and(|r| m.start < r) {
            Role::Bystander("reacts to the engagement of others")
        } else if signs_for_an_organisation(s, m.start) {
            // "signed, on the EU side, by the Minister for Rural Affairs of Sweden".
            Role::Bystander("in the title of someone who signs for a bloc")
        } else if mediator_title(s, m.end) {
            Role::Bystander("brings the sides together, not one of them")
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
                    Some(w) if m.start > w && !reported_subject(s, m.start) => {
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
        if at >= cut
            || reaction.is_some_and(|r| at < r)
            || owns_a_thing(s, at + people[p].name.len())
            || mediates(s, at + people[p].name.len())
            || signs_for_an_organisation(s, at)
        {
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
    out.implicit_agent |= home_reference(s) || first_person_plural(s) || impersonal(s);
    out.passive = passive_signing().is_match(s.lower);
    out.region = region::side(s, cut);
    if let Some(host) = event_host(s, people) {
        out.bystanders
            .push((host, "hosts the talks or ceremony of others, not a party"));
        out.codes.retain(|&c| c != host);
        out.hosts.retain(|&c| c != host);
        out.partners.retain(|&c| c != host);
    }
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
    for group in &mut out.with_groups {
        group.retain(|s| !matches!(s, Side::Country(c) if hosts.contains(c)));
    }
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
        if m.start() >= cut
            || reacts
            || dateline
            || !organisation_is_party(s, m.start(), m.end(), noun_end == 0)
        {
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
    let (blocs, listed) = organisation::blocs_between(s);
    if listed {
        orgs.retain(|o| !blocs.contains(o));
    } else if blocs.len() == 2 {
        for c in &out.codes {
            out.bystanders
                .push((*c, "not one of the sides named by \"between\""));
        }
        out.codes.clear();
        out.hosts.clear();
        out.partners.clear();
        out.with_groups.clear();
        out.implicit_agent = false;
        orgs = blocs;
    }
    out.with_groups.retain(|g| !g.is_empty());
    orgs.sort();
    orgs.dedup();
    out.organisations = orgs;
    out
}

/// The first "with" after the instrument's own that another verb, with no instrument of its
/// own, engages: "… an agreement with Mauritania and pledged to strengthen collaboration with
/// Burundi", but not "an MoU with Laos and a plan with Cambodia".
fn another_verbs_with(s: &Sentence<'_>, withs: &[usize], noun_end: usize) -> Option<usize> {
    if noun_end == 0 {
        return None;
    }
    let k = withs.iter().position(|&w| w >= noun_end)?;
    let (first, next) = (withs[k], *withs.get(k + 1)?);
    let gap = &s.lower[first..next];
    let verb = gap.split(" and ").nth(1)?.split_whitespace().next()?;
    let another_verb = verb.ends_with("ed") && !gap.contains("sign");
    (another_verb && !super::sentence::noun_re().is_match(gap)).then_some(next)
}

/// "Xi met with Burundi's President and said China is open to collaboration with Burundi":
/// the country a reported clause opens with acts, whatever "with" came before.
fn reported_subject(s: &Sentence<'_>, start: usize) -> bool {
    let before = s.lower[..start].trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    [" said", " says", " added", " stressed", " noted"]
        .iter()
        .any(|w| before.ends_with(w))
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

/// "Prince Khalid bin Salman, who facilitated the negotiations, said …": whoever brings the
/// sides together is not one of them.
fn mediates(s: &Sentence<'_>, name_end: usize) -> bool {
    let rest = s.lower.get(name_end..).unwrap_or("");
    let Some(rest) = rest.trim_start().strip_prefix(", who ") else {
        return false;
    };
    rest.split_whitespace().take(3).any(|w| {
        matches!(
            w,
            "facilitated" | "mediated" | "brokered" | "facilitates" | "mediates" | "brokers"
        )
    })
}

/// "Saudi Defense Minister Prince Khalid bin Salman, who facilitated the negotiations": a
/// country in the title of a mediator.
fn mediator_title(s: &Sentence<'_>, mention_end: usize) -> bool {
    // The title and the name fit in the next 60 bytes; looking further is wasted on every
    // country of a long clause.
    let rest = &s.lower[mention_end..];
    // "The USA/Saudi Arabian joint facilitators of the … talks": the mediators' own noun.
    if rest
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .take(4)
        .take_while(|w| !w.ends_with([',', ';', '.']))
        .any(|w| {
            matches!(
                w,
                "facilitators" | "facilitator" | "mediators" | "mediator" | "co-mediators"
            )
        })
    {
        return true;
    }
    let near = &rest[..crate::location::floor_char_boundary(rest, 80)];
    near.find(", who ")
        .filter(|&i| i < 60 && !rest[..i].contains([',', '.', ';', '"', '“']))
        .is_some_and(|i| mediates(s, mention_end + i))
}

/// "The joint statement of the US and the Philippines misrepresents …": the countries whose
/// statement it is, and only they, are its sides.
fn makers_of_statement(s: &Sentence<'_>) -> Option<(usize, usize)> {
    s.countries.windows(2).enumerate().find_map(|(k, w)| {
        let (a, b) = (&w[0], &w[1]);
        let before = s.lower[..a.start].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        let made = [
            "statement of",
            "declaration of",
            "communique of",
            "communiqué of",
        ]
        .iter()
        .any(|n| before.ends_with(n));
        let joined = a.code != b.code && s.lower.get(a.end..b.start).is_some_and(joins_list);
        (made && joined && s.lower[a.end..b.start].contains("and")).then_some((k, k + 1))
    })
}

/// The country that hosts an event of others in this clause: "credited Prime Minister Anwar
/// Ibrahim for hosting the talks", "Anwar, who hosted the ceremony, thanked …". The host is
/// the last official or country named before the verb; "Kenya hosted Uganda's president" is
/// a meeting, and has no event noun after the verb.
fn event_host(s: &Sentence<'_>, people: &[Person]) -> Option<CountryCode> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"\bhost(?:s|ed|ing)? (?:the|this|these|that) (?:talks|ceremony|meeting|summit|signing|negotiations|event|conference|session|round|dialogue)\b",
        )
        .expect("valid regex")
    });
    let at = re.find(s.lower)?.start();
    let person = s
        .people
        .iter()
        .filter_map(|&p| Some((first_mention(s.text, &people[p].name)?, people[p].country?)))
        .filter(|&(i, _)| i < at);
    let country = s
        .countries
        .iter()
        .filter(|m| m.end <= at)
        .map(|m| (m.start, m.code));
    person
        .chain(country)
        .max_by_key(|&(i, _)| i)
        .map(|(_, c)| c)
}

/// Whether the person named up to byte `end` is only the owner of a thing the clause talks
/// about: "influenced by President Trump's trade policies". "Trump's visit", "Xi's envoy" and
/// "Ruto's government" still act.
fn owns_a_thing(s: &Sentence<'_>, end: usize) -> bool {
    let Some(rest) = s.text.get(end..) else {
        return false;
    };
    if !(rest.starts_with("'s ") || rest.starts_with("’s ")) {
        return false;
    }
    let after = role::words_after(s, end + 1, 2);
    !after.is_empty()
        && !after.iter().any(|t| {
            let w = t.lower();
            ENGAGE_WORDS.contains(w)
                || GOVERNMENT_NOUNS.contains(w)
                || matches!(
                    w,
                    "visit" | "trip" | "tour" | "envoy" | "team" | "signature"
                )
        })
}

/// "We signed", "our two countries": a statement in the first person, whose speakers the
/// document's frame names.
fn first_person_plural(s: &Sentence<'_>) -> bool {
    s.tokens
        .iter()
        .any(|t| matches!(t.text, "We" | "we" | "our" | "Our" | "us"))
}

/// "It is proposed to sign a treaty", "it was agreed to set up a commission": a clause with
/// no agent, whose agent is whoever the story is about.
fn impersonal(s: &Sentence<'_>) -> bool {
    let mut words = s.lower.split_whitespace();
    words.next() == Some("it")
        && matches!(words.next(), Some("is" | "was" | "has"))
        && words.take(2).any(|w| {
            matches!(
                w,
                "proposed" | "agreed" | "decided" | "planned" | "envisaged" | "expected"
            )
        })
}

/// "the government" or "the country" meaning the country the story is about — not "the
/// government of Azerbaijan", and not in a clause about companies.
pub(super) fn home_reference(s: &Sentence<'_>) -> bool {
    // "The government of Kenya" names a country; "the government signed" does not.
    s.cues
        .spans(Cue::Home)
        .any(|(_, end)| s.lower[end..].split_whitespace().next() != Some("of"))
        && !s.tokens.iter().any(|t| COMPANY_NOUNS.contains(t.lower()))
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
    // "The US-based Excelerate Energy": where a company is based.
    let rest = &s.lower[m.end..];
    if rest.starts_with("-based ") || rest.starts_with("–based ") {
        return true;
    }
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
            "penned",
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

//! Sentence cues: whether one clause reports an engagement, and of what kind and status —
//! an agreement noun with a status verb, or officials of two countries meeting — with its
//! parties, topic, place and date as that clause alone gives them.

use std::sync::OnceLock;

use regex::Regex;

use super::clause::{Sentence, pronoun_at};
use super::cues::{self, Cue};
use super::details::{date, named_topic, place, topic};
use super::meetings::has_meeting;
use super::parties::{Parties, parties, with_company};
use super::signers::{attends, company_signs, signers, signing_as_means, signs, witnesses};
use super::words::{GROUP_WORDS, PAIR_WORDS, PLURAL_OFFICIALS};
use crate::extract::Person;
use crate::gazetteer::CountryCode;
use crate::terms::{AgreementKind, AgreementStatus, Date, Topic};

/// Agreement nouns, in lowercase.
const NOUNS: &str = r"(?-u:\b)(memorand(?:um|a|ums)(?: of understanding)?|memos?|mous?|agreements?|deals?|accords?|(?:joint )?declarations?|partnerships?|frameworks?|letters? of intent|treat(?:y|ies)|conventions?|charters?|(?:legal|cooperation) instruments?|instruments? of cooperation|cooperation program(?:me)?s?|program(?:me)?s? of cooperation|pacts?|protocols?|road ?maps?|action plans?|addend(?:um|a|ums)|(?:joint|tripartite|trilateral) statements?|exchanges? (?:of )?(?:diplomatic )?notes|exchanged (?:diplomatic )?notes|diplomatic notes|signatories|documents?|(?:joint )?communiqu[eéÉ]s?|agreed (?:record|minutes)s?|minutes of (?:the|establishment))(?-u:\b)";

/// Agreement nouns in any case.
pub(super) fn noun_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!("(?i){NOUNS}")).expect("agreement noun regex"))
}

/// Agreement nouns in text already in ASCII lowercase: a case-sensitive search is several
/// times faster, and every clause is searched.
fn lower_noun_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(NOUNS).expect("agreement noun regex"))
}

/// The rule of a clause that denies or negates an agreement: it records nothing, and a
/// signing of the same instrument between the same parties elsewhere in the document is
/// taken back ("reports said they had concluded a pact … No such agreement was signed").
pub(super) const NEGATED: &str = "an agreement denied or negated";

/// The rule of a clause that denies a report: what it denies (a signing, or the talks) is
/// taken back from the document.
pub(super) const DENIED: &str = "a report denied";

/// Where a denial before the agreement noun starts: "denied reports that …".
fn denial_before(s: &Sentence<'_>, noun_start: usize) -> Option<usize> {
    s.cues.starts(Cue::Denial).filter(|&i| i < noun_start).min()
}

/// A negated signing verb: "no such agreement was signed", "has not signed".
fn denied_signing(s: &Sentence<'_>) -> bool {
    s.cues
        .starts(Cue::Signed)
        .any(|i| cues::negated_before(s.lower, i, 4))
}

/// The rule of a clause that only says who signed ("X signed for Mauritius"): its signers
/// join the signed engagements of the party they signed for.
pub(super) const SIGNERS: &str = "people who signed";

/// What one clause reports, before the document pass completes its parties and merges it
/// with the rest of the document.
#[derive(Debug, Clone)]
pub(super) struct Report {
    /// Kind of instrument (or `Other` for a meeting).
    pub kind: AgreementKind,
    /// What the clause's verbs say.
    pub status: AgreementStatus,
    /// The rule that fired.
    pub rule: &'static str,
    /// Parties as the clause names them.
    pub parties: Parties,
    /// References the clause makes to parties named elsewhere.
    pub refs: Refs,
    /// Several instruments ("MoUs", "agreements"): with several partners, one each.
    pub plural: bool,
    /// An agreement noun is named; a bare meeting has none.
    pub instrument: bool,
    /// A plural counted or listed without a counterpart ("signed multiple agreements").
    pub generic: bool,
    /// The instruments are counted ("six agreements will be signed").
    pub counted: bool,
    /// The counterparts are counted, not named: "a deal with 10 Pacific island nations".
    pub counted_partners: Option<usize>,
    /// "The eight signatory nations": how many sides the clause counts without naming any.
    pub counted_sides: Option<usize>,
    /// Someone watched the signing: "the two officials witnessed the signing of …".
    pub witnessed: bool,
    /// The signing is told only as the means of something else ("upgraded their ties by
    /// signing a partnership"): it says nothing of who signed.
    pub signing_as_means: bool,
    /// Subject matter.
    pub topic: Option<Topic>,
    /// Where.
    pub place: Option<String>,
    /// When, if the clause gives a full date.
    pub date: Option<Date>,
    /// People who signed, each with the party the clause says they signed for, if it says.
    pub signers: Vec<(usize, Option<CountryCode>)>,
    /// People who take part (not witnesses), for a later "the two ministers signed".
    pub actors: Vec<usize>,
    /// The instrument's own name, when capitalised words give it one ("Intergovernmental" in
    /// "the Intergovernmental Agreement"): a reference back only if the name was seen before.
    pub name: Option<String>,
    /// The sentence, as evidence.
    pub text: String,
}

/// References a clause makes to parties it does not name.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Refs {
    /// "the two countries", "both sides", "bilateral".
    pub pair: bool,
    /// Two countries named as such ("the two countries", "both nations"), not only an
    /// adjective ("bilateral meetings"): enough to stand for the document's two subjects.
    pub two_named: bool,
    /// "the partners", "the delegations", "all three".
    pub group: bool,
    /// A group of three or more by count: "all three", "the four of us", "trilateral".
    pub counted_group: bool,
    /// "the agreement", "this MoU": an instrument already reported.
    pub back: bool,
    /// "this partnership", "that deal": a demonstrative right before the noun points at the
    /// instrument just reported, whoever else the clause names.
    pub this: bool,
}

/// The reference words, found in one pass: pair words first, then group words.
fn reference_words() -> &'static aho_corasick::AhoCorasick {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        crate::extract::lexicon::automaton(
            PAIR_WORDS.iter().chain(GROUP_WORDS).chain(PLURAL_OFFICIALS),
            false,
        )
    })
}

fn refs(s: &Sentence<'_>, noun_start: Option<usize>) -> Refs {
    // "the sides signed" completes a pair with one side named, but does not say there are two.
    const WEAK: &[&str] = &["bilateral", "each other", "the two", "both", "the sides"];
    let (mut pair, mut two_named, mut group, mut counted_group) = (false, false, false, false);
    for m in reference_words().find_overlapping_iter(s.lower) {
        let k = m.pattern().as_usize();
        if k < PAIR_WORDS.len() {
            pair = true;
            two_named |= !WEAK.contains(&PAIR_WORDS[k]);
        } else if k >= PAIR_WORDS.len() + GROUP_WORDS.len() {
            pair = true;
            group = true;
        } else {
            group = true;
            let word = GROUP_WORDS[k - PAIR_WORDS.len()];
            counted_group |= ["three", "four", "five", "trilateral", "tripartite"]
                .iter()
                .any(|n| word.contains(n));
        }
    }
    // "Instead, they called on ministers … with a view to signing a protocol": a clause whose
    // subject is "they" continues the pair the story is about, like "both" does.
    pair |= subject_is_they(s.lower);
    // "The talks mainly featured connectivity": the pair's talks, when the clause reports no
    // signing or plan ("The meeting is expected to conclude with the signing of the Tbilisi
    // Declaration" is that declaration's, whoever its sides are).
    pair |= !s.cues.any(Cue::Signed)
        && !s.cues.any(Cue::Planned)
        && s.countries.is_empty()
        && super::meetings::opens_with_the_talks(s);
    let back = noun_start.is_some_and(|i| {
        // "stated: 'The memorandum was signed …'": a quote mark is no word.
        let before: Vec<&str> = words_before_lower(s.lower, i, 3)
            .into_iter()
            .map(|w| w.trim_start_matches(['\'', '"', '‘', '“']))
            .collect();
        before
            .iter()
            .any(|w| matches!(*w, "the" | "this" | "that" | "these" | "those" | "such"))
            && !before
                .iter()
                .any(|w| matches!(*w, "a" | "an" | "new" | "separate" | "another" | "other"))
    });
    let this = noun_start.is_some_and(|i| {
        words_before_lower(s.lower, i, 1)
            .first()
            .is_some_and(|w| matches!(*w, "this" | "that"))
    });
    Refs {
        pair,
        two_named,
        group,
        counted_group,
        back,
        this,
    }
}

/// The capitalised words that name the instrument whose noun is at `i`: "Intergovernmental"
/// in "the Intergovernmental Agreement"; none for "the Agreement" or "the new agreement".
fn instrument_name(text: &str, i: usize) -> Option<String> {
    if !text[i..].chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut words: Vec<&str> = text[..i]
        .split_whitespace()
        .rev()
        .take_while(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !matches!(*w, "The" | "This" | "That" | "These" | "Those" | "Such")
        })
        .collect();
    words.reverse();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Whether a clause opens with "they", past one introducing word ("Instead, they").
fn subject_is_they(lower: &str) -> bool {
    let rest = lower.trim_start();
    let rest = match rest.split_once(", ") {
        Some((opener, after)) if !opener.contains(' ') => after,
        _ => rest,
    };
    rest.starts_with("they ")
}

pub(super) fn words_before_lower(lower: &str, at: usize, n: usize) -> Vec<&str> {
    lower[..at].split_whitespace().rev().take(n).collect()
}

/// The engagement one clause reports, if any.
pub(super) fn report(
    s: &Sentence<'_>,
    people: &[Person],
    referent: Option<usize>,
    inherited: Option<AgreementStatus>,
    today: Option<Date>,
) -> Option<Report> {
    let nouns: Vec<regex::Match<'_>> = lower_noun_re()
        .find_iter(s.lower)
        .filter(|m| !is_idiom(s.lower, m.start()) && !topic_of_a_meeting(s.lower, m.end()))
        // "The signatories agreed to …" refers to signers; only "signatories from A and B"
        // names an engagement.
        .filter(|m| !m.as_str().eq_ignore_ascii_case("signatories") || !s.countries.is_empty())
        .collect();
    let generic = !nouns.is_empty() && nouns.iter().all(|m| is_generic(s, m.start(), m.as_str()));
    let talk = has_meeting(s);
    let negated_noun = nouns.first().is_some_and(|n| noun_negated(s, n.start()));
    // "The agreement follows similar arrangements signed with Tanzania": the verbs after a
    // comparison belong to the other instrument.
    let comparison = nouns
        .first()
        .and_then(|n| s.cues.starts(Cue::NotParty).filter(|&i| i > n.end()).min());
    let mut status = match comparison {
        Some(cut) => {
            let head = &s.lower[..cut];
            cues::status(head, &cues::Cues::of(head))
        }
        None => cues::status(s.lower, &s.cues),
    };
    // "its 2023 critical minerals agreement", "has had a free trade agreement with Peru since
    // 2011", "the agreement in force": an instrument that exists.
    if status.is_none()
        && nouns.first().is_some_and(|n| {
            names_past_year(s.lower, n.start()) || in_force(s.lower, n.start(), n.end())
        })
    {
        status = Some(AgreementStatus::Signed);
    }
    // A joint declaration or statement that governments issue is concluded by being issued:
    // "In a joint statement, the leaders pledged … to hold their next meeting in Accra" is
    // issued, whatever else the clause discusses.
    let issued = |n: &regex::Match<'_>| {
        let before = s.lower[..n.start()].trim_end();
        [
            "in a",
            "in their",
            "in the",
            "according to a",
            "according to the",
        ]
        .iter()
        .any(|w| before.ends_with(w))
    };
    if (status.is_none()
        || status == Some(AgreementStatus::Discussed) && nouns.first().is_some_and(issued))
        && nouns.first().is_some_and(|n| {
            let l = n.as_str().to_ascii_lowercase();
            l.starts_with("joint")
                || l.starts_with("tripartite")
                || l.starts_with("trilateral")
                || l.starts_with("communiq")
        })
    {
        status = Some(AgreementStatus::Signed);
    }
    let list_item = ["the ", "and ", "a ", "as well as "]
        .iter()
        .any(|w| s.lower.trim_start().starts_with(w));
    if status.is_none() && list_item {
        status = inherited;
    }
    let (kind, status, rule, noun_end) = match (nouns.first(), status) {
        // "Talks ended without an agreement": the talks still happened.
        // "Denied reports that it had opened negotiations with China": what follows the
        // denial did not happen, talks included.
        (Some(n), _) if denial_before(s, n.start()).is_some() => {
            let at = denial_before(s, n.start()).unwrap_or(0);
            let rest = &s.lower[at..];
            let denied =
                cues::status(rest, &cues::Cues::of(rest)).unwrap_or(AgreementStatus::Signed);
            (kind_of(&nouns), denied, DENIED, n.end())
        }
        (Some(n), _) if negated_noun => (
            kind_of(&nouns),
            AgreementStatus::Discussed,
            if talk && !cues::meeting_negated(s.lower, &s.cues) {
                "talks that ended without an agreement"
            } else {
                NEGATED
            },
            n.end(),
        ),
        (Some(n), Some(st)) => (
            kind_of(&nouns),
            st,
            "agreement noun with a status verb",
            n.end(),
        ),
        // "The Secretary-General will meet him if he comes to New York": a meeting on a
        // condition has not happened.
        _ if talk && conditional(s.lower) => return None,
        _ if talk => (
            AgreementKind::Other,
            AgreementStatus::Discussed,
            "officials of two countries meet or hold talks",
            0,
        ),
        // "No such agreement was signed": nothing to record, but a denial to remember.
        (Some(n), None) if denied_signing(s) => (
            kind_of(&nouns),
            AgreementStatus::Discussed,
            NEGATED,
            n.end(),
        ),
        // "What has been signed between Iran and China is not a treaty": the sides of a
        // signing, with no instrument named.
        (None, Some(AgreementStatus::Signed)) if signed_between(s) => (
            AgreementKind::Agreement,
            AgreementStatus::Signed,
            "a signing between two named sides",
            0,
        ),
        // "Australia, New Zealand, Tonga … were at the signing ceremony in Nuku'alofa".
        (None, _) if countries_at_signing(s) => (
            AgreementKind::Agreement,
            AgreementStatus::Signed,
            "countries present at a signing ceremony",
            0,
        ),
        // "Kavi Ramdoyal signed for Mauritius": who signed what the document reports.
        _ if !s.people.is_empty() && signs(s) => (
            AgreementKind::Agreement,
            AgreementStatus::Signed,
            SIGNERS,
            0,
        ),
        _ => return None,
    };
    if noun_end == 0 && cues::meeting_negated(s.lower, &s.cues) {
        return None;
    }
    // "Türkiye had been informed of the talks but was not a party to them".
    if s.cues.any(Cue::NotInvolved) || company_signs(s) {
        return None;
    }
    let witnesses = witnesses(s);
    // Leaders who watch their ministers sign still stand for the parties; guests named in
    // the presence of whom a signing took place, or who visited, stand for no one here.
    let attendees: Vec<usize> = witnesses
        .iter()
        .copied()
        .filter(|&p| attends(s, p))
        .collect();
    let parties = parties(s, people, referent, noun_end, &attendees);
    if with_company(s) && parties.partners.is_empty() {
        return None;
    }
    // "The agreements aim to …" sums up.
    // Several instruments, or separate meetings with several counterparts.
    // "During the tripartite summit they signed several agreements": the three together.
    let three_way = [
        "trilateral",
        "tripartite",
        "three-way",
        "quadrilateral",
        "multilateral",
    ]
    .iter()
    .any(|w| s.lower.contains(w));
    let plural = match nouns.first() {
        Some(n) => {
            let head = noun_head(n.as_str()).to_ascii_lowercase();
            (head.ends_with('s')
                || head == "memoranda"
                || coordinated(s.lower, &nouns)
                // "the agreement between Russia and Guinea-Bissau …, the agreement between
                // Russia and Zambia …": instruments each with its own "between".
                || nouns.len() >= 2 && s.lower.matches(" between ").count() >= 2
                || counted_instruments(s.lower, n.start()))
                && !three_way
        }
        // A host meets several counterparts one by one, unless the text says they met
        // together, or names one meeting ("one of the reasons for the meeting is to enable
        // Canada to play catch-up with the United States and Mexico").
        None => {
            !three_way
                && ![
                    "joint meeting",
                    "together",
                    "ministerial meeting",
                    "the meeting ",
                    "their meeting ",
                    // "had a working breakfast with his Cambodian and Lao counterparts".
                    "a working breakfast",
                    "a working lunch",
                    "a working dinner",
                    // "The consultations involving the United States, Malaysia, Thailand and
                    // Cambodia took place in Kuala Lumpur".
                    " involving ",
                    // "a meeting between the Angolan President and his South African
                    // counterpart".
                    "meeting between",
                    "talks between",
                    "discussions between",
                    "consultations between",
                ]
                .iter()
                .any(|w| s.lower.contains(w))
        }
    };
    let as_means = signing_as_means(s);
    let signers = if status == AgreementStatus::Signed {
        let mut named = signers(s, &witnesses, as_means);
        // "the Minister signed …": the official the story is about.
        if let (Some(_), Some(r)) = (pronoun_at(s), referent)
            && signs(s)
            && !named.iter().any(|(p, _)| *p == r)
        {
            named.push((r, None));
        }
        named
    } else {
        Vec::new()
    };
    Some(Report {
        kind,
        status,
        rule,
        refs: refs(s, nouns.first().map(|n| n.start())),
        parties,
        plural,
        instrument: noun_end > 0,
        generic,
        counted: nouns.first().is_some_and(|n| counted(s.lower, n.start())),
        counted_partners: counted_partners(s.lower),
        counted_sides: counted_sides(s.lower),
        witnessed: s.cues.any(Cue::Witness),
        signing_as_means: as_means,
        topic: nouns
            .first()
            .and_then(|n| named_topic(s.text, n.start(), &name_spans(s)))
            .map(Topic::naming)
            .or_else(|| topic(s.text, noun_end, kind == AgreementKind::Other).map(Topic::about)),

        place: place(s.text),
        // "signed … today" under a dated line: the document's date.
        date: date(s.text).or(today.filter(|_| says_today(s.lower))),
        signers,
        name: nouns
            .first()
            .and_then(|n| instrument_name(s.text, n.start())),
        actors: s
            .people
            .iter()
            .copied()
            .filter(|p| !witnesses.contains(p))
            .collect(),
        text: crate::extract::excerpt(s.text, crate::extract::MAX_QUOTE),
    })
}

/// "signed between Iran and China": a signing whose sides follow, at least two of them
/// named after it.
fn signed_between(s: &Sentence<'_>) -> bool {
    ["signed between ", "inked between "].iter().any(|w| {
        s.lower
            .find(w)
            .is_some_and(|at| s.countries.iter().filter(|m| m.start > at).count() >= 2)
    })
}

/// "A deal with 10 Pacific island nations": how many counterparts the clause counts
/// without naming them.
fn counted_partners(lower: &str) -> Option<usize> {
    static RE: OnceLock<Regex> = OnceLock::new();
    counted_states(lower, &RE, "with|between", 3)
}

/// "The presidents of the eight Amazon countries released the declaration", "the eight
/// signatory nations": all the sides of one instrument, counted, not named.
fn counted_sides(lower: &str) -> Option<usize> {
    static RE: OnceLock<Regex> = OnceLock::new();
    counted_states(lower, &RE, "of|the", 2)
}

/// Counts of three or more written as words.
const COUNT_WORDS: &[&str] = &[
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];

/// The count in "<lead> (the) N (up to `words` words) nations|countries|states", a lead being
/// one of the `|`-separated `leads`; three or more, in digits or words.
fn counted_states(
    lower: &str,
    re: &'static OnceLock<Regex>,
    leads: &str,
    words: usize,
) -> Option<usize> {
    let re = re.get_or_init(|| {
        let counts = COUNT_WORDS.join("|");
        Regex::new(&format!(
            r"\b(?:{leads}) (?:the )?(\d+|{counts}) (?:[a-z-]+ ){{0,{words}}}(?:nations|countries|states)\b"
        ))
        .expect("counted states regex")
    });
    let n = re.captures(lower)?.get(1)?.as_str();
    n.parse()
        .ok()
        .or_else(|| COUNT_WORDS.iter().position(|w| *w == n).map(|k| k + 3))
        .filter(|n| *n >= 3)
}

/// "Australia, New Zealand, Tonga … were at the signing ceremony": countries, not people,
/// present at a signing are its sides.
fn countries_at_signing(s: &Sentence<'_>) -> bool {
    s.people.is_empty()
        && ["were at the signing", "were present at the signing"]
            .iter()
            .any(|w| {
                s.lower
                    .find(w)
                    .is_some_and(|at| s.countries.iter().filter(|m| m.end <= at).count() >= 2)
            })
}

/// Where the clause names countries and organisations: no topic runs through them.
fn name_spans(s: &Sentence<'_>) -> Vec<(usize, usize)> {
    s.countries
        .iter()
        .map(|m| (m.start, m.end))
        .chain(
            super::parties::org_re()
                .find_iter(s.text)
                .map(|m| (m.start(), m.end())),
        )
        .collect()
}

/// The most specific kind the clause's agreement nouns name.
pub(super) fn kind_of(nouns: &[regex::Match<'_>]) -> AgreementKind {
    nouns
        .iter()
        .map(|m| noun_kind(m.as_str()))
        .max()
        .unwrap_or(AgreementKind::Agreement)
}

/// The kind one noun matched by [`noun_re`] names ("MoUs", "joint declaration", "treaty").
pub(super) fn noun_kind(noun: &str) -> AgreementKind {
    let lower = noun.to_ascii_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    match first {
        w if w.starts_with("memo") || w.starts_with("mou") => AgreementKind::Mou,
        w if w.starts_with("letter") => AgreementKind::LetterOfIntent,
        w if w.starts_with("accord") => AgreementKind::Accord,
        w if w.starts_with("declaration") => AgreementKind::Declaration,
        "joint" | "tripartite" | "trilateral" => AgreementKind::Declaration,
        w if w.starts_with("communiq") => AgreementKind::Declaration,
        w if w.starts_with("framework") => AgreementKind::Framework,
        w if w.starts_with("deal") => AgreementKind::Deal,
        w if w.starts_with("partnership") => AgreementKind::Partnership,
        w if w.starts_with("road") || w == "action" => AgreementKind::Other,
        _ => AgreementKind::Agreement,
    }
}
/// "has had a free trade agreement with Peru since 2011", "the accord, in force since 2019".
fn in_force(lower: &str, noun_start: usize, noun_end: usize) -> bool {
    let before: Vec<&str> = lower[..noun_start]
        .split_whitespace()
        .rev()
        .take(4)
        .collect();
    let after: Vec<&str> = lower[noun_end..].split_whitespace().take(8).collect();
    let had = before
        .windows(2)
        .any(|w| matches!(w, [_, "had"] | ["had", _]))
        && before.iter().any(|w| matches!(*w, "has" | "have"));
    let since = after
        .windows(2)
        .any(|w| w[0] == "since" && w[1].trim_matches(|c: char| !c.is_ascii_digit()).len() == 4);
    had && since
        || lower[noun_end..].trim_start().starts_with("in force")
        || after.join(" ").contains("in force")
}

fn says_today(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "today")
}

/// "Six agreements", "two MoUs": a number right before the instruments.
fn counted(lower: &str, noun_start: usize) -> bool {
    const NUMBERS: &[&str] = &[
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "several",
    ];
    lower[..noun_start]
        .split_whitespace()
        .rev()
        .take(3)
        .any(|w| NUMBERS.contains(&w) || w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 2)
}

/// "signed two communique establishing relations": a number counts the instruments even
/// when the noun is singular; "the three nations' agreement" counts the sides instead.
fn counted_instruments(lower: &str, noun_start: usize) -> bool {
    let before: Vec<&str> = lower[..noun_start]
        .split_whitespace()
        .rev()
        .take(2)
        .collect();
    let sides = |w: &str| {
        let w = w.trim_end_matches(['\'', '’']);
        matches!(
            w,
            "countries" | "nations" | "sides" | "states" | "parties" | "leaders"
        )
    };
    counted(lower, noun_start) && !before.iter().any(|w| sides(w)) && {
        let first = before.first().copied().unwrap_or("");
        first != "of" && first != "the"
    }
}

/// "its 2023 critical minerals agreement": an instrument dated in the past exists.
pub(super) fn names_past_year(lower: &str, noun_start: usize) -> bool {
    let before = &lower[floor(lower, noun_start.saturating_sub(40))..noun_start];
    before.split_whitespace().rev().take(5).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        w.len() == 4 && (w.starts_with("19") || w.starts_with("20"))
    })
}

use crate::location::floor_char_boundary as floor;

/// A meeting that would only happen on a condition: a modal verb and an "if" or "unless" in
/// the same clause.
fn conditional(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| matches!(*w, "if" | "unless"))
        && words
            .iter()
            .any(|w| matches!(*w, "will" | "would" | "could" | "might"))
}

/// An agreement noun inside an idiom: "a great deal", "in the framework of the anniversary".
pub(super) fn is_idiom(lower: &str, start: usize) -> bool {
    let before = &lower[floor(lower, start.saturating_sub(12))..start];
    // "in the framework of the anniversary": in the context of, not an instrument.
    let context = lower[start..].starts_with("framework of")
        && (before.ends_with("in the ") || before.ends_with("within the "));
    // "within minutes of the announcement": a time, not the minutes of a meeting.
    let time = lower[start..].starts_with("minutes")
        && before.split_whitespace().next_back().is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    w,
                    "within"
                        | "few"
                        | "several"
                        | "many"
                        | "some"
                        | "ten"
                        | "twenty"
                        | "thirty"
                        | "five"
                        | "two"
                        | "three"
                        | "fifteen"
                        | "45"
                        | "last"
                        | "final"
                )
        });
    // "the Bali International Convention Centre", "the party convention": a place or a
    // party's congress, not a treaty.
    let gathering = lower[start..].starts_with("convention")
        && (["convention cent", "convention hall", "convention complex"]
            .iter()
            .any(|w| lower[start..].starts_with(w))
            || before.ends_with("party ")
            || before.ends_with("national ")
            || before.ends_with("annual "));
    // "a charter flight": a hired aircraft.
    let hired = lower[start..].starts_with("charter ")
        && ["flight", "plane", "jet", "aircraft", "company", "service"]
            .iter()
            .any(|w| lower[start + "charter ".len()..].starts_with(w));
    // "Korea's botched martial law declaration", "a declaration of war": one state's act.
    let unilateral = lower[start..].starts_with("declaration")
        && (["martial law ", "emergency ", "war ", "independence "]
            .iter()
            .any(|w| before.ends_with(w))
            || [
                "declaration of war",
                "declaration of independence",
                "declaration of martial",
                "declaration of a state of emergency",
                "declaration of emergency",
            ]
            .iter()
            .any(|w| lower[start..].starts_with(w)));
    before.ends_with("great ")
        || before.ends_with("good ")
        || context
        || gathering
        || time
        || hired
        || unilateral
}

/// "The ceasefire agreement was also the subject of a meeting between the Angolan President
/// and his South African counterpart": the clause reports the meeting, whose sides are
/// others than the instrument's.
fn topic_of_a_meeting(lower: &str, noun_end: usize) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?:[^,.;]{0,40}?\s)?(?:was|were|is|are|has been|had been)(?: also)? (?:the (?:main )?(?:subject|focus|topic) of|(?:discussed|raised|on the agenda) (?:at|during|in)) (?:a|an|the|their|his|her) (?:[a-z-]+ ){0,2}(?:meeting|talks|discussions?|call|conversation|summit)\b",
        )
        .expect("topic of a meeting regex")
    })
    .is_match(&lower[noun_end..])
}

/// "a Memorandum of Understanding (MoU) and initial Air Services Agreement with …": two
/// instruments named together are several, as a plural noun is.
fn coordinated(lower: &str, nouns: &[regex::Match<'_>]) -> bool {
    // Consecutive nouns, so that a short form in brackets between two ("(MoU)") is crossed.
    for pair in nouns.windows(2).take(3) {
        let gap = &lower[pair[0].end()..pair[1].start()];
        if gap.len() > 48
            || gap.contains([',', ';'])
            || [" with ", " between ", " to "]
                .iter()
                .any(|w| gap.contains(w))
        {
            return false;
        }
        if gap.contains(" and ") {
            return true;
        }
    }
    false
}

/// The word of an agreement noun that carries its number: the first before "of"
/// ("memoranda of understanding", "letters of intent"), else the last ("cooperation plans or
/// action plans", "joint declarations"). "Agreed minutes" and "exchanged notes" are one
/// record.
fn noun_head(noun: &str) -> &str {
    let words: Vec<&str> = noun.split_whitespace().collect();
    let of = words.iter().position(|w| w.eq_ignore_ascii_case("of"));
    match (of, words.as_slice()) {
        (Some(k), _) if k > 0 => words[k - 1],
        (_, [.., "minutes" | "notes"]) => "one",
        (_, [.., last]) => last,
        _ => "",
    }
}

/// "signed multiple agreements", "a series of deals": a count, not an agreement.
pub(super) fn is_generic(s: &Sentence<'_>, start: usize, noun: &str) -> bool {
    let head = noun_head(noun);
    let plural =
        head.ends_with('s') && !head.ends_with("ss") || head.eq_ignore_ascii_case("memoranda");
    plural
        && s.cues
            .starts(Cue::Quantifier)
            .any(|i| i < start && i + 40 >= start)
}

/// A negation right before the noun ("has no trade agreement", "without an accord"), a
/// company deal ("a commercial agreement", "business agreements"), or a denial earlier in the clause.
pub(super) fn noun_negated(s: &Sentence<'_>, noun_start: usize) -> bool {
    let before: Vec<&str> = s.lower[..noun_start]
        .split_whitespace()
        .rev()
        .take(6)
        .collect();
    before
        .iter()
        .any(|w| matches!(*w, "no" | "without" | "not" | "never" | "nor"))
        || before
            .iter()
            .take(2)
            .any(|w| matches!(*w, "commercial" | "business"))
        || s.cues.starts(Cue::Denial).any(|i| i < noun_start)
}

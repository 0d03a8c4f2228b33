//! The cue words of agreement sentences — status verbs, meeting words, negations,
//! quantifiers, references back — found in one Aho–Corasick pass per clause instead of a
//! hundred substring searches.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::terms::AgreementStatus;

mod future;

use future::{future_signing, plans_an_act};

/// What a cue word signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    /// A signing verb in the past: "signed", "inked", "concluded".
    Signed,
    /// A plan: "will sign", "aims to", "expected to".
    Planned,
    /// Talk: "discussed", "talks", "exploring".
    Discussed,
    /// Someone watched a signing: "witnessed", "signing ceremony".
    Witness,
    /// A meeting: "met", "held talks", "hosted".
    Meeting,
    /// A reference to the country the story is about: "the government", "the country".
    Home,
    /// After this, countries are context: "similar", "such as", "mediated by".
    NotParty,
    /// A count, not an instrument: "multiple", "several", "a series of".
    Quantifier,
    /// A denial: "denied", "ruled out".
    Denial,
    /// Someone reacts to an engagement of others: "welcomed", "praised".
    Reaction,
    /// Someone says they take no part: "was not a party to", "not involved".
    NotInvolved,
    /// A signing called off: "suspended", "postponed", "cancelled".
    Suspended,
    /// A condition: "only if", "provided that".
    Conditional,
}

/// Meeting words that are also trigger words of their own (see `clause::triggers`), kept in
/// one place: "… held meetings with A of X. The rest are C of Z" (the list of counterparts goes
/// on), "The emir visited Cairo in June" (a leader's visit meets the host), a working meal.
pub(super) const MORE_MEETINGS: &[&str] = &[
    "the rest are ",
    "the rest were ",
    "the others are ",
    "the others were ",
    " visited ",
    "working breakfast",
    "working lunch",
    "working dinner",
    // "the 29th Joint Egyptian-Jordanian Higher Committee": a standing body that meets.
    "joint committee",
    "higher committee",
    "annual consultation",
];

#[rustfmt::skip]
const WORDS: &[(Cue, &[&str])] = &[
    (Cue::Signed, &["signed", "inked", "penned", "enacted", "concluded", "sealed", "finalised", "finalized", "forged",
        " sign ", " signs ", " ink ", " inks ", "formalised", "formalized", "formalise ", "formalize ",
        "formalises", "formalizes", "adopted", "adopting", "issued", "released", "exchanged", "exchange of",
        "resulted in", "resulting in", "striking", "witnessed",
        "struck", "clinched", "entered into", "signatories", "agreed a", "reached an", "reached a", "reached agreement", "recently reached",
        "put pen to paper", "put his signature", "put her signature", "put their signatures", "was the signing of", "were the signing of", "include the signing of",
        "includes the signing of", "saw the signing of", "included the signing of",
        "culminated in the signing of", "ended with the signing of", "was followed by the signing of",
        "were followed by the signing of", "announced the signing of", "announced an agreement",
        "announcing an agreement", "announced a deal", "announcing a deal", "by signing",
        "after signing", ", signing ", "with the signing", "welcomed the signing of",
        "welcomes the signing of", "welcoming the signing of", "ratified", "ratification", "came into force", "came into effect", "come into force",
        // "gave ex-post facto approval to the agreement": approval after the signing.
        "ex-post facto approval", "ex post facto approval", "post-facto approval",
        "come into effect", "entered into force", "took effect",
        "entry into force", "enters into force", "entering into force"]),
    (Cue::Planned, &["will sign", "to sign", "plans to", "plan to", "planned", "aims to", "aim to",
        "expected to", "expects to", "expect to", "hopes to", "hope to", "initialled", "initialed",
        "set to", "intends to", "intend to", "would sign", "are to sign", "is to sign",
        "agreed to", "preparing to", "upcoming", "due to", "will formally", "next month",
        "next year", "next week", "authorising the signature", "authorizing the signature",
        "authorising the signing", "authorizing the signing", "approved for signing",
        "approved the signing", "paving the way for", "paves the way for", "ready to sign",
        "ambition to conclude", "to conclude", "to finalise", "to finalize", "to formalise",
        "to formalize", "with a view to", "with an eye to", "early signing", "speedy signing",
        "swift signing", "early conclusion", "aim of signing", "finalizing", "finalising",
        "plans a ", "plans an ", "would conclude", "will conclude", "agree on the signing",
        "agreed on the signing", "agreed upon the signing", "agree on signing", "agreed on signing",
        "approving the signing", "approve the signing", "approving the negotiation and signing",
        "approved the negotiation and signing", "approve the negotiation and signing",
        "approved ", "approves ", "approving ", "approve ", "approval to ", "approval for "]),
    (Cue::Discussed, &["discuss", "talks", "exploring", "explored", "explore ", "propos",
        "offered", "negotiat", "consider", "under discussion", " met ", "meeting", "mooted",
        "draft", "preparing", "being prepared", "under preparation", "working on", "invited"]),
    (Cue::Witness, &["watched", "witnessed", "oversaw", "presided over", "attended the signing",
        "signing ceremony"]),
    (Cue::Meeting, &[" met ", " meet ", " meets ", "meeting", "exploring", "explored",
        " explore ", "negotiating", "negotiations", " talks", "hosted", "discussed", " discuss",
        "held discussions", "sat down with", " received ", "phone call", "telephone call",
        "phone conversation", "telephone conversation", "video call", "videoconference",
        "video conference", "virtual meeting", "dialogue", "exchanged views", "consultations",
        "bilaterals", "conferred with", "held talks", "courtesy call", "paid a visit", "met with",
        " summit", " agreed ", " discussion", "press conference with",
        "news conference with", "bi-national commission", "binational commission",
        "joint commission", "joint permanent commission", "intergovernmental commission",
        "tete-a-tete", "tête-à-tête", "granted an audience", "received in audience"]),
    (Cue::Meeting, MORE_MEETINGS),
    // A meeting reported without a talks verb ("had a joint committee with Libya", "the emir
    // visited Cairo") is still talks.
    (Cue::Discussed, MORE_MEETINGS),
    (Cue::Home, &["the country", "the government", "the nation", "the kingdom", "the republic",
        "the island", "the two countries", "the two governments", "both countries",
        "both governments", "the ministry", "the archipelago", "government has",
        "government have", "the cabinet", "the council of ministers", "the foreign ministry",
        "the sultanate", "the emirate", "the island nation", "the gulf state"]),
    (Cue::NotParty, &["similar", "such as", "unlike", "mediated by", "brokered by", "hosted by", "supported by",
        "facilitated by", "auspices of", "compared with", "compared to", "like ", "follows ",
        "following ", "comes after", "came after", "coming after", "modelled on", "modeled on", "previously", " than ", "informed of",
        " amid ", " as both countries ", " as both nations ", " as the two countries ",
        " as both sides "]),
    (Cue::Reaction, &["welcomed", "welcomes", "praised", "praises", "hailed", "hails",
        "congratulated", "applauded", "criticised", "criticized", "condemned", "slammed",
        "reacted to", "backed the", "supported the", "endorsed the"]),
    (Cue::NotInvolved, &["not a party", "not party to", "was not involved", "were not involved",
        "is not involved", "not part of", "not a signatory", "did not take part"]),
    (Cue::Quantifier, &["multiple", "several", "numerous", "various", "many", "dozens", "scores",
        "a number of", "a series of", "a string of", "a raft of", "a slew of", "a range of",
        "a host of", "a flurry of", "hundreds", "a wave of", "other"]),
    (Cue::Denial, &["denied", "denies", "deny", "ruled out", "rules out", "rejected", "rejects",
        "correction:",
        "refused", "refuses", "declined to"]),
    (Cue::Suspended, &["suspended", "suspend", "suspending", "suspends", "cancelling",
        "canceling", "scrapping", "postponing", "called off",
        "cancelled", "canceled", "postponed",
        "shelved", "scrapped", "put on hold", "halted", "collapsed", "fell through", "fallen through", "falls through", "walked away",
        "pulled out of", "withdrew from", "derailed", "stalled", "delayed", "terminated",
        "terminating", "terminates", "terminate", "disengaging from", "disengaged from",
        "disengage from", "withdrawing from", "withdraw from", "pulling out of", "annulled",
        "revoked", "renounced"]),
    (Cue::Conditional, &["only if", "on condition that", "provided that", "unless", "as long as"]),
];

struct CueSet {
    matcher: AhoCorasick,
    /// The cues each pattern signals (a word can be in several lists).
    cues: Vec<Vec<Cue>>,
}

fn cue_set() -> &'static CueSet {
    static SET: OnceLock<CueSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut patterns: Vec<&str> = Vec::new();
        let mut cues: Vec<Vec<Cue>> = Vec::new();
        for (cue, words) in WORDS {
            for w in *words {
                match patterns.iter().position(|p| p == w) {
                    Some(i) => cues[i].push(*cue),
                    None => {
                        patterns.push(w);
                        cues.push(vec![*cue]);
                    }
                }
            }
        }
        CueSet {
            matcher: crate::extract::lexicon::automaton(&patterns, false),
            cues,
        }
    })
}

/// The cues found in one clause (lowercase), with their byte offsets.
pub(super) struct Cues {
    hits: Vec<(Cue, usize, usize)>,
    /// "finalised the draft", "concluded negotiations": a text agreed that awaits signing.
    finished_text: bool,
}

impl Cues {
    /// Finds every cue in `lower` (ASCII-lowercased text).
    pub(super) fn of(lower: &str) -> Cues {
        let set = cue_set();
        // Stems match inside words ("negotiat" in "negotiations"); whole words do not match
        // inside others ("deny" is not in "Denys").
        const STEMS: &[&str] = &[
            "discuss", "propos", "negotiat", "consider", "draft", "explor", "signator",
        ];
        let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut hits = Vec::new();
        let mut finished_text = false;
        for m in set.matcher.find_overlapping_iter(lower) {
            let word = &lower[m.start()..m.end()];
            let stem = STEMS.iter().any(|s| word.starts_with(s));
            // "renegotiation": a stem may follow a prefix.
            let inside_before = word.starts_with(char::is_alphanumeric)
                && letter(lower[..m.start()].chars().next_back())
                && !(stem && lower[..m.start()].ends_with("re"));
            // A plural of a longer word is the same cue: "meetings", "dialogues".
            let rest = &lower[m.end()..];
            let plural = word.len() >= 5
                && (rest.starts_with('s') && !letter(rest[1..].chars().next())
                    || rest.starts_with("es") && !letter(rest[2..].chars().next()));
            let inside_after = word.ends_with(char::is_alphanumeric)
                && letter(rest.chars().next())
                && !plural
                && !STEMS.iter().any(|s| word.starts_with(s));
            if inside_before || inside_after {
                continue;
            }
            // "a business summit in Bali": a gathering of companies, not of states.
            let before = &lower[..m.start()];
            // "in Beijing for the Summit of the Forum on China-Africa Cooperation": a named
            // gathering its attendees came to, not a meeting between them ("a summit of the
            // two leaders" is one).
            let named_gathering = rest.trim_start().strip_prefix("of the ").is_some_and(|r| {
                !["two ", "three ", "four ", "leaders"]
                    .iter()
                    .any(|w| r.starts_with(w))
            });
            if word == " summit"
                && (named_gathering
                    || ["business", "investment", "investors", "industry"]
                        .iter()
                        .any(|w| before.ends_with(w)))
            {
                continue;
            }
            // "received a letter from", "two messages received by the King": a message
            // delivered is no meeting of its senders.
            if word == " received " && delivers_a_message(before, rest) {
                continue;
            }
            // "finalised the draft", "concluded negotiations": the text is agreed and awaits
            // its signing; concluding "talks" ends a round, which `status` reads on its own.
            let object = matches!(word, "finalised" | "finalized" | "concluded")
                .then(|| {
                    [
                        "the draft",
                        "a draft",
                        "the text",
                        "negotiations",
                        "the negotiations",
                        "talks",
                    ]
                    .into_iter()
                    .find(|w| rest.trim_start().starts_with(w))
                })
                .flatten();
            finished_text |= object.is_some_and(|w| w != "talks");
            for cue in &set.cues[m.pattern().as_usize()] {
                if object.is_some() && *cue == Cue::Signed {
                    continue;
                }
                hits.push((*cue, m.start(), m.end()));
            }
        }
        Cues {
            hits,
            finished_text,
        }
    }

    /// Whether any cue of this kind is present.
    pub(super) fn any(&self, cue: Cue) -> bool {
        self.hits.iter().any(|h| h.0 == cue)
    }

    /// Start and end offsets of the cues of this kind.
    pub(super) fn spans(&self, cue: Cue) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.hits
            .iter()
            .filter(move |h| h.0 == cue)
            .map(|h| (h.1, h.2))
    }

    /// Start offsets of the cues of this kind.
    pub(super) fn starts(&self, cue: Cue) -> impl Iterator<Item = usize> + '_ {
        self.hits.iter().filter(move |h| h.0 == cue).map(|h| h.1)
    }
}

/// Whether "received" is said of a message: "messages received by", "received a written
/// message from", "received a letter".
fn delivers_a_message(before: &str, after: &str) -> bool {
    let message = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        matches!(w, "message" | "messages" | "letter" | "letters")
    };
    before.split_whitespace().next_back().is_some_and(message)
        || after.split_whitespace().take(4).any(message)
}

/// The `n` words after the word at `i`.
fn words_after(lower: &str, i: usize, n: usize) -> String {
    // "the exchange of a number of bilateral agreements": a count says how many, not what.
    const COUNTS: &[&str] = &["a number of", "a series of", "a range of", "a set of"];
    let words: Vec<&str> = lower[i..].split_whitespace().skip(1).collect();
    let skip = COUNTS.iter().find_map(|c| {
        let c: Vec<&str> = c.split(' ').collect();
        (0..=2)
            .find(|&k| words.get(k..k + c.len()) == Some(c.as_slice()))
            .map(|k| (k, c.len()))
    });
    words
        .iter()
        .enumerate()
        .filter(|(k, _)| skip.is_none_or(|(at, len)| *k < at || *k >= at + len))
        .map(|(_, w)| *w)
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

fn acts_on_instrument(lower: &str, i: usize) -> bool {
    // "The first MoU … was exchanged between": the noun may come first.
    let before: Vec<&str> = lower[..i].split_whitespace().rev().take(12).collect();
    if before
        .iter()
        .any(|w| super::sentence::noun_re().is_match(w))
    {
        return true;
    }
    super::sentence::noun_re().is_match(&words_after(lower, i, 5))
}

/// A negation among the few words before `i`: "no document was signed", "did not meet".
pub(super) fn negated_before(lower: &str, i: usize, words: usize) -> bool {
    let before: Vec<&str> = lower[..i]
        .split_whitespace()
        .rev()
        .take(words + 2)
        .collect();
    // "have not held consultations or negotiations": the negation spans the coordination.
    let span = if before
        .iter()
        .take(words)
        .any(|w| matches!(*w, "or" | "nor"))
    {
        words + 2
    } else {
        words
    };
    before.iter().take(span).enumerate().any(|(k, w)| {
        matches!(*w, "no" | "not" | "never" | "nothing" | "without")
            || w.ends_with("n't")
            // "…, let alone reached any agreement": only ever after a negation.
            || *w == "alone" && before.get(k + 1) == Some(&"let")
    })
}

/// The status a clause's verbs give: a past signing beats a plan, a plan beats talk.
pub(super) fn status(lower: &str, cues: &Cues) -> Option<AgreementStatus> {
    let mut past_signing = false;
    let mut future = false;
    for i in cues.starts(Cue::Signed) {
        if negated_before(lower, i, 4) {
            continue; // "no document was signed"
        }
        // "a protocol …, which is also being finalised": work towards a signing to come.
        if lower[..i].ends_with("being ")
            && ["finalis", "finaliz", "conclud"]
                .iter()
                .any(|v| lower[i..].starts_with(v))
        {
            future = true;
            continue;
        }
        // "Adopted", "issued", "exchanged" conclude an instrument only when they act on one:
        // "issued a joint statement", not "adopted two decisions authorising the signature".
        let weak = ["adopted", "adopting", "issued", "released", "exchanged"]
            .iter()
            .any(|w| lower[i..].starts_with(w));
        // "The exchange of a memorandum", not "… exchange of experiences": the instrument
        // must follow, a noun before is not enough.
        // "…, signing a security pact": a participle signs only an instrument, not "…,
        // signing ceremony".
        // "resulted in a joint statement", "striking an agreement", not "talks on the
        // agreement resulted in progress".
        let needs_instrument = [
            "exchange of",
            ", signing",
            "resulted in",
            "resulting in",
            "striking",
            // "The joint committee witnessed seven memoranda": what was witnessed was signed.
            "witnessed",
        ]
        .iter()
        .any(|w| lower[i..].starts_with(w));
        // "resulted in the signing of a cooperation agreement": the signing is the instrument's.
        let instrument_follows = |w: &str| {
            lower[i..].starts_with("result") && w.split_whitespace().any(|w| w == "signing")
                || super::sentence::noun_re().is_match(w)
        };
        // "exchanged views on the agreement": talk about an instrument, not its exchange.
        let exchanged_talk = lower[i..].starts_with("exchanged")
            && matches!(
                words_after(lower, i, 1).as_str(),
                "views" | "ideas" | "opinions" | "greetings" | "information" | "experiences"
            );
        if exchanged_talk
            || weak && !acts_on_instrument(lower, i)
            || needs_instrument && !instrument_follows(&words_after(lower, i, 5))
        {
            continue;
        }
        // "concluded the fourth round of negotiations": talks ended, nothing was signed.
        if ends_talks(lower, i) {
            continue;
        }
        if future_signing(lower, i) {
            future = true;
        } else {
            past_signing = true;
        }
    }
    // "watched their ministers sign", "witnessed the signing".
    if cues.any(Cue::Witness) && lower.contains("sign") {
        past_signing = true;
    }
    let window = |i: usize| {
        // "China's plan to sign a broad trade and security deal with 10 Pacific island nations
        // has fallen through": the signing may be a long noun phrase before the verb.
        let from = crate::location::floor_char_boundary(lower, i.saturating_sub(100));
        let to = crate::location::floor_char_boundary(lower, (i + 60).min(lower.len()));
        &lower[from..to]
    };
    // "The signing … has been suspended", "will sign only if …": not signed, not planned. A
    // signing "delayed" or "postponed" is still to come: "the treaty set to be signed today
    // will be delayed".
    let deferral = |i: usize| lower[i..].starts_with("delay") || lower[i..].starts_with("postpon");
    // "terminated two agreements that it signed with France": ending an instrument in
    // force calls off no signing.
    let ends_instrument = |i: usize| {
        ["terminat", "disengag", "annul", "revok", "renounc"]
            .iter()
            .any(|v| lower[i..].starts_with(v))
    };
    let (deferred, called_off) = cues
        .starts(Cue::Suspended)
        .chain(cues.starts(Cue::Conditional))
        .filter(|&i| window(i).contains("sign") && !ends_instrument(i))
        .fold((false, false), |(d, c), i| {
            let later = deferral(i) && !cues.any(Cue::Conditional);
            (d || later, c || !later)
        });
    if (past_signing || future) && called_off {
        return Some(AgreementStatus::Discussed);
    }
    if (past_signing || future) && deferred {
        return Some(AgreementStatus::Planned);
    }
    // "… will ask the President to suspend an agreement with Trinidad": an agreement that
    // can be suspended exists.
    let suspends_instrument = cues.starts(Cue::Suspended).any(|i| {
        let verb = &lower[i..];
        let stops = [
            "suspend",
            "scrapped",
            "shelved",
            "halted",
            "cancel",
            "withdr",
            "pulled out",
            "pulling out",
        ]
        .iter()
        .any(|v| verb.starts_with(v));
        (ends_instrument(i) || stops && !window(i).contains("sign"))
            && super::sentence::noun_re().is_match(window(i))
    });
    if suspends_instrument && !past_signing && !future {
        return Some(AgreementStatus::Signed);
    }

    if !past_signing && !future {
        match signing_event(lower) {
            Some(AgreementStatus::Signed) => past_signing = true,
            Some(_) => future = true,
            None => {}
        }
    }
    if past_signing {
        Some(AgreementStatus::Signed)
    } else if future
        || cues.finished_text
        || cues.hits.iter().any(|&(c, start, end)| {
            c == Cue::Planned && !opens_talks(cues, end) && plans_an_act(lower, start, end)
        })
    {
        Some(AgreementStatus::Planned)
    } else if cues
        .starts(Cue::Discussed)
        .any(|i| !negated_before(lower, i, 3))
    {
        Some(AgreementStatus::Discussed)
    } else if describes_instrument(lower) {
        Some(AgreementStatus::Signed)
    } else {
        None
    }
}

/// A clause that describes an instrument between two parties as a thing that exists, with no
/// verb of signing or talk: "the third is a bilateral agreement between Cameroon and
/// Equatorial Guinea for …" in a list of agreements ratified.
fn describes_instrument(lower: &str) -> bool {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"\b(?:is|was) an? (?:[a-z-]+ ){0,6}(?:agreement|accord|treaty|pact|memorandum|mou|protocol|convention) (?:[a-z-]+ ){0,4}?between ",
        )
        .expect("instrument description regex")
    })
    .is_match(lower)
}

/// A signing reported as an event: "the signing of the memoranda took place in Gaborone"
/// (signed), "the signing ceremony is expected to take place in July", "a signature sealing
/// this agreement is scheduled for November" (planned).
fn signing_event(lower: &str) -> Option<AgreementStatus> {
    const HAPPENED: &[&str] = &["took place", "was held", "were held", "was conducted"];
    const AHEAD: &[&str] = &[
        "will take place",
        "to take place",
        "will be held",
        "to be held",
        "is scheduled",
        "are scheduled",
        "was scheduled",
        "is set for",
        "is planned",
        "is slated",
    ];
    let at = [
        "signing of",
        "signing ceremony",
        "a signature",
        "the signature",
    ]
    .iter()
    .filter_map(|w| lower.find(w))
    .min()?;
    // "will be followed by the signing of", "which will include signing of": an event ahead.
    const AHEAD_WORDS: &[&str] = &[
        "will",
        "would",
        "shall",
        "expected",
        "set",
        "scheduled",
        "due",
    ];
    let ahead = lower[..at]
        .split_whitespace()
        .rev()
        .take(5)
        .any(|w| AHEAD_WORDS.contains(&w));
    if ahead {
        return Some(AgreementStatus::Planned);
    }
    // "relations are at their highest following talks and the signing of four MoUs": what
    // the present follows has happened.
    let since = lower[..at]
        .split_whitespace()
        .rev()
        .take(6)
        .any(|w| matches!(w, "following" | "after"));
    // "The signing of the agreement seals an improvement in relations": a signing that is the
    // subject of the clause, with nothing ahead of it, is done.
    let subject = lower.trim_start().starts_with("the signing of")
        && !lower.split_whitespace().any(|w| {
            AHEAD_WORDS.contains(&w)
                || matches!(
                    w,
                    "planned" | "postponed" | "delayed" | "awaits" | "awaited"
                )
        });
    if since || subject {
        return Some(AgreementStatus::Signed);
    }
    let after = &lower[at..];
    let first = |words: &[&str]| words.iter().filter_map(|w| after.find(w)).min();
    match (first(HAPPENED), first(AHEAD)) {
        (Some(p), f) if f.is_none_or(|f| p < f) => Some(AgreementStatus::Signed),
        (_, Some(_)) => Some(AgreementStatus::Planned),
        _ => None,
    }
}

/// Whether a signing verb's object is a round of talks or a visit: "concluded the fourth
/// round of negotiations", "concluded their first round talks", "concluded his visit".
fn ends_talks(lower: &str, i: usize) -> bool {
    // Concluding "negotiations" or "talks" may mean a deal was reached; concluding a round,
    // a visit or a meeting does not.
    const TALK: &[&str] = &[
        "round", "rounds", "meeting", "meetings", "visit", "session", "sessions", "dialogue",
        "summit",
    ];
    // "signed at the meeting", "inked during the summit": where, not what.
    let words: Vec<&str> = lower[i..].split_whitespace().skip(1).take(5).collect();
    words
        .iter()
        .take_while(|w| !matches!(**w, "at" | "during" | "on" | "in" | "after"))
        .any(|w| TALK.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// "agreed to begin negotiations": a plan whose object is more talk is still talk.
fn opens_talks(cues: &Cues, planned_end: usize) -> bool {
    cues.hits.iter().any(|&(c, start, _)| {
        matches!(c, Cue::Discussed | Cue::Meeting)
            && start >= planned_end
            && start <= planned_end + 25
    })
}

/// A negated meeting: every meeting word has a negation right before it.
pub(super) fn meeting_negated(lower: &str, cues: &Cues) -> bool {
    let mut hits = cues.starts(Cue::Meeting).peekable();
    hits.peek().is_some() && hits.all(|i| negated_before(lower, i, 3))
}

#[cfg(test)]
mod tests;

//! Whether a signing or a plan word looks ahead: "will sign", "to be signed by May", "expected
//! to conclude" — and when it does not ("met with X to sign", "the memo aims to establish …").

/// Whether the signing verb at `i` is future or conditional: "to sign", "will sign", "to be
/// signed", "could be inked", "once the deal is signed".
pub(super) fn future_signing(lower: &str, i: usize) -> bool {
    const ADVERBS: &[&str] = &[
        "formally",
        "officially",
        "also",
        "soon",
        "jointly",
        "finally",
        "eventually",
        "likely",
        "then",
        "now",
        "shortly",
        "swiftly",
        "quickly",
        "possibly",
        "probably",
    ];
    const MODALS: &[&str] = &[
        "to", "will", "would", "shall", "could", "may", "might", "can", "'ll", "must", "should",
        "be",
    ];
    if signed_by_a_deadline(&lower[i..]) {
        return true;
    }
    let words: Vec<&str> = lower[..i]
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .skip_while(|w| ADVERBS.contains(w))
        // "met on the northern … archipelago of Brijuni on Friday to sign": a meeting may be
        // a dozen words before its purpose.
        .take(14)
        .collect();
    // "upgraded their ties by signing a partnership": the signing is as past as the main
    // verb, unless a plan governs it ("will deepen ties by signing").
    if [
        "by signing",
        "after signing",
        ", signing",
        "with the signing",
    ]
    .iter()
    .any(|w| lower[i..].starts_with(w))
    {
        return words.iter().take(7).any(|w| {
            MODALS[1..].contains(w)
                || matches!(
                    *w,
                    "plans" | "plan" | "expected" | "set" | "aims" | "aim" | "hopes" | "intends"
                )
        });
    }
    // "his hope … as they sign the final agreement": a signing in the present, in a clause of
    // time or condition, is one still to come.
    if [" sign ", " ink "]
        .iter()
        .any(|w| lower[i..].starts_with(w))
        && words.iter().take(3).any(|w| {
            matches!(
                *w,
                "as" | "when" | "once" | "until" | "before" | "if" | "unless" | "after"
            )
        })
    {
        return true;
    }
    // "should hold a presidential meeting and sign the deal": the base form coordinated with
    // a verb a modal governs.
    if [" sign ", " ink "]
        .iter()
        .any(|w| lower[i..].starts_with(w))
        && words.first() == Some(&"and")
        && words
            .iter()
            .take(8)
            .any(|w| MODALS[..MODALS.len() - 1].contains(w))
    {
        return true;
    }
    // "are expected to be finalised and signed": a participle coordinated with one that a
    // modal or "to be" governs.
    if let ["and", participle, aux, ..] = words[..]
        && participle.ends_with("ed")
        && MODALS.contains(&aux)
    {
        return true;
    }
    match words.first() {
        // "had met with the Qatari minister to sign", "joined her colleagues … to sign the
        // memorandum": the purpose of a past meeting, reported after it happened.
        Some(&"to") if purpose_of_past_meeting(&words[1..]) => false,
        Some(w) if MODALS.contains(w) || w.ends_with("'ll") => true,
        Some(&("is" | "are" | "gets" | "get")) => words[1..].iter().any(|w| {
            matches!(
                *w,
                "once" | "when" | "until" | "if" | "unless" | "whenever" | "before" | "soon"
            )
        }),
        Some(&("was" | "were")) => words[1..].iter().take(4).any(|w| *w == "before"),
        _ => false,
    }
}

/// "having this agreement signed by May", "signed by the end of February": a participle with
/// a deadline is a signing still to come (a signer after "by" is a name, not a time).
fn signed_by_a_deadline(from_verb: &str) -> bool {
    const TIMES: &[&str] = &[
        "the",
        "end",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "next",
        "early",
        "mid",
        "late",
        "year-end",
    ];
    let mut words = from_verb.split_whitespace();
    let verb = words.next().unwrap_or("");
    if !matches!(
        verb,
        "signed" | "inked" | "concluded" | "finalised" | "finalized"
    ) {
        return false;
    }
    if words.next() != Some("by") {
        return false;
    }
    let next: Vec<&str> = words
        .take(2)
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    match next.as_slice() {
        ["the", w, ..] => matches!(*w, "end" | "middle" | "beginning" | "close" | "summer"),
        [w, ..] => TIMES[1..].contains(w) || w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()),
        [] => false,
    }
}

/// Whether the words before a "to sign" (nearest first) are a past meeting or journey with no
/// plan in between: "met with X to sign", not "will meet X to sign" or "agreed to sign".
fn purpose_of_past_meeting(before: &[&str]) -> bool {
    const PAST: &[&str] = &[
        "met",
        "joined",
        "gathered",
        "travelled",
        "traveled",
        "arrived",
        "flew",
        "visited",
        "convened",
        "became",
        "becomes",
    ];
    const PLAN: &[&str] = &[
        "will", "would", "shall", "plans", "planned", "expected", "set", "due", "agreed", "aims",
        "hopes", "intends", "ready", "is", "are", "be",
    ];
    for (k, w) in before.iter().take(12).enumerate() {
        if PLAN.contains(w) {
            return false;
        }
        // "a ceremony was held to sign ten documents", not "will be held to sign".
        if *w == "held" {
            return before[k + 1..]
                .iter()
                .take(3)
                .any(|w| matches!(*w, "was" | "were"));
        }
        if PAST.contains(w) {
            return true;
        }
    }
    false
}

/// Whether a plan word plans an act of agreeing: "expected to sign", "aims to conclude",
/// "a planned accord", "next month" — not "the TTIP is set to cover 20 areas".
pub(super) fn plans_an_act(lower: &str, start: usize, end: usize) -> bool {
    const ACTS: &[&str] = &[
        "sign",
        "conclude",
        "finalise",
        "finalize",
        "formalise",
        "formalize",
        "ink",
        "seal",
        "ratify",
        "adopt",
        "establish",
        "create",
        "set",
        "launch",
        "strike",
        "reach",
        "enter",
        "complete",
        "agree",
        "be",
        "hold",
        "meet",
        "initial",
        "renew",
        "extend",
        "upgrade",
        "elevate",
        "issue",
        "unveil",
        "announce",
    ];
    let cue = lower[start..end].trim();
    // "the first memo aims to establish a mechanism of consultations": what an instrument is
    // for, not a plan to conclude it.
    if matches!(cue, "aims to" | "aim to") && purpose_of_an_instrument(&lower[..start]) {
        return false;
    }
    // "It aims to establish a cooperation framework" after a memo is named: a pronoun's aim
    // plans an instrument only when the aim is to conclude one ("It aims to sign a deal").
    if matches!(cue, "aims to" | "aim to")
        && matches!(last_word(&lower[..start]), "it" | "they" | "this" | "these")
    {
        let concludes = lower[end..]
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with("agree") || CONCLUDE.iter().any(|v| w.starts_with(v)));
        if !concludes {
            return false;
        }
    }
    // "next month", "upcoming": a time plans a signing only where the clause signs.
    if matches!(cue, "next month" | "next year" | "next week" | "upcoming") {
        return CONCLUDE.iter().any(|v| lower.contains(v));
    }
    // "The Cabinet approved a cooperation agreement with Greece": a government's approval of
    // an instrument comes before its signing; "approved the budget" plans nothing. Eight
    // words reach past "approving the negotiation and signing of the Memorandum".
    if cue.starts_with("approv") {
        // "the MoU, approved by parliament": a past approval of an instrument named before.
        if lower[end..].trim_start().starts_with("by ") {
            return false;
        }
        return super::super::sentence::noun_re().is_match(&super::words_after(lower, start, 8));
    }
    if !cue.ends_with(" to") {
        return true;
    }
    lower[end..]
        .split_whitespace()
        .take(3)
        // "set to be signed", not "set to benefit both countries".
        .any(|w| {
            ACTS.iter()
                .any(|&a| if a == "be" { w == a } else { w.starts_with(a) })
        })
}

/// Stems of the verbs that conclude an instrument.
const CONCLUDE: &[&str] = &[
    "sign", "ink", "conclude", "finalis", "finaliz", "formalis", "formaliz",
];

/// The last word of `before`, without punctuation.
fn last_word(before: &str) -> &str {
    before
        .split_whitespace()
        .next_back()
        .map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// Whether the words before an "aims to" are an instrument or a "which" after one: "the
/// memo aims to", "the agreement, which aims to".
fn purpose_of_an_instrument(before: &str) -> bool {
    let mut words = before
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let mut last = words.next().unwrap_or("");
    if matches!(last, "which" | "that") {
        last = words.next().unwrap_or("");
    }
    last.starts_with("memo") || super::super::sentence::noun_re().is_match(last) && !last.is_empty()
}

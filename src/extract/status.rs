//! The status a sentence gives an agreement: signed, planned or discussed.

use crate::terms::AgreementStatus;

const SIGNED: &[&str] = &[
    "signed",
    "inked",
    "concluded",
    "sealed",
    "finalised",
    "finalized",
    "clinched",
    "agreed",
    "struck",
    "initialled",
    "initialed",
    "entered into",
    "reached",
];
const PLANNED: &[&str] = &[
    "will sign",
    "to sign",
    "to be signed",
    "plans to",
    "planned",
    "aims to",
    "expected to",
    "set to",
    "intend to",
    "intends to",
    "would sign",
    "preparing",
    "upcoming",
    "next month",
    "will be signed",
    "are to",
];
const DISCUSSED: &[&str] = &[
    "discuss", "talks", "explor", "propos", "offered", "negotiat", "consider", "met ", "meeting",
];

/// The status `sentence` gives, if its verbs say: a plan outranks a bare "signed" in the same
/// sentence ("will be signed"), and "signed" outranks talk.
pub fn of_sentence(sentence: &str) -> Option<AgreementStatus> {
    let s = sentence.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    if has(PLANNED) {
        Some(AgreementStatus::Planned)
    } else if has(SIGNED) {
        Some(AgreementStatus::Signed)
    } else if has(DISCUSSED) {
        Some(AgreementStatus::Discussed)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_from_verbs() {
        assert_eq!(
            of_sentence("The accord was signed in Baghdad."),
            Some(AgreementStatus::Signed)
        );
        assert_eq!(
            of_sentence("They will sign the deal next week."),
            Some(AgreementStatus::Planned)
        );
        assert_eq!(
            of_sentence("Officials discussed a framework."),
            Some(AgreementStatus::Discussed)
        );
        assert_eq!(
            of_sentence("Under the framework agreement, parties exchange data."),
            None
        );
    }
}

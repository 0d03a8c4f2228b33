//! The status a clause's cues give, phrase by phrase.

use super::*;

fn st(text: &str) -> Option<AgreementStatus> {
    status(text, &Cues::of(text))
}

#[test]
fn statuses() {
    assert_eq!(
        st("the two ministers signed a memorandum"),
        Some(AgreementStatus::Signed)
    );
    // An instrument in force that is being suspended exists; a text only agreed does not.
    assert_eq!(
        st("the nation was suspending its friendship treaty with its neighbour"),
        Some(AgreementStatus::Signed)
    );
    assert_eq!(
        st("the two sides have concluded negotiations on a trade pact"),
        Some(AgreementStatus::Planned)
    );
    assert_eq!(
        st("they finalised the draft of a partnership agreement"),
        Some(AgreementStatus::Planned)
    );
    assert_eq!(
        st("the highlight of the visit was the signing of two agreements"),
        Some(AgreementStatus::Signed)
    );
    // "Set to benefit" plans nothing; "with the signing of" reports one.
    assert_eq!(
        st(
            "they elevated relations with the signing on wednesday of five agreements set to benefit both countries"
        ),
        Some(AgreementStatus::Signed)
    );
    // A signing event ahead.
    assert_eq!(
        st("the meeting will be followed by the signing of bilateral agreements"),
        Some(AgreementStatus::Planned)
    );
    // A participle takes the main verb's time.
    assert_eq!(
        st("the two agreed to deepen defence ties on saturday, signing a security pact"),
        Some(AgreementStatus::Signed)
    );
    assert_eq!(
        st("the premier will visit on friday, signing several memoranda"),
        Some(AgreementStatus::Planned)
    );
    // An instrument described as existing, and one described as hoped for.
    assert_eq!(
        st("the third is a bilateral agreement between cameroon and chad for oil fields"),
        Some(AgreementStatus::Signed)
    );
    assert_eq!(
        st("a trade agreement between the two would be a boost"),
        None
    );
    // An exchange of an instrument concludes it; an exchange of views does not.
    assert_eq!(
        st("the leaders witnessed the exchange of a memorandum of understanding on health"),
        Some(AgreementStatus::Signed)
    );
    assert_ne!(
        st("the ministers had an exchange of views on regional security"),
        Some(AgreementStatus::Signed)
    );
    assert_ne!(
        st("the memorandum will enhance cooperation, exchange of experiences and training"),
        Some(AgreementStatus::Signed)
    );
    // A purpose ahead: "with a view to signing a protocol".
    assert_eq!(
        st("they called on ministers to cooperate, with a view to signing a protocol"),
        Some(AgreementStatus::Planned)
    );
    // A signing told as an event, or as the means of something else.
    assert_eq!(
        st("the signing of the memoranda is expected to take place in july"),
        Some(AgreementStatus::Planned)
    );
    assert_eq!(
        st("the signing of the memorandum took place at the foreign ministry"),
        Some(AgreementStatus::Signed)
    );
    assert_eq!(
        st("the two countries upgraded their ties by signing a strategic partnership"),
        Some(AgreementStatus::Signed)
    );
    assert_eq!(
        st("the two countries will upgrade their ties by signing a strategic partnership"),
        Some(AgreementStatus::Planned)
    );
    assert_eq!(
        st("the three states met, announcing an agreement to extend the corridor"),
        Some(AgreementStatus::Signed)
    );
    // An instrument ratified or in force exists.
    assert_eq!(
        st("a deal on security cooperation with ecuador was also ratified"),
        Some(AgreementStatus::Signed)
    );
    assert_eq!(
        st("separate deals with jordan and rwanda come into effect"),
        Some(AgreementStatus::Signed)
    );
    assert_eq!(
        st("canada became the fifth country to sign a defence agreement"),
        Some(AgreementStatus::Signed)
    );
    assert_eq!(
        st("a ceremony was also held to sign ten additional documents"),
        Some(AgreementStatus::Signed)
    );
    assert_eq!(
        st("a ceremony will be held to sign ten additional documents"),
        Some(AgreementStatus::Planned)
    );
    assert_eq!(
        st("the deal is to be signed next month"),
        Some(AgreementStatus::Planned)
    );
    assert_eq!(
        st("they will sign an accord"),
        Some(AgreementStatus::Planned)
    );
    assert_eq!(
        st("officials discussed a framework"),
        Some(AgreementStatus::Discussed)
    );
    assert_eq!(
        st("no document was signed after talks"),
        Some(AgreementStatus::Discussed)
    );
    assert_eq!(st("under the accord, the parties share data"), None);
    // Where a signing took place is not what was concluded.
    assert_eq!(
        st("a memorandum was signed at the meeting with the iraqi counterpart"),
        Some(AgreementStatus::Signed)
    );
    assert_eq!(
        st("in 2019 the king had met with the qatari minister to sign two agreements"),
        Some(AgreementStatus::Signed)
    );
    assert_eq!(
        st("the king will meet the qatari minister to sign two agreements"),
        Some(AgreementStatus::Planned)
    );
    assert_eq!(
        st("they concluded the fourth round of talks"),
        Some(AgreementStatus::Discussed)
    );
}

#[test]
fn statuses_of_real_wire_phrasing() {
    let cases = [
        (
            "the two countries would conclude early an information security agreement",
            AgreementStatus::Planned,
        ),
        (
            "the meeting resulted in the signing of a cooperation agreement between them",
            AgreementStatus::Signed,
        ),
        (
            "china proposed that washington should hold a presidential meeting and sign the deal in macau",
            AgreementStatus::Planned,
        ),
        (
            "relations are at their highest following talks of trade and the signing of four memoranda",
            AgreementStatus::Signed,
        ),
        (
            "the signing of the agreement seals an improvement in relations",
            AgreementStatus::Signed,
        ),
    ];
    for (text, want) in cases {
        assert_eq!(st(text), Some(want), "{text}");
    }
    // The negation spans a coordination, and "let alone" follows one.
    let l = "china and the us have not held consultations or negotiations on the tariff issue";
    assert!(meeting_negated(l, &Cues::of(l)));
    let l = "they have not met, let alone reached any agreement";
    assert_eq!(st(l), None);
}

#[test]
fn negated_meetings() {
    let l = "the ministers did not meet on tuesday";
    assert!(meeting_negated(l, &Cues::of(l)));
    let l = "they met, but no deal was signed";
    assert!(!meeting_negated(l, &Cues::of(l)));
}

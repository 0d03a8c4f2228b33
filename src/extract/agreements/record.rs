//! Records: how one clause's report becomes an engagement, joins the record it belongs to,
//! and is explained.
//!
//! One record per set of parties and status: talks, a plan and a signing between the same
//! countries stay apart, while a later mention of "the deal" adds its evidence to the deal it
//! refers to.

use super::sentence::Report;
use crate::extract::{Engagement, Evidence, Person};
use crate::gazetteer::{CountryCode, Gazetteer};
use crate::slug::AnchorId;
use crate::terms::{AgreementKind, AgreementStatus};

/// The country a signer signed for: as the clause says, else their own.
fn side_of(people: &[Person], p: usize, said: Option<CountryCode>) -> Option<CountryCode> {
    said.or(people[p].country)
}

/// An officer of a company, tied to no country: "Mansoor Al Sulaiti, Chief Executive Officer
/// of Al Bidda Investment Holding". Signing for no state, they sign no state's agreement.
fn company_officer(p: &Person) -> bool {
    p.country.is_none()
        && p.role.as_deref().is_some_and(|r| {
            r.split(|c: char| !c.is_alphanumeric()).any(|w| {
                let w = w.to_lowercase();
                crate::extract::lexicon::COMPANY_NOUNS.contains(&w)
                    || matches!(w.as_str(), "holding" | "holdings" | "limited")
            })
        })
}

/// Signers named apart from the engagement they signed ("Kavi Ramdoyal signed for
/// Mauritius") join the signed records of their side.
pub(super) fn attach_signers(list: &mut [Engagement], r: &Report, people: &[Person]) {
    for &(p, said) in &r.signers {
        let Some(side) = side_of(people, p, said) else {
            continue;
        };
        for e in list
            .iter_mut()
            .filter(|e| e.status == AgreementStatus::Signed && e.parties.contains(&side))
        {
            if !e.signatories.contains(&people[p].name) {
                e.signatories.push(people[p].name.clone());
            }
        }
    }
}

/// The record one clause reports, with the signers who signed for one of its sides.
pub(super) fn engagement(
    r: &Report,
    parties: Vec<CountryCode>,
    organisations: Vec<String>,
    block: &AnchorId,
    people: &[Person],
) -> Engagement {
    let signatories = r
        .signers
        .iter()
        .filter(|&&(p, said)| {
            side_of(people, p, said).is_none_or(|c| parties.contains(&c))
                && !(said.is_none() && company_officer(&people[p]))
                && people[p]
                    .organisation
                    .as_ref()
                    .is_none_or(|o| organisations.contains(o))
        })
        .map(|&(p, _)| people[p].name.clone())
        .collect();
    Engagement {
        title: None,
        kind: r.kind,
        status: r.status,
        parties,
        organisations,
        topic: r.topic.clone(),
        signatories,
        place: r.place.clone(),
        date: r.date,
        evidence: vec![Evidence {
            block: block.clone(),
            status: r.status,
            text: r.text.clone(),
        }],
    }
}

/// Adds a mention to the records: the record with the same parties and status takes it, and
/// so does one with a stronger status that the clause refers back to ("the deal will be
/// implemented next year"); anything else is a separate engagement.
pub(super) fn merge(list: &mut Vec<Engagement>, e: Engagement, back: bool) {
    let same_parties =
        |x: &Engagement| x.parties == e.parties && x.organisations == e.organisations;
    // "The agreement was signed for the three states by …" after "ECOWAS and the three
    // states signed an agreement": the record that includes every party named.
    let includes = |x: &Engagement| {
        e.parties.iter().all(|c| x.parties.contains(c))
            && e.organisations.iter().all(|o| x.organisations.contains(o))
    };
    let found = list
        .iter()
        .position(|x| same_parties(x) && x.status == e.status)
        .or_else(|| {
            // "The two ministers met again" is a meeting of its own, not a mention of the
            // instrument they signed or plan.
            let meeting = e.kind == AgreementKind::Other && e.status == AgreementStatus::Discussed;
            (back && !meeting)
                .then(|| {
                    list.iter()
                        .rposition(|x| same_parties(x) && x.status > e.status)
                        .or_else(|| {
                            list.iter()
                                .rposition(|x| includes(x) && x.status >= e.status)
                        })
                })
                .flatten()
        });
    // "A proposed security framework between A and B … the framework pact had been signed":
    // the instrument proposed has since been signed; its one record takes the stronger
    // status. (A plan to sign stays a record of its own beside the signing, and talks on an
    // instrument beside the plan to sign it.)
    let upgraded = found.is_none()
        && back
        && e.kind != AgreementKind::Other
        && e.status == AgreementStatus::Signed;
    let found = found.or_else(|| {
        upgraded
            .then(|| {
                list.iter().rposition(|x| {
                    same_parties(x) && x.kind == e.kind && x.status == AgreementStatus::Discussed
                })
            })
            .flatten()
    });
    let Some(i) = found else {
        list.push(e);
        return;
    };
    let known = &mut list[i];
    if upgraded {
        known.status = known.status.max(e.status);
    }
    let more_specific = e.status == known.status && e.kind > known.kind;
    if more_specific || known.topic.is_none() {
        known.topic = e.topic.clone().or(known.topic.take());
    }
    if e.status == known.status {
        known.kind = known.kind.max(e.kind);
    }
    for s in e.signatories {
        if !known.signatories.contains(&s) {
            known.signatories.push(s);
        }
    }
    known.place = known.place.take().or(e.place);
    known.date = known.date.or(e.date);
    known.evidence.extend(e.evidence);
}

/// The rule, with the countries the clause named that were not made parties and why.
pub(super) fn explain_rule(r: &Report, how: &str, parties: &[CountryCode]) -> String {
    let mut rule = r.rule.to_string();
    if !how.is_empty() {
        rule.push_str("; ");
        rule.push_str(how);
    }
    if r.plural && r.parties.partners.len() >= 2 {
        rule.push_str("; separate instruments, one per partner");
    }
    let g = Gazetteer::global();
    let mut seen: Vec<CountryCode> = Vec::new();
    for (code, why) in &r.parties.bystanders {
        // A country the document-level pass made a party after all is no bystander.
        if seen.contains(code) || r.parties.codes.contains(code) || parties.contains(code) {
            continue;
        }
        seen.push(*code);
        let name = g.get(*code).map_or(code.to_string(), |c| c.name.clone());
        rule.push_str(&format!("; {name} is not a party: {why}"));
    }
    rule
}

/// "KE–ZM–EU": the sides as `--explain` prints them.
pub(super) fn names(codes: &[CountryCode], orgs: &[String]) -> String {
    codes
        .iter()
        .map(|c| c.as_str())
        .chain(orgs.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("–")
}

//! One record per partner: a host that signs separate instruments with several partners at one
//! event ("signed two readmission agreements, with Cape Verde and with Armenia") gives one
//! bilateral record for each, never one between two partners.

use super::parties::Side;
use super::sentence::Report;
use crate::extract::frame::Frame;
use crate::extract::{Engagement, Evidence};
use crate::gazetteer::CountryCode;
use crate::terms::AgreementStatus;

/// "The agreements were signed on behalf of Cape Verde by X and on behalf of Armenia by Y"
/// after the EU signed one with each: the countries a plural reference names are each in a
/// signed record, but in no one record together, so it says who signed those.
pub(super) fn spread(r: &Report, known: &[Engagement]) -> bool {
    let signed = || known.iter().filter(|e| e.status == AgreementStatus::Signed);
    let codes = &r.parties.codes;
    r.status == AgreementStatus::Signed
        && codes.len() >= 2
        && codes
            .iter()
            .all(|c| signed().any(|e| e.parties.contains(c)))
        && !signed().any(|e| codes.iter().all(|c| e.parties.contains(c)))
}

/// Removes the record that reads as one instrument what a later clause splits into one per
/// partner ("Ghana establishes relations with Madagascar and St. Lucia", then "signed the
/// communiques with Madagascar and St. Lucia"), and returns its evidence for the split ones.
pub(super) fn take_whole(
    list: &mut Vec<Engagement>,
    groups: &[(Vec<CountryCode>, Vec<String>)],
    status: AgreementStatus,
) -> Vec<Evidence> {
    let mut codes: Vec<CountryCode> = groups.iter().flat_map(|g| g.0.clone()).collect();
    let mut orgs: Vec<String> = groups.iter().flat_map(|g| g.1.clone()).collect();
    codes.sort();
    codes.dedup();
    orgs.sort();
    orgs.dedup();
    let mut taken = Vec::new();
    list.retain(|e| {
        let whole = e.parties == codes && e.organisations == orgs && e.status == status;
        if whole {
            taken.extend(e.evidence.iter().cloned());
        }
        !whole
    });
    taken
}

/// The party sets a report gives: one per partner for plural instruments signed "with A, B
/// and C" or "between A and B, C and D"; one per "with" when a clause names several
/// instruments ("an MoU with Laos and a plan with Cambodia"); else one.
pub(super) fn groups(
    r: &Report,
    codes: &[CountryCode],
    orgs: &[String],
    frame: &Frame,
) -> Vec<(Vec<CountryCode>, Vec<String>)> {
    let all: Vec<Side> = codes
        .iter()
        .map(|c| Side::Country(*c))
        .chain(orgs.iter().map(|o| Side::Organisation(o.clone())))
        .collect();
    let units = partner_units(r, codes, frame);
    if units.len() < 2 {
        return vec![(codes.to_vec(), orgs.to_vec())];
    }
    let mut host: Vec<Side> = all
        .iter()
        .filter(|s| !units.iter().flatten().any(|u| u == *s))
        .cloned()
        .collect();
    // The story's most central country that is not itself one of the partners: "the
    // government is looking to conclude FTAs with Canada, Peru and Tunisia" under a headline
    // that names only the three.
    let partner = |c: &CountryCode| {
        let side = Side::Country(*c);
        r.parties.with_groups.iter().flatten().any(|u| *u == side)
            || r.parties.with_groups.is_empty() && units.iter().flatten().any(|u| *u == side)
    };
    if host.is_empty()
        && let Some(p) = frame.countries().find(|c| !partner(c))
    {
        host.push(Side::Country(p));
    }
    if host.is_empty() {
        return vec![(codes.to_vec(), orgs.to_vec())];
    }
    units
        .into_iter()
        .filter(|unit| unit.iter().any(|u| !host.contains(u)))
        .map(|unit| {
            let (mut c, mut o) = (Vec::new(), Vec::new());
            for side in host.iter().chain(&unit) {
                match side {
                    Side::Country(x) => c.push(*x),
                    Side::Organisation(x) => o.push(x.clone()),
                }
            }
            c.sort();
            c.dedup();
            o.sort();
            o.dedup();
            (c, o)
        })
        .collect()
}

/// The partners that each get an instrument of their own, if the clause names several.
fn partner_units(r: &Report, codes: &[CountryCode], frame: &Frame) -> Vec<Vec<Side>> {
    let each = |list: &[CountryCode]| list.iter().map(|c| vec![Side::Country(*c)]).collect();
    let with_groups = &r.parties.with_groups;
    if with_groups.len() >= 2 {
        return if r.plural {
            with_groups
                .iter()
                .flatten()
                .map(|s| vec![s.clone()])
                .collect()
        } else {
            with_groups.clone()
        };
    }
    if !r.plural {
        return Vec::new();
    }
    // "Negotiating trade deals with the European Union and the UK": a bloc among the
    // partners of one "with" gets its own instrument too.
    if let [group] = with_groups.as_slice()
        && group.len() >= 2
        && group.iter().any(|s| matches!(s, Side::Organisation(_)))
    {
        return group.iter().map(|s| vec![s.clone()]).collect();
    }
    if r.parties.partners.len() >= 2 {
        return each(&r.parties.partners);
    }
    // "President X received the Ambassadors from Peru, Russia, Algeria, and Brazil": one
    // audience each, with the host whose country the clause does not name.
    if r.parties.named.len() >= 2 && receives_several(&r.text) {
        return each(&r.parties.named);
    }
    // "Palau and Micronesia will sign updated security agreements with the US": each one
    // named before a single partner signs its own with it.
    if r.parties.partners.len() == 1 && r.parties.hosts.len() >= 2 {
        return each(&r.parties.hosts);
    }
    let primary_absent = frame.primary().is_some_and(|p| !codes.contains(&p));
    // "The counterpart signatories included the ministers of A, B and C"; "The rest are A of
    // X; B of Y" after the story's minister met counterparts.
    let lower = r.text.to_lowercase();
    let counterparts = ["counterpart", "the rest are", "the rest were", "the others"]
        .iter()
        .any(|w| lower.contains(w));
    if codes.len() >= 2 && primary_absent && counterparts {
        return each(codes);
    }
    // "Three memoranda between the UAE and Kenya, Kyrgyzstan and Paraguay": the first named
    // (or the story's subject) signs with each of the others.
    if codes.len() >= 3 && r.text.contains(" between ") {
        let host = frame
            .primary()
            .filter(|p| codes.contains(p))
            .or_else(|| r.parties.named.first().copied());
        let rest: Vec<CountryCode> = r
            .parties
            .named
            .iter()
            .copied()
            .filter(|c| Some(*c) != host)
            .collect();
        return each(&rest);
    }
    Vec::new()
}

/// Whether a clause has someone receive several envoys or counterparts, each by their country:
/// "received the Ambassadors from Peru, Russia and Brazil", "receives the new ambassadors of".
fn receives_several(text: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"(?i)\breceive[ds]? (?:the )?(?:[a-z-]+ ){0,2}(?:ambassadors|envoys|counterparts|ministers|delegations) (?:from|of)\b",
        )
        .expect("receives several regex")
    })
    .is_match(text)
}

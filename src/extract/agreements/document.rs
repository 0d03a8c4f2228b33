//! The document pass: what the sentence rules found, read as one story.
//!
//! A clause often names one party or none and leaves the rest to the document: "the two
//! sides", "the partners", "the agreement", "the ministry". This pass completes such clauses
//! from the engagements already reported and from the document's [`Frame`], splits plural
//! instruments signed with several partners into one record per partner, and merges mentions
//! of the same engagement: one record per set of parties and status, so that talks, a plan
//! and a signing between the same countries stay apart, while a later sentence about "the
//! deal" adds evidence to the deal it refers to instead of making a weaker second record.

use super::per_partner::{groups, spread, take_whole};
use super::record::{attach_signers, engagement, explain_rule, merge, names};
use super::sentence::{DENIED, NEGATED, Report, SIGNERS};
use crate::extract::frame::Frame;
use crate::extract::{Engagement, Explanation, Person};
use crate::gazetteer::CountryCode;
use crate::slug::AnchorId;
use crate::terms::{AgreementKind, AgreementStatus};

/// What the document pass produces.
#[derive(Debug, Default)]
pub struct Outcome {
    /// One record per engagement.
    pub engagements: Vec<Engagement>,
    /// Why each was recorded.
    pub explanations: Vec<Explanation>,
    /// Agreements reported with only one identifiable party: (block, party names, sentence).
    pub unresolved: Vec<(AnchorId, String, String)>,
}

/// Reads the reports of one document, in order.
pub(super) fn resolve(
    reports: Vec<(Report, AnchorId)>,
    frame: &Frame,
    people: &[Person],
) -> Outcome {
    let mut out = Outcome::default();
    let mut denied: Vec<(
        Vec<CountryCode>,
        Vec<String>,
        AgreementKind,
        AgreementStatus,
    )> = Vec::new();
    // Who acted last for each set of parties: "the two ministers signed" names them.
    let mut actors: Vec<(Vec<CountryCode>, Vec<usize>)> = Vec::new();
    let mut previous: Option<(Vec<CountryCode>, Vec<String>)> = None;
    // The texts of the reports read so far, and the instrument names found in them: a
    // name is looked up in the texts once.
    let mut seen: Vec<String> = Vec::new();
    let mut known_names: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (r, block) in reports {
        // "The agreements aim to …" sums up several engagements; it adds none, but may say
        // who signed them.
        let few = r.parties.codes.len() + r.parties.organisations.len() < 2;
        // Unless it says more than what it sums up: "the signing of the memoranda is
        // expected in July" after talks on them.
        let new_signing = r.text.to_ascii_lowercase().contains("sign")
            && !out.engagements.iter().any(|e| e.status >= r.status);
        if r.rule == SIGNERS
            || r.refs.back && r.plural && (few || spread(&r, &out.engagements)) && !new_signing
        {
            attach_signers(&mut out.engagements, &r, people);
            continue;
        }
        if r.rule == NEGATED || r.rule == DENIED {
            // Only what the denial itself names: "the DRC, which is not part of the accord"
            // takes nothing back from the accord between the others.
            let named = Report {
                refs: Default::default(),
                ..r.clone()
            };
            let (codes, organisations, _) = complete(&named, &[], None, frame);
            if codes.len() + organisations.len() >= 2 {
                // A denial takes back what it denies: a signing ("denied that it had signed
                // a pact"), or the talks themselves ("denied it had opened negotiations").
                let status = if r.rule == DENIED {
                    r.status
                } else {
                    AgreementStatus::Signed
                };
                denied.push((codes, organisations, r.kind, status));
            }
            continue;
        }
        let (mut codes, mut organisations, mut how) =
            complete(&r, &out.engagements, previous.as_ref(), frame);
        // "Six agreements will be signed in different areas": a clause that names no one
        // continues the engagement reported just before it; so does one that names only a
        // side of it ("He said the talks saw the signing of four memoranda").
        if codes.len() + organisations.len() < 2
            && r.counted
            && r.parties.bystanders.is_empty()
            && !r.parties.company
            && let Some(last) = &previous
            && codes.iter().all(|c| last.0.contains(c))
            && organisations.iter().all(|o| last.1.contains(o))
        {
            (codes, organisations) = last.clone();
            how = "continues the engagement reported just before";
        }
        // "Ministers A, B and C signed an updated agreement" after the three countries'
        // ministers met: signers of no named country, one for each side of those talks.
        if codes.len() + organisations.len() < 2
            && let Some(last) = out.engagements.last()
            && codes.iter().all(|c| last.parties.contains(c))
            && organisations.is_empty()
            && signers_match_sides(&r, last, people)
        {
            codes = last.parties.clone();
            how = "one signer for each side of the engagement reported just before";
        }
        if codes.len() + organisations.len() >= 2 {
            previous = Some((codes.clone(), organisations.clone()));
        }
        // Blocs alone ("in the format of NATO and the EU") are no agreement between states.
        if codes.len() + organisations.len() < 2 || codes.is_empty() {
            if r.instrument && !r.plural && !r.generic && codes.len() + organisations.len() == 1 {
                let names = names(&codes, &organisations);
                out.unresolved.push((block, names, r.text.clone()));
            }
            continue;
        }
        // "Signed multiple agreements", "how other countries negotiated similar deals": a
        // count with no counterpart named is no engagement, whatever the frame suggests.
        let named = r.parties.codes.len() + r.parties.organisations.len();
        if r.generic
            && r.parties.partners.is_empty()
            && !r.refs.pair
            && (named < 2 || r.parties.engaged_with)
        {
            continue;
        }
        let mut r = r;
        if r.status == AgreementStatus::Signed
            && r.signers.is_empty()
            && !r.witnessed
            && !r.signing_as_means
            && !how.is_empty()
            && let Some((_, named)) = actors.iter().rev().find(|(p, _)| *p == codes)
        {
            let signers: Vec<usize> = named
                .iter()
                .copied()
                .filter(|&p| people[p].country.is_some_and(|c| codes.contains(&c)))
                .collect();
            // A president, a prime minister and a deputy minister all met the visitor: the
            // text does not say which of them signed; nor does it when only one side had
            // someone named ("as President Xi began a visit … The two nations also signed").
            let one_each = codes.iter().all(|&c| {
                signers
                    .iter()
                    .filter(|&&p| people[p].country == Some(c))
                    .count()
                    == 1
            });
            if one_each {
                r.signers = signers.into_iter().map(|p| (p, None)).collect();
            }
        }

        // "The two leaders signed" where no clause so far had both of them act: the one
        // official of each party's country whose office the clause names.
        if r.status == AgreementStatus::Signed
            && r.signers.is_empty()
            && !r.witnessed
            && !r.signing_as_means
            && codes.len() == 2
            && organisations.is_empty()
        {
            let recent = actors
                .iter()
                .rev()
                .find(|(p, _)| *p == codes)
                .map(|(_, named)| named.as_slice());
            r.signers = counted_officials(&r.text, &codes, people, recent)
                .into_iter()
                .map(|p| (p, None))
                .collect();
        }
        if !r.actors.is_empty() && !r.signing_as_means {
            actors.push((codes.clone(), r.actors.clone()));
        }
        // "… to sign the Intergovernmental Agreement" after a communique: a name not seen
        // before names another instrument.
        let back = r.refs.back
            && r.name.as_ref().is_none_or(|n| {
                known_names.contains(n) || seen.iter().any(|t| t.contains(n.as_str()))
            })
            // "The Cabinet had approved a draft agreement on the brigade" after "will sign
            // an agreement on the brigade": the draft of the instrument already reported.
            || r.status == AgreementStatus::Discussed
                && r.kind != AgreementKind::Other
                && r.text.to_ascii_lowercase().contains("draft");
        if let Some(n) = &r.name {
            known_names.insert(n.clone());
        }
        seen.push(r.text.clone());
        let groups = groups(&r, &codes, &organisations, frame);
        let whole = if groups.len() >= 2 {
            take_whole(&mut out.engagements, &groups, r.status)
        } else {
            Vec::new()
        };
        for (group, orgs) in groups {
            let mut e = engagement(&r, group, orgs, &block, people);
            e.evidence.extend(whole.iter().cloned());

            let rule = explain_rule(&r, how, &e.parties);
            out.explanations.push(Explanation {
                what: format!(
                    "agreement {} {} {}",
                    names(&e.parties, &e.organisations),
                    e.kind.as_str(),
                    e.status.as_str()
                ),
                rule,
                block: block.clone(),
                text: r.text.clone(),
            });
            if !(super::meetings::same_meeting(&r)
                && super::meetings::merge_into_meeting(&mut out.engagements, &e))
            {
                merge(&mut out.engagements, e, back);
            }
        }
    }
    // A signing the document denies did not happen.
    out.engagements.retain(|e| {
        !denied.iter().any(|(codes, orgs, kind, status)| {
            *codes == e.parties
                && *orgs == e.organisations
                && *status == e.status
                && (*kind == e.kind
                    || e.kind == AgreementKind::Agreement
                    || e.status == AgreementStatus::Discussed)
        })
    });
    out
}

/// The pair already reported that shares one country with the two a trilateral instrument's
/// clause names.
fn trilateral_with_pair<'e>(
    r: &Report,
    codes: &[CountryCode],
    known: &'e [Engagement],
) -> Option<&'e Engagement> {
    let lower = r.text.to_ascii_lowercase();
    if !(lower.contains("trilateral") || lower.contains("tripartite")) {
        return None;
    }
    known.iter().rev().find(|e| {
        e.parties.len() == 2
            && e.organisations.is_empty()
            && e.parties.iter().filter(|c| codes.contains(c)).count() == 1
    })
}

/// The states of the region a report names as one side ("the EU and Central Asia leaders"),
/// when the document names at least two of them.
fn region_states(r: &Report, frame: &Frame) -> Option<Vec<CountryCode>> {
    let region = r.parties.region?;
    let g = crate::gazetteer::Gazetteer::global();
    let states: Vec<CountryCode> = frame
        .countries()
        .filter(|&c| {
            g.get(c)
                .is_some_and(|x| super::parties::in_region(region, c.as_str(), &x.subregion))
        })
        .collect();
    (states.len() >= 2).then_some(states)
}

/// The parties of a report once the document has filled in what the clause leaves implicit,
/// and how they were found.
fn complete(
    r: &Report,
    known: &[Engagement],
    previous: Option<&(Vec<CountryCode>, Vec<String>)>,
    frame: &Frame,
) -> (Vec<CountryCode>, Vec<String>, &'static str) {
    let mut codes = r.parties.codes.clone();
    let mut orgs = r.parties.organisations.clone();
    if let Some(states) = region_states(r, frame) {
        codes.extend(states);
        codes.sort();
        codes.dedup();
        return (
            codes,
            orgs,
            "a region as one side: its states that the document names",
        );
    }
    let count = codes.len() + orgs.len();
    // "The communique of the 53rd Pacific Islands Leaders Forum": the instrument of a
    // gathering of many, not of two countries the story is about.
    let gathering = count == 0 && of_a_gathering(&r.text);
    // "We agreed to sign a trilateral treaty with Uzbekistan," Rahmon said: the speaker's
    // side, the country named, and the pair already reported with one of them.
    if count == 2
        && orgs.is_empty()
        && r.refs.counted_group
        && let Some(e) = trilateral_with_pair(r, &codes, known)
    {
        let mut all = codes.clone();
        all.extend(e.parties.iter().copied());
        all.sort();
        all.dedup();
        return (
            all,
            orgs,
            "a trilateral instrument: the pair already reported, and the country named with them",
        );
    }
    // "China's plan to sign a deal with 10 Pacific island nations", and a list of ten
    // elsewhere in the story: those ten.
    if count == 1
        && orgs.is_empty()
        && let Some(list) = r.counted_partners.and_then(|n| frame.list_of(n))
        && !list.contains(&codes[0])
    {
        codes.extend(list.iter().copied());
        codes.sort();
        return (
            codes,
            orgs,
            "the counted partners are the countries the story lists",
        );
    }
    // "The presidents of the eight Amazon countries released the Belém Declaration", and a
    // list of eight elsewhere in the story: those eight.
    if count == 0
        && r.instrument
        && let Some(list) = r.counted_sides.and_then(|n| frame.list_of(n))
    {
        return (
            list.to_vec(),
            orgs,
            "the counted sides are the countries the story lists",
        );
    }
    // "Meloni and Rutte accompanied von der Leyen to Tunisia, … during which they proposed
    // this partnership": the instrument just reported, not one between those the clause names.
    if r.refs.this
        && count >= 2
        && let Some(e) = known.iter().rev().find(|e| e.kind != AgreementKind::Other)
        && !codes.iter().any(|c| e.parties.contains(c))
    {
        return (
            e.parties.clone(),
            e.organisations.clone(),
            "\"this\" instrument is the one just reported",
        );
    }
    if count >= 2 || r.parties.other_side {
        return (codes, orgs, "");
    }
    let includes = |e: &Engagement| {
        codes.iter().all(|c| e.parties.contains(c))
            && orgs.iter().all(|o| e.organisations.contains(o))
    };
    // "The two sides", "the agreement", "the partners": an engagement already reported that
    // includes what the clause names.
    if r.refs.pair || r.refs.group || r.refs.back || r.parties.implicit_agent {
        let wanted = |e: &Engagement| {
            let n = e.parties.len() + e.organisations.len();
            includes(e)
                && (!gathering || n >= 3)
                && if r.refs.pair && !r.refs.group {
                    n == 2
                } else if r.refs.group && !r.refs.pair {
                    n >= 3
                } else {
                    n >= 2
                }
        };
        let wanted_any = |e: &Engagement| e.parties.len() + e.organisations.len() >= 2;
        // The story's own countries first: "the two countries" in a story about Italy and
        // Türkiye are those two, even after a quote mentions a deal with France.
        let central = |e: &&Engagement| e.parties.iter().all(|c| frame.is_subject(*c));
        // The engagement the clause before reported comes first: "Egypt also had a joint
        // committee with Libya. … The two countries penned MoUs" is Egypt and Libya.
        let just_before = previous.and_then(|(codes, orgs)| {
            known
                .iter()
                .rev()
                .find(|e| e.parties == *codes && e.organisations == *orgs)
        });
        // "This Joint Declaration may be signed" after talks about drafting one: the
        // instrument of that kind already reported, before the meeting just reported.
        let same_kind = (r.refs.back && r.kind != AgreementKind::Other)
            .then(|| {
                known
                    .iter()
                    .rev()
                    .filter(|e| wanted(e))
                    .find(|e| e.kind == r.kind)
            })
            .flatten();
        let found = same_kind
            .or_else(|| just_before.filter(|e| wanted(e)))
            .or_else(|| known.iter().rev().filter(|e| wanted(e)).find(central))
            .or_else(|| {
                let pair = frame.pair().filter(|p| codes.iter().all(|c| p.contains(c)));
                if r.refs.pair && pair.is_some() {
                    None
                } else {
                    known.iter().rev().find(|e| wanted(e))
                }
            });
        // "The two ministers held a trilateral meeting with Georgia's deputy minister": the
        // pair already reported, and the country named with them. Not when a pair already
        // reported includes that country: "in the agreement signed with Togo, both countries
        // …" is that pair, and "the Federal Government and the Republic of Ghana met …
        // where both countries engaged" names its own two, not a third beside a pair.
        if r.refs.two_named
            && count >= 1
            && !r.parties.partners.is_empty()
            && !known.iter().any(wanted)
            && let Some(e) = known.iter().rev().find(|e| {
                e.parties.len() + e.organisations.len() == 2
                    && !codes.iter().any(|c| e.parties.contains(c))
            })
        {
            codes.extend(e.parties.iter().copied());
            codes.sort();
            codes.dedup();
            orgs.extend(e.organisations.iter().cloned());
            return (
                codes,
                orgs,
                "the two sides already reported, with the country named",
            );
        }
        if (count > 0 || !r.parties.implicit_agent || r.refs.back || r.refs.pair || r.refs.group)
            && let Some(e) = found
        {
            codes = e.parties.clone();
            orgs = e.organisations.clone();
            return (codes, orgs, "refers back to an engagement already reported");
        }
        // "This agreement … influenced by US policies": the instrument already reported, with
        // a country named in passing that no engagement so far includes.
        if r.refs.back
            && count == 1
            && r.parties.partners.is_empty()
            && !r.plural
            && let Some(e) = known.iter().rev().filter(|e| wanted_any(e)).find(central)
        {
            return (
                e.parties.clone(),
                e.organisations.clone(),
                "refers back to the engagement already reported; the country is named in passing",
            );
        }
    }
    // The document's subject acts where the clause names no one else: "the ministry signed an
    // MoU with Djibouti", "the two countries" before any engagement is reported.
    // A meeting needs a named country: "the Council will discuss Ukraine" is no engagement of
    // the document's subject.
    let meeting_of_organisation = r.kind == AgreementKind::Other && codes.is_empty();
    // "Calls between the four of us": a group is no pair to complete with the subject.
    let group_only = r.refs.counted_group && !r.refs.pair;
    if count == 1
        && !meeting_of_organisation
        && !group_only
        && !r.parties.company
        && (r.parties.implicit_agent || r.refs.pair || partners_only(r))
    {
        let named = codes.first().copied();
        // A bloc the headline names as the actor: "GCC to pursue trade deals … his meeting
        // with New Zealand's minister"; "Russia and SADC agree … Russia's envoy visited".
        if let Some((org, beside)) = frame.organisation()
            && orgs.is_empty()
            && named.is_some()
            && beside.is_none_or(|c| Some(c) == named)
        {
            orgs.push(org.to_string());
            return (codes, orgs, "the bloc the headline names acts");
        }
        let other = match (frame.primary(), named) {
            (Some(p), Some(n)) if p != n => Some(p),
            (Some(p), None) => Some(p),
            (_, Some(n)) => frame.partner_of(n),
            _ => None,
        };
        if let Some(o) = other {
            codes.push(o);
            codes.sort();
            return (codes, orgs, "the document's subject country acts");
        }
    }
    // "Niger's ruling junta has revoked a military accord that allows staff from the US …"
    // under "Niger's junta revokes military deal with US": the headline's deal.
    if count == 1
        && orgs.is_empty()
        && r.instrument
        && !r.generic
        && !r.plural
        && !r.parties.company
        && let Some(partner) = frame.headline_partner_of(codes[0])
    {
        codes.push(partner);
        codes.sort();
        return (codes, orgs, "the deal the headline names, with its partner");
    }
    // "A memorandum of understanding will be signed on Thursday" in a story about Pakistan and
    // Iran's talks: an instrument that names no one, where the headline and lead name two.
    let central = frame.central();
    if count == 0
        && r.instrument
        && r.status != AgreementStatus::Discussed
        && !r.generic
        && !r.parties.company
        && r.parties.bystanders.is_empty()
        // "SENERGIE's chief executive and Nordkyst's signed the charter": people who sign
        // may be a company's.
        && r.signers.is_empty()
        && r.actors.is_empty()
        && central.len() == 2
        && !gathering
    {
        return (
            central,
            orgs,
            "an instrument naming no one, in a story about two countries",
        );
    }
    // "The C5+1 discussion resulted in a joint statement": a statement that names no one, in
    // a story that has reported one meeting of several states, is that meeting's.
    if count == 0
        && r.kind == AgreementKind::Declaration
        && r.status == AgreementStatus::Signed
        && let [e] = known
        && e.parties.len() + e.organisations.len() >= 3
    {
        return (
            e.parties.clone(),
            e.organisations.clone(),
            "the statement of the one meeting of several states reported",
        );
    }
    // "The presidents of the three countries met" in a story whose headline and lead name
    // those three: the document's central countries, when nothing reported so far is meant.
    if r.refs.counted_group
        && central.len() >= 3
        && codes.iter().all(|c| central.contains(c))
        && orgs.is_empty()
    {
        return (
            central,
            orgs,
            "the group counted is the document's central countries",
        );
    }
    // "The United States, Japan, New Zealand and Australia are concerned … Officials from
    // those nations met US coordinator X": the one list the story gives.
    if r.refs.group
        && !r.refs.pair
        && orgs.is_empty()
        && let Some(list) = frame.only_list()
        && codes.iter().all(|c| list.contains(c))
    {
        return (
            list.to_vec(),
            orgs,
            "the group is the one list of countries the story gives",
        );
    }
    if count == 0
        && r.refs.pair
        && let Some((org, Some(country))) = frame.organisation()
    {
        return (
            vec![country],
            vec![org.to_string()],
            "\"the two parties\" are the country and the bloc of the headline",
        );
    }
    if count == 0
        && r.refs.two_named
        && let Some(pair) = frame.pair()
    {
        codes = pair.to_vec();
        codes.sort();
        return (
            codes,
            orgs,
            "\"the two sides\" are the document's two subject countries",
        );
    }
    (codes, orgs, "")
}

/// "The communique of the 53rd Pacific Islands Leaders Forum": an instrument of a gathering
/// of many, not one between the story's two countries.
fn of_a_gathering(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    super::sentence::noun_re().find(&lower).is_some_and(|n| {
        let rest = lower[n.end()..].trim_start();
        rest.starts_with("of ")
            && rest.split_whitespace().take(9).any(|w| {
                matches!(
                    w.trim_matches(|c: char| !c.is_alphanumeric()),
                    "forum" | "summit" | "conference" | "assembly" | "leaders"
                )
            })
    })
}

/// A clause in the passive that names only whom it was signed with: "additional agreements
/// were signed with Austria and France". An active clause has a subject, and one the rules
/// could not tie to a country ("LCC said it had reached an agreement with the Congolese
/// government") is not the document's subject.
fn partners_only(r: &Report) -> bool {
    !r.parties.partners.is_empty() && r.parties.hosts.is_empty() && r.parties.passive
}

/// Whether a signing names as many signers as `last` has sides, none of them tied to a
/// country of their own: the text gave none, or the frame gave them all the same one.
fn signers_match_sides(r: &Report, last: &Engagement, people: &[Person]) -> bool {
    let mut countries: Vec<Option<CountryCode>> =
        r.signers.iter().map(|&(p, _)| people[p].country).collect();
    countries.dedup();
    r.status == AgreementStatus::Signed
        && r.signers.len() >= 2
        && last.organisations.is_empty()
        && last.parties.len() == r.signers.len()
        && countries.len() == 1
        && r.signers.iter().all(|&(_, said)| said.is_none())
}

/// "The two leaders signed …", "the heads of state signed …": for each of the two parties,
/// its one official the document names with that kind of office; or, when the document gave
/// them no country, the officials of that office who acted last for these parties, one per
/// party ("the leaders of the two countries, A and B"). Nothing unless every party has one.
fn counted_officials(
    text: &str,
    codes: &[CountryCode],
    people: &[Person],
    recent: Option<&[usize]>,
) -> Vec<usize> {
    let lower = text.to_ascii_lowercase();
    let Some(office) = ["the two ", "both ", "the "].iter().find_map(|w| {
        // "In the capital, the heads of state signed": any "the", not only the first.
        lower.match_indices(w).find_map(|(at, _)| {
            let noun = lower[at + w.len()..].split_whitespace().next()?;
            let kind: fn(&str) -> bool = match noun {
                "leaders" | "presidents" | "heads" => is_leader,
                "ministers" => |r: &str| r.contains("minister") && !is_leader(r),
                _ => return None,
            };
            Some(kind)
        })
    }) else {
        return Vec::new();
    };
    let holds = |p: &Person| {
        p.role
            .as_deref()
            .is_some_and(|r| office(&r.to_ascii_lowercase()))
    };
    let mut found = Vec::new();
    for &code in codes {
        let mut of_country = people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.country == Some(code) && holds(p));
        match (of_country.next(), of_country.next()) {
            (Some((i, _)), None) => found.push(i),
            _ => break,
        }
    }
    if found.len() == codes.len() {
        return found;
    }
    let countryless: Vec<usize> = recent
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|&p| people[p].country.is_none() && holds(&people[p]))
        .collect();
    if countryless.len() == codes.len() {
        countryless
    } else {
        Vec::new()
    }
}

/// A role that heads a state or a government.
fn is_leader(role: &str) -> bool {
    const LEADERS: &[&str] = &[
        "president",
        "prime minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "emir",
        "amir",
        "crown prince",
        "sultan",
        "leader",
    ];
    LEADERS.iter().any(|w| role.contains(w))
        && !["vice", "opposition", "party"]
            .iter()
            .any(|w| role.contains(w))
}

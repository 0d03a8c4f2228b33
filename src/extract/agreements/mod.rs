//! Agreements and engagements from prose, in two passes.
//!
//! 1. Sentence cues ([`sentence`]): a clause reports an engagement when (a) an agreement noun
//!    (MoU, agreement, deal, accord, declaration, partnership, framework, letter of intent,
//!    treaty, pact) meets a verb that sets its status, or (b) officials of two countries meet
//!    or hold talks (kind `other`, status `discussed`). Its parties ([`parties`]) are the
//!    countries it names in the place of a party — not a place, an origin, a subject, a
//!    company's home or a witness — the countries of the officials in it, and for "he"/"she"
//!    the country of the official the story is about. Negated, denied and generic mentions
//!    make nothing.
//! 2. The document pass ([`document`]): "the two sides", "the agreement", "the ministry" are
//!    resolved against what the document already reported and against its frame (the
//!    countries its headline and lead are about); plural instruments signed with several
//!    partners become one record per partner; mentions of one engagement merge.

mod clause;
mod cues;
mod details;
mod document;
mod meetings;
mod parties;
mod per_partner;
mod record;
mod sentence;
mod signers;
mod words;

use clause::{clauses, pronoun_at, sentence_at, triggers, within};
use parties::org_re;
use sentence::report;

pub use document::Outcome;

use super::Person;
use super::frame::Frame;
use super::people::NameIndex;
use crate::gazetteer::{CountryCode, Mention};
use crate::terms::{AgreementKind, AgreementStatus, Date};

/// Words that let a clause with no country or person named still report an engagement:
/// "the two sides signed", "the ministry signed", "the agreement was signed by", "six
/// agreements will be signed".
fn references() -> &'static aho_corasick::AhoCorasick {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AC.get_or_init(|| {
        super::lexicon::automaton(
            [
                "two ",
                // "Six agreements will be signed": counted instruments continue the
                // engagement just reported.
                "three ",
                "four ",
                "five ",
                "six ",
                "seven ",
                "eight ",
                "nine ",
                "ten ",
                "both ",
                "bilateral",
                "partners",
                "members",
                "delegations",
                "parties",
                // "In particular, the sides \"discussed joint fight against terrorism\"".
                "the sides",
                "ministry",
                "government",
                "kingdom",
                "the agreement",
                "the deal",
                "the mou",
                "the memorand",
                "the accord",
                "the pact",
                "the treaty",
                // "A memorandum of understanding will be signed on Thursday": the story's
                // two countries, when it is about two.
                "a memorand",
                "an agreement",
                "this agreement",
                "this deal",
                "this accord",
                "this pact",
                "this treaty",
                "we ",
                "our ",
                "they ",
                "signatories",
                "counterpart",
            ]
            .iter()
            .chain(words::PLURAL_OFFICIALS),
            true,
        )
    })
}

/// What the agreement rules read of one document.
pub struct Input<'a, 's> {
    /// Its sentences.
    pub sentences: &'a super::Sentences<'s>,
    /// Country mentions per block.
    pub mentions: &'a [Vec<Mention>],
    /// The people found in it.
    pub people: &'a [Person],
    /// Where they are named.
    pub names: &'a NameIndex,
    /// What it is about.
    pub frame: &'a Frame,
    /// Its date, for a signing "today".
    pub date: Option<Date>,
}

/// The bloc a headline names as its actor, by its short name: the headline opens with it
/// ("GCC to pursue free trade agreements") or with one country and it ("Russia and SADC agree
/// to sign memoranda"). Not a bloc named as an object ("revokes agreements with EU") or one
/// of several ("Leaders from ASEAN, GCC countries arrive").
pub fn headline_organisation(title: &str) -> Option<String> {
    let short = |name: &str| {
        words::ORGANISATIONS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| *s)
    };
    let mut found = org_re().find_iter(title);
    let m = found.next()?;
    let org = short(m.as_str())?;
    if found.any(|other| short(other.as_str()) != Some(org)) {
        return None;
    }
    let before = title[..m.start()].trim_start();
    let opens =
        before.is_empty() || before.ends_with(" and ") && before.split_whitespace().count() <= 3;
    opens.then(|| org.to_string())
}

/// Finds the engagements of a document.
pub fn find(input: &Input<'_, '_>) -> Outcome {
    let Input {
        sentences,
        mentions,
        people,
        names,
        frame,
        date,
    } = *input;
    let mut out = Vec::new();
    let mut salience = Salience::new(people.len());
    let mut clock = 0usize;
    // The status a list header gives its items: "the following documents were signed:".
    let mut list_status = None;
    for (i, (block, block_mentions)) in sentences.blocks().iter().zip(mentions).enumerate() {
        let named = names.find(&block.text);
        // ASCII folding keeps byte offsets, so a clause's lowercase form is a slice of this.
        let folded = block.text.to_ascii_lowercase();
        let listed = list_status.filter(|_| list_item(&folded));
        list_status = list_header(&folded).or(listed);
        // Where the trigger words are, found once for the whole block.
        let triggered: Vec<usize> = triggers().find_iter(&folded).map(|m| m.start()).collect();
        let has_trigger =
            |range: std::ops::Range<usize>| !within(&triggered, |i| *i, range).is_empty();
        // Everything below looks things up by position in sorted lists: a 20 MB paragraph
        // must not make any step quadratic.
        let mention_count = |range: std::ops::Range<usize>| {
            within(block_mentions, |m| m.start, range.clone())
                .iter()
                .filter(|m| m.end <= range.end)
                .count()
        };
        if triggered.is_empty() {
            // Nothing to extract here; only keep track of who the story is about.
            for &(_, p) in &named {
                clock += 1;
                salience.mention(p, clock);
            }
            continue;
        }
        for &(start, sentence) in sentences.of(i) {
            if !has_trigger(start..start + sentence.len()) {
                for &(_, p) in within(&named, |n| n.0, start..start + sentence.len()) {
                    clock += 1;
                    salience.mention(p, clock);
                }
                continue;
            }
            let referent = salience.referent();
            let mut pronoun = false;
            // Clauses joined by "while", "but", "whereas" or a semicolon report separate
            // things: "X signed a deal with Y in 2022, while Z has no deal with Y".
            // A list of instruments split at semicolons shares the verb of its first item:
            // "continue negotiations for an A–B agreement; the A–C agreement; and …".
            let mut inherited = None;
            for (offset, text) in clauses(sentence) {
                let start = start + offset;
                let end = start + text.len();
                // No country, person or organisation named: nothing can have two parties
                // (a pronoun adds at most one), so skip the full rules. A statement may still
                // be the one of a meeting already reported.
                let nobody = mention_count(start..end) == 0
                    && within(&named, |n| n.0, start..end).is_empty()
                    && !org_re().is_match(text)
                    && !references().is_match(text)
                    && !names_a_statement(&folded[start..end]);
                if nobody || !has_trigger(start..end) {
                    for &(_, p) in within(&named, |n| n.0, start..end) {
                        clock += 1;
                        salience.mention(p, clock);
                    }
                    continue;
                }
                let clause = sentence_at(text, start, &folded[start..end], block_mentions, &named);
                {
                    pronoun |= pronoun_at(&clause).is_some();
                    if let Some(mut r) = report(&clause, people, referent, inherited, date) {
                        if offset == 0
                            && sentence.starts_with("It ")
                            && let Some(c) = sentence_before(sentences, mentions, i, start)
                        {
                            it_acts(&mut r, c);
                        }
                        // "- The Joint statement of the consultative meeting" under "the
                        // following documents were signed:" is signed, meeting or not.
                        if let Some(st) = listed
                            && r.kind != AgreementKind::Other
                            && r.status < st
                        {
                            r.status = st;
                        }
                        inherited = Some(r.status);
                        r.text = super::excerpt(sentence, super::MAX_QUOTE);
                        out.push((r, block.id.clone()));
                    }
                }
                clock += 1;
                for &p in &clause.people {
                    salience.mention(p, clock);
                }
            }
            if pronoun && let Some(r) = referent {
                salience.mention(r, clock);
            }
        }
    }
    document::resolve(out, frame, people)
}

/// The one country the sentence before the one at `start` of block `i` names, if it names
/// exactly one: who "It" is in "It is the first defence agreement for Japan in Asia. It had
/// signed similar accords with Australia and Britain".
fn sentence_before(
    sentences: &super::Sentences<'_>,
    mentions: &[Vec<Mention>],
    i: usize,
    start: usize,
) -> Option<CountryCode> {
    let here = sentences.of(i).iter().rposition(|&(s, _)| s < start);
    let (block, range) = match here {
        Some(k) => {
            let (s, text) = sentences.of(i)[k];
            (i, s..s + text.len())
        }
        None => {
            let b = i.checked_sub(1)?;
            let &(s, text) = sentences.of(b).last()?;
            (b, s..s + text.len())
        }
    };
    let mut codes = within(&mentions[block], |m| m.start, range)
        .iter()
        .map(|m| m.code);
    let first = codes.next()?;
    codes.all(|c| c == first).then_some(first)
}

/// "It signed accords with Australia and Britain": the country "It" stands for acts, when
/// the clause names only whom it engaged with.
fn it_acts(r: &mut sentence::Report, country: CountryCode) {
    let p = &mut r.parties;
    if p.hosts.is_empty() && !p.partners.is_empty() && !p.codes.contains(&country) {
        p.hosts.push(country);
        p.codes.push(country);
        p.codes.sort();
        p.named.insert(0, country);
    }
}

/// The status of the items a header introduces: "the following documents were signed:".
fn list_header(lower: &str) -> Option<AgreementStatus> {
    let lower = lower.trim_end();
    if !lower.ends_with(':') || !lower.contains("following") {
        return None;
    }
    cues::status(lower, &cues::Cues::of(lower)).filter(|s| *s != AgreementStatus::Discussed)
}

/// Whether a block is an item of a list: a bullet, or a line ending in a semicolon.
fn list_item(lower: &str) -> bool {
    let t = lower.trim();
    t.starts_with(['-', '•', '*', '–']) || t.ends_with(';')
}

/// Who "he" or "she" most likely is: the official mentioned most often so far (counting
/// earlier pronouns resolved to them), the most recent on a tie — the story's protagonist
/// rather than whoever was quoted last.
struct Salience {
    seen: Vec<(usize, usize)>,
}

impl Salience {
    fn new(n: usize) -> Salience {
        Salience {
            seen: vec![(0, 0); n],
        }
    }

    fn mention(&mut self, person: usize, sentence: usize) {
        let e = &mut self.seen[person];
        e.0 += 1;
        e.1 = sentence;
    }

    fn referent(&self) -> Option<usize> {
        self.seen
            .iter()
            .enumerate()
            .filter(|(_, (n, _))| *n > 0)
            .max_by_key(|(_, k)| **k)
            .map(|(i, _)| i)
    }
}

/// Whether folded clause text names a joint statement, declaration or communiqué.
fn names_a_statement(folded: &str) -> bool {
    ["joint statement", "declaration", "communiqu"]
        .iter()
        .any(|w| folded.contains(w))
}

#[cfg(test)]
mod tests {
    use super::headline_organisation;

    #[test]
    fn a_bloc_is_the_headline_actor_only_when_it_opens_the_headline() {
        let org = |t: &str| headline_organisation(t);
        assert_eq!(
            org("GCC to pursue free trade agreements").as_deref(),
            Some("GCC")
        );
        assert_eq!(
            org("Russia and SADC Agree to Sign Memoranda").as_deref(),
            Some("SADC")
        );
        assert_eq!(org("Niger revokes security agreements with EU"), None);
        assert_eq!(
            org("Leaders from ASEAN, GCC countries arrive in Riyadh"),
            None
        );
    }
}

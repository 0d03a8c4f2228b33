//! Agreements and engagements from prose, sentence by sentence.
//!
//! A sentence reports an engagement when (a) an agreement noun (MoU, agreement, deal, accord,
//! declaration, partnership, framework, letter of intent, treaty, pact) meets a verb that sets
//! its status, or (b) officials of two countries meet or hold talks (kind `other`, status
//! `discussed`). Parties are the countries named in the sentence, the countries of the people
//! in it, and — for "he"/"she" — the country of the official last mentioned before it.
//! Negated sentences, generic plurals ("signed multiple agreements") and countries that only
//! name a company's origin ("Australian miner") do not make agreements.

mod clause;
mod cues;
mod details;
mod parties;
mod sentence;

use clause::{clauses, pronoun_at, sentence_at, triggers, within};
use parties::org_re;
use sentence::engagements;

use super::people::NameIndex;
use super::{Engagement, Person};
use crate::gazetteer::{CountryCode, Mention};

/// Why an engagement was recorded, for `briefing extract --explain`.
#[derive(Debug, Clone)]
pub struct Found {
    /// The engagement as this sentence reports it.
    pub engagement: Engagement,
    /// The rule that fired.
    pub rule: &'static str,
}

/// The rule of a reported agreement whose other party the text does not make clear; it becomes
/// a warning, not an agreement.
pub const UNRESOLVED: &str = "an agreement with only one identifiable party";

/// Finds the engagements of a document.
pub fn find(
    sentences: &super::Sentences<'_>,
    mentions: &[Vec<Mention>],
    people: &[Person],
    names: &NameIndex,
    home: Option<CountryCode>,
) -> Vec<(Found, crate::slug::AnchorId)> {
    let mut out = Vec::new();
    let mut salience = Salience::new(people.len());
    let mut clock = 0usize;
    for (i, (block, block_mentions)) in sentences.blocks().iter().zip(mentions).enumerate() {
        let named = names.find(&block.text);
        // Where the trigger words are, found once for the whole block.
        let triggered: Vec<usize> = triggers()
            .find_iter(&block.text)
            .map(|m| m.start())
            .collect();
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
            for (offset, text) in clauses(sentence) {
                let start = start + offset;
                let end = start + text.len();
                // No country, person or organisation named: nothing can have two parties
                // (a pronoun adds at most one), so skip the full rules.
                let nobody = mention_count(start..end) == 0
                    && within(&named, |n| n.0, start..end).is_empty()
                    && !org_re().is_match(text);
                if nobody || !has_trigger(start..end) {
                    for &(_, p) in within(&named, |n| n.0, start..end) {
                        clock += 1;
                        salience.mention(p, clock);
                    }
                    continue;
                }
                let clause = sentence_at(text, start, &block.text, block_mentions, &named);
                {
                    pronoun |= pronoun_at(&clause).is_some();
                    for mut found in engagements(&clause, people, referent, home) {
                        for ev in &mut found.engagement.evidence {
                            ev.text = super::excerpt(sentence, super::MAX_QUOTE);
                        }
                        out.push((found, block.id.clone()));
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
    out
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

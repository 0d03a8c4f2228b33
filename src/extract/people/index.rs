//! Later mentions of people already found: the full name, or any word of it that belongs
//! to one person only.

use std::collections::HashMap;

use super::super::Person;
use super::super::lexicon::NAME_PARTICLES;

/// Finds mentions of known people in text: a full name, or any word of a name that belongs
/// to one person only ("Bayraktar", "Mr. Reyes", "Quispe"). One Aho–Corasick pass per text.
pub struct NameIndex {
    /// Full names first, then the words that name one person only.
    patterns: Vec<(memchr::memmem::Finder<'static>, usize)>,
    /// How many of `patterns` are full names.
    full_names: usize,
}

impl NameIndex {
    /// The index for these people.
    pub fn new(people: &[Person]) -> NameIndex {
        let mut by_word: HashMap<&str, Option<usize>> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            for w in p.name.split_whitespace() {
                if w.chars().count() < 3 || NAME_PARTICLES.contains(w) {
                    continue;
                }
                by_word
                    .entry(w)
                    .and_modify(|e| {
                        if *e != Some(i) {
                            *e = None;
                        }
                    })
                    .or_insert(Some(i));
            }
        }
        let mut words: Vec<(&str, usize)> = by_word
            .into_iter()
            .filter_map(|(w, p)| p.map(|p| (w, p)))
            .collect();
        words.sort();
        // A handful of names per document: one memmem finder each builds in nanoseconds,
        // where a multi-pattern automaton would cost more to build than to search.
        let patterns = people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.as_str(), i))
            .chain(words)
            .map(|(w, i)| (memchr::memmem::Finder::new(w.as_bytes()).into_owned(), i))
            .collect();
        NameIndex {
            patterns,
            full_names: people.len(),
        }
    }

    /// Every (byte offset, person) mention in `text`, in order; a word inside a full name
    /// already found is not counted again.
    pub fn find(&self, text: &str) -> Vec<(usize, usize)> {
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        // Full names come first in `patterns`; a word inside a full name already found is
        // found by binary search among them, so a long text stays linear.
        let mut full: Vec<(usize, usize)> = Vec::new();
        for (k, (finder, person)) in self.patterns.iter().enumerate() {
            let is_full_name = k < self.full_names;
            for start in finder.find_iter(text.as_bytes()) {
                let end = start + finder.needle().len();
                let before = text[..start].chars().next_back();
                let after = text[end..].chars().next();
                let bounded = !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric);
                if !bounded {
                    continue;
                }
                if is_full_name {
                    full.push((start, end));
                } else {
                    let i = full.partition_point(|&(s, _)| s <= start);
                    if i > 0 && full[i - 1].1 >= end {
                        continue;
                    }
                }
                hits.push((start, end, *person));
            }
            if k + 1 == self.full_names {
                full.sort_unstable();
            }
        }
        hits.sort_unstable();
        hits.into_iter().map(|(s, _, p)| (s, p)).collect()
    }
}

//! People: one page per person, where a person is one name within one country.
//!
//! Names are compared the way the devset's scorer compares them (titles dropped, accents,
//! punctuation and word order ignored), so "Kenji Sato" and "Sato Kenji" are one person. The
//! same name reported for two countries is two people, each with the country in its slug,
//! because a briefing must never merge two officials on a coincidence of names; a mention
//! with no country joins the name's only country when it has exactly one.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::{Agreement, Document};
use crate::diagnostics::Diagnostic;
use crate::extract::Person;
use crate::gazetteer::{CountryCode, Gazetteer};
use crate::slug::{AnchorId, Slug, hash_hex};

/// Words dropped from the front of a name before comparing (the devset scorer's list).
const TITLES: &[&str] = &[
    "ambassador",
    "commissioner",
    "deputy",
    "dr",
    "eng",
    "engr",
    "excellency",
    "first",
    "he",
    "her",
    "his",
    "hon",
    "honorable",
    "honourable",
    "minister",
    "mr",
    "mrs",
    "ms",
    "president",
    "prime",
    "secretary",
    "shri",
    "sri",
    "vice",
];

/// Shared names the build names one by one; beyond them it gives a count.
const NOTED_NAMES: usize = 10;
/// People each person page lists as appearing with them.
const COMPANIONS: usize = 12;

/// Whom a person speaks for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Affiliation {
    /// A country.
    Country(CountryCode),
    /// An international body ("EU").
    Organisation(String),
    /// Not stated.
    Unknown,
}

impl Affiliation {
    /// A person's affiliation as extraction reported it.
    pub fn of(p: &Person) -> Affiliation {
        match (p.country, &p.organisation) {
            (Some(c), _) => Affiliation::Country(c),
            (None, Some(o)) => Affiliation::Organisation(o.clone()),
            (None, None) => Affiliation::Unknown,
        }
    }

    /// The name a reader sees: the country's short name or the organisation.
    pub fn label(&self) -> Option<String> {
        match self {
            Affiliation::Country(c) => Some(
                Gazetteer::global()
                    .get(*c)
                    .map_or_else(|| c.to_string(), |g| g.name.clone()),
            ),
            Affiliation::Organisation(o) => Some(o.clone()),
            Affiliation::Unknown => None,
        }
    }
}

/// A role as one document states it, with the sentence that says so.
#[derive(Debug, Clone)]
pub struct Role {
    /// "Energy Minister", when the document gives one.
    pub role: Option<String>,
    /// Index into the corpus's documents.
    pub document: usize,
    /// The paragraph holding the sentence.
    pub block: Option<AnchorId>,
    /// The first sentence of the document that names the person.
    pub sentence: Option<String>,
}

/// One person of the briefing.
#[derive(Debug, Clone)]
pub struct PersonNode {
    /// Slug of the page: the name, plus the affiliation when the name is shared.
    pub slug: Slug,
    /// The name as the documents most often write it.
    pub name: String,
    /// The name as compared ([`name_key`]).
    pub key: String,
    /// Whom they speak for.
    pub affiliation: Affiliation,
    /// Each distinct role, first as the newest document states it.
    pub roles: Vec<Role>,
    /// Indices into the corpus's documents, newest first.
    pub documents: Vec<usize>,
    /// Indices into the corpus's agreements that list them as a signatory.
    pub agreements: Vec<usize>,
    /// Other people (indices into the corpus's people) named in the same documents, with how
    /// many documents they share, most first.
    pub companions: Vec<(usize, usize)>,
}

impl PersonNode {
    /// The page, relative to the site root.
    pub fn url(&self) -> String {
        format!("people/{}.html", self.slug)
    }

    /// The country they represent, if any.
    pub fn country(&self) -> Option<CountryCode> {
        match self.affiliation {
            Affiliation::Country(c) => Some(c),
            _ => None,
        }
    }
}

/// A name in canonical form: accents and punctuation stripped, lowercase, leading titles
/// dropped, words sorted.
pub fn name_key(name: &str) -> String {
    let plain: String = name
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace('’', "'");
    let mut words: Vec<&str> = plain
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\''))
        .flat_map(|w| {
            let w = w.strip_suffix("'s").unwrap_or(w);
            w.split('\'')
        })
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && TITLES.binary_search(&words[0]).is_ok() {
        words.remove(0);
    }
    words.sort_unstable();
    words.join(" ")
}

/// The people of a corpus and how to find a document's person among them.
#[derive(Debug, Default)]
pub struct People {
    /// Every person, by slug.
    pub nodes: Vec<PersonNode>,
    /// (name key, affiliation as extracted) → index into `nodes`.
    lookup: HashMap<(String, Affiliation), usize>,
    /// Name key → indices into `nodes` of the people of that name.
    by_name: HashMap<String, Vec<usize>>,
    /// Names shared by people of different countries, one note each.
    pub notes: Vec<Diagnostic>,
}

impl People {
    /// The person a document names.
    pub fn find(&self, p: &Person) -> Option<usize> {
        self.lookup
            .get(&(name_key(&p.name), Affiliation::of(p)))
            .copied()
    }

    /// The person behind a signatory's name on an agreement between `parties`: the only one of
    /// that name, else the one of a party.
    pub fn signatory(&self, name: &str, parties: &[CountryCode]) -> Option<usize> {
        let same = self.by_name.get(&name_key(name))?;
        match same.as_slice() {
            [one] => Some(*one),
            _ => same.iter().copied().find(|&i| {
                self.nodes[i]
                    .country()
                    .is_some_and(|c| parties.contains(&c))
            }),
        }
    }
}

/// One document's naming of one person.
struct Mention<'a> {
    document: usize,
    person: &'a Person,
}

/// Groups the people of every document (visited newest first) into persons.
pub fn build(documents: &[Document], newest_first: &[usize], agreements: &[Agreement]) -> People {
    let mut by_key: BTreeMap<String, BTreeMap<Affiliation, Vec<Mention>>> = BTreeMap::new();
    for &d in newest_first {
        for p in &documents[d].extraction.people {
            by_key
                .entry(name_key(&p.name))
                .or_default()
                .entry(Affiliation::of(p))
                .or_default()
                .push(Mention {
                    document: d,
                    person: p,
                });
        }
    }
    let mut rank = vec![0; documents.len()];
    for (r, &d) in newest_first.iter().enumerate() {
        rank[d] = r;
    }
    let mut people = People::default();
    // Each person to make, and the ranges of those that share a name.
    let mut plans: Vec<(String, Affiliation, Vec<Mention>, bool)> = Vec::new();
    let mut shared_ranges: Vec<std::ops::Range<usize>> = Vec::new();
    for (key, mut groups) in by_key {
        let unknown_joins = groups.len() == 2 && groups.contains_key(&Affiliation::Unknown);
        let mut aliases = Vec::new();
        if unknown_joins && let Some(unknown) = groups.remove(&Affiliation::Unknown) {
            let (aff, known) = groups.iter_mut().next().expect("two groups");
            known.extend(unknown);
            known.sort_by_key(|m| rank[m.document]);
            aliases.push((Affiliation::Unknown, aff.clone()));
        }
        let shared = groups.len() > 1;
        let first = plans.len();
        for (aff, mentions) in groups {
            people
                .lookup
                .insert((key.clone(), aff.clone()), plans.len());
            plans.push((key.clone(), aff, mentions, shared));
        }
        for (from, to) in aliases {
            let i = people.lookup[&(key.clone(), to)];
            people.lookup.insert((key.clone(), from), i);
        }
        if shared {
            shared_ranges.push(first..plans.len());
        }
    }
    // Finding the sentence that names each person splits paragraphs into sentences: the
    // slow part of this stage, done in parallel.
    people.nodes = plans
        .into_par_iter()
        .map(|(key, aff, mentions, shared)| node(documents, &key, aff, &mentions, shared))
        .collect();
    for range in shared_ranges {
        let note = shared_name_note(documents, &people.nodes[range]);
        people.notes.push(note);
    }
    if people.notes.len() > NOTED_NAMES {
        let more = people.notes.len() - NOTED_NAMES;
        let path = people.notes[NOTED_NAMES].path.clone();
        people.notes.truncate(NOTED_NAMES);
        people.notes.push(Diagnostic::warning(
            path,
            format!(
                "{more} more name{} used for people of several countries, each with one page per country (see people/index.html)",
                if more == 1 { " is" } else { "s are" }
            ),
        ));
    }
    unique_slugs(&mut people.nodes);
    sort_by_slug(&mut people);
    signatories(&mut people, agreements);
    companions(&mut people.nodes);
    people
}

/// A person from their mentions (newest document first).
fn node(
    documents: &[Document],
    key: &str,
    affiliation: Affiliation,
    mentions: &[Mention],
    shared: bool,
) -> PersonNode {
    let name = display_name(mentions);
    let mut slug = Slug::from_text_or(&name, "person");
    if shared {
        slug = slug.with_suffix(&affiliation_slug(&affiliation));
    }
    if slug.as_str() == "index" {
        slug = slug.with_suffix("person");
    }
    let mut roles: Vec<Role> = Vec::new();
    let mut docs: Vec<usize> = Vec::new();
    for m in mentions {
        if docs.last() != Some(&m.document) {
            docs.push(m.document);
        }
        let role = m.person.role.clone();
        let known = roles.iter().any(|r| {
            r.role.as_deref().map(str::to_lowercase) == role.as_deref().map(str::to_lowercase)
        });
        // A role-less mention only matters when no document gives a role at all.
        if !known && (role.is_some() || roles.is_empty()) {
            let (block, sentence) = sentence_naming(&documents[m.document], &m.person.name);
            roles.push(Role {
                role,
                document: m.document,
                block,
                sentence,
            });
        }
    }
    if roles.len() > 1 {
        roles.retain(|r| r.role.is_some());
    }
    PersonNode {
        slug,
        name,
        key: key.to_string(),
        affiliation,
        roles,
        documents: docs,
        agreements: Vec::new(),
        companions: Vec::new(),
    }
}

/// The most frequent spelling; ties go to the longer, then the first in alphabetical order.
fn display_name(mentions: &[Mention]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in mentions {
        *counts.entry(m.person.name.as_str()).or_insert(0) += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(a.0.chars().count().cmp(&b.0.chars().count()))
                .then(b.0.cmp(a.0))
        })
        .map(|(n, _)| n.to_string())
        .unwrap_or_default()
}

fn affiliation_slug(a: &Affiliation) -> String {
    match a {
        Affiliation::Country(c) => Gazetteer::global()
            .get(*c)
            .map_or_else(|| c.as_str().to_ascii_lowercase(), |g| g.slug.to_string()),
        Affiliation::Organisation(o) => o.clone(),
        Affiliation::Unknown => "unaffiliated".into(),
    }
}

/// The first sentence of a document that names `name` (whole, else by its last word), and
/// the paragraph it is in.
fn sentence_naming(doc: &Document, name: &str) -> (Option<AnchorId>, Option<String>) {
    let surname = name.split_whitespace().last().unwrap_or(name);
    for needle in [name, surname] {
        // Only the paragraph that holds the name is split into sentences: splitting is the
        // slow part, and a corpus names tens of thousands of people.
        for b in &doc.source.blocks {
            if !b.text.contains(needle) {
                continue;
            }
            if let Some((_, s)) = crate::sentences::split(&b.text)
                .into_iter()
                .find(|(_, s)| s.contains(needle))
            {
                return (Some(b.id.clone()), Some(s.to_string()));
            }
        }
    }
    (None, None)
}

/// The build's note for a name that several people share.
fn shared_name_note(documents: &[Document], nodes: &[PersonNode]) -> Diagnostic {
    let pages: Vec<String> = nodes
        .iter()
        .map(|n| {
            let who = n.affiliation.label().unwrap_or_else(|| "no country".into());
            format!("people/{}.html ({who})", n.slug)
        })
        .collect();
    let path = &documents[nodes[0].documents[0]].source.path;
    Diagnostic::warning(
        path.clone(),
        format!(
            "the name “{}” is used for people of {} countries; they get one page each: {}",
            nodes[0].name,
            nodes.len(),
            pages.join(", ")
        ),
    )
}

/// Two different names can slugify alike ("O'Neil" and "ONeil"): each then takes a suffix
/// from its key, so neither slug depends on the other's presence order.
fn unique_slugs(nodes: &mut [PersonNode]) {
    let mut count: HashMap<Slug, usize> = HashMap::new();
    for n in nodes.iter() {
        *count.entry(n.slug.clone()).or_insert(0) += 1;
    }
    for n in nodes.iter_mut() {
        if count[&n.slug] > 1 {
            let seed = format!("{}|{:?}", n.key, n.affiliation);
            n.slug = n.slug.with_suffix(&hash_hex(&seed, 6));
        }
    }
}

/// Sorts the people by slug, keeping the lookups right.
fn sort_by_slug(people: &mut People) {
    let mut indexed: Vec<(usize, PersonNode)> = people.nodes.drain(..).enumerate().collect();
    indexed.sort_by(|a, b| a.1.slug.cmp(&b.1.slug));
    let mut new_index = vec![0; indexed.len()];
    for (new, (old, _)) in indexed.iter().enumerate() {
        new_index[*old] = new;
    }
    people.nodes = indexed.into_iter().map(|(_, n)| n).collect();
    for i in people.lookup.values_mut() {
        *i = new_index[*i];
    }
    for (i, n) in people.nodes.iter().enumerate() {
        people.by_name.entry(n.key.clone()).or_default().push(i);
    }
}

fn signatories(people: &mut People, agreements: &[Agreement]) {
    for (a, agreement) in agreements.iter().enumerate() {
        for name in &agreement.signatories {
            if let Some(i) = people.signatory(name, &agreement.parties)
                && !people.nodes[i].agreements.contains(&a)
            {
                people.nodes[i].agreements.push(a);
            }
        }
    }
}

/// For each person, the people named in the same documents.
fn companions(nodes: &mut [PersonNode]) {
    let mut in_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        for &d in &n.documents {
            in_doc.entry(d).or_default().push(i);
        }
    }
    let mut shared: Vec<HashMap<usize, usize>> = vec![HashMap::new(); nodes.len()];
    for group in in_doc.values() {
        for &a in group {
            for &b in group {
                if a != b {
                    *shared[a].entry(b).or_insert(0) += 1;
                }
            }
        }
    }
    for (n, counts) in nodes.iter_mut().zip(shared) {
        let mut list: Vec<(usize, usize)> = counts.into_iter().collect();
        list.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        list.truncate(COMPANIONS);
        n.companions = list;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_sorted_for_binary_search() {
        assert!(TITLES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn names_compare_as_the_scorer_does() {
        assert_eq!(name_key("Kenji Sato"), name_key("Sato Kenji"));
        assert_eq!(
            name_key("Recep Tayyip Erdoğan"),
            name_key("Recep Tayyip Erdogan")
        );
        assert_eq!(name_key("Mr. Hakan Fidan"), "fidan hakan");
        assert_eq!(name_key("President Ruto"), "ruto");
        assert_eq!(name_key("Jean-Luc Picard"), "jean luc picard");
        assert_eq!(name_key("Erdoğan’s"), "erdogan");
        assert_ne!(name_key("Li Wei"), name_key("Li Wen"));
    }
}

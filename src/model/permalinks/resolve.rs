//! Matching the record of published URLs against a new corpus.

use std::collections::HashMap;

use super::{
    Corpus, Entry, Gone, HASH_LEN, Kind, Permalinks, Record, Redirect, Target, identities,
    into_recorded, recorded, target_title, target_url,
};
use crate::diagnostics::Diagnostic;
use crate::slug::hash_hex;

/// One entity of the new corpus.
struct Current {
    target: Target,
    url: String,
    entry: Entry,
    draft: bool,
}

/// Finds, for an old entry, the entity of the new corpus that succeeds it.
#[derive(Default)]
struct Lookup<'a> {
    by_path: HashMap<&'a str, Target>,
    by_text: HashMap<&'a str, Vec<Target>>,
    by_title: HashMap<&'a str, Vec<Target>>,
    by_code: HashMap<&'a str, Target>,
    by_pack: HashMap<&'a str, Target>,
    by_page: HashMap<&'a str, Target>,
    by_person: HashMap<(&'a str, Option<&'a str>, Option<&'a str>), Target>,
    /// People by name, each with whether they are known to represent someone.
    by_name: HashMap<&'a str, Vec<(Target, bool)>>,
    by_evidence: HashMap<&'a str, Vec<(Target, &'a [String])>>,
    by_sentence: HashMap<&'a str, Vec<(Target, &'a [String])>>,
    by_document: HashMap<&'a str, Vec<(Target, &'a [String])>>,
}

/// The sentence's hash in an evidence key (`document-sentence`).
fn sentence_part(key: &str) -> &str {
    key.rsplit('-').next().unwrap_or(key)
}

/// The document's hash in an evidence key.
fn document_part(key: &str) -> &str {
    key.split('-').next().unwrap_or(key)
}

impl<'a> Lookup<'a> {
    fn new(current: &'a [Current]) -> Lookup<'a> {
        let mut l = Lookup::default();
        for c in current {
            let e = &c.entry;
            match c.target {
                Target::Document(_) => {
                    l.by_path.insert(e.path.as_deref().unwrap_or(""), c.target);
                    let text = e.text.as_deref().unwrap_or("");
                    l.by_text.entry(text).or_default().push(c.target);
                    let title = e.title.as_deref().unwrap_or("");
                    l.by_title.entry(title).or_default().push(c.target);
                }
                Target::Country(_) => {
                    l.by_code.insert(e.code.as_deref().unwrap_or(""), c.target);
                }
                Target::CountryPack(_) => {
                    l.by_pack.insert(e.code.as_deref().unwrap_or(""), c.target);
                }
                Target::Page(_) => {
                    l.by_page.insert(e.page.as_deref().unwrap_or(""), c.target);
                }
                Target::Person(_) => {
                    let name = e.name.as_deref().unwrap_or("");
                    l.by_person.insert(
                        (name, e.code.as_deref(), e.organisation.as_deref()),
                        c.target,
                    );
                    let affiliated = e.code.is_some() || e.organisation.is_some();
                    l.by_name
                        .entry(name)
                        .or_default()
                        .push((c.target, affiliated));
                }
                Target::Agreement(_) => {
                    for k in &e.evidence {
                        l.by_evidence
                            .entry(k)
                            .or_default()
                            .push((c.target, &e.parties));
                        l.by_sentence
                            .entry(sentence_part(k))
                            .or_default()
                            .push((c.target, &e.parties));
                        let in_doc = l.by_document.entry(document_part(k)).or_default();
                        if in_doc.last().is_none_or(|(t, _)| *t != c.target) {
                            in_doc.push((c.target, &e.parties));
                        }
                    }
                }
            }
        }
        l
    }

    /// The entity that now stands for `old`: a document by path, else by unchanged text,
    /// else by unchanged title (each only when one document matches); a country by code; an
    /// agreement by the earliest of its evidence sentences that some agreement still has —
    /// the one sharing the most of its sentences when several do.
    fn successor(&self, old: &Entry, occupant: Option<Target>) -> Option<Target> {
        let only = |v: Option<&Vec<Target>>| match v.map(Vec::as_slice) {
            Some([t]) => Some(*t),
            _ => None,
        };
        match old.kind {
            Kind::Document => old
                .path
                .as_deref()
                .and_then(|p| self.by_path.get(p).copied())
                .or_else(|| only(old.text.as_deref().and_then(|t| self.by_text.get(t))))
                .or_else(|| only(old.title.as_deref().and_then(|t| self.by_title.get(t)))),
            Kind::Country => old
                .code
                .as_deref()
                .and_then(|c| self.by_code.get(c).copied()),
            Kind::Pack => old
                .code
                .as_deref()
                .and_then(|c| self.by_pack.get(c).copied()),
            Kind::Page => old
                .page
                .as_deref()
                .and_then(|p| self.by_page.get(p).copied()),
            // The same name for the same country; else, when the name belongs to one person
            // only and the country was learnt or lost on one side, that person. A name
            // whose country changed is another person: it gets no redirect.
            Kind::Person => {
                let name = old.name.as_deref()?;
                let key = (name, old.code.as_deref(), old.organisation.as_deref());
                let was_affiliated = old.code.is_some() || old.organisation.is_some();
                self.by_person.get(&key).copied().or_else(|| {
                    match self.by_name.get(name).map(Vec::as_slice) {
                        Some([(t, now_affiliated)]) if !(was_affiliated && *now_affiliated) => {
                            Some(*t)
                        }
                        _ => None,
                    }
                })
            }
            Kind::Agreement => old.evidence.iter().find_map(|k| {
                // The same sentence in the same document; else (the document was renamed) the
                // same sentence anywhere; else (the sentence was edited) an agreement of the
                // same document with a party in common.
                let (candidates, need_party) = match self
                    .by_evidence
                    .get(k.as_str())
                    .or_else(|| self.by_sentence.get(sentence_part(k)))
                {
                    Some(c) => (c, false),
                    None => (self.by_document.get(document_part(k))?, true),
                };
                let shared =
                    |parties: &[String]| parties.iter().filter(|p| old.parties.contains(p)).count();
                // Among those with most parties in common, the one still at the URL, else the
                // first in corpus order (agreements are sorted by slug).
                candidates
                    .iter()
                    .rev()
                    .filter(|(_, parties)| !need_party || shared(parties) > 0)
                    .max_by_key(|(t, parties)| (shared(parties), Some(*t) == occupant))
                    .map(|(t, _)| *t)
            }),
        }
    }
}

/// Matches `old` (the record so far) against the corpus. Where a published URL is now the
/// natural URL of a different entity than its successor, that entity's slug takes a suffix,
/// so the URL keeps leading to what it showed. Aliases from front matter join the record as
/// redirects. `is_page` tells which URLs the site uses for pages other than entities (index
/// pages), which an alias may not take.
pub fn resolve(c: &mut Corpus, mut old: Record, is_page: &dyn Fn(&str) -> bool) -> Permalinks {
    let mut warnings = Vec::new();
    let current = current(c);
    let lookup = Lookup::new(&current);
    add_aliases(c, &current, &lookup, &mut old, is_page, &mut warnings);
    let natural = urls(c);
    let successors: Vec<(&String, &Entry, Option<Target>)> = old
        .urls
        .iter()
        .map(|(u, e)| (u, e, lookup.successor(e, natural.get(u.as_str()).copied())))
        .collect();
    let at = keep_published_urls(c, &successors);
    let index: HashMap<Target, &Current> = current.iter().map(|x| (x.target, x)).collect();
    let mut out = Permalinks {
        warnings,
        ..Permalinks::default()
    };
    for &(url, was, successor) in &successors {
        let (entry, moved) = outcome(
            c,
            url,
            was,
            successor,
            at.get(url).copied(),
            &index,
            &mut out,
        );
        if let Some(m) = moved {
            out.moved.push(m);
        }
        out.record.urls.insert(url.clone(), entry);
    }
    // The identities move into the record rather than being copied: at 10,000 documents
    // each copy of them is some 20 MB.
    for x in current {
        let url = target_url(c, x.target);
        if !x.draft && !out.record.urls.contains_key(&url) {
            out.record.urls.insert(url, into_recorded(x.entry));
        }
    }
    out
}

/// What an old URL becomes, and the line for `--locked` when it stops showing its entity.
fn outcome(
    c: &Corpus,
    url: &str,
    was: &Entry,
    successor: Option<Target>,
    now_at: Option<Target>,
    index: &HashMap<Target, &Current>,
    out: &mut Permalinks,
) -> (Entry, Option<String>) {
    let identity = |t: Target| recorded(&index[&t].entry);
    match (now_at, successor) {
        (Some(t), Some(s)) if t == s => (identity(s), None),
        (Some(t), _) => {
            let moved = was
                .is_served()
                .then(|| format!("{url}: now shows another {}", was.kind.noun()));
            (identity(t), moved)
        }
        (None, Some(s)) => {
            let (to, title) = (target_url(c, s), target_title(c, s));
            let moved = was.is_served().then(|| format!("{url}: moves to {to}"));
            out.redirects.push(Redirect {
                from: url.to_string(),
                to: to.clone(),
                title,
            });
            let mut e = identity(s);
            e.to = Some(to);
            (e, moved)
        }
        (None, None) => {
            out.gone.push(Gone {
                url: url.to_string(),
                kind: was.kind,
            });
            let moved = (!was.gone).then(|| format!("{url}: its {} is gone", was.kind.noun()));
            let mut e = was.clone();
            e.to = None;
            e.gone = true;
            (e, moved)
        }
    }
}

fn current(c: &Corpus) -> Vec<Current> {
    identities(c)
        .into_iter()
        .map(|(target, url, entry, draft)| Current {
            target,
            url,
            entry,
            draft,
        })
        .collect()
}

/// Front-matter aliases become recorded redirects, unless the URL is taken.
fn add_aliases(
    c: &Corpus,
    current: &[Current],
    lookup: &Lookup<'_>,
    old: &mut Record,
    is_page: &dyn Fn(&str) -> bool,
    warnings: &mut Vec<Diagnostic>,
) {
    if c.documents
        .iter()
        .all(|d| d.source.front.aliases.is_empty())
    {
        return;
    }
    let taken: HashMap<&str, Target> = current.iter().map(|x| (x.url.as_str(), x.target)).collect();
    for x in current.iter().filter(|x| !x.draft) {
        let Target::Document(i) = x.target else {
            continue;
        };
        for alias in &c.documents[i].source.front.aliases {
            let conflict =
                if is_page(alias) || taken.get(alias.as_str()).is_some_and(|t| *t != x.target) {
                    Some("is the URL of another page of the site")
                } else if old
                    .urls
                    .get(alias)
                    .is_some_and(|e| lookup.successor(e, None) != Some(x.target))
                {
                    Some("was published for another page, which it keeps leading to")
                } else {
                    None
                };
            if let Some(why) = conflict {
                warnings.push(Diagnostic::warning(
                    c.documents[i].source.path.clone(),
                    format!(
                        "alias `{alias}` {why}; no redirect is made; remove it or pick another path"
                    ),
                ));
            } else if !taken.contains_key(alias.as_str()) && !old.urls.contains_key(alias) {
                let mut e = recorded(&x.entry);
                e.to = Some(x.url.clone());
                old.urls.insert(alias.clone(), e);
            }
        }
    }
}

/// Gives a suffix to every entity whose natural URL was published for another entity that
/// still exists; returns the URL of every entity afterwards.
fn keep_published_urls(
    c: &mut Corpus,
    successors: &[(&String, &Entry, Option<Target>)],
) -> HashMap<String, Target> {
    let mut at = urls(c);
    for round in 1..=4 {
        let mut renamed = false;
        for &(url, _, successor) in successors {
            let (Some(s), Some(&t)) = (successor, at.get(url.as_str())) else {
                continue;
            };
            if s != t {
                rename(c, t, round);
                renamed = true;
            }
        }
        if !renamed {
            break;
        }
        at = urls(c);
    }
    at
}

fn urls(c: &Corpus) -> HashMap<String, Target> {
    let docs = (0..c.documents.len()).map(Target::Document);
    let countries = (0..c.countries.len()).map(Target::Country);
    let agreements = (0..c.agreements.len()).map(Target::Agreement);
    let people = (0..c.people.nodes.len()).map(Target::Person);
    let packs = (0..c.countries.len()).map(Target::CountryPack);
    let fixed = (0..super::FIXED_PAGES.len()).map(Target::Page);
    docs.chain(countries)
        .chain(agreements)
        .chain(people)
        .chain(packs)
        .chain(fixed)
        .map(|t| (target_url(c, t), t))
        .collect()
}

/// A new slug for an entity that must leave its natural URL, from what identifies it.
fn rename(c: &mut Corpus, t: Target, round: usize) {
    let len = (HASH_LEN / 2 * round).min(40);
    match t {
        Target::Document(i) => {
            let d = &mut c.documents[i];
            d.slug = d.slug.with_suffix(&hash_hex(&d.source.path, len));
        }
        Target::Agreement(i) => {
            let a = &c.agreements[i];
            let seed = a
                .evidence
                .first()
                .map_or(a.title.as_str(), |e| e.text.as_str());
            let suffix = hash_hex(seed, len);
            c.agreements[i].slug = a.slug.with_suffix(&suffix);
        }
        Target::Person(i) => {
            let p = &c.people.nodes[i];
            let seed = format!("{}|{:?}", p.key, p.affiliation);
            c.people.nodes[i].slug = p.slug.with_suffix(&hash_hex(&seed, len));
        }
        // A country's URL (and its pack's) comes from its code, which no other country
        // shares; fixed pages have one URL each.
        Target::Country(_) | Target::CountryPack(_) | Target::Page(_) => {}
    }
}

//! Extract: what each document is about — the countries it mentions (with a snippet of each),
//! the people in it and the agreements it reports — from its blocks and front matter.
//!
//! Entry point: [`run`], one [`Extraction`] per document, computed in parallel. Extraction
//! only reads [`SourceDoc`]s; joining documents into one corpus is the model's job.

pub mod agreements;
pub mod countries;
pub mod dates;
pub mod frame;
mod known;
pub mod lexicon;
pub mod people;
pub mod status;
pub mod tokens;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::gazetteer::{CountryCode, Gazetteer};
use crate::ingest::{AgreementFields, Block, FrontAgreement, SourceDoc};
use crate::sentences;
use crate::slug::AnchorId;
use crate::terms::{AgreementKind, AgreementStatus, Date, Topic};

/// The longest quote kept from one sentence (snippets, evidence): a sentence is rarely longer,
/// and a document with no full stops must not put megabytes on every page.
pub(crate) const MAX_QUOTE: usize = 600;

/// Snippets kept per country per document: enough to show how it is mentioned.
const SNIPPETS_PER_COUNTRY: usize = 3;

/// How often a document mentions a country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountryCount {
    /// The country.
    pub code: CountryCode,
    /// Mentions in the text (0 for a country only named in front matter).
    pub mentions: usize,
}

/// The sentence around one mention of a country, kept as a place in the document's blocks
/// rather than a copy: at 100,000 documents the copies alone would take hundreds of MB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The country mentioned.
    pub code: CountryCode,
    /// Index of the block the sentence is in.
    pub block: u32,
    /// Byte range of the sentence in that block's text.
    pub range: (u32, u32),
}

impl Snippet {
    /// The id of the block the sentence is in (for a link to it).
    pub fn anchor<'b>(&self, blocks: &'b [Block]) -> Option<&'b AnchorId> {
        blocks.get(self.block as usize).map(|b| &b.id)
    }

    /// The sentence, shortened to a quotable length.
    pub fn text(&self, blocks: &[Block]) -> String {
        let sentence = blocks
            .get(self.block as usize)
            .and_then(|b| b.text.get(self.range.0 as usize..self.range.1 as usize))
            .unwrap_or("");
        excerpt(sentence, MAX_QUOTE)
    }
}

/// A named person with their role and country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Full name as first introduced.
    pub name: String,
    /// Role ("Energy Minister"), if stated.
    pub role: Option<String>,
    /// The country they represent, if stated.
    pub country: Option<CountryCode>,
    /// The organisation they represent ("EU"), for officials of one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

/// A sentence that reports an engagement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The block it is in.
    pub block: AnchorId,
    /// The status this sentence gives.
    pub status: AgreementStatus,
    /// The sentence.
    pub text: String,
}

/// One agreement or engagement as one document reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Engagement {
    /// Title from front matter, if given.
    pub title: Option<String>,
    /// Kind.
    pub kind: AgreementKind,
    /// Status in this document.
    pub status: AgreementStatus,
    /// Countries party to it, sorted.
    pub parties: Vec<CountryCode>,
    /// Organisations party to it ("EU"), sorted.
    pub organisations: Vec<String>,
    /// Subject matter.
    pub topic: Option<Topic>,
    /// People who signed.
    pub signatories: Vec<String>,
    /// Where it was signed or discussed.
    pub place: Option<String>,
    /// When, if the text or front matter says.
    pub date: Option<Date>,
    /// Supporting sentences.
    pub evidence: Vec<Evidence>,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Countries by mentions (most first, then code).
    pub countries: Vec<CountryCount>,
    /// Sentences mentioning each country, in document order.
    pub snippets: Vec<Snippet>,
    /// People, in order of first mention.
    pub people: Vec<Person>,
    /// Agreements and engagements.
    pub engagements: Vec<Engagement>,
    /// Doubtful cases worth a look.
    pub warnings: Vec<Diagnostic>,
    /// Each entity and engagement with the sentence and rule that produced it.
    pub explanations: Vec<Explanation>,
    /// The date the text gives itself (a dateline), for a document without front matter.
    pub date: Option<Date>,
}

/// Why something was extracted, for `briefing extract --explain`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// What was found ("person Abarchi Ousmane", "agreement NE–TR mou signed").
    pub what: String,
    /// The rule that fired.
    pub rule: String,
    /// The block it was found in.
    pub block: AnchorId,
    /// The text it was found in.
    pub text: String,
}

/// Whether extraction keeps the explanation of each decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Explain {
    /// Keep them (`briefing extract --explain`).
    Keep,
    /// Drop them as each document is done: a build never shows them, and at 10,000
    /// documents they hold some 25 MB for the whole build.
    Drop,
}

/// Extracts every document, in parallel; the result is in the same order as `docs`.
pub fn run(docs: &[SourceDoc], explain: Explain) -> Vec<Extraction> {
    docs.par_iter().map(|d| document_for(d, explain)).collect()
}

/// [`document`], keeping its explanations or not.
pub fn document_for(doc: &SourceDoc, explain: Explain) -> Extraction {
    let mut out = document(doc);
    if explain == Explain::Drop {
        out.explanations = Vec::new();
    }
    out
}

/// Extracts one document: prose (unless `extract = false`), then front matter on top.
pub fn document(doc: &SourceDoc) -> Extraction {
    let title = as_meant(&doc.title);
    let blocks: Vec<Option<String>> = doc.blocks.iter().map(|b| as_meant(&b.text)).collect();
    if title.is_none() && blocks.iter().all(Option::is_none) {
        return document_as_read(doc);
    }
    let mut read = doc.clone();
    if let Some(t) = title {
        read.title = t;
    }
    for (b, text) in read.blocks.iter_mut().zip(blocks) {
        if let Some(t) = text {
            b.text = t;
        }
    }
    document_as_read(&read)
}

/// `text` with the typing slips of wire copy that would hide a word from the rules put
/// right, if it has any: a backtick typed for an apostrophe ("Azerbaijan`s President"), which
/// would hide every possessive, and "singed" for "signed". Each fix keeps the byte length,
/// so offsets into the text hold.
fn as_meant(text: &str) -> Option<String> {
    static SINGED: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let singed = SINGED.get_or_init(|| regex::Regex::new(r"\bsinged\b").expect("regex"));
    let backtick = text.contains('`');
    if !backtick && !text.contains("singed") {
        return None;
    }
    let text = if backtick {
        backtick_apostrophes(text)
    } else {
        text.to_string()
    };
    Some(singed.replace_all(&text, "signed").into_owned())
}

/// `text` with each backtick between a letter or digit and a letter made an apostrophe.
fn backtick_apostrophes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let inside_word = prev.is_some_and(char::is_alphanumeric)
            && chars.peek().is_some_and(|n| n.is_alphabetic());
        out.push(if c == '`' && inside_word { '\'' } else { c });
        prev = Some(c);
    }
    out
}

fn document_as_read(doc: &SourceDoc) -> Extraction {
    let mut out = Extraction::default();
    let mut counts = std::collections::BTreeMap::new();
    if doc.front.extract {
        let (title, per_block) = countries::scan_document(&doc.title, &doc.blocks);
        counts = countries::count(&per_block);
        for m in &title {
            *counts.entry(m.code).or_insert(0) += 1;
        }
        let sentences = Sentences::new(&doc.blocks);
        out.snippets = snippets(&sentences, &per_block);
        let lead = doc
            .blocks
            .iter()
            .position(|b| b.kind == crate::ingest::BlockKind::Paragraph);
        // A dateline says where the story was filed, not what it is about.
        let framed: Vec<(&str, Vec<crate::gazetteer::Mention>)> = per_block
            .iter()
            .zip(&doc.blocks)
            .map(|(ms, b)| {
                let kept = ms
                    .iter()
                    .filter(|m| !frame::in_dateline(&b.text, m.start, m.end))
                    .cloned()
                    .collect();
                (b.text.as_str(), kept)
            })
            .collect();
        let dateline =
            lead.and_then(|i| frame::dateline_country(&doc.blocks[i].text, &per_block[i]));
        let frame = frame::Frame::new((&doc.title, &title), &framed, lead)
            .with_organisation(agreements::headline_organisation(&doc.title), &title)
            .with_dateline(dateline);
        out.date = dates::of_document(&doc.blocks);
        prose(doc, &per_block, &sentences, &frame, &mut out);
    }
    for code in &doc.front.countries {
        counts.entry(*code).or_insert(0);
    }
    // Lowercased once for every front-matter agreement's search for its title.
    let lowered: Vec<String> = if doc.front.agreements.is_empty() {
        Vec::new()
    } else {
        doc.blocks.iter().map(|b| b.text.to_lowercase()).collect()
    };
    for fa in &doc.front.agreements {
        let e = front_agreement(fa, &doc.blocks, &lowered);
        // A front-matter agreement replaces an extracted one with the same parties.
        out.engagements
            .retain(|x| x.parties != e.parties || x.organisations != e.organisations);
        for code in &e.parties {
            counts.entry(*code).or_insert(0);
        }
        out.engagements.push(e);
    }
    // A party is always among the document's countries.
    for e in &out.engagements {
        for code in &e.parties {
            counts.entry(*code).or_insert(0);
        }
    }
    let mut countries: Vec<CountryCount> = counts
        .into_iter()
        .map(|(code, mentions)| CountryCount { code, mentions })
        .collect();
    countries.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.code.cmp(&b.code)));
    out.countries = countries;
    out
}

/// People and engagements from the text.
fn prose(
    doc: &SourceDoc,
    per_block: &[Vec<crate::gazetteer::Mention>],
    sentences: &Sentences<'_>,
    frame: &frame::Frame,
    out: &mut Extraction,
) {
    let datelines: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| frame::dateline_place(&b.text))
        .collect();
    for (block, mentions) in doc.blocks.iter().zip(per_block) {
        // A headline in title case ("Secretary Abraham Announces Energy Partnership") has no
        // case to tell names from other words; the body names the same people.
        if !people::may_name_people(&block.text) || is_title_case(&block.text) {
            continue;
        }
        let text = people::unbracketed(&block.text);
        let folded = text.to_ascii_lowercase();
        let tokens = tokens::tokenize_folded(&text, &folded);
        for f in people::find(&text, &tokens, mentions) {
            // "New Delhi, Sep 18: … said New Delhi remains committed": the city, not a person.
            if datelines.contains(&f.person.name.as_str()) {
                continue;
            }
            let known = out
                .people
                .iter_mut()
                .find(|p| names_same_person(&p.name, &f.person.name));
            match known {
                Some(known) => {
                    known.country = known.country.or(f.person.country);
                    known.role = known.role.take().or(f.person.role);
                }
                None => {
                    out.explanations.push(Explanation {
                        what: format!(
                            "person {} ({}, {})",
                            f.person.name,
                            f.person.role.as_deref().unwrap_or("no role"),
                            f.person
                                .country
                                .map_or("no country".to_string(), |c| c.to_string())
                        ),
                        rule: f.rule.to_string(),
                        block: block.id.clone(),
                        text: block.text.clone(),
                    });
                    out.people.push(f.person);
                }
            }
        }
    }
    known::known_leaders(doc, out);
    known::nicknames(doc, &mut out.people);
    let names = people::NameIndex::new(&out.people);
    countries_of_sides(&mut out.people, &names, doc, per_block);
    implicit_countries(&mut out.people, &names, sentences, frame);
    let found = agreements::find(&agreements::Input {
        sentences,
        mentions: per_block,
        people: &out.people,
        names: &names,
        frame,
        date: doc.front.date.or(out.date),
    });
    out.engagements = found.engagements;
    out.explanations.extend(found.explanations);
    for (block, parties, text) in found.unresolved {
        out.warnings.push(Diagnostic::warning(
            doc.path.clone(),
            format!(
                "#{block}: an agreement is reported but only {parties} could be identified as a party; add it to front matter if it matters: \"{}\"",
                excerpt(&text, 120)
            ),
        ));
    }
}

/// Whether `short`, found after `known`, names the same person: the same name, its surname
/// ("Mirziyoyev"), or a family name written first ("Hong" after "Hong Soon-young").
fn names_same_person(known: &str, short: &str) -> bool {
    // "Crown Prince Salman" after "Salman bin Abdulaziz Al Saud": a royal called by title and
    // given name.
    if let Some((title, given)) = short.split_once(' ')
        && people::ROYAL_TITLES.contains(&title)
        && !given.contains(' ')
        && known.split(' ').count() >= 3
        && known
            .strip_prefix(given)
            .is_some_and(|rest| rest.starts_with(' '))
    {
        return true;
    }
    let Some(rest) = known.strip_suffix(short) else {
        return known.strip_prefix(short).is_some_and(|given| {
            given.starts_with(' ') && !short.contains(' ') && given.trim().split(' ').count() <= 2
        });
    };
    rest.is_empty() || rest.ends_with(' ')
}

/// A headline in title case: a short line without a full stop whose longer words are all
/// capitalised but for a preposition or two.
fn is_title_case(text: &str) -> bool {
    const SMALL: &[&str] = &[
        "with", "from", "into", "over", "after", "amid", "than", "that", "says",
    ];
    let text = text.trim();
    // Only a short line can be a headline; most blocks stop here. A list item ("• Koroba MP
    // Hon. William Bando (United Resources Party) as Coffee Minister;") is no headline either.
    if text.len() >= 200
        || text.ends_with(['.', '"', '”', ':', ';', ','])
        || text.starts_with(['•', '·', '▪', '-', '–', '*'])
    {
        return false;
    }
    // "Economy and Finance Minister: David Tuesta Cardenas": a line of a list of officials.
    if let Some((title, _)) = text.split_once(": ")
        && title
            .rsplit(' ')
            .next()
            .is_some_and(|w| people::is_role_word(&w.to_lowercase()))
    {
        return false;
    }
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let lowercase = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase) && !SMALL.contains(w))
        .count();
    let all_caps = text.chars().filter(|c| c.is_lowercase()).count() < text.len() / 10;
    long.len() >= 3 && lowercase == 0 && !all_caps
}

/// "Signed on the Iraqi side by the Minister of Transport, X, and on the Turkish side by …",
/// "the Qatari side was signed by the Minister, Y": a side named by its country stands for
/// the official who acts for it, named within a few words after it.
fn countries_of_sides(
    people: &mut [Person],
    names: &people::NameIndex,
    doc: &SourceDoc,
    per_block: &[Vec<crate::gazetteer::Mention>],
) {
    for (block, mentions) in doc.blocks.iter().zip(per_block) {
        let text = block.text.as_str();
        let named = names.find(text);
        for m in mentions {
            let rest = &text[m.end..];
            let Some(after) = rest.strip_prefix(" side") else {
                continue;
            };
            if !text[..m.start].trim_end().to_lowercase().ends_with("the") {
                continue;
            }
            // The first person named within the next few words, before any other side.
            let from = m.end + " side".len();
            let window = after.find(" side").unwrap_or(after.len()).min(120);
            if let Some(&(_, p)) = named
                .iter()
                .find(|(at, _)| (from..from + window).contains(at))
                && people[p].country.is_none()
                && people[p].organisation.is_none()
            {
                people[p].country = Some(m.code);
            }
        }
    }
}

/// An official whose country the text leaves implicit ("Prime Minister X" in a story about
/// one country) represents the country the document is about; in a story about two, the one
/// that the officials named beside them do not already represent ("Federal Minister Habeck
/// and Namibia's Energy Minister Alweendo signed"). A sentence that pairs the other official's
/// country with one more ("X held talks with Algerian President Y on … ties between Ethiopia
/// and Algeria") names X's country outright, and outweighs the frame.
fn implicit_countries(
    people: &mut [Person],
    names: &people::NameIndex,
    sentences: &Sentences<'_>,
    frame: &frame::Frame,
) {
    let home = frame.primary();
    let implicit: Vec<usize> = (0..people.len())
        .filter(|&i| {
            let p = &people[i];
            p.country.is_none()
                && p.organisation.is_none()
                && p.role.as_deref().is_some_and(people::is_government_role)
        })
        .collect();
    if implicit.is_empty() {
        return;
    }
    let mut paired: Vec<Option<CountryCode>> = vec![None; people.len()];
    let mut beside: Vec<Option<CountryCode>> = vec![None; people.len()];
    for (i, block) in sentences.blocks().iter().enumerate() {
        let named = names.find(&block.text);
        if named.is_empty() {
            continue;
        }
        for &(start, text) in sentences.of(i) {
            let here: Vec<(usize, usize)> = named
                .iter()
                .filter(|(at, _)| (start..start + text.len()).contains(at))
                .copied()
                .collect();
            // "He is scheduled to meet with Minister X": the protagonist's counterpart.
            if let [(at, p)] = here[..]
                && implicit.contains(&p)
                && beside[p].is_none()
                && met_by_pronoun(&text[..at - start])
            {
                beside[p] = home.and_then(|h| frame.other_than(h));
            }
            // The first named receives an ambassador named after them: "Minister X met with
            // Ambassador of the Sudan to Romania Y", not "Japan's Ambassador to Nigeria paid
            // a call on the President of the Commission, Z".
            let envoy_after = |p: usize| {
                let first = here.iter().position(|&(_, q)| q == p);
                here.iter().enumerate().any(|(k, &(_, q))| {
                    first.is_some_and(|f| k > f)
                        && people[q]
                            .role
                            .as_deref()
                            .is_some_and(|r| r.starts_with("Ambassador"))
                })
            };
            let envoys: Vec<bool> = here.iter().map(|&(_, p)| envoy_after(p)).collect();
            // The sentence's own country mentions, found once and only when needed.
            let mentions = std::cell::OnceCell::new();
            let found = || {
                mentions.get_or_init(|| crate::gazetteer::Gazetteer::global().find(text).mentions)
            };
            let here: Vec<usize> = here.iter().map(|&(_, p)| p).collect();
            for (k, &p) in here
                .iter()
                .enumerate()
                .filter(|(_, p)| implicit.contains(p))
            {
                let other = here.iter().find_map(|&q| people[q].country);
                if paired[p].is_none() && envoys[k] {
                    paired[p] = accredited_to(text, found()).filter(|c| Some(*c) != other);
                }
                if paired[p].is_none() {
                    paired[p] = other.and_then(|c| paired_with(text, found(), c));
                }
                if beside[p].is_none() {
                    beside[p] = other.and_then(|c| frame.other_than(c));
                }
            }
        }
    }
    for &p in &implicit {
        people[p].country = paired[p].or(beside[p]).or(home);
    }
    same_name_same_country(people, &implicit, &implicit);
}

/// Whether a sentence opens with "He" or "She" and then meets whoever follows: "He is
/// scheduled to meet with", "She held talks with".
fn met_by_pronoun(before: &str) -> bool {
    let before = before.trim_start();
    (before.starts_with("He ") || before.starts_with("She "))
        && [
            " meet with",
            " met with",
            " talks with",
            " meeting with",
            " call with",
        ]
        .iter()
        .any(|w| before.contains(w))
}

/// "met with Ambassador of the Republic of the Sudan to Romania X": the country an
/// ambassador the sentence names is posted to, whose officials receive them.
fn accredited_to(text: &str, mentions: &[crate::gazetteer::Mention]) -> Option<CountryCode> {
    let at = text.find("Ambassador")?;
    mentions
        .iter()
        .filter(|m| m.start > at && m.start <= at + 120)
        .find(|m| text[..m.start].trim_end().ends_with(" to"))
        .map(|m| m.code)
}

/// The one country a sentence joins to `code` as a pair: "between Ethiopia and Algeria",
/// "Kenya-Egypt ties".
fn paired_with(
    text: &str,
    mentions: &[crate::gazetteer::Mention],
    code: CountryCode,
) -> Option<CountryCode> {
    let mut found = None;
    for pair in mentions.windows(2) {
        let between = text.get(pair[0].end..pair[1].start).unwrap_or("").trim();
        if !matches!(between, "and" | "-" | "–" | "/") || pair[0].code == pair[1].code {
            continue;
        }
        let other = if pair[0].code == code {
            pair[1].code
        } else if pair[1].code == code {
            pair[0].code
        } else {
            continue;
        };
        if found.is_some_and(|f| f != other) {
            return None;
        }
        found = Some(other);
    }
    found
}

/// "Prime Minister Abiy Ahmed" and, two paragraphs on, "the Prime Minister ABiy": one person
/// typed twice is one country, the one the fuller name was given.
fn same_name_same_country(people: &mut [Person], targets: &[usize], sources: &[usize]) {
    for &p in targets {
        let short = people[p].name.to_lowercase();
        if short.contains(' ') {
            continue;
        }
        let fuller = sources.iter().find(|&&q| {
            q != p
                && people[q].role == people[p].role
                && people[q].name.to_lowercase().split(' ').any(|w| w == short)
        });
        if let Some(&q) = fuller {
            people[p].country = people[q].country;
        }
    }
}

/// The first `max` characters of `text`, cut at a word, with "…" when cut.
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a))
}

/// The sentences of each block of a document, split at most once and only when asked for.
pub struct Sentences<'a> {
    blocks: &'a [Block],
    cells: Vec<std::cell::OnceCell<Vec<(usize, &'a str)>>>,
}

impl<'a> Sentences<'a> {
    /// A cache over these blocks.
    pub fn new(blocks: &'a [Block]) -> Sentences<'a> {
        Sentences {
            blocks,
            cells: blocks.iter().map(|_| std::cell::OnceCell::new()).collect(),
        }
    }

    /// The blocks.
    pub fn blocks(&self) -> &'a [Block] {
        self.blocks
    }

    /// The sentences of block `i`, with their byte offsets.
    pub fn of(&self, i: usize) -> &[(usize, &'a str)] {
        self.cells[i].get_or_init(|| sentences::split(&self.blocks[i].text))
    }
}

fn snippets(
    sentences: &Sentences<'_>,
    per_block: &[Vec<crate::gazetteer::Mention>],
) -> Vec<Snippet> {
    let mut taken: std::collections::HashMap<CountryCode, usize> = Default::default();
    let mut out = Vec::new();
    for (i, (block, mentions)) in sentences.blocks().iter().zip(per_block).enumerate() {
        // Only blocks that can still add a snippet need their sentences.
        if mentions.iter().all(|m| {
            taken
                .get(&m.code)
                .is_some_and(|n| *n >= SNIPPETS_PER_COUNTRY)
        }) {
            continue;
        }
        let sents = sentences.of(i);
        // One snippet per (country, sentence): the sentence is known by where it starts.
        let mut used: std::collections::HashSet<(CountryCode, usize)> = Default::default();
        for m in mentions {
            let n = taken.entry(m.code).or_insert(0);
            if *n >= SNIPPETS_PER_COUNTRY {
                continue;
            }
            let k = sents.partition_point(|(start, _)| *start <= m.start);
            let (start, sentence) = k
                .checked_sub(1)
                .map_or((0, block.text.as_str()), |k| sents[k]);
            if !used.insert((m.code, start)) {
                continue;
            }
            *n += 1;
            out.push(Snippet {
                code: m.code,
                block: i as u32,
                range: range_in(&block.text, sentence),
            });
        }
    }
    out
}

/// Where `part`, a slice of `whole`, lies in it (the whole text when it is not a slice).
fn range_in(whole: &str, part: &str) -> (u32, u32) {
    let offset = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    if offset <= whole.len() && offset + part.len() <= whole.len() {
        (offset as u32, (offset + part.len()) as u32)
    } else {
        (0, whole.len() as u32)
    }
}

/// An agreement from front matter: a table's fields as given, or a title string read for its
/// parties ("Kenya–Ghana"), kind ("framework agreement") and topic (after "on").
fn front_agreement(fa: &FrontAgreement, blocks: &[Block], lowered: &[String]) -> Engagement {
    let fields = match fa {
        FrontAgreement::Fields(f) => f.clone(),
        FrontAgreement::Title(t) => AgreementFields {
            title: Some(t.clone()),
            ..AgreementFields::default()
        },
    };
    let title = fields.title.clone().unwrap_or_default();
    let mut parties = fields.parties.clone();
    if parties.is_empty() {
        for m in Gazetteer::global().find(&title).mentions {
            if !parties.contains(&m.code) {
                parties.push(m.code);
            }
        }
    }
    parties.sort();
    let kind = fields
        .kind
        .or_else(|| AgreementKind::from_phrase(&title))
        .unwrap_or(AgreementKind::Agreement);
    let topic = fields
        .topic
        .clone()
        .or_else(|| topic_of_title(&title))
        .map(Topic::about);
    let evidence = evidence_for(&title, blocks, lowered);
    let status = fields
        .status
        .or_else(|| evidence.iter().map(|e| e.status).max())
        .unwrap_or(AgreementStatus::Signed);
    let mut organisations = fields.organisations.clone();
    organisations.sort();
    Engagement {
        title: fields.title.filter(|t| !t.trim().is_empty()),
        kind,
        status,
        parties,
        organisations,
        topic,
        signatories: fields.signatories,
        place: fields.place,
        date: fields.date,
        evidence,
    }
}

/// The subject of a title such as "Egypt–Iraq accord on customs modernisation".
fn topic_of_title(title: &str) -> Option<String> {
    [" on ", " for ", " concerning ", " regarding "]
        .iter()
        .filter_map(|sep| title.find(sep).map(|i| &title[i + sep.len()..]))
        .next()
        .map(|t| t.trim().trim_end_matches('.').to_string())
        .filter(|t| !t.is_empty())
}

/// Sentences of the body that name this agreement by its title.
fn evidence_for(title: &str, blocks: &[Block], lowered: &[String]) -> Vec<Evidence> {
    let needle = title.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut out = Vec::new();
    for (block, lower) in blocks.iter().zip(lowered) {
        if finder.find(lower.as_bytes()).is_none() {
            continue;
        }
        for (_, s) in sentences::split(&block.text) {
            if s.to_lowercase().contains(&needle) {
                out.push(Evidence {
                    block: block.id.clone(),
                    status: status::of_sentence(s).unwrap_or(AgreementStatus::Signed),
                    text: s.to_string(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;

//! Extract: what each document is about — the countries it mentions (with a snippet of each),
//! the people in it and the agreements it reports — from its blocks and front matter.
//!
//! Entry point: [`run`], one [`Extraction`] per document, computed in parallel. Extraction
//! only reads [`SourceDoc`]s; joining documents into one corpus is the model's job.

pub mod agreements;
pub mod countries;
pub mod dates;
pub mod frame;
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
        let frame = frame::Frame::new((&doc.title, &title), &framed, lead)
            .with_organisation(agreements::headline_organisation(&doc.title), &title);
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
            let known = out.people.iter_mut().find(|p| {
                p.name == f.person.name || p.name.ends_with(&format!(" {}", f.person.name))
            });
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
    let names = people::NameIndex::new(&out.people);
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

/// A headline in title case: a short line without a full stop whose longer words are all
/// capitalised but for a preposition or two.
fn is_title_case(text: &str) -> bool {
    const SMALL: &[&str] = &[
        "with", "from", "into", "over", "after", "amid", "than", "that", "says",
    ];
    let text = text.trim();
    // Only a short line can be a headline; most blocks stop here.
    if text.len() >= 200 || text.ends_with(['.', '"', '”', ':']) {
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

/// An official whose country the text leaves implicit ("Prime Minister X" in a story about
/// one country) represents the country the document is about; in a story about two, the one
/// that the officials named beside them do not already represent ("Federal Minister Habeck
/// and Namibia's Energy Minister Alweendo signed").
fn implicit_countries(
    people: &mut [Person],
    names: &people::NameIndex,
    sentences: &Sentences<'_>,
    frame: &frame::Frame,
) {
    let Some(home) = frame.primary() else {
        return;
    };
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
    let mut beside: Vec<Option<CountryCode>> = vec![None; people.len()];
    {
        for (i, block) in sentences.blocks().iter().enumerate() {
            let named = names.find(&block.text);
            if named.len() < 2 {
                continue;
            }
            for &(start, text) in sentences.of(i) {
                let here: Vec<usize> = named
                    .iter()
                    .filter(|(at, _)| (start..start + text.len()).contains(at))
                    .map(|(_, p)| *p)
                    .collect();
                for &p in here.iter().filter(|p| implicit.contains(p)) {
                    let other = here.iter().find_map(|&q| people[q].country);
                    if beside[p].is_none() {
                        beside[p] = other.and_then(|c| frame.other_than(c));
                    }
                }
            }
        }
    }
    for p in implicit {
        people[p].country = Some(beside[p].unwrap_or(home));
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
mod tests {
    use super::*;
    use crate::ingest::{Format, parse};

    fn extract(text: &str, format: Format) -> Extraction {
        let (doc, _) = parse("t.md".into(), text, format);
        document(&doc.unwrap())
    }

    /// Each engagement as its sides joined by "-" ("AU-JP", "EU-NZ") and its status.
    fn sides(e: &Extraction) -> Vec<(String, AgreementStatus)> {
        e.engagements
            .iter()
            .map(|a| {
                let mut sides: Vec<String> = a.parties.iter().map(|c| c.to_string()).collect();
                sides.extend(a.organisations.iter().cloned());
                (sides.join("-"), a.status)
            })
            .collect()
    }

    #[test]
    fn front_matter_agreement_title_gives_parties_kind_topic_and_evidence() {
        let e = extract(
            "+++\nagreements = [\"Egypt–Iraq accord on customs modernisation\"]\n+++\nThe Egypt–Iraq accord on customs modernisation was signed in Baghdad.\n",
            Format::Markdown,
        );
        let a = &e.engagements[0];
        let parties: Vec<_> = a.parties.iter().map(|c| c.to_string()).collect();
        assert_eq!(parties, ["EG", "IQ"]);
        assert_eq!(a.kind, AgreementKind::Accord);
        assert_eq!(
            a.topic.as_ref().map(|t| t.text.as_str()),
            Some("customs modernisation")
        );
        assert_eq!(a.status, AgreementStatus::Signed);
        assert_eq!(a.evidence.len(), 1);
    }

    #[test]
    fn extract_false_keeps_only_front_matter_countries() {
        let e = extract(
            "+++\nextract = false\ncountries = [\"KE\"]\n+++\nNiger and Chad.\n",
            Format::Markdown,
        );
        let codes: Vec<_> = e.countries.iter().map(|c| c.code.to_string()).collect();
        assert_eq!(codes, ["KE"]);
    }

    #[test]
    fn countries_are_counted_with_snippets() {
        let e = extract(
            "Niger met Chad. Niger’s plan.\n\nChad agreed.\n",
            Format::Text,
        );
        let counts: Vec<_> = e
            .countries
            .iter()
            .map(|c| (c.code.to_string(), c.mentions))
            .collect();
        assert_eq!(counts, [("NE".to_string(), 2), ("TD".to_string(), 2)]);
        assert_eq!(e.snippets.len(), 4);
        let (doc, _) = parse(
            "t.txt".into(),
            "Niger met Chad. Niger’s plan.\n\nChad agreed.\n",
            Format::Text,
        );
        let blocks = doc.unwrap().blocks;
        let texts: Vec<String> = e.snippets.iter().map(|s| s.text(&blocks)).collect();
        assert_eq!(
            texts,
            [
                "Niger met Chad.",
                "Niger met Chad.",
                "Niger’s plan.",
                "Chad agreed."
            ]
        );
    }

    #[test]
    fn a_country_word_in_a_persons_name_is_the_person() {
        let e = extract(
            "Portuguese Prime Minister Luis Montenegro and Spanish Prime Minister Pedro Sanchez signed a water agreement in Lisbon. Montenegro said it was historic.\n\nVietnamese Deputy Minister Lai Thai Binh met them, and the Royal Thai Navy sent a ship.\n",
            Format::Text,
        );
        let codes: Vec<_> = e.countries.iter().map(|c| c.code.to_string()).collect();
        assert_eq!(codes, ["ES", "PT", "TH", "VN"]);
        let names: Vec<_> = e.people.iter().map(|p| p.name.as_str()).collect();
        assert!(names.contains(&"Luis Montenegro"), "{names:?}");
        assert!(names.contains(&"Lai Thai Binh"), "{names:?}");
        assert_eq!(sides(&e)[0].0, "ES-PT");
    }

    #[test]
    fn a_colon_after_a_dateline_ends_it_and_a_participle_signs() {
        let e = extract(
            "Two neighbours sign pact\n\nHOBART, Australia: Australia and Japan agreed to share intelligence on Saturday, signing a security pact to counter threats.\n",
            Format::Text,
        );
        assert_eq!(sides(&e), [("AU-JP".to_string(), AgreementStatus::Signed)]);
    }

    #[test]
    fn the_people_of_a_signings_occasion_did_not_sign() {
        let e = extract(
            "Chile and Peru sign three MoUs\n\nThe MoUs were signed after a summit between Chilean President Ana Rojas and Peruvian President Luis Vega, on the occasion of the state visit.\n",
            Format::Text,
        );
        assert_eq!(e.engagements.len(), 1, "{:?}", e.engagements);
        assert_eq!(e.engagements[0].status, AgreementStatus::Signed);
        assert!(
            e.engagements[0].signatories.is_empty(),
            "{:?}",
            e.engagements[0].signatories
        );
        let e = extract(
            "Chile and Peru sign three MoUs\n\nChilean President Ana Rojas and Peruvian President Luis Vega signed three MoUs during the summit.\n",
            Format::Text,
        );
        assert_eq!(e.engagements[0].signatories, ["Ana Rojas", "Luis Vega"]);
    }

    #[test]
    fn the_heads_of_state_are_the_leaders_the_story_named_for_the_pair() {
        let e = extract(
            "Chile and Peru sign partnership declaration\n\nA package of Chilean-Peruvian documents was signed in Lima today after the talks between the leaders of the two countries, Ana Rojas and Luis Vega.\n\nIn particular, the heads of state signed a Declaration on Strategic Partnership.\n",
            Format::Text,
        );
        let names: Vec<_> = e.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Ana Rojas", "Luis Vega"]);
        let signed: Vec<_> = e
            .engagements
            .iter()
            .filter(|a| a.status == AgreementStatus::Signed)
            .collect();
        assert_eq!(signed.len(), 1, "{:?}", e.engagements);
        assert_eq!(signed[0].signatories, ["Ana Rojas", "Luis Vega"]);
        // Any "the" may open the officials, not only the clause's first.
        let e = extract(
            "Chile and Peru sign partnership declaration\n\nA package of Chilean-Peruvian documents was signed in Lima today after the talks between the leaders of the two countries, Ana Rojas and Luis Vega.\n\nIn the capital, the heads of state signed a Declaration on Strategic Partnership.\n",
            Format::Text,
        );
        let signed: Vec<_> = e
            .engagements
            .iter()
            .filter(|a| a.status == AgreementStatus::Signed)
            .collect();
        assert_eq!(signed[0].signatories, ["Ana Rojas", "Luis Vega"]);
    }

    #[test]
    fn the_bloc_of_an_office_someone_also_holds_is_no_party() {
        let e = extract(
            "Kagame in Doha\n\nRwandan President Paul Kagame held talks with the Emir of Qatar on Thursday.\n\nPresident Kagame, who is also the chairperson of the African Union (AU), was also hosted to an official luncheon.\n",
            Format::Text,
        );
        assert!(
            e.engagements.iter().all(|a| a.organisations.is_empty()),
            "{:?}",
            e.engagements
        );
    }

    #[test]
    fn a_trilateral_treaty_adds_the_named_country_to_the_pair_and_a_forum_is_the_occasion() {
        let e = extract(
            "Kyrgyzstan and Tajikistan sign border treaty\n\nKyrgyz President Sadyr Japarov and Tajik President Emomali Rahmon have signed a border treaty.\n\n\"We agreed to sign a trilateral treaty with Uzbekistan on the junction of borders,\" Rahmon said.\n\nJaparov signed agreements with leaders of Fiji and Samoa on the sidelines of the annual Pacific Islands Forum.\n",
            Format::Text,
        );
        let found = sides(&e);
        assert!(
            found.contains(&("KG-TJ-UZ".to_string(), AgreementStatus::Planned)),
            "{found:?}"
        );
        assert!(found.iter().all(|(s, _)| !s.contains("PIF")), "{found:?}");
    }

    #[test]
    fn a_deal_the_signing_comes_after_is_not_part_of_it() {
        let e = extract(
            "Australia and Fiji sign security pact\n\nThe agreement was signed in Canberra on Thursday by Australian Prime Minister Ana Rojas and Fiji's Luis Vega and comes after Fiji signed a defence deal with the United States in May.\n",
            Format::Text,
        );
        assert!(
            e.engagements.iter().all(|a| a.parties.len() == 2),
            "{:?}",
            e.engagements
        );
    }

    #[test]
    fn a_pair_named_with_a_dash_are_both_parties_even_when_the_topic_sounds_like_a_company() {
        // "railway" is also a company noun ("railway operator"); here it is the topic.
        let e = extract(
            "The Niger–Germany accord on railway construction was signed in Berlin on Monday.\n",
            Format::Text,
        );
        let parties: Vec<Vec<String>> = e
            .engagements
            .iter()
            .map(|a| a.parties.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(parties, [["DE", "NE"]], "{:#?}", e.engagements);
        assert!(e.warnings.is_empty(), "{:?}", e.warnings);
        let company = extract(
            "Australian miner BHP signed a supply deal with Chile.\n",
            Format::Text,
        );
        assert!(
            company.engagements.iter().all(|a| a.parties.len() < 2),
            "a company from a country is not that country: {:#?}",
            company.engagements
        );
    }

    #[test]
    fn including_lists_the_partners_and_a_subject_after_a_comma_is_not_a_list_item() {
        let e = extract(
            "Canada signs mining frameworks\n\nBesides Chile, Canada signed mining frameworks with four other countries on Monday, including Ghana, Peru, Mongolia and Namibia.\n",
            Format::Text,
        );
        let mut pairs: Vec<String> = e
            .engagements
            .iter()
            .map(|a| {
                let p: Vec<String> = a.parties.iter().map(|c| c.to_string()).collect();
                format!("{} {:?}", p.join("-"), a.status)
            })
            .collect();
        pairs.sort();
        assert_eq!(
            pairs,
            [
                "CA-GH Signed",
                "CA-MN Signed",
                "CA-NA Signed",
                "CA-PE Signed"
            ]
        );
    }

    #[test]
    fn a_country_after_its_city_is_the_place_and_representing_gives_a_country() {
        let e = extract(
            "Air link agreed\n\nGhana signed an air services agreement with Qatar at a conference held in Geneva, Switzerland, on Monday. It was signed by Ama Mensah and Khalid Al-Thani representing Qatar.\n",
            Format::Text,
        );
        let parties: Vec<Vec<String>> = e
            .engagements
            .iter()
            .map(|a| a.parties.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(parties, [["GH", "QA"]]);
        let thani = e.people.iter().find(|p| p.name == "Khalid Al-Thani");
        assert_eq!(
            thani.and_then(|p| p.country).map(|c| c.to_string()),
            Some("QA".to_string())
        );
    }
}

//! The page kinds: what each page shows, drawn from the corpus into its template.

use serde_json::json;

use super::map;
use super::views::{
    AgreementCard, CountryRef, DocCard, DocLink, Pagination, PersonRef, Stats, TimelineEntry,
};
use super::*;
use crate::model::timeline::Item;
use crate::terms::count;

impl Renderer<'_> {
    pub(super) fn redirect(&self, i: usize) -> Result<(String, String), RenderError> {
        let r = &self.corpus.permalinks.redirects[i];
        let mut meta = self.meta(r.from.clone(), &r.title, "", "none");
        meta.canonical = self.cfg.base_url.as_ref().map(|b| b.join(&r.to));
        let target = format!("{}{}", meta.root, r.to);
        self.draw(
            "redirect.html",
            meta,
            json!({ "target": target, "target_title": r.title }),
        )
    }

    pub(super) fn gone(&self, i: usize) -> Result<(String, String), RenderError> {
        let g = &self.corpus.permalinks.gone[i];
        let noun = g.kind.noun();
        let mut meta = self.meta(
            g.url.clone(),
            &format!("This {noun} is no longer in the briefing"),
            &format!("The {noun} this address showed was removed from the briefing."),
            "none",
        );
        meta.canonical = None;
        let index = format!("{}{}", meta.root, g.kind.index_url());
        self.draw(
            "gone.html",
            meta,
            json!({ "kind": noun, "index_url": index }),
        )
    }

    pub(super) fn home(&self) -> Result<(String, String), RenderError> {
        let c = self.corpus;
        let latest: Vec<DocCard> = c
            .newest_first
            .iter()
            .take(HOME_LATEST)
            .map(|&i| DocCard::new(&c.documents[i]))
            .collect();
        let mut countries: Vec<CountryRef> = c
            .countries
            .iter()
            .map(|n| CountryRef::new(n.code, n.documents.len()))
            .collect();
        countries.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        let groups: Vec<_> = AgreementStatus::ALL
            .iter()
            .map(|&s| {
                let all: Vec<_> = c.agreements.iter().filter(|a| a.status == s).collect();
                json!({
                    "status": s.as_str(),
                    "label": s.label(),
                    "total": all.len(),
                    "agreements": all.iter().take(HOME_AGREEMENTS_PER_STATUS).map(|a| AgreementCard::new(a)).collect::<Vec<_>>(),
                })
            })
            .collect();
        let meta = self.meta(
            "index.html".into(),
            &self.cfg.title,
            &self.cfg.description,
            "home",
        );
        self.draw(
            "home.html",
            meta,
            json!({
                "stats": Stats::of(c),
                "latest": latest,
                "more_documents": c.documents.len() > HOME_LATEST,
                "timeline": self.latest(|_| true),
                "map": map::figure(&self.map, "", "Partnership map"),
                "map_table": map::table(&self.map, ""),
                "timeline_total": c.timeline.dated.len(),
                "countries": countries,
                "agreement_groups": groups,
            }),
        )
    }

    pub(super) fn document(&self, i: usize) -> Result<(String, String), RenderError> {
        let doc = &self.corpus.documents[i];
        let body = markdown::render(
            &doc.source.markdown,
            &doc.source.blocks,
            self.links().links(i),
        );
        let mut meta = self.meta(
            doc.url(),
            &doc.source.title,
            &doc.source.summary,
            "documents",
        );
        meta.og_type = "article";
        meta.has_code = body.has_code;
        let people: Vec<_> = doc
            .extraction
            .people
            .iter()
            .map(|p| {
                json!({
                    "name": p.name,
                    "role": p.role,
                    "country": p.country.map(|c| CountryRef::new(c, 0)),
                    "url": self.corpus.people.find(p).map(|i| self.corpus.people.nodes[i].url()),
                })
            })
            .collect();
        self.draw("document.html", meta, json!({
            "doc": {
                "title": doc.source.title,
                "path": doc.source.path,
                "date": doc.date().map(|d| d.to_string()),
                "date_display": doc.date().map(|d| d.display()),
                "source": doc.source.front.source,
                "source_url": doc.source.front.url,
                                "summary": doc.source.summary,
                // A summary taken from the lead would repeat the first paragraph.
                "show_summary": doc.source.front.summary.is_some() || !lead_starts_with(doc, &doc.source.summary),
                "body": body.html,
                "countries": doc.extraction.countries.iter().map(|c| CountryRef::new(c.code, c.mentions)).collect::<Vec<_>>(),
                "agreements": doc.agreements.iter().map(|&a| AgreementCard::new(&self.corpus.agreements[a])).collect::<Vec<_>>(),
                "people": people,
            }
        }))
    }

    pub(super) fn documents(&self, n: usize) -> Result<(String, String), RenderError> {
        let c = self.corpus;
        let total = pages(c.documents.len(), DOCS_PER_PAGE);
        let cards: Vec<DocCard> = c
            .newest_first
            .iter()
            .skip((n - 1) * DOCS_PER_PAGE)
            .take(DOCS_PER_PAGE)
            .map(|&i| DocCard::new(&c.documents[i]))
            .collect();
        let title = if n == 1 {
            "Documents".to_string()
        } else {
            format!("Documents — page {n}")
        };
        let meta = self.meta(
            documents_url(n),
            &title,
            "Every document in the briefing, newest first.",
            "documents",
        );
        self.draw(
            "documents.html",
            meta,
            json!({
                "documents": cards,
                "total": c.documents.len(),
                "pagination": Pagination::new(n, total, &documents_url),
            }),
        )
    }

    pub(super) fn countries(&self) -> Result<(String, String), RenderError> {
        let g = crate::gazetteer::Gazetteer::global();
        let mut regions: std::collections::BTreeMap<String, Vec<serde_json::Value>> =
            Default::default();
        let mut rows: Vec<(&CountryNode, CountryRef)> = self
            .corpus
            .countries
            .iter()
            .map(|n| (n, CountryRef::new(n.code, n.documents.len())))
            .collect();
        rows.sort_by(|a, b| a.1.name.cmp(&b.1.name));
        for (node, r) in rows {
            let region = g
                .get(node.code)
                .map(|c| c.region.clone())
                .filter(|r| !r.is_empty())
                .unwrap_or_else(|| "Other".into());
            regions.entry(region).or_default().push(json!({
                "country": r,
                "documents": node.documents.len(),
                "agreements": node.agreements.len(),
                "mentions": node.mentions,
            }));
        }
        let regions: Vec<_> = regions
            .into_iter()
            .map(|(name, countries)| json!({"name": name, "countries": countries}))
            .collect();
        let meta = self.meta(
            "countries/index.html".into(),
            "Countries",
            "Every country the briefing mentions, by region.",
            "countries",
        );
        self.draw(
            "countries.html",
            meta,
            json!({ "regions": regions, "total": self.corpus.countries.len() }),
        )
    }

    pub(super) fn country(&self, i: usize, n: usize) -> Result<(String, String), RenderError> {
        let c = self.corpus;
        let node = &c.countries[i];
        let total = pages(node.documents.len(), DOCS_PER_PAGE);
        let me = CountryRef::new(node.code, node.documents.len());
        let info = crate::gazetteer::Gazetteer::global().get(node.code);
        let docs: Vec<_> = node
            .documents
            .iter()
            .skip((n - 1) * DOCS_PER_PAGE)
            .take(DOCS_PER_PAGE)
            .map(|&d| {
                let doc = &c.documents[d];
                let snippets: Vec<_> = doc
                    .extraction
                    .snippets
                    .iter()
                    .filter(|s| s.code == node.code)
                    .filter_map(|s| {
                        let blocks = &doc.source.blocks;
                        let anchor = s.anchor(blocks)?;
                        Some(json!({"text": s.text(blocks), "url": format!("{}#{anchor}", doc.url())}))
                    })
                    .collect();
                // The card without its country chips (the page is the country's own), and
                // the summary only where no sentence about the country stands in for it.
                let summary = snippets.is_empty().then(|| doc.source.summary.as_str());
                json!({"card": DocLink::new(doc), "summary": summary, "snippets": snippets})
            })
            .collect();
        // Agreements and who's who are the country's whole picture: they belong on its first
        // page only, not repeated on every page of its documents.
        let first = n == 1;
        let people: Vec<PersonRef> = node
            .people
            .iter()
            .filter(|_| first)
            .map(|&p| PersonRef::new(&c.people.nodes[p], 0))
            .collect();
        let title = if n == 1 {
            me.name.clone()
        } else {
            format!("{} — page {n}", me.name)
        };
        let description = format!(
            "{} in the briefing: {}, {}.",
            me.name,
            count(node.documents.len(), "document"),
            count(node.agreements.len(), "agreement")
        );
        let meta = self.meta(country_page_url(node, n), &title, &description, "countries");
        let url_of = |p: usize| country_page_url(node, p);
        let feed_url = self
            .cfg
            .base_url
            .as_ref()
            .map(|_| feeds::country_feed_url(node));
        self.draw("country.html", meta, json!({
            "feed_url": feed_url,
            "country": {
                "name": me.name, "code": me.code, "flag": me.flag,
                "official": info.map(|i| i.official.clone()),
                "region": info.map(|i| i.region.clone()),
                "subregion": info.map(|i| i.subregion.clone()),
                "documents": node.documents.len(),
                "agreements": node.agreements.len(),
                "mentions": node.mentions,
                "first_url": country_page_url(node, 1),
                "pack_url": super::packs::country_pack_url(node.code),
            },
            "first_page": first,
            "documents": docs,
            "agreements": node.agreements.iter().filter(|_| first).map(|&a| AgreementCard::new(&c.agreements[a])).collect::<Vec<_>>(),
            "related": node.related.iter().take(RELATED_COUNTRIES).map(|(code, k)| CountryRef::new(*code, *k)).collect::<Vec<_>>(),
            "people": people,
            "timeline": if first { self.latest(|i| involves(c, node.code, i)) } else { Vec::new() },
            "map": first.then(|| self.country_map(node.code)),
            "pagination": Pagination::new(n, total, &url_of),
        }))
    }

    pub(super) fn agreements(&self, n: usize) -> Result<(String, String), RenderError> {
        let c = self.corpus;
        let order = agreements_order(c);
        let total = pages(order.len(), AGREEMENTS_PER_PAGE);
        let mut groups: Vec<serde_json::Value> = Vec::new();
        let mut current: Option<AgreementStatus> = None;
        let mut items: Vec<AgreementCard> = Vec::new();
        for &i in order
            .iter()
            .skip((n - 1) * AGREEMENTS_PER_PAGE)
            .take(AGREEMENTS_PER_PAGE)
        {
            let a = &c.agreements[i];
            if current != Some(a.status) {
                if let Some(s) = current {
                    groups.push(json!({"status": s.as_str(), "label": s.label(), "agreements": std::mem::take(&mut items)}));
                }
                current = Some(a.status);
            }
            items.push(AgreementCard::new(a));
        }
        if let Some(s) = current {
            groups.push(json!({"status": s.as_str(), "label": s.label(), "agreements": items}));
        }
        let title = if n == 1 {
            "Agreements".to_string()
        } else {
            format!("Agreements — page {n}")
        };
        let meta = self.meta(
            agreements_url(n),
            &title,
            "Every agreement and engagement in the briefing, by status.",
            "agreements",
        );
        self.draw(
            "agreements.html",
            meta,
            json!({
                "groups": groups,
                "total": c.agreements.len(),
                "pagination": Pagination::new(n, total, &agreements_url),
            }),
        )
    }

    pub(super) fn agreement(&self, i: usize) -> Result<(String, String), RenderError> {
        let c = self.corpus;
        let a = &c.agreements[i];
        // Newest first, like the status, which comes from the latest document.
        let evidence: Vec<_> = a
            .evidence
            .iter()
            .rev()
            .map(|e| {
                let doc = &c.documents[e.document];
                json!({
                    "text": e.text,
                    "url": format!("{}#{}", doc.url(), e.block),
                    "document_title": doc.source.title,
                    "date": doc.date().map(|d| d.to_string()),
                    "date_display": doc.date().map(|d| d.display()),
                    "status": e.status.as_str(),
                    "status_label": e.status.label(),
                })
            })
            .collect();
        // The history: each report in date order (undated last), so the steps read
        // discussed → planned → signed.
        let mut history: Vec<&serde_json::Value> = evidence.iter().collect();
        history.sort_by_key(|e| (e["date"].is_null(), e["date"].as_str().map(str::to_string)));
        let card = AgreementCard::new(a);
        let description = format!(
            "{} — {} ({}). Reported in {}.",
            a.title,
            a.kind.label(),
            a.status.label().to_lowercase(),
            count(a.documents.len(), "document")
        );
        let meta = self.meta(a.url(), &a.title, &description, "agreements");
        self.draw("agreement.html", meta, json!({
            "agreement": {
                "card": card,
                "signatories": a.signatories.iter().map(|s| json!({
                    "name": s,
                    "url": c.people.signatory(s, &a.parties).map(|p| c.people.nodes[p].url()),
                })).collect::<Vec<_>>(),
                "place": a.place,
                "date": a.date.map(|d| d.to_string()),
                "evidence": evidence,
                "history": history,
                "documents": a.documents.iter().map(|&d| DocCard::new(&c.documents[d])).collect::<Vec<_>>(),
            }
        }))
    }

    pub(super) fn search(&self) -> Result<(String, String), RenderError> {
        let mut countries: Vec<CountryRef> = self
            .corpus
            .countries
            .iter()
            .map(|n| CountryRef::new(n.code, 0))
            .collect();
        countries.sort_by(|a, b| a.name.cmp(&b.name));
        let meta = self.meta(
            "search.html".into(),
            "Search",
            "Search every document, country, person and agreement in the briefing.",
            "search",
        );
        self.draw("search.html", meta, json!({ "countries": countries }))
    }

    pub(super) fn not_found(&self) -> Result<(String, String), RenderError> {
        let meta = self.meta(
            "404.html".into(),
            "Page not found",
            "This page does not exist.",
            "none",
        );
        // A host serves this page at any depth, so relative links cannot work there; use
        // absolute ones when the site's address is known.
        let home = self
            .cfg
            .base_url
            .as_ref()
            .map_or_else(|| "index.html".to_string(), |b| b.join("index.html"));
        let prefix = self
            .cfg
            .base_url
            .as_ref()
            .map_or_else(String::new, |b| b.as_str().to_string());
        self.draw(
            "404.html",
            meta,
            json!({
                "inline_css": self.inline_css,
                "home_url": home,
                "link_prefix": prefix,
            }),
        )
    }
}

impl Renderer<'_> {
    /// The latest dated entries that `keep` accepts, for the home and country pages.
    pub(super) fn latest(&self, keep: impl Fn(Item) -> bool) -> Vec<TimelineEntry> {
        let c = self.corpus;
        c.timeline
            .dated
            .iter()
            .filter(|(_, i)| keep(*i))
            .take(TIMELINE_LATEST)
            .map(|&(_, i)| TimelineEntry::new(c, i))
            .collect()
    }

    pub(super) fn timeline(&self, n: usize) -> Result<(String, String), RenderError> {
        let c = self.corpus;
        let total = timeline_pages(c);
        let entries: Vec<TimelineEntry> = c
            .timeline
            .dated
            .iter()
            .skip((n - 1) * TIMELINE_PER_PAGE)
            .take(TIMELINE_PER_PAGE)
            .map(|&(_, i)| TimelineEntry::new(c, i))
            .collect();
        // Undated entries go apart, after the last dated one.
        let undated: Vec<TimelineEntry> = if n == total {
            c.timeline
                .undated
                .iter()
                .map(|&i| TimelineEntry::new(c, i))
                .collect()
        } else {
            Vec::new()
        };
        let title = if n == 1 {
            "Timeline".to_string()
        } else {
            format!("Timeline — page {n}")
        };
        let meta = self.meta(
            timeline_url(n),
            &title,
            "Dated agreements and documents, latest first.",
            "timeline",
        );
        self.draw(
            "timeline.html",
            meta,
            json!({
                "entries": entries,
                "undated": undated,
                "dated_total": c.timeline.dated.len(),
                "dated_summary": dated_summary(c),
                "undated_total": c.timeline.undated.len(),
                "pagination": Pagination::new(n, total, &timeline_url),
            }),
        )
    }
}

/// "3 dated agreements and 1 dated document", as many as there are of each.
fn dated_summary(c: &Corpus) -> String {
    let agreements = c
        .timeline
        .dated
        .iter()
        .filter(|(_, i)| matches!(i, Item::Agreement(_)))
        .count();
    let documents = c.timeline.dated.len() - agreements;
    match (agreements, documents) {
        (0, 0) => "Nothing dated".into(),
        (a, 0) => format!("{} dated", count(a, "agreement")),
        (0, d) => format!("{} dated", count(d, "document")),
        (a, d) => format!(
            "{} and {} dated",
            count(a, "agreement"),
            count(d, "document")
        ),
    }
}

/// Whether a timeline item concerns a country: an agreement it is party to, a document that
/// mentions it.
fn involves(c: &Corpus, code: crate::gazetteer::CountryCode, item: Item) -> bool {
    match item {
        Item::Agreement(a) => c.agreements[a].parties.contains(&code),
        Item::Document(d) => c.documents[d]
            .extraction
            .countries
            .iter()
            .any(|x| x.code == code),
    }
}

impl Renderer<'_> {
    /// A country page's map and table: the country highlighted, its partners linked.
    fn country_map(&self, code: crate::gazetteer::CountryCode) -> serde_json::Value {
        let input = map::MapInput {
            highlight: Some(code),
            ..self.map.clone()
        };
        let title = format!("Partners of {}", CountryRef::new(code, 0).name);
        json!({
            "figure": map::figure(&input, "../", &title),
            "table": map::table(&input, "../"),
        })
    }
}

/// The partnership map's input: every country with a page, shaded by its agreements, and
/// every pair of parties to an agreement (the renderer aggregates pairs).
pub(super) fn map_input(c: &Corpus) -> map::MapInput {
    let countries = c
        .countries
        .iter()
        .map(|n| (n.code, n.agreements.len(), true))
        .collect();
    let mut pairs = Vec::new();
    for a in &c.agreements {
        for (k, &x) in a.parties.iter().enumerate() {
            for &y in &a.parties[k + 1..] {
                pairs.push((x, y, 1, a.status));
            }
        }
    }
    map::MapInput {
        countries,
        pairs,
        highlight: None,
    }
}

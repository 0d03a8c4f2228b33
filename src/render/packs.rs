//! Briefing packs: one self-contained HTML file for the whole briefing and one per country,
//! to carry into a meeting, attach to an email or print.
//!
//! A pack loads nothing by URL: its styles are inline, flags are `data:` URIs and the map is
//! inline SVG, so the file alone renders the same from a USB stick or an email attachment.
//! Its links to pages of the site are absolute when `base_url` is known (a pack read away from
//! the site can still reach it), else relative to `packs/`.

use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;

use super::map;
use super::views::{AgreementCard, CountryRef, PersonRef, Stats};
use super::{RenderError, Renderer};
use crate::model::{Agreement, Corpus, Document};
use crate::terms::count;

pub use crate::model::permalinks::{SITE_PACK, country_pack_url};
/// Documents summarised in a pack (the newest); the pack says how many it leaves out.
const PACK_DOCUMENTS: usize = 100;
/// Evidence quotes per agreement in a country's pack and in the whole briefing's.
const COUNTRY_QUOTES: usize = 3;
const SITE_QUOTES: usize = 1;

/// An agreement as a pack prints it: its facts and the sentences that report it.
#[derive(Serialize)]
struct PackAgreement {
    card: AgreementCard,
    signatories: Vec<String>,
    place: Option<String>,
    date: Option<String>,
    quotes: Vec<Quote>,
    more_quotes: usize,
}

/// One evidence sentence and where it comes from.
#[derive(Serialize)]
struct Quote {
    text: String,
    source: String,
    url: String,
}

/// A document as a pack summarises it.
#[derive(Serialize)]
struct Digest {
    title: String,
    date: Option<String>,
    date_display: Option<String>,
    source: Option<String>,
    summary: String,
    /// The original article when front matter gives it, else the document's page.
    url: String,
    page: String,
}

impl Renderer<'_> {
    /// Where pack links to site pages start: the site's address, else the site root as seen
    /// from `packs/`.
    fn pack_root(&self) -> String {
        self.cfg
            .base_url
            .as_ref()
            .map_or_else(|| "../".into(), |b| b.as_str().to_string())
    }

    pub(super) fn site_pack(&self) -> Result<(String, String), RenderError> {
        let c = self.corpus;
        let root = self.pack_root();
        let agreements: Vec<usize> = super::agreements_order(c);
        let docs: Vec<usize> = c.newest_first.clone();
        let people: Vec<PersonRef> = c
            .people
            .nodes
            .iter()
            .filter(|p| !p.agreements.is_empty())
            .map(|p| PersonRef::new(p, p.documents.len()))
            .collect();
        let data = json!({
            "kind": "site",
            "heading": self.cfg.title,
            "lede": self.cfg.description,
            "stats": Stats::of(c),
            "map": map::figure(&self.map, &root, "Partnership map"),
            "countries": c.countries.iter().map(|n| CountryRef::new(n.code, n.documents.len())).collect::<Vec<_>>(),
            "people_heading": "Signatories",
            "people": people,
            "flag_css": super::flags::css_classes(c.countries.iter().map(|n| n.code)),
        });
        self.draw_pack(
            SITE_PACK,
            &self.cfg.title.clone(),
            data,
            &agreements,
            &docs,
            SITE_QUOTES,
        )
    }

    pub(super) fn country_pack(&self, i: usize) -> Result<(String, String), RenderError> {
        let c = self.corpus;
        let node = &c.countries[i];
        let me = CountryRef::new(node.code, node.documents.len());
        let root = self.pack_root();
        let input = map::MapInput {
            highlight: Some(node.code),
            ..self.map.clone()
        };
        let people: Vec<PersonRef> = node
            .people
            .iter()
            .map(|&p| PersonRef::new(&c.people.nodes[p], c.people.nodes[p].documents.len()))
            .collect();
        let data = json!({
            "kind": "country",
            "heading": me.name,
            "lede": format!(
                "{} in the briefing: mentioned in {}, party to {}.",
                me.name,
                count(node.documents.len(), "document"),
                count(node.agreements.len(), "agreement")
            ),
            "country": me,
            "country_page": format!("{root}{}", node.url()),
            "map": map::figure(&input, &root, &format!("Partners of {}", me.name)),
            "people_heading": "People",
            "people": people,
            "flag_css": super::flags::css_classes(
                std::iter::once(node.code)
                    .chain(node.agreements.iter().flat_map(|&a| c.agreements[a].parties.iter().copied())),
            ),
        });
        let url = country_pack_url(node.code);
        let title = format!("{} — briefing pack", me.name);
        self.draw_pack(
            &url,
            &title,
            data,
            &node.agreements,
            &node.documents,
            COUNTRY_QUOTES,
        )
    }

    /// Draws a pack: `data` holds what differs between the site's and a country's pack.
    fn draw_pack(
        &self,
        url: &str,
        title: &str,
        mut data: serde_json::Value,
        agreements: &[usize],
        documents: &[usize],
        quotes: usize,
    ) -> Result<(String, String), RenderError> {
        let c = self.corpus;
        let root = self.pack_root();
        let agreements_html = self.pack_agreements(agreements, quotes, &root)?;
        let digest: Vec<Digest> = documents
            .iter()
            .take(PACK_DOCUMENTS)
            .map(|&d| digest(&c.documents[d], &root))
            .collect();
        let newest = documents
            .iter()
            .filter_map(|&d| c.documents[d].date())
            .max();
        let extra = json!({
            "root": root,
            "inline_css": self.inline_css,
            "agreements_html": agreements_html,
            "documents": digest,
            "documents_total": documents.len(),
            "as_of": newest.map(|d| d.display()),
            "as_of_iso": newest.map(|d| d.to_string()),
        });
        if let (Some(d), serde_json::Value::Object(e)) = (data.as_object_mut(), extra) {
            d.extend(e);
        }
        let description = format!("{title}: agreements, people and documents in one file.");
        let mut meta = self.meta(url.to_string(), title, &description, "pack");
        // A pack stands alone: no preview image or canonical tag pointing elsewhere.
        meta.image = None;
        meta.image_alt = None;
        self.draw("pack.html", meta, data)
    }
}

impl Renderer<'_> {
    /// The agreements of a pack, each drawn from `pack_agreement.html` on its own: the whole
    /// briefing's pack lists thousands, and as one template context they would take a
    /// hundred times the memory of the HTML.
    fn pack_agreements(
        &self,
        agreements: &[usize],
        quotes: usize,
        root: &str,
    ) -> Result<String, RenderError> {
        let c = self.corpus;
        let parts: Vec<String> = agreements
            .par_iter()
            .map(|&a| {
                let mut ctx = tera::Context::new();
                ctx.insert("a", &pack_agreement(c, &c.agreements[a], quotes, root));
                ctx.insert("root", root);
                self.tera
                    .render("pack_agreement.html", &ctx)
                    .map_err(|e| RenderError::Template {
                        name: "pack_agreement.html".into(),
                        message: super::templates::error_chain(&e),
                    })
            })
            .collect::<Result<_, _>>()?;
        Ok(parts.concat())
    }
}

fn pack_agreement(c: &Corpus, a: &Agreement, quotes: usize, root: &str) -> PackAgreement {
    // The latest reports first, like the agreement's page.
    let shown: Vec<Quote> = a
        .evidence
        .iter()
        .rev()
        .take(quotes)
        .map(|e| {
            let doc = &c.documents[e.document];
            Quote {
                text: e.text.clone(),
                source: doc.source.title.clone(),
                url: format!("{root}{}#{}", doc.url(), e.block),
            }
        })
        .collect();
    PackAgreement {
        card: AgreementCard::new(a),
        signatories: a.signatories.clone(),
        place: a.place.clone(),
        date: a.date.map(|d| d.to_string()),
        more_quotes: a.evidence.len().saturating_sub(shown.len()),
        quotes: shown,
    }
}

fn digest(d: &Document, root: &str) -> Digest {
    let page = format!("{root}{}", d.url());
    Digest {
        title: d.source.title.clone(),
        date: d.date().map(|x| x.to_string()),
        date_display: d.date().map(|x| x.display()),
        source: d.source.front.source.clone(),
        summary: d.source.summary.clone(),
        url: d.source.front.url.clone().unwrap_or_else(|| page.clone()),
        page,
    }
}

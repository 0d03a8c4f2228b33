//! Link previews: which card (an `og:image`) each page shows, and drawing every card once,
//! through the on-disk cache, into `cards/` of the site.
//!
//! Cards need absolute URLs, so they exist only when `base_url` is set (and `cards` is not
//! turned off). The home page and indexes show the site card; a country page its country's;
//! an agreement page its agreement's; a document page the card of the first agreement it
//! reports, or the site card.

use std::collections::HashMap;

use rayon::prelude::*;

use super::RenderError;
use super::cards::{Card, CardCache, CardKind};
use crate::config::Config;
use crate::gazetteer::{CountryCode, Gazetteer};
use crate::model::Corpus;
use crate::output::Sink;

/// The site card's path in the site.
const SITE_CARD: &str = "cards/site.png";
/// Parties or partners named on a card; the card itself says "+N more" past what fits.
const MAX_NAMES: usize = 24;

/// One card and where it goes in the site.
struct Planned {
    path: String,
    card: Card,
    alt: String,
}

/// Every card of the site, and which one each page shows.
pub struct Previews {
    cache: CardCache,
    cards: Vec<Planned>,
    /// Page URL → index into `cards`.
    by_page: HashMap<String, usize>,
    base: crate::config::BaseUrl,
}

/// What a page's `<head>` says about its card.
pub struct Image {
    /// Absolute URL of the PNG.
    pub url: String,
    /// Its text alternative.
    pub alt: String,
}

impl Previews {
    /// The cards of the corpus, or `None` when the site has no `base_url` or cards are off.
    pub fn plan(corpus: &Corpus, cfg: &Config) -> Result<Option<Previews>, RenderError> {
        let Some(base) = cfg.base_url.clone().filter(|_| cfg.cards) else {
            return Ok(None);
        };
        let cache = CardCache::open(&cfg.cache_dir.join("cards")).map_err(card_error)?;
        let mut cards = vec![site_card(corpus, cfg)];
        let mut by_page = HashMap::new();
        for n in &corpus.countries {
            by_page.insert(n.url(), cards.len());
            cards.push(country_card(corpus, n, cfg));
        }
        for (i, a) in corpus.agreements.iter().enumerate() {
            by_page.insert(a.url(), cards.len());
            cards.push(agreement_card(corpus, i, cfg));
        }
        for (i, d) in corpus.documents.iter().enumerate() {
            let first = d
                .agreements
                .iter()
                .min_by_key(|&&a| first_block(corpus, i, a));
            if let Some(&a) = first {
                let card = by_page[&corpus.agreements[a].url()];
                by_page.insert(d.url(), card);
            }
        }
        Ok(Some(Previews {
            cache,
            cards,
            by_page,
            base,
        }))
    }

    /// The card a page shows: its own, else the site card.
    pub fn image(&self, page_url: &str) -> Image {
        // A country's later pages (`niger-page-2.html`) show the country's card; a page
        // whose own slug holds "-page-" is found by its exact URL first.
        let i = self
            .by_page
            .get(page_url)
            .or_else(|| {
                let (stem, _) = page_url.rsplit_once("-page-")?;
                self.by_page.get(&format!("{stem}.html"))
            })
            .copied()
            .unwrap_or(0);
        Image {
            url: self.base.join(&self.cards[i].path),
            alt: self.cards[i].alt.clone(),
        }
    }

    /// Draws every card (or takes it from the cache) into `sink`, in parallel.
    pub fn write(&self, sink: &dyn Sink) -> Result<(), RenderError> {
        self.cards.par_iter().try_for_each(|p| {
            let cached = self.cache.ensure(&p.card).map_err(card_error)?;
            sink.copy_file(&p.path, &cached)?;
            Ok(())
        })
    }
}

/// Where in document `d` agreement `a` is first reported (block order), so a document page
/// shows the card of the agreement its text reports first.
fn first_block(c: &Corpus, d: usize, a: usize) -> usize {
    let blocks = &c.documents[d].source.blocks;
    c.agreements[a]
        .evidence
        .iter()
        .filter(|e| e.document == d)
        .filter_map(|e| blocks.iter().position(|b| b.id == e.block))
        .min()
        .unwrap_or(usize::MAX)
}

fn card_error(e: super::cards::CardError) -> RenderError {
    RenderError::Data {
        name: "link-preview cards".into(),
        message: e.to_string(),
    }
}

fn name(code: CountryCode) -> String {
    Gazetteer::global()
        .get(code)
        .map_or_else(|| code.to_string(), |c| c.name.clone())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn site_card(c: &Corpus, cfg: &Config) -> Planned {
    let mut countries: Vec<_> = c.countries.iter().collect();
    countries.sort_by(|a, b| {
        b.documents
            .len()
            .cmp(&a.documents.len())
            .then(a.code.cmp(&b.code))
    });
    let subtitle = format!(
        "{} · {} · {}",
        plural(c.documents.len(), "document", "documents"),
        plural(c.countries.len(), "country", "countries"),
        plural(c.agreements.len(), "agreement", "agreements"),
    );
    Planned {
        path: SITE_CARD.into(),
        // Without the counts: every page that shows the site card would change with them.
        alt: format!("{}: {}", cfg.title, cfg.description),
        card: Card {
            kind: CardKind::Site,
            title: cfg.title.clone(),
            status: None,
            parties: countries
                .iter()
                .take(MAX_NAMES)
                .map(|n| name(n.code))
                .collect(),
            site_name: subtitle,
            subtitle: Some(cfg.description.clone()),
        },
    }
}

fn country_card(c: &Corpus, n: &crate::model::CountryNode, cfg: &Config) -> Planned {
    // Partners by how many agreements they share with the country.
    let mut partners: HashMap<CountryCode, usize> = HashMap::new();
    for &a in &n.agreements {
        for &p in c.agreements[a].parties.iter().filter(|&&p| p != n.code) {
            *partners.entry(p).or_default() += 1;
        }
    }
    let mut partners: Vec<_> = partners.into_iter().collect();
    partners.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let title = name(n.code);
    let subtitle = format!(
        "{} · {}",
        plural(n.agreements.len(), "agreement", "agreements"),
        plural(n.documents.len(), "document", "documents"),
    );
    let slug = n.url().trim_start_matches("countries/").to_string();
    Planned {
        path: format!("cards/countries/{}", slug.replace(".html", ".png")),
        alt: format!("{title}: {subtitle}"),
        card: Card {
            kind: CardKind::Country,
            title,
            status: None,
            parties: partners.iter().take(MAX_NAMES).map(|p| name(p.0)).collect(),
            site_name: cfg.title.clone(),
            subtitle: Some(subtitle),
        },
    }
}

fn agreement_card(c: &Corpus, i: usize, cfg: &Config) -> Planned {
    let a = &c.agreements[i];
    let mut parties: Vec<String> = a.parties.iter().map(|&p| name(p)).collect();
    parties.extend(a.organisations.iter().cloned());
    let when_where: Vec<String> = a
        .place
        .iter()
        .cloned()
        .chain(a.date.map(|d| d.display()))
        .collect();
    let status = a.status.label().to_string();
    Planned {
        path: format!("cards/agreements/{}.png", a.slug),
        alt: format!(
            "{}: {}; {}",
            a.title,
            status.to_lowercase(),
            parties.join(", ")
        ),
        card: Card {
            kind: CardKind::Agreement,
            title: a.title.clone(),
            status: Some(a.status.as_str().to_string()),
            parties,
            site_name: cfg.title.clone(),
            subtitle: (!when_where.is_empty()).then(|| when_where.join(" · ")),
        },
    }
}

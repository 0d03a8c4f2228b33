//! The data each template receives, ready to print: titles, relative URLs, labels and
//! display dates are computed here so templates hold presentation only.

use serde::Serialize;

use super::flags;
use crate::gazetteer::{CountryCode, Gazetteer};
use crate::model::people::{Affiliation, PersonNode};
use crate::model::{Agreement, Corpus, Document, country_url};

/// A link to a country, with a count whose meaning the page states (mentions, documents…).
#[derive(Debug, Clone, Serialize)]
pub struct CountryRef {
    /// Alpha-2 code.
    pub code: String,
    /// Display name.
    pub name: String,
    /// The flag image, relative to the site root (`flags/tr.svg`); empty when there is none,
    /// and then the page shows no image.
    pub flag: String,
    /// Page URL, relative to the site root.
    pub url: String,
    /// A count (mentions, documents or shared documents).
    pub count: usize,
}

impl CountryRef {
    /// The reference for a code.
    pub fn new(code: CountryCode, count: usize) -> CountryRef {
        let c = Gazetteer::global().get(code);
        CountryRef {
            code: code.to_string(),
            name: c.map_or_else(|| code.to_string(), |c| c.name.clone()),
            flag: flags::url(code).unwrap_or_default(),
            url: country_url(code),
            count,
        }
    }
}

/// A document in a list.
#[derive(Debug, Clone, Serialize)]
pub struct DocCard {
    /// Title.
    pub title: String,
    /// Page URL.
    pub url: String,
    /// ISO date, if known.
    pub date: Option<String>,
    /// "12 March 2025".
    pub date_display: Option<String>,
    /// Summary.
    pub summary: String,
    /// Publication.
    pub source: Option<String>,
    /// Its most mentioned countries.
    pub countries: Vec<CountryRef>,
}

/// Countries shown on a document card.
const CARD_COUNTRIES: usize = 6;

impl DocCard {
    /// The card for a document.
    pub fn new(doc: &Document) -> DocCard {
        DocCard {
            title: doc.source.title.clone(),
            url: doc.url(),
            date: doc.date().map(|d| d.to_string()),
            date_display: doc.date().map(|d| d.display()),
            summary: doc.source.summary.clone(),
            source: doc.source.front.source.clone(),
            countries: doc
                .extraction
                .countries
                .iter()
                .take(CARD_COUNTRIES)
                .map(|c| CountryRef::new(c.code, c.mentions))
                .collect(),
        }
    }
}

/// An agreement in a list.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementCard {
    /// Title.
    pub title: String,
    /// Page URL.
    pub url: String,
    /// Kind as in the data contract.
    pub kind: &'static str,
    /// Kind for readers.
    pub kind_label: &'static str,
    /// Status as in the data contract.
    pub status: &'static str,
    /// Status for readers.
    pub status_label: &'static str,
    /// Country parties.
    pub parties: Vec<CountryRef>,
    /// Organisation parties.
    pub organisations: Vec<String>,
    /// Topic.
    pub topic: Option<String>,
    /// "12 March 2025".
    pub date_display: Option<String>,
    /// Documents that report it.
    pub documents: usize,
}

impl AgreementCard {
    /// The card for an agreement.
    pub fn new(a: &Agreement) -> AgreementCard {
        AgreementCard {
            title: a.title.clone(),
            url: a.url(),
            kind: a.kind.as_str(),
            kind_label: a.kind.label(),
            status: a.status.as_str(),
            status_label: a.status.label(),
            parties: a.parties.iter().map(|c| CountryRef::new(*c, 0)).collect(),
            organisations: a.organisations.clone(),
            topic: a.topic.clone(),
            date_display: a.date.map(|d| d.display()),
            documents: a.documents.len(),
        }
    }
}

/// Links between the pages of a paginated list.
#[derive(Debug, Clone, Serialize)]
pub struct Pagination {
    /// 1-based current page.
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Previous page URL.
    pub prev: Option<String>,
    /// Next page URL.
    pub next: Option<String>,
    /// The first and last pages and those near the current one, with gaps between.
    pub pages: Vec<PageLink>,
}

/// One page of a paginated list.
#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    /// 1-based number.
    pub number: usize,
    /// URL relative to the site root.
    pub url: String,
    /// Whether it is the page shown.
    pub current: bool,
    /// A gap standing for the pages left out (number and url are then empty).
    pub gap: bool,
}

/// Pages linked on each side of the current one.
const PAGE_WINDOW: usize = 2;

impl Pagination {
    /// Pagination for page `current` of `total`, whose URLs `url_of` gives.
    pub fn new(
        current: usize,
        total: usize,
        url_of: &dyn Fn(usize) -> String,
    ) -> Option<Pagination> {
        (total > 1).then(|| Pagination {
            current,
            total,
            prev: (current > 1).then(|| url_of(current - 1)),
            next: (current < total).then(|| url_of(current + 1)),
            pages: page_links(current, total, url_of),
        })
    }
}

/// Links to the first and last pages and to the window around `current`; a gap stands for
/// two or more pages left out (one left-out page is linked instead), so a list of 200 pages
/// does not put 200 links on each of them.
fn page_links(current: usize, total: usize, url_of: &dyn Fn(usize) -> String) -> Vec<PageLink> {
    let near = |n: usize| n == 1 || n == total || n.abs_diff(current) <= PAGE_WINDOW;
    let shown: Vec<usize> = (1..=total)
        .filter(|&n| near(n) || (n > 1 && n < total && near(n - 1) && near(n + 1)))
        .collect();
    let mut links = Vec::new();
    let mut prev = 0;
    for n in shown {
        if n > prev + 1 {
            links.push(PageLink {
                number: 0,
                url: String::new(),
                current: false,
                gap: true,
            });
        }
        links.push(PageLink {
            number: n,
            url: url_of(n),
            current: n == current,
            gap: false,
        });
        prev = n;
    }
    links
}

/// Counts for the home page.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Documents.
    pub documents: usize,
    /// Countries.
    pub countries: usize,
    /// Agreements.
    pub agreements: usize,
    /// People.
    pub people: usize,
}

impl Stats {
    /// Counts of a corpus.
    pub fn of(corpus: &Corpus) -> Stats {
        Stats {
            documents: corpus.documents.len(),
            countries: corpus.countries.len(),
            agreements: corpus.agreements.len(),
            people: corpus.people.nodes.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(current: usize, total: usize) -> String {
        page_links(current, total, &|n| format!("p{n}"))
            .iter()
            .map(|l| match (l.gap, l.current) {
                (true, _) => "…".to_string(),
                (_, true) => format!("[{}]", l.number),
                _ => l.number.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn pagination_links_the_ends_and_a_window_around_the_current_page() {
        assert_eq!(shown(1, 3), "[1] 2 3");
        assert_eq!(shown(1, 200), "[1] 2 3 … 200");
        assert_eq!(shown(100, 200), "1 … 98 99 [100] 101 102 … 200");
        // One left-out page is linked rather than replaced by a gap.
        assert_eq!(shown(4, 9), "1 2 3 [4] 5 6 … 9");
        assert_eq!(shown(200, 200), "1 … 198 199 [200]");
    }
}

/// One entry of a timeline: a dated (or undated) document or agreement.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// ISO date for `<time datetime>`, if any.
    pub date: Option<String>,
    /// "12 March 2025".
    pub date_display: Option<String>,
    /// "document" or "agreement".
    pub kind: &'static str,
    /// Title.
    pub title: String,
    /// Page URL, relative to the site root.
    pub url: String,
    /// An agreement's status as in the data contract.
    pub status: Option<&'static str>,
    /// An agreement's status for readers.
    pub status_label: Option<&'static str>,
}

impl TimelineEntry {
    /// The entry for one timeline item.
    pub fn new(c: &crate::model::Corpus, item: crate::model::timeline::Item) -> TimelineEntry {
        use crate::model::timeline::Item;
        match item {
            Item::Document(i) => {
                let d = &c.documents[i];
                TimelineEntry {
                    date: d.date().map(|x| x.to_string()),
                    date_display: d.date().map(|x| x.display()),
                    kind: "document",
                    title: d.source.title.clone(),
                    url: d.url(),
                    status: None,
                    status_label: None,
                }
            }
            Item::Agreement(i) => {
                let a = &c.agreements[i];
                TimelineEntry {
                    date: a.date.map(|x| x.to_string()),
                    date_display: a.date.map(|x| x.display()),
                    kind: "agreement",
                    title: a.title.clone(),
                    url: a.url(),
                    status: Some(a.status.as_str()),
                    status_label: Some(a.status.label()),
                }
            }
        }
    }
}

/// A link to a person, with their first role and whom they speak for.
#[derive(Debug, Clone, Serialize)]
pub struct PersonRef {
    /// Name.
    pub name: String,
    /// Page URL, relative to the site root.
    pub url: String,
    /// Their role as the newest document states it.
    pub role: Option<String>,
    /// The country they represent.
    pub country: Option<CountryRef>,
    /// The organisation they represent, when not a country.
    pub organisation: Option<String>,
    /// A count whose meaning the page states (shared documents).
    pub count: usize,
}

impl PersonRef {
    /// The reference for a person.
    pub fn new(p: &PersonNode, count: usize) -> PersonRef {
        PersonRef {
            name: p.name.clone(),
            url: p.url(),
            role: p.roles.iter().find_map(|r| r.role.clone()),
            country: p.country().map(|c| CountryRef::new(c, 0)),
            organisation: match &p.affiliation {
                Affiliation::Organisation(o) => Some(o.clone()),
                _ => None,
            },
            count,
        }
    }
}

/// A document named in a short list: title, page, date and publication, no summary.
#[derive(Debug, Clone, Serialize)]
pub struct DocLink {
    /// Title.
    pub title: String,
    /// Page URL.
    pub url: String,
    /// ISO date, if known.
    pub date: Option<String>,
    /// "12 March 2025".
    pub date_display: Option<String>,
    /// Publication.
    pub source: Option<String>,
}

impl DocLink {
    /// The link for a document.
    pub fn new(doc: &Document) -> DocLink {
        DocLink {
            title: doc.source.title.clone(),
            url: doc.url(),
            date: doc.date().map(|d| d.to_string()),
            date_display: doc.date().map(|d| d.display()),
            source: doc.source.front.source.clone(),
        }
    }
}

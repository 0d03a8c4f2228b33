//! Files for hosts and readers that need absolute URLs: Atom feeds (the whole briefing and one
//! per country), `sitemap.xml` and `robots.txt`. Feeds and the sitemap exist only when
//! `base_url` is set — an absolute URL cannot be guessed.

use serde::Serialize;
use tera::{Context, Tera};

use super::{RenderError, templates};
use crate::config::{BaseUrl, Config};
use crate::model::{Corpus, CountryNode};
use crate::output::Sink;
use crate::terms::Date;

/// Entries per feed: a reader wants the latest, not the archive.
const FEED_ENTRIES: usize = 50;

#[derive(Serialize)]
struct Entry {
    title: String,
    url: String,
    summary: String,
    updated: String,
    source: Option<String>,
}

#[derive(Serialize)]
struct Feed {
    title: String,
    subtitle: String,
    /// The feed's own URL.
    self_url: String,
    /// The page the feed follows.
    alternate: String,
    id: String,
    updated: String,
    author: String,
    entries: Vec<Entry>,
}

fn timestamp(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

/// The `updated` of a feed: `SOURCE_DATE_EPOCH` when set, else its newest document's date, so
/// the same input always gives the same feed.
fn feed_updated(cfg: &Config, newest: Option<Date>) -> String {
    cfg.source_date_epoch
        .map(Date::from_unix)
        .or(newest)
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), timestamp)
}

fn feed(
    corpus: &Corpus,
    cfg: &Config,
    base: &BaseUrl,
    docs: &[usize],
    title: String,
    self_rel: &str,
    page_rel: &str,
) -> Feed {
    let newest = docs
        .iter()
        .filter_map(|&d| corpus.documents[d].date())
        .max();
    let updated = feed_updated(cfg, newest);
    Feed {
        subtitle: cfg.description.clone(),
        self_url: base.join(self_rel),
        alternate: base.join(page_rel),
        id: base.join(self_rel),
        author: cfg.author.clone().unwrap_or_else(|| cfg.title.clone()),
        entries: docs
            .iter()
            .take(FEED_ENTRIES)
            .map(|&d| {
                let doc = &corpus.documents[d];
                Entry {
                    title: doc.source.title.clone(),
                    url: base.join(&doc.url()),
                    summary: doc.source.summary.clone(),
                    updated: doc.date().map_or_else(|| updated.clone(), timestamp),
                    source: doc.source.front.source.clone(),
                }
            })
            .collect(),
        updated,
        title,
    }
}

fn draw(tera: &Tera, feed: &Feed) -> Result<String, RenderError> {
    let mut ctx = Context::new();
    ctx.insert("feed", feed);
    tera.render("atom.xml", &ctx)
        .map_err(|e| RenderError::Template {
            name: "atom.xml".into(),
            message: templates::error_chain(&e),
        })
}

/// The feed of one country, relative to the site root (`countries/turkiye.xml`).
pub fn country_feed_url(node: &CountryNode) -> String {
    format!("{}.xml", node.url().trim_end_matches(".html"))
}

/// Writes `robots.txt` always, and with a `base_url` the feeds and `sitemap.xml`.
pub fn write_all(
    corpus: &Corpus,
    cfg: &Config,
    tera: &Tera,
    pages: &[String],
    sink: &dyn Sink,
) -> Result<(), RenderError> {
    let Some(base) = &cfg.base_url else {
        sink.write("robots.txt", b"User-agent: *\nAllow: /\n")?;
        return Ok(());
    };
    sink.write(
        "robots.txt",
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            base.join("sitemap.xml")
        )
        .as_bytes(),
    )?;
    let all = feed(
        corpus,
        cfg,
        base,
        &corpus.newest_first,
        cfg.title.clone(),
        "atom.xml",
        "index.html",
    );
    sink.write("atom.xml", draw(tera, &all)?.as_bytes())?;
    let g = crate::gazetteer::Gazetteer::global();
    for node in &corpus.countries {
        let name = g
            .get(node.code)
            .map_or_else(|| node.code.to_string(), |c| c.name.clone());
        let f = feed(
            corpus,
            cfg,
            base,
            &node.documents,
            format!("{} — {name}", cfg.title),
            &country_feed_url(node),
            &node.url(),
        );
        sink.write(&country_feed_url(node), draw(tera, &f)?.as_bytes())?;
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in pages {
        xml.push_str("  <url><loc>");
        pulldown_cmark_escape::escape_html(&mut xml, &base.join(p)).ok();
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    sink.write("sitemap.xml", xml.as_bytes())?;
    Ok(())
}

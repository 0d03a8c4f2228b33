//! External links for `briefing check --external`: the distinct http(s) URLs the documents
//! cite, each asked for with HEAD (and GET when HEAD is refused, as some servers do), a few
//! at a time and with a short timeout. Only this module touches the network, and only when
//! asked to.

use std::collections::BTreeMap;
use std::time::Duration;

use pulldown_cmark::{Event, Parser, Tag};
use rayon::prelude::*;

use crate::ingest::SourceDoc;

/// Requests in flight at once: enough to finish quickly, few enough not to hammer a host.
pub const PARALLEL: usize = 8;

/// Every distinct http(s) URL in the documents (front matter `url` and Markdown links and
/// images), with the documents that cite it, in URL order.
pub fn urls(docs: &[SourceDoc]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for doc in docs {
        let links = Parser::new(&doc.markdown).filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.into_string())
            }
            _ => None,
        });
        for url in doc.front.url.clone().into_iter().chain(links) {
            if is_web(&url) {
                let cited = out.entry(url).or_default();
                if !cited.contains(&doc.path) {
                    cited.push(doc.path.clone());
                }
            }
        }
    }
    out
}

fn is_web(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Asks for each URL, at most [`PARALLEL`] at once; returns, in the same order, `None` for a
/// URL that answered with a success or redirect status and the reason for one that did not.
pub fn probe_all(urls: &[&str], timeout: Duration) -> Vec<Option<String>> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent(concat!("briefing-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let probe = |url: &&str| probe(&agent, url);
    match rayon::ThreadPoolBuilder::new()
        .num_threads(PARALLEL)
        .build()
    {
        Ok(pool) => pool.install(|| urls.par_iter().map(probe).collect()),
        // Without a pool of our own, one at a time is slower but just as right.
        Err(_) => urls.iter().map(probe).collect(),
    }
}

fn probe(agent: &ureq::Agent, url: &str) -> Option<String> {
    let head = match agent.head(url).call() {
        Ok(r) if r.status().as_u16() < 400 => return None,
        Ok(r) => format!("HTTP {}", r.status()),
        Err(e) => e.to_string(),
    };
    // Some servers refuse HEAD (405) or drop it; a GET settles it.
    match agent.get(url).call() {
        Ok(r) if r.status().as_u16() < 400 => None,
        Ok(r) => Some(format!("HTTP {}", r.status())),
        Err(e) if head.starts_with("HTTP") => Some(format!("{head}; GET: {e}")),
        Err(e) => Some(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, parse};

    #[test]
    fn urls_come_from_front_matter_and_markdown_links_once_each() {
        let (doc, _) = parse(
            "a.md".into(),
            "+++\nurl = \"https://example.org/story\"\n+++\nSee [the story](https://example.org/story), \
             [a page](other.html) and ![map](http://example.org/map.png) or <mailto:x@y.z>.\n",
            Format::Markdown,
        );
        let found = urls(&[doc.unwrap()]);
        let keys: Vec<&str> = found.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["http://example.org/map.png", "https://example.org/story"]
        );
        assert_eq!(found["https://example.org/story"], ["a.md"]);
    }
}

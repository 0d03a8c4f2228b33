//! Markdown to safe HTML: the anchor ids from ingest on every heading, paragraph and tight
//! list item (with a visible link to it), fenced code highlighted by syntect with CSS classes,
//! links and images pointed where [`super::linking`] resolved them, images with their size
//! and lazy loading, dangerous link schemes neutralised, and raw HTML sanitised by ammonia.

use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use super::linking::Resolved;
use crate::ingest::blocks::{anchor_kind, parser_options};
use crate::ingest::{Block, BlockKind};

/// Prefix of syntect's CSS classes, so they never clash with the site's own.
pub const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// A rendered body.
#[derive(Debug)]
pub struct Html {
    /// The HTML.
    pub html: String,
    /// Whether it has highlighted code (the page then links the syntax stylesheet).
    pub has_code: bool,
}

/// An image being drawn: its `<img>` is written once its alt text has been read.
struct Image {
    src: String,
    title: String,
    alt: String,
    size: Option<(u32, u32)>,
}

/// Renders `markdown`, whose anchorable blocks are `blocks` and whose links, resolved, are
/// `links` (all from the same text, by offset; a link not among them is left as written).
pub fn render(markdown: &str, blocks: &[Block], links: &[Resolved]) -> Html {
    // Pages have the document title as their only h1; shift the body's headings under it.
    let shift = u8::from(blocks.iter().any(|b| b.kind == BlockKind::Heading(1)));
    let mut ids = blocks.iter().map(|b| b.id.as_str());
    let mut has_raw_html = false;
    let mut has_code = false;
    let mut out: Vec<Event<'_>> = Vec::new();
    let mut code: Option<(String, String)> = None;
    // The ids of the headings and paragraphs still open, to close each with a link to itself.
    let mut open_anchors: Vec<Option<&str>> = Vec::new();
    let mut image: Option<Image> = None;
    let mut images = 0;
    let resolved = |offset: usize| {
        links
            .binary_search_by_key(&offset, |r| r.offset)
            .ok()
            .map(|i| &links[i])
    };
    let mut events = Parser::new_ext(markdown, parser_options())
        .into_offset_iter()
        .peekable();
    while let Some((event, range)) = events.next() {
        if let Some(img) = image.as_mut() {
            match event {
                Event::Text(t) | Event::Code(t) => img.alt.push_str(&t),
                Event::SoftBreak | Event::HardBreak => img.alt.push(' '),
                Event::End(TagEnd::Image) => {
                    let img = image.take().unwrap_or_else(|| unreachable!());
                    images += 1;
                    // The first image is likely in view when the page opens: loading it
                    // lazily would only delay it.
                    out.push(Event::Html(img_tag(&img, images > 1).into()));
                }
                _ => {}
            }
            continue;
        }
        if let Some((_, buf)) = code.as_mut() {
            match event {
                Event::Text(t) => buf.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let (lang, buf) = code.take().unwrap_or_default();
                    let (html, highlighted) = highlight(&lang, &buf);
                    has_code |= highlighted;
                    out.push(Event::Html(html.into()));
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => {
                        l.split([' ', ',']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let found = resolved(range.start);
                let src = match found.and_then(|r| r.href.clone()) {
                    Some(href) => href,
                    None => safe_url(dest_url).to_string(),
                };
                image = Some(Image {
                    src,
                    title: title.to_string(),
                    alt: String::new(),
                    size: found.and_then(|r| r.size),
                });
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match resolved(range.start).and_then(|r| r.href.clone()) {
                    Some(href) => CowStr::from(href),
                    None => dest_url,
                };
                out.push(open_tag(
                    Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    },
                    None,
                    shift,
                ));
            }
            Event::Start(tag) => {
                if matches!(tag, Tag::Table(_)) {
                    // A wide table scrolls inside its own box, which keyboards must reach.
                    out.push(Event::Html(
                        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table\">".into(),
                    ));
                }
                let anchor =
                    anchor_kind(&tag, events.peek().map(|(e, _)| e)).and_then(|_| ids.next());
                if matches!(tag, Tag::Paragraph | Tag::Heading { .. }) {
                    open_anchors.push(anchor);
                }
                out.push(open_tag(tag, anchor, shift));
            }
            Event::End(end) => {
                if matches!(end, TagEnd::Paragraph | TagEnd::Heading(_))
                    && let Some(Some(id)) = open_anchors.pop()
                {
                    out.push(Event::Html(permalink(id).into()));
                }
                let table = matches!(end, TagEnd::Table);
                out.push(close_tag(end, shift));
                if table {
                    out.push(Event::Html("</div>".into()));
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                has_raw_html = true;
                out.push(event);
            }
            other => out.push(other),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    if has_raw_html {
        html = sanitizer().clean(&html).to_string();
    }
    Html { html, has_code }
}

fn open_tag<'a>(tag: Tag<'a>, anchor: Option<&str>, shift: u8) -> Event<'a> {
    match (tag, anchor) {
        (
            Tag::Heading {
                level,
                classes,
                attrs,
                ..
            },
            id,
        ) => Event::Start(Tag::Heading {
            level: shifted(level, shift),
            id: id.map(|i| CowStr::from(i.to_string())),
            classes,
            attrs,
        }),
        (Tag::Paragraph, Some(id)) => Event::Html(format!("<p id=\"{id}\">").into()),
        (Tag::Item, Some(id)) => Event::Html(format!("<li id=\"{id}\">").into()),
        (
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            },
            _,
        ) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        (tag, _) => Event::Start(tag),
    }
}

fn close_tag(end: TagEnd, shift: u8) -> Event<'static> {
    match end {
        TagEnd::Heading(level) => Event::End(TagEnd::Heading(shifted(level, shift))),
        other => Event::End(other),
    }
}

/// An `<img>` with its size when known (so the page does not shift as it loads), loading
/// lazily unless it is the page's first.
fn img_tag(img: &Image, lazy: bool) -> String {
    let mut s = String::from("<img src=\"");
    pulldown_cmark_escape::escape_href(&mut s, &img.src).ok();
    s.push_str("\" alt=\"");
    pulldown_cmark_escape::escape_html(&mut s, img.alt.trim()).ok();
    s.push('"');
    if !img.title.is_empty() {
        s.push_str(" title=\"");
        pulldown_cmark_escape::escape_html(&mut s, &img.title).ok();
        s.push('"');
    }
    if let Some((w, h)) = img.size {
        s.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
    }
    if lazy {
        s.push_str(" loading=\"lazy\"");
    }
    s.push('>');
    s
}

/// A link to an anchored block: a plain anchor that works without JavaScript, shown on hover
/// and focus.
fn permalink(id: &str) -> String {
    format!(" <a class=\"permalink\" href=\"#{id}\" aria-label=\"Link to this section\">#</a>")
}

fn shifted(level: pulldown_cmark::HeadingLevel, shift: u8) -> pulldown_cmark::HeadingLevel {
    use pulldown_cmark::HeadingLevel::*;
    let n = (level as u8 + shift).min(6);
    [H1, H2, H3, H4, H5, H6][usize::from(n - 1)]
}

/// Links to script or data URLs become inert. `country:` and `agreement:` links that did not
/// resolve are kept as written: harmless, and what the author wrote.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take_while(|c| *c != ':' && *c != '/' && *c != '?' && *c != '#')
        .collect::<String>()
        .to_ascii_lowercase();
    let has_scheme = url.contains(':')
        && !scheme.is_empty()
        && url.find(':') < url.find(['/', '?', '#']).or(Some(usize::MAX));
    if has_scheme
        && !matches!(
            scheme.as_str(),
            "http" | "https" | "mailto" | "tel" | "country" | "agreement"
        )
    {
        CowStr::from("#")
    } else {
        url
    }
}

fn syntax_set() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// A code block as HTML; highlighted when its language is known (loading syntect's grammar
/// set only then).
fn highlight(lang: &str, code: &str) -> (String, bool) {
    let plain = || {
        let mut s = String::from("<pre class=\"code\"><code>");
        pulldown_cmark_escape::escape_html(&mut s, code).ok();
        s.push_str("</code></pre>\n");
        s
    };
    if lang.is_empty() {
        return (plain(), false);
    }
    let set = syntax_set();
    let Some(syntax) = set.find_syntax_by_token(lang) else {
        return (plain(), false);
    };
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return (plain(), false);
        }
    }
    let lang_class: String = lang.chars().filter(char::is_ascii_alphanumeric).collect();
    (
        format!(
            "<pre class=\"code hl-code\"><code class=\"language-{lang_class}\">{}</code></pre>\n",
            generator.finalize()
        ),
        true,
    )
}

/// The stylesheet for highlighted code, generated from one syntect theme.
pub fn syntax_css() -> String {
    let themes = syntect::highlighting::ThemeSet::load_defaults();
    themes
        .themes
        .get("InspiredGitHub")
        .and_then(|t| syntect::html::css_for_theme_with_class_style(t, CLASS_STYLE).ok())
        .unwrap_or_default()
}

/// The sanitiser for documents with raw HTML: ammonia's safe defaults (no script, style,
/// iframe, object, event handlers or script URLs) plus the ids and classes this renderer
/// itself writes.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static B: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    B.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["id", "class", "aria-label", "title", "role", "tabindex"]);
        // Images keep their lazy loading; their size ammonia keeps already.
        b.add_tag_attributes("img", ["loading"]);
        // Links this renderer resolved are relative; unresolved entity links stay as written.
        b.add_url_schemes(["country", "agreement"]);
        b
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::blocks::blocks;

    fn html(md: &str) -> String {
        render(md, &blocks(md), &[]).html
    }

    #[test]
    fn ids_and_permalinks_on_blocks() {
        let h = html("## Part One\n\nSome text.\n");
        assert!(
            h.contains("<h2 id=\"part-one\">Part One <a class=\"permalink\" href=\"#part-one\""),
            "{h}"
        );
        assert!(h.contains("<p id=\"p-some-text\">Some text."), "{h}");
    }

    #[test]
    fn h1_in_body_shifts_headings() {
        let h = html("# A\n\n## B\n");
        assert!(
            h.contains("<h2 id=\"a\">") && h.contains("<h3 id=\"b\">"),
            "{h}"
        );
    }

    #[test]
    fn raw_html_is_sanitised() {
        let h = html(
            "Hi <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<iframe src=\"https://x\"></iframe>\n\n<svg><script>alert(1)</script></svg>\n",
        );
        for bad in ["<script", "onerror", "<iframe", "<svg"] {
            assert!(!h.contains(bad), "{bad} in {h}");
        }
    }

    #[test]
    fn script_urls_are_neutralised() {
        let h =
            html("[x](javascript:alert(1)) [y]( JaVaScRiPt:alert(1)) [z](https://ok.example/a)\n");
        assert!(!h.to_lowercase().contains("javascript:"), "{h}");
        assert!(h.contains("https://ok.example/a"));
    }

    #[test]
    fn resolved_links_and_images_are_rewritten() {
        let md = "See [talks](2024/talks.md#outcome) and [web](https://x.org).\n\n![A map](img/map.png \"Route\") ![](../b.png) ![x](https://x.org/c.png)\n";
        let at = |needle: &str| md.find(needle).unwrap();
        let links = [
            Resolved {
                offset: at("[talks]"),
                href: Some("talks-2024.html#outcome".into()),
                size: None,
            },
            Resolved {
                offset: at("![A map]"),
                href: Some("../files/img/map.png".into()),
                size: Some((640, 480)),
            },
        ];
        let h = render(md, &blocks(md), &links).html;
        assert!(
            h.contains("<a href=\"talks-2024.html#outcome\">talks</a>"),
            "{h}"
        );
        assert!(h.contains("<a href=\"https://x.org\">web</a>"), "{h}");
        assert!(
            h.contains("<img src=\"../files/img/map.png\" alt=\"A map\" title=\"Route\" width=\"640\" height=\"480\">"),
            "{h}"
        );
        assert!(
            h.contains("<img src=\"../b.png\" alt=\"\" loading=\"lazy\">"),
            "{h}"
        );
        assert!(
            h.contains("<img src=\"https://x.org/c.png\" alt=\"x\" loading=\"lazy\">"),
            "{h}"
        );
    }

    #[test]
    fn unresolved_entity_links_stay_as_written() {
        let h = html("[Atlantis](country:Atlantis) <b>raw</b>\n");
        assert!(h.contains("href=\"country:Atlantis\""), "{h}");
        let h = html("![x](javascript:alert(1))\n");
        assert!(!h.contains("javascript"), "{h}");
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let r = render("```rust\nfn main() {}\n```\n", &[], &[]);
        assert!(r.has_code);
        assert!(r.html.contains("class=\"hl-"), "{}", r.html);
        assert!(!r.html.contains("style="));
        let r = render("```\n<b>x</b>\n```\n", &[], &[]);
        assert!(r.html.contains("&lt;b&gt;"));
    }
}

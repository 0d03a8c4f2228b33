//! The anchorable blocks of a Markdown body — headings, paragraphs and tight list items —
//! with their plain text and a stable id from that text. Extraction quotes these blocks as
//! evidence and the renderer puts the same ids on the same elements, so both walk the events
//! with [`anchor_kind`].
//!
//! The same walk notes the body's links and images that may point inside the briefing (a
//! path, a fragment, `country:` or `agreement:`), so the renderer can resolve them without
//! another pass over every document's text.

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::slug::{AnchorAllocator, AnchorId};

/// What sort of block it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of this level (1–6).
    Heading(u8),
    /// A paragraph.
    Paragraph,
    /// A tight list item (its text is not wrapped in a paragraph).
    Item,
}

/// A heading, paragraph or list item with its plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Kind.
    pub kind: BlockKind,
    /// Stable id, unique in the document.
    pub id: AnchorId,
    /// Plain text, inline markup removed.
    pub text: String,
}

/// A link or image in a Markdown body, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// An image (`![alt](src)`) rather than a link.
    pub image: bool,
    /// The destination as written (`img/map.png`, `other.md#outcome`, `country:NE`).
    pub dest: String,
    /// Byte offset in the body of its opening `[` (or `!`): where messages point, and how the
    /// renderer finds it again.
    pub offset: usize,
    /// Whether it has text between the brackets (an image's alt text).
    pub described: bool,
}

/// What [`scan`] finds in a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scanned {
    /// The anchorable blocks, in document order.
    pub blocks: Vec<Block>,
    /// Every image, and every link that is not an absolute URL, in document order.
    pub links: Vec<Link>,
    /// Ids the page will have besides the blocks' own: footnotes, and `id="…"` in raw HTML.
    pub ids: Vec<String>,
}

/// The Markdown extensions every stage parses with.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Whether the element opened by `tag` carries an anchor, given the event after it: headings
/// and paragraphs always, list items only when tight (a loose item's paragraphs carry them).
pub fn anchor_kind(tag: &Tag<'_>, next: Option<&Event<'_>>) -> Option<BlockKind> {
    match tag {
        Tag::Heading { level, .. } => Some(BlockKind::Heading(level_number(*level))),
        Tag::Paragraph => Some(BlockKind::Paragraph),
        Tag::Item => match next {
            Some(Event::Start(Tag::Paragraph)) | None => None,
            _ => Some(BlockKind::Item),
        },
        _ => None,
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// The anchorable blocks of `markdown`, in document order, with ids assigned.
pub fn blocks(markdown: &str) -> Vec<Block> {
    scan(markdown).blocks
}

/// The anchorable blocks of `markdown` with ids assigned, its links and images, and the other
/// ids its page will carry: all in one walk of the events.
pub fn scan(markdown: &str) -> Scanned {
    let mut out: Vec<(BlockKind, String)> = Vec::new();
    // Indices into `out` of the blocks still open; text goes to the innermost.
    let mut open: Vec<usize> = Vec::new();
    let mut in_code = false;
    let mut links: Vec<Link> = Vec::new();
    // Indices into `links` of the images still open, and whether each has alt text yet.
    let mut images: Vec<usize> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    let mut events = Parser::new_ext(markdown, parser_options())
        .into_offset_iter()
        .peekable();
    while let Some((event, range)) = events.next() {
        match event {
            Event::Start(tag) => {
                if matches!(tag, Tag::CodeBlock(_)) {
                    in_code = true;
                }
                if let Some(kind) = anchor_kind(&tag, events.peek().map(|(e, _)| e)) {
                    open.push(out.len());
                    out.push((kind, String::new()));
                }
                match tag {
                    Tag::Image { dest_url, .. } => {
                        images.push(links.len());
                        links.push(Link {
                            image: true,
                            dest: dest_url.to_string(),
                            offset: range.start,
                            described: false,
                        });
                    }
                    Tag::Link {
                        link_type,
                        dest_url,
                        ..
                    } if may_be_internal(link_type, &dest_url) => links.push(Link {
                        image: false,
                        dest: dest_url.to_string(),
                        offset: range.start,
                        described: true,
                    }),
                    Tag::FootnoteDefinition(label) => ids.push(label.to_string()),
                    _ => {}
                }
            }
            Event::End(end) => match end {
                TagEnd::CodeBlock => in_code = false,
                TagEnd::Heading(_) | TagEnd::Paragraph => {
                    open.pop();
                }
                TagEnd::Item if open.last().is_some_and(|&i| out[i].0 == BlockKind::Item) => {
                    open.pop();
                }
                TagEnd::Image => {
                    images.pop();
                }
                _ => {}
            },
            Event::Text(t) | Event::Code(t) if !in_code => {
                if let Some(&i) = images.last()
                    && !t.trim().is_empty()
                {
                    links[i].described = true;
                }
                if let Some(&i) = open.last() {
                    out[i].1.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(&i) = open.last() {
                    out[i].1.push(' ');
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => ids.extend(html_ids(&h)),
            _ => {}
        }
    }
    let mut allocator = AnchorAllocator::default();
    let blocks = out
        .into_iter()
        .map(|(kind, text)| {
            let text = text.trim().to_string();
            let id = match kind {
                BlockKind::Heading(_) => allocator.heading(&text),
                _ => allocator.paragraph(&text),
            };
            Block { kind, id, text }
        })
        .collect();
    Scanned { blocks, links, ids }
}

/// Whether a link may lead inside the briefing: not an autolink or e-mail address, and not an
/// absolute URL unless it names an entity (`country:`, `agreement:`).
fn may_be_internal(link_type: LinkType, dest: &str) -> bool {
    !matches!(link_type, LinkType::Autolink | LinkType::Email)
        && (!crate::links::is_external(dest) || crate::links::entity(dest).is_some())
}

/// The values of `id="…"` attributes in a piece of raw HTML.
fn html_ids(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("id=") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + 3..];
        if before.is_some_and(|c| !c.is_whitespace()) {
            continue;
        }
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next(),
            _ => rest.split(|c: char| c.is_whitespace() || c == '>').next(),
        };
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            found.push(v.to_string());
        }
    }
    found
}

/// When a Markdown body opens with a level-1 heading, its text and the body after it.
pub fn leading_title(markdown: &str) -> Option<(String, &str)> {
    let mut iter = Parser::new_ext(markdown, parser_options()).into_offset_iter();
    let (first, _) = iter.next()?;
    if !matches!(
        first,
        Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            ..
        })
    ) {
        return None;
    }
    let mut title = String::new();
    for (event, range) in iter {
        match event {
            Event::Text(t) | Event::Code(t) => title.push_str(&t),
            Event::End(TagEnd::Heading(_)) => {
                let title = title.trim().to_string();
                return (!title.is_empty()).then(|| (title, &markdown[range.end..]));
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_text_and_repeat_with_suffixes() {
        let b = blocks("# Title\n\nSame words.\n\n- tight item\n\nSame words.\n\n```\ncode\n```\n");
        let ids: Vec<_> = b.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(
            ids,
            ["title", "p-same-words", "p-tight-item", "p-same-words-2"]
        );
        assert_eq!(b[2].kind, BlockKind::Item);
    }

    #[test]
    fn links_images_and_other_ids_are_noted() {
        let md = "See [the talks](2024/talks.md#outcome), [web](https://x.org), <https://y.org>,\n\
                  [Niger](country:NE) and [^1].\n\n![a map](img/map.png) ![](b.png)\n\n\
                  [^1]: A note. <a id=\"here\"></a>\n";
        let s = scan(md);
        let dests: Vec<_> = s
            .links
            .iter()
            .map(|l| (l.dest.as_str(), l.image, l.described))
            .collect();
        assert_eq!(
            dests,
            [
                ("2024/talks.md#outcome", false, true),
                ("country:NE", false, true),
                ("img/map.png", true, true),
                ("b.png", true, false),
            ]
        );
        assert_eq!(&md[s.links[0].offset..][..5], "[the ");
        assert_eq!(&md[s.links[2].offset..][..3], "![a");
        assert_eq!(s.ids, ["1", "here"]);
        assert_eq!(s.blocks, blocks(md));
    }

    #[test]
    fn loose_items_anchor_their_paragraphs() {
        let b = blocks("- one\n\n- two\n");
        let kinds: Vec<_> = b.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Paragraph, BlockKind::Paragraph]);
    }

    #[test]
    fn leading_h1_is_the_title() {
        let (t, rest) = leading_title("# Hello *world*\n\nBody").unwrap();
        assert_eq!(t, "Hello world");
        assert_eq!(rest.trim(), "Body");
        assert!(leading_title("Body\n\n# Late").is_none());
    }
}

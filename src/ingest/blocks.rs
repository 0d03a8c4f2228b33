//! The anchorable blocks of a Markdown body — headings, paragraphs and tight list items —
//! with their plain text and a stable id from that text. Extraction quotes these blocks as
//! evidence and the renderer puts the same ids on the same elements, so both walk the events
//! with [`anchor_kind`].

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

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
    let mut out: Vec<(BlockKind, String)> = Vec::new();
    // Indices into `out` of the blocks still open; text goes to the innermost.
    let mut open: Vec<usize> = Vec::new();
    let mut in_code = false;
    let mut events = Parser::new_ext(markdown, parser_options()).peekable();
    while let Some(event) = events.next() {
        match event {
            Event::Start(tag) => {
                if matches!(tag, Tag::CodeBlock(_)) {
                    in_code = true;
                }
                if let Some(kind) = anchor_kind(&tag, events.peek()) {
                    open.push(out.len());
                    out.push((kind, String::new()));
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
                _ => {}
            },
            Event::Text(t) | Event::Code(t) if !in_code => {
                if let Some(&i) = open.last() {
                    out[i].1.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(&i) = open.last() {
                    out[i].1.push(' ');
                }
            }
            _ => {}
        }
    }
    let mut ids = AnchorAllocator::default();
    out.into_iter()
        .map(|(kind, text)| {
            let text = text.trim().to_string();
            let id = match kind {
                BlockKind::Heading(_) => ids.heading(&text),
                _ => ids.paragraph(&text),
            };
            Block { kind, id, text }
        })
        .collect()
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

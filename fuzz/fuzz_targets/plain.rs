//! Plain-text structuring: whatever a `.txt` holds, the Markdown made from it must parse to
//! paragraphs and headings of text only: no HTML, links, images, code, lists, tables,
//! emphasis or footnotes (everything in a `.txt` is escaped).
#![no_main]

use briefing::ingest::blocks::parser_options;
use briefing::ingest::plain::structure;
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let s = structure(text);
    if let Some(h) = &s.headline {
        assert!(!h.trim().is_empty(), "an empty headline");
    }
    for event in Parser::new_ext(&s.markdown, parser_options()) {
        let ok = matches!(
            &event,
            Event::Text(_)
                | Event::SoftBreak
                | Event::Start(Tag::Paragraph | Tag::Heading { .. })
                | Event::End(TagEnd::Paragraph | TagEnd::Heading(_))
        );
        assert!(
            ok,
            "plain text became markup: {event:?}\ninput: {text:?}\nmarkdown: {:?}",
            s.markdown
        );
    }
});

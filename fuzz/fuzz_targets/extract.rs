//! Extraction: any document ingest accepts goes through `extract::document` and the model
//! without panicking or hanging; evidence and snippets point at blocks of the document,
//! prose engagements have two parties, and the document's slug is a safe file name.
#![no_main]

use std::collections::HashSet;

use briefing::extract;
use briefing::ingest::{Format, parse};
use briefing::model;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let format = if first & 1 == 0 {
        Format::Markdown
    } else {
        Format::Text
    };
    let (Some(doc), _) = parse("fuzz.md".into(), text, format) else {
        return;
    };
    let e = extract::document(&doc);
    let ids: HashSet<&str> = doc.blocks.iter().map(|b| b.id.as_str()).collect();
    for s in &e.snippets {
        let anchor = s.anchor(&doc.blocks);
        assert!(
            anchor.is_some_and(|a| ids.contains(a.as_str())),
            "snippet in unknown block {}",
            s.block
        );
        // The range must cut the block's text at character boundaries.
        let text = &doc.blocks[s.block as usize].text;
        assert!(
            text.get(s.range.0 as usize..s.range.1 as usize).is_some(),
            "snippet range {:?} does not fit its block",
            s.range
        );
        let _ = s.text(&doc.blocks);
    }
    for a in &e.engagements {
        for ev in &a.evidence {
            assert!(
                ids.contains(ev.block.as_str()),
                "evidence in unknown block {}",
                ev.block
            );
        }
        if doc.front.agreements.is_empty() {
            assert!(
                a.parties.len() + a.organisations.len() >= 2,
                "a prose engagement with fewer than two parties: {a:?}"
            );
        }
    }
    let corpus = model::build(vec![doc], vec![e]);
    for d in &corpus.documents {
        let s = d.slug.as_str();
        assert!(
            !s.is_empty()
                && !s.starts_with(['.', '-'])
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "unsafe document slug {s:?}"
        );
    }
});

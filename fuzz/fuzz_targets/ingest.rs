//! Front matter + ingest: any bytes, as the seeds folder would hand them over, through
//! `ingest::parse` in both formats. Must not panic or hang; a document that comes out has a
//! title and unique block ids; a rejected one names its file with a line and column.
#![no_main]

use std::collections::HashSet;

use briefing::diagnostics::Severity;
use briefing::ingest::{Format, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The same UTF-8 gate as ingest's file reader: invalid UTF-8 and NUL are rejected there.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if text.contains('\0') {
        return;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (rel, format) in [("fuzz.md", Format::Markdown), ("fuzz.txt", Format::Text)] {
        let (doc, diags) = parse(rel.to_string(), text, format);
        for d in &diags {
            assert_eq!(d.path, rel, "a diagnostic names its file: {d}");
            if d.severity == Severity::Error {
                assert!(doc.is_none(), "an error yields no document: {d}");
                assert!(
                    d.line.is_some_and(|l| l >= 1) && d.column.is_some_and(|c| c >= 1),
                    "a front-matter error has a line and column: {d}"
                );
            }
        }
        if let Some(doc) = doc {
            assert!(!doc.title.trim().is_empty(), "every document has a title");
            let mut ids = HashSet::new();
            for b in &doc.blocks {
                assert!(ids.insert(b.id.as_str()), "block id {} repeats", b.id);
            }
        }
    }
});

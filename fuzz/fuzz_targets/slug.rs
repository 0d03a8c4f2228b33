//! Slugs: for any text and length limit, `slugify` gives `[a-z0-9-]` words joined by single
//! hyphens within the limit, and `Slug::from_text` never gives an empty or dotted name.
#![no_main]

use briefing::slug::{AnchorAllocator, Slug, slugify};
use libfuzzer_sys::fuzz_target;

fn assert_safe(s: &str, what: &str) {
    assert!(
        s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "{what} {s:?} has a character outside [a-z0-9-]"
    );
    assert!(
        !s.starts_with('-') && !s.ends_with('-') && !s.contains("--"),
        "{what} {s:?} has a stray hyphen"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&max, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let max = usize::from(max);
    let s = slugify(text, max);
    assert!(
        s.len() <= max,
        "slugify({text:?}, {max}) = {s:?} is too long"
    );
    assert_safe(&s, "slugify");
    if let Some(slug) = Slug::from_text(text) {
        assert!(!slug.as_str().is_empty() && slug.as_str().len() <= 80);
        assert_safe(slug.as_str(), "Slug::from_text");
        let suffixed = slug.with_suffix(text);
        assert_safe(suffixed.as_str(), "Slug::with_suffix");
    }
    assert_safe(
        Slug::from_text_or(text, "document").as_str(),
        "Slug::from_text_or",
    );
    let mut anchors = AnchorAllocator::default();
    let a = anchors.heading(text);
    let b = anchors.heading(text);
    let p = anchors.paragraph(text);
    assert_ne!(a, b, "a repeated heading gets a new id");
    for id in [&a, &b, &p] {
        assert!(!id.as_str().is_empty());
        assert_safe(id.as_str(), "anchor id");
    }
});

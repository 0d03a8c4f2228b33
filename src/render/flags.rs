//! Country flags as small SVG images, so that they look the same everywhere: emoji flags
//! show as two letters on Windows.
//!
//! The flags come from `assets/flags/flags.tsv` (flag-icons 7.5.0, MIT; made by
//! `tools/flags/gen.py`), compiled into the binary so that a build needs neither the
//! network nor Node. A site carries one file per country it has a page for,
//! `flags/<code>.svg`, which pages show with `<img>`; a page that must stand alone can
//! inline a flag with [`data_uri`] instead.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::gazetteer::{CountryCode, Gazetteer};

const DATA: &str = include_str!("../../assets/flags/flags.tsv");

// The asset is ~1.6 MB, most of it a handful of coats of arms; a regeneration that grows it
// a lot (another flag set, no minifying) should be a decision, not an accident.
const _: () = assert!(
    DATA.len() < 2 * 1024 * 1024,
    "assets/flags/flags.tsv is over 2 MB"
);

/// The site folder the flag files go in.
pub const DIR: &str = "flags";

/// The asset, parsed on first use: code → SVG. The SVGs stay in the binary's read-only
/// data, so a lookup copies nothing.
static FLAGS: LazyLock<HashMap<CountryCode, &'static str>> = LazyLock::new(|| parse(DATA));
/// Each flag's `data:` URI, encoded once: every pack of a build embeds the same flags.
static URIS: LazyLock<HashMap<CountryCode, String>> = LazyLock::new(|| {
    FLAGS
        .iter()
        .map(|(code, svg)| (*code, svg_data_uri(svg)))
        .collect()
});

/// The generated asset is checked by tests; a malformed one is a build bug, so this panics.
fn parse(data: &'static str) -> HashMap<CountryCode, &'static str> {
    let mut flags = HashMap::new();
    for line in data.lines() {
        if line.starts_with('#') || line.starts_with("code\t") || line.is_empty() {
            continue;
        }
        let (code, svg) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("flags asset: a row without a tab: {line:.40}"));
        let code = Gazetteer::global()
            .lookup(code)
            .filter(|c| c.as_str() == code)
            .unwrap_or_else(|| panic!("flags asset: unknown country {code}"));
        flags.insert(code, svg);
    }
    flags
}

/// The flag of a country as an SVG document (one line, `viewBox="0 0 640 480"`, no width or
/// height, so it takes the size it is given), or `None` when the asset has none.
pub fn svg(code: CountryCode) -> Option<&'static str> {
    FLAGS.get(&code).copied()
}

/// Where a country's flag file is, relative to the site root (`flags/tr.svg`), or `None`
/// when there is no flag for it. Lower case, like every other file name of the site.
pub fn url(code: CountryCode) -> Option<String> {
    svg(code).map(|_| format!("{DIR}/{}.svg", code.as_str().to_ascii_lowercase()))
}

/// The flag as a `data:` URI, for a page that must not depend on other files: valid inside
/// CSS `url("…")` and an HTML attribute (`<img src="…">`) in either kind of quotes, with no
/// escaping by the caller. `None` when there is no flag for the country.
///
/// It is the shorter of two encodings, chosen per flag: percent-encoding of only the bytes
/// a URL or those contexts cannot hold as they are, or base64. Base64 wins for about 150 of
/// the 250 flags, whose markup is dense with spaces, quotes and angle brackets (3 bytes
/// each when escaped); percent-encoding wins for the ones that are mostly path data.
pub fn data_uri(code: CountryCode) -> Option<String> {
    URIS.get(&code).cloned()
}

/// A stylesheet giving each of `codes` a class `flag-xx` whose background is its flag, for
/// pages that must carry their flags inside them (packs): each flag is written once however
/// often the page shows it.
pub fn css_classes(codes: impl IntoIterator<Item = CountryCode>) -> String {
    let mut codes: Vec<CountryCode> = codes.into_iter().collect();
    codes.sort();
    codes.dedup();
    let mut css = String::new();
    for code in codes {
        if let Some(uri) = URIS.get(&code) {
            let class = code.as_str().to_ascii_lowercase();
            css.push_str(&format!(
                ".flag-{class}{{background-image:url(\"{uri}\")}}\n"
            ));
        }
    }
    css
}

/// [`data_uri`] for any SVG text.
fn svg_data_uri(svg: &str) -> String {
    let escaped: usize = svg.bytes().map(|b| if keeps(b) { 1 } else { 3 }).sum();
    if escaped <= svg.len().div_ceil(3) * 4 + ";base64".len() {
        let mut out = String::with_capacity(PLAIN.len() + escaped);
        out.push_str(PLAIN);
        for b in svg.bytes() {
            if keeps(b) {
                out.push(char::from(b));
            } else {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
        out
    } else {
        let mut out = String::from(BASE64);
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode_string(svg, &mut out);
        out
    }
}

const PLAIN: &str = "data:image/svg+xml,";
const BASE64: &str = "data:image/svg+xml;base64,";
const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Whether a byte can stay as it is in the URI. URL code points only (no space, `<`, `>`,
/// `"`, `{`, non-ASCII …), minus `#` (it would start a fragment), `%` (an escape), `&` (an
/// HTML character reference inside an attribute) and `'` (the other attribute and CSS
/// quote).
fn keeps(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~!$()*+,;=:@/?".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> CountryCode {
        Gazetteer::global().lookup(s).unwrap()
    }

    #[test]
    fn every_gazetteer_country_has_a_flag_and_the_asset_no_other() {
        let g = Gazetteer::global();
        let missing: Vec<&str> = g
            .countries()
            .iter()
            .filter(|c| svg(c.code).is_none())
            .map(|c| c.code.as_str())
            .collect();
        assert!(missing.is_empty(), "no flag for {missing:?}");
        assert_eq!(FLAGS.len(), g.countries().len());
        assert!(
            g.countries().len() >= 250,
            "the gazetteer has every country"
        );
    }

    #[test]
    fn flags_are_one_line_svg_documents_with_the_4x3_view_box() {
        for (code, svg) in FLAGS.iter() {
            assert!(
                svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
                "{code}: {svg:.60}"
            );
            assert!(svg.ends_with("</svg>"), "{code} ends its <svg>");
            assert!(
                svg.contains(r#"viewBox="0 0 640 480""#),
                "{code}: {svg:.120}"
            );
            assert!(!svg.contains(['\n', '\r', '\t']), "{code} is one line");
            assert!(!svg.contains("<!--"), "{code} has a comment");
        }
        // Real drawings, not placeholders: Türkiye's red field and Niger's orange band.
        assert!(svg(code("TR")).unwrap().contains("#e30a17"));
        assert!(svg(code("NE")).unwrap().contains("#0db02b"));
        assert!(svg(code("XK")).is_some(), "Kosovo");
    }

    /// An element of a flag: its name and its attributes (names as written, values
    /// unescaped).
    type Element = (String, Vec<(String, String)>);

    /// Every element of an SVG, read by a real XML parser; panics unless the document is
    /// well-formed (one root, every element closed, every attribute quoted) and holds only
    /// elements and whitespace-free markup: no text, comment, DTD, CDATA or instruction.
    fn elements(code: &str, svg: &str) -> Vec<Element> {
        use quick_xml::events::{BytesStart, Event};
        let read = |e: &BytesStart| -> Element {
            let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
            let attrs = e
                .attributes()
                .map(|a| {
                    let a =
                        a.unwrap_or_else(|err| panic!("{code}: bad attribute in <{name}>: {err}"));
                    let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                    let value = a
                        .unescape_value()
                        .unwrap_or_else(|err| panic!("{code}: {key}: {err}"));
                    (key, value.into_owned())
                })
                .collect();
            (name, attrs)
        };
        let mut reader = quick_xml::Reader::from_str(svg);
        let (mut out, mut depth, mut roots) = (Vec::new(), 0usize, 0usize);
        loop {
            let event = reader
                .read_event()
                .unwrap_or_else(|e| panic!("{code} is not well-formed XML: {e}"));
            match event {
                Event::Start(e) => {
                    roots += usize::from(depth == 0);
                    depth += 1;
                    out.push(read(&e));
                }
                Event::Empty(e) => {
                    roots += usize::from(depth == 0);
                    out.push(read(&e));
                }
                Event::End(_) => depth -= 1,
                Event::Eof => break,
                other => panic!("{code}: unexpected {other:?}"),
            }
        }
        assert_eq!((depth, roots), (0, 1), "{code}: one root element, closed");
        out
    }

    /// What the generator asserts, asserted again on what the binary carries: a flag goes
    /// into pages that must be safe whatever the asset holds.
    #[test]
    fn no_flag_has_a_script_an_event_handler_or_an_external_reference() {
        let local_url = regex::Regex::new(r"url\(#[A-Za-z0-9_.:-]+\)").unwrap();
        let inert = |name: &str| {
            ![
                "script",
                "foreignObject",
                "image",
                "feImage",
                "iframe",
                "a",
                "style",
            ]
            .contains(&name.rsplit(':').next().unwrap_or(name))
        };
        let mut seen = 0;
        for (code, svg) in FLAGS.iter() {
            let code = code.as_str();
            assert!(
                !svg.to_ascii_lowercase().contains("javascript:"),
                "{code}: javascript:"
            );
            for (name, attrs) in elements(code, svg) {
                seen += 1;
                assert!(inert(&name), "{code} has a <{name}> element");
                for (key, value) in attrs {
                    let local = key.rsplit(':').next().unwrap_or(&key).to_ascii_lowercase();
                    assert!(
                        !local.starts_with("on"),
                        "{code}: handler {key} on <{name}>"
                    );
                    if local == "href" || local == "src" {
                        assert!(value.starts_with('#'), "{code}: {key}={value:?}");
                    }
                    assert!(
                        !local_url.replace_all(&value, "").contains("url("),
                        "{code}: {key}={value:?} refers outside the file"
                    );
                }
            }
        }
        assert!(seen > 5000, "the checks saw the markup ({seen} elements)");
    }

    #[test]
    fn the_safety_checks_catch_what_they_look_for() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg"><script/><use xlink:href="x.svg#a" onclick="f()"/></svg>"#;
        let els = elements("test", svg);
        assert_eq!(els[1].0, "script");
        assert_eq!(els[2].1[0], ("xlink:href".into(), "x.svg#a".into()));
        assert_eq!(els[2].1[1].0, "onclick");
        for bad in [
            "<svg><g></svg>",
            "<svg a=b/>",
            "<svg/><svg/>",
            "<svg><!-- x --></svg>",
        ] {
            let result = std::panic::catch_unwind(|| elements("test", bad));
            assert!(result.is_err(), "{bad} is refused");
        }
    }

    #[test]
    fn url_is_the_lower_case_file_in_the_flags_folder() {
        assert_eq!(url(code("TR")).as_deref(), Some("flags/tr.svg"));
        assert_eq!(url(code("XK")).as_deref(), Some("flags/xk.svg"));
    }

    #[test]
    fn data_uri_decodes_back_to_the_flag_and_holds_no_character_that_needs_quoting() {
        for c in ["TR", "NE", "CN", "GB", "RS", "XK"] {
            let svg = svg(code(c)).unwrap();
            let uri = data_uri(code(c)).unwrap();
            let decoded = if let Some(b64) = uri.strip_prefix(BASE64) {
                use base64::Engine;
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(b64)
                    .unwrap();
                String::from_utf8(bytes).unwrap()
            } else {
                let plain = uri.strip_prefix(PLAIN).expect("a data: URI");
                crate::links::percent_decode(plain)
            };
            assert_eq!(decoded, svg, "{c}'s data URI decodes to its SVG");
            assert!(uri.bytes().all(|b| keeps(b) || b == b'%'), "{c}: {uri:.80}");
            let other_len = if uri.starts_with(BASE64) {
                PLAIN.len()
                    + svg
                        .bytes()
                        .map(|b| if keeps(b) { 1 } else { 3 })
                        .sum::<usize>()
            } else {
                BASE64.len() + svg.len().div_ceil(3) * 4
            };
            assert!(uri.len() <= other_len, "{c}: the shorter encoding");
        }
    }

    #[test]
    fn data_uri_escapes_exactly_what_must_be_escaped() {
        // Percent-encoding wins here, as for most flags: path data needs no escaping.
        assert_eq!(
            svg_data_uri(r##"<p d="M0.5-1h640v480H0zM1,1h2v3H4zm5-6h7v8H9z" f="#f&'%"/>"##),
            "data:image/svg+xml,%3Cp%20d=%22M0.5-1h640v480H0zM1,1h2v3H4zm5-6h7v8H9z%22%20f=%22%23f%26%27%25%22/%3E"
        );
        assert_eq!(svg_data_uri("é"), "data:image/svg+xml,%C3%A9");
        // Base64 wins when nearly everything needs escaping.
        assert_eq!(svg_data_uri("<<<>>>"), "data:image/svg+xml;base64,PDw8Pj4+");
    }
}

//! Files of the seeds folder that documents link or embed: which may be published, and what is
//! learned from a file before it is (an image's size, for `width` and `height`).
//!
//! Publishing a file puts it on the site's origin, where HTML or a script in it would run with
//! the site's rights, so only passive kinds go out: images, PDF, data and office files, audio
//! and video, and SVG only when it has no script, event handler or external reference. A file
//! whose content is not what its name says (an "image" that is not one) stays out too. Nothing
//! here writes: the renderer copies what [`inspect`] accepts.

use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use quick_xml::events::{BytesStart, Event};

/// What identifies one version of a file without reading it: modification time and length.
pub type Stamp = (Option<SystemTime>, u64);

/// The kinds of file briefing publishes, said in messages about the others.
pub const PUBLISHED_KINDS: &str = "images (PNG, JPEG, GIF, WebP, AVIF), PDF, data and office files (CSV, TSV, JSON, XLSX, ODS, DOCX, ODT, PPTX), audio and video";

/// A file's kind, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A raster image browsers show.
    Image,
    /// An SVG drawing: published only when passive.
    Svg,
    /// PDF, data, office, audio or video: published as it is.
    Passive,
    /// HTML or JavaScript: never published.
    Active,
    /// Anything else.
    Other,
}

fn kind(rel: &str) -> Kind {
    let ext = rel
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "avif" => Kind::Image,
        "svg" => Kind::Svg,
        "pdf" | "csv" | "tsv" | "json" | "xlsx" | "ods" | "docx" | "odt" | "pptx" | "mp3"
        | "m4a" | "aac" | "oga" | "ogg" | "opus" | "wav" | "flac" | "weba" | "mp4" | "m4v"
        | "webm" | "ogv" | "mov" => Kind::Passive,
        "html" | "htm" | "xhtml" | "shtml" | "js" | "mjs" | "cjs" => Kind::Active,
        _ => Kind::Other,
    }
}

/// A file that may be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// Where it is.
    pub src: PathBuf,
    /// Which version of it was inspected.
    pub stamp: Stamp,
    /// Width and height in CSS pixels, for an image whose header says so.
    pub size: Option<(u32, u32)>,
}

/// Why a linked file is not published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// It is larger than `max_asset_mb`: an error, since the document needs it.
    TooLarge {
        /// Its size in bytes.
        bytes: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// It is not a kind that may be published, or not safe; the text says why.
    Unsafe(String),
}

/// Decides whether the seeds file `rel` (seeds-relative, `/`-separated) may be published,
/// reading no more of it than needed: an image's header, an SVG whole (within the size limit).
pub fn inspect(seeds: &Path, rel: &str, limit: u64) -> Result<Published, Refused> {
    let kind = kind(rel);
    match kind {
        Kind::Active => {
            return Err(Refused::Unsafe(
                "HTML and JavaScript never are, since they would run as part of the site".into(),
            ));
        }
        Kind::Other => {
            let ext = rel.rsplit_once('.').map_or("", |(_, e)| e);
            let what = if ext.is_empty() || ext.contains('/') {
                "a file without an extension".to_string()
            } else {
                format!("a `.{ext}` file")
            };
            return Err(Refused::Unsafe(format!(
                "it is {what}, and briefing publishes only {PUBLISHED_KINDS}"
            )));
        }
        _ => {}
    }
    let src = seeds.join(rel);
    let unreadable = |e: std::io::Error| Refused::Unsafe(format!("it cannot be read: {e}"));
    let meta = std::fs::symlink_metadata(&src).map_err(unreadable)?;
    if meta.file_type().is_symlink() {
        return Err(Refused::Unsafe(
            "it is a symbolic link, and symbolic links are never copied".into(),
        ));
    }
    if !meta.is_file() {
        return Err(Refused::Unsafe("it is not a regular file".into()));
    }
    if meta.len() > limit {
        return Err(Refused::TooLarge {
            bytes: meta.len(),
            limit,
        });
    }
    let stamp = (meta.modified().ok(), meta.len());
    let size = match kind {
        Kind::Image => {
            let file = std::fs::File::open(&src).map_err(unreadable)?;
            Some(image_size(BufReader::new(file)).ok_or_else(|| {
                Refused::Unsafe(
                    "its content is not a PNG, JPEG, GIF, WebP or AVIF image, whatever its name says"
                        .into(),
                )
            })?)
        }
        Kind::Svg => {
            let mut text = String::new();
            std::fs::File::open(&src)
                .and_then(|mut f| f.read_to_string(&mut text))
                .map_err(unreadable)?;
            let svg = svg_check(&text).map_err(Refused::Unsafe)?;
            svg.size
        }
        _ => None,
    };
    Ok(Published { src, stamp, size })
}

/// The width and height of a raster image browsers show, from its header; `None` when the
/// content is not one.
fn image_size<R: std::io::BufRead + std::io::Seek>(mut reader: R) -> Option<(u32, u32)> {
    use imagesize::ImageType;
    let kind = imagesize::reader_type(&mut reader).ok()?;
    let shown = match kind {
        ImageType::Png | ImageType::Jpeg | ImageType::Gif | ImageType::Webp => true,
        ImageType::Heif(c) => c == imagesize::Compression::Av1,
        _ => false,
    };
    if !shown {
        return None;
    }
    let size = kind.reader_size(&mut reader).ok()?;
    let w = u32::try_from(size.width).ok()?;
    let h = u32::try_from(size.height).ok()?;
    (w > 0 && h > 0).then_some((w, h))
}

/// What reading an SVG found.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Svg {
    /// Width and height from the root's attributes or its `viewBox`.
    size: Option<(u32, u32)>,
}

/// Reads an SVG and refuses it, saying why, when opening it could run a script or fetch
/// anything: a `<script>`, an `on…` handler, a `<foreignObject>` (HTML inside), a reference
/// that is not to the file itself (`href`, `url(…)` or `@import` in styles, a stylesheet
/// instruction), or a DTD (entities can pull in other files).
fn svg_check(text: &str) -> Result<Svg, String> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut size = None;
    let mut root = true;
    let mut in_style = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("it is not a well-formed SVG ({e})"))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = lower(e.local_name().as_ref());
                match name.as_str() {
                    "script" => return Err("the SVG has a script".into()),
                    "foreignobject" => {
                        return Err("the SVG has a foreignObject, which can hold HTML".into());
                    }
                    _ => {}
                }
                check_attributes(e)?;
                if root {
                    if name != "svg" {
                        return Err("it is not an SVG drawing (its root is not <svg>)".into());
                    }
                    size = svg_size(e);
                    root = false;
                }
                // Only an opened <style> has text to check; an empty one has none.
                in_style = name == "style" && matches!(event, Event::Start(_));
            }
            Event::End(_) => in_style = false,
            Event::Text(t) if in_style => css_check(&String::from_utf8_lossy(&t))?,
            Event::CData(t) if in_style => css_check(&String::from_utf8_lossy(&t))?,
            Event::DocType(_) => {
                return Err(
                    "the SVG has a document type declaration, whose entities can pull in other files"
                        .into(),
                );
            }
            Event::PI(_) => {
                return Err(
                    "the SVG has a processing instruction (such as a stylesheet to fetch)".into(),
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if root {
        return Err("it is not an SVG drawing (it has no <svg> element)".into());
    }
    Ok(Svg { size })
}

fn lower(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_ascii_lowercase()
}

/// Refuses event handlers and references outside the file in an element's attributes.
fn check_attributes(e: &BytesStart<'_>) -> Result<(), String> {
    for attr in e.attributes().with_checks(false) {
        let attr = attr.map_err(|e| format!("it is not a well-formed SVG ({e})"))?;
        let key = lower(attr.key.local_name().as_ref());
        let value = String::from_utf8_lossy(&attr.value);
        if key.starts_with("on") {
            return Err(format!("the SVG has an event handler (`{key}`)"));
        }
        if key == "href" || key == "src" {
            let v = value.trim();
            if !(v.starts_with('#') || v.starts_with("data:image/")) {
                return Err(format!("the SVG has an external reference (`{v}`)"));
            }
        }
        if key == "style" {
            css_check(&value)?;
        }
    }
    Ok(())
}

/// Refuses CSS that fetches anything: `@import`, or `url(…)` to anything but an id in the
/// same file or a data URL.
fn css_check(css: &str) -> Result<(), String> {
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import") {
        return Err("the SVG's style imports another stylesheet".into());
    }
    for (at, _) in lower.match_indices("url(") {
        let target = css[at + 4..]
            .trim_start()
            .trim_start_matches(['"', '\''])
            .trim_start();
        if !(target.starts_with('#') || target.to_ascii_lowercase().starts_with("data:")) {
            let shown: String = target
                .chars()
                .take_while(|c| !matches!(c, ')' | '"' | '\''))
                .collect();
            return Err(format!("the SVG has an external reference (`{shown}`)"));
        }
    }
    Ok(())
}

/// The size an `<svg>` root asks for: `width` and `height` in pixels, else its `viewBox`.
fn svg_size(e: &BytesStart<'_>) -> Option<(u32, u32)> {
    let attr = |name: &str| {
        e.attributes()
            .with_checks(false)
            .flatten()
            .find(|a| a.key.local_name().as_ref() == name.as_bytes())
            .map(|a| String::from_utf8_lossy(&a.value).into_owned())
    };
    let px = |v: String| -> Option<f64> {
        let v = v.trim();
        let n = v.strip_suffix("px").unwrap_or(v).trim();
        n.parse::<f64>().ok().filter(|n| n.is_finite() && *n > 0.0)
    };
    let pair = |w: f64, h: f64| {
        let (w, h) = (w.round(), h.round());
        (w >= 1.0 && h >= 1.0 && w < 1e6 && h < 1e6).then_some((w as u32, h as u32))
    };
    if let (Some(w), Some(h)) = (attr("width").and_then(px), attr("height").and_then(px)) {
        return pair(w, h);
    }
    let view: Vec<f64> = attr("viewBox")?
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    match view.as_slice() {
        [_, _, w, h] if *w > 0.0 && *h > 0.0 => pair(*w, *h),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name() {
        assert_eq!(kind("img/Map.PNG"), Kind::Image);
        assert_eq!(kind("files/report.pdf"), Kind::Passive);
        assert_eq!(kind("a/b.XLSX"), Kind::Passive);
        assert_eq!(kind("page.html"), Kind::Active);
        assert_eq!(kind("x.js"), Kind::Active);
        assert_eq!(kind("archive.zip"), Kind::Other);
        assert_eq!(kind("Makefile"), Kind::Other);
    }

    #[test]
    fn passive_svg_is_accepted_with_its_size() {
        let svg = r##"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120px" height="80"><defs><linearGradient id="g"/></defs><style>rect { fill: url(#g) }</style><rect style="fill:url('#g')" width="10" height="10"/><use xlink:href="#g"/></svg>"##;
        assert_eq!(
            svg_check(svg),
            Ok(Svg {
                size: Some((120, 80))
            })
        );
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300.4 150"></svg>"#;
        assert_eq!(svg_check(svg).unwrap().size, Some((300, 150)));
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%"></svg>"#;
        assert_eq!(svg_check(svg).unwrap().size, None);
    }

    #[test]
    fn active_svg_is_refused_saying_why() {
        let refused = |body: &str| {
            svg_check(&format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{body}</svg>"#
            ))
            .unwrap_err()
        };
        assert_eq!(refused("<script>alert(1)</script>"), "the SVG has a script");
        assert_eq!(
            refused("<svg:script xmlns:svg=\"http://www.w3.org/2000/svg\"/>"),
            "the SVG has a script"
        );
        assert_eq!(
            refused(r#"<rect onclick="alert(1)"/>"#),
            "the SVG has an event handler (`onclick`)"
        );
        assert_eq!(
            refused(r#"<image xlink:href="https://example.org/x.png"/>"#),
            "the SVG has an external reference (`https://example.org/x.png`)"
        );
        assert_eq!(
            refused(r#"<a href="javascript:alert(1)"><text>x</text></a>"#),
            "the SVG has an external reference (`javascript:alert(1)`)"
        );
        assert_eq!(
            refused("<style>@import url(https://x.org/a.css);</style>"),
            "the SVG's style imports another stylesheet"
        );
        assert_eq!(
            refused(r#"<rect style="fill: url(https://x.org/p.svg#a)"/>"#),
            "the SVG has an external reference (`https://x.org/p.svg#a`)"
        );
        assert!(refused("<foreignObject><p>x</p></foreignObject>").contains("foreignObject"));
        let with_dtd = "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>";
        assert!(svg_check(with_dtd).unwrap_err().contains("document type"));
        assert!(svg_check("<html><script/></html>").is_err());
        assert!(svg_check("not xml <").is_err());
    }

    #[test]
    fn images_are_read_from_their_header() {
        // The PNG signature and IHDR chunk of a 123×321 image.
        let png = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
            0x44, 0x52, 0x00, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x01, 0x41, 0x08, 0x06, 0x00, 0x00,
            0x00, 0x9A, 0x38, 0xC4,
        ];
        assert_eq!(image_size(std::io::Cursor::new(png)), Some((123, 321)));
        let html = b"<html><script>alert(1)</script></html>";
        assert_eq!(image_size(std::io::Cursor::new(html)), None);
    }
}

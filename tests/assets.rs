//! Documents with their images, files and links (issue 14): co-located files published once
//! and only when safe, links between documents and to entities resolved, what does not
//! resolve reported by `build` at its line in the words of `check`, `--strict`, and images
//! with their size.
//!
//! The valid project is the folder `tests/fixtures/assets/`, copied into a temporary folder;
//! each invalid case is a small project with one kind of defect, written by its test.

mod common;

use std::path::{Path, PathBuf};

use common::*;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/assets");
const BRIEF: &str = "documents/niger-and-turkiye-sign-a-mining-mou.html";
const TALKS: &str = "documents/talks-between-niger-turkiye-and-ghana.html";

/// A copy of the fixture project in a temporary folder; returns the folder and its root.
fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("project");
    copy_dir(Path::new(FIXTURE), &root);
    (dir, root)
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A project at `root` whose seeds are `files` (name → text).
fn project(root: &Path, files: &[(&str, &str)]) -> PathBuf {
    let seeds = root.join("seeds");
    for (name, text) in files {
        write_seed(&seeds, name, text);
    }
    seeds
}

/// The lines of standard error that are diagnostics (not the summary or notes).
fn diagnostics(output: &std::process::Output) -> Vec<String> {
    stderr(output)
        .lines()
        .filter(|l| l.contains(": warning: ") || l.contains(": error: "))
        .map(str::to_string)
        .collect()
}

/// A PNG of `w`×`h` pixels.
fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().unwrap();
    writer
        .write_image_data(&vec![90; (w * h * 3) as usize])
        .unwrap();
    writer.finish().unwrap();
    out
}

fn attr<'a>(el: &scraper::ElementRef<'a>, name: &str) -> Option<&'a str> {
    el.value().attr(name)
}

/// The `href` of the link whose text is `text` inside `<main>` of `page`.
fn href_of(site: &Path, page: &str, text: &str) -> String {
    let html = read_html(site, page);
    html.select(&sel("main a[href]"))
        .find(|a| text_of(*a) == text)
        .and_then(|a| attr(&a, "href").map(str::to_string))
        .unwrap_or_else(|| panic!("{page} has no link `{text}`"))
}

#[test]
fn co_located_files_are_published_once_and_links_land_on_their_pages() {
    let (_dir, root) = fixture();
    let out = run(&root, &["build"]);
    assert!(out.status.success(), "{}", describe(&out));
    let site = root.join("site");

    // The image embedded by both documents, and the PDF, are copied once each; files no
    // document links are not published.
    let files = snapshot(&site.join("files"));
    let names: Vec<&str> = files
        .iter()
        .filter(|(_, v)| v.is_some())
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(
        names,
        ["files/report.pdf", "img/chart.png", "img/map.png"],
        "{files:?}"
    );
    assert_eq!(
        std::fs::read(site.join("files/img/map.png")).unwrap(),
        std::fs::read(root.join("seeds/img/map.png")).unwrap()
    );

    // Images point at the copies, with their size; only the first of a page loads eagerly.
    let html = read_html(&site, BRIEF);
    let imgs: Vec<_> = html.select(&sel("main img:not(.flag)")).collect();
    let described: Vec<_> = imgs
        .iter()
        .map(|i| {
            (
                attr(i, "src").unwrap(),
                attr(i, "width"),
                attr(i, "height"),
                attr(i, "loading"),
                attr(i, "alt").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        described,
        [
            (
                "../files/img/map.png",
                Some("64"),
                Some("40"),
                None,
                "Map of the route from Niamey to Ankara"
            ),
            (
                "../files/img/chart.png",
                Some("30"),
                Some("20"),
                Some("lazy"),
                "Exports by month, 2024"
            ),
        ]
    );
    let talks = read_html(&site, TALKS);
    let shared = talks.select(&sel("main img:not(.flag)")).next().unwrap();
    assert_eq!(attr(&shared, "src"), Some("../files/img/map.png"));

    // A link to another document lands on its page, at the heading its anchor names; the
    // way back climbs a folder in seeds/ but not in the site.
    let to_talks = href_of(&site, BRIEF, "the earlier talks");
    assert_eq!(
        to_talks,
        "talks-between-niger-turkiye-and-ghana.html#outcome"
    );
    assert!(
        talks.select(&sel("#outcome")).next().is_some(),
        "the talks page has the anchor"
    );
    assert_eq!(
        href_of(&site, TALKS, "brief"),
        "niger-and-turkiye-sign-a-mining-mou.html"
    );
    assert_eq!(href_of(&site, BRIEF, "report"), "../files/files/report.pdf");

    // Entities by code, by name, and an agreement by its slug.
    assert_eq!(href_of(&site, BRIEF, "Niger"), "../countries/niger.html");
    assert_eq!(
        href_of(&site, BRIEF, "Türkiye"),
        "../countries/turkiye.html"
    );
    assert_eq!(href_of(&site, BRIEF, "Ghana"), "../countries/ghana.html");
    assert_eq!(
        href_of(&site, BRIEF, "the MoU"),
        "../agreements/niger-turkiye-mou-mineral-exploration-and-mining.html"
    );

    // Every link works, from file:// as under a sub-path: relative, naming files.
    assert_no_broken_links(&site);

    // The only warning: the files no document links, in one line; the summary counts it.
    assert_eq!(
        diagnostics(&out),
        [
            "seeds: warning: 2 files are not published, since no document links them: img/unused.png, notes/sources.csv (a document that links or embeds a file publishes it)"
        ]
    );
    let text = stdout_of(&out);
    assert!(text.contains(", 1 warning\n"), "{text}");
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_link_to_an_agreement_whose_slug_moved_follows_its_redirect() {
    let (_dir, root) = fixture();
    let brief = root.join("seeds/brief.md");
    // The agreement comes from the prose alone, so editing its sentence renames it.
    let text = std::fs::read_to_string(&brief).unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("agreements = "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&brief, &text).unwrap();
    let out = run(&root, &["build"]);
    assert!(out.status.success(), "{}", describe(&out));
    std::fs::write(
        &brief,
        text.replace(
            "on mineral exploration and mining in",
            "on uranium mining in",
        ),
    )
    .unwrap();
    let out = run(&root, &["build"]);
    assert!(out.status.success(), "{}", describe(&out));
    let site = root.join("site");
    assert!(
        is_redirect(&site.join("agreements/niger-turkiye-mou-mineral-exploration-and-mining.html")),
        "the old slug redirects"
    );
    assert_eq!(
        href_of(&site, BRIEF, "the MoU"),
        "../agreements/niger-turkiye-mou-uranium-mining.html"
    );
    assert!(
        !stderr(&out).contains("agreement:"),
        "no warning about the link: {}",
        stderr(&out)
    );
}

const BROKEN: &str = "# Kenya and Ghana

Kenya and Ghana met. See [the minutes](minutes.md), [the outcome](other.md#nope),
[the start](other.md#p-ghana-spoke-first), [Atlantis](country:Atlantis),
[the Andes](country:PE) and [a deal](agreement:no-such-deal).

[the index](../index.html) [back](#nowhere)
";

#[test]
fn build_warns_of_each_broken_link_at_its_line_in_the_words_of_check() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = project(
        dir.path(),
        &[("notes.md", BROKEN), ("other.md", "Ghana spoke first.\n")],
    );
    let out = build(dir.path(), &seeds, &dir.path().join("site"));
    assert!(out.status.success(), "{}", describe(&out));
    let page = "documents/kenya-and-ghana.html";
    let expected = [
        format!(
            "notes.md:3:40: warning: link `minutes.md` on {page} points to `minutes.md`, which does not exist"
        ),
        format!(
            "notes.md:3:67: warning: link `other.md#nope` on {page} has no element with id `nope` in `other.md`"
        ),
        format!(
            "notes.md:4:55: warning: link `country:Atlantis` on {page} names no country the gazetteer knows; write an ISO code (`country:NE`) or a name (`country:Niger`)"
        ),
        format!(
            "notes.md:5:13: warning: link `country:PE` on {page} names Peru, which has no page: no document mentions it"
        ),
        format!(
            "notes.md:5:38: warning: link `agreement:no-such-deal` on {page} names no agreement of the briefing; use the slug of its page, as in `agreement:niger-turkiye-mou-mineral-exploration-and-mining`"
        ),
        format!(
            "notes.md:7:35: warning: link `#nowhere` on {page} has no element with id `nowhere` in `notes.md`"
        ),
    ];
    assert_eq!(diagnostics(&out), expected);
    // A link that resolves is rewritten; one that does not is left as written.
    let site = dir.path().join("site");
    assert_eq!(
        href_of(&site, page, "the start"),
        "ghana-spoke-first.html#p-ghana-spoke-first"
    );
    assert_eq!(href_of(&site, page, "Atlantis"), "country:Atlantis");
    assert_eq!(href_of(&site, page, "the index"), "../index.html");

    // `check` says the same things, at the same places, as errors.
    let out = run(dir.path(), &["check", "--seeds", seeds.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&out));
    let checked = stdout_of(&out);
    for line in &expected {
        let as_error = line.replace(": warning: ", ": error: ");
        assert!(checked.contains(&as_error), "`{as_error}` in\n{checked}");
    }
    assert_eq!(
        checked.matches(": error: ").count(),
        expected.len(),
        "each broken link once: {checked}"
    );
}

#[test]
fn unsafe_or_unreachable_files_are_not_published_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside.png");
    std::fs::write(&outside, png(4, 4)).unwrap();
    let seeds = project(
        dir.path(),
        &[(
            "a.md",
            "# Kenya files\n\nKenya published these.\n\n\
             ![Evil](img/evil.svg) ![Safe](img/safe.svg) ![Link](img/link.png)\n\n\
             [page](page.html) [script](app.js) [archive](data.zip) [up](../outside.png)\n\n\
             ![Fake](img/fake.png) [hidden](.private/a.pdf)\n",
        )],
    );
    write_seed(
        &seeds,
        "img/evil.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>"#,
    );
    write_seed(
        &seeds,
        "img/safe.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"><rect width="40" height="30"/></svg>"#,
    );
    write_seed(
        &seeds,
        "img/fake.png",
        "<html><script>alert(1)</script></html>",
    );
    write_seed(&seeds, "page.html", "<p>hi</p>");
    write_seed(&seeds, "app.js", "alert(1)");
    write_seed(&seeds, "data.zip", "PK");
    write_seed(&seeds, ".private/a.pdf", "%PDF-1.4");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, seeds.join("img/link.png")).unwrap();
    let out = build(dir.path(), &seeds, &dir.path().join("site"));
    assert!(out.status.success(), "{}", describe(&out));
    let page = "documents/kenya-files.html";
    let mut expected = vec![
        format!(
            "a.md:5:9: warning: image `img/evil.svg` on {page} is not published: the SVG has a script"
        ),
        format!(
            "a.md:5:53: warning: image `img/link.png` on {page} is not published: it is a symbolic link, or inside one, and symbolic links are never followed"
        ),
        format!(
            "a.md:7:8: warning: link `page.html` on {page} is not published: HTML and JavaScript never are, since they would run as part of the site"
        ),
        format!(
            "a.md:7:28: warning: link `app.js` on {page} is not published: HTML and JavaScript never are, since they would run as part of the site"
        ),
        format!(
            "a.md:7:46: warning: link `data.zip` on {page} is not published: it is a `.zip` file, and briefing publishes only images (PNG, JPEG, GIF, WebP, AVIF), PDF, data and office files (CSV, TSV, JSON, XLSX, ODS, DOCX, ODT, PPTX), audio and video"
        ),
        format!(
            "a.md:7:61: warning: link `../outside.png` on {page} climbs above the seeds folder"
        ),
        format!(
            "a.md:9:9: warning: image `img/fake.png` on {page} is not published: its content is not a PNG, JPEG, GIF, WebP or AVIF image, whatever its name says"
        ),
        format!(
            "a.md:9:32: warning: link `.private/a.pdf` on {page} is not published: hidden files are never copied"
        ),
    ];
    // Ingest's own word on the link and the hidden folder it did not read.
    expected.push(".private: warning: skipped: hidden files and folders are not read".into());
    expected.push("img/link.png: warning: skipped: symbolic links are not followed".into());
    let mut got = diagnostics(&out);
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    let published: Vec<String> = snapshot(&dir.path().join("site/files"))
        .into_iter()
        .filter(|(_, v)| v.is_some())
        .map(|(k, _)| k)
        .collect();
    assert_eq!(published, ["img/safe.svg"]);
    let html = read_html(&dir.path().join("site"), page);
    let safe = html
        .select(&sel("main img[alt=Safe]"))
        .next()
        .expect("the safe SVG is embedded");
    assert_eq!(
        (
            attr(&safe, "src"),
            attr(&safe, "width"),
            attr(&safe, "height")
        ),
        (Some("../files/img/safe.svg"), Some("40"), Some("30"))
    );
}

#[test]
fn a_file_over_the_size_limit_stops_the_build_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("briefing.toml"), "max_asset_mb = 1\n").unwrap();
    let seeds = project(
        root,
        &[(
            "a.md",
            "# Kenya report\n\nKenya's [report](big.pdf) is out.\n",
        )],
    );
    std::fs::write(seeds.join("big.pdf"), vec![b'%'; 1_250_000]).unwrap();
    let out = run(root, &["build"]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    let err = stderr(&out);
    assert!(
        err.contains("big.pdf: error: is 1.2 MB, over the 1 MB limit for one file that documents link; make it smaller, or raise `max_asset_mb` in briefing.toml"),
        "{err}"
    );
    assert!(
        err.contains(
            "error: 1 problem with a link, image or file stopped the build; nothing was written"
        ),
        "{err}"
    );
    assert!(!root.join("site").exists(), "nothing was written");
}

#[test]
fn strict_makes_link_warnings_errors_and_leaves_the_old_site_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let seeds = project(
        root,
        &[(
            "a.md",
            "# Kenya note\n\nKenya and Ghana met, as [the notes](b.md) say.\n",
        )],
    );
    write_seed(&seeds, "b.md", "# Notes\n\nGhana spoke.\n");
    // A file no document links is a note, not a problem with a link: strict builds pass.
    write_seed(&seeds, "stray.csv", "a,b\n");
    let out = run(root, &["build", "--strict"]);
    assert!(out.status.success(), "{}", describe(&out));
    assert!(stderr(&out).contains(
        "seeds: warning: 1 file is not published, since no document links it: stray.csv"
    ));
    let before = snapshot(&root.join("site"));

    std::fs::remove_file(seeds.join("b.md")).unwrap();
    write_seed(&seeds, "c.md", "# More\n\n![](map.png)\n");
    std::fs::write(seeds.join("map.png"), png(3, 2)).unwrap();
    let out = run(root, &["build", "--strict"]);
    assert_eq!(out.status.code(), Some(2), "{}", describe(&out));
    assert_eq!(
        diagnostics(&out),
        [
            "a.md:3:37: error: link `b.md` on documents/kenya-note.html points to `b.md`, which does not exist",
            "c.md:3:5: error: image `map.png` on documents/more.html has no alt text; say what it shows between the brackets: ![what it shows](map.png)",
        ]
    );
    assert!(
        stderr(&out).contains("error: 2 problems with links, images or files stopped the build; nothing was written, the previous site is as it was"),
        "{}",
        stderr(&out)
    );
    assert_same_tree(
        &before,
        &snapshot(&root.join("site")),
        "after a failed --strict build",
    );

    // Without --strict the same project builds, with the two warnings and the note.
    let out = run(root, &["build"]);
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(diagnostics(&out).len(), 3, "{}", describe(&out));
    assert!(stdout_of(&out).contains(", 3 warnings\n"));
}

#[test]
fn the_pages_workflow_builds_strictly() {
    let workflow =
        std::fs::read_to_string(Path::new(REPO).join(".github/workflows/pages.yml")).unwrap();
    let build = workflow
        .lines()
        .find(|l| l.contains("-- build"))
        .expect("the workflow builds the site");
    assert!(build.contains(" --strict"), "{build}");
}

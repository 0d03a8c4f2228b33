//! Incremental rebuilds (what `briefing serve` runs after an edit) must give exactly the site a
//! build from scratch gives: the quick update plus the indexes that follow it, applied to the
//! previous site, equal a fresh in-memory build of the edited seeds, byte for byte.

mod common;

use std::path::Path;

use briefing::config::{Config, Overrides, RawConfig};
use briefing::session::{Files, Session};
use common::*;

fn config(root: &Path, seeds: &Path) -> Config {
    Config::from_raw(
        RawConfig::default(),
        root.to_path_buf(),
        &Overrides {
            seeds: Some(seeds.to_path_buf()),
            out: Some(root.join("site")),
            base_url: Some("https://example.org/briefing/".into()),
            ..Overrides::default()
        },
    )
    .expect("config")
}

/// Applies a quick update and the indexes after it, as `serve` does.
fn apply(session: &mut Session, files: &mut Files) -> Vec<String> {
    let update = session.update().expect("update");
    for gone in &update.removed {
        files.remove(gone);
    }
    files.extend(update.written);
    files.extend(session.indexes().expect("indexes"));
    update.changed
}

fn assert_same_site(incremental: &Files, cfg: &Config, what: &str) {
    let (fresh, _) = briefing::build_in_memory(cfg).expect("fresh build");
    let differ: Vec<&String> = fresh
        .keys()
        .chain(incremental.keys())
        .filter(|k| fresh.get(*k) != incremental.get(*k))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(
        differ.is_empty(),
        "after {what}, {} file(s) differ from a fresh build: {:?}",
        differ.len(),
        differ.iter().take(12).collect::<Vec<_>>()
    );
}

fn edit(path: &Path, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).expect("read seed");
    std::fs::write(path, f(text)).expect("write seed");
}

#[test]
fn quick_updates_give_the_same_site_as_a_fresh_build() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let Some((seeds, _)) = gen_corpus(120, &tmp.path().join("corpus")) else {
        return;
    };
    // Enough short documents about Kenya for its country page to run to two pages.
    for i in 0..60 {
        write_seed(
            &seeds,
            &format!("kenya/{i:02}.md"),
            &format!(
                "+++\ntitle = \"Kenya note {i}\"\ndate = 2024-01-{:02}\n+++\n\nKenya's cabinet met on day {i}.\n",
                i % 28 + 1
            ),
        );
    }
    let cfg = config(tmp.path(), &seeds);
    let mut session = Session::new(cfg.clone());
    let (mut files, _) = session.build_all().expect("first build");
    assert!(
        files.contains_key("countries/kenya-page-2.html"),
        "Kenya's page has two pages"
    );
    assert_same_site(&files, &cfg, "the first build");
    let mut sorted: Vec<std::path::PathBuf> = std::fs::read_dir(&seeds)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    sorted.sort();

    // A new title: a new slug, so a page goes away and another appears.
    edit(&sorted[3], |t| {
        t.replacen("title = \"", "title = \"Revised: ", 1)
    });
    let changed = apply(&mut session, &mut files);
    assert_eq!(changed.len(), 1, "one document re-read: {changed:?}");
    assert_same_site(&files, &cfg, "a title edit");

    // An older date moves the document down the lists.
    edit(&sorted[0], |t| {
        let start = t.find("date = ").expect("date");
        let end = start + t[start..].find('\n').expect("eol");
        format!("{}date = 2001-01-01{}", &t[..start], &t[end..])
    });
    apply(&mut session, &mut files);
    assert_same_site(&files, &cfg, "a date edit");

    // Prose that names a new pair of countries and an agreement between them.
    edit(&sorted[10], |t| {
        t + "\nKenya and Ghana signed a memorandum of understanding on fisheries in Accra on Monday.\n"
    });
    apply(&mut session, &mut files);
    assert_same_site(&files, &cfg, "a new agreement in prose");

    // Edits that leave the agreements as they were, and one that rewords their sentences.
    for i in [20, 30] {
        edit(&sorted[i], |t| t + "\nA line that changes no agreement.\n");
    }
    // As serve does: the watcher names the files, so the seeds folder is not walked.
    session.hint_changed(vec![sorted[20].clone(), sorted[30].clone()]);
    let changed = apply(&mut session, &mut files);
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert_same_site(&files, &cfg, "edits elsewhere in documents with agreements");
    for i in [20, 40] {
        edit(&sorted[i], |t| t.replace(" said ", " stated "));
    }
    apply(&mut session, &mut files);
    assert_same_site(&files, &cfg, "reworded sentences");

    // One of Kenya's notes moves from its second page to the top of the first.
    edit(&seeds.join("kenya/03.md"), |t| {
        t.replace("date = 2024-01-04", "date = 2026-06-01")
    });
    apply(&mut session, &mut files);
    assert_same_site(&files, &cfg, "a move across a country's pages");

    // A document removed, and a new one added.
    std::fs::remove_file(&sorted[5]).expect("remove");
    write_seed(
        &seeds,
        "zz-new.md",
        "+++\ntitle = \"Iceland and Chile explore geothermal ties\"\ndate = 2026-01-02\n+++\n\nIceland and Chile held talks on geothermal energy cooperation in Reykjavik.\n",
    );
    let changed = apply(&mut session, &mut files);
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert_same_site(&files, &cfg, "a removal and an addition");

    // Nothing changed: nothing re-read.
    let update = session.update().expect("update");
    assert!(update.changed.is_empty(), "{:?}", update.changed);
}

#[test]
fn a_broken_edit_is_an_error_naming_the_file_and_the_session_recovers() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let seeds = tmp.path().join("seeds");
    write_seed(
        &seeds,
        "a.md",
        "+++\ntitle = \"Kenya and Ghana agree\"\n+++\n\nKenya and Ghana signed a trade agreement.\n",
    );
    let cfg = config(tmp.path(), &seeds);
    let mut session = Session::new(cfg.clone());
    let (mut files, _) = session.build_all().expect("first build");
    std::fs::write(
        seeds.join("a.md"),
        "+++\ntitle = = \"oops\"\n+++\n\nText.\n",
    )
    .unwrap();
    let err = session
        .update()
        .expect_err("broken front matter fails")
        .to_string();
    assert!(err.contains("a.md") && err.contains(":2:"), "{err}");
    std::fs::write(
        seeds.join("a.md"),
        "+++\ntitle = \"Kenya and Ghana agree again\"\n+++\n\nKenya and Ghana signed a trade agreement.\n",
    )
    .unwrap();
    apply(&mut session, &mut files);
    assert!(files.contains_key("documents/kenya-and-ghana-agree-again.html"));
    assert_same_site(&files, &cfg, "recovering from a broken edit");
}

/// A PNG of `w`×`h` pixels.
fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().expect("png header");
    writer
        .write_image_data(&vec![40; (w * h * 3) as usize])
        .expect("png data");
    writer.finish().expect("png");
    out
}

#[test]
fn linked_files_and_links_between_documents_follow_quick_updates() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let seeds = tmp.path().join("seeds");
    write_seed(
        &seeds,
        "a.md",
        "+++\ntitle = \"Kenya and Ghana talk\"\n+++\n\nKenya and Ghana held talks on trade.\n",
    );
    write_seed(
        &seeds,
        "notes/b.md",
        "+++\ntitle = \"Ghana notes\"\n+++\n\nGhana's ministers met.\n\n## Outcome\n\nThey agreed.\n",
    );
    std::fs::create_dir_all(seeds.join("img")).unwrap();
    std::fs::write(seeds.join("img/map.png"), png(8, 6)).unwrap();
    let cfg = config(tmp.path(), &seeds);
    let mut session = Session::new(cfg.clone());
    let (mut files, _) = session.build_all().expect("first build");
    assert!(
        !files.contains_key("files/img/map.png"),
        "no document links it yet"
    );
    assert_same_site(&files, &cfg, "the first build");

    // A document starts embedding the image and linking the other document.
    edit(&seeds.join("a.md"), |t| {
        t + "\n![Map of Kenya](img/map.png)\n\nSee [the notes](notes/b.md#outcome).\n"
    });
    apply(&mut session, &mut files);
    assert!(files.contains_key("files/img/map.png"));
    assert_same_site(&files, &cfg, "a link to an image and a document added");

    // The linked document is retitled: its page moves, and the link follows it.
    edit(&seeds.join("notes/b.md"), |t| {
        t.replace("Ghana notes", "Ghana minutes")
    });
    apply(&mut session, &mut files);
    assert_same_site(&files, &cfg, "the linked document retitled");

    // The image is replaced by a larger one: copied again, with its new size on the page.
    std::fs::write(seeds.join("img/map.png"), png(12, 9)).unwrap();
    apply(&mut session, &mut files);
    assert_same_site(&files, &cfg, "the image replaced");

    // The link to the image goes: so does its copy.
    edit(&seeds.join("a.md"), |t| {
        t.replace("![Map of Kenya](img/map.png)", "")
    });
    apply(&mut session, &mut files);
    assert!(!files.contains_key("files/img/map.png"));
    assert_same_site(&files, &cfg, "the image no longer linked");
}

use super::cache::is_card_png;
use super::*;
use std::sync::atomic::Ordering;

const MARGIN: f32 = 40.0;

fn card(kind: CardKind, title: &str) -> Card {
    Card {
        kind,
        title: title.to_owned(),
        status: None,
        parties: Vec::new(),
        site_name: "Sahel Briefing".to_owned(),
        subtitle: None,
    }
}

fn agreement() -> Card {
    Card {
        status: Some("signed".to_owned()),
        parties: vec!["Niger".to_owned(), "Türkiye".to_owned()],
        subtitle: Some("Defence cooperation, signed in Niamey on 12 March 2024".to_owned()),
        ..card(
            CardKind::Agreement,
            "Niger–Türkiye defence cooperation agreement",
        )
    }
}

fn long_title() -> String {
    let words = "the framework agreement on economic, scientific and technical cooperation between";
    let mut title = String::new();
    while title.chars().count() < 300 {
        title.push_str(words);
        title.push(' ');
    }
    title.chars().take(300).collect()
}

fn twelve_parties() -> Vec<String> {
    [
        "Democratic Republic of the Congo",
        "Central African Republic",
        "Niger",
        "Türkiye",
        "Saint Vincent and the Grenadines",
        "Bosnia and Herzegovina",
        "Việt Nam",
        "Poland",
        "Côte d'Ivoire",
        "São Tomé and Príncipe",
        "United Arab Emirates",
        "Papua New Guinea",
    ]
    .map(str::to_owned)
    .to_vec()
}

/// Every box inside the card with the margin, and no two boxes overlapping.
fn assert_fits(drawn: &Drawn) {
    assert_boxes_fit(&drawn.boxes);
}

fn assert_boxes_fit(boxes: &[TextBox]) {
    let (w, h) = (WIDTH as f32, HEIGHT as f32);
    for b in boxes {
        assert!(!b.text.is_empty(), "an empty line was drawn: {b:?}");
        assert!(
            b.x >= MARGIN && b.y >= MARGIN,
            "too close to the top/left: {b:?}"
        );
        assert!(b.x + b.w <= w - MARGIN, "overflows on the right: {b:?}");
        assert!(b.y + b.h <= h - MARGIN, "overflows at the bottom: {b:?}");
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let apart =
                a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
            assert!(apart, "boxes overlap: {a:?} and {b:?}");
        }
    }
}

/// The image as 8-bit RGB.
fn decode(png_bytes: &[u8]) -> (png::OutputInfo, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    // Palette indices to RGB.
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("PNG header");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut pixels).expect("PNG data");
    (info, pixels)
}

#[test]
fn png_is_1200_by_630() {
    let drawn = draw(&agreement()).unwrap();
    assert_eq!(&drawn.png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&drawn.png[12..16], b"IHDR");
    assert_eq!(
        u32::from_be_bytes(drawn.png[16..20].try_into().unwrap()),
        WIDTH
    );
    assert_eq!(
        u32::from_be_bytes(drawn.png[20..24].try_into().unwrap()),
        HEIGHT
    );
    let (info, _) = decode(&drawn.png);
    assert_eq!((info.width, info.height), (WIDTH, HEIGHT));
    assert!(is_card_png(&drawn.png));
}

#[test]
fn a_300_character_title_is_cut_with_an_ellipsis_inside_the_card() {
    let c = Card {
        title: long_title(),
        subtitle: Some(long_title()),
        parties: twelve_parties(),
        status: Some("discussed".to_owned()),
        ..agreement()
    };
    let drawn = draw(&c).unwrap();
    assert_fits(&drawn);
    let title: Vec<_> = drawn.boxes.iter().filter(|b| b.h > 60.0).collect();
    assert!((2..=3).contains(&title.len()), "{title:?}");
    assert!(title.last().unwrap().text.ends_with('…'), "{title:?}");
}

#[test]
fn an_over_long_word_is_broken_and_cut() {
    let word: String = "Wojewódzkiego".repeat(25);
    for c in [
        card(CardKind::Country, &word),
        card(CardKind::Site, &format!("A {word} B")),
    ] {
        let drawn = draw(&c).unwrap();
        assert_fits(&drawn);
        assert!(drawn.boxes.last().unwrap().text.ends_with('…'));
    }
}

#[test]
fn an_over_long_compound_breaks_after_a_dash() {
    let title = "Kenya–Ghana–Uganda–Rwanda–Tanzania–Ethiopia–Nigeria–Senegal–Cameroon–Zambia";
    let drawn = draw(&card(CardKind::Agreement, title)).unwrap();
    assert_fits(&drawn);
    let lines: Vec<&str> = drawn
        .boxes
        .iter()
        .filter(|b| b.h > 60.0)
        .map(|b| b.text.as_str())
        .collect();
    assert!(lines.len() >= 2, "{lines:?}");
    assert!(lines[0].ends_with('–'), "{lines:?}");
    assert_eq!(lines.concat(), title);
}

#[test]
fn twelve_parties_stay_inside_the_card() {
    let c = Card {
        parties: twelve_parties(),
        ..agreement()
    };
    let drawn = draw(&c).unwrap();
    assert_fits(&drawn);
    let parties: Vec<_> = drawn
        .boxes
        .iter()
        .filter(|b| b.text.contains(" · "))
        .collect();
    assert!((1..=2).contains(&parties.len()), "{:?}", drawn.boxes);
    assert!(
        parties[0]
            .text
            .starts_with("Democratic Republic of the Congo · ")
    );
    let last = &parties.last().unwrap().text;
    assert!(last.ends_with(" more"), "{last}");
}

#[test]
fn few_parties_are_all_named() {
    let drawn = draw(&agreement()).unwrap();
    assert_fits(&drawn);
    assert!(drawn.boxes.iter().any(|b| b.text == "Niger · Türkiye"));
    assert!(drawn.boxes.iter().any(|b| b.text == "Signed"));
    assert!(drawn.boxes.iter().any(|b| b.text == "AGREEMENT"));
    assert!(drawn.boxes.iter().any(|b| b.text == "Sahel Briefing"));
}

#[test]
fn fonts_cover_turkish_vietnamese_and_polish() {
    let text = "Türkiye Ğ ş ı İ Việt Nam ư ơ ậ Łódź ą ę ż";
    assert!(
        missing_glyphs(text).is_empty(),
        "{:?}",
        missing_glyphs(text)
    );
    let more = "ğüşöçİ ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ ĄĆĘŁŃÓŚŹŻ ș ț … · – —";
    assert!(
        missing_glyphs(more).is_empty(),
        "{:?}",
        missing_glyphs(more)
    );
    assert_eq!(missing_glyphs("Beijing 北京 北"), vec!['北', '京']);
    let drawn = draw(&card(CardKind::Country, text)).unwrap();
    assert_fits(&drawn);
    let drawn_text: String = drawn.boxes.iter().map(|b| b.text.as_str()).collect();
    assert!(drawn_text.contains("Việt Nam ư ơ ậ"), "{drawn_text}");
}

#[test]
fn missing_letters_are_spelled_in_ascii_and_decomposed_text_is_composed() {
    let drawn = draw(&card(
        CardKind::Country,
        "北京 and Vie\u{0302}\u{0323}t Nam",
    ))
    .unwrap();
    let title = &drawn.boxes.iter().find(|b| b.h > 60.0).unwrap().text;
    assert_eq!(title, "Bei Jing and Việt Nam");
}

#[test]
fn the_status_pill_has_the_status_colour() {
    for (status, rgb) in [
        ("signed", [21, 128, 61]),
        ("planned", [180, 83, 9]),
        ("discussed", [37, 99, 235]),
    ] {
        let c = Card {
            status: Some(status.to_owned()),
            ..agreement()
        };
        let drawn = draw(&c).unwrap();
        let label = drawn
            .boxes
            .iter()
            .find(|b| b.text.eq_ignore_ascii_case(status))
            .unwrap();
        // Inside the pill's left padding, clear of the glyphs.
        let (x, y) = ((label.x - 6.0) as usize, (label.y + label.h / 2.0) as usize);
        let (_, pixels) = decode(&drawn.png);
        let at = (y * WIDTH as usize + x) * 3;
        assert_eq!(pixels[at..at + 3], rgb, "{status}");
    }
}

#[test]
fn empty_and_minimal_cards_draw() {
    let mut c = card(CardKind::Site, "");
    c.site_name.clear();
    c.status = Some("  ".to_owned());
    c.subtitle = Some(String::new());
    c.parties = vec![String::new(), " ".to_owned()];
    let drawn = draw(&c).unwrap();
    assert_fits(&drawn);
    assert_eq!(
        drawn.boxes.len(),
        1,
        "only the kind label: {:?}",
        drawn.boxes
    );
}

#[test]
fn drawing_is_deterministic() {
    let c = Card {
        title: long_title(),
        parties: twelve_parties(),
        ..agreement()
    };
    assert_eq!(draw(&c).unwrap().png, draw(&c).unwrap().png);
    assert_eq!(key(&c), key(&c.clone()));
}

/// Caches (glyph bitmaps, measured text) must not change a card: drawn first on a fresh
/// thread or after many others, it is the same bytes.
#[test]
fn a_card_is_the_same_whatever_was_drawn_before_it() {
    let c = Card {
        parties: twelve_parties(),
        ..agreement()
    };
    let alone = std::thread::spawn({
        let c = c.clone();
        move || draw(&c).unwrap().png
    });
    let others = [
        card(CardKind::Country, "Türkiye"),
        card(CardKind::Site, &long_title()),
        Card {
            title: "Niger–Türkiye defence cooperation".to_owned(),
            subtitle: Some("Signed in Niamey".to_owned()),
            ..agreement()
        },
    ];
    let after = std::thread::spawn(move || {
        for other in &others {
            draw(other).unwrap();
        }
        draw(&c).unwrap().png
    });
    assert!(alone.join().unwrap() == after.join().unwrap());
}

/// The rasteriser sums coverage along its whole buffer, so an edge that strayed outside a
/// glyph's box would shade everything after it (a glyph drawn as a solid block): every
/// glyph, at the smallest and largest size of each weight and every sub-pixel offset, leaves
/// the blank columns either side of its box blank.
#[test]
fn every_glyph_stays_inside_its_box() {
    use super::glyphs::{STEPS, rasterise};
    use super::text::{Style, Weight, glyph_count};
    let mut raster = ab_glyph_rasterizer::Rasterizer::new(0, 0);
    let steps = STEPS as u8;
    for (weight, sizes) in [
        (Weight::Regular, [26.0, 30.0]),
        (Weight::Bold, [22.0, 72.0]),
    ] {
        for size in sizes {
            let style = Style { weight, size };
            for id in 0..glyph_count(weight) {
                for offset in (0..steps * steps).map(|o| (o % steps, o / steps)) {
                    let id = rustybuzz::ttf_parser::GlyphId(id);
                    let bitmap = rasterise(style, id, offset, &mut raster);
                    let blank = bitmap
                        .rows()
                        .all(|row| row[0] == 0 && row[row.len() - 1] == 0);
                    assert!(blank, "glyph {id:?} at {size} px, offset {offset:?}");
                }
            }
        }
    }
}

#[test]
fn the_key_covers_every_field() {
    let base = agreement();
    let k = key(&base);
    assert_eq!(k.len(), 40);
    assert!(k.bytes().all(|b| b.is_ascii_hexdigit()));
    let variants = [
        Card {
            kind: CardKind::Country,
            ..base.clone()
        },
        Card {
            title: "Other".to_owned(),
            ..base.clone()
        },
        Card {
            status: None,
            ..base.clone()
        },
        Card {
            status: Some("planned".to_owned()),
            ..base.clone()
        },
        Card {
            parties: vec!["Niger".to_owned()],
            ..base.clone()
        },
        Card {
            parties: vec!["NigerTürkiye".to_owned()],
            ..base.clone()
        },
        Card {
            site_name: "Other".to_owned(),
            ..base.clone()
        },
        Card {
            subtitle: None,
            ..base.clone()
        },
    ];
    for v in variants {
        assert_ne!(key(&v), k, "{v:?}");
    }
}

#[test]
fn the_cache_hits_redraws_changes_and_repairs_corrupt_entries() {
    let dir = tempfile::tempdir().unwrap();
    let cache = CardCache::open(dir.path()).unwrap();
    let c = agreement();
    let first = cache.get_or_draw(&c).unwrap();
    assert_eq!(
        (
            cache.hits.load(Ordering::Relaxed),
            cache.draws.load(Ordering::Relaxed)
        ),
        (0, 1)
    );
    assert_eq!(cache.get_or_draw(&c).unwrap(), first);
    assert_eq!(
        (
            cache.hits.load(Ordering::Relaxed),
            cache.draws.load(Ordering::Relaxed)
        ),
        (1, 1)
    );

    let changed = Card {
        title: "Another title".to_owned(),
        ..c.clone()
    };
    assert_ne!(cache.get_or_draw(&changed).unwrap(), first);
    assert_eq!(cache.draws.load(Ordering::Relaxed), 2);

    let path = cache.path(&c);
    std::fs::write(&path, &first[..first.len() / 2]).unwrap();
    assert_eq!(cache.get_or_draw(&c).unwrap(), first);
    assert_eq!(cache.draws.load(Ordering::Relaxed), 3);
    let mut flipped = first.clone();
    flipped[first.len() / 2] ^= 0x40;
    std::fs::write(&path, &flipped).unwrap();
    assert_eq!(cache.get_or_draw(&c).unwrap(), first);
    assert_eq!(cache.draws.load(Ordering::Relaxed), 4);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        first,
        "the corrupt entry was replaced"
    );
    let (hits, draws) = (
        cache.hits.load(Ordering::Relaxed),
        cache.draws.load(Ordering::Relaxed),
    );
    assert_eq!((hits, draws), (1, 4));
}

#[test]
fn the_cache_serves_many_threads_at_once() {
    use rayon::prelude::*;
    let dir = tempfile::tempdir().unwrap();
    let cache = CardCache::open(dir.path()).unwrap();
    let cards: Vec<Card> = (0..4)
        .map(|i| Card {
            title: format!("Agreement number {i}"),
            ..agreement()
        })
        .collect();
    // Every card asked for by several threads at once, twice over.
    let jobs: Vec<&Card> = cards.iter().cycle().take(24).collect();
    let pngs: Vec<Vec<u8>> = jobs
        .par_iter()
        .map(|c| cache.get_or_draw(c).unwrap())
        .collect();
    let expected: Vec<Vec<u8>> = cards.iter().map(|c| draw(c).unwrap().png).collect();
    for (i, png) in pngs.iter().enumerate() {
        assert!(png == &expected[i % cards.len()], "job {i}");
    }
    let (hits, draws) = (
        cache.hits.load(Ordering::Relaxed),
        cache.draws.load(Ordering::Relaxed),
    );
    assert_eq!(hits + draws, 24);
    assert!(draws >= 4);
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(files.len(), 4, "no temporary file is left behind");
}

#[test]
fn a_png_check_rejects_what_is_not_a_whole_card() {
    let png = draw(&agreement()).unwrap().png;
    assert!(is_card_png(&png));
    assert!(!is_card_png(&png[..png.len() - 1]));
    assert!(!is_card_png(b""));
    assert!(!is_card_png(b"\x89PNG\r\n\x1a\n"));
    let mut extra = png.clone();
    extra.push(0);
    assert!(!is_card_png(&extra));
}

#[test]
fn a_card_of_many_colours_falls_back_to_rgb() {
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).unwrap();
    for (i, px) in pixmap.data_mut().chunks_exact_mut(4).enumerate() {
        px.copy_from_slice(&[(i % 251) as u8, (i % 13) as u8, 7, 255]);
    }
    let png = super::encode::encode(&pixmap, &mut Default::default()).unwrap();
    assert!(is_card_png(&png));
    assert_eq!(png[25], 2, "colour type RGB");
    let (_, rgb) = decode(&png);
    let expected: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    assert!(rgb == expected, "lossless");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]

    /// Any text at all (scripts the font lacks, marks, symbols, odd spaces) stays inside. The
    /// layout alone decides that, and is fast enough for many cases in a debug build.
    #[test]
    fn any_text_stays_inside_the_card(
        title in "\\PC{0,400}",
        subtitle in "\\PC{0,200}",
        site in "\\PC{0,80}",
        status in "\\PC{0,30}",
        parties in proptest::collection::vec("\\PC{0,40}", 0..20),
    ) {
        let c = Card {
            kind: CardKind::Agreement,
            title,
            status: Some(status),
            parties,
            site_name: site,
            subtitle: Some(subtitle),
        };
        assert_boxes_fit(&super::layout::plan(&c).boxes());
    }
}

//! Link-preview card drawing: ms per card on one core, PNG size, and a cold then warm
//! 2,100-card cache pass on all cores (the size of a large site's build). Run with
//! `cargo bench --bench cards`.
//!
//! `CARDS_N` sets the single-core sample (default 300) and `CARDS_ROUNDS` how many such
//! samples, all different, are drawn (default 3; the quickest is reported); `CARDS_CACHE=0`
//! skips the cache passes. `CARDS_SAMPLES=DIR` also writes a few representative cards to DIR to look at
//! (`CARDS_SAMPLES_N` of them, default 6: set it higher to compare two renderer versions
//! pixel by pixel).

use std::path::Path;
use std::time::Instant;

use briefing::render::cards::{self, Card, CardCache, CardKind};
use rayon::prelude::*;

const WORDS: &[&str] = &[
    "agreement",
    "on",
    "defence",
    "cooperation",
    "between",
    "Niger",
    "and",
    "Türkiye",
    "memorandum",
    "of",
    "understanding",
    "Việt",
    "Nam",
    "trade",
    "Łódź",
    "framework",
    "economic",
    "scientific",
    "technical",
    "energy",
    "the",
    "for",
    "investment",
    "Côte",
    "d'Ivoire",
    "partnership",
    "strategic",
    "İstanbul",
    "declaration",
    "joint",
];
const COUNTRIES: &[&str] = &[
    "Niger",
    "Türkiye",
    "Việt Nam",
    "Poland",
    "Democratic Republic of the Congo",
    "Ghana",
    "Côte d'Ivoire",
    "United Arab Emirates",
    "Saint Vincent and the Grenadines",
    "Chad",
    "São Tomé and Príncipe",
    "Kenya",
    "Indonesia",
    "European Union",
];

/// A deterministic mix of cards: short and long titles, zero to twelve parties, every status.
fn sample(n: usize) -> Vec<Card> {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    (0..n)
        .map(|i| {
            let words = 3 + next(30);
            let title: Vec<&str> = (0..words).map(|_| WORDS[next(WORDS.len())]).collect();
            let count = next(13);
            let parties: Vec<String> = (0..count)
                .map(|_| COUNTRIES[next(COUNTRIES.len())].to_owned())
                .collect();
            let kind = [CardKind::Agreement, CardKind::Country, CardKind::Site][i % 3];
            let status = ["signed", "planned", "discussed", ""][next(4)];
            Card {
                kind,
                title: format!("{} {i}", title.join(" ")),
                status: (kind == CardKind::Agreement && !status.is_empty())
                    .then(|| status.to_owned()),
                parties,
                site_name: "Sahel and Anatolia Briefing".to_owned(),
                subtitle: (i % 2 == 0).then(|| "Mentioned in 14 documents since 2023".to_owned()),
            }
        })
        .collect()
}

/// The best of `rounds` passes, each over `n` cards of its own: a build draws every card
/// once, so a pass must not find text that an earlier pass measured. Other work on a shared
/// machine only ever adds time, so the quickest pass is the steadiest figure.
fn single_core(cards: &[Card], n: usize, rounds: usize) {
    let _ = cards::draw(&cards[cards.len() - 1]); // loads the fonts
    let mut ms = f64::INFINITY;
    let mut sizes: Vec<usize> = Vec::new();
    let mut palette = 0;
    for pass in cards.chunks(n.max(1)).take(rounds.max(1)) {
        let start = Instant::now();
        let pngs: Vec<Vec<u8>> = pass
            .iter()
            .map(|c| cards::draw(c).expect("draw").png)
            .collect();
        ms = ms.min(start.elapsed().as_secs_f64() * 1e3 / pass.len() as f64);
        sizes.extend(pngs.iter().map(Vec::len));
        // Colour type 3 in the IHDR: a palette image; the others fell back to RGB.
        palette += pngs.iter().filter(|p| p[25] == 3).count();
    }
    let mean = sizes.iter().sum::<usize>() / sizes.len();
    let max = sizes.iter().max().copied().unwrap_or(0);
    println!(
        "cards, one core: {ms:.2} ms/card (best of {rounds} passes of {n} cards); PNG mean \
         {:.1} KB, max {:.1} KB, {palette} of {} with a palette",
        mean as f64 / 1e3,
        max as f64 / 1e3,
        sizes.len(),
    );
}

fn cache_passes(cards: &[Card], dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    let cache = CardCache::open(dir).expect("cache folder");
    for pass in ["cold", "warm"] {
        let start = Instant::now();
        cards.par_iter().for_each(|c| {
            cache.get_or_draw(c).expect("card");
        });
        println!(
            "cards, {pass} cache, {} threads: {} cards in {:.2} s",
            rayon::current_num_threads(),
            cards.len(),
            start.elapsed().as_secs_f64()
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

fn write_samples(dir: &Path, cards: &[Card]) {
    std::fs::create_dir_all(dir).expect("samples folder");
    for (i, c) in cards.iter().enumerate() {
        let png = cards::draw(c).expect("draw").png;
        std::fs::write(dir.join(format!("card-{i}.png")), png).expect("write sample");
    }
}

/// Cards in each cache pass.
const CACHE_PASS: usize = 2100;

fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

fn main() {
    let n = env_usize("CARDS_N").unwrap_or(300).max(1);
    let rounds = env_usize("CARDS_ROUNDS").unwrap_or(3).max(1);
    let cards = sample(CACHE_PASS.max(n * rounds));
    single_core(&cards, n, rounds);
    if env_usize("CARDS_CACHE") != Some(0) {
        let root = env!("CARGO_MANIFEST_DIR");
        let dir = Path::new(root).join("target/bench-cards-cache");
        cache_passes(&cards[..CACHE_PASS], &dir);
    }
    if let Ok(dir) = std::env::var("CARDS_SAMPLES") {
        let samples = env_usize("CARDS_SAMPLES_N").unwrap_or(6);
        write_samples(Path::new(&dir), &cards[..samples.min(cards.len())]);
    }
}

//! The embedded world outlines (`assets/map/world-110m.tsv`, made by `tools/map/gen.py`):
//! one row per gazetteer country with its anchor point, whether it is drawn as a dot, and its
//! outline as SVG path data in the asset's viewBox.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::gazetteer::{CountryCode, Gazetteer};

const DATA: &str = include_str!("../../../assets/map/world-110m.tsv");

// Every page with a map carries the outlines, so the asset must stay small (it is ~54 KB).
const _: () = assert!(
    DATA.len() < 80 * 1024,
    "assets/map/world-110m.tsv is over 80 KB"
);

/// The asset, parsed on first use.
pub(super) static WORLD: LazyLock<World> = LazyLock::new(|| World::parse(DATA));

/// One country's geometry.
#[derive(Debug)]
pub(super) struct Shape {
    /// Where pair lines end and dots sit, in viewBox units.
    pub anchor: (f64, f64),
    /// Too small to see (or no outline at all): drawn with a dot.
    pub dot: bool,
    /// Relative SVG path data; empty when the country has no outline at 1:110m.
    pub path: &'static str,
}

/// Every country the asset knows, and the size of its viewBox.
#[derive(Debug)]
pub(super) struct World {
    /// viewBox width.
    pub width: u32,
    /// viewBox height (of the map alone).
    pub height: u32,
    shapes: HashMap<CountryCode, Shape>,
}

impl World {
    /// The generated asset is checked by tests; a malformed one is a build bug, so this panics.
    fn parse(data: &'static str) -> World {
        let mut world = World {
            width: 0,
            height: 0,
            shapes: HashMap::new(),
        };
        for line in data.lines() {
            let cols: Vec<&'static str> = line.split('\t').collect();
            match cols.as_slice() {
                ["# viewBox", _, _, w, h] => {
                    world.width = w.parse().expect("viewBox width");
                    world.height = h.parse().expect("viewBox height");
                }
                [code, x, y, dot, path] if *code != "code" && !code.starts_with('#') => {
                    let code = Gazetteer::global()
                        .lookup(code)
                        .filter(|c| c.as_str() == *code)
                        .unwrap_or_else(|| panic!("map asset: unknown country {code}"));
                    let anchor = (x.parse().expect("anchor x"), y.parse().expect("anchor y"));
                    let dot = *dot == "1";
                    world.shapes.insert(code, Shape { anchor, dot, path });
                }
                _ => {}
            }
        }
        assert!(world.width > 0 && world.height > 0, "map asset: no viewBox");
        world
    }

    /// The shape of a country, if the map can show it (Antarctica is not on the map).
    pub fn get(&self, code: CountryCode) -> Option<&Shape> {
        self.shapes.get(&code)
    }

    /// Every country with an outline, sorted by code: the base map.
    pub fn outlines(&self) -> Vec<(CountryCode, &Shape)> {
        let mut v: Vec<_> = self
            .shapes
            .iter()
            .filter(|(_, s)| !s.path.is_empty())
            .map(|(c, s)| (*c, s))
            .collect();
        v.sort_by_key(|(c, _)| *c);
        v
    }
}

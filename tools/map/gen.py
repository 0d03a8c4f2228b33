#!/usr/bin/env python3
"""Generate assets/map/world-110m.tsv (the partnership map's outlines) from world-atlas.

Usage (from the repository root):

    (cd tools/map && npm install --no-save world-atlas@2.0.2 world-countries@5.1.0)
    python3 tools/map/gen.py            # writes assets/map/world-110m.tsv
    python3 tools/map/gen.py --check    # exit 1 if the asset is stale
    python3 tools/map/gen.py --explain  # also report anchors and dropped rings on stderr

Inputs (node_modules/ is git-ignored):
    tools/map/node_modules/world-atlas/countries-110m.json
        Natural Earth 1:110m admin-0 countries as TopoJSON (world-atlas 2.0.2, ISC;
        Natural Earth is public domain). Feature ids are ISO 3166-1 numeric codes.
    tools/map/node_modules/world-countries/countries.json
        world-countries 5.1.0 (ODbL-1.0), only for its numeric -> alpha-2 table
        (`ccn3` -> `cca2`), the same package version the gazetteer is built from.
    data/countries.json
        the gazetteer: every country's lat/lng, for its anchor point and for dots.

Standard library only (Python 3.11+).  The output is deterministic.

What it does:
  * projects everything with Equal Earth (Šavrič, Patterson & Jenny 2018), an equal-area
    projection, so that shading by country reads fairly, into a viewBox 1000 wide;
    Antarctica is dropped and the map is cropped to 84°N..57°S;
  * simplifies each TopoJSON arc once (Douglas-Peucker, 0.35 units), so neighbouring
    countries still share exactly the same border points, rounds to one decimal and
    writes each country as a relative SVG path; rings smaller than 0.8 square units are
    dropped (they would be a speck), except a country's largest;
  * gives every gazetteer country except Antarctica an anchor (the projected gazetteer
    lat/lng, where the pair lines end) and marks as `dot` the ones with no outline at this
    scale or an outline under 15,000 km² (Singapore, Bahrain, Malta, Luxembourg, Qatar ...).

Output: a TSV with `#` comment lines, then the header `code x y dot path` and one row per
country sorted by code.  `path` is empty for countries with no outline.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ATLAS = "tools/map/node_modules/world-atlas/countries-110m.json"
COUNTRIES = "tools/map/node_modules/world-countries/countries.json"
GAZETTEER = "data/countries.json"
OUT = "assets/map/world-110m.tsv"
VERSIONS = {"world-atlas": "2.0.2", "world-countries": "5.1.0"}

WIDTH = 1000.0
LAT_TOP, LAT_BOTTOM = 84.0, -57.0
TOLERANCE = 0.35  # Douglas-Peucker tolerance, viewBox units
MIN_RING = 0.8  # smallest ring kept, square viewBox units
DOT_KM2 = 15_000.0  # outlines smaller than this also get a dot
EARTH_KM = 6371.0088  # mean radius

# Features the 110m file has without a numeric id, by their `name` property. Northern
# Cyprus and Somaliland are drawn as part of the state the gazetteer (and the UN) counts
# them in; Kosovo has its own gazetteer entry, XK.
BY_NAME = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}
DROP = {"AQ"}

# Equal Earth coefficients.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


class MapError(Exception):
    pass


def equal_earth(lng: float, lat: float) -> tuple[float, float]:
    """Unit-sphere Equal Earth: x east, y north."""
    lam, phi = math.radians(lng), math.radians(lat)
    t = math.asin(M * math.sin(phi))
    t2 = t * t
    t6 = t2 * t2 * t2
    x = lam * math.cos(t) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


SCALE = WIDTH / (2 * equal_earth(180.0, 0.0)[0])
Y_TOP = equal_earth(0.0, LAT_TOP)[1]
HEIGHT = math.ceil(SCALE * (Y_TOP - equal_earth(0.0, LAT_BOTTOM)[1]))


def project(lng: float, lat: float) -> tuple[float, float]:
    """Into the viewBox: x right, y down."""
    x, y = equal_earth(lng, lat)
    return WIDTH / 2 + SCALE * x, SCALE * (Y_TOP - y)


def decode_arcs(topo: dict) -> list[list[list[tuple[float, float]]]]:
    """Quantised, delta-encoded TopoJSON arcs -> projected polylines. world-atlas keeps
    geometry spherical, so a few arcs (Fiji, Chukotka, Wrangel Island) cross the
    antimeridian; each arc comes back cut there into pieces, one per side of the map."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        qx = qy = 0
        lonlat = []
        for dx, dy in arc:
            qx, qy = qx + dx, qy + dy
            lonlat.append((qx * sx + tx, qy * sy + ty))
        arcs.append([[project(*p) for p in piece] for piece in cut_antimeridian(lonlat)])
    return arcs


def cut_antimeridian(pts: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Splits a lon/lat polyline where it crosses ±180°, adding the crossing point to both
    pieces (at +180 on the piece to the east edge, -180 on the one to the west)."""
    pieces = [[pts[0]]]
    for (lon1, lat1), (lon2, lat2) in zip(pts, pts[1:]):
        if abs(lon2 - lon1) > 180:
            edge = math.copysign(180.0, lon1)
            lon2u = lon2 + 2 * edge  # lon2 unwrapped to lon1's side
            t = (edge - lon1) / (lon2u - lon1) if lon2u != lon1 else 0.0
            lat = lat1 + t * (lat2 - lat1)
            pieces[-1].append((edge, lat))
            pieces.append([(-edge, lat)])
        pieces[-1].append((lon2, lat2))
    return pieces


def seg_dist(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def douglas_peucker(pts: list, tol: float) -> list:
    """Keeps both ends; iterative, so long arcs cannot overflow the stack."""
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        best, at = -1.0, -1
        for k in range(i + 1, j):
            d = seg_dist(pts[k], pts[i], pts[j])
            if d > best:
                best, at = d, k
        if at >= 0 and best > tol:
            keep[at] = True
            stack += [(i, at), (at, j)]
    return [p for p, k in zip(pts, keep) if k]


def simplify(pts: list, tol: float) -> list:
    """A closed arc (an island) is split at its farthest point so both halves keep shape."""
    if len(pts) > 3 and pts[0] == pts[-1]:
        far = max(range(len(pts)), key=lambda k: math.dist(pts[0], pts[k]))
        return douglas_peucker(pts[: far + 1], tol)[:-1] + douglas_peucker(pts[far:], tol)
    return douglas_peucker(pts, tol)


def rnd(v: float) -> int:
    """Tenths of a unit, rounded half away from zero (Python's round() is banker's)."""
    return int(math.floor(v * 10 + 0.5))


def ring_points(ring: list[int], arcs: list) -> list[list[tuple[int, int]]]:
    """A TopoJSON ring as one or more closed point lists, in tenths: a ring that crosses
    the antimeridian becomes one per stretch on each side, each closed along the map edge."""
    pieces: list[list[tuple[float, float]]] = [[]]
    for a in ring:
        seq = arcs[a] if a >= 0 else [p[::-1] for p in arcs[~a][::-1]]
        for i, piece in enumerate(seq):
            if i > 0:
                pieces.append([])
            pieces[-1].extend(piece)
    if len(pieces) > 1:
        # The ring is cyclic: its last stretch continues into its first.
        pieces[0] = pieces.pop() + pieces[0]
    out = []
    for piece in pieces:
        pts: list[tuple[int, int]] = []
        for x, y in piece:
            q = (rnd(x), rnd(y))
            if not pts or pts[-1] != q:
                pts.append(q)
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        out.append(pts)
    return out


def area(pts) -> float:
    """Signed shoelace area, in square tenths."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1])) / 2


def num(t: int) -> str:
    """Tenths as the shortest decimal: 12 -> 1.2, -5 -> -.5, 30 -> 3."""
    sign, t = ("-" if t < 0 else ""), abs(t)
    whole, frac = divmod(t, 10)
    if frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{frac}"


def join_nums(vals: list[int]) -> str:
    """SVG number list: a separator only where the next number does not start with '-'
    or (after a number with a decimal point) with '.'."""
    out, prev = "", ""
    for v in vals:
        s = num(v)
        if prev and not (s[0] == "-" or (s[0] == "." and "." in prev)):
            out += " "
        out += s
        prev = s
    return out


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """Rings as `M x y l dx dy ... z`, each later ring moved to relative to the last start."""
    parts = []
    start = (0, 0)
    for i, pts in enumerate(rings):
        x0, y0 = pts[0]
        mv = [x0, y0] if i == 0 else [x0 - start[0], y0 - start[1]]
        deltas: list[int] = []
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            deltas += [bx - ax, by - ay]
        parts.append(("M" if i == 0 else "m") + join_nums(mv) + "l" + join_nums(deltas) + "z")
        start = (x0, y0)
    return "".join(parts)


def centroid(pts) -> tuple[int, int]:
    """Area centroid of one ring, in tenths."""
    a = area(pts)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        f = x0 * y1 - x1 * y0
        cx, cy = cx + (x0 + x1) * f, cy + (y0 + y1) * f
    return int(math.floor(cx / (6 * a) + 0.5)), int(math.floor(cy / (6 * a) + 0.5))


def inside(pt, rings) -> bool:
    """Even-odd point in polygon over all rings."""
    px, py = pt
    hit = False
    for pts in rings:
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            if (y0 > py) != (y1 > py) and px < x0 + (py - y0) * (x1 - x0) / (y1 - y0):
                hit = not hit
    return hit


def country_rings(topo, arcs, numeric, log) -> dict[str, list]:
    """Alpha-2 code -> rings (lists of points in tenths), largest first."""
    by_code: dict[str, list] = {}
    for g in topo["objects"]["countries"]["geometries"]:
        name = g.get("properties", {}).get("name", "?")
        code = numeric.get(g.get("id")) or BY_NAME.get(name)
        if code is None:
            raise MapError(f"feature {g.get('id')!r} ({name}) has no alpha-2 code")
        if code in DROP:
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        for poly in polys:
            for ring in poly:
                for pts in ring_points(ring, arcs):
                    if len(pts) >= 3:
                        by_code.setdefault(code, []).append(pts)
    for code, rings in by_code.items():
        rings.sort(key=lambda r: -abs(area(r)))
        kept = rings[:1] + [r for r in rings[1:] if abs(area(r)) >= MIN_RING * 100]
        if len(kept) < len(rings):
            log(f"{code}: dropped {len(rings) - len(kept)} tiny ring(s)")
        by_code[code] = kept
    return by_code


def row(c: dict, rings: list, log) -> str:
    """One country's line: anchor, dot flag, path."""
    code = c["code"]
    km2 = abs(sum(area(r) for r in rings)) * (EARTH_KM / SCALE) ** 2 / 100
    dot = not rings or km2 < DOT_KM2
    if dot and rings:
        log(f"{code}: {km2:,.0f} km², drawn with a dot too")
    x, y = project(c["lng"], c["lat"])
    anchor = (rnd(x), rnd(y))
    if rings and not dot and not inside(anchor, rings):
        # Lines should end on the country: take its largest ring's centroid instead
        # (an archipelago whose centroid falls in the sea keeps the gazetteer point).
        alt = centroid(rings[0])
        log(f"{code}: gazetteer point {c['lat']},{c['lng']} lies outside its outline;"
            f" centroid {'used' if inside(alt, rings) else 'outside too, not used'}")
        if inside(alt, rings):
            anchor = alt
    path = path_data(rings) if rings else ""
    return f"{code}\t{num(anchor[0])}\t{num(anchor[1])}\t{int(dot)}\t{path}"


def build(topo: dict, world: list, gazetteer: list, log) -> str:
    numeric = {c["ccn3"]: c["cca2"] for c in world if c.get("ccn3")}
    arcs = [[simplify(p, TOLERANCE) for p in a] for a in decode_arcs(topo)]
    outlines = country_rings(topo, arcs, numeric, log)
    known = {c["code"] for c in gazetteer}
    if stray := sorted(set(outlines) - known):
        raise MapError(f"outlines with no gazetteer entry: {', '.join(stray)}")
    rows = [row(c, outlines.get(c["code"], []), log)
            for c in sorted(gazetteer, key=lambda c: c["code"]) if c["code"] not in DROP]
    head = [
        "# Generated by tools/map/gen.py; do not edit. Natural Earth 1:110m admin-0 outlines"
        f" (public domain) via world-atlas {VERSIONS['world-atlas']} (ISC),",
        f"# Equal Earth projection, latitudes {LAT_TOP:g}..{LAT_BOTTOM:g}, Antarctica dropped;"
        " anchors from data/countries.json. See assets/map/README.md.",
        f"# viewBox\t0\t0\t{int(WIDTH)}\t{HEIGHT}",
        "code\tx\ty\tdot\tpath",
    ]
    return "\n".join(head + rows) + "\n"


def load(rel: str, package: str | None = None):
    path = Path(rel) if Path(rel).exists() else REPO / rel
    if not path.is_file():
        raise MapError(f"{rel} not found; run the npm install line in tools/map/gen.py")
    if package:
        pkg = path.parent / "package.json"
        version = json.loads(pkg.read_text(encoding="utf-8")).get("version")
        if version != VERSIONS[package]:
            raise MapError(f"{pkg}: {package} {version}, expected {VERSIONS[package]}")
    return json.loads(path.read_text(encoding="utf-8"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the asset is stale")
    ap.add_argument("--explain", action="store_true", help="report decisions on stderr")
    args = ap.parse_args()
    log = (lambda m: print(m, file=sys.stderr)) if args.explain else (lambda m: None)
    try:
        text = build(
            load(ATLAS, "world-atlas"),
            load(COUNTRIES, "world-countries"),
            load(GAZETTEER)["countries"],
            log,
        )
    except MapError as e:
        print(f"gen.py: error: {e}", file=sys.stderr)
        return 1
    out = REPO / OUT
    if args.check:
        if not out.is_file() or out.read_text(encoding="utf-8") != text:
            print(f"gen.py: {OUT} is stale; run python3 tools/map/gen.py", file=sys.stderr)
            return 1
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}: {len(text.encode()):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

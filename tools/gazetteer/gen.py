#!/usr/bin/env python3
"""Generate data/countries.json (the country gazetteer) from world-countries.

Usage (from the repository root):

    cd tools/gazetteer && npm install --no-save world-countries@5.1.0 && cd ../..
    python3 tools/gazetteer/gen.py [path/to/world-countries/countries.json]

Options:
    --overrides PATH   reviewed overrides (default tools/gazetteer/overrides.json)
    --out PATH         output file (default data/countries.json)

Relative input paths are tried from the current directory, then from the
repository root; a relative --out is always taken from the repository root.
    --check            do not write; exit 1 if the output file is not up to date
    --explain          print every automatic filtering decision to stderr

Standard library only (Python 3.11+).  The output is deterministic: the same
inputs always give byte-identical output.  The script exits non-zero, naming
the offending term and codes, if any name or demonym would map to more than
one country after the overrides are applied, or if an override is stale (it
refers to a code, name or collision that no longer exists in the source).

Country data from world-countries by Mohammed Le Doze, ODbL-1.0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SRC = "tools/gazetteer/node_modules/world-countries/countries.json"
DEFAULT_OVERRIDES = "tools/gazetteer/overrides.json"
DEFAULT_OUT = "data/countries.json"
EXPECTED_VERSION = "5.1.0"
SOURCE_LABEL = f"world-countries {EXPECTED_VERSION} (ODbL-1.0) + tools/gazetteer/overrides.json"

# Order of keys in each output country object.
KEY_ORDER = ("code", "name", "official", "region", "subregion", "lat", "lng",
             "names", "demonyms")

# Demonyms with these endings get an automatic English plural ("Kenyan" ->
# "Kenyans", "Icelander" -> "Icelanders", "Omani" -> "Omanis") unless listed in
# the overrides' "no_plural".  Other plurals ("Turks", "Filipinos") are added
# explicitly in the overrides.
PLURAL_ENDINGS = ("an", "er", "i")

# Regression checks run on every generation: term -> the only code it may map to.
SANITY = {
    "Niger": "NE", "Nigerien": "NE", "Nigeriens": "NE",
    "Nigeria": "NG", "Nigerian": "NG", "Nigerians": "NG",
    "Sudan": "SD", "Sudanese": "SD", "South Sudan": "SS", "South Sudanese": "SS",
    "Dominica": "DM", "Dominican Republic": "DO", "Dominican": "DO",
    "Guinea": "GN", "Guinean": "GN", "Guinea-Bissau": "GW", "Bissau-Guinean": "GW",
    "Equatorial Guinea": "GQ", "Papua New Guinea": "PG",
    "Türkiye": "TR", "Turkey": "TR", "Turkish": "TR",
    "DR Congo": "CD", "DRC": "CD", "Republic of the Congo": "CG",
    "Congo-Brazzaville": "CG", "Côte d'Ivoire": "CI", "Ivory Coast": "CI",
    "American": "US", "US": "US", "British": "GB", "UK": "GB", "Dutch": "NL",
    "French": "FR", "Indian": "IN", "Kosovo": "XK",
}
REQUIRED_CODES = {"XK"}


class GazetteerError(Exception):
    pass


def fail(msg: str) -> None:
    raise GazetteerError(msg)


def tidy(s: str) -> str:
    """Typographic clean-up applied to every output term."""
    s = s.replace("\u2019", "'").replace("\u02bc", "'")
    return " ".join(s.split())


def key(s: str) -> str:
    """Comparison key: accents stripped, case-folded, whitespace collapsed."""
    s = tidy(s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.casefold()


def is_latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def resolve_path(p: str) -> Path:
    path = Path(p)
    if path.is_absolute() or path.exists():
        return path
    return REPO / path


# --------------------------------------------------------------------------
# Automatic filtering of world-countries' names
# --------------------------------------------------------------------------

def auto_filter(term: str, country: dict) -> tuple[str | None, str]:
    """Return (kept term or None, reason) for a name taken from the source.

    Only names taken from world-countries (common, official, native English,
    altSpellings) are filtered here; the display name and names added by the
    overrides are never filtered.
    """
    t = tidy(term)
    if re.fullmatch(r"[A-Z]{2}", t):
        return None, "ISO-style 2-letter code"
    if not is_latin(t):
        return None, "non-Latin script"
    if "," in t:
        return None, "inverted ISO list form (contains a comma)"
    if "(" in t or ")" in t:
        return None, "parenthetical qualifier"
    if t.startswith(("The ", "the ")):
        t = t[4:]
    if not t or not t[0].isupper():
        return None, "does not start with a capital letter"
    eng = country["name"]["native"].get("eng", {})
    english = {key(country["name"]["common"]), key(country["name"]["official"]),
               key(eng.get("common", "")), key(eng.get("official", ""))}
    if key(t) not in english:
        for lang, nat in country["name"]["native"].items():
            if lang == "eng":
                continue
            if key(t) in (key(nat["common"]), key(nat["official"])):
                return None, f"native name ({lang})"
    return t, "kept"


def split_demonym(d: str) -> list[str]:
    """'Kittitian or Nevisian' / 'Antiguan, Barbudan' -> separate demonyms."""
    parts = re.split(r",\s*|\s+or\s+", d)
    return [tidy(p) for p in parts if p.strip()]


# --------------------------------------------------------------------------
# Overrides
# --------------------------------------------------------------------------

OPS = {"set_name", "set_official", "add_names", "drop_names",
       "add_demonyms", "drop_demonyms", "resolve"}


def op_items(op: dict) -> list[tuple[str, list[str]]]:
    """Per-code value lists of an add_*/drop_* op.

    Either {"code": "TR", "values": [...]} or {"values": {"TR": [...], ...}}.
    """
    vals = op.get("values")
    if isinstance(vals, dict):
        if "code" in op:
            fail(f"override {op!r}: use either 'code' or a values map")
        return [(c, list(v)) for c, v in vals.items()]
    if "code" not in op or not isinstance(vals, list):
        fail(f"override {op!r}: needs 'code' and a 'values' list")
    return [(op["code"], list(vals))]


def check_overrides_shape(ov: dict, codes: set[str]) -> None:
    for op in ov.get("ops", []):
        kind = op.get("op")
        if kind not in OPS:
            fail(f"override {op!r}: unknown op {kind!r}")
        if not str(op.get("why", "")).strip():
            fail(f"override {op!r}: missing 'why'")
        if kind in ("set_name", "set_official"):
            if op.get("code") not in codes:
                fail(f"override {op!r}: unknown code {op.get('code')!r}")
        elif kind == "resolve":
            if "term" not in op or "keep" not in op:
                fail(f"override {op!r}: resolve needs 'term' and 'keep'")
            if op["keep"] is not None and op["keep"] not in codes:
                fail(f"override {op!r}: unknown code {op['keep']!r}")
        else:
            for code, _ in op_items(op):
                if code not in codes:
                    fail(f"override {op!r}: unknown code {code!r}")
    for p in ov.get("no_plural", {}).get("values", []):
        if not isinstance(p, str):
            fail(f"no_plural: {p!r} is not a string")
    cg = ov.get("congo")
    if not cg or not all(k in cg for k in ("bare", "demonyms", "republic_signals")):
        fail("overrides: 'congo' needs 'bare', 'demonyms' and 'republic_signals'")


class TermList:
    """Ordered list of terms, de-duplicated on case-folded text (accents kept,
    so 'Türkiye' and 'Turkiye' are both listed)."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def _k(self, t: str) -> str:
        return tidy(t).casefold()

    def add(self, t: str) -> bool:
        t = tidy(t)
        if any(self._k(x) == self._k(t) for x in self.items):
            return False
        self.items.append(t)
        return True

    def drop_exact(self, t: str) -> bool:
        n = len(self.items)
        self.items = [x for x in self.items if self._k(x) != self._k(t)]
        return len(self.items) != n

    def drop_key(self, k: str) -> bool:
        n = len(self.items)
        self.items = [x for x in self.items if key(x) != k]
        return len(self.items) != n

    def keys(self) -> set[str]:
        return {key(x) for x in self.items}


# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------

def build(src: list[dict], ov: dict, explain) -> dict:
    by_code: dict[str, dict] = {}
    for c in src:
        code = c["cca2"]
        if not re.fullmatch(r"[A-Z]{2}", code):
            fail(f"source: bad cca2 {code!r}")
        if code in by_code:
            fail(f"source: duplicate cca2 {code}")
        by_code[code] = c
    codes = set(by_code)
    check_overrides_shape(ov, codes)
    ops = ov.get("ops", [])

    display = {code: c["name"]["common"] for code, c in by_code.items()}
    official = {code: c["name"]["official"] for code, c in by_code.items()}
    for op in ops:
        if op["op"] == "set_name":
            display[op["code"]] = op["value"]
        elif op["op"] == "set_official":
            official[op["code"]] = op["value"]

    added_names: dict[str, list[str]] = {c: [] for c in codes}
    added_dems: dict[str, list[str]] = {c: [] for c in codes}
    for op in ops:
        if op["op"] == "add_names":
            for code, vals in op_items(op):
                added_names[code].extend(vals)
        elif op["op"] == "add_demonyms":
            for code, vals in op_items(op):
                added_dems[code].extend(vals)

    names: dict[str, TermList] = {}
    dems: dict[str, TermList] = {}
    for code in sorted(codes):
        c = by_code[code]
        nl = TermList()
        nl.add(display[code])
        for t in added_names[code]:
            nl.add(t)
        eng = c["name"]["native"].get("eng", {})
        source_names = [c["name"]["common"], eng.get("common"), official[code],
                        c["name"]["official"], eng.get("official")]
        source_names += c.get("altSpellings", [])
        for t in source_names:
            if not t or tidy(t).casefold() in {x.casefold() for x in nl.items}:
                continue
            kept, why = auto_filter(t, c)
            if kept is None:
                explain(f"{code} name   drop {t!r}: {why}")
            else:
                nl.add(kept)
        names[code] = nl

        dl = TermList()
        deng = c.get("demonyms", {}).get("eng", {})
        for g in ("m", "f"):
            for t in split_demonym(deng.get(g, "") or ""):
                dl.add(t)
        for t in added_dems[code]:
            dl.add(t)
        dems[code] = dl

    # Explicit drops (stale drops are errors, so upstream changes get reviewed).
    for op in ops:
        if op["op"] not in ("drop_names", "drop_demonyms"):
            continue
        target = names if op["op"] == "drop_names" else dems
        for code, vals in op_items(op):
            for t in vals:
                if not target[code].drop_exact(t):
                    fail(f"stale override {op['op']} {code} {t!r}: "
                         f"not present (now: {target[code].items})")

    # A demonym identical to one of the country's own names is redundant.
    for code in codes:
        nk = names[code].keys()
        for t in list(dems[code].items):
            if key(t) in nk:
                dems[code].drop_exact(t)
                explain(f"{code} demonym drop {t!r}: already a name")

    # Collision resolutions (before plurals, so a resolved singular's plural
    # is only generated for the winner).
    def owners(k: str) -> set[str]:
        return {code for code in codes
                if k in names[code].keys() or k in dems[code].keys()}

    for op in ops:
        if op["op"] != "resolve":
            continue
        k = key(op["term"])
        own = owners(k)
        if len(own) < 2:
            fail(f"stale override resolve {op['term']!r}: maps to "
                 f"{sorted(own) or 'nothing'}, no collision to resolve")
        if op["keep"] is not None and op["keep"] not in own:
            fail(f"override resolve {op['term']!r}: keep={op['keep']} "
                 f"is not one of {sorted(own)}")
        for code in own:
            if code != op["keep"]:
                names[code].drop_key(k)
                dems[code].drop_key(k)
                explain(f"{code} resolve drop {op['term']!r} "
                        f"(kept by {op['keep']})")

    # Automatic plurals.
    no_plural = {key(t) for t in ov.get("no_plural", {}).get("values", [])}
    used_no_plural = set()
    for code in sorted(codes):
        for t in list(dems[code].items):
            if key(t) in no_plural:
                used_no_plural.add(key(t))
                continue
            if t.endswith(PLURAL_ENDINGS):
                dems[code].add(t + "s")
    for t in ov.get("no_plural", {}).get("values", []):
        if key(t) not in used_no_plural:
            fail(f"stale override no_plural {t!r}: no such demonym")

    # ---------------- validation ----------------
    congo = ov["congo"]
    congo_terms = [*congo["bare"], *congo["demonyms"]]
    index: dict[str, set[str]] = {}
    spelled: dict[str, set[str]] = {}
    for code in codes:
        for t in names[code].items + dems[code].items:
            index.setdefault(key(t), set()).add(code)
            spelled.setdefault(key(t), set()).add(t)
    problems = []
    for k in sorted(index):
        if len(index[k]) > 1:
            problems.append(f"ambiguous term {sorted(spelled[k])} -> "
                            f"{', '.join(sorted(index[k]))}")
    for t, want in SANITY.items():
        got = sorted(index.get(key(t), ()))
        if got != [want]:
            problems.append(f"sanity: {t!r} should map to {want}, maps to {got}")
    for code in sorted(REQUIRED_CODES - codes):
        problems.append(f"required code {code} missing from the source")
    for t in congo_terms:
        if key(t) in index:
            problems.append(f"congo special term {t!r} is also listed for "
                            f"{', '.join(sorted(index[key(t)]))}")
    explicit = {tidy(t) for vs in added_names.values() for t in vs}
    for code in sorted(codes):
        if display[code] not in names[code].items:
            problems.append(f"{code}: display name {display[code]!r} was dropped")
        for t in names[code].items + dems[code].items:
            if not t[0].isupper():
                problems.append(f"{code}: term {t!r} is not capitalised")
            if any(q in t for q in "\u2018\u2019\u201c\u201d"):
                problems.append(f"{code}: term {t!r} has a curly quote")
            if re.fullmatch(r"[A-Z]{2}", t) and t not in explicit:
                problems.append(f"{code}: 2-letter code {t!r} used as a name")
        if not dems[code].items:
            explain(f"{code} has no demonyms")
    if problems:
        fail("gazetteer is not consistent:\n  " + "\n  ".join(problems))

    countries = []
    for code in sorted(codes):
        c = by_code[code]
        lat, lng = c["latlng"]
        row = {
            "code": code,
            "name": tidy(display[code]),
            "official": tidy(official[code]),
            "region": c["region"],
            "subregion": c.get("subregion", ""),
            "lat": float(lat),
            "lng": float(lng),
            "names": names[code].items,
            "demonyms": dems[code].items,
        }
        countries.append({k: row[k] for k in KEY_ORDER})
    return {
        "source": SOURCE_LABEL,
        "countries": countries,
        "congo": {k: congo[k] for k in ("bare", "demonyms", "republic_signals")},
    }


def render(doc: dict) -> str:
    def dump(v) -> str:
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    lines = ["{" + '"source":' + dump(doc["source"]) + ",", '"countries":[']
    rows = [dump(c) for c in doc["countries"]]
    lines.append(",\n".join(rows))
    lines.append("],")
    lines.append('"congo":' + dump(doc["congo"]) + "}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", nargs="?", default=DEFAULT_SRC,
                    help=f"world-countries countries.json (default {DEFAULT_SRC})")
    ap.add_argument("--overrides", default=DEFAULT_OVERRIDES)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if the output file is not up to date")
    ap.add_argument("--explain", action="store_true",
                    help="print automatic filtering decisions to stderr")
    args = ap.parse_args(argv)

    src_path = resolve_path(args.source)
    ov_path = resolve_path(args.overrides)
    out_path = Path(args.out) if Path(args.out).is_absolute() else REPO / args.out
    explain = (lambda m: print(m, file=sys.stderr)) if args.explain else (lambda m: None)

    try:
        if not src_path.is_file():
            fail(f"{src_path}: not found; run `npm install --no-save "
                 f"world-countries@{EXPECTED_VERSION}` in tools/gazetteer")
        pkg = src_path.parent / "package.json"
        if pkg.is_file():
            version = json.loads(pkg.read_text(encoding="utf-8")).get("version")
            if version != EXPECTED_VERSION:
                fail(f"{pkg}: world-countries {version}, expected "
                     f"{EXPECTED_VERSION} (update EXPECTED_VERSION and re-review "
                     f"the overrides to upgrade)")
        src = json.loads(src_path.read_text(encoding="utf-8"))
        ov = json.loads(ov_path.read_text(encoding="utf-8"))
        text = render(build(src, ov, explain))
    except GazetteerError as e:
        print(f"gen.py: error: {e}", file=sys.stderr)
        return 1

    if args.check:
        current = out_path.read_text(encoding="utf-8") if out_path.is_file() else None
        if current != text:
            print(f"gen.py: {out_path} is out of date; re-run gen.py",
                  file=sys.stderr)
            return 1
        print(f"gen.py: {out_path} is up to date", file=sys.stderr)
        return 0
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    tmp.replace(out_path)
    n = len(json.loads(text)["countries"])
    print(f"gen.py: wrote {out_path} ({n} countries, {len(text.encode())} bytes)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

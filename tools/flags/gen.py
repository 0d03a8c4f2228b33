#!/usr/bin/env python3
"""Generate assets/flags/flags.tsv (every country's flag as a small SVG) from flag-icons.

Usage (from the repository root; needs Node/npm for the download and for svgo only):

    python3 tools/flags/gen.py            # writes assets/flags/flags.tsv and LICENSE
    python3 tools/flags/gen.py --check    # exit 1 if either is stale

Inputs (node_modules/ is git-ignored):
    tools/flags/package.json, package-lock.json
        pin flag-icons 7.5.0 (MIT, Panayiotis Lipiridis) and svgo 4.1.0 exactly, with
        their integrity hashes. When tools/flags/node_modules lacks either package at that
        version, the script runs `npm ci --ignore-scripts` there to fetch them.
    tools/flags/node_modules/flag-icons/flags/4x3/<code>.svg
        the 4:3 flags (viewBox 0 0 640 480).
    tools/flags/svgo.config.mjs
        how svgo minifies them (preset-default, multipass, three decimals).
    data/countries.json
        the gazetteer: which codes need a flag (ISO 3166-1 alpha-2, plus XK for Kosovo).

Standard library only (Python 3.11+) besides running svgo.  The output is deterministic.

What it does:
  * takes the 4x3 SVG of every gazetteer country (250 of them; flag-icons has them all)
    and minifies it with svgo: comments, metadata, unused ids and needless whitespace go,
    the viewBox and the xmlns declarations stay, so each flag still works alone as a file
    and as a data: URI;
  * checks every result is well-formed XML with an <svg> root and the 640x480 viewBox,
    fits on one line, and can neither run nor fetch anything: no <script>, <foreignObject>,
    <image>, <a>, <style> or <iframe>, no on*= attribute, no href that is not a local
    "#id", no url() that is not a local url(#id), no "javascript:", no DTD.  Flags end
    up as files of the site and in data: URIs of self-contained pages, so this is the
    line of defence; src/render/flags.rs tests the same again;
  * writes assets/flags/flags.tsv: `#` comment lines, the header `code svg`, then one row
    per country sorted by code (the code upper-case, as in data/countries.json), and
    copies flag-icons' MIT licence text to assets/flags/LICENSE.

Size: 250 flags, 1,595,937 bytes of SVG; the file is 1,597,171 bytes (1.6 MB).  flag-icons is
already tidy, so svgo saves only ~3%; the few flags with a coat of arms are most of it
(Serbia 179 KB, Bolivia 101 KB, Mexico 84 KB, Spain 79 KB).  Rounding coordinates
harder would halve it, but changes how those arms look, so it is not done.  The site
only ever carries the flags of its own countries, one file each.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TOOL = REPO / "tools/flags"
MODULES = TOOL / "node_modules"
GAZETTEER = "data/countries.json"
OUT = "assets/flags/flags.tsv"
LICENSE_OUT = "assets/flags/LICENSE"
VERSIONS = {"flag-icons": "7.5.0", "svgo": "4.1.0"}

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
VIEWBOX = "0 0 640 480"
# Elements that run code, fetch a resource or hold CSS (which can fetch); none of the
# flags needs one.
FORBIDDEN = {"script", "foreignObject", "image", "a", "style", "iframe", "feImage"}
LOCAL_URL = re.compile(r"url\(#[A-Za-z0-9_.:-]+\)")


class FlagError(Exception):
    pass


def installed_version(name: str) -> str | None:
    pkg = MODULES / name / "package.json"
    if not pkg.is_file():
        return None
    return json.loads(pkg.read_text(encoding="utf-8")).get("version")


def ensure_packages() -> None:
    """Fetch the pinned packages with `npm ci` unless they are already there."""
    if all(installed_version(n) == v for n, v in VERSIONS.items()):
        return
    print("gen.py: fetching " + ", ".join(f"{n}@{v}" for n, v in VERSIONS.items())
          + " (npm ci in tools/flags)", file=sys.stderr)
    # --ignore-scripts: nothing from the registry runs at install time.
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
                   cwd=TOOL, check=True)
    for name, version in VERSIONS.items():
        got = installed_version(name)
        if got != version:
            raise FlagError(f"{name} {got} installed, expected {version}: "
                            "package.json, package-lock.json and VERSIONS disagree")


def gazetteer_codes() -> list[str]:
    data = json.loads((REPO / GAZETTEER).read_text(encoding="utf-8"))
    codes = sorted(c["code"] for c in data["countries"])
    bad = [c for c in codes if not re.fullmatch(r"[A-Z]{2}", c)]
    if bad:
        raise FlagError(f"{GAZETTEER}: codes that are not two letters: {bad}")
    return codes


def minify(codes: list[str]) -> dict[str, str]:
    """Runs svgo once over a folder holding just the flags needed."""
    src_dir = MODULES / "flag-icons/flags/4x3"
    missing = [c for c in codes if not (src_dir / f"{c.lower()}.svg").is_file()]
    if missing:
        raise FlagError(f"flag-icons {VERSIONS['flag-icons']} has no 4x3 flag for {missing}")
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp, "in"), Path(tmp, "out")
        src.mkdir()
        for c in codes:
            shutil.copyfile(src_dir / f"{c.lower()}.svg", src / f"{c.lower()}.svg")
        subprocess.run(
            ["node", str(MODULES / "svgo/bin/svgo.js"), "--config", str(TOOL / "svgo.config.mjs"),
             "--quiet", "-f", str(src), "-o", str(dst)],
            cwd=tmp, check=True)
        return {c: (dst / f"{c.lower()}.svg").read_text(encoding="utf-8").strip() for c in codes}


def local_name(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def check_svg(code: str, svg: str) -> None:
    """Raises unless the flag is one well-formed line of inert SVG (see the header)."""
    def fail(why: str) -> None:
        raise FlagError(f"{code}: {why}")

    if any(ch in svg for ch in "\t\r\n"):
        fail("does not fit on one line")
    if "<!" in svg or "<?" in svg:
        fail("has a comment, DTD, CDATA section or processing instruction")
    if "javascript:" in svg.lower():
        fail("mentions javascript:")
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as e:
        fail(f"is not well-formed XML: {e}")
    if root.tag != f"{{{SVG_NS}}}svg":
        fail(f"root is {root.tag}, not an SVG <svg>")
    if root.get("viewBox") != VIEWBOX:
        fail(f"viewBox is {root.get('viewBox')!r}, not {VIEWBOX!r}")
    for el in root.iter():
        if local_name(el.tag) in FORBIDDEN:
            fail(f"has a <{local_name(el.tag)}> element")
        for name, value in el.attrib.items():
            attr = local_name(name)
            if attr.lower().startswith("on"):
                fail(f"has an event handler attribute {attr}")
            if attr == "href" and not value.startswith("#"):
                fail(f"has an external reference href={value!r}")
            if "url(" in value and LOCAL_URL.sub("", value).find("url(") >= 0:
                fail(f"has a non-local url() in {attr}={value!r}")
        if el.text and el.text.strip():
            fail(f"has text inside <{local_name(el.tag)}>")


def build(codes: list[str], svgs: dict[str, str]) -> str:
    lines = [
        f"# Generated by tools/flags/gen.py; do not edit. flag-icons {VERSIONS['flag-icons']} "
        f"(MIT, see LICENSE beside this file), 4x3 flags minified with svgo {VERSIONS['svgo']}.",
        "# One row per gazetteer country, sorted by code: the code, a tab, the SVG on one line.",
        "code\tsvg",
    ]
    for code in codes:
        check_svg(code, svgs[code])
        lines.append(f"{code}\t{svgs[code]}")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the asset is stale")
    args = ap.parse_args()
    try:
        ensure_packages()
        codes = gazetteer_codes()
        svgs = minify(codes)
        text = build(codes, svgs)
        licence = (MODULES / "flag-icons/LICENSE").read_text(encoding="utf-8")
    except (FlagError, subprocess.CalledProcessError, OSError) as e:
        print(f"gen.py: error: {e}", file=sys.stderr)
        return 1
    outputs = {REPO / OUT: text, REPO / LICENSE_OUT: licence}
    if args.check:
        stale = [p for p, t in outputs.items()
                 if not p.is_file() or p.read_text(encoding="utf-8") != t]
        for p in stale:
            print(f"gen.py: {p.relative_to(REPO)} is stale; run python3 tools/flags/gen.py",
                  file=sys.stderr)
        return 1 if stale else 0
    for path, t in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(t, encoding="utf-8")
    size = sum(len(s.encode()) for s in svgs.values())
    print(f"wrote {OUT}: {len(codes)} flags, {size:,} bytes of SVG, "
          f"{len(text.encode()):,} bytes in all; and {LICENSE_OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

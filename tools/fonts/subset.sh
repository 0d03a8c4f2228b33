#!/usr/bin/env bash
# Subsets Noto Sans (Regular and Bold) to the Latin the link-preview cards need, and writes
# them to assets/fonts/, where src/render/cards.rs embeds them with include_bytes!.
#
# Command (from the repository root; needs Debian's fonts-noto-core 20201225-1, i.e. Noto Sans
# 2.004, and PyPI's fonttools 4.68.0):
#
#     apt-get install fonts-noto-core && pip install fonttools==4.68.0
#     bash tools/fonts/subset.sh            # writes assets/fonts/NotoSans-{Regular,Bold}.ttf
#     bash tools/fonts/subset.sh --check    # exit 1 if the committed files differ
#
# Kept: Basic Latin, Latin-1, Latin Extended-A and -B (Turkish ğ ş ı İ, Polish ł ą ę ż ś,
# Romanian ș ț, Vietnamese ơ ư), combining marks (text that arrives decomposed), Latin
# Extended Additional (Vietnamese ạ ậ ễ …), general punctuation (… · – — ‘ ’ “ ”) and a few
# symbols. Hinting is dropped: tiny-skia fills the outlines unhinted, so it is dead weight.
# The licence name records (0, 13, 14) are kept, as the OFL asks. The output is
# byte-identical run to run (no timestamp is rewritten).
set -euo pipefail

src=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/assets/fonts"
unicodes="U+0020-007E,U+00A0-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212"

check=0
[[ ${1:-} == --check ]] && check=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for weight in Regular Bold; do
    pyftsubset "$src/NotoSans-$weight.ttf" \
        --unicodes="$unicodes" \
        --layout-features='ccmp,locl,mark,mkmk,kern,liga,clig,calt' \
        --no-hinting \
        --drop-tables+=DSIG \
        --name-IDs=0,1,2,3,4,5,6,13,14 \
        --output-file="$tmp/NotoSans-$weight.ttf"
    if ((check)); then
        cmp -s "$tmp/NotoSans-$weight.ttf" "$out/NotoSans-$weight.ttf" ||
            { echo "assets/fonts/NotoSans-$weight.ttf is stale" >&2; exit 1; }
    else
        mv "$tmp/NotoSans-$weight.ttf" "$out/NotoSans-$weight.ttf"
    fi
done
ls -l "$out"/NotoSans-*.ttf

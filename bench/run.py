#!/usr/bin/env python3
"""Full-build benchmark: briefing against Hugo on the shared generated corpus.

    python3 bench/run.py                      # 1,000 and 10,000 documents, 5 paired runs
    python3 bench/run.py --sizes 100000 --runs 1 --project-only
    python3 bench/run.py --sizes 1000 --against OTHER_BINARY   # before/after of a change
    python3 bench/run.py --base-url https://org.github.io/repo/             # with link previews
    python3 bench/run.py --base-url https://org.github.io/repo/ --cold-cards  # drawn every run

For each size it generates the corpus with ../shared/bench/gen_corpus.py (kept in
bench/work/, reused when present), then builds it repeatedly, alternating the tools run
after run so that both see the same machine state, each starting from an empty output
folder. It prints the median wall time and peak memory (max RSS, from wait4) of each tool,
the ratio of medians and the median of the run-by-run ratios (steadier on a shared machine,
where the load drifts over minutes). Hugo runs only when `hugo` is installed and not
--project-only.

Standard library only. Not run by CI: the figures belong in bench/RESULTS.md.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GEN = ROOT.parent / "shared" / "bench" / "gen_corpus.py"


def corpus(n: int, project_only: bool) -> Path:
    """The generated corpus for n documents, created on first use."""
    out = HERE / "work" / f"c{n}"
    done = out / ("project" if project_only else "hugo")
    if not done.exists():
        args = [sys.executable, str(GEN), str(n), str(out)]
        if project_only:
            args.append("--project-only")
        print(f"generating {n} documents in {out} ...", flush=True)
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return out


def timed(cmd: list, cwd: Path, out: Path, clear: Path = None) -> tuple:
    """Runs cmd once from an empty `out` (and without `clear`, a cache); returns (seconds,
    max RSS in MiB)."""
    shutil.rmtree(out, ignore_errors=True)
    if clear:
        shutil.rmtree(clear, ignore_errors=True)
    subprocess.run(["sync"], check=False)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def tools(args, c: Path) -> dict:
    """Name → (command, working folder, output folder) of every tool to run."""
    scratch = HERE / "work" / "out"
    extra = ["--base-url", args.base_url] if args.base_url else []
    found = {
        "briefing": (
            [str(args.binary), "build", "--quiet", "--out", str(scratch / "briefing"), *extra],
            c / "project",
            scratch / "briefing",
        )
    }
    if args.against:
        found["against"] = (
            [str(args.against), "build", "--quiet", "--out", str(scratch / "against"), *extra],
            c / "project",
            scratch / "against",
        )
    if not args.project_only and shutil.which("hugo"):
        found["hugo"] = (
            ["hugo", "--quiet", "-s", str(c / "hugo"), "-d", str(scratch / "hugo")],
            c / "hugo",
            scratch / "hugo",
        )
    return found


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1000,10000", help="comma-separated document counts")
    p.add_argument("--runs", type=int, default=5, help="paired runs per size")
    p.add_argument("--project-only", action="store_true", help="briefing alone (no Hugo)")
    p.add_argument("--binary", type=Path, default=ROOT / "target" / "release" / "briefing")
    p.add_argument("--against", type=Path, help="a second briefing binary to compare with")
    p.add_argument("--no-build", action="store_true", help="do not run cargo build --release")
    p.add_argument("--base-url", help="build with this base_url (feeds, sitemap, link-preview cards)")
    p.add_argument("--cold-cards", action="store_true",
                   help="empty the card cache before every briefing run (a cold build)")
    args = p.parse_args()
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    print(f"machine: {os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}; "
          f"{time.strftime('%Y-%m-%d %H:%M')}", flush=True)
    for n in [int(s) for s in args.sizes.split(",")]:
        c = corpus(n, args.project_only)
        runs = {name: [] for name in tools(args, c)}
        for i in range(args.runs):
            order = list(tools(args, c).items())
            if i % 2:
                order.reverse()
            for name, (cmd, cwd, out) in order:
                cache = cwd / ".briefing-cache" if args.cold_cards and name != "hugo" else None
                seconds, mib = timed(cmd, cwd, out, cache)
                runs[name].append((seconds, mib))
                print(f"  {n} docs, run {i + 1}: {name} {seconds:.2f} s, {mib:.0f} MiB", flush=True)
        print(f"\n{n} documents, median of {args.runs}:")
        medians = {}
        for name, rs in runs.items():
            medians[name] = statistics.median(s for s, _ in rs)
            mem = statistics.median(m for _, m in rs)
            print(f"  {name:<9} {medians[name]:7.2f} s  {mem:6.0f} MiB max RSS "
                  f"(runs {min(s for s, _ in rs):.2f}–{max(s for s, _ in rs):.2f} s)")
        for other in ("hugo", "against"):
            if other in medians:
                paired = statistics.median(
                    b / o for (b, _), (o, _) in zip(runs["briefing"], runs[other])
                )
                print(f"  briefing / {other} = {medians['briefing'] / medians[other]:.2f} "
                      f"(median of run-by-run ratios {paired:.2f})")
        print(flush=True)
        shutil.rmtree(HERE / "work" / "out", ignore_errors=True)


if __name__ == "__main__":
    main()

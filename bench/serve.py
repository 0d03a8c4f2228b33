#!/usr/bin/env python3
"""Edit-to-served latency of `briefing serve` on the generated corpus.

    python3 bench/serve.py                 # 10,000 documents, 5 edits
    python3 bench/serve.py --size 1000 --edits 10

Starts `briefing serve --port 0` on the corpus in bench/work/ (generated with
../shared/bench/gen_corpus.py when absent), waits for the first build, then edits one
document at a time (appending a sentence with a unique marker) and measures, from the
moment the file is written, how long until the document's page is served with the marker
(the pages that list it are redrawn in the same pass). It also prints the server's own
account of each rebuild (read, model and render times of the quick update). The edits
are undone at the end. Standard library only; not run by CI.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from run import corpus  # noqa: E402


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:  # a 404 while the page is being replaced
        return ""


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", type=int, default=10000)
    p.add_argument("--edits", type=int, default=5)
    p.add_argument("--binary", type=Path, default=ROOT / "target" / "release" / "briefing")
    args = p.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    project = corpus(args.size, True) / "project"
    seeds = sorted((project / "seeds").glob("*.md"))
    proc = subprocess.Popen([str(args.binary), "serve", "--port", "0"], cwd=project,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = []
    url = None
    started = time.perf_counter()
    for line in proc.stdout:
        lines.append(line.rstrip())
        if line.startswith("serving "):
            url = line.split()[1]
            break
    print(f"{args.size} documents: first build served after {time.perf_counter() - started:.1f} s")
    threading.Thread(target=lambda: [lines.append(l.rstrip()) for l in proc.stdout], daemon=True).start()
    data = json.loads(fetch(url + "data/briefing.json"))
    page_of = {d["path"]: d["url"] for d in data["documents"]}
    originals = {}
    latencies = []
    try:
        for i in range(args.edits):
            doc = seeds[(i * 7919) % len(seeds)]
            originals.setdefault(doc, doc.read_text(encoding="utf-8"))
            marker = f"benchmarkmarker{i}x{os.getpid()}"
            page = page_of[doc.name]
            seen = len(lines)
            t0 = time.perf_counter()
            with open(doc, "a", encoding="utf-8") as f:
                f.write(f"\nA late line, {marker}.\n")
            while time.perf_counter() - t0 < 60 and marker not in fetch(url + page):
                time.sleep(0.005)
            latency = time.perf_counter() - t0
            time.sleep(0.5)
            rebuilt = [l for l in lines[seen:] if l.startswith("rebuilt")]
            latencies.append(latency)
            print(f"  edit {i + 1}: served after {latency * 1000:.0f} ms; "
                  f"{rebuilt[0] if rebuilt else 'no rebuild line'}")
            time.sleep(2)  # let the data files and search index follow
        print(f"median edit-to-served: {statistics.median(latencies) * 1000:.0f} ms")
    finally:
        for doc, text in originals.items():
            doc.write_text(text, encoding="utf-8")
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    main()

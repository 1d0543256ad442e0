"""Corpus scale: articles per second, peak memory and speed-up of ``govkg extract --jobs N``.

Builds a corpus of one-article files in a temporary folder: the sample
page's articles, each copy with its people and places renamed
(tests/support/variants.py). Then runs the real command line,
``govkg extract FOLDER --jobs N --no-cache -q``, as a child process and
measures, from outside:

- wall time and articles per second (Article nodes in the graph written);
- peak memory: the largest sum of resident memory of the govkg process and
  all its descendants (the worker processes), sampled every 0.1 s;
- the speed-up of each job count over one job;
- the time for growing corpus sizes (prefixes of the same corpus), to show
  it grows linearly.

    python bench/corpus_scale.py                      # 2 000 files, jobs 1 and 2, sizes 500/1 000/2 000
    python bench/corpus_scale.py --files 200 --sizes 50,100,200   # a quick run
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # tests/support
from support.processes import tree_rss
from support.variants import article_texts, names_in, vary, variant_map

from govkg.extract.ner import get_backend
from govkg.extract.pipeline import extract_page
from govkg.extract.reading import read_source
from govkg.extract.records import SourceText

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO.parent / "shared" / "corpus" / "pingdingshan-weidong-2020-06.txt"


def build_corpus(folder: Path, count: int, sample: Path, max_seconds: float) -> list[int]:
    """Write ``count`` one-article files; return the indices of the article templates used.

    Each template is timed once as a one-article file; one slower than
    ``max_seconds`` is left out and named, so a single pathological input
    does not stand for the throughput of all of them.
    """
    backend = get_backend("lac")
    page = extract_page(read_source(str(sample)), backend)
    names = names_in(page)
    templates = article_texts(page)
    kept = []
    for i, text in enumerate(templates):
        t0 = time.perf_counter()
        extract_page(SourceText(f"template-{i}.txt", text), backend)
        seconds = time.perf_counter() - t0
        if seconds > max_seconds:
            print(f"note: article template {i + 1} ({text.strip().splitlines()[-1]}) left out: "
                  f"{seconds:.1f} s for one article (over --max-template-seconds {max_seconds:g})")
        else:
            kept.append(i)
    if not kept:
        sys.exit("every article template is over --max-template-seconds")
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        text = templates[kept[n % len(kept)]]
        (folder / f"article-{n + 1:06d}.txt").write_text(vary(text, variant_map(names, n // len(kept) + 1)),
                                                          encoding="utf-8")
    return kept


def run(inputs: list[str], jobs: int, output: Path) -> dict:
    """One ``govkg extract`` child process: seconds, peak memory of its process tree, articles."""
    cmd = [sys.executable, "-m", "govkg.cli", "extract", *inputs, "-o", str(output), "--jobs", str(jobs),
           "--no-cache", "-q"]
    t0 = time.perf_counter()
    child = subprocess.Popen(cmd)
    proc = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        try:
            peak = max(peak, tree_rss(proc))
        except psutil.Error:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - t0
    if child.returncode != 0:
        sys.exit(f"govkg extract exited with {child.returncode}")
    nodes = json.loads(output.read_text(encoding="utf-8"))["nodes"]
    articles = sum(1 for n in nodes if n["label"] == "Article")
    return {"seconds": seconds, "peak_mb": peak / 1e6, "articles": articles}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=2000, help="one-article files in the corpus")
    ap.add_argument("--jobs", default="1,2", help="job counts to compare, e.g. 1,2")
    ap.add_argument("--sizes", default="500,1000,2000", help="corpus sizes to time (at the largest job count)")
    ap.add_argument("--sample", type=Path, default=SAMPLE, help="the page the articles come from")
    ap.add_argument("--max-template-seconds", type=float, default=10.0,
                    help="leave out an article template slower than this (it is named)")
    args = ap.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    sizes = [int(s) for s in args.sizes.split(",")]
    if max(sizes) > args.files:
        sys.exit("--sizes cannot exceed --files")
    cpu = platform.processor() or platform.machine()
    print(f"machine: {os.cpu_count()} cores ({cpu}), {psutil.virtual_memory().total / 1e9:.1f} GB RAM, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at start")
    with tempfile.TemporaryDirectory(prefix="govkg-scale.") as tmp:
        corpus = Path(tmp) / "corpus"
        kept = build_corpus(corpus, args.files, args.sample, args.max_template_seconds)
        files = sorted(str(p) for p in corpus.glob("*.txt"))
        print(f"corpus: {len(files)} one-article files from {len(kept)} article templates of {args.sample.name}\n")

        results = {}
        print("| jobs | files | articles | seconds | articles/s | peak memory (MB, all processes) | speed-up |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for j in jobs:
            results[j] = r = run([str(corpus)], j, Path(tmp) / f"jobs{j}.json")
            speedup = results[jobs[0]]["seconds"] / r["seconds"]
            print(f"| {j} | {len(files)} | {r['articles']} | {r['seconds']:.1f} | "
                  f"{r['articles'] / r['seconds']:.1f} | {r['peak_mb']:.0f} | {speedup:.2f}× |", flush=True)
        same = len({(Path(tmp) / f"jobs{j}.json").read_bytes() for j in jobs}) == 1
        print(f"\ngraph files of {', '.join(map(str, jobs))} jobs byte-identical: {same}\n")

        top = max(jobs)
        print(f"| files (jobs {top}) | seconds | seconds per 1 000 files | peak memory (MB) |")
        print("|---:|---:|---:|---:|")
        for size in sizes:
            if size == len(files) and top in results:
                r = results[top]
            else:
                part = Path(tmp) / f"first-{size}"
                part.mkdir()
                for f in files[:size]:
                    os.symlink(f, part / Path(f).name)
                r = run([str(part)], top, Path(tmp) / f"size{size}.json")
            print(f"| {size} | {r['seconds']:.1f} | {1000 * r['seconds'] / size:.1f} | {r['peak_mb']:.0f} |",
                  flush=True)


if __name__ == "__main__":
    main()

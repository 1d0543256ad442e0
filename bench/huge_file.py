"""One huge text file: characters per second, peak memory and time to the first progress.

A single file is made from the sample page copied again and again, each copy
with its people and places renamed (tests/support/variants.py), so that the
file holds as many different people as a real archive of that size would.
Then the real command line, ``govkg extract FILE --jobs N --no-cache``, runs
as a child process with its stderr on a pseudo-terminal (so rich draws its
progress bar as it would for a user), and is measured from outside:

- characters per second (of the decoded text) over the wall time;
- peak memory: the largest sum of resident memory of the govkg process and
  its descendants (the worker processes), sampled every 0.1 s;
- seconds until the first progress bar appears on the terminal.

Sizes are MB of UTF-8. The figure to compare with is the 1 MB file's.

    python bench/huge_file.py                       # 1, 5 and 50 MB, one job
    python bench/huge_file.py --mb 1,5 --jobs 2     # a quick run, two workers
"""

from __future__ import annotations

import argparse
import os
import platform
import pty
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # tests/support
from support.processes import tree_rss
from support.variants import names_in, vary, variant_map

from govkg.extract.ner import get_backend
from govkg.extract.pipeline import extract_page
from govkg.extract.reading import read_source

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO.parent / "shared" / "corpus" / "pingdingshan-weidong-2020-06.txt"


def build_file(path: Path, megabytes: float, sample: Path) -> int:
    """Write one file of about ``megabytes`` MB; return its length in characters."""
    page = sample.read_text(encoding="utf-8")
    names = names_in(extract_page(read_source(str(sample)), get_backend("lac")))
    target = int(megabytes * 1_000_000)
    written = chars = 0
    with open(path, "w", encoding="utf-8") as fh:
        seed = 1
        while written < target:
            copy = vary(page, variant_map(names, seed)) + "\n\n"
            fh.write(copy)
            written += len(copy.encode("utf-8"))
            chars += len(copy)
            seed += 1
    return chars


def run(path: Path, jobs: int, output: Path) -> dict:
    """One ``govkg extract`` child process with stderr on a pseudo-terminal."""
    cmd = [sys.executable, "-m", "govkg.cli", "extract", str(path), "-o", str(output), "--jobs", str(jobs),
           "--no-cache"]
    leader, follower = pty.openpty()
    t0 = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=follower, stdin=subprocess.DEVNULL,
                             env={**os.environ, "COLUMNS": "120"})
    os.close(follower)
    proc = psutil.Process(child.pid)
    peak = 0
    first_progress = None
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                chunk = b""
            if chunk and first_progress is None:
                seen += chunk
                if b"extracting" in seen:
                    first_progress = time.perf_counter() - t0
        try:
            peak = max(peak, tree_rss(proc))
        except psutil.Error:
            pass
        if child.poll() is not None:
            break
    seconds = time.perf_counter() - t0
    os.close(leader)
    if child.returncode != 0:
        sys.exit(f"govkg extract exited with {child.returncode}")
    return {"seconds": seconds, "peak_mb": peak / 1e6, "first_progress": first_progress}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", default="1,5,50", help="file sizes in MB of UTF-8, e.g. 1,5,50")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (govkg extract --jobs)")
    ap.add_argument("--sample", type=Path, default=SAMPLE, help="the page the file is made of")
    args = ap.parse_args()
    sizes = [float(s) for s in args.mb.split(",")]
    cpu = platform.processor() or platform.machine()
    print(f"machine: {os.cpu_count()} cores ({cpu}), {psutil.virtual_memory().total / 1e9:.1f} GB RAM, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at start; "
          f"--jobs {args.jobs}\n")
    print("| file | characters | seconds | chars/s | vs the first size | peak memory (MB) | first progress |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    first = None
    with tempfile.TemporaryDirectory(prefix="govkg-huge.") as tmp:
        for mb in sizes:
            path = Path(tmp) / f"huge-{mb:g}mb.txt"
            chars = build_file(path, mb, args.sample)
            r = run(path, args.jobs, Path(tmp) / "out.json")
            speed = chars / r["seconds"]
            first = first or speed
            shown = "none" if r["first_progress"] is None else f"{r['first_progress']:.1f} s"
            print(f"| {mb:g} MB | {chars:,} | {r['seconds']:.1f} | {speed:,.0f} | {speed / first:.2f}× | "
                  f"{r['peak_mb']:.0f} | {shown} |", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()

"""Characters per second of the whole extraction pipeline beside the bare NER model.

The sample page is repeated to about 1 MB (as separate files, so memory per
file can be seen), then extracted (a) by the bare model on the same
sentences and (b) by the whole pipeline. The pipeline should keep at least
60 % of the bare model's speed; peak memory must not grow with the number
of files.

    python bench/extract_throughput.py [--mb 1.0] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from govkg.extract.articles import split_page
from govkg.extract.ner.lac import LacBackend
from govkg.extract.normalize import to_simplified
from govkg.extract.pipeline import extract_page
from govkg.extract.reading import read_source
from govkg.extract.sentences import split_sentences
from govkg.graph.build import build_graph

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="size of the repeated corpus in MB of UTF-8")
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    args = ap.parse_args()
    page = next(args.corpus.glob("*.txt"))
    text = page.read_text(encoding="utf-8")
    copies = max(1, int(args.mb * 1_000_000 / len(text.encode("utf-8"))))
    backend = LacBackend()
    backend.tag(["预热模型。"])
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(copies):
            path = Path(tmp) / f"page-{i:04d}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(path)
        chars = len(text) * copies

        sentences = [to_simplified(s) for a in split_page(text, page.name) for s in split_sentences(a.body)]
        t0 = time.perf_counter()
        for _ in range(copies):
            backend.tag(sentences)
        bare = time.perf_counter() - t0

        t0 = time.perf_counter()
        graph = build_graph(extract_page(read_source(str(p)), backend) for p in files)
        whole = time.perf_counter() - t0

        # Memory in a second pass: tracing slows Python down, so it is not timed.
        peaks = []

        def pages():
            for i, path in enumerate(files):
                tracemalloc.reset_peak()
                before = tracemalloc.get_traced_memory()[0]
                page = extract_page(read_source(str(path)), backend)
                if i in (0, len(files) // 2, len(files) - 1):
                    current, peak = tracemalloc.get_traced_memory()
                    peaks.append((peak - before, current))
                yield page
        tracemalloc.start()
        build_graph(pages())
        tracemalloc.stop()

    print(f"corpus: {copies} copies of {page.name}, {chars:,} characters")
    print(f"bare LAC model : {chars / bare:10,.0f} chars/s ({bare:.1f} s)")
    print(f"whole pipeline : {chars / whole:10,.0f} chars/s ({whole:.1f} s), "
          f"{100 * bare / whole:.0f} % of the bare model's speed")
    print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    print("memory the extraction of one file needs, at the 1st, middle, last file: "
          + ", ".join(f"{work / 1e6:.2f} MB" for work, _ in peaks))
    print("memory held (mostly the graph being built), at the same files: "
          + ", ".join(f"{held / 1e6:.1f} MB" for _, held in peaks))
    print(f"max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()

"""How long `govkg report` takes to build and render each kind of report, as a Markdown table.

On a graph file (the sample from the shared corpus, or a synthetic graph of
any size from tests/support/synthetic.py); the subject of each report is the
most mentioned entity of its label, the path joins the two most mentioned
people. Times are wall-clock seconds for build + Markdown (and, separately,
HTML with the embedded view), best of ``--repeat`` runs.

    .venv/bin/python bench/reports.py --graph /tmp/sample.json
    .venv/bin/python bench/reports.py --synthetic 20000 --edges 60000
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # tests/support

from govkg.graph.graphfile import read_graph
from govkg.graph.schema import ORGANIZATION, PERSON, PLACE, PROGRAM
from govkg.queries.reports.render import render_html, render_markdown, view_page
from govkg.queries.reports.source import LocalSource
from govkg.queries.reports import build_report


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", help="a graph file")
    parser.add_argument("--synthetic", type=int, help="nodes of a synthetic graph instead")
    parser.add_argument("--edges", type=int, default=0, help="edges of the synthetic graph")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.synthetic:
        from support.synthetic import synthetic_graph

        graph = synthetic_graph(args.synthetic, args.edges or 3 * args.synthetic)
        origin = f"synthetic, {args.synthetic} nodes"
    else:
        graph = read_graph(args.graph or "graph.json")
        origin = args.graph or "graph.json"
    start = time.perf_counter()
    source = LocalSource.from_graph(graph)
    load = time.perf_counter() - start
    top = {label: source.queries.entities_by_type(label, limit=2) for label in
           (PERSON, ORGANIZATION, PLACE, PROGRAM)}
    cases = [("person", [top[PERSON][0].id]), ("org", [top[ORGANIZATION][0].id]),
             ("place", [top[PLACE][0].id]), ("program", [top[PROGRAM][0].id]),
             ("path", [top[PERSON][0].id, top[PERSON][1].id]), ("overview", [])]
    print(f"{origin}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; "
          f"graph prepared in {load:.2f} s\n")
    print("| report | subject | Markdown (s) | HTML with view (s) | HTML size (KB) |")
    print("|---|---|---:|---:|---:|")
    for kind, names in cases:
        md = best(lambda: render_markdown(build_report(source, kind, names)), args.repeat)
        page = ""

        def html() -> None:
            nonlocal page
            report = build_report(source, kind, names)
            page = render_html(report, view_page(source, report))

        seconds = best(html, args.repeat)
        print(f"| {kind} | {' / '.join(names) or '—'} | {md:.3f} | {seconds:.3f} | "
              f"{len(page.encode()) // 1024} |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""How long the HTML view takes at size: writing the page, and opening it until it is stable.

    .venv/bin/python bench/view_scale.py                    # 5 000 nodes, 15 000 edges, 3 runs
    .venv/bin/python bench/view_scale.py --nodes 8000 --edges 24000 --runs 5
    .venv/bin/python bench/view_scale.py --sizes 500:1500,2000:6000,5000:15000

For each size it builds a synthetic graph shaped like ``govkg extract`` output
(tests/support/synthetic.py), writes it as a graph file, then times

- **write**: ``govkg view``'s work from the graph file to the HTML file (read,
  select, layout, build, render, write), with the layout share shown apart;
- **stable**: a fresh headless Chromium (scripts/install-chromium) opens the
  file with the network off; the time from the start of navigation to the
  page's ``govkgView.stable`` flag (first drawing, fitted, with every node
  placed: the layout is precomputed, physics stays off), read from the page's
  own clock; and **wall**, the same seen from outside including the browser's
  start;
- **select** and **filter**: from selecting the most connected node (which
  dims everything outside its neighbourhood), and from unticking the Person
  type, to the end of the drawing that follows.

Medians of ``--runs`` runs; one Markdown table on stdout. The issue's target is
5 000 nodes / 15 000 edges stable within 15 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # tests/support
from support.browser import Chromium
from support.synthetic import synthetic_graph

from govkg.graph.graphfile import read_graph, write_graph
from govkg.graph.view import ViewOptions, articles_of, build_network, render_html, select
from govkg.graph.graphfile import write_text_atomic
from govkg.graph.view_layout import layout


def time_write(graph_path: Path, html_path: Path, max_nodes: int) -> dict[str, float]:
    """The same steps as graph.view.write_view, timed one by one."""
    t0 = time.perf_counter()
    graph = read_graph(graph_path)
    opts = ViewOptions(title=f"bench {graph_path.stem}", max_nodes=max_nodes)
    selection = select(graph, opts)
    t1 = time.perf_counter()
    positions = layout(selection.graph)
    t2 = time.perf_counter()
    data = build_network(selection, opts, positions)
    html = render_html(data, selection, opts, articles_of(selection.graph, graph))
    write_text_atomic(html_path, html)
    t3 = time.perf_counter()
    return {"write": t3 - t0, "layout": t2 - t1, "bytes": html_path.stat().st_size,
            "shown": selection.graph.number_of_nodes(), "notes": len(selection.notes)}


def time_open(html_path: Path) -> dict[str, float]:
    start = time.perf_counter()
    with Chromium(width=1280, height=800) as browser:
        page = browser.open_file(html_path, timeout=120)
        page.wait_for("window.govkgView && window.govkgView.stable", timeout=120)
        wall = time.perf_counter() - start
        in_page = page.evaluate("govkgView.stableAt") / 1000.0  # ms since navigation start
        nodes = page.evaluate("govkgView.nodes.length")
        select = page.evaluate(_UNTIL_DRAWN % "govkgView.select(govkgView.data.nodes.reduce("
                               "(a, b) => b.degree > a.degree ? b : a).id, false)") / 1000.0
        filter_ = page.evaluate(_UNTIL_DRAWN % "document.querySelector("
                                "'#govkg-kinds input[value=Person]').click()") / 1000.0
        if page.blocked_requests or page.errors:
            raise SystemExit(f"the page misbehaved: {page.blocked_requests} {page.errors}")
    return {"stable": in_page, "wall": wall, "nodes": nodes, "select": select, "filter": filter_}


# Milliseconds from an action to the end of the drawing it causes.
_UNTIL_DRAWN = """new Promise(resolve => {
    const t0 = performance.now();
    govkgView.network.once('afterDrawing', () => resolve(performance.now() - t0));
    %s;
})"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=15000)
    parser.add_argument("--sizes", help="several NODES:EDGES pairs, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-nodes", type=int, default=ViewOptions().max_nodes)
    args = parser.parse_args(argv)
    sizes = ([tuple(int(x) for x in pair.split(":")) for pair in args.sizes.split(",")]
             if args.sizes else [(args.nodes, args.edges)])

    print("| nodes | edges | shown | HTML size | write (s) | of which layout (s) | "
          "stable in page (s) | wall incl. browser start (s) | click-select + highlight (s) | "
          "type filter (s) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="govkg-view-bench-") as tmp:
        for n_nodes, n_edges in sizes:
            graph_path = Path(tmp) / f"synthetic-{n_nodes}.json"
            write_graph(synthetic_graph(n_nodes, n_edges, seed=1), graph_path)
            html_path = graph_path.with_suffix(".html")
            writes, opens = [], []
            for _ in range(args.runs):
                writes.append(time_write(graph_path, html_path, args.max_nodes))
                opens.append(time_open(html_path))
            med = lambda rows, key: statistics.median(r[key] for r in rows)  # noqa: E731
            shown = writes[0]["shown"]
            if any(o["nodes"] != shown for o in opens):
                raise SystemExit("the page drew a different number of nodes than it was given")
            print(f"| {n_nodes} | {n_edges} | {shown} | {writes[0]['bytes'] / 1e6:.1f} MB | "
                  f"{med(writes, 'write'):.2f} | {med(writes, 'layout'):.2f} | "
                  f"{med(opens, 'stable'):.2f} | {med(opens, 'wall'):.2f} | "
                  f"{med(opens, 'select'):.2f} | {med(opens, 'filter'):.2f} |")
            sys.stdout.flush()
    print(f"\nmedian of {args.runs} runs; {time.strftime('%Y-%m-%d')}; the page's clock starts at navigation")
    return 0


if __name__ == "__main__":
    sys.exit(main())

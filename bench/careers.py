"""Career and post reports and the on-date helpers on a large dated graph, networkx and Neo4j.

    .venv/bin/python bench/careers.py                      # 3 000 posts: ~130 000 nodes, ~250 000 edges
    .venv/bin/python bench/careers.py --posts 300          # quick
    set -a; eval "$(scripts/neo4j-local start)"; set +a
    .venv/bin/python bench/careers.py --neo4j --wipe       # the same on Neo4j (DELETES the database)

The graph is tests/support/synthetic.py's ``synthetic_careers``: posts held by a succession of
people over twelve years, each tenure an appointment, sightings and a removal, a former mention
or nothing, in dated one-sentence articles; people move between posts. Prints milliseconds per
call (median over a sample of people and posts) for ``posts(person, on=DATE)``,
``holders(post, on=DATE)``, the career report of the person with the most posts and the post
report of the post with the most holders (Markdown), and the seconds ``govkg view --on`` spends
choosing the posts held on a date; with ``--neo4j``, the same on the server and whether every
answer equals networkx's. Nothing here is a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # tests/support

from govkg.graph.schema import HOLDS_ROLE, PERSON, ROLE
from govkg.queries.dates import parse_on
from govkg.queries.local import LocalQueries
from govkg.queries.reports import build_report
from govkg.queries.reports.render import render_markdown
from govkg.queries.reports.source import LocalSource

DATES = ("2012", "2015-06", "2018-03-01", "2021-11-20")


def ms(fn, calls) -> float:
    times = []
    for args in calls:
        start = time.perf_counter()
        fn(*args)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--sample", type=int, default=200, help="people and posts timed")
    parser.add_argument("--neo4j", action="store_true", help="also on Neo4j (NEO4J_URI, NEO4J_PASSWORD …)")
    parser.add_argument("--wipe", action="store_true", help="allow deleting everything in that database")
    args = parser.parse_args()
    from support.synthetic import synthetic_careers

    start = time.perf_counter()
    graph = synthetic_careers(args.posts)
    built = time.perf_counter() - start
    start = time.perf_counter()
    local = LocalQueries(graph)
    prepared = time.perf_counter() - start
    holds = sum(1 for _, _, t in graph.edges(data="type") if t == HOLDS_ROLE)
    items = sum(len(d.get("evidence") or []) for _, _, d in graph.edges(data=True) if d.get("type") == HOLDS_ROLE)
    print(f"synthetic_careers({args.posts}): {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, "
          f"{holds} HOLDS_ROLE with {items} dated sentences; built in {built:.1f} s, helpers ready in "
          f"{prepared:.1f} s\n")
    rng = random.Random(3)
    people = sorted(n for n, a in graph.nodes(data=True) if a["label"] == PERSON)
    posts = sorted(n for n, a in graph.nodes(data=True) if a["label"] == ROLE)
    sample_people = rng.sample(people, min(args.sample, len(people)))
    sample_posts = rng.sample(posts, min(args.sample, len(posts)))
    busiest = max(people, key=lambda p: (len(local.person_holdings(p)), p))
    crowded = max(posts, key=lambda r: (len({h.person_id for h in local.post_holdings(r, ())}), r))
    source = LocalSource(local)
    print(f"busiest person {busiest}: {len(local.posts(busiest))} tenures; most held post {crowded}: "
          f"{len(local.holders(crowded))} tenures\n")

    rows = [("posts(person) — all tenures", lambda q: ms(q.posts, [(p,) for p in sample_people])),
            ("posts(person, on=DATE)", lambda q: ms(q.posts, [(p, d) for p in sample_people for d in DATES[:2]])),
            ("holders(post) — the succession", lambda q: ms(q.holders, [(r,) for r in sample_posts])),
            ("holders(post, on=DATE)", lambda q: ms(q.holders, [(r, d) for r in sample_posts for d in DATES[:2]]))]
    reports = [("career report of the busiest person", "career", busiest),
               ("post report of the most held post", "post", crowded)]
    server = None
    if args.neo4j:
        if not args.wipe:
            sys.exit("bench/careers.py --neo4j deletes everything in the database: add --wipe")
        from govkg.queries.neo4j.connection import Neo4jTarget
        from govkg.queries.neo4j.helpers import Neo4jQueries
        from govkg.queries.neo4j.load import load_graph
        from govkg.queries.neo4j.source import Neo4jSource

        target = Neo4jTarget(os.environ.get("NEO4J_URI", "bolt://localhost:7687"),
                             os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ["NEO4J_PASSWORD"],
                             os.environ.get("NEO4J_DATABASE", "neo4j"))
        start = time.perf_counter()
        load_graph(graph, target, wipe_first=True)
        print(f"loaded into Neo4j in {time.perf_counter() - start:.1f} s\n")
        server = Neo4jQueries.connect(target)
        for _ in range(2):  # warm the server's caches and query plans
            for p in sample_people[:20]:
                server.posts(p)
            for r in sample_posts[:20]:
                server.holders(r)

    print("| call | networkx (ms) |" + (" Neo4j (ms) |" if server else ""))
    print("|---|---:|" + ("---:|" if server else ""))
    for name, run in rows:
        print(f"| {name} | {run(local):.2f} |" + (f" {run(server):.2f} |" if server else ""))
    for name, kind, subject in reports:
        one = [(kind, subject)]

        def report(q_source, kind_, subject_):
            return render_markdown(build_report(q_source, kind_, [subject_]))

        line = f"| {name} | {ms(lambda k, s: report(source, k, s), one * 3):.2f} |"
        if server:
            server_source = Neo4jSource(server)
            line += f" {ms(lambda k, s: report(server_source, k, s), one * 3):.2f} |"
        print(line)
    if server:
        same = all(server.posts(p, on=d) == local.posts(p, on=d) for p in sample_people for d in (None, *DATES))
        same &= all(server.holders(r, on=d) == local.holders(r, on=d) for r in sample_posts for d in (None, *DATES))
        same &= all(render_markdown(build_report(Neo4jSource(server), k, [s])) ==
                    render_markdown(build_report(source, k, [s])) for _, k, s in reports)
        print(f"\nevery answer equal on both: {same}")
        server.close()

    print()
    for day in DATES[2:]:
        start = time.perf_counter()
        held = local.held_on_graph(parse_on(day))
        seconds = time.perf_counter() - start
        pairs = sum(1 for _, _, t in held.edges(data="type") if t == HOLDS_ROLE)
        print(f"view --on {day}: {pairs} of {holds} posts held, {held.number_of_nodes()} nodes drawn; "
              f"chosen in {seconds:.1f} s")


if __name__ == "__main__":
    main()

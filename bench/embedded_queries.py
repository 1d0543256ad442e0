"""Cypher on the embedded database (LadybugDB) beside Neo4j and the networkx helpers.

    .venv/bin/python bench/embedded_queries.py               # starts its own Neo4j
    .venv/bin/python bench/embedded_queries.py --scale 0.1   # a tenth of the graph

Builds bench/query_helpers.py's synthetic graph (98 988 nodes, 319 749 edges at
scale 1), writes it as a graph file, builds the embedded database from it
(``govkg query --graph``'s first run) and times opening it again, loads the
same graph into a throwaway Neo4j 5.26, then runs each helper's statement
(queries/cypher.py) and a few aggregations on both, with the same parameters:
median milliseconds per call, and whether the rows agree. The networkx
helper (queries/local.py) is timed beside each statement it answers. Nothing
here is a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import neo4j_load as load_bench  # noqa: E402 - bench/neo4j_load.py: the throwaway server
import query_helpers  # noqa: E402 - bench/query_helpers.py: the synthetic graph

from govkg.graph.graphfile import read_graph, write_graph  # noqa: E402
from govkg.queries.neo4j.load import Neo4jTarget, load_graph  # noqa: E402
from govkg.graph.schema import ORGANIZATION, PERSON, PLACE  # noqa: E402
from govkg.queries.neo4j import cypher  # noqa: E402
from govkg.queries.embedded import EmbeddedDatabase, ensure_database  # noqa: E402
from govkg.queries.local import LocalQueries  # noqa: E402
from govkg.queries.neo4j.run import read_rows  # noqa: E402


def median_ms(fn, args_list) -> tuple[float, list]:
    times, answers = [], []
    for args in args_list:
        started = time.perf_counter()
        answers.append(fn(*args))
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), answers


def canonical_rows(rows: list[dict]) -> list[str]:
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True, default=str) for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--samples", type=int, default=20)
    opts = parser.parse_args()

    graph = query_helpers.build(opts.scale)
    print(f"synthetic graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", flush=True)
    work = Path(tempfile.mkdtemp(prefix="govkg-bench-embedded."))
    graph_file = work / "graph.json"
    write_graph(graph, graph_file)
    started = time.perf_counter()
    read_graph(graph_file)
    print(f"graph file: {graph_file.stat().st_size / 1e6:.0f} MB, read into networkx in "
          f"{time.perf_counter() - started:.1f} s (what --helper pays on each run)", flush=True)

    started = time.perf_counter()
    path, built = ensure_database(graph_file, work / "cache")
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    ensure_database(graph_file, work / "cache")
    fresh_s = time.perf_counter() - started
    started = time.perf_counter()
    embedded = EmbeddedDatabase(path)
    open_s = time.perf_counter() - started
    size_mb = sum(p.stat().st_size for p in path.parent.iterdir() if p.is_file()) / 1e6
    print(f"embedded database: built in {build_s:.1f} s (reading the file included), "
          f"{size_mb:.0f} MB; found fresh again in {fresh_s * 1000:.0f} ms, opened in {open_s * 1000:.0f} ms",
          flush=True)

    values, env = load_bench.start_local_server()
    target = Neo4jTarget(values["NEO4J_URI"], values["NEO4J_USERNAME"], values["NEO4J_PASSWORD"])
    from neo4j import GraphDatabase

    driver = GraphDatabase.driver(target.uri, auth=(target.user, target.password))
    try:
        result = load_graph(graph, target, wipe_first=True)
        print(f"Neo4j: loaded in {result.seconds:.1f} s", flush=True)
        local = LocalQueries(graph)
        rng = random.Random(1)

        def some(label: str) -> list[str]:
            ids = sorted(n for n, lab in graph.nodes(data="label") if lab == label)
            return rng.sample(ids, min(opts.samples, len(ids)))

        people, orgs, places = some(PERSON), some(ORGANIZATION), some(PLACE)
        districts = [p for p in sorted(graph) if str(p).startswith("place:") and str(p).count("区") == 1
                     and "街道" not in str(p)][: min(opts.samples, 8)]
        names = [graph.nodes[p]["name"] for p in people]
        # (title, statement, parameter dicts, the networkx helper and its argument tuples or None)
        cases = [
            ("find_entities (name scan)", cypher.FIND_ENTITIES,
             [{"name": n, "labels": None, "partial": True} for n in names],
             (local.find_entities, [(n,) for n in names])),
            ("person_posts", cypher.PERSON_POSTS, [{"id": p} for p in people],
             (local.person_posts, [(p,) for p in people])),
            ("body_members", cypher.BODY_MEMBERS, [{"id": o, "deep": True} for o in orgs],
             (local.body_members, [(o,) for o in orgs])),
            ("territory_posts (district)", cypher.TERRITORY_POSTS, [{"id": d, "deep": True} for d in districts],
             (local.territory_posts, [(d,) for d in districts])),
            ("programs (with parts)", cypher.PROGRAMS, [{"id": p, "deep": True} for p in places],
             (local.programs, [(p, True) for p in places])),
            ("co_mentions", cypher.CO_MENTIONS, [{"id": p, "min_count": 1} for p in people],
             (local.co_mentions, [(p,) for p in people])),
            ("count by label (whole graph)",
             "MATCH (n) RETURN head(labels(n)) AS label, count(*) AS n", [{}] * 3, None),
            ("posts per body, top 10 (join + aggregate)",
             "MATCH (:Person)-[:HOLDS_ROLE]->(:Role)-[:ROLE_IN]->(b) RETURN b.name AS body, count(*) AS n "
             "ORDER BY n DESC, body LIMIT 10", [{}] * 3, None),
            ("most mentioned people, top 10",
             "MATCH (p:Person)-[m:MENTIONED_IN]->() RETURN p.id AS id, sum(m.count) AS mentions "
             "ORDER BY mentions DESC, id LIMIT 10", [{}] * 3, None),
        ]
        print("\n| query | calls | embedded ms/call | Neo4j ms/call | networkx helper ms/call | same rows |")
        print("|---|---:|---:|---:|---:|---|")
        for title, statement, params_list, helper in cases:
            embedded.rows(statement, params_list[0])  # warm both sides
            read_rows(driver, statement, params_list[0], database=target.database)
            ours_ms, ours = median_ms(lambda p: embedded.rows(statement, p), [(p,) for p in params_list])
            neo_ms, theirs = median_ms(lambda p: read_rows(driver, statement, p, database=target.database),
                                       [(p,) for p in params_list])
            same = sum(canonical_rows(a) == canonical_rows(b) for a, b in zip(ours, theirs))
            local_ms = f"{median_ms(helper[0], helper[1])[0]:.1f}" if helper else ""
            print(f"| {title} | {len(params_list)} | {ours_ms:.1f} | {neo_ms:.1f} | {local_ms} | "
                  f"{same}/{len(params_list)} |", flush=True)
    finally:
        driver.close()
        embedded.close()
        subprocess.run([str(load_bench.NEO4J_LOCAL), "stop"], env=env, capture_output=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

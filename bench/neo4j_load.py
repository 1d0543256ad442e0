"""govkg's Neo4j loader beside a bare ``UNWIND $rows CREATE`` of the same data.

    .venv/bin/python bench/neo4j_load.py                 # starts its own server
    set -a; eval "$(scripts/neo4j-local start)"; set +a
    .venv/bin/python bench/neo4j_load.py --yes           # the server in NEO4J_* (wiped!)

Builds a synthetic graph of 100 000 nodes and 300 000 relationships (all six
labels, the relation types between the labels annotation.md allows,
aliases on people and bodies, evidence on extracted relations, counts on
mentions), then, each time into an emptied database:

1. bare CREATE: plain indexes on id (so relationships can MATCH their ends),
   then ``UNWIND $rows AS row CREATE ...`` batches: fast, not idempotent;
2. govkg's loader (``queries.neo4j.load.load_graph``): uniqueness constraints,
   then ``UNWIND $rows AS row MERGE ...`` batches, list properties merged;
3. the loader again on the loaded database (every MERGE finds its match):
   counts must not change;

(1 and 2 alternate for --rounds rounds, after a warm-up, and the best round
of each counts, because other processes on a shared machine add noise), and
prints nodes/s and relationships/s for each, the loader/CREATE ratio,
and the PROFILE of a lookup by id (it should be a NodeUniqueIndexSeek on the
loader's constraint). Nothing here is a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from govkg.graph import schema as s
from govkg.graph.graphfile import new_graph
from govkg.graph.properties import edge_rows, node_rows
from govkg.queries.neo4j.load import (DEFAULT_BATCH_SIZE, Neo4jTarget, count_database, load_graph,
                                    plan_batches, write_batches)
from govkg.queries.neo4j import cypher

REPO = Path(__file__).resolve().parent.parent
NEO4J_LOCAL = REPO / "scripts" / "neo4j-local"

# Node counts per label: 100 000 in all.
NODES = {s.PERSON: 40_000, s.ROLE: 20_000, s.ORGANIZATION: 10_000, s.PLACE: 5_000,
         s.PROGRAM: 5_000, s.ARTICLE: 20_000}
# Relationships per (type, source label, target label): 300 000 in all.
RELATIONSHIPS = {
    (s.HOLDS_ROLE, s.PERSON, s.ROLE): 40_000,
    (s.ROLE_IN, s.ROLE, s.ORGANIZATION): 20_000,
    (s.PART_OF, s.ORGANIZATION, s.ORGANIZATION): 8_000,
    (s.LOCATED_IN, s.ORGANIZATION, s.PLACE): 10_000,
    (s.LOCATED_IN, s.PLACE, s.PLACE): 4_000,
    (s.RUNS, s.ORGANIZATION, s.PROGRAM): 8_000,
    (s.COOPERATES_WITH, s.ORGANIZATION, s.ORGANIZATION): 5_000,
    (s.RECEIVED, s.PERSON, s.PROGRAM): 5_000,
    (s.AUTHORED, s.ORGANIZATION, s.ARTICLE): 20_000,
    (s.MENTIONED_IN, s.PERSON, s.ARTICLE): 120_000,
    (s.MENTIONED_IN, s.ORGANIZATION, s.ARTICLE): 40_000,
    (s.MENTIONED_IN, s.PLACE, s.ARTICLE): 20_000,
}
EXTRACTED = {s.HOLDS_ROLE, s.ROLE_IN, s.PART_OF, s.LOCATED_IN, s.RUNS, s.COOPERATES_WITH, s.RECEIVED}


def build(seed: int = 7, scale: float = 1.0) -> nx.MultiDiGraph:
    """The synthetic graph: deterministic, no two edges with the same (source, type, target)."""
    rng = random.Random(seed)
    g = new_graph()
    ids: dict[str, list[str]] = {}
    for label, n in NODES.items():
        n = round(n * scale)
        ids[label] = []
        for i in range(n):
            if label == s.ARTICLE:
                nid = s.article_id(f"synthetic-{i // 10:05d}.txt", i % 10)
                g.add_node(nid, label=label, source=f"synthetic-{i // 10:05d}.txt",
                           title=f"新闻{i}", date=f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}")
            else:
                name = f"{label[:3]}{i:06d}"
                nid = s.node_id(label, name)
                attrs = {"label": label, "name": name}
                if label in (s.PERSON, s.ORGANIZATION, s.PLACE):
                    attrs["aliases"] = [name, f"{name}别名"]
                g.add_node(nid, **attrs)
            ids[label].append(nid)
    for (rel_type, source_label, target_label), n in RELATIONSHIPS.items():
        sources, targets = ids[source_label], ids[target_label]
        n = round(n * scale)
        seen: set[tuple[str, str]] = set()
        while len(seen) < n:
            pair = (rng.choice(sources), rng.choice(targets))
            if pair[0] == pair[1] or pair in seen:
                continue
            seen.add(pair)
            if rel_type in EXTRACTED:
                article = rng.choice(ids[s.ARTICLE])
                g.add_edge(*pair, type=rel_type,
                           evidence=[{"article": article, "sentence": f"{pair[0]}与{pair[1]}的句子。"}])
            elif rel_type == s.MENTIONED_IN:
                g.add_edge(*pair, type=rel_type, count=rng.randint(1, 5))
            else:
                g.add_edge(*pair, type=rel_type)
    return g


def empty_database(driver, database: str) -> None:
    """Delete all data, constraints and indexes (token lookup indexes stay)."""
    with driver.session(database=database) as session:
        session.run(cypher.WIPE_ALL).consume()
        for record in session.run("SHOW CONSTRAINTS YIELD name RETURN name").data():
            session.run(f"DROP CONSTRAINT `{record['name']}`").consume()
        for record in session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name").data():
            session.run(f"DROP INDEX `{record['name']}`").consume()


def bare_create(driver, database: str, graph: nx.MultiDiGraph, batch_size: int) -> tuple[float, float]:
    """(seconds for nodes incl. indexes, seconds for relationships) with bare CREATE.

    The rows are the loader's own (``node_rows``/``edge_rows``), made before
    the clock starts, as ``govkg_load`` plans its batches before its clock.
    """
    nodes, edges = node_rows(graph), edge_rows(graph)
    started = time.perf_counter()
    for label in s.NODE_LABELS:
        driver.execute_query(cypher.create_index(label), database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    for label, rows in sorted(nodes.items()):
        query = cypher.bare_create_nodes(label)
        for start in range(0, len(rows), batch_size):
            driver.execute_query(query, parameters_={"rows": rows[start:start + batch_size]},
                                 database_=database)
    nodes_done = time.perf_counter()
    for key, rows in sorted(edges.items()):
        query = cypher.bare_create_edges(*key)
        for start in range(0, len(rows), batch_size):
            driver.execute_query(query, parameters_={"rows": rows[start:start + batch_size]},
                                 database_=database)
    return nodes_done - started, time.perf_counter() - nodes_done


def govkg_load(target: Neo4jTarget, graph: nx.MultiDiGraph, batch_size: int) -> tuple[float, float]:
    """(seconds for nodes incl. constraints, seconds for relationships) with the loader."""
    marks: dict[str, float] = {}
    total_nodes = graph.number_of_nodes()

    def on_batch(progress) -> None:
        if progress.nodes == total_nodes and "nodes" not in marks:
            marks["nodes"] = time.perf_counter()

    batches = plan_batches(graph, batch_size)
    started = time.perf_counter()
    write_batches(batches, target, on_batch=on_batch)
    ended = time.perf_counter()
    return marks["nodes"] - started, ended - marks["nodes"]


def print_plan(plan: dict, depth: int = 0) -> None:
    args = plan.get("args", {})
    detail = args.get("Details", "")
    print(f"    {'  ' * depth}{plan['operatorType']:<28} rows={plan.get('rows', '?'):<4} "
          f"dbHits={plan.get('dbHits', '?'):<4} {detail}")
    for child in plan.get("children", []):
        print_plan(child, depth + 1)


def operators(plan: dict) -> list[str]:
    return [plan["operatorType"]] + [op for c in plan.get("children", []) for op in operators(c)]


def start_local_server() -> tuple[dict[str, str], dict[str, str]]:
    env = {**os.environ, "NEO4J_LOCAL_STATE": tempfile.mkdtemp(prefix="govkg-bench-neo4j.")}
    proc = subprocess.run([str(NEO4J_LOCAL), "start"], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"bench: could not start Neo4j: {proc.stderr[-2000:]}")
    values = dict(line.split("=", 1) for line in proc.stdout.splitlines() if "=" in line)
    return values, env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds; best one kept")
    parser.add_argument("--yes", action="store_true",
                        help="allow wiping the database named by NEO4J_URI")
    args = parser.parse_args()

    local_env = None
    if os.environ.get("NEO4J_URI"):
        if not args.yes:
            sys.exit(f"bench: this DELETES everything in the database at {os.environ['NEO4J_URI']}; "
                     f"add --yes, or unset NEO4J_URI to use a throwaway server")
        values = {k: os.environ.get(k, "") for k in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD")}
    else:
        values, local_env = start_local_server()
    target = Neo4jTarget(values["NEO4J_URI"], values.get("NEO4J_USERNAME") or "neo4j",
                         values["NEO4J_PASSWORD"], os.environ.get("NEO4J_DATABASE", "neo4j"))
    from neo4j import GraphDatabase

    driver = GraphDatabase.driver(target.uri, auth=(target.user, target.password))
    try:
        t = time.perf_counter()
        graph = build()
        n, r = graph.number_of_nodes(), graph.number_of_edges()
        print(f"synthetic graph: {n} nodes, {r} relationships (built in {time.perf_counter() - t:.1f} s); "
              f"server {driver.get_server_info().agent} at {target.uri}; batch size {args.batch_size}")

        # Warm-up: both paths once on a 5 % graph, so that neither measured run
        # pays for the JVM's JIT or for planning its statements the first time.
        small = build(seed=8, scale=0.05)
        for warm in (lambda: bare_create(driver, target.database, small, args.batch_size),
                     lambda: govkg_load(target, small, args.batch_size)):
            empty_database(driver, target.database)
            warm()

        # Rounds alternate the two, and each keeps its best round, so that a
        # burst of load from other processes on the machine hurts neither alone.
        bare_runs, load_runs = [], []
        for _ in range(args.rounds):
            empty_database(driver, target.database)
            bare_runs.append(bare_create(driver, target.database, graph, args.batch_size))
            assert count_database(driver, target.database) == (n, r)
            empty_database(driver, target.database)
            load_runs.append(govkg_load(target, graph, args.batch_size))
            assert count_database(driver, target.database) == (n, r)
        bare_n, bare_r = min(b[0] for b in bare_runs), min(b[1] for b in bare_runs)
        load_n, load_r = min(x[0] for x in load_runs), min(x[1] for x in load_runs)
        print("rounds (nodes s, relationships s): bare " + ", ".join(f"({a:.1f}, {b:.1f})" for a, b in bare_runs)
              + "; loader " + ", ".join(f"({a:.1f}, {b:.1f})" for a, b in load_runs))

        t = time.perf_counter()
        load_graph(graph, target, batch_size=args.batch_size)
        again = time.perf_counter() - t
        assert count_database(driver, target.database) == (n, r), "second load changed the counts"

        print(f"\n{'':28}{'nodes/s':>10}{'rels/s':>10}{'total s':>10}")
        print(f"{'bare UNWIND ... CREATE':28}{n / bare_n:>10.0f}{r / bare_r:>10.0f}{bare_n + bare_r:>10.1f}")
        print(f"{'govkg loader (MERGE)':28}{n / load_n:>10.0f}{r / load_r:>10.0f}{load_n + load_r:>10.1f}")
        print(f"{'govkg loader, again':28}{'':>10}{'':>10}{again:>10.1f}   (counts unchanged)")
        ratio_n, ratio_r = bare_n / load_n, bare_r / load_r
        overall = (bare_n + bare_r) / (load_n + load_r)
        print(f"\nloader / bare CREATE: nodes {ratio_n:.0%}, relationships {ratio_r:.0%}, "
              f"overall {overall:.0%} (target: at least 50 %)")

        some_id = next(iter(sorted(graph.nodes)))
        label = graph.nodes[some_id]["label"]
        summary = driver.execute_query("PROFILE " + cypher.lookup_by_id(label), id=some_id,
                                       database_=target.database).summary
        print(f"\nPROFILE {cypher.lookup_by_id(label)}  (id = {some_id!r})")
        print_plan(summary.profile)
        used = any("NodeUniqueIndexSeek" in op for op in operators(summary.profile))
        print(f"  -> {'uses' if used else 'DOES NOT use'} the uniqueness constraint's index "
              f"(NodeUniqueIndexSeek)")
    finally:
        driver.close()
        if local_env is not None:
            subprocess.run([str(NEO4J_LOCAL), "stop"], env=local_env, capture_output=True)


if __name__ == "__main__":
    main()

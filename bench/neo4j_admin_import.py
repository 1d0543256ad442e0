"""neo4j-admin's offline import of `govkg export --format neo4j-admin` beside `govkg load`.

    .venv/bin/python bench/neo4j_admin_import.py             # 100 000 nodes, 300 000 relationships
    .venv/bin/python bench/neo4j_admin_import.py --scale 0.1

Uses bench/neo4j_load.py's synthetic graph. For neo4j-admin: write the import
files (``govkg export``'s code), run the README's ``neo4j-admin database import
full`` command through ``scripts/neo4j-local admin`` into an empty folder, start
a server on it and create the constraints. For govkg load: the transactional
loader into an empty throwaway server. Both end with the same counts (checked).
Nothing here is a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import neo4j_load as load_bench  # noqa: E402 - bench/neo4j_load.py: graph and server

from govkg.queries.export import export_graph, neo4j_admin_command  # noqa: E402
from govkg.queries.neo4j.load import Neo4jTarget, count_database, load_graph  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    opts = parser.parse_args()
    from neo4j import GraphDatabase

    graph = load_bench.build(scale=opts.scale)
    n, r = graph.number_of_nodes(), graph.number_of_edges()
    print(f"synthetic graph: {n} nodes, {r} relationships", flush=True)
    work = Path(tempfile.mkdtemp(prefix="govkg-bench-import."))

    started = time.perf_counter()
    export_graph(graph, "neo4j-admin", work / "import")
    export_s = time.perf_counter() - started
    env = {**os.environ, "NEO4J_LOCAL_DATA": str(work / "home"), "NEO4J_LOCAL_STATE": str(work / "state")}
    command = shlex.split(neo4j_admin_command("."))
    started = time.perf_counter()
    done = subprocess.run([str(load_bench.NEO4J_LOCAL), "admin", *command[1:]], cwd=work / "import", env=env,
                          capture_output=True, text=True)
    import_s = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"bench: neo4j-admin failed: {done.stdout[-2000:]}{done.stderr[-2000:]}")
    started = time.perf_counter()
    proc = subprocess.run([str(load_bench.NEO4J_LOCAL), "start"], env=env, capture_output=True, text=True)
    values = dict(line.split("=", 1) for line in proc.stdout.splitlines() if "=" in line)
    driver = GraphDatabase.driver(values["NEO4J_URI"], auth=(values["NEO4J_USERNAME"], values["NEO4J_PASSWORD"]))
    try:
        start_s = time.perf_counter() - started
        started = time.perf_counter()
        for statement in (work / "import" / "constraints.cypher").read_text(encoding="utf-8").splitlines():
            driver.execute_query(statement.rstrip(";"), database_="neo4j")
        constraints_s = time.perf_counter() - started
        imported = count_database(driver, "neo4j")
    finally:
        driver.close()
        subprocess.run([str(load_bench.NEO4J_LOCAL), "stop"], env=env, capture_output=True)
    assert imported == (n, r), imported

    values, server_env = load_bench.start_local_server()
    try:
        target = Neo4jTarget(values["NEO4J_URI"], values["NEO4J_USERNAME"], values["NEO4J_PASSWORD"])
        small = load_bench.build(seed=8, scale=0.05)
        load_graph(small, target, wipe_first=True)  # warm the JVM, as for neo4j-admin's own start
        started = time.perf_counter()
        result = load_graph(graph, target, wipe_first=True)
        load_s = time.perf_counter() - started
        assert (result.nodes_in_database, result.relationships_in_database) == (n, r)
    finally:
        subprocess.run([str(load_bench.NEO4J_LOCAL), "stop"], env=server_env, capture_output=True)

    total = export_s + import_s + constraints_s
    print(f"\n| | seconds | nodes + relationships / s |")
    print("|---|---:|---:|")
    print(f"| govkg export --format neo4j-admin (write the files) | {export_s:.1f} | |")
    print(f"| neo4j-admin database import full (JVM start included) | {import_s:.1f} | {(n + r) / import_s:,.0f} |")
    print(f"| create the constraints on the started server | {constraints_s:.1f} | |")
    print(f"| export + import + constraints | {total:.1f} | {(n + r) / total:,.0f} |")
    print(f"| govkg load (MERGE, into a running empty server) | {load_s:.1f} | {(n + r) / load_s:,.0f} |")
    print(f"\n(starting the server on the imported data took {start_s:.1f} s; not counted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

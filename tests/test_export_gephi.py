"""Gephi itself reads `govkg export` GraphML and GEXF: the Gephi Toolkit's importers (what
File > Open runs), through tests/gephi/GephiRead, built with Maven from Maven Central."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from govkg.graph.graphfile import read_graph
from support.cli import govkg

PROJECT = Path(__file__).resolve().parent / "gephi"


@pytest.fixture(scope="session")
def gephi_read() -> list[str]:
    """The java command line that runs GephiRead (built once; offline first, as neo4j-local does)."""
    target = PROJECT / "target"
    for offline in (["-o"], []):
        done = subprocess.run(["mvn", "-q", "-B", *offline, "compile"], cwd=PROJECT, capture_output=True,
                              text=True, timeout=900)
        if done.returncode == 0:
            break
    else:
        pytest.fail(f"could not build tests/gephi with Maven:\n{done.stdout[-3000:]}", pytrace=False)
    classpath = f"{target / 'classes'}:{(target / 'classpath.txt').read_text().strip()}"
    return ["java", "-Djava.awt.headless=true", "-cp", classpath, "govkg.gephi.GephiRead"]


def read_with_gephi(command: list[str], path: Path) -> dict:
    done = subprocess.run([*command, str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def export(sample_file: Path, fmt: str, out: Path) -> None:
    done = govkg("export", "--graph", sample_file, "-f", fmt, "-o", out)
    assert done.returncode == 0, done.stderr


def _display(attrs: dict, node_id: str) -> str:
    return attrs.get("name") or attrs.get("title") or node_id


def test_gephi_reads_the_gexf_with_every_edge_and_kind(gephi_read, sample_file, tmp_path):
    graph = read_graph(sample_file)
    export(sample_file, "gexf", tmp_path / "g.gexf")
    got = read_with_gephi(gephi_read, tmp_path / "g.gexf")
    assert got["directed"] is True
    assert (got["nodes"], got["edges"]) == (graph.number_of_nodes(), graph.number_of_edges())
    # Parallel edges survive because each relation type is its own Gephi edge kind.
    assert set(got["edge_kinds"]) == {t for _, _, t in graph.edges(data="type")}
    assert got["labels"] == {n: _display(a, n) for n, a in graph.nodes(data=True)}
    assert got["types"] == {n: a["label"] for n, a in graph.nodes(data=True)}
    assert {"type", "aliases_json"} <= set(got["node_columns"])
    assert {"evidence_json", "count"} <= set(got["edge_columns"])
    assert not [i for i in got["issues"] if not i.startswith("INFO")], got["issues"]


def test_gephi_reads_the_graphml_merging_parallel_edges(gephi_read, sample_file, tmp_path):
    graph = read_graph(sample_file)
    export(sample_file, "graphml", tmp_path / "g.graphml")
    got = read_with_gephi(gephi_read, tmp_path / "g.graphml")
    assert got["nodes"] == graph.number_of_nodes()
    # GraphML has no edge kinds: Gephi keeps one edge per ordered pair of nodes (the README says so).
    pairs = {(u, v) for u, v in graph.edges()}
    assert len(pairs) < graph.number_of_edges() and got["edges"] == len(pairs)
    assert got["labels"] == {n: _display(a, n) for n, a in graph.nodes(data=True)}
    assert got["types"] == {n: a["label"] for n, a in graph.nodes(data=True)}
    # Gephi warns only that it has no place for the graph's own attributes (schema_version …).
    assert all(i.startswith("INFO") or "Graph attributes" in i for i in got["issues"]), got["issues"]

"""`govkg export`: GraphML, GEXF and CSV read back by other tools give the graph file's graph.

The inverse applied here is the one the README documents (a node's ``type`` is
its label and ``label`` its display name, an edge's ``label`` its type, ``k_json``
is JSON text of ``k``), so these tests also check the documentation.
"""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from govkg.graph.graphfile import read_graph
from support import cli


def govkg(*args: str) -> subprocess.CompletedProcess:
    return cli.govkg(*args)


def _unflatten(attrs: dict) -> dict:
    out = {}
    for key, value in attrs.items():
        if key.endswith("_json"):
            out[key[: -len("_json")]] = json.loads(value)
        else:
            out[key] = value
    return out


def _expected_nodes(graph: nx.MultiDiGraph) -> dict:
    return {str(n): dict(attrs) for n, attrs in graph.nodes(data=True)}


def _expected_edges(graph: nx.MultiDiGraph) -> dict:
    return {(str(u), str(v), str(k)): dict(attrs) for u, v, k, attrs in graph.edges(keys=True, data=True)}


def _from_flat(flat: nx.MultiDiGraph, edge_key_attr: str | None = None) -> tuple[dict, dict]:
    """Undo the documented flattening of GraphML/GEXF attributes."""
    nodes = {}
    for node_id, attrs in flat.nodes(data=True):
        attrs = dict(attrs)
        name = attrs.pop("label")
        attrs["label"] = attrs.pop("type")
        attrs = _unflatten(attrs)
        assert name == attrs.get("name") or name == attrs.get("title") or name == node_id
        nodes[str(node_id)] = attrs
    edges = {}
    for u, v, k, attrs in flat.edges(keys=True, data=True):
        attrs = dict(attrs)
        attrs.pop("id", None)  # GEXF's running edge number
        k = attrs.pop("key", k)  # GraphML: edge ids e0, e1 …, the file's key as `key`
        attrs["type"] = attrs.pop("label")
        edges[(str(u), str(v), str(k))] = _unflatten(attrs)
    return nodes, edges


@pytest.fixture(scope="module")
def sample_graph(sample_file: Path) -> nx.MultiDiGraph:
    return read_graph(sample_file)


def test_graphml_read_back_by_networkx_is_the_same_graph(sample_file, sample_graph, tmp_path):
    out = tmp_path / "g.graphml"
    done = govkg("export", "--graph", str(sample_file), "--format", "graphml", "-o", str(out))
    assert done.returncode == 0, done.stderr
    flat = nx.read_graphml(out, force_multigraph=True)
    nodes, edges = _from_flat(flat)
    assert nodes == _expected_nodes(sample_graph)
    assert edges == _expected_edges(sample_graph)
    # The parallel edges of a pair survive with their keys (person → article: MENTIONED_IN and AUTHORED).
    assert any(len(d) > 1 for _, _, d in ((u, v, flat.get_edge_data(u, v)) for u, v in flat.edges()))


def test_graphml_read_by_igraph_has_names_types_and_evidence(sample_file, sample_graph, tmp_path):
    import igraph

    out = tmp_path / "g.graphml"
    assert govkg("export", "--graph", str(sample_file), "-f", "graphml", "-o", str(out)).returncode == 0
    g = igraph.Graph.Read_GraphML(str(out))
    assert (g.vcount(), g.ecount()) == (sample_graph.number_of_nodes(), sample_graph.number_of_edges())
    zhang = g.vs.find(id="person:张伟")
    assert (zhang["label"], zhang["type"]) == ("张伟", "Person")
    held = [e for e in g.es.select(_source=zhang.index) if e["label"] == "HOLDS_ROLE"]
    assert held and "张伟" in json.loads(held[0]["evidence_json"])[0]["sentence"]


def test_gexf_read_back_by_networkx_is_the_same_graph(sample_file, sample_graph, tmp_path):
    out = tmp_path / "g.gexf"
    assert govkg("export", "--graph", str(sample_file), "--format", "gexf", "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    # GEXF's edge `type` means directed/undirected (Gephi refuses anything else): the relation
    # type must not land there.
    assert 'type="HOLDS_ROLE"' not in text and 'defaultedgetype="directed"' in text
    flat = nx.read_gexf(out)
    # networkx keeps a multigraph's edge keys in GEXF as `networkx_key`.
    nodes, edges = _from_flat(flat)
    assert nodes == _expected_nodes(sample_graph)
    assert edges == _expected_edges(sample_graph)


def test_csv_tables_have_a_bom_and_give_the_graph_back(sample_file, sample_graph, tmp_path):
    out = tmp_path / "tables"
    assert govkg("export", "--graph", str(sample_file), "--format", "csv", "-o", str(out)).returncode == 0
    for name in ("nodes.csv", "edges.csv", "evidence.csv"):
        assert (out / name).read_bytes().startswith(b"\xef\xbb\xbf"), name

    def rows(name):
        with open(out / name, encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))

    def typed(row, ints=("number", "count")):
        return {k: (int(v) if k in ints else v) for k, v in row.items() if v != ""}

    nodes = {r["id"]: _unflatten({k: v for k, v in typed(r).items() if k != "id"})
             for r in rows("nodes.csv")}
    # An empty title is an empty cell: the one value CSV cannot tell from a missing one.
    expected = {n: {k: v for k, v in a.items() if v != ""} for n, a in _expected_nodes(sample_graph).items()}
    assert nodes == expected
    edges = {(r["source"], r["target"], r["key"]):
             _unflatten({k: v for k, v in typed(r).items() if k not in ("source", "target", "key")})
             for r in rows("edges.csv")}
    assert edges == _expected_edges(sample_graph)
    evidence = rows("evidence.csv")
    expected_items = [(u, a["type"], item["sentence"]) for u, _, a in sample_graph.edges(data=True)
                      for item in a.get("evidence", [])]
    assert sorted((r["source"], r["type"], r["sentence"]) for r in evidence) == sorted(expected_items)
    assert any("张伟" in r["sentence"] and r["type"] == "HOLDS_ROLE" for r in evidence)
    # each row carries what its sentence says of the post, as the evidence item does
    expected_statements = sorted((u, v, item["sentence"], item.get("status", ""), item.get("date", ""))
                                 for u, v, a in sample_graph.edges(data=True) if a["type"] == "HOLDS_ROLE"
                                 for item in a.get("evidence", []))
    assert sorted((r["source"], r["target"], r["sentence"], r["status"], r["date"]) for r in evidence
                  if r["type"] == "HOLDS_ROLE") == expected_statements
    assert any(r["status"] == "current" and r["date"] for r in evidence if r["type"] == "HOLDS_ROLE")


def test_neo4j_admin_files_hold_the_loader_properties(sample_file, tmp_path):
    out = tmp_path / "import"
    done = govkg("export", "--graph", str(sample_file), "--format", "neo4j-admin", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "neo4j-admin database import full neo4j" in done.stdout
    header = (out / "nodes.header.csv").read_text(encoding="utf-8").strip().split(",")
    assert header[:2] == ["id:ID", ":LABEL"] and "aliases:string[]" in header and "number:long" in header
    rel_header = (out / "relationships.header.csv").read_text(encoding="utf-8").strip().split(",")
    assert rel_header[:3] == [":START_ID", ":END_ID", ":TYPE"] and "evidence_json:string[]" in rel_header
    assert "CREATE CONSTRAINT govkg_person_id" in (out / "constraints.cypher").read_text(encoding="utf-8")


def test_export_mistakes_are_one_line(sample_file, tmp_path):
    done = govkg("export", "--graph", str(sample_file), "--format", "pdf", "-o", str(tmp_path / "x.pdf"))
    assert done.returncode == 1 and done.stderr.startswith("govkg: unknown --format 'pdf'")
    done = govkg("export", "--graph", str(sample_file), "--format", "graphml", "-o", str(sample_file))
    assert done.returncode == 1 and "it is one of the inputs" in done.stderr
    assert read_graph(sample_file).number_of_nodes() > 0  # the input is untouched
    a_file = tmp_path / "file.txt"
    a_file.write_text("keep", encoding="utf-8")
    done = govkg("export", "--graph", str(sample_file), "--format", "csv", "-o", str(a_file))
    assert done.returncode == 1 and "is a file" in done.stderr and a_file.read_text() == "keep"
    done = govkg("export", "--graph", str(tmp_path / "missing.json"), "--format", "csv", "-o", str(tmp_path / "t"))
    assert done.returncode == 1 and "not found" in done.stderr and len(done.stderr.splitlines()) == 1

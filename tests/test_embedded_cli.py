"""`govkg query … --graph`: Cypher on a graph file with no server, its cache, read-only and --write."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from govkg.graph.graphfile import new_graph, write_graph
from govkg.queries.embedded import DATABASE_FILE, database_folder
from support import cli


def _graph(people: dict[str, str]):
    graph = new_graph()
    graph.add_node("org:青禾区人民政府", label="Organization", name="青禾区人民政府", aliases=["青禾区政府"])
    for name, title in people.items():
        role = f"role:青禾区人民政府/{title}"
        graph.add_node(f"person:{name}", label="Person", name=name, aliases=[name])
        graph.add_node(role, label="Role", name=title, title=title)
        graph.add_edge(f"person:{name}", role, type="HOLDS_ROLE",
                       evidence=[{"article": "article:a.txt#1", "sentence": f"青禾区{title}{name}说。"}])
        graph.add_edge(role, "org:青禾区人民政府", type="ROLE_IN")
    return graph


@pytest.fixture()
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def govkg(cache: Path, *args: str) -> subprocess.CompletedProcess:
    return cli.govkg("query", *args, env={"XDG_CACHE_HOME": str(cache)})


POSTS = "MATCH (p:Person)-[h:HOLDS_ROLE]->(r:Role) RETURN p.name AS person, r.title AS post ORDER BY person"


def test_query_a_graph_file_and_follow_its_changes(tmp_path, cache):
    graph_file = tmp_path / "g.json"
    write_graph(_graph({"林晓": "区长"}), graph_file)
    done = govkg(cache, POSTS, "--graph", str(graph_file), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"person": "林晓", "post": "区长"}]
    folder = database_folder(graph_file, cache / "govkg")
    assert (folder / DATABASE_FILE).is_file() and not list(tmp_path.glob("*.lbug"))  # nothing beside the file
    built = (folder / DATABASE_FILE).stat().st_mtime_ns

    again = govkg(cache, POSTS, "--graph", str(graph_file), "--format", "json")
    assert again.returncode == 0 and (folder / DATABASE_FILE).stat().st_mtime_ns == built  # not rebuilt

    write_graph(_graph({"林晓": "区长", "苏岩": "副区长"}), graph_file)
    changed = govkg(cache, POSTS, "--graph", str(graph_file), "--format", "json")
    assert json.loads(changed.stdout) == [{"person": "林晓", "post": "区长"}, {"person": "苏岩", "post": "副区长"}]


def test_parameters_evidence_and_csv(tmp_path, cache):
    graph_file = tmp_path / "g.json"
    write_graph(_graph({"林晓": "区长", "苏岩": "副区长"}), graph_file)
    done = govkg(cache, "MATCH (p:Person {name: $name})-[h:HOLDS_ROLE]->(r) RETURN r.title, h.evidence_json",
                 "--param", "name=苏岩", "--graph", str(graph_file), "--format", "json")
    rows = json.loads(done.stdout)
    assert rows[0]["r.title"] == "副区长"
    assert json.loads(rows[0]["h.evidence_json"][0])["sentence"] == "青禾区副区长苏岩说。"
    csv_out = govkg(cache, "MATCH (p:Person)-[h:HOLDS_ROLE]->(r) RETURN h ORDER BY p.name",
                    "--graph", str(graph_file), "-f", "csv")
    assert csv_out.stdout.splitlines() == ["h", "林晓 -[:HOLDS_ROLE]-> 区长", "苏岩 -[:HOLDS_ROLE]-> 副区长"]


def test_read_only_unless_write_and_the_file_is_never_written(tmp_path, cache):
    graph_file = tmp_path / "g.json"
    write_graph(_graph({"林晓": "区长"}), graph_file)
    before = graph_file.read_bytes()
    refused = govkg(cache, "MATCH (p:Person) SET p.name = '改名'", "--graph", str(graph_file))
    assert refused.returncode == 1 and "read-only" in refused.stderr and "--write" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    written = govkg(cache, "MATCH (p:Person) SET p.name = '改名'", "--graph", str(graph_file), "--write")
    assert written.returncode == 0, written.stderr
    names = govkg(cache, "MATCH (p:Person) RETURN p.name", "--graph", str(graph_file), "-f", "csv")
    assert names.stdout.splitlines() == ["p.name", "改名"]  # the embedded copy changed
    assert graph_file.read_bytes() == before  # the graph file did not


def test_mistakes_are_one_line(tmp_path, cache):
    graph_file = tmp_path / "g.json"
    write_graph(_graph({"林晓": "区长"}), graph_file)
    for args, expected in [
        (("MATCH (p:Person RETURN p", "--graph", str(graph_file)), "Cypher error"),
        (("MATCH (p:Person) RETURN p", "--graph", str(tmp_path / "missing.json")), "not found"),
        (("MATCH (p:Person) RETURN p.nmae", "--graph", str(graph_file)), "p.nmae"),
        (("MATCH (p:Person) RETURN p", "--graph", str(graph_file), "--arg", "x=1"), "--arg goes with --helper"),
    ]:
        done = govkg(cache, *args)
        assert done.returncode == 1 and done.stderr.startswith("govkg: ") and expected in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr

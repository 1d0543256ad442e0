"""A graph file is checked once, as it is read (graph/graphfile.py), one line per problem.

Every command that reads a graph file reads it there, so a broken file is
one ``govkg: …`` line per problem and exit 1 from view, report, merge,
export, query, eval and load alike, with nothing written: no output file,
and nothing in Neo4j (the check comes before the first batch).
"""

from __future__ import annotations

import copy
import json
import subprocess
import tempfile
from pathlib import Path

import pytest

from support import cli

_CACHE = tempfile.mkdtemp(prefix="govkg-test-cache-")
REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "examples" / "chenghu-district-2021-09.gold.json"

GOOD = {
    "directed": True, "multigraph": True, "graph": {"schema_version": 1, "created_by": "govkg test"},
    "nodes": [
        {"id": "person:林晓", "label": "Person", "name": "林晓", "aliases": ["林晓"]},
        {"id": "role:青禾区人民政府/区长", "label": "Role", "name": "区长", "title": "区长"},
        {"id": "article:a.txt#1", "label": "Article", "name": "青禾新闻", "title": "青禾新闻", "source": "a.txt",
         "number": 1, "text": "青禾区区长林晓说。"},
    ],
    "edges": [
        {"source": "person:林晓", "target": "role:青禾区人民政府/区长", "type": "HOLDS_ROLE", "key": "HOLDS_ROLE",
         "evidence": [{"article": "article:a.txt#1", "sentence": "青禾区区长林晓说。"}]},
        {"source": "person:林晓", "target": "article:a.txt#1", "type": "MENTIONED_IN", "key": "MENTIONED_IN",
         "count": 1},
    ],
}


def broken(change) -> dict:
    data = copy.deepcopy(GOOD)
    change(data)
    return data


# (what is wrong, the file, words of the line that says so)
CASES = {
    "a name that is a number": (broken(lambda d: d["nodes"][0].update(name=5)), "'name' is a number, not a string"),
    "aliases that are a string": (broken(lambda d: d["nodes"][0].update(aliases="林晓")),
                                  "'aliases' is a string, not a list of strings"),
    "a count that is text": (broken(lambda d: d["edges"][1].update(count="1")), "'count' is a string"),
    "evidence that is text": (broken(lambda d: d["edges"][0].update(evidence="青禾区区长林晓说。")),
                              "'evidence' is not a list"),
    "an edge to a missing node": (broken(lambda d: d["edges"][0].update(target="role:无此职务")),
                                  "target 'role:无此职务' is no node of the file"),
    "an undirected graph": (broken(lambda d: d.update(directed=False)), '"directed": false'),
    "duplicate node ids": (broken(lambda d: d["nodes"].append(
        {"id": "person:林晓", "label": "Organization", "name": "林晓"})), "a second node with this id"),
    "a null id": (broken(lambda d: d["nodes"].append({"id": None, "label": "Person", "name": "无名"})),
                  "has no id (null)"),
    "an edge with no type": (broken(lambda d: d["edges"][0].pop("type")), "an edge with no type"),
    "an empty property key": (broken(lambda d: d["nodes"][0].update({"": "x"})), "a property with an empty name"),
    "a lone surrogate": (broken(lambda d: d["nodes"][0].update(name="林\ud800晓")), "lone surrogate"),
    "another format version": (broken(lambda d: d["graph"].update(schema_version=2)),
                               "format version 2 (schema_version), but this govkg reads and writes version 1"),
}


def write(path: Path, data: dict) -> Path:
    # ensure_ascii: a lone surrogate can only be written as an escape, as another program would write it.
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    return path


def govkg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return cli.govkg(*args, env={"XDG_CACHE_HOME": _CACHE, **(env or {})})


def problem_lines(done: subprocess.CompletedProcess) -> list[str]:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert all(line.startswith("govkg: ") for line in lines), lines
    return lines


def test_the_good_file_is_read(tmp_path):
    done = govkg("report", "overview", "--graph", str(write(tmp_path / "g.json", GOOD)), "--format", "json")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("case", list(CASES))
def test_each_problem_is_one_line_and_nothing_is_written(tmp_path, case):
    data, words = CASES[case]
    graph = write(tmp_path / "g.json", data)
    out = tmp_path / "view.html"
    (line,) = problem_lines(govkg("view", "--graph", str(graph), "-o", str(out)))
    assert line.startswith(f"govkg: '{graph}': ") and words in line, line
    assert not out.exists()


def test_every_problem_has_its_line(tmp_path):
    def two(d):
        d["nodes"][0]["name"] = 5
        d["edges"][0]["target"] = "role:无此职务"
    lines = problem_lines(govkg("view", "--graph", str(write(tmp_path / "g.json", broken(two))),
                                "-o", str(tmp_path / "v.html")))
    assert len(lines) == 2 and "'name' is a number" in lines[0] and "no node of the file" in lines[1]


@pytest.mark.parametrize("command", [
    ["view", "--graph", "{graph}", "-o", "{out}.html"],
    ["report", "overview", "--graph", "{graph}", "-o", "{out}.md"],
    ["report", "person", "林晓", "--graph", "{graph}", "-o", "{out}.md"],
    ["merge", "{graph}", "-o", "{out}.json"],
    ["export", "--graph", "{graph}", "--format", "graphml", "-o", "{out}.graphml"],
    ["query", "MATCH (p:Person) RETURN p.name", "--graph", "{graph}", "-o", "{out}.csv"],
    ["query", "--helper", "person", "--arg", "name=林晓", "--graph", "{graph}", "-o", "{out}.csv"],
    ["eval", str(GOLD), "--graph", "{graph}", "-o", "{out}.json"],
], ids=["view", "report", "report-person", "merge", "export", "query", "helper", "eval"])
def test_every_command_that_reads_a_graph_file_checks_it(tmp_path, command):
    graph = write(tmp_path / "g.json", CASES["an undirected graph"][0])
    out = tmp_path / "out"
    (line,) = problem_lines(govkg(*[a.format(graph=graph, out=out) for a in command]))
    assert '"directed": false' in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json"]


def test_load_checks_the_file_before_its_first_batch(tmp_path, neo4j_db, neo4j_connection):
    """A file whose third node has an empty key: nothing of it reaches the database (before, two
    batches of one row each were written first)."""
    def late_problem(d):
        d["nodes"][2][""] = "x"
    env = {"NEO4J_URI": neo4j_connection.uri, "NEO4J_USERNAME": neo4j_connection.user,
           "NEO4J_PASSWORD": neo4j_connection.password}
    graph = write(tmp_path / "g.json", broken(late_problem))
    (line,) = problem_lines(govkg("load", "--graph", str(graph), "--batch-size", "1", "--quiet", env=env))
    assert "nodes[2] 'article:a.txt#1': a property with an empty name" in line
    count = neo4j_db.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    assert count == 0
    # Nor a duplicate id under another label, which a load made into a second node.
    duplicate = write(tmp_path / "d.json", CASES["duplicate node ids"][0])
    problem_lines(govkg("load", "--graph", str(duplicate), "--quiet", env=env))
    assert neo4j_db.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 0

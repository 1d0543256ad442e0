"""The Neo4j loader and ``govkg load``, against a real Neo4j server (see conftest)."""

from __future__ import annotations

import json
import os
import socket
import subprocess

import networkx as nx
import pytest

from govkg.errors import GovkgError
from govkg.graph import schema as s
from govkg.graph.graphfile import new_graph, write_graph
from govkg.graph.properties import split_properties
from govkg.queries.neo4j.load import Neo4jTarget, load_graph, plan_batches
from govkg.queries.neo4j import cypher

from conftest import NEO4J_LOCAL, REPO, _parse_env_lines
from support import cli

ZHANG = s.node_id(s.PERSON, "张伟")
LI = s.node_id(s.PERSON, "李红")
GOV = s.node_id(s.ORGANIZATION, "卫东区人民政府")
ACTING_HEAD = s.role_id("代区长", "卫东区人民政府")
WEIDONG = s.node_id(s.PLACE, "卫东区")
ART1 = s.article_id("pingdingshan-weidong-2020-06.txt", 1)
ART2 = s.article_id("pingdingshan-weidong-2020-07.txt", 1)
SENT1 = "……卫东区代区长张伟表示……"
SENT2 = "七月，卫东区代区长张伟主持召开会议"


def graph_a() -> nx.MultiDiGraph:
    """A small graph in the shape of shared/spec/graph-json.md."""
    g = new_graph()
    g.add_node(ZHANG, label=s.PERSON, name="张伟", aliases=["张伟"])
    g.add_node(ACTING_HEAD, label=s.ROLE, name="代区长", title="代区长")
    g.add_node(GOV, label=s.ORGANIZATION, name="卫东区人民政府", aliases=["卫东区政府"])
    g.add_node(WEIDONG, label=s.PLACE, name="卫东区", level="district")
    g.add_node(ART1, label=s.ARTICLE, source="pingdingshan-weidong-2020-06.txt",
               title="卫东区全力推动经济平稳健康发展", date="2020-06-03")
    g.add_edge(ZHANG, ACTING_HEAD, type=s.HOLDS_ROLE, evidence=[{"article": ART1, "sentence": SENT1}])
    g.add_edge(ACTING_HEAD, GOV, type=s.ROLE_IN)
    g.add_edge(GOV, WEIDONG, type=s.LOCATED_IN, confidence=0.9)
    g.add_edge(ZHANG, ART1, type=s.MENTIONED_IN, count=2)
    g.add_edge(GOV, ART1, type=s.MENTIONED_IN, count=1)
    return g


def graph_b() -> nx.MultiDiGraph:
    """A second month: the same 张伟 and post (new alias, one old and one new evidence), a new person."""
    g = new_graph()
    g.add_node(ZHANG, label=s.PERSON, name="张伟", aliases=["张伟", "张代区长"])
    g.add_node(LI, label=s.PERSON, name="李红", aliases=["李红"])
    g.add_node(ACTING_HEAD, label=s.ROLE, name="代区长", title="代区长")
    g.add_node(ART2, label=s.ARTICLE, source="pingdingshan-weidong-2020-07.txt", title="", date="2020-07-01")
    g.add_edge(ZHANG, ACTING_HEAD, type=s.HOLDS_ROLE, evidence=[
        {"sentence": SENT1, "article": ART1},  # same item, keys in another order
        {"article": ART2, "sentence": SENT2},
    ])
    g.add_edge(ZHANG, ART2, type=s.MENTIONED_IN, count=1)
    g.add_edge(LI, ART2, type=s.MENTIONED_IN, count=1)
    return g


def target(conn) -> Neo4jTarget:
    return Neo4jTarget(conn.uri, conn.user, conn.password, conn.database)


def counts(driver, database: str) -> tuple[int, int]:
    nodes = driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=database).records[0]["c"]
    rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c", database_=database).records[0]["c"]
    return nodes, rels


def snapshot(driver, database: str) -> tuple[list, list]:
    """Everything in the database, in a comparable form."""
    nodes = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id",
        database_=database).records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props "
        "ORDER BY a, t, b", database_=database).records
    return [r.data() for r in nodes], [r.data() for r in rels]


def node(driver, database: str, node_id: str) -> dict:
    records = driver.execute_query("MATCH (n {id: $id}) RETURN labels(n) AS labels, properties(n) AS p",
                                   id=node_id, database_=database).records
    assert len(records) == 1, f"{node_id}: {len(records)} nodes"
    return {"labels": records[0]["labels"], **records[0]["p"]}


def rel(driver, database: str, source: str, rel_type: str, target_id: str) -> dict:
    assert rel_type in s.RELATION_TYPES
    records = driver.execute_query(
        "MATCH (a {id: $a})-[r]->(b {id: $b}) WHERE type(r) = $t RETURN properties(r) AS p",
        a=source, b=target_id, t=rel_type, database_=database).records
    assert len(records) == 1, f"{source} -{rel_type}-> {target_id}: {len(records)} relationships"
    return records[0]["p"]


def evidence(props: dict) -> list[dict]:
    return [json.loads(item) for item in props["evidence_json"]]


# --- without a server ------------------------------------------------------------

def test_split_properties_keeps_lists_and_turns_nested_values_into_json():
    props, lists = split_properties(
        {"id": "x", "name": "张伟", "count": 2, "ok": True, "gone": None, "aliases": ["张伟", "老张"],
         "evidence": [{"sentence": "句", "article": "article:a#1"}], "mixed": [1, "a"], "meta": {"b": 1}},
        skip=("id",))
    assert props == {"name": "张伟", "count": 2, "ok": True, "meta_json": '{"b":1}'}
    assert lists == {"aliases": ["张伟", "老张"],
                     "evidence_json": ['{"article":"article:a#1","sentence":"句"}'],
                     "mixed_json": ["1", '"a"']}


def test_unknown_relation_type_is_a_clear_error():
    g = graph_a()
    g.add_edge(ZHANG, GOV, type="LOVES")
    with pytest.raises(GovkgError, match="unknown type 'LOVES'"):
        plan_batches(g)


def test_cypher_is_built_from_the_whitelists_only():
    assert "MERGE (x:Person {id: row.id})" in cypher.merge_nodes(s.PERSON)
    with pytest.raises(ValueError):
        cypher.merge_nodes("Person) DETACH DELETE (x")
    with pytest.raises(ValueError):
        cypher.merge_edges("HOLDS_ROLE]->() DELETE x//", s.PERSON, s.ROLE)


def test_batches_put_every_node_before_any_relationship():
    kinds = [b.kind for b in plan_batches(graph_a(), batch_size=1)]
    assert kinds == ["nodes"] * 5 + ["relationships"] * 5


# --- against the server ------------------------------------------------------------

def test_load_writes_every_node_and_relationship_with_labels_and_properties(neo4j_db, neo4j_connection):
    db = neo4j_connection.database
    g = graph_a()
    result = load_graph(g, target(neo4j_connection), batch_size=2)

    assert (result.nodes, result.relationships) == (g.number_of_nodes(), g.number_of_edges())
    assert counts(neo4j_db, db) == (g.number_of_nodes(), g.number_of_edges())
    assert (result.nodes_in_database, result.relationships_in_database) == counts(neo4j_db, db)
    for label in s.NODE_LABELS:
        n = neo4j_db.execute_query(f"MATCH (n:{label}) RETURN count(n) AS c", database_=db).records[0]["c"]
        assert n == sum(1 for _, a in g.nodes(data=True) if a["label"] == label), label

    assert node(neo4j_db, db, ZHANG) == {"labels": ["Person"], "id": ZHANG, "name": "张伟", "aliases": ["张伟"]}
    assert node(neo4j_db, db, ART1)["date"] == "2020-06-03"
    assert node(neo4j_db, db, WEIDONG)["level"] == "district"
    assert evidence(rel(neo4j_db, db, ZHANG, s.HOLDS_ROLE, ACTING_HEAD)) == [{"article": ART1, "sentence": SENT1}]
    assert rel(neo4j_db, db, ZHANG, s.MENTIONED_IN, ART1) == {"count": 2}
    assert rel(neo4j_db, db, GOV, s.LOCATED_IN, WEIDONG) == {"confidence": 0.9}


def test_constraints_exist_for_every_label(neo4j_db, neo4j_connection):
    load_graph(graph_a(), target(neo4j_connection))
    records = neo4j_db.execute_query(
        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN *",
        database_=neo4j_connection.database).records
    found = {r["labelsOrTypes"][0]: (r["type"], r["properties"], r["name"]) for r in records}
    for label in s.NODE_LABELS:
        assert found[label] == ("UNIQUENESS", ["id"], cypher.constraint_name(label))


def test_loading_the_same_file_twice_changes_nothing(neo4j_db, neo4j_connection):
    db = neo4j_connection.database
    load_graph(graph_a(), target(neo4j_connection))
    first = snapshot(neo4j_db, db)
    load_graph(graph_a(), target(neo4j_connection), batch_size=1)
    assert snapshot(neo4j_db, db) == first
    assert counts(neo4j_db, db) == (5, 5)


def test_a_second_file_merges_into_the_first(neo4j_db, neo4j_connection):
    db = neo4j_connection.database
    a, b = graph_a(), graph_b()
    load_graph(a, target(neo4j_connection))
    load_graph(b, target(neo4j_connection))

    union = nx.compose(a, b)
    assert counts(neo4j_db, db)[0] == union.number_of_nodes() == 7
    pairs = {(u, d["type"], v) for u, v, d in list(a.edges(data=True)) + list(b.edges(data=True))}
    assert counts(neo4j_db, db)[1] == len(pairs) == 7
    assert node(neo4j_db, db, ZHANG)["aliases"] == ["张伟", "张代区长"]
    assert evidence(rel(neo4j_db, db, ZHANG, s.HOLDS_ROLE, ACTING_HEAD)) == [
        {"article": ART1, "sentence": SENT1}, {"article": ART2, "sentence": SENT2}]

    merged = snapshot(neo4j_db, db)
    load_graph(b, target(neo4j_connection))
    load_graph(a, target(neo4j_connection))
    assert snapshot(neo4j_db, db) == merged


def test_parallel_edges_in_one_file_become_one_relationship(neo4j_db, neo4j_connection):
    db = neo4j_connection.database
    g = graph_a()
    g.add_edge(ZHANG, ACTING_HEAD, type=s.HOLDS_ROLE, evidence=[{"article": ART1, "sentence": "另一句"}])
    load_graph(g, target(neo4j_connection))
    assert counts(neo4j_db, db) == (5, 5)
    assert [e["sentence"] for e in evidence(rel(neo4j_db, db, ZHANG, s.HOLDS_ROLE, ACTING_HEAD))] == [
        SENT1, "另一句"]


# --- the command line ----------------------------------------------------------------

def run_cli(args: list[str], conn=None, stdin: str | None = None, *, process: bool = False,
            **overrides) -> subprocess.CompletedProcess:
    """``govkg ARGS`` with no NEO4J_* of this environment, only ``conn``'s; in-process, or a process
    of its own with ``stdin`` (an answer typed on a real standard input) or ``process``."""
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("NEO4J_")}
    if conn is not None:
        env.update(NEO4J_URI=conn.uri, NEO4J_USERNAME=conn.user, NEO4J_PASSWORD=conn.password,
                   NEO4J_DATABASE=conn.database)
    env.update(overrides)
    if stdin is not None or process:
        return cli.govkg_process(*args, stdin=stdin or "", env=env, cwd=REPO, timeout=300)
    return cli.govkg(*args, env=env, cwd=REPO)


def assert_one_line_error(proc: subprocess.CompletedProcess, *fragments: str) -> None:
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("govkg: "), proc.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_cli_load_prints_a_summary_and_never_the_password(neo4j_db, neo4j_connection, tmp_path):
    path = tmp_path / "graph.json"
    write_graph(graph_a(), path)
    proc = run_cli(["load", "--graph", str(path)], neo4j_connection)
    assert proc.returncode == 0, proc.stderr
    assert "5 nodes and 5 relationships written" in proc.stdout
    assert "the database now holds 5 nodes and 5 relationships" in proc.stdout
    assert neo4j_connection.password not in proc.stdout + proc.stderr
    assert counts(neo4j_db, neo4j_connection.database) == (5, 5)


def test_cli_load_shows_progress_on_a_terminal(neo4j_db, neo4j_connection, tmp_path):
    path = tmp_path / "graph.json"
    write_graph(graph_a(), path)
    # FORCE_COLOR makes rich treat stderr as a terminal, as a user's shell is; a process of its own,
    # since rich reads it (and picks its colours) when its console is made, at import.
    shown = run_cli(["load", "--graph", str(path), "--batch-size", "1"], neo4j_connection, process=True,
                    FORCE_COLOR="1")
    assert shown.returncode == 0, shown.stderr
    assert "batches" in shown.stderr and "relationships" in shown.stderr
    quiet = run_cli(["load", "--graph", str(path), "--quiet"], neo4j_connection, process=True, FORCE_COLOR="1")
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_cli_wipe_needs_confirmation(neo4j_db, neo4j_connection, tmp_path):
    db = neo4j_connection.database
    load_graph(graph_a(), target(neo4j_connection))
    path = tmp_path / "b.json"
    write_graph(graph_b(), path)

    for answer in ("n\n", ""):  # refused, and no answer at all (no terminal)
        proc = run_cli(["load", "--graph", str(path), "--wipe"], neo4j_connection, stdin=answer)
        assert proc.returncode == 1
        assert "--wipe was not confirmed" in proc.stderr
        assert "Delete ALL nodes and relationships" in proc.stderr
        assert counts(neo4j_db, db) == (5, 5)

    proc = run_cli(["load", "--graph", str(path), "--wipe"], neo4j_connection, stdin="y\n")
    assert proc.returncode == 0, proc.stderr
    assert counts(neo4j_db, db) == (4, 3)  # only graph B is left
    assert neo4j_db.execute_query("MATCH (n {id: $id}) RETURN n", id=GOV, database_=db).records == []


def test_cli_wipe_with_yes_does_not_ask(neo4j_db, neo4j_connection, tmp_path):
    load_graph(graph_a(), target(neo4j_connection))
    path = tmp_path / "b.json"
    write_graph(graph_b(), path)
    proc = run_cli(["load", "--graph", str(path), "--wipe", "--yes"], neo4j_connection)
    assert proc.returncode == 0, proc.stderr
    assert "Delete ALL" not in proc.stderr
    assert counts(neo4j_db, neo4j_connection.database) == (4, 3)


def test_cli_bad_password_is_one_line_naming_the_uri(neo4j_connection, tmp_path):
    path = tmp_path / "graph.json"
    write_graph(graph_a(), path)
    wrong = "not-the-password-42"
    proc = run_cli(["load", "--graph", str(path)], neo4j_connection, NEO4J_PASSWORD=wrong)
    assert_one_line_error(proc, neo4j_connection.uri, "wrong user or password", "NEO4J_PASSWORD")
    assert wrong not in proc.stderr + proc.stdout


def test_cli_closed_port_is_one_line_naming_the_uri_and_the_fix(tmp_path):
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    path = tmp_path / "graph.json"
    write_graph(graph_a(), path)
    uri = f"bolt://127.0.0.1:{port}"
    proc = run_cli(["load", "--graph", str(path), "--uri", uri, "--password", "whatever"])
    assert_one_line_error(proc, f"cannot reach Neo4j at {uri}", "scripts/neo4j-local start")


def test_cli_unknown_database_and_missing_password(neo4j_connection, tmp_path):
    path = tmp_path / "graph.json"
    write_graph(graph_a(), path)
    proc = run_cli(["load", "--graph", str(path), "--database", "nosuchdb"], neo4j_connection)
    assert_one_line_error(proc, "has no database 'nosuchdb'")
    proc = run_cli(["load", "--graph", str(path), "--uri", neo4j_connection.uri])
    assert_one_line_error(proc, "no password", "NEO4J_PASSWORD")


# --- an interrupted load, with a server of its own that is stopped half way -----------

def _local(command: str, env: dict) -> dict:
    proc = subprocess.run([str(NEO4J_LOCAL), command], env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, f"scripts/neo4j-local {command} failed: {proc.stderr[-2000:]}"
    return _parse_env_lines(proc.stdout)


@pytest.mark.neo4j
def test_interrupted_load_reports_progress_and_a_rerun_completes_it(tmp_path):
    env = {**os.environ, "NEO4J_LOCAL_STATE": str(tmp_path / "state"),
           "NEO4J_LOCAL_DATA": str(tmp_path / "data"), "NEO4J_LOCAL_HEAP": "512m"}
    g = new_graph()
    people = [s.node_id(s.PERSON, f"人{i:03d}") for i in range(300)]
    for pid in people:
        g.add_node(pid, label=s.PERSON, name=pid.split(":", 1)[1])
    for i, pid in enumerate(people):
        g.add_edge(pid, people[(i + 1) % len(people)], type=s.COOPERATES_WITH)
    batches = len(plan_batches(g, batch_size=50))  # 6 of nodes, 6 of relationships

    first = _local("start", env)
    try:
        def stop_server_after_four(progress):
            if progress.batches_done == 4:
                _local("stop", env)

        with pytest.raises(GovkgError) as failure:
            load_graph(g, Neo4jTarget(first["NEO4J_URI"], "neo4j", first["NEO4J_PASSWORD"]),
                       batch_size=50, on_batch=stop_server_after_four, retry_seconds=1)
        message = str(failure.value)
        assert f"after 4 of {batches} batches (200 nodes, 0 relationships written)" in message
        assert first["NEO4J_URI"] in message and "run the same load again" in message

        second = _local("start", env)  # same data folder, new port and password
        again = Neo4jTarget(second["NEO4J_URI"], "neo4j", second["NEO4J_PASSWORD"])
        from neo4j import GraphDatabase
        with GraphDatabase.driver(again.uri, auth=(again.user, again.password)) as driver:
            assert counts(driver, "neo4j") == (200, 0)  # what the error said was written
            result = load_graph(g, again, batch_size=50)
            assert (result.nodes_in_database, result.relationships_in_database) == (300, 300)
            assert counts(driver, "neo4j") == (300, 300)
    finally:
        subprocess.run([str(NEO4J_LOCAL), "stop"], env=env, capture_output=True, timeout=120)


# --- the real sample graph ---------------------------------------------------------------

def test_the_sample_graph_loads_completely_and_idempotently(neo4j_db, neo4j_connection, sample_file):
    """`govkg extract` on the shared corpus (the session's sample_file, tests/conftest.py), then
    `govkg load` twice: everything arrives, once."""
    path = sample_file
    data = json.loads(path.read_text(encoding="utf-8"))
    pairs = {(e["source"], e["type"], e["target"]) for e in data["edges"]}
    assert data["nodes"] and pairs

    for _ in range(2):
        proc = run_cli(["load", "--graph", str(path)], neo4j_connection)
        assert proc.returncode == 0, proc.stderr
        assert counts(neo4j_db, neo4j_connection.database) == (len(data["nodes"]), len(pairs))

    db = neo4j_connection.database
    stored = {n["props"]["id"]: n for n in snapshot(neo4j_db, db)[0]}
    for item in data["nodes"]:
        got = stored[item["id"]]
        assert got["labels"] == [item["label"]]
        for key, value in item.items():
            if key == "label" or value is None:
                continue
            if isinstance(value, dict) or (isinstance(value, list) and any(
                    isinstance(v, (dict, list)) for v in value)):
                stored_value = got["props"][f"{key}_json"]  # nested: JSON (module docstring)
                decoded = json.loads(stored_value) if isinstance(value, dict) else [
                    json.loads(v) for v in stored_value]
                assert decoded == value, (item["id"], key)
            else:
                assert got["props"][key] == value, (item["id"], key)
    with_evidence = [e for e in data["edges"] if e.get("evidence")]
    assert with_evidence, "the sample graph should have relations with evidence"
    for edge in with_evidence:
        got = evidence(rel(neo4j_db, db, edge["source"], edge["type"], edge["target"]))
        assert got == [dict(sorted(e.items())) for e in edge["evidence"]]

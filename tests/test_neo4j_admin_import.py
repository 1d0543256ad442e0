"""`govkg export --format neo4j-admin`, imported by the real neo4j-admin into a real Neo4j 5.26,
holds what `govkg load` writes: the same counts, and the same properties on every node and
relationship of the sample graph.

The import runs the README's command (``neo4j_admin_command``) through
``scripts/neo4j-local admin`` (Neo4j's AdminTool from the test server's jars)
into a folder of its own, then a second server is started on that folder.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

import pytest

from govkg.queries.export import neo4j_admin_command
from govkg.queries.neo4j.load import Neo4jTarget, load_file

from conftest import NEO4J_LOCAL, _parse_env_lines
from support.cli import govkg

NODE_PROPERTIES = "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"
RELATIONSHIP_PROPERTIES = ("MATCH (a)-[r]->(b) RETURN a.id AS source, type(r) AS type, b.id AS target, "
                           "properties(r) AS props")
CONSTRAINTS = "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties RETURN name, labelsOrTypes, properties"


@pytest.fixture()
def imported_server(sample_file: Path, tmp_path: Path):
    """A Neo4j serving the sample graph as neo4j-admin imported it; (driver, export folder)."""
    from neo4j import GraphDatabase

    folder = tmp_path / "import"
    done = govkg("export", "--graph", sample_file, "--format", "neo4j-admin", "-o", folder)
    assert done.returncode == 0, done.stderr
    command = shlex.split(neo4j_admin_command("."))
    assert command[0] == "neo4j-admin"
    env = {**os.environ, "NEO4J_LOCAL_DATA": str(tmp_path / "neo4j-home"),
           "NEO4J_LOCAL_STATE": str(tmp_path / "state")}
    imported = subprocess.run([str(NEO4J_LOCAL), "admin", *command[1:]], cwd=folder, env=env,
                              capture_output=True, text=True, timeout=600)
    assert imported.returncode == 0, imported.stdout[-2000:] + imported.stderr[-2000:]
    assert "IMPORT DONE" in imported.stdout
    started = subprocess.run([str(NEO4J_LOCAL), "start"], env=env, capture_output=True, text=True,
                             timeout=600)
    try:
        assert started.returncode == 0, started.stderr[-3000:]
        values = _parse_env_lines(started.stdout)
        driver = GraphDatabase.driver(values["NEO4J_URI"],
                                      auth=(values["NEO4J_USERNAME"], values["NEO4J_PASSWORD"]))
        try:
            yield driver, folder
        finally:
            driver.close()
    finally:
        subprocess.run([str(NEO4J_LOCAL), "stop"], env=env, capture_output=True, timeout=120)


def _rows(driver, query: str) -> list[dict]:
    return [record.data() for record in driver.execute_query(query, database_="neo4j").records]


def test_neo4j_admin_import_matches_govkg_load(imported_server, neo4j_db, neo4j_connection, sample_file):
    imported, folder = imported_server
    # The constraints govkg load creates, run once after the import, as the README says.
    for statement in (folder / "constraints.cypher").read_text(encoding="utf-8").splitlines():
        imported.execute_query(statement.rstrip(";"), database_="neo4j")
    load_file(sample_file, Neo4jTarget(neo4j_connection.uri, neo4j_connection.user,
                                       neo4j_connection.password, neo4j_connection.database))
    loaded = neo4j_db

    def constraints(driver):
        return sorted((r["name"], tuple(r["labelsOrTypes"]), tuple(r["properties"]))
                      for r in _rows(driver, CONSTRAINTS))

    assert constraints(imported) == constraints(loaded) and len(constraints(loaded)) == 6

    counts = "MATCH (n) RETURN head(labels(n)) AS label, count(*) AS n ORDER BY label"
    assert _rows(imported, counts) == _rows(loaded, counts)
    rel_counts = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type"
    assert _rows(imported, rel_counts) == _rows(loaded, rel_counts)
    assert sum(r["n"] for r in _rows(loaded, rel_counts)) > 200

    def by_key(rows, *key):
        return {tuple(r[k] for k in key): r for r in rows}

    nodes_imported = by_key(_rows(imported, NODE_PROPERTIES), "id")
    nodes_loaded = by_key(_rows(loaded, NODE_PROPERTIES), "id")
    assert nodes_imported == nodes_loaded
    zhang = nodes_loaded[("person:张伟",)]["props"]
    assert zhang["aliases"] == ["张伟"] and zhang["name"] == "张伟"
    assert any(r["props"].get("title") == "" for r in nodes_loaded.values())  # "" stays a string

    rels_imported = by_key(_rows(imported, RELATIONSHIP_PROPERTIES), "source", "type", "target")
    rels_loaded = by_key(_rows(loaded, RELATIONSHIP_PROPERTIES), "source", "type", "target")
    assert rels_imported.keys() == rels_loaded.keys()
    differences = {key for key in rels_loaded if rels_imported[key] != rels_loaded[key]}
    # The one documented difference: an empty list (a byline's post with no evidence) is stored by
    # govkg load as [], and neo4j-admin cannot write an empty array, so the property is absent.
    for key in differences:
        loaded_props, imported_props = rels_loaded[key]["props"], rels_imported[key]["props"]
        empty = {k for k, v in loaded_props.items() if v == []}
        assert empty and {k: v for k, v in loaded_props.items() if k not in empty} == imported_props, key
    assert len(differences) <= 1
    evidence = rels_imported[("person:张伟", "HOLDS_ROLE", "role:卫东区人民政府/代区长")]["props"]
    assert any("张伟" in item for item in evidence["evidence_json"])
    assert evidence["date"] == rels_loaded[("person:张伟", "HOLDS_ROLE", "role:卫东区人民政府/代区长")][
        "props"]["date"]

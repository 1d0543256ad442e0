"""Shared pytest fixtures. Each block belongs to one area; add yours as its own block."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator, NamedTuple

import pytest

REPO = Path(__file__).resolve().parent.parent


# --- Neo4j: a real server ------------------------------------------------------
# The server named by NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD (NEO4J_DATABASE)
# when set, else a throwaway one from scripts/neo4j-local, stopped at the end.
# Never a skip: if no server can be had, the tests that need one fail with
# the reason. Beware: tests delete everything in that database.

class Neo4jConnection(NamedTuple):
    uri: str
    user: str
    password: str
    database: str = "neo4j"


NEO4J_LOCAL = REPO / "scripts" / "neo4j-local"


def _parse_env_lines(text: str) -> dict[str, str]:
    values = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.startswith("NEO4J_"):
            values[key.strip()] = value.strip()
    return values


@pytest.fixture(scope="session")
def neo4j_connection() -> Iterator[Neo4jConnection]:
    """(uri, user, password, database) of a running Neo4j for this test session."""
    if os.environ.get("NEO4J_URI"):
        yield Neo4jConnection(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USERNAME", "neo4j"),
                              os.environ.get("NEO4J_PASSWORD", ""),
                              os.environ.get("NEO4J_DATABASE", "neo4j"))
        return
    state = tempfile.mkdtemp(prefix="govkg-neo4j-state.")
    env = {**os.environ, "NEO4J_LOCAL_STATE": os.path.join(state, "server")}
    try:
        started = subprocess.run([str(NEO4J_LOCAL), "start"], env=env, capture_output=True,
                                 text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.fail(f"could not start Neo4j with scripts/neo4j-local start: {exc}", pytrace=False)
    values = _parse_env_lines(started.stdout)
    if started.returncode != 0 or "NEO4J_URI" not in values:
        subprocess.run([str(NEO4J_LOCAL), "stop"], env=env, capture_output=True, timeout=120)
        pytest.fail("could not start Neo4j with scripts/neo4j-local start "
                    f"(exit {started.returncode}); set NEO4J_URI to use another server.\n"
                    f"{started.stderr[-3000:]}", pytrace=False)
    try:
        yield Neo4jConnection(values["NEO4J_URI"], values["NEO4J_USERNAME"], values["NEO4J_PASSWORD"])
    finally:
        subprocess.run([str(NEO4J_LOCAL), "stop"], env=env, capture_output=True, timeout=120)
        shutil.rmtree(state, ignore_errors=True)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_connection: Neo4jConnection):
    """One official driver for the session, verified once."""
    from neo4j import GraphDatabase

    driver = GraphDatabase.driver(neo4j_connection.uri,
                                  auth=(neo4j_connection.user, neo4j_connection.password))
    try:
        driver.verify_connectivity()
    except Exception as exc:  # noqa: BLE001 - any failure here means no usable server
        driver.close()
        pytest.fail(f"Neo4j at {neo4j_connection.uri} does not answer: {exc}", pytrace=False)
    yield driver
    driver.close()


def clean_neo4j(driver, database: str) -> None:
    """Empty the database: all nodes and relationships, constraints and indexes (not lookups)."""
    with driver.session(database=database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        for record in session.run("SHOW CONSTRAINTS YIELD name RETURN name").data():
            session.run(f"DROP CONSTRAINT `{record['name']}` IF EXISTS").consume()
        for record in session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' "
                                  "RETURN name").data():
            session.run(f"DROP INDEX `{record['name']}` IF EXISTS").consume()


@pytest.fixture()
def neo4j_db(neo4j_driver, neo4j_connection: Neo4jConnection):
    """The session's driver, on a database emptied before the test (Community has one database)."""
    clean_neo4j(neo4j_driver, neo4j_connection.database)
    yield neo4j_driver


# --- The sample graph ----------------------------------------------------------
# The real sample page is read in place from ../shared/corpus (CI has shared/
# beside the checkout); it is never copied into the repository.

SAMPLE_CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory) -> Path:
    """The sample page's graph file, written once by `govkg extract`."""
    import sys

    if not SAMPLE_CORPUS.is_dir():
        pytest.fail(f"the shared corpus is not at {SAMPLE_CORPUS}", pytrace=False)
    path = tmp_path_factory.mktemp("sample") / "sample.json"
    done = subprocess.run([sys.executable, "-m", "govkg.cli", "extract", str(SAMPLE_CORPUS), "-o", str(path),
                           "--quiet", "--no-cache"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return path

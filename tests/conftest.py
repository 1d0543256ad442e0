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


# --- Tiers ---------------------------------------------------------------------
# A test is marked by what it needs, from the fixtures it uses: `neo4j` (a
# Neo4j server, on the JVM), `browser` (headless Chromium), `jvm` (HanLP 1.x, the Gephi reader).
# `scripts/test --fast` runs the rest (pytest -m "not neo4j and not browser
# and not jvm"); CI runs everything.

MARK_OF_FIXTURE = {"neo4j_connection": "neo4j", "browser": "browser", "hanlp_jar": "jvm", "gephi_read": "jvm"}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        for fixture, marker in MARK_OF_FIXTURE.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)


# --- Shared data ---------------------------------------------------------------
# The real sample page, gold files, specs and scorer are read in place from
# ../shared beside the checkout (CI lays a copy there); they are never copied
# into the repository. A test that finds them missing says so in one line.

SHARED = REPO.parent / "shared"
SHARED_MISSING = ("{path} is missing: the tests read the project's shared data (the sample corpus, "
                  "gold files, specs and scorer) in place from a folder 'shared' beside the checkout "
                  f"({SHARED}); CI lays a copy there, and a developer's machine has it at /work/shared")


def require_shared(path: Path) -> Path:
    """``path`` under ../shared, or a one-line failure saying what is missing and where it comes from."""
    if not path.exists():
        pytest.fail(SHARED_MISSING.format(path=path), pytrace=False)
    return path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A FileNotFoundError for a file under ../shared becomes the one line above."""
    outcome = yield
    report = outcome.get_result()
    if call.excinfo is not None and call.excinfo.errisinstance(FileNotFoundError):
        missing = str(getattr(call.excinfo.value, "filename", "") or "")
        if missing.startswith(str(SHARED)):
            report.longrepr = SHARED_MISSING.format(path=missing)


def pytest_report_header(config) -> str:
    return f"shared data: {SHARED}" + ("" if SHARED.is_dir() else " (MISSING: tests that read it will fail)")


# --- Headless Chromium -----------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session, network off (tests/support/browser.py)."""
    from support.browser import Chromium

    with Chromium(width=1280, height=800) as chromium:
        yield chromium


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

SAMPLE_CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory) -> Path:
    """The sample page's graph file, written once by `govkg extract` (for every file that reads it)."""
    from support.cli import govkg

    require_shared(SAMPLE_CORPUS)
    path = tmp_path_factory.mktemp("sample") / "sample.json"
    done = govkg("extract", SAMPLE_CORPUS, "-o", path, "--quiet", "--no-cache")
    assert done.returncode == 0, done.stderr
    return path

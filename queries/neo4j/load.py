"""Load a graph file into Neo4j: constraints first, then batched, idempotent MERGE.

How the graph file maps to Neo4j:

- A node becomes a node with its ``label`` as Neo4j label and every other
  attribute as a property; ``id`` is the key (a uniqueness constraint per
  label, ``govkg_<label>_id``, created before anything is written).
- An edge becomes a relationship of its ``type``, MERGEd by
  (source, type, target): parallel edges of one type between the same two
  nodes in a file become one relationship (their properties combined).
- Attributes become properties as ``graph/properties.py`` says (the same rows feed
  the embedded database and the exports):
  scalars and lists of scalars as they are, ``evidence`` as
  ``evidence_json`` (read it back with ``[json.loads(s) for s in r.evidence_json]``).

Loading again is safe: MERGE finds the existing nodes and relationships,
scalar properties take the newer file's values, list properties become the
union of old and new. Loading the same file twice changes nothing; a second
file merges into the first. Because of that, a load interrupted half way
(server stopped, connection lost) is completed by running it again, and the
error says so, with how many batches were already written.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import networkx as nx

from govkg.errors import GovkgError
from govkg.graph.graphfile import read_graph
from govkg.graph.schema import NODE_LABELS
from govkg.queries.neo4j import cypher
from govkg.queries.neo4j.connection import Neo4jTarget, connect, connection_error, server_message
from govkg.graph.properties import edge_rows, node_rows

DEFAULT_BATCH_SIZE = 10_000  # measured: 2000 was ~2x slower (bench/neo4j_load.py)


@dataclass(frozen=True)
class Batch:
    """One transaction's worth of rows for one statement."""

    query: str
    rows: list[dict[str, Any]]
    kind: str  # "nodes" or "relationships"


@dataclass(frozen=True)
class Progress:
    """Passed to ``on_batch`` after each committed batch."""

    batches_done: int
    batches_total: int
    nodes: int
    relationships: int


@dataclass(frozen=True)
class LoadResult:
    nodes: int  # node rows written (MERGEd)
    relationships: int  # relationship rows written (MERGEd)
    batches: int
    seconds: float
    nodes_in_database: int
    relationships_in_database: int


# --- graph file -> rows ------------------------------------------------------

def _chunks(rows: list, size: int) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def plan_batches(graph: nx.MultiDiGraph, batch_size: int = DEFAULT_BATCH_SIZE) -> list[Batch]:
    """All batches in load order: every node before any relationship."""
    if batch_size < 1:
        raise GovkgError(f"--batch-size must be at least 1 (got {batch_size})")
    batches: list[Batch] = []
    for label, rows in sorted(node_rows(graph).items()):
        for has_lists, group in _by_lists(rows):
            query = cypher.merge_nodes(label, lists=has_lists)
            batches += [Batch(query, chunk, "nodes") for chunk in _chunks(group, batch_size)]
    for (rel_type, source_label, target_label), rows in sorted(edge_rows(graph).items()):
        for has_lists, group in _by_lists(rows):
            query = cypher.merge_edges(rel_type, source_label, target_label, lists=has_lists)
            batches += [Batch(query, chunk, "relationships") for chunk in _chunks(group, batch_size)]
    return batches


def _by_lists(rows: list[dict[str, Any]]) -> list[tuple[bool, list[dict[str, Any]]]]:
    """Rows with list properties apart from rows without: the latter get a cheaper statement."""
    with_lists = [row for row in rows if row["lists"]]
    without = [row for row in rows if not row["lists"]]
    return [(flag, group) for flag, group in ((True, with_lists), (False, without)) if group]


def count_database(driver, database: str) -> tuple[int, int]:
    """(nodes, relationships) now in the database."""
    nodes = driver.execute_query(cypher.COUNT_NODES, database_=database).records[0]["count"]
    rels = driver.execute_query(cypher.COUNT_RELATIONSHIPS, database_=database).records[0]["count"]
    return nodes, rels


def wipe(driver, database: str) -> None:
    """Delete every node and relationship (in batches: an auto-commit transaction)."""
    with driver.session(database=database) as session:
        session.run(cypher.WIPE_ALL).consume()


def ensure_constraints(driver, database: str) -> None:
    for label in NODE_LABELS:
        driver.execute_query(cypher.create_constraint(label), database_=database)


def load_graph(graph: nx.MultiDiGraph, target: Neo4jTarget, *,
               batch_size: int = DEFAULT_BATCH_SIZE, wipe_first: bool = False,
               on_batch: Callable[[Progress], None] | None = None,
               retry_seconds: float = 15.0) -> LoadResult:
    """Load ``graph`` into the database at ``target``; see the module docstring.

    ``on_batch`` is called after each committed batch (progress display,
    tests). ``retry_seconds`` bounds the driver's retries of a failing
    transaction before the load gives up.
    """
    return write_batches(plan_batches(graph, batch_size), target, wipe_first=wipe_first,
                         on_batch=on_batch, retry_seconds=retry_seconds)


def write_batches(batches: list[Batch], target: Neo4jTarget, *, wipe_first: bool = False,
                  on_batch: Callable[[Progress], None] | None = None,
                  retry_seconds: float = 15.0) -> LoadResult:
    """Write planned batches (``plan_batches``): constraints first, one transaction per batch.

    ``LoadResult.seconds`` counts from connecting to the last commit, not the planning.
    """
    from neo4j import exceptions as neo

    started = time.perf_counter()
    driver = connect(target, retry_seconds)
    done = nodes = rels = 0
    try:
        try:
            if wipe_first:
                wipe(driver, target.database)
            ensure_constraints(driver, target.database)
            for batch in batches:
                driver.execute_query(batch.query, parameters_={"rows": batch.rows},
                                     database_=target.database)
                done += 1
                if batch.kind == "nodes":
                    nodes += len(batch.rows)
                else:
                    rels += len(batch.rows)
                if on_batch is not None:
                    on_batch(Progress(done, len(batches), nodes, rels))
            in_db = count_database(driver, target.database)
        except neo.AuthError as exc:
            raise connection_error(target, exc) from None
        except (neo.ServiceUnavailable, neo.SessionExpired, neo.IncompleteCommit,
                neo.DriverError, OSError) as exc:
            raise GovkgError(
                f"lost Neo4j at {target.uri} after {done} of {len(batches)} batches "
                f"({nodes} nodes, {rels} relationships written): {server_message(exc)}; "
                f"run the same load again to complete it (it MERGEs, so nothing is duplicated)"
            ) from None
        except neo.Neo4jError as exc:
            raise GovkgError(
                f"Neo4j at {target.uri} refused the load after {done} of {len(batches)} batches: "
                f"{server_message(exc)}") from None
    finally:
        driver.close()
    return LoadResult(nodes=nodes, relationships=rels, batches=done,
                      seconds=time.perf_counter() - started,
                      nodes_in_database=in_db[0], relationships_in_database=in_db[1])


def load_file(path: str | os.PathLike[str], target: Neo4jTarget, **options: Any) -> LoadResult:
    """Read a graph file and load it (options as for ``load_graph``)."""
    return load_graph(read_graph(path), target, **options)

"""Every Cypher statement govkg sends to Neo4j, in one place.

All values travel as parameters (``$rows``, ``$id`` …). Labels and relationship
types cannot be parameters in Cypher, so the few statements that need them are
built here, and only from the fixed whitelists in ``graph.schema``
(``NODE_LABELS``, ``RELATION_TYPES``): never from text in a graph file or typed
by a user. ``_check_label`` / ``_check_type`` enforce that.
"""

from __future__ import annotations

from govkg.graph.schema import NODE_LABELS, RELATION_TYPES


def _check_label(label: str) -> str:
    if label not in NODE_LABELS:
        raise ValueError(f"not a govkg node label: {label!r}")
    return label


def _check_type(rel_type: str) -> str:
    if rel_type not in RELATION_TYPES:
        raise ValueError(f"not a govkg relation type: {rel_type!r}")
    return rel_type


# ---------------------------------------------------------------------------
# Loader (graph/neo4j_load.py): constraints, batched MERGE of nodes and edges.
#
# A batch is `$rows`, a list of maps:
#   node row: {id, props, lists}            edge row: {source, target, props, lists}
# `props` holds scalar properties (SET +=: a later file overwrites them);
# `lists` holds list properties, merged as a union that keeps the order of
# first appearance (so aliases and evidence from two files add up, with no
# duplicates, and loading a file twice changes nothing).
# ---------------------------------------------------------------------------

def constraint_name(label: str) -> str:
    """The name of the uniqueness constraint on ``label``'s ``id``: ``govkg_person_id``."""
    return f"govkg_{_check_label(label).lower()}_id"


def create_constraint(label: str) -> str:
    """Uniqueness of ``id`` per label; its backing index makes MERGE and lookups by id a seek."""
    return (f"CREATE CONSTRAINT {constraint_name(label)} IF NOT EXISTS "
            f"FOR (n:{_check_label(label)}) REQUIRE n.id IS UNIQUE")


# Union of a list property with new items, order kept. `n[k]` is a dynamic
# property key (Cypher 5); the keys come from the row's `lists` map, i.e. are
# data, which is why they are parameters and never part of the query text.
_MERGE_LISTS = (
    "WITH x, row UNWIND keys(row.lists) AS k "
    "SET x[k] = coalesce(x[k], []) + [v IN row.lists[k] WHERE NOT v IN coalesce(x[k], [])]"
)


def merge_nodes(label: str) -> str:
    """One batch of nodes of one label: MERGE on id, then set properties."""
    return (f"UNWIND $rows AS row "
            f"MERGE (x:{_check_label(label)} {{id: row.id}}) "
            f"SET x += row.props "
            f"{_MERGE_LISTS}")


def merge_edges(rel_type: str, source_label: str, target_label: str) -> str:
    """One batch of edges of one type between two labels: MERGE by (source, type, target).

    Both ends are matched with their label so that the lookup uses the
    constraint's index; the nodes were written before any edge.
    """
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{_check_label(source_label)} {{id: row.source}}) "
            f"MATCH (b:{_check_label(target_label)} {{id: row.target}}) "
            f"MERGE (a)-[x:{_check_type(rel_type)}]->(b) "
            f"SET x += row.props "
            f"{_MERGE_LISTS}")


#: ``--wipe``: delete every node and relationship, in batches so that a large
#: database does not need one huge transaction (auto-commit transaction only).
WIPE_ALL = "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"

#: A no-op that proves the server answers and the database exists.
PING = "RETURN 1 AS ok"

#: How many nodes and relationships the database holds (the loader's summary).
COUNT_NODES = "MATCH (n) RETURN count(n) AS count"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS count"

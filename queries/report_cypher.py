"""The Cypher statements behind ``govkg report --neo4j`` (queries/report_source.py).

Beside ``queries.cypher``'s helpers, reports need a few generic reads: one
node's neighbours, every edge of some types, articles by id, the names of all
entities, counts per label, and a small subgraph for the HTML view. All values
are parameters; relation types are filtered with ``type(r) IN $types`` so that
no statement is built from text, and the only number in a statement's text is
the view's hop count, an ``int`` formatted by ``ego_ids``.

Each statement looks its start node up by id through the label disjunction,
so the planner seeks on the loader's uniqueness constraints.
"""

from __future__ import annotations

from govkg.graph.schema import ENTITY_LABELS, NODE_LABELS

_ANY_NODE = "|".join(NODE_LABELS)
_ENTITY = "|".join(ENTITY_LABELS)


def _name(var: str) -> str:
    # The same display name as queries.cypher and records.display_name.
    return f"coalesce({var}.name, {var}.title, {var}.id)"


#: Relationships leaving the node, of the given types, with what the report shows of them.
OUT_LINKS = f"""
MATCH (n:{_ANY_NODE} {{id: $id}})-[r]->(m)
WHERE type(r) IN $types
RETURN type(r) AS type, m.id AS id, head(labels(m)) AS label, {_name("m")} AS name,
       r.status AS status, r.count AS count, r.evidence_json AS evidence
"""

#: Relationships arriving at the node.
IN_LINKS = f"""
MATCH (n:{_ANY_NODE} {{id: $id}})<-[r]-(m)
WHERE type(r) IN $types
RETURN type(r) AS type, m.id AS id, head(labels(m)) AS label, {_name("m")} AS name,
       r.status AS status, r.count AS count, r.evidence_json AS evidence
"""

#: Every relationship of the given types (the overview's trees and rankings).
EDGES_OF_TYPES = f"""
MATCH (a)-[r]->(b)
WHERE type(r) IN $types
RETURN a.id AS source, head(labels(a)) AS source_label, {_name("a")} AS source_name,
       type(r) AS type,
       b.id AS target, head(labels(b)) AS target_label, {_name("b")} AS target_name,
       r.status AS status, r.count AS count, r.evidence_json AS evidence
"""

#: Title, date, source and text of articles (evidence is cited by article id).
ARTICLES = """
MATCH (a:Article)
WHERE a.id IN $ids
RETURN a.id AS id, a.title AS title, a.name AS name, a.date AS date, a.source AS source,
       a.text AS text
"""

#: Names and aliases of entities (for "did you mean" suggestions).
ENTITY_NAMES = f"""
MATCH (n:{_ENTITY})
WHERE $labels IS NULL OR head(labels(n)) IN $labels
RETURN n.id AS id, head(labels(n)) AS label, {_name("n")} AS name, coalesce(n.aliases, []) AS aliases
"""

#: How many nodes of each label.
LABEL_COUNTS = """
MATCH (n)
RETURN head(labels(n)) AS label, count(*) AS count
"""

#: How many relationships of each type.
TYPE_COUNTS = """
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
"""


def ego_ids(hops: int) -> str:
    """Ids of the nodes within ``hops`` steps of a node, in either direction."""
    return f"""
MATCH (c:{_ANY_NODE} {{id: $id}})
MATCH (c)-[*0..{int(hops)}]-(m)
RETURN DISTINCT m.id AS id
"""


#: Nodes by id with all their properties (the HTML view's subgraph).
NODES_BY_IDS = f"""
MATCH (n:{_ANY_NODE})
WHERE n.id IN $ids
RETURN n.id AS id, head(labels(n)) AS label, properties(n) AS props
"""

#: Relationships with both ends among the ids.
EDGES_AMONG = f"""
MATCH (a:{_ANY_NODE})-[r]->(b)
WHERE a.id IN $ids AND b.id IN $ids
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
"""

"""Every Cypher statement govkg sends to Neo4j, in one place.

All values travel as parameters (``$rows``, ``$id`` …). Labels and relationship
types cannot be parameters in Cypher, so the few statements that need them are
built here, and only from the fixed whitelists in ``graph.schema``
(``NODE_LABELS``, ``RELATION_TYPES``): never from text in a graph file or typed
by a user. ``_check_label`` / ``_check_type`` enforce that.
"""

from __future__ import annotations

from govkg.graph.schema import (
    AUTHORED, ENTITY_LABELS, HOLDS_ROLE, LOCATED_IN, MENTIONED_IN, NODE_LABELS, ORGANIZATION,
    PART_OF, PERSON, PLACE, RECEIVED, RELATION_TYPES, ROLE, ROLE_IN, RUNS,
)


def _check_label(label: str) -> str:
    if label not in NODE_LABELS:
        raise ValueError(f"not a govkg node label: {label!r}")
    return label


def _check_type(rel_type: str) -> str:
    if rel_type not in RELATION_TYPES:
        raise ValueError(f"not a govkg relation type: {rel_type!r}")
    return rel_type


# ---------------------------------------------------------------------------
# Loader (queries/neo4j/load.py): constraints, batched MERGE of nodes and edges.
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


def merge_nodes(label: str, lists: bool = True) -> str:
    """One batch of nodes of one label: MERGE on id, then set properties.

    ``lists=False`` is for batches whose rows have no list property: the
    union step costs time even when it has nothing to do.
    """
    return (f"UNWIND $rows AS row "
            f"MERGE (x:{_check_label(label)} {{id: row.id}}) "
            f"SET x += row.props"
            f"{' ' + _MERGE_LISTS if lists else ''}")


def merge_edges(rel_type: str, source_label: str, target_label: str, lists: bool = True) -> str:
    """One batch of edges of one type between two labels: MERGE by (source, type, target).

    Both ends are matched with their label so that the lookup uses the
    constraint's index; the nodes were written before any edge. ``lists``
    as for ``merge_nodes``.
    """
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{_check_label(source_label)} {{id: row.source}}) "
            f"MATCH (b:{_check_label(target_label)} {{id: row.target}}) "
            f"MERGE (a)-[x:{_check_type(rel_type)}]->(b) "
            f"SET x += row.props"
            f"{' ' + _MERGE_LISTS if lists else ''}")


#: ``--wipe``: delete every node and relationship, in batches so that a large
#: database does not need one huge transaction (auto-commit transaction only).
WIPE_ALL = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"

#: A no-op that proves the server answers and the database exists.
PING = "RETURN 1 AS ok"

#: How many nodes and relationships the database holds (the loader's summary).
COUNT_NODES = "MATCH (n) RETURN count(n) AS count"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS count"


# The baseline that bench/neo4j_load.py measures the loader against: the same
# rows, written with a bare CREATE (not idempotent: a second run duplicates
# everything). Relationships still MATCH their ends, through a plain index.

def create_index(label: str) -> str:
    return (f"CREATE INDEX govkg_bench_{_check_label(label).lower()}_id IF NOT EXISTS "
            f"FOR (n:{_check_label(label)}) ON (n.id)")


def bare_create_nodes(label: str) -> str:
    return (f"UNWIND $rows AS row CREATE (x:{_check_label(label)} {{id: row.id}}) "
            f"SET x += row.props, x += row.lists")


def bare_create_edges(rel_type: str, source_label: str, target_label: str) -> str:
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{_check_label(source_label)} {{id: row.source}}) "
            f"MATCH (b:{_check_label(target_label)} {{id: row.target}}) "
            f"CREATE (a)-[x:{_check_type(rel_type)}]->(b) "
            f"SET x += row.props, x += row.lists")


#: A lookup by id, for PROFILE: the plan should start with NodeUniqueIndexSeek.
def lookup_by_id(label: str) -> str:
    return f"MATCH (n:{_check_label(label)} {{id: $id}}) RETURN n.id AS id"


# ---------------------------------------------------------------------------
# --- query helpers (queries/neo4j/helpers.py; their networkx twins: queries/local.py)
#
# Every node is looked up by id through a label (or a label disjunction such
# as `:Organization|Place`), which the planner turns into seeks on the
# uniqueness constraints' indexes. Names and labels as users see them are
# computed the same way as queries/records.py does on the networkx side:
# name = graph.names.display_name (``_name``), label = the node's one label.
# Ordering and de-duplication happen in Python (records.finish), identically
# for both backends, so the statements have no ORDER BY.
# ---------------------------------------------------------------------------

_ANY_NODE = "|".join(NODE_LABELS)
_ENTITY = "|".join(ENTITY_LABELS)
_BODY = f"{ORGANIZATION}|{PLACE}"


def _name(var: str) -> str:
    """A node's name as ``graph.names.display_name`` gives it."""
    return (f"CASE WHEN {var}.name IS NOT NULL AND {var}.name <> '' THEN {var}.name "
            f"WHEN {var}.title IS NOT NULL AND {var}.title <> '' THEN {var}.title ELSE {var}.id END")


def _types(types) -> str:
    return "|".join(_check_type(t) for t in types)


GET_NODE = f"""
MATCH (n:{_ANY_NODE} {{id: $id}})
RETURN n.id AS id, head(labels(n)) AS label, {_name("n")} AS name
"""

# The WHERE clause only narrows the candidates; how each one matched (name,
# alias, partial) is decided in Python by graph.names.match_kind, as on networkx.
FIND_ENTITIES = f"""
MATCH (n:{_ENTITY})
WHERE ($labels IS NULL OR head(labels(n)) IN $labels)
  AND (n.name = $name OR $name IN coalesce(n.aliases, [])
       OR ($partial AND (n.name CONTAINS $name
                         OR any(alias IN coalesce(n.aliases, []) WHERE alias CONTAINS $name))))
OPTIONAL MATCH (n)-[:{MENTIONED_IN}]->(a:Article)
RETURN n.id AS id, head(labels(n)) AS label, {_name("n")} AS name, n.name AS raw_name,
       coalesce(n.aliases, []) AS aliases, count(DISTINCT a) AS articles
"""

# The columns of a Post (records.Post); `evidence` is the raw `evidence_json` list.
_POST_COLUMNS = f"""
RETURN p.id AS person_id, {_name("p")} AS person, r.id AS role_id,
       coalesce(r.title, r.name, r.id) AS title,
       b.id AS body_id, {_name("b")} AS body, head(labels(b)) AS body_label,
       coalesce(h.status, 'current') AS status, h.evidence_json AS evidence, depth
"""

PERSON_POSTS = f"""
MATCH (p:{PERSON} {{id: $id}})-[h:{HOLDS_ROLE}]->(r)
OPTIONAL MATCH (r)-[:{ROLE_IN}]->(b)
WITH p, h, r, b, 0 AS depth
{_POST_COLUMNS}
"""


# Holdings for tenures (queries/tenures.py): the HOLDS_ROLE edges with what tenures read from
# them; the body is chosen in Python (the smallest id), as on networkx. Article dates come from
# ARTICLES_BY_ID: evidence_json is text to Cypher.
_HOLDING_COLUMNS = f"""
OPTIONAL MATCH (r)-[:{ROLE_IN}]->(b)
WITH p, h, r, collect(DISTINCT {{id: b.id, name: {_name("b")}, label: head(labels(b))}}) AS bodies
RETURN p.id AS person_id, {_name("p")} AS person, r.id AS role_id,
       coalesce(r.title, r.name, r.id) AS title, [x IN bodies WHERE x.id IS NOT NULL] AS bodies,
       h.status AS status, h.event AS event, h.event_date AS event_date, h.date AS date,
       h.evidence_json AS evidence
"""

PERSON_HOLDINGS = f"""
MATCH (p:{PERSON} {{id: $id}})-[h:{HOLDS_ROLE}]->(r)
{_HOLDING_COLUMNS}
"""

PEOPLE_HOLDINGS = f"""
MATCH (p:{PERSON})-[h:{HOLDS_ROLE}]->(r)
WHERE p.id IN $ids
{_HOLDING_COLUMNS}
"""

#: The post and the posts of its body titled $titles (its acting forms: 代县长 for 县长).
POST_AND_KIN = f"""
MATCH (post:{ROLE} {{id: $id}})
OPTIONAL MATCH (post)-[:{ROLE_IN}]->()<-[:{ROLE_IN}]-(kin:{ROLE})
WHERE kin <> post AND kin.title IN $titles
RETURN post.id AS id, collect(DISTINCT kin.id) AS kin
"""

ROLES_HOLDINGS = f"""
MATCH (p:{PERSON})-[h:{HOLDS_ROLE}]->(r:{ROLE})
WHERE r.id IN $ids
{_HOLDING_COLUMNS}
"""


def _posts_within(types) -> str:
    """Posts in a body or territory and in everything joined to it by ``types`` edges.

    ``depth`` is the shortest distance, as networkx's breadth-first search
    gives it; ``$deep = false`` keeps the body itself only.
    """
    return f"""
MATCH (top:{_BODY} {{id: $id}})
MATCH path = (b)-[:{_types(types)}*0..]->(top)
WITH b, min(length(path)) AS depth
WHERE $deep OR depth = 0
MATCH (p:{PERSON})-[h:{HOLDS_ROLE}]->(r)-[:{ROLE_IN}]->(b)
{_POST_COLUMNS}
"""


BODY_MEMBERS = _posts_within([PART_OF])
TERRITORY_POSTS = _posts_within([LOCATED_IN, PART_OF])

PROGRAMS = f"""
MATCH (top:{_BODY} {{id: $id}})
MATCH path = (x)-[:{_types([PART_OF, LOCATED_IN])}*0..]->(top)
WITH x, min(length(path)) AS depth
WHERE $deep OR depth = 0
MATCH (x)-[rel:{_types([RUNS, RECEIVED])}]->(g)
RETURN x.id AS actor_id, {_name("x")} AS actor, head(labels(x)) AS actor_label,
       type(rel) AS relation, g.id AS program_id, {_name("g")} AS program,
       rel.evidence_json AS evidence, depth
"""


def connections(types, max_length: int, skip_press: bool) -> str:
    """All shortest undirected paths of ``types`` relations, at most ``max_length`` steps.

    With ``skip_press``, no node in between is a byline post (``$press``: the
    titles of queries.helpers.press_titles) or a credited person (``$bylined``,
    their ids); the predicate is on the path's nodes alone, so the planner
    checks it during the search.
    """
    where = ("WHERE none(n IN nodes(path) WHERE n <> a AND n <> b "
             "AND ((n:Role AND n.title IN $press) OR n.id IN $bylined))" if skip_press else "")
    return f"""
MATCH (a:{_ANY_NODE} {{id: $a}}), (b:{_ANY_NODE} {{id: $b}})
MATCH path = allShortestPaths((a)-[:{_types(types)}*..{int(max_length)}]-(b))
{where}
RETURN [n IN nodes(path) | {{id: n.id, label: head(labels(n)), name: {_name("n")}}}] AS nodes,
       [rel IN relationships(path) | {{source: startNode(rel).id, type: type(rel),
                                      target: endNode(rel).id, evidence: rel.evidence_json,
                                      basis: rel.basis}}] AS edges
"""


#: People some article credits (queries.helpers.GraphQueries.bylined_people).
BYLINED_PEOPLE = f"MATCH (p:{PERSON})-[:{AUTHORED}]->() RETURN DISTINCT p.id AS id"


# A byline (AUTHORED) is not a mention in the text: unless $via_bylines, an
# article either person wrote does not count.
CO_MENTIONS = f"""
MATCH (p:{PERSON} {{id: $id}})-[:{MENTIONED_IN}]->(a:Article)<-[:{MENTIONED_IN}]-(o:{PERSON})
WHERE o <> p AND ($via_bylines OR NOT (EXISTS {{ MATCH (p)-[:{AUTHORED}]->(a) }} OR EXISTS {{ MATCH (o)-[:{AUTHORED}]->(a) }}))
WITH o, collect(DISTINCT a.id) AS articles
WHERE size(articles) >= $min_count
RETURN o.id AS person_id, {_name("o")} AS person, size(articles) AS count, articles
"""


def entities_by_type(label: str | None) -> str:
    """Entities of one label (a label scan), or of all entity labels, with mention counts.

    With ``$limit`` (else null), only rows that can be among the first
    ``$limit`` of their label come back: those ranked at or above the
    ``$limit``-th by (articles, mentions), ties included, so that Python's
    final ordering (records.EntityCount.sort_key: then name and id) picks
    exactly what networkx picks, without shipping every entity.
    An OPTIONAL MATCH that finds nothing still yields a row: it counts 0, not 1.
    """
    labels = _check_label(label) if label is not None else _ENTITY
    return f"""
MATCH (n:{labels})
OPTIONAL MATCH (n)-[m:{MENTIONED_IN}]->(a:Article)
WITH n, count(DISTINCT a) AS articles,
     sum(CASE WHEN a IS NULL THEN 0 ELSE coalesce(m.count, 1) END) AS mentions
ORDER BY articles DESC, mentions DESC
WITH head(labels(n)) AS label, collect({{n: n, articles: articles, mentions: mentions}}) AS ranked
WITH label, ranked,
     CASE WHEN $limit IS NULL OR $limit < 1 OR size(ranked) <= $limit THEN null
          ELSE ranked[$limit - 1] END AS last
UNWIND ranked AS row
WITH label, row, last
WHERE last IS NULL OR row.articles > last.articles
   OR (row.articles = last.articles AND row.mentions >= last.mentions)
WITH label, row.n AS n, row.articles AS articles, row.mentions AS mentions
RETURN n.id AS id, label, {_name("n")} AS name, articles, mentions
"""


# ---------------------------------------------------------------------------
# HTML view (queries/neo4j/view.py): `govkg view --cypher` runs the user's own
# query as given, read-only; this then looks up the articles that the
# evidence of its relationships cites, for their titles and dates.
# ---------------------------------------------------------------------------

ARTICLES_BY_ID = """
MATCH (a:Article) WHERE a.id IN $ids
RETURN a.id AS id, a.title AS title, a.date AS date, a.source AS source
"""


# ---------------------------------------------------------------------------
# Reports (queries/neo4j/source.py, for `govkg report --neo4j`): beside the
# helpers, reports need a few generic reads: one node's neighbours, every edge
# of some types, articles by id, the names of all entities, counts per label,
# and a small subgraph for the HTML view. Relation types are filtered with
# `type(r) IN $types`, so no statement is built from text; the only number in
# a statement's text is the view's hop count, an int formatted by `ego_ids`.
# ---------------------------------------------------------------------------

#: Relationships leaving the node, of the given types, with what the report shows of them.
OUT_LINKS = f"""
MATCH (n:{_ANY_NODE} {{id: $id}})-[r]->(m)
WHERE type(r) IN $types
RETURN type(r) AS type, m.id AS id, head(labels(m)) AS label, {_name("m")} AS name,
       r.status AS status, r.count AS count, r.evidence_json AS evidence, r.basis AS basis
"""

#: Relationships arriving at the node.
IN_LINKS = f"""
MATCH (n:{_ANY_NODE} {{id: $id}})<-[r]-(m)
WHERE type(r) IN $types
RETURN type(r) AS type, m.id AS id, head(labels(m)) AS label, {_name("m")} AS name,
       r.status AS status, r.count AS count, r.evidence_json AS evidence, r.basis AS basis
"""

#: Every relationship of the given types (the overview's trees and rankings).
EDGES_OF_TYPES = f"""
MATCH (a)-[r]->(b)
WHERE type(r) IN $types
RETURN a.id AS source, head(labels(a)) AS source_label, {_name("a")} AS source_name,
       type(r) AS type,
       b.id AS target, head(labels(b)) AS target_label, {_name("b")} AS target_name,
       r.status AS status, r.count AS count, r.evidence_json AS evidence, r.basis AS basis
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

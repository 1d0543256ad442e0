"""The same Cypher gives the same rows on the embedded database (LadybugDB) and on Neo4j 5.26.

Run on the sample graph: every `govkg query` / `govkg view --cypher` example in the
README (found there, so a new example is checked too), the helpers' and reports'
statements (queries/cypher.py, queries/cypher.py), and a set covering paths,
aggregations, OPTIONAL MATCH, parameters, label tests and list expressions. Rows are
compared as multisets (as ordered lists where the ORDER BY is total), nodes by label
and properties, relationships by type, ends and properties, paths by both.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from govkg.errors import GovkgError
from govkg.queries.neo4j.load import Neo4jTarget, load_file
from govkg.queries.neo4j import cypher
from govkg.queries.dialect import DIFFERENCES, translate
from govkg.queries.helpers import path_types, press_titles
from govkg.queries.embedded import EmbeddedDatabase
from govkg.queries.output import parse_params
from govkg.queries.neo4j.run import run_cypher
from support.cli import govkg

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def readme_queries() -> list[tuple[str, dict]]:
    """(statement, parameters) of each `govkg query "…"` and `govkg view --cypher "…"` in the README."""
    found = []
    for block in re.findall(r"```bash\n(.*?)```", README, flags=re.S):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            line = lines[i]
            if re.search(r"govkg (query ['\"]|view --cypher)", line):
                command = line
                while True:  # a statement that spans lines
                    try:
                        words = shlex.split(command, comments=True)
                        break
                    except ValueError:
                        i += 1
                        command += "\n" + lines[i]
                words = words[words.index("govkg") + 1:]
                if words[0] == "view":
                    found.append((words[words.index("--cypher") + 1], {}))
                else:
                    params = [words[k + 1] for k, w in enumerate(words) if w in ("--param", "-p")]
                    found.append((words[1], parse_params(params)))
            i += 1
    return found


ZHANG, WANG, LIU = "person:张伟", "person:王迎波", "person:刘建国"
PARTY, DISTRICT = "org:卫东区委", "place:卫东区"

#: (statement, parameters, whether the ORDER BY orders every row)
CASES = [
    # paths
    ("MATCH p = (:Person {id: $id})-[:HOLDS_ROLE]->(:Role)-[:ROLE_IN]->(b) RETURN p, b.name", {"id": ZHANG}, False),
    ("MATCH p = (b)-[:PART_OF|LOCATED_IN*1..3]->(t {id: $id}) RETURN length(p) AS hops, b.id ORDER BY hops, b.id",
     {"id": DISTRICT}, True),
    ("MATCH (a {id: $a}), (b {id: $b}) MATCH p = allShortestPaths((a)-[:HOLDS_ROLE|ROLE_IN|PART_OF*..6]-(b)) "
     "RETURN [n IN nodes(p) | n.id] AS ids, length(p) AS n", {"a": LIU, "b": WANG}, False),
    ("MATCH (a {id: $a}), (b {id: $b}) MATCH p = shortestPath((a)-[:HOLDS_ROLE|ROLE_IN|PART_OF*..6]-(b)) "
     "RETURN length(p)", {"a": LIU, "b": WANG}, False),
    ("UNWIND $names AS n WITH n WHERE any(c IN [$q] WHERE c = n) RETURN n",
     {"names": ["it's", "a\\b", "x"], "q": "it's"}, False),
    ("MATCH (o:Organization {id: $id})<-[:PART_OF*0..]-(d) RETURN d.name ORDER BY d.name", {"id": PARTY}, True),
    # aggregations
    ("MATCH (n) RETURN head(labels(n)) AS label, count(*) AS n, count(DISTINCT n.name) AS names "
     "ORDER BY label", {}, True),
    ("MATCH ()-[r]->() RETURN type(r), count(r) ORDER BY type(r)", {}, True),
    ("MATCH (p:Person)-[m:MENTIONED_IN]->(a:Article) RETURN p.name, sum(m.count) AS mentions, "
     "count(a) AS articles, size(collect(DISTINCT a.id)) AS ids, min(a.id), max(a.id)", {}, False),
    ("MATCH (p:Person)-[m:MENTIONED_IN]->() RETURN avg(m.count) AS a, sum(m.count) AS s", {}, False),
    ("MATCH (p:Person) RETURN p.territory AS t, count(*) AS c ORDER BY c DESC, t", {}, True),
    # OPTIONAL MATCH
    ("MATCH (p:Person) OPTIONAL MATCH (p)-[h:HOLDS_ROLE]->(r:Role) RETURN p.name, r.title, h.status", {}, False),
    ("MATCH (o:Organization) OPTIONAL MATCH (o)-[:RUNS]->(g:Program) "
     "RETURN o.name, count(g) AS programs ORDER BY programs DESC, o.name", {}, True),
    # parameters: strings, lists, numbers, null, booleans
    ("MATCH (n) WHERE n.id IN $ids RETURN n", {"ids": [ZHANG, PARTY, "person:nobody"]}, False),
    ("MATCH (p:Person) WHERE $label IS NULL OR p.name = $name RETURN p.id", {"label": None, "name": "x"}, False),
    ("MATCH (p:Person)-[m:MENTIONED_IN]->() WHERE m.count >= $min RETURN p.name, m.count", {"min": 2}, False),
    ("MATCH (p:Person) RETURN p.name ORDER BY p.name LIMIT $n", {"n": 5}, True),
    ("MATCH (p:Person) WHERE $all OR p.name = '张伟' RETURN count(*)", {"all": False}, False),
    # label tests, types, list expressions, strings
    ("MATCH (n) WHERE n:Person OR n:Place RETURN n.name, n:Person AS person", {}, False),
    ("MATCH (n)-[r]->(m) WHERE NOT m:Article RETURN type(r) AS t, labels(n), labels(m)[0], "
     "n:Organization|Place AS body", {}, False),
    ("MATCH (n:Person) RETURN n.name, [a IN n.aliases WHERE a <> n.name] AS others, "
     "[a IN n.aliases | a + '!'] AS loud, n.aliases[0] AS first, n.aliases[-1] AS last, "
     "n.aliases[0..1] AS head, size(n.aliases)", {}, False),
    ("MATCH (n:Organization) WHERE n.name CONTAINS '卫东' AND n.name STARTS WITH '卫' "
     "RETURN n.name, toString(size(n.name)) AS len, n.name ENDS WITH '委' AS party", {}, False),
    ("MATCH (p:Person) WHERE any(a IN p.aliases WHERE a CONTAINS '张') RETURN p.name", {}, False),
    ("MATCH (p:Person) WHERE EXISTS { MATCH (p)-[:HOLDS_ROLE]->() } "
     "RETURN p.name, COUNT { MATCH (p)-[:MENTIONED_IN]->() } AS articles", {}, False),
    ("MATCH (p:Person)-[h:HOLDS_ROLE]->(r) RETURN h, CASE WHEN h.status IS NULL THEN 'current' "
     "ELSE h.status END AS status, h.evidence_json[0] AS first_evidence", {}, False),
    ("UNWIND $xs AS x WITH x WHERE x > 1 RETURN x * 2 AS y, x % 2 = 0 AS even", {"xs": [1, 2, 3]}, False),
    ("MATCH (p:Person) RETURN DISTINCT p.territory", {}, False),
    ("MATCH (p:Person) WITH p, size(p.aliases) AS n WHERE n >= 1 RETURN p.name, n ORDER BY p.name SKIP 2 LIMIT 3",
     {}, True),
    ("MATCH (a:Article) RETURN a.id, a.title, a.date ORDER BY a.id", {}, True),
    ("MATCH (p:Person) RETURN p.title", {}, False),  # a property Persons lack: null on both
]


def _helper_statements() -> list[tuple[str, str, dict]]:
    return [
        ("GET_NODE", cypher.GET_NODE, {"id": ZHANG}),
        ("FIND_ENTITIES", cypher.FIND_ENTITIES, {"name": "张", "labels": None, "partial": True}),
        ("FIND_ENTITIES labels", cypher.FIND_ENTITIES, {"name": "卫东区委", "labels": ["Organization"],
                                                        "partial": False}),
        ("PERSON_POSTS", cypher.PERSON_POSTS, {"id": ZHANG}),
        ("PERSON_HOLDINGS", cypher.PERSON_HOLDINGS, {"id": ZHANG}),
        ("PEOPLE_HOLDINGS", cypher.PEOPLE_HOLDINGS, {"ids": [ZHANG, WANG]}),
        ("POST_AND_KIN", cypher.POST_AND_KIN, {"id": "role:卫东区人民政府/代区长",
                                               "titles": ["区长", "代区长", "代理区长"]}),
        ("ROLES_HOLDINGS", cypher.ROLES_HOLDINGS, {"ids": ["role:卫东区人民政府/代区长", "role:卫东区委/区委书记"]}),
        ("BODY_MEMBERS", cypher.BODY_MEMBERS, {"id": PARTY, "deep": True}),
        ("TERRITORY_POSTS", cypher.TERRITORY_POSTS, {"id": DISTRICT, "deep": True}),
        ("PROGRAMS", cypher.PROGRAMS, {"id": DISTRICT, "deep": True}),
        ("CO_MENTIONS", cypher.CO_MENTIONS, {"id": ZHANG, "min_count": 1, "via_bylines": False}),
        ("connections", cypher.connections(path_types(False, False), 6, skip_press=True),
         {"a": ZHANG, "b": WANG, "press": list(press_titles()), "bylined": []}),
        ("entities_by_type", cypher.entities_by_type("Person"), {"limit": 5}),
        ("ARTICLES_BY_ID", cypher.ARTICLES_BY_ID, {"ids": ["article:pingdingshan-weidong-2020-06.txt#1"]}),
        ("OUT_LINKS", cypher.OUT_LINKS, {"id": ZHANG, "types": ["HOLDS_ROLE", "MENTIONED_IN"]}),
        ("IN_LINKS", cypher.IN_LINKS, {"id": PARTY, "types": ["PART_OF", "ROLE_IN"]}),
        ("EDGES_OF_TYPES", cypher.EDGES_OF_TYPES, {"types": ["LOCATED_IN", "PART_OF"]}),
        ("ARTICLES", cypher.ARTICLES, {"ids": ["article:pingdingshan-weidong-2020-06.txt#2"]}),
        ("ENTITY_NAMES", cypher.ENTITY_NAMES, {"labels": ["Person", "Place"]}),
        ("LABEL_COUNTS", cypher.LABEL_COUNTS, {}),
        ("TYPE_COUNTS", cypher.TYPE_COUNTS, {}),
        ("ego_ids", cypher.ego_ids(2), {"id": ZHANG}),
        ("NODES_BY_IDS", cypher.NODES_BY_IDS, {"ids": [ZHANG, PARTY]}),
        ("EDGES_AMONG", cypher.EDGES_AMONG, {"ids": [ZHANG, "role:卫东区人民政府/代区长"]}),
    ]


#: Helper statements the embedded database refuses, and the difference it names.
REFUSED_HELPERS = {"connections": "startNode(r), endNode(r)",
                   "entities_by_type": "WITH … ORDER BY … without SKIP/LIMIT"}


# --- comparing values ------------------------------------------------------------

def canonical(value):
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return ["node", sorted(value.labels), canonical(dict(value))]
    if isinstance(value, Relationship):
        # Neo4j sends a relationship's ends as bare element ids unless the query returns them.
        return ["rel", value.type, canonical(dict(value))]
    if isinstance(value, Path):
        return ["path", [canonical(n) for n in value.nodes], [canonical(r) for r in value.relationships]]
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in sorted(value.items()) if v is not None}
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, float):
        return round(value, 9)
    return value


def _key(row) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, default=str)


def _sorted_lists(value):
    """Lists of scalars sorted: the order of collect() is defined by neither engine."""
    if isinstance(value, list):
        items = [_sorted_lists(v) for v in value]
        return sorted(items, key=_key) if all(not isinstance(v, (list, dict)) for v in items) else items
    if isinstance(value, dict):
        return {k: _sorted_lists(v) for k, v in value.items()}
    return value


def compare(embedded: EmbeddedDatabase, neo4j_driver, query: str, params: dict, ordered: bool,
            collected: bool = False) -> int:
    """Rows of both engines equal; ``collected``: the statement's lists come from collect()."""
    ours = embedded.run(query, params)
    theirs = run_cypher(neo4j_driver, query, params, database="neo4j")
    assert ours.columns == theirs.columns, query
    ours_rows = [canonical(list(row)) for row in ours.rows]
    their_rows = [canonical(list(record.values())) for record in theirs.records]
    if collected:
        ours_rows = [[_sorted_lists(cell) for cell in row] for row in ours_rows]
        their_rows = [[_sorted_lists(cell) for cell in row] for row in their_rows]
    if not ordered:
        ours_rows, their_rows = sorted(ours_rows, key=_key), sorted(their_rows, key=_key)
    assert ours_rows == their_rows, f"{query}\nembedded: {ours_rows[:5]}\nNeo4j:    {their_rows[:5]}"
    return len(their_rows)


@pytest.fixture(scope="module")
def both(sample_file, neo4j_connection, neo4j_driver, tmp_path_factory):
    from conftest import clean_neo4j

    clean_neo4j(neo4j_driver, neo4j_connection.database)
    load_file(sample_file, Neo4jTarget(neo4j_connection.uri, neo4j_connection.user,
                                       neo4j_connection.password, neo4j_connection.database))
    cache = tmp_path_factory.mktemp("cache")
    with EmbeddedDatabase.open(sample_file, cache) as embedded:
        yield embedded, neo4j_driver


def test_the_readme_examples_are_found():
    queries = readme_queries()
    statements = " ".join(q for q, _ in queries)
    assert len(queries) >= 6 and "labels(n)[0]" in statements and "PART_OF*" in statements
    assert {"name": "张伟"} in [p for _, p in queries]


@pytest.mark.parametrize("query,params", readme_queries())
def test_readme_cypher_gives_the_same_rows(both, query, params):
    embedded, driver = both
    # As multisets: an ORDER BY of the README may tie (two posts of one title in one body);
    # the order itself is compared by the cases below whose ORDER BY is total.
    compare(embedded, driver, query, params, ordered=False)


@pytest.mark.parametrize("query,params,ordered", CASES)
def test_cypher_gives_the_same_rows(both, query, params, ordered):
    embedded, driver = both
    compare(embedded, driver, query, params, ordered)


def test_the_cases_return_rows(both):
    """A comparison of two empty answers proves little: most cases must return something."""
    embedded, _ = both
    empty = [q for q, p, _ in CASES if not embedded.run(q, p).rows]
    assert empty == [], empty


@pytest.mark.parametrize("name,query,params", _helper_statements(), ids=lambda x: x if isinstance(x, str)
                         and len(x) < 30 else "")
def test_helper_and_report_statements(both, name, query, params):
    embedded, driver = both
    if name in REFUSED_HELPERS:
        with pytest.raises(GovkgError, match=re.escape(REFUSED_HELPERS[name])):
            embedded.run(query, params)
        return
    # The helpers sort what their statements collect() (queries/records.finish).
    assert compare(embedded, driver, query, params, ordered=False, collected=name in ("CO_MENTIONS", "PERSON_HOLDINGS", "PEOPLE_HOLDINGS", "POST_AND_KIN",
                                                  "ROLES_HOLDINGS")) > 0, name


REFUSED = [
    ("MATCH (n) CALL { WITH n RETURN 1 AS one } RETURN one", "call-subquery"),
    ("CALL db.labels()", "call-subquery"),
    ("MATCH (p:Person) RETURN [(p)-[:HOLDS_ROLE]->(r) | r.title]", "pattern-comprehension"),
    ("MATCH (p:Person) RETURN p {.name, .id}", "map-projection"),
    ("MATCH (p:Person)-[r]->() RETURN startNode(r).id", "start-end-node"),
    ("MATCH (p:Person) RETURN elementId(p)", "element-id"),
    ("RETURN reduce(s = 0, x IN [1, 2] | s + x)", "reduce"),
    ("MATCH (p:Person) WITH p ORDER BY p.name RETURN collect(p.name)", "with-order"),
    ("MATCH (p:Person) RETURN p.nmae", "unknown-property"),
    ("MATCH (p:Person) RETURN keys(p)", "keys"),
    ("MATCH (n:Person:Role) RETURN n.id", "two-labels"),
]


@pytest.mark.parametrize("query,key", REFUSED)
def test_what_the_embedded_database_cannot_run_fails_naming_the_difference(both, query, key):
    embedded, driver = both
    with pytest.raises(GovkgError) as caught:
        embedded.run(query, {})
    message = str(caught.value)
    assert DIFFERENCES[key][0] in message and "\n" not in message
    assert key in README_DIFFERENCE_KEYS  # the README's table lists it
    if key not in ("call-subquery", "reduce", "unknown-property", "with-order", "keys", "two-labels",
                   "pattern-comprehension", "map-projection"):
        return
    run_cypher(driver, query, {}, database="neo4j")  # …and Neo4j runs it


README_TABLE = README.split("### Dialect differences", 1)[1].split("\n#", 1)[0].replace("\\|", "|")
README_DIFFERENCE_KEYS = {key for key, (neo4j, ladybug) in DIFFERENCES.items()
                          if f"| {neo4j} | {ladybug} |" in README_TABLE}


def test_every_difference_is_in_the_readme_table():
    assert README_DIFFERENCE_KEYS == set(DIFFERENCES)


def test_ladybug_syntax_on_neo4j_fails_with_a_hint(neo4j_connection, both):
    done = govkg("query", "MATCH (n) RETURN label(n)", "--neo4j", "--uri", neo4j_connection.uri,
                 "--user", neo4j_connection.user, env={"NEO4J_PASSWORD": neo4j_connection.password})
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1
    assert "label(n) is LadybugDB's; Neo4j has labels(n)[0]" in done.stderr


def test_translation_of_neo4j_idioms():
    t = translate("MATCH (n {id: $id}) WHERE NOT n:Article AND $x IS NULL "
                  "RETURN labels(n)[0], [a IN n.aliases WHERE a <> ''] AS kept", {"id": "a", "x": None})
    assert "label(n) = 'Article'" in t.query and "NULL IS NULL" in t.query
    assert "{id: $id}" in t.query  # a map key is not a label test
    assert "list_filter(n.aliases, a -> a <> '')" in t.query
    assert t.columns == ["labels(n)[0]", "kept"] and t.parameters == {"id": "a"}
    # a pattern's variables, labels and map keys are left alone; only tests outside patterns change
    t = translate("MATCH (a:Person {name: 'x', id: $id})-[r:HOLDS_ROLE]->(b:Role) "
                  "WHERE b:Role|Organization RETURN {k: a.name, j: b:Role} AS m", {"id": "a"})
    assert t.query.startswith("MATCH (a:Person {name: 'x', id: $id})-[r:HOLDS_ROLE]->(b:Role) ")
    assert "label(b) IN ['Role', 'Organization']" in t.query and "j: label(b) = 'Role'" in t.query

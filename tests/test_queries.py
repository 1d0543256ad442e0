"""Query helpers: exact answers on a small hand-made graph (networkx), and the
same answers from a real Neo4j server after loading the same graph file."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from govkg.errors import GovkgError
from govkg.graph.graphfile import new_graph, write_graph
from govkg.graph.schema import (
    ARTICLE, AUTHORED, COOPERATES_WITH, HOLDS_ROLE, LOCATED_IN, MENTIONED_IN, ORGANIZATION,
    PART_OF, PERSON, PLACE, PROGRAM, RECEIVED, ROLE, ROLE_IN, RUNS, article_id, node_id, role_id,
)
from govkg.queries.neo4j import cypher
from govkg.queries.helpers import path_types, press_titles, run_helper
from govkg.queries.local import LocalQueries
from govkg.queries.output import parse_params
from govkg.queries.records import Evidence
from support import cli

A1 = article_id("weidong-2020-06.txt", 1)
A2 = article_id("weidong-2020-06.txt", 2)
A3 = article_id("weidong-2020-07.txt", 1)

ZHANG = node_id(PERSON, "张伟")
ZHANG_WUGANG = node_id(PERSON, "张伟@舞钢")  # another man with the same name
LI = node_id(PERSON, "李明")
WANG = node_id(PERSON, "王芳")
LIU = node_id(PERSON, "刘玉萍")
REPORTER = node_id(PERSON, "王孟鹤")

WEIDONG = node_id(PLACE, "卫东区")
JIANSHELU = node_id(PLACE, "建设路街道")
XIAODIAN = node_id(PLACE, "小店村")
GOV = node_id(ORGANIZATION, "卫东区人民政府")
PARTY = node_id(ORGANIZATION, "卫东区委")
DISCIPLINE = node_id(ORGANIZATION, "卫东区纪委监委")
PROCURATORATE = node_id(ORGANIZATION, "卫东区人民检察院")
BANK = node_id(ORGANIZATION, "中信银行")
CSO = node_id(PROGRAM, "首席服务官制度")
HONOUR = node_id(PROGRAM, "河南省文明单位标兵")

R_MAYOR = role_id("代区长", "卫东区人民政府")
R_VICE = role_id("常务副区长", "卫东区人民政府")
R_SECRETARY = role_id("区委书记", "卫东区委")
R_DISCIPLINE = role_id("书记", "卫东区纪委监委")
R_VILLAGE = role_id("村委会主任", "小店村")
R_REPORTER = role_id("记者", None)

S1 = "卫东区代区长张伟表示，经济向好的基础没有改变。"
S2 = "张伟曾任卫东区常务副区长。"


def ev(article: str, sentence: str) -> list[dict[str, str]]:
    return [{"article": article, "sentence": sentence}]


def toy_graph() -> nx.MultiDiGraph:
    """卫东区 in miniature: a government, a party committee with a department,
    a street with a village, programs, two people called 张伟, three articles."""
    g = new_graph()

    def node(nid: str, label: str, name: str, **props) -> None:
        g.add_node(nid, label=label, name=name, **props)

    node(ZHANG, PERSON, "张伟", aliases=["张伟"])
    node(ZHANG_WUGANG, PERSON, "张伟")
    node(LI, PERSON, "李明")
    node(WANG, PERSON, "王芳", aliases=["王芳同志"])
    node(LIU, PERSON, "刘玉萍")
    node(REPORTER, PERSON, "王孟鹤")
    node(WEIDONG, PLACE, "卫东区", aliases=["该区"])
    node(JIANSHELU, PLACE, "建设路街道")
    node(XIAODIAN, PLACE, "小店村")
    node(GOV, ORGANIZATION, "卫东区人民政府", aliases=["卫东区政府"])
    node(PARTY, ORGANIZATION, "卫东区委")
    node(DISCIPLINE, ORGANIZATION, "卫东区纪委监委", aliases=["区纪委监委"])
    node(PROCURATORATE, ORGANIZATION, "卫东区人民检察院")
    node(BANK, ORGANIZATION, "中信银行")
    node(CSO, PROGRAM, "首席服务官制度")
    node(HONOUR, PROGRAM, "河南省文明单位标兵")
    for rid, title in ((R_MAYOR, "代区长"), (R_VICE, "常务副区长"), (R_SECRETARY, "区委书记"),
                       (R_DISCIPLINE, "书记"), (R_VILLAGE, "村委会主任"), (R_REPORTER, "记者")):
        node(rid, ROLE, title, title=title)
    for aid, title in ((A1, "卫东区全力推动经济平稳健康发展"), (A2, "卫东区纪委监委开展警示教育"),
                       (A3, "")):
        g.add_node(aid, label=ARTICLE, title=title, source=aid.split(":")[1].split("#")[0])

    def edge(s: str, t: str, rel: str, **props) -> None:
        g.add_edge(s, t, type=rel, **props)

    edge(ZHANG, R_MAYOR, HOLDS_ROLE, evidence=ev(A1, S1))
    edge(ZHANG, R_VICE, HOLDS_ROLE, status="former", evidence=ev(A3, S2))
    edge(WANG, R_SECRETARY, HOLDS_ROLE, evidence=ev(A2, "区委书记王芳出席。"))
    edge(LI, R_DISCIPLINE, HOLDS_ROLE, evidence=ev(A2, "区纪委监委书记李明主持。"))
    # The same relation read in two articles: two parallel edges, one relation.
    edge(LIU, R_VILLAGE, HOLDS_ROLE, evidence=ev(A1, "村委会主任刘玉萍说。"))
    edge(LIU, R_VILLAGE, HOLDS_ROLE, evidence=ev(A3, "小店村村委会主任刘玉萍介绍。"))
    edge(REPORTER, R_REPORTER, HOLDS_ROLE, evidence=ev(A1, "（记者王孟鹤）"))
    edge(R_MAYOR, GOV, ROLE_IN)
    edge(R_VICE, GOV, ROLE_IN)
    edge(R_SECRETARY, PARTY, ROLE_IN)
    edge(R_DISCIPLINE, DISCIPLINE, ROLE_IN)
    edge(R_VILLAGE, XIAODIAN, ROLE_IN)
    edge(DISCIPLINE, PARTY, PART_OF, evidence=ev(A2, "卫东区纪委监委是区委的工作部门。"))
    edge(GOV, WEIDONG, LOCATED_IN)
    edge(PARTY, WEIDONG, LOCATED_IN)
    edge(PROCURATORATE, WEIDONG, LOCATED_IN)
    edge(JIANSHELU, WEIDONG, LOCATED_IN)
    edge(XIAODIAN, JIANSHELU, LOCATED_IN)
    edge(WEIDONG, CSO, RUNS, evidence=ev(A1, "以首席服务官制度为抓手推动复工复产"))
    edge(GOV, CSO, RUNS, evidence=ev(A1, "区政府推行首席服务官制度。"))
    edge(PROCURATORATE, HONOUR, RECEIVED, evidence=ev(A3, "卫东区人民检察院荣获河南省文明单位标兵。"))
    edge(JIANSHELU, BANK, COOPERATES_WITH, evidence=ev(A3, "建设路街道与中信银行合作。"))
    edge(PARTY, GOV, COOPERATES_WITH, evidence=ev(A2, "区委与区政府联合部署。"))
    for person, article, count in ((ZHANG, A1, 3), (ZHANG, A3, 1), (WANG, A2, 1), (LI, A2, 2),
                                   (LIU, A1, 1), (LIU, A3, 1), (REPORTER, A1, 1),
                                   (ZHANG_WUGANG, A2, 1)):
        edge(person, article, MENTIONED_IN, count=count)
    for entity, article in ((WEIDONG, A1), (WEIDONG, A2), (WEIDONG, A3), (GOV, A1),
                            (DISCIPLINE, A2), (CSO, A1)):
        edge(entity, article, MENTIONED_IN)  # no count: counts as one mention
    edge(REPORTER, A1, AUTHORED)
    return g


@pytest.fixture(scope="module")
def local() -> LocalQueries:
    return LocalQueries(toy_graph())


# ------------------------------------------------------------ networkx answers


def test_find_entities_ranks_name_alias_partial(local):
    found = local.find_entities("张伟")
    assert [(m.id, m.match) for m in found] == [(ZHANG, "name"), (ZHANG_WUGANG, "name")]
    assert [m.articles for m in found] == [2, 1]  # the more mentioned first
    assert [(m.id, m.match) for m in local.find_entities("卫东区政府")] == [(GOV, "alias")]
    partial = local.find_entities("纪委")
    assert [(m.id, m.match) for m in partial] == [(DISCIPLINE, "partial")]
    assert local.find_entities("纪委", partial=False) == []
    assert [m.id for m in local.find_entities("卫东区", labels=[PLACE])] == [WEIDONG]


def test_resolve_explains_ambiguous_and_unknown_names(local):
    assert local.resolve("王芳同志").id == WANG
    assert local.resolve(ZHANG_WUGANG).id == ZHANG_WUGANG
    with pytest.raises(GovkgError, match=r"'张伟' is ambiguous: 2 Person nodes have that name: "
                                         r"person:张伟 \(代区长 · 卫东区人民政府, 2 articles\); "
                                         r"person:张伟@舞钢 \(1 article\); give its id instead of the name"):
        local.resolve("张伟", [PERSON])
    with pytest.raises(GovkgError, match=r"no Person named '王' in the graph; did you mean: "
                                         r"王孟鹤 \(person:王孟鹤\), 王芳 \(person:王芳\)\?"):
        local.resolve("王", [PERSON])
    assert local.resolve(None, [PERSON], ids=[ZHANG_WUGANG]).id == ZHANG_WUGANG
    assert local.resolve("张伟", [PERSON], ids=[ZHANG_WUGANG]).id == ZHANG_WUGANG


def test_person_posts_with_status_and_evidence(local):
    posts = local.person_posts(ZHANG)
    assert [(p.title, p.body_id, p.status) for p in posts] == [
        ("代区长", GOV, "current"), ("常务副区长", GOV, "former")]
    assert posts[0].evidence == (Evidence(A1, S1),)
    assert posts[0].body == "卫东区人民政府" and posts[0].body_label == ORGANIZATION
    reporter = local.person_posts(REPORTER)
    assert [(p.title, p.body_id, p.body) for p in reporter] == [("记者", None, None)]
    # Two parallel HOLDS_ROLE edges are one post with the evidence of both.
    (village,) = local.person_posts(LIU)
    assert [e.article for e in village.evidence] == [A1, A3]
    assert local.person_posts("person:nobody") == []


def test_body_members_include_sub_bodies(local):
    members = local.body_members(PARTY)
    assert [(p.person_id, p.title, p.body_id, p.depth) for p in members] == [
        (WANG, "区委书记", PARTY, 0), (LI, "书记", DISCIPLINE, 1)]
    assert [p.person_id for p in local.body_members(PARTY, include_sub_bodies=False)] == [WANG]


def test_territory_posts_is_whos_who(local):
    posts = local.territory_posts(WEIDONG)
    assert [(p.depth, p.person, p.title) for p in posts] == [
        (1, "张伟", "代区长"), (1, "王芳", "区委书记"), (1, "张伟", "常务副区长"),
        (2, "李明", "书记"), (2, "刘玉萍", "村委会主任")]
    assert [p.person for p in local.territory_posts(JIANSHELU)] == ["刘玉萍"]


def test_programs_of_body_and_parts(local):
    assert [(p.program, p.relation, p.depth) for p in local.programs(WEIDONG)] == [
        ("首席服务官制度", "RUNS", 0)]
    with_parts = local.programs(WEIDONG, include_parts=True)
    assert [(p.actor_id, p.program_id, p.relation, p.depth) for p in with_parts] == [
        (WEIDONG, CSO, RUNS, 0), (PROCURATORATE, HONOUR, RECEIVED, 1), (GOV, CSO, RUNS, 1)]
    assert with_parts[1].evidence[0].sentence == "卫东区人民检察院荣获河南省文明单位标兵。"


def test_connections_are_all_shortest_paths_with_evidence(local):
    paths = local.connections(ZHANG, WANG)
    assert [[n.id for n in p.nodes] for p in paths] == [
        [ZHANG, R_MAYOR, GOV, PARTY, R_SECRETARY, WANG], [ZHANG, R_VICE, GOV, PARTY, R_SECRETARY, WANG]]
    path = paths[0]
    assert [(e.source, e.type, e.target) for e in path.edges] == [
        (ZHANG, HOLDS_ROLE, R_MAYOR), (R_MAYOR, ROLE_IN, GOV), (PARTY, COOPERATES_WITH, GOV),
        (R_SECRETARY, ROLE_IN, PARTY), (WANG, HOLDS_ROLE, R_SECRETARY)]
    assert path.describe() == "张伟 -HOLDS_ROLE-> 代区长 -ROLE_IN-> 卫东区人民政府 " \
                              "<-COOPERATES_WITH- 卫东区委 <-ROLE_IN- 区委书记 <-HOLDS_ROLE- 王芳"
    # Through the articles, 张伟 and 王芳 are not connected more closely (no shared article),
    # but 张伟 and 刘玉萍 are, in two articles.
    via = local.connections(ZHANG, LIU, via_articles=True)
    assert [[n.id for n in p.nodes] for p in via] == [[ZHANG, A1, LIU], [ZHANG, A3, LIU]]
    assert local.connections(ZHANG, WANG, max_length=4) == []
    assert local.connections(ZHANG, ZHANG_WUGANG) == []
    with pytest.raises(GovkgError):
        local.connections(ZHANG, WANG, max_length=99)


def test_co_mentions_count_shared_articles(local):
    co = local.co_mentions(ZHANG)
    # 王孟鹤 is in A1 only as its byline (AUTHORED): not a mention in the text
    assert [(c.person, c.count, c.articles) for c in co] == [("刘玉萍", 2, (A1, A3))]
    with_bylines = local.co_mentions(ZHANG, via_bylines=True)
    assert [(c.person, c.count, c.articles) for c in with_bylines] == [
        ("刘玉萍", 2, (A1, A3)), ("王孟鹤", 1, (A1,))]
    assert local.co_mentions(REPORTER) == []
    assert [c.person for c in local.co_mentions(ZHANG, min_count=2)] == ["刘玉萍"]


def test_entities_by_type_with_mention_counts(local):
    people = local.entities_by_type(PERSON)
    assert [(c.name, c.articles, c.mentions) for c in people] == [
        ("张伟", 2, 4), ("刘玉萍", 2, 2), ("李明", 1, 2), ("张伟", 1, 1), ("王孟鹤", 1, 1), ("王芳", 1, 1)]
    top = local.entities_by_type(limit=1)
    assert [(c.label, c.name) for c in top] == [
        (ORGANIZATION, "卫东区人民政府"), (PERSON, "张伟"), (PLACE, "卫东区"), (PROGRAM, "首席服务官制度"),
        (ROLE, "书记")]
    with pytest.raises(GovkgError, match="unknown entity label 'Article'"):
        local.entities_by_type(ARTICLE)


def test_named_helpers_resolve_names(local):
    assert [p.title for p in run_helper(local, "person", {"name": "王芳同志"})] == ["区委书记"]
    with pytest.raises(GovkgError, match="needs --arg name="):
        run_helper(local, "person", {})
    with pytest.raises(GovkgError, match="no helper 'nope'"):
        run_helper(local, "nope", {})
    with pytest.raises(GovkgError, match="'张伟' is ambiguous"):
        run_helper(local, "comention", {"name": "张伟"})


def test_param_syntax():
    assert parse_params(["name=张伟", "k:=3", "ids:=[\"a\", \"b\"]", "eq=a=b"]) == {
        "name": "张伟", "k": 3, "ids": ["a", "b"], "eq": "a=b"}
    for bad in (["name"], ["=x"], ["k:=nope"], ["a=1", "a=2"]):
        with pytest.raises(GovkgError):
            parse_params(bad)


# ------------------------------------------------- the same answers from Neo4j
# The toy graph goes through a graph file, as users' graphs do, then into a
# real Neo4j with govkg's loader (tests/conftest.py starts the server).


@pytest.fixture(scope="module")
def toy_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("queries") / "toy.json"
    write_graph(toy_graph(), path)
    return path


@pytest.fixture(scope="module")
def server(neo4j_connection, neo4j_driver, toy_file):
    from govkg.queries.neo4j.load import Neo4jTarget, load_file
    from govkg.queries.neo4j.helpers import Neo4jQueries

    target = Neo4jTarget(*neo4j_connection)
    load_file(toy_file, target, wipe_first=True)
    return Neo4jQueries(neo4j_driver, neo4j_connection.database)


PARITY_CASES = [
    ("get_node", (ZHANG,)), ("get_node", ("person:nobody",)),
    ("find_entities", ("张伟",)), ("find_entities", ("卫东区政府",)), ("find_entities", ("纪委",)),
    ("find_entities", ("卫东", [PLACE, ORGANIZATION])), ("find_entities", ("纪委", None, False)),
    ("person_posts", (ZHANG,)), ("person_posts", (LIU,)), ("person_posts", (REPORTER,)),
    ("person_posts", (GOV,)),
    ("body_members", (PARTY,)), ("body_members", (PARTY, False)), ("body_members", (XIAODIAN,)),
    ("territory_posts", (WEIDONG,)), ("territory_posts", (JIANSHELU,)),
    ("programs", (WEIDONG,)), ("programs", (WEIDONG, True)), ("programs", (PROCURATORATE,)),
    ("connections", (ZHANG, WANG)), ("connections", (ZHANG, LIU, 6, True)),
    ("connections", (ZHANG, WANG, 4)), ("connections", (BANK, DISCIPLINE)),
    ("connections", (ZHANG, ZHANG_WUGANG)), ("connections", (ZHANG, WANG, 6, False, 1)),
    ("co_mentions", (ZHANG,)), ("co_mentions", (ZHANG, 2)), ("co_mentions", (WANG,)),
    ("entities_by_type", ()), ("entities_by_type", (PERSON,)), ("entities_by_type", (None, 2)),
    ("entities_by_type", (PERSON, 4)),  # the 4th place is a three-way tie, broken by name
    ("entities_by_type", (PERSON, 1)), ("entities_by_type", (None, 0)), ("entities_by_type", (PROGRAM, 9)),
]


@pytest.mark.parametrize("method,args", PARITY_CASES,
                         ids=[f"{m}{list(a)}" for m, a in PARITY_CASES])
def test_neo4j_gives_the_same_answer(server, toy_file, method, args):
    local = LocalQueries.from_file(toy_file)
    expected = getattr(local, method)(*args)
    assert getattr(server, method)(*args) == expected
    assert bool(expected) == ((method, repr(args)) not in EMPTY_ANSWERS)  # not equal by being empty


EMPTY_ANSWERS = {(method, repr(args)) for method, args in (
    ("get_node", ("person:nobody",)), ("find_entities", ("纪委", None, False)), ("person_posts", (GOV,)),
    ("connections", (ZHANG, WANG, 4)), ("connections", (ZHANG, ZHANG_WUGANG)),
    ("entities_by_type", (None, 0)),
)}


def test_neo4j_resolve_and_named_helpers(server):
    assert server.resolve("王芳同志").id == WANG
    with pytest.raises(GovkgError, match="'张伟' is ambiguous"):
        server.resolve("张伟", [PERSON])
    members = run_helper(server, "members", {"body": "卫东区委", "sub": "no"})
    assert [p.person for p in members] == ["王芳"]


def _plan_operators(plan) -> set[str]:
    ops = {plan["operatorType"].split("@")[0]}
    for child in plan.get("children", []):
        ops |= _plan_operators(child)
    return ops


@pytest.mark.parametrize("statement,params", [
    (cypher.GET_NODE, {"id": ZHANG}),
    (cypher.PERSON_POSTS, {"id": ZHANG}),
    (cypher.BODY_MEMBERS, {"id": PARTY, "deep": True}),
    (cypher.TERRITORY_POSTS, {"id": WEIDONG, "deep": True}),
    (cypher.PROGRAMS, {"id": WEIDONG, "deep": True}),
    (cypher.connections(path_types(False, False), 10, skip_press=True),
     {"a": ZHANG, "b": WANG, "press": list(press_titles()), "bylined": []}),
    (cypher.CO_MENTIONS, {"id": ZHANG, "min_count": 1, "via_bylines": False}),
], ids=["get_node", "person_posts", "body_members", "territory_posts", "programs", "connections",
        "co_mentions"])
def test_helpers_start_from_the_id_constraint_index(server, neo4j_driver, neo4j_connection,
                                                      statement, params):
    """The loader's uniqueness constraints back every lookup by id: a seek, not a scan."""
    summary = neo4j_driver.execute_query("EXPLAIN " + statement, params,
                                         database_=neo4j_connection.database).summary
    ops = _plan_operators(summary.plan)
    assert "NodeUniqueIndexSeek" in ops
    assert "AllNodesScan" not in ops


def test_entities_of_one_label_scan_only_that_label(server, neo4j_driver, neo4j_connection):
    summary = neo4j_driver.execute_query("EXPLAIN " + cypher.entities_by_type(PERSON),
                                         database_=neo4j_connection.database).summary
    assert "NodeByLabelScan" in _plan_operators(summary.plan)
    assert "UnionNodeByLabelsScan" not in _plan_operators(summary.plan)


# --------------------------------------------------------------- govkg query


@pytest.fixture(scope="module")
def govkg(server, neo4j_connection):
    """Run ``govkg`` as a user would, pointed at the test server by NEO4J_* variables."""
    env = {"NEO4J_URI": neo4j_connection.uri, "NEO4J_USERNAME": neo4j_connection.user,
           "NEO4J_PASSWORD": neo4j_connection.password, "NEO4J_DATABASE": neo4j_connection.database,
           "COLUMNS": "200"}

    def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
        return cli.govkg(*args, env=env, cwd=cwd)
    return run


def _count(driver, database: str, label_query: str) -> int:
    return driver.execute_query(label_query, database_=database).records[0][0]


COUNT_SCRATCH = "MATCH (n:QueryScratch) RETURN count(n)"


def test_query_is_read_only_unless_write(govkg, neo4j_driver, neo4j_connection):
    refused = govkg("query", "--neo4j", "CREATE (n:QueryScratch {name: $name}) RETURN n", "--param", "name=x")
    assert refused.returncode == 1
    assert refused.stderr.startswith("govkg: Neo4j refused a write in a read-only query")
    assert "--write" in refused.stderr and "Traceback" not in refused.stderr
    assert _count(neo4j_driver, neo4j_connection.database, COUNT_SCRATCH) == 0
    # Even a write hidden in a procedure-less subquery is refused by the server.
    sneaky = govkg("query", "--neo4j", "MATCH (p:Person) CALL (p) { SET p.touched = true } RETURN count(*)")
    assert sneaky.returncode == 1 and "read-only" in sneaky.stderr
    written = govkg("query", "--neo4j", "CREATE (n:QueryScratch {name: $name}) RETURN n.name AS name",
                    "--param", "name=x", "--write", "--format", "json")
    assert written.returncode == 0, written.stderr
    assert json.loads(written.stdout) == [{"name": "x"}]
    assert "nodes created: 1" in written.stderr
    assert _count(neo4j_driver, neo4j_connection.database, COUNT_SCRATCH) == 1
    assert govkg("query", "--neo4j", "MATCH (n:QueryScratch) DELETE n", "--write").returncode == 0
    assert _count(neo4j_driver, neo4j_connection.database, COUNT_SCRATCH) == 0


def test_query_json_is_one_object_per_row(govkg):
    done = govkg("query", "--neo4j", "MATCH (p:Person {name: $name})-[h:HOLDS_ROLE]->(r:Role) "
                          "RETURN p, h, r.title AS title, $k + 1 AS k, r ORDER BY title",
                 "--param", "name=王芳", "--param", "k:=41", "--format", "json")
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)
    assert list(row) == ["p", "h", "title", "k", "r"]
    assert row["p"] == {"_labels": ["Person"], "id": WANG, "name": "王芳", "aliases": ["王芳同志"]}
    assert row["h"]["_type"] == HOLDS_ROLE and row["h"]["_start"] == WANG
    assert row["h"]["_end"] == R_SECRETARY
    assert [json.loads(e) for e in row["h"]["evidence_json"]] == ev(A2, "区委书记王芳出席。")
    assert row["title"] == "区委书记" and row["k"] == 42


def test_query_csv_and_table_show_nodes_and_paths_by_name(govkg):
    statement = ("MATCH path = (p:Person {name: '李明'})-[:HOLDS_ROLE]->(:Role)-[:ROLE_IN]->(b)"
                 "-[:PART_OF]->(top) RETURN p, b.name AS body, path")
    done = govkg("query", "--neo4j", statement, "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows == [["p", "body", "path"],
                    ["李明", "卫东区纪委监委",
                     "李明 -[:HOLDS_ROLE]-> 书记 -[:ROLE_IN]-> 卫东区纪委监委 -[:PART_OF]-> 卫东区委"]]
    table = govkg("query", "--neo4j", "MATCH (o:Organization)<-[:PART_OF]-(d) RETURN o, d")
    assert table.returncode == 0, table.stderr
    assert "卫东区委" in table.stdout and "卫东区纪委监委" in table.stdout
    assert table.stderr.strip() == "1 row"


def test_cypher_error_is_the_servers_message_on_one_line(govkg):
    done = govkg("query", "--neo4j", "MATC (n) RETURN n")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("govkg: Cypher error: Invalid input 'MATC'")
    assert "(line 1, column 1 (offset: 0))" in done.stderr
    missing = govkg("query", "--neo4j", "RETURN $x AS x")
    assert missing.returncode == 1
    assert missing.stderr == "govkg: Cypher error: Expected parameter(s): x [ParameterMissing]\n"


def test_a_label_typo_is_one_warning_line(govkg):
    done = govkg("query", "--neo4j", "MATCH (p:Persn) RETURN p.name AS name", "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout) == []
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("govkg: warning: ") and "`Persn` does not exist" in line
    assert "(line 1, column 10)" in line and "GqlStatusObject" not in done.stderr


def test_without_neo4j_cypher_and_helpers_read_the_graph_file(govkg, toy_file, tmp_path):
    # the default graph file, graph.json in the working folder, is not there: one line says so
    done = govkg("query", "MATCH (n) RETURN n", cwd=tmp_path)
    assert done.returncode == 1 and done.stderr == "govkg: graph file 'graph.json' not found (run 'govkg extract' first)\n"
    statement = "MATCH (p:Person)-[:HOLDS_ROLE]->(r:Role) RETURN p.name AS person, r.title AS post ORDER BY person, post"
    on_file = govkg("query", statement, "--graph", str(toy_file), "-f", "json")
    on_server = govkg("query", statement, "--neo4j", "-f", "json")
    assert on_file.returncode == 0 and on_server.returncode == 0, on_file.stderr + on_server.stderr
    assert json.loads(on_file.stdout) == json.loads(on_server.stdout) != []
    rows = tmp_path / "rows.csv"
    done = govkg("query", "--helper", "person", "--arg", "name=王芳", "-g", str(toy_file), "-o", str(rows))
    assert done.returncode == 0, done.stderr
    assert rows.read_text("utf-8").splitlines()[0].startswith("person_id,person,role_id,title")


def test_query_helper_on_graph_file_and_on_neo4j(govkg, toy_file):
    on_file = govkg("query", "--helper", "territory", "--arg", "place=卫东区", "--graph", str(toy_file),
                    "--format", "json")
    on_server = govkg("query", "--helper", "territory", "--arg", "place=卫东区", "--neo4j",
                      "--format", "json")
    assert on_file.returncode == 0 and on_server.returncode == 0, on_file.stderr + on_server.stderr
    assert json.loads(on_file.stdout) == json.loads(on_server.stdout)
    assert [r["person"] for r in json.loads(on_file.stdout)] == ["张伟", "王芳", "张伟", "李明", "刘玉萍"]
    ambiguous = govkg("query", "--helper", "person", "--arg", "name=张伟", "--graph", str(toy_file))
    assert ambiguous.returncode == 1
    assert ambiguous.stderr.startswith("govkg: '张伟' is ambiguous: 2 Person nodes have that name: person:张伟")
    assert ambiguous.stderr.strip().endswith("give its id instead of the name")
    paths = govkg("query", "--helper", "connect", "-a", "a=李明", "-a", "b=卫东区委", "-f", "csv", "--neo4j")
    assert paths.returncode == 0, paths.stderr
    assert list(csv.reader(io.StringIO(paths.stdout)))[1] == [
        "李明 -HOLDS_ROLE-> 书记 -ROLE_IN-> 卫东区纪委监委 -PART_OF-> 卫东区委", "3",
        "区纪委监委书记李明主持。 | 卫东区纪委监委是区委的工作部门。"]


def test_profile_prints_the_plan(govkg):
    done = govkg("query", "--neo4j", "PROFILE MATCH (p:Person {id: $id}) RETURN p.name AS name", "-p", f"id={WANG}")
    assert done.returncode == 0, done.stderr
    assert "王芳" in done.stdout
    assert "NodeUniqueIndexSeek  rows=1" in done.stderr
    assert "UNIQUE p:Person(id) WHERE id = $id" in done.stderr


def test_report_reads_see_parallel_edges_as_neo4j_does(server, toy_file):
    """刘玉萍 holds her post through two parallel HOLDS_ROLE edges in the file: one
    relationship in Neo4j, so one link (with both sentences) in the local reads too."""
    from govkg.queries.neo4j.source import Neo4jSource
    from govkg.queries.reports.source import IN, OUT, LocalSource

    local = LocalSource(LocalQueries.from_file(toy_file))
    remote = Neo4jSource(server)
    (link,) = local.links(LIU, [HOLDS_ROLE], OUT)
    assert [e.article for e in link.evidence] == [A1, A3]
    assert remote.links(LIU, [HOLDS_ROLE], OUT) == [link]
    assert remote.links(R_VILLAGE, [HOLDS_ROLE], IN) == local.links(R_VILLAGE, [HOLDS_ROLE], IN)
    assert remote.edges([HOLDS_ROLE]) == local.edges([HOLDS_ROLE])
    assert remote.type_counts() == local.type_counts()
    assert local.type_counts()[HOLDS_ROLE] == 6  # seven edges in the file, one pair twice

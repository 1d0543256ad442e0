"""The one rule for combining a node or a relation met twice (graph/merge.py), and
that every place that combines them (build, merge, the loader's rows, the query
helpers and the reports' reads) follows it."""

from __future__ import annotations

from govkg.extract.records import Article, Entity, Evidence, PageResult, Relation
from govkg.graph.build import build_graph
from govkg.graph.graphfile import new_graph
from govkg.graph.merge import add_edge, add_node, collapse_parallel_edges, merge_graphs
from govkg.graph.properties import edge_rows
from govkg.graph.schema import HOLDS_ROLE, MENTIONED_IN, PERSON, ROLE
from govkg.queries.local import LocalQueries
from govkg.queries.reports.source import OUT, LocalSource

ZHANG, ROLE_ID, ART1, ART2 = "person:张伟", "role:卫东区人民政府/代区长", "article:a.txt#1", "article:b.txt#1"
E1 = {"article": ART1, "sentence": "卫东区代区长张伟表示。"}
E2 = {"article": ART2, "sentence": "张伟代区长说。"}


def test_first_value_kept_lists_united_an_articles_mentions_counted_once():
    g = new_graph()
    add_node(g, ZHANG, {"label": PERSON, "name": "张伟", "aliases": {"张伟"}, "territory": "卫东区"})
    add_node(g, ZHANG, {"label": PERSON, "name": "张伟同志", "aliases": ["老张", "张伟"],
                        "territory": "舞钢市", "gender": "男"})
    assert g.nodes[ZHANG] == {"label": PERSON, "name": "张伟", "aliases": ["张伟", "老张"],
                              "territory": "卫东区", "gender": "男"}
    # One (person, article) relation met twice is one article met twice: its mentions are not
    # two articles' mentions, so the count is not summed; the larger is kept, whichever comes first.
    add_edge(g, ZHANG, ART1, {"type": MENTIONED_IN, "count": 2})
    add_edge(g, ZHANG, ART1, {"type": MENTIONED_IN, "count": 3})
    add_edge(g, ZHANG, ART1, {"type": MENTIONED_IN, "count": 2})
    assert g.edges[ZHANG, ART1, MENTIONED_IN]["count"] == 3
    add_edge(g, ZHANG, ROLE_ID, {"type": HOLDS_ROLE, "status": None, "evidence": [E1]})
    add_edge(g, ZHANG, ROLE_ID, {"type": HOLDS_ROLE, "status": "former", "evidence": [E2, E1]})
    assert g.edges[ZHANG, ROLE_ID, HOLDS_ROLE] == {"type": HOLDS_ROLE, "status": "former",
                                                   "evidence": [E1, E2]}
    assert g.number_of_edges() == 2


def parallel_graph():
    """Two HOLDS_ROLE edges between one pair under keys 0 and 1, as a hand-made file may have."""
    g = new_graph()
    g.add_node(ZHANG, label=PERSON, name="张伟")
    g.add_node(ROLE_ID, label=ROLE, name="代区长", title="代区长")
    g.add_edge(ZHANG, ROLE_ID, key=0, type=HOLDS_ROLE, date="2020-06-03", evidence=[E1])
    g.add_edge(ZHANG, ROLE_ID, key=1, type=HOLDS_ROLE, date="2020-06-16", status="former",
               evidence=[E2])
    return g


def test_parallel_edges_collapse_by_the_rule_everywhere():
    g = parallel_graph()
    (collapsed,) = [a for _, _, a in collapse_parallel_edges(g).edges(data=True)]
    assert collapsed == {"type": HOLDS_ROLE, "date": "2020-06-03", "status": "former",
                         "evidence": [E1, E2]}
    assert g.number_of_edges() == 2  # the input is left as it was
    # The loader writes one relationship with the same properties …
    ((_, rows),) = edge_rows(g).items()
    assert rows == [{"source": ZHANG, "target": ROLE_ID,
                     "props": {"date": "2020-06-03", "status": "former"},
                     "lists": {"evidence_json": [
                         '{"article":"article:a.txt#1","sentence":"卫东区代区长张伟表示。"}',
                         '{"article":"article:b.txt#1","sentence":"张伟代区长说。"}']}}]
    # … merging keeps one edge whatever the keys …
    merged = merge_graphs([g])
    assert merged.number_of_edges() == 1
    # … and the helpers and the reports' reads see one post, one link.
    queries = LocalQueries(g)
    (post,) = queries.person_posts(ZHANG)
    assert post.status == "former" and [e.article for e in post.evidence] == [ART1, ART2]
    (link,) = LocalSource(queries).links(ZHANG, [HOLDS_ROLE], OUT)
    assert link.status == "former" and [e.article for e in link.evidence] == [ART1, ART2]


def test_a_graph_without_parallel_edges_is_not_copied():
    g = new_graph()
    g.add_node(ZHANG, label=PERSON, name="张伟")
    g.add_node(ROLE_ID, label=ROLE, name="代区长")
    g.add_edge(ZHANG, ROLE_ID, key=HOLDS_ROLE, type=HOLDS_ROLE)
    assert collapse_parallel_edges(g) is g


def page(source: str, status: str | None, sentence: str) -> PageResult:
    art = Article(source=source, number=1, title="标题", body=sentence)
    result = PageResult(source, articles=[art])
    result.entities[ZHANG] = Entity(ZHANG, PERSON, "张伟", {"张伟"}, {"territory": "卫东区"})
    result.entities[ROLE_ID] = Entity(ROLE_ID, ROLE, "代区长", {"代区长"}, {"title": "代区长"})
    props = {"status": status} if status else {}
    result.relations.append(Relation(ZHANG, HOLDS_ROLE, ROLE_ID, [Evidence(art.id, sentence)], props))
    result.mentions[(ZHANG, art.id)] += 1
    return result


def test_one_run_and_merged_runs_give_the_same_graph():
    pages = [page("a.txt", None, E1["sentence"]), page("b.txt", "former", E2["sentence"])]
    together = build_graph(pages)
    apart = merge_graphs([build_graph([pages[0]]), build_graph([pages[1]])])
    assert sorted(together.edges(keys=True, data=True)) == sorted(apart.edges(keys=True, data=True))
    assert dict(together.nodes(data=True)) == dict(apart.nodes(data=True))
    assert together.edges[ZHANG, ROLE_ID, HOLDS_ROLE]["status"] == "former"


def test_a_post_seen_in_many_articles_shows_its_latest_statement_and_keeps_each():
    """Appointed in 2020, seen in 2021, removed in 2023: each article's word stays with its sentence;
    the relation says what the latest one says, whichever order the articles are met in."""
    appointed = {"article": ART1, "sentence": "任命张伟为卫东区代区长。", "status": "current",
                 "event": "appointed", "event_date": "2020-05", "date": "2020-06-03"}
    seen = {"article": ART2, "sentence": "卫东区代区长张伟表示。", "status": "current", "date": "2021-03-01"}
    removed = {"article": "article:c.txt#1", "sentence": "免去张伟的卫东区代区长职务。", "status": "former",
               "event": "removed", "date": "2023-01-09"}
    for order in ([appointed, seen, removed], [removed, appointed, seen], [seen, removed, appointed]):
        g = new_graph()
        for item in order:
            add_edge(g, ZHANG, ROLE_ID, {"type": HOLDS_ROLE, "evidence": [item],
                                         **{k: v for k, v in item.items() if k not in ("article", "sentence")}})
        edge = g.edges[ZHANG, ROLE_ID, HOLDS_ROLE]
        assert (edge["status"], edge["event"], edge["date"]) == ("former", "removed", "2023-01-09")
        assert "event_date" not in edge  # the removal gives none; 2020-05 was the appointment's
        assert sorted(e["article"] for e in edge["evidence"]) == [ART1, ART2, "article:c.txt#1"]
        assert {e["article"]: e.get("event") for e in edge["evidence"]}[ART1] == "appointed"


def test_a_graph_merged_with_itself_or_a_page_added_twice_is_unchanged():
    pages = [page("a.txt", None, E1["sentence"]), page("b.txt", "former", E2["sentence"])]
    pages[0].mentions[(ZHANG, "article:a.txt#1")] = 4
    once = build_graph(pages)
    twice = build_graph(pages + pages)  # the same pages met again, as a file given twice is
    with_itself = merge_graphs([once, once])
    for graph in (twice, with_itself):
        assert sorted(graph.edges(keys=True, data=True)) == sorted(once.edges(keys=True, data=True))
        assert dict(graph.nodes(data=True)) == dict(once.nodes(data=True))
    assert with_itself.edges[ZHANG, "article:a.txt#1", MENTIONED_IN]["count"] == 4

"""From extraction results to one networkx graph with provenance.

Nodes are merged by id across articles and files (one node per real
thing); relations by (source, type, target), their evidence lists
concatenated without repeats; MENTIONED_IN carries a ``count``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import networkx as nx

from govkg.graph.graphfile import new_graph
from govkg.graph.schema import ARTICLE, MENTIONED_IN, PERSON

if TYPE_CHECKING:
    from govkg.extract.records import PageResult


def _article_node(article) -> dict:
    # An untitled item (a brief, a caption) is named by its first words, so every view and citation
    # can show something a reader recognises; ``title`` stays what the page prints.
    name = article.title or _first_words(article.body)
    node = {"label": ARTICLE, "name": name, "title": article.title, "source": article.source,
            "number": article.number, "kind": article.kind}
    for key in ("kicker", "lead", "date", "date_text", "page", "outlet"):
        value = getattr(article, key)
        if value:
            node[key] = value
    node["text"] = article.body
    return node


def _first_words(text: str, size: int = 16) -> str:
    return text if len(text) <= size else text[:size].rstrip("，、；：,;: ") + "…"


def namesake_id(graph: nx.MultiDiGraph, node_id: str, label: str, territory: str | None) -> str | None:
    """The id to use instead of ``node_id`` when ``graph`` has a namesake whose post lies elsewhere.

    Two people of one name whose posts lie in different counties are two
    nodes (``person:张伟@临川县``); the evidence that they differ is the
    ``territory`` of their posts. A person named without a post merges with
    the one already in the graph.
    """
    if label != PERSON or not territory or node_id not in graph or "@" in node_id:
        return None
    known = graph.nodes[node_id].get("territory")
    return f"{node_id}@{territory}" if known and known != territory else None


def _keep_namesakes_apart(graph: nx.MultiDiGraph, page: "PageResult") -> None:
    renames = {}
    for ent in list(page.entities.values()):
        new = namesake_id(graph, ent.id, ent.label, ent.props.get("territory"))
        if new:
            renames[ent.id] = new
    for old, new in renames.items():
        ent = page.entities.pop(old)
        ent.id = new
        page.entities[new] = ent
        for rel in page.relations:
            rel.source = new if rel.source == old else rel.source
            rel.target = new if rel.target == old else rel.target
        for (eid, aid) in [k for k in page.mentions if k[0] == old]:
            page.mentions[(new, aid)] += page.mentions.pop((eid, aid))


def add_page(graph: nx.MultiDiGraph, page: "PageResult") -> None:
    """Merge one page's results into the graph."""
    _keep_namesakes_apart(graph, page)
    for art in page.articles:
        graph.add_node(art.id, **_article_node(art))
    for ent in page.entities.values():
        if ent.id in graph:
            data = graph.nodes[ent.id]
            data["aliases"] = sorted(set(data.get("aliases", [])) | ent.aliases)
            for k, v in ent.props.items():
                data.setdefault(k, v)
        else:
            graph.add_node(ent.id, label=ent.label, name=ent.name, aliases=sorted(ent.aliases), **ent.props)
    for rel in page.relations:
        if rel.source not in graph or rel.target not in graph or rel.source == rel.target:
            continue
        evidence = [e.as_dict() for e in rel.evidence]
        if graph.has_edge(rel.source, rel.target, key=rel.type):
            data = graph.edges[rel.source, rel.target, rel.type]
            known = data.setdefault("evidence", [])
            known.extend(e for e in evidence if e not in known)
            for k, v in rel.props.items():
                data.setdefault(k, v)
        else:
            attrs = dict(rel.props)
            if evidence:
                attrs["evidence"] = evidence
            graph.add_edge(rel.source, rel.target, key=rel.type, type=rel.type, **attrs)
    for (eid, aid), count in page.mentions.items():
        if eid not in graph or aid not in graph:
            continue
        if graph.has_edge(eid, aid, key=MENTIONED_IN):
            graph.edges[eid, aid, MENTIONED_IN]["count"] += count
        else:
            graph.add_edge(eid, aid, key=MENTIONED_IN, type=MENTIONED_IN, count=count)


def build_graph(pages: Iterable["PageResult"]) -> nx.MultiDiGraph:
    graph = new_graph()
    for page in pages:
        add_page(graph, page)
    return graph

"""From extraction results to one networkx graph with provenance.

Nodes are merged by id across articles and files (one node per real
thing); relations by (source, type, target), their evidence lists
concatenated without repeats; MENTIONED_IN carries a ``count``. The rule is
``graph.merge``'s, the same as ``govkg merge`` applies to whole files.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import networkx as nx

from govkg.graph.graphfile import new_graph
from govkg.graph.merge import add_edge, add_node, namesake_id
from govkg.graph.schema import ARTICLE, HOLDS_ROLE, MENTIONED_IN

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


def _keep_namesakes_apart(graph: nx.MultiDiGraph, page: "PageResult") -> None:
    renames = {}
    for ent in list(page.entities.values()):
        posts = [r.target for r in page.relations if r.type == HOLDS_ROLE and r.source == ent.id]
        new = namesake_id(graph, ent.id, ent.label, ent.props.get("territory"), posts)
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
    """Merge one page's results into the graph, by the rule of ``graph.merge``."""
    _keep_namesakes_apart(graph, page)
    for art in page.articles:
        add_node(graph, art.id, _article_node(art))
    for ent in page.entities.values():
        add_node(graph, ent.id, {"label": ent.label, "name": ent.name, "aliases": ent.aliases, **ent.props})
    for rel in page.relations:
        if rel.source not in graph or rel.target not in graph or rel.source == rel.target:
            continue
        attrs = {"type": rel.type, **rel.props}
        if rel.evidence:
            attrs["evidence"] = [e.as_dict() for e in rel.evidence]
        add_edge(graph, rel.source, rel.target, attrs)
    for (eid, aid), count in page.mentions.items():
        if eid in graph and aid in graph:
            add_edge(graph, eid, aid, {"type": MENTIONED_IN, "count": count})


def build_graph(pages: Iterable["PageResult"]) -> nx.MultiDiGraph:
    graph = new_graph()
    for page in pages:
        add_page(graph, page)
    return graph

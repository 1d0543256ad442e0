"""The path report: how two entities are connected, each hop with its evidence."""

from __future__ import annotations

from govkg.errors import GovkgError
from govkg.graph.schema import ARTICLE
from govkg.queries.helpers import DEFAULT_PATH_LENGTH
from govkg.queries.records import NodeRef
from govkg.queries.reports.common import Builder, plural
from govkg.queries.reports.model import ARTICLE_RELATIONS, PHRASES, Item, Report, Section, ViewSpec
from govkg.queries.reports.source import ReportSource


def path_report(source: ReportSource, a: NodeRef, b_node: NodeRef,
                max_length: int = DEFAULT_PATH_LENGTH, limit: int = 5, via_bylines: bool = False) -> Report:
    """How two entities are connected: each shortest path, each hop with its evidence.

    Relations between entities first; only when they do not connect the two
    does the report go through shared articles, and it says so. Never through
    bylines (a reporter's post, AUTHORED) unless ``via_bylines``.
    """
    b = Builder(source)
    report = Report("path", f"关系路径 How {a.name} and {b_node.name} are connected", [a, b_node])
    if a.id == b_node.id:
        raise GovkgError("the two ends of the path are the same node")
    connections = b.q.connections(a.id, b_node.id, max_length=max_length, limit=limit,
                                  via_bylines=via_bylines)
    via_articles = False
    if not connections:
        connections = b.q.connections(a.id, b_node.id, max_length=max_length, via_articles=True,
                                      limit=limit, via_bylines=via_bylines)
        via_articles = bool(connections)
    if not connections:
        report.summary.append(f"no connection within {max_length} steps, even through shared articles")
        report.sections.append(Section("路径 Paths", note="none found"))
        report.view = ViewSpec(frozenset({a.id, b_node.id}), (a.id, b_node.id))
        return report
    length = connections[0].length
    report.summary.append(f"{plural(len(connections), 'shortest path')} of {plural(length, 'step')}"
                          + (" (through shared articles: no chain of relations links them)"
                             if via_articles else ""))
    ids = set()
    names = {}
    for conn in connections:
        ids.update(n.id for n in conn.nodes)
        names.update({n.id: n for n in conn.nodes})
    for number, conn in enumerate(connections, 1):
        section = Section(f"路径 Path {number}: " + " — ".join(_shown(n) for n in conn.nodes))
        for edge in conn.edges:
            src, dst = names[edge.source], names[edge.target]
            cites, note = b.claim(edge.evidence, edge.basis)
            if not cites and not note and edge.type in ARTICLE_RELATIONS:
                article = dst if dst.label == ARTICLE else src
                other = src if article is dst else dst
                cites = b.citer.sentences_naming(article.id, b.spellings(other))
            section.items.append(Item(f"{_shown(src)} {PHRASES.get(edge.type, edge.type)} {_shown(dst)}", cites,
                                      {"relation": edge.type, "source": edge.source, "target": edge.target,
                                       **({"basis": edge.basis} if edge.basis else {})}, note=note))
        report.sections.append(section)
    report.view = ViewSpec(frozenset(ids), (a.id, b_node.id))
    return report


def _shown(node: NodeRef) -> str:
    """A node's name in a path; an Article as 《title》."""
    return f"《{node.name}》" if node.label == ARTICLE else node.name

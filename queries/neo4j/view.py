"""A Neo4j query's result as a graph to view: ``govkg view --cypher "MATCH p=… RETURN p"``.

The query is the user's own and is run as given, in a READ transaction, so a
view never changes the database. Every node, relationship and path anywhere
in the result (inside lists and maps too) goes into a networkx graph shaped
like a graph file: node ``id`` and ``label`` from the govkg properties the
loader wrote (queries/neo4j/load.py), ``evidence`` decoded back from the
loader's ``evidence_json`` strings. The articles that evidence cites but the
result does not hold are looked up (``cypher.ARTICLES_BY_ID``), so the page
can show their titles and dates without drawing them. Both statements go
through ``queries.neo4j.run``, as ``govkg query`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from govkg.errors import GovkgError
from govkg.graph.schema import NODE_LABELS
from govkg.queries.neo4j import cypher
from govkg.graph.properties import decode_properties
from govkg.queries.neo4j.run import read_rows, run_cypher

EXAMPLE = "MATCH p=(:Person)-[:HOLDS_ROLE]->(:Role)-[:ROLE_IN]->() RETURN p LIMIT 200"


class _Collector:
    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self._ids: dict[str, str] = {}  # Neo4j element id -> govkg node id
        self._rels: set[str] = set()

    def node(self, node) -> str:
        if node.element_id in self._ids and not dict(node):
            return self._ids[node.element_id]
        props = decode_properties(dict(node))
        nid = str(props.pop("id", None) or node.element_id)
        labels = sorted(node.labels)
        label = next((lab for lab in labels if lab in NODE_LABELS), labels[0] if labels else "Other")
        self._ids[node.element_id] = nid
        attrs = {**self.graph.nodes[nid]} if nid in self.graph else {}
        attrs.update(props)
        attrs["label"] = label
        self.graph.add_node(nid, **attrs)
        return nid

    def relationship(self, rel) -> None:
        if rel.element_id in self._rels:
            return
        self._rels.add(rel.element_id)
        source = self.node(rel.start_node)
        target = self.node(rel.end_node)
        props = decode_properties(dict(rel))
        props["type"] = rel.type
        self.graph.add_edge(source, target, key=rel.element_id, **props)

    def walk(self, value: Any) -> None:
        from neo4j.graph import Node, Path, Relationship

        if isinstance(value, Node):
            self.node(value)
        elif isinstance(value, Relationship):
            self.relationship(value)
        elif isinstance(value, Path):
            for node in value.nodes:
                self.node(node)
            for rel in value.relationships:
                self.relationship(rel)
        elif isinstance(value, (list, tuple)):
            for item in value:
                self.walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                self.walk(item)


def graph_from_records(records) -> nx.MultiDiGraph:
    """The nodes, relationships and paths of query result records, as one graph."""
    collector = _Collector()
    for record in records:
        for value in record.values():
            collector.walk(value)
    return collector.graph


@dataclass
class CypherView:
    """A query's graph, and the cited articles that are not in it (id -> title, date, source)."""

    graph: nx.MultiDiGraph
    articles: dict[str, dict[str, str]]


def cited_articles(graph: nx.MultiDiGraph) -> list[str]:
    """Ids of articles the evidence cites that the graph itself does not hold."""
    cited = {e.get("article") for _, _, d in graph.edges(data=True)
             for e in (d.get("evidence") or []) if isinstance(e, dict)}
    return sorted(a for a in cited if isinstance(a, str) and a and a not in graph)


def view_query(driver, query: str, database: str | None = None, uri: str | None = None) -> CypherView:
    """Run the user's query read-only and return its graph; a clear error if it has none."""
    if not query.strip():
        raise GovkgError(f"--cypher needs a query, e.g. \"{EXAMPLE}\"")
    result = run_cypher(driver, query, database=database, uri=uri,
                        write_hint="govkg view --cypher only reads")
    graph = graph_from_records(result.records)
    if graph.number_of_nodes() == 0:
        raise GovkgError("the query returned no nodes, relationships or paths to draw "
                         f"(return them, e.g. \"{EXAMPLE}\")")
    articles = {}
    missing = cited_articles(graph)
    if missing:
        for row in read_rows(driver, cypher.ARTICLES_BY_ID, {"ids": missing}, database=database):
            articles[row["id"]] = {key: str(row[key] or "") for key in ("title", "date", "source")}
    return CypherView(graph, articles)

"""What reports read, from a graph file (networkx) or from Neo4j, with equal answers.

A report is built from the query helpers (``queries.helpers.GraphQueries``:
posts, members, territory, programs, connections, co-mentions, entity
counts) plus a few generic reads that the helpers do not offer: a node's
neighbours by relation type, every edge of some types, articles by id, all
entity names, counts per label and a small subgraph for the HTML view.
``LocalSource`` answers them on the helpers' own networkx graph (parallel
edges already collapsed as the Neo4j loader collapses them);
``queries.neo4j.source.Neo4jSource`` with the statements in ``queries.neo4j.cypher``. Both
return the records below, sorted the same way, so one report builder gives
the same report from either.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import networkx as nx

from govkg.graph.schema import ARTICLE, NODE_LABELS
from govkg.queries.helpers import GraphQueries
from govkg.graph.names import display_name
from govkg.queries.records import Evidence, NameEntry, NodeRef, evidence_of

IN, OUT = "in", "out"

#: Node properties the HTML view never shows and that only make it heavy.
VIEW_DROP = ("text",)


@dataclass(frozen=True, slots=True)
class Link:
    """One relation of a node: the node at the other end, the direction and its properties."""

    type: str
    other: NodeRef
    outgoing: bool  # True: node -[type]-> other
    status: str | None
    count: int | None
    evidence: tuple[Evidence, ...]
    basis: str | None = None  # how the relation was found when not read in a sentence (graph-json.md)

    def sort_key(self) -> tuple:
        return (self.type, not self.outgoing, self.other.name, self.other.id, self.evidence)


@dataclass(frozen=True, slots=True)
class EdgeRow:
    """One relation anywhere in the graph (overview)."""

    source: NodeRef
    type: str
    target: NodeRef
    status: str | None
    evidence: tuple[Evidence, ...]
    basis: str | None = None

    def sort_key(self) -> tuple:
        return (self.type, self.source.name, self.source.id, self.target.name, self.target.id)


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An Article as a citation: title, date, source file; ``text`` to find sentences in."""

    id: str
    title: str
    date: str
    source: str
    text: str = field(default="", compare=False, repr=False)


def sorted_records(records: Iterable[Any]) -> list[Any]:
    return sorted(set(records), key=lambda r: r.sort_key())


def article_info(node_id: str, props: dict[str, Any]) -> ArticleInfo:
    return ArticleInfo(node_id, str(props.get("title") or props.get("name") or ""),
                       str(props.get("date") or ""), str(props.get("source") or ""),
                       str(props.get("text") or ""))


def str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)


class ReportSource(ABC):
    """The query helpers (``queries``) and the generic reads a report needs."""

    queries: GraphQueries

    @abstractmethod
    def links(self, node_id: str, types: Sequence[str], direction: str) -> list[Link]:
        """Relations of ``types`` leaving (OUT) or arriving at (IN) the node."""

    @abstractmethod
    def edges(self, types: Sequence[str]) -> list[EdgeRow]:
        """Every relation of ``types`` in the graph."""

    @abstractmethod
    def articles(self, ids: Iterable[str]) -> dict[str, ArticleInfo]:
        """The Article nodes among ``ids`` (unknown ids are left out)."""

    def entity_names(self, labels: Sequence[str] | None = None) -> list[NameEntry]:
        """Every entity of these labels with its name and aliases (the query helpers')."""
        return self.queries.entity_names(labels)

    @abstractmethod
    def label_counts(self) -> dict[str, int]:
        """Nodes per govkg label."""

    @abstractmethod
    def type_counts(self) -> dict[str, int]:
        """Relations per type."""

    @abstractmethod
    def ego_ids(self, node_id: str, hops: int) -> set[str]:
        """Ids of the nodes within ``hops`` steps of the node, ignoring direction."""

    @abstractmethod
    def subgraph(self, ids: Iterable[str]) -> nx.MultiDiGraph:
        """The nodes ``ids`` and the relations among them, shaped like a graph file (for the view)."""

    def both(self, node_id: str, types: Sequence[str]) -> list[Link]:
        return sorted_records(self.links(node_id, types, OUT) + self.links(node_id, types, IN))

    def close(self) -> None:
        """Release the connection, if any."""


class LocalSource(ReportSource):
    """Reads on a graph file in memory, through ``queries.local.LocalQueries``."""

    def __init__(self, queries) -> None:
        self.queries = queries
        self.graph: nx.MultiDiGraph = queries.graph  # parallel edges collapsed, as in Neo4j

    @classmethod
    def from_graph(cls, graph: nx.MultiDiGraph) -> "LocalSource":
        from govkg.queries.local import LocalQueries

        return cls(LocalQueries(graph))

    def _ref(self, node: str) -> NodeRef:
        props = self.graph.nodes[node]
        return NodeRef(node, props.get("label", ""), display_name(props, node))

    def links(self, node_id: str, types: Sequence[str], direction: str) -> list[Link]:
        if node_id not in self.graph:
            return []
        wanted = set(types)
        outgoing = direction == OUT
        edges = (self.graph.out_edges(node_id, data=True) if outgoing
                 else self.graph.in_edges(node_id, data=True))
        found = []
        for u, v, attrs in edges:
            if attrs.get("type") in wanted:
                other = v if outgoing else u
                status = attrs.get("status")
                found.append(Link(attrs["type"], self._ref(other), outgoing,
                                  None if status is None else str(status),
                                  int_or_none(attrs.get("count")), evidence_of(attrs.get("evidence")),
                                  str_or_none(attrs.get("basis"))))
        return sorted_records(found)

    def edges(self, types: Sequence[str]) -> list[EdgeRow]:
        wanted = set(types)
        rows = []
        for u, v, attrs in self.graph.edges(data=True):
            if attrs.get("type") in wanted:
                status = attrs.get("status")
                rows.append(EdgeRow(self._ref(u), attrs["type"], self._ref(v),
                                    None if status is None else str(status),
                                    evidence_of(attrs.get("evidence")), str_or_none(attrs.get("basis"))))
        return sorted_records(rows)

    def articles(self, ids: Iterable[str]) -> dict[str, ArticleInfo]:
        out = {}
        for aid in sorted(set(ids)):
            props = self.graph.nodes.get(aid) if aid in self.graph else None
            if props is not None and props.get("label") == ARTICLE:
                out[aid] = article_info(aid, props)
        return out

    def label_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(NODE_LABELS, 0)
        for _, label in self.graph.nodes(data="label"):
            if label in counts:
                counts[label] += 1
        return counts

    def type_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _, _, rel in self.graph.edges(data="type"):
            counts[rel] = counts.get(rel, 0) + 1
        return dict(sorted(counts.items()))

    def ego_ids(self, node_id: str, hops: int) -> set[str]:
        if node_id not in self.graph:
            return set()
        seen = {node_id: 0}
        queue = deque([node_id])
        while queue:
            node = queue.popleft()
            if seen[node] == hops:
                continue
            for nxt in list(self.graph.successors(node)) + list(self.graph.predecessors(node)):
                if nxt not in seen:
                    seen[nxt] = seen[node] + 1
                    queue.append(nxt)
        return set(seen)

    def subgraph(self, ids: Iterable[str]) -> nx.MultiDiGraph:
        keep = [n for n in set(ids) if n in self.graph]
        out = nx.MultiDiGraph()
        for node in keep:
            out.add_node(node, **{k: v for k, v in self.graph.nodes[node].items() if k not in VIEW_DROP})
        for u, v, attrs in self.graph.subgraph(keep).edges(data=True):
            out.add_edge(u, v, **attrs)
        return out

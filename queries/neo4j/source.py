"""The reads of a report (``queries.reports.source.ReportSource``) on a Neo4j server, read-only."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

import networkx as nx

from govkg.graph.schema import NODE_LABELS
from govkg.queries.neo4j import cypher as rc
from govkg.queries.neo4j.helpers import Neo4jQueries
from govkg.graph.properties import decode_properties
from govkg.queries.neo4j.run import read_rows
from govkg.queries.records import NodeRef, evidence_of
from govkg.queries.reports.source import (
    OUT, VIEW_DROP, ArticleInfo, EdgeRow, Link, ReportSource, article_info, int_or_none,
    sorted_records, str_or_none,
)


class Neo4jSource(ReportSource):
    """Reads on a Neo4j server, through ``queries.neo4j.helpers.Neo4jQueries``; read-only."""

    def __init__(self, queries) -> None:
        self.queries = queries

    @classmethod
    def connect(cls, target) -> "Neo4jSource":
        return cls(Neo4jQueries.connect(target))

    def close(self) -> None:
        self.queries.close()

    def _rows(self, statement: str, **params: Any) -> list[dict[str, Any]]:
        return read_rows(self.queries.driver, statement, params, database=self.queries.database)

    def links(self, node_id: str, types: Sequence[str], direction: str) -> list[Link]:
        statement = rc.OUT_LINKS if direction == OUT else rc.IN_LINKS
        rows = self._rows(statement, id=node_id, types=list(types))
        return sorted_records(Link(r["type"], NodeRef(r["id"], r["label"], r["name"]), direction == OUT,
                            None if r["status"] is None else str(r["status"]),
                            int_or_none(r["count"]), evidence_of(r["evidence"]), str_or_none(r["basis"]))
                              for r in rows)

    def edges(self, types: Sequence[str]) -> list[EdgeRow]:
        rows = self._rows(rc.EDGES_OF_TYPES, types=list(types))
        return sorted_records(EdgeRow(NodeRef(r["source"], r["source_label"], r["source_name"]), r["type"],
                               NodeRef(r["target"], r["target_label"], r["target_name"]),
                               None if r["status"] is None else str(r["status"]),
                               evidence_of(r["evidence"]), str_or_none(r["basis"])) for r in rows)

    def articles(self, ids: Iterable[str]) -> dict[str, ArticleInfo]:
        rows = self._rows(rc.ARTICLES, ids=sorted(set(ids)))
        return {r["id"]: article_info(r["id"], r) for r in sorted(rows, key=lambda r: r["id"])}

    def label_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(NODE_LABELS, 0)
        for r in self._rows(rc.LABEL_COUNTS):
            if r["label"] in counts:
                counts[r["label"]] = r["count"]
        return counts

    def type_counts(self) -> dict[str, int]:
        return dict(sorted((r["type"], r["count"]) for r in self._rows(rc.TYPE_COUNTS)))

    def ego_ids(self, node_id: str, hops: int) -> set[str]:
        return {r["id"] for r in self._rows(rc.ego_ids(hops), id=node_id)}

    def subgraph(self, ids: Iterable[str]) -> nx.MultiDiGraph:
        ids = sorted(set(ids))
        out = nx.MultiDiGraph()
        for r in self._rows(rc.NODES_BY_IDS, ids=ids):
            props = decode_properties(r["props"])
            props["label"] = r["label"]
            out.add_node(r["id"], **{k: v for k, v in props.items() if k not in VIEW_DROP})
        for r in self._rows(rc.EDGES_AMONG, ids=ids):
            out.add_edge(r["source"], r["target"], type=r["type"], **decode_properties(r["props"]))
        return out

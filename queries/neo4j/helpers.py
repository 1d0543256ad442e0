"""The query helpers on a Neo4j server, with the statements in ``queries.neo4j.cypher``.

The graph is as ``queries/neo4j/load.py`` stores it: one label per node, ``id``
unique per label, evidence as ``evidence_json`` (one JSON string per item).
Every statement runs read-only (``queries.neo4j.run``). Rows come back as plain
values and become the same records as ``queries.local`` builds, passed
through the same ``records.finish``.
"""

from __future__ import annotations

from typing import Any, Sequence

from govkg.graph.names import match_kind
from govkg.queries.neo4j import cypher
from govkg.queries.helpers import (
    DEFAULT_PATH_LENGTH, GraphQueries, check_entity_label, path_types, per_label_limit, press_titles,
)
from govkg.queries.records import (
    CoMention, Connection, EdgeRef, EntityCount, EntityMatch, NameEntry, NodeRef, Post, ProgramLink,
    edges_along, evidence_of, finish, json_item,
)
from govkg.queries.neo4j.connection import connect
from govkg.queries.tenures import Holding, holding_facts
from govkg.queries.neo4j.run import read_rows


class Neo4jQueries(GraphQueries):
    """Helpers over an open ``neo4j.Driver`` (see ``connect``)."""

    def __init__(self, driver, database: str | None = None) -> None:
        self.driver = driver
        self.database = database

    @classmethod
    def connect(cls, target) -> "Neo4jQueries":
        """Open and verify a driver for a ``queries.neo4j.connection.Neo4jTarget``; ``close()`` it after."""
        return cls(connect(target), target.database)

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> "Neo4jQueries":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _rows(self, query: str, **params: Any) -> list[dict[str, Any]]:
        return read_rows(self.driver, query, params, database=self.database)

    # ----------------------------------------------------------------- helpers

    def get_node(self, node_id: str) -> NodeRef | None:
        rows = self._rows(cypher.GET_NODE, id=node_id)
        return NodeRef(rows[0]["id"], rows[0]["label"], rows[0]["name"]) if rows else None

    def find_entities(self, name: str, labels: Sequence[str] | None = None,
                      partial: bool = True) -> list[EntityMatch]:
        query = name.strip()
        rows = self._rows(cypher.FIND_ENTITIES, name=query, partial=partial,
                          labels=list(labels) if labels else None)
        found = []
        for row in rows:
            aliases = [a for a in row["aliases"] if isinstance(a, str)]
            kind = match_kind(query, row["raw_name"], aliases)
            if kind is None or (kind == "partial" and not partial):
                continue
            found.append(EntityMatch(row["id"], row["label"], row["name"], tuple(aliases), kind,
                                     row["articles"]))
        return finish(found)

    def entity_names(self, labels: Sequence[str] | None = None) -> list[NameEntry]:
        rows = self._rows(cypher.ENTITY_NAMES, labels=list(labels) if labels else None)
        entries = [NameEntry(r["id"], r["label"], r["name"], tuple(a for a in r["aliases"] if isinstance(a, str)))
                   for r in rows]
        return sorted(entries, key=lambda e: (e.label, e.name, e.id))

    def person_posts(self, person_id: str) -> list[Post]:
        return _posts(self._rows(cypher.PERSON_POSTS, id=person_id))

    def person_holdings(self, person_id: str) -> list[Holding]:
        return [_holding(r) for r in self._rows(cypher.PERSON_HOLDINGS, id=person_id)]

    def people_holdings(self, person_ids: Sequence[str]) -> list[Holding]:
        return [_holding(r) for r in self._rows(cypher.PEOPLE_HOLDINGS, ids=list(person_ids))] if person_ids else []

    def post_holdings(self, role_id: str, titles: Sequence[str]) -> list[Holding]:
        found = self._rows(cypher.POST_AND_KIN, id=role_id, titles=list(titles))
        ids = sorted({found[0]["id"], *found[0]["kin"]}) if found else []
        return [_holding(r) for r in self._rows(cypher.ROLES_HOLDINGS, ids=ids)] if ids else []

    def article_dates(self, ids: Sequence[str]) -> dict[str, str]:
        rows = self._rows(cypher.ARTICLES_BY_ID, ids=list(ids)) if ids else []
        return {r["id"]: str(r["date"]) for r in rows if r["date"] is not None}

    def body_members(self, body_id: str, include_sub_bodies: bool = True) -> list[Post]:
        return _posts(self._rows(cypher.BODY_MEMBERS, id=body_id, deep=include_sub_bodies))

    def territory_posts(self, place_id: str) -> list[Post]:
        return _posts(self._rows(cypher.TERRITORY_POSTS, id=place_id, deep=True))

    def programs(self, entity_id: str, include_parts: bool = False) -> list[ProgramLink]:
        rows = self._rows(cypher.PROGRAMS, id=entity_id, deep=include_parts)
        return finish(ProgramLink(
            actor_id=r["actor_id"], actor=r["actor"], actor_label=r["actor_label"],
            relation=r["relation"], program_id=r["program_id"], program=r["program"],
            evidence=evidence_of(r["evidence"]), depth=r["depth"]) for r in rows)

    def connections(self, a_id: str, b_id: str, max_length: int = DEFAULT_PATH_LENGTH,
                    via_articles: bool = False, limit: int = 20,
                    via_bylines: bool = False) -> list[Connection]:
        self.check_path_length(max_length)
        if a_id == b_id:  # Neo4j's shortest path refuses equal ends
            return []
        statement = cypher.connections(path_types(via_articles, via_bylines), max_length,
                                       skip_press=not via_bylines)
        bylined = sorted(self.bylined_people()) if via_articles and not via_bylines else []
        rows = self._rows(statement, a=a_id, b=b_id, press=list(press_titles()), bylined=bylined)
        # allShortestPaths gives one path per choice of parallel relationships;
        # a Connection is a node sequence with all of them, as on networkx.
        by_nodes: dict[tuple[NodeRef, ...], set[EdgeRef]] = {}
        for row in rows:
            nodes = tuple(NodeRef(n["id"], n["label"], n["name"]) for n in row["nodes"])
            edges = by_nodes.setdefault(nodes, set())
            edges.update(EdgeRef(e["source"], e["type"], e["target"], evidence_of(e["evidence"]),
                                 None if e["basis"] is None else str(e["basis"]))
                         for e in row["edges"])
        return finish(Connection(nodes, edges_along([n.id for n in nodes], edges))
                      for nodes, edges in by_nodes.items())[:limit]

    def bylined_people(self) -> set[str]:
        return {r["id"] for r in self._rows(cypher.BYLINED_PEOPLE)}

    def co_mentions(self, person_id: str, min_count: int = 1,
                    via_bylines: bool = False) -> list[CoMention]:
        rows = self._rows(cypher.CO_MENTIONS, id=person_id, min_count=min_count, via_bylines=via_bylines)
        return finish(CoMention(r["person_id"], r["person"], r["count"], tuple(sorted(r["articles"])))
                      for r in rows)

    def entities_by_type(self, label: str | None = None,
                         limit: int | None = None) -> list[EntityCount]:
        check_entity_label(label)
        if limit is not None and limit < 0:
            per_label_limit([], limit)  # the same error as networkx
        rows = self._rows(cypher.entities_by_type(label), limit=limit)
        counts = finish(EntityCount(r["id"], r["label"], r["name"], r["articles"], r["mentions"])
                        for r in rows)
        return per_label_limit(counts, limit)


def _posts(rows: list[dict[str, Any]]) -> list[Post]:
    return finish(Post(
        person_id=r["person_id"], person=r["person"], role_id=r["role_id"], title=str(r["title"]),
        body_id=r["body_id"], body=r["body"], body_label=r["body_label"], status=str(r["status"]),
        evidence=evidence_of(r["evidence"]), depth=r["depth"]) for r in rows)


def _holding(row: dict[str, Any]) -> Holding:
    bodies = sorted(row["bodies"], key=lambda b: b["id"])
    body = bodies[0] if bodies else None  # as on networkx: the smallest id if a file gives more
    items = [json_item(e) for e in row["evidence"] or []]
    return Holding(
        person_id=row["person_id"], person=row["person"], role_id=row["role_id"], title=str(row["title"]),
        body_id=body["id"] if body else None, body=body["name"] if body else None,
        body_label=body["label"] if body else None,
        facts=holding_facts(row), evidence=tuple(e for e in items if isinstance(e, dict)))

"""The query helpers on a graph file in memory (networkx), no server needed.

Each method answers the same question as its Cypher twin in
``queries.cypher`` and builds the same records; comments name the Cypher
pattern being mirrored where the correspondence is not obvious.
"""

from __future__ import annotations

import os
from collections import deque
from typing import Any, Iterable, Iterator, Sequence

import networkx as nx

from govkg.graph.graphfile import read_graph
from govkg.graph.schema import (
    ARTICLE, AUTHORED, ENTITY_LABELS, HOLDS_ROLE, LOCATED_IN, MENTIONED_IN, PART_OF, PERSON,
    RECEIVED, RELATION_TYPES, ROLE_IN, RUNS,
)
from govkg.queries.helpers import BODY_LABELS, GraphQueries, check_entity_label, per_label_limit
from govkg.queries.records import (
    CURRENT, CoMention, Connection, EdgeRef, EntityCount, EntityMatch, NodeRef, Post,
    ProgramLink, display_name, edges_along, evidence_of, finish, match_kind, role_title,
)

ARTICLE_RELATIONS = (MENTIONED_IN, AUTHORED)


class LocalQueries(GraphQueries):
    """Helpers over a ``networkx.MultiDiGraph`` as read by ``graph.graphfile.read_graph``."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = collapse_parallel_edges(graph)
        self._undirected: dict[bool, nx.Graph] = {}  # for connections, built once per kind

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> "LocalQueries":
        return cls(read_graph(path))

    # ------------------------------------------------------------ small parts

    def _props(self, node: str) -> dict[str, Any]:
        return self.graph.nodes[node]

    def _label(self, node: str) -> str:
        return self._props(node).get("label", "")

    def _name(self, node: str) -> str:
        return display_name(self._props(node), node)

    def _out(self, node: str, types: Iterable[str]) -> Iterator[tuple[str, str, dict]]:
        """(target, type, edge attributes) of the node's outgoing edges of these types."""
        types = set(types)
        for _, target, attrs in self.graph.out_edges(node, data=True):
            if attrs.get("type") in types:
                yield target, attrs["type"], attrs

    def _in(self, node: str, types: Iterable[str]) -> Iterator[tuple[str, str, dict]]:
        types = set(types)
        for source, _, attrs in self.graph.in_edges(node, data=True):
            if attrs.get("type") in types:
                yield source, attrs["type"], attrs

    def _has(self, node_id: str, labels: Sequence[str] | None = None) -> bool:
        return node_id in self.graph and (labels is None or self._label(node_id) in labels)

    def _within(self, top: str, types: Sequence[str], deep: bool = True) -> dict[str, int]:
        """Nodes with a path of ``types`` edges to ``top``, with the shortest distance.

        Cypher: ``MATCH path = (b)-[:T*0..]->(top) … min(length(path))``.
        """
        depth = {top: 0}
        queue = deque([top]) if deep else deque()
        while queue:
            node = queue.popleft()
            for source, _, _ in self._in(node, types):
                if source not in depth:
                    depth[source] = depth[node] + 1
                    queue.append(source)
        return depth

    def _articles(self, node: str) -> set[str]:
        return {t for t, _, _ in self._out(node, [MENTIONED_IN]) if self._label(t) == ARTICLE}

    def _post(self, person: str, role: str, holds: dict, body: str | None, depth: int) -> Post:
        status = holds.get("status")
        return Post(
            person_id=person, person=self._name(person),
            role_id=role, title=role_title(self._props(role), role),
            body_id=body, body=self._name(body) if body is not None else None,
            body_label=self._label(body) if body is not None else None,
            status=CURRENT if status is None else str(status),
            evidence=evidence_of(holds.get("evidence")), depth=depth)

    def _posts_in(self, bodies: dict[str, int]) -> list[Post]:
        """Posts whose Role is ROLE_IN one of ``bodies`` (Person-HOLDS_ROLE->Role-ROLE_IN->body)."""
        posts = []
        for body, depth in bodies.items():
            for role, _, _ in self._in(body, [ROLE_IN]):
                for person, _, holds in self._in(role, [HOLDS_ROLE]):
                    if self._label(person) == PERSON:
                        posts.append(self._post(person, role, holds, body, depth))
        return finish(posts)

    # ----------------------------------------------------------------- helpers

    def get_node(self, node_id: str) -> NodeRef | None:
        if node_id not in self.graph:
            return None
        return NodeRef(node_id, self._label(node_id), self._name(node_id))

    def find_entities(self, name: str, labels: Sequence[str] | None = None,
                      partial: bool = True) -> list[EntityMatch]:
        query = name.strip()
        found = []
        for node, props in self.graph.nodes(data=True):
            label = props.get("label")
            if label not in ENTITY_LABELS or (labels and label not in labels):
                continue
            aliases = props.get("aliases") or []
            aliases = [a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else []
            kind = match_kind(query, props.get("name"), aliases)
            if kind is None or (kind == "partial" and not partial):
                continue
            found.append(EntityMatch(node, label, self._name(node), tuple(aliases), kind,
                                     len(self._articles(node))))
        return finish(found)

    def person_posts(self, person_id: str) -> list[Post]:
        if not self._has(person_id, [PERSON]):
            return []
        posts = []
        for role, _, holds in self._out(person_id, [HOLDS_ROLE]):
            bodies = [b for b, _, _ in self._out(role, [ROLE_IN])] or [None]  # OPTIONAL MATCH
            posts.extend(self._post(person_id, role, holds, body, 0) for body in bodies)
        return finish(posts)

    def body_members(self, body_id: str, include_sub_bodies: bool = True) -> list[Post]:
        if not self._has(body_id, BODY_LABELS):
            return []
        return self._posts_in(self._within(body_id, [PART_OF], deep=include_sub_bodies))

    def territory_posts(self, place_id: str) -> list[Post]:
        if not self._has(place_id, BODY_LABELS):
            return []
        return self._posts_in(self._within(place_id, [LOCATED_IN, PART_OF]))

    def programs(self, entity_id: str, include_parts: bool = False) -> list[ProgramLink]:
        if not self._has(entity_id, BODY_LABELS):
            return []
        links = []
        for actor, depth in self._within(entity_id, [PART_OF, LOCATED_IN], deep=include_parts).items():
            for program, rel, attrs in self._out(actor, [RUNS, RECEIVED]):
                links.append(ProgramLink(
                    actor_id=actor, actor=self._name(actor), actor_label=self._label(actor),
                    relation=rel, program_id=program, program=self._name(program),
                    evidence=evidence_of(attrs.get("evidence")), depth=depth))
        return finish(links)

    def connections(self, a_id: str, b_id: str, max_length: int = 6,
                    via_articles: bool = False, limit: int = 20) -> list[Connection]:
        self.check_path_length(max_length)
        if a_id == b_id or not self._has(a_id) or not self._has(b_id):
            return []
        types = set(RELATION_TYPES) if via_articles else set(RELATION_TYPES) - set(ARTICLE_RELATIONS)
        # Cypher: allShortestPaths((a)-[:T1|T2…*..]-(b)) — an undirected BFS.
        simple = self._undirected.get(via_articles)
        if simple is None:
            simple = self._undirected[via_articles] = nx.Graph()
            simple.add_nodes_from(self.graph)
            simple.add_edges_from((u, v) for u, v, t in self.graph.edges(data="type")
                                  if t in types and u != v)
        try:
            paths = sorted(tuple(p) for p in nx.all_shortest_paths(simple, a_id, b_id))
        except nx.NetworkXNoPath:
            return []
        if len(paths[0]) - 1 > max_length:
            return []
        result = []
        for path in paths:
            nodes = tuple(NodeRef(n, self._label(n), self._name(n)) for n in path)
            edges = []
            for u, v in zip(path, path[1:]):
                for s, t in ((u, v), (v, u)):
                    for attrs in (self.graph.get_edge_data(s, t) or {}).values():
                        if attrs.get("type") in types:
                            edges.append(EdgeRef(s, attrs["type"], t,
                                                 evidence_of(attrs.get("evidence"))))
            result.append(Connection(nodes, edges_along(path, edges)))
        return finish(result)[:limit]

    def co_mentions(self, person_id: str, min_count: int = 1) -> list[CoMention]:
        if not self._has(person_id, [PERSON]):
            return []
        shared: dict[str, set[str]] = {}
        for article in self._articles(person_id):
            for other, _, _ in self._in(article, [MENTIONED_IN]):
                if other != person_id and self._label(other) == PERSON:
                    shared.setdefault(other, set()).add(article)
        return finish(CoMention(o, self._name(o), len(arts), tuple(sorted(arts)))
                      for o, arts in shared.items() if len(arts) >= min_count)

    def entities_by_type(self, label: str | None = None,
                         limit: int | None = None) -> list[EntityCount]:
        check_entity_label(label)
        counts = []
        for node, props in self.graph.nodes(data=True):
            node_label = props.get("label")
            if node_label not in ENTITY_LABELS or (label and node_label != label):
                continue
            edges = [(t, a) for t, _, a in self._out(node, [MENTIONED_IN]) if self._label(t) == ARTICLE]
            mentions = sum(_count(a.get("count")) for _, a in edges)
            counts.append(EntityCount(node, node_label, self._name(node),
                                      len({t for t, _ in edges}), mentions))
        return per_label_limit(finish(counts), limit)


def _count(value: Any) -> int:
    """An edge's ``count`` (Cypher ``coalesce(m.count, 1)``)."""
    return 1 if value is None else int(value)


def collapse_parallel_edges(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """One edge per (source, type, target), as the Neo4j loader stores them.

    The loader MERGEs a relationship per (source, type, target): scalar
    properties of later edges overwrite earlier ones, list properties (aliases,
    evidence) are united. Doing the same here keeps both backends' answers equal
    when a graph file holds parallel edges of one type.
    """
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for u, v, attrs in graph.edges(data=True):
        key = (u, v, attrs.get("type"))
        into = merged.setdefault(key, {})
        for name, value in attrs.items():
            if value is None:  # the loader drops None: Neo4j has no null property
                continue
            if isinstance(value, list) and isinstance(into.get(name), list):
                into[name] = into[name] + [x for x in value if x not in into[name]]
            else:
                into[name] = value
    out = nx.MultiDiGraph(**graph.graph)
    out.add_nodes_from(graph.nodes(data=True))
    for (u, v, _), attrs in merged.items():
        out.add_edge(u, v, **attrs)
    return out

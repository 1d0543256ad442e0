"""The query helpers on a graph file in memory (networkx), no server needed.

Each method answers the same question as its Cypher twin in
``queries.neo4j.cypher`` and builds the same records; comments name the Cypher
pattern being mirrored where the correspondence is not obvious.
"""

from __future__ import annotations

import os
from collections import deque
from typing import Any, Iterable, Iterator, Sequence

import networkx as nx

from govkg.graph.graphfile import read_graph
from govkg.graph.merge import collapse_parallel_edges
from govkg.graph.names import display_name, match_kind, role_title
from govkg.graph.schema import (
    ARTICLE, AUTHORED, ENTITY_LABELS, HOLDS_ROLE, LOCATED_IN, MENTIONED_IN, PART_OF, PERSON,
    RECEIVED, RELATION_TYPES, ROLE, ROLE_IN, RUNS,
)
from govkg.queries.helpers import (
    BODY_LABELS, DEFAULT_PATH_LENGTH, GraphQueries, check_entity_label, path_types, per_label_limit,
    press_titles,
)
from govkg.queries.records import (
    CURRENT, CoMention, Connection, EdgeRef, EntityCount, EntityMatch, NameEntry, NodeRef, Post,
    ProgramLink, edges_along, evidence_of, finish,
)
from govkg.queries.dates import When
from govkg.queries.tenures import Holding, holding_facts



class LocalQueries(GraphQueries):
    """Helpers over a ``networkx.MultiDiGraph`` as read by ``graph.graphfile.read_graph``."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        # Parallel edges of one type become one, as the Neo4j loader stores
        # them (graph.merge's rule): every reader of ``self.graph`` (the
        # helpers here, reports' LocalSource) then sees what Neo4j would.
        self.graph = graph = collapse_parallel_edges(graph)
        self._nodes: dict[str, dict[str, Any]] = dict(graph.nodes(data=True))
        # One pass over the edges builds what every helper looks up: edges by
        # type and end, as Neo4j's relationship chains give them.
        self._outs: dict[str, dict[str, list[tuple[str, dict]]]] = {t: {} for t in RELATION_TYPES}
        self._ins: dict[str, dict[str, list[tuple[str, dict]]]] = {t: {} for t in RELATION_TYPES}
        self._between: dict[tuple[str, str], list[tuple[str, dict]]] = {}
        for source, target, attrs in graph.edges(data=True):
            rel = attrs.get("type")
            if rel not in self._outs:
                continue
            self._outs[rel].setdefault(source, []).append((target, attrs))
            self._ins[rel].setdefault(target, []).append((source, attrs))
            self._between.setdefault((source, target), []).append((rel, attrs))
        self._entities: list[tuple[str, str, Any, list[str]]] | None = None  # for find_entities

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> "LocalQueries":
        return cls(read_graph(path))

    # ------------------------------------------------------------ small parts

    def _props(self, node: str) -> dict[str, Any]:
        return self._nodes[node]

    def _label(self, node: str) -> str:
        return self._nodes[node].get("label", "")

    def _name(self, node: str) -> str:
        return display_name(self._nodes[node], node)

    def _out(self, node: str, types: Iterable[str]) -> Iterator[tuple[str, str, dict]]:
        """(target, type, edge attributes) of the node's outgoing edges of these types."""
        for rel in types:
            for target, attrs in self._outs[rel].get(node, ()):
                yield target, rel, attrs

    def _in(self, node: str, types: Iterable[str]) -> Iterator[tuple[str, str, dict]]:
        """(source, type, edge attributes) of the node's incoming edges of these types."""
        for rel in types:
            for source, attrs in self._ins[rel].get(node, ()):
                yield source, rel, attrs

    def _has(self, node_id: str, labels: Sequence[str] | None = None) -> bool:
        return node_id in self._nodes and (labels is None or self._label(node_id) in labels)

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
        if node_id not in self._nodes:
            return None
        return NodeRef(node_id, self._label(node_id), self._name(node_id))

    def find_entities(self, name: str, labels: Sequence[str] | None = None,
                      partial: bool = True) -> list[EntityMatch]:
        query = name.strip()
        if self._entities is None:
            self._entities = []
            for node, props in self._nodes.items():
                if props.get("label") in ENTITY_LABELS:
                    aliases = props.get("aliases")
                    aliases = [a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else []
                    self._entities.append((node, props["label"], props.get("name"), aliases))
        found = []
        for node, label, raw_name, aliases in self._entities:
            if labels and label not in labels:
                continue
            kind = match_kind(query, raw_name, aliases)
            if kind is None or (kind == "partial" and not partial):
                continue
            found.append(EntityMatch(node, label, self._name(node), tuple(aliases), kind,
                                     len(self._articles(node))))
        return finish(found)

    def entity_names(self, labels: Sequence[str] | None = None) -> list[NameEntry]:
        wanted = set(labels or ENTITY_LABELS)
        entries = [NameEntry(n, p["label"], self._name(n), _aliases(p.get("aliases")))
                   for n, p in self._nodes.items() if p.get("label") in wanted]
        return sorted(entries, key=lambda e: (e.label, e.name, e.id))

    def person_posts(self, person_id: str) -> list[Post]:
        if not self._has(person_id, [PERSON]):
            return []
        posts = []
        for role, _, holds in self._out(person_id, [HOLDS_ROLE]):
            bodies = [b for b, _, _ in self._out(role, [ROLE_IN])] or [None]  # OPTIONAL MATCH
            posts.extend(self._post(person_id, role, holds, body, 0) for body in bodies)
        return finish(posts)

    def person_holdings(self, person_id: str) -> list[Holding]:
        if not self._has(person_id, [PERSON]):
            return []
        return [self._holding(person_id, role, holds) for role, _, holds in self._out(person_id, [HOLDS_ROLE])]

    def post_holdings(self, role_id: str, titles: Sequence[str]) -> list[Holding]:
        if not self._has(role_id, [ROLE]):
            return []
        # Cypher: (r)-[:ROLE_IN]->()<-[:ROLE_IN]-(kin:Role) WHERE kin.title IN $titles
        roles = {role_id} | {kin for body, _, _ in self._out(role_id, [ROLE_IN])
                             for kin, _, _ in self._in(body, [ROLE_IN])
                             if self._label(kin) == ROLE and self._props(kin).get("title") in titles}
        return [self._holding(person, role, holds) for role in sorted(roles)
                for person, _, holds in self._in(role, [HOLDS_ROLE]) if self._label(person) == PERSON]

    def _holding(self, person: str, role: str, holds: dict) -> Holding:
        bodies = sorted(b for b, _, _ in self._out(role, [ROLE_IN]))
        body = bodies[0] if bodies else None  # a post is in one body; the smallest id if a file gives more
        evidence = holds.get("evidence")
        return Holding(
            person_id=person, person=self._name(person), role_id=role,
            title=role_title(self._props(role), role), body_id=body,
            body=self._name(body) if body is not None else None,
            body_label=self._label(body) if body is not None else None,
            facts=holding_facts(holds),
            evidence=tuple(e for e in evidence if isinstance(e, dict)) if isinstance(evidence, list) else ())

    def article_dates(self, ids: Sequence[str]) -> dict[str, str]:
        return {a: str(self._props(a)["date"]) for a in ids
                if self._has(a, [ARTICLE]) and self._props(a).get("date") is not None}

    def held_on_graph(self, on: When) -> nx.MultiDiGraph:
        """The posts held on ``on`` (queries/tenures.py) and what they connect to: their holders,
        the bodies they are in and everything those lie in or belong to (ROLE_IN, PART_OF,
        LOCATED_IN upwards), with the relations among them; no articles, so each node carries
        its mention count (``mentions``). A held post's HOLDS_ROLE edge says its tenure
        (``tenure``: ``2021-06-02 – by 2023-04-11``) instead of its first status."""
        from govkg.queries.tenures import on_date

        held: dict[tuple[str, str], list[str]] = {}
        for person in self._outs[HOLDS_ROLE]:
            if self._label(person) == PERSON:
                for t in on_date(self.person_tenures(person), on):
                    held.setdefault((person, t.role_id), []).append(t.span())
        keep = {n for pair in held for n in pair}
        up = [role for _, role in held]
        while up:
            node = up.pop()
            for target, _, _ in self._out(node, [ROLE_IN, PART_OF, LOCATED_IN]):
                if target not in keep:
                    keep.add(target)
                    up.append(target)
        out = nx.MultiDiGraph(**self.graph.graph)
        # Without its articles a node keeps its mention count (the view sizes nodes by it).
        out.add_nodes_from((n, {**self._nodes[n], "mentions": sum(
            _count(a.get("count")) for _, _, a in self._out(n, [MENTIONED_IN]))}) for n in keep)
        for u, v, key, attrs in self.graph.subgraph(keep).edges(keys=True, data=True):
            if attrs.get("type") == HOLDS_ROLE:
                if (u, v) not in held:
                    continue
                attrs = {k: v_ for k, v_ in attrs.items() if k != "status"}
                attrs["tenure"] = "; ".join(held[u, v])
            out.add_edge(u, v, key=key, **attrs)
        return out

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

    def connections(self, a_id: str, b_id: str, max_length: int = DEFAULT_PATH_LENGTH,
                    via_articles: bool = False, limit: int = 20,
                    via_bylines: bool = False) -> list[Connection]:
        self.check_path_length(max_length)
        if a_id == b_id or not self._has(a_id) or not self._has(b_id):
            return []
        types = path_types(via_articles, via_bylines)
        # Cypher: WHERE none(n IN nodes(path) WHERE n <> a AND n <> b
        #                    AND (n:Role AND n.title IN $press OR n.id IN $bylined))
        blocked: set[str] = set()
        if not via_bylines:
            blocked = self._press_roles() | (self.bylined_people() if via_articles else set())
            blocked -= {a_id, b_id}
        paths = sorted(self._shortest_paths(a_id, b_id, types, max_length, blocked))
        result = []
        for path in paths:
            nodes = tuple(NodeRef(n, self._label(n), self._name(n)) for n in path)
            edges = []
            for u, v in zip(path, path[1:]):
                for s, t in ((u, v), (v, u)):
                    for rel, attrs in self._between.get((s, t), ()):
                        if rel in types:
                            edges.append(EdgeRef(s, rel, t, evidence_of(attrs.get("evidence")),
                                                   _basis(attrs.get("basis"))))
            result.append(Connection(nodes, edges_along(path, edges)))
        return finish(result)[:limit]

    def bylined_people(self) -> set[str]:
        return {n for n, p in self._nodes.items()
                if p.get("label") == PERSON and self._outs[AUTHORED].get(n)}

    def _press_roles(self) -> set[str]:
        """Roles that are byline posts (记者, 通讯员): ``helpers.press_titles``."""
        press = set(press_titles())
        return {n for n, p in self._nodes.items() if p.get("label") == ROLE and p.get("title") in press}

    def _shortest_paths(self, a: str, b: str, types: Sequence[str], max_length: int,
                        blocked: set[str] = frozenset()) -> list[tuple[str, ...]]:
        """Every shortest undirected path from a to b of at most max_length steps.

        Cypher: ``allShortestPaths((a)-[:T1|T2…*..n]-(b))``. A breadth-first
        search from ``a`` that stops at the level where ``b`` appears, keeping
        every predecessor on that level, then walks back from ``b``.
        """
        distance = {a: 0}
        preds: dict[str, list[str]] = {a: []}
        frontier = [a]
        while frontier and b not in distance and distance[frontier[0]] < max_length:
            level = distance[frontier[0]] + 1
            following = []
            for node in frontier:
                for neighbour in self._neighbours(node, types):
                    if neighbour in blocked:
                        continue
                    if neighbour not in distance:
                        distance[neighbour] = level
                        preds[neighbour] = [node]
                        following.append(neighbour)
                    elif distance[neighbour] == level and node not in preds[neighbour]:
                        preds[neighbour].append(node)
            frontier = following
        if b not in distance:
            return []
        paths: list[tuple[str, ...]] = []
        stack: list[tuple[str, tuple[str, ...]]] = [(b, (b,))]
        while stack:
            node, tail = stack.pop()
            if node == a:
                paths.append(tail)
                continue
            stack.extend((p, (p,) + tail) for p in preds[node])
        return paths

    def _neighbours(self, node: str, types: Sequence[str]) -> Iterator[str]:
        for rel in types:
            for target, _ in self._outs[rel].get(node, ()):
                if target != node:
                    yield target
            for source, _ in self._ins[rel].get(node, ()):
                if source != node:
                    yield source

    def co_mentions(self, person_id: str, min_count: int = 1,
                    via_bylines: bool = False) -> list[CoMention]:
        if not self._has(person_id, [PERSON]):
            return []
        shared: dict[str, set[str]] = {}
        for article in self._articles(person_id):
            if not via_bylines and self._wrote(person_id, article):
                continue
            for other, _, _ in self._in(article, [MENTIONED_IN]):
                if other == person_id or self._label(other) != PERSON:
                    continue
                if via_bylines or not self._wrote(other, article):
                    shared.setdefault(other, set()).add(article)
        return finish(CoMention(o, self._name(o), len(arts), tuple(sorted(arts)))
                      for o, arts in shared.items() if len(arts) >= min_count)

    def _wrote(self, person: str, article: str) -> bool:
        return any(t == article for t, _, _ in self._out(person, [AUTHORED]))

    def entities_by_type(self, label: str | None = None,
                         limit: int | None = None) -> list[EntityCount]:
        check_entity_label(label)
        counts = []
        for node, props in self._nodes.items():
            node_label = props.get("label")
            if node_label not in ENTITY_LABELS or (label and node_label != label):
                continue
            edges = [(t, a) for t, _, a in self._out(node, [MENTIONED_IN]) if self._label(t) == ARTICLE]
            mentions = sum(_count(a.get("count")) for _, a in edges)
            counts.append(EntityCount(node, node_label, self._name(node),
                                      len({t for t, _ in edges}), mentions))
        return per_label_limit(finish(counts), limit)


def _basis(value: Any) -> str | None:
    return None if value is None else str(value)


def _aliases(value: Any) -> tuple[str, ...]:
    return tuple(a for a in value if isinstance(a, str)) if isinstance(value, (list, tuple)) else ()


def _count(value: Any) -> int:
    """An edge's ``count`` (Cypher ``coalesce(m.count, 1)``)."""
    return 1 if value is None else int(value)

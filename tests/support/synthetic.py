"""Synthetic graphs shaped like ``govkg extract`` output, for view tests and benchmarks.

Real extraction output is small (a handful of local news pages); the view
must also stay usable at thousands of nodes. This makes a graph of any size
with the same labels, id scheme, relation types, mention counts and evidence
as the real thing, deterministically from a seed.
"""

from __future__ import annotations

import random

import networkx as nx

from govkg.graph import schema
from govkg.graph.graphfile import new_graph

_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红"
_PLACES = "卫东新华湛河石龙宝丰叶县鲁山郏县舞钢汝州东高皇建设路"
_ROLES = ("区长", "代区长", "区委书记", "主任", "副主任", "局长", "党工委书记", "村委会主任", "记者")
_BODY_SUFFIX = ("人民政府", "区委", "纪委监委", "人民检察院", "街道党工委", "卫健委", "发展和改革委员会")
_PROGRAMS = ("六稳", "六保", "首席服务官制度", "健康卫东", "四个一批", "文明单位标兵")

# Share of each label among the nodes (the rest are Persons).
_MIX = ((schema.ARTICLE, 0.10), (schema.ROLE, 0.20), (schema.ORGANIZATION, 0.20),
        (schema.PLACE, 0.10), (schema.PROGRAM, 0.05))

# Relation types by (source label, target label).
_RELATION_OF = {
    (schema.PERSON, schema.ROLE): schema.HOLDS_ROLE,
    (schema.ROLE, schema.ORGANIZATION): schema.ROLE_IN,
    (schema.ORGANIZATION, schema.ORGANIZATION): schema.PART_OF,
    (schema.ORGANIZATION, schema.PLACE): schema.LOCATED_IN,
    (schema.PLACE, schema.PLACE): schema.LOCATED_IN,
    (schema.ORGANIZATION, schema.PROGRAM): schema.RUNS,
}


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 1) -> nx.MultiDiGraph:
    """A govkg-shaped graph with exactly ``n_nodes`` nodes and ``n_edges`` edges."""
    rng = random.Random(seed)
    graph = new_graph()
    by_label: dict[str, list[str]] = {label: [] for label in schema.NODE_LABELS}
    counts = {label: max(1, int(n_nodes * share)) for label, share in _MIX}
    counts[schema.PERSON] = n_nodes - sum(counts.values())
    if counts[schema.PERSON] < 1:
        raise ValueError("n_nodes is too small for a graph with every label")
    for label, count in counts.items():
        for i in range(count):
            nid, attrs = _make_node(rng, label, i)
            graph.add_node(nid, **attrs)
            by_label[label].append(nid)
    articles = by_label[schema.ARTICLE]
    pairs = list(_RELATION_OF.items())
    seen: set[tuple[str, str, str]] = set()
    relation_share = 0.4
    attempts = 0
    while len(seen) < n_edges:  # (number_of_edges() is O(edges) on a multigraph)
        attempts += 1
        if attempts > 50 * n_edges:
            raise ValueError("cannot place that many distinct edges on that few nodes")
        if rng.random() < relation_share:
            (src_label, dst_label), rel = rng.choice(pairs)
            source, target = rng.choice(by_label[src_label]), rng.choice(by_label[dst_label])
            if source == target or (source, rel, target) in seen:
                continue
            article = rng.choice(articles)
            sentence = (f"{graph.nodes[source]['name']}与{graph.nodes[target]['name']}"
                        f"有关的报道（第{rng.randint(1, 40)}句）。")
            graph.add_edge(source, target, type=rel, evidence=[{"article": article, "sentence": sentence}])
        else:
            label = rng.choice([lab for lab in schema.ENTITY_LABELS if by_label[lab]])
            source, target, rel = rng.choice(by_label[label]), rng.choice(articles), schema.MENTIONED_IN
            if (source, rel, target) in seen:
                continue
            graph.add_edge(source, target, type=rel, count=1 + int(rng.expovariate(0.7)))
        seen.add((source, rel, target))
    return graph


def _make_node(rng: random.Random, label: str, i: int) -> tuple[str, dict]:
    place = rng.choice(_PLACES) + rng.choice(_PLACES)
    if label == schema.PERSON:
        name = f"{rng.choice(_SURNAMES)}{rng.choice(_GIVEN)}{rng.choice(_GIVEN)}{i}"
        return schema.node_id(label, name), {"label": label, "name": name, "aliases": [name]}
    if label == schema.ROLE:
        body, title = f"{place}{rng.choice(_BODY_SUFFIX)}{i}", rng.choice(_ROLES)
        return schema.role_id(title, body), {"label": label, "name": title, "title": title}
    if label == schema.ORGANIZATION:
        name = f"{place}区{rng.choice(_BODY_SUFFIX)}{i}"
        return schema.node_id(label, name), {"label": label, "name": name, "aliases": [name]}
    if label == schema.PLACE:
        name = f"{place}{rng.choice('区县镇村')}{i}"
        return schema.node_id(label, name), {"label": label, "name": name}
    if label == schema.PROGRAM:
        name = f"{rng.choice(_PROGRAMS)}{i}"
        return schema.node_id(label, name), {"label": label, "name": name}
    source = f"synthetic-{i // 3:04d}.txt"
    title = f"{place}推进工作会议召开（{i}）"
    return schema.article_id(source, i % 3 + 1), {
        "label": label, "name": title, "title": title, "source": source,
        "date": f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}"}

"""Synthetic graphs shaped like ``govkg extract`` output, for view tests and benchmarks.

Real extraction output is small (a handful of local news pages); the view
must also stay usable at thousands of nodes. This makes a graph of any size
with the same labels, id scheme, relation types, mention counts and evidence
as the real thing, deterministically from a seed (``synthetic_graph``), and
a dated corpus of careers (``synthetic_careers``) for the tenure helpers, and
the smallest graph file there is (``one_person_graph_file``) for tests of the
command line's inputs.
"""

from __future__ import annotations

import random

import networkx as nx

from govkg.graph import schema
from pathlib import Path

from govkg.graph.graphfile import new_graph, write_graph

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


def synthetic_careers(n_posts: int, years: int = 12, seed: int = 1) -> nx.MultiDiGraph:
    """Careers over a dated corpus: ``n_posts`` posts (heads and deputies of county bodies),
    each held by a succession of people over ``years`` years, every tenure as extraction writes
    it: an appointment in a notice (or an acting title first), sightings in later articles, then
    a removal, a move to another post (调任) or an article calling the post former; some posts
    have a proposal (拟任) before, and some a gap with no article. People move between posts,
    so a career spans several; articles are dated, one sentence each."""
    rng = random.Random(seed)
    graph = new_graph()
    articles = 0

    def article(day: str) -> str:
        nonlocal articles
        articles += 1
        aid = schema.article_id(f"careers-{articles // 20:05d}.txt", articles % 20 + 1)
        title = f"县里召开工作会议（{articles}）"
        graph.add_node(aid, label=schema.ARTICLE, name=title, title=title,
                       source=aid.split(":")[1].split("#")[0], date=day)
        return aid

    def say(person: str, role: str, day: str, status: str = "current", event: str = "") -> None:
        aid = article(day)
        item = {"article": aid, "sentence": f"{graph.nodes[person]['name']}{graph.nodes[role]['title']}（{day}）。",
                "status": status, **({"event": event} if event else {})}
        if graph.has_edge(person, role, schema.HOLDS_ROLE):
            graph.edges[person, role, schema.HOLDS_ROLE]["evidence"].append(item)
        else:
            graph.add_edge(person, role, key=schema.HOLDS_ROLE, type=schema.HOLDS_ROLE, status=status,
                           date=day, evidence=[item], **({"event": event} if event else {}))
        graph.add_edge(person, aid, key=schema.MENTIONED_IN, type=schema.MENTIONED_IN, count=1)
        graph.add_edge(role, aid, key=schema.MENTIONED_IN, type=schema.MENTIONED_IN, count=1)

    def day(offset: int) -> str:  # days from 2010-01-01, as ISO
        import datetime as dt

        return (dt.date(2010, 1, 1) + dt.timedelta(days=offset)).isoformat()

    people: list[str] = []

    def person() -> str:
        if people and rng.random() < 0.5:
            return rng.choice(people)  # someone already in the corpus: a career across posts
        name = f"{rng.choice(_SURNAMES)}{rng.choice(_GIVEN)}{rng.choice(_GIVEN)}{len(people)}"
        pid = schema.node_id(schema.PERSON, name)
        graph.add_node(pid, label=schema.PERSON, name=name, aliases=[name])
        people.append(pid)
        return pid

    span = 365 * years
    for i in range(n_posts):
        county = f"{rng.choice(_PLACES)}{rng.choice(_PLACES)}县{i // 3}"
        title = ("县长", "副县长", "局长")[i % 3]
        body_name = f"{county}财政局" if title == "局长" else f"{county}人民政府"
        body = schema.node_id(schema.ORGANIZATION, body_name)
        graph.add_node(body, label=schema.ORGANIZATION, name=body_name)
        role = schema.role_id(title, body_name)
        graph.add_node(role, label=schema.ROLE, name=title, title=title, aliases=[f"{body_name}{title}"])
        graph.add_edge(role, body, key=schema.ROLE_IN, type=schema.ROLE_IN)
        acting = None
        if title == "县长":
            acting = schema.role_id("代县长", f"{county}人民政府")
            graph.add_node(acting, label=schema.ROLE, name="代县长", title="代县长")
            graph.add_edge(acting, body, key=schema.ROLE_IN, type=schema.ROLE_IN)
        t = rng.randint(0, 200)
        while t < span:
            who, length = person(), rng.randint(300, 1800)
            if rng.random() < 0.2:
                say(who, role, day(max(0, t - 20)), "proposed", "proposed")
            if acting and rng.random() < 0.5:
                say(who, acting, day(t), event="appointed")
                say(who, role, day(t + 120), event="elected")
            else:
                say(who, role, day(t), event="appointed")
            for _ in range(rng.randint(1, 12)):
                say(who, role, day(t + rng.randint(1, length)))
            end, ending = t + length, rng.random()
            if ending < 0.4:
                say(who, role, day(end), "former", "removed")
            elif ending < 0.7:
                say(who, role, day(end + rng.randint(0, 400)), "former")
            # else: no end written; the next holder's appointment follows
            t = end + (rng.randint(100, 500) if rng.random() < 0.2 else rng.randint(1, 30))
    return graph


def one_person_graph_file(folder: Path) -> Path:
    """``folder/g.json``: a graph file of one Person (林晓), for a command that needs a graph to read."""
    graph = new_graph()
    graph.add_node("person:林晓", label="Person", name="林晓", aliases=["林晓"])
    path = folder / "g.json"
    write_graph(graph, path)
    return path

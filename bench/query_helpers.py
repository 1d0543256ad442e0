"""Query helpers on a large synthetic graph: networkx vs Neo4j, and their PROFILEs.

    set -a; eval "$(scripts/neo4j-local start)"; set +a
    .venv/bin/python bench/query_helpers.py --wipe            # ~100 000 nodes, ~300 000 edges
    .venv/bin/python bench/query_helpers.py --wipe --scale 0.1

Builds a governance-shaped graph (a province, cities, districts, streets and
villages; their bodies and departments, posts, people, programs and
articles that mention them), loads it with govkg's loader, then runs each
helper on a sample of ids on both backends: milliseconds per call (median),
whether the answers agree, and the PROFILE of each helper's Cypher, which
shows the lookup by id as a NodeUniqueIndexSeek on the loader's constraints.
It DELETES everything in the target database first, hence ``--wipe``.
Nothing here is a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

import networkx as nx

from govkg.graph.graphfile import new_graph
from govkg.graph.schema import (
    ARTICLE, AUTHORED, COOPERATES_WITH, HOLDS_ROLE, LOCATED_IN, MENTIONED_IN, ORGANIZATION,
    PART_OF, PERSON, PLACE, PROGRAM, RECEIVED, ROLE, ROLE_IN, RUNS, article_id, node_id, role_id,
)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红"
DEPARTMENTS = ("发改委", "财政局", "教育局", "卫健委", "纪委监委", "组织部")
TITLES = {"政府": ("区长", "副区长"), "区委": ("书记", "副书记"), "街道办事处": ("主任", "副主任"),
          "村委会": ("主任", "委员")}


def build(scale: float, seed: int = 7) -> nx.MultiDiGraph:
    """A deterministic synthetic graph; ``scale=1`` gives ~100 000 nodes and ~300 000 edges."""
    rng = random.Random(seed)
    g = new_graph()
    n_cities, n_districts, n_streets, n_villages = 8, 8, 12, max(1, round(12 * scale))
    evidence_article = article_id("synthetic.txt", 0)
    g.add_node(evidence_article, label=ARTICLE, title="", source="synthetic.txt")

    def ev(sentence: str) -> list[dict[str, str]]:
        return [{"article": evidence_article, "sentence": sentence}]

    def place(name: str, parent: str | None) -> str:
        nid = node_id(PLACE, name)
        g.add_node(nid, label=PLACE, name=name, aliases=[name])
        if parent:
            g.add_edge(nid, parent, type=LOCATED_IN)
        return nid

    def org(name: str, where: str, part_of: str | None = None) -> str:
        nid = node_id(ORGANIZATION, name)
        g.add_node(nid, label=ORGANIZATION, name=name, aliases=[name])
        g.add_edge(nid, where, type=LOCATED_IN)
        if part_of:
            g.add_edge(nid, part_of, type=PART_OF, evidence=ev(f"{name}是{part_of}的部门。"))
        return nid

    bodies: list[tuple[str, str, tuple[str, str]]] = []  # (org id, org name, titles)
    districts: list[str] = []
    province = place("省0", None)
    for c in range(n_cities):
        city = place(f"市{c}", province)
        for d in range(n_districts):
            dname = f"市{c}区{d}"
            district = place(dname, city)
            districts.append(district)
            gov = org(f"{dname}人民政府", district)
            party = org(f"{dname}区委", district)
            bodies += [(gov, f"{dname}人民政府", TITLES["政府"]), (party, f"{dname}区委", TITLES["区委"])]
            for i, dept in enumerate(DEPARTMENTS):
                name = f"{dname}{dept}"
                bodies.append((org(name, district, gov if i % 2 else party), name, ("局长", "副局长")))
            for s in range(n_streets):
                sname = f"{dname}街道{s}"
                street = place(sname, district)
                office = org(f"{sname}办事处", street)
                bodies.append((office, f"{sname}办事处", TITLES["街道办事处"]))
                for v in range(n_villages):
                    vname = f"{sname}村{v}"
                    village = place(vname, street)
                    committee = org(f"{vname}村委会", village)
                    bodies.append((committee, f"{vname}村委会", TITLES["村委会"]))
    roles = []
    for body, name, titles in bodies:
        for title in titles:
            rid = role_id(title, name)
            g.add_node(rid, label=ROLE, name=title, title=title)
            g.add_edge(rid, body, type=ROLE_IN)
            roles.append(rid)
    people = []
    for i in range(int(len(roles) * 1.33)):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        pid = node_id(PERSON, f"{name}#{i}")
        g.add_node(pid, label=PERSON, name=name, aliases=[name])
        people.append(pid)
        role = rng.choice(roles)
        g.add_edge(pid, role, type=HOLDS_ROLE, evidence=ev(f"{g.nodes[role]['title']}{name}表示。"))
        if rng.random() < 0.2:
            g.add_edge(pid, rng.choice(roles), type=HOLDS_ROLE, status="former",
                       evidence=ev(f"{name}曾任此职。"))
    programs = []
    for i in range(max(10, int(3000 * scale))):
        pid = node_id(PROGRAM, f"计划{i}")
        g.add_node(pid, label=PROGRAM, name=f"计划{i}")
        programs.append(pid)
    actors = districts + [b for b, _, _ in bodies[: len(bodies) // 3]]
    for actor in actors:
        for program in rng.sample(programs, 1):
            g.add_edge(actor, program, type=RUNS, evidence=ev("推行该计划。"))
    for actor in rng.sample(actors, len(actors) // 4):
        g.add_edge(actor, rng.choice(programs), type=RECEIVED, evidence=ev("荣获该称号。"))
    for _ in range(len(bodies) // 10):
        a, b = rng.sample(bodies, 2)
        g.add_edge(a[0], b[0], type=COOPERATES_WITH, evidence=ev("两单位联合开展工作。"))
    entities = [b for b, _, _ in bodies] + districts + programs
    for i in range(int(len(people) * 0.95)):
        aid = article_id(f"news-{i // 5}.txt", i % 5 + 1)
        g.add_node(aid, label=ARTICLE, title=f"新闻{i}", source=f"news-{i // 5}.txt")
        for person in rng.sample(people, 5):
            g.add_edge(person, aid, type=MENTIONED_IN, count=rng.randint(1, 3))
        for entity in rng.sample(entities, 3):
            g.add_edge(entity, aid, type=MENTIONED_IN, count=1)
        g.add_edge(rng.choice(people), aid, type=AUTHORED)
    return g


def timed(fn, args_list) -> tuple[float, list]:
    """Median milliseconds per call, and the answers."""
    answers, times = [], []
    for args in args_list:
        started = time.perf_counter()
        answers.append(fn(*args))
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), answers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="1.0: ~100 000 nodes, ~300 000 edges")
    parser.add_argument("--samples", type=int, default=20, help="calls per helper")
    parser.add_argument("--wipe", action="store_true", help="required: the database is emptied first")
    opts = parser.parse_args()
    if not opts.wipe:
        parser.error("this deletes everything in the database at NEO4J_URI; add --wipe")
    if not os.environ.get("NEO4J_PASSWORD"):
        parser.error('set NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD (set -a; eval "$(scripts/neo4j-local start)"; set +a)')

    from govkg.queries.neo4j.load import Neo4jTarget, load_graph
    from govkg.queries.neo4j import cypher
    from govkg.queries.local import LocalQueries
    from govkg.queries.helpers import path_types, press_titles
    from govkg.queries.neo4j.values import plan_text
    from govkg.queries.neo4j.helpers import Neo4jQueries

    started = time.perf_counter()
    graph = build(opts.scale)
    print(f"built {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges "
          f"in {time.perf_counter() - started:.1f} s", flush=True)
    target = Neo4jTarget(os.environ.get("NEO4J_URI", "bolt://localhost:7687"),
                         os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ["NEO4J_PASSWORD"],
                         os.environ.get("NEO4J_DATABASE", "neo4j"))
    result = load_graph(graph, target, wipe_first=True)
    print(f"loaded in {result.seconds:.1f} s: {result.nodes_in_database} nodes, "
          f"{result.relationships_in_database} relationships", flush=True)

    local = LocalQueries(graph)
    rng = random.Random(1)

    def some(label: str) -> list[str]:
        ids = sorted(n for n, lab in graph.nodes(data="label") if lab == label)
        return rng.sample(ids, min(opts.samples, len(ids)))

    people, orgs, places = some(PERSON), some(ORGANIZATION), some(PLACE)
    districts = rng.sample(sorted(n for n in graph if str(n).startswith("place:") and str(n).count("区") == 1
                                  and "街道" not in str(n)), min(opts.samples, 8))
    names = [graph.nodes[p]["name"] for p in people]
    # Pairs a few steps apart: each person and someone with a post in the same
    # territory (the smallest around the person's body with someone else in it).
    pairs = []
    for person in people:
        place, others = local.person_posts(person)[0].body_id, []
        while not others:
            place = next(t for t in graph.successors(place) if graph.nodes[t]["label"] == PLACE)
            others = sorted({p.person_id for p in local.territory_posts(place)} - {person})
        pairs.append((person, rng.choice(others)))
    # (title, argument tuples, statement, its parameters for one argument tuple)
    cases = [
        ("find_entities", [(n,) for n in names], cypher.FIND_ENTITIES,
         lambda a: {"name": a[0], "labels": None, "partial": True}),
        ("person_posts", [(p,) for p in people], cypher.PERSON_POSTS, lambda a: {"id": a[0]}),
        ("body_members", [(o,) for o in orgs], cypher.BODY_MEMBERS, lambda a: {"id": a[0], "deep": True}),
        ("territory_posts (district)", [(d,) for d in districts], cypher.TERRITORY_POSTS,
         lambda a: {"id": a[0], "deep": True}),
        ("programs (with parts)", [(p, True) for p in places], cypher.PROGRAMS,
         lambda a: {"id": a[0], "deep": True}),
        ("connections", pairs, cypher.connections(path_types(False, False), 10, skip_press=True),
         lambda a: {"a": a[0], "b": a[1], "press": list(press_titles()), "bylined": []}),
        ("co_mentions", [(p,) for p in people], cypher.CO_MENTIONS,
         lambda a: {"id": a[0], "min_count": 1, "via_bylines": False}),
        ("entities_by_type (Person, top 10)", [(PERSON, 10)] * 3, cypher.entities_by_type(PERSON),
         lambda a: {"limit": a[1]}),
    ]
    profiles = []
    with Neo4jQueries.connect(target) as server:
        print("\n| helper | calls | networkx ms/call | Neo4j ms/call | same answers |")
        print("|---|---:|---:|---:|---|")
        for title, args_list, statement, params_of in cases:
            method = title.split(" ")[0]
            getattr(server, method)(*args_list[0])  # warm the query cache
            local_ms, expected = timed(getattr(local, method), args_list)
            server_ms, got = timed(getattr(server, method), args_list)
            same = sum(a == b for a, b in zip(expected, got))
            print(f"| {title} | {len(args_list)} | {local_ms:.1f} | {server_ms:.1f} | "
                  f"{same}/{len(args_list)} |", flush=True)
            # Profile a call with an answer (an unconnected pair shows little).
            shown = next((a for a, e in zip(args_list, expected) if e), args_list[0])
            summary = server.driver.execute_query("PROFILE " + statement, params_of(shown),
                                                  database_=target.database).summary
            profiles.append((title, plan_text(summary.profile)))
    for title, plan in profiles:
        print(f"\nPROFILE {title}:\n{plan}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The overview report: counts, the most connected people and bodies, trees, programs."""

from __future__ import annotations

from govkg.graph.schema import (
    AUTHORED, HOLDS_ROLE, LOCATED_IN, MENTIONED_IN, ORGANIZATION, PART_OF, PERSON, PLACE, RECEIVED, ROLE_IN, RUNS,
)
from govkg.queries.helpers import press_titles
from govkg.queries.records import NodeRef
from govkg.queries.reports.common import Builder, plural
from govkg.queries.reports.model import (
    DEFAULT_TOP, ENTITY_RELATIONS, LABEL_NAMES, PHRASES, VIEW_MAX_IDS, Item, Report, Section, ViewSpec,
)
from govkg.queries.reports.source import ReportSource


def overview_report(source: ReportSource, top: int = DEFAULT_TOP, via_bylines: bool = False) -> Report:
    """Counts, the most connected people and bodies, the territorial tree, programs by runners.

    The rankings leave bylines out unless ``via_bylines``: a press post (记者) is
    no body, and a byline is not a mention (otherwise the reporter of every
    story is the most connected person).
    """
    b = Builder(source, top)
    report = Report("overview", "概览 Graph overview", [])
    labels = source.label_counts()
    types = source.type_counts()
    counts = Section("数量 Counts")
    for label, n in labels.items():
        counts.items.append(Item(f"{LABEL_NAMES.get(label, label)}: {n}", data={"label": label, "count": n}))
    for rel, n in types.items():
        counts.items.append(Item(f"{rel}: {n}", data={"relation": rel, "count": n}))
    report.sections.append(counts)
    report.summary.append(f"{sum(labels.values())} nodes, {sum(types.values())} relations")

    edges = source.edges(ENTITY_RELATIONS)
    press = set() if via_bylines else {e.target.id for e in edges
                                       if e.type == HOLDS_ROLE and e.target.name in press_titles()}
    neighbours = _entity_neighbours([e for e in edges if e.target.id not in press])
    co_people = _co_mentioned_people(source, via_bylines)
    people = []
    for entry in source.entity_names([PERSON]):
        bodies = {n for n in neighbours.get(entry.id, set()) if n.label in (ORGANIZATION, PLACE)}
        others = co_people.get(entry.id, set())
        people.append((len(bodies) + len(others), len(bodies), len(others), entry))
    people.sort(key=lambda t: (-t[0], t[3].name, t[3].id))
    section = Section("人物 Most connected people", note="bodies they hold posts in, plus people "
                      "mentioned in the same articles")
    for total, n_bodies, n_people, entry in people[:top]:
        section.items.append(Item(f"{entry.name}: {total} ({plural(n_bodies, 'body')}, "
                                  f"{n_people} people in the same articles)",
                                  data={"id": entry.id, "name": entry.name, "connections": total,
                                        "bodies": n_bodies, "people": n_people}))
    report.sections.append(section)

    bodies = []
    for entry in source.entity_names([ORGANIZATION, PLACE]):
        linked = neighbours.get(entry.id, set())
        bodies.append((len(linked), entry))
    bodies.sort(key=lambda t: (-t[0], t[1].name, t[1].id))
    section = Section("机构与地区 Most connected bodies and places",
                      note="distinct people, bodies, places and programs linked to it by a relation "
                           "(a post counts as a link to its holder)")
    for total, entry in bodies[:top]:
        section.items.append(Item(f"{entry.name} ({entry.label}): {total}",
                                  data={"id": entry.id, "name": entry.name, "label": entry.label,
                                        "connections": total}))
    report.sections.append(section)

    places = _tree(b, edges, LOCATED_IN, PLACE)
    report.sections.append(Section("地区 Territorial tree", places,
                                   note="" if places else "no place is recorded as lying in another"))
    bodies_tree = _tree(b, edges, PART_OF, ORGANIZATION)
    report.sections.append(Section("机构 Body hierarchy", bodies_tree,
                                   note="" if bodies_tree else "no body is recorded as part of another"))

    runners: dict[NodeRef, list] = {}
    for edge in edges:
        if edge.type in (RUNS, RECEIVED):
            runners.setdefault(edge.target, []).append(edge)
    ranked = sorted(runners.items(), key=lambda kv: (-len({e.source.id for e in kv[1] if e.type == RUNS}),
                                                     -len(kv[1]), kv[0].name, kv[0].id))
    section = Section("项目 Programs by number of bodies running them")
    for program, rows in ranked[:top]:
        n_runs = len({e.source.id for e in rows if e.type == RUNS})
        section.items.append(Item(f"{program.name}: run by {plural(n_runs, 'body')}",
                                  data={"program_id": program.id, "program": program.name, "runs": n_runs}))
        for e in rows:
            section.items.append(Item(f"{e.source.name} {PHRASES[e.type]} {program.name}",
                                      b.citer.cite(e.evidence),
                                      {"relation": e.type, "source": e.source.id, "target": program.id},
                                      level=1))
    section.note = "" if ranked else "no program recorded"
    report.sections.append(section)
    # The view: bodies and places, the most connected first, at most VIEW_MAX_IDS of them.
    report.view = ViewSpec(frozenset(entry.id for _, entry in bodies[:VIEW_MAX_IDS]), ())
    return report


def _entity_neighbours(edges) -> dict[str, set[NodeRef]]:
    """Entity → linked entities; a Role passes its body on to its holders and back."""
    holders: dict[str, set[NodeRef]] = {}
    bodies: dict[str, set[NodeRef]] = {}
    out: dict[str, set[NodeRef]] = {}
    for e in edges:
        if e.type == HOLDS_ROLE:
            holders.setdefault(e.target.id, set()).add(e.source)
        elif e.type == ROLE_IN:
            bodies.setdefault(e.source.id, set()).add(e.target)
        else:
            out.setdefault(e.source.id, set()).add(e.target)
            out.setdefault(e.target.id, set()).add(e.source)
    for role, people in holders.items():
        for person in people:
            for body in bodies.get(role, ()):
                out.setdefault(person.id, set()).add(body)
                out.setdefault(body.id, set()).add(person)
    return out


def _co_mentioned_people(source: ReportSource, via_bylines: bool) -> dict[str, set[str]]:
    """Person id → ids of the other people mentioned in at least one of their articles.

    A byline's mention of its author counts only ``via_bylines``.
    """
    wrote = set() if via_bylines else {(e.source.id, e.target.id) for e in source.edges([AUTHORED])}
    in_article: dict[str, set[str]] = {}
    for e in source.edges([MENTIONED_IN]):
        if e.source.label == PERSON and (e.source.id, e.target.id) not in wrote:
            in_article.setdefault(e.target.id, set()).add(e.source.id)
    out: dict[str, set[str]] = {}
    for people in in_article.values():
        for p in people:
            out.setdefault(p, set()).update(people - {p})
    return out


def _tree(b: Builder, edges, rel: str, label: str) -> list[Item]:
    """A forest of ``rel`` edges among nodes of ``label``: roots first, children indented."""
    children: dict[NodeRef, list] = {}
    has_parent: set[str] = set()
    nodes: set[NodeRef] = set()
    for e in edges:
        if e.type == rel and e.source.label == label and e.target.label == label:
            children.setdefault(e.target, []).append(e)
            has_parent.add(e.source.id)
            nodes.update((e.source, e.target))
    items: list[Item] = []
    seen: set[str] = set()  # each node once, however many parents (or cycles) it has

    def walk(top: NodeRef) -> None:
        # Depth first, children in name order; a stack rather than recursion, so a
        # long chain cannot reach Python's recursion limit.
        stack = [(e, 1) for e in sorted(children.get(top, []), key=lambda e: (e.source.name, e.source.id),
                                        reverse=True)]
        while stack:
            e, level = stack.pop()
            if e.source.id in seen:
                continue
            seen.add(e.source.id)
            cites, note = b.claim(e.evidence, e.basis)
            items.append(Item(f"{e.source.name} {PHRASES[rel]} {e.target.name}", cites,
                              {"relation": rel, "source": e.source.id, "target": e.target.id,
                               **({"basis": e.basis} if e.basis else {})}, level=level, note=note))
            stack.extend((c, level + 1) for c in sorted(children.get(e.source, []),
                                                        key=lambda c: (c.source.name, c.source.id),
                                                        reverse=True))

    roots = sorted((n for n in nodes if n.id not in has_parent), key=lambda n: (n.name, n.id))
    # Nodes on a cycle have no root above them: start from the first of them left unseen.
    rest = sorted((n for n in nodes if n.id in has_parent), key=lambda n: (n.name, n.id))
    for root in roots + rest:
        if root.id in seen:
            continue
        seen.add(root.id)
        items.append(Item(root.name, data={"id": root.id}))
        walk(root)
    return items

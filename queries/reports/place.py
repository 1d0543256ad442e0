"""The place report: a who's who of a territory and everything inside it."""

from __future__ import annotations

from govkg.graph.schema import COOPERATES_WITH, LOCATED_IN, ORGANIZATION, PART_OF
from govkg.queries.records import CURRENT, NodeRef
from govkg.queries.reports.common import Builder, members_sections, plural, programs_section, tree_down
from govkg.queries.reports.model import DEFAULT_TOP, Report, Section
from govkg.queries.reports.source import OUT, ReportSource


def place_report(source: ReportSource, place: NodeRef, top: int = DEFAULT_TOP) -> Report:
    """Who's who of a territory: every post in it and its sub-territories, grouped by body."""
    b = Builder(source, top)
    report = Report("place", f"地区报告 Place report: {place.name}", [place], b.header(place))

    up = Section("上级 Lies in", b.ancestry(place, 0))
    up.note = "" if up.items else "no larger territory recorded"
    report.sections.append(up)

    inside = tree_down(b, place, [LOCATED_IN, PART_OF])
    report.sections.append(Section("辖区 Inside it", inside,
                                   note="" if inside else "no sub-territory or body recorded inside it"))

    # The territory: the place and everything inside it; bodies count when they
    # are located there or named after one of its places (建设路街道党工委).
    unit_ids = {place.id} | {i.data["other"] for i in inside}
    posts = list(b.q.territory_posts(place.id))
    how: dict[str, str] = {}
    for body_id in sorted({p.body_id for p in posts if p.body_id and p.body_id != place.id}):
        where = [l.other.name for l in source.links(body_id, [LOCATED_IN], OUT) if l.other.id in unit_ids]
        how[body_id] = f"located in {'、'.join(where)}" if where else f"inside {place.name}"
    named: list[NodeRef] = []
    for entry in source.entity_names([ORGANIZATION]):
        if entry.id in unit_ids:
            continue
        owner = b.place_named_in(NodeRef(entry.id, ORGANIZATION, entry.name))
        if owner is not None and owner.id in unit_ids:
            named.append(NodeRef(entry.id, ORGANIZATION, entry.name))
            for post in b.q.body_members(entry.id, include_sub_bodies=True):
                posts.append(post)
                how.setdefault(post.body_id or "", f"named after {owner.name}" if post.body_id == entry.id
                               else f"part of {entry.name}, named after {owner.name}")
    unique = sorted({(p.person_id, p.role_id, p.body_id): p for p in posts}.values(),
                    key=lambda p: (p.body or "", p.body_id or "", p.status != CURRENT, p.title, p.person))
    whos = Section("人员 Who's who", sections=members_sections(b, unique, lambda body: how.get(body, "")))
    whos.note = ("posts in bodies located in the territory or named after one of its places"
                 if unique else "no post recorded in the territory")
    report.sections.append(whos)

    report.sections.append(programs_section(b, place, [place, *named]))

    partners = Section("合作 Works with")
    for unit in [place, *named]:
        partners.items.extend(b.link_item(unit, l)
                              for l in source.both(unit.id, [COOPERATES_WITH]))
    partners.note = "" if partners.items else "no cooperation recorded"
    report.sections.append(partners)

    report.sections.append(b.articles_section(place))
    report.summary.append(f"{plural(len(unique), 'post')} in "
                          f"{plural(len({p.body_id for p in unique}), 'body')}")
    report.view = b.view_of(place)
    return report

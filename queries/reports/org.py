"""The organization report: where a body sits, its departments, members, programs, partners."""

from __future__ import annotations

from govkg.graph.schema import COOPERATES_WITH, PART_OF
from govkg.queries.records import NodeRef
from govkg.queries.reports.common import Builder, members_sections, plural, programs_section, tree_down
from govkg.queries.reports.model import DEFAULT_TOP, Report, Section
from govkg.queries.reports.source import ReportSource


def org_report(source: ReportSource, org: NodeRef, top: int = DEFAULT_TOP) -> Report:
    """Where the body sits, its departments, who holds posts in it, its programs and partners."""
    b = Builder(source, top)
    report = Report("org", f"机构报告 Organization report: {org.name}", [org], b.header(org))

    up = Section("上级 Belongs to", b.ancestry(org, 0))
    up.note = "" if up.items else "no parent body or place recorded"
    report.sections.append(up)

    down = Section("下属 Departments and branches", tree_down(b, org, [PART_OF]))
    down.note = "" if down.items else "no department recorded"
    report.sections.append(down)

    posts = b.q.body_members(org.id, include_sub_bodies=True)
    members = Section("成员 Who holds posts", sections=members_sections(
        b, posts, lambda body_id: "" if body_id == org.id else f"a part of {org.name}"))
    members.note = "" if posts else "no post recorded in it or its departments"
    report.sections.append(members)

    report.sections.append(programs_section(b, org, [org]))

    partners = Section("合作 Works with", [b.link_item(org, l) for l in source.both(org.id, [COOPERATES_WITH])])
    partners.note = "" if partners.items else "no cooperation recorded"
    report.sections.append(partners)

    report.sections.append(b.articles_section(org))
    report.summary.append(f"{plural(len(posts), 'post')} in it and its departments")
    report.view = b.view_of(org)
    return report

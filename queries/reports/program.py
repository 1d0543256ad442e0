"""The program report: who runs or received a program, where they sit, their officials."""

from __future__ import annotations

from govkg.graph.schema import ORGANIZATION, PLACE, RECEIVED, RUNS
from govkg.queries.records import NodeRef
from govkg.queries.reports.common import Builder, plural
from govkg.queries.reports.model import DEFAULT_TOP, Report, Section
from govkg.queries.reports.source import IN, ReportSource


def program_report(source: ReportSource, program: NodeRef, top: int = DEFAULT_TOP) -> Report:
    """Who runs or received the program, and where they sit."""
    b = Builder(source, top)
    report = Report("program", f"项目报告 Program report: {program.name}", [program], b.header(program))
    actors = source.links(program.id, [RUNS, RECEIVED], IN)
    section = Section("实施 Who runs or received it")
    for link in actors:
        section.items.append(b.link_item(program, link))
        section.items.extend(b.ancestry(link.other, level=1))
    section.note = "" if actors else "no body or place is recorded as running or receiving it"
    report.sections.append(section)

    people = Section("负责人 Officials of those bodies")
    for link in actors:
        if link.other.label in (ORGANIZATION, PLACE):
            posts = b.q.body_members(link.other.id, include_sub_bodies=False)
            people.items.extend(b.post_item(p, who=True) for p in posts)
    people.note = "" if people.items else "no post recorded in those bodies"
    report.sections.append(people)

    report.sections.append(b.articles_section(program))
    runs = sum(1 for l in actors if l.type == RUNS)
    report.summary.append(f"run by {plural(runs, 'body')}, received by "
                          f"{plural(len(actors) - runs, 'body')}")
    report.view = b.view_of(program)
    return report

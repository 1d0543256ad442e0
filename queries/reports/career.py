"""The career report: a person's posts over time, each with the sentences that date it."""

from __future__ import annotations

from govkg.queries.dates import parse_when
from govkg.queries.records import NodeRef
from govkg.queries.reports.common import Builder, plural, tenure_items
from govkg.queries.reports.model import DEFAULT_TOP, Report, Section, ViewSpec
from govkg.queries.reports.source import ReportSource

DATES_NOTE = ("earliest first; a date is the event's when the sentence gives one, else its article's; "
              "“by” a date: an article of that date calls the post former, so it ended on or before it")


def career_report(source: ReportSource, person: NodeRef, top: int = DEFAULT_TOP) -> Report:
    """The person's posts in the order they took them up: body, start and end, the events
    (appointed, elected, moved, removed …) and the articles that show them in each post."""
    b = Builder(source, top)
    report = Report("career", f"履历 Career: {person.name}", [person], b.header(person))
    found = b.q.posts(person.id)
    held = [t for t in found if not t.proposed and (t.start or t.end or t.first_seen)]
    proposed = [t for t in found if t.proposed]
    undated = [t for t in found if t not in held and t not in proposed]

    timeline = Section("任职经历 Posts over time", [i for t in held for i in tenure_items(b, t)],
                       note=DATES_NOTE if held else "no dated post recorded")
    report.sections.append(timeline)
    report.sections.append(Section(
        "拟任 Proposed", [i for t in proposed for i in tenure_items(b, t)],
        note="proposed for these posts (拟任, 提名, 候选人), never seen in them" if proposed
        else "no post they were only proposed for"))
    if undated:
        report.sections.append(Section("日期不明 Undated", [i for t in undated for i in tenure_items(b, t)],
                                       note="posts whose articles carry no date the corpus can read"))

    days = sorted((w for t in held for e in t.events if (w := parse_when(e.article_date))),
                  key=lambda w: w.first)
    bodies = {t.body_id for t in found if t.body_id}
    line = f"{plural(len(held), 'post')} in {plural(len(bodies), 'body')}"
    if days:
        line += (f", in articles dated {days[0].text} – {days[-1].text}" if days[0] != days[-1]
                 else f", in articles of {days[0].text}")
    report.summary.append(line)
    # The network of the career: the person, their posts and the bodies the posts are in.
    report.view = ViewSpec(frozenset({person.id} | {t.role_id for t in found} | bodies), (person.id,))
    return report

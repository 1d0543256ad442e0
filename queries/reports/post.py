"""The post report: who held one post when, in order, and the gaps where the corpus names no one."""

from __future__ import annotations

from govkg.queries.dates import When, parse_when
from govkg.queries.records import NodeRef, Tenure
from govkg.queries.reports.common import Builder, plural, tenure_items
from govkg.queries.reports.model import DEFAULT_TOP, Item, Report, Section, ViewSpec
from govkg.queries.reports.source import ReportSource
from govkg.queries.tenures import title_family


def post_report(source: ReportSource, post: NodeRef, top: int = DEFAULT_TOP) -> Report:
    """The succession of holders of a post (and of its acting forms: 代县长 for 县长), with the
    dates and evidence of each tenure, then the stretches of time no article covers."""
    b = Builder(source, top)
    found = b.q.holders(post.id)
    body = next((t.body for t in found if t.role_id == post.id and t.body), None)
    family = [t for t in title_family(post.name) if t != post.name and any(x.title == t for x in found)]
    title = f"职务 Post: {post.name}" + (f" · {body}" if body else "")
    report = Report("post", title, [post], b.header(post))
    if family:
        report.summary.append(f"with its acting forms: {'、'.join(family)}")
    held = [t for t in found if not t.proposed]
    proposed = [t for t in found if t.proposed]
    report.sections.append(Section(
        "任职者 Holders in order", [i for t in held for i in tenure_items(b, t, post.name)],
        note=("earliest first; “by” a date: an article of that date calls the post former, so the "
              "tenure ended on or before it" if held else "no one is recorded holding it")))
    if proposed:
        report.sections.append(Section("拟任 Proposed", [i for t in proposed for i in tenure_items(b, t, post.name)],
                                       note="proposed for it, never seen in it"))
    gaps = gap_items(held)
    report.sections.append(Section(
        "空缺 Gaps in the record", gaps,
        note=("stretches between the dates the corpus gives in which no article names a holder "
              "(the post may well have been held: the corpus does not say)" if gaps
              else "no gap: every stretch between the first and last date is covered" if held
              else "no dates to look for gaps between")))
    people = {t.person_id for t in held}
    report.summary.append(f"{plural(len(people), 'holder')}, {plural(len(held), 'tenure')}")
    # The network of the succession: the post (and its acting forms), its holders, its body.
    report.view = ViewSpec(frozenset({post.id} | {t.role_id for t in found} | {t.person_id for t in found}
                                     | {t.body_id for t in found if t.body_id}), (post.id,))
    return report


def _covered(t: Tenure) -> tuple[When, When] | None:
    """The days a tenure is known to cover: from its start to its end when the end is exact, else
    to the last article showing the holder in it (after that the corpus does not say)."""
    start = parse_when(t.start) or (parse_when(t.end) if t.end_exact else None)
    if start is None:
        return None
    end = parse_when(t.end) if t.end_exact else (parse_when(t.last_seen) or start)
    return start, max(end or start, start, key=lambda w: w.last)


def gap_items(held: list[Tenure]) -> list[Item]:
    """The stretches no tenure covers, between the first and the last covered day."""
    spans = sorted(((c, t) for t in held if (c := _covered(t)) is not None), key=lambda x: x[0][0].first)
    items = []
    reach: tuple[When, Tenure] | None = None  # the latest covered day so far, and whose
    for (start, end), t in spans:
        if reach is not None and start.first > reach[0].last and (start.first - reach[0].last).days > 1:
            before = reach[1]
            said = (f"{before.person} {'left' if before.end_exact else 'last seen'} "
                    f"{reach[0].text}")
            if before.end and not before.end_exact:
                said += f", called former by {before.end}"
            items.append(Item(
                f"after {reach[0].text}, before {start.text}: no holder named",
                [], {"after": reach[0].text, "before": start.text, "previous": before.person_id,
                     "next": t.person_id},
                note=f"{said}; next: {t.person}" + (f" ({t.title})" if t.title != before.title else "")
                + f" from {start.text}"))
        if reach is None or end.last > reach[0].last:
            reach = (end, t)
    return items

"""The person report: posts held, bodies and places, programs and people around a person."""

from __future__ import annotations

from govkg.graph.schema import MENTIONED_IN, PERSON, PROGRAM, RECEIVED, RUNS
from govkg.queries.records import NodeRef
from govkg.queries.reports.common import Builder, plural
from govkg.queries.reports.model import DEFAULT_TOP, Item, Report, Section
from govkg.queries.reports.source import IN, OUT, ReportSource


def person_report(source: ReportSource, person: NodeRef, top: int = DEFAULT_TOP) -> Report:
    """Posts held, the bodies and places they belong to, programs and people around the person."""
    b = Builder(source, top)
    posts = b.q.person_posts(person.id)
    report = Report("person", f"人物报告 Person report: {person.name}", [person], b.header(person))

    report.sections.append(Section("职务 Posts held", [b.post_item(p) for p in posts],
                                   note="" if posts else "no post recorded"))

    bodies = Section("机构与地区 Bodies and places")
    seen: set[str] = set()
    for post in posts:
        if post.body_id is None or post.body_id in seen:
            continue
        seen.add(post.body_id)
        body = NodeRef(post.body_id, post.body_label or "", post.body or post.body_id)
        mine = [p for p in posts if p.body_id == post.body_id]
        evidence = [e for p in mine for e in p.evidence]
        bodies.items.append(Item(f"{person.name} holds {'、'.join(sorted({p.title for p in mine}))} "
                                 f"in {body.name}", b.citer.cite(evidence),
                                 {"body_id": body.id, "body": body.name, "body_label": body.label}))
        bodies.items.extend(b.ancestry(body, level=1))
    bodies.note = "" if bodies.items else "no body or place recorded"
    report.sections.append(bodies)

    programs = Section("项目 Programs of their bodies")
    body_ids = [p.body_id for p in posts if p.body_id]
    for body_id in sorted(set(body_ids)):
        for link in source.links(body_id, [RUNS, RECEIVED], OUT):
            body = NodeRef(body_id, "", next(p.body for p in posts if p.body_id == body_id) or body_id)
            programs.items.append(b.link_item(body, link, via="their body"))
    programs.note = "" if programs.items else "none of their bodies is recorded as running or receiving a program"
    report.sections.append(programs)
    mentioned = Section("同句项目 Programs named in a sentence with them",
                        _co_mentioned_programs(b, person),
                        note="co-mentions: a sentence names both; no relation between them was read")
    if not mentioned.items:
        mentioned.note = "no sentence names them together with a program"
    report.sections.append(mentioned)

    people = Section("同现人物 People mentioned with them")
    for co in b.q.co_mentions(person.id)[:top]:
        other = NodeRef(co.person_id, PERSON, co.person)
        cites = [c for a in co.articles
                 for c in b.citer.sentences_naming(a, b.spellings(person), b.spellings(other))]
        people.items.append(Item(f"{co.person}: {plural(co.count, 'shared article')}",
                                 sorted(cites, key=lambda c: (c.article.date, c.article.id)),
                                 {"person_id": co.person_id, "person": co.person, "count": co.count,
                                  "articles": list(co.articles)}))
    people.note = "" if people.items else "no one else is mentioned in their articles"
    report.sections.append(people)

    report.sections.append(b.articles_section(person))
    report.summary.append(f"{plural(len(posts), 'post')}, {plural(len(seen), 'body')}")
    report.view = b.view_of(person)
    return report


def _co_mentioned_programs(b: Builder, node: NodeRef) -> list[Item]:
    """Programs named in one sentence with the node, most such articles first.

    Sharing an article is not enough (a long report names a dozen programs and
    people): a sentence must name both, and it is the evidence.
    """
    together: dict[NodeRef, list] = {}
    for art in b.source.links(node.id, [MENTIONED_IN], OUT):
        for link in b.source.links(art.other.id, [MENTIONED_IN], IN):
            if link.other.label != PROGRAM or link.other.id == node.id:
                continue
            cite = b.citer.sentence_naming_all(art.other.id, b.spellings(node), b.spellings(link.other))
            if cite is not None:
                together.setdefault(link.other, []).append(cite)
    ranked = sorted(together.items(), key=lambda kv: (-len(kv[1]), kv[0].name, kv[0].id))[:b.top]
    return [Item(f"{program.name}: named with {node.name} in {plural(len(cites), 'article')}",
                 sorted(cites, key=lambda c: (c.article.date, c.article.id)),
                 {"program_id": program.id, "program": program.name, "relation": "CO_MENTIONED",
                  "articles": sorted(c.article.id for c in cites)},
                 note="a co-mention, not a relation")
            for program, cites in ranked]

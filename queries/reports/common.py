"""The pieces every report uses: citing evidence, names and aliases, walks up and down hierarchies."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Sequence

from govkg.graph.names import display_name
from govkg.graph.schema import (
    AUTHORED, BASIS_NOTES, ENTITY_LABELS, LOCATED_IN, MENTIONED_IN, ORGANIZATION, PART_OF, PLACE,
)
from govkg.queries.records import CURRENT, Evidence, NodeRef, Post, Tenure
from govkg.queries.reports.model import (
    ARTICLE_RELATIONS, DEFAULT_TOP, LABEL_NAMES, MAX_WALK, PHRASES, VIEW_HOPS, VIEW_MAX_IDS,
    ArticleRef, Citation, Item, Section, ViewSpec,
)
from govkg.queries.reports.source import OUT, IN, ArticleInfo, ReportSource


class Citer:
    """Turns evidence into citations, looking articles up once each."""

    def __init__(self, source: ReportSource) -> None:
        self.source = source
        self._articles: dict[str, ArticleInfo | None] = {}

    def _load(self, ids: Iterable[str]) -> None:
        missing = [a for a in set(ids) if a not in self._articles]
        if missing:
            found = self.source.articles(missing)
            for aid in missing:
                self._articles[aid] = found.get(aid)

    def info(self, article_id: str) -> ArticleInfo:
        self._load([article_id])
        info = self._articles[article_id]
        return info if info is not None else ArticleInfo(article_id, "", "", "")

    def ref(self, article_id: str) -> ArticleRef:
        info = self.info(article_id)
        return ArticleRef(info.id, info.title, info.date, info.source)

    def cite(self, evidence: Iterable[Evidence]) -> list[Citation]:
        evidence = list(evidence)
        self._load(e.article for e in evidence)
        cites = [Citation(e.sentence, self.ref(e.article)) for e in evidence if e.article]
        return sorted(cites, key=lambda c: (c.article.date, c.article.id, c.sentence))

    def sentences_naming(self, article_id: str, *groups: Sequence[str]) -> list[Citation]:
        """Sentences of the article that show the mentions, for "mentioned in this article" claims.

        The first sentence that names one spelling from every group; failing
        that, the first sentence naming each group on its own (so a co-mention
        shows both people in context); an empty sentence if none names them.
        """
        from govkg.extract.sentences import split_sentences

        sentences = split_sentences(self.info(article_id).text)
        ref = self.ref(article_id)

        def first(*wanted: Sequence[str]) -> str | None:
            for sentence in sentences:
                if all(any(n and n in sentence for n in group) for group in wanted):
                    return sentence
            return None

        together = first(*groups)
        if together is not None:
            return [Citation(together, ref)]
        found = [s for s in dict.fromkeys(first(g) for g in groups) if s is not None]
        return [Citation(s, ref) for s in found] or [Citation("", ref)]

    def sentence_naming_all(self, article_id: str, *groups: Sequence[str]) -> Citation | None:
        """The first sentence of the article naming one spelling of every group, or None."""
        from govkg.extract.sentences import split_sentences

        for sentence in split_sentences(self.info(article_id).text):
            if all(any(n and n in sentence for n in group) for group in groups):
                return Citation(sentence, self.ref(article_id))
        return None

    def dates(self, evidence: Iterable[Evidence]) -> str:
        """The article dates of the evidence: ``2020-06-05`` or ``2020-06-03 – 2020-06-16``."""
        days = sorted({c.article.date for c in self.cite(evidence) if c.article.date})
        if not days:
            return ""
        return days[0] if len(days) == 1 else f"{days[0]} – {days[-1]}"


class Builder:
    """The parts every report uses: citations, names and aliases, the walk up a hierarchy."""

    def __init__(self, source: ReportSource, top: int = DEFAULT_TOP) -> None:
        self.source = source
        self.q = source.queries
        self.citer = Citer(source)
        self.top = top
        self._names: dict[str, tuple[str, ...]] = {}
        self._places: dict[str, str] | None = None  # place name -> id

    def spellings(self, node: NodeRef) -> tuple[str, ...]:
        """The node's name and aliases (to find the sentences that name it); an Article, or a
        node the graph does not hold, is its name. Read node by node: a report names few."""
        if node.id not in self._names:
            props = dict(self.source.subgraph([node.id]).nodes(data=True)).get(node.id)
            if props is not None and props.get("label") in ENTITY_LABELS:
                aliases = props.get("aliases")
                self._names[node.id] = (display_name(props, node.id), *(
                    a for a in (aliases if isinstance(aliases, (list, tuple)) else ()) if isinstance(a, str)))
            else:
                self._names[node.id] = (node.name,)
        return self._names[node.id]

    def place_named_in(self, body: NodeRef) -> NodeRef | None:
        """The Place whose name begins the body's name (建设路街道 for 建设路街道党工委).

        Bodies are rarely linked to their territory in news text, but Chinese
        bodies are named after it; the report says when it relied on the name.
        The longest such name wins (建设路街道, not 建设路); among places sharing
        it, the smallest id.
        """
        if self._places is None:
            self._places = {}
            for entry in sorted(self.source.entity_names([PLACE]), key=lambda e: e.id):
                self._places.setdefault(entry.name, entry.id)
        for end in range(len(body.name) - 1, 1, -1):
            place_id = self._places.get(body.name[:end])
            if place_id is not None and place_id != body.id:
                return NodeRef(place_id, PLACE, body.name[:end])
        return None

    def link_item(self, subject: NodeRef, link, level: int = 0, **data: Any) -> Item:
        """``subject runs 六稳`` / ``卫东区委 … is part of subject`` with the link's evidence.

        A relation inferred rather than read (its ``basis``) says how instead
        of citing a sentence that does not say it.
        """
        a, b = (subject, link.other) if link.outgoing else (link.other, subject)
        text = f"{a.name} {PHRASES.get(link.type, link.type)} {b.name}"
        if link.status and link.status != CURRENT:
            text += f" ({link.status})"
        cites, note = self.claim(link.evidence, link.basis)
        return Item(text, cites, {
            "relation": link.type, "source": a.id, "target": b.id, "other": link.other.id,
            "other_label": link.other.label, **({"status": link.status} if link.status else {}),
            **({"basis": link.basis} if link.basis else {}), **data},
            level=level, note=note)

    def claim(self, evidence: Iterable[Evidence], basis: str | None) -> tuple[list[Citation], str]:
        """(citations, note) for a relation: its sentences when it was read in them, else how it was found."""
        if basis in BASIS_NOTES:
            return [], BASIS_NOTES[basis]
        return self.citer.cite(evidence), ""

    def ancestry(self, node: NodeRef, level: int) -> list[Item]:
        """Where a body or place sits: part of / lies in, up the chain, each step with evidence.

        Depth first, so each step is listed right under the one it continues.
        A body with no such relation is placed by its name (``place_named_in``).
        """
        items: list[Item] = []
        seen = {node.id}
        stack: list[tuple[Item, NodeRef, int]] = []

        def push_steps(current: NodeRef, depth: int) -> None:
            if depth - level >= MAX_WALK:
                return
            steps = []
            links = self.source.links(current.id, [PART_OF, LOCATED_IN], OUT)
            for link in links:
                steps.append((self.link_item(current, link, level=depth), link.other))
            if not links and current.label == ORGANIZATION:
                place = self.place_named_in(current)
                if place is not None:
                    steps.append((Item(f"{current.name} is named after {place.name}", [],
                                       {"relation": "NAMED_AFTER", "source": current.id,
                                        "target": place.id}, level=depth,
                                       note="inferred from the name, not read in a sentence"), place))
            stack.extend((item, other, depth + 1) for item, other in reversed(steps))

        push_steps(node, level)
        while stack:
            item, other, depth = stack.pop()
            if item.data.get("relation") == "NAMED_AFTER" and other.id in seen:
                continue  # an inference adds nothing about a place already listed
            items.append(item)  # a step to a place already listed is shown, not walked again
            if other.id not in seen:
                seen.add(other.id)
                push_steps(other, depth)
        return items

    def post_item(self, post: Post, who: bool = False, level: int = 0) -> Item:
        """``党工委书记 · 建设路街道党工委 (current, 2020-06-05)`` or, with ``who``, the person first."""
        body = post.body or "(no body named)"
        status = post.status
        when = self.citer.dates(post.evidence)
        head = f"{post.person}: {post.title}" if who else f"{post.title} · {body}"
        text = f"{head} ({status}{', ' + when if when else ''})"
        return Item(text, self.citer.cite(post.evidence), {
            "person_id": post.person_id, "person": post.person, "role_id": post.role_id,
            "title": post.title, "body_id": post.body_id, "body": post.body, "status": status,
            "dates": when}, level=level)

    def articles_section(self, node: NodeRef) -> Section:
        """The articles that mention the node (or that the person wrote), oldest first."""
        links = self.source.links(node.id, list(ARTICLE_RELATIONS), OUT)
        by_article: dict[str, list] = {}
        for link in links:
            by_article.setdefault(link.other.id, []).append(link)
        items = []
        for aid in by_article:
            info = self.citer.info(aid)
            kinds = []
            for link in by_article[aid]:
                if link.type == AUTHORED:
                    kinds.append("wrote it (byline)")
                else:
                    times = link.count or 1
                    kinds.append(f"mentioned {times} time{'s' if times != 1 else ''}")
            cites = self.citer.sentences_naming(aid, self.spellings(node))
            items.append(Item(f"《{info.title or info.id}》 {info.date}".rstrip() + ": " + ", ".join(kinds),
                              cites, {"article": aid, "title": info.title, "date": info.date,
                                       "source": info.source}))
        items.sort(key=lambda i: (i.data["date"], i.data["article"]))
        return Section("文章 Articles", items, note="" if items else "no article mentions it")

    def view_of(self, node: NodeRef) -> ViewSpec:
        ids = self.source.ego_ids(node.id, VIEW_HOPS)
        if len(ids) > VIEW_MAX_IDS:
            ids = self.source.ego_ids(node.id, 1)
        return ViewSpec(frozenset(ids), (node.id,))

    def header(self, node: NodeRef) -> list[str]:
        spellings = [s for s in self.spellings(node) if s != node.name]
        articles = len({l.other.id for l in self.source.links(node.id, [MENTIONED_IN], OUT)})
        lines = [f"{LABEL_NAMES.get(node.label, node.label)} · id `{node.id}` · "
                 f"mentioned in {articles} article{'s' if articles != 1 else ''}"]
        if spellings:
            lines.append("also written: " + "、".join(spellings))
        return lines


def plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word[:-1]}ies" if word.endswith("y") else f"{n} {word}s"


def members_sections(b: Builder, posts: Sequence[Post], how: Callable[[str], str] | None = None
                      ) -> list[Section]:
    """Posts grouped by body, bodies in the order the posts come (nearest first)."""
    groups: dict[str, list[Post]] = {}
    for post in posts:
        groups.setdefault(post.body_id or "", []).append(post)
    sections = []
    for body_id, group in groups.items():
        title = group[0].body or "(no body named)"
        note = how(body_id) if how else ""
        sections.append(Section(title, [b.post_item(p, who=True) for p in group], note=note))
    return sections


def tree_down(b: Builder, top: NodeRef, types: Sequence[str], labels: Sequence[str] | None = None
               ) -> list[Item]:
    """Everything under ``top`` by ``types`` relations (backwards), depth first, with evidence."""
    items: list[Item] = []
    seen = {top.id}

    def walk(node: NodeRef, level: int) -> None:
        if level >= MAX_WALK:
            return
        for link in b.source.links(node.id, types, IN):
            if link.other.id in seen or (labels and link.other.label not in labels):
                continue
            seen.add(link.other.id)
            items.append(b.link_item(node, link, level=level))
            walk(link.other, level + 1)

    walk(top, 0)
    return items


def programs_section(b: Builder, subject: NodeRef, actors: Sequence[NodeRef]) -> Section:
    """Programs the actors (and their parts) run or received, each with its evidence."""
    section = Section("项目 Programs")
    seen = set()
    for actor in actors:
        for link in b.q.programs(actor.id, include_parts=True):
            key = (link.actor_id, link.relation, link.program_id)
            if key in seen:
                continue
            seen.add(key)
            text = f"{link.actor} {PHRASES[link.relation]} {link.program}"
            section.items.append(Item(text, b.citer.cite(link.evidence), {
                "relation": link.relation, "actor_id": link.actor_id, "actor": link.actor,
                "program_id": link.program_id, "program": link.program, "depth": link.depth}))
    section.note = "" if section.items else f"no program run or received by {subject.name} or its parts"
    return section


# ------------------------------------------------------------------ tenures (career, post)

#: How a tenure's end reads ("removed 2021-01-08"); a former post ended at or before the date.
ENDINGS = {"removed": "removed", "succeeded": "succeeded", "moved": "moved away",
           "full title": "took the full title", "former": "called former"}


def tenure_text(tenure: Tenure, post_title: str | None = None) -> str:
    """``县长 · 岚溪县人民政府: 2021-06-02 – by 2023-04-11 (elected; called former by 2023-04-11)``.

    With ``post_title``, the person leads, for a post's succession, and the title only when it
    is another form of the post (``方志远 (代理县长): …``).
    """
    if post_title is not None:
        head = tenure.person + (f" ({tenure.title})" if tenure.title != post_title else "")
    else:
        head = f"{tenure.title} · {tenure.body or '(no body named)'}"
    if tenure.proposed:
        return f"{head}: proposed {', '.join(dict.fromkeys(e.date for e in tenure.events if e.date))}".rstrip()
    how = []
    if tenure.start:
        how.append(tenure.start_event if tenure.start_event != "seen" else "first seen in it")
    else:
        how.append("start not in the corpus")
    if tenure.end:
        how.append(f"{ENDINGS.get(tenure.end_event, tenure.end_event)} "
                   f"{'' if tenure.end_exact else 'by '}{tenure.end}")
    elif tenure.end_event:
        how.append(f"{ENDINGS.get(tenure.end_event, tenure.end_event)} in an undated article")
    elif tenure.start:
        later = tenure.last_seen and tenure.last_seen != tenure.start
        how.append(f"last seen {tenure.last_seen}" if later else "no end recorded")
    return f"{head}: {tenure.span()} ({'; '.join(how)})"


def tenure_items(b: "Builder", tenure: Tenure, post_title: str | None = None) -> list[Item]:
    """The tenure's line, then its events one level down, each with its sentence and article.

    Sightings without an event go on one line (seen in N articles, first – last).
    """
    data = {"person_id": tenure.person_id, "person": tenure.person, "role_id": tenure.role_id,
            "title": tenure.title, "body_id": tenure.body_id, "body": tenure.body,
            "start": tenure.start, "start_event": tenure.start_event, "end": tenure.end,
            "end_event": tenure.end_event, "end_exact": tenure.end_exact,
            "first_seen": tenure.first_seen, "last_seen": tenure.last_seen, "proposed": tenure.proposed}
    items = [Item(tenure_text(tenure, post_title), [], data)]
    seen = [e for e in tenure.events if e.kind == "seen"]
    shown_seen = False
    for event in tenure.events:
        if event.kind == "seen":
            if shown_seen:
                continue
            shown_seen = True
            dates = sorted({e.date for e in seen if e.date})
            span = (dates[0] if len(dates) == 1 else f"{dates[0]} – {dates[-1]}") if dates else "undated"
            items.append(Item(f"seen in it: {span}, {plural(len({e.evidence.article for e in seen}), 'article')}",
                              b.citer.cite(e.evidence for e in seen),
                              {"kind": "seen", "dates": dates}, level=1,
                              note="; ".join(dict.fromkeys(e.note for e in seen if e.note))))
            continue
        when = f"{'by ' if event.by else ''}{event.date}" if event.date else "undated"
        text = f"{when} {event.kind}"
        if event.by:
            text += ": called former there, so it ended on or before that date"
        items.append(Item(text, b.citer.cite([event.evidence]),
                          {"kind": event.kind, "date": event.date, "by": event.by, "status": event.status,
                           "event_date": event.event_date, "article_date": event.article_date},
                          level=1, note=event.note))
    return items

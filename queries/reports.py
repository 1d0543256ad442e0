"""Relationship reports: what the graph says about one person, body, place or program,
how two entities are connected, and an overview of the whole graph.

A report is plain data (``Report`` → ``Section`` → ``Item``), built only from
a ``queries.report_source.ReportSource``, so the same builder gives the same
report from a graph file or from Neo4j. Every claim (``Item``) carries its
``Citation`` list: the evidence sentence and the article (title, date) it was
read from. ``queries.report_render`` turns a report into Markdown, JSON or
HTML.

Names typed by a user go through ``resolve``: one node, or a ``GovkgError``
listing the candidates of an ambiguous name (with their ids, for ``--id``)
or suggesting close names when nothing matches.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from govkg.errors import GovkgError
from govkg.graph.schema import (
    ARTICLE, AUTHORED, COOPERATES_WITH, ENTITY_LABELS, HOLDS_ROLE, LOCATED_IN, MENTIONED_IN,
    ORGANIZATION, PART_OF, PERSON, PLACE, PROGRAM, RECEIVED, ROLE, ROLE_IN, RUNS,
)
from govkg.queries.records import CURRENT, Evidence, NodeRef, Post
from govkg.queries.report_source import IN, OUT, ArticleInfo, ReportSource

#: How a relation reads in a sentence, source first ("张伟 holds 代区长").
PHRASES = {
    HOLDS_ROLE: "holds", ROLE_IN: "is a post in", PART_OF: "is part of", LOCATED_IN: "lies in",
    RUNS: "runs", RECEIVED: "received", COOPERATES_WITH: "works with",
    MENTIONED_IN: "is mentioned in", AUTHORED: "wrote",
}
#: Relations that only say "appears in this article".
ARTICLE_RELATIONS = (MENTIONED_IN, AUTHORED)
#: Relations between entities (everything but the article ones).
ENTITY_RELATIONS = (HOLDS_ROLE, ROLE_IN, PART_OF, LOCATED_IN, RUNS, RECEIVED, COOPERATES_WITH)

KINDS = {"person": (PERSON,), "org": (ORGANIZATION,), "place": (PLACE,), "program": (PROGRAM,)}
LABEL_NAMES = {PERSON: "人物 Person", ORGANIZATION: "机构 Organization", PLACE: "地区 Place",
               PROGRAM: "项目 Program", ROLE: "职务 Role", ARTICLE: "文章 Article"}

DEFAULT_TOP = 10
DEFAULT_PATH_LENGTH = 8   # 刘建国 → 张伟 in the sample takes 7 steps through their bodies
VIEW_HOPS = 2             # the HTML view's ego network, as ``govkg view --focus`` draws it
VIEW_MAX_IDS = 400        # above this, the view shrinks to one hop
_MAX_WALK = 6             # how far up (lies in / part of) a chain is followed


# ----------------------------------------------------------------- records

@dataclass(frozen=True)
class ArticleRef:
    """An article as cited: id, title (may be empty), date (may be empty), source file."""

    id: str
    title: str
    date: str
    source: str


@dataclass(frozen=True)
class Citation:
    """One piece of evidence: the sentence (empty when the graph has none) and its article."""

    sentence: str
    article: ArticleRef


@dataclass
class Item:
    """One claim, its evidence and its machine-readable fields (``data``, for JSON)."""

    text: str
    evidence: list[Citation] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    level: int = 0  # nesting under the previous item (trees, chains)
    note: str = ""  # how the claim was made when it is not read from one sentence


@dataclass
class Section:
    title: str
    items: list[Item] = field(default_factory=list)
    sections: list["Section"] = field(default_factory=list)
    note: str = ""  # said when the section is empty, or how it was made


@dataclass
class ViewSpec:
    """What the HTML report's network view shows: these nodes, centred on ``focus``."""

    ids: frozenset[str]
    focus: tuple[str, ...]


@dataclass
class Report:
    kind: str  # person, org, place, program, path, overview
    title: str
    subject: list[NodeRef]  # the entity (or the two ends of a path); empty for the overview
    summary: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    view: ViewSpec | None = None  # not part of the JSON


# ----------------------------------------------------------------- citing

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

    def dates(self, evidence: Iterable[Evidence]) -> str:
        """The article dates of the evidence: ``2020-06-05`` or ``2020-06-03 – 2020-06-16``."""
        days = sorted({c.article.date for c in self.cite(evidence) if c.article.date})
        if not days:
            return ""
        return days[0] if len(days) == 1 else f"{days[0]} – {days[-1]}"


# ----------------------------------------------------------------- resolving names

def resolve(source: ReportSource, name: str | None, labels: Sequence[str],
            ids: Sequence[str] = ()) -> NodeRef:
    """The one node meant by ``name`` (a name, an alias or a node id), or ``--id``.

    ``ids`` are the user's ``--id`` choices: one of them that is a candidate for
    ``name`` (or, with no name, the only one) wins. Ambiguous names and unknown
    names raise a ``GovkgError`` that says what to do.
    """
    kinds = "/".join(labels)
    q = source.queries
    if not name:
        if len(ids) != 1:
            raise GovkgError("give a name, or one --id NODE_ID")
        return _by_id(source, ids[0], labels)
    name = name.strip()
    if not name:
        raise GovkgError("empty name")
    node = q.get_node(name)
    if node is not None and node.label in labels:
        return node
    matches = q.find_entities(name, labels)
    exact = [m for m in matches if m.match != "partial"]
    best = [m for m in exact if m.match == "name"] or exact
    for chosen in ids:
        if any(m.id == chosen for m in best):
            return _by_id(source, chosen, labels)
    if len(best) == 1:
        return NodeRef(best[0].id, best[0].label, best[0].name)
    if len(best) > 1:
        listed = "; ".join(f"{m.id} ({_describe(source, m.id, m.label, m.articles)})" for m in best[:10])
        more = f" and {len(best) - 10} more" if len(best) > 10 else ""
        raise GovkgError(f"'{name}' is ambiguous: {len(best)} {kinds} nodes have that name: "
                         f"{listed}{more}; choose one with --id NODE_ID")
    suggestions = [m.name if m.name == m.id else f"{m.name} ({m.id})" for m in matches[:5]]
    for close in _close_names(source, name, labels):
        if close not in suggestions and len(suggestions) < 5:
            suggestions.append(close)
    hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
    raise GovkgError(f"no {kinds} named '{name}' in the graph{hint}")


def _by_id(source: ReportSource, node_id: str, labels: Sequence[str]) -> NodeRef:
    node = source.queries.get_node(node_id)
    if node is None:
        raise GovkgError(f"no node with id '{node_id}' in the graph")
    if node.label not in labels:
        article = "an" if node.label[:1] in "AEIOU" else "a"
        raise GovkgError(f"'{node_id}' is {article} {node.label}, not a {'/'.join(labels)}")
    return node


def _describe(source: ReportSource, node_id: str, label: str, articles: int) -> str:
    """A few words telling same-named candidates apart: a person's first post, the article count."""
    words = []
    if label == PERSON:
        posts = source.queries.person_posts(node_id)
        if posts:
            words.append(" · ".join(x for x in (posts[0].title, posts[0].body) if x))
    words.append(f"{articles} article{'s' if articles != 1 else ''}")
    return ", ".join(words)


def _close_names(source: ReportSource, name: str, labels: Sequence[str]) -> list[str]:
    """Names and aliases that look like ``name`` (difflib), as 'name (id)'."""
    spelled: dict[str, str] = {}
    for entry in source.entity_names(labels):
        for spelling in (entry.name, *entry.aliases):
            spelled.setdefault(spelling, entry.id)
    close = difflib.get_close_matches(name, list(spelled), n=5, cutoff=0.5)
    return [f"{c} ({spelled[c]})" for c in close]


# ----------------------------------------------------------------- shared pieces

class _Builder:
    """The parts every report uses: citations, names and aliases, the walk up a hierarchy."""

    def __init__(self, source: ReportSource, top: int = DEFAULT_TOP) -> None:
        self.source = source
        self.q = source.queries
        self.citer = Citer(source)
        self.top = top
        self._names: dict[str, tuple[str, ...]] | None = None
        self._places: dict[str, str] | None = None  # place name -> id

    def spellings(self, node: NodeRef) -> tuple[str, ...]:
        """The node's name and aliases (to find the sentences that name it)."""
        if self._names is None:
            self._names = {e.id: (e.name, *e.aliases) for e in self.source.entity_names()}
        return self._names.get(node.id, (node.name,))

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
        """``subject runs 六稳`` / ``卫东区委 … is part of subject`` with the link's evidence."""
        a, b = (subject, link.other) if link.outgoing else (link.other, subject)
        text = f"{a.name} {PHRASES.get(link.type, link.type)} {b.name}"
        if link.status and link.status != CURRENT:
            text += f" ({link.status})"
        return Item(text, self.citer.cite(link.evidence), {
            "relation": link.type, "source": a.id, "target": b.id, "other": link.other.id,
            "other_label": link.other.label, **({"status": link.status} if link.status else {}), **data},
            level=level)

    def ancestry(self, node: NodeRef, level: int) -> list[Item]:
        """Where a body or place sits: part of / lies in, up the chain, each step with evidence.

        Depth first, so each step is listed right under the one it continues.
        A body with no such relation is placed by its name (``place_named_in``).
        """
        items: list[Item] = []
        seen = {node.id}
        stack: list[tuple[Item, NodeRef, int]] = []

        def push_steps(current: NodeRef, depth: int) -> None:
            if depth - level >= _MAX_WALK:
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


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word[:-1]}ies" if word.endswith("y") else f"{n} {word}s"


# ----------------------------------------------------------------- person

def person_report(source: ReportSource, person: NodeRef, top: int = DEFAULT_TOP) -> Report:
    """Posts held, the bodies and places they belong to, programs and people around the person."""
    b = _Builder(source, top)
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

    programs = Section("项目 Programs")
    body_ids = [p.body_id for p in posts if p.body_id]
    for body_id in sorted(set(body_ids)):
        for link in source.links(body_id, [RUNS, RECEIVED], OUT):
            body = NodeRef(body_id, "", next(p.body for p in posts if p.body_id == body_id) or body_id)
            programs.items.append(b.link_item(body, link, via="their body"))
    programs.items.extend(_co_mentioned_programs(b, person))
    programs.note = "" if programs.items else "no program runs in their bodies or shares an article"
    report.sections.append(programs)

    people = Section("同现人物 People mentioned with them")
    for co in b.q.co_mentions(person.id)[:top]:
        other = NodeRef(co.person_id, PERSON, co.person)
        cites = [c for a in co.articles
                 for c in b.citer.sentences_naming(a, b.spellings(person), b.spellings(other))]
        people.items.append(Item(f"{co.person}: {_plural(co.count, 'shared article')}",
                                 sorted(cites, key=lambda c: (c.article.date, c.article.id)),
                                 {"person_id": co.person_id, "person": co.person, "count": co.count,
                                  "articles": list(co.articles)}))
    people.note = "" if people.items else "no one else is mentioned in their articles"
    report.sections.append(people)

    report.sections.append(b.articles_section(person))
    report.summary.append(f"{_plural(len(posts), 'post')}, {_plural(len(seen), 'body')}")
    report.view = b.view_of(person)
    return report


def _co_mentioned_programs(b: _Builder, node: NodeRef) -> list[Item]:
    """Programs mentioned in the node's articles, most shared articles first."""
    shared: dict[NodeRef, set[str]] = {}
    for art in b.source.links(node.id, [MENTIONED_IN], OUT):
        for link in b.source.links(art.other.id, [MENTIONED_IN], IN):
            if link.other.label == PROGRAM and link.other.id != node.id:
                shared.setdefault(link.other, set()).add(art.other.id)
    ranked = sorted(shared.items(), key=lambda kv: (-len(kv[1]), kv[0].name, kv[0].id))[:b.top]
    items = []
    for program, articles in ranked:
        cites = [c for a in sorted(articles)
                 for c in b.citer.sentences_naming(a, b.spellings(node), b.spellings(program))]
        items.append(Item(f"{program.name}: mentioned with {node.name} in "
                          f"{_plural(len(articles), 'article')}",
                          sorted(cites, key=lambda c: (c.article.date, c.article.id)),
                          {"program_id": program.id, "program": program.name, "relation": "CO_MENTIONED",
                           "articles": sorted(articles)}))
    return items


# ----------------------------------------------------------------- organization

def _members_sections(b: _Builder, posts: Sequence[Post], how: Callable[[str], str] | None = None
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


def org_report(source: ReportSource, org: NodeRef, top: int = DEFAULT_TOP) -> Report:
    """Where the body sits, its departments, who holds posts in it, its programs and partners."""
    b = _Builder(source, top)
    report = Report("org", f"机构报告 Organization report: {org.name}", [org], b.header(org))

    up = Section("上级 Belongs to", b.ancestry(org, 0))
    up.note = "" if up.items else "no parent body or place recorded"
    report.sections.append(up)

    down = Section("下属 Departments and branches", _tree_down(b, org, [PART_OF]))
    down.note = "" if down.items else "no department recorded"
    report.sections.append(down)

    posts = b.q.body_members(org.id, include_sub_bodies=True)
    members = Section("成员 Who holds posts", sections=_members_sections(
        b, posts, lambda body_id: "" if body_id == org.id else f"a part of {org.name}"))
    members.note = "" if posts else "no post recorded in it or its departments"
    report.sections.append(members)

    report.sections.append(_programs_section(b, org, [org]))

    partners = Section("合作 Works with", [b.link_item(org, l) for l in source.both(org.id, [COOPERATES_WITH])])
    partners.note = "" if partners.items else "no cooperation recorded"
    report.sections.append(partners)

    report.sections.append(b.articles_section(org))
    report.summary.append(f"{_plural(len(posts), 'post')} in it and its departments")
    report.view = b.view_of(org)
    return report


def _tree_down(b: _Builder, top: NodeRef, types: Sequence[str], labels: Sequence[str] | None = None
               ) -> list[Item]:
    """Everything under ``top`` by ``types`` relations (backwards), depth first, with evidence."""
    items: list[Item] = []
    seen = {top.id}

    def walk(node: NodeRef, level: int) -> None:
        if level >= _MAX_WALK:
            return
        for link in b.source.links(node.id, types, IN):
            if link.other.id in seen or (labels and link.other.label not in labels):
                continue
            seen.add(link.other.id)
            items.append(b.link_item(node, link, level=level))
            walk(link.other, level + 1)

    walk(top, 0)
    return items


def _programs_section(b: _Builder, subject: NodeRef, actors: Sequence[NodeRef]) -> Section:
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


# ----------------------------------------------------------------- place

def place_report(source: ReportSource, place: NodeRef, top: int = DEFAULT_TOP) -> Report:
    """Who's who of a territory: every post in it and its sub-territories, grouped by body."""
    b = _Builder(source, top)
    report = Report("place", f"地区报告 Place report: {place.name}", [place], b.header(place))

    up = Section("上级 Lies in", b.ancestry(place, 0))
    up.note = "" if up.items else "no larger territory recorded"
    report.sections.append(up)

    inside = _tree_down(b, place, [LOCATED_IN, PART_OF])
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
    whos = Section("人员 Who's who", sections=_members_sections(b, unique, lambda body: how.get(body, "")))
    whos.note = ("posts in bodies located in the territory or named after one of its places"
                 if unique else "no post recorded in the territory")
    report.sections.append(whos)

    report.sections.append(_programs_section(b, place, [place, *named]))

    partners = Section("合作 Works with")
    for unit in [place, *named]:
        partners.items.extend(b.link_item(unit, l)
                              for l in source.both(unit.id, [COOPERATES_WITH]))
    partners.note = "" if partners.items else "no cooperation recorded"
    report.sections.append(partners)

    report.sections.append(b.articles_section(place))
    report.summary.append(f"{_plural(len(unique), 'post')} in "
                          f"{_plural(len({p.body_id for p in unique}), 'body')}")
    report.view = b.view_of(place)
    return report


# ----------------------------------------------------------------- program

def program_report(source: ReportSource, program: NodeRef, top: int = DEFAULT_TOP) -> Report:
    """Who runs or received the program, and where they sit."""
    b = _Builder(source, top)
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
    report.summary.append(f"run by {_plural(runs, 'body')}, received by "
                          f"{_plural(len(actors) - runs, 'body')}")
    report.view = b.view_of(program)
    return report


# ----------------------------------------------------------------- path

def path_report(source: ReportSource, a: NodeRef, b_node: NodeRef,
                max_length: int = DEFAULT_PATH_LENGTH, limit: int = 5) -> Report:
    """How two entities are connected: each shortest path, each hop with its evidence.

    Relations between entities first; only when they do not connect the two
    does the report go through shared articles, and it says so.
    """
    b = _Builder(source)
    report = Report("path", f"关系路径 How {a.name} and {b_node.name} are connected", [a, b_node])
    if a.id == b_node.id:
        raise GovkgError("the two ends of the path are the same node")
    connections = b.q.connections(a.id, b_node.id, max_length=max_length, limit=limit)
    via_articles = False
    if not connections:
        connections = b.q.connections(a.id, b_node.id, max_length=max_length, via_articles=True,
                                      limit=limit)
        via_articles = bool(connections)
    if not connections:
        report.summary.append(f"no connection within {max_length} steps, even through shared articles")
        report.sections.append(Section("路径 Paths", note="none found"))
        report.view = ViewSpec(frozenset({a.id, b_node.id}), (a.id, b_node.id))
        return report
    length = connections[0].length
    report.summary.append(f"{_plural(len(connections), 'shortest path')} of {_plural(length, 'step')}"
                          + (" (through shared articles: no chain of relations links them)"
                             if via_articles else ""))
    ids = set()
    names = {}
    for conn in connections:
        ids.update(n.id for n in conn.nodes)
        names.update({n.id: n for n in conn.nodes})
    for number, conn in enumerate(connections, 1):
        section = Section(f"路径 Path {number}: " + " — ".join(_shown(n) for n in conn.nodes))
        for edge in conn.edges:
            src, dst = names[edge.source], names[edge.target]
            cites = b.citer.cite(edge.evidence)
            if not cites and edge.type in ARTICLE_RELATIONS:
                article = dst if dst.label == ARTICLE else src
                other = src if article is dst else dst
                cites = b.citer.sentences_naming(article.id, b.spellings(other))
            section.items.append(Item(f"{_shown(src)} {PHRASES.get(edge.type, edge.type)} {_shown(dst)}", cites,
                                      {"relation": edge.type, "source": edge.source,
                                       "target": edge.target}))
        report.sections.append(section)
    report.view = ViewSpec(frozenset(ids), (a.id, b_node.id))
    return report


def _shown(node: NodeRef) -> str:
    """A node's name in a path; an Article as 《title》 (its id when it has no title)."""
    if node.label == ARTICLE:
        return f"《{node.name or node.id.removeprefix('article:')}》"
    return node.name


# ----------------------------------------------------------------- overview

def overview_report(source: ReportSource, top: int = DEFAULT_TOP) -> Report:
    """Counts, the most connected people and bodies, the territorial tree, programs by runners."""
    b = _Builder(source, top)
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
    neighbours = _entity_neighbours(edges)
    co_people = _co_mentioned_people(source)
    people = []
    for entry in source.entity_names([PERSON]):
        bodies = {n for n in neighbours.get(entry.id, set()) if n.label in (ORGANIZATION, PLACE)}
        others = co_people.get(entry.id, set())
        people.append((len(bodies) + len(others), len(bodies), len(others), entry))
    people.sort(key=lambda t: (-t[0], t[3].name, t[3].id))
    section = Section("人物 Most connected people", note="bodies they hold posts in, plus people "
                      "mentioned in the same articles")
    for total, n_bodies, n_people, entry in people[:top]:
        section.items.append(Item(f"{entry.name}: {total} ({_plural(n_bodies, 'body')}, "
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

    report.sections.append(Section("地区 Territorial tree", _tree(b, edges, LOCATED_IN, PLACE)))
    report.sections.append(Section("机构 Body hierarchy", _tree(b, edges, PART_OF, ORGANIZATION)))

    runners: dict[NodeRef, list] = {}
    for edge in edges:
        if edge.type in (RUNS, RECEIVED):
            runners.setdefault(edge.target, []).append(edge)
    ranked = sorted(runners.items(), key=lambda kv: (-len({e.source.id for e in kv[1] if e.type == RUNS}),
                                                     -len(kv[1]), kv[0].name, kv[0].id))
    section = Section("项目 Programs by number of bodies running them")
    for program, rows in ranked[:top]:
        n_runs = len({e.source.id for e in rows if e.type == RUNS})
        section.items.append(Item(f"{program.name}: run by {_plural(n_runs, 'body')}",
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


def _co_mentioned_people(source: ReportSource) -> dict[str, set[str]]:
    """Person id → ids of the other people mentioned in at least one of their articles."""
    in_article: dict[str, set[str]] = {}
    for e in source.edges([MENTIONED_IN]):
        if e.source.label == PERSON:
            in_article.setdefault(e.target.id, set()).add(e.source.id)
    out: dict[str, set[str]] = {}
    for people in in_article.values():
        for p in people:
            out.setdefault(p, set()).update(people - {p})
    return out


def _tree(b: _Builder, edges, rel: str, label: str) -> list[Item]:
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
            items.append(Item(f"{e.source.name} {PHRASES[rel]} {e.target.name}", b.citer.cite(e.evidence),
                              {"relation": rel, "source": e.source.id, "target": e.target.id}, level=level))
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


# ----------------------------------------------------------------- entry point

def build_report(source: ReportSource, kind: str, names: Sequence[str | None] = (),
                 ids: Sequence[str] = (), top: int = DEFAULT_TOP,
                 max_length: int = DEFAULT_PATH_LENGTH) -> Report:
    """Resolve the names and build the report of ``kind`` (the ``govkg report`` subcommands)."""
    if kind in KINDS:
        node = resolve(source, names[0] if names else None, KINDS[kind], ids)
        builder = {"person": person_report, "org": org_report, "place": place_report,
                   "program": program_report}[kind]
        return builder(source, node, top)
    if kind == "path":
        a = resolve(source, names[0], ENTITY_LABELS, ids)
        b = resolve(source, names[1], ENTITY_LABELS, ids)
        return path_report(source, a, b, max_length=max_length)
    if kind == "overview":
        return overview_report(source, top)
    raise GovkgError(f"unknown report '{kind}' (reports: {', '.join([*KINDS, 'path', 'overview'])})")

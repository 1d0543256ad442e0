"""Collecting a page's resolved records into entities, relations and mentions (a ``PageResult``).

The last extraction stage: every mention becomes (or joins) a node with its
MENTIONED_IN count, every holding a Person -HOLDS_ROLE-> Role -ROLE_IN-> body
path with its evidence, every rule's relation an edge. Node ids come from
graph/schema.py; nothing here decides what a thing is.
"""

from __future__ import annotations

import re

from govkg.extract.articles import opening_date, outlet_name
from govkg.extract.bodies import has_no_owner
from govkg.extract.careers import iso_date
from govkg.extract.context import Context
from govkg.extract.lexicon import Lexicon
from govkg.extract.normalize import in_script_of, strip_quotes, to_simplified
from govkg.extract.programs import DOCUMENT_STAGE
from govkg.extract.records import Article, Entity, Evidence, Mention, PageResult, PostHolding, Relation, Sentence
from govkg.extract.relations import cooperation, located_in, program_relations
from govkg.extract.structure import body_territory
from govkg.graph.schema import (AUTHORED, HOLDS_ROLE, LOCATED_IN, ORGANIZATION, PART_OF, PERSON, PLACE, PROGRAM,
                                ROLE, ROLE_IN, STATEMENT_PROPS, node_id, role_id)

class Collector:
    """Builds one page's ``PageResult``; adding a node twice merges its aliases and props."""

    def __init__(self, result: PageResult):
        self.result = result

    def entity(self, label: str, name: str, alias: str | None = None, *, eid: str | None = None,
               **props) -> str:
        """Add (or find) a node and return its id; a Role passes its own id (one post in one body)."""
        eid = eid or node_id(label, name)
        ent = self.result.entities.get(eid)
        if ent is None:
            ent = self.result.entities[eid] = Entity(eid, label, name, {name})
        if alias:
            ent.aliases.add(re.sub(r"\s+", "", alias))
        for k, v in props.items():
            ent.props.setdefault(k, v)
        return eid

    def mention(self, eid: str, article: Article) -> None:
        """The article writes the entity once more (MENTIONED_IN ``count``)."""
        self.result.mentions[(eid, article.id)] += 1

    def seen(self, eid: str, article: Article) -> None:
        """The entity is in the article (a post's holder, a body's territory), counted where written."""
        self.result.mentions.setdefault((eid, article.id), 1)

    def relate(self, source: str, rtype: str, target: str, article: Article | None, sentence: str | None,
               **props) -> None:
        said = tuple((k, str(props[k])) for k in STATEMENT_PROPS if props.get(k))
        ev = [Evidence(article.id, sentence, said)] if article is not None and sentence else []
        self.result.relations.append(Relation(source, rtype, target, ev, props))

    def add(self, relations: list[Relation]) -> None:
        self.result.relations.extend(relations)


def sentence_mentions(col: Collector, s: Sentence, lex: Lexicon) -> None:
    """The places, bodies, people and programs of a sentence, and the relations its words state."""
    art = s.article
    for m in s.places:
        pid = col.entity(PLACE, m.canonical, m.text, level=m.level)
        if m.compound:
            col.result.entities[pid].aliases.add(m.compound)
        col.mention(pid, art)
    for inner, rtype, outer in located_in(s.places, s.text):
        col.relate(node_id(PLACE, inner.canonical), rtype, node_id(PLACE, outer.canonical), art, s.text,
                   basis="text")
    for m in s.bodies:
        if has_no_owner(m.canonical, lex):
            col.mention(_scoped_body(col, m.canonical, art), art)  # 县委 of a story that names no county
            continue
        col.mention(col.entity(ORGANIZATION, m.canonical, m.text), art)
        locate_body(col, art, s.text, m.canonical, lex)
    for m in s.people:
        col.mention(col.entity(PERSON, _name(m.text)), art)
    for m in s.programs:
        written = strip_quotes(m.text)
        # 《…条例（修订草案）》 is the 条例: a stage of the document is no part of its name.
        m.canonical = DOCUMENT_STAGE.sub("", re.sub(r"\s+", " ", written).strip()) or written
        col.mention(col.entity(PROGRAM, m.canonical, written), art)
    # 全区/全市 give a scope ("在全市首家荣获"), never the actor.
    actors = [a for a in s.bodies + [p for p in s.places if p.level != "site"] + s.anaphors
              if a.canonical and not a.text.startswith("全")]
    text = s.tagged.text
    for src, rtype, dst in program_relations(text, s.programs, actors) + cooperation(text, actors):
        target = node_id(PROGRAM, dst.canonical) if dst.label == PROGRAM else _actor_id(dst)
        col.relate(_actor_id(src), rtype, target, art, s.text)
    for a in s.anaphors:
        col.mention(_actor_id(a), art)


def holding(col: Collector, h: PostHolding, ctx: Context, lex: Lexicon) -> None:
    """Person -HOLDS_ROLE-> Role -ROLE_IN-> body (or territory), with the body's place and parents."""
    art, post = h.article, h.post
    pid = col.entity(PERSON, _name(h.person))
    col.seen(pid, art)
    body_key = post.body
    if post.body and has_no_owner(post.body, lex):
        body_key = f"{post.body}@{art.id}"  # a body of this article alone (_scoped_body)
    rid = role_id(post.title, body_key, scope=None if post.body else art.id)
    col.entity(ROLE, post.title, eid=rid, title=post.title)
    col.result.entities[rid].aliases |= {a for a in post.aliases if a}
    col.seen(rid, art)
    props: dict[str, object] = {"status": h.status}
    if h.event:
        props["event"] = h.event
    event_date = iso_date(h.date_text, int(art.date[:4]) if art.date else None)
    if not event_date and h.event:
        event_date = opening_date(art) or ""  # 6月1日，…闭幕。会议选举…: on the day the text opens with
    if event_date:
        props["event_date"] = event_date
    if art.date:
        props["date"] = art.date
    col.relate(pid, HOLDS_ROLE, rid, art, h.sentence, **props)
    # Where the post is: keeps two people of one name in two counties apart (graph.build).
    territory = post.territory or ctx.home("区") or ctx.home("县") or ctx.home("市")
    if territory and post.kind != "press":
        col.result.entities[pid].props.setdefault("territory", territory)
    if not post.body:
        return
    if body_key != post.body:
        oid = _scoped_body(col, post.body, art, post.body_label)
    else:
        oid = col.entity(post.body_label, post.body, eid=node_id(post.body_label, body_key))
    col.result.entities[oid].aliases |= post.body_aliases
    if post.written:
        col.seen(oid, art)  # 副县长 implies its people's government; it is not written there
    col.relate(rid, ROLE_IN, oid, art, h.sentence)
    if post.body_label == ORGANIZATION and body_key == post.body:
        locate_body(col, art, h.sentence, post.body, lex)
        child = post.body
        for parent in post.parents:
            if has_no_owner(parent, lex):
                break  # 政协 of 政协党组 in a story that never says whose
            col.seen(col.entity(ORGANIZATION, parent), art)
            col.relate(node_id(ORGANIZATION, child), PART_OF, node_id(ORGANIZATION, parent), art, h.sentence,
                       basis="name")
            child = parent


def locate_body(col: Collector, art: Article, sentence: str, body: str, lex: Lexicon) -> None:
    """A body sits in the territory its name starts with: 卫东区人民政府 → 卫东区."""
    found = body_territory(body, lex)
    if found is None:
        return
    place, written, level = found
    pid = col.entity(PLACE, place, written, level=level)
    col.seen(pid, art)
    col.relate(node_id(ORGANIZATION, body), LOCATED_IN, pid, art, sentence, basis="name")


def given_name_aliases(col: Collector, art: Article, pairs: list[tuple[str, str]]) -> None:
    for person, alias in pairs:
        pid = node_id(PERSON, _name(person))
        if pid in col.result.entities:
            col.result.entities[pid].aliases.add(alias)
            col.mention(pid, art)


def bylines(col: Collector, articles: list[Article], lex: Lexicon) -> None:
    """AUTHORED for every credit; a press post (记者, 通讯员, 编辑…) for those who hold one.

    The post belongs to the outlet the article names (its lead, 星沙时报讯, for the
    reporters of the lead; its source line, 来源：中原网, for the editors), else it
    stays with that article's byline: one 记者 node must not join every article of a corpus.
    """
    for art in articles:
        dispatch = outlet_name(art.lead)
        site = outlet_name(art.outlet)
        for outlet in {dispatch, site} - {None}:
            col.mention(col.entity(ORGANIZATION, outlet), art)  # 来源：中原网, 新华社…电: named
        for b in art.bylines:
            pid = col.entity(PERSON, b.person)
            col.mention(pid, art)
            col.relate(pid, AUTHORED, art.id, art, None, credit=b.role)
            core = next((b.role[len(q):] for q in lex.qualifiers if b.role.startswith(q) and len(b.role) > len(q)),
                        b.role)  # 实习记者 is a 记者
            title = lex.titles.get(core)
            if title is None or title.kind != "press" or b.role == "摄影":
                continue  # a photo credit (高鸿勋 摄) credits the picture, it is no post
            outlet = (_full_outlet(dispatch, site) if core in ("记者", "通讯员") else site or dispatch)
            outlet = _desk_outlet(b.desk, outlet)
            written = in_script_of(art.body or art.title, b.role)  # 編輯 on a page in traditional characters
            rid = role_id(written, outlet, scope=None if outlet else art.id)
            col.entity(ROLE, written, eid=rid, title=written)
            col.seen(rid, art)
            col.relate(pid, HOLDS_ROLE, rid, None, None, status="current")
            if outlet:
                oid = col.entity(ORGANIZATION, outlet)
                col.seen(oid, art)
                col.relate(rid, ROLE_IN, oid, None, None)


def _scoped_body(col: Collector, name: str, art: Article, label: str = ORGANIZATION) -> str:
    """县委 in a story that never names its county: a body of that article alone, as written, so
    that it never joins the 县委 of another story."""
    oid = col.entity(label, name, eid=node_id(label, f"{name}@{art.id}"))
    col.result.entities[oid].props.setdefault("scope", art.id)
    return oid


def _desk_outlet(desk: str, outlet: str | None) -> str | None:
    """Where a byline's desk puts its people: the medium it names (兵团日报全媒体记者 → 兵团日报),
    a station of the article's outlet (祁阳分站记者 under 红网…讯 → 红网祁阳分站), else the outlet."""
    named = outlet_name(desk)
    if named:
        return named
    if outlet and to_simplified(desk).endswith("站") and len(desk) >= 3:
        return outlet + desk
    return outlet


def _full_outlet(dispatch: str | None, site: str | None) -> str | None:
    """The lead's outlet, by its full name when the source line spells it out: 桑植融媒…讯 under
    来源：桑植县融媒体中心 is that centre (the short name's characters, in order, in the full one)."""
    if dispatch and site and len(site) > len(dispatch) and dispatch[0] == site[0]:
        rest = iter(to_simplified(site))
        if all(c in rest for c in to_simplified(dispatch)):
            return site
    return dispatch or site


def _name(written: str) -> str:
    """A person's name without layout spaces (王 慧 of an aligned list is 王慧)."""
    return re.sub(r"\s+", "", written)


def _actor_id(m: Mention) -> str:
    return node_id(m.label, m.canonical)

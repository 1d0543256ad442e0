"""The posts pass: who holds which post, in which body, as each sentence says it.

For one sentence: its post phrases (found by the title grammar in the mentions
pass) are read in chains (县委副书记、县长); each phrase becomes one post in one
body (offices.py: the phrase, the post before it, the sentence's territories,
the article's); the holders are linked to them (holders.py). The result is a
``PostHolding`` per person and post, with its status and evidence; careers.py
then reads an article's holdings in order to settle what is former.
"""

from __future__ import annotations

import re

from govkg.extract.context import Context
from govkg.extract.holders import Name, Passage, chains, link
from govkg.extract.lexicon import Lexicon
from govkg.extract.offices import Memory, body_as_host, resolve_post
from govkg.extract.records import Mention, Post, PostHolding, Sentence
from govkg.extract.titles import PostPhrase
from govkg.graph.schema import ORGANIZATION

# Bodies written without a territory that live inside another body (党组, 组织部, 审判委员会).
_HOSTED_KINDS = ("organ", "cell", "court-organ", "unit", "congress-organ")


def posts_of_sentence(s: Sentence, ctx: Context, lex: Lexicon, passage: Passage, order: int = 0
                      ) -> list[PostHolding]:
    """The holdings one sentence states, its posts resolved in the article's context."""
    ts = s.tagged
    names = [Name(m.start, m.end, m.text) for m in s.people]  # as written
    memory = Memory()
    resolved: dict[int, Post] = {}
    last: Post | None = None
    last_object: Post | None = None  # the last post written after 为 (X为Y)
    last_end = 0
    places = sorted((m for m in s.places if m.level not in ("", "site")), key=lambda m: m.start)
    for chain in chains(ts.text, s.posts, names, lex):
        # The territories the sentence names before the chain (五玉里社区任“第一书记”).
        named_between = False
        for m in places:
            if last_end <= m.start and m.end <= chain[0].start:
                memory.by_level[m.level] = m.canonical or m.text
                # …as a place of its own, not as the territory of another post (岳阳市委副书记李四为副团长)
                named_between = named_between or not any(p.start <= m.start and m.end <= p.end for p in s.posts)
        # A bare title after another person's post takes that post's body (主任詹积富、副主任张知通;
        # 莊樹俊當選為市政協主席，徐小莉…當選副主席), unless a territory named between them is its own.
        before = last if (chain[0].bare or _needs_host(chain[0], lex)) and not named_between \
            and not _describes_the_subject(ts.text, last_end, chain[0], names) else None
        host = (_body_before_name(chain[0], names, s.bodies) or _body_before_cue(ts.text, chain[0], s.bodies)) \
            if chain[0].bare or _needs_host(chain[0], lex) else None
        if host is not None:
            # 市妇联郑玉梅主席, 鄂城区院周国旗院长: the body written before the name is the title's.
            before = body_as_host(host.canonical or host.text, lex)
        after_wei = ts.text.endswith("为", 0, chain[0].start)
        if after_wei and chain[0].bare and last_object is not None:
            # 推选张三为代表团团长；…李四为副团长: the post of the clause like it, not the posts
            # that describe 李四 in between.
            before = last_object
        for post in chain:
            before = resolved[id(post)] = resolve_post(post, s.text, lex, ctx, memory, before)
            if before.body and before.body_label == ORGANIZATION:
                # 院党组 later in the article may mean this court (宁城县法院党组书记: the court too).
                for body in [*reversed(before.parents), before.body]:
                    ctx.named(body, at=post.start)
        last = before
        last_end = chain[-1].end
        if after_wei:
            last_object = before
    # (the next sentences' bare level words may mean the territories this one named last)
    for m in places:
        ctx.last_named[m.level] = m.canonical or m.text
    for level, name in memory.by_level.items():
        ctx.last_named[level] = name
    out = []
    for i, h in enumerate(link(ts.text, s.posts, names, lex, passage)):
        # The holder may be named in an earlier sentence (曾任… with no name): its own text.
        out.append(PostHolding(h.person.text, resolved[id(h.post)], s.article, s.text, h.status, h.event,
                               explicit=h.explicit, date_text=h.date_text, concurrent=h.concurrent,
                               order=order * 1000 + i, cue=h.cue, session=h.session))
    return out


def _describes_the_subject(text: str, last_end: int, post: PostPhrase, names: list[Name]) -> bool:
    """…中医医院院长吴某当选为主任委员: the posts before the name describe the one elected, the bare
    title after the cue is of the body that elects (not the hospital)."""
    name = next((n for n in names if n.start == last_end), None)
    return name is not None and bool(re.fullmatch(r"(?:同志)?(?:当选为?|被选为|任|担任|出任)", text[name.end: post.start]))


def _body_before_name(post: PostPhrase, names: list[Name], bodies: list[Mention]) -> Mention | None:
    """The body mention written right before the name that is right before ``post``."""
    name = next((n for n in names if n.end == post.start), None)
    if name is None:
        return None
    return next((b for b in bodies if b.end == name.start), None)


# X到B任P, X在B担任P: the body a person goes to or works in, then the post taken there.
_AT_BODY = ("到", "在", "赴", "进入", "调入", "调到", "调至")
_TAKES = ("任", "担任", "出任", "工作任", "工作，任")


def _body_before_cue(text: str, post: PostPhrase, bodies: list[Mention]) -> Mention | None:
    """马宇骏离开…到河北省民族宗教事务厅任党组成员: the body written before the cue, after 到/在."""
    for body in bodies:
        if text[body.end: post.start] in _TAKES and text.endswith(_AT_BODY, 0, body.start):
            return body
    return None


def _needs_host(post: PostPhrase, lex: Lexicon) -> bool:
    """党组副书记, 组织部部长: a body written without its territory that lives inside another body."""
    if post.territories or post.prefix or not post.bodies:
        return False
    forms = lex.bodies.get(post.bodies[0].text)
    return bool(forms) and forms[0].kind in _HOSTED_KINDS

"""The mentions pass: what each sentence of a page names, before anything is resolved.

Programs first (a quoted program's words are not places or bodies of their
own: 千镇万村 in “百县千镇万村高质量发展工程”), then places, bodies, post phrases and
people. The finders are in their own modules (programs.py, places.py,
bodies.py, titles.py, people.py); this pass only orders them and keeps what
the page as a whole says (the short forms of its places are not people).
"""

from __future__ import annotations

from govkg.extract.bodies import find_bodies
from govkg.extract.lexicon import Lexicon
from govkg.extract.normalize import to_simplified
from govkg.extract.people import find_people
from govkg.extract.places import find_places
from govkg.extract.programs import find_programs
from govkg.extract.records import Mention, Sentence
from govkg.extract.territory import Span
from govkg.extract.titles import find_posts


def find_mentions(page: list[list[Sentence]], lex: Lexicon) -> None:
    """Fill in the mentions of every sentence of a page (articles in order, sentences in order)."""
    for sentences in page:
        for s in sentences:
            s.programs = find_programs(s.tagged, lex)
            s.places = [p for p in find_places(s.tagged, lex)
                        if not _inside_quoted(p, s.programs, ("rule:book-title", "rule:quoted-activity"))]
    stems = place_stems(page, lex)
    for sentences in page:
        for s in sentences:
            ts = s.tagged
            # (a dateline lead names its outlet, which the bylines pass takes: 桑植融媒3月8日讯)
            s.bodies = [] if s.text == s.article.lead else \
                [b for b in find_bodies(ts, lex, s.places) if not _inside_quoted(b, s.programs)]
            _corps_divisions(s)
            territories = [Span(m.start, m.end, ts.text[m.start:m.end], "territory", m.level) for m in s.places
                           if m.level not in ("", "site")]
            s.posts = find_posts(ts.text, lex, char_tags=ts.char_tag, token_starts=ts.token_start,
                                 token_ends=ts.token_end, places=territories)
            # (巴音查干|图|苏木: a name of the model's inside a territory a rule read around it is none)
            s.people = [n for n in find_people(ts, lex, stems, s.posts)
                        if not any(p.start <= n.start and n.end < p.end and p.source in _READ_AROUND_NAMES
                                   for p in s.places)]
            # 副县长拉|毛措: a word the model reads as a place inside a person's name is the person's,
            # as is one it glued to a title before the name (区|长冀岩).
            s.places = [p for p in s.places if not any(n.start <= p.start and p.end <= n.end for n in s.people)
                        and not any(p.start < post.end == n.start < p.end for post in s.posts for n in s.people)]
            s.bodies = [b for b in s.bodies if not _inside_a_posts_body(b, s.posts)]
            # Mentions carry the text as written (traditional stays traditional).
            for m in s.places + s.bodies + s.people + s.programs:
                if m.compound:
                    m.compound = s.text[m.end - len(m.compound): m.end]
                m.text = s.text[m.start:m.end]
    # 韦国党(右二)帮…: a word the model reads as a body that is a person of the page is that person.
    people = {m.text for sentences in page for s in sentences for m in s.people}
    for sentences in page:
        for s in sentences:
            s.bodies = [b for b in s.bodies if b.text not in people]


# Places whose rules read past the model's words, names included (places.py).
_READ_AROUND_NAMES = ("rule:suffix-split", "rule:after-territory")


def place_stems(page: list[list[Sentence]], lex: Lexicon) -> set[str]:
    """Short forms of the page's places (卫东 of 卫东区): never people (compared simplified)."""
    names = {to_simplified(m.text) for sentences in page for s in sentences for m in s.places
             if m.level != "site"}
    stems = {p[: -len(sfx)] for p in names for sfx in lex.place_suffixes
             if p.endswith(sfx) and len(p) > len(sfx) + 1}
    return stems | {p[:2] for p in names if len(p) >= 3}


def _corps_divisions(s: Sentence) -> None:
    """新疆生产建设兵团第一师: a division written after the Corps is the Corps' unit, one body of that
    name (a division written alone, 第八师石河子市, stays a territory)."""
    for b in s.bodies:
        if not to_simplified(b.text).endswith("兵团"):
            continue
        division = next((p for p in s.places if p.start == b.end and p.level == "师"), None)
        if division is not None:
            b.end = division.end
            s.places.remove(division)


def _inside_a_posts_body(body: Mention, posts) -> bool:
    """共青团 of 共青团丽水市委书记: a word that only begins the body a post names (the post's body is
    mentioned where the post is resolved)."""
    for post in posts:
        written = [p for p in post.parts if p.kind == "body"]
        if written and post.start <= body.start and body.end < written[-1].end <= post.end:
            return True
    return False


def _inside_quoted(m: Mention, programs: list[Mention], keeps: tuple[str, ...] = ("rule:book-title",)) -> bool:
    """A name inside a program's is the program's (“美丽中国”), but one inside a book's title is
    still named (and a place inside an activity named for where it goes: “走进闽西南”采访活动)."""
    return any(p.start <= m.start and m.end <= p.end and p.source not in keeps for p in programs)

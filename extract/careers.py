"""Careers: reading an article's holdings in order to settle which posts are former.

A sentence says how it holds a post when it writes a cue (曾任, 免去, 拟任, 原…);
otherwise the post is current for that sentence. An article says more:

- a career written with dates (2013年1月升任副省长，2017年5月任省委常委…，去年7月任…)
  is a sequence: a post is former once a later date gives the person another
  post, unless the later one is held beside it (兼任);
- 现任 contrasts with the rest: 焦彦龙（现任河北省人大常委会副主任）makes the posts
  the same sentence gives him (唐山市委书记) former;
- one post named twice in an article has one status there: a written one wins
  over an assumed one (此前任X … 2020年任X: former).
"""

from __future__ import annotations

import re
from collections import defaultdict

from govkg.extract.normalize import to_simplified
from govkg.extract.records import PostHolding
from govkg.graph.schema import role_id

_DATE = re.compile(r"(?:(?P<year>(?:19|20)\d{2})年|(?P<rel>[去今前])年|(?P<seq>同年|次年|翌年))?"
                   r"(?:(?P<month>\d{1,2})月|(?P<part>初|底|年初|年底)|(?P<mseq>次月|同月))?")
_DOTTED = re.compile(r"((?:19|20)\d{2})\.(\d{1,2})(?!\d)")
_NOW = ("近日", "日前", "目前", "如今")
_AFTER = ("随后", "此后", "其后", "之后", "后来")
_SESSION = re.compile(r"第?[一二三四五六七八九十百〇零两0-9]+[届屆]")
_STRENGTH = {"former": 3, "proposed": 2, "current": 1}


def date_key(text: str, article_year: int | None, before: tuple[int, int] | None = None
             ) -> tuple[int, int] | None:
    """(year, month) of a clause date: 2019年5月 → (2019, 5); 去年7月 in a 2021 article → (2020, 7);
    同年8月, 次年1月, 次月 after the date ``before``."""
    if text in _NOW:
        return (article_year, 13) if article_year else None  # 近日已出任…: the latest there is
    if text in _AFTER:
        # 随后…担任唐山市市长: after the date before it, before the next one
        return (before[0], before[1] + 0.5) if before else None
    text = _DOTTED.sub(r"\1年\2月", text or "")  # 1995.03 of a résumé is 1995年3月
    m = next((m for m in _DATE.finditer(text) if m.group()), None)
    if not m:
        return None
    month = int(m.group("month")) if m.group("month") else {"初": 1, "年初": 1, "底": 12, "年底": 12}.get(
        m.group("part") or "", 0)
    if m.group("year"):
        return int(m.group("year")), month
    if m.group("rel"):
        if article_year is None:
            return None
        return article_year - {"去": 1, "今": 0, "前": 2}[m.group("rel")], month
    if before is None:
        return None
    if m.group("seq"):
        return before[0] + (0 if m.group("seq") == "同年" else 1), month
    if m.group("mseq") == "次月":
        return (before[0] + 1, 1) if before[1] == 12 else (before[0], before[1] + 1)
    return before  # 同月


def iso_date(text: str, article_year: int | None) -> str:
    """The clause date as ISO text (2019-05, 2020), or empty when it cannot be known."""
    key = date_key(text, article_year)
    if key is None:
        return ""
    # 近日 sorts after every month of its year (13) but names none: the year alone.
    return f"{key[0]:04d}-{key[1]:02d}" if 1 <= key[1] <= 12 else f"{key[0]:04d}"


def _year_of(holding: PostHolding) -> int | None:
    date = holding.article.date or ""
    return int(date[:4]) if date[:4].isdigit() else None


def _post_key(h: PostHolding) -> str:
    return role_id(h.post.title, h.post.body)


def settle(holdings: list[PostHolding]) -> None:
    """Set the status of each holding of one article from what the article says as a whole."""
    dates = _dates_in_order(holdings)
    _older_sessions(holdings)
    by_person: dict[str, list[PostHolding]] = defaultdict(list)
    for h in holdings:
        by_person[to_simplified(h.person)].append(h)
    for own in by_person.values():
        own.sort(key=lambda h: h.order)
        _contrast_with_current(own)
        _dated_sequence(own, dates)
        _career_after_introduction(own, dates)
        _one_status_per_post(own)


def _dates_in_order(holdings: list[PostHolding]) -> dict[int, tuple[int, int]]:
    """The date of each holding, read in the article's order: 同年, 次年 and 次月 count from the
    date before them, 随后 (随后…担任唐山市市长) follows it, 近日 is the latest there is."""
    dates: dict[int, tuple[int, int]] = {}
    last = None
    for h in sorted(holdings, key=lambda h: h.order):
        key = date_key(h.date_text, _year_of(h), last)
        if key is not None:
            last = key if h.date_text not in _NOW else last
            dates[id(h)] = key
    return dates


def _older_sessions(holdings: list[PostHolding]) -> None:
    """七届州政协主席 in a report on the 十届 session: a post of an earlier session is former."""
    if not holdings:
        return
    from govkg.extract.holders import session_number

    art = holdings[0].article
    sessions = [session_number(m.group()) for m in _SESSION.finditer(f"{art.title}{art.kicker}{art.body}")]
    latest = max((n for n in sessions if n), default=None)
    for h in holdings:
        if latest and h.session and h.session < latest and not h.explicit:
            h.status, h.explicit = "former", True


def _contrast_with_current(own: list[PostHolding]) -> None:
    """焦彦龙（现任河北省人大常委会副主任）: his other posts in that sentence are former."""
    for h in own:
        if h.explicit and h.status == "current":
            for other in own:
                if other.sentence == h.sentence and not other.explicit and other is not h \
                        and _post_key(other) != _post_key(h):
                    other.status, other.explicit = "former", True


def _dated_sequence(own: list[PostHolding], dates: dict[int, tuple[int, int]]) -> None:
    """A dated post is former once a later date gives the person another post (not one held beside)."""
    dated = [(dates[id(h)], h) for h in own if id(h) in dates]
    for d, h in dated:
        if h.explicit or h.status != "current":
            continue
        later = [h2 for d2, h2 in dated if d2 > d and h2.status != "proposed" and _post_key(h2) != _post_key(h)
                 and not _member_of_its_body(h, h2)]
        if any(not h2.concurrent for h2 in later):
            h.status = "former"


def _career_after_introduction(own: list[PostHolding], dates: dict[int, tuple[int, int]]) -> None:
    """昌平区委书记某，1985年某大学毕业后留校，…任学校团委书记: a sentence that introduces a person by
    a post (a title before the name) and then dates another taken by a cue tells a career — the
    dated post is former (not one held beside, 兼任, nor one dated in the article's own year)."""
    for h in own:
        if h.explicit or h.status != "current" or not h.cue or h.concurrent or id(h) not in dates:
            continue
        year = _year_of(h)
        if year is not None and dates[id(h)][0] >= year - 1:
            continue
        if any(h0.sentence == h.sentence and not h0.cue and h0.order <= h.order and _post_key(h0) != _post_key(h)
               for h0 in own):
            h.status = "former"


def _member_of_its_body(h: PostHolding, later: PostHolding) -> bool:
    """党委常委, then 政法委书记 of that 党委: a seat on the committee is kept by a post inside it."""
    return h.post.kind == "member" and h.post.body is not None and (
        h.post.body == later.post.body or h.post.body in later.post.parents)


def _one_status_per_post(own: list[PostHolding]) -> None:
    """One post named twice has one status in the article: written beats assumed, then former,
    proposed, current in that order."""
    by_post: dict[str, list[PostHolding]] = defaultdict(list)
    for h in own:
        by_post[_post_key(h)].append(h)
    for same in by_post.values():
        if len(same) < 2:
            continue
        best = max(same, key=lambda h: (h.explicit, _STRENGTH.get(h.status, 0)))
        for h in same:
            h.status = best.status

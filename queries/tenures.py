"""Tenures: who held a post when, read from the dated sentences of a corpus.

Every evidence item of a HOLDS_ROLE edge is one **observation**: a sentence, in an article of
some date, that says the person holds the post (status ``current``), held it (``former``) or is
proposed for it (``proposed``), and, when the text says so, what happened (``event``: appointed,
elected, moved, removed, succeeded, proposed) and when (``event_date``): extraction keeps what
each sentence says on its item (``graph.schema.STATEMENT_PROPS``); an item without it (an older
or hand-made graph file) takes its edge's.

Read in date order, a person's observations of one post make tenures:

- a tenure **opens** at an appointment, election or move into the post (at the event's date,
  else the article's) or, failing one, at the first article that shows the person in it;
- it is **seen** in every article that shows the person holding it (first and last seen);
- it **closes** at a removal or a succession (exactly then: at the event's date, else the
  article's), or by an article that calls the post former (原县长, 曾任: at or before that
  article's date, the corpus does not say when);
- a move (调任, 转任, 改任) is written on the post moved into: it opens that one and closes,
  on its date, the person's other posts still open then (but a seat, 常委 or 委员, on the new
  post's body); an acting post (代县长, 代理县长) closes when the same person is known in the
  full title of the same body;
- a close with nothing open before it is a tenure whose start the corpus does not give (a
  removal of a post nobody was seen holding); a sighting after a close opens a new tenure;
- a proposal (拟任, 提名) opens nothing: a post only ever proposed is listed as proposed.

Dates are ISO as the corpus gives them, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial date
stands for all its days. A post is **held on** a date D when a tenure of it started on or before
D (its first day is no later than D's last) and did not close before D (its close's last day is
not earlier than D's first): on its closing day it is still held. A tenure a former sentence in an
undated article ends is held only as far as it is seen (its start, its last sighting). A date in the graph that is not
one of those forms is never guessed: the observation stays undated and says why.

Both query backends read the same ``Holding`` rows (queries.local from the graph file,
queries.neo4j.helpers with one Cypher statement) and pass them to ``tenures``, so their answers
are equal.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

from govkg.graph.schema import STATEMENT_PROPS
from govkg.queries.dates import When, parse_when
from govkg.queries.records import CURRENT, Evidence, Tenure, TenureEvent

FORMER, PROPOSED = "former", "proposed"
#: Events that put a person into a post, and those that take them out of it.
#: A move (调任X) is written on the post moved into; it ends the others (``_across_posts``).
OPENING = ("appointed", "elected", "moved")
CLOSING = ("removed", "succeeded")
#: How a tenure started without an event, and how it ended without one.
SEEN, FULL_TITLE = "seen", "full title"

# ----------------------------------------------------------------------- what the backends read

@dataclass(frozen=True)
class Holding:
    """One HOLDS_ROLE edge as either backend reads it, with its evidence items as stored."""

    person_id: str
    person: str
    role_id: str
    title: str
    body_id: str | None
    body: str | None
    body_label: str | None
    facts: Mapping[str, Any]  # the edge's own status, event, event_date and date
    evidence: tuple[Mapping[str, Any], ...]


def holding_facts(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The edge properties an item without its own statement falls back on (``STATEMENT_PROPS``)."""
    return {k: attrs.get(k) for k in STATEMENT_PROPS if attrs.get(k) is not None}


def cited_articles(holdings: Iterable[Holding]) -> set[str]:
    """The article ids the holdings' evidence cites (whose dates ``tenures`` needs)."""
    return {str(e.get("article")) for h in holdings for e in h.evidence if e.get("article")}


# ----------------------------------------------------------------------- observations and marks

@dataclass(frozen=True)
class _Mark:
    kind: str  # open, seen, close, proposed
    when: When
    event: TenureEvent
    exact: bool = True  # a close: exactly then (an event), or at or before (a former post)

    def order(self) -> tuple:
        return (self.when.first, ("open", "seen", "proposed", "close").index(self.kind), self.when.last)


def _events(holding: Holding, dates: Mapping[str, str]) -> list[tuple[TenureEvent, list[_Mark]]]:
    """Each observation as an event, with the marks it puts on the post's time line."""
    items = list(holding.evidence) or [{}]  # a post with no evidence (a byline's) is its edge alone
    out = []
    for item in items:
        facts = item if item.get("status") else holding.facts  # a statement is an item with a status
        status = str(facts.get("status") or CURRENT)
        event = str(facts.get("event") or "")
        event_date = str(facts.get("event_date") or "")
        article = str(item.get("article") or "")
        # The article's own date, else the one the statement carries.
        article_date = str((dates.get(article) if article else None) or facts.get("date") or "")
        notes = []
        seen_at = parse_when(article_date)
        if article_date and seen_at is None:
            notes.append(f"the date of {article or 'its article'} ({article_date!r}) is not a date")
        happened = parse_when(event_date)
        if event_date and happened is None:
            notes.append(f"the date the sentence gives ({event_date!r}) is not a date")
        marks: list[tuple[str, When | None, bool]] = []  # (kind, when, exact)
        if status == PROPOSED:
            marks.append(("proposed", happened or seen_at, True))
        else:
            if event in OPENING and (status == CURRENT or happened is not None):
                marks.append(("open", happened or seen_at, True))
            if status == CURRENT:
                marks.append(("seen", seen_at, True))
            if status == FORMER:
                exact = event in CLOSING
                marks.append(("close", (happened or seen_at) if exact else seen_at, exact))
        marks = [m for m in marks if m[1] is not None]
        principal = marks[0] if marks else None  # the opening, else the close or the sighting
        record = TenureEvent(
            date=principal[1].text if principal else "",
            kind=PROPOSED if status == PROPOSED else event or (FORMER if status == FORMER else SEEN),
            status=status, by=bool(principal and principal[0] == "close" and not principal[2]),
            evidence=Evidence(article, str(item.get("sentence") or "")), article_date=article_date,
            event_date=event_date, note="; ".join(notes))
        out.append((record, [_Mark(kind, when, record, exact) for kind, when, exact in marks]))
    return out


# ----------------------------------------------------------------------- tenures

@dataclass
class _Open:
    marks: list[_Mark] = field(default_factory=list)
    events: list[TenureEvent] = field(default_factory=list)
    close: _Mark | None = None
    ended_undated: bool = False  # a former sentence in an undated article ends it, who knows when


def _walk(marks: list[_Mark]) -> list[_Open]:
    """Marks in date order → tenures: sightings and openings extend the open tenure (or open a
    new one after a close); the first close ends it, later ones are more evidence of that end; a
    proposal goes with the tenure it precedes."""
    spans: list[_Open] = []
    for m in sorted(marks, key=_Mark.order):
        closed = not spans or spans[-1].close is not None
        if m.kind == "close":
            if not spans:
                spans.append(_Open())  # a removal of a post nobody was seen holding
            if spans[-1].close is None:
                spans[-1].close = m
        elif closed:
            spans.append(_Open())
        spans[-1].marks.append(m)
    return spans


def _start(span: _Open) -> _Mark | None:
    """The tenure's first opening or sighting; among those overlapping the earliest, an event
    before a sighting and the most precise date (2021-06-02 elected rather than 2021-06)."""
    held = [m for m in span.marks if m.kind in ("open", "seen")]
    if not held:
        return None
    earliest = min(held, key=_Mark.order)
    near = [m for m in held if m.when.first <= earliest.when.last]
    return min(near, key=lambda m: (m.kind != "open", m.when.last - m.when.first, m.when.first))


def tenures(holdings: Sequence[Holding], article_dates: Mapping[str, str]) -> list[Tenure]:
    """The tenures of the holdings (one Holding per person, post and body), in no set order.

    ``article_dates`` maps article ids to their ``date``. What one post's dates say about the
    same person's others (acting and full titles, moves) is read across the holdings given.
    """
    out: list[Tenure] = []
    for h in holdings:
        observed = _events(h, article_dates)
        spans = _walk([m for _, marks in observed for m in marks]) or [_Open()]
        for span in spans:
            span.events = [m.event for m in span.marks]
        for event, marks in observed:
            if marks:
                continue
            # An undated sentence joins the first tenure; an undated former one ends the last
            # tenure it can (at a date the corpus does not give) unless a dated close did.
            if event.status == FORMER:
                span = next((s for s in reversed(spans) if s.close is None), spans[-1])
                span.ended_undated = span.close is None
                span.events.append(event)
            else:
                spans[0].events.append(event)
        for event, marks in observed:
            if event.status == FORMER and marks and not any(m.kind == "close" for m in marks):
                span = next(s for s in spans if any(m.event is event for m in s.marks))
                span.ended_undated = span.close is None
        for span in spans:
            span.events = sorted(set(span.events), key=_event_order)
            out.append(_tenure(h, span))
    return _across_posts(out)


def _event_order(e: TenureEvent) -> tuple:
    when = parse_when(e.date)
    return (when is None, when.first if when else dt.date.min, e.evidence.article, e.evidence.sentence, e.kind)


def _tenure(h: Holding, span: _Open) -> Tenure:
    start = _start(span)
    seen = sorted((m.when for m in span.marks if m.kind == "seen"), key=lambda w: w.first)
    proposed_only = bool(span.events) and all(e.status == PROPOSED for e in span.events)
    close = span.close
    return Tenure(
        person_id=h.person_id, person=h.person, role_id=h.role_id, title=h.title,
        body_id=h.body_id, body=h.body, body_label=h.body_label,
        start=start.when.text if start else "",
        start_event=(start.event.kind if start.kind == "open" else SEEN) if start else "",
        end=close.when.text if close else "",
        end_event=(close.event.kind if close.exact else FORMER) if close else FORMER if span.ended_undated else "",
        end_exact=bool(close and close.exact),
        first_seen=seen[0].text if seen else "", last_seen=seen[-1].text if seen else "",
        proposed=proposed_only, events=tuple(span.events))


# ----------------------------------------------------------------------- across a person's posts

@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """From the extraction lexicon: the qualifiers meaning acting (代, 代理), the title cores,
    and the cores of a seat on a body (常委, 委员: kind member)."""
    from govkg.extract.lexicon import default_lexicon

    lex = default_lexicon()
    acting = tuple(sorted((q for q, meaning in lex.qualifiers.items() if meaning == "acting"),
                          key=len, reverse=True))
    seats = tuple(core for core, t in lex.titles.items() if t.kind == "member")
    return acting, tuple(lex.titles), seats


def full_title(title: str) -> str | None:
    """The post an acting title stands in for (代县长, 代理县长 → 县长), else None (代表 is no acting title)."""
    acting, cores, _ = _words()
    for word in acting:
        rest = title[len(word):]
        if title.startswith(word) and rest and any(rest.endswith(core) for core in cores):
            return rest
    return None


def title_family(title: str) -> tuple[str, ...]:
    """A post's title with its acting forms: 县长 → (县长, 代县长, 代理县长), and 代县长 the same."""
    base = full_title(title) or title
    acting, _, _ = _words()
    return tuple(dict.fromkeys([base, *(word + base for word in acting)]))


def _is_seat(title: str) -> bool:
    return any(title.endswith(core) for core in _words()[2])


def _earliest(t: Tenure) -> When | None:
    """The first date a tenure is known by: its start, else its first sighting, else its end."""
    return parse_when(t.start) or parse_when(t.first_seen) or parse_when(t.end)


def _still_open(t: Tenure, when: When) -> bool:
    """Open at ``when``: begun before it and not closed, or closed only "by" a date not before it."""
    began = parse_when(t.start)
    if t.proposed or began is None or began.first >= when.first:
        return False
    end = parse_when(t.end)
    return end is None or (not t.end_exact and end.last >= when.last)


def _across_posts(found: list[Tenure]) -> list[Tenure]:
    """What one post's dates say about the same person's others.

    - An acting post (代县长) still open when the same person is known in the full title of the
      same body (县长) ends then: at the full title's start, or by the first date it is known by.
    - A move (调任, 转任, 改任: the event is written on the post moved into) ends, on its date,
      the person's other posts open then, but a seat (常委, 委员) on the new post's body.
    """
    by_key: dict[tuple[str, str | None, str], list[Tenure]] = {}
    moves: dict[str, list[tuple[When, Tenure]]] = {}
    for t in found:
        by_key.setdefault((t.person_id, t.body_id, t.title), []).append(t)
        for e in t.events:
            when = parse_when(e.date)
            if e.kind == "moved" and e.status != PROPOSED and when is not None and not e.by:
                moves.setdefault(t.person_id, []).append((when, t))
    out = []
    for t in found:
        base = full_title(t.title)
        began = parse_when(t.start)
        if base and not t.end and began is not None and t.body_id is not None:
            later = sorted(((w, f) for f in by_key.get((t.person_id, t.body_id, base), ())
                            if not f.proposed and (w := _earliest(f)) is not None and w.first > began.first),
                           key=lambda x: x[0].first)
            if later:
                when, full = later[0]
                exact = when.text == full.start
                t = dataclasses.replace(t, end=when.text, end_event=FULL_TITLE, end_exact=exact)
        for when, into in sorted(moves.get(t.person_id, ()), key=lambda x: x[0].first):
            if into.role_id == t.role_id or (into.body_id == t.body_id and _is_seat(t.title)):
                continue
            if _still_open(t, when):
                t = dataclasses.replace(t, end=when.text, end_event="moved", end_exact=True)
                break
        out.append(t)
    return out


# ----------------------------------------------------------------------- on a date

def held_on(tenure: Tenure, on: When) -> bool:
    """Whether the tenure covers some day of ``on`` (see the module's docstring)."""
    if tenure.proposed:
        return False
    # A removal with no start shows the person in the post on the day it ends.
    start = parse_when(tenure.start) or (parse_when(tenure.end) if tenure.end_exact else None)
    if start is None or start.first > on.last:
        return False
    end = parse_when(tenure.end)
    if end is None and tenure.end_event:  # ended at a date the corpus does not give
        end = parse_when(tenure.last_seen) or start  # held as far as it is seen
    return end is None or end.last >= on.first


def on_date(found: Iterable[Tenure], on: When | None) -> list[Tenure]:
    return [t for t in found if on is None or held_on(t, on)]

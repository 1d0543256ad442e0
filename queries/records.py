"""The records the query helpers return, the same from networkx and from Neo4j.

Both backends (``queries.local`` and ``queries.neo4j.helpers``) build these frozen
data classes and pass them through ``finish``: duplicates dropped, then
sorted by the record's own ``sort_key``. So the two backends give equal
lists for the same graph, and a test can compare them with ``==``.

``as_row`` turns any record into a plain dict (nested records become dicts,
tuples become lists) for JSON, CSV and table output.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence, TypeVar

from govkg.graph.schema import Evidence  # noqa: F401 - re-exported
from govkg.graph.names import MATCH_KINDS
from govkg.queries.dates import parse_when

#: HOLDS_ROLE without a ``status`` property: the person holds the post now.
CURRENT = "current"



@dataclass(frozen=True, slots=True)
class NodeRef:
    """A node as shown to a user: its id, label and display name."""

    id: str
    label: str
    name: str


@dataclass(frozen=True, slots=True)
class EntityMatch:
    """A candidate node for a name typed by a user (``find_entities``)."""

    id: str
    label: str
    name: str
    aliases: tuple[str, ...]
    match: str  # "name", "alias" or "partial" (the query is inside the name or an alias)
    articles: int  # how many articles mention it: the likelier candidate first

    def sort_key(self) -> tuple:
        return (MATCH_KINDS.index(self.match), -self.articles, self.label, self.name, self.id)


@dataclass(frozen=True, slots=True)
class NameEntry:
    """An entity's name and aliases, for suggestions and for finding the sentences that name it."""

    id: str
    label: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Post:
    """A person holding a post (Role) in a body or territory: Popolo's Membership.

    ``body_*`` are None when the Role has no ROLE_IN edge. ``depth`` is how far
    the body lies below the one asked about (0: the body itself; 1: a direct
    department or sub-territory …); ``person_posts`` always gives 0.
    """

    person_id: str
    person: str
    role_id: str
    title: str
    body_id: str | None
    body: str | None
    body_label: str | None
    status: str  # "current" unless the HOLDS_ROLE edge says otherwise ("former")
    evidence: tuple[Evidence, ...]
    depth: int = 0

    def sort_key(self) -> tuple:
        return (self.depth, self.status != CURRENT, self.body or "", self.body_id or "",
                self.title, self.role_id, self.person, self.person_id, self.status, self.evidence)


@dataclass(frozen=True, slots=True, order=True)
class TenureEvent:
    """One sentence about a person's post, placed in time (queries/tenures.py).

    ``kind``: the event the sentence gives (appointed, elected, moved, removed, succeeded,
    proposed), else ``former`` (it calls the post former), else ``seen`` (it shows the person in
    the post). ``date``: when it happened: the event's date, else the article's; with ``by``, at
    or before that date (a former post, ended who knows when). Empty when neither date is known.
    ``note`` says why a date in the graph could not be read.
    """

    date: str
    kind: str
    status: str
    by: bool
    evidence: Evidence
    article_date: str
    event_date: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Tenure:
    """A person's time in a post, as far as the corpus says (queries/tenures.py).

    ``start``: when it began (``start_event``: appointed, elected, moved, or ``seen``: the first
    article showing them in it), empty when the corpus does not say. ``end``: when it ended
    (``end_event``: removed, succeeded, moved, ``full title`` for an acting post whose holder
    took the full title, or ``former``: at or before ``end``, ``end_exact`` false), empty while
    nothing says it ended (``end`` is empty with ``end_event`` former when a sentence of an
    undated article calls it former). ``first_seen``/``last_seen``: the first and last article dates showing
    the person in the post. ``proposed``: only ever proposed for it, never seen in it.
    """

    person_id: str
    person: str
    role_id: str
    title: str
    body_id: str | None
    body: str | None
    body_label: str | None
    start: str
    start_event: str
    end: str
    end_event: str
    end_exact: bool
    first_seen: str
    last_seen: str
    proposed: bool
    events: tuple[TenureEvent, ...]

    def sort_key(self) -> tuple:
        # A tenure whose start is not known sorts by its end, before one starting that day:
        # the holder removed on the day comes before the one appointed in their place.
        known = parse_when(self.start) or parse_when(self.end) or parse_when(self.first_seen)
        return (known is None, known.first if known else None, bool(self.start), self.body or "",
                self.title, self.role_id, self.person, self.person_id, self.body_id or "", self.events)

    def span(self) -> str:
        """``2021-06-02 – by 2023-04-11``: the tenure's dates as a reader wants them."""
        if self.proposed:
            return "proposed " + ", ".join(dict.fromkeys(e.date for e in self.events if e.date))
        start = self.start or "?"
        if not self.end and self.end_event:  # ended at a date the corpus does not give
            return f"{start} – ?" if self.start else "undated"
        if not self.end:
            return f"{start} –" if self.start else "undated"
        return f"{start} – {'' if self.end_exact else 'by '}{self.end}"

    def describe_events(self) -> str:
        """``2021-06-02 elected; 2022-09-20 seen; by 2023-04-11 former``: for a table cell."""
        return "; ".join(f"{'by ' if e.by else ''}{e.date or 'undated'} {e.kind}" for e in self.events)


@dataclass(frozen=True, slots=True)
class ProgramLink:
    """A body or territory that RUNS or RECEIVED a Program."""

    actor_id: str
    actor: str
    actor_label: str
    relation: str  # RUNS or RECEIVED
    program_id: str
    program: str
    evidence: tuple[Evidence, ...]
    depth: int = 0  # 0: the entity asked about; n: a part of it n steps down

    def sort_key(self) -> tuple:
        return (self.depth, self.program, self.program_id, self.relation, self.actor,
                self.actor_id, self.evidence)


@dataclass(frozen=True, slots=True)
class EdgeRef:
    """One relation on a path, in its own direction, with its evidence."""

    source: str
    type: str
    target: str
    evidence: tuple[Evidence, ...]
    basis: str | None = None  # how a LOCATED_IN or PART_OF was found (graph-json.md), None: read in a sentence


@dataclass(frozen=True, slots=True)
class Connection:
    """One shortest path between two entities, ignoring edge direction.

    ``nodes`` runs from the first entity to the second. ``edges`` holds, step
    by step, every relation between consecutive nodes (two bodies can be linked
    by both PART_OF and COOPERATES_WITH), each in its stored direction.
    """

    nodes: tuple[NodeRef, ...]
    edges: tuple[EdgeRef, ...]

    @property
    def length(self) -> int:
        return len(self.nodes) - 1

    def sort_key(self) -> tuple:
        return (tuple(n.id for n in self.nodes), self.edges)

    def describe(self) -> str:
        """``张伟 -HOLDS_ROLE-> 代区长 -ROLE_IN-> 卫东区人民政府``: one line for a table."""
        parts = [self.nodes[0].name]
        for a, b in zip(self.nodes, self.nodes[1:]):
            types = sorted({e.type for e in self.edges if {e.source, e.target} == {a.id, b.id}})
            forward = any(e.source == a.id for e in self.edges if {e.source, e.target} == {a.id, b.id})
            label = "|".join(types)
            parts.append(f"-{label}->" if forward else f"<-{label}-")
            parts.append(b.name)
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class CoMention:
    """Another person mentioned in the same articles as the person asked about."""

    person_id: str
    person: str
    count: int  # shared articles
    articles: tuple[str, ...]

    def sort_key(self) -> tuple:
        return (-self.count, self.person, self.person_id)


@dataclass(frozen=True, slots=True)
class EntityCount:
    """An entity with how often it is mentioned."""

    id: str
    label: str
    name: str
    articles: int  # distinct articles with a MENTIONED_IN edge
    mentions: int  # sum of the MENTIONED_IN edges' ``count`` (1 when absent)

    def sort_key(self) -> tuple:
        return (self.label, -self.articles, -self.mentions, self.name, self.id)


R = TypeVar("R")


def finish(records: Iterable[R]) -> list[R]:
    """Drop duplicate records and sort them: the one ordering both backends share."""
    return sorted(set(records), key=lambda r: r.sort_key())  # type: ignore[attr-defined]


def edges_along(path: Sequence[str], edges: Iterable[EdgeRef]) -> tuple[EdgeRef, ...]:
    """A path's edges step by step from its first node, then by type, source, target."""
    step = {frozenset(pair): i for i, pair in enumerate(zip(path, path[1:]))}
    return tuple(sorted(set(edges), key=lambda e: (step[frozenset((e.source, e.target))], e.type,
                                                   e.source, e.target, e.evidence)))


def evidence_of(value: Any) -> tuple[Evidence, ...]:
    """Evidence from an edge: a list of {article, sentence} dicts, or their JSON text.

    The graph file keeps evidence as a list of dicts; in Neo4j it is
    ``evidence_json``, a list with one JSON string per item (see
    queries/neo4j/load.py). Sorted and de-duplicated so both sides compare equal.
    """
    if value is None:
        return ()
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return ()
    if isinstance(value, Mapping):
        value = [value]
    if isinstance(value, list):  # Neo4j: one canonical JSON string per item
        value = [json_item(v) if isinstance(v, str) else v for v in value]
    items = set()
    for item in value if isinstance(value, list) else ():
        if isinstance(item, Mapping):
            items.add(Evidence(str(item.get("article") or ""), str(item.get("sentence") or "")))
    return tuple(sorted(items))


def json_item(text: str) -> Any:
    """One evidence item stored as JSON text (Neo4j's ``evidence_json``), or None if it is not JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


def as_row(record: Any) -> dict[str, Any]:
    """A record as a plain dict (nested records as dicts, tuples as lists)."""
    row = dataclasses.asdict(record)
    if isinstance(record, Connection):
        row["path"] = record.describe()
        row["length"] = record.length
    return _plain(row)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value

"""What a report is: plain data (``Report`` → ``Section`` → ``Item``), and the words it uses.

Every claim (``Item``) carries its ``Citation`` list: the evidence sentence
and the article (title, date) it was read from; a claim made another way
says how in its ``note``. ``render`` turns a report into Markdown, JSON or
HTML; the builders (``person``, ``org``, ``place``, ``program``, ``career``, ``post``,
``path``, ``overview``) make them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govkg.graph.schema import (
    ARTICLE, AUTHORED, COOPERATES_WITH, HOLDS_ROLE, LOCATED_IN, MENTIONED_IN, ORGANIZATION, PART_OF,
    PERSON, PLACE, PROGRAM, RECEIVED, ROLE, ROLE_IN, RUNS,
)
from govkg.queries.records import NodeRef

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

LABEL_NAMES = {PERSON: "人物 Person", ORGANIZATION: "机构 Organization", PLACE: "地区 Place",
               PROGRAM: "项目 Program", ROLE: "职务 Role", ARTICLE: "文章 Article"}

DEFAULT_TOP = 10
VIEW_HOPS = 2             # the HTML view's ego network, as ``govkg view --focus`` draws it
VIEW_MAX_IDS = 400        # above this, the view shrinks to one hop
MAX_WALK = 6              # how far up (lies in / part of) a chain is followed


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
    kind: str  # person, org, place, program, career, post, path, overview
    title: str
    subject: list[NodeRef]  # the entity (or the two ends of a path); empty for the overview
    summary: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    view: ViewSpec | None = None  # not part of the JSON

"""The records the extraction pipeline hands from stage to stage.

read → ``SourceText`` → normalise/split → ``Article`` → ``Sentence`` (tagged) →
``Mention`` (NER model + rules) → resolution (canonical names) → ``Post`` and
``PostHolding`` (who holds which post) → ``Entity`` / ``Relation`` with
``Evidence`` in a ``PageResult`` → graph (govkg.graph.build).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govkg.extract.sentences import TaggedSentence
    from govkg.extract.titles import PostPhrase

from govkg.graph.schema import Evidence  # noqa: F401 - the one evidence type, used by the stages


@dataclass(frozen=True, slots=True)
class SourceText:
    """One input file (or stdin) decoded to text."""

    name: str  # base name, becomes the Article nodes' ``source``
    text: str
    encoding: str = "utf-8"
    path: str | None = None


@dataclass(slots=True)
class Byline:
    """A credited contributor: 记者, 通讯员, 摄 (photo credit)…"""

    person: str
    role: str  # 记者, 通讯员, 摄影
    desk: str = ""  # what the byline writes before the role: 兵团日报全媒体 (记者), 祁阳分站 (记者)


@dataclass(slots=True)
class Article:
    """One news item of a page: a report, a feature or a photo caption."""

    source: str
    number: int  # 1-based position on the page
    title: str = ""
    kicker: str = ""  # 引题/副题: other headline lines
    body: str = ""  # normalised text, lines joined
    lead: str = ""  # 本报讯 / 新华社…电 marker when present
    bylines: list[Byline] = field(default_factory=list)
    date: str | None = None  # ISO date when the year is known
    date_text: str = ""  # the date as written ("6月3日")
    kind: str = "news"  # news, photo
    page: int | None = None  # page of a PDF (or of text with form feeds) the article starts on
    outlet: str = ""  # where it says the text comes from (来源：…)

    @property
    def id(self) -> str:
        from govkg.graph.schema import article_id

        return article_id(self.source, self.number)


@dataclass(slots=True)
class Mention:
    """A span of a sentence that names something, before resolution."""

    text: str  # as written (traditional characters stay traditional)
    label: str  # Person, Organization, Place, Program, Role
    start: int  # offsets in the sentence
    end: int
    source: str = "model"  # model, rule:<name>
    level: str = ""  # Place: 省, 市, 区, 县, 镇, 乡, 街道, 村, 社区 or site
    canonical: str = ""  # filled in by resolution
    compound: str = ""  # Place: the whole address this is the last piece of (江西省抚州市临川县)


@dataclass
class Sentence:
    """One sentence of an article (a headline counts as one) and what the rules found in it.

    Mentions have offsets in the sentence; ``tagged`` is its simplified twin
    (same length, same offsets), the text the rules read.
    """

    article: Article
    text: str  # as written
    tagged: "TaggedSentence"
    places: list[Mention] = field(default_factory=list)
    bodies: list[Mention] = field(default_factory=list)
    people: list[Mention] = field(default_factory=list)
    programs: list[Mention] = field(default_factory=list)
    anaphors: list[Mention] = field(default_factory=list)
    posts: list["PostPhrase"] = field(default_factory=list)


@dataclass(slots=True)
class Entity:
    """A resolved node: one real-world thing, its canonical name and aliases."""

    id: str
    label: str
    name: str
    aliases: set[str] = field(default_factory=set)
    props: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class Relation:
    source: str  # node id
    type: str
    target: str
    evidence: list[Evidence] = field(default_factory=list)
    props: dict[str, object] = field(default_factory=dict)


@dataclass
class PageResult:
    """Everything extracted from one input file."""

    source: str
    articles: list[Article] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    mentions: Counter = field(default_factory=Counter)  # (entity id, article id) -> count


@dataclass
class Post:
    """One post in one body: what a Role node is made of."""

    title: str  # 区委书记, 副县长, 组织部部长 (as written, without the territory's name)
    body: str | None  # the body's canonical name (临夏县委组织部), or the territory's when no body
    body_label: str  # Organization or Place
    aliases: set[str] = field(default_factory=set)  # other ways the post is written
    body_aliases: set[str] = field(default_factory=set)  # the body as written
    territory: str = ""  # the territory the post lies in (canonical)
    level: str = ""
    parents: list[str] = field(default_factory=list)  # bodies the body is part of, innermost first
    body_kind: str = ""  # the innermost body word's kind (bodies.tsv)
    kind: str = ""  # the core's kind (titles.tsv)
    written: bool = True  # the body is written in the phrase (副县长 implies its government: not written)


@dataclass
class PostHolding:
    """A person holding a post, as one sentence of an article says it: HOLDS_ROLE with its evidence."""

    person: str  # the name as written
    post: Post
    article: Article
    sentence: str  # as written: the evidence
    status: str = "current"  # current, former, proposed (annotation.md)
    event: str = ""  # appointed, elected, removed, moved, proposed
    explicit: bool = False  # the status is written (原, 曾任, 免去, 拟任, 现任), not assumed
    date_text: str = ""  # the date of the clause that gives it (2019年5月)
    concurrent: bool = False  # 兼任: held beside the posts before it
    order: int = 0  # position in the article, for careers read in order
    cue: str = ""  # the word that gave it (任, 曾任, 免去…), empty for a title before a name
    session: int | None = None  # 七届州政协主席: the session the post is dated by

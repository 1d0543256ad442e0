"""The records the extraction pipeline hands from stage to stage.

read → ``SourceText`` → normalise/split → ``Article`` → sentences →
``Mention`` (NER model + rules) → resolve → ``Entity`` / ``Relation`` with
``Evidence`` → graph (govkg.graph.build).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


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


@dataclass(frozen=True, slots=True)
class Evidence:
    article: str  # article node id
    sentence: str

    def as_dict(self) -> dict[str, str]:
        return {"article": self.article, "sentence": self.sentence}


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

"""Node labels, relation types, the id scheme and evidence: declared once, used everywhere."""

from __future__ import annotations

from dataclasses import dataclass

PERSON = "Person"
ROLE = "Role"
ORGANIZATION = "Organization"
PLACE = "Place"
PROGRAM = "Program"
ARTICLE = "Article"

ENTITY_LABELS = (PERSON, ROLE, ORGANIZATION, PLACE, PROGRAM)
NODE_LABELS = ENTITY_LABELS + (ARTICLE,)

HOLDS_ROLE = "HOLDS_ROLE"
ROLE_IN = "ROLE_IN"
PART_OF = "PART_OF"
LOCATED_IN = "LOCATED_IN"
RUNS = "RUNS"
RECEIVED = "RECEIVED"
COOPERATES_WITH = "COOPERATES_WITH"
MENTIONED_IN = "MENTIONED_IN"
AUTHORED = "AUTHORED"

RELATION_TYPES = (
    HOLDS_ROLE, ROLE_IN, PART_OF, LOCATED_IN, RUNS, RECEIVED,
    COOPERATES_WITH, MENTIONED_IN, AUTHORED,
)

_PREFIX = {
    PERSON: "person",
    ROLE: "role",
    ORGANIZATION: "org",
    PLACE: "place",
    PROGRAM: "program",
    ARTICLE: "article",
}
_LABEL_OF_PREFIX = {v: k for k, v in _PREFIX.items()}

SCHEMA_VERSION = 1

#: How a relation was found when no sentence says it: its ``basis`` (graph-json.md). A claim
#: with one of these bases says so instead of citing a sentence that only names both ends;
#: ``text`` (or no basis) means the sentence says it, and is cited (reports, the view).
BASIS_NOTES = {
    "name": "inferred from the name, not read in a sentence",
    "administrative divisions": "from China's administrative divisions (cpca), not read in a sentence",
    "article territory": "inferred from the territory its article is about, not read in a sentence",
}


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """Where a relation was read: the Article node id and the sentence (graph-json.md ``evidence``)."""

    article: str
    sentence: str
    # What this sentence says of the relation when it says more than that it holds: a post's
    # status, event and dates (STATEMENT_PROPS), as (key, value) pairs. Kept with the sentence so
    # that a post seen in many articles keeps each article's word (appointed in one, removed in
    # another); the relation itself shows its latest statement (graph/merge.py).
    said: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict[str, str]:
        return {"article": self.article, "sentence": self.sentence, **dict(self.said)}


#: The properties of a HOLDS_ROLE that one statement gives (annotation.md ``status``; the event the
#: clause names, its date, the article's date).
STATEMENT_PROPS = ("status", "event", "event_date", "date")


def node_id(label: str, key: str) -> str:
    """The stable id of a node: ``person:张伟``, ``org:卫东区人民政府`` …

    ``key`` is the canonical name (for a Role, ``body/title``; for an Article,
    ``source#n``). The same input always gives the same id.
    """
    return f"{_PREFIX[label]}:{key}"


def role_id(title: str, body: str | None, scope: str | None = None) -> str:
    """A Role is one post in one body: 村委会主任 of two villages are two roles.

    A post whose body the text does not make certain (记者 with no paper named,
    市长 in a story that never names its city) is scoped to the article that
    names it (``scope``), so that it never joins unrelated articles.
    """
    if body:
        return node_id(ROLE, f"{body}/{title}")
    return node_id(ROLE, f"{title}@{scope}" if scope else title)


def article_id(source: str, number: int) -> str:
    return node_id(ARTICLE, f"{source}#{number}")


def label_of_id(nid: str) -> str | None:
    return _LABEL_OF_PREFIX.get(nid.split(":", 1)[0])

"""The query helpers' API: one set of questions, asked of networkx or of Neo4j.

``GraphQueries`` declares the helpers; ``queries.local.LocalQueries`` answers
them on a graph file in memory, ``queries.neo4j.helpers.Neo4jQueries`` with the
Cypher in ``queries.neo4j.cypher``. Both return the records of ``queries.records``,
de-duplicated and sorted the same way, so for one graph they give equal
answers (tests/test_queries.py checks this on the sample graph).

Helpers take node ids, which in Neo4j hit the uniqueness constraint's index.
A name typed by a user goes through ``find_entities`` (all candidates, for
"did you mean" and "ambiguous name" handling) or ``resolve`` (exactly one,
else a ``GovkgError`` saying why)::

    q = LocalQueries.from_file("graph.json")      # or Neo4jQueries(driver)
    zhang = q.resolve("张伟", labels=["Person"])
    for post in q.person_posts(zhang.id): ...
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from govkg.errors import GovkgError
from govkg.graph.schema import ENTITY_LABELS, ORGANIZATION, PERSON, PLACE
from govkg.queries.records import (
    CoMention, Connection, EntityCount, EntityMatch, NodeRef, Post, ProgramLink,
)

#: ``connections`` never looks further than this many steps (Cypher needs a bound).
MAX_PATH_LENGTH = 10

#: What a body, a territory or an actor of a program can be.
BODY_LABELS = (ORGANIZATION, PLACE)


class GraphQueries(ABC):
    """The named helpers. Every list comes back de-duplicated and sorted."""

    @abstractmethod
    def get_node(self, node_id: str) -> NodeRef | None:
        """The node with this id, or None."""

    @abstractmethod
    def find_entities(self, name: str, labels: Sequence[str] | None = None,
                      partial: bool = True) -> list[EntityMatch]:
        """Entity nodes (not Articles) whose name or an alias is ``name``.

        With ``partial``, also those whose name or an alias contains it
        (``match="partial"``). Best first: exact name, alias, partial; then the
        most mentioned. ``labels`` restricts to some labels (e.g. ["Person"]).
        """

    @abstractmethod
    def person_posts(self, person_id: str) -> list[Post]:
        """A person's posts and the bodies (or territories) they belong to.

        One Post per HOLDS_ROLE edge and ROLE_IN target, with the edge's status
        and evidence; a Role with no ROLE_IN gives a Post with no body.
        """

    @abstractmethod
    def body_members(self, body_id: str, include_sub_bodies: bool = True) -> list[Post]:
        """Who holds posts in a body and, unless told not to, in its sub-bodies (PART_OF*).

        ``depth`` is the PART_OF distance from the body to the one the post is in.
        """

    @abstractmethod
    def territory_posts(self, place_id: str) -> list[Post]:
        """Who's who of a territory: posts in it and in everything inside it.

        "Inside" follows LOCATED_IN and PART_OF edges backwards from the place:
        sub-territories, bodies located there, and their departments.
        """

    @abstractmethod
    def programs(self, entity_id: str, include_parts: bool = False) -> list[ProgramLink]:
        """Programs a body or territory RUNS or RECEIVED.

        With ``include_parts``, also those of its parts (PART_OF / LOCATED_IN
        backwards), with ``depth`` saying how far down.
        """

    @abstractmethod
    def connections(self, a_id: str, b_id: str, max_length: int = 6,
                    via_articles: bool = False, limit: int = 20) -> list[Connection]:
        """All shortest paths between two entities, ignoring edge direction.

        Paths through Articles (MENTIONED_IN, AUTHORED) only with
        ``via_articles``: otherwise any two people in one article are "connected".
        No path, or only paths longer than ``max_length``: an empty list.
        The first ``limit`` paths in order of their node ids.
        """

    @abstractmethod
    def co_mentions(self, person_id: str, min_count: int = 1) -> list[CoMention]:
        """Other people mentioned in the same articles, with how many articles they share."""

    @abstractmethod
    def entities_by_type(self, label: str | None = None,
                         limit: int | None = None) -> list[EntityCount]:
        """Entities (of one label, or all but Articles) with their mention counts.

        Sorted by label, then most mentioned first; ``limit`` applies per label.
        """

    # ----------------------------------------------------------------- shared

    def resolve(self, ref: str, labels: Sequence[str] | None = None) -> NodeRef:
        """The one node a user means by ``ref``: a node id, a name or an alias.

        Raises GovkgError when nothing matches (suggesting partial matches) or
        when several nodes share the name (listing them).
        """
        ref = ref.strip()
        if not ref:
            raise GovkgError("empty name")
        node = self.get_node(ref)
        if node is not None and (not labels or node.label in labels):
            return node
        candidates = self.find_entities(ref, labels)
        exact = [m for m in candidates if m.match != "partial"]
        kinds = "/".join(labels) if labels else "entity"
        if not exact:
            hint = ""
            if candidates:
                hint = " (did you mean " + ", ".join(m.name for m in candidates[:5]) + "?)"
            raise GovkgError(f"no {kinds} named '{ref}' in the graph{hint}")
        names = [m for m in exact if m.match == "name"] or exact
        if len(names) > 1:
            listed = ", ".join(f"{m.id} ({m.articles} articles)" for m in names[:8])
            raise GovkgError(f"'{ref}' is ambiguous: {listed}; give one of these ids")
        m = names[0]
        return NodeRef(m.id, m.label, m.name)

    @staticmethod
    def check_path_length(max_length: int) -> None:
        if not 1 <= max_length <= MAX_PATH_LENGTH:
            raise GovkgError(f"path length must be between 1 and {MAX_PATH_LENGTH}, not {max_length}")


def check_entity_label(label: str | None) -> None:
    if label is not None and label not in ENTITY_LABELS:
        raise GovkgError(f"unknown entity label '{label}' (labels: {', '.join(ENTITY_LABELS)})")


def per_label_limit(counts: list[EntityCount], limit: int | None) -> list[EntityCount]:
    """The first ``limit`` of each label (the list is already sorted by label)."""
    if limit is None:
        return counts
    if limit < 0:
        raise GovkgError(f"limit must not be negative, not {limit}")
    kept: dict[str, int] = {}
    out = []
    for c in counts:
        if kept.get(c.label, 0) < limit:
            kept[c.label] = kept.get(c.label, 0) + 1
            out.append(c)
    return out


# ------------------------------------------------------------ named helpers
# ``govkg query --helper NAME --arg key=value`` runs one of these. Each takes
# the backend and the --arg strings, resolves names to nodes, and calls one
# helper method.


@dataclass(frozen=True)
class HelperSpec:
    name: str
    summary: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    run: Callable[[GraphQueries, dict[str, str]], list[Any]]


def _flag(args: dict[str, str], key: str, default: bool) -> bool:
    value = args.get(key)
    if value is None:
        return default
    if value.lower() in ("1", "true", "yes", "y"):
        return True
    if value.lower() in ("0", "false", "no", "n"):
        return False
    raise GovkgError(f"--arg {key}= wants true or false, not '{value}'")


def _int(args: dict[str, str], key: str, default: int | None) -> int | None:
    value = args.get(key)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise GovkgError(f"--arg {key}= wants a whole number, not '{value}'") from None



HELPERS: dict[str, HelperSpec] = {h.name: h for h in (
    HelperSpec("find", "candidate nodes for a name or alias", ("name",), ("label", "partial"),
               lambda q, a: q.find_entities(a["name"], [a["label"]] if a.get("label") else None,
                                            partial=_flag(a, "partial", True))),
    HelperSpec("person", "a person's posts and bodies", ("name",), (),
               lambda q, a: q.person_posts(q.resolve(a["name"], [PERSON]).id)),
    HelperSpec("members", "who holds posts in a body and its sub-bodies", ("body",), ("sub",),
               lambda q, a: q.body_members(q.resolve(a["body"], list(BODY_LABELS)).id,
                                           include_sub_bodies=_flag(a, "sub", True))),
    HelperSpec("territory", "who's who of a territory and everything in it", ("place",), (),
               lambda q, a: q.territory_posts(q.resolve(a["place"], [PLACE]).id)),
    HelperSpec("programs", "programs a body or territory runs or received", ("entity",), ("parts",),
               lambda q, a: q.programs(q.resolve(a["entity"], list(BODY_LABELS)).id,
                                       include_parts=_flag(a, "parts", False))),
    HelperSpec("connect", "shortest paths between two entities, with evidence", ("a", "b"),
               ("max_length", "via_articles", "limit"),
               lambda q, a: q.connections(q.resolve(a["a"], ENTITY_LABELS).id,
                                          q.resolve(a["b"], ENTITY_LABELS).id,
                                          max_length=_int(a, "max_length", 6),
                                          via_articles=_flag(a, "via_articles", False),
                                          limit=_int(a, "limit", 20))),
    HelperSpec("comention", "people mentioned in the same articles as a person", ("name",),
               ("min_count",),
               lambda q, a: q.co_mentions(q.resolve(a["name"], [PERSON]).id,
                                          min_count=_int(a, "min_count", 1))),
    HelperSpec("entities", "entities by type with mention counts", (), ("label", "limit"),
               lambda q, a: q.entities_by_type(a.get("label"), limit=_int(a, "limit", None))),
)}


def run_helper(queries: GraphQueries, name: str, args: dict[str, str]) -> list[Any]:
    """Run a named helper with ``--arg`` strings, checking the argument names first."""
    spec = HELPERS.get(name)
    if spec is None:
        raise GovkgError(f"no helper '{name}' (helpers: {', '.join(HELPERS)})")
    missing = [k for k in spec.required if k not in args]
    unknown = [k for k in args if k not in spec.required + spec.optional]
    if missing:
        raise GovkgError(f"helper '{name}' needs --arg {missing[0]}=…")
    if unknown:
        allowed = ", ".join(spec.required + spec.optional) or "none"
        raise GovkgError(f"helper '{name}' has no argument '{unknown[0]}' (arguments: {allowed})")
    return spec.run(queries, args)

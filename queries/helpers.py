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

import difflib
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Sequence

from govkg.errors import GovkgError
from govkg.graph.schema import (
    AUTHORED, ENTITY_LABELS, MENTIONED_IN, ORGANIZATION, PERSON, PLACE, RELATION_TYPES, ROLE,
)
from govkg.queries.dates import When, parse_on
from govkg.queries.records import (
    CoMention, Connection, EntityCount, EntityMatch, NameEntry, NodeRef, Post, ProgramLink, Tenure,
    finish,
)

if TYPE_CHECKING:
    from govkg.queries.tenures import Holding

#: An official reaches their city in five steps: Person -HOLDS_ROLE-> Role -ROLE_IN-> body
#: -LOCATED_IN-> street or town -LOCATED_IN-> district or county -LOCATED_IN-> city.
STEPS_TO_CITY = 5
#: So any two officials of one city, from street level up, are connected within ten steps,
#: and that is where ``connections`` stops by default: a longer path runs through the
#: province and tells little about either person.
DEFAULT_PATH_LENGTH = 2 * STEPS_TO_CITY
#: The longest path asked for: two village officials of one province (seven steps each side,
#: village -> town -> county -> city -> province). Cypher needs a bound.
MAX_PATH_LENGTH = 2 * (STEPS_TO_CITY + 2)

#: What a body, a territory or an actor of a program can be.
BODY_LABELS = (ORGANIZATION, PLACE)


def press_titles() -> tuple[str, ...]:
    """The titles of byline posts (记者, 通讯员): the lexicon's titles of kind ``press``.

    Bylines say who wrote an article, not who governs: paths and rankings
    skip them unless asked (``via_bylines``). A byline is an AUTHORED edge, a
    Role with one of these titles, or the mention a byline gives its author
    in the article they wrote.
    """
    from govkg.extract.lexicon import default_lexicon

    return tuple(sorted(t.core for t in default_lexicon().titles.values() if t.kind == "press"))


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
    def connections(self, a_id: str, b_id: str, max_length: int = DEFAULT_PATH_LENGTH,
                    via_articles: bool = False, limit: int = 20,
                    via_bylines: bool = False) -> list[Connection]:
        """All shortest paths between two entities, ignoring edge direction.

        Paths through Articles (MENTIONED_IN) only with ``via_articles``:
        otherwise any two people in one article are "connected". Paths through
        bylines only with ``via_bylines``, otherwise every reporter joins every
        story: no AUTHORED edge, no press post (记者: ``press_titles``) in
        between, and through articles no credited person (``bylined_people``)
        in between, since a byline also counts as a mention of its author.
        No path, or only paths longer than ``max_length``: an empty list.
        The first ``limit`` paths in order of their node ids.
        """

    @abstractmethod
    def bylined_people(self) -> set[str]:
        """Ids of the people some article credits (an AUTHORED edge): reporters, photographers."""

    @abstractmethod
    def co_mentions(self, person_id: str, min_count: int = 1,
                    via_bylines: bool = False) -> list[CoMention]:
        """Other people mentioned in the same articles, with how many articles they share.

        An article either of them wrote (AUTHORED) counts only with ``via_bylines``:
        a byline is not a mention in the text.
        """

    @abstractmethod
    def entities_by_type(self, label: str | None = None,
                         limit: int | None = None) -> list[EntityCount]:
        """Entities (of one label, or all but Articles) with their mention counts.

        Sorted by label, then most mentioned first; ``limit`` applies per label.
        """

    @abstractmethod
    def person_holdings(self, person_id: str) -> list["Holding"]:
        """The person's HOLDS_ROLE edges with their evidence items as stored (queries.tenures)."""

    def people_holdings(self, person_ids: Sequence[str]) -> list["Holding"]:
        """``person_holdings`` of several people (Neo4j: in one statement)."""
        return [h for p in person_ids for h in self.person_holdings(p)]

    @abstractmethod
    def post_holdings(self, role_id: str, titles: Sequence[str]) -> list["Holding"]:
        """HOLDS_ROLE edges into the Role and into the Roles of its body titled ``titles``
        (its acting forms: ``tenures.title_family``)."""

    @abstractmethod
    def article_dates(self, ids: Sequence[str]) -> dict[str, str]:
        """The ``date`` of each of these Article nodes that has one."""

    # ------------------------------------------------------------- tenures
    # Both backends read the same Holding rows; queries.tenures makes them into tenures,
    # so the answers are equal by construction.

    def person_tenures(self, person_id: str) -> list[Tenure]:
        """Every tenure of the person, earliest first (queries/tenures.py)."""
        return self._tenures(self.person_holdings(person_id))

    def post_tenures(self, role_id: str) -> list[Tenure]:
        """Every tenure of the post and of its acting forms (代县长 for 县长), earliest first."""
        from govkg.queries.tenures import title_family

        node = self.get_node(role_id)
        if node is None or node.label != ROLE:
            return []
        family = self.post_holdings(role_id, title_family(node.name))
        # A holder's other posts can end this one (a move elsewhere): their tenures are read
        # from all of the holder's posts, as person_tenures reads them.
        everything = {(h.person_id, h.role_id): h
                      for h in self.people_holdings(sorted({h.person_id for h in family}))}
        posts = {h.role_id for h in family}
        return [t for t in self._tenures(list(everything.values())) if t.role_id in posts]

    def posts(self, person_id: str, on: str | When | None = None) -> list[Tenure]:
        """The person's posts, each as a tenure; with ``on``, only those held on that date."""
        from govkg.queries.tenures import on_date

        return on_date(self.person_tenures(person_id), _on(on))

    def holders(self, role_id: str, on: str | When | None = None) -> list[Tenure]:
        """Who held the post (or its acting form); with ``on``, only those holding it on that date."""
        from govkg.queries.tenures import on_date

        return on_date(self.post_tenures(role_id), _on(on))

    def _tenures(self, holdings: list["Holding"]) -> list[Tenure]:
        from govkg.queries.tenures import cited_articles, tenures

        return finish(tenures(holdings, self.article_dates(sorted(cited_articles(holdings)))))

    # ----------------------------------------------------------------- shared

    @abstractmethod
    def entity_names(self, labels: Sequence[str] | None = None) -> list[NameEntry]:
        """Every entity of these labels (default: all) with its name and aliases, by label and name."""

    def resolve(self, ref: str | None, labels: Sequence[str] | None = None, ids: Sequence[str] = (),
                choose: str = "give its id instead of the name") -> NodeRef:
        """The one node a user means by ``ref``: a node id, a name or an alias.

        ``ids`` are the user's explicit choices (``govkg report --id``): one of
        them that is a candidate for ``ref`` (or, with no ``ref``, the only
        one) wins. Nothing matching raises a GovkgError suggesting close names;
        several nodes of that name raise one listing them (a person with their
        first post), ending with ``choose``: what the user should do.
        """
        labels = tuple(labels or ENTITY_LABELS)
        kinds = "/".join(labels) if set(labels) != set(ENTITY_LABELS) else "entity"
        if not ref:
            if len(ids) != 1:
                raise GovkgError("give a name, or one --id NODE_ID")
            return self._by_id(ids[0], labels)
        ref = ref.strip()
        if not ref:
            raise GovkgError("empty name")
        node = self.get_node(ref)
        if node is not None and node.label in labels:
            return node
        matches = self.find_entities(ref, labels)
        exact = [m for m in matches if m.match != "partial"]
        best = [m for m in exact if m.match == "name"] or exact
        for chosen in ids:
            if any(m.id == chosen for m in best):
                return self._by_id(chosen, labels)
        if len(best) == 1:
            return NodeRef(best[0].id, best[0].label, best[0].name)
        if len(best) > 1:
            listed = "; ".join(f"{m.id} ({self._describe(m)})" for m in best[:10])
            more = f" and {len(best) - 10} more" if len(best) > 10 else ""
            raise GovkgError(f"'{ref}' is ambiguous: {len(best)} {kinds} nodes have that name: "
                             f"{listed}{more}; {choose}")
        suggestions = [m.name if m.name == m.id else f"{m.name} ({m.id})" for m in matches[:5]]
        for close in self._close_names(ref, labels):
            if close not in suggestions and len(suggestions) < 5:
                suggestions.append(close)
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        raise GovkgError(f"no {kinds} named '{ref}' in the graph{hint}")

    def _by_id(self, node_id: str, labels: Sequence[str]) -> NodeRef:
        node = self.get_node(node_id)
        if node is None:
            raise GovkgError(f"no node with id '{node_id}' in the graph")
        if node.label not in labels:
            article = "an" if node.label[:1] in "AEIOU" else "a"
            raise GovkgError(f"'{node_id}' is {article} {node.label}, not a {'/'.join(labels)}")
        return node

    def _describe(self, match: EntityMatch) -> str:
        """A few words telling same-named candidates apart: a person's first post, the article count."""
        words = []
        if match.label == PERSON:
            posts = self.person_posts(match.id)
            if posts:
                words.append(" · ".join(x for x in (posts[0].title, posts[0].body) if x))
        if match.label == ROLE:  # 县长 of which county: its body, and who is seen holding it
            holdings = self.post_holdings(match.id, ())
            if holdings and holdings[0].body:
                words.append(f"in {holdings[0].body}")
            if holdings:
                words.append("held by " + "、".join(sorted({h.person for h in holdings})[:3]))
        words.append(f"{match.articles} article{'s' if match.articles != 1 else ''}")
        return ", ".join(words)

    def _close_names(self, name: str, labels: Sequence[str]) -> list[str]:
        """Names and aliases that look like ``name`` (difflib), as 'name (id)'."""
        spelled: dict[str, str] = {}
        for entry in self.entity_names(labels):
            for spelling in (entry.name, *entry.aliases):
                spelled.setdefault(spelling, entry.id)
        close = difflib.get_close_matches(name, list(spelled), n=5, cutoff=0.5)
        return [f"{c} ({spelled[c]})" for c in close]

    @staticmethod
    def check_path_length(max_length: int) -> None:
        if not 1 <= max_length <= MAX_PATH_LENGTH:
            raise GovkgError(f"path length must be between 1 and {MAX_PATH_LENGTH}, not {max_length}")


def _on(on: str | When | None) -> When | None:
    return on if on is None or isinstance(on, When) else parse_on(on, "--arg on=")


def path_types(via_articles: bool, via_bylines: bool) -> tuple[str, ...]:
    """The relation types a path may use: MENTIONED_IN only via articles, AUTHORED only via bylines."""
    return tuple(t for t in RELATION_TYPES
                 if (via_articles or t != MENTIONED_IN) and (via_bylines or t != AUTHORED))


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
    optional: dict[str, str]  # argument -> its default, as shown in ``govkg query --help``
    run: Callable[[GraphQueries, dict[str, str]], list[Any]]

    def usage(self) -> str:
        """``connect a=… b=… [max_length=10] …``: the helper's arguments, for --help."""
        args = [f"{k}=…" for k in self.required] + [f"[{k}={v}]" for k, v in self.optional.items()]
        return " ".join([self.name, *args])


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
    """A whole number that every backend can take (Neo4j's are 64-bit)."""
    value = args.get(key)
    if value is None:
        return default
    if not re.fullmatch(r"\s*[-+]?\d{1,18}\s*", value):
        shown = value if len(value) <= 40 else f"{value[:40]}… ({len(value)} characters)"
        raise GovkgError(f"--arg {key}= wants a whole number of at most 18 digits, not '{shown}'")
    return int(value)


def _labels(args: dict[str, str]) -> list[str] | None:
    return [args["label"]] if args.get("label") else None


HELPERS: dict[str, HelperSpec] = {h.name: h for h in (
    HelperSpec("find", "candidate nodes for a name or alias", ("name",),
               {"label": "any", "partial": "true"},
               lambda q, a: q.find_entities(a["name"], _labels(a), partial=_flag(a, "partial", True))),
    HelperSpec("person", "a person's posts and bodies", ("name",), {},
               lambda q, a: q.person_posts(q.resolve(a["name"], [PERSON]).id)),
    HelperSpec("members", "who holds posts in a body and its sub-bodies", ("body",), {"sub": "true"},
               lambda q, a: q.body_members(q.resolve(a["body"], list(BODY_LABELS)).id,
                                           include_sub_bodies=_flag(a, "sub", True))),
    HelperSpec("territory", "who's who of a territory and everything in it", ("place",), {},
               lambda q, a: q.territory_posts(q.resolve(a["place"], [PLACE]).id)),
    HelperSpec("programs", "programs a body or territory runs or received", ("entity",),
               {"parts": "false"},
               lambda q, a: q.programs(q.resolve(a["entity"], list(BODY_LABELS)).id,
                                       include_parts=_flag(a, "parts", False))),
    HelperSpec("connect", "shortest paths between two entities, with evidence", ("a", "b"),
               {"max_length": str(DEFAULT_PATH_LENGTH), "via_articles": "false", "via_bylines": "false",
                "limit": "20"},
               lambda q, a: q.connections(q.resolve(a["a"], ENTITY_LABELS).id,
                                          q.resolve(a["b"], ENTITY_LABELS).id,
                                          max_length=_int(a, "max_length", DEFAULT_PATH_LENGTH),
                                          via_articles=_flag(a, "via_articles", False),
                                          via_bylines=_flag(a, "via_bylines", False),
                                          limit=_int(a, "limit", 20))),
    HelperSpec("comention", "people mentioned in the same articles as a person", ("name",),
               {"min_count": "1", "via_bylines": "false"},
               lambda q, a: q.co_mentions(q.resolve(a["name"], [PERSON]).id,
                                          min_count=_int(a, "min_count", 1),
                                          via_bylines=_flag(a, "via_bylines", False))),
    HelperSpec("posts", "a person's posts over time (start, end, events); on=DATE: those held then",
               ("name",), {"on": "any date"},
               lambda q, a: q.posts(q.resolve(a["name"], [PERSON]).id, on=a.get("on"))),
    HelperSpec("holders", "who held a post (and its acting form) over time; on=DATE: who held it then",
               ("post",), {"on": "any date"},
               lambda q, a: q.holders(q.resolve(a["post"], [ROLE]).id, on=a.get("on"))),
    HelperSpec("entities", "entities by type with mention counts", (), {"label": "all", "limit": "none"},
               lambda q, a: q.entities_by_type(a.get("label"), limit=_int(a, "limit", None))),
)}


def run_helper(queries: GraphQueries, name: str, args: dict[str, str]) -> list[Any]:
    """Run a named helper with ``--arg`` strings, checking the argument names first."""
    spec = HELPERS.get(name)
    if spec is None:
        raise GovkgError(f"no helper '{name}' (helpers: {', '.join(HELPERS)})")
    missing = [k for k in spec.required if k not in args]
    unknown = [k for k in args if k not in (*spec.required, *spec.optional)]
    if missing:
        raise GovkgError(f"helper '{name}' needs --arg {missing[0]}=…")
    if unknown:
        allowed = ", ".join((*spec.required, *spec.optional)) or "none"
        raise GovkgError(f"helper '{name}' has no argument '{unknown[0]}' (arguments: {allowed})")
    return spec.run(queries, args)

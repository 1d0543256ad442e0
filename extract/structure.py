"""Structural relations: where bodies and territories sit, and which body is part of which.

Read from names and from what the article and the division data say, not
from a verb in the text: a body lies in the territory its name starts with
(卫东区人民政府 → 卫东区); a street or town the article names without its
district lies in the article's district; a district lies in its city when
the page names both (卫东区 → 平顶山市); 卫东区纪委监委 is part of 卫东区委.
Each relation says how it was inferred (``basis``).
"""

from __future__ import annotations

from govkg.extract.admin import divisions
from govkg.extract.bodies import territory_of_body
from govkg.extract.context import Context
from govkg.extract.lexicon import Lexicon
from govkg.extract.normalize import to_simplified
from govkg.extract.records import Evidence, PageResult, Relation, Sentence
from govkg.extract.relations import LEVEL_RANK
from govkg.extract.territory import canonical_place, place_level
from govkg.graph.schema import LOCATED_IN, ORGANIZATION, PART_OF, PLACE, node_id

# Levels whose territories a story names without their district, and where to look for it.
_IN_ARTICLE_TERRITORY = (("街道", ("区", "县", "市")), ("镇", ("县", "区", "市")), ("乡", ("县", "区", "市")),
                         ("苏木", ("旗", "县")))
# Kinds of body that live inside another (bodies.tsv): 统战部, 党组, 审判委员会, 法制工作委员会.
_INNER_KINDS = ("organ", "cell", "court-organ", "congress-organ", "unit")


def body_territory(body: str, lex: Lexicon) -> tuple[str, str, str] | None:
    """(canonical territory, as written, level) a body's name starts with, or None."""
    head = territory_of_body(body, lex)
    if not head:
        return None
    level = place_level(head, lex)
    if level in (None, "site"):
        return None
    return canonical_place(head), head, level


# Villages and communities named without their town lie in it when the article names only one.
_IN_ARTICLE_TOWN = ("村", "社区", "嘎查")
_TOWN_LEVELS = ("镇", "乡", "街道", "苏木")


def in_article_territory(sentences: list[Sentence], ctx: Context, located: dict[str, set[float]] | None = None
                         ) -> list[Relation]:
    """Streets and towns named without their district lie in the article's district or county;
    villages and communities in its town, when it names one town only (褡裢村, 大耗村 in a story
    of 獐子岛镇; a story of several towns does not say which village is whose). A place the text
    itself puts in a territory of that rank (``located``: place id → ranks of its territories, 宁都县的
    长胜镇 in a story of 赣县区) is left where the text puts it."""
    located = located or {}

    def placed(m, parent_level: str) -> bool:
        return LEVEL_RANK.get(parent_level, 9) in located.get(node_id(PLACE, m.canonical), ())

    out = []
    towns = [name for name, level in ctx.named_places if level in _TOWN_LEVELS]
    if len(towns) == 1:
        for s in sentences:
            for m in s.places:
                if m.level in _IN_ARTICLE_TOWN and not m.compound and m.canonical != towns[0] \
                        and not placed(m, dict(ctx.named_places).get(towns[0], "镇")):
                    out.append(Relation(node_id(PLACE, m.canonical), LOCATED_IN, node_id(PLACE, towns[0]),
                                        [Evidence(s.article.id, s.text)], {"basis": "article territory"}))
    for level, parent_levels in _IN_ARTICLE_TERRITORY:
        parent = next((ctx.home(p) for p in parent_levels if ctx.home(p)), None)
        if not parent:
            continue
        for s in sentences:
            for m in s.places:
                if m.level == level and m.canonical != parent and not placed(m, dict(ctx.named_places).get(parent, "")):
                    out.append(Relation(node_id(PLACE, m.canonical), LOCATED_IN, node_id(PLACE, parent),
                                        [Evidence(s.article.id, s.text)], {"basis": "article territory"}))
    return out


def located_ranks(result: PageResult) -> dict[str, set[float]]:
    """For each place the page locates so far, the ranks (LEVEL_RANK) of the territories it lies in."""
    out: dict[str, set[float]] = {}
    for r in result.relations:
        if r.type == LOCATED_IN and r.target in result.entities:
            level = result.entities[r.target].props.get("level", "")
            out.setdefault(r.source, set()).add(LEVEL_RANK.get(level, 9))
    return out


def division_nesting(sentences: list[Sentence], place_ids: dict[str, str]) -> list[Relation]:
    """卫东区 → 平顶山市 → 河南省 from the division data, when the page names both.

    ``place_ids`` maps the page's place names (simplified) to their node ids.
    """
    named = {m.canonical: s for s in sentences for m in s.places if m.level in ("省", "州", "市", "区", "县", "旗")}
    out = []
    for name, s in named.items():
        hits = divisions().lookup(to_simplified(name))
        if len(hits) > 1:
            # 青山区 of 武汉市 or of 包头市: the one whose city or province the page names, if only one is.
            hits = [h for h in hits if any(a.name in place_ids for a in divisions().ancestors(h))]
        if len(hits) != 1:
            continue
        for anc in divisions().ancestors(hits[0]):
            if anc.name in place_ids:
                out.append(Relation(node_id(PLACE, name), LOCATED_IN, place_ids[anc.name],
                                    [Evidence(s.article.id, s.text)], {"basis": "administrative divisions"}))
                break
    return out


def part_of_by_name(result: PageResult, lex: Lexicon) -> list[Relation]:
    """Departments and branches: 卫东区纪委监委 → 卫东区委, 阳江市委统战部 → 阳江市委, 河北省人民政府党组 →
    河北省人民政府, 湖南省人大常委会法制工作委员会 → 湖南省人大常委会, 建设路街道党工委 → the district's
    区委 — when the article names the body the name is part of."""
    orgs = {e.name for e in result.entities.values() if e.label == ORGANIZATION}
    inner = sorted((w for w, forms in lex.bodies.items() if forms[0].kind in _INNER_KINDS), key=len, reverse=True)
    out = []
    for name in sorted(orgs):
        parent = None
        simple = to_simplified(name)
        word = next((w for w in inner if simple.endswith(w) and len(simple) > len(w) + 1), None)
        if word:
            host = name[: -len(word)]
            # 阳江市委 + 统战部; 卫东区 + 纪委监委 is the organ of 卫东区委
            for candidate in (host, host + "委") if lex.bodies[word][0].kind == "organ" else (host,):
                if candidate in orgs and candidate != name:
                    parent = candidate
                    break
        if name.endswith("纪工委") and name[:-3] + "党工委" in orgs:
            parent = name[:-3] + "党工委"
        if name.endswith("党工委"):
            parent = next((o for o in sorted(orgs) if o.endswith(("区委", "县委")) and len(o) > 2 and o != name),
                          parent)
        if parent and parent != name:
            ev = next(((r.evidence[0].article, r.evidence[0].sentence) for r in result.relations
                       if r.evidence and node_id(ORGANIZATION, name) in (r.source, r.target)), None)
            out.append(Relation(node_id(ORGANIZATION, name), PART_OF, node_id(ORGANIZATION, parent),
                                [Evidence(*ev)] if ev else [], {"basis": "name"}))
    return out

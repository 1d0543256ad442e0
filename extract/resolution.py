"""The resolution pass: one canonical name for each thing a sentence names.

In an article about 卫东区, 区纪委监委 is 卫东区纪委监委 and 该区 is 卫东区 (an
anaphor, not a new place); 该院 and 该局 are the court and the bureau named
last (anaphora.tsv says which words refer to what, so 该行 needs only a
lexicon line); 平顶山 is 平顶山市; 新君 is 张新君 when one person of the article
has that given name; and a short name that is the tail of one longer name of
the page is that name's alias (廉政教育基地 of 卫东区廉政教育基地).
"""

from __future__ import annotations

import re
from collections import Counter

from govkg.extract.admin import divisions
from govkg.extract.context import LEVELS, Context, article_session, build_context, canonical_org
from govkg.extract.bodies import is_bare_body
from govkg.extract.lexicon import Lexicon, default_lexicon
from govkg.extract.normalize import to_simplified
from govkg.extract.records import Mention, PageResult, Sentence
from govkg.extract.territory import canonical_place
from govkg.graph.schema import ORGANIZATION, PLACE, PROGRAM


def page_contexts(page: list[list[Sentence]], lex: Lexicon | None = None) -> list[Context]:
    """Each article's territories: the ones it names most, the page's, the division data's."""
    lex = lex or default_lexicon()
    levels: dict[str, str] = {}
    counts: list[Counter[str]] = []
    for sentences in page:
        c: Counter[str] = Counter()
        newcomer = any(_NEWCOMER in s.tagged.text for s in sentences)
        for s in sentences:
            career = _career_start(s, lex) if newcomer else len(s.tagged.text) + 1
            for m in s.places:
                if m.level == "site":
                    continue
                m.canonical = canonical_place(m.text)
                levels[m.canonical] = m.level
                if m.start >= career:
                    continue
                if to_simplified(m.canonical) not in lex.place_suffixes:
                    c[m.canonical] += 1  # (经开区 alone: a kind of zone, no story's home)
                city = _division_naming_zone(m.text) if m.level == "zone" else None
                if city is not None:
                    # 岳阳经济技术开发区: the city a zone is named after is named too
                    levels.setdefault(city.name, city.level)
                    c[city.name] += 1
        counts.append(c)
    aways = [visited(sentences) for sentences in page]
    page_ctx = build_context(sum(counts, Counter()), levels, away=set().union(*aways))
    contexts = [build_context(c, levels, page_ctx, away=away) for c, away in zip(counts, aways)]
    for ctx, sentences in zip(contexts, page):
        ctx.session = article_session(sentences)
    return contexts


def _division_naming_zone(name: str):
    """The one division whose name (or short name) a development zone's name starts with
    (岳阳经济技术开发区 → 岳阳市), else None."""
    simple = to_simplified(name)
    for k in (4, 3, 2):
        hits = divisions().lookup(simple[:k]) if len(simple) > k + 2 else []
        if len(hits) == 1:
            return hits[0]
    return None


# A story about someone new in a post (新任县委书记…): where they served before is not where the story is.
_NEWCOMER = "新任"


def _career_start(s: Sentence, lex: Lexicon) -> int:
    """Where a sentence starts telling posts held before (此前任, 曾任, 历任…): in a newcomer's story,
    the territories named after it are where the newcomer served (新任县委书记某…此前任邻水县委副书记),
    not the story's own, which it may never name."""
    text = s.tagged.text
    found = [text.find(cue.word) for cue in lex.cues
             if cue.status == "former" and cue.place == "after-name" and len(cue.word) >= 2 and cue.word in text]
    return min(found, default=len(text) + 1)


# 我市党政代表团赴赣州学习考察: the writer's own territory (我市) goes to another of its level.
_OWN = re.compile(r"我(市|县|区|州|旗|盟)")
_TO = ("赴", "前往", "到", "来到", "在")
_VISIT = ("学习", "考察", "观摩", "参观", "交流")


def visited(sentences: list[Sentence]) -> set[str]:
    """Territories a delegation of the article's own territory visits: 赣州 in 我市党政代表团赴赣州
    学习考察. The story is from home (我市), not from the host; the host is only of the level of
    我市 (我市领导在某县调研 is a county of the city)."""
    out = set()
    for s in sentences:
        text = s.tagged.text
        own = {m.group(1) for m in _OWN.finditer(text)}
        for m in s.places:
            if m.level in own and text[:m.start].endswith(_TO) and text[m.end:].startswith(_VISIT):
                out.add(m.canonical or canonical_place(m.text))
    return out


def resolve_sentence(s: Sentence, ctx: Context, lex: Lexicon) -> None:
    """Canonical names for a sentence's places and bodies, and what its anaphors stand for."""
    for m in s.places:
        # A site takes the article's territory as a body would: 区廉政教育基地 → 卫东区廉政教育基地.
        m.canonical = canonical_org(m.text, ctx, lex) if m.level == "site" else canonical_place(m.text)
        if m.level != "site" and m.canonical == m.text:
            m.canonical = _written_in_full(m.text, ctx) or m.canonical
    kept = []
    ctx.begin_sentence()
    for m in s.bodies:
        m.canonical = canonical_org(m.text, ctx, lex)
        if m.canonical in lex.generic_bodies or len(m.canonical) < 2 or _of_many(m.canonical, ctx, lex):
            continue
        ctx.named(m.canonical, at=m.start)
        if s.text in (s.article.title, s.article.kicker):
            ctx.headline_bodies.append(m.canonical)
        kept.append(m)
    s.bodies = kept
    s.anaphors = find_anaphors(s, ctx, lex)


# The levels a county-level division's name ends with, which stories often leave out (岚皋 for 岚皋县).
_COUNTY_LEVEL_ENDS = "县区市旗"


def _written_in_full(name: str, ctx: Context) -> str | None:
    """岚皋：… in a story that names 岚皋县: the one territory of the story whose name is this one and
    a county-level suffix (the division data keeps no such short names: 城区, 郊区)."""
    simple = to_simplified(name)
    found = {n for n, _level in ctx.named_places
             if len(n) == len(name) + 1 and to_simplified(n).startswith(simple) and n[-1] in _COUNTY_LEVEL_ENDS}
    return found.pop() if len(found) == 1 and len(name) >= 2 else None


def _of_many(body: str, ctx: Context, lex: Lexicon) -> bool:
    """村委 left bare (no village it could be completed with) in a story that names several villages:
    the villages' committees in general (在村委设置法官工作室), not one body. A story that names no village at
    all keeps its 村委 as that story's own (collect._scoped_body)."""
    simple = to_simplified(body)
    word = next((w for w in sorted(lex.level_words, key=len, reverse=True) if simple.startswith(w)), None)
    if word is None or not is_bare_body(simple, lex):
        return False
    level = lex.level_words[word]
    return sum(1 for _n, lv in ctx.named_places if lv == level) >= 2


def find_anaphors(s: Sentence, ctx: Context, lex: Lexicon) -> list[Mention]:
    """该区 → the article's district; 该院, 该局 → the court, the bureau named last."""
    text = s.tagged.text
    out = []
    for word, refers_to in lex.anaphora.items():
        for m in re.finditer(word, text):
            # 该区 inside 该区域 or 全区县 is not the anaphor.
            if m.end() < len(text) and text[m.end()] in "域县划":
                continue
            territory = refers_to in LEVELS
            target = ctx.home(refers_to) if territory else \
                ctx.own_body(refers_to, before=m.start()) if word[0] in "我本" else ctx.last_body(refers_to, before=m.start())
            if not target:
                continue
            label = PLACE if territory else ORGANIZATION
            out.append(Mention(s.text[m.start():m.end()], label, m.start(), m.end(), "rule:anaphora",
                               level=refers_to if territory else "", canonical=target))
    return out


def given_names(sentences: list[Sentence], lex: Lexicon) -> list[tuple[str, str]]:
    """新君 after 张新君: (person, alias) for a given name used alone, when one person of the article has it.

    The word must stand on its own (a token of the model), be tagged by the
    model as a name (建国 in "建国以来" is a word, not 刘建国) and not lie
    inside a full name.
    """
    owners: dict[str, set[str]] = {}
    for s in sentences:
        for m in s.people:
            simple = to_simplified(m.text)
            surname = 2 if simple[:2] in lex.surnames and len(simple) >= 4 else 1
            if len(simple) - surname >= 2:
                owners.setdefault(simple[surname:], set()).add(m.text)
    certain = {given: names.pop() for given, names in owners.items() if len(names) == 1}
    out = []
    for s in sentences:
        taken = [(m.start, m.end) for m in s.people]
        for start, end, tok in s.tagged.spans:
            person = certain.get(tok.text)
            if person and tok.pos in ("PER", "nr", "nw", "nz") and not any(a <= start < b for a, b in taken):
                out.append((person, s.text[start:end]))
    return out


def merge_short_forms(result: PageResult) -> None:
    """One node per thing: 廉政教育基地 is 卫东区廉政教育基地, 首席服务官 is 首席服务官制度.

    A name that is the tail of exactly one longer name of the same type (or
    its head, for programs and their markers) on the page becomes its alias.
    """
    by_label: dict[str, list] = {}
    for ent in result.entities.values():
        by_label.setdefault(ent.label, []).append(ent)
    remap: dict[str, str] = {}
    for label, ents in by_label.items():
        if label not in (PLACE, ORGANIZATION, PROGRAM):
            continue
        for ent in ents:
            if len(ent.name) < 3:
                continue
            if label == PROGRAM:
                longer = [o for o in ents if o is not ent and o.name.startswith(ent.name)
                          and len(o.name) - len(ent.name) <= 4]
            elif label == ORGANIZATION and to_simplified(ent.name).endswith("纪委"):
                # 区纪委 and 区纪委监委 are one body since the supervision reform.
                longer = [o for o in ents if to_simplified(o.name) == to_simplified(ent.name) + "监委"]
            else:
                longer = [o for o in ents if o is not ent and o.name.endswith(ent.name)
                          and _has_prefix_territory(o.name[: -len(ent.name)])]
            if len(longer) == 1:
                remap[ent.id] = longer[0].id
    for old, new in remap.items():
        while new in remap:
            new = remap[new]
        target = result.entities[new]
        target.aliases |= result.entities.pop(old).aliases
        for (eid, aid), n in list(result.mentions.items()):
            if eid == old:
                del result.mentions[(eid, aid)]
                result.mentions[(new, aid)] += n
        for rel in result.relations:
            rel.source = new if rel.source == old else rel.source
            rel.target = new if rel.target == old else rel.target


def _has_prefix_territory(prefix: str) -> bool:
    prefix = to_simplified(prefix)
    return bool(prefix) and prefix[-1] in "省市区县镇乡村道" or prefix.endswith("社区")

"""Offices: a post phrase resolved to one post in one body, in the context of its chain and article.

区委书记 in a 蕉城区 story is the 书记 of 蕉城区委; in 临夏县副县长、县委常委、组织部部长
the 县 of 县委 is 临夏县 and 组织部 is 临夏县委's; 常委 after 黄南藏族自治州委副秘书长 is a
post of the same 州委; 州长 after 海北藏族自治州委副书记 is the head of that 州's
people's government. The order of evidence: what the phrase writes, then the
post written before it in the same chain, then the territories the sentence
has named so far, then the article's territories (extract/context.py).
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from govkg.extract.context import LEVELS, Context, canonical_org, committee_stem, party_prefix
from govkg.extract.lexicon import Lexicon, ending_at
from govkg.extract.normalize import in_script_of, to_simplified
from govkg.extract.admin import divisions
from govkg.extract.records import Post
from govkg.extract.territory import Span, canonical_place, needs_the_territory_before, place_level
from govkg.extract.titles import PostPhrase
from govkg.graph.schema import ORGANIZATION, PLACE

_HOSTED = {"cell", "court-organ"}
# Bodies every territory has: written alone in a chain, they are the chain's territory's.
_TERRITORIAL = {"congress", "cppcc", "government", "committee", "court", "procuratorate", "zone", "military"}  # a territory's own bodies: written alone after a post of that territory, they are its


@dataclass
class Memory:
    """The territories a sentence has named so far, by level: 临夏县 for the 县 of a later 县委."""

    by_level: dict[str, str] = field(default_factory=dict)


def _written(sentence: str, span: Span) -> str:
    return span.written or sentence[span.start: span.end]


def _short_form(post: PostPhrase, sentence: str, lex: Lexicon) -> PostPhrase:
    """A post of a committee written by its formal name read as its short name: 政协某县第十届委员会
    副主席 as 某县政协副主席, 中共某县委员会书记 as 某县委书记, 民革某省委员会副主委 as 民革某省委副主委."""
    parts = post.parts
    at = next((i for i, p in enumerate(parts) if p.kind == "body" and p.text == "委员会" and p.form == "committee"
               and i and parts[i - 1].kind in ("territory", "level", "session")), None)
    if at is None:
        return post
    body = parts[at]
    front = next((p for p in parts[:at] if p.kind == "body"), None)
    if front is not None and front.form == "cppcc":
        short = Span(body.start, body.end, "政协", "body", form="cppcc", written=in_script_of(sentence, "政协"))
        parts = [p for p in parts[:at] if p is not front] + [short] + parts[at + 1:]
    else:
        short = Span(body.start, body.end, "委", "body", form="committee", written=in_script_of(sentence, "委"))
        parts = parts[:at] + [short] + parts[at + 1:]
    return PostPhrase(parts, post.start, post.end, post.text)


def body_as_host(name: str, lex: Lexicon) -> Post:
    """A body written on its own, as the post before a bare title is: what that title may belong to
    (市妇联郑玉梅主席: 主席 of the 妇联 written before the name)."""
    simple = to_simplified(name)
    word = next(ending_at(lex.body_word_index, simple, len(simple)), "")
    kind = lex.bodies[word][0].kind if word in lex.bodies else ""
    return Post(title="", body=name, body_label=ORGANIZATION, body_kind=kind)


def _names_of_kind(back: Span, lex: Lexicon) -> str | tuple[str, ...]:
    """How the names of the body a kind word means end: 院 → 院; 学校 (留校…曾任学校团委副书记) →
    大学, 学院, 中学 … (a university is 学校 in its own story)."""
    word = to_simplified(back.text)
    if lex.bodies[word][0].kind != "school":
        return word
    return lex.name_endings("school")


def resolve_post(post: PostPhrase, sentence: str, lex: Lexicon, ctx: Context, memory: Memory,
                 before: Post | None = None) -> Post:
    """The post a phrase names. ``sentence`` is as written (same offsets as the phrase);
    ``before`` is the resolved post written just before it in its chain."""
    core = lex.titles[post.core.text]
    post = _short_form(post, sentence, lex)
    if before is not None and not post.bodies and not _may_inherit(before, core):
        before = None  # a bare title takes only a body its post can be of
    level, territory, written_territory = _territory_of(post, sentence, lex, ctx, memory, before, core)
    national = to_simplified(post.prefix)
    if not territory and national in ("全国", "中央"):
        # 全国政协副主席, 中央候补委员: the national bodies.
        level, territory = "国", _written_prefix(post, sentence)
    bodies = post.bodies
    body_words = [_written(sentence, b) for b in bodies]
    # Qualifiers as written, without one of time (原书记 is the post 书记, held before; 现主任, 主任).
    quals = "".join(_written(sentence, q).strip("（）()") for q in post.qualifiers
                    if lex.qualifiers.get(q.text) not in _OF_TIME)
    core_written = _written(sentence, post.core)
    body_kind = bodies[-1].form if bodies else ""
    parents: list[str] = []
    body_aliases: set[str] = set()
    body_label = ORGANIZATION
    if bodies:
        front = [b for b in bodies if lex.bodies.get(b.text) and lex.bodies[b.text][0].form == "prefix"]
        rest = [b for b in bodies if b not in front]
        host = ""
        if rest and rest[0].level == "back":
            # 院党组成员: 院 is the court the article named last.
            # (我院党委书记: the writer's own, not one its sentence named before: 与杂多县人民医院签约…)
            first_person = rest[0].start > 0 and sentence[rest[0].start - 1] in "我本"
            pointed = rest[0].start > 0 and to_simplified(sentence[rest[0].start - 1]) in "该此"
            # (该局局长: the bureau named last)
            host = (ctx.last_body(_names_of_kind(rest[0], lex), before=post.start) if pointed else None) \
                or ctx.own_body(_names_of_kind(rest[0], lex), before=post.start, in_sentence=not first_person) \
                or _written(sentence, rest[0])
            rest = rest[1:]
            parents = [host] if rest else []
        elif territory:
            host = territory
        elif (rest or bodies)[0].form == "unit" and (unit_host := _unit_host(before, ctx, lex, post.start)):
            # 呼吸内科主任、医务处处长…，护理部副主任: units of the hospital the story is of, side by side.
            host, parents = unit_host, [unit_host]
        elif rest and to_simplified(rest[0].text) == "中央":
            host = ""  # 民革中央: a party's national body takes no territory from the chain (全国政协常委、)
        elif before is not None and before.body and before.body_label == ORGANIZATION \
                and (not _stands_alone(rest[0] if rest else bodies[0], lex)
                     or _party_cell_of(rest[0] if rest else bodies[0], before, lex)
                     or _department_of(rest[0] if rest else bodies[0], before)):
            # 县委常委、组织部部长: 组织部 is the 县委's; after 组织部部长, 政法委 is the 县委's too.
            kind = _kind_of((rest or bodies)[0].text, lex)
            # …but a department after a party group's post is its host's: 院党组成员、政治部主任 (a
            # 党组 has no departments), as 政法委 after 组织部部长 is the 县委's.
            court = next((b for b in [before.body] + before.parents if to_simplified(b).endswith(_COURTS)), None) \
                if kind == "court-organ" else None
            if kind == "court-organ" and court != before.body:
                # 纪检监察组组长、审判委员会专职委员: the committee is the court's, the one the chain or
                # the story is about, not the body of the post before it
                host = court or ctx.own_body(_COURTS, before=post.start) or before.body
                parents = [host]
            elif (commission := to_simplified((rest or bodies)[0].text)) in _TERRITORY_COMMISSIONS \
                    and before.body_kind in ("committee", "organ") and (commission_territory := (
                        before.territory or next((before.body[: -len(w)] for w in _TERRITORY_COMMISSIONS
                                                  if to_simplified(before.body).endswith(w)), ""))):
                # 县委常委、纪委书记、监委主任: the county's 纪委 and 监委, named by the territory; the 纪委
                # is part of the committee, the 监委 (a state body) of none.
                committee = before.body if before.body_kind == "committee" else next(iter(before.parents), "")
                host = commission_territory
                parents = [committee] if committee and "纪" in commission else []
            elif before.parents and (before.body_kind in ("organ", "cell", "unit") and kind == "organ"
                                   or before.body_kind == "cell" and kind in ("unit", "department")):
                host, parents = before.parents[0], list(before.parents)
            elif not before.parents and before.territory and before.body_kind == kind == "organ":
                # 省纪委副书记、监察委副主任: the territory's commission beside its 纪委, not inside it.
                host = before.territory
            else:
                host = before.body
                parents = [before.body] + before.parents
        elif (rest or bodies)[0].text in _PARTY_CELLS and not _home_for_body((rest or bodies)[0].text, lex, ctx) \
                and (named_host := _host_named_last(ctx, lex, post.start)):
            # 党委书记 in a school's or a company's story: that body's (…学院院长某、党委书记某).
            host, parents = named_host, [named_host]
        elif not _stands_alone(rest[0] if rest else bodies[0], lex):
            # 组织部部长: the article's committee's; 党支部书记: the article's village's (村:党支部).
            host = _home_for_body((rest or bodies)[0].text, lex, ctx) or _context_committee(ctx, lex) or ""
        elif before is not None and before.territory and _kind_of((rest or bodies)[0].text, lex) in _TERRITORIAL:
            # 郭店镇党委副书记、镇长、人大主席: the 人大 of the town the chain is about.
            host = before.territory
        else:
            # 办事处主任, 村委会主任: a territory's own body, in the article's territory of its level.
            host = _home_for_body((rest or bodies)[0].text, lex, ctx) or ""
        names = []
        committee = host and host == territory and rest and to_simplified(rest[0].text) == "委"
        written_front = "".join(_written(sentence, b) for b in front)
        if not front and rest and to_simplified(rest[0].text) == "委会":
            # 九三学社中央副主席、四川省委会主委: only a democratic party writes 委会 — the party of the
            # chain, else the one the story named last.
            written_front = _party_written_before(before, ctx, lex)
        acc = written_front + (committee_stem(host) if committee else host)
        if rest and to_simplified(rest[0].text).startswith(_PREFECTURE_WORD) and to_simplified(host).endswith("地区"):
            acc = written_front + host[:-2]  # 和田地区 + 地委 → 和田地委
        for b in rest:
            acc = acc + _written(sentence, b)
            names.append(acc)
        if not rest:
            # 民革 alone; 镇江民革主委: a party or league written with a territory is its committee there
            names = [acc + in_script_of(acc, "委") if host and host == territory else acc]
        if names and core.implies and _kind_of(core.implies, lex) == "organ" and body_kind == "committee":
            # 中共镇江市委统战部长: the department the core names, of the committee written before it
            names.append(names[-1] + in_script_of(sentence, core.implies))
            body_kind = "organ"
        if [to_simplified(n) for n in names] == ["中央"]:
            names = [in_script_of(sentence, "中共中央")]  # 中央委员: the party's Central Committee
        if body_kind == "court-organ" and (len(names) > 1 or before is not None and host == before.body
                                           or to_simplified(host).endswith(_COURTS)):
            # 审判委员会委员 is a post of the court itself (副院长、审判委员会委员: the court before it)
            names = names[:-1] or [host]
            body_kind = ""
        body = canonical_org(names[-1], Context(), lex) if names else None
        parents = [canonical_org(n, Context(), lex) for n in reversed(names[:-1])] + \
            [p for p in parents if p not in names]
        body_aliases = {names[-1]} if names else set()
    elif core.implies:
        if _kind_of(core.implies, lex) == "organ":
            # 统战部长: a department of the party committee written before it, or of the article's.
            host = (before.body if before and before.body_label == ORGANIZATION and before.body_kind == "committee"
                    else "") or (territory + in_script_of(territory, core.bare_body.get(level) or "委")
                                 if territory else "") or _context_committee(ctx, lex) or ""
        else:
            # 武装部长: the territory's own body (县人民武装部).
            host = territory or (before.territory if before else "") or _home_for_body(core.implies, lex, ctx) or ""
        body = canonical_org(host + in_script_of(sentence, core.implies), Context(), lex) if host \
            else core.implies
        parents = [host] if host and _kind_of(core.implies, lex) == "organ" else []
        body_kind = _kind_of(core.implies, lex)
    elif level == "国":
        body, parents, body_kind = (in_script_of(sentence, "中共中央"), [], "committee") if national == "中央" \
            else (None, [], "")
    else:
        body, body_label, parents, body_kind = _body_for_bare(post, core, level, territory, lex, ctx, before,
                                                              memory)
    title = _title(post, sentence, lex, quals, core_written, body_words)
    held_in = body[:-1] if body and to_simplified(body).endswith("委") else ""
    if not bodies and body_kind == "committee" and core.kind in ("party", "member") and held_in \
            and to_simplified(body) == to_simplified(committee_stem(held_in)) + "委" \
            and (held_level := place_level(canonical_place(held_in), lex)):
        # 中共某市委委员、常委、书记: the 常委 and 书记 of that committee, named as when written with it
        # (市委书记), so that one post is one Role node however the article writes it.
        level_word = _level_word(held_level, lex, held_in)
        if level_word:
            title = in_script_of(sentence, level_word + "委") + quals + core_written
    aliases = {title, _written_phrase(post, sentence, lex),
               "".join(_written(sentence, p) for p in post.parts if p.kind != "prefix"  # with 十二届
                       and not _of_time(p, lex))}
    if written_territory and bodies:
        # 浙江省政协副主席 is also written 省政协副主席: the level word for the territory's name.
        level_word = _level_word(level, lex, territory)
        phrase = _written_phrase(post, sentence, lex)
        # (民革江苏省委副主委 → 民革省委副主委: the territory need not open the phrase)
        aliases.add(phrase.replace(written_territory, level_word, 1) if level_word and written_territory in phrase
                    else "")
    if bodies:
        aliases.add(body_words[-1] + quals + core_written)
    aliases.discard("")
    # 组织部长 writes its department; 人大代表 does not name a body, only a seat in it.
    written = bool(bodies) or (bool(core.implies) and _kind_of(core.implies, lex) == "organ")
    return Post(title, body, body_label, aliases, body_aliases, territory, level, parents, body_kind, core.kind,
                written=written)


def _party_written_before(before: Post | None, ctx: Context, lex: Lexicon) -> str:
    """The democratic party (民革, 九三学社…) of the post before in the chain, else of the body the
    story named last that is one of a party's."""
    names = ([before.body] if before is not None and before.body else []) + list(reversed(ctx.recent))
    for name in names:
        prefix = party_prefix(name, lex)
        if prefix:
            return name[: len(prefix)]
    return ""


def _party_cell_of(body: Span, before: Post, lex: Lexicon) -> bool:
    """公司总经理、党委副书记: a 党委 written with no territory after a post of a company or a court
    is that body's party committee."""
    return body.text in ("党委", "党总支", "党支部", "党组") and before.body_kind not in (
        "committee", "cell", "government", "") and before.kind != "gov"


# Bodies that have departments named 某某部 (a party committee's, a democratic party's, a mass
# organisation's, a company's); a government's 部 is a ministry, a name of its own (交通运输部).
_WITH_DEPARTMENTS = ("committee", "party", "mass", "enterprise")


def _department_of(body: Span, before: Post) -> bool:
    """民革中央副主席兼联络部部长: a department named with its own stem after a post of a body that
    has such departments is that body's."""
    return body.form == "unit" and to_simplified(body.text).endswith("部") and before.body_kind in _WITH_DEPARTMENTS


def _may_inherit(before: Post, core) -> bool:
    """Whether a post may take the body of the post written before it (常委、秘书长 of one 州委):
    a party title takes a party body, a 主任 or 主席 does not take a party committee — but the body a
    party committee sits in (县卫健委党委书记、主任: the commission's 主任)."""
    if core.kind == "party":
        return before.body_kind in ("committee", "cell", "organ", "mass", "zone", "")
    if core.core in ("主任", "主席") and before.body_kind == "committee" and not before.parents:
        return False
    return True


def _written_prefix(post: PostPhrase, sentence: str) -> str:
    return "".join(sentence[p.start: p.end] for p in post.parts if p.kind == "prefix"
                   and to_simplified(sentence[p.start: p.end]) in ("全国", "中央"))


# Bodies whose units (处, 科, 内科, 护理部) a story names without them: the story's own.
_HOSTS_OF_UNITS = ("hospital", "school", "court", "procuratorate", "enterprise")


def _unit_host(before: Post | None, ctx: Context, lex: Lexicon, at: int) -> str | None:
    """The body a unit written alone is part of: the body of the post just before it in its chain
    (宣传部部长、外宣处处长: the department's), or that body's host when that is a unit too (its
    sibling: 呼吸内科主任、医务处处长), else the hospital, school, court or enterprise the story is of."""
    if before is not None and before.body and before.body_label == ORGANIZATION:
        if before.body_kind in ("unit", "cell"):  # (院党组成员、政治部主任: a 党组 has no units)
            return before.parents[0] if before.parents else None
        # (全国政协副主席、交通运输部党组书记: a ministry, no unit of the CPPCC)
        return before.body if before.body_kind in _HOSTS_OF_UNITS + ("organ", "department", "party") else None
    # (医务科科长 after the story's bank and, in its own sentence, its hospital: the hospital's)
    return ctx.own_body(lex.name_endings(*_HOSTS_OF_UNITS), before=at, in_sentence=True)


def _stands_alone(body: Span, lex: Lexicon) -> bool:
    """人民政府, 政协, 村委会 name a body of the territory before them; 组织部 and 党组 need a host, as
    does an office written alone (县政府秘书长、办公室主任: the government's office)."""
    if body.text in ("办公室", "办"):
        return False
    forms = lex.bodies.get(body.text)
    if not forms:
        return True  # a name with its own stem: 江苏大学, 应急管理局
    return forms[0].kind not in ("organ", "cell", "court-organ", "unit", "congress-organ")


# Bodies of a territory that a title may name without it: 人大常委会 and 政协 exist from the county up.
_COUNTY_AND_UP = ("县", "区", "旗", "市", "州", "地区", "盟", "省")


# 团县委, 团市委: the Youth League's committee of a territory, by its level word.
_LEAGUE_COMMITTEE = re.compile(r"团(.{1,2})委")


def _home_for_body(body: str, lex: Lexicon, ctx: Context) -> str | None:
    """The article's territory whose body ``body`` is: 办事处 → its 街道, 村委会 → its 村."""
    simple = to_simplified(body)
    kind = _kind_of(simple, lex)
    if kind == "presidium":
        return ctx.session or None  # 大会主席团: the meeting's the article reports
    levels = [lv for t in lex.titles.values() for lv, b in t.bare_body.items() if b == simple]
    if not levels and simple.startswith(_PREFECTURE_WORD) and simple[len(_PREFECTURE_WORD):] in lex.bodies:
        levels = ["地区"]  # 地委书记 in a 和田地区 story: the prefecture's committee
    if not levels and kind in ("congress", "cppcc", "court", "procuratorate", "government", "military"):
        levels = list(_COUNTY_AND_UP)
    league = _LEAGUE_COMMITTEE.fullmatch(simple)
    if not levels and kind == "mass" and league and league.group(1) in lex.level_words:
        levels = [lex.level_words[league.group(1)]]  # 团县委书记: the league committee of the story's county
    if not levels and kind == "zone":
        return _story_zone(ctx, lex)  # 管委会副主任: the committee of the development zone the story is about
    if not levels:
        return None
    lowest = ctx.lowest(levels)
    return ctx.home(lowest) if lowest else None


_PREFECTURE_WORD = "地"  # the level word of a prefecture (地委, 地直工委: levels.tsv 地区)
_PARTY_CELLS = ("党委", "党总支", "党支部", "党组")
# Bodies with a party committee of their own that a story is about: 某大学党委, 某公司党委, 某医院党委.
_HOSTS_OF_CELLS = ("school", "hospital", "enterprise", "court", "procuratorate", "media", "other")


def body_kind_of_name(name: str, lex: Lexicon) -> str:
    """The kind of a body by the body word its name ends with (江南理工大学 → school)."""
    word = next(ending_at(lex.body_word_index, to_simplified(name), len(to_simplified(name))), None)
    return lex.bodies[word][0].kind if word else ""


def _host_named_last(ctx: Context, lex: Lexicon, before: int) -> str | None:
    """The body named last (before ``before`` in the current sentence) whose party committee a 党委
    written alone can be: a school, a hospital, an enterprise, a court."""
    for name in reversed(ctx.recent):
        if ctx.named_after(name, before):
            continue
        if body_kind_of_name(name, lex) in _HOSTS_OF_CELLS and not to_simplified(name).endswith(_PARTY_CELLS):
            return name
    return None


def _context_committee(ctx: Context, lex: Lexicon) -> str | None:
    """The article's own party committee: the one of its lowest territory that has a 委."""
    for level in ("县", "区", "旗", "市", "州", "地区", "盟", "省"):
        home = ctx.home(level)
        if home:
            return home + ("党委" if to_simplified(home).endswith("自治区") else "委")
    return None


def _level_word(level: str, lex: Lexicon, name: str = "") -> str:
    """The word that stands for a territory of ``level``: 州 for 黄南藏族自治州, 自治区 for 西藏自治区."""
    lv = lex.levels.get(level)
    if not lv or not lv.written:
        return ""
    simple = to_simplified(name)
    fitting = [w for w in lv.written if simple.endswith(w)]
    return max(fitting, key=len) if fitting else lv.written[0]


_CORPS_LEVELS = ("师", "团", "连")  # the 兵团's units (levels.tsv)


def _territory_of(post: PostPhrase, sentence: str, lex: Lexicon, ctx: Context, memory: Memory,
                  before: Post | None, core) -> tuple[str, str, str]:
    """(level, canonical territory, territory as written) of a post phrase."""
    spans = post.territories
    if len(spans) >= 2 and spans[-1].kind == "level" and spans[-2].kind == "territory" \
            and _suffix_of(spans[-2].text, lex) == spans[-1].text:
        spans = spans[:-1]  # 阳江市市政协: the 市 repeats 阳江市
    elif len(spans) >= 2 and spans[-1].kind == "level" and spans[-2].kind == "territory" \
            and (spans[-2].level or place_level(canonical_place(spans[-2].text), lex)) == spans[-1].level:
        spans = spans[:-1]  # 浦东新区区委: its 区 is 浦东新区 (written again after a new area, committee_stem)
    if spans:
        last = spans[-1]
        written = "".join(_written(sentence, s) for s in spans)
        if last.kind == "territory":
            name = canonical_place(_written(sentence, last))
            level = last.level or place_level(name, lex) or ""
            zone = _story_zone(ctx, lex) if level == "zone" and to_simplified(name) in lex.place_suffixes else None
            if zone:
                # 经开区党工委 in a story about 某经济技术开发区: the zone's kind alone is that zone
                return level, zone, written
            if len(spans) >= 2 and spans[-2].kind == "territory" and spans[-2].end == last.start \
                    and needs_the_territory_before(name, _written(sentence, spans[-2])):
                name = _written(sentence, spans[-2]) + _written(sentence, last)  # 甘肃城区人民法院
            # 阿勒泰地委副书记、地区行署专员: the 地区 of the chain is 阿勒泰地区, by its full name.
            memory.by_level[level] = _full_name_at_level(name, level)
            return level, name, written
        level = last.level
        home = _home_for_word(last.text, level, memory, ctx)
        # 区委 in a story that never names its district stays 区委, as written.
        return level, home or _written(sentence, last), ""
    # 150团党委书记、政委; 84团党委副书记、团长: a head with no body written after a post of a corps
    # unit heads the unit itself (a regiment, a division, a company has no 人民政府).
    if before is not None and before.territory and before.level in _CORPS_LEVELS and core.kind == "head" \
            and not post.bodies:
        return before.level, before.territory, ""
    # No territory written: a government core names its level (州长 → the 州).
    gov_level = next((lv for lv in core.bare_body if core.kind == "gov"), "")
    if gov_level:
        if before is not None and before.level == gov_level and before.territory:
            return gov_level, before.territory, ""
        home = memory.by_level.get(gov_level) or ctx.home(gov_level)
        return gov_level, home or "", ""
    return "", "", ""


def _story_zone(ctx: Context, lex: Lexicon) -> str | None:
    """The development zone the story names most by a name of its own (not 经开区 alone)."""
    return next((n for n, level in ctx.named_places if level == "zone" and to_simplified(n) not in lex.place_suffixes),
                None)


def _full_name_at_level(name: str, level: str) -> str:
    """阿勒泰 at level 地区 is 阿勒泰地区 (not the city 阿勒泰市); a name the data does not settle stays."""
    hits = [h for h in divisions().lookup(to_simplified(name)) if h.level == level]
    return in_script_of(name, hits[0].name) if len(hits) == 1 and to_simplified(name) != hits[0].name else name


def _suffix_of(name: str, lex: Lexicon) -> str:
    simple = to_simplified(name)
    return next((s for s in lex.place_suffixes_longest_first if simple.endswith(s)), "")


def _home_for_word(word: str, level: str, memory: Memory, ctx: Context) -> str | None:
    """The territory a level word stands for: the sentence's last of that level, else the article's.
    自治区 is an autonomous region's (自治区党委 in a Hebei story about Inner Mongolia)."""
    def fits(name: str | None) -> bool:
        # 省委 is a province's (not Hong Kong's, named more often), 自治区党委 an autonomous region's.
        if not name:
            return False
        simple = to_simplified(name)
        return simple.endswith(word) or word == "省" and simple.endswith("自治区") if word in ("省", "自治区") \
            else True

    for candidate in (memory.by_level.get(level), ctx.home(level), ctx.last_named.get(level)):
        if fits(candidate):
            return candidate
    return next((name for name, lv in ctx.named_places if lv == level and fits(name)), None)


_ASSEMBLIES = ("政协", "人大常委会", "人大")
_MEETING = "会议"  # the bare_body key of a post of the meeting the article reports (titles.tsv)
_PARTY = "党派"  # …and of a post of the democratic party's committee the story is about
# Commissions named by their territory though they answer to its party committee (县纪委, not 县委纪委).
_TERRITORY_COMMISSIONS = ("纪委监委", "纪委", "监委", "监察委", "监察委员会", "纪律检查委员会")
_COURTS = ("法院", "检察院")  # the bodies a 审判委员会 or 检察委员会 sits in
_OWN_UNIT = "本单位"  # …and of a head of the body of its kind the story is about (院长 alone: its court)
_ASSEMBLY_KIND = {"政协": "政协", "委会": "人大常委会", "人大": "人大"}


def _body_for_bare(post: PostPhrase, core, level: str, territory: str, lex: Lexicon, ctx: Context,
                   before: Post | None, memory: Memory) -> tuple[str | None, str, list[str], str]:
    """The body of a post written without one: from its territory, the chain, or the article."""
    if territory:
        # 西藏自治区主席 is the region's government: an autonomous region has entries of its own.
        body = core.bare_body.get(_level_word(level, lex, territory)) or core.bare_body.get(level)
        if body:
            return canonical_org(territory + in_script_of(territory, body), Context(), lex), ORGANIZATION, [], \
                _kind_of(body, lex)
        return territory, PLACE, [], ""
    if core.kind == "gov":
        own = next(iter(core.bare_body), "")
        # 市长 in a story that never names its city: the city's government, abbreviated as written.
        return (own + core.bare_body[own], ORGANIZATION, [], "government") if own else (None, ORGANIZATION, [], "")
    if post.bare and before is not None and before.body and before.kind != "gov":
        # 常委、秘书长 after 州委副秘书长; 副主任 after 党组书记 is the host's.
        # (院党委书记、院长: a party committee inside a body is hosted too; the 院长 is the hospital's)
        if (before.body_kind in _HOSTED or before.body_kind == "committee") and core.kind != "party" \
                and before.parents:
            return before.parents[0], ORGANIZATION, before.parents[1:], body_kind_of_name(before.parents[0], lex)
        if core.kind == "party" and before.body_kind == "mass" and before.parents:
            # 共青团某市委青联秘书长、副书记: a federation has no 副书记 — the league committee it sits in has
            return before.parents[0], ORGANIZATION, before.parents[1:], "mass"
        return before.body, before.body_label, before.parents, before.body_kind
    if post.bare and before is not None and before.kind == "gov" and before.territory and core.kind == "party":
        body = core.bare_body.get(before.level)
        if body:
            return canonical_org(before.territory + body, Context(), lex), ORGANIZATION, [], "committee"
    if core.kind == "member" and not core.bare_body:
        # 委员 alone: a seat in the assembly the article is about (its 政协, its 人大常委会).
        body = ctx.main_body(_ASSEMBLIES)
        if body:
            return body, ORGANIZATION, [], _kind_of(_ASSEMBLY_KIND.get(to_simplified(body)[-2:], ""), lex)
    if _PARTY in core.bare_body:
        # 主委 alone: the democratic party's committee the story named last (农工党某市委).
        party = next((b for b in reversed(ctx.recent) if 0 < len(party_prefix(b, lex)) < len(b)), None)
        if party:
            return party, ORGANIZATION, [], "committee"
    if _OWN_UNIT in core.bare_body:
        # 副院长宫某 in a court's story: the court it is about (the headline's, else the first named),
        # as 院党组成员 is; the kinds by how their names end (院, 检察院).
        own = ctx.own_body(core.bare_body[_OWN_UNIT].split("|"), before=post.start)
        if own:
            return own, ORGANIZATION, [], ""
    if _MEETING in core.bare_body:
        # 执行主席 alone: a post of the presidium of the meeting the article reports.
        if not ctx.session:
            return None, ORGANIZATION, [], ""
        body = in_script_of(ctx.session, core.bare_body[_MEETING])
        return canonical_org(ctx.session + body, Context(), lex), ORGANIZATION, [], "presidium"
    # The smallest territory the sentence has named so far, then the article's.
    for level in reversed(LEVELS):
        if level in core.bare_body and memory.by_level.get(level):
            home = memory.by_level[level]
            break
    else:
        level = ctx.lowest(list(core.bare_body))
        home = ctx.home(level) if level else None
    if home:
        body = core.bare_body[level]
        return canonical_org(home + in_script_of(home, body), Context(), lex), ORGANIZATION, [], _kind_of(body, lex)
    return None, ORGANIZATION, [], ""


def _kind_of(body: str, lex: Lexicon) -> str:
    forms = lex.bodies.get(body)
    return forms[0].kind if forms else ""


def _written_phrase(post: PostPhrase, sentence: str, lex: Lexicon) -> str:
    """The phrase as written, without a 中共 prefix, a session (十二届) or a former qualifier (原岚溪县县长
    names the post 岚溪县县长, held before)."""
    return "".join(_written(sentence, p) for p in post.parts
                   if p.kind != "session" and not _of_time(p, lex)
                   and not (p.kind == "prefix" and to_simplified(p.text) in ("中共", "中国共产党")))


_OF_TIME = ("former", "current")  # qualifiers that say when the post is held, not which post


def _of_time(part, lex: Lexicon) -> bool:
    """原 or 现: a qualifier of time, no part of the post's name."""
    return part.kind == "qualifier" and lex.qualifiers.get(part.text) in _OF_TIME


# Bodies whose posts are called by their core alone: the 董事长 of a company, the 校长 of a school.
_NAMED_HEADS = {"enterprise", "school", "hospital", "media"}
# Bodies whose posts are named with the level of their territory: 区委书记, 省政协副主席, 县人大常委会副主任.
_LEVEL_NAMED = {"committee", "congress", "cppcc"}


def _title(post: PostPhrase, sentence: str, lex: Lexicon, quals: str, core: str, body_words: list[str]) -> str:
    """The post as written without its territory's name: 区委书记, 组织部部长, 副县长, 党组书记.

    A party committee, a people's congress and a CPPCC name their posts with
    the level of their territory (卫东区委书记 → 区委书记, 浙江省政协副主席 →
    省政协副主席); other bodies with their own name (卫健委主任, 村委会主任);
    a core that names its body (局长, 县长) stands alone.
    """
    title = lex.titles[post.core.text]
    if not post.bodies or not title.keeps_body or title.kind == "gov" or post.bodies[-1].form in _NAMED_HEADS:
        return quals + core
    bodies = [b for b in post.bodies if not (lex.bodies.get(b.text) and lex.bodies[b.text][0].form == "prefix")]
    front = "".join(_written(sentence, b) for b in post.bodies if b not in bodies)
    first = bodies[0] if bodies else post.bodies[0]
    territory = post.territories[-1] if post.territories else None
    level_named = first.form in _LEVEL_NAMED and (first.text in ("委", "工委") or first.form != "committee"
                                                 or len(first.text) == 1)
    if level_named and territory is not None:
        level_word = territory.text if territory.kind == "level" else \
            _level_word(territory.level or place_level(territory.text, lex) or "", lex, territory.text)
        written = "".join(_written(sentence, b) for b in bodies)
        return front + in_script_of(sentence[territory.start: territory.end], level_word) + written + quals + core
    if first.text in ("委",) and front:
        return front + body_words[-1] + quals + core
    return body_words[-1] + quals + core

"""What an article is about: its territory at each level, and the names they complete.

Local news writes "区纪委监委" and "该区" for 卫东区纪委监委 and 卫东区: the
reader knows which district. ``Context`` holds the article's territory at
each level and turns abbreviations and anaphora into full canonical names.

The territory of a level is the one the article names most, with one
exception: a larger territory that contains the article's own county wins
over one named more often (a story from 正定县 that mentions Hong Kong
again and again is still a Hebei story). What the article does not name is
taken from the page (the larger levels only) and from the division data (卫东区
lies in 平顶山市, 河南省).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from govkg.extract.admin import divisions
from govkg.extract.lexicon import Lexicon, default_lexicon
from govkg.extract.normalize import in_script_of, to_simplified
from govkg.extract.territory import canonical_place, place_level

if TYPE_CHECKING:
    from govkg.extract.records import Sentence

# A territory of one level stands in for the other when the text says 区 of a 县 and so on.
_SAME_RANK = {"区": "县", "县": "区"}
_COUNTY = ("区", "县", "旗")
_PREFECTURE = ("市", "州", "地区", "盟")
# Levels the page's territories carry over to each of its articles.
_CARRY_OVER = ("省", "州", "地区", "盟", "市", "区", "县", "旗")


@lru_cache(maxsize=1)
def levels_by_rank() -> tuple[str, ...]:
    lex = default_lexicon()
    return tuple(sorted((lv for lv in lex.levels if lv not in ("site", "zone")), key=lex.rank))


LEVELS = levels_by_rank()


@dataclass
class Context:
    homes: dict[str, str] = field(default_factory=dict)  # level -> canonical territory name
    # The bodies the article has named so far, latest last: 该院 and 院党组 refer back to one.
    recent: list[str] = field(default_factory=list)
    # Every territory the article names, with its level, most named first.
    named_places: list[tuple[str, str]] = field(default_factory=list)

    # How often the article has named each body: 委员 alone in a 政协 story is a seat in that 政协.
    body_counts: Counter = field(default_factory=Counter)
    # The congress or CPPCC session the article reports, as first written in full with its
    # territory (深圳市坪山区第一届人民代表大会第五次会议): 大会主席团 and 执行主席 are its.
    session: str = ""
    # The bodies the article's headlines name: what the story is about.
    headline_bodies: list[str] = field(default_factory=list)
    # The territory of each level the sentences before the current one named last (a story of
    # several towns: 镇长 after 某镇党委书记… of the sentence before is that town's).
    last_named: dict[str, str] = field(default_factory=dict)
    # Where the current sentence first names each body, and the bodies named before it.
    _here: dict[str, int] = field(default_factory=dict)
    _earlier: set[str] = field(default_factory=set)

    def begin_sentence(self) -> None:
        """A new sentence: bodies it names are "named last" only for what it writes after them."""
        self._earlier = set(self.recent)
        self._here = {}

    def named(self, body: str, at: int | None = None) -> None:
        """The article names ``body`` (at offset ``at`` of the current sentence)."""
        if body in self.recent:
            self.recent.remove(body)
        self.recent.append(body)
        self.body_counts[body] += 1
        if at is not None:
            self._here.setdefault(body, at)

    def own_body(self, ending: str | tuple[str, ...], before: int | None = None,
                 in_sentence: bool = False) -> str | None:
        """The body a title or a first-person word means by its kind alone (院党组成员, 我院): the
        one of that kind the headline names (鄂州中院…: the court the story is about, whichever court
        it names last), else the first one the story names; with ``in_sentence`` (a title written
        with the kind: 学校团委书记), first the one its sentence names before it. ``ending``: how the
        names of that kind end (院; 大学, 学院 … for 学校). A first-person word (我院) means the
        writer's own body, whatever else its sentence names."""
        endings = tuple(to_simplified(e) for e in ((ending,) if isinstance(ending, str) else ending))

        def fits(b: str) -> bool:
            simple = to_simplified(b)
            return any(simple.endswith(e) and len(b) > len(e) for e in endings)

        if in_sentence and before is not None:
            # One the sentence itself names before it (…从北方交通大学毕业后…曾任学校团委书记).
            here = [(at, b) for b, at in self._here.items() if at < before and fits(b)]
            if here:
                return max(here)[1]
        # …else the first the story names (a story names its own body first: 在省人民医院举行了…，我院…)
        return next((b for b in self.headline_bodies if fits(b)), None) \
            or next((b for b in self.body_counts if fits(b) and (b in self._earlier or before is None
                                                                  or self._here.get(b, before) < before)), None)

    def main_body(self, endings: tuple[str, ...]) -> str | None:
        """The body the article names most among those whose name ends so (政协, 人大常委会)."""
        found = [(c, b) for b, c in self.body_counts.items() if to_simplified(b).endswith(endings)]
        return max(found)[1] if found else None

    def named_after(self, body: str, at: int) -> bool:
        """Whether the current sentence names ``body`` first at ``at`` or after, and no sentence before it."""
        return body not in self._earlier and self._here.get(body, -1) >= at

    def last_body(self, ending: str | tuple[str, ...], before: int | None = None) -> str | None:
        """The body named last whose name ends with ``ending`` (院 → 宁城县人民法院); with ``before``,
        named before that offset of the current sentence (院党组副书记…赴梁子湖区法院调研: 院 is the
        court named before the sentence, not the one it goes on to name)."""
        endings = tuple(to_simplified(e) for e in ((ending,) if isinstance(ending, str) else ending))
        for b in reversed(self.recent):
            if before is not None and self.named_after(b, before):
                continue
            simple = to_simplified(b)
            if any(simple.endswith(e) and len(b) > len(e) for e in endings):
                return b
        return None

    def home(self, level: str) -> str | None:
        found = self.homes.get(level) or self.homes.get(_SAME_RANK.get(level, ""))
        if not found and level == "市":
            # 市委 in a story about 天津: a municipality is its own city.
            province = self.homes.get("省", "")
            if to_simplified(province).endswith("市"):
                return province
        return found

    def lowest(self, levels: list[str]) -> str | None:
        """The lowest of the given levels that the article has a territory for."""
        for level in reversed(LEVELS):
            if level in levels and self.home(level):
                return level
        return None


def _most_named(place_counts: Counter[str], levels: dict[str, str], level: str) -> str | None:
    """The territory of a level the article is about: named at least twice as often as any other
    of that level (a round-up of six provinces is about none of them)."""
    named = sorted(((n, c) for n, c in place_counts.items() if levels.get(n) == level), key=lambda x: (-x[1], x[0]))
    if not named or len(named) > 1 and named[0][1] < 2 * named[1][1] and len(named) >= 3:
        return None
    return named[0][0]


def _ancestors(name: str) -> list[str]:
    hits = divisions().lookup(to_simplified(name))
    return [a.name for a in divisions().ancestors(hits[0])] if len(hits) == 1 else []


def build_context(place_counts: Counter[str], levels: dict[str, str],
                  fallback: "Context | None" = None, away: set[str] = frozenset()) -> Context:
    """The article's home territory at each level (see the module's docstring). ``away`` are
    territories the story's people visit (resolution.visited): neither they nor what lies in
    them are home."""
    ctx = Context()
    ctx.named_places = [(n, levels.get(n, "")) for n, _c in sorted(place_counts.items(), key=lambda x: (-x[1], x[0]))]
    if away:
        simple_away = {to_simplified(a) for a in away}
        place_counts = Counter({n: c for n, c in place_counts.items() if to_simplified(n) not in simple_away
                                and not simple_away & {to_simplified(a) for a in _ancestors(n)}})
    for level in LEVELS:
        home = _most_named(place_counts, levels, level)
        if home:
            ctx.homes[level] = home
    # Larger territories that contain the article's county (or its city) win over others.
    base = next((ctx.homes[lv] for lv in _COUNTY if lv in ctx.homes), None) \
        or next((ctx.homes[lv] for lv in _PREFECTURE if lv in ctx.homes), None)
    if base:
        # …when the county is named at least as often as the one it would replace.
        containing = {to_simplified(a) for a in _ancestors(base)}
        for name, level in levels.items():
            current = ctx.homes.get(level)
            if place_counts.get(name) and to_simplified(name) in containing and level in ("省",) + _PREFECTURE \
                    and place_counts[base] >= place_counts.get(current, 0):
                ctx.homes[level] = name
    if fallback:
        # Only the page's larger territories carry over: a village named in one
        # story is not the village of the next.
        for level, name in fallback.homes.items():
            if level in _CARRY_OVER:
                ctx.homes.setdefault(level, name)
    # Fill upper levels from the division data: 卫东区 lies in 平顶山市, 河南省.
    for level in _COUNTY + _PREFECTURE:
        name = ctx.homes.get(level)
        if not name:
            continue
        hits = divisions().lookup(to_simplified(name))
        if len(hits) == 1:
            for anc in divisions().ancestors(hits[0]):
                ctx.homes.setdefault(anc.level, anc.name)
    return ctx


_NUMBER = "[一二三四五六七八九十百〇零0-9]+"
_SESSION_MEETING = re.compile(rf"第{_NUMBER}[届屆](人民代表大[会會]|委[员員][会會])第{_NUMBER}次[会會][议議]")
_CPPCC = ("中国人民政治协商会议", "政协")


def article_session(sentences: list["Sentence"]) -> str:
    """The meeting of a people's congress or a CPPCC the article reports, as the article writes it
    most often (first if tied) with its territory: 深圳市坪山区第一届人民代表大会第五次会议,
    中国人民政治协商会议黔东南苗族侗族自治州第十届委员会第三次会议.

    The territory must be written (十届四次会议 names no meeting of its own), and a 委员会 is a CPPCC
    only after 政协: 中共X县第十四届委员会第三次全体会议 is a party plenum, which has no presidium."""
    written: Counter[str] = Counter()
    for s in sentences:
        text = s.tagged.text
        ends = {p.end: p.start for p in s.places if p.level != "site"}
        for m in _SESSION_MEETING.finditer(text):
            start = m.start()
            while start in ends:
                start = ends[start]  # 深圳市 + 坪山区
            cppcc = next((c for c in _CPPCC if text[:start].endswith(c)), "")
            if start == m.start() or m.group(1)[0] == "委" and not cppcc:
                continue
            written[s.text[start - len(cppcc): m.end()]] += 1
    return max(written, key=written.get) if written else ""  # max keeps the first of a tie


def canonical_org(name: str, ctx: Context, lex: Lexicon) -> str:
    """Full canonical name of a body: 区政府 → 卫东区人民政府, 中共河南省委 → 河南省委.

    Decisions are taken on the simplified form; the name keeps the
    characters it was written in.
    """
    name = re.sub(r"\s+", "", name)
    # A session is not part of a body's name (郑州市第十一届人大, 十二届市政协), except the
    # presidium of one meeting of it (…第一届人民代表大会第五次会议主席团).
    if not re.search(r"次[会會][议議]", name):
        name = re.sub(r"第?[一二三四五六七八九十百〇零0-9]+[届屆]", "", name) or name
    # 海宁团市委 is 共青团海宁市委: the Youth League's committee of the territory.
    m = re.match(r"^(.+?[市县区])?(.*?)团([市县区])委", name)
    if m and m.group(2) and not m.group(1):
        name = in_script_of(name, "共青团") + m.group(2) + in_script_of(name, m.group(3) + "委") + name[m.end():]
    elif m and m.group(1):
        name = in_script_of(name, "共青团") + m.group(1) + in_script_of(name, "委") + name[m.end():]
    name = _drop_repeated_level(name)
    name = _short_name(name, lex)
    simple = to_simplified(name)
    if simple.endswith("委会") and any(simple.startswith(w) and len(simple) > len(w) + 2 for w in lex.party_prefixes):
        # 民革镇江市委会, 民建阳江市委会: a democratic party's committee, known by its short name (…市委).
        name, simple = name[:-1], simple[:-1]
    if re.search(r"[省市区县州旗盟]常委会$", simple):
        # 湖南省常委会: a territory's 常委会 written without its 委 (市委常委会) is its congress's.
        name, simple = name[:-3] + in_script_of(name, "人大常委会"), simple[:-3] + "人大常委会"
    if simple.endswith("人民代表大会常务委员会"):
        # The short name it is known by: 贵州省人民代表大会常务委员会 → 贵州省人大常委会.
        name, simple = name[:-11] + in_script_of(name, "人大常委会"), simple[:-11] + "人大常委会"
    for prefix in ("中国共产党", "中共"):
        if simple.startswith(prefix) and len(name) > len(prefix) + 2:
            name, simple = name[len(prefix):], simple[len(prefix):]
            break
    for anaphor, level in sorted(lex.anaphora.items(), key=lambda x: -len(x[0])):
        if simple.startswith(anaphor) and level in LEVELS and ctx.home(level) and len(name) > len(anaphor):
            name = ctx.home(level) + name[len(anaphor):]
            break
    else:
        name = _expand_level_prefix(name, ctx)
    simple = to_simplified(name)
    at = simple.find("中院")
    if at >= 2:
        # 鄂州市中院, 鄂州中院党组: a 中院 is the intermediate court of a prefecture.
        stem = canonical_place(name[:at])
        if to_simplified(stem).endswith(("市", "州", "盟", "地区")):
            return stem + in_script_of(name, "中级人民法院") + name[at + 2:]
    court = re.match(r"^(.{2,12}?[区县市州旗])院(?=$|党组|党委|执行局|审判委员会|检察委员会)", simple)
    if court and ctx.body_counts:
        # 华容区院熊某副院长 in a courts' story: the district's court (a procuratorates' story: its
        # procuratorate), as that system writes it.
        kinds = Counter("人民检察院" if to_simplified(b).endswith("检察院") else "人民法院"
                        for b in ctx.body_counts if to_simplified(b).endswith(("法院", "检察院")))
        if kinds:
            kind = kinds.most_common(1)[0][0]
            name, simple = name[: court.end(1)] + in_script_of(name, kind) + name[court.end():], \
                simple[: court.end(1)] + kind + simple[court.end():]
    # 县政府 → 县人民政府, also inside a longer name (宁城县法院党组 → 宁城县人民法院党组).
    for short, full in (("人民政府", None), ("政府", "人民政府"), ("人民检察院", None), ("检察院", "人民检察院"),
                        ("人民法院", None), ("法院", "人民法院")):
        at = _last_body_word(simple, short, lex)
        if at is None:
            continue
        stem = simple[:at]
        if full and stem and (stem[-1] in "省市区县州旗镇乡" or stem.endswith(("街道", "苏木"))):
            name = name[:at] + in_script_of(name, full) + name[at + len(short):]
        break
    return name


# The formal name of a territory's committee: [政协 | a party] territory 委员会 (the session dropped).
_FORMAL_COMMITTEE = re.compile(r"^(中国共产党|中共|政协|)(.{2,12}?[省市县区州旗盟])委员会$")


def _short_name(name: str, lex: Lexicon) -> str:
    """The name a body is known by: 中国民主同盟昆明市委员会 → 民盟昆明市委, 政协某县委员会 → 某县政协,
    中共某县委员会 → 某县委 (short_names.tsv; the name as written stays an alias)."""
    simple = to_simplified(name)
    full = next((f for f in sorted(lex.short_names, key=len, reverse=True) if simple.startswith(f)), None)
    if full and len(simple) > len(full):
        name, simple = in_script_of(name, lex.short_names[full]) + name[len(full):], \
            lex.short_names[full] + simple[len(full):]
    party = party_prefix(simple, lex)
    m = _FORMAL_COMMITTEE.match(simple[len(party):])
    if not m or not place_level(m.group(2), lex) or lex.levels[place_level(m.group(2), lex)].rank > 2:
        return name
    start, end = len(party) + m.start(2), len(party) + m.end(2)
    territory = name[start:end]
    if m.group(1) == "政协" and not party:
        return territory + name[:2]  # 政协 written in its own script
    return name[:len(party)] + territory + in_script_of(name, "委")


def party_prefix(name: str, lex: Lexicon) -> str:
    """The democratic party a body's name starts with (民革某省委 → 民革), or ''."""
    simple = to_simplified(name)
    return next((p for p in lex.party_prefixes if simple.startswith(p)), "")


def _last_body_word(simple: str, word: str, lex: Lexicon) -> int | None:
    """Where ``word`` ends the name or is followed only by the kinds of body inside it (党组)."""
    at = simple.rfind(word)
    if at < 0:
        return None
    rest = simple[at + len(word):]
    return at if not rest or rest in lex.bodies else None


def _drop_repeated_level(name: str) -> str:
    """阳江市市政协, 龙岩市市委宣传部: the level written again after the city is the city's.

    A territory of one character and its level (魏县, 沛县) is the exception: its party
    committee is written with the level twice (魏县县委); its other bodies are not (丰县政协).
    """
    def once(m: re.Match) -> str:
        stem = re.split(r"[省市区县州旗盟]", name[:m.start()])[-1]
        if stem.endswith("新") or (len(stem) < 2 and to_simplified(name[m.end():m.end() + 1]) == "委"):
            return m.group(0)
        return m.group(1)

    # (巴彦某嘎查 + 嘎查委员会: the gacha's committee, its level written once)
    return re.sub(r"([市县州旗])\1", once, re.sub(r"(嘎查|苏木)\1", r"\1", name))


def committee_stem(territory: str) -> str:
    """What a territory's party committee (…委) is written after: the territory, but a territory of
    one character and its level (魏县) or a new area (浦东新区) writes its level again (魏县县委,
    浦东新区区委)."""
    simple = to_simplified(territory)
    if len(simple) == 2 and simple[-1] in "县区市旗" or simple.endswith("新区"):
        return territory + territory[-1]
    return territory


def _expand_level_prefix(name: str, ctx: Context) -> str:
    """区纪委监委 → 卫东区纪委监委; 街道办事处 → 建设路街道办事处; 村委会 stays for the caller."""
    simple = to_simplified(name)
    if simple.startswith("街道") and ctx.home("街道"):
        return ctx.home("街道") + name[2:]
    if simple[:1] in "省市区县州旗镇乡" and len(name) >= 2:
        home = ctx.home(simple[0])
        if home and not simple.startswith(to_simplified(home)):
            if simple[1] == "委":
                return committee_stem(home) + name[1:]  # 县委 of 魏县: 魏县县委
            return home + name[1:]
    return name

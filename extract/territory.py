"""Territories: what level a place name is, its full name, and the names written inside titles.

A territory is named by a division (cpca's data: 河南省, 临夏回族自治州 and its usual
short form 临夏州), by the suffix grammar (小店村, 建设路街道, 一〇三团) or, inside a
title or a body's name, by a level word that stands for the article's territory
of that level (区 of 区委, 自治区 of 自治区党委, 地 of 地委).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from govkg.extract.admin import divisions
from govkg.extract.lexicon import Lexicon, after_name_words, ending_at
from govkg.extract.normalize import in_script_of, to_simplified

# Words that begin with a level character but are not a territory and a name (市场监督管理局), nor
# end one (雄安新区市民服务中心 names no 雄安新区市).
LEVEL_INITIAL_WORDS = {"市场", "市民", "市政", "区域", "县城", "县域", "乡镇", "乡村", "村镇", "村民", "镇村",
                       "省级", "市级", "区级", "县级", "镇级", "乡级", "村级", "州级", "地方", "区位", "市容",
                       "村规", "村集", "村务", "村干", "村组", "村两", "乡贤"}
# A stem may not hold a body: 县委县 (of 县委县政府) is no territory.
_BODY_CHARS = re.compile(r"委|政府|党|中共|共青团|局|厅|法院|检察院|政协|人大")
# Two levels written together: the territories of both in general (沿海省市, 派驻盟市, 各县区).
TWO_LEVELS_END = re.compile(r"(?:省市|市县|县市|县区|区县|盟市|旗县|旗区)$")
# The suffixes of a village's name and of the township it lies in (places.py, titles.py).
VILLAGE_SUFFIXES = ("嘎查", "社区", "村")
TOWN_SUFFIXES = ("苏木", "镇", "乡", "街道")
# A cue of appointment the model glues to the name after it (韩某|同志任县财政局|党组书记, 曾任职|某局):
# no place or body name holds one, so a name read leftwards stops where one ends.
GLUED_CUE = re.compile(r"(?:同志|[担曾历现调转改升出接兼原时拟]任|任命|免去)(?:任|为|职)?$")
# Words that begin a phrase about territories but are not part of a name: 全市, 各县, 该区.
_MODIFIERS = ("全", "各", "该", "本", "我", "每", "历届", "所在")
NUMERIC_STEM = re.compile(r"^第?[0-9一二三四五六七八九十百〇零两]+$")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a sentence: offsets into it and what the piece is."""

    start: int
    end: int
    text: str  # simplified characters
    kind: str  # territory, level, body, qualifier, core, prefix, session
    level: str = ""  # for territories and level words
    form: str = ""  # for bodies: the BodyWord's kind (committee, government…)
    written: str = ""  # the word it stands for, when not as written (委 for 委员会 of 中共某县委员会)


def place_level(name: str, lex: Lexicon) -> str | None:
    """The level a territory name's suffix gives it (卫东区 → 区), ``site`` for named sites."""
    simple = to_simplified(name)
    if simple in lex.level_words:
        return None  # 自治区 alone stands for the article's region, it names none
    for suffix in ending_at(lex.place_suffix_index, simple, len(simple)):
        stem = simple[: -len(suffix)]
        kind = lex.place_stems.get(suffix)
        if kind == "numeric":
            if stem and NUMERIC_STEM.match(stem):
                return lex.place_suffixes[suffix]
            continue
        if kind == "division":
            hits = divisions().lookup(simple)
            if hits:
                return hits[0].level
            continue
        if len(stem) >= 2 or (simple == suffix and len(suffix) >= 3):
            return lex.place_suffixes[suffix]  # 高新区 alone: the article's zone
    hits = divisions().lookup(simple)
    return hits[0].level if hits else None


def canonical_place(name: str) -> str:
    """The full name of a division written short: 平顶山 → 平顶山市, 临夏州 → 临夏回族自治州.

    Kept in the script it was written in. A short form that names two
    divisions (临夏: the prefecture and its city) stays as written.
    """
    simple = to_simplified(name)
    hits = divisions().lookup(simple)
    if len(hits) == 1 and hits[0].name != simple:
        full = hits[0].name
        if full.startswith(simple):
            return name + in_script_of(name, full[len(simple):])
        return in_script_of(name, full)
    return name


def division_ending_at(text: str, end: int, start_limit: int = 0) -> Span | None:
    """The longest division name (with its suffix) that ends at ``end`` in simplified ``text``."""
    divs = divisions()
    for length in range(min(14, end - start_limit), 1, -1):
        piece = text[end - length: end]
        hits = divs.lookup(piece)
        if hits and piece[-1] in "省市区县州旗盟" or piece.endswith("地区") and hits:
            return Span(end - length, end, piece, "territory", hits[0].level)
    return None


def cue_and_level(name: str, lex: Lexicon) -> bool:
    """任县 of 曾任县委书记: a division whose stem is a word that introduces a post (cues.tsv) reads as
    that word and a level word, not as the division."""
    simple = to_simplified(name)
    return len(simple) >= 2 and simple[-1:] in lex.level_words and simple[:-1] in {c.word for c in lex.cues}


def level_word_ending_at(text: str, end: int, lex: Lexicon, start_limit: int = 0) -> Span | None:
    """A level word (区, 自治区, 街道, 地…) ending at ``end``: the longest one."""
    word = next(ending_at(lex.level_index, text, end, start_limit), None)
    return Span(end - len(word), end, word, "level", lex.level_words[word]) if word else None


@lru_cache(maxsize=1)
def _after_name_verbs() -> re.Pattern:
    """The words of two characters or more that follow a name (after_name.txt): never in a territory's name."""
    return re.compile("|".join(re.escape(w) for w in after_name_words() if len(w) >= 2))


def is_territory(name: str, lex: Lexicon) -> bool:
    """A name the territory grammar accepts as a territory (not a site)."""
    level = place_level(name, lex)
    if level in (None, "site") or name in lex.generic_bodies or name in lex.generic_places:
        return False
    generic = max((g for g in lex.generic_places if name.endswith(g) and g not in lex.place_suffixes
                   and g not in lex.level_words), key=len, default=None)  # the longest: 农业农村, not 农村
    if generic and len(name) - len(generic) <= 2 and not divisions().lookup(name):
        return False  # 偏远山村, 美丽乡村, 宜居乡村: a kind of place described
    if generic and not divisions().lookup(name) and divisions().lookup(name[: -len(generic)]):
        return False  # 岳阳市城市 of 岳阳市城市建设投资集团: a division, then a kind of place
    if divisions().lookup(name):
        return True
    if TWO_LEVELS_END.search(name):
        return False  # 派驻盟市 of 自治区派驻盟市换届督查组: two levels in general
    suffix = next((s for s in lex.place_suffixes_longest_first if name.endswith(s)), "")
    stem = name[: -len(suffix)] if suffix else name
    if _BODY_CHARS.search(stem) or GLUED_CUE.search(stem) or "同志" in stem:
        return False
    if _after_name_verbs().search(stem):
        return False  # 周华代表县 of 县长周华代表县人民政府作报告: a name and a verb that follows names
    if lex.long_title_cores.search(stem):
        return False  # 副县长兼县 of 副县长兼县公安局局长: a title is in no territory's name
    if stem.startswith(lex.body_prefixes):
        return False  # 民进省 of 民进省委会, 共青团县 of 共青团县委: a party or league before a level word
    if len(stem) >= 2 and stem[-1] == name[-1] and stem[-1] in "省市区县州旗镇乡村":
        return False  # 抚州市市 of 抚州市市长
    if stem.startswith(_MODIFIERS):
        return False  # 全体市 of 全体市政协委员, 各县
    return True


def needs_the_territory_before(name: str, outer: str) -> bool:
    """甘肃|矿区: a territory of two characters that is no one division of the data within the
    territory written before it (矿区 and 城区 name districts of some city, not of 甘肃) is known by
    both; 河北省|魏县 is 魏县 alone."""
    simple = to_simplified(name)
    if len(simple) != 2:
        return False
    hits = divisions().lookup(simple)
    outer = to_simplified(canonical_place(outer))
    return not (len(hits) == 1 and outer in {to_simplified(a.name) for a in divisions().ancestors(hits[0])})

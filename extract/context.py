"""What an article is about: its territories by level, and the names they complete.

Local news writes "区纪委监委" and "该区" for 卫东区纪委监委 and 卫东区: the
reader knows which district. ``Context`` holds the article's territory at
each level (the one it names most, else the page's, else what the
administrative-division data says contains it) and turns abbreviations and
anaphora into full canonical names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from govkg.extract.admin import divisions
from govkg.extract.lexicon import Lexicon
from govkg.extract.normalize import in_script_of, to_simplified

LEVELS = ("省", "市", "区", "县", "镇", "乡", "街道", "村", "社区")
_LEVEL_CHAR = {"省": "省", "市": "市", "区": "区", "县": "县", "镇": "镇", "乡": "乡"}
# A territory of one level stands in for the other when the text says 区 of a 县 and so on.
_SAME_RANK = {"区": "县", "县": "区"}


@dataclass
class Context:
    homes: dict[str, str] = field(default_factory=dict)  # level -> canonical territory name

    def home(self, level: str) -> str | None:
        return self.homes.get(level) or self.homes.get(_SAME_RANK.get(level, ""))

    def lowest(self, levels: list[str]) -> str | None:
        """The lowest of the given levels that the article has a territory for."""
        for level in reversed(LEVELS):
            if level in levels and self.home(level):
                return level
        return None


def canonical_place(name: str) -> str:
    """Full form of a territory's short name: 平顶山 → 平顶山市, 河南 → 河南省 (as written)."""
    simple = to_simplified(name)
    for div in divisions().lookup(simple):
        if div.name != simple and divisions().short_name(div.name) == simple:
            return name + in_script_of(name, div.name[len(simple):])
    return name


def build_context(place_counts: Counter[str], levels: dict[str, str],
                  fallback: "Context | None" = None) -> Context:
    """The article's home territory at each level, most-named first."""
    ctx = Context()
    for level in LEVELS:
        named = [(n, c) for n, c in place_counts.items() if levels.get(n) == level]
        if named:
            ctx.homes[level] = sorted(named, key=lambda x: (-x[1], x[0]))[0][0]
    if fallback:
        # Only the page's larger territories carry over: a village named in one
        # story is not the village of the next.
        for level, name in fallback.homes.items():
            if level in ("省", "市", "区", "县"):
                ctx.homes.setdefault(level, name)
    # Fill upper levels from the division data: 卫东区 lies in 平顶山市, 河南省.
    for level in ("区", "县", "市"):
        name = ctx.homes.get(level)
        if not name:
            continue
        hits = divisions().lookup(to_simplified(name))
        if len(hits) == 1:
            for anc in divisions().ancestors(hits[0]):
                ctx.homes.setdefault(anc.level, anc.name)
    return ctx


def canonical_org(name: str, ctx: Context, lex: Lexicon) -> str:
    """Full canonical name of a body: 区政府 → 卫东区人民政府, 中共河南省委 → 河南省委.

    Decisions are taken on the simplified form; the name keeps the
    characters it was written in.
    """
    name = re.sub(r"\s+", "", name)
    simple = to_simplified(name)
    if simple.startswith("中共") and len(name) > 4:
        name, simple = name[2:], simple[2:]
    for anaphor, level in sorted(lex.anaphora.items(), key=lambda x: -len(x[0])):
        if simple.startswith(anaphor) and ctx.home(level) and len(name) > len(anaphor):
            name = ctx.home(level) + name[len(anaphor):]
            break
    else:
        name = _expand_level_prefix(name, ctx)
    simple = to_simplified(name)
    for short, insert_at in (("人民政府", None), ("政府", 2), ("人民检察院", None), ("检察院", 3),
                             ("人民法院", None), ("法院", 2)):
        if simple.endswith(short):
            stem = simple[: -len(short)]
            if insert_at and stem and (stem[-1] in "省市区县镇乡" or stem.endswith("街道")):
                name = name[:-insert_at] + "人民" + name[-insert_at:]
            break
    return name


def _expand_level_prefix(name: str, ctx: Context) -> str:
    """区纪委监委 → 卫东区纪委监委; 街道办事处 → 建设路街道办事处; 村委会 stays for the caller."""
    simple = to_simplified(name)
    if simple.startswith("街道") and ctx.home("街道"):
        return ctx.home("街道") + name[2:]
    if simple[:1] in _LEVEL_CHAR and len(name) >= 2:
        home = ctx.home(_LEVEL_CHAR[simple[0]])
        if home and not simple.startswith(to_simplified(home)):
            return home + name[1:]
    return name


def bare_body_org(body: str, ctx: Context, level: str | None) -> str | None:
    """A body named without its territory (办事处, 村委会, 党工委) in the article's territory."""
    levels = {"办事处": ["街道"], "党工委": ["街道"], "纪工委": ["街道"], "村委会": ["村"], "居委会": ["社区"],
              "党支部": ["村", "社区"], "党委": ["镇", "乡"], "人民政府": ["县", "区", "市", "镇", "乡"]}
    if level is None:
        cand = levels.get(to_simplified(body))
        if not cand:
            return None
        level = ctx.lowest(cand)
    home = ctx.home(level) if level else None
    return home + in_script_of(home, body) if home else None

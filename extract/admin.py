"""China's administrative divisions (province, city, county), from the data cpca ships.

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

_SHORTEN = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")


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
    if code[2:] == "0" * 10:
        return "省"
    if code[4:] == "0" * 8:
        return "市"
    return "县" if name.endswith(("县", "旗")) else "区" if name.endswith("区") else "市"


class Divisions:
    def __init__(self, rows: list[tuple[str, str]]):
        self.by_code: dict[str, Division] = {}
        self.by_name: dict[str, list[Division]] = {}
        for code, name in rows:
            div = Division(code, name, _level(code, name))
            self.by_code[code] = div
            self.by_name.setdefault(name, []).append(div)
            short = self.short_name(name)
            if short != name and len(short) >= 2:
                self.by_name.setdefault(short, []).append(div)

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


def _csv_path() -> Path | None:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """The division table, or an empty one when cpca is not installed."""
    path = _csv_path()
    if path is None:
        return Divisions([])
    with path.open(encoding="utf-8") as fh:
        rows = [(r["adcode"], r["name"]) for r in csv.DictReader(fh)]
    return Divisions(rows)

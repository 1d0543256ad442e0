"""Loading the lexicons (extract/lexicons/): the governance grammars as data."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent / "lexicons"


@dataclass(frozen=True)
class Title:
    core: str  # 书记, 代区长 is 代 + 区长
    kind: str  # gov, party, head, press, member
    bare_body: dict[str, str]  # territory level -> body suffix (区 -> 人民政府)


@dataclass(frozen=True)
class Lexicon:
    titles: dict[str, Title]
    org_suffixes: tuple[str, ...]  # longest first
    place_suffixes: dict[str, str]  # suffix -> level
    program_markers: tuple[str, ...]  # longest first
    surnames: frozenset[str]
    person_categories: frozenset[str]
    anaphora: dict[str, str]  # 该区 -> 区
    generic_bodies: frozenset[str]  # 金融机构, 行业协会: kinds of body, not names

    @property
    def title_cores(self) -> tuple[str, ...]:
        return tuple(sorted(self.titles, key=len, reverse=True))

    @property
    def place_suffixes_longest_first(self) -> tuple[str, ...]:
        return tuple(sorted(self.place_suffixes, key=len, reverse=True))


def _lines(name: str, folder: Path) -> list[str]:
    text = (folder / name).read_text(encoding="utf-8")
    return [l.strip() for l in text.splitlines() if l.strip() and not l.lstrip().startswith("#")]


def _tsv(name: str, folder: Path) -> list[dict[str, str]]:
    rows = [l for l in (folder / name).read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t"))


def load_lexicon(folder: Path = LEXICON_DIR) -> Lexicon:
    titles = {}
    for row in _tsv("titles.tsv", folder):
        bare = {}
        for part in filter(None, (row.get("bare_body") or "").split(",")):
            level, body = part.split(":", 1)
            bare[level] = body
        titles[row["title"]] = Title(row["title"], row["kind"], bare)
    return Lexicon(
        titles=titles,
        org_suffixes=tuple(sorted(set(_lines("org_suffixes.txt", folder)), key=len, reverse=True)),
        place_suffixes={r["suffix"]: r["level"] for r in _tsv("place_suffixes.tsv", folder)},
        program_markers=tuple(sorted(set(_lines("program_markers.txt", folder)), key=len, reverse=True)),
        surnames=frozenset(_lines("surnames.txt", folder)),
        person_categories=frozenset(_lines("person_categories.txt", folder)),
        anaphora={r["word"]: r["refers_to"] for r in _tsv("anaphora.tsv", folder)},
        generic_bodies=frozenset(_lines("generic_bodies.txt", folder)),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()

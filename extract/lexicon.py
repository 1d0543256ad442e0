"""Loading the lexicons (extract/lexicons/): the governance grammars as data."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent / "lexicons"


@dataclass(frozen=True)
class Title:
    """A title core: the last word of a post (书记, 区长, 主任)."""

    core: str
    kind: str  # party, gov, head, member, rank, staff, press
    bare_body: dict[str, str]  # territory level -> body (区 -> 人民政府)
    keeps_body: bool  # 村委会主任 keeps its body in the title; 应急管理局局长 is 局长
    implies: str = ""  # a body the core contains: 组织部长 → 组织部


@dataclass(frozen=True)
class BodyWord:
    """A body word of the title grammar (委, 人民政府, 局, 共青团…), see bodies.tsv."""

    word: str
    form: str  # word, after-territory, suffix, prefix
    kind: str  # committee, organ, cell, government, department, congress, cppcc, court…


@dataclass(frozen=True)
class Level:
    name: str  # 省, 市, 区, 县, 镇 … (levels.tsv)
    rank: float
    written: tuple[str, ...]  # words that stand for the article's territory of this level


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one lexicon, many look-ups
class Lexicon:
    titles: dict[str, Title]
    qualifiers: dict[str, str]  # 常务副 -> deputy, 原 -> former
    bodies: dict[str, tuple[BodyWord, ...]]  # a word may have two forms: 委 of 区委, 委 of 卫健委
    place_suffixes: dict[str, str]  # suffix -> level
    place_stems: dict[str, str]  # suffix -> any | numeric
    levels: dict[str, Level]
    program_markers: tuple[str, ...]  # longest first
    surnames: frozenset[str]
    person_categories: frozenset[str]
    anaphora: dict[str, str]  # 该区 -> 区 (a level), 该院 -> 院 (the body last named that ends so)
    generic_bodies: frozenset[str]  # 金融机构, 行业协会: kinds of body, not names
    generic_places: frozenset[str] = frozenset()  # 乡村, 县城: kinds of territory, not names
    ordinary_words: frozenset[str] = frozenset()  # 深处, 部队, 协商会: a body never ends inside one
    cues: tuple["Cue", ...] = ()
    program_heads: tuple[tuple[str, int, str], ...] = ()  # (head, shortest stem, tag set), program_heads.tsv
    short_names: dict[str, str] = field(default_factory=dict)  # 中国民主同盟 -> 民盟 (short_names.tsv)

    @cached_property
    def title_cores(self) -> tuple[str, ...]:
        return tuple(sorted(self.titles, key=len, reverse=True))

    @cached_property
    def long_title_cores(self) -> "re.Pattern[str]":
        """The title cores of two characters or more (书记, 县长, 局长…), as one pattern, and 兼."""
        return re.compile("|".join(re.escape(c) for c in self.title_cores if len(c) >= 2) + "|兼")

    @cached_property
    def place_suffixes_longest_first(self) -> tuple[str, ...]:
        return tuple(sorted(self.place_suffixes, key=len, reverse=True))

    @cached_property
    def site_suffixes(self) -> tuple[str, ...]:
        """The suffixes of named sites (基地, 广场, 会议中心…), longest first."""
        return tuple(s for s in self.place_suffixes_longest_first if self.place_suffixes[s] == "site")

    @cached_property
    def body_prefixes(self) -> tuple[str, ...]:
        """Body words written before a territory (共青团, 民革, 九三学社…), longest first."""
        return tuple(sorted({b.word for bs in self.bodies.values() for b in bs if b.form == "prefix"},
                            key=len, reverse=True))

    @cached_property
    def party_prefixes(self) -> tuple[str, ...]:
        """The democratic parties among them (民革, 九三学社, 中国民主同盟…), longest first."""
        return tuple(w for w in self.body_prefixes if self.bodies[w][0].kind == "party")

    def name_endings(self, *kinds: str) -> tuple[str, ...]:
        """The body words a name of one of ``kinds`` ends in (school: 大学, 学院, 中学 …), as written
        whole or after a stem (not a kind word used alone, 学校 of 学校团委)."""
        key = tuple(sorted(kinds))
        cache = self.__dict__.setdefault("_name_endings", {})
        if key not in cache:
            cache[key] = tuple(w for w, forms in self.bodies.items()
                               if any(f.kind in kinds and f.form in ("suffix", "word") for f in forms))
        return cache[key]

    @cached_property
    def level_words(self) -> dict[str, str]:
        """A word that stands for a territory of the article (区 → 区, 自治区 → 省, 地 → 地区)."""
        return {w: lv.name for lv in self.levels.values() for w in lv.written}

    @cached_property
    def core_index(self) -> dict[str, tuple[str, ...]]:
        return suffix_index(self.titles)

    @cached_property
    def qualifier_index(self) -> dict[str, tuple[str, ...]]:
        return suffix_index(self.qualifiers)

    @cached_property
    def level_index(self) -> dict[str, tuple[str, ...]]:
        return suffix_index(self.level_words)

    @cached_property
    def place_suffix_index(self) -> dict[str, tuple[str, ...]]:
        return suffix_index(self.place_suffixes)

    @cached_property
    def site_suffix_index(self) -> dict[str, tuple[str, ...]]:
        return suffix_index(self.site_suffixes)

    @cached_property
    def body_word_index(self) -> dict[str, tuple[str, ...]]:
        return suffix_index(self.bodies)

    def body_index(self, *forms: str) -> dict[str, tuple[tuple[str, str, str], ...]]:
        """(word, form, kind) of the body words of the given forms, by last character, longest first."""
        key = tuple(sorted(forms))
        cache = self.__dict__.setdefault("_body_indexes", {})
        if key not in cache:
            rows = sorted(((b.word, b.form, b.kind) for bs in self.bodies.values() for b in bs if b.form in forms),
                          key=lambda x: -len(x[0]))
            index: dict[str, list] = {}
            for row in rows:
                index.setdefault(row[0][-1], []).append(row)
            cache[key] = {ch: tuple(v) for ch, v in index.items()}
        return cache[key]

    def rank(self, level: str) -> float:
        lv = self.levels.get(level)
        return lv.rank if lv else 9.0


def suffix_index(words) -> dict[str, tuple[str, ...]]:
    """Words grouped by their last character, longest first: what can end at a given offset."""
    index: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        if w:
            index.setdefault(w[-1], []).append(w)
    return {ch: tuple(v) for ch, v in index.items()}


def ending_at(index: dict, text: str, end: int, limit: int = 0):
    """The entries of a suffix index that end at ``end`` in ``text`` and start at ``limit`` or
    later, longest first (an entry is a word or a tuple whose first item is the word)."""
    if end <= limit or end > len(text):
        return
    for entry in index.get(text[end - 1], ()):
        word = entry if isinstance(entry, str) else entry[0]
        start = end - len(word)
        if start >= limit and text.startswith(word, start):
            yield entry


@dataclass(frozen=True)
class Cue:
    """A word that says how a person holds the posts written after it (cues.tsv)."""

    word: str
    place: str  # before-name (任命X为), after-name (X任), before-post (曾任), after-post (…候选人)
    status: str  # current, former, proposed
    event: str  # appointed, removed, moved, proposed, elected, ''


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
        titles[row["core"]] = Title(row["core"], row["kind"], bare, (row.get("title") or "body") == "body",
                                    row.get("implies") or "")
    places = _tsv("place_suffixes.tsv", folder)
    return Lexicon(
        titles=titles,
        qualifiers={r["qualifier"]: r["meaning"] for r in _tsv("qualifiers.tsv", folder)},
        bodies=_bodies(folder),
        place_suffixes={r["suffix"]: r["level"] for r in places},
        place_stems={r["suffix"]: r["stem"] for r in places},
        levels={r["level"]: Level(r["level"], float(r["rank"]), tuple(filter(None, r["written"].split(","))))
                for r in _tsv("levels.tsv", folder)},
        program_markers=tuple(sorted(set(_lines("program_markers.txt", folder)), key=len, reverse=True)),
        surnames=frozenset(_lines("surnames.txt", folder)),
        person_categories=frozenset(_lines("person_categories.txt", folder)),
        anaphora={r["word"]: r["refers_to"] for r in _tsv("anaphora.tsv", folder)},
        generic_bodies=frozenset(_lines("generic_bodies.txt", folder)),
        generic_places=frozenset(_lines("generic_places.txt", folder)),
        ordinary_words=frozenset(_lines("ordinary_words.txt", folder)),
        cues=tuple(Cue(r["word"], r["place"], r["status"], r.get("event") or "")
                   for r in _tsv("cues.tsv", folder)),
        program_heads=tuple((r["head"], int(r["stem"]), r["tags"]) for r in _tsv("program_heads.tsv", folder)),
        short_names={r["full"]: r["short"] for r in _tsv("short_names.tsv", folder)}
        if (folder / "short_names.tsv").exists() else {},
    )


def _bodies(folder: Path) -> dict[str, tuple[BodyWord, ...]]:
    out: dict[str, list[BodyWord]] = {}
    for r in _tsv("bodies.tsv", folder):
        out.setdefault(r["word"], []).append(BodyWord(r["word"], r["form"], r["kind"]))
    return {w: tuple(forms) for w, forms in out.items()}


@lru_cache(maxsize=1)
def after_name_words() -> tuple[str, ...]:
    """after_name.txt: the words that follow a name in news text (出席, 代表, 主持…), longest first."""
    lines = (LEXICON_DIR / "after_name.txt").read_text(encoding="utf-8").splitlines()
    return tuple(sorted((l.strip() for l in lines if l.strip() and not l.startswith("#")), key=len, reverse=True))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()

"""Synthetic corpora for tests and benchmarks: the sample's own text with names and places varied.

Scale tests need many inputs that are like real pages but not all the same
(identical files would merge into one set of nodes and hide merge bugs).
Starting from one real page and the names extraction found in it, each
variant replaces every person's name and every place's stem (卫东区 →
长宁区, so 卫东区纪委 becomes 长宁区纪委 too) by other plausible ones,
chosen by a seeded generator: the same seed always gives the same text.
Generated at test or bench time, never committed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from govkg.extract.records import PageResult
from govkg.graph.schema import PERSON, PLACE

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国新民志红玉兰春海燕鹏飞云峰雪梅林斌宇浩凯亮东"
STEM_CHARS = "安宁平康长泰永兴福寿清源新华丰庆江河湖山峰岭阳明云川宝鼎金玉龙凤桃柳东南西北中"
PLACE_SUFFIXES = ("街道", "社区", "省", "市", "区", "县", "镇", "乡", "村")


@dataclass(frozen=True)
class SampleNames:
    """The names to vary: people as written, place stems (卫东 of 卫东区)."""

    people: tuple[str, ...]
    place_stems: tuple[str, ...]


def names_in(result: PageResult) -> SampleNames:
    """People and place stems found by extraction in a sample page."""
    people = sorted({e.name for e in result.entities.values() if e.label == PERSON and len(e.name) >= 2})
    stems = set()
    for e in result.entities.values():
        if e.label != PLACE:
            continue
        for suffix in PLACE_SUFFIXES:
            if e.name.endswith(suffix) and len(e.name) - len(suffix) >= 2:
                stems.add(e.name[: -len(suffix)])
                break
    return SampleNames(tuple(people), tuple(sorted(stems)))


def variant_map(names: SampleNames, seed: int) -> dict[str, str]:
    """Old name → new name for variant ``seed``; distinct old names get distinct new ones."""
    rng = random.Random(seed)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for old in names.people:
        while True:
            new = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(len(old) - 1))
            if new not in used and new != old:
                break
        mapping[old] = new
        used.add(new)
    for old in names.place_stems:
        while True:
            new = "".join(rng.choice(STEM_CHARS) for _ in range(len(old)))
            if new not in used and new != old:
                break
        mapping[old] = new
        used.add(new)
    return mapping


def vary(text: str, mapping: dict[str, str]) -> str:
    """Replace every old name by its new one in one pass (longest first, no chained replacements)."""
    if not mapping:
        return text
    pattern = re.compile("|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)))
    return pattern.sub(lambda m: mapping[m.group(0)], text)


def article_texts(result: PageResult) -> list[str]:
    """Each titled article of a page as a one-article file, laid out as on the page.

    Lead and byline first, body, headline last: the page layout govkg's
    splitter reads as exactly one article.
    """
    texts = []
    for art in result.articles:
        if not art.title:
            continue
        byline = " ".join(f"{b.role}{b.person}" for b in art.bylines if b.role != "摄影")
        credit = " ".join(b.person for b in art.bylines if b.role == "摄影")
        head = f"{art.lead}（{byline}）" if byline else art.lead
        tail = f" {credit} 摄" if credit else ""
        texts.append(f"{head}{art.body}{tail}\n\n{art.title}\n")
    return texts


def write_page_variants(text: str, names: SampleNames, folder: Path, count: int, *, first_seed: int = 1,
                        stem: str = "variant") -> list[Path]:
    """``count`` varied copies of a whole page: ``folder/variant-0001.txt``…"""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"{stem}-{first_seed + i:04d}.txt"
        path.write_text(vary(text, variant_map(names, first_seed + i)), encoding="utf-8")
        paths.append(path)
    return paths


def write_article_corpus(result: PageResult, folder: Path, count: int) -> list[Path]:
    """``count`` one-article files: the page's articles in turn, each copy with its own names."""
    names = names_in(result)
    templates = article_texts(result)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"article-{i + 1:06d}.txt"
        path.write_text(vary(templates[i % len(templates)], variant_map(names, i // len(templates) + 1)),
                        encoding="utf-8")
        paths.append(path)
    return paths


def names_from_gold(path: Path) -> SampleNames:
    """The people and place stems of a gold file (shared/spec/annotation.md): no extraction needed."""
    import json

    entities = json.loads(Path(path).read_text(encoding="utf-8"))["entities"]
    people = sorted({e["name"] for e in entities if e["type"] == PERSON and len(e["name"]) >= 2})
    stems = set()
    for e in entities:
        if e["type"] != PLACE:
            continue
        for suffix in PLACE_SUFFIXES:
            if e["name"].endswith(suffix) and len(e["name"]) - len(suffix) >= 2:
                stems.add(e["name"][: -len(suffix)])
                break
    return SampleNames(tuple(people), tuple(sorted(stems)))

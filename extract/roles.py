"""Posts: the title grammar of Chinese officialdom.

A title is written fused to its territory and body: 卫东区 + 委 + 书记,
建设路街道 + 党工委 + 书记, 小店村 + 党支部 + 原 + 书记, or bare (副书记,
办事处主任) when the article makes the body plain. ``parse_title`` splits
such a phrase; ``find_role_phrases`` finds the phrases that stand before a
person's name ([title][name]) or after it ([name]任/当选为[title]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govkg.extract.lexicon import Lexicon
from govkg.extract.normalize import to_simplified
from govkg.extract.records import Mention

QUALIFIERS = ("常务副", "代理", "驻村", "副", "代", "原", "前")
FORMER = ("原", "前")
# Where a title phrase before a name begins: after punctuation or one of these words.
_PHRASE_START = re.compile(r".*(?:[，。、；：“”（）《》\s…]|的|是|由|和|与|及|在|对|向|为|让|请|把|被|给|找|了|到|将|经|据)")
_AFTER_NAME = re.compile(r"^(?:同志)?(?:任|担任|出任|当选为|当选|兼任|升任|调任)")
_GENERIC_KINDS = {"party", "generic"}
_GENERIC_CORES = {"主任", "副主任", "常务副主任", "主席", "副主席", "组长", "副组长", "委员", "常委"}


@dataclass
class TitlePhrase:
    """A title as written before (or after) a name, split into its parts."""

    text: str  # the whole phrase: 卫东区委书记
    place: str  # the territory written in it (卫东区), may be empty
    body: str  # the body written in it (委, 党工委, 卫健委), may be empty
    core: str  # 书记, 区长, 主任
    qualifier: str  # 副, 代, 原…
    start: int  # offsets in the sentence
    end: int
    key: str = ""  # the core in simplified characters, for lexicon look-ups

    def __post_init__(self) -> None:
        self.key = self.key or self.core

    @property
    def former(self) -> bool:
        return to_simplified(self.qualifier) in FORMER

    def title(self, lex: Lexicon) -> str:
        """The post as written without the place: 区委书记, 卫健委主任, 代区长, 党支部原书记."""
        body = self.body
        if body.startswith("委") and self.place:
            body = self.place[-1] + body  # 卫东区 + 委 → 区委
        kind = lex.titles[self.key].kind if self.key in lex.titles else ""
        generic = kind in _GENERIC_KINDS or self.key in _GENERIC_CORES or self.key == "负责人"
        if body and (generic or not self.key.startswith(tuple("局处科厅部院所站校行会社馆队"))):
            return body + self.qualifier + self.core
        return self.qualifier + self.core


def as_written(tp: TitlePhrase, sentence: str) -> TitlePhrase:
    """The phrase with its parts cut from the sentence as written (traditional stays traditional).

    Rules parse the simplified twin of a sentence, which has the same
    offsets; this maps each part back.
    """
    written = sentence[tp.start: tp.end]
    if written == tp.text:
        return tp

    def cut(part: str, from_end: bool = False) -> str:
        if not part:
            return ""
        i = tp.text.rfind(part) if from_end else tp.text.find(part)
        return written[i: i + len(part)] if i >= 0 else part

    return TitlePhrase(written, cut(tp.place), cut(tp.body), cut(tp.core, from_end=True), cut(tp.qualifier),
                       tp.start, tp.end, key=tp.key)


def _split_qualified_core(text: str, lex: Lexicon) -> tuple[str, str, str] | None:
    """(rest, qualifier, core) when ``text`` ends with a title core."""
    for core in lex.title_cores:
        if text.endswith(core):
            rest = text[: -len(core)]
            for q in QUALIFIERS:
                if rest.endswith(q):
                    return rest[: -len(q)], q, core
            return rest, "", core
    return None


def parse_title(phrase: str, start: int, places: list[Mention], lex: Lexicon) -> TitlePhrase | None:
    """Split a title phrase into place, body, qualifier and core; None if it is no title."""
    split = _split_qualified_core(phrase, lex)
    if split is None:
        return None
    rest, qual, core = split
    place = ""
    inside = [m for m in sorted(places, key=lambda m: m.start)
              if 0 <= m.start - start and m.end - start <= len(rest) and m.level != "site"]
    first = next((m for m in inside if rest[: m.start - start] in ("", "该")), None)
    if first is not None:
        # A chain of territories (江西省抚州市临川县): the post belongs to the last one.
        last = first
        for m in inside:
            if m.start == last.end:
                last = m
        place = last.text
        body = rest[last.end - start:]
    else:
        body = rest
        if body.startswith("该"):
            body = body[1:]
        place, body = split_territory(body, lex)
    # Qualifiers can also come before the body: 原党支部书记.
    for q in QUALIFIERS:
        if not qual and body.startswith(q) and len(body) > len(q):
            qual, body = q, body[len(q):]
    if body and not _is_body(body, lex):
        # Words before the body are not part of the title: 都离不开村委会主任 → 村委会主任.
        tail = next((body[i:] for i in range(1, len(body)) if _is_standalone_body(body[i:], lex)), None)
        if tail is None or place:
            return None
        body = tail
    if not place and body and not _is_standalone_body(body, lex):
        tail = next((body[i:] for i in range(1, len(body))
                     if _is_standalone_body(body[i:], lex) and (len(body) - i >= 3 or body[i] in "省市区县镇乡")),
                    None)
        if tail is None:
            return None
        body = tail
    return TitlePhrase(phrase, place, body, core, qual, start, start + len(phrase))


def split_territory(text: str, lex: Lexicon) -> tuple[str, str]:
    """澄湖区委 → (澄湖区, 委); 桂园路街道党工委 → (桂园路街道, 党工委); by the suffix grammar."""
    prefix = "中共" if text.startswith("中共") else ""
    text = text[len(prefix):]
    for i in range(len(text) - 1, 1, -1):
        head, rest = text[:i], text[i:]
        level = next((lv for sfx, lv in lex.place_suffixes.items() if head.endswith(sfx) and lv != "site"
                      and len(head) > len(sfx) + 1), None)
        if level and (rest == "委" or _is_body(rest, lex)):
            return head, rest
    return "", prefix + text


def _is_standalone_body(body: str, lex: Lexicon) -> bool:
    """A body word that names one body in context: 村委会, 办事处, 党工委, 区委, 街道办事处."""
    if body in lex.org_suffixes and len(body) >= 2:
        return True
    if body[:1] in "省市区县镇乡" and (body[1:] == "委" or body[1:] in lex.org_suffixes):
        return True
    return body.startswith("街道") and body[2:] in lex.org_suffixes


def _is_body(body: str, lex: Lexicon) -> bool:
    if body in ("委",) or body[:1] in "省市区县镇乡" and len(body) >= 2 and _is_body(body[1:], lex):
        return True
    if body.startswith("街道") and len(body) > 2:
        return _is_body(body[2:], lex)
    return any(body.endswith(s) for s in lex.org_suffixes) and len(body) <= 12


def phrase_before(sentence: str, name_start: int) -> tuple[str, int]:
    """The words between the last phrase boundary and a name."""
    left = sentence[max(0, name_start - 24): name_start]
    offset = max(0, name_start - 24)
    m = _PHRASE_START.match(left)
    if m:
        return left[m.end():], offset + m.end()
    return left, offset


def phrase_after(sentence: str, name_end: int) -> tuple[str, int] | None:
    """[name]任/担任/当选为[title]: the title phrase after the verb."""
    m = _AFTER_NAME.match(sentence[name_end:])
    if not m:
        return None
    start = name_end + m.end()
    tail = re.match(r"[^，。、；：“”（）\s]{2,20}", sentence[start:])
    return (tail.group(), start) if tail else None

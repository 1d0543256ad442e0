"""Finding people, places and organisations in a tagged sentence.

The NER model proposes; suffix grammars (extract/lexicons) complete what
it cuts short or misses and veto what cannot be a name. Each rule is a
pure function of the sentence, its tokens and the lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govkg.extract.admin import divisions
from govkg.extract.lexicon import Lexicon
from govkg.extract.ner.base import LOC, ORG, PER, Token
from govkg.extract.normalize import to_simplified
from govkg.extract.records import Mention
from govkg.extract.sentences import TaggedSentence
from govkg.graph.schema import ORGANIZATION, PERSON, PLACE

# Tags that end the leftward growth of a suffix-headed name (punctuation,
# particles, prepositions, conjunctions, pronouns, adverbs, numbers, time).
_STOP_TAGS = {"w", "u", "p", "c", "r", "d", "m", "q", "TIME", "xc"}
# Verbs stop a name too, except in task forces, whose names hold a verb (疫情防控指挥部).
_TASK_FORCE = ("指挥部", "领导小组", "工作组", "专班", "委员会")
# Suffixes too common in ordinary words to stand alone: they need a place
# in front (卫东区检察院) or the model's ORG tag.
_WEAK_ORG_SUFFIXES = {"中心", "厅", "站", "所", "院", "办", "委", "局", "署", "商场", "服务站", "医院", "学校",
                      "合作社", "公司"}
_LEADING_MODIFIERS = ("辖区一", "辖区内", "辖区", "高规格", "各级", "各", "相关", "有关", "全体", "该", "本", "我", "原", "一")
_LEVEL_CHARS = "省市区县镇乡"
# Characters a given name hardly ends with: they end place and body names.
_NOT_NAME_END = set("业区县市村镇乡省局委办院站厂场园馆路街所部处科队组会团")


def place_level(name: str, lex: Lexicon) -> str | None:
    """The level a territory name's suffix gives it (卫东区 → 区), or ``site`` for named sites."""
    simple = to_simplified(name)
    for suffix in lex.place_suffixes_longest_first:
        if simple.endswith(suffix):
            if len(simple) > len(suffix) + 1 or (simple == suffix and len(suffix) >= 3):
                return lex.place_suffixes[suffix]
    hits = divisions().lookup(simple)
    return hits[0].level if hits else None


def _trim_to_place(name: str, lex: Lexicon) -> str | None:
    """The longest prefix of a model's LOC span that is a place ("小店村私" → "小店村")."""
    for end in range(len(name), 1, -1):
        if place_level(name[:end], lex):
            return name[:end]
    return None


def territory_taken_for_body(text: str, lex: Lexicon) -> str | None:
    """The territory in a word the model tagged ORG without a body suffix (建设路街道联合 → 建设路街道)."""
    if ends_with_org_suffix(text, lex):
        return None
    name = _trim_to_place(text, lex)
    return name if name and place_level(name, lex) != "site" else None


def ends_with_org_suffix(name: str, lex: Lexicon) -> str | None:
    for suffix in lex.org_suffixes:
        if name.endswith(suffix):
            return suffix
    return None


def find_places(sent: TaggedSentence, lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    spans = sent.spans
    for k, (start, end, tok) in enumerate(spans):
        text = tok.text
        if tok.tag == ORG and not ends_with_org_suffix(text, lex):
            # A territory the model took for a body, maybe with a verb stuck on (建设路街道联合).
            name = territory_taken_for_body(text, lex)
            if name:
                out.append(Mention(name, PLACE, start, start + len(name), "model", level=place_level(name, lex)))
            continue
        if tok.tag in (ORG, LOC) and ends_with_org_suffix(text, lex):
            # A body's name starts with its territory: 神马社区 in 神马社区爱心服务联盟.
            from govkg.extract.roles import split_territory

            head, _ = split_territory(text, lex)
            if head:
                at = start + text.find(head)
                out.append(Mention(head, PLACE, at, at + len(head), "rule:org-territory",
                                   level=place_level(head, lex) or ""))
        if tok.tag == LOC:
            if ends_with_org_suffix(text, lex) and not place_level(text, lex):
                continue
            # A territory the model cut before its suffix: 神马 + 社区.
            if k + 1 < len(spans) and spans[k + 1][2].text in ("社区", "街道") \
                    and not place_level(text, lex):
                text = text + spans[k + 1][2].text
            name = _trim_to_place(text, lex)
            if not name:
                continue
            level = place_level(name, lex)
            if name in lex.generic_bodies or (level == "site" and len(name) <= 3):
                continue
            out.append(Mention(name, PLACE, start, start + len(name), "model", level=level or ""))
    out.extend(suffix_headed(sent, lex, want=PLACE))
    out.extend(_coordinated_places(sent, lex, out))
    return _dedupe([piece for m in _dedupe(out) for piece in _split_mention(m, lex)])


def _coordinated_places(sent: TaggedSentence, lex: Lexicon, places: list[Mention]) -> list[Mention]:
    """天堂镇、店前镇: a word listed with a place and sharing its suffix is a place too.

    The model tags the first of a list and misses the next; the list and the
    shared suffix (镇, 村, 社区…) say what the model did not.
    """
    out: list[Mention] = []
    known = {(m.start, m.end): m for m in places if m.level not in ("", "site")}
    spans = sent.spans
    for k, (start, end, tok) in enumerate(spans):
        if (start, end) in known or tok.tag != "O" or tok.pos not in ("n", "nz", "ns"):
            continue
        level = place_level(tok.text, lex)
        if level in (None, "site"):
            continue
        for j in (k - 2, k + 2):
            if 0 <= j < len(spans) and 0 <= (k + j) // 2 < len(spans):
                joiner = spans[(k + j) // 2][2].text
                neighbour = known.get((spans[j][0], spans[j][1]))
                if joiner in ("、", "和", "及", "与") and neighbour is not None and neighbour.level == level:
                    out.append(Mention(tok.text, PLACE, start, end, "rule:coordinated", level=level))
                    break
    return out


def split_compound_place(name: str, lex: Lexicon) -> list[str]:
    """江西省抚州市临川县 → [江西省, 抚州市, 临川县]: a chain of territories written as one word.

    A piece is cut off when it is a known division, or when it ends with a
    territory suffix after a stem of two characters or more and what follows
    is a territory too (so 市中区 and 沙市区 stay whole).
    """
    territory = [s for s, lv in lex.place_suffixes.items() if lv != "site"]
    for j in range(2, len(name) - 1):
        head, rest = name[:j], name[j:]
        suffix = next((s for s in sorted(territory, key=len, reverse=True) if head.endswith(s)), None)
        if suffix is None or len(head) - len(suffix) < 2 or len(rest) < 2:
            continue
        rest_level = place_level(rest, lex)
        if rest_level in (None, "site"):
            continue
        if divisions().lookup(head) or len(rest) >= 3:
            return [head] + split_compound_place(rest, lex)
    return [name]


def _split_mention(m: Mention, lex: Lexicon) -> list[Mention]:
    if m.level == "site":
        return [m]
    pieces = split_compound_place(m.text, lex)
    if len(pieces) == 1:
        return [m]
    out, at = [], m.start
    for piece in pieces:
        out.append(Mention(piece, PLACE, at, at + len(piece), m.source, level=place_level(piece, lex) or ""))
        at += len(piece)
    return out


def _grow_left(sent: TaggedSentence, end_of_suffix: int, suffix: str, allow_verbs: bool) -> int:
    """Grow a name leftwards from its suffix until a word that cannot be inside a name."""
    i = end_of_suffix - len(suffix)
    # The whole word that ends in the suffix belongs to the name (建设银行, tagged as a verb).
    for start, end, _tok in sent.spans:
        if end == end_of_suffix and len(suffix) >= 2:
            i = min(i, start)
            break
    while i > 0:
        tag = sent.char_tag[i - 1]
        if tag in _STOP_TAGS or tag == "w" or (tag in ("v", "vd") and not allow_verbs) or tag == PER:
            break
        if end_of_suffix - (i - 1) > 18:
            break
        i -= 1
    return i


def _cut_at_last_place(sent: TaggedSentence, start: int, end: int, lex: Lexicon,
                       places: list[Mention]) -> int:
    """Names start at their territory: "参观区廉政教育基地" → "区廉政教育基地"."""
    cut = start
    for m in places:
        if start <= m.start < end and m.end < end:
            cut = max(cut, m.start)
    for s, e, tok in sent.spans:
        if start < s < end and ((tok.text in _LEVEL_CHARS and e < end) or (tok.tag == ORG and e == end)):
            # 我县梅岭景区: the 县 of an anaphor (我县, 该区) is not the start of the name.
            cut = max(cut, e if tok.text in _LEVEL_CHARS and sent.text[s - 1] in "我该本全" else s)
    return cut


_SUFFIX_INDEX: dict[tuple[int, str], dict[str, tuple[str, ...]]] = {}


def _suffixes_by_last_char(lex: Lexicon, want: str) -> dict[str, tuple[str, ...]]:
    """Suffixes grouped by their last character, longest first: one dict look-up per word end."""
    key = (id(lex), want)
    if key not in _SUFFIX_INDEX:
        if want == PLACE:
            suffixes = [s for s, lv in lex.place_suffixes.items() if lv == "site"]
        else:
            suffixes = list(lex.org_suffixes)
        index: dict[str, list[str]] = {}
        for sfx in sorted(suffixes, key=len, reverse=True):
            index.setdefault(sfx[-1], []).append(sfx)
        _SUFFIX_INDEX[key] = {k: tuple(v) for k, v in index.items()}
    return _SUFFIX_INDEX[key]


def suffix_headed(sent: TaggedSentence, lex: Lexicon, want: str,
                   places: list[Mention] | None = None) -> list[Mention]:
    """Names found by their head: a body suffix (…人民检察院) or a named-site suffix (…基地)."""
    out: list[Mention] = []
    text = sent.text
    by_last_char = _suffixes_by_last_char(lex, want)
    taken_until = -1
    for end in sorted(sent.token_end, reverse=True):
        if end <= taken_until or end > len(text) or end == 0:
            continue
        suffix = next((s for s in by_last_char.get(text[end - 1], ()) if text.endswith(s, 0, end)), None)
        if suffix is None:
            continue
        start = _grow_left(sent, end, suffix, allow_verbs=suffix in _TASK_FORCE)
        start = _cut_at_last_place(sent, start, end, lex, places or [])
        if start > 0 and text[start] in _LEVEL_CHARS and text[start - 1] in "我该本全":
            start += 1  # 我县梅岭景区: the 县 belongs to the anaphor 我县
        name = text[start:end]
        for mod in _LEADING_MODIFIERS:
            if name.startswith(mod) and len(name) - len(mod) > len(suffix):
                name, start = name[len(mod):], start + len(mod)
                break
        if len(name) <= len(suffix) + 1 or not name.strip():
            continue
        has_place = name[0] in _LEVEL_CHARS or any(m.start == start for m in places or [])
        if want == ORGANIZATION and suffix in _WEAK_ORG_SUFFIXES and not has_place:
            continue
        level = "site" if want == PLACE else ""
        out.append(Mention(name, want, start, end, "rule:suffix", level=level))
    return out


def find_organizations(sent: TaggedSentence, lex: Lexicon, places: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for start, end, tok in sent.spans:
        text = tok.text
        # Two-character ORG words are kinds (人大, 政协), not names.
        if tok.tag == ORG and len(text) >= 3:
            if territory_taken_for_body(text, lex):
                continue  # a place, found by find_places
            if text.startswith(("全省", "全市", "全区", "全县", "各")):
                continue
            for mod in _LEADING_MODIFIERS:
                if text.startswith(mod) and len(text) - len(mod) >= 3:
                    text, start = text[len(mod):], start + len(mod)
                    break
            out.append(Mention(text, ORGANIZATION, start, end, "model"))
        elif tok.tag == LOC and ends_with_org_suffix(text, lex) and not place_level(text, lex):
            out.append(Mention(text, ORGANIZATION, start, end, "model+suffix"))
    model_orgs = {(m.start, m.end) for m in out}
    for m in suffix_headed(sent, lex, ORGANIZATION, places):
        # The model's own ORG span wins over a name grown past it ("…联合工商银行"),
        # unless what was grown is the body's territory.
        inner = next((s for s, e in model_orgs if e == m.end and s > m.start), None)
        if inner is not None and not any(p.start == m.start and p.end == inner for p in places) \
                and not (inner - m.start == 1 and sent.text[m.start] in _LEVEL_CHARS):
            continue
        if m.text in lex.generic_bodies or any(m.text.endswith(g) and len(g) >= len(m.text) - 1
                                                for g in lex.generic_bodies):
            continue
        if m.text.startswith(("全省", "全市", "全区", "全县", "全国")):
            continue
        out.append(m)
    # Cut what runs on before a body's own name (建设路街道神马社区爱心服务联盟 → 神马社区爱心服务联盟).
    fixed = []
    for m in out:
        for mod in _LEADING_MODIFIERS:
            if m.text.startswith(mod) and len(m.text) - len(mod) >= 3:
                m = Mention(m.text[len(mod):], ORGANIZATION, m.start + len(mod), m.end, m.source)
                break
        cut = _cut_at_last_place(sent, m.start, m.end, lex, places)
        if cut > m.start and ends_with_org_suffix(m.text, lex):
            m = Mention(sent.text[cut:m.end], ORGANIZATION, cut, m.end, m.source)
        if m.text in lex.org_suffixes or m.text in lex.place_suffixes:
            continue
        if any(m.text.endswith(t) for t in ("常委", "委员", "书记", "主任")):
            continue  # 县委常委 is a post, not a body
        fixed.append(m)
    return _dedupe(fixed)


def looks_like_name(name: str, lex: Lexicon) -> bool:
    if not 2 <= len(name) <= 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
        return False
    if not (name[0] in lex.surnames or name[:2] in lex.surnames):
        return False
    return name[-1] not in _NOT_NAME_END


def find_people(sent: TaggedSentence, lex: Lexicon, place_stems: set[str]) -> list[Mention]:
    out: list[Mention] = []
    spans = sent.spans
    for k, (start, end, tok) in enumerate(spans):
        if tok.tag != PER:
            continue
        name = tok.text
        # The model cuts a three-character name after a category word: 村民陈新|全|来到.
        if len(name) == 2 and k + 2 < len(spans) and k > 0 \
                and spans[k - 1][2].text in lex.person_categories \
                and len(spans[k + 1][2].text) == 1 and spans[k + 1][2].pos in ("d", "a", "n", "m", "q") \
                and spans[k + 2][2].pos == "v":
            name = name + spans[k + 1][2].text
        if not looks_like_name(name, lex) or name in place_stems:
            continue
        out.append(Mention(name, PERSON, start, start + len(name), "model"))
    return out


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions of one type (places are split into pieces later)."""
    mentions = sorted(mentions, key=lambda m: (-(m.end - m.start), m.start))
    kept: list[Mention] = []
    for m in mentions:
        if any(k.label == m.label and k.start < m.end and m.start < k.end for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)

"""Places: the territories and named sites a sentence names.

Found five ways, each checked by the territory grammar (extract/territory.py):
the model's place words (trimmed to the territory: 中共镇江市 → 镇江市); the
territories inside the names of bodies (河北省住房和城乡建设厅 → 河北省, read by the
body grammar, extract/titles.py); division names written in full (和政县, where
the model read 和 as a conjunction); the numbered units of the 兵团 (一〇三团,
十四连); and words listed with a place and sharing its suffix (天堂镇、店前镇).
Named sites (…基地, …广场) are found by their suffix.
"""

from __future__ import annotations

import re

from govkg.extract.admin import divisions, home_country, world_territories
from govkg.extract.lexicon import Lexicon, ending_at
from govkg.extract.ner.base import LOC, ORG
from govkg.extract.records import Mention
from govkg.extract.sentences import TaggedSentence
from govkg.extract.normalize import to_simplified
from govkg.extract.territory import (LEVEL_INITIAL_WORDS, NUMERIC_STEM, TWO_LEVELS_END, VILLAGE_SUFFIXES,
                                     canonical_place, is_territory, place_level)
from govkg.extract.titles import BOUNDARY, body_ends, parse_body, phrase_limit
from govkg.graph.schema import PLACE

# Words written before a territory in a model's place word that are not part of it.
_LEADING = ("中共", "中国共产党", "共青团", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟",
            "时任", "现任", "原任", "曾任", "原", "前", "全", "各", "该", "本", "我", "在", "到", "赴", "从", "位于")
_WAYS = ("路", "街", "大街", "大道", "港", "胡同", "巷")
_NUMBERED_UNIT = re.compile(r"(?:第)?[0-9一二三四五六七八九十百〇零]+(?:团|连|师)")


def _trim(name: str, start: int, lex: Lexicon) -> tuple[str, int] | None:
    """A model's place word cut to its territory: leading words off, then the longest territory prefix."""
    changed = True
    while changed:
        changed = False
        for word in _LEADING:
            if name.startswith(word) and len(name) - len(word) >= 2:
                name, start, changed = name[len(word):], start + len(word), True
                break
    for end in range(len(name), 1, -1):
        piece = name[:end]
        if is_territory(piece, lex) or (place_level(piece, lex) == "site" and end == len(name)):
            if end < len(name) and name.endswith(_WAYS) and not is_territory(name, lex):
                return None  # 南京路, 天津港: a road or a port named after a city is not the city
            return piece, start
    return None


def find_places(sent: TaggedSentence, lex: Lexicon) -> list[Mention]:
    """The places of a sentence (simplified offsets and text)."""
    text = sent.text
    out: list[Mention] = []
    for start, end, tok in sent.spans:
        if tok.tag == LOC or tok.pos == "ns":
            word = tok.text
            if TWO_LEVELS_END.search(word) and not divisions().lookup(word):
                continue  # 沿海省市, 派驻盟市: the territories of two levels in general
            # A territory the model cut before its suffix: 神马 + 社区.
            nxt = next((t for s, e, t in sent.spans if s == end), None)
            prev = next((t for s, e, t in sent.spans if e == start), None)
            after = next((t for s, e, t in sent.spans if nxt is not None and s == end + len(nxt.text)), None)
            if nxt is not None and nxt.text in _TOPONYM_ENDS and after is not None and after.text in ("社区", "村") \
                    and not is_territory(word, lex) and is_territory(word + nxt.text + after.text, lex):
                # 三桂|里|社区: a neighbourhood's name the model cut before its last character and its suffix
                word, end = word + nxt.text, end + len(nxt.text)
                nxt = after
            if nxt is not None and nxt.text in ("社区", "街道", "村", "镇", "乡", "嘎查", "苏木") \
                    and not is_territory(word, lex) and is_territory(word + nxt.text, lex):
                word, end = word + nxt.text, end + len(nxt.text)
            trimmed = _trim(word, start, lex)
            if trimmed is not None and trimmed[1] == start and start >= 1 and text[start - 1] in _CUT_MODIFIERS \
                    and (start - 1 == 0 or sent.char_tag[start - 2] in ("w", "p", "v", "LOC", "ns")) \
                    and (start - 1) in sent.token_start:
                # 到|小|长安镇, 县|右|北平镇: the model left out the first character of the name.
                trimmed = (text[start - 1: start + len(trimmed[0])], start - 1)
            if trimmed is None and start >= 2 and _ends_territory(sent, start - 1, lex) \
                    and is_territory(text[start - 1: end], lex) and sent.char_tag[start - 1] not in ("w", "u", "p") \
                    and (sent.char_tag[start - 1] != "c" or end - start <= 2):
                # 榕江县|摆|贝村: the model cut the village's name; the territory before it marks its start
                # (宋旗镇|和|兴村 too, but not 东风村|和|前进村: a connector before a whole name joins two).
                trimmed = (text[start - 1: end], start - 1)
            elif trimmed is not None and trimmed[1] == start and start >= 3 and _ends_territory(sent, start - 2, lex) \
                    and place_level(trimmed[0], lex) in _VILLAGE_LEVELS and is_territory(text[start - 2: end], lex) \
                    and all(sent.char_tag[i] not in ("w", "u", "p", "v", "c", "d", "r") for i in (start - 2, start - 1)):
                # 右北平镇|四道|营子村: a village's name cut by two characters (a number word, a noun).
                trimmed = (text[start - 2: end], start - 2)
            if trimmed:
                name, at = trimmed
                level = place_level(name, lex) or ""
                if level == "site" and len(name) <= 3:
                    continue
                out.append(Mention(name, PLACE, at, at + len(name), "model", level=level))
            elif tok.tag == LOC and word.startswith("新") and len(word) >= 3 and not divisions().lookup(word) \
                    and (divisions().lookup(word[1:]) or any(divisions().lookup(word[1:] + lv) for lv in "县市区")):
                # 富裕新浮山, 幸福美好新甘肃: 新 praises the place, it is no part of its name
                name = canonical_place(word[1:])
                out.append(Mention(word[1:], PLACE, start + 1, end, "model",
                                   level=place_level(name, lex) or place_level(word[1:], lex) or ""))
            elif tok.tag == LOC and _other_place(word, lex, _stands_alone(nxt, prev) or _a_division_alone(word, nxt)) \
                    and not (nxt is not None and nxt.text[:1] in "村镇乡县区市" and nxt.text[:2] not in LEVEL_INITIAL_WORDS):
                # 英国, 长三角, 白宫: a place the territory grammar has nothing to say about; the model's word
                # (not when a suffix follows it: 帮扶|村 is no place, so 帮扶 is none either; 白鹭河|区域 is one).
                out.append(Mention(word, PLACE, start, end, "model", level=""))
    for start, end, tok in sent.spans:
        if tok.tag == ORG and tok.text.endswith(("联合", "携手", "会同", "协同", "联手")) \
                and is_territory(tok.text[:-2], lex):
            # 建设路街道联合: a territory the model took for a body, with the verb of a joint action on.
            name = tok.text[:-2]
            out.append(Mention(name, PLACE, start, start + len(name), "model", level=place_level(name, lex) or ""))
    out.extend(_territories_in_bodies(sent, lex))
    out.extend(_divisions_written(sent, lex))
    out.extend(_numbered_units(text, lex))
    # 雄安新区市民服务中心: a suffix that begins a word (市民) ends no place, unless a body's word
    # follows it (杭州市政协: 市 + 政协, not 市政).
    out = [m for m in out if text[m.end - 1: m.end + 1] not in LEVEL_INITIAL_WORDS
           or _body_word_at(text, m.end, lex)]
    out = _dedupe(out)
    out.extend(_coordinated(sent, lex, out))
    out.extend(_villages_after_territories(sent, lex, out))
    out = _suffix_opening_a_word(sent, lex, out)
    out.extend(_sites(sent, lex, out))
    # 划分乡（镇）办: a level with its twin in brackets is the levels in general, no place's name.
    out = [m for m in out if not _LEVEL_IN_BRACKETS.match(text, m.end)]
    # (中国 alone: the country every story is in is no place of one, a node that would tie them all)
    out = [m for m in out if m.text not in lex.generic_places  # 爱国主义教育基地: a kind of site
           and not _LEVELS_ONLY.fullmatch(m.text)  # 省市县乡, 派驻|盟市: levels, no place
           and m.text not in home_country()]
    kept = _dedupe([_with_cut_first_character(piece, sent) for m in _dedupe(out) for piece in _split(m, lex)])
    # 长胜镇法沙长龙蔬菜基地: the site is named with its territory, and the territory is named too.
    kept += [t for m in kept if m.level == "site" for t in out
             if t.level not in ("", "site") and t.start == m.start and t.end < m.end]
    return sorted(kept, key=lambda m: (m.start, -m.end))


# Last characters of neighbourhoods' and villages' names the model reads apart (三桂|里|社区, 王家|庄|村).
_TOPONYM_ENDS = ("里", "庄", "屯", "营", "坊", "店", "桥", "湾", "坪", "坝")
# Tags of the model's words a village's name it misread may be made of (白音塔拉/n, 青禾/PER): names and nouns.
_STEM_TAGS = ("n", "nz", "nr", "ns", "PER", "LOC", "ORG", "j", "nw", "an")


def _villages_after_territories(sent: TaggedSentence, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """乌兰图雅苏木|白音塔拉|嘎查牧民: a village written right after the territory it lies in, its name
    (two to four characters) misread by the model, its suffix too (嘎查/v)."""
    text = sent.text
    out = []
    for m in found:
        if m.level in ("", "site", "村", "社区", "嘎查"):
            continue
        at = m.end
        if at not in sent.token_start or any(f.start == at for f in found):
            continue
        for size in (2, 3, 4):
            end = at + size
            suffix = next((sfx for sfx in VILLAGE_SUFFIXES if text.startswith(sfx, end)), None)
            if suffix is None:
                continue
            stem_tokens = [(s, e, tok) for s, e, tok in sent.spans if at <= s < end]
            if not stem_tokens or stem_tokens[-1][1] != end or end not in sent.token_start \
                    or any(tok.pos not in _STEM_TAGS and tok.tag not in _STEM_TAGS for _s, _e, tok in stem_tokens):
                break
            name = text[at: end + len(suffix)]
            if is_territory(name, lex):
                out.append(Mention(name, PLACE, at, end + len(suffix), "rule:after-territory",
                                   level=place_level(name, lex) or ""))
            break
    return out


_OPENING_SUFFIXES = ("苏木", "嘎查", "街道")


def _suffix_opening_a_word(sent: TaggedSentence, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """巴音查干|图|苏木白音嘎查: a place word of the model's that opens with a suffix (苏木) ends the
    territory before it, whose name the model read as other words; the rest is the next territory."""
    text = sent.text
    out = []
    for m in found:
        suffix = next((sfx for sfx in _OPENING_SUFFIXES if m.text.startswith(sfx) and len(m.text) > len(sfx) + 1), None)
        if suffix is None or m.source != "model":
            out.append(m)
            continue
        start = m.start
        while start > 0 and m.start - start < 6 and text[start - 1] not in BOUNDARY \
                and sent.char_tag[start - 1] in _STEM_TAGS + ("PER",):
            start -= 1
        first = text[start: m.start + len(suffix)]
        rest = text[m.start + len(suffix): m.end]
        if m.start - start >= 2 and start in sent.token_start and is_territory(first, lex) and is_territory(rest, lex):
            out.append(Mention(first, PLACE, start, m.start + len(suffix), "rule:suffix-split",
                               level=place_level(first, lex) or ""))
            out.append(Mention(rest, PLACE, m.start + len(suffix), m.end, "rule:suffix-split",
                               level=place_level(rest, lex) or ""))
        else:
            out.append(m)
    return out


def _with_cut_first_character(m: Mention, sent: TaggedSentence) -> Mention:
    """与|右|北平镇党委: a town whose first character the model read as a word of its own (右, 东,
    小), the word before it closing a phrase, as for the model's own place words (find_places)."""
    start = m.start
    if start >= 1 and sent.text[start - 1] in _CUT_MODIFIERS and m.level in _TOWN_LEVELS \
            and (start - 1) in sent.token_start and start in sent.token_start \
            and (start - 1 == 0 or sent.char_tag[start - 2] in ("w", "p", "v")):
        return Mention(sent.text[start - 1: m.end], PLACE, start - 1, m.end, m.source, level=m.level)
    return m


def _body_word_at(text: str, at: int, lex: Lexicon) -> bool:
    return any(text.startswith(w, at) for w in lex.bodies if len(w) >= 2)


_CUT_MODIFIERS = set("小大老新东西南北上下前后左右中")
_VILLAGE_LEVELS = ("村", "社区", "嘎查")
_TOWN_LEVELS = ("镇", "乡", "苏木", "村", "嘎查")
_NOT_A_PLACE = re.compile(r"委|政府|党|局|厅|法院|检察院|政协|人大|公司|集团|部|办|中心")
# Joining characters: a longer word of the model's that holds one is a phrase (天堂和店前), though a
# name of two may end in one (埃及).
_JOINED = re.compile(r"[的了和与及、]")


_LEVEL_IN_BRACKETS = re.compile(r"[（(](?:镇|乡|街道|社区|村|苏木|嘎查|区|县|市)[）)]")
_LEVELS_ONLY = re.compile(r"(?:省|市|县|区|乡|镇|村|盟|旗|州|苏木|嘎查){2,}")


def _other_place(word: str, lex: Lexicon, alone: bool = False) -> bool:
    """A word the model reads as a place and nothing in the grammars contradicts: not a kind of
    body, not a scope (全国, 各地), not a level word alone (自治区)."""
    simple = to_simplified(word)
    if place_level(simple, lex) is not None or any(simple.endswith(g) for g in lex.generic_places):
        return False  # the grammar reads it as a territory it rejected (偏远山村, 美乡村): no place
    if len(simple) == 2 and simple[-1] not in "国洲岛湾港宫" and (not alone or simple[-1] in "村乡县镇区市旗城州") \
            and simple not in world_territories():
        return False  # 文明, 惠民: two characters the model reads as a place are too often words
    return len(simple) >= 2 and simple not in lex.generic_bodies and simple not in lex.level_words \
        and not simple.startswith(("全", "各", "该", "本", "我", "此", "当地", "辖区")) \
        and not _NOT_A_PLACE.search(simple) and not (len(simple) > 2 and _JOINED.search(simple)) \
        and not re.search(r"[0-9a-zA-Z]", simple)


def _stands_alone(nxt, prev) -> bool:
    """A two-character place word between words it could not be part of (在东京举行, 赴纽约的):
    惠民|政策, 包村|干部, 幸福|生活 are words, not places."""
    return (nxt is None or nxt.pos in ("w", "u", "p", "c", "v", "f", "d", "TIME", "m")) \
        and (prev is None or prev.pos in ("w", "p", "v", "c", "u"))


def _a_division_alone(word: str, nxt) -> bool:
    """崇礼|这样, 到泗水|不足一年: the short name of one division of the data (崇礼区, 泗水县), the model's
    place word, with no noun after it to make it a word's start (惠民|政策)."""
    simple = to_simplified(word)
    hits = {h.code: h for lv in ("", "县", "区", "旗", "市") for h in divisions().lookup(simple + lv)}
    # (one division under two names: 崇礼区, and the county it was)
    return len(hits) == 1 and next(iter(hits.values())).name != simple \
        and (nxt is None or nxt.pos not in ("n", "vn", "nz", "ns", "LOC", "ORG", "nt"))


def _ends_territory(sent: TaggedSentence, end: int, lex: Lexicon) -> bool:
    """Whether a model's place word that is a territory ends at ``end``."""
    return any(e == end and (tok.tag == LOC or tok.pos == "ns") and is_territory(tok.text, lex)
               for s, e, tok in sent.spans)


def _territories_in_bodies(sent: TaggedSentence, lex: Lexicon) -> list[Mention]:
    """河北省 of 河北省住房和城乡建设厅, 滨海新区 of 滨海新区人大常委会: read by the body grammar."""
    out = []
    for end in body_ends(sent.text, lex):
        if end not in sent.token_end and sent.char_tag[end - 1] != ORG:
            continue
        body = parse_body(sent.text, end, lex, char_tags=sent.char_tag, token_starts=sent.token_start,
                          limit=phrase_limit(sent.text, end))
        if body is None:
            continue
        found = [Mention(p.text, PLACE, p.start, p.end, "rule:body-territory", level=p.level or place_level(p.text, lex)
                         or "") for p in body.parts if p.kind == "territory" and is_territory(p.text, lex)]
        if len(found) > 1 and all(a.end == b.start for a, b in zip(found, found[1:])):
            found[-1].compound = sent.text[found[0].start: found[-1].end]  # 江西省抚州市临川县
        out.extend(found)
    return out




def _divisions_written(sent: TaggedSentence, lex: Lexicon) -> list[Mention]:
    """Division names written in full (和政县 where the model read 和 as a conjunction)."""
    out = []
    text = sent.text
    divs = divisions()
    for end in range(3, len(text) + 1):
        if text[end - 1] not in "省市区县州旗盟" or end not in sent.token_end and text[end - 1] not in "县旗":
            continue
        for length in range(min(12, end), 2, -1):
            piece = text[end - length: end]
            hits = divs.lookup(piece)
            if hits and hits[0].name == piece or hits and len(piece) >= 3 and piece[-1] in "州县旗" and len(hits) == 1:
                start = end - length
                if start in sent.token_start or sent.char_tag[start] in (LOC, ORG, "ns", "p", "c"):
                    out.append(Mention(piece, PLACE, start, end, "rule:division", level=hits[0].level))
                break
    return out


def _numbered_units(text: str, lex: Lexicon) -> list[Mention]:
    """一〇三团, 十四连, 第八师: the numbered divisions, regiments and companies of the 兵团."""
    out = []
    for m in _NUMBERED_UNIT.finditer(text):
        name = m.group()
        if m.start() > 0 and re.match(r"[0-9一二三四五六七八九十百〇零]", text[m.start() - 1]):
            continue
        stem = name[:-1]
        if not NUMERIC_STEM.match(stem) or (len(stem.lstrip("第")) < 2 and name[-1] != "师"):
            continue  # 三连 alone is too common a word; 十四连, 一〇三团, 第八师 are units
        level = lex.place_suffixes.get(name[-1], "")
        out.append(Mention(name, PLACE, m.start(), m.end(), "rule:numbered-unit", level=level))
    return out


def _coordinated(sent: TaggedSentence, lex: Lexicon, places: list[Mention]) -> list[Mention]:
    """天堂镇、店前镇: a word listed with a place and sharing its suffix is a place too."""
    out: list[Mention] = []
    known = {(m.start, m.end): m for m in places if m.level not in ("", "site")}
    spans = sent.spans
    for k, (start, end, tok) in enumerate(spans):
        if (start, end) in known or tok.tag != "O" or tok.pos not in ("n", "nz", "ns"):
            continue
        level = place_level(tok.text, lex)
        if level in (None, "site") or not is_territory(tok.text, lex):
            continue
        for j in (k - 2, k + 2):
            if 0 <= j < len(spans) and 0 <= (k + j) // 2 < len(spans):
                joiner = spans[(k + j) // 2][2].text
                neighbour = known.get((spans[j][0], spans[j][1]))
                if joiner in ("、", "和", "及", "与") and neighbour is not None and neighbour.level == level:
                    out.append(Mention(tok.text, PLACE, start, end, "rule:coordinated", level=level))
                    break
    return out


# Tags that end the leftward growth of a site's name (punctuation, particles, prepositions,
# conjunctions, pronouns, adverbs, numbers, time, verbs, people).
_SITE_STOP_TAGS = {"w", "u", "p", "c", "r", "d", "m", "q", "TIME", "xc", "v", "vd", "PER"}
_NAME_TAGS = {"LOC", "ORG", "PER", "nz", "ns", "nt", "nr", "nw"}
_SITE_MODIFIERS = ("辖区一", "辖区内", "辖区", "高规格", "各级", "各", "相关", "有关", "全体", "该", "本", "我", "原", "一")


def _sites(sent: TaggedSentence, lex: Lexicon, places: list[Mention]) -> list[Mention]:
    """Named sites by their suffix: 卫东区廉政教育基地, 梅岭景区 (not 我县 of 我县梅岭景区)."""
    text = sent.text
    out: list[Mention] = []
    for end in sorted(sent.token_end):
        suffix = next(ending_at(lex.site_suffix_index, text, end), None)
        if suffix is None:
            continue
        start = end - len(suffix)
        # The whole word that ends in the suffix belongs to the name.
        start = min([s for s, e, _t in sent.spans if e == end and len(suffix) >= 2] + [start])
        while start > 0 and sent.char_tag[start - 1] not in _SITE_STOP_TAGS and end - start < 18:
            start -= 1
        # Names start at their territory (参观区廉政教育基地 → 区廉政教育基地), not at an anaphor's level.
        for m in places:
            if start <= m.start < end and m.end < end and m.level != "site":
                start = max(start, m.start)
        for s_, e_, tok in sent.spans:
            if start < s_ < end and tok.text in "省市区县镇乡" and e_ < end:
                start = max(start, e_ if text[s_ - 1] in "我该本全" else s_)
        if start > 0 and text[start] in "省市区县镇乡" and text[start - 1] in "我该本全":
            start += 1
        name = text[start:end]
        for mod in _SITE_MODIFIERS:
            if name.startswith(mod) and len(name) - len(mod) > len(suffix):
                name, start = name[len(mod):], start + len(mod)
                break
        named = any(sent.char_tag[i] in _NAME_TAGS for i in range(start, end - len(suffix))) \
            or any(m.start == start and m.level != "site" for m in places) or text[start] in "省市区县镇乡村"
        if len(name) > max(3, len(suffix) + 1) and named:
            # 文化广场, 农业产业园 are kinds of site; 万达广场, 梅岭景区, 区廉政教育基地 are sites.
            out.append(Mention(name, PLACE, start, end, "rule:site", level="site"))
    return out


def split_compound_place(name: str, lex: Lexicon) -> list[str]:
    """江西省抚州市临川县 → [江西省, 抚州市, 临川县]: a chain of territories written as one word.

    A piece is cut off when it is a known division, or when it ends with a
    territory suffix after a stem of two characters or more and what follows
    is a territory too (so 市中区 and 沙市区 stay whole).
    """
    if divisions().lookup(name) and len(divisions().lookup(name)) == 1 and divisions().lookup(name)[0].name == name:
        return [name]
    territory = [s for s, lv in lex.place_suffixes.items() if lv != "site"]
    for j in range(2, len(name) - 1):
        head, rest = name[:j], name[j:]
        suffix = next((s for s in sorted(territory, key=len, reverse=True) if head.endswith(s)), None)
        if suffix is None or len(head) - len(suffix) < 2 or len(rest) < 2:
            continue
        if suffix in ("镇", "乡") and rest.startswith("街道") and not divisions().lookup(head):
            continue  # 惜福镇街道: a street named after the town it was
        rest_level = place_level(rest, lex)
        if rest_level in (None, "site") and len(split_compound_place(rest, lex)) < 2:
            continue  # what follows is neither a territory nor a chain of them (锡林郭勒盟正蓝旗)
        if divisions().lookup(head) or len(rest) >= 3:
            return [head] + split_compound_place(rest, lex)
    return [name]


def _split(m: Mention, lex: Lexicon) -> list[Mention]:
    if m.level == "site":
        return [m]
    pieces = split_compound_place(m.text, lex)
    if len(pieces) == 1:
        return [m]
    out, at = [], m.start
    for piece in pieces:
        out.append(Mention(piece, PLACE, at, at + len(piece), m.source, level=place_level(piece, lex) or ""))
        at += len(piece)
    out[-1].compound = m.text  # the address as written is also a name of the place it ends with
    return out


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (places are split into pieces afterwards)."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if any(k.start < m.end and m.start < k.end for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)

"""The title grammar: a post as written, split into its territory, bodies, qualifiers and core.

Chinese writes a post fused to the body and territory it belongs to, from the
largest to the smallest, the core last:

    [中共] 临夏县 委 组织部 副 部长          territory · body · body · qualifier · core
    青海省 黄南藏族自治州 委 副 秘书长      two territories (the post is the last one's)
    省 人大常委会 党组 书记                 a level word for the article's province
    北京航空航天大学 团委 副 书记            a body whose name holds a stem
    民革 江苏省 委 副 主委                   a body written before its territory

``parse_post`` reads such a phrase from its core leftwards, taking the longest
piece the lexicons allow at each step (titles.tsv, qualifiers.tsv, bodies.tsv,
levels.tsv, place_suffixes.tsv, the division data); what is left of the
phrase's start is not part of the post. ``find_posts`` finds every post
phrase of a sentence. Deciding who holds a post is elsewhere (extract/posts.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govkg.extract.lexicon import Lexicon, ending_at, suffix_index
from govkg.extract.admin import divisions
from govkg.extract.territory import (GLUED_CUE, TOWN_SUFFIXES, VILLAGE_SUFFIXES, Span, cue_and_level, division_ending_at,
                                     is_territory, level_word_ending_at, place_level)

# Characters a post phrase never crosses.
BOUNDARY = set("，。、；：！？“”‘’（）()《》〈〉【】「」『』 \t…—·,.;:!?")
# Model tags that cannot be inside a body's name.
_STOP_TAGS = {"w", "u", "p", "r", "d", "q", "PER", "TIME", "xc", "t", "ad", "vd", "nr"}
# Words that end a name read leftwards: the verbs and markers that introduce a post.
_STOP_WORDS = {
    "任", "担任", "出任", "调任", "兼任", "升任", "转任", "改任", "接任", "当选", "为", "是", "系", "决定",
    "任命", "免去", "提名", "推荐", "选举", "拟任", "主持", "出席", "参加", "陪同", "会见", "召开", "看望",
    "调研", "考察", "带队", "率", "前往", "来到", "听取", "强调", "表示", "指出", "讲话", "致辞", "宣读",
    "宣布", "介绍", "说", "要求", "接替", "辞去", "跻身", "进入", "历任", "曾任", "现任", "原任", "时任",
    "及", "以及", "等", "同志", "在", "和", "与", "兼", "先后", "此前", "后", "期间", "分管",
    "前任", "后任", "继任", "多任", "首任", "新任",
}
# 房山区(代)区长: a qualifier in brackets.
_BRACKETED = re.compile(r"[（(](代理|代)[）)]")
_CONNECTORS = {"和", "与", "及"}  # (及 in Hong Kong and Macau: 民政及青年事务局)
_ORDINAL_BEFORE = re.compile(r"第[一二三四五六七八九十]+$")
# Verbs of joint action: what stands before them is another actor (建设路街道联合工商银行).
_STEM_BREAKS = ("联合", "携手", "会同", "协同", "联手", "参与", "组织", "开展", "召开", "举办")  # inside a body's name: 住房和城乡建设厅
_ORDINALS = set("第一二三四五六七八九十百〇零两0123456789")
_MAX_STEM = 14
# Words before a body's name that are not part of it: 辖区一电子科技商行, 各级党组织, 相关部门.
_LEADING_MODIFIERS = ("辖区一", "辖区内", "辖区", "高规格", "各级", "各大", "各", "相关", "有关", "全体", "一家", "一",
                      "部分", "一些", "多家", "众多")
# Words that point at a body named before (该局局长, 本院院长): the kind word after them is that body.
_POINTING = ("该", "此", "本", "我", "驻")  # (驻院纪检监察组: the group stationed at the court the story is about)
from govkg.extract.territory import LEVEL_INITIAL_WORDS as _LEVEL_INITIAL_WORDS  # noqa: E402
_SESSION = re.compile(r"(?:第?[一二三四五六七八九十百〇零0-9]+届)$")
_PREFIXES = ("中共", "中国共产党", "全国", "中央", "国家")
_PREFIX_INDEX = suffix_index(_PREFIXES)


@dataclass
class Phrase:
    """A name as the grammar reads it: its pieces, left to right, with offsets in the sentence."""

    parts: list[Span]
    start: int
    end: int
    text: str = ""  # simplified

    @property
    def territories(self) -> list[Span]:
        return [p for p in self.parts if p.kind in ("territory", "level")]

    @property
    def bodies(self) -> list[Span]:
        return [p for p in self.parts if p.kind == "body"]

    @property
    def prefix(self) -> str:
        return "".join(p.text for p in self.parts if p.kind == "prefix")

    @property
    def qualifiers(self) -> list[Span]:
        return [p for p in self.parts if p.kind == "qualifier"]



class BodyPhrase(Phrase):
    """A body's name: [prefix] territories bodies (中共 镇江市 委 统战部)."""


class PostPhrase(Phrase):
    """A post: a body's name (maybe empty), qualifiers and a title core (临夏县 委 组织部 副 部长)."""

    @property
    def core(self) -> Span:
        return self.parts[-1]

    @property
    def bare(self) -> bool:
        """No territory and no body written: 副书记, 主任 (the context says whose)."""
        return not self.territories and not self.bodies and not self.prefix

    def qualifier_meanings(self, lex: Lexicon) -> set[str]:
        return {lex.qualifiers.get(q.text, "") for q in self.qualifiers}


@dataclass
class _Reader:
    """Reads a phrase leftwards from its core; ``pos`` is where the unread part ends."""

    text: str
    char_tags: list[str]
    token_starts: set[int]
    places: list[Span]
    lex: Lexicon
    limit: int
    pos: int = 0
    parts: list[Span] = field(default_factory=list)

    def take(self, span: Span) -> None:
        self.parts.insert(0, span)
        self.pos = span.start

    def ending_here(self, index: dict) -> str | None:
        """The longest word of a suffix index (lexicon.suffix_index) that ends at ``pos``."""
        return next(ending_at(index, self.text, self.pos, self.limit), None)


def _core_at(text: str, end: int, lex: Lexicon, limit: int) -> str | None:
    return next(ending_at(lex.core_index, text, end, limit), None)


def _qualifiers(r: _Reader) -> None:
    while True:
        m = _BRACKETED.search(r.text, max(0, r.pos - 4), r.pos)
        if m and m.end() == r.pos and m.start() >= r.limit:
            r.take(Span(m.start(), m.end(), m.group(1), "qualifier"))
            continue
        q = r.ending_here(r.lex.qualifier_index)
        if not q:
            return
        # 副 of 党组副书记 is a qualifier; 副 ending a stem is not (there are none such), so take it.
        r.take(Span(r.pos - len(q), r.pos, q, "qualifier"))


def _territory(r: _Reader, for_body: bool) -> Span | None:
    """A territory ending at ``pos``: a place the sentence names, a division, or a level word."""
    best = None
    for p in r.places:
        if p.end == r.pos and p.start >= r.limit and (best is None or p.start < best.start):
            best = p
    div = division_ending_at(r.text, r.pos, r.limit)
    if div and cue_and_level(div.text, r.lex):
        div = None  # 曾任县委书记: 任 is the cue, 县 the article's county
    if div and (best is None or div.start < best.start):
        best = div
    if best is None:
        generic = _generic_territory(r)
        if generic:
            best = generic
    if best is None and for_body and r.parts and r.parts[0].kind == "body":
        best = _short_division(r)
    if best is None and r.parts and r.parts[0].kind == "territory":
        # 甘肃|城区人民法院, 江苏|南京市: a province's short name before a territory it holds
        short = _short_division(r)
        if short is not None and short.level == "省":
            best = short
    if best is None and for_body:
        word = level_word_ending_at(r.text, r.pos, r.lex, r.limit)
        if word is not None and _level_fits(word, r):
            best = word
    return best


def _level_fits(word: Span, r: _Reader) -> bool:
    """区 before 委 is a district; 村 before 主任 is a village (主任 has a 村 body); 区 before 长 is not."""
    first = r.parts[0]
    if first.kind in ("body", "session"):
        return True
    # 自治区 stands for a territory of level 省 but has entries of its own (自治区:人民政府 of 主席).
    bare_body = r.lex.titles[r.parts[-1].text].bare_body
    return word.level in bare_body or word.text in bare_body


# One-character verbs before a territory that the model may glue to its name (任|宁乡市委): a name
# the division data does not hold hardly starts with one.
_GLUED_VERBS = set("任在到赴至从于为是")
_LEVEL_CHARS = set("省市区县州旗盟镇乡村")


def _anchored_stem(r: _Reader, start: int) -> int | None:
    """某县|青禾|铺|镇: a stem of two to four characters between a division the data holds and a
    suffix is a territory's name whatever the model made of it (a name, a verb)."""
    for size in (2, 3, 4):
        j = start - size
        if j <= r.limit:
            break
        stem = r.text[j:start]
        if any(c in BOUNDARY or not "\u4e00" <= c <= "\u9fff" for c in stem) or stem[-1] in _LEVEL_CHARS:
            break
        div = division_ending_at(r.text, j, r.limit)
        if div is not None and div.end - div.start >= 3 and is_territory(r.text[j:start + 1], r.lex) \
                and not GLUED_CUE.search(stem) and stem not in r.lex.generic_places \
                and _stem_tags_fit(r, j, start):
            return j
    return None


def _stem_tags_fit(r: _Reader, start: int, end: int) -> bool:
    """The model's words of a stem it misread may be names and nouns, or a verb of one character
    (青禾|铺); not a connector, an adverb, a number or a verb of two (住房|和|城乡, 召开|全|市)."""
    if start not in r.token_starts:
        return False
    i = start
    while i < end:
        j = _token_at(r, i)[1]
        tag = r.char_tags[i]
        if tag in ("c", "p", "u", "d", "r", "m", "w", "q", "TIME", "f", "a", "ad") or tag in ("v", "vn") and j - i > 1:
            return False
        i = j
    return True


def _generic_territory(r: _Reader) -> Span | None:
    """小店村, 一〇三团, 十四连 written before a body: a stem the model keeps whole, then a suffix."""
    for suffix in ending_at(r.lex.place_suffix_index, r.text, r.pos, r.limit):
        if r.lex.place_suffixes[suffix] == "site":
            continue
        if r.text[r.pos - 1: r.pos + 1] in _LEVEL_INITIAL_WORDS:
            continue  # 文化|市场综合执法局: a suffix that begins a word (市场, 市民) ends no territory
        start = r.pos - len(suffix)
        numeric = r.lex.place_stems.get(suffix) == "numeric"
        anchored = None if numeric else _anchored_stem(r, start)
        if anchored is not None:
            name = r.text[anchored:r.pos]
            return Span(anchored, r.pos, name, "territory", place_level(name, r.lex) or r.lex.place_suffixes[suffix])
        i = start
        while i > r.limit and r.pos - i < 10 and r.text[i - 1] not in BOUNDARY:
            ch, tag = r.text[i - 1], r.char_tags[i - 1]
            if numeric:
                if ch not in _ORDINALS:
                    break
            elif (tag in _STOP_TAGS or tag in ("v", "vn", "m", "c", "a", "ad") or r.text[i - 1] in "的了和与及") \
                    and not _opens_a_name(r, i - 1) and not (tag == "m" and _no_number(r, i - 1)):
                break
            i -= 1
            if not numeric and i in r.token_starts and r.pos - i >= len(suffix) + 2:
                break
            if not numeric and r.pos - i >= len(suffix) + 2 and division_ending_at(r.text, i, r.limit):
                break  # 江西省抚州市 + 临川县: a chain of territories, each its own
            if not numeric and suffix in VILLAGE_SUFFIXES and r.pos - i >= len(suffix) + 2 \
                    and r.text.endswith(TOWN_SUFFIXES, r.limit, i) and i - r.limit >= 3:
                break  # 某某苏木 + 巴彦某某嘎查 in one of the model's words: the town, then its village
        if not numeric and start - i >= 3 and r.text[i] in _GLUED_VERBS and i in r.token_starts:
            i += 1  # 任宁乡市委 in one of the model's words: 任 is the cue, 宁乡市 the territory
        stem = r.text[i:start]
        if numeric and stem and all(c in _ORDINALS for c in stem):
            return Span(i, r.pos, r.text[i:r.pos], "territory", r.lex.place_suffixes[suffix])
        if not numeric and len(stem) >= 3 and stem[-1] in _LEVEL_CHARS and suffix not in ("街道", "社区") \
                and is_territory(stem, r.lex):
            # 可克达拉市|镇海高级中学: a stem that is a territory itself ends there (not 新市镇, nor a
            # street or community named after the village or town it was: 荷塘村街道)
            continue
        if not numeric and len(stem) >= 2 and is_territory(r.text[i:r.pos], r.lex):
            # The level of the whole name: 经开区 is a zone (its suffix 经开区), not a 区 called 经开.
            name = r.text[i:r.pos]
            return Span(i, r.pos, name, "territory", place_level(name, r.lex) or r.lex.place_suffixes[suffix])
    return None


def _short_division(r: _Reader) -> Span | None:
    """海宁团市委, 萧山区委 written 萧山…: a division's short name right before a body, when the name
    is one division's and the model reads it as a place or a body. A body word that names a level
    says which of two divisions (阿勒泰地委: the prefecture 阿勒泰地区, not the city 阿勒泰市)."""
    first = r.parts[0].text
    implied = next((lv for w, lv in r.lex.level_words.items() if first.startswith(w) and len(first) > len(w)), None)
    for length in (4, 3, 2):
        start = r.pos - length
        if start < r.limit:
            continue
        piece = r.text[start: r.pos]
        hits = divisions().lookup(piece)
        if len(hits) > 1 and implied:
            hits = [h for h in hits if h.level == implied]
        if len(hits) == 1 and hits[0].name != piece and all(t in ("LOC", "ORG", "ns", "nz") for t in
                                                             r.char_tags[start: r.pos]):
            return Span(start, r.pos, piece, "territory", hits[0].level)
    return None


def _is_stem_char(r: _Reader, i: int) -> bool:
    ch, tag = r.text[i], r.char_tags[i]
    if ch in BOUNDARY or tag in _STOP_TAGS:
        return False
    if tag == "m":
        return ch in _ORDINALS
    if tag == "c":
        return ch in _CONNECTORS or _glued_to_a_connector(r, i)
    return True


def _glued_to_a_connector(r: _Reader, i: int) -> bool:
    """教育|和体育局, 文化|和旅游局: the model reads a connector and the field after it as one
    conjunction; a token of three characters or more that opens with 和/与 is no conjunction."""
    start, end = _token_at(r, i)
    return end - start >= 3 and r.text[start] in _CONNECTORS


_NUMERALS = set("〇零一二三四五六七八九十百千万亿两第0123456789")


def _no_number(r: _Reader, i: int) -> bool:
    """五玉里社区党委 read by the model as one number: a word of its numbers that holds characters
    no number is written with is a name it misread."""
    start, end = _token_at(r, i)
    word = r.text[start:end]
    return end - start >= 3 and sum(c not in _NUMERALS for c in word) >= 2


def _opens_a_name(r: _Reader, i: int) -> bool:
    """和平路街道党工委 in one of the model's body or place words: the connector at the word's start
    begins the name (和平, 与城); a connector of its own does not (某村|和|某村)."""
    start, end = _token_at(r, i)
    return start == i and end - start >= 4 and r.char_tags[i] in ("ORG", "LOC")


def _token_at(r: _Reader, i: int) -> tuple[int, int]:
    """(start, end) of the model's word that holds the character at ``i``."""
    start = i
    while start > 0 and start not in r.token_starts:
        start -= 1
    end = i + 1
    while end < len(r.text) and end not in r.token_starts:
        end += 1
    return start, end


# Schools, hospitals and enterprises: they have units of their own (江南大学|化学系, 某公司|财务部: a
# unit's stem stops at their name), and may be named by their place alone (双鸭山农场).
_INSTITUTIONS = ("school", "hospital", "enterprise")


def _stem_start(r: _Reader, end: int, unit: str = "") -> int:
    """How far a body's stem reaches leftwards from ``end`` (its suffix's start); ``unit`` is the
    suffix when it is a unit's (whose stem stops where a school, hospital or enterprise is named)."""
    i = end
    while i > r.limit and end - i < _MAX_STEM and _is_stem_char(r, i - 1):
        if r.text.endswith(_STEM_BREAKS, 0, i):
            break  # 建设路街道联合工商银行: 联合 joins two actors, it is in neither name
        if GLUED_CUE.search(r.text, max(r.limit, i - 4), i):
            break  # 同志任|县财政局 in one of the model's words
        # Stop at a word that introduces a post (任临夏州… , 曾任…) or at a territory's end.
        word = _word_ending_at(r, i)
        if word in _CONNECTORS and end - i >= 2 and i - 1 > r.limit and _is_stem_char(r, i - 2) \
                and not (r.char_tags[i] == "ORG" and r.char_tags[i - 2] in ("ORG", "LOC", "nz")) \
                and not _body_word_ends_at(r, i - 1) \
                and next(ending_at(r.lex.body_index("suffix"), r.text, i - 1, r.limit), None) is None:
            pass  # 工业和信息化厅, 人力资源和社会保障局, 教育和|体育局: the name joins two fields (not
            # 教育局和财政局, nor two names the model reads: 汇丰|和|巴克莱银行)
        elif word in _STOP_WORDS:
            break
        if any(p.end == i for p in r.places) or division_ending_at(r.text, i, r.limit):
            break
        if end - i >= 2 and _generic_territory(_Reader(r.text, r.char_tags, r.token_starts, r.places, r.lex,
                                                        r.limit, i)) is not None:
            break  # 神马社区 + 爱心服务联盟
        if _body_word_ends_at(r, i):
            break  # 省委宣传部 + 外宣处: the stem of 处 is 外宣
        if unit and end - i + len(unit) >= 2 and _host_of_units_ends_at(r, i):
            break  # 江南理工大学 + 化学系: the department of the university
        if _core_at(r.text, i, r.lex, r.limit) is not None and end - i >= 1 and i in r.token_starts:
            break  # 省会城市市长 + 青川日报: a title ends there (not 青州市|长城电器: 长城 is one word)
        i -= 1
    if end - i >= _MAX_STEM and i not in r.token_starts:
        # 中国|房地产及住宅研究会…委员会: a stem cut at its longest inside one of the model's words takes
        # the whole word (a name is never cut inside a word)
        word_start, word_end = _token_at(r, i)
        if word_start >= r.limit and i - word_start <= 3 and all(_is_stem_char(r, k) for k in range(word_start, i)):
            i = word_start
        elif word_end < end and word_end - i <= 4:
            i = word_end  # (中华人民共和国|新闻出版总署…司: the name starts after the word it would cut)
    if end - i == 1 and r.text[i] in _POINTING:
        return end  # 该|局局长: no stem, the body the text pointed at
    if end - i >= 3 and _dates_the_post(r, i):
        i += 1  # 原|县教育局局长, 原|江南大学副校长: 原 says the post is former (a qualifier), no name's
    # A stem never starts with a connector or a modifier (辖区一电子科技商行 → 电子科技商行).
    changed = True
    while changed and i < end:
        changed = False
        if r.text[i] in _CONNECTORS:
            i, changed = i + 1, True
        for word in _LEADING_MODIFIERS:
            if r.text.startswith(word, i) and end - i - len(word) >= 2:
                i, changed = i + len(word), True
                break
    return i


_FORMER_MARKERS = "原前"


def _dates_the_post(r: _Reader, i: int) -> bool:
    """原 or 前 opening a stem is the qualifier of the post before the body when the model writes it
    as a word of its own, or a level word follows it (原县教育局, the model's one word); not where
    a division's name begins with it (原平市, 原州区, 原阳县) or a word does (前进街道)."""
    if r.text[i] not in _FORMER_MARKERS:
        return False
    if any(divisions().lookup(r.text[i:i + k]) for k in (2, 3, 4)):
        return False
    if i + 1 in r.token_starts and i in r.token_starts:
        return True
    return any(r.text.startswith(w, i + 1) for w in r.lex.level_words)


def _host_of_units_ends_at(r: _Reader, end: int) -> bool:
    """A school, hospital or enterprise named by a stem of two characters or more ends at ``end``."""
    for word, _form, kind in ending_at(r.lex.body_index("suffix"), r.text, end, r.limit):
        start = end - len(word)
        if kind in _INSTITUTIONS and len(word) >= 2 and start - 2 >= r.limit \
                and all(_is_stem_char(r, k) for k in range(start - 2, start)) \
                and next(ending_at(r.lex.body_word_index, r.text, start, r.limit), None) is None:
            return True  # (not 卫健委|医院管理科: a section of the commission, named for hospitals)
    return False


def _body_word_ends_at(r: _Reader, end: int) -> bool:
    """A body word (宣传部, 政府) or a party committee (省委, 区委) ends at ``end``."""
    for word, _form, _kind in ending_at(r.lex.body_index("word", "prefix"), r.text, end, r.limit):
        if len(word) >= 2:
            return True
    return r.text[end - 1: end] == "委" and level_word_ending_at(r.text, end - 1, r.lex, r.limit) is not None


def _word_ending_at(r: _Reader, end: int) -> str:
    """The model's token that ends at ``end`` (or the one character before it)."""
    return r.text[_token_at(r, end - 1)[0]:end]


def _body(r: _Reader) -> Span | None:
    """One body word ending at ``pos`` (with its stem, if its form takes one)."""
    lex = r.lex
    # A whole body word, longest first (人民检察院 before 院, 党组 before 组).
    for word, form, kind in ending_at(lex.body_index("word", "after-territory", "prefix"), r.text, r.pos, r.limit):
        start = r.pos - len(word)
        if form == "after-territory":
            # 委 of 区委, 州委: a territory or a level word stands right before it (委员会 of 政协某县
            # 第十届委员会: a session may stand between).
            session = _SESSION.search(r.text, max(r.limit, start - 6), start) if len(word) > 1 else None
            at = session.start() if session and session.end() == start else start
            probe = _Reader(r.text, r.char_tags, r.token_starts, r.places, lex, r.limit, at,
                            [Span(start, r.pos, word, "body", form=kind)])
            if _territory(probe, for_body=True) is None:
                continue
        ordinal = _ORDINAL_BEFORE.search(r.text, r.limit, start)
        if ordinal and ordinal.end() == start and form == "word":
            start = ordinal.start()  # 第一中级人民法院: the ordinal is part of the name
        return Span(start, r.pos, r.text[start:r.pos], "body", form=kind)
    # A suffix with its stem: 应急管理局, 住房和城乡建设厅, 江苏大学, 扶贫开发办公室.
    for word, form, kind in ending_at(lex.body_index("suffix"), r.text, r.pos, r.limit):
        start = r.pos - len(word)
        stem_start = _stem_start(r, start, word if kind == "unit" else "")
        if stem_start < start and any(f.form == "back" for f in lex.bodies.get(r.text[stem_start:r.pos], ())):
            continue  # 公|司: a kind of body alone (公司: the company named last), no stem and suffix
        if stem_start == start and word in _BRANCH_WORDS:
            branch = _branch_of_named_body(r, start)
            if branch is not None:
                return Span(branch, r.pos, r.text[branch:r.pos], "body", form=kind)
        if stem_start == start:
            # No stem: the territory written before the suffix, if any.
            place = _territory(_Reader(r.text, r.char_tags, r.token_starts, r.places, lex, r.limit, start,
                                       [Span(start, r.pos, word, "body", form=kind)]), for_body=True)
            if kind in _INSTITUTIONS and len(word) >= 2 and place is not None and place.kind == "territory" \
                    and place.level not in _NOT_A_NAMING_PLACE:
                # 双鸭山农场, 某镇卫生院: a farm, a school or a hospital named by its place, the place its stem
                return Span(place.start, r.pos, r.text[place.start:r.pos], "body", form=kind)
            # …else a sub-body of the body written before it (县委办, 政府办), or a territory's task
            # force or delegation (阿勒泰地区代表团, 县工作组).
            probe = _Reader(r.text, r.char_tags, r.token_starts, r.places, lex, r.limit, start)
            owned = kind == "group" and place is not None
            # (代表团团长 alone: the delegation the story is about, a task force's word of three or more)
            alone = kind == "group" and len(word) >= 3 and (start == r.limit or r.text[start - 1] in BOUNDARY
                                                             or r.char_tags[start - 1] in ("v", "p", "w"))
            if not owned and not alone and (len(word) < 2 and word not in ("办",) or _body(probe) is None):
                continue
        return Span(stem_start, r.pos, r.text[stem_start:r.pos], "body", form=kind)
    # A kind of body alone at the start of the phrase: 院党组成员, 公司总经理 (the one named last).
    for word, form, kind in ending_at(lex.body_index("back"), r.text, r.pos, r.limit):
        start = r.pos - len(word)
        if not r.parts:
            continue
        if start > r.limit and _is_stem_char(r, start - 1) and _word_ending_at(r, start) not in _STOP_WORDS \
                and r.text[start - 1] not in _POINTING:
            continue
        return Span(start, r.pos, word, "body", level="back", form=kind)
    return None


# The levels whose territories do not name an institution by their place alone (江苏省医院 is the
# province's hospital; 县医院 has a level word only).
_NOT_A_NAMING_PLACE = ("省", "自治区")

# A branch of a body, named with the territory it serves: 中国农业银行|青川县|支行.
_BRANCH_WORDS = ("支行", "分行", "分公司", "支公司", "营业部")


def _branch_of_named_body(r: _Reader, start: int) -> int | None:
    """Where a branch's name starts: at the named body before the territory before ``start``
    (中国农业银行青川县支行 is one body, the bank's branch of that county), else None."""
    probe = _Reader(r.text, r.char_tags, r.token_starts, r.places, r.lex, r.limit, start,
                    [Span(start, r.pos, r.text[start:r.pos], "body")])
    territory = _territory(probe, for_body=True)
    if territory is None or territory.kind != "territory":
        return None
    owner = _body(_Reader(r.text, r.char_tags, r.token_starts, r.places, r.lex, r.limit, territory.start))
    if owner is None or owner.form != "enterprise":
        return None
    return owner.start


def _split_level(r: _Reader, body: Span) -> list[Span]:
    """县应急管理局 → 县 + 应急管理局: a level word the model keeps apart begins the stem."""
    word = next((w for w in sorted(r.lex.level_words, key=len, reverse=True)
                 if body.text.startswith(w) and len(body.text) - len(w) >= 2), None)
    if word is None or body.text[: len(word) + 1] in _LEVEL_INITIAL_WORDS:
        return [body]
    if body.start > r.limit and r.text[body.start - 1] not in BOUNDARY \
            and _word_ending_at(r, body.start) not in _STOP_WORDS:
        return [body]
    level = Span(body.start, body.start + len(word), word, "level", r.lex.level_words[word])
    return [level, Span(level.end, body.end, r.text[level.end:body.end], "body", form=body.form)]


_STATIONED = "派驻"
# A court's or a procuratorate's short name in the system's own writing: 某区院, 某县院 (the level
# character, then 院; context.canonical_org says which of the two the story's system is).
COURT_SHORT_NAME = re.compile(r"[区县市州旗]院")

# The state's own bodies stand beside the party committee of their territory, never inside it.
_NOT_IN_A_COMMITTEE = ("government", "cppcc", "court", "procuratorate")  # (市委常委会 is the committee's own)


def _read_name(r: _Reader) -> None:
    """Bodies (innermost last), then territories, then a prefix (中共, 全国) or a body written
    before its territory (共青团, 民革): the name of the body a post belongs to, read leftwards."""
    lex = r.lex
    while True:
        b = _body(r)
        if b is None:
            break
        if r.parts and b.form == "committee" and r.parts[0].form in _NOT_IN_A_COMMITTEE:
            break  # 县委政府: the county's committee and its government, side by side
        pieces = _split_level(r, b) if b.end - b.start > 2 and b.text not in lex.bodies else [b]
        for piece in reversed(pieces):
            r.take(piece)
        if pieces[0].kind == "level":
            break
        _qualifiers(r)
        _session(r)
        if b.form == "group" and r.text.endswith(_STATIONED, r.limit, r.pos):
            # 县纪委监委派驻第三纪检监察组: the group the commission stations, read on to the commission
            probe = _Reader(r.text, r.char_tags, r.token_starts, r.places, lex, r.limit, r.pos - len(_STATIONED))
            if _body(probe) is not None:
                r.take(Span(r.pos - len(_STATIONED), r.pos, _STATIONED, "link"))
    if not r.parts:
        return
    while True:
        t = _territory(r, for_body=_accepts_level(r.parts[0], lex))
        if t is None:
            break
        r.take(t)
        _session(r)
    front = next((w for w, _form, _kind in ending_at(lex.body_index("prefix"), r.text, r.pos, r.limit)), None)
    if front and (any(x.kind in ("territory", "level") for x in r.parts)
                  or r.parts[0].kind == "body" and r.parts[0].text == "中央"):
        r.take(Span(r.pos - len(front), r.pos, front, "body", form=_forms_kind(lex, front)))
    p = r.ending_here(_PREFIX_INDEX)
    if p:
        r.take(Span(r.pos - len(p), r.pos, p, "prefix"))


def _reader(text: str, end: int, lex: Lexicon, char_tags, token_starts, places, limit) -> _Reader:
    char_tags = char_tags or ["n"] * len(text)
    token_starts = token_starts if token_starts is not None else set(range(len(text)))
    return _Reader(text, char_tags, token_starts, places or [], lex, limit, end)


def parse_post(text: str, end: int, lex: Lexicon, *, char_tags: list[str] | None = None,
               token_starts: set[int] | None = None, places: list[Span] | None = None,
               limit: int = 0, quoted: bool = False) -> PostPhrase | None:
    """The post phrase whose core ends at ``end`` in simplified ``text``, read as far left as it goes.

    ``char_tags``/``token_starts`` are the model's tags per character and its
    word starts (they stop a body's stem at a verb or a pronoun); ``places``
    are the territories the sentence names; ``limit`` is where reading must stop.
    """
    core = _core_at(text, end, lex, limit)
    if core is None:
        return None
    r = _reader(text, end, lex, char_tags, token_starts, places, limit)
    r.take(Span(end - len(core), end, core, "core"))
    if quoted:
        r.pos -= 1  # the opening quote
    _qualifiers(r)
    if r.text.startswith("现任", r.pos - 2) and r.pos - 2 > r.limit:
        # 水井村现任驻村第一书记: 现任 between the territory and the title says the post is current.
        probe = _Reader(r.text, r.char_tags, r.token_starts, r.places, r.lex, r.limit, r.pos - 2, list(r.parts))
        if _territory(probe, for_body=False) is not None:
            r.take(Span(r.pos - 2, r.pos, "现任", "cue"))
    _read_name(r)
    _qualifiers(r)  # 原县委书记 (时任 is a cue, not a qualifier)
    if r.parts[0].kind == "qualifier" and len(r.parts) > 1 and r.parts[1].kind == "qualifier" \
            and r.parts[0].text == "副":
        return None
    if quoted:
        end += 1  # the closing quote: the name follows it
    return PostPhrase(r.parts, r.pos, end, text[r.pos:end])


def parse_body(text: str, end: int, lex: Lexicon, *, char_tags: list[str] | None = None,
               token_starts: set[int] | None = None, places: list[Span] | None = None,
               limit: int = 0) -> "BodyPhrase | None":
    """The body name that ends at ``end`` (河北省住房和城乡建设厅, 中共镇江市委统战部), or None."""
    r = _reader(text, end, lex, char_tags, token_starts, places, limit)
    _read_name(r)
    if not r.parts or r.parts[-1].kind != "body" or r.parts[-1].end != end:
        return None
    return BodyPhrase(r.parts, r.pos, end, text[r.pos:end])


def _forms_kind(lex: Lexicon, word: str) -> str:
    return lex.bodies[word][0].kind


def _accepts_level(first: Span, lex: Lexicon) -> bool:
    """Whether a level word may stand before ``first``: before a body (区委, 县政协), or before a
    core that has a body at that level (自治区主席, 村主任); not before another territory."""
    if first.kind in ("body", "session"):
        return True
    if first.kind in ("core", "qualifier"):
        return True  # checked against the core's levels once the word is known (_level_fits)
    return False


def _session(r: _Reader) -> None:
    m = _SESSION.search(r.text, max(r.limit, r.pos - 6), r.pos)
    if m and m.end() == r.pos and m.start() >= r.limit:
        r.take(Span(m.start(), m.end(), m.group(), "session"))


def phrase_limit(text: str, end: int) -> int:
    """Where a phrase ending at ``end`` may start: after the last boundary (a bracketed
    qualifier such as （代） is no boundary)."""
    start = max(0, end - 40)
    masked = _BRACKETED.sub(lambda m: "代" * len(m.group()), text[start:end])
    return max((start + i + 1 for i, ch in enumerate(masked) if ch in BOUNDARY), default=start)


_BODY_END: dict[int, re.Pattern] = {}


def body_ends(text: str, lex: Lexicon) -> list[int]:
    """Every offset where a body word of the lexicon ends (the places to read a body name from)."""
    if id(lex) not in _BODY_END:
        words = sorted(lex.bodies, key=len, reverse=True)
        _BODY_END[id(lex)] = re.compile("|".join(re.escape(w) for w in words))
    pattern = _BODY_END[id(lex)]
    ends = set()
    for i in range(len(text)):
        m = pattern.match(text, i)
        if m:
            ends.add(m.end())
    return sorted(ends)


def find_posts(text: str, lex: Lexicon, *, char_tags: list[str] | None = None,
               token_starts: set[int] | None = None, token_ends: set[int] | None = None,
               places: list[Span] | None = None) -> list[PostPhrase]:
    """Every post phrase of a sentence (simplified), left to right, none inside another."""
    found: list[PostPhrase] = []
    firsts = _cores_by_first_char(lex)
    ends = sorted({i + len(core) for i, ch in enumerate(text) for core in firsts.get(ch, ())
                   if text.startswith(core, i)})
    for end in ends:
        core = _core_at(text, end, lex, 0)
        if core is None:
            continue
        start = end - len(core)
        # 社区“第一书记”朱浩: a title in quotes is a title; the phrase reads on past the opening quote.
        quoted = start > 0 and text[start - 1] in "“‘" and text[end: end + 1] in ("”", "’")
        if not quoted and (token_ends is not None and end not in token_ends) \
                and not _glued_to_a_name(text, start, end, lex, char_tags, token_starts):
            continue
        if _inside_longer_word(text, start, end, lex):
            continue
        if text.endswith(_TEAM_WORDS, 0, start) and core == "成员":
            continue  # 州政府班子成员何建东、李洋: one of a leadership team, no post
        limit = phrase_limit(text, start - 1 if quoted else end)
        post = parse_post(text, end, lex, char_tags=char_tags, token_starts=token_starts, places=places,
                          limit=limit, quoted=quoted)
        if post is not None:
            found.append(post)
    # A core inside a longer post's core (书记 of 总书记) or an earlier post swallowed by a later one.
    kept: list[PostPhrase] = []
    for post in sorted(found, key=lambda p: (p.end, -(p.end - p.start))):
        kept = [k for k in kept if not (post.start <= k.start and k.end <= post.end and k is not post)]
        if any(k.start <= post.start and post.end <= k.end for k in kept):
            continue
        kept.append(post)
    return sorted(kept, key=lambda p: p.start)


# Words for a leadership team: its 成员 are described, not seated (班子成员).
_TEAM_WORDS = ("班子", "领导班子")


def _glued_to_a_name(text: str, start: int, end: int, lex: Lexicon, char_tags, token_starts) -> bool:
    """丰台区区|长冀岩: the model glued the title's last character to the name after it (a name it
    reads as a place or a person, starting inside the core, going on with a surname); or the
    name's surname to the title (县委书记令|明远)."""
    if char_tags is None or token_starts is None or end >= len(text):
        return False
    if end + 1 in token_starts and end not in token_starts and text[end] in lex.surnames \
            and end + 1 < len(char_tags) and char_tags[end + 1] == "PER":
        return True  # 县委书记令|明远同志: the model glued the surname to the title, the given name apart
    tag = char_tags[end]
    if tag not in ("PER", "LOC") or char_tags[end - 1] != tag or end in token_starts:
        return False
    word_start = max(i for i in token_starts if i < end)
    word_end = next((i for i in range(end, len(text)) if i + 1 >= len(text) or i + 1 in token_starts), end)
    rest = text[end: word_end + 1]
    # (街道办事处|长丰村: the model's word is a place, the core only seems to run into it)
    # (a name with no Han surname after a core of three characters or more: 嘎查|达朝鲁 is 嘎查达 朝鲁)
    return start <= word_start and (text[end] in lex.surnames or end - start >= 3) and 2 <= len(rest) <= 3 \
        and not rest.endswith(tuple(lex.place_suffixes)) and not divisions().lookup(text[word_start: word_end + 1])


_FIRSTS: dict[int, dict[str, tuple[str, ...]]] = {}


def _cores_by_first_char(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    if id(lex) not in _FIRSTS:
        index: dict[str, list[str]] = {}
        for core in lex.titles:
            index.setdefault(core[0], []).append(core)
        _FIRSTS[id(lex)] = {ch: tuple(v) for ch, v in index.items()}
    return _FIRSTS[id(lex)]


_LONGER: dict[int, tuple[str, ...]] = {}


def _longer_words(lex: Lexicon) -> tuple[str, ...]:
    if id(lex) not in _LONGER:
        _LONGER[id(lex)] = tuple(set(lex.titles) | set(lex.bodies) | {"委员会", "书记员", "记者站", "记者节"})
    return _LONGER[id(lex)]


def _inside_longer_word(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """书记处, 委员会, 主任科员, 主席团: the core begins a longer word that runs past it."""
    for s in range(start, end):
        for word in _longer_words(lex):
            if len(word) > end - s and text.startswith(word, s) and s + len(word) > end:
                return True
    return False

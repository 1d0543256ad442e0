"""Bodies: the organisations a sentence names.

Read by the body grammar (extract/titles.py ``parse_body``) wherever a body
word ends: 河北省住房和城乡建设厅, 中共镇江市委统战部, 区纪委监委 (the district's:
resolution completes it), 民革江苏省委, 北京航空航天大学团委. The model's
organisation words are kept where the grammar has nothing to say (国务院,
新华社, 上观新闻) and they read as a name. A kind of body (党委, 委员会,
金融机构) alone is not a name, nor is a body of no territory (各级党委, 市级党委).
"""

from __future__ import annotations

import re
from functools import lru_cache

from govkg.extract.admin import divisions, is_ethnic_group
from govkg.extract.articles import MEDIUM_END
from govkg.extract.lexicon import Lexicon, ending_at
from govkg.extract.ner.base import LOC, ORG, Token
from govkg.extract.normalize import to_simplified
from govkg.extract.records import Mention
from govkg.extract.sentences import TaggedSentence
from govkg.extract.territory import (LEVEL_INITIAL_WORDS, Span, canonical_place, is_territory,
                                     needs_the_territory_before, place_level)
from govkg.extract.titles import BOUNDARY, COURT_SHORT_NAME, BodyPhrase, body_ends, parse_body, phrase_limit
from govkg.graph.schema import ORGANIZATION

# A body word that names a body only with a territory (or a stem) before it.
_NEEDS_OWNER = {"committee", "cell", "organ", "government", "congress", "cppcc", "court", "procuratorate",
                "court-organ", "village", "group", "unit", "congress-organ", "military", "zone", "mass", "other"}
# Media the model tags as a body: a paper, a site, an app, a station.
_MEDIA = re.compile(r"(?:日报|晚报|晨报|商报|时报|都市报|法制报|青年报|报社|报|新闻网|新闻|网|客户端|电视台|广播电视台|"
                    r"融媒体中心|新闻中心|通讯社|新闻社|杂志社|频道)$")
# Endings of the model's body words too loose for the grammar to read on its own: 中国共产党,
# 解放军, 新华社, 中央广播电视总台; and the trades an enterprise is named by (东兴证券, 河北钢铁,
# 某县城投: a company, though its name starts with a territory's).
_MODEL_ONLY_ENDS = ("党", "军", "社", "台", "证券", "地产", "置业", "钢铁", "保险", "控股", "实业", "传媒", "城投",
                    "交投", "文旅", "水务", "燃气", "电力", "能源", "化工", "医药", "建工")
_CONGRESS_SESSION = re.compile(r"代表|[一二三四五六七八九十]+次会议|会议|第")
_JOINT_VERBS = ("联合", "携手", "会同", "协同", "联手")
# Words the model takes into a body's name that only point at it.
_LEADING_WORDS = ("原来", "上述", "前述", "当地", "该", "各大", "这家", "那家", "据此前", "此前", "之前", "此",
                  "来源", "讯")  # (人民网9月12日讯|美国会…, 来源|阅文集团: a dateline's or source line's word)
_MODIFIERS = ("全省", "全市", "全区", "全县", "各级", "各", "相关", "有关", "全体", "其他", "等", "新时代", "新型",
              "部分", "一些", "多家", "众多", "基层")


def find_bodies(sent: TaggedSentence, lex: Lexicon, places: list[Mention]) -> list[Mention]:
    """The bodies of a sentence (simplified offsets and text)."""
    text = sent.text
    territory_spans = [Span(m.start, m.end, m.text, "territory", m.level) for m in places
                       if m.level not in ("", "site")]
    out: list[Mention] = []
    for end in body_ends(text, lex):
        if end not in sent.token_end and sent.char_tag[end - 1] != ORG:
            continue
        phrase = parse_body(text, end, lex, char_tags=sent.char_tag, token_starts=sent.token_start,
                            places=territory_spans, limit=phrase_limit(text, end))
        if phrase is None or not _is_a_name(phrase, sent, lex):
            continue
        if text.endswith("人大", 0, end) and _CONGRESS_SESSION.match(text, end):
            continue  # 十二届人大四次会议, 省人大代表: the congress in session, a seat in it
        start = _name_start(phrase)
        lead = next((w for w in _LEADING_WORDS if text.startswith(w, start) and end - start - len(w) >= 3), "")
        start += len(lead)  # 上述|中储粮黑龙江分公司, 原来|国家邮政局
        if _ends_in_ordinary_word(text, end, lex) or text.startswith("系统", end):
            continue  # (监狱系统, 公安系统: the bodies of a kind together, no one body)
        out.append(Mention(text[start:end], ORGANIZATION, start, end, "rule:body"))
    for m in COURT_SHORT_NAME.finditer(text):
        # 鄂城区院|方某院长: a territory's court in its own system's writing, 院 glued to the name after it
        territory = next((p for p in places if p.end == m.start() + 1 and p.level not in ("", "site")), None)
        if territory is not None and m.end() not in sent.token_start and not _ends_in_ordinary_word(text, m.end(), lex):
            out.append(Mention(text[territory.start:m.end()], ORGANIZATION, territory.start, m.end(), "rule:court-short"))
    for m in _CITED_MEDIUM.finditer(text):
        # 据包头新闻网消息, 据新华社报道: the medium a story cites is a body it names.
        out.append(Mention(m.group(1), ORGANIZATION, m.start(1), m.end(1), "rule:cited-medium"))
    for m in _MEDIA_LIST.finditer(text):
        # 来自中新社、人民网、新华网等媒体的记者: each medium of the list.
        at = m.start(1)
        for name in m.group(1).split("、"):
            out.append(Mention(name, ORGANIZATION, at, at + len(name), "rule:cited-medium"))
            at += len(name) + 1
    for start, end, tok in sent.spans:
        if tok.tag != ORG or len(tok.text) < 2:
            continue
        inside = [m for m in out if m.start < end and start < m.end]
        if inside and _branch_of(tok.text, start, end, inside):
            # 中国人民银行广州分行, 光大银行长春分行: the model's word is the branch of the body the
            # grammar read at its start (the grammar stops at the territory between them)
            out = [m for m in out if m not in inside]
            out.append(Mention(tok.text, ORGANIZATION, start, end, "model"))
            continue
        if inside:
            continue  # where the grammar read a body, its reading wins
        lead = next((w for w in _LEADING_WORDS if tok.text.startswith(w) and len(tok.text) - len(w) >= 3), "")
        if lead:
            # 上述中储粮分公司, 当地银监分局: the word before the name the model took with it
            tok, start = Token(tok.text[len(lead):], tok.tag, tok.pos), start + len(lead)
        if _ends_in_ordinary_word(text, end, lex) or _is_venue(tok.text, lex):
            continue  # 从严治党: the model's body word ends in 治党
        following = next((t for s_, _e, t in sent.spans if s_ == end), None)
        rest = _nouns_after(sent, end)
        quoted = start > 0 and text[start - 1] in "“‘"  # “智囊库”, ‘北大门’: a figure of speech
        # (嘎查长|额尔德|木图: a word of no body's ending right after a title is its holder's name, cut)
        own_name = not quoted and next(ending_at(lex.core_index, text, start), None) is None
        if _model_body(tok.text, lex, following, own_name=own_name, rest=rest) and not is_bare_body(tok.text, lex) \
                and next(ending_at(lex.core_index, tok.text, len(tok.text)), None) is None:
            # (民建阳江市委会主委: a post, read by the title grammar, not a body)
            out.append(Mention(tok.text, ORGANIZATION, start, end, "model"))
    return _dedupe(out)


_CITED_MEDIUM = re.compile(rf"(?:据|来自|转自)([\u4e00-\u9fff]{{2,10}}?(?:{MEDIUM_END}))(?:消息|报道|获悉)")


_MEDIUM_NAME = rf"[\u4e00-\u9fff]{{1,10}}?(?:{MEDIUM_END}|集团)"  # 福建广电集团
_MEDIA_LIST = re.compile(rf"来自((?:{_MEDIUM_NAME}、)+{_MEDIUM_NAME})(?=等|的|和|及|记者|媒体)")


_LEVEL_CHARS = set("省市区县旗乡镇州盟")


def _words_before(text: str, at: int) -> str:
    """The words between the last break and ``at``."""
    start = max((i + 1 for i in range(max(0, at - 8), at) if text[i] in BOUNDARY), default=max(0, at - 8))
    return text[start:at]


_BRANCHES = ("分行", "支行", "分公司", "子公司", "营业部", "分院", "分局", "分校")


def _branch_of(word: str, start: int, end: int, inside: list[Mention]) -> bool:
    return word.endswith(_BRANCHES) and all(start <= m.start and m.end <= end for m in inside) \
        and min(m.start for m in inside) == start and max(m.end for m in inside) < end


def _is_venue(name: str, lex: Lexicon) -> bool:
    """北京会议中心, 文化中心: a venue (a Place, place_suffixes.tsv), though 中心 may end a body's name."""
    simple = to_simplified(name)
    body_suffix = _suffix_length(simple, lex)
    # (广场 ends in 场, a body's suffix of one character: 万达广场 is a site and an enterprise both)
    return body_suffix >= 2 and any(simple.endswith(sfx) and len(sfx) > body_suffix for sfx in lex.site_suffixes)


def _ends_in_ordinary_word(text: str, end: int, lex: Lexicon) -> bool:
    """The last character of a body is inside an ordinary word longer than one character that runs
    across it (武警部|队) or ends with it (大山深处, 博物馆协办): ordinary_words.txt."""
    for word in lex.ordinary_words:
        at = text.find(word, max(0, end - len(word)), end + len(word) - 1)
        while 0 <= at < end:
            if at + len(word) >= end:
                return True
            at = text.find(word, at + 1, end + len(word) - 1)
    return False


_PARTY_PREFIXES = ("中共", "中国共产党")


def _name_start(phrase: BodyPhrase) -> int:
    """A body's name starts at its own territory (the last of a chain: 江西省抚州市临川县人民法院 is
    临川县人民法院; 建设路街道神马社区爱心服务联盟 is 神马社区爱心服务联盟), keeping a body written
    before it (共青团金华市委, 民革江苏省委); 中共 and a session (十二届) are not part of the name."""
    parts = phrase.parts
    places = [i for i, p in enumerate(parts) if p.kind in ("territory", "level")]
    if not places:
        # 全国政协, 国家发改委 keep their prefix (the national body's name); 中共中央 and its organs
        # (中共中央政治局) keep 中共 (中央 alone is no name), 中共XX委 does not.
        kept = [p for p in parts if p.kind != "session" and not (p.kind == "prefix" and p.text in _PARTY_PREFIXES)]
        if kept and kept[0].text == "中央":
            kept = [p for p in parts if p.kind != "session"]  # 中共中央政治局: of the Central Committee
        return kept[0].start if kept else phrase.start
    last = places[-1]
    first = places[0]
    while last > first and parts[last - 1].kind in ("territory", "level") and parts[last].kind == "level":
        last -= 1  # 阳江市 + 市政协: the level word repeats the territory
    if last > first and parts[last - 1].kind == "territory" and parts[last].kind == "territory" \
            and needs_the_territory_before(parts[last].text, parts[last - 1].text):
        last -= 1  # 甘肃城区人民法院
    front = [p for p in parts[:first] if p.kind == "body"]
    if front:
        return front[0].start if last == first else parts[last].start
    if re.match(r"[0-9一二三四五六七八九十]", parts[last].text) and last + 1 < len(parts) \
            and parts[last + 1].form == "enterprise":
        return parts[last + 1].start  # 6连|博福达石磨面粉厂: an enterprise in a numbered unit, not of it
    return parts[last].start


def _is_a_name(phrase: BodyPhrase, sent: TaggedSentence, lex: Lexicon) -> bool:
    text = sent.text
    name = phrase.text
    bodies = [p for p in phrase.parts if p.kind == "body"]
    owners = [p for p in phrase.parts if p.kind in ("territory", "level", "prefix")]
    if not bodies or name in lex.generic_bodies or name.startswith(_MODIFIERS):
        return False
    if re.search(r"[一二三四五两]级", to_simplified(name)):
        return False  # 省市县乡四级党委: the committees of several levels, no one body
    if any(b.level == "back" for b in bodies):
        return False  # 院党组: resolved where a title is (extract/resolve.py)
    first = bodies[0]
    forms = lex.bodies.get(first.text)
    stem_written = forms is None  # a name with a stem of its own: 应急管理局, 江苏大学
    if not owners and not stem_written and len(bodies) == 1 and forms[0].form != "prefix":
        return False  # 党委, 委员会, 医院 alone are kinds of body
    if stem_written and len(first.text) - _suffix_length(first.text, lex) < 2:
        return False  # 汇报, 上报: no stem
    inside_model_body = all(sent.char_tag[i] == ORG for i in range(phrase.start, phrase.end))
    for body in bodies:
        stem = body.text[: len(body.text) - _suffix_length(body.text, lex)]
        if stem in lex.generic_bodies:
            return False  # 帮扶村学校: the school of an assisted village is no name
        if lex.bodies.get(body.text) or inside_model_body:
            continue
        if not _stem_reads_as_name(body, sent, lex, owned=bool(owners)):
            return False
    # The name starts where a word starts (地市党委, 市级党委 start inside a word).
    if phrase.start not in sent.token_start and sent.char_tag[phrase.start] not in (ORG, LOC):
        return False
    levels_only = all(p.kind == "level" for p in owners) and owners
    if levels_only and phrase.start > 0 and text[phrase.start - 1] in "级地各全":
        return False
    if levels_only and _words_before(text, phrase.start).startswith("各"):
        return False  # 各民主党派市委会: each party's city committee, not one body
    if levels_only and phrase.start > 0 and text[phrase.start - 1] in _LEVEL_CHARS:
        return False  # 旗区政协, 县市区委: the committees of two levels in general
    if levels_only and text.startswith(("党委", "党组"), phrase.end) and not text.startswith("党委书记", phrase.end):
        return False  # 省委|党委换届: the level's committees in general (the whole is no body either)
    kinds = [lex.bodies[b.text][0].kind for b in bodies if b.text in lex.bodies]
    if any(a == b == "committee" for a, b in zip(kinds, kinds[1:])):
        return False  # 省委党委 (换届): a committee of a committee is the level's committees in general
    if _is_venue(name, lex):
        return False
    # 镇江民革主委, 区委常委: a name that ends in a title is a post.
    return next(ending_at(lex.core_index, name, len(name)), None) is None


# Body suffixes common inside ordinary words: a name ending in one needs an owner or the model.
_WEAK = {"局", "厅", "委", "办", "署", "处", "科", "室", "部", "站", "所", "院", "中心", "组", "队", "会", "场", "厂", "系", "司"}


_DESCRIBING = ("a", "ad", "an", "vn", "d", "b", "s", "f")  # (国内银行, 境内分行: where, not which)


def _stem_reads_as_name(body: Span, sent: TaggedSentence, lex: Lexicon, owned: bool) -> bool:
    """开展文明科室, 党员干部, 组织全院 are no names: a verb in the stem (but in a task force's:
    疫情防控指挥部), a suffix that only ends a common word (干部, 场所), a weak suffix with nothing
    to say it names one body."""
    suffix = next(ending_at(lex.body_word_index, body.text, len(body.text)), "")
    kind = lex.bodies[suffix][0].kind if suffix else ""
    stem_end = body.end - len(suffix)
    for i in range(body.start, stem_end):
        # A task force's name holds a verb (疫情防控指挥部), but does not start with one (支持配合好巡视组),
        # nor does its own name after a body's (园林局|派出修剪专班: the bureau sent a task force).
        if sent.char_tag[i] == "v" and (kind != "group" or i == body.start
                                        or next(ending_at(lex.body_word_index, sent.text, i, body.start), None)):
            return False
    last = next(((s, e, tok) for s, e, tok in sent.spans if s < body.end <= e), None)
    if last is not None:
        s, e, tok = last
        if e == body.end and e - s == len(suffix) + 1 and tok.tag != ORG and tok.pos not in ("nt", "nz"):
            return False  # 干部, 场所, 科室: the suffix is the end of a common word
    if suffix in _WEAK and not owned and sent.char_tag[body.end - 1] != ORG:
        return False
    if not owned and stem_end > body.start and all(sent.char_tag[i] in _DESCRIBING for i in range(body.start, stem_end)):
        return False  # 现代化医院, 新型学校: a kind of body described, not named
    if suffix in _WEAK and sent.char_tag[body.end - 1] in ("f", "s"):
        return False  # 大山深处, 县西北部: a place word, not a body
    return True


def _suffix_length(word: str, lex: Lexicon) -> int:
    return len(next(ending_at(lex.body_word_index, word, len(word)), ""))


def _nouns_after(sent: TaggedSentence, end: int, most: int = 3) -> str:
    """The model's nouns written right after ``end`` (肉牛养殖基地 after 普旺达), up to ``most`` words."""
    out, at = "", end
    for _ in range(most):
        tok = next((t for s_, _e, t in sent.spans if s_ == at), None)
        if tok is None or tok.pos not in ("n", "vn", "nz", "an"):
            break
        out, at = out + tok.text, at + len(tok.text)
    return out


def _model_body(word: str, lex: Lexicon, following=None, own_name: bool = True, rest: str = "") -> bool:
    """A body word of the model's that the grammar does not read: a medium, an agency, a name of
    its own (阿里巴巴, 美联储) when ``own_name``. ``following`` is the model's next word, ``rest``
    the nouns after it."""
    if word.startswith(_MODIFIERS) or word in lex.generic_bodies or is_territory(word, lex):
        return False
    if place_level(word, lex) not in (None, "site"):
        return False
    if word.endswith(_JOINT_VERBS) and is_territory(word[:-2], lex):
        return False  # 建设路街道联合: a territory and the verb of its joint action
    # A name the model reads as a body but the grammar does not: a medium (上观新闻, 红网) or an
    # agency whose name ends in a body word (国务院, 新华社).
    sites = lex.site_suffixes + ("园",)
    if bool(_MEDIA.search(word)) or next(ending_at(lex.body_word_index, word, len(word)), None) is not None \
            or word.endswith(sites) or word.endswith(_MODEL_ONLY_ENDS):
        return True
    return own_name and _own_name(word, lex, following, rest)


# The model's next word shows that its body word is only the start of a longer name.
_NAME_GOES_ON = ("n", "nz", "vn", "ns", "nt", "a", "b", "TIME", "LOC", "ORG")
# …and the words after which a two-character name may stand alone.
_AFTER_A_SHORT_NAME = ("w", "u", "p", "c", "d", "v", "f")


def _own_name(word: str, lex: Lexicon, following, rest: str = "") -> bool:
    """A name of its own (阿里巴巴, 美联储) the model reads as a body, whole: not a part it cut from a
    longer name (普旺达|肉牛养殖基地), not a territory or its start (湖南省工业, 密云, 中国), a people
    (回族), a number, an address or a lead (星沙时报讯), not the start of a party's body the text does
    not finish (中共营口)."""
    if re.fullmatch(r"[A-Za-z]{2,10}", word):
        return True  # NASA, CAPCOM, FIFA: a name in Latin letters the model reads as a body, whole
    # (通灵珠宝|总裁, 中博传媒|董事长: a title after the name says the name is whole)
    titled = following is not None and next(ending_at(lex.core_index, following.text, len(following.text)), None)
    # A noun after it goes on with the name only where the nouns end as a name does (普旺达|肉牛养殖基地),
    # not before an ordinary noun (国基地产|工作人员, 东兴证券|研究).
    names_on = rest and (next(ending_at(lex.body_word_index, rest, len(rest)), None)
                         or rest.endswith(lex.site_suffixes))
    if following is not None and following.pos in _NAME_GOES_ON and not titled \
            and (following.pos not in ("n", "vn") or names_on):
        return False
    if len(word) < 3 and following is not None and following.pos not in _AFTER_A_SHORT_NAME and not titled:
        return False
    if territory_of_body(word, lex) or canonical_place(word) != word or divisions().lookup(word) \
            or any(divisions().lookup(word[:k]) for k in range(2, len(word))) \
            or any(divisions().lookup(word + level) for level in ("县", "区", "旗", "市")):
        return False
    if any(word.startswith(w) for w in lex.level_words if len(word) - len(w) <= 1):
        return False  # 区局, 省委: a level word and a kind
    return not word.startswith(("中共", "中国共产党")) and not word.endswith(("讯", "组织")) \
        and not re.search(r"[0-9A-Za-z./:一二三四五六七八九十〇]", word) and not is_ethnic_group(word) \
        and not (len(word) <= 3 and word.endswith("国"))


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if any(k.start < m.end and m.start < k.end for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)


@lru_cache(maxsize=8192)
def _territory_span(simple: str, lex: Lexicon) -> tuple[int, int] | None:
    phrase = parse_body(simple, len(simple), lex, token_starts={0})  # a name alone: no words to stop at
    if phrase is None:
        return None
    spans = [p for p in phrase.parts if p.kind == "territory" and is_territory(p.text, lex)
             and simple[p.end - 1: p.end + 1] not in LEVEL_INITIAL_WORDS]  # 雄安新区市民服务中心
    return (spans[-1].start, spans[-1].end) if spans else None


def territory_of_body(name: str, lex: Lexicon) -> str | None:
    """The territory a body's name starts with: 卫东区人民政府 → 卫东区, 临夏州扶贫开发办公室 → 临夏州."""
    span = _territory_span(to_simplified(name), lex)
    return name[span[0]: span[1]] if span else None


def is_bare_body(name: str, lex: Lexicon) -> bool:
    """市人民政府, 区委, 政协党组, 学校团委: a body named by kinds (and a level word) alone, no owner."""
    simple = to_simplified(name)
    if "中央" in simple and simple != "中央" or simple in lex.short_names:
        return False  # 民革中央, 中央组织部, 中国农工民主党: the national bodies are named
    words = _kind_words(lex)

    def made_of_words(rest: str) -> bool:
        return not rest or any(rest.startswith(w) and made_of_words(rest[len(w):]) for w in words.get(rest[0], ()))

    return made_of_words(simple)


@lru_cache(maxsize=8)
def _kind_words(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """The body words and level words (and 中央), longest first, by their first character."""
    out: dict[str, list[str]] = {}
    for w in sorted(set(lex.bodies) | set(lex.level_words) | {"中央"}, key=len, reverse=True):
        out.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


_CIVIL_LEVELS = set("省市县区州旗盟镇乡")  # (团 of 团中央 is the Youth League's, no corps regiment)


def has_no_owner(name: str, lex: Lexicon) -> bool:
    """A body a story names without saying whose it is, so that it is that story's alone: a bare
    body (is_bare_body), or a kind of body after a level word alone — 县统计局, 市第一中学 in a story
    that never names its county or city (not 市场监督管理局, whose 市 begins a word)."""
    if is_bare_body(name, lex):
        return True
    simple = to_simplified(name)
    level = simple[:1]
    rest = simple[1:]
    return level in _CIVIL_LEVELS and "中央" not in simple and simple[:2] not in LEVEL_INITIAL_WORDS and len(rest) >= 2 \
        and next(ending_at(lex.body_index("suffix"), rest, len(rest)), None) is not None \
        and _territory_span(rest, lex) is None and not divisions().lookup(simple[:2])

"""People: the model's names, checked, and the names a title makes certain.

The model (LAC, HanLP) proposes names; they are kept when they look like a
name (a surname, no place or body ending), cut where a post begins inside
them (任代 of 获任代市长) and completed where the model stopped a character
short (杨树 of 杨树久、). A name written right after a post (县长陈小平出席,
院长尼玛才仁介绍, 地委副书记杰恩斯·哈德斯) is a person even when the model
missed it: the title says so.
"""

from __future__ import annotations

import re

from govkg.extract.admin import divisions
from govkg.extract.holders import VOTES_WON, cue_before, cue_heading_list
from govkg.extract.lexicon import Lexicon, after_name_words
from govkg.extract.sentences import TaggedSentence
from govkg.extract.ner.base import PER
from govkg.extract.normalize import to_simplified
from govkg.extract.records import Mention
from govkg.extract.titles import BOUNDARY, COURT_SHORT_NAME, PostPhrase
from govkg.graph.schema import PERSON

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Tags of the words a name after a title may be made of (其其|格: the model reads a Mongolian name
# as a pronoun and a noun; a word of two such characters alone is no name, see name_after_title).
_NAME_TAGS = {"PER", "nr", "nz", "n", "LOC", "ns", "j", "nw", "r"}
# Words that are references to a person, not names: 郭书记, 刘大哥, 老王.
_REFERENCE_ENDS = ("大哥", "大姐", "大爷", "大娘", "阿姨", "师傅", "老师", "同志", "书记", "主任", "县长", "市长")


def _ends_a_name(text: str, end: int) -> bool:
    """What follows ``end`` can follow a name: punctuation, the end, or a word of after_name.txt."""
    if end >= len(text) or text[end] in BOUNDARY or not _CJK.match(text[end]):
        return True
    return text.startswith(after_name_words(), end)


# After a name, words no preposition's phrase is followed by (向海峰主持: 向 is the surname; 向王明介绍
# is ambiguous and left as the model reads it).
_NO_OBJECT_AFTER = ("同志", "主持", "出席", "参加", "参会", "讲话", "带队", "率队", "宣读", "一行", "等")
_LIST_BREAKS = "、，。；（("


# Cues the model glues to the end of the name before them (龙武任|第十三师党委书记, 王明为|县长).
_GLUED_CUES = ("任", "为")


def _spelled_run(sent: TaggedSentence, k: int, taken: int) -> tuple[int, int] | None:
    """The span of the model's words around its name word ``k`` that are all spelled in the
    characters of Mongolian names, when they make a longer one (乌日娜|其|木格: four to seven
    characters, one of them a character of Mongolian names only); None otherwise."""
    spans, text = sent.spans, sent.text
    start, end = spans[k][0], spans[k][1]

    def spelled(j: int) -> bool:
        return spans[j][2].pos not in ("w", "m", "TIME", "c", "d", "p", "u") and _spelled(spans[j][2].text)

    if not spelled(k):
        return None
    first, last = k, k
    while first > 0 and spans[first - 1][1] == spans[first][0] and spans[first - 1][0] >= taken \
            and spelled(first - 1) and end - spans[first - 1][0] <= 7:
        first -= 1
    while last + 1 < len(spans) and spans[last + 1][0] == spans[last][1] and spelled(last + 1) \
            and spans[last + 1][1] - spans[first][0] <= 7:
        last += 1
    s0, e0 = spans[first][0], spans[last][1]
    after = spans[last + 1][2].pos if last + 1 < len(spans) else "w"
    if (s0, e0) == (start, end) or e0 - s0 < 4 or after not in ("v", "p", "c", "u", "w", "d", "f") \
            or not any(c in _MONGOLIAN_ONLY for c in to_simplified(text[s0:e0])):
        return None
    return s0, e0


def _spelled_name_end(sent: TaggedSentence, start: int) -> int | None:
    """Where a name spelled out in the characters Mongolian, Tibetan and foreign names are written
    with ends, when the model cut it into words of its own (额尔德/ORG 木图/n): three to six
    characters, up to a break or a word that follows names."""
    text = sent.text
    end = start
    for s_, e, tok in sent.spans:
        if s_ < start:
            continue
        if s_ != end or tok.tag not in ("ORG", "PER", "LOC", "O") or tok.pos not in ("ORG", "PER", "LOC", "n", "nz", "nr") \
                or not _spelled(tok.text) or e - start > 6:
            break
        end = e
        if end - start >= 3 and _ends_a_name(text, end) and end > start + len(tok.text) - 1 and \
                any(t.tag == "ORG" for s2, e2, t in sent.spans if start <= s2 < end):
            return end
    return None


def _second_part_of_a_name(word: str) -> bool:
    """A word after a name's middle dot that may be the rest of it: two to four Han characters, not
    a word that follows names (说, 表示)."""
    return 2 <= len(word) <= 4 and all(_CJK.match(c) for c in word) and not word.startswith(after_name_words())


def name_after_title(sent: TaggedSentence, start: int, lex: Lexicon, *, long_names: bool = True) -> int | None:
    """The end of the name written at ``start``, right after a title; None if none is there.

    ``long_names``: whether a name longer than a Han name that the model reads whole may be
    one (苏和巴特尔); not after a byline's title, where names are a list the layout may have run
    together (记者曹梦南缪友银)."""
    text = sent.text
    if start >= len(text) or not _CJK.match(text[start]):
        return None
    if sent.char_tag[start] in ("p", "c", "u") and start + 1 in sent.token_start:
        # 执行主席由|杨正明担任: a preposition the model reads alone, no surname — but for a surname
        # before a given name where no preposition's object can stand (执行主席向|海峰主持会议)
        given = next(((s, e) for s, e, tok in sent.spans if s == start + 1 and tok.tag == PER), None)
        if text[start] in lex.surnames and given and given[1] - given[0] <= 2 \
                and (given[1] == len(text) or text[given[1]] in _LIST_BREAKS
                     or text.startswith(_NO_OBJECT_AFTER, given[1])):
            return given[1]
        return None
    if text.startswith(after_name_words(), start):
        return None
    # A name with a middle dot (杰恩斯·哈德斯, 阿沛·阿旺晋美): up to the next break.
    m = re.match(r"[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})+", text[start:])
    if m:
        # …where a name can end after its last dot (努尔兰·哈斯木|指出), not at the next break: at the
        # end of the model's word after the dot (阿不都拉|陪同, though 都 may follow a name).
        last_dot = text.rindex("·", start, start + m.end())
        part = next((e for s_, e, _t in sent.spans if s_ == last_dot + 1), None)
        if part is not None and part <= start + m.end() and _ends_a_name(text, part):
            return part
        return next((end for end in range(last_dot + 2, start + m.end()) if _ends_a_name(text, end)),
                    start + m.end())
    compound = text[start: start + 2] in lex.surnames
    if compound or text[start] in lex.surnames:
        surname = 2 if compound else 1
        if sent.char_tag[start] == PER:
            # The model marked the surname alone (李|遵守|座谈): the name ends where a word ends.
            for given in (2, 1):
                end = start + surname + given
                if end <= len(text) and end in sent.token_end and all(_CJK.match(c) for c in text[start:end]):
                    return end
        for given in (2, 1):
            end = start + surname + given
            if given == 2 and end - 1 in sent.token_start and sent.char_tag[end - 1] in ("d", "c") \
                    and end - 1 in sent.token_end:
                continue  # 区长冀岩|均曾…: an adverb the model reads apart follows the name
            if end <= len(text) and all(_CJK.match(c) for c in text[start:end]) \
                    and _ends_a_name(text, end) and text[end - 1] not in "的了":
                return end
        # A longer name the model reads whole (苏和巴特尔, a Mongolian name that starts like a surname).
        word = next(((s, e) for s, e, tok in sent.spans if s == start and tok.tag == PER), None)
        if long_names and word and word[1] - start > surname + 2 and _ends_a_name(text, word[1]):
            return word[1]
        return None
    # A name with no Han surname (尼玛才仁, 达娃): the model's name-like words up to a break…
    word = next(((s, e, tok) for s, e, tok in sent.spans if s == start), None)
    if word and word[2].tag == "ORG" and 2 <= word[1] - start <= 4 and _ends_a_name(text, word[1]) \
            and all(c in _TIBETAN for c in to_simplified(text[start:word[1]])):
        return word[1]  # …or a Tibetan name the model reads as a body (妇联主席央金也参加)
    spelled = _spelled_name_end(sent, start)
    if spelled is not None:
        return spelled  # …or a Mongolian name the model cut into a body and a noun (嘎查长额尔德|木图，)
    if word and word[2].pos == "v" and word[1] - start == 3 and _ends_a_name(text, word[1]) \
            and text[word[1] - 1] not in "说道了着过到":
        return word[1]  # …or one word of three the model reads as a verb (副县长拉毛措参会)
    rest = next(((s, e, tok) for s, e, tok in sent.spans if word and s == word[1]), None)
    if word and word[1] - start == 1 and word[2].tag == "PER" and rest and rest[1] - rest[0] == 1 \
            and rest[2].pos not in ("p", "c", "u", "w") and _ends_a_name(text, rest[1]):
        return rest[1]  # …or a name of two the model cut after its first character (组长达|久宣布)
    if word and word[1] - start == 1 and word[2].pos in ("v", "n") and rest and rest[2].tag in ("PER", "LOC") \
            and rest[1] - rest[0] in (2, 3) and _ends_a_name(text, rest[1]) \
            and not divisions().lookup(rest[2].text) and not rest[2].text.endswith(tuple(lex.place_suffixes)):
        return rest[1]  # …or a character and a word of a name the model cut apart (副县长拉|毛措，)
    end = start
    while end < len(text) and _CJK.match(text[end]) and end - start < 6 and sent.char_tag[end] in _NAME_TAGS:
        end += 1
        if end - start >= 2 and _ends_a_name(text, end) and end in sent.token_end:
            return end if sent.char_tag[start] in ("PER", "nr") or end - start >= 3 else None
    return None


def find_people(sent: TaggedSentence, lex: Lexicon, place_stems: set[str],
                posts: list[PostPhrase]) -> list[Mention]:
    """The people of a sentence (simplified offsets, text as in the simplified sentence)."""
    out: list[Mention] = []
    spans = sent.spans
    text = sent.text
    taken = 0  # where the last name read ends (a name may take in the model's next words)
    for k, (start, end, tok) in enumerate(spans):
        if tok.tag != PER or start < taken:
            continue
        name_end = end
        # 好邻居乌日娜|其|木格成为…: a Mongolian name the model cut into pieces, one of them a name.
        spelled = _spelled_run(sent, k, taken)
        if spelled is not None:
            start, name_end = spelled
        # 乌云|其|其|格说: a Mongolian name the model cut into a name and characters of one each.
        if name_end == end and _spelled(text[start:end]):
            j, spelled_end = k + 1, end
            while j < len(spans) and spans[j][1] - spans[j][0] == 1 and spans[j][0] == spelled_end \
                    and to_simplified(spans[j][2].text) in _MONGOLIAN and spelled_end - start < 6:
                spelled_end, j = spans[j][1], j + 1
            if spelled_end - end >= 2 and _ends_a_name(text, spelled_end):
                name_end = spelled_end
        # 吉克|石日介绍: a family name of two (Yi, 欧阳) the model read as the whole name.
        if name_end == end and end - start == 2 and text[start:end] in lex.surnames and k + 1 < len(spans):
            s2, e2, nxt = spans[k + 1]
            if s2 == end and 1 <= e2 - s2 <= 2 and all(_CJK.match(c) for c in nxt.text) \
                    and nxt.pos not in ("v", "p", "c", "u", "d", "w") and _ends_a_name(text, e2):
                name_end = e2
        # The model cuts a three-character name after a category word or a title: 村民陈新|全|来到,
        # 第一书记韦国|党|走进.
        if name_end > end:
            pass  # (a name read on above: whole)
        elif end - start == 2 and k + 2 < len(spans) and k > 0 \
                and (spans[k - 1][2].text in lex.person_categories or spans[k - 1][2].text in lex.titles) \
                and len(spans[k + 1][2].text) == 1 and spans[k + 1][2].pos in ("d", "a", "n", "m", "q") \
                and spans[k + 2][2].pos == "v" and not _an_adverb_alone(sent, k):
            name_end = end + 1
        # …or a character short before a break or a word that follows names: 杨树|久、 陈义|初辞去,
        # 孙国|相当选, 王文|超任 (the model glued the name's end to the verb), 白玛旺|堆，.
        elif 2 <= end - start <= 3 and end < len(text) and _CJK.match(text[end]) \
                and not text.startswith(after_name_words(), end) and text[end] not in "的了" \
                and not _an_adverb_alone(sent, k):
            strict = end - start == 3
            after = end + 1
            if (after >= len(text) or text[after] in BOUNDARY) if strict else _ends_a_name(text, after):
                name_end = after
        # 洛央曲|扎: a Tibetan name the model cut a syllable short.
        if name_end == end and 2 <= end - start <= 3 and k + 1 < len(spans) \
                and spans[k + 1][1] - spans[k + 1][0] == 1 and text[end] in _TIBETAN \
                and all(c in _TIBETAN for c in to_simplified(text[start:end])) \
                and (k + 2 >= len(spans) or spans[k + 2][2].pos != "u"):
            name_end = end + 1
        # 艾力|·|买合木提: the dot a word of its own between the two parts of the name (the second one
        # the model may read as a verb: 阿依古丽|·|买买提|每天).
        if text[name_end: name_end + 1] == "·" and k + 2 < len(spans) and spans[k + 1][1] == name_end + 1 \
                and (spans[k + 2][2].tag == PER or _second_part_of_a_name(spans[k + 2][2].text)
                     and all(_CJK.match(c) for c in text[start:name_end])):
            name_end = spans[k + 2][1]
        # 沙木沙克·|玉山: a name with a middle dot the model cut at the dot.
        if text[name_end - 1: name_end] == "·":
            # …up to the end of the model's next word (阿依努尔·|买买提|说), else the next break.
            nxt = next((e for s, e, _t in spans if s == name_end), None)
            m = re.match(r"[\u4e00-\u9fff]{1,8}", text[name_end:])
            if nxt is not None and m and nxt <= name_end + m.end():
                name_end = nxt
            elif m:
                name_end += m.end()
        name = text[start:name_end]
        if len(name) == 3 and name.endswith(_GLUED_CUES) and any(p.start == name_end for p in posts) \
                and not any(p.end == start for p in posts) and looks_like_name(name[:-1], lex):
            name, name_end = name[:-1], name_end - 1  # 龙武任|第十三师党委书记: the cue the model glued on
        if name.endswith("同志") and len(name) >= 4:
            name, name_end = name[:-2], name_end - 2  # 习近平同志
        if any(p.start < name_end and start < p.end for p in posts):
            # A post begins inside the model's name (任代 of 任代市长, 郭书记): the name is cut there.
            cut = min(p.start for p in posts if p.start < name_end and start < p.end)
            name, name_end = text[start:cut], cut
            if not name or name in place_stems or not looks_like_name(name, lex) or len(name) < 2:
                continue
        if name.endswith(_REFERENCE_ENDS) or name in place_stems:
            continue
        if not _is_name(name, lex) and not _holds_a_post_after(sent, name_end, posts, lex):
            continue
        out.append(Mention(name, PERSON, start, name_end, "model"))
        taken = name_end
    out.extend(_names_in_lists(sent, lex, place_stems, out, posts))
    # Names a title makes certain.
    for post in posts:
        if any(m.start == post.end for m in out):
            continue
        if any(m.start < post.end < m.end for m in out):
            continue
        end = name_after_title(sent, post.end, lex, long_names=lex.titles[post.core.text].kind != "press")
        if end is None:
            continue
        name = text[post.end:end]
        # (局长高峰、副局长何某: in a list of titled names, a name that is also a word is a name)
        listed = text[end: end + 1] in ("、", "，", ",") and any(p.start == end + 1 for p in posts)
        if not listed and not _reads_as_name(sent, post.end, end):
            continue
        if name in place_stems or name.endswith(_REFERENCE_ENDS) or any(p.start == post.end for p in posts):
            continue
        out = [m for m in out if not (post.end <= m.start < end)]
        out.append(Mention(name, PERSON, post.end, end, "rule:after-title"))
    out.extend(_names_after_cues(sent, lex, place_stems, out, posts))
    out.extend(_names_after_categories(sent, lex, place_stems, out, posts))
    out.extend(_names_after_a_courts_short_name(sent, lex, out, posts))
    return sorted(out, key=lambda m: m.start)


def _names_after_a_courts_short_name(sent: TaggedSentence, lex: Lexicon, people: list[Mention],
                                     posts: list[PostPhrase]) -> list[Mention]:
    """鄂城区院|方某|院长: between a district's 院 and a title, a name the model glued to the 院."""
    text = sent.text
    out: list[Mention] = []
    for m in COURT_SHORT_NAME.finditer(text):
        start = m.end()
        post = next((p for p in posts if 2 <= p.start - start <= 4 and p.core.text.endswith(("院长", "检察长"))), None)
        if post is None or sent.char_tag[m.start()] not in ("LOC", "ORG", "ns") or start in sent.token_start:
            continue
        name = text[start:post.start]
        if looks_like_name(name, lex) and not any(o.start < post.start and start < o.end for o in people):
            out.append(Mention(name, PERSON, start, post.start, "rule:before-title"))
    return out


def _names_after_categories(sent: TaggedSentence, lex: Lexicon, place_stems: set[str], people: list[Mention],
                            posts: list[PostPhrase]) -> list[Mention]:
    """看望90岁高龄老人祝某, 村民李某说: a name right after a word for a kind of person, as after a
    title (a surname first), though the model read it as a verb."""
    text = sent.text
    out: list[Mention] = []
    for start, end, tok in sent.spans:
        if tok.text not in lex.person_categories or any(m.start <= end < m.end or m.start == end for m in people):
            continue
        if end >= len(text) or text[end] not in lex.surnames and text[end: end + 2] not in lex.surnames:
            continue
        name_end = name_after_title(sent, end, lex, long_names=False)
        if name_end is None or name_end not in sent.token_end or any(p.start < name_end and end < p.end for p in posts):
            continue  # (村民王群|联系: the name would end inside the model's word)
        if any(tok2.pos in ("r", "p", "c", "u", "m", "q") for s2, e2, tok2 in sent.spans if end <= s2 < name_end):
            continue  # 群众连|谁: a preposition and a pronoun, no name
        name = text[end:name_end]
        if name not in place_stems and looks_like_name(name, lex) and _reads_as_name(sent, end, name_end) \
                and not name.endswith(_REFERENCE_ENDS):  # (村民周大姐: a way of addressing, no name)
            out.append(Mention(name, PERSON, end, name_end, "rule:after-category"))
    return out


# What may stand between a list of names and the cue that gives them posts (同志, 分别, votes, 获/被).
_BEFORE_A_CUE = re.compile(rf"(?:同志)?(?:分别)?{VOTES_WON}[获被]?")


def _holds_a_post_after(sent: TaggedSentence, end: int, posts: list[PostPhrase], lex: Lexicon) -> bool:
    """拉巴和次琼分别以71票、70票获任村委会副主任和委员, 扎西当选为村委会主任: a name of the model's
    with no Han surname is one when the clause it opens gives it a post (a cue, then the post)."""
    text = sent.text
    i = end
    while True:  # the other names of its list
        nxt = next(((s_, e) for s_, e, tok in sent.spans if s_ == i + 1 and tok.tag == PER), None)
        if text[i: i + 1] in ("和", "、", "与") and nxt:
            i = nxt[1]
        else:
            break
    i = _BEFORE_A_CUE.match(text, i).end()
    starts = {p.start for p in posts}
    for cue in lex.cues:
        if cue.place == "after-name" and text.startswith(cue.word, i) and i + len(cue.word) in starts \
                and (len(cue.word) >= 2 or text[i - 1: i] in ("获", "被") or cue.word == "任"):
            return True
    return False


# Adverbs the model reads as words of their own after a name (王芳|正|带领, 李明|也|参加): no part of it.
_ADVERBS = set("正也都就还又便曾已再才均亦仍即则")


def _an_adverb_alone(sent: TaggedSentence, k: int) -> bool:
    spans = sent.spans
    if k + 1 >= len(spans):
        return False
    s, e, tok = spans[k + 1]
    return e - s == 1 and tok.pos in ("d", "p", "c") and sent.text[s] in _ADVERBS


def _names_after_cues(sent: TaggedSentence, lex: Lexicon, place_stems: set[str], people: list[Mention],
                      posts: list[PostPhrase]) -> list[Mention]:
    """任命钱某为县人民法院审判员, 免去：孙某的…职务；周某的…职务: a name between a cue of appointment
    (or the list it heads) and 为/的 + a post is a person, though the model took it for a body."""
    text = sent.text
    out: list[Mention] = []
    for post in posts:
        for gap in ("为", "的"):
            at = post.start - len(gap)
            if at < 2 or text[at: post.start] != gap or any(m.start < at + 1 and at - 1 < m.end for m in people):
                continue
            for size in (2, 3):
                start = at - size
                if start < 0 or not (cue_before(text, start, lex, "before-name")
                                     or cue_heading_list(text, start, lex)):
                    continue
                if name_after_title(sent, start, lex, long_names=False) != at:
                    continue
                name = text[start:at]
                if name not in place_stems and looks_like_name(name, lex) and _reads_as_name(sent, start, at) \
                        and not any(p.start < at and start < p.end for p in posts):
                    out.append(Mention(name, PERSON, start, at, "rule:after-cue"))
                break
    return out


# Characters a given name hardly ends with: they end place and body names.
_NOT_NAME_END = set("业区县市村镇乡省局委办院站厂场园馆路街所部处科队组会团")


def looks_like_name(name: str, lex: Lexicon) -> bool:
    """A Han name: two to four characters, a surname first, no place or body ending."""
    if not 2 <= len(name) <= 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
        return False
    simple = to_simplified(name)
    if not (simple[0] in lex.surnames or simple[:2] in lex.surnames):
        return False
    if simple in lex.level_words or simple in lex.place_suffixes:
        return False  # 苏木 (a township of Inner Mongolia), 嘎查: 苏 and 嘎 are no surnames there
    return simple[-1] not in _NOT_NAME_END


def _names_in_lists(sent: TaggedSentence, lex: Lexicon, place_stems: set[str], people: list[Mention],
                    posts: list[PostPhrase]) -> list[Mention]:
    """刘宁、字晶、靳雷: in a list of names, a word between two names that reads as a name is one
    (the model took 字晶 and 马驹 for nouns)."""
    starts = {m.start: m for m in people}
    ends = {m.end: m for m in people}
    out = []
    spans = sent.spans
    candidates = []
    for k, (start, end, tok) in enumerate(spans):
        candidates.append((start, end, tok))
        if tok.tag == "LOC" and end - start == 2 and k + 1 < len(spans) and spans[k + 1][1] - spans[k + 1][0] == 1:
            candidates.append((start, spans[k + 1][1], tok))  # 胡伟新、江国|初、刘玉红: a name cut by the model
        elif end - start == 1 and sent.text[start] in lex.surnames and k + 1 < len(spans) \
                and spans[k + 1][1] - spans[k + 1][0] == 1 and spans[k + 1][2].pos in ("n", "a", "v", "nz"):
            candidates.append((start, spans[k + 1][1], tok))  # 孙立、钱|红、赵刚: a name in two characters
    for start, end, tok in candidates:
        if start in starts or not 2 <= end - start <= 3:
            continue
        # (a place word between two names is a name of the list too: 陳章良、高雄、蔣濟雄)
        place_word = tok.tag == "LOC" and looks_like_name(sent.text[start:end], lex)
        if not place_word and (tok.tag != "O" or tok.pos not in ("n", "nz", "nr", "a", "vn")):
            continue
        name = sent.text[start:end]
        if name in place_stems or to_simplified(name)[-1] in _NOT_NAME_END \
                or any(p.start < end and start < p.end for p in posts):
            continue
        left = sent.text[start - 1: start] == "、" and (start - 1) in ends
        right = sent.text[end: end + 1] == "、" and (end + 1) in starts
        # Between two names any name-like word is one (字晶, of a surname the list does not hold);
        # at the end of a list, only one with a surname.
        if place_word and not (left and right):
            continue
        if left and right or (left and sent.text[end: end + 1] in "，。等0123456789一二三四五六七八九十"
                              or right and start == 0) and looks_like_name(name, lex):
            out.append(Mention(name, PERSON, start, end, "rule:name-list"))
    return out


def _reads_as_name(sent: TaggedSentence, start: int, end: int) -> bool:
    """A word the model reads as one common word (单位, 质量奖) is no name, unless a list of names
    continues after it (委员…马驹、谢秀娟); the title's own word the model ran into the name
    (县委书记令|明远) is none of the name's words."""
    if sent.char_tag[start] in ("PER", "nr") or "·" in sent.text[start:end]:
        return True
    # …unless it stands in a list of names the model does read as names: 马驹、谢秀娟.
    in_list = (sent.text[end: end + 1] == "、" and end + 1 < len(sent.text) and sent.char_tag[end + 1] == "PER") \
        or (sent.text[start - 1: start] == "、" and start >= 2 and sent.char_tag[start - 2] == "PER")
    words = [(s, e, tok) for s, e, tok in sent.spans if s < end and start < e]
    if end - start >= 3 and _spelled(sent.text[start:end]) \
            and any(tok.tag in ("ORG", "PER") for _s, _e, tok in words):
        return True  # 额尔德|木图: a name spelled out, which the model read in part as a name or a body
    common = any(e - s >= 2 and s >= start and tok.pos in ("n", "vn", "v", "a", "ad", "d", "an")
                 and not (tok.pos == "v" and (s, e) == (start, end) and e - s == 3)  # 副县长拉毛措参会
                 for s, e, tok in words)
    return in_list or not common


# Characters transliterated names are made of: a word of three or more of them that the model
# reads as a name is one (布莱尔, 特朗普, 默克尔), though no Chinese surname begins it.
_TRANSLITERATION = set("阿埃艾爱安奥巴拜班邦保贝本比彼毕宾波伯博布查达戴丹道德迪蒂丁杜顿多厄恩法菲费芬弗福"
                       "盖甘戈格古哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康考柯科克肯库拉莱赖兰朗劳勒雷里利"
                       "列林琳隆卢鲁路伦罗洛吕马迈麦曼梅门米敏莫默姆穆纳娜奈内尼诺欧帕佩皮普齐奇乔切琼萨"
                       "塞桑瑟森沙什施史舍斯松苏索塔泰坦汤特提图托瓦威韦维温沃乌西希谢辛休雅亚扬耶伊因英"
                       "尤约泽扎詹茨兹佐尔夫娃")


# The characters Mongolian names are spelled with, beside the foreign and Tibetan ones.
_MONGOLIAN = set("额尔德尼乌云其琴高娃朝鲁敖登日勒雅和仁宝力哈斯包白音来满都毕孟木吉萨娜道楞赛罕沁钦茹图格特乐")
# Syllables Tibetan names are written with in Chinese (扎西, 次仁, 洛桑, 曲扎, 央宗, 措姆): a word of
# three or more of them that the model reads as a name is one; one such character the model cut
# off a name of them belongs to it (洛央曲|扎).
_TIBETAN = set("阿巴白班贝边布才仓藏策次措达旦丹当德登顿多堆噶嘎格更贡加嘉坚降晋久卡拉朗勒列罗洛玛曼梅米姆"
               "木尼努诺帕培彭普齐强琼曲群让热仁萨桑色索塔土吞旺维乌西央扬耶益泽增扎占珍珠卓宗吉娃杰赤穷觉喜饶金")
_SPELLING = _TRANSLITERATION | _TIBETAN | _MONGOLIAN
_MONGOLIAN_ONLY = _MONGOLIAN - _TRANSLITERATION - _TIBETAN


def _spelled(word: str) -> bool:
    """Written only in the characters foreign, Tibetan and Mongolian names are spelled with."""
    return all(c in _SPELLING for c in to_simplified(word))


def _is_name(name: str, lex: Lexicon) -> bool:
    if "·" in name:
        return len(name) >= 4
    simple = to_simplified(name)
    if len(simple) >= 3 and (all(c in _TRANSLITERATION for c in simple) or all(c in _TIBETAN for c in simple)
                             or len(simple) >= 4 and _spelled(simple)
                             and any(c in _MONGOLIAN_ONLY for c in simple)):
        return True  # (乌云其其格: a Mongolian name of four characters or more)
    return looks_like_name(name, lex)

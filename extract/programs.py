"""Programs: named policies, campaigns, systems, projects, honours and documents.

Found three ways: quoted terms that read as a program (a numbered slogan
like “四个一批”, or a quotation followed by a marker: “首席服务官”制度),
《…》 titles, and unquoted names headed by a marker (…制度, …示范区) or
following an award verb (荣获…称号). A quoted phrase that is speech or a
nickname (“美容师”) is not a program.
"""

from __future__ import annotations

import re

from govkg.extract.lexicon import Lexicon, ending_at
from govkg.extract.sentences import TaggedSentence
from govkg.extract.records import Mention
from govkg.graph.schema import PROGRAM

_QUOTED = re.compile(r"[“‘]\s*([^“”‘’，。！？；]{2,24}?)\s*[”’]")
_NAMES_AN_ACTIVITY = re.compile(r"[^，。；、“”‘’]{1,12}?(?:活动|行动|工程)")
_BOOK = re.compile(r"《([^《》]{2,60})》")
_NUMBERED = re.compile(r"[一二三四五六七八九十两百千万双]")
_AWARD = re.compile(r"(?:荣获|获得|获评|获|被授予|授予|被评为|评为|被命名为|命名为)(?:了)?"
                    r"((?:(?!荣获|获得|获评|被授予|被评为)[^，。；、“”《》获]){4,30}?)(?:荣誉)?称号")
# Markers that stay outside the quotes but belong to the name (“首席服务官”制度).
_JOINED_MARKERS = ("主题教育", "制度", "工程", "行动", "机制", "示范区", "工作法", "战略", "计划")
# Markers after quotes that show the quote is a program without joining it (“四个一批”工作思路).
_PROGRAM_CONTEXT_AFTER = ("工作思路", "思路", "理念", "要求", "目标", "措施", "部署", "称号", "荣誉称号",
                          "建设", "创建", "政策", "服务", "等主题教育", "主题教育", "主题活动", "活动", "等")
_PROGRAM_CONTEXT_BEFORE = ("开展", "实施", "落实", "推进", "推行", "深化", "聚焦", "围绕", "抓", "促",
                           "荣获", "授予", "争创", "创建", "以", "坚持", "执行", "启动", "全力抓",
                           "整治", "纠治", "反对", "破除")
_NOT_PROGRAM_BOOKS = re.compile(r"(报|日报|晚报|杂志|周刊|新闻|频道)$")
# A session's paperwork is no program: its agenda, its lists of names.
_PROCEDURAL = re.compile(r"(名单|议程)(（[^）]*）)?$")
# A document's stage written after its title (条例（修订草案）): the document is the one named.
DOCUMENT_STAGE = re.compile(r"[（(](?:修订草案|修訂草案|草案|修订|修訂|征求意见稿|徵求意見稿|试行|試行|送审稿|送審稿)[）)]$")


def _is_slogan(term: str, sent: TaggedSentence, start: int, supported: bool) -> bool:
    """A numbered slogan: 六稳, 四个一批, 三严三实, 两学一做, 每周一讲 — not a number alone (三八),
    nor a word the model knows as one (两委, 一把手) unless a program's verb goes with it (促‘六保’)."""
    if not _NUMBERED.search(term) or len(term) > 8 or "零" in term or not _NUMBERED.sub("", term):
        return False
    words = [tok for s, e, tok in sent.spans if start <= s and e <= start + len(term)]
    one_word = len(words) == 1 and words[0].text == term and words[0].pos in ("n", "l", "i")
    return (supported or not one_word) and not re.search(r"公里|米|[一二三四五六七八九十两]把手", term)


def _listed_slogans(term: str, sent: TaggedSentence, start: int) -> list[Mention]:
    """“打好一个强攻战、实现五个新跨越”: numbered slogans quoted together are one program, the
    campaign they make up."""
    at, parts = start, []
    for part in term.split("、"):
        parts.append((part, at))
        at += len(part) + 1
    if all(_is_slogan(part, sent, at_, True) for part, at_ in parts):
        return [Mention(term, PROGRAM, start - 1, start + len(term) + 1, "rule:quoted-slogans")]
    return []


_LIST_JOINERS = ("、", "和", "及", "与")


def _quoted_alongside(text: str, found: list[Mention]) -> list[Mention]:
    """“基层法庭建设年”、“队伍建设整顿年”、“营商环境优化年”: quotations listed with a program are
    programs too (the first one's verb or marker holds for the list)."""
    quotes = list(_QUOTED.finditer(text))
    starts = {m.start for m in found}
    out: list[Mention] = []
    for prev, nxt in zip(quotes, quotes[1:]):
        if text[prev.end(): nxt.start()] in _LIST_JOINERS and (prev.start() in starts or any(
                o.start == prev.start() for o in out)) and nxt.start() not in starts:
            term = nxt.group(1).strip()
            if len(term) >= 3 and "、" not in term:
                out.append(Mention(term, PROGRAM, nxt.start(), nxt.end(), "rule:quoted-list"))
    return out


def find_programs(sent: TaggedSentence, lex: Lexicon) -> list[Mention]:
    text = sent.text
    out: list[Mention] = []
    for m in _QUOTED.finditer(text):
        term = m.group(1).strip()
        after = text[m.end(): m.end() + 6]
        before = text[max(0, m.start() - 4): m.start()]
        joined = next((mk for mk in _JOINED_MARKERS if after.startswith(mk)), None)
        headed = next((mk for mk in _JOINED_MARKERS if after[2:].startswith(mk)), None)
        if "、" in term and headed and not joined:
            # “四化同步、城乡融合、五区共兴”发展战略: a quoted list before a program's head word (after
            # a word that qualifies it) is one program, the strategy its items make up
            out.append(Mention(term, PROGRAM, m.start(), m.end(), "rule:quoted-list-headed"))
            continue
        if not joined and _NAMES_AN_ACTIVITY.match(text, m.end()) and len(term) >= 4 and "、" not in term:
            # “活力中国调研行·行进的海岸线”大型融媒体采访活动: the campaign the activity is named for
            out.append(Mention(term, PROGRAM, m.start(), m.end(), "rule:quoted-activity"))
            continue
        if joined:
            out.append(Mention(term + joined, PROGRAM, m.start(), m.end() + len(joined), "rule:quoted+marker"))
        elif term.endswith(lex.program_markers) and len(term) >= 4:
            out.append(Mention(term, PROGRAM, m.start(), m.end(), "rule:quoted-marker"))
        elif _is_slogan(term, sent, m.start(1), before.endswith(_PROGRAM_CONTEXT_BEFORE)
                        or after.startswith(_PROGRAM_CONTEXT_AFTER)) or after.startswith(_PROGRAM_CONTEXT_AFTER) and len(term) >= 3 \
                or (before.endswith(_PROGRAM_CONTEXT_BEFORE) and len(term) >= 3
                    and not after.startswith(("的", "”"))):
            if "、" in term and not after.startswith(_PROGRAM_CONTEXT_AFTER):
                # “打好一个强攻战、实现五个新跨越”: numbered slogans quoted together
                out.extend(_listed_slogans(term, sent, m.start(1)))
                continue
            out.append(Mention(term, PROGRAM, m.start(), m.end(), "rule:quoted"))
    out.extend(_quoted_alongside(text, out))
    for m in _BOOK.finditer(text):
        title = re.sub(r"[“”‘’]", "", m.group(1)).strip()
        if _NOT_PROGRAM_BOOKS.search(title) or _PROCEDURAL.search(title):
            continue
        out.append(Mention(title, PROGRAM, m.start(), m.end(), "rule:book-title"))
    for m in _AWARD.finditer(text):
        name = re.sub(r"[“”‘’\s]", "", m.group(1))
        if len(name) >= 4:
            out.append(Mention(name, PROGRAM, m.start(1), m.end(1), "rule:award"))
    out.extend(_marker_headed(sent, lex, out))
    return _unique(out)


# What the model may tag the words of an unquoted program's name, by the kind of its head.
_TAGS = {
    "name": {"n", "nz", "vn", "an", "LOC", "ORG", "j", "nw", "ns", "nt"},
    "campaign": {"n", "nz", "vn", "an", "LOC", "ORG", "j", "nw", "ns", "nt", "a", "TIME"},
    "thought": {"n", "nz", "vn", "an", "LOC", "ORG", "j", "nw", "ns", "nt", "PER", "m", "a", "TIME"},
    "honour": {"n", "nz", "vn", "an", "LOC", "ORG", "j", "nw", "ns", "nt", "v", "a"},
    "report": {"n", "LOC", "ORG", "ns", "nt"},
}
# A report is a document of its own where the text delivers, reads or reviews it (作政府工作报告) or
# holds a meeting on it, not where a task is put into it (列入区政府工作报告).
_REPORT_VERBS = ("作", "做", "审议", "读懂", "解读", "通过", "听取", "讨论", "学习", "报告")
_MEETINGS_ON = ("协商会", "座谈会", "讨论会", "征求意见")  # (举行政府工作报告协商会: a meeting on it)
# 十九届中央第一轮巡视: an inspection round named by its session, body and ordinal.
_INSPECTION = re.compile(r"(?:第?[一二三四五六七八九十百]+届)?(?:中央|省委|市委|自治区党委)第[一二三四五六七八九十百]+轮(?:巡视|巡察)")


# Words a program's name never holds at its start: 17个|巾帼建功先进集体, 3人获|…先进个人.
_BEFORE_A_NAME = {"获", "荣获", "获得", "被评为", "评为", "授予", "被授予", "等", "人"}


def _ends_the_name_before(tok) -> bool:
    return tok is not None and (tok.pos in ("m", "q") or tok.text in _BEFORE_A_NAME)


def _marker_headed(sent: TaggedSentence, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """Unquoted names ended by a head (program_heads.tsv): 以首席服务官制度为抓手, 开展安全生产
    专项整治三年行动, 以邓小平理论…为指导, 17个巾帼建功先进集体; and inspection rounds."""
    out = []
    text = sent.text
    for marker, shortest, kind in lex.program_heads:
        tags = _TAGS[kind]
        for m in re.finditer(marker, text):
            end = m.end()
            if end not in sent.token_end or any(f.start <= m.start() < f.end for f in found):
                continue
            start = m.start()
            token_at = {i: tok for s_, e_, tok in sent.spans for i in range(s_, e_)}
            while start > 0 and sent.char_tag[start - 1] in tags \
                    and end - start < 24 and text[start - 1] not in "“”‘’《》、，。的和与" \
                    and not _ends_the_name_before(token_at.get(start - 1)):
                start -= 1
            name = text[start:end]
            if kind == "thought" and next(ending_at(lex.body_word_index, text, m.start(), start), None):
                continue  # 区委|理论学习中心组, 党组|理论学习: a body's study of theory, no body of thought
            if kind == "report" and not text.endswith(_REPORT_VERBS, 0, start) \
                    and not text.startswith(_MEETINGS_ON, end):
                continue
            if len(name) >= len(marker) + shortest:
                out.append(Mention(name, PROGRAM, start, end, "rule:marker"))
    for m in _INSPECTION.finditer(text):
        if not any(f.start <= m.start() < f.end for f in found + out):
            out.append(Mention(m.group(), PROGRAM, m.start(), m.end(), "rule:inspection"))
    return out


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        key = (m.text, m.start)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out

"""Who holds a post: linking the post phrases of a sentence to the people it names.

Local news and appointment notices write a holding in a few ways, each a rule here:

    县委副书记、县长陈小平             posts before a name (a chain of posts, a list of names)
    马秀兰此前任临夏州委常委             a name, a cue (cues.tsv), the posts
    决定任命严金海为西藏自治区副主席     a cue, a name, 为, the posts
    免去王喜良的昆明市委副书记职务       a cue, a name, 的, the posts
    2018年任临夏州扶贫开发办公室主任     a cue with no name: the person the passage is about
    王金明书记在…                       a name and the title after it
    焦彦龙（现任河北省人大常委会副主任）  a name and its posts in brackets

The cue gives the holding's status (current, former, proposed) and event
(appointed, elected, removed, moved, proposed). Matching is here; what the
post's body is, is decided by resolution (extract/resolve.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govkg.extract.lexicon import Cue, Lexicon
from govkg.extract.titles import PostPhrase

# Between two posts of one chain: 县委副书记、县长; 常委、秘书长；州委副书记; 党组书记兼主任.
_CHAIN_GAP = re.compile(r"^(?:[（(][^（）()]{1,8}[）)])?(?:[、，,；;和及与]|兼任?|并任|兼|同时任|，兼任?)?$"
                        # 、县府办系统 + 党委组织员: words the grammar did not read (but no cue of a clause
                        # of its own: ，后转任 + 政法委书记)
                        r"|^[、，,](?![\u4e00-\u9fff]*(?:任|当选|为)$)[\u4e00-\u9fff]{1,6}$")
# Between a post and the name it precedes: a colon, a space, or a note on the post in brackets
# (副县长（挂职）张某, 副主任（正县级）赵某).
_NAME_GAP = re.compile(r"^(?:[：:]|\s|[（(][^（）()]{1,6}[）)])?$")
# Between two names of a list: 县委常委陈莉、龚红辉和蒋欧林.
_LIST_GAP = re.compile(r"^(?:[、和及与]|同志、|\s+)$")
# What may stand between a subject and its cue: adverbs, a reason, a date — no clause break.
_CLAUSE_BREAK = re.compile(r"[，。；！？,;:：]")
_PRONOUNS = ("他", "她", "其")
# A date at the start of a career clause: 2019年5月, 1998年, 去年7月, 今年初.
_DATE_WORDS = (r"(?:19|20)\d{2}(?:年(?!度)(?:\d{1,2}月)?(?:\d{1,2}日)?|\.\d{1,2}(?!\d))|[去今前]年(?:\d{1,2}月|初|底|年初|年底)?|"
               r"(?:同年|次年|翌年)(?:\d{1,2}月)?|次月|同月|近日|日前|目前|如今|随后|此后|其后|之后|后来")
DATE = re.compile(f"({_DATE_WORDS})")
# Adverbs between a subject and its cue that put the post in the past: 此前，丁绣峰为…常委.
_PAST = re.compile(r"此前|之前|先前|曾经|早年|原先|以前|过去|曾")
# 杨伟东接替丁绣峰担任政法委书记: the one succeeded held the post before.
_SUCCEEDS = re.compile(r"(?:接替|接任|替代|替换)$")


@dataclass
class Name:
    """A person named in a sentence: offsets in it, the name as written."""

    start: int
    end: int
    text: str


@dataclass
class Holding:
    """A person holding (or having held, or proposed for) a post, as one sentence says."""

    person: Name
    post: PostPhrase
    status: str = "current"  # current, former, proposed
    event: str = ""  # appointed, elected, removed, moved, proposed
    cue: str = ""
    chain: list[PostPhrase] = field(default_factory=list)  # the posts written with it, in order
    date_text: str = ""  # the date of the clause that gives it (2019年5月)
    concurrent: bool = False  # 兼任: held beside the posts before it
    explicit: bool = False  # the status is written (原, 曾任, 免去, 拟任, 现任…候选人), not assumed
    session: int | None = None  # the session written in the post (七届州政协主席 → 7)


@dataclass
class Passage:
    """What a run of sentences is about: the person the career clauses with no name refer to."""

    topic: Name | None = None


def chains(text: str, posts: list[PostPhrase], names: list[Name], lex: Lexicon | None = None
           ) -> list[list[PostPhrase]]:
    """Posts written one after another with only a separator between them form one chain."""
    out: list[list[PostPhrase]] = []
    starts = {n.start for n in names}
    ends = {n.end for n in names}
    for post in posts:
        if out:
            prev = out[-1][-1]
            gap = text[prev.end: post.start]
            # 推选张三为代表团团长；李四为副团长: the posts of 张三为 end at the clause's break.
            closed = gap.startswith(("；", ";", "，", ",")) and any(text.endswith(w, 0, out[-1][0].start) and
                                                 out[-1][0].start - len(w) in ends for w in ("为", "同志为"))
            # …曾任学校团委副书记；顺义区委书记王刚: a title before a name after a semicolon opens the
            # next clause (a semicolon inside one person's list of posts is followed by a post, not a name).
            closed = closed or gap.startswith(("；", ";")) and post.end in starts
            # 委员召集人杨某: a bare title right after a post goes on with it; a post that names its own
            # body right after one (…城市市长|青川日报记者何某, a headline run into a byline) does not.
            closed = closed or not gap and not post.bare
            if _CHAIN_GAP.match(gap) and not closed and not any(prev.end <= s < post.start for s in starts) \
                    and not _opens_a_clause(gap, lex):
                out[-1].append(post)
                continue
        out.append([post])
    return out


def _opens_a_clause(gap: str, lex: Lexicon | None) -> bool:
    """，近日已出任: a date between two posts starts another clause, not the same list; so does a cue
    of two characters or more, or a pronoun (任县委办公室主任，免去其县委督查室主任职务)."""
    after_comma = gap.startswith(("，", ","))
    if DATE.search(gap) or after_comma and any(p in gap for p in _PRONOUNS):
        return True
    return lex is not None and after_comma and any(len(c.word) >= 2 and c.word in gap for c in lex.cues)


# What may stand between a cue and its post: 担任过, 任了, 当选为, 还是一名护边员 (one of them).
_CUE_TAILS = ("", "过", "了", "为", "一名", "一位")


def cue_before(text: str, end: int, lex: Lexicon, place: str) -> Cue | None:
    """The longest cue of ``place`` that ends at ``end`` (过, 了, 一名 may follow it: 担任过)."""
    best = None
    for cue in lex.cues:
        if cue.place != place:
            continue
        for tail in _CUE_TAILS:
            at = end - len(tail) - len(cue.word)
            if at >= 0 and text.startswith(cue.word + tail, at):
                if best is None or len(cue.word) > len(best.word):
                    best = cue
    return best


def _status_of(post: PostPhrase, cue: Cue | None, lex: Lexicon, text: str) -> tuple[str, str, bool]:
    """(status, event, written): what the cue, a qualifier (原, 前) or a word after the post (候选人) says."""
    status, event = (cue.status, cue.event) if cue else ("current", "")
    explicit = cue is not None and (cue.status != "current" or cue.word == "现任")
    meanings = post.qualifier_meanings(lex)
    if "former" in meanings:
        status, explicit = "former", True
    if "current" in meanings:
        status, explicit = "current", True  # 原县委书记、现市人大常委会主任
    if any(p.kind == "cue" and p.text == "现任" for p in post.parts):
        status, explicit = "current", True
    after = text[post.end: post.end + 4]
    for c in lex.cues:
        if c.place == "after-post" and after.startswith(c.word):
            return c.status, c.event, True
    return status, event, explicit


# A date that dates a birth, joining the party or starting work, not a post.
_LIFE_EVENT = re.compile(r"^(?:出生|生|参加工作|入党|加入)|(?:出生于|生于|出生年月[：:]|出生日期[：:]|入党时间[：:]|"
                         r"参加工作时间[：:])$")


_RANGE_JOINERS = ("至", "到", "—", "－", "-", "~", "～", "—至")


def _date_before(text: str, start: int) -> str:
    """The date of the clause that gives a post: the last date written before it in the sentence
    (2013年1月，严金海升任…), not a birth date (出生于1974年3月), nor a date before a semicolon
    (…1987年毕业…曾任团委副书记；顺义区委书记王刚: another person's clause)."""
    clause = max(text.rfind("；", 0, start), text.rfind(";", 0, start)) + 1
    dates = list(DATE.finditer(text, clause, start))
    for k in range(len(dates) - 1, -1, -1):
        m = dates[k]
        if _LIFE_EVENT.search(text[m.end(): m.end() + 4]) or _LIFE_EVENT.search(text[max(0, m.start() - 7): m.start()]):
            continue
        if k and text[dates[k - 1].end(): m.start()] in _RANGE_JOINERS:
            return dates[k - 1].group(1)  # 2010年至2012年任…: the post began at the range's start
        return m.group(1)
    return ""


@dataclass
class _Sentence:
    """What linking has learnt so far in one sentence."""

    text: str
    names: list[Name]
    posts: list[PostPhrase]
    passage: Passage
    main: Name | None = None  # the last person a clause was about (not one inside a 的-phrase)


def link(text: str, posts: list[PostPhrase], names: list[Name], lex: Lexicon,
         passage: Passage | None = None) -> list[Holding]:
    """The holdings one sentence states (simplified ``text``), rule by rule."""
    passage = passage if passage is not None else Passage()
    names = sorted(names, key=lambda n: n.start)
    st = _Sentence(text, names, posts, passage)
    holdings: list[Holding] = []
    for chain in chains(text, posts, names, lex):
        first, last = chain[0], chain[-1]
        paired = _respectively(text, chain, names, lex)
        if paired:
            holdings.extend(paired)
            st.main = paired[-1].person
            continue
        relative = False
        holders, cue = _names_after(text, last, names), None
        if holders:
            cue = cue_before(text, first.start, lex, "after-name")  # 时任县委书记张三
            if cue and cue.word not in ("时任", "原任", "现任"):
                cue = None
        else:
            # 拟任兰溪市委书记的朱瑞俊: the posts describe the name after 的.
            holders, cue = _holder_of_relative(text, last, names, lex, first)
            relative = bool(holders)
        past = False
        if not holders:
            holders = _list_counted(text, first, names)  # 刘宁、李忠木…15位委员
        if not holders and text.endswith(_NEGATIONS, 0, first.start):
            continue  # 李順、趙文明等不是主席團成員的區級領導: the posts they do not hold
        if not holders:
            holders, cue = _subject_before(text, first, lex, st)
            if holders and cue is not None and cue.place == "after-name" and cue.status == "current":
                # (a holder from an earlier sentence — 她, the passage's person — has no offsets here)
                past = _past_between(text, holders[0] if holders[0] in st.names else None, first, cue)
        if not holders:
            holders, past = _dated_entry(text, first, st)
        if not holders:
            holders = _apposition(text, chain, st)
        if not holders:
            continue
        date = _date_before(text, first.start)
        if cue is not None and text[_cue_start(text, first.start, cue) - 1: _cue_start(text, first.start, cue)] == "后":
            date = "随后"  # 调任…秘书长，后转任政法委书记: later than the posts before it
        # 市委原常委、副市长李某: 原 on the first post of a chain before a name is on all of them
        former_chain = "former" in first.qualifier_meanings(lex) and not cue
        for name in holders:
            for i, post in enumerate(chain):
                status, event, explicit = _status_of(post, cue, lex, text)
                if (past or former_chain) and not explicit:
                    status, explicit = "former", True
                gap = text[chain[i - 1].end: post.start] if i else ""
                holdings.append(Holding(name, post, status, event, cue.word if cue else "", chain, date,
                                        concurrent="兼" in gap or (cue is not None and cue.word == "兼任"),
                                        explicit=explicit, session=post_session(post)))
        if cue is not None and cue.place == "after-name" and not relative:
            # 杨伟东接替丁绣峰担任政法委书记: 丁绣峰 held those posts until then.
            for name in _succeeded(text, first, cue, names):
                for post in chain:
                    holdings.append(Holding(name, post, "former", "succeeded", "接替", chain, date,
                                            explicit=True, session=post_session(post)))
        if not relative:
            st.main = holders[-1]
            if cue is not None and cue.place == "after-name" and len(holders) == 1:
                passage.topic = holders[0]
    holdings.extend(_titles_after_names(text, posts, names, holdings, lex))
    _update_topic(text, names, posts, passage)
    return holdings


_COUNT_GAP = re.compile(r"^(?:等)?(?:[0-9一二三四五六七八九十百两]+(?:位|名|人))?(?:同志)?$")


# Words that deny the post after them.
_NEGATIONS = ("不是", "并非", "并不是", "不属于", "不再是")


def _list_counted(text: str, first: PostPhrase, names: list[Name]) -> list[Name]:
    """刘宁、李忠木、谢秀娟15位委员, 张三等三名同志: a list of names, a count, then their post."""
    before = [n for n in names if n.end <= first.start]
    if not before or before[-1].end == first.start or not _COUNT_GAP.match(text[before[-1].end: first.start]):
        return []
    out = _list_ending_with(text, before)
    return out if len(out) >= 2 or text[before[-1].end: first.start] else []


def _list_ending_with(text: str, before: list[Name]) -> list[Name]:
    """The names of a list (刘宁、李忠木和谢秀娟) whose last is the last of ``before``."""
    out = [before[-1]]
    for n in reversed(before[:-1]):
        if _LIST_GAP.match(text[n.end: out[0].start]):
            out.insert(0, n)
        else:
            break
    return out


def _names_after(text: str, post: PostPhrase, names: list[Name]) -> list[Name]:
    """县委常委陈莉、龚红辉: the names right after a post, one or a list."""
    out: list[Name] = []
    edge = post.end
    for name in names:
        if name.start < edge:
            continue
        gap = text[edge: name.start]
        if not out and _NAME_GAP.match(gap):
            out.append(name)
        elif out and (_LIST_GAP.match(gap) or re.fullmatch(r"（[^（）]*）、", gap)):
            out.append(name)
        else:
            break
        edge = name.end
    return out


def _subject_before(text: str, first: PostPhrase, lex: Lexicon, st: _Sentence) -> tuple[list[Name], Cue | None]:
    """X 任 Y / 任命 X 为 Y / 免去 X 的 Y: the holder written before the chain, with its cue."""
    start = first.start
    # A cue before the name: 任命严金海为…, 免去王喜良的…, 决定其代理… It is read first: in
    # 提名X为Y the 为 after the name is no cue of its own (X 为 Y would make the post current).
    for gap in ("为", "同志为", "的", "同志的", "同志", ""):
        at = start - len(gap)
        if at < 0 or text[at:start] != gap:
            continue
        name = next((n for n in st.names if n.end == at), None)
        pronoun = text[at - 1: at] if at > 0 and text[at - 1: at] in _PRONOUNS else ""
        if name is None and not pronoun:
            continue
        # (推选州委副书记、州长A，地委书记B为副团长: the cue is before the list B ends)
        listed = _described_list_ending_with(name, st) if name else []
        opening = _described_from(listed[0] if listed else name, st) if name else at - 1
        cue = cue_before(text, opening, lex, "before-name")
        if cue is None and name is not None:
            cue = cue_heading_list(text, opening, lex)
        if cue is None:
            continue
        if name is None:
            # 任命严金海为副主席，决定其代理主席职务: 其 is the person the sentence is about so far
            name = st.main or st.passage.topic
            return ([name] if name else []), cue
        return listed + [name], cue
    # A cue that opens a clause with no name: …任某市委书记，提名某市人大常委会主任人选 — the
    # person the sentence is about.
    cue = cue_before(text, start, lex, "before-name")
    if cue is not None and st.main is not None and len(cue.word) >= 2:
        at = _cue_start(text, start, cue)
        if text[at - 1: at] in ("，", ","):
            return [st.main], cue
    # A cue after the name: 马秀兰此前任, 王国斌因工作变动辞去, 他跻身.
    cue = cue_before(text, start, lex, "after-name")
    if cue is not None:
        subjects = _subject_of_clause(text, _cue_start(text, start, cue), st)
        if len(subjects) == 1 and cue.word == "为" and _cue_start(text, start, cue) == subjects[0].end:
            # …；州委副书记、州长A，地委书记B为副团长: the described names of the list before B
            subjects = _described_list_ending_with(subjects[0], st) + subjects
        return subjects, cue
    return [], None


# The votes each of a list won, between 分别 and the cue (分别以71票、70票获任).
VOTES_WON = r"(?:以[0-9、，,票张]+)?"
_VOTES = re.compile(VOTES_WON)


def _respectively(text: str, chain: list[PostPhrase], names: list[Name], lex: Lexicon) -> list[Holding]:
    """选举孙某、钱某、赵某分别为县人大常委会主任、副主任、秘书长: a list of names, 分别, a chain of as
    many posts — the first name holds the first post, and so on."""
    first = chain[0]
    at = text.rfind("分别", 0, first.start)
    if at < 0 or _CLAUSE_BREAK.search(text, at, first.start):
        return []
    # (…分别以71票、70票获任村委会副主任和委员: the votes each won may stand before the cue)
    opened = at + 2 + len(_VOTES.match(text, at + 2).group())
    between = text[opened: first.start]
    after_cue = cue_before(text, first.start, lex, "after-name") if between else None
    if between and (after_cue is None or text[opened: _cue_start(text, first.start, after_cue)] not in ("", "获", "被")):
        return []
    listed = [n for n in names if n.end <= at]
    if not listed or not re.fullmatch(r"(?:同志)?(?:等)?", text[listed[-1].end: at]):
        return []
    out = _list_ending_with(text, listed)
    if len(out) != len(chain) or len(out) < 2:
        return []
    cue = cue_before(text, out[0].start, lex, "before-name") or after_cue
    date = _date_before(text, out[0].start)
    found = []
    for name, post in zip(out, chain):
        status, event, explicit = _status_of(post, cue, lex, text)
        found.append(Holding(name, post, status, event, cue.word if cue else "", [post], date, explicit=explicit,
                             session=post_session(post)))
    return found


def cue_heading_list(text: str, start: int, lex: Lexicon) -> Cue | None:
    """决定免去：孙某的县教育局局长职务；周某的县民政局局长职务 — a cue before a colon heads every
    item of the list after it, one item to a semicolon (任免名单 write one item to a line)."""
    colon = max(text.rfind("：", 0, start), text.rfind(":", 0, start))
    if colon < 0:
        return None
    between = text[colon + 1: start]
    if between.strip() and not re.search(r"[；;]\s*$", between):
        return None
    return cue_before(text, colon, lex, "before-name")


_SPAN_END = re.compile(rf"\s*[—–\-~～至到]+\s*(?P<end>{_DATE_WORDS}|今|至今|现在)?\s*")


def _apposition(text: str, chain: list[PostPhrase], st: _Sentence) -> list[Name]:
    """李某，县委常委、宣传部部长，分管…; 副书记罗某“来头”最大，省委组织部干部处副处长、会东县副县长，35岁:
    a chain that is a clause of its own describes the last person named before it, when the clauses
    between hold no other name and no post."""
    first, last = chain[0], chain[-1]
    if text[first.start - 1: first.start] not in ("，", ",") or text[last.end: last.end + 1] not in ("，", ",", "。", "；", ";", ""):
        return []
    before = [n for n in st.names if n.end <= first.start]
    if not before:
        return []
    name = before[-1]
    between = text[name.end: first.start]
    if any(name.end <= p.start < first.start for p in st.posts) or re.search(r"[。；;：:（(]", between):
        return []
    return [name]


def _dated_entry(text: str, first: PostPhrase, st: _Sentence) -> tuple[list[Name], bool]:
    """1995.03—2001.06某镇党委书记；2011.12—某县委常委: a résumé's entry, a span of dates and the
    posts held in it, of the person the passage is about; a span that closes makes them former."""
    clause_start = max(text.rfind(c, 0, first.start) for c in "；;。") + 1
    head = text[clause_start: first.start]
    m = DATE.match(head.lstrip())
    if not m:
        return [], False
    rest = head.lstrip()[m.end():]
    span = _SPAN_END.fullmatch(rest)
    if rest.strip() and span is None:
        return [], False
    subject = st.main or st.passage.topic
    if subject is None:
        return [], False
    closed = span is not None and bool(span.group("end")) and span.group("end") not in ("今", "至今", "现在")
    return [subject], closed


def _described_list_ending_with(name: Name, st: _Sentence) -> list[Name]:
    """The names listed before ``name``, each with its posts, that one 为 names together: 推选州委
    副书记、州长A，地委书记B为副团长 — A too (a list of described names, comma after comma)."""
    out: list[Name] = []
    at = _described_from(name, st)
    while at > 0 and st.text[at - 1] in "，、":
        before = next((n for n in st.names if n.end == at - 1), None)
        if before is None or not any(p.end == before.start for p in st.posts):
            break  # (only described names: a bare list is 分别's or the model's)
        out.insert(0, before)
        at = _described_from(before, st)
    return out


def _described_from(name: Name, st: _Sentence) -> int:
    """Where a name's description starts: 推选|阿勒泰地委书记、行署专员|谢少迪为… — the posts
    written right before the name describe it, and the cue comes before them."""
    start = name.start
    for post in sorted(st.posts, key=lambda p: p.end, reverse=True):
        if post.end == start or post.end < start and st.text[post.end: start] in ("、", "，"):
            start = post.start
    return start


def _past_between(text: str, subject: Name | None, first: PostPhrase, cue: Cue) -> bool:
    """丁绣峰此前为… / 此前，丁绣峰为…: an adverb of the past with the subject, before the cue."""
    cue_start = _cue_start(text, first.start, cue)
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, cue_start)), default=0)
    subject_start, subject_end = (subject.start, subject.end) if subject is not None else (clause_start, clause_start)
    if subject_end <= cue_start and _PAST.search(text[max(subject_end, clause_start): cue_start]):
        return True
    clauses = re.split(r"[，,；;。]", text[: min(subject_start, cue_start)])
    return len(clauses) >= 2 and not clauses[-1].strip() and bool(_PAST.fullmatch(clauses[-2].strip()))


def _succeeded(text: str, first: PostPhrase, cue: Cue, names: list[Name]) -> list[Name]:
    cue_start = _cue_start(text, first.start, cue)
    return [n for n in names if n.end <= cue_start and _SUCCEEDS.search(text[max(0, n.start - 3): n.start])
            and not _CLAUSE_BREAK.search(text[n.end: cue_start])]


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}


def session_number(text: str) -> int | None:
    """第十二届 → 12, 七届 → 7, 19届 → 19."""
    digits = re.sub(r"[第届屆]", "", text)
    if digits.isdigit():
        return int(digits)
    if not digits or any(c not in _CN_DIGITS and c not in "十百" for c in digits):
        return None
    total, current = 0, 0
    for c in digits:
        if c == "十":
            total += (current or 1) * 10
            current = 0
        elif c == "百":
            total += (current or 1) * 100
            current = 0
        else:
            current = _CN_DIGITS[c]
    return total + current


def post_session(post: PostPhrase) -> int | None:
    part = next((p for p in post.parts if p.kind == "session"), None)
    return session_number(part.text) if part else None


def _cue_start(text: str, post_start: int, cue: Cue) -> int:
    for tail in _CUE_TAILS:
        at = post_start - len(tail) - len(cue.word)
        if at >= 0 and text.startswith(cue.word + tail, at):
            return at
    return post_start


# A name right after one of these is the object of the clause, not its subject (接替夏文勇任…).
_OBJECT_MARKS = ("接替", "接任", "代替", "替", "陪同", "会见", "看望", "和", "与", "同", "向", "对", "给", "请")


# What a clause may hold before its cue and still have no subject of its own: dates and adverbs.
_ADVERBIAL = re.compile(r"(?:最后|最终|最初|近|起|先前|此前|之前|早年|曾经|曾|先后|后来|后|又|再|还|并|同年|次年|随后|此后|之后|其后|"
                        r"至今|期间|间|至|从|于|在|现|已|也|即|便|旋即|不久|多|个月|年|月|日|初|底|末|上旬|中旬|下旬)+")


def _subject_of_clause(text: str, cue_start: int, st: _Sentence) -> list[Name]:
    """The subject of the clause ending at a cue: its first name (or the list it opens: 徐小莉、林少棠
    当选副主席); the name before a bracket (焦彦龙（现任…）); a pronoun: the person the passage is
    about; no subject at all: the person the sentence was last about, or the one who opened it."""
    if text[cue_start - 1: cue_start] in ("（", "("):
        before = next((n for n in st.names if n.end == cue_start - 1), None)
        return [before] if before else []
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, cue_start)), default=0)
    in_clause = [n for n in st.names if clause_start <= n.start and n.end <= cue_start
                 and not text[max(0, n.start - 2): n.start].endswith(_OBJECT_MARKS)
                 and not _inside_brackets(text, n.start, cue_start)]
    if in_clause:
        out = [in_clause[0]]
        for n in in_clause[1:]:
            if _LIST_GAP.match(text[out[-1].end: n.start]):
                out.append(n)
            else:
                break
        return out
    head = text[clause_start:cue_start]
    if "后者" in head or "前者" in head:
        # …陪同署长倪岳峰在唐山调研，后者于今年4月履新河北省委书记: the latter of the names before it
        before = [n for n in st.names if n.end <= clause_start]
        if len(before) >= 2 or before and "后者" in head:
            return [before[-1] if "后者" in head else before[-2]]
        return []
    if _PRONOUN_IN_HEAD.search(head):
        topic = st.passage.topic or _opening_name(text, clause_start, st.names, st.posts)
        return [topic] if topic else []
    if not re.sub(r"[\s0-9-]", "", _ADVERBIAL.sub("", DATE.sub("", head))):
        subject = st.main or _opening_name(text, clause_start, st.names, st.posts) or st.passage.topic
        return [subject] if subject else []
    return []


# 他, 她, and 其 where a pronoun stands (其任…, 对其…), not 其 inside a name (乌尼日其木格成为…).
_PRONOUN_IN_HEAD = re.compile(r"[他她]|(?:^|[，,、对使将把与由让令及和])其")


def _inside_brackets(text: str, at: int, end: int) -> bool:
    """A name inside a bracket that closes before ``end`` is an aside, not the subject."""
    opened = text.rfind("（", 0, at)
    return opened >= 0 and text.find("）", at, end) >= 0 and text.rfind("）", 0, at) < opened


def _opening_name(text: str, before: int, names: list[Name], posts: list[PostPhrase]) -> Name | None:
    """The last name before ``before`` that opens a clause of the sentence: 张鸿星生于1967年…,
    东城区区长李先忠，…, 现任贵州省委常委的刘捷（…），…"""
    found = None
    for n in names:
        if n.end > before:
            break
        head_start = max((m.end() for m in re.finditer(r"[，。；：,;:]", text[:n.start])), default=0)
        edge = n.start
        if text[edge - 1: edge] == "的":
            edge -= 1
        for post in sorted(posts, key=lambda p: -p.end):
            if post.end == edge and post.start >= head_start:
                edge = post.start
                while edge > head_start and text[edge - 1] in "、，" and any(p.end == edge - 1 for p in posts):
                    edge = next(p.start for p in posts if p.end == edge - 1)
        head = text[head_start:edge]
        head = DATE.sub("", head)
        for cue in ("现任", "时任", "原任", "拟任"):
            head = head.replace(cue, "")
        if not head.strip() and text[n.end: n.end + 1] not in ("、",):
            found = n
    return found


def _holder_of_relative(text: str, post: PostPhrase, names: list[Name], lex: Lexicon,
                        first: PostPhrase) -> tuple[list[Name], Cue | None]:
    """已转任自治区常务副主席的白玛旺堆: a cue, the posts, 的, the name."""
    if not text.startswith("的", post.end):
        return [], None
    name = next((n for n in names if n.start == post.end + 1), None)
    cue = cue_before(text, first.start, lex, "after-name")
    if name is None or cue is None:
        return [], None
    return [name], cue


def _titles_after_names(text: str, posts: list[PostPhrase], names: list[Name], found: list[Holding],
                        lex: Lexicon) -> list[Holding]:
    """王金明书记在…, 吴荣阳副主席: a title written right after a name."""
    out = []
    done = {id(h.post) for h in found}
    for post in posts:
        if id(post) in done:
            continue
        name = next((n for n in names if n.end == post.start), None)
        if name is None or text[post.end: post.end + 1] in ("：", ":"):
            continue  # (村委会主任：邵万福委员：王慧…: a title before a colon heads the names after it)
        status, event, explicit = _status_of(post, None, lex, text)
        out.append(Holding(name, post, status, event, "", [post], _date_before(text, post.start),
                           explicit=explicit))
    return out


def _update_topic(text: str, names: list[Name], posts: list[PostPhrase], passage: Passage) -> None:
    """A name that opens a clause (马秀兰出生于…, 陈高宏，1956年2月生) is what the next sentences,
    and their clauses with no name, are about."""
    found = _opening_name(text, len(text), names, posts)
    subject_pronoun = re.search(r"(?<![比和与同对向给为跟])[他她]", text)
    if found is None and len({n.text for n in names}) == 1 and not subject_pronoun:
        found = names[0]  # 比他小两个月的磐安人蔡艳，则一直在…: the one person the sentence names
    if found is not None:
        passage.topic = found

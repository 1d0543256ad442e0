"""Splitting a newspaper page into its articles: headline, lead, byline, credits, date.

A district page of a city daily, as text taken from its PDF, has articles
one after another with each headline *after* its body, leads that start
with 本报讯, bylines in brackets at the start or end, and photo captions
ending with a credit (高鸿勋 摄). A web page, and a PDF page read in its
visual order (govkg.extract.pdf_layout), has each title *before* its body,
often followed by a header line (发布时间：… 来源：…) or a byline line
(□记者 林晓舟). ``split_page`` tells the two styles apart by how the page
begins and handles both; pages of a PDF (form feeds) are split one by one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from govkg.extract.normalize import CLOSERS, CJK, SENTENCE_END, join_lines, normalize_line, to_simplified
from govkg.extract.records import Article, Byline

# The words a medium's name ends with, longest first: 桑植县融媒体中心, 岚山新闻网, 星沙时报, 新华社.
MEDIUM_END = "融媒体中心|新闻中心|新闻网|网站|日报|晚报|晨报|商报|时报|客户端|融媒|新闻|频道|报|网|社|台"
_ROLE_WORDS = "本报记者|本报通讯员|特约记者|见习记者|实习记者|首席记者|记者|通讯员|实习生|摄影记者|摄影|编辑"
# A lead marker opens a report: 本报讯, 本报6月3日讯, 新华社郑州6月3日电, 【本报讯】, and an outlet's
# dispatch, its place and date optional (东南网12月1日讯, 中国经济网北京6月30日讯, 拉萨融媒讯), or its
# name just before the reporters' byline (阿勒泰地区融媒体中心（记者…）). 电 is always dated, so
# 国家电网公司供电 opens nothing.
_DISPATCH_DATE = rf"[{CJK}]{{0,6}}?\d{{1,2}}月\d{{1,2}}[日号]"
LEAD = re.compile(
    r"^[【\[]?(本报讯|本报[^，。（(]{1,12}[讯电]|(新华社|中新社|人民网|新华网|央视网)[^，。（(]{0,16}电|"
    rf"[^，。（(\s]{{1,10}}?(?:{MEDIUM_END})(?:{_DISPATCH_DATE})?讯|"
    rf"[^，。（(\s]{{1,10}}?(?:{MEDIUM_END}){_DISPATCH_DATE}电|"
    rf"[^，。（(\s]{{1,24}}?(?:{MEDIUM_END})(?=[（(]\s*[^（）()，。]{{0,8}}?(?:{_ROLE_WORDS})))[】\]]?"
)
BYLINE_ROLE = re.compile(_ROLE_WORDS)
# (记者王孟鹤 通讯员苗广垒) right after the lead marker; (祁阳分站记者…): a desk may come first.
LEAD_BYLINE = re.compile(rf"^[（(]\s*((?:[^（）()，。]{{0,8}}?)(?:{_ROLE_WORDS})[^（）()]{{1,60}})[）)]")
# (本报记者 王孟鹤 通讯员 古国凡) alone on the last line of a feature (a desk may come first).
END_BYLINE = re.compile(rf"^[（(]\s*((?:[^（）()，。]{{0,16}}?)(?:{_ROLE_WORDS})[^（）()]{{1,60}})[）)]$")
# A photo credit: "…。 高鸿勋 摄", "(张三 李四/摄)", "摄影 张三".
_NAME = f"[{CJK}·]{{2,5}}"
CREDIT = re.compile(
    # Names are separated (张三 李四 摄): a separator between each keeps the
    # pattern linear, where an optional one backtracks exponentially on long runs.
    # A reporter's desk and role may come first (吉林日报记者 宋锴 摄): the names hold that post too.
    rf"(?:^|(?<=[{SENTENCE_END}{CLOSERS}\s]))[（(]?(?:(?P<desk>[{CJK}]{{0,8}}?(?:{_ROLE_WORDS}))\s*)?"
    rf"({_NAME}(?:[ 、]{_NAME})*)\s*[/／]?\s*摄(?:影)?[）)]?$"
    rf"|(?:^|(?<=[{SENTENCE_END}{CLOSERS}\s]))[（(]?(?:摄影|图)[:：/／ ]\s*({_NAME}(?:[ 、]{_NAME})*)[）)]?$"
)
DATE_MD = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
# A full date as web pages write it: 2023-03-13, 2023/3/13, 2023年03月13日.
DATE_YMD = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?")
# Characters a date and time are written with (2023-03-13 10:21, 2023年3月13日, 03.03.2016).
_DATE_CHARS = r"[\d\s\-/.:：年月日号时分秒|｜]"
_ONLY_DATE = re.compile(rf"^[（(]?(?=[^\d]*\d){_DATE_CHARS}+(?:(?:星期|周)[一二三四五六日天])?[）)]?$")
_TIME = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?")
# A header line of a web page or a reprint: 发布时间：… 来源：… 作者：… (one or several fields),
# and the editors' line at the end (责任编辑：…). Short and without a sentence in it.
_META_KEYS = ("原题|发布时间|发布日期|发表时间|更新时间|时间|日期|信息来源|文章来源|稿件来源|新闻来源|来源|"
              "作者|撰稿|供稿|责任编辑|编辑|责编|审核|审校|校对|浏览次数|浏览量|点击数|点击量|阅读量|阅读次数|"
              "字号|字体")
META_FIELD = re.compile(rf"(?:{_META_KEYS})\s*[:：]")
META_LINE = re.compile(rf"^[【\[（(]?{_DATE_CHARS}*(?:{_META_KEYS})\s*[:：][^。！？]{{0,100}}$")
# A byline on a line of its own, before a feature: "□记者 林晓舟 通讯员 邱雅琴", "本报记者 林晓舟".
# A desk may come first (兵团日报全媒体记者 张美玲).
BYLINE_LINE = re.compile(
    rf"^[□■◇◆○●◎▲△]?\s*[{CJK}·\-—]{{0,14}}?(?:{_ROLE_WORDS})[\s/／]*[{CJK}·]{{2,5}}"
    rf"(?:[\s、，,/／]+(?:(?:{_ROLE_WORDS})[\s/／]*)?[{CJK}·]{{2,5}}){{0,6}}$"
)
# A brief (简讯) opens with a bullet; the bullet is layout, not text.
# (▲ marks a photo caption on web pages, □ a byline: neither opens an item.)
BULLET = re.compile(r"^[■●◆]\s*")
# The head of a column of briefs (澄湖简讯, 新闻快讯): layout, not a headline of any one item.
COLUMN_HEAD = re.compile(f"^[{CJK}]{{0,6}}(?:简讯|快讯|短讯|简报|速览|速递|集锦)$")
_YEAR_IN_NAME = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
_HEADLINE_FORBIDDEN = re.compile("[，。；！？：,;!?]")
# A headline may open with its topic and a colon (某镇街道：“红色物业”让居民更舒心): a few words, then
# at least four more.
_HEADLINE_TOPIC = re.compile(rf"^[{CJK}“”]{{2,12}}(?<![说示出调为绍])：(?=[^：]{{4,}}$)")  # (not 他说：)
# A caption starts with the date of the picture: "6月5日下午，…".
CAPTION_START = re.compile(r"^(\d{4}年)?\d{1,2}月\d{1,2}日[上下中晚早凌午夜]{0,2}[，,]")

MAX_HEADLINE = 40
MAX_HEADLINE_LINES = 3
# A web page may stack a title, subtitles and a kicker before its text.
MAX_FIRST_HEADLINE_LINES = 5


def ends_sentence(line: str) -> bool:
    return bool(re.search(f"[{SENTENCE_END}][{CLOSERS}]*$", line))


# A headline never ends on a word that needs a continuation (的, 和, 为…).
_DANGLING_END = re.compile("[的了和与及为在对把将是等、着向从于以被让给并或而也之其]$")
_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("（", "）"), ("(", ")"), ("「", "」"))


def balanced(text: str) -> bool:
    """Every opening quote or bracket is closed: the text does not stop inside a quotation."""
    return all(text.count(a) == text.count(b) for a, b in _PAIRS)


_PAGE_WORDS = re.compile(r"[\s\u3000]*(?:(?:星期|周)[一二三四五六日天]|第?[0-9０-９一二三四五六七八九十]{1,3}版"
                         r"|[A-Z]?\d{1,2}版)[\s\u3000]*")


def is_dateline(line: str) -> bool:
    """A line that dates a page or a reprint: a date (and time) alone, or beside a few words naming
    the outlet (滁州日报2019-04-12 07:36). Never a headline."""
    if _ONLY_DATE.match(line):
        return True
    # (城阳新闻 2023年5月12日 星期五 第3版: a page's masthead line — its weekday and page number
    # are of the date too)
    line = _PAGE_WORDS.sub("", line).strip()
    m = DATE_YMD.search(line)
    if not m or len(line) > MAX_HEADLINE or _HEADLINE_FORBIDDEN.search(_TIME.sub("", line)):
        return False
    rest = _TIME.sub("", line[: m.start()] + line[m.end():])
    return len(re.findall(f"[{CJK}]", rest)) <= 6 and (m.start() == 0 or m.end() >= len(line.rstrip()) - 8)


def is_header(line: str) -> bool:
    """A line about the item rather than of it: 发布时间/来源…, a byline line, a dateline."""
    return bool(META_LINE.match(line) or BYLINE_LINE.match(line) or is_dateline(line))


def is_headline_candidate(line: str) -> bool:
    """A line that could be a headline: short, no sentence punctuation, not a lead or byline."""
    return (
        2 <= len(line) <= MAX_HEADLINE
        and not _HEADLINE_FORBIDDEN.search(_HEADLINE_TOPIC.sub("", line, count=1))
        and not META_LINE.match(line)
        and balanced(line)
        and not (line[:1] in "（(" and line[-1:] in "）)")
        and "……" not in line
        and not _DANGLING_END.search(line)
        and not LEAD.match(line)
        and not END_BYLINE.match(line)
        and not CREDIT.search(line)
        and not BYLINE_LINE.match(line)
        and not is_dateline(line)
        and not BULLET.match(line)
        and not re.fullmatch(r"[\d\s\-–—/.]+", line)
    )


def opens_item(line: str) -> bool:
    """A line that starts an item's text: a lead, a caption's date, a byline or header line, a bullet."""
    return bool(LEAD.match(line) or CAPTION_START.match(line) or is_header(line) or BULLET.match(line))


def credit_names(line: str) -> list[str]:
    m = CREDIT.search(line)
    if not m:
        return []
    return [n for n in re.split(r"[ 、]+", (m.group(2) or m.group(3)).strip()) if n]


_MEDIUM_NAME = re.compile(MEDIUM_END)
# A site, an app or a channel is its publisher's: the posts are in the publisher.
_PUBLISHED_ON = ("网", "客户端", "频道")


def outlet_name(source: str) -> str | None:
    """The medium a source line, a lead or a byline's desk names: 新华社石家庄5月22日电 → 新华社,
    星沙时报讯 → 星沙时报, 岚山新闻网 → 岚山新闻网, 河北日报客户端 → 河北日报; 本报 names none.

    Of two media written together the publisher is the outlet, not its site or app:
    山东商报·速豹新闻网 → 山东商报, 阿勒泰新闻网-阿勒泰地区融媒体中心 → 阿勒泰地区融媒体中心."""
    found = []
    for run in re.findall(rf"[{CJK}·]{{2,}}", source or ""):
        for part in run.split("·"):
            simple = to_simplified(part)
            if simple.startswith(("本报", "本网")):
                continue
            m = next((m for m in _MEDIUM_NAME.finditer(simple) if m.end() >= 2), None)
            if m:
                found.append(part[: m.end()])
    return next((f for f in found if not to_simplified(f).endswith(_PUBLISHED_ON)), found[0]) if found else None


def parse_byline(text: str, split_names: Callable[[str], list[str]] | None = None,
                 simplified: str | None = None) -> list[Byline]:
    """People credited in a byline: "记者王孟鹤 通讯员苗广垒", "本报记者 张三 李四".

    Role words are found in ``simplified`` (the same text in simplified
    characters, same length); names are cut from ``text`` as written.
    """
    simple = simplified if simplified is not None else text
    out: list[Byline] = []
    marks = list(BYLINE_ROLE.finditer(simple))
    # The desk written before the first role (兵团日报全媒体记者, 大公报 记者, 祁阳分站记者).
    desk = text[: marks[0].start()].strip(" \t（(【[-—·") if marks else ""
    for k, mark in enumerate(marks):
        word = mark.group()
        role = word.removeprefix("本报")  # 本报记者 is a 记者; 实习记者, 特约记者 stay as written
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        for chunk in re.split(r"[\s、,，/]+", text[mark.end(): end].strip()):
            if not chunk:
                continue
            out.extend(Byline(person=n, role=role, desk=desk) for n in byline_names(chunk, split_names)
                       if 2 <= len(n) <= 5)
    return out


def byline_names(chunk: str, split_names: Callable[[str], list[str]] | None) -> list[str]:
    """The names in a run of a byline: "张三李四" is two names, cut by the model or, when the model
    reads them as one, where each part of two or three characters starts with a surname."""
    if len(chunk) < 4 or split_names is None:
        return [chunk]
    names = [n for n in split_names(chunk) if n in chunk]
    if len(names) >= 2:
        return names
    from govkg.extract.lexicon import default_lexicon

    surnames = default_lexicon().surnames
    if chunk[:2] in surnames and len(chunk) <= 4:  # 欧阳晓明: one name with a two-character surname
        return [chunk]

    def cut(rest: str) -> list[str] | None:
        if not (rest[:1] in surnames or rest[:2] in surnames):
            return None
        if 2 <= len(rest) <= 3:
            return [rest]
        for k in (3, 2):
            tail = cut(rest[k:]) if len(rest) - k >= 2 else None
            if tail is not None:
                return [rest[:k], *tail]
        return None

    parts = cut(to_simplified(chunk))  # surnames are simplified; the names keep their script
    if parts is None:
        return names or [chunk]
    ends = [sum(len(x) for x in parts[: k + 1]) for k in range(len(parts))]
    return [chunk[e - len(x): e] for x, e in zip(parts, ends)]


def year_from_name(name: str) -> int | None:
    """A page archived as ``city-district-2020-06.txt`` carries its year in its name."""
    m = _YEAR_IN_NAME.search(name)
    return int(m.group(1)) if m else None


def find_date(body: str, year: int | None) -> tuple[str, str | None]:
    """The article's date as written and, when the year is known, as ISO."""
    m = DATE_MD.search(body[:200])
    if not m:
        return "", None
    y = int(m.group(1)) if m.group(1) else year
    month, day = int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return m.group(0), None
    return m.group(0), (f"{y:04d}-{month:02d}-{day:02d}" if y else None)


def opening_date(article: Article) -> str | None:
    """The day the article's text opens with (6月1日，…闭幕。), as ISO, when the year is known: the
    day what it reports happened, which may be before the day it was published."""
    m = DATE_MD.match(article.body or "")
    year = int(article.date[:4]) if article.date and article.date[:4].isdigit() else None
    return find_date(m.group(0), year)[1] if m else None


@dataclass
class _Item:
    lines: list[str]
    headline: list[str]
    title_first: bool = False  # the headline stands before the body (web style)


def _spans_word(left: str, right: str, segment: Callable[[str], list[str]] | None) -> bool:
    """Whether a word runs across the break between two lines (so they are one sentence)."""
    if segment is None or not left or not right:
        return False
    a, b = left[-6:], right[:6]
    pos = 0
    for word in segment(a + b):
        if pos < len(a) < pos + len(word):
            return True
        pos += len(word)
    return False


def _accept_headline(block: list[str], nxt: str | None, strong_end: bool,
                     segment: Callable[[str], list[str]] | None) -> bool:
    if nxt is None or opens_item(nxt):
        return True
    if any(_spans_word(x, y, segment) for x, y in zip(block, block[1:])):
        return False
    return strong_end and not _spans_word(block[-1], nxt, segment)


def _headline_score(block: list[str]) -> int:
    """How much a block looks like a headline: a spaced pair of phrases, a kicker line."""
    return 2 * any(" " in line for line in block) + (len(block) >= 2)


def _story_break(lines: list[str], segment: Callable[[str], list[str]] | None,
                 plain: bool = False) -> tuple[int, int] | None:
    """Where an item with a lead byline *and* a closing byline holds two stories.

    Features without a lead (本报讯) follow the previous story directly and
    carry their byline at the end, so only the byline pair shows that a story
    boundary was passed. Returns (i, j): the headline between them is
    ``lines[i + 1: j]``. A plain one-line headline is taken only with
    ``plain`` and when it is the one place the text could break.
    """
    if not (lines and LEAD.match(lines[0]) and END_BYLINE.match(lines[-1])):
        return None
    best: tuple[int, int, int] | None = None
    places = 0
    for i in range(1, len(lines) - 2):
        if not (ends_sentence(lines[i]) and balanced("".join(lines[: i + 1]))):
            continue
        j = i + 1
        while j < len(lines) - 1 and j - i <= MAX_HEADLINE_LINES and is_headline_candidate(lines[j]):
            j += 1
        block = lines[i + 1: j]
        if not block or j - i > MAX_HEADLINE_LINES + 1:
            continue
        if any(_spans_word(x, y, segment) for x, y in zip(block, block[1:])) \
                or _spans_word(block[-1], lines[j], segment):
            continue
        score = _headline_score(block)
        places += 1
        if best is None or score >= best[0]:
            best = (score, i, j)
    if best is None or (best[0] == 0 and not (plain and places == 1)):
        return None
    return best[1], best[2]


def _split_two_stories(item: _Item, segment: Callable[[str], list[str]] | None) -> list[_Item]:
    # Title first, the lines are paragraphs (a web page, a PDF read by layout): few places to break.
    cut = _story_break(item.lines, segment, plain=item.title_first)
    if cut is None:
        return [item]
    i, j = cut
    lines = item.lines
    if item.title_first:  # the headline found opens the second story
        return [_Item(lines[: i + 1], item.headline, True), _Item(lines[j:], lines[i + 1: j], True)]
    return [_Item(lines[: i + 1], lines[i + 1: j]), _Item(lines[j:], item.headline)]


def _photo_caption(line: str) -> bool:
    """▲县委书记某在某村调研。 通讯员 某 摄: a photo's caption under a headline, before the story's lead
    (which does not begin another story)."""
    return line.startswith(("▲", "△")) or bool(CREDIT.search(line))


def _headline_block(lines: list[str], start: int, most: int = MAX_HEADLINE_LINES) -> tuple[list[str], int]:
    j = start
    while j < len(lines) and j - start < most and is_headline_candidate(lines[j]):
        j += 1
    return lines[start:j], j


def _web_title(line: str) -> bool:
    """A page's first line that reads as a title though it has a colon or a comma (which rules it out
    as a headline elsewhere): short, no sentence in it, quotes closed, not a lead."""
    return (2 <= len(line) <= MAX_HEADLINE + 10 and not ends_sentence(line) and balanced(line)
            and not opens_item(line) and not re.search("[。；！？;!?]", line))


def _group(lines: list[str], segment: Callable[[str], list[str]] | None) -> list[_Item]:
    """The items of one page: bodies, and the headline blocks found between them, paired up.

    A page that opens with a headline has its titles first (a web page, a PDF
    read in visual order): each headline opens the body after it. Otherwise
    (the text of a newspaper PDF) each headline closes the body before it.
    """
    parts: list[tuple[bool, list[str]]] = []  # (is a headline block, its lines)
    cur: list[str] = []
    i, n = 0, len(lines)
    block, j = _headline_block(lines, 0, MAX_FIRST_HEADLINE_LINES)
    if block and j < n and not is_headline_candidate(lines[j]) and _accept_headline(block, lines[j], True, segment):
        parts.append((True, block))
        i = j
    elif n > 1 and _web_title(lines[0]) and (META_LINE.match(lines[1]) or is_dateline(lines[1])
                                             or BYLINE_LINE.match(lines[1])):
        # 2016年地方两会：9位正省级官员履新 over 发布时间：…; 新年首周，某市市长有变动 over 某报记者 张三 李四
        parts.append((True, lines[:1]))
        i = 1
    while i < n:
        line = lines[i]
        if cur and (LEAD.match(line) or BULLET.match(line)) and not all(is_header(x) or _photo_caption(x) for x in cur):
            parts.append((False, cur))
            cur = []
        cur.append(line)
        # A closing byline, a credit, or a source/editor line after the text ends an item for sure.
        strong_end = bool(END_BYLINE.match(line) or CREDIT.search(line)
                          or (META_LINE.match(line) and any(ends_sentence(x) for x in cur[:-1])))
        if strong_end or (ends_sentence(line) and balanced("".join(cur))):
            block, j = _headline_block(lines, i + 1)
            nxt = lines[j] if j < n else None
            if block and (nxt is None or not is_headline_candidate(nxt)) \
                    and _accept_headline(block, nxt, strong_end, segment):
                parts += [(False, cur), (True, block)]
                cur = []
                i = j
                continue
        i += 1
    if cur:
        parts.append((False, cur))
    items: list[_Item] = []
    if parts and parts[0][0]:
        head: list[str] | None = None
        for is_head, part in parts:
            if is_head:
                if head is not None:  # a headline with no text of its own
                    items.append(_Item([], head, True))
                head = part
            else:
                items.append(_Item(part, head or [], True))
                head = None
        if head is not None:  # a last "headline" with no text: a line of the last item
            if items:
                items[-1].lines += head
            else:
                items.append(_Item([], head, True))
    else:
        for is_head, part in parts:
            if is_head:
                items[-1].headline = part
            else:
                items.append(_Item(part, []))
    return [piece for item in items for piece in _split_two_stories(item, segment)]


def split_page(text: str, source: str, *, year: int | None = None,
               segment: Callable[[str], list[str]] | None = None,
               split_names: Callable[[str], list[str]] | None = None) -> list[Article]:
    """Split a page into Articles. ``segment`` (words of a string) sharpens headline detection.

    Layout is read on a simplified-character twin of each line (so 本報訊 and
    記者 are recognised); what goes into the Article is cut from the text as
    written, at the same offsets. Text with form feeds is a document of
    pages (a PDF): each page is split on its own and its Articles carry the
    page number.
    """
    if year is None:
        year = year_from_name(source)
    pages = text.split("\f")
    articles: list[Article] = []
    for page_number, page in enumerate(pages, 1):
        written = [l for l in (normalize_line(raw) for raw in page.splitlines()) if l]
        simple = [to_simplified(l) for l in written]
        keep = [k for k, line in enumerate(simple) if not COLUMN_HEAD.match(line)]
        written, simple = [written[k] for k in keep], [simple[k] for k in keep]
        # A page's masthead line above its first headline (城阳新闻 2023年5月12日 星期五 第3版) dates
        # every story of the page that has no date of its own; it is no story's text.
        masthead = 0
        while masthead < len(simple) - 1 and is_dateline(simple[masthead]) and DATE_YMD.search(simple[masthead]):
            masthead += 1
        page_date = _iso(DATE_YMD.search(simple[masthead - 1])) if masthead else None
        written, simple = written[masthead:], simple[masthead:]
        pos = 0
        for item in _group(simple, segment):
            parts = [item.headline, item.lines] if item.title_first else [item.lines, item.headline]
            cut = []
            for part in parts:
                cut.append(written[pos: pos + len(part)])
                pos += len(part)
            twin = _Item(*(cut[::-1] if item.title_first else cut), title_first=item.title_first)
            article = _build(twin, item, source, len(articles) + 1, year, split_names)
            if len(pages) > 1:
                article.page = page_number
            if page_date and not article.date:
                article.date = page_date
            if article.body or article.title:
                articles.append(article)
    return articles


_DATE_KEYS = {"发布时间", "发布日期", "发表时间", "时间", "日期"}
_SOURCE_KEYS = {"来源", "信息来源", "文章来源", "稿件来源", "新闻来源"}
# Credits in a header line (作者：林晓舟, 责任编辑：王五); the credit is the word the page uses.
_CREDIT_KEYS = {"作者", "撰稿", "供稿", "责任编辑", "编辑", "责编", "审核", "审校", "校对"}
_VALUE_TRIM = " \t【】[]（）()|｜丨"


def _iso(match: re.Match) -> str | None:
    y, month, day = (int(g) for g in match.groups())
    return f"{y:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _read_header(written: str, simple: str, article: Article, credits: list[Byline],
                 split_names: Callable[[str], list[str]] | None) -> None:
    """发布时间：2023-03-13 10:21　来源：澄湖区融媒体中心　作者：林晓舟 — fields into the Article.

    The people credited go to ``credits``: they are the article's bylines
    unless its lead or closing byline names them already.
    """
    fields = list(META_FIELD.finditer(simple))
    for k, m in enumerate(fields):
        key = re.sub(r"[\s:：]", "", m.group())
        end = fields[k + 1].start() if k + 1 < len(fields) else len(simple)
        value, twin = written[m.end(): end], simple[m.end(): end]
        dm = DATE_YMD.search(twin)
        if key in _DATE_KEYS and dm and not article.date:
            article.date_text, article.date = dm.group().strip(), _iso(dm)
        # A date and time written into another field (来源：安徽日报党媒云2025-12-26 09:54) is not part of it.
        value = _TIME.sub("", value[: dm.start()] + value[dm.end():] if dm else value).strip(_VALUE_TRIM)
        twin = _TIME.sub("", twin[: dm.start()] + twin[dm.end():] if dm else twin).strip(_VALUE_TRIM)
        if key in _SOURCE_KEYS and value and not article.outlet:
            # 来源：河北日报客户端薛惠娟 任学光: the reporters written after the outlet.
            people = [n for n in (split_names(value) if split_names else []) if 2 <= len(n) <= 4 and n in value]
            article.outlet = value[: value.index(people[0])].strip(_VALUE_TRIM) if people else value
            credits += [Byline(person=n, role="作者") for n in people]
        elif key in _CREDIT_KEYS and value:
            if BYLINE_ROLE.search(twin):  # 作者：见习记者 杜世民
                credits += parse_byline(value, split_names, twin)
                continue
            for chunk in re.split(r"[\s、，,/／]+", value):
                credits += [Byline(person=n, role=key) for n in byline_names(chunk, split_names)
                            if re.fullmatch(f"[{CJK}·]{{2,5}}", n)]
    if not article.date:  # 2023-03-08 10:55:23 来源：… — the date before the first field
        dm = DATE_YMD.search(simple)
        if dm:
            article.date_text, article.date = dm.group().strip(), _iso(dm)


def _read_opening(lines: list[str], twins: list[str], article: Article, credits: list[Byline],
                  year: int | None, split_names: Callable[[str], list[str]] | None) -> int:
    """Header lines before an item's text (发布时间/来源, a byline line, a dateline): how many."""
    k = 0
    while k < len(twins):
        line, twin = lines[k], twins[k]
        bullet = BULLET.match(twin)
        b0 = bullet.end() if bullet else 0
        if META_LINE.match(twin):
            _read_header(line, twin, article, credits, split_names)
        elif BYLINE_LINE.match(twin):
            article.bylines += parse_byline(line[b0:], split_names, twin[b0:])
        elif END_BYLINE.match(twin):
            em = END_BYLINE.match(twin)
            article.bylines += parse_byline(line[em.start(1): em.end(1)], split_names, em.group(1))
        elif is_dateline(twin):
            full = DATE_YMD.search(twin)
            if not article.date:
                if full:
                    article.date_text, article.date = full.group().strip(), _iso(full)
                else:
                    article.date_text, article.date = find_date(twin, year)
            if full and not article.outlet:  # 滁州日报2019-04-12 07:36
                rest = _TIME.sub("", line[: full.start()] + " " + line[full.end():]).strip(_VALUE_TRIM)
                if len(re.findall(f"[{CJK}]", rest)) >= 2:
                    article.outlet = rest
        else:
            break
        k += 1
    return k


def _credit_bylines(text: str, cm: re.Match, split_names: Callable[[str], list[str]] | None) -> list[Byline]:
    """The bylines of a photo credit ``cm`` found in ``text`` (its simplified twin's match): the
    photographers (摄影), and a correspondent's or reporter's role written with a name (通讯员王翠 摄)."""
    out: list[Byline] = []
    group = 2 if cm.group(2) else 3
    names = text[cm.start(group): cm.end(group)]
    if cm.group("desk"):
        desk = text[cm.start("desk"): cm.end("desk")]
        out += parse_byline(desk + " " + names, split_names, cm.group("desk") + " " + cm.group(group))
    for n in re.split(r"[ 、]+", names.strip()):
        role = BYLINE_ROLE.match(to_simplified(n))
        if role and len(n) > role.end():  # 通讯员王翠 摄: a correspondent's photo
            out.append(Byline(person=n[role.end():], role="通讯员" if "通讯员" in role.group() else "记者"))
            n = n[role.end():]
        if n:
            out.append(Byline(person=n, role="摄影"))
    return out


def _title_line(headline: list[str], title_first: bool) -> int:
    """Which line of a headline block is the title; the others are its kicker and subtitles.

    A newspaper's text puts the kicker (引题) first and the title last; a web
    page (and a PDF read in visual order, largest type first) puts the title
    first, then subtitles. A line ending in —— or a colon leads into the next,
    and a line starting with —— is a subtitle.
    """
    order = range(len(headline)) if title_first else range(len(headline) - 1, -1, -1)
    for k in order:
        line = headline[k].strip()
        if not (line.startswith("—") or line.endswith(("——", "：", ":"))):
            return k
    return 0 if title_first else len(headline) - 1


def _build(item: _Item, simple: _Item, source: str, number: int, year: int | None,
           split_names: Callable[[str], list[str]] | None) -> Article:
    """One Article from its lines as written (``item``) and their simplified twin."""
    article = Article(source=source, number=number)
    if item.headline:
        k = _title_line(simple.headline, simple.title_first)
        article.title = item.headline[k]
        article.kicker = " ".join(item.headline[:k] + item.headline[k + 1:])
    lines, twins = list(item.lines), list(simple.lines)
    credits: list[Byline] = []
    opening = _read_opening(lines, twins, article, credits, year, split_names)
    lines, twins = lines[opening:], twins[opening:]
    # Photo captions under the headline, then the lead (▲某某在某村调研。 通讯员 某 摄 / 本报讯…): the
    # story opens with its lead; the captions are read after it.
    captions = next((k for k, twin in enumerate(twins) if not _photo_caption(twin)), len(twins))
    if 0 < captions < len(twins) and LEAD.match(twins[captions]):
        lines = [lines[captions]] + lines[:captions] + lines[captions + 1:]
        twins = [twins[captions]] + twins[:captions] + twins[captions + 1:]
    # After the text: （来源：青川日报）, 责任编辑：…, 编辑/赵红信.
    while twins and (META_LINE.match(twins[-1]) or BYLINE_LINE.match(twins[-1])):
        line, twin = lines.pop(), twins.pop()
        if META_LINE.match(twin):
            _read_header(line, twin, article, credits, split_names)
        else:
            credits += parse_byline(line, split_names, twin)
    if twins and BULLET.match(twins[0]):
        b0 = BULLET.match(twins[0]).end()
        lines[0], twins[0] = lines[0][b0:], twins[0][b0:]
    # A caption's credit at the end of a line inside the text (…装上货车。通讯员 韦某 摄): a photo's
    # byline, no words of the text.
    for k in range(len(twins) - 1):
        cm = CREDIT.search(twins[k]) if twins[k].endswith(("摄", "摄影", "摄）", "摄)")) else None
        if cm and cm.start() > 0 and twins[k][cm.start() - 1] in SENTENCE_END + CLOSERS + " ":
            article.bylines += _credit_bylines(lines[k], cm, split_names)
            lines[k], twins[k] = lines[k][: cm.start()].rstrip(), twins[k][: cm.start()].rstrip()
    text, twin = join_lines(lines), join_lines(twins)
    start, end = 0, len(text)
    # Lead marker and the byline after it.
    m = LEAD.match(twin)
    if m:
        article.lead = text[m.start(): m.end()].strip("【】[]")
        start = m.end()
        while start < end and twin[start].isspace():
            start += 1
    # The reporters' byline opens the text, after a lead or alone ((大公报 记者 卢冶、林凯)距离…).
    bm = LEAD_BYLINE.match(twin[start:])
    if bm:
        article.bylines += parse_byline(text[start + bm.start(1): start + bm.end(1)], split_names,
                                        twin[start + bm.start(1): start + bm.end(1)])
        start += bm.end()
    # Byline or photo credit at the end.
    if twins:
        last = twins[-1]
        em = END_BYLINE.match(last)
        # Only the last line can hold a credit: searching the whole article is slow.
        cm = CREDIT.search(last) if twin.endswith(last) else None
        offset = len(twin) - len(last)
        if em and twin.endswith(last):
            end = offset
            b0 = end + em.start(1)
            article.bylines += parse_byline(text[b0: b0 + len(em.group(1))], split_names, em.group(1))
        elif cm:
            article.bylines += _credit_bylines(text[offset:], cm, split_names)
            end = offset + cm.start()
            if not article.lead and end - start < 400:
                article.kind = "photo"
    article.body = text[start:end].strip()
    named = {b.person for b in article.bylines}
    article.bylines += [b for b in credits if b.person not in named]
    if not article.date:  # a dateline lead (本报青岚9月15日电) dates the report, else its first words
        dated = DATE_MD.search(article.lead)
        article.date_text, article.date = find_date(to_simplified(article.lead) if dated else
                                                    twin[start:end].strip(), year)
    return article

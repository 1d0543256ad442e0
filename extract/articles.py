"""Splitting a newspaper page into its articles: headline, lead, byline, credits, date.

A district page of a city daily, as text taken from its PDF, has articles
one after another with each headline *after* its body, leads that start
with 本报讯, bylines in brackets at the start or end, and photo captions
ending with a credit (高鸿勋 摄). An ordinary web article has its title
first. ``split_page`` handles both.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from govkg.extract.normalize import CLOSERS, CJK, SENTENCE_END, join_lines, normalize_line, to_simplified
from govkg.extract.records import Article, Byline

# A lead marker opens a report: 本报讯, 本报6月3日讯, 新华社郑州6月3日电, 【本报讯】…
LEAD = re.compile(
    r"^[【\[]?(本报讯|本报[^，。（(]{1,12}讯|(新华社|中新社|人民网|新华网|央视网)[^，。（(]{0,16}电|"
    r"[^，。（(]{2,8}(日报|晚报|时报)讯)[】\]]?"
)
_ROLE_WORDS = "本报记者|本报通讯员|特约记者|见习记者|实习记者|首席记者|记者|通讯员|实习生|摄影记者|摄影|编辑"
BYLINE_ROLE = re.compile(_ROLE_WORDS)
# (记者王孟鹤 通讯员苗广垒) right after the lead marker.
LEAD_BYLINE = re.compile(rf"^[（(]\s*((?:{_ROLE_WORDS})[^（）()]{{1,60}})[）)]")
# (本报记者 王孟鹤 通讯员 古国凡) alone on the last line of a feature.
END_BYLINE = re.compile(rf"^[（(]\s*((?:{_ROLE_WORDS})[^（）()]{{1,60}})[）)]$")
# A photo credit: "…。 高鸿勋 摄", "(张三 李四/摄)", "摄影 张三".
_NAME = f"[{CJK}·]{{2,5}}"
CREDIT = re.compile(
    # Names are separated (张三 李四 摄): a separator between each keeps the
    # pattern linear, where an optional one backtracks exponentially on long runs.
    rf"(?:^|(?<=[{SENTENCE_END}{CLOSERS}\s]))[（(]?({_NAME}(?:[ 、]{_NAME})*)\s*[/／]?\s*摄(?:影)?[）)]?$"
    rf"|(?:^|(?<=[{SENTENCE_END}{CLOSERS}\s]))[（(]?(?:摄影|图)[:：/／ ]\s*({_NAME}(?:[ 、]{_NAME})*)[）)]?$"
)
DATE_MD = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
_YEAR_IN_NAME = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
_HEADLINE_FORBIDDEN = re.compile("[，。；！？：,;!?]")
# A caption starts with the date of the picture: "6月5日下午，…".
CAPTION_START = re.compile(r"^(\d{4}年)?\d{1,2}月\d{1,2}日[上下中晚早凌午夜]{0,2}[，,]")

MAX_HEADLINE = 40
MAX_HEADLINE_LINES = 3


def ends_sentence(line: str) -> bool:
    return bool(re.search(f"[{SENTENCE_END}][{CLOSERS}]*$", line))


# A headline never ends on a word that needs a continuation (的, 和, 为…).
_DANGLING_END = re.compile("[的了和与及为在对把将是等、着向从于以被让给并或而也之其]$")
_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("（", "）"), ("(", ")"), ("「", "」"))


def balanced(text: str) -> bool:
    """Every opening quote or bracket is closed: the text does not stop inside a quotation."""
    return all(text.count(a) == text.count(b) for a, b in _PAIRS)


def is_headline_candidate(line: str) -> bool:
    """A line that could be a headline: short, no sentence punctuation, not a lead or byline."""
    return (
        2 <= len(line) <= MAX_HEADLINE
        and not _HEADLINE_FORBIDDEN.search(line)
        and balanced(line)
        and "……" not in line
        and not _DANGLING_END.search(line)
        and not LEAD.match(line)
        and not END_BYLINE.match(line)
        and not CREDIT.search(line)
        and not re.fullmatch(r"[\d\s\-–—/.]+", line)
    )


def credit_names(line: str) -> list[str]:
    m = CREDIT.search(line)
    if not m:
        return []
    return [n for n in re.split(r"[ 、]+", (m.group(1) or m.group(2)).strip()) if n]


def parse_byline(text: str, split_names: Callable[[str], list[str]] | None = None,
                 simplified: str | None = None) -> list[Byline]:
    """People credited in a byline: "记者王孟鹤 通讯员苗广垒", "本报记者 张三 李四".

    Role words are found in ``simplified`` (the same text in simplified
    characters, same length); names are cut from ``text`` as written.
    """
    simple = simplified if simplified is not None else text
    out: list[Byline] = []
    marks = list(BYLINE_ROLE.finditer(simple))
    for k, mark in enumerate(marks):
        word = mark.group()
        role = "摄影" if word == "摄影" else "记者" if "记者" in word else word
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        for chunk in re.split(r"[\s、,，/]+", text[mark.end(): end].strip()):
            if not chunk:
                continue
            names = [chunk]
            # Two names written together ("张三李四") need the model to split.
            if len(chunk) > 4 and split_names is not None:
                names = split_names(chunk) or [chunk]
            out.extend(Byline(person=n, role=role) for n in names if 2 <= len(n) <= 5)
    return out


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


@dataclass
class _Item:
    lines: list[str]
    headline: list[str]
    title_first: bool = False  # the headline stands before the body (web articles)


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
    if nxt is None or LEAD.match(nxt) or CAPTION_START.match(nxt):
        return True
    if any(_spans_word(x, y, segment) for x, y in zip(block, block[1:])):
        return False
    return strong_end and not _spans_word(block[-1], nxt, segment)


def _headline_score(block: list[str]) -> int:
    """How much a block looks like a headline: a spaced pair of phrases, a kicker line."""
    return 2 * any(" " in line for line in block) + (len(block) >= 2)


def _split_two_stories(item: _Item, segment: Callable[[str], list[str]] | None) -> list[_Item]:
    """An item with a lead byline *and* a closing byline is two stories; cut at the best headline.

    Features without a lead (本报讯) follow the previous story's headline
    directly and carry their byline at the end, so only the byline pair
    shows that a story boundary was passed.
    """
    lines = item.lines
    if not (lines and LEAD.match(lines[0]) and END_BYLINE.match(lines[-1])):
        return [item]
    best: tuple[int, int, int] | None = None
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
        if best is None or score >= best[0]:
            best = (score, i, j)
    if best is None or best[0] == 0:
        return [item]
    _, i, j = best
    return [_Item(lines[: i + 1], lines[i + 1: j]), _Item(lines[j:], item.headline)]


def _group(lines: list[str], segment: Callable[[str], list[str]] | None) -> list[_Item]:
    items: list[_Item] = []
    cur: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if LEAD.match(line) and cur:
            items.append(_Item(cur, []))
            cur = []
        cur.append(line)
        strong_end = bool(END_BYLINE.match(line) or CREDIT.search(line))
        if strong_end or (ends_sentence(line) and balanced("".join(cur))):
            j = i + 1
            block: list[str] = []
            while j < n and len(block) < MAX_HEADLINE_LINES and is_headline_candidate(lines[j]):
                block.append(lines[j])
                j += 1
            nxt = lines[j] if j < n else None
            if block and (nxt is None or not is_headline_candidate(nxt)) \
                    and _accept_headline(block, nxt, strong_end, segment):
                items.append(_Item(cur, block))
                cur = []
                i = j
                continue
        i += 1
    if cur:
        items.append(_Item(cur, []))
    return [part for item in items for part in _split_two_stories(item, segment)]


def _title_first(items: list[_Item]) -> list[_Item]:
    """A single article whose title comes first (an ordinary web page)."""
    if len(items) == 1 and not items[0].headline and len(items[0].lines) > 1:
        first, rest = items[0].lines[0], items[0].lines[1:]
        if is_headline_candidate(first) and not LEAD.match(first):
            return [_Item(rest, [first], title_first=True)]
    return items


def split_page(text: str, source: str, *, year: int | None = None,
               segment: Callable[[str], list[str]] | None = None,
               split_names: Callable[[str], list[str]] | None = None) -> list[Article]:
    """Split a page into Articles. ``segment`` (words of a string) sharpens headline detection.

    Layout is read on a simplified-character twin of each line (so 本報訊 and
    記者 are recognised); what goes into the Article is cut from the text as
    written, at the same offsets.
    """
    written = [l for l in (normalize_line(raw) for raw in text.splitlines()) if l]
    simple = [to_simplified(l) for l in written]
    if year is None:
        year = year_from_name(source)
    articles: list[Article] = []
    pos = 0
    for item in _title_first(_group(simple, segment)):
        parts = [item.headline, item.lines] if item.title_first else [item.lines, item.headline]
        cut = []
        for part in parts:
            cut.append(written[pos: pos + len(part)])
            pos += len(part)
        twin = _Item(*(cut[::-1] if item.title_first else cut), title_first=item.title_first)
        article = _build(twin, item, source, len(articles) + 1, year, split_names)
        if article.body or article.title:
            articles.append(article)
    return articles


def _build(item: _Item, simple: _Item, source: str, number: int, year: int | None,
           split_names: Callable[[str], list[str]] | None) -> Article:
    """One Article from its lines as written (``item``) and their simplified twin."""
    article = Article(source=source, number=number)
    if item.headline:
        article.title = item.headline[-1]
        article.kicker = " ".join(item.headline[:-1])
    text, twin = join_lines(item.lines), join_lines(simple.lines)
    start, end = 0, len(text)
    # Lead marker and the byline after it.
    m = LEAD.match(twin)
    if m:
        article.lead = text[m.start(): m.end()].strip("【】[]")
        start = m.end()
        while start < end and twin[start].isspace():
            start += 1
        bm = LEAD_BYLINE.match(twin[start:])
        if bm:
            article.bylines += parse_byline(text[start + bm.start(1): start + bm.end(1)], split_names,
                                            twin[start + bm.start(1): start + bm.end(1)])
            start += bm.end()
    # Byline or photo credit at the end.
    if simple.lines:
        last = simple.lines[-1]
        em = END_BYLINE.match(last)
        # Only the last line can hold a credit: searching the whole article is slow.
        cm = CREDIT.search(last) if twin.endswith(last) else None
        offset = len(twin) - len(last)
        if em and twin.endswith(last):
            end = offset
            b0 = end + em.start(1)
            article.bylines += parse_byline(text[b0: b0 + len(em.group(1))], split_names, em.group(1))
        elif cm:
            group = 1 if cm.group(1) else 2
            names = text[offset + cm.start(group): offset + cm.end(group)]
            article.bylines += [Byline(person=n, role="摄影") for n in re.split(r"[ 、]+", names.strip()) if n]
            end = offset + cm.start()
            if not article.lead and end - start < 400:
                article.kind = "photo"
    article.body = text[start:end].strip()
    article.date_text, article.date = find_date(twin[start:end].strip(), year)
    return article

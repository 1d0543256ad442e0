"""PDF pages → text in reading order, one line per headline line or paragraph, pages ended by form feeds.

A newspaper page is set in blocks: each story is a headline over its
columns, stories stand side by side and one above another. pdfminer.six
finds the text lines and their boxes; the order in which a PDF stores them
is the layout program's, not the reader's (the sample page's text has every
headline after its body, and plain extraction reads across columns). The
order here is the page's own: a recursive XY-cut, which splits a block at a
gap running down its whole height (stories or columns side by side, read
left to right) and otherwise at a gap across its whole width (bands, read top
to bottom), until each piece is a single column read line by line.

Headline lines are told from body text by their type size: a block of them
is given largest first (the title, then kicker and subtitles), as a web page
gives its title first, so ``articles.split_page`` reads the page in its
title-first style. Body lines are joined into paragraphs (a new one at an
indented line, after a short line, or at a credit or byline in brackets),
each physical line normalised first exactly as a text file's lines are, so
the bodies are the same as those of a clean text of the page.
The running head and foot (paper, date, page number, editors) are dropped.

A scan (no text layer), an encrypted or a damaged PDF is refused with one
line (``GovkgError``); there is no OCR.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from govkg.errors import GovkgError
from govkg.extract.normalize import SENTENCE_END, join_lines, normalize_line

# A line this much larger than the body type is a headline line.
HEADLINE_RATIO = 1.2
# Gaps, in body type sizes: between columns (a gutter) and between bands.
COLUMN_GAP = 0.8
BAND_GAP = 0.9
# The running head or foot of a newspaper page: 第3版, A3, 星期六, a date, 责任编辑….
_FOLIO = re.compile(r"第\s*\d+\s*版|\b[A-Z]\d{1,2}\b|星期[一二三四五六日天]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                    r"|责任编辑|责编|美编|校对|版式|^\s*\d{1,3}\s*$")
# Lines that stand on their own inside a column: a byline or credit in brackets, a photo credit.
_OWN_LINE = re.compile(r"^[（(].*[）)]$|^[^，。！？]{2,16}摄$")
# A bullet opens a paragraph (a brief), wherever the line before it ends.
_BULLET = re.compile(r"^[■●◆□▲]")


@dataclass
class _Line:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    size: float  # median type size of its characters


def pdf_text(data: bytes, name: str) -> str:
    """The text of every page in reading order; each page ends with a form feed."""
    pages = _read_lines(data, name)
    sizes = Counter(round(line.size * 2) / 2 for page in pages for line in page for _ in line.text)
    if not sizes:
        raise GovkgError(f"cannot read '{name}': the PDF has no text layer (a scan?); govkg does not do "
                         "OCR, so give it a PDF with text or the text itself")
    body = sizes.most_common(1)[0][0]
    return "".join("\n".join(_page_text(page, body)) + "\f" for page in pages)


def _read_lines(data: bytes, name: str) -> list[list[_Line]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextLineHorizontal
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    # pdfminer logs every font quirk it works around; the user needs none of it.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[list[_Line]] = []
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=LAParams(all_texts=True)):
            height = layout.bbox[3]
            lines = []
            for element in _walk(layout):
                if not isinstance(element, LTTextLineHorizontal):
                    continue
                chars = [c for c in element if isinstance(c, LTChar) and c.get_text().strip()]
                text = element.get_text().replace("\n", "")
                if not chars or not text.strip():
                    continue
                x0, y0, x1, y1 = element.bbox
                lines.append(_Line(x0, height - y1, x1, height - y0, text,
                                   statistics.median(c.size for c in chars)))
            pages.append(lines)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise GovkgError(f"cannot read '{name}': the PDF is encrypted and needs a password; "
                         "save a copy without one first") from None
    except Exception as exc:  # pdfminer raises many kinds on a damaged file; each is the same to the user
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise GovkgError(f"cannot read '{name}': a damaged PDF ({reason})") from None
    if not pages:
        raise GovkgError(f"cannot read '{name}': a damaged PDF (no pages)")
    return pages


def _walk(element):
    """Every element of a page, inside figures too; a text line is not opened (its characters are its own)."""
    from pdfminer.layout import LTContainer, LTTextLine

    for child in element:
        yield child
        if isinstance(child, LTContainer) and not isinstance(child, LTTextLine):
            yield from _walk(child)


def _cut(lines: list[_Line], vertical: bool, min_gap: float, body: float) -> list[list[_Line]]:
    """Split where a gap of at least ``min_gap`` runs across all of ``lines``.

    ``vertical``: gaps between x ranges (pieces side by side), else between y
    ranges (bands); the leading between two lines of one headline is no gap.
    """
    def span(line: _Line) -> tuple[float, float]:
        return (line.x0, line.x1) if vertical else (line.top, line.bottom)

    ordered = sorted(lines, key=lambda line: span(line)[0])
    groups = [[ordered[0]]]
    last = ordered[0]  # the line reaching furthest so far
    for line in ordered[1:]:
        start, stop = span(line)
        gap = start - span(last)[1]
        headline_leading = (not vertical and _is_headline(last, body) and _is_headline(line, body)
                            and gap < 0.8 * max(last.size, line.size))
        if gap >= min_gap and not headline_leading:
            groups.append([line])
        else:
            groups[-1].append(line)
        if stop > span(last)[1]:
            last = line
    return groups


def _is_headline(line: _Line, body: float) -> bool:
    return line.size >= HEADLINE_RATIO * body


def _opens_story(band: list[_Line], body: float) -> bool:
    """A band whose top holds a headline line: the start of one or more stories."""
    top = min(line.top for line in band)
    return any(_is_headline(line, body) and line.top <= top + 2 * body for line in band)


def _columns(lines: list[_Line], body: float) -> list[list[_Line]]:
    """The XY-cut: pieces of one column each, in reading order.

    A block splits first across, above each headline that starts a story
    (a gap inside a story, such as a picture between a headline and its
    text, is no cut). Else it splits at gaps down its whole height when the
    pieces are whole stories (each has a headline) or columns of one text
    (none has): a centred headline over several columns leaves a gutter
    beside it that is no cut between stories. Else its headline comes off
    the top, and what is left is cut again.
    """
    if len(lines) <= 1:
        return [lines] if lines else []
    bands = _cut(lines, False, BAND_GAP * body, body)
    groups = [bands[0]]
    for band in bands[1:]:
        if _opens_story(band, body):
            groups.append(band)
        else:
            groups[-1] = groups[-1] + band
    if len(groups) == 1:
        groups = _cut(lines, True, COLUMN_GAP * body, body)
        heads = [any(_is_headline(line, body) for line in group) for group in groups]
        if any(heads) and not all(heads):
            groups = [lines]
    if len(groups) == 1 and len(bands) > 1:
        top = 0
        while top < len(bands) - 1 and all(_is_headline(line, body) for line in bands[top]):
            top += 1
        if top:
            groups = [[line for band in bands[:top] for line in band],
                      [line for band in bands[top:] for line in band]]
    if len(groups) > 1:
        return [column for group in groups for column in _columns(group, body)]
    return [sorted(lines, key=lambda line: (line.top, line.x0))]


def _is_folio(band: list[_Line], body: float) -> bool:
    text = " ".join(line.text for line in band)
    return (all(line.size <= body * 1.05 for line in band) and len(text) <= 80
            and not re.search(f"[{SENTENCE_END}，]", text) and bool(_FOLIO.search(text)))


def _page_text(lines: list[_Line], body: float) -> list[str]:
    if not lines:
        return []
    bands = _cut(lines, False, BAND_GAP * body, body)
    if len(bands) > 1 and _is_folio(bands[0], body):
        bands = bands[1:]
    if len(bands) > 1 and _is_folio(bands[-1], body):
        bands = bands[:-1]
    out: list[str] = []
    heads: list[_Line] = []
    paragraph: list[str] = []
    prev: tuple[_Line, float] | None = None  # the last body line and the right edge of its column

    def flush_paragraph() -> None:
        if paragraph:
            out.append(join_lines(paragraph))
            paragraph.clear()

    def flush_heads() -> None:
        # Lines of one size in a row are one headline wrapped; the largest comes first (the title),
        # then its kicker and subtitles, each in the page's order.
        runs: list[tuple[float, list[str]]] = []
        for line in heads:
            if runs and abs(runs[-1][0] - line.size) < 0.5:
                runs[-1][1].append(normalize_line(line.text))
            else:
                runs.append((line.size, [normalize_line(line.text)]))
        out.extend(join_lines(texts) for _, texts in sorted(runs, key=lambda run: -round(run[0])))
        heads.clear()

    for column in _columns([line for band in bands for line in band], body):
        left, right = min(line.x0 for line in column), max(line.x1 for line in column)
        for line in column:
            if _is_headline(line, body):
                flush_paragraph()
                heads.append(line)
                prev = None
                continue
            flush_heads()
            text = normalize_line(line.text)
            new = (prev is None or line.x0 - left > line.size                 # indented
                   or prev[1] - prev[0].x1 > 1.5 * prev[0].size              # after a short line
                   or bool(_OWN_LINE.search(text) or _BULLET.match(text))
                   or bool(_OWN_LINE.search(paragraph[-1] if paragraph else "")))
            if new:
                flush_paragraph()
            paragraph.append(text)
            prev = (line, right)
    flush_paragraph()
    flush_heads()
    return out

"""A page too long to extract at once (a year of news saved as one file), cut between its articles.

Extraction holds a whole page at a time: its sentences, tags and mentions.
That is what a newspaper page needs, and it grows with the page, so a text
longer than ``PIECE_CHARS`` characters is extracted in pieces of about that
size, one after the other or on several workers, and the pieces' results go
into the graph in order as the results of separate files would. Memory then
stays that of one piece however long the file, and progress can be shown
piece by piece.

A cut never falls inside an article, as the page splitter decides articles
(extract/articles.py ``split_page``, never changed here): a form feed is a
boundary already (each PDF page is split on its own); any other cut is
taken only where splitting the text before it and the text after it gives
the same articles as splitting across it. Each piece's articles keep the
numbers (and PDF pages) they have in the whole text, so ids do not change.

What a page decides as a whole (the territory its articles default to, the
short names that stand for a full one, one namesake or two) a piece decides
for itself: in a text this long, articles far apart are different pages.
A text of ``PIECE_CHARS`` characters or fewer is extracted as it always was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from govkg.extract.articles import is_headline_candidate, opens_item
from govkg.extract.normalize import normalize_line, to_simplified
from govkg.extract.records import Article

#: A text longer than this (in characters; the sample page has 7 711) is extracted in pieces of
#: about this size.
PIECE_CHARS = 200_000
#: The stretch past ``PIECE_CHARS`` where a cut is looked for, the splitter reading on to its end.
LOOKAHEAD_CHARS = 40_000
#: Stretches tried before a piece is given up on and the rest of the text kept whole.
MAX_TRIES = 8

_LINE = re.compile(r"(?m)^(.*)$")


@dataclass(frozen=True)
class Piece:
    """One piece of a long text, and where it lies in the whole."""

    text: str
    first_article: int = 1  # the number its first article has in the whole text
    first_page: int = 1  # the page (of a text with form feeds) it starts on
    paged: bool = False  # whether the whole text has several pages
    start: int = 0  # characters of the whole text before it
    total: int = 0  # characters of the whole text
    count: int | None = None  # the articles splitting across its end found in it (None: the last piece)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def place(self, articles: list[Article]) -> None:
        """Number the piece's articles, and their pages, as they are in the whole text.

        A piece that does not hold the articles the cut was made for is an
        error, never articles with the ids of others.
        """
        if self.count is not None and len(articles) != self.count:
            raise ValueError(f"a piece of {len(self.text)} characters from character {self.start} has "
                             f"{len(articles)} articles, not the {self.count} its cut was made for")
        for article in articles:
            article.number += self.first_article - 1
            if self.paged:
                article.page = (article.page or 1) + self.first_page - 1

    def tag(self) -> str:
        """What, beside its text, makes a piece's result (for the cache key)."""
        return f"piece={self.first_article},{self.first_page},{int(self.paged)}"


def is_long(text: str) -> bool:
    return len(text) > PIECE_CHARS


def _shape(article: Article) -> tuple:
    """What a cut could change in an article (its number and page are placed, not cut)."""
    return (article.title, article.kicker, article.body, article.lead, article.date_text, article.kind,
            article.outlet)


def _candidates(text: str, pos: int, stop: int) -> Iterator[int]:
    """Where an article may begin, from ``pos`` to ``stop``: the start of a line that opens an item
    (a lead, a byline, a bullet) or that a headline ends or begins at (a short line without sentence
    punctuation beside one with). Only a guess, to spare the splitter lines that are surely not one:
    the splitter decides."""
    previous: bool | None = None
    for line in _LINE.finditer(text, pos, stop):
        written = normalize_line(line.group(1))
        if not written:
            continue
        simple = to_simplified(written)
        headline = is_headline_candidate(simple)
        if previous is not None and (headline != previous or opens_item(simple)):
            yield line.start()
        previous = headline


def _cut(text: str, start: int, split: Callable[[str], list[Article]]) -> tuple[int, int] | None:
    """(where the piece from ``start`` ends, how many articles it holds), or None: keep the rest whole.

    A cut is where splitting the text after it gives the articles that
    splitting across it gives there; then the articles before it are those of
    the text before it (the splitter reads a page line by line, looking a few
    lines ahead), and the worker checks that it finds as many.
    """
    page_break = text.rfind("\f", start + PIECE_CHARS // 2, start + PIECE_CHARS)
    if page_break >= 0:
        return page_break + 1, len(split(text[start:page_break + 1]))
    target = start + PIECE_CHARS
    for _ in range(MAX_TRIES):
        end = target + LOOKAHEAD_CHARS
        if len(text) - target < LOOKAHEAD_CHARS:
            return None
        across = [_shape(a) for a in split(text[start:end])]
        for cut in _candidates(text, target, end - LOOKAHEAD_CHARS // 4):
            after = [_shape(a) for a in split(text[cut:end])]
            if after and across[-len(after):] == after:
                return cut, len(across) - len(after)
        target = end - LOOKAHEAD_CHARS // 4  # no cut in this stretch (one long article): look further on
    return None


def cut_pieces(text: str, split: Callable[[str], list[Article]]) -> Iterator[Piece]:
    """``text`` as pieces of about ``PIECE_CHARS`` characters, cut between articles, lazily.

    ``split`` is the page splitter exactly as extraction calls it
    (pipeline.page_splitter), so that a cut it agrees with is one extraction
    agrees with.
    """
    paged = "\f" in text
    start, first_article, first_page = 0, 1, 1
    while len(text) - start > PIECE_CHARS:
        found = _cut(text, start, split)
        if found is None:
            break
        end, articles = found
        yield Piece(text[start:end], first_article, first_page, paged, start, len(text), articles)
        first_article += articles
        first_page += text.count("\f", start, end)
        start = end
    yield Piece(text[start:], first_article, first_page, paged, start, len(text))

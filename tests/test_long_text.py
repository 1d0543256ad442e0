"""A text too long to extract at once is extracted in pieces cut between its articles (extract/pieces.py).

The reference for "between articles" is the page splitter itself on the
whole text (extract/articles.py ``split_page``, as extraction calls it): the
pieces' articles, numbered in place, must be exactly its articles. Memory and
speed are measured by bench/huge_file.py, not here.
"""

from __future__ import annotations

import json
import os

import pytest

from conftest import SAMPLE_CORPUS, require_shared
from support import cli
from support.processes import run_on_terminal
from govkg.extract.ner import get_backend
from govkg.extract.pieces import LOOKAHEAD_CHARS, PIECE_CHARS, cut_pieces
from govkg.extract.pipeline import page_splitter

SAMPLE = SAMPLE_CORPUS / "pingdingshan-weidong-2020-06.txt"


@pytest.fixture(scope="module")
def split():
    return page_splitter(get_backend("lac"), "long.txt")


def sample_text() -> str:
    return require_shared(SAMPLE).read_text(encoding="utf-8")


def long_text(separator: str = "\n\n") -> str:
    page = sample_text()
    copies = (PIECE_CHARS + 2 * LOOKAHEAD_CHARS) // len(page) + 2
    return separator.join([page] * copies)


def articles_of(text: str, split) -> list[tuple]:
    return [(a.id, a.title, a.kicker, a.lead, a.body, a.date_text, a.kind, a.page) for a in split(text)]


def pieced(text: str, split) -> tuple[list, list]:
    pieces = list(cut_pieces(text, split))
    found = []
    for piece in pieces:
        articles = split(piece.text)
        piece.place(articles)
        found += [(a.id, a.title, a.kicker, a.lead, a.body, a.date_text, a.kind, a.page) for a in articles]
    return pieces, found


def test_the_pieces_of_a_long_page_hold_exactly_its_articles(split):
    text = long_text()
    pieces, found = pieced(text, split)
    assert len(pieces) >= 2 and all(len(p.text) < PIECE_CHARS + LOOKAHEAD_CHARS for p in pieces)
    assert "".join(p.text for p in pieces) == text
    assert found == articles_of(text, split)


def test_a_page_break_is_a_cut_and_pages_keep_their_numbers(split):
    text = long_text("\f")
    pieces, found = pieced(text, split)
    assert len(pieces) >= 2 and all(p.text.endswith("\f") for p in pieces[:-1])
    whole = articles_of(text, split)
    assert found == whole and whole[-1][-1] == text.count("\f") + 1  # the last article is on the last page


def test_a_short_text_is_one_piece(split):
    text = sample_text()
    (piece,) = cut_pieces(text, split)
    assert piece.text == text and piece.first_article == 1


def test_a_long_file_shows_progress_gives_the_pages_articles_and_is_cached_piece_by_piece(tmp_path, split):
    """One long extraction (it is the slow part) checked three ways: the progress bar a terminal shows,
    the articles of the whole text, and a second run that takes every piece from the cache."""
    text = long_text()
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text(sample_text(), encoding="utf-8")
    cache = tmp_path / "cache"
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    env = {**os.environ, "COLUMNS": "160"}
    # On a terminal (a pty): a process of its own, whose standard error is that terminal.
    status, shown = run_on_terminal([*cli.COMMAND, "extract", str(path), str(short), "-o", str(first), "--jobs", "2",
                                     "--cache-dir", str(cache)], env, stdout_too=False)
    assert status == 0, shown.decode("utf-8", "replace")[-2000:]
    # The bar of the file's characters was drawn while it ran (rich draws it only on a terminal).
    assert f"extracting {path}".encode() in shown and b"chars/s" in shown
    assert b"2 files: 2 extracted (0 from the cache), 0 empty, 0 failed" in shown
    graph = json.loads(first.read_text(encoding="utf-8"))
    nodes = {n["id"]: n for n in graph["nodes"]}
    articles = sorted((n for n in graph["nodes"] if n["label"] == "Article" and n["source"] == "long.txt"),
                      key=lambda n: n["number"])
    expected = split(text)
    assert [(n["id"], n["title"], n["text"]) for n in articles] == [(a.id, a.title, a.body) for a in expected]
    # Every edge joins nodes of the file: the pieces' ids fit together.
    assert all(e["source"] in nodes and e["target"] in nodes for e in graph["edges"])
    done = cli.govkg("extract", path, short, "-o", second, "--cache-dir", cache)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "2 files: 2 extracted (2 from the cache), 0 empty, 0 failed"
    assert first.read_bytes() == second.read_bytes()

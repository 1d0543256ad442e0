"""Sentences: splitting running text into them (the unit that carries evidence) and tagging
them with the NER model (``TaggedSentence``: the simplified text, its tokens and their offsets)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from typing import TYPE_CHECKING

from govkg.extract.ner.base import Token
from govkg.extract.normalize import CLOSERS

if TYPE_CHECKING:
    from govkg.extract.records import Sentence

# A sentence ends at 。！？ or …… with any closing quotes that follow it. A semicolon joins the
# clauses of one sentence (a career history: 曾任A；B；C), so it does not end one.
_END = re.compile(f"(?:[。！？!?]|……)[{CLOSERS}]*")


def split_sentences(text: str) -> list[str]:
    out, start = [], 0
    for m in _END.finditer(text):
        piece = text[start: m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


@dataclass
class TaggedSentence:
    """A sentence (simplified characters) with its tokens and each token's offsets."""

    text: str
    tokens: list[Token]

    def __post_init__(self) -> None:
        self.spans: list[tuple[int, int, Token]] = []
        pos = 0
        for tok in self.tokens:
            self.spans.append((pos, pos + len(tok.text), tok))
            pos += len(tok.text)
        self.char_tag = [""] * len(self.text)
        self.token_end = set()
        self.token_start = set()
        for start, end, tok in self.spans:
            self.token_start.add(start)
            self.token_end.add(end)
            for i in range(start, min(end, len(self.text))):
                self.char_tag[i] = tok.pos or tok.tag


_HEADLINE_SPACE = re.compile(r"(?<=[\u4e00-\u9fff）)”》])[ \u3000]+(?=[\u4e00-\u9fff“（(《])")


def _headline_clauses(text: str) -> str:
    """陈义初辞去郑州市长职务 王文超任代理市长: a space between words of a headline separates its
    clauses as a comma does; the rules read it as one (same length, so offsets hold)."""
    return _HEADLINE_SPACE.sub(lambda m: "，" + " " * (len(m.group()) - 1), text)


def tag_page(articles, backend) -> list[list["Sentence"]]:
    """Every sentence of every article (headlines first: they name bodies and places too; then
    a dateline lead, whose place says where the story is: 东北网双鸭山8月7日电), tagged by the
    model in one call. Returns one list of sentences per article."""
    from govkg.extract.normalize import to_simplified
    from govkg.extract.records import Sentence

    texts, owners = [], []
    for number, art in enumerate(articles):
        headlines = [h for h in (art.kicker, art.title) if h]
        for raw in headlines + [h for h in (art.lead,) if h] + split_sentences(art.body):
            simple = to_simplified(raw)
            texts.append(_headline_clauses(simple) if raw in headlines else simple)
            owners.append((number, art, raw))
    tagged = backend.tag(texts) if texts else []
    page: list[list[Sentence]] = [[] for _ in articles]
    for (number, art, raw), simple, tokens in zip(owners, texts, tagged):
        page[number].append(Sentence(art, raw, TaggedSentence(simple, tokens)))
    return page

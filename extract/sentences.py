"""Splitting running text into sentences, the unit that carries evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from govkg.extract.ner.base import Token
from govkg.extract.normalize import CLOSERS

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

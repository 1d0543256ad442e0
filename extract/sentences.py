"""Splitting running text into sentences, the unit that carries evidence."""

from __future__ import annotations

import re

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

"""`--ner lac+hanlp`: LAC's tokens, with HanLP as a second opinion on people.

Measured on the sample page, LAC finds nearly every person but also tags
fragments (康, 村美, 林果业) and cuts some names short (陈新 for 陈新全); HanLP
1.x, with its surname/given-name role model, finds most people too but makes
different mistakes. So, person by person:

* a LAC person that no HanLP person overlaps is demoted to an untagged word
  (the two models agree on real names far more often than on noise);
* a HanLP person that strictly contains a LAC person of two or more
  characters, and overlaps nothing LAC tagged as a place or body, replaces it
  (the longer name wins; a one-character "person" is no name cut short, and
  growing it only makes new noise: 康 -> 康养).

Places and organisations are LAC's alone: HanLP's are noisier. HanLP runs
with N-shortest paths here: as a second opinion on people only, its higher
person recall matters (with Viterbi the vote would drop 古国凡).
"""

from __future__ import annotations

import os
from typing import Sequence

from govkg.extract.ner.base import OTHER, PER, Token
from govkg.extract.ner.hanlp import HanlpBackend
from govkg.extract.ner.lac import LacBackend


def _spans(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for tok in tokens:
        out.append((pos, pos + len(tok.text)))
        pos += len(tok.text)
    return out


def merge_people(base: Sequence[Token], second: Sequence[Token]) -> list[Token]:
    """LAC-style tokens ``base`` with people checked against ``second``.

    Both token lists cover the same sentence; the result covers it too.
    """
    base_spans = _spans(base)
    people = [span for span, tok in zip(_spans(second), second) if tok.tag == PER]

    def overlaps(a: int, b: int) -> list[int]:
        return [i for i, (c, d) in enumerate(base_spans) if c < b and a < d]

    # Longer HanLP names that swallow a LAC person: index of first LAC token -> span.
    replace: dict[int, tuple[int, int]] = {}
    for a, b in people:
        hit = overlaps(a, b)
        per = [i for i in hit if base[i].tag == PER]
        if (per and all(base[i].tag in (PER, OTHER) for i in hit)
                and all(len(base[i].text) >= 2 for i in per)
                and all(a <= base_spans[i][0] and base_spans[i][1] <= b for i in per)
                and any(base_spans[i] != (a, b) for i in per)):
            replace[hit[0]] = (a, b)

    sentence = "".join(t.text for t in base)
    out: list[Token] = []
    i = 0
    while i < len(base):
        if i in replace:
            a, b = replace[i]
            hit = overlaps(a, b)
            first, last = base_spans[hit[0]], base_spans[hit[-1]]
            if first[0] < a:
                out.append(Token(sentence[first[0]:a], OTHER, base[hit[0]].pos))
            out.append(Token(sentence[a:b], PER, PER))
            if b < last[1]:
                out.append(Token(sentence[b:last[1]], OTHER, base[hit[-1]].pos))
            i = hit[-1] + 1
            continue
        tok = base[i]
        if tok.tag == PER and not any(c < base_spans[i][1] and base_spans[i][0] < d for c, d in people):
            tok = Token(tok.text, OTHER, tok.pos)
        out.append(tok)
        i += 1
    return out


class LacHanlpBackend:
    """`--ner lac+hanlp`: LAC, with people confirmed and completed by HanLP 1.x."""

    name = "lac+hanlp"

    def __init__(self, algorithm: str = "nshort", jar: str | os.PathLike | None = None):
        self.lac = LacBackend()
        self.hanlp = HanlpBackend(algorithm=algorithm, jar=jar)

    def tag(self, sentences: Sequence[str]) -> list[list[Token]]:
        return [merge_people(lac, han)
                for lac, han in zip(self.lac.tag(sentences), self.hanlp.tag(sentences))]

"""Sentences tagged by hand, as the NER model would tag them, so that the rules can be tested
without running a model.

``tagged("县委 书记 李云山/PER 主持 会议 。")`` is a ``TaggedSentence`` of those words: a word
is written ``text`` or ``text/TAG``, where TAG is one of the model's entity tags (PER, LOC,
ORG, also written nr, ns, nt) or a part of speech of LAC's tag set (n, v, vn, nz, m, w, p, c,
u, d, r, TIME…). An untagged word is a noun, punctuation ``w``.
"""

from __future__ import annotations

import re

from govkg.extract.ner.base import LOC, ORG, OTHER, PER, Token
from govkg.extract.sentences import TaggedSentence

_COARSE = {"PER": PER, "LOC": LOC, "ORG": ORG, "nr": PER, "ns": LOC, "nt": ORG}
_PUNCTUATION = re.compile(r"^[，。、；：！？“”‘’（）《》·…—,.;:!?()]+$")


def token(word: str) -> Token:
    text, _, tag = word.rpartition("/") if "/" in word[1:] else (word, "", "")
    if not tag:
        tag = "w" if _PUNCTUATION.match(text) else "n"
    return Token(text, _COARSE.get(tag, OTHER), tag)


def tagged(words: str) -> TaggedSentence:
    """A sentence from its words, separated by spaces (see the module's docstring)."""
    tokens = [token(w) for w in words.split()]
    return TaggedSentence("".join(t.text for t in tokens), tokens)

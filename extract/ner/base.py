"""The small interface every NER backend implements.

A backend turns sentences into tokens tagged with govkg's coarse tags. The
governance rules (extract/rules) only ever see these tokens, so a backend
can be swapped (``--ner lac|hanlp|hanlp2``) without touching the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

# Coarse tags the rules understand. Anything else a model emits is kept in
# ``Token.pos`` but tagged OTHER.
PER = "PER"
LOC = "LOC"
ORG = "ORG"
OTHER = "O"


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a sentence: its text, coarse tag and the model's own tag."""

    text: str
    tag: str  # PER, LOC, ORG or O
    pos: str = ""  # a fine tag in LAC's tag set (n, v, nz, u…); backends map theirs onto it


class NerBackend(Protocol):
    """What ``govkg.extract`` needs from a NER model."""

    name: str

    def tag(self, sentences: Sequence[str]) -> list[list[Token]]:
        """Tag each sentence; the tokens of a sentence concatenate back to it."""
        ...

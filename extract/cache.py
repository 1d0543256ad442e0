"""A cache of per-file extraction results, so a re-run redoes only the files that changed.

One entry per input: the pickled ``PageResult`` of that file, stored under
a key that changes whenever anything that could change the result does:

- the file's bytes and base name (the name is in every article id);
- the settings of the run (NER backend and its model, ``--year``);
- govkg's version *and* a fingerprint of the extraction code and lexicons,
  so a developer who edits a rule between two runs of the same version
  does not get yesterday's answers back.

Entries are written atomically (temporary file, then rename) so an
interrupted run never leaves a half-written entry; an entry that cannot be
read back is treated as missing. The cache only ever holds what this user's
own govkg wrote, which is why pickle is acceptable here.

A long text (extract/pieces.py) is kept piece by piece, under its own key a
``PieceManifest`` naming the pieces' entries.

The cache only saves time, so it never stops a run: when it cannot be
written (a full disk, no permission), ``put`` says why once, through
``on_failure``, and the run goes on without it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from govkg import __version__

if TYPE_CHECKING:
    from govkg.extract.records import PageResult

# Bump when the layout of a cache entry changes.
CACHE_FORMAT = 1


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/govkg``, else ``~/.cache/govkg``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govkg"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the extraction code and lexicons (and the schema that shapes ids)."""
    extract_dir = Path(__file__).resolve().parent
    files = sorted(p for p in extract_dir.rglob("*") if p.is_file() and p.suffix in (".py", ".tsv", ".txt"))
    files.append(extract_dir.parent / "graph" / "schema.py")
    digest = hashlib.sha256()
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class PieceManifest:
    """What the cache holds for a long text: the keys of its pieces, where each ends, its length."""

    keys: tuple[str, ...]
    ends: tuple[int, ...]
    total: int


@dataclass
class PageCache:
    """Extraction results on disk, under ``folder/pages/ab/abcdef….pickle``.

    ``failed`` is why it could not be written, once it could not: from then on
    nothing more is written to it (``on_failure`` was told, once).
    """

    folder: Path
    on_failure: Callable[[str], None] | None = None
    failed: str | None = None

    def key(self, data: bytes, name: str, settings_tag: str) -> str:
        """The cache key of one input: content hash plus everything else the result depends on."""
        digest = hashlib.sha256()
        for part in (f"govkg-cache-{CACHE_FORMAT}", __version__, code_fingerprint(), settings_tag, name):
            digest.update(part.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(data).digest())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / "pages" / key[:2] / f"{key}.pickle"

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> "PageResult | PieceManifest | None":
        path = self._path(key)
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a damaged or foreign entry: recompute it (and overwrite it)
            return None

    def put(self, key: str, result: "PageResult | PieceManifest") -> None:
        """Store ``result``; if the cache cannot be written, say so once and write no more."""
        if self.failed is not None:
            return
        path = self._path(key)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError as exc:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            self.failed = f"cannot write the cache in '{self.folder}': {exc.strerror or exc}"
            if self.on_failure is not None:
                self.on_failure(f"{self.failed}; going on without it (--cache-dir to choose another, "
                                "--no-cache to use none)")
        except BaseException:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            raise

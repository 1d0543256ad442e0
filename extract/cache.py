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
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from govkg import __version__
from govkg.errors import GovkgError

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
class PageCache:
    """Extraction results on disk, under ``folder/pages/ab/abcdef….pickle``."""

    folder: Path

    def key(self, data: bytes, name: str, settings_tag: str) -> str:
        """The cache key of one input: content hash plus everything else the result depends on."""
        digest = hashlib.sha256()
        for part in (f"govkg-cache-{CACHE_FORMAT}", __version__, code_fingerprint(), settings_tag, name):
            digest.update(part.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(data).digest())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / "pages" / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> "PageResult | None":
        path = self._path(key)
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a damaged or foreign entry: recompute it (and overwrite it)
            return None

    def put(self, key: str, result: "PageResult") -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=path.parent)
        except OSError as exc:
            raise GovkgError(f"cannot write the cache in '{self.folder}': {exc.strerror or exc} "
                             "(choose another --cache-dir or use --no-cache)") from None
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

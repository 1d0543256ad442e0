"""Finding input files and decoding them: UTF-8 (with or without BOM), GB18030/GBK, Big5."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from govkg.errors import GovkgError
from govkg.extract.records import SourceText

# Encodings govkg accepts. charset-normalizer proposes; we only keep its
# answer when it is one of these families, so a binary file or a stray
# Latin-1 guess is refused instead of turned into mojibake.
_ACCEPTED = {
    "utf_8": "utf-8", "utf_8_sig": "utf-8-sig", "ascii": "utf-8",
    "gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030", "hz": "gb18030",
    "big5": "big5", "big5hkscs": "big5hkscs", "cp950": "big5",
}


class SkippedInput(Exception):
    """An input that is not an error but carries nothing (an empty file): warned and skipped."""


def discover(paths: list[str]) -> list[str]:
    """Expand the command-line paths: files as given, folders recursively (``*.txt``), ``-`` for stdin."""
    if not paths:
        raise GovkgError("no input: give files, folders or '-' for standard input")
    found: list[str] = []
    for raw in paths:
        if raw == "-":
            found.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not files:
                raise GovkgError(f"folder '{raw}' holds no .txt files")
            found.extend(str(p) for p in files)
        elif path.is_file():
            found.append(str(path))
        elif path.exists():
            raise GovkgError(f"cannot read '{raw}': not a regular file")
        else:
            raise GovkgError(f"cannot read '{raw}': no such file or folder")
    return found


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8, GB18030 or Big5; return (text, encoding)."""
    if b"\x00" in data[:8192]:
        raise GovkgError(f"cannot read '{name}': a binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "big5hkscs", "cp950"]).best()
    encoding = _ACCEPTED.get(best.encoding) if best is not None else None
    if encoding is None:
        raise GovkgError(f"cannot read '{name}': not UTF-8, GB18030 or Big5 text")
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        raise GovkgError(f"cannot read '{name}': not UTF-8, GB18030 or Big5 text") from None


def read_source(path: str) -> SourceText:
    """Read one input; raise SkippedInput for an empty file, GovkgError for a bad one."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "stdin.txt"
    else:
        name = Path(path).name
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise GovkgError(f"cannot read '{path}': {exc.strerror or exc}") from None
    text, encoding = decode(data, path if path != "-" else "standard input")
    if not text.strip():
        raise SkippedInput(f"'{path}' is empty")
    return SourceText(name=name, text=text, encoding=encoding, path=None if path == "-" else path)


def iter_sources(paths: list[str]) -> Iterator[SourceText | SkippedInput]:
    """Read inputs lazily, one at a time, so memory does not grow with the corpus."""
    for path in paths:
        try:
            yield read_source(path)
        except SkippedInput as skipped:
            yield skipped

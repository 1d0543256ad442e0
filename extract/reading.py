"""Finding input files and turning each into text: plain text in its encoding, a PDF, a saved web page.

Whatever the input, the splitter (govkg.extract.articles) gets text: a PDF's
pages in reading order, each ended by a form feed (govkg.extract.pdf_layout);
a web page as its title, its 发布时间/来源 line and its paragraphs
(govkg.extract.html_page). A file is a PDF when its bytes say so (``%PDF-``),
a web page when its name ends in .html/.htm or its text opens with
``<!DOCTYPE html>``/``<html``, else text.

Text is UTF-8 (with or without BOM), UTF-16/UTF-32 with a BOM, GB18030/GBK
or Big5. A file that is mostly UTF-8 but has a few bad bytes is refused with
the offset of the first one, unless ``errors="replace"`` (``--errors
replace``) puts U+FFFD in their place; so is a NUL byte, wherever it falls.
A file that is mostly NULs or in no accepted encoding is refused as binary.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterator
from pathlib import Path

from govkg.errors import GovkgError
from govkg.extract.records import SourceText

# What a folder is searched for.
INPUT_SUFFIXES = (".txt", ".pdf", ".html", ".htm")
# How bytes that do not decode are handled: refused, or replaced by U+FFFD.
ERRORS = ("strict", "replace")

# Encodings govkg accepts. charset-normalizer proposes; we only keep its
# answer when it is one of these families, so a binary file or a stray
# Latin-1 guess is refused instead of turned into mojibake.
_ACCEPTED = {
    "utf_8": "utf-8", "utf_8_sig": "utf-8-sig", "ascii": "utf-8",
    "gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030", "hz": "gb18030",
    "big5": "big5", "big5hkscs": "big5hkscs", "cp950": "big5",
}
# Byte-order marks and the codec of the bytes after them; UTF-32 first, its little-endian BOM
# starts with UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# A text with stray bytes has a few, or at most one bad byte in this many; a binary file has
# more than one control byte in this many.
_STRAY_SHARE = 1000
_BINARY_SHARE = 20
_CONTROL = (*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20))


class SkippedInput(Exception):
    """An input that is not an error but carries nothing (an empty file): warned and skipped."""


def discover(paths: list[str]) -> list[str]:
    """Expand the command-line paths: files as given, folders recursively (.txt, .pdf, .html, .htm),
    ``-`` for stdin."""
    if not paths:
        raise GovkgError("no input: give files, folders or '-' for standard input")
    found: list[str] = []
    for raw in paths:
        if raw == "-":
            found.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in INPUT_SUFFIXES and p.is_file())
            if not files:
                raise GovkgError(f"folder '{raw}' holds no .txt, .pdf or .html files")
            found.extend(str(p) for p in files)
        elif path.is_file():
            found.append(str(path))
        elif path.exists():
            raise GovkgError(f"cannot read '{raw}': not a regular file")
        else:
            raise GovkgError(f"cannot read '{raw}': no such file or folder")
    return found


#: The years a --year (or --date) can name: local news, not history or a typing slip.
YEARS = (1900, 2100)


def check_year(year: int | None) -> int | None:
    """``year`` itself, when it is a year news can be dated by (``YEARS``)."""
    if year is not None and not YEARS[0] <= year <= YEARS[1]:
        raise GovkgError(f"--year {year} is not a year of news (from {YEARS[0]} to {YEARS[1]})")
    return year


def check_errors(errors: str) -> str:
    if errors not in ERRORS:
        raise GovkgError(f"--errors {errors!r}: choose one of {', '.join(ERRORS)}")
    return errors


def _bad_utf8(data: bytes) -> tuple[int, int] | None:
    """(offset of the first bad byte, number of bad bytes) when ``data`` is not valid UTF-8."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        first = exc.start
    text = data.decode("utf-8", errors="surrogateescape")  # each bad byte becomes one lone surrogate
    return first, sum(1 for ch in text if "\udc80" <= ch <= "\udcff")


def _check_nul(text: str, data: bytes, name: str, encoding: str, errors: str) -> str:
    """A NUL is no character of any text: refused, or replaced, wherever it falls."""
    at = text.find("\x00")
    if at < 0:
        return text
    if errors == "replace":
        return text.replace("\x00", "\ufffd")
    # The bytes after the NUL, counted back from the end, give its offset in any encoding.
    offset = len(data) - len(text[at:].encode(encoding))
    raise GovkgError(f"cannot read '{name}': a NUL byte at offset {offset}, which no text has "
                     "(add --errors replace to read it anyway)")


def decode(data: bytes, name: str, errors: str = "strict") -> tuple[str, str]:
    """Decode bytes as UTF-8/16/32, GB18030 or Big5; return (text, encoding)."""
    failed: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding, errors=errors)
            except UnicodeDecodeError as exc:  # FF FE 00 00 may be UTF-16 after all: try the next mark
                failed = failed or (f"cannot read '{name}': bytes at offset {len(bom) + exc.start} are not "
                                    f"valid {encoding[:6].upper()} (add --errors replace to read it anyway)")
                continue
            return _check_nul(text, data, name, encoding, errors), encoding
    if failed:
        raise GovkgError(failed)
    # Control bytes other than tab, line and page breaks and escape: a few are stray, many are binary.
    if sum(data.count(bytes([b])) for b in _CONTROL) * _BINARY_SHARE > len(data):
        raise GovkgError(f"cannot read '{name}': a binary file, not text")
    nuls = data.count(b"\x00")
    bad = _bad_utf8(data)
    if bad is None:
        return _check_nul(data.decode("utf-8"), data, name, "utf-8", errors), "utf-8"
    first, count = bad
    # A UTF-8 text with a stray byte or two: mostly valid multi-byte characters.
    multibyte = sum(1 for b in data if b >= 0xC0) - count
    if count <= max(4, len(data) // _STRAY_SHARE) and multibyte >= 10 * count:
        if errors == "replace":
            return _check_nul(data.decode("utf-8", errors="replace"), data, name, "utf-8", errors), "utf-8"
        raise GovkgError(f"cannot read '{name}': byte 0x{data[first]:02X} at offset {first} is not valid "
                         f"UTF-8 ({count} bad byte{'s' if count != 1 else ''} in the file); add --errors replace "
                         "to read it with U+FFFD in their place")
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "big5hkscs", "cp950"]).best()
    encoding = _ACCEPTED.get(best.encoding) if best is not None else None
    if encoding is None:
        if nuls:
            raise GovkgError(f"cannot read '{name}': a binary file, not text")
        raise GovkgError(f"cannot read '{name}': not UTF-8, GB18030 or Big5 text")
    try:
        return _check_nul(data.decode(encoding, errors=errors), data, name, encoding, errors), encoding
    except UnicodeDecodeError:
        raise GovkgError(f"cannot read '{name}': not UTF-8, GB18030 or Big5 text") from None


def input_kind(data: bytes, name: str) -> str:
    """'pdf', 'html' or 'text', from the bytes first and the name second."""
    if b"%PDF-" in data[:1024] or name.lower().endswith(".pdf"):
        return "pdf"
    if name.lower().endswith((".html", ".htm")):
        return "html"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"


def to_source(data: bytes, path: str, name: str, errors: str = "strict") -> SourceText:
    """One input's bytes as the text the splitter reads. ``path`` is '-' for standard input."""
    shown = "standard input" if path == "-" else path
    kind = input_kind(data, name)
    if kind == "pdf":
        from govkg.extract.pdf_layout import pdf_text

        text, encoding = pdf_text(data, shown), "pdf"
    elif kind == "html":
        from govkg.extract.html_page import page_text

        text, encoding = page_text(data, shown, errors)
    else:
        text, encoding = decode(data, shown, errors)
    return SourceText(name=name, text=text, encoding=encoding, path=None if path == "-" else path)


def read_source(path: str, errors: str = "strict") -> SourceText:
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
    source = to_source(data, path, name, errors)
    if not source.text.strip():
        raise SkippedInput(f"'{path}' is empty")
    return source


def iter_sources(paths: list[str], errors: str = "strict") -> Iterator[SourceText | SkippedInput]:
    """Read inputs lazily, one at a time, so memory does not grow with the corpus."""
    for path in paths:
        try:
            yield read_source(path, errors)
        except SkippedInput as skipped:
            yield skipped

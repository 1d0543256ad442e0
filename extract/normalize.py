"""Text rules that undo newspaper and PDF layout noise. Pure functions, tested one by one."""

from __future__ import annotations

import re
from functools import lru_cache

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width punctuation that never takes a space beside it in Chinese text.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉「」『』【】…—·"
_CJK_OR_PUNCT = f"[{CJK}{CJK_PUNCT}]"

# Characters that end a sentence (possibly followed by closing quotes/brackets).
SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)》"

_SPACED_PAIR = re.compile(f"[{CJK}] [{CJK}]")
# A two-character name an aligned list pads to the width of three (委员：王 芳、吴海敏): between
# punctuation, one character, the padding, one character.
_ALIGNED_NAME = re.compile(f"(?:(?<=[：:、，,；;（(])|^)([{CJK}])[ \u3000]+([{CJK}])(?=[、，,；;。）)]|$)")
_LONE_CHARACTER = re.compile(f"(?:^|(?<=[ \\t]))[{CJK}](?=[ \\t]|$)")
_SPACE_AROUND_PUNCT = re.compile(f"\\s+(?=[{CJK_PUNCT}])|(?<=[{CJK_PUNCT}])\\s+")
_SPACE_CJK_CJK = re.compile(f"(?<=[{CJK}])[ \\t]+(?=[{CJK}])")
_SPACE_DIGIT_CJK = re.compile(f"(?<=[0-9%])[ \\t]+(?=[{CJK}])|(?<=[{CJK}])[ \\t]+(?=[0-9])")
_MULTI_SPACE_CJK = re.compile(f"(?<=[{CJK}])[ \\t]{{2,}}(?=[{CJK}])")
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_PUNCT_NEAR_CJK = re.compile(f"(?<=[{CJK}])[,;:?!()]|[()](?=[{CJK}])")


def to_halfwidth_alnum(text: str) -> str:
    """Full-width digits, Latin letters and the ideographic space become ASCII."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A \
                or ch in "％＋－．／":
            out.append(chr(code - 0xFEE0))
        elif ch == "\u3000" or ch == "\u00a0":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def unify_punctuation(text: str) -> str:
    """Half-width punctuation written beside Chinese characters becomes full-width."""
    return _HALF_PUNCT_NEAR_CJK.sub(lambda m: _HALF_TO_FULL[m.group()], text)


def is_spaced_line(line: str) -> bool:
    """A line typeset with spaces between its characters ("规 划 、手 续"): two characters or more
    stand alone between spaces (not words a space separates: "记者 王建国 李小宁")."""
    return len(_SPACED_PAIR.findall(line)) >= 2 and len(_LONE_CHARACTER.findall(line)) >= 2


def squeeze_spaces(line: str) -> str:
    """Remove layout spaces from one line, keeping those that separate words.

    Spaces next to Chinese punctuation and between a number and a Chinese
    character are always noise. Between two Chinese characters a space is
    noise on a spaced-out line; on an ordinary line a single space is kept,
    because there it separates (a headline's two halves, two issuing bodies
    in a document title). Numbers and Latin words keep their spaces.
    """
    line = line.strip()
    if is_spaced_line(line):
        line = _SPACE_CJK_CJK.sub("", line)
    else:
        line = _MULTI_SPACE_CJK.sub(" ", line)
        line = _ALIGNED_NAME.sub(r"\1\2", line)
    line = _SPACE_AROUND_PUNCT.sub("", line)
    line = _SPACE_DIGIT_CJK.sub("", line)
    return re.sub(r"[ \t]{2,}", " ", line)


def normalize_line(line: str) -> str:
    return squeeze_spaces(unify_punctuation(to_halfwidth_alnum(line)))


# A line that opens with a span of dates written as a résumé writes them (1995.03—2001.06,
# 2011.12—) is an entry of one (running text writes 1995年3月, and may wrap before it).
_DATED_ENTRY = re.compile(r"(?:19|20)\d{2}\.\d{1,2}\s*[—–\-~～至到]")
_ENDS_A_CLAUSE = "。！？；;，,：:"


# A line of a form (任前公示 written as a table): 姓名：李某 / 现任职务：… / 拟任职务：…. Its fields are
# the clauses of one sentence, and a new 姓名 opens the next.
_FORM_FIELD = re.compile(r"^(姓\s*名|性\s*别|民\s*族|籍\s*贯|出生年月|出生日期|参加工作时间|入党时间|学\s*历|学\s*位|"
                         r"现任职务|现职务|现任|拟任职务|拟任|拟提名|任职时间|工作单位)\s*[：:]")


def join_lines(lines: list[str]) -> str:
    """Join lines broken at column width into running text.

    Chinese needs no space at a line break; two Latin words or numbers do. A line that opens a
    résumé's entry (1995.03—2001.06 某镇党委书记) is a clause of its own: a semicolon ends the one
    before it, as a résumé written in one paragraph would.
    """
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and _DATED_ENTRY.match(line) and out[-1] not in _ENDS_A_CLAUSE:
            out += "；"
        elif out and _FORM_FIELD.match(line) and out[-1] not in _ENDS_A_CLAUSE:
            out += "。" if re.match(r"姓\s*名", line) else "，"
        elif out and re.match(r"[A-Za-z0-9]", line) and re.search(r"[A-Za-z0-9]$", out):
            out += " "
        out += line
    return out


def normalize_text(text: str) -> str:
    """Normalise a block of body text: per-line rules, then join broken lines."""
    return join_lines([normalize_line(l) for l in text.splitlines()])


def strip_quotes(name: str) -> str:
    """Quotation and book-title marks are not part of a name."""
    return re.sub("[“”‘’\"'《》〈〉「」『』]", "", name).strip()


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Simplified-character text with exactly the same length as ``text``.

    Rules and the NER model work on the simplified text; because the offsets
    are the same, names are cut out of the original text and keep the
    characters they were written in. Phrase conversions that change the
    length are redone character by character.
    """
    # (the rules convert the same short names and words again and again: those are remembered)
    return _simplified_word(text) if len(text) <= 12 else _simplified(text)


@lru_cache(maxsize=16384)
def _simplified_word(text: str) -> str:
    return _simplified(text)


def _simplified(text: str) -> str:
    converter = _t2s()
    simple = converter.convert(text)
    if len(simple) == len(text):
        return simple
    out = []
    for ch in text:
        conv = converter.convert(ch)
        out.append(conv if len(conv) == 1 else ch)
    return "".join(out)


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def in_script_of(reference: str, text: str) -> str:
    """``text`` (simplified) in traditional characters when ``reference`` is written so.

    Names composed by the rules (衛東區 + 党工委) then stay in one script. A long text is
    traditional when a good share of its characters are (a quarter in real traditional text): one
    variant character (啟 in a simplified story) does not make it so.
    """
    if not reference:
        return text
    changed = sum(a != b for a, b in zip(reference, to_simplified(reference)))
    if changed and (len(reference) < _SHORT_REFERENCE or changed >= _TRADITIONAL_SHARE * len(reference)):
        return _s2t().convert(text)
    return text


_SHORT_REFERENCE = 30  # a name or a phrase: one traditional character says how it is written
_TRADITIONAL_SHARE = 0.03

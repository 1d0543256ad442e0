"""A saved web page → its article as text: the title, one header line (发布时间/来源/作者), the paragraphs.

The article's text is found by trafilatura, which leaves out navigation,
breadcrumbs, share bars, related links and footers. The date, source and
author come from the page itself, never from a guess: the meta tags of
Chinese government sites (PubDate, ContentSource, Author…) and of the web
at large (article:published_time…), and the page's own 发布时间/来源 line;
trafilatura's date is not used, because on a county site's page it is as
likely to be a related link's date. What is returned reads like a clean
text of the page, so ``articles.split_page`` takes the title first and the
header line as the article's date, outlet and credits, as it does for a .txt.

The page is decoded by its BOM, else the charset its meta tag declares
(GB2312/GBK pages are read as GB18030, their superset), else as a text file.
"""

from __future__ import annotations

import re

from govkg.errors import GovkgError
from govkg.extract.reading import decode

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_ENCODINGS = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030",
              "big5": "big5", "utf-8": "utf-8", "utf8": "utf-8"}
# Meta tags that name the page's date, source and author (government-site standard first).
_DATE_META = ("pubdate", "publishdate", "publish_date", "article:published_time", "datepublished",
              "og:release_date", "dc.date", "dcterms.created", "date")
_SOURCE_META = ("contentsource", "source")
_AUTHOR_META = ("author", "article:author")
# The page's header line: 发布时间：2021-09-22 10:30 来源：… (keys as in articles.META_LINE).
_INFO_KEYS = re.compile(r"(发布时间|发布日期|发表时间|日期|时间|来源|信息来源|文章来源|作者)\s*[:：]")
# What a header line also holds that says nothing about the article.
_NOISE = re.compile(r"(浏览次数|浏览量|点击数|点击量|阅读量|阅读次数|访问量|访问次数)\s*[:：]\s*\d*"
                    r"|【?\s*(字体|字号)\s*[:：][^】]*】?|【[^】]*(打印|关闭|收藏)[^】]*】|分享到\s*[:：]?.*$")


def decode_html(data: bytes, name: str, errors: str = "strict") -> tuple[str, str]:
    """The page as text: by its BOM, else its declared charset, else as a text file is read."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _DECLARED.search(data[:4096])
        encoding = _ENCODINGS.get(declared.group(1).decode("ascii").lower()) if declared else None
        if encoding is not None:
            try:
                return data.decode(encoding, errors=errors), encoding
            except UnicodeDecodeError:
                pass  # mislabelled (a UTF-8 page that says gb2312): detect it as a text file would be
    return decode(data, name, errors)


def _meta(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("name") or element.get("property") or element.get("itemprop") or "").strip().lower()
        value = (element.get("content") or "").strip()
        if key and value:
            found.setdefault(key, value)
    return found


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((meta[k] for k in keys if meta.get(k)), "")


def _squeeze(text: str) -> str:
    return re.sub(r"[ \t\r\n\u00a0]+", " ", text).strip()


def _info_line(tree) -> str:
    """The page's 发布时间/来源 line: the element with the most header fields in a short text."""
    best, best_key = "", (0, 0)
    body = tree.find("body")
    for element in (body if body is not None else tree).iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        text = _squeeze(element.text_content())
        if len(text) > 160:
            continue
        fields = len(_INFO_KEYS.findall(text))
        if fields and (fields, -len(text)) > best_key:
            best, best_key = text, (fields, -len(text))
    return _squeeze(_NOISE.sub(" ", best))


def page_text(data: bytes, name: str, errors: str = "strict") -> tuple[str, str]:
    """(text, encoding) of a saved web page's article."""
    import lxml.html
    import trafilatura

    page, encoding = decode_html(data, name, errors)
    try:
        tree = lxml.html.document_fromstring(page)
    except Exception:  # lxml refuses an empty or tag-less document
        raise GovkgError(f"cannot read '{name}': no HTML page in it") from None
    meta = _meta(tree)
    doc = trafilatura.bare_extraction(page, include_comments=False, include_tables=False,
                                      favor_precision=True, with_metadata=True)
    if doc is None or not (doc.text or "").strip():
        doc = trafilatura.bare_extraction(page, include_comments=False, favor_recall=True, with_metadata=True)
    if doc is None or not (doc.text or "").strip():
        raise GovkgError(f"cannot read '{name}': no article text found in the page")
    h1 = tree.find(".//h1")
    title = _squeeze(meta.get("articletitle") or (h1.text_content() if h1 is not None else "") or doc.title or "")
    info = _info_line(tree)
    # What the meta tags say and the page's line does not.
    extra = [f"{key}：{value}" for key, keys, value in (
        ("发布时间", ("发布时间", "发布日期", "发表时间", "日期", "时间"), _first(meta, _DATE_META)),
        ("来源", ("来源", "信息来源", "文章来源"), _first(meta, _SOURCE_META)),
        ("作者", ("作者",), _first(meta, _AUTHOR_META)),
    ) if value and not any(k + "：" in info or k + ":" in info for k in keys)]
    header = "　".join(x for x in [*extra, info] if x)
    lines = [_squeeze(line) for line in doc.text.splitlines()]
    lines = [line for line in lines if line and line not in (title, info)]
    return "\n".join(x for x in [title, header, *lines] if x) + "\n", encoding

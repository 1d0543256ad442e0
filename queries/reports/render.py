"""A ``queries.reports.Report`` as Markdown, JSON or one self-contained HTML page.

Every claim is followed by its evidence: the sentence, then the article's
title and date. Markdown and HTML show the first ``MAX_SHOWN`` pieces of
evidence per claim and say how many more there are; JSON carries them all.

The HTML page embeds the subject's network, drawn by ``graph/view.py`` (the
``govkg view`` page, with its own Content-Security-Policy), in an
``<iframe srcdoc>``: the report page itself runs no script, and text from the
graph reaches it only through the template's autoescaping.
"""

from __future__ import annotations

import dataclasses
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from govkg.queries.reports.model import Citation, Item, Report, Section

MAX_SHOWN = 3


# ----------------------------------------------------------------- JSON

def to_data(report: Report) -> dict[str, Any]:
    """The report as plain data (what ``--format json`` prints); the view spec is left out."""
    return {
        "kind": report.kind,
        "title": report.title,
        "subject": [dataclasses.asdict(n) for n in report.subject],
        "summary": list(report.summary),
        "sections": [_section_data(s) for s in report.sections],
    }


def _section_data(section: Section) -> dict[str, Any]:
    return {"title": section.title, "note": section.note,
            "items": [dataclasses.asdict(i) for i in section.items],
            "sections": [_section_data(s) for s in section.sections]}


def render_json(report: Report) -> str:
    return json.dumps(to_data(report), ensure_ascii=False, indent=1) + "\n"


# ----------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    """Graph text as literal Markdown: no name can open a link, emphasis or HTML tag."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def quoted(sentence: str) -> str:
    """The sentence in quotation marks, unless it is already a quotation (“……”)."""
    whole = sentence[:1] in "“「『" and sentence[-1:] in "”」』"
    return sentence if whole else f"“{sentence}”"


def cite_text(cite: Citation) -> tuple[str, str]:
    """(sentence or '', '《title》 2020-06-05') for one citation."""
    art = cite.article
    title = art.title or f"untitled, {art.id.removeprefix('article:')}"
    return cite.sentence, f"《{title}》" + (f" {art.date}" if art.date else "")


def render_markdown(report: Report) -> str:
    lines = [f"# {md_escape(report.title)}", ""]
    for line in report.summary:
        lines.append(md_escape(line).replace("\\`", "`") + "  ")
    if report.summary:
        lines.append("")
    for section in report.sections:
        _md_section(section, 2, lines)
    return "\n".join(lines).rstrip() + "\n"


def _md_section(section: Section, depth: int, lines: list[str]) -> None:
    lines.append(f"{'#' * depth} {md_escape(section.title)}")
    lines.append("")
    if section.note:
        lines.append(f"*{md_escape(section.note)}*")
        lines.append("")
    for item in section.items:
        _md_item(item, lines)
    if section.items:
        lines.append("")
    for sub in section.sections:
        _md_section(sub, min(depth + 1, 6), lines)


def _md_item(item: Item, lines: list[str]) -> None:
    pad = "  " * item.level
    text = md_escape(item.text)
    if item.note:
        text += f" *({md_escape(item.note)})*"
    lines.append(f"{pad}- {text}")
    for cite in item.evidence[:MAX_SHOWN]:
        sentence, where = cite_text(cite)
        shown = f"{md_escape(quoted(sentence))} — " if sentence else "(no single sentence) — "
        lines.append(f"{pad}  > {shown}{md_escape(where)}")
        lines.append(f"{pad}  >")
    if item.evidence:
        lines.pop()  # no empty quote line after the last citation
    if len(item.evidence) > MAX_SHOWN:
        lines.append(f"{pad}  > … and {len(item.evidence) - MAX_SHOWN} more")


# ----------------------------------------------------------------- HTML

TEMPLATES = Path(__file__).with_name("templates")


def _code_spans(text: str) -> Markup:
    """A summary line with its `id` spans as <code>, everything else escaped."""
    return Markup(re.sub(r"`([^`]*)`", r"<code>\1</code>", str(escape(text))))


def _where(cite: Citation) -> str:
    return cite_text(cite)[1]


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters.update(quoted=quoted, where=_where, code_spans=_code_spans)
    return env


def render_html(report: Report, view_html: str | None = None) -> str:
    """The report as one page (templates/report.html); ``view_html`` (a whole ``govkg view``
    page) goes in an iframe."""
    return _environment().get_template("report.html").render(
        report=report, view_html=view_html, max_shown=MAX_SHOWN,
        css=Markup((TEMPLATES / "report.css").read_text("utf-8")))


def view_page(source, report: Report) -> str | None:
    """The ``govkg view`` page of the report's network (``report.view``), as a string."""
    if report.view is None or not report.view.ids:
        return None
    from govkg.graph import schema
    from govkg.graph.view import ViewOptions, articles_of, build_network, select
    from govkg.graph.view import render_html as render_view
    from govkg.graph.view_layout import layout

    graph = source.subgraph(report.view.ids)
    opts = ViewOptions(title=report.title)
    selection = select(graph, opts)
    selection.focus_ids = [f for f in report.view.focus if f in graph]
    # Cited articles outside the network still need a title and date in the evidence panel.
    cited = {ev.get("article") for _, _, d in graph.edges(data=True)
             for ev in (d.get("evidence") or []) if isinstance(ev, dict)}
    lookup = graph.copy()
    for aid, info in source.articles(a for a in cited if a and a not in graph).items():
        lookup.add_node(aid, label=schema.ARTICLE, title=info.title, date=info.date, source=info.source)
    data = build_network(selection, opts, layout(selection.graph))
    return render_view(data, selection, opts, articles_of(selection.graph, lookup))

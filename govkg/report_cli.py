"""``govkg report``: relationship reports as Markdown, JSON or HTML (queries/reports/).

Every subcommand reads ``--graph`` or, with ``--neo4j``, the server, and
writes ``--format`` or ``-o FILE`` (its suffix choosing), as every govkg
command does (govkg/options.py). Heavy modules are imported inside the
commands, keeping ``govkg --help`` fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from govkg.options import (
    GRAPH_OPTION, NEO4J_DATABASE_OPTION, NEO4J_FLAG, NEO4J_PASSWORD_OPTION, NEO4J_URI_OPTION,
    NEO4J_USER_OPTION, format_option, neo4j_target, output_format, result_output_option,
    write_or_print,
)
from govkg.queries.helpers import DEFAULT_PATH_LENGTH, MAX_PATH_LENGTH

REPORT_FORMATS = {"markdown": (".md", ".markdown"), "json": (".json",), "html": (".html", ".htm")}

report_app = typer.Typer(help="Relationship reports on a person, body, place or program, a person's "
                              "career or a post's holders over time, a path between two entities, or "
                              "the whole graph; every claim with its evidence.",
                         no_args_is_help=True)

OUTPUT_OPTION = result_output_option("the report")
FORMAT_OPTION = format_option(list(REPORT_FORMATS), "markdown")
ID_OPTION = typer.Option([], "--id", metavar="NODE_ID", help="Choose among nodes sharing a name "
                         "(the ids an ambiguous name lists). Repeatable for 'path'.")
TOP_OPTION = typer.Option(10, "--top", min=1, help="How many co-mentions / ranked entries to list.")
BYLINES_OPTION = typer.Option(False, "--via-bylines", help="Let paths and rankings go through bylines "
                              "(AUTHORED, press posts such as 记者/通讯员).")


def _run(kind: str, names: list[Optional[str]], ids: list[str], graph: Path, output: Optional[Path],
         fmt: Optional[str], neo4j: bool, uri: str, user: str, password: Optional[str],
         database: str, **options) -> None:
    from govkg.queries.reports import build_report
    from govkg.queries.reports.render import render_html, render_json, render_markdown, view_page

    from govkg.graph.graphfile import Inputs, check_output, is_stdout

    chosen = output_format(output, fmt, REPORT_FORMATS, "markdown")
    output = None if is_stdout(output) else output
    inputs = Inputs() if neo4j else Inputs.of(graph)
    if output is not None:
        check_output(output, inputs)
    if neo4j:
        from govkg.queries.neo4j.source import Neo4jSource

        source = Neo4jSource.connect(neo4j_target(uri, user, password, database))
    else:
        from govkg.graph.graphfile import read_graph
        from govkg.queries.reports.source import LocalSource

        source = LocalSource.from_graph(read_graph(graph))
    try:
        report = build_report(source, kind, names, ids, **options)
        if chosen == "html":
            text = render_html(report, view_page(source, report))
        elif chosen == "json":
            text = render_json(report)
        else:
            text = render_markdown(report)
    finally:
        source.close()
    if output is None and chosen == "markdown" and sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        from govkg.queries.output import shortened
        from govkg.terminal import for_terminal

        # Read on the terminal: a line of millions of characters is cut short there (-o FILE has it all).
        lines = (shortened(line, "-o FILE or --format json gives all") for line in text.split("\n"))
        Console(emoji=False).print(Markdown(for_terminal("\n".join(lines))))
    else:
        write_or_print(text, output, f"{report.title} ({chosen})", inputs)


@report_app.command()
def person(
    name: Optional[str] = typer.Argument(None, help="The person's name (or alias, or node id)."),
    ids: list[str] = ID_OPTION, graph: Path = GRAPH_OPTION, output: Optional[Path] = OUTPUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION, top: int = TOP_OPTION, neo4j: bool = NEO4J_FLAG,
    uri: str = NEO4J_URI_OPTION, user: str = NEO4J_USER_OPTION,
    password: Optional[str] = NEO4J_PASSWORD_OPTION, database: str = NEO4J_DATABASE_OPTION,
) -> None:
    """Posts held, bodies and places, programs and people around a person, with evidence.

    Examples:

    govkg report person 夏宏亮

    govkg report person 夏宏亮 --graph graph.json -o xiahongliang.html
    """
    _run("person", [name], ids, graph, output, fmt, neo4j, uri, user, password, database, top=top)


@report_app.command()
def org(
    name: Optional[str] = typer.Argument(None, help="The body's name (or alias, or node id)."),
    ids: list[str] = ID_OPTION, graph: Path = GRAPH_OPTION, output: Optional[Path] = OUTPUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION, neo4j: bool = NEO4J_FLAG,
    uri: str = NEO4J_URI_OPTION, user: str = NEO4J_USER_OPTION,
    password: Optional[str] = NEO4J_PASSWORD_OPTION, database: str = NEO4J_DATABASE_OPTION,
) -> None:
    """Where a body sits, its departments, who holds posts in it, its programs and partners.

    Examples:

    govkg report org 桂园路街道党工委 -o party.md
    """
    _run("org", [name], ids, graph, output, fmt, neo4j, uri, user, password, database)


@report_app.command()
def place(
    name: Optional[str] = typer.Argument(None, help="The place's name (or alias, or node id)."),
    ids: list[str] = ID_OPTION, graph: Path = GRAPH_OPTION, output: Optional[Path] = OUTPUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION, neo4j: bool = NEO4J_FLAG,
    uri: str = NEO4J_URI_OPTION, user: str = NEO4J_USER_OPTION,
    password: Optional[str] = NEO4J_PASSWORD_OPTION, database: str = NEO4J_DATABASE_OPTION,
) -> None:
    """Who's who of a territory: every post in it and its sub-territories, grouped by body.

    Examples:

    govkg report place 澄湖区 --format json
    """
    _run("place", [name], ids, graph, output, fmt, neo4j, uri, user, password, database)


@report_app.command()
def program(
    name: Optional[str] = typer.Argument(None, help="The program's name (or alias, or node id)."),
    ids: list[str] = ID_OPTION, graph: Path = GRAPH_OPTION, output: Optional[Path] = OUTPUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION, neo4j: bool = NEO4J_FLAG,
    uri: str = NEO4J_URI_OPTION, user: str = NEO4J_USER_OPTION,
    password: Optional[str] = NEO4J_PASSWORD_OPTION, database: str = NEO4J_DATABASE_OPTION,
) -> None:
    """Who runs or received a program, where they sit, and their officials.

    Examples:

    govkg report program 重点项目制度
    """
    _run("program", [name], ids, graph, output, fmt, neo4j, uri, user, password, database)


@report_app.command()
def career(
    name: Optional[str] = typer.Argument(None, help="The person's name (or alias, or node id)."),
    ids: list[str] = ID_OPTION, graph: Path = GRAPH_OPTION, output: Optional[Path] = OUTPUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION, neo4j: bool = NEO4J_FLAG,
    uri: str = NEO4J_URI_OPTION, user: str = NEO4J_USER_OPTION,
    password: Optional[str] = NEO4J_PASSWORD_OPTION, database: str = NEO4J_DATABASE_OPTION,
) -> None:
    """A person's posts over time: body, start and end, the events that open and close each
    tenure (appointed, elected, moved, removed …), first and last seen, every line with its
    sentence and article date.

    Examples:

    govkg report career 孟庆安

    govkg report career 孟庆安 --format json -o mengqingan-career.json
    """
    _run("career", [name], ids, graph, output, fmt, neo4j, uri, user, password, database)


@report_app.command()
def post(
    name: Optional[str] = typer.Argument(None, help="The post as written (卫东区委书记), an alias, "
                                         "or its node id (role:…)."),
    ids: list[str] = ID_OPTION, graph: Path = GRAPH_OPTION, output: Optional[Path] = OUTPUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION, neo4j: bool = NEO4J_FLAG,
    uri: str = NEO4J_URI_OPTION, user: str = NEO4J_USER_OPTION,
    password: Optional[str] = NEO4J_PASSWORD_OPTION, database: str = NEO4J_DATABASE_OPTION,
) -> None:
    """The holders of one post in order (with its acting forms: 代区长 for 区长), their dates
    and evidence, and the gaps where the corpus names no holder.

    Examples:

    govkg report post 澄湖区委书记

    govkg report post --id role:澄湖区人民政府/代区长 -o acting-head.html
    """
    _run("post", [name], ids, graph, output, fmt, neo4j, uri, user, password, database)


@report_app.command()
def path(
    a: str = typer.Argument(..., help="One entity (name, alias or node id)."),
    b: str = typer.Argument(..., help="The other entity."),
    max_length: int = typer.Option(DEFAULT_PATH_LENGTH, "--max-length", min=1, max=MAX_PATH_LENGTH,
                                   help="Longest path to look for (see govkg query --help, helper connect)."),
    via_bylines: bool = BYLINES_OPTION,
    ids: list[str] = ID_OPTION, graph: Path = GRAPH_OPTION, output: Optional[Path] = OUTPUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION, neo4j: bool = NEO4J_FLAG,
    uri: str = NEO4J_URI_OPTION, user: str = NEO4J_USER_OPTION,
    password: Optional[str] = NEO4J_PASSWORD_OPTION, database: str = NEO4J_DATABASE_OPTION,
) -> None:
    """How two entities are connected: the shortest chains of relations, each hop with evidence.

    Examples:

    govkg report path 夏宏亮 邵文博

    govkg report path 夏宏亮 孟庆安 --neo4j
    """
    _run("path", [a, b], ids, graph, output, fmt, neo4j, uri, user, password, database,
         max_length=max_length, via_bylines=via_bylines)


@report_app.command()
def overview(
    graph: Path = GRAPH_OPTION, output: Optional[Path] = OUTPUT_OPTION,
    fmt: Optional[str] = FORMAT_OPTION, top: int = TOP_OPTION, via_bylines: bool = BYLINES_OPTION,
    neo4j: bool = NEO4J_FLAG, uri: str = NEO4J_URI_OPTION, user: str = NEO4J_USER_OPTION,
    password: Optional[str] = NEO4J_PASSWORD_OPTION, database: str = NEO4J_DATABASE_OPTION,
) -> None:
    """Counts, most connected people and bodies, the territorial tree, programs by runners.

    Examples:

    govkg report overview -o overview.html
    """
    _run("overview", [], [], graph, output, fmt, neo4j, uri, user, password, database, top=top,
         via_bylines=via_bylines)

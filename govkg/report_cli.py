"""``govkg report``: relationship reports as Markdown, JSON or HTML (queries/reports.py).

The commands are built by ``build_report_app`` from the Neo4j options and the
connection helper that ``govkg/cli.py`` defines once for every command, so
``report --neo4j`` takes the same ``--uri/--user/--password/--database`` flags
and ``NEO4J_*`` variables as ``load``, ``view`` and ``query``. Heavy modules
are imported inside the commands, keeping ``govkg --help`` fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Optional

import typer

from govkg.errors import GovkgError

FORMATS = ("markdown", "json")
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html", ".htm": "html"}


def output_format(output: Optional[Path], fmt: Optional[str]) -> str:
    """markdown, json or html: from ``-o``'s suffix, else ``--format`` (markdown by default)."""
    if fmt is not None and fmt not in FORMATS:
        raise GovkgError(f"unknown --format '{fmt}' (one of {', '.join(FORMATS)}; "
                         f"HTML: -o FILE.html)")
    if output is None:
        return fmt or "markdown"
    by_suffix = SUFFIXES.get(output.suffix.lower())
    if by_suffix is None:
        raise GovkgError(f"cannot tell the format of '{output}': name it .md, .html or .json")
    if fmt is not None and fmt != by_suffix:
        raise GovkgError(f"--format {fmt} does not match '{output}' ({by_suffix}): "
                         "drop --format or change the suffix")
    return by_suffix


def build_report_app(uri_option, user_option, password_option, database_option,
                     neo4j_target: Callable) -> typer.Typer:
    """The ``report`` sub-app; the arguments are govkg.cli's shared Neo4j options and target helper."""
    app = typer.Typer(help="Relationship reports on a person, body, place or program, a path "
                           "between two entities, or the whole graph; every claim with its evidence.",
                      no_args_is_help=True)

    graph_option = typer.Option(Path("graph.json"), "--graph", "-g", help="Graph file to read.")
    output_option = typer.Option(None, "--output", "-o", help="Write to FILE: .md (Markdown), "
                                 ".html (page with the network view) or .json. Default: print Markdown.")
    format_option = typer.Option(None, "--format", "-f", help="markdown (default) or json.")
    id_option = typer.Option([], "--id", metavar="NODE_ID", help="Choose among nodes sharing a name "
                             "(the ids an ambiguous name lists). Repeatable for 'path'.")
    neo4j_option = typer.Option(False, "--neo4j", help="Read from Neo4j instead of --graph.")
    top_option = typer.Option(10, "--top", min=1, help="How many co-mentions / ranked entries to list.")

    def run(kind: str, names: list[Optional[str]], ids: list[str], graph: Path, output: Optional[Path],
            fmt: Optional[str], neo4j: bool, uri: str, user: str, password: Optional[str],
            database: str, **options) -> None:
        from govkg.queries.report_render import render_html, render_json, render_markdown, view_page
        from govkg.queries.reports import build_report

        chosen = output_format(output, fmt)
        if neo4j:
            from govkg.queries.neo4j.source import Neo4jSource

            source = Neo4jSource.connect(neo4j_target(uri, user, password, database))
        else:
            from govkg.queries.report_source import LocalSource

            source = LocalSource.from_graph(_read(graph))
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
        if output is not None:
            from govkg.graph.graphfile import write_text_atomic

            write_text_atomic(output, text)
            typer.echo(f"wrote {output}: {report.title} ({chosen})")
        elif chosen == "markdown" and sys.stdout.isatty():
            from rich.console import Console
            from rich.markdown import Markdown

            Console().print(Markdown(text))
        else:
            typer.echo(text, nl=False)

    @app.command()
    def person(
        name: Optional[str] = typer.Argument(None, help="The person's name (or alias, or node id)."),
        ids: list[str] = id_option, graph: Path = graph_option, output: Optional[Path] = output_option,
        fmt: Optional[str] = format_option, top: int = top_option, neo4j: bool = neo4j_option,
        uri: str = uri_option, user: str = user_option, password: Optional[str] = password_option,
        database: str = database_option,
    ) -> None:
        """Posts held, bodies and places, programs and people around a person, with evidence.

        Example: govkg report person 刘建国 --graph graph.json -o liujianguo.html
        """
        run("person", [name], ids, graph, output, fmt, neo4j, uri, user, password, database, top=top)

    @app.command()
    def org(
        name: Optional[str] = typer.Argument(None, help="The body's name (or alias, or node id)."),
        ids: list[str] = id_option, graph: Path = graph_option, output: Optional[Path] = output_option,
        fmt: Optional[str] = format_option, neo4j: bool = neo4j_option,
        uri: str = uri_option, user: str = user_option, password: Optional[str] = password_option,
        database: str = database_option,
    ) -> None:
        """Where a body sits, its departments, who holds posts in it, its programs and partners.

        Example: govkg report org 建设路街道党工委 --graph graph.json
        """
        run("org", [name], ids, graph, output, fmt, neo4j, uri, user, password, database)

    @app.command()
    def place(
        name: Optional[str] = typer.Argument(None, help="The place's name (or alias, or node id)."),
        ids: list[str] = id_option, graph: Path = graph_option, output: Optional[Path] = output_option,
        fmt: Optional[str] = format_option, neo4j: bool = neo4j_option,
        uri: str = uri_option, user: str = user_option, password: Optional[str] = password_option,
        database: str = database_option,
    ) -> None:
        """Who's who of a territory: every post in it and its sub-territories, grouped by body.

        Example: govkg report place 建设路街道 --graph graph.json -o jianshelu.md
        """
        run("place", [name], ids, graph, output, fmt, neo4j, uri, user, password, database)

    @app.command()
    def program(
        name: Optional[str] = typer.Argument(None, help="The program's name (or alias, or node id)."),
        ids: list[str] = id_option, graph: Path = graph_option, output: Optional[Path] = output_option,
        fmt: Optional[str] = format_option, neo4j: bool = neo4j_option,
        uri: str = uri_option, user: str = user_option, password: Optional[str] = password_option,
        database: str = database_option,
    ) -> None:
        """Who runs or received a program, where they sit, and their officials.

        Example: govkg report program 首席服务官制度 --graph graph.json
        """
        run("program", [name], ids, graph, output, fmt, neo4j, uri, user, password, database)

    @app.command()
    def path(
        a: str = typer.Argument(..., help="One entity (name, alias or node id)."),
        b: str = typer.Argument(..., help="The other entity."),
        max_length: int = typer.Option(8, "--max-length", min=1, max=10, help="Longest path to look for."),
        ids: list[str] = id_option, graph: Path = graph_option, output: Optional[Path] = output_option,
        fmt: Optional[str] = format_option, neo4j: bool = neo4j_option,
        uri: str = uri_option, user: str = user_option, password: Optional[str] = password_option,
        database: str = database_option,
    ) -> None:
        """How two entities are connected: the shortest chains of relations, each hop with evidence.

        Example: govkg report path 刘建国 张伟 --graph graph.json
        """
        run("path", [a, b], ids, graph, output, fmt, neo4j, uri, user, password, database,
            max_length=max_length)

    @app.command()
    def overview(
        graph: Path = graph_option, output: Optional[Path] = output_option,
        fmt: Optional[str] = format_option, top: int = top_option, neo4j: bool = neo4j_option,
        uri: str = uri_option, user: str = user_option, password: Optional[str] = password_option,
        database: str = database_option,
    ) -> None:
        """Counts, most connected people and bodies, the territorial tree, programs by runners.

        Example: govkg report overview --graph graph.json -o overview.html
        """
        run("overview", [], [], graph, output, fmt, neo4j, uri, user, password, database, top=top)

    return app


def _read(graph: Path):
    from govkg.graph.graphfile import read_graph

    return read_graph(graph)

"""The ``govkg`` command line: a thin layer of typer commands over the library.

Each command's docstring is its help text. Library functions raise
``GovkgError`` for anything the user can fix; ``main`` turns that into one
line on stderr and exit status 1.
"""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from govkg import __version__
from govkg.errors import GovkgError

app = typer.Typer(
    name="govkg",
    help="Build a knowledge graph of Chinese local governance from local news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"govkg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Build a knowledge graph of Chinese local governance from local news."""


# Neo4j connection options, named as Neo4j's own tools name them; defined once
# so every command that talks to Neo4j offers the same flags and variables.
NEO4J_URI_OPTION = typer.Option("bolt://localhost:7687", "--uri", envvar="NEO4J_URI",
                                help="Bolt URI of the Neo4j server.")
NEO4J_USER_OPTION = typer.Option("neo4j", "--user", envvar="NEO4J_USERNAME", help="Neo4j user.")
NEO4J_PASSWORD_OPTION = typer.Option(None, "--password", envvar="NEO4J_PASSWORD", show_default=False,
                                     help="Neo4j password (never printed; prefer the variable).")
NEO4J_DATABASE_OPTION = typer.Option("neo4j", "--database", envvar="NEO4J_DATABASE",
                                     help="Database name (Neo4j Community has only 'neo4j').")


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Text, PDF or HTML files, folders (searched for .txt, .pdf, "
                                      ".html, .htm) or '-' for stdin."),
    output: Path = typer.Option(Path("graph.json"), "--output", "-o", help="Graph file to write."),
    ner: str = typer.Option("lac", "--ner", help="NER backend: lac (default), hanlp, hanlp2, lac+hanlp."),
    hanlp_model: Optional[str] = typer.Option(None, "--hanlp-model", help="HanLP 2.x model name or path."),
    year: Optional[int] = typer.Option(None, "--year", help="Year of dates written without one (6月3日)."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD; sets the year."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, show_default=False,
                                       help="Worker processes (default: all cores)."),
    executor: str = typer.Option("local", "--executor", help="local (processes here) or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                            help="Dask scheduler, e.g. tcp://host:8786 (default: a "
                                                 "local cluster of --jobs workers)."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", show_default=False,
                                             help="Cache of per-file results (default: "
                                                  "$XDG_CACHE_HOME/govkg or ~/.cache/govkg)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Extract every file again; use no cache."),
    fail_fast: bool = typer.Option(False, "--fail-fast", help="Stop at the first bad file, write nothing "
                                   "(default: report it, extract the others, exit 2)."),
    errors: str = typer.Option("strict", "--errors", help="Bytes that do not decode (a stray byte, a NUL): "
                               "strict refuses the file, replace reads them as U+FFFD."),
) -> None:
    """Extract people, posts, bodies, places and programs from news into a graph file.

    Reads text (UTF-8/16, GB18030, Big5), PDF pages with a text layer (read by
    their columns; each Article keeps its page number) and saved web pages
    (the article's title, date, source and text, without the site around it).

    Examples: govkg extract examples/chenghu-district-2021-09.txt -o graph.json;
    govkg extract examples/chenghu-district-2021-09.pdf examples/qinglan-safety-meeting.html -o graph.json
    """
    from govkg.extract.run import run_extract

    if date is not None:
        try:
            year = _dt.date.fromisoformat(date).year
        except ValueError:
            raise GovkgError(f"--date {date!r} is not a date like 2020-06-03") from None
    from govkg.extract.cache import default_cache_dir
    from govkg.extract.parallel import PartialExtraction, default_jobs

    try:
        run_extract(paths, output, ner=ner, hanlp_model=hanlp_model, year=year,
                    console=None if quiet else err, jobs=jobs or default_jobs(), executor=executor,
                    scheduler=scheduler, cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
                    fail_fast=fail_fast, errors=errors)
    except PartialExtraction as exc:  # the graph was written; say which files are missing from it
        err.print(f"govkg: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None


@app.command()
def merge(
    graph_files: list[Path] = typer.Argument(..., metavar="GRAPH.json...", help="Graph files to merge."),
    output: Path = typer.Option(..., "--output", "-o", help="Graph file to write."),
) -> None:
    """Merge graph files into one: same id, same node; aliases, evidence and mention counts combined.

    Example: govkg merge 2020.json 2021.json -o all.json
    """
    from govkg.graph.merge import merge_files

    graph = merge_files(graph_files, output)
    typer.echo(f"wrote {output}: {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges "
               f"from {len(graph_files)} graph files")


@app.command("eval")
def evaluate(
    graph_file: Path = typer.Argument(..., help="Graph file written by govkg extract."),
    gold: list[Path] = typer.Argument(..., help="Gold files (shared/spec/annotation.md)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List misses and false positives."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score a graph file against gold files: per-type P/R/F1, role pairs, attachment, relations.

    Example: govkg eval graph.json examples/qinghe-page.gold.json --verbose
    """
    import json

    from govkg.extract.evaluate import score_graph
    from govkg.graph.graphfile import read_graph

    scores = score_graph(read_graph(graph_file), list(gold))
    misses, extras = scores.pop("misses"), scores.pop("extras")
    if as_json:
        if verbose:
            scores.update(misses=misses, extras=extras)
        typer.echo(json.dumps(scores, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table("measure", "P", "R", "F1", "predicted", "gold")
    for key, value in scores.items():
        if isinstance(value, dict):
            table.add_row(key, f"{value['p']:.3f}", f"{value['r']:.3f}", f"{value['f1']:.3f}",
                          str(value["pred"]), str(value["gold"]))
        else:
            table.add_row(key, "", "", f"{value:.3f}", "", "")
    Console().print(table)
    if verbose:
        for key, items in misses.items():
            typer.echo(f"MISS {key}: " + "、".join(items))
        for key, items in extras.items():
            typer.echo(f"EXTRA {key}: " + "、".join(items))


def _neo4j_target(uri: str, user: str, password: str | None, database: str):
    from govkg.queries.neo4j.connection import Neo4jTarget

    if password is None:
        raise GovkgError(f"no password for Neo4j at {uri}: set --password or NEO4J_PASSWORD")
    return Neo4jTarget(uri=uri, user=user, password=password, database=database)


@app.command()
def load(
    graph_file: str = typer.Argument(..., metavar="GRAPH.json", help="Graph file from 'govkg extract'."),
    uri: str = NEO4J_URI_OPTION,
    user: str = NEO4J_USER_OPTION,
    password: str | None = NEO4J_PASSWORD_OPTION,
    database: str = NEO4J_DATABASE_OPTION,
    batch_size: int = typer.Option(10_000, "--batch-size", min=1, help="Rows per transaction."),
    wipe: bool = typer.Option(False, "--wipe", help="Delete EVERYTHING in the database first (asks)."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask before --wipe."),
) -> None:
    """Load a graph file into Neo4j (idempotent: MERGE on ids, so loading again is safe).

    Example: set -a; eval "$(scripts/neo4j-local start)"; set +a; govkg load graph.json
    """
    import logging

    from govkg.queries.neo4j.load import load_file

    # The driver logs each retry of a failing transaction; the final error says it all.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    target = _neo4j_target(uri, user, password, database)
    if wipe and not yes:
        try:
            confirmed = typer.confirm(f"Delete ALL nodes and relationships in database "
                                      f"'{database}' at {uri}?", default=False, err=True)
        except typer.Abort:  # no answer (end of input): the same as no
            typer.echo("", err=True)  # end the prompt's line
            confirmed = False
        if not confirmed:
            raise GovkgError("nothing loaded: --wipe was not confirmed (add --yes to skip the question)")
    result = load_file(graph_file, target, batch_size=batch_size, wipe_first=wipe)
    typer.echo(f"loaded {graph_file} into '{database}' at {uri}: {result.nodes} nodes and "
               f"{result.relationships} relationships written in {result.batches} batches, "
               f"{result.seconds:.1f} s; the database now holds {result.nodes_in_database} nodes "
               f"and {result.relationships_in_database} relationships")


@app.command()
def export(
    graph_file: str = typer.Argument(..., metavar="GRAPH.json", help="Graph file from 'govkg extract'."),
    fmt: str = typer.Option(..., "--format", "-f", help="graphml, gexf (one file), csv or neo4j-admin "
                            "(a folder)."),
    output: Path = typer.Option(..., "--output", "-o", metavar="FILE_OR_DIR",
                                help="File (graphml, gexf) or folder (csv, neo4j-admin) to write."),
) -> None:
    """Write the graph for other tools: GraphML/GEXF (Gephi, networkx), CSV tables, neo4j-admin import.

    Examples: govkg export graph.json --format gexf -o graph.gexf;
    govkg export graph.json --format csv -o tables/;
    govkg export graph.json --format neo4j-admin -o import/
    """
    from govkg.graph.export import export_graph, neo4j_admin_command
    from govkg.graph.graphfile import read_graph

    result = export_graph(read_graph(graph_file), fmt, output, source=graph_file)
    where = output if len(result.paths) == 1 else f"{output}/ ({', '.join(p.name for p in result.paths)})"
    typer.echo(f"wrote {where}: {result.nodes} nodes and {result.edges} edges")
    if fmt == "neo4j-admin":
        typer.echo(f"import with the database stopped: {neo4j_admin_command(output)}")
        typer.echo(f"then create the constraints: cypher-shell -f {output}/constraints.cypher")


@app.command()
def view(
    graph_file: str | None = typer.Argument(None, metavar="[GRAPH.json]",
                                            help="Graph file from 'govkg extract' (or use --cypher)."),
    output: str = typer.Option("graph.html", "--output", "-o", help="HTML file to write."),
    focus: str | None = typer.Option(None, "--focus", help="Show only the network around this "
                                     "name (or part of a name)."),
    depth: int = typer.Option(2, "--depth", min=0, help="Hops around --focus."),
    types: str | None = typer.Option(None, "--types", help="Node types to keep, e.g. Person,Organization."),
    min_mentions: int = typer.Option(0, "--min-mentions", min=0,
                                     help="Drop entities mentioned fewer times than this."),
    size_by: str = typer.Option("mentions", "--size-by", help="Node size: mentions or degree."),
    max_nodes: int = typer.Option(5000, "--max-nodes", min=1,
                                  help="Above this many nodes, keep the most mentioned and say so."),
    title: str | None = typer.Option(None, "--title", help="Page title (default: the input's name)."),
    cypher: str | None = typer.Option(None, "--cypher", help="Draw this Neo4j query's nodes, "
                                      "relationships and paths instead of a graph file (run read-only)."),
    uri: str = NEO4J_URI_OPTION,
    user: str = NEO4J_USER_OPTION,
    password: str | None = NEO4J_PASSWORD_OPTION,
    database: str = NEO4J_DATABASE_OPTION,
) -> None:
    """Write one self-contained, offline HTML page to explore the graph in a browser.

    Nodes are coloured and shaped by type and sized by mentions; the page has a
    search box, type and relation filters, neighbourhood highlighting on click
    and the evidence sentences of each relation.

    Examples: govkg view graph.json -o graph.html;
    govkg view graph.json --focus 张伟 --depth 2 -o zhangwei.html;
    govkg view --cypher "MATCH p=(:Person)-[:HOLDS_ROLE]->() RETURN p" -o roles.html
    """
    from pathlib import Path

    from govkg.graph.view import ViewOptions, parse_types, write_view

    if (graph_file is None) == (cypher is None):
        raise GovkgError("give a graph file or --cypher QUERY (one of the two)")
    if cypher is not None:
        from govkg.queries.neo4j.connection import connect
        from govkg.queries.neo4j.view import view_query

        driver = connect(_neo4j_target(uri, user, password, database))
        try:
            result = view_query(driver, cypher, database, uri)
        finally:
            driver.close()
        graph, articles, origin = result.graph, result.articles, f"Neo4j query at {uri}"
    else:
        from govkg.graph.graphfile import read_graph

        graph, articles, origin = read_graph(graph_file), None, Path(graph_file).name
    options = ViewOptions(focus=focus, depth=depth, types=parse_types(types), min_mentions=min_mentions,
                          size_by=size_by, max_nodes=max_nodes, title=title or f"govkg · {origin}")
    selection = write_view(graph, output, options, articles)
    shown = selection.graph
    typer.echo(f"wrote {output}: {shown.number_of_nodes()} nodes and {shown.number_of_edges()} edges "
               f"(of {selection.total_nodes} and {selection.total_edges})")
    for note in selection.notes:
        err.print(f"govkg: {note}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def query(
    cypher: str | None = typer.Argument(None, metavar="[CYPHER]",
                                        help="A Cypher statement; read-only unless --write."),
    param: list[str] = typer.Option([], "--param", "-p", metavar="NAME=VALUE",
                                    help="A parameter: name=text (a string) or name:=JSON "
                                         "(a number, list, map…). Repeatable."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
    write: bool = typer.Option(False, "--write", help="Allow the statement to write."),
    helper: str | None = typer.Option(None, "--helper", help="Run a named helper instead of Cypher: "
                                      "find, person, members, territory, programs, connect, "
                                      "comention, entities."),
    arg: list[str] = typer.Option([], "--arg", "-a", metavar="NAME=VALUE",
                                  help="An argument of --helper (e.g. name=张伟). Repeatable."),
    graph_file: str | None = typer.Option(None, "--graph", "-g", metavar="GRAPH.json",
                                          help="Run the Cypher or --helper on this graph file, no "
                                               "server needed (Cypher: an embedded database)."),
    uri: str = NEO4J_URI_OPTION,
    user: str = NEO4J_USER_OPTION,
    password: str | None = NEO4J_PASSWORD_OPTION,
    database: str = NEO4J_DATABASE_OPTION,
) -> None:
    """Run Cypher on Neo4j or on a graph file (read-only unless --write), or a named helper.

    A PROFILE or EXPLAIN statement also prints its plan on stderr.

    Examples: govkg query "MATCH (p:Person {name: \\$name})-[:HOLDS_ROLE]->(r) RETURN p, r.title" --param name=张伟;
    govkg query "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n" --format json;
    govkg query "MATCH (p:Person)-[:HOLDS_ROLE]->(r:Role) RETURN p.name, r.title" --graph graph.json;
    govkg query --helper person --arg name=张伟 --graph graph.json
    """
    from rich.console import Console

    from govkg.queries.output import FORMATS, helper_rows, parse_args, parse_params, render

    if fmt not in FORMATS:
        raise GovkgError(f"unknown --format '{fmt}' (one of {', '.join(FORMATS)})")
    out = Console()
    if not out.is_terminal:  # piped: no 80-column wrapping of table cells
        out = Console(width=100_000)
    if helper is not None:
        if cypher is not None or param or write:
            raise GovkgError("--helper takes --arg name=value, not a Cypher statement, --param or --write")
        from govkg.queries.helpers import run_helper

        args = parse_args(arg)
        if graph_file is not None:
            from govkg.queries.local import LocalQueries

            records = run_helper(LocalQueries.from_file(graph_file), helper, args)
        else:
            from govkg.queries.neo4j.helpers import Neo4jQueries

            with Neo4jQueries.connect(_neo4j_target(uri, user, password, database)) as queries:
                records = run_helper(queries, helper, args)
        columns, rows = helper_rows(records, fmt)
    else:
        if cypher is None:
            raise GovkgError("give a Cypher statement, or --helper NAME (see govkg query --help)")
        if arg:
            raise GovkgError("--arg goes with --helper; a Cypher statement takes --param")
        params = parse_params(param)
        if graph_file is not None:  # no server: the embedded database built from the file
            from govkg.extract.cache import default_cache_dir
            from govkg.queries.embedded import EmbeddedDatabase

            with EmbeddedDatabase.open(graph_file, default_cache_dir(), write=write) as embedded:
                found = embedded.run(cypher, params)
            columns = found.columns
            render(fmt, columns, [dict(zip(columns, row)) for row in found.rows], out)
            if fmt == "table":
                err.print(f"{len(found.rows)} row{'s' if len(found.rows) != 1 else ''}",
                          markup=False, highlight=False)
            return
        from govkg.queries.dialect import neo4j_hint
        from govkg.queries.neo4j.connection import connect
        from govkg.queries.neo4j.run import run_cypher

        driver = connect(_neo4j_target(uri, user, password, database))
        try:
            result = run_cypher(driver, cypher, params, database=database, write=write, uri=uri)
        except GovkgError as exc:
            hint = neo4j_hint(cypher) if str(exc).startswith("Cypher error") else None
            raise GovkgError(f"{exc} ({hint})" if hint else str(exc)) from None
        finally:
            driver.close()
        columns = result.columns
        rows = [dict(zip(columns, record.values())) for record in result.records]
        if result.counters:
            err.print("govkg: " + ", ".join(f"{k.replace('_', ' ')}: {v}"
                                            for k, v in result.counters.items()),
                      markup=False, highlight=False, soft_wrap=True)
        if result.plan is not None:  # the statement began with PROFILE or EXPLAIN
            from govkg.queries.neo4j.values import plan_text

            err.print(plan_text(result.plan), markup=False, highlight=False, soft_wrap=True)
    render(fmt, columns, rows, out)
    if fmt == "table":
        err.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", markup=False, highlight=False)


# `govkg report person|org|place|program|path|overview` (govkg/report_cli.py), with the
# Neo4j options above so that --neo4j reads the same flags and NEO4J_* variables.
from govkg.report_cli import build_report_app  # noqa: E402 - after the shared options it uses

app.add_typer(build_report_app(NEO4J_URI_OPTION, NEO4J_USER_OPTION, NEO4J_PASSWORD_OPTION,
                               NEO4J_DATABASE_OPTION, _neo4j_target), name="report")


def main() -> None:
    """Console entry point: user errors become one line and exit 1, never a traceback."""
    try:
        app()
    except GovkgError as exc:
        # soft_wrap: one line, however long (rich would wrap at 80 columns off a terminal).
        err.print(f"govkg: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("govkg: interrupted", markup=False, highlight=False)
        sys.exit(130)


if __name__ == "__main__":
    main()

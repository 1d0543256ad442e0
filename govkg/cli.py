"""The ``govkg`` command line: a thin layer of typer commands over the library.

Each command's docstring is its help text; its ``Examples:`` lines are run by
tests/test_cli_help.py. The options every command shares, and the
conventions they follow (``--graph`` or ``--neo4j``; ``--format`` and
``-o FILE``), are in ``govkg/options.py``. Library functions raise
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
from govkg.options import (
    DEFAULT_GRAPH, GRAPH_OPTION, NEO4J_DATABASE_OPTION, NEO4J_FLAG, NEO4J_PASSWORD_OPTION, NEO4J_URI_OPTION,
    NEO4J_USER_OPTION, format_option, neo4j_target, output_format, result_output_option, say_wrote,
    write_or_print,
)

app = typer.Typer(
    name="govkg",
    help="Build a knowledge graph of Chinese local governance from local news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# emoji=False: a ':x:' in a message stays ':x:' (a name, a path), never an emoji.
err = Console(stderr=True, emoji=False)


def say(message: str) -> None:
    """One ``govkg: …`` line per line of ``message`` on stderr; on a terminal its control
    characters are shown, not obeyed (govkg/terminal.py)."""
    from govkg.terminal import for_terminal

    for line in message.splitlines() or [""]:
        err.print(f"govkg: {for_terminal(line) if err.is_terminal else line}", markup=False, highlight=False,
                  soft_wrap=True)


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


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Text, PDF or HTML files, folders (searched for .txt, .pdf, "
                                      ".html, .htm) or '-' for stdin."),
    output: Path = typer.Option(Path("graph.json"), "--output", "-o", help="Graph file to write ('-': "
                                "standard output)."),
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

    Examples:

    govkg extract examples/chenghu-district-2021-09.txt -o graph.json

    govkg extract examples/chenghu-district-2021-09.pdf examples/qinglan-safety-meeting.html -o pdf-and-web.json
    """
    from govkg.extract.run import run_extract

    if date is not None:
        try:
            year = _dt.date.fromisoformat(date).year
        except ValueError:
            raise GovkgError(f"--date {date!r} is not a date like 2020-06-03") from None
        from govkg.extract.reading import YEARS

        if not YEARS[0] <= year <= YEARS[1]:
            raise GovkgError(f"--date {date} is not a date of news (years {YEARS[0]} to {YEARS[1]})")
    from govkg.extract.cache import default_cache_dir
    from govkg.extract.parallel import PartialExtraction, default_jobs

    try:
        run_extract(paths, output, ner=ner, hanlp_model=hanlp_model, year=year,
                    console=None if quiet else err, jobs=jobs or default_jobs(), executor=executor,
                    scheduler=scheduler, cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
                    fail_fast=fail_fast, errors=errors)
    except PartialExtraction as exc:  # the graph was written; say which files are missing from it
        say(str(exc))
        raise typer.Exit(exc.exit_code) from None


@app.command()
def merge(
    graph_files: list[Path] = typer.Argument(..., metavar="GRAPH.json...", help="Graph files to merge."),
    output: Path = typer.Option(..., "--output", "-o", help="Graph file to write."),
) -> None:
    """Merge graph files into one: same id, same node; aliases and evidence combined, an article's mentions
    counted once (a file merged with itself is unchanged). The output may not be one of the inputs.

    Examples:

    govkg merge graph.json other.json -o all.json
    """
    from govkg.graph.merge import merge_files

    from govkg.graph.graphfile import shown

    graph = merge_files(graph_files, output)
    say_wrote(output, f"wrote {shown(output)}: {graph.number_of_nodes()} nodes and {graph.number_of_edges()} "
                      f"edges from {len(graph_files)} graph files")


EVAL_FORMATS = {"table": (".txt",), "json": (".json",)}


def _looks_like_graph_file(path: Path) -> bool:
    """A graph file, not a gold file: the node-link keys in its first bytes (gold files begin
    with their "source"); read_graph checks it properly."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return not path.name.endswith(".gold.json") and ('"nodes"' in head or '"directed"' in head) and '"source"' not in head[:40]


@app.command("eval")
def evaluate(
    gold: list[Path] = typer.Argument(..., metavar="[GRAPH.json] GOLD.json...",
                                      help="Gold files (shared/spec/annotation.md), after the graph file "
                                           "when it is not given by --graph."),
    graph_file: Path = GRAPH_OPTION,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List misses and false positives."),
    status: bool = typer.Option(False, "--status", help="Also score the status of posts (former, proposed), "
                                                        "as shared/tools/score_status.py does."),
    fmt: Optional[str] = format_option(list(EVAL_FORMATS), "table"),
    output: Optional[Path] = result_output_option("the scores"),
) -> None:
    """Score a graph file against gold files: per-type P/R/F1, role pairs, attachment, relations.

    Examples:

    govkg eval examples/chenghu-district-2021-09.gold.json --verbose

    govkg eval graph.json examples/chenghu-district-2021-09.gold.json --format json -o scores.json

    govkg eval examples/chenghu-district-2021-09.gold.json --status
    """
    import json

    from govkg.extract.evaluate import score_graph, score_status
    from govkg.graph.graphfile import Inputs, check_output, read_graph

    gold = list(gold)
    if _looks_like_graph_file(gold[0]):
        # govkg eval dev.json gold/*.gold.json: the graph file first, as extract's -o wrote it.
        if graph_file != DEFAULT_GRAPH:
            raise GovkgError(f"two graph files: --graph {graph_file} and {gold[0]}")
        graph_file, gold = gold[0], gold[1:]
        if not gold:
            raise GovkgError("no gold file after the graph file")
    chosen = output_format(output, fmt, EVAL_FORMATS, "table")
    inputs = Inputs.of(graph_file, *gold)
    if output is not None:
        check_output(output, inputs)
    graph = read_graph(graph_file)
    scores = score_graph(graph, gold, graph_name=f"'{graph_file}'")
    misses, extras = scores.pop("misses"), scores.pop("extras")
    statuses = score_status(graph, gold) if status else None
    if chosen == "json":
        if verbose:
            scores.update(misses=misses, extras=extras)
        if statuses is not None:
            scores["status"] = statuses
        write_or_print(json.dumps(scores, ensure_ascii=False) + "\n", output, "scores (json)", inputs)
        return
    import io

    from rich.table import Table

    table = Table("measure", "P", "R", "F1", "predicted", "gold",
                  caption="predicted: nodes or pairs the graph has in the gold files' articles; gold: the "
                          "required gold items. A prediction is right when it matches any gold item, "
                          "optional ones too, so predicted can exceed gold with P = 1.000.",
                  caption_justify="left")
    for key, value in scores.items():
        if isinstance(value, dict):
            table.add_row(key, f"{value['p']:.3f}", f"{value['r']:.3f}", f"{value['f1']:.3f}",
                          str(value["pred"]), str(value["gold"]))
        else:
            table.add_row(key, "", "", f"{value:.3f}", "", "")
    buffer = io.StringIO()
    Console(file=buffer, width=100, force_terminal=False).print(table)
    lines = [buffer.getvalue().rstrip("\n")]
    if statuses is not None:
        lines.append(f"post status: former posts found {statuses['former_found']} of {statuses['former_gold']} "
                     f"(recall {statuses['former_recall']:.3f}), marked former {statuses['former_status_acc']:.3f} "
                     f"of those; proposed posts found {statuses['proposed_found']}, "
                     f"{statuses['proposed_as_current']} of them reported current")
    if verbose:
        lines += [f"MISS {key}: " + "、".join(items) for key, items in misses.items()]
        lines += [f"EXTRA {key}: " + "、".join(items) for key, items in extras.items()]
    write_or_print("\n".join(lines) + "\n", output, "scores (table)", inputs)


@app.command()
def load(
    graph_file: Path = GRAPH_OPTION,
    uri: str = NEO4J_URI_OPTION,
    user: str = NEO4J_USER_OPTION,
    password: str | None = NEO4J_PASSWORD_OPTION,
    database: str = NEO4J_DATABASE_OPTION,
    batch_size: int = typer.Option(10_000, "--batch-size", min=1, help="Rows per transaction."),
    wipe: bool = typer.Option(False, "--wipe", help="Delete EVERYTHING in the database first (asks)."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask before --wipe."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Load a graph file into Neo4j (idempotent: MERGE on ids, so loading again is safe).

    The server is NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD (scripts/neo4j-local start
    prints them for a local one) or --uri/--user/--password.

    Examples:

    govkg load --graph graph.json

    govkg load --wipe --yes --batch-size 5000
    """

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from govkg.graph.graphfile import read_graph
    from govkg.queries.neo4j.load import load_graph

    target = neo4j_target(uri, user, password, database)
    if wipe and not yes:
        try:
            confirmed = typer.confirm(f"Delete ALL nodes and relationships in database "
                                      f"'{database}' at {uri}?", default=False, err=True)
        except typer.Abort:  # no answer (end of input): the same as no
            typer.echo("", err=True)  # end the prompt's line
            confirmed = False
        if not confirmed:
            raise GovkgError("nothing loaded: --wipe was not confirmed (add --yes to skip the question)")
    graph = read_graph(graph_file)
    with Progress(TextColumn("loading {task.fields[what]}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("batches"), TimeRemainingColumn(), console=err, disable=quiet,
                  transient=True) as progress:
        task = progress.add_task("load", total=None, what=graph_file)

        def on_batch(step) -> None:
            progress.update(task, total=step.batches_total, completed=step.batches_done,
                            what=f"{step.nodes} nodes, {step.relationships} relationships")

        result = load_graph(graph, target, batch_size=batch_size, wipe_first=wipe, on_batch=on_batch)
    typer.echo(f"loaded {graph_file} into '{database}' at {uri}: {result.nodes} nodes and "
               f"{result.relationships} relationships written in {result.batches} batches, "
               f"{result.seconds:.1f} s; the database now holds {result.nodes_in_database} nodes "
               f"and {result.relationships_in_database} relationships")


EXPORT_FORMATS = {"graphml": (".graphml",), "gexf": (".gexf",), "csv": (), "neo4j-admin": ()}


@app.command()
def export(
    graph_file: Path = GRAPH_OPTION,
    fmt: Optional[str] = typer.Option(None, "--format", "-f", show_default=False,
                                      help="graphml, gexf (one file), csv or neo4j-admin (a folder); "
                                           "default: -o FILE's suffix."),
    output: Path = typer.Option(..., "--output", "-o", metavar="FILE_OR_DIR",
                                help="File (graphml, gexf) or folder (csv, neo4j-admin) to write."),
) -> None:
    """Write the graph for other tools: GraphML/GEXF (Gephi, networkx), CSV tables, neo4j-admin import.

    Examples:

    govkg export -o graph.gexf

    govkg export --format csv -o tables/

    govkg export --graph graph.json --format neo4j-admin -o import/
    """
    from govkg.graph.graphfile import Inputs, check_output, read_graph, shown
    from govkg.queries.export import export_graph, neo4j_admin_command

    chosen = output_format(output, fmt, EXPORT_FORMATS, "")
    if chosen in ("graphml", "gexf"):  # a folder format checks each of its files as it writes them
        check_output(output, Inputs.of(graph_file))
    result = export_graph(read_graph(graph_file), chosen, output, source=str(graph_file))
    where = shown(output) if len(result.paths) == 1 else f"{output}/ ({', '.join(p.name for p in result.paths)})"
    say_wrote(output, f"wrote {where}: {result.nodes} nodes and {result.edges} edges")
    if chosen == "neo4j-admin":
        typer.echo(f"import with the database stopped: {neo4j_admin_command(output)}")
        typer.echo(f"then create the constraints: cypher-shell -f {output}/constraints.cypher")


@app.command()
def view(
    graph_file: Path = GRAPH_OPTION,
    output: Path = typer.Option(Path("graph.html"), "--output", "-o", help="HTML file to write ('-': "
                                "standard output)."),
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
    on: str | None = typer.Option(None, "--on", metavar="DATE", help="Draw only the posts held on "
                                  "this date (YYYY, YYYY-MM or YYYY-MM-DD), their holders and bodies."),
    neo4j: bool = NEO4J_FLAG,
    cypher: str | None = typer.Option(None, "--cypher", help="With --neo4j: draw this query's nodes, "
                                      "relationships and paths (run read-only)."),
    uri: str = NEO4J_URI_OPTION,
    user: str = NEO4J_USER_OPTION,
    password: str | None = NEO4J_PASSWORD_OPTION,
    database: str = NEO4J_DATABASE_OPTION,
) -> None:
    """Write one self-contained, offline HTML page to explore the graph in a browser.

    Nodes are coloured and shaped by type and sized by mentions; the page has a
    search box, type and relation filters, neighbourhood highlighting on click
    and the evidence sentences of each relation.

    Examples:

    govkg view -o graph.html

    govkg view --graph graph.json --focus 孟庆安 --depth 2 -o mengqingan.html

    govkg view --on 2021-09 -o posts-2021-09.html

    govkg view --neo4j --cypher 'MATCH p=(:Person)-[:HOLDS_ROLE]->() RETURN p' -o roles.html
    """
    from govkg.graph.graphfile import Inputs, check_output, shown
    from govkg.graph.view import ViewOptions, parse_types, write_view

    inputs = Inputs() if neo4j else Inputs.of(graph_file)
    check_output(output, inputs)
    if cypher is not None and not neo4j:
        raise GovkgError("--cypher runs on Neo4j: add --neo4j (and NEO4J_URI/NEO4J_PASSWORD or --uri/--password)")
    if neo4j and cypher is None:
        raise GovkgError("--neo4j draws what a query returns: add --cypher QUERY")
    if on is not None and cypher is not None:
        raise GovkgError("--on reads the graph file (--graph); for Neo4j, load the same file and draw it "
                         "with --graph, or select the posts in the --cypher query")
    from govkg.queries.dates import parse_on

    when = parse_on(on) if on is not None else None
    if cypher is not None:
        from govkg.queries.neo4j.connection import connect
        from govkg.queries.neo4j.view import view_query

        driver = connect(neo4j_target(uri, user, password, database))
        try:
            result = view_query(driver, cypher, database, uri)
        finally:
            driver.close()
        graph, articles, origin = result.graph, result.articles, f"Neo4j query at {uri}"
    else:
        from govkg.graph.graphfile import read_graph

        graph, articles, origin = read_graph(graph_file), None, graph_file.name
        if when is not None:
            from govkg.queries.local import LocalQueries

            full, graph = graph, LocalQueries(graph).held_on_graph(when)
            held = sum(1 for _, _, t in graph.edges(data="type") if t == "HOLDS_ROLE")
            posts = sum(1 for _, _, t in full.edges(data="type") if t == "HOLDS_ROLE")
            err.print(f"govkg: {held} of {posts} posts held on {when.text}, with their holders and the bodies "
                      "and places they are in", markup=False, highlight=False, soft_wrap=True)
            articles = {n: a for n, a in full.nodes(data=True) if a.get("label") == "Article"}
            origin = f"{origin} on {when.text}"
    options = ViewOptions(focus=focus, depth=depth, types=parse_types(types), min_mentions=min_mentions,
                          size_by=size_by, max_nodes=max_nodes, title=title or f"govkg · {origin}")
    selection = write_view(graph, output, options, articles, inputs)
    drawn = selection.graph
    say_wrote(output, f"wrote {shown(output)}: {drawn.number_of_nodes()} nodes and {drawn.number_of_edges()} "
                      f"edges (of {selection.total_nodes} and {selection.total_edges})")
    for note in selection.notes:
        say(note)


def _embedded_rows(graph_file: Path, cypher: str, params: dict, write: bool) -> tuple[list, list]:
    """Cypher on the graph file: an embedded database built from it (queries/embedded.py)."""
    from govkg.extract.cache import default_cache_dir
    from govkg.queries.embedded import EmbeddedDatabase

    with EmbeddedDatabase.open(str(graph_file), default_cache_dir(), write=write) as embedded:
        found = embedded.run(cypher, params)
    return found.columns, [dict(zip(found.columns, row)) for row in found.rows]


def _neo4j_rows(cypher: str, params: dict, write: bool, target) -> tuple[list, list]:
    """Cypher on Neo4j; the server's warnings, counters and plan on stderr."""
    from govkg.queries.dialect import neo4j_hint
    from govkg.queries.neo4j.connection import connect
    from govkg.queries.neo4j.run import run_cypher

    driver = connect(target)
    try:
        result = run_cypher(driver, cypher, params, database=target.database, write=write, uri=target.uri)
    except GovkgError as exc:
        hint = neo4j_hint(cypher) if str(exc).startswith("Cypher error") else None
        raise GovkgError(f"{exc} ({hint})" if hint else str(exc)) from None
    finally:
        driver.close()
    for warning in result.warnings:
        say(f"warning: {warning}")
    if result.counters:
        say(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in result.counters.items()))
    if result.plan is not None:  # the statement began with PROFILE or EXPLAIN
        from govkg.queries.neo4j.values import plan_text

        err.print(plan_text(result.plan), markup=False, highlight=False, soft_wrap=True)
    columns = result.columns
    return columns, [dict(zip(columns, record.values())) for record in result.records]


QUERY_FORMATS = {"table": (".txt",), "json": (".json",), "csv": (".csv",)}


def _query_help() -> str:
    """``govkg query --help``: the docstring of a command, with the helpers and their arguments
    listed from ``queries.helpers.HELPERS`` (so the list cannot fall out of step)."""
    from rich.markup import escape

    from govkg.queries.helpers import HELPERS

    helpers = "\n\n".join(escape(f"{spec.usage()}: {spec.summary}") for spec in HELPERS.values())
    return f"""Run Cypher or a named helper on the graph file or on Neo4j, and print the rows.

Both read --graph (default graph.json): Cypher through an embedded database built from the
file, no server. With --neo4j both read the server instead, with the same answer. Read-only
unless --write. A PROFILE or EXPLAIN statement also prints its plan on stderr (Neo4j).

{escape("Helpers (--helper NAME --arg key=value …; [key=default] is optional):")}

{helpers}

Examples:

govkg query --helper person --arg name=孟庆安

govkg query --helper connect --arg a=夏宏亮 --arg b=邵文博 --format json -o paths.json

govkg query 'MATCH (p:Person)-[:HOLDS_ROLE]->(r:Role) RETURN p.name, r.title' --graph graph.json

govkg query 'MATCH (p:Person {{name: $name}})-[:HOLDS_ROLE]->(r) RETURN p, r.title' --param name=孟庆安 --neo4j

govkg query 'MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n' --format csv --neo4j
"""


@app.command(help=_query_help())
def query(
    cypher: str | None = typer.Argument(None, metavar="[CYPHER]",
                                        help="A Cypher statement; read-only unless --write."),
    param: list[str] = typer.Option([], "--param", "-p", metavar="NAME=VALUE",
                                    help="A parameter: name=text (a string) or name:=JSON "
                                         "(a number, list, map…). Repeatable."),
    fmt: Optional[str] = format_option(list(QUERY_FORMATS), "table"),
    output: Optional[Path] = result_output_option("the rows"),
    write: bool = typer.Option(False, "--write", help="Allow the statement to write."),
    helper: str | None = typer.Option(None, "--helper", help="Run a named helper instead of Cypher "
                                      "(listed above)."),
    arg: list[str] = typer.Option([], "--arg", "-a", metavar="NAME=VALUE",
                                  help="An argument of --helper (e.g. name=张伟). Repeatable."),
    graph_file: Path = GRAPH_OPTION,
    neo4j: bool = NEO4J_FLAG,
    uri: str = NEO4J_URI_OPTION,
    user: str = NEO4J_USER_OPTION,
    password: str | None = NEO4J_PASSWORD_OPTION,
    database: str = NEO4J_DATABASE_OPTION,
) -> None:
    import io

    from rich.console import Console

    from govkg.graph.graphfile import Inputs, check_output, is_stdout
    from govkg.queries.output import helper_rows, parse_args, parse_params, render

    chosen = output_format(output, fmt, QUERY_FORMATS, "table")
    output = None if is_stdout(output) else output
    inputs = Inputs() if neo4j else Inputs.of(graph_file)
    if output is not None:
        check_output(output, inputs)
    if helper is not None:
        if cypher is not None or param or write:
            raise GovkgError("--helper takes --arg name=value, not a Cypher statement, --param or --write")
        from govkg.queries.helpers import run_helper

        args = parse_args(arg)
        if neo4j:
            from govkg.queries.neo4j.helpers import Neo4jQueries

            with Neo4jQueries.connect(neo4j_target(uri, user, password, database)) as queries:
                records = run_helper(queries, helper, args)
        else:
            from govkg.queries.local import LocalQueries

            records = run_helper(LocalQueries.from_file(graph_file), helper, args)
        columns, rows = helper_rows(records, chosen)
    else:
        if cypher is None:
            raise GovkgError("give a Cypher statement, or --helper NAME (see govkg query --help)")
        if arg:
            raise GovkgError("--arg goes with --helper; a Cypher statement takes --param")
        params = parse_params(param)
        if neo4j:
            columns, rows = _neo4j_rows(cypher, params, write, neo4j_target(uri, user, password, database))
        else:
            columns, rows = _embedded_rows(graph_file, cypher, params, write)
    if output is None:
        out = Console()
        if not out.is_terminal:  # piped: no 80-column wrapping of table cells
            out = Console(width=100_000)
        render(chosen, columns, rows, out)
    else:
        buffer = io.StringIO()
        render(chosen, columns, rows, Console(file=buffer, width=100_000, force_terminal=False))
        write_or_print(buffer.getvalue(), output, f"{len(rows)} row{'s' if len(rows) != 1 else ''} ({chosen})",
                       inputs)
    if chosen == "table" and output is None:
        err.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", markup=False, highlight=False)


# `govkg report person|org|place|program|path|overview` (govkg/report_cli.py).
from govkg.report_cli import report_app  # noqa: E402 - after the app it extends

app.add_typer(report_app, name="report")


def main() -> None:
    """Console entry point: user errors become one line and exit 1, never a traceback."""
    import signal

    from govkg.errors import Terminated

    def terminated(signum, frame) -> None:
        raise Terminated()

    # SIGTERM ends govkg as Ctrl-C does: workers stopped, temporary files removed, outputs untouched.
    signal.signal(signal.SIGTERM, terminated)
    try:
        app()
    except GovkgError as exc:
        say(str(exc))  # soft_wrap: one line, however long (rich would wrap at 80 columns off a terminal)
        sys.exit(1)
    except KeyboardInterrupt:
        say("interrupted")
        sys.exit(130)
    except Terminated:
        say("terminated")
        sys.exit(128 + signal.SIGTERM)


if __name__ == "__main__":
    main()

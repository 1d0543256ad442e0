"""The ``govkg`` command line: a thin layer of typer commands over the library.

Each command's docstring is its help text. Library functions raise
``GovkgError`` for anything the user can fix; ``main`` turns that into one
line on stderr and exit status 1.
"""

from __future__ import annotations

import sys

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


def _neo4j_target(uri: str, user: str, password: str | None, database: str):
    from govkg.graph.neo4j_load import Neo4jTarget

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
    batch_size: int = typer.Option(2000, "--batch-size", min=1, help="Rows per transaction."),
    wipe: bool = typer.Option(False, "--wipe", help="Delete EVERYTHING in the database first (asks)."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask before --wipe."),
) -> None:
    """Load a graph file into Neo4j (idempotent: MERGE on ids, so loading again is safe).

    Example: set -a; eval "$(scripts/neo4j-local start)"; set +a; govkg load graph.json
    """
    from govkg.graph.neo4j_load import load_file

    target = _neo4j_target(uri, user, password, database)
    if wipe and not yes:
        try:
            confirmed = typer.confirm(f"Delete ALL nodes and relationships in database "
                                      f"'{database}' at {uri}?", default=False, err=True)
        except typer.Abort:  # no answer (end of input): the same as no
            confirmed = False
        if not confirmed:
            raise GovkgError("nothing loaded: --wipe was not confirmed (add --yes to skip the question)")
    result = load_file(graph_file, target, batch_size=batch_size, wipe_first=wipe)
    typer.echo(f"loaded {graph_file} into '{database}' at {uri}: {result.nodes} nodes and "
               f"{result.relationships} relationships written in {result.batches} batches, "
               f"{result.seconds:.1f} s; the database now holds {result.nodes_in_database} nodes "
               f"and {result.relationships_in_database} relationships")


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

"""The conventions every ``govkg`` command follows, defined once.

- **Where the graph comes from.** A command that reads the graph reads the
  graph file ``--graph/-g FILE`` (default ``graph.json``, what ``govkg
  extract`` writes), or, with ``--neo4j``, the Neo4j server named by
  ``--uri/--user/--password/--database`` or Neo4j's own variables
  (``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``).
  A command that writes a graph file takes ``--output/-o FILE``.
- **What a result looks like.** ``--format/-f NAME`` chooses the format;
  ``--output/-o FILE`` writes the result to FILE instead of printing it, and
  when ``--format`` is not given FILE's suffix chooses (``.json``, ``.csv``,
  ``.md``, ``.html`` …). A suffix that contradicts ``--format`` is an error.
  ``-o -`` is standard output.
- **What an output may be** (graph/graphfile.py ``check_output``, for every
  command that writes): never one of the command's inputs, nor a file a
  later ``govkg extract`` of the same folder would read back; a symlink is
  written through, a device or pipe written to, a file replaced atomically.
- **What reaches a terminal** (govkg/terminal.py): data shown as it is, its
  control characters made visible, never obeyed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Mapping, Sequence

import typer

from govkg.errors import GovkgError

DEFAULT_GRAPH = Path("graph.json")

GRAPH_OPTION = typer.Option(DEFAULT_GRAPH, "--graph", "-g", metavar="GRAPH.json",
                            help="Graph file to read (written by 'govkg extract').")
NEO4J_FLAG = typer.Option(False, "--neo4j", help="Read from Neo4j (--uri …, NEO4J_*) instead of --graph.")

# Neo4j connection options, named as Neo4j's own tools name them.
NEO4J_URI_OPTION = typer.Option("bolt://localhost:7687", "--uri", envvar="NEO4J_URI",
                                help="Bolt URI of the Neo4j server.")
NEO4J_USER_OPTION = typer.Option("neo4j", "--user", envvar="NEO4J_USERNAME", help="Neo4j user.")
NEO4J_PASSWORD_OPTION = typer.Option(None, "--password", envvar="NEO4J_PASSWORD", show_default=False,
                                     help="Neo4j password (never printed; prefer the variable).")
NEO4J_DATABASE_OPTION = typer.Option("neo4j", "--database", envvar="NEO4J_DATABASE",
                                     help="Database name (Neo4j Community has only 'neo4j').")


def format_option(formats: Sequence[str], default: str) -> typer.Option:
    return typer.Option(None, "--format", "-f", show_default=False,
                        help=f"{', '.join(formats)} (default: {default}, or -o FILE's suffix).")


def result_output_option(what: str = "the result") -> typer.Option:
    return typer.Option(None, "--output", "-o", show_default=False,
                        help=f"Write {what} to FILE; its suffix chooses the format unless --format does.")


def output_format(output: Path | None, fmt: str | None, suffixes: Mapping[str, Sequence[str]],
                  default: str) -> str:
    """The format of a result: ``--format``, else ``-o FILE``'s suffix, else ``default``.

    ``suffixes`` maps each format to the file suffixes that mean it.
    """
    from govkg.graph.graphfile import is_stdout

    if fmt is not None and fmt not in suffixes:
        raise GovkgError(f"unknown --format '{fmt}' (one of {', '.join(suffixes)})")
    if output is None or is_stdout(output):
        if not (fmt or default):
            raise GovkgError(f"-o - (standard output) needs --format ({', '.join(suffixes)})")
        return fmt or default
    suffix = output.suffix.lower()
    by_suffix = next((name for name, ends in suffixes.items() if suffix in ends), None)
    if fmt is not None:
        if by_suffix is not None and by_suffix != fmt:
            raise GovkgError(f"--format {fmt} does not match '{output}' ({by_suffix}): "
                             "drop --format or change the suffix")
        return fmt
    if by_suffix is None:
        firsts = [ends[0] for ends in suffixes.values() if ends]
        known = ", ".join(firsts[:-1]) + f" or {firsts[-1]}" if len(firsts) > 1 else firsts[0]
        raise GovkgError(f"cannot tell the format of '{output}': name it {known}, or give --format")
    return by_suffix


def neo4j_target(uri: str, user: str, password: str | None, database: str):
    """The server to use, or a GovkgError when no password is known."""
    from govkg.queries.neo4j.connection import Neo4jTarget

    if password is None:
        raise GovkgError(f"no password for Neo4j at {uri}: set --password or NEO4J_PASSWORD")
    return Neo4jTarget(uri=uri, user=user, password=password, database=database)


def write_or_print(text: str, output: Path | None, what: str, inputs=None) -> None:
    """``text`` to ``output`` (atomically, then ``wrote FILE: what``), else to stdout.

    ``inputs`` (graphfile.Inputs): what the command read, which ``output`` may not be.
    On a terminal, control characters in ``text`` are shown, not obeyed.
    """
    from govkg.graph.graphfile import NO_INPUTS, is_stdout, write_text_atomic

    if output is None or is_stdout(output):
        from govkg.terminal import for_terminal

        typer.echo(for_terminal(text) if sys.stdout.isatty() else text, nl=False)
        return
    write_text_atomic(output, text, inputs or NO_INPUTS)
    typer.echo(f"wrote {output}: {what}")


def say_wrote(output: Path, message: str) -> None:
    """``wrote …`` on stdout, or on stderr when stdout is the output itself (``-o -``)."""
    from govkg.graph.graphfile import is_stdout

    typer.echo(message, err=is_stdout(output))

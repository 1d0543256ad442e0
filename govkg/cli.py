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


def main() -> None:
    """Console entry point: user errors become one line and exit 1, never a traceback."""
    try:
        app()
    except GovkgError as exc:
        err.print(f"govkg: {exc}", markup=False, highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("govkg: interrupted", markup=False, highlight=False)
        sys.exit(130)


if __name__ == "__main__":
    main()

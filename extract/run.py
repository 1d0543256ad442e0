"""``govkg extract`` as a library call: read, extract, build, write, summarise."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from govkg.errors import GovkgError
from govkg.extract.ner import get_backend
from govkg.extract.pipeline import extract_page
from govkg.extract.reading import SkippedInput, discover, read_source
from govkg.graph.build import add_page
from govkg.graph.graphfile import new_graph, write_graph


def _check_output(output: Path) -> None:
    """Refuse an unwritable output before any work is done."""
    if output.is_dir():
        raise GovkgError(f"cannot write '{output}': it is a directory")
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise GovkgError(f"cannot write '{output}': folder '{parent}' does not exist")


def run_extract(paths: list[str], output: Path, *, ner: str = "lac", hanlp_model: str | None = None,
                year: int | None = None, console: Console | None = None):
    """Extract ``paths`` into the graph file ``output``; return the graph.

    Any bad input stops the run before the output is touched; an empty
    file is warned about and skipped.
    """
    _check_output(output)
    files = discover(paths)
    backend = get_backend(ner, hanlp_model=hanlp_model)
    graph = new_graph()
    skipped = 0
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, disable=console is None or len(files) < 2, transient=True) as progress:
        task = progress.add_task("extracting", total=len(files))
        for path in files:
            try:
                src = read_source(path)
            except SkippedInput as why:
                skipped += 1
                if console is not None:
                    console.print(f"govkg: warning: {why}, skipped", markup=False, highlight=False)
                progress.advance(task)
                continue
            add_page(graph, extract_page(src, backend, year=year))
            progress.advance(task)
    if skipped == len(files):
        raise GovkgError("no text to extract: every input was empty")
    write_graph(graph, output)
    if console is not None:
        console.print(summary_table(graph, output))
    return graph


def summary_table(graph, output: Path) -> Table:
    labels = Counter(d.get("label") for _, d in graph.nodes(data=True))
    relations = Counter(d.get("type") for _, _, d in graph.edges(data=True))
    table = Table(title=f"wrote {output}", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles", str(labels.pop("Article", 0)))
    for label, n in sorted(labels.items()):
        table.add_row(label, str(n))
    for rtype, n in sorted(relations.items()):
        table.add_row(rtype, str(n))
    return table

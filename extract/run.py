"""``govkg extract`` as a library call: read, extract, build, write, summarise."""

from __future__ import annotations

from collections import Counter
from contextlib import closing
from pathlib import Path

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                           TimeRemainingColumn)
from rich.table import Table
from rich.text import Text

from govkg.errors import GovkgError
from govkg.extract.cache import PageCache
from govkg.extract.parallel import ExtractSettings, FileOutcome, PartialExtraction, iter_outcomes
from govkg.extract.reading import check_errors, discover
from govkg.graph.build import add_page
from govkg.graph.graphfile import new_graph, write_graph


def _check_output(output: Path) -> None:
    """Refuse an unwritable output before any work is done."""
    if output.is_dir():
        raise GovkgError(f"cannot write '{output}': it is a directory")
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise GovkgError(f"cannot write '{output}': folder '{parent}' does not exist")


class _FilesPerSecond(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} files/s" if speed else "… files/s")


def run_extract(paths: list[str], output: Path, *, ner: str = "lac", hanlp_model: str | None = None,
                year: int | None = None, console: Console | None = None, jobs: int = 1,
                executor: str = "local", scheduler: str | None = None, cache_dir: Path | None = None,
                fail_fast: bool = False, errors: str = "strict"):
    """Extract ``paths`` into the graph file ``output``; return the graph.

    Files are extracted by ``jobs`` local processes, or on Dask with
    ``executor="dask"`` (govkg.extract.parallel), and merged in input order,
    so the file written is the same whatever the executor. With ``cache_dir``
    a file extracted before with the same bytes, settings and code is not
    extracted again (govkg.extract.cache).

    A file that fails (not text, undecodable, extraction error) is reported
    and the others go on; the graph of the others is written and then
    ``PartialExtraction`` (a GovkgError naming the failures) is raised. With
    ``fail_fast`` the first failure stops the run before the output is
    touched, as does a run where nothing could be extracted. An empty file is
    warned about and skipped. ``errors="replace"`` reads bytes that do not
    decode as U+FFFD instead of refusing the file.
    """
    _check_output(output)
    files = discover(paths)
    settings = ExtractSettings(ner=ner, hanlp_model=hanlp_model, year=year, errors=check_errors(errors))
    cache = PageCache(Path(cache_dir)) if cache_dir is not None else None
    graph = new_graph()
    skipped = cached = 0
    failures: list[FileOutcome] = []
    outcomes = iter_outcomes(files, settings, jobs=max(1, min(jobs, len(files))), executor=executor,
                             scheduler=scheduler, cache=cache)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _FilesPerSecond(),
                  TimeRemainingColumn(), console=console, disable=console is None or len(files) < 2,
                  transient=True) as progress, closing(outcomes):
        task = progress.add_task("extracting", total=len(files))
        for outcome in outcomes:
            if outcome.failed:
                if fail_fast:
                    raise GovkgError(f"{outcome.error} (--fail-fast: nothing written)"
                                     if len(files) > 1 else outcome.error)
                failures.append(outcome)
                if console is not None and len(files) > 1:  # alone, its one line comes at the end
                    console.print(f"govkg: error: {outcome.error}; going on with the other files",
                                  markup=False, highlight=False, soft_wrap=True)
            elif outcome.skipped is not None:
                skipped += 1
                if console is not None:
                    console.print(f"govkg: warning: {outcome.skipped}, skipped", markup=False, highlight=False)
            else:
                cached += outcome.cached
                add_page(graph, outcome.result)
            progress.advance(task)
    if skipped + len(failures) == len(files):
        if len(failures) == 1:
            raise GovkgError(failures[0].error)
        if failures:
            raise GovkgError(f"nothing extracted: {len(failures)} files failed, the first: {failures[0].error}")
        raise GovkgError("no text to extract: every input was empty")
    write_graph(graph, output)
    if console is not None:
        console.print(summary_table(graph, output))
        if len(files) > 1:
            done = len(files) - skipped - len(failures)
            console.print(f"{len(files)} files: {done} extracted ({cached} from the cache), {skipped} empty, "
                          f"{len(failures)} failed", markup=False, highlight=False)
    if failures:
        raise PartialExtraction(graph, [(f.path, f.error) for f in failures], output, len(files))
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

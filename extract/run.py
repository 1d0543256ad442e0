"""``govkg extract`` as a library call: read, extract, build, write, summarise."""

from __future__ import annotations

from collections import Counter
from contextlib import ExitStack, closing
from pathlib import Path

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                           TimeRemainingColumn)
from rich.table import Table
from rich.text import Text

from govkg.errors import GovkgError
from govkg.extract.cache import PageCache
from govkg.extract.parallel import ExtractSettings, FileOutcome, PartialExtraction, iter_outcomes
from govkg.extract.reading import INPUT_SUFFIXES, check_errors, check_year, discover
from govkg.graph.build import add_page
from govkg.graph.graphfile import Inputs, check_output, new_graph, shown, write_graph


class _Speed(ProgressColumn):
    """Files per second, or characters per second for a long text's bar."""

    def render(self, task) -> Text:
        if task.fields.get("chars"):
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f} chars/s" if speed else "… chars/s")
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} files/s" if speed else "… files/s")


def run_extract(paths: list[str], output: Path, *, ner: str = "lac", hanlp_model: str | None = None,
                year: int | None = None, console: Console | None = None, jobs: int = 1,
                executor: str = "local", scheduler: str | None = None, cache_dir: Path | None = None,
                fail_fast: bool = False, errors: str = "strict"):
    """Extract ``paths`` into the graph file ``output`` (``-``: standard output); return the graph.

    Files are extracted by ``jobs`` local processes, or on Dask with
    ``executor="dask"`` (govkg.extract.parallel), and merged in input order,
    so the file written is the same whatever the executor. With ``cache_dir``
    a file extracted before with the same bytes, settings and code is not
    extracted again (govkg.extract.cache); a cache that cannot be written is
    warned about once and the run goes on without it.

    ``output`` may not be one of the inputs, nor a file a later run over the
    same folders would read back (graphfile.check_output): refused before any
    work. A text too long to extract at once is extracted in pieces, with a
    progress bar of its characters (extract/pieces.py).

    A file that fails (not text, undecodable, extraction error) is reported
    and the others go on; the graph of the others is written and then
    ``PartialExtraction`` (a GovkgError naming the failures) is raised. With
    ``fail_fast`` the first failure stops the run before the output is
    touched, as does a run where nothing could be extracted. An empty file is
    warned about and skipped. ``errors="replace"`` reads bytes that do not
    decode as U+FFFD instead of refusing the file.
    """
    files = discover(paths)
    folders = tuple(Path(p) for p in paths if p != "-" and Path(p).is_dir())
    inputs = Inputs(tuple(Path(f) for f in files if f != "-"), folders, INPUT_SUFFIXES)
    check_output(output, inputs)
    settings = ExtractSettings(ner=ner, hanlp_model=hanlp_model, year=check_year(year), errors=check_errors(errors))

    def cache_failed(message: str) -> None:
        if console is not None:
            console.print(f"govkg: warning: {message}", markup=False, highlight=False, soft_wrap=True)

    cache = PageCache(Path(cache_dir), on_failure=cache_failed) if cache_dir is not None else None
    graph = new_graph()
    skipped = cached = 0
    failures: list[FileOutcome] = []
    outcomes = iter_outcomes(files, settings, jobs=max(1, min(jobs, len(files))), executor=executor,
                             scheduler=scheduler, cache=cache)
    # Shown for several files, and for a long one (from its first seconds: its length is known as
    # soon as it is read); started only then, so that one short file prints nothing but its summary.
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Speed(),
                        TimeRemainingColumn(), console=console, disable=console is None, transient=True)
    with ExitStack() as stack:
        stack.enter_context(closing(outcomes))
        shown_progress = len(files) > 1
        if shown_progress:
            stack.enter_context(progress)
        task = progress.add_task("extracting", total=len(files), visible=len(files) > 1)
        long_task = None  # the characters of a long text, extracted in pieces
        for outcome in outcomes:
            if outcome.progress is not None:
                done, total = outcome.progress
                if long_task is None:
                    if not shown_progress:
                        stack.enter_context(progress)
                        shown_progress = True
                    long_task = progress.add_task(f"extracting {outcome.path}", total=total, chars=True)
                progress.update(long_task, completed=done, total=total)
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
            elif outcome.result is not None:
                add_page(graph, outcome.result)
            if outcome.final:
                cached += outcome.cached and outcome.result is not None
                if long_task is not None:
                    progress.remove_task(long_task)
                    long_task = None
                progress.advance(task)
    if skipped + len(failures) == len(files):
        if len(failures) == 1:
            raise GovkgError(failures[0].error)
        if failures:
            raise GovkgError(f"nothing extracted: {len(failures)} files failed, the first: {failures[0].error}")
        raise GovkgError("no text to extract: every input was empty")
    write_graph(graph, output, inputs)
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
    table = Table(title=f"wrote {shown(output)}", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles", str(labels.pop("Article", 0)))
    for label, n in sorted(labels.items()):
        table.add_row(label, str(n))
    for rtype, n in sorted(relations.items()):
        table.add_row(rtype, str(n))
    return table

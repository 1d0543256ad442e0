"""The map step of ``govkg extract`` at corpus scale: one file in, one ``PageResult`` out.

Extraction of a file depends on that file alone, so files can be worked on
anywhere: in this process (``jobs=1``), in a pool of local processes, or on
a Dask cluster. Whatever the executor, ``iter_outcomes``

- reads the files lazily and keeps only a bounded number in flight, so memory
  does not grow with the size of the corpus;
- yields one ``FileOutcome`` per input *in input order*, so the reduce step
  (govkg.graph.build.add_page) sees the same sequence and writes a
  byte-identical graph file whatever the executor or number of jobs;
- reads the bytes here, in the calling process, and ships them to the worker:
  a Dask worker on another machine needs no access to the files, and the
  cache (extract/cache.py) is checked before anything is sent.

A file that cannot be decoded, or on which extraction fails, becomes an
outcome with an ``error``; the caller decides whether to go on. A problem of
the run itself (unknown NER backend, missing model, unreachable scheduler)
is raised.
"""

from __future__ import annotations

import dataclasses

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import GovkgError
from govkg.extract.cache import PageCache
from govkg.extract.pipeline import extract_page
from govkg.extract.records import PageResult
from govkg.extract.reading import to_source

EXECUTORS = ("local", "dask")


@dataclass(frozen=True)
class ExtractSettings:
    """What a worker needs to build its backend and extract a file (small and picklable)."""

    ner: str = "lac"
    hanlp_model: str | None = None
    year: int | None = None
    worker_threads: int | None = None  # threads for the model in each of several workers
    errors: str = "strict"  # bytes that do not decode: refused, or replaced (--errors replace)

    def tag(self) -> str:
        """The part of the cache key that comes from the settings."""
        return f"ner={self.ner};model={self.hanlp_model or ''};year={self.year or ''};errors={self.errors}"


@dataclass(frozen=True)
class WorkItem:
    """One input as sent to a worker: its bytes travel with it."""

    path: str  # as given on the command line ('-' for stdin)
    name: str  # base name: the articles' ``source``
    data: bytes


@dataclass
class FileOutcome:
    """What became of one input."""

    path: str
    result: PageResult | None = None
    skipped: str | None = None  # why it carried nothing (an empty file)
    error: str | None = None  # why it failed
    cached: bool = False

    @property
    def failed(self) -> bool:
        return self.error is not None


class PartialExtraction(GovkgError):
    """Some files failed; the graph of the others *was* written. The CLI exits with status 2."""

    exit_code = 2

    def __init__(self, graph, failures: list[tuple[str, str]], output, total: int):
        self.graph = graph
        self.failures = failures  # (path, reason)
        self.output = output
        listed = "; ".join(reason for _, reason in failures[:3]) + ("; …" if len(failures) > 3 else "")
        super().__init__(f"{len(failures)} of {total} files failed, wrote '{output}' from the others: {listed}")


# --- the worker side ---------------------------------------------------------------
# One backend per worker process, built once: the LAC model takes about a
# second to load and must not be loaded per file.

_worker_settings: ExtractSettings | None = None
_worker_backend = None
_worker_lexicon = None


def _ensure_backend(settings: ExtractSettings):
    global _worker_settings, _worker_backend, _worker_lexicon
    if _worker_backend is None or _worker_settings != settings:
        from govkg.extract.lexicon import default_lexicon
        from govkg.extract.ner import get_backend

        if settings.worker_threads:
            os.environ["GOVKG_ONNX_THREADS"] = str(settings.worker_threads)
        _worker_backend = get_backend(settings.ner, hanlp_model=settings.hanlp_model)
        _worker_lexicon = default_lexicon()
        _worker_settings = settings
    return _worker_backend, _worker_lexicon


def init_worker(settings: ExtractSettings) -> None:
    """ProcessPoolExecutor initializer: load the backend before the first file arrives.

    A failure is not raised here (that would break the pool with no reason
    given); the first task meets it again and raises it to the caller.
    """
    try:
        _ensure_backend(settings)
    except Exception:
        pass


def extract_item(item: WorkItem, settings: ExtractSettings) -> FileOutcome:
    """Read (decode, or lay out a PDF or web page) and extract one input. Bad input is an outcome;
    a broken backend is raised."""
    backend, lex = _ensure_backend(settings)
    shown = "standard input" if item.path == "-" else item.path
    try:
        src = to_source(item.data, item.path, item.name, settings.errors)
    except GovkgError as exc:
        return FileOutcome(item.path, error=str(exc))
    if not src.text.strip():
        return FileOutcome(item.path, skipped=f"'{shown}' is empty")
    try:
        result = extract_page(src, backend, year=settings.year, lex=lex)
    except Exception as exc:  # a bug met on one file must not sink a run over a million
        return FileOutcome(item.path, error=f"cannot extract '{shown}': {type(exc).__name__}: {exc}")
    return FileOutcome(item.path, result=result)


# --- the calling side --------------------------------------------------------------

def _read_item(path: str) -> WorkItem | FileOutcome:
    if path == "-":
        return WorkItem("-", "stdin.txt", sys.stdin.buffer.read())
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return FileOutcome(path, error=f"cannot read '{path}': {exc.strerror or exc}")
    return WorkItem(path, Path(path).name, data)


class _Serial:
    """Work in this process, one file after the other."""

    def __init__(self, settings: ExtractSettings):
        self.settings = settings

    def submit(self, item: WorkItem) -> FileOutcome:
        return extract_item(item, self.settings)

    def result(self, pending: FileOutcome) -> FileOutcome:
        return pending

    def close(self) -> None:
        pass


class _Pool:
    """A pool of local worker processes (forkserver: safe when the caller runs threads)."""

    def __init__(self, settings: ExtractSettings, jobs: int):
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        self.settings = settings = dataclasses.replace(settings, worker_threads=1)
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                                        initializer=init_worker, initargs=(settings,))

    def submit(self, item: WorkItem) -> Future:
        return self.pool.submit(extract_item, item, self.settings)

    def result(self, pending: Future) -> FileOutcome:
        return pending.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class _Dask:
    """A Dask cluster: the one at ``scheduler``, or a local one started (and stopped) here."""

    def __init__(self, settings: ExtractSettings, jobs: int, scheduler: str | None):
        try:
            import logging

            from distributed import Client, LocalCluster
        except ImportError:
            raise GovkgError("--executor dask needs Dask: pip install 'govkg[dask]'") from None
        self.settings = dataclasses.replace(settings, worker_threads=1)
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="15s")
            else:
                self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            if self.cluster is not None:
                self.cluster.close()
            where = f"at {scheduler}" if scheduler else "(local cluster)"
            raise GovkgError(f"cannot reach the Dask scheduler {where}: {exc}") from None

    def submit(self, item: WorkItem):
        # pure=False: two identical files are still two tasks with their own outcome.
        return self.client.submit(extract_item, item, self.settings, pure=False)

    def result(self, pending) -> FileOutcome:
        return pending.result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def default_jobs() -> int:
    return os.cpu_count() or 1


def iter_outcomes(paths: list[str], settings: ExtractSettings, *, jobs: int = 1, executor: str = "local",
                  scheduler: str | None = None, cache: PageCache | None = None,
                  in_flight: int | None = None) -> Iterator[FileOutcome]:
    """Extract ``paths``; yield one outcome per path, in the order given.

    At most ``in_flight`` files (default: four per job) are read and not yet
    handed back, whatever the length of ``paths``.
    """
    if jobs < 1:
        raise GovkgError(f"--jobs must be at least 1 (got {jobs})")
    if executor not in EXECUTORS:
        raise GovkgError(f"unknown --executor {executor!r}: choose one of {', '.join(EXECUTORS)}")
    if scheduler and executor != "dask":
        raise GovkgError("--scheduler goes with --executor dask")
    from govkg.extract.ner import BACKENDS, backend_names

    if settings.ner not in BACKENDS:  # before any worker is started
        raise GovkgError(f"unknown NER backend {settings.ner!r}: choose one of {', '.join(backend_names())}")
    serial = executor == "local" and jobs == 1
    # In this process there is nothing to overlap: one file at a time, so
    # --fail-fast stops right at the bad file.
    window = in_flight or (1 if serial else 4 * jobs)
    runner = None  # started at the first file the cache does not have: a fully cached run starts nothing
    # Each entry: (cache key to store the result under, a pending result or an outcome, done?).
    pending: deque[tuple[str | None, object, bool]] = deque()
    try:
        todo = iter(paths)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                path = next(todo, None)
                if path is None:
                    exhausted = True
                    break
                item = _read_item(path)
                if isinstance(item, FileOutcome):
                    pending.append((None, item, True))
                    continue
                key = cache.key(item.data, item.name, settings.tag()) if cache is not None else None
                hit = cache.get(key) if key is not None else None
                if hit is not None:
                    pending.append((None, FileOutcome(path, result=hit, cached=True), True))
                else:
                    if runner is None:
                        runner = (_Dask(settings, jobs, scheduler) if executor == "dask"
                                  else _Serial(settings) if serial else _Pool(settings, jobs))
                    pending.append((key, runner.submit(item), False))
            if not pending:
                return
            key, entry, done = pending.popleft()
            outcome = entry if done else runner.result(entry)
            if key is not None and outcome.result is not None:
                cache.put(key, outcome.result)
            yield outcome
    finally:
        if runner is not None:
            runner.close()

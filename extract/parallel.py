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

A text too long to extract at once (extract/pieces.py) comes back from its
worker as text; it is cut into pieces here, and the pieces go out like files,
their outcomes yielded in order (each with the file's ``progress``) before
the outcome of the next file.

A file that cannot be decoded, or on which extraction fails, becomes an
outcome with an ``error``; the caller decides whether to go on. A problem of
the run itself (unknown NER backend, missing model, unreachable scheduler)
is raised. However the run ends, early (an error, Ctrl-C, SIGTERM) or not,
its worker processes end with it.
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
from govkg.extract.cache import PageCache, PieceManifest
from govkg.extract.pieces import Piece, cut_pieces, is_long
from govkg.extract.pipeline import extract_page, page_splitter
from govkg.extract.records import PageResult, SourceText
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


@dataclass(frozen=True)
class PieceItem:
    """One piece of a long text, as sent to a worker."""

    path: str
    name: str
    encoding: str
    piece: Piece


@dataclass
class FileOutcome:
    """What became of one input, or of one piece of a long one.

    A long input gives a first outcome with no result that only says how
    long it is (``progress`` (0, characters)), then one per piece, the last
    one ``final``; any other input gives one outcome, ``final``.
    """

    path: str
    result: PageResult | None = None
    skipped: str | None = None  # why it carried nothing (an empty file)
    error: str | None = None  # why it failed
    cached: bool = False
    progress: tuple[int, int] | None = None  # (characters done, characters in all) of a long input
    final: bool = True  # the input is done with
    source: SourceText | None = None  # a long text, sent back by its worker to be cut into pieces

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
    if is_long(src.text):  # the caller cuts it and sends the pieces
        return FileOutcome(item.path, source=src, final=False)
    try:
        result = extract_page(src, backend, year=settings.year, lex=lex)
    except Exception as exc:  # a bug met on one file must not sink a run over a million
        return FileOutcome(item.path, error=f"cannot extract '{shown}': {type(exc).__name__}: {exc}")
    return FileOutcome(item.path, result=result)


def extract_piece(item: PieceItem, settings: ExtractSettings) -> FileOutcome:
    """Extract one piece of a long text (extract/pieces.py); its articles are numbered as in the whole."""
    backend, lex = _ensure_backend(settings)
    piece = item.piece
    src = SourceText(name=item.name, text=piece.text, encoding=item.encoding,
                     path=None if item.path == "-" else item.path)
    final = piece.end == piece.total
    try:
        result = extract_page(src, backend, year=settings.year, lex=lex, piece=piece)
    except Exception as exc:
        shown = "standard input" if item.path == "-" else item.path
        return FileOutcome(item.path, error=f"cannot extract '{shown}' from its article {piece.first_article} on "
                                            f"(the articles before it are in the graph): {type(exc).__name__}: {exc}")
    return FileOutcome(item.path, result=result, progress=(piece.end, piece.total), final=final)


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

    def submit(self, item: WorkItem | PieceItem) -> FileOutcome:
        return _work(item, self.settings)

    def result(self, pending: FileOutcome) -> FileOutcome:
        return pending

    def close(self, abort: bool = False) -> None:
        pass


class _Pool:
    """A pool of local worker processes (forkserver: safe when the caller runs threads)."""

    def __init__(self, settings: ExtractSettings, jobs: int):
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        self.settings = settings = dataclasses.replace(settings, worker_threads=1)
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                                        initializer=init_worker, initargs=(settings,))

    def submit(self, item: WorkItem | PieceItem) -> Future:
        return self.pool.submit(_work, item, self.settings)

    def result(self, pending: Future) -> FileOutcome:
        return pending.result()

    def close(self, abort: bool = False) -> None:
        """Shut the pool down; with ``abort`` (the run ends early), end the workers now rather
        than let them finish their files (a worker does not take SIGTERM or Ctrl-C for govkg's)."""
        if abort:
            for worker in multiprocessing.active_children():
                worker.terminate()
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

    def submit(self, item: WorkItem | PieceItem):
        # pure=False: two identical files are still two tasks with their own outcome.
        return self.client.submit(_work, item, self.settings, pure=False)

    def result(self, pending) -> FileOutcome:
        return pending.result()

    def close(self, abort: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _work(item: WorkItem | PieceItem, settings: ExtractSettings) -> FileOutcome:
    return extract_piece(item, settings) if isinstance(item, PieceItem) else extract_item(item, settings)


def default_jobs() -> int:
    return os.cpu_count() or 1


def iter_outcomes(paths: list[str], settings: ExtractSettings, *, jobs: int = 1, executor: str = "local",
                  scheduler: str | None = None, cache: PageCache | None = None,
                  in_flight: int | None = None) -> Iterator[FileOutcome]:
    """Extract ``paths``; yield their outcomes in the order given (a long input's pieces in order).

    At most ``in_flight`` files (default: four per job), and as many pieces of
    a long one, are read and not yet handed back, whatever the length of
    ``paths``.
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

    def start_runner():
        nonlocal runner
        if runner is None:
            runner = (_Dask(settings, jobs, scheduler) if executor == "dask"
                      else _Serial(settings) if serial else _Pool(settings, jobs))
        return runner

    # Each entry: (cache key to store the result under, a pending result or an outcome, done?).
    pending: deque[tuple[str | None, object, bool]] = deque()
    pieces: deque[tuple[str | None, object, bool]] = deque()  # of the long input being worked on
    feed: Iterator[tuple[str | None, object, bool]] | None = None  # the rest of its pieces
    aborted = True
    try:
        todo = iter(paths)
        exhausted = False
        while True:
            while feed is not None and len(pieces) < window:
                entry = next(feed, None)
                if entry is None:
                    feed = None
                else:
                    pieces.append(entry)
            while feed is None and not exhausted and len(pending) < window:
                path = next(todo, None)
                if path is None:
                    exhausted = True
                    break
                pending.append(_read_entry(path, settings, cache, start_runner))
            if pieces:
                key, entry, done = pieces.popleft()
                outcome = entry if done else runner.result(entry)
                if outcome.failed:  # the rest of this input is dropped; the next input goes on
                    feed = None
                    pieces.clear()
                    outcome.final = True
                elif key is not None and not outcome.cached:
                    cache.put(key, outcome.result)
                yield outcome
                continue
            if feed is not None:
                continue
            if not pending:
                aborted = False
                return
            key, entry, done = pending.popleft()
            outcome = entry if done else runner.result(entry)
            if outcome.source is not None:  # a long text: its pieces come next
                feed = _piece_entries(outcome, settings, key, cache, start_runner())
                yield FileOutcome(outcome.path, progress=(0, len(outcome.source.text)), final=False)
                continue
            if isinstance(outcome.result, PieceManifest):  # a long text the cache has, piece by piece
                feed = _cached_pieces(outcome, cache)
                yield FileOutcome(outcome.path, progress=(0, outcome.result.total), final=False, cached=True)
                continue
            if key is not None and outcome.result is not None:
                cache.put(key, outcome.result)
            yield outcome
    finally:
        if runner is not None:
            runner.close(abort=aborted)


def _read_entry(path: str, settings: ExtractSettings, cache: PageCache | None, start_runner):
    """Read one input and send it to work, unless the cache has it: (cache key, pending, done?)."""
    item = _read_item(path)
    if isinstance(item, FileOutcome):
        return None, item, True
    key = cache.key(item.data, item.name, settings.tag()) if cache is not None else None
    hit = cache.get(key) if key is not None else None
    if isinstance(hit, PieceManifest) and not all(cache.has(k) for k in hit.keys):
        hit = None
    if hit is not None:
        return None, FileOutcome(path, result=hit, cached=True), True
    return key, start_runner().submit(item), False


def _piece_entries(outcome: FileOutcome, settings: ExtractSettings, key: str | None, cache: PageCache | None,
                   runner) -> Iterator[tuple[str | None, object, bool]]:
    """Cut a long text into pieces (here, with the splitter extraction uses) and send each to work.

    The cut needs the NER model in this process too (the splitter reads
    headlines with it): loaded once, with the settings of the workers.
    """
    source = outcome.source
    backend, _ = _ensure_backend(runner.settings)
    split = page_splitter(backend, source.name, settings.year)
    keys, ends = [], []
    for piece in cut_pieces(source.text, split):
        item = PieceItem(outcome.path, source.name, source.encoding, piece)
        piece_key = (cache.key(piece.text.encode("utf-8"), source.name, f"{settings.tag()};{piece.tag()}")
                     if cache is not None else None)
        keys.append(piece_key)
        hit = cache.get(piece_key) if piece_key is not None else None
        if hit is not None:
            yield None, FileOutcome(outcome.path, result=hit, cached=True, progress=(piece.end, piece.total),
                                    final=piece.end == piece.total), True
        else:
            yield piece_key, runner.submit(item), False
        ends.append(piece.end)
    if key is not None and cache is not None:
        # Stored when the last piece has been sent; a piece whose entry is missing makes the
        # manifest a miss (``_read_entry``), so a run cut short is redone, never half read.
        cache.put(key, PieceManifest(tuple(keys), tuple(ends), len(source.text)))


def _cached_pieces(outcome: FileOutcome, cache: PageCache) -> Iterator[tuple[str | None, object, bool]]:
    manifest: PieceManifest = outcome.result
    for piece_key, end in zip(manifest.keys, manifest.ends):
        hit = cache.get(piece_key)
        if hit is None:
            yield None, FileOutcome(outcome.path, error=f"the cache lost a piece of '{outcome.path}' while it was "
                                                        "read; run again (or use --no-cache)"), True
            return
        yield None, FileOutcome(outcome.path, result=hit, cached=True, final=end == manifest.total,
                                progress=(end, manifest.total)), True

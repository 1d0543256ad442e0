"""Reading and writing the graph file (shared/spec/graph-json.md).

The file is networkx's node-link format with ``edges="edges"``: a user can
load it with ``networkx.node_link_graph(data, edges="edges")``. Output is
deterministic (sorted nodes and edges, sorted keys inside lists of
aliases) so that two runs give byte-identical files.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from govkg import __version__
from govkg.errors import GovkgError
from govkg.graph.schema import NODE_LABELS, RELATION_TYPES, SCHEMA_VERSION


def new_graph() -> nx.MultiDiGraph:
    return nx.MultiDiGraph(schema_version=SCHEMA_VERSION, created_by=f"govkg {__version__}")


def _edge_sort_key(edge: dict[str, Any]) -> tuple:
    return (edge["source"], edge["type"], edge["target"], str(edge.get("key", "")))


def to_data(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The graph as a node-link dict with sorted nodes and edges."""
    data = nx.node_link_data(graph, edges="edges")
    data["graph"] = {"schema_version": SCHEMA_VERSION, "created_by": f"govkg {__version__}", **{
        k: v for k, v in data["graph"].items() if k not in ("schema_version", "created_by")}}
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["edges"] = sorted(data["edges"], key=_edge_sort_key)
    return data


def dumps(graph: nx.MultiDiGraph) -> str:
    return json.dumps(to_data(graph), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


# --- writing outputs ------------------------------------------------------------------
# Every file govkg writes (graph files, views, reports, exports, query results) goes
# through write_text_atomic, and so through check_output: the one rule for outputs.

#: ``-o -``: standard output.
STDOUT = "-"


@dataclass(frozen=True)
class Inputs:
    """What a command reads, so that no output of it can destroy an input.

    An output may not be one of ``files`` (the same file by any name: a
    symlink, a hard link), nor a file ending in one of ``suffixes`` inside
    one of ``folders``, where the next run would read it back as input.
    """

    files: tuple[Path, ...] = ()
    folders: tuple[Path, ...] = ()
    suffixes: tuple[str, ...] = ()

    @classmethod
    def of(cls, *files: str | os.PathLike[str] | None) -> "Inputs":
        return cls(tuple(Path(f) for f in files if f is not None and str(f) != STDOUT))


NO_INPUTS = Inputs()


def is_stdout(path: str | os.PathLike[str] | None) -> bool:
    return path is not None and str(path) == STDOUT


def shown(path: str | os.PathLike[str]) -> str:
    """An output as messages name it."""
    return "standard output" if is_stdout(path) else str(path)


def _is_stream(path: Path) -> bool:
    """A device, a pipe or a socket (``/dev/null``, ``/dev/stdout``): written to, never replaced."""
    if str(path).startswith(("/dev/", "/proc/")):
        return True
    try:
        return not stat.S_ISREG(os.stat(path).st_mode) and not path.is_dir()
    except OSError:
        return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(path: str | os.PathLike[str], inputs: Inputs = NO_INPUTS) -> None:
    """Refuse an output that cannot be written, or that would destroy an input; call it before any work."""
    if is_stdout(path):
        return
    path = Path(path)
    if path.is_dir():
        raise GovkgError(f"cannot write '{path}': it is a directory")
    for given in inputs.files:
        if _same_file(path, given):
            same = "" if str(given) == str(path) else f" ('{given}')"
            raise GovkgError(f"will not write '{path}': it is one of the inputs{same}, which writing it "
                             "would destroy; choose another output")
    if _is_stream(path):
        return
    target = Path(os.path.realpath(path))  # a symlink is written through, to the file it names
    if target.suffix.lower() in inputs.suffixes:
        for folder in inputs.folders:
            if target.is_relative_to(os.path.realpath(folder)):
                raise GovkgError(f"will not write '{path}': it is inside the input folder '{folder}', where a "
                                 f"later run would read it back as input; choose another output")
    if not target.parent.is_dir():
        raise GovkgError(f"cannot write '{path}': folder '{path.parent}' does not exist")


def write_text_atomic(path: str | os.PathLike[str], text: str | Iterable[str], inputs: Inputs = NO_INPUTS) -> None:
    """Write ``text`` (a string, or its pieces) to ``path`` by the rule of ``check_output``.

    A file is written to a temporary file beside it, then renamed into place,
    so a failed run never leaves half a file; a symlink is written through
    (the file it names is replaced, the link stays); a device or a pipe
    (``/dev/null``, ``/dev/stdout``) is written to as it is; ``-`` is
    standard output.
    """
    check_output(path, inputs)
    pieces = [text] if isinstance(text, str) else text
    if is_stdout(path):
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    path = Path(path)
    if _is_stream(path):
        try:
            with open(path, "w", encoding="utf-8") as fh:
                for piece in pieces:
                    fh.write(piece)
        except OSError as exc:
            raise GovkgError(f"cannot write '{path}': {exc.strerror or exc}") from None
        return
    target = Path(os.path.realpath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise GovkgError(f"cannot write '{path}': {exc.strerror or exc}") from None
    try:
        try:  # a file replaced keeps its permissions; a new one gets those a plain open() would give
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for piece in pieces:
                fh.write(piece)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise GovkgError(f"cannot write '{path}': {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_graph(graph: nx.MultiDiGraph, path: str | os.PathLike[str], inputs: Inputs = NO_INPUTS) -> None:
    """Write the graph file atomically: a failed run never leaves a truncated file.

    The JSON is written as it is encoded, never held whole in memory.
    """
    encoder = json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=False)
    write_text_atomic(Path(path), itertools.chain(encoder.iterencode(to_data(graph)), ["\n"]), inputs)


# --- reading: the file is checked once, here, before anyone uses it ----------------------

class GraphFileError(GovkgError):
    """A graph file that breaks the format: one line per problem (at most ``MAX_PROBLEMS``)."""

    def __init__(self, origin: str, problems: list[str]):
        self.problems = problems
        lines = [f"{origin}: {problem}" for problem in problems[:MAX_PROBLEMS]]
        if len(problems) > MAX_PROBLEMS:
            lines.append(f"{origin}: … and {len(problems) - MAX_PROBLEMS} more problems")
        super().__init__("\n".join(lines))


MAX_PROBLEMS = 20

#: Properties govkg writes, and the type each one has (graph-json.md; anything else may be added).
_STRINGS = frozenset({"id", "label", "name", "title", "kicker", "lead", "date", "date_text", "source", "kind",
                      "outlet", "text", "territory", "level", "scope", "type", "status", "basis", "credit",
                      "event", "event_date", "target", "created_by"})
_COUNTS = frozenset({"number", "page", "count", "schema_version"})
_STRING_LISTS = frozenset({"aliases"})
_SURROGATE = re.compile("[\ud800-\udfff]")


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "a map"


def _value_problem(key: str, value: Any) -> str | None:
    """What is wrong with one property, or None."""
    if key == "":
        return "a property with an empty name"
    if _SURROGATE.search(key):
        return f"property {key!r} has a lone surrogate in its name (not Unicode text)"
    if value is None:
        return None
    if key in _STRINGS:
        if not isinstance(value, str):
            return f"'{key}' is {_kind(value)}, not a string"
    elif key in _COUNTS:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return f"'{key}' is {value!r:.40}, not a whole number ≥ 0" if isinstance(value, (int, float)) \
                else f"'{key}' is {_kind(value)}, not a whole number"
    elif key in _STRING_LISTS:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            return f"'{key}' is {_kind(value)}, not a list of strings" if not isinstance(value, list) \
                else f"'{key}' holds {_kind(next(i for i in value if not isinstance(i, str)))}, not only strings"
    elif key == "evidence":
        if not isinstance(value, list) or not all(
                isinstance(item, dict) and isinstance(item.get("article"), str)
                and isinstance(item.get("sentence"), str) for item in value):
            return "'evidence' is not a list of {\"article\": …, \"sentence\": …} items (both strings)"
    return _text_problem(key, value)


def _text_problem(key: str, value: Any) -> str | None:
    """A lone surrogate, an empty key or a number that is not finite, anywhere inside ``value``."""
    if isinstance(value, str):
        return f"'{key}' has a lone surrogate (not Unicode text)" if _SURROGATE.search(value) else None
    if isinstance(value, float) and not math.isfinite(value):
        return f"'{key}' is {value}, not a finite number"
    if isinstance(value, list):
        for item in value:
            found = _text_problem(key, item)
            if found:
                return found
    elif isinstance(value, dict):
        for inner, item in value.items():
            if inner == "" or _SURROGATE.search(inner):
                return f"'{key}' holds a map with an empty or broken key"
            found = _text_problem(key, item)
            if found:
                return found
    return None


def _problems(data: Any) -> tuple[list[str], str]:
    """Everything wrong with a node-link dict (graph-json.md), and the name of its edge list."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        return ["not a govkg graph file (no 'nodes' list)"], "edges"
    edges_key = "edges" if "edges" in data else "links"
    problems: list[str] = []
    if not isinstance(data.get(edges_key, []), list):
        problems.append(f"'{edges_key}' is not a list")
    for flag in ("directed", "multigraph"):
        if data.get(flag, True) is not True:
            problems.append(f"\"{flag}\": {json.dumps(data[flag])}: a govkg graph is a directed multigraph "
                            f"(\"{flag}\": true)")
    meta = data.get("graph", {})
    if not isinstance(meta, dict):
        problems.append("'graph' is not a map")
    else:
        version = meta.get("schema_version")
        if version is not None and (version != SCHEMA_VERSION or isinstance(version, bool)):
            problems.append(f"format version {version!r:.20} (schema_version), but this govkg reads and writes "
                            f"version {SCHEMA_VERSION}")
        problems += [f"graph: {found}" for key, value in meta.items() if (found := _value_problem(key, value))]
    ids: set[str] = set()
    for i, node in enumerate(data["nodes"]):
        where = f"nodes[{i}]"
        if not isinstance(node, dict):
            problems.append(f"{where} is {_kind(node)}, not a node")
            continue
        node_id = node.get("id")
        if not isinstance(node_id, str) or not node_id:
            problems.append(f"{where} has {'no' if node_id is None else 'a bad'} id "
                            f"({'null' if node_id is None else _kind(node_id)}): every node has a string id")
            continue
        where += f" '{node_id:.60}'"
        if _SURROGATE.search(node_id):
            problems.append(f"{where}: the id has a lone surrogate (not Unicode text)")
        if node_id in ids:
            problems.append(f"{where}: a second node with this id (ids are unique)")
        ids.add(node_id)
        if node.get("label") not in NODE_LABELS:
            problems.append(f"{where}: label {node.get('label')!r:.30} is not one of {', '.join(NODE_LABELS)}")
        problems += [f"{where}: {found}" for key, value in node.items()
                     if key not in ("id", "label") and (found := _value_problem(key, value))]
    edges = data.get(edges_key, [])
    seen: set[tuple[Any, Any, Any]] = set()
    for i, edge in enumerate(edges if isinstance(edges, list) else []):
        where = f"{edges_key}[{i}]"
        if not isinstance(edge, dict):
            problems.append(f"{where} is {_kind(edge)}, not an edge")
            continue
        source, target, rel_type = edge.get("source"), edge.get("target"), edge.get("type")
        where += f" ({source!s:.40} -[{rel_type!s:.20}]-> {target!s:.40})"
        if not isinstance(rel_type, str) or not rel_type:
            problems.append(f"{where}: an edge with no type")
        elif rel_type not in RELATION_TYPES:
            problems.append(f"{where}: type '{rel_type:.30}' is not one of {', '.join(RELATION_TYPES)}")
        for end, value in (("source", source), ("target", target)):
            if not isinstance(value, str) or value not in ids:
                problems.append(f"{where}: {end} {value!r:.60} is no node of the file")
        key = edge.get("key", None)
        if key is not None:
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                problems.append(f"{where}: 'key' is {_kind(key)}, not a string")
            elif (source, target, key) in seen:
                problems.append(f"{where}: a second edge with this source, target and key (one would be lost)")
            seen.add((source, target, key))
        problems += [f"{where}: {found}" for k, value in edge.items()
                     if k not in ("source", "target", "type", "key") and (found := _value_problem(k, value))]
    return problems, edges_key


def from_data(data: Any, origin: str = "graph file") -> nx.MultiDiGraph:
    """Build the graph from a node-link dict, after checking it all (GraphFileError lists what is wrong).

    Every command that reads a graph file reads it here, so nothing downstream
    (views, reports, merges, the Neo4j loader, the embedded database) meets a
    value of the wrong type, an edge to a node that is not there or a
    duplicate id, and a load never starts on a file it cannot finish.
    """
    problems, edges_key = _problems(data)
    if problems:
        raise GraphFileError(origin, problems)
    data = {"directed": True, "multigraph": True, "graph": {}, **data}
    data.setdefault(edges_key, [])
    try:
        graph = nx.node_link_graph(data, directed=True, multigraph=True, edges=edges_key)
    except (KeyError, TypeError, nx.NetworkXError) as exc:
        raise GovkgError(f"{origin} is not a valid node-link graph: {exc}") from None
    return graph


def read_graph(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read a graph file, with a clear error for a missing or malformed file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GovkgError(f"graph file '{path}' not found (run 'govkg extract' first)") from None
    except IsADirectoryError:
        raise GovkgError(f"'{path}' is a directory, not a graph file") from None
    except UnicodeDecodeError:
        raise GovkgError(f"'{path}' is not a UTF-8 JSON graph file") from None
    except OSError as exc:
        raise GovkgError(f"cannot read '{path}': {exc.strerror or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GovkgError(f"'{path}' is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise GovkgError(f"'{path}' nests too deep to be a graph file") from None
    return from_data(data, origin=f"'{path}'")

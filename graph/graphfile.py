"""Reading and writing the graph file (shared/spec/graph-json.md).

The file is networkx's node-link format with ``edges="edges"``: a user can
load it with ``networkx.node_link_graph(data, edges="edges")``. Output is
deterministic (sorted nodes and edges, sorted keys inside lists of
aliases) so that two runs give byte-identical files.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx

from govkg import __version__
from govkg.errors import GovkgError
from govkg.graph.schema import NODE_LABELS, SCHEMA_VERSION


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


def write_graph(graph: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Write the graph file atomically: a failed run never leaves a truncated file."""
    write_text_atomic(Path(path), dumps(graph))


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise GovkgError(f"cannot write '{path}': it is a directory")
    if not parent.is_dir():
        raise GovkgError(f"cannot write '{path}': folder '{parent}' does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise GovkgError(f"cannot write '{path}': {exc.strerror or exc}") from None
    try:
        # mkstemp makes the file owner-only; give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise GovkgError(f"cannot write '{path}': {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def from_data(data: Any, origin: str = "graph file") -> nx.MultiDiGraph:
    """Build the graph from a node-link dict, checking the fixed points of the format."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise GovkgError(f"{origin} is not a govkg graph file (no 'nodes' list)")
    edges_key = "edges" if "edges" in data else "links"
    if not isinstance(data.get(edges_key, []), list):
        raise GovkgError(f"{origin} is not a govkg graph file ('{edges_key}' is not a list)")
    for node in data["nodes"]:
        if not isinstance(node, dict) or "id" not in node or node.get("label") not in NODE_LABELS:
            raise GovkgError(f"{origin}: node {node!r:.80} has no id or an unknown label")
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
    return from_data(data, origin=f"'{path}'")

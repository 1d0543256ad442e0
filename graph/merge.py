"""Merging graph files: the reduce step across runs (``govkg merge a.json b.json -o all.json``).

The rules are those of govkg.graph.build.add_page, applied to whole graphs,
so extracting two corpora separately and merging the files gives the same
file as extracting them together:

- one node per id; ``aliases`` unioned (sorted), other properties kept from
  the first graph that has them; namesakes whose posts lie in different
  counties kept apart;
- one edge per (source, target, type); ``evidence`` lists concatenated
  without repeats, ``count`` of MENTIONED_IN summed, other properties kept
  from the first graph that has them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import networkx as nx

from govkg.errors import GovkgError
from govkg.graph.graphfile import new_graph, read_graph, write_graph
from govkg.graph.build import namesake_id
from govkg.graph.schema import MENTIONED_IN


def _namesakes_apart(graph: nx.MultiDiGraph, other: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``other`` with its people renamed where ``graph`` has a namesake (govkg.graph.build.namesake_id)."""
    renames = {}
    for node, attrs in other.nodes(data=True):
        new = namesake_id(graph, node, attrs.get("label"), attrs.get("territory"))
        if new:
            renames[node] = new
    return nx.relabel_nodes(other, renames, copy=True) if renames else other


def merge_into(graph: nx.MultiDiGraph, other: nx.MultiDiGraph) -> None:
    """Add ``other``'s nodes and edges to ``graph`` (changed in place)."""
    other = _namesakes_apart(graph, other)
    for node, attrs in other.nodes(data=True):
        if node not in graph:
            graph.add_node(node, **{k: (list(v) if k == "aliases" else v) for k, v in attrs.items()})
            continue
        data = graph.nodes[node]
        if "aliases" in attrs or "aliases" in data:
            data["aliases"] = sorted(set(data.get("aliases", [])) | set(attrs.get("aliases", [])))
        for key, value in attrs.items():
            data.setdefault(key, value)
    for source, target, key, attrs in other.edges(keys=True, data=True):
        if not graph.has_edge(source, target, key=key):
            copied = dict(attrs)
            if "evidence" in copied:
                copied["evidence"] = list(copied["evidence"])
            graph.add_edge(source, target, key=key, **copied)
            continue
        data = graph.edges[source, target, key]
        if attrs.get("type", key) == MENTIONED_IN:
            data["count"] = data.get("count", 0) + attrs.get("count", 0)
        if "evidence" in attrs:
            known = data.setdefault("evidence", [])
            known.extend(e for e in attrs["evidence"] if e not in known)
        for name, value in attrs.items():
            data.setdefault(name, value)


def merge_graphs(graphs: Iterable[nx.MultiDiGraph]) -> nx.MultiDiGraph:
    """One graph from several, merged in the order given."""
    merged = new_graph()
    schema = None
    for graph in graphs:
        version = graph.graph.get("schema_version")
        if schema is not None and version is not None and version != schema:
            raise GovkgError(f"cannot merge graph files of schema versions {schema} and {version}")
        schema = schema or version
        merge_into(merged, graph)
    return merged


def merge_files(paths: list[str | os.PathLike[str]], output: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Read the graph files, merge them, write ``output`` atomically; return the merged graph.

    Every input is read before anything is written, so ``output`` may be one
    of the inputs.
    """
    if not paths:
        raise GovkgError("give at least one graph file to merge")
    merged = merge_graphs(read_graph(p) for p in paths)
    write_graph(merged, output)
    return merged

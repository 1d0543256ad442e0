"""The one rule for combining what is known about a node or a relation, and its uses.

Every place that meets the same node or relation twice applies this rule:
extraction's reduce step (``graph.build.add_page``), ``govkg merge``
(``merge_into``), the Neo4j loader for parallel edges inside one file and
the query helpers on a graph file (``collapse_parallel_edges``, so that the
networkx answers equal the database's). The rule:

- a node is its id; a relation is (source, type, target), whatever key the
  file gave it;
- ``aliases``: the sorted union; ``evidence``: the concatenation without
  repeats, in order of first appearance; any other list: the same union in
  order;
- ``count`` (MENTIONED_IN) is how often one article names the entity. The
  relation is (entity, article), so meeting it twice means meeting the same
  article twice (a page extracted twice, a file merged with itself, two
  files that share a page): the article's mentions are counted once, the
  larger count kept (a total over articles is the sum over these relations,
  which the view and the helpers take);
- any other property: the first value met is kept; a missing or ``None``
  value is filled in from a later one; except that a relation whose
  evidence records what each sentence says of it (a post's ``status``,
  ``event``, ``event_date``, ``date``: ``STATEMENT_PROPS``) shows its latest
  statement, by article date then event date (appointed in 2020, removed in
  2023: the post is former), the later met on a tie;
- two people of one name whose posts lie in different counties stay two
  nodes (``namesake_id``), in a run and across runs alike, unless the
  newcomer holds a post the known person holds (an official moved to
  another county, whose page names the old post too).

Extracting two corpora separately and merging the files therefore gives the
same file as extracting them together, and merging is idempotent: a graph
merged with itself, or with a part of itself, is unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from govkg.errors import GovkgError
from govkg.graph.graphfile import Inputs, check_output, new_graph, read_graph, write_graph
from govkg.graph.schema import HOLDS_ROLE, PERSON, STATEMENT_PROPS

#: List properties kept sorted (a set, in effect); other lists keep the order of first appearance.
SORTED_LISTS = ("aliases",)
#: Properties counted once per relation: the same relation met again keeps the larger value.
LARGEST = ("count",)


_COLLECTIONS = (list, tuple, set, frozenset)


def _combine(into: dict[str, Any], new: Mapping[str, Any]) -> None:
    for key, value in new.items():
        if value is None:
            continue
        known = into.get(key)
        if known is None:
            into[key] = sorted(set(value)) if key in SORTED_LISTS else _copy(value)
        elif key in LARGEST and _is_number(known) and _is_number(value):
            into[key] = max(known, value)
        elif isinstance(known, list) and isinstance(value, _COLLECTIONS):
            if key in SORTED_LISTS:
                into[key] = sorted(set(known) | set(value))
            else:
                known.extend(item for item in value if item not in known)
        # otherwise the first value stays


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _copy(value: Any) -> Any:
    """Lists are copied so that merging never changes the graph they came from."""
    return list(value) if isinstance(value, _COLLECTIONS) else value


def merge_node_attrs(into: dict[str, Any], new: Mapping[str, Any]) -> None:
    """Combine ``new`` into the attributes ``into`` of a node already known (changed in place)."""
    _combine(into, new)


def merge_edge_attrs(into: dict[str, Any], new: Mapping[str, Any]) -> None:
    """Combine ``new`` into the attributes ``into`` of a relation already known (changed in place)."""
    _combine(into, new)
    _show_latest_statement(into)


def _show_latest_statement(attrs: dict[str, Any]) -> None:
    statements = [(str(item.get("date") or ""), str(item.get("event_date") or ""), n, item)
                  for n, item in enumerate(attrs.get("evidence") or [])
                  if isinstance(item, Mapping) and item.get("status")]
    if not statements:
        return
    latest = max(statements, key=lambda s: s[:3])[3]
    for key in STATEMENT_PROPS:
        if latest.get(key):
            attrs[key] = latest[key]
        else:
            attrs.pop(key, None)


def add_node(graph: nx.MultiDiGraph, node: str, attrs: Mapping[str, Any]) -> None:
    """Add the node, or combine ``attrs`` into the node of that id."""
    if node in graph:
        merge_node_attrs(graph.nodes[node], attrs)
    else:
        fresh: dict[str, Any] = {}
        _combine(fresh, attrs)
        graph.add_node(node, **fresh)


def edge_key(graph: nx.MultiDiGraph, source: str, target: str, rel_type: str) -> Any:
    """The key of the ``rel_type`` edge from ``source`` to ``target``, or None."""
    if not graph.has_edge(source, target):
        return None
    if rel_type in graph[source][target]:  # graph files key edges by their type
        return rel_type
    for key, attrs in graph[source][target].items():
        if attrs.get("type", key) == rel_type:
            return key
    return None


def add_edge(graph: nx.MultiDiGraph, source: str, target: str, attrs: Mapping[str, Any]) -> None:
    """Add the relation (keyed by its type), or combine ``attrs`` into the one already there."""
    rel_type = attrs.get("type")
    key = edge_key(graph, source, target, rel_type)
    if key is not None:
        merge_edge_attrs(graph.edges[source, target, key], attrs)
    else:
        fresh: dict[str, Any] = {}
        _combine(fresh, attrs)
        graph.add_edge(source, target, key=rel_type, **fresh)


def collapse_parallel_edges(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph`` with one edge per (source, type, target), as Neo4j stores it.

    A graph file written by govkg has no parallel edges of one type, and then
    ``graph`` itself is returned; otherwise a new graph, the input unchanged.
    """
    seen: set[tuple[Any, Any, Any]] = set()
    for source, target, rel_type in graph.edges(data="type"):
        if (source, target, rel_type) in seen:
            break
        seen.add((source, target, rel_type))
    else:
        return graph
    out = nx.MultiDiGraph(**graph.graph)
    out.add_nodes_from(graph.nodes(data=True))
    for source, target, attrs in graph.edges(data=True):
        add_edge(out, source, target, attrs)
    return out


def namesake_id(graph: nx.MultiDiGraph, node_id: str, label: str | None, territory: str | None,
                posts: Iterable[str] = ()) -> str | None:
    """The id to use instead of ``node_id`` when ``graph`` has a namesake whose post lies elsewhere.

    Two people of one name whose posts lie in different counties are two
    nodes (``person:张伟@临川县``); the evidence that they differ is the
    ``territory`` of their posts. A person named without a post merges with
    the one already in the graph, and so does one who holds a post (``posts``:
    Role ids) that the graph's person holds: 原岚溪县县长方志远已调任望川县委书记
    is the 岚溪县 county head, though his new post lies in 望川县.
    """
    if label != PERSON or not territory or node_id not in graph or "@" in node_id:
        return None
    known = graph.nodes[node_id].get("territory")
    if not known or known == territory:
        return None
    held = {target for _, target, rel in graph.out_edges(node_id, data="type") if rel == HOLDS_ROLE}
    return None if held & set(posts) else f"{node_id}@{territory}"


def _namesakes_apart(graph: nx.MultiDiGraph, other: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``other`` with its people renamed where ``graph`` has a namesake (``namesake_id``)."""
    renames = {}
    for node, attrs in other.nodes(data=True):
        posts = [t for _, t, rel in other.out_edges(node, data="type") if rel == HOLDS_ROLE]
        new = namesake_id(graph, node, attrs.get("label"), attrs.get("territory"), posts)
        if new:
            renames[node] = new
    return nx.relabel_nodes(other, renames, copy=True) if renames else other


def merge_into(graph: nx.MultiDiGraph, other: nx.MultiDiGraph) -> None:
    """Add ``other``'s nodes and edges to ``graph`` (changed in place; ``other`` is not)."""
    other = _namesakes_apart(graph, other)
    for node, attrs in other.nodes(data=True):
        add_node(graph, node, attrs)
    for source, target, key, attrs in other.edges(keys=True, data=True):
        add_edge(graph, source, target, {"type": key, **attrs})


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

    ``output`` may not be one of the inputs (graphfile.check_output): that is
    refused before anything is read.
    """
    if not paths:
        raise GovkgError("give at least one graph file to merge")
    inputs = Inputs.of(*paths)
    check_output(output, inputs)
    merged = merge_graphs(read_graph(p) for p in paths)
    write_graph(merged, output, inputs)
    return merged

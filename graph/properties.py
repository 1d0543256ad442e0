"""How graph-file attributes become flat properties of a property graph, and back.

The one mapping from the graph file to the rows every property-graph store
gets: the Neo4j loader (queries/neo4j/load.py), the embedded database behind
``govkg query --graph`` (queries/embedded.py) and the exports
(queries/export.py). A node row is ``{id, props, lists}`` per label; an edge
row ``{source, target, props, lists}`` per (type, source label, target label),
one per (source, type, target): parallel edges of one type are combined first
by graph.merge's rule.

- Strings, numbers and booleans are stored as they are; a list of strings
  (or of numbers, or of booleans) stays a list property (``aliases``).
- Anything nested cannot be a Neo4j property. ``evidence`` (a list of
  ``{article, sentence}`` maps) is stored as ``evidence_json``: a list of
  strings, each one evidence item as canonical JSON (sorted keys, no spaces,
  UTF-8). One string per item rather than one JSON document per relationship
  is deliberate: the database can then merge evidence from two graph files
  itself, as a union of strings, without duplicates and without a plugin.
  Any other nested value ``k`` follows the same rule as ``k_json`` (a map
  becomes one JSON string).
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import networkx as nx

from govkg.errors import GovkgError
from govkg.graph.merge import collapse_parallel_edges
from govkg.graph.schema import NODE_LABELS, RELATION_TYPES, label_of_id

_NODE_KEYS = ("id", "label")
_EDGE_KEYS = ("source", "target", "type", "key")

def canonical_json(value: Any) -> str:
    """One spelling per value, so equal evidence items are equal strings."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, bool, int, float))


def split_properties(attrs: dict[str, Any], skip: tuple[str, ...]) -> tuple[dict, dict]:
    """Split attributes into scalar ``props`` and list ``lists``, per the rules above.

    ``None`` values are dropped (Neo4j has no null property; sending one
    would delete the property that an earlier file set).
    """
    props: dict[str, Any] = {}
    lists: dict[str, list] = {}
    for key, value in attrs.items():
        if key in skip or value is None:
            continue
        if _is_scalar(value):
            props[key] = value
        elif isinstance(value, (list, tuple)):
            kinds = {type(item) for item in value}
            if len(kinds) <= 1 and all(_is_scalar(item) for item in value):
                lists[key] = list(value)
            else:
                lists[f"{key}_json"] = [canonical_json(item) for item in value]
        else:
            props[f"{key}_json"] = canonical_json(value)
    return props, lists


def decode_properties(props: dict[str, Any]) -> dict[str, Any]:
    """The inverse of ``split_properties``: ``k_json`` (a string or a list of strings) back to ``k``.

    A value that is not valid JSON is kept under its stored name.
    """
    out: dict[str, Any] = {}
    for key, value in props.items():
        if key.endswith("_json"):
            try:
                value = [json.loads(v) for v in value] if isinstance(value, list) else json.loads(value)
            except (TypeError, ValueError):
                out[key] = value
                continue
            key = key[: -len("_json")]
        out[key] = value
    return out


def _label(graph: nx.MultiDiGraph, node_id: str) -> str:
    label = graph.nodes[node_id].get("label") or label_of_id(str(node_id))
    if label not in NODE_LABELS:
        raise GovkgError(f"node '{node_id}' has no known label (one of {', '.join(NODE_LABELS)})")
    return label


def node_rows(graph: nx.MultiDiGraph) -> dict[str, list[dict[str, Any]]]:
    """Rows per label: ``{id, props, lists}``, sorted by id for a deterministic load."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node_id in sorted(graph.nodes, key=str):
        props, lists = split_properties(graph.nodes[node_id], _NODE_KEYS)
        rows[_label(graph, node_id)].append({"id": str(node_id), "props": props, "lists": lists})
    return dict(rows)


def edge_rows(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Rows per (type, source label, target label), one per (source, type, target).

    Parallel edges of one type between the same nodes are combined first, by
    the rule every part of govkg uses (``graph.merge.collapse_parallel_edges``).
    """
    for source, target, rel_type in graph.edges(data="type"):
        if rel_type not in RELATION_TYPES:
            raise GovkgError(f"edge {source} -> {target} has an unknown type {rel_type!r} "
                             f"(one of {', '.join(RELATION_TYPES)})")
    rows: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    edges = sorted(collapse_parallel_edges(graph).edges(data=True),
                   key=lambda e: (str(e[0]), e[2]["type"], str(e[1])))
    for source, target, attrs in edges:
        props, lists = split_properties(attrs, _EDGE_KEYS)
        rows[(attrs["type"], _label(graph, source), _label(graph, target))].append(
            {"source": str(source), "target": str(target), "props": props, "lists": lists})
    return dict(rows)

"""Values from the Neo4j driver made readable: JSON-ready data, table cells, query plans.

``plain``: a node becomes its properties plus ``_labels``, a relationship its
type, ends and properties, a path its nodes and relationships, a date its ISO
text. ``text``: in a table or CSV cell, a node shows as its name (else title,
else id), a relationship as ``张伟 -[:HOLDS_ROLE]-> 代区长``, a path as the
chain of both. ``plan_text``: a PROFILE or EXPLAIN plan as a tree.
"""

from __future__ import annotations

import json
from typing import Any


def _node_text(node) -> str:
    """A node's name (``graph.names.display_name``); ``()`` for a relationship's end the
    query did not return (no properties, no labels)."""
    from govkg.graph.names import display_name

    if node is None or (node.get("id") is None and not dict(node)):
        return "()"
    label = next(iter(sorted(node.labels)), None)
    return display_name({**dict(node), "label": label}, str(node.get("id") or node.element_id))


def _rel_text(rel, forward: bool = True) -> str:
    return f"-[:{rel.type}]->" if forward else f"<-[:{rel.type}]-"


def plain(value: Any) -> Any:
    """A driver value as JSON-ready data (nodes, relationships and paths as maps)."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type,
                "_start": plain_id(value.start_node), "_end": plain_id(value.end_node),
                **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes],
                "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Duration …
        return value.iso_format()
    return str(value)  # spatial points and anything newer


def plain_id(node) -> Any:
    """A relationship end: the node's ``id`` property, else its element id."""
    if node is None:
        return None
    return node.get("id") if node.get("id") is not None else node.element_id


def text(value: Any) -> str:
    """A value as one cell of a table or CSV file."""
    from neo4j.graph import Node, Path, Relationship

    if value is None:
        return ""
    if isinstance(value, Node):
        return _node_text(value)
    if isinstance(value, Relationship):
        return f"{_node_text(value.start_node)} {_rel_text(value)} {_node_text(value.end_node)}"
    if isinstance(value, Path):
        parts = [_node_text(value.start_node)]
        here = value.start_node
        for rel in value.relationships:
            forward = rel.start_node is not None and rel.start_node.element_id == here.element_id
            here = rel.end_node if forward else rel.start_node
            parts += [_rel_text(rel, forward), _node_text(here)]
        return " ".join(parts)
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict) and "sentence" in value:  # an evidence item
        return str(value["sentence"])
    if isinstance(value, (list, tuple)) and all(isinstance(v, dict) and "sentence" in v for v in value):
        return " | ".join(str(v["sentence"]) for v in value)
    value = plain(value)  # dates become ISO text
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def plan_text(plan: dict[str, Any], indent: int = 0) -> str:
    """A PROFILE or EXPLAIN plan as an indented tree, one operator a line.

    ``NodeUniqueIndexSeek … UNIQUE p:Person(id) WHERE id = $id`` is the sign
    that a lookup uses a uniqueness constraint's index.
    """
    args = plan.get("args", {})
    operator = plan.get("operatorType", "?").split("@")[0]
    if "rows" in plan or "dbHits" in plan:
        counts = f"rows={plan.get('rows', 0)} db_hits={plan.get('dbHits', 0)}"
    else:
        counts = f"estimated_rows={args.get('EstimatedRows', 0):.0f}"
    details = " ".join(str(args.get("Details", "")).split())  # a CASE spans lines
    line = f"{'  ' * indent}+ {operator}  {counts}" + (f"  {details}" if details else "")
    return "\n".join([line] + [plan_text(child, indent + 1) for child in plan.get("children", [])])

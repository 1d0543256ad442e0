"""How a node is named to people, and how a typed name matches a node: one rule for all.

The query helpers (networkx and Cypher, ``queries/neo4j/cypher.py`` ``_name``
mirrors ``display_name``), the reports and the HTML view all use these, so a
node has the same name everywhere and a name finds the same nodes.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

#: How a typed name matched a node, best first.
MATCH_KINDS = ("name", "alias", "partial")


def display_name(attrs: Mapping[str, Any], node_id: str) -> str:
    """``name``, else ``title``, else the id; empty strings count as missing.

    (An untitled Article is named by its first words when the graph is built,
    graph/build.py, so it has a name too.)
    """
    for key in ("name", "title"):
        value = attrs.get(key)
        if value is not None and value != "":
            return str(value)
    return node_id


def role_title(attrs: Mapping[str, Any], node_id: str) -> str:
    """A Role's title: ``title``, else ``name``, else its id (``coalesce(r.title, r.name, r.id)``)."""
    for key in ("title", "name"):
        value = attrs.get(key)
        if value is not None:
            return str(value)
    return node_id


def match_kind(query: str, name: str | None, aliases: Iterable[Any]) -> str | None:
    """How ``query`` matches a node's name and aliases (``MATCH_KINDS``), or None if it does not."""
    aliases = [a for a in aliases if isinstance(a, str)]
    if name == query:
        return "name"
    if query in aliases:
        return "alias"
    if (isinstance(name, str) and query in name) or any(query in a for a in aliases):
        return "partial"
    return None

"""How graph-file attributes become Neo4j properties, and back.

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
from typing import Any

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

"""Printing query results: a table for people, JSON and CSV for programs.

Rows are dicts keyed by column. Values from the driver are made readable by
``queries.neo4j.values`` (a node as its properties plus ``_labels``, in a
table or CSV cell as its name; a relationship as ``张伟 -[:HOLDS_ROLE]-> 代区长``).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Sequence

from govkg.errors import GovkgError
from govkg.queries.neo4j.values import plain, text

FORMATS = ("table", "json", "csv")


def parse_params(items: Iterable[str]) -> dict[str, Any]:
    """``--param`` values: ``name=text`` gives a string, ``name:=JSON`` a number, list, map…"""
    params: dict[str, Any] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.rstrip(":"):
            raise GovkgError(f"--param '{item}' is not name=value (or name:=JSON)")
        if name.endswith(":"):
            name = name[:-1]
            try:
                parsed: Any = json.loads(value)
            except json.JSONDecodeError as exc:
                raise GovkgError(f"--param {name}:= wants JSON ({exc.msg}): '{value}'") from None
        else:
            parsed = value
        if name in params:
            raise GovkgError(f"--param {name} given twice")
        params[name] = parsed
    return params


def parse_args(items: Iterable[str]) -> dict[str, str]:
    """``--arg name=value`` pairs for a named helper."""
    args: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise GovkgError(f"--arg '{item}' is not name=value")
        args[name] = value
    return args


# --------------------------------------------------------------- rendering


def to_json(rows: Sequence[dict[str, Any]]) -> str:
    """A JSON list with one object per row, keyed by column."""
    return json.dumps([{k: plain(v) for k, v in row.items()} for row in rows],
                      ensure_ascii=False, indent=2) + "\n"


def to_csv(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    """CSV with a header row; nodes, relationships and paths as readable text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([text(row.get(c)) for c in columns])
    return out.getvalue()


def print_table(console, columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> None:
    """A rich table; long cells fold rather than being cut off."""
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(text(row.get(c)) for c in columns))
    console.print(table)


def render(fmt: str, columns: Sequence[str], rows: Sequence[dict[str, Any]], console) -> None:
    """Print rows in ``fmt`` (table, json or csv) on ``console``'s output."""
    if fmt == "json":
        console.file.write(to_json(rows))
    elif fmt == "csv":
        console.file.write(to_csv(columns, rows))
    elif fmt == "table":
        print_table(console, columns, rows)
    else:
        raise GovkgError(f"unknown --format '{fmt}' (one of {', '.join(FORMATS)})")


def helper_rows(records: Sequence[Any], fmt: str) -> tuple[list[str], list[dict[str, Any]]]:
    """Columns and rows for a named helper's records.

    JSON and CSV get every field, except that CSV gets a shorter view of a
    path (``path``, ``length`` and the evidence sentences, not the node and
    edge lists) and of a tenure's events (``2021-06-02 elected; by 2023-04-11
    former``); a table also leaves out the ``*_id`` columns.
    """
    from govkg.queries.records import Connection, Tenure, as_row

    rows = []
    for record in records:
        row = as_row(record)
        if fmt != "json" and isinstance(record, Connection):
            row = {"path": row["path"], "length": row["length"],
                   "evidence": [e for edge in row["edges"] for e in edge["evidence"]]}
        if fmt != "json" and isinstance(record, Tenure):
            row["events"] = record.describe_events()
        if fmt == "table":
            row = {k: v for k, v in row.items() if not k.endswith("_id")}
        rows.append(row)
    columns = list(rows[0]) if rows else []
    return columns, rows

"""Printing query results: a table for people, JSON and CSV for programs.

Rows are dicts keyed by column. Values from the driver are made readable by
``queries.neo4j.values`` (a node as its properties plus ``_labels``, in a
table or CSV cell as its name; a relationship as ``张伟 -[:HOLDS_ROLE]-> 代区长``).
"""

from __future__ import annotations

import csv
import io
import json
import math
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
                raise GovkgError(f"--param {name}:= wants JSON ({exc.msg}): '{_shorten(value)}'") from None
            except RecursionError:
                parsed = None
            problem = _param_problem(parsed) if parsed is not None else f"nests deeper than {MAX_DEPTH} levels"
            if problem:
                raise GovkgError(f"--param {name}:= {problem}")
        else:
            parsed = value
        if name in params:
            raise GovkgError(f"--param {name} given twice")
        params[name] = parsed
    return params


#: How deep a --param value may nest, and the integers it may hold: what Cypher values are.
MAX_DEPTH = 32
_INT64 = (-(2 ** 63), 2 ** 63 - 1)


def _shorten(text: str, most: int = 60) -> str:
    return text if len(text) <= most else f"{text[:most]}… ({len(text)} characters)"


def _param_problem(value: Any, depth: int = 0) -> str | None:
    """Why a JSON value cannot be a Cypher parameter, or None."""
    if depth > MAX_DEPTH:
        return f"nests deeper than {MAX_DEPTH} levels"
    if isinstance(value, int) and not isinstance(value, bool) and not _INT64[0] <= value <= _INT64[1]:
        return f"holds {_shorten(str(value), 30)}, beyond a 64-bit integer"
    if isinstance(value, float) and not math.isfinite(value):
        return "holds a number that is not finite"
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for item in items:
        problem = _param_problem(item, depth + 1)
        if problem:
            return problem
    return None


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


#: A table cell shows at most this many characters, then says how many it leaves out: a table is
#: read by a person (and rich takes minutes to fold a name of millions); JSON and CSV give it all.
MAX_CELL = 2_000


def shortened(value: str, rest: str = "--format json or csv gives all") -> str:
    """``value``, or its first ``MAX_CELL`` characters and how many more there are."""
    if len(value) <= MAX_CELL:
        return value
    return value[:MAX_CELL] + f" … ({len(value) - MAX_CELL:,} more characters: {rest})"


def table_cell(value: str, terminal: bool = False):
    """One cell as rich Text: the data as it is, never read as markup (``[bold]``, ``[link=…]``) or
    emoji codes (``:x:``); on a terminal, control characters shown rather than obeyed."""
    from rich.text import Text

    from govkg.terminal import for_terminal

    value = shortened(value)
    return Text(for_terminal(value) if terminal else value)


def print_table(console, columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> None:
    """A rich table; long cells fold rather than being cut off (up to ``MAX_CELL`` characters)."""
    from rich.table import Table

    terminal = console.is_terminal
    table = Table(show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(table_cell(column, terminal), overflow="fold")
    for row in rows:
        table.add_row(*(table_cell(text(row.get(c)), terminal) for c in columns))
    console.print(table)


def render(fmt: str, columns: Sequence[str], rows: Sequence[dict[str, Any]], console) -> None:
    """Print rows in ``fmt`` (table, json or csv) on ``console``'s output.

    Values are data: markup and emoji codes in them are shown as written, and
    on a terminal so are control characters (JSON escapes them itself).
    """
    from govkg.terminal import for_terminal

    if fmt == "json":
        console.file.write(to_json(rows))
    elif fmt == "csv":
        written = to_csv(columns, rows)
        console.file.write(for_terminal(written) if console.is_terminal else written)
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

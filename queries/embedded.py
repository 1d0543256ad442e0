"""Cypher on a graph file with no server: an embedded LadybugDB database built from the file.

``govkg query "MATCH …" --graph graph.json`` runs here. The database holds
the graph exactly as Neo4j does after ``govkg load`` (graph/properties.py
``node_rows``/``edge_rows``: one label per node, ``id`` as key, lists as
lists, evidence as ``evidence_json`` strings, parallel edges of one type
combined), in LadybugDB's tables:

- one node table per label (``Person``, ``Role`` …, all six always), keyed
  by ``id``, with a column for every node property found in the file, so
  that ``p.title`` is null on a Person as on Neo4j;
- one relationship table per type (all nine), from each label to each label
  the file links with it, with a column for every relationship property.

It lives in the cache (``CACHE/embedded/<hash of the file's path>/``, next to
a stamp of the file's size, time and SHA-256) and is rebuilt when the file
changes. It opens read-only unless ``write=True``; a write changes that
copy only, never the graph file, and lasts until the file changes.
Read-only also refuses the statements that reach outside the database
(``COPY … TO``, ``LOAD FROM``, ``INSTALL``: queries/readonly.py).

Queries are written for Neo4j: queries/dialect.py rewrites them for
LadybugDB, or refuses them with the difference named; values come back as
the driver's ``neo4j.graph`` Node, Relationship and Path, so every printer
of Neo4j results prints these too.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Mapping

import networkx as nx

from govkg import __version__
from govkg.errors import GovkgError
from govkg.graph.graphfile import read_graph
from govkg.graph.properties import edge_rows, node_rows
from govkg.graph.schema import NODE_LABELS, RELATION_TYPES, SCHEMA_VERSION
from govkg.queries.dialect import ENGINE, difference, translate
from govkg.queries.readonly import check_embedded_read_only

DATABASE_FILE = "graph.lbug"
STAMP_FILE = "stamp.json"
COPY_BATCH = 50_000  # rows per COPY … FROM (UNWIND $rows …): bounds the parameter's memory


@dataclass
class EmbeddedResult:
    """Columns and rows (lists of values) of one statement."""

    columns: list[str]
    rows: list[list[Any]]
    seconds: float = 0.0
    query: str = ""  # the statement as LadybugDB ran it
    counters: dict[str, int] = field(default_factory=dict)


# --- the schema ------------------------------------------------------------------

_TYPES = {str: "STRING", bool: "BOOLEAN", int: "INT64", float: "DOUBLE"}


def _column_type(values: list[Any]) -> str:
    kinds: set[type] = set()
    is_list = False
    for value in values:
        if isinstance(value, list):
            is_list = True
            kinds.update(type(item) for item in value)
        else:
            kinds.add(type(value))
    if kinds == {int, float}:
        kinds = {float}
    base = _TYPES.get(next(iter(kinds)), "STRING") if len(kinds) == 1 else "STRING"
    return f"{base}[]" if is_list else base


def _columns(rows: list[dict[str, Any]]) -> dict[str, str]:
    values: dict[str, list[Any]] = {}
    for row in rows:
        for key, value in {**row["props"], **row["lists"]}.items():
            values.setdefault(key, []).append(value)
    return {key: _column_type(vals) for key, vals in sorted(values.items())}


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _cast(value: Any, kind: str) -> Any:
    """A value of a column whose type is mixed in the file: its text, as the type says."""
    if value is None or kind not in ("STRING", "STRING[]"):
        return value
    if kind == "STRING[]":
        return [item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in value]
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def build_database(graph: nx.MultiDiGraph, path: Path) -> None:
    """Create the database at ``path`` (a new file) holding ``graph``."""
    import ladybug

    nodes = node_rows(graph)
    edges = edge_rows(graph)
    node_columns = _columns([row for rows in nodes.values() for row in rows])
    node_columns.pop("id", None)
    edge_columns = _columns([row for rows in edges.values() for row in rows])
    db = ladybug.Database(str(path))
    try:
        conn = ladybug.Connection(db)
        columns_ddl = "".join(f", {_quote(k)} {t}" for k, t in node_columns.items())
        for label in NODE_LABELS:
            conn.execute(f"CREATE NODE TABLE {_quote(label)}(id STRING PRIMARY KEY{columns_ddl})")
        edge_ddl = "".join(f", {_quote(k)} {t}" for k, t in edge_columns.items())
        for rel_type in RELATION_TYPES:
            pairs = sorted({(s, t) for (rt, s, t) in edges if rt == rel_type}) or [(NODE_LABELS[-1],) * 2]
            ends = ", ".join(f"FROM {_quote(s)} TO {_quote(t)}" for s, t in pairs)
            conn.execute(f"CREATE REL TABLE {_quote(rel_type)}({ends}{edge_ddl})")
        node_fields = ["id"] + list(node_columns)
        node_return = ", ".join(f"row.{_quote(k)}" for k in node_fields)
        for label, rows in sorted(nodes.items()):
            flat = [{"id": r["id"], **{k: _cast({**r["props"], **r["lists"]}.get(k), t)
                                       for k, t in node_columns.items()}} for r in rows]
            _copy(conn, f"COPY {_quote(label)} FROM (UNWIND $rows AS row RETURN {node_return})", flat)
        edge_return = ", ".join(["row.source", "row.target"] + [f"row.{_quote(k)}" for k in edge_columns])
        for (rel_type, source, target), rows in sorted(edges.items()):
            flat = [{"source": r["source"], "target": r["target"],
                     **{k: _cast({**r["props"], **r["lists"]}.get(k), t) for k, t in edge_columns.items()}}
                    for r in rows]
            _copy(conn, f"COPY {_quote(rel_type)} FROM (UNWIND $rows AS row RETURN {edge_return}) "
                        f"(from='{source}', to='{target}')", flat)
        conn.close()
    finally:
        db.close()


def _copy(conn, statement: str, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), COPY_BATCH):
        conn.execute(statement, {"rows": rows[start:start + COPY_BATCH]})


# --- the cached database -------------------------------------------------------------

def _ladybug_version() -> str:
    import ladybug

    return str(ladybug.Database.get_version())


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def database_folder(graph_file: Path, cache_dir: Path) -> Path:
    key = hashlib.sha256(str(graph_file.resolve()).encode("utf-8")).hexdigest()[:16]
    return cache_dir / "embedded" / key


def _stamp_of(graph_file: Path) -> dict[str, Any]:
    stat = graph_file.stat()
    # "checked": built from a file read_graph checked (a database built before it checked is rebuilt).
    return {"graph_file": str(graph_file.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
            "govkg": __version__, "schema_version": SCHEMA_VERSION, "ladybug": _ladybug_version(),
            "checked": True}


def _is_fresh(folder: Path, graph_file: Path) -> bool:
    """Whether the database in ``folder`` holds the graph file as it is now.

    Same size and modification time: fresh. Otherwise the content decides
    (a file copied or touched without change keeps its database).
    """
    try:
        stamp = json.loads((folder / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not (folder / DATABASE_FILE).is_file():
        return False
    now = _stamp_of(graph_file)
    same_build = all(stamp.get(k) == now[k] for k in ("govkg", "schema_version", "ladybug", "checked"))
    if not same_build:
        return False
    if stamp.get("size") == now["size"] and stamp.get("mtime_ns") == now["mtime_ns"]:
        return True
    if stamp.get("sha256") == _file_sha256(graph_file):
        stamp.update(size=now["size"], mtime_ns=now["mtime_ns"])
        _write_stamp(folder, stamp)
        return True
    return False


def _write_stamp(folder: Path, stamp: dict[str, Any]) -> None:
    tmp = folder / f".{STAMP_FILE}.{os.getpid()}"
    tmp.write_text(json.dumps(stamp, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, folder / STAMP_FILE)


def ensure_database(graph_file: str | os.PathLike[str], cache_dir: Path) -> tuple[Path, bool]:
    """The database file for ``graph_file``, built or rebuilt if needed; (path, whether built now)."""
    graph_file = Path(graph_file)
    if not graph_file.is_file():
        read_graph(graph_file)  # the graph file's own error: missing, a folder …
    folder = database_folder(graph_file, cache_dir)
    if _is_fresh(folder, graph_file):
        return folder / DATABASE_FILE, False
    stamp = {**_stamp_of(graph_file), "sha256": _file_sha256(graph_file)}
    graph = read_graph(graph_file)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GovkgError(f"cannot create the embedded database in '{folder}': {exc.strerror or exc}") from None
    # Built beside its final name, then renamed: a reader never opens half a database.
    building = folder / f".building-{os.getpid()}"
    shutil.rmtree(building, ignore_errors=True)
    try:
        building.mkdir()
        build_database(graph, building / DATABASE_FILE)
        for name in os.listdir(folder):
            if name.startswith(DATABASE_FILE):
                (folder / name).unlink()
        for name in os.listdir(building):
            os.replace(building / name, folder / name)
        _write_stamp(folder, stamp)
    except RuntimeError as exc:
        raise GovkgError(f"cannot build the embedded database from '{graph_file}': "
                         f"{_first_line(str(exc))}") from None
    except OSError as exc:
        raise GovkgError(f"cannot write the embedded database in '{folder}': {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return folder / DATABASE_FILE, True


# --- running queries ------------------------------------------------------------------

def _first_line(message: str) -> str:
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    return lines[0] if lines else "unknown error"


def _error(exc: Exception) -> GovkgError:
    """LadybugDB's error as one line, naming the dialect difference where there is one."""
    import re

    message = _first_line(str(exc))
    if "read-only" in message:
        return GovkgError(f"{ENGINE} is opened read-only ({message}); add --write to allow writes "
                          f"(they change the embedded copy only, never the graph file)")
    missing = re.search(r"Cannot find property (\S+?) for (\S+?)\.?$", message)
    if missing:
        return difference("unknown-property", f"{missing.group(2)}.{missing.group(1)}")
    function = re.search(r"function (\w+) does not exist", message)
    if function:
        return GovkgError(f"Cypher error: {ENGINE} has no function {function.group(1).lower()}() "
                          f"(see the README's table of dialect differences)")
    return GovkgError(f"Cypher error ({ENGINE}): {message}")


class EmbeddedDatabase:
    """An open database; ``run`` takes Cypher written for Neo4j."""

    def __init__(self, path: Path, write: bool = False) -> None:
        import ladybug

        self.path = path
        self.write = write
        try:
            self._db = ladybug.Database(str(path), read_only=not write)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as exc:
            raise GovkgError(f"cannot open the embedded database '{path}': {_first_line(str(exc))}") from None
        self._tables: dict[int, str] | None = None

    @classmethod
    def open(cls, graph_file: str | os.PathLike[str], cache_dir: Path, write: bool = False) -> "EmbeddedDatabase":
        path, _ = ensure_database(graph_file, cache_dir)
        return cls(path, write)

    def close(self) -> None:
        self._conn.close()
        self._db.close()

    def __enter__(self) -> "EmbeddedDatabase":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def run(self, query: str, parameters: Mapping[str, Any] | None = None) -> EmbeddedResult:
        if not query.strip():
            raise GovkgError("empty Cypher query")
        if not self.write:  # read-only: nothing outside the database either (COPY, LOAD FROM, INSTALL …)
            check_embedded_read_only(query)
        translation = translate(query, parameters)
        started = time.perf_counter()
        try:
            result = self._conn.execute(translation.query, translation.parameters)
            columns = list(result.get_column_names())
            raw = []
            while result.has_next():
                raw.append(result.get_next())
        except RuntimeError as exc:
            raise _error(exc) from None
        seconds = time.perf_counter() - started
        if translation.columns is not None and len(translation.columns) == len(columns):
            columns = translation.columns
        return EmbeddedResult(columns, _Values(self).convert_rows(raw), seconds, translation.query)

    def rows(self, query: str, parameters: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column."""
        result = self.run(query, parameters)
        return [dict(zip(result.columns, row)) for row in result.rows]

    def table_names(self) -> dict[int, str]:
        if self._tables is None:
            result = self._conn.execute("CALL show_tables() RETURN *")
            self._tables = {int(row[0]): str(row[1]) for row in result.get_all()}
        return self._tables

    def nodes_by_internal_id(self, ids: set[tuple[int, int]]) -> dict[tuple[int, int], dict[str, Any]]:
        """Raw node values for internal ids (table, offset): a relationship's ends."""
        found: dict[tuple[int, int], dict[str, Any]] = {}
        by_table: dict[int, list[int]] = {}
        for table, offset in ids:
            by_table.setdefault(table, []).append(offset)
        for table, offsets in by_table.items():
            label = self.table_names()[table]
            result = self._conn.execute(f"MATCH (n:{_quote(label)}) WHERE offset(id(n)) IN $offsets RETURN n",
                                        {"offsets": offsets})
            for (node,) in result.get_all():
                found[(table, node["_ID"]["offset"])] = node
        return found


class _Values:
    """LadybugDB values → the neo4j driver's graph types, one ``neo4j.graph.Graph`` per result."""

    def __init__(self, database: EmbeddedDatabase) -> None:
        from neo4j.graph import Graph

        self.database = database
        self.graph = Graph()
        self.nodes: dict[tuple[int, int], Any] = {}
        self.raw_nodes: dict[tuple[int, int], dict[str, Any]] = {}
        self.pending: list[tuple[Any, tuple[int, int], tuple[int, int]]] = []

    def convert_rows(self, rows: list[list[Any]]) -> list[list[Any]]:
        for row in rows:  # nodes first, so that relationships find their ends among them
            self._collect_nodes(row)
        converted = [[self.value(v) for v in row] for row in rows]
        self._resolve_ends()
        return [[self._paths(v) for v in row] for row in converted]

    def _collect_nodes(self, value: Any) -> None:
        if isinstance(value, dict):
            if _is_node(value):
                self.raw_nodes.setdefault(_internal(value["_ID"]), value)
            for item in value.values():
                self._collect_nodes(item)
        elif isinstance(value, list):
            for item in value:
                self._collect_nodes(item)

    def node(self, raw: dict[str, Any]):
        from neo4j.graph import Node

        key = _internal(raw["_ID"])
        if key not in self.nodes:
            props = {k: self.value(v) for k, v in raw.items() if not k.startswith("_")}
            self.nodes[key] = Node(self.graph, f"{key[0]}:{key[1]}", _int_id(key), [raw["_LABEL"]], props)
        return self.nodes[key]

    def relationship(self, raw: dict[str, Any]):
        key = _internal(raw["_ID"])
        cls = self.graph.relationship_type(raw["_LABEL"])
        props = {k: self.value(v) for k, v in raw.items() if not k.startswith("_")}
        rel = cls(self.graph, f"{key[0]}:{key[1]}", _int_id(key), props)
        self.pending.append((rel, _internal(raw["_SRC"]), _internal(raw["_DST"])))
        return rel

    def _resolve_ends(self) -> None:
        missing = {end for _, src, dst in self.pending for end in (src, dst) if end not in self.raw_nodes}
        if missing:
            self.raw_nodes.update(self.database.nodes_by_internal_id(missing))
        for rel, src, dst in self.pending:
            # The driver's own hydration sets these two fields the same way (no public setter).
            rel._start_node = self.node(self.raw_nodes[src])
            rel._end_node = self.node(self.raw_nodes[dst])

    def value(self, value: Any) -> Any:
        if isinstance(value, dict):
            if "_NODES" in value and "_RELS" in value:
                return _PathParts([self.node(n) for n in value["_NODES"]],
                                  [self.relationship(r) for r in value["_RELS"]])
            if _is_node(value):
                return self.node(value) if "_SRC" not in value else self.relationship(value)
            if set(value) == {"offset", "table"}:
                return f"{value['table']}:{value['offset']}"
            # properties(n) is a struct of every column: a null one is a property n lacks.
            return {k: self.value(v) for k, v in value.items() if v is not None}
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, Decimal):  # sum() of integers is a 128-bit integer
            return int(value) if value == value.to_integral_value() else float(value)
        return value

    def _paths(self, value: Any) -> Any:
        from neo4j.graph import Path

        if isinstance(value, _PathParts):
            if not value.relationships:
                return Path(value.nodes[0])
            for start in (value.nodes[0], value.nodes[-1]):
                rels = value.relationships if start is value.nodes[0] else value.relationships[::-1]
                try:
                    return Path(start, *rels)
                except ValueError:
                    continue
            return Path(value.nodes[0], *value.relationships)
        if isinstance(value, list):
            return [self._paths(v) for v in value]
        if isinstance(value, dict):
            return {k: self._paths(v) for k, v in value.items()}
        return value


@dataclass
class _PathParts:
    nodes: list[Any]
    relationships: list[Any]


def _is_node(value: dict[str, Any]) -> bool:
    return isinstance(value.get("_ID"), dict) and "_LABEL" in value


def _internal(raw_id: dict[str, int]) -> tuple[int, int]:
    return int(raw_id["table"]), int(raw_id["offset"])


def _int_id(key: tuple[int, int]) -> int:
    return (key[0] << 40) | key[1]

"""The graph in the formats other tools read: GraphML, GEXF, CSV tables, neo4j-admin import files.

``govkg export graph.json --format FORMAT -o OUT``. What each format holds:

- **graphml** and **gexf** (one file; Gephi, networkx, igraph, Cytoscape): a
  directed multigraph with the file's node ids. These formats hold only
  scalar attributes, so a node's ``label`` attribute is its display name
  (name, else title, else id), as Gephi expects, and its govkg label
  (Person …) is ``type``; an edge's ``label`` is its relation type
  (HOLDS_ROLE …). GraphML's edge ids are ``e0``, ``e1`` … (Gephi takes two
  edges with one id for one edge) with the graph file's key in ``key``;
  GEXF numbers its edges and keeps the key in ``networkx_key``. A list
  or map value ``k`` (``aliases``, ``evidence``) becomes JSON text in
  ``k_json``: ``json.loads`` gives the value back. In GEXF each edge's
  ``kind`` is its relation type too: Gephi keeps parallel edges of
  different kinds (a person's MENTIONED_IN and AUTHORED to one article),
  where its GraphML reader merges them.
- **csv** (a folder; Excel, R, Stata, pandas): ``nodes.csv`` (``id``,
  ``label``, then every attribute), ``edges.csv`` (``source``, ``type``,
  ``target``, ``key``, then every attribute) and ``evidence.csv`` (one row
  per evidence item: the edge's ``source``, ``type``, ``target``, ``key``,
  then ``article``, ``sentence`` and what the sentence says of a post:
  ``status``, ``event``, ``event_date``, ``date``). Lists and maps are JSON text in
  ``k_json`` as above. UTF-8 with a byte-order mark, so that Excel opens
  Chinese text correctly.
- **neo4j-admin** (a folder): header and data files for
  ``neo4j-admin database import full``, holding the graph exactly as
  ``govkg load`` stores it (queries/neo4j/load.py: one label per node,
  ``id`` as the key, lists as lists, evidence as ``evidence_json`` strings,
  parallel edges of one type combined), and ``constraints.cypher``, the
  constraints ``govkg load`` creates, to run once after the import.
  ``neo4j_admin_command`` gives the command.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from govkg.errors import GovkgError
from govkg.graph.graphfile import Inputs, check_output, is_stdout, write_text_atomic
from govkg.graph.properties import canonical_json, edge_rows, node_rows
from govkg.graph.schema import NODE_LABELS, STATEMENT_PROPS
from govkg.queries.neo4j import cypher

FORMATS = ("graphml", "gexf", "csv", "neo4j-admin")
#: Formats written as one file; the others fill a folder.
FILE_FORMATS = ("graphml", "gexf")

#: neo4j-admin's separator inside an array cell: the ASCII unit separator,
#: which no text govkg extracts contains (checked while writing).
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"

NEO4J_ADMIN_FILES = ("nodes.header.csv", "nodes.csv",
                     "relationships.header.csv", "relationships.csv", "constraints.cypher")


@dataclass(frozen=True)
class ExportResult:
    format: str
    paths: tuple[Path, ...]
    nodes: int
    edges: int


def _json_key(key: str) -> str:
    return f"{key}_json"


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, bool, int, float))


def flat_attributes(attrs: dict[str, Any]) -> dict[str, Any]:
    """Scalars as they are, a list or map ``k`` as JSON text in ``k_json``, None dropped."""
    flat: dict[str, Any] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if _is_scalar(value):
            flat[key] = value
        else:
            flat[_json_key(key)] = canonical_json(value)
    return flat


def display_name(node_id: Any, attrs: dict[str, Any]) -> str:
    for key in ("name", "title"):
        if attrs.get(key):
            return str(attrs[key])
    return str(node_id)


# --- GraphML and GEXF ----------------------------------------------------------

def flat_graph(graph: nx.MultiDiGraph, numbered_edges: bool = False) -> nx.MultiDiGraph:
    """The graph with only scalar attributes, named as Gephi reads them (module docstring).

    ``numbered_edges``: edge keys ``e0``, ``e1`` … and the file's key as attribute
    ``key`` (GraphML, whose edge id is the key); else the file's keys (GEXF numbers
    its edges itself and keeps the key as ``networkx_key``).
    """
    flat = nx.MultiDiGraph(**{k: v for k, v in flat_attributes(graph.graph).items()})
    for node_id, attrs in graph.nodes(data=True):
        rest = {k: v for k, v in attrs.items() if k not in ("label", "type")}
        flat.add_node(node_id, label=display_name(node_id, attrs), type=attrs.get("label"),
                      **flat_attributes(rest))
    for number, (source, target, key, attrs) in enumerate(graph.edges(keys=True, data=True)):
        rest = flat_attributes({k: v for k, v in attrs.items() if k not in ("label", "type", "key")})
        if numbered_edges:
            flat.add_edge(source, target, key=f"e{number}", label=attrs.get("type"), **rest)
            flat.edges[source, target, f"e{number}"]["key"] = key
        else:
            flat.add_edge(source, target, key=key, label=attrs.get("type"), **rest)
    return flat


_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def graphml_text(graph: nx.MultiDiGraph) -> str:
    return _XML_DECLARATION + "\n".join(nx.generate_graphml(flat_graph(graph, numbered_edges=True))) + "\n"


def gexf_text(graph: nx.MultiDiGraph) -> str:
    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(flat_graph(graph))
    for edge in writer.xml.iter("edge"):  # Gephi's edge kind: one per relation type
        edge.set("kind", edge.get("label", ""))
    return _XML_DECLARATION + str(writer)


# --- CSV tables ------------------------------------------------------------------

BOM = "\ufeff"


def _columns(rows: Iterable[dict[str, Any]], first: tuple[str, ...]) -> list[str]:
    keys = set()
    for row in rows:
        keys.update(row)
    return list(first) + sorted(keys - set(first))


def _csv_text(columns: list[str], rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return BOM + out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def csv_tables(graph: nx.MultiDiGraph) -> dict[str, str]:
    """``nodes.csv``, ``edges.csv`` and ``evidence.csv`` as text (with BOM)."""
    nodes = [{"id": node_id, **flat_attributes(attrs)} for node_id, attrs in
             sorted(graph.nodes(data=True), key=lambda item: str(item[0]))]
    edges, evidence = [], []
    for source, target, key, attrs in sorted(graph.edges(keys=True, data=True),
                                             key=lambda e: (str(e[0]), str(e[3].get("type")),
                                                            str(e[1]), str(e[2]))):
        ends = {"source": source, "type": attrs.get("type"), "target": target, "key": key}
        edges.append({**ends, **flat_attributes({k: v for k, v in attrs.items() if k != "type"})})
        for item in attrs.get("evidence") or []:
            if isinstance(item, dict):
                # what the sentence says of the post (status, event, event_date, date), empty elsewhere
                evidence.append({**ends, "article": item.get("article"), "sentence": item.get("sentence"),
                                 **{p: _cell(item.get(p, "")) for p in STATEMENT_PROPS}})
    return {
        "nodes.csv": _csv_text(_columns(nodes, ("id", "label")), nodes),
        "edges.csv": _csv_text(_columns(edges, ("source", "type", "target", "key")), edges),
        "evidence.csv": _csv_text(["source", "type", "target", "key", "article", "sentence", *STATEMENT_PROPS],
                                  evidence),
    }


# --- neo4j-admin database import full ---------------------------------------

_NEO4J_TYPES = {str: "string", bool: "boolean", int: "long", float: "double"}


def _neo4j_type(values: list[Any]) -> str:
    """The header type of a column: one Python type, else string (a mixed column)."""
    kinds = set()
    for value in values:
        items = value if isinstance(value, list) else [value]
        kinds.update(type(item) for item in items)
    if kinds == {int, float}:
        kinds = {float}
    kind = _NEO4J_TYPES.get(next(iter(kinds))) if len(kinds) == 1 else "string"
    is_array = any(isinstance(v, list) for v in values)
    return f"{kind or 'string'}{'[]' if is_array else ''}"


def _admin_field(value: Any, is_array: bool) -> str:
    """One CSV field: strings always quoted (so "" is an empty string), missing empty."""
    if value is None:
        return ""
    items = value if isinstance(value, list) else [value]
    parts = []
    for item in items:
        if isinstance(item, bool):
            parts.append("true" if item else "false")
        elif isinstance(item, (int, float)):
            parts.append(repr(item) if isinstance(item, float) else str(item))
        else:
            text = str(item)
            if ARRAY_DELIMITER in text:
                raise GovkgError(f"cannot export for neo4j-admin: a value contains the array "
                                 f"delimiter U+001F: {text[:60]!r}")
            parts.append(text)
    joined = ARRAY_DELIMITER.join(parts) if is_array else parts[0]
    if isinstance(value, (str, list)):
        return '"' + joined.replace('"', '""') + '"'
    return joined


def _admin_file(columns: list[tuple[str, str, str]], rows: list[dict[str, Any]]) -> tuple[str, str]:
    """(header, data): ``columns`` are (field name in a row, header name, neo4j type or '')."""
    header = ",".join(f"{name}:{kind}" if kind and not name.startswith(":") else name
                      for _, name, kind in columns) + "\n"
    lines = []
    for row in rows:
        lines.append(",".join(_admin_field(row.get(field), kind.endswith("[]"))
                              for field, _, kind in columns))
    return header, "\n".join(lines) + ("\n" if lines else "")


def _property_columns(rows: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    values: dict[str, list[Any]] = {}
    for row in rows:
        for key, value in {**row["props"], **row["lists"]}.items():
            values.setdefault(key, []).append(value)
    return [(key, key, _neo4j_type(vals)) for key, vals in sorted(values.items())]


def neo4j_admin_files(graph: nx.MultiDiGraph) -> dict[str, str]:
    """The header and data files of the import, and the constraints to create afterwards."""
    nodes = [dict(row, label=label) for label, rows in sorted(node_rows(graph).items()) for row in rows]
    node_props = [c for c in _property_columns(nodes) if c[0] not in ("id",)]
    node_columns = [("id", "id:ID", ""), ("label", ":LABEL", "")] + node_props
    edges = [dict(row, type=rel_type) for (rel_type, _, _), rows in sorted(edge_rows(graph).items())
             for row in rows]
    edge_columns = [("source", ":START_ID", ""), ("target", ":END_ID", ""), ("type", ":TYPE", "")] \
        + _property_columns(edges)
    flat_nodes = [{"id": r["id"], "label": r["label"], **r["props"], **r["lists"]} for r in nodes]
    flat_edges = [{"source": r["source"], "target": r["target"], "type": r["type"],
                   **r["props"], **r["lists"]} for r in edges]
    node_header, node_data = _admin_file(node_columns, flat_nodes)
    edge_header, edge_data = _admin_file(edge_columns, flat_edges)
    constraints = "".join(cypher.create_constraint(label) + ";\n" for label in NODE_LABELS)
    return {"nodes.header.csv": node_header, "nodes.csv": node_data,
            "relationships.header.csv": edge_header, "relationships.csv": edge_data,
            "constraints.cypher": constraints}


def neo4j_admin_command(folder: str | Path = "import", database: str = "neo4j") -> str:
    """The import command for the files in ``folder`` (run with the database stopped)."""
    f = str(folder).rstrip("/") or "."
    return (f"neo4j-admin database import full {database} --overwrite-destination "
            f"--nodes={f}/nodes.header.csv,{f}/nodes.csv "
            f"--relationships={f}/relationships.header.csv,{f}/relationships.csv "
            f"--array-delimiter={ARRAY_DELIMITER_OPTION} --multiline-fields=true")


# --- writing -------------------------------------------------------------------

def export_graph(graph: nx.MultiDiGraph, fmt: str, output: str | Path,
                 source: str | Path | None = None) -> ExportResult:
    """Write ``graph`` as ``fmt`` to ``output`` (a file for graphml/gexf, else a folder).

    ``source`` is the graph file read, never overwritten (graphfile.check_output).
    Each file is written atomically; a folder is created if missing (its parent
    must exist). ``-`` (standard output) takes a one-file format.
    """
    if fmt not in FORMATS:
        raise GovkgError(f"unknown --format '{fmt}' (one of {', '.join(FORMATS)})")
    inputs = Inputs.of(source)
    if fmt in FILE_FORMATS:
        check_output(output, inputs)
        text = graphml_text(graph) if fmt == "graphml" else gexf_text(graph)
        write_text_atomic(output, text, inputs)
        paths: tuple[Path, ...] = (Path(output),)
    else:
        if is_stdout(output):
            raise GovkgError(f"--format {fmt} writes a folder; -o - (standard output) takes graphml or gexf")
        output = Path(output)
        files = csv_tables(graph) if fmt == "csv" else neo4j_admin_files(graph)
        paths = tuple(output / name for name in files)
        if output.is_dir():
            for path in paths:
                check_output(path, inputs)
        _ensure_folder(output)
        for path, text in zip(paths, files.values()):
            write_text_atomic(path, text, inputs)
    return ExportResult(fmt, paths, graph.number_of_nodes(), graph.number_of_edges())


def _ensure_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise GovkgError(f"-o {folder} is a file; --format csv and neo4j-admin write a folder")
    parent = folder.parent if str(folder.parent) else Path(".")
    if not parent.is_dir():
        raise GovkgError(f"cannot write '{folder}': folder '{parent}' does not exist")
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise GovkgError(f"cannot create '{folder}': {exc.strerror or exc}") from None

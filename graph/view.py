"""The interactive HTML view: one self-contained file per graph, drawn by vis-network.

Pipeline: ``select`` cuts the graph down to what the user asked for (ego
network, node types, mention threshold, a size limit) and says what it left
out; ``layout`` (graph/view_layout.py) places the nodes once; ``build_network``
turns nodes and edges into vis-network's node and edge data (colour, shape
and size by type, edge labels by relation); ``render_html`` writes the page.

pyvis is only the carrier of vis-network's script and styles
(``vis_network_asset``): its ``Network`` class and page template are not used,
because the template loads Bootstrap and tom-select from public CDNs whatever
``cdn_resources`` says, puts names into ``<option>`` tags unescaped, and shows
HTML tooltips. Here:

- every script and style is inline: vis-network, the page's own script and
  CSS (graph/view_assets/); a Content-Security-Policy with
  ``default-src 'none'`` and hashes of exactly those scripts forbids anything
  else, so the page cannot make a network request even by mistake;
- the graph goes into the page as JSON in a ``<script type="application/json">``
  island with ``<``, ``>`` and ``&`` escaped, and the page's script puts text
  into the document only through ``textContent``: a name containing
  ``<script>`` shows as text and runs nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from govkg.errors import GovkgError
from govkg.graph import schema
from govkg.graph.graphfile import NO_INPUTS, Inputs, write_text_atomic
from govkg.graph.names import display_name, match_kind

ASSETS = Path(__file__).with_name("view_assets")

MAX_NODES = 5000            # beyond this the view keeps the most-mentioned nodes
MAX_EDGES = 20000
EDGE_LABELS_MAX = 1500      # above this many edges, relation names move to the tooltip only
SIZE_BY = ("mentions", "degree")


@dataclass(frozen=True)
class NodeStyle:
    color: str
    shape: str   # a vis-network shape whose size follows ``value``
    glyph: str   # the legend's marker, drawn as text in the node's colour


STYLES: dict[str, NodeStyle] = {
    schema.PERSON: NodeStyle("#e15759", "dot", "●"),
    schema.ROLE: NodeStyle("#f28e2b", "diamond", "◆"),
    schema.ORGANIZATION: NodeStyle("#4e79a7", "square", "■"),
    schema.PLACE: NodeStyle("#59a14f", "triangle", "▲"),
    schema.PROGRAM: NodeStyle("#b07aa1", "star", "★"),
    schema.ARTICLE: NodeStyle("#9d9d9d", "hexagon", "⬢"),
}
OTHER_STYLE = NodeStyle("#bab0ac", "dot", "●")  # labels outside the schema (a Cypher result)

# CJK-capable faces first, so that names render in whatever the machine has.
FONT_FACE = ('"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", '
             '"PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", sans-serif')


@dataclass(frozen=True)
class ViewOptions:
    """What part of the graph to show and how (the ``govkg view`` options)."""

    focus: str | None = None
    depth: int = 2
    types: tuple[str, ...] = ()
    min_mentions: int = 0
    max_nodes: int = MAX_NODES
    max_edges: int = MAX_EDGES
    size_by: str = "mentions"
    title: str = "govkg graph"


@dataclass
class Selection:
    """The part of the graph that goes into the page, and what was left out."""

    graph: nx.MultiDiGraph
    total_nodes: int
    total_edges: int
    focus_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def left_out_nodes(self) -> int:
        return self.total_nodes - self.graph.number_of_nodes()

    @property
    def left_out_edges(self) -> int:
        return self.total_edges - self.graph.number_of_edges()


# -- selecting ------------------------------------------------------------------------

def parse_types(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"person,Organization"`` → ``("Person", "Organization")``; unknown names are an error."""
    if not text:
        return ()
    parts = text.split(",") if isinstance(text, str) else list(text)
    by_lower = {label.lower(): label for label in schema.NODE_LABELS}
    out: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if part.lower() not in by_lower:
            raise GovkgError(f"unknown node type '{part}' (choose from {', '.join(schema.NODE_LABELS)})")
        if by_lower[part.lower()] not in out:
            out.append(by_lower[part.lower()])
    return tuple(out)


def mention_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Mentions per node: the summed ``count`` of its MENTIONED_IN edges (either end).

    A graph cut down without its articles (``govkg view --on``) gives each node its count as
    a ``mentions`` attribute instead.
    """
    counts = {n: m if isinstance(m := a.get("mentions"), int) and m > 0 else 0
              for n, a in graph.nodes(data=True)}
    for u, v, data in graph.edges(data=True):
        if data.get("type") == schema.MENTIONED_IN:
            weight = data.get("count", 1)
            weight = weight if isinstance(weight, int) and weight > 0 else 1
            counts[u] += weight
            counts[v] += weight
    return counts


def find_nodes(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes with the id, name or alias ``name``; failing that, those whose name or an alias
    contains it (``graph.names.match_kind``, as the query helpers match names)."""
    wanted = name.strip()
    if not wanted:
        return []
    exact, partial = [], []
    for nid, attrs in graph.nodes(data=True):
        kind = match_kind(wanted, display_name(attrs, nid), attrs.get("aliases") or [])
        if nid == wanted or kind in ("name", "alias"):
            exact.append(nid)
        elif kind == "partial":
            partial.append(nid)
    return sorted(exact) if exact else sorted(partial)


def select(graph: nx.MultiDiGraph, opts: ViewOptions) -> Selection:
    """Cut ``graph`` down to the view the options ask for, noting what was left out."""
    if opts.depth < 0:
        raise GovkgError("--depth must be 0 or more")
    if opts.min_mentions < 0:
        raise GovkgError("--min-mentions must be 0 or more")
    if opts.size_by not in SIZE_BY:
        raise GovkgError(f"--size-by must be one of {', '.join(SIZE_BY)}")
    types = parse_types(opts.types)
    total_nodes, total_edges = graph.number_of_nodes(), graph.number_of_edges()
    mentions = mention_counts(graph)
    keep = set(graph.nodes)
    focus_ids: list[str] = []
    notes: list[str] = []

    if opts.focus is not None:
        focus_ids = find_nodes(graph, opts.focus)
        if not focus_ids:
            raise GovkgError(f"no node named '{opts.focus}' in the graph")
        if len(focus_ids) > 10:
            shown = ", ".join(display_name(graph.nodes[n], n) for n in focus_ids[:5])
            raise GovkgError(f"'{opts.focus}' matches {len(focus_ids)} nodes ({shown}, …): "
                             "give more of the name")
        undirected = graph.to_undirected(as_view=True)
        keep = set()
        for nid in focus_ids:
            keep |= set(nx.single_source_shortest_path_length(undirected, nid, cutoff=opts.depth))

    if types:
        keep = {n for n in keep if graph.nodes[n].get("label") in types or n in focus_ids}
    if opts.min_mentions:
        keep = {n for n in keep if mentions[n] >= opts.min_mentions
                or graph.nodes[n].get("label") == schema.ARTICLE or n in focus_ids}
    if types or opts.min_mentions:
        # An Article is context for its entities; once they are all gone it is noise.
        sub = graph.subgraph(keep)
        keep = {n for n in keep if graph.nodes[n].get("label") != schema.ARTICLE
                or sub.degree(n) > 0 or graph.degree(n) == 0 or n in focus_ids}

    if len(keep) > opts.max_nodes:
        ranked = sorted(keep, key=lambda n: (n not in focus_ids, -mentions[n], -graph.degree(n), n))
        dropped = len(keep) - opts.max_nodes
        keep = set(ranked[:opts.max_nodes])
        notes.append(f"left out {dropped} of {dropped + len(keep)} nodes (those with the fewest "
                     f"mentions) to stay under {opts.max_nodes}; to see them, narrow the view with "
                     "--focus NAME --depth 2, --types Person,Organization or --min-mentions N")

    # A read-only view when nothing is cut (copying 15 000 edges costs half a second).
    sub = graph if len(keep) == graph.number_of_nodes() else graph.subgraph(keep)
    if sub.number_of_edges() > opts.max_edges:
        sub = nx.MultiDiGraph(sub)
        # Keep the relations first, then the most frequent mentions.
        ranked_edges = sorted(sub.edges(keys=True, data=True), key=lambda e: (
            e[3].get("type") == schema.MENTIONED_IN, -(e[3].get("count") or 1), e[0], e[1], str(e[2])))
        extra = ranked_edges[opts.max_edges:]
        sub.remove_edges_from((u, v, k) for u, v, k, _ in extra)
        notes.append(f"left out {len(extra)} edges (the rarest mentions) to stay under "
                     f"{opts.max_edges}; narrow the view with --focus, --types or --min-mentions")
    return Selection(sub, total_nodes, total_edges, focus_ids, notes)


# -- building ------------------------------------------------------------------------------

def _size(value: int) -> float:
    return round(math.log2(1 + max(value, 0)), 3)


@dataclass
class VisData:
    """vis-network's input: one dict per node and per edge (``new vis.Network(el, {nodes, edges})``)."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


def build_network(selection: Selection, opts: ViewOptions,
                  positions: dict[str, tuple[float, float]] | None = None) -> VisData:
    """The selection as vis-network data: style by type, size by mentions or degree.

    Besides vis-network's own keys (``id``, ``label``, ``shape``, ``color``,
    ``value``, ``x``/``y``; ``from``, ``to``, ``arrows``, ``label``), each item
    carries what the page's panel shows: ``kind``, ``name``, ``aliases``,
    ``mentions``, ``degree``, ``rank`` (0: the most mentioned; the page labels
    the first ones when zoomed out); an edge's ``rel``, ``evidence`` and, for a
    relation inferred rather than read, the ``note`` that says how.
    """
    graph = selection.graph
    mentions = mention_counts(graph)
    positions = positions if positions is not None else {}
    label_edges = graph.number_of_edges() <= EDGE_LABELS_MAX
    # 0: the most mentioned entity; the page labels the first ones when zoomed out (view.js).
    # Articles come last: they are the context of their entities, not what a map is read by.
    rank = {nid: i for i, nid in enumerate(sorted(graph.nodes, key=lambda n: (
        graph.nodes[n].get("label") == schema.ARTICLE, -mentions[n], -graph.degree(n), n)))}
    nodes = []
    for nid in sorted(graph.nodes):
        attrs = graph.nodes[nid]
        label = attrs.get("label") or schema.label_of_id(nid) or "Other"
        style = STYLES.get(label, OTHER_STYLE)
        name = display_name(attrs, nid)
        size = mentions[nid] if opts.size_by == "mentions" else graph.degree(nid)
        if label == schema.ARTICLE:
            size = round(size ** 0.5)  # an article sums its entities' mentions: keep it from dwarfing them
        node: dict[str, Any] = {
            "id": nid, "label": _short(name, 12 if label == schema.ARTICLE else 18), "shape": style.shape,
            "color": style.color, "value": _size(size), "kind": label, "name": name,
            "aliases": [str(a) for a in attrs.get("aliases") or [] if str(a) != name],
            "mentions": mentions[nid], "degree": graph.degree(nid), "rank": rank[nid]}
        if nid in positions:
            node["x"], node["y"] = positions[nid]
        if label == schema.ARTICLE:
            node["date"] = str(attrs.get("date") or "")
            node["source"] = str(attrs.get("source") or "")
        nodes.append(node)
    edges = []
    for number, (u, v, data) in enumerate(sorted(
            graph.edges(data=True), key=lambda e: (e[0], str(e[2].get("type")), e[1]))):
        rel = str(data.get("type") or "RELATED")
        edge: dict[str, Any] = {"id": f"e{number}", "from": u, "to": v, "arrows": "to", "rel": rel}
        if label_edges and rel != schema.MENTIONED_IN:
            edge["label"] = rel
        if data.get("count") is not None:
            edge["count"] = data["count"]
        if data.get("status"):
            edge["status"] = str(data["status"])
        if data.get("tenure"):  # a post held on the date of ``govkg view --on``: its tenure's dates
            edge["tenure"] = str(data["tenure"])
        note = schema.BASIS_NOTES.get(str(data.get("basis")))
        if note:  # inferred: say how, and cite no sentence that does not say it
            edge["note"], edge["evidence"] = note, []
        else:
            edge["evidence"] = [{"article": str(e.get("article", "")), "sentence": str(e.get("sentence", ""))}
                                for e in _evidence(data)]
        edges.append(edge)
    return VisData(nodes, edges)


def _short(name: str, limit: int = 18) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"


def _evidence(data: dict[str, Any]) -> list[dict[str, Any]]:
    evidence = data.get("evidence") or []
    return [e for e in evidence if isinstance(e, dict)] if isinstance(evidence, list) else []


def articles_of(graph: nx.MultiDiGraph, full: nx.MultiDiGraph,
                known: dict[str, dict[str, str]] | None = None) -> dict[str, dict[str, str]]:
    """Title, date and source of every article cited as evidence in ``graph``.

    Looked up in ``full`` (the whole graph, before selection), else in ``known``
    (articles fetched apart, as for a Cypher result that does not return them).
    """
    cited = {e["article"] for _, _, d in graph.edges(data=True) for e in _evidence(d) if e.get("article")}
    cited |= {n for n, a in graph.nodes(data=True) if a.get("label") == schema.ARTICLE}
    known = known or {}
    out = {}
    for aid in sorted(cited):
        if aid not in full and aid in known:
            out[aid] = {key: str(known[aid].get(key) or "") for key in ("title", "date", "source")}
            continue
        attrs = full.nodes[aid] if aid in full else {}
        out[aid] = {"title": str(attrs.get("title") or attrs.get("name") or ""),
                    "date": str(attrs.get("date") or ""), "source": str(attrs.get("source") or "")}
    return out


# -- rendering ------------------------------------------------------------------------------

def vis_options(node_count: int, edge_count: int) -> dict[str, Any]:
    """vis-network options: positions are precomputed, so physics stays off."""
    big = edge_count > EDGE_LABELS_MAX
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {"enabled": False},
        "nodes": {
            "borderWidth": 1,
            "font": {"face": FONT_FACE, "size": 14, "color": "#222"},
            # Labels keep one size on screen; the page chooses which to draw by zoom (view.js).
            "scaling": {"min": 8, "max": 40, "label": {"enabled": False}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#b8b8b8", "highlight": "#555", "hover": "#555", "inherit": False},
            "font": {"face": FONT_FACE, "size": 10, "color": "#666", "strokeWidth": 2, "align": "middle"},
            "smooth": False,
            "width": 1,
            "selectionWidth": 2,
        },
        "interaction": {"hover": not big or node_count <= 2000, "tooltipDelay": 150,
                        "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "navigationButtons": False,
                        "keyboard": False, "multiselect": False},
    }


@lru_cache(maxsize=4)
def vis_network_asset(name: str) -> str:
    """``vis-network.min.js`` or ``vis-network.css`` of the newest vis-network build inside the
    installed pyvis package, which is why govkg depends on pyvis.

    The file is found by name anywhere in the package (pyvis has moved it
    between releases), the newest ``@version`` in the script's header winning.
    """
    builds = sorted(((_vis_version(js), js.parent) for js in _package_files("pyvis", "vis-network.min.js")),
                    reverse=True)
    for _, folder in builds:
        if (folder / name).is_file():
            return (folder / name).read_text("utf-8")
    raise GovkgError(f"the installed pyvis package holds no vis-network '{name}'; "
                     "reinstall govkg's dependencies (pip install -e .)")


def _package_files(package: str, name: str) -> list:
    root = resources.files(package)
    return sorted(Path(str(root)).rglob(name))


def _vis_version(script: Path) -> tuple[int, ...]:
    head = script.read_text("utf-8", errors="replace")[:600]
    found = re.search(r"@version\s+(\d+(?:\.\d+)*)", head)
    return tuple(int(x) for x in found.group(1).split(".")) if found else ()


def _json_island(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no tag can close it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def render_html(data: VisData, selection: Selection, opts: ViewOptions,
                articles: dict[str, dict[str, str]]) -> str:
    """The whole page as one string: data, scripts and styles inline, no external reference."""
    import jinja2
    from markupsafe import Markup

    nodes, edges = data.nodes, data.edges
    present = {n["kind"] for n in nodes}
    kinds = [k for k in STYLES if k in present] + sorted(present - set(STYLES))
    payload = {
        "nodes": nodes,
        "edges": edges,
        "articles": articles,
        "styles": {k: {"color": STYLES.get(k, OTHER_STYLE).color, "glyph": STYLES.get(k, OTHER_STYLE).glyph}
                   for k in kinds},
        "kinds": kinds,
        "relations": sorted({e["rel"] for e in edges}),
        "options": vis_options(len(nodes), len(edges)),
        "focus": selection.focus_ids,
        "meta": {"title": opts.title, "shownNodes": len(nodes), "shownEdges": len(edges),
                 "totalNodes": selection.total_nodes, "totalEdges": selection.total_edges,
                 "notes": selection.notes, "sizeBy": opts.size_by},
    }
    vis_js = vis_network_asset("vis-network.min.js")
    page_js = (ASSETS / "view.js").read_text("utf-8")
    for script in (vis_js, page_js):
        if "</script" in script.lower():
            raise AssertionError("an inline script would close its own tag")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ASSETS)), autoescape=True,
                             keep_trailing_newline=True)
    return env.get_template("page.html").render(
        title=opts.title,
        csp_scripts=" ".join(_csp_hash(s) for s in (vis_js, page_js)),
        vis_css=Markup(vis_network_asset("vis-network.css")),
        page_css=Markup((ASSETS / "view.css").read_text("utf-8")),
        vis_js=Markup(vis_js),
        page_js=Markup(page_js),
        data=Markup(_json_island(payload)),
    )


def write_view(graph: nx.MultiDiGraph, out: str | Path, opts: ViewOptions = ViewOptions(),
               articles: dict[str, dict[str, str]] | None = None, inputs: Inputs = NO_INPUTS) -> Selection:
    """Select, lay out, build and write the page to ``out`` (atomically). Returns the selection.

    ``articles``: titles and dates of cited articles that ``graph`` does not hold; ``inputs``:
    the files read, which ``out`` may not be (graphfile.check_output).
    """
    from govkg.graph.view_layout import layout

    selection = select(graph, opts)
    data = build_network(selection, opts, layout(selection.graph))
    html = render_html(data, selection, opts, articles_of(selection.graph, graph, articles))
    write_text_atomic(out, html, inputs)
    return selection

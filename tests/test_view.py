"""govkg view: the HTML page driven in a real headless Chromium, with the network off.

The browser is Debian's chromium (scripts/install-chromium), driven over the
DevTools protocol by tests/support/browser.py, which fails and records every
request that is not for a file:// URL.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from govkg.errors import GovkgError
from govkg.graph import schema
from govkg.graph.graphfile import new_graph, read_graph, write_graph
from govkg.graph.view import ViewOptions, parse_types, select, write_view
from support import cli
from support.synthetic import synthetic_graph


XSS_NAME = "<script>window.__xss=1</script>"
XSS_ALIAS = '<img src=x onerror="window.__xss=2">'
XSS_SENTENCE = '</script><script>window.__xss=3</script><img src=x onerror="window.__xss=4">'

A1 = schema.article_id("pingdingshan-weidong-2020-06.txt", 1)
A2 = schema.article_id("pingdingshan-weidong-2020-07.txt", 1)
ZHANG = schema.node_id(schema.PERSON, "张伟")
ROLE = schema.role_id("代区长", "卫东区人民政府")
GOV = schema.node_id(schema.ORGANIZATION, "卫东区人民政府")
DISTRICT = schema.node_id(schema.PLACE, "卫东区")
PROGRAM = schema.node_id(schema.PROGRAM, "六稳")
WANG = schema.node_id(schema.PERSON, "王孟鹤")
PROBE = schema.node_id(schema.PERSON, XSS_NAME)


def sample_graph():
    """A small graph in the shape of the spec's example, with an XSS probe in it."""
    g = new_graph()
    g.add_node(A1, label=schema.ARTICLE, name="卫东区全力推动经济平稳健康发展",
               title="卫东区全力推动经济平稳健康发展", date="2020-06-03",
               source="pingdingshan-weidong-2020-06.txt")
    g.add_node(A2, label=schema.ARTICLE, name="卫东区落实“六稳”工作", title="卫东区落实“六稳”工作",
               date="2020-07-01", source="pingdingshan-weidong-2020-07.txt")
    g.add_node(ZHANG, label=schema.PERSON, name="张伟", aliases=["张伟", "张代区长"])
    g.add_node(WANG, label=schema.PERSON, name="王孟鹤", aliases=["王孟鹤"])
    g.add_node(ROLE, label=schema.ROLE, name="代区长", title="代区长")
    g.add_node(GOV, label=schema.ORGANIZATION, name="卫东区人民政府", aliases=["卫东区政府"])
    g.add_node(DISTRICT, label=schema.PLACE, name="卫东区")
    g.add_node(PROGRAM, label=schema.PROGRAM, name="六稳")
    g.add_node(PROBE, label=schema.PERSON, name=XSS_NAME, aliases=[XSS_ALIAS])

    def ev(article, sentence):
        return [{"article": article, "sentence": sentence}]

    g.add_edge(ZHANG, ROLE, type=schema.HOLDS_ROLE, evidence=ev(A1, "……卫东区代区长张伟表示……"))
    g.add_edge(ROLE, GOV, type=schema.ROLE_IN)
    g.add_edge(GOV, DISTRICT, type=schema.LOCATED_IN, evidence=ev(A1, "卫东区人民政府位于卫东区。"))
    g.add_edge(DISTRICT, PROGRAM, type=schema.RUNS, evidence=ev(A2, "卫东区全面落实“六稳”。"))
    g.add_edge(PROBE, GOV, type=schema.COOPERATES_WITH, evidence=ev(A2, XSS_SENTENCE))
    g.add_edge(WANG, A1, type=schema.AUTHORED)
    for node, count in ((ZHANG, 2), (ROLE, 1), (GOV, 3), (DISTRICT, 5), (PROGRAM, 1), (PROBE, 1), (WANG, 1)):
        g.add_edge(node, A1, type=schema.MENTIONED_IN, count=count)
    g.add_edge(DISTRICT, A2, type=schema.MENTIONED_IN, count=2)
    g.add_edge(PROGRAM, A2, type=schema.MENTIONED_IN, count=2)
    g.add_edge(PROBE, A2, type=schema.MENTIONED_IN, count=1)
    return g


def page_data(html_path: Path) -> dict:
    """The JSON island the page draws from, as the page's own script reads it."""
    html = html_path.read_text("utf-8")
    match = re.search(r'<script type="application/json" id="govkg-data">(.*?)</script>', html, re.S)
    assert match, "no data island in the page"
    return json.loads(match.group(1))


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return cli.govkg(*args, cwd=cwd)


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("view") / "sample.json"
    write_graph(sample_graph(), path)
    return path


@pytest.fixture(scope="module")
def html_file(graph_file: Path) -> Path:
    out = graph_file.with_name("sample.html")
    done = run_cli("view", "--graph", str(graph_file), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert f"wrote {out}: 9 nodes and 16 edges" in done.stdout
    return out


@pytest.fixture()
def page(browser, html_file):
    page = browser.open_file(html_file)
    page.wait_for("window.govkgView && window.govkgView.stable")
    yield page
    # Whatever the test did, nothing may have left the page and nothing may have run.
    assert page.blocked_requests == []
    assert all(url.startswith("file://") for url in page.requests), page.requests
    assert page.evaluate("window.__xss === undefined")
    assert page.dialogs == []
    assert page.errors == []


def click_element(page, selector: str) -> None:
    box = page.evaluate(f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                        ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
    page.click(*box)


# -- in the browser ---------------------------------------------------------------------

def test_page_renders_every_node_and_edge_offline(page):
    assert page.evaluate("govkgView.nodes.length") == 9
    assert page.evaluate("govkgView.edges.length") == 16
    assert page.evaluate("govkgView.network.body.nodeIndices.length") == 9
    assert page.evaluate("govkgView.visibleNodeCount()") == 9
    # The canvas really has something drawn on it.
    drawn = page.evaluate("""(() => { const c = document.querySelector('#govkg-network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let k = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i]) k++; return k; })()""")
    assert drawn > 1000
    assert page.requests == [page.evaluate("location.href")]


def test_legend_and_filters_show_chinese_and_every_type(page):
    kinds = page.evaluate("[...document.querySelectorAll('#govkg-kinds label')].map(l => l.textContent)")
    assert [k.split()[1] for k in kinds] == ["Person", "Role", "Organization", "Place", "Program", "Article"]
    assert "类型" in page.evaluate("document.querySelector('#govkg-kinds legend').textContent")
    assert page.evaluate("document.characterSet") == "UTF-8"
    rels = page.evaluate("[...document.querySelectorAll('#govkg-relations input')].map(i => i.value)")
    assert rels == sorted(["HOLDS_ROLE", "ROLE_IN", "LOCATED_IN", "RUNS", "COOPERATES_WITH",
                           "AUTHORED", "MENTIONED_IN"])


def test_search_finds_zhang_wei_and_shows_evidence(page):
    page.evaluate("document.getElementById('govkg-search').focus()")
    page.type_text("伟")  # part of the name, typed as an input method would
    results = page.evaluate("[...document.querySelectorAll('#govkg-results button')].map(b => b.textContent)")
    assert len(results) == 1 and "张伟" in results[0] and "????" not in results[0]
    page.press_key("Enter", key_code=13)
    assert page.evaluate("govkgView.network.getSelectedNodes()") == [ZHANG]
    details = page.evaluate("document.getElementById('govkg-details').textContent")
    assert page.evaluate("document.querySelector('#govkg-details h2').textContent") == "张伟"
    assert "张代区长" in details                        # alias
    assert "HOLDS_ROLE" in details and "代区长" in details
    assert "……卫东区代区长张伟表示……" in details       # evidence sentence
    assert "《卫东区全力推动经济平稳健康发展》 2020-06-03" in details  # its article and date


def test_search_by_alias_and_no_match(page):
    assert page.evaluate("govkgView.search('卫东区政府')") == [GOV]
    assert page.evaluate("govkgView.search('不存在的名字')") == []


def test_type_filter_hides_a_type(page):
    persons = [ZHANG, WANG, PROBE]
    click_element(page, "#govkg-kinds input[value=Person]")
    assert page.evaluate("document.querySelector('#govkg-kinds input[value=Person]').checked") is False
    assert page.evaluate("govkgView.visibleNodeCount()") == 6
    hidden = page.evaluate("Object.values(govkgView.network.body.nodes)"
                           ".filter(n => n.options.hidden).map(n => n.id).sort()")
    assert hidden == sorted(persons)
    # Their edges are hidden too, and search no longer offers them.
    assert page.evaluate(f"govkgView.edges.get().filter(e => e.from === {json.dumps(ZHANG)})"
                         ".every(e => e.hidden)")
    assert page.evaluate("govkgView.search('张伟')") == []
    click_element(page, "#govkg-kinds input[value=Person]")
    assert page.evaluate("govkgView.visibleNodeCount()") == 9


def test_relation_filter_hides_edges(page):
    click_element(page, "#govkg-relations input[value=MENTIONED_IN]")
    visible = page.evaluate("govkgView.edges.get().filter(e => !e.hidden).map(e => e.rel)")
    assert len(visible) == 6 and "MENTIONED_IN" not in visible


def test_click_highlights_the_neighbourhood(page):
    x, y = page.evaluate(f"""(() => {{ const p = govkgView.network.getPositions([{json.dumps(ZHANG)}])
        [{json.dumps(ZHANG)}]; const d = govkgView.network.canvasToDOM(p);
        const r = document.getElementById('govkg-network').getBoundingClientRect();
        return [d.x + r.left, d.y + r.top]; }})()""")
    page.click(x, y)
    assert page.evaluate("govkgView.network.getSelectedNodes()") == [ZHANG]
    before = page.evaluate("JSON.stringify(govkgView.network.getPositions())")
    opacity = page.evaluate("Object.fromEntries(Object.values(govkgView.network.body.nodes)"
                            ".map(n => [n.id, n.options.opacity]))")
    neighbours = {ZHANG, ROLE, A1}
    assert all(opacity[n] == 1 for n in neighbours)
    assert all(opacity[n] < 0.5 for n in opacity if n not in neighbours)
    edge_opacity = page.evaluate("Object.values(govkgView.network.body.edges)"
                                 ".map(e => [e.fromId, e.toId, e.options.color.opacity])")
    assert all((o == 1) == (ZHANG in (a, b)) for a, b, o in edge_opacity)
    assert page.evaluate("document.querySelector('#govkg-details h2').textContent") == "张伟"
    # Reset clears it; nothing moved.
    click_element(page, "#govkg-reset")
    assert page.evaluate("Object.values(govkgView.network.body.nodes).every(n => n.options.opacity === 1)")
    assert page.evaluate("JSON.stringify(govkgView.network.getPositions())") == before


def test_xss_probe_shows_as_text_and_runs_nothing(page):
    assert page.evaluate("govkgView.select(govkgView.search('script')[0], true)")
    assert page.evaluate("document.querySelector('#govkg-details h2').textContent") == XSS_NAME
    details = page.evaluate("document.getElementById('govkg-details').textContent")
    assert XSS_ALIAS in details and XSS_SENTENCE in details
    assert page.evaluate("document.querySelectorAll('#govkg-details *:not(h2):not(h3):not(p):not(ul)"
                         ":not(li):not(span):not(div)').length") == 0
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    page.evaluate("document.getElementById('govkg-search').focus()")
    page.type_text("<img")
    assert page.evaluate("document.querySelectorAll('#govkg-results img').length") == 0


def test_ego_view_in_the_browser(browser, graph_file, tmp_path):
    out = tmp_path / "ego.html"
    done = run_cli("view", "--graph", str(graph_file), "--focus", "张伟", "--depth", "1", "-o", str(out))
    assert done.returncode == 0, done.stderr
    page = browser.open_file(out)
    page.wait_for("window.govkgView && window.govkgView.stable")
    assert sorted(page.evaluate("govkgView.nodes.getIds()")) == sorted([ZHANG, ROLE, A1])
    assert page.evaluate("govkgView.network.getSelectedNodes()") == [ZHANG]
    assert page.blocked_requests == [] and page.errors == []


def test_mesh_layout_graph_renders_in_the_browser(browser, tmp_path):
    """1 500 nodes: above the spring_layout size, so the grid layout places them."""
    graph = synthetic_graph(1500, 4000, seed=3)
    out = tmp_path / "mid.html"
    write_view(graph, out, ViewOptions(title="mid"))
    page = browser.open_file(out)
    page.wait_for("window.govkgView && window.govkgView.stable")
    assert page.evaluate("govkgView.nodes.length") == 1500
    positions = page.evaluate("Object.values(govkgView.network.getPositions())"
                              ".map(p => Math.round(p.x) + ',' + Math.round(p.y))")
    assert len(set(positions)) > 1400  # spread out, not piled up
    assert page.blocked_requests == [] and page.errors == []


# -- the file itself ---------------------------------------------------------------------

def test_file_is_self_contained_and_escaped(html_file):
    html = html_file.read_text("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert '<meta charset="utf-8">' in html[:300]
    # No tag loads anything from anywhere.
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)\s*=", html, re.I)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    # The probes are in the data, escaped: no raw tag from the graph reaches the HTML.
    assert "<img src=x" not in html and "<script>window.__xss" not in html
    data = page_data(html_file)
    names = {n["id"]: n["name"] for n in data["nodes"]}
    assert names[PROBE] == XSS_NAME
    assert data["articles"][A1] == {"title": "卫东区全力推动经济平稳健康发展", "date": "2020-06-03",
                                    "source": "pingdingshan-weidong-2020-06.txt"}


def test_same_graph_gives_the_same_file(graph_file, html_file, tmp_path):
    again = tmp_path / "again.html"
    assert run_cli("view", "--graph", str(graph_file), "-o", str(again)).returncode == 0
    assert again.read_bytes() == html_file.read_bytes()


def test_nodes_are_styled_and_sized_by_type_and_mentions(html_file):
    nodes = {n["id"]: n for n in page_data(html_file)["nodes"]}
    assert nodes[ZHANG]["shape"] == "dot" and nodes[GOV]["shape"] == "square"
    assert nodes[ROLE]["shape"] == "diamond" and nodes[DISTRICT]["shape"] == "triangle"
    assert nodes[PROGRAM]["shape"] == "star" and nodes[A1]["shape"] == "hexagon"
    assert nodes[ZHANG]["color"] != nodes[GOV]["color"]
    assert nodes[DISTRICT]["mentions"] == 7 and nodes[DISTRICT]["value"] > nodes[ZHANG]["value"]
    edges = page_data(html_file)["edges"]
    assert {e["label"] for e in edges if e["rel"] == "HOLDS_ROLE"} == {"HOLDS_ROLE"}


# -- selecting ---------------------------------------------------------------------------

def test_focus_depth_types_and_min_mentions():
    g = sample_graph()
    ego = select(g, ViewOptions(focus="张伟", depth=2))
    assert set(ego.graph) == {ZHANG, ROLE, A1, GOV, DISTRICT, PROGRAM, PROBE, WANG}
    assert set(select(g, ViewOptions(focus="张伟", depth=0)).graph) == {ZHANG}
    typed = select(g, ViewOptions(types=parse_types("person,Organization")))
    assert {g.nodes[n]["label"] for n in typed.graph} == {"Person", "Organization"}
    assert set(select(g, ViewOptions(min_mentions=3)).graph) == {GOV, DISTRICT, PROGRAM, A1, A2}
    assert set(select(g, ViewOptions(min_mentions=4)).graph) == {DISTRICT, A1, A2}


def test_size_limit_keeps_the_most_mentioned_and_says_so():
    g = sample_graph()
    sel = select(g, ViewOptions(max_nodes=4))
    assert set(sel.graph) == {A1, DISTRICT, A2, GOV}
    assert sel.left_out_nodes == 5
    assert "left out 5 of 9 nodes" in sel.notes[0] and "--focus" in sel.notes[0]


def test_cli_reports_what_it_left_out(graph_file, tmp_path):
    done = run_cli("view", "--graph", str(graph_file), "--max-nodes", "4", "-o", str(tmp_path / "cut.html"))
    assert done.returncode == 0
    assert "4 nodes" in done.stdout and "(of 9 and 16)" in done.stdout
    assert "govkg: left out 5 of 9 nodes" in done.stderr and "--min-mentions" in done.stderr


@pytest.mark.parametrize("args, message", [
    (["--types", "Persn"], "unknown node type 'Persn'"),
    (["--focus", "李四"], "no node named '李四'"),
    (["--size-by", "colour"], "--size-by must be one of mentions, degree"),
])
def test_cli_user_errors_are_one_line(graph_file, tmp_path, args, message):
    out = tmp_path / "x.html"
    done = run_cli("view", "--graph", str(graph_file), *args, "-o", str(out))
    assert done.returncode == 1
    assert done.stderr.strip() == f"govkg: {message}" or done.stderr.startswith(f"govkg: {message}")
    assert "Traceback" not in done.stderr and not out.exists()


def test_cli_missing_file_and_no_input(tmp_path):
    done = run_cli("view", "--graph", str(tmp_path / "nope.json"), "-o", str(tmp_path / "x.html"))
    assert done.returncode == 1 and "not found" in done.stderr
    done = run_cli("view", "-o", str(tmp_path / "x.html"), cwd=tmp_path)  # the default graph.json
    assert done.returncode == 1 and "graph file 'graph.json' not found" in done.stderr
    done = run_cli("view", "--cypher", "MATCH (n) RETURN n", "-o", str(tmp_path / "x.html"))
    assert done.returncode == 1 and "--cypher runs on Neo4j: add --neo4j" in done.stderr


def test_unwritable_output_keeps_nothing_half_written(graph_file, tmp_path):
    with pytest.raises(GovkgError, match="does not exist"):
        write_view(read_graph(graph_file), tmp_path / "no" / "such" / "dir.html")


# -- from Neo4j -----------------------------------------------------------------------------

def test_cypher_view_renders_the_query_result(neo4j_db, neo4j_connection, browser, tmp_path):
    from govkg.queries.neo4j.load import Neo4jTarget, load_graph

    conn = neo4j_connection
    load_graph(sample_graph(), Neo4jTarget(uri=conn.uri, user=conn.user, password=conn.password,
                                           database=conn.database))
    out = tmp_path / "roles.html"
    env_args = ["--uri", conn.uri, "--user", conn.user, "--password", conn.password,
                "--database", conn.database]
    done = run_cli("view", "--neo4j", "--cypher",
                   "MATCH p=(:Person)-[:HOLDS_ROLE]->(:Role)-[:ROLE_IN]->(:Organization) RETURN p",
                   *env_args, "-o", str(out))
    assert done.returncode == 0, done.stderr
    data = page_data(out)
    assert sorted(n["id"] for n in data["nodes"]) == sorted([ZHANG, ROLE, GOV])
    holds = next(e for e in data["edges"] if e["rel"] == "HOLDS_ROLE")
    assert holds["evidence"] == [{"article": A1, "sentence": "……卫东区代区长张伟表示……"}]
    # The cited article is not in the result, but its title and date are looked up for the evidence.
    assert data["articles"][A1]["title"] == "卫东区全力推动经济平稳健康发展"
    assert A1 not in {n["id"] for n in data["nodes"]}
    page = browser.open_file(out)
    page.wait_for("window.govkgView && window.govkgView.stable")
    assert page.evaluate("govkgView.nodes.length") == 3
    assert page.evaluate("govkgView.search('张伟')") == [ZHANG]
    assert page.evaluate(f"govkgView.select({json.dumps(ZHANG)})")
    assert "《卫东区全力推动经济平稳健康发展》 2020-06-03" in page.evaluate(
        "document.getElementById('govkg-details').textContent")
    assert page.blocked_requests == [] and page.errors == []

    # A view never writes: a query that would is refused, and nothing changed.
    done = run_cli("view", "--neo4j", "--cypher", "CREATE (n:Person {id: 'person:新人', name: '新人'}) RETURN n",
                   *env_args, "-o", str(tmp_path / "w.html"))
    assert done.returncode == 1 and "read-only" in done.stderr, done.stderr
    count = neo4j_db.execute_query("MATCH (n:Person {id: 'person:新人'}) RETURN count(n) AS c",
                                   database_=conn.database).records[0]["c"]
    assert count == 0
    done = run_cli("view", "--neo4j", "--cypher", "RETURN 1 AS x", *env_args, "-o", str(tmp_path / "e.html"))
    assert done.returncode == 1 and "no nodes, relationships or paths" in done.stderr


# -- the harness itself ---------------------------------------------------------------------

def test_harness_records_and_blocks_requests_that_leave_the_page(browser, tmp_path):
    """The offline assertions above could fail: a page that reaches out is caught."""
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<!DOCTYPE html><meta charset="utf-8"><link rel="stylesheet" '
                     'href="https://cdn.example.org/x.css"><img src="http://203.0.113.9/p.png">'
                     '<script>fetch("https://example.com/api").catch(() => {}); window.ran = 1;</script>',
                     "utf-8")
    page = browser.open_file(leaky)
    page.wait_for("window.ran === 1")
    browser.sleep(0.5)
    assert set(page.blocked_requests) >= {"https://cdn.example.org/x.css", "http://203.0.113.9/p.png",
                                          "https://example.com/api"}


def test_layout_is_deterministic_at_size():
    from govkg.graph.view_layout import layout

    graph = synthetic_graph(1200, 3000, seed=5)
    assert layout(graph) == layout(graph)


# --- several counties in one view ---------------------------------------------------

def counties(n: int = 6):
    """``n`` copies of the sample graph, one per invented county (ids and names suffixed), apart."""
    import networkx as nx

    whole = new_graph()
    for i in range(n):
        def rename(node: str) -> str:
            return f"{node}~{i}"
        part = nx.relabel_nodes(sample_graph(), rename)
        for node in part.nodes:
            part.nodes[node]["name"] = f"{part.nodes[node]['name']}{i}"
        whole.add_nodes_from(part.nodes(data=True))
        whole.add_edges_from(part.edges(keys=True, data=True))
    return whole


def _box(positions, nodes):
    xs = [positions[n][0] for n in nodes]
    ys = [positions[n][1] for n in nodes]
    return min(xs), min(ys), max(xs), max(ys)


def test_components_are_laid_out_apart_each_at_the_same_spacing():
    from govkg.graph.view_layout import layout

    graph = counties(6)
    positions = layout(graph)
    boxes = [_box(positions, [n for n in graph if n.endswith(f"~{i}")]) for i in range(6)]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], (a, b)  # disjoint boxes
    sizes = {round(x1 - x0) for x0, _, x1, _ in boxes}
    assert len(sizes) == 1  # the same picture for the same graph, however many counties


def test_a_large_component_is_split_into_clusters_that_do_not_overlap():
    import math

    import networkx as nx

    from govkg.graph.view_layout import GAP, arrange, component_layout

    # 40 clusters of 30 nodes, each a ring, linked in a chain: one component of 1 200
    graph = nx.Graph()
    clusters = [[f"c{i}-{j}" for j in range(30)] for i in range(40)]
    for i, members in enumerate(clusters):
        nx.add_cycle(graph, members)
        if i:
            graph.add_edge(clusters[i - 1][0], members[0])
    parts = [component_layout(graph.subgraph(m)) for m in clusters]
    placed = arrange(parts, graph)
    discs = []
    for members, part in zip(clusters, parts):
        cx = sum(placed[n][0] for n in members) / len(members)
        cy = sum(placed[n][1] for n in members) / len(members)
        discs.append((cx, cy, max(math.hypot(x, y) for x, y in part.values())))
    for i, (x1, y1, r1) in enumerate(discs):
        for x2, y2, r2 in discs[i + 1:]:
            assert math.hypot(x1 - x2, y1 - y2) >= r1 + r2 + GAP * 0.99
    # linked clusters sit nearer each other than the average pair
    linked = sum(math.dist(discs[i][:2], discs[i + 1][:2]) for i in range(39)) / 39
    every = [math.dist(a[:2], b[:2]) for i, a in enumerate(discs) for b in discs[i + 1:]]
    assert linked < sum(every) / len(every)


def test_vis_network_comes_from_the_installed_pyvis_package():
    from govkg.graph.view import _package_files, _vis_version, vis_network_asset

    script = vis_network_asset("vis-network.min.js")
    assert script.lstrip().startswith("/**") and "vis-network" in script[:200]
    found = _package_files("pyvis", "vis-network.min.js")
    assert found and max(_vis_version(f) for f in found) >= (9,)
    assert "vis-network" in vis_network_asset("vis-network.css") or ".vis-network" in vis_network_asset("vis-network.css")


def test_inferred_relation_says_how_instead_of_citing(tmp_path):
    graph = sample_graph()
    (key,) = graph[GOV][DISTRICT]  # 卫东区人民政府 lies in 卫东区, now as inferred from the name
    graph.edges[GOV, DISTRICT, key]["basis"] = "name"
    out = tmp_path / "basis.html"
    from govkg.graph.view import ViewOptions, write_view

    write_view(graph, out, ViewOptions())
    (edge,) = [e for e in page_data(out)["edges"] if e["rel"] == schema.LOCATED_IN]
    assert edge["note"] == schema.BASIS_NOTES["name"] and edge["evidence"] == []


def test_labels_follow_the_zoom_and_a_search_hit_is_shown_readable(browser, tmp_path):
    graph_path, out = tmp_path / "counties.json", tmp_path / "counties.html"
    write_graph(counties(12), graph_path)
    assert run_cli("view", "--graph", str(graph_path), "-o", str(out)).returncode == 0
    page = browser.open_file(out)
    page.wait_for("window.govkgView && window.govkgView.stable")
    total = page.evaluate("govkgView.nodes.length")
    labelled = page.evaluate("govkgView.nodes.get().filter(n => n.label).map(n => n.rank)")
    # the whole graph in view: only the most mentioned are labelled, the first ranks
    assert 0 < len(labelled) < total and sorted(labelled) == list(range(len(labelled)))
    page.evaluate("document.getElementById('govkg-search').focus()")
    page.type_text("张伟7")
    page.press_key("Enter", key_code=13)
    hit = ZHANG + "~7"
    assert page.evaluate("govkgView.network.getSelectedNodes()") == [hit]
    assert page.evaluate("govkgView.network.getScale()") >= 0.8
    shown = page.evaluate(f"govkgView.nodes.get(['{hit}', ...govkgView.network.getConnectedNodes('{hit}')])"
                          ".map(n => n.label)")
    assert all(shown) and len(shown) >= 3
    assert page.errors == [] and page.blocked_requests == []

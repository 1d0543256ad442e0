"""`govkg report`: content on the sample graph (extracted from the shared corpus),
the three output formats, ambiguous and unknown names, and the same JSON report
from the graph file and from a real Neo4j server loaded with it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from govkg.errors import GovkgError
from govkg.graph.graphfile import read_graph, write_graph
from govkg.graph.schema import HOLDS_ROLE, MENTIONED_IN, PERSON, ROLE, ROLE_IN
from govkg.queries.reports.render import render_html, render_json, render_markdown, to_data, view_page
from govkg.queries.reports.source import LocalSource
from govkg.queries.reports import build_report
from support import cli

ARTICLE_8 = "article:pingdingshan-weidong-2020-06.txt#8"  # 建设路街道双管齐下促经济复苏
LIU_SENTENCE = "6月5日，建设路街道党工委书记刘建国来到卫东区万达广场，直接与企业经营者进行交流。"
SECOND_ZHANG = "person:张伟@舞钢"


@pytest.fixture(scope="module")
def source(sample_file) -> LocalSource:
    return LocalSource.from_graph(read_graph(sample_file))


@pytest.fixture(scope="module")
def ambiguous_file(sample_file, tmp_path_factory) -> Path:
    """The sample plus a second 张伟 (a mayor of 舞钢), mentioned in one article."""
    graph = read_graph(sample_file)
    role = "role:舞钢市人民政府/市长"
    graph.add_node(SECOND_ZHANG, label=PERSON, name="张伟", aliases=["张伟"])
    graph.add_node(role, label=ROLE, name="市长", title="市长")
    graph.add_node("org:舞钢市人民政府", label="Organization", name="舞钢市人民政府")
    graph.add_edge(SECOND_ZHANG, role, type=HOLDS_ROLE)
    graph.add_edge(role, "org:舞钢市人民政府", type=ROLE_IN)
    graph.add_edge(SECOND_ZHANG, ARTICLE_8, type=MENTIONED_IN, count=1)
    path = tmp_path_factory.mktemp("reports") / "ambiguous.json"
    write_graph(graph, path)
    return path


def section(report, title_part: str):
    found = [s for s in report.sections if title_part in s.title]
    assert found, f"no section '{title_part}' in {[s.title for s in report.sections]}"
    return found[0]


def all_items(sec):
    yield from sec.items
    for sub in sec.sections:
        yield from all_items(sub)


def sentences(item) -> list[str]:
    return [c.sentence for c in item.evidence]


# ----------------------------------------------------------------- content

def test_person_report_lists_post_with_evidence_sentence_and_article(source):
    report = build_report(source, "person", ["刘建国"])
    assert report.subject[0].id == "person:刘建国"
    posts = section(report, "Posts held").items
    post = next(i for i in posts if i.data["title"] == "党工委书记")
    assert post.data["body"] == "建设路街道党工委" and post.data["status"] == "current"
    assert post.data["dates"] == "2020-06-05"
    assert LIU_SENTENCE in sentences(post)
    cite = next(c for c in post.evidence if c.sentence == LIU_SENTENCE)
    assert (cite.article.id, cite.article.title, cite.article.date) == (
        ARTICLE_8, "建设路街道双管齐下促经济复苏", "2020-06-05")


def test_person_report_bodies_programs_people_articles(source):
    report = build_report(source, "person", ["刘建国"])
    bodies = section(report, "Bodies and places").items
    part_of = next(i for i in bodies if i.data.get("relation") == "PART_OF")
    assert (part_of.data["source"], part_of.data["target"]) == ("org:建设路街道党工委", "org:卫东区委")
    # 街道党工委 → the district's 区委 is a naming rule (basis "name"): said, not cited
    assert part_of.level == 1 and not part_of.evidence and "inferred from the name" in part_of.note
    # up the chain to the district: read (LOCATED_IN) or, failing that, inferred from the name
    assert any(i.data.get("target") == "place:卫东区" for i in bodies)
    # 建设路街道党工委 runs no program; 首席服务官制度 is named with him in one sentence, a co-mention
    own = section(report, "Programs of their bodies")
    assert own.items == [] and own.note
    together = section(report, "named in a sentence")
    chief = next(i for i in together.items if i.data.get("program") == "首席服务官制度")
    assert chief.data["relation"] == "CO_MENTIONED" and "co-mention" in chief.note
    assert all("首席服务官" in s and "刘建国" in s for s in sentences(chief))
    people = {i.data["person"]: i for i in section(report, "People mentioned").items}
    assert "杨秀民" in people and people["杨秀民"].data["articles"] == [ARTICLE_8]
    assert all(c.article.id == ARTICLE_8 for c in people["杨秀民"].evidence)
    assert any("杨秀民" in s for s in sentences(people["杨秀民"]))
    articles = section(report, "Articles").items
    assert [i.data["article"] for i in articles] == [ARTICLE_8]
    assert "mentioned" in articles[0].text and articles[0].evidence[0].sentence


def test_every_relation_claim_carries_evidence_or_says_how_it_was_found(source):
    """Claims read from relations come with at least one sentence and its article; a
    relation inferred (its basis: a name, the division data, the article's territory)
    says so instead, and cites no sentence that does not say it."""
    for kind, names in (("person", ["刘建国"]), ("org", ["建设路街道党工委"]), ("place", ["卫东区"]),
                        ("program", ["首席服务官制度"]), ("path", ["刘建国", "王迎波"]),
                        ("path", ["刘建国", "张伟"])):
        report = build_report(source, kind, names)
        claims = [i for s in report.sections for i in all_items(s)
                  if i.data.get("relation") not in (None, "NAMED_AFTER")]
        assert claims, kind
        for item in claims:
            if item.data.get("basis") in ("name", "administrative divisions", "article territory"):
                assert item.note and not item.evidence, item.text
                continue
            assert item.evidence, f"{kind}: '{item.text}' has no evidence"
            assert all(c.article.id.startswith("article:") for c in item.evidence), item.text
            if item.data["relation"] not in ("MENTIONED_IN", "AUTHORED"):  # read from a sentence
                assert all(c.sentence for c in item.evidence), item.text


def test_org_report_members_of_body_and_departments(source):
    report = build_report(source, "org", ["建设路街道党工委"])
    down = section(report, "Departments").items
    assert [i.data["other"] for i in down] == ["org:建设路街道纪工委"]
    groups = {s.title: s for s in section(report, "Who holds posts").sections}
    assert set(groups) == {"建设路街道党工委", "建设路街道纪工委"}
    assert {i.data["person"] for i in groups["建设路街道党工委"].items} == {"刘建国", "郜卫伟"}
    assert "part of 建设路街道党工委" in groups["建设路街道纪工委"].note
    yang = groups["建设路街道纪工委"].items[0]
    assert yang.data["person"] == "杨文丽" and "杨文丽" in yang.evidence[0].sentence


def test_place_report_is_whos_who_of_territory_grouped_by_body(source):
    report = build_report(source, "place", ["卫东区"])
    inside = section(report, "Inside it").items
    by_other = {i.data["other"]: i for i in inside}
    assert by_other["place:小店村"].level == 1 and by_other["place:东高皇街道"].level == 0
    groups = {s.title: s for s in section(report, "Who's who").sections}
    # posts in bodies named after the district and after places inside it
    assert {"卫东区人民政府", "卫东区委", "建设路街道党工委", "小店村村委会"} <= set(groups)
    mayor = next(i for i in groups["卫东区人民政府"].items if i.data["person"] == "张伟")
    assert mayor.data["title"] == "代区长" and any("代区长张伟" in s for s in sentences(mayor))
    assert groups["小店村村委会"].note in ("located in 小店村", "named after 小店村")
    assert {i.data["person"] for i in groups["小店村村委会"].items} == {"张新君"}
    programs = {(i.data["actor"], i.data["program"]) for i in section(report, "Programs").items}
    assert ("卫东区", "首席服务官制度") in programs and ("建设路街道", "六稳") in programs
    # through the body named after the district
    assert ("卫东区人民政府", "首席服务官制度") in programs


def test_place_report_street_partners(source):
    report = build_report(source, "place", ["建设路街道"])
    partners = {i.data["other"] for i in section(report, "Works with").items}
    assert partners == {"org:中信银行", "org:工商银行"}
    up = section(report, "Lies in").items
    assert [i.data["target"] for i in up] == ["place:卫东区", "place:平顶山市"]


def edges_of(sample_file, rel: str) -> list[dict]:
    data = json.loads(sample_file.read_text("utf-8"))
    return [e for e in data["edges"] if e["type"] == rel]


def test_program_report_who_runs_it_and_where(source, sample_file):
    report = build_report(source, "program", ["首席服务官制度"])
    runners = [i for i in section(report, "Who runs").items if i.level == 0]
    expected = {e["source"] for e in edges_of(sample_file, "RUNS") if e["target"] == "program:首席服务官制度"}
    assert {"place:卫东区", "place:建设路街道", "org:卫东区人民政府"} <= expected
    assert {i.data["source"] for i in runners} == expected
    assert all(i.data["relation"] == "RUNS" and i.evidence for i in runners)
    where = [i for i in section(report, "Who runs").items if i.level > 0]
    assert any(i.data["source"] == "place:建设路街道" and i.data["target"] == "place:卫东区" for i in where)
    assert any(i.data["source"] == "org:卫东区人民政府" and i.data["target"] == "place:卫东区"
               for i in where)
    officials = {i.data["person"]: i for i in section(report, "Officials").items}
    assert officials["张伟"].data["title"] == "代区长" and officials["张伟"].evidence


def test_path_report_each_hop_with_evidence(source):
    report = build_report(source, "path", ["刘建国", "王迎波"])
    assert report.summary[0] == "1 shortest path of 5 steps"
    hops = report.sections[0].items
    assert [(h.data["source"], h.data["relation"], h.data["target"]) for h in hops] == [
        ("person:刘建国", "HOLDS_ROLE", "role:建设路街道党工委/党工委书记"),
        ("role:建设路街道党工委/党工委书记", "ROLE_IN", "org:建设路街道党工委"),
        ("org:建设路街道党工委", "PART_OF", "org:卫东区委"),
        ("role:卫东区委/区委书记", "ROLE_IN", "org:卫东区委"),
        ("person:王迎波", "HOLDS_ROLE", "role:卫东区委/区委书记")]
    assert LIU_SENTENCE in sentences(hops[0])
    assert any("卫东区委书记王迎波" in s for s in sentences(hops[-1]))


def test_path_report_falls_back_to_shared_articles(source):
    report = build_report(source, "path", ["刘玉萍", "张新君"])
    assert "through shared articles" in report.summary[0]
    hops = report.sections[0].items
    assert {h.data["relation"] for h in hops} == {"MENTIONED_IN"}
    assert any("刘玉萍" in s for h in hops for s in sentences(h))
    assert "《小店村的蝶变》" in report.sections[0].title


def test_overview_counts_tree_and_programs(source, sample_file):
    data = json.loads(sample_file.read_text("utf-8"))
    report = build_report(source, "overview")
    counts = {i.data.get("label"): i.data["count"] for i in section(report, "Counts").items}
    assert counts["Person"] == sum(1 for n in data["nodes"] if n["label"] == "Person")
    tree = section(report, "Territorial tree").items
    chain = [(i.level, i.data.get("source", i.data.get("id"))) for i in tree]
    assert chain[0] == (0, "place:平顶山市")
    assert (1, "place:卫东区") in chain and (3, "place:小店村") in chain
    runs: dict[str, set] = {}
    for e in edges_of(sample_file, "RUNS"):
        runs.setdefault(e["target"], set()).add(e["source"])
    most = max(len(v) for v in runs.values())
    programs = [i for i in section(report, "Programs by number").items if i.level == 0]
    assert programs[0].data["runs"] == most == len(runs[programs[0].data["program_id"]])
    assert [i.data["runs"] for i in programs] == sorted((i.data["runs"] for i in programs), reverse=True)
    people = section(report, "Most connected people").items
    assert people and all(i.data["connections"] >= people[-1].data["connections"] for i in people)


def test_body_without_a_place_is_placed_by_its_name():
    """卫东区委 with no LOCATED_IN edge: its posts still count in 卫东区's who's who,
    and the report says that this was inferred from the name."""
    from govkg.graph.graphfile import new_graph

    g = new_graph()
    art = "article:toy.txt#1"
    sentence = "卫东区委书记王迎波表示，卫东区将加强组织领导。"
    ev = [{"article": art, "sentence": sentence}]
    g.add_node(art, label="Article", name="卫东区要闻", title="卫东区要闻", date="2020-06-03",
               source="toy.txt", text=sentence)
    g.add_node("place:卫东区", label="Place", name="卫东区")
    g.add_node("place:卫东", label="Place", name="卫东")  # shorter: the longest name wins
    g.add_node("org:卫东区委", label="Organization", name="卫东区委")
    g.add_node("role:卫东区委/区委书记", label="Role", name="区委书记", title="区委书记")
    g.add_node("person:王迎波", label="Person", name="王迎波")
    g.add_edge("person:王迎波", "role:卫东区委/区委书记", type=HOLDS_ROLE, evidence=ev)
    g.add_edge("role:卫东区委/区委书记", "org:卫东区委", type=ROLE_IN, evidence=ev)
    g.add_edge("person:王迎波", art, type=MENTIONED_IN, count=1)
    src = LocalSource.from_graph(g)
    place = build_report(src, "place", ["卫东区"])
    groups = {s.title: s for s in section(place, "Who's who").sections}
    assert groups["卫东区委"].note == "named after 卫东区"
    assert groups["卫东区委"].items[0].evidence[0].sentence == sentence
    person = build_report(src, "person", ["王迎波"])
    named = [i for i in section(person, "Bodies and places").items if i.data.get("relation") == "NAMED_AFTER"]
    assert [(i.data["source"], i.data["target"]) for i in named] == [("org:卫东区委", "place:卫东区")]
    assert named[0].evidence == [] and "inferred from the name" in named[0].note
    assert "*(inferred from the name, not read in a sentence)*" in render_markdown(person)


# ----------------------------------------------------------------- formats

def test_markdown_json_and_html(source):
    report = build_report(source, "person", ["刘建国"])
    md = render_markdown(report)
    assert md.startswith("# 人物报告 Person report: 刘建国\n")
    assert "## 职务 Posts held" in md
    assert f"  > “{LIU_SENTENCE}” — 《建设路街道双管齐下促经济复苏》 2020-06-05" in md
    data = json.loads(render_json(report))
    assert data == json.loads(json.dumps(to_data(report), ensure_ascii=False))
    post = data["sections"][0]["items"][0]
    assert post["evidence"][0] == {"sentence": LIU_SENTENCE, "article": {
        "id": ARTICLE_8, "title": "建设路街道双管齐下促经济复苏", "date": "2020-06-05",
        "source": "pingdingshan-weidong-2020-06.txt"}}
    page = render_html(report, view_page(source, report))
    assert page.startswith("<!DOCTYPE html>") and "<h2>职务 Posts held</h2>" in page
    assert LIU_SENTENCE in page
    assert '<iframe class="view"' in page and "srcdoc=\"&lt;!DOCTYPE html&gt;" in page
    assert "govkg-data" in page and "person:刘建国" in page


def test_markup_in_names_is_escaped(source):
    report = build_report(source, "person", ["刘建国"])
    report.sections[0].items[0].text = "<script>alert(1)</script> *x* [a](b)"
    assert "<script>alert" not in render_html(report)
    assert "\\<script\\>" in render_markdown(report) and "\\[a\\](b)" in render_markdown(report)


# ----------------------------------------------------------------- names

def test_unknown_name_suggests_close_names(source):
    with pytest.raises(GovkgError, match=r"no Person named '刘建华'.*did you mean: 刘建国 \(person:刘建国\)"):
        build_report(source, "person", ["刘建华"])
    with pytest.raises(GovkgError, match="no Program named"):
        build_report(source, "program", ["刘建国"])


def test_ambiguous_name_lists_candidates_and_id_chooses(ambiguous_file):
    src = LocalSource.from_graph(read_graph(ambiguous_file))
    with pytest.raises(GovkgError) as caught:
        build_report(src, "person", ["张伟"])
    message = str(caught.value)
    assert "'张伟' is ambiguous" in message and "--id" in message
    assert "person:张伟 (代区长 · 卫东区人民政府, 2 articles)" in message
    assert f"{SECOND_ZHANG} (市长 · 舞钢市人民政府, 1 article)" in message
    report = build_report(src, "person", ["张伟"], ids=[SECOND_ZHANG])
    assert report.subject[0].id == SECOND_ZHANG
    assert section(report, "Posts held").items[0].data["body"] == "舞钢市人民政府"
    path = build_report(src, "path", ["张伟", "刘建国"], ids=["person:张伟"])
    assert path.subject[0].id == "person:张伟"
    with pytest.raises(GovkgError, match="is an Organization, not a Person"):
        build_report(src, "person", [None], ids=["org:舞钢市人民政府"])


# ----------------------------------------------------------------- CLI

def govkg(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return cli.govkg(*args, env=env)


def test_cli_prints_markdown_and_writes_files(sample_file, tmp_path):
    done = govkg("report", "person", "刘建国", "--graph", str(sample_file))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# 人物报告 Person report: 刘建国") and LIU_SENTENCE in done.stdout
    out = tmp_path / "liu.html"
    done = govkg("report", "person", "刘建国", "-g", str(sample_file), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "iframe" in out.read_text("utf-8") and str(out) in done.stdout
    done = govkg("report", "overview", "-g", str(sample_file), "--format", "json")
    assert json.loads(done.stdout)["kind"] == "overview"
    md = tmp_path / "path.md"
    assert govkg("report", "path", "刘建国", "张伟", "-g", str(sample_file), "-o", str(md)).returncode == 0
    assert md.read_text("utf-8").startswith("# 关系路径 How 刘建国 and 张伟 are connected")
    assert "## 路径 Path 1:" in md.read_text("utf-8")
    done = govkg("report", "org", "卫东区委", "-g", str(sample_file), "-o", str(tmp_path / "x.txt"))
    assert done.returncode == 1 and "name it .md, .json or .html, or give --format" in done.stderr


def test_cli_user_errors_are_one_line(ambiguous_file):
    done = govkg("report", "person", "张伟", "-g", str(ambiguous_file))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("govkg: '张伟' is ambiguous") and SECOND_ZHANG in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    done = govkg("report", "person", "张伟", "--id", SECOND_ZHANG, "-g", str(ambiguous_file))
    assert done.returncode == 0 and "舞钢市人民政府" in done.stdout
    done = govkg("report", "place", "卫东", "-g", str(ambiguous_file))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "no Place named '卫东'" in done.stderr and "卫东区" in done.stderr


# ----------------------------------------------------------------- Neo4j

@pytest.fixture(scope="module")
def server_source(sample_file, neo4j_connection, neo4j_driver):
    """The sample graph loaded into the real Neo4j (emptied first), read through the helpers."""
    from govkg.queries.neo4j.load import Neo4jTarget, load_file
    from govkg.queries.neo4j.source import Neo4jSource
    from govkg.queries.neo4j.helpers import Neo4jQueries

    load_file(sample_file, Neo4jTarget(*neo4j_connection), wipe_first=True)
    return Neo4jSource(Neo4jQueries(neo4j_driver, neo4j_connection.database))


REPORTS = [("person", ["刘建国"]), ("person", ["张伟"]), ("person", ["王孟鹤"]),
           ("org", ["建设路街道党工委"]), ("org", ["卫东区人民检察院"]),
           ("place", ["卫东区"]), ("place", ["建设路街道"]),
           ("program", ["首席服务官制度"]), ("program", ["河南省文明单位标兵"]),
           ("path", ["刘建国", "张伟"]), ("path", ["刘玉萍", "张新君"]), ("overview", [])]


@pytest.mark.parametrize("kind,names", REPORTS, ids=[f"{k}-{'-'.join(n)}" for k, n in REPORTS])
def test_neo4j_gives_the_same_report(source, server_source, kind, names):
    expected = render_json(build_report(source, kind, names))
    assert render_json(build_report(server_source, kind, names)) == expected
    assert len(json.loads(expected)["sections"]) >= 1


def test_neo4j_html_view_and_errors(source, server_source):
    report = build_report(server_source, "person", ["刘建国"])
    local_report = build_report(source, "person", ["刘建国"])
    assert report.view == local_report.view
    graph_local = source.subgraph(local_report.view.ids)
    graph_server = server_source.subgraph(report.view.ids)
    assert sorted(graph_server.nodes) == sorted(graph_local.nodes)
    assert graph_server.number_of_edges() == graph_local.number_of_edges()
    page = render_html(report, view_page(server_source, report))
    assert "srcdoc=" in page and LIU_SENTENCE in page
    with pytest.raises(GovkgError, match="did you mean: 刘建国"):
        build_report(server_source, "person", ["刘建华"])


def test_cli_neo4j(server_source, neo4j_connection):
    env = {"NEO4J_URI": neo4j_connection.uri, "NEO4J_USERNAME": neo4j_connection.user,
           "NEO4J_PASSWORD": neo4j_connection.password, "NEO4J_DATABASE": neo4j_connection.database}
    done = govkg("report", "person", "刘建国", "--neo4j", "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["sections"][0]["items"][0]["data"]["title"] == "党工委书记"


# ----------------------------------------------------------------- HTML in a browser

def test_html_report_embeds_a_working_view(sample_file, tmp_path, browser):
    """In headless Chromium: the report shows, the embedded ego network draws the
    person's neighbourhood centred on them, and nothing leaves the page."""
    out = tmp_path / "liu.html"
    done = govkg("report", "person", "刘建国", "-g", str(sample_file), "-o", str(out))
    assert done.returncode == 0, done.stderr
    view = "document.querySelector('iframe.view').contentWindow.govkgView"
    page = browser.open_file(out)
    assert page.evaluate("document.querySelector('h1').textContent") == "人物报告 Person report: 刘建国"
    page.wait_for(f"(() => {{ try {{ return {view}.stable; }} catch (e) {{ return false; }} }})()")
    ids = page.evaluate(f"{view}.nodes.getIds()")
    assert {"person:刘建国", "role:建设路街道党工委/党工委书记", "org:建设路街道党工委", ARTICLE_8} <= set(ids)
    assert page.evaluate(f"{view}.network.getSelectedNodes()") == ["person:刘建国"]
    assert page.errors == [] and page.blocked_requests == []
    assert page.requests == [out.as_uri()]


# ----------------------------------------------------------------- bylines and headings

def _byline_nodes(source) -> set[str]:
    """The sample's press posts (记者, 通讯员 … of its outlet or article) and credited people."""
    from govkg.queries.helpers import press_titles

    press = {e.id for e in source.entity_names(["Role"]) if e.name in press_titles()}
    return press | source.queries.bylined_people()


def _steps(report) -> int:
    return int(report.summary[0].split(" of ")[1].split()[0])


def test_paths_and_rankings_do_not_run_through_bylines_unless_asked(source):
    bylines = _byline_nodes(source)
    assert "person:王孟鹤" in bylines  # the reporter of most of the sample's stories
    # 刘玉萍 and 苗广垒 share no article: the shortest way between them is through a byline
    # (苗广垒 is a 通讯员 credited on an article that names 刘玉萍's village, or on one by 王孟鹤).
    report = build_report(source, "path", ["刘玉萍", "苗广垒"])
    inner = {i.data[end] for s in report.sections for i in s.items for end in ("source", "target")}
    inner -= {"person:刘玉萍", "person:苗广垒"}
    assert inner and not inner & bylines
    assert not any(i.data["relation"] == "AUTHORED" for s in report.sections for i in s.items)
    asked = build_report(source, "path", ["刘玉萍", "苗广垒"], via_bylines=True)
    inner_asked = {i.data[end] for s in asked.sections for i in s.items for end in ("source", "target")}
    inner_asked -= {"person:刘玉萍", "person:苗广垒"}
    assert inner_asked & bylines and _steps(asked) < _steps(report)
    # the reporter is mentioned in every story he wrote, so with bylines he ranks first
    top = lambda r: section(r, "Most connected people").items[0].data["name"]  # noqa: E731
    assert top(build_report(source, "overview", via_bylines=True)) == "王孟鹤"
    ranked = [i.data["name"] for i in section(build_report(source, "overview"), "Most connected people").items]
    assert "王孟鹤" not in ranked[:3]


def _headings(section, path=()):
    yield (*path, section.title), section
    for sub in section.sections:
        yield from _headings(sub, (*path, section.title))


@pytest.mark.parametrize("kind,names", REPORTS, ids=[f"{k}-{'-'.join(n)}" for k, n in REPORTS])
def test_no_heading_stands_empty(source, kind, names):
    """A section either lists something or says, in its note, why it lists nothing."""
    for report in (build_report(source, kind, names),):
        for path, sec in (h for top in report.sections for h in _headings(top)):
            assert sec.items or sec.sections or sec.note, f"{kind} {names}: empty heading {' › '.join(path)}"
        rendered = render_markdown(report).split("\n")
        for i, line in enumerate(rendered):
            if line.startswith("#"):
                following = next((n for n in rendered[i + 1:] if n.strip()), "#")
                assert not following.startswith("#") or following.count("#") > line.count("#"), line

"""End-to-end: the real `govkg` command on the sample page, the scorer, and every bad input."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import networkx as nx
import pytest

from support import cli

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_DIR = SHARED / "corpus"
GOLD = sorted((SHARED / "gold").glob("*.gold.json"))
EXAMPLE = REPO / "examples" / "chenghu-district-2021-09.txt"
_CACHE = tempfile.mkdtemp(prefix="govkg-test-cache-")
# A cache of the tests' own, so a user's cache neither helps nor hides anything.
ENV = {"XDG_CACHE_HOME": _CACHE}


def govkg(*args: str) -> subprocess.CompletedProcess:
    return cli.govkg(*args, env=ENV, text=False)


@pytest.fixture(scope="module")
def sample_graph(sample_file) -> Path:
    """The sample page's graph, extracted once for the session (tests/conftest.py)."""
    return sample_file


def test_sample_articles_headlines_bylines_and_entities(sample_graph):
    data = json.loads(sample_graph.read_text(encoding="utf-8"))
    nodes = {n["id"]: n for n in data["nodes"]}
    articles = [n for n in data["nodes"] if n["label"] == "Article"]
    assert len(articles) == 9
    assert {a["source"] for a in articles} == {"pingdingshan-weidong-2020-06.txt"}
    assert nodes["article:pingdingshan-weidong-2020-06.txt#1"]["title"] == "卫东区全力推动经济平稳健康发展"
    assert nodes["article:pingdingshan-weidong-2020-06.txt#1"]["date"] == "2020-06-03"
    authored = {(e["source"], e["target"]) for e in data["edges"] if e["type"] == "AUTHORED"}
    assert ("person:古国凡", "article:pingdingshan-weidong-2020-06.txt#5") in authored
    assert ("person:高鸿勋", "article:pingdingshan-weidong-2020-06.txt#6") in authored
    people = {n["name"] for n in data["nodes"] if n["label"] == "Person"}
    assert {"张伟", "王迎波", "刘建国", "陈新全", "罗通"} <= people
    # every relation extracted from text carries its evidence sentence
    holds = [e for e in data["edges"] if e["type"] == "HOLDS_ROLE" and e["source"] == "person:刘建国"]
    assert any("建设路街道党工委书记刘建国" in ev["sentence"] for e in holds for ev in e["evidence"])
    # every entity is mentioned in some article
    mentioned = {e["source"] for e in data["edges"] if e["type"] == "MENTIONED_IN"}
    assert {n["id"] for n in data["nodes"] if n["label"] != "Article"} <= mentioned
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.number_of_nodes() == len(data["nodes"])


def test_output_is_deterministic(sample_graph, tmp_path):
    again = tmp_path / "again.json"
    assert govkg("extract", str(SAMPLE_DIR), "-o", str(again), "-q").returncode == 0
    assert again.read_bytes() == sample_graph.read_bytes()


def test_eval_agrees_with_the_shared_scorer(sample_graph):
    ours = govkg("eval", *map(str, GOLD), "--graph", str(sample_graph), "--format", "json")
    assert ours.returncode == 0, ours.stderr.decode()
    theirs = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(sample_graph),
                             *map(str, GOLD), "--json"], capture_output=True, check=True)
    a, b = json.loads(ours.stdout), json.loads(theirs.stdout)
    assert a.keys() == b.keys()
    for key in a:
        assert a[key] == pytest.approx(b[key]), key
    # the governance targets of the sample page
    assert a["Person"]["f1"] >= 0.97 and a["Organization"]["f1"] >= 0.90 and a["Place"]["f1"] >= 0.90
    assert a["HOLDS_ROLE"]["f1"] >= 0.92 and a["ROLE_IN_acc"] >= 0.90
    assert a["Program"]["r"] >= 0.80 and a["Program"]["p"] >= 0.70 and a["relations_recall"] >= 0.75


def test_example_page_in_the_repo_against_its_gold(tmp_path):
    out = tmp_path / "g.json"
    assert govkg("extract", str(EXAMPLE), "-o", str(out), "-q").returncode == 0
    scores = json.loads(govkg("eval", str(EXAMPLE.with_suffix(".gold.json")), "-g", str(out), "-f", "json").stdout)
    assert scores["Person"]["f1"] >= 0.9 and scores["HOLDS_ROLE"]["f1"] >= 0.8


def test_stdin_gives_one_article(tmp_path):
    out = tmp_path / "g.json"
    text = "某县召开推进会\n5月6日，澄湖区委书记邵文博出席会议并讲话。\n".encode()
    # A process: the page arrives as bytes on a real standard input, as from `cat page.txt | govkg extract -`.
    proc = cli.govkg_process("extract", "-", "-o", out, "-q", stdin=text, env=ENV, text=False)
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [n["title"] for n in data["nodes"] if n["label"] == "Article"] == ["某县召开推进会"]


def _file(name: str, data: bytes):
    def make(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        return folder / name
    return make


def _empty_dir(folder: Path) -> Path:
    (folder / "empty_dir").mkdir()
    return folder / "empty_dir"


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (_empty_dir, "no .txt, .pdf or .html files"),
    (_file("b.txt", b"\x00\x01binary\x00"), "binary"),
    (_file("latin.txt", bytes(range(0x80, 0xff)) * 4), "not UTF-8, GB18030 or Big5"),
])
def test_bad_input_is_one_line_and_leaves_the_old_graph(tmp_path, make, message):
    out = tmp_path / "graph.json"
    out.write_text('{"kept": true}', encoding="utf-8")
    proc = govkg("extract", str(make(tmp_path)), "-o", str(out), "-q")
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == '{"kept": true}'


def test_empty_file_is_warned_and_skipped(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "page.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "g.json"
    proc = govkg("extract", str(tmp_path / "empty.txt"), str(tmp_path / "page.txt"), "-o", str(out))
    assert proc.returncode == 0
    assert "empty" in proc.stderr.decode()
    assert out.exists()


def test_unwritable_output(tmp_path):
    proc = govkg("extract", str(EXAMPLE), "-o", str(tmp_path / "no" / "such" / "g.json"), "-q")
    assert proc.returncode == 1 and "does not exist" in proc.stderr.decode()
    proc = govkg("extract", str(EXAMPLE), "-o", str(tmp_path), "-q")
    assert proc.returncode == 1 and "is a directory" in proc.stderr.decode()


def test_graph_file_gets_the_usual_file_mode(tmp_path):
    import os
    import stat

    out = tmp_path / "g.json"
    assert govkg("extract", str(EXAMPLE), "-o", str(out), "-q").returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_big5_traditional_page_end_to_end(tmp_path):
    text = ("本報訊（記者陳思遠 通訊員林美華）3月8日，廣州市白雲區委書記黃國強到太和鎮調研。"
            "他強調，要深入實施“百縣千鎮萬村高質量發展工程”。\n太和鎮黨委書記劉偉、鎮長梁志明陪同調研。\n白雲區推進鄉村振興\n")
    page = tmp_path / "trad.txt"
    page.write_bytes(text.encode("big5"))
    out = tmp_path / "g.json"
    proc = govkg("extract", str(page), "-o", str(out), "-q", "--year", "2023")
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(out.read_text(encoding="utf-8"))
    names = {(n["label"], n["name"]) for n in data["nodes"]}
    assert ("Article", "白雲區推進鄉村振興") in {(n["label"], n.get("title")) for n in data["nodes"]}
    assert {("Person", "黃國強"), ("Person", "陳思遠"), ("Organization", "白雲區委"), ("Place", "太和鎮")} <= names
    assert ("Place", "千鎮萬村") not in names  # a word inside a quoted program name
    edges = {(e["source"], e["type"], e["target"]) for e in data["edges"]}
    assert ("person:梁志明", "HOLDS_ROLE", "role:太和鎮人民政府/鎮長") in edges
    assert ("place:白雲區", "LOCATED_IN", "place:廣州市") in edges


def test_eval_table_says_why_predictions_can_exceed_gold(tmp_path):
    out = tmp_path / "g.json"
    assert govkg("extract", str(EXAMPLE), "-o", str(out), "-q").returncode == 0
    table = govkg("eval", str(EXAMPLE.with_suffix(".gold.json")), "-g", str(out)).stdout.decode()
    assert "optional ones too, so predicted can exceed gold with P = 1.000" in " ".join(table.split())
    written = tmp_path / "scores.json"
    assert govkg("eval", str(EXAMPLE.with_suffix(".gold.json")), "-g", str(out), "-o", str(written)).returncode == 0
    assert json.loads(written.read_text("utf-8"))["Person"]["gold"] > 0

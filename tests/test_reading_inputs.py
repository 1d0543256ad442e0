"""What users really have: newspaper PDF pages, saved web pages, folders of both, and badly encoded text.

The PDF and HTML inputs in tests/fixtures/ were made by real tools
(tests/fixtures/make_fixtures.py: headless Chromium, qpdf) from articles
written for these tests; each .txt beside them is the same text, clean.
Expected titles, names and dates below are read off the fixture script's
articles, not off govkg's output.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import pytest

from support import cli

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
EXAMPLE = REPO / "examples" / "chenghu-district-2021-09.txt"
EXAMPLE_PDF = REPO / "examples" / "chenghu-district-2021-09.pdf"
QINGLAN_PDF = FIXTURES / "pdf" / "qinglan-county-2021-09.pdf"
SAFETY_HTML = REPO / "examples" / "qinglan-safety-meeting.html"
BAISHA_HTM = FIXTURES / "html" / "baisha-town-autumn.htm"
_CACHE = tempfile.mkdtemp(prefix="govkg-test-cache-")
ENV = {"XDG_CACHE_HOME": _CACHE}


def govkg(*args: str) -> subprocess.CompletedProcess:
    return cli.govkg(*args, env=ENV, text=False)


def extract(tmp_path: Path, *inputs: Path | str, name: str = "g.json") -> dict:
    out = tmp_path / name
    proc = govkg("extract", *map(str, inputs), "-o", str(out), "-q")
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(out.read_text(encoding="utf-8"))


def articles(graph: dict) -> list[dict]:
    return sorted((n for n in graph["nodes"] if n["label"] == "Article"), key=lambda n: (n["source"], n["number"]))


def facts(graph: dict) -> dict[str, list]:
    """What a graph says, without the input's file name (which is in every article id, and in the
    id of a post that belongs to one article only, such as a byline's 记者)."""
    nodes = {n["id"]: n for n in graph["nodes"]}
    sources = {n["source"] for n in graph["nodes"] if n["label"] == "Article"}

    def unsourced(node_id: str) -> str:
        for source in sources:
            node_id = node_id.replace(f"@article:{source}#", "@article:#")
        return node_id

    return {
        "articles": sorted((a["title"], a.get("kicker", ""), a["text"], a.get("lead", ""), a.get("date"),
                            a.get("outlet", ""), a["kind"]) for a in articles(graph)),
        "entities": sorted((n["label"], n["name"]) for n in graph["nodes"] if n["label"] != "Article"),
        "relations": sorted((unsourced(e["source"]), e["type"], unsourced(e["target"])) for e in graph["edges"]
                            if e["type"] not in ("MENTIONED_IN", "AUTHORED")),
        "credits": sorted((e["source"], e.get("credit"), nodes[e["target"]]["title"]) for e in graph["edges"]
                          if e["type"] == "AUTHORED"),
    }


# --- PDF ----------------------------------------------------------------------------------

def test_pdf_of_the_example_page_gives_what_its_text_gives(tmp_path):
    """The example page printed as a newspaper page in columns reads as its .txt does."""
    from_text = extract(tmp_path, EXAMPLE, name="txt.json")
    from_pdf = extract(tmp_path, EXAMPLE_PDF, name="pdf.json")
    a, b = facts(from_text), facts(from_pdf)
    for key in a:
        assert a[key] == b[key], key
    # and the page is what the example holds: five items, people in posts
    assert len(b["articles"]) == 5
    assert ("person:孟庆安", "HOLDS_ROLE", "role:澄湖区人民政府/代区长") in b["relations"]
    assert ("person:程思远", "摄影", "普法进社区") in b["credits"]
    assert {a["page"] for a in articles(from_pdf)} == {1}
    assert all("page" not in a for a in articles(from_text))


def test_a_two_page_pdf_of_every_kind_of_item(tmp_path):
    graph = extract(tmp_path, QINGLAN_PDF)
    arts = articles(graph)
    # report with kicker, feature with a byline line, photo story; reprint with its source
    # line, report with a dateline lead, two briefs without titles
    assert [(a["title"], a["page"]) for a in arts] == [
        ("青岚县全力推进秋粮收购", 1), ("古渡村的“新农人”", 1), ("丰收节里晒丰收", 1),
        ("澄州市部署秋冬季森林防火工作", 2), ("全市秋季农业生产现场会在青岚召开", 2), ("", 2), ("", 2)]
    report, feature, photo, reprint, dateline, brief, _ = arts
    assert report["kicker"] == "秋收秋种两不误" and report["date"] == "2021-09-18"
    assert feature["text"].startswith("清晨六点") and "□" not in feature["text"]
    assert photo["kind"] == "photo" and photo["text"].endswith("喜迎中国农民丰收节。")
    assert reprint["outlet"] == "澄州日报" and reprint["date"] == "2021-09-17"
    assert not reprint["text"].startswith("来源")
    assert dateline["lead"] == "本报青岚9月15日电" and dateline["date"] == "2021-09-15"
    # untitled items are named by their first words; the column head 青岚简讯 is no title
    assert brief["name"].startswith("9月17日，青岚县人民医院") and brief["name"].endswith("…")
    assert all("简讯" not in a["title"] and "简讯" not in a["text"] for a in arts)
    credits = {(e["source"], e["credit"], e["target"]) for e in graph["edges"] if e["type"] == "AUTHORED"}
    assert {("person:温若岚", "记者", feature["id"]), ("person:俞小禾", "通讯员", feature["id"]),
            ("person:俞小禾", "摄影", photo["id"]), ("person:方若谷", "记者", dateline["id"])} <= credits
    # the same items as a clean text (title first, pages by form feeds) give the same graph
    clean = facts(extract(tmp_path, QINGLAN_PDF.with_suffix(".txt"), name="clean.json"))
    assert facts(graph) == clean


@pytest.mark.parametrize("name, message", [
    ("scan.pdf", "no text layer"),
    ("encrypted.pdf", "encrypted and needs a password"),
    ("damaged.pdf", "a damaged PDF"),
])
def test_a_pdf_that_cannot_be_read_is_one_line_and_changes_nothing(tmp_path, name, message):
    out = tmp_path / "graph.json"
    out.write_text('{"kept": true}', encoding="utf-8")
    proc = govkg("extract", str(FIXTURES / "pdf" / name), "-o", str(out), "-q")
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == '{"kept": true}'


# --- HTML ---------------------------------------------------------------------------------

def test_a_saved_county_page_gives_its_article_and_nothing_of_the_site(tmp_path):
    graph = extract(tmp_path, SAFETY_HTML)
    [article] = articles(graph)
    assert article["title"] == "青岚县召开秋冬季安全生产工作会议"
    assert article["date"] == "2021-09-22" and article["outlet"] == "青岚县融媒体中心"
    assert article["text"].startswith("9月22日上午") and article["text"].endswith("通报了全县安全生产形势。")
    for site in ("首页", "当前位置", "分享到", "相关新闻", "上一篇", "主办单位", "浏览次数", "字体", "责任编辑"):
        assert site not in article["text"], site
    credits = {(e["source"], e["credit"]) for e in graph["edges"] if e["type"] == "AUTHORED"}
    assert credits == {("person:温若岚", "作者"), ("person:俞小禾", "责任编辑")}
    edges = {(e["source"], e["type"], e["target"]) for e in graph["edges"]}
    assert ("person:陆子衿", "HOLDS_ROLE", "role:青岚县人民政府/副县长") in edges
    assert facts(graph) == facts(extract(tmp_path, FIXTURES / "html" / "qinglan-safety-meeting.txt", name="clean.json"))


def test_a_gb2312_page_is_decoded_by_its_meta_charset_and_dated_by_its_own_line(tmp_path):
    data = BAISHA_HTM.read_bytes()
    assert b"charset=gb2312" in data and "白沙镇".encode("utf-8") not in data  # really GB-encoded
    graph = extract(tmp_path, BAISHA_HTM)
    [article] = articles(graph)
    assert article["title"] == "白沙镇召开秋冬种工作推进会"
    # the page's 发布日期 line, not the 2021-09-18 of a related link further down
    assert article["date"] == "2021-09-23" and article["outlet"] == "白沙镇人民政府"
    people = {n["name"] for n in graph["nodes"] if n["label"] == "Person"}
    assert {"顾明舟", "邹晴川", "骆清源", "贺知远"} <= people
    assert facts(graph) == facts(extract(tmp_path, BAISHA_HTM.with_suffix(".txt"), name="clean.json"))


def test_a_folder_mixing_text_pdf_and_html(tmp_path):
    folder = tmp_path / "in"
    (folder / "web").mkdir(parents=True)
    (folder / "chenghu.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "qinglan.pdf").write_bytes(QINGLAN_PDF.read_bytes())
    (folder / "web" / "safety.html").write_bytes(SAFETY_HTML.read_bytes())
    (folder / "web" / "BAISHA.HTM").write_bytes(BAISHA_HTM.read_bytes())
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not an input")  # not searched for
    graph = extract(tmp_path, folder)
    by_source: dict[str, int] = {}
    for a in articles(graph):
        by_source[a["source"]] = by_source.get(a["source"], 0) + 1
    assert by_source == {"chenghu.txt": 5, "qinglan.pdf": 7, "safety.html": 1, "BAISHA.HTM": 1}


def test_html_on_standard_input_is_recognised(tmp_path):
    out = tmp_path / "g.json"
    # A process: the page arrives as bytes on a real standard input, as from `cat page.html | govkg extract -`.
    proc = cli.govkg_process("extract", "-", "-o", out, "-q", stdin=SAFETY_HTML.read_bytes(), env=ENV, text=False)
    assert proc.returncode == 0, proc.stderr.decode()
    [article] = articles(json.loads(out.read_text(encoding="utf-8")))
    assert article["title"] == "青岚县召开秋冬季安全生产工作会议" and "<" not in article["text"]


# --- text that does not decode --------------------------------------------------------------

PAGE = ("本报讯（记者林晓舟）9月8日，澄湖区代区长孟庆安表示，澄湖区各项指标稳中有升。\n"
        "澄湖区委书记邵文博表示，澄湖区将加强组织领导。\n澄湖区扎实推进重点项目建设\n")


def _bad_input(tmp_path: Path, data: bytes, *args: str) -> tuple[subprocess.CompletedProcess, Path]:
    page = tmp_path / "page.txt"
    page.write_bytes(data)
    out = tmp_path / "graph.json"
    out.write_text('{"kept": true}', encoding="utf-8")
    return govkg("extract", str(page), "-o", str(out), "-q", *args), out


def test_utf16_and_utf32_with_a_bom_are_read(tmp_path):
    for codec, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00")):
        page = tmp_path / f"{codec}.txt"
        page.write_bytes(bom + PAGE.encode(codec))
        graph = extract(tmp_path, page, name=f"{codec}.json")
        assert [a["title"] for a in articles(graph)] == ["澄湖区扎实推进重点项目建设"], codec
        assert ("Person", "孟庆安") in facts(graph)["entities"], codec


def test_a_stray_byte_is_reported_with_its_offset_and_replace_goes_on(tmp_path):
    data = PAGE.encode("utf-8")
    offset = data.index("孟庆安".encode("utf-8"))
    broken = data[:offset] + b"\xff" + data[offset:]
    proc, out = _bad_input(tmp_path, broken)
    err = proc.stderr.decode()
    assert proc.returncode == 1 and len(err.strip().splitlines()) == 1
    assert f"byte 0xFF at offset {offset}" in err and "--errors replace" in err
    assert out.read_text(encoding="utf-8") == '{"kept": true}'
    proc = govkg("extract", str(tmp_path / "page.txt"), "-o", str(out), "-q", "--errors", "replace")
    assert proc.returncode == 0, proc.stderr.decode()
    people = {n["name"] for n in json.loads(out.read_text(encoding="utf-8"))["nodes"] if n["label"] == "Person"}
    assert "邵文博" in people


@pytest.mark.parametrize("where", ["start", "middle", "end", "after 8 KB"])
def test_a_nul_byte_is_the_same_wherever_it_falls(tmp_path, where):
    data = PAGE.encode("utf-8") * (120 if where == "after 8 KB" else 1)
    at = {"start": 0, "middle": data.index("表示".encode()), "end": len(data), "after 8 KB": 9000}[where]
    at = data.index("。".encode(), at) if where == "after 8 KB" else at
    proc, out = _bad_input(tmp_path, data[:at] + b"\x00" + data[at:])
    err = proc.stderr.decode()
    assert proc.returncode == 1 and len(err.strip().splitlines()) == 1
    assert f"a NUL byte at offset {at}" in err
    assert out.read_text(encoding="utf-8") == '{"kept": true}'
    proc = govkg("extract", str(tmp_path / "page.txt"), "-o", str(out), "-q", "--errors", "replace")
    assert proc.returncode == 0, proc.stderr.decode()


def test_a_binary_file_is_one_line(tmp_path):
    proc, out = _bad_input(tmp_path, bytes(range(256)) * 40)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert err.strip().splitlines() == [f"govkg: cannot read '{tmp_path / 'page.txt'}': a binary file, not text"]
    assert out.read_text(encoding="utf-8") == '{"kept": true}'


def test_an_unknown_errors_mode_is_refused(tmp_path):
    proc, _ = _bad_input(tmp_path, PAGE.encode(), "--errors", "ignore")
    assert proc.returncode == 1 and "--errors 'ignore'" in proc.stderr.decode()


def test_an_untitled_item_is_cited_by_its_first_words(tmp_path):
    """A brief has no headline: reports cite its opening words, never 'untitled, file#n'."""
    out = tmp_path / "g.json"
    assert govkg("extract", str(QINGLAN_PDF), "-o", str(out), "-q").returncode == 0
    graph = json.loads(out.read_text(encoding="utf-8"))
    brief = next(a for a in articles(graph) if a["text"].startswith("9月17日，青岚县人民医院"))
    # whatever body the rules find in the brief (the hospital), its report cites the brief
    body = next(e["source"] for e in graph["edges"] if e["type"] == "MENTIONED_IN"
                and e["target"] == brief["id"] and e["source"].startswith("org:"))
    proc = govkg("report", "org", "--id", body, "--graph", str(out))
    text = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr.decode()
    assert "《9月17日，青岚县人民医院组织医…》 2021-09-17" in text
    assert "untitled" not in text and "\\#" not in text

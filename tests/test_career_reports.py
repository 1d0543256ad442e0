"""Careers over a dated corpus: the real extractor on tests/fixtures/careers (invented officials of
the invented 岚溪县 and 望川县 of 澄州市: a 人大常委会 appointment notice, acting and full titles, a
任前公示, a career history, a move to the other county), then the career and post reports, the
holders/posts helpers on the graph file and on a real Neo4j, `govkg view --on` in headless
Chromium, and the appointment articles of ../shared/dev.

Expected values are read off the fixture texts: each page's date is its 发布时间 line; an event its
text states without a date of its own happened on the day the text opens with (1月7日，…会议召开。
会议决定任命…: 2021-01-07, though the page is of 2021-01-08)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from govkg.graph.graphfile import read_graph
from govkg.queries.dates import parse_when
from govkg.queries.local import LocalQueries
from govkg.queries.reports import build_report
from govkg.queries.reports.render import render_json, render_markdown
from govkg.queries.reports.source import LocalSource
from support import cli

CORPUS = Path(__file__).parent / "fixtures" / "careers"

FANG = "person:方志远"
HEAD = "role:岚溪县人民政府/县长"
DEPUTY = "role:岚溪县人民政府/副县长"
WATER = "role:岚溪县水利局/局长"
N0108, N0316, N0602 = "lanxi-2021-01-08.txt", "lanxi-2021-03-16.txt", "lanxi-2021-06-02.txt"
N2209, N2304, N2303, N0420 = "lanxi-2022-09-20.txt", "wangchuan-2023-04-11.txt", "lanxi-2023-03-28.txt", \
    "lanxi-2023-04-20.txt"


def govkg(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return cli.govkg(*args, env=env)


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("careers") / "careers.json"
    done = govkg("extract", str(CORPUS), "-o", str(out), "--quiet", "--no-cache")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def q(corpus_file) -> LocalQueries:
    return LocalQueries.from_file(corpus_file)


def spans(tenures) -> list[tuple]:
    return [(t.title, t.body, t.start, t.start_event, t.end, t.end_event, t.end_exact) for t in tenures]


# --- what extraction gives the tenures ----------------------------------------------------

def test_the_moved_official_is_one_person(q):
    """方志远's 2023 page is about his new post in 望川县 but names his old 岚溪县 posts: one person
    (graph/merge.py namesake_id: a newcomer holding a post the known person holds is that person)."""
    people = [n for n in q.graph if n.startswith("person:方志远")]
    assert people == [FANG]
    assert {t.body for t in q.posts(FANG)} >= {"岚溪县人民政府", "望川县委"}


def test_every_holding_sentence_keeps_its_own_status_and_event(corpus_file):
    """The merged edge keeps the first sentence's facts; each evidence item its own."""
    graph = read_graph(corpus_file)
    items = graph.edges[FANG, HEAD, "HOLDS_ROLE"]["evidence"]
    facts = sorted((i["article"].split(":")[1].split("#")[0], i["status"], i.get("event", ""))
                   for i in items)
    assert facts == [(N0602, "current", "elected"), (N2209, "current", ""),
                     (N2304, "former", ""), (N2304, "former", "appointed")]


def test_career_of_the_moved_official(q):
    """Read off the pages: appointed 副县长 and 代理县长 on 2021-01-07 (the session's day); seen as 代县长
    and 县委副书记 on 2021-03-16; elected 县长 on 2021-06-01 (the acting posts end then); the page of
    2023-04-11 calls his 岚溪县 posts and a 澄州市 post former (曾任, 原县长) and moves him to
    望川县委书记 (调任) on 2023-04-10, the day of the meeting it reports."""
    assert spans(q.posts(FANG)) == [
        ("代理县长", "岚溪县人民政府", "2021-01-07", "appointed", "2021-06-01", "full title", True),
        # the move of 2023-04-10 (调任望川县委书记) ends what was still open then
        ("副县长", "岚溪县人民政府", "2021-01-07", "appointed", "2023-04-10", "moved", True),
        ("代县长", "岚溪县人民政府", "2021-03-16", "seen", "2021-06-01", "full title", True),
        ("县委副书记", "岚溪县委", "2021-03-16", "seen", "2023-04-10", "moved", True),
        ("县长", "岚溪县人民政府", "2021-06-01", "elected", "2023-04-10", "moved", True),
        ("县委书记", "望川县委", "2023-04-10", "appointed", "", "", False),
        # start unknown: placed by its end, the page's day (曾任 gives no day of its own)
        ("发展和改革委员会副主任", "澄州市发展和改革委员会", "", "", "2023-04-11", "former", False),
    ]
    head = next(t for t in q.posts(FANG) if t.role_id == HEAD)
    assert (head.first_seen, head.last_seen) == ("2021-06-02", "2022-09-20")
    # the career history's “2021年6月起任” is an appointment dated 2021-06 from a 2023 article
    assert [(e.date, e.kind, e.by) for e in head.events] == [
        ("2021-06-01", "elected", False), ("2021-06", "appointed", False), ("2022-09-20", "seen", False),
        ("2023-04-11", "former", True)]


@pytest.mark.parametrize("on, titles", [
    ("2020-12-31", []),
    ("2021-01-07", ["代理县长", "副县长"]),
    ("2021-04", ["代理县长", "副县长", "代县长", "县委副书记"]),
    ("2021-07-01", ["副县长", "县委副书记", "县长"]),
    ("2023-04-10", ["副县长", "县委副书记", "县长", "县委书记"]),  # the day of the move
    ("2023-04-11", ["县委书记"]),
    ("2023-05", ["县委书记"]),
])
def test_posts_held_on_a_date(q, on, titles):
    assert [t.title for t in q.posts(FANG, on=on)] == titles


def test_succession_of_the_county_head(q):
    """周立群 removed on 2021-01-07 (never seen before in the corpus), 方志远 acting then elected,
    宋嘉禾 appointed acting head on 2023-04-20."""
    assert [(t.person, t.title, t.start, t.end, t.end_event) for t in q.holders(HEAD)] == [
        ("周立群", "县长", "", "2021-01-07", "removed"),
        ("方志远", "代理县长", "2021-01-07", "2021-06-01", "full title"),
        ("方志远", "代县长", "2021-03-16", "2021-06-01", "full title"),
        ("方志远", "县长", "2021-06-01", "2023-04-10", "moved"),
        ("宋嘉禾", "代理县长", "2023-04-20", "", ""),
    ]


@pytest.mark.parametrize("on, holders", [
    ("2021-01-06", []),
    ("2021-01-07", [("周立群", "县长"), ("方志远", "代理县长")]),  # the closing day counts as held
    ("2021-01-08", [("方志远", "代理县长")]),
    ("2021-06-01", [("方志远", "代理县长"), ("方志远", "代县长"), ("方志远", "县长")]),
    ("2022", [("方志远", "县长")]),
    ("2023-04-15", []),  # moved away on 2023-04-10, 宋嘉禾 appointed on 2023-04-20
    ("2023-04-20", [("宋嘉禾", "代理县长")]),
])
def test_holders_on_a_date(q, on, holders):
    assert [(t.person, t.title) for t in q.holders(HEAD, on=on)] == holders


def test_a_removal_of_a_post_nobody_was_seen_holding(q):
    (t,) = q.holders(WATER)
    assert (t.person, t.start, t.end, t.end_event, t.end_exact) == ("林德茂", "", "2021-01-07", "removed", True)
    assert t.events[0].evidence.sentence == "会议决定免去林德茂的岚溪县水利局局长职务。"


def test_a_proposal_before_the_appointment(q):
    """任前公示 of 2023-03-28 (拟任…副县长人选), appointed on 2023-04-20."""
    song = next(t for t in q.holders(DEPUTY) if t.person == "宋嘉禾")
    assert (song.start, song.start_event, song.proposed) == ("2023-04-20", "appointed", False)
    assert [(e.date, e.kind) for e in song.events] == [("2023-03-28", "proposed"), ("2023-04-20", "appointed")]
    assert "宋嘉禾" not in [t.person for t in q.holders(DEPUTY, on="2023-04-01")]
    assert "宋嘉禾" in [t.person for t in q.holders(DEPUTY, on="2023-04-20")]


def test_a_career_history_with_li_ren(q):
    """历任审计局副局长、财政局副局长，2021年1月任财政局局长 (a page of 2022-05-12)."""
    assert [(t.title, t.body, t.start, t.end, t.end_event) for t in q.posts("person:陈晓岚")] == [
        # 2021年1月 and the notice's 2021-01-07: the more precise of the two
        ("局长", "岚溪县财政局", "2021-01-07", "", ""),
        ("副局长", "岚溪县审计局", "", "2022-05-12", "former"),
        ("副局长", "岚溪县财政局", "", "2022-05-12", "former"),
    ]


# --- reports ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def source(q) -> LocalSource:
    return LocalSource(q)


def test_career_report_lines_carry_evidence_and_article_dates(source):
    report = build_report(source, "career", ["方志远"])
    timeline = report.sections[0]
    head = next(i for i in timeline.items if i.level == 0 and i.data["role_id"] == HEAD)
    assert head.text == "县长 · 岚溪县人民政府: 2021-06-01 – 2023-04-10 (elected; moved away 2023-04-10)"
    events = timeline.items[timeline.items.index(head) + 1:][:4]
    assert [i.text.split(":")[0] for i in events] == ["2021-06-01 elected", "2021-06 appointed", "seen in it",
                                                      "by 2023-04-11 former"]
    for item in events:
        assert item.evidence and all(c.sentence and c.article.date for c in item.evidence)
    elected = events[0].evidence[0]
    assert (elected.sentence, elected.article.date, elected.article.title) == (
        "会议选举方志远为岚溪县人民政府县长。", "2021-06-02", "岚溪县第十七届人民代表大会第六次会议闭幕")
    assert report.summary[-1] == "7 posts in 4 bodies, in articles dated 2021-01-08 – 2023-04-11"


def test_post_report_succession_and_gap(source):
    report = build_report(source, "post", ["岚溪县人民政府县长"])
    assert report.title == "职务 Post: 县长 · 岚溪县人民政府"
    assert "with its acting forms: 代理县长、代县长" in report.summary
    holders = [i.text for i in report.sections[0].items if i.level == 0]
    assert holders[0] == "周立群: ? – 2021-01-07 (start not in the corpus; removed 2021-01-07)"
    assert holders[-1].startswith("宋嘉禾 (代理县长): 2023-04-20 –")
    gaps = next(s for s in report.sections if s.title.startswith("空缺"))
    # 方志远 held it from his election to his move (2023-04-10); the next holder from 2023-04-20
    assert [(g.data["after"], g.data["before"]) for g in gaps.items] == [("2023-04-10", "2023-04-20")]
    assert gaps.items[0].note == "方志远 left 2023-04-10; next: 宋嘉禾 (代理县长) from 2023-04-20"


def test_the_readme_shows_real_output(source):
    """The README's career and post reports are what govkg prints for the test corpus."""
    import re

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    for command, kind, name in (("govkg report career 方志远 -g careers.json", "career", "方志远"),
                                ("govkg report post 岚溪县人民政府县长 -g careers.json", "post", "岚溪县人民政府县长")):
        shown = re.search(re.escape(f"(`{command}`") + r"[^`]*?:\n\n```\n(.*?)```", readme, flags=re.S)
        assert shown, f"the README shows no output of {command}"
        assert shown.group(1) == render_markdown(build_report(source, kind, [name])), (
            f"the README's output of `{command}` is out of date: paste the command's output there")


def test_post_with_one_sighting_has_no_gap(source):
    report = build_report(source, "post", ["岚溪县委书记"])
    gaps = next(s for s in report.sections if s.title.startswith("空缺"))
    assert gaps.items == [] and gaps.note.startswith("no gap")


def test_cli_career_and_post_in_every_format(corpus_file, tmp_path):
    done = govkg("report", "career", "方志远", "-g", str(corpus_file))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# 履历 Career: 方志远\n")
    assert "  - 2021-06-01 elected\n    > “会议选举方志远为岚溪县人民政府县长。” — 《岚溪县第十七届人民代表大会第六次会议闭幕》 2021-06-02" \
        in done.stdout
    for name in ("career.json", "career.html", "career.md"):
        done = govkg("report", "career", "方志远", "-g", str(corpus_file), "-o", str(tmp_path / name))
        assert done.returncode == 0, done.stderr
    data = json.loads((tmp_path / "career.json").read_text("utf-8"))
    assert data["kind"] == "career" and data["subject"][0]["id"] == FANG
    html = (tmp_path / "career.html").read_text("utf-8")
    assert "县长 · 岚溪县人民政府: 2021-06-01 – 2023-04-10" in html and "<iframe" in html
    done = govkg("report", "post", "--id", HEAD, "-g", str(corpus_file), "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["kind"] == "post"


@pytest.mark.parametrize("args, message", [
    (["report", "career", "方志"], "govkg: no Person named '方志' in the graph; did you mean: 方志远 (person:方志远)?"),
    (["report", "post", "县委书记"], "govkg: '县委书记' is ambiguous: 2 Role nodes have that name: "
                                    "role:岚溪县委/县委书记 (in 岚溪县委, held by 郑文博, 1 article); "
                                    "role:望川县委/县委书记 (in 望川县委, held by 何振东、方志远, 1 article); "
                                    "choose one with --id NODE_ID"),
    (["report", "post", "--id", FANG], "govkg: 'person:方志远' is a Person, not a Role"),
    (["query", "--helper", "holders", "--arg", f"post={HEAD}", "--arg", "on=2021-02-30"],
     "govkg: --arg on= wants a date, YYYY, YYYY-MM or YYYY-MM-DD (2021, 2021-06, 2021-06-02), not '2021-02-30'"),
    (["view", "--on", "去年", "-o", "x.html"],
     "govkg: --on wants a date, YYYY, YYYY-MM or YYYY-MM-DD (2021, 2021-06, 2021-06-02), not '去年'"),
])
def test_cli_user_errors_are_one_line(corpus_file, tmp_path, args, message):
    if "-o" in args:
        args = [*args[:-1], str(tmp_path / args[-1])]
    done = govkg(*args, "-g", str(corpus_file))
    assert done.returncode == 1 and done.stderr.strip() == message
    assert not (tmp_path / "x.html").exists()


def test_helpers_from_the_cli(corpus_file):
    done = govkg("query", "--helper", "holders", "--arg", "post=岚溪县人民政府县长", "--arg", "on=2021-01-07",
                 "-g", str(corpus_file), "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()
    assert rows[0].startswith("person_id,person,role_id,title,")
    assert [r.split(",")[1] for r in rows[1:]] == ["周立群", "方志远"]
    assert rows[1].endswith(",2021-01-07 removed")
    done = govkg("query", "--helper", "posts", "--arg", "name=方志远", "--arg", "on=2023-05",
                 "-g", str(corpus_file), "--format", "json")
    assert [r["title"] for r in json.loads(done.stdout)] == ["县委书记"]


# --- Neo4j: the same answers ---------------------------------------------------------------

@pytest.fixture(scope="module")
def server(corpus_file, neo4j_connection, neo4j_driver):
    from govkg.queries.neo4j.helpers import Neo4jQueries
    from govkg.queries.neo4j.load import Neo4jTarget, load_file

    load_file(corpus_file, Neo4jTarget(*neo4j_connection), wipe_first=True)
    return Neo4jQueries(neo4j_driver, neo4j_connection.database)


DATES = [None, "2021", "2021-01-08", "2021-06", "2022-09-20", "2023-04-15", "2023-05"]


def test_neo4j_gives_the_same_tenures_for_every_person_and_post(q, server):
    people = [e.id for e in q.entity_names(["Person"])]
    posts = [e.id for e in q.entity_names(["Role"])]
    assert len(people) == 8 and len(posts) == 13
    for on in DATES:
        for person in people:
            assert server.posts(person, on=on) == q.posts(person, on=on), (person, on)
        for post in posts:
            assert server.holders(post, on=on) == q.holders(post, on=on), (post, on)
    assert server.holders(HEAD, on="2021-01-08") != []


@pytest.mark.parametrize("kind, name", [("career", "方志远"), ("career", "宋嘉禾"), ("career", "林德茂"),
                                        ("post", "岚溪县人民政府县长"), ("post", "岚溪县人民政府副县长"),
                                        ("post", "岚溪县水利局局长")])
def test_neo4j_gives_the_same_reports(source, server, kind, name):
    from govkg.queries.neo4j.source import Neo4jSource

    expected = build_report(source, kind, [name])
    got = build_report(Neo4jSource(server), kind, [name])
    assert render_json(got) == render_json(expected)
    assert render_markdown(got) == render_markdown(expected)
    assert any(i.evidence for s in expected.sections for i in s.items)


def test_cli_on_neo4j(server, neo4j_connection, corpus_file):
    env = {"NEO4J_URI": neo4j_connection.uri, "NEO4J_USERNAME": neo4j_connection.user,
           "NEO4J_PASSWORD": neo4j_connection.password, "NEO4J_DATABASE": neo4j_connection.database}
    for args in (["report", "post", "岚溪县人民政府县长"], ["query", "--helper", "posts", "--arg", "name=方志远",
                                                           "--arg", "on=2021-07-01", "-f", "json"]):
        on_file = govkg(*args, "-g", str(corpus_file))
        on_server = govkg(*args, "--neo4j", env=env)
        assert on_server.returncode == 0, on_server.stderr
        assert on_server.stdout == on_file.stdout and on_file.stdout


# --- govkg view --on ------------------------------------------------------------------------

def _island(html: str) -> dict:
    start = html.index('<script type="application/json"')
    start = html.index(">", start) + 1
    return json.loads(html[start:html.index("</script>", start)])


def test_view_on_a_date_draws_only_the_posts_held_then(corpus_file, tmp_path):
    out = tmp_path / "on.html"
    done = govkg("view", "-g", str(corpus_file), "--on", "2021-07-01", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "govkg: 5 of 18 posts held on 2021-07-01" in done.stderr
    data = _island(out.read_text("utf-8"))
    held = {(e["from"], e["to"]) for e in data["edges"] if e["rel"] == "HOLDS_ROLE"}
    # on 2021-07-01: 方志远 副县长, 县长 and 县委副书记; 郑文博 县委书记 (seen 2021-06-02); 陈晓岚 财政局局长
    assert held == {(FANG, DEPUTY), (FANG, HEAD), (FANG, "role:岚溪县委/县委副书记"),
                    ("person:郑文博", "role:岚溪县委/县委书记"), ("person:陈晓岚", "role:岚溪县财政局/局长")}
    kinds = {n["kind"] for n in data["nodes"]}
    assert kinds == {"Person", "Role", "Organization", "Place"}  # no articles, no other people
    assert {n["name"] for n in data["nodes"] if n["kind"] == "Person"} == {"方志远", "郑文博", "陈晓岚"}
    tenure = next(e["tenure"] for e in data["edges"] if (e["from"], e["to"]) == (FANG, HEAD))
    assert tenure == "2021-06-01 – 2023-04-10"
    # the evidence panel still finds each cited article's title and date
    assert data["articles"][f"article:{N0602}#1"]["date"] == "2021-06-02"


def test_view_on_a_date_in_the_browser(corpus_file, tmp_path, browser):
    out = tmp_path / "on.html"
    assert govkg("view", "-g", str(corpus_file), "--on", "2023-05", "-o", str(out)).returncode == 0
    page = browser.open_file(out)
    page.wait_for("window.govkgView && window.govkgView.stable")
    people = page.evaluate("govkgView.nodes.get().filter(n => n.kind === 'Person').map(n => n.name).sort()")
    # in May 2023: 方志远 (望川县委书记), 宋嘉禾 (代理县长, 副县长, 发改局局长),
    # 陈晓岚 (财政局局长); 郑文博 was seen once, in 2021, and nothing closed his post
    assert people == sorted(["方志远", "宋嘉禾", "陈晓岚", "郑文博"])
    page.evaluate("document.getElementById('govkg-search').focus()")
    page.type_text("宋嘉禾")
    page.press_key("Enter", key_code=13)
    assert page.evaluate("govkgView.network.getSelectedNodes()") == ["person:宋嘉禾"]
    panel = page.evaluate("document.getElementById('govkg-details').innerText")
    assert "代理县长 (2023-04-20 –)" in panel and "会议决定任命宋嘉禾为岚溪县人民政府副县长、代理县长。" in panel
    assert page.errors == [] and page.blocked_requests == []


# --- the appointment articles of the dev corpus -------------------------------------------

@pytest.fixture(scope="module")
def appointments(tmp_path_factory):
    from conftest import require_shared, SHARED

    folder = require_shared(SHARED / "dev" / "appointments")
    out = tmp_path_factory.mktemp("appointments") / "appointments.json"
    done = govkg("extract", str(folder / "articles"), "-o", str(out), "--quiet", "--no-cache")
    assert done.returncode == 0, done.stderr
    golds = [json.loads(p.read_text("utf-8")) for p in sorted((folder / "gold").glob("*.gold.json"))]
    return LocalQueries.from_file(out), golds


def _gold_pairs(queries, golds, status):
    """(gold role, its article ids, the tenures of its (person, post) pair) for gold roles of
    ``status`` found as a pair in their article: a post named by the gold title or one of its
    alts (its title, name or an alias, as ../shared/tools/score_status.py matches them)."""
    found = []
    for gold in golds:
        articles = {n for n, a in queries.graph.nodes(data=True)
                    if a.get("label") == "Article" and a.get("source") == gold["source"]}
        for role in gold.get("roles", []):
            if role.get("status") != status or not role.get("required", True) and status == "former":
                continue
            titles = {role["title"], *role.get("title_alts", [])}
            for person in queries.find_entities(role["person"], ["Person"], partial=False):
                tenures = [t for t in queries.posts(person.id)
                           if titles & _names(queries, t.role_id)
                           and any(e.evidence.article in articles for e in t.events)]
                if tenures:
                    found.append((role, articles, tenures))
    return found


def _names(queries, role_id: str) -> set[str]:
    attrs = queries.graph.nodes[role_id]
    return {attrs.get("name"), attrs.get("title"), *(attrs.get("aliases") or [])} - {None}


def test_dev_proposed_posts_are_never_held(appointments):
    """A gold proposed post (拟任, 提名, 候选人) found as a pair is held on no date: the tenures of
    the pair that only its proposal dates are proposals (the corpus has no other article about
    these people)."""
    queries, golds = appointments
    found = _gold_pairs(queries, golds, "proposed")
    assert found, "no gold proposed post found as a pair"
    for role, articles, tenures in found:
        for t in tenures:
            if all(e.status == "proposed" for e in t.events):
                assert t.proposed, (role, t)
            if t.proposed:
                for day in {e.article_date for e in t.events if e.article_date} | {"2000", "2100"}:
                    assert t not in queries.posts(t.person_id, on=day), (role, day)


def test_dev_former_posts_have_ended_by_their_article(appointments):
    """A gold former post found as a pair, whose article calls it former (extraction's status,
    right for at least 0.88 of pairs: tests/test_dev_corpus.py), is held on no day after it."""
    queries, golds = appointments
    found = _gold_pairs(queries, golds, "former")
    marked = [(role, articles, tenures) for role, articles, tenures in found
              if any(e.status == "former" and e.evidence.article in articles for t in tenures for e in t.events)]
    assert len(marked) >= 0.85 * len(found) and len(found) >= 50
    dated = 0
    for role, articles, tenures in marked:
        days = [w for a in articles if (w := parse_when(queries.graph.nodes[a].get("date")))]
        if not days:  # an undated article: its sentences are held on no date at all
            continue
        dated += 1
        day_after = (max(w.last for w in days) + dt.timedelta(days=1)).isoformat()
        called = [t for t in tenures if any(e.status == "former" and e.evidence.article in articles
                                            for e in t.events)]
        assert not any(t in queries.posts(t.person_id, on=day_after) for t in called), (role, called)
    assert dated >= 40

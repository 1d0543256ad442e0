"""Tenures (queries/tenures.py): how dated sentences about a post open and close a person's time in
it, what "held on a date" means, and dates that cannot be read. Graphs are built by hand here, so
each rule is seen alone; tests/test_career_reports.py runs the real extractor on a dated corpus."""

from __future__ import annotations

import datetime as dt

import pytest

from govkg.errors import GovkgError
from govkg.graph.graphfile import new_graph
from govkg.graph.schema import ARTICLE, HOLDS_ROLE, MENTIONED_IN, ORGANIZATION, PERSON, ROLE, ROLE_IN
from govkg.queries.dates import parse_on, parse_when
from govkg.queries.local import LocalQueries
from govkg.queries.tenures import full_title, title_family

BODY = "org:青岚县人民政府"


class Corpus:
    """A graph of invented people and one county government, built sentence by sentence."""

    def __init__(self) -> None:
        self.graph = new_graph()
        self.graph.add_node(BODY, label=ORGANIZATION, name="青岚县人民政府")
        self.articles = 0

    def article(self, date: str | None) -> str:
        self.articles += 1
        aid = f"article:qinglan-{self.articles}.txt#1"
        self.graph.add_node(aid, label=ARTICLE, name=f"第{self.articles}篇", title=f"第{self.articles}篇",
                            **({"date": date} if date is not None else {}))
        return aid

    def says(self, person: str, title: str, date: str | None, status: str = "current", event: str = "",
             event_date: str = "", sentence: str | None = None) -> str:
        """One article of ``date`` with one sentence about ``person`` in the post ``title``."""
        pid, rid = f"person:{person}", f"role:青岚县人民政府/{title}"
        if pid not in self.graph:
            self.graph.add_node(pid, label=PERSON, name=person, aliases=[person])
        if rid not in self.graph:
            self.graph.add_node(rid, label=ROLE, name=title, title=title, aliases=[title])
            self.graph.add_edge(rid, BODY, key=ROLE_IN, type=ROLE_IN)
        aid = self.article(date)
        item = {"article": aid, "sentence": sentence or f"{date}：{person}，{title}，{status}{event}。",
                "status": status, **({"event": event} if event else {}),
                **({"event_date": event_date} if event_date else {})}
        if self.graph.has_edge(pid, rid, HOLDS_ROLE):
            self.graph.edges[pid, rid, HOLDS_ROLE]["evidence"].append(item)
        else:
            self.graph.add_edge(pid, rid, key=HOLDS_ROLE, type=HOLDS_ROLE, status=status, evidence=[item])
        self.graph.add_edge(pid, aid, key=MENTIONED_IN, type=MENTIONED_IN, count=1)
        return aid

    def queries(self) -> LocalQueries:
        return LocalQueries(self.graph)


def spans(tenures) -> list[tuple]:
    return [(t.title, t.start, t.start_event, t.end, t.end_event, t.end_exact) for t in tenures]


# --- dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, first, last", [
    ("2021", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
    ("2021-02", dt.date(2021, 2, 1), dt.date(2021, 2, 28)),
    ("2020-02", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),  # a leap year
    ("2021-12", dt.date(2021, 12, 1), dt.date(2021, 12, 31)),
    ("2021-06-02", dt.date(2021, 6, 2), dt.date(2021, 6, 2)),
])
def test_a_date_stands_for_all_its_days(text, first, last):
    when = parse_when(text)
    assert (when.first, when.last) == (first, last)


@pytest.mark.parametrize("text", ["2021-13", "2021-02-30", "2021-6", "21-06-02", "2021/06/02", "去年7月", "",
                                  "2021-06-02T10:00"])
def test_what_is_not_a_date_is_not_guessed(text):
    assert parse_when(text) is None
    with pytest.raises(GovkgError, match=r"^--on wants a date, YYYY, YYYY-MM or YYYY-MM-DD .*not '"):
        parse_on(text)


# --- opening and closing -------------------------------------------------------------------

def test_appointed_then_removed_is_one_tenure_between_the_two_notices():
    c = Corpus()
    c.says("罗文彬", "副县长", "2019-03-02", event="appointed")
    c.says("罗文彬", "副县长", "2020-05-11")
    c.says("罗文彬", "副县长", "2022-01-20", status="former", event="removed")
    (t,) = c.queries().posts("person:罗文彬")
    assert spans([t]) == [("副县长", "2019-03-02", "appointed", "2022-01-20", "removed", True)]
    assert (t.first_seen, t.last_seen) == ("2019-03-02", "2020-05-11")
    assert [e.kind for e in t.events] == ["appointed", "seen", "removed"]


def test_the_event_date_a_clause_gives_comes_before_its_article_date():
    c = Corpus()
    # a 2023 profile: 2020年8月任副县长 (still current), then a sighting in 2021
    c.says("罗文彬", "副县长", "2023-04-01", event="appointed", event_date="2020-08")
    c.says("罗文彬", "副县长", "2021-05-10")
    (t,) = c.queries().posts("person:罗文彬")
    assert (t.start, t.start_event, t.first_seen, t.last_seen) == ("2020-08", "appointed", "2021-05-10",
                                                                   "2023-04-01")


def test_a_former_post_ends_at_or_before_the_article_that_calls_it_former():
    c = Corpus()
    c.says("罗文彬", "副县长", "2019-03-02")
    c.says("罗文彬", "副县长", "2021-07-01", status="former")  # 原副县长罗文彬
    (t,) = c.queries().posts("person:罗文彬")
    assert spans([t]) == [("副县长", "2019-03-02", "seen", "2021-07-01", "former", False)]
    assert t.span() == "2019-03-02 – by 2021-07-01"
    assert t.events[-1].by and t.events[-1].kind == "former"


def test_a_removal_of_a_post_nobody_was_seen_holding_is_still_recorded():
    c = Corpus()
    c.says("钱卫国", "县长", "2021-01-08", status="former", event="removed")
    q = c.queries()
    (t,) = q.holders("role:青岚县人民政府/县长")
    assert spans([t]) == [("县长", "", "", "2021-01-08", "removed", True)]
    assert t.span() == "? – 2021-01-08"
    # held on the day of the notice that ends it, and on no day before (since when is unknown)
    assert q.holders("role:青岚县人民政府/县长", on="2021-01-08") == [t]
    assert q.holders("role:青岚县人民政府/县长", on="2021-01-07") == []


def test_a_career_history_line_opens_and_closes_one_tenure():
    c = Corpus()
    # 2023年4月的任前公示：“2019年5月任青岚县副县长”, settled former by a later post
    c.says("罗文彬", "副县长", "2023-04-03", status="former", event="appointed", event_date="2019-05")
    (t,) = c.queries().posts("person:罗文彬")
    assert spans([t]) == [("副县长", "2019-05", "appointed", "2023-04-03", "former", False)]
    assert [e.date for e in t.events] == ["2019-05"]  # the event happened then; it closes by the article


def test_a_sighting_after_a_removal_opens_a_new_tenure():
    c = Corpus()
    c.says("罗文彬", "副县长", "2018-02-01", event="appointed")
    c.says("罗文彬", "副县长", "2019-06-01", status="former", event="removed")
    c.says("罗文彬", "副县长", "2021-03-01", event="appointed")
    assert spans(c.queries().posts("person:罗文彬")) == [
        ("副县长", "2018-02-01", "appointed", "2019-06-01", "removed", True),
        ("副县长", "2021-03-01", "appointed", "", "", False)]


def test_an_acting_post_ends_when_the_full_title_begins():
    c = Corpus()
    c.says("罗文彬", "代县长", "2021-01-10", event="appointed")
    c.says("罗文彬", "代县长", "2021-03-05")
    c.says("罗文彬", "县长", "2021-06-01", event="elected")
    acting, full = c.queries().posts("person:罗文彬")
    assert spans([acting, full]) == [("代县长", "2021-01-10", "appointed", "2021-06-01", "full title", True),
                                     ("县长", "2021-06-01", "elected", "", "", False)]
    # the post's holders include its acting form
    q = c.queries()
    assert [t.title for t in q.holders("role:青岚县人民政府/县长")] == ["代县长", "县长"]
    assert [t.title for t in q.holders("role:青岚县人民政府/代县长", on="2021-07")] == ["县长"]


def test_an_acting_post_ends_by_the_first_date_the_full_title_is_known():
    c = Corpus()
    c.says("罗文彬", "代县长", "2019-11", event="appointed", event_date="2019-11")
    c.says("罗文彬", "县长", "2023-02-26", status="former", event="removed")  # 辞去县长职务
    acting, full = c.queries().posts("person:罗文彬")
    assert spans([acting]) == [("代县长", "2019-11", "appointed", "2023-02-26", "full title", False)]
    assert acting.span() == "2019-11 – by 2023-02-26"


def test_a_move_ends_the_other_posts_open_then_but_a_seat_on_the_new_body():
    c = Corpus()
    c.says("罗文彬", "副县长", "2018-03-01", event="appointed")
    c.says("罗文彬", "县委常委", "2018-03-01", event="appointed")
    c.says("罗文彬", "扶贫办主任", "2019-05-01")
    c.says("罗文彬", "县长", "2021-06-01", status="former")  # called former before the move
    c.says("罗文彬", "县委常委", "2020-01-01")
    c.says("罗文彬", "常务副县长", "2020-09-10", event="moved")  # 调任常务副县长
    q = c.queries()
    by_title = {t.title: t for t in q.posts("person:罗文彬")}
    assert (by_title["副县长"].end, by_title["副县长"].end_event) == ("2020-09-10", "moved")
    assert (by_title["扶贫办主任"].end, by_title["扶贫办主任"].end_event) == ("2020-09-10", "moved")
    # a seat (常委) on the body of the post moved into stays: all posts here are in one body
    assert by_title["县委常委"].end == ""
    assert by_title["常务副县长"].end == "" and by_title["常务副县长"].start_event == "moved"
    assert [t.title for t in q.posts("person:罗文彬", on="2021")] == ["县委常委", "常务副县长"]


def test_a_former_sentence_in_an_undated_article_ends_the_post_as_far_as_it_is_seen():
    c = Corpus()
    c.says("罗文彬", "副县长", "2015", event="appointed", event_date="2015")
    c.says("罗文彬", "副县长", "2016-04-02")
    c.says("罗文彬", "副县长", None, status="former")  # 曾任副县长, in an article with no date
    q = c.queries()
    (t,) = q.posts("person:罗文彬")
    assert (t.start, t.end, t.end_event, t.span()) == ("2015", "", "former", "2015 – ?")
    assert q.posts("person:罗文彬", on="2016-04-02") == [t]
    assert q.posts("person:罗文彬", on="2016-04-03") == []


def test_acting_titles_are_told_by_the_lexicon():
    assert full_title("代县长") == "县长" and full_title("代理县长") == "县长" and full_title("代区长") == "区长"
    assert full_title("代表") is None and full_title("县长") is None  # 代表 is no acting title
    assert set(title_family("代理县长")) == {"县长", "代县长", "代理县长"}


def test_a_post_only_proposed_is_never_held():
    c = Corpus()
    c.says("韦宁", "副县长", "2023-03-28", status="proposed", event="proposed")
    q = c.queries()
    (t,) = q.posts("person:韦宁")
    assert t.proposed and not t.start and not t.end
    assert q.posts("person:韦宁", on="2023-03-28") == [] and q.posts("person:韦宁", on="2024") == []


def test_a_proposal_goes_with_the_tenure_it_precedes():
    c = Corpus()
    c.says("韦宁", "副县长", "2023-03-28", status="proposed", event="proposed")
    c.says("韦宁", "副县长", "2023-04-20", event="appointed")
    (t,) = c.queries().posts("person:韦宁")
    assert not t.proposed and (t.start, t.start_event) == ("2023-04-20", "appointed")
    assert [e.kind for e in t.events] == ["proposed", "appointed"]
    assert c.queries().posts("person:韦宁", on="2023-04-01") == []


# --- held on a date ------------------------------------------------------------------------

@pytest.fixture()
def two_heads() -> LocalQueries:
    """钱卫国 removed 2021-01-08; 罗文彬 appointed that day, called former by 2023-04-11."""
    c = Corpus()
    c.says("钱卫国", "县长", "2019-05-06")
    c.says("钱卫国", "县长", "2021-01-08", status="former", event="removed")
    c.says("罗文彬", "县长", "2021-01-08", event="appointed")
    c.says("罗文彬", "县长", "2022-09-20")
    c.says("罗文彬", "县长", "2023-04-11", status="former")
    return c.queries()


@pytest.mark.parametrize("on, holders", [
    ("2019-05-05", []),                     # before anyone is seen in it
    ("2019-05-06", ["钱卫国"]),             # seen on that day
    ("2020", ["钱卫国"]),
    ("2021-01-08", ["钱卫国", "罗文彬"]),   # the day of the notice: removed that day, appointed that day
    ("2021-01-09", ["罗文彬"]),
    ("2021-01", ["钱卫国", "罗文彬"]),      # some day of January 2021
    ("2023-04-11", ["罗文彬"]),             # the day the post is called former: ended on or before
    ("2023-04-12", []),
    ("2023", ["罗文彬"]),
])
def test_held_on_a_date(two_heads, on, holders):
    assert [t.person for t in two_heads.holders("role:青岚县人民政府/县长", on=on)] == holders


def test_the_on_argument_of_a_helper_must_be_a_date(two_heads):
    with pytest.raises(GovkgError, match=r"^--arg on= wants a date, .*not '2021-13'$"):
        two_heads.holders("role:青岚县人民政府/县长", on="2021-13")


# --- dates in the graph that cannot be read ------------------------------------------------

def test_an_article_date_that_is_not_a_date_leaves_the_sentence_undated_and_says_so():
    c = Corpus()
    c.says("罗文彬", "副县长", "2019-03-02", event="appointed")
    bad = c.says("罗文彬", "副县长", "2021-02-30")  # a hand-edited file
    (t,) = c.queries().posts("person:罗文彬")
    assert (t.start, t.last_seen) == ("2019-03-02", "2019-03-02")  # never guessed as 2021-02-28
    undated = [e for e in t.events if not e.date]
    assert [e.evidence.article for e in undated] == [bad]
    assert undated[0].note == f"the date of {bad} ('2021-02-30') is not a date"


def test_a_post_seen_only_in_undated_articles_has_no_dates():
    c = Corpus()
    c.says("罗文彬", "副县长", None)
    (t,) = c.queries().posts("person:罗文彬")
    assert (t.start, t.end, t.first_seen) == ("", "", "") and t.span() == "undated"
    assert c.queries().posts("person:罗文彬", on="2021") == []


def test_an_item_without_its_own_facts_takes_its_edges():
    """A graph file written before evidence items carried status and event: the edge's facts."""
    c = Corpus()
    c.says("罗文彬", "副县长", "2022-01-20", status="former", event="removed")
    edge = c.graph.edges["person:罗文彬", "role:青岚县人民政府/副县长", HOLDS_ROLE]
    edge["evidence"] = [{"article": e["article"], "sentence": e["sentence"]} for e in edge["evidence"]]
    edge["event"] = "removed"
    (t,) = c.queries().posts("person:罗文彬")
    assert (t.end, t.end_event) == ("2022-01-20", "removed")

"""Careers (extract/careers.py): an article's holdings read in order settle which posts are former.
The holdings are written by hand, as the posts pass makes them; no NER model runs."""

from __future__ import annotations

import pytest

from govkg.extract.careers import date_key, iso_date, settle
from govkg.extract.records import Article, Post, PostHolding
from govkg.graph.schema import ORGANIZATION

ARTICLE = Article("career-2021.txt", 1, title="岚皋县召开领导干部大会", date="2021-03-05",
                  body="会议宣布了市委的决定。")


def held(person: str, title: str, body: str, order: int, *, date: str = "", status: str = "current",
         explicit: bool = False, concurrent: bool = False, sentence: str = "", kind: str = "head",
         parents: tuple[str, ...] = (), session: int | None = None, article: Article = ARTICLE) -> PostHolding:
    post = Post(title, body, ORGANIZATION, kind=kind, parents=list(parents))
    return PostHolding(person, post, article, sentence or f"sentence {order}", status, explicit=explicit,
                       date_text=date, concurrent=concurrent, order=order, session=session)


# --- Clause dates ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, before, key", [
    ("2019年5月", None, (2019, 5)),
    ("2019年", None, (2019, 0)),
    ("去年7月", None, (2020, 7)),
    ("今年初", None, (2021, 1)),
    ("前年底", None, (2019, 12)),
    ("同年8月", (2018, 3), (2018, 8)),
    ("次年1月", (2018, 3), (2019, 1)),
    ("翌年", (2018, 3), (2019, 0)),
    ("次月", (2018, 3), (2018, 4)),
    ("次月", (2018, 12), (2019, 1)),
    ("同月", (2018, 3), (2018, 3)),
    ("近日", None, (2021, 13)),  # the latest there is
    ("随后", (2017, 0), (2017, 0.5)),  # after the date before it, before the next
    ("1995.03", None, (1995, 3)),  # as a résumé writes it
])
def test_date_key(text, before, key):
    assert date_key(text, 2021, before) == key


@pytest.mark.parametrize("text, article_year", [
    ("去年7月", None),  # relative to an article whose year is not known
    ("同年8月", 2021),  # relative to no date before it
    ("随后", 2021),
    ("", 2021),
])
def test_date_key_unknown(text, article_year):
    assert date_key(text, article_year) is None


@pytest.mark.parametrize("text, iso", [
    ("2019年5月", "2019-05"),
    ("2019年", "2019"),
    ("去年7月", "2020-07"),
    ("近日", "2021"),  # no month 13
    ("日前", "2021"),
    ("同年8月", ""),
])
def test_iso_date(text, iso):
    assert iso_date(text, 2021) == iso


# --- Dated sequences ---------------------------------------------------------------------------

def test_a_dated_post_is_former_once_a_later_date_gives_another():
    hs = [held("邱明达", "副县长", "岚皋县人民政府", 1, date="2013年1月", kind="gov"),
          held("邱明达", "县长", "岚皋县人民政府", 2, date="2017年5月", kind="gov"),
          held("邱明达", "县委书记", "岚皋县委", 3, date="去年7月", kind="party")]
    settle(hs)
    assert [h.status for h in hs] == ["former", "former", "current"]


def test_a_post_held_beside_a_later_one_stays_current():
    hs = [held("邱明达", "扶贫开发办公室主任", "岚皋县扶贫开发办公室", 1, date="2018年3月"),
          held("邱明达", "乡村振兴局局长", "岚皋县乡村振兴局", 2, date="2020年6月", concurrent=True)]
    settle(hs)
    assert [h.status for h in hs] == ["current", "current"]


def test_dates_count_on_from_the_date_before_them():
    hs = [held("龚雪梅", "副镇长", "石门镇人民政府", 1, date="2015年3月", kind="gov"),
          held("龚雪梅", "镇长", "石门镇人民政府", 2, date="同年8月", kind="gov"),
          held("龚雪梅", "镇党委书记", "石门镇党委", 3, date="次年", kind="party")]
    settle(hs)
    assert [h.status for h in hs] == ["former", "former", "current"]


def test_a_later_move_with_no_date_of_its_own():
    """调任…秘书长，后转任政法委书记: 随后 comes after the post before it."""
    hs = [held("黎文博", "县委秘书长", "岚皋县委", 1, date="2017年"),
          held("黎文博", "县委政法委书记", "岚皋县委政法委", 2, date="随后")]
    settle(hs)
    assert [h.status for h in hs] == ["former", "current"]


def test_recently_is_the_latest():
    hs = [held("黎文博", "副县长", "岚皋县人民政府", 1, date="2019年", kind="gov"),
          held("黎文博", "县委副书记", "岚皋县委", 2, date="近日", kind="party")]
    settle(hs)
    assert [h.status for h in hs] == ["former", "current"]


def test_a_seat_on_a_committee_is_kept_by_a_post_inside_it():
    hs = [held("黎文博", "县委常委", "岚皋县委", 1, date="2016年", kind="member"),
          held("黎文博", "政法委书记", "岚皋县委政法委", 2, date="2018年", kind="party", parents=("岚皋县委",))]
    settle(hs)
    assert [h.status for h in hs] == ["current", "current"]


def test_a_proposed_post_does_not_end_the_one_before():
    hs = [held("朱明远", "副县长", "岚皋县人民政府", 1, date="2018年", kind="gov"),
          held("朱明远", "县委书记", "岚皋县委", 2, date="2021年2月", status="proposed", explicit=True)]
    settle(hs)
    assert [h.status for h in hs] == ["current", "proposed"]


def test_each_person_has_a_career_of_their_own():
    hs = [held("邱明达", "副县长", "岚皋县人民政府", 1, date="2015年", kind="gov"),
          held("龚雪梅", "县长", "岚皋县人民政府", 2, date="2019年", kind="gov")]
    settle(hs)
    assert [h.status for h in hs] == ["current", "current"]


def test_a_written_status_is_not_changed_by_dates():
    """现任 written with an earlier date than another post: still current."""
    hs = [held("邱明达", "县委书记", "岚皋县委", 1, date="2015年", explicit=True, kind="party"),
          held("邱明达", "县人大常委会主任", "岚皋县人大常委会", 2, date="2019年", concurrent=False)]
    settle(hs)
    assert [h.status for h in hs] == ["current", "current"]


def test_an_earlier_post_ends_even_when_the_later_one_has_ended_too():
    hs = [held("邱明达", "县长", "岚皋县人民政府", 1, date="2010年", kind="gov"),
          held("邱明达", "县委书记", "岚皋县委", 2, date="2015年", status="former", explicit=True)]
    settle(hs)
    assert [h.status for h in hs] == ["former", "former"]


# --- 现任 against the rest, one status per post, sessions ---------------------------------------

def test_currently_makes_the_other_posts_of_its_sentence_former():
    sentence = "焦长海（现任省人大常委会副主任）曾任唐河市委书记、市长。"
    hs = [held("焦长海", "省人大常委会副主任", "陕西省人大常委会", 1, explicit=True, sentence=sentence),
          held("焦长海", "市长", "唐河市人民政府", 2, sentence=sentence, kind="gov")]
    settle(hs)
    assert [h.status for h in hs] == ["current", "former"]


def test_one_post_named_twice_has_one_status():
    """此前任X … 2020年任X: the written former wins over the assumed current."""
    hs = [held("许文斌", "宣传部部长", "望谟县委宣传部", 1, status="former", explicit=True),
          held("许文斌", "宣传部部长", "望谟县委宣传部", 5, date="2020年")]
    settle(hs)
    assert [h.status for h in hs] == ["former", "former"]


def test_a_post_of_an_earlier_session_is_former():
    article = Article("session-2022.txt", 1, title="政协第十届委员会第一次会议开幕", date="2022-01-10",
                      body="政协第十届委员会第一次会议开幕。")
    hs = [held("马文清", "州政协主席", "甘南藏族自治州政协", 1, session=7, article=article),
          held("韩春生", "州政协主席", "甘南藏族自治州政协", 2, session=10, article=article)]
    settle(hs)
    assert [h.status for h in hs] == ["former", "current"]


def test_a_dated_post_after_an_introduction_by_another_is_a_career():
    """岚皋县委书记某，1995年某大学毕业后留校，…任学校团委书记: the introduction is the post held now,
    the dated one a career; 兼任 beside it, or a post dated this year, is not."""
    sentence = "岚皋县委书记侯明舒，1995年江南大学毕业后留校，任学校团委书记。"
    hs = [held("侯明舒", "县委书记", "岚皋县委", 1, sentence=sentence),
          held("侯明舒", "团委书记", "江南大学团委", 2, date="1995年", sentence=sentence)]
    hs[1].cue = "任"
    settle(hs)
    assert [h.status for h in hs] == ["current", "former"]
    for date, concurrent in (("2021年1月", False), ("2015年", True)):
        hs = [held("侯明舒", "县委书记", "岚皋县委", 1, sentence=sentence),
              held("侯明舒", "主任", "岚皋县某委员会", 2, date=date, concurrent=concurrent, sentence=sentence)]
        hs[1].cue = "任"
        settle(hs)
        assert [h.status for h in hs] == ["current", "current"]

"""Unit tests for the text rules: normalisation, page splitting, bylines, dates, reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.errors import GovkgError
from govkg.extract.articles import credit_names, find_date, is_headline_candidate, outlet_name, parse_byline, split_page
from govkg.extract.normalize import join_lines, normalize_line, squeeze_spaces, to_simplified
from govkg.extract.reading import SkippedInput, decode, discover, read_source
from govkg.extract.ner.base import Token
from govkg.extract.records import Article
from govkg.extract.sentences import split_sentences, tag_page

SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pingdingshan-weidong-2020-06.txt"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "chenghu-district-2021-09.txt"


@pytest.mark.parametrize("raw, expected", [
    ("规 划 、手 续 等 问 题 。 同 时 认 真 落 实 月 通", "规划、手续等问题。同时认真落实月通"),
    ("截至目前 ，卫 东 区 80%以 上 的 社 区 卫", "截至目前，卫东区80%以上的社区卫"),
    ("本报讯 （记者王孟鹤）6 月 16 日上午，卫东区部", "本报讯（记者王孟鹤）6月16日上午，卫东区部"),
    # One space between two words of a headline or two issuing bodies is kept.
    ("积极落实各项优惠政策 扎实创造良好营商环境", "积极落实各项优惠政策 扎实创造良好营商环境"),
    ("《中共河南省委 河南省人民政府关于表", "《中共河南省委 河南省人民政府关于表"),
    # Latin words and numbers keep their spaces; full-width digits become ASCII.
    ("引进 Wi Fi 设备 ２０２０年", "引进 Wi Fi 设备2020年"),
    ("书记(兼)主任,负责", "书记（兼）主任，负责"),
    # a two-character name an aligned list pads to three is one name; two words a space separates stay
    ("委员：王 芳、吴海敏", "委员：王芳、吴海敏"),
    ("决胜 小康 奋斗 百年", "决胜 小康 奋斗 百年"),
])
def test_normalize_line(raw, expected):
    assert normalize_line(raw) == expected


def test_spaced_line_rule_leaves_ordinary_lines_alone():
    assert squeeze_spaces("高鸿勋 摄") == "高鸿勋 摄"


def test_a_resumes_dated_lines_are_clauses_of_their_own():
    assert join_lines(["1992.08—1995.03 县委办公室科员", "1995.03—2001.06 青石镇党委书记", "2011.12— 县委常委"]) == \
        "1992.08—1995.03 县委办公室科员；1995.03—2001.06 青石镇党委书记；2011.12— 县委常委"
    # running text wrapped before a date is joined as it was
    assert join_lines(["他于", "2019年5月至2021年任县长。"]) == "他于2019年5月至2021年任县长。"


def test_the_fields_of_a_form_are_clauses_and_a_name_field_opens_a_sentence():
    assert join_lines(["姓名：谢远平", "性别：男", "现任职务：某局副局长", "拟任职务：某镇党委书记",
                       "姓名：林小青", "性别：女"]) == \
        "姓名：谢远平，性别：男，现任职务：某局副局长，拟任职务：某镇党委书记。姓名：林小青，性别：女"


def test_join_lines_joins_chinese_without_space_and_latin_with_one():
    assert join_lines(["我们以首席服务官制度为抓手推动复", "", "工复产"]) == "我们以首席服务官制度为抓手推动复工复产"
    assert join_lines(["the new", "system"]) == "the new system"


def test_to_simplified_keeps_length_and_offsets():
    text = "衛東區紀委監委書記張偉表示"
    simple = to_simplified(text)
    assert simple == "卫东区纪委监委书记张伟表示"
    assert len(simple) == len(text)


def test_sentences_end_with_closing_quotes():
    assert split_sentences("“我区将绷紧这根弦。”卫东区代区长张伟说。") == ["“我区将绷紧这根弦。”", "卫东区代区长张伟说。"]


def test_a_space_in_a_headline_separates_its_clauses_for_the_rules():
    """陈义初辞去郑州市长职务 王文超任代理市长: two clauses; the rules read the twin with a comma there,
    of the same length, while the sentence as written keeps its space."""
    class Backend:
        def tag(self, texts):
            return [[Token(t, "O", "n")] for t in texts]

    article = Article("t.txt", 1, title="岚溪县长辞职 方志远任代县长", body="他说 要把工作做好。")
    (title, body), = tag_page([article], Backend())
    assert title.text == "岚溪县长辞职 方志远任代县长"
    assert title.tagged.text == "岚溪县长辞职，方志远任代县长"
    assert body.tagged.text == "他说 要把工作做好。"  # in a story's text a space is layout, not a clause


@pytest.mark.parametrize("line, ok", [
    ("卫东区全力推动经济平稳健康发展", True),
    ("日前被授予“河南省文明单位标兵”称号", True),
    ("随后张新君又盯上了村中心的", False),  # ends on 的: a broken body line
    ("作为万达广场的“首席服务", False),  # an open quotation
    ("为全力推动经济平稳健康发展，卫", False),
])
def test_headline_candidates(line, ok):
    assert is_headline_candidate(line) is ok


def test_bylines_and_credits():
    assert [(b.person, b.role) for b in parse_byline("记者王孟鹤 通讯员苗广垒")] == [("王孟鹤", "记者"), ("苗广垒", "通讯员")]
    assert [(b.person, b.role) for b in parse_byline("本报记者 王孟鹤 通讯员 古国凡")] == [("王孟鹤", "记者"), ("古国凡", "通讯员")]
    assert credit_names("目前，我市已有1000余名党员走进该馆开展政治生活。高鸿勋 摄") == ["高鸿勋"]
    assert credit_names("认真拍摄了这张照片。") == []


def test_dates_take_the_year_from_context():
    assert find_date("6月3日，卫东区代区长张伟表示", 2020) == ("6月3日", "2020-06-03")
    assert find_date("2019年5月1日上午", None) == ("2019年5月1日", "2019-05-01")
    assert find_date("日前，卫东区人民检察院", 2020) == ("", None)


def test_sample_page_splits_into_seven_reports_and_two_captions():
    articles = split_page(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)
    assert len(articles) == 9
    assert [a.kind for a in articles].count("photo") == 2
    titles = [a.title for a in articles]
    assert titles[0] == "卫东区全力推动经济平稳健康发展"
    assert articles[0].kicker == "积极落实各项优惠政策 扎实创造良好营商环境"
    assert "小店村的蝶变" in titles and "重温入党誓词" in titles and "开展志愿活动" in titles
    feature = articles[titles.index("小店村的蝶变")]
    assert feature.body.startswith("山村新雨后")
    assert [(b.person, b.role) for b in feature.bylines] == [("王孟鹤", "记者"), ("古国凡", "通讯员")]
    assert articles[0].date == "2020-06-03"  # the year comes from the file name
    photo = articles[titles.index("开展志愿活动")]
    assert [(b.person, b.role) for b in photo.bylines] == [("罗通", "摄影")]


def test_single_web_article_has_its_title_first():
    text = "某县召开乡村振兴推进会\n5月6日，某县召开乡村振兴推进会，县委书记王某出席会议并讲话。\n会议要求，各乡镇要压实责任。"
    [article] = split_page(text, "web.txt")
    assert article.title == "某县召开乡村振兴推进会"
    assert article.body.startswith("5月6日")


def test_decode_gb18030_and_big5_and_refuse_binary():
    text = "卫东区纪委监委开展廉政教育，营造清廉氛围。" * 3
    assert decode(text.encode("gb18030"), "x")[0] == text
    trad = "衛東區紀委監委開展廉政教育，營造清廉氛圍。" * 3
    assert decode(trad.encode("big5"), "x")[0] == trad
    assert decode("\ufeff本报讯".encode("utf-8"), "x")[0] == "本报讯"
    with pytest.raises(GovkgError, match="binary"):
        decode(b"\x00\x01\x02PK\x03\x04", "x.txt")


def test_read_source_skips_empty_and_discover_refuses_missing(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(SkippedInput):
        read_source(str(empty))
    with pytest.raises(GovkgError, match="no such file"):
        discover([str(tmp_path / "missing.txt")])
    (tmp_path / "sub").mkdir()
    with pytest.raises(GovkgError, match="no .txt, .pdf or .html files"):
        discover([str(tmp_path / "sub")])


def test_credit_pattern_on_a_long_line_without_a_credit():
    # A long run of characters once made the credit pattern backtrack for minutes.
    assert credit_names("廉政" * 2000 + "。") == []
    assert credit_names("参观学习。张三 李四/摄") == ["张三", "李四"]


def test_web_style_text_has_each_title_before_its_lead():
    """Titles first (a web page, a county's 政务要闻 saved as text): a headline before 本报讯 is its title."""
    text = ("澄湖区召开重点项目推进会\n"
            "本报讯（记者林晓舟）9月8日，澄湖区召开重点项目推进会。区委书记邵文博出席会议。\n"
            "桂园路街道开展廉政教育\n"
            "本报讯（通讯员邱雅琴）9月14日，桂园路街道组织党员参观廉政警示教育中心。\n")
    first, second = split_page(text, "web.txt", year=2021)
    assert (first.title, first.lead, first.date) == ("澄湖区召开重点项目推进会", "本报讯", "2021-09-08")
    assert second.title == "桂园路街道开展廉政教育" and second.body.startswith("9月14日")
    assert [(b.person, b.role) for b in second.bylines] == [("邱雅琴", "通讯员")]


def test_header_lines_give_date_source_and_credits_and_leave_the_body():
    text = ("石桥村召开村民代表大会\n"
            "发布时间：2023-03-13 10:21　来源：澄湖区融媒体中心　作者：林晓舟　浏览次数：35\n"
            "3月12日，石桥村召开村民代表大会，村党支部书记葛明远主持会议。\n"
            "会议通过了村规民约修订草案。\n"
            "责任编辑：邱雅琴\n")
    [article] = split_page(text, "page.txt")
    assert article.title == "石桥村召开村民代表大会"
    assert (article.date, article.date_text, article.outlet) == ("2023-03-13", "2023-03-13", "澄湖区融媒体中心")
    assert article.body == "3月12日，石桥村召开村民代表大会，村党支部书记葛明远主持会议。会议通过了村规民约修订草案。"
    assert [(b.person, b.role) for b in article.bylines] == [("林晓舟", "作者"), ("邱雅琴", "责任编辑")]


def test_a_title_with_commas_over_a_byline_line_and_the_bylines_names():
    """A web page's title may hold commas; a byline line under it says it is one. Its names, a space
    between each, are not a line typeset with spaces between its characters."""
    text = ("新年首周，澄州市长有变动，他是最年轻的市长\n"
            "澄湖日报记者 林晓舟 邱雅琴\n"
            "1月8日，澄州市人大常委会决定任命孟庆安为代市长。\n")
    [article] = split_page(text, "page.txt")
    assert article.title == "新年首周，澄州市长有变动，他是最年轻的市长"
    assert [(b.person, b.role, b.desk) for b in article.bylines] == [
        ("林晓舟", "记者", "澄湖日报"), ("邱雅琴", "记者", "澄湖日报")]
    assert normalize_line("澄湖日报记者 林晓舟 邱雅琴") == "澄湖日报记者 林晓舟 邱雅琴"


@pytest.mark.parametrize("line", ["2021年9月15日", "2023-03-13 10:21", "（2021年9月15日 星期三）",
                                  "澄州日报2021-09-17 07:36", "03.03.2016 15:23"])
def test_a_dateline_is_never_a_headline(line):
    assert not is_headline_candidate(line)
    [article] = split_page(f"澄湖区召开推进会\n{line}\n会议由区长孟庆安主持。\n", "page.txt")
    assert article.title == "澄湖区召开推进会" and article.body == "会议由区长孟庆安主持。"


def test_a_pages_masthead_line_dates_its_stories_and_is_no_headline():
    text = ("澄湖日报　2023年5月12日　星期五　第3版\n"
            "澄湖区召开推进会\n"
            "本报讯（记者 林晓舟）5月11日，澄湖区召开推进会。\n"
            "石桥村开展安全检查\n"
            "本报讯 近日，石桥村开展安全检查。\n")
    first, second = split_page(text, "page.txt")
    assert (first.title, second.title) == ("澄湖区召开推进会", "石桥村开展安全检查")
    assert first.date == second.date == "2023-05-12"


@pytest.mark.parametrize("line, ok", [
    ("石桥街道：“红色物业”让居民更舒心", True),  # a topic, a colon, the headline
    ("澄湖区：项目建设跑出加速度", True),
    ("他说：我们要做好", False),  # speech, not a topic
    ("来源：澄湖日报", False),  # a header line
])
def test_a_headline_may_open_with_its_topic_and_a_colon(line, ok):
    assert is_headline_candidate(line) is ok


def test_photo_captions_under_a_headline_and_then_the_lead_are_one_story():
    text = ("岚皋：茶旅融合富了山里人\n"
            "▲县委书记陈建国在石门村茶园调研。 通讯员 钱晓明 摄\n"
            "本报讯（记者 孙立平）近日，石门村的茶园里一片繁忙景象。\n")
    [article] = split_page(text, "page.txt")
    assert article.title == "岚皋：茶旅融合富了山里人" and article.lead == "本报讯"
    assert {("孙立平", "记者"), ("钱晓明", "通讯员")} <= {(b.person, b.role) for b in article.bylines}
    assert article.body.startswith("近日，石门村") and "县委书记陈建国在石门村茶园调研" in article.body


def test_a_captions_credit_inside_the_text_is_a_photo_byline_not_text():
    text = ("石桥村的幸福对账\n"
            "本报讯 近日，石桥村召开村民大会。\n"
            "葛明远（右二）帮助村民装车。通讯员 林晓舟 摄\n"
            "“昨天的钱到账了！”村民说。\n")
    [article] = split_page(text, "page.txt")
    assert ("林晓舟", "摄影") in [(b.person, b.role) for b in article.bylines]
    assert "林晓舟" not in article.body and "装车。“昨天" in article.body


def test_a_headline_with_a_date_in_it_is_still_a_headline():
    assert is_headline_candidate("省人大会议定于2022年1月17日召开")


def test_a_feature_with_a_byline_line_and_a_reprint_with_a_source_line():
    text = ("澄湖区推进项目建设\n"
            "本报讯（记者林晓舟）9月8日，澄湖区推进重点项目建设。\n"
            "石桥村的新变化\n"
            "□记者 林晓舟 通讯员 邱雅琴\n"
            "碧水环绕，石桥村焕然一新。村委会主任葛明远说，变化来自大家的努力。\n"
            "全省秋粮收购工作启动\n"
            "来源：青川日报　2021年9月13日\n"
            "9月12日，全省秋粮收购工作启动。\n")
    report, feature, reprint = split_page(text, "page.txt", year=2021)
    assert feature.title == "石桥村的新变化" and feature.body.startswith("碧水环绕")
    assert [(b.person, b.role) for b in feature.bylines] == [("林晓舟", "记者"), ("邱雅琴", "通讯员")]
    assert (reprint.title, reprint.outlet, reprint.date) == ("全省秋粮收购工作启动", "青川日报", "2021-09-13")


def test_pages_of_a_document_number_their_articles():
    text = "澄湖区召开推进会\n9月8日，区长孟庆安主持会议。\f石桥村召开代表大会\n9月9日，葛明远主持会议。\f"
    assert [(a.title, a.page) for a in split_page(text, "doc.pdf")] == [("澄湖区召开推进会", 1), ("石桥村召开代表大会", 2)]
    assert [a.page for a in split_page("澄湖区召开推进会\n9月8日，区长孟庆安主持会议。", "a.txt")] == [None]


def test_names_written_together_in_a_byline_are_cut_at_surnames():
    from govkg.extract.articles import byline_names

    one = lambda chunk: [chunk]  # a model that reads the whole run as one name
    assert byline_names("林晓舟邱雅琴", one) == ["林晓舟", "邱雅琴"]
    assert byline_names("程俐张灿", one) == ["程俐", "张灿"]
    assert byline_names("欧阳晓明", one) == ["欧阳晓明"]  # one name, a two-character surname
    assert byline_names("林晓舟", one) == ["林晓舟"]


# --- Leads, desks and outlets ------------------------------------------------------------------

@pytest.mark.parametrize("opening, lead", [
    ("澄江网5月6日讯(本网记者 林晓舟)5月6日，", "澄江网5月6日讯"),  # an outlet's dispatch, dated
    ("岚山融媒讯(记者 邱雅琴)8日上午，", "岚山融媒讯"),  # …or not
    ("澄湖新闻网北京6月30日讯 (记者葛明远) 今天，", "澄湖新闻网北京6月30日讯"),  # with its place
    ("青岚社兰州5月22日电 (记者葛明远) 22日，", "青岚社兰州5月22日电"),
    ("澄湖区融媒体中心(记者 林晓舟 实习记者 邱雅琴)1月18日，", "澄湖区融媒体中心"),  # the name before the byline
])
def test_an_outlets_dispatch_opens_the_report(opening, lead):
    [article] = split_page(f"澄湖区召开推进会\n{opening}澄湖区召开推进会。\n", "page.txt")
    assert article.lead == lead
    assert article.bylines and "记者" not in article.body and article.body.endswith("澄湖区召开推进会。")


@pytest.mark.parametrize("opening", [
    "国家电网公司供电所(记者 林晓舟)",  # 电 opens a dispatch only with its date
    "澄湖区委召开会议，",
])
def test_no_dispatch(opening):
    [article] = split_page(f"澄湖区召开推进会\n{opening}澄湖区召开推进会。\n", "page.txt")
    assert article.lead == ""


def test_a_byline_opening_the_text_without_a_lead():
    [article] = split_page("石桥村的新路\n(澄江晚报 记者 林晓舟、邱雅琴)距离县城三十公里的石桥村里，新路修通了。\n", "p.txt")
    assert [(b.person, b.role, b.desk) for b in article.bylines] == [
        ("林晓舟", "记者", "澄江晚报"), ("邱雅琴", "记者", "澄江晚报")]
    assert article.body.startswith("距离县城")


def test_a_bylines_role_is_as_written_without_the_papers_own_word():
    assert [(b.person, b.role) for b in parse_byline("本报记者 林晓舟 实习记者 邱雅琴 特约记者 葛明远")] == [
        ("林晓舟", "记者"), ("邱雅琴", "实习记者"), ("葛明远", "特约记者")]


def test_a_reporters_photo_credit_with_a_desk():
    text = "澄湖区召开推进会\n澄湖区召开推进会。\n5月6日，区长孟庆安在会上讲话。澄江日报记者 林晓舟 摄\n"
    [article] = split_page(text, "p.txt")
    credits = {(b.person, b.role, b.desk) for b in article.bylines}
    assert ("林晓舟", "记者", "澄江日报") in credits and ("林晓舟", "摄影", "") in credits
    assert "林晓舟" not in article.body


@pytest.mark.parametrize("source, outlet", [
    ("澄江日报客户端", "澄江日报"),  # the paper's app is the paper's
    ("澄江商报·岚山新闻网", "澄江商报"),  # of a publisher and its site, the publisher
    ("岚山新闻网-澄湖区融媒体中心", "澄湖区融媒体中心"),
    ("澄湖区融媒体中心", "澄湖区融媒体中心"),  # the whole centre, not 澄湖区融媒
    ("岚山新闻网", "岚山新闻网"),
    ("来源：澄湖县纪委监委网站", "澄湖县纪委监委网站"),  # a website, not 网 + 站
    ("本网", None),
])
def test_outlet_of_a_source(source, outlet):
    assert outlet_name(source) == outlet


def press_posts(text: str) -> set[tuple[str, str, str | None]]:
    """(person, post, the body it is in) for each press post the bylines of a page give."""
    from govkg.extract.collect import Collector, bylines
    from govkg.extract.lexicon import default_lexicon
    from govkg.extract.records import PageResult

    col = Collector(PageResult("p.txt"))
    bylines(col, split_page(text, "p.txt"), default_lexicon())
    names = {e.id: e.name for e in col.result.entities.values()}
    body = {r.source: names[r.target] for r in col.result.relations if r.type == "ROLE_IN"}
    return {(names[r.source], names[r.target], body.get(r.target)) for r in col.result.relations
            if r.type == "HOLDS_ROLE"}


def test_a_press_post_is_in_the_medium_its_byline_names():
    text = "石桥村的新路\n澄江日报全媒体记者 林晓舟\n距离县城三十公里的石桥村里，新路修通了。\n"
    assert press_posts(text) == {("林晓舟", "记者", "澄江日报")}


def test_a_station_of_the_leads_outlet():
    text = "石桥村的新路\n澄江网5月6日讯(岚山分站记者 林晓舟)石桥村里，新路修通了。\n"
    assert press_posts(text) == {("林晓舟", "记者", "澄江网岚山分站")}


def test_the_leads_short_name_is_the_source_lines_full_one():
    text = ("石桥村的新路\n2023-03-08 10:55:23 来源：澄湖县融媒体中心 作者：林晓舟\n"
            "澄湖融媒3月8日讯(记者 林晓舟 实习记者 邱雅琴)石桥村里，新路修通了。\n")
    assert press_posts(text) == {("林晓舟", "记者", "澄湖县融媒体中心"), ("邱雅琴", "实习记者", "澄湖县融媒体中心")}

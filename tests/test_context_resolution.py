"""What an article is about (extract/context.py) and the anaphors that refer to it
(extract/resolution.py), without the NER model. anaphora.tsv is data: a new line works
without a code change, tested with a lexicon folder of the test's own."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest

from govkg.extract.context import Context, article_session, build_context, canonical_org
from govkg.extract.lexicon import LEXICON_DIR, default_lexicon, load_lexicon
from govkg.extract.records import Article, Mention, Sentence
from govkg.extract.resolution import find_anaphors, resolve_sentence, visited
from govkg.graph.schema import ORGANIZATION, PLACE
from support.handtagged import tagged

LEX = default_lexicon()


def story(**places: tuple[str, int]) -> Context:
    counts = Counter({name: n for name, (_level, n) in places.items()})
    return build_context(counts, {name: level for name, (level, _n) in places.items()})


# --- The article's territories -----------------------------------------------------------------

def test_the_most_named_territory_of_each_level():
    ctx = story(望城区=("区", 3), 岳麓区=("区", 1), 桥驿镇=("镇", 2))
    assert ctx.home("区") == "望城区"
    assert ctx.home("镇") == "桥驿镇"


def test_larger_territories_come_from_the_division_data():
    ctx = story(积石山保安族东乡族撒拉族自治县=("县", 2))
    assert ctx.home("州") == "临夏回族自治州"
    assert ctx.home("省") == "甘肃省"


def test_the_countys_own_province_wins_over_one_named_more_only_when_the_county_is_named_as_often():
    # a Hebei county story that mentions Hong Kong again and again is still a Hebei story…
    ctx = story(行唐县=("县", 4), 河北省=("省", 1), 香港=("省", 4))
    assert ctx.home("省") == "河北省"
    # …but not a story about Hong Kong that names the county once
    ctx = story(行唐县=("县", 1), 河北省=("省", 1), 香港=("省", 4))
    assert ctx.home("省") == "香港"


def test_only_the_pages_larger_territories_carry_over_to_its_articles():
    page = story(望城区=("区", 5), 桃坪村=("村", 3), 长沙市=("市", 2))
    ctx = build_context(Counter({"桂香社区": 1}), {"桂香社区": "社区"}, page)
    assert ctx.home("区") == "望城区"
    assert ctx.home("社区") == "桂香社区"
    assert ctx.home("村") is None  # a village of one story is not the village of the next


def test_a_district_and_a_county_stand_in_for_each_other():
    ctx = story(岚皋县=("县", 2))
    assert ctx.home("区") == "岚皋县"
    assert Context(homes={"区": "望城区"}).home("县") == "望城区"


def test_a_municipality_is_its_own_city():
    assert Context(homes={"省": "重庆市"}).home("市") == "重庆市"
    assert Context(homes={"省": "甘肃省"}).home("市") is None


def test_the_lowest_level_the_article_has():
    ctx = story(桃坪村=("村", 1), 石门乡=("乡", 1), 岚皋县=("县", 1))
    assert ctx.lowest(["县", "乡", "村"]) == "村"
    assert ctx.lowest(["县", "乡"]) == "乡"
    assert ctx.lowest(["街道"]) is None


def test_the_body_named_last():
    ctx = Context()
    ctx.named("岚皋县人民法院")
    ctx.named("岚皋县教育局")
    assert ctx.last_body("院") == "岚皋县人民法院"
    assert ctx.last_body("局") == "岚皋县教育局"
    ctx.named("岚皋县人民检察院")
    assert ctx.last_body("院") == "岚皋县人民检察院"
    assert ctx.last_body("院") != "院" and ctx.last_body("行") is None


# --- Canonical names of bodies -----------------------------------------------------------------

WANGCHENG = story(望城区=("区", 3), 桥驿镇=("镇", 1))


@pytest.mark.parametrize("name, canonical", [
    ("区政府", "望城区人民政府"),  # the level word is the article's district; 政府 is its people's government
    ("区纪委监委", "望城区纪委监委"),
    ("区检察院", "望城区人民检察院"),
    ("区法院", "望城区人民法院"),
    ("镇政府", "桥驿镇人民政府"),
    ("中共望城区委", "望城区委"),  # 中共 is not part of the name
    ("中国共产党望城区委员会", "望城区委"),  # the formal name of a committee: its short name…
    ("中共望城区第十二届委员会", "望城区委"),  # …without the session
    ("政协望城区委员会", "望城区政协"),
    ("中国人民政治协商会议望城区第八届委员会", "望城区政协"),
    ("政協望城區委員會", "望城區政協"),  # traditional: the script of the name
    ("中国民主同盟常德市委员会", "民盟常德市委"),  # a party's full name, its committee's formal name
    ("九三学社湖南省委员会", "九三学社湖南省委"),
    ("中国农工民主党", "中国农工民主党"),  # a full name alone is the national party, kept
    ("桥驿镇村民委员会", "桥驿镇村民委员会"),  # no territory of a county or above before 委员会
    ("望城区经开区管理委员会", "望城区经开区管理委员会"),
    ("望城区人民代表大会常务委员会", "望城区人大常委会"),  # the short name it is known by
    ("望城区第十二届人大", "望城区人大"),  # a session is no part of a body's name
    ("十二届区政协", "望城区政协"),
    ("韶关市市政协", "韶关市政协"),  # the level written again after the city
    ("两江新区区委", "两江新区区委"),  # …but 新区 is the suffix: its 区委 keeps its 区
    ("魏县县委", "魏县县委"),  # …and a county of one character writes its committee so
    ("河北省魏县县委宣传部", "河北省魏县县委宣传部"),
    ("丰县县政协", "丰县政协"),  # …but only its 委 keeps the level: its other bodies do not
    ("长沙市中院", "长沙市中级人民法院"),
    ("该区教育局", "望城区教育局"),  # an anaphor at the start of a body's name
    ("遵义市团市委", "共青团遵义市委"),  # the Youth League's committee of the city
    ("區政府", "望城區人民政府"),  # traditional: the district keeps the script of the name
    ("民革常德市委会", "民革常德市委"),  # a democratic party's committee, by its short name
    ("岳阳市常委会", "岳阳市人大常委会"),  # a territory's 常委会 without 委 is its congress's…
    ("岳阳市委常委会", "岳阳市委常委会"),  # …the party committee's has its 委
    ("岳阳市政协常委会", "岳阳市政协常委会"),
])
def test_canonical_org(name, canonical):
    ctx = WANGCHENG if name != "區政府" else story(望城區=("区", 1))
    assert canonical_org(name, ctx, LEX) == canonical


@pytest.mark.parametrize("name, canonical", [
    ("县委", "魏县县委"),  # one character before the level: the committee repeats it
    ("县委组织部", "魏县县委组织部"),
    ("县纪委监委", "魏县纪委监委"),  # its other bodies are named with the county once
    ("县政府", "魏县人民政府"),
])
def test_a_county_of_one_character_names_its_committee_with_the_level_twice(name, canonical):
    assert canonical_org(name, story(魏县=("县", 3)), LEX) == canonical


def test_a_districts_court_in_its_systems_own_writing():
    """华容区院 in a courts' story is the district's court; in a procuratorates' story its
    procuratorate; in a story of neither it stays as written."""
    courts = story(华容区=("区", 2))
    courts.named("鄂州市中级人民法院")
    assert canonical_org("华容区院", courts, LEX) == "华容区人民法院"
    assert canonical_org("华容区院党组", courts, LEX) == "华容区人民法院党组"
    procuratorates = story(华容区=("区", 2))
    procuratorates.named("鄂州市人民检察院")
    assert canonical_org("华容区院", procuratorates, LEX) == "华容区人民检察院"
    assert canonical_org("华容区院", story(华容区=("区", 2)), LEX) == "华容区院"


def test_canonical_org_without_a_district_keeps_the_level_word():
    assert canonical_org("区政府", Context(), LEX) == "区人民政府"
    assert canonical_org("街道办事处", Context(), LEX) == "街道办事处"
    assert canonical_org("街道办事处", story(南湖街道=("街道", 1)), LEX) == "南湖街道办事处"


# --- Anaphora ----------------------------------------------------------------------------------

def sentence(words: str) -> Sentence:
    s = tagged(words)
    return Sentence(Article("anaphora.txt", 1), s.text, s)


def anaphors(words: str, ctx: Context, lex=LEX) -> list[tuple[str, str, str]]:
    return [(m.text, m.label, m.canonical) for m in find_anaphors(sentence(words), ctx, lex)]


def test_territory_anaphors_are_the_articles_territories():
    ctx = story(岚皋县=("县", 2), 桃坪村=("村", 1))
    assert anaphors("该县/r 今年/TIME 新建/v 公路/n 。/w", ctx) == [("该县", PLACE, "岚皋县")]
    assert anaphors("我县/r 和/c 该村/r 签约/v 。/w", ctx) == [("我县", PLACE, "岚皋县"), ("该村", PLACE, "桃坪村")]
    # a district anaphor in a county story: 区 and 县 stand in for each other
    assert anaphors("全区/n 上下/f", ctx) == [("全区", PLACE, "岚皋县")]


def test_no_anaphor_inside_a_longer_word_or_without_a_territory():
    ctx = story(望城区=("区", 2))
    assert anaphors("该区域/n 内/f 禁止/v 捕捞/v 。/w", ctx) == []
    assert anaphors("全区县/n 统一/v 部署/v 。/w", ctx) == []
    assert anaphors("该镇/r 召开/v 会议/n 。/w", ctx) == []  # the article names no town


def test_a_body_anaphor_is_the_body_named_last():
    ctx = story(望城区=("区", 2))
    ctx.named("望城区人民法院")
    assert anaphors("该院/r 去年/TIME 审结/v 案件/n 三千件/m 。/w", ctx) == [("该院", ORGANIZATION, "望城区人民法院")]


def test_a_new_anaphor_is_a_line_of_anaphora_tsv(tmp_path):
    """该行 (the bank) and 该旗 (the banner) work once anaphora.tsv says what they stand for."""
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICON_DIR, folder)
    with (folder / "anaphora.tsv").open("a", encoding="utf-8") as fh:
        fh.write("该行\t行\n该旗\t旗\n")
    lex = load_lexicon(folder)
    ctx = story(正蓝旗=("旗", 2))
    ctx.named("青禾农村商业银行")
    words = "该行/r 向/p 该旗/r 牧民/n 发放/v 贷款/n 。/w"
    assert anaphors(words, ctx, LEX) == []  # not in the shipped lexicon
    assert anaphors(words, ctx, lex) == [("该行", ORGANIZATION, "青禾农村商业银行"), ("该旗", PLACE, "正蓝旗")]


# --- The meeting an article reports ------------------------------------------------------------

def reported(*sentences: tuple[str, list[str]]) -> str:
    """article_session of sentences written in words, each with the words that are places."""
    out = []
    for words, places in sentences:
        s = sentence(words)
        at = 0
        for w in words.split():
            text = w.rsplit("/", 1)[0] if "/" in w[1:] else w
            if text in places:
                s.places.append(Mention(text, PLACE, at, at + len(text), level="区"))
            at += len(text)
        out.append(s)
    return article_session(out)


def test_the_meeting_is_written_with_its_territory():
    assert reported(("岳阳市/LOC 君山区/LOC 第三届/m 人民代表大会/ORG 第四次/m 会议/n 开幕/v 。/w",
                     ["岳阳市", "君山区"])) == "岳阳市君山区第三届人民代表大会第四次会议"


def test_a_cppcc_meeting_keeps_its_prefix():
    assert reported(("政协/ORG 湘西州/LOC 第十二届/m 委员会/n 第二次/m 会议/n 闭幕/v 。/w", ["湘西州"])) \
        == "政协湘西州第十二届委员会第二次会议"


def test_the_form_the_article_writes_most_is_the_meetings_name():
    # 重庆市綦江区… once, 綦江区… twice: the same meeting, named as the article names it most.
    meeting = ("綦江区/LOC 第二届/m 人民代表大会/ORG 第三次/m 会议/n 开幕/v 。/w", ["綦江区"])
    assert reported(("重庆市/LOC 綦江区/LOC 第二届/m 人民代表大会/ORG 第三次/m 会议/n 召开/v 。/w",
                     ["重庆市", "綦江区"]), meeting, meeting) == "綦江区第二届人民代表大会第三次会议"


@pytest.mark.parametrize("words, places", [
    # no territory written: 十届四次会议 names no meeting of its own
    ("在/p 第十届/m 人民代表大会/ORG 第四次/m 会议/n 上/f", []),
    # a party committee's plenum is a 委员会 without 政协: it has no presidium
    ("中共/ORG 攸县/LOC 第十四届/m 委员会/n 第三次/m 会议/n 召开/v 。/w", ["攸县"]),
])
def test_no_meeting(words, places):
    assert reported((words, places)) == ""


def test_a_meetings_presidium_keeps_its_session_in_the_name():
    assert canonical_org("君山区第三届人民代表大会第四次会议主席团", Context(), LEX) \
        == "君山区第三届人民代表大会第四次会议主席团"


# --- Visits, the court a story is about, bodies named later in a sentence -----------------------

def placed(words: str, places: dict[str, str]) -> Sentence:
    """A sentence whose words in ``places`` are place mentions of the given level."""
    s = sentence(words)
    at = 0
    for w in words.split():
        text = w.rsplit("/", 1)[0] if "/" in w[1:] else w
        if text in places:
            s.places.append(Mention(text, PLACE, at, at + len(text), level=places[text], canonical=text))
        at += len(text)
    return s


def test_a_delegation_visiting_another_city_is_not_from_it():
    s = placed("我市/r 党政代表团/n 赴/v 株洲市/LOC 学习/v 考察/v 。/w", {"株洲市": "市"})
    assert visited([s]) == {"株洲市"}
    # named more than home, the host and what lies in it are still not home
    ctx = build_context(Counter({"株洲市": 5, "攸县": 3, "湘潭市": 1}),
                        {"株洲市": "市", "攸县": "县", "湘潭市": "市"}, away={"株洲市"})
    assert ctx.home("市") == "湘潭市" and ctx.home("县") is None


@pytest.mark.parametrize("words, places", [
    # a city leader touring a county of the city: the county is of another level than 我市
    ("我市/r 领导/n 到/v 攸县/LOC 调研/v 。/w", {"攸县": "县"}),
    # no first-person territory: a visit is just where the story is
    ("株洲市/LOC 代表团/n 赴/v 湘潭市/LOC 学习/v 。/w", {"株洲市": "市", "湘潭市": "市"}),
])
def test_no_visit(words, places):
    assert visited([placed(words, places)]) == set()


def test_a_court_written_by_its_kind_is_the_headlines_court():
    """院党组成员 in a story headlined 株洲中院…: that court, not the district court it names last."""
    ctx = story(株洲市=("市", 1))
    ctx.headline_bodies.append("株洲市中级人民法院")
    for body in ("株洲市中级人民法院", "芦淞区人民法院"):
        ctx.named(body)
    assert ctx.own_body("院") == "株洲市中级人民法院"
    assert ctx.last_body("院") == "芦淞区人民法院"  # 该院 is the court named last


def test_a_school_written_by_its_kind_is_the_one_its_sentence_names_before_it():
    """顺义区委书记王刚，…从澄江交通大学毕业后在校近10年，曾任学校团委书记: that university, not the
    first one the story named (each line of a list of careers names its own)."""
    ctx = story(顺义区=("区", 1))
    ctx.begin_sentence()
    ctx.named("岚山航天大学", at=12)
    ctx.begin_sentence()
    ctx.named("顺义区委", at=0)
    ctx.named("澄江交通大学", at=15)
    schools = ("大学", "学院", "学校")
    assert ctx.own_body(schools, before=40, in_sentence=True) == "澄江交通大学"
    assert ctx.own_body(schools, before=10, in_sentence=True) == "岚山航天大学"  # before it, the story's first
    assert ctx.own_body(schools, before=40) == "岚山航天大学"  # 我校: the writer's own, the story's first
    ctx.begin_sentence()
    assert ctx.own_body(schools, before=5, in_sentence=True) == "岚山航天大学"  # a sentence naming none


def test_a_body_named_later_in_the_sentence_is_not_named_last_before_it():
    ctx = story(株洲市=("市", 1))
    ctx.begin_sentence()
    ctx.named("株洲市中级人民法院", at=0)
    ctx.begin_sentence()
    ctx.named("芦淞区人民法院", at=20)  # 院党组副书记张某带队赴芦淞区法院调研: named after the title
    assert ctx.last_body("院", before=2) == "株洲市中级人民法院"
    assert ctx.last_body("院", before=30) == "芦淞区人民法院"


@pytest.mark.parametrize("name, canonical", [
    ("株洲中院", "株洲市中级人民法院"),  # the prefecture's full name, from the division data
    ("株洲中院党组", "株洲市中级人民法院党组"),
    ("集中院落", "集中院落"),  # no prefecture before 中院
])
def test_an_intermediate_court_written_short(name, canonical):
    assert canonical_org(name, Context(), LEX) == canonical


def test_a_body_of_a_story_that_names_no_territory_is_that_storys_own():
    """县委 and 县妇联 in a story that never names its county: mentioned, as nodes of that article
    alone (two such stories do not share one 县委)."""
    from govkg.extract.collect import Collector, sentence_mentions
    from govkg.extract.mentions import find_mentions
    from govkg.extract.records import PageResult
    from govkg.extract.resolution import page_contexts, resolve_sentence

    result = PageResult("p.txt")
    col = Collector(result)
    for number in (1, 2):
        s = tagged("县妇联/ORG 召开/v 表彰/vn 大会/n ，/w 县委/ORG 领导/n 出席/v 。/w")
        page = [[Sentence(Article("p.txt", number), s.text, s)]]
        find_mentions(page, LEX)
        [ctx] = page_contexts(page)
        resolve_sentence(page[0][0], ctx, LEX)
        sentence_mentions(col, page[0][0], LEX)
    ids = sorted(eid for eid in result.entities if eid.startswith("org:"))
    assert ids == ["org:县妇联@article:p.txt#1", "org:县妇联@article:p.txt#2",
                   "org:县委@article:p.txt#1", "org:县委@article:p.txt#2"]
    assert {result.entities[i].props["scope"] for i in ids} == {"article:p.txt#1", "article:p.txt#2"}
    assert ("org:县委@article:p.txt#1", "article:p.txt#1") in result.mentions


def test_a_first_person_body_is_the_storys_own():
    """在省人民医院举行…与杂多县人民医院…，我院党委书记: 我院 is the hospital the story names first
    (it writes about itself), 该院 the one named last."""
    ctx = story(青海省=("省", 2))
    ctx.begin_sentence()
    for at, body in ((2, "青海省人民医院"), (10, "玉树州人民医院")):
        ctx.named(body, at=at)
    ctx.begin_sentence()  # the next sentence
    assert anaphors("我院/r 党委/n 书记/n 讲话/v 。/w", ctx) == [("我院", ORGANIZATION, "青海省人民医院")]
    assert anaphors("该院/r 院长/n 介绍/v 。/w", ctx) == [("该院", ORGANIZATION, "玉树州人民医院")]


def test_the_city_a_zone_is_named_after_is_the_storys():
    """市委书记某到岳阳经济技术开发区调研: the story names 岳阳 in its zone's name, so 市委 is 岳阳市委."""
    from govkg.extract.resolution import page_contexts

    s = sentence("市委/ORG 书记/n 韩志刚/PER 到/v 岳阳经济技术开发区/LOC 调研/v 。/w")
    s.places = [Mention("岳阳经济技术开发区", PLACE, 9, 18, "model", level="zone")]
    (ctx,) = page_contexts([[s]], LEX)
    assert ctx.home("市") == "岳阳市"


def test_a_countys_name_without_its_suffix_is_the_county_the_story_names():
    """岚皋：茶旅融合… in a story that names 岚皋县: one place, not two (the division data keeps no
    short names of counties); a name two counties could complete stays as written."""
    def canonical(name, ctx):
        s = sentence(f"{name}/LOC ：/w 茶旅/n 融合/vn 。/w")
        s.places = [Mention(name, PLACE, 0, len(name), "model")]
        resolve_sentence(s, ctx, LEX)
        return s.places[0].canonical

    assert canonical("岚皋", story(岚皋县=("县", 2))) == "岚皋县"
    assert canonical("岚皋", story(岚皋县=("县", 2), 岚皋区=("区", 1))) == "岚皋"
    assert canonical("岚皋", story(平利县=("县", 2))) == "岚皋"


def test_a_bare_body_of_a_level_the_story_names_many_of_is_no_body():
    """在村委设置法官工作室 in a story of two villages and neither its own: villages' committees in
    general. A story that names no village keeps its 村委 (as that story's own node)."""
    def kept(ctx):
        s = sentence("在/p 村委/ORG 设置/v 法官/n 工作室/n 。/w")
        s.bodies = [Mention("村委", ORGANIZATION, 1, 3, "rule:body")]
        resolve_sentence(s, ctx, LEX)
        return [m.canonical for m in s.bodies]

    many = build_context(Counter({"宁城县": 4, "桃坪村": 1, "榆树村": 1}),
                         {"宁城县": "县", "桃坪村": "村", "榆树村": "村"})
    assert kept(many) == []
    assert kept(story(宁城县=("县", 4))) == ["村委"]


def test_a_division_written_after_the_corps_is_one_body():
    from govkg.extract.mentions import find_mentions

    s = sentence("在/p 新疆生产建设兵团/ORG 第三师/m 图木舒克市/LOC 调研/v 。/w")
    find_mentions([[s]], LEX)
    assert [m.text for m in s.bodies] == ["新疆生产建设兵团第三师"]
    assert [m.text for m in s.places] == ["图木舒克市"]
    alone = sentence("第三师/m 图木舒克市/LOC 召开/v 会议/n 。/w")  # a division alone stays a territory
    find_mentions([[alone]], LEX)
    assert [m.text for m in alone.places] == ["第三师", "图木舒克市"]


def test_a_word_the_model_reads_as_a_body_that_is_a_person_of_the_page_is_no_body():
    from govkg.extract.mentions import find_mentions

    first = sentence("随/v 第一/m 书记/n 覃明党/PER 走进/v 村子/n 。/w")
    second = sentence("覃明党/ORG （/w 右二/m ）/w 帮/v 村民/n 卖/v 红薯/n 。/w")
    find_mentions([[first, second]], LEX)
    assert [m.text for m in first.people] == ["覃明党"]
    assert second.bodies == []


@pytest.mark.parametrize("child, parent", [
    ("岳阳市委统战部", "岳阳市委"),  # an organ written with its committee
    ("岳阳县纪委监委", "岳阳县委"),  # …or with its territory alone
    ("岳阳县人民政府党组", "岳阳县人民政府"),  # a party group inside a government
    ("湖南省人大常委会法制工作委员会", "湖南省人大常委会"),  # a working body of a congress
])
def test_a_body_is_part_of_the_body_its_name_holds(child, parent):
    from govkg.extract.records import Entity, PageResult
    from govkg.extract.structure import part_of_by_name

    result = PageResult("p.txt")
    for name in (child, parent, "岳阳县教育局"):
        result.entities[f"org:{name}"] = Entity(f"org:{name}", ORGANIZATION, name, {name})
    found = {(r.source, r.target) for r in part_of_by_name(result, LEX)}
    assert (f"org:{child}", f"org:{parent}") in found
    assert not any(src == "org:岳阳县教育局" for src, _ in found)  # a department of no body named here


def test_a_dateline_lead_names_no_body_of_its_own():
    """桑植融媒3月8日讯: the outlet of the lead is the bylines pass's (collect.bylines)."""
    from govkg.extract.mentions import find_mentions

    s = tagged("澄湖日报/ORG 3月8日/TIME 讯/v")
    lead = Sentence(Article("lead.txt", 1, lead=s.text), s.text, s)
    other = Sentence(Article("lead.txt", 2), s.text, tagged("澄湖日报/ORG 3月8日/TIME 讯/v"))
    find_mentions([[lead], [other]], LEX)
    assert lead.bodies == [] and [m.text for m in other.bodies] == ["澄湖日报"]

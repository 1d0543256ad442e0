"""A post phrase resolved to one post in one body (extract/offices.py), in the context of its
chain and its article (extract/context.py), without the NER model.

The order of evidence (the module's docstring): what the phrase writes, the post written
before it in its chain, the territories the sentence has named so far, the article's. The
article's territories are what ``build_context`` makes of the places it names."""

from __future__ import annotations

from collections import Counter

import pytest

from govkg.extract.context import build_context
from govkg.extract.holders import chains
from govkg.extract.lexicon import default_lexicon
from govkg.extract.normalize import to_simplified
from govkg.extract.bodies import has_no_owner, is_bare_body
from govkg.extract.offices import Memory, body_as_host, resolve_post
from govkg.graph.schema import ORGANIZATION, PLACE
from govkg.extract.titles import find_posts
from support.handtagged import tagged

LEX = default_lexicon()


def story(**places: tuple[str, int]):
    """The context of an article naming each place (its level, how often)."""
    counts = Counter({name: n for name, (_level, n) in places.items()})
    return build_context(counts, {name: level for name, (level, _n) in places.items()})


def story_naming(body: str, **places: tuple[str, int]):
    """The context of an article naming each place, at the start of a sentence after one that named ``body``."""
    ctx = story(**places)
    ctx.named(body)
    ctx.begin_sentence()
    return ctx


def resolve(written: str, ctx) -> list:
    """Each post of a phrase as written, resolved in order, the post before it in its chain passed on."""
    text = to_simplified(written)
    memory = Memory()
    out = []
    for chain in chains(text, find_posts(text, LEX), []):
        before = None
        for phrase in chain:
            before = resolve_post(phrase, written, LEX, ctx, memory, before)
            out.append(before)
    return out


def one(written: str, ctx):
    found = resolve(written, ctx)
    assert len(found) == 1, [p.title for p in found]
    return found[0]


WANGCHENG = dict(望城区=("区", 3), 长沙市=("市", 1))


# --- A district story: level words stand for its territories ------------------------------------

@pytest.mark.parametrize("written, title, body", [
    ("区委书记", "区委书记", "望城区委"),
    ("区长", "区长", "望城区人民政府"),
    ("常务副区长", "常务副区长", "望城区人民政府"),
    ("区纪委书记", "纪委书记", "望城区纪委"),
    ("区人大常委会主任", "区人大常委会主任", "望城区人大常委会"),
    ("区政协副主席", "区政协副主席", "望城区政协"),
    ("区人民法院院长", "院长", "望城区人民法院"),
    ("市委书记", "市委书记", "长沙市委"),
    # the province is not named: it comes from the division data (望城区 lies in 湖南省)
    ("省委书记", "省委书记", "湖南省委"),
    # a bare title: the body its core has at the article's lowest level, the post named as when
    # written with that committee (one post, one Role)
    ("副书记", "区委副书记", "望城区委"),
])
def test_a_district_story(written, title, body):
    post = one(written, story(**WANGCHENG))
    assert (post.title, post.body, post.body_label) == (title, body, ORGANIZATION)


def test_a_territory_written_in_the_post_wins_over_the_articles():
    post = one("湘潭县委书记", story(**WANGCHENG))
    assert (post.title, post.body, post.territory, post.level) == ("县委书记", "湘潭县委", "湘潭县", "县")


def test_a_government_core_names_its_body_without_writing_it():
    post = one("区长", story(**WANGCHENG))
    assert not post.written and post.kind == "gov"
    assert one("区委书记", story(**WANGCHENG)).written


def test_traditional_characters_stay_as_written():
    ctx = story(望城區=("区", 2))
    post = one("區委書記", ctx)
    assert (post.title, post.body) == ("區委書記", "望城區委")
    assert one("區長", ctx).body == "望城區人民政府"


# --- Chains: a post takes the body of the post written before it --------------------------------

def test_a_county_chain_government_committee_department():
    """Gansu: 广河县副县长、县委常委、组织部部长 — 组织部 is the 县委's."""
    posts = resolve("广河县副县长、县委常委、组织部部长", story(广河县=("县", 2), 临夏回族自治州=("州", 1)))
    assert [(p.title, p.body) for p in posts] == [
        ("副县长", "广河县人民政府"), ("县委常委", "广河县委"), ("组织部部长", "广河县委组织部")]
    assert posts[2].parents == ["广河县委"]


def test_a_bare_member_after_a_prefecture_committee_post():
    posts = resolve("甘南藏族自治州委副秘书长、常委", story(合作市=("市", 1)))
    assert [(p.title, p.body) for p in posts] == [("州委副秘书长", "甘南藏族自治州委"), ("州委常委", "甘南藏族自治州委")]


def test_a_governor_after_a_prefecture_committee_post_heads_its_government():
    posts = resolve("果洛藏族自治州委副书记、州长", story())
    assert [(p.title, p.body) for p in posts] == [("州委副书记", "果洛藏族自治州委"),
                                                   ("州长", "果洛藏族自治州人民政府")]


def test_a_department_core_in_a_chain():
    posts = resolve("县委常委、统战部长", story(岚皋县=("县", 2)))
    assert [(p.title, p.body) for p in posts] == [("县委常委", "岚皋县委"), ("统战部长", "岚皋县委统战部")]
    assert posts[1].parents == ["岚皋县委"]


def test_a_party_group_and_the_head_of_its_host():
    posts = resolve("县人民法院党组书记、院长", story(岚皋县=("县", 2)))
    assert [(p.title, p.body) for p in posts] == [("党组书记", "岚皋县人民法院党组"), ("院长", "岚皋县人民法院")]
    assert posts[0].parents == ["岚皋县人民法院"]


def test_the_head_after_a_party_committee_inside_a_body_is_the_bodys():
    """县卫健委党委书记、主任: a commission's own party committee, then the commission's 主任."""
    posts = resolve("县卫健委党委书记、主任", story(岚皋县=("县", 2)))
    assert [(p.title, p.body) for p in posts] == [("党委书记", "岚皋县卫健委党委"), ("主任", "岚皋县卫健委")]
    posts = resolve("县总工会党委书记、主席", story(岚皋县=("县", 2)))
    assert posts[-1].body == "岚皋县总工会"
    # …but a county's own committee has no 主任 (县委副书记、主任: of some body the text leaves out)
    assert resolve("县委副书记、主任", story(岚皋县=("县", 2)))[-1].body != "岚皋县委"


def test_a_head_written_alone_in_a_courts_story_heads_that_court():
    """Anhui: 副院长宫某、… after a sentence on 岚皋县人民法院 — the court the story is about; 检察长
    alone in a procuratorate's story likewise."""
    ctx = story_naming("岚皋县人民法院", 岚皋县=("县", 2))
    assert one("副院长", ctx).body == "岚皋县人民法院"
    ctx = story_naming("岚皋县人民检察院", 岚皋县=("县", 2))
    assert one("检察长", ctx).body == "岚皋县人民检察院"
    # …and where the story names no court, none is made up
    assert one("副院长", story(岚皋县=("县", 2))).body is None


def test_a_group_stationed_at_the_court_is_the_courts():
    """驻院纪检监察组组长 in a court's story: the group stationed at that court, no body called 驻院."""
    ctx = story_naming("岚皋县人民法院", 岚皋县=("县", 2))
    post = one("驻院纪检监察组组长", ctx)
    assert post.body == "岚皋县人民法院纪检监察组" and post.parents == ["岚皋县人民法院"]


def test_a_judicial_committee_after_another_bodys_post_is_the_courts():
    """纪检监察组组长、审判委员会专职委员: the committee's seat is the court's, not the group's."""
    ctx = story_naming("岚皋县人民法院", 岚皋县=("县", 2))
    posts = resolve("县人民法院纪检监察组组长、审判委员会专职委员", ctx)
    assert [p.body for p in posts] == ["岚皋县人民法院纪检监察组", "岚皋县人民法院"]


def test_the_legislative_council_is_no_districts():
    """立法會議員 in a story that names 沙田區: a seat of the territory's council, not the district's."""
    post = one("立法會議員", story(沙田区=("区", 2)))
    assert "沙田" not in (post.body or "")


def test_a_delegation_written_short_is_the_one_the_story_named():
    """总团副团长 after 某州代表总团 was named: that delegation; 代表团团长 alone is a delegation too."""
    ctx = story_naming("伊犁哈萨克自治州代表总团", 伊犁哈萨克自治州=("州", 2))
    assert one("总团副团长", ctx).body == "伊犁哈萨克自治州代表总团"


def test_a_party_committee_after_a_head_of_a_school_is_the_schools():
    """校长、党委副书记: the university's committee (the 校长's body is the one the story is about)."""
    ctx = story_naming("江南理工大学")
    posts = resolve("学校党委书记、校长、党委副书记", ctx)
    assert [(p.title, p.body) for p in posts] == [("党委书记", "江南理工大学党委"), ("校长", "江南理工大学"),
                                                ("党委副书记", "江南理工大学党委")]


def test_a_party_committee_alone_is_the_one_of_the_body_named_last():
    """…机械工程学院院长某、党委书记某: the school's committee; in a company's story, the company's."""
    ctx = story_naming("江南理工大学机械工程学院")
    assert one("党委书记", ctx).body == "江南理工大学机械工程学院党委"
    ctx = story_naming("岳阳市城市建设投资集团有限公司")
    assert one("党委副书记", ctx).body == "岳阳市城市建设投资集团有限公司党委"
    # …but a town's 党委 in a town's story, whatever company it named
    ctx = story_naming("青石镇某某建材有限公司", 青石镇=("镇", 3))
    assert one("党委书记", ctx).body == "青石镇党委"


def test_a_gacha_head_heads_the_gachas_committee():
    """嘎查长 is the gacha's 村长: its committee, the level written once."""
    assert one("嘎查长", story(巴彦德勒格尔嘎查=("嘎查", 2))).body == "巴彦德勒格尔嘎查委员会"


def test_the_discipline_and_supervisory_commissions_are_the_territorys():
    """县委常委、纪委书记、监委主任: 县纪委 and 县监委 (named by the county), not 县委纪委; 政法委 is the
    committee's own organ (县委政法委)."""
    posts = resolve("县委常委、纪委书记、监委主任", story(岚皋县=("县", 2)))
    assert [p.body for p in posts] == ["岚皋县委", "岚皋县纪委", "岚皋县监委"]
    assert posts[1].parents == ["岚皋县委"] and posts[2].parents == []
    assert [p.body for p in resolve("县委常委、政法委书记", story(岚皋县=("县", 2)))] == ["岚皋县委", "岚皋县委政法委"]


def test_a_department_with_a_stem_of_its_own_after_a_post_of_its_body():
    """民革中央副主席兼联络部部长: the party's department; 县委常委、社会工作部部长: the committee's; but
    全国政协常委、交通运输部党组书记: a ministry of its own, no department of the CPPCC."""
    posts = resolve("民革中央副主席兼联络部部长", story())
    assert posts[-1].body == "民革中央联络部"
    assert resolve("县委常委、社会工作部部长", story(岚皋县=("县", 2)))[-1].body == "岚皋县委社会工作部"
    assert resolve("全国政协常委、交通运输部党组书记", story())[-1].body == "交通运输部党组"


def test_a_prefecture_committee_written_alone_is_the_storys_prefectures():
    """地委书记, 地委副书记 in a 和田地区 story: 和田地委 (the prefecture's name without 地区)."""
    assert one("地委书记", story(和田地区=("地区", 2))).body == "和田地委"


def test_one_committee_post_is_one_role_however_the_chain_writes_it():
    """中共某市委委员、常委、书记 and 某市委书记 in a headline: the same posts, named as when written
    with the committee, so they are one Role each."""
    chain = resolve("岚州市委委员、常委、书记", story())
    assert [p.title for p in chain] == ["市委委员", "市委常委", "市委书记"]
    assert one("岚州市委书记", story()).title == chain[-1].title


def test_a_branch_bureau_written_alone_is_the_one_the_story_named():
    """分局党委书记、局长 after 某省农垦总局红兴隆分局 was named: that branch bureau."""
    ctx = story_naming("黑龙江省农垦总局红兴隆分局")
    posts = resolve("分局党委书记、局长", ctx)
    assert [p.body for p in posts] == ["黑龙江省农垦总局红兴隆分局党委", "黑龙江省农垦总局红兴隆分局"]


def test_a_zones_kind_alone_is_the_zone_the_story_names():
    """经开区党工委书记, 管委会副主任 in a story about 岳阳经济技术开发区: that zone's bodies."""
    ctx = story(岳阳经济技术开发区=("zone", 1), 岳阳市=("市", 1))
    assert one("经开区党工委书记", ctx).body == "岳阳经济技术开发区党工委"
    assert one("管委会副主任", ctx).body == "岳阳经济技术开发区管委会"


def test_a_court_chain():
    """Guizhou: 审判委员会委员 is a post of the court itself, as 审判员 is."""
    posts = resolve("黔西南州中级人民法院副院长、审判委员会委员、审判员", story())
    assert [p.body for p in posts] == ["黔西南布依族苗族自治州中级人民法院"] * 3
    assert [p.title for p in posts] == ["副院长", "审判委员会委员", "审判员"]


def test_a_democratic_party_post():
    post = one("民革四川省委副主委", story())
    assert (post.title, post.body) == ("副主委", "民革四川省委")


def test_national_bodies():
    assert one("全国政协副主席", story(**WANGCHENG)).body == "全国政协"
    assert one("中央候补委员", story(**WANGCHENG)).body == "中共中央"


# --- Village, street, banner and Corps stories ---------------------------------------------------

GANSU_VILLAGE = dict(高台村=("村", 2), 峡口镇=("镇", 1), 山丹县=("县", 1))


@pytest.mark.parametrize("written, title, body", [
    ("村委会主任", "村委会主任", "高台村村委会"),
    ("主任", "主任", "高台村村委会"),  # 主任 has a 村 body (titles.tsv)
    ("第一书记", "第一书记", "高台村党支部"),
    # a village's branch written without its village is the village's (村:党支部), not the county's
    ("党支部书记", "党支部书记", "高台村党支部"),
    ("镇长", "镇长", "峡口镇人民政府"),
    ("副县长", "副县长", "山丹县人民政府"),
    ("组织部部长", "组织部部长", "山丹县委组织部"),
    # the people's armed forces department of the article's county
    ("武装部长", "武装部长", "山丹县人民武装部"),
])
def test_a_village_story(written, title, body):
    post = one(written, story(**GANSU_VILLAGE))
    assert (post.title, post.body) == (title, body)


def test_a_street_story():
    ctx = story(南湖街道=("街道", 3), 望城区=("区", 1))
    assert one("街道办事处主任", ctx).body == "南湖街道办事处"
    assert one("主任", ctx).body == "南湖街道办事处"
    assert one("书记", ctx).body == "南湖街道党工委"


def test_a_banner_and_gacha_story():
    ctx = story(巴音嘎查=("嘎查", 2), 正蓝旗=("旗", 2), 锡林郭勒盟=("盟", 1))
    assert one("旗长", ctx).body == "正蓝旗人民政府"
    assert one("盟委副书记", ctx).body == "锡林郭勒盟委"
    assert one("嘎查达", ctx).body == "巴音嘎查委员会"
    assert one("嘎查党支部书记", ctx).body == "巴音嘎查党支部"
    assert one("旗人民检察院检察长", ctx).body == "正蓝旗人民检察院"


def test_a_corps_story():
    ctx = story(一二九团=("团", 2), 第七师=("师", 1))
    post = one("团党委书记", ctx)
    assert (post.title, post.body) == ("党委书记", "一二九团党委")
    assert one("书记", ctx).body == "一二九团党委"


def test_an_autonomous_regions_own_bodies():
    ctx = story(宁夏回族自治区=("省", 2))
    post = one("自治区副主席", ctx)
    assert (post.title, post.body) == ("副主席", "宁夏回族自治区人民政府")
    assert one("自治区党委常委", ctx).body == "宁夏回族自治区党委"
    assert one("宁夏回族自治区主席", story()).body == "宁夏回族自治区人民政府"


# --- Where the article names no territory -------------------------------------------------------

def test_with_no_territory_a_level_word_stays_as_written():
    assert one("区委书记", story()).body == "区委"
    assert one("市长", story()).body == "市人民政府"


def test_a_byline_title_has_no_body():
    post = one("记者", story(**WANGCHENG))
    assert post.body is None and post.kind == "press"


@pytest.mark.parametrize("written, title, territory", [
    ("一二九团团长", "团长", "一二九团"),
    ("十二连连长", "连长", "十二连"),
])
def test_a_post_with_no_body_named_attaches_to_its_territory(written, title, territory):
    """annotation.md: ROLE_IN goes to the territory when no body is named."""
    post = one(written, story())
    assert (post.title, post.body, post.body_label) == (title, territory, PLACE)


@pytest.mark.parametrize("name, bare", [
    ("市人民政府", True), ("区委", True), ("政协党组", True), ("望城区委", False), ("青禾农业发展有限公司", False),
])
def test_is_bare_body(name, bare):
    assert is_bare_body(name, LEX) is bare


@pytest.mark.parametrize("name, unowned", [
    ("县统计局", True), ("市第一中学", True),  # a kind of body after a level word alone…
    ("县委", True),  # …and the bare bodies
    ("平江县统计局", False), ("市场监督管理局", False),  # a territory named; 市场 is a word
    ("团中央书记处", False),  # the Youth League's national body
])
def test_a_body_after_a_level_word_alone_has_no_owner(name, unowned):
    """县统计局 in a story that never names its county is that story's own (not the 县统计局 of
    another county's story), though it has a name of its own (统计局) — unlike 县委, not bare."""
    assert has_no_owner(name, LEX) is unowned
    assert is_bare_body(name, LEX) is (name == "县委")


# --- A congress in session: the presidium of the meeting the article reports --------------------

MEETING = "君山区第三届人民代表大会第四次会议"


def meeting_story():
    ctx = story(君山区=("区", 3), 岳阳市=("市", 1))
    ctx.session = MEETING
    return ctx


def test_an_executive_chair_alone_is_the_meetings_presidiums():
    post = one("执行主席", meeting_story())
    assert (post.title, post.body, post.body_kind) == ("执行主席", MEETING + "主席团", "presidium")


def test_the_presidium_written_before_the_title_is_the_meetings():
    first, second = resolve("主席团常务主席、执行主席", meeting_story())
    assert (first.title, first.body) == ("主席团常务主席", MEETING + "主席团")
    assert second.body == MEETING + "主席团"


def test_an_executive_chair_with_no_meeting_has_no_body():
    # a story that reports no meeting: nothing says whose 执行主席 this is
    assert one("执行主席", story(**WANGCHENG)).body is None


def test_a_towns_standing_presidium_is_not_a_meetings():
    # even in a story of a meeting: 人大主席团 is the town congress's own presidium
    ctx = story(君山区=("区", 1), 良心堡镇=("镇", 2))
    ctx.session = MEETING
    assert one("镇人大主席团主席", ctx).body == "良心堡镇人大主席团"


def test_a_department_after_a_party_groups_post_is_the_hosts():
    """县法院党组成员、政治部主任: a 党组 has no departments; 政治部 is the court's."""
    group, department = resolve("县法院党组成员、政治部主任", story(望城区=("区", 1), 攸县=("县", 3)))
    assert group.body == "攸县人民法院党组"
    assert (department.title, department.body) == ("政治部主任", "攸县人民法院政治部")


def test_a_partys_national_body_takes_no_territory_from_the_chain():
    first, second = resolve("全国政协常委、民革中央副主席", story(**WANGCHENG))
    assert first.body == "全国政协"
    assert second.body == "民革中央"


def test_a_party_written_with_its_territory_is_its_committee_there():
    """常德民革主委 (the model reads 常德 as a place): the chair of 民革常德市委."""
    from govkg.extract.territory import Span

    text = "常德民革主委"
    [phrase] = find_posts(text, LEX, places=[Span(0, 2, "常德", "territory", "市")])
    post = resolve_post(phrase, text, LEX, story(**WANGCHENG), Memory())
    assert (post.title, post.body) == ("主委", "民革常德市委")


def test_the_chains_level_word_is_the_territory_by_its_full_name():
    """阿勒泰地委副书记、地区行署专员: the 地区 is 阿勒泰地区 (the model read 阿勒泰 as a place)."""
    from govkg.extract.territory import Span

    text = "阿勒泰地委副书记、地区行署专员"
    posts = find_posts(text, LEX, places=[Span(0, 3, "阿勒泰", "territory", "地区")])
    memory, before, out = Memory(), None, []
    for phrase in posts:
        before = resolve_post(phrase, text, LEX, story(**WANGCHENG), memory, before)
        out.append(before)
    assert [(p.title, p.body) for p in out] == [("地委副书记", "阿勒泰地委"), ("专员", "阿勒泰地区行署")]


def test_a_head_after_the_party_committee_of_a_body_is_the_bodys():
    """岳阳县人民医院党委书记、院长: the 院长 heads the hospital, not its party committee."""
    secretary, head = resolve("岳阳县人民医院党委书记、院长", story(**WANGCHENG))
    assert secretary.body == "岳阳县人民医院党委"
    assert (head.title, head.body) == ("院长", "岳阳县人民医院")


def test_a_former_qualifier_is_in_no_name_of_the_post():
    post = one("原湘潭县县长", story(**WANGCHENG))
    assert post.title == "县长" and not any("原" in a for a in post.aliases)


def test_a_school_written_by_its_kind_is_the_university_its_sentence_named():
    """…从澄江交通大学毕业后留校工作，曾任学校团委书记: 学校 is that university (its kind, not its
    ending: the university's name ends in 大学)."""
    ctx = story(顺义区=("区", 1))
    ctx.begin_sentence()
    ctx.named("澄江交通大学", at=0)
    (post,) = resolve("曾任学校团委书记", ctx)
    assert (post.title, post.body) == ("团委书记", "澄江交通大学团委")


def test_our_hospital_is_the_writers_own_whatever_its_sentence_named_before():
    """在省人民医院举行了与杂多县人民医院签约仪式…我院党委书记: 我院 is the story's own hospital."""
    ctx = story(杂多县=("县", 1))
    ctx.begin_sentence()
    ctx.named("岚山省人民医院", at=0)
    ctx.named("杂多县人民医院", at=1)
    text = "与杂多县人民医院签约。我院党委书记"
    tags = ["p"] + ["n"] * 7 + ["v", "v", "w", "r"] + ["n"] * (len(text) - 12)  # 我: a pronoun, no name
    (phrase,) = find_posts(text, LEX, char_tags=tags)
    secretary = resolve_post(phrase, text, LEX, ctx, Memory())
    assert secretary.body == "岚山省人民医院党委"


def test_units_written_alone_are_the_storys_hospitals_side_by_side():
    """Qinghai: 在省人民医院举行…，呼吸内科主任、医务处处长顾玉海，护理部副主任罗明琴 — units of the
    hospital the story is of; the second unit of a chain is the first one's sibling, not inside it."""
    ctx = story(西宁市=("市", 1))
    ctx.begin_sentence()
    ctx.named("岚山省人民医院", at=0)
    head, office = resolve("。呼吸内科主任、医务处处长", ctx)
    assert (head.body, office.body) == ("岚山省人民医院呼吸内科", "岚山省人民医院医务处")
    (nursing,) = resolve("。护理部副主任", ctx)
    assert nursing.body == "岚山省人民医院护理部"


def test_a_unit_after_a_department_is_the_departments():
    """宣传部部长、外宣处处长: the office is the department's, not the story's hospital's."""
    ctx = story(西宁市=("市", 1))
    ctx.named("岚山省人民医院", at=None)
    _head, office = resolve("市委宣传部部长、外宣处处长", ctx)
    assert office.body == "西宁市委宣传部外宣处"


@pytest.mark.parametrize("written, body", [
    ("浦东新区区委常委", "浦东新区区委"),  # a new area writes its level again before 委…
    ("浦东新区区委宣传部部长", "浦东新区区委宣传部"),
    ("魏县县委书记", "魏县县委"),  # …as does a county of one character
    ("望城区委书记", "望城区委"),
])
def test_a_committee_written_after_its_territorys_level_is_that_territorys(written, body):
    """The level word after the territory is that territory's, not the district the article names
    most (a career in 浦东新区 told in a story about 徐汇区)."""
    (post,) = resolve(written, story(徐汇区=("区", 5), 魏县=("县", 0)))
    assert post.body == body


def test_a_commission_after_the_discipline_commission_is_the_territorys_beside_it():
    """Shandong: 省纪委副书记、监察委副主任 — the province's supervisory commission, not one inside its 纪委."""
    discipline, supervision = resolve("山东省纪委副书记、监察委副主任", story(山东省=("省", 2)))
    assert (discipline.body, supervision.body) == ("山东省纪委", "山东省监察委")


def test_a_bare_title_after_a_body_and_a_name_is_that_bodys():
    """Shandong: 市妇联郑玉梅主席 — the 主席 of the 妇联 written before the name."""
    (chair,) = resolve("主席", story(滨州市=("市", 2)))
    assert chair.body != "滨州市妇联"  # alone, 主席 names no 妇联
    text = to_simplified("主席")
    (phrase,) = find_posts(text, LEX)
    chair = resolve_post(phrase, text, LEX, story(滨州市=("市", 2)), Memory(), body_as_host("滨州市妇联", LEX))
    assert (chair.title, chair.body) == ("主席", "滨州市妇联")


@pytest.mark.parametrize("written, body", [
    # Zhejiang: a street's armed-forces department after a post of its party working committee
    ("青石街道党工委委员、武装部部长", "青石街道武装部"),
    # Guangxi: a zone's administrative committee after a post of its party working committee
    ("临港新区党工委书记、管委会主任", "临港新区管委会"),
])
def test_a_territorys_own_body_after_a_post_of_that_territory_is_its(written, body):
    """武装部 and 管委会 are bodies of the territory the chain is about, not of the 党工委 before them."""
    posts = resolve(written, story(望城区=("区", 1)))
    assert posts[-1].body == body


@pytest.mark.parametrize("written, body", [
    ("团县委书记", "共青团青川县委"),  # Sichuan: the league committee of the story's county
    ("团市委副书记", "共青团广元市委"),  # …and of the city it lies in (the division data)
])
def test_a_league_committee_by_its_level_word_is_the_storys_territorys(written, body):
    assert one(written, story(青川县=("县", 2), 广元市=("市", 1))).body == body


def test_a_courts_enforcement_bureau_and_its_divisions_are_the_storys_courts():
    """Yunnan: 执行局局长某、刑事审判庭庭长某 in a court's story are units of that court."""
    ctx = story(云岭县=("县", 2))
    ctx.begin_sentence()
    ctx.named("云岭县人民法院", at=0)
    (bureau,) = resolve("。执行局局长", ctx)
    (division,) = resolve("。刑事审判庭庭长", ctx)
    assert (bureau.body, division.body) == ("云岭县人民法院执行局", "云岭县人民法院刑事审判庭")


@pytest.mark.parametrize("written, body", [
    ("一二六团党委书记、政委", "一二六团"),  # Xinjiang Corps: the political commissar of the regiment…
    ("一二六团党委副书记、团长", "一二六团"),  # …and its commander head the regiment, not its 党委
    ("五连党支部书记、连长", "五连"),
])
def test_a_head_after_a_party_post_of_a_corps_unit_heads_the_unit(written, body):
    posts = resolve(written, story(第七师=("师", 1)))
    assert posts[-1].body == body and posts[0].body == body + ("党委" if "党委" in written else "党支部")



@pytest.mark.parametrize("written, title, body", [
    ("政协桥山县第十届委员会副主席", "县政协副主席", "桥山县政协"),  # as 桥山县政协副主席 is
    ("中国人民政治协商会议桥山县委员会主席", "县政协主席", "桥山县政协"),
    ("中共桥山县委员会书记", "县委书记", "桥山县委"),  # as 桥山县委书记 is
    ("民革湘南省委员会副主委", "副主委", "民革湘南省委"),
])
def test_a_post_of_a_committee_by_its_formal_name_is_the_short_ones(written, title, body):
    post = one(written, story(望城区=("区", 1)))
    assert (post.title, post.body) == (title, body)


def test_a_partys_committee_after_a_post_of_that_party_is_that_partys():
    """Sichuan: 九三学社中央副主席、省委会主委 — only a democratic party writes 委会: the chain's party,
    else the one the story named last."""
    ctx = story(蜀川省=("省", 2))
    national, provincial = resolve("九三学社中央副主席、蜀川省委会主委", ctx)
    assert provincial.body == "九三学社蜀川省委"
    ctx.named("九三学社蜀川省委", at=None)
    (deputy,) = resolve("省委会副主委", ctx)
    assert deputy.body == "九三学社蜀川省委"



def test_a_territory_name_several_divisions_share_is_known_by_the_one_before_it():
    """矿区, 城区 name districts of several cities: 甘肃城区人民法院 keeps 甘肃; 魏县 (one county) alone."""
    s = tagged("甘肃城区人民法院/ORG 院长/n")
    (phrase,) = find_posts(s.text, LEX, char_tags=s.char_tag, token_starts=s.token_start, token_ends=s.token_end)
    assert resolve_post(phrase, s.text, LEX, story(兰州市=("市", 1)), Memory()).body == "甘肃城区人民法院"
    assert one("河北省魏县人民法院院长", story(邯郸市=("市", 1))).body == "魏县人民法院"



def test_a_party_title_after_a_federation_inside_a_league_committee_is_the_committees():
    """Zhejiang: 共青团某市委青联秘书长、副书记、党组成员 — the federation (青联) has no 副书记; the
    league committee it sits in has, and its 党组."""
    posts = resolve("共青团青川市委青联秘书长、副书记、党组成员", story(青川市=("市", 1)))
    assert [p.body for p in posts] == ["共青团青川市委青联", "共青团青川市委", "共青团青川市委党组"]



@pytest.mark.parametrize("written, body", [
    ("中共青川市委统战部长", "青川市委统战部"),  # Jiangsu: the department the core names, of the committee
    ("市委组织部长", "青川市委组织部"),
])
def test_a_core_that_names_a_department_after_a_committee_is_that_departments(written, body):
    post = one(written, story(青川市=("市", 2)))
    assert (post.body, post.parents) == (body, ["青川市委"])



def test_a_qualifier_of_time_is_no_part_of_the_posts_name():
    assert one("现市人大常委会主任", story(青川市=("市", 1))).title == "市人大常委会主任"



def test_a_unit_is_of_the_hospital_its_own_sentence_names_before_the_storys_first():
    ctx = story(青川县=("县", 2))
    ctx.named("中国农业银行青川县支行", at=None)
    ctx.begin_sentence()
    ctx.named("青川县人民医院", at=0)
    (unit,) = resolve("。医务科科长", ctx)
    assert unit.body == "青川县人民医院医务科"



def test_an_office_written_alone_in_a_chain_is_the_bodys_before_it():
    """县政府秘书长、办公室主任: the government's office; 县委常委、办公室主任: the committee's."""
    gov, office = resolve("县政府秘书长、办公室主任", story(青川县=("县", 2)))
    assert office.body == "青川县人民政府办公室"
    member, office = resolve("县委常委、办公室主任", story(青川县=("县", 2)))
    assert office.body == "青川县委办公室"



@pytest.mark.parametrize("written, title, body", [
    ("组织委员", "组织委员", "红星村党支部"),  # a committee member's portfolio, of the village's branch
    ("妇女主任", "妇女主任", "红星村村委会"),  # the village committee's posts
    ("治保主任", "治保主任", "红星村村委会"),
])
def test_a_villages_committee_posts(written, title, body):
    post = one(written, story(红星村=("村", 2), 青石镇=("镇", 1)))
    assert (post.title, post.body) == (title, body)

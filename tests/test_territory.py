"""The territory grammar (extract/territory.py, extract/admin.py): levels, full names, and the
territories written inside titles. China's divisions come from cpca's data; villages,
communities and the like from the suffix grammar (place_suffixes.tsv). No NER model."""

from __future__ import annotations

import pytest

from govkg.extract.admin import autonomous_short_form, divisions
from govkg.extract.lexicon import default_lexicon
from govkg.extract.territory import (canonical_place, cue_and_level, division_ending_at, is_territory,
                                     level_word_ending_at, needs_the_territory_before, place_level)

LEX = default_lexicon()


@pytest.mark.parametrize("name, level", [
    ("甘肃省", "省"),
    ("宁夏回族自治区", "省"),
    ("香港特别行政区", "省"),
    ("酒泉", "市"),  # a division written without its suffix
    ("酒泉市", "市"),
    ("临夏州", "州"),  # an autonomous prefecture's usual short form
    ("甘南藏族自治州", "州"),
    ("阿拉善盟", "盟"),
    ("阿勒泰地区", "地区"),
    ("正蓝旗", "旗"),
    ("鄂伦春自治旗", "旗"),
    ("长白朝鲜族自治县", "县"),
    ("望城区", "区"),
    ("望城區", "区"),  # traditional characters
    # the suffix grammar: invented villages, streets, communities, gachas, sumu
    ("桃坪村", "村"),
    ("南湖街道", "街道"),
    ("桂香社区", "社区"),
    ("乌兰敖包嘎查", "嘎查"),
    ("巴彦温都尔苏木", "苏木"),
    ("青龙潭镇", "镇"),
    ("石门乡", "乡"),
    # the Corps: numbered divisions, regiments, companies
    ("第七师", "师"),
    ("一二九团", "团"),
    ("十二连", "连"),
    # development zones and named sites
    ("两江新区", "zone"),
    ("经开区", "zone"),
    ("高新区", "zone"),
    ("凤鸣湖产业园", "site"),
    ("区法治文化基地", "site"),
])
def test_place_level(name, level):
    assert place_level(name, LEX) == level


@pytest.mark.parametrize("name", [
    "自治区",  # a level word alone stands for the article's region, it names none
    "区",
    "联盟",  # 盟 needs the division data: 联盟 is no league
    "神州",  # nor is 神州 a prefecture
    "市场",
    "辖区",
    "商场",
])
def test_no_level(name):
    assert place_level(name, LEX) is None


@pytest.mark.parametrize("name", ["甘肃省", "临夏州", "桃坪村", "一二九团", "南湖街道", "经开区"])
def test_territories(name):
    assert is_territory(name, LEX)


@pytest.mark.parametrize("name", [
    "县委县",  # of 县委县政府: a stem holding a body is no territory
    "中共市",  # of 中共市委: nor one holding the party's prefix
    "韶关市市",  # of 韶关市市长: the level repeated
    "全体市",  # of 全体市政协委员
    "各县",
    "贫困村",  # a kind of village (generic_bodies.txt), not one
    "中心村",
    "区法治文化基地",  # a site, not a territory
    "自治区",
])
def test_not_territories(name):
    assert not is_territory(name, LEX)


@pytest.mark.parametrize("written, full", [
    ("酒泉", "酒泉市"),
    ("甘肃", "甘肃省"),
    ("临夏州", "临夏回族自治州"),
    ("甘南州", "甘南藏族自治州"),
    ("积石山县", "积石山保安族东乡族撒拉族自治县"),
    ("臨夏州", "臨夏回族自治州"),  # kept in the script it was written in
    ("望城区", "望城区"),
    ("桃坪村", "桃坪村"),  # not a division: as written
    # a short form that names two divisions (the prefecture 临夏州 and the city 临夏市) stays
    ("临夏", "临夏"),
])
def test_canonical_place(written, full):
    assert canonical_place(written) == full


@pytest.mark.parametrize("written, full", [
    # the stem of an autonomous county's short form (河南 of 河南县, 本溪 of 本溪县) does not
    # make a province's or a city's short name ambiguous
    ("河南", "河南省"),
    ("本溪", "本溪市"),
    ("阜新", "阜新市"),
    # …nor a prefecture's (海南 of 海南州) the province's
    ("海南", "海南省"),
])
def test_a_higher_divisions_short_name_is_not_shadowed_by_a_county_stem(written, full):
    assert canonical_place(written) == full


@pytest.mark.parametrize("full, short", [
    ("临夏回族自治州", "临夏州"),
    ("积石山保安族东乡族撒拉族自治县", "积石山县"),
    ("东乡族自治县", "东乡县"),  # the group is the name
    ("鄂温克族自治旗", "鄂温克旗"),
    ("鄂伦春自治旗", "鄂伦春旗"),  # …written without 族
    ("黔东南苗族侗族自治州", "黔东南州"),
    ("长白朝鲜族自治县", "长白县"),
    ("伊犁哈萨克自治州", "伊犁州"),
])
def test_autonomous_short_form(full, short):
    assert autonomous_short_form(full) == short
    assert divisions().lookup(short)[0].name == full


@pytest.mark.parametrize("name", ["新疆维吾尔自治区", "酒泉市", "望城区"])
def test_no_short_form_for_regions_and_ordinary_divisions(name):
    """An autonomous region is written in full or by its short name (新疆), not as a 州/县/旗."""
    assert autonomous_short_form(name) is None


def test_nesting_from_the_division_data():
    望城 = divisions().lookup("望城区")[0]
    assert [d.name for d in divisions().ancestors(望城)] == ["长沙市", "湖南省"]
    积石山 = divisions().lookup("积石山县")[0]
    assert [d.name for d in divisions().ancestors(积石山)] == ["临夏回族自治州", "甘肃省"]


def test_division_ending_at_takes_the_longest():
    text = "甘肃省临夏回族自治州积石山县委"
    span = division_ending_at(text, 14)
    assert (span.start, span.text, span.level) == (10, "积石山县", "县")
    span = division_ending_at(text, 10)
    assert (span.start, span.text, span.level) == (3, "临夏回族自治州", "州")
    assert division_ending_at(text, 15) is None  # 委 ends no division
    assert division_ending_at("市场监督管理局", 1) is None


def test_division_ending_at_respects_the_limit():
    assert division_ending_at("去酒泉市", 4, start_limit=2) is None
    assert division_ending_at("去酒泉市", 4, start_limit=1).text == "酒泉市"


def test_level_words():
    assert level_word_ending_at("自治区党委", 3, LEX).text == "自治区"
    assert level_word_ending_at("自治区党委", 3, LEX).level == "省"
    assert level_word_ending_at("地委", 1, LEX).level == "地区"
    assert level_word_ending_at("街道党工委", 2, LEX).level == "街道"
    assert level_word_ending_at("嘎查党支部", 2, LEX).level == "嘎查"
    assert level_word_ending_at("党委", 2, LEX) is None


def test_a_cue_before_a_level_word_is_no_division():
    """任县 is in the division data, but 曾任县委书记 is 曾任 + 县委书记."""
    assert cue_and_level("任县", LEX)
    assert not cue_and_level("和县", LEX)  # 和 is no cue: 和县 of Anhui stays a county
    assert not cue_and_level("望城区", LEX)



def test_a_verb_that_follows_names_is_in_no_territorys_name():
    """县长周华代表县人民政府作报告: the model's one word 周华代表县人民政府 holds no county 周华代表县."""
    assert not is_territory("周华代表县", LEX)
    assert is_territory("青川县", LEX)



def test_a_title_is_in_no_territorys_name():
    """副县长兼县公安局局长: 副县长兼县 is no county (in a story that names none, it would be the home)."""
    assert not is_territory("副县长兼县", LEX)
    assert not is_territory("书记王县", LEX)
    assert is_territory("长兴县", LEX)  # 长 alone is no title



@pytest.mark.parametrize("name", ["青禾超市", "三峡库区", "地震灾区", "东片区", "幸福小区", "度假区"])
def test_kinds_of_area_are_no_territory(name):
    """A shop (超市), a reservoir's or a disaster's area, a residential compound (a site): no division."""
    assert not is_territory(name, LEX)


def test_a_district_the_division_data_lacks_is_still_a_territory():
    """坪山区 (made in 2016) is not in the division data; 山区 must not make it a kind of area."""
    assert is_territory("坪山区", LEX)



@pytest.mark.parametrize("name, ancestors", [
    ("坪山区", ["深圳市", "广东省"]),  # made in 2016: the current data
    ("宁乡市", ["长沙市", "湖南省"]),  # a county become a city in 2017…
    ("宁乡县", ["长沙市", "湖南省"]),  # …whose older name older stories write
])
def test_the_division_data_holds_current_divisions_and_older_names(name, ancestors):
    (div,) = divisions().lookup(name)
    assert [a.name for a in divisions().ancestors(div)] == ancestors



@pytest.mark.parametrize("county, now", [
    ("崇礼县", "崇礼区"),  # Hebei: a county made a district in 2016
    ("增城县", "增城区"),  # Guangdong: a county, then a city, then a district
    ("乌兰察布盟", "乌兰察布市"),  # Inner Mongolia: a league made a city
])
def test_a_district_is_found_by_the_name_of_the_county_it_was(county, now):
    (was,) = divisions().lookup(county)
    (is_now,) = divisions().lookup(now)
    assert was.code == is_now.code and was.level == county[-1]
    assert divisions().lookup("深圳地区") == []  # "the Shenzhen area", no former prefecture


def test_two_levels_written_together_are_no_territory():
    assert not is_territory("派驻盟市", LEX) and not is_territory("沿海省市", LEX)
    assert is_territory("沙市区", LEX)  # (荆州's district, ending in 市区)


def test_a_division_then_a_kind_of_place_is_no_territory():
    assert not is_territory("岳阳市城市", LEX)  # of 岳阳市城市建设投资集团
    assert is_territory("岳阳市", LEX)


def test_a_former_county_name_never_takes_a_real_countys_place():
    # 朝阳县 is a county of Liaoning of its own, not Beijing's 朝阳区 as a county
    assert [d.code[:6] for d in divisions().lookup("朝阳县")] == ["211321"]
    # 长安区 is a district of Xi'an and one of Shijiazhuang: which was 长安县 the data cannot say
    assert divisions().lookup("长安县") == []
    assert divisions().lookup("城县") == []  # (大同's 城区: no stem)


def test_a_two_character_territory_no_one_division_of_the_one_before_needs_it():
    assert needs_the_territory_before("矿区", "甘肃")  # 矿区 is of some city, not of 甘肃
    assert not needs_the_territory_before("魏县", "河北省")  # one county, in 河北省
    assert not needs_the_territory_before("临川县", "抚州市")  # three characters: a name of its own

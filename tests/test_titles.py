"""The title/body grammar (extract/titles.py) on its own, without the NER model.

A post is read from its core leftwards: territory · body · sub-body · qualifier · core
(titles.tsv, bodies.tsv, qualifiers.tsv, levels.tsv, place_suffixes.tsv and the division
data). Phrases without model tags read every character as a noun and every character as
a word start; where the model's words matter (a verb that ends a stem, a word the core is
inside of), the sentence is tagged by hand as the model tags it (tests/support/handtagged.py).
"""

from __future__ import annotations

import pytest

from govkg.extract.lexicon import default_lexicon
from govkg.extract.normalize import to_simplified
from govkg.extract.territory import Span, place_level
from govkg.extract.titles import body_ends, find_posts, parse_body, parse_post, phrase_limit
from support.handtagged import tagged

LEX = default_lexicon()


def pieces(phrase) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in phrase.parts]


def post(written: str):
    """The post phrase that ends a phrase written alone (traditional characters are simplified
    first, as the pipeline does before the rules read a sentence)."""
    text = to_simplified(written)
    return parse_post(text, len(text), LEX)


def posts_of(words: str) -> list[str]:
    """The post phrases of a sentence tagged by hand, as the mentions pass finds them."""
    s = tagged(words)
    return [p.text for p in find_posts(s.text, LEX, char_tags=s.char_tag, token_starts=s.token_start,
                                       token_ends=s.token_end)]


def tagged_post(words: str):
    s = tagged(words)
    found = find_posts(s.text, LEX, char_tags=s.char_tag, token_starts=s.token_start, token_ends=s.token_end)
    assert len(found) == 1, [p.text for p in found]
    return found[0]


# --- Composition: territory · body · sub-body · qualifier · core ---------------------------

@pytest.mark.parametrize("written, expected", [
    # Gansu county: prefix, territory, committee, department, deputy, core
    ("中共临潭县委组织部副部长",
     [("prefix", "中共"), ("territory", "临潭县"), ("body", "委"), ("body", "组织部"), ("qualifier", "副"),
      ("core", "部长")]),
    # Qinghai: two territories, the post is the last one's
    ("青海省海南藏族自治州委副秘书长",
     [("territory", "青海省"), ("territory", "海南藏族自治州"), ("body", "委"), ("qualifier", "副"),
      ("core", "秘书长")]),
    # the province's congress and its party group, written with the level word only
    ("省人大常委会党组书记",
     [("level", "省"), ("body", "人大常委会"), ("body", "党组"), ("core", "书记")]),
    # democratic parties: the party is written before its territory
    ("民革四川省委副主委",
     [("body", "民革"), ("territory", "四川省"), ("body", "委"), ("qualifier", "副"), ("core", "主委")]),
    ("九三学社福建省委主委",
     [("body", "九三学社"), ("territory", "福建省"), ("body", "委"), ("core", "主委")]),
    # the Youth League, written before its city
    ("共青团遵义市委书记",
     [("body", "共青团"), ("territory", "遵义市"), ("body", "委"), ("core", "书记")]),
    # prefecture CPPCC, banner committee, league committee, prefecture committee (地委)
    ("州政协副主席", [("level", "州"), ("body", "政协"), ("qualifier", "副"), ("core", "主席")]),
    ("旗委书记", [("level", "旗"), ("body", "委"), ("core", "书记")]),
    ("盟委委员", [("level", "盟"), ("body", "委"), ("core", "委员")]),
    ("地委书记", [("body", "地委"), ("core", "书记")]),
    # township levels of Inner Mongolia: 苏木 and 嘎查
    ("苏木党委书记", [("level", "苏木"), ("body", "党委"), ("core", "书记")]),
    ("嘎查党支部书记", [("level", "嘎查"), ("body", "党支部"), ("core", "书记")]),
    # the Production and Construction Corps: division, regiment, company
    ("第七师一二九团党委副书记",
     [("territory", "第七师"), ("territory", "一二九团"), ("body", "党委"), ("qualifier", "副"), ("core", "书记")]),
    ("十二连党支部书记", [("territory", "十二连"), ("body", "党支部"), ("core", "书记")]),
    # street office, village committee
    ("街道办事处主任", [("level", "街道"), ("body", "办事处"), ("core", "主任")]),
    ("村委会主任", [("body", "村委会"), ("core", "主任")]),
    # courts and procuratorates
    ("黔西南州中级人民法院副院长",
     [("territory", "黔西南州"), ("body", "中级人民法院"), ("qualifier", "副"), ("core", "院长")]),
    ("县人民检察院代理检察长",
     [("level", "县"), ("body", "人民检察院"), ("qualifier", "代理"), ("core", "检察长")]),
    # the people's armed forces department
    ("县人武部部长", [("level", "县"), ("body", "人武部"), ("core", "部长")]),
    # a hospital's and a school's name have a stem of their own (中医 + 医院, 第一 + 中学)
    ("县中医医院院长", [("level", "县"), ("body", "中医医院"), ("core", "院长")]),
    ("县第一中学校长", [("level", "县"), ("body", "第一中学"), ("core", "校长")]),
    # the head of a county's Women's Federation (a mass organisation)
    ("县妇联主席", [("level", "县"), ("body", "妇联"), ("core", "主席")]),
    # qualifiers: standing deputy, bracketed acting, former, ranks
    ("常务副县长", [("qualifier", "常务副"), ("core", "县长")]),
    ("嵩明县（代）县长", [("territory", "嵩明县"), ("qualifier", "代"), ("core", "县长")]),
    ("原县委书记", [("qualifier", "原"), ("level", "县"), ("body", "委"), ("core", "书记")]),
    ("一级巡视员", [("qualifier", "一级"), ("core", "巡视员")]),
    ("三级主任科员", [("qualifier", "三级"), ("core", "主任科员")]),
    # a session written before the post
    ("七届州政协主席", [("session", "七届"), ("level", "州"), ("body", "政协"), ("core", "主席")]),
    # 现任 between the village and the title says the post is current; 驻村 is a rank
    ("桃坪村现任驻村第一书记",
     [("territory", "桃坪村"), ("cue", "现任"), ("qualifier", "驻村"), ("core", "第一书记")]),
    # an autonomous region's own words
    ("自治区党委常委", [("level", "自治区"), ("body", "党委"), ("core", "常委")]),
    ("宁夏回族自治区主席", [("territory", "宁夏回族自治区"), ("core", "主席")]),
    ("自治区副主席", [("level", "自治区"), ("qualifier", "副"), ("core", "主席")]),
])
def test_post_is_read_from_its_core_leftwards(written, expected):
    assert pieces(post(written)) == expected


@pytest.mark.parametrize("traditional, simplified", [
    ("區委副書記", "区委副书记"),
    ("黨支部副書記", "党支部副书记"),
    ("縣人大常委會副主任", "县人大常委会副主任"),
    ("鎮黨委書記", "镇党委书记"),
])
def test_traditional_titles_read_as_the_simplified_ones(traditional, simplified):
    assert pieces(post(traditional)) == pieces(post(simplified))
    assert post(traditional).text == simplified


def test_levels_of_the_division_data_and_of_level_words():
    phrase = post("青海省海南藏族自治州委副秘书长")
    assert [(t.text, t.level) for t in phrase.territories] == [("青海省", "省"), ("海南藏族自治州", "州")]
    assert [(t.text, t.level) for t in post("自治区党委常委").territories] == [("自治区", "省")]
    assert [(t.text, t.level) for t in post("旗委书记").territories] == [("旗", "旗")]


def test_bare_titles_name_no_body():
    assert post("副书记").bare
    assert post("主任").bare
    assert not post("县委副书记").bare
    assert not post("村委会主任").bare
    assert post("常务副县长").qualifier_meanings(LEX) == {"deputy"}
    assert post("原县委书记").qualifier_meanings(LEX) == {"former"}


# --- Names with a stem of their own: the model's words bound them -----------------------------

def test_stems_of_schools_enterprises_and_departments():
    # Shaanxi: a university and its Youth League committee
    assert pieces(tagged_post("青岚理工大学/ORG 团委/n 副书记/n 汪若溪/PER 参加/v 活动/n 。")) == [
        ("body", "青岚理工大学"), ("body", "团委"), ("qualifier", "副"), ("core", "书记")]
    # an enterprise: its name is its stem and its suffix
    assert pieces(tagged_post("青禾农业发展有限公司/ORG 总经理/n 秦山/PER 介绍/v 。")) == [
        ("body", "青禾农业发展有限公司"), ("core", "总经理")]
    # Shanxi: a department whose stem holds a connector (住房和城乡建设)
    assert pieces(tagged_post("山西省住房和城乡建设厅/ORG 副/a 厅长/n 何清源/PER 一行/m 来到/v 沧县/LOC 调研/v 。")) == [
        ("territory", "山西省"), ("body", "住房和城乡建设厅"), ("qualifier", "副"), ("core", "厅长")]


@pytest.mark.parametrize("words, body", [
    # Sichuan: the model glues the connector to the second field (和体育局/c)
    ("任命/v 陈晓燕/PER 为/v 叙山区/LOC 教育/vn 和体育局/c 局长/n 。/w", "教育和体育局"),
    # Anhui: the same with 文化和旅游局, after a verb the model glued to the level word
    ("王五/PER 任县文化/ORG 和旅游局/c 局长/n 。/w", "文化和旅游局"),
    # Hunan: the connector apart, the second field read as a body by the model
    ("钱七/PER 任/v 区/n 教育/vn 和/c 体育局/ORG 党组/n 书记/n 。/w", "教育和体育局"),
])
def test_a_department_of_two_fields_keeps_both(words, body):
    phrase = tagged_post(words)
    assert body in [b.text for b in phrase.bodies]


@pytest.mark.parametrize("words, body", [
    # two bodies the model names, joined by 和: only the second holds the post
    ("汇丰/ORG 和/c 巴克莱银行/ORG 行长/n 出席/v 。/w", "巴克莱银行"),
    # two departments: the post is the second one's
    ("教育局/n 和/c 财政局/n 局长/n 出席/v 。/w", "财政局"),
])
def test_a_connector_between_two_bodies_starts_the_second(words, body):
    assert [b.text for b in tagged_post(words).bodies] == [body]


def test_a_level_word_the_model_keeps_apart_begins_the_stem():
    assert pieces(post("县应急管理局局长")) == [("level", "县"), ("body", "应急管理局"), ("core", "局长")]


@pytest.mark.parametrize("words, body", [
    ("市场监督管理局/ORG 局长/n 冯子墨/PER 介绍/v 。", "市场监督管理局"),
    ("市民/n 服务/vn 中心/n 主任/n 蒋一帆/PER 说/v 。", "市民服务中心"),
])
def test_a_word_that_starts_with_a_level_character_is_no_level(words, body):
    """市场监督管理局 and 市民服务中心 start with 市 but name no city."""
    phrase = tagged_post(words)
    assert not phrase.territories
    assert [b.text for b in phrase.bodies] == [body]


def test_a_development_zone_is_a_zone_not_a_district():
    """经开区 and 高新区 have 党工委 and 管委会 (place_suffixes.tsv: level zone), not 区委."""
    phrase = tagged_post("经开区党工委/ORG 书记/n 滕海峰/PER 主持会议/v 。")
    assert pieces(phrase) == [("territory", "经开区"), ("body", "党工委"), ("core", "书记")]
    assert phrase.territories[0].level == place_level("经开区", LEX) == "zone"


# --- Where a phrase starts ---------------------------------------------------------------------

def test_a_phrase_starts_after_a_boundary_but_not_at_a_bracketed_qualifier():
    assert phrase_limit("会上，县委书记", 7) == 3
    assert phrase_limit("嵩明县（代）县长", 8) == 0


@pytest.mark.parametrize("words, expected", [
    # the verb that introduces the post is not part of it
    ("近日/TIME ，/w 原/a 副县长/n 邱明达/PER 调任/v 广河县委/ORG 书记/n 。/w", ["原副县长", "广河县委书记"]),
    # Gansu: the cue 任 stands before 县委, it is not the start of a county called 任县
    ("2016年/TIME 曾/d 任/v 县委书记/n 。/w", ["县委书记"]),
    ("韦秀英/PER 不再/d 担任/v 县政协/ORG 副主席/n 。/w", ["县政协副主席"]),
    ("杨东升/PER 接替/v 丁文浩/PER 担任/v 县委政法委/ORG 书记/n 。/w", ["县委政法委书记"]),
    # 全体 is not part of a body's name
    ("全体/n 市政协/ORG 委员/n 出席/v 会议/n 。/w", ["市政协委员"]),
])
def test_a_post_does_not_start_with_the_word_before_it(words, expected):
    assert posts_of(words) == expected


def test_a_chain_of_posts_is_one_phrase_each():
    assert posts_of("会/n 上/f ，/w 县委/ORG 副书记/n 、/w 县长/n 陈晓林/PER 作/v 工作报告/n 。/w") == [
        "县委副书记", "县长"]
    assert posts_of("县委/n 常委/n 、/w 常务/b 副县长/n 孟庆余/PER 讲话/v 。/w") == ["县委常委", "常务副县长"]


# --- Where the grammar must not fire -----------------------------------------------------------

@pytest.mark.parametrize("words", [
    "城市/n 长远/a 发展/vn 离不开/v 规划/n 。/w",  # 城市长远 is no 市长
    "县人大常委会/ORG 召开/v 第十次/m 会议/n 。/w",  # 常委 inside 常委会
    "大会/n 主席团/n 举行/v 第二次/m 会议/n 。/w",  # 主席 inside 主席团
    "中央/n 书记处/n 召开/v 会议/n 。/w",  # 书记 inside 书记处
    "党员/n 干部/n 要/v 发挥/v 带头/vn 作用/n 。/w",
    "率/v 州政府/ORG 班子/n 成员/n 到会/v 。/w",  # a leadership team's members hold no post as such
])
def test_no_post_where_a_core_is_inside_another_word(words):
    assert posts_of(words) == []


def test_committee_is_no_member():
    """委员会 holds 委员 but is no post; the 委员 written after it is."""
    s = tagged("委员会/n 各位/r 委员/n 认真/ad 审议/v 了/u 报告/n 。/w")
    found = find_posts(s.text, LEX, char_tags=s.char_tag, token_starts=s.token_start, token_ends=s.token_end)
    assert [(p.text, p.start) for p in found] == [("委员", 5)]


def test_a_reporters_bureau_is_no_reporter():
    s = tagged("记者/n 站/v 负责人/n 邓嘉禾/PER 说/v 。/w")
    found = find_posts(s.text, LEX, char_tags=s.char_tag, token_starts=s.token_start, token_ends=s.token_end)
    assert all(p.core.text != "记者" for p in found)


def test_a_longer_core_wins_over_the_one_inside_it():
    assert [p.text for p in find_posts("总书记", LEX)] == ["总书记"]
    assert [p.core.text for p in find_posts("三级主任科员", LEX)] == ["主任科员"]


def test_no_post_without_a_core():
    assert parse_post("县委县政府", 5, LEX) is None
    assert find_posts("县委县政府召开专题会议", LEX) == []


# --- Bodies ------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, expected", [
    ("中共丽水市委统战部", [("prefix", "中共"), ("territory", "丽水市"), ("body", "委"), ("body", "统战部")]),
    # the level written again after the city
    ("韶关市市政协", [("territory", "韶关市"), ("level", "市"), ("body", "政协")]),
    ("两江新区人大常委会", [("territory", "两江新区"), ("body", "人大常委会")]),
    ("民盟贵州省委", [("body", "民盟"), ("territory", "贵州省"), ("body", "委")]),
    ("县委", [("level", "县"), ("body", "委")]),
    ("江西省抚州市临川县人民法院",
     [("territory", "江西省"), ("territory", "抚州市"), ("territory", "临川县"), ("body", "人民法院")]),
])
def test_parse_body(written, expected):
    assert pieces(parse_body(written, len(written), LEX)) == expected


def test_parse_body_needs_a_body_word_at_the_end():
    assert parse_body("城乡建设", 4, LEX) is None
    assert parse_body("临潭县", 3, LEX) is None


def test_body_ends_are_where_body_words_end():
    # 临潭县委组织部: 委 ends at 4, 组织部 (and 部) at 7
    assert body_ends("临潭县委组织部", LEX) == [4, 7]
    assert body_ends("城市长远发展", LEX) == []


def test_a_short_name_two_divisions_share_is_the_one_the_body_word_names():
    """阿勒泰 is a prefecture (阿勒泰地区) and a city (阿勒泰市); 地委 is a prefecture's committee."""
    [post] = find_posts("阿勒泰地委书记", LEX, char_tags=["LOC"] * 3 + ["n"] * 4)
    assert [(p.text, p.kind) for p in post.parts] == [("阿勒泰", "territory"), ("地委", "body"), ("书记", "core")]


def test_a_territorys_delegation_needs_no_other_stem():
    [post] = find_posts("阿泰县代表团团长", LEX, places=[Span(0, 3, "阿泰县", "territory", "县")])
    assert [(p.text, p.kind) for p in post.parts] == [("阿泰县", "territory"), ("代表团", "body"), ("团长", "core")]


def test_a_village_supervisory_committee_is_its_own_body():
    """村监委会主任 / 村务监督委员会主任 head the village's supervisory committee, not its 村委会."""
    assert [b.text for b in post("红星村监委会主任").bodies] == ["监委会"]
    assert [b.text for b in post("红星村村务监督委员会主任").bodies] == ["村务监督委员会"]



@pytest.mark.parametrize("written, pieces_", [
    # Yunnan: the CPPCC's formal name, its session between the territory and 委员会
    ("政协桥山县第十届委员会副主席", [("body", "政协"), ("territory", "桥山县"), ("session", "第十届"),
                                     ("body", "委员会"), ("qualifier", "副"), ("core", "主席")]),
    # the party committee's formal name after 中共
    ("中共桥山县委员会书记", [("prefix", "中共"), ("territory", "桥山县"), ("body", "委员会"), ("core", "书记")]),
    # a democratic party's full name before its committee's
    ("中国民主同盟桥山县委员会主委", [("body", "中国民主同盟"), ("territory", "桥山县"), ("body", "委员会"),
                                     ("core", "主委")]),
])
def test_a_committee_by_its_formal_name(written, pieces_):
    assert pieces(post(written)) == pieces_


def test_a_party_before_a_level_word_is_no_territory():
    """民进省委会主委: 民进省 is no province (the party's committee of the story's province)."""
    assert pieces(post("民进省委会主委")) == [("body", "民进"), ("level", "省"), ("body", "委会"), ("core", "主委")]



def test_a_towns_name_the_model_misread_between_a_county_and_its_suffix():
    """Hunan: 宁乡县|青禾|铺|镇镇长 — a name and a verb of the model's between a county of the division
    data and 镇; not 住房|和|城乡 of a department, nor 召开|全|市."""
    assert posts_of("担任/v 宁乡县/LOC 青禾/PER 铺/v 镇/n 镇长/n 。/w") == ["宁乡县青禾铺镇镇长"]
    assert posts_of("河北省/LOC 住房/n 和/c 城乡/n 建设厅/n 厅长/n 到场/v 。/w") == ["河北省住房和城乡建设厅厅长"]


def test_a_verb_the_model_glued_to_a_territory_is_no_part_of_it():
    """任|宁乡市委: a name the division data does not hold, with the cue glued to it."""
    phrase = tagged_post("2016年10月/TIME ，/w 任宁乡市委/ORG 常委/n 。/w")
    assert [t.text for t in phrase.territories] == ["宁乡市"]



def test_a_provinces_short_name_before_a_territory_of_it():
    """Gansu: 甘肃|城区人民法院 — a special court; 甘肃 is the province written short."""
    phrase = tagged_post("任命/v 陈一帆/PER 为/v 甘肃城区人民法院/ORG 院长/n 。/w")
    assert [t.text for t in phrase.territories] == ["甘肃", "城区"]



@pytest.mark.parametrize("written, expected", [
    # enterprises, farms, mines, stations: the head of a works is its 厂长
    ("青禾冶炼厂厂长", [("body", "青禾冶炼厂"), ("core", "厂长")]),
    ("红星林场场长", [("body", "红星林场"), ("core", "场长")]),
    ("县广播电视台台长", [("level", "县"), ("body", "广播电视台"), ("core", "台长")]),
    ("海口海关关长", [("body", "海口海关"), ("core", "关长")]),
    # the staff of a village committee
    ("村会计", [("level", "村"), ("core", "会计")]),
])
def test_heads_and_staff_of_works_and_villages(written, expected):
    assert pieces(post(written)) == expected



def test_a_territory_that_ends_a_stem_is_not_read_with_the_level_after_it():
    """Xinjiang Corps: 可克达拉市|镇海高级中学 — the city, then a school named after 镇江; 新市镇 stays a town."""
    phrase = tagged_post("可克达拉市镇海高级中学/ORG 校长/n 魏一青/PER 讲话/v 。/w")
    assert [t.text for t in phrase.territories] == ["可克达拉市"]
    assert [b.text for b in phrase.bodies] == ["镇海高级中学"]
    assert [t.text for t in tagged_post("新市镇/LOC 党委书记/n 王五/PER 调研/v 。/w").territories] == ["新市镇"]
    # …nor a street named after the village it was, in a chain of territories
    assert [t.text for t in tagged_post("合肥市蜀山区/ORG 荷塘村街道/LOC 青荷路社区党委/ORG 书记/n 讲话/v").territories] \
        == ["合肥市", "蜀山区", "荷塘村街道", "青荷路社区"]



def test_a_branch_named_with_the_territory_it_serves_is_one_body():
    """中国农业银行|青川县|支行行长: the bank's county branch, one body — not a bare 行长."""
    phrase = tagged_post("中国农业银行青川县支行/ORG 行长/n 陈一刚/PER 参加/v 。/w")
    assert [b.text for b in phrase.bodies] == ["中国农业银行青川县支行"]
    # …a territory's own 办 with no named body before it stays as it was (县委办)
    assert [b.text for b in tagged_post("县委办/n 主任/n 王五/PER 出席/v 。/w").bodies] == ["委", "办"]



def test_a_suffix_that_begins_a_word_ends_no_territory_inside_a_body():
    """Sichuan: 青川县文化市场综合执法局 — 文化|市场 is no city 文化市."""
    phrase = tagged_post("青川县文化市场综合执法局/ORG 局长/n 颜一鲲/PER 表示/v 。/w")
    assert [t.text for t in phrase.territories] == ["青川县"]
    assert [b.text for b in phrase.bodies] == ["文化市场综合执法局"]



def test_the_legislative_council_and_its_members():
    """Hong Kong: 立法會主席, 立法會議員 (traditional characters, simplified before the rules read them)."""
    assert pieces(post("立法會主席")) == [("body", "立法会"), ("core", "主席")]
    assert pieces(post("區議會議員")) == [("body", "区议会"), ("core", "议员")]



@pytest.mark.parametrize("written, core", [
    ("市住建局总工程师", "总工程师"), ("县人民法院书记员", "书记员"), ("县教育局督学", "督学"),
    ("外交部司长", "司长"), ("社区楼栋长", "楼栋长"), ("镇党委宣传委员", "宣传委员"),
])
def test_more_title_cores(written, core):
    assert post(written).core.text == core



@pytest.mark.parametrize("words, body", [
    # the model takes 原 into the body's word: the qualifier of the post before the level word
    ("原县教育局/ORG 局长/n 王一民/PER 接受/v 审查/vn 。/w", "县教育局"),
    ("原市农业农村局/ORG 局长/n 李二山/PER 出席/v 。/w", "市农业农村局"),
    # …or writes it as a word of its own before a named body
    ("原/a 江南理工大学/ORG 副校长/n 张三石/PER 出席/v 。/w", "江南理工大学"),
    ("前/f 中储粮某分公司/ORG 经理/n 赵四海/PER 出席/v 。/w", "中储粮某分公司"),
])
def test_a_former_marker_before_a_body_dates_the_post(words, body):
    phrase = tagged_post(words)
    assert [b.text for b in phrase.bodies][-1] == body
    assert ("qualifier", words[0]) in pieces(phrase)


@pytest.mark.parametrize("words, territory", [
    ("原州区教育局/ORG 局长/n 王一民/PER 出席/v 。/w", "原州区"),  # Ningxia: a district named 原州
    ("原平市委/ORG 书记/n 王一民/PER 出席/v 。/w", "原平市"),  # Shanxi: a city named 原平
])
def test_a_division_whose_name_begins_with_the_marker_keeps_it(words, territory):
    assert [t.text for t in tagged_post(words).territories] == [territory]


@pytest.mark.parametrize("words, bodies", [
    # a university's department, a hospital's, a company's: two bodies, the unit inside its host
    ("江南理工大学化学系/ORG 主任/n 王一民/PER 出席/v 。/w", ["江南理工大学", "化学系"]),
    ("东平县人民医院心内科/ORG 主任/n 王一民/PER 出席/v 。/w", ["人民医院", "心内科"]),
    ("江南理工大学附属医院外科/ORG 主任/n 王一民/PER 出席/v 。/w", ["江南理工大学附属医院", "外科"]),
    ("恒达建材有限公司财务部/ORG 经理/n 王一民/PER 出席/v 。/w", ["恒达建材有限公司", "财务部"]),
])
def test_a_units_stem_stops_at_the_school_hospital_or_company_it_is_in(words, bodies):
    assert [b.text for b in tagged_post(words).bodies] == bodies


def test_a_units_stem_holds_a_hospital_no_stem_names():
    # a health commission's section named for hospitals: no hospital called 卫健委医院
    found = [b.text for b in tagged_post("市卫健委医院管理科/ORG 科长/n 王一民/PER 出席/v 。/w").bodies]
    assert found[-1].endswith("医院管理科") and not any(b.endswith("医院") for b in found)


def test_a_numbered_division_of_a_court_is_one_unit():
    assert pieces(post("民事审判第一庭副庭长")) == [("body", "民事审判第一庭"), ("qualifier", "副"), ("core", "庭长")]


def test_a_connector_that_opens_the_models_word_opens_the_name():
    """Xinjiang: 和平路街道党工委 in one of the model's words is no 平路街道 after a connector."""
    phrase = tagged_post("和平路街道党工委/ORG 副书记/n 热合曼·吐尔逊/PER 表示/v 。/w")
    assert [t.text for t in phrase.territories] == ["和平路街道"]


def test_an_executive_committee_of_a_mass_organisation():
    assert pieces(post("市妇联执委会常委")) == [("level", "市"), ("body", "妇联"), ("body", "执委会"), ("core", "常委")]


@pytest.mark.parametrize("written, bodies", [
    # Hong Kong and Macau join the fields of a bureau with 及 as the mainland does with 和
    ("民政及青年事務局局長", ["民政及青年事务局"]),
    ("教育及青年發展局副局長", ["教育及青年发展局"]),
    # a 司 of a government or a ministry
    ("政務司司長", ["政务司"]),
    ("外交部亞洲司司長", ["外交部亚洲司"]),
])
def test_bureaus_and_departments_of_hong_kong_macau_and_the_ministries(written, bodies):
    assert [b.text for b in post(written).bodies] == bodies


def test_a_company_alone_is_no_stem_and_suffix():
    """公司总经理: 公司 is the company the story named last (a kind of body alone), not 公 + 司."""
    phrase = post("公司总经理")
    assert [(b.text, b.level) for b in phrase.bodies] == [("公司", "back")]


def test_a_cue_glued_to_the_bureau_after_it_is_no_part_of_its_name():
    phrase = tagged_post("曾/d 任职食物及卫生局/ORG 副秘书长/n 。/w")
    assert [b.text for b in phrase.bodies] == ["食物及卫生局"]


def test_a_delegation_alone_after_a_verb_is_a_body():
    """推选某为代表团团长: a delegation's word alone (three characters or more) after the cue's 为."""
    phrase = tagged_post("推选/v 杨明远/PER 为/v 代表团/n 团长/n 。/w")
    assert [b.text for b in phrase.bodies] == ["代表团"]


def test_a_companys_boards():
    assert pieces(post("集团监事会主席")) == [("body", "集团"), ("body", "监事会"), ("core", "主席")]


def test_a_group_a_commission_stations_is_read_on_to_the_commission():
    assert pieces(post("县纪委监委派驻第三纪检监察组组长")) == [
        ("level", "县"), ("body", "纪委监委"), ("link", "派驻"), ("body", "第三纪检监察组"), ("core", "组长")]


def test_a_member_of_an_executive_committee_is_a_post():
    assert post("县工商联执委").core.text == "执委"


@pytest.mark.parametrize("written", ["党员中心户", "护边员", "网格员"])
def test_grassroots_roles_are_titles(written):
    assert post(written).core.text == written


@pytest.mark.parametrize("words, body", [
    ("双鸭山农场/ORG 党委书记/n 韩立新/PER 发言/v 。/w", "双鸭山农场"),  # a farm named by its city
    ("青石镇卫生院/ORG 院长/n 王明/PER 出席/v 。/w", "青石镇卫生院"),
])
def test_a_farm_school_or_hospital_named_by_its_place(words, body):
    assert tagged_post(words).bodies[0].text == body
    # …but a level word alone names none (县医院: the county's hospital, the level, then the body)
    assert [(p.kind, p.text) for p in post("县医院院长").parts][:2] == [("level", "县"), ("body", "医院")]


def test_a_police_brigade_is_a_body():
    phrase = tagged_post("交警大队/ORG 大队长/n 祁永红/PER 陪同/v 。/w")
    assert [b.text for b in phrase.bodies] == ["交警大队"]


def test_a_stem_cut_at_its_longest_takes_the_whole_word_it_cut():
    """中国|房地产及住宅研究会人居环境委员会: no name starts inside the model's word 中国 (国房地产…);
    where the word is too long to take, the name starts after it."""
    def body(words: str, ending: str) -> str:
        s = tagged(words)
        end = s.text.index(ending) + len(ending)
        return parse_body(s.text, end, LEX, char_tags=s.char_tag, token_starts=s.token_start).text

    assert body("王涌彬/PER 中国/ORG 房地产/n 及/c 住宅/n 研究会人居环境委员会/n 副主任/n 。/w", "委员会") \
        == "中国房地产及住宅研究会人居环境委员会"
    assert body("来自/v 中华人民共和国/ORG 新闻出版总署科技/n 与/c 数字出版司/n 副司长/n 。/w", "出版司") \
        == "新闻出版总署科技与数字出版司"

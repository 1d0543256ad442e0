"""The finders of the mentions pass, each rule on its own: places (extract/places.py), bodies
(extract/bodies.py) and people (extract/people.py). Sentences are tagged by hand as the NER
model tags them (tests/support/handtagged.py), so no model runs; the people, villages,
companies and bodies are invented."""

from __future__ import annotations

import pytest

from govkg.extract.articles import outlet_name
from govkg.extract.bodies import find_bodies, territory_of_body
from govkg.extract.relations import located_in
from govkg.extract.lexicon import default_lexicon
from govkg.extract.people import find_people, looks_like_name, name_after_title
from govkg.extract.places import find_places, split_compound_place
from govkg.extract.territory import Span
from govkg.extract.titles import find_posts
from support.handtagged import tagged

LEX = default_lexicon()


def places(words: str) -> list[tuple[str, str]]:
    return [(m.text, m.level) for m in find_places(tagged(words), LEX)]


def bodies(words: str) -> list[str]:
    s = tagged(words)
    return [m.text for m in find_bodies(s, LEX, find_places(s, LEX))]


def people(words: str, place_stems: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(name, how it was found) for the people of a sentence, its posts found as the mentions pass does."""
    s = tagged(words)
    territories = [Span(m.start, m.end, m.text, "territory", m.level) for m in find_places(s, LEX)
                   if m.level not in ("", "site")]
    posts = find_posts(s.text, LEX, char_tags=s.char_tag, token_starts=s.token_start, token_ends=s.token_end,
                       places=territories)
    return [(m.text, m.source) for m in find_people(s, LEX, set(place_stems), posts)]


# --- Places ------------------------------------------------------------------------------------

def test_a_chain_of_territories_the_model_reads_as_one_word_is_split():
    # Jiangxi: province, city, county, town in two of the model's words, then a village
    assert places("近日/TIME ，/w 江西省赣州市/LOC 于都县云岭镇党委/LOC 书记/n 严立平/PER 来到/v 石溪村/LOC 调研/v 。/w") == [
        ("江西省", "省"), ("赣州市", "市"), ("于都县", "县"), ("云岭镇", "镇"), ("石溪村", "村")]


def test_words_before_a_territory_are_not_part_of_it():
    assert places("中共丽水市/LOC 委/n 召开/v 全会/n 。/w") == [("丽水市", "市")]
    assert places("代表团/n 赴/v 阿拉善盟/LOC 考察/v 。/w") == [("阿拉善盟", "盟")]


def test_a_territory_the_model_cut_before_its_suffix():
    assert places("桂香/LOC 社区/n 开展/v 义诊/vn 。/w") == [("桂香社区", "社区")]


def test_a_village_whose_name_the_model_cut():
    """Guizhou: 黎平县|坝|寨村 — the county before it marks where the village's name starts."""
    assert places("黎平县/LOC 坝/v 寨村/LOC 的/u 村民/n 吴老四/PER 说/v 。/w") == [("黎平县", "县"), ("坝寨村", "村")]


def test_a_village_whose_name_the_model_cut_by_two_characters():
    """Inner Mongolia: 右北平镇|四道|营子村 — a number word before the village the model read."""
    assert places("前往/v 右北平镇/LOC 四道/m 营子村/LOC 、/w 五化镇/LOC 榆树村/LOC 走访/v 。/w") == [
        ("右北平镇", "镇"), ("四道营子村", "村"), ("五化镇", "镇"), ("榆树村", "村")]
    # a verb between two territories starts nothing: 出席 is no part of 岳阳市
    assert places("君山区/LOC 出席/v 岳阳市/LOC 人民代表大会/n 。/w") == [("君山区", "区"), ("岳阳市", "市")]


def test_a_town_in_a_body_the_model_cut_is_whole():
    """Inner Mongolia: 与|右|北平镇党委 — 右 begins the town's name, in a body's name too."""
    assert places("并/c 与/p 右/f 北平镇党委/ORG 书记/n 李某/PER") == [("右北平镇", "镇")]
    assert bodies("并/c 与/p 右/f 北平镇党委/ORG 书记/n 李某/PER") == ["右北平镇党委"]


def test_a_division_written_in_full_where_the_model_read_a_conjunction():
    """Xinjiang: 和静县, where the model took 和 for 'and'."""
    assert ("和静县", "县") in places("巴州/LOC 和/c 静县/n 召开/v 会议/n 。/w")


def test_numbered_units_of_the_corps():
    # Xinjiang Corps: the model reads the numbers as numerals
    assert places("第十师一八八团/m 党委书记/n 来到/v 十六连/m 。/w") == [
        ("第十师", "师"), ("一八八团", "团"), ("十六连", "连")]
    # 三连 alone is too common a word (三连冠)
    assert places("球队/n 获得/v 三连冠/n 。/w") == []


def test_a_word_listed_with_places_and_sharing_their_suffix_is_a_place():
    assert places("白沙镇/LOC 、/w 柳溪镇/n 和/c 云台镇/LOC 的/u 干部/n 参加/v 培训/vn 。/w") == [
        ("白沙镇", "镇"), ("柳溪镇", "镇"), ("云台镇", "镇")]


def test_named_sites():
    # a site starts at its territory's level word, not at 参观
    assert places("参观/v 了/u 区/n 法治/n 文化基地/n 。/w") == [("区法治文化基地", "site")]
    # …and not at an anaphor: 我县 is no part of the scenic area's name
    assert places("我县/r 凤栖岭/LOC 景区/n 游客/n 增多/v 。/w") == [("凤栖岭景区", "site")]


def test_a_two_character_place_word_between_words_it_cannot_be_part_of():
    """General news: 在东京举行 — a place of two characters the model reads alone; 惠民政策 and 包村干部
    are words (a noun follows), 包村 ends like a village without being one."""
    assert places("会议/n 在/p 东京/LOC 举行/v 。/w") == [("东京", "")]
    assert places("落实/v 惠民/LOC 政策/n 。/w") == []
    assert places("他/r 是/v 包村/LOC 干部/n 。/w") == []
    assert places("他/r 去/v 包村/LOC 了/u 。/w") == []


def test_a_site_named_with_its_territory_names_the_territory_too():
    """Jiangxi: 长胜镇法沙长龙蔬菜基地 is a site, in 长胜镇, which the sentence names as well."""
    found = find_places(tagged("深入/v 宁都县/LOC 的/u 长胜镇/LOC 法沙/LOC 长龙/n 蔬菜/n 基地/n 。/w"), LEX)
    assert [(m.text, m.level) for m in found] == [("宁都县", "县"), ("长胜镇法沙长龙蔬菜基地", "site"), ("长胜镇", "镇")]
    assert [(a.text, b.text) for a, _rel, b in located_in(found)] == [("长胜镇法沙长龙蔬菜基地", "长胜镇")]


def test_the_territory_of_a_body_whose_level_starts_a_word():
    """市政 is a word (雄安新区市民服务中心 ends no place at 市), but 杭州市政协 is 杭州市 + 政协."""
    assert places("岳阳市政协/ORG 主席/n 参加/v 。/w") == [("岳阳市", "市")]


def test_a_venue_is_a_place_not_a_body():
    words = "会议/n 在/p 岳阳会议中心/ORG 举行/v 。/w"
    assert places(words) == [("岳阳会议中心", "site")]
    assert bodies(words) == []
    # …but a square the model reads as a body is both: the site and the enterprise that runs it
    assert bodies("青禾广场/ORG 开业/v 。/w") == ["青禾广场"]


def test_a_place_praised_as_new_is_the_place():
    """Shanxi, Gansu: 富裕新浮山, 幸福美好新甘肃 — 新 praises it; 新疆 and 新乡 are names of their own."""
    assert [name for name, _level in places("为/p 建设/v 富裕/a 新浮山/LOC 做出/v 贡献/n 。/w")] == ["浮山"]
    assert [name for name, _level in places("新疆/LOC 和/c 新乡/LOC 的/u 代表/n 。/w")] == ["新疆", "新乡"]


def test_a_territory_with_the_verb_of_a_joint_action():
    assert places("云湖街道联合/LOC 农业银行/ORG 开展/v 宣传/vn 。/w") == [("云湖街道", "街道")]


@pytest.mark.parametrize("words", [
    "帮扶村/LOC 学校/n 的/u 孩子们/n 收到/v 了/u 图书/n 。/w",  # a kind of village, not one
    "辖区/n 商场/n 开展/v 检查/vn 。/w",
    "他/r 来到/v 县/n 西北部/f 大山/n 深处/s 。/w",
    "打造/v 爱国主义教育基地/ORG 、/w 红色/n 旅游/vn 景点/n 。/w",  # a kind of site (generic_places.txt)
    "脱贫/v 攻坚/vn 、/w 壮大/LOC 村/n 集体经济/n 。/w",  # 村 begins a word (村集体, 村规民约): no village
    "给/p 村民/n 科普村/LOC 规民约/n 。/w",
    "全国/n 省市县乡/LOC 四级/m 党委/n 换届/vn 。/w",  # levels, no place

])
def test_no_place(words):
    assert places(words) == []


@pytest.mark.parametrize("name, pieces", [
    ("江西省抚州市临川县", ["江西省", "抚州市", "临川县"]),
    ("甘肃省临夏回族自治州", ["甘肃省", "临夏回族自治州"]),
    ("内蒙古自治区锡林郭勒盟正蓝旗", ["内蒙古自治区", "锡林郭勒盟", "正蓝旗"]),
    ("市中区", ["市中区"]),  # one division, whose name holds a suffix
    ("沙市区", ["沙市区"]),
    ("桃坪村", ["桃坪村"]),
])
def test_split_compound_place(name, pieces):
    assert split_compound_place(name, LEX) == pieces


# --- Bodies ------------------------------------------------------------------------------------

@pytest.mark.parametrize("words, expected", [
    # Shanxi: a department of the province, its name as the model reads it
    ("山西省住房和城乡建设厅/ORG 召开/v 会议/n 。/w", ["山西省住房和城乡建设厅"]),
    # 中共 is not part of the name
    ("中共临潭县委组织部/ORG 召开/v 会议/n 。/w", ["临潭县委组织部"]),
    # a democratic party, written before its province
    ("民革/ORG 四川省委/ORG 举办/v 培训班/n 。/w", ["民革四川省委"]),
    # a name that ends in a title (主委) is a post: the body is the party written before it
    ("岳阳民革主委/ORG 宋某/PER 陪同/v 。/w", ["岳阳民革"]),
    # the medium a story cites (据…消息)
    ("据/p 岚山新闻网/nz 消息/n ，/w 会议/n 召开/v 。/w", ["岚山新闻网"]),
    # the media a list after 来自 names
    ("来自/v 澄江网/nz 、/w 岚山日报/nz 、/w 青禾广电集团/ORG 等/u 媒体/n 的/u 记者/n", ["澄江网", "岚山日报", "青禾广电集团"]),
    # a state farm of the land-reclamation system, numbered
    ("在/p 八五三农场/LOC 调研/v 。/w", ["八五三农场"]),
    # a bank's branch in a territory is one body, as the model reads it
    ("澄江银行岚山分行/ORG 表示/v 。/w", ["澄江银行岚山分行"]),
    # a word that only points at the body is no part of its name
    ("据/p 上述/r 澄江粮油分公司/ORG 人士/n 介绍/v 。/w", ["澄江粮油分公司"]),
    ("由/p 原来国家邮政局/ORG 印制/v 。/w", ["国家邮政局"]),
    ("9月12日/TIME 讯美国会参议院/ORG 拨款委员会/n 通过/v 决议/n 。/w", ["美国会参议院拨款委员会"]),
    ("据/p 此前/t 澄江粮油分公司/ORG 的/u 数据/n 。/w", ["澄江粮油分公司"]),
    # the national bodies keep their prefix (中共中央: 中央 alone is no name)
    ("全国政协/ORG 副主席/n 、/w 交通运输部/ORG 部长/n", ["全国政协", "交通运输部"]),
    ("中共中央/ORG 、/w 国务院/ORG 授予/v 称号/n 。/w", ["中共中央", "国务院"]),
    ("中共中央/ORG 政治局/n 常委/n 李长春/PER 视察/v 。/w", ["中共中央政治局"]),
    # a court's name starts at its own territory, the last of the chain
    ("江西省抚州市临川县人民法院/ORG 召开/v 会议/n 。/w", ["临川县人民法院"]),
    # an association of a community: the community, not the street before it
    ("云湖街道/LOC 桂香社区爱心服务联盟/ORG 成立/v 。/w", ["桂香社区爱心服务联盟"]),
    # an enterprise
    ("青禾农业发展有限公司/ORG 总经理/n 秦山/PER 介绍/v 。/w", ["青禾农业发展有限公司"]),
    # Xinjiang: a factory in a numbered company of the Corps is named without the company
    ("在/p 6/m 连澄禾石磨/ORG 面粉厂/n ，/w 参观/v 了解/v 。/w", ["澄禾石磨面粉厂"]),
    # Hunan: a department whose name joins two fields with 和, the model's words cut at it
    ("会议/n 对/p 省教育厅/ORG 、/w 省工业/ORG 和/c 信息化厅/vn 、/w 省公安厅/ORG 评议/vn 。/w",
     ["省教育厅", "省工业和信息化厅", "省公安厅"]),
    # …but 和 between two bodies joins two names
    ("岚溪县教育局/ORG 和/c 财政局/ORG 发文/v 。/w", ["岚溪县教育局", "财政局"]),
    ("澄江银行/ORG 和/c 岚山证券公司/ORG 签约/v 。/w", ["澄江银行", "岚山证券公司"]),
    # a task force's name may hold a verb (防控)
    ("疫情/n 防控/vn 指挥部/n 召开/v 会议/n 。/w", ["疫情防控指挥部"]),
    # …but its own name does not start with a verb after another body's (the bureau sent a task force)
    ("岚溪县/LOC 水利局/n 派出/v 抢修/vn 专班/n ，/w 连夜/d 赶到/v 。/w", ["岚溪县水利局"]),
    ("岚溪县/LOC 水利局/n 防汛/vn 抢修/vn 专班/n 赶到/v 。/w", ["岚溪县水利局防汛抢修专班"]),
    # 县委县政府: the county's committee and its government
    ("县委县政府/ORG 召开/v 专题/n 会议/n 。/w", ["县委", "县政府"]),
    # 县委政府 (its level written once): the committee; its government is no body inside it
    ("围绕/v 岚溪县/LOC 委/n 政府/n 决策/vn 部署/vn 。/w", ["岚溪县委"]),
    ("贯彻/v 市委/n 政府/n 要求/n 。/w", ["市委"]),
    ("获得/v 市委/ORG 常委会/n 审议/v 通过/v 。/w", ["市委常委会"]),  # …but its standing committee is its own
    # a democratic party named alone
    ("民盟/ORG 盟员/n 积极/ad 建言/v 。/w", ["民盟"]),
    # an agency the grammar does not read, kept from the model
    ("据/p 青岚通讯社/ORG 兰州/LOC 5月22日/TIME 电/n", ["青岚通讯社"]),
])
def test_find_bodies(words, expected):
    assert bodies(words) == expected


@pytest.mark.parametrize("words", [
    "党员/n 干部/n 要/v 发挥/v 带头/vn 作用/n 。/w",  # 干部 ends in 部 but is no body
    "帮扶村/LOC 学校/n 的/u 孩子们/n 收到/v 了/u 图书/n 。/w",  # the school of an assisted village
    "各级/r 党委/n 要/v 高度/d 重视/v 。/w",  # a kind of body, of no territory
    "汇报/v 了/u 工作/n 情况/n 。/w",  # 报 with no stem
    "开展/v 文明/a 科室/n 创建/vn 活动/n 。/w",
    "支持/v 配合/v 好/a 巡视/vn 组/n 工作/n 。/w",
    "他/r 来到/v 县/n 西北部/f 大山/n 深处/s 。/w",  # 部 and 处 of place words
    "金融机构/n 要/v 加大/v 支持/vn 力度/n 。/w",
    "委员会/n 各位/r 委员/n 认真/ad 审议/v 了/u 报告/n 。/w",
    # a suffix inside an ordinary word (ordinary_words.txt), even after a territory or in a model's body
    "来到/v 岚皋县/LOC 花里镇/LOC 大山深处/n 的/u 村庄/n 。/w",
    "他/r 曾/d 在/p 武警部队/ORG 服役/v 。/w",
    "活动/n 由/p 岚山市博物馆协办/ORG 。/w",
    "推进/v 全面/a 从严治党/ORG 向/p 纵深/n 发展/v 。/w",
    "开创/v 新时代政协/ORG 工作/n 新/a 局面/n 。/w",  # a body does not start with 新时代
    "建设/v 一所/m 现代化/vn 医院/n 。/w",  # a kind of body described, not named
    "各/r 民主党派/n 市委会/n 提案/n 二百件/m 。/w",  # each party's city committee, not one body
    "召开/v 旗/n 区政协/ORG 换届/vn 工作/n 会议/n 。/w",  # the committees of two levels in general
    "进入/v 省委/ORG 党委/n 换届/vn 阶段/n 。/w",  # a committee of a committee: the level's committees
    "将/p 人民/n 法庭/n 工作/n 融入/v 基层/n 治理/vn 。/w",  # a kind of court (generic_bodies.txt)
    "辽宁省/LOC 市县乡/n 四级/m 党委/n 换届/vn 。/w",  # the committees of four levels
    "轮流/d 当/v 村支部/ORG 书记/n 。/w",  # a village's branch, of no village named
    "成立/v 农民合作社/ORG 带动/v 增收/v 。/w",
    "请教/v 了/u 部分/n 银行/n 的/u 专业/n 人士/n 。/w",  # some banks, not one
    "股份制银行/n 中/f 增长/v 最快/d 。/w",  # a kind of bank
    "市中心/s 可以/v 解决/v 购物/vn 问题/n 。/w",  # downtown is no 中心
    "参观/v 了解/v 了/u 面粉厂/n 的/u 生产/vn 。/w",  # a kind of factory, no name

])
def test_no_body(words):
    assert bodies(words) == []


@pytest.mark.parametrize("words, body", [
    ("县/n 老年/n 体育/n 研究会/n 会长/n 王一民/PER 致辞/v 。/w", "县老年体育研究会"),
    ("东平县/LOC 民间/n 文化/n 促进会/n 成立/v 。/w", "东平县民间文化促进会"),
    ("市/n 慈善/n 总会/n 发放/v 善款/n 。/w", "市慈善总会"),
    ("江南/LOC 书画院/n 理事会/n 召开/v 会议/n 。/w", "江南书画院理事会"),
    ("青岚/LOC 银保监会/ORG 发布/v 通知/n 。/w", "青岚银保监会"),  # the regulator's 监会
])
def test_associations_boards_and_regulators_are_bodies(words, body):
    assert bodies(words) == [body]


@pytest.mark.parametrize("words, body", [
    ("岚山证券/ORG 研究/vn 表明/v 。/w", "岚山证券"),
    ("河北钢铁/ORG 还/d 控股/v 一家/m 钢厂/n 。/w", "河北钢铁"),  # a territory's name, then the trade
    ("平江城投/ORG 发行/v 债券/n 。/w", "平江城投"),
])
def test_a_company_named_by_its_trade(words, body):
    assert bodies(words) == [body]


def test_a_committees_theory_study_group_is_its_body():
    """区委理论学习中心组: the committee's study group (中心组), a body the committee's territory owns."""
    assert bodies("岚皋县委/ORG 理论/n 学习/vn 中心/n 组/n 举行/v 集体/n 学习/v 。/w") == ["岚皋县委理论学习中心组"]
    assert places("岚皋县委/ORG 理论/n 学习/vn 中心/n 组/n 举行/v 集体/n 学习/v 。/w") == [("岚皋县", "县")]


def test_a_trade_word_alone_is_no_company():
    assert bodies("推动/v 文旅/n 融合/v 发展/v 。/w") == []
    assert bodies("发展/v 能源/n 产业/n 和/c 化工/n 产业/n 。/w") == []


def test_a_name_of_its_own_the_model_reads_as_a_body():
    """General news: a body with no body word in its name (an enterprise, an agency) is the
    model's word when nothing says otherwise."""
    assert bodies("澄禾巴巴/ORG 宣布/v 回购/v 股份/n 。/w") == ["澄禾巴巴"]
    # two characters only where no word of a longer name follows (青岚|宣布, not 青岚|集团化)
    assert bodies("澄禾巴巴/ORG 、/w 青岚/ORG 联合/v 发布/v 。/w") == ["澄禾巴巴", "青岚"]
    assert bodies("青岚/ORG 文旅/n 融合/v 发展/v 。/w") == []
    # …and not a county's name without its suffix (密云 of 密云区)
    assert bodies("与/p 密云/ORG 携手/v 发展/v 。/w") == []
    # a title after the name says it is whole (澄禾珠宝|总裁), as a place word does after a short one
    assert bodies("澄禾珠宝/ORG 总裁/n 沈东/PER 认为/v 。/w") == ["澄禾珠宝"]
    assert bodies("战胜/v 青岚/ORG 之后/f ，/w 球队/n 领先/v 。/w") == ["青岚"]
    # …and an ordinary noun after it does not make it the start of a longer name
    assert bodies("澄禾地产/ORG 工作人员/n 求/v 被告/n 帮忙/v 。/w") == ["澄禾地产"]
    # a name in Latin letters the model reads as a body
    assert bodies("据/p ESRB/ORG 评级/vn ，/w 游戏/n 改为/v 成人级/n 。/w") == ["ESRB"]


@pytest.mark.parametrize("words, word", [
    ("在/p 澄禾达/ORG 肉牛/n 养殖基地/n 调研/v 。/w", "澄禾达"),  # a part the model cut from a longer name
    ("推动/v 发展/vn 的/u “/w 智囊库/ORG ”/w 。/w", "智囊库"),  # a figure of speech in quotes
    ("维吾尔族/ORG 群众/n 参加/v 。/w", "维吾尔族"),  # a people
    ("湖南省工业/ORG 和/c 信息化厅/n 发文/v 。/w", "湖南省工业"),  # the start of a territory's body
])
def test_no_name_of_its_own(words, word):
    assert word not in bodies(words)


def test_a_meeting_is_no_body_and_an_ordinary_word_after_a_body_ends_none():
    # 协商会 is a meeting of the 政协, not an association
    assert bodies("县政协/ORG 举行/v 政府/n 工作报告/n 协商/vn 会/n 。/w") == ["县政协"]
    # 部署 starts after 财政局: the body ends before the ordinary word, not inside it
    assert bodies("岚皋县财政局/ORG 部署/v 全年/n 工作/n 。/w") == ["岚皋县财政局"]


def test_a_word_that_begins_with_a_body_suffix_ends_no_body():
    # 科技, 科学: no 科 (a section) of 新浪, of 北方石化新材料
    assert bodies("新浪科技讯/ORG 北京/LOC 时间/n 3月31日/TIME 消息/n 。/w") == []
    assert "北方石化新材料科" not in bodies("北方石化新材料科技产业基地/ORG 投产/v 。/w")


def test_the_congress_in_session_and_a_seat_in_it_are_no_bodies():
    assert bodies("十二届/m 人大/ORG 四次/m 会议/n 开幕/v 。/w") == []
    assert "县人大" not in bodies("县/n 人大/ORG 代表/n 韩春生/PER 发言/v 。/w")


@pytest.mark.parametrize("name, territory", [
    ("望城区人民政府", "望城区"),
    ("甘南州扶贫开发办公室", "甘南州"),
    ("江西省抚州市临川县人民法院", "临川县"),
    ("望城區人民政府", "望城區"),  # as written
    ("青禾农业发展有限公司", None),
])
def test_territory_of_body(name, territory):
    assert territory_of_body(name, LEX) == territory


@pytest.mark.parametrize("source, outlet", [
    ("青岚社兰州5月22日电", "青岚社"),
    ("岚山时报讯", "岚山时报"),
    ("来源：岚山日报", "岚山日报"),
    ("本报讯", None),
])
def test_outlet_name(source, outlet):
    assert outlet_name(source) == outlet


# --- People ------------------------------------------------------------------------------------

def test_the_models_names_are_kept_when_they_read_as_names():
    assert people("副县长/n 邱明达/PER 讲话/v 。/w") == [("邱明达", "model")]
    assert people("村民/n 欧阳晓峰/PER 说/v 。/w") == [("欧阳晓峰", "model")]


def test_a_name_the_model_cut_short_is_completed():
    # after a category word, the model stopped before the name's last character
    assert people("村民/n 龙海/PER 全/d 来到/v 村委会/n 。/w") == [("龙海全", "model")]
    # …or one character short before a break
    assert people("柯望/PER 舒/n 、/w 邵文杰/PER 参加/v 。/w") == [("柯望舒", "model"), ("邵文杰", "model")]
    assert people("白玛次/PER 旦/n ，/w 男/a ，/w 藏族/nz 。/w") == [("白玛次旦", "model")]
    # …or after a title, before a verb
    assert people("随/v 第一/m 书记/n 覃明/PER 党/n 走进/v 村子/n 。/w") == [("覃明党", "model")]


def test_a_name_the_model_cut_at_its_middle_dot():
    # …and read the part after it as a verb: the name ends with the model's word
    assert people("阿依努尔·/PER 买买提/v 说/v 。/w") == [("阿依努尔·买买提", "model")]


def test_a_post_inside_the_models_name_cuts_it():
    # 任代 of 获任代县长, 钟书记: what is left is no name
    assert people("获/v 任代/PER 县长/n 。/w") == []
    assert people("钟书记/PER 来/v 了/u 。/w") == []


@pytest.mark.parametrize("words", [
    "王大姐/PER 笑/v 了/u 。/w",  # a way of addressing someone
    "岚山/PER 发展/v 很快/d 。/w",  # the short form of a place of the page
])
def test_references_and_place_stems_are_no_people(words):
    assert people(words, frozenset({"岚山"})) == []


def test_a_name_after_a_title_is_a_person_even_where_the_model_missed_it():
    # Hunan county news: the model read the name as a proper noun, not a person's
    assert people("县长/n 陈晓安/nz 出席/v 会议/n 。/w") == [("陈晓安", "rule:after-title")]
    # Tibet: no Han surname, a title before it
    assert people("院长/n 扎西顿珠/nz 介绍/v ，/w") == [("扎西顿珠", "rule:after-title")]
    # Xinjiang: a name with a middle dot, up to the word that follows names, even where the
    # model cut it into pieces
    assert people("副县长/n 玉苏/LOC 普江/LOC ·/w 艾买提/PER 主持会议/v 。/w") == [
        ("玉苏普江·艾买提", "rule:after-title")]
    # a name that is also a common word (白杨, a poplar) is a name in a list of names after a post
    assert people("委员/n 白杨/n 、/w 闵秀娟/PER 参加/v 。/w") == [("白杨", "rule:after-title"), ("闵秀娟", "model")]
    assert people("委员/n 白杨/n 参加/v 。/w") == []


def test_a_long_name_the_model_reads_whole_after_a_title():
    """Inner Mongolia: a Mongolian name of five characters, whose first character is also a Han
    surname, is a person when the model reads it as one and a title stands before it."""
    assert people("锡林郭勒盟正蓝旗巴音嘎查党支部/ORG 书记/n 苏和巴特尔/PER 介绍/v ，/w") == [
        ("苏和巴特尔", "model")]  # (the model's name, kept: spelled in the characters of Mongolian names)


def test_names_a_byline_runs_together_are_not_one_long_name():
    """After 记者 names are a list the layout may have run together: 韩冬雪罗青松 is no one name."""
    assert ("韩冬雪罗青松", "rule:after-title") not in people("（/w 记者/n 韩冬雪罗青松/PER ）/w")


def test_a_name_the_model_misreads_after_a_title():
    """Qinghai, Beijing: a Tibetan name the model reads as a verb or cuts after its first
    character, a name glued to the title's last character, a name before an adverb."""
    assert people("玉树州/LOC 副县长/n 拉毛措/v 参会/v 。/w") == [("拉毛措", "rule:after-title")]
    assert [name for name, _how in people("玉树州/LOC 副县长/n 拉/v 毛措/LOC ，/w 院长/n 达娃/PER 出席/v 。/w")] \
        == ["拉毛措", "达娃"]
    assert people("丰台区/LOC 区/n 长冀岩/LOC 表示/v ，/w") == [("冀岩", "rule:after-title")]
    assert people("村/n 选举/vn 委员会/n 组长/n 达/PER 久/ad 宣布/v ：/w") == [("达久", "rule:after-title")]
    # 由 is a surname too, but not where the model reads it as a preposition before a name
    assert people("执行/vn 主席/n 由/p 杨正明/PER 、/w 梁承祥/PER 担任/v 。/w") == [
        ("杨正明", "model"), ("梁承祥", "model")]
    assert people("区长/n 冀/n 岩/n 均/d 曾/d 在/p 市建委/ORG 任职/v 。/w") == [("冀岩", "rule:after-title")]


def test_a_surname_the_model_reads_as_a_preposition_before_a_given_name():
    """Hubei: 执行主席向|海峰主持会议 — 向 is the surname where no preposition's object can stand
    after the name (主持, a list's comma); 县长向记者介绍, 向王明介绍 stay as the model reads them."""
    assert people("执行/vn 主席/n 向/p 海峰/PER 主持/v 会议/n 。/w") == [("向海峰", "rule:after-title")]
    assert [n for n, _ in people("副县长/n 向/p 海峰/PER 、/w 于明/PER 出席/v 。/w")] == ["向海峰", "于明"]
    assert people("县长/n 向/p 记者/n 介绍/v 情况/n 。/w") == []
    assert people("县长/n 向/p 王明/PER 介绍/v 情况/n 。/w") == [("王明", "model")]


def test_a_word_between_two_names_of_a_list_is_a_name():
    """Shenzhen, Chongqing: the model reads a name of a list as a place (高雄) or cuts it (江国|初)."""
    found = people("危朝安/PER 、/w 陈章良/PER 、/w 高雄/LOC 、/w 蒋济雄/PER 等/u 参加/v 会见/vn 。/w")
    assert ("高雄", "rule:name-list") in found
    found = people("蒋道超/PER 、/w 江国/LOC 初/n 、/w 刘玉红/PER 在/p 主席台/n 就座/v 。/w")
    assert ("江国初", "rule:name-list") in found
    assert ("字晶", "rule:name-list") in people("刘宁/PER 、/w 字晶/n 、/w 靳雷/PER 参加/v 。/w")
    # …but places listed with places stay places
    assert people("他/r 到/v 北京/LOC 、/w 上海/LOC 、/w 广州/LOC 考察/v 。/w") == []


@pytest.mark.parametrize("words", [
    "荣获/v 市长/n 质量奖/n 。/w",  # the model's common word after a title is no name
    "主任/n 带头/vn 的/u 工作/n 。/w",
    "县长/n 陈述/v 了/u 理由/n 。/w",
    "县长/n 到/v 北京/LOC ，/w 书记/n 去/v 延安/LOC 调研/v 。/w",  # a verb and a place, no name
    "县长/n 强调说/v ，/w 要/v 抓好/v 落实/v 。/w",  # a verb of saying
    "县长/n 主持/v 召开/v 会议/n 。/w",
    "落户/v 在/p 长丰街道办事处/ORG 长丰村/LOC 。/w",  # 办事处|长丰村 is no 处长 glued to a name
])
def test_no_person_after_a_title(words):
    assert people(words) == []


@pytest.mark.parametrize("name, expected", [
    ("邱明达", True),
    ("欧阳晓峰", True),  # compound surname
    ("习远平", True), ("凤晓燕", True), ("令明远", True),  # rarer surnames
    ("王家村", False),  # a place ending
    ("林业局", False),
    ("扎西", False),  # no Han surname: only a title before it makes it a name
    ("邱", False),
    ("邱明达邵文杰", False),  # too long for one Han name
])
def test_looks_like_name(name, expected):
    assert looks_like_name(name, LEX) is expected


def test_name_after_title_gives_the_names_end():
    s = tagged("县长/n 陈晓安/n 出席/v")
    assert name_after_title(s, 2, LEX) == 5
    s = tagged("县长/n 出席/v 会议/n")
    assert name_after_title(s, 2, LEX) is None


# --- Names a cue makes certain -----------------------------------------------------------------------

def test_a_name_between_a_cue_and_a_post_is_a_person():
    # Jiangsu: the model takes the name after 任命 for a body
    assert ("钱勇", "rule:after-cue") in people(
        "会议/n 任命/v 钱勇/ORG 为/v 县人民法院审判委员会/ORG 委员/n 、/w 审判员/n 。/w")
    # …and in the second item of a list a colon-cue heads
    assert ("钟岳", "rule:after-cue") in people(
        "决定/v 免去/v ：/w 孙建华/PER 的/u 县教育局/ORG 局长/n 职务/n ；/w 钟岳/ORG 的/u 县民政局/ORG 局长/n 职务/n 。/w")


def test_no_name_where_no_cue_or_a_common_word_stands():
    """会议为… with no cue, and a body after 任命 that no post follows, make no person."""
    assert people("区政府/ORG 为/v 县人民医院/ORG 院长/n 颁奖/v 。/w") == []
    assert people("任命/v 程序/n 为/v 县委/ORG 书记/n 主持/v 。/w") == []


def test_a_cue_the_model_glues_to_a_body_is_in_neither_the_body_nor_a_place():
    """Gansu: 同志任县财政局 is one word of the model's; 同志任县 is no county."""
    s = tagged("韩玉梅/PER 同志任县财政局/n 党组/n 书记/n ，/w 提名/v 为/v 县财政局/ORG 局长/n 人选/n 。/w")
    assert [m.text for m in find_places(s, LEX)] == []
    assert not [b for b in bodies("韩玉梅/PER 同志任县财政局/n 党组/n 书记/n 。/w") if "同志" in b]
    posts = find_posts(s.text, LEX, char_tags=s.char_tag, token_starts=s.token_start, token_ends=s.token_end)
    assert [p.text for p in posts][:1] == ["县财政局党组书记"]


@pytest.mark.parametrize("words, body", [
    ("青川县融媒体中心/n 记者/n 报道/v 。/w", "青川县融媒体中心"),
    ("记者/n 从/p 临江日报社/n 获悉/v 。/w", "临江日报社"),
    ("青川县广播电视台/n 台长/n 出席/v 。/w", "青川县广播电视台"),
])
def test_media_bodies_by_their_endings(words, body):
    assert body in bodies(words)



def test_a_mongolian_name_the_model_reads_as_a_pronoun_and_a_noun_is_a_name_after_a_title():
    # Inner Mongolia: 其其|格 after 党委书记, up to the comma
    assert ("其其格", "rule:after-title") in people("苏木/n 党委书记/n 其其/r 格/n ，/w 嘎查长/n 陪同/v 。/w")
    # …but a pronoun of two characters after a title is no name
    assert people("党委书记/n 他们/r ，/w 一行/m 陪同/v 。/w") == []


def test_a_name_the_model_glued_to_a_core_of_three_characters_is_cut_from_it():
    """嘎查|达朝鲁: the title 嘎查达 runs into the model's name; 朝 is no Han surname."""
    s = tagged("党支部/n 书记/n 、/w 嘎查/v 达朝鲁/PER 陪同/v 调研/v 。/w")
    posts = find_posts(s.text, LEX, char_tags=s.char_tag, token_starts=s.token_start, token_ends=s.token_end)
    assert [p.text for p in posts] == ["党支部书记", "嘎查达"]
    assert ("朝鲁", "rule:after-title") in people("党支部/n 书记/n 、/w 嘎查/v 达朝鲁/PER 陪同/v 调研/v 。/w")



def test_a_name_of_two_single_characters_in_a_list_of_names():
    """孙立、钱|红、赵刚: the model read 钱红 as a noun and an adjective; between two names it is one."""
    assert ("钱红", "rule:name-list") in people("选举/v 孙立/PER 、/w 钱/n 红/a 、/w 赵刚/PER 分别/d 为/v 主任/n 。/w")


def test_a_model_name_with_no_han_surname_that_takes_a_post_is_a_person():
    """Tibet: 拉巴 and 次琼 have no Han surname; the clause gives them posts."""
    found = people("拉巴/PER 和/c 次琼/PER 分别/d 以/p 71票/m 、/w 70票/m 获/v 任/v 村委会/n 副主任/n 和/c 村委会/n "
                   "委员/n 。/w")
    assert [n for n, _how in found] == ["拉巴", "次琼"]
    # …not a word the model calls a name that takes no post
    assert people("央金/PER 笑着/v 说/v 。/w") == []



def test_a_tibetan_name_the_model_cut_a_syllable_short():
    """Tibet: 洛央曲|扎 — the model's name and one syllable after it, all of Tibetan names."""
    assert ("洛央曲扎", "model") in people("村/n 党支部/n 书记/n 洛央曲/PER 扎/v 自信/n 满满/a 。/w")
    # …but a Han name is not lengthened by the character after it
    assert ("林国华", "model") in people("林国华/PER 说/v 。/w")


def test_a_tibetan_name_of_three_syllables_or_more_is_a_name():
    assert ("次仁央宗", "model") in people("次仁央宗/PER 介绍/v 了/u 情况/n 。/w")



@pytest.mark.parametrize("words, place", [
    ("这些/r 故事/n 吸收/v 了/u 埃及/LOC 、/w 印度/LOC 的/u 文化/n 。/w", "埃及"),  # ends in 及: no phrase
    ("在/p 远征/v 越南/LOC 时/n 战死/v 。/w", "越南"),  # a country (CLDR) whatever stands around it
])
def test_a_country_of_two_characters_is_a_place(words, place):
    assert place in [name for name, _level in places(words)]


def test_a_connector_between_two_whole_village_names_joins_them():
    """岚溪村和前进村: 和 joins two villages; in 宋河镇|和|兴村 (a name of one character the model cut
    off) it begins the name."""
    assert [n for n, _ in places("岚溪村/LOC 和/c 前进/LOC 村/n 党支部/n 书记/n 王明/PER 出席/v 。/w")] == ["岚溪村", "前进村"]
    assert [n for n, _ in places("宋河镇/LOC 和/c 兴村/LOC 驻/v 村/n 干部/n 说/v 。/w")] == ["宋河镇", "和兴村"]


def test_the_home_country_alone_is_no_place():
    """中国 is the country of every story: a place node for it would tie all of them together."""
    assert places("这是/v 中国/LOC 首个/m 数字/n 乡村/n 试点/n 。/w") == []
    assert places("這是/v 中國/LOC 首個/m 試點/n 。/w") == []
    # …a province and a foreign country beside it still are
    assert [n for n, _ in places("越南/LOC 与/c 中国/LOC 广西/LOC 接壤/v 。/w")] == ["越南", "广西"]


def test_a_two_character_place_word_of_the_model_is_still_checked():
    """惠民|政策: two characters the model reads as a place, in a phrase, are a word."""
    assert places("落实/v 惠民/LOC 政策/n 。/w") == []


@pytest.mark.parametrize("words", [
    "到/p 南京路/LOC 某号/n 办理/v 。/w",  # a road named after a city is not the city
    "天津港/LOC 的/u 进口/vn 大豆/n 。/w",  # nor is a port
])
def test_a_road_or_port_named_after_a_city_is_not_the_city(words):
    assert not [name for name, _level in places(words) if name in ("南京", "天津")]



def test_the_bodies_of_a_kind_together_are_no_body():
    """全区监狱系统, 全县公安系统: a sector, not one prison or bureau."""
    assert bodies("全区/n 监狱/n 系统/n 开展/v 帮扶/vn 。/w") == []
    assert bodies("青川县监狱/ORG 开展/v 帮扶/vn 。/w") == ["青川县监狱"]




@pytest.mark.parametrize("words, name", [
    ("居委会/n 主任/n 王芳/PER 正/d 带领/v 工作/vn 人员/n 走访/v 。/w", "王芳"),  # after a title
    ("村民/n 李明/PER 也/d 参加/v 了/u 活动/vn 。/w", "李明"),  # after a category word
    ("临安人/n 李燕/PER 则/d 为/v 1972年/TIME 生人/n 。/w", "李燕"),  # 则: then
])
def test_an_adverb_after_a_name_is_no_part_of_it(words, name):
    assert [n for n, _how in people(words)] == [name]


def test_a_street_named_after_its_former_town_is_one_territory():
    """Shandong: 某镇街道 is a street office's territory, not a town and a street."""
    assert places("走进/v 青禾镇街道书院/LOC 社区/n ，/w 居民/n 很/d 满意/a 。/w") == [
        ("青禾镇街道", "街道"), ("书院社区", "社区")]



def test_a_village_the_model_misread_right_after_its_territory():
    """Inner Mongolia: 乌兰图雅苏木|白音塔拉|嘎查 — a noun and a 'verb' of the model's make the gacha."""
    assert ("白音塔拉嘎查", "嘎查") in places("阿巴嘎旗/LOC 乌兰图雅苏木/LOC 白音塔拉/n 嘎查/v 牧民/n 其木格/PER 来到/v 。/w")
    # …not words that are no name (在 一个 村)
    assert ("召开村", "村") not in places("青石镇/LOC 召开/v 村/n 干部/n 会议/n 。/w")


def test_a_place_word_opening_with_a_suffix_ends_the_territory_before_it():
    """巴音查干|图|苏木白音嘎查: the 苏木 closes 巴音查干图苏木; 白音嘎查 lies in it; no person 巴音查干."""
    words = "距/v 巴音查干/PER 图/n 苏木白音嘎查/LOC 的/u 牧户/n 。/w"
    assert places(words) == [("巴音查干图苏木", "苏木"), ("白音嘎查", "嘎查")]


def test_a_dotted_name_whose_dot_the_model_reads_apart():
    """Xinjiang: 艾力|·|买合木提 is one name."""
    assert people("牧民/n 艾力/PER ·/w 买合木提/PER 这样/r 告诉/v 笔者/n 。/w") == [("艾力·买合木提", "model")]
    # …the part after the dot the model reads as a verb
    assert people("网格员/n 阿依努尔/PER ·/w 买买提/v 每天/TIME 走访/v 。/w") == [("阿依努尔·买买提", "model")]
    # …but not a word that follows names
    assert people("牧民/n 艾力/PER ·/w 表示/v 感谢/v 。/w") == [("艾力", "model")]


def test_names_the_model_reads_as_bodies_after_a_title():
    """Tibet: 妇联主席央金也参加 — a Tibetan name read as a body; Inner Mongolia: 嘎查长额尔德|木图，
    a Mongolian name cut into a body and a noun. Neither is a body."""
    assert people("妇联/ORG 主席/n 央金/ORG 也/d 参加/v 了/u 座谈/vn 。/w") == [("央金", "rule:after-title")]
    words = "巴彦某嘎查党支部/ORG 书记/n 、/w 嘎查/v 长/a 额尔德/ORG 木图/n ，/w 是/v 能手/n 。/w"
    assert ("额尔德木图", "rule:after-title") in people(words)
    assert "额尔德" not in bodies(words)


def test_a_courts_short_name_and_the_name_the_model_glued_to_it():
    """Hubei courts: 岚山区院方明远院长介绍 — the district's 院 (its court), then the name, then the title."""
    words = "岚山区/LOC 院方明/n 远/n 院长/n 介绍/v 了/u 情况/n 。/w"
    assert ("方明远", "rule:before-title") in people(words)
    assert "岚山区院" in bodies(words)
    # …a courtyard is no court (小区院落)
    assert bodies("岚山区/LOC 院落/n 整洁/a 。/w") == []


def test_a_surname_the_model_glued_to_the_title_before_it():
    """县委书记令|明远同志: the title, then the whole name (令 is a surname too)."""
    assert people("县委书记令/n 明远/PER 同志/n 出席/v 会议/n 。/w") == [("令明远", "rule:after-title")]


def test_yi_names_open_with_a_family_name_of_two():
    """Sichuan (Liangshan): 吉克|石日, 海|来|阿呷 — a Yi family name, then the given name."""
    assert people("乡党委/ORG 书记/n 吉克/PER 石日/TIME 介绍/v 。/w") == [("吉克石日", "model")]
    assert people("副乡长/n 海/PER 来/v 阿呷/PER 参加/v 会议/n 。/w") == [("海来阿呷", "rule:after-title")]
    # …a Han name of a compound surname stays whole (欧阳明说)
    assert people("欧阳明/PER 说/v 。/w") == [("欧阳明", "model")]


def test_a_way_of_addressing_after_a_category_is_no_name():
    assert people("村民/n 周大姐/PER 笑着/vd 说/v 。/w") == []


def test_a_mongolian_name_the_model_cut_into_one_character_words():
    """苏木党委书记乌云|其|其|格说: one name of five; a Han name is not lengthened so (王明|说)."""
    assert people("苏木/n 党委书记/n 乌云/PER 其/r 其/r 格/n 说/v 。/w") == [("乌云其其格", "model")]
    assert people("格日乐图雅/PER 还是/v 一名/m 护边员/n 。/w") == [("格日乐图雅", "model")]
    assert people("党委书记/n 王明/PER 说/v 。/w") == [("王明", "model")]


def test_a_mongolian_name_the_model_cut_into_pieces_around_its_name_word():
    """好邻居乌日娜|其|木格成为…: the model's name word is the last piece; the pieces spelled in the
    characters of Mongolian names around it are one name. Two names and a connector stay two."""
    assert people("好/a 邻居/n 乌日娜/nz 其/r 木格/PER 成为/v 党员/n 中心户/n 。/w") == [("乌日娜其木格", "model")]
    assert [n for n, _ in people("布莱尔/PER 和/c 卡梅伦/PER 作为/p 首相/n 。/w")] == ["布莱尔", "卡梅伦"]


def test_a_village_after_its_township_in_one_of_the_models_words():
    """Inner Mongolia: 宝力格苏木巴彦德勒格尔嘎查党支部 in one word — the sumu, then the gacha."""
    found = places("锡林郭勒盟/LOC 宝力格苏木巴彦德勒格尔嘎查党支部/ORG 书记/n 出席/v 。/w")
    assert ("宝力格苏木", "苏木") in found and ("巴彦德勒格尔嘎查", "嘎查") in found


def test_a_neighbourhood_the_model_cut_before_its_last_character_or_read_as_a_number():
    """Hubei: 三桂|里|社区 is one community; 三桂里社区党委 read as one number is the community's
    committee (a word of numbers with characters no number has)."""
    assert ("三桂里社区", "社区") in places("下沉/v 到/v 岚山街/LOC 三桂/LOC 里/f 社区/n 任/v 职/n 。/w")
    assert ("三桂里社区", "社区") in places("岚山街/LOC 三桂里社区党委/m 书记/n 李明/PER 出席/v 。/w")
    assert bodies("岚山街/LOC 三桂里社区党委/m 书记/n 李明/PER 出席/v 。/w") == ["三桂里社区党委"]
    # …a number stays a number (三十五|社区: thirty-five communities)
    assert places("全区/n 三十五个/m 社区/n 开展/v 活动/vn 。/w") == []


def test_a_level_with_its_twin_in_brackets_is_no_place():
    """划分乡（镇）办、村（社区）: the levels in general, though the model reads 划分乡 as a place."""
    assert places("划分乡/LOC （/w 镇/n ）/w 办/v 、/w 村/n （/w 社区/n ）/w 三级/m 网格/n 。/w") == []


def test_two_levels_written_together_are_no_place():
    """派驻盟市, 沿海省市: the territories of two levels in general; a town named with a level
    character keeps its name (宋河旗镇), as does a division (沙市区)."""
    assert places("向/p 派驻盟市/LOC 的/u 工作组/n 提出/v 要求/n 。/w") == []
    assert places("沿海省市/LOC 积极/ad 响应/v 。/w") == []
    assert places("荆州市/LOC 沙市区/LOC 召开/v 会议/n 。/w") == [("荆州市", "市"), ("沙市区", "区")]


def test_agriculture_and_rural_affairs_is_no_village():
    """县农业农村|局 (the model's words): 农业农村 is the bureau's field, no 村."""
    assert places("县农业农村/n 局/n 干部/n 尼玛/PER 介绍/v 。/w") == []


def test_dai_names_open_with_a_mark_as_others_with_a_surname():
    """Yunnan: 罕 and 岩 open Dai names; after a title the name is certain."""
    assert people("副主席/n （/w 兼职/vn ）/w 罕玉梅/PER 主持/v 会议/n 。/w") == [("罕玉梅", "model")]
    assert people("村委会/n 主任/n 岩温香/PER 介绍/v 。/w") == [("岩温香", "model")]


def test_a_dotted_name_ends_where_the_models_word_after_the_dot_ends():
    """Xinjiang: 行署专员买买提依明·阿不都拉陪同 — the name is not cut at 都 (a word that may follow a name)."""
    found = people("行署/n 专员/n 买买提依明/v ·/w 阿不都拉/PER 陪同/v 。/w")
    assert ("买买提依明·阿不都拉", "rule:after-title") in found


def test_a_cue_the_model_glued_to_a_name_before_a_post():
    """Xinjiang: 唐武任|第十三师党委书记 — the name is 唐武, 任 the cue of the post after it."""
    found = people("会议/n 宣布/v ：/w 唐武任/PER 第十三/m 师/n 党委书记/n 。/w")
    assert found == [("唐武", "model")]
    # …a name ending so after a title is the name (县长张国任出席)
    assert people("县长/n 张国任/PER 出席/v 会议/n 。/w") == [("张国任", "model")]



def test_a_name_that_is_also_a_word_in_a_list_of_titled_names():
    """局长高峰、局长何丽: 高峰 (a peak) is a name where a list of titled names goes on after it…"""
    found = people("县财政局/ORG 局长/n 高峰/n 、/w 县农业农村局/ORG 局长/n 何丽/PER 发言/v 。/w")
    assert ("高峰", "rule:after-title") in found
    # …not where the word ends the sentence's thought (县长高度重视)
    assert people("县长/n 高度/d 重视/v 。/w") == []



def test_a_name_after_a_word_for_a_kind_of_person():
    """Shaanxi: 看望90岁高龄老人祝某 — the model read the name as a verb."""
    assert ("祝一青", "rule:after-category") in people("看望/v 90岁/m 高龄/n 老人/n 祝一青/v 。/w")
    # …not a preposition and a pronoun (群众连谁是党员都不清楚), nor a name cutting a word (村民王群|联系)
    assert people("群众/n 连/p 谁/r 是/v 党员/n 都/d 不/d 清楚/a 。/w") == []
    assert ("王群联", "rule:after-category") not in people("村民/n 王群/n 联系/v 了/u 十户/m 。/w")



def test_a_level_word_is_no_name():
    """乌兰图雅|苏木/PER: the model takes the township word for a name (苏 is a surname)."""
    assert not looks_like_name("苏木", LEX) and not looks_like_name("嘎查", LEX)
    assert looks_like_name("苏木林", LEX)



def test_a_title_core_inside_the_models_word_does_not_cut_a_bodys_stem():
    """Shandong: 青州市|长城电器… in one word of the model's — 市长 is no title there."""
    assert bodies("青州市长城电器有限公司/ORG 、/w 青禾集团/ORG 考察/v 。/w") == [
        "青州市长城电器有限公司", "青禾集团"]



def test_a_body_of_a_two_character_territory_keeps_the_territory_before_it():
    assert bodies("甘肃城区人民法院/ORG 召开/v 会议/n 。/w") == ["甘肃城区人民法院"]



def test_a_place_before_a_word_that_starts_with_a_level_character_is_kept():
    """白鹭河|区域: 区域 (a region) is a word, no suffix; 帮扶|村 is none."""
    assert ("白鹭河", "") in places("整个/b 白鹭河/LOC 区域/n 环境/n 变化/vn 。/w")
    assert places("帮扶/LOC 村/n 干部/n 。/w") == []



@pytest.mark.parametrize("words, place", [
    ("像/v 崇礼/LOC 这样/r 的/u 地区/n 发展/vn 快/a 。/w", "崇礼"),  # 崇礼区, written short
    ("到/v 泗水/LOC 不足/a 一年/TIME 。/w", "泗水"),  # 泗水县
])
def test_the_short_name_of_one_division_is_a_place_with_no_noun_after_it(words, place):
    assert place in [name for name, _level in places(words)]


def test_a_short_division_name_before_a_noun_stays_a_word():
    assert places("落实/v 惠民/LOC 政策/n 。/w") == []  # 惠民县, but 惠民|政策 is a word

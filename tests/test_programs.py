"""Programs (extract/programs.py): named policies, campaigns, systems, honours and documents,
found in quotes, in book-title marks, by a head word (program_heads.tsv) or after an award
verb. Sentences are tagged by hand as the NER model tags them; no model runs."""

from __future__ import annotations

import pytest

from govkg.extract.lexicon import default_lexicon
from govkg.extract.programs import DOCUMENT_STAGE, find_programs
from support.handtagged import tagged

LEX = default_lexicon()


def programs(words: str) -> list[str]:
    return [m.text for m in find_programs(tagged(words), LEX)]


def test_numbered_slogans_in_quotes():
    assert programs("该区/r 按照/p 开工/v 一批/m 、/w 竣工/v 一批/m “/w 五个/m 一批/m ”/w 工作/vn 思路/n ，/w "
                    "全力/d 抓/v ‘/w 三稳/m ’/w 、/w 促/v ‘/w 四保/n ’/w 。/w") == ["五个一批", "三稳", "四保"]


def test_a_marker_outside_the_quotes_belongs_to_the_name():
    assert programs("岚皋县/LOC 推行/v “/w 茶桌/n 说事/v ”/w 制度/n ，/w 群众/n 满意度/n 明显/ad 提升/v 。/w") == [
        "茶桌说事制度"]


def test_an_honour_in_quotes_and_after_an_award_verb():
    assert programs("岚皋县人民检察院/ORG 荣获/v “/w 全省/n 文明/a 单位/n 标兵/n ”/w 荣誉/n 称号/n 。/w") == [
        "全省文明单位标兵"]
    assert programs("石门镇/LOC 被/p 评为/v 省级/a 卫生/an 乡镇/n 称号/n 。/w") == ["省级卫生乡镇"]


def test_unquoted_names_ended_by_a_head_word():
    assert programs("以/p 网格化/vn 管理/vn 制度/n 为/v 抓手/n ，/w 推进/v 基层/n 治理/vn 。/w") == ["网格化管理制度"]
    assert "安全生产专项整治三年行动" in programs("开展/v 安全/a 生产/vn 专项/a 整治/vn 三年/TIME 行动/n 。/w")
    assert programs("深入/ad 开展/v 党史/n 学习/vn 教育/vn 。/w") == ["党史学习教育"]
    # a body of thought: the model's words include a person's name
    assert programs("以/p 邵文杰/PER 育种/vn 理论/n 为/v 指导/vn 。/w") == ["邵文杰育种理论"]


def test_a_campaign_named_by_its_action():
    """实施兴边富民行动, 开展农村人居环境整治行动: an action of four characters' name or more is a
    campaign; 迅速行动, 共同行动 are ways of acting."""
    assert programs("大力/d 实施/v 兴边/vn 富民/vn 行动/n 。/w") == ["兴边富民行动"]
    assert programs("各/r 部门/n 要/v 迅速/ad 行动/v 起来/v 。/w") == []
    assert programs("全县/n 上下/f 共同/d 行动/v 。/w") == []


def test_a_count_is_not_part_of_an_honours_name():
    assert programs("全县/n 评出/v 17个/m 平安/a 创建/vn 先进集体/n 。/w") == ["平安创建先进集体"]


def test_documents_in_book_title_marks():
    found = programs("审议/v 《/w 岚皋县/LOC 乡村/n 振兴/vn 促进/v 条例/n （/w 修订/v 草案/n ）/w 》/w 。/w")
    assert found == ["岚皋县乡村振兴促进条例（修订草案）"]
    # the document's stage is no part of its name (the graph's canonical name drops it)
    assert DOCUMENT_STAGE.sub("", found[0]) == "岚皋县乡村振兴促进条例"


def test_an_inspection_round():
    assert programs("十九届/m 省委/ORG 第三轮/m 巡视/v 反馈/vn 会/v 召开/v 。/w") == ["十九届省委第三轮巡视"]


@pytest.mark.parametrize("words", [
    # a nickname and a manner of speaking in quotes
    "被/p 乡亲们/n 誉为/v “/w 活地图/n ”/w 的/u 村委会/n 主任/n 说/v ，/w “/w 心贴心/n ”/w 感受/v 警示/vn 教育/vn 。/w",
    # 两委 alone is the village's two committees, not a program; 一把手 is the head of a unit
    "村/n “/w 两委/n ”/w 班子/n 成员/n 参加/v 培训/vn 。/w",
    "他/r 是/v 单位/n 的/u “/w 一把手/n ”/w 。/w",
    # a number alone
    "推进/v “/w 三八/m ”/w 红旗手/n 评选/v 。/w",
    # a newspaper and a session's paperwork are no programs
    "据/p 《/w 岚山日报/nw 》/w 报道/v 。/w",
    "会议/n 通过/v 了/u 《/w 主席团/nw 成员/n 名单/n 》/w 。/w",
    # a generic activity
    "做好/v 疫情/n 防控/vn 工作/n 。/w",
    # a body's study of theory (理论学习中心组): no body of thought named after the body
    "岚皋县委/ORG 理论/n 学习/vn 中心/n 组/n 举行/v 集体/n 学习/v 。/w",
    "县政府/ORG 党组/n 理论/n 学习/vn 中心组/n 开展/v 学习/v 。/w",
])
def test_no_program(words):
    assert programs(words) == []


def test_a_numbered_word_is_a_slogan_with_a_programs_verb():
    """“两委” alone is no program; with the verb of a program (开展“两委”…) the quotes make it one."""
    assert programs("开展/v “/w 两委/n ”/w 换届/vn 。/w") == ["两委"]


def test_numbered_slogans_quoted_together_are_one_campaign():
    assert programs("为/p 推进/v “/w 打好/v 一个/m 攻坚战/n 、/w 实现/v 三个/m 新/a 突破/vn ”/w 打开/v 思路/n 。/w") == [
        "打好一个攻坚战、实现三个新突破"]


def test_a_quoted_list_before_a_strategys_head_is_one_strategy():
    """Sichuan: 实施省委“四化同步、城乡融合、五区共兴”发展战略 — the strategy its items make up."""
    assert programs("实施/v 省委/ORG “/w 四化/n 同步/vd 、/w 城乡/n 融合/vn 、/w 五区/n 共兴/v ”/w 发展/vn 战略/n 。/w") \
        == ["四化同步、城乡融合、五区共兴"]
    # …but a list of quoted phrases with no head word after it is none
    assert programs("他/r 说/v “/w 要/v 同步/vd 、/w 要/v 融合/vn ”/w 发展/vn 。/w") == []


def test_a_governments_work_report_is_a_document_with_or_without_its_territory():
    assert programs("向/p 大会/n 作/v 政府/n 工作/vn 报告/n 。/w") == ["政府工作报告"]
    assert programs("一图/n 读懂/v 坪山区/LOC 政府/n 工作/vn 报告/n ：/w") == ["坪山区政府工作报告"]
    assert programs("他/r 在/p 工作/vn 报告/n 中/f 说/v 。/w") == []
    assert programs("举行/v 政府/n 工作/vn 报告/n 协商会/n 。/w") == ["政府工作报告"]
    # …a document delivered, read or met on, not one a task is put into
    assert programs("将/p 创建/vn 工作/vn 列入/v 区/n 政府/n 工作/vn 报告/n 。/w") == []


def test_an_honour_with_a_two_character_stem():
    assert programs("16个/m 获/v 巾帼/n 文明岗/n ；/w") == ["巾帼文明岗"]


def test_a_campaign_quoted_after_a_verb_of_fighting_it():
    """整治“四风”, 反对“四风”: the campaign against the four styles of work."""
    assert programs("执行/v 八项/m 规定/n 和/c 整治/v “/w 四风/n ”/w 情况/n 。/w") == ["四风"]


def test_quotations_listed_with_a_program_are_programs():
    assert programs("围绕/v “/w 基层/n 治理/vn 提升年/n ”/w 、/w “/w 作风/n 建设年/n ”/w 作出/v 努力/n 。/w") == [
        "基层治理提升年", "作风建设年"]
    # …but quoted speech in a list is none
    assert programs("他/r 说/v “/w 我们/r 很/d 高兴/a ”/w 、/w “/w 非常/d 感谢/v ”/w 。/w") == []


def test_a_quotation_an_activity_is_named_for():
    assert programs("“/w 美丽/a 乡村/n 行/v ·/w 走进/v 岚山/LOC ”/w 大型/b 采访/vn 活动/vn 启动/v 。/w") == [
        "美丽乡村行·走进岚山"]
    assert programs("他/r 说/v “/w 我们/r 很/d 高兴/a ”/w ，/w 参加/v 活动/vn 。/w") == []
    # the name before a longer description of the activity (五地市媒体集中采访活动)
    assert programs("“/w 走进/v 闽西南/LOC ”/w 五/m 地市/n 媒体/n 集中/v 采访/vn 活动/vn 启动/v 。/w") == ["走进闽西南"]


def test_an_honour_by_its_head_starts_after_the_count_and_the_award_verb():
    assert programs("县/n 财政局/ORG 等/u 18个/m 获/v 妇女/n 儿童/n 工作/n 先进集体/n ；/w "
                    "芙蓉学校/ORG 等/u 10个/m 家庭教育/n 工作/n 先进集体/n 。/w") == [
        "妇女儿童工作先进集体", "家庭教育工作先进集体"]

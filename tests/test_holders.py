"""Who holds which post (extract/holders.py), rule by rule, without the NER model: the posts
come from the title grammar, the names are the words tagged PER by hand (as the model tags
them), and the cues from cues.tsv. Statuses follow annotation.md: ``former`` for 原, 曾任,
免去, 不再担任…; ``proposed`` for 拟任, 提名为…, …候选人; current otherwise."""

from __future__ import annotations

import pytest

from govkg.extract.holders import Name, Passage, chains, link, session_number
from govkg.extract.lexicon import default_lexicon
from govkg.extract.titles import find_posts
from support.handtagged import tagged

LEX = default_lexicon()


def _read(words: str):
    s = tagged(words)
    posts = find_posts(s.text, LEX, char_tags=s.char_tag, token_starts=s.token_start, token_ends=s.token_end)
    names = [Name(start, end, tok.text) for start, end, tok in s.spans if tok.tag == "PER"]
    return s.text, posts, names


def holdings(words: str, passage: Passage | None = None, *fields: str):
    """(person, post, status) of each holding a sentence states, plus any other ``fields``."""
    text, posts, names = _read(words)
    out = []
    for h in link(text, posts, names, LEX, passage):
        out.append((h.person.text, h.post.text, h.status) + tuple(getattr(h, f) for f in fields))
    return out


# --- Posts before a name ------------------------------------------------------------------------

def test_a_chain_of_posts_before_a_name():
    assert holdings("会/n 上/f ，/w 县委/ORG 副书记/n 、/w 县长/n 陈晓林/PER 作/v 工作报告/n 。/w") == [
        ("陈晓林", "县委副书记", "current"), ("陈晓林", "县长", "current")]


def test_a_list_of_names_after_one_post():
    assert holdings("县委/n 常委/n 韩丽娜/PER 、/w 郑国栋/PER 和/c 邵文杰/PER 参加/v 调研/vn 。/w") == [
        ("韩丽娜", "县委常委", "current"), ("郑国栋", "县委常委", "current"), ("邵文杰", "县委常委", "current")]


def test_each_post_its_own_name():
    """陪同: the one accompanied holds the post before his own name."""
    assert holdings("县长/n 陈晓林/PER 陪同/v 市委书记/n 林浩然/PER 调研/v 。/w") == [
        ("陈晓林", "县长", "current"), ("林浩然", "市委书记", "current")]


def test_a_former_qualifier():
    assert holdings("原/a 县委书记/n 黄志远/PER 接受/v 审查/vn 。/w", None, "explicit") == [
        ("黄志远", "原县委书记", "former", True)]


def test_a_session_written_in_the_post():
    assert holdings("七届/m 州政协/ORG 主席/n 马文清/PER 出席会议/v 。/w", None, "session") == [
        ("马文清", "七届州政协主席", "current", 7)]


def test_a_title_after_a_name():
    assert holdings("刘振宇/PER 书记/n 在/p 会/n 上/f 强调/v 。/w") == [("刘振宇", "书记", "current")]


# --- A name, a cue, the posts ------------------------------------------------------------------

def test_a_career_cue_after_the_name():
    assert holdings("许建平/PER 此前/r 任/v 望谟县委/ORG 常委/n 、/w 宣传部/ORG 部长/n 。/w", None, "cue",
                    "explicit") == [("许建平", "望谟县委常委", "former", "此前任", True),
                                    ("许建平", "宣传部部长", "former", "此前任", True)]


def test_described_names_listed_before_wei_share_the_post():
    """推选…；州委副书记、州长A，地委书记B为副团长: A is elected too, each keeping the posts that
    describe them; a list whose 为 is no post's cue shares nothing (县长李四为大会作报告)."""
    found = holdings("州委/ORG 副书记/n 、/w 州长/n 李建华/PER ，/w 地委/ORG 书记/n 王成刚/PER 为/v 代表团/n 副团长/n 。/w")
    assert ("李建华", "代表团副团长", "current") in found and ("王成刚", "代表团副团长", "current") in found
    assert ("李建华", "州长", "current") in found
    # …and after a cue before the list, both are elected
    found = holdings("推选/v 州委/ORG 副书记/n 、/w 州长/n 李建华/PER ，/w 地委/ORG 书记/n 王成刚/PER 为/v 代表团/n "
                     "副团长/n 。/w", None, "event")
    assert {h for h in found if h[1] == "代表团副团长"} == {("李建华", "代表团副团长", "current", "elected"),
                                                       ("王成刚", "代表团副团长", "current", "elected")}
    found = holdings("县委/ORG 书记/n 张三/PER ，/w 县长/n 李四/PER 为/p 大会/n 作/v 报告/n 。/w")
    assert [(h[0], h[1]) for h in found] == [("张三", "县委书记"), ("李四", "县长")]


def test_a_clause_opened_by_a_span_of_time_is_the_sentences_persons():
    """…留校12年，最后3年多任学校团委书记: the clause has no subject of its own, only time words."""
    found = holdings("区委/ORG 书记/n 侯明舒/PER ，/w 1995年/TIME 毕业/v 后/f 留校/v 12年/TIME ，/w 最后/ad 3年/TIME "
                     "多任/m 学校/n 团委/n 书记/n 。/w")
    assert ("侯明舒", "学校团委书记") in [(h[0], h[1]) for h in found]


def test_qi_inside_a_name_is_no_pronoun():
    """宾德丽亚说，自从好邻居乌尼日其木格成为党员中心户后: 其 of a name the model did not read points at
    no one, so the post is not the speaker's."""
    found = holdings("宾德丽亚/PER 说/v ，/w 自从/p 好/a 邻居/n 乌尼日/TIME 其/r 木格/n 成为/v 网格员/n 后/f 。/w")
    assert found == []


def test_hong_kong_appoints_with_weiren():
    """Hong Kong: 行政长官某宣布，委任X为Y — the chief executive, and an appointment."""
    found = holdings("行政长官/n 李家明/PER 宣布/v ，/w 委任/v 邓咏思/PER 为/v 民政及青年事务局/ORG 局长/n 。/w",
                     None, "event")
    assert found == [("李家明", "行政长官", "current", ""), ("邓咏思", "民政及青年事务局局长", "current", "appointed")]


def test_one_of_a_kind_of_post_is_that_post():
    """王丽还是一名护边员, 担任一名网格员: the post with its count word between it and the cue."""
    assert holdings("王丽/PER 还是/v 一名/m 护/v 边员/n 。/w") == [("王丽", "护边员", "current")]
    assert holdings("王明/PER 担任/v 一名/m 网格员/n 。/w") == [("王明", "网格员", "current")]


def test_a_member_added_to_a_committee_is_elected():
    """增补X为…委员, 增选: a seat filled between sessions."""
    found = holdings("会议/n 增补/v 罕玉梅/PER 为/v 市妇联/ORG 执委会/n 委员/n 。/w", None, "event")
    assert found == [("罕玉梅", "市妇联执委会委员", "current", "elected")]


def test_the_posts_a_discipline_notice_says_were_abused_are_former():
    """利用担任…等职务上的便利: the posts of the offences, held before."""
    found = holdings("经查/v ，/w 柯一鸣/PER 背弃/v 初心/n ，/w 利用/v 担任/v 岚皋县委/ORG 书记/n 、/w 安康市/LOC 副市长/n "
                     "等/u 职务/n 上/f 的/u 便利/n 谋利/v 。/w")
    assert found == [("柯一鸣", "岚皋县委书记", "former"), ("柯一鸣", "安康市副市长", "former")]


@pytest.mark.parametrize("words, status, event", [
    ("王春燕/PER 当选/v 为/v 县妇联/ORG 主席/n 。/w", "current", "elected"),
    ("韦秀英/PER 不再/d 担任/v 县政协/ORG 副主席/n 。/w", "former", "removed"),
    ("罗明义/PER 辞去/v 县人大常委会/ORG 副主任/n 职务/n 。/w", "former", "removed"),
    ("邓嘉禾/PER 调任/v 岚皋县委/ORG 常委/n 。/w", "current", "moved"),
    ("邓嘉禾/PER 拟任/v 岚皋县委/ORG 常委/n 。/w", "proposed", "proposed"),
])
def test_cues_after_the_name_give_status_and_event(words, status, event):
    found = holdings(words, None, "event")
    assert [(h[2], h[3]) for h in found] == [(status, event)]


def test_a_candidate_is_proposed():
    assert holdings("孙立群/PER 被/p 提名/v 为/v 县长/n 候选人/n 。/w", None, "event") == [
        ("孙立群", "县长", "proposed", "proposed")]


def test_an_appointment_notice():
    """决定任命 X 为 Y: the cue before the name says how the post is held, not the 为 after it."""
    assert holdings("会议/n 决定/v 任命/v 严海涛/PER 为/v 岚山县人民政府/ORG 副县长/n 。/w", None, "event",
                    "cue") == [("严海涛", "岚山县人民政府副县长", "current", "appointed", "决定任命")]


def test_a_nomination_written_after_the_name_and_other_posts():
    """X任A、B，提名为C: the nomination's clause has the same subject and is a proposal."""
    assert holdings("龚雪梅/PER 任/v 岚山县委/ORG 副书记/n ，/w 提名/v 为/v 岚山县人民政府/ORG 县长/n 候选人/n 。/w",
                    None, "event") == [("龚雪梅", "岚山县委副书记", "current", "appointed"),
                                       ("龚雪梅", "岚山县人民政府县长", "proposed", "proposed")]
    assert holdings("龚雪梅/PER 推荐/v 为/v 岚山县人民政府/ORG 县长/n 。/w", None, "event") == [
        ("龚雪梅", "岚山县人民政府县长", "proposed", "proposed")]


def test_a_nomination_without_candidate_is_proposed():
    assert holdings("提名/v 龚雪梅/PER 为/v 岚山县人民政府/ORG 县长/n 。/w", None, "event") == [
        ("龚雪梅", "岚山县人民政府县长", "proposed", "proposed")]


def test_a_removal_notice():
    assert holdings("会议/n 决定/v 免去/v 何晓东/PER 的/u 岚山县人民政府/ORG 副县长/n 职务/n 。/w", None,
                    "event") == [("何晓东", "岚山县人民政府副县长", "former", "removed")]


def test_an_aside_in_brackets_and_a_career_clause():
    """焦长海（现任省人大常委会副主任）曾任唐河市委书记: the bracket is current, 曾任 former."""
    assert holdings("焦长海/PER （/w 现任/v 省人大常委会/ORG 副主任/n ）/w 曾/d 任/v 唐河/LOC 市委书记/n 。/w",
                    None, "explicit") == [("焦长海", "省人大常委会副主任", "current", True),
                                          ("焦长海", "唐河市委书记", "former", True)]


def test_a_proposed_post_before_the_name_and_a_current_one_after():
    assert holdings("拟/v 任/v 桐庐县委/ORG 书记/n 的/u 朱明亮/PER ，/w 现任/v 桐庐县委/ORG 副书记/n 、/w 县长/n 。/w"
                    ) == [("朱明亮", "桐庐县委书记", "proposed"), ("朱明亮", "桐庐县委副书记", "current"),
                          ("朱明亮", "县长", "current")]


def test_the_one_succeeded_held_the_post():
    assert holdings("杨东升/PER 接替/v 丁文浩/PER 担任/v 县委政法委/ORG 书记/n 。/w", None, "event") == [
        ("杨东升", "县委政法委书记", "current", ""), ("丁文浩", "县委政法委书记", "former", "succeeded")]


def test_a_past_adverb_with_the_subject():
    assert holdings("此前/r ，/w 丁文浩/PER 为/v 县委/n 常委/n 。/w") == [("丁文浩", "县委常委", "former")]


# --- Clauses with no name: the person the passage is about --------------------------------------

def test_a_career_clause_with_no_name_is_the_passages_person():
    passage = Passage()
    assert holdings("许建平/PER ，/w 男/a ，/w 1972年5月/TIME 生/v ，/w 贵州/LOC 望谟/LOC 人/n 。/w", passage) == []
    assert passage.topic.text == "许建平"
    assert holdings("2018年3月/TIME 任/v 望谟县扶贫开发办公室/ORG 主任/n ，/w 2020年6月/TIME 兼任/v 县/n 乡村/n "
                    "振兴/vn 局/n 局长/n 。/w", passage, "date_text", "concurrent") == [
        ("许建平", "望谟县扶贫开发办公室主任", "current", "2018年3月", False),
        ("许建平", "县乡村振兴局局长", "current", "2020年6月", True)]


def test_a_pronoun_is_the_passages_person():
    passage = Passage()
    holdings("龚雪梅/PER 出生/v 于/p 1978年/TIME 。/w", passage)
    assert holdings("2015年/TIME ，/w 她/r 任/v 松桃县/LOC 副县长/n 。/w", passage, "date_text") == [
        ("龚雪梅", "松桃县副县长", "current", "2015年")]


def test_a_birth_date_does_not_date_a_post():
    assert holdings("陈丽华/PER 出生于/v 1974年3月/TIME ，/w 2016年8月/TIME 任县文联/ORG 主席/n 。/w", None,
                    "date_text") == [("陈丽华", "县文联主席", "current", "2016年8月")]


def test_a_later_move_is_dated_after_the_post_before_it():
    found = holdings("黎文博/PER 2017年/TIME 调任/v 县委/n 秘书长/n ，/w 后/f 转任/v 县委/n 政法委/n 书记/n 。/w", None,
                     "date_text")
    assert found == [("黎文博", "县委秘书长", "current", "2017年"), ("黎文博", "县委政法委书记", "current", "随后")]


def test_no_holder_without_a_name_or_a_person_to_refer_to():
    assert holdings("会/n 上/f ，/w 县委书记/n 强调/v ，/w 要/v 压实/v 责任/n 。/w") == []
    assert holdings("2018年3月/TIME 任/v 望谟县扶贫开发办公室/ORG 主任/n 。/w", Passage()) == []


# --- Chains and sessions ------------------------------------------------------------------------

def test_posts_written_one_after_another_form_one_chain():
    text, posts, names = _read("县委/ORG 副书记/n 、/w 县长/n 陈晓林/PER ，/w 县委/n 常委/n 、/w 常务/b 副县长/n 孟庆余/PER")
    assert [[p.text for p in chain] for chain in chains(text, posts, names)] == [
        ["县委副书记", "县长"], ["县委常委", "常务副县长"]]
    text, posts, names = _read("党组/n 书记/n 兼/v 主任/n 邵文杰/PER")
    assert [[p.text for p in chain] for chain in chains(text, posts, names)] == [["党组书记", "主任"]]


def test_a_name_between_two_posts_breaks_the_chain():
    text, posts, names = _read("县长/n 陈晓林/PER 、/w 副县长/n 孟庆余/PER")
    assert [[p.text for p in chain] for chain in chains(text, posts, names)] == [["县长"], ["副县长"]]


def test_a_title_before_a_name_after_a_semicolon_opens_the_next_clause():
    """A list of careers, one person a clause: …曾任学校团委副书记；顺义区委书记王刚，…
    the first clause's post is not the next person's, nor is its date."""
    found = holdings("岚溪县委/ORG 书记/n 方志远/PER ，/w 1987年/TIME 毕业/v 后/f 留校/v 工作/vn ，/w 曾任/v 县妇联/ORG 副主席/n ；/w "
                     "望川县委/ORG 书记/n 高明/PER ，/w 1990年/TIME 毕业/v 后/f 留校/v 工作/vn ，/w 曾任/v 县妇联/ORG 主席/n 。/w",
                     None, "date_text")
    assert ("方志远", "县妇联副主席", "former", "1987年") in found
    assert ("高明", "望川县委书记", "current", "") in found
    assert ("高明", "县妇联主席", "former", "1990年") in found
    assert not any(person == "高明" and post == "县妇联副主席" for person, post, *_ in found)


def test_posts_after_a_semicolon_in_one_persons_list_stay_a_chain():
    text, posts, names = _read("陈晓林/PER 曾任/v 县委/ORG 副书记/n ；/w 县长/n 。/w")
    assert [[p.text for p in chain] for chain in chains(text, posts, names)] == [["县委副书记", "县长"]]


@pytest.mark.parametrize("written, number", [
    ("第十二届", 12), ("七届", 7), ("19届", 19), ("十届", 10), ("二十届", 20), ("第十四屆", 14),
])
def test_session_number(written, number):
    assert session_number(written) == number


def test_a_cue_before_the_posts_that_describe_the_name():
    """推选|阿泰县委书记|陈晓林为代表团团长: the cue comes before the name's description."""
    found = holdings("会议/n 推选/v 阿泰县委/ORG 书记/n 陈晓林/PER 为/v 阿泰县/LOC 代表团/n 团长/n 。/w",
                     None, "event")
    assert ("陈晓林", "阿泰县代表团团长", "current", "elected") in found


def test_the_posts_after_wei_end_at_the_clause():
    """张三为代表团团长；李四为副团长: 团长 is not the first post of a chain that runs on to 李四."""
    found = holdings("推选/v 陈晓林/PER 为/v 阿泰县/LOC 代表团/n 团长/n ；/w 县长/n 龚雪梅/PER 为/v 副团长/n 。/w")
    assert ("陈晓林", "阿泰县代表团团长", "current") in found
    assert ("龚雪梅", "阿泰县代表团团长", "current") not in found
    assert ("龚雪梅", "县长", "current") in found and ("龚雪梅", "副团长", "current") in found


def test_a_pronoun_is_the_person_the_sentence_is_about_so_far():
    """任命严某为副县长，决定其代理县长: 其 is the appointee, not the passage's earlier person."""
    passage = Passage()
    holdings("接受/v 罗明义/PER 辞去/v 岚山县/LOC 县长/n 职务/n 的/u 请求/n 。/w", passage)
    found = holdings("会议/n 决定/v 任命/v 严海涛/PER 为/v 岚山县/LOC 副县长/n ，/w 决定/v 其/r 代理/v 岚山县/LOC 县长/n 。/w",
                     passage)
    assert [h[0] for h in found] == ["严海涛", "严海涛"]


def test_a_post_held_over_a_range_of_years_is_dated_by_its_start():
    found = holdings("2010年/TIME 至/p 2012年/TIME 任/v 岚山县委/ORG 副书记/n 的/u 陈晓林/PER", None, "date_text")
    assert [h[3] for h in found] == ["2010年"]


def test_a_denied_post_is_no_holding():
    """Chongqing: 李顺、赵文明等不是主席团成员的区级领导 — they are not members of the presidium."""
    found = holdings("李顺/PER 、/w 赵文明/PER 等/u 不是/v 主席团/n 成员/n 的/u 区级/b 领导/n ，/w 在/p 台下/s 就座/v 。/w")
    assert found == []


def test_the_latter_is_the_last_name_before_the_clause():
    """Hebei: 他还以唐山市市长的身份陪同署长倪岳峰在唐山调研，后者于今年4月履新河北省委书记."""
    found = holdings("丁绣峰/PER 陪同/v 署长/n 倪岳峰/PER 调研/v ，/w 后者/r 于/p 今年4月/TIME 履新/v "
                     "河北省委/ORG 书记/n 。/w")
    assert ("倪岳峰", "河北省委书记", "current") in found
    assert not any(person == "丁绣峰" and post == "河北省委书记" for person, post, _ in found)
    found = holdings("方志远/PER 会见/v 了/u 高明/PER ，/w 前者/r 曾任/v 县妇联/ORG 主席/n 。/w")
    assert ("方志远", "县妇联主席", "former") in found


def test_a_title_before_a_colon_heads_the_names_after_it():
    """Liaoning: 大耗村村委会主任：邵万福委员：王慧、吴慧敏 — 委员 is not 邵万福's."""
    found = holdings("大耗村村委会/ORG 主任/n ：/w 邵万福/PER 委员/n ：/w 王慧/n 、/w 吴慧敏/PER")
    assert ("邵万福", "大耗村村委会主任", "current") in found
    assert ("邵万福", "委员", "current") not in found  # (the model missed the first name after it)


# --- A cue that heads a list ---------------------------------------------------------------------

def test_a_cue_before_a_colon_heads_every_item_of_the_list():
    """任免名单: 免去：A的…职务；B的…职务 — each item after the colon is removed (former)."""
    assert holdings("会议/n 决定/v 免去/v ：/w 孙建华/PER 的/u 县教育局/ORG 局长/n 职务/n ；/w "
                    "周涛/PER 的/u 县民政局/ORG 局长/n 职务/n 。/w", None, "event") == [
        ("孙建华", "县教育局局长", "former", "removed"), ("周涛", "县民政局局长", "former", "removed")]


def test_an_appointment_list_after_a_colon_is_appointed():
    # Sichuan, one item to a line: the cue gives the event to each 为-item
    assert holdings("任命/v ：/w 刘建国/PER 为/v 叙山区人民政府/ORG 副区长/n ；/w 陈晓燕/PER 为/v "
                    "叙山区卫生健康局/ORG 局长/n ；/w", None, "event") == [
        ("刘建国", "叙山区人民政府副区长", "current", "appointed"),
        ("陈晓燕", "叙山区卫生健康局局长", "current", "appointed")]


def test_a_colon_after_a_title_heads_no_list():
    """A colon after anything but a cue gives no cue: 会议指出：X为… is a plain 为."""
    assert holdings("会议/n 指出/v ：/w 韩冬/PER 为/v 县委/ORG 书记/n 。/w", None, "event") == [
        ("韩冬", "县委书记", "current", "")]


def test_a_cue_after_a_comma_opens_a_clause_of_its_own():
    """Gansu: 任X，免去其Y职务 — Y is removed, not appointed with X."""
    assert holdings("张立新/PER 同志/n 任/v 县委办公室/ORG 主任/n ，/w 免去/v 其/r 县委/ORG 督查/vn 室/n 主任/n "
                    "职务/n ；/w", None, "event") == [
        ("张立新", "县委办公室主任", "current", "appointed"), ("张立新", "县委督查室主任", "former", "removed")]


def test_a_cue_with_no_name_after_a_comma_is_the_sentences_persons():
    """Guangdong: …任市委书记，提名市人大常委会主任人选 — the one just appointed is proposed."""
    assert holdings("决定/v ：/w 黄海川/PER 任/v 汕岭市委/ORG 书记/n ，/w 提名/v 汕岭市人大常委会/ORG 主任/n "
                    "人选/n 。/w") == [
        ("黄海川", "汕岭市委书记", "current"), ("黄海川", "汕岭市人大常委会主任", "proposed")]


def test_a_year_of_an_annual_report_dates_no_post():
    """2022年度 names a year's work, not when the post began."""
    assert holdings("会议/n 通报/v 了/u 2022年度/TIME 目标/n 考核/vn 情况/n ，/w 党工委/n 委员/n 林静/PER 宣读/v "
                    "了/u 表彰/vn 决定/n 。/w", None, "date_text") == [("林静", "党工委委员", "current", "")]



def test_the_entries_of_a_resume_are_the_passages_persons():
    """Jiangxi: a résumé's lines, a span of dates and the posts held in it; a span that closes makes
    them former, an open one (2011.12—) current."""
    passage = Passage()
    holdings("谢远平/PER ，/w 男/a ，/w 1970年10月/TIME 生/v 。/w", passage)
    assert holdings("1995.03/TIME —/w 2001.06/TIME 兰川县青石镇党委/ORG 书记/n ；/w 2011.12/TIME —/w "
                    "兰川县委/ORG 常委/n 、/w 组织部/n 部长/n", passage, "date_text") == [
        ("谢远平", "兰川县青石镇党委书记", "former", "1995.03"),
        ("谢远平", "兰川县委常委", "current", "2011.12"),
        ("谢远平", "组织部部长", "current", "2011.12")]


def test_a_date_before_posts_in_running_text_gives_no_holder_without_a_person():
    assert holdings("1995.03/TIME —/w 2001.06/TIME 兰川县青石镇党委/ORG 书记/n", Passage()) == []
    # …nor does a date that is no span's start and opens no clause
    passage = Passage()
    holdings("谢远平/PER ，/w 男/a 。/w", passage)
    assert holdings("会议/n 于/p 2001.06/TIME 召开/v ，/w 兰川县委/ORG 书记/n 讲话/v", passage) == []



# --- 分别: respectively -----------------------------------------------------------------------------

def test_names_and_posts_respectively_pair_in_order():
    # Guizhou: a congress elects three people to three posts
    assert holdings("大会/n 选举/v 孙立/PER 、/w 钱红/PER 、/w 赵刚/PER 分别/d 为/v 县人大常委会/ORG 主任/n 、/w "
                    "副主任/n 、/w 秘书长/n 。/w", None, "event") == [
        ("孙立", "县人大常委会主任", "current", "elected"), ("钱红", "副主任", "current", "elected"),
        ("赵刚", "秘书长", "current", "elected")]
    # Tibet: the votes each won stand between 分别 and the cue
    assert holdings("拉巴/PER 和/c 次琼/PER 分别/d 以/p 71票/m 、/w 70票/m 获/v 任/v 村委会/n 副主任/n 和/c "
                    "村委会/n 委员/n 。/w") == [("拉巴", "村委会副主任", "current"), ("次琼", "村委会委员", "current")]


def test_respectively_with_as_many_names_as_posts_only():
    """Two names and three posts: no pairing (each name gets the chain, as without 分别)."""
    found = holdings("王海/PER 、/w 李娜/PER 分别/d 当选/v 为/v 镇长/n 、/w 副镇长/n 、/w 人大主席/n 。/w")
    assert ("王海", "镇长", "current") in found and ("王海", "副镇长", "current") in found


def test_a_post_held_during_a_time_is_former():
    """Shanghai: 某某同志担任市委书记期间 — a post of the past."""
    assert holdings("陈一凡/PER 同志/n 担任/v 市委书记/n 期间/f ，/w 您/r 是/v 区委/n 办公室/n 主任/n 。/w")[:1] == [
        ("陈一凡", "市委书记", "former")]



def test_a_note_on_the_post_in_brackets_stands_before_the_name():
    """Sichuan: 副县长（挂职）张某, 副主任（正县级）赵某 — the note is on the post, the name follows it."""
    assert holdings("县委/n 常委/n 、/w 副县长/n （/w 挂职/vn ）/w 张晓明/PER ，/w 副主任/n （/w 正/a 县级/a ）/w "
                    "赵刚/PER 参加/v 。/w") == [
        ("张晓明", "县委常委", "current"), ("张晓明", "副县长", "current"), ("赵刚", "副主任", "current")]



def test_a_forms_fields_give_the_posts_held_and_proposed():
    """Sichuan: 任前公示 as a form — 现任职务 current, 拟任职务 proposed; 出生年月 dates no post."""
    assert holdings("姓名/n ：/w 谢远平/PER ，/w 出生年月/n ：/w 1980年7月/TIME ，/w 现任职务/n ：/w "
                    "兰川县财政局/ORG 副局长/n ，/w 拟任职务/n ：/w 兰川县青石镇党委/ORG 书记/n 。/w", None,
                    "date_text") == [
        ("谢远平", "兰川县财政局副局长", "current", ""), ("谢远平", "兰川县青石镇党委书记", "proposed", "")]



def test_a_chain_that_is_a_clause_of_its_own_describes_the_person_named_before_it():
    """Sichuan: 副书记罗某“来头”最大，省委组织部干部处副处长、会东县副县长，35岁 — an apposition."""
    found = holdings("副书记/n 罗川/PER “/w 来头/n ”/w 最大/a ，/w 省委组织部干部处/ORG 副处长/n 、/w 会东县/LOC "
                     "副县长/n ，/w 35岁/m 。/w")
    assert found == [("罗川", "副书记", "current"), ("罗川", "省委组织部干部处副处长", "current"),
                     ("罗川", "会东县副县长", "current")]


def test_no_apposition_across_another_post_or_a_sentence_break():
    """县长王某讲话，副县长李某主持: the second chain has its own name; 王某出席。县委书记… no holder."""
    assert holdings("王海/PER 出席/v 会议/n ；/w 县委书记/n 、/w 县长/n 。/w") == []



def test_a_pronoun_holder_from_an_earlier_sentence_and_a_clause_of_the_past():
    """此前，她任某县县长: the passage's person (named in an earlier sentence) held it before."""
    passage = Passage()
    holdings("蔡小青/PER ，/w 女/a ，/w 1975年/TIME 生/v 。/w", passage)
    assert holdings("此前/t ，/w 她/r 任/v 兰川县/LOC 县长/n 。/w", passage) == [("蔡小青", "兰川县县长", "former")]
    assert holdings("她/r 任职/v 兰川市委/ORG 副书记/n 。/w", passage) == [("蔡小青", "兰川市委副书记", "current")]



def test_a_former_qualifier_on_the_first_post_of_a_chain_is_on_all_of_them():
    """Sichuan: 广元市委原常委、副市长李某接受审查 — both posts former; 现 says a post is held now."""
    assert holdings("青川市委/ORG 原/a 常委/n 、/w 副市长/n 李大军/PER 接受/v 审查/vn 。/w") == [
        ("李大军", "青川市委原常委", "former"), ("李大军", "副市长", "former")]
    assert holdings("原/a 县委书记/n 、/w 现/t 市人大常委会/ORG 主任/n 张三/PER 出席/v 。/w") == [
        ("张三", "原县委书记", "former"), ("张三", "现市人大常委会主任", "current")]



def test_posts_with_no_separator_chain_only_when_the_second_is_bare():
    """全国政协常委、…委员召集人杨某: 召集人 goes on with the posts before it; …城市市长|青川日报记者何某
    (a headline run into its byline) is two clauses."""
    found = holdings("全国政协/ORG 常委/n 、/w 无党派/n 人士/n 界/n 委员/n 召集人/n 杨青/PER 说/v 。/w")
    assert ("杨青", "全国政协常委", "current") in found and ("杨青", "召集人", "current") in found
    found = holdings("最/d 年轻/a 的/u 城市/n 市长/n 青川日报/ORG 记者/n 何文/PER")
    assert found == [("何文", "青川日报记者", "current")]

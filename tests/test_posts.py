"""Posts of a sentence (extract/posts.py): which body a post written without one takes from the
sentence it stands in — the post before it, the body named before its name, the body the story is
about. Sentences are tagged by hand (no model); mentions, context and resolution run as the
pipeline runs them."""

from __future__ import annotations

from govkg.extract.holders import Passage
from govkg.extract.lexicon import default_lexicon
from govkg.extract.mentions import find_mentions
from govkg.extract.posts import posts_of_sentence
from govkg.extract.records import Article, Sentence
from govkg.extract.resolution import page_contexts, resolve_sentence
from support.handtagged import tagged

LEX = default_lexicon()


def story_posts(*sentences: str) -> list[tuple[str, str, str | None]]:
    """(person, title, body) of each holding of a story of hand-tagged sentences, in order."""
    article = Article("story-2021.txt", 1, title="", date="2021-05-01")
    page = [[Sentence(article, t.text, t) for t in (tagged(words) for words in sentences)]]
    find_mentions(page, LEX)
    (ctx,) = page_contexts(page)
    passage = Passage()
    out = []
    for i, s in enumerate(page[0]):
        resolve_sentence(s, ctx, LEX)
        out += [(h.person, h.post.title, h.post.body) for h in posts_of_sentence(s, ctx, LEX, passage, order=i)]
    return out


def test_a_bare_title_after_a_cue_is_not_of_the_posts_that_describe_the_one_elected():
    """Guangdong: 大会选举产生了农工党某市委，某医院院长吴某当选为主任委员 — the 主任委员 is the party
    committee's, not the hospital's that describes him."""
    found = story_posts("大会/n 选举/v 产生/v 了/u 农工党广元市委/ORG ，/w 青川市人民医院/ORG 院长/n 吴业青/PER "
                        "当选/v 为/v 主任委员/n 。/w")
    assert ("吴业青", "院长", "青川市人民医院") in found
    assert ("吴业青", "主任委员", "农工党广元市委") in found


def test_a_bare_title_after_another_persons_post_is_that_posts_bodys():
    """主任詹某、副主任张某 of one office: the second name's bare title takes the first's body."""
    found = story_posts("青川县医保局/ORG 局长/n 詹积青/PER 、/w 副局长/n 张知青/PER 出席/v 。/w")
    assert found == [("詹积青", "局长", "青川县医保局"), ("张知青", "副局长", "青川县医保局")]


def test_a_partys_chair_alone_is_the_committee_the_story_named_last():
    """Guangdong: 第三届委员会主委李某代表…: 主委 alone is the democratic party's committee named last."""
    found = story_posts("民进广元市委/ORG 召开/v 全会/n 。/w", "主委/n 李建青/PER 作/v 报告/n 。/w")
    assert found == [("李建青", "主委", "民进广元市委")]



def test_a_name_of_the_models_inside_a_territory_read_around_it_is_no_person():
    article = Article("story-2021.txt", 1, title="", date="2021-05-01")
    t = tagged("距/v 巴音查干/PER 图/n 苏木白音嘎查/LOC 的/u 牧户/n 。/w")
    page = [[Sentence(article, t.text, t)]]
    find_mentions(page, LEX)
    (s,) = page[0]
    assert [p.text for p in s.places] == ["巴音查干图苏木", "白音嘎查"] and s.people == []



def test_a_body_pointed_at_is_the_one_of_that_kind_named_last():
    """Sichuan: 县农业农村局负责人介绍…。该局局长张某表示 — the bureau named last, not a body 该局."""
    found = story_posts("青川县农业农村局/ORG 负责人/n 介绍/v 了/u 情况/n 。/w",
                        "该局/n 局长/n 张小强/PER 表示/v ，/w 面积/n 稳定/a 。/w")
    assert found == [("张小强", "局长", "青川县农业农村局")]



def test_in_a_newcomers_story_where_they_served_before_is_not_the_storys_territory():
    """新任县委书记某…此前任邻水县委副书记: the story's county goes unnamed; 县委书记 is not 邻水县's."""
    found = story_posts("新任/v 县委书记/n 郑文青/PER 主持/v 召开/v 座谈会/n 。/w",
                        "郑文青/PER 此前/t 任/v 邻水县委/ORG 副书记/n 。/w")
    assert ("郑文青", "县委书记", "县委") in found
    assert ("郑文青", "县委副书记", "邻水县委") in found


def test_in_a_story_with_no_newcomer_a_career_territory_is_the_storys():
    """A bio: 曾任邻水县委副书记 … 县委书记 — the county the story names (only in a career) is its."""
    found = story_posts("郑文青/PER 曾任/v 邻水县委/ORG 副书记/n 。/w", "县委书记/n 郑文青/PER 讲话/v 。/w")
    assert ("郑文青", "县委书记", "邻水县委") in found



def test_a_level_word_in_a_story_of_several_towns_is_the_town_named_last_before():
    """Sichuan: 黑竹沟镇党委书记某…。镇党委副书记、镇长某陪同。…那坡镇…三营镇…: the town of the sentence
    before, though the story names three towns once each (none is its home)."""
    found = story_posts("近日/t ，/w 青竹沟镇/LOC 党委书记/n 阿西木呷/PER 走访/v 村民/n 。/w",
                        "镇/n 党委/n 副书记/n 、/w 镇长/n 沙马伍/PER 陪同/v 。/w",
                        "白石镇/LOC 党委书记/n 黄海燕/PER ，/w 红岩镇/LOC 镇长/n 马小军/PER 参加/v 。/w")
    assert ("沙马伍", "镇长", "青竹沟镇人民政府") in found

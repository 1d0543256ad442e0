"""The whole extraction on sentences in the style of local news (the sample's and invented ones),
including sentences where a rule must not fire. Runs the real LAC model, offline; the grammars' own
tests, which need no model, are in test_titles.py, test_territory.py, test_holders.py and test_careers.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.extract.lexicon import default_lexicon
from govkg.extract.ner.lac import LacBackend
from govkg.extract.pipeline import extract_page
from govkg.extract.records import SourceText

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLE = SHARED / "corpus" / "pingdingshan-weidong-2020-06.txt"
GOLD = SHARED / "gold" / "pingdingshan-weidong-2020-06.gold.json"


@pytest.fixture(scope="module")
def backend():
    return LacBackend()


def extract(text: str, backend, name: str = "t-2021.txt"):
    page = extract_page(SourceText(name, text), backend)
    ents = {e.id: e for e in page.entities.values()}
    rels = {(r.source, r.type, r.target) for r in page.relations}
    return ents, rels, page


def names(ents, label):
    return {e.name for e in ents.values() if e.label == label}


def test_mention_counts_are_what_the_text_writes(backend):
    """张伟 is written twice, 卫东区 once inside the title, the post once: a holding, a body's
    territory or a post's body do not add mentions of their own."""
    _, _, page = extract("6月3日，卫东区代区长张伟表示，张伟说经济向好的基础没有改变。", backend)
    article = "article:t-2021.txt#1"
    assert page.mentions[("person:张伟", article)] == 2
    assert page.mentions[("place:卫东区", article)] == 1
    assert page.mentions[("role:卫东区人民政府/代区长", article)] == 1


def test_fused_title_gives_post_and_body(backend):
    ents, rels, _ = extract("6月3日，卫东区代区长张伟表示，经济向好的基础没有改变。", backend)
    assert ("person:张伟", "HOLDS_ROLE", "role:卫东区人民政府/代区长") in rels
    assert ("role:卫东区人民政府/代区长", "ROLE_IN", "org:卫东区人民政府") in rels


def test_abbreviation_resolves_to_the_articles_district(backend):
    text = ("近年来，卫东区纪委监委多措并举传播廉政文化。"
            "6月10日，建设路街道纪工委书记杨文丽与区纪委监委沟通。")
    ents, rels, _ = extract(text, backend)
    assert "卫东区纪委监委" in names(ents, "Organization")
    assert "区纪委监委" not in names(ents, "Organization")
    assert ("role:建设路街道纪工委/纪工委书记", "ROLE_IN", "org:建设路街道纪工委") in rels


def test_bare_title_takes_the_body_of_the_articles_lowest_territory(backend):
    text = ("建设路街道积极落实区委部署。“办事处主任杨秀民分包华夏梧桐园等单位，副书记郜卫伟分包名家明宴等单位。”"
            "建设路街道位于卫东区。")
    ents, rels, _ = extract(text, backend)
    assert ("person:杨秀民", "HOLDS_ROLE", "role:建设路街道办事处/办事处主任") in rels
    assert ("person:郜卫伟", "HOLDS_ROLE", "role:建设路街道党工委/副书记") in rels


def test_former_status_and_village_bodies(backend):
    ents, rels, page = extract("2018年初，东高皇街道小店村党支部原书记陈君福找到张新君，请他回村。", backend)
    holds = [r for r in page.relations if r.type == "HOLDS_ROLE" and r.source == "person:陈君福"]
    assert holds and holds[0].props.get("status") == "former"
    assert ("place:小店村", "LOCATED_IN", "place:东高皇街道") in rels


def test_people_filter_rejects_place_stems_and_common_words(backend):
    ents, _, _ = extract("近年来，以“健康卫东”建设为载体，卫东区开展健康促进系列活动，发展核桃、银杏等林果业。", backend)
    assert not names(ents, "Person")  # 卫东 and 林果业 are not people
    assert "健康卫东" in names(ents, "Program")


def test_programs_quoted_numbered_and_marked_but_not_nicknames(backend):
    text = ("该区按照开工一批、竣工一批“四个一批”工作思路，全力抓‘六稳’、促‘六保’。"
            "被乡亲们誉为“美容师”的村委会主任张新君说，“零距离”感受警示教育。")
    ents, rels, _ = extract(text, backend)
    programs = names(ents, "Program")
    assert {"四个一批", "六稳", "六保"} <= programs
    assert "美容师" not in programs and "零距离" not in programs


def test_award_is_received_and_cooperation_is_found(backend):
    text = ("卫东区人民检察院荣获“河南省文明单位标兵”荣誉称号。"
            "建设路街道联合工商银行、中信银行等12家金融机构，建立微信群。")
    ents, rels, _ = extract(text, backend)
    assert ("org:卫东区人民检察院", "RECEIVED", "program:河南省文明单位标兵") in rels
    assert ("place:建设路街道", "COOPERATES_WITH", "org:工商银行") in rels
    assert ("place:建设路街道", "COOPERATES_WITH", "org:中信银行") in rels
    assert "金融机构" not in names(ents, "Organization")


def test_traditional_text_keeps_names_as_written(backend):
    ents, rels, _ = extract("6月3日，衛東區代區長張偉表示，經濟向好的基礎沒有改變。", backend)
    assert "張偉" in names(ents, "Person")
    assert any(r[1] == "HOLDS_ROLE" and r[0] == "person:張偉" for r in rels)


def test_scope_word_is_not_the_actor(backend):
    text = "截至目前，卫东区80%以上的社区卫生服务中心组建了自我管理小组，在全市首家荣获“国家慢性病综合防控示范区”称号。"
    _, rels, _ = extract(text, backend)
    assert ("place:卫东区", "RECEIVED", "program:国家慢性病综合防控示范区") in rels


def test_county_news_chains_of_titles_and_territories(backend):
    text = ("临川县召开县委常委会会议\n"
            "3月15日，县委书记李明主持召开会议。县委副书记、县长王强，县政协主席孙丽出席会议。"
            "近日，青山镇党委书记刘洋带队到红星村调研。会上，县委常委、常务副县长陈东讲话。"
            "江西省抚州市临川县人民法院院长张华表示，该院将深入开展“枫桥经验”实践活动。")
    ents, rels, _ = extract(text, backend)
    assert ("person:李明", "HOLDS_ROLE", "role:临川县委/县委书记") in rels
    assert ("person:王强", "HOLDS_ROLE", "role:临川县委/县委副书记") in rels
    assert ("person:王强", "HOLDS_ROLE", "role:临川县人民政府/县长") in rels
    assert ("person:陈东", "HOLDS_ROLE", "role:临川县委/县委常委") in rels
    assert ("person:张华", "HOLDS_ROLE", "role:临川县人民法院/院长") in rels
    assert ("place:临川县", "LOCATED_IN", "place:抚州市") in rels
    assert ("place:抚州市", "LOCATED_IN", "place:江西省") in rels
    assert ("place:青山镇", "LOCATED_IN", "place:临川县") in rels
    assert ("org:临川县人民法院", "RUNS", "program:枫桥经验") in rels
    assert "临川县委常委" not in names(ents, "Organization")


def test_compound_places_split_only_where_the_grammar_allows():
    from govkg.extract.places import split_compound_place

    lex = default_lexicon()
    assert split_compound_place("南京市江宁区秣陵街道", lex) == ["南京市", "江宁区", "秣陵街道"]
    assert split_compound_place("市中区", lex) == ["市中区"]
    assert split_compound_place("沙市区", lex) == ["沙市区"]
    assert split_compound_place("东高皇街道", lex) == ["东高皇街道"]


def test_traditional_page_scores_like_the_simplified_one(backend, tmp_path):
    """The sample converted to traditional characters: same entities, names kept as written."""
    import opencc

    from govkg.extract.evaluate import score_graph
    from govkg.graph.build import build_graph

    sample = SAMPLE.read_text(encoding="utf-8")
    page = extract_page(SourceText(SAMPLE.name, opencc.OpenCC("s2t").convert(sample)), backend)
    graph = build_graph([page])
    names_written = {d["name"] for _, d in graph.nodes(data=True) if d["label"] == "Person"}
    assert {"張偉", "劉建國", "古國凡"} <= names_written
    assert "衛東區紀委監委" in {d["name"] for _, d in graph.nodes(data=True) if d["label"] == "Organization"}
    # Score on simplified names: convert the graph's names back and compare with the gold.
    t2s = opencc.OpenCC("t2s")
    for _, data in graph.nodes(data=True):
        data["name"] = t2s.convert(data["name"])
        data["aliases"] = [t2s.convert(a) for a in data.get("aliases", [])]
    scores = score_graph(graph, [GOLD])
    assert scores["Person"]["f1"] >= 0.97 and scores["HOLDS_ROLE"]["f1"] >= 0.92
    assert scores["ROLE_IN_acc"] >= 0.9 and scores["relations_recall"] >= 0.75


def test_namesakes_in_two_counties_stay_apart_and_a_plain_mention_merges(backend):
    from govkg.graph.build import build_graph

    pages = [
        extract_page(SourceText("a-2020.txt", "6月3日，卫东区代区长张伟表示，经济稳中向好。"), backend),
        extract_page(SourceText("b-2020.txt", "5月8日，临川县副县长张伟到青山镇调研。"), backend),
        extract_page(SourceText("c-2020.txt", "会上，张伟对下一步工作提出要求。"), backend),
    ]
    graph = build_graph(pages)
    people = sorted(n for n, d in graph.nodes(data=True) if d["label"] == "Person")
    assert people == ["person:张伟", "person:张伟@临川县"]
    assert graph.nodes["person:张伟"]["territory"] == "卫东区"
    assert graph.has_edge("person:张伟@临川县", "role:临川县人民政府/副县长")
    assert graph.has_edge("person:张伟", "article:c-2020.txt#1")


def test_zone_is_not_a_district_and_village_secretary_sent_from_above(backend):
    text = ("区委常委、宣传部部长黄丽娜到高新区调研。青阳镇大坪村驻村第一书记胡海涛说，村里变化很大。"
            "会议由镇党委副书记、镇长罗志勇主持，镇人大主席团主席许卫东通报情况。我县梅岭景区榜上有名。")
    ents, rels, _ = extract(text, backend)
    assert ("person:胡海涛", "HOLDS_ROLE", "role:大坪村党支部/驻村第一书记") in rels
    assert ("person:罗志勇", "HOLDS_ROLE", "role:青阳镇人民政府/镇长") in rels
    assert ("person:许卫东", "HOLDS_ROLE", "role:青阳镇人大主席团/镇人大主席团主席") in rels
    assert "高新区委" not in names(ents, "Organization")  # a development zone has no 区委
    assert "梅岭景区" in names(ents, "Place")


def test_bodies_sit_in_the_territory_their_name_starts_with(backend):
    text = "6月10日，建设路街道纪工委书记杨文丽与区纪委沟通。卫东区纪委监委多措并举传播廉政文化。"
    ents, rels, _ = extract(text, backend)
    assert ("org:建设路街道纪工委", "LOCATED_IN", "place:建设路街道") in rels
    assert ("org:卫东区纪委监委", "LOCATED_IN", "place:卫东区") in rels
    assert "卫东区纪委" not in names(ents, "Organization")  # one body: 纪委 is an alias of 纪委监委


def test_merging_graph_files_keeps_namesakes_apart_like_one_run(backend):
    from govkg.graph.build import build_graph
    from govkg.graph.graphfile import dumps
    from govkg.graph.merge import merge_graphs

    texts = [("a-2020.txt", "6月3日，卫东区代区长张伟表示，经济稳中向好。"),
             ("b-2020.txt", "5月8日，临川县副县长张伟到青山镇调研。")]
    together = build_graph(extract_page(SourceText(n, t), backend) for n, t in texts)
    apart = merge_graphs(build_graph([extract_page(SourceText(n, t), backend)]) for n, t in texts)
    assert dumps(apart) == dumps(together)
    assert "person:张伟@临川县" in apart


def test_county_government_news_with_the_title_first(backend):
    text = ("岳西县召开2023年安全生产工作会议\n"
            "5月12日上午，我县召开2023年安全生产工作会议。县委副书记、县长李国平出席会议并讲话，副县长张敏主持会议。"
            "县应急管理局局长王海涛通报了全县安全生产形势。李国平强调，要深入开展安全生产专项整治三年行动。"
            "会后，李国平一行深入天堂镇、店前镇检查企业安全生产工作。")
    ents, rels, page = extract(text, backend)
    assert page.articles[0].title == "岳西县召开2023年安全生产工作会议"
    assert ("person:张敏", "HOLDS_ROLE", "role:岳西县人民政府/副县长") in rels
    assert ("person:王海涛", "HOLDS_ROLE", "role:岳西县应急管理局/局长") in rels
    assert {"天堂镇", "店前镇"} <= names(ents, "Place")  # the second is found through the list
    assert ("place:店前镇", "LOCATED_IN", "place:岳西县") in rels
    assert "安全生产专项整治三年行动" in names(ents, "Program")
    assert "工作会议" not in " ".join(names(ents, "Program"))


def test_head_of_government_in_a_story_that_never_names_its_city(backend):
    """市长 in a story that never names its city: the city's government as written (市人民政府),
    a body of that story alone, so that two such stories are not joined through it."""
    from govkg.graph.build import build_graph

    pages = [extract_page(SourceText(name, text), backend) for name, text in (
        ("a-2021.txt", "4月20日，市委副书记、市长刘志强到企业调研。"),
        ("b-2021.txt", "5月8日，市长王海到园区调研。"))]
    graph = build_graph(pages)
    body_of = {}
    for person in ("刘志强", "王海"):
        role = next(t for _, t, d in graph.out_edges(f"person:{person}", data=True)
                    if d["type"] == "HOLDS_ROLE" and graph.nodes[t]["title"] == "市长")
        body_of[person] = next(t for _, t, d in graph.out_edges(role, data=True) if d["type"] == "ROLE_IN")
    assert {graph.nodes[b]["name"] for b in body_of.values()} == {"市人民政府"}
    assert body_of["刘志强"] != body_of["王海"]
    assert any(graph.nodes[t]["title"] == "市委副书记" and graph.nodes[t]["name"] == "市委副书记"
               for _, t, d in graph.out_edges("person:刘志强", data=True) if d["type"] == "HOLDS_ROLE")


def test_given_name_alone_is_the_person_only_when_certain(backend):
    ents, _, page = extract("村委会主任张新君带头拆除。村民说：“俺村这些变化，得给新君记上一功。”", backend)
    assert "新君" in ents["person:张新君"].aliases
    assert "person:新君" not in ents
    ents, _, _ = extract("建设路街道党工委书记刘建国说，建国以来这里变化很大。", backend)
    assert "建国" not in ents["person:刘建国"].aliases  # a word, not the given name


def test_villages_lie_in_the_only_town_their_story_names(backend):
    """Liaoning: a town's election story lists its villages without the town; with two towns named
    nobody can say whose a village is."""
    one = "獐子岛镇第十一届村民委员会换届选举大会召开。褡裢村村委会主任王泽辉，大耗村村委会主任邵万福。"
    _, rels, _ = extract(one, backend)
    assert ("place:褡裢村", "LOCATED_IN", "place:獐子岛镇") in rels
    assert ("place:大耗村", "LOCATED_IN", "place:獐子岛镇") in rels
    two = "獐子岛镇和长海镇召开换届选举大会。褡裢村村委会主任王泽辉当选。"
    _, rels, _ = extract(two, backend)
    assert not any(r[0] == "place:褡裢村" and r[1] == "LOCATED_IN" for r in rels)


def test_a_district_of_two_cities_lies_in_the_one_the_page_names(backend):
    """青山区 is a district of 武汉市 and of 包头市: the page that names 武汉市 says which."""
    _, rels, _ = extract("武汉市召开防汛会议。会后，青山区领导到社区调研。", backend)
    assert ("place:青山区", "LOCATED_IN", "place:武汉市") in rels
    _, rels, _ = extract("青山区召开会议，部署防汛工作。", backend)
    assert not any(r[0] == "place:青山区" and r[1] == "LOCATED_IN" for r in rels)


def test_a_title_after_a_name_after_a_body_is_that_bodys_post(backend):
    """Shandong, Hubei: 市妇联郑玉梅主席作报告 — the body, the name, then the title."""
    _, rels, _ = extract("表彰大会上，滨州市妇联郑玉梅主席作了工作报告。", backend)
    assert ("person:郑玉梅", "HOLDS_ROLE", "role:滨州市妇联/主席") in rels


def test_a_post_taken_in_the_body_a_person_went_to_is_that_bodys(backend):
    """Hebei: 马宇骏离开…研究院到河北省民族宗教事务厅任党组成员 — the 党组 of that department."""
    _, rels, _ = extract("2002年7月，马宇骏离开河北省工程咨询研究院到河北省民族宗教事务厅任党组成员。", backend)
    assert ("person:马宇骏", "HOLDS_ROLE", "role:河北省民族宗教事务厅党组/党组成员") in rels

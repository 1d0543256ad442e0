"""RUNS and RECEIVED between the bodies and programs of a sentence (extract/relations.py), with no model:
the mentions are placed by hand where the finders would place them."""

from __future__ import annotations

from govkg.extract.records import Mention
from govkg.extract.relations import located_in, program_relations
from govkg.graph.schema import LOCATED_IN, ORGANIZATION, PLACE, PROGRAM, RECEIVED, RUNS


def mentioned(sentence: str, label: str, *names: str) -> list[Mention]:
    out = []
    for name in names:
        at = sentence.index(name)
        out.append(Mention(name, label, at, at + len(name)))
    return out


def triples(sentence: str, bodies: tuple[str, ...], programs: tuple[str, ...]) -> set[tuple[str, str, str]]:
    progs = mentioned(sentence, PROGRAM, *programs)
    found = program_relations(sentence, progs, mentioned(sentence, ORGANIZATION, *bodies))
    return {(a.text, rel, b.text) for a, rel, b in found}


def test_every_body_listed_before_a_count_of_recipients_received_the_honour():
    """Hunan: 县财政局妇工委、澧源镇妇联等17个巾帼建功先进集体; …等16个获巾帼文明岗."""
    sentence = "岚溪县财政局妇工委、花桥镇妇联等17个巾帼建功先进集体；县委组织部妇工委、县融媒体中心等16个获巾帼文明岗。"
    found = triples(sentence, ("岚溪县财政局妇工委", "花桥镇妇联", "县委组织部妇工委", "县融媒体中心"),
                    ("巾帼建功先进集体", "巾帼文明岗"))
    assert found == {("岚溪县财政局妇工委", RECEIVED, "巾帼建功先进集体"), ("花桥镇妇联", RECEIVED, "巾帼建功先进集体"),
                     ("县委组织部妇工委", RECEIVED, "巾帼文明岗"), ("县融媒体中心", RECEIVED, "巾帼文明岗")}


def test_only_the_subject_receives_when_the_others_are_not_listed_with_it():
    sentence = "岚溪县人民检察院在县委领导下荣获省级文明单位。"
    assert triples(sentence, ("岚溪县人民检察院", "县委"), ("省级文明单位",)) == {
        ("岚溪县人民检察院", RECEIVED, "省级文明单位")}


def test_a_body_runs_what_it_carries_out():
    sentence = "岚溪县委推行首席服务官制度。"
    assert triples(sentence, ("岚溪县委",), ("首席服务官制度",)) == {("岚溪县委", RUNS, "首席服务官制度")}


def placed(sentence: str, *places: tuple[str, str]) -> list[Mention]:
    out = []
    for name, level in places:
        at = sentence.index(name)
        out.append(Mention(name, PLACE, at, at + len(name), level=level))
    return out


def test_a_territory_of_a_smaller_one_contains_it_and_those_listed_after_it():
    """Jiangxi: 先后深入宁都县的长胜镇蔬菜基地、青塘镇富硒园 — both towns are 宁都县's."""
    sentence = "代表团先后深入岚溪县的花桥镇蔬菜基地、柳溪镇富硒园调研。"
    places = placed(sentence, ("岚溪县", "县"), ("花桥镇", "镇"), ("花桥镇蔬菜基地", "site"), ("柳溪镇", "镇"),
                    ("柳溪镇富硒园", "site"))
    found = {(a.text, rel, b.text) for a, rel, b in located_in(places, sentence)}
    assert {("花桥镇", LOCATED_IN, "岚溪县"), ("柳溪镇", LOCATED_IN, "岚溪县")} <= found
    # …not a county's 的 before a place of a higher rank, nor without the 的
    sentence = "岚溪县的澄江市客商、花桥镇柳溪镇。"
    places = placed(sentence, ("岚溪县", "县"), ("澄江市", "市"), ("花桥镇", "镇"), ("柳溪镇", "镇"))
    assert not {(a.text, b.text) for a, _rel, b in located_in(places, sentence)} & {
        ("澄江市", "岚溪县"), ("花桥镇", "岚溪县")}

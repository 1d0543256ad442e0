"""The scoring of bench/general_news_ner.py, on hand-made spans (no model, no data set)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "bench" / "general_news_ner.py"
_spec = importlib.util.spec_from_file_location("general_news_ner", _PATH)
bench = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bench  # dataclasses look their module up
_spec.loader.exec_module(bench)

PER, LOC, ORG = bench.PERSON, bench.PLACE, bench.ORGANIZATION


def test_exact_spans_counted_per_type_over_all_sentences():
    gold = [{(0, 3, PER), (10, 12, PER), (4, 7, LOC)},
            {(0, 3, PER), (5, 9, ORG)}]
    found = [{(0, 3, PER), (5, 7, PER), (4, 6, LOC)},  # 张三 right, one person too many, the place cut short
             {(0, 3, PER), (10, 12, PER), (5, 9, LOC)}]  # (10, 12) is a gold span of the other sentence only
    res = bench.score(gold, found)
    # Person: 2 right, 2 false ((5, 7) and sentence 2's (10, 12)), 1 missed ((10, 12) of sentence 1).
    assert (res[PER]["tp"], res[PER]["fp"], res[PER]["fn"]) == (2, 2, 1)
    assert res[PER]["p"] == pytest.approx(0.5)
    assert res[PER]["r"] == pytest.approx(2 / 3)
    assert res[PER]["f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    # A span cut short is one false and one missed; the right span with the wrong type is no hit.
    assert (res[LOC]["tp"], res[LOC]["fp"], res[LOC]["fn"]) == (0, 2, 1)
    assert (res[ORG]["tp"], res[ORG]["fp"], res[ORG]["fn"]) == (0, 0, 1)
    assert res[LOC]["f1"] == 0.0 and res[ORG]["p"] == 0.0


def test_an_address_split_by_the_rules_counts_whole_and_its_pieces_not_alone():
    # 他家住江西省抚州市临川县，去过北京: pieces at 3–6, 6–9, 9–12, the last one carrying the address.
    places = [(3, 6, ""), (6, 9, ""), (9, 12, "江西省抚州市临川县"), (15, 17, "")]
    assert bench.whole_addresses(places) == {(3, 12, LOC), (15, 17, LOC)}


def test_touching_places_are_joined_other_types_left_alone():
    spans = {(0, 3, LOC), (3, 6, LOC), (7, 9, LOC), (3, 6, PER)}
    assert bench.join_adjacent(spans) == {(0, 6, LOC), (7, 9, LOC), (3, 6, PER)}


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def test_cluener_offsets_are_end_inclusive_and_only_kept_labels_are_gold(tmp_path):
    data = _write(tmp_path / "dev.json", [{
        "text": "王小明在石家庄市税务局当科长",
        "label": {"name": {"王小明": [[0, 2]]}, "government": {"石家庄市税务局": [[4, 10]]},
                  "position": {"科长": [[12, 13]]}},
    }])
    [item] = bench.load_cluener(data)
    assert item.gold == {(0, 3, PER), (4, 11, ORG)}
    assert item.ignored == {(12, 14)}


def test_a_missing_or_wrong_data_file_is_one_line_and_exit_2(tmp_path, capsys):
    assert bench.main([str(tmp_path / "nowhere.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("general_news_ner: no such file") and err.count("\n") == 1
    bad = _write(tmp_path / "bad.json", [{"text": "王小明来了", "label": {"name": {"王小明": [[1, 3]]}}}])
    assert bench.main([str(bad)]) == 2
    assert "'王小明' is not at 1–3" in capsys.readouterr().err


def test_a_body_named_from_its_own_territory_counts_as_the_gold_body_with_its_address():
    # 陕西省安康市旬阳县人民法院: gold is the whole (0, 13); the system names 旬阳县人民法院 (6, 13) and
    # has the places 陕西省 (0, 3) and 安康市 (3, 6) before it.
    item = bench.Item("陕西省安康市旬阳县人民法院", {(0, 13, ORG)})
    found = {(0, 3, LOC), (3, 6, LOC), (6, 9, LOC), (6, 13, ORG)}
    assert (0, 13, ORG) in bench.with_the_address([item], [found])[0]
    # …not when its own places leave a gap (安康市 missing)
    assert (6, 13, ORG) in bench.with_the_address([item], [{(0, 3, LOC), (6, 13, ORG)}])[0]

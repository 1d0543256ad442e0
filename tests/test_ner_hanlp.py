"""HanLP backends: 1.x on a real JVM over the real sample page, 2.x's output mapping.

The HanLP 1.x jar comes from scripts/hanlp-jar (idempotent; CI runs it before
pytest, and the fixture below runs it again, which is instant once cached).
HanLP 2.x models cannot be downloaded here, so its adapter is tested on the
Document shapes HanLP 2.x returns, built with hanlp_common.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hanlp_common.document import Document

from govkg.errors import GovkgError
from govkg.extract.ner import backend_names, get_backend
from govkg.extract.ner.base import LOC, ORG, OTHER, PER, Token
from govkg.extract.ner.combined import merge_people
from govkg.extract.ner.hanlp import HANLP_VERSION, JAR_NAME, cache_dir, coarse_tag, lac_pos
from govkg.extract.ner.hanlp2 import (coarse_label, document_to_tokens, local_model_dir,
                                      spans_to_tokens)

REPO = Path(__file__).resolve().parent.parent
HANLP_JAR_SCRIPT = REPO / "scripts" / "hanlp-jar"
SAMPLE = REPO.parent / "shared" / "corpus" / "pingdingshan-weidong-2020-06.txt"
CJK = r"[\u4e00-\u9fff，。、；：！？“”‘’（）《》]"


@pytest.fixture(scope="module")
def hanlp_jar() -> Path:
    """The cached HanLP jar, fetched by the project's own script if missing."""
    env = {k: v for k, v in os.environ.items() if k != "GOVKG_HANLP_JAR"}
    out = subprocess.run([str(HANLP_JAR_SCRIPT)], env=env, capture_output=True, text=True, check=True)
    jar = Path(out.stdout.strip().splitlines()[-1])
    assert jar.is_file() and jar.name == JAR_NAME
    return jar


@pytest.fixture(scope="module")
def sample_sentences() -> list[str]:
    """Sentences of the real sample page, read in place: column breaks joined, layout spaces dropped."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = re.sub(r"\s*\n\s*", "", text)
    text = re.sub(rf"(?<={CJK})\s+(?={CJK})", "", text)
    return [s for s in re.split(r"(?<=[。！？])", text) if s.strip()]


def _entities(tagged: list[list[Token]], tag: str) -> set[str]:
    return {t.text for sentence in tagged for t in sentence if t.tag == tag}


# --- HanLP 1.x on the JVM ---------------------------------------------------

def test_hanlp_finds_people_places_and_bodies_on_the_sample(hanlp_jar, monkeypatch, sample_sentences):
    monkeypatch.delenv("GOVKG_HANLP_JAR", raising=False)
    backend = get_backend("hanlp")
    tagged = backend.tag(sample_sentences)

    assert len(tagged) == len(sample_sentences)
    for sentence, tokens in zip(sample_sentences, tagged):
        assert "".join(t.text for t in tokens) == sentence
    people = _entities(tagged, PER)
    # The district head, two reporters, the health commission head, a villager.
    assert {"张伟", "王孟鹤", "苗广垒", "王迎波", "陈新全"} <= people
    assert {"平顶山", "小店村"} <= _entities(tagged, LOC)
    assert {"工商银行", "中信银行"} <= _entities(tagged, ORG)
    # POS comes in LAC's tag set, which the governance rules read.
    assert {t.pos for s in tagged for t in s if t.tag == PER} == {"PER"}
    assert {"u", "w", "v", "r"} <= {t.pos for s in tagged for t in s}


def test_hanlp_keeps_layout_spaces_and_empty_sentences(hanlp_jar):
    sentences = ["  本报讯（记者王孟鹤 通讯员苗广垒）", "", "6 月 3 日，卫东区代区长张伟表示"]
    tagged = get_backend("hanlp", jar=hanlp_jar).tag(sentences)
    assert ["".join(t.text for t in tokens) for tokens in tagged] == sentences
    assert tagged[1] == []
    assert {"王孟鹤", "苗广垒"} <= _entities(tagged[:1], PER)
    assert "张伟" in _entities(tagged[2:], PER)


def test_hanlp_nshort_segmenter_runs_and_bad_algorithm_is_refused(hanlp_jar, sample_sentences):
    sentences = [s for s in sample_sentences if "古国凡" in s]
    assert "古国凡" in _entities(get_backend("hanlp", algorithm="nshort").tag(sentences), PER)
    with pytest.raises(GovkgError, match="unknown HanLP algorithm 'crf'.*viterbi, nshort"):
        get_backend("hanlp", algorithm="crf")


def test_hanlp_nature_tags_map_to_coarse_tags():
    assert [coarse_tag(n) for n in ("nr", "nrf", "nrj", "ns", "nsf", "nt", "ntc", "ntu", "nz", "n", "w")] == \
        [PER, PER, PER, LOC, LOC, ORG, ORG, ORG, OTHER, OTHER, OTHER]


def test_hanlp_natures_reduce_to_the_lac_tags_the_rules_read():
    assert [lac_pos(n) for n in ("nrf", "nsf", "ntc", "ude1", "rz", "vshi", "pba", "cc", "mq", "qt",
                                 "t", "vd", "vn", "nnt", "nx", "b", "y", "w")] == \
        ["PER", "LOC", "ORG", "u", "r", "v", "p", "c", "m", "q",
         "TIME", "vd", "vn", "n", "nz", "a", "xc", "w"]


def test_missing_jar_named_by_env_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("GOVKG_HANLP_JAR", str(tmp_path / "nowhere.jar"))
    with pytest.raises(GovkgError) as info:
        get_backend("hanlp")
    message = str(info.value)
    assert "GOVKG_HANLP_JAR=" in message and "nowhere.jar" in message
    assert "scripts/hanlp-jar" in message


def test_missing_jar_in_an_empty_cache_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.delenv("GOVKG_HANLP_JAR", raising=False)
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path))
    with pytest.raises(GovkgError, match=r"not in .*hanlp: run scripts/hanlp-jar"):
        get_backend("lac+hanlp")


def _run_without_java(env_changes: dict[str, str], jar: Path) -> subprocess.CompletedProcess:
    """A fresh interpreter (its JVM not started yet) asking for the HanLP backend."""
    env = {k: v for k, v in os.environ.items() if k not in ("JAVA_HOME", "PATH")}
    env.update(GOVKG_HANLP_JAR=str(jar), **env_changes)
    code = ("from govkg.errors import GovkgError\n"
            "from govkg.extract.ner import get_backend\n"
            "try:\n    get_backend('hanlp')\nexcept GovkgError as e:\n    print(e)\n    raise SystemExit(3)\n")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)


def test_missing_java_is_a_clear_error(hanlp_jar, tmp_path):
    result = _run_without_java({"PATH": str(tmp_path)}, hanlp_jar)
    assert result.returncode == 3, result.stderr
    assert "needs Java" in result.stdout and "install a JDK" in result.stdout
    assert "Traceback" not in result.stderr


def test_java_home_without_a_jvm_is_a_clear_error(hanlp_jar, tmp_path):
    result = _run_without_java({"PATH": str(tmp_path), "JAVA_HOME": str(tmp_path)}, hanlp_jar)
    assert result.returncode == 3, result.stderr
    assert f"JAVA_HOME={tmp_path} holds no Java runtime" in result.stdout
    assert "Traceback" not in result.stderr


def test_script_and_python_agree_on_version_and_place(tmp_path):
    script = HANLP_JAR_SCRIPT.read_text(encoding="utf-8")
    assert f'VERSION="{HANLP_VERSION}"' in script
    env = {**os.environ, "GOVKG_CACHE_DIR": str(tmp_path)}
    env.pop("GOVKG_HANLP_JAR", None)
    out = subprocess.run([str(HANLP_JAR_SCRIPT), "--path"], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(tmp_path / "hanlp" / JAR_NAME)
    assert not (tmp_path / "hanlp").exists()  # --path fetches nothing


def test_cache_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("GOVKG_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "govkg" / "hanlp"


# --- LAC + HanLP ------------------------------------------------------------

def test_lac_plus_hanlp_completes_a_name_lac_cuts_short(hanlp_jar, sample_sentences):
    sentences = [s for s in sample_sentences if "陈新全" in s]
    assert sentences
    lac = _entities(get_backend("lac").tag(sentences), PER)
    both = get_backend("lac+hanlp").tag(sentences)
    assert "陈新全" not in lac  # the reason for the combination
    assert "陈新全" in _entities(both, PER)
    for sentence, tokens in zip(sentences, both):
        assert "".join(t.text for t in tokens) == sentence


def test_merge_people_votes_and_extends():
    base = [Token("村民", OTHER, "n"), Token("陈新", PER, "PER"), Token("全来到", OTHER, "v"),
            Token("村美", PER, "PER"), Token("小店村", LOC, "LOC")]
    second = [Token("村民", OTHER, "n"), Token("陈新全", PER, "nr"), Token("来到", OTHER, "v"),
              Token("村美小店村", OTHER, "n")]
    merged = merge_people(base, second)
    assert "".join(t.text for t in merged) == "村民陈新全来到村美小店村"
    assert [(t.text, t.tag) for t in merged] == [
        ("村民", OTHER), ("陈新全", PER), ("来到", OTHER), ("村美", OTHER), ("小店村", LOC)]


def test_merge_people_does_not_grow_a_one_character_person():
    base = [Token("康", PER, "PER"), Token("养", OTHER, "vn"), Token("项目", OTHER, "n")]
    second = [Token("康养", PER, "nr"), Token("项目", OTHER, "n")]
    assert [(t.text, t.tag) for t in merge_people(base, second)] == [("康", PER), ("养", OTHER), ("项目", OTHER)]


def test_merge_people_never_swallows_a_place():
    base = [Token("卫东区", LOC, "LOC"), Token("张伟", PER, "PER")]
    second = [Token("卫东区张伟", PER, "nr")]
    merged = merge_people(base, second)
    assert [(t.text, t.tag) for t in merged] == [("卫东区", LOC), ("张伟", PER)]


# --- HanLP 2.x: output documents to tokens ----------------------------------
# Shapes as HanLP 2.x's multi-task models return them: a Document with one
# list per sentence under tok/fine, and spans (text, label, start, end) over
# those tokens, end exclusive, under ner/msra, ner/pku and ner/ontonotes.

S1 = "卫东区代区长张伟表示，5 月开始，卫东区各主要指标都有所好转。"
S2 = "村民陈新全来到东高皇街道小店村文化广场。"
TOK1 = ["卫东区", "代", "区长", "张伟", "表示", "，", "5", "月", "开始", "，", "卫东区", "各", "主要", "指标",
        "都", "有所", "好转", "。"]
TOK2 = ["村民", "陈新全", "来到", "东高皇", "街道", "小店村", "文化", "广场", "。"]


def _mtl_document() -> Document:
    return Document({
        "tok/fine": [TOK1, TOK2],
        "pos/ctb": [["NR", "JJ", "NN", "NR", "VV", "PU", "CD", "M", "VV", "PU", "NR", "DT", "JJ", "NN",
                     "AD", "VV", "VV", "PU"],
                    ["NN", "NR", "VV", "NR", "NN", "NR", "NN", "NN", "PU"]],
        "ner/msra": [[("卫东区", "LOCATION", 0, 1), ("张伟", "PERSON", 3, 4), ("5月", "DATE", 6, 8),
                      ("卫东区", "LOCATION", 10, 11)],
                     [("陈新全", "PERSON", 1, 2), ("东高皇街道小店村", "LOCATION", 3, 6)]],
        "ner/pku": [[("卫东区", "ns", 0, 1), ("张伟", "nr", 3, 4), ("卫东区", "ns", 10, 11)],
                    [("陈新全", "nr", 1, 2), ("东高皇街道", "ns", 3, 5), ("小店村", "ns", 5, 6)]],
        "ner/ontonotes": [[("卫东区", "GPE", 0, 1), ("张伟", "PERSON", 3, 4), ("5月", "DATE", 6, 8),
                           ("卫东区", "GPE", 10, 11)],
                          [("陈新全", "PERSON", 1, 2), ("东高皇街道", "GPE", 3, 5),
                           ("小店村文化广场", "FAC", 5, 8)]],
    })


def _tagged(tokens: list[Token]) -> list[tuple[str, str]]:
    return [(t.text, t.tag) for t in tokens if t.tag != OTHER]


def test_hanlp2_msra_document_maps_to_tokens_and_keeps_spaces():
    s1, s2 = document_to_tokens([S1, S2], _mtl_document())
    assert "".join(t.text for t in s1) == S1  # the space HanLP dropped is back
    assert "".join(t.text for t in s2) == S2
    assert _tagged(s1) == [("卫东区", LOC), ("张伟", PER), ("卫东区", LOC)]
    assert _tagged(s2) == [("陈新全", PER), ("东高皇街道小店村", LOC)]
    assert [t.pos for t in s1 if t.tag != OTHER] == ["LOCATION", "PERSON", "LOCATION"]
    assert next(t for t in s1 if t.text == "表示").pos == "VV"  # other words keep their POS


@pytest.mark.parametrize("key, expected", [
    ("ner/pku", [("陈新全", PER), ("东高皇街道", LOC), ("小店村", LOC)]),
    ("ner/ontonotes", [("陈新全", PER), ("东高皇街道", LOC), ("小店村文化广场", LOC)]),
])
def test_hanlp2_pku_and_ontonotes_tag_sets(key, expected):
    doc = _mtl_document()
    only = Document({"tok/fine": doc["tok/fine"], key: doc[key]})
    assert _tagged(document_to_tokens([S1, S2], only)[1]) == expected


def test_hanlp2_single_sentence_document_from_json():
    # What a client gets back over JSON: lists, not tuples, and flat for one sentence.
    doc = Document(json.loads(json.dumps({
        "tok/coarse": ["卫东区人民检察院", "获评", "河南省", "文明单位", "标兵"],
        "ner/msra": [["卫东区人民检察院", "ORGANIZATION", 0, 1], ["河南省", "LOCATION", 2, 3]],
    }, ensure_ascii=False)))
    (tokens,) = document_to_tokens(["卫东区人民检察院获评河南省文明单位标兵"], doc)
    assert _tagged(tokens) == [("卫东区人民检察院", ORG), ("河南省", LOC)]


def test_hanlp2_old_three_type_msra_labels_on_characters():
    # The 3-type MSRA models tag characters with NR/NS/NT.
    sentence = "中信银行与建设路街道合作"
    chars = list(sentence)
    spans = [("中信银行", "NT", 0, 4), ("建设路街道", "NS", 5, 10)]
    assert _tagged(spans_to_tokens(sentence, chars, spans)) == [("中信银行", ORG), ("建设路街道", LOC)]


def test_hanlp2_labels_outside_govkg_and_overlaps_are_left_alone():
    assert [coarse_label(x) for x in ("NORP", "DATE", "INTEGER", "person", "gpe", "nt")] == \
        [OTHER, OTHER, OTHER, PER, LOC, ORG]
    spans = [("卫东区代区长张伟", "ORGANIZATION", 0, 4), ("张伟", "PERSON", 3, 4)]
    tokens = spans_to_tokens(S1, TOK1, spans)
    assert _tagged(tokens) == [("卫东区代区长张伟", ORG)]
    assert "".join(t.text for t in tokens) == S1


def test_hanlp2_document_without_ner_is_a_clear_error():
    with pytest.raises(GovkgError, match=r"no entities \(ner/…\)"):
        document_to_tokens([S2], Document({"tok/fine": [TOK2]}))


# --- HanLP 2.x: finding the model without downloading it --------------------

MSRA_URL = "https://file.hankcs.com/hanlp/ner/msra_ner_electra_small_20220215_205503.zip"


def test_hanlp2_pretrained_name_resolves_under_hanlp_home(tmp_path):
    table = {"MSRA_NER_ELECTRA_SMALL_ZH": MSRA_URL}
    with pytest.raises(GovkgError) as info:
        local_model_dir("MSRA_NER_ELECTRA_SMALL_ZH", table, home=tmp_path)
    assert f"HANLP_HOME={tmp_path}" in str(info.value) and "cannot download" in str(info.value)
    model = tmp_path / "ner" / "msra_ner_electra_small_20220215_205503"
    model.mkdir(parents=True)
    (model / "config.json").write_text("{}", encoding="utf-8")
    assert local_model_dir("MSRA_NER_ELECTRA_SMALL_ZH", table, home=tmp_path) == model
    assert local_model_dir(MSRA_URL, {}, home=tmp_path) == model


def test_hanlp2_missing_model_path_is_a_clear_error(tmp_path):
    with pytest.raises(GovkgError, match="no HanLP 2.x model at .*config.json or meta.json"):
        get_backend("hanlp2", hanlp_model=str(tmp_path / "my-model"))
    with pytest.raises(GovkgError, match="needs --hanlp-model"):
        get_backend("hanlp2")


def test_hanlp2_pretrained_name_without_files_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("HANLP_HOME", str(tmp_path))
    with pytest.raises(GovkgError) as info:
        get_backend("hanlp2", hanlp_model="MSRA_NER_ELECTRA_SMALL_ZH")
    try:
        import hanlp  # noqa: F401  (only on machines with the hanlp2 extra)
    except ImportError:
        assert "pip install 'govkg[hanlp2]'" in str(info.value)
    else:
        assert f"HANLP_HOME={tmp_path}" in str(info.value)


# --- the registry -----------------------------------------------------------

def test_unknown_backend_lists_the_choices():
    with pytest.raises(GovkgError, match="unknown NER backend 'spacy': choose one of lac, hanlp, hanlp2, lac\\+hanlp"):
        get_backend("spacy")
    assert backend_names()[0] == "lac"


def test_options_go_only_where_they_apply():
    with pytest.raises(GovkgError, match="--hanlp-model does not apply to --ner lac"):
        get_backend("lac", hanlp_model="x")
    assert get_backend("lac", hanlp_model=None).name == "lac"  # a CLI passes unset options as None


# --- the command line -------------------------------------------------------

GOVKG = Path(sys.executable).parent / "govkg"


def _node_names(graph: dict, label: str) -> set[str]:
    return {n["name"] for n in graph["nodes"] if n["label"] == label}


def test_govkg_extract_with_hanlp_feeds_the_governance_rules(hanlp_jar, tmp_path):
    out = tmp_path / "graph.json"
    env = {k: v for k, v in os.environ.items() if k != "GOVKG_HANLP_JAR"}
    result = subprocess.run([str(GOVKG), "extract", str(SAMPLE), "--ner", "hanlp", "-o", str(out),
                             "--quiet", "--no-cache"], env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    graph = json.loads(out.read_text(encoding="utf-8"))
    assert {"张伟", "王孟鹤", "王迎波"} <= _node_names(graph, "Person")
    ids = {n["id"]: n for n in graph["nodes"]}
    held = {(ids[e["source"]]["name"], ids[e["target"]]["name"]) for e in graph["edges"]
            if e["type"] == "HOLDS_ROLE"}
    assert {("张新君", "村委会主任"), ("刘建国", "党工委书记"), ("杨文丽", "纪工委书记")} <= held


def test_govkg_extract_with_hanlp_and_no_jar_says_how_to_fix_it(tmp_path):
    env = {**os.environ, "GOVKG_HANLP_JAR": str(tmp_path / "nowhere.jar")}
    result = subprocess.run([str(GOVKG), "extract", str(SAMPLE), "--ner", "hanlp", "-o", str(tmp_path / "g.json"),
                             "--quiet", "--no-cache"], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr.startswith("govkg: ") and "scripts/hanlp-jar" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "g.json").exists()


def test_govkg_extract_with_an_unknown_backend_lists_the_choices(tmp_path):
    result = subprocess.run([str(GOVKG), "extract", str(SAMPLE), "--ner", "spacy", "-o", str(tmp_path / "g.json"),
                             "--quiet", "--no-cache"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "unknown NER backend 'spacy': choose one of lac, hanlp, hanlp2, lac+hanlp" in result.stderr
    assert "Traceback" not in result.stderr

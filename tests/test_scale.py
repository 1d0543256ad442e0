"""Corpus scale: parallel, cached, distributed extraction and graph merging give the same graph.

Real extraction with the LAC model throughout; the Dask run uses a real
``distributed.LocalCluster`` of two worker processes started here. The
corpus is the shared sample page, read in place, plus variants generated
in tmp_path with names and places changed (tests/support/variants.py).
"""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
from pathlib import Path

import pytest

from govkg.errors import GovkgError
from govkg.extract import parallel
from govkg.extract.parallel import PartialExtraction
from govkg.extract.run import run_extract
from support.variants import names_from_gold, vary, variant_map, write_page_variants
from govkg.graph.graphfile import read_graph
from govkg.graph.merge import merge_files
from support import cli

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_DIR = SHARED / "corpus"
SAMPLE = SAMPLE_DIR / "pingdingshan-weidong-2020-06.txt"
SAMPLE_GOLD = SHARED / "gold" / "pingdingshan-weidong-2020-06.gold.json"
EXAMPLE = REPO / "examples" / "chenghu-district-2021-09.txt"
EXAMPLE_GOLD = REPO / "examples" / "chenghu-district-2021-09.gold.json"
BINARY = bytes(range(256)) * 8  # NUL bytes: read as a binary file, never as text


@pytest.fixture(scope="module")
def variants(tmp_path_factory) -> Path:
    """Generated inputs: one varied copy of the sample page, two of the example page."""
    folder = tmp_path_factory.mktemp("variants")
    write_page_variants(SAMPLE.read_text(encoding="utf-8"), names_from_gold(SAMPLE_GOLD), folder, 1,
                        stem="pingdingshan-variant")
    write_page_variants(EXAMPLE.read_text(encoding="utf-8"), names_from_gold(EXAMPLE_GOLD), folder, 2,
                        stem="chenghu-variant")
    return folder


@pytest.fixture(scope="module")
def inputs(variants) -> list[str]:
    return [str(SAMPLE_DIR), str(variants)]


class CountingExtractor:
    """Wraps the real extract_page (still called) to count the files actually extracted."""

    def __init__(self, real):
        self.real, self.sources = real, []

    def __call__(self, src, *args, **kwargs):
        self.sources.append(src.name)
        return self.real(src, *args, **kwargs)


@pytest.fixture(scope="module")
def baseline(inputs, tmp_path_factory):
    """The single-process run, with a fresh cache: (graph file bytes, cache folder, files extracted)."""
    out = tmp_path_factory.mktemp("baseline")
    cache = out / "cache"
    counter = CountingExtractor(parallel.extract_page)
    mp = pytest.MonkeyPatch()
    mp.setattr(parallel, "extract_page", counter)
    try:
        run_extract(inputs, out / "graph.json", jobs=1, cache_dir=cache)
    finally:
        mp.undo()
    return (out / "graph.json").read_bytes(), cache, counter.sources


def test_variants_differ_from_their_source(variants):
    text = SAMPLE.read_text(encoding="utf-8")
    varied = (variants / "pingdingshan-variant-0001.txt").read_text(encoding="utf-8")
    mapping = variant_map(names_from_gold(SAMPLE_GOLD), 1)
    assert varied == vary(text, mapping) and varied != text
    assert "张伟" in text and "张伟" not in varied and mapping["张伟"] in varied


def test_baseline_graph_holds_every_input(baseline):
    data = json.loads(baseline[0])
    sources = {n["source"] for n in data["nodes"] if n["label"] == "Article"}
    assert sources == {SAMPLE.name, "pingdingshan-variant-0001.txt", "chenghu-variant-0001.txt",
                       "chenghu-variant-0002.txt"}
    people = {n["name"] for n in data["nodes"] if n["label"] == "Person"}
    renamed = variant_map(names_from_gold(SAMPLE_GOLD), 1)["张伟"]
    assert {"张伟", renamed} <= people
    assert sorted(baseline[2]) == sorted(sources)  # each file extracted once


def test_two_jobs_give_the_same_file(inputs, baseline, tmp_path):
    run_extract(inputs, tmp_path / "jobs2.json", jobs=2)
    assert (tmp_path / "jobs2.json").read_bytes() == baseline[0]


def test_dask_local_cluster_gives_the_same_file(inputs, baseline, tmp_path):
    import logging

    from distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster:
        run_extract(inputs, tmp_path / "dask.json", executor="dask", scheduler=cluster.scheduler_address)
    assert (tmp_path / "dask.json").read_bytes() == baseline[0]


def test_cache_skips_unchanged_files(inputs, variants, baseline, tmp_path, monkeypatch):
    graph_bytes, cache, _ = baseline
    counter = CountingExtractor(parallel.extract_page)
    monkeypatch.setattr(parallel, "extract_page", counter)
    run_extract(inputs, tmp_path / "again.json", jobs=1, cache_dir=cache)
    assert counter.sources == []
    assert (tmp_path / "again.json").read_bytes() == graph_bytes
    # Change one file: only that one is extracted again.
    changed = tmp_path / "corpus"
    shutil.copytree(variants, changed)
    target = changed / "chenghu-variant-0002.txt"
    district = variant_map(names_from_gold(EXAMPLE_GOLD), 2)["澄湖"] + "区"  # 澄湖区 in this variant
    text = target.read_text(encoding="utf-8")
    assert district in text
    target.write_text(text.replace(district, "澄江区"), encoding="utf-8")
    graph = run_extract([str(SAMPLE_DIR), str(changed)], tmp_path / "changed.json", jobs=1, cache_dir=cache)
    assert counter.sources == ["chenghu-variant-0002.txt"]
    assert any(d.get("name", "").startswith("澄江区") for _, d in graph.nodes(data=True))


def test_page_result_pickles(baseline):
    results = [pickle.loads(p.read_bytes()) for p in baseline[1].rglob("*.pickle")]
    assert set(baseline[2]) <= {r.source for r in results}  # one entry per file extracted
    for result in results:
        assert pickle.loads(pickle.dumps(result)) == result and result.articles


@pytest.fixture()
def corpus_with_corrupt_file(tmp_path, variants) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(variants / "chenghu-variant-0001.txt", folder / "a.txt")
    (folder / "b-broken.txt").write_bytes(BINARY)
    shutil.copy(variants / "chenghu-variant-0002.txt", folder / "c.txt")
    return folder


def test_corrupt_file_in_the_middle_is_reported_and_the_rest_extracted(corpus_with_corrupt_file, tmp_path):
    with pytest.raises(PartialExtraction) as caught:
        run_extract([str(corpus_with_corrupt_file)], tmp_path / "g.json", jobs=2)
    broken = str(corpus_with_corrupt_file / "b-broken.txt")
    assert caught.value.failures == [(broken, f"cannot read '{broken}': a binary file, not text")]
    graph = read_graph(tmp_path / "g.json")
    sources = {d["source"] for _, d in graph.nodes(data=True) if d["label"] == "Article"}
    assert sources == {"a.txt", "c.txt"}


def _govkg(*args: str) -> subprocess.CompletedProcess:
    return cli.govkg(*args)


def test_cli_reports_the_failed_file_and_exits_2(corpus_with_corrupt_file, tmp_path):
    out = tmp_path / "g.json"
    done = _govkg("extract", str(corpus_with_corrupt_file), "-o", str(out), "--jobs", "2", "--no-cache")
    assert done.returncode == 2, done.stderr
    assert "b-broken.txt': a binary file, not text" in done.stderr
    assert "3 files: 2 extracted (0 from the cache), 0 empty, 1 failed" in done.stderr
    assert out.exists()


def test_cli_fail_fast_writes_nothing(corpus_with_corrupt_file, tmp_path):
    out = tmp_path / "g.json"
    done = _govkg("extract", str(corpus_with_corrupt_file), "-o", str(out), "--fail-fast", "--jobs", "1",
                  "--no-cache")
    assert done.returncode == 1
    assert done.stderr.strip().endswith("a binary file, not text (--fail-fast: nothing written)")
    assert not out.exists()


def test_every_file_failing_is_an_error_and_writes_nothing(tmp_path):
    (tmp_path / "x.txt").write_bytes(BINARY)
    (tmp_path / "y.txt").write_bytes(BINARY)
    with pytest.raises(GovkgError, match="nothing extracted: 2 files failed"):
        run_extract([str(tmp_path)], tmp_path / "g.json", jobs=2)
    assert not (tmp_path / "g.json").exists()


def test_merge_of_separate_runs_equals_one_run(variants, baseline, tmp_path):
    cache = baseline[1]  # results are the same however computed; merging is what is under test
    a, b = variants / "chenghu-variant-0001.txt", variants / "chenghu-variant-0002.txt"
    run_extract([str(SAMPLE), str(a)], tmp_path / "a.json", cache_dir=cache)
    run_extract([str(b)], tmp_path / "b.json", cache_dir=cache)
    run_extract([str(SAMPLE), str(a), str(b)], tmp_path / "ab.json", cache_dir=cache)
    done = _govkg("merge", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "-o", str(tmp_path / "m.json"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "m.json").read_bytes() == (tmp_path / "ab.json").read_bytes()


def test_a_graph_merged_with_itself_is_the_same_file(baseline, tmp_path):
    """Merging is idempotent: the sample graph merged with itself (mention counts not doubled:
    287 would have become 574) writes the very bytes it was read from."""
    one = tmp_path / "one.json"
    one.write_bytes(baseline[0])
    done = _govkg("merge", str(one), str(one), "-o", str(tmp_path / "twice.json"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "twice.json").read_bytes() == baseline[0]
    # … and there were counts to double: the file has mentions counted more than once in an article.
    assert any(d["count"] > 1 for _, _, d in read_graph(one).edges(data=True) if d["type"] == "MENTIONED_IN")


def test_merge_unions_aliases(tmp_path):
    def graph_file(name: str, aliases: list[str]) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps({"directed": True, "multigraph": True, "graph": {"schema_version": 1},
                                    "nodes": [{"id": "org:卫东区委", "label": "Organization",
                                               "name": "卫东区委", "aliases": aliases}],
                                    "edges": []}, ensure_ascii=False), encoding="utf-8")
        return path

    merged = merge_files([graph_file("a.json", ["卫东区委"]), graph_file("b.json", ["中共卫东区委", "卫东区委"])],
                         tmp_path / "m.json")
    assert merged.nodes["org:卫东区委"]["aliases"] == ["中共卫东区委", "卫东区委"]


def test_merge_of_a_missing_file_is_a_clear_error(tmp_path):
    done = _govkg("merge", str(tmp_path / "nope.json"), "-o", str(tmp_path / "m.json"))
    assert done.returncode == 1
    assert done.stderr.startswith("govkg: graph file") and "Traceback" not in done.stderr

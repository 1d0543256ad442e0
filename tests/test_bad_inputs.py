"""Options and files a user gets wrong: one ``govkg: …`` line, exit 1, nothing written.

(Encodings, stray bytes and NUL bytes are in tests/test_reading_inputs.py.)
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import pytest

from support import cli
from support.synthetic import one_person_graph_file

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "chenghu-district-2021-09.txt"
GOLD = REPO / "examples" / "chenghu-district-2021-09.gold.json"
_CACHE = tempfile.mkdtemp(prefix="govkg-test-cache-")


def govkg(*args: str) -> subprocess.CompletedProcess:
    return cli.govkg(*args, env={"XDG_CACHE_HOME": _CACHE})


def one_line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("govkg: ") and "Traceback" not in done.stderr, done.stderr
    return lines[0]


@pytest.mark.parametrize("option", [["--year", "-5"], ["--year", "0"], ["--year", "99999"],
                                    ["--date", "0005-06-03"], ["--date", "2999-01-01"]])
def test_an_impossible_year_is_refused(tmp_path, option):
    out = tmp_path / "g.json"
    line = one_line(govkg("extract", str(EXAMPLE), *option, "-o", str(out), "-q"))
    assert "not a year of news" in line or "not a date of news" in line
    assert not out.exists()


def test_a_plausible_year_is_taken(tmp_path):
    done = govkg("extract", str(EXAMPLE), "--year", "1998", "-o", str(tmp_path / "g.json"), "-q")
    assert done.returncode == 0, done.stderr


@pytest.fixture()
def graph_file(tmp_path) -> Path:
    return one_person_graph_file(tmp_path)


def test_a_huge_limit_is_one_short_line(graph_file):
    for digits in (25, 5000):
        line = one_line(govkg("query", "--helper", "entities", "--arg", "limit=" + "9" * digits,
                              "--graph", str(graph_file)))
        assert "wants a whole number of at most 18 digits" in line and len(line) < 200


@pytest.mark.parametrize("value, words", [
    ("[" * 500 + "]" * 500, "nests deeper than 32 levels"),
    ("[" * 50_000 + "]" * 50_000, "nests deeper than 32 levels"),
    ("123456789012345678901234567890", "beyond a 64-bit integer"),
])
def test_a_parameter_no_database_can_take_is_one_line(graph_file, value, words):
    assert words in one_line(govkg("query", "RETURN $x AS x", "--param", f"x:={value}", "--graph", str(graph_file)))


def test_eval_says_when_no_article_comes_from_a_gold_files_source(tmp_path):
    """The graph of another page scored against this page's gold file: before, zeros and a
    relation recall of 1.0 (relations are looked for in the whole graph)."""
    other = tmp_path / "other.txt"
    other.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    graph = tmp_path / "g.json"
    assert govkg("extract", str(other), "-o", str(graph), "-q").returncode == 0
    source = json.loads(GOLD.read_text(encoding="utf-8"))["source"]
    line = one_line(govkg("eval", str(GOLD), "--graph", str(graph)))
    assert f"no article of '{graph}' comes from '{source}'" in line

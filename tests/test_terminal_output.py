"""Tables and terminals show the data as it is (queries/output.py, govkg/terminal.py).

News text and names can hold what a terminal or rich would obey: rich markup
(``[bold]…[/]``, ``[link=…]``), emoji codes (``:x:``, which turned
/etc/passwd's ``root:x:0:0`` into ``root❌0:0``), escape sequences that clear
the screen or set the clipboard (OSC 52). In every ``govkg query`` and
``--helper`` table they are printed as written; on a terminal, control
characters are shown as their codes (``\\x1b``), never sent as they are.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from govkg.graph.graphfile import new_graph, write_graph
from support import cli
from support.processes import run_on_terminal

_CACHE = tempfile.mkdtemp(prefix="govkg-test-cache-")

MARKUP = "[bold]青禾[/] [link=https://example.org]区长[/link]"
EMOJI = "root:x:0:0"
CLEAR, CLIPBOARD = "\x1b[2J", "\x1b]52;c;aGk=\x07"
LONG = "张" * 5_000_000
SENTENCE = f"青禾区区长林晓说{CLEAR}，{CLIPBOARD}经济向好。"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    """One graph of every kind of name, for the module: its embedded database is built once."""
    graph = new_graph()
    role = "role:青禾区人民政府/区长"
    graph.add_node(role, label="Role", name="区长", title="区长")
    graph.add_node("article:a.txt#1", label="Article", name="青禾新闻", title="青禾新闻", source="a.txt", number=1)
    for pid, name in (("person:林晓", "林晓"), ("person:markup", MARKUP), ("person:emoji", EMOJI),
                      ("person:control", f"苏{CLEAR}岩{CLIPBOARD}"), ("person:long", LONG)):
        graph.add_node(pid, label="Person", name=name, aliases=[name])
        graph.add_edge(pid, "article:a.txt#1", key="MENTIONED_IN", type="MENTIONED_IN", count=1)
    graph.add_edge("person:林晓", role, key="HOLDS_ROLE", type="HOLDS_ROLE",
                   evidence=[{"article": "article:a.txt#1", "sentence": SENTENCE}])
    path = tmp_path_factory.mktemp("names") / "g.json"
    write_graph(graph, path)
    return path


def govkg(*args: str) -> subprocess.CompletedProcess:
    return cli.govkg(*args, env={"XDG_CACHE_HOME": _CACHE})


def on_terminal(*args: str) -> str:
    """What govkg writes when its standard output and error are a terminal (a pseudo-terminal): a
    process of its own, since only a process can be given one."""
    env = {**os.environ, "XDG_CACHE_HOME": _CACHE, "COLUMNS": "200", "TERM": "xterm"}
    status, out = run_on_terminal([*cli.COMMAND, *args], env, timeout=300)
    assert status == 0, out.decode("utf-8", "replace")[-2000:]
    return out.decode("utf-8", "replace")


def test_query_table_prints_markup_and_emoji_codes_as_written(graph_file):
    done = govkg("query", "MATCH (p:Person) WHERE p.id <> 'person:long' RETURN p.name AS name ORDER BY p.id",
                 "--graph", str(graph_file))
    assert done.returncode == 0, done.stderr
    assert MARKUP in done.stdout and EMOJI in done.stdout
    assert "❌" not in done.stdout


def test_helper_table_prints_markup_and_emoji_codes_as_written(graph_file):
    done = govkg("query", "--helper", "entities", "--arg", "label=Person", "--graph", str(graph_file))
    assert done.returncode == 0, done.stderr
    assert MARKUP in done.stdout and EMOJI in done.stdout and "❌" not in done.stdout


def test_a_column_name_is_data_too(graph_file):
    done = govkg("query", "MATCH (p:Person {id: 'person:林晓'}) RETURN p.name AS `[bold]x[/bold]:x:`",
                 "--graph", str(graph_file))
    assert done.returncode == 0, done.stderr
    assert "[bold]x[/bold]:x:" in done.stdout


def test_control_characters_are_shown_not_obeyed_on_a_terminal(graph_file):
    table = on_terminal("query", "MATCH (p:Person {id: 'person:control'}) RETURN p.name AS name", "--graph", str(graph_file))
    csv = on_terminal("query", "MATCH (p:Person {id: 'person:control'}) RETURN p.name AS name", "--graph", str(graph_file),
                      "--format", "csv")
    report = on_terminal("report", "person", "林晓", "--graph", str(graph_file))
    for shown in (table, csv, report):
        assert CLEAR not in shown and "\x1b]52" not in shown  # rich's own styling may use ESC; these never
        assert "\\x1b[2J" in shown and "\\x1b]52;c;aGk=" in shown
    assert "\\x1b]52;c;aGk=\\x07经济向好" in report  # the evidence sentence, as written


def test_off_a_terminal_the_data_is_passed_on_as_it_is(graph_file):
    done = govkg("query", "MATCH (p:Person {id: 'person:control'}) RETURN p.name AS name", "--graph",
                 str(graph_file), "--format", "json")
    assert json.loads(done.stdout) == [{"name": f"苏{CLEAR}岩{CLIPBOARD}"}]


def test_a_name_of_millions_of_characters_is_cut_short_in_a_table_and_given_whole_in_csv(graph_file):
    statement = "MATCH (p:Person {id: 'person:long'}) RETURN p.name AS name"
    table = on_terminal("query", statement, "--graph", str(graph_file))
    assert table.count("张") == 2000 and "4,998,000 more characters" in table.replace("\r\n", "")
    csv = govkg("query", statement, "--graph", str(graph_file), "--format", "csv")
    assert csv.stdout.splitlines() == ["name", LONG]

"""No output of govkg destroys an input or a special file (graph/graphfile.py ``check_output``).

Every command that writes (extract, merge, view, report, query -o, eval -o,
export) refuses an output that is one of its inputs, and extract one inside
an input folder that it would read back; ``-o -`` is standard output; a
symlink is written through, a pipe or a terminal written to, never replaced
by a plain file.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest

from govkg.graph.graphfile import new_graph, write_graph
from support import cli

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "chenghu-district-2021-09.txt"
GOLD = REPO / "examples" / "chenghu-district-2021-09.gold.json"
_CACHE = tempfile.mkdtemp(prefix="govkg-test-cache-")


def govkg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return cli.govkg(*args, cwd=cwd, env={"XDG_CACHE_HOME": _CACHE})


def one_line(done: subprocess.CompletedProcess) -> str:
    """The one ``govkg: …`` line a refused command prints, and nothing else."""
    assert done.returncode == 1, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("govkg: ") and "Traceback" not in done.stderr, done.stderr
    return lines[0]


def small_graph(path: Path) -> Path:
    graph = new_graph()
    graph.add_node("person:林晓", label="Person", name="林晓", aliases=["林晓"])
    graph.add_node("role:青禾区人民政府/区长", label="Role", name="区长", title="区长")
    graph.add_node("article:a.txt#1", label="Article", name="青禾新闻", title="青禾新闻", source="a.txt", number=1)
    graph.add_edge("person:林晓", "role:青禾区人民政府/区长", key="HOLDS_ROLE", type="HOLDS_ROLE",
                   evidence=[{"article": "article:a.txt#1", "sentence": "青禾区区长林晓说。"}])
    graph.add_edge("person:林晓", "article:a.txt#1", key="MENTIONED_IN", type="MENTIONED_IN", count=1)
    write_graph(graph, path)
    return path


def test_extract_refuses_to_write_over_its_input(tmp_path):
    page = tmp_path / "a.txt"
    page.write_bytes(EXAMPLE.read_bytes())
    line = one_line(govkg("extract", str(page), "-o", str(page), "-q"))
    assert "one of the inputs" in line
    assert page.read_bytes() == EXAMPLE.read_bytes()


def test_extract_refuses_an_input_under_another_name(tmp_path):
    page = tmp_path / "a.txt"
    page.write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "link.json").symlink_to(page)
    os.link(page, tmp_path / "hard.json")
    for name in ("link.json", "hard.json"):
        assert "one of the inputs" in one_line(govkg("extract", str(page), "-o", str(tmp_path / name), "-q"))
    assert page.read_bytes() == EXAMPLE.read_bytes()


def test_extract_refuses_an_output_it_would_read_back_from_its_folder(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "2021").mkdir(parents=True)
    (corpus / "2021" / "a.txt").write_bytes(EXAMPLE.read_bytes())
    line = one_line(govkg("extract", str(corpus), "-o", str(corpus / "2021" / "graph.txt"), "-q"))
    assert "inside the input folder" in line
    assert not (corpus / "2021" / "graph.txt").exists()
    # A .json there is never read back as news: allowed.
    done = govkg("extract", str(corpus), "-o", str(corpus / "graph.json"), "-q")
    assert done.returncode == 0, done.stderr
    assert json.loads((corpus / "graph.json").read_text(encoding="utf-8"))["nodes"]


@pytest.mark.parametrize("command", [
    ["merge", "{graph}", "{other}", "-o", "{graph}"],
    ["view", "--graph", "{graph}", "-o", "{graph}"],
    ["report", "overview", "--graph", "{graph}", "--format", "json", "-o", "{graph}"],
    ["query", "MATCH (p:Person) RETURN p.name", "--graph", "{graph}", "--format", "json", "-o", "{graph}"],
    ["query", "--helper", "entities", "--graph", "{graph}", "--format", "json", "-o", "{graph}"],
    ["export", "--graph", "{graph}", "--format", "gexf", "-o", "{graph}"],
    ["eval", "{gold}", "--graph", "{graph}", "--format", "json", "-o", "{gold}"],
], ids=["merge", "view", "report", "query", "helper", "export", "eval"])
def test_no_command_writes_over_what_it_reads(tmp_path, command):
    graph = small_graph(tmp_path / "graph.json")
    other = small_graph(tmp_path / "other.json")
    gold = tmp_path / "gold.json"
    gold.write_bytes(GOLD.read_bytes())
    before = {p: p.read_bytes() for p in (graph, other, gold)}
    args = [a.format(graph=graph, other=other, gold=gold) for a in command]
    assert "one of the inputs" in one_line(govkg(*args))
    assert {p: p.read_bytes() for p in before} == before


def test_export_refuses_a_folder_that_holds_its_input(tmp_path):
    tables = tmp_path / "tables"
    tables.mkdir()
    graph = small_graph(tables / "nodes.csv")  # a graph file named as a table export writes
    before = graph.read_bytes()
    assert "one of the inputs" in one_line(govkg("export", "--graph", str(graph), "--format", "csv",
                                                 "-o", str(tables)))
    assert graph.read_bytes() == before and sorted(p.name for p in tables.iterdir()) == ["nodes.csv"]


def test_dash_is_standard_output(tmp_path):
    page = tmp_path / "a.txt"
    page.write_bytes(EXAMPLE.read_bytes())
    to_file = govkg("extract", str(page), "-o", str(tmp_path / "g.json"), "-q")
    to_stdout = govkg("extract", str(page), "-o", "-", "-q", cwd=tmp_path)
    assert to_file.returncode == 0 and to_stdout.returncode == 0, to_stdout.stderr
    assert to_stdout.stdout == (tmp_path / "g.json").read_text(encoding="utf-8")
    assert not (tmp_path / "-").exists()
    graph = tmp_path / "g.json"
    merged = govkg("merge", str(graph), "-o", "-", cwd=tmp_path)
    assert merged.returncode == 0 and merged.stdout == graph.read_text(encoding="utf-8")
    assert merged.stderr.startswith("wrote standard output")  # the message stays off the output
    view = govkg("view", "--graph", str(graph), "-o", "-", cwd=tmp_path)
    assert view.returncode == 0 and view.stdout.startswith("<!DOCTYPE html>")
    report = govkg("report", "overview", "--graph", str(graph), "--format", "json", "-o", "-", cwd=tmp_path)
    assert report.returncode == 0 and json.loads(report.stdout)
    rows = govkg("query", "MATCH (p:Person) RETURN p.name AS name", "--graph", str(graph), "--format", "csv",
                 "-o", "-", cwd=tmp_path)
    assert rows.returncode == 0 and rows.stdout.splitlines()[0] == "name"
    gexf = govkg("export", "--graph", str(graph), "--format", "gexf", "-o", "-", cwd=tmp_path)
    assert gexf.returncode == 0 and gexf.stdout.lstrip().startswith("<?xml")
    assert not (tmp_path / "-").exists()


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    page = tmp_path / "a.txt"
    page.write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "graph.json"
    real.write_text("{}", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "graph.json"
    link.symlink_to(real)
    done = govkg("extract", str(page), "-o", str(link), "-q")
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text(encoding="utf-8"))["nodes"]
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the file replaced keeps its permissions
    assert [p.name for p in (tmp_path / "real").iterdir()] == ["graph.json"]  # no temporary file left


def test_a_pipe_is_written_to_not_replaced(tmp_path):
    page = tmp_path / "a.txt"
    page.write_bytes(EXAMPLE.read_bytes())
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = govkg("extract", str(page), "-o", str(fifo), "-q")
    reader.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(received[0].decode("utf-8"))["nodes"]


def test_dev_stdout_is_written_to_not_replaced(tmp_path):
    """``-o /dev/stdout`` (a symlink to the process's own standard output) gets the graph, and stays.

    Run in a private mount namespace whose /dev is a scratch copy (unshare, no
    root needed), so that a regression could only replace that copy's link: a process of its own,
    whose standard output is a real file descriptor that /proc/self/fd/1 names."""
    page = tmp_path / "a.txt"
    page.write_bytes(EXAMPLE.read_bytes())
    scratch = tmp_path / "dev"
    scratch.mkdir()
    script = (f'mount -t tmpfs tmpfs "{scratch}" && for d in null zero urandom random; do '
              f'touch "{scratch}/$d" && mount --bind "/dev/$d" "{scratch}/$d"; done && '
              f'ln -s /proc/self/fd/1 "{scratch}/stdout" && ln -s /proc/self/fd/2 "{scratch}/stderr" && '
              f'mount --bind "{scratch}" /dev && "$@"; status=$?; '
              '[ -L /dev/stdout ] && echo "LINK STAYS" >&2; exit $status')
    done = subprocess.run(["unshare", "-r", "-m", "sh", "-c", script, "sh", *cli.COMMAND, "extract", str(page),
                           "-o", "/dev/stdout", "-q"], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "XDG_CACHE_HOME": _CACHE})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["nodes"]
    assert "LINK STAYS" in done.stderr

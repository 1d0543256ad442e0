"""Every command's --help works, and every example it shows runs as written.

The examples are the ``govkg …`` lines under ``Examples:`` in each command's
help (its docstring). They run in a folder that holds what they name: the
repository's examples/ and the graph of its example page as graph.json (and
a copy, other.json, for merging). Examples that read Neo4j run against the
test server, after ``govkg load`` examples have filled it.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from govkg import __version__
from govkg.cli import app
from support import cli

REPO = Path(__file__).resolve().parents[1]


def _commands() -> dict:
    """Every command by its full name: 'extract', 'report person' …"""
    found = {}

    def walk(command, prefix: str) -> None:
        if hasattr(command, "commands"):  # a group (typer's own click types)
            for name, sub in command.commands.items():
                walk(sub, f"{prefix} {name}".strip())
        else:
            found[prefix] = command
    walk(typer.main.get_command(app), "")
    return found


COMMANDS = _commands()


def examples_of(command) -> list[str]:
    """The ``govkg …`` lines after ``Examples:`` in the command's help."""
    text = command.help or ""
    if "Examples:" not in text:
        return []
    lines = text.split("Examples:", 1)[1].splitlines()
    return [line.strip() for line in lines if line.strip().startswith("govkg ")]


EXAMPLES = [(name, example) for name, command in COMMANDS.items() for example in examples_of(command)]
NEEDS_SERVER = ("--neo4j", "govkg load")
OFFLINE = [e for e in EXAMPLES if not any(flag in e[1] for flag in NEEDS_SERVER)]
# load first: the other server examples read what it loaded
ON_SERVER = sorted((e for e in EXAMPLES if e not in OFFLINE), key=lambda e: not e[1].startswith("govkg load"))


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``govkg ARGS`` in ``cwd`` (in-process, as ``govkg``: tests/support/cli.py)."""
    return cli.govkg(*args, cwd=cwd, env={"COLUMNS": "100", **(env or {})})


def test_the_installed_command_and_python_m_run_as_processes(tmp_path):
    # Processes on purpose: the console script pip installed, and `python -m govkg.cli`, each in
    # an interpreter of its own (every other test here runs govkg.cli.main in this process).
    done = cli.govkg_process("extract", "--help", cwd=tmp_path, env={"COLUMNS": "100"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.lstrip().startswith("Usage: govkg extract")
    missing = cli.govkg_process("view", "--graph", "nope.json", cwd=tmp_path)
    assert (missing.returncode, missing.stdout) == (1, "")
    assert missing.stderr == "govkg: graph file 'nope.json' not found (run 'govkg extract' first)\n"
    module = subprocess.run([sys.executable, "-m", "govkg.cli", "--version"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=600)
    assert (module.returncode, module.stdout) == (0, f"govkg {__version__}\n"), module.stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_works_and_shows_an_example(name, tmp_path):
    done = run([*name.split(), "--help"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.lstrip().startswith(f"Usage: govkg {name}")
    assert examples_of(COMMANDS[name]), f"govkg {name} --help shows no example"


def test_query_help_lists_every_helper_with_its_arguments(tmp_path):
    from govkg.queries.helpers import DEFAULT_PATH_LENGTH, HELPERS

    text = " ".join(run(["query", "--help"], tmp_path, {"COLUMNS": "300"}).stdout.split())
    for spec in HELPERS.values():
        assert spec.usage() in text
    assert f"[max_length={DEFAULT_PATH_LENGTH}]" in text


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """A folder with examples/ and graph.json (the example page's graph) and other.json."""
    folder = tmp_path_factory.mktemp("examples")
    shutil.copytree(REPO / "examples", folder / "examples")
    done = run(["extract", "examples/chenghu-district-2021-09.txt", "-o", "graph.json", "--quiet",
                "--no-cache"], folder)
    assert done.returncode == 0, done.stderr
    shutil.copy(folder / "graph.json", folder / "other.json")
    return folder


def _run_example(example: str, workdir: Path, env: dict[str, str] | None = None) -> None:
    args = shlex.split(example)
    assert args[0] == "govkg"
    done = run(args[1:], workdir, env)
    assert done.returncode == 0, f"{example}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    if "-o" in args:  # the file it names was written
        assert (workdir / args[args.index("-o") + 1]).stat().st_size > 0, example


@pytest.mark.parametrize("name,example", OFFLINE, ids=[e for _, e in OFFLINE])
def test_example_runs(name, example, workdir):
    _run_example(example, workdir)


@pytest.mark.parametrize("name,example", ON_SERVER, ids=[e for _, e in ON_SERVER])
def test_example_runs_on_neo4j(name, example, workdir, neo4j_connection):
    env = {"NEO4J_URI": neo4j_connection.uri, "NEO4J_USERNAME": neo4j_connection.user,
           "NEO4J_PASSWORD": neo4j_connection.password, "NEO4J_DATABASE": neo4j_connection.database}
    if not example.startswith("govkg load"):
        # the example reads what `govkg load` put there; another test may have emptied the server since
        _run_example("govkg load --graph graph.json", workdir, env)
    _run_example(example, workdir, env)

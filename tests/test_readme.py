"""The README documents every command the CLI has, and only those (a missing one fails here)."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from govkg.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _cli_commands() -> set[str]:
    group = typer.main.get_group(app)
    return set(group.commands)


def test_every_command_is_in_the_readme_command_table():
    table = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `govkg (\w+)", table, flags=re.M))
    assert documented == _cli_commands()


def test_every_report_kind_is_shown_in_the_readme():
    group = typer.main.get_group(app)
    kinds = set(group.commands["report"].commands)
    assert kinds <= set(re.findall(r"govkg report (\w+)", README))


def test_readme_commands_name_files_that_exist():
    root = Path(__file__).resolve().parents[1]
    for path in ("scripts/demo", "scripts/test", "examples/chenghu-district-2021-09.txt",
                 "examples/chenghu-district-2021-09.pdf", "examples/qinglan-safety-meeting.html",
                 "examples/chenghu-district-2021-09.gold.json", "extract/lexicons/README.md"):
        assert path in README and (root / path).exists(), path

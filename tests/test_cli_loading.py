"""The command loads only what the subcommand it runs needs, and still reads like the full command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.cli import COMMANDS, build_parser, command_in, main


def _commands_of(parser) -> list[str]:  # noqa: ANN001
    """The subcommand names ``parser`` knows, in the order --help lists them."""
    (subcommands,) = [action for action in parser._actions if action.dest == "command"]
    return list(subcommands.choices)


def test_every_module_registers_exactly_the_commands_the_table_gives_it() -> None:
    assert _commands_of(build_parser()) == list(COMMANDS)
    for command, module in COMMANDS.items():
        alone = _commands_of(build_parser(command))
        assert alone == [name for name, owner in COMMANDS.items() if owner == module], command


@pytest.mark.parametrize(
    ("words", "command"),
    [
        (["list", "moods"], "list"),
        (["--journal", "add", "list", "moods"], "list"),  # a journal file called "add"
        (["--jour", "x.db", "add", "mood"], "add"),  # argparse's abbreviation of --journal
        (["--journal=x.db", "--debug", "import", "daylio", "f.csv"], "import"),
        (["--debug", "metrics", "--json"], "metrics"),
        (["-h"], None),
        (["--help", "add"], None),
        (["--version"], None),
        ([], None),
        (["--journal", "x.db"], None),
    ],
)
def test_the_command_is_read_past_the_top_level_options(words: list[str], command: str | None) -> None:
    assert command_in(words) == command


def test_a_mistyped_command_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lsit", "moods"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: COMMAND: invalid choice: 'lsit'") and error.count("\n") == 1
    for command in COMMANDS:
        assert f"'{command}'" in error


def test_version_and_top_level_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == "workbook 0.1.0"
    with pytest.raises(SystemExit):
        main(["--debug", "--help"])
    shown = capsys.readouterr().out
    assert all(command in shown for command in COMMANDS)


def test_logging_a_mood_loads_neither_jupyter_nor_the_template(tmp_path: Path) -> None:
    probe = (
        "import sys; from workbook.cli import main; "
        f"code = main(['--journal', {str(tmp_path / 'j.db')!r}, 'add', 'mood', '--mood', '6']); "
        "print(code, *sorted(m for m in sys.modules if m.startswith(('workbook', 'pandas', 'jupyter'))))"
    )
    env = {k: v for k, v in os.environ.items() if k != "WORKBOOK_JOURNAL"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    code, *loaded = out.stdout.splitlines()[-1].split()
    assert code == "0"
    assert "workbook.cli.entries" in loaded
    assert not {"pandas", "workbook.cli.server", "workbook.template", "workbook.session"} & set(loaded)

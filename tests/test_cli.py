"""The `workbook` command as a person runs it: real processes, real journal files."""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.cli import build_parser, main
from workbook.journal import Journal


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `workbook ARGS` in a child process, as from a terminal."""
    full_env = {k: v for k, v in os.environ.items() if k != "WORKBOOK_JOURNAL"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "workbook", *args], capture_output=True, text=True, cwd=cwd, env=full_env
    )


def test_add_and_list_application_and_mood(journal_file: Path) -> None:
    j = str(journal_file)
    added = run(
        "--journal", j, *shlex.split(
            "add application --company Acme --role Analyst --applied-on 2026-09-01 --stage interview"
            " --outcome rejected --outcome-on 2026-09-20 --channel video_call"
        ),
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "Logged application 1: Analyst at Acme." in added.stdout
    mood = run(
        "add", "mood", "--journal", j, *shlex.split(
            "--mood 4 --at 2026-09-20T18:30 --emotions 'déçu, tired' --tags walked --energy 2"
            " --note '<b>tired</b>' --context after_call --application 1"
        ),
    )  # fmt: skip
    assert mood.returncode == 0, mood.stderr
    listed = json.loads(run("--journal", j, "list", "moods", "--json").stdout)
    assert listed == [
        {
            "id": 1,
            "at": "2026-09-20T18:30:00",
            "mood": 4,
            "emotions": ["déçu", "tired"],
            "tags": ["walked"],
            "energy": 2,
            "note": "<b>tired</b>",
            "context": "after_call",
            "application_id": 1,
        }
    ]
    table = run("--journal", j, "list", "applications").stdout.splitlines()
    assert table[0].split() == [
        "id", "company", "role", "applied_on", "stage", "outcome", "outcome_on", "channel", "notes", "invited_back",
    ]  # fmt: skip
    assert table[1].split()[:8] == [
        "1", "Acme", "Analyst", "2026-09-01", "interview", "rejected", "2026-09-20", "video_call",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("add mood --mood 11", "error: mood: must be between 1 and 10, not 11"),
        ("add mood --mood 5 --context lunch", "error: context: 'lunch' is not one of"),
        ("add mood --mood 5 --application 3", "error: application_id: there is no application with id 3"),
        (
            "add application --company '' --role R --applied-on 2026-09-01",
            "error: company: must not be empty",
        ),
        (
            "add application --company A --role R --applied-on 2026-09-01 --outcome rejected --outcome-on 2026-08-01",
            "error: outcome_on: 2026-08-01 is before the application date (2026-09-01)",
        ),
        (
            "add application --company A --role R --applied-on 2099-01-01",
            "error: applied_on: 2099-01-01 is in the future",
        ),
        ("delete mood 1", "error: --yes: deleting mood 1 cannot be undone"),
    ],
)
def test_errors_are_one_line_exit_2_and_store_nothing(journal_file: Path, line: str, message: str) -> None:
    result = run("--journal", str(journal_file), *shlex.split(line))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.stderr
    with Journal(journal_file) as journal:
        assert sum(journal.counts().values()) == 0


def test_delete_needs_yes_then_deletes(journal_file: Path) -> None:
    j = str(journal_file)
    run("--journal", j, "add", "mood", "--mood", "6")
    assert run("--journal", j, "delete", "mood", "1").returncode == 2
    done = run("--journal", j, "delete", "mood", "1", "--yes")
    assert done.returncode == 0 and "Deleted mood 1." in done.stdout
    missing = run("--journal", j, "delete", "mood", "1", "--yes")
    assert missing.returncode == 2 and missing.stderr.startswith("error: no moodentry with id 1")


def test_update_records_the_rejection_and_keeps_the_stage(journal_file: Path) -> None:
    j = str(journal_file)
    run("--journal", j, *shlex.split("add application --company Acme --role Analyst --applied-on 2026-09-01"))
    run("--journal", j, *shlex.split("update application 1 --stage interview --stage-on 2026-09-10"))
    result = run(
        "--journal",
        j,
        *shlex.split("update application 1 --outcome rejected --outcome-on 2026-09-15 --channel video_call"),
    )
    assert result.returncode == 0, result.stderr
    with Journal(journal_file) as journal:
        assert journal.applications().loc[0, ["stage", "outcome"]].tolist() == ["interview", "rejected"]
        assert journal.stage_changes()["stage"].tolist() == ["applied", "interview"]


def test_export_then_import_through_the_command(tmp_path: Path) -> None:
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    run("--journal", a, "add", "mood", "--mood", "6", "--at", "2026-09-01T08:00")
    assert run("--journal", a, "export", str(tmp_path / "out")).returncode == 0
    first = run("--journal", b, "import", str(tmp_path / "out"))
    assert first.returncode == 0 and "Added 1 mood entry." in first.stdout
    second = run("--journal", b, "import", str(tmp_path / "out"))
    assert "1 already in the journal" in second.stdout


def test_journal_found_by_flag_env_then_workbook_folder_then_own_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "my-workbook"
    (folder / "notebooks").mkdir(parents=True)
    (folder / "workbook.toml").write_text("[workbook]\n")
    run("add", "mood", "--mood", "7", cwd=folder / "notebooks")
    assert (folder / "data" / "journal.db").exists()
    env_journal = tmp_path / "elsewhere.db"
    run("add", "mood", "--mood", "7", cwd=folder, env={"WORKBOOK_JOURNAL": str(env_journal)})
    assert env_journal.exists()
    data_home = tmp_path / "home" / ".local" / "share"
    nowhere = run("add", "mood", "--mood", "7", cwd=tmp_path, env={"XDG_DATA_HOME": str(data_home)})
    assert nowhere.returncode == 0, nowhere.stderr
    own = data_home / "rebound" / "journal.db"
    assert (own.stat().st_mode & 0o777, own.parent.stat().st_mode & 0o777) == (0o600, 0o700)


def _subcommand_paths(parser, prefix=()):  # noqa: ANN001, ANN202
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            for name, sub in action.choices.items():
                yield (*prefix, name)
                yield from _subcommand_paths(sub, (*prefix, name))


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    paths = list(_subcommand_paths(build_parser()))
    assert ("add", "mood") in paths and ("import",) in paths
    for path in paths:
        with pytest.raises(SystemExit) as exited:
            main([*path, "--help"])
        assert exited.value.code == 0, path
        assert capsys.readouterr().out.startswith("usage: workbook"), path


@pytest.mark.parametrize(
    ("update", "dated"),
    [
        ("--stage final --stage-on 2026-09-12", "2026-09-12"),
        ("--stage final --outcome rejected --outcome-on 2026-09-14 --channel email", "2026-09-14"),
        ("--stage final", dt.date.today().isoformat()),
    ],
    ids=["--stage-on", "else --outcome-on", "else today"],
)
def test_a_new_stage_is_dated_by_the_command_never_by_the_stored_dates(
    journal_file: Path, update: str, dated: str
) -> None:
    j = str(journal_file)
    run("--journal", j, *shlex.split(
        "add application --company Acme --role Analyst --applied-on 2026-09-01 --stage screen"
        " --stage-on 2026-09-05 --outcome rejected --outcome-on 2026-09-10 --channel phone"
    ))  # fmt: skip
    result = run("--journal", j, "update", "application", "1", *shlex.split(update))
    assert result.returncode == 0, result.stderr
    with Journal(journal_file) as journal:
        history = journal.stage_changes()[["stage", "changed_on"]].astype(str).values.tolist()
    assert history == [["applied", "2026-09-01"], ["screen", "2026-09-05"], ["final", dated]]


def test_update_help_states_the_stage_date_default(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["update", "application", "--help"])
    assert "default: --outcome-on when given, else today" in " ".join(capsys.readouterr().out.split())

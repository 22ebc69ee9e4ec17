"""One safety net: a failure Rebound did not expect is one line (exit 3, or a form's status), never a traceback.

Its traceback goes to the workbook's log (0600), without what the person typed.
The command line runs as a real process: a small wrapper makes one command's
handler fail the way a bug would, since every known input that raised has been
fixed where it started.  Expected failures keep their words, from the one
``describe()`` the command line and the forms share.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.error_log import MAX_BYTES, WORKBOOK_LOG, record_unexpected
from workbook.error_words import describe
from workbook.errors import StorageError
from workbook.journal import Journal
from workbook.journal_file import translate
from workbook.records import Application, MoodEntry
from workbook.widgets import MoodLogger
from workbook.widgets.follow_up import FollowUpForm
from workbook.widgets.motivation import MotivationForm

SECRET = "my private words about Acme"
#: Runs `workbook`, with the handler of `add mood` failing as a bug would, quoting what was typed.
WRAPPER = """
import sys
import workbook.cli.entries as entries
from workbook.cli import main

def broken(args):
    raise ValueError(f"cannot use {args.note!r}")

entries._add_mood = broken
sys.exit(main())
"""


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The wrapped command in ``tmp_path`` (a workbook folder), with its own data folder."""
    wrapper = tmp_path / "broken_workbook.py"
    wrapper.write_text(WRAPPER)
    env = {k: v for k, v in os.environ.items() if k != "WORKBOOK_JOURNAL"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data-home")
    return subprocess.run(
        [sys.executable, str(wrapper), "--journal", str(tmp_path / "j.db"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A workbook folder (it holds workbook.toml)."""
    (tmp_path / "workbook.toml").write_text("")
    return tmp_path


def test_a_bug_in_a_command_is_one_line_exit_3_and_its_traceback_is_logged(folder: Path) -> None:
    result = run(folder, "add", "mood", "--mood", "5", "--note", SECRET)

    assert result.returncode == 3, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    log = folder / WORKBOOK_LOG
    assert lines[0] == (
        "error: something went wrong that Rebound did not expect (ValueError); nothing more was written; "
        f"run again with --debug to see why (the details are in {log})"
    )
    assert "Traceback" not in result.stderr and SECRET not in result.stderr
    text = log.read_text()
    assert "workbook add" in text and "Traceback (most recent call last)" in text
    assert "in broken" in text and "ValueError" in text
    assert SECRET not in text and "Acme" not in text  # neither the argument nor the message quoting it
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


def test_a_second_bug_is_appended_to_the_same_log(folder: Path) -> None:
    run(folder, "add", "mood", "--mood", "5")
    run(folder, "add", "mood", "--mood", "6")
    assert (folder / WORKBOOK_LOG).read_text().count("workbook add") == 2


def test_outside_a_workbook_folder_the_log_is_in_the_persons_data_folder(tmp_path: Path) -> None:
    result = run(tmp_path, "add", "mood", "--mood", "5")
    log = tmp_path / "data-home" / "rebound" / "logs" / "errors.log"
    assert result.returncode == 3
    assert str(log) in result.stderr
    assert "ValueError" in log.read_text()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_when_no_log_can_be_written_the_one_line_still_comes(folder: Path) -> None:
    # Files where both log folders would go: no one, root included, can write a log there.
    (folder / "data-home").write_text("a file")
    (folder / ".workbook").write_text("a file")
    result = run(folder, "add", "mood", "--mood", "5")
    assert result.returncode == 3
    assert result.stderr.splitlines() == [
        "error: something went wrong that Rebound did not expect (ValueError); nothing more was written; "
        "run again with --debug to see why"
    ]


def test_when_the_log_is_a_planted_link_it_is_not_followed(folder: Path) -> None:
    victim = folder / "someone_elses.txt"
    victim.write_text("theirs")
    (folder / WORKBOOK_LOG).parent.mkdir(parents=True)
    (folder / WORKBOOK_LOG).symlink_to(victim)
    result = run(folder, "add", "mood", "--mood", "5")
    assert result.returncode == 3 and len(result.stderr.splitlines()) == 1
    assert victim.read_text() == "theirs"


def test_debug_still_shows_the_whole_traceback(folder: Path) -> None:
    result = run(folder, "--debug", "add", "mood", "--mood", "5", "--note", "a note")
    assert result.returncode == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "ValueError: cannot use 'a note'" in result.stderr


def test_an_expected_failure_keeps_its_own_line_and_exit_2(folder: Path) -> None:
    result = run(folder, "delete", "mood", "7", "--yes")
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "did not expect" not in result.stderr
    assert not (folder / WORKBOOK_LOG).exists()


def test_help_says_what_exit_3_means() -> None:
    result = subprocess.run([sys.executable, "-m", "workbook", "--help"], capture_output=True, text=True)
    assert "3 something Rebound did not expect" in " ".join(result.stdout.split())


# --- one describe() for SQLite's failures ---------------------------------------------------


@pytest.mark.parametrize(
    "text", ["database is locked", "database disk image is malformed", "database or disk is full", "x"]
)
def test_sqlite_failures_are_worded_by_the_journals_own_words(tmp_path: Path, text: str) -> None:
    error = sqlite3.OperationalError(text)
    assert describe(error, tmp_path / "j.db") == str(translate(error, tmp_path / "j.db", 5))


def test_a_full_disk_without_a_file_name_is_said_in_words() -> None:
    said = describe(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    assert "the disk is full" in said and "Errno" not in said


# --- the forms ---------------------------------------------------------------------------


@pytest.fixture
def logger(journal: Journal, folder: Path, monkeypatch: pytest.MonkeyPatch) -> MoodLogger:
    """A mood form with every field typed into, in a workbook folder."""
    monkeypatch.chdir(folder)
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "data-home"))
    form = MoodLogger(journal)
    form.mood.value = 3
    form.note.value = SECRET
    form.own_emotions.value = "tired, hopeful"
    return form


def fail_with(monkeypatch: pytest.MonkeyPatch, journal: Journal, error: Exception) -> None:
    """Make the journal's next add fail with ``error`` (the journal's own failures are tested elsewhere)."""

    def add(record: object) -> object:
        raise error

    monkeypatch.setattr(journal, "add", add)


def test_a_full_disk_in_a_form_is_said_in_words_and_keeps_every_field(
    logger: MoodLogger, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = logger.typed()
    fail_with(monkeypatch, journal, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    logger.save_button.click()
    assert logger.status_text.startswith("Not saved: ") and "the disk is full" in logger.status_text
    assert "Errno" not in logger.status_text
    assert logger.typed() == typed and logger.note.value == SECRET


def test_a_bug_in_a_form_says_so_keeps_every_field_and_logs_the_traceback(
    logger: MoodLogger, journal: Journal, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = logger.typed()
    fail_with(monkeypatch, journal, TypeError(f"cannot store {SECRET}"))
    logger.save_button.click()
    log = folder / WORKBOOK_LOG
    assert logger.status_text == (
        "Not saved: something went wrong that Rebound did not expect (TypeError); "
        f"everything you typed is still here (the details are in {log})"
    )
    assert logger.typed() == typed
    text = log.read_text()
    assert "form MoodLogger" in text and "TypeError" in text and SECRET not in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert journal.records(MoodEntry) == []


def test_a_journal_failure_in_a_form_names_the_journal(
    logger: MoodLogger, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_with(monkeypatch, journal, StorageError(f"journal: {journal.path}: the disk is full"))
    logger.save_button.click()
    assert (
        logger.status_text
        == f"Not saved: journal: {journal.path}: the disk is full. Your text is still here."
    )


def test_a_failure_after_a_change_is_shown_on_the_status_line_and_logged(
    logger: MoodLogger, folder: Path
) -> None:
    def broken() -> None:
        raise KeyError("option")

    control = logger.note
    logger.watch(control, broken)
    control.value = "changed"
    assert "did not expect (KeyError)" in logger.status_text
    assert "KeyError" in (folder / WORKBOOK_LOG).read_text()


def test_a_failure_after_a_choice_in_a_drop_down_is_shown_not_lost(
    journal: Journal, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    for company in ("Acme", "Globex"):
        journal.add(Application(company=company, role="Analyst", applied_on=dt.date(2026, 1, 5)))
    form = MotivationForm(journal)
    journal.close()  # as when the notebook's journal was closed: the next read fails
    form.application.value = form.application.options[-1][1]
    assert form.status_text.startswith("That did not work: journal: ")
    assert str(journal.path) in form.status_text


def test_a_log_grown_past_its_limit_starts_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    log = folder / WORKBOOK_LOG
    log.parent.mkdir(parents=True)
    log.write_text("old\n" * (MAX_BYTES // 4 + 1))
    assert record_unexpected(ValueError("x"), "workbook add") == log
    assert log.stat().st_size < 10_000 and "old" not in log.read_text()


def test_a_failure_after_a_click_is_shown_not_lost(
    journal: Journal, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    app = journal.add(Application(company="Acme", role="Analyst", applied_on=dt.date(2026, 1, 5)))
    form = FollowUpForm(journal, application_id=app.id)
    journal.close()
    form.redraft_button.click()  # drafting reads the application again
    assert form.status_text.startswith("That did not work: journal: ")

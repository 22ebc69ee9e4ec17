"""A journal others could read, or swap from a folder they can write to, is refused with the fix to type."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.errors import ExposedJournalError, JournalError, WorkbookError
from workbook.journal import Journal
from workbook.records import MoodEntry


def _journal_with_one_mood(path: Path) -> None:
    with Journal(path) as journal:
        journal.add(MoodEntry(at="2026-10-01T09:00:00", mood=6, note="first"))


def _moods(path: Path) -> int:
    with Journal(path) as journal:
        return len(journal.moods())


def test_new_journals_are_0600_even_under_an_open_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        _journal_with_one_mood(tmp_path / "fresh" / "journal.db")
    finally:
        os.umask(old)

    assert (tmp_path / "fresh" / "journal.db").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "fresh").stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize(
    ("mode", "verb"), [(0o644, "read"), (0o640, "read"), (0o604, "read"), (0o620, "change")]
)
def test_a_journal_others_can_read_or_change_is_refused_with_the_chmod_to_type(
    tmp_path: Path, mode: int, verb: str
) -> None:
    path = tmp_path / "journal.db"
    _journal_with_one_mood(path)
    path.chmod(mode)

    with pytest.raises(ExposedJournalError) as refused:
        Journal(path)

    message = str(refused.value)
    assert isinstance(refused.value, JournalError) and isinstance(refused.value, WorkbookError)
    assert "\n" not in message and f"other people can {verb} it" in message
    assert message.endswith(f"chmod 600 {path}")
    path.chmod(0o600)
    assert _moods(path) == 1  # the fix is all it takes, and nothing was lost


def test_a_refused_journal_is_left_exactly_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    _journal_with_one_mood(path)
    path.chmod(0o644)
    before = sorted(p.name for p in tmp_path.iterdir()), path.read_bytes()

    with pytest.raises(ExposedJournalError):
        Journal(path)

    assert (sorted(p.name for p in tmp_path.iterdir()), path.read_bytes()) == before
    assert path.stat().st_mode & 0o777 == 0o644  # refused, never silently changed


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o757])
def test_a_folder_others_can_write_to_is_refused_before_a_file_is_made(tmp_path: Path, mode: int) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(mode)

    with pytest.raises(ExposedJournalError) as refused:
        Journal(folder / "journal.db")

    assert str(refused.value).endswith(f"chmod 700 {folder}")
    assert list(folder.iterdir()) == []


def test_a_folder_with_the_sticky_bit_is_fine(tmp_path: Path) -> None:
    folder = tmp_path / "like-tmp"
    folder.mkdir()
    folder.chmod(0o1777)

    _journal_with_one_mood(folder / "journal.db")

    assert _moods(folder / "journal.db") == 1


def test_a_folder_others_may_only_list_is_fine(tmp_path: Path) -> None:
    data = tmp_path / "clone" / "data"  # the repository's data/ after a clone
    data.mkdir(parents=True)
    data.chmod(0o755)

    _journal_with_one_mood(data / "journal.db")

    assert _moods(data / "journal.db") == 1


def test_a_link_is_judged_by_the_file_and_folder_it_points_to(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    _journal_with_one_mood(shared / "journal.db")
    shared.chmod(0o777)
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o700)
    (mine / "journal.db").symlink_to(shared / "journal.db")

    with pytest.raises(ExposedJournalError, match="chmod 700"):
        Journal(mine / "journal.db")


def test_the_command_line_says_one_line_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    _journal_with_one_mood(path)
    path.chmod(0o644)

    result = subprocess.run(
        [sys.executable, "-m", "workbook", "--journal", str(path), "add", "mood", "--mood", "5"],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: journal: {path}: other people can read it (mode 0644); "
        f"make it yours alone with: chmod 600 {path}"
    ]
    path.chmod(0o600)
    assert _moods(path) == 1


def test_a_notebook_shows_the_refusal_as_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from IPython.core.interactiveshell import InteractiveShell

    path = tmp_path / "journal.db"
    _journal_with_one_mood(path)
    path.chmod(0o640)
    shell = InteractiveShell.instance()
    try:
        ran = shell.run_cell(f"import workbook; wb = workbook.open(journal={str(path)!r})")
    finally:
        InteractiveShell.clear_instance()

    assert isinstance(ran.error_in_exec, ExposedJournalError)
    shown = capsys.readouterr()
    assert (shown.out + shown.err).strip().splitlines() == [
        f"journal: {path}: other people can read it (mode 0640); make it yours alone with: chmod 600 {path}"
    ]

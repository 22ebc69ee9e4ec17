"""A damaged journal is caught before any write and at every start, and refused naming the way back (issue 22)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest
from reliability.harness import refusal_line, workbook
from reliability.safety_files import damage, moods

from workbook import backups
from workbook.errors import DamagedJournalError
from workbook.journal import Journal
from workbook.records import MoodEntry
from workbook.session import open_workbook


@pytest.fixture()
def damaged(tmp_path: Path) -> Path:
    """A 603-mood journal (with its automatic backup) whose middle page is junk."""
    journal = tmp_path / "journal.db"
    moods(journal, 603)
    damage(journal)
    return journal


def test_add_mood_on_a_damaged_journal_exits_2_writes_nothing_and_names_the_newest_good_backup(
    damaged: Path,
) -> None:
    before = damaged.read_bytes()
    line = refusal_line(workbook("add", "mood", "--mood", "5", journal=damaged))
    newest = backups.newest_good(damaged)
    assert newest is not None
    assert line.startswith(f"error: journal: {damaged}: is damaged (")
    assert f"Your newest good backup is {newest}" in line
    assert line.endswith("put it back with: workbook restore --latest")
    assert damaged.read_bytes() == before
    assert not Path(f"{damaged}-wal").exists() or Path(f"{damaged}-wal").stat().st_size == 0


def test_a_damaged_journal_with_no_backup_promises_none(damaged: Path) -> None:
    for path in backups.backups_of(damaged):
        path.unlink()
    line = refusal_line(workbook("add", "mood", "--mood", "5", journal=damaged))
    assert "there is no backup of it" in line
    assert "workbook restore" not in line


def test_workbook_lab_refuses_to_start_on_a_damaged_journal(damaged: Path, tmp_path: Path) -> None:
    started = workbook("lab", str(tmp_path), "--no-browser", "--port", "1", journal=damaged, timeout=120)
    line = refusal_line(started)
    assert "is damaged" in line and "workbook restore --latest" in line
    assert "Open this address" not in started.stdout


def test_the_notebooks_say_the_same_in_words(damaged: Path) -> None:
    with pytest.raises(DamagedJournalError) as caught:
        open_workbook(journal=damaged)
    (shown,) = caught.value._render_traceback_()
    assert "is damaged" in shown and "workbook restore --latest" in shown


def test_a_journal_damaged_while_open_is_refused_at_the_next_write(tmp_path: Path) -> None:
    journal_path = tmp_path / "journal.db"
    moods(journal_path, 603)
    with Journal(journal_path) as journal:
        # another program writes, then the file is damaged under this open journal
        with contextlib.closing(sqlite3.connect(journal_path)) as other:
            other.execute("UPDATE mood_entries SET note = 'x' WHERE id = 1")
            other.commit()
        damage(journal_path)
        before = journal_path.read_bytes()
        with pytest.raises(DamagedJournalError, match="is damaged"):
            journal.add(MoodEntry(at="2025-06-01T09:00", mood=5))
        assert journal_path.read_bytes() == before

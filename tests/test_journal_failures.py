"""Transactions nest, and every SQLite failure reaches the caller in words, with the journal still usable."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.errors import JournalBusyError, StorageError
from workbook.journal import Journal
from workbook.records import Application, MoodEntry

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(60)
"""


def _companies(journal: Journal) -> list[str]:
    return [app.company for app in journal.records(Application)]


def _app(company: str) -> Application:
    return Application(company=company, role="Analyst", applied_on="2026-09-01")


def test_an_inner_block_that_fails_takes_back_only_its_own_writes(journal: Journal) -> None:
    with journal.transaction():
        journal.add(_app("Acme"))
        try:
            with journal.transaction():
                journal.add(_app("Beta"))
                raise RuntimeError("the person pressed cancel")
        except RuntimeError:
            pass
        journal.add(_app("Gamma"))
    assert _companies(journal) == ["Acme", "Gamma"]


def test_a_failed_commit_takes_everything_back_and_the_journal_works_on(journal: Journal) -> None:
    with pytest.raises(StorageError, match=f"journal: {journal.path}: FOREIGN KEY constraint failed"):
        with journal.transaction():
            journal.add(_app("Acme"))
            # A check SQLite makes only at COMMIT: a link to an application that does not exist.
            journal._conn.execute("PRAGMA defer_foreign_keys = ON")
            journal._conn.execute(
                "INSERT INTO call_notes (application_id, held_on) VALUES (999, '2026-09-02')"
            )
    assert _companies(journal) == []
    journal.add(_app("Beta"))
    assert _companies(journal) == ["Beta"]


def test_a_full_disk_is_said_in_words_and_nothing_half_written_stays(journal: Journal) -> None:
    journal.add(MoodEntry(at="2026-09-01T09:00", mood=5))
    pages = journal._conn.execute("PRAGMA page_count").fetchone()[0]
    journal._conn.execute(f"PRAGMA max_page_count = {pages + 4}")  # SQLITE_FULL, as a full disk gives it
    with pytest.raises(StorageError, match="the disk is full"):
        with journal.transaction():
            for n in range(40):
                journal.add(MoodEntry(at=f"2026-09-02T09:{n:02d}", mood=5, note="a long day " * 1500))
    assert len(journal.records(MoodEntry)) == 1
    journal._conn.execute("PRAGMA max_page_count = 1073741823")
    journal.add(MoodEntry(at="2026-09-03T09:00", mood=6))
    assert len(journal.moods()) == 2


@pytest.fixture
def held(journal_file: Path) -> Iterator[subprocess.Popen[str]]:
    """Another program holding the journal's write lock."""
    Journal(journal_file).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(journal_file)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    yield holder
    holder.kill()
    holder.wait()


def test_a_journal_locked_by_another_program_names_it(
    journal_file: Path, held: subprocess.Popen[str]
) -> None:
    with Journal(journal_file, busy_timeout=0.3) as journal:
        with pytest.raises(JournalBusyError) as busy:
            journal.add(MoodEntry(at="2026-09-01T09:00", mood=5))
        assert journal.records(MoodEntry) == []  # reading goes on while another program writes
    message = str(busy.value)
    assert message.startswith(f"journal: {journal_file}: ")
    assert f"(pid {held.pid})" in message and "more than 0.3 seconds; close it and try again" in message


def test_a_read_only_journal_is_said_in_words(journal_file: Path) -> None:
    with Journal(journal_file) as journal:
        journal.add(_app("Acme"))
        # Root ignores file modes, so open this connection read-only the way a read-only file would be.
        journal._conn.close()
        journal._conn = sqlite3.connect(f"file:{journal_file}?mode=ro", uri=True, isolation_level=None)
        with pytest.raises(
            StorageError,
            match=f"journal: {journal_file}: the file or its disk is read-only, so nothing was saved",
        ):
            journal.add(_app("Beta"))
        assert _companies(journal) == ["Acme"]


def test_a_damaged_journal_says_to_restore_a_backup(journal_file: Path) -> None:
    with Journal(journal_file) as journal, journal.transaction():
        for n in range(300):
            journal.add(MoodEntry(at=f"2026-09-01T09:{n % 60:02d}", mood=5, note=f"entry {n} " * 20))
    size = journal_file.stat().st_size
    with open(journal_file, "r+b") as handle:
        for offset in range(4096, size, 4096):
            handle.seek(offset)
            handle.write(os.urandom(4096))
    with pytest.raises(StorageError, match=r"is damaged \(.*put it back with: workbook restore --latest"):
        with Journal(journal_file) as journal:
            journal.moods()

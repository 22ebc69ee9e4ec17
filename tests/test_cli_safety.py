"""`workbook backup`, `restore` and `forget` as a person runs them: real processes, real files."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbook.journal import Journal
from workbook.records import MoodEntry


def workbook(journal: Path, *args: str, answer: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `workbook --journal JOURNAL ARGS`; ``answer`` is typed on stdin (None: stdin is closed)."""
    env = {k: v for k, v in os.environ.items() if k != "WORKBOOK_JOURNAL"}
    return subprocess.run(
        [sys.executable, "-m", "workbook", "--journal", str(journal), *args],
        input=answer if answer is not None else "",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def moods(path: Path) -> list[int]:
    """The moods stored in a journal or backup file, read without changing it."""
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        return [row[0] for row in conn.execute("SELECT mood FROM mood_entries ORDER BY id")]


def digest(path: Path) -> str:
    """The file's bytes, hashed."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def log_moods(journal: Path, *values: int) -> None:
    """Add one mood per value, as a notebook would."""
    with Journal(journal) as opened:
        for value in values:
            opened.add(MoodEntry(at="2026-03-01T09:00", mood=value))


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """A journal holding the moods 6 and 7."""
    path = tmp_path / "journal.db"
    log_moods(path, 6, 7)
    return path


# --- backup ---------------------------------------------------------------------


def test_backup_goes_beside_the_journal_private_and_complete(journal: Path) -> None:
    result = workbook(journal, "backup")
    assert result.returncode == 0, result.stderr
    written = Path(re.search(r"Backed up your journal to (.+)\.$", result.stdout.strip()).group(1))
    assert written.parent == journal.parent
    assert re.fullmatch(r"journal\.db\.backup-\d{8}T\d{6}\.bak", written.name)
    assert written.stat().st_mode & 0o777 == 0o600
    assert moods(written) == [6, 7]
    assert not Path(f"{written}-wal").exists()


def test_backup_to_a_named_file_never_writes_over_one(journal: Path, tmp_path: Path) -> None:
    dest = tmp_path / "safe" / "copy.bak"
    assert workbook(journal, "backup", str(dest)).returncode == 0
    assert moods(dest) == [6, 7]
    before = digest(dest)
    log_moods(journal, 1)
    again = workbook(journal, "backup", str(dest))
    assert again.returncode == 2
    assert again.stderr.startswith(f"error: DEST: {dest} already exists")
    assert digest(dest) == before


def test_backup_of_a_missing_journal_says_so(tmp_path: Path) -> None:
    result = workbook(tmp_path / "none.db", "backup")
    assert result.returncode == 2
    assert result.stderr.startswith("error: journal: ") and "no journal there" in result.stderr
    assert list(tmp_path.iterdir()) == []


WRITER = """
import sys, time
from workbook.journal import Journal
from workbook.records import MoodEntry
with Journal(sys.argv[1]) as journal:
    print("writing", flush=True)
    while True:
        journal.add(MoodEntry(at="2026-03-02T09:00", mood=5))
"""


def test_backup_while_another_process_writes_is_a_sound_journal(journal: Path, tmp_path: Path) -> None:
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(journal)], stdout=subprocess.PIPE, text=True)
    copies = []
    try:
        assert writer.stdout.readline().strip() == "writing"
        for number in range(5):
            time.sleep(0.2)
            dest = tmp_path / f"during-{number}.bak"
            result = workbook(journal, "backup", str(dest))
            assert result.returncode == 0, result.stderr
            copies.append(dest)
    finally:
        writer.kill()
        writer.wait()
    counts = []
    for copy in copies:
        with sqlite3.connect(copy) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        opened_copy = tmp_path / f"opened-{copy.name}"
        opened_copy.write_bytes(copy.read_bytes())
        opened_copy.chmod(0o600)  # a copy made by hand is readable by others until made private
        with Journal(opened_copy) as opened:
            counts.append(opened.counts()["mood_entries"])
    assert counts == sorted(counts) and counts[-1] > counts[0] >= 2


# --- restore --------------------------------------------------------------------


def test_restore_puts_the_backup_back_and_keeps_the_replaced_journal(journal: Path, tmp_path: Path) -> None:
    backup = tmp_path / "before.bak"
    workbook(journal, "backup", str(backup))
    backup_bytes = digest(backup)
    log_moods(journal, 1)

    result = workbook(journal, "restore", str(backup), "--yes")

    assert result.returncode == 0, result.stderr
    assert moods(journal) == [6, 7]
    replaced = next(journal.parent.glob("journal.db.replaced-*.bak"))
    assert moods(replaced) == [6, 7, 1]
    assert replaced.stat().st_mode & 0o777 == 0o600
    assert str(replaced) in result.stdout
    assert digest(backup) == backup_bytes
    assert not list(journal.parent.glob(".journal.db.restoring-*"))


KILLED_WRITER = """
import os, sys
from workbook.journal import Journal
from workbook.records import MoodEntry
journal = Journal(sys.argv[1])
journal.add(MoodEntry(at="2026-03-03T09:00", mood=2))
os._exit(0)  # as if killed: the -wal keeps the entry, never checkpointed
"""


def test_restore_never_replays_a_stale_wal_onto_the_restored_file(journal: Path, tmp_path: Path) -> None:
    backup = tmp_path / "before.bak"
    workbook(journal, "backup", str(backup))
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(journal)], check=True)
    assert Path(f"{journal}-wal").stat().st_size > 0

    assert workbook(journal, "restore", str(backup), "--yes").returncode == 0

    assert moods(journal) == [6, 7]
    assert moods(next(journal.parent.glob("journal.db.replaced-*.bak"))) == [6, 7, 2]
    with Journal(journal) as opened:
        assert opened.counts()["mood_entries"] == 2


@pytest.mark.parametrize(
    "answer", [None, "\n", "n\n", "no thanks\n"], ids=["end of input", "enter", "n", "no"]
)
def test_restore_without_a_yes_changes_nothing(journal: Path, tmp_path: Path, answer: str | None) -> None:
    backup = tmp_path / "before.bak"
    workbook(journal, "backup", str(backup))
    log_moods(journal, 1)
    before = digest(journal)

    result = workbook(journal, "restore", str(backup), answer=answer)

    assert result.returncode == 1
    assert "Replace" in result.stderr and "[y/N]" in result.stderr
    assert "Nothing was changed." in result.stdout
    assert digest(journal) == before and moods(journal) == [6, 7, 1]
    assert not list(journal.parent.glob("journal.db.replaced-*"))


def test_restore_asks_and_a_yes_restores(journal: Path, tmp_path: Path) -> None:
    backup = tmp_path / "before.bak"
    workbook(journal, "backup", str(backup))
    log_moods(journal, 1)
    assert workbook(journal, "restore", str(backup), answer="y\n").returncode == 0
    assert moods(journal) == [6, 7]


def other_program_file(path: Path) -> None:
    """An SQLite file that some other program wrote."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p.write_text("just some notes\n"), "is not a Rebound journal"),
        (other_program_file, "is not a Rebound journal"),
        (lambda p: p.mkdir(), "is not a file"),
    ],
    ids=["text file", "another program's database", "folder"],
)
def test_restore_refuses_what_is_not_a_journal_and_touches_nothing(
    journal: Path, tmp_path: Path, make, says: str
) -> None:
    candidate = tmp_path / "candidate.bak"
    make(candidate)
    before = digest(journal)
    candidate_before = digest(candidate) if candidate.is_file() else None

    result = workbook(journal, "restore", str(candidate), "--yes")

    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: FILE: ")
    assert says in result.stderr
    assert digest(journal) == before
    assert candidate_before is None or digest(candidate) == candidate_before
    assert not list(tmp_path.glob("*.replaced-*")) and not list(tmp_path.glob(".journal.db.restoring-*"))


# --- forget ---------------------------------------------------------------------


def test_forget_needs_yes_then_deletes_the_journal_and_every_backup(journal: Path) -> None:
    workbook(journal, "backup")
    neighbours = [journal.with_name("journal.db.notes.txt"), journal.with_name("other.db.backup-1.bak")]
    for path in neighbours:
        path.write_text("not the journal's")
    Path(f"{journal}-wal").touch()
    Path(f"{journal}-shm").touch()

    refused = workbook(journal, "forget")
    # the journal, its -wal and -shm, the backup made here and the one Rebound made by itself
    assert refused.returncode == 2 and refused.stderr.startswith("error: --yes: this deletes 5 files")
    assert journal.exists()

    done = workbook(journal, "forget", "--yes")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in journal.parent.iterdir()) == sorted(p.name for p in neighbours)
    assert done.stdout.count("Deleted ") == 5

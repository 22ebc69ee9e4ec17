"""``workbook backup``, ``restore`` and ``forget``, as a person runs them.

A backup taken while another program writes is a sound journal; restore asks
first, changes nothing without an answer, and keeps the journal it replaces;
forget removes the journal with its -wal, -shm and every backup, and nothing else.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reliability.harness import child_env, content, integrity, seed, workbook
from workbook.journal import Journal
from workbook.records import MoodEntry

BUSY_WRITER = """
import datetime as dt, sys
from workbook.journal import Journal
from workbook.records import MoodEntry
with Journal(sys.argv[1]) as journal:
    print("writing", flush=True)
    i = 0
    while True:
        journal.add(MoodEntry(at=dt.datetime(2025, 6, 1, 8, 0), mood=1 + i % 10, note=f"busy {i}"))
        i += 1
"""


def test_backup_while_another_program_writes_is_a_sound_journal(tmp_path: Path) -> None:
    journal = seed(tmp_path / "journal.db")
    writer = subprocess.Popen(
        [sys.executable, "-c", BUSY_WRITER, str(journal)], stdout=subprocess.PIPE, text=True, env=child_env()
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
        target = tmp_path / "copies" / "journal-copy.db"
        target.parent.mkdir()
        done = workbook("backup", str(target), journal=journal)
        default = workbook("backup", journal=journal)
    finally:
        writer.kill()
        writer.wait()
    assert done.returncode == 0, done.stderr
    assert default.returncode == 0, default.stderr
    [beside] = tmp_path.glob("journal.db.backup-*.bak")
    for copy in (target, beside):
        assert integrity(copy) == "ok"
        assert copy.stat().st_mode & 0o777 == 0o600
        with Journal(copy) as opened:
            assert opened.counts()["applications"] == 1
            notes = [m.note for m in opened.records(MoodEntry)]
        assert notes[0] == "Hard day." and len(notes) > 1, "the backup missed entries saved before it"


def test_restore_asks_first_and_without_an_answer_changes_nothing(tmp_path: Path) -> None:
    journal = seed(tmp_path / "journal.db")
    other = tmp_path / "other.db"
    with Journal(other) as opened:
        opened.add(MoodEntry(at="2025-07-01T10:00:00", mood=9, note="From the other file."))
    before = content(journal)

    done = workbook("restore", str(other), journal=journal, stdin="")

    assert "Traceback" not in done.stderr and "invalid choice" not in done.stderr, done.stderr
    assert content(journal) == before
    assert not list(tmp_path.glob("journal.db.*.bak"))


def test_restore_yes_replaces_the_journal_and_keeps_the_replaced_one_as_a_backup(tmp_path: Path) -> None:
    journal = seed(tmp_path / "journal.db")
    other = tmp_path / "other.db"
    with Journal(other) as opened:
        opened.add(MoodEntry(at="2025-07-01T10:00:00", mood=9, note="From the other file."))
    replaced, restored = content(journal), content(other)

    done = workbook("restore", str(other), "--yes", journal=journal)

    assert done.returncode == 0, done.stderr
    assert content(journal) == restored
    kept = [b for b in tmp_path.glob("journal.db.*.bak") if content(b) == replaced]
    assert kept, "the journal that was replaced was not kept as a backup"
    assert content(other) == restored  # the file restored from is left as it was


def test_restore_of_a_file_that_is_not_a_journal_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    journal = seed(tmp_path / "journal.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    before = content(journal)

    done = workbook("restore", str(junk), "--yes", journal=journal)

    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("error: ")
    assert content(journal) == before


def _journal_with_companions(folder: Path) -> tuple[Path, list[Path], list[Path]]:
    journal = seed(folder / "journal.db")
    companions = [
        folder / "journal.db-wal",
        folder / "journal.db-shm",
        folder / "journal.db.v1-20250101T000000.bak",
        folder / "journal.db.backup-20250301T120000.bak",
    ]
    for path in companions:
        path.write_bytes(b"")  # SQLite ignores empty -wal/-shm files; forget must still remove them
    bystanders = [folder / "other.db", folder / "journal.db.notes.txt", folder / "notes.bak"]
    for path in bystanders:
        path.write_text("not the journal's", encoding="utf-8")
    return journal, companions, bystanders


def test_forget_without_yes_and_without_an_answer_removes_nothing(tmp_path: Path) -> None:
    journal, companions, bystanders = _journal_with_companions(tmp_path)
    before = content(journal)

    done = workbook("forget", journal=journal, stdin="")

    assert "Traceback" not in done.stderr and "invalid choice" not in done.stderr, done.stderr
    assert content(journal) == before
    assert all(p.exists() for p in [*companions, *bystanders])


def test_forget_yes_removes_the_journal_its_wal_shm_and_every_backup_and_nothing_else(tmp_path: Path) -> None:
    journal, companions, bystanders = _journal_with_companions(tmp_path)

    done = workbook("forget", "--yes", journal=journal)

    assert done.returncode == 0, done.stderr
    assert not journal.exists()
    assert [p.name for p in companions if p.exists()] == []
    assert all(p.exists() for p in bystanders)

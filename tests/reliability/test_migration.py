"""Journals from every earlier schema open with all their data and a backup beside them;
a migration that fails part way leaves the file exactly as it was and says how to get the backup back.

Old journals are built here, in code, from ``workbook.schema.MIGRATIONS[:n]``:
the same statements the released versions ran.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from reliability.harness import content, integrity
from workbook.errors import WorkbookError
from workbook.journal import Journal
from workbook.records import Application, CallNotes, FeedbackItem, MoodEntry, SupportContact
from workbook.schema import CURRENT_VERSION, MIGRATIONS

# Version-1 rows: every later schema keeps these tables and columns.
V1_ROWS = {
    "applications": [
        (
            1,
            "Acme",
            "Analyst",
            "2025-01-10",
            "interview",
            "rejected",
            "2025-02-01",
            "video_call",
            "Kind call.",
        ),
        (2, "Globex", "Designer", "2025-01-20", "applied", "pending", None, "none", ""),
    ],
    "call_notes": [(1, 1, "2025-02-01", '["thanks"]', "What could I do better?", "More depth.", "")],
    "feedback_items": [(1, 1, "More depth on data modelling.", '["technical"]')],
    "mood_entries": [
        (
            1,
            "2025-02-01T18:00:00",
            3,
            '["disappointed"]',
            '["walked"]',
            2,
            "Déçu, mais ça ira. 🙂",
            "after_call",
            1,
        ),
        (2, "2025-02-02T09:00:00", 5, "[]", "[]", None, "", "daily", None),
    ],
    "support_contacts": [(1, "2025-02-02", "Sam", 5, "Listened.")],
}


def build_old_journal(path: Path, version: int, *, conflict: bool = False) -> Path:
    """A journal of schema ``version``, as that release wrote it (0600), holding V1_ROWS.

    With ``conflict``, feedback_items already has a ``confirmed`` column, so the
    upgrade to version 2 fails on its last statement, after its first ones ran.
    """
    conn = sqlite3.connect(path, isolation_level=None)
    for number in range(version):
        conn.executescript(MIGRATIONS[number])
        if number == 0:
            for table, rows in V1_ROWS.items():
                marks = ", ".join("?" for _ in rows[0])
                conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
            if conflict:
                conn.execute("ALTER TABLE feedback_items ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 0")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    path.chmod(0o600)  # private, as every release made it (others' bits are refused)
    return path


@pytest.mark.parametrize("version", range(1, CURRENT_VERSION), ids=lambda v: f"schema-{v}")
def test_an_older_journal_opens_with_all_its_data_and_a_backup_beside_it(
    tmp_path: Path, version: int
) -> None:
    path = build_old_journal(tmp_path / "journal.db", version)
    original = content(path)

    with Journal(path) as journal:
        assert journal.schema_version == CURRENT_VERSION
        apps = journal.records(Application)
        moods = journal.records(MoodEntry)
        assert [(a.id, a.company, a.outcome, a.outcome_on) for a in apps] == [
            (1, "Acme", "rejected", dt.date(2025, 2, 1)),
            (2, "Globex", "pending", None),
        ]
        assert [(m.id, m.mood, m.note, m.emotions) for m in moods] == [
            (1, 3, "Déçu, mais ça ira. 🙂", ("disappointed",)),
            (2, 5, "", ()),
        ]
        [notes] = journal.records(CallNotes)
        assert (notes.questions, notes.answers) == ("What could I do better?", "More depth.")
        [item] = journal.records(FeedbackItem)
        assert item.text == "More depth on data modelling."
        assert journal.records(SupportContact)[0].note == "Listened."
        journal.applications()  # the DataFrames read too
        journal.moods()

    backups = sorted(tmp_path.glob("journal.db.*.bak"))
    assert len(backups) == 1, backups
    assert backups[0].name.startswith(f"journal.db.v{version}-")
    assert integrity(backups[0]) == "ok"
    assert content(backups[0]) == original


def test_a_migration_that_fails_part_way_leaves_the_file_untouched_and_says_how_to_restore(
    tmp_path: Path,
) -> None:
    path = build_old_journal(tmp_path / "journal.db", 1, conflict=True)
    original_bytes = path.read_bytes()

    with pytest.raises(WorkbookError) as refused:
        Journal(path)

    message = str(refused.value)
    assert path.read_bytes() == original_bytes, "a failed upgrade changed the journal file"
    assert "\n" not in message and str(path) in message
    backups = sorted(tmp_path.glob("journal.db.*.bak"))
    named = [b for b in backups if str(b) in message or b.name in message]
    assert named, f"the message names no backup that exists: {message}"
    assert "restore" in message.lower(), message
    assert content(named[0]) == content(path)
    # Nothing of the half-done upgrade is left: no stage history, still schema 1.
    after = content(path)
    assert after is not None and "stage_changes" not in after and after["user_version"] == [(1,)]

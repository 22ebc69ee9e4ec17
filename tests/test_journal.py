"""The journal file: creation, records in and out, history, migration, concurrency."""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import sqlite3
import stat
from pathlib import Path

import pandas as pd
import pytest

from workbook.errors import JournalError, NotFoundError
from workbook.journal import Journal
from workbook.records import (
    Action,
    Application,
    CallNotes,
    ChecklistRun,
    FeedbackItem,
    MoodEntry,
    Reflection,
    SupportContact,
)
from workbook.schema import CURRENT_VERSION, MIGRATIONS


def test_new_journal_is_private_and_current(journal_file: Path) -> None:
    with Journal(journal_file) as journal:
        journal.add(MoodEntry(at="2026-10-01T08:00:00", mood=6))
        assert journal.schema_version == CURRENT_VERSION
        for path in journal_file.parent.glob("journal.db*"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    with sqlite3.connect(journal_file) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_records_round_trip_through_the_file(journal_file: Path) -> None:
    with Journal(journal_file) as journal:
        app = journal.add(
            Application(
                company="Acme", role="Analyst", applied_on="2026-09-01", stage="screen", stage_on="2026-09-10"
            )
        )
        mood = journal.add(
            MoodEntry(
                at="2026-09-12T20:15:00",
                mood=4,
                emotions=["déçu", "tired"],
                tags=["walked"],
                energy=2,
                note='<b>long day</b>, "odd" call',
                context="after_call",
                application_id=app.id,
            )
        )
    with Journal(journal_file) as reopened:
        assert reopened.get(MoodEntry, mood.id) == mood
        assert reopened.get(Application, app.id).stage_on == dt.date(2026, 9, 10)


def test_stage_history_survives_a_rejection(journal: Journal) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on="2026-09-01"))
    app = journal.update(app.replace(stage="screen"), stage_on="2026-09-08")
    app = journal.update(app.replace(stage="interview"), stage_on="2026-09-15")
    journal.update(app.replace(stage="final"), stage_on="2026-09-22")
    rejected = journal.update(
        journal.get(Application, app.id).replace(outcome="rejected", outcome_on="2026-09-29")
    )
    history = journal.stage_changes()
    assert list(history["stage"]) == ["applied", "screen", "interview", "final"]
    assert [d.date().isoformat() for d in history["changed_on"]] == [
        "2026-09-01",
        "2026-09-08",
        "2026-09-15",
        "2026-09-22",
    ]
    assert rejected.stage == "final" and rejected.outcome == "rejected"


def test_delete_takes_dependent_notes_with_it(journal: Journal) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on="2026-09-01"))
    journal.add(FeedbackItem(application_id=app.id, text="Go deeper on SQL"))
    mood = journal.add(MoodEntry(at="2026-09-02T08:00:00", mood=6, application_id=app.id))
    journal.delete(Application, app.id)
    counts = journal.counts()
    assert counts["applications"] == counts["feedback_items"] == counts["stage_changes"] == 0
    assert journal.get(MoodEntry, mood.id).application_id is None
    with pytest.raises(NotFoundError, match="no application with id"):
        journal.delete(Application, app.id)


ACCESSORS = {
    "applications": [
        "id",
        "company",
        "role",
        "applied_on",
        "stage",
        "outcome",
        "outcome_on",
        "channel",
        "notes",
        "invited_back",
        "stage_on",
    ],
    "moods": ["id", "at", "mood", "emotions", "tags", "energy", "note", "context", "application_id"],
    "feedback": ["id", "application_id", "text", "themes", "confirmed", "positive"],
    "people": ["id", "application_id", "name", "role", "contact", "note"],
    "follow_ups": ["id", "application_id", "kind", "created_on", "due_on", "done_on", "person", "text"],
    "self_reviews": ["id", "application_id", "held_on", "ratings", "differently"],
    "motivations": ["id", "application_id", "wanted", "draws", "avoids", "note"],
    "check_ins": ["id", "at", "questionnaire_id", "answers", "score", "application_id"],
    "call_notes": ["id", "application_id", "held_on", "covered", "questions", "answers", "notes"],
    "reflections": ["id", "at", "prompt_id", "prompt", "answer", "application_id"],
    "checklist_runs": ["id", "at", "checklist_id", "ticked", "application_id"],
    "actions": ["id", "title", "created_on", "theme", "due_on", "done_on", "application_id"],
    "support_contacts": ["id", "talked_on", "who", "helped", "note"],
    "stage_changes": ["id", "application_id", "stage", "changed_on"],
}


@pytest.mark.parametrize("accessor", sorted(ACCESSORS))
def test_empty_journal_gives_typed_empty_frames(journal: Journal, accessor: str) -> None:
    frame = getattr(journal, accessor)()
    assert frame.empty
    assert list(frame.columns) == ACCESSORS[accessor]
    for column in frame.columns:
        if column.endswith("_on") or column == "at":
            assert frame[column].dtype == "datetime64[ns]", column
    if "stage" in frame:
        assert list(frame["stage"].cat.categories) == ["applied", "screen", "interview", "final"]


def test_frames_have_dates_lists_and_full_categories(journal: Journal) -> None:
    app = journal.add(
        Application(
            company="Acme",
            role="Analyst",
            applied_on="2026-09-01",
            stage="interview",
            outcome="rejected",
            outcome_on="2026-09-20",
            channel="video_call",
        )
    )
    journal.add(
        MoodEntry(at="2026-09-20T18:00:00", mood=3, emotions=["sad", "relieved"], application_id=app.id)
    )
    journal.add(MoodEntry(at="2026-09-21T08:00:00", mood=5))
    journal.add(CallNotes(application_id=app.id, held_on="2026-09-20", covered=["thanks", "feedback"]))
    journal.add(
        Reflection(at="2026-09-21T09:00:00", prompt_id="after_call.learned", prompt="What?", answer="A lot")
    )
    journal.add(ChecklistRun(at="2026-09-19T09:00:00", checklist_id="prepare", ticked=["calm", "questions"]))
    journal.add(Action(title="Practise STAR answers", created_on="2026-09-21", theme="communication"))
    journal.add(SupportContact(talked_on="2026-09-21", who="Sam", helped=4))

    apps = journal.applications()
    assert apps.loc[0, "outcome_on"] == pd.Timestamp("2026-09-20")
    assert apps.loc[0, "stage_on"] == pd.Timestamp("2026-09-20")
    assert list(apps["channel"].cat.categories) == ["video_call", "phone", "email", "in_person", "none"]
    moods = journal.moods()
    assert moods.loc[0, "emotions"] == ["sad", "relieved"]
    assert moods.loc[1, "tags"] == []
    assert moods["application_id"].tolist() == [app.id, pd.NA]
    assert moods["energy"].isna().all()
    assert list(moods["context"].cat.categories) == ["daily", "before_call", "after_call"]
    assert journal.call_notes().loc[0, "covered"] == ["thanks", "feedback"]
    assert journal.checklist_runs().loc[0, "ticked"] == ["calm", "questions"]
    assert journal.actions()["due_on"].isna().all()
    assert journal.support_contacts().loc[0, "helped"] == 4


# --- migration ------------------------------------------------------------------


def write_version_1_journal(path: Path) -> None:
    """A journal as schema version 1 wrote it (0600): no stage history, no confirmed themes."""
    with sqlite3.connect(path) as conn:
        conn.executescript(MIGRATIONS[0])
        conn.execute(
            "INSERT INTO applications VALUES (1, 'Acme', 'Analyst', '2026-08-01', 'interview', 'rejected',"
            " '2026-08-20', 'video_call', 'kind call')"
        )
        conn.execute(
            "INSERT INTO feedback_items VALUES (1, 1, 'Needed more SQL depth', '[\"technical_depth\"]')"
        )
        conn.execute(
            "INSERT INTO mood_entries VALUES (1, '2026-08-20T18:00:00', 3, '[\"sad\"]', '[]', 2, 'rough', 'after_call', 1)"
        )
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    os.chmod(path, 0o600)  # private, as Rebound makes every journal (others' bits are refused)


def test_version_1_journal_migrates_with_data_intact_and_a_backup(journal_file: Path) -> None:
    write_version_1_journal(journal_file)
    with Journal(journal_file) as journal:
        assert journal.schema_version == CURRENT_VERSION
        app = journal.get(Application, 1)
        assert (app.company, app.stage, app.outcome, app.notes) == (
            "Acme",
            "interview",
            "rejected",
            "kind call",
        )
        assert list(journal.stage_changes()["stage"]) == ["applied", "interview"]
        item = journal.get(FeedbackItem, 1)
        assert item.themes == ("technical_depth",) and item.confirmed is False
        assert journal.get(MoodEntry, 1).emotions == ("sad",)
    backups = list(journal_file.parent.glob("journal.db.v1-*.bak"))
    assert len(backups) == 1
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT company FROM applications").fetchall() == [("Acme",)]


def test_newer_journal_is_refused_and_left_untouched(journal_file: Path) -> None:
    with sqlite3.connect(journal_file) as conn:
        conn.execute("CREATE TABLE future_things (x)")
        conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    before = hashlib.sha256(journal_file.read_bytes()).hexdigest()
    with pytest.raises(JournalError, match="newer version of Rebound"):
        Journal(journal_file)
    assert hashlib.sha256(journal_file.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in journal_file.parent.iterdir()) == ["journal.db"]


def test_other_files_are_refused(journal_file: Path) -> None:
    journal_file.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(JournalError, match="not a Rebound journal"):
        Journal(journal_file)
    other = journal_file.with_name("other.db")
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (name)")
    conn.close()
    with pytest.raises(JournalError, match="not a Rebound journal"):
        Journal(other)


# --- concurrency ----------------------------------------------------------------


def _write_moods(path: str, writer: int, count: int) -> None:
    with Journal(path) as journal:
        for n in range(count):
            journal.add(MoodEntry(at=f"2026-10-01T{writer:02d}:{n // 60:02d}:{n % 60:02d}", mood=1 + n % 10))


def test_two_processes_writing_at_once_lose_nothing(journal_file: Path) -> None:
    Journal(journal_file).close()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_moods, args=(str(journal_file), w, 200)) for w in (1, 2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    with Journal(journal_file) as journal:
        moods = journal.moods()
    assert len(moods) == 400
    assert sorted(moods["at"].dt.hour.value_counts().tolist()) == [200, 200]


def test_a_table_read_again_shows_every_change_whoever_made_it(tmp_path: Path) -> None:
    """Reads are kept between saves; a save here, a commit elsewhere or an open transaction shows at once."""
    path = tmp_path / "j.db"
    with Journal(path) as journal, Journal(path) as other:
        journal.add(MoodEntry(at="2026-08-01T09:00:00", mood=5))
        first = journal.moods()
        first.loc[0, "mood"] = 1  # a caller changing its copy changes nothing kept
        assert journal.moods()["mood"].tolist() == [5]
        journal.add(MoodEntry(at="2026-08-02T09:00:00", mood=6))
        assert journal.moods()["mood"].tolist() == [5, 6]
        other.add(MoodEntry(at="2026-08-03T09:00:00", mood=7))
        assert journal.moods()["mood"].tolist() == [5, 6, 7]
        with journal.transaction():
            journal.add(MoodEntry(at="2026-08-04T09:00:00", mood=8))
            assert journal.moods()["mood"].tolist() == [5, 6, 7, 8]
        assert journal.moods()["mood"].tolist() == [5, 6, 7, 8]
        seen_inside = []
        with pytest.raises(RuntimeError), journal.transaction():
            journal.add(MoodEntry(at="2026-08-05T09:00:00", mood=9))
            seen_inside = journal.moods()["mood"].tolist()
            raise RuntimeError("taken back")
        assert seen_inside == [5, 6, 7, 8, 9]
        assert journal.moods()["mood"].tolist() == [5, 6, 7, 8]
        assert other.moods()["mood"].tolist() == [5, 6, 7, 8]

"""Writes hand back what is stored: add and update return exactly what get reads afterwards.

A save no longer reads its row back, and an import no longer looks up each row
on its own; these tests pin that nothing a person sees changed with that.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from workbook.errors import NotFoundError, ValidationError
from workbook.interop.folder import export_csv, import_csv
from workbook.journal import Journal
from workbook.records import (
    Action,
    Application,
    CallNotes,
    ChecklistRun,
    FeedbackItem,
    MoodEntry,
    Record,
    Reflection,
    StageChange,
    SupportContact,
)

TODAY = dt.date.today()


def every_field(record: Record) -> dict[str, object]:
    """All fields, the ones left out of == (stage_on) included, with their exact types."""
    return {
        f.name: (getattr(record, f.name), type(getattr(record, f.name))) for f in dataclasses.fields(record)
    }


def records_of_every_type(app_id: int) -> list[Record]:
    return [
        Application(company=" Acme ", role="Analyst", applied_on="2026-08-01"),
        Application(
            company="Bumo", role="Engineer", applied_on="2026-08-01", stage="final", stage_on="2026-08-20"
        ),
        Application(
            company="Cobalt",
            role="Engineer",
            applied_on=dt.date(2026, 8, 2),
            stage="interview",
            outcome="rejected",
            outcome_on="2026-08-30",
        ),
        Application(company="Dune", role="Lead", applied_on="2026-08-03", stage="screen"),
        StageChange(application_id=app_id, stage="screen", changed_on="2026-08-10"),
        CallNotes(
            application_id=app_id, held_on="2026-08-25", covered="thanks;reason;thanks", questions=" Why? "
        ),
        FeedbackItem(application_id=app_id, text="More SQL", themes=["technical_depth"], confirmed="yes"),
        MoodEntry(at="2026-08-25T09:30:15.250", mood="4", emotions=("calm", " tired "), energy=2.0),
        MoodEntry(
            at=pd.Timestamp("2026-08-26 10:00:00.5"), mood=6, application_id=app_id, context="after_call"
        ),
        MoodEntry(at=dt.datetime(2026, 8, 27, 8, tzinfo=dt.UTC), mood=7, note="tz"),
        Reflection(
            at="2026-08-26T10:00",
            prompt_id="learned",
            prompt="What?",
            answer="Patience",
            application_id=app_id,
        ),
        ChecklistRun(at="2026-08-26T11:00", checklist_id="before_call", ticked=["water"]),
        Action(title="Practise SQL", theme="technical_depth", due_on=TODAY + dt.timedelta(days=30)),
        Action(
            title="Done one",
            created_on="2026-08-01",
            done_on=pd.Timestamp("2026-08-05"),
            application_id=app_id,
        ),
        SupportContact(talked_on="2026-08-26", who="Sam", helped="4"),
    ]


def test_add_returns_exactly_what_get_reads_afterwards(journal: Journal) -> None:
    app = journal.add(Application(company="Zeta", role="Analyst", applied_on="2026-07-01"))
    for record in records_of_every_type(app.id):
        saved = journal.add(record)
        again = journal.get(type(record), saved.id)
        assert every_field(saved) == every_field(again), type(record).__name__


def test_add_keeps_a_free_id_and_replaces_a_taken_one(journal: Journal) -> None:
    first = journal.add(SupportContact(id=40, talked_on="2026-08-01", who="Ann"), keep_id=True)
    second = journal.add(SupportContact(id=40, talked_on="2026-08-02", who="Bo"), keep_id=True)
    third = journal.add(SupportContact(id=7, talked_on="2026-08-03", who="Cy"))
    assert (first.id, second.id, third.id) == (40, 41, 42)
    assert every_field(second) == every_field(journal.get(SupportContact, 41))


def test_update_returns_exactly_what_get_reads_afterwards(journal: Journal) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on="2026-08-01"))
    moved = journal.update(dataclasses.replace(app, stage="interview"), stage_on="2026-08-12")
    assert moved.stage_on == dt.date(2026, 8, 12)
    assert every_field(moved) == every_field(journal.get(Application, app.id))
    kept = journal.update(dataclasses.replace(moved, notes="kind recruiter"))
    assert every_field(kept) == every_field(journal.get(Application, app.id))
    mood = journal.add(MoodEntry(at="2026-08-12T09:00", mood=5))
    changed = journal.update(dataclasses.replace(mood, at=pd.Timestamp("2026-08-12 10:00"), mood=3))
    assert every_field(changed) == every_field(journal.get(MoodEntry, mood.id))


@pytest.mark.parametrize(
    "record",
    [
        MoodEntry(at="2026-08-01T09:00", mood=5, application_id=99),
        CallNotes(application_id=99, held_on="2026-08-01"),
        FeedbackItem(application_id=99, text="x"),
        StageChange(application_id=99, stage="screen", changed_on="2026-08-01"),
        Action(title="x", application_id=99),
    ],
    ids=lambda r: type(r).__name__,
)
def test_a_link_to_a_missing_application_names_the_field_and_stores_nothing(
    journal: Journal, record: Record
) -> None:
    with pytest.raises(ValidationError) as refused:
        journal.add(record)
    assert str(refused.value) == "application_id: there is no application with id 99"
    assert sum(journal.counts().values()) == 0
    journal.add(MoodEntry(at="2026-08-01T09:00", mood=5))  # the journal goes on working
    assert journal.counts()["mood_entries"] == 1


def test_update_to_a_missing_application_names_the_field(journal: Journal) -> None:
    mood = journal.add(MoodEntry(at="2026-08-01T09:00", mood=5))
    with pytest.raises(ValidationError, match="^application_id: there is no application with id 5$"):
        journal.update(dataclasses.replace(mood, application_id=5))
    assert journal.get(MoodEntry, mood.id).application_id is None


def test_update_and_delete_of_a_missing_record_say_so(journal: Journal) -> None:
    with pytest.raises(NotFoundError, match="no moodentry with id 3"):
        journal.update(MoodEntry(id=3, at="2026-08-01T09:00", mood=5))
    with pytest.raises(NotFoundError, match="no application with id 3"):
        journal.update(Application(id=3, company="A", role="B", applied_on="2026-08-01"))
    with pytest.raises(NotFoundError, match="no action with id 3"):
        journal.delete(Action, 3)


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def test_import_adds_each_entry_once_within_a_file_and_against_the_journal(
    journal: Journal, tmp_path: Path
) -> None:
    journal.add(MoodEntry(at="2026-08-01T09:00", mood=5, note="already here"))
    folder = tmp_path / "in"
    folder.mkdir()
    header = ["id", "at", "mood", "note"]
    _write(
        folder / "mood_entries.csv",
        [
            header,
            ["1", "2026-08-01T09:00:00", "5", "already here"],
            ["2", "2026-08-02T09:00:00", "6", "new"],
            ["3", "2026-08-02T09:00:00", "6", "new"],
            ["4", "2026-08-03T09:00:00", "6", "new"],
            ["5", "2026-08-02T09:00:00", "6", "new"],
        ],
    )
    _write(
        folder / "applications.csv",
        [
            ["id", "company", "role", "applied_on"],
            ["10", "Acme", "Analyst", "2026-08-01"],
            ["11", "Acme", "Analyst", "2026-08-01"],
        ],
    )
    _write(
        folder / "call_notes.csv", [["application_id", "held_on"], ["10", "2026-08-05"], ["11", "2026-08-05"]]
    )
    summary = import_csv(journal, folder)
    assert summary.added == {"applications": 1, "call_notes": 1, "mood_entries": 2}
    assert sum(summary.skipped.values()) == 5
    moods = journal.records(MoodEntry)
    assert [(m.at.day, m.note) for m in moods] == [(1, "already here"), (2, "new"), (3, "new")]
    assert [m.id for m in moods] == [1, 2, 4]  # free ids kept; the duplicates' ids were never used
    (app,) = journal.records(Application)
    assert app.id == 10 and app.stage_on == dt.date(2026, 8, 1)
    assert [n.application_id for n in journal.records(CallNotes)] == [10]
    again = import_csv(journal, folder)
    assert again.added == {} and sum(again.skipped.values()) == 9


def test_a_round_trip_keeps_every_id_and_stage_history(journal: Journal, tmp_path: Path) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on="2026-08-01"))
    gone = journal.add(Application(company="Gone", role="Analyst", applied_on="2026-08-01"))
    journal.delete(Application, gone.id)
    journal.update(dataclasses.replace(app, stage="final"), stage_on="2026-08-20")
    journal.add(Application(company="Bumo", role="Lead", applied_on="2026-08-02", stage="screen"))
    export_csv(journal, tmp_path / "out")
    with Journal(tmp_path / "copy.db") as copy:
        import_csv(copy, tmp_path / "out")
        for kind in (Application, StageChange):
            assert [every_field(r) for r in copy.records(kind)] == [
                every_field(r) for r in journal.records(kind)
            ]

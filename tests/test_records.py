"""Every validation rule: the message names the field and the reason, and nothing is stored."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.errors import ValidationError
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

TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
GOOD_APP = dict(company="Acme", role="Analyst", applied_on="2026-10-01")
GOOD_MOOD = dict(at="2026-10-20T09:30:00", mood=5)

# (record type, fields, expected field, words the reason must contain)
BAD_INPUT = [
    (MoodEntry, {**GOOD_MOOD, "mood": 11}, "mood", "between 1 and 10, not 11"),
    (MoodEntry, {**GOOD_MOOD, "mood": 0}, "mood", "between 1 and 10, not 0"),
    (MoodEntry, {**GOOD_MOOD, "mood": "seven"}, "mood", "not a whole number"),
    (MoodEntry, {**GOOD_MOOD, "mood": 6.5}, "mood", "whole number"),
    (MoodEntry, {**GOOD_MOOD, "energy": 6}, "energy", "between 1 and 5, not 6"),
    (MoodEntry, {**GOOD_MOOD, "context": "lunch"}, "context", "not one of daily, before_call, after_call"),
    (MoodEntry, {**GOOD_MOOD, "at": f"{TOMORROW}T10:00:00"}, "at", "in the future"),
    (MoodEntry, {**GOOD_MOOD, "at": "yesterday"}, "at", "not a date and time"),
    (MoodEntry, {**GOOD_MOOD, "note": "x" * 20_001}, "note", "the limit is 20,000"),
    (MoodEntry, {**GOOD_MOOD, "note": "tired\x00"}, "note", "NUL byte"),
    (MoodEntry, {**GOOD_MOOD, "emotions": ["sad;angry"]}, "emotions", "separates words"),
    (Application, {**GOOD_APP, "company": "  "}, "company", "must not be empty"),
    (Application, {**GOOD_APP, "role": ""}, "role", "must not be empty"),
    (Application, {**GOOD_APP, "stage": "lunch"}, "stage", "not one of applied, screen, interview, final"),
    (Application, {**GOOD_APP, "outcome": "maybe"}, "outcome", "not one of pending, rejected"),
    (Application, {**GOOD_APP, "channel": "carrier pigeon"}, "channel", "not one of video_call"),
    (Application, {**GOOD_APP, "outcome": "rejected"}, "outcome_on", "required when the outcome is rejected"),
    (Application, {**GOOD_APP, "outcome": "offer"}, "outcome_on", "required when the outcome is offer"),
    (
        Application,
        {**GOOD_APP, "outcome": "withdrawn"},
        "outcome_on",
        "required when the outcome is withdrawn",
    ),
    (
        Application,
        {**GOOD_APP, "outcome": "rejected", "outcome_on": "2026-09-30"},
        "outcome_on",
        "2026-09-30 is before the application date (2026-10-01)",
    ),
    (Application, {**GOOD_APP, "applied_on": TOMORROW}, "applied_on", "in the future"),
    (Application, {**GOOD_APP, "applied_on": "1 Oct"}, "applied_on", "not a date"),
    (Application, {**GOOD_APP, "notes": "y" * 20_001}, "notes", "the limit is 20,000"),
    (Application, {**GOOD_APP, "company": "Ac\x00me"}, "company", "NUL byte"),
    (
        Application,
        {**GOOD_APP, "outcome_on": "2026-10-05"},
        "outcome_on",
        "empty while the outcome is pending",
    ),
    (FeedbackItem, {"application_id": 1, "text": " "}, "text", "must not be empty"),
    (
        Reflection,
        {"at": "2026-10-20T10:00:00", "prompt_id": "p", "prompt": "Q?", "answer": ""},
        "answer",
        "empty",
    ),
    (ChecklistRun, {"at": "2026-10-20T10:00:00", "checklist_id": ""}, "checklist_id", "empty"),
    (Action, {"title": "Practise", "created_on": "2026-10-10", "done_on": "2026-10-01"}, "done_on", "before"),
    (Action, {"title": "Practise", "done_on": TOMORROW}, "done_on", "in the future"),
    (SupportContact, {"talked_on": "2026-10-10", "who": "Sam", "helped": 9}, "helped", "between 1 and 5"),
    (CallNotes, {"application_id": 1, "held_on": TOMORROW}, "held_on", "in the future"),
]


@pytest.mark.parametrize(("kind", "fields", "field", "reason"), BAD_INPUT)
def test_bad_input_names_field_and_reason(kind, fields, field, reason) -> None:
    with pytest.raises(ValidationError) as caught:
        kind(**fields)
    assert caught.value.field == field
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"{field}: ")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"outcome": "rejected", "outcome_on": "2026-09-01"}, "outcome_on"),
        ({"company": ""}, "company"),
        ({"stage": "hired"}, "stage"),
    ],
)
def test_refused_update_leaves_stored_record_as_it_was(journal: Journal, change, field) -> None:
    saved = journal.add(Application(**GOOD_APP))
    with pytest.raises(ValidationError) as caught:
        journal.update(saved.replace(**change))
    assert caught.value.field == field
    assert journal.get(Application, saved.id) == saved
    assert journal.counts()["stage_changes"] == 1


def test_link_to_missing_application_is_refused_and_nothing_stored(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="application_id: there is no application with id 42"):
        journal.add(MoodEntry(**GOOD_MOOD, application_id=42))
    assert journal.counts()["mood_entries"] == 0


def test_failure_inside_a_transaction_stores_nothing_of_it(journal: Journal) -> None:
    with pytest.raises(ValidationError):
        with journal.transaction():
            app = journal.add(Application(**GOOD_APP, outcome="rejected", outcome_on="2026-10-20"))
            journal.add(CallNotes(application_id=app.id, held_on="2026-10-20", covered=["thanks"]))
            journal.add(FeedbackItem(application_id=999, text="Needed more depth"))
    assert sum(journal.counts().values()) == 0


def test_values_are_normalised_on_the_way_in() -> None:
    mood = MoodEntry(
        at="2026-10-20T09:30:15.123456", mood="7", emotions=[" calm ", "calm", "", "hopeful"], context="Daily"
    )
    assert mood.at == dt.datetime(2026, 10, 20, 9, 30, 15)
    assert mood.mood == 7
    assert mood.emotions == ("calm", "hopeful")
    assert mood.context == "daily"
    app = Application(company="  Acme Ltd ", role="Data analyst", applied_on=dt.date(2026, 9, 1))
    assert (app.company, app.stage, app.outcome, app.channel) == ("Acme Ltd", "applied", "pending", "none")


def test_future_due_date_is_allowed_for_a_plan() -> None:
    action = Action(title="Mock interview with Priya", due_on=TOMORROW)
    assert action.due_on.isoformat() == TOMORROW


def test_an_id_larger_than_sqlite_can_hold_is_refused_by_name() -> None:
    with pytest.raises(
        ValidationError, match=r"application_id: 9223372036854775808 is larger than any record id"
    ):
        MoodEntry(at="2026-01-01T08:00", mood=5, application_id=2**63)
    with pytest.raises(ValidationError, match="application_id: inf is not a record id"):
        MoodEntry(at="2026-01-01T08:00", mood=5, application_id=float("inf"))

"""Reading never refuses a stored row, and implausible dates are refused on the way in."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from workbook.errors import ValidationError
from workbook.journal import Journal
from workbook.records import Application, MoodEntry


def _insert(path: Path, sql: str, values: tuple[object, ...]) -> None:
    """Write a row the way another time zone, or an older Rebound, left it: straight into the file."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql, values)
    conn.close()


def test_a_mood_logged_tomorrow_in_another_time_zone_still_reads(journal_file: Path) -> None:
    Journal(journal_file).close()
    tomorrow = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(0, 30))
    _insert(
        journal_file,
        "INSERT INTO mood_entries (at, mood, context, note) VALUES (?, 6, 'daily', 'late night')",
        (tomorrow.isoformat(timespec="seconds"),),
    )
    with Journal(journal_file) as journal:
        (mood,) = journal.records(MoodEntry)
        assert mood.at == tomorrow and mood.note == "late night"
        assert journal.get(MoodEntry, mood.id).at == tomorrow
        assert journal.moods()["at"].tolist() == [pd.Timestamp(tomorrow)]


def test_dates_before_1900_are_refused_with_the_field_and_reason() -> None:
    with pytest.raises(ValidationError) as refused:
        Application(company="Acme", role="Analyst", applied_on="0025-01-01")
    assert (refused.value.field, refused.value.reason) == (
        "applied_on",
        "0025-01-01 is before 1900; check the year",
    )
    with pytest.raises(ValidationError) as refused:
        MoodEntry(at="0001-01-01T00:00+01:00", mood=5)
    assert refused.value.field == "at" and "before 1900" in refused.value.reason
    with pytest.raises(ValidationError) as refused:
        MoodEntry(at="9999-12-31T23:59:59-12:00", mood=5)
    assert refused.value.field == "at"


def test_a_stored_date_pandas_cannot_hold_reads_as_empty_not_as_a_crash(journal_file: Path) -> None:
    with Journal(journal_file) as journal:
        journal.add(Application(company="Beta", role="Clerk", applied_on="2026-09-01"))
    _insert(
        journal_file,
        "INSERT INTO applications (company, role, applied_on, stage, outcome, channel) "
        "VALUES ('Acme', 'Analyst', '0025-01-01', 'applied', 'pending', 'none')",
        (),
    )
    _insert(
        journal_file,
        "INSERT INTO mood_entries (at, mood, context) VALUES ('0025-01-01T09:00:00', 4, 'daily')",
        (),
    )
    with Journal(journal_file) as journal:
        apps = journal.applications()
        assert apps["company"].tolist() == ["Beta", "Acme"]
        assert apps["applied_on"].isna().tolist() == [False, True]
        assert journal.moods()["at"].isna().tolist() == [True]
        assert journal.records(Application)[1].applied_on == dt.date(25, 1, 1)


def test_word_lists_read_back_each_row_its_own(journal: Journal) -> None:
    """Repeated lists are decoded once, yet no two rows share a list: changing one leaves the rest alone."""
    day = dt.datetime(2026, 3, 2, 9)
    for offset, (emotions, tags) in enumerate(
        [
            (("tired", "hopeful"), ("walk",)),
            (("tired", "hopeful"), ()),
            ((), ("walk",)),
            (("tired", "hopeful"), ()),
        ]
    ):
        journal.add(MoodEntry(at=day + dt.timedelta(days=offset), mood=5, emotions=emotions, tags=tags))
    moods = journal.moods()
    assert list(moods["emotions"]) == [["tired", "hopeful"], ["tired", "hopeful"], [], ["tired", "hopeful"]]
    assert list(moods["tags"]) == [["walk"], [], ["walk"], []]
    moods["emotions"].iloc[0].append("changed")
    assert list(moods["emotions"].iloc[1]) == ["tired", "hopeful"]

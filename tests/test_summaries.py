"""Summaries speak the shared vocabulary: the channel names, dates and counts every other view uses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbook import summaries
from workbook.journal import Journal
from workbook.messages import CHANNEL_LABELS, count, date_text, month_text, times
from workbook.records import Application


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal.db")


def rejected(journal: Journal, channel: str, on: str = "2026-10-03") -> None:
    journal.add(
        Application(
            company="Acme",
            role="Analyst",
            applied_on="2026-09-01",
            stage="screen",
            outcome="rejected",
            outcome_on=on,
            channel=channel,
        )
    )


def test_channels_are_named_as_the_widget_names_them(journal: Journal) -> None:
    rejected(journal, "none")
    rejected(journal, "phone")
    rejected(journal, "phone", "2026-10-05")
    said = summaries.history(journal.applications())
    assert "How they reached you: phone call (2) and not told (1)." in said
    assert "no word at all" not in said
    assert CHANNEL_LABELS["none"].lower() in said


def test_one_rejection_is_one_rejection(journal: Journal) -> None:
    rejected(journal, "email")
    said = summaries.history(journal.applications())
    assert said.startswith("You've logged 1 application. You've had 1 rejection since Oct 2026.")


def test_counts_dates_and_times_read_as_words() -> None:
    assert (count(1, "day"), count(3, "day"), count(1200, "rejection")) == (
        "1 day",
        "3 days",
        "1,200 rejections",
    )
    assert (times(1), times(2), times(5)) == ("once", "twice", "5 times")
    assert date_text(dt.date(2026, 10, 3)) == "3 Oct 2026"
    assert month_text(dt.date(2026, 10, 3)) == "Oct 2026"
    assert summaries.count_phrase(1, "mood_entries") == "1 mood entry"


def test_no_summary_breaks_a_line() -> None:
    assert "\n" not in summaries.overview({"applications": 2, "mood_entries": 1})

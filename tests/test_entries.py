"""Every entry in one table (kind, date, application, summary), newest first; filters and pages."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from workbook.entries import READ, journal_entries, page, pages, select, shorten
from workbook.journal import Journal
from workbook.records import Application, CallNotes, FeedbackItem, MoodEntry, SupportContact

DAY = dt.date(2026, 9, 1)


def frames(journal: Journal) -> dict:
    return {kind: journal.frame(record) for kind, record in READ.items()}


def test_every_kind_of_entry_is_one_row_newest_first(journal: Journal) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on=DAY, outcome="rejected",
                                  outcome_on=DAY + dt.timedelta(days=9), channel="phone"))  # fmt: skip
    journal.add(CallNotes(application_id=app.id, held_on=DAY + dt.timedelta(days=9), notes="Kind, brief."))
    journal.add(FeedbackItem(application_id=app.id, text="More SQL depth."))
    journal.add(MoodEntry(at=dt.datetime(2026, 9, 12, 8, 30), mood=4, emotions=["tired"], note="Slow start"))
    journal.add(SupportContact(talked_on=DAY + dt.timedelta(days=11), who="Sam", note="Walked it off"))

    table = journal_entries(frames(journal))
    assert list(table["kind"]) == ["mood", "support", "call_notes", "feedback", "application"]
    summaries = dict(zip(table["kind"], table["summary"], strict=True))
    assert summaries["mood"] == "4/10 · tired · Slow start"
    assert summaries["support"] == "Sam · Walked it off"
    assert summaries["feedback"] == "More SQL depth."
    assert summaries["application"] == "Acme, Analyst"
    links = dict(zip(table["kind"], table["application_id"], strict=True))
    assert links["feedback"] == links["application"] == app.id
    assert pd.isna(links["support"])


def test_an_empty_journal_gives_an_empty_table(journal: Journal) -> None:
    table = journal_entries(frames(journal))
    assert table.empty and list(table.columns) == ["kind", "id", "on", "application_id", "summary"]
    assert pages(table, 50) == 1 and page(table, 3, 50).empty


def test_filters_and_pages(journal: Journal) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on=DAY))
    with journal.transaction():
        for number in range(120):
            at = dt.datetime(2026, 9, 1, 8) + dt.timedelta(hours=number)
            journal.add(MoodEntry(at=at, mood=5, application_id=app.id if number % 2 else None))
    table = journal_entries(frames(journal))
    assert len(select(table, "mood")) == 120
    assert len(select(table, None, app.id)) == 61  # 60 moods and the application itself
    assert len(select(table, "mood", app.id)) == 60
    assert pages(table, 50) == 3
    assert len(page(table, 2, 50)) == 21
    assert page(table, 99, 50).equals(page(table, 2, 50))


def test_a_long_summary_is_cut_at_a_word() -> None:
    text = "word " * 40
    cut = shorten(text, 20)
    assert cut.endswith("…") and len(cut) <= 21 and "  " not in cut
    assert shorten("line one\nline two") == "line one line two"

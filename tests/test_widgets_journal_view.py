"""Your journal: every entry in one table, filterable, paged, each to open in its form or delete (asking once)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workbook.journal import Journal
from workbook.records import Application, FeedbackItem, MoodEntry, Reflection, SupportContact
from workbook.template import load_template
from workbook.widgets import JournalView, MoodLogger, RejectionLog, SupportLog

DAY = dt.date.today() - dt.timedelta(days=20)


def cells(view: JournalView, index: int = 0) -> list[str]:
    return [cell.value for cell in view.rows[index].cells]


def fill(journal: Journal) -> Application:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on=DAY, outcome="rejected",
                                  outcome_on=DAY + dt.timedelta(days=5), channel="email"))  # fmt: skip
    journal.add(FeedbackItem(application_id=app.id, text="Strong field"))
    journal.add(MoodEntry(at=dt.datetime.combine(DAY, dt.time(9, 30)) + dt.timedelta(days=6), mood=3,
                          application_id=app.id, note="Heavy day"))  # fmt: skip
    journal.add(SupportContact(talked_on=DAY + dt.timedelta(days=7), who="Sam"))
    return app


def test_every_entry_shows_in_one_table_newest_first(journal: Journal) -> None:
    fill(journal)
    view = JournalView(journal, load_template())
    kinds = [row.kind for row in view.rows]
    assert kinds == ["support", "mood", "feedback", "application"]
    assert "Talked to someone" in cells(view)[0] and "Sam" in cells(view)[3]
    mood = cells(view, 1)
    assert "Acme, Analyst" in mood[2] and "3/10 · Heavy day" in mood[3] and ":30" in mood[1]
    assert view.paging.layout.display == "none"  # one page: no page controls to puzzle over


def test_filters_by_kind_and_application(journal: Journal) -> None:
    app = fill(journal)
    view = JournalView(journal, load_template())
    view.kind.value = "mood"
    assert [row.kind for row in view.rows] == ["mood"]
    view.kind.value = None
    view.application.value = app.id
    assert [row.kind for row in view.rows] == ["mood", "feedback", "application"]


def test_pages_of_twenty_five(journal: Journal) -> None:
    with journal.transaction():
        for number in range(120):
            journal.add(MoodEntry(at=dt.datetime(2026, 1, 1, 8) + dt.timedelta(hours=number), mood=5))
    view = JournalView(journal, load_template())
    assert len(view.rows) == 25 and view.newer_button.disabled
    assert view.paging.layout.display is None
    for _ in range(4):
        view.older_button.click()
    assert len(view.rows) == 20 and view.older_button.disabled
    assert view.position.value == "Page 5 of 5 · 120 entries"


def test_an_empty_journal_says_so_without_page_controls(journal: Journal) -> None:
    view = JournalView(journal, load_template())
    assert "Nothing here yet." in [getattr(c, "value", "") for c in view.table.children]
    assert view.paging.layout.display == "none"


def test_edit_opens_the_entry_in_its_own_form(journal: Journal, journal_file: Path) -> None:
    app = fill(journal)
    view = JournalView(journal, load_template())
    support, mood, feedback, application = view.rows
    support.edit_button.click()
    assert isinstance(view.opened, SupportLog) and view.opened.who.value == "Sam"
    view.opened.who.value = "Sam, my old manager"
    view.opened.save_button.click()
    assert "Sam, my old manager" in cells(view)[3]  # the table redraws after the save

    view.rows[1].edit_button.click()
    assert isinstance(view.opened, MoodLogger) and view.opened.note.value == "Heavy day"
    view.opened.mood.value = 4
    view.opened.save_button.click()
    [entry] = Journal(journal_file).records(MoodEntry)
    assert entry.mood == 4 and entry.note == "Heavy day"

    view.rows[2].edit_button.click()
    assert isinstance(view.opened, RejectionLog) and view.opened.feedback.text.value == "Strong field"
    view.rows[3].edit_button.click()  # asks first: the feedback is open and unsaved? no: nothing changed
    assert isinstance(view.opened, RejectionLog) and view.opened.company.value == "Acme"
    assert app.id == view.opened.choose.value


def test_delete_asks_once_then_the_row_goes(journal: Journal, journal_file: Path) -> None:
    fill(journal)
    view = JournalView(journal, load_template())
    row = view.rows[0]
    row.delete_button.click()
    assert Journal(journal_file).counts()["support_contacts"] == 1
    row.yes_button.click()
    assert Journal(journal_file).counts()["support_contacts"] == 0
    assert [r.kind for r in view.rows] == ["mood", "feedback", "application"]


def test_reflections_open_in_their_prompt_set(journal: Journal) -> None:
    template = load_template()
    set_id = next(iter(template.reflections))
    prompt = template.prompt_set(set_id).prompts[0]
    journal.add(Reflection(at=dt.datetime(2026, 3, 1, 20), prompt_id=f"{set_id}.{prompt.id}",
                           prompt=prompt.text, answer="Slowly better"))  # fmt: skip
    view = JournalView(journal, template)
    view.rows[0].edit_button.click()
    assert view.opened.answers[prompt.id].value == "Slowly better"  # type: ignore[union-attr]


def test_an_empty_journal_says_so(journal: Journal) -> None:
    view = JournalView(journal, load_template())
    assert view.rows == [] and any(
        getattr(c, "value", "") == "Nothing here yet." for c in view.table.children
    )

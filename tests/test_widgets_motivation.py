"""What the person wants: draws and avoids as tags, a note, and how much they wanted the role; one per application."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from workbook.growth_records import Motivation
from workbook.journal import Journal
from workbook.records import Application
from workbook.widgets.motivation import MotivationForm

TODAY = dt.date.today()


@pytest.fixture
def apps(journal: Journal) -> list[Application]:
    return [
        journal.add(Application(company=c, role="Designer", applied_on=TODAY - dt.timedelta(days=d)))
        for c, d in (("Acme", 30), ("Birch", 20))
    ]


def test_what_drew_and_what_to_avoid_are_saved_and_shown_back(
    journal: Journal, journal_file: Path, apps: list[Application]
) -> None:
    form = MotivationForm(journal, application_id=apps[0].id)
    form.draws.value = ["small team", "design systems"]
    form.avoids.value = ["long commute"]
    form.wanted.value = 5
    form.note.value = "I could see myself there."
    form.save_button.click()
    with Journal(journal_file) as again:
        [saved] = again.records(Motivation)
    assert (saved.application_id, saved.wanted) == (apps[0].id, 5)
    assert (saved.draws, saved.avoids) == (("small team", "design systems"), ("long commute",))
    assert form.status_text.startswith("Saved at")
    [row] = form.saved.rows.values()
    assert (
        "Acme, Designer · wanted it 5 of 5 · drew me: small team, design systems · avoid: long commute"
        in (row.text.value)
    )


def test_one_entry_per_application_saving_again_updates_it(journal: Journal, apps: list[Application]) -> None:
    form = MotivationForm(journal, application_id=apps[0].id)
    form.wanted.value = 3
    form.save_button.click()
    form.wanted.value = 4
    form.save_button.click()
    again = MotivationForm(journal, application_id=apps[0].id)  # a fresh form loads what is stored
    assert again.wanted.value == 4
    again.draws.value = ["mentoring"]
    again.save_button.click()
    [saved] = journal.records(Motivation)
    assert (saved.wanted, saved.draws) == (4, ("mentoring",))


def test_choosing_an_application_loads_its_entry_and_asks_before_dropping_typing(
    journal: Journal, apps: list[Application]
) -> None:
    journal.add(Motivation(application_id=apps[1].id, wanted=2, avoids=("on call",)))
    form = MotivationForm(journal, application_id=apps[0].id)
    assert form.avoids.value == []
    form.application.value = apps[1].id
    assert (form.avoids.value, form.wanted.value) == (["on call"], 2)
    form.note.value = "typed, not saved"
    form.application.value = apps[0].id
    assert form.note.value == "typed, not saved" and form.discard_button.layout.display is None
    form.discard_button.click()
    assert form.note.value == "" and form.avoids.value == []


def test_earlier_words_are_offered_and_one_click_adds_them(journal: Journal, apps: list[Application]) -> None:
    journal.add(
        Motivation(application_id=apps[1].id, wanted=2, draws=("remote", "mission"), avoids=("on call",))
    )
    form = MotivationForm(journal, application_id=apps[0].id)
    [suggestions] = form.draw_words.children
    buttons = {b.description: b for b in suggestions.children[1].children}
    assert set(buttons) == {"remote", "mission"}
    buttons["remote"].click()
    buttons["remote"].click()
    assert form.draws.value == ["remote"]  # once, however often it is clicked
    assert form.avoids.value == []


def test_an_empty_entry_is_refused_by_name(journal: Journal, apps: list[Application]) -> None:
    form = MotivationForm(journal, application_id=apps[0].id)
    form.save_button.click()
    assert form.error_text("wanted").startswith("How much you wanted it")
    assert journal.counts()["motivations"] == 0


def test_edit_and_delete_asks_once(journal: Journal, apps: list[Application]) -> None:
    journal.add(Motivation(application_id=apps[1].id, wanted=2))
    form = MotivationForm(journal, application_id=apps[0].id)
    [(key, row)] = form.saved.rows.items()
    row.edit_button.click()
    assert form.application.value == apps[1].id and form.wanted.value == 2
    form.wanted.value = 1
    form.save_button.click()
    assert journal.get(Motivation, key).wanted == 1  # type: ignore[arg-type]
    row = form.saved.rows[key]
    row.delete_button.click()
    assert row.asking and journal.counts()["motivations"] == 1
    row.yes_button.click()
    assert journal.counts()["motivations"] == 0


def test_a_locked_journal_keeps_every_tag(
    journal: Journal, hold_journal: Callable[[], AbstractContextManager[None]], apps: list[Application]
) -> None:
    form = MotivationForm(journal, application_id=apps[0].id)
    form.draws.value = ["small team"]
    form.wanted.value = 4
    typed = form.typed()
    with hold_journal():
        form.save_button.click()
    assert form.status_text.startswith("Not saved: ") and form.typed() == typed and form.unsaved
    assert journal.counts()["motivations"] == 0


def test_an_application_added_elsewhere_appears_in_the_list(
    journal: Journal, apps: list[Application]
) -> None:
    form = MotivationForm(journal)
    new = journal.add(Application(company="Cedar", role="Lead", applied_on=TODAY))
    assert new.id in form.picker.ids

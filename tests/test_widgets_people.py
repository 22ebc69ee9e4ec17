"""People met at an employer, and the invitation to apply again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from workbook.growth_records import Person
from workbook.journal import Journal
from workbook.records import Application
from workbook.widgets.people import PeopleMet

APPLIED = dt.date.today() - dt.timedelta(days=30)


@pytest.fixture
def app(journal: Journal) -> Application:
    return journal.add(Application(company="Acme", role="Designer", applied_on=APPLIED, stage="interview"))


def fill(form: PeopleMet) -> None:
    form.name.value = "Dana Okafor"
    form.role.value = "Head of design"
    form.contact.value = "dana@acme.example, LinkedIn"
    form.note.value = "Ran the second round."


def test_a_person_is_saved_for_the_application_and_shown_back(
    journal: Journal, journal_file: Path, app: Application
) -> None:
    form = PeopleMet(journal, application_id=app.id)
    fill(form)
    form.save_button.click()

    with Journal(journal_file) as again:
        [person] = again.records(Person)
    assert (person.application_id, person.name, person.role) == (app.id, "Dana Okafor", "Head of design")
    assert person.contact == "dana@acme.example, LinkedIn"
    assert form.status_text.startswith("Saved at")
    [row] = form.saved.rows.values()
    assert "Dana Okafor · Head of design · dana@acme.example, LinkedIn · Acme, Designer" in row.text.value
    assert form.name.value == "" and form.application.value == app.id  # ready for the next person


def test_without_an_application_nothing_is_stored_and_the_name_stays(
    journal: Journal, app: Application
) -> None:
    form = PeopleMet(journal)
    fill(form)
    form.save_button.click()
    assert journal.counts()["people"] == 0
    assert form.error_text("application_id").startswith("The application")
    assert form.name.value == "Dana Okafor"


def test_a_missing_name_is_named(journal: Journal, app: Application) -> None:
    form = PeopleMet(journal, application_id=app.id)
    form.role.value = "Recruiter"
    form.save_button.click()
    assert form.error_text("name") == "The name: must not be empty"
    assert form.role.value == "Recruiter"


def test_edit_changes_the_person_and_delete_asks_once(journal: Journal, app: Application) -> None:
    form = PeopleMet(journal, application_id=app.id)
    fill(form)
    form.save_button.click()
    [(key, row)] = form.saved.rows.items()
    row.edit_button.click()
    assert form.name.value == "Dana Okafor"
    form.role.value = "Design director"
    form.save_button.click()
    [person] = journal.records(Person)
    assert person.role == "Design director" and journal.counts()["people"] == 1

    row = form.saved.rows[key]
    row.delete_button.click()
    assert row.asking and journal.counts()["people"] == 1
    row.yes_button.click()
    assert journal.counts()["people"] == 0
    assert form.saved.rows == {}


def test_edit_asks_before_replacing_a_name_being_typed(journal: Journal, app: Application) -> None:
    journal.add(Person(application_id=app.id, name="Lee"))
    form = PeopleMet(journal, application_id=app.id)
    form.name.value = "Sam"
    next(iter(form.saved.rows.values())).edit_button.click()
    assert form.name.value == "Sam" and form.discard_button.layout.display is None
    form.discard_button.click()
    assert form.name.value == "Lee"


def test_ticking_the_invitation_stores_it_on_the_application(
    journal: Journal, journal_file: Path, app: Application
) -> None:
    form = PeopleMet(journal, application_id=app.id)
    assert form.invited.value is False
    form.invited.value = True
    with Journal(journal_file) as again:
        assert again.get(Application, app.id).invited_back is True  # type: ignore[arg-type]
    assert form.status_text.startswith("Noted the invitation")
    form.invited.value = False
    assert journal.get(Application, app.id).invited_back is False  # type: ignore[arg-type]


def test_the_invitation_box_follows_the_chosen_application(journal: Journal, app: Application) -> None:
    invited = journal.add(
        Application(company="Birch", role="Analyst", applied_on=APPLIED, stage="final", invited_back=True)
    )
    form = PeopleMet(journal, application_id=app.id)
    assert form.invited.value is False
    form.application.value = invited.id
    assert form.invited.value is True
    assert journal.get(Application, app.id).invited_back is False  # type: ignore[arg-type]  # nothing written by looking


def test_a_locked_journal_keeps_every_field_and_the_box_shows_what_is_stored(
    journal: Journal, hold_journal: Callable[[], AbstractContextManager[None]], app: Application
) -> None:
    form = PeopleMet(journal, application_id=app.id)
    fill(form)
    typed = form.typed()
    with hold_journal():
        form.save_button.click()
        assert form.status_text.startswith("Not saved: ") and "locked" in form.status_text
        form.invited.value = True
        assert form.status_text.startswith("Not saved: ")
    assert form.typed() == typed and form.unsaved
    assert form.invited.value is False  # not stored, so not shown as ticked
    assert journal.counts()["people"] == 0
    form.save_button.click()
    assert form.status_text.startswith("Saved at")


def test_an_application_added_elsewhere_appears_in_the_list(journal: Journal, app: Application) -> None:
    form = PeopleMet(journal)
    new = journal.add(Application(company="Cedar", role="Lead", applied_on=APPLIED))
    assert new.id in form.picker.ids
    journal.delete(Application, new.id)  # type: ignore[arg-type]
    assert new.id not in form.picker.ids


def test_showing_the_form_writes_nothing(journal: Journal, app: Application) -> None:
    before = journal.counts()
    PeopleMet(journal, application_id=app.id)._repr_mimebundle_()
    assert journal.counts() == before

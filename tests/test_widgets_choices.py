"""Drop-downs of applications follow the journal: a new one appears, a deleted one goes, the selection stays."""

from __future__ import annotations

import datetime as dt

from workbook.journal import Journal
from workbook.records import Application
from workbook.template import load_template
from workbook.widgets import ChecklistForm, MoodLogger, QuestionBank, ReflectionForm, RejectionLog

DAY = dt.date.today() - dt.timedelta(days=3)
TEMPLATE = load_template()


def forms(journal: Journal) -> dict:
    return {
        "mood": MoodLogger(journal).application,
        "checklist": ChecklistForm(journal, TEMPLATE.checklist("before_call")).application,
        "reflection": ReflectionForm(
            journal, TEMPLATE.prompt_set(next(iter(TEMPLATE.reflections)))
        ).application,
        "questions": QuestionBank(journal).application,
        "rejection_log": RejectionLog(journal).choose,
    }


def values(dropdown) -> list:  # noqa: ANN001
    return [value for _label, value in dropdown.options]


def test_a_new_application_appears_in_every_drop_down(journal: Journal) -> None:
    dropdowns = forms(journal)
    app = journal.add(Application(company="Acme", role="Analyst", applied_on=DAY))
    for name, dropdown in dropdowns.items():
        assert app.id in values(dropdown), name


def test_a_deleted_application_goes_and_a_kept_selection_stays(journal: Journal) -> None:
    acme = journal.add(Application(company="Acme", role="Analyst", applied_on=DAY))
    globex = journal.add(Application(company="Globex", role="Analyst", applied_on=DAY))
    dropdowns = forms(journal)
    for dropdown in dropdowns.values():
        dropdown.value = acme.id
    journal.delete(Application, globex.id)
    for name, dropdown in dropdowns.items():
        assert values(dropdown) == [0, acme.id] and dropdown.value == acme.id, name
    journal.delete(Application, acme.id)
    for name, dropdown in dropdowns.items():
        assert values(dropdown) == [0] and dropdown.label.startswith("("), name


def test_no_drop_down_starts_blank(journal: Journal) -> None:
    journal.add(Application(company="Acme", role="Analyst", applied_on=DAY))
    for name, dropdown in forms(journal).items():
        assert dropdown.label, name
    assert RejectionLog(journal).choose.label == "(a new application)"


def test_a_form_let_go_stops_listening(journal: Journal) -> None:
    import gc

    forms(journal)
    gc.collect()
    journal.add(Application(company="Acme", role="Analyst", applied_on=DAY))
    listening = len(journal._listeners)
    forms(journal)
    assert (
        len(journal._listeners) >= listening
    )  # new forms listen; the old pickers let go as they are collected


def test_how_much_it_helped_and_energy_never_start_blank(journal: Journal) -> None:
    from workbook.widgets import SupportLog

    log = SupportLog(journal)
    assert log.helped.label == "not noted"
    log.who.value = "Sam"
    log.helped.value = 4
    log.save_button.click()
    assert log.helped.label == "4"  # keeps its value after Save
    mood = MoodLogger(journal)
    assert mood.energy.label == "not noted"
    mood.energy.value = 2
    mood.save_button.click()
    assert mood.energy.label == "not noted"  # cleared for the next entry, but not blank

"""The resilience check-in: the template's statements answered 1–5, the score shown plainly, earlier ones listed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from workbook.growth_records import CheckIn, scores
from workbook.journal import Journal
from workbook.records import Application
from workbook.template import load_template
from workbook.widgets.check_in import CheckInForm

TODAY = dt.date.today()
#: Answers 5, 1, 4, 2, 3, 2 to the default statements: after turning the reverse ones round, 25 / 6.
ANSWERS = [5, 1, 4, 2, 3, 2]


def answer(form: CheckInForm, values: list[int]) -> None:
    for box, value in zip(form.answers.values(), values, strict=True):
        box.value = value


def test_the_statements_are_the_templates_with_the_scale_words(journal: Journal) -> None:
    q = load_template().checkin
    assert q is not None
    form = CheckInForm(journal)
    assert list(form.answers) == [s.id for s in q.statements]
    markup = str(form.widget.children[2].children[0].children[0].children[0].value)
    assert q.statements[0].text in markup


def test_saving_stores_the_answers_and_the_score_and_says_what_it_means(
    journal: Journal, journal_file: Path
) -> None:
    form = CheckInForm(journal)
    answer(form, ANSWERS)
    form.save_button.click()
    with Journal(journal_file) as again:
        [check_in] = again.records(CheckIn)
    assert check_in.score == pytest.approx(25 / 6, abs=1e-4)
    assert scores(check_in.answers) == dict(zip(form.answers, ANSWERS, strict=True))
    assert check_in.questionnaire_id == "resilience" and check_in.application_id is None
    assert form.status_text.startswith("Saved at")
    assert (
        form.result_text
        == "4.2 out of 5: You are bouncing back well. Notice what is helping, and keep doing it."
    )
    assert "diagnos" not in form.result_text.lower()
    due = TODAY + dt.timedelta(days=14)
    assert form.next_due_text == f"Next check-in around {due.day} {due:%b %Y}, or sooner after a rejection."
    [row] = form.saved.rows.values()
    assert "4.2 out of 5" in row.text.value


def test_an_unanswered_statement_is_named_and_nothing_is_stored(journal: Journal) -> None:
    form = CheckInForm(journal)
    answer(form, ANSWERS)
    form.answers["get_through"].value = None
    form.save_button.click()
    assert form.error_text("answers") == (
        "Your answers: “I trust myself to get through difficult stretches.” has no answer yet"
    )
    assert journal.counts()["check_ins"] == 0
    assert form.answers["recover_quickly"].value == 5 and form.result_text == ""


def test_a_check_in_after_a_rejection_names_the_application(journal: Journal) -> None:
    app = journal.add(Application(company="Acme", role="Designer", applied_on=TODAY - dt.timedelta(days=9)))
    form = CheckInForm(journal, application_id=app.id)
    answer(form, ANSWERS)
    form.save_button.click()
    assert journal.records(CheckIn)[0].application_id == app.id


def test_edit_rescores_and_delete_asks_once(journal: Journal) -> None:
    form = CheckInForm(journal)
    answer(form, ANSWERS)
    form.save_button.click()
    [(key, row)] = form.saved.rows.items()
    row.edit_button.click()
    assert [box.value for box in form.answers.values()] == ANSWERS
    form.answers["recover_quickly"].value = 1  # 25 - 4 = 21 -> 3.5
    form.save_button.click()
    [check_in] = journal.records(CheckIn)
    assert check_in.id == key and check_in.score == 3.5
    assert form.result_text.startswith("3.5 out of 5: You are finding your feet")

    row = form.saved.rows[key]
    row.delete_button.click()
    assert row.asking and journal.counts()["check_ins"] == 1
    row.yes_button.click()
    assert journal.counts()["check_ins"] == 0


def test_a_locked_journal_keeps_every_answer(
    journal: Journal, hold_journal: Callable[[], AbstractContextManager[None]]
) -> None:
    form = CheckInForm(journal)
    answer(form, ANSWERS)
    with hold_journal():
        form.save_button.click()
    assert form.status_text.startswith("Not saved: ")
    assert [box.value for box in form.answers.values()] == ANSWERS and form.result_text == ""
    assert journal.counts()["check_ins"] == 0


def test_the_next_one_is_due_every_days_after_the_last(journal: Journal) -> None:
    journal.add(
        CheckIn(at=dt.datetime.combine(TODAY - dt.timedelta(days=4), dt.time(9)), answers=("a=3",), score=3.0)
    )
    form = CheckInForm(journal)
    due = TODAY + dt.timedelta(days=10)
    assert f"{due.day} {due:%b %Y}" in form.next_due_text


def test_an_application_added_elsewhere_appears_in_the_list(journal: Journal) -> None:
    form = CheckInForm(journal)
    new = journal.add(Application(company="Cedar", role="Lead", applied_on=TODAY))
    assert new.id in form.picker.ids


def test_a_coachs_questionnaire_is_the_one_asked_and_scored(journal: Journal) -> None:
    from dataclasses import replace

    from workbook.template import Questionnaire, Statement

    coach = Questionnaire(
        id="bounce",
        title="Two questions for you",
        intro="",
        low="No",
        high="Yes",
        every_days=7,
        statements=(Statement("calm", "I stay calm."), Statement("stuck", "I feel stuck.", reverse=True)),
        meaning={"1": "Low for now.", "3.5": "Steady."},
    )
    form = CheckInForm(journal, replace(load_template(), checkin=coach))
    assert list(form.answers) == ["calm", "stuck"]
    form.answers["calm"].value, form.answers["stuck"].value = 4, 2  # 4 and 6 - 2 = 4
    form.save_button.click()
    [check_in] = journal.records(CheckIn)
    assert (check_in.questionnaire_id, check_in.score) == ("bounce", 4.0)
    assert form.result_text == "4.0 out of 5: Steady."
    assert str((TODAY + dt.timedelta(days=7)).day) in form.next_due_text

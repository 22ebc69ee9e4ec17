"""The self-review after an interview: 1–5 per dimension from the template, and one thing to do differently."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from workbook.growth_records import SelfReview, scores
from workbook.journal import Journal
from workbook.records import Application
from workbook.template import load_template
from workbook.widgets.self_review import SelfReviewForm

TODAY = dt.date.today()
HELD = TODAY - dt.timedelta(days=2)


def fill(form: SelfReviewForm) -> None:
    form.held_on.value = HELD
    form.ratings["preparation"].value = 4
    form.ratings["communication"].value = 2
    form.differently.value = "Lead with the result, then the story."


def test_the_dimensions_are_the_templates(journal: Journal) -> None:
    form = SelfReviewForm(journal)
    assert list(form.ratings) == [item.id for item in load_template().self_review]
    assert all(box.value is None for box in form.ratings.values())


def test_a_review_saves_the_rated_dimensions_and_shows_back(
    journal: Journal, journal_file: Path, interview_app: Application
) -> None:
    form = SelfReviewForm(journal, application_id=interview_app.id)
    fill(form)
    form.save_button.click()
    with Journal(journal_file) as again:
        [review] = again.records(SelfReview)
    assert (review.application_id, review.held_on) == (interview_app.id, HELD)
    assert scores(review.ratings) == {"preparation": 4, "communication": 2}  # unrated ones left out
    assert review.differently == "Lead with the result, then the story."
    assert form.status_text.startswith("Saved at")
    [row] = form.saved.rows.values()
    assert "Acme, Designer · Preparation 4, Communication 2" in row.text.value
    assert all(box.value is None for box in form.ratings.values()) and form.differently.value == ""


def test_a_review_without_any_rating_is_refused_and_the_note_stays(
    journal: Journal, interview_app: Application
) -> None:
    form = SelfReviewForm(journal, application_id=interview_app.id)
    form.differently.value = "Breathe."
    form.save_button.click()
    assert form.error_text("ratings") == "Your ratings: needs at least one score"
    assert journal.counts()["self_reviews"] == 0 and form.differently.value == "Breathe."


def test_a_future_interview_date_is_refused(journal: Journal, interview_app: Application) -> None:
    form = SelfReviewForm(journal, application_id=interview_app.id)
    fill(form)
    form.held_on.value = TODAY + dt.timedelta(days=3)
    form.save_button.click()
    assert form.error_text("held_on").endswith("is in the future")
    assert form.ratings["preparation"].value == 4


def test_edit_loads_the_ratings_and_delete_asks_once(journal: Journal, interview_app: Application) -> None:
    form = SelfReviewForm(journal, application_id=interview_app.id)
    fill(form)
    form.save_button.click()
    [(key, row)] = form.saved.rows.items()
    row.edit_button.click()
    assert form.ratings["communication"].value == 2 and form.ratings["technical_depth"].value is None
    form.ratings["communication"].value = 3
    form.save_button.click()
    [review] = journal.records(SelfReview)
    assert scores(review.ratings)["communication"] == 3 and review.id == key

    row = form.saved.rows[key]
    row.delete_button.click()
    assert row.asking and journal.counts()["self_reviews"] == 1
    row.yes_button.click()
    assert journal.counts()["self_reviews"] == 0


def test_a_locked_journal_keeps_every_rating(
    journal: Journal, hold_journal: Callable[[], AbstractContextManager[None]], interview_app: Application
) -> None:
    form = SelfReviewForm(journal, application_id=interview_app.id)
    fill(form)
    typed = form.typed()
    with hold_journal():
        form.save_button.click()
    assert form.status_text.startswith("Not saved: ") and form.typed() == typed
    assert journal.counts()["self_reviews"] == 0


def test_an_application_added_elsewhere_appears_in_the_list(
    journal: Journal, interview_app: Application
) -> None:
    form = SelfReviewForm(journal)
    new = journal.add(Application(company="Cedar", role="Lead", applied_on=TODAY))
    assert new.id in form.picker.ids

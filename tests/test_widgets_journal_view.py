"""Your journal: every entry in one table, filterable, paged, each to open in its form or delete (asking once)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbook import checkin, entries
from workbook.growth_records import CheckIn, FollowUp, Motivation, Person, SelfReview, score_words
from workbook.journal import Journal
from workbook.messages import date_text
from workbook.records import Application, FeedbackItem, MoodEntry, Reflection, SupportContact
from workbook.template import load_template
from workbook.widgets import JournalView, MoodLogger, RejectionLog, SupportLog
from workbook.widgets.check_in import CheckInForm
from workbook.widgets.follow_up import FollowUpForm
from workbook.widgets.journal_view import EntryRow
from workbook.widgets.motivation import MotivationForm
from workbook.widgets.people import PeopleMet
from workbook.widgets.self_review import SelfReviewForm
from workbook.widgets.strengths import WentWellForm

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


# --- the newer kinds: people met, follow-ups, self-reviews, wants, check-ins and praise -------------

GROWTH = ["praise", "person", "follow_up", "self_review", "motivation", "check_in"]


def grow(journal: Journal) -> Application:
    """One application with one entry of every newer kind, each on its own day; plus a check-in of no application."""
    template = load_template()
    app = journal.add(Application(company="Brightwell", role="Data Analyst", applied_on=DAY,
                                  outcome="rejected", outcome_on=DAY + dt.timedelta(days=2), channel="phone"))  # fmt: skip
    journal.add(FeedbackItem(application_id=app.id, text="Your examples were vivid", positive=True))
    journal.add(FeedbackItem(application_id=app.id, text="More SQL depth"))
    journal.add(Person(application_id=app.id, name="Dana Reyes", role="Hiring manager", note="Warm"))
    journal.add(FollowUp(application_id=app.id, kind="thank_you", created_on=DAY + dt.timedelta(days=3),
                         done_on=DAY + dt.timedelta(days=4), person="Dana Reyes", text="Thank you, Dana."))  # fmt: skip
    journal.add(SelfReview(application_id=app.id, held_on=DAY + dt.timedelta(days=1),
                           ratings=("preparation=4", "communication=2", "technical_depth=5"),
                           differently="Slow down"))  # fmt: skip
    journal.add(Motivation(application_id=app.id, wanted=4, draws=("mentoring",), avoids=("on-call",)))
    answers = {s.id: 4 for s in template.checkin.statements}  # type: ignore[union-attr]
    journal.add(CheckIn(at=dt.datetime.combine(DAY + dt.timedelta(days=5), dt.time(20, 15)),
                        answers=score_words(answers), score=checkin.score(answers, template.checkin),  # type: ignore[arg-type]
                        application_id=app.id))  # fmt: skip
    journal.add(CheckIn(at=dt.datetime.combine(DAY + dt.timedelta(days=6), dt.time(20, 15)),
                        answers=score_words(answers), score=3.0))  # fmt: skip
    return app


def row_of(view: JournalView, kind: str) -> EntryRow:
    [row] = [row for row in view.rows if row.kind == kind]
    return row


def test_each_newer_kind_reads_as_a_person_would_say_it(journal: Journal) -> None:
    grow(journal)
    view = JournalView(journal, load_template())
    said = {row.kind: [cell.value for cell in row.cells] for row in view.rows if row.kind != "check_in"}
    said["check_in"] = [cell.value for cell in view.rows[0].cells]  # the newest: the one of no application
    done = date_text(DAY + dt.timedelta(days=4))
    assert said["praise"][0] == "<span>Praise</span>" and "Your examples were vivid" in said["praise"][3]
    assert said["feedback"][0] == "<span>Feedback</span>" and "More SQL depth" in said["feedback"][3]
    assert said["person"][0] == "<span>Person met</span>"
    assert said["person"][3] == "<span>Dana Reyes · Hiring manager · Warm</span>"
    assert said["follow_up"][0] == "<span>Follow-up</span>"
    assert said["follow_up"][3] == f"<span>Thank-you note · done {done} · Dana Reyes</span>"
    assert said["self_review"][0] == "<span>Self-review</span>"
    assert said["self_review"][3] == "<span>3.7 of 5 on average · lowest: Communication (2)</span>"
    assert said["motivation"][0] == "<span>What I want</span>"
    assert said["motivation"][3] == "<span>Wanted it 4 of 5 · drew me: mentoring · avoid: on-call</span>"
    assert (
        said["check_in"][0] == "<span>Check-in</span>" and said["check_in"][3] == "<span>3.0 out of 5</span>"
    )
    assert said["check_in"][2] == "<span></span>" and "Brightwell" in said["person"][2]
    assert ":15" in said["check_in"][1]  # a check-in has its time of day


def test_each_newer_kind_is_offered_and_filters_alone(journal: Journal) -> None:
    app = grow(journal)
    view = JournalView(journal, load_template())
    offered = dict((value, label) for label, value in view.kind.options)
    assert [offered[kind] for kind in GROWTH] == [
        "Praise", "Person met", "Follow-up", "Self-review", "What I want", "Check-in"
    ]  # fmt: skip
    for kind in GROWTH:
        view.kind.value = kind
        assert {row.kind for row in view.rows} == {kind}
    view.kind.value = "check_in"
    assert len(view.rows) == 2
    view.application.value = app.id
    assert len(view.rows) == 1  # the check-in of no application is not this application's
    view.kind.value = ""
    assert sorted(row.kind for row in view.rows) == sorted(
        ["application", "feedback", "check_in", *[k for k in GROWTH if k != "check_in"]]
    )


def test_edit_opens_each_newer_kind_loaded_in_its_own_form(journal: Journal, journal_file: Path) -> None:
    app = grow(journal)
    view = JournalView(journal, load_template())

    row_of(view, "praise").edit_button.click()
    assert isinstance(view.opened, WentWellForm) and view.opened.text.value == "Your examples were vivid"
    assert view.opened.picker.selected == app.id

    row_of(view, "person").edit_button.click()
    assert isinstance(view.opened, PeopleMet)
    assert (view.opened.name.value, view.opened.role.value) == ("Dana Reyes", "Hiring manager")

    row_of(view, "follow_up").edit_button.click()
    assert isinstance(view.opened, FollowUpForm) and view.opened.note.value == "Thank you, Dana."
    assert view.opened.interviewer.value == "Dana Reyes" and view.opened.picker.selected == app.id

    row_of(view, "self_review").edit_button.click()
    assert isinstance(view.opened, SelfReviewForm) and view.opened.differently.value == "Slow down"
    assert view.opened.rated() == {"preparation": 4, "communication": 2, "technical_depth": 5}

    row_of(view, "motivation").edit_button.click()
    assert isinstance(view.opened, MotivationForm) and view.opened.wanted.value == 4
    assert (list(view.opened.draws.value), list(view.opened.avoids.value)) == (["mentoring"], ["on-call"])

    view.kind.value = "check_in"
    view.rows[0].edit_button.click()
    assert isinstance(view.opened, CheckInForm) and set(view.opened.given().values()) == {4}
    assert view.opened.picker.selected is None  # the newest check-in belongs to no application


def test_an_edit_made_in_the_opened_form_is_saved_and_shown(journal: Journal, journal_file: Path) -> None:
    grow(journal)
    view = JournalView(journal, load_template())
    row_of(view, "person").edit_button.click()
    view.opened.role.value = "Head of data"  # type: ignore[union-attr]
    view.opened.save_button.click()  # type: ignore[union-attr]
    [person] = Journal(journal_file).records(Person)
    assert person.role == "Head of data" and person.name == "Dana Reyes"
    assert "Dana Reyes · Head of data · Warm" in row_of(view, "person").cells[3].value

    row_of(view, "self_review").edit_button.click()
    view.opened.ratings["communication"].value = 3  # type: ignore[union-attr]
    view.opened.save_button.click()  # type: ignore[union-attr]
    [review] = Journal(journal_file).records(SelfReview)
    assert "communication=3" in review.ratings
    assert "4.0 of 5 on average · lowest: Communication (3)" in row_of(view, "self_review").cells[3].value


@pytest.mark.parametrize("kind", GROWTH)
def test_delete_of_a_newer_kind_asks_once_then_it_goes(
    kind: str, journal: Journal, journal_file: Path
) -> None:
    grow(journal)
    view = JournalView(journal, load_template())
    view.kind.value = kind
    row = view.rows[0]
    record = entries.KINDS[kind]
    before = len(Journal(journal_file).records(record))
    row.delete_button.click()
    assert row.confirm.layout.display is None and len(Journal(journal_file).records(record)) == before
    row.yes_button.click()
    assert len(Journal(journal_file).records(record)) == before - 1
    assert row.id not in [r.id for r in view.rows]
    assert journal.counts()["feedback_items"] == (1 if kind == "praise" else 2)  # praise took only itself


def test_keep_leaves_a_newer_entry_where_it_was(journal: Journal, journal_file: Path) -> None:
    grow(journal)
    view = JournalView(journal, load_template())
    row = row_of(view, "follow_up")
    row.delete_button.click()
    row.keep_button.click()
    assert row.confirm.layout.display == "none" and row.buttons.layout.display is None
    assert len(Journal(journal_file).records(FollowUp)) == 1


def test_forms_put_away_stop_following_the_journal(journal: Journal) -> None:
    """Opening entry after entry must not leave old forms behind that redraw on every save."""
    fill(journal)
    view = JournalView(journal, load_template())
    following = len(journal._listeners)
    opened = []
    for _ in range(5):
        for row in range(4):
            view.rows[row].edit_button.click()
            opened.append(view.opened)
    journal.add(MoodEntry(at=dt.datetime.combine(DAY, dt.time(12)), mood=6))  # closed forms' pickers let go
    assert len(journal._listeners) <= following + 2  # the open form and its application picker
    view.close_button.click()
    journal.add(MoodEntry(at=dt.datetime.combine(DAY, dt.time(13)), mood=6))
    assert len(journal._listeners) == following
    assert view.opened is None and view.editor.children == ()
    assert all(form.widget.comm is None for form in opened)  # their widgets are closed in the kernel too
    assert len(view.rows) == 6  # the view itself still follows: both new moods are listed


def test_a_closed_view_lets_go_of_everything(journal: Journal) -> None:
    fill(journal)
    before = len(journal._listeners)
    view = JournalView(journal, load_template())
    view.rows[0].edit_button.click()
    view.close()
    journal.add(MoodEntry(at=dt.datetime.combine(DAY, dt.time(12)), mood=6))
    assert len(journal._listeners) == before

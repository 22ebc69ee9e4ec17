"""The thank-you draft, the reconnect date and the due follow-ups, worked out from the journal's tables."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from workbook import follow_ups
from workbook.growth_records import FollowUp, Person
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem
from workbook.template import load_template

TODAY = dt.date(2026, 11, 26)
TEMPLATE = load_template()


@pytest.fixture
def app(journal: Journal) -> Application:
    return journal.add(
        Application(
            company="Acme",
            role="Designer",
            applied_on=dt.date(2026, 10, 1),
            stage="interview",
            outcome="rejected",
            outcome_on=dt.date(2026, 11, 20),
            channel="video_call",
        )
    )


def row(app: Application) -> dict[str, object]:
    return {"id": app.id, "company": app.company, "role": app.role}


def test_the_draft_thanks_the_person_met_for_what_they_praised_and_names_the_theme_to_work_on(
    journal: Journal, app: Application
) -> None:
    journal.add(Person(application_id=app.id, name="Dana Okafor", role="Head of design"))
    journal.add(Person(application_id=app.id, name="Lee", role="Recruiter"))
    journal.add(
        FeedbackItem(application_id=app.id, text="Shorter answers would help", themes=("communication",))
    )
    journal.add(FeedbackItem(application_id=app.id, text="Your portfolio stood out", positive=True))
    journal.add(
        FeedbackItem(
            application_id=app.id, text="Explain your process more", themes=("communication", "technical")
        )
    )
    text = follow_ups.draft_thank_you(
        TEMPLATE, row(app), journal.people(), journal.feedback(), vocabulary=None
    )
    assert text.startswith("Dear Dana Okafor, thank you")
    assert "the Designer role at Acme" in text
    assert "I appreciated hearing that “Your portfolio stood out”." in text
    assert "I am working on communication." in text
    assert "{" not in text


def test_the_draft_uses_the_persons_own_words_over_the_journals(journal: Journal, app: Application) -> None:
    journal.add(Person(application_id=app.id, name="Dana"))
    text = follow_ups.draft_thank_you(
        TEMPLATE,
        row(app),
        journal.people(),
        journal.feedback(),
        interviewer_name="Ms Okafor",
        appreciated_text="your honesty about the decision",
        working_on_text="telling shorter stories",
    )
    assert text.startswith("Dear Ms Okafor,")
    assert "I appreciated your honesty about the decision." in text
    assert "I am working on telling shorter stories." in text


def test_with_nothing_logged_the_draft_falls_back_on_neutral_words(
    journal: Journal, app: Application
) -> None:
    text = follow_ups.draft_thank_you(TEMPLATE, row(app), journal.people(), journal.feedback())
    assert text.startswith("Dear hiring team, thank you")
    assert "I appreciated the time you took to explain the decision." in text
    assert "I am working on the points you raised." in text


def test_feedback_of_another_application_is_not_used(journal: Journal, app: Application) -> None:
    other = journal.add(Application(company="Birch", role="Analyst", applied_on=dt.date(2026, 9, 1)))
    journal.add(FeedbackItem(application_id=other.id, text="Lovely portfolio", positive=True))
    journal.add(Person(application_id=other.id, name="Sam"))
    text = follow_ups.draft_thank_you(TEMPLATE, row(app), journal.people(), journal.feedback())
    assert "Sam" not in text and "Lovely" not in text


def test_a_feedback_item_without_themes_is_quoted_as_what_to_work_on(
    journal: Journal, app: Application
) -> None:
    journal.add(FeedbackItem(application_id=app.id, text="more on stakeholders"))
    assert follow_ups.working_on(journal.feedback(), app.id) == "more on stakeholders"  # type: ignore[arg-type]


def test_the_reconnect_date_is_the_templates_wait_after_the_news() -> None:
    news = dt.date(2026, 11, 20)
    assert TEMPLATE.follow_up is not None and TEMPLATE.follow_up.reconnect_after_days == 90
    assert follow_ups.suggest_reconnect(news, False, TEMPLATE, today=TODAY) == dt.date(2027, 2, 18)


def test_an_invitation_to_apply_again_brings_the_reconnect_date_forward() -> None:
    news = dt.date(2026, 11, 20)
    assert follow_ups.suggest_reconnect(news, True, TEMPLATE, today=TODAY) == dt.date(2027, 1, 19)


def test_a_reconnect_date_never_lies_in_the_past() -> None:
    assert follow_ups.suggest_reconnect(dt.date(2025, 1, 1), False, TEMPLATE, today=TODAY) == TODAY
    assert follow_ups.suggest_reconnect(None, False, TEMPLATE, today=TODAY) == dt.date(2027, 2, 24)


def test_due_lists_what_has_come_due_and_not_done_most_overdue_first(
    journal: Journal, app: Application
) -> None:
    add = journal.add
    late = add(
        FollowUp(
            application_id=app.id,
            kind="reconnect",
            created_on=dt.date(2026, 11, 1),
            due_on=dt.date(2026, 11, 10),
            person="Dana",
        )
    )
    today = add(
        FollowUp(application_id=app.id, kind="reconnect", created_on=dt.date(2026, 11, 2), due_on=TODAY)
    )
    add(
        FollowUp(
            application_id=app.id,
            kind="reconnect",
            created_on=dt.date(2026, 11, 3),
            due_on=TODAY + dt.timedelta(days=1),
        )
    )
    add(
        FollowUp(
            application_id=app.id,
            kind="reconnect",
            created_on=dt.date(2026, 11, 4),
            due_on=dt.date(2026, 11, 5),
            done_on=dt.date(2026, 11, 6),
        )
    )
    note = add(
        FollowUp(application_id=app.id, kind="thank_you", created_on=dt.date(2026, 11, 21), text="Dear Dana")
    )

    due = follow_ups.due(journal.follow_ups(), journal.applications(), TODAY)
    assert list(due["id"]) == [late.id, note.id, today.id]
    assert list(due["days_late"]) == [16, 5, 0]
    assert list(due["company"]) == ["Acme"] * 3
    assert due.iloc[0]["person"] == "Dana"


def test_nothing_is_due_in_an_empty_journal(journal: Journal) -> None:
    due = follow_ups.due(journal.follow_ups(), journal.applications(), TODAY)
    assert due.empty and list(due.columns) == list(follow_ups.DUE_COLUMNS)


def test_due_reads_many_follow_ups_at_once() -> None:
    n = 3000
    frame = pd.DataFrame(
        {
            "id": range(1, n + 1),
            "application_id": [i % 100 + 1 for i in range(n)],
            "kind": ["reconnect"] * n,
            "created_on": pd.to_datetime(["2026-01-01"] * n),
            "due_on": pd.to_datetime([dt.date(2026, 1, 1) + dt.timedelta(days=i % 400) for i in range(n)]),
            "done_on": pd.to_datetime([None] * n),
            "person": [""] * n,
            "text": [""] * n,
        }
    )
    apps = pd.DataFrame({"id": range(1, 101), "company": ["C"] * 100, "role": ["R"] * 100})
    due = follow_ups.due(frame, apps, TODAY)
    assert len(due) == sum(1 for i in range(n) if dt.date(2026, 1, 1) + dt.timedelta(days=i % 400) <= TODAY)
    assert due["due_on"].is_monotonic_increasing

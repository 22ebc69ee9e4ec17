"""The newer kinds in "Your journal": their one-line summaries, praise as its own kind, and speed on ten years."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from workbook.entries import KINDS, READ, Words, journal_entries, select
from workbook.growth_records import CheckIn, FollowUp, Motivation, Person, SelfReview
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem, MoodEntry
from workbook.template import load_template

DAY = dt.date(2026, 9, 1)


def frames(journal: Journal) -> dict:
    return {kind: journal.frame(record) for kind, record in READ.items()}


@pytest.fixture
def words() -> Words:
    return Words.of(load_template())


@pytest.fixture
def app(journal: Journal) -> Application:
    return journal.add(Application(company="Acme", role="Analyst", applied_on=DAY, outcome="rejected",
                                   outcome_on=DAY + dt.timedelta(days=9), channel="phone"))  # fmt: skip


def summaries(journal: Journal, words: Words, kind: str) -> list[str]:
    return list(select(journal_entries(frames(journal), words), kind)["summary"])


def test_praise_is_its_own_kind_and_feedback_stays_feedback(
    journal: Journal, app: Application, words: Words
) -> None:
    journal.add(FeedbackItem(application_id=app.id, text="Clear walkthrough", positive=True))
    journal.add(FeedbackItem(application_id=app.id, text="More SQL depth"))
    table = journal_entries(frames(journal), words)
    assert list(select(table, "praise")["summary"]) == ["Clear walkthrough"]
    assert list(select(table, "feedback")["summary"]) == ["More SQL depth"]
    assert KINDS["praise"] is FeedbackItem and "praise" not in READ  # read once, with the feedback
    assert list(table["kind"]) == ["feedback", "praise", "application"]  # beside their application's news


def test_a_follow_up_says_what_it_is_and_when_it_was_done_or_is_due(
    journal: Journal, app: Application, words: Words
) -> None:
    journal.add(FollowUp(application_id=app.id, kind="thank_you", created_on=DAY + dt.timedelta(days=10),
                         due_on=DAY + dt.timedelta(days=11), done_on=dt.date(2026, 11, 3)))  # fmt: skip
    journal.add(FollowUp(application_id=app.id, kind="reconnect", created_on=DAY + dt.timedelta(days=9),
                         due_on=dt.date(2027, 2, 1), person="Dana"))  # fmt: skip
    journal.add(FollowUp(application_id=app.id, kind="reconnect", created_on=DAY))
    assert summaries(journal, words, "follow_up") == [
        "Thank-you note · done 3 Nov 2026",
        "Reconnect · due 1 Feb 2027 · Dana",
        "Reconnect",
    ]


def test_a_self_review_gives_its_mean_and_the_dimension_rated_lowest(
    journal: Journal, app: Application, words: Words
) -> None:
    journal.add(SelfReview(application_id=app.id, held_on=DAY + dt.timedelta(days=3),
                           ratings=("preparation=4", "questions_asked=2", "communication=2")))  # fmt: skip
    journal.add(SelfReview(application_id=app.id, held_on=DAY + dt.timedelta(days=2),
                           ratings=("communication=3", "preparation=3")))  # fmt: skip
    journal.add(SelfReview(application_id=app.id, held_on=DAY + dt.timedelta(days=1), ratings=("own_idea=1", "preparation=5")))  # fmt: skip
    assert summaries(journal, words, "self_review") == [
        "2.7 of 5 on average · lowest: Questions I asked (2)",  # a tie: the first one rated
        "3.0 of 5 on average",  # all the same: nothing was lowest
        "3.0 of 5 on average · lowest: Own idea (1)",  # a dimension the template does not name
    ]


def test_a_check_in_a_want_and_a_person_in_one_line_each(
    journal: Journal, app: Application, words: Words
) -> None:
    journal.add(CheckIn(at=dt.datetime(2026, 9, 20, 20, 5), answers=("steady=4",), score=3.6667))
    journal.add(Motivation(application_id=app.id, wanted=None, draws=("remote", "maps"), note="Nice team"))
    journal.add(Motivation(application_id=journal.add(Application(company="B", role="C", applied_on=DAY)).id, wanted=2))  # fmt: skip
    journal.add(Person(application_id=app.id, name="Sam Ode", contact="sam@example.org"))
    table = journal_entries(frames(journal), words)
    assert list(select(table, "check_in")["summary"]) == ["3.7 out of 5"]
    assert pd.isna(select(table, "check_in")["application_id"].iloc[0])
    assert sorted(select(table, "motivation")["summary"]) == [
        "Drew me: remote, maps · Nice team",
        "Wanted it 2 of 5",
    ]
    assert list(select(table, "person")["summary"]) == ["Sam Ode"]
    assert list(select(table, "person")["on"]) == [
        pd.Timestamp(DAY + dt.timedelta(days=9))
    ]  # the day of the news


def test_filtering_by_application_gathers_every_kind_of_it(
    journal: Journal, app: Application, words: Words
) -> None:
    other = journal.add(Application(company="Other", role="Role", applied_on=DAY))
    for link in (app.id, other.id):
        journal.add(Person(application_id=link, name="Kim"))
        journal.add(SelfReview(application_id=link, held_on=DAY, ratings=("communication=4",)))
        journal.add(
            CheckIn(at=dt.datetime(2026, 9, 2 + link, 9), answers=("a=3",), score=3.0, application_id=link)
        )
    table = journal_entries(frames(journal), words)
    assert sorted(select(table, None, app.id)["kind"]) == ["application", "check_in", "person", "self_review"]


def test_ten_years_of_entries_all_show_with_their_summaries(journal: Journal, words: Words) -> None:
    """Built from whole columns (its speed is measured in benchmarks/, never timed here)."""
    start = dt.date(2016, 11, 1)
    with journal.transaction():
        apps = [Application(company=f"Co {n}", role="Analyst", applied_on=start + dt.timedelta(days=3 * n),
                            outcome="rejected", outcome_on=start + dt.timedelta(days=3 * n + 9), channel="email")
                for n in range(1000)]  # fmt: skip
        journal.add_new(apps)
        ids = [app.id for app in journal.records(Application)]
        journal.add_new([MoodEntry(at=dt.datetime(2016, 11, 1, 8) + dt.timedelta(hours=15 * n), mood=1 + n % 10,
                                   emotions=["calm"], note="ok") for n in range(5500)])  # fmt: skip
        journal.add_new([Person(application_id=i, name="Pat", role="Recruiter") for i in ids])
        journal.add_new(
            [FollowUp(application_id=i, kind="reconnect", created_on=start, due_on=start) for i in ids]
        )
        journal.add_new([SelfReview(application_id=i, held_on=start + dt.timedelta(days=3 * n),
                                    ratings=("communication=2", "preparation=4")) for n, i in enumerate(ids)])  # fmt: skip
        journal.add_new([Motivation(application_id=i, wanted=3, draws=("remote",)) for i in ids])
        journal.add_new([FeedbackItem(application_id=i, text="Kind words", positive=True) for i in ids])
        journal.add_new([CheckIn(at=dt.datetime(2016, 11, 2, 20) + dt.timedelta(days=7 * n), answers=("a=3",),
                                 score=3.0) for n in range(500)])  # fmt: skip
    read = frames(journal)
    table = journal_entries(read, words)
    assert len(table) == 1000 * 6 + 5500 + 500
    assert set(select(table, "self_review")["summary"]) == {"3.0 of 5 on average · lowest: Communication (2)"}

"""Start here's overview names the newer kinds in a second sentence; the themes summary keeps praise apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbook import summaries, themes
from workbook.demo import build_demo_if_empty
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem

OLD = {"applications": 2, "mood_entries": 1}
NEW = {"people": 11, "follow_ups": 12, "self_reviews": 1, "motivations": 2, "check_ins": 13}


def test_the_newer_kinds_come_in_a_second_sentence() -> None:
    said = summaries.overview({**OLD, **NEW, "stage_changes": 4})
    assert said == (
        "Your journal holds 2 applications and 1 mood entry. "
        "It also keeps 11 people you met, 12 follow-ups, 1 self-review, 2 notes on what you wanted and 13 check-ins."
    )
    assert "\n" not in said


def test_one_sentence_when_only_one_group_is_there() -> None:
    assert summaries.overview({**OLD, "people": 0}) == "Your journal holds 2 applications and 1 mood entry."
    assert summaries.overview({"check_ins": 1}) == "Your journal holds 1 check-in."
    assert summaries.overview({"people": 1, "follow_ups": 2}, whose="The sample journal") == (
        "The sample journal holds 1 person you met and 2 follow-ups."
    )
    assert summaries.overview({"people": 0}).startswith("Your journal is empty")
    assert summaries.count_phrase(1, "motivations") == "1 note on what you wanted"


@pytest.fixture
def app(journal: Journal) -> Application:
    return journal.add(Application(company="Acme", role="Analyst", applied_on=dt.date(2026, 9, 1)))


def said_of(journal: Journal) -> str:
    feedback = journal.feedback()
    return summaries.themes(
        themes.theme_counts(feedback), strengths=themes.theme_counts(feedback, positive=True)
    )


def test_praise_is_never_counted_as_what_employers_asked_for(journal: Journal, app: Application) -> None:
    for _ in range(3):
        journal.add(
            FeedbackItem(application_id=app.id, text="Clear", themes=["communication"], positive=True)
        )
    journal.add(FeedbackItem(application_id=app.id, text="Deeper SQL", themes=["technical_depth"]))
    counts = themes.theme_counts(journal.feedback())  # praise left out by default
    assert list(counts["theme"]) == ["technical_depth"]
    assert said_of(journal) == (
        "The feedback you've heard most often: Technical depth (once). "
        "What employers praised most: Communication (3 times)."
    )
    assert summaries.themes(counts) == "The feedback you've heard most often: Technical depth (once)."


def test_praise_alone_is_named_as_strengths_not_as_no_feedback(journal: Journal, app: Application) -> None:
    journal.add(FeedbackItem(application_id=app.id, text="Keen", themes=["enthusiasm"], positive=True))
    journal.add(FeedbackItem(application_id=app.id, text="Ready", themes=["preparation"], positive=True))
    journal.add(FeedbackItem(application_id=app.id, text="Set", themes=["preparation"], positive=True))
    said = said_of(journal)
    assert said.startswith("Nothing employers asked for has gathered into a theme yet. ")
    assert said.endswith(
        "What employers praised most: Preparation and company knowledge (twice) and Enthusiasm and motivation (once)."
    )
    assert "No feedback logged yet" not in said


def test_no_feedback_at_all_still_says_where_to_start(journal: Journal) -> None:
    assert said_of(journal).startswith("No feedback logged yet.")


def test_the_sample_journal_overview_and_themes(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "demo.db")
    build_demo_if_empty(journal)
    assert summaries.overview(journal.counts(), whose="The sample journal") == (
        "The sample journal holds 25 applications, 324 mood entries, 21 pieces of feedback, 5 sets of call notes, "
        "20 reflections, 28 saved checklists, 10 actions and 11 conversations with people who support you. "
        "It also keeps 11 people you met, 12 follow-ups, 12 self-reviews, 21 notes on what you wanted and 13 check-ins."
    )
    assert said_of(journal) == (
        "The feedback you've heard most often: Experience level (4 times), "
        "Stronger candidate or competition (3 times) and Technical depth (3 times). "
        "What employers praised most: Examples and impact (3 times) and Preparation and company knowledge (3 times)."
    )

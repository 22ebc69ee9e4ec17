"""Check-in scores over time beside recovery days: the score and its meaning, plainly, never a diagnosis."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbook import checkin_trend, messages, sections
from workbook.growth_records import CheckIn
from workbook.journal import Journal
from workbook.session import Workbook

BANDS = {"1": "A hard stretch.", "3": "Finding your feet.", "4": "Bouncing back well."}


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal.db")


def check_in(journal: Journal, day: int, score: float, questionnaire: str = "resilience") -> None:
    journal.add(
        CheckIn(
            at=dt.datetime(2026, 3, day, 20), questionnaire_id=questionnaire, answers=("a=3",), score=score
        )
    )


def test_a_score_means_the_band_it_falls_in() -> None:
    assert checkin_trend.meaning(2.99, BANDS) == "A hard stretch."
    assert checkin_trend.meaning(3.0, BANDS) == "Finding your feet."
    assert checkin_trend.meaning(4.5, BANDS) == "Bouncing back well."
    assert checkin_trend.band_edges(BANDS) == [3.0, 4.0]


def test_scores_are_one_questionnaires_oldest_first(journal: Journal) -> None:
    check_in(journal, 9, 3.5)
    check_in(journal, 2, 2.5)
    check_in(journal, 5, 4.0, questionnaire="other")
    series = checkin_trend.scores(journal.check_ins(), "resilience")
    assert series["score"].tolist() == [2.5, 3.5]


def test_the_first_and_last_three_are_compared_once_there_are_six(journal: Journal) -> None:
    for day, score in enumerate([2.0, 2.5, 3.0, 3.0, 3.5, 4.0], start=1):
        check_in(journal, day, score)
    found = checkin_trend.trend(checkin_trend.scores(journal.check_ins()))
    assert found is not None and found.count == 6
    assert found.change == pytest.approx(3.5 - 2.5)
    text = sections.checkin(Workbook(journal)).text
    assert "Your latest check-in score: 4.0 out of 5 (6 Mar 2026)." in text
    assert "your last three averaged 3.5 against 2.5 for your first three: up." in text
    assert text.endswith(messages.CHECKIN_NOT_A_DIAGNOSIS)


def test_the_latest_score_is_read_in_the_templates_words(journal: Journal) -> None:
    check_in(journal, 2, 2.5)
    book = Workbook(journal)
    text = sections.checkin(book).text
    assert book.template.checkin.meaning["1"] in text
    assert "after six, you'll see which way they move" in text
    assert "not a diagnosis" in text


def test_an_empty_journal_says_what_to_do_first(journal: Journal) -> None:
    assert sections.checkin(Workbook(journal)).text == messages.CHECKIN_EMPTY


def test_the_chart_shows_scores_above_and_names_the_latest(journal: Journal) -> None:
    for day, score in ((2, 2.5), (9, 3.0), (16, 3.5)):
        check_in(journal, day, score)
    top, bottom = sections.CHARTS["checkin"][2](Workbook(journal)).axes
    assert list(top.lines[0].get_ydata()) == [2.5, 3.0, 3.5]
    assert any(text.get_text() == "latest: 3.5" for text in top.texts)
    assert top.get_ylim() == (0.8, 5.2)
    assert any("No recoveries" in text.get_text() for text in bottom.texts)

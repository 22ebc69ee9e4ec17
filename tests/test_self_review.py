"""Self-review beside feedback: where the person's own ratings and the employers' words agree, and where they differ."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbook import messages, sections, self_review
from workbook.growth_records import SelfReview
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem
from workbook.session import Workbook


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal.db")


def interview(journal: Journal, day: int, ratings: dict[str, int]) -> int:
    app = journal.add(Application(company=f"Co {day}", role="Analyst", applied_on=dt.date(2026, 2, 1)))
    journal.add(SelfReview(application_id=app.id, held_on=dt.date(2026, 3, day), ratings=ratings))
    return app.id


def feedback(journal: Journal, app_id: int, theme: str, *, positive: bool = False) -> None:
    journal.add(FeedbackItem(application_id=app_id, text="said", themes=(theme,), positive=positive))


@pytest.fixture
def reviewed(journal: Journal) -> Journal:
    """Communication rated 5, 5, 4 and flagged by three employers; technical depth rated 2 and praised by two;
    examples rated 5 and praised by two; questions asked rated 3 (no theme to compare with)."""
    ids = [
        interview(
            journal, 2, {"communication": 5, "technical_depth": 2, "examples_impact": 5, "questions_asked": 3}
        ),
        interview(journal, 9, {"communication": 5, "technical_depth": 2, "examples_impact": 5}),
        interview(journal, 16, {"communication": 4}),
    ]
    for app_id in ids:
        feedback(journal, app_id, "communication")
    feedback(journal, ids[0], "communication")  # the same employer twice is still one employer
    for app_id in ids[:2]:
        feedback(journal, app_id, "technical_depth", positive=True)
        feedback(journal, app_id, "examples_impact", positive=True)
    return journal


def test_ratings_are_read_one_row_per_dimension_oldest_first(reviewed: Journal) -> None:
    rows = self_review.ratings(reviewed.self_reviews())
    assert len(rows) == 8
    assert rows["held_on"].is_monotonic_increasing
    assert rows[rows["dimension"] == "communication"]["score"].tolist() == [5, 5, 4]


def test_each_dimension_has_its_theme_declared_as_data() -> None:
    assert self_review.DIMENSION_THEMES == {
        "preparation": "preparation",
        "examples_impact": "examples_impact",
        "technical_depth": "technical_depth",
        "communication": "communication",
    }
    assert self_review.theme_for("questions_asked") is None


def test_views_agree_or_differ_by_the_rating_and_how_many_employers_said_it(reviewed: Journal) -> None:
    dimensions = [self_review.Dimension(i.id, i.text) for i in Workbook(reviewed).template.self_review]
    table = self_review.comparison(reviewed.self_reviews(), reviewed.feedback(), dimensions).set_index(
        "dimension"
    )
    assert table.loc["communication", "rating"] == pytest.approx(14 / 3)
    assert table.loc["communication", "flagged"] == 3
    assert table.loc["communication", "reading"] == self_review.DIFFER
    assert table.loc["technical_depth", "reading"] == self_review.DIFFER
    assert table.loc["examples_impact", "reading"] == self_review.AGREE
    assert table.loc["questions_asked", "reading"] == self_review.NO_THEME
    assert table.loc["preparation", "reviews"] == 0


def test_the_summary_says_where_the_person_and_employers_differ(reviewed: Journal) -> None:
    text = sections.self_review(Workbook(reviewed)).text
    assert "From your 3 self-reviews" in text
    assert "Communication: you rated it 4.7 on average (3 ratings), while 3 employers flagged it." in text
    assert "Technical depth: you rated it 2.0 on average (2 ratings), yet 2 employers praised it." in text
    assert "Examples and impact: you and employers agree it's a strength" in text


def test_an_empty_journal_says_what_to_log_first(journal: Journal) -> None:
    assert sections.self_review(Workbook(journal)).text == messages.SELF_REVIEW_EMPTY


def test_the_chart_draws_a_line_per_rated_dimension_beside_the_employers(reviewed: Journal) -> None:
    over_time, said = sections.CHARTS["self_review"][2](Workbook(reviewed)).axes
    lines = {line.get_label(): list(line.get_ydata()) for line in over_time.lines}
    assert lines["Communication"] == [5, 5, 4]
    assert lines["Questions I asked"] == [3]
    labels = [t.get_text() for t in said.get_yticklabels()]
    assert "Communication (you: 4.7)" in labels and not any("Questions" in label for label in labels)
    flagged = next(c for c in said.containers if c.get_label() == "flagged it")
    assert [bar.get_width() for bar in flagged][labels.index("Communication (you: 4.7)")] == 3


def test_a_middling_rating_beside_employers_who_agree_is_said_as_it_is(journal: Journal) -> None:
    """Rated 3 beside two employers who flagged it: not 'too soon to compare', which would be untrue."""
    ids = [interview(journal, day, {"communication": 3, "technical_depth": 3}) for day in (2, 9)]
    for app_id in ids:
        feedback(journal, app_id, "communication")
        feedback(journal, app_id, "technical_depth", positive=True)
    table = self_review.comparison(journal.self_reviews(), journal.feedback()).set_index("dimension")
    assert table.loc["communication", "reading"] == self_review.MIDDLE

    text = sections.self_review(Workbook(journal)).text
    assert (
        "Communication: you rated it 3.0 on average (2 ratings), somewhere in the middle, "
        "while 2 employers asked for more of it." in text
    )
    assert (
        "Technical depth: you rated it 3.0 on average (2 ratings), somewhere in the middle, while 2 employers praised it."
        in text
    )
    assert "Not enough yet" not in text


def test_one_employer_is_still_too_soon_to_compare(journal: Journal) -> None:
    app_id = interview(journal, 2, {"communication": 3})
    feedback(journal, app_id, "communication")
    text = sections.self_review(Workbook(journal)).text
    assert "Not enough yet to compare for Communication" in text

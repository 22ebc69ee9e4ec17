"""The check-in score: the mean after turning reverse-scored statements round, and its meaning in words."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.checkin import meaning, next_due, score, score_text
from workbook.errors import ValidationError
from workbook.template import load_template

Q = load_template().checkin
assert Q is not None


def answers(value: int) -> dict[str, int]:
    return {s.id: value for s in Q.statements}


def test_reverse_statements_are_turned_round_before_the_mean() -> None:
    # Default: recover_quickly, hard_to_return (reverse), get_through, knocked_back (reverse),
    # steady_again, hard_to_shake (reverse).  Answers 5, 1, 4, 2, 3, 2 -> 5, 5, 4, 4, 3, 4 -> 25 / 6.
    given = dict(zip([s.id for s in Q.statements], [5, 1, 4, 2, 3, 2], strict=True))
    assert [s.reverse for s in Q.statements] == [False, True, False, True, False, True]
    assert score(given, Q) == pytest.approx(25 / 6, abs=1e-4)  # stored to four places
    assert score_text(score(given, Q)) == "4.2"


def test_the_same_answer_everywhere_scores_three() -> None:
    assert score(answers(1), Q) == 3.0 and score(answers(5), Q) == 3.0


def test_an_unanswered_statement_is_named() -> None:
    given = answers(4)
    del given["get_through"]
    with pytest.raises(ValidationError) as raised:
        score(given, Q)
    assert raised.value.field == "answers"
    assert "I trust myself to get through difficult stretches." in raised.value.reason


def test_an_answer_off_the_scale_is_refused() -> None:
    with pytest.raises(ValidationError, match="between 1 and 5, not 6") as raised:
        score({**answers(3), "get_through": 6}, Q)
    assert raised.value.field == "answers.get_through"


@pytest.mark.parametrize(
    ("value", "starts"),
    [
        (1.0, "This has been a hard stretch"),
        (2.99, "This has been"),
        (3.0, "You are finding"),
        (4.0, "You are bouncing"),
        (5.0, "You are bouncing"),
    ],
)
def test_the_meaning_is_the_band_the_score_reaches(value: float, starts: str) -> None:
    assert meaning(value, Q).startswith(starts)


def test_the_next_check_in_is_every_days_after_the_last() -> None:
    today = dt.date(2026, 11, 26)
    assert next_due(None, Q, today) == today
    assert next_due(dt.datetime(2026, 11, 20, 9, 0), Q, today) == dt.date(2026, 12, 4)
    assert next_due(dt.datetime(2026, 10, 1, 9, 0), Q, today) == today

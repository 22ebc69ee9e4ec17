"""The resilience check-in's score and what it means, as pure functions of the answers and the questionnaire.

The score is the mean of the answers (1–5) after each reverse-scored statement
is turned round (6 minus the answer), so a higher score always means bouncing
back more easily.  Its meaning is the band text of the questionnaire whose
lowest score the score reaches: words to compare with oneself, not a diagnosis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from workbook.errors import ValidationError
from workbook.template import Questionnaire

LOWEST, HIGHEST = 1, 5


def score(answers: Mapping[str, int], questionnaire: Questionnaire) -> float:
    """The mean answer after reversing; ValidationError on ``answers`` if a statement is unanswered or off the scale."""
    total = 0
    for statement in questionnaire.statements:
        answer = answers.get(statement.id)
        if answer is None:
            raise ValidationError("answers", f"“{statement.text}” has no answer yet")
        if isinstance(answer, bool) or not isinstance(answer, int) or not LOWEST <= answer <= HIGHEST:
            raise ValidationError("answers", f"{statement.id} must be answered from 1 to 5, not {answer!r}")
        total += (LOWEST + HIGHEST - answer) if statement.reverse else answer
    if not questionnaire.statements:
        raise ValidationError("answers", "the questionnaire has no statements")
    return total / len(questionnaire.statements)


def meaning(value: float, questionnaire: Questionnaire) -> str:
    """The band text for ``value``: the one whose lowest score is the highest not above it ("" if none)."""
    bands = sorted((float(low), text) for low, text in questionnaire.meaning.items())
    reached = [text for low, text in bands if low <= value + 1e-9]
    return reached[-1] if reached else (bands[0][1] if bands else "")


def score_text(value: float) -> str:
    """A score as people read it: one decimal ("3.7")."""
    return f"{value:.1f}"


def next_due(last: dt.datetime | dt.date | None, questionnaire: Questionnaire, today: dt.date) -> dt.date:
    """When the next check-in is due: ``every_days`` after the last one (today when there is none or it has passed)."""
    if last is None:
        return today
    day = last.date() if isinstance(last, dt.datetime) else last
    return max(day + dt.timedelta(days=questionnaire.every_days), today)

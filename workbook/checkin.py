"""Scoring the resilience check-in: each statement answered 1–5, the score the mean after reversing.

Pure functions of the answers and the template's questionnaire
(:class:`workbook.template.Questionnaire`), shared by the check-in widget and
``workbook add checkin``.  A reverse-scored statement counts as 6 minus its
answer, so a higher score always means bouncing back more easily.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from workbook.errors import ValidationError
from workbook.growth_records import SCALE
from workbook.values import check_scale

if TYPE_CHECKING:
    from workbook.template import Questionnaire

#: The field a refusal names: the answers as a whole, or ``answers.<statement id>``.
FIELD = "answers"


def check_answers(answers: Mapping[str, int], questionnaire: Questionnaire) -> dict[str, int]:
    """The answers in the questionnaire's order, each a whole number 1–5; refuse unknown or missing ids.

    A refusal names ``answers`` (an unknown or missing statement) or
    ``answers.<id>`` (an answer out of range).
    """
    known = [statement.id for statement in questionnaire.statements]
    unknown = [key for key in answers if key not in known]
    if unknown:
        raise ValidationError(
            FIELD, f"{', '.join(map(repr, unknown))} is not a statement of this check-in ({', '.join(known)})"
        )
    missing = [key for key in known if key not in answers]
    if missing:
        raise ValidationError(FIELD, f"no answer for {', '.join(missing)}; every statement needs one")
    return {key: check_scale(f"{FIELD}.{key}", answers[key], *SCALE) for key in known}  # type: ignore[misc]


def score(answers: Mapping[str, int], questionnaire: Questionnaire) -> float:
    """The check-in's score: the mean answer after reverse statements count as 6 minus the answer.

    The answers are checked first (:func:`check_answers`); the score is rounded
    to four places, as the journal stores it.
    """
    if not questionnaire.statements:
        raise ValidationError(FIELD, f"the check-in {questionnaire.id!r} has no statements to answer")
    unanswered = [s for s in questionnaire.statements if answers.get(s.id) in (None, "")]
    if unanswered:
        raise ValidationError(FIELD, f"“{unanswered[0].text}” has no answer yet")
    checked = check_answers(answers, questionnaire)
    low, high = SCALE
    points = [
        low + high - checked[statement.id] if statement.reverse else checked[statement.id]
        for statement in questionnaire.statements
    ]
    return round(sum(points) / len(points), 4)


def band(value: float, bands: Mapping[str, str]) -> str:
    """The words for ``value``: the band whose lowest score is the highest one not above it ("" if none).

    ``bands`` maps each band's lowest score (as the template writes it, "3") to its text.
    """
    lows = sorted((float(low), text) for low, text in bands.items())
    fitting = [text for low, text in lows if low <= value + 1e-9]
    return fitting[-1] if fitting else ""


def meaning(value: float, questionnaire: Questionnaire) -> str:
    """What a score means, in the questionnaire's own words (see :func:`band`)."""
    return band(value, questionnaire.meaning)


def score_text(value: float) -> str:
    """A score as people read it: one decimal ("3.7")."""
    return f"{value:.1f}"


def next_due(last: dt.datetime | dt.date | None, questionnaire: Questionnaire, today: dt.date) -> dt.date:
    """When the next check-in is due: ``every_days`` after the last one (today when there is none or it has passed)."""
    if last is None:
        return today
    day = last.date() if isinstance(last, dt.datetime) else last
    return max(day + dt.timedelta(days=questionnaire.every_days), today)

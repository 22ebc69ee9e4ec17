"""Record types for what a rejection can still give: people, follow-ups, self-reviews, wants, check-ins.

Each builds and validates like the records in :mod:`workbook.records`, naming
the field of any refusal.  Scores given per dimension or statement are kept as
words ``"id=score"`` (``"communication=4"``), so they export to one CSV cell and
survive a round trip; :func:`scores` reads them back as a mapping.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import field
from typing import Any, ClassVar

from workbook.errors import ValidationError
from workbook.record_base import Record, record_type
from workbook.values import (
    MAX_WORD,
    check_choice,
    check_id,
    check_optional_id,
    check_optional_past_date,
    check_order,
    check_past_date,
    check_past_timestamp,
    check_scale,
    check_text,
    check_words,
    parse_date,
    shown,
)

#: What a follow-up is: a thank-you note after the news, or a date to get back in touch.
FOLLOW_UP_KINDS = ("thank_you", "reconnect")
#: The lowest and highest answer on every 1–5 scale of this module.
SCALE = (1, 5)

_SCORE = re.compile(r"([a-z0-9_]{1,100})=([0-9]+)")


def scores(words: Iterable[str]) -> dict[str, int]:
    """``("communication=4", ...)`` as ``{"communication": 4, ...}``; words of another shape are skipped."""
    found = {}
    for word in words:
        match = _SCORE.fullmatch(str(word))
        if match:
            found[match.group(1)] = int(match.group(2))
    return found


def score_words(values: Mapping[str, int]) -> tuple[str, ...]:
    """``{"communication": 4}`` as the stored words ``("communication=4",)``."""
    return tuple(f"{key}={value}" for key, value in values.items())


def check_scores(name: str, value: Any, *, required: bool) -> tuple[str, ...]:
    """Return scores as ``id=score`` words, each score 1–5, each id once; a mapping is accepted too."""
    if isinstance(value, Mapping):
        value = score_words(value)
    words = check_words(name, value)
    found: dict[str, str] = {}
    for word in words:
        scored = _SCORED.get(word) or _score_of(word)
        if scored is _NOT_A_SCORE:
            raise ValidationError(name, f"{word!r} is not id=score (like communication=4)")
        key, number, stored = scored
        if key in found:
            raise ValidationError(name, f"{key!r} is scored twice")
        if not SCALE[0] <= number <= SCALE[1]:
            raise ValidationError(name, f"{key} must be scored from {SCALE[0]} to {SCALE[1]}, not {number}")
        found[key] = stored
    if required and not found:
        raise ValidationError(name, "needs at least one score")
    return tuple(found.values())  # score_words of the scores, each word written once, when first read


#: What :func:`_score_of` found for each word seen: a few dozen words ("communication=4") make up
#: every self-review and check-in, and parsing one costs more than the rest of its checks.
_SCORED: dict[str, tuple[str, int, str]] = {}
_NOT_A_SCORE = ("", 0, "")
_REMEMBERED = 10_000


def _score_of(word: str) -> tuple[str, int, str]:
    """``word``'s id, score and stored word (as :func:`score_words` writes it), or :data:`_NOT_A_SCORE`.

    Remembered in :data:`_SCORED`.
    """
    # Spaces and capitals are forgiven ("Communication = 4"); the stored word is always "communication=4".
    match = _SCORE.fullmatch("".join(word.split()).lower())
    if match:
        key, number = match.group(1), int(match.group(2))
        scored = (key, number, *score_words({key: number}))
    else:
        scored = _NOT_A_SCORE
    if len(_SCORED) >= _REMEMBERED:
        _SCORED.clear()
    _SCORED[word] = scored
    return scored


@record_type
class Person(Record):
    """Someone the person met during an application: name, role and how to reach them (free text)."""

    TABLE: ClassVar[str] = "people"
    KEY: ClassVar[tuple[str, ...]] = ("application_id", "name")
    LINKS: ClassVar[tuple[str, ...]] = ("application_id",)

    application_id: int
    name: str
    role: str = ""
    contact: str = ""
    note: str = ""

    def validate(self) -> None:
        fields = self.__dict__
        fields["application_id"] = check_id("application_id", self.application_id)
        fields["name"] = check_text("name", self.name, required=True, limit=200)
        fields["role"] = check_text("role", self.role, limit=200)
        fields["contact"] = check_text("contact", self.contact, limit=500)
        fields["note"] = check_text("note", self.note)


@record_type
class FollowUp(Record):
    """A thank-you note or a reconnect date, for one application; ``done_on`` is when it was done.

    ``text`` is the note as the person edited it; Rebound never sends it.
    """

    TABLE: ClassVar[str] = "follow_ups"
    KEY: ClassVar[tuple[str, ...]] = ("application_id", "kind", "created_on")
    LINKS: ClassVar[tuple[str, ...]] = ("application_id",)

    application_id: int
    kind: str = "reconnect"
    created_on: dt.date = field(default_factory=dt.date.today)
    due_on: dt.date | None = None
    done_on: dt.date | None = None
    person: str = ""
    text: str = ""

    def validate(self) -> None:
        fields = self.__dict__
        fields["application_id"] = check_id("application_id", self.application_id)
        fields["kind"] = check_choice("kind", self.kind, FOLLOW_UP_KINDS)
        fields["created_on"] = check_past_date("created_on", self.created_on)
        # A due date is a plan, so it may lie ahead; a done date may not.
        fields["due_on"] = parse_date("due_on", self.due_on)
        done_on = check_optional_past_date("done_on", self.done_on)
        check_order("done_on", done_on, "the day the follow-up was noted", self.created_on)
        fields["done_on"] = done_on
        fields["person"] = check_text("person", self.person, limit=200)
        fields["text"] = check_text("text", self.text)


@record_type
class SelfReview(Record):
    """How the person rated their own answers in one interview (``id=score`` per dimension, 1–5)."""

    TABLE: ClassVar[str] = "self_reviews"
    KEY: ClassVar[tuple[str, ...]] = ("application_id", "held_on")
    LINKS: ClassVar[tuple[str, ...]] = ("application_id",)

    application_id: int
    held_on: dt.date
    ratings: tuple[str, ...] = ()
    differently: str = ""

    def validate(self) -> None:
        fields = self.__dict__
        fields["application_id"] = check_id("application_id", self.application_id)
        fields["held_on"] = check_past_date("held_on", self.held_on)
        fields["ratings"] = check_scores("ratings", self.ratings, required=True)
        fields["differently"] = check_text("differently", self.differently)


@record_type
class Motivation(Record):
    """What drew the person to a role, what they would rather avoid next time, and how much they wanted it."""

    TABLE: ClassVar[str] = "motivations"
    KEY: ClassVar[tuple[str, ...]] = ("application_id",)
    LINKS: ClassVar[tuple[str, ...]] = ("application_id",)

    application_id: int
    wanted: int | None = None
    draws: tuple[str, ...] = ()
    avoids: tuple[str, ...] = ()
    note: str = ""

    def validate(self) -> None:
        fields = self.__dict__
        fields["application_id"] = check_id("application_id", self.application_id)
        fields["wanted"] = check_scale("wanted", self.wanted, *SCALE, required=False)
        fields["draws"] = check_words("draws", self.draws)
        fields["avoids"] = check_words("avoids", self.avoids)
        fields["note"] = check_text("note", self.note)
        if self.wanted is None and not (self.draws or self.avoids or self.note):
            raise ValidationError("wanted", "is required when no draws, avoids or note are given")


@record_type
class CheckIn(Record):
    """One resilience check-in: each statement's answer (``id=score``, as given) and the score.

    ``score`` is the mean after reverse-scored statements are turned round, worked
    out when the check-in is saved (:func:`workbook.checkin.score`), so a later
    change of questionnaire never rewrites history.
    """

    TABLE: ClassVar[str] = "check_ins"
    KEY: ClassVar[tuple[str, ...]] = ("at", "questionnaire_id")
    LINKS: ClassVar[tuple[str, ...]] = ("application_id",)

    at: dt.datetime
    questionnaire_id: str = "resilience"
    answers: tuple[str, ...] = ()
    score: float = 0.0
    application_id: int | None = None

    def validate(self) -> None:
        fields = self.__dict__
        fields["at"] = check_past_timestamp("at", self.at)
        fields["questionnaire_id"] = check_text(
            "questionnaire_id", self.questionnaire_id, required=True, limit=MAX_WORD
        )
        fields["answers"] = check_scores("answers", self.answers, required=True)
        fields["score"] = _check_score(self.score)
        fields["application_id"] = check_optional_id("application_id", self.application_id)


def _check_score(value: Any) -> float:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError("score", f"is required: the mean of the answers, from {SCALE[0]} to {SCALE[1]}")
    try:
        if isinstance(value, str) and "_" in value:  # float() reads "0_3" as 3.0; a person never means that
            raise ValueError(value)
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError("score", f"{shown(value)} is not a number") from None
    if isinstance(value, bool) or not SCALE[0] <= number <= SCALE[1]:
        raise ValidationError("score", f"must be between {SCALE[0]} and {SCALE[1]}, not {shown(value)}")
    return round(number, 4)

"""The rules of people met, follow-ups, self-reviews, wants and check-ins, and of the check-in's score.

Every refusal names the field and says why; nothing refused is stored.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from workbook.checkin import check_answers, score
from workbook.errors import ValidationError
from workbook.growth_records import (
    CheckIn,
    FollowUp,
    Motivation,
    Person,
    SelfReview,
    check_scores,
    score_words,
    scores,
)
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem
from workbook.template import Questionnaire, Statement, load_template

TODAY = dt.date.today()
TOMORROW = (TODAY + dt.timedelta(days=1)).isoformat()
PERSON = dict(application_id=1, name="Dana Reyes")
FOLLOW = dict(application_id=1, kind="reconnect", created_on="2026-10-01")
REVIEW = dict(application_id=1, held_on="2026-10-01", ratings=("communication=4",))
WANT = dict(application_id=1, wanted=3)
CHECK = dict(at="2026-10-01T20:00:00", answers=("recover_quickly=4",), score=4.0)

# (record type, fields, the field named, words the reason holds)
BAD_INPUT = [
    (Person, {**PERSON, "name": ""}, "name", "must not be empty"),
    (Person, {**PERSON, "name": "   "}, "name", "must not be empty"),
    (Person, {"application_id": 1}, None, None),  # no name at all: a TypeError, not a record
    (Person, {**PERSON, "name": "x" * 201}, "name", "the limit is 200"),
    (Person, {**PERSON, "role": "x" * 201}, "role", "the limit is 200"),
    (Person, {**PERSON, "contact": "x" * 501}, "contact", "the limit is 500"),
    (Person, {**PERSON, "application_id": 0}, "application_id", "not a record id"),
    (Person, {**PERSON, "application_id": "three"}, "application_id", "not a record id"),
    (Person, {**PERSON, "note": "hi\x00"}, "note", "NUL byte"),
    (FollowUp, {**FOLLOW, "kind": "email"}, "kind", "not one of thank_you, reconnect"),
    (FollowUp, {**FOLLOW, "kind": ""}, "kind", "not one of"),
    (FollowUp, {**FOLLOW, "done_on": "2026-09-30"}, "done_on", "before the day the follow-up was noted"),
    (FollowUp, {**FOLLOW, "done_on": TOMORROW}, "done_on", "in the future"),
    (FollowUp, {**FOLLOW, "created_on": TOMORROW}, "created_on", "in the future"),
    (FollowUp, {**FOLLOW, "created_on": None}, "created_on", "is required"),
    (FollowUp, {**FOLLOW, "due_on": "next week"}, "due_on", "not a date"),
    (FollowUp, {**FOLLOW, "due_on": "1899-12-31"}, "due_on", "before 1900"),
    (FollowUp, {**FOLLOW, "person": "x" * 201}, "person", "the limit is 200"),
    (SelfReview, {**REVIEW, "ratings": ("communication=6",)}, "ratings", "from 1 to 5, not 6"),
    (SelfReview, {**REVIEW, "ratings": ("communication=0",)}, "ratings", "from 1 to 5, not 0"),
    (SelfReview, {**REVIEW, "ratings": ("communication=4", "communication=5")}, "ratings", "scored twice"),
    (SelfReview, {**REVIEW, "ratings": ("communication:4",)}, "ratings", "is not id=score"),
    (SelfReview, {**REVIEW, "ratings": ("=4",)}, "ratings", "is not id=score"),
    (SelfReview, {**REVIEW, "ratings": ("communication=-1",)}, "ratings", "is not id=score"),
    (SelfReview, {**REVIEW, "ratings": ("communication=4.5",)}, "ratings", "is not id=score"),
    (SelfReview, {**REVIEW, "ratings": ("communication=4=5",)}, "ratings", "is not id=score"),
    (SelfReview, {**REVIEW, "ratings": ()}, "ratings", "needs at least one score"),
    (SelfReview, {**REVIEW, "ratings": {"communication": True}}, "ratings", "is not id=score"),
    (SelfReview, {**REVIEW, "held_on": TOMORROW}, "held_on", "in the future"),
    (SelfReview, {**REVIEW, "held_on": ""}, "held_on", "is required"),
    (SelfReview, {**REVIEW, "differently": "x" * 20_001}, "differently", "the limit is 20,000"),
    (Motivation, {**WANT, "wanted": 0}, "wanted", "between 1 and 5, not 0"),
    (Motivation, {**WANT, "wanted": 6}, "wanted", "between 1 and 5, not 6"),
    (Motivation, {**WANT, "wanted": "lots"}, "wanted", "not a whole number"),
    (Motivation, {**WANT, "wanted": 2.5}, "wanted", "whole number"),
    (Motivation, {**WANT, "wanted": True}, "wanted", "whole number"),
    (Motivation, {"application_id": 1}, "wanted", "required when no draws, avoids or note"),
    (Motivation, {**WANT, "draws": ["remote;hybrid"]}, "draws", "separates words"),
    (Motivation, {**WANT, "avoids": ["x" * 101]}, "avoids", "the limit is 100"),
    (CheckIn, {**CHECK, "score": 6}, "score", "between 1 and 5"),
    (CheckIn, {**CHECK, "score": 0.99}, "score", "between 1 and 5"),
    (CheckIn, {**CHECK, "score": math.nan}, "score", "between 1 and 5"),
    (CheckIn, {**CHECK, "score": math.inf}, "score", "between 1 and 5"),
    (CheckIn, {**CHECK, "score": True}, "score", "between 1 and 5"),
    (CheckIn, {**CHECK, "score": "high"}, "score", "not a number"),
    (CheckIn, {**CHECK, "score": None}, "score", "is required"),
    (CheckIn, {**CHECK, "score": " "}, "score", "is required"),
    (CheckIn, {**CHECK, "answers": ()}, "answers", "needs at least one score"),
    (CheckIn, {**CHECK, "answers": ("recover_quickly",)}, "answers", "is not id=score"),
    (CheckIn, {**CHECK, "answers": ("recover_quickly=7",)}, "answers", "from 1 to 5, not 7"),
    (CheckIn, {**CHECK, "answers": ("a=1", "a=2")}, "answers", "scored twice"),
    (CheckIn, {**CHECK, "at": f"{TOMORROW}T09:00:00"}, "at", "in the future"),
    (CheckIn, {**CHECK, "questionnaire_id": " "}, "questionnaire_id", "must not be empty"),
    (CheckIn, {**CHECK, "application_id": -2}, "application_id", "not a record id"),
    (
        Application,
        {"company": "A", "role": "B", "applied_on": "2026-10-01", "invited_back": "maybe"},
        "invited_back",
        "not true or false",
    ),  # fmt: skip
    (FeedbackItem, {"application_id": 1, "text": "Great", "positive": 2}, "positive", "not true or false"),
]


@pytest.mark.parametrize(("kind", "fields", "field", "words"), BAD_INPUT)
def test_bad_input_is_refused_naming_the_field(
    kind: type, fields: dict, field: str | None, words: str
) -> None:
    if field is None:
        with pytest.raises(TypeError):
            kind(**fields)
        return
    with pytest.raises(ValidationError) as caught:
        kind(**fields)

    assert caught.value.field == field
    assert words in caught.value.reason


def test_a_refused_record_never_reaches_the_journal(journal: Journal) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on="2026-09-01"))

    with pytest.raises(ValidationError):
        journal.add(SelfReview(application_id=app.id, held_on="2026-09-10", ratings=("preparation=9",)))
    with pytest.raises(ValidationError, match="application_id"):
        journal.add(Person(application_id=app.id + 5, name="Dana"))

    counts = journal.counts()
    assert counts["self_reviews"] == counts["people"] == 0


def test_good_records_are_normalised() -> None:
    person = Person(application_id="3", name="  Dana Reyes ", role=" Recruiter ")
    follow = FollowUp(application_id=1, kind=" Thank_You ", created_on="2026-10-01", due_on=TOMORROW)
    review = SelfReview(
        application_id=1, held_on="2026-10-01", ratings=["Communication = 04", "preparation=5"]
    )
    want = Motivation(application_id=1, draws="remote;mentoring", avoids=["on-call", "on-call", " "])

    assert (person.application_id, person.name, person.role) == (3, "Dana Reyes", "Recruiter")
    assert follow.kind == "thank_you" and follow.due_on == TODAY + dt.timedelta(days=1)
    assert follow.done_on is None
    assert review.ratings == ("communication=4", "preparation=5")
    assert want.wanted is None and want.draws == ("remote", "mentoring") and want.avoids == ("on-call",)


def test_a_follow_up_done_the_day_it_was_noted_is_fine_and_a_plan_may_lie_ahead() -> None:
    follow = FollowUp(application_id=1, created_on="2026-10-01", done_on="2026-10-01", due_on="2027-01-01")

    assert follow.done_on == dt.date(2026, 10, 1) and follow.due_on == dt.date(2027, 1, 1)
    assert FollowUp(application_id=1).created_on == TODAY


def test_ratings_may_be_given_as_a_mapping_and_read_back_as_one() -> None:
    review = SelfReview(
        application_id=1, held_on="2026-10-01", ratings={"preparation": 4, "communication": 2}
    )

    assert review.ratings == ("preparation=4", "communication=2")
    assert scores(review.ratings) == {"preparation": 4, "communication": 2}
    assert score_words(scores(review.ratings)) == review.ratings
    assert scores(["nonsense", "a=3"]) == {"a": 3}


def test_check_scores_names_the_field_it_is_given() -> None:
    with pytest.raises(ValidationError) as caught:
        check_scores("--ratings", ["x=9"], required=True)

    assert caught.value.field == "--ratings"
    assert check_scores("answers", [], required=False) == ()


def test_a_check_in_score_keeps_four_places_and_takes_text() -> None:
    assert CheckIn(**{**CHECK, "score": 11 / 3}).score == 3.6667
    assert CheckIn(**{**CHECK, "score": "2.5"}).score == 2.5
    assert CheckIn(**{**CHECK, "score": 1}).score == 1.0


def test_invited_back_and_positive_take_yes_and_no_as_text() -> None:
    app = Application(company="A", role="B", applied_on="2026-10-01", invited_back="yes")
    item = FeedbackItem(application_id=1, text="Your portfolio was the best we saw", positive="true")

    assert app.invited_back is True and item.positive is True
    assert Application(company="A", role="B", applied_on="2026-10-01").invited_back is False
    assert FeedbackItem(application_id=1, text="More SQL").positive is False


# --- the check-in's score ---------------------------------------------------------

QUESTIONS = Questionnaire(
    id="resilience",
    title="How are you bouncing back?",
    intro="",
    low="Not like me",
    high="Very like me",
    every_days=14,
    statements=(
        Statement("up", "I recover soon."),
        Statement("down", "It takes me long.", reverse=True),
        Statement("through", "I get through."),
    ),
)


def test_reverse_statements_count_six_minus_the_answer() -> None:
    # up 4, down 2 -> 4, through 5: mean of 4, 4, 5.
    assert score({"up": 4, "down": 2, "through": 5}, QUESTIONS) == round(13 / 3, 4)
    assert score({"up": 1, "down": 5, "through": 1}, QUESTIONS) == 1.0
    assert score({"up": 5, "down": 1, "through": 5}, QUESTIONS) == 5.0


def test_the_order_of_the_answers_does_not_matter() -> None:
    assert score({"through": 3, "down": 4, "up": 2}, QUESTIONS) == score(
        {"up": 2, "down": 4, "through": 3}, QUESTIONS
    )


def test_the_built_in_check_in_is_scored_with_half_its_statements_reversed() -> None:
    questionnaire = load_template().checkin
    assert questionnaire is not None
    ids = [statement.id for statement in questionnaire.statements]
    all_fours = dict.fromkeys(ids, 4)

    # Three statements count 4, three count 6 - 4 = 2: the mean is 3.
    assert score(all_fours, questionnaire) == 3.0
    assert sum(statement.reverse for statement in questionnaire.statements) == len(ids) // 2


@pytest.mark.parametrize(
    ("answers", "field", "words"),
    [
        ({"up": 4, "down": 2}, "answers", "has no answer yet"),
        ({"up": 4, "down": 2, "through": 3, "sideways": 1}, "answers", "'sideways' is not a statement"),
        ({"up": 6, "down": 2, "through": 3}, "answers.up", "between 1 and 5, not 6"),
        ({"up": 0, "down": 2, "through": 3}, "answers.up", "between 1 and 5, not 0"),
        ({"up": "x", "down": 2, "through": 3}, "answers.up", "not a whole number"),
        ({"up": True, "down": 2, "through": 3}, "answers.up", "whole number"),
    ],
)
def test_answers_are_checked_against_the_questionnaire(answers: dict, field: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        score(answers, QUESTIONS)

    assert caught.value.field == field
    assert words in caught.value.reason


def test_check_answers_gives_the_questionnaires_order() -> None:
    assert list(check_answers({"through": 3, "up": "2", "down": 4}, QUESTIONS).items()) == [
        ("up", 2),
        ("down", 4),
        ("through", 3),
    ]


def test_a_questionnaire_without_statements_cannot_be_scored() -> None:
    empty = Questionnaire(id="empty", title="t", intro="", low="l", high="h", every_days=14, statements=())

    with pytest.raises(ValidationError, match="no statements"):
        score({}, empty)

"""What the sample person kept from each process: people met, follow-ups, praise, self-reviews, wants, check-ins.

Days are counted as in :mod:`workbook.demo.story`; applications are named by
their story key.  The tables are hand-written so the sample tells a clear
story; the check-in answers are drawn from their own seeded generator (so the
moods, drawn before, stay exactly as they were).  All of it is invented.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from workbook.checkin import score
from workbook.demo.story import APPLICATIONS, SPAN
from workbook.growth_records import CheckIn, FollowUp, Motivation, Person, SelfReview, score_words
from workbook.records import FeedbackItem

if TYPE_CHECKING:
    from workbook.template import Questionnaire

#: People met: (application key, name, role, how to reach them, note).
PEOPLE: tuple[tuple[str, str, str, str, str], ...] = (
    ("larkspur", "Grace Whitlow", "Recruiter", "grace.whitlow@larkspur.example", "Made the call; kind and unhurried."),
    ("larkspur", "Tomasz Brezina", "Analytics lead, on the panel", "", "Set the SQL exercise."),
    ("copperleaf", "Amara Osei", "Head of Product Analytics", "LinkedIn: Amara Osei",
     "Called me herself. Would like me to apply again."),
    ("copperleaf", "Ben Halloran", "Product manager", "", "Asked sharp questions about the experiment design."),
    ("saltmarsh", "Lou Ferreira", "Recruiter", "lou@saltmarsh.example", "Friendly on every call."),
    ("juniper", "Marcus Ibe", "Data team manager", "marcus.ibe@juniperrail.example",
     "Mentioned a mid-level post later this year."),
    ("brightmoss", "Hana Lindqvist", "Analytics engineering lead", "hana@brightmoss.example",
     "Reviewed my take-home and sent their style guide."),
    ("brightmoss", "Kofi Mensah", "Senior analytics engineer", "", "We talked about dbt tests in the final round."),
    ("tallow", "Ellie Marsh", "Head of Product", "", "Straight with me about the budget."),
    ("fernhollow", "Rosa Delgado", "Data lead", "rosa.delgado@fernhollow.example", "My manager, if all goes ahead."),
    ("sunfield", "Iain Mackie", "Insights manager", "", "The interview felt like a conversation."),
)  # fmt: skip

#: Follow-ups: (application key, kind, day noted, day due, day done or None, for whom, the note).
FOLLOW_UPS: tuple[tuple[str, str, int, int, int | None, str, str], ...] = (
    ("larkspur", "thank_you", 24, 25, 25, "Grace Whitlow",
     "Dear Grace, thank you for calling me about the Data Analyst role. I appreciated the honest "
     "feedback on the SQL exercise, and I am practising thinking aloud. I hope our paths cross again."),
    ("larkspur", "reconnect", 24, 114, 116, "Tomasz Brezina", ""),
    ("copperleaf", "thank_you", 62, 63, 65, "Amara Osei",
     "Dear Amara, thank you for making the call yourself. I appreciated hearing why, and I am "
     "reworking my case study so the result comes first. I would be glad to stay in touch."),
    ("copperleaf", "reconnect", 65, 155, None, "Amara Osei", ""),
    ("saltmarsh", "thank_you", 83, 84, 84, "Lou Ferreira", ""),
    ("saltmarsh", "reconnect", 84, 189, None, "Lou Ferreira", ""),
    ("juniper", "thank_you", 104, 105, 106, "Marcus Ibe", ""),
    ("juniper", "reconnect", 104, 164, 170, "Marcus Ibe", ""),
    ("brightmoss", "thank_you", 147, 148, 148, "Hana Lindqvist",
     "Dear Hana, thank you for the detailed review of my take-home task. I appreciated the pointer "
     "to your style guide, and I am writing tests and docs for every model now."),
    ("brightmoss", "reconnect", 147, 195, None, "Hana Lindqvist", ""),
    ("tallow", "thank_you", 167, 168, None, "Ellie Marsh", ""),
    ("pebblecourt", "thank_you", 179, 179, 179, "", ""),
)  # fmt: skip

#: Praise heard: (application key, text, themes, confirmed by the person).
PRAISE: tuple[tuple[str, str, tuple[str, ...], bool], ...] = (
    ("larkspur", "They liked your questions about their data quality work; you had clearly done your research.",
     ("preparation",), True),
    ("copperleaf", "The team enjoyed your enthusiasm for the product, and the case study was well prepared.",
     ("culture_fit", "preparation"), True),
    ("saltmarsh", "The results you showed from your past projects were impressive.", ("examples_impact",), False),
    ("juniper", "Your SQL and modelling are strong for a mid-level analyst.", ("technical_depth",), True),
    ("brightmoss", "Your walkthrough of the task was really clear; use examples like that again.",
     ("examples_impact", "communication"), True),
    ("tallow", "You came well prepared and knew our product inside out.", ("preparation",), False),
    ("fernhollow", "Your portfolio of dashboards was the strongest we saw; the examples showed real impact.",
     ("examples_impact",), True),
)  # fmt: skip

#: Self-reviews after interviews: (application key, stage of the interview, ratings, one thing differently).
#: Ratings go preparation, examples and impact, technical depth, communication, questions asked.
SELF_REVIEWS: tuple[tuple[str, str, tuple[int, int, int, int, int], str], ...] = (
    ("larkspur", "interview", (3, 3, 3, 4, 4), "Talk through my thinking while I write the SQL."),
    ("copperleaf", "interview", (4, 3, 4, 5, 3), "Have two experiment stories ready."),
    ("copperleaf", "final", (5, 3, 4, 5, 4), "Put the main result on the first slide."),
    ("saltmarsh", "interview", (2, 4, 4, 4, 3), "Play their games before the interview."),
    ("juniper", "interview", (4, 3, 4, 4, 2), "Bring an example of leading stakeholder work on my own."),
    ("rivermill", "interview", (3, 4, 3, 4, 4), "Ask when they will decide, and write it down."),
    ("brightmoss", "interview", (4, 4, 3, 4, 4), "Write the tests as I go in the take-home."),
    ("brightmoss", "final", (5, 4, 3, 4, 5), "Document the models before sending anything."),
    ("fernhollow", "interview", (5, 4, 4, 4, 4), "Keep each answer to about two minutes."),
    ("tallow", "interview", (4, 4, 4, 3, 4), "Ask about the salary band at the screen."),
    ("fernhollow", "final", (5, 5, 4, 4, 5), "Nothing big: rest well the night before."),
    ("sunfield", "interview", (4, 5, 4, 4, 4), "Send the dashboard example they asked about."),
)
DIMENSIONS = ("preparation", "examples_impact", "technical_depth", "communication", "questions_asked")

#: What drew the person, what they would avoid, how much they wanted it: (key, wanted, draws, avoids, note).
MOTIVATIONS: tuple[tuple[str, int | None, tuple[str, ...], tuple[str, ...], str], ...] = (
    ("blue_alder", 2, ("remote",), (), ""),
    ("larkspur", 4, ("data quality", "mentoring"), ("live coding",), "A team that cares about clean data."),
    ("harbourline", 2, ("remote", "dashboards"), ("long commute",), ""),
    ("orchard_grid", 2, ("product",), ("slow hiring",), ""),
    ("copperleaf", 5, ("product", "health", "mentoring"), (), "I could picture myself there."),
    ("vantage", 1, ("remote",), ("unclear role",), "Applied mostly to keep momentum."),
    ("saltmarsh", 4, ("small team", "games"), ("unclear role",), ""),
    ("glassbeam", 2, ("product",), ("long commute", "five days on site"), "Two hours each way."),
    ("juniper", 4, ("mentoring", "transport"), ("on-call",), "A stretch, but a team I'd learn a lot in."),
    ("heronsgate", 3, ("books", "remote"), (), ""),
    ("quillfeather", 2, ("books",), (), ""),
    ("rivermill", 2, ("remote",), ("long commute", "slow hiring"), ""),
    ("brightmoss", 4, ("analytics engineering", "mentoring", "remote"), ("on-call",), ""),
    ("lanternfish", 3, ("product", "remote"), (), ""),
    ("fernhollow", 5, ("maps", "mentoring", "product", "remote"), (), "Everything I asked for."),
    ("kittiwake", 3, ("mentoring",), ("on-call",), ""),
    ("tallow", 2, ("product",), ("low pay",), ""),
    ("sunfield", 4, ("mission", "remote"), (), ""),
    ("pebblecourt", 2, (), ("long commute", "on-call"), ""),
    ("amberline", 3, ("games", "small team"), (), ""),
    ("pinecrest", 3, ("mission",), ("slow hiring",), ""),
)

#: Check-ins: the first on this day, then one every CHECK_IN_DAYS, at CHECK_IN_TIME.
FIRST_CHECK_IN = 5
CHECK_IN_DAYS = 14
CHECK_IN_TIME = dt.time(20, 30)
#: The score the answers lean towards, from the first day to the last: bouncing back more easily over time.
LEANING = (2.5, 4.0)
#: What a rejection in the week before takes off that leaning.
AFTER_REJECTION = 0.5


def people(ids: dict[str, int]) -> list[Person]:
    """The people met, linked to their applications."""
    return [
        Person(application_id=ids[key], name=name, role=role, contact=contact, note=note)
        for key, name, role, contact, note in PEOPLE
    ]


def follow_ups(start: dt.date, ids: dict[str, int]) -> list[FollowUp]:
    """Thank-you notes and reconnect dates; some done, one thank-you and one reconnect left overdue."""
    return [
        FollowUp(
            application_id=ids[key],
            kind=kind,
            created_on=_day(start, noted),
            due_on=_day(start, due),
            done_on=None if done is None else _day(start, done),
            person=person,
            text=text,
        )
        for key, kind, noted, due, done, person, text in FOLLOW_UPS
    ]


def praise(ids: dict[str, int]) -> list[FeedbackItem]:
    """What employers praised, as positive feedback items."""
    return [
        FeedbackItem(application_id=ids[key], text=text, themes=themes, confirmed=confirmed, positive=True)
        for key, text, themes, confirmed in PRAISE
    ]


def self_reviews(start: dt.date, ids: dict[str, int]) -> list[SelfReview]:
    """A self-review on the day of each interview in :data:`SELF_REVIEWS`."""
    stage_days = {(app.key, stage): day for app in APPLICATIONS for stage, day in app.stages}
    return [
        SelfReview(
            application_id=ids[key],
            held_on=_day(start, stage_days[key, stage]),
            ratings=score_words(dict(zip(DIMENSIONS, ratings, strict=True))),
            differently=differently,
        )
        for key, stage, ratings, differently in SELF_REVIEWS
    ]


def motivations(ids: dict[str, int]) -> list[Motivation]:
    """What the person wanted from each application they noted it for."""
    return [
        Motivation(application_id=ids[key], wanted=wanted, draws=draws, avoids=avoids, note=note)
        for key, wanted, draws, avoids, note in MOTIVATIONS
    ]


def check_ins(start: dt.date, ids: dict[str, int], questionnaire: Questionnaire, seed: int) -> list[CheckIn]:
    """A check-in every two weeks, answers drawn around a leaning that rises over the months.

    A check-in within a week of a rejection leans lower and is linked to it.
    """
    rng = random.Random(f"check-ins {seed}")
    rejections = [app for app in APPLICATIONS if app.outcome == "rejected"]
    found = []
    for day in range(FIRST_CHECK_IN, SPAN + 1, CHECK_IN_DAYS):
        leaning = LEANING[0] + (LEANING[1] - LEANING[0]) * day / SPAN
        recent = [app for app in rejections if 0 <= day - (app.outcome_day or 0) <= 7]
        if recent:
            leaning -= AFTER_REJECTION
        answers = {}
        for statement in questionnaire.statements:
            agree = 6 - leaning if statement.reverse else leaning
            answers[statement.id] = min(5, max(1, round(agree + rng.gauss(0, 0.6))))
        found.append(
            CheckIn(
                at=dt.datetime.combine(_day(start, day), CHECK_IN_TIME),
                questionnaire_id=questionnaire.id,
                answers=score_words(answers),
                score=score(answers, questionnaire),
                application_id=ids[recent[-1].key] if recent else None,
            )
        )
    return found


def _day(start: dt.date, day: int) -> dt.date:
    return start + dt.timedelta(days=day)

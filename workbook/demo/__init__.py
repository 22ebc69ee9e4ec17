"""A sample journal to try the workbook with: six months of a fictional job search.

The sample always lives in its own file (``demo.db`` beside the person's
journal, so ``data/demo.db`` of the workbook folder), never in a person's journal.  It ends on a fixed date in the past and
draws every random number from one seeded generator, so two builds are
identical and notebooks that print summaries of it print the same words.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

from workbook.demo import growth
from workbook.demo.moods import CALL_HOUR, INTERVIEW_HOUR, calls, mood_entries
from workbook.demo.notes import ACTIONS, FEEDBACK, PROMPTS, REFLECTIONS, SUPPORT
from workbook.demo.story import APPLICATIONS, CALLS, SPAN, StoryApplication
from workbook.errors import TemplateError
from workbook.journal import Journal
from workbook.location import journal_path
from workbook.records import (
    Action,
    Application,
    CallNotes,
    ChecklistRun,
    FeedbackItem,
    Reflection,
    SupportContact,
)

#: The last day of the sample: fixed, so its summaries never change.
DEMO_END = dt.date(2026, 10, 31)
#: Where the sample lives inside a workbook folder.
DEMO_NAME = Path("data") / "demo.db"
#: Picked among seeds for a sample whose recoveries read clearly (any seed shows the same trend).
SEED = 22

#: Checklist items in the order a person tends to tick them; later runs tick more.
BEFORE_CALL_ITEMS = ("questions", "notes", "courteous", "calm", "open")
AFTER_CALL_ITEMS = ("notes", "talk", "feel", "learned", "strengths", "next")


def default_demo_path(start: str | os.PathLike[str] | None = None) -> Path:
    """``demo.db`` beside the person's journal: ``data/demo.db`` of the workbook folder, else in their data folder."""
    return journal_path(start=start).with_name(DEMO_NAME.name)


def is_sample(journal: Journal) -> bool:
    """Whether ``journal`` holds nothing but (a part of) the sample: every application is one of the story's."""
    companies = {story.company for story in APPLICATIONS}
    apps = journal.records(Application)
    return bool(apps) and all(app.company in companies for app in apps)


def build_demo(journal: Journal, *, end: dt.date = DEMO_END) -> None:
    """Write the sample journal, ending on ``end``, into ``journal`` in one transaction."""
    start = end - dt.timedelta(days=SPAN)
    rng = random.Random(SEED)
    from workbook.template import default_template  # deferred: the command line imports this module

    questionnaire = default_template().checkin
    if questionnaire is None:
        raise TemplateError("the built-in template has no check-in to answer in the sample")
    with journal.transaction():
        ids = {app.key: _write_application(journal, app, start) for app in APPLICATIONS}
        for record in (
            *_call_notes(start, ids),
            *_feedback(ids),
            *mood_entries(start, ids, rng),
            *_reflections(start, ids),
            *_checklist_runs(start, ids),
            *_actions(start, ids),
            *_support_contacts(start),
            *growth.praise(ids),
            *growth.people(ids),
            *growth.follow_ups(start, ids),
            *growth.self_reviews(start, ids),
            *growth.motivations(ids),
            *growth.check_ins(start, ids, questionnaire, SEED),
        ):
            journal.add(record)


def build_demo_if_empty(journal: Journal, *, end: dt.date = DEMO_END) -> bool:
    """Write the sample into ``journal`` unless it holds anything; say whether it did.

    The check and the writing are one transaction, under the write lock, so two
    notebooks opening the sample at once build it once.
    """
    with journal.transaction():
        if any(journal.counts().values()):
            return False
        build_demo(journal, end=end)
    return True


def _write_application(journal: Journal, story: StoryApplication, start: dt.date) -> int:
    """Add the application as first sent, then walk it through its stages and outcome."""
    app = journal.add(
        Application(
            company=story.company,
            role=story.role,
            applied_on=_day(start, story.applied),
            notes=story.notes,
        )
    )
    for stage, day in story.stages:
        app = journal.update(app.replace(stage=stage), stage_on=_day(start, day))
    if story.outcome != "pending":
        app = journal.update(
            app.replace(
                outcome=story.outcome,
                outcome_on=_day(start, story.outcome_day),
                channel=story.channel,
                invited_back=story.invited_back,
            )
        )
    return app.id  # type: ignore[return-value]


def _call_notes(start: dt.date, ids: dict[str, int]) -> list[CallNotes]:
    by_key = {app.key: app for app in APPLICATIONS}
    return [
        CallNotes(
            application_id=ids[call.key],
            held_on=_day(start, by_key[call.key].outcome_day),
            covered=call.covered,
            questions=call.questions,
            answers=call.answers,
            notes=call.notes,
        )
        for call in CALLS
    ]


def _feedback(ids: dict[str, int]) -> list[FeedbackItem]:
    return [
        FeedbackItem(application_id=ids[key], text=text, themes=themes, confirmed=confirmed)
        for key, text, themes, confirmed in FEEDBACK
    ]


def _reflections(start: dt.date, ids: dict[str, int]) -> list[Reflection]:
    return [
        Reflection(
            at=_at(start, day, hour, 30),
            prompt_id=prompt_id,
            prompt=PROMPTS[prompt_id],
            answer=answer,
            application_id=ids[key] if key else None,
        )
        for day, hour, prompt_id, key, answer in REFLECTIONS
    ]


def _checklist_runs(start: dt.date, ids: dict[str, int]) -> list[ChecklistRun]:
    runs = []
    for call in calls():
        app_id = ids[call.app.key]
        progress = call.day / SPAN
        if call.kind == "interview" or call.app.channel == "video_call":
            hour = INTERVIEW_HOUR if call.kind == "interview" else CALL_HOUR
            ticked = BEFORE_CALL_ITEMS[: 2 + round(3 * progress)]
            runs.append(_run(start, call.day, hour - 1, "before_call", ticked, app_id))
        if call.kind == "rejection":
            ticked = AFTER_CALL_ITEMS[: 2 + round(4 * progress)]
            runs.append(_run(start, call.day, 18, "after_call", ticked, app_id))
    for call in CALLS:
        day = next(app.outcome_day for app in APPLICATIONS if app.key == call.key) or 0
        runs.append(_run(start, day, CALL_HOUR + 1, "call_covered", call.covered, ids[call.key]))
    return sorted(runs, key=lambda run: run.at)


def _run(
    start: dt.date, day: int, hour: int, checklist_id: str, ticked: tuple[str, ...], app_id: int
) -> ChecklistRun:
    return ChecklistRun(
        at=_at(start, day, hour, 20), checklist_id=checklist_id, ticked=ticked, application_id=app_id
    )


def _actions(start: dt.date, ids: dict[str, int]) -> list[Action]:
    return [
        Action(
            title=title,
            theme=theme,
            created_on=_day(start, created),
            due_on=_day(start, due),
            done_on=_day(start, done) if done is not None else None,
            application_id=ids[key] if key else None,
        )
        for title, theme, created, due, done, key in ACTIONS
    ]


def _support_contacts(start: dt.date) -> list[SupportContact]:
    return [
        SupportContact(talked_on=_day(start, day), who=who, helped=helped, note=note)
        for day, who, helped, note in SUPPORT
    ]


def _day(start: dt.date, day: int | None) -> dt.date:
    return start + dt.timedelta(days=day or 0)


def _at(start: dt.date, day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(_day(start, day), dt.time(hour, minute))

"""The record types of the journal and every rule that a record must obey.

Rules for single values live in :mod:`workbook.values`; the rules that tie
fields together (an outcome date after the application date, ...) live here.

Records are frozen dataclasses.  Building one validates and normalises it, so a
record a caller builds is a record the journal may store: strings are stripped,
dates parsed, word lists cleaned.  Every refusal is a
:class:`~workbook.errors.ValidationError` naming the field and the reason.
Rows read back from the journal are built by :meth:`Record.trusted`, without the rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import ClassVar

from workbook.errors import ValidationError
from workbook.growth_records import FOLLOW_UP_KINDS, CheckIn, FollowUp, Motivation, Person, SelfReview
from workbook.record_base import Record, record_type
from workbook.values import (
    MAX_WORD,
    check_bool,
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
)

STAGES = ("applied", "screen", "interview", "final")
OUTCOMES = ("pending", "rejected", "offer", "withdrawn", "ghosted")
CHANNELS = ("video_call", "phone", "email", "in_person", "none")
CONTEXTS = ("daily", "before_call", "after_call")
#: Outcomes that are only true from a known date onwards.
DATED_OUTCOMES = ("rejected", "offer", "withdrawn")


@record_type
class Application(Record):
    """A job application and how far it got.

    ``stage_on`` is the date the current stage was reached.  It is not stored on
    the application: the journal keeps it in the stage history, so a later
    rejection never erases how far the application went.
    """

    TABLE: ClassVar[str] = "applications"
    KEY: ClassVar[tuple[str, ...]] = ("company", "role", "applied_on")

    company: str
    role: str
    applied_on: dt.date
    stage: str = "applied"
    outcome: str = "pending"
    outcome_on: dt.date | None = None
    channel: str = "none"
    notes: str = ""
    #: Whether the employer invited the person to apply again.
    invited_back: bool = False
    stage_on: dt.date | None = field(default=None, metadata={"stored": False}, compare=False)

    def validate(self) -> None:
        fields = self.__dict__
        fields["company"] = check_text("company", self.company, required=True, limit=200)
        fields["role"] = check_text("role", self.role, required=True, limit=200)
        fields["applied_on"] = check_past_date("applied_on", self.applied_on)
        fields["stage"] = check_choice("stage", self.stage, STAGES)
        fields["outcome"] = check_choice("outcome", self.outcome, OUTCOMES)
        fields["channel"] = check_choice("channel", self.channel or "none", CHANNELS)
        fields["notes"] = check_text("notes", self.notes)
        fields["invited_back"] = check_bool("invited_back", self.invited_back)
        outcome_on = check_optional_past_date("outcome_on", self.outcome_on)
        if self.outcome in DATED_OUTCOMES and outcome_on is None:
            raise ValidationError("outcome_on", f"is required when the outcome is {self.outcome}")
        if self.outcome == "pending" and outcome_on is not None:
            raise ValidationError("outcome_on", "must be empty while the outcome is pending")
        check_order("outcome_on", outcome_on, "the application date", self.applied_on)
        fields["outcome_on"] = outcome_on
        stage_on = check_optional_past_date("stage_on", self.stage_on)
        check_order("stage_on", stage_on, "the application date", self.applied_on)
        fields["stage_on"] = stage_on


@record_type
class StageChange(Record):
    """One step in an application's stage history."""

    TABLE: ClassVar[str] = "stage_changes"
    KEY: ClassVar[tuple[str, ...]] = ("application_id", "stage", "changed_on")
    LINKS: ClassVar[tuple[str, ...]] = ("application_id",)

    application_id: int
    stage: str
    changed_on: dt.date

    def validate(self) -> None:
        fields = self.__dict__
        fields["application_id"] = check_id("application_id", self.application_id)
        fields["stage"] = check_choice("stage", self.stage, STAGES)
        fields["changed_on"] = check_past_date("changed_on", self.changed_on)


@record_type
class CallNotes(Record):
    """Notes from a rejection call: which usual parts it covered, questions, answers."""

    TABLE: ClassVar[str] = "call_notes"
    KEY: ClassVar[tuple[str, ...]] = ("application_id", "held_on")
    LINKS: ClassVar[tuple[str, ...]] = ("application_id",)

    application_id: int
    held_on: dt.date
    covered: tuple[str, ...] = ()
    questions: str = ""
    answers: str = ""
    notes: str = ""

    def validate(self) -> None:
        fields = self.__dict__
        fields["application_id"] = check_id("application_id", self.application_id)
        fields["held_on"] = check_past_date("held_on", self.held_on)
        fields["covered"] = check_words("covered", self.covered)
        for name in ("questions", "answers", "notes"):
            fields[name] = check_text(name, getattr(self, name))


@record_type
class FeedbackItem(Record):
    """One piece of feedback as heard, with its themes.

    ``confirmed`` is true once the person has confirmed or changed the themes;
    confirmed themes are never replaced by the classifier.  ``positive`` marks
    praise (a strength) rather than something to work on.
    """

    TABLE: ClassVar[str] = "feedback_items"
    KEY: ClassVar[tuple[str, ...]] = ("application_id", "text")
    LINKS: ClassVar[tuple[str, ...]] = ("application_id",)

    application_id: int
    text: str
    themes: tuple[str, ...] = ()
    confirmed: bool = False
    positive: bool = False

    def validate(self) -> None:
        fields = self.__dict__
        fields["application_id"] = check_id("application_id", self.application_id)
        fields["text"] = check_text("text", self.text, required=True)
        fields["themes"] = check_words("themes", self.themes)
        fields["confirmed"] = check_bool("confirmed", self.confirmed)
        fields["positive"] = check_bool("positive", self.positive)


@record_type
class MoodEntry(Record):
    """How the person felt at a moment: mood 1–10, emotions, activities, energy 1–5."""

    TABLE: ClassVar[str] = "mood_entries"
    KEY: ClassVar[tuple[str, ...]] = ("at", "mood", "note")
    LINKS: ClassVar[tuple[str, ...]] = ("application_id",)

    at: dt.datetime
    mood: int
    emotions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    energy: int | None = None
    note: str = ""
    context: str = "daily"
    application_id: int | None = None

    def validate(self) -> None:
        fields = self.__dict__
        fields["at"] = check_past_timestamp("at", self.at)
        fields["mood"] = check_scale("mood", self.mood, 1, 10)
        fields["emotions"] = check_words("emotions", self.emotions)
        fields["tags"] = check_words("tags", self.tags)
        # Every import builds thousands of these: the usual empty energy and link, and a context
        # already one of CONTEXTS, are taken as the rules would give them back, without the calls.
        energy = self.energy
        fields["energy"] = None if energy is None else check_scale("energy", energy, 1, 5, required=False)
        fields["note"] = check_text("note", self.note)
        context = self.context or "daily"
        if type(context) is not str or context not in CONTEXTS:
            context = check_choice("context", context, CONTEXTS)
        fields["context"] = context
        link = self.application_id
        fields["application_id"] = None if link is None else check_optional_id("application_id", link)


@record_type
class Reflection(Record):
    """An answer to one reflection prompt."""

    TABLE: ClassVar[str] = "reflections"
    KEY: ClassVar[tuple[str, ...]] = ("at", "prompt_id")
    LINKS: ClassVar[tuple[str, ...]] = ("application_id",)

    at: dt.datetime
    prompt_id: str
    prompt: str
    answer: str
    application_id: int | None = None

    def validate(self) -> None:
        fields = self.__dict__
        fields["at"] = check_past_timestamp("at", self.at)
        fields["prompt_id"] = check_text("prompt_id", self.prompt_id, required=True, limit=MAX_WORD)
        fields["prompt"] = check_text("prompt", self.prompt, required=True)
        fields["answer"] = check_text("answer", self.answer, required=True)
        fields["application_id"] = check_optional_id("application_id", self.application_id)


@record_type
class ChecklistRun(Record):
    """The items of one checklist that were ticked, at one moment."""

    TABLE: ClassVar[str] = "checklist_runs"
    KEY: ClassVar[tuple[str, ...]] = ("at", "checklist_id")
    LINKS: ClassVar[tuple[str, ...]] = ("application_id",)

    at: dt.datetime
    checklist_id: str
    ticked: tuple[str, ...] = ()
    application_id: int | None = None

    def validate(self) -> None:
        fields = self.__dict__
        fields["at"] = check_past_timestamp("at", self.at)
        fields["checklist_id"] = check_text("checklist_id", self.checklist_id, required=True, limit=MAX_WORD)
        fields["ticked"] = check_words("ticked", self.ticked)
        fields["application_id"] = check_optional_id("application_id", self.application_id)


@record_type
class Action(Record):
    """Something to practise or learn, with its feedback theme and dates."""

    TABLE: ClassVar[str] = "actions"
    KEY: ClassVar[tuple[str, ...]] = ("title", "created_on")
    LINKS: ClassVar[tuple[str, ...]] = ("application_id",)

    title: str
    created_on: dt.date = field(default_factory=dt.date.today)
    theme: str = ""
    due_on: dt.date | None = None
    done_on: dt.date | None = None
    application_id: int | None = None

    def validate(self) -> None:
        fields = self.__dict__
        fields["title"] = check_text("title", self.title, required=True, limit=500)
        fields["created_on"] = check_past_date("created_on", self.created_on)
        fields["theme"] = check_text("theme", self.theme, limit=MAX_WORD)
        # A due date is a plan, so it may lie ahead; a done date may not.
        fields["due_on"] = parse_date("due_on", self.due_on)
        done_on = check_optional_past_date("done_on", self.done_on)
        check_order("done_on", done_on, "the day the action was created", self.created_on)
        fields["done_on"] = done_on
        fields["application_id"] = check_optional_id("application_id", self.application_id)


@record_type
class SupportContact(Record):
    """Someone the person talked to, when, and how much it helped (1–5)."""

    TABLE: ClassVar[str] = "support_contacts"
    KEY: ClassVar[tuple[str, ...]] = ("talked_on", "who")

    talked_on: dt.date
    who: str
    helped: int | None = None
    note: str = ""

    def validate(self) -> None:
        fields = self.__dict__
        fields["talked_on"] = check_past_date("talked_on", self.talked_on)
        fields["who"] = check_text("who", self.who, required=True, limit=200)
        fields["helped"] = check_scale("helped", self.helped, 1, 5, required=False)
        fields["note"] = check_text("note", self.note)


#: Every record type, in the order that links allow them to be written.
RECORD_TYPES: tuple[type[Record], ...] = (
    Application,
    StageChange,
    CallNotes,
    FeedbackItem,
    MoodEntry,
    Reflection,
    ChecklistRun,
    Action,
    SupportContact,
    Person,
    FollowUp,
    SelfReview,
    Motivation,
    CheckIn,
)

#: Categorical fields and their full category sets, for DataFrames.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "stage": STAGES,
    "outcome": OUTCOMES,
    "channel": CHANNELS,
    "context": CONTEXTS,
    "kind": FOLLOW_UP_KINDS,
}


def record_type(table: str) -> type[Record]:
    """The record type stored in ``table`` (also the export file stem)."""
    for cls in RECORD_TYPES:
        if cls.TABLE == table:
            return cls
    raise ValidationError(
        "record type", f"{table!r} is not one of {', '.join(c.TABLE for c in RECORD_TYPES)}"
    )

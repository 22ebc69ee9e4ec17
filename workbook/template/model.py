"""The template's parts as frozen dataclasses: what the widgets and notebooks read.

:mod:`workbook.template` builds them from checked data; nothing here reads files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbook.errors import TemplateError
from workbook.labels import Labels

#: The placeholder in action suggestions that becomes the theme's label.
THEME_PLACEHOLDER = "{theme}"


@dataclass(frozen=True)
class Item:
    """One checklist item, reflection prompt or question: a stable id and the text people read."""

    id: str
    text: str


@dataclass(frozen=True)
class Checklist:
    """A named list of things to tick."""

    id: str
    title: str
    items: tuple[Item, ...]
    intro: str = ""


@dataclass(frozen=True)
class PromptSet:
    """A named set of reflection prompts, answered one at a time or all at once."""

    id: str
    title: str
    prompts: tuple[Item, ...]
    intro: str = ""


@dataclass(frozen=True)
class MoodTexts:
    """Words for the mood logger: the scale's two ends, the emotion vocabulary, suggested tags."""

    low: str
    high: str
    emotions: tuple[str, ...]
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionTexts:
    """Titles for actions suggested from feedback themes."""

    suggestion: str
    by_theme: Mapping[str, str] = field(default_factory=dict)

    def title_for(self, theme_id: str, label: str) -> str:
        """The suggested action title for a theme: its own text, else the general one with its label."""
        return self.by_theme.get(theme_id) or self.suggestion.replace(THEME_PLACEHOLDER, label)


@dataclass(frozen=True)
class SupportTexts:
    """The gentle support notice and where to find more help."""

    notice: str
    where_to_find_help: str


@dataclass(frozen=True)
class NewsTexts:
    """The rejection log's notes section for one way the news came (a call, an email, not said)."""

    heading: str
    held_on: str
    held_on_error: str
    covered: str
    questions: str
    answers: str
    notes: str
    feedback: str


@dataclass(frozen=True)
class RejectionLogTexts:
    """The rejection log's own words: its notes section for a call, an email or news not said."""

    stage_on: str
    call: NewsTexts
    email: NewsTexts
    other: NewsTexts
    notes_kept: str


@dataclass(frozen=True)
class FormMessages:
    """What every form says on a failure, and before letting go of unsaved text."""

    not_saved: str
    unsaved: str
    discard: str


@dataclass(frozen=True)
class Coach:
    """Who made this workbook: a coach's name and how to reach them (both may be empty)."""

    name: str = ""
    contact: str = ""


@dataclass(frozen=True)
class Statement:
    """One check-in statement; ``reverse`` statements are scored 6 minus the answer."""

    id: str
    text: str
    reverse: bool = False


@dataclass(frozen=True)
class Questionnaire:
    """The resilience check-in: its statements, answered 1–5, and how often it is offered."""

    id: str
    title: str
    intro: str
    low: str
    high: str
    every_days: int
    statements: tuple[Statement, ...]
    meaning: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FollowUpTexts:
    """The thank-you note the workbook drafts, and the suggested wait before reconnecting."""

    thank_you: str
    reconnect_after_days: int


@dataclass(frozen=True)
class Template:
    """Every text of a workbook; ``source`` names the file it came from."""

    title: str
    welcome_title: str
    welcome_text: str
    mood: MoodTexts
    checklists: Mapping[str, Checklist]
    reflections: Mapping[str, PromptSet]
    questions: tuple[Item, ...]
    actions: ActionTexts
    support: SupportTexts
    rejection_log: RejectionLogTexts
    messages: FormMessages
    feedback_themes: Mapping[str, Any] | None = None
    source: str = field(default="", compare=False)
    #: The widgets' own words (labels, buttons, show-back lists); any a coach leaves out stay built-in.
    labels: Labels = field(default_factory=lambda: Labels({}))
    coach: Coach = field(default_factory=Coach)
    #: The dimensions of the self-review after an interview, rated 1–5 each.
    self_review: tuple[Item, ...] = ()
    checkin: Questionnaire | None = None
    follow_up: FollowUpTexts | None = None
    #: The notebooks a workbook built from this template includes, by file stem.
    notebooks: tuple[str, ...] = ()

    def checklist(self, checklist_id: str) -> Checklist:
        """The checklist with ``checklist_id``; TemplateError naming the ones there are if missing."""
        return _pick(self, "checklists", self.checklists, checklist_id)

    def prompt_set(self, set_id: str) -> PromptSet:
        """The reflection prompt set with ``set_id``; TemplateError if missing."""
        return _pick(self, "reflections", self.reflections, set_id)


def _pick(template: Template, section: str, choices: Mapping[str, Any], key: str) -> Any:
    if key not in choices:
        raise TemplateError(
            f"{template.source}: {section}: has no {key!r} (it has {', '.join(choices) or 'none'})"
        )
    return choices[key]

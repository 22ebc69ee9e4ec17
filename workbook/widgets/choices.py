"""The options the widgets offer in their drop-downs, as (label, value) pairs."""

from __future__ import annotations

from typing import Any

from workbook import themes
from workbook.journal import Journal
from workbook.messages import CHANNEL_LABELS, CONTEXT_LABELS, OUTCOME_LABELS, STAGE_LABELS
from workbook.records import CHANNELS, CONTEXTS, OUTCOMES, STAGES, Application
from workbook.template import Template

NO_APPLICATION = "(none)"

SCALE_1_5 = [("not noted", None), ("1 (very little)", 1), ("2", 2), ("3", 3), ("4", 4), ("5 (a lot)", 5)]


def labelled(labels: dict[str, str], values: tuple[str, ...]) -> list[tuple[str, str]]:
    """(label, value) pairs in the order of ``values``."""
    return [(labels[value], value) for value in values]


def stages() -> list[tuple[str, str]]:
    """How far an application got."""
    return labelled(STAGE_LABELS, STAGES)


def outcomes() -> list[tuple[str, str]]:
    """How an application ended (or that it has not yet)."""
    return labelled(OUTCOME_LABELS, OUTCOMES)


def channels() -> list[tuple[str, str]]:
    """How the outcome was delivered."""
    return labelled(CHANNEL_LABELS, CHANNELS)


def contexts() -> list[tuple[str, str]]:
    """When a mood entry was made."""
    return labelled(CONTEXT_LABELS, CONTEXTS)


def application_label(app: Application) -> str:
    """How an application is named in a list: "Acme, Designer (applied 2024-05-01)"."""
    return f"{app.company}, {app.role} (applied {app.applied_on.isoformat()})"


def applications(journal: Journal, *, none: str = NO_APPLICATION) -> list[tuple[str, int | None]]:
    """The journal's applications, newest first, after an entry for "no application"."""
    apps = sorted(journal.records(Application), key=lambda app: (app.applied_on, app.id), reverse=True)
    return [(none, None), *((application_label(app), app.id) for app in apps)]


def vocabulary(template: Template) -> dict[str, Any]:
    """The feedback-theme vocabulary of ``template`` (the built-in one unless it has its own)."""
    return themes.load_vocabulary(template.feedback_themes)

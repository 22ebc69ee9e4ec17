"""The options the widgets offer in their drop-downs, as (label, value) pairs.

Every drop-down of applications is an :class:`ApplicationPicker`: it follows
the journal, so an application added or deleted anywhere in the kernel
appears in (or leaves) each form's list at once, keeping the selection while
it is still there.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from workbook import messages, themes
from workbook.journal import Journal
from workbook.messages import CHANNEL_LABELS, CONTEXT_LABELS, OUTCOME_LABELS, STAGE_LABELS
from workbook.records import CHANNELS, CONTEXTS, OUTCOMES, STAGES, Application
from workbook.template import Template, default_template
from workbook.widgets.form import WIDE_LABEL

NO_APPLICATION = messages.NO_APPLICATION
#: The value of a drop-down's "none of them" option ("no application", "not noted").  Not None:
#: ipywidgets shows a Dropdown whose value is None as blank, whatever its options.
NONE = 0

SCALE_1_5 = list(messages.SCALE_1_5)


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
    """How an application is named in a list: "Acme, Designer (applied 1 May 2024)"."""
    labels = default_template().labels
    return labels.fill(
        "common.application", company=app.company, role=app.role, day=labels.day(app.applied_on)
    )


def applications(journal: Journal, *, none: str = NO_APPLICATION) -> list[tuple[str, int | None]]:
    """The journal's applications, newest first, after an entry for "no application".

    Named as :func:`application_label` names them, from the journal's frame
    (kept between saves) rather than a record built for each of them.
    """
    frame = journal.frame(Application).sort_values(["applied_on", "id"], ascending=False)
    labels = default_template().labels
    named = (
        (
            labels.fill("common.application", company=company, role=role, day=labels.day(applied.date())),
            int(key),
        )
        for key, company, role, applied in zip(
            frame["id"], frame["company"], frame["role"], frame["applied_on"], strict=True
        )
    )
    return [(none, NONE), *named]


def company_and_role(app: Application | None) -> str:
    """An application named in a saved entry's heading: "Acme, Designer" ("" for none)."""
    return f"{app.company}, {app.role}" if app is not None else ""


def picked(dropdown: w.Dropdown) -> Any:
    """The value chosen in ``dropdown``, None for its "none of them" option."""
    return None if dropdown.value in (NONE, None) else dropdown.value


class ApplicationPicker:
    """A drop-down of the journal's applications that refreshes whenever the journal changes.

    ``dropdown`` is the form's own ``w.Dropdown``; ``none`` labels the choice
    of no application.  While :attr:`refreshing`, a change of the drop-down's
    value is the picker's own doing, not the person's.
    """

    def __init__(
        self, journal: Journal, dropdown: w.Dropdown, *, none: str = NO_APPLICATION, value: int | None = None
    ) -> None:
        self.journal = journal
        self.dropdown = dropdown
        self.none = none
        self.refreshing = False
        self.refresh(value)
        self.stop = _follow(journal, self)

    @property
    def selected(self) -> int | None:
        """The id of the chosen application, None for none."""
        return picked(self.dropdown)

    @property
    def ids(self) -> list[int]:
        """The ids of the applications offered now, in their order."""
        return [value for _label, value in self.dropdown.options if value != NONE]

    def refresh(self, value: int | None | object = ...) -> None:
        """Offer the journal's applications now; select ``value`` (default: keep the selection if still there)."""
        keep = picked(self.dropdown) if value is ... else value
        options = applications(self.journal, none=self.none)
        self.refreshing = True
        try:
            if options != list(self.dropdown.options):
                self.dropdown.options = options
            self.dropdown.value = keep if keep in {v for _label, v in options} else NONE
        finally:
            self.refreshing = False


def _follow(journal: Journal, picker: ApplicationPicker) -> Callable[[], None]:
    # A weak reference: a form re-created by re-running its cell lets the old one go, and its listener with
    # it.  A form put away (Form.close) closes the drop-down: then the listener stops at the next change.
    ref = weakref.ref(picker)

    def listener() -> None:
        alive = ref()
        if alive is None or alive.dropdown.comm is None:
            stop()
        else:
            alive.refresh()

    stop = journal.on_change(listener)
    return stop


def vocabulary(template: Template) -> dict[str, Any]:
    """The feedback-theme vocabulary of ``template`` (the built-in one unless it has its own)."""
    return themes.load_vocabulary(template.feedback_themes)


def application_picker(
    journal: Journal, description: str, *, none: str, value: int | None = None
) -> ApplicationPicker:
    """A new drop-down of the journal's applications labelled ``description``, as a picker (``.dropdown``)."""
    return ApplicationPicker(
        journal, w.Dropdown(description=description, style=WIDE_LABEL), none=none, value=value
    )

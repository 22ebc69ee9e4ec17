"""Checklists: tick what is done, see how far along you are, save the run."""

from __future__ import annotations

import datetime as dt

import ipywidgets as w

from workbook.journal import Journal
from workbook.records import ChecklistRun
from workbook.template import Checklist, Template
from workbook.widgets import choices
from workbook.widgets.form import WIDE_LABEL, Form, button, checkbox, guarded, heading, paragraphs


def last_run(journal: Journal, checklist_id: str, application_id: int | None = None) -> ChecklistRun | None:
    """The latest saved run of ``checklist_id`` (for ``application_id`` when one is given)."""
    runs = [
        run
        for run in journal.records(ChecklistRun)
        if run.checklist_id == checklist_id
        and (application_id is None or run.application_id == application_id)
    ]
    return max(runs, key=lambda run: (run.at, run.id), default=None)


class ChecklistForm(Form):
    """One checklist: a checkbox per item, progress ("3 of 5 done"), and Save.

    Reopening shows the ticks of the last saved run of the same checklist
    (for the same application, when one is given).
    """

    def __init__(
        self,
        journal: Journal,
        checklist: Checklist,
        *,
        application_id: int | None = None,
        template: Template | None = None,
    ) -> None:
        super().__init__(template.messages if template else None)
        self.journal = journal
        self.checklist = checklist
        previous = last_run(journal, checklist.id, application_id)
        ticked = set(previous.ticked) if previous else set()
        self.boxes = {item.id: checkbox(item.text, item.id in ticked) for item in checklist.items}
        self.progress = w.Label()
        for box in self.boxes.values():
            box.observe(lambda _change: self._show_progress(), names="value")
        self.application = w.Dropdown(
            description="For the application", options=choices.applications(journal), style=WIDE_LABEL
        )
        if application_id is not None:
            self.application.value = application_id
        self.save_button = button("Save", self.save, style="primary")
        self.widget = w.VBox(
            [
                heading(checklist.title),
                paragraphs(checklist.intro),
                *self.boxes.values(),
                self.progress,
                self.field(self.application, "application_id", "The application"),
                w.HBox([self.save_button, self.status]),
            ]
        )
        self._show_progress()
        if previous is not None:
            self.status.value = f"Last saved {previous.at:%Y-%m-%d %H:%M}"
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """The ticks and the linked application, as set now."""
        return (*(box.value for box in self.boxes.values()), self.application.value)

    @property
    def ticked(self) -> tuple[str, ...]:
        """The ids of the ticked items, in checklist order."""
        return tuple(item_id for item_id, box in self.boxes.items() if box.value)

    @guarded
    def save(self) -> ChecklistRun | None:
        """Store a run of this checklist with the ticked items; on a bad link or a failure say why."""
        run = ChecklistRun(
            at=dt.datetime.now(),
            checklist_id=self.checklist.id,
            ticked=self.ticked,
            application_id=self.application.value,
        )
        saved = self.journal.add(run)
        self.mark_saved()
        self.say_done()
        return saved

    def _show_progress(self) -> None:
        self.progress.value = f"{len(self.ticked)} of {len(self.boxes)} done"

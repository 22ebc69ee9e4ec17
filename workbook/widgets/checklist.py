"""Checklists: tick what is done, see how far along you are, save the run for this call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable

import ipywidgets as w

from workbook import checklists
from workbook.journal import Journal
from workbook.records import Application, ChecklistRun
from workbook.template import Checklist, Template, default_template
from workbook.widgets import choices
from workbook.widgets.form import WIDE_LABEL, Form, checkbox, guarded, hbox_of, heading, label_of
from workbook.widgets.saved import SavedList, Shown


class ChecklistForm(Form):
    """One checklist: a checkbox per item, progress ("3 of 5 done"), and Save.

    Each application (each call) has its own run: the form opens on the run
    saved for the chosen application ("Last saved 3 Oct 2026, 14:02"), or
    fresh when there is none, and picking another application loads that
    one's run.  Saving again updates the same run.  The runs saved before are
    listed under the form, newest first, to open or delete.
    """

    def __init__(
        self,
        journal: Journal,
        checklist: Checklist,
        *,
        application_id: int | None = None,
        template: Template | None = None,
    ) -> None:
        template = template or default_template()
        super().__init__(template.messages)
        self.labels = labels = template.labels
        self.journal = journal
        self.checklist = checklist
        self.boxes = {item.id: checkbox(item.text) for item in checklist.items}
        self.progress = label_of()
        for box in self.boxes.values():
            self.watch(box, self._show_progress)
        self.application = w.Dropdown(description=labels["common.for_application"], style=WIDE_LABEL)
        self.picker = choices.ApplicationPicker(
            journal, self.application, none=labels["common.no_application"], value=application_id
        )
        self.application.observe(
            lambda change: self.run_watched(lambda: self._picked(_none(change["old"]), _none(change["new"]))),
            names="value",
        )
        self.save_button = self.button(labels["common.save"], self.save, style="primary")
        self.last_saved = w.Label()
        self.saved = SavedList(
            self, labels, labels["checklist.saved_title"], on_edit=self.open_run, on_delete=self._delete_run
        )
        self.run_id: int | None = None
        self.widget = w.VBox(
            [
                heading(checklist.title, checklist.intro),
                self.field(self.application, "application_id", labels["common.application_error"]),
                *self.boxes.values(),
                self.progress,
                hbox_of([self.save_button, self.discard_button, self.status]),
                self.last_saved,
                self.saved.widget,
            ]
        )
        self.widget.add_class("rebound-checklist")
        self.follow(journal, self._show_saved)  # runs saved or deleted elsewhere show up here
        self.load(application_id)
        self._show_saved()

    def typed(self) -> tuple[object, ...]:
        """The ticks, as set now."""
        return tuple(box.value for box in self.boxes.values())

    @property
    def ticked(self) -> tuple[str, ...]:
        """The ids of the ticked items, in checklist order."""
        return tuple(item_id for item_id, box in self.boxes.items() if box.value)

    def load(self, application_id: int | None) -> ChecklistRun | None:
        """Show the run saved for ``application_id`` (None: for no application), or fresh ticks."""
        row = checklists.last_run(self.journal.checklist_runs(), self.checklist.id, application_id)
        run = self.journal.get(ChecklistRun, int(row["id"])) if row is not None else None
        self._show_run(run, application_id)
        return run

    def _show_run(self, run: ChecklistRun | None, application_id: int | None) -> None:
        ticked = set(run.ticked) if run else set()
        for item_id, box in self.boxes.items():
            box.value = item_id in ticked
        self._show_progress()
        self.run_id = run.id if run else None
        self.picker.refresh(run.application_id if run else application_id)
        when = self.labels.moment(run.at) if run else ""
        self.last_saved.value = self.labels.fill("common.last_saved", when=when) if run else ""
        self.last_saved.layout.display = None if run else "none"
        self.clear_errors()
        self.mark_saved()

    def _picked(self, old: int | None, new: int | None) -> None:
        if self.picker.refreshing or old == new:
            return
        has_run = checklists.last_run(self.journal.checklist_runs(), self.checklist.id, new) is not None
        if self.unsaved and not has_run:
            self.run_id = None  # the unsaved ticks now belong to the newly picked application
            self.last_saved.value = ""
            return
        if not self.ask_before(lambda: self.load(new)):
            self.picker.refresh(old)

    @guarded
    def save(self) -> ChecklistRun | None:
        """Store this run (updating it when saved before); on a bad link or a failure say why."""
        run = ChecklistRun(
            id=self.run_id,
            at=dt.datetime.now(),
            checklist_id=self.checklist.id,
            ticked=self.ticked,
            application_id=self.picker.selected,
        )
        saved = self.journal.update(run) if run.id is not None else self.journal.add(run)
        self.run_id = saved.id
        self.last_saved.value = self.labels.fill("common.last_saved", when=self.labels.moment(saved.at))
        self.last_saved.layout.display = None
        self.mark_saved()
        self.say_done()
        return saved

    # --- what was saved before ------------------------------------------------------

    def open_run(self, key: Hashable) -> None:
        """Show the saved run with id ``key`` (its ticks and application), to change it."""
        self._show_run(self.journal.get(ChecklistRun, int(key)), None)  # type: ignore[call-overload]

    def _delete_run(self, key: Hashable) -> None:
        self.journal.delete(ChecklistRun, int(key))  # type: ignore[call-overload]
        if key == self.run_id:
            self.run_id = None
            self.last_saved.value = ""

    def _show_saved(self) -> None:
        runs = self.journal.checklist_runs()
        runs = runs[runs["checklist_id"] == self.checklist.id].sort_values(["at", "id"], ascending=False)
        names = {app.id: choices.application_label(app) for app in self.journal.records(Application)}
        texts = {item.id: item.text for item in self.checklist.items}
        self.saved.show(
            [
                Shown(
                    int(row.id),
                    _heading(self.labels.moment(row.at.to_pydatetime()), names.get(_id(row.application_id))),
                    "; ".join(texts.get(i, i) for i in row.ticked) or self.labels["checklist.nothing_ticked"],
                )
                for row in runs.itertuples()
            ]
        )

    def _show_progress(self) -> None:
        self.progress.value = self.labels.fill(
            "checklist.progress", done=len(self.ticked), total=len(self.boxes)
        )


def _none(value: object) -> int | None:
    return None if value in (choices.NONE, None) else value  # type: ignore[return-value]


def _id(value: object) -> int | None:
    import pandas as pd

    return None if pd.isna(value) else int(value)  # type: ignore[call-overload, arg-type]


def _heading(when: str, application: str | None) -> str:
    return f"{when} · {application}" if application else when

"""Your journal: every entry in one table, to filter by kind and application, open in its form, or delete."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from workbook import entries
from workbook.journal import Journal
from workbook.messages import count
from workbook.records import Application
from workbook.template import Template, load_template
from workbook.widgets import choices
from workbook.widgets.check_in import CheckInForm
from workbook.widgets.follow_up import FollowUpForm
from workbook.widgets.form import (
    WIDE_LABEL,
    Form,
    escaped,
    hbox_of,
    heading,
    house_style,
    html_of,
    label_of,
    line_of,
    shared,
    vbox_of,
)
from workbook.widgets.motivation import MotivationForm
from workbook.widgets.opening import open_entry
from workbook.widgets.people import PeopleMet
from workbook.widgets.self_review import SelfReviewForm
from workbook.widgets.strengths import WentWellForm

#: Rows on one page: enough to look through, few enough to stay quick on years of entries.
PAGE_SIZE = 25
_COLUMNS = "minmax(7em, max-content) minmax(7em, max-content) minmax(8em, 16em) minmax(12em, 1fr) max-content"


class EntryRow:
    """One entry's row: its cells, Edit and Delete, and the "Delete this for good?" step.

    The question and its Yes / Keep buttons are made when Delete is first clicked
    (every widget made is sent to the page, and most rows are never deleted).
    """

    def __init__(self, view: JournalView, entry: Any, cells: list[str]) -> None:
        self.view = view
        self.kind, self.id = entry.kind, int(entry.id)
        self.cells = [line_of(f"<span>{escaped(text)}</span>") for text in cells]
        self.edit_button = view.button(view.labels["saved.edit"], lambda: view.edit(self.kind, self.id))
        self.delete_button = view.button(view.labels["saved.delete"], lambda: self.ask(True))
        self.buttons = w.HBox([self.edit_button, self.delete_button])
        self.actions = w.HBox([self.buttons], layout=shared(w.Layout))
        self.confirm: w.HBox | None = None

    def ask(self, asking: bool) -> None:
        """Show (or hide) the one question before deleting."""
        if asking and self.confirm is None:
            self._make_confirm()
        if self.confirm is not None:
            self.confirm.layout.display = None if asking else "none"
        self.buttons.layout.display = "none" if asking else None

    def _make_confirm(self) -> None:
        labels, view = self.view.labels, self.view
        self.yes_button = view.button(
            labels["saved.yes"], lambda: view.delete(self.kind, self.id), style="danger"
        )
        self.keep_button = view.button(labels["saved.keep"], lambda: self.ask(False))
        self.confirm = w.HBox([label_of(labels["saved.confirm"]), self.yes_button, self.keep_button])
        self.actions.children = [self.buttons, self.confirm]

    @property
    def widgets(self) -> list[w.Widget]:
        """The row's cells, for the table's grid."""
        return [*self.cells, self.actions]


class JournalView(Form):
    """Every entry of the journal, newest first, :data:`PAGE_SIZE` a page.

    Filter by kind and by application; Edit opens the entry in its own form
    under the table (the form's own guards apply there); Delete asks once.
    The table redraws whenever the journal changes.
    """

    def __init__(
        self, journal: Journal, template: Template | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        self.template = template or load_template()
        super().__init__(self.template.messages)
        self.labels = labels = self.template.labels
        self.journal = journal
        self.page_size = page_size
        self.page = 0
        self._words = entries.Words.of(self.template)
        kinds = [(labels[f"journal_view.kinds.{kind}"], kind) for kind in entries.KINDS]
        self.kind = w.Dropdown(
            description=labels["journal_view.kind"],
            options=[(labels["journal_view.every_kind"], ""), *kinds],
            style=WIDE_LABEL,
        )
        self.application = w.Dropdown(description=labels["journal_view.application"], style=WIDE_LABEL)
        self.picker = choices.ApplicationPicker(
            journal, self.application, none=labels["journal_view.every_application"]
        )
        self.newer_button = self.button(labels["journal_view.newer"], lambda: self.turn(-1))
        self.older_button = self.button(labels["journal_view.older"], lambda: self.turn(1))
        self.position = w.Label()
        self.paging = w.HBox([self.newer_button, self.position, self.older_button])
        self.table = w.GridBox(
            layout=w.Layout(grid_template_columns=_COLUMNS, grid_gap="2px 12px", align_items="center")
        )
        self.table.add_class("rebound-journal-table")
        self.rows: list[EntryRow] = []
        self.editor = vbox_of()
        self.close_button = self.button(labels["journal_view.close"], self.close_editor, hideable=True)
        self.close_button.layout.display = "none"
        self.opened: Form | None = None
        for control in (self.kind, self.application):
            self.watch(control, self._filtered)
        self.widget = w.VBox(
            [
                house_style(),
                heading(labels["journal_view.title"]),
                hbox_of([self.kind, self.application]),
                self.paging,
                self.table,
                self.status,
                self.close_button,
                self.editor,
            ]
        )
        self.widget.add_class("rebound-journal-view")
        self.follow(journal, self.redraw)
        self.redraw()

    # --- the table ------------------------------------------------------------------

    def entries(self) -> Any:
        """Every entry, newest first, as :func:`workbook.entries.journal_entries` gives it."""
        frames = {kind: self.journal.frame(record) for kind, record in entries.READ.items()}
        return entries.journal_entries(frames, self._words)

    def shown(self) -> Any:
        """The entries the filters let through (all pages)."""
        return entries.select(self._all, self.kind.value or None, self.picker.selected)

    def redraw(self) -> None:
        """Read the journal again and show the current page."""
        self._all = self.entries()
        self._names = {app.id: f"{app.company}, {app.role}" for app in self.journal.records(Application)}
        self._show()

    def turn(self, by: int) -> None:
        """Go ``by`` pages older (positive) or newer (negative)."""
        self.page += by
        self._show()

    def _filtered(self) -> None:
        if not self.picker.refreshing:
            self.page = 0
            self._show()

    def _show(self) -> None:
        shown = self.shown()
        total = entries.pages(shown, self.page_size)
        self.page = max(0, min(self.page, total - 1))
        rows = entries.page(shown, self.page, self.page_size)
        kinds = {kind: self.labels[f"journal_view.kinds.{kind}"] for kind in entries.KINDS}
        self.rows = [EntryRow(self, row, self._cells(row, kinds)) for row in rows.itertuples()]
        header = [
            html_of(f"<b>{escaped(self.labels[f'journal_view.column_{name}'])}</b>")
            for name in ("kind", "date", "application", "entry")
        ]
        empty = [label_of(self.labels["journal_view.empty"])] if not self.rows else []
        self.table.children = [
            *header,
            label_of(""),
            *(cell for row in self.rows for cell in row.widgets),
            *empty,
        ]
        self.position.value = self.labels.fill(
            "journal_view.position",
            page=self.page + 1,
            pages=total,
            entries=count(len(shown), "entry", "entries"),
        )
        self.newer_button.disabled = self.page == 0
        self.older_button.disabled = self.page >= total - 1
        # Page controls only when there is more than one page: an empty journal shows no "Page 1 of 1".
        self.paging.layout.display = None if total > 1 else "none"

    def _cells(self, row: Any, kinds: dict[str, str]) -> list[str]:
        import pandas as pd

        on = row.on.to_pydatetime()
        day = self.labels.moment(on) if (on.hour, on.minute) != (0, 0) else self.labels.day(on.date())
        app = None if pd.isna(row.application_id) else self._names.get(int(row.application_id))
        return [kinds[row.kind], day, app or "", row.summary]

    # --- edit and delete ----------------------------------------------------------------

    def edit(self, kind: str, entry_id: int) -> Form | None:
        """Open the entry in its own form under the table."""
        if self.opened is not None and self.opened.unsaved:
            self.opened.ask_before(lambda: self._open(kind, entry_id))
            return None
        return self._open(kind, entry_id)

    def _open(self, kind: str, entry_id: int) -> Form:
        opener = _OPENERS.get(kind)
        if opener is None:
            opened = open_entry(self.journal, self.template, kind, entry_id)
        else:
            opened = opener(self.journal, self.template, entry_id)
        self.editor.children = [opened.widget]
        self._put_away()
        self.opened = opened
        self.close_button.layout.display = None
        return opened

    def close_editor(self) -> None:
        """Put the opened form away (asking first if it holds unsaved text)."""
        if self.opened is None:
            return
        self.opened.ask_before(self._close)

    def _close(self) -> None:
        self.editor.children = []
        self._put_away()
        self.close_button.layout.display = "none"

    def close(self) -> None:
        """Put away the opened form too, then stop following the journal and close the view."""
        self._put_away()
        super().close()

    def _put_away(self) -> None:
        # The form that was open stops following the journal and its widgets go.
        if self.opened is not None:
            self.opened.close()
            self.opened = None

    def delete(self, kind: str, entry_id: int) -> None:
        """Delete one entry (the person said yes once), inside the failure guard."""
        self.run_guarded(lambda: self._delete(kind, entry_id))

    def _delete(self, kind: str, entry_id: int) -> None:
        self.journal.delete(entries.KINDS[kind], entry_id)
        self.say_done(self.labels["saved.deleted"])


# --- the newer kinds: each opens in its own form, loaded with the entry ---------------------


def _praise(journal: Journal, template: Template, entry_id: int) -> Form:
    form = WentWellForm(journal, template)
    form.open_item(entry_id)
    return form


def _person(journal: Journal, template: Template, entry_id: int) -> Form:
    form = PeopleMet(journal, template)
    form.open_person(entry_id)
    return form


def _follow_up(journal: Journal, template: Template, entry_id: int) -> Form:
    form = FollowUpForm(journal, template)
    form.open_follow_up(entry_id)
    return form


def _self_review(journal: Journal, template: Template, entry_id: int) -> Form:
    form = SelfReviewForm(journal, template)
    form.open_review(entry_id)
    return form


def _motivation(journal: Journal, template: Template, entry_id: int) -> Form:
    form = MotivationForm(journal, template)
    form.open_motivation(entry_id)
    return form


def _check_in(journal: Journal, template: Template, entry_id: int) -> Form:
    form = CheckInForm(journal, template)
    form.open_check_in(entry_id)
    return form


#: Openers of the kinds :func:`workbook.widgets.opening.open_entry` does not know yet.
_OPENERS = {
    "praise": _praise,
    "person": _person,
    "follow_up": _follow_up,
    "self_review": _self_review,
    "motivation": _motivation,
    "check_in": _check_in,
}

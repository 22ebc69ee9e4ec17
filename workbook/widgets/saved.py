"""What the person saved before, shown back in the widget where they wrote it: newest first, to edit or delete.

A :class:`SavedList` is a part of a form: it shows entries it is handed,
and its Edit and Delete buttons call back into the form.  Edit goes through
the form's unsaved guard (typed text is never replaced without asking);
Delete asks once, in the row itself, then runs inside the form's failure guard.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as w

from workbook.labels import Labels
from workbook.widgets.form import Form, escaped, html_of, label_of, line_of, shared, vbox_of

#: How many saved entries a form shows; the rest are in "Your journal".
SHOWN = 10


@dataclass(frozen=True)
class Shown:
    """One saved entry as shown: its key, a first line (a date, a name) and the words saved."""

    key: Hashable
    heading: str
    text: str = ""


class SavedRow:
    """One entry's row: its words, Edit and Delete, and the "Delete this for good?" step.

    The question and its Yes / Keep buttons are made when Delete is first
    clicked: most rows are never deleted, and every widget made is sent to the page.
    """

    def __init__(self, entry: Shown, saved: SavedList) -> None:
        self.entry = entry
        self.saved = saved
        labels = saved.labels
        body = f"<div class='rebound-saved-text'>{escaped(entry.text)}</div>" if entry.text else ""
        self.text = line_of(f"<b>{escaped(entry.heading)}</b>{body}", flex="1 1 auto", min_width="0")
        self.edit_button = saved.form.button(labels["saved.edit"], lambda: saved.edit(entry.key))
        self.delete_button = saved.form.button(labels["saved.delete"], lambda: self.ask(True))
        self.buttons = w.HBox([self.edit_button, self.delete_button], layout=w.Layout(flex="0 0 auto"))
        self.widget = w.HBox([self.text, self.buttons], layout=shared(w.Layout))
        self.widget.add_class("rebound-saved-row")
        self.confirm: w.HBox | None = None

    def ask(self, asking: bool) -> None:
        """Show (or hide) the one question before deleting."""
        if asking and self.confirm is None:
            self._make_confirm()
        if self.confirm is not None:
            self.confirm.layout.display = None if asking else "none"
        self.buttons.layout.display = "none" if asking else None

    def _make_confirm(self) -> None:
        labels, saved, key = self.saved.labels, self.saved, self.entry.key
        self.question = label_of(labels["saved.confirm"])
        self.yes_button = saved.form.button(labels["saved.yes"], lambda: saved.delete(key), style="danger")
        self.keep_button = saved.form.button(labels["saved.keep"], lambda: self.ask(False))
        self.confirm = w.HBox(
            [self.question, self.yes_button, self.keep_button], layout=w.Layout(flex="0 0 auto")
        )
        self.widget.children = [self.text, self.buttons, self.confirm]

    @property
    def asking(self) -> bool:
        """Whether the row is asking "Delete this for good?"."""
        return self.confirm is not None and self.confirm.layout.display != "none"


class SavedList:
    """A form's saved entries, newest first (as handed in), each with Edit and Delete."""

    def __init__(
        self,
        form: Form,
        labels: Labels,
        title: str,
        *,
        on_edit: Callable[[Hashable], None],
        on_delete: Callable[[Hashable], None],
        shown: int = SHOWN,
    ) -> None:
        self.form = form
        self.labels = labels
        self.on_edit = on_edit
        self.on_delete = on_delete
        self.shown = shown
        self.rows: dict[Hashable, SavedRow] = {}
        self.title = html_of(f"<h4 class='rebound-heading'>{escaped(title)}</h4>")
        self.rows_box = vbox_of()
        self.more = html_of()
        self.widget = w.VBox([self.title, self.rows_box, self.more])
        self.widget.add_class("rebound-saved")

    def show(self, entries: Sequence[Shown]) -> None:
        """Show ``entries`` (newest first); the list hides itself when there are none."""
        self.rows = {entry.key: SavedRow(entry, self) for entry in entries[: self.shown]}
        self.rows_box.children = [row.widget for row in self.rows.values()]
        older = len(entries) - self.shown
        self.more.value = (
            f"<p>{escaped(self.labels.fill('saved.more' if older > 1 else 'saved.more_one', count=older))}</p>"
            if older > 0
            else ""
        )
        self.widget.layout.display = None if entries else "none"

    def edit(self, key: Hashable) -> None:
        """Open the entry in the form, after asking if the form holds unsaved text."""
        self.form.ask_before(lambda: self.on_edit(key))

    def delete(self, key: Hashable) -> None:
        """Delete the entry (the person has said yes once), inside the form's failure guard."""
        self.form.run_guarded(lambda: self._delete(key))

    def _delete(self, key: Hashable) -> None:
        self.on_delete(key)
        self.form.say_done(self.labels["saved.deleted"])


def delete_edited(form: Any, kind: type, key: Hashable) -> None:
    """Delete the ``kind`` record ``key`` from ``form.journal``; if the form was editing it, stop editing it.

    The words stay in the form, now unsaved (``form.editing`` is the id of the record it holds, or None).
    """
    form.journal.delete(kind, int(key))
    if key == form.editing:
        form.editing = None
        form.mark_saved(())

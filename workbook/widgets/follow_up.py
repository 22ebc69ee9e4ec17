"""Keeping the door open: a thank-you note drafted from the journal, a reconnect date, and what is due.

:class:`FollowUpForm` drafts the note with :func:`workbook.follow_ups.draft_thank_you`
in an editable box with a Copy button, suggests a reconnect date with
:func:`workbook.follow_ups.suggest_reconnect`, and stores either as a
:class:`~workbook.growth_records.FollowUp`.  Rebound never sends anything: the
person copies the note and sends it themselves.  :class:`DueFollowUps` lists
the follow-ups whose day has come (:func:`workbook.follow_ups.due`), each with
"Mark done", for Start here.

The Copy button is a small piece of HTML: a button pressed in the browser can
reach the clipboard, one whose click goes to the kernel cannot.  It copies the
note with ``navigator.clipboard``; where that is refused (no secure page, no
permission) it shows the note selected and says to press Ctrl+C.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from workbook import follow_ups
from workbook.errors import ValidationError
from workbook.growth_records import FOLLOW_UP_KINDS, FollowUp
from workbook.journal import Journal
from workbook.records import Application
from workbook.template import Template, load_template
from workbook.widgets import choices
from workbook.widgets.form import (
    Form,
    date_picker,
    escaped,
    guarded,
    hbox_of,
    heading,
    house_style,
    html_of,
    line_of,
    shared,
    text_area,
    vbox_of,
)
from workbook.widgets.people import line
from workbook.widgets.saved import SavedList, Shown
from workbook.widgets.shortened import Shortened

if TYPE_CHECKING:
    from workbook.session import Workbook

#: Runs in the browser when Copy is pressed: copy the hidden copy of the note, or select it and say how.
_COPY_SCRIPT = (
    "var b=this.parentNode,t=b.querySelector('textarea'),m=b.querySelector('.rebound-copy-said');"
    "function sel(){t.style.display='block';t.focus();t.select();m.textContent=b.dataset.press;}"
    "if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(t.value)"
    ".then(function(){t.style.display='none';m.textContent=b.dataset.copied;},sel);}else{sel();}"
)


def copy_button_html(text: str, label: str, copied: str, press: str) -> str:
    """A Copy button, as HTML, that copies ``text`` to the clipboard in the browser (every text escaped)."""
    attr = lambda value: html.escape(value, quote=True)  # noqa: E731 - three uses, one line each
    return (
        f"<div class='rebound-copy' data-copied='{attr(copied)}' data-press='{attr(press)}'>"
        f"<button type='button' class='jupyter-button widget-button rebound-copy-button' "
        f'onclick="{attr(_COPY_SCRIPT)}">{escaped(label)}</button> '
        f"<span class='rebound-copy-said' role='status'></span>"
        f"<textarea readonly rows='6' style='display:none;width:95%'>{html.escape(text)}</textarea>"
        f"</div>"
    )


class FollowUpForm(Form):
    """The thank-you note and the reconnect date for one application, and the follow-ups saved before."""

    def __init__(
        self, journal: Journal, template: Template | None = None, *, application_id: int | None = None
    ) -> None:
        self.template = template = template or load_template()
        super().__init__(template.messages)
        self.journal = journal
        self.labels = labels = template.labels
        self.vocabulary = choices.vocabulary(template)
        self.picker = choices.application_picker(
            journal, labels["follow_up.application"], none=labels["follow_up.choose"], value=application_id
        )
        self.application = self.picker.dropdown
        self.interviewer = line(labels["follow_up.interviewer"], labels["follow_up.interviewer_placeholder"])
        self.appreciated = line(labels["follow_up.appreciated"])
        self.working_on = line(labels["follow_up.working_on"])
        self.redraft_button = self.button(labels["follow_up.redraft"], self.redraft)
        self.note = text_area(labels["follow_up.note"])
        self.note.rows = 7
        self.copy = html_of()
        self.save_note_button = self.button(labels["follow_up.save_note"], self.save_note, style="primary")
        self.reconnect_on = date_picker(labels["follow_up.reconnect"])
        self.save_reconnect_button = self.button(labels["follow_up.save_reconnect"], self.save_reconnect)
        #: The stored note and date the form shows, by kind: Save updates them (None: Save adds one).
        self.editing: dict[str, int | None] = {kind: None for kind in FOLLOW_UP_KINDS}
        #: The note as last drafted; None while the note shown is one the person saved.
        self._draft: str | None = ""
        self._filling = False
        self.saved = SavedList(
            self, labels, labels["follow_up.saved_title"], on_edit=self.open_follow_up, on_delete=self._delete
        )
        self.widget = w.VBox(
            [
                house_style(),
                heading(labels["follow_up.title"], labels["follow_up.intro"]),
                self.field(self.application, "application_id", labels["common.application_error"]),
                self.field(self.interviewer, "person", labels["follow_up.interviewer"]),
                self.appreciated,
                self.working_on,
                hbox_of([self.redraft_button]),
                self.field(self.note, "text", labels["follow_up.note_error"]),
                self.copy,
                hbox_of([self.save_note_button, self.discard_button, self.status]),
                heading(labels["follow_up.reconnect_title"], labels["follow_up.reconnect_intro"]),
                self.field(self.reconnect_on, "due_on", labels["follow_up.reconnect_error"]),
                hbox_of([self.save_reconnect_button]),
                self.saved.widget,
            ]
        )
        self.widget.add_class("rebound-follow-up")
        self.watch(self.note, self._show_copy)
        for box in (self.interviewer, self.appreciated, self.working_on):
            self.watch(box, self._words_changed)
        self.watch(self.application, self._application_changed)
        self.follow(journal, self._show_saved)
        self._fill_from_journal()
        self._show_saved()
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """The note as edited, who it thanks, and the reconnect date."""
        return (self.note.value, self.interviewer.value, self.reconnect_on.value)

    # --- drafting -------------------------------------------------------------------

    def redraft(self) -> str:
        """Draft the note again from the three fields above it (asking first if the note was edited)."""
        self.ask_before(self._write_draft, field="text")
        return self.note.value

    def _write_draft(self) -> None:
        app = self._application()
        self._draft = "" if app is None else self._drafted(app)
        self.note.value = self._draft

    def _drafted(self, app: Application) -> str:
        return follow_ups.draft_thank_you(
            self.template,
            {"id": app.id, "company": app.company, "role": app.role},
            self.journal.people(),
            self.journal.feedback(),
            interviewer_name=self.interviewer.value,
            appreciated_text=self.appreciated.value,
            working_on_text=self.working_on.value,
            vocabulary=self.vocabulary,
        )

    def _words_changed(self) -> None:
        # The note follows the fields while the person has not edited it by hand.
        if not self._filling and self.note.value == self._draft:
            self._write_draft()

    def _application_changed(self) -> None:
        if self.picker.refreshing:
            return
        self.ask_before(self._fill_from_journal, field="text")

    def _fill_from_journal(self) -> None:
        """Fill the fields, the draft and the suggested date from what the journal holds for the application.

        A note or date saved for the application and not done yet is shown
        instead of a new draft or suggestion, and Save updates it.
        """
        app = self._application()
        self._draft = ""
        self.editing = dict.fromkeys(FOLLOW_UP_KINDS)
        self._filling = True
        try:
            self._fill(app)
        finally:
            self._filling = False
        self._show_copy()
        self.mark_saved()

    def _fill(self, app: Application | None) -> None:
        if app is None:
            self.interviewer.value = self.appreciated.value = self.working_on.value = self.note.value = ""
            self.reconnect_on.value = None
        else:
            feedback = self.journal.feedback()
            self.interviewer.value = follow_ups.interviewer(self.journal.people(), app.id)  # type: ignore[arg-type]
            self.appreciated.value = follow_ups.appreciated(feedback, app.id)  # type: ignore[arg-type]
            self.working_on.value = follow_ups.working_on(feedback, app.id, self.vocabulary)  # type: ignore[arg-type]
            self._write_draft()
            self.reconnect_on.value = follow_ups.suggest_reconnect(
                app.outcome_on, app.invited_back, self.template
            )
            open_ = [
                f for f in self.journal.records(FollowUp) if f.application_id == app.id and f.done_on is None
            ]
            for record in sorted(open_, key=lambda f: (f.created_on, f.id or 0)):
                self._show_record(record)

    def _show_record(self, record: FollowUp) -> None:
        self.editing[record.kind] = record.id
        if record.kind == "thank_you":
            self._draft = None
            self.note.value = record.text
            if record.person:
                self.interviewer.value = record.person
        else:
            self.reconnect_on.value = record.due_on

    def _show_copy(self) -> None:
        labels = self.labels
        self.copy.value = copy_button_html(
            self.note.value,
            labels["follow_up.copy"],
            labels["follow_up.copied"],
            labels["follow_up.press_copy"],
        )

    # --- saving ---------------------------------------------------------------------

    @guarded
    def save_note(self) -> FollowUp | None:
        """Store the note as edited (a thank-you follow-up, due until marked done); keep everything on a failure."""
        return self._store("thank_you", text=self.note.value, person=self.interviewer.value)

    @guarded
    def save_reconnect(self) -> FollowUp | None:
        """Store the reconnect date (a reconnect follow-up); keep everything on a failure."""
        return self._store("reconnect", due_on=self.reconnect_on.value, person=self.interviewer.value)

    def _store(self, kind: str, **fields: object) -> FollowUp:
        if kind == "thank_you" and not str(fields["text"]).strip():
            raise ValidationError("text", "must not be empty")
        if kind == "reconnect" and fields["due_on"] is None:
            raise ValidationError("due_on", "must be chosen")
        editing = self.editing[kind]
        if editing is not None:
            saved = self.journal.update(self.journal.get(FollowUp, editing).replace(**fields))
        else:
            record = FollowUp(application_id=self.picker.selected, kind=kind, **fields)  # type: ignore[arg-type]
            saved = self.journal.add(record)
        self.editing[kind] = saved.id
        if kind == "thank_you":
            self._draft = None
        self.mark_saved()
        self.say_done()
        return saved  # type: ignore[return-value]

    def open_follow_up(self, key: Hashable) -> None:
        """Load a saved note or date into the form to change it; its Save button then updates it."""
        record = self.journal.get(FollowUp, int(key))  # type: ignore[call-overload]
        self.picker.refresh(record.application_id)
        self._fill_from_journal()
        self._filling = True
        try:
            self._show_record(record)
        finally:
            self._filling = False
        self.clear_errors()
        self.mark_saved()

    def _delete(self, key: Hashable) -> None:
        self.journal.delete(FollowUp, int(key))  # type: ignore[call-overload]
        for kind, shown in self.editing.items():
            if shown == key:
                self.editing[kind] = None
                self.mark_saved(())  # the words are still in the form, now unsaved

    def _application(self) -> Application | None:
        selected = self.picker.selected
        if selected is None:
            return None
        return next((app for app in self.journal.records(Application) if app.id == selected), None)

    def _show_saved(self) -> None:
        apps = {app.id: app for app in self.journal.records(Application)}
        records = sorted(
            self.journal.records(FollowUp), key=lambda f: (f.created_on, f.id or 0), reverse=True
        )
        self.saved.show([Shown(f.id, self._heading(f, apps.get(f.application_id)), f.text) for f in records])

    def _heading(self, record: FollowUp, app: Application | None) -> str:
        labels = self.labels
        parts = [labels[f"follow_up.kind_{record.kind}"], record.person]
        if app is not None:
            parts.append(f"{app.company}, {app.role}")
        if record.done_on is not None:
            parts.append(labels.fill("follow_up.done_line", day=labels.day(record.done_on)))
        elif record.due_on is not None:
            parts.append(labels.fill("follow_up.due_line", day=labels.day(record.due_on)))
        return " · ".join(part for part in parts if part)


#: How many due follow-ups Start here lists before offering the rest behind "Show all".
SHOWN = 5


class DueFollowUps(Form):
    """The follow-ups whose day has come, newest first, each with "Mark done" (which records today).

    After years of use, many old reconnect dates may be waiting; only the
    :data:`SHOWN` most recent are listed until the person asks for all of them.
    """

    def __init__(
        self, journal: Journal, template: Template | None = None, *, today: dt.date | None = None
    ) -> None:
        template = template or load_template()
        super().__init__(template.messages)
        self.journal = journal
        self.labels = template.labels
        self.today = today
        self.rows = vbox_of()
        self.done_buttons: dict[int, w.Button] = {}
        self.rest = Shortened(SHOWN, self.refresh)
        self.widget = w.VBox([heading(self.labels["due.title"]), self.rows, self.status])
        self.widget.add_class("rebound-due-follow-ups")
        self.follow(journal, self.refresh)
        self.refresh()

    @property
    def day(self) -> dt.date:
        """The day "due" is counted to (today unless set)."""
        return self.today or dt.date.today()

    def refresh(self) -> None:
        """List the follow-ups due now, the most recently due first."""
        labels = self.labels
        due = follow_ups.due(self.journal.follow_ups(), self.journal.applications(), self.day).iloc[::-1]
        self.done_buttons = {}
        rows: list[w.Widget] = [self._row(row) for row in self.rest.cut(due).itertuples(index=False)]
        if len(due) > SHOWN:
            oldest = labels.day(due["due_on"].iloc[-1].date())
            more = labels.fill("due.more", count=len(due) - SHOWN, day=oldest)
            rows += self.rest.footer(
                len(due), more, labels.fill("due.show_all", total=len(due)), labels["due.show_fewer"]
            )
        self.rows.children = rows or [html_of(f"<p>{escaped(labels['due.none'])}</p>")]

    def _row(self, row: Any) -> w.HBox:
        labels = self.labels
        application = f"{row.company}, {row.role}"
        what = labels.fill(
            f"due.{row.kind}", who=row.person or labels["due.someone"], application=application
        )
        when = (
            labels["due.today"]
            if row.days_late == 0
            else labels.fill("due.late", day=labels.day(row.due_on.date()))
        )
        done = self.button(labels["due.mark_done"], lambda fid=int(row.id): self.mark_done(fid))
        self.done_buttons[int(row.id)] = done
        return w.HBox([line_of(f"{escaped(what)} · {escaped(when)}"), done], layout=shared(w.Layout))

    @property
    def due_ids(self) -> list[int]:
        """The ids of the follow-ups listed now."""
        return list(self.done_buttons)

    @guarded
    def mark_done(self, follow_up_id: int) -> FollowUp:
        """Record today as the day the follow-up was done; it leaves the list."""
        record = self.journal.get(FollowUp, follow_up_id)
        saved = self.journal.update(record.replace(done_on=dt.date.today()))
        self.say_done(self.labels["due.marked"])
        return saved  # type: ignore[return-value]


def follow_up_widget(book: Workbook, *, application_id: int | None = None) -> FollowUpForm:
    """The thank-you note and reconnect date for a notebook: ``wb.follow_up()``."""
    return FollowUpForm(book.journal, book.template, application_id=application_id)


def due_follow_ups(book: Workbook) -> DueFollowUps:
    """The follow-ups due now, for Start here: ``wb.due_follow_ups()``."""
    return DueFollowUps(book.journal, book.template)

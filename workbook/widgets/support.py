"""Support: the gentle notice shown on a run of low days, and the log of who the person talked to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable

import ipywidgets as w

from workbook import metrics
from workbook.journal import Journal
from workbook.records import SupportContact
from workbook.template import SupportTexts, Template, load_template
from workbook.widgets import choices
from workbook.widgets.form import (
    WIDE_LABEL,
    Form,
    choose,
    date_picker,
    dropdown,
    escaped,
    guarded,
    hbox_of,
    house_style,
    html_of,
    text_area,
)
from workbook.widgets.saved import SavedList, Shown

NOTICE_STYLE = "border-left:4px solid #5b8def;padding:4px 12px;background:rgba(91,141,239,0.08)"


def notice_html(*texts: str) -> str:
    """``texts`` as the full-size, plainly visible note the support words always use."""
    body = "".join(f"<p>{escaped(text)}</p>" for text in texts if text)
    return f"<div role='note' class='rebound-notice' style='{NOTICE_STYLE}'>{body}</div>"


class SupportNotice:
    """A short, kind note suggesting talking to someone; shown only while the low-mood signal is on.

    It makes no diagnosis: it hands the journal's mood entries to
    :func:`workbook.metrics.low_mood_signal` and shows itself when that says so.
    """

    def __init__(self, texts: SupportTexts) -> None:
        self.texts = texts
        self.widget = w.HTML(
            notice_html(texts.notice, texts.where_to_find_help), layout=w.Layout(display="none")
        )

    @property
    def visible(self) -> bool:
        """Whether the notice is showing."""
        return self.widget.layout.display != "none"

    def refresh(self, journal: Journal, *, today: dt.date | None = None) -> bool:
        """Show or hide the notice from the journal's moods; return whether it shows."""
        show = metrics.low_mood_signal(journal.moods(), today=today)
        self.widget.layout.display = None if show else "none"
        return show


class SupportLog(Form):
    """Who the person talked to, when, and how much it helped (1-5).

    The people talked to before are listed under the form, newest first:
    Edit loads one into the form (Save then updates it), Delete asks once.
    """

    def __init__(self, journal: Journal, template: Template | None = None) -> None:
        template = template or load_template()
        super().__init__(template.messages)
        self.labels = labels = template.labels
        self.journal = journal
        self.texts = template.support
        self.who = w.Text(
            description=labels["support.who"],
            placeholder=labels["support.who_placeholder"],
            style=WIDE_LABEL,
            layout=w.Layout(width="min(30em, 95%)"),
        )
        self.talked_on = date_picker(labels["support.when"], dt.date.today())
        self.helped = dropdown(labels["support.helped"], choices.SCALE_1_5)
        self.note = text_area(labels["support.note"], labels["common.optional"])
        self.save_button = self.button(labels["common.save"], self.save, style="primary")
        self.editing: int | None = None
        self.saved = SavedList(
            self, labels, labels["support.saved_title"], on_edit=self.open_contact, on_delete=self._delete
        )
        self.widget = w.VBox(
            [
                house_style(),
                self.field(self.who, "who", labels["support.who_error"]),
                self.field(self.talked_on, "talked_on", labels["support.when_error"]),
                self.field(self.helped, "helped", labels["support.helped"]),
                self.field(self.note, "note", labels["support.note_error"]),
                hbox_of([self.save_button, self.discard_button, self.status]),
                html_of(notice_html(self.texts.where_to_find_help)),
                self.saved.widget,
            ]
        )
        self.widget.add_class("rebound-support-log")
        self.follow(journal, self._show_saved)
        self._show_saved()
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """Who, when, how much it helped, and the note, as set now."""
        return tuple(control.value for control in (self.who, self.talked_on, self.helped, self.note))

    @guarded
    def save(self) -> SupportContact | None:
        """Store the contact (or the edited one); on bad input or a failure say why, keep the text, store nothing.

        How much it helped keeps its value for the next entry; who and the note clear.
        """
        contact = SupportContact(
            id=self.editing,
            talked_on=self.talked_on.value,
            who=self.who.value,
            helped=choices.picked(self.helped),
            note=self.note.value,
        )
        saved = self.journal.update(contact) if contact.id is not None else self.journal.add(contact)
        self.editing = None
        self.who.value = ""
        self.note.value = ""
        self.mark_saved()
        self.say_done()
        return saved

    def open_contact(self, key: Hashable) -> None:
        """Load a saved contact into the form to change it."""
        contact = self.journal.get(SupportContact, int(key))  # type: ignore[call-overload]
        self.editing = contact.id
        self.who.value, self.talked_on.value = contact.who, contact.talked_on
        choose(self.helped, contact.helped)
        self.note.value = contact.note
        self.clear_errors()
        self.mark_saved()

    def _delete(self, key: Hashable) -> None:
        self.journal.delete(SupportContact, int(key))  # type: ignore[call-overload]
        if key == self.editing:
            self.editing = None
            self.mark_saved(())  # the words are still in the form, now unsaved

    def _show_saved(self) -> None:
        contacts = sorted(
            self.journal.records(SupportContact), key=lambda c: (c.talked_on, c.id), reverse=True
        )
        self.saved.show([Shown(c.id, self._heading(c), c.note) for c in contacts])

    def _heading(self, contact: SupportContact) -> str:
        helped = self.labels.fill("support.helped_line", helped=contact.helped) if contact.helped else ""
        return " · ".join(part for part in (self.labels.day(contact.talked_on), contact.who, helped) if part)

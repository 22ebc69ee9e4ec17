"""Support: the gentle notice shown on a run of low days, and the log of who the person talked to."""

from __future__ import annotations

import datetime as dt

import ipywidgets as w

from workbook import metrics
from workbook.journal import Journal
from workbook.records import SupportContact
from workbook.template import SupportTexts, Template, load_template
from workbook.widgets import choices
from workbook.widgets.form import WIDE_LABEL, Form, button, escaped, guarded

NOTICE_STYLE = "border-left:4px solid #5b8def;padding:4px 12px;background:rgba(91,141,239,0.08)"
RECENT_CONTACTS = 5


class SupportNotice:
    """A short, kind note suggesting talking to someone; shown only while the low-mood signal is on.

    It makes no diagnosis: it only reads the journal's mood entries and asks
    :func:`workbook.metrics.low_mood_signal` whether to show itself.
    """

    def __init__(self, texts: SupportTexts) -> None:
        self.texts = texts
        self.widget = w.HTML(
            f"<div role='note' style='{NOTICE_STYLE}'><p>{escaped(texts.notice)}</p>"
            f"<p>{escaped(texts.where_to_find_help)}</p></div>",
            layout=w.Layout(display="none"),
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
    """Who the person talked to, when, and how much it helped (1-5)."""

    def __init__(self, journal: Journal, template: Template | None = None) -> None:
        template = template or load_template()
        super().__init__(template.messages)
        self.journal = journal
        self.texts = template.support
        self.who = w.Text(
            description="Who I talked to", placeholder="a friend, my mentor, ...", style=WIDE_LABEL
        )
        self.talked_on = w.DatePicker(description="When", value=dt.date.today(), style=WIDE_LABEL)
        self.helped = w.Dropdown(
            description="How much it helped", options=choices.SCALE_1_5, style=WIDE_LABEL
        )
        self.note = w.Textarea(description="Note", placeholder="optional", style=WIDE_LABEL)
        self.save_button = button("Save", self.save, style="primary")
        self.recent = w.HTML()
        self.widget = w.VBox(
            [
                self.field(self.who, "who", "Who you talked to"),
                self.field(self.talked_on, "talked_on", "The date"),
                self.field(self.helped, "helped", "How much it helped"),
                self.field(self.note, "note", "The note"),
                w.HBox([self.save_button, self.status]),
                self.recent,
                w.HTML(f"<p><small>{escaped(self.texts.where_to_find_help)}</small></p>"),
            ]
        )
        self._show_recent()
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """Who, when, how much it helped, and the note, as set now."""
        return tuple(control.value for control in (self.who, self.talked_on, self.helped, self.note))

    @guarded
    def save(self) -> SupportContact | None:
        """Store the contact; on bad input or a failure say why, keep the text, and store nothing."""
        contact = SupportContact(
            talked_on=self.talked_on.value,
            who=self.who.value,
            helped=self.helped.value,
            note=self.note.value,
        )
        saved = self.journal.add(contact)
        self.who.value = ""
        self.note.value = ""
        self.helped.value = None
        self.mark_saved()
        self.say_done()
        self._show_recent()
        return saved

    def _show_recent(self) -> None:
        contacts = sorted(
            self.journal.records(SupportContact), key=lambda c: (c.talked_on, c.id), reverse=True
        )
        if not contacts:
            self.recent.value = ""
            return
        rows = "".join(f"<li>{escaped(_contact_line(c))}</li>" for c in contacts[:RECENT_CONTACTS])
        self.recent.value = f"<p>Recently:</p><ul>{rows}</ul>"


def _contact_line(contact: SupportContact) -> str:
    helped = f", helped {contact.helped} of 5" if contact.helped is not None else ""
    return f"{contact.talked_on.isoformat()}: {contact.who}{helped}"

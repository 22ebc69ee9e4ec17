"""The mood logger: how the person feels, in a few taps."""

from __future__ import annotations

import datetime as dt

import ipywidgets as w

from workbook.journal import Journal
from workbook.records import MoodEntry
from workbook.template import Template, load_template
from workbook.widgets import choices
from workbook.widgets.form import WIDE_LABEL, Form, button, guarded, toggles, word_list, wrap
from workbook.widgets.support import SupportNotice

MIDDLE_MOOD = 5


class MoodLogger(Form):
    """A 1-10 mood slider with words at both ends, emotions, tags, energy, a note and the context.

    Save stores a :class:`~workbook.records.MoodEntry` and says so with the
    time; the form then clears for the next entry but keeps the context and
    the linked application.  While the journal shows a run of low days, a
    gentle support notice appears above the form.
    """

    def __init__(
        self,
        journal: Journal,
        template: Template | None = None,
        *,
        context: str = "daily",
        application_id: int | None = None,
    ) -> None:
        template = template or load_template()
        super().__init__(template.messages)
        self.journal = journal
        texts = template.mood
        self.notice = SupportNotice(template.support)
        self.mood = w.IntSlider(value=MIDDLE_MOOD, min=1, max=10, description="", tooltip="Mood from 1 to 10")
        self.low_word, self.high_word = w.Label(texts.low), w.Label(texts.high)
        self.emotions = toggles(texts.emotions)
        self.own_emotions = w.Text(
            description="Other feelings", placeholder="your own words, separated by commas", style=WIDE_LABEL
        )
        self.tags = toggles(texts.tags)
        self.own_tags = w.Text(
            description="Other things I did", placeholder="separated by commas", style=WIDE_LABEL
        )
        self.energy = w.Dropdown(description="Energy", options=choices.SCALE_1_5, style=WIDE_LABEL)
        self.note = w.Textarea(description="Note", placeholder="optional", style=WIDE_LABEL)
        self.context = w.Dropdown(
            description="Moment", options=choices.contexts(), value=context, style=WIDE_LABEL
        )
        self.application = w.Dropdown(
            description="About the application", options=choices.applications(self.journal), style=WIDE_LABEL
        )
        if application_id is not None:
            self.application.value = application_id
        self.at = w.Text(
            description="When", placeholder="now, or YYYY-MM-DD HH:MM for an earlier moment", style=WIDE_LABEL
        )
        self.save_button = button("Save", self.save, style="primary")
        self.widget = w.VBox(
            [
                self.notice.widget,
                w.Label("How are you feeling? (mood from 1 to 10)"),
                self.field(w.HBox([self.low_word, self.mood, self.high_word]), "mood", "Mood"),
                w.Label("Feelings"),
                wrap(self.emotions.values()),
                self.field(self.own_emotions, "emotions", "Feelings"),
                w.Label("What I did today"),
                wrap(self.tags.values()),
                self.field(self.own_tags, "tags", "Activities"),
                self.field(self.energy, "energy", "Energy"),
                self.field(self.note, "note", "The note"),
                self.field(self.context, "context", "The moment"),
                self.field(self.application, "application_id", "The application"),
                self.field(self.at, "at", "When"),
                w.HBox([self.save_button, self.status]),
            ]
        )
        self.widget.add_class("rebound-mood-logger")  # a stable handle for browser tests and coaches' CSS
        self.notice.refresh(self.journal)
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """Everything the person set or typed for the next entry."""
        toggled = [*self.emotions.values(), *self.tags.values()]
        controls = (self.mood, *toggled, self.own_emotions, self.own_tags, self.energy, self.note, self.at)
        return tuple(control.value for control in controls)

    def entry(self) -> MoodEntry:
        """The mood entry the form holds now (ValidationError naming the field if it is not valid)."""
        return MoodEntry(
            at=self.at.value.strip() or dt.datetime.now(),
            mood=self.mood.value,
            emotions=[word for word, toggle in self.emotions.items() if toggle.value]
            + word_list(self.own_emotions.value),
            tags=[word for word, toggle in self.tags.items() if toggle.value]
            + word_list(self.own_tags.value),
            energy=self.energy.value,
            note=self.note.value,
            context=self.context.value,
            application_id=self.application.value,
        )

    @guarded
    def save(self) -> MoodEntry | None:
        """Store the entry and clear the form for the next one; on bad input or a failure keep everything."""
        saved = self.journal.add(self.entry())
        self._reset()
        self.mark_saved()
        self.say_done()
        self.notice.refresh(self.journal)
        return saved

    def _reset(self) -> None:
        self.mood.value = MIDDLE_MOOD
        for toggle in [*self.emotions.values(), *self.tags.values()]:
            toggle.value = False
        self.own_emotions.value = ""
        self.own_tags.value = ""
        self.energy.value = None
        self.note.value = ""
        self.at.value = ""

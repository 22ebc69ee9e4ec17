"""The mood logger: how the person feels, in a few taps."""

from __future__ import annotations

import datetime as dt

import ipywidgets as w

from workbook.journal import Journal
from workbook.records import MoodEntry
from workbook.template import Template, load_template
from workbook.widgets import choices
from workbook.widgets.form import (
    TEXT_WIDTH,
    WIDE_LABEL,
    Form,
    choose,
    dropdown,
    guarded,
    hbox_of,
    house_style,
    label_of,
    text_area,
    toggles,
    word_list,
    wrap,
)
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
        texts, labels = template.mood, template.labels
        self.notice = SupportNotice(template.support)
        self.mood = w.IntSlider(
            value=MIDDLE_MOOD, min=1, max=10, description="", tooltip=labels["mood.question"]
        )
        self.low_word, self.high_word = label_of(texts.low), label_of(texts.high)
        self.emotions = toggles(texts.emotions)
        self.own_emotions = _words_box(
            labels["mood.other_feelings"], labels["mood.other_feelings_placeholder"]
        )
        self.tags = toggles(texts.tags)
        self.own_tags = _words_box(labels["mood.other_things"], labels["mood.other_things_placeholder"])
        self.energy = dropdown(labels["mood.energy"], choices.SCALE_1_5)
        self.note = text_area(labels["mood.note"], labels["common.optional"])
        self.context = w.Dropdown(
            description=labels["mood.moment"], options=choices.contexts(), value=context, style=WIDE_LABEL
        )
        self.application = w.Dropdown(description=labels["common.about_application"], style=WIDE_LABEL)
        self.picker = choices.ApplicationPicker(
            journal, self.application, none=labels["common.no_application"], value=application_id
        )
        self.at = _words_box(labels["mood.when"], labels["mood.when_placeholder"])
        self.save_button = self.button(labels["common.save"], self.save, style="primary")
        self.editing: int | None = None
        self.widget = w.VBox(
            [
                house_style(),
                self.notice.widget,
                label_of(labels["mood.question"]),
                self.field(
                    hbox_of([self.low_word, self.mood, self.high_word]), "mood", labels["mood.mood_error"]
                ),
                label_of(labels["mood.feelings"]),
                wrap(self.emotions.values()),
                self.field(self.own_emotions, "emotions", labels["mood.feelings"]),
                label_of(labels["mood.did_today"]),
                wrap(self.tags.values()),
                self.field(self.own_tags, "tags", labels["mood.activities_error"]),
                self.field(self.energy, "energy", labels["mood.energy"]),
                self.field(self.note, "note", labels["support.note_error"]),
                self.field(self.context, "context", labels["mood.moment_error"]),
                self.field(self.application, "application_id", labels["common.application_error"]),
                self.field(self.at, "at", labels["mood.when"]),
                hbox_of([self.save_button, self.status]),
            ]
        )
        self.widget.add_class("rebound-mood-logger")  # a stable handle for browser tests and coaches' CSS
        self.notice.refresh(self.journal)
        self.follow(journal, lambda: self.notice.refresh(self.journal))
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """Everything the person set or typed for the next entry."""
        toggled = [*self.emotions.values(), *self.tags.values()]
        controls = (self.mood, *toggled, self.own_emotions, self.own_tags, self.energy, self.note, self.at)
        return tuple(control.value for control in controls)

    def open_entry(self, entry_id: int) -> MoodEntry:
        """Load a saved entry into the form to change it; Save then updates it."""
        entry = self.journal.get(MoodEntry, entry_id)
        self.mood.value = entry.mood
        for word, toggle in [*self.emotions.items(), *self.tags.items()]:
            toggle.value = word in (entry.emotions if word in self.emotions else entry.tags)
        self.own_emotions.value = ", ".join(e for e in entry.emotions if e not in self.emotions)
        self.own_tags.value = ", ".join(t for t in entry.tags if t not in self.tags)
        choose(self.energy, entry.energy)
        self.note.value, self.context.value = entry.note, entry.context
        self.picker.refresh(entry.application_id)
        self.at.value = f"{entry.at:%Y-%m-%d %H:%M}"
        self.editing = entry.id
        self.clear_errors()
        self.mark_saved()
        return entry

    def entry(self) -> MoodEntry:
        """The mood entry the form holds now (ValidationError naming the field if it is not valid)."""
        return MoodEntry(
            id=self.editing,
            at=self.at.value.strip() or dt.datetime.now(),
            mood=self.mood.value,
            emotions=[word for word, toggle in self.emotions.items() if toggle.value]
            + word_list(self.own_emotions.value),
            tags=[word for word, toggle in self.tags.items() if toggle.value]
            + word_list(self.own_tags.value),
            energy=choices.picked(self.energy),
            note=self.note.value,
            context=self.context.value,
            application_id=self.picker.selected,
        )

    @guarded
    def save(self) -> MoodEntry | None:
        """Store the entry and clear the form for the next one; on bad input or a failure keep everything."""
        entry = self.entry()
        saved = self.journal.update(entry) if entry.id is not None else self.journal.add(entry)
        self.editing = None
        self._reset()
        self.mark_saved()
        self.say_done()
        return saved

    def _reset(self) -> None:
        self.mood.value = MIDDLE_MOOD
        for toggle in [*self.emotions.values(), *self.tags.values()]:
            toggle.value = False
        self.own_emotions.value = ""
        self.own_tags.value = ""
        choose(self.energy, None)
        self.note.value = ""
        self.at.value = ""


def _words_box(description: str, placeholder: str) -> w.Text:
    # As wide as the text boxes, so the placeholder shows whole.
    return w.Text(
        description=description, placeholder=placeholder, style=WIDE_LABEL, layout=w.Layout(width=TEXT_WIDTH)
    )

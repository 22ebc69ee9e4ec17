"""What the person wants: per application, what drew them, what they'd rather avoid, how much they wanted it.

Draws and avoids are short tags (``ipywidgets.TagsInput``).  The words used
in earlier entries are offered as buttons under each box, one click to add:
a TagsInput's own ``allowed_tags`` would also refuse every new word, so the
suggestions live beside it.  One :class:`~workbook.growth_records.Motivation`
per application: choosing an application that has one loads it, and Save
updates it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING

import ipywidgets as w

from workbook.growth_records import Motivation
from workbook.journal import Journal
from workbook.records import Application
from workbook.template import Template, load_template
from workbook.widgets import choices
from workbook.widgets.form import (
    Form,
    choose,
    dropdown,
    escaped,
    guarded,
    hbox_of,
    heading,
    house_style,
    html_of,
    label_of,
    text_area,
    vbox_of,
    wrap,
)
from workbook.widgets.saved import SavedList, Shown, delete_edited

if TYPE_CHECKING:
    from workbook.session import Workbook

#: How many earlier words are offered under each box.
SUGGESTED = 12


def earlier_words(entries: Iterable[tuple[str, ...]]) -> list[str]:
    """The words used in ``entries``, most used first (first used first on a tie)."""
    used = Counter(word for words in entries for word in words)
    return [word for word, _n in used.most_common(SUGGESTED)]


def tags_input(placeholder: str) -> w.TagsInput:
    """A box of short tags (typed, then Enter), each once."""
    return w.TagsInput(
        allow_duplicates=False, placeholder=placeholder, layout=w.Layout(width="min(40em, 95%)")
    )


class MotivationForm(Form):
    """Draws, avoids, a note and "How much did I want this?" for one application (one entry per application)."""

    def __init__(
        self, journal: Journal, template: Template | None = None, *, application_id: int | None = None
    ) -> None:
        template = template or load_template()
        super().__init__(template.messages)
        self.journal = journal
        self.labels = labels = template.labels
        self.picker = choices.application_picker(
            journal, labels["motivation.application"], none=labels["motivation.choose"], value=application_id
        )
        self.application = self.picker.dropdown
        self.draws = tags_input(labels["motivation.tag_placeholder"])
        self.avoids = tags_input(labels["motivation.tag_placeholder"])
        self.draw_words = w.Box()
        self.avoid_words = w.Box()
        self.wanted = dropdown(labels["motivation.wanted"], choices.SCALE_1_5)
        self.note = text_area(labels["motivation.note"], labels["common.optional"])
        self.save_button = self.button(labels["common.save"], self.save, style="primary")
        self.editing: int | None = None
        self.saved = SavedList(
            self,
            labels,
            labels["motivation.saved_title"],
            on_edit=self.open_motivation,
            on_delete=self._delete,
        )
        self.widget = w.VBox(
            [
                house_style(),
                heading(labels["motivation.title"], labels["motivation.intro"]),
                self.field(self.application, "application_id", labels["common.application_error"]),
                label_of(labels["motivation.draws"]),
                self.field(self.draws, "draws", labels["motivation.draws_error"]),
                self.draw_words,
                label_of(labels["motivation.avoids"]),
                self.field(self.avoids, "avoids", labels["motivation.avoids_error"]),
                self.avoid_words,
                self.field(self.wanted, "wanted", labels["motivation.wanted_error"]),
                self.field(self.note, "note", labels["motivation.note_error"]),
                hbox_of([self.save_button, self.discard_button, self.status]),
                self.saved.widget,
            ]
        )
        self.widget.add_class("rebound-motivation")
        self.watch(self.application, self._application_changed)
        self.follow(journal, self._show_saved)
        self._show_saved()
        self._load(self.picker.selected)

    def typed(self) -> tuple[object, ...]:
        """Draws, avoids, how much it was wanted, and the note, as set now."""
        return (tuple(self.draws.value), tuple(self.avoids.value), self.wanted.value, self.note.value)

    @guarded
    def save(self) -> Motivation | None:
        """Store what the person wants for the application (updating its entry if it has one); keep all on a failure."""
        selected = self.picker.selected
        existing = self._existing(selected)
        motivation = Motivation(
            id=existing.id if existing is not None else None,
            application_id=selected,  # type: ignore[arg-type]  # None is refused by name
            wanted=choices.picked(self.wanted),
            draws=tuple(self.draws.value),
            avoids=tuple(self.avoids.value),
            note=self.note.value,
        )
        saved = self.journal.update(motivation) if motivation.id is not None else self.journal.add(motivation)
        self.editing = saved.id
        self.mark_saved()
        self.say_done()
        return saved

    def add_word(self, box: w.TagsInput, word: str) -> None:
        """Add an earlier ``word`` to ``box`` (draws or avoids) unless it is there already."""
        if word not in box.value:
            box.value = [*box.value, word]

    def open_motivation(self, key: Hashable) -> None:
        """Choose the saved entry's application and load the entry into the form; Save then updates it."""
        motivation = self.journal.get(Motivation, int(key))  # type: ignore[call-overload]
        self.picker.refresh(motivation.application_id)
        self._load(motivation.application_id)

    def _application_changed(self) -> None:
        if not self.picker.refreshing:
            selected = self.picker.selected
            self.ask_before(lambda: self._load(selected))

    def _load(self, application_id: int | None) -> None:
        motivation = self._existing(application_id)
        self.editing = motivation.id if motivation is not None else None
        self.draws.value = list(motivation.draws) if motivation is not None else []
        self.avoids.value = list(motivation.avoids) if motivation is not None else []
        choose(self.wanted, motivation.wanted if motivation is not None else None)
        self.note.value = motivation.note if motivation is not None else ""
        self.clear_errors()
        self.mark_saved()

    def _existing(self, application_id: int | None) -> Motivation | None:
        if application_id is None:
            return None
        return next((m for m in self.journal.records(Motivation) if m.application_id == application_id), None)

    def _delete(self, key: Hashable) -> None:
        delete_edited(self, Motivation, key)

    def _show_saved(self) -> None:
        apps = {app.id: app for app in self.journal.records(Application)}
        entries = sorted(self.journal.records(Motivation), key=lambda m: m.id or 0, reverse=True)
        self.saved.show([Shown(m.id, self._heading(m, apps.get(m.application_id)), m.note) for m in entries])
        self.draw_words.children = self._suggestions(self.draws, [m.draws for m in entries])
        self.avoid_words.children = self._suggestions(self.avoids, [m.avoids for m in entries])

    def _suggestions(self, box: w.TagsInput, entries: list[tuple[str, ...]]) -> tuple[w.Widget, ...]:
        words = earlier_words(entries)
        if not words:
            return ()
        buttons = [self.button(word, lambda word=word: self.add_word(box, word)) for word in words]
        # The words above their buttons, so a long label is never cut off beside them.
        return (vbox_of([html_of(escaped(self.labels["motivation.earlier"])), wrap(buttons)]),)

    def _heading(self, motivation: Motivation, app: Application | None) -> str:
        labels = self.labels
        parts = [choices.company_and_role(app)]
        if motivation.wanted is not None:
            parts.append(labels.fill("motivation.wanted_line", wanted=motivation.wanted))
        if motivation.draws:
            parts.append(labels.fill("motivation.draws_line", words=", ".join(motivation.draws)))
        if motivation.avoids:
            parts.append(labels.fill("motivation.avoids_line", words=", ".join(motivation.avoids)))
        return " · ".join(part for part in parts if part)


def motivation_widget(book: Workbook, *, application_id: int | None = None) -> MotivationForm:
    """What the person wants, per application, for a notebook: ``wb.what_you_want()``."""
    return MotivationForm(book.journal, book.template, application_id=application_id)

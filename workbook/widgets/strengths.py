""" "One thing that went well": after the call, a sentence of praise or pride that lands among the strengths.

Saved as a :class:`~workbook.records.FeedbackItem` marked ``positive``, so it
counts with what employers praised.  Themes are suggested from the words
(:func:`workbook.themes.classify` with the template's vocabulary), pre-ticked
for the person to confirm or change, as in the rejection log's feedback.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

import ipywidgets as w

from workbook import themes
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem
from workbook.template import Template, load_template
from workbook.widgets import choices
from workbook.widgets.form import (
    Form,
    checkbox,
    guarded,
    hbox_of,
    heading,
    house_style,
    label_of,
    text_area,
    wrap,
)
from workbook.widgets.saved import SavedList, Shown, delete_edited

if TYPE_CHECKING:
    from workbook.session import Workbook


class WentWellForm(Form):
    """One thing that went well, for an application, with the strengths it shows (suggested, confirmable)."""

    def __init__(
        self, journal: Journal, template: Template | None = None, *, application_id: int | None = None
    ) -> None:
        template = template or load_template()
        super().__init__(template.messages)
        self.journal = journal
        self.labels = labels = template.labels
        self.vocabulary = choices.vocabulary(template)
        self.picker = choices.application_picker(
            journal, labels["went_well.application"], none=labels["went_well.choose"], value=application_id
        )
        self.application = self.picker.dropdown
        self.text = text_area(labels["went_well.text"], labels["went_well.text_placeholder"])
        self.text.continuous_update = False
        self.theme_boxes = {theme_id: checkbox(theme.label) for theme_id, theme in self.vocabulary.items()}
        self.save_button = self.button(labels["common.save"], self.save, style="primary")
        self.editing: int | None = None
        self._touched = False
        self._suggesting = False
        self.saved = SavedList(
            self, labels, labels["went_well.saved_title"], on_edit=self.open_item, on_delete=self._delete
        )
        self.widget = w.VBox(
            [
                house_style(),
                heading(labels["went_well.title"], labels["went_well.intro"]),
                self.field(self.application, "application_id", labels["common.application_error"]),
                self.field(self.text, "text", labels["went_well.text_error"]),
                label_of(labels["went_well.themes"]),
                self.field(wrap(self.theme_boxes.values()), "themes", labels["went_well.themes"]),
                hbox_of([self.save_button, self.discard_button, self.status]),
                self.saved.widget,
            ]
        )
        self.widget.add_class("rebound-went-well")
        self.watch(self.text, self._text_changed)
        for box in self.theme_boxes.values():
            self.watch(box, self._ticked_by_hand)
        self.follow(journal, self._show_saved)
        self._show_saved()
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """The words and the ticked themes."""
        return (self.text.value, self.ticked)

    @property
    def ticked(self) -> tuple[str, ...]:
        """The ids of the ticked themes, in vocabulary order."""
        return tuple(theme_id for theme_id, box in self.theme_boxes.items() if box.value)

    def suggest(self) -> list[themes.ThemeMatch]:
        """Tick the themes the words fall into (the person can change the ticks)."""
        matches = themes.classify(self.text.value, self.vocabulary)
        self._tick({match.theme for match in matches})
        self._touched = False
        return matches

    @guarded
    def save(self) -> FeedbackItem | None:
        """Store it as praise with the ticked themes (confirmed); on bad input or a failure keep every field."""
        item = FeedbackItem(
            id=self.editing,
            application_id=self.picker.selected,  # type: ignore[arg-type]  # None is refused by name
            text=self.text.value,
            themes=self.ticked,
            confirmed=True,
            positive=True,
        )
        saved = self.journal.update(item) if item.id is not None else self.journal.add(item)
        self.editing = None
        self.text.value = ""
        self._tick(set())
        self._touched = False
        self.mark_saved()
        self.say_done()
        return saved

    def open_item(self, key: Hashable) -> None:
        """Load a saved one into the form, with its themes; Save then updates it."""
        item = self.journal.get(FeedbackItem, int(key))  # type: ignore[call-overload]
        self.editing = item.id
        self.picker.refresh(item.application_id)
        self._suggesting = True
        try:
            self.text.value = item.text
        finally:
            self._suggesting = False
        self._tick(set(item.themes))
        self._touched = True
        self.clear_errors()
        self.mark_saved()

    def _delete(self, key: Hashable) -> None:
        delete_edited(self, FeedbackItem, key)

    def _tick(self, found: set[str]) -> None:
        self._suggesting = True
        try:
            for theme_id, box in self.theme_boxes.items():
                box.value = theme_id in found
        finally:
            self._suggesting = False

    def _text_changed(self) -> None:
        if not self._touched and not self._suggesting:
            self.suggest()

    def _ticked_by_hand(self) -> None:
        if not self._suggesting:
            self._touched = True

    def _show_saved(self) -> None:
        apps = {app.id: app for app in self.journal.records(Application)}
        praise = sorted(
            (item for item in self.journal.records(FeedbackItem) if item.positive),
            key=lambda item: item.id or 0,
            reverse=True,
        )
        self.saved.show(
            [Shown(item.id, self._heading(item, apps.get(item.application_id)), item.text) for item in praise]
        )

    def _heading(self, item: FeedbackItem, app: Application | None) -> str:
        names = ", ".join(themes.theme_label(theme_id, self.vocabulary) for theme_id in item.themes)
        where = choices.company_and_role(app)
        return " · ".join(part for part in (where, names) if part)


def went_well_widget(book: Workbook, *, application_id: int | None = None) -> WentWellForm:
    """ "One thing that went well" for a notebook: ``wb.went_well()``."""
    return WentWellForm(book.journal, book.template, application_id=application_id)

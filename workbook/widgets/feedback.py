"""Feedback heard on a call (or read in an email), noted one item at a time, each with suggested themes to confirm or change.

This is a part of the rejection log (:mod:`workbook.widgets.rejection`), which
stores the items together with the application and the call notes.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import ipywidgets as w

from workbook import themes
from workbook.errors import ValidationError
from workbook.labels import Labels
from workbook.records import FeedbackItem
from workbook.values import check_text
from workbook.widgets.form import (
    TEXT_WIDTH,
    WIDE_LABEL,
    Form,
    checkbox,
    escaped,
    hbox_of,
    html_of,
    label_of,
    vbox_of,
    wrap,
)
from workbook.widgets.saved import SavedList, Shown

SECTION = "feedback"


@dataclass(frozen=True)
class Draft:
    """A feedback item not stored yet: what was heard and the themes the person chose."""

    text: str
    themes: tuple[str, ...]
    #: The stored item this draft changes (None: a new item).
    id: int | None = None


class FeedbackDrafts:
    """The feedback part of the rejection log.

    Typing what was heard suggests themes from :func:`workbook.themes.classify`,
    pre-ticked, with the words that matched shown as the reason.  The person
    ticks or unticks themes, then keeps the item and goes on to the next one.
    Once the person has changed the ticks, editing the text no longer resets
    them; "Suggest themes" does.  The items saved before are listed, newest
    first: Edit brings one back into the box (Save then updates it), Delete
    asks once.
    """

    def __init__(self, form: Form, vocabulary: Mapping[str, themes.Theme], labels: Labels) -> None:
        self.form = form
        self.vocabulary = vocabulary
        self.labels = labels
        self.text = w.Textarea(
            description=labels["feedback.what_they_said"],
            placeholder=labels["feedback.placeholder"],
            continuous_update=False,
            rows=3,
            layout=w.Layout(width=TEXT_WIDTH),
            style=WIDE_LABEL,
        )
        self.text.add_class("rebound-grow")
        self.editing: int | None = None
        self.theme_boxes = {theme_id: checkbox(theme.label) for theme_id, theme in vocabulary.items()}
        self.reason = html_of()
        self.kept: list[Draft] = []
        self.kept_box = vbox_of()
        self.saved = SavedList(
            form,
            labels,
            labels["rejection_log.saved_feedback"],
            on_edit=self.open_item,
            on_delete=self._delete,
        )
        self.title = html_of()
        self._touched = False
        self._suggesting = False
        form.watch(self.text, self._text_changed)
        for box in self.theme_boxes.values():
            form.watch(box, self._ticked_by_hand)
        self.widget = w.VBox(
            [
                self.title,
                self.kept_box,
                form.field(self.text, "text", labels["feedback.text_error"], section=SECTION),
                self.reason,
                label_of(labels["feedback.themes"]),
                wrap(self.theme_boxes.values()),
                hbox_of(
                    [
                        self.form.button(labels["feedback.suggest"], self.suggest),
                        self.form.button(labels["feedback.keep"], self.keep),
                    ]
                ),
                self.saved.widget,
            ]
        )

    @property
    def ticked(self) -> tuple[str, ...]:
        """The ids of the ticked themes, in vocabulary order."""
        return tuple(theme_id for theme_id, box in self.theme_boxes.items() if box.value)

    def suggest(self) -> list[themes.ThemeMatch]:
        """Tick the themes the text falls into and say which words suggested them."""
        matches = themes.classify(self.text.value, self.vocabulary)
        found = {match.theme for match in matches}
        self._suggesting = True
        try:
            for theme_id, box in self.theme_boxes.items():
                box.value = theme_id in found
        finally:
            self._suggesting = False
        self._touched = False
        self.reason.value = _reason_html(matches, self.labels) if self.text.value.strip() else ""
        return matches

    def keep(self) -> Draft | None:
        """Set the current item aside (to be stored on Save) and clear the box for the next one."""
        self.form.clear_errors()
        try:
            draft = self.current()
        except ValidationError as error:
            self.form.show_error(error, section=SECTION)
            return None
        self.kept.append(draft)
        self.editing = None
        self._clear_current()
        self._show_kept()
        return draft

    def current(self) -> Draft:
        """The item being typed now (ValidationError on "text" when it is empty or too long)."""
        return Draft(check_text("text", self.text.value, required=True), self.ticked, self.editing)

    def remove(self, index: int) -> None:
        """Drop a kept item that is not stored yet."""
        del self.kept[index]
        self._show_kept()

    def pending(self) -> list[Draft]:
        """Every item to store: the kept ones, and the one being typed if there is one."""
        return [*self.kept, self.current()] if self.text.value.strip() else list(self.kept)

    def items_for(self, application_id: int) -> list[FeedbackItem]:
        """The pending items as feedback records of ``application_id``; the person has confirmed their themes."""
        return [
            FeedbackItem(
                id=draft.id,
                application_id=application_id,
                text=draft.text,
                themes=draft.themes,
                confirmed=True,
            )
            for draft in self.pending()
        ]

    def reset(self) -> None:
        """Forget every draft (what is stored stays stored)."""
        self.kept = []
        self.editing = None
        self._clear_current()
        self._show_kept()

    def show_saved(self, saved: list[FeedbackItem]) -> None:
        """List ``saved`` (newest first) as the items already stored, to edit or delete."""
        self.saved.show(
            [
                Shown(item.id, _draft_line(item.text, item.themes, self.vocabulary, self.labels))
                for item in saved
            ]
        )

    def open_item(self, key: Hashable) -> None:
        """Bring a stored item back into the box, with its themes, to change it (Save updates it)."""
        item = self.form.journal.get(FeedbackItem, int(key))  # type: ignore[attr-defined, call-overload]
        self.text.value = item.text
        self._suggesting = True
        try:
            for theme_id, box in self.theme_boxes.items():
                box.value = theme_id in item.themes
        finally:
            self._suggesting = False
        self._touched = True
        self.editing = item.id
        self.form.mark_saved()

    def _delete(self, key: Hashable) -> None:
        self.form.journal.delete(FeedbackItem, int(key))  # type: ignore[attr-defined, call-overload]
        if key == self.editing:
            self.editing = None

    def _text_changed(self) -> None:
        if not self._touched:
            self.suggest()

    def _ticked_by_hand(self) -> None:
        if not self._suggesting:
            self._touched = True

    def _clear_current(self) -> None:
        self.text.value = ""
        self.suggest()

    def _show_kept(self) -> None:
        rows = []
        for index, draft in enumerate(self.kept):
            remove = self.form.button(self.labels["feedback.remove"], lambda index=index: self.remove(index))
            text = label_of(_draft_line(draft.text, draft.themes, self.vocabulary, self.labels))
            rows.append(hbox_of([text, remove]))
        self.kept_box.children = rows


def _reason_html(matches: list[themes.ThemeMatch], labels: Labels) -> str:
    if not matches:
        return f"<p>{escaped(labels['feedback.no_suggestion'])}</p>"
    parts = [
        labels.fill(
            "feedback.you_wrote", theme=match.label, words=", ".join(f"“{word}”" for word in match.matched)
        )
        for match in matches
    ]
    return f"<p>{escaped(labels.fill('feedback.suggested', reasons='; '.join(parts)))}</p>"


def _draft_line(
    text: str, theme_ids: tuple[str, ...], vocabulary: Mapping[str, themes.Theme], labels: Labels
) -> str:
    names = ", ".join(themes.theme_label(theme_id, vocabulary) for theme_id in theme_ids)
    return f"“{text}” ({names or labels['rejection_log.no_theme']})"

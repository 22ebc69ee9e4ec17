"""Feedback heard on a call (or read in an email), noted one item at a time, each with suggested themes to confirm or change.

This is a part of the rejection log (:mod:`workbook.widgets.rejection`), which
stores the items together with the application and the call notes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import ipywidgets as w

from workbook import themes
from workbook.errors import ValidationError
from workbook.records import FeedbackItem
from workbook.values import check_text
from workbook.widgets.form import WIDE_LABEL, Form, button, checkbox, escaped, wrap

SECTION = "feedback"


@dataclass(frozen=True)
class Draft:
    """A feedback item not stored yet: what was heard and the themes the person chose."""

    text: str
    themes: tuple[str, ...]


class FeedbackDrafts:
    """The feedback part of the rejection log.

    Typing what was heard suggests themes from :func:`workbook.themes.classify`,
    pre-ticked, with the words that matched shown as the reason.  The person
    ticks or unticks themes, then keeps the item and goes on to the next one.
    Once the person has changed the ticks, editing the text no longer resets
    them; "Suggest themes" does.
    """

    def __init__(self, form: Form, vocabulary: Mapping[str, themes.Theme]) -> None:
        self.form = form
        self.vocabulary = vocabulary
        self.text = w.Textarea(
            description="What they said",
            placeholder="one piece of feedback, in their words as far as you remember them",
            continuous_update=False,
            layout=w.Layout(width="95%"),
            style=WIDE_LABEL,
        )
        self.theme_boxes = {theme_id: checkbox(theme.label) for theme_id, theme in vocabulary.items()}
        self.reason = w.HTML()
        self.kept: list[Draft] = []
        self.kept_box = w.VBox()
        self.saved_note = w.HTML()
        self.title = w.Label("Feedback they gave, one item at a time")
        self._touched = False
        self._suggesting = False
        self.text.observe(lambda _change: self._text_changed(), names="value")
        for box in self.theme_boxes.values():
            box.observe(lambda _change: self._ticked_by_hand(), names="value")
        self.widget = w.VBox(
            [
                self.title,
                self.saved_note,
                self.kept_box,
                form.field(self.text, "text", "The feedback", section=SECTION),
                self.reason,
                w.Label("Themes (tick the ones that fit)"),
                wrap(self.theme_boxes.values()),
                w.HBox(
                    [button("Suggest themes", self.suggest), button("Keep this and note another", self.keep)]
                ),
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
        self.reason.value = _reason_html(matches) if self.text.value.strip() else ""
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
        self._clear_current()
        self._show_kept()
        return draft

    def current(self) -> Draft:
        """The item being typed now (ValidationError on "text" when it is empty or too long)."""
        return Draft(check_text("text", self.text.value, required=True), self.ticked)

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
            FeedbackItem(application_id=application_id, text=draft.text, themes=draft.themes, confirmed=True)
            for draft in self.pending()
        ]

    def reset(self, saved: list[FeedbackItem]) -> None:
        """Forget every draft and show ``saved`` as the items already stored."""
        self.kept = []
        self._clear_current()
        self._show_kept()
        lines = "".join(
            f"<li>{escaped(_draft_line(item.text, item.themes, self.vocabulary))}</li>" for item in saved
        )
        self.saved_note.value = f"<p>Already saved:</p><ul>{lines}</ul>" if saved else ""

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
            remove = button("Remove", lambda index=index: self.remove(index))
            text = w.Label(_draft_line(draft.text, draft.themes, self.vocabulary))
            rows.append(w.HBox([text, remove]))
        self.kept_box.children = rows


def _reason_html(matches: list[themes.ThemeMatch]) -> str:
    if not matches:
        return "<p>No theme suggested: tick any that fit, or none.</p>"
    parts = [
        f"{escaped(match.label)} (you wrote {', '.join(f'“{escaped(word)}”' for word in match.matched)})"
        for match in matches
    ]
    return f"<p>Suggested: {'; '.join(parts)}</p>"


def _draft_line(text: str, theme_ids: tuple[str, ...], vocabulary: Mapping[str, themes.Theme]) -> str:
    labels = ", ".join(themes.theme_label(theme_id, vocabulary) for theme_id in theme_ids) or "no theme"
    return f"“{text}” ({labels})"

"""The self-review after any interview: the person's own 1–5 rating per dimension, and one thing to do differently.

The dimensions come from the template (``self_review``); a dimension left
unrated is not stored.  Saved as a :class:`~workbook.growth_records.SelfReview`
(ratings as ``id=score`` words), shown back newest first with Edit and Delete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from typing import TYPE_CHECKING

import ipywidgets as w

from workbook.growth_records import SelfReview, score_words, scores
from workbook.journal import Journal
from workbook.records import Application
from workbook.template import Template, load_template
from workbook.widgets import choices
from workbook.widgets.form import (
    WIDE_LABEL,
    Form,
    date_picker,
    guarded,
    hbox_of,
    heading,
    house_style,
    text_area,
    vbox_of,
)
from workbook.widgets.saved import SavedList, Shown, delete_edited

if TYPE_CHECKING:
    from workbook.session import Workbook

SCALE = (1, 2, 3, 4, 5)


def rating_buttons(description: str = "") -> w.ToggleButtons:
    """Five buttons, 1 to 5, none chosen at first (clicking the chosen one again does not unchoose it)."""
    control = w.ToggleButtons(
        options=[(str(n), n) for n in SCALE],
        value=None,
        description=description,
        style={**WIDE_LABEL, "button_width": "2.6em"},
    )
    control.add_class("rebound-rating")
    return control


class SelfReviewForm(Form):
    """How the person rates their own answers in one interview, dimension by dimension."""

    def __init__(
        self, journal: Journal, template: Template | None = None, *, application_id: int | None = None
    ) -> None:
        template = template or load_template()
        super().__init__(template.messages)
        self.journal = journal
        self.labels = labels = template.labels
        self.dimensions = template.self_review
        self.picker = choices.application_picker(
            journal,
            labels["self_review.application"],
            none=labels["self_review.choose"],
            value=application_id,
        )
        self.application = self.picker.dropdown
        self.held_on = date_picker(labels["self_review.held_on"], dt.date.today())
        self.ratings = {item.id: rating_buttons() for item in self.dimensions}
        self.differently = text_area(
            labels["self_review.differently"], labels["self_review.differently_placeholder"]
        )
        self.save_button = self.button(labels["common.save"], self.save, style="primary")
        self.editing: int | None = None
        self.saved = SavedList(
            self, labels, labels["self_review.saved_title"], on_edit=self.open_review, on_delete=self._delete
        )
        rows = [
            hbox_of([w.Label(item.text, layout=w.Layout(width="14em")), self.ratings[item.id]])
            for item in self.dimensions
        ]
        self.widget = w.VBox(
            [
                house_style(),
                heading(labels["self_review.title"], labels["self_review.intro"]),
                self.field(self.application, "application_id", labels["common.application_error"]),
                self.field(self.held_on, "held_on", labels["self_review.held_on_error"]),
                self.field(vbox_of(rows), "ratings", labels["self_review.ratings_error"]),
                self.field(self.differently, "differently", labels["self_review.differently_error"]),
                hbox_of([self.save_button, self.discard_button, self.status]),
                self.saved.widget,
            ]
        )
        self.widget.add_class("rebound-self-review")
        self.follow(journal, self._show_saved)
        self._show_saved()
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """The ratings and the note as set now."""
        return (*(box.value for box in self.ratings.values()), self.differently.value)

    def rated(self) -> dict[str, int]:
        """The dimensions rated so far, with their ratings."""
        return {key: box.value for key, box in self.ratings.items() if box.value is not None}

    @guarded
    def save(self) -> SelfReview | None:
        """Store the self-review (or the edited one); on bad input or a failure say why, keep every field."""
        review = SelfReview(
            id=self.editing,
            application_id=self.picker.selected,  # type: ignore[arg-type]  # None is refused by name
            held_on=self.held_on.value,
            ratings=score_words(self.rated()),
            differently=self.differently.value,
        )
        saved = self.journal.update(review) if review.id is not None else self.journal.add(review)
        self.editing = None
        for box in self.ratings.values():
            box.value = None
        self.differently.value = ""
        self.mark_saved()
        self.say_done()
        return saved

    def open_review(self, key: Hashable) -> None:
        """Load a saved self-review into the form to change it; Save then updates it."""
        review = self.journal.get(SelfReview, int(key))  # type: ignore[call-overload]
        given = scores(review.ratings)
        self.editing = review.id
        self.picker.refresh(review.application_id)
        self.held_on.value = review.held_on
        for dimension, box in self.ratings.items():
            box.value = given.get(dimension)
        self.differently.value = review.differently
        self.clear_errors()
        self.mark_saved()

    def _delete(self, key: Hashable) -> None:
        delete_edited(self, SelfReview, key)

    def _show_saved(self) -> None:
        apps = {app.id: app for app in self.journal.records(Application)}
        reviews = sorted(self.journal.records(SelfReview), key=lambda r: (r.held_on, r.id or 0), reverse=True)
        self.saved.show(
            [Shown(r.id, self._heading(r, apps.get(r.application_id)), r.differently) for r in reviews]
        )

    def _heading(self, review: SelfReview, app: Application | None) -> str:
        names = {item.id: item.text for item in self.dimensions}
        given = ", ".join(f"{names.get(key, key)} {value}" for key, value in scores(review.ratings).items())
        where = choices.company_and_role(app)
        return " · ".join(part for part in (self.labels.day(review.held_on), where, given) if part)


def self_review_widget(book: Workbook, *, application_id: int | None = None) -> SelfReviewForm:
    """The self-review for a notebook: ``wb.self_review()``."""
    return SelfReviewForm(book.journal, book.template, application_id=application_id)

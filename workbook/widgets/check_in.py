"""The resilience check-in: the template's statements answered 1–5, the score and what it means, said plainly.

The questionnaire is the template's ``checkin``.  Save works out the score
with :func:`workbook.checkin.score` (the mean after reverse-scored
statements are turned round) and stores a :class:`~workbook.growth_records.CheckIn`;
the form then shows "3.7 out of 5: <what it means>" in the template's words,
a snapshot to compare with oneself, never a diagnosis, and when the next one
is due.  Earlier check-ins are listed newest first, with Edit and Delete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from typing import TYPE_CHECKING

import ipywidgets as w

from workbook import checkin
from workbook.errors import TemplateError
from workbook.growth_records import CheckIn, score_words, scores
from workbook.journal import Journal
from workbook.messages import CHECKIN_SCORE
from workbook.template import Template, load_template
from workbook.widgets import choices
from workbook.widgets.form import (
    Form,
    escaped,
    guarded,
    hbox_of,
    heading,
    house_style,
    html_of,
    label_of,
    plain_text,
    vbox_of,
)
from workbook.widgets.saved import SavedList, Shown, delete_edited
from workbook.widgets.self_review import rating_buttons

if TYPE_CHECKING:
    from workbook.session import Workbook


class CheckInForm(Form):
    """The check-in questionnaire: one row of 1–5 buttons per statement, between the scale's two words."""

    def __init__(
        self,
        journal: Journal,
        template: Template | None = None,
        *,
        application_id: int | None = None,
        today: dt.date | None = None,
    ) -> None:
        template = template or load_template()
        if template.checkin is None:
            raise TemplateError(f"{template.source}: checkin: the template has no check-in questionnaire")
        super().__init__(template.messages)
        self.journal = journal
        self.labels = labels = template.labels
        self.questionnaire = q = template.checkin
        self.today = today
        self.answers = {statement.id: rating_buttons() for statement in q.statements}
        self.picker = choices.application_picker(
            journal,
            labels["check_in.application"],
            none=labels["common.no_application"],
            value=application_id,
        )
        self.application = self.picker.dropdown
        self.save_button = self.button(labels["common.save"], self.save, style="primary")
        self.result = html_of()
        self.next_due = html_of()
        self.editing: int | None = None
        self.saved = SavedList(
            self, labels, labels["check_in.saved_title"], on_edit=self.open_check_in, on_delete=self._delete
        )
        rows = [
            vbox_of(
                [
                    html_of(f"<p style='margin:0.5em 0 0.1em 0'>{escaped(s.text)}</p>"),
                    hbox_of([label_of(q.low), self.answers[s.id], label_of(q.high)]),
                ]
            )
            for s in q.statements
        ]
        self.widget = w.VBox(
            [
                house_style(),
                heading(q.title, q.intro),
                self.field(vbox_of(rows), "answers", labels["check_in.answers_error"]),
                self.field(self.application, "application_id", labels["common.application_error"]),
                hbox_of([self.save_button, self.discard_button, self.status]),
                self.result,
                self.next_due,
                self.saved.widget,
            ]
        )
        self.widget.add_class("rebound-check-in")
        self.follow(journal, self._show_saved)
        self._show_saved()
        self.mark_saved()

    @property
    def day(self) -> dt.date:
        """Today (or the day the form was told it is)."""
        return self.today or dt.date.today()

    def typed(self) -> tuple[object, ...]:
        """The answers as given now."""
        return tuple(box.value for box in self.answers.values())

    def given(self) -> dict[str, int]:
        """The statements answered so far, with their answers."""
        return {key: box.value for key, box in self.answers.items() if box.value is not None}

    @guarded
    def save(self) -> CheckIn | None:
        """Score the answers and store the check-in; a statement left unanswered is named, nothing is stored."""
        answers = self.given()
        value = checkin.score(answers, self.questionnaire)
        previous = self.journal.get(CheckIn, self.editing) if self.editing is not None else None
        check_in = CheckIn(
            id=self.editing,
            at=previous.at if previous is not None else dt.datetime.now().replace(microsecond=0),
            questionnaire_id=self.questionnaire.id,
            answers=score_words(answers),
            score=value,
            application_id=self.picker.selected,
        )
        saved = self.journal.update(check_in) if check_in.id is not None else self.journal.add(check_in)
        self.editing = None
        for box in self.answers.values():
            box.value = None
        self.mark_saved()
        self.say_done()
        self.result.value = f"<p role='status'><b>{escaped(self.score_line(saved.score))}</b></p>"
        return saved

    def score_line(self, value: float) -> str:
        """A score said plainly: "3.7 out of 5: <the template's words for it>"."""
        meaning = checkin.meaning(value, self.questionnaire)
        return CHECKIN_SCORE.replace("{score}", checkin.score_text(value)).replace("{meaning}", meaning)

    @property
    def result_text(self) -> str:
        """The score shown after saving, as plain text ("" before)."""
        return plain_text(self.result.value)

    def open_check_in(self, key: Hashable) -> None:
        """Load a saved check-in's answers into the form; Save then updates it (and its score)."""
        check_in = self.journal.get(CheckIn, int(key))  # type: ignore[call-overload]
        given = scores(check_in.answers)
        self.editing = check_in.id
        for statement_id, box in self.answers.items():
            box.value = given.get(statement_id)
        self.picker.refresh(check_in.application_id)
        self.clear_errors()
        self.mark_saved()

    def _delete(self, key: Hashable) -> None:
        delete_edited(self, CheckIn, key)

    def _show_saved(self) -> None:
        mine = [c for c in self.journal.records(CheckIn) if c.questionnaire_id == self.questionnaire.id]
        mine.sort(key=lambda c: (c.at, c.id or 0), reverse=True)
        labels = self.labels
        self.saved.show([Shown(c.id, labels.moment(c.at), self.score_line(c.score)) for c in mine])
        due = checkin.next_due(mine[0].at if mine else None, self.questionnaire, self.day)
        self.next_due.value = f"<p>{escaped(labels.fill('check_in.next_due', day=labels.day(due)))}</p>"

    @property
    def next_due_text(self) -> str:
        """The line saying when the next check-in is due."""
        return plain_text(self.next_due.value)


def check_in_widget(book: Workbook, *, application_id: int | None = None) -> CheckInForm:
    """The resilience check-in for a notebook: ``wb.check_in()``."""
    return CheckInForm(book.journal, book.template, application_id=application_id)

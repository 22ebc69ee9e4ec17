"""The question bank: pick questions to ask on the call, mark which were answered."""

from __future__ import annotations

import datetime as dt

import ipywidgets as w

from workbook import checklists
from workbook.journal import Journal
from workbook.records import ChecklistRun
from workbook.template import Template, load_template
from workbook.widgets import choices
from workbook.widgets.form import WIDE_LABEL, Form, checkbox, guarded, hbox_of, label_of

#: Checklist ids under which the picks are stored, as checklist runs.
TO_ASK = "questions_to_ask"
ANSWERED = "questions_answered"


class QuestionBank(Form):
    """Questions worth asking on a rejection call, each with "ask it" and "answered" ticks.

    Save stores two checklist runs in one go: the questions picked to ask
    (``questions_to_ask``) and those answered (``questions_answered``).
    Reopening shows the last saved picks.
    """

    def __init__(
        self, journal: Journal, template: Template | None = None, *, application_id: int | None = None
    ) -> None:
        template = template or load_template()
        super().__init__(template.messages)
        self.journal = journal
        self.questions = template.questions
        asked = _last_ticks(journal, TO_ASK, application_id)
        answered = _last_ticks(journal, ANSWERED, application_id)
        self.ask = {q.id: checkbox(q.text, q.id in asked) for q in self.questions}
        self.answered = {
            q.id: checkbox(template.labels["questions.answered"], q.id in answered) for q in self.questions
        }
        self.labels = template.labels
        self.progress = label_of()
        for box in [*self.ask.values(), *self.answered.values()]:
            self.watch(box, self._show_progress)
        labels = template.labels
        self.application = w.Dropdown(description=labels["common.for_application"], style=WIDE_LABEL)
        self.picker = choices.ApplicationPicker(
            journal, self.application, none=labels["common.no_application"], value=application_id
        )
        self.save_button = self.button(labels["common.save"], self.save, style="primary")
        rows = [hbox_of([self.ask[q.id], self.answered[q.id]]) for q in self.questions]
        self.widget = w.VBox(
            [
                *rows,
                self.progress,
                self.field(self.application, "application_id", labels["common.application_error"]),
                hbox_of([self.save_button, self.status]),
            ]
        )
        self._show_progress()
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """The ticks and the linked application, as set now."""
        return (self.to_ask, self.answered_ids, self.picker.selected)

    @property
    def to_ask(self) -> tuple[str, ...]:
        """Ids of the questions picked to ask."""
        return tuple(qid for qid, box in self.ask.items() if box.value)

    @property
    def answered_ids(self) -> tuple[str, ...]:
        """Ids of the questions marked answered."""
        return tuple(qid for qid, box in self.answered.items() if box.value)

    @guarded
    def save(self) -> tuple[ChecklistRun, ChecklistRun] | None:
        """Store the picks and the answered marks together; on a bad link or a failure store nothing."""
        now = dt.datetime.now()
        with self.journal.transaction():
            saved = tuple(
                self.journal.add(
                    ChecklistRun(
                        at=now, checklist_id=list_id, ticked=ticked, application_id=self.picker.selected
                    )
                )
                for list_id, ticked in ((TO_ASK, self.to_ask), (ANSWERED, self.answered_ids))
            )
        self.mark_saved()
        self.say_done()
        return saved  # type: ignore[return-value]

    def _show_progress(self) -> None:
        self.progress.value = self.labels.fill(
            "questions.progress", to_ask=len(self.to_ask), answered=len(self.answered_ids)
        )


def _last_ticks(journal: Journal, checklist_id: str, application_id: int | None) -> set[str]:
    run = checklists.last_run(journal.checklist_runs(), checklist_id, application_id)
    return set(run["ticked"]) if run is not None else set()

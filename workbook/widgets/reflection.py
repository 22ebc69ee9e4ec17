"""Reflection: a set of prompts, answered one at a time or all at once, saved together."""

from __future__ import annotations

import datetime as dt

import ipywidgets as w

from workbook.errors import ValidationError
from workbook.journal import Journal
from workbook.records import Reflection
from workbook.template import PromptSet, Template, default_template
from workbook.widgets import choices
from workbook.widgets.form import (
    TEXT_WIDTH,
    WIDE_LABEL,
    Form,
    checkbox,
    guarded,
    hbox_of,
    heading,
    paragraphs,
    vbox_of,
)
from workbook.widgets.saved import SavedList, Shown


class ReflectionForm(Form):
    """A prompt set with an answer box per prompt.

    Save stores every answered prompt as a :class:`~workbook.records.Reflection`,
    all with the same time, in one go; empty answers are skipped.  Saving again
    updates the same entries (an answer emptied since is removed), so the
    person can keep writing; "Start a new entry" begins afresh, after asking
    when there are answers not saved yet.  Entries saved before are listed
    under the form, newest first: Edit loads one to keep writing, Delete
    removes it (after asking once).
    """

    def __init__(
        self,
        journal: Journal,
        prompt_set: PromptSet,
        *,
        application_id: int | None = None,
        one_at_a_time: bool = False,
        template: Template | None = None,
    ) -> None:
        template = template or default_template()
        super().__init__(template.messages)
        self.labels = labels = template.labels
        self.journal = journal
        self.prompt_set = prompt_set
        answer = labels["reflection.answer"]
        self.answers = {
            p.id: w.Textarea(placeholder=answer, rows=3, layout=w.Layout(width=TEXT_WIDTH))
            for p in prompt_set.prompts
        }
        for box in self.answers.values():
            box.add_class("rebound-grow")
        self.blocks = [
            vbox_of([paragraphs(p.text), self.field(self.answers[p.id], "answer", answer, section=p.id)])
            for p in prompt_set.prompts
        ]
        self.one_at_a_time = checkbox(labels["reflection.one_at_a_time"], one_at_a_time)
        self.watch(self.one_at_a_time, self._layout)
        self.position = w.Label()
        self.back_button = self.button(labels["reflection.back"], self.back)
        self.next_button = self.button(labels["reflection.next"], self.next)
        self.application = w.Dropdown(description=labels["common.about_application"], style=WIDE_LABEL)
        self.picker = choices.ApplicationPicker(
            journal, self.application, none=labels["common.no_application"], value=application_id
        )
        self.save_button = self.button(labels["common.save"], self.save, style="primary")
        self.new_button = self.button(labels["reflection.start_new"], self.start_new)
        self.saved = SavedList(
            self,
            labels,
            labels["reflection.saved_title"],
            on_edit=self.open_entry,
            on_delete=self._delete_entry,
        )
        self.current = 0
        self._at: dt.datetime | None = None
        self._saved: dict[str, Reflection] = {}
        self.prompts_box = vbox_of()
        self.stepper = w.HBox([self.back_button, self.position, self.next_button])
        self.widget = w.VBox(
            [
                heading(prompt_set.title, prompt_set.intro),
                self.one_at_a_time,
                self.prompts_box,
                self.stepper,
                self.field(self.application, "application_id", labels["common.application_error"]),
                hbox_of([self.save_button, self.new_button, self.discard_button, self.status]),
                self.saved.widget,
            ]
        )
        self.widget.add_class("rebound-reflection")
        self._layout()
        self.mark_saved()
        self.follow(journal, self._show_saved)
        self._show_saved()

    def typed(self) -> tuple[object, ...]:
        """The answers as typed, prompt by prompt."""
        return tuple(box.value for box in self.answers.values())

    # --- moving between prompts ---------------------------------------------------

    def go_to(self, index: int) -> None:
        """Show prompt number ``index`` (from 0) when showing one at a time."""
        self.current = max(0, min(index, len(self.blocks) - 1))
        self._layout()

    def next(self) -> None:
        """Show the next prompt."""
        self.go_to(self.current + 1)

    def back(self) -> None:
        """Show the previous prompt."""
        self.go_to(self.current - 1)

    def _layout(self) -> None:
        single = self.one_at_a_time.value
        self.prompts_box.children = [self.blocks[self.current]] if single else self.blocks
        self.stepper.layout.display = None if single else "none"
        self.position.value = self.labels.fill(
            "reflection.position", number=self.current + 1, total=len(self.blocks)
        )
        self.back_button.disabled = self.current == 0
        self.next_button.disabled = self.current == len(self.blocks) - 1

    # --- saving -------------------------------------------------------------------

    @guarded
    def save(self) -> list[Reflection] | None:
        """Store the answers together; on bad input or a failure say why, keep the answers, store nothing."""
        if not self._saved and not any(box.value.strip() for box in self.answers.values()):
            self.show_message("answer", self.labels["reflection.write_first"])
            return None
        at = self._at or dt.datetime.now()
        saved: dict[str, Reflection] = {}
        with self.journal.transaction():
            for prompt in self.prompt_set.prompts:
                self.writing = prompt.id
                kept = self._write(prompt.id, prompt.text, at)
                if kept is not None:
                    saved[prompt.id] = kept
        self._at, self._saved = at, saved
        self.mark_saved()
        self.say_done()
        return list(saved.values())

    def show_error(self, error: ValidationError, *, section: str = "") -> None:
        """Show ``error`` under its prompt, and turn to that prompt when showing one at a time."""
        super().show_error(error, section=section)
        if error.field == "answer" and section in self.answers:
            self.go_to(list(self.answers).index(section))

    def start_new(self) -> None:
        """Clear the answers and start a new entry (what was saved stays saved); asks first if any is unsaved."""
        self.ask_before(self._clear)

    def _clear(self) -> None:
        self.clear_errors()
        for box in self.answers.values():
            box.value = ""
        self._at, self._saved = None, {}
        self.mark_saved()
        self.go_to(0)

    def _write(self, prompt_id: str, prompt: str, at: dt.datetime) -> Reflection | None:
        answer = self.answers[prompt_id].value
        old = self._saved.get(prompt_id)
        if not answer.strip():
            if old is not None:
                self.journal.delete(Reflection, old.id)  # type: ignore[arg-type]
            return None
        record = Reflection(
            id=old.id if old else None,
            at=at,
            # Namespaced by the set, as prompt ids repeat across sets.
            prompt_id=f"{self.prompt_set.id}.{prompt_id}",
            prompt=prompt,
            answer=answer,
            application_id=self.picker.selected,
        )
        return self.journal.update(record) if old else self.journal.add(record)

    # --- what was saved before ------------------------------------------------------

    def entries(self) -> dict[dt.datetime, list[Reflection]]:
        """This prompt set's saved entries, newest first: the answers saved together, by their time."""
        prefix = f"{self.prompt_set.id}."
        found: dict[dt.datetime, list[Reflection]] = {}
        for record in self.journal.records(Reflection):
            if record.prompt_id.startswith(prefix):
                found.setdefault(record.at, []).append(record)
        return dict(sorted(found.items(), key=lambda pair: pair[0], reverse=True))

    def open_entry(self, at: object) -> None:
        """Load the entry saved at ``at`` into the boxes, to keep writing it (Save updates it)."""
        records = self.entries().get(at, [])  # type: ignore[call-overload]
        by_prompt = {record.prompt_id.split(".", 1)[1]: record for record in records}
        self.clear_errors()
        for prompt_id, box in self.answers.items():
            box.value = by_prompt[prompt_id].answer if prompt_id in by_prompt else ""
        self._at, self._saved = (at if records else None), by_prompt  # type: ignore[assignment]
        self.picker.refresh(records[0].application_id if records else None)
        self.mark_saved()
        self.go_to(0)

    def _delete_entry(self, at: object) -> None:
        with self.journal.transaction():
            for record in self.entries().get(at, []):  # type: ignore[call-overload]
                self.journal.delete(Reflection, record.id)  # type: ignore[arg-type]
        if at == self._at:
            self._at, self._saved = None, {}
            self.mark_saved(tuple("" for _ in self.answers))  # what is in the boxes is no longer stored

    def _show_saved(self) -> None:
        order = {f"{self.prompt_set.id}.{p.id}": n for n, p in enumerate(self.prompt_set.prompts)}
        shown = []
        for at, records in self.entries().items():
            records = sorted(records, key=lambda r: order.get(r.prompt_id, len(order)))
            text = "\n\n".join(f"{r.prompt}\n{r.answer}" for r in records)
            shown.append(Shown(at, self.labels.moment(at), text))
        self.saved.show(shown)

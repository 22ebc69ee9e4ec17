"""The rejection log: an application, and for every rejection, the notes on how it was told and the feedback."""

from __future__ import annotations

import datetime as dt

import ipywidgets as w

from workbook.errors import ValidationError
from workbook.journal import Journal
from workbook.messages import FORM_OUT_OF_STEP
from workbook.records import Application, CallNotes, FeedbackItem
from workbook.template import CALL_COVERED, NewsTexts, Template, load_template
from workbook.widgets import choices
from workbook.widgets.feedback import SECTION as FEEDBACK
from workbook.widgets.feedback import FeedbackDrafts
from workbook.widgets.form import (
    WIDE_LABEL,
    Form,
    checkbox,
    date_picker,
    escaped,
    guarded,
    hbox_of,
    house_style,
    html_of,
    label_of,
    text_area,
)
from workbook.widgets.saved import SavedList, Shown

APPLICATION = "application"
CALL = "call"
#: How the news came -> which texts of the template's ``rejection_log`` speak of it.
NEWS_KINDS = {"video_call": "call", "phone": "call", "in_person": "call", "email": "email", "none": "other"}
_FIRST_STAGE = "applied"


class RejectionLog(Form):
    """Add or update an application; any rejection opens the notes (on the call, or the email) and feedback.

    Save stores the application, the notes and every feedback item in one
    transaction, so either all of it is stored or none of it.  Notes typed
    while the outcome is not a rejection are not stored, and Save says so.
    """

    def __init__(
        self, journal: Journal, template: Template | None = None, *, application_id: int | None = None
    ):
        template = template or load_template()
        super().__init__(template.messages)
        self.journal = journal
        self.texts = template.rejection_log
        self.covered_list = template.checklist(CALL_COVERED)
        self.labels = labels = template.labels
        self.choose = w.Dropdown(description=labels["rejection_log.application"], style=WIDE_LABEL)
        self.picker = choices.ApplicationPicker(
            journal, self.choose, none=labels["rejection_log.new_application"], value=application_id
        )
        self.company = w.Text(description=labels["rejection_log.company"], style=WIDE_LABEL)
        self.role = w.Text(description=labels["rejection_log.role"], style=WIDE_LABEL)
        self.applied_on = date_picker(labels["rejection_log.applied_on"])
        self.stage = w.Dropdown(
            description=labels["rejection_log.stage"], options=choices.stages(), style=WIDE_LABEL
        )
        self.stage_on = date_picker(self.texts.stage_on)
        self.outcome = w.Dropdown(
            description=labels["rejection_log.outcome"], options=choices.outcomes(), style=WIDE_LABEL
        )
        self.outcome_on = date_picker(labels["rejection_log.outcome_on"])
        self.channel = w.Dropdown(
            description=labels["rejection_log.channel"], options=choices.channels(), style=WIDE_LABEL
        )
        self.notes = text_area(labels["rejection_log.notes"], labels["common.optional"])
        self.notes_heading = html_of()
        self.held_on = date_picker("")
        self.covered_label = label_of()
        self.covered = {item.id: checkbox(item.text) for item in self.covered_list.items}
        self.questions = text_area()
        self.answers = text_area()
        self.call_notes = text_area()
        self.feedback = FeedbackDrafts(self, choices.vocabulary(template), labels)
        self.saved_notes = SavedList(
            self,
            labels,
            labels["rejection_log.saved_notes"],
            on_edit=self.open_notes,
            on_delete=self._delete_notes,
        )
        self.save_button = self.button(labels["common.save"], self.save, style="primary")
        self._loading = False
        self._syncing = False
        self._stage_on_by_hand = False
        self._stored_stage = _FIRST_STAGE
        self._application_id: int | None = None
        self._call_notes_id: int | None = None
        self.stage_on_row = self.field(
            self.stage_on, "stage_on", self.texts.stage_on, section=APPLICATION, hideable=True
        )
        self.call_section = self._call_section()
        self.widget = w.VBox(
            [
                house_style(),
                self.choose,
                self.field(self.company, "company", labels["rejection_log.company"], section=APPLICATION),
                self.field(self.role, "role", labels["rejection_log.role"], section=APPLICATION),
                self.field(
                    self.applied_on,
                    "applied_on",
                    labels["rejection_log.applied_on_error"],
                    section=APPLICATION,
                ),
                self.field(self.stage, "stage", labels["rejection_log.stage_error"], section=APPLICATION),
                self.stage_on_row,
                self.field(
                    self.outcome, "outcome", labels["rejection_log.outcome_error"], section=APPLICATION
                ),
                self.field(
                    self.outcome_on,
                    "outcome_on",
                    labels["rejection_log.outcome_on_error"],
                    section=APPLICATION,
                ),
                self.field(
                    self.channel, "channel", labels["rejection_log.channel_error"], section=APPLICATION
                ),
                self.field(self.notes, "notes", labels["rejection_log.notes_error"], section=APPLICATION),
                self.call_section,
                hbox_of([self.save_button, self.discard_button, self.status]),
            ]
        )
        self.widget.add_class("rebound-rejection-log")  # a stable handle for browser tests and coaches' CSS
        self.watch(self.choose, lambda: self._chosen(choices.picked(self.choose)))
        for control in (self.outcome, self.channel):
            self.watch(control, self._show_call_section)
        for control in (self.stage, self.outcome_on):
            self.watch(control, self._show_stage_on)
        self.watch(self.stage_on, self._stage_on_picked)
        self.follow(journal, self._show_saved)
        self.load(application_id)

    def _call_section(self) -> w.VBox:
        return w.VBox(
            [
                self.notes_heading,
                self.field(self.held_on, "held_on", "", section=CALL),
                self.covered_label,
                *self.covered.values(),
                self.field(
                    self.questions, "questions", self.labels["rejection_log.questions_error"], section=CALL
                ),
                self.field(self.answers, "answers", self.labels["rejection_log.answers_error"], section=CALL),
                self.field(self.call_notes, "notes", self.labels["rejection_log.notes_error"], section=CALL),
                self.saved_notes.widget,
                self.feedback.widget,
            ]
        )

    @property
    def call_open(self) -> bool:
        """Whether the notes and feedback show: the outcome is a rejection, however it was told."""
        return self.outcome.value == "rejected"

    @property
    def news_texts(self) -> NewsTexts:
        """The notes section's words for the way the news came (a call, an email, not said)."""
        return getattr(self.texts, NEWS_KINDS.get(self.channel.value, "other"))

    # --- loading ------------------------------------------------------------------

    def load(self, application_id: int | None) -> None:
        """Fill the form with a stored application and its latest call notes (None: an empty form)."""
        app = self.journal.get(Application, application_id) if application_id is not None else None
        notes = self._latest_call_notes(application_id)
        self._application_id = application_id
        self._call_notes_id = notes.id if notes else None
        self._stored_stage = app.stage if app else _FIRST_STAGE
        self.company.value = app.company if app else ""
        self.role.value = app.role if app else ""
        self.applied_on.value = app.applied_on if app else None
        self.stage.value = self._stored_stage
        self.outcome.value = app.outcome if app else "pending"
        self.outcome_on.value = app.outcome_on if app else None
        self.channel.value = app.channel if app else "none"
        self.notes.value = app.notes if app else ""
        self._fill_notes(notes)
        self.feedback.reset()
        self._show_saved()
        self.clear_errors()
        self._show_stage_on()
        self._show_call_section()
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """What the person typed: the application's fields, then the notes and feedback (two tuples)."""
        return (self._application_state(), self._notes_state())

    def _application_state(self) -> tuple[object, ...]:
        controls = (self.company, self.role, self.applied_on, self.stage, self.stage_on, self.outcome,
                    self.outcome_on, self.channel, self.notes)  # fmt: skip
        return tuple(control.value for control in controls)

    def _notes_state(self) -> tuple[object, ...]:
        controls = (self.held_on, *self.covered.values(), self.questions, self.answers, self.call_notes)
        return (*(control.value for control in controls), self.feedback.text.value, tuple(self.feedback.kept))

    def _chosen(self, application_id: int | None) -> None:
        if self._loading or self.picker.refreshing:
            return
        current = self._application_id

        def switch() -> None:
            self._refresh_choices(application_id)
            self.load(application_id)

        if not self.ask_before(switch, field=APPLICATION):
            self._refresh_choices(current)  # keep showing the application whose text is in the form

    def _refresh_choices(self, application_id: int | None) -> None:
        self._loading = True
        try:
            self.picker.refresh(application_id)
        finally:
            self._loading = False

    def _latest_call_notes(self, application_id: int | None) -> CallNotes | None:
        if application_id is None:
            return None
        notes = [n for n in self.journal.records(CallNotes) if n.application_id == application_id]
        return max(notes, key=lambda n: (n.held_on, n.id), default=None)

    def _saved_feedback(self, application_id: int | None) -> list[FeedbackItem]:
        if application_id is None:
            return []
        items = [item for item in self.journal.records(FeedbackItem) if item.application_id == application_id]
        return sorted(items, key=lambda item: item.id, reverse=True)  # type: ignore[arg-type, return-value]

    # --- what was saved before ------------------------------------------------------

    def _all_notes(self) -> list[CallNotes]:
        notes = [n for n in self.journal.records(CallNotes) if n.application_id == self._application_id]
        return sorted(notes, key=lambda n: (n.held_on, n.id), reverse=True)

    def _show_saved(self) -> None:
        notes = self._all_notes() if self._application_id is not None else []
        self.saved_notes.show(
            [Shown(n.id, self.labels.day(n.held_on), _first_words(n)) for n in notes]  # type: ignore[misc]
        )
        self.feedback.show_saved(self._saved_feedback(self._application_id))

    def open_notes(self, key: object) -> None:
        """Load the saved call notes with id ``key`` into the notes section, to change them."""
        notes = self.journal.get(CallNotes, int(key))  # type: ignore[call-overload]
        self._call_notes_id = notes.id
        self._fill_notes(notes)
        self.mark_saved((self._application_state(), self._notes_state()))

    def _delete_notes(self, key: object) -> None:
        self.journal.delete(CallNotes, int(key))  # type: ignore[call-overload]
        if key == self._call_notes_id:
            self._call_notes_id = None
            self.mark_saved((self.saved_state[0], ()))  # the words stay in the form, now unsaved

    def _fill_notes(self, notes: CallNotes | None) -> None:
        self.held_on.value = notes.held_on if notes else None
        for item_id, box in self.covered.items():
            box.value = bool(notes) and item_id in notes.covered  # type: ignore[union-attr]
        self.questions.value = notes.questions if notes else ""
        self.answers.value = notes.answers if notes else ""
        self.call_notes.value = notes.notes if notes else ""

    def _show_call_section(self) -> None:
        self.call_section.layout.display = None if self.call_open else "none"
        texts = self.news_texts
        self.notes_heading.value = f"<h4 class='rebound-heading'>{escaped(texts.heading)}</h4>"
        self.held_on.description = texts.held_on
        self.relabel("held_on", texts.held_on_error, section=CALL)
        self.covered_label.value = texts.covered
        self.questions.description = texts.questions
        self.answers.description = texts.answers
        self.call_notes.description = texts.notes
        self.feedback.title.value = texts.feedback

    def _show_stage_on(self) -> None:
        # A new stage needs the date it was reached: the outcome date, else today, unless picked by hand.
        changed = self.stage.value != self._stored_stage
        self.stage_on_row.layout.display = None if changed else "none"
        self._syncing = True
        try:
            if not changed:
                self.stage_on.value, self._stage_on_by_hand = None, False
            elif not self._stage_on_by_hand:
                self.stage_on.value = self.outcome_on.value or dt.date.today()
        finally:
            self._syncing = False

    def _stage_on_picked(self) -> None:
        if not self._syncing:
            self._stage_on_by_hand = True

    # --- saving -------------------------------------------------------------------

    def application(self) -> Application:
        """The application the form holds now (ValidationError naming the field if it is not valid)."""
        return Application(
            id=self._application_id,
            company=self.company.value,
            role=self.role.value,
            applied_on=self.applied_on.value,
            stage=self.stage.value,
            outcome=self.outcome.value,
            outcome_on=self.outcome_on.value,
            channel=self.channel.value,
            notes=self.notes.value,
            stage_on=self.stage_on.value if self.stage.value != self._stored_stage else None,
        )

    @guarded
    def save(self) -> Application | None:
        """Store everything in one transaction; on bad input or a failure say why, keep the text, store nothing."""
        if choices.picked(self.choose) != self._application_id:
            # Never change an application other than the one the person sees named.
            raise ValidationError(APPLICATION, FORM_OUT_OF_STEP)
        notes = None
        self.writing = APPLICATION
        with self.journal.transaction():
            app = self._write_application()
            if self.call_open and (self._call_notes_id is not None or self._notes_typed()):
                self.writing = CALL
                notes = self._write_call_notes(app)
                self.writing = FEEDBACK
                for item in self.feedback.items_for(app.id):  # type: ignore[arg-type]
                    self.journal.update(item) if item.id is not None else self.journal.add(item)
        # Only what was stored is marked as saved: notes typed while the outcome is not a
        # rejection stay in the form, unsaved, and the status line says so.
        left_out = not self.call_open and self._notes_state() != self.saved_state[1]
        self._application_id, self._stored_stage = app.id, app.stage
        if notes is not None:
            self._call_notes_id = notes.id
            self.feedback.reset()
        self._refresh_choices(app.id)
        self._show_saved()
        self._show_stage_on()
        self.mark_saved((self._application_state(), self.saved_state[1] if left_out else self._notes_state()))
        if left_out:
            self.show_message(APPLICATION, self.texts.notes_kept)
        else:
            self.say_done()
        return app

    def _notes_typed(self) -> bool:
        texts = (self.questions, self.answers, self.call_notes, self.feedback.text)
        return bool(
            self.held_on.value
            or any(box.value for box in self.covered.values())
            or any(control.value.strip() for control in texts)
            or self.feedback.kept
        )

    def _write_application(self) -> Application:
        app = self.application()
        if app.id is None:
            return self.journal.add(app)
        if app.stage != self._stored_stage:
            return self.journal.update(app, stage_on=self.stage_on.value)
        return self.journal.update(app)

    def _write_call_notes(self, app: Application) -> CallNotes:
        notes = CallNotes(
            id=self._call_notes_id,
            application_id=app.id,  # type: ignore[arg-type]
            held_on=self.held_on.value or app.outcome_on,
            covered=[item_id for item_id, box in self.covered.items() if box.value],
            questions=self.questions.value,
            answers=self.answers.value,
            notes=self.call_notes.value,
        )
        return self.journal.update(notes) if notes.id is not None else self.journal.add(notes)


def _first_words(notes: CallNotes) -> str:
    return next((text for text in (notes.notes, notes.answers, notes.questions) if text.strip()), "")

"""The rejection log: an application, and for a rejection on a video call, the call notes and feedback."""

from __future__ import annotations

import ipywidgets as w

from workbook.errors import ValidationError
from workbook.journal import Journal
from workbook.records import Application, CallNotes, FeedbackItem
from workbook.template import CALL_COVERED, Template, load_template
from workbook.widgets import choices
from workbook.widgets.feedback import SECTION as FEEDBACK
from workbook.widgets.feedback import FeedbackDrafts
from workbook.widgets.form import WIDE_LABEL, Form, button, checkbox, heading

APPLICATION = "application"
CALL = "call"
NEW_APPLICATION = "(a new application)"


class RejectionLog(Form):
    """Add or update an application; a rejection on a video call opens the call notes and feedback.

    Save stores the application, the call notes and every feedback item in one
    transaction, so either all of it is stored or none of it.
    """

    def __init__(
        self, journal: Journal, template: Template | None = None, *, application_id: int | None = None
    ):
        super().__init__()
        self.journal = journal
        template = template or load_template()
        self.covered_list = template.checklist(CALL_COVERED)
        self.choose = w.Dropdown(description="Application", style=WIDE_LABEL)
        self.company = w.Text(description="Company", style=WIDE_LABEL)
        self.role = w.Text(description="Role", style=WIDE_LABEL)
        self.applied_on = w.DatePicker(description="Applied on", style=WIDE_LABEL)
        self.stage = w.Dropdown(description="Furthest stage", options=choices.stages(), style=WIDE_LABEL)
        self.outcome = w.Dropdown(description="Outcome", options=choices.outcomes(), style=WIDE_LABEL)
        self.outcome_on = w.DatePicker(description="Outcome date", style=WIDE_LABEL)
        self.channel = w.Dropdown(
            description="How they told me", options=choices.channels(), style=WIDE_LABEL
        )
        self.notes = w.Textarea(description="Notes", placeholder="optional", style=WIDE_LABEL)
        self.held_on = w.DatePicker(description="Call date (if not the outcome date)", style=WIDE_LABEL)
        self.covered = {item.id: checkbox(item.text) for item in self.covered_list.items}
        self.questions = w.Textarea(description="Questions I asked", style=WIDE_LABEL)
        self.answers = w.Textarea(description="Their answers", style=WIDE_LABEL)
        self.call_notes = w.Textarea(description="Other notes from the call", style=WIDE_LABEL)
        self.feedback = FeedbackDrafts(self, choices.vocabulary(template))
        self.save_button = button("Save", self.save, style="primary")
        self.discard_button = button("Discard my changes", self.discard)
        self.discard_button.layout.display = "none"
        self._loading = False
        self._loaded: tuple[object, ...] = ()
        self._wanted: int | None = None
        self._application_id: int | None = None
        self._call_notes_id: int | None = None
        self.call_section = self._call_section()
        self.widget = w.VBox(
            [
                self.choose,
                self.field(self.company, "company", "Company", section=APPLICATION),
                self.field(self.role, "role", "Role", section=APPLICATION),
                self.field(self.applied_on, "applied_on", "The application date", section=APPLICATION),
                self.field(self.stage, "stage", "The stage", section=APPLICATION),
                self.field(self.outcome, "outcome", "The outcome", section=APPLICATION),
                self.field(self.outcome_on, "outcome_on", "The outcome date", section=APPLICATION),
                self.field(self.channel, "channel", "How they told you", section=APPLICATION),
                self.field(self.notes, "notes", "The notes", section=APPLICATION),
                self.call_section,
                w.HBox([self.save_button, self.discard_button, self.status]),
            ]
        )
        self.widget.add_class("rebound-rejection-log")  # a stable handle for browser tests and coaches' CSS
        self.choose.observe(lambda change: self._chosen(change["new"]), names="value")
        for control in (self.outcome, self.channel):
            control.observe(lambda _change: self._show_call_section(), names="value")
        self._refresh_choices(application_id)
        self.load(application_id)

    def _call_section(self) -> w.VBox:
        return w.VBox(
            [
                heading("The call"),
                self.field(self.held_on, "held_on", "The call date", section=CALL),
                w.Label(self.covered_list.title),
                *self.covered.values(),
                self.field(self.questions, "questions", "Your questions", section=CALL),
                self.field(self.answers, "answers", "Their answers", section=CALL),
                self.field(self.call_notes, "notes", "The notes", section=CALL),
                self.feedback.widget,
            ]
        )

    @property
    def call_open(self) -> bool:
        """Whether the call notes show: the outcome is a rejection delivered on a video call."""
        return self.outcome.value == "rejected" and self.channel.value == "video_call"

    # --- loading ------------------------------------------------------------------

    def load(self, application_id: int | None) -> None:
        """Fill the form with a stored application and its latest call notes (None: an empty form)."""
        app = self.journal.get(Application, application_id) if application_id is not None else None
        notes = self._latest_call_notes(application_id)
        self._application_id = application_id
        self._call_notes_id = notes.id if notes else None
        self.company.value = app.company if app else ""
        self.role.value = app.role if app else ""
        self.applied_on.value = app.applied_on if app else None
        self.stage.value = app.stage if app else "applied"
        self.outcome.value = app.outcome if app else "pending"
        self.outcome_on.value = app.outcome_on if app else None
        self.channel.value = app.channel if app else "none"
        self.notes.value = app.notes if app else ""
        self.held_on.value = notes.held_on if notes else None
        for item_id, box in self.covered.items():
            box.value = bool(notes) and item_id in notes.covered  # type: ignore[union-attr]
        self.questions.value = notes.questions if notes else ""
        self.answers.value = notes.answers if notes else ""
        self.call_notes.value = notes.notes if notes else ""
        self.feedback.reset(self._saved_feedback(application_id))
        self.clear_errors()
        self._show_call_section()
        self._loaded = self._typed()
        self.discard_button.layout.display = "none"

    @property
    def unsaved(self) -> bool:
        """Whether the form holds anything typed since it was loaded or saved."""
        return self._typed() != self._loaded

    def discard(self) -> None:
        """Let go of unsaved changes and show the application the person asked for."""
        self._refresh_choices(self._wanted)
        self.load(self._wanted)

    def _typed(self) -> tuple[object, ...]:
        controls = (
            self.company, self.role, self.applied_on, self.stage, self.outcome, self.outcome_on, self.channel,
            self.notes, self.held_on, *self.covered.values(), self.questions, self.answers, self.call_notes,
            self.feedback.text,
        )  # fmt: skip
        return (*(control.value for control in controls), len(self.feedback.kept))

    def _chosen(self, application_id: int | None) -> None:
        if self._loading:
            return
        if self.unsaved:
            # Switching would replace what the person typed: keep it, and ask first.
            self._wanted = application_id
            self._refresh_choices(self._application_id)
            self.show_message(
                "application",
                "You have changes here that aren't saved yet. Save them first, or discard them to switch.",
            )
            self.discard_button.layout.display = None
            return
        self.load(application_id)

    def _refresh_choices(self, application_id: int | None) -> None:
        self._loading = True
        try:
            self.choose.options = choices.applications(self.journal, none=NEW_APPLICATION)
            self.choose.value = application_id
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
        return [item for item in self.journal.records(FeedbackItem) if item.application_id == application_id]

    def _show_call_section(self) -> None:
        self.call_section.layout.display = None if self.call_open else "none"

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
        )

    def save(self) -> Application | None:
        """Store everything in one transaction; on bad input show why next to the field and store nothing."""
        self.clear_errors()
        section, notes = APPLICATION, None
        try:
            with self.journal.transaction():
                app = self._write_application()
                if self.call_open:
                    section = CALL
                    notes = self._write_call_notes(app)
                    section = FEEDBACK
                    for item in self.feedback.items_for(app.id):  # type: ignore[arg-type]
                        self.journal.add(item)
        except ValidationError as error:
            self.show_error(error, section=section)
            return None
        # The form keeps showing what was typed; only what was stored is marked as saved.
        # Call notes typed while the call section is hidden stay in the form, unsaved.
        self._application_id = app.id
        if notes is not None:
            self._call_notes_id = notes.id
            self.feedback.reset(self._saved_feedback(app.id))
        self._refresh_choices(app.id)
        self._loaded = self._typed()
        self.discard_button.layout.display = "none"
        self.say_done()
        return app

    def _write_application(self) -> Application:
        app = self.application()
        return self.journal.update(app) if app.id is not None else self.journal.add(app)

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

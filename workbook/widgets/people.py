"""People met at an employer (name, role, how to reach them), and whether they invited the person back.

The door a rejection call leaves open is kept by people: this form notes who
the person spoke with for each application, so the thank-you note and the
reconnect date have a name.  The "They invited me to apply again" box is
stored on the application itself (:attr:`~workbook.records.Application.invited_back`)
the moment it is ticked.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

import ipywidgets as w

from workbook.growth_records import Person
from workbook.journal import Journal
from workbook.records import Application
from workbook.template import Template, load_template
from workbook.widgets import choices
from workbook.widgets.form import (
    WIDE_LABEL,
    Form,
    checkbox,
    guarded,
    hbox_of,
    heading,
    house_style,
    html_of,
    text_area,
)
from workbook.widgets.saved import SavedList, Shown, delete_edited

if TYPE_CHECKING:
    from workbook.session import Workbook

#: The width of the one-line text boxes.
LINE_WIDTH = "min(36em, 95%)"


def line(description: str, placeholder: str = "") -> w.Text:
    """A one-line text box with its whole label."""
    return w.Text(
        description=description, placeholder=placeholder, style=WIDE_LABEL, layout=w.Layout(width=LINE_WIDTH)
    )


class PeopleMet(Form):
    """Who the person met for an application, and whether they were invited to apply again.

    Save stores the person (or the edited one); name, role, contact and note
    clear for the next one, the application stays.  The people saved before
    are listed newest first, with Edit and Delete (which asks once).
    """

    def __init__(
        self, journal: Journal, template: Template | None = None, *, application_id: int | None = None
    ) -> None:
        template = template or load_template()
        super().__init__(template.messages)
        self.journal = journal
        self.labels = labels = template.labels
        self.picker = choices.application_picker(
            journal, labels["people.application"], none=labels["people.choose"], value=application_id
        )
        self.application = self.picker.dropdown
        self.name = line(labels["people.name"])
        self.role = line(labels["people.role"], labels["people.role_placeholder"])
        self.contact = line(labels["people.contact"], labels["people.contact_placeholder"])
        self.note = text_area(labels["people.note"], labels["common.optional"])
        self.invited = checkbox(labels["people.invited"])
        self.invited_status = html_of()
        self.save_button = self.button(labels["common.save"], self.save, style="primary")
        self.editing: int | None = None
        self._loading = False
        self.saved = SavedList(
            self, labels, labels["people.saved_title"], on_edit=self.open_person, on_delete=self._delete
        )
        self.widget = w.VBox(
            [
                house_style(),
                heading(labels["people.title"], labels["people.intro"]),
                self.field(self.application, "application_id", labels["common.application_error"]),
                hbox_of([self.invited, self.invited_status]),
                self.field(self.name, "name", labels["people.name_error"]),
                self.field(self.role, "role", labels["people.role_error"]),
                self.field(self.contact, "contact", labels["people.contact_error"]),
                self.field(self.note, "note", labels["people.note_error"]),
                hbox_of([self.save_button, self.discard_button, self.status]),
                self.saved.widget,
            ]
        )
        self.widget.add_class("rebound-people")
        self.watch(self.application, self._show_invitation)
        self.watch(self.invited, lambda: self._invited_changed(self.invited.value))
        self.follow(journal, self._refresh)
        self._refresh()
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """Name, role, contact and note as typed now."""
        return tuple(control.value for control in (self.name, self.role, self.contact, self.note))

    @guarded
    def save(self) -> Person | None:
        """Store the person (or the edited one); on bad input or a failure say why, keep every field, store nothing."""
        person = Person(
            id=self.editing,
            application_id=self.picker.selected,  # type: ignore[arg-type]  # None is refused by name
            name=self.name.value,
            role=self.role.value,
            contact=self.contact.value,
            note=self.note.value,
        )
        saved = self.journal.update(person) if person.id is not None else self.journal.add(person)
        self.editing = None
        for control in (self.name, self.role, self.contact, self.note):
            control.value = ""
        self.mark_saved()
        self.say_done()
        return saved

    @guarded
    def set_invited(self, invited: bool) -> Application | None:
        """Store on the chosen application whether its employer invited the person to apply again."""
        self.invited_status.value = ""
        if self.picker.selected is None:
            self.show_message("application_id", self.labels["people.choose_first"])
            return None
        app = self.journal.get(Application, self.picker.selected)
        saved = self.journal.update(app.replace(invited_back=invited))
        self.say_done(self.labels["people.invited_saved" if invited else "people.invited_removed"])
        return saved

    def open_person(self, key: Hashable) -> None:
        """Load a saved person into the form to change it; Save then updates it."""
        person = self.journal.get(Person, int(key))  # type: ignore[call-overload]
        self.editing = person.id
        self.picker.refresh(person.application_id)
        self.name.value, self.role.value = person.name, person.role
        self.contact.value, self.note.value = person.contact, person.note
        self.clear_errors()
        self.mark_saved()

    def _delete(self, key: Hashable) -> None:
        delete_edited(self, Person, key)

    def _invited_changed(self, invited: bool) -> None:
        if self._loading:
            return
        if self.set_invited(invited) is None:
            self._set_box(not invited)  # not stored: the box shows what the journal holds

    def _show_invitation(self) -> None:
        selected = self.picker.selected
        invited = False
        if selected is not None:
            invited = any(app.invited_back for app in self.journal.records(Application) if app.id == selected)
        self._set_box(invited)
        self.invited.disabled = selected is None

    def _set_box(self, value: bool) -> None:
        self._loading = True
        try:
            self.invited.value = value
        finally:
            self._loading = False

    def _refresh(self) -> None:
        self._show_invitation()
        apps = {app.id: app for app in self.journal.records(Application)}
        people = sorted(self.journal.records(Person), key=lambda p: p.id or 0, reverse=True)
        self.saved.show([Shown(p.id, self._heading(p, apps.get(p.application_id)), p.note) for p in people])

    def _heading(self, person: Person, app: Application | None) -> str:
        where = choices.company_and_role(app)
        return " · ".join(part for part in (person.name, person.role, person.contact, where) if part)


def people_widget(book: Workbook, *, application_id: int | None = None) -> PeopleMet:
    """The people-met form for a notebook: ``wb.people_met()``."""
    return PeopleMet(book.journal, book.template, application_id=application_id)

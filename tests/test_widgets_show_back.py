"""Show back what the person wrote: saved entries are listed where they were written, to open again or delete.

Every test uses a real journal file; deleting asks once ("Delete this for
good?") and goes through the form's failure guard; opening an entry never
replaces unsaved text without asking.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workbook.journal import Journal
from workbook.records import Application, CallNotes, ChecklistRun, FeedbackItem, Reflection, SupportContact
from workbook.template import load_template
from workbook.widgets import ChecklistForm, ReflectionForm, RejectionLog, SupportLog

TEMPLATE = load_template()
DAY = dt.date.today() - dt.timedelta(days=10)


def stored(journal_file: Path, kind: type) -> list:
    with Journal(journal_file) as again:
        return again.records(kind)


def first_set() -> str:
    return next(iter(TEMPLATE.reflections))


# --- reflections ------------------------------------------------------------------


def test_rerunning_the_reflection_cell_lists_the_saved_answers_newest_first(journal: Journal) -> None:
    prompts = TEMPLATE.prompt_set(first_set())
    first_prompt = prompts.prompts[0].id
    for answer in ("An older answer", "A newer answer"):
        form = ReflectionForm(journal, prompts)
        form.answers[first_prompt].value = answer
        form.save_button.click()
        form._at = None  # the second entry is saved a moment later
    journal.update(journal.records(Reflection)[0].replace(at=dt.datetime(2026, 1, 2, 9, 0)))

    again = ReflectionForm(journal, prompts)  # what a re-run cell shows
    rows = list(again.saved.rows.values())
    assert len(rows) == 2
    assert "A newer answer" in rows[0].text.value and "An older answer" in rows[1].text.value
    assert "2 Jan 2026, 09:00" in rows[1].text.value


def test_a_saved_reflection_opens_to_keep_writing_and_save_updates_it(
    journal: Journal, journal_file: Path
) -> None:
    prompts = TEMPLATE.prompt_set(first_set())
    first_prompt = prompts.prompts[0].id
    form = ReflectionForm(journal, prompts)
    form.answers[first_prompt].value = "Started"
    form.save_button.click()

    again = ReflectionForm(journal, prompts)
    assert again.answers[first_prompt].value == ""
    [row] = again.saved.rows.values()
    row.edit_button.click()
    assert again.answers[first_prompt].value == "Started"
    again.answers[first_prompt].value = "Started, and went on"
    again.save_button.click()

    [record] = stored(journal_file, Reflection)
    assert record.answer == "Started, and went on"


def test_opening_a_saved_reflection_asks_before_replacing_unsaved_text(journal: Journal) -> None:
    prompts = TEMPLATE.prompt_set(first_set())
    first_prompt = prompts.prompts[0].id
    form = ReflectionForm(journal, prompts)
    form.answers[first_prompt].value = "Saved one"
    form.save_button.click()
    form.start_new()
    form.answers[first_prompt].value = "Typed, not saved"

    [row] = form.saved.rows.values()
    row.edit_button.click()
    assert form.answers[first_prompt].value == "Typed, not saved"
    assert "aren't saved yet" in form.error_text("answer") or "aren't saved" in form.status_text
    form.discard_button.click()
    assert form.answers[first_prompt].value == "Saved one"


def test_deleting_a_reflection_asks_once_then_deletes_it(journal: Journal, journal_file: Path) -> None:
    prompts = TEMPLATE.prompt_set(first_set())
    form = ReflectionForm(journal, prompts)
    for prompt in prompts.prompts[:2]:
        form.answers[prompt.id].value = f"About {prompt.id}"
    form.save_button.click()
    form.start_new()

    [row] = form.saved.rows.values()
    row.delete_button.click()
    assert row.asking and len(stored(journal_file, Reflection)) == 2  # asked, nothing deleted yet
    row.keep_button.click()
    assert not row.asking and len(stored(journal_file, Reflection)) == 2
    row.delete_button.click()
    row.yes_button.click()
    assert stored(journal_file, Reflection) == []
    assert form.saved.rows == {} and form.saved.widget.layout.display == "none"
    assert form.status_text.startswith("Deleted at ")


# --- support ----------------------------------------------------------------------


def test_people_talked_to_are_listed_and_open_to_change(journal: Journal, journal_file: Path) -> None:
    journal.add(SupportContact(talked_on=DAY, who="Sam", helped=3, note="Coffee"))
    journal.add(SupportContact(talked_on=DAY + dt.timedelta(days=2), who="Priya"))
    log = SupportLog(journal)
    names = [row.entry.heading for row in log.saved.rows.values()]
    assert names[0].endswith("Priya") and "Sam · helped 3 of 5" in names[1]

    list(log.saved.rows.values())[1].edit_button.click()
    assert (log.who.value, log.helped.value, log.note.value) == ("Sam", 3, "Coffee")
    log.note.value = "Coffee and a long walk"
    log.save_button.click()
    assert sorted(c.note for c in stored(journal_file, SupportContact)) == ["", "Coffee and a long walk"]
    assert len(stored(journal_file, SupportContact)) == 2


def test_a_person_talked_to_is_deleted_after_asking_once(journal: Journal, journal_file: Path) -> None:
    journal.add(SupportContact(talked_on=DAY, who="Sam"))
    log = SupportLog(journal)
    [row] = log.saved.rows.values()
    row.delete_button.click()
    assert len(stored(journal_file, SupportContact)) == 1
    row.yes_button.click()
    assert stored(journal_file, SupportContact) == []


def test_a_delete_that_fails_says_so_and_keeps_the_list(journal: Journal, journal_file: Path) -> None:
    contact = journal.add(SupportContact(talked_on=DAY, who="Sam"))
    log = SupportLog(journal)
    with Journal(journal_file) as elsewhere:
        elsewhere.delete(SupportContact, contact.id)
    [row] = log.saved.rows.values()
    row.delete_button.click()
    row.yes_button.click()
    assert log.status_text.startswith("Not saved:") and f"id {contact.id}" in log.status_text


# --- call notes and feedback ----------------------------------------------------------


def rejected(journal: Journal) -> Application:
    return journal.add(
        Application(
            company="Acme",
            role="Analyst",
            applied_on=DAY,
            outcome="rejected",
            outcome_on=DAY + dt.timedelta(days=3),
            channel="phone",
        )  # fmt: skip
    )


def test_call_notes_and_feedback_show_back_to_edit(journal: Journal, journal_file: Path) -> None:
    app = rejected(journal)
    journal.add(CallNotes(application_id=app.id, held_on=DAY + dt.timedelta(days=3), notes="Short and kind"))
    journal.add(FeedbackItem(application_id=app.id, text="More depth in SQL", themes=("technical_depth",)))
    journal.add(FeedbackItem(application_id=app.id, text="Strong field"))

    log = RejectionLog(journal, application_id=app.id)
    [notes] = log.saved_notes.rows.values()
    assert "Short and kind" in notes.text.value
    feedback = list(log.feedback.saved.rows.values())
    assert ["Strong field" in feedback[0].text.value, "More depth" in feedback[1].text.value] == [True, True]

    feedback[1].edit_button.click()
    assert log.feedback.text.value == "More depth in SQL" and log.feedback.ticked == ("technical_depth",)
    log.feedback.text.value = "More depth in SQL window functions"
    log.save_button.click()
    texts = sorted(item.text for item in stored(journal_file, FeedbackItem))
    assert texts == ["More depth in SQL window functions", "Strong field"]


def test_call_notes_and_feedback_are_deleted_after_asking_once(journal: Journal, journal_file: Path) -> None:
    app = rejected(journal)
    journal.add(CallNotes(application_id=app.id, held_on=DAY + dt.timedelta(days=3), notes="Short"))
    journal.add(FeedbackItem(application_id=app.id, text="Strong field"))
    log = RejectionLog(journal, application_id=app.id)

    [item] = log.feedback.saved.rows.values()
    item.delete_button.click()
    item.yes_button.click()
    assert stored(journal_file, FeedbackItem) == []

    [notes] = log.saved_notes.rows.values()
    notes.delete_button.click()
    assert len(stored(journal_file, CallNotes)) == 1
    notes.yes_button.click()
    assert stored(journal_file, CallNotes) == []
    assert log.call_notes.value == "Short" and log.unsaved  # the words stay in the form, unsaved


# --- checklists -------------------------------------------------------------------------


def test_each_application_has_its_own_checklist_run(journal: Journal, journal_file: Path) -> None:
    checklist = TEMPLATE.checklist("before_call")
    acme = journal.add(Application(company="Acme", role="Analyst", applied_on=DAY))
    globex = journal.add(Application(company="Globex", role="Analyst", applied_on=DAY))
    form = ChecklistForm(journal, checklist, application_id=acme.id)
    form.boxes["calm"].value = True
    form.save_button.click()
    assert form.last_saved.value.startswith("Last saved ")

    form.application.value = globex.id  # picking another application starts it fresh
    assert form.ticked == () and form.last_saved.value == ""
    form.boxes["notes"].value = True
    form.save_button.click()

    form.application.value = acme.id  # and picking the first loads its own run
    assert form.ticked == ("calm",)
    form.boxes["questions"].value = True
    form.save_button.click()  # saving again updates that run
    runs = stored(journal_file, ChecklistRun)
    assert len(runs) == 2
    assert {run.application_id: run.ticked for run in runs} == {
        acme.id: ("calm", "questions"),
        globex.id: ("notes",),
    }


def test_last_saved_reads_as_a_day_and_a_time(journal: Journal) -> None:
    checklist = TEMPLATE.checklist("before_call")
    journal.add(
        ChecklistRun(at=dt.datetime(2026, 10, 3, 14, 2), checklist_id="before_call", ticked=("calm",))
    )
    form = ChecklistForm(journal, checklist)
    assert form.last_saved.value == "Last saved 3 Oct 2026, 14:02"
    [row] = form.saved.rows.values()
    assert "3 Oct 2026, 14:02" in row.text.value and "calm" not in row.text.value  # items by their words


def test_picking_an_application_with_unsaved_ticks_asks_first(journal: Journal) -> None:
    checklist = TEMPLATE.checklist("before_call")
    acme = journal.add(Application(company="Acme", role="Analyst", applied_on=DAY))
    journal.add(ChecklistRun(at=dt.datetime(2026, 10, 3, 14, 2), checklist_id="before_call",
                             ticked=("notes",), application_id=acme.id))  # fmt: skip
    form = ChecklistForm(journal, checklist)
    form.boxes["calm"].value = True
    form.application.value = acme.id
    assert form.ticked == ("calm",) and form.application.label == "(no application)"  # kept, and asked
    form.discard_button.click()
    assert form.ticked == ("notes",) and form.application.value == acme.id


def test_a_checklist_run_is_deleted_after_asking_once(journal: Journal, journal_file: Path) -> None:
    checklist = TEMPLATE.checklist("before_call")
    journal.add(
        ChecklistRun(at=dt.datetime(2026, 10, 3, 14, 2), checklist_id="before_call", ticked=("calm",))
    )
    form = ChecklistForm(journal, checklist)
    [row] = form.saved.rows.values()
    row.delete_button.click()
    assert len(stored(journal_file, ChecklistRun)) == 1
    row.yes_button.click()
    assert stored(journal_file, ChecklistRun) == [] and form.last_saved.value == ""


def test_the_line_under_a_full_list_counts_the_older_entries_in_words() -> None:
    import ipywidgets as w

    from workbook.widgets.form import Form, plain_text
    from workbook.widgets.saved import SavedList, Shown

    labels = load_template().labels
    listing = SavedList(
        Form(load_template().messages), labels, "Saved", on_edit=print, on_delete=print, shown=2
    )
    entries = [Shown(key=n, heading=f"Entry {n}", text="") for n in range(3)]
    listing.show(entries)
    assert plain_text(listing.more.value) == "One older one is in Your journal."
    listing.show([*entries, Shown(key=3, heading="Entry 3", text="")])
    assert plain_text(listing.more.value) == "2 older ones are in Your journal."
    listing.show(entries[:2])
    assert listing.more.value == "" and isinstance(listing.widget, w.VBox)

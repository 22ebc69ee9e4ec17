"""Reflection: answer a prompt set all at once or one at a time; answers are saved together."""

from __future__ import annotations

import re
from pathlib import Path

from workbook.journal import Journal
from workbook.records import Reflection
from workbook.template import load_template
from workbook.values import MAX_TEXT
from workbook.widgets import ReflectionForm


def stored_reflections(journal_file: Path) -> list[Reflection]:
    with Journal(journal_file) as again:
        return again.records(Reflection)


def test_answers_are_saved_together_and_empty_prompts_skipped(journal: Journal, journal_file: Path) -> None:
    prompts = load_template().prompt_set("after_call")
    form = ReflectionForm(journal, prompts)
    form.answers["feel"].value = "Flat, and a bit embarrassed."
    form.answers["did_well"].value = "My portfolio walkthrough."
    form.save_button.click()

    feel, did_well = stored_reflections(journal_file)
    assert (feel.prompt_id, feel.answer) == ("after_call.feel", "Flat, and a bit embarrassed.")
    assert feel.prompt == prompts.prompts[0].text
    assert (did_well.prompt_id, did_well.answer) == ("after_call.did_well", "My portfolio walkthrough.")
    assert feel.at == did_well.at
    assert re.fullmatch(r"Saved at \d\d:\d\d", form.status_text)
    assert form.answers["feel"].value == "Flat, and a bit embarrassed."


def test_saving_again_updates_the_same_entry(journal: Journal, journal_file: Path) -> None:
    form = ReflectionForm(journal, load_template().prompt_set("after_call"))
    form.answers["feel"].value = "Flat."
    form.answers["talk"].value = "Priya"
    form.save_button.click()
    form.answers["feel"].value = "Flat, but better after lunch."
    form.answers["talk"].value = ""
    form.save_button.click()

    [feel] = stored_reflections(journal_file)
    assert feel.answer == "Flat, but better after lunch."

    form.start_new()
    assert form.answers["feel"].value == ""
    form.answers["learned"].value = "They value testing."
    form.save_button.click()
    assert [r.prompt_id for r in stored_reflections(journal_file)] == [
        "after_call.feel",
        "after_call.learned",
    ]


def test_one_prompt_at_a_time(journal: Journal) -> None:
    form = ReflectionForm(journal, load_template().prompt_set("gibbs"), one_at_a_time=True)
    assert form.position.value == "Prompt 1 of 6"
    assert form.prompts_box.children == (form.blocks[0],)
    assert form.back_button.disabled
    form.next_button.click()
    form.next_button.click()
    assert form.position.value == "Prompt 3 of 6"
    assert form.prompts_box.children == (form.blocks[2],)
    form.back_button.click()
    assert form.position.value == "Prompt 2 of 6"

    form.one_at_a_time.value = False
    assert len(form.prompts_box.children) == 6
    assert form.stepper.layout.display == "none"


def test_saving_with_no_answer_says_so_and_stores_nothing(journal: Journal) -> None:
    form = ReflectionForm(journal, load_template().prompt_set("thought_record"))
    form.save_button.click()
    assert form.status_text == "Write at least one answer before saving."
    assert journal.counts()["reflections"] == 0


def test_an_overlong_answer_is_explained_under_its_prompt_and_nothing_is_stored(journal: Journal) -> None:
    form = ReflectionForm(journal, load_template().prompt_set("gibbs"), one_at_a_time=True)
    form.answers["description"].value = "Video call, ten minutes, with the hiring manager."
    form.answers["analysis"].value = "x" * (MAX_TEXT + 1)
    before = journal.counts()
    form.save_button.click()

    assert (
        form.error_text("answer", section="analysis")
        == "Your answer: is 20,001 characters long; the limit is 20,000"
    )
    assert form.error_text("answer", section="description") == ""
    assert form.position.value == "Prompt 4 of 6"
    assert journal.counts() == before
    assert form.answers["description"].value == "Video call, ten minutes, with the hiring manager."
    assert len(form.answers["analysis"].value) == MAX_TEXT + 1


def test_creating_and_displaying_a_reflection_writes_nothing(journal: Journal) -> None:
    before = journal.counts()
    ReflectionForm(journal, load_template().prompt_set("gibbs"))._repr_mimebundle_()
    assert journal.counts() == before


def test_starting_a_new_entry_asks_before_clearing_unsaved_answers(
    journal: Journal, journal_file: Path
) -> None:
    form = ReflectionForm(journal, load_template().prompt_set("after_call"))
    form.answers["feel"].value = "Saved already."
    form.save_button.click()
    form.answers["learned"].value = "Not saved yet: they value testing."
    form.new_button.click()

    assert form.answers["learned"].value == "Not saved yet: they value testing."
    assert "aren't saved yet" in form.status_text
    assert form.discard_button.layout.display != "none"
    assert form.unsaved
    form.discard_button.click()
    assert all(box.value == "" for box in form.answers.values())
    assert not form.unsaved and form.discard_button.layout.display == "none"
    assert [r.answer for r in stored_reflections(journal_file)] == ["Saved already."]


def test_starting_a_new_entry_after_saving_needs_no_confirmation(journal: Journal) -> None:
    form = ReflectionForm(journal, load_template().prompt_set("after_call"))
    form.answers["feel"].value = "Tired."
    form.save_button.click()
    form.new_button.click()
    assert form.answers["feel"].value == ""
    assert form.discard_button.layout.display == "none"

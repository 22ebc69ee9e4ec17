"""The coach's template editor: reword and add, preview with the edit, save a file `workbook init` accepts."""

from __future__ import annotations

import stat
from pathlib import Path

import nbformat
import pytest
import yaml

from workbook.folder import create_folder
from workbook.template import load_template
from workbook.themes import classify, load_vocabulary
from workbook.widgets import ChecklistForm, QuestionBank, ReflectionForm
from workbook.widgets.template_editor import TemplateEditor, new_id

ROOT = Path(__file__).resolve().parent.parent


def pick(dropdown, value: object) -> None:
    dropdown.value = value


def test_rewording_and_adding_checklist_items_are_saved_and_init_builds_from_the_file(tmp_path: Path) -> None:
    target = tmp_path / "graduates.yaml"
    editor = TemplateEditor(target)
    editor.sections.children[0].children[0].value = "Bounce Forward"
    pick(editor.checklist_picker, "before_call")
    editor.checklist_items.rows[0].value = "I breathed slowly for a minute"
    editor.checklist_items.new_text.value = "My portfolio is open in another tab"
    editor.checklist_items.add_button.click()

    editor.save_button.click()

    assert editor.status_text.startswith(f"Saved to {target} at ")
    assert "workbook init FOLDER --template" in editor.next_step.value
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    items = load_template(target).checklist("before_call").items
    assert items[0].text == "I breathed slowly for a minute" and items[0].id == "calm"
    assert (items[-1].id, items[-1].text) == (
        "my_portfolio_is_open_in_another_tab",
        "My portfolio is open in another tab",
    )
    folder = create_folder(tmp_path / "client", target)
    start = nbformat.read(folder / "notebooks" / "00_start_here.ipynb", as_version=4)
    assert start.cells[0].source.startswith("# Bounce Forward\n")
    assert not editor.unsaved


def test_preview_shows_the_checklist_as_edited_on_a_scratch_journal(tmp_path: Path) -> None:
    editor = TemplateEditor(tmp_path / "t.yaml")
    pick(editor.checklist_picker, "after_call")
    editor.checklist_items.new_text.value = "I went for a walk"
    editor.checklist_items.add_button.click()
    pick(editor.preview_what, ("checklist", "after_call"))

    form = editor.preview()

    assert isinstance(form, ChecklistForm)
    assert "I went for a walk" in [box.description for box in form.boxes.values()]
    assert editor.preview_area.children == (form.widget,)
    assert not form.journal.path.is_relative_to(tmp_path)
    assert not (tmp_path / "t.yaml").exists()  # previewing saves nothing


def test_prompts_and_questions_are_reworded_added_and_removed(tmp_path: Path) -> None:
    target = tmp_path / "t.yaml"
    editor = TemplateEditor(target)
    pick(editor.prompt_picker, "after_call")
    editor.prompt_items.rows[0].value = "What is one thing you would keep exactly as it was?"
    first_question = editor.questions.items[0]["id"]
    editor.questions.remove(0)
    editor.questions.add("Who else was in the running?")
    pick(editor.preview_what, ("prompts", "after_call"))
    assert isinstance(editor.preview(), ReflectionForm)
    pick(editor.preview_what, ("questions", None))
    bank = editor.preview()
    assert isinstance(bank, QuestionBank)
    assert "Who else was in the running?" in [box.description for box in bank.ask.values()]

    editor.save_button.click()

    saved = load_template(target)
    assert (
        saved.prompt_set("after_call").prompts[0].text
        == "What is one thing you would keep exactly as it was?"
    )
    assert first_question not in [q.id for q in saved.questions]
    assert saved.questions[-1].text == "Who else was in the running?"


def test_a_new_theme_and_a_renamed_one_classify_feedback_after_saving(tmp_path: Path) -> None:
    target = tmp_path / "t.yaml"
    editor = TemplateEditor(target)
    assert editor.themes.add("Portfolio", "portfolio, case study") == "portfolio"
    pick(editor.themes.picker, "communication")
    editor.themes.label.value = "Telling your story"

    editor.save_button.click()

    vocabulary = load_vocabulary(load_template(target).feedback_themes)
    assert vocabulary["communication"].label == "Telling your story"
    found = {match.theme for match in classify("Your case study was thin", vocabulary)}
    assert found == {"portfolio"}
    assert "communicat*" in vocabulary["communication"].keywords  # the built-in words are kept


def test_a_theme_needs_a_name_and_words_and_an_item_needs_text(tmp_path: Path) -> None:
    editor = TemplateEditor(tmp_path / "t.yaml")
    assert editor.themes.add("Portfolio", " , ") is None
    assert "at least one word" in editor.themes.message.value
    assert editor.questions.add("   ") is None
    assert "Write the text first" in editor.questions.message.value
    assert not editor.unsaved


def test_a_template_that_would_be_refused_is_not_written_and_every_edit_stays(tmp_path: Path) -> None:
    target = tmp_path / "t.yaml"
    editor = TemplateEditor(target)
    title = editor.sections.children[0].children[0]
    title.value = "   "
    editor.checklist_items.new_text.value = "Kept"
    editor.checklist_items.add_button.click()

    editor.save_button.click()

    assert editor.status_text.startswith("Not saved:") and "title" in editor.status_text
    assert not target.exists()
    assert editor.unsaved and editor.checklist_items.rows[-1].value == "Kept"
    pick(editor.preview_what, ("checklist", "before_call"))
    assert editor.preview() is None
    assert "Cannot preview yet" in editor.preview_status.value


def test_the_editor_opens_a_saved_template_to_change_it_again(tmp_path: Path) -> None:
    target = tmp_path / "t.yaml"
    first = TemplateEditor(target)
    first.sections.children[0].children[1].value = "Sam Okafor"
    first.save_button.click()

    again = TemplateEditor(target)

    assert again.sections.children[0].children[1].value == "Sam Okafor"
    assert again.data["coach"]["name"] == "Sam Okafor"


def test_a_broken_file_is_refused_when_opened(tmp_path: Path) -> None:
    from workbook.errors import TemplateError

    target = tmp_path / "t.yaml"
    data = yaml.safe_load((ROOT / "workbook" / "templates" / "default.yaml").read_text(encoding="utf-8"))
    target.write_text(yaml.safe_dump({**data, "title": 3}))
    with pytest.raises(TemplateError, match="title"):
        TemplateEditor(target)


@pytest.mark.parametrize(
    ("text", "taken", "expected"),
    [("Ask about the team", set(), "ask_about_the_team"), ("Équipe !", set(), "equipe"), ("???", set(), "item"),
     ("calm", {"calm", "calm_2"}, "calm_3")],
)  # fmt: skip
def test_new_ids_are_short_lowercase_and_unique(text: str, taken: set[str], expected: str) -> None:
    assert new_id(text, taken) == expected


def test_the_coach_notebook_keeps_its_cells_short_and_stripped() -> None:
    notebook = nbformat.read(ROOT / "notebooks" / "coach" / "design_a_template.ipynb", as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert all(len(cell.source.splitlines()) <= 3 for cell in code)
    assert "TemplateEditor" in "".join(cell.source for cell in code)


def test_the_coach_notebook_runs_and_shows_the_editor(tmp_path: Path) -> None:
    from nbclient import NotebookClient

    notebook = nbformat.read(ROOT / "notebooks" / "coach" / "design_a_template.ipynb", as_version=4)
    NotebookClient(notebook, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()

    shown = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in shown if o.output_type == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in shown)

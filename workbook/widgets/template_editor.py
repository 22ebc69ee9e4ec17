"""A coach's template, edited with widgets, previewed, and saved as YAML that ``workbook init`` accepts.

:class:`TemplateEditor` starts from a template file (or the built-in one), lets
a coach reword and add checklist items, reflection prompts, questions and
feedback themes, and the title, welcome and coach line; *Preview* shows a
checklist, a prompt set or the question bank built with the edited template
(on a scratch journal of its own, never the coach's); *Save template* checks
the whole template first and writes the file only when it loads back as it is.
The editor's own words come from the built-in template's
``widgets.template_editor`` texts.
"""

from __future__ import annotations

import copy
import json
import re
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as w

from workbook.errors import TemplateError
from workbook.files import write_private_text
from workbook.journal import Journal
from workbook.labels import Labels
from workbook.template import (
    Template,
    default_template,
    dump_template,
    load_template,
    merged_template_data,
)
from workbook.template.merge import REPLACEABLE
from workbook.widgets.form import (
    WIDE_LABEL,
    Form,
    button,
    escaped,
    guarded,
    hbox_of,
    heading,
    html_of,
    text_area,
    vbox_of,
)

#: Where a coach's template is saved unless they say otherwise (beside the notebook).
DEFAULT_FILE = "my_template.yaml"
_ROW = w.Layout(width="min(50em, 90%)")


def starting_data(path: str | Path | None = None) -> dict[str, Any]:
    """The template to edit as a mapping: the built-in one, with the file at ``path`` over it when there is one.

    The saved file is complete, so it says ``replace:`` for every list a coach can
    shorten: an item removed here stays removed, instead of coming back from the built-in one.
    """
    own = Path(path).expanduser() if path is not None and Path(path).expanduser().is_file() else None
    data = merged_template_data(own)  # a broken file is refused here, naming its field
    data["replace"] = list(REPLACEABLE)
    return data


def new_id(text: str, taken: list[str] | set[str]) -> str:
    """A short lowercase id for ``text``, unlike any of ``taken`` ("Ask about the team" -> "ask_about_the_team")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    stem = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:40].rstrip("_") or "item"
    candidate, number = stem, 2
    while candidate in taken:
        candidate, number = f"{stem}_{number}", number + 1
    return candidate


class ItemsEditor:
    """One list of template items (``{id, text}``): a text box to reword each, Remove, and a box to add one."""

    def __init__(self, items: list[dict[str, Any]], labels: Labels, on_change: Callable[[], None]) -> None:
        self.labels = labels
        self.on_change = on_change
        self.new_text = w.Text(placeholder=labels["template_editor.new_item"], layout=_ROW)
        self.add_button = button(labels["template_editor.add"], self.add_typed)
        self.message = html_of()
        self.widget = w.VBox()
        self.show(items)

    def show(self, items: list[dict[str, Any]]) -> None:
        """Edit ``items`` (the template's own list, changed in place) from now on."""
        self.items = items
        self.rows = [self._text_box(item) for item in items]
        removers = [
            button(self.labels["template_editor.remove"], lambda n=n: self.remove(n))
            for n in range(len(items))
        ]
        self.widget.children = [
            *(hbox_of([row, remove]) for row, remove in zip(self.rows, removers)),
            hbox_of([self.new_text, self.add_button]),
            self.message,
        ]

    def add(self, text: str) -> str | None:
        """Add an item with ``text``; return its new id (None, with a message, when the text is empty)."""
        if not text.strip():
            self.message.value = escaped(self.labels["template_editor.item_empty"])
            return None
        item_id = new_id(text, {item["id"] for item in self.items})
        self.items.append({"id": item_id, "text": text.strip()})
        self.message.value = ""
        self.show(self.items)
        self.on_change()
        return item_id

    def add_typed(self) -> None:
        """Add what is typed in the new-item box, and empty the box."""
        if self.add(self.new_text.value):
            self.new_text.value = ""

    def remove(self, index: int) -> None:
        """Take out the item at ``index``."""
        del self.items[index]
        self.show(self.items)
        self.on_change()

    def _text_box(self, item: dict[str, Any]) -> w.Text:
        box = w.Text(value=item["text"], layout=_ROW)

        def reword(change: dict[str, Any]) -> None:
            item["text"] = change["new"]
            self.on_change()

        box.observe(reword, names="value")
        return box


class ThemesEditor:
    """Feedback themes: rename one or give it more signal words, or add a theme of one's own."""

    def __init__(self, data: dict[str, Any], labels: Labels, on_change: Callable[[], None]) -> None:
        self.data = data
        self.labels = labels
        self.on_change = on_change
        self.picker = w.Dropdown(description=labels["template_editor.theme"], style=WIDE_LABEL)
        self.label = w.Text(description=labels["template_editor.theme_label"], style=WIDE_LABEL, layout=_ROW)
        self.keywords = text_area(labels["template_editor.keywords"])
        self.new_label = w.Text(
            description=labels["template_editor.new_theme"], style=WIDE_LABEL, layout=_ROW
        )
        self.new_keywords = text_area(labels["template_editor.keywords"])
        self.add_button = button(labels["template_editor.add"], self.add_typed)
        self.message = html_of()
        self._showing = False
        self.picker.observe(lambda _change: self._show_picked(), names="value")
        self.label.observe(lambda _change: self._store_picked(), names="value")
        self.keywords.observe(lambda _change: self._store_picked(), names="value")
        self.widget = w.VBox(
            [
                self.picker,
                self.label,
                self.keywords,
                self.new_label,
                self.new_keywords,
                self.add_button,
                self.message,
            ]
        )
        self._refresh()

    def vocabulary(self) -> dict[str, Any]:
        """The themes as the edited template has them (the built-in ones extended or replaced)."""
        from workbook.themes import load_vocabulary  # pandas: only once themes are edited

        return load_vocabulary(self.data.get("feedback_themes"))

    def add(self, label: str, keywords: str) -> str | None:
        """Add a theme named ``label`` signalled by ``keywords`` (commas between); return its id."""
        words = _words(keywords)
        if not label.strip() or not words:
            key = "item_empty" if not label.strip() else "theme_needs_keywords"
            self.message.value = escaped(self.labels[f"template_editor.{key}"])
            return None
        theme_id = new_id(label, set(self.vocabulary()))
        self._own_themes()[theme_id] = {"label": label.strip(), "keywords": words}
        self.message.value = ""
        self._refresh(theme_id)
        self.on_change()
        return theme_id

    def add_typed(self) -> None:
        """Add the theme typed in the new-theme boxes, and empty them."""
        if self.add(self.new_label.value, self.new_keywords.value):
            self.new_label.value = self.new_keywords.value = ""

    def _own_themes(self) -> dict[str, Any]:
        themes = self.data.setdefault("feedback_themes", {"extend": True, "themes": {}})
        return themes.setdefault("themes", {})

    def _refresh(self, picked: str | None = None) -> None:
        vocabulary = self.vocabulary()
        self._showing = True
        self.picker.options = [(theme.label, theme_id) for theme_id, theme in vocabulary.items()]
        self.picker.value = picked if picked in vocabulary else next(iter(vocabulary), None)
        self._showing = False
        self._show_picked()

    def _show_picked(self) -> None:
        theme = self.vocabulary().get(self.picker.value)
        self._showing = True
        self.label.value = theme.label if theme else ""
        self.keywords.value = ", ".join(theme.keywords) if theme else ""
        self._showing = False

    def _store_picked(self) -> None:
        if self._showing or self.picker.value is None or not self.label.value.strip():
            return
        self._own_themes()[self.picker.value] = {
            "label": self.label.value.strip(),
            "keywords": _words(self.keywords.value),
        }
        self.on_change()


class TemplateEditor(Form):
    """Edit a template, preview a widget with it, save it: ``.widget`` shows it all."""

    def __init__(self, path: str | Path = DEFAULT_FILE) -> None:
        own = default_template()
        super().__init__(own.messages)
        self.labels = labels = own.labels
        self.data = starting_data(path)
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self.previewed: Form | None = None
        about = [
            self._text("template_editor.title", ("title",)),
            self._text("template_editor.coach_name", ("coach", "name")),
            self._text("template_editor.coach_contact", ("coach", "contact")),
            self._text("template_editor.welcome_title", ("welcome", "title")),
            self._text("template_editor.welcome_text", ("welcome", "text"), area=True),
        ]
        self.checklist_picker, self.checklist_items = self._item_lists("checklists", "checklist", "items")
        self.prompt_picker, self.prompt_items = self._item_lists("reflections", "prompt_set", "prompts")
        self.questions = ItemsEditor(self.data["questions"], labels, self._changed)
        self.themes = ThemesEditor(self.data, labels, self._changed)
        self.sections = w.Accordion(
            [
                vbox_of(about),
                vbox_of([self.checklist_picker, self.checklist_items.widget]),
                vbox_of([self.prompt_picker, self.prompt_items.widget]),
                self.questions.widget,
                self.themes.widget,
            ],
            titles=tuple(
                labels[f"template_editor.{key}"]
                for key in ("about", "checklists", "prompts", "questions", "themes")
            ),
            selected_index=0,
        )
        self.preview_what = w.Dropdown(description=labels["template_editor.preview_what"], style=WIDE_LABEL)
        self.preview_button = self.button(labels["template_editor.preview"], self.preview)
        self.preview_status = html_of()
        self.preview_area = vbox_of()
        self.save_to = w.Text(
            value=str(path), description=labels["template_editor.save_to"], style=WIDE_LABEL, layout=_ROW
        )
        self.save_button = self.button(labels["template_editor.save"], self.save, style="primary")
        self.next_step = html_of()
        self.widget = w.VBox(
            [
                self.sections,
                heading(labels["template_editor.preview"]),
                hbox_of([self.preview_what, self.preview_button]),
                self.preview_status,
                self.preview_area,
                hbox_of([self.save_to, self.save_button, self.status]),
                self.next_step,
            ]
        )
        self.widget.add_class("rebound-template-editor")
        self._preview_choices()
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """The template as edited now (what Save would write), unchecked: a half-typed edit is still an edit."""
        return (json.dumps(self.data, sort_keys=True, default=str),)

    def template(self) -> Template:
        """The edited template, checked; TemplateError naming the field of the first problem."""
        return load_template(copy.deepcopy(self.data))

    def preview(self) -> Form | None:
        """Show the chosen checklist, prompt set or question bank built with the edited template."""
        from workbook.widgets import ChecklistForm, QuestionBank, ReflectionForm

        try:
            template = self.template()
        except TemplateError as error:
            self.preview_status.value = escaped(
                self.labels.fill("template_editor.cannot_preview", reason=self.describe(error))
            )
            return None
        kind, key = self.preview_what.value
        if self.previewed is not None:
            self.previewed.journal.close()  # type: ignore[attr-defined]
        journal = self._scratch_journal()
        if kind == "checklist":
            form: Form = ChecklistForm(journal, template.checklist(key), template=template)
        elif kind == "prompts":
            form = ReflectionForm(journal, template.prompt_set(key), template=template)
        else:
            form = QuestionBank(journal, template)
        self.preview_status.value = ""
        self.preview_area.children = [form.widget]
        self.previewed = form
        return form

    @guarded
    def save(self) -> Path:
        """Check the template, write it to the file named, and read it back; on any problem write nothing."""
        self.template()
        target = Path(self.save_to.value.strip() or DEFAULT_FILE).expanduser()
        write_private_text(target, dump_template(self.data))
        load_template(target)
        self.mark_saved()
        self.say_done(self.labels.fill("template_editor.saved", path=target))
        self.next_step.value = (
            f"<code>{escaped(self.labels.fill('template_editor.next_step', path=target))}</code>"
        )
        return target

    # --- building -----------------------------------------------------------------

    def _text(self, key: str, where: tuple[str, ...], *, area: bool = False) -> w.Widget:
        holder = self.data
        for part in where[:-1]:
            holder = holder.setdefault(part, {})
        box = (
            text_area(self.labels[key])
            if area
            else w.Text(description=self.labels[key], style=WIDE_LABEL, layout=_ROW)
        )
        box.value = holder.get(where[-1]) or ""

        def store(change: dict[str, Any]) -> None:
            holder[where[-1]] = change["new"]
            self._changed()

        box.observe(lambda change: self.run_watched(lambda: store(change)), names="value")
        return box

    def _item_lists(self, section: str, label: str, items: str) -> tuple[w.Dropdown, ItemsEditor]:
        sets = self.data[section]
        picker = w.Dropdown(
            description=self.labels[f"template_editor.{label}"],
            options=[(spec.get("title") or key, key) for key, spec in sets.items()],
            style=WIDE_LABEL,
        )
        editor = ItemsEditor(sets[picker.value][items], self.labels, self._changed)
        self.watch(picker, lambda: editor.show(sets[picker.value][items]))
        return picker, editor

    def _preview_choices(self) -> None:
        checklists = [
            (spec.get("title") or key, ("checklist", key)) for key, spec in self.data["checklists"].items()
        ]
        prompts = [
            (spec.get("title") or key, ("prompts", key)) for key, spec in self.data["reflections"].items()
        ]
        self.preview_what.options = [
            *checklists,
            *prompts,
            (self.labels["template_editor.question_bank"], ("questions", None)),
        ]

    def _changed(self) -> None:
        self.next_step.value = ""

    def _scratch_journal(self) -> Journal:
        if self._scratch is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="rebound-preview-")
        return Journal(Path(self._scratch.name) / "preview.db")


def _words(text: str) -> list[str]:
    return [word.strip().lower() for word in text.split(",") if word.strip()]

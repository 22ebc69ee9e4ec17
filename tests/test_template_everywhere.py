"""A coach's change to the template shows everywhere: in a widget, a summary and a chart label.

The workbook folder is built by ``workbook init`` from a partial coach template;
the workbook is opened from inside the folder's notebooks/, as a notebook would.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.demo import build_demo
from workbook.journal import Journal
from workbook.session import open_workbook

COACH = """\
title: Bounce Forward
checklists:
  before_call:
    title: Before the call
    items:
      - id: breathe
        text: Three slow breaths before you join the call
feedback_themes:
  extend: true
  themes:
    technical_depth:
      label: Hands-on skills
"""


@pytest.fixture
def coach_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    template = tmp_path / "coach.yaml"
    template.write_text(COACH, encoding="utf-8")
    assert main(["init", str(tmp_path / "client"), "--template", str(template)]) == 0
    folder = tmp_path / "client"
    with Journal(folder / "data" / "journal.db") as journal:
        build_demo(journal)  # a journal with feedback about technical depth, in the client's folder
    monkeypatch.delenv("WORKBOOK_JOURNAL", raising=False)
    monkeypatch.delenv("WORKBOOK_DEMO", raising=False)
    monkeypatch.chdir(folder / "notebooks")
    return folder


def test_the_coachs_words_show_in_a_widget_a_summary_and_a_chart(coach_folder: Path) -> None:
    book = open_workbook(demo=False)
    assert Path(book.journal.path).resolve() == (coach_folder / "data" / "journal.db").resolve()

    checklist = book.checklist("before_call")
    texts = [getattr(c, "description", "") for c in _walk(checklist.widget)]
    assert "Three slow breaths before you join the call" in texts

    assert "Hands-on skills" in book.theme_summary().text
    assert "Technical depth" not in book.theme_summary().text

    figure = book.chart("theme_frequency").content.figure
    labels = [label.get_text() for axes in figure.axes for label in axes.get_yticklabels()]
    assert "Hands-on skills" in labels and "Technical depth" not in labels
    book.journal.close()


def _walk(widget: object) -> list[object]:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found.extend(_walk(child))
    return found


def test_the_repository_keeps_its_own_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBOOK_JOURNAL", os.fspath(tmp_path / "j.db"))
    monkeypatch.chdir(tmp_path)  # no workbook.toml here or above: the built-in template
    book = open_workbook(demo=False)
    assert book.template.title == "Rebound"
    book.journal.close()

"""Summaries and charts stay alive: a save in the same kernel redraws them, without running the cell again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from pathlib import Path
from typing import Any

import ipywidgets
import pytest

from workbook.journal import Journal
from workbook.records import Application, FeedbackItem, MoodEntry
from workbook.session import Chart, Summary, Workbook
from workbook.template import load_template


@pytest.fixture
def wb(tmp_path: Path) -> Workbook:
    return Workbook(Journal(tmp_path / "journal.db"))


def mood(day: int, value: int) -> MoodEntry:
    return MoodEntry(at=dt.datetime(2026, 3, day, 9), mood=value)


def rejection(company: str = "Acme") -> Application:
    return Application(
        company=company,
        role="Analyst",
        applied_on="2026-03-01",
        stage="interview",
        outcome="rejected",
        outcome_on="2026-03-10",
        channel="email",
    )


def test_a_summary_changes_after_a_save_in_the_same_session(wb: Workbook) -> None:
    summary = wb.mood_summary()
    assert summary.text.startswith("No check-ins yet")
    wb.journal.add(mood(2, 6))
    assert summary.text == "You've checked in once on 1 day. Your mood has been about 6.0 out of 10 so far."
    assert summary.redraws == 1


def test_a_chart_png_changes_after_a_save(wb: Workbook) -> None:
    for day in (2, 3, 4):
        wb.journal.add(mood(day, 5))
    chart = wb.chart("weekday")
    before = chart.content
    assert isinstance(before, Chart)
    wb.journal.add(mood(5, 9))
    assert isinstance(chart.content, Chart) and chart.content is not before
    assert chart.content.png() != before.png()


def test_an_empty_chart_becomes_a_chart_after_the_first_entry(wb: Workbook) -> None:
    chart = wb.chart("year_in_pixels")
    assert isinstance(chart.content, Summary) and "No moods logged yet" in chart.text
    wb.journal.add(mood(2, 7))
    assert isinstance(chart.content, Chart)
    assert chart.content.png().startswith(b"\x89PNG")


def test_running_a_cell_again_leaves_one_listener(wb: Workbook) -> None:
    first = wb.mood_summary()
    second = wb.mood_summary()
    assert not first.live and second.live
    assert len(wb.journal._listeners) == 1
    wb.journal.add(mood(2, 6))
    assert (first.redraws, second.redraws) == (0, 1)


def test_only_views_of_the_changed_data_redraw(wb: Workbook) -> None:
    moods, history, themes = wb.mood_summary(), wb.history_summary(), wb.chart("theme_frequency")
    wb.journal.add(mood(2, 6))
    assert (moods.redraws, history.redraws, themes.redraws) == (1, 0, 0)
    app = wb.journal.add(rejection())
    assert (moods.redraws, history.redraws, themes.redraws) == (1, 1, 0)
    wb.journal.add(FeedbackItem(application_id=app.id, text="A stronger fit", themes=["competition"]))
    assert themes.redraws == 1


def test_a_save_redraws_each_view_at_most_once(wb: Workbook) -> None:
    summary = wb.mood_summary()
    with wb.journal.transaction():
        for day in (2, 3, 4):
            wb.journal.add(mood(day, 6))
    assert summary.redraws == 1 and "3 times on 3 days" in summary.text


def test_in_a_notebook_the_view_updates_its_display_in_place(
    wb: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Any] = []

    class Handle:
        def update(self, content: Any) -> None:
            shown.append(("update", content))

    def display(content: Any, display_id: bool = False) -> Handle:
        shown.append(("display", content, display_id))
        return Handle()

    monkeypatch.setattr("IPython.display.display", display)
    monkeypatch.delenv("VOILA_KERNEL_ID", raising=False)
    view = wb.mood_summary()
    view._ipython_display_()
    wb.journal.add(mood(2, 6))
    assert [entry[0] for entry in shown] == ["display", "update"]
    assert shown[0][2] is True
    assert shown[1][1] == Summary(view.text)


def test_in_app_mode_the_view_lives_in_a_widget_whose_value_redraws(
    wb: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Any] = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    monkeypatch.setenv("VOILA_KERNEL_ID", "kernel")
    view = wb.mood_summary()
    view._ipython_display_()
    (box,) = shown
    (line,) = box.children
    assert isinstance(line, ipywidgets.HTML) and html.unescape(line.value) == f"<p>{view.text}</p>"
    before = line.value
    wb.journal.add(mood(2, 6))
    assert view.redraws == 1 and box.children == (line,) and line.value != before
    assert html.unescape(line.value) == f"<p>{view.text}</p>"


def test_in_app_mode_a_hint_becomes_a_chart_image(wb: Workbook, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[Any] = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    monkeypatch.setenv("VOILA_KERNEL_ID", "kernel")
    for day in range(1, 4):
        wb.journal.add(mood(day, 5))
    view = wb.chart("weekday")
    view._ipython_display_()
    (box,) = shown
    assert isinstance(box.children[0], ipywidgets.Image)
    assert bytes(box.children[0].value).startswith(b"\x89PNG")


def test_summary_text_and_markdown_say_the_same_sentence(wb: Workbook) -> None:
    summary = wb.overview().content
    assert isinstance(summary, Summary)
    assert summary._repr_markdown_() == summary.text == str(summary)
    assert Summary("a_b *c*")._repr_markdown_() == r"a\_b \*c\*"


def test_a_coach_templates_theme_labels_reach_summaries_and_charts(tmp_path: Path) -> None:
    coach = {
        "extend": True,
        "themes": {"portfolio": {"label": "Portfolio quality", "keywords": ["portfolio"]}},
    }
    template = dataclasses.replace(load_template(), feedback_themes=coach)
    wb = Workbook(Journal(tmp_path / "journal.db"), template)
    app = wb.journal.add(rejection())
    wb.journal.add(FeedbackItem(application_id=app.id, text="Thin portfolio", themes=["portfolio"]))
    assert wb.theme_summary().text == "The feedback you've heard most often: Portfolio quality (once)."
    chart = wb.chart("theme_frequency").content
    assert isinstance(chart, Chart)
    labels = [tick.get_text() for tick in chart.figure.axes[0].get_yticklabels()]
    assert labels == ["Portfolio quality"]

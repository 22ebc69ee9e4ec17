"""`workbook.open()`: which journal a notebook gets, what it says, and what it shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import workbook
from workbook.records import Application, FeedbackItem, MoodEntry
from workbook.session import CHARTS, Chart, Summary


@pytest.fixture
def own_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data" / "journal.db"
    monkeypatch.setenv("WORKBOOK_JOURNAL", str(path))
    monkeypatch.delenv("WORKBOOK_DEMO", raising=False)
    return path


def test_open_uses_the_persons_journal_and_says_so(
    own_journal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = workbook.open()
    assert wb.journal.path == own_journal and not wb.demo
    assert (
        capsys.readouterr().out == "Using your journal (journal.db). Everything you log stays in this file.\n"
    )


@pytest.mark.parametrize("how", ["flag", "env"])
def test_demo_is_a_separate_file_beside_the_journal(
    own_journal: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    if how == "env":
        monkeypatch.setenv("WORKBOOK_DEMO", "1")
    wb = workbook.open(demo=True) if how == "flag" else workbook.open()
    assert wb.demo and wb.journal.path == own_journal.with_name("demo.db")
    assert wb.journal.counts()["applications"] >= 20
    assert not own_journal.exists()
    assert capsys.readouterr().out.startswith("Using the sample journal (demo.db)")
    assert wb.overview().text.startswith("The sample journal holds 25 applications,")


def test_empty_journal_says_what_to_log_first(own_journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = workbook.open()
    capsys.readouterr()
    for name in CHARTS:
        view = wb.chart(name)
        assert isinstance(view.content, Summary) and "yet" in view.text, name
    said = " ".join(view.text for view in (wb.overview(), wb.mood_summary(), wb.resilience_summary()))
    assert capsys.readouterr().out == ""
    assert "Your journal is empty" in said
    assert "No check-ins yet" in said
    assert "No rejections logged yet" in said


def test_summaries_and_charts_follow_the_data(own_journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = workbook.open()
    app = wb.journal.add(
        Application(
            company="Acme",
            role="Analyst",
            applied_on="2026-03-01",
            stage="interview",
            outcome="rejected",
            outcome_on="2026-03-20",
            channel="video_call",
        )
    )
    wb.journal.add(
        FeedbackItem(application_id=app.id, text="We needed deeper SQL skills", themes=["technical_depth"])
    )
    for day, mood in enumerate([6, 7, 6, 3, 5, 6]):
        at = dt.datetime(2026, 3, 16 + day, 9)
        wb.journal.add(MoodEntry(at=at, mood=mood))
    said = [view.text for view in (wb.history_summary(), wb.mood_summary(), wb.theme_summary())]
    assert said[0] == (
        "You've logged 1 application. You've had 1 rejection since Mar 2026. How they reached you: video call (1). "
        "1 of them came after you reached the interview stage or further: each of those is a door you got through."
    )
    # Daily moods 6, 7, 6, 3, 5, 6: median 6.0; the last six days average 33 / 6 = 5.5.
    assert said[1] == "You've checked in 6 times on 6 days. Your mood has been about 6.0 out of 10 so far."
    assert said[2] == "The feedback you've heard most often: Technical depth (once)."
    chart = wb.chart("mood_timeline").content
    assert isinstance(chart, Chart)
    assert chart._repr_png_().startswith(b"\x89PNG")
    with pytest.raises(KeyError, match="no chart called 'pie'"):
        wb.chart("pie")


def test_widgets_come_from_the_template(own_journal: Path) -> None:
    wb = workbook.open()
    checklist = wb.checklist("before_call")
    assert checklist.checklist.id == "before_call"
    assert wb.mood("after_call").context.value == "after_call"
    assert sum(wb.journal.counts().values()) == 0


def test_the_banner_tells_lab_users_how_to_see_every_form(tmp_path, monkeypatch) -> None:
    from workbook.session import open_workbook

    monkeypatch.setenv("WORKBOOK_MODE", "lab")
    lab = open_workbook(journal=tmp_path / "journal.db").banner()
    monkeypatch.setenv("WORKBOOK_MODE", "app")
    app = open_workbook(journal=tmp_path / "journal.db").banner()
    assert lab.splitlines() == [
        "Using your journal (journal.db). Everything you log stays in this file.",
        "Run › Run All Cells shows every form and chart in this notebook at once.",
    ]
    assert app == "Using your journal (journal.db). Everything you log stays in this file."

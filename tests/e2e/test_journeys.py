"""A person's journeys through the workbook in JupyterLab, checked in the journal file afterwards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from e2e import app_ui, lab_ui, servers
from workbook.demo import build_demo
from workbook.journal import Journal
from workbook.records import Application, CallNotes, FeedbackItem, MoodEntry

WIDGET_PATIENCE_MS = 60_000


def journal_counts(server: servers.RunningServer) -> dict[str, int]:
    with Journal(server.journal) as journal:
        return journal.counts()


def log_mood(page, *, steps: int, emotions: list[str], note: str) -> object:
    """Fill the mood logger as a person would (keyboard on the slider, clicks, typing) and save it."""
    logger = page.locator(".rebound-mood-logger")
    logger.wait_for(timeout=WIDGET_PATIENCE_MS)
    handle = logger.locator(".widget-slider .noUi-handle")
    handle.focus()
    for _ in range(abs(steps)):
        handle.press("ArrowRight" if steps > 0 else "ArrowLeft")
    for word in emotions:
        logger.locator("button.widget-toggle-button", has_text=word).click()
    logger.locator(".widget-textarea textarea").fill(note)
    logger.locator("button.widget-button", has_text="Save").click()
    page.wait_for_selector(".rebound-mood-logger :text('Saved at')", timeout=WIDGET_PATIENCE_MS)
    return logger


def test_after_the_call_mood_typed_in_the_browser_lands_in_the_journal(
    lab_server: servers.RunningServer, page
) -> None:
    lab_ui.open_notebook(page, lab_server, "03_after_the_call.ipynb")
    lab_ui.run_all(page)
    logger = log_mood(page, steps=-2, emotions=["disappointed", "tired"], note="<b>tired</b>, déçu")

    with Journal(lab_server.journal) as journal:
        entries = journal.records(MoodEntry)
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.mood, entry.emotions, entry.note, entry.context) == (
        3,
        ("disappointed", "tired"),
        "<b>tired</b>, déçu",
        "after_call",
    )
    assert entry.at.date() == dt.date.today()

    # A bad value: the message shows beside the field, the typed text stays, nothing is stored.
    own = logger.locator(".widget-text", has_text="Other feelings").locator("input")
    own.fill("flat;grey")
    logger.locator(".widget-textarea textarea").fill("second try")
    logger.locator("button.widget-button", has_text="Save").click()
    page.wait_for_selector(".rebound-mood-logger :text('separates words')", timeout=WIDGET_PATIENCE_MS)
    assert own.input_value() == "flat;grey"
    assert logger.locator(".widget-textarea textarea").input_value() == "second try"
    assert journal_counts(lab_server)["mood_entries"] == 1
    assert lab_ui.tracebacks(page) == []


def test_the_call_logs_a_video_call_rejection_with_confirmed_themes(
    lab_server: servers.RunningServer, page
) -> None:
    lab_ui.open_notebook(page, lab_server, "02_the_call.ipynb")
    lab_ui.run_all(page)
    log = page.locator(".rebound-rejection-log")
    log.wait_for(timeout=WIDGET_PATIENCE_MS)

    applied = dt.date.today() - dt.timedelta(days=20)
    told = dt.date.today() - dt.timedelta(days=1)
    log.get_by_label("Company", exact=True).fill("Northwind")
    log.get_by_label("Role", exact=True).fill("Data analyst")
    log.get_by_label("Applied on", exact=True).fill(applied.isoformat())
    log.get_by_label("Furthest stage", exact=True).select_option(label="Interview")
    log.get_by_label("Outcome", exact=True).select_option(label="Rejected")
    log.get_by_label("Outcome date", exact=True).fill(told.isoformat())
    log.get_by_label("How they told me", exact=True).select_option(label="Video call")

    feedback = log.locator(".widget-textarea", has_text="What they said").locator("textarea")
    feedback.wait_for(timeout=WIDGET_PATIENCE_MS)
    feedback.fill("They wanted deeper SQL knowledge, and someone with more years of experience.")
    log.locator("button.widget-button", has_text="Suggest themes").click()
    page.wait_for_selector(".rebound-rejection-log :text('Technical depth')", timeout=WIDGET_PATIENCE_MS)
    reason = log.locator(".widget-html", has_text="SQL").first.inner_text()
    assert "SQL" in reason
    log.locator("button.widget-button", has_text="Save").click()
    page.wait_for_selector(".rebound-rejection-log :text('Saved at')", timeout=WIDGET_PATIENCE_MS)

    with Journal(lab_server.journal) as journal:
        (app,) = journal.records(Application)
        (notes,) = journal.records(CallNotes)
        (item,) = journal.records(FeedbackItem)
    assert (app.company, app.role, app.stage, app.outcome, app.channel) == (
        "Northwind",
        "Data analyst",
        "interview",
        "rejected",
        "video_call",
    )
    assert (app.applied_on, app.outcome_on) == (applied, told)
    assert notes.application_id == app.id and notes.held_on == told
    assert item.application_id == app.id and item.confirmed
    assert "technical_depth" in item.themes and "experience_level" in item.themes
    assert lab_ui.tracebacks(page) == []


def test_the_call_keeps_the_questions_and_feedback_of_a_phone_call_rejection(
    lab_server: servers.RunningServer, page
) -> None:
    lab_ui.open_notebook(page, lab_server, "02_the_call.ipynb")
    lab_ui.run_all(page)
    log = page.locator(".rebound-rejection-log")
    log.wait_for(timeout=WIDGET_PATIENCE_MS)

    applied = dt.date.today() - dt.timedelta(days=14)
    told = dt.date.today() - dt.timedelta(days=2)
    log.get_by_label("Company", exact=True).fill("Contoso")
    log.get_by_label("Role", exact=True).fill("Support engineer")
    log.get_by_label("Applied on", exact=True).fill(applied.isoformat())
    log.get_by_label("Outcome", exact=True).select_option(label="Rejected")
    log.get_by_label("Outcome date", exact=True).fill(told.isoformat())
    log.get_by_label("How they told me", exact=True).select_option(label="Phone call")

    questions = log.locator(".widget-textarea", has_text="Questions I asked").locator("textarea")
    questions.wait_for(timeout=WIDGET_PATIENCE_MS)
    questions.fill("What would have made my troubleshooting answer stronger?")
    feedback = log.locator(".widget-textarea", has_text="What they said").locator("textarea")
    feedback.fill("Friendly and clear, but they wanted more Linux experience.")
    log.locator("button.widget-button", has_text="Keep this and note another").click()
    page.wait_for_selector(
        ".rebound-rejection-log :text('more Linux experience')", timeout=WIDGET_PATIENCE_MS
    )
    log.locator("button.widget-button", has_text="Save").click()
    page.wait_for_selector(".rebound-rejection-log :text('Saved at')", timeout=WIDGET_PATIENCE_MS)

    with Journal(lab_server.journal) as journal:
        (app,) = journal.records(Application)
        (notes,) = journal.records(CallNotes)
        (item,) = journal.records(FeedbackItem)
    assert (app.company, app.outcome, app.channel) == ("Contoso", "rejected", "phone")
    assert (notes.application_id, notes.held_on) == (app.id, told)
    assert notes.questions == "What would have made my troubleshooting answer stronger?"
    assert item.application_id == app.id
    assert item.text == "Friendly and clear, but they wanted more Linux experience."
    assert lab_ui.tracebacks(page) == []


@pytest.fixture
def demo_lab_server(workbook_folder: Path, tmp_path: Path) -> Iterator[servers.RunningServer]:
    """JupyterLab on a journal that holds the sample job search."""
    with Journal(tmp_path / "journal.db") as journal:
        build_demo(journal)
    server = servers.start("lab", workbook_folder, tmp_path)
    try:
        yield server
    finally:
        servers.stop(server)


@pytest.mark.parametrize(
    ("notebook", "charts", "said"),
    [
        # mood timeline, recovery, check-ins, dip by stage, year in pixels
        ("06_resilience_over_time.ipynb", 5, "Your recoveries are getting shorter"),
        # what helps, weekday, what you want
        ("07_what_helps.ipynb", 3, "What hurt most"),
    ],
)
def test_the_resilience_notebooks_draw_every_chart_on_the_sample_journal(
    demo_lab_server: servers.RunningServer, page, notebook: str, charts: int, said: str
) -> None:
    lab_ui.open_notebook(page, demo_lab_server, notebook)
    lab_ui.run_all(page)
    images = page.locator(".jp-OutputArea-output img")
    images.nth(charts - 1).wait_for(timeout=WIDGET_PATIENCE_MS)
    assert images.count() == charts
    for index in range(images.count()):
        assert images.nth(index).evaluate("img => img.naturalWidth") > 300
    # Off-screen cells are not laid out, so read the text content rather than the rendered text.
    printed = " ".join(page.locator(".jp-OutputArea-output").all_text_contents())
    assert said in printed
    assert lab_ui.tracebacks(page) == []
    assert lab_ui.stderr_outputs(page) == []


def test_app_mode_logs_a_mood_without_showing_code(app_server: servers.RunningServer, page) -> None:
    page.goto(
        f"{app_server.base}/voila/render/03_after_the_call.ipynb?token={app_server.token}",
        timeout=app_ui.PAGE_PATIENCE_MS,
    )
    app_ui.wait_for_cells(page)
    assert app_ui.code_on_page(page) == 0
    log_mood(page, steps=3, emotions=["relieved"], note="Talked it over with Sam; feeling lighter.")

    with Journal(app_server.journal) as journal:
        (entry,) = journal.records(MoodEntry)
    assert (entry.mood, entry.emotions, entry.context) == (8, ("relieved",), "after_call")
    assert entry.note == "Talked it over with Sam; feeling lighter."
    assert app_ui.tracebacks(page) == []

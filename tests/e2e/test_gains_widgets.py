"""In the browser: the thank-you note is drafted, edited, copied and saved; a check-in is scored.

The journal holds one rejected application with the person met and the
feedback heard, so the draft has something to say.  In JupyterLab the Copy
button is pressed in a page allowed to use the clipboard, and what it copied
is read back from the clipboard itself; in the app (Voila) the clipboard
refuses, and the note is shown selected with "press Ctrl+C".
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from e2e import app_ui, lab_ui, servers
from e2e.conftest import ARTIFACTS
from workbook.growth_records import CheckIn, FollowUp, Person
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem

NOTEBOOK = "zz_gains.ipynb"
WIDGET_PATIENCE_MS = 60_000
TODAY = dt.date.today()
CELLS = [
    "import os\n"
    "from workbook.journal import Journal\n"
    "from workbook.template import load_template\n"
    "from workbook.widgets.follow_up import FollowUpForm\n"
    "from workbook.widgets.check_in import CheckInForm\n"
    "from workbook.widgets import follow_up, motivation, people, self_review, strengths\n"
    "journal, template = Journal(os.environ['WORKBOOK_JOURNAL']), load_template()",
    "FollowUpForm(journal, template, application_id=1)",
    "CheckInForm(journal, template)",
    "follow_up.DueFollowUps(journal, template)",
    "people.PeopleMet(journal, template, application_id=1)",
    "self_review.SelfReviewForm(journal, template, application_id=1)",
    "motivation.MotivationForm(journal, template, application_id=1)",
    "strengths.WentWellForm(journal, template, application_id=1)",
]
#: Every widget of this module shows (by its class) once the notebook has run.
SHOWN = [
    ".rebound-due-follow-ups",
    ".rebound-people",
    ".rebound-self-review",
    ".rebound-motivation",
    ".rebound-went-well",
]


def notebook(cells: list[str]) -> dict:
    return {
        "cells": [
            {"cell_type": "code", "metadata": {}, "source": source, "outputs": [], "execution_count": None}
            for source in cells
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def gains_server(kind: str, tmp_path: Path) -> Iterator[servers.RunningServer]:
    """``workbook KIND`` on a journal with one rejection (a person met, praise and a point to work on)."""
    folder = servers.make_workbook(tmp_path / "workbook")
    with Journal(tmp_path / "journal.db") as journal:
        app = journal.add(
            Application(
                company="Northwind",
                role="Data analyst",
                applied_on=TODAY - dt.timedelta(days=30),
                stage="interview",
                outcome="rejected",
                outcome_on=TODAY - dt.timedelta(days=2),
                channel="video_call",
            )
        )
        assert app.id == 1
        journal.add(Person(application_id=app.id, name="Priya", role="Analytics lead"))
        journal.add(
            FeedbackItem(application_id=app.id, text="Your dashboard demo was excellent", positive=True)
        )
        journal.add(FeedbackItem(application_id=app.id, text="More SQL depth", themes=("technical_depth",)))
    (folder / "notebooks" / NOTEBOOK).write_text(json.dumps(notebook(CELLS)), encoding="utf-8")
    server = servers.start(kind, folder, tmp_path)
    try:
        yield server
    finally:
        servers.stop(server)


@pytest.fixture
def gains_lab(tmp_path: Path) -> Iterator[servers.RunningServer]:
    """JupyterLab on the journal with one rejection."""
    yield from gains_server("lab", tmp_path)


@pytest.fixture
def gains_app(tmp_path: Path) -> Iterator[servers.RunningServer]:
    """The app (Voila) on the journal with one rejection."""
    yield from gains_server("app", tmp_path)


@pytest.fixture
def clipboard_page(browser, request: pytest.FixtureRequest) -> Iterator[object]:
    """A page on the lab's address that may write to and read from the clipboard."""
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        yield page
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        try:
            page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        finally:
            context.close()


def test_the_thank_you_note_is_edited_copied_and_saved_and_a_check_in_scored(
    gains_lab: servers.RunningServer, clipboard_page
) -> None:
    page = clipboard_page
    lab_ui.open_notebook(page, gains_lab, NOTEBOOK)
    lab_ui.run_all(page)
    form = page.locator(".rebound-follow-up")
    form.wait_for(timeout=WIDGET_PATIENCE_MS)

    note = form.locator(".widget-textarea", has_text="Your note").locator("textarea")
    draft = note.input_value()
    assert draft.startswith(
        "Dear Priya, thank you for taking the time to call me about the Data analyst role"
    )
    assert "Your dashboard demo was excellent" in draft and "technical depth" in draft

    mine = draft.replace("Dear Priya", "Hi Priya") + "\nBest wishes, Ana <3"
    note.fill(mine)
    hidden = form.locator(".rebound-copy textarea")
    # The HTML around the Copy button is redrawn as the note changes: look the box up afresh each time.
    page.wait_for_function(
        "text => document.querySelector('.rebound-follow-up .rebound-copy textarea').value === text",
        arg=mine,
        timeout=WIDGET_PATIENCE_MS,
    )
    form.locator("button.rebound-copy-button").click()
    said = form.locator(".rebound-copy-said")
    page.wait_for_function(
        "() => document.querySelector('.rebound-follow-up .rebound-copy-said').textContent.length > 0",
        timeout=10_000,
    )
    if said.inner_text().startswith("Copied"):
        assert page.evaluate("navigator.clipboard.readText()") == mine
    else:  # the browser would not let the page copy: the note is shown selected instead
        assert "Ctrl+C" in said.inner_text() and hidden.is_visible()

    form.locator("button.widget-button", has_text="Save the note").click()
    page.wait_for_selector(".rebound-follow-up :text('Saved at')", timeout=WIDGET_PATIENCE_MS)
    form.locator("button.widget-button", has_text="Save the date").click()
    page.wait_for_selector(".rebound-follow-up .rebound-saved :text('Reconnect')", timeout=WIDGET_PATIENCE_MS)

    check_in = page.locator(".rebound-check-in")
    check_in.scroll_into_view_if_needed()
    rows = check_in.locator(".widget-toggle-buttons")
    assert rows.count() == 6
    for index in range(6):
        rows.nth(index).locator("button", has_text="4").click()
    check_in.locator("button.widget-button", has_text="Save").click()
    page.wait_for_selector(".rebound-check-in :text('out of 5:')", timeout=WIDGET_PATIENCE_MS)

    ARTIFACTS.mkdir(exist_ok=True)
    for selector in [".rebound-follow-up", ".rebound-check-in", *SHOWN]:
        shown = page.locator(selector)
        shown.wait_for(timeout=WIDGET_PATIENCE_MS)
        shown.scroll_into_view_if_needed()
        shown.screenshot(path=str(ARTIFACTS / f"gains_{selector.removeprefix('.rebound-')}.png"))
    due = page.locator(".rebound-due-follow-ups")
    due.locator("button.widget-button", has_text="Mark done").wait_for(timeout=WIDGET_PATIENCE_MS)
    assert "Send your thank-you note to Priya (Northwind, Data analyst)" in due.inner_text()

    with Journal(gains_lab.journal) as journal:
        notes = {f.kind: f for f in journal.records(FollowUp)}
        [scored] = journal.records(CheckIn)
    assert notes["thank_you"].text == mine.strip() and notes["thank_you"].person == "Priya"
    assert notes["reconnect"].due_on == TODAY - dt.timedelta(days=2) + dt.timedelta(days=90)
    assert scored.score == 3.0  # 4 on every statement: three turned round to 2
    assert lab_ui.tracebacks(page) == [] and lab_ui.stderr_outputs(page) == []


#: A browser that refuses the clipboard, as one may on a page that is not secure or not allowed.
NO_CLIPBOARD = (
    "Object.defineProperty(navigator, 'clipboard', "
    "{value: {writeText: () => Promise.reject(new Error('not allowed'))}, configurable: true});"
)


def test_in_the_app_a_refused_clipboard_leaves_the_note_selected_to_copy_by_hand(
    gains_app: servers.RunningServer, page
) -> None:
    page.add_init_script(NO_CLIPBOARD)
    app_ui.open_app(page, f"{gains_app.base}/voila/render/{NOTEBOOK}?token={gains_app.token}")
    form = page.locator(".rebound-follow-up")
    form.wait_for(timeout=WIDGET_PATIENCE_MS)
    note = form.locator(".widget-textarea", has_text="Your note").locator("textarea")
    assert note.input_value().startswith("Dear Priya,")

    form.locator("button.rebound-copy-button").click()
    said = form.locator(".rebound-copy-said")
    page.wait_for_function(
        "() => document.querySelector('.rebound-follow-up .rebound-copy-said').textContent.length > 0",
        timeout=10_000,
    )
    assert "Ctrl+C" in said.inner_text()
    hidden = form.locator(".rebound-copy textarea")
    assert hidden.is_visible() and hidden.input_value() == note.input_value()
    selected = page.evaluate(
        "() => { const t = document.activeElement; return t.value.substring(t.selectionStart, t.selectionEnd); }"
    )
    assert selected == note.input_value()  # all of it, ready for Ctrl+C
    assert app_ui.tracebacks(page) == []

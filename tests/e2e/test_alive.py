"""The workbook is alive: a save redraws the summaries on the same page, without running a cell again."""

from __future__ import annotations

from e2e import app_ui, lab_ui, servers

WIDGET_PATIENCE_MS = 60_000
BEFORE = "No check-ins yet"
AFTER = "You've checked in once on 1 day."


def save_a_mood(page) -> None:
    """Nudge the mood slider and save, as a person would."""
    logger = page.locator(".rebound-mood-logger")
    logger.wait_for(timeout=WIDGET_PATIENCE_MS)
    handle = logger.locator(".widget-slider .noUi-handle")
    handle.focus()
    handle.press("ArrowRight")
    logger.locator("button.widget-button", has_text="Save").click()
    page.wait_for_selector(".rebound-mood-logger :text('Saved at')", timeout=WIDGET_PATIENCE_MS)


def test_the_mood_summary_redraws_after_a_save_in_jupyterlab(lab_server: servers.RunningServer, page) -> None:
    lab_ui.open_notebook(page, lab_server, "03_after_the_call.ipynb")
    lab_ui.run_all(page)
    summary = page.locator(".jp-OutputArea-output", has_text=BEFORE)
    assert summary.count() == 1
    prompts = lab_ui.code_cell_prompts(page)

    save_a_mood(page)

    page.locator(".jp-OutputArea-output", has_text=AFTER).wait_for(timeout=WIDGET_PATIENCE_MS)
    assert page.locator(".jp-OutputArea-output", has_text=BEFORE).count() == 0
    # Rendered as Markdown, not a printed line, and no cell ran again to get there.
    assert page.locator(".jp-RenderedMarkdown", has_text=AFTER).count() == 1
    assert lab_ui.code_cell_prompts(page) == prompts
    assert lab_ui.tracebacks(page) == []
    page.locator(".jp-RenderedMarkdown", has_text=AFTER).scroll_into_view_if_needed()


def test_the_mood_summary_redraws_after_a_save_in_app_mode(app_server: servers.RunningServer, page) -> None:
    page.goto(
        f"{app_server.base}/voila/render/03_after_the_call.ipynb?token={app_server.token}",
        timeout=app_ui.PAGE_PATIENCE_MS,
    )
    app_ui.wait_for_cells(page)
    page.get_by_text(BEFORE).first.wait_for(timeout=WIDGET_PATIENCE_MS)

    save_a_mood(page)

    page.get_by_text(AFTER).first.wait_for(timeout=WIDGET_PATIENCE_MS)
    assert page.get_by_text(BEFORE).count() == 0
    assert app_ui.tracebacks(page) == []
    page.get_by_text(AFTER).first.scroll_into_view_if_needed()

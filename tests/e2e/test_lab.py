"""JupyterLab in a real browser: the workbook opens, runs clean, and is private."""

from __future__ import annotations

from e2e import lab_ui
from e2e.servers import RunningServer


def test_start_here_runs_all_cells_without_a_traceback(lab_server: RunningServer, page) -> None:
    lab_ui.open_notebook(page, lab_server, "00_start_here.ipynb")
    lab_ui.run_all(page)

    assert lab_ui.tracebacks(page) == []
    assert lab_ui.stderr_outputs(page) == []
    assert all(prompt[1:-2].isdigit() for prompt in lab_ui.code_cell_prompts(page))


def test_lab_without_the_token_shows_only_the_login_page(lab_server: RunningServer, page) -> None:
    page.goto(f"{lab_server.base}/lab/tree/00_start_here.ipynb")

    assert "/login" in page.url
    assert page.locator(".jp-Notebook").count() == 0
    assert page.locator("input[type='password']").count() >= 1

"""The sections in app mode (Voila), in a real browser: Markdown shown as HTML, so a table is a table."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from e2e import app_ui, servers
from workbook import messages

RESILIENCE = "07_what_helps.ipynb"
SECTION_CELL = 'wb.section("what_helps")'


def with_section_cell(notebook: Path) -> None:
    """Make sure the notebook shows the what-helps section (added after ``wb = workbook.open()`` if missing)."""
    book = json.loads(notebook.read_text("utf-8"))
    sources = ["".join(cell["source"]) for cell in book["cells"]]
    if SECTION_CELL in sources:
        return
    opened = next(i for i, source in enumerate(sources) if "workbook.open()" in source)
    cell = {
        "cell_type": "code",
        "metadata": {},
        "source": SECTION_CELL,
        "outputs": [],
        "execution_count": None,
    }
    book["cells"].insert(opened + 1, cell)
    notebook.write_text(json.dumps(book), encoding="utf-8")


@pytest.fixture
def sample_app(workbook_folder: Path, tmp_path: Path) -> Iterator[servers.RunningServer]:
    """``workbook app --demo``: the app on the sample journal."""
    with_section_cell(workbook_folder / "notebooks" / RESILIENCE)
    try:
        server = servers.start("app", workbook_folder, tmp_path, "--demo")
    except RuntimeError as failure:
        pytest.fail(str(failure), pytrace=False)
    try:
        yield server
    finally:
        servers.stop(server)


def test_what_hurt_most_shows_as_a_real_table_not_pipes(sample_app: servers.RunningServer, page) -> None:
    app_ui.open_app(page, f"{sample_app.base}/voila/render/{RESILIENCE}?token={sample_app.token}")
    assert app_ui.tracebacks(page) == []
    # The section's last line shows whichever way it is rendered; then look at how.
    page.get_by_text(messages.PATTERNS_NOT_CAUSES).wait_for(timeout=app_ui.PAGE_PATIENCE_MS)
    heading = page.locator("strong", has_text=messages.WHAT_HURT_HEADING.strip("*"))
    table = page.locator("table", has=page.locator("th", has_text=messages.WHAT_HURT_HEADER[0]))

    assert heading.count() == 1
    assert table.count() == 1 and table.is_visible()
    assert table.locator("th").all_inner_texts() == list(messages.WHAT_HURT_HEADER)
    assert table.locator("tbody tr").count() >= 1
    assert table.locator("tbody tr").first.locator("td").count() == len(messages.WHAT_HURT_HEADER)
    text = page.locator("body").inner_text()
    assert "|---" not in text and f"| {messages.WHAT_HURT_HEADER[0]} |" not in text
    table.scroll_into_view_if_needed()

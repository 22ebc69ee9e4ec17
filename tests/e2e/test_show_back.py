"""What only a browser shows: the widgets fit their content, and what was saved shows back, on the sample journal.

One app page (Voila, as a person sees the workbook) shows the widgets on the
sample journal; the test measures widths, placeholders, date fields,
drop-downs, checkbox labels and the support notice, and leaves screenshots of
each widget in ``test-artifacts/show_back_*.png`` to look at.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from e2e import app_ui, servers
from e2e.conftest import ARTIFACTS
from workbook.demo import build_demo
from workbook.journal import Journal

NOTEBOOK = "zz_show_back.ipynb"
#: The sample's rejected application with call notes and feedback (Larkspur Analytics).
REJECTED = 2
CELLS = [
    "import os\n"
    "from workbook.journal import Journal\n"
    "from workbook.template import load_template\n"
    "from workbook import widgets as W\n"
    "from workbook.widgets.support import SupportNotice\n"
    "journal, template = Journal(os.environ['WORKBOOK_JOURNAL']), load_template()",
    f"W.RejectionLog(journal, template, application_id={REJECTED})",
    "W.MoodLogger(journal, template)",
    "notice = SupportNotice(template.support)\nnotice.widget.layout.display = None\nnotice.widget",
    "W.SupportLog(journal, template)",
    "W.ReflectionForm(journal, template.prompt_set('after_call'), template=template)",
    "W.ChecklistForm(journal, template.checklist('before_call'), template=template)",
    "W.ActionTracker(journal, template)",
    "W.JournalView(journal, template)",
]
WIDGETS = {
    "rejection_log": ".rebound-rejection-log",
    "mood": ".rebound-mood-logger",
    "support": ".rebound-support-log",
    "reflection": ".rebound-reflection",
    "checklist": ".rebound-checklist",
    "journal": ".rebound-journal-view",
}


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


@pytest.fixture(scope="module")
def sample_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[servers.RunningServer]:
    """The app (Voila) on the sample journal, with a page that shows every widget (one for the module)."""
    tmp_path = tmp_path_factory.mktemp("show_back")
    workbook_folder = servers.make_workbook(tmp_path / "workbook")
    with Journal(tmp_path / "journal.db") as journal:
        build_demo(journal)
    (workbook_folder / "notebooks" / NOTEBOOK).write_text(json.dumps(notebook(CELLS)), encoding="utf-8")
    server = servers.start("app", workbook_folder, tmp_path)
    try:
        yield server
    finally:
        servers.stop(server)


@pytest.fixture(scope="module")
def shown(sample_app: servers.RunningServer, browser) -> Iterator[object]:
    """The page, opened once; the tests only read it (and type into a box, to see it grow)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        yield _opened(page, sample_app)
    finally:
        page.screenshot(path=str(ARTIFACTS / "show_back_page.png"), full_page=True)
        context.close()


def _opened(page, sample_app: servers.RunningServer) -> object:  # noqa: ANN001
    app_ui.open_app(page, f"{sample_app.base}/voila/render/{NOTEBOOK}?token={sample_app.token}")
    assert app_ui.tracebacks(page) == []
    for selector in WIDGETS.values():
        page.wait_for_selector(selector, timeout=app_ui.PAGE_PATIENCE_MS)
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 3000})  # tall widgets render whole in one screenshot
    for name, selector in WIDGETS.items():
        page.locator(selector).scroll_into_view_if_needed()
        page.locator(selector).locator("button:visible").first.wait_for()
        page.locator(selector).screenshot(path=str(ARTIFACTS / f"show_back_{name}.png"))
    notice = page.locator(".rebound-notice", has_text="last few days").locator("visible=true").first
    notice.screenshot(path=str(ARTIFACTS / "show_back_notice.png"))
    return page


# Each placeholder's text width, measured in the input's own font, against the room it has.
_CUT_PLACEHOLDERS = """
() => {
  const ctx = document.createElement('canvas').getContext('2d');
  const cut = [];
  for (const box of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    if (!box.placeholder || box.offsetParent === null) continue;
    const style = getComputedStyle(box);
    ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (ctx.measureText(box.placeholder).width > room) cut.push(box.placeholder);
  }
  return cut;
}
"""

# A date input shows the whole date when its field is wider than the date's text and the picker icon.
_NARROW_DATES = """
() => {
  const ctx = document.createElement('canvas').getContext('2d');
  const narrow = [];
  for (const box of document.querySelectorAll('input[type=date]')) {
    if (box.offsetParent === null) continue;
    const style = getComputedStyle(box);
    ctx.font = `${style.fontSize} ${style.fontFamily}`;
    const needed = ctx.measureText('00/00/0000').width + 2 * parseFloat(style.fontSize);
    if (box.clientWidth < needed) narrow.push(box.clientWidth);
  }
  return narrow;
}
"""

# For each visible checkbox: the gap to its own label, and the gap back to the label before it on the same row.
_CHECKBOX_GAPS = """
() => {
  const boxes = [...document.querySelectorAll('.widget-checkbox')].filter(b => b.offsetParent !== null);
  return boxes.map((b, i) => {
    const input = b.querySelector('input').getBoundingClientRect();
    const label = b.querySelector('span, .widget-label-basic').getBoundingClientRect();
    const before = i > 0 ? boxes[i - 1].getBoundingClientRect() : null;
    const sameRow = before && Math.abs(before.top - b.getBoundingClientRect().top) < 4;
    return [label.left - input.right, sameRow ? input.left - before.right : null];
  });
}
"""


def test_call_note_boxes_are_as_wide_as_the_feedback_box_and_grow(shown) -> None:
    log = shown.locator(".rebound-rejection-log")
    widths = [
        round(box.bounding_box()["width"])
        for box in log.locator(".widget-textarea").all()
        if box.is_visible()
    ]
    assert len(widths) >= 4 and max(widths) - min(widths) <= 2, widths
    notes = log.locator(".widget-textarea textarea").nth(1)
    before = notes.bounding_box()["height"]
    notes.fill("\n".join(f"line {n} of what they said on the call" for n in range(12)))
    assert notes.bounding_box()["height"] > before * 2


def test_no_placeholder_is_cut_off_and_dates_show_whole(shown) -> None:
    assert shown.evaluate(_CUT_PLACEHOLDERS) == []
    overflowing = shown.evaluate(
        "() => [...document.querySelectorAll('textarea, input')].filter(b => b.offsetParent !== null && "
        "b.getBoundingClientRect().right > b.closest('.jp-OutputArea-output').getBoundingClientRect().right + 1)"
        ".map(b => b.placeholder || b.type)"
    )
    assert overflowing == []
    assert shown.evaluate(_NARROW_DATES) == []


def test_no_drop_down_is_blank(shown) -> None:
    blank = shown.evaluate(
        "() => [...document.querySelectorAll('select')].filter(s => s.offsetParent !== null && "
        "(s.selectedIndex < 0 || !s.options[s.selectedIndex].text.trim())).map(s => s.parentElement.textContent)"
    )
    assert blank == []


def test_checkboxes_sit_with_their_own_labels(shown) -> None:
    gaps = shown.evaluate(_CHECKBOX_GAPS)
    assert gaps and max(own for own, _before in gaps) < 16, gaps
    in_rows = [(own, before) for own, before in gaps if before is not None]
    assert in_rows, "the feedback themes sit in rows"
    assert all(before > 2 * own for own, before in in_rows), in_rows


def test_the_support_notice_is_full_size(shown) -> None:
    sizes = shown.evaluate(
        "() => [...document.querySelectorAll('.rebound-notice p')].map(p => parseFloat(getComputedStyle(p).fontSize))"
    )
    body = shown.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.jp-OutputArea-output')).fontSize)"
    )
    assert sizes and min(sizes) >= body
    assert shown.locator(".rebound-notice small, .rebound-support-log small").count() == 0


def test_saved_entries_show_back_and_the_journal_pages(shown) -> None:
    for name in ("rejection_log", "support", "reflection", "checklist"):
        assert shown.locator(f"{WIDGETS[name]} .rebound-saved-row").count() > 0, name
    journal = shown.locator(WIDGETS["journal"])
    assert "Page 1 of" in journal.inner_text()
    delete = journal.locator("button", has_text="Delete").first
    delete.click()
    journal.get_by_text("Delete this for good?").locator("visible=true").first.wait_for()
    journal.locator("button", has_text="No, keep it").locator("visible=true").first.click()
    from playwright.sync_api import expect

    expect(journal.get_by_text("Delete this for good?").locator("visible=true")).to_have_count(0)

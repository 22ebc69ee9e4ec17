"""The sections in app mode (Voila): their Markdown shown as HTML, tables as tables, typed words never as tags."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from workbook import messages, sections
from workbook.demo import build_demo
from workbook.journal import Journal
from workbook.records import Application, MoodEntry
from workbook.sections import Markdown
from workbook.session import Workbook
from workbook.views import LiveView, Summary

FIRST = dt.date(2026, 1, 10)
#: A tag a person might type, with a tag, a table bar and Markdown stars in it.
TYPED = '<script>alert("hi")</script> *walked* | far'


def reject(journal: Journal, number: int, *, recover_after: int, tags: tuple[str, ...] = ()) -> None:
    """A rejection on its own month: usual mood 8, 5 on the day (tagged ``tags``), 10 ``recover_after`` days later."""
    day = FIRST + dt.timedelta(days=30 * number)
    app = Application(
        company=f"Co {number}",
        role="Analyst",
        applied_on=day - dt.timedelta(days=20),
        stage="interview",
        outcome="rejected",
        outcome_on=day,
    )
    journal.add(app)
    for back in (3, 2, 1):
        journal.add(MoodEntry(at=dt.datetime.combine(day - dt.timedelta(days=back), dt.time(9)), mood=8))
    journal.add(MoodEntry(at=dt.datetime.combine(day, dt.time(18)), mood=5, tags=tags))
    journal.add(
        MoodEntry(at=dt.datetime.combine(day + dt.timedelta(days=recover_after), dt.time(9)), mood=10)
    )


def six_rejections(journal: Journal, tag: str) -> None:
    """Three rejections tagged ``tag`` that passed in 2 days, three untagged that took 6: enough for both tables."""
    for number in range(3):
        reject(journal, number, recover_after=2, tags=(tag,))
    for number in range(3, 6):
        reject(journal, number, recover_after=6)


def row_cells(html: str, first_cell: str) -> list[str]:
    """The cells of the table row whose first cell reads ``first_cell`` (as HTML)."""
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        cells = re.findall(r"<t[dh]>(.*?)</t[dh]>", row, flags=re.S)
        if cells and cells[0] == first_cell:
            return cells
    raise AssertionError(f"no row starting {first_cell!r} in:\n{html}")


def test_what_hurt_most_is_a_real_table_in_app_mode(tmp_path: Path) -> None:
    with Journal(tmp_path / "sample.db") as journal:
        build_demo(journal)
        html = sections.what_helps(Workbook(journal)).html()
    assert "<table>" in html and "|---" not in html
    assert row_cells(html, messages.WHAT_HURT_HEADER[0]) == list(messages.WHAT_HURT_HEADER)
    assert f"<strong>{messages.WHAT_HURT_HEADING.strip('*')}</strong>" in html
    assert messages.PATTERNS_NOT_CAUSES in html


def test_words_a_person_typed_show_as_typed_never_as_a_tag_or_a_column(journal: Journal) -> None:
    six_rejections(journal, TYPED)
    summary = sections.what_helps(Workbook(journal))
    html = summary.html()
    shown = "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; *walked* | far"
    assert "<script" not in html
    assert row_cells(html, shown) == [shown, "2.0 (3)", "6.0 (3)"]  # the typed bar split no cell
    assert TYPED in summary.text


def test_raw_html_in_the_markdown_itself_is_escaped_not_passed_through() -> None:
    html = Markdown(
        text="", markdown='**Kept bold** <img src="x" onerror="alert(1)">\n\n<div>block</div>'
    ).html()
    assert "<strong>Kept bold</strong>" in html
    assert "<img" not in html and "&lt;img" in html
    assert "<div>" not in html and "&lt;div&gt;block&lt;/div&gt;" in html


def test_a_plain_summary_stays_one_escaped_paragraph() -> None:
    assert Summary("Tom & <Jerry> | *hi*").html() == "<p>Tom &amp; &lt;Jerry&gt; | *hi*</p>"


def test_in_app_mode_a_section_shows_html_and_redraws_to_a_table_after_saves(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    import IPython.display

    shown: list[object] = []
    monkeypatch.setenv("VOILA_KERNEL_ID", "test-kernel")
    monkeypatch.setattr(IPython.display, "display", lambda *objects, **_: shown.extend(objects))
    book = Workbook(journal)
    section = sections.SECTIONS["what_helps"]
    view = LiveView(
        journal, lambda: section.summary(book), lambda: [getattr(journal, r)() for r in section.reads]
    )
    view._ipython_display_()
    [box] = shown
    [widget] = box.children
    assert re.findall(r"<p>(.*?)</p>", widget.value) == [messages.WHAT_HELPS_EMPTY]

    six_rejections(journal, "walked")

    assert view.redraws > 0 and box.children == (widget,)
    assert row_cells(widget.value, "walked") == ["walked", "2.0 (3)", "6.0 (3)"]
    assert row_cells(widget.value, messages.WHAT_HELPED_HEADER[0]) == list(messages.WHAT_HELPED_HEADER)

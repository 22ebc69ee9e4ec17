"""The HTML report (``workbook report``) in a real browser: the person's text stays text."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from e2e import servers
from workbook.journal import Journal
from workbook.records import Application

# Skips only while the report module is missing; it runs as soon as workbook/report.py exists.
pytest.importorskip("workbook.report", reason="workbook/report.py (workbook report) is not written yet")

HOSTILE_COMPANY = "<img src=x onerror=alert(1)>"
HOSTILE_ROLE = "<script>alert('role')</script>"


def write_report(tmp_path: Path) -> Path:
    """A report, made by the command, of a journal whose company and role are HTML that would run."""
    journal_file = tmp_path / "journal.db"
    with Journal(journal_file) as journal:
        journal.add(
            Application(
                company=HOSTILE_COMPANY,
                role=HOSTILE_ROLE,
                applied_on=dt.date(2026, 9, 1),
                stage="interview",
                outcome="rejected",
                outcome_on=dt.date(2026, 9, 20),
                channel="video_call",
            )
        )
        journal.add(Application(company=HOSTILE_COMPANY, role="Analyst", applied_on=dt.date(2026, 6, 1)))
    report = tmp_path / "report.html"
    subprocess.run(
        [sys.executable, "-m", "workbook", "--journal", str(journal_file), "report", str(report)],
        env=servers.private_env(tmp_path, journal_file),
        check=True,
        timeout=300,
    )
    return report


def test_report_shows_html_in_names_as_text_and_runs_none_of_it(tmp_path: Path, page) -> None:
    report = write_report(tmp_path)
    dialogs: list[str] = []

    def refuse(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    page.goto(report.as_uri())
    page.wait_for_load_state("load")

    assert page.get_by_text(HOSTILE_COMPANY, exact=True).count() >= 1
    assert page.get_by_text(HOSTILE_ROLE, exact=True).count() >= 1
    assert page.locator("img[src='x'], body script").count() == 0
    assert dialogs == []

"""The HTML report: self-contained, with the metrics and themes, and every user string escaped."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.errors import WorkbookError
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem, MoodEntry
from workbook.report import render_report, write_report

SCRIPT = "<script>alert(1)</script>"


def fill(journal: Journal) -> None:
    """A rejection from a company with a hostile name, moods around it, and themed feedback."""
    app = journal.add(
        Application(
            company=SCRIPT,
            role="Dev & <b>Ops</b>",
            applied_on="2026-01-05",
            stage="interview",
            stage_on="2026-01-25",
            outcome="rejected",
            outcome_on="2026-02-02",
            channel="phone",
        )
    )
    for offset in range(-10, 10):
        at = dt.datetime(2026, 2, 2, 9) + dt.timedelta(days=offset)
        journal.add(MoodEntry(at=at, mood=7 if offset < 0 else 2 if offset < 3 else 7))
    journal.add(
        FeedbackItem(application_id=app.id, text="More depth", themes=["technical_depth"], confirmed=True)
    )
    journal.add(FeedbackItem(application_id=app.id, text="x", themes=["<i>odd</i>"]))


def report_of(journal: Journal, today: dt.date = dt.date(2026, 3, 1)) -> str:
    return render_report(
        applications=journal.applications(),
        stage_changes=journal.stage_changes(),
        moods=journal.moods(),
        feedback=journal.feedback(),
        today=today,
    )


def test_user_text_is_escaped_and_shows_as_text(journal: Journal) -> None:
    fill(journal)
    html = report_of(journal)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html
    assert "Dev &amp; &lt;b&gt;Ops&lt;/b&gt;" in html
    assert "&lt;i&gt;odd&lt;/i&gt;" in html
    assert "<i>" not in html


def test_report_holds_metrics_table_theme_summary_and_embedded_charts(journal: Journal) -> None:
    fill(journal)
    html = report_of(journal)
    # Baseline 7 (ten days of 7), lowest 2 -> dip 5; back to 7 on day 3: mean (2+2+7)/3 < 6.5,
    # day 4: (2+7+7)/3 = 5.33, day 5: 7 -> recovery 5 days.
    row = re.search(r"<tr><td>&lt;script.*?</tr>", html).group(0)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells[2:7] == ["2 Feb 2026", "7", "5", "5", "yes"]
    assert "<td>Technical depth</td>" in html
    images = re.findall(r'<img alt="[^"]+" src="([^"]+)"', html)
    assert len(images) >= 8
    assert all(src.startswith("data:image/png;base64,") for src in images)
    assert not re.search(r"(src|href)=\"(?!data:)", html)
    assert "http://" not in html and "https://" not in html


def test_low_mood_run_adds_a_gentle_note(journal: Journal) -> None:
    for offset in range(6):
        journal.add(MoodEntry(at=dt.datetime(2026, 2, 20, 9) + dt.timedelta(days=offset), mood=2))
    assert "low for several days" in report_of(journal, today=dt.date(2026, 2, 26))
    assert "low for several days" not in report_of(journal, today=dt.date(2026, 4, 1))


def test_empty_journal_gives_a_kind_report(journal: Journal) -> None:
    html = report_of(journal)
    assert "No rejections logged yet." in html
    assert "No feedback with themes logged yet." in html


def test_write_report_is_private_to_the_person(journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    path = write_report(journal, tmp_path / "report.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_writing_over_a_readable_report_makes_it_private(journal: Journal, tmp_path: Path) -> None:
    old = tmp_path / "report.html"
    old.write_text("an old report")
    os.chmod(old, 0o644)
    write_report(journal, old)
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    assert old.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_report_into_a_folder_or_a_missing_folder_is_refused_with_the_path(
    journal: Journal, tmp_path: Path
) -> None:
    with pytest.raises(WorkbookError, match=f"report: {tmp_path}: is a folder; name the file"):
        write_report(journal, tmp_path)
    missing = tmp_path / "nowhere" / "report.html"
    with pytest.raises(WorkbookError, match=f"the folder {tmp_path / 'nowhere'} does not exist"):
        write_report(journal, missing)
    under_file = tmp_path / "notes.txt"
    under_file.write_text("mine")
    with pytest.raises(WorkbookError, match="is a file, not a folder"):
        write_report(journal, under_file / "report.html")
    assert under_file.read_text() == "mine"


def test_a_report_that_cannot_be_written_raises_oserror_naming_the_file(journal: Journal) -> None:
    with pytest.raises(OSError) as caught:
        write_report(journal, "/proc/rebound-report.html")
    assert caught.value.filename == "/proc/rebound-report.html"


def run_workbook(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``workbook ARGS`` as a person runs it, with a journal of its own."""
    env = {**os.environ, "WORKBOOK_JOURNAL": str(tmp_path / "journal.db"), "HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "workbook", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("report", "{tmp}"), "is a folder"),
        (("report", "{tmp}/missing/report.html"), "does not exist"),
        (("export", "{tmp}/file.txt"), "is a file, not a folder"),
        (("export", "{tmp}/file.txt", "--format", "json"), "is a file, not a folder"),
    ],
)
def test_cli_refuses_bad_report_and_export_places_in_one_line(
    tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    (tmp_path / "file.txt").write_text("mine")
    result = run_workbook(tmp_path, *(arg.format(tmp=tmp_path) for arg in args))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and said in lines[0]
    assert "Traceback" not in result.stderr
    assert (tmp_path / "file.txt").read_text() == "mine"


def test_the_report_writes_dates_and_counts_as_every_view_does(journal: Journal) -> None:
    fill(journal)
    html = report_of(journal, today=dt.date(2026, 10, 3))
    assert "Made on 3 Oct 2026 from 1 application and 20 mood entries." in html


def test_the_report_names_themes_as_the_coach_template_does(journal: Journal) -> None:
    from workbook.themes import load_vocabulary

    fill(journal)
    vocabulary = load_vocabulary({"extend": True, "themes": {"technical_depth": {"label": "Craft"}}})
    html = render_report(
        applications=journal.applications(),
        stage_changes=journal.stage_changes(),
        moods=journal.moods(),
        feedback=journal.feedback(),
        vocabulary=vocabulary,
    )
    assert "<td>Craft</td>" in html

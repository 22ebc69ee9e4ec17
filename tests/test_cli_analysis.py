"""`workbook metrics` and `workbook report` on a journal built with `workbook import DIR`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbook.cli import main

APPLICATIONS = """\
id,company,role,applied_on,stage,outcome,outcome_on,channel
1,Acme,Analyst,2026-01-05,interview,rejected,2026-02-10,video_call
2,Beta,Tester,2026-02-12,applied,rejected,2026-03-01,email
3,Gamma,Analyst,2026-03-04,applied,pending,,none
"""
MOODS = """\
id,at,mood,emotions,tags,energy,note,context,application_id
1,2026-02-01T09:00:00,6,,,,,daily,
2,2026-02-05T09:00:00,8,,,,,daily,
3,2026-02-08T09:00:00,7,,,,,daily,
4,2026-02-09T09:00:00,7,,,,,daily,
5,2026-02-09T21:00:00,9,,,,,daily,
6,2026-02-10T18:00:00,3,sad,,,the call,after_call,1
7,2026-02-12T09:00:00,5,,,,,daily,
8,2026-02-13T09:00:00,8,,,,,daily,
9,2026-02-20T09:00:00,9,,,,,daily,
10,2026-03-01T09:00:00,4,,,,,daily,2
"""


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    """A journal filled by `workbook import DIR` from hand-written CSV files."""
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "applications.csv").write_text(APPLICATIONS, encoding="utf-8")
    (folder / "mood_entries.csv").write_text(MOODS, encoding="utf-8")
    journal = tmp_path / "journal.db"
    assert main(["--journal", str(journal), "import", str(folder)]) == 0
    return journal


def test_metrics_json_is_what_design_specifies(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--journal", str(imported), "metrics", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    # Acme, D = 02-10.  Daily moods D-14..D-1: 02-01 6, 02-05 8, 02-08 7, 02-09 (7+9)/2 = 8
    #   -> median of 6 7 8 8 = 7.5; target 7.
    # Dip: D..D+7 holds 3, 5, 8 -> 7.5 - 3 = 4.5.
    # Walk: 02-10 3; 02-12 (3+5)/2 = 4; 02-13 (3+5+8)/3 = 5.33; 02-20 (5+8+9)/3 = 7.33 >= 7 -> 10 days.
    # Bounce-back: Beta applied 02-12 -> 2 days.
    # Beta, D = 03-01.  Only 02-20 lies in 02-15..02-28: one date, no baseline -> nulls.
    # Bounce-back: Gamma applied 03-04 -> 3 days.
    assert rows == [
        {
            "application_id": 1,
            "company": "Acme",
            "role": "Analyst",
            "rejected_on": "2026-02-10",
            "baseline": 7.5,
            "dip": 4.5,
            "recovery_days": 10,
            "recovered": True,
            "bounce_back_days": 2,
        },
        {
            "application_id": 2,
            "company": "Beta",
            "role": "Tester",
            "rejected_on": "2026-03-01",
            "baseline": None,
            "dip": None,
            "recovery_days": None,
            "recovered": None,
            "bounce_back_days": 3,
        },
    ]
    assert isinstance(rows[0]["recovery_days"], int)


def test_metrics_without_json_prints_a_table_and_the_trend(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--journal", str(imported), "metrics"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "application_id",
        "company",
        "role",
        "rejected_on",
        "baseline",
        "dip",
        "recovery_days",
        "recovered",
        "bounce_back_days",
    ]
    assert lines[1].split() == ["1", "Acme", "Analyst", "2026-02-10", "7.5", "4.5", "10", "True", "2"]
    assert lines[2].split() == ["2", "Beta", "Tester", "2026-03-01", "-", "-", "-", "-", "3"]
    assert "Too few" in lines[-1]


def test_metrics_on_an_empty_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    journal = str(tmp_path / "journal.db")
    assert main(["--journal", journal, "metrics", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--journal", journal, "metrics"]) == 0
    assert capsys.readouterr().out.strip() == "No rejections logged yet."


def test_report_writes_one_html_file(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    assert main(["--journal", str(imported), "report", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert "<td>Acme</td>" in html
    assert "data:image/png;base64," in html

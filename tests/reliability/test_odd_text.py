"""Legitimate text that looks odd is a person's own words: stored, listed and exported exactly.

Emoji, right-to-left script, quotes, HTML, SQL fragments, spreadsheet formulas,
line breaks.  Each goes in through the command line, comes back from
``list --json`` unchanged, is exported as CSV and JSON (a spreadsheet must
not run a formula from the CSV), and an import of either export into an empty
journal gives the same words back.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from reliability.harness import run_main
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem, MoodEntry

ODD_TEXT = {
    "emoji": "Gutted 😞 then a little hope 🌱",
    "right-to-left": "שלום עליכם، مرحبا بك",
    "direction-marks": "abc\u200fdef\u202eghi",
    "combining-accents": "Cafe\u0301, déçu, naïve",
    "zero-width-joiners": "a\u200bb\u200dc 👩\u200d💻",
    "double-and-single-quotes": "He said \"not this time\" and 'maybe next year'",
    "html-and-script": "<script>alert('x')</script> & <b>bold</b>",
    "sql-drop-table": "'); DROP TABLE mood_entries;--",
    "sql-or-true": "x' OR '1'='1",
    "formula-sum": "=SUM(A1)",
    "formula-hyperlink": '=HYPERLINK("http://example.invalid","click")',
    "formula-plus": "+1 555 0100",
    "formula-minus": "-5 today",
    "formula-at": "@channel standup",
    "commas-newlines-quotes": 'line one,\nline two; "three"',
    "windows-line-break": "first\r\nsecond",
    "old-mac-line-break": "first\rsecond",
    "tab-inside": "col1\tcol2",
    "backslashes": "C:\\Users\\me \\n is not a newline",
    "json-lookalike": '{"mood": 11, "note": null}',
    "the-word-null": "NULL",
    "percent-and-braces": "100% {name} %s",
}
FORMULA_START = ("=", "+", "-", "@")


@pytest.fixture
def odd_journal(tmp_path: Path, capsys) -> Path:
    """A journal holding each odd text as a mood note (typed at the CLI), an application and feedback."""
    path = tmp_path / "journal.db"
    for text in ODD_TEXT.values():
        code, _, err = run_main(
            ["--journal", str(path), "add", "mood", "--mood", "5", f"--note={text}"], capsys
        )
        assert code == 0, err
    with Journal(path) as journal:
        for n, text in enumerate(ODD_TEXT.values()):
            app = journal.add(
                Application(company=text, role=f"role {n}", applied_on="2025-01-02", notes=text)
            )
            journal.add(FeedbackItem(application_id=app.id, text=text))
    return path


def _words(path: Path) -> dict[str, list[str]]:
    with Journal(path) as journal:
        return {
            "notes": sorted(m.note for m in journal.records(MoodEntry)),
            "companies": sorted(a.company for a in journal.records(Application)),
            "app notes": sorted(a.notes for a in journal.records(Application)),
            "feedback": sorted(f.text for f in journal.records(FeedbackItem)),
        }


def test_odd_text_is_listed_back_exactly(odd_journal: Path, capsys) -> None:
    code, out, err = run_main(["--journal", str(odd_journal), "list", "moods", "--json"], capsys)
    assert code == 0, err
    assert [row["note"] for row in json.loads(out)] == list(ODD_TEXT.values())


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_odd_text_survives_export_and_import_exactly(
    odd_journal: Path, tmp_path: Path, capsys, fmt: str
) -> None:
    exported = tmp_path / f"export-{fmt}"
    code, _, err = run_main(["--journal", str(odd_journal), "export", str(exported), "--format", fmt], capsys)
    assert code == 0, err

    if fmt == "json":
        rows = json.loads((exported / "mood_entries.json").read_text(encoding="utf-8"))
        assert [row["note"] for row in rows] == list(ODD_TEXT.values())
    else:
        with open(exported / "mood_entries.csv", encoding="utf-8", newline="") as handle:
            cells = [row["note"] for row in csv.DictReader(handle)]
        for text, cell in zip(ODD_TEXT.values(), cells, strict=True):
            if text.startswith(FORMULA_START):
                assert not cell.startswith(FORMULA_START), f"a spreadsheet would run {cell!r}"
                assert text in cell
            elif text.startswith("'"):
                # The escape is escaped: a spreadsheet hides one leading quote and shows the text.
                assert cell == "'" + text
            else:
                assert cell == text

    fresh = tmp_path / "fresh.db"
    code, _, err = run_main(["--journal", str(fresh), "import", str(exported)], capsys)
    assert code == 0, err
    assert _words(fresh) == _words(odd_journal)

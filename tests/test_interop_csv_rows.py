"""Every CSV reader (folder, Daylio, spreadsheet): cut-off quotes, long cells, bad bytes, a folder for a file."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from workbook.errors import ImportRowError, WorkbookError
from workbook.interop.csv_rows import FIELD_LIMIT
from workbook.interop.daylio import import_daylio
from workbook.interop.folder import import_csv
from workbook.interop.spreadsheet import import_applications
from workbook.journal import Journal

FIXTURES = Path(__file__).parent / "fixtures" / "folder_import"
DAYLIO_HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"
DAYLIO_ROW = "2026-08-20,August 20,Thursday,18:00,meh,walk,Title,"
SHEET_HEADER = "Company,Position,Date Applied,Status,Salary\n"


def folder_with(tmp_path: Path, moods: str) -> Path:
    """A folder holding only ``mood_entries.csv`` with ``moods`` as its text."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mood_entries.csv").write_text(moods, encoding="utf-8")
    return folder


def import_folder_text(journal: Journal, tmp_path: Path, text: str) -> Path:
    folder = folder_with(tmp_path, text)
    import_csv(journal, folder)
    return folder / "mood_entries.csv"


def import_daylio_text(journal: Journal, tmp_path: Path, text: str) -> Path:
    path = tmp_path / "daylio.csv"
    path.write_text(text, encoding="utf-8")
    import_daylio(journal, path)
    return path


def import_sheet_text(journal: Journal, tmp_path: Path, text: str) -> Path:
    path = tmp_path / "jobs.csv"
    path.write_text(text, encoding="utf-8")
    import_applications(journal, path)
    return path


CUT_OFF = {
    "folder": (
        import_folder_text,
        'id,at,mood,note\n1,2026-08-20T18:00:00,4,first\n2,2026-08-21T18:00:00,5,"half a no',
        "note",
    ),
    "daylio": (import_daylio_text, f'{DAYLIO_HEADER}{DAYLIO_ROW}first\n{DAYLIO_ROW}"half a no', "note"),
    "spreadsheet": (
        import_sheet_text,
        f'{SHEET_HEADER}Acme,Analyst,2026-08-01,Applied,1\nBolt,"Engineer\nwho was cut',
        "Position",
    ),
}


@pytest.mark.parametrize("reader", CUT_OFF)
def test_a_file_that_ends_inside_a_quoted_cell_is_refused_whole(
    journal: Journal, tmp_path: Path, reader: str
) -> None:
    read, text, column = CUT_OFF[reader]
    with pytest.raises(ImportRowError) as caught:
        read(journal, tmp_path, text)
    assert (caught.value.line, caught.value.field) == (3, column)
    assert "ends inside a quoted cell" in caught.value.reason
    assert sum(journal.counts().values()) == 0


def test_the_cut_off_fixture_names_its_file_and_line(journal: Journal) -> None:
    with pytest.raises(ImportRowError) as caught:
        import_csv(journal, FIXTURES / "cut_off_quote")
    assert str(caught.value).startswith(f"{FIXTURES / 'cut_off_quote' / 'mood_entries.csv'}, line 3: note: ")
    assert journal.counts()["mood_entries"] == 0


def test_text_after_a_closing_quote_is_refused_not_glued_on(journal: Journal, tmp_path: Path) -> None:
    with pytest.raises(ImportRowError) as caught:
        import_folder_text(journal, tmp_path, 'id,at,mood,note\n1,2026-08-20T18:00:00,4,"Acme" Inc\n')
    assert (caught.value.line, caught.value.field) == (2, "note")
    assert 'write a " inside a quoted cell as ""' in caught.value.reason


def test_a_cell_over_the_old_131072_limit_is_read(journal: Journal, tmp_path: Path) -> None:
    # A spreadsheet column Rebound leaves out may be long; the reader must not stop at it.
    long = "x" * 200_000
    import_sheet_text(journal, tmp_path, f'{SHEET_HEADER}Acme,Analyst,2026-08-01,Applied,"{long}"\n')
    assert journal.counts()["applications"] == 1


def test_a_long_note_is_refused_by_the_journals_own_limit_with_its_field(
    journal: Journal, tmp_path: Path
) -> None:
    with pytest.raises(ImportRowError) as caught:
        import_folder_text(journal, tmp_path, f"id,at,mood,note\n1,2026-08-20T18:00:00,4,{'y' * 200_000}\n")
    assert (caught.value.line, caught.value.field) == (2, "note")
    assert "the limit is 20,000" in caught.value.reason


@pytest.mark.parametrize(
    "read", [import_folder_text, import_daylio_text, import_sheet_text], ids=["folder", "daylio", "sheet"]
)
def test_a_cell_over_the_reader_limit_is_refused_naming_line_and_column(
    journal: Journal, tmp_path: Path, read: Callable[..., Path]
) -> None:
    huge = "z" * (FIELD_LIMIT + 1)
    text = {
        import_folder_text: f"id,at,mood,note\n1,2026-08-20T18:00:00,4,ok\n2,2026-08-21T18:00:00,4,{huge}\n",
        import_daylio_text: f"{DAYLIO_HEADER}{DAYLIO_ROW}ok\n{DAYLIO_ROW}{huge}\n",
        import_sheet_text: f"{SHEET_HEADER}Acme,Analyst,2026-08-01,Applied,1\nBolt,Eng,2026-08-02,Applied,{huge}\n",
    }[read]
    with pytest.raises(ImportRowError) as caught:
        read(journal, tmp_path, text)
    assert caught.value.line == 3
    assert caught.value.field in ("note", "Salary")
    assert "1,000,000" in caught.value.reason
    assert sum(journal.counts().values()) == 0


def test_reading_leaves_the_csv_modules_limit_as_it_was(journal: Journal, tmp_path: Path) -> None:
    before = csv.field_size_limit()
    import_sheet_text(journal, tmp_path, f'{SHEET_HEADER}Acme,Analyst,2026-08-01,Applied,"{"x" * 200_000}"\n')
    assert csv.field_size_limit() == before


def test_a_folder_file_that_is_not_utf8_names_the_file_and_line(journal: Journal, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mood_entries.csv").write_bytes(b"id,at,mood,note\n1,2026-08-20T18:00:00,4,caf\xe9\n")
    with pytest.raises(ImportRowError) as caught:
        import_csv(journal, folder)
    assert caught.value.file == str(folder / "mood_entries.csv") and caught.value.line == 2
    assert "is not UTF-8" in caught.value.reason


def test_a_folder_in_place_of_a_csv_file_is_named(journal: Journal, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "applications.csv").mkdir(parents=True)
    with pytest.raises(WorkbookError, match=r"applications\.csv: is a folder, not a file"):
        import_csv(journal, folder)
    with pytest.raises(WorkbookError, match="is a folder, not a file"):
        import_applications(journal, folder)
    with pytest.raises(WorkbookError, match="is a folder, not a file"):
        import_daylio(journal, folder)


@pytest.mark.parametrize(
    ("folder", "said"),
    [
        ("cut_off_quote", "mood_entries.csv, line 3: note: the file ends inside a quoted cell"),
        ("duplicate_application_ids", "applications.csv, line 4: id: 1 is already the id of line 2"),
    ],
)
def test_cli_refuses_the_folder_in_one_line_and_stores_nothing(
    tmp_path: Path, folder: str, said: str
) -> None:
    journal_file = tmp_path / "journal.db"
    env = {**os.environ, "WORKBOOK_JOURNAL": str(journal_file), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "workbook", "import", str(FIXTURES / folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ") and said in result.stderr
    with Journal(journal_file) as journal:
        assert sum(journal.counts().values()) == 0

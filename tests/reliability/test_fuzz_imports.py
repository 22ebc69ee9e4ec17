"""Every importer, driven with generated hostile files (issue 22, "Fuzzing, not only lists").

The CSV and JSON folders of `workbook export`, a Daylio export and a
spreadsheet of applications, each written with hostile cells (huge numbers,
escaped surrogates, control characters, NUL, long text, odd dates, negative
ids) or as raw bytes.  Property: `workbook import ...` either refuses in one
line starting ``error: `` with exit 2 and leaves the journal's rows exactly as
they were, or exits 0 having stored every text exactly (stripped).  Never a
traceback.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from reliability.fuzz_budget import budget
from reliability.harness import content, run_main, seed

CELLS = [
    "9" * 5_000, "9" * 20, "0", "-1", "", " ", "٣", "²", "1_000", "1e400", "nan", "inf", "5.0", "NaN",
    "9999-12-31", "0000-01-01", "1899-12-31", "2024-02-30", "9999-12-31T23:59:59", "2024-06-15T25:00:00",
    "+002024-01-01", "2025-01-02T08:00:00+14:00", "\x00", "a\x00b", "\ud83d", "\ud83d\ude00", "x" * 20_001,
    "x" * 101, ";;;", "\u202e", "\r\n", "\x1b[31m", "=1+1", "'=1+1", "null", "N/A", "true", "yes", "maybe",
    "communication=99", "rejected", "offer", "final", "video_call", "awful", "rad", "10:00 pm", "99:99",
    "9" * 5000 + ":00", "2025-09-01", "01/02/2025", "13/13/2025", "Nov 31, 2025", "1/1/" + "9" * 5000,
]  # fmt: skip
characters = st.characters(codec=None)
cell = st.one_of(
    st.sampled_from(CELLS),
    st.integers(-(10**25), 10**25).map(str),
    st.text(characters, max_size=30),
    st.text(st.sampled_from("0123456789-+.:;,=T _/"), max_size=20),
)
MOOD_HEADER = ["id", "at", "mood", "emotions", "tags", "energy", "note", "context", "application_id"]
APP_HEADER = ["id", "company", "role", "applied_on", "stage", "outcome", "outcome_on", "channel", "notes", "invited_back"]  # fmt: skip
GOOD_MOOD = ["1", "2025-01-02T08:00:00", "5", "calm", "walked", "3", "A note.", "daily", ""]
GOOD_APP = ["1", "Acme", "Analyst", "2025-01-01", "applied", "pending", "", "none", "", "false"]
DAYLIO_HEADER = ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
GOOD_DAYLIO = ["2025-09-02", "2 September", "Tuesday", "20:00", "good", "walk | read", "Title", "Note"]
SHEET_HEADER = ["Company", "Position", "Date Applied", "Status", "Response date", "Notes"]
GOOD_SHEET = ["Acme Ltd", "Data analyst", "2025-09-01", "Rejected", "2025-09-20", "Kind and brief"]
#: Cells stored as text: an accepted import must hold each exactly (stripped).
TEXT_COLUMNS = {"note", "company", "role", "notes", "Company", "Position", "Notes"}


@st.composite
def hostile_rows(draw: st.DrawFn, good: list[str]) -> list[list[str]]:
    """One to three rows: each a good row with one to three cells made hostile."""
    rows = []
    for _ in range(draw(st.integers(1, 3))):
        row = list(good)
        for index in draw(st.lists(st.integers(0, len(good) - 1), min_size=1, max_size=3, unique=True)):
            row[index] = draw(cell)
        rows.append(row)
    return rows


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write_text(path: Path, text: str) -> None:
    # Lone surrogates cannot be UTF-8: they go to the file as the bytes Python would escape them with,
    # which is what a broken program writes; the importer must refuse them as not UTF-8 text.
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


def check_import(
    argv_tail: list[str], tmp: Path, header: list[str], rows: list[list[str]], capsys: Any
) -> None:
    """Run `workbook --journal J import ...` on a seeded journal and check the property."""
    journal = seed(tmp / "journal.db")
    before = content(journal)
    code, _out, err = run_main(["--journal", str(journal), "import", *argv_tail], capsys)
    lines = [line for line in err.splitlines() if line.strip()]
    event(f"exit {code}")
    assert "Traceback" not in err, err
    if code == 2:
        assert len(lines) == 1 and lines[0].startswith("error: "), err
        assert content(journal) == before, ("a refused import changed the journal", err)
        return
    assert code == 0, (code, err)
    after = content(journal)
    assert after is not None and before is not None
    new_rows = [row for table, found in after.items() for row in found if row not in before.get(table, [])]
    for row in rows:
        for name, value in zip(header, row, strict=False):
            if name in TEXT_COLUMNS and value.strip() and value.strip().lower() not in ("null", "n/a"):
                stored_texts = [str(part) for stored in new_rows for part in stored]
                assert any(value.strip() in text for text in stored_texts) or not new_rows, (
                    f"{name}={value!r} was not stored exactly",
                    err,
                )


@budget(60)
@given(moods=hostile_rows(GOOD_MOOD), apps=hostile_rows(GOOD_APP))
def test_a_csv_folder_with_hostile_cells(
    moods: list[list[str]], apps: list[list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        source = tmp / "in"
        source.mkdir()
        write_text(source / "mood_entries.csv", csv_text(MOOD_HEADER, moods))
        write_text(source / "applications.csv", csv_text(APP_HEADER, apps))
        check_import([str(source)], tmp, MOOD_HEADER, moods, capsys)


json_value = st.one_of(
    cell,
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([None, True, False, [], {}, [1, [2]], {"a": 1}, ["calm", "\ud83d"], 10**400]),
)


@budget(60)
@given(
    records=st.lists(
        st.dictionaries(st.sampled_from(MOOD_HEADER), json_value, max_size=4), min_size=1, max_size=3
    )
)
def test_a_json_folder_with_hostile_values(
    records: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        source = tmp / "in"
        source.mkdir()
        rows = [{**dict(zip(MOOD_HEADER, GOOD_MOOD, strict=True)), **record} for record in rows_of(records)]
        try:
            text = json.dumps(rows)  # NaN and Infinity as Python writes them; 10**400 as its digits
        except ValueError:
            text = json.dumps(rows, default=str).replace('"' + "1" + "0" * 400 + '"', "1" + "0" * 400)
        write_text(source / "mood_entries.json", text)
        check_import([str(source)], tmp, [], [], capsys)


def rows_of(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records with huge ints written whole (json.dumps refuses over 4,300 digits)."""
    return [
        {k: (str(v) if isinstance(v, int) and v.bit_length() > 14_000 else v) for k, v in r.items()}
        for r in records
    ]


@budget(50)
@given(rows=hostile_rows(GOOD_DAYLIO))
def test_a_daylio_export_with_hostile_cells(
    rows: list[list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        write_text(tmp / "daylio.csv", "\ufeff" + csv_text(DAYLIO_HEADER, rows))
        check_import(["daylio", str(tmp / "daylio.csv")], tmp, DAYLIO_HEADER, rows, capsys)


@budget(50)
@given(rows=hostile_rows(GOOD_SHEET))
def test_a_spreadsheet_of_applications_with_hostile_cells(
    rows: list[list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        write_text(tmp / "tracker.csv", csv_text(SHEET_HEADER, rows))
        check_import(["applications", str(tmp / "tracker.csv")], tmp, SHEET_HEADER, rows, capsys)


@budget(40)
@given(
    kind=st.sampled_from(["folder-csv", "folder-json", "daylio", "applications"]),
    data=st.one_of(
        st.binary(max_size=400),
        st.sampled_from([b"", b"\xef\xbb\xbf", b"\x00" * 64, b'"' * 300, b"a," * 5000, b"\n" * 1000]),
    ),
    header=st.booleans(),
)
def test_any_bytes_in_an_imported_file(
    kind: str, data: bytes, header: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        heads = {
            "folder-csv": ",".join(MOOD_HEADER),
            "folder-json": "[",
            "daylio": ",".join(DAYLIO_HEADER),
            "applications": ",".join(SHEET_HEADER),
        }
        body = (heads[kind].encode() + b"\n" if header else b"") + data
        if kind.startswith("folder"):
            (tmp / "in").mkdir()
            target = tmp / "in" / ("mood_entries.csv" if kind == "folder-csv" else "mood_entries.json")
            argv = [str(tmp / "in")]
        else:
            target = tmp / "file.csv"
            argv = [kind, str(target)]
        target.write_bytes(body)
        check_import(argv, tmp, [], [], capsys)

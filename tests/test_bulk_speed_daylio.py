"""Reading a Daylio export in one batch gives what reading it row by row gave: the same entries, the same refusals.

The Daylio reader reads every row's cells first and builds the entries as a
batch; when a row is refused, it must still be the first bad row in the file
that is named, with the same one-line message as before.  Plain one-line notes
skip the HTML tidying, which must change nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from workbook.errors import ImportRowError, ValidationError
from workbook.interop import html_text
from workbook.interop.daylio import DEFAULT_MOODS, daylio_note, parse_clock, read_daylio, split_activities
from workbook.interop.html_text import html_to_text
from workbook.records import MoodEntry

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"
GOOD = [
    '2024-03-02,March 2,Saturday,10:00 pm,rad,walk | music |  read ,Title,"<p>Long day &amp; fine</p>"\n',
    "2024-03-01,March 1,Friday,09:05,  Good ,,,plain note  with  spaces\n",
    "2024-03-01,March 1,Friday,9:05 a.m.,meh,tea; cake,,\n",
    "2024-03-01,March 1,Friday,09:05,  Good ,,,plain note  with  spaces\n",
    '2024-02-28,Feb 28,Wednesday,23:59,awful,"x | x | y",,"two\nlines"\n',
]


def write(tmp_path: Path, rows: list[str], header: str = HEADER) -> Path:
    path = tmp_path / "daylio.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    return path


def row_by_row(path: Path) -> list[tuple[int, MoodEntry]]:
    """The reader as it was: each row in turn, from a dict of its cells, built by the constructor."""
    import csv

    with path.open(newline="", encoding="utf-8") as handle:
        lines = list(csv.reader(handle))
    header = [name.strip() for name in lines[0]]
    found = []
    for number, cells in enumerate(lines[1:], 2):
        row = dict(zip(header, cells))
        try:
            day = dt.date.fromisoformat(row["full_date"].strip())
            entry = MoodEntry(
                at=dt.datetime.combine(day, parse_clock(row["time"])),
                mood=DEFAULT_MOODS[row["mood"].strip().lower()],
                tags=split_activities(row["activities"]),
                note=daylio_note(row.get("note_title") or "", row["note"]),
                context="daily",
            )
        except ValidationError as error:
            return f"line {number}: {error.field}: {error.reason}"  # type: ignore[return-value]
        found.append((number, entry))
    return sorted(found, key=lambda pair: pair[1].at)


def test_a_good_file_gives_the_entries_row_by_row_reading_gives(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    plan = read_daylio(path)
    assert [(row.line, row.record) for row in plan.rows] == row_by_row(path)
    first = min(plan.rows, key=lambda row: row.line)
    assert first.record.note == "Title\n\nLong day & fine"
    assert first.record.tags == ("walk", "music", "read")
    assert (
        first.shown == "2024-03-02 22:00 mood 10 (rad), tags: walk, music, read, note: Title Long day & fine"
    )
    assert plan.notes == ["Moods: awful -> 2, meh -> 6, good -> 8, rad -> 10"]


def test_a_file_without_note_titles_reads_as_before(tmp_path: Path) -> None:
    header = "full_date,date,weekday,time,mood,activities,note\n"
    rows = ["2024-03-01,March 1,Friday,09:05,good,walk,hello\n", "2024-03-02,x,y,10:00,bad,,\n"]
    plan = read_daylio(write(tmp_path, rows, header))
    assert [(row.line, row.record.note, row.record.mood) for row in plan.rows] == [
        (2, "hello", 8),
        (3, "", 4),
    ]


def refusal(tmp_path: Path, rows: list[str]) -> str:
    path = write(tmp_path, rows)
    with pytest.raises(ImportRowError) as caught:
        read_daylio(path)
    message = str(caught.value)
    assert "\n" not in message
    return message.removeprefix(f"{path}, ")


FUTURE = (dt.date.today() + dt.timedelta(days=2)).isoformat()
LONG = "x" * 101

REFUSALS: dict[str, tuple[list[str], str]] = {
    "a future day, then a bad time": (
        [GOOD[1], f"{FUTURE},a,b,10:00,good,,,\n", "2024-03-01,a,b,25:00,good,,,\n"],
        f"line 3: full_date: {FUTURE} is in the future",
    ),
    "a bad time, then a future day": (
        [GOOD[1], "2024-03-01,a,b,7 o'clock,good,,,\n", f"{FUTURE},a,b,10:00,good,,,\n"],
        'line 3: time: "7 o\'clock" is not a time (Daylio writes 14:58 or 2:58 pm)',
    ),
    "a long activity, then a bad date": (
        [f"2024-03-01,a,b,10:00,good,{LONG},,\n", "2024-13-01,a,b,10:00,good,,,\n"],
        "line 2: activities: is 101 characters long; the limit is 100",
    ),
    "a bad date, then a long activity": (
        ["2024-13-01,a,b,10:00,good,,,\n", f"2024-03-01,a,b,10:00,good,{LONG},,\n"],
        "line 2: full_date: '2024-13-01' is not a date (Daylio writes YYYY-MM-DD)",
    ),
    "a note too long, last": (
        [GOOD[1], GOOD[2], f"2024-03-01,a,b,10:00,good,,,{'y' * 20_001}\n"],
        "line 4: note: is 20,001 characters long; the limit is 20,000",
    ),
    "a NUL in a note": (
        [GOOD[1], "2024-03-01,a,b,10:00,good,,,a\x00b\n"],
        "line 3: note: contains a NUL byte",
    ),
    "a 12-hour clock past 12": (
        ["2024-03-01,a,b,13:00 pm,good,,,\n"],
        "line 2: time: '13:00 pm' is not a time: a 12-hour clock runs from 1 to 12",
    ),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_the_first_bad_row_is_named_in_one_line(tmp_path: Path, case: str) -> None:
    rows, message = REFUSALS[case]
    assert refusal(tmp_path, rows) == message


# --- plain notes ----------------------------------------------------------------------------

NOTES = [
    "", " ", "plain", "  two  spaces  inside  ", "naïve café", "a\xa0b", "a\tb", "a\u2028b", "a\u3000b",
    "line\nline", "\n\nafter blanks\n\n\nand more\n", "x\r\ny", "a\x0bb", "a\x85b", "tab\tend\t",
]  # fmt: skip


@pytest.mark.parametrize("note", NOTES, ids=repr)
def test_a_plain_note_is_tidied_as_the_general_path_tidies_it(note: str) -> None:
    assert html_to_text(note) == html_text._tidy(note)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("mood < 5", "mood < 5"),
        ("a &amp; b", "a & b"),
        ("<p>one</p><p>two</p>", "one\n\ntwo"),
        ("a<br>b", "a\nb"),
    ],
)
def test_a_note_with_markup_still_goes_through_the_parser(note: str, expected: str) -> None:
    assert html_to_text(note) == expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("", "", ""),
        ("T", "", "T"),
        ("", "B", "B"),
        ("T", "B", "T\n\nB"),
        (" ", "<p></p>", ""),
        ("<b>T</b>", " B ", "T\n\nB"),
    ],
)
def test_a_note_title_and_note_join_as_before(title: str, body: str, expected: Any) -> None:
    assert daylio_note(title, body) == expected


def test_a_planned_row_is_built_as_the_dataclass_would_build_it() -> None:
    from dataclasses import FrozenInstanceError, fields

    from workbook.interop.plan import PlannedRow

    entry = MoodEntry(at="2024-03-01T08:00:00", mood=5)
    row = PlannedRow(3, entry, "shown")
    assert row == PlannedRow(line=3, record=entry, show="shown") and hash(row) == hash(
        PlannedRow(3, entry, "shown")
    )
    assert [f.name for f in fields(row)] == ["line", "record", "show"] and row.shown == "shown"
    assert repr(row).startswith("PlannedRow(line=3, record=MoodEntry(")
    assert PlannedRow(3, entry, lambda: "later").shown == "later"
    with pytest.raises(FrozenInstanceError):
        row.line = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        PlannedRow(3, entry)  # type: ignore[call-arg]


def test_mood_names_are_named_in_the_order_first_met_and_an_empty_one_by_its_line(tmp_path: Path) -> None:
    rows = [
        f"2024-03-0{n},a,b,10:00,{mood},,,\n"
        for n, mood in enumerate(["good", " Sad ", "good", "meh ", "Grumpy"], 1)
    ]
    message = refusal(tmp_path, rows)
    assert message.startswith("line 3: mood: 'Sad' is not one of Daylio's default moods")
    assert "This file uses: good, Sad, meh, Grumpy." in message and '--moods "Sad=3,Grumpy=8"' in message
    empty = [f"2024-03-0{n},a,b,10:00,{mood},,,\n" for n, mood in enumerate(["good", "good", "  ", "Sad"], 1)]
    assert refusal(tmp_path, empty) == "line 4: mood: is empty"

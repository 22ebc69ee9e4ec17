"""Single values from outside: numbers too long for int(), escaped surrogates, over-long text (issue 22).

Each is refused as one line naming the field and the reason, wherever it comes
in: a command's option, an imported file's cell, a Daylio export.  The journal
is left exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability.harness import content, refusal_line, seed, workbook

from workbook.cli.common import record_id
from workbook.errors import ValidationError
from workbook.values import check_text, check_words, shown, whole_number

DIGITS_5000 = "9" * 5_000


def test_a_mood_of_5000_digits_is_one_line_in_its_own_process(tmp_path: Path) -> None:
    journal = seed(tmp_path / "journal.db")
    before = content(journal)
    done = workbook("add", "mood", "--mood", DIGITS_5000, journal=journal)
    assert refusal_line(done) == "error: mood: has 5,000 digits; no number Rebound keeps needs more than 19"
    assert content(journal) == before


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (DIGITS_5000, "is not an id; see `workbook list` for the ids in use"),
        ("1_000", "'1_000' is not an id; ids are whole numbers such as 3"),
        ("²", "'²' is not an id; ids are whole numbers such as 3"),
        ("-3", "-3 is not an id; see `workbook list` for the ids in use"),
        ("9" * 20, "is not an id; see `workbook list` for the ids in use"),
    ],
)
def test_an_id_option_refuses_hostile_numbers_in_words(text: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        record_id("id")(text)
    assert caught.value.field == "id" and caught.value.reason.endswith(reason)
    assert len(str(caught.value)) < 120


def test_an_id_option_takes_a_plain_one() -> None:
    assert record_id("id")(" 42 ") == 42 and record_id("id")("0007") == 7


def test_a_csv_cell_of_5000_digits_refuses_the_import_naming_file_line_and_field(tmp_path: Path) -> None:
    journal = seed(tmp_path / "journal.db")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mood_entries.csv").write_text(
        "id,at,mood,emotions,tags,energy,note,context,application_id\n"
        f"1,2025-01-02T08:00:00,5,,,{DIGITS_5000},,daily,\n",
        encoding="utf-8",
    )
    before = content(journal)
    done = workbook("import", str(folder), journal=journal)
    assert refusal_line(done) == (
        f"error: {folder / 'mood_entries.csv'}, line 2: energy: {'9' * 39}… (5,000 digits) is too large a number"
    )
    assert content(journal) == before


def test_a_daylio_time_of_5000_digits_is_refused_in_words(tmp_path: Path) -> None:
    from workbook.interop.daylio import parse_clock

    with pytest.raises(ValidationError) as caught:
        parse_clock(f"{DIGITS_5000}:00")
    assert caught.value.field == "time" and "is not a time" in caught.value.reason


def test_a_spreadsheet_date_of_5000_digits_is_refused_in_words() -> None:
    from workbook.interop.sheet_dates import parse_sheet_date

    with pytest.raises(ValidationError) as caught:
        parse_sheet_date("applied_on", f"1/1/{DIGITS_5000}")
    assert str(caught.value) == f"applied_on: {shown(f'1/1/{DIGITS_5000}')} is not a real date"


@pytest.mark.parametrize(
    ("text", "number"), [("5", 5), (" +5 ", 5), ("-5", -5), ("0" * 5_000 + "5", 5), ("٣", 3)]
)
def test_a_whole_number_is_read(text: str, number: int) -> None:
    assert whole_number("n", text) == number


def test_a_message_repeats_a_long_value_only_in_part() -> None:
    assert shown("short") == "'short'"
    assert shown(DIGITS_5000) == "'" + "9" * 38 + "… (5,000 characters)"
    assert shown(10**5000) == "a number of thousands of digits"


# --- escaped surrogates in any text ------------------------------------------------------------------


def test_text_with_a_lone_surrogate_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        check_text("note", "Hello \ud83d\ude00")
    assert str(caught.value) == (
        "note: holds an escaped character that is not valid text (\\ud83d); "
        "write the character itself, or \\U0001F600"
    )
    with pytest.raises(ValidationError, match=r"^emotions: holds an escaped character .*\(\\udc00\)"):
        check_words("emotions", "calm;\udc00")
    with pytest.raises(ValidationError, match=r"^tags: holds an escaped character"):
        check_words("tags", ["walk", "x\ud800"])
    assert check_text("note", "Hello 😀") == "Hello 😀"


def test_a_json_import_with_an_escaped_surrogate_names_file_line_and_field(tmp_path: Path) -> None:
    journal = seed(tmp_path / "journal.db")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mood_entries.json").write_text(
        '[{"id": 1, "at": "2025-01-02T08:00:00", "mood": 5, "note": "Coach \\ud83d"}]', encoding="utf-8"
    )
    before = content(journal)
    line = refusal_line(workbook("import", str(folder), journal=journal))
    assert line.startswith(f"error: {folder / 'mood_entries.json'}")
    assert line.endswith(
        "note: holds an escaped character that is not valid text (\\ud83d); write the character itself"
    )
    assert content(journal) == before

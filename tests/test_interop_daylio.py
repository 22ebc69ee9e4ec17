"""Importing Daylio CSV exports: every layout and quirk, all or nothing, never twice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.errors import ImportRowError, ValidationError
from workbook.interop.daylio import import_daylio, parse_mood_scale, read_daylio
from workbook.interop.folder import export_csv, import_csv
from workbook.interop.plan import preview
from workbook.journal import Journal
from workbook.records import MoodEntry

FIXTURES = Path(__file__).parent / "fixtures" / "daylio"
REAL_EXPORT = FIXTURES / "export_with_note_title.csv"
REAL_MOODS = {"sad": 3, "average": 5}


def moods_in(journal: Journal) -> list[MoodEntry]:
    """The journal's mood entries, oldest first."""
    return sorted(journal.records(MoodEntry), key=lambda entry: entry.at)


def test_real_export_is_refused_without_its_mood_names_and_says_how_to_name_them(journal: Journal) -> None:
    with pytest.raises(ImportRowError) as caught:
        import_daylio(journal, REAL_EXPORT)
    error = caught.value
    assert (error.file, error.line, error.field) == (str(REAL_EXPORT), 2, "mood")
    assert "This file uses: sad, average" in error.reason
    assert '--moods "sad=' in error.reason and ",average=" in error.reason
    assert journal.counts()["mood_entries"] == 0


def test_real_export_with_moods_gives_three_daily_entries(journal: Journal) -> None:
    summary = import_daylio(journal, REAL_EXPORT, REAL_MOODS)
    assert summary.added == {"mood_entries": 3}
    entries = moods_in(journal)
    assert [(e.at, e.mood) for e in entries] == [
        (dt.datetime(2021, 9, 26, 23, 0), 5),
        (dt.datetime(2021, 9, 27, 23, 0), 5),
        (dt.datetime(2021, 9, 28, 22, 0), 3),
    ]
    assert entries[2].tags == (
        "clean", "music", "movies / tv", "bad sleep", "tired", "sleep early", "stomachache",
    )  # fmt: skip
    assert entries[1].tags[0] == "stressed / frustrated"
    assert {e.context for e in entries} == {"daily"}
    assert {e.note for e in entries} == {""}


def test_second_import_of_the_same_file_adds_nothing(journal: Journal) -> None:
    import_daylio(journal, REAL_EXPORT, REAL_MOODS)
    before = journal.counts()
    summary = import_daylio(journal, REAL_EXPORT, REAL_MOODS)
    assert summary.added == {} and summary.skipped == {"mood_entries": 3}
    assert journal.counts() == before


def test_real_export_survives_a_csv_round_trip(journal: Journal, tmp_path: Path) -> None:
    import_daylio(journal, REAL_EXPORT, REAL_MOODS)
    export_csv(journal, tmp_path / "backup")
    with Journal(tmp_path / "other.db") as other:
        import_csv(other, tmp_path / "backup")
        assert other.counts()["mood_entries"] == 3
        assert [(e.at, e.mood, e.tags) for e in moods_in(other)] == [
            (e.at, e.mood, e.tags) for e in moods_in(journal)
        ]


def test_older_layout_without_note_title(journal: Journal) -> None:
    import_daylio(journal, FIXTURES / "no_note_title_column.csv")
    assert [(e.at, e.mood, e.tags, e.note) for e in moods_in(journal)] == [
        (dt.datetime(2025, 3, 3, 19, 0), 4, (), "Rejection email from Acme"),
        (dt.datetime(2025, 3, 4, 8, 30), 6, ("bad sleep",), ""),
        (dt.datetime(2025, 3, 4, 21, 15), 8, ("walk", "friends"), "Called Sam, felt better"),
    ]


def test_12_hour_and_24_hour_times_in_one_file(journal: Journal) -> None:
    import_daylio(journal, FIXTURES / "times_12h_and_24h_mixed.csv")
    assert [e.at for e in moods_in(journal)] == [
        dt.datetime(2025, 4, 30, 7, 45),
        dt.datetime(2025, 4, 30, 14, 58),
        dt.datetime(2025, 5, 1, 9, 5),
        dt.datetime(2025, 5, 1, 12, 30),
        dt.datetime(2025, 5, 2, 0, 5),
    ]


def test_default_mood_names_with_stray_spaces_map_to_the_scale(journal: Journal) -> None:
    import_daylio(journal, FIXTURES / "default_mood_names_with_spaces.csv")
    assert [e.mood for e in moods_in(journal)] == [2, 4, 6, 8, 10]


def test_custom_mood_names_are_refused_with_every_name_listed(journal: Journal) -> None:
    with pytest.raises(ImportRowError) as caught:
        read_daylio(FIXTURES / "custom_mood_names.csv")
    assert caught.value.line == 2
    assert "This file uses: super happy, average, sad, good" in caught.value.reason
    assert '--moods "super happy=' in caught.value.reason
    assert "good=" not in caught.value.reason.split("--moods")[1]


def test_custom_mood_names_import_with_moods(journal: Journal) -> None:
    scale = parse_mood_scale("Super Happy=10, average=5,sad=2")
    import_daylio(journal, FIXTURES / "custom_mood_names.csv", scale)
    assert [e.mood for e in moods_in(journal)] == [8, 2, 5, 10]


def test_moods_can_change_a_default_name(journal: Journal) -> None:
    import_daylio(journal, FIXTURES / "default_mood_names_with_spaces.csv", {"good": 7})
    assert [e.mood for e in moods_in(journal)] == [2, 4, 6, 7, 10]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("sad", "should look like NAME=N"),
        ("sad=11", "between 1 and 10"),
        ("=4", "NAME=N"),
        ("ok=x", "not a whole"),
    ],
)
def test_a_malformed_moods_option_is_refused(text: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_mood_scale(text)
    assert caught.value.field == "--moods" and reason in caught.value.reason


def test_html_notes_become_plain_text_with_their_title(journal: Journal) -> None:
    import_daylio(journal, FIXTURES / "html_in_notes.csv")
    plain, html = moods_in(journal)
    assert plain.note == "Plain note, with a comma"
    assert html.note == (
        "After the call\n\n"
        "They said it was close, but no.\n\n"
        'Asked for feedback & got "be more concrete".\n\n'
        "Tomorrow: walk first"
    )


def test_activities_with_stray_spaces_and_empty_ones_become_clean_tags(journal: Journal) -> None:
    import_daylio(journal, FIXTURES / "activities_spaces_and_empty.csv")
    assert [e.tags for e in moods_in(journal)] == [
        ("movies / tv", "eat out", "walk"),
        (),
        ("walk", "read"),
    ]


def test_a_semicolon_in_an_activity_becomes_a_comma(journal: Journal) -> None:
    import_daylio(journal, FIXTURES / "semicolon_in_activity.csv")
    assert moods_in(journal)[0].tags == ("tea, cake", "walk")


def test_byte_order_mark_and_windows_line_ends(journal: Journal) -> None:
    import_daylio(journal, FIXTURES / "bom_utf8.csv")
    (entry,) = moods_in(journal)
    assert (entry.at, entry.tags, entry.note) == (
        dt.datetime(2025, 2, 14, 19, 0),
        ("café", "walk"),
        "Crème brûlée, after all",
    )


def test_a_note_over_several_lines_stays_whole(journal: Journal) -> None:
    import_daylio(journal, FIXTURES / "multiline_note.csv")
    assert moods_in(journal)[1].note == "First line\nsecond line, still the same note"


def test_the_same_entry_twice_in_one_file_is_added_once(journal: Journal) -> None:
    summary = import_daylio(journal, FIXTURES / "same_entry_twice.csv")
    assert summary.added == {"mood_entries": 1} and summary.skipped == {"mood_entries": 1}


@pytest.mark.parametrize(
    ("name", "line", "field", "reason"),
    [
        ("bad_time.csv", 3, "time", "'25:10' is not a time"),
        ("bad_date.csv", 3, "full_date", "'01/10/2025' is not a date"),
        ("future_date.csv", 3, "full_date", "2099-01-01 is in the future"),
        ("missing_mood_column.csv", 1, "mood", "column is missing"),
        ("empty_mood.csv", 3, "mood", "is empty"),
        ("too_many_values.csv", 2, "row", "more values than the header"),
        ("not_utf8.csv", 3, "file", "not UTF-8"),
        ("unknown_mood_after_multiline_note.csv", 5, "mood", "'x' is not one of Daylio's default moods"),
    ],
)
def test_a_malformed_file_is_refused_whole_naming_line_and_field(
    journal: Journal, name: str, line: int, field: str, reason: str
) -> None:
    journal.add(MoodEntry(at="2025-01-01T09:00:00", mood=5))
    before = journal.counts()
    with pytest.raises(ImportRowError) as caught:
        import_daylio(journal, FIXTURES / name)
    error = caught.value
    assert (error.file, error.line, error.field) == (str(FIXTURES / name), line, field)
    assert reason in error.reason
    assert str(error).startswith(f"{FIXTURES / name}, line {line}: {field}: ")
    assert journal.counts() == before


def test_dry_run_shows_each_row_and_the_mood_mapping_and_stores_nothing(journal: Journal) -> None:
    text = preview(journal, read_daylio(REAL_EXPORT, REAL_MOODS))
    assert "Moods: sad -> 3, average -> 5" in text
    assert "line 2: add 2021-09-28 22:00 mood 3 (sad)" in text
    assert "line 4: add 2021-09-26 23:00 mood 5 (average)" in text
    assert "3 would be added, 0 already in the journal" in text
    assert journal.counts()["mood_entries"] == 0


def test_dry_run_after_an_import_marks_every_row_as_already_there(journal: Journal) -> None:
    import_daylio(journal, REAL_EXPORT, REAL_MOODS)
    text = preview(journal, read_daylio(REAL_EXPORT, REAL_MOODS))
    assert text.count("skip (already in the journal)") == 3
    assert "0 would be added, 3 already in the journal" in text


def test_cli_imports_a_daylio_export(journal_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "import",
        "daylio",
        str(REAL_EXPORT),
        "--moods",
        "sad=3,average=5",
        "--journal",
        str(journal_file),
    ]
    assert main([*args, "--dry-run"]) == 0
    assert "Nothing was stored" in capsys.readouterr().out
    with Journal(journal_file) as opened:
        assert opened.counts()["mood_entries"] == 0
    assert main(args) == 0
    assert "Added 3 mood entries." in capsys.readouterr().out
    with Journal(journal_file) as opened:
        assert opened.counts()["mood_entries"] == 3


def test_cli_refuses_unknown_moods_with_a_message(
    journal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "daylio", str(REAL_EXPORT), "--journal", str(journal_file)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {REAL_EXPORT}, line 2: mood: 'sad' is not one of")
    assert "--moods" in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--map", "a=company"], "--map: does not apply to a Daylio import"),
        (["--dayfirst"], "--dayfirst: does not apply to a Daylio import"),
        (["--moods", "sad"], "--moods: 'sad' should look like NAME=N"),
    ],
)
def test_cli_refuses_options_that_do_not_fit(
    journal_file: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main(["import", "daylio", str(REAL_EXPORT), *extra, "--journal", str(journal_file)]) == 2
    assert message in capsys.readouterr().err


def test_cli_needs_a_file_after_daylio(
    journal_file: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["import", "daylio", "--journal", str(journal_file)]) == 2
    assert "name the file to read: workbook import daylio FILE" in capsys.readouterr().err


def test_cli_asks_what_a_bare_file_holds(journal_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(REAL_EXPORT), "--journal", str(journal_file)]) == 2
    assert f"workbook import daylio {REAL_EXPORT}" in capsys.readouterr().err


def test_a_time_or_date_read_before_is_read_the_same_again_and_a_bad_one_is_always_refused(
    journal: Journal, tmp_path: Path
) -> None:
    # Times and dates are parsed once and remembered; a refusal must never be remembered as a value.
    header = "full_date,date,weekday,time,mood,activities,note\n"
    good = tmp_path / "good.csv"
    good.write_text(header + '2024-03-02,2 March,Saturday,9:05 pm,good,"",""\n', encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(header + '2024-03-02,2 March,Saturday,13:05 pm,good,"",""\n', encoding="utf-8")
    for _ in range(2):
        assert [row.record.at for row in read_daylio(good).rows] == [dt.datetime(2024, 3, 2, 21, 5)]
        with pytest.raises(ImportRowError, match="12-hour clock"):
            read_daylio(bad)

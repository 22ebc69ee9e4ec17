"""Importing spreadsheets of applications: column spellings, dates, statuses, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from workbook.cli import main
from workbook.errors import ImportRowError, ValidationError
from workbook.interop.plan import preview
from workbook.interop.spreadsheet import import_applications, parse_column_map, read_applications
from workbook.journal import Journal
from workbook.records import Application, MoodEntry

FIXTURES = Path(__file__).parent / "fixtures" / "applications"
D = dt.date


def apps_in(journal: Journal) -> list[Application]:
    """The journal's applications, in the order they were added."""
    return journal.records(Application)


def outline(journal: Journal) -> list[tuple[str, str, str, D | None]]:
    """Company, stage, outcome and outcome date of each application."""
    return [(a.company, a.stage, a.outcome, a.outcome_on) for a in apps_in(journal)]


def test_common_column_names_are_recognised(journal: Journal) -> None:
    summary = import_applications(journal, FIXTURES / "common_column_names.csv")
    assert summary.added == {"applications": 5}
    assert outline(journal) == [
        ("Acme Ltd", "applied", "rejected", D(2025, 9, 20)),
        ("Globex", "applied", "ghosted", None),
        ("Initech", "interview", "pending", None),
        ("Umbrella", "final", "offer", D(2025, 10, 2)),
        ("Hooli", "applied", "pending", None),
    ]
    acme = apps_in(journal)[0]
    assert (acme.role, acme.applied_on, acme.notes) == (
        "Data analyst",
        D(2025, 9, 1),
        "Video call, kind and brief",
    )


def test_response_date_of_an_application_in_progress_dates_its_stage(journal: Journal) -> None:
    import_applications(journal, FIXTURES / "common_column_names.csv")
    initech = journal.applications().set_index("company").loc["Initech"]
    assert initech["stage_on"] == pd.Timestamp("2025-09-15")


def test_other_spellings_channels_and_columns_left_out(journal: Journal) -> None:
    plan = read_applications(FIXTURES / "other_spellings.csv")
    assert "not imported: 'Salary', 'Link'" in plan.notes[0]
    import_applications(journal, FIXTURES / "other_spellings.csv")
    assert [(a.company, a.stage, a.outcome, a.outcome_on, a.channel) for a in apps_in(journal)] == [
        ("Stark Industries", "screen", "pending", None, "phone"),
        ("Wayne Enterprises", "applied", "ghosted", None, "none"),
        ("Wonka", "applied", "withdrawn", D(2025, 8, 10), "email"),
        ("Cyberdyne", "interview", "rejected", D(2025, 8, 25), "video_call"),
    ]


def test_own_column_names_are_refused_without_map(journal: Journal) -> None:
    with pytest.raises(ImportRowError) as caught:
        import_applications(journal, FIXTURES / "own_column_names_need_map.csv")
    assert (caught.value.line, caught.value.field) == (1, "role")
    assert "'Gig'" in caught.value.reason and '--map "COLUMN=role"' in caught.value.reason
    assert journal.counts()["applications"] == 0


def test_own_column_names_import_with_map(journal: Journal) -> None:
    mapping = parse_column_map("gig=role, WHEN=applied_on,How it went=status,Heard=outcome_on")
    import_applications(journal, FIXTURES / "own_column_names_need_map.csv", mapping)
    assert outline(journal) == [
        ("Tyrell", "applied", "rejected", D(2025, 7, 9)),
        ("Soylent", "interview", "pending", None),
    ]


def test_map_naming_a_missing_column_lists_the_real_ones() -> None:
    with pytest.raises(ImportRowError) as caught:
        read_applications(FIXTURES / "own_column_names_need_map.csv", parse_column_map("Employer=company"))
    assert (caught.value.line, caught.value.field) == (1, "employer")
    assert "'Firm', 'Gig'" in caught.value.reason


@pytest.mark.parametrize(
    ("text", "reason"), [("Firm", "should look like COLUMN=field"), ("Firm=salary", "'salary' is not one of")]
)
def test_a_malformed_map_option_is_refused(text: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_column_map(text)
    assert caught.value.field == "--map" and reason in caught.value.reason


def test_map_ignore_settles_two_columns_that_look_alike(journal: Journal) -> None:
    name = FIXTURES / "two_columns_look_like_date_applied.csv"
    with pytest.raises(ImportRowError) as caught:
        read_applications(name)
    assert '--map "Date Applied=ignore"' in caught.value.reason
    import_applications(journal, name, parse_column_map("Date=ignore"))
    assert apps_in(journal)[0].applied_on == D(2025, 5, 1)


@pytest.mark.parametrize(
    ("name", "order", "dates"),
    [
        (
            "dates_day_first_unambiguous.csv",
            None,
            [(D(2025, 10, 13), D(2025, 10, 25)), (D(2025, 10, 14), D(2025, 10, 28))],
        ),
        ("dates_month_first_unambiguous.csv", None, [(D(2025, 10, 13), D(2025, 10, 25))]),
        ("month_name_dates.csv", None, [(D(2025, 11, 3), D(2025, 11, 21)), (D(2025, 3, 3), D(2025, 3, 17))]),
        (
            "ambiguous_day_month.csv",
            "dayfirst",
            [(D(2025, 3, 15), D(2025, 3, 20)), (D(2025, 4, 3), D(2025, 6, 5))],
        ),
        ("semicolon_separated.csv", None, [(D(2025, 10, 25), D(2025, 11, 13)), (D(2025, 10, 2), None)]),
    ],
)
def test_dates_in_common_formats(journal: Journal, name: str, order: str | None, dates: list[tuple]) -> None:
    import_applications(journal, FIXTURES / name, order=order)
    assert [(a.applied_on, a.outcome_on) for a in apps_in(journal)] == dates


def test_a_semicolon_separated_file_keeps_commas_in_cells(journal: Journal) -> None:
    import_applications(journal, FIXTURES / "semicolon_separated.csv")
    assert apps_in(journal)[1].role == "Developer, backend"


def test_ambiguous_day_and_month_are_refused_without_a_flag(journal: Journal) -> None:
    with pytest.raises(ImportRowError) as caught:
        import_applications(journal, FIXTURES / "ambiguous_day_month.csv")
    assert (caught.value.line, caught.value.field) == (3, "Date Applied")
    assert "could be 3 April 2025 or 4 March 2025" in caught.value.reason
    assert "--dayfirst or --monthfirst" in caught.value.reason
    assert journal.counts()["applications"] == 0


def test_monthfirst_refuses_a_date_that_is_plainly_day_first() -> None:
    with pytest.raises(ImportRowError) as caught:
        read_applications(FIXTURES / "ambiguous_day_month.csv", order="monthfirst")
    assert caught.value.line == 2 and "there is no month 15" in caught.value.reason


def test_status_words_map_to_stage_and_outcome(journal: Journal) -> None:
    import_applications(journal, FIXTURES / "status_words.csv")
    assert [(a.company, a.stage, a.outcome) for a in apps_in(journal)] == [
        ("A", "applied", "rejected"),
        ("B", "applied", "ghosted"),
        ("C", "applied", "ghosted"),
        ("D", "interview", "pending"),
        ("E", "screen", "pending"),
        ("F", "final", "offer"),
        ("G", "applied", "withdrawn"),
        ("H", "applied", "pending"),
        ("I", "applied", "pending"),
        ("J", "final", "pending"),
        ("K", "screen", "rejected"),
    ]


def test_a_stage_column_and_a_status_column_are_read_together(journal: Journal) -> None:
    import_applications(journal, FIXTURES / "status_and_stage_columns.csv")
    assert outline(journal) == [
        ("Acme Ltd", "interview", "rejected", D(2025, 5, 20)),
        ("Globex", "final", "offer", D(2025, 5, 30)),
    ]


def test_byte_order_mark_and_windows_line_ends(journal: Journal) -> None:
    import_applications(journal, FIXTURES / "bom_utf8.csv")
    assert [(a.company, a.role) for a in apps_in(journal)] == [("Südwerk GmbH", "Ingénieure")]


def test_blank_rows_are_skipped(journal: Journal) -> None:
    summary = import_applications(journal, FIXTURES / "blank_rows_at_end.csv")
    assert summary.added == {"applications": 1}


def test_second_import_adds_nothing(journal: Journal) -> None:
    import_applications(journal, FIXTURES / "common_column_names.csv")
    before = journal.counts()
    summary = import_applications(journal, FIXTURES / "common_column_names.csv")
    assert summary.added == {} and summary.skipped == {"applications": 5}
    assert journal.counts() == before


@pytest.mark.parametrize(
    ("name", "line", "field", "reason"),
    [
        (
            "rejected_without_response_date.csv",
            3,
            "Response date",
            "says 'Rejected' but the row has no response date",
        ),
        ("applied_with_response_date.csv", 2, "Response date", "says nothing came back yet"),
        ("unknown_status.csv", 3, "Status", "'Maybe later' is not a status Rebound knows"),
        ("unreadable_date.csv", 3, "Date Applied", "'last Tuesday' is not a date"),
        ("future_application_date.csv", 2, "Date Applied", "2099-05-02 is in the future"),
        ("response_before_applied.csv", 2, "Response date", "is before the application date"),
        ("empty_company.csv", 3, "Company", "must not be empty"),
        ("missing_company_column.csv", 1, "company", "no column holds the company name"),
        ("unknown_channel.csv", 2, "Channel", "'Carrier pigeon' is not a channel"),
        ("ambiguous_day_month.csv", 3, "Date Applied", "could be"),
    ],
)
def test_a_malformed_sheet_is_refused_whole_naming_line_and_field(
    journal: Journal, name: str, line: int, field: str, reason: str
) -> None:
    journal.add(Application(company="Kept", role="Role", applied_on="2025-01-02"))
    journal.add(MoodEntry(at="2025-01-02T10:00:00", mood=6))
    before = journal.counts()
    with pytest.raises(ImportRowError) as caught:
        import_applications(journal, FIXTURES / name)
    error = caught.value
    assert (error.file, error.line, error.field) == (str(FIXTURES / name), line, field)
    assert reason in error.reason
    assert str(error).startswith(f"{FIXTURES / name}, line {line}: {field}: ")
    assert journal.counts() == before


def test_dry_run_shows_columns_statuses_and_rows_and_stores_nothing(journal: Journal) -> None:
    text = preview(journal, read_applications(FIXTURES / "common_column_names.csv"))
    assert "Columns: 'Company' -> company, 'Position' -> role, 'Date Applied' -> applied_on" in text
    assert "'No response' -> stage applied, outcome ghosted" in text
    assert (
        "line 2: add Acme Ltd — Data analyst, applied 2025-09-01: 'Rejected' -> stage applied, outcome rejected on 2025-09-20"
        in text
    )
    assert "line 4: add Initech — QA engineer" in text and "interview reached 2025-09-15" in text
    assert "5 would be added, 0 already in the journal. Nothing was stored." in text
    assert journal.counts()["applications"] == 0 and journal.counts()["stage_changes"] == 0


def test_cli_imports_applications_with_map_and_dry_run(
    journal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "import",
        "applications",
        str(FIXTURES / "own_column_names_need_map.csv"),
        "--journal",
        str(journal_file),
    ]
    args += ["--map", "Gig=role,When=applied_on,How it went=status,Heard=outcome_on"]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "line 2: add Tyrell — Designer" in out and "Nothing was stored" in out
    with Journal(journal_file) as opened:
        assert opened.counts()["applications"] == 0
    assert main(args) == 0
    assert "Added 2 applications" in capsys.readouterr().out
    with Journal(journal_file) as opened:
        assert opened.counts()["applications"] == 2


def test_cli_dayfirst_settles_ambiguous_dates(journal_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = str(FIXTURES / "ambiguous_day_month.csv")
    assert main(["import", "applications", name, "--journal", str(journal_file)]) == 2
    assert "add --dayfirst or --monthfirst" in capsys.readouterr().err
    assert main(["import", "applications", name, "--dayfirst", "--journal", str(journal_file)]) == 0
    with Journal(journal_file) as opened:
        assert [a.applied_on for a in opened.records(Application)] == [D(2025, 3, 15), D(2025, 4, 3)]


def test_cli_refuses_moods_for_a_spreadsheet(journal_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = str(FIXTURES / "common_column_names.csv")
    assert main(["import", "applications", name, "--moods", "sad=3", "--journal", str(journal_file)]) == 2
    assert "--moods: does not apply to an applications import" in capsys.readouterr().err

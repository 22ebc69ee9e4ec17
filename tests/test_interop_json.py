"""JSON export: one file per record type, the CSV's field names, lists kept as lists."""

from __future__ import annotations

import csv
import json
import stat
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.interop.folder import export_csv
from workbook.interop.json_export import export_json
from workbook.journal import Journal
from workbook.records import RECORD_TYPES, Application, FeedbackItem, MoodEntry


def fill(journal: Journal) -> None:
    """An application with feedback and two moods, one with lists and one without."""
    app = journal.add(
        Application(
            company="Bümo",
            role="Analyst",
            applied_on="2025-09-01",
            outcome="rejected",
            outcome_on="2025-09-20",
            channel="video_call",
        )
    )
    journal.add(
        FeedbackItem(application_id=app.id, text="More SQL", themes=["technical_depth"], confirmed=True)
    )
    journal.add(
        MoodEntry(
            at="2025-09-20T18:30:00",
            mood=3,
            emotions=["sad", "tired"],
            tags=["walk; then tea".replace(";", ",")],
            note="Hard day",
            context="after_call",
            application_id=app.id,
        )
    )
    journal.add(MoodEntry(at="2025-09-21T09:00:00", mood=5))


def test_one_file_per_record_type_with_the_csv_field_names(journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    written = export_json(journal, tmp_path / "json")
    export_csv(journal, tmp_path / "csv")
    assert sorted(p.name for p in written) == sorted(f"{kind.TABLE}.json" for kind in RECORD_TYPES)
    for kind in RECORD_TYPES:
        rows = json.loads((tmp_path / "json" / f"{kind.TABLE}.json").read_text(encoding="utf-8"))
        with open(tmp_path / "csv" / f"{kind.TABLE}.csv", encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert isinstance(rows, list)
        assert all(list(row) == header for row in rows)
        assert len(rows) == journal.counts()[kind.TABLE]


def test_lists_stay_lists_and_empty_values_are_null(journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    export_json(journal, tmp_path)
    moods = json.loads((tmp_path / "mood_entries.json").read_text(encoding="utf-8"))
    assert moods[0]["emotions"] == ["sad", "tired"]
    assert moods[0]["tags"] == ["walk, then tea"]
    assert moods[0]["at"] == "2025-09-20T18:30:00"
    assert moods[1]["emotions"] == [] and moods[1]["energy"] is None and moods[1]["application_id"] is None
    feedback = json.loads((tmp_path / "feedback_items.json").read_text(encoding="utf-8"))
    assert feedback[0]["themes"] == ["technical_depth"] and feedback[0]["confirmed"] is True
    apps = json.loads((tmp_path / "applications.json").read_text(encoding="utf-8"))
    assert apps[0]["company"] == "Bümo" and apps[0]["outcome_on"] == "2025-09-20"
    assert "Bümo" in (tmp_path / "applications.json").read_text(encoding="utf-8")


def test_an_empty_journal_exports_empty_lists(journal: Journal, tmp_path: Path) -> None:
    export_json(journal, tmp_path)
    assert json.loads((tmp_path / "applications.json").read_text(encoding="utf-8")) == []


def test_json_files_are_private_to_their_owner(journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    for path in export_json(journal, tmp_path / "out"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_cli_exports_json_and_csv(
    journal_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal(journal_file) as journal:
        fill(journal)
    assert main(["export", str(tmp_path / "j"), "--format", "json", "--journal", str(journal_file)]) == 0
    assert "Wrote 9 JSON files" in capsys.readouterr().out
    assert json.loads((tmp_path / "j" / "mood_entries.json").read_text(encoding="utf-8"))[0]["mood"] == 3
    assert main(["export", str(tmp_path / "c"), "--journal", str(journal_file)]) == 0
    assert (tmp_path / "c" / "mood_entries.csv").exists() and not (
        tmp_path / "c" / "mood_entries.json"
    ).exists()


def test_cli_import_of_a_folder_still_works(journal_file: Path, tmp_path: Path) -> None:
    with Journal(journal_file) as journal:
        fill(journal)
    main(["export", str(tmp_path / "backup"), "--journal", str(journal_file)])
    other = tmp_path / "other.db"
    assert main(["import", str(tmp_path / "backup"), "--journal", str(other)]) == 0
    with Journal(other) as opened:
        assert opened.counts()["mood_entries"] == 2 and opened.counts()["applications"] == 1


def test_cli_import_of_a_folder_named_daylio(
    journal_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Journal(journal_file) as journal:
        fill(journal)
    monkeypatch.chdir(tmp_path)
    main(["export", "daylio", "--journal", str(journal_file)])
    assert main(["import", "daylio", "--journal", str(tmp_path / "other.db")]) == 0
    with Journal(tmp_path / "other.db") as opened:
        assert opened.counts()["mood_entries"] == 2

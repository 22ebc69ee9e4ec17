"""JSON export: one file per record type, the CSV's field names, lists kept as lists."""

from __future__ import annotations

import csv
import filecmp
import json
import stat
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.errors import ImportRowError, ValidationError
from workbook.interop.folder import export_csv
from workbook.interop.json_export import export_json, import_json
from workbook.interop.layouts import import_folder
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
    assert f"Wrote {len(RECORD_TYPES)} JSON files" in capsys.readouterr().out
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


# --- importing a JSON export ------------------------------------------------------


def test_json_round_trip_gives_identical_files_and_a_second_import_adds_nothing(tmp_path: Path) -> None:
    with Journal(tmp_path / "a.db") as first:
        fill(first)
        export_json(first, tmp_path / "one")
    with Journal(tmp_path / "b.db") as second:
        summary = import_folder(second, tmp_path / "one")
        export_json(second, tmp_path / "two")
        before = second.counts()
        again = import_folder(second, tmp_path / "one")
        assert second.counts() == before
    assert summary.added == {"applications": 1, "feedback_items": 1, "mood_entries": 2}
    assert again.added == {}
    compare = filecmp.dircmp(tmp_path / "one", tmp_path / "two")
    assert compare.diff_files == [] and len(compare.same_files) == len(RECORD_TYPES)


def test_json_import_links_moods_through_the_files_ids(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "applications.json").write_text(
        json.dumps([{"id": 70, "company": "Acme", "role": "Analyst", "applied_on": "2026-08-01"}])
    )
    (folder / "mood_entries.json").write_text(
        json.dumps([{"at": "2026-08-20T18:00:00", "mood": 3, "application_id": 70}])
    )
    with Journal(tmp_path / "j.db") as journal:
        journal.add(Application(company="Other", role="Role", applied_on="2026-07-01"))
        import_folder(journal, folder)
        acme = journal.applications().set_index("company").loc["Acme"]
        assert journal.moods().loc[0, "application_id"] == acme["id"]


BAD_JSON = [
    ('[\n  {"at": "2026-08-20T18:00:00", "mood": 4},\n  {"at": "2026-08-21T18:00:00", "mood": 11}\n]',
     "line 3: mood: must be between 1 and 10, not 11"),
    ('[\n  {"at": "2026-08-20T18:00:00", "mood": "4"}\n]', "line 2: mood: should be a whole number"),
    ('[\n  {"at": "2026-08-20T18:00:00", "mood": 4, "when": 1}\n]', "line 2: when: is not a field"),
    ('[\n  {"at": "2026-08-20T18:00:00"}\n]', "line 2: mood: is missing"),
    ('[\n  {"at": "2026-08-20T18:00:00", "mood": 4, "mood": 5}\n]', "line 2: mood: appears twice"),
    ('[\n  {"at": "2026-08-20T18:00:00", "mood": 4},\n  {"at": "2026-08-21', "line 3: file: is not valid JSON"),
    ('{"at": "2026-08-20T18:00:00", "mood": 4}', "line 1: file: should hold a list"),
    ('[\n  {"id": 1, "at": "2026-08-20T18:00:00", "mood": 4},\n  {"id": 1, "at": "2026-08-21T18:00:00", '
     '"mood": 4}\n]', "line 3: id: 1 is already the id of line 2"),
    ('[{"id": 100000000000000000000000, "at": "2026-08-20T18:00:00", "mood": 4}]', "line 1: id: 100000000000000000000000 is too large"),
    ('[{"at": "2026-08-20T18:00:00", "mood": 4, "note": "\\ud800"}]', "line 1: note: holds an escaped character that is not valid text (\\ud800); write the character itself"),
    ('[{"at": "2026-08-20T18:00:00", "mood": 4, "application_id": 9}]', "line 1: application_id: no application with id 9"),
    ('[{"at": "2026-08-20T18:00:00", "mood": 4, "tags": {"a": 1}}]', "line 1: tags: should be a list"),
    ('[{"at": "2026-08-20T18:00:00", "mood": 1e400}]', "line 1: mood: should be a whole number"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "message"), BAD_JSON)
def test_one_bad_json_entry_refuses_the_whole_import(tmp_path: Path, content: str, message: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "applications.json").write_text(
        json.dumps([{"id": 5, "company": "Good Co", "role": "Analyst", "applied_on": "2026-08-01"}])
    )
    (folder / "mood_entries.json").write_text(content, encoding="utf-8")
    with Journal(tmp_path / "j.db") as journal:
        with pytest.raises(ImportRowError) as caught:
            import_folder(journal, folder)
        assert sum(journal.counts().values()) == 0
    assert f"{folder / 'mood_entries.json'}, {message}" in str(caught.value)


def test_a_folder_with_both_layouts_or_neither_is_refused_in_one_line(
    journal: Journal, tmp_path: Path
) -> None:
    fill(journal)
    export_csv(journal, tmp_path / "both")
    export_json(journal, tmp_path / "both")
    with pytest.raises(ValidationError, match="holds a CSV export .* and a JSON export") as both:
        import_folder(journal, tmp_path / "both")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValidationError, match="holds no export") as neither:
        import_folder(journal, tmp_path / "empty")
    assert "\n" not in str(both.value) + str(neither.value)


def test_json_files_that_are_not_utf8_name_file_and_line(journal: Journal, tmp_path: Path) -> None:
    (tmp_path / "mood_entries.json").write_bytes(
        b'[\n{"at": "2026-08-20T18:00:00", "mood": 4, "note": "caf\xe9"}]'
    )
    with pytest.raises(ImportRowError, match=r"mood_entries\.json, line 2: file: is not UTF-8"):
        import_json(journal, tmp_path)


def test_cli_imports_a_json_export(journal_file: Path, tmp_path: Path) -> None:
    with Journal(journal_file) as journal:
        fill(journal)
    main(["export", str(tmp_path / "backup"), "--format", "json", "--journal", str(journal_file)])
    other = tmp_path / "other.db"
    assert main(["import", str(tmp_path / "backup"), "--journal", str(other)]) == 0
    with Journal(other) as opened:
        assert opened.counts()["mood_entries"] == 2 and opened.counts()["feedback_items"] == 1

"""Malformed files given to ``workbook import``: one line naming the file, line and field; nothing imported.

Folders written by ``workbook export`` (CSV and JSON), Daylio exports and
spreadsheets of applications.  One row per case; every import is all or
nothing, so the seeded journal must be exactly as it was.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reliability.harness import ROOT, Refusal, check_refusal, table

DAYLIO = ROOT / "tests" / "fixtures" / "daylio"
SHEETS = ROOT / "tests" / "fixtures" / "applications"

APPS = "id,company,role,applied_on,stage,outcome,outcome_on,channel,notes\n"
APP_ROW = "1,Initech,Tester,2025-04-01,applied,pending,,none,\n"
MOODS = "id,at,mood,emotions,tags,energy,note,context,application_id\n"
MOOD_ROW = "1,2025-04-02T09:00:00,5,,,,,daily,\n"
FEEDBACK = "id,application_id,text,themes,confirmed\n"


def app_row(**changes: str) -> str:
    """APP_ROW with some fields changed."""
    fields = dict(zip(APPS.strip().split(","), APP_ROW.strip().split(",")))
    fields.update(changes)
    return ",".join(fields.values()) + "\n"


def mood_row(**changes: str) -> str:
    """MOOD_ROW with some fields changed (values are written as given: quote them yourself)."""
    fields = dict(zip(MOODS.strip().split(","), MOOD_ROW.strip().split(",")))
    fields.update(changes)
    return ",".join(fields.values()) + "\n"


def apps_json(**changes: object) -> str:
    """applications.json with one application, some fields changed."""
    row: dict[str, object] = {
        "id": 1, "company": "Initech", "role": "Tester", "applied_on": "2025-04-01", "stage": "applied",
        "outcome": "pending", "outcome_on": None, "channel": "none", "notes": "",
    }  # fmt: skip
    row.update(changes)
    return json.dumps([row])


def moods_json(**changes: object) -> str:
    """mood_entries.json with one mood, some fields changed."""
    row: dict[str, object] = {
        "id": 1, "at": "2025-04-02T09:00:00", "mood": 5, "emotions": [], "tags": [], "energy": None,
        "note": "", "context": "daily", "application_id": None,
    }  # fmt: skip
    row.update(changes)
    return json.dumps([row])


#: ``import {in}``: the folder the case's files are written to.
FOLDER = ("import", "{in}")
A, M = "applications.csv", "mood_entries.csv"
AJ, MJ = "applications.json", "mood_entries.json"

CASES = [
    # a folder written by `workbook export` (CSV)
    Refusal("csv-unknown-column", FOLDER, (A, "line 1", "salary"), {A: "id,company,salary\n1,Initech,lots\n"}),
    Refusal("csv-missing-company-column", FOLDER, (A, "company"), {A: "id,role,applied_on,stage,outcome,outcome_on,channel,notes\n1,Tester,2025-04-01,applied,pending,,none,\n"}),
    Refusal("csv-more-values-than-columns", FOLDER, (A, "line 2"), {A: APPS + APP_ROW.strip() + ",extra\n"}),
    Refusal("csv-impossible-date", FOLDER, (A, "line 2", "applied_on"), {A: APPS + app_row(applied_on="2025-02-30")}),
    Refusal("csv-date-in-the-future", FOLDER, (A, "line 2", "applied_on"), {A: APPS + app_row(applied_on="2999-01-01")}),
    Refusal("csv-date-year-25", FOLDER, (A, "line 2", "applied_on"), {A: APPS + app_row(applied_on="0025-01-01")}),
    Refusal("csv-stage-unknown", FOLDER, (A, "line 2", "stage"), {A: APPS + app_row(stage="boss")}),
    Refusal("csv-rejected-without-a-date", FOLDER, (A, "line 2", "outcome_on"), {A: APPS + app_row(outcome="rejected")}),
    Refusal(
        "csv-outcome-before-applied", FOLDER, (A, "line 2", "outcome_on"),
        {A: APPS + app_row(outcome="rejected", outcome_on="2025-03-01")},
    ),
    Refusal("csv-id-a-word", FOLDER, (A, "line 2", "id"), {A: APPS + app_row(id="abc")}),
    Refusal("csv-id-too-large-for-sqlite", FOLDER, (A, "line 2", "id"), {A: APPS + app_row(id="100000000000000000000000")}),
    Refusal("csv-good-row-then-a-bad-one", FOLDER, (A, "line 3", "company"), {A: APPS + APP_ROW + app_row(id="2", company="")}),
    Refusal(
        "csv-duplicate-application-ids", FOLDER, (A, "line 3", "id"),
        {A: APPS + APP_ROW + app_row(company="Globex"), M: MOODS + mood_row(application_id="1")},
    ),
    Refusal("csv-ends-inside-a-quoted-field", FOLDER, (A, "line 2"), {A: APPS + APP_ROW.strip() + '"half a note'}),
    Refusal("csv-field-over-131072-characters", FOLDER, (M, "line 2", "note"), {M: MOODS + mood_row(note="n" * 140_000)}),
    Refusal("csv-not-utf8", FOLDER, (A, "line 2"), {A: APPS.encode() + b"1,In\xffitech,Tester,2025-04-01,applied,pending,,none,\n"}),
    Refusal("csv-nul-byte", FOLDER, (M,), {M: MOODS + mood_row(note="a\x00b")}),
    Refusal("csv-a-folder-named-like-the-file", FOLDER, (A,), {A: None}),
    Refusal("csv-mood-eleven", FOLDER, (M, "line 2", "mood"), {M: MOODS + mood_row(mood="11")}),
    Refusal("csv-energy-nine", FOLDER, (M, "line 2", "energy"), {M: MOODS + mood_row(energy="9")}),
    Refusal("csv-context-unknown", FOLDER, (M, "line 2", "context"), {M: MOODS + mood_row(context="sometimes")}),
    Refusal("csv-emotion-101-characters", FOLDER, (M, "line 2", "emotions"), {M: MOODS + mood_row(emotions="e" * 101)}),
    Refusal("csv-mood-links-a-missing-application", FOLDER, (M, "line 2", "application_id"), {M: MOODS + mood_row(application_id="7")}),
    Refusal(
        "csv-feedback-confirmed-not-a-yes-or-no", FOLDER, ("feedback_items.csv", "line 2", "confirmed"),
        {A: APPS + APP_ROW, "feedback_items.csv": FEEDBACK + "1,1,Be concise.,,maybe\n"},
    ),
    Refusal("csv-empty-folder", FOLDER, ("{in}",), {"unrelated.txt": "hello"}),
    Refusal("csv-missing-folder", ("import", "{in}/nowhere"), ("nowhere",)),
    Refusal("csv-folder-with-dry-run", (*FOLDER, "--dry-run"), ("--dry-run",), {A: APPS + APP_ROW}),
    # a folder written by `workbook export --format json`
    Refusal("json-cut-off", FOLDER, (AJ,), {AJ: apps_json()[:-10]}),
    Refusal("json-an-object-not-a-list", FOLDER, (AJ,), {AJ: json.dumps({"company": "Initech"})}),
    Refusal("json-row-is-text", FOLDER, (MJ,), {MJ: json.dumps(["feeling fine"])}),
    Refusal("json-mood-eleven", FOLDER, (MJ, "mood"), {MJ: moods_json(mood=11)}),
    Refusal("json-mood-true", FOLDER, (MJ, "mood"), {MJ: moods_json(mood=True)}),
    Refusal("json-unknown-field", FOLDER, (AJ, "salary"), {AJ: apps_json(salary=100)}),
    Refusal("json-date-in-the-future", FOLDER, (AJ, "applied_on"), {AJ: apps_json(applied_on="2999-01-01")}),
    Refusal("json-emotions-a-number", FOLDER, (MJ, "emotions"), {MJ: moods_json(emotions=5)}),
    Refusal("json-note-an-object", FOLDER, (MJ, "note"), {MJ: moods_json(note={"text": "hi"})}),
    Refusal(
        "json-duplicate-application-ids", FOLDER, (AJ, "id"),
        {AJ: json.dumps(json.loads(apps_json()) + json.loads(apps_json(company="Globex")))},
    ),
    Refusal("json-not-utf8", FOLDER, (AJ,), {AJ: b'[{"company": "In\xfftech"}]'}),
    # Daylio exports
    *[
        Refusal(f"daylio-{name.removesuffix('.csv').replace('_', '-')}", ("import", "daylio", str(DAYLIO / name)), (name, *names))
        for name, names in [
            ("bad_time.csv", ("line 3", "time")),
            ("bad_date.csv", ("line 3", "full_date")),
            ("future_date.csv", ("line 3", "full_date")),
            ("missing_mood_column.csv", ("line 1", "mood")),
            ("empty_mood.csv", ("line 3", "mood")),
            ("too_many_values.csv", ("line 2",)),
            ("not_utf8.csv", ("line 3",)),
            ("unknown_mood_after_multiline_note.csv", ("line 5", "mood")),
        ]
    ],
    Refusal("daylio-missing-file", ("import", "daylio", "{in}/nowhere.csv"), ("nowhere.csv",)),
    Refusal("daylio-a-folder", ("import", "daylio", "{in}/folder"), ("folder",), {"folder/x.csv": "x"}),
    Refusal(
        "daylio-ends-inside-a-quoted-note", ("import", "daylio", "{in}/d.csv"), ("d.csv", "line"),
        {"d.csv": "full_date,date,weekday,time,mood,activities,note_title,note\n"
                  '2025-10-02,2 October,Thursday,20:00,good,"","","half a no'},
    ),
    Refusal("daylio-moods-not-a-number", ("import", "daylio", str(DAYLIO / "custom_mood_names.csv"), "--moods", "sad=eleven"), ("--moods",)),
    Refusal("daylio-moods-off-the-scale", ("import", "daylio", str(DAYLIO / "custom_mood_names.csv"), "--moods", "sad=11"), ("--moods",)),
    Refusal("daylio-with-map", ("import", "daylio", str(DAYLIO / "bad_date.csv"), "--map", "a=company"), ("--map",)),
    # spreadsheets of applications
    *[
        Refusal(f"sheet-{name.removesuffix('.csv').replace('_', '-')}", ("import", "applications", str(SHEETS / name)), (name, *names))
        for name, names in [
            ("rejected_without_response_date.csv", ("line 3", "Response date")),
            ("unknown_status.csv", ("line 3", "Status")),
            ("unreadable_date.csv", ("line 3", "Date Applied")),
            ("future_application_date.csv", ("line 2", "Date Applied")),
            ("response_before_applied.csv", ("line 2", "Response date")),
            ("empty_company.csv", ("line 3", "Company")),
            ("missing_company_column.csv", ("line 1", "company")),
            ("unknown_channel.csv", ("line 2", "Channel")),
            ("ambiguous_day_month.csv", ("line 3", "Date Applied")),
        ]
    ],
    Refusal("sheet-map-to-an-unknown-field", ("import", "applications", str(SHEETS / "own_column_names_need_map.csv"), "--map", "Firm=salary"), ("--map",)),
    Refusal("sheet-map-a-missing-column", ("import", "applications", str(SHEETS / "common_column_names.csv"), "--map", "Nope=company"), ("nope|Nope",)),
    Refusal("sheet-with-moods", ("import", "applications", str(SHEETS / "common_column_names.csv"), "--moods", "sad=3"), ("--moods",)),
    Refusal("sheet-not-utf8", ("import", "applications", "{in}/s.csv"), ("s.csv",), {"s.csv": b"Company,Position,Date Applied\nIn\xfftech,Tester,2025-04-01\n"}),
    Refusal("import-a-bare-file", ("import", "{in}/s.csv"), ("SOURCE",), {"s.csv": "Company\nInitech\n"}),
    Refusal("import-unknown-source-with-a-file", ("import", "spreadsheet", "{in}/s.csv"), ("SOURCE",), {"s.csv": "Company\nInitech\n"}),
    Refusal("import-daylio-without-a-file", ("import", "daylio"), ("FILE",)),
]  # fmt: skip


@pytest.mark.parametrize("case", table(CASES))
def test_a_malformed_import_is_refused_whole_in_one_line(case: Refusal, tmp_path: Path, capsys) -> None:
    check_refusal(case, tmp_path, capsys)

"""The benchmark data generator builds the same journal every time, with the counts it promises."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from workbook.journal import Journal
from workbook.records import RECORD_TYPES

GENERATE = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("benchmarks_generate", GENERATE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def build(generate, folder: Path) -> tuple[dict[str, list[dict]], str]:
    """One year of history written to a journal and a Daylio export in ``folder``."""
    generate.main(["--years", "1", "--journal", str(folder / "j.db"), "--daylio", str(folder / "d.csv")])
    with Journal(folder / "j.db") as journal:
        content = {kind.TABLE: [r.to_plain() for r in journal.records(kind)] for kind in RECORD_TYPES}
    return content, (folder / "d.csv").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(generate, tmp_path_factory) -> tuple[dict[str, list[dict]], str]:
    return build(generate, tmp_path_factory.mktemp("first"))


def test_two_runs_give_the_same_journal_and_export(generate, built, tmp_path):
    assert build(generate, tmp_path) == built


def test_one_year_holds_the_stated_counts(built):
    content, _ = built
    counts = {table: len(rows) for table, rows in content.items()}
    assert counts["mood_entries"] == 550
    assert counts["applications"] == 100
    assert sum(app["outcome"] == "rejected" for app in content["applications"]) == 59
    assert counts["reflections"] == 30
    assert counts["actions"] == 15
    assert counts["checklist_runs"] == 60
    assert counts["support_contacts"] == 40
    assert counts["feedback_items"] > 0 and counts["call_notes"] > 0
    assert all(item["themes"] for item in content["feedback_items"])


def test_moods_have_gaps_and_several_entries_on_some_days(built):
    content, _ = built
    days = sorted({dt.date.fromisoformat(m["at"][:10]) for m in content["mood_entries"]})
    assert len(days) == 300
    assert max((later - earlier).days for earlier, later in zip(days, days[1:])) >= 7


def test_every_application_has_a_stage_history_and_nothing_is_dated_after_the_end(generate, built):
    content, _ = built
    with_history = {change["application_id"] for change in content["stage_changes"]}
    assert with_history == {app["id"] for app in content["applications"]}
    dates = [app["outcome_on"] for app in content["applications"] if app["outcome_on"]]
    dates += [m["at"][:10] for m in content["mood_entries"]]
    assert max(dates) <= generate.END.isoformat()


def test_daylio_export_is_in_daylios_layout_with_default_mood_names(built):
    _, daylio = built
    lines = daylio.splitlines()
    assert lines[0] == "full_date,date,weekday,time,mood,activities,note_title,note"
    assert not daylio.startswith("\ufeff")
    assert len(lines) == 1 + 550
    assert lines[1] > lines[-1]  # newest first
    assert {line.split(",")[4] for line in lines[1:]} <= {"awful", "bad", "meh", "good", "rad"}

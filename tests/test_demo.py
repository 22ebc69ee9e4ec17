"""The sample journal: realistic, complete, deterministic, and never written into a person's journal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from workbook.cli import main
from workbook.demo import DEMO_END, build_demo, default_demo_path
from workbook.errors import ValidationError
from workbook.interop.folder import export_csv
from workbook.journal import Journal
from workbook.records import OUTCOMES, STAGES, Application, MoodEntry
from workbook.themes import load_vocabulary

END = pd.Timestamp(DEMO_END)
DAY = pd.Timedelta(days=1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    """One sample journal, built once and only read by the tests that share it."""
    with Journal(tmp_path_factory.mktemp("demo") / "demo.db") as journal:
        build_demo(journal)
        yield journal


@pytest.fixture
def rejections(demo: Journal) -> pd.DataFrame:
    apps = demo.applications()
    return apps[apps["outcome"] == "rejected"].sort_values("outcome_on")


def daily_mood(demo: Journal) -> pd.Series:
    moods = demo.moods()
    return moods.groupby(moods["at"].dt.normalize())["mood"].mean()


def test_the_sample_has_every_stage_and_every_outcome(demo: Journal) -> None:
    apps = demo.applications()

    assert 20 <= len(apps) <= 30
    assert set(apps["stage"]) == set(STAGES)
    assert set(apps["outcome"]) == set(OUTCOMES)
    assert (apps["outcome"] == "offer").sum() == 1


def test_rejections_come_at_every_stage_by_video_call_and_in_writing(rejections: pd.DataFrame) -> None:
    assert len(rejections) >= 6
    assert (rejections["channel"] == "video_call").sum() >= 3
    assert rejections["channel"].isin(["email", "phone"]).sum() >= 2
    assert {"screen", "interview", "final"} <= set(rejections["stage"])


def test_each_application_walks_through_its_stages_in_order(demo: Journal) -> None:
    apps = demo.applications().set_index("id")
    history = demo.stage_changes().sort_values(["application_id", "changed_on", "id"])

    for app_id, steps in history.groupby("application_id"):
        app = apps.loc[app_id]
        reached = list(steps["stage"])
        assert reached == list(STAGES[: STAGES.index(app["stage"]) + 1]), app["company"]
        assert steps["changed_on"].iloc[0] == app["applied_on"]
        assert steps["changed_on"].is_monotonic_increasing
        if pd.notna(app["outcome_on"]):
            assert steps["changed_on"].iloc[-1] <= app["outcome_on"]


def test_some_pending_applications_have_gone_quiet_and_some_are_fresh(demo: Journal) -> None:
    apps = demo.applications()
    pending = apps[apps["outcome"] == "pending"]
    quiet_since = (END - pending["stage_on"]).dt.days

    assert (quiet_since > 21).sum() >= 2
    assert (quiet_since <= 14).sum() >= 2


def test_video_call_rejections_have_call_notes_from_that_day(demo: Journal, rejections: pd.DataFrame) -> None:
    notes = demo.call_notes().set_index("application_id")
    usual_parts = {"thanks", "reason", "feedback", "questions", "reapply"}

    for _, app in rejections[rejections["channel"] == "video_call"].iterrows():
        call = notes.loc[app["id"]]
        assert call["held_on"] == app["outcome_on"]
        assert {"thanks", "reason"} <= set(call["covered"]) <= usual_parts
        assert call["questions"] and call["answers"] and call["notes"]


def test_feedback_is_themed_from_the_vocabulary_and_partly_confirmed(
    demo: Journal, rejections: pd.DataFrame
) -> None:
    feedback = demo.feedback()
    themes = {theme for row in feedback["themes"] for theme in row}

    assert set(rejections["id"]) <= set(feedback["application_id"])
    assert all(row for row in feedback["themes"])
    assert themes <= set(load_vocabulary())
    assert len(themes) >= 8
    assert feedback["confirmed"].any() and not feedback["confirmed"].all()


def test_moods_are_logged_on_most_days_with_some_gaps(demo: Journal) -> None:
    moods = demo.moods()
    days = moods["at"].dt.normalize()
    span = (END - days.min()).days + 1
    daily = moods[moods["context"] == "daily"].groupby(days)["mood"].size()

    assert span >= 180
    assert 0.8 * span <= days.nunique() < span
    assert daily.between(1, 3).all()
    assert 6 <= daily_mood(demo).median() <= 7
    assert moods["emotions"].map(len).gt(0).all()
    assert {"walked", "slept badly", "talked to a friend", "exercised"} <= set(moods["tags"].explode())
    assert moods["energy"].notna().mean() > 0.7


def test_every_rejection_has_enough_moods_before_it_for_a_baseline(
    demo: Journal, rejections: pd.DataFrame
) -> None:
    daily = daily_mood(demo)

    for day in rejections["outcome_on"]:
        before = daily[(daily.index >= day - 14 * DAY) & (daily.index < day)]
        assert len(before) >= 3, day


def test_mood_dips_after_each_rejection_and_recovers_faster_as_months_pass(
    demo: Journal, rejections: pd.DataFrame
) -> None:
    daily = daily_mood(demo)
    dips, recoveries = [], []
    for day in rejections["outcome_on"]:
        baseline = daily[(daily.index >= day - 14 * DAY) & (daily.index < day)].median()
        after = daily[daily.index >= day]
        dips.append(baseline - after[after.index <= day + 7 * DAY].min())
        recoveries.append(_recovery_days(after, day, baseline))

    assert all(2 <= dip <= 4 for dip in dips), dips
    assert None not in recoveries
    half = len(recoveries) // 2
    assert sum(recoveries[-half:]) < sum(recoveries[:half]), recoveries


def _recovery_days(after: pd.Series, day: pd.Timestamp, baseline: float) -> int | None:
    """DESIGN.md's recovery days: first date whose trailing three-date mean is back near the baseline."""
    for position, date in enumerate(after.index):
        if after.iloc[max(0, position - 2) : position + 1].mean() >= baseline - 0.5:
            return (date - day).days
    return None


def test_moods_around_calls_are_linked_to_their_application(demo: Journal, rejections: pd.DataFrame) -> None:
    moods = demo.moods()
    around = moods[moods["context"].isin(["before_call", "after_call"])]

    assert {"before_call", "after_call"} <= set(around["context"])
    assert around["application_id"].notna().all()
    for _, app in rejections[rejections["channel"] == "video_call"].iterrows():
        that_day = around[
            (around["application_id"] == app["id"]) & (around["at"].dt.normalize() == app["outcome_on"])
        ]
        assert list(that_day.sort_values("at")["context"]) == ["before_call", "after_call"]


def test_reflections_checklists_actions_and_support_are_there(demo: Journal) -> None:
    prompts = set(demo.reflections()["prompt_id"])
    checklists = set(demo.checklist_runs()["checklist_id"])
    actions = demo.actions()
    support = demo.support_contacts()

    assert {"after_call.feel", "after_call.learned"} <= prompts
    assert {f"gibbs.{step}" for step in ("description", "feelings", "analysis", "action_plan")} <= prompts
    assert checklists == {"before_call", "call_covered", "after_call"}
    assert actions["done_on"].notna().any()
    overdue = actions[actions["done_on"].isna() & (actions["due_on"] < END)]
    assert len(overdue) >= 1
    assert actions["theme"].isin(list(load_vocabulary())).all()
    assert len(support) >= 5 and support["helped"].between(1, 5).all()


def test_nothing_is_dated_after_the_last_day(demo: Journal) -> None:
    dated = {
        "applications": demo.applications()[["applied_on", "outcome_on", "stage_on"]],
        "stages": demo.stage_changes()[["changed_on"]],
        "calls": demo.call_notes()[["held_on"]],
        "moods": demo.moods()[["at"]],
        "reflections": demo.reflections()[["at"]],
        "checklists": demo.checklist_runs()[["at"]],
        "actions": demo.actions()[["created_on", "done_on"]],
        "support": demo.support_contacts()[["talked_on"]],
    }
    for name, frame in dated.items():
        latest = frame.max().max()
        assert latest.normalize() <= END, name


def test_two_builds_export_identical_files(tmp_path: Path) -> None:
    exports = []
    for name in ("first", "second"):
        with Journal(tmp_path / f"{name}.db") as journal:
            build_demo(journal)
            exports.append(export_csv(journal, tmp_path / name))

    first, second = exports
    assert [path.name for path in first] == [path.name for path in second]
    for one, other in zip(first, second):
        assert one.read_bytes() == other.read_bytes(), one.name


def test_another_end_date_moves_the_whole_sample(journal: Journal) -> None:
    end = dt.date(2026, 6, 30)
    build_demo(journal, end=end)

    moods = journal.moods()
    assert moods["at"].max().date() <= end
    assert moods["at"].min().date() >= end - dt.timedelta(days=190)
    assert journal.counts()["applications"] == 25


def test_a_sample_that_cannot_be_written_leaves_the_journal_empty(journal: Journal) -> None:
    with pytest.raises(ValidationError):
        build_demo(journal, end=dt.date.today() + dt.timedelta(days=60))

    assert sum(journal.counts().values()) == 0


# --- the command ----------------------------------------------------------------


@pytest.fixture
def workbook_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workbook folder (with workbook.toml); the test runs inside its notebooks/ subfolder."""
    folder = tmp_path / "my-workbook"
    (folder / "notebooks").mkdir(parents=True)
    (folder / "workbook.toml").write_text('[workbook]\ntitle = "Mine"\n')
    monkeypatch.chdir(folder / "notebooks")
    monkeypatch.delenv("WORKBOOK_JOURNAL", raising=False)
    return folder.resolve()


def test_demo_writes_once_and_refuses_to_write_over_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "sample.db"

    assert main(["demo", "--journal", str(target)]) == 0
    assert "25 applications (8 rejections)" in capsys.readouterr().out

    assert main(["demo", "--journal", str(target)]) == 2
    assert "--force" in capsys.readouterr().err
    with Journal(target) as journal:
        assert journal.counts()["applications"] == 25


def test_force_replaces_the_sample_instead_of_doubling_it(tmp_path: Path) -> None:
    target = tmp_path / "sample.db"
    with Journal(target) as journal:
        build_demo(journal)
        journal.add(MoodEntry(at="2026-01-05T09:00:00", mood=5, note="left over"))

    assert main(["demo", "--journal", str(target), "--force"]) == 0

    with Journal(target) as journal:
        assert journal.counts()["applications"] == 25
        assert "left over" not in set(journal.moods()["note"])
        fresh = tmp_path / "fresh.db"
        with Journal(fresh) as other:
            build_demo(other)
            assert journal.counts() == other.counts()


def test_the_default_sample_is_data_demo_db_of_the_workbook_folder(workbook_dir: Path) -> None:
    assert default_demo_path() == workbook_dir / "data" / "demo.db"

    assert main(["demo"]) == 0

    assert (workbook_dir / "data" / "demo.db").is_file()
    assert not (workbook_dir / "data" / "journal.db").exists()


def test_the_demo_never_writes_into_the_journal_in_use(
    workbook_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = workbook_dir / "mine.db"
    with Journal(mine) as journal:
        journal.add(Application(company="Real Co", role="Analyst", applied_on="2026-10-01"))
    monkeypatch.setenv("WORKBOOK_JOURNAL", str(mine))

    assert main(["demo"]) == 0

    with Journal(mine) as journal:
        assert journal.counts()["applications"] == 1
    assert (
        workbook_dir / "demo.db"
    ).is_file()  # beside the journal in use, where workbook.open(demo=True) looks


def test_force_never_replaces_a_persons_own_entries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "my-search.db"
    with Journal(mine) as journal:
        journal.add(Application(company="Real Co", role="Analyst", applied_on="2026-10-01"))

    assert main(["demo", "--journal", str(mine), "--force"]) == 2

    assert "not the sample" in capsys.readouterr().err
    with Journal(mine) as journal:
        assert [app.company for app in journal.records(Application)] == ["Real Co"]


def test_the_demo_refuses_a_file_named_like_a_persons_journal(
    workbook_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    persons = workbook_dir / "data" / "journal.db"

    assert main(["demo", "--journal", str(persons), "--force"]) == 2

    assert "own journal" in capsys.readouterr().err
    assert not persons.exists()


def test_without_a_workbook_folder_the_sample_goes_beside_the_journal_in_the_persons_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WORKBOOK_JOURNAL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))

    assert default_demo_path() == tmp_path / "data-home" / "rebound" / "demo.db"


def test_the_sample_is_one_package() -> None:
    import importlib

    import workbook.demo

    assert workbook.demo.__file__.endswith("demo/__init__.py")
    for part in ("story", "moods", "notes"):
        assert importlib.import_module(f"workbook.demo.{part}").__name__ == f"workbook.demo.{part}"

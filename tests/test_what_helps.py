"""What hurts most and what helps: dips and recoveries by theme, stage, tags and support, never from fewer than three."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbook import metrics, sections, what_helps
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem, MoodEntry, SupportContact
from workbook.session import Workbook

FIRST = dt.date(2026, 1, 10)


def reject(
    journal: Journal,
    number: int,
    *,
    recover_after: int = 3,
    tags: tuple[str, ...] = (),
    stage: str = "interview",
    low: int = 5,
) -> tuple[int, dt.date]:
    """A rejection on its own month: usual mood 8, ``low`` on the day (dip 8 - low), 10 ``recover_after`` days later.

    With a low of 5 the mean of (5, 10) first reaches 8 - 0.5, so recovery days = ``recover_after``.
    ``tags`` go on the mood of the day itself.
    """
    day = FIRST + dt.timedelta(days=30 * number)
    app = journal.add(
        Application(
            company=f"Co {number}",
            role="Analyst",
            applied_on=day - dt.timedelta(days=20),
            stage=stage,
            outcome="rejected",
            outcome_on=day,
        )
    )
    for back in (3, 2, 1):
        journal.add(MoodEntry(at=dt.datetime.combine(day - dt.timedelta(days=back), dt.time(9)), mood=8))
    journal.add(MoodEntry(at=dt.datetime.combine(day, dt.time(18)), mood=low, tags=tags))
    journal.add(
        MoodEntry(at=dt.datetime.combine(day + dt.timedelta(days=recover_after), dt.time(9)), mood=10)
    )
    return app.id, day


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal.db")


def frames(journal: Journal):
    return metrics.rejection_metrics(journal.applications(), journal.moods())


def test_nothing_is_stated_from_fewer_than_three_rejections() -> None:
    assert what_helps.MIN_REJECTIONS == 3


def test_the_example_rejection_has_the_dip_and_recovery_it_was_built_with(journal: Journal) -> None:
    reject(journal, 0, recover_after=4, low=6)
    row = frames(journal).iloc[0]
    assert row["dip"] == 2.0 and row["recovery_days"] == 4


def test_a_theme_asked_for_after_three_rejections_shows_its_mean_dip_and_recovery(journal: Journal) -> None:
    for number, (low, days) in enumerate([(5, 2), (5, 4), (6, 6)]):
        app_id, _ = reject(journal, number, low=low, recover_after=days)
        journal.add(FeedbackItem(application_id=app_id, text="Clearer answers", themes=("communication",)))
    app_id, _ = reject(journal, 3, low=5, recover_after=2)
    journal.add(FeedbackItem(application_id=app_id, text="More depth", themes=("technical_depth",)))
    journal.add(
        FeedbackItem(application_id=app_id, text="Lovely examples", themes=("communication",), positive=True)
    )
    hurts = what_helps.hurts(frames(journal), what_helps.theme_keys(journal.feedback()))
    rows = hurts.set_index("name")
    # Lows 5, 5, 6 -> dips 3, 3, 2; praise never counts as a hurt.
    assert rows.loc["Communication", "rejections"] == 3
    assert rows.loc["Communication", "dip"] == pytest.approx(8 / 3)
    assert rows.loc["Communication", "recovery_days"] == pytest.approx(4.0)
    assert bool(rows.loc["Communication", "enough"]) is True
    assert rows.loc["Technical depth", "rejections"] == 1
    assert bool(rows.loc["Technical depth", "enough"]) is False


def test_stages_come_in_the_order_of_the_search(journal: Journal) -> None:
    for number, stage in enumerate(["final", "screen", "interview"]):
        reject(journal, number, stage=stage)
    hurts = what_helps.stage_order(
        what_helps.hurts(frames(journal), what_helps.stage_keys(journal.applications()))
    )
    assert list(hurts["name"]) == ["Screening call", "Interview", "Final round"]


def test_a_tag_in_the_week_after_comes_with_the_recoveries_of_those_rejections(journal: Journal) -> None:
    for number in range(3):
        reject(journal, number, recover_after=2, tags=("walked",))
    for number in range(3, 6):
        reject(journal, number, recover_after=6)
    rejections = frames(journal)
    helps = what_helps.helps(rejections, what_helps.tags_after(rejections, journal.moods())).set_index("name")
    assert helps.loc["walked", "with_n"] == 3 and helps.loc["walked", "without_n"] == 3
    assert helps.loc["walked", "with_days"] == 2.0 and helps.loc["walked", "without_days"] == 6.0
    assert helps.loc["walked", "faster_by"] == 4.0
    assert bool(helps.loc["walked", "enough"]) is True


def test_only_tags_dated_from_the_day_to_a_week_after_count(journal: Journal) -> None:
    app_id, day = reject(journal, 0)
    for offset, tag in ((-1, "before"), (7, "last day"), (8, "too late")):
        at = dt.datetime.combine(day + dt.timedelta(days=offset), dt.time(21))
        journal.add(MoodEntry(at=at, mood=8, tags=(tag,)))
    pairs = what_helps.tags_after(frames(journal), journal.moods())
    assert set(pairs["name"]) == {"last day"}
    assert set(pairs["application_id"]) == {app_id}


def test_support_counts_each_person_and_anyone_once_per_rejection(journal: Journal) -> None:
    for number in range(4):
        _, day = reject(journal, number, recover_after=1 if number < 3 else 5)
        if number < 3:
            journal.add(SupportContact(talked_on=day + dt.timedelta(days=1), who="Sam", helped=4))
            journal.add(SupportContact(talked_on=day + dt.timedelta(days=2), who="Sam", helped=5))
    rejections = frames(journal)
    helps = what_helps.helps(rejections, what_helps.support_after(rejections, journal.support_contacts()))
    rows = helps.set_index("name")
    assert rows.loc["Sam", "with_n"] == 3 and rows.loc[what_helps.ANYONE, "with_n"] == 3
    assert rows.loc["Sam", "without_n"] == 1
    assert bool(rows.loc["Sam", "enough"]) is False  # one rejection without is too few to compare with


def test_the_summary_tables_what_rests_on_three_and_leaves_out_the_rest(journal: Journal) -> None:
    for number in range(3):
        app_id, _ = reject(journal, number, recover_after=2, tags=("walked",))
        journal.add(FeedbackItem(application_id=app_id, text="Clearer", themes=("communication",)))
    for number in range(3, 6):
        reject(journal, number, recover_after=6, tags=("gym",) if number < 5 else ())
    summary = sections.what_helps(Workbook(journal))
    assert "| Communication | 3 | 3.0 | 2.0 |" in summary.markdown
    assert "| walked | 2.0 (3) | 6.0 (3) |" in summary.markdown
    assert "gym" not in summary.markdown  # two rejections only
    assert "Communication: rejections 3; mean dip 3.0; mean days to recover 2.0." in summary.text
    assert "From 6 rejections, 6 with a measured recovery" in summary.text
    assert "not causes" in summary.text


def test_with_too_few_rejections_the_summary_says_what_it_needs(journal: Journal) -> None:
    reject(journal, 0, tags=("walked",))
    summary = sections.what_helps(Workbook(journal))
    assert "What hurt most: not enough yet" in summary.text
    assert "What helped: not enough yet" in summary.text
    assert "|" not in summary.markdown


def test_an_empty_journal_says_what_to_log_first(journal: Journal) -> None:
    assert sections.what_helps(Workbook(journal)).text.startswith("No rejections logged yet")


def test_the_chart_draws_only_what_rests_on_three_with_its_count(journal: Journal) -> None:
    for number in range(3):
        reject(journal, number, recover_after=2, tags=("walked",))
    for number in range(3, 6):
        reject(journal, number, recover_after=6, tags=("gym",) if number == 3 else ())
    figure = sections.CHARTS["what_helps"][2](Workbook(journal))
    hurt, helped = figure.axes
    assert [t.get_text() for t in hurt.get_yticklabels()] == ["Stage: Interview (6)"]
    assert [t.get_text() for t in helped.get_yticklabels()] == ["walked"]
    assert {round(bar.get_width(), 1) for bar in helped.patches} == {2.0, 6.0}

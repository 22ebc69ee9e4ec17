"""Rejection history: monthly counts, funnel, response rate, days to outcome, channels, ghosting."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from workbook import history
from workbook.journal import Journal
from workbook.records import Application


@pytest.fixture
def story(journal: Journal) -> Journal:
    """Five applications that went different distances, with answers by different channels."""
    add = journal.add
    # Rejected at final (video call) after 40 days: counts as having passed screen and interview.
    add(
        Application(
            company="A",
            role="r",
            applied_on="2026-01-05",
            stage="final",
            stage_on="2026-02-01",
            outcome="rejected",
            outcome_on="2026-02-14",
            channel="video_call",
        )
    )
    # Rejected by email straight from "applied" after 10 days.
    add(
        Application(
            company="B",
            role="r",
            applied_on="2026-01-10",
            outcome="rejected",
            outcome_on="2026-01-20",
            channel="email",
        )
    )
    # Reached screen, then rejected by phone after 60 days (April: March has none).
    add(
        Application(
            company="C",
            role="r",
            applied_on="2026-02-01",
            stage="screen",
            stage_on="2026-02-20",
            outcome="rejected",
            outcome_on="2026-04-02",
            channel="phone",
        )
    )
    # Never heard back; pending since 2026-03-01.
    add(Application(company="D", role="r", applied_on="2026-03-01"))
    # Reached interview on 2026-03-10, still pending.
    add(Application(company="E", role="r", applied_on="2026-03-02", stage="interview", stage_on="2026-03-10"))
    return journal


def test_rejections_by_month_fill_empty_months_and_split_by_stage(story: Journal) -> None:
    table = history.rejections_by_month(story.applications())
    assert list(table.index.strftime("%Y-%m")) == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert table.loc["2026-01-01"].tolist() == [1, 0, 0, 0]  # B, at applied
    assert table.loc["2026-02-01", "final"] == 1
    assert table.loc["2026-03-01"].sum() == 0
    assert table.loc["2026-04-01", "screen"] == 1


def test_funnel_counts_every_stage_passed_on_the_way(story: Journal) -> None:
    # Furthest stages: A final, B applied, C screen, D applied, E interview.
    # Reached: applied 5; screen 3 (A, C, E); interview 2 (A, E); final 1 (A).
    table = history.funnel(story.applications(), story.stage_changes())
    assert table["reached"].tolist() == [5, 3, 2, 1]
    assert table["conversion"].iloc[:3].tolist() == pytest.approx([3 / 5, 2 / 3, 1 / 2])
    assert math.isnan(table["conversion"].iloc[3])


def test_response_rate_counts_any_answer(story: Journal) -> None:
    # Answered: A, B, C (rejected) and E (moved on to interview); D is silent -> 4 / 5.
    assert history.response_rate(story.applications()) == 0.8


def test_response_rate_is_none_without_applications(journal: Journal) -> None:
    assert history.response_rate(journal.applications()) is None


def test_days_to_outcome_by_stage_and_channel(story: Journal) -> None:
    # A 40 days (final, video call), B 10 (applied, email), C 60 (screen, phone).
    by_channel = history.days_to_outcome_by(story.applications(), "channel")
    assert by_channel.loc["video_call", "median"] == 40
    assert by_channel.loc["email", "count"] == 1
    assert by_channel.loc["in_person", "count"] == 0
    by_stage = history.days_to_outcome_by(story.applications(), "stage")
    assert by_stage.loc["screen", "mean"] == 60
    assert sorted(history.days_to_outcome(story.applications())["days"]) == [10, 40, 60]


def test_rejections_by_channel_lists_every_channel(story: Journal) -> None:
    counts = history.rejections_by_channel(story.applications())
    assert counts.to_dict() == {"video_call": 1, "phone": 1, "email": 1, "in_person": 0, "none": 0}


def test_probably_ghosted_after_21_quiet_days_changes_nothing(story: Journal) -> None:
    # On 2026-03-31: D quiet since 03-01 (30 days), E since its stage change on 03-10 (21 days).
    before = story.applications()
    quiet = history.probably_ghosted(story.applications(), story.stage_changes(), today=dt.date(2026, 3, 31))
    assert quiet[["company", "quiet_days"]].values.tolist() == [["D", 30], ["E", 21]]
    # A day earlier E has been quiet 20 days only; a longer limit drops both.
    earlier = history.probably_ghosted(
        story.applications(), story.stage_changes(), today=dt.date(2026, 3, 30)
    )
    assert earlier["company"].tolist() == ["D"]
    assert history.probably_ghosted(
        story.applications(), story.stage_changes(), today=dt.date(2026, 3, 31), after_days=31
    ).empty
    pd.testing.assert_frame_equal(story.applications(), before)

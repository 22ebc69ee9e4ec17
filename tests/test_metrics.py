"""Resilience metrics on small real journals, each answer worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from workbook import metrics
from workbook.journal import Journal
from workbook.records import Application, MoodEntry

D = dt.date(2026, 3, 16)  # the rejection day used in most examples (a Monday)


def day(offset: int) -> dt.date:
    """D + offset days."""
    return D + dt.timedelta(days=offset)


def log_moods(journal: Journal, moods: dict[int, list[int]]) -> None:
    """Log the moods of each day (offset from D), one entry an hour from 08:00."""
    for offset, values in moods.items():
        for hour, mood in enumerate(values):
            at = dt.datetime.combine(day(offset), dt.time(8 + hour))
            journal.add(MoodEntry(at=at, mood=mood, note=f"{offset}/{hour}"))


def reject(journal: Journal, company: str, on: dt.date, applied: dt.date | None = None) -> Application:
    """Log an application rejected on ``on``."""
    return journal.add(
        Application(
            company=company,
            role="Analyst",
            applied_on=applied or on - dt.timedelta(days=30),
            stage="interview",
            stage_on=on - dt.timedelta(days=5),
            outcome="rejected",
            outcome_on=on,
            channel="video_call",
        )
    )


def only_row(journal: Journal) -> dict[str, object]:
    rows = metrics.rejection_rows(metrics.rejection_metrics(journal.applications(), journal.moods()))
    assert len(rows) == 1
    return rows[0]


# --- per rejection: hand-worked --------------------------------------------------------


def test_no_baseline_leaves_dip_and_recovery_unknown(journal: Journal) -> None:
    # Only two dates before D (D-3, D-2): fewer than 3, so no baseline.
    # Without a baseline, dip, recovery days and recovered are all null.
    reject(journal, "Acme", D)
    log_moods(journal, {-3: [7], -2: [6], 0: [2], 1: [3]})
    row = only_row(journal)
    assert row["baseline"] is None
    assert row["dip"] is None
    assert row["recovery_days"] is None
    assert row["recovered"] is None


def test_censored_recovery_is_not_yet_recovered(journal: Journal) -> None:
    # Before D: 6, 7, 8, 7, 6 -> sorted 6 6 7 7 8 -> baseline 7; target 7 - 0.5 = 6.5.
    # From D: D=2, D+1=3, D+3=4.  Means of the last three: 2, (2+3)/2=2.5, (2+3+4)/3=3.
    # Never >= 6.5: recovery days null, recovered false.  Dip = 7 - min(2, 3, 4) = 5.
    reject(journal, "Acme", D)
    log_moods(journal, {-5: [6], -4: [7], -3: [8], -2: [7], -1: [6], 0: [2], 1: [3], 3: [4]})
    row = only_row(journal)
    assert row["baseline"] == 7
    assert row["dip"] == 5
    assert row["recovery_days"] is None
    assert row["recovered"] is False


def test_recovery_on_day_zero(journal: Journal) -> None:
    # Baseline median(5, 5, 5) = 5; target 4.5.  D's mood 5 -> mean 5 >= 4.5 at d = D: 0 days.
    # The dip still counts the whole week: D+1 = 2 -> dip 5 - min(5, 2) = 3.
    reject(journal, "Acme", D)
    log_moods(journal, {-3: [5], -2: [5], -1: [5], 0: [5], 1: [2]})
    row = only_row(journal)
    assert row["recovery_days"] == 0
    assert row["recovered"] is True
    assert row["dip"] == 3


def test_several_entries_a_day_are_averaged(journal: Journal) -> None:
    # Daily means: D-3 (4+8)/2=6, D-2 6, D-1 (5+7+9)/3=7 -> baseline median(6, 6, 7) = 6; target 5.5.
    # From D: D (2+4)/2=3, D+1 6, D+2 (8+9)/2=8.5.
    # Means: 3; (3+6)/2=4.5; (3+6+8.5)/3=5.83 >= 5.5 -> recovery at D+2 = 2 days.
    # Only dates >= D count: at D the mean is 3, not pulled up by D-1's 7.
    # Dip = 6 - min(3, 6, 8.5) = 3.
    reject(journal, "Acme", D)
    log_moods(journal, {-3: [4, 8], -2: [6], -1: [5, 7, 9], 0: [2, 4], 1: [6], 2: [8, 9]})
    row = only_row(journal)
    assert row["baseline"] == 6
    assert row["dip"] == 3
    assert row["recovery_days"] == 2
    assert row["recovered"] is True


def test_gaps_of_several_days(journal: Journal) -> None:
    # D-15 (mood 1) lies outside D-14 ... D-1 and is ignored.
    # Baseline from D-14=8, D-10=6, D-1=7 -> median 7; target 6.5.
    # Dip window D ... D+7 holds D=3 and D+6=5 (D+12 is outside) -> dip 7 - 3 = 4.
    # Walk: D 3 -> 3; D+6 5 -> 4; D+12 8 -> (3+5+8)/3=5.33; D+20 9 -> (5+8+9)/3=7.33 >= 6.5.
    # Recovery days = 20 (no interpolation across the gaps).
    reject(journal, "Acme", D)
    log_moods(journal, {-15: [1], -14: [8], -10: [6], -1: [7], 0: [3], 6: [5], 12: [8], 20: [9]})
    row = only_row(journal)
    assert row["baseline"] == 7
    assert row["dip"] == 4
    assert row["recovery_days"] == 20


def test_half_point_baseline_and_fractional_dip(journal: Journal) -> None:
    # Four dates 5, 6, 7, 8 -> baseline median 6.5; target 6.
    # D (3+4)/2 = 3.5 -> dip 6.5 - 3.5 = 3.  D+1 = 9 -> mean (3.5+9)/2 = 6.25 >= 6 -> 1 day.
    reject(journal, "Acme", D)
    log_moods(journal, {-4: [5], -3: [6], -2: [7], -1: [8], 0: [3, 4], 1: [9]})
    row = only_row(journal)
    assert row["baseline"] == 6.5
    assert row["dip"] == 3
    assert row["recovery_days"] == 1


def test_rejection_on_the_journals_first_day(journal: Journal) -> None:
    # The first mood entry is on D: nothing before it, so no baseline and no recovery verdict.
    # Bounce-back: other applications on D-2 (before D, ignored) and D+4 -> 4 days.
    reject(journal, "Acme", D, applied=day(-40))
    journal.add(Application(company="Early", role="Analyst", applied_on=day(-2)))
    journal.add(Application(company="Next", role="Analyst", applied_on=day(4)))
    log_moods(journal, {0: [3], 1: [5], 2: [6]})
    row = only_row(journal)
    assert row["baseline"] is None
    assert row["recovered"] is None
    assert row["bounce_back_days"] == 4


def test_bounce_back_counts_a_same_day_application_and_is_null_without_one(journal: Journal) -> None:
    # Two rejections: the first has another application on its own day (0 days);
    # the second has no later application at all (null).  Its own applied_on never counts.
    first = reject(journal, "Acme", day(0), applied=day(-20))
    journal.add(Application(company="Same day", role="Analyst", applied_on=day(0)))
    second = reject(journal, "Beta", day(10), applied=day(-10))
    rows = metrics.rejection_rows(metrics.rejection_metrics(journal.applications(), journal.moods()))
    assert [(r["application_id"], r["bounce_back_days"]) for r in rows] == [(first.id, 0), (second.id, None)]


def test_no_mood_in_the_week_after_leaves_the_dip_unknown(journal: Journal) -> None:
    # Baseline median(6, 7, 8) = 7, but nothing logged D ... D+7: dip null.
    # The walk still goes on: D+9 = 7 -> mean 7 >= 6.5 -> recovered after 9 days.
    reject(journal, "Acme", D)
    log_moods(journal, {-3: [6], -2: [7], -1: [8], 9: [7]})
    row = only_row(journal)
    assert row["baseline"] == 7
    assert row["dip"] is None
    assert row["recovery_days"] == 9
    assert row["recovered"] is True


def test_a_mean_exactly_at_baseline_minus_half_counts_as_recovered(journal: Journal) -> None:
    # Baseline median(6, 6, 6) = 6; target 5.5.  D = 5 -> 5 < 5.5; D+1 = 6 -> (5+6)/2 = 5.5, exactly
    # the target: >= counts, so recovered after 1 day.
    reject(journal, "Acme", D)
    log_moods(journal, {-3: [6], -2: [6], -1: [6], 0: [5], 1: [6]})
    assert only_row(journal)["recovery_days"] == 1


def test_a_mean_in_thirds_exactly_at_the_target_counts(journal: Journal) -> None:
    # Baseline median(7, 7, 7) = 7; target 6.5.  D = 4, D+1 = 8, D+2 = (7+8)/2 = 7.5:
    # means 4, (4+8)/2 = 6, (4+8+7.5)/3 = 6.5 exactly -> 2 days.
    reject(journal, "Acme", D)
    log_moods(journal, {-3: [7], -2: [7], -1: [7], 0: [4], 1: [8], 2: [7, 8]})
    assert only_row(journal)["recovery_days"] == 2


def test_two_rejections_on_the_same_day_each_get_a_row(journal: Journal) -> None:
    # Same D, same moods: identical numbers, ordered by id.  Each one's bounce-back counts the
    # other's application only if applied on or after D (here both applied long before): null.
    first = reject(journal, "Acme", D)
    second = reject(journal, "Beta", D, applied=day(-31))
    log_moods(journal, {-3: [5], -2: [6], -1: [7], 0: [3], 2: [6]})
    rows = metrics.rejection_rows(metrics.rejection_metrics(journal.applications(), journal.moods()))
    assert [r["application_id"] for r in rows] == [first.id, second.id]
    for row in rows:
        # Baseline 6; target 5.5; D 3 -> 3; D+2 6 -> 4.5: not yet recovered.
        assert (row["baseline"], row["dip"], row["recovery_days"], row["recovered"]) == (6, 3, None, False)
        assert row["bounce_back_days"] is None


def test_bounce_back_never_counts_the_rejected_application_itself(journal: Journal) -> None:
    # Applied and rejected on D: the only application on or after D is itself -> null.
    # Another application on D as well -> 0 days.
    journal.add(
        Application(
            company="Acme", role="Analyst", applied_on=D, outcome="rejected", outcome_on=D, channel="email"
        )
    )
    assert only_row(journal)["bounce_back_days"] is None
    journal.add(Application(company="Also today", role="Analyst", applied_on=D))
    assert only_row(journal)["bounce_back_days"] == 0


def test_rows_are_oldest_first_with_every_field(journal: Journal) -> None:
    later = reject(journal, "Later Ltd", day(20))
    earlier = reject(journal, "Earlier plc", day(0))
    journal.add(Application(company="Pending", role="Analyst", applied_on=day(-3)))
    rows = metrics.rejection_rows(metrics.rejection_metrics(journal.applications(), journal.moods()))
    assert [r["application_id"] for r in rows] == [earlier.id, later.id]
    assert list(rows[0]) == list(metrics.REJECTION_COLUMNS)
    assert rows[0]["rejected_on"] == D.isoformat()
    assert rows[0]["company"] == "Earlier plc"


def test_no_rejections_gives_an_empty_typed_frame(journal: Journal) -> None:
    frame = metrics.rejection_metrics(journal.applications(), journal.moods())
    assert frame.empty
    assert list(frame.columns) == list(metrics.REJECTION_COLUMNS)
    assert metrics.rejection_rows(frame) == []


# --- the vectorised metrics equal the definitions, row by row -------------------------------


def reference_rejection_metrics(applications: pd.DataFrame, moods: pd.DataFrame) -> pd.DataFrame:
    """The definitions written out one rejection at a time (the implementation before issue 14)."""
    daily = metrics.daily_mood(moods)
    rejected = applications[applications["outcome"] == "rejected"].dropna(subset=["outcome_on"])
    rows = []
    for app in rejected.sort_values(["outcome_on", "id"], kind="stable").itertuples(index=False):
        d = pd.Timestamp(app.outcome_on).normalize()
        before = daily[(daily.index >= d - pd.Timedelta(days=14)) & (daily.index < d)]
        baseline = float(before.median()) if len(before) >= 3 else None
        week = daily[(daily.index >= d) & (daily.index <= d + pd.Timedelta(days=7))]
        dip = None if baseline is None or week.empty else baseline - float(week.min())
        recovery = None
        if baseline is not None:
            after = daily[daily.index >= d]
            values = after.to_numpy()
            for position, date in enumerate(after.index):
                if values[max(0, position - 2) : position + 1].mean() >= baseline - 0.5 - 1e-9:
                    recovery = int((date - d).days)
                    break
        others = applications[(applications["id"] != app.id) & (applications["applied_on"] >= d)]
        bounce = None if others.empty else int((others["applied_on"].min() - d).days)
        recovered = None if baseline is None else recovery is not None
        rows.append([app.id, app.company, app.role, d, baseline, dip, recovery, recovered, bounce])
    frame = pd.DataFrame(rows, columns=list(metrics.REJECTION_COLUMNS))
    return frame.astype(
        {
            "application_id": "int64",
            "company": "str",
            "role": "str",
            "rejected_on": "datetime64[ns]",
            "baseline": "float64",
            "dip": "float64",
            "recovery_days": "Int64",
            "recovered": "boolean",
            "bounce_back_days": "Int64",
        }
    )


def random_journal(seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Applications and moods over ~10 weeks, crowded so that ties and shared days are common."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2026-01-05")
    logged = np.flatnonzero(rng.random(70) < rng.uniform(0.2, 0.95))
    days = np.repeat(logged, rng.integers(1, 4, logged.size))
    at = start + pd.to_timedelta(days, unit="D") + pd.to_timedelta(rng.integers(6, 23, days.size), unit="h")
    low, high = sorted(rng.integers(1, 11, 2))
    moods = pd.DataFrame(
        {
            "id": np.arange(1, days.size + 1, dtype="int64"),
            "at": pd.DatetimeIndex(at).astype("datetime64[ns]"),
            "mood": rng.integers(low, high + 1, days.size).astype("int64"),
        }
    )
    count = int(rng.integers(0, 15))
    applied = start + pd.to_timedelta(rng.integers(-10, 70, count), unit="D")
    # Outcomes fall on a handful of days, some on the very day of applying.
    waited = pd.to_timedelta(rng.choice([0, 0, 3, 9, 20], count), unit="D")
    outcome = rng.choice(["rejected", "rejected", "pending", "offer"], count)
    applications = pd.DataFrame(
        {
            "id": np.arange(1, count + 1, dtype="int64"),
            "company": pd.Series([f"C{i}" for i in range(count)], dtype="str"),
            "role": pd.Series(["Analyst"] * count, dtype="str"),
            "applied_on": pd.DatetimeIndex(applied).astype("datetime64[ns]"),
            "outcome": pd.Categorical(outcome, categories=["pending", "rejected", "offer"]),
            "outcome_on": pd.Series(applied + waited).where(outcome != "pending").astype("datetime64[ns]"),
        }
    )
    return applications, moods


@pytest.mark.parametrize("seed", range(150))
def test_rejection_metrics_equal_the_definitions_on_random_journals(seed: int) -> None:
    applications, moods = random_journal(seed)
    pd.testing.assert_frame_equal(
        metrics.rejection_metrics(applications, moods),
        reference_rejection_metrics(applications, moods),
        check_exact=True,
    )


# --- trend -------------------------------------------------------------------------------


def trend_frame(points: list[tuple[str, int | None, bool | None]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rejected_on": pd.to_datetime([p[0] for p in points]),
            "recovery_days": pd.array([p[1] for p in points], dtype="Int64"),
            "recovered": pd.array([p[2] for p in points], dtype="boolean"),
        }
    )


def quarterly(recovery_days: list[int]) -> pd.DataFrame:
    """Known recoveries on 2026-01-01 and every 30 days after."""
    start = dt.date(2026, 1, 1)
    return trend_frame(
        [(str(start + dt.timedelta(days=30 * i)), d, True) for i, d in enumerate(recovery_days)]
    )


def test_trend_getting_shorter_states_the_range() -> None:
    # x = 0, 30, 60, 90 (mean 45, Sxx 4500); y = 13, 8, 7, 2 (mean 7.5, Sxy -510).
    # Slope -510/4500 = -0.11333 a day = -3.45 a month; fitted 12.6, 9.2, 5.8, 2.4.
    # Residuals 0.4, -1.2, 1.2, -0.4: SSR 3.2, s^2 = 3.2/2 = 1.6, SE = sqrt(1.6/4500) = 0.018856 a day.
    # 95% with t(2) = 4.303: +-0.08114 a day -> -5.92 ... -0.98 a month: all below zero, so "shorter".
    rejections = pd.concat([quarterly([13, 8, 7, 2]), trend_frame([("2026-02-15", None, False)])])
    trend = metrics.recovery_trend(rejections)
    assert trend.verdict == "shorter" and trend.is_clear
    assert trend.points == 4  # the censored one (recovered false) has no number and is left out
    assert trend.slope_per_month == pytest.approx(-3.4496, abs=1e-4)
    assert (trend.low_per_month, trend.high_per_month) == pytest.approx((-5.919, -0.980), abs=1e-3)
    assert trend.words == (
        "Your recoveries are getting shorter: about 3.4 days quicker each month "
        "(likely between 1.0 and 5.9), from 4 recoveries."
    )
    assert list(trend.fitted(pd.to_datetime(["2026-01-01", "2026-04-01"]))) == pytest.approx([12.6, 2.4])


def test_trend_that_could_go_either_way_says_so() -> None:
    # y = 13, 6, 9, 2: slope -450/4500 = -0.1 a day (-3.04 a month), fitted 12, 9, 6, 3.
    # Residuals 1, -3, 3, -1: SSR 20, s^2 10, SE sqrt(10/4500) = 0.047140; +-4.303 * SE = +-0.20285 a day
    # = +-6.174 a month -> -9.218 ... +3.130: it straddles zero, so no direction is claimed.
    trend = metrics.recovery_trend(quarterly([13, 6, 9, 2]))
    assert trend.verdict == "unclear" and not trend.is_clear
    assert trend.slope_per_month == pytest.approx(-3.04375)
    assert (trend.low_per_month, trend.high_per_month) == pytest.approx((-9.218, 3.130), abs=1e-3)
    assert "No clear change" in trend.words
    assert "9.2 days quicker to 3.1 days longer" in trend.words
    assert "shorter" not in trend.words


def test_trend_longer_and_steady() -> None:
    # Exactly on a line: no scatter, so the range is the slope itself.
    longer = metrics.recovery_trend(quarterly([2, 5, 8, 11]))  # +0.1 a day = +3.04 a month
    steady = metrics.recovery_trend(quarterly([4, 4, 4, 4]))
    assert longer.verdict == "longer"
    assert "longer" in longer.words and "Go gently" in longer.words
    assert steady.verdict == "steady"
    assert steady.slope_per_month == pytest.approx(0)
    assert "holding steady" in steady.words


def test_trend_needs_four_known_recoveries_on_two_dates() -> None:
    three = metrics.recovery_trend(quarterly([12, 9, 6]))  # a perfect line, but only three points
    one_day = metrics.recovery_trend(trend_frame([("2026-01-01", 2, True)] * 5))
    for trend in (three, one_day):
        assert trend.verdict == "too_few" and not trend.is_clear
        assert trend.slope_per_month is None and trend.low_per_month is None
        assert len(trend.fitted(pd.to_datetime(["2026-01-01"]))) == 0
    assert three.words == (
        "Too few recoveries logged yet to say whether they are getting shorter: "
        "3 so far, and a trend needs at least 4."
    )


# --- mood over time ------------------------------------------------------------------------


def test_daily_mood_averages_each_date_and_skips_empty_days(journal: Journal) -> None:
    log_moods(journal, {0: [2, 5], 3: [7]})
    daily = metrics.daily_mood(journal.moods())
    assert list(daily.index.date) == [day(0), day(3)]
    assert list(daily) == [3.5, 7.0]


def test_rolling_mean_covers_seven_calendar_days(journal: Journal) -> None:
    # D=2, D+3=6, D+7=10: at D+7 the window D+1 ... D+7 holds 6 and 10 -> 8 (D has dropped out).
    log_moods(journal, {0: [2], 3: [6], 7: [10]})
    assert list(metrics.rolling_mood(journal.moods())) == [2, 4, 8]


def test_mood_by_weekday_starts_on_monday(journal: Journal) -> None:
    # D is a Monday: Monday (D, D+7) = (4+6)/2 = 5, Tuesday (D+1) = 8; other days have none.
    log_moods(journal, {0: [4], 1: [8], 7: [6]})
    table = metrics.mood_by_weekday(journal.moods())
    assert list(table.index) == list(metrics.WEEKDAYS)
    assert table.loc["Monday", "mood"] == 5
    assert table.loc["Tuesday", "days"] == 1
    assert math.isnan(table.loc["Sunday", "mood"])


def test_mood_stability_is_the_monthly_mssd(journal: Journal) -> None:
    # March: D=4, D+1=6, D+4=3 -> differences 2, -3 -> (4 + 9) / 2 = 6.5.
    # April 1 (D+16) alone -> NaN.
    log_moods(journal, {0: [4], 1: [6], 4: [3], 16: [5]})
    table = metrics.mood_stability(journal.moods())
    assert table.loc[pd.Timestamp("2026-03-01"), "mssd"] == 6.5
    assert table.loc[pd.Timestamp("2026-03-01"), "days"] == 3
    assert math.isnan(table.loc[pd.Timestamp("2026-04-01"), "mssd"])


# --- low-mood signal -------------------------------------------------------------------------


def test_low_mood_period_needs_five_consecutive_low_days(journal: Journal) -> None:
    # D ... D+4 all <= 3 (D averages (2+4)/2 = 3, still low): one run of 5 days.
    # D+6 ... D+9 is only four days long, and D+5 (no entry) breaks any run.
    log_moods(journal, {0: [2, 4], 1: [3], 2: [1], 3: [2], 4: [3], 6: [2], 7: [2], 8: [2], 9: [2]})
    periods = metrics.low_mood_periods(journal.moods())
    assert periods.to_dict("records") == [
        {"start": pd.Timestamp(day(0)), "end": pd.Timestamp(day(4)), "days": 5}
    ]
    assert metrics.low_mood_periods(journal.moods(), min_days=4)["days"].tolist() == [5, 4]


def test_low_mood_signal_only_while_the_run_is_ongoing_and_recent(journal: Journal) -> None:
    log_moods(journal, {offset: [2] for offset in range(5)})
    moods = journal.moods()
    assert metrics.low_mood_signal(moods, today=day(4))
    assert metrics.low_mood_signal(moods, today=day(11))  # last entry 7 days ago: still recent
    assert not metrics.low_mood_signal(moods, today=day(12))  # 8 days ago: stale
    assert not metrics.low_mood_signal(moods, today=day(4), threshold=1)


def test_low_mood_signal_ends_with_a_better_day(journal: Journal) -> None:
    log_moods(journal, {**{offset: [2] for offset in range(5)}, 5: [6]})
    assert not metrics.low_mood_signal(journal.moods(), today=day(5))


def test_no_moods_means_no_signal(journal: Journal) -> None:
    assert metrics.low_mood_periods(journal.moods()).empty
    assert not metrics.low_mood_signal(journal.moods(), today=D)

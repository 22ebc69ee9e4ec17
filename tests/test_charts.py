"""Charts: what each one shows (data, labels, titles), its empty state, and that it draws to PNG."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys

import matplotlib.dates as mdates
import pytest
from matplotlib.figure import Figure

from workbook import charts, metrics
from workbook.charts.canvas import REJECTION
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem, MoodEntry


@pytest.fixture
def full(journal: Journal) -> Journal:
    """Two rejections with moods around them, one pending application, feedback with themes."""
    acme = journal.add(
        Application(
            company="Acme",
            role="Dev",
            applied_on="2026-01-05",
            stage="interview",
            stage_on="2026-01-20",
            outcome="rejected",
            outcome_on="2026-02-02",
            channel="video_call",
        )
    )
    beta = journal.add(
        Application(
            company="Beta",
            role="QA",
            applied_on="2026-02-03",
            stage="final",
            stage_on="2026-02-25",
            outcome="rejected",
            outcome_on="2026-03-02",
            channel="email",
        )
    )
    journal.add(Application(company="Gamma", role="Dev", applied_on="2026-03-05"))
    for offset in range(60):
        at = dt.datetime(2026, 1, 20, 9) + dt.timedelta(days=offset)
        journal.add(MoodEntry(at=at, mood=[7, 6, 3, 4, 5, 6, 7][offset % 7]))
    journal.add(
        FeedbackItem(application_id=acme.id, text="System design", themes=["technical_depth"], confirmed=True)
    )
    journal.add(
        FeedbackItem(
            application_id=beta.id, text="Internal hire", themes=["position_closed", "technical_depth"]
        )
    )
    return journal


def every_chart(journal: Journal) -> dict[str, Figure]:
    apps, moods, feedback = journal.applications(), journal.moods(), journal.feedback()
    rejections = metrics.rejection_metrics(apps, moods)
    return {
        "month": charts.rejections_by_month_chart(apps),
        "funnel": charts.funnel_chart(apps, journal.stage_changes()),
        "channel": charts.channel_chart(apps),
        "days": charts.days_to_outcome_chart(apps),
        "frequency": charts.theme_frequency_chart(feedback),
        "over_time": charts.themes_over_time_chart(feedback, apps),
        "by_stage": charts.themes_by_stage_chart(feedback, apps),
        "timeline": charts.mood_timeline_chart(moods, apps),
        "pixels": charts.year_in_pixels_chart(moods),
        "weekday": charts.weekday_chart(moods),
        "recovery": charts.recovery_chart(rejections),
        "dip": charts.dip_by_stage_chart(rejections, apps),
    }


def texts(figure: Figure) -> list[str]:
    return [text.get_text() for text in figure.axes[0].texts]


def test_every_chart_has_a_title_labelled_axes_and_draws_to_png(full: Journal) -> None:
    for name, figure in every_chart(full).items():
        axes = figure.axes[0]
        assert axes.get_title(loc="left"), name
        assert axes.get_xlabel() and axes.get_ylabel(), name
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        assert buffer.getvalue().startswith(b"\x89PNG"), name


def test_every_chart_has_a_friendly_empty_state(journal: Journal) -> None:
    for name, figure in every_chart(journal).items():
        message = " ".join(texts(figure))
        assert "No " in message and "yet" in message, name
        assert figure.axes[0].get_title(loc="left"), name
        figure.savefig(io.BytesIO(), format="png")


def test_monthly_rejections_are_stacked_by_stage(full: Journal) -> None:
    axes = charts.rejections_by_month_chart(full.applications()).axes[0]
    heights = {c.get_label(): [bar.get_height() for bar in c] for c in axes.containers}
    # February: Acme at interview; March: Beta at final.
    assert heights["Interview"] == [1, 0]
    assert heights["Final round"] == [0, 1]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["Feb 2026", "Mar 2026"]


def test_funnel_shows_reached_counts_and_conversion(full: Journal) -> None:
    axes = charts.funnel_chart(full.applications(), full.stage_changes()).axes[0]
    widths = [bar.get_width() for bar in axes.patches]
    assert widths == [1, 2, 2, 3]  # final, interview, screen, applied (top to bottom reversed)
    assert "3  (67% went on)" in texts_of_labels(axes)


def texts_of_labels(axes) -> list[str]:
    return [text.get_text() for text in axes.texts]


def test_channel_chart_counts_rejections_per_channel(full: Journal) -> None:
    axes = charts.channel_chart(full.applications()).axes[0]
    bars = {label.get_text(): bar.get_height() for label, bar in zip(axes.get_xticklabels(), axes.patches)}
    assert bars == {"Video call": 1, "Phone call": 0, "Email": 1, "In person": 0, "Not told": 0}
    assert {bar.get_facecolor()[:3] for bar in axes.patches} == {_rgb(REJECTION)}


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    return tuple(int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))


def test_theme_frequency_is_sorted_with_the_most_frequent_on_top(full: Journal) -> None:
    axes = charts.theme_frequency_chart(full.feedback()).axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels[-1] == "Technical depth"  # barh draws bottom-up: the last is the top bar
    assert [bar.get_width() for bar in axes.patches] == [1, 2]


def test_themes_over_time_grid_holds_counts_per_month(full: Journal) -> None:
    axes = charts.themes_over_time_chart(full.feedback(), full.applications()).axes[0]
    grid = axes.images[0].get_array()
    assert grid.filled(0).tolist() == [[1, 1], [0, 1]]  # Technical depth Feb, Mar; Internal... Mar
    assert grid.mask.tolist() == [[False, False], [True, False]]  # the empty cell is left quiet
    assert [t.get_text() for t in axes.get_yticklabels()][0] == "Technical depth"


def test_mood_timeline_plots_daily_mood_rolling_mean_and_rejections(full: Journal) -> None:
    moods = full.moods()
    axes = charts.mood_timeline_chart(moods, full.applications()).axes[0]
    daily, rolling = axes.lines[0], axes.lines[1]
    assert list(daily.get_ydata()) == list(metrics.daily_mood(moods))
    assert list(rolling.get_ydata()) == pytest.approx(list(metrics.rolling_mood(moods)))
    assert sorted(t.get_text() for t in axes.texts) == ["Acme", "Beta"]
    (marks,) = [c for c in axes.collections if c.get_label() == "rejection"]
    days = [mdates.num2date(segment[0][0]).date() for segment in marks.get_segments()]
    assert days == [dt.date(2026, 2, 2), dt.date(2026, 3, 2)]


def test_year_in_pixels_places_each_day(full: Journal) -> None:
    figure = charts.year_in_pixels_chart(full.moods())
    grid = figure.axes[0].images[-1].get_array()
    assert grid[0, 19] == 7  # 20 January, the first entry
    assert grid.mask[0, 0]  # 1 January: no entry, left blank
    assert figure.axes[0].get_title(loc="left") == "2026 in pixels"


def test_weekday_chart_shows_the_mean_per_day(full: Journal) -> None:
    axes = charts.weekday_chart(full.moods()).axes[0]
    expected = metrics.mood_by_weekday(full.moods())["mood"].tolist()
    assert [bar.get_height() for bar in axes.patches] == pytest.approx(expected)


def test_recovery_chart_shows_points_trend_words(full: Journal) -> None:
    rejections = metrics.rejection_metrics(full.applications(), full.moods())
    axes = charts.recovery_chart(rejections).axes[0]
    assert list(axes.lines[0].get_ydata()) == rejections["recovery_days"].astype(float).tolist()
    assert metrics.recovery_trend(rejections).words in " ".join(texts_of_labels(axes)[0].split())


def test_dip_chart_places_each_dip_at_its_stage(full: Journal) -> None:
    apps = full.applications()
    rejections = metrics.rejection_metrics(apps, full.moods())
    axes = charts.dip_by_stage_chart(rejections, apps).axes[0]
    assert list(axes.lines[0].get_xdata()) == [2, 3]  # interview, final
    assert list(axes.lines[0].get_ydata()) == rejections["dip"].tolist()


def test_importing_workbook_does_not_load_matplotlib() -> None:
    code = "import sys, workbook, workbook.metrics, workbook.themes; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_stages_are_named_as_the_widgets_name_them(full: Journal) -> None:
    from workbook.messages import STAGE_LABELS

    names = set(STAGE_LABELS.values())
    funnel = charts.funnel_chart(full.applications(), full.stage_changes()).axes[0]
    assert {t.get_text() for t in funnel.get_yticklabels()} == names
    by_stage = charts.themes_by_stage_chart(full.feedback(), full.applications()).axes[0]
    assert {t.get_text() for t in by_stage.get_legend().get_texts()} == names
    rejections = metrics.rejection_metrics(full.applications(), full.moods())
    dips = charts.dip_by_stage_chart(rejections, full.applications()).axes[0]
    assert {t.get_text().split("\n")[0] for t in dips.get_xticklabels()} <= names

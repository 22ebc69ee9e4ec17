"""Charts that tell the truth at 3 entries and at 3,000: what a person would notice in the figure.

Ten years of data are built directly as the journal's DataFrames (590
rejections, about 3,000 days of mood); the small case is three moods and
two rejections.
"""

from __future__ import annotations

import io
import itertools

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from workbook import charts, metrics
from workbook.charts.canvas import MOOD_MAP, NO_ENTRY, STAGE_COLOURS, SUMMARY
from workbook.charts.mood import mean_window
from workbook.records import CHANNELS, OUTCOMES, STAGES

START = pd.Timestamp("2016-01-04")


def applications(rejected: int, offers: int = 0, ghosted: int = 0, days: int = 3600) -> pd.DataFrame:
    """``rejected`` rejections spread over ``days``, then offers and ghosted ones, typed as the journal types them."""
    outcome = ["rejected"] * rejected + ["offer"] * offers + ["ghosted"] * ghosted
    count = len(outcome)
    applied = START + pd.to_timedelta(np.linspace(0, days - 60, count).astype(int), unit="D")
    wait = pd.to_timedelta(5 + (np.arange(count) * 7) % 50, unit="D")
    return pd.DataFrame(
        {
            "id": np.arange(1, count + 1, dtype="int64"),
            "company": [f"Company number {n}" for n in range(count)],
            "role": "Developer",
            "applied_on": pd.Series(applied).astype("datetime64[ns]"),
            "stage": pd.Categorical([STAGES[n % 4] for n in range(count)], categories=list(STAGES)),
            "outcome": pd.Categorical(outcome, categories=list(OUTCOMES)),
            "outcome_on": pd.Series(applied + wait).astype("datetime64[ns]"),
            "channel": pd.Categorical([CHANNELS[n % 5] for n in range(count)], categories=list(CHANNELS)),
            "notes": "",
            "stage_on": pd.Series(applied).astype("datetime64[ns]"),
        }
    )


def moods(days: list[pd.Timestamp], values: list[int]) -> pd.DataFrame:
    """Mood entries at 9 in the morning of each day."""
    count = len(days)
    return pd.DataFrame(
        {
            "id": np.arange(1, count + 1, dtype="int64"),
            "at": pd.Series([day + pd.Timedelta(hours=9) for day in days]).astype("datetime64[ns]"),
            "mood": np.asarray(values, dtype="int64"),
            "emotions": pd.Series([()] * count, dtype=object),
            "tags": pd.Series([()] * count, dtype=object),
            "energy": pd.array([None] * count, dtype="Int64"),
            "note": "",
            "context": "daily",
            "application_id": pd.array([None] * count, dtype="Int64"),
        }
    )


@pytest.fixture(scope="module")
def small() -> dict[str, pd.DataFrame]:
    apps = applications(2, offers=1, days=100)
    days = [START + pd.Timedelta(days=n) for n in (0, 9, 30)]
    return {"applications": apps, "moods": moods(days, [4, 8, 7])}


@pytest.fixture(scope="module")
def large() -> dict[str, pd.DataFrame]:
    apps = applications(590, offers=30, ghosted=80)
    rng = np.random.default_rng(11)
    days = sorted(START + pd.to_timedelta(rng.choice(3650, 3000, replace=False), unit="D"))
    frame = moods(days, list(rng.integers(2, 10, len(days))))
    return {"applications": apps, "moods": frame, "rejections": metrics.rejection_metrics(apps, frame)}


def drawn(figure: Figure) -> Figure:
    """The figure, drawn once on an Agg canvas as a PNG would be."""
    FigureCanvasAgg(figure).draw()
    return figure


def boxes(texts: list[Text], figure: Figure) -> list:
    renderer = figure.canvas.get_renderer()
    return [text.get_window_extent(renderer) for text in texts]


def rejection_names(axes) -> list[Text]:
    return [text for text in axes.texts if text.get_text().startswith("Company")]


@pytest.mark.parametrize("size", ["small", "large"])
def test_rejection_names_never_overlap_and_stay_inside_the_chart(size: str, request) -> None:
    data = request.getfixturevalue(size)
    figure = drawn(charts.mood_timeline_chart(data["moods"], data["applications"]))
    axes = figure.axes[0]
    names = rejection_names(axes)
    assert names, "at least some rejections are named"
    placed = boxes(names, figure)
    for one, other in itertools.combinations(placed, 2):
        assert not one.overlaps(other), (one, other)
    frame = axes.get_window_extent()
    assert all(frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1 for box in placed)


def test_small_journal_names_every_rejection(small) -> None:
    axes = charts.mood_timeline_chart(small["moods"], small["applications"]).axes[0]
    assert sorted(t.get_text() for t in rejection_names(axes)) == ["Company number 0", "Company number 1"]


def test_many_rejections_say_how_many_are_named(large) -> None:
    axes = charts.mood_timeline_chart(large["moods"], large["applications"]).axes[0]
    named = len(rejection_names(axes))
    assert f"{named} of 590 rejections" in " ".join(t.get_text() for t in axes.texts)
    (marks,) = [c for c in axes.collections if c.get_label() == "rejection"]
    assert len(marks.get_segments()) == 590  # every rejection is still marked, one collection


@pytest.mark.parametrize("size", ["small", "large"])
def test_mood_axis_spans_the_data(size: str, request) -> None:
    data = request.getfixturevalue(size)
    axes = charts.mood_timeline_chart(data["moods"], data["applications"]).axes[0]
    rejected = data["applications"].query("outcome == 'rejected'")["outcome_on"]
    first = mdates.date2num(min(data["moods"]["at"].min().normalize(), rejected.min()))
    last = mdates.date2num(max(data["moods"]["at"].max().normalize(), rejected.max()))
    low, high = axes.get_xlim()
    assert low <= first and last <= high
    assert (high - low) <= (last - first) * 1.05 + 2  # no long stretch of empty axis


def test_usual_level_is_a_band_from_baseline_minus_half_to_baseline(large) -> None:
    axes = charts.mood_timeline_chart(large["moods"], large["applications"], large["rejections"]).axes[0]
    (band,) = [c for c in axes.collections if c.get_label() == "your usual level"]
    tops = sorted({round(float(path.vertices[:, 1].max()), 6) for path in band.get_paths()})
    bottoms = sorted({round(float(path.vertices[:, 1].min()), 6) for path in band.get_paths()})
    baselines = sorted({round(v, 6) for v in large["rejections"]["baseline"].dropna()})
    assert set(tops) <= set(baselines)
    assert bottoms == sorted({round(top - metrics.RECOVERY_MARGIN, 6) for top in tops})
    lefts = sorted(float(path.vertices[:, 0].min()) for path in band.get_paths())
    rights = sorted(float(path.vertices[:, 0].max()) for path in band.get_paths())
    assert all(right <= left + 1e-9 for right, left in zip(rights, lefts[1:]))  # bands never pile up


def test_days_to_outcome_separates_rejections_offers_and_ghosting(large) -> None:
    axes = charts.days_to_outcome_chart(large["applications"]).axes[0]
    labels = [text.get_text() for text in axes.get_legend().get_texts()]
    assert [label.split(":")[0] for label in labels] == ["Rejected", "Offer", "No reply"]
    assert labels[0].startswith("Rejected: 590")
    assert len(axes.containers) == 3
    assert len(axes.containers[0]) <= 20  # bins


def test_days_to_outcome_bins_for_two_answers_are_whole_days() -> None:
    apps = applications(2, days=90)
    axes = charts.days_to_outcome_chart(apps).axes[0]
    bars = axes.containers[0]
    widths = {bar.get_width() for bar in bars}
    assert len(widths) == 1 and float(widths.pop()).is_integer()
    assert 2 <= len(bars) <= 5
    assert sum(bar.get_height() for bar in bars) == 2


def mood_colours() -> np.ndarray:
    from matplotlib import colormaps

    return colormaps[MOOD_MAP](np.linspace(0, 1, 256))[:, :3]


@pytest.mark.parametrize("size", ["small", "large"])
def test_days_without_an_entry_are_a_colour_no_mood_has(size: str, request) -> None:
    data = request.getfixturevalue(size)
    axes = charts.year_in_pixels_chart(data["moods"]).axes[0]
    backdrop, mood = axes.images[0].get_array(), axes.images[-1].get_array()
    missing = np.argwhere(mood.mask & (backdrop[..., 3] > 0))
    assert len(missing)
    row, col = missing[0]
    grey = backdrop[row, col, :3]
    assert tuple(grey) == pytest.approx(to_rgb(NO_ENTRY))
    assert np.min(np.linalg.norm(mood_colours() - grey, axis=1)) > 0.2


def test_year_in_pixels_shows_only_months_with_data(small) -> None:
    axes = charts.year_in_pixels_chart(small["moods"]).axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == ["Jan", "Feb"]  # 4 Jan, 13 Jan, 3 Feb 2016


def feedback(count: int, apps: pd.DataFrame) -> pd.DataFrame:
    themes = ["technical_depth", "communication", "experience_level", "culture_fit"]
    return pd.DataFrame(
        {
            "id": np.arange(1, count + 1, dtype="int64"),
            "application_id": apps["id"].to_numpy()[np.arange(count) % len(apps)],
            "text": "feedback",
            "themes": pd.Series([(themes[n % 4],) for n in range(count)], dtype=object),
            "confirmed": True,
        }
    )


@pytest.mark.parametrize("count", [3, 1200])
def test_theme_grid_cells_say_their_counts_while_they_fit(count: int) -> None:
    apps = applications(590)
    figure = drawn(charts.themes_over_time_chart(feedback(count, apps), apps))
    grid = figure.axes[0].images[0].get_array()
    assert np.ma.getmaskarray(grid)[grid.data == 0].all()  # empty cells are quiet, not the lowest colour
    numbers = sorted(int(text.get_text()) for text in figure.axes[0].texts)
    assert numbers == sorted(int(v) for v in grid.data[grid.data > 0])
    assert len(figure.axes) == 1  # the numbers say it all: no colour scale beside them


def test_theme_grid_too_wide_to_number_has_a_colour_scale_in_whole_items() -> None:
    apps = applications(590, days=900)  # about 30 months: too many cells to number
    figure = drawn(charts.themes_over_time_chart(feedback(1200, apps), apps))
    assert figure.axes[0].images[0].get_array().shape[1] > 24 and not figure.axes[0].texts
    ticks = figure.axes[1].get_yticks()
    assert len(ticks) and all(float(tick).is_integer() for tick in ticks)


def test_theme_grid_numbers_cells_only_while_they_fit() -> None:
    apps = applications(590)
    axes = charts.themes_over_time_chart(feedback(1200, apps), apps).axes[0]
    assert axes.images[0].get_array().shape[1] <= 36
    assert len(axes.get_xticklabels()) <= 12


def test_rejections_over_ten_years_are_counted_in_readable_bars(large) -> None:
    axes = charts.rejections_by_month_chart(large["applications"]).axes[0]
    assert len(axes.containers[0]) <= 36
    assert len(axes.get_xticklabels()) <= 12
    assert sum(bar.get_height() for c in axes.containers for bar in c) == 590


def test_weekday_bars_say_how_many_days_each_rests_on(small) -> None:
    axes = charts.weekday_chart(small["moods"]).axes[0]
    labels = [t.get_text() for t in axes.get_xticklabels()]
    # 4 Jan 2016 was a Monday, 13 Jan a Wednesday, 3 Feb a Wednesday.
    assert labels[0] == "Mon\n1 day" and labels[2] == "Wed\n2 days" and labels[1] == "Tue\n0 days"


def test_dip_chart_says_how_many_rejections_each_stage_rests_on(large) -> None:
    axes = charts.dip_by_stage_chart(large["rejections"], large["applications"]).axes[0]
    labels = [t.get_text() for t in axes.get_xticklabels()]
    dips = large["rejections"]["dip"].notna().sum()
    assert sum(int(label.split("\n")[1].split()[0].replace(",", "")) for label in labels) == dips


def test_stage_colours_mean_stages_only(large) -> None:
    apps, rejections = large["applications"], large["rejections"]
    stage_rgbs = {to_rgb(c) for c in STAGE_COLOURS}
    channel = charts.channel_chart(apps).axes[0]
    assert not {tuple(bar.get_facecolor()[:3]) for bar in channel.patches} & stage_rgbs
    dip = charts.dip_by_stage_chart(rejections, apps).axes[0]
    (means,) = [c for c in dip.collections if c.get_label() == "mean"]
    assert to_rgb(tuple(means.get_color()[0])) == to_rgb(SUMMARY)
    month = charts.rejections_by_month_chart(apps).axes[0]
    assert [to_rgb(c[0].get_facecolor()) for c in month.containers] == [to_rgb(c) for c in STAGE_COLOURS]


def every_chart(data: dict[str, pd.DataFrame]) -> list[Figure]:
    apps, frame = data["applications"], data["moods"]
    rejections = data.get("rejections", metrics.rejection_metrics(apps, frame))
    notes = feedback(3, apps)
    return [
        charts.mood_timeline_chart(frame, apps, rejections),
        charts.year_in_pixels_chart(frame),
        charts.weekday_chart(frame),
        charts.recovery_chart(rejections),
        charts.dip_by_stage_chart(rejections, apps),
        charts.rejections_by_month_chart(apps),
        charts.funnel_chart(apps, pd.DataFrame(columns=["application_id", "stage", "changed_on"])),
        charts.channel_chart(apps),
        charts.days_to_outcome_chart(apps),
        charts.theme_frequency_chart(notes),
        charts.themes_over_time_chart(notes, apps),
        charts.themes_by_stage_chart(notes, apps),
    ]


@pytest.mark.parametrize("size", ["small", "large"])
def test_every_chart_is_crisp_at_144_dpi_with_legible_text_and_a_fixed_layout(size: str, request) -> None:
    for figure in every_chart(request.getfixturevalue(size)):
        assert figure.get_layout_engine() is None  # margins are fixed, not solved on every draw
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=144)
        width = int.from_bytes(buffer.getvalue()[16:20], "big")
        assert abs(width - figure.get_figwidth() * 144) <= 1  # drawn at full resolution, not scaled up
        sizes = [t.get_fontsize() for t in figure.findobj(Text) if t.get_text() and t.get_visible()]
        assert min(sizes) >= 8


@pytest.fixture(scope="module")
def sample_rejections(tmp_path_factory) -> pd.DataFrame:
    """The sample journal's eight rejections over five months: dates dense enough to crowd."""
    from workbook.demo import build_demo
    from workbook.journal import Journal

    with Journal(tmp_path_factory.mktemp("sample") / "demo.db") as journal:
        build_demo(journal)
        return metrics.rejection_metrics(journal.applications(), journal.moods())


@pytest.mark.parametrize("size", ["sample_rejections", "large"])
def test_recovery_chart_dates_and_verdict_are_all_readable(size: str, request) -> None:
    data = request.getfixturevalue(size)
    rejections = data if isinstance(data, pd.DataFrame) else data["rejections"]
    figure = drawn(charts.recovery_chart(rejections))
    axes = figure.axes[0]
    ticks = [label for label in axes.get_xticklabels() if label.get_text()]
    assert len(ticks) >= 3
    for one, other in itertools.combinations(boxes(ticks, figure), 2):
        assert not one.overlaps(other), (one, other)
    (verdict,) = [text for text in axes.texts if text.get_text()]
    inside = figure.bbox
    shown = boxes([verdict], figure)[0]
    assert shown.x1 <= inside.x1 and shown.y1 <= inside.y1
    assert not shown.overlaps(axes.title.get_window_extent(figure.canvas.get_renderer()))


def _mean_line(axes) -> Line2D:
    (line,) = [line for line in axes.get_lines() if line.get_label().endswith("-day mean")]
    return line


def test_three_entries_show_the_weekly_mean() -> None:
    three = moods([START + pd.Timedelta(days=n) for n in (0, 1, 3)], [4, 8, 7])
    axes = charts.mood_timeline_chart(three, applications(2, offers=1, days=10)).axes[0]
    line = _mean_line(axes)
    assert line.get_label() == "7-day mean"
    expected = metrics.rolling_mood(three, 7)
    drawn_values = [y for y in line.get_ydata() if not np.isnan(y)]
    assert drawn_values == pytest.approx(list(expected))


def test_years_of_moods_show_the_monthly_mean_over_faint_dots(large) -> None:
    """Ten years of daily dots under a weekly line is a blur; a monthly mean shows the long ups and downs."""
    axes = charts.mood_timeline_chart(large["moods"], large["applications"]).axes[0]
    line = _mean_line(axes)
    assert line.get_label() == "30-day mean"
    expected = metrics.rolling_mood(large["moods"], 30)
    drawn_values = [y for y in line.get_ydata() if not np.isnan(y)]
    assert drawn_values == pytest.approx(list(expected))
    (dots,) = [line for line in axes.get_lines() if line.get_label() == "daily mood"]
    assert len(dots.get_xdata()) == 3000 and dots.get_alpha() < 1
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert "30-day mean" in legend and "7-day mean" not in legend


@pytest.mark.parametrize(("days", "window"), [(30, 7), (548, 7), (549, 30), (3650, 30)])
def test_the_mean_window_follows_the_span(days: int, window: int) -> None:
    assert mean_window(pd.Timedelta(days=days)) == window

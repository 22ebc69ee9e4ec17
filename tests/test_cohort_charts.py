"""The cohort's charts read well with three clients and with thousands of entries."""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd

from workbook.share.charts import MAX_LINES, MAX_NAMES, check_in_chart, cohort_themes_chart, recoveries_chart
from workbook.views import Chart


def many(clients: int, per_client: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = random.Random(7)
    names = [f"Client {n}" for n in range(1, clients + 1)]
    recoveries = pd.DataFrame(
        {"client": [c for c in names for _ in range(per_client)],
         "recovery_days": pd.array([rng.choice([None, *range(0, 40)]) for _ in range(clients * per_client)], dtype="Int64")}
    )  # fmt: skip
    start = dt.datetime(2025, 1, 1, 9)
    scores = pd.DataFrame(
        {"client": [c for c in names for _ in range(per_client)],
         "at": [start + dt.timedelta(days=14 * i) for _ in names for i in range(per_client)],
         "score": [round(rng.uniform(1, 5), 2) for _ in range(clients * per_client)]}
    )  # fmt: skip
    return recoveries, scores


def ticks(figure) -> list[str]:
    return [label.get_text() for label in figure.axes[0].get_yticklabels()]


def test_three_clients_are_each_named_with_a_legend() -> None:
    recoveries, scores = many(3, 4)
    figure = recoveries_chart(recoveries)
    assert ticks(figure) == ["Client 1", "Client 2", "Client 3"]
    lines = check_in_chart(scores)
    assert [t.get_text() for t in lines.axes[0].get_legend().get_texts()] == [
        "Client 1",
        "Client 2",
        "Client 3",
    ]
    assert Chart(figure).png().startswith(b"\x89PNG")


def test_three_thousand_entries_still_draw_with_names_that_fit() -> None:
    recoveries, scores = many(200, 15)
    assert len(recoveries) == len(scores) == 3000
    figure = recoveries_chart(recoveries)
    names = ticks(figure)
    assert len(names) <= MAX_NAMES and names[0] == "Client 1"
    assert figure.get_size_inches()[1] <= 30
    lines = check_in_chart(scores)
    assert lines.axes[0].get_legend() is None and len(lines.axes[0].lines) == 200 > MAX_LINES
    themes = pd.DataFrame({"label": [f"Theme {n}" for n in range(40)], "items": list(range(40, 0, -1))})
    assert len(cohort_themes_chart(themes).axes[0].patches) == 15
    for drawn in (figure, lines):
        assert Chart(drawn).png().startswith(b"\x89PNG")


def test_empty_charts_say_so() -> None:
    empty = pd.DataFrame({"client": [], "recovery_days": pd.array([], dtype="Int64")})
    texts = [t.get_text() for t in recoveries_chart(empty).axes[0].texts]
    assert texts == ["No rejections shared."]
    nothing = pd.DataFrame(columns=["client", "at", "score"])
    assert [t.get_text() for t in check_in_chart(nothing).axes[0].texts] == ["No check-ins shared yet."]


def test_names_and_labels_are_drawn_word_for_word_and_cut_when_long() -> None:
    recoveries = pd.DataFrame(
        {"client": ["$\\frac{1}{0}$", "x" * 500], "recovery_days": pd.array([3, 4], dtype="Int64")}
    )
    figure = recoveries_chart(recoveries)
    assert Chart(figure).png().startswith(b"\x89PNG")  # "$...$" is not read as (broken) maths
    names = ticks(figure)
    assert names[0] == "\\$\\frac{1}{0}\\$" and len(names[1]) == 40
    themes = pd.DataFrame({"label": ["$\\undefined$ " * 20], "items": [2]})
    assert Chart(cohort_themes_chart(themes)).png().startswith(b"\x89PNG")

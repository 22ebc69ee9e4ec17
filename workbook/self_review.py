"""The person's own view beside the employers': self-review ratings per dimension against the feedback themes.

Each self-review dimension of the template is matched to the feedback theme
it is about (:data:`DIMENSION_THEMES`, and otherwise a theme of the same id).
:func:`comparison` then sets the mean self-rating beside how many employers
(applications) praised or flagged that theme, and reads whether the two agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbook.strengths import theme_rows
from workbook.themes import Theme, theme_label

#: Which feedback theme each self-review dimension is about (declared; "questions asked" has none).
DIMENSION_THEMES: Mapping[str, str] = {
    "preparation": "preparation",
    "examples_impact": "examples_impact",
    "technical_depth": "technical_depth",
    "communication": "communication",
}
#: A mean self-rating at or above this is "rated it high"; at or below LOW, "rated it low".
HIGH = 4.0
LOW = 2.5
#: How many employers must have said the same before it counts as what employers keep saying.
EMPLOYERS = 2

AGREE, DIFFER, MIDDLE, UNCLEAR, NO_THEME = "agree", "differ", "middle", "unclear", "no_theme"


@dataclass(frozen=True)
class Dimension:
    """A self-review dimension: its id and the label the person reads."""

    id: str
    label: str


def ratings(self_reviews: pd.DataFrame) -> pd.DataFrame:
    """One row per (self-review, dimension): review_id, application_id, held_on, dimension, score; oldest first."""
    columns = {
        "review_id": "int64",
        "application_id": "int64",
        "held_on": "datetime64[ns]",
        "dimension": "str",
        "score": "int64",
    }
    if self_reviews.empty:
        return pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in columns.items()})
    rows = self_reviews[["id", "application_id", "held_on", "ratings"]].explode("ratings")
    parts = rows["ratings"].astype("str").str.extract(r"^([a-z0-9_]{1,100})=([0-9]+)$")
    rows = rows.assign(dimension=parts[0], score=parts[1]).dropna(subset=["dimension", "score"])
    rows = rows.rename(columns={"id": "review_id"})[list(columns)].astype(columns)
    return rows.sort_values(["held_on", "review_id"], kind="stable", ignore_index=True)


def theme_for(dimension: str, vocabulary: Mapping[str, Theme] | None = None) -> str | None:
    """The feedback theme a dimension is about: the declared one, else a theme of the same id, else None."""
    if dimension in DIMENSION_THEMES:
        return DIMENSION_THEMES[dimension]
    if vocabulary is not None and dimension in vocabulary:
        return dimension
    return None


def comparison(
    self_reviews: pd.DataFrame,
    feedback: pd.DataFrame,
    dimensions: Iterable[Dimension] = (),
    vocabulary: Mapping[str, Theme] | None = None,
    rated: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per dimension: the mean self-rating beside how many employers praised or flagged its theme.

    ``dimensions`` are the template's (in its order); dimensions rated but not
    in it follow, labelled from their id.  Columns: dimension, label, reviews
    (how many ratings), rating (mean, NaN when none), theme ("" when none),
    theme_label, praised, flagged (distinct applications whose feedback
    praised / asked for more of the theme), reading (:data:`AGREE`,
    :data:`DIFFER`, :data:`MIDDLE` when employers lean one way but the
    person's rating is neither high nor low, :data:`UNCLEAR` when employers
    have not yet leaned either way, or :data:`NO_THEME`).  ``rated`` is
    :func:`ratings` of ``self_reviews`` when the caller has it already.
    """
    rated = ratings(self_reviews) if rated is None else rated
    known = list(dimensions)
    named = {d.id for d in known}
    known += [Dimension(d, theme_label(d, {})) for d in dict.fromkeys(rated["dimension"]) if d not in named]
    stats = rated.groupby("dimension")["score"].agg(["size", "mean"])
    employers = theme_rows(feedback).drop_duplicates(["application_id", "theme", "positive"])
    said = pd.crosstab(employers["theme"], employers["positive"]).reindex(columns=[True, False], fill_value=0)
    themes = [theme_for(d.id, vocabulary) or "" for d in known]
    frame = pd.DataFrame(
        {
            "dimension": [d.id for d in known],
            "label": [d.label for d in known],
            "reviews": stats["size"].reindex([d.id for d in known]).fillna(0).to_numpy(dtype="int64"),
            "rating": stats["mean"].reindex([d.id for d in known]).to_numpy(dtype="float64"),
            "theme": themes,
            "theme_label": [theme_label(t, vocabulary) if t else "" for t in themes],
            "praised": said[True].reindex(themes).fillna(0).to_numpy(dtype="int64"),
            "flagged": said[False].reindex(themes).fillna(0).to_numpy(dtype="int64"),
        }
    )
    frame["reading"] = _readings(frame)
    return frame


def _readings(frame: pd.DataFrame) -> np.ndarray:
    high = frame["rating"].to_numpy() >= HIGH
    low = frame["rating"].to_numpy() <= LOW
    praised, flagged = frame["praised"].to_numpy(), frame["flagged"].to_numpy()
    mostly_flagged = (flagged >= EMPLOYERS) & (flagged > praised)
    mostly_praised = (praised >= EMPLOYERS) & (praised > flagged)
    reading = np.full(len(frame), UNCLEAR, dtype=object)
    reading[mostly_flagged | mostly_praised] = MIDDLE
    reading[(high & mostly_praised) | (low & mostly_flagged)] = AGREE
    reading[(high & mostly_flagged) | (low & mostly_praised)] = DIFFER
    reading[frame["theme"].to_numpy() == ""] = NO_THEME
    return reading


def ratings_by_period(rated: pd.DataFrame, most_points: int = 40) -> tuple[pd.DataFrame, str]:
    """Mean self-rating per dimension over time: per review while few, else per month, quarter or year.

    Returns a frame (index: date; columns: dimensions) and the period's name
    ("review", "month", "quarter" or "year"), so no line holds more than about
    ``most_points`` points.
    """
    if rated.empty:
        return pd.DataFrame(), "review"
    per_dimension = int(rated.groupby("dimension").size().max())
    if per_dimension <= most_points:
        table = rated.pivot_table(index="held_on", columns="dimension", values="score", aggfunc="mean")
        return table, "review"
    span_days = (rated["held_on"].max() - rated["held_on"].min()).days
    period = next((name for name, days in _PERIODS if span_days / days <= most_points), "year")
    starts = rated["held_on"].dt.to_period(period[0].upper()).dt.start_time
    table = rated.assign(start=starts).pivot_table(
        index="start", columns="dimension", values="score", aggfunc="mean"
    )
    return table, period


#: Periods a long history is averaged over, and their length in days.
_PERIODS = (("month", 30.4), ("quarter", 91.3), ("year", 365.25))

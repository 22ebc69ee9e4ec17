"""What hurts most, and what helps: dips and recoveries grouped by feedback theme, stage, tags and support.

Pure functions of :func:`workbook.metrics.rejection_metrics` and the journal's
frames.  "Hurts" groups rejections by the themes their feedback asked for and
by the stage reached, with the mean dip and mean recovery days of each.
"Helps" looks at the days after each rejection (D ... D+7, the dip's own
window): the tags on mood entries and the people talked to, and sets the mean
recovery of rejections with each beside those without.  Every row says how
many rejections it rests on; nothing is stated from fewer than
:data:`MIN_REJECTIONS`.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from workbook.memo import remembered
from workbook.messages import STAGE_LABELS
from workbook.metrics import DIP_DAYS
from workbook.records import STAGES
from workbook.strengths import NOT_ABOUT_YOU, theme_rows
from workbook.themes import Theme, theme_label

#: Nothing is said of a group resting on fewer rejections than this.
MIN_REJECTIONS = 3
#: The days after a rejection whose tags and support count: D ... D+7, as for the dip.
AFTER_DAYS = DIP_DAYS
#: The support row that counts a talk with anyone at all.
ANYONE = "anyone"

HURTS_COLUMNS = ("name", "rejections", "dips", "dip", "recoveries", "recovery_days", "enough")
HELPS_COLUMNS = ("name", "with_n", "with_days", "without_n", "without_days", "faster_by", "enough")


def hurts(rejections: pd.DataFrame, keys: pd.DataFrame) -> pd.DataFrame:
    """Per group: rejections in it, the mean dip and the mean recovery days, each with how many it rests on.

    ``keys`` pairs application_id with a group name (a rejection may be in
    several).  Columns: name, rejections, dips (with a known dip), dip (mean),
    recoveries (recovered ones), recovery_days (mean), enough (dips and
    recoveries both at least :data:`MIN_REJECTIONS`).  Deepest dip first.
    """
    rows = keys.drop_duplicates().merge(_measures(rejections), on="application_id")
    grouped = rows.groupby("name", sort=False)
    frame = pd.DataFrame(
        {
            "rejections": grouped.size(),
            "dips": grouped["dip"].count(),
            "dip": grouped["dip"].mean(),
            "recoveries": grouped["days"].count(),
            "recovery_days": grouped["days"].mean(),
        }
    ).reset_index()
    frame["enough"] = (frame["dips"] >= MIN_REJECTIONS) & (frame["recoveries"] >= MIN_REJECTIONS)
    frame = frame.astype({"name": "str", "rejections": "int64", "dips": "int64", "recoveries": "int64"})
    frame = frame.sort_values(["dip", "name"], ascending=[False, True], na_position="last", ignore_index=True)
    return frame[list(HURTS_COLUMNS)]


def theme_keys(feedback: pd.DataFrame, vocabulary: Mapping[str, Theme] | None = None) -> pd.DataFrame:
    """application_id and theme label for each theme the application's feedback asked for (not praise)."""
    rows = theme_rows(feedback)
    rows = rows[~rows["positive"] & ~rows["theme"].isin(NOT_ABOUT_YOU)].drop_duplicates(
        ["application_id", "theme"]
    )
    labels = {theme: theme_label(theme, vocabulary) for theme in rows["theme"].unique()}
    return pd.DataFrame({"application_id": rows["application_id"], "name": rows["theme"].map(labels)})


def stage_keys(applications: pd.DataFrame) -> pd.DataFrame:
    """application_id and the stage reached, as people read it."""
    stage = applications["stage"].astype("str").map(STAGE_LABELS)
    return pd.DataFrame({"application_id": applications["id"], "name": stage})


def stage_order(frame: pd.DataFrame) -> pd.DataFrame:
    """A :func:`hurts` frame of stages in the order applied ... final."""
    order = {STAGE_LABELS[stage]: number for number, stage in enumerate(STAGES)}
    return frame.sort_values("name", key=lambda names: names.map(order), ignore_index=True)


def tags_after(rejections: pd.DataFrame, moods: pd.DataFrame, days: int = AFTER_DAYS) -> pd.DataFrame:
    """application_id and tag for each tag on a mood entry dated D ... D+days of the rejection."""
    tagged = moods[["at", "tags"]].explode("tags").dropna(subset=["tags"])
    return _pairs_after(rejections, tagged["at"], tagged["tags"].astype("str"), days)


def support_after(
    rejections: pd.DataFrame, support_contacts: pd.DataFrame, days: int = AFTER_DAYS
) -> pd.DataFrame:
    """application_id and who was talked to D ... D+days after the rejection; also :data:`ANYONE` once per rejection."""
    pairs = _pairs_after(
        rejections, support_contacts["talked_on"], support_contacts["who"].astype("str"), days
    )
    anyone = pd.DataFrame({"application_id": pairs["application_id"].unique(), "name": ANYONE})
    return pd.concat([pairs, anyone], ignore_index=True)


def helps(rejections: pd.DataFrame, keys: pd.DataFrame) -> pd.DataFrame:
    """Per tag or person: mean recovery days of rejections with it beside those without.

    Only recovered rejections count (a recovery still under way has no number
    yet).  Columns: name, with_n, with_days, without_n, without_days, faster_by
    (without minus with: positive means faster with it), enough (both sides at
    least :data:`MIN_REJECTIONS`).  Those coming with the fastest recoveries first.
    """
    measured = _measures(rejections).dropna(subset=["days"])
    rows = keys.drop_duplicates().merge(measured, on="application_id")
    grouped = rows.groupby("name", sort=False)["days"]
    total, count = float(measured["days"].sum()), len(measured)
    frame = pd.DataFrame({"with_n": grouped.count(), "with_sum": grouped.sum()}).reset_index()
    without_n = count - frame["with_n"]
    frame["with_days"] = frame["with_sum"] / frame["with_n"]
    frame["without_n"] = without_n
    frame["without_days"] = (total - frame["with_sum"]) / without_n.where(without_n > 0)
    frame["faster_by"] = frame["without_days"] - frame["with_days"]
    frame["enough"] = (frame["with_n"] >= MIN_REJECTIONS) & (frame["without_n"] >= MIN_REJECTIONS)
    frame = frame.astype({"name": "str", "with_n": "int64", "without_n": "int64"})
    frame = frame.sort_values(
        ["faster_by", "name"], ascending=[False, True], na_position="last", ignore_index=True
    )
    return frame[list(HELPS_COLUMNS)]


@remembered
def all_rows(
    rejections: pd.DataFrame,
    applications: pd.DataFrame,
    feedback: pd.DataFrame,
    moods: pd.DataFrame,
    support_contacts: pd.DataFrame,
    vocabulary: Mapping[str, Theme] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every what-hurts row (themes, then stages) and what-helps row (tags, then people), each with its ``kind``."""
    hurt = pd.concat(
        [
            hurts(rejections, theme_keys(feedback, vocabulary)).assign(kind="theme"),
            stage_order(hurts(rejections, stage_keys(applications))).assign(kind="stage"),
        ],
        ignore_index=True,
    )
    helped = pd.concat(
        [
            helps(rejections, tags_after(rejections, moods)).assign(kind="tag"),
            helps(rejections, support_after(rejections, support_contacts)).assign(kind="support"),
        ],
        ignore_index=True,
    )
    return hurt, helped


def _measures(rejections: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "application_id": rejections["application_id"].to_numpy(dtype="int64"),
            "dip": rejections["dip"].to_numpy(dtype="float64"),
            "days": rejections["recovery_days"].astype("Float64").to_numpy(dtype="float64", na_value=np.nan),
        }
    )


def _pairs_after(rejections: pd.DataFrame, when: pd.Series, names: pd.Series, days: int) -> pd.DataFrame:
    """(application_id, name) for every dated name falling D ... D+days after a rejection (vectorised)."""
    on = _day_numbers(rejections["rejected_on"])
    order = np.argsort(on, kind="stable")
    on, ids = on[order], rejections["application_id"].to_numpy(dtype="int64")[order]
    at = _day_numbers(when)
    # A name dated t belongs to every rejection with t - days <= D <= t.
    first = np.searchsorted(on, at - days, "left")
    last = np.searchsorted(on, at, "right")
    width = last - first
    which = np.repeat(first, width) + (np.arange(width.sum()) - np.repeat(np.cumsum(width) - width, width))
    pairs = pd.DataFrame(
        {"application_id": ids[which], "name": np.repeat(names.to_numpy(dtype=object), width)}
    )
    return pairs.drop_duplicates(ignore_index=True).astype({"name": "str"})


def _day_numbers(dates: pd.Series) -> np.ndarray:
    values = pd.DatetimeIndex(dates).to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    return np.asarray(values, "int64")

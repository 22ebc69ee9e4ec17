"""Rejection history: pure functions of the applications and stage-history frames.

Counts per month, the funnel, the response rate, days from applying to an
outcome, rejections by channel, and applications that have probably been
ghosted.  Nothing here changes data: "probably ghosted" is a list to look at,
never an outcome written for the person.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from workbook.records import CHANNELS, STAGES

#: Quiet days after which a pending application is listed as probably ghosted.
GHOSTED_AFTER_DAYS = 21
#: Outcomes that are an answer from the employer (besides being moved on a stage).
ANSWERED_OUTCOMES = ("rejected", "offer")


def rejections_by_month(applications: pd.DataFrame) -> pd.DataFrame:
    """Rejections per month of ``outcome_on``, one column per stage reached.

    Every month from the first rejection to the last is present (zeros
    included).  Index: month start; columns: the stages, applied first.
    """
    rejected = applications[applications["outcome"] == "rejected"].dropna(subset=["outcome_on"])
    if rejected.empty:
        return pd.DataFrame(columns=list(STAGES), index=pd.DatetimeIndex([], name="month"), dtype="int64")
    months = rejected["outcome_on"].to_numpy(dtype="datetime64[ns]").astype("datetime64[M]").astype("int64")
    first = months.min()
    span = months.max() - first + 1
    stage = pd.Categorical(rejected["stage"].astype(str), categories=list(STAGES)).codes.astype("int64")
    seen = stage >= 0  # a stage outside the list is not counted, as before
    cells = np.bincount((months - first)[seen] * len(STAGES) + stage[seen], minlength=span * len(STAGES))
    starts = np.arange(first, first + span).astype("datetime64[M]").astype("datetime64[us]")
    # The month-start frequency that pd.period_range(...).to_timestamp() gives a span of months.
    index = pd.DatetimeIndex(starts, freq="MS" if span > 1 else None, name="month")
    return pd.DataFrame(cells.reshape(span, len(STAGES)), index=index, columns=list(STAGES)).astype("int64")


def funnel(applications: pd.DataFrame, stage_changes: pd.DataFrame) -> pd.DataFrame:
    """How many applications reached each stage, and the conversion to the next one.

    An application's furthest stage comes from its stage history (and its
    current stage), and reaching a stage counts as having passed every stage
    before it: a rejection at "final" counts for screen and interview too.
    Index: the stages; columns: reached (int), conversion (reached at the next
    stage / reached here; NaN for the last stage or when none reached this one).
    """
    rank = {stage: number for number, stage in enumerate(STAGES)}
    furthest = applications.set_index("id")["stage"].astype(str).map(rank)
    if not stage_changes.empty:
        history = stage_changes["stage"].astype(str).map(rank).groupby(stage_changes["application_id"]).max()
        furthest = pd.concat([furthest, history.reindex(furthest.index)], axis=1).max(axis=1)
    reached = [int((furthest >= number).sum()) for number in range(len(STAGES))]
    conversion = [
        reached[i + 1] / reached[i] if i + 1 < len(reached) and reached[i] else float("nan")
        for i in range(len(reached))
    ]
    frame = pd.DataFrame({"reached": reached, "conversion": conversion}, index=pd.Index(STAGES, name="stage"))
    return frame.astype({"reached": "int64", "conversion": "float64"})


def response_rate(applications: pd.DataFrame) -> float | None:
    """Share of applications that got any answer: moved past "applied", rejected or offered.

    None when there are no applications.
    """
    if applications.empty:
        return None
    answered = (applications["stage"] != "applied") | applications["outcome"].isin(ANSWERED_OUTCOMES)
    return float(answered.mean())


def days_to_outcome(applications: pd.DataFrame) -> pd.DataFrame:
    """Days from applying to the outcome, for every application that has an outcome date.

    Columns: application_id, stage, channel, outcome, days.
    """
    done = applications.dropna(subset=["outcome_on"])
    return pd.DataFrame(
        {
            "application_id": done["id"].astype("int64"),
            "stage": done["stage"],
            "channel": done["channel"],
            "outcome": done["outcome"],
            "days": (done["outcome_on"] - done["applied_on"]).dt.days.astype("int64"),
        }
    ).reset_index(drop=True)


def days_to_outcome_by(applications: pd.DataFrame, by: str) -> pd.DataFrame:
    """Days to outcome summarised per ``by`` ("stage" or "channel"): count, median, mean.

    Every category is listed, in its usual order; an empty one has count 0 and NaN.
    """
    order = {"stage": STAGES, "channel": CHANNELS}[by]
    done = applications.dropna(subset=["outcome_on"])
    days = (done["outcome_on"] - done["applied_on"]).dt.days.astype("int64")
    groups = pd.Categorical(done[by].astype(str), categories=list(order))
    grouped = days.groupby(groups, observed=False)
    frame = pd.DataFrame({"count": grouped.size(), "median": grouped.median(), "mean": grouped.mean()})
    frame.index = pd.Index(list(order), name=by)
    return frame.astype({"count": "int64", "median": "float64", "mean": "float64"})


def rejections_by_channel(applications: pd.DataFrame) -> pd.Series:
    """How many rejections came by each channel (video call, phone, email ...), all channels listed."""
    rejected = applications[applications["outcome"] == "rejected"]
    counts = rejected["channel"].astype(str).value_counts().reindex(list(CHANNELS), fill_value=0)
    counts.index.name = "channel"
    return counts.rename("rejections").astype("int64")


def probably_ghosted(
    applications: pd.DataFrame,
    stage_changes: pd.DataFrame,
    *,
    today: dt.date | None = None,
    after_days: int = GHOSTED_AFTER_DAYS,
) -> pd.DataFrame:
    """Pending applications with no stage change for ``after_days`` days: probably ghosted.

    Only a list to look at; nothing is changed.  The last change is the latest
    stage-history date, else the application date.  Columns: application_id,
    company, role, stage, last_change, quiet_days; the longest-quiet first.
    """
    today_ts = pd.Timestamp(today or dt.date.today())
    pending = applications[applications["outcome"] == "pending"]
    latest = stage_changes.groupby("application_id")["changed_on"].max()
    changed = pd.Series(latest.reindex(pending["id"]).to_numpy(), index=pending.index, dtype="datetime64[ns]")
    last = changed.fillna(pending["applied_on"]).where(
        changed >= pending["applied_on"], pending["applied_on"]
    )
    quiet = (today_ts - last).dt.days
    frame = pd.DataFrame(
        {
            "application_id": pending["id"].astype("int64"),
            "company": pending["company"],
            "role": pending["role"],
            "stage": pending["stage"],
            "last_change": last.astype("datetime64[ns]"),
            "quiet_days": quiet.astype("int64"),
        }
    )
    frame = frame[frame["quiet_days"] >= after_days]
    return frame.sort_values(["quiet_days", "application_id"], ascending=[False, True], ignore_index=True)

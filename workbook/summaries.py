"""Plain sentences computed from the journal's DataFrames, for the notebooks to show.

Pure functions: DataFrames (or counts) in, text out.  Each says what to log
first when there is nothing to summarise yet, so an empty journal still reads
well.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from workbook.messages import CHANNEL_LABELS, count, month_text, records_count, times
from workbook.metrics import Trend, daily_mood

#: The kinds of record about the news itself, named first in the overview.
_NEWS = (
    "applications",
    "mood_entries",
    "feedback_items",
    "call_notes",
    "reflections",
    "checklist_runs",
    "actions",
    "support_contacts",
)
#: The kinds that come after the news, named in a second sentence so the overview stays readable.
_MORE = ("people", "follow_ups", "self_reviews", "motivations", "check_ins")
#: How many praised strengths the themes summary names.
TOP_STRENGTHS = 2


def count_phrase(number: int, table: str) -> str:
    """``3 applications``, ``1 mood entry``: a count with the right noun."""
    return records_count(table, number)


def overview(counts: Mapping[str, int], *, whose: str = "Your journal") -> str:
    """What the journal holds so far, or where to begin when it is empty.

    The records of the news itself come first; people met, follow-ups,
    self-reviews, wants and check-ins follow in a second sentence.
    """
    held = [count_phrase(counts[table], table) for table in _NEWS if counts.get(table)]
    more = [count_phrase(counts[table], table) for table in _MORE if counts.get(table)]
    if not held and not more:
        return (
            "Your journal is empty, and that is a fine place to start. "
            "Open 'Before the call' if a call is coming up, or 'The call' to log one that has happened."
        )
    if not held:
        return f"{whose} holds {_and(more)}."
    said = f"{whose} holds {_and(held)}."
    return f"{said} It also keeps {_and(more)}." if more else said


def history(applications: pd.DataFrame) -> str:
    """A few sentences about rejections so far: how many, since when, and how they came."""
    if applications.empty:
        return "No applications logged yet. Log one in 'The call' and your history starts here."
    rejected = applications[applications["outcome"] == "rejected"]
    lines = [f"You've logged {count_phrase(len(applications), 'applications')}."]
    if rejected.empty:
        lines.append("None of them has ended in a rejection so far.")
        return " ".join(lines)
    first = rejected["outcome_on"].min()
    lines.append(f"You've had {count(len(rejected), 'rejection')} since {month_text(first)}.")
    channels = rejected["channel"].value_counts()
    channels = channels[channels > 0]
    if not channels.empty:
        parts = [f"{_lower(CHANNEL_LABELS[str(channel)])} ({n})" for channel, n in channels.items()]
        lines.append("How they reached you: " + _and(parts) + ".")
    furthest = rejected["stage"].value_counts()
    late = int(furthest.get("interview", 0) + furthest.get("final", 0))
    if late:
        lines.append(
            f"{late} of them came after you reached the interview stage or further: each of those is a door you got through."
        )
    return " ".join(lines)


def themes(counts: pd.DataFrame, top: int = 3, *, strengths: pd.DataFrame | None = None) -> str:
    """The most frequent feedback themes in words, and the strengths praised most when there is praise.

    ``counts`` is :func:`workbook.themes.theme_counts` of the feedback (praise
    left out, so it never counts as something employers asked for);
    ``strengths`` the same with ``positive=True``.
    """
    praised = _strengths(strengths)
    if counts.empty:
        if praised:
            return "Nothing employers asked for has gathered into a theme yet. " + praised
        return (
            "No feedback logged yet. When an employer tells you why, note it in 'The call': "
            "the themes will gather here."
        )
    said = "The feedback you've heard most often: " + _and(_counted(counts.head(top))) + "."
    return f"{said} {praised}" if praised else said


def resilience(rejections: pd.DataFrame, trend: Trend) -> str:
    """How recoveries have gone, and whether they are getting shorter."""
    if rejections.empty:
        return "No rejections logged yet, so there is nothing to measure. That's worth noticing too."
    measured = rejections[rejections["recovered"].eq(True)]
    waiting = int(rejections["recovered"].eq(False).sum())
    unknown = int(rejections["recovered"].isna().sum())
    lines = []
    if not measured.empty:
        average = measured["recovery_days"].astype(float).mean()
        lines.append(
            f"After {_which(len(measured), len(rejections))} your mood came back to its usual level, "
            f"on average {average:.1f} days later."
        )
    if waiting:
        lines.append(
            f"{waiting} {'is' if waiting == 1 else 'are'} still on the way back, and that's all right."
        )
    if unknown:
        lines.append(
            f"For {unknown} there weren't enough mood entries in the two weeks before to know your usual level."
        )
    lines.append(trend.words)
    return " ".join(lines)


def moods(entries: pd.DataFrame, recent_days: int = 7) -> str:
    """How often the person has checked in, their usual mood, and how the latest days compare."""
    if entries.empty:
        return "No check-ins yet. The mood check-in below is a good first one."
    daily = daily_mood(entries)
    recent = daily.tail(recent_days)
    said = f"You've checked in {times(len(entries))} on {count(len(daily), 'day')}. "
    if len(recent) == len(daily):
        return said + f"Your mood has been about {daily.median():.1f} out of 10 so far."
    return said + (
        f"Your usual mood is about {daily.median():.1f} out of 10; "
        f"over your last {count(len(recent), 'day')} with a check-in it averaged {recent.mean():.1f}."
    )


def _counted(counts: pd.DataFrame) -> list[str]:
    return [f"{label} ({times(int(n))})" for label, n in zip(counts["label"], counts["items"], strict=True)]


def _strengths(strengths: pd.DataFrame | None) -> str:
    if strengths is None or strengths.empty:
        return ""
    return "What employers praised most: " + _and(_counted(strengths.head(TOP_STRENGTHS))) + "."


def _which(measured: int, rejections: int) -> str:
    return "your one rejection" if rejections == 1 else f"{measured} of your {count(rejections, 'rejection')}"


def _lower(label: str) -> str:
    return label[:1].lower() + label[1:]


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]

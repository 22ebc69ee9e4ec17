"""Every entry of the journal in one table: what kind, when, for which application, and a short summary.

A pure function of the journal's DataFrames, so "Your journal" stays fast on
ten years of entries: one vectorised pass per kind, then filtering and paging
are plain DataFrame slices.  Feedback items and call notes have no date of
their own; they take their application's outcome date (or its application
date), so they sit beside the rejection they belong to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from workbook.records import (
    Action,
    Application,
    CallNotes,
    ChecklistRun,
    FeedbackItem,
    MoodEntry,
    Record,
    Reflection,
    SupportContact,
)

if TYPE_CHECKING:
    import pandas as pd

#: The kinds of entry, in the order "Your journal" offers them, and their record types.
KINDS: dict[str, type[Record]] = {
    "application": Application,
    "call_notes": CallNotes,
    "feedback": FeedbackItem,
    "mood": MoodEntry,
    "reflection": Reflection,
    "checklist": ChecklistRun,
    "action": Action,
    "support": SupportContact,
}
COLUMNS = ["kind", "id", "on", "application_id", "summary"]
#: A summary is cut to this many characters, at a word, with "…".
SUMMARY_LENGTH = 90


def journal_entries(frames: Mapping[str, pd.DataFrame], checklist_titles: Mapping[str, str]) -> pd.DataFrame:
    """One row per entry, newest first: ``kind``, ``id``, ``on`` (a Timestamp), ``application_id``, ``summary``.

    ``frames`` holds the journal's DataFrame of each kind in :data:`KINDS`
    (missing kinds count as empty); ``checklist_titles`` names checklists by id.
    """
    import pandas as pd

    apps = frames.get("application")
    app_dates = _application_dates(apps)
    parts = [
        part
        for kind, frame in frames.items()
        if frame is not None and not frame.empty
        for part in [_rows(kind, frame, app_dates, checklist_titles)]
    ]
    if not parts:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in COLUMNS})
    table = pd.concat(parts, ignore_index=True)
    table["summary"] = table["summary"].map(shorten)
    order = table.assign(_rank=table["kind"].map(list(KINDS).index))
    order = order.sort_values(["on", "_rank", "id"], ascending=[False, True, False], kind="stable")
    return order.drop(columns="_rank").reset_index(drop=True)


def select(table: pd.DataFrame, kind: str | None = None, application_id: int | None = None) -> pd.DataFrame:
    """The rows of ``table`` of one ``kind`` and/or one application (None: all of them)."""
    keep = table
    if kind is not None:
        keep = keep[keep["kind"] == kind]
    if application_id is not None:
        keep = keep[keep["application_id"] == application_id]
    return keep


def page(table: pd.DataFrame, number: int, size: int) -> pd.DataFrame:
    """Rows of page ``number`` (from 0) of ``size`` rows each; the last page if ``number`` is past it."""
    number = max(0, min(number, pages(table, size) - 1))
    return table.iloc[number * size : (number + 1) * size]


def pages(table: pd.DataFrame, size: int) -> int:
    """How many pages of ``size`` rows ``table`` fills (at least one)."""
    return max(1, -(-len(table) // size))


def shorten(text: str, length: int = SUMMARY_LENGTH) -> str:
    """``text`` on one line, cut at a word with "…" when longer than ``length``."""
    flat = " ".join(str(text).split())
    if len(flat) <= length:
        return flat
    return flat[:length].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


# --- one kind at a time -----------------------------------------------------------


def _application_dates(apps: pd.DataFrame | None) -> pd.Series:
    import pandas as pd

    if apps is None or apps.empty:
        return pd.Series(dtype="datetime64[ns]")
    dates = apps["outcome_on"].where(apps["outcome_on"].notna(), apps["applied_on"])
    return pd.Series(pd.to_datetime(dates).to_numpy(), index=apps["id"])


def _rows(kind: str, frame: pd.DataFrame, app_dates: pd.Series, titles: Mapping[str, str]) -> pd.DataFrame:
    import pandas as pd

    on, summary = _DESCRIBE[kind](frame, app_dates, titles)
    if kind == "application":
        links = frame["id"]
    elif "application_id" in frame:
        links = frame["application_id"]
    else:
        links = pd.Series(pd.NA, index=frame.index)
    return pd.DataFrame(
        {
            "kind": kind,
            "id": frame["id"].astype("int64").to_numpy(),
            "on": pd.to_datetime(on).to_numpy(),
            "application_id": links.astype("Int64").to_numpy(),
            "summary": summary.astype(str).to_numpy(),
        }
    )


def _first_text(frame: pd.DataFrame, names: list[str]) -> pd.Series:
    text = frame[names[0]].fillna("")
    for name in names[1:]:
        text = text.where(text.str.strip() != "", frame[name].fillna(""))
    return text


def _joined(values: pd.Series) -> pd.Series:
    return values.map(lambda words: ", ".join(words) if isinstance(words, list | tuple) else "")


def _application(frame, _dates, _titles):  # noqa: ANN001, ANN202
    return frame["applied_on"], frame["company"] + ", " + frame["role"]


def _call_notes(frame, dates, _titles):  # noqa: ANN001, ANN202
    return frame["held_on"], _first_text(frame, ["notes", "answers", "questions"])


def _feedback(frame, dates, _titles):  # noqa: ANN001, ANN202
    return frame["application_id"].map(dates), frame["text"]


def _mood(frame, _dates, _titles):  # noqa: ANN001, ANN202
    words = _joined(frame["emotions"])
    note = frame["note"].fillna("")
    detail = (words + " · " + note).str.strip(" ·")
    return frame["at"], (frame["mood"].astype(str) + "/10 · " + detail).str.strip(" ·")


def _reflection(frame, _dates, _titles):  # noqa: ANN001, ANN202
    return frame["at"], frame["answer"]


def _checklist(frame, _dates, titles):  # noqa: ANN001, ANN202
    names = frame["checklist_id"].map(lambda cid: titles.get(cid, cid.replace("_", " ").capitalize()))
    return frame["at"], names + ": " + _joined(frame["ticked"])


def _action(frame, _dates, _titles):  # noqa: ANN001, ANN202
    return frame["created_on"], frame["title"]


def _support(frame, _dates, _titles):  # noqa: ANN001, ANN202
    note = frame["note"].fillna("")
    return frame["talked_on"], (frame["who"] + " · " + note).str.strip(" ·")


_DESCRIBE = {
    "application": _application,
    "call_notes": _call_notes,
    "feedback": _feedback,
    "mood": _mood,
    "reflection": _reflection,
    "checklist": _checklist,
    "action": _action,
    "support": _support,
}

"""Every entry of the journal in one table: what kind, when, for which application, and a short summary.

A pure function of the journal's DataFrames, so "Your journal" stays fast on
ten years of entries: one vectorised pass per kind, then filtering and paging
are plain DataFrame slices.  Entries with no date of their own (feedback,
praise, people met, what the person wanted) take their application's outcome
date (or its application date), so they sit beside the news they belong to.
Praise is a feedback item marked ``positive``; it is read with the feedback
and shown as its own kind.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbook.growth_records import CheckIn, FollowUp, Motivation, Person, SelfReview
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

    from workbook.template import Template

#: The kinds of entry, in the order "Your journal" offers them, and their record types.
KINDS: dict[str, type[Record]] = {
    "application": Application,
    "call_notes": CallNotes,
    "feedback": FeedbackItem,
    "praise": FeedbackItem,
    "mood": MoodEntry,
    "reflection": Reflection,
    "checklist": ChecklistRun,
    "action": Action,
    "support": SupportContact,
    "person": Person,
    "follow_up": FollowUp,
    "self_review": SelfReview,
    "motivation": Motivation,
    "check_in": CheckIn,
}
#: Kinds that are not read on their own: praise comes with the feedback (its ``positive`` rows).
READ_WITH = {"praise": "feedback"}
#: The kinds whose DataFrames :func:`journal_entries` reads, each table once.
READ: dict[str, type[Record]] = {kind: record for kind, record in KINDS.items() if kind not in READ_WITH}
COLUMNS = ["kind", "id", "on", "application_id", "summary"]
#: A summary is cut to this many characters, at a word, with "…".
SUMMARY_LENGTH = 90


@dataclass(frozen=True)
class Words:
    """The template's words that summaries are built from (``{name}`` marks where a value goes)."""

    checklist_titles: Mapping[str, str] = field(default_factory=dict)
    follow_up_kinds: Mapping[str, str] = field(default_factory=dict)
    due: str = "due {day}"
    done: str = "done {day}"
    self_review: str = "{mean} of 5 on average"
    lowest: str = "lowest: {dimension} ({score})"
    dimensions: Mapping[str, str] = field(default_factory=dict)
    wanted: str = "wanted it {wanted} of 5"
    draws: str = "drew me: {words}"
    avoids: str = "avoid: {words}"
    check_in: str = "{score} out of 5"

    @classmethod
    def of(cls, template: Template) -> Words:
        """The words of ``template``: its checklist titles, self-review dimensions and widget labels."""
        labels = template.labels
        return cls(
            checklist_titles={c.id: c.title for c in template.checklists.values()},
            follow_up_kinds={kind: labels[f"follow_up.kind_{kind}"] for kind in ("thank_you", "reconnect")},
            due=labels["follow_up.due_line"],
            done=labels["follow_up.done_line"],
            self_review=labels["journal_view.lines.self_review"],
            lowest=labels["journal_view.lines.lowest"],
            dimensions={item.id: item.text for item in template.self_review},
            wanted=labels["motivation.wanted_line"],
            draws=labels["motivation.draws_line"],
            avoids=labels["motivation.avoids_line"],
            check_in=labels["journal_view.lines.check_in"],
        )


def journal_entries(frames: Mapping[str, pd.DataFrame], words: Words | None = None) -> pd.DataFrame:
    """One row per entry, newest first: ``kind``, ``id``, ``on`` (a Timestamp), ``application_id``, ``summary``.

    ``frames`` holds the journal's DataFrame of each kind in :data:`READ`
    (missing kinds count as empty); ``words`` are the template's words for the
    summaries (:meth:`Words.of`).
    """
    import pandas as pd

    words = words or Words()
    app_dates = _application_dates(frames.get("application"))
    parts = [
        _rows(kind, frame, app_dates, words)
        for kind, frame in frames.items()
        if kind in _DESCRIBE and frame is not None and not frame.empty
    ]
    if not parts:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in COLUMNS})
    table = pd.concat(parts, ignore_index=True)
    table["summary"] = _shorten_all(table["summary"])
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


# --- helpers over whole columns -------------------------------------------------------

_PLACE = re.compile(r"(\{[a-z_]+\})")


def _shorten_all(summary: pd.Series) -> pd.Series:
    """:func:`shorten` for a column: only the long or multi-line summaries go through it row by row."""
    flat = summary.str.strip()
    odd = (flat.str.len() > SUMMARY_LENGTH) | flat.str.contains(r"\s\s|[\n\r\t]", regex=True)
    if odd.any():
        flat = flat.copy()
        flat[odd] = flat[odd].map(shorten)
    return flat


def _fill(text: str, index: pd.Index, **values: pd.Series) -> pd.Series:
    """``text`` with each ``{name}`` replaced by that row's ``values[name]``, for every row of ``index``."""
    import pandas as pd

    out = pd.Series("", index=index, dtype="object")
    for token in _PLACE.split(text):
        name = token[1:-1]
        out = out + (values[name].astype(str) if token.startswith("{") and name in values else token)
    return out


def _join_parts(*parts: pd.Series) -> pd.Series:
    """Non-empty parts joined by " · ", row by row (vectorised)."""
    out = parts[0].fillna("").astype(str)
    for part in parts[1:]:
        part = part.fillna("").astype(str)
        out = out.where(part == "", out.where(out == "", out + " · ") + part)
    return out


def _day_text(days: pd.Series) -> pd.Series:
    """Dates as :func:`workbook.messages.date_text` writes them ("3 Oct 2026"), "" for none."""
    import pandas as pd

    days = pd.to_datetime(days)
    text = days.dt.day.astype("Int64").astype(str) + " " + days.dt.strftime("%b %Y")
    return text.where(days.notna(), "")


def _word_lists(values: pd.Series) -> pd.Series:
    """Lists of words as "a, b" ("" for none)."""
    return values.map(lambda words: ", ".join(words) if isinstance(words, list | tuple) else "")


def _when_filled(text: str, index: pd.Index, name: str, values: pd.Series) -> pd.Series:
    """``text`` filled with ``values`` where they are not empty, else ""."""
    filled = _fill(text, index, **{name: values})
    return filled.where(values.fillna("").astype(str) != "", "")


# --- one kind at a time -----------------------------------------------------------


def _application_dates(apps: pd.DataFrame | None) -> pd.Series:
    import pandas as pd

    if apps is None or apps.empty:
        return pd.Series(dtype="datetime64[ns]")
    dates = apps["outcome_on"].where(apps["outcome_on"].notna(), apps["applied_on"])
    return pd.Series(pd.to_datetime(dates).to_numpy(), index=apps["id"])


def _rows(kind: str, frame: pd.DataFrame, app_dates: pd.Series, words: Words) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    on, summary = _DESCRIBE[kind](frame, app_dates, words)
    if kind == "application":
        links = frame["id"]
    elif "application_id" in frame:
        links = frame["application_id"]
    else:
        links = pd.Series(pd.NA, index=frame.index)
    kinds: object = kind
    if kind == "feedback" and "positive" in frame:
        kinds = np.where(frame["positive"].fillna(False).astype(bool).to_numpy(), "praise", "feedback")
    return pd.DataFrame(
        {
            "kind": kinds,
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


def _application(frame, _dates, _words):  # noqa: ANN001, ANN202
    return frame["applied_on"], frame["company"] + ", " + frame["role"]


def _call_notes(frame, dates, _words):  # noqa: ANN001, ANN202
    return frame["held_on"], _first_text(frame, ["notes", "answers", "questions"])


def _feedback(frame, dates, _words):  # noqa: ANN001, ANN202
    return frame["application_id"].map(dates), frame["text"]


def _mood(frame, _dates, _words):  # noqa: ANN001, ANN202
    detail = _join_parts(_word_lists(frame["emotions"]), frame["note"])
    return frame["at"], _join_parts(frame["mood"].astype(str) + "/10", detail)


def _reflection(frame, _dates, _words):  # noqa: ANN001, ANN202
    return frame["at"], frame["answer"]


def _checklist(frame, _dates, words):  # noqa: ANN001, ANN202
    titles = words.checklist_titles
    names = frame["checklist_id"].map(lambda cid: titles.get(cid, cid.replace("_", " ").capitalize()))
    return frame["at"], names + ": " + _word_lists(frame["ticked"])


def _action(frame, _dates, _words):  # noqa: ANN001, ANN202
    return frame["created_on"], frame["title"]


def _support(frame, _dates, _words):  # noqa: ANN001, ANN202
    return frame["talked_on"], _join_parts(frame["who"], frame["note"])


def _person(frame, dates, _words):  # noqa: ANN001, ANN202
    return frame["application_id"].map(dates), _join_parts(frame["name"], frame["role"], frame["note"])


def _follow_up(frame, _dates, words):  # noqa: ANN001, ANN202
    kind = frame["kind"].astype(str)
    named = kind.map(words.follow_up_kinds).fillna(kind.str.replace("_", " ").str.capitalize())
    done = _when_filled(words.done, frame.index, "day", _day_text(frame["done_on"]))
    due = _when_filled(words.due, frame.index, "day", _day_text(frame["due_on"]))
    state = done.where(done != "", due)
    return frame["created_on"], _join_parts(named, state, frame["person"])


def _self_review(frame, _dates, words):  # noqa: ANN001, ANN202
    from workbook.self_review import ratings

    rated = ratings(frame)
    scores = rated.groupby("review_id")["score"]
    stats = scores.agg(["mean", "min", "max"]).reindex(frame["id"].to_numpy())
    stats.index = frame.index
    lowest = rated.loc[scores.idxmin().to_numpy(), ["review_id", "dimension", "score"]].set_index("review_id")
    lowest = lowest.reindex(frame["id"].to_numpy()).set_axis(frame.index)
    names = (
        lowest["dimension"]
        .map(words.dimensions)
        .fillna(lowest["dimension"].fillna("").str.replace("_", " ").str.capitalize())
    )
    mean = _fill(words.self_review, frame.index, mean=stats["mean"].map("{:.1f}".format))
    low = _fill(words.lowest, frame.index, dimension=names, score=lowest["score"].astype("Int64"))
    low = low.where(stats["min"] < stats["max"], "")
    return frame["held_on"], _join_parts(mean, low)


def _motivation(frame, dates, words):  # noqa: ANN001, ANN202
    wanted = _when_filled(
        words.wanted, frame.index, "wanted", frame["wanted"].astype("Int64").astype(str).replace("<NA>", "")
    )
    draws = _when_filled(words.draws, frame.index, "words", _word_lists(frame["draws"]))
    avoids = _when_filled(words.avoids, frame.index, "words", _word_lists(frame["avoids"]))
    said = _join_parts(wanted, draws, avoids, frame["note"])
    return frame["application_id"].map(dates), said.str[:1].str.upper() + said.str[1:]


def _check_in(frame, _dates, words):  # noqa: ANN001, ANN202
    return frame["at"], _fill(words.check_in, frame.index, score=frame["score"].map("{:.1f}".format))


_DESCRIBE = {
    "application": _application,
    "call_notes": _call_notes,
    "feedback": _feedback,
    "mood": _mood,
    "reflection": _reflection,
    "checklist": _checklist,
    "action": _action,
    "support": _support,
    "person": _person,
    "follow_up": _follow_up,
    "self_review": _self_review,
    "motivation": _motivation,
    "check_in": _check_in,
}

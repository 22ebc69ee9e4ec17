"""What a summary bundle holds: worked out from the journal, before anything is written or asked.

:func:`gather` turns the journal's DataFrames into the bundle's members
(name -> bytes): counts, per-rejection metrics, theme counts, check-in scores,
charts, and the free text the person opted into.  Company names are replaced
by "Application 1..n" (numbered in the order the applications were logged)
unless ``companies`` is included, in the metrics and in the charts alike; the
notes on applications never reach a chart or a member unless ``notes`` is.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from workbook import metrics
from workbook.journal import Journal
from workbook.share.layout import (
    CHECK_INS,
    COUNTS,
    FORMAT_VERSION,
    MANIFEST,
    REJECTIONS,
    TEXT_MEMBERS,
    THEMES,
    chart_member,
)
from workbook.themes import Theme, load_vocabulary, theme_counts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from workbook.template import Template

#: Which opt-ins govern the free text of each kind of record (kinds not named share only how many).
TEXT_OF = {
    "applications": ("companies", "notes"),
    "call_notes": ("notes",),
    "feedback_items": ("feedback",),
    "mood_entries": ("notes",),
    "reflections": ("reflections",),
}


@dataclass
class Bundle:
    """A bundle ready to write: its data members, the charts it will draw, the counts, the opt-ins.

    The charts are drawn only when :meth:`members` is first called, so the
    person sees what will be shared (and can say no) without waiting for them.
    """

    data: dict[str, bytes]
    drawings: dict[str, Callable[[], Figure]]
    counts: dict[str, int]
    included: tuple[str, ...]
    title: str = ""
    created: str = ""
    _drawn: dict[str, bytes] | None = field(default=None, repr=False)

    @property
    def member_names(self) -> list[str]:
        """Every member the bundle will hold, in order."""
        return [*self.data, *(chart_member(name) for name in self.drawings)]

    def members(self) -> dict[str, bytes]:
        """Every member, name -> bytes; the charts are drawn on the first call."""
        if self._drawn is None:
            self._drawn = {chart_member(name): png(draw()) for name, draw in self.drawings.items()}
        return {**self.data, **self._drawn}


def gather(
    journal: Journal,
    template: Template,
    included: tuple[str, ...] = (),
    *,
    now: dt.datetime | None = None,
) -> Bundle:
    """Everything the bundle for ``journal`` will hold, with only the opt-ins in ``included``."""
    created = (now or dt.datetime.now()).replace(microsecond=0).isoformat()
    applications = journal.applications()
    names = application_names(applications)
    shown = shareable_applications(applications, included)
    moods = journal.moods()
    feedback = journal.feedback()
    rejections = metrics.rejection_metrics(shown, moods)
    vocabulary = load_vocabulary(template.feedback_themes)
    counts = {kind: int(number) for kind, number in journal.counts().items()}
    manifest = {
        "format_version": FORMAT_VERSION,
        "created": created,
        "title": template.title,
        "included": list(included),
    }
    members = {
        MANIFEST: _json(manifest),
        COUNTS: _json(counts),
        REJECTIONS: _json(rejection_records(rejections, names, included)),
        THEMES: _json(theme_records(feedback, vocabulary)),
        CHECK_INS: _json(check_in_records(journal.check_ins())),
    }
    if "feedback" in included:
        members[TEXT_MEMBERS["feedback"]] = _json(feedback_records(feedback, applications, names, included))
    if "notes" in included:
        members[TEXT_MEMBERS["notes"]] = _json(
            note_records(moods, journal.call_notes(), applications, names, included)
        )
    if "reflections" in included:
        members[TEXT_MEMBERS["reflections"]] = _json(reflection_records(journal.reflections(), names))
    drawings = chart_drawings(
        shown, journal.stage_changes(), moods, feedback, rejections, journal.check_ins(), vocabulary
    )
    return Bundle(members, drawings, counts, included, template.title, created)


# --- what stands in for a company -------------------------------------------------------


def application_names(applications: pd.DataFrame) -> dict[int, str]:
    """ "Application 1..n" for each application id, in the order they were logged."""
    return {int(app_id): f"Application {number}" for number, app_id in enumerate(applications["id"], 1)}


def shareable_applications(applications: pd.DataFrame, included: tuple[str, ...]) -> pd.DataFrame:
    """The applications as the bundle may show them: company names and notes only when opted into."""
    shown = applications.copy()
    if "companies" not in included:
        shown["company"] = [f"Application {number}" for number in range(1, len(shown) + 1)]
    if "notes" not in included:
        shown["notes"] = ""
    return shown


# --- the members, as JSON-ready records -----------------------------------------------------


def rejection_records(
    rejections: pd.DataFrame, names: Mapping[int, str], included: tuple[str, ...]
) -> list[dict[str, Any]]:
    """The per-rejection metrics, each under its application's name; ``company`` only when included."""
    records = []
    for row in metrics.rejection_rows(rejections):
        record = {"application": names.get(int(row.pop("application_id")), "")}
        company = row.pop("company")
        if "companies" in included:
            record["company"] = company
        records.append({**record, **row})
    return records


def theme_records(feedback: pd.DataFrame, vocabulary: Mapping[str, Theme]) -> list[dict[str, Any]]:
    """How many feedback items named each theme, most frequent first (labels as the template names them)."""
    counts = theme_counts(feedback, vocabulary)
    return [
        {"theme": str(theme), "label": str(text), "items": int(items)}
        for theme, text, items in zip(counts["theme"], counts["label"], counts["items"])
    ]


def check_in_records(check_ins: pd.DataFrame) -> list[dict[str, Any]]:
    """Each check-in's time and score, oldest first."""
    ordered = check_ins.sort_values("at", kind="stable")
    return [
        {"at": pd.Timestamp(at).isoformat(), "score": float(score)}
        for at, score in zip(ordered["at"], ordered["score"])
        if pd.notna(at) and pd.notna(score)
    ]


def feedback_records(
    feedback: pd.DataFrame, applications: pd.DataFrame, names: Mapping[int, str], included: tuple[str, ...]
) -> list[dict[str, Any]]:
    """What employers said, word for word, with its themes (only written when ``feedback`` is included)."""
    companies = _companies(applications) if "companies" in included else {}
    records = []
    for row in feedback.to_dict("records"):
        app_id = int(row["application_id"])
        record = {
            "application": names.get(app_id, ""),
            "text": str(row["text"]),
            "themes": list(row["themes"]),
        }
        if app_id in companies:
            record["company"] = companies[app_id]
        if "positive" in row:
            record["positive"] = bool(row["positive"])
        records.append(record)
    return records


def note_records(
    moods: pd.DataFrame,
    call_notes: pd.DataFrame,
    applications: pd.DataFrame,
    names: Mapping[int, str],
    included: tuple[str, ...],
) -> list[dict[str, Any]]:
    """The notes on moods, calls and applications (only written when ``notes`` is included)."""
    companies = _companies(applications) if "companies" in included else {}

    def about(app_id: Any) -> dict[str, str]:
        if pd.isna(app_id):
            return {}
        key = int(app_id)
        found = {"application": names.get(key, "")}
        if key in companies:
            found["company"] = companies[key]
        return found

    records: list[dict[str, Any]] = []
    for row in applications.to_dict("records"):
        if str(row["notes"]).strip():
            records.append({"kind": "application", **about(row["id"]), "text": str(row["notes"])})
    for row in call_notes.to_dict("records"):
        parts = [
            str(row[name]).strip() for name in ("questions", "answers", "notes") if str(row[name]).strip()
        ]
        if parts:
            on = pd.Timestamp(row["held_on"]).date().isoformat() if pd.notna(row["held_on"]) else None
            records.append(
                {"kind": "call", "on": on, **about(row["application_id"]), "text": "\n\n".join(parts)}
            )
    for row in moods.to_dict("records"):
        if str(row["note"]).strip():
            at = pd.Timestamp(row["at"]).isoformat() if pd.notna(row["at"]) else None
            records.append(
                {"kind": "mood", "at": at, **about(row["application_id"]), "text": str(row["note"])}
            )
    return records


def reflection_records(reflections: pd.DataFrame, names: Mapping[int, str]) -> list[dict[str, Any]]:
    """The answers to reflection prompts, with the prompt (only written when ``reflections`` is included)."""
    records = []
    for row in reflections.to_dict("records"):
        at = pd.Timestamp(row["at"]).isoformat() if pd.notna(row["at"]) else None
        record = {"at": at, "prompt": str(row["prompt"]), "text": str(row["answer"])}
        if pd.notna(row["application_id"]):
            record["application"] = names.get(int(row["application_id"]), "")
        records.append(record)
    return records


def _companies(applications: pd.DataFrame) -> dict[int, str]:
    return {int(app_id): str(company) for app_id, company in zip(applications["id"], applications["company"])}


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# --- the charts ---------------------------------------------------------------------------


def chart_drawings(
    applications: pd.DataFrame,
    stage_changes: pd.DataFrame,
    moods: pd.DataFrame,
    feedback: pd.DataFrame,
    rejections: pd.DataFrame,
    check_ins: pd.DataFrame,
    vocabulary: Mapping[str, Theme],
) -> dict[str, Callable[[], Figure]]:
    """How to draw each chart that has something to show, from the shareable frames only."""
    has = _has(applications, len(feedback), len(moods), len(check_ins))
    scores = pd.DataFrame(check_in_records(check_ins), columns=["at", "score"])
    scores.insert(0, "client", "")
    drawings: dict[str, Callable[[], Figure]] = {
        "recovery": lambda: _kit().recovery_chart(rejections),
        "mood_timeline": lambda: _kit().mood_timeline_chart(moods, applications, rejections),
        "check_ins": lambda: _own_charts().check_in_chart(scores),
        "theme_frequency": lambda: _kit().theme_frequency_chart(feedback, vocabulary),
        "themes_over_time": lambda: _kit().themes_over_time_chart(feedback, applications, vocabulary),
        "rejections_by_month": lambda: _kit().rejections_by_month_chart(applications),
        "funnel": lambda: _kit().funnel_chart(applications, stage_changes),
        "dip_by_stage": lambda: _kit().dip_by_stage_chart(rejections, applications),
    }
    return {name: draw for name, draw in drawings.items() if has[CHART_NEEDS[name]]}


def _has(applications: pd.DataFrame, feedback: int, moods: int, check_ins: int) -> dict[str, bool]:
    """What each chart needs before it has something to show, and whether the journal has it."""
    rejected = bool((applications["outcome"] == "rejected").any()) if not applications.empty else False
    return {
        "applications": not applications.empty,
        "rejections": rejected,
        "feedback": feedback > 0,
        "moods": moods > 0,
        "check_ins": check_ins > 0,
    }


#: What each chart needs before it is drawn (as :func:`chart_drawings` says).
CHART_NEEDS = {
    "recovery": "rejections",
    "mood_timeline": "moods",
    "check_ins": "check_ins",
    "theme_frequency": "feedback",
    "themes_over_time": "feedback",
    "rejections_by_month": "rejections",
    "funnel": "applications",
    "dip_by_stage": "rejections",
}


@dataclass(frozen=True)
class Outline:
    """What a bundle will hold, worked out cheaply (counts and which charts have data), for a preview."""

    member_names: list[str]
    counts: dict[str, int]
    included: tuple[str, ...]


def outline(journal: Journal, included: tuple[str, ...] = ()) -> Outline:
    """The members and counts :func:`gather` would give, without working out any metric or chart."""
    counts = {kind: int(number) for kind, number in journal.counts().items()}
    has = _has(journal.applications(), counts["feedback_items"], counts["mood_entries"], counts["check_ins"])
    names = [MANIFEST, COUNTS, REJECTIONS, THEMES, CHECK_INS]
    names += [member for word, member in TEXT_MEMBERS.items() if word in included]
    names += [chart_member(name) for name, needs in CHART_NEEDS.items() if has[needs]]
    return Outline(names, counts, included)


def _kit() -> Any:
    # matplotlib is heavy: loaded only once a chart is drawn, after the person has said yes.
    from workbook import charts

    return charts


def _own_charts() -> Any:
    from workbook.share import charts

    return charts


def png(figure: Figure) -> bytes:
    """``figure`` as PNG bytes; the figure is cleared afterwards, so its memory goes at once."""
    buffer = io.BytesIO()
    try:
        figure.savefig(buffer, format="png", dpi=100)
    finally:
        figure.clear()
    return buffer.getvalue()

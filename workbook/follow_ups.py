"""Keeping the door open: the thank-you note drafted from the journal, the reconnect date, what is due.

Pure functions of records and DataFrames (no widgets, no journal): the
follow-up widgets hand them what the journal holds and show what they return.
Rebound never sends anything; the person copies the draft and sends it
themselves.

The reconnect date is ``template.follow_up.reconnect_after_days`` after the
news (90 days in the built-in template: long enough for a similar opening to
appear and for the person to have worked on the feedback).  After an
invitation to apply again it is sooner, :data:`INVITED_RECONNECT_DAYS` (60
days, or the template's wait if that is shorter): the employer asked, and a
reply within a couple of months still finds the people who asked.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from workbook.messages import THANK_YOU_FALLBACKS, THANK_YOU_PRAISE

if TYPE_CHECKING:
    import pandas as pd

    from workbook.template import Template

#: Days from the news to the suggested reconnect date after an invitation to apply again.
INVITED_RECONNECT_DAYS = 60
#: The columns of :func:`due`'s answer.
DUE_COLUMNS = ("id", "application_id", "kind", "due_on", "person", "text", "company", "role", "days_late")


def interviewer(people: pd.DataFrame, application_id: int) -> str:
    """The name of the first person logged as met for ``application_id`` ("" when there is none)."""
    if people.empty:
        return ""
    met = people[people["application_id"] == application_id].sort_values("id")
    return str(met["name"].iloc[0]) if len(met) else ""


def appreciated(feedback: pd.DataFrame, application_id: int) -> str:
    """One thing to thank the employer for: the first praise logged for ``application_id``, quoted ("" if none)."""
    if feedback.empty:
        return ""
    praise = feedback[(feedback["application_id"] == application_id) & feedback["positive"]].sort_values("id")
    return THANK_YOU_PRAISE.replace("{text}", str(praise["text"].iloc[0])) if len(praise) else ""


def working_on(
    feedback: pd.DataFrame, application_id: int, vocabulary: Mapping[str, Any] | None = None
) -> str:
    """The feedback the person will work on: the theme heard most in this application's non-praise items.

    Ties go to the theme heard first.  The theme's label is written as the
    middle of a sentence ("communication"); with no theme, the first item's
    words; with no feedback, "".
    """
    if feedback.empty:
        return ""
    asks = feedback[(feedback["application_id"] == application_id) & ~feedback["positive"]].sort_values("id")
    if asks.empty:
        return ""
    heard = Counter(theme for themes in asks["themes"] for theme in themes)
    if not heard:
        return str(asks["text"].iloc[0])
    top = max(heard, key=lambda theme: heard[theme])  # Counter keeps first-heard order for ties
    label = getattr((vocabulary or {}).get(top), "label", None) or top.replace("_", " ")
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def draft_thank_you(
    template: Template,
    application: Mapping[str, Any],
    people: pd.DataFrame,
    feedback: pd.DataFrame,
    *,
    interviewer_name: str | None = None,
    appreciated_text: str | None = None,
    working_on_text: str | None = None,
    vocabulary: Mapping[str, Any] | None = None,
) -> str:
    """The template's thank-you note filled in for ``application`` (a row with id, company and role).

    Each placeholder takes the person's own word when given (``interviewer_name``,
    ``appreciated_text``, ``working_on_text``), else what the journal holds (the
    first person met, the first praise, the top theme to work on), else a
    neutral fallback (:data:`workbook.messages.THANK_YOU_FALLBACKS`).
    """
    if template.follow_up is None:
        return ""
    app_id = int(application["id"])
    values = {
        "interviewer": interviewer_name if interviewer_name is not None else interviewer(people, app_id),
        "role": str(application.get("role", "") or ""),
        "company": str(application.get("company", "") or ""),
        "appreciated": appreciated_text if appreciated_text is not None else appreciated(feedback, app_id),
        "working_on": (
            working_on_text if working_on_text is not None else working_on(feedback, app_id, vocabulary)
        ),
    }
    text = template.follow_up.thank_you
    for name, value in values.items():
        text = text.replace("{" + name + "}", value.strip() or THANK_YOU_FALLBACKS[name])
    return text


def suggest_reconnect(
    outcome_on: dt.date | None, invited_back: bool, template: Template, *, today: dt.date | None = None
) -> dt.date:
    """When to get back in touch: the template's wait after the news, sooner after an invitation to apply again.

    Counted from ``outcome_on`` (today when unknown); a date that would already
    have passed is today.
    """
    today = today or dt.date.today()
    wait = template.follow_up.reconnect_after_days if template.follow_up is not None else 90
    if invited_back:
        wait = min(wait, INVITED_RECONNECT_DAYS)
    suggested = (outcome_on or today) + dt.timedelta(days=wait)
    return max(suggested, today)


def due(follow_ups: pd.DataFrame, applications: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """The follow-ups not done yet whose day has come, most overdue first, with the application's company and role.

    A reconnect is due on its ``due_on``; a thank-you note from the day it was
    drafted (or its ``due_on`` when it has one), until marked done.
    ``days_late`` counts the days since it fell due (0: due today).
    """
    import pandas as pd

    if follow_ups.empty:
        return pd.DataFrame(columns=list(DUE_COLUMNS))
    open_ = follow_ups[follow_ups["done_on"].isna()].copy()
    open_["due_on"] = open_["due_on"].fillna(open_["created_on"].where(open_["kind"] == "thank_you"))
    day = pd.Timestamp(today)
    ready = open_[open_["due_on"].notna() & (open_["due_on"] <= day)]
    names = applications.set_index("id")[["company", "role"]] if not applications.empty else None
    out = ready.join(names, on="application_id") if names is not None else ready.assign(company="", role="")
    out["company"] = out["company"].fillna("").astype(str)
    out["role"] = out["role"].fillna("").astype(str)
    out["days_late"] = (day - out["due_on"]).dt.days.astype("int64")
    out = out.sort_values(["due_on", "id"]).reset_index(drop=True)
    return out[list(DUE_COLUMNS)]

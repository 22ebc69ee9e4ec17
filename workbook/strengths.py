"""Strengths beside shortcomings: per feedback theme, how often employers praised it and how often they asked for more.

Pure functions of the journal's feedback frame.  A feedback item marked
``positive`` praises what it names; any other item asks for more of it.
Themes that say nothing about the person (a stronger field, a closed role, no
feedback at all) are left out: they are neither a strength nor something to
work on.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from workbook.themes import Theme, theme_label

#: Theme ids that say nothing about the person's own skills, so they are never a strength or an ask.
NOT_ABOUT_YOU = ("competition", "position_closed", "no_feedback")
BALANCE_COLUMNS = ("theme", "label", "praised", "asked")


def theme_rows(feedback: pd.DataFrame) -> pd.DataFrame:
    """One row per (feedback item, theme), each theme once per item.

    Columns: feedback_id, application_id, theme, positive.  Items without a
    theme have no row.  Vectorised (one explode), so thousands of items take
    milliseconds.
    """
    columns = ["feedback_id", "application_id", "theme", "positive"]
    if feedback.empty:
        return pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in zip(columns, _KINDS, strict=True)})
    rows = feedback[["id", "application_id", "themes", "positive"]].explode("themes")
    rows = rows[rows["themes"].notna()].drop_duplicates(["id", "themes"])
    rows = rows.rename(columns={"id": "feedback_id", "themes": "theme"})[columns]
    return rows.astype(dict(zip(columns, _KINDS, strict=True))).reset_index(drop=True)


_KINDS = ("int64", "int64", "str", "bool")


def theme_balance(feedback: pd.DataFrame, vocabulary: Mapping[str, Theme] | None = None) -> pd.DataFrame:
    """Feedback items per theme that praised it and that asked for more of it.

    Columns: theme, label (from ``vocabulary``), praised, asked (item counts).
    Themes in :data:`NOT_ABOUT_YOU` are left out.  Most mentioned first, ties
    by more praise, then by label.
    """
    rows = theme_rows(feedback)
    rows = rows[~rows["theme"].isin(NOT_ABOUT_YOU)]
    if rows.empty:
        return pd.DataFrame({"theme": [], "label": [], "praised": [], "asked": []}).astype(
            {"theme": "str", "label": "str", "praised": "int64", "asked": "int64"}
        )
    table = pd.crosstab(rows["theme"], rows["positive"]).reindex(columns=[True, False], fill_value=0)
    frame = pd.DataFrame(
        {
            "theme": table.index.astype(str),
            "praised": table[True].to_numpy(dtype="int64"),
            "asked": table[False].to_numpy(dtype="int64"),
        }
    )
    frame.insert(1, "label", [theme_label(theme, vocabulary) for theme in frame["theme"]])
    frame["total"] = frame["praised"] + frame["asked"]
    frame = frame.sort_values(
        ["total", "praised", "label"], ascending=[False, False, True], ignore_index=True
    )
    return frame[list(BALANCE_COLUMNS)]


def strengths(balance: pd.DataFrame) -> pd.DataFrame:
    """The praised themes of :func:`theme_balance`, most praised first."""
    praised = balance[balance["praised"] > 0]
    return praised.sort_values(["praised", "label"], ascending=[False, True], ignore_index=True)


def asks(balance: pd.DataFrame) -> pd.DataFrame:
    """The themes employers asked for more of, most asked first."""
    asked = balance[balance["asked"] > 0]
    return asked.sort_values(["asked", "label"], ascending=[False, True], ignore_index=True)

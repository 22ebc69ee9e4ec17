"""Which saved checklist run belongs to which call: the latest run of a checklist for one application.

A checklist starts fresh for each application (each call is an application's
call): a run saved for one application is never shown for another, and runs
saved for no application belong together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def last_run(runs: pd.DataFrame, checklist_id: str, application_id: int | None) -> pd.Series | None:
    """The latest row of ``runs`` (the journal's checklist_runs) for ``checklist_id`` and ``application_id``.

    ``application_id`` None means runs saved for no application.  The latest
    is the one saved last (``at``), then the highest id; None when there is none.
    """
    same = runs[runs["checklist_id"] == checklist_id]
    if application_id is None:
        same = same[same["application_id"].isna()]
    else:
        same = same[same["application_id"] == application_id]
    if same.empty:
        return None
    return same.sort_values(["at", "id"]).iloc[-1]

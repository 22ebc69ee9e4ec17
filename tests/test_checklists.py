"""The last checklist run for (checklist, application): a pure query over the checklist_runs DataFrame."""

from __future__ import annotations

import pandas as pd

from workbook.checklists import last_run


def runs(*rows: tuple[int, str, str, int | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [r[0] for r in rows],
            "at": pd.to_datetime([r[1] for r in rows]),
            "checklist_id": [r[2] for r in rows],
            "ticked": [("a",)] * len(rows),
            "application_id": pd.array([r[3] for r in rows], dtype="Int64"),
        }
    )


RUNS = runs(
    (1, "2026-10-01 09:00", "before_call", 7),
    (2, "2026-10-02 09:00", "before_call", 7),
    (3, "2026-10-03 09:00", "before_call", 8),
    (4, "2026-10-04 09:00", "after_call", 7),
    (5, "2026-10-05 09:00", "before_call", None),
    (6, "2026-10-01 08:00", "before_call", None),
)


def test_the_latest_run_of_that_checklist_for_that_application() -> None:
    assert last_run(RUNS, "before_call", 7)["id"] == 2
    assert last_run(RUNS, "before_call", 8)["id"] == 3
    assert last_run(RUNS, "after_call", 7)["id"] == 4


def test_each_application_starts_fresh() -> None:
    assert last_run(RUNS, "before_call", 9) is None
    assert last_run(RUNS, "after_call", 8) is None


def test_runs_for_no_application_belong_together() -> None:
    assert last_run(RUNS, "before_call", None)["id"] == 5
    assert last_run(RUNS, "after_call", None) is None


def test_the_same_moment_goes_to_the_later_id() -> None:
    tied = runs((1, "2026-10-01 09:00", "x", None), (2, "2026-10-01 09:00", "x", None))
    assert last_run(tied, "x", None)["id"] == 2


def test_an_empty_journal_has_no_run() -> None:
    assert last_run(runs(), "before_call", None) is None

"""The journal announces each stored change, so views in the same kernel can redraw."""

from __future__ import annotations

import pytest

from workbook.errors import ValidationError
from workbook.journal import Journal
from workbook.records import Application, MoodEntry


def test_each_stored_change_is_announced_once(journal: Journal) -> None:
    heard: list[int] = []
    journal.on_change(lambda: heard.append(journal.revision))
    app = journal.add(Application(company="Acme", role="Analyst", applied_on="2026-01-05"))
    with journal.transaction():
        journal.add(MoodEntry(at="2026-01-06T09:00", mood=4, application_id=app.id))
        journal.add(MoodEntry(at="2026-01-06T10:00", mood=5))
    journal.delete(Application, app.id)
    assert heard == [1, 2, 3]


def test_a_refused_change_is_not_announced(journal: Journal) -> None:
    heard: list[int] = []
    journal.on_change(lambda: heard.append(journal.revision))
    with pytest.raises(ValidationError):
        journal.add(MoodEntry(at="2026-01-06T09:00", mood=4, application_id=99))
    assert heard == [] and journal.revision == 0


def test_a_failing_listener_never_turns_a_save_into_a_failure(journal: Journal) -> None:
    def broken() -> None:
        raise RuntimeError("the chart could not draw")

    stop = journal.on_change(broken)
    with pytest.warns(UserWarning, match="could not refresh: the chart could not draw"):
        saved = journal.add(MoodEntry(at="2026-01-06T09:00", mood=4))
    assert journal.get(MoodEntry, saved.id).mood == 4
    stop()
    journal.add(MoodEntry(at="2026-01-06T10:00", mood=5))  # no warning once stopped
    assert journal.revision == 2

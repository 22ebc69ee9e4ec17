"""A new stage is recorded on the date the caller gives, never on the old stage's date."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.errors import ValidationError
from workbook.journal import Journal
from workbook.records import Application


def _dates(journal: Journal) -> list[tuple[str, str]]:
    history = journal.stage_changes()
    return [(stage, day.date().isoformat()) for stage, day in zip(history["stage"], history["changed_on"])]


def test_a_new_stage_needs_its_own_date(journal: Journal) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on="2026-09-01"))
    with pytest.raises(ValidationError) as refused:
        journal.update(app.replace(stage="screen"))
    assert (refused.value.field, refused.value.reason) == ("stage_on", "is required when the stage changes")
    assert journal.get(Application, app.id).stage == "applied"
    assert _dates(journal) == [("applied", "2026-09-01")]


def test_the_stage_date_read_from_the_journal_is_never_reused(journal_file: Path) -> None:
    with Journal(journal_file) as journal:
        app = journal.add(Application(company="Acme", role="Analyst", applied_on="2026-09-01"))
        journal.update(app.replace(stage="screen"), stage_on="2026-09-08")
    with Journal(journal_file) as journal:
        read = journal.get(Application, app.id)
        assert read.stage_on.isoformat() == "2026-09-08"
        with pytest.raises(ValidationError, match="stage_on"):
            journal.update(read.replace(stage="interview"))
        moved = journal.update(read.replace(stage="interview"), stage_on="2026-09-20")
        assert moved.stage_on.isoformat() == "2026-09-20"
        assert _dates(journal) == [
            ("applied", "2026-09-01"),
            ("screen", "2026-09-08"),
            ("interview", "2026-09-20"),
        ]


def test_a_stage_date_before_the_application_is_refused(journal: Journal) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on="2026-09-01"))
    with pytest.raises(ValidationError, match="stage_on: 2026-08-01 is before the application date"):
        journal.update(app.replace(stage="screen"), stage_on="2026-08-01")
    assert journal.get(Application, app.id).stage == "applied"

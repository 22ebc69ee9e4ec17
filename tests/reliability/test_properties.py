"""Properties, tried on many generated inputs (hypothesis; modest example counts for CI time).

- Any record the validators accept reads back from the journal unchanged.
- Anything they refuse stores nothing, even beside valid writes in the same save.
- CSV and JSON: export, import into an empty journal, export again: identical files.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from reliability.harness import content, run_main
from workbook.errors import ValidationError
from workbook.journal import Journal
from workbook.records import CHANNELS, CONTEXTS, OUTCOMES, STAGES, Application, FeedbackItem, MoodEntry

EXAMPLES = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# No shrinking: a failing round trip is shown as found, instead of minutes spent minimising it.
ROUND_TRIPS = settings(EXAMPLES, max_examples=15, phases=[Phase.explicit, Phase.reuse, Phase.generate])
TODAY = dt.date.today()

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
words = st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20), max_size=4)
days = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY)
moments = st.datetimes(
    min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime.combine(TODAY, dt.time())
).map(lambda moment: moment.replace(microsecond=0))
# Raw input as a person or a file might give it: mostly plausible, sometimes not.
any_mood = st.one_of(st.integers(-3, 14), st.sampled_from(["5", " 7 ", "five", "", "5.5"]))
any_moment = st.one_of(
    moments, st.sampled_from(["2025-02-30T10:00", "yesterday", "2999-01-01T00:00", "0025-01-01T10:00", ""])
)


@st.composite
def mood_fields(draw: st.DrawFn) -> dict[str, Any]:
    """Raw fields for a mood entry, valid or not."""
    return {
        "at": draw(any_moment),
        "mood": draw(any_mood),
        "emotions": draw(words),
        "tags": draw(words),
        "energy": draw(st.one_of(st.none(), st.integers(0, 6))),
        "note": draw(text),
        "context": draw(st.sampled_from([*CONTEXTS, "sometimes"])),
    }


@st.composite
def application_fields(draw: st.DrawFn) -> dict[str, Any]:
    """Raw fields for an application, valid or not."""
    return {
        "company": draw(text),
        "role": draw(text),
        "applied_on": draw(days),
        "stage": draw(st.sampled_from(STAGES)),
        "outcome": draw(st.sampled_from(OUTCOMES)),
        "outcome_on": draw(st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY))),
        "channel": draw(st.sampled_from(CHANNELS)),
        "notes": draw(text),
    }


def _build(kind: type, fields: dict[str, Any]) -> Any:
    try:
        return kind(**fields)
    except ValidationError:
        return None


@EXAMPLES
@given(fields=mood_fields())
def test_an_accepted_mood_reads_back_unchanged_and_a_refused_one_stores_nothing(
    tmp_path: Path, fields: dict[str, Any]
) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as tmp, Journal(Path(tmp) / "j.db") as journal:
        record = _build(MoodEntry, fields)
        if record is not None:
            saved = journal.add(record)
            assert journal.get(MoodEntry, saved.id) == saved == record.replace(id=saved.id)
            assert len(journal.moods()) == 1
            return
        before = journal.counts()
        # The refusal comes while a valid entry is already written in the same save: neither is kept.
        with pytest.raises(ValidationError), journal.transaction():
            journal.add(MoodEntry(at="2025-01-01T10:00:00", mood=5, note="kept only if all is kept"))
            journal.add(MoodEntry(**fields))
        assert journal.counts() == before


@EXAMPLES
@given(fields=application_fields())
def test_an_accepted_application_reads_back_unchanged_and_a_refused_one_stores_nothing(
    tmp_path: Path, fields: dict[str, Any]
) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as tmp, Journal(Path(tmp) / "j.db") as journal:
        record = _build(Application, fields)
        if record is not None:
            saved = journal.add(record)
            assert journal.get(Application, saved.id) == saved == record.replace(id=saved.id)
            assert len(journal.applications()) == 1
            return
        before = journal.counts()
        with pytest.raises(ValidationError), journal.transaction():
            journal.add(Application(company="Kept?", role="Only if all is", applied_on="2025-01-02"))
            journal.add(Application(**fields))
        assert journal.counts() == before


@st.composite
def valid_applications(draw: st.DrawFn) -> Application:
    """An application the validators accept: dates in order, an outcome date only when one is due."""
    applied = draw(days)
    outcome = draw(st.sampled_from(OUTCOMES))
    decided = outcome in ("rejected", "offer", "withdrawn") or (outcome == "ghosted" and draw(st.booleans()))
    app = _build(
        Application,
        {
            "company": draw(text.filter(str.strip)),
            "role": draw(text.filter(str.strip)),
            "applied_on": applied,
            "stage": draw(st.sampled_from(STAGES)),
            "outcome": outcome,
            "outcome_on": draw(st.dates(min_value=applied, max_value=TODAY)) if decided else None,
            "channel": draw(st.sampled_from(CHANNELS)),
            "notes": draw(text),
        },
    )
    assume(app is not None)  # text over 200 characters after stripping, rarely
    return app


@st.composite
def journals(draw: st.DrawFn) -> list[Any]:
    """A few valid applications, each with moods and feedback linked to it.

    No two entries share their identifying fields (``Record.KEY``): an import
    takes such a twin for the entry already there, by design.
    """
    records: list[Any] = []
    seen: set[tuple[Any, ...]] = set()
    for app in draw(st.lists(valid_applications(), min_size=1, max_size=3, unique_by=lambda a: a.key())):
        links: list[Any] = []
        for mood in draw(st.lists(mood_fields(), max_size=3)):
            entry = _build(MoodEntry, mood)
            if entry is not None and entry.key() not in seen:
                seen.add(entry.key())
                links.append(entry)
        for item in draw(st.lists(text, max_size=2, unique_by=str.strip)):
            links.append(("feedback", item))
        records.append((app, links))
    return records


def _fill(path: Path, records: list[Any]) -> None:
    with Journal(path) as journal:
        for app, links in records:
            saved = journal.add(app)
            for link in links:
                if isinstance(link, tuple):
                    feedback = _build(FeedbackItem, {"application_id": saved.id, "text": link[1]})
                    if feedback is not None:
                        journal.add(feedback)
                else:
                    journal.add(link.replace(application_id=saved.id))


@pytest.mark.parametrize("fmt", ["csv", "json"])
@ROUND_TRIPS
@given(records=journals())
def test_export_import_export_gives_identical_files(
    tmp_path: Path, capsys, fmt: str, records: list[Any]
) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as tmp:
        folder = Path(tmp)
        first, second = folder / "first.db", folder / "second.db"
        _fill(first, records)
        for journal, out in ((first, folder / "out1"), (second, folder / "out2")):
            if journal is second:
                code, _, err = run_main(["--journal", str(second), "import", str(folder / "out1")], capsys)
                assert code == 0, err
            code, _, err = run_main(["--journal", str(journal), "export", str(out), "--format", fmt], capsys)
            assert code == 0, err
        names = sorted(p.name for p in (folder / "out1").iterdir())
        match, mismatch, errors = filecmp.cmpfiles(folder / "out1", folder / "out2", names, shallow=False)
        assert not mismatch and not errors, f"{fmt} files differ after a round trip: {mismatch or errors}"
        assert content(first) == content(second)

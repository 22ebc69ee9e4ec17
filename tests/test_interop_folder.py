"""Export to a folder of CSV files and import it back: identical round trips, all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import filecmp
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.errors import ImportRowError, WorkbookError
from workbook.interop.folder import export_csv, import_csv
from workbook.interop.json_export import export_json, import_json
from workbook.journal import Journal
from workbook.records import (
    CHANNELS,
    CONTEXTS,
    OUTCOMES,
    RECORD_TYPES,
    STAGES,
    Action,
    Application,
    CallNotes,
    ChecklistRun,
    FeedbackItem,
    MoodEntry,
    Reflection,
    SupportContact,
)


def fill(journal: Journal) -> None:
    """A small journal touching every record type, with awkward text."""
    a = journal.add(
        Application(
            company='Acme, "the" company',
            role="Data analyst",
            applied_on="2026-08-01",
            stage="final",
            stage_on="2026-08-20",
            outcome="rejected",
            outcome_on="2026-08-25",
            channel="video_call",
            notes="line one\nline two",
        )
    )
    b = journal.add(Application(company="Bümo", role="Engineer", applied_on="2026-08-03"))
    journal.delete(Application, b.id)  # leaves a gap in the ids
    c = journal.add(Application(company="Cobalt", role="Engineer", applied_on="2026-08-05", stage="screen"))
    journal.add(
        CallNotes(application_id=a.id, held_on="2026-08-25", covered=["thanks", "reason"], questions="Why?")
    )
    journal.add(
        FeedbackItem(application_id=a.id, text="More SQL depth", themes=["technical_depth"], confirmed=True)
    )
    journal.add(
        MoodEntry(
            at="2026-08-25T19:00:00",
            mood=3,
            emotions=["déçu", "tired"],
            tags=["walked"],
            energy=2,
            note="<b>tired</b>, déçu",
            context="after_call",
            application_id=a.id,
        )
    )
    journal.add(MoodEntry(at="2026-08-26T08:00:00", mood=5, application_id=c.id))
    journal.add(
        Reflection(at="2026-08-26T09:00:00", prompt_id="after_call.learned", prompt="What?", answer="Plenty")
    )
    journal.add(
        ChecklistRun(at="2026-08-24T09:00:00", checklist_id="prepare", ticked=["calm"], application_id=a.id)
    )
    journal.add(
        Action(title="Practise SQL", created_on="2026-08-26", theme="technical_depth", due_on="2026-09-10")
    )
    journal.add(SupportContact(talked_on="2026-08-26", who="Mum", helped=5, note="Long walk"))


def test_export_has_the_documented_layout(journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    export_csv(journal, tmp_path / "out")
    with (tmp_path / "out" / "applications.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [
        "id",
        "company",
        "role",
        "applied_on",
        "stage",
        "outcome",
        "outcome_on",
        "channel",
        "notes",
        "invited_back",
    ]
    assert rows[1][:8] == [
        "1",
        'Acme, "the" company',
        "Data analyst",
        "2026-08-01",
        "final",
        "rejected",
        "2026-08-25",
        "video_call",
    ]
    with (tmp_path / "out" / "mood_entries.csv").open(newline="") as handle:
        moods = list(csv.DictReader(handle))
    assert list(moods[0]) == [
        "id",
        "at",
        "mood",
        "emotions",
        "tags",
        "energy",
        "note",
        "context",
        "application_id",
    ]
    assert moods[0]["at"] == "2026-08-25T19:00:00"
    assert moods[0]["emotions"] == "déçu;tired"
    assert moods[1]["energy"] == ""


def test_round_trip_gives_identical_files(tmp_path: Path) -> None:
    with Journal(tmp_path / "a.db") as first:
        fill(first)
        export_csv(first, tmp_path / "one")
    with Journal(tmp_path / "b.db") as second:
        summary = import_csv(second, tmp_path / "one")
        export_csv(second, tmp_path / "two")
    assert summary.added["applications"] == 2
    compare = filecmp.dircmp(tmp_path / "one", tmp_path / "two")
    assert compare.left_only == compare.right_only == compare.diff_files == []
    assert len(compare.same_files) == len(RECORD_TYPES)


def test_second_import_adds_nothing(tmp_path: Path) -> None:
    with Journal(tmp_path / "a.db") as source:
        fill(source)
        export_csv(source, tmp_path / "out")
    with Journal(tmp_path / "b.db") as target:
        import_csv(target, tmp_path / "out")
        before = target.counts()
        again = import_csv(target, tmp_path / "out")
        assert target.counts() == before
    assert again.added == {}
    assert "already in the journal" in str(again)


def test_import_links_moods_through_the_files_ids(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "applications.csv").write_text(
        "id,company,role,applied_on,stage,outcome,outcome_on,channel\n"
        "70,Acme,Analyst,2026-08-01,interview,rejected,2026-08-20,video_call\n"
    )
    (folder / "mood_entries.csv").write_text(
        "at,mood,context,application_id\n2026-08-20T18:00:00,3,after_call,70\n"
    )
    with Journal(tmp_path / "j.db") as journal:
        journal.add(Application(company="Other", role="Role", applied_on="2026-07-01"))
        journal.add(Application(company="Other", role="Role two", applied_on="2026-07-02"))
        import_csv(journal, folder)
        acme = journal.applications().set_index("company").loc["Acme"]
        assert journal.moods().loc[0, "application_id"] == acme["id"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "mood_entries.csv",
            "id,at,mood,context\n1,2026-08-20T18:00:00,4,daily\n2,2026-08-21T18:00:00,11,daily\n",
            "mood_entries.csv, line 3: mood: must be between 1 and 10, not 11",
        ),
        (
            "applications.csv",
            "id,company,role,applied_on,outcome,outcome_on\n1,Acme,Analyst,2026-08-01,rejected,2026-07-01\n",
            "applications.csv, line 2: outcome_on: 2026-07-01 is before the application date",
        ),
        (
            "mood_entries.csv",
            'id,at,mood,note\n1,2026-08-20T18:00:00,4,"two\nlines"\n2,2026-08-21,x,ok\n',
            "mood_entries.csv, line 4: mood: 'x' is not a whole number",
        ),
        (
            "mood_entries.csv",
            "id,at,mood,context,application_id\n1,2026-08-20T18:00:00,4,daily,9\n",
            "mood_entries.csv, line 2: application_id: no application with id 9",
        ),
        (
            "mood_entries.csv",
            "id,when,mood\n1,2026-08-20T18:00:00,4\n",
            "mood_entries.csv, line 1: when: is not a column",
        ),
    ],
)
def test_one_bad_row_refuses_the_whole_import(tmp_path: Path, name: str, content: str, message: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "applications.csv").write_text(
        "id,company,role,applied_on\n5,Good Co,Analyst,2026-08-01\n"
    ) if name != "applications.csv" else None
    (folder / name).write_text(content)
    with Journal(tmp_path / "j.db") as journal:
        with pytest.raises(ImportRowError) as caught:
            import_csv(journal, folder)
        assert sum(journal.counts().values()) == 0
    assert message in str(caught.value)
    assert str(folder / name) in str(caught.value)


# --- generated journals ---------------------------------------------------------

words = st.lists(
    st.text(
        alphabet=st.characters(blacklist_characters=";\x00", blacklist_categories=("Cs", "Cc")),
        min_size=1,
        max_size=8,
    )
    | st.sampled_from(["=SUM(A1)", "-ish", "+1", "@home", "'quoted"]).map(str.strip).filter(bool),
    max_size=3,
)
plain_texts = st.text(
    alphabet=st.characters(blacklist_characters="\x00\r", blacklist_categories=("Cs",)), max_size=40
)
# Text a spreadsheet would run as a formula, and text that starts with the escape mark itself.
formula_starts = st.sampled_from(["=", "+", "-", "@", "'", "'=", "''", "-5 "])
texts = st.one_of(plain_texts, st.tuples(formula_starts, plain_texts).map("".join)).map(str.strip)
days = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 10, 1))


@st.composite
def journals(draw: st.DrawFn) -> list[object]:
    records: list[object] = []
    for n in range(draw(st.integers(0, 4))):
        applied = draw(days)
        outcome = draw(st.sampled_from(OUTCOMES))
        records.append(
            Application(
                company=draw(texts.filter(bool)),
                role=f"role {n}",
                applied_on=applied,
                stage=draw(st.sampled_from(STAGES)),
                outcome=outcome,
                outcome_on=None
                if outcome == "pending"
                else applied + dt.timedelta(days=draw(st.integers(0, 30))),
                channel=draw(st.sampled_from(CHANNELS)),
                notes=draw(texts),
            )
        )
    for n in range(draw(st.integers(0, 6))):
        records.append(
            MoodEntry(
                at=dt.datetime.combine(draw(days), dt.time(n % 24, n)),
                mood=draw(st.integers(1, 10)),
                emotions=draw(words),
                tags=draw(words),
                energy=draw(st.one_of(st.none(), st.integers(1, 5))),
                note=draw(texts),
                context=draw(st.sampled_from(CONTEXTS)),
            )
        )
    return records


EXPORTS = {"csv": (export_csv, import_csv), "json": (export_json, import_json)}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=journals())
@pytest.mark.parametrize("layout", EXPORTS)
def test_generated_journals_round_trip_identically(
    tmp_path_factory: pytest.TempPathFactory, records: list, layout: str
) -> None:
    export, import_ = EXPORTS[layout]
    base = tmp_path_factory.mktemp("rt")
    with Journal(base / "a.db") as first:
        for record in records:
            first.add(record)
        export(first, base / "one")
    with Journal(base / "b.db") as second:
        import_(second, base / "one")
        export(second, base / "two")
        again = import_(second, base / "one")
    compare = filecmp.dircmp(base / "one", base / "two")
    assert compare.diff_files == [] and len(compare.same_files) == len(RECORD_TYPES)
    assert again.added == {}


# --- duplicate ids ----------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures" / "folder_import"


def test_two_applications_with_one_id_are_refused_not_relinked(journal: Journal) -> None:
    folder = FIXTURES / "duplicate_application_ids"
    with pytest.raises(ImportRowError) as caught:
        import_csv(journal, folder)
    error = caught.value
    assert (error.file, error.line, error.field) == (str(folder / "applications.csv"), 4, "id")
    assert "already the id of line 2" in error.reason
    assert sum(journal.counts().values()) == 0


def test_a_duplicate_id_in_any_file_is_refused(journal: Journal, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mood_entries.csv").write_text(
        "id,at,mood\n4,2026-08-20T18:00:00,4\n5,2026-08-21T18:00:00,5\n4,2026-08-22T18:00:00,6\n"
    )
    with pytest.raises(ImportRowError, match=r"mood_entries\.csv, line 4: id: 4 is already the id of line 2"):
        import_csv(journal, folder)
    assert journal.counts()["mood_entries"] == 0


# --- formulas -------------------------------------------------------------------


def test_formula_cells_are_neutralised_and_come_back_exactly(tmp_path: Path) -> None:
    notes = ['=HYPERLINK("http://x")', "+1", "-5 today", "@SUM(A1)", "'=already quoted", "plain"]
    with Journal(tmp_path / "a.db") as first:
        app = first.add(Application(company="=cmd|' /C calc'!A0", role="-Analyst", applied_on="2026-08-01"))
        for hour, note in enumerate(notes):
            first.add(MoodEntry(at=dt.datetime(2026, 8, 2, hour), mood=5, note=note, tags=["-ish", "ok"]))
        first.add(FeedbackItem(application_id=app.id, text="@mention"))
        export_csv(first, tmp_path / "one")
    with (tmp_path / "one" / "mood_entries.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["note"] for row in rows] == [
        '\'=HYPERLINK("http://x")',
        "'+1",
        "'-5 today",
        "'@SUM(A1)",
        "''=already quoted",
        "plain",
    ]
    assert {row["mood"] for row in rows} == {"5"}
    assert rows[0]["tags"] == "'-ish;ok"
    apps = (tmp_path / "one" / "applications.csv").read_text(encoding="utf-8")
    assert "1,'=cmd|' /C calc'!A0,'-Analyst,2026-08-01," in apps
    with Journal(tmp_path / "b.db") as second:
        import_csv(second, tmp_path / "one")
        assert sorted(m.note for m in second.records(MoodEntry)) == sorted(notes)
        assert second.records(MoodEntry)[0].mood == 5 and second.records(MoodEntry)[0].tags == ("-ish", "ok")
        assert second.records(Application)[0].company == "=cmd|' /C calc'!A0"
        export_csv(second, tmp_path / "two")
    compare = filecmp.dircmp(tmp_path / "one", tmp_path / "two")
    assert compare.diff_files == [] and len(compare.same_files) == len(RECORD_TYPES)


# --- where exports go -------------------------------------------------------------


@pytest.mark.parametrize("export", [export_csv, export_json], ids=["csv", "json"])
def test_export_over_readable_files_leaves_them_private(
    journal: Journal, tmp_path: Path, export: object
) -> None:
    fill(journal)
    target = tmp_path / "out"
    target.mkdir()
    for kind_file in export(journal, target):  # type: ignore[operator]
        os.chmod(kind_file, 0o644)
    for written in export(journal, target):  # type: ignore[operator]
        assert stat.S_IMODE(written.stat().st_mode) == 0o600


@pytest.mark.parametrize("export", [export_csv, export_json], ids=["csv", "json"])
def test_export_creates_its_folders_private(journal: Journal, tmp_path: Path, export: object) -> None:
    export(journal, tmp_path / "new" / "out")  # type: ignore[operator]
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "new" / "out").stat().st_mode) == 0o700


@pytest.mark.parametrize("export", [export_csv, export_json], ids=["csv", "json"])
def test_export_into_a_file_or_an_unwritable_place_says_where(
    journal: Journal, tmp_path: Path, export: object
) -> None:
    existing = tmp_path / "notes.txt"
    existing.write_text("mine")
    with pytest.raises(WorkbookError, match=f"{existing}: is a file, not a folder"):
        export(journal, existing)  # type: ignore[operator]
    assert existing.read_text() == "mine"
    with pytest.raises(OSError) as under_file:
        export(journal, existing / "out")  # type: ignore[operator]
    assert under_file.value.filename == str(existing / "out")
    with pytest.raises(OSError) as unwritable:
        export(journal, "/proc/rebound-export")  # type: ignore[operator]
    assert unwritable.value.filename == "/proc/rebound-export"

"""Export and import of people met, follow-ups, self-reviews, wants and check-ins: exact round trips, all or nothing.

The folder export and import are written once for every record type; these
tests hold them to that for the new kinds: ``id=score`` words, a float score,
praise and invitations, and exports made before those columns existed.
"""

from __future__ import annotations

import csv
import datetime as dt
import filecmp
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.errors import ImportRowError
from workbook.growth_records import CheckIn, FollowUp, Motivation, Person, SelfReview
from workbook.interop.folder import export_csv, import_csv
from workbook.interop.json_export import export_json, import_json
from workbook.interop.layouts import import_folder
from workbook.journal import Journal
from workbook.records import RECORD_TYPES, Application, FeedbackItem

EXPORTS = {"csv": (export_csv, import_csv), "json": (export_json, import_json)}
NEW_TABLES = ("people", "follow_ups", "self_reviews", "motivations", "check_ins")


def fill(journal: Journal) -> None:
    """Every new kind, linked across a gap in the application ids, with text a spreadsheet would run."""
    first = journal.add(
        Application(
            company="Acme",
            role="Analyst",
            applied_on="2026-08-01",
            stage="interview",
            outcome="rejected",
            outcome_on="2026-08-25",
            channel="video_call",
            invited_back=True,
        )
    )
    gone = journal.add(Application(company="Gone", role="Role", applied_on="2026-08-02"))
    journal.delete(Application, gone.id)
    second = journal.add(Application(company="Bümo", role="Engineer", applied_on="2026-08-05"))
    journal.add(FeedbackItem(application_id=first.id, text="=Your portfolio was the best", positive=True))
    journal.add(FeedbackItem(application_id=first.id, text="More SQL depth", themes=["technical_depth"]))
    journal.add(
        Person(application_id=first.id, name="Dana Reyes", role="Hiring manager", contact="+44 7700 900123")
    )
    journal.add(Person(application_id=second.id, name="@jo", note='Said "write in spring",\nkindly'))
    journal.add(
        FollowUp(
            application_id=first.id,
            kind="thank_you",
            created_on="2026-08-25",
            due_on="2026-08-26",
            done_on="2026-08-26",
            person="Dana",
            text="Dear Dana,\nthank you.",
        )
    )
    journal.add(FollowUp(application_id=first.id, created_on="2026-08-25", due_on="2026-11-23"))
    journal.add(
        SelfReview(
            application_id=first.id,
            held_on="2026-08-20",
            ratings=("preparation=4", "communication=5"),
            differently="-Lead with the result",
        )
    )
    journal.add(
        Motivation(application_id=first.id, wanted=5, draws=("remote", "+product"), avoids=("on-call",))
    )
    journal.add(Motivation(application_id=second.id, avoids=("long commute",), note="Two hours each way"))
    journal.add(
        CheckIn(
            at="2026-08-26T20:15:00",
            answers=("recover_quickly=2", "hard_to_return=4"),
            score=11 / 3,
            application_id=first.id,
        )
    )
    journal.add(CheckIn(at="2026-09-09T20:15:00", answers=("recover_quickly=5",), score=5))


@pytest.mark.parametrize("layout", EXPORTS)
def test_every_new_kind_round_trips_to_identical_files(tmp_path: Path, layout: str) -> None:
    export, import_ = EXPORTS[layout]
    with Journal(tmp_path / "a.db") as first:
        fill(first)
        export(first, tmp_path / "one")
        counts = first.counts()
    with Journal(tmp_path / "b.db") as second:
        summary = import_(second, tmp_path / "one")
        export(second, tmp_path / "two")
        assert second.counts() == counts
        again = import_(second, tmp_path / "one")
        assert second.counts() == counts

    compare = filecmp.dircmp(tmp_path / "one", tmp_path / "two")
    assert compare.left_only == compare.right_only == compare.diff_files == []
    assert len(compare.same_files) == len(RECORD_TYPES)
    assert {table: summary.added[table] for table in NEW_TABLES} == {
        "people": 2,
        "follow_ups": 2,
        "self_reviews": 1,
        "motivations": 2,
        "check_ins": 2,
    }
    assert again.added == {}


@pytest.mark.parametrize("layout", EXPORTS)
def test_imported_records_equal_the_exported_ones_linked_to_the_new_ids(tmp_path: Path, layout: str) -> None:
    export, import_ = EXPORTS[layout]
    with Journal(tmp_path / "a.db") as first:
        fill(first)
        export(first, tmp_path / "one")
        before = {kind: first.records(kind) for kind in RECORD_TYPES}
    with Journal(tmp_path / "b.db") as second:
        second.add(Application(company="Mine", role="Already here", applied_on="2026-01-01"))
        import_(second, tmp_path / "one")
        apps = {app.company: app.id for app in second.records(Application)}
        old_apps = {app.id: app.company for app in before[Application]}
        for kind in (Person, FollowUp, SelfReview, Motivation, CheckIn, FeedbackItem):
            after = second.records(kind)
            assert len(after) == len(before[kind])
            for old, new in zip(before[kind], after):
                link = old.application_id and apps[old_apps[old.application_id]]
                assert new.application_id == link
                assert {**new.to_plain(), "id": None, "application_id": None} == {
                    **old.to_plain(),
                    "id": None,
                    "application_id": None,
                }, kind.__name__
        acme = second.get(Application, apps["Acme"])
        assert acme.invited_back is True
        check_in = second.records(CheckIn)[0]
        assert check_in.score == 3.6667 and isinstance(check_in.score, float)


def test_the_csv_layout_of_the_new_kinds(tmp_path: Path) -> None:
    with Journal(tmp_path / "a.db") as journal:
        fill(journal)
        export_csv(journal, tmp_path / "out")

    def rows(name: str) -> list[dict[str, str]]:
        with (tmp_path / "out" / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    assert list(rows("check_ins")[0]) == [
        "id",
        "at",
        "questionnaire_id",
        "answers",
        "score",
        "application_id",
    ]
    assert rows("check_ins")[0]["answers"] == "recover_quickly=2;hard_to_return=4"
    assert [row["score"] for row in rows("check_ins")] == ["3.6667", "5.0"]
    assert rows("check_ins")[1]["application_id"] == ""
    assert list(rows("self_reviews")[0]) == ["id", "application_id", "held_on", "ratings", "differently"]
    assert rows("self_reviews")[0]["ratings"] == "preparation=4;communication=5"
    assert rows("self_reviews")[0]["differently"] == "'-Lead with the result"  # a formula, neutralised
    assert list(rows("follow_ups")[0]) == [
        "id", "application_id", "kind", "created_on", "due_on", "done_on", "person", "text",
    ]  # fmt: skip
    assert rows("follow_ups")[1]["done_on"] == ""
    assert list(rows("motivations")[0]) == ["id", "application_id", "wanted", "draws", "avoids", "note"]
    assert rows("motivations")[0]["draws"] == "remote;+product"
    assert rows("motivations")[1]["wanted"] == ""
    assert list(rows("people")[0]) == ["id", "application_id", "name", "role", "contact", "note"]
    assert rows("people")[0]["contact"] == "'+44 7700 900123"
    assert rows("applications")[0]["invited_back"] == "true"
    assert [row["positive"] for row in rows("feedback_items")] == ["true", "false"]


def test_the_json_layout_keeps_words_as_lists_and_the_score_as_a_number(tmp_path: Path) -> None:
    with Journal(tmp_path / "a.db") as journal:
        fill(journal)
        export_json(journal, tmp_path / "out")

    check_ins = json.loads((tmp_path / "out" / "check_ins.json").read_text(encoding="utf-8"))
    motivations = json.loads((tmp_path / "out" / "motivations.json").read_text(encoding="utf-8"))
    assert check_ins[0]["answers"] == ["recover_quickly=2", "hard_to_return=4"]
    assert check_ins[0]["score"] == 3.6667 and check_ins[1]["score"] == 5.0
    assert motivations[1]["wanted"] is None
    apps = json.loads((tmp_path / "out" / "applications.json").read_text(encoding="utf-8"))
    assert apps[0]["invited_back"] is True


# --- exports from before the new columns ------------------------------------------


def test_a_csv_export_from_before_invitations_and_praise_still_imports(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "applications.csv").write_text(
        "id,company,role,applied_on,stage,outcome,outcome_on,channel,notes\n"
        "4,Acme,Analyst,2026-08-01,interview,rejected,2026-08-25,video_call,\n"
    )
    (folder / "feedback_items.csv").write_text(
        "id,application_id,text,themes,confirmed\n1,4,More SQL depth,technical_depth,true\n"
    )
    with Journal(tmp_path / "j.db") as journal:
        import_folder(journal, folder)
        (app,) = journal.records(Application)
        (item,) = journal.records(FeedbackItem)
        assert app.invited_back is False
        assert (item.positive, item.confirmed, item.application_id) == (False, True, app.id)
        assert all(journal.counts()[table] == 0 for table in NEW_TABLES)


def test_a_json_export_from_before_invitations_and_praise_still_imports(tmp_path: Path) -> None:
    with Journal(tmp_path / "a.db") as first:
        fill(first)
        export_json(first, tmp_path / "out")
    for name, field in (("applications", "invited_back"), ("feedback_items", "positive")):
        path = tmp_path / "out" / f"{name}.json"
        entries = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps([{k: v for k, v in e.items() if k != field} for e in entries]))
    for table in NEW_TABLES:
        (tmp_path / "out" / f"{table}.json").unlink()

    with Journal(tmp_path / "b.db") as second:
        import_json(second, tmp_path / "out")
        assert [app.invited_back for app in second.records(Application)] == [False, False]
        assert [item.positive for item in second.records(FeedbackItem)] == [False, False]


# --- all or nothing ---------------------------------------------------------------

APPLICATIONS_CSV = "id,company,role,applied_on\n5,Good Co,Analyst,2026-08-01\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "self_reviews.csv",
            "id,application_id,held_on,ratings\n1,5,2026-08-20,preparation=4\n2,5,2026-08-21,preparation=6\n",
            "self_reviews.csv, line 3: ratings: preparation must be scored from 1 to 5, not 6",
        ),
        (
            "self_reviews.csv",
            "application_id,held_on,ratings\n5,2026-08-20,preparation=4;preparation=3\n",
            "self_reviews.csv, line 2: ratings: 'preparation' is scored twice",
        ),
        (
            "check_ins.csv",
            "at,answers,score\n2026-08-20T20:00:00,recover_quickly=4,high\n",
            "check_ins.csv, line 2: score: 'high' is not a number",
        ),
        (
            "check_ins.csv",
            "at,answers,score\n2026-08-20T20:00:00,recover_quickly=4,5.5\n",
            "check_ins.csv, line 2: score: must be between 1 and 5",
        ),
        (
            "check_ins.csv",
            "at,answers,score\n2026-08-20T20:00:00,recover_quickly=4,\n",
            "check_ins.csv, line 2: score: is required: the mean of the answers, from 1 to 5",
        ),
        (
            "check_ins.csv",
            "at,answers\n2026-08-20T20:00:00,recover_quickly=4\n",
            "check_ins.csv, line 2: score: must be between 1 and 5",
        ),
        (
            "check_ins.csv",
            "at,answers,score\n2026-08-20T20:00:00,recover_quickly:4,4\n",
            "check_ins.csv, line 2: answers: 'recover_quickly:4' is not id=score",
        ),
        (
            "follow_ups.csv",
            "application_id,kind,created_on,done_on\n5,thank_you,2026-08-20,2026-08-19\n",
            "follow_ups.csv, line 2: done_on: 2026-08-19 is before the day the follow-up was noted",
        ),
        (
            "follow_ups.csv",
            "application_id,kind,created_on\n5,letter,2026-08-20\n",
            "follow_ups.csv, line 2: kind: 'letter' is not one of thank_you, reconnect",
        ),
        (
            "motivations.csv",
            "application_id,wanted\n5,0\n",
            "motivations.csv, line 2: wanted: must be between 1 and 5, not 0",
        ),
        ("people.csv", "application_id,name\n5,\n", "people.csv, line 2: name: must not be empty"),
        ("people.csv", "application_id,name\n9,Dana\n", "people.csv, line 2: application_id: no application with id 9"),
        ("people.csv", "application_id,role\n5,Recruiter\n", "people.csv, line 1: name: column is missing"),
        (
            "feedback_items.csv",
            "application_id,text,positive\n5,Great work,maybe\n",
            "feedback_items.csv, line 2: positive: 'maybe' is not true or false",
        ),
    ],
)  # fmt: skip
def test_one_bad_row_of_a_new_kind_refuses_the_whole_import(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "applications.csv").write_text(APPLICATIONS_CSV)
    (folder / "people.csv").write_text(
        "application_id,name\n5,Fine Person\n"
    ) if name != "people.csv" else None
    (folder / name).write_text(content)
    with Journal(tmp_path / "j.db") as journal:
        with pytest.raises(ImportRowError) as caught:
            import_csv(journal, folder)
        assert sum(journal.counts().values()) == 0
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"at": "2026-08-20T20:00:00", "answers": ["a=4"], "score": "4"}, "score: should be a number, not \"4\""),
        ({"at": "2026-08-20T20:00:00", "answers": "a=4", "score": 4}, "answers: should be a list"),
        ({"at": "2026-08-20T20:00:00", "answers": ["a=4"], "score": 4, "mood": 3}, "mood: is not a field of check_ins"),
    ],
)  # fmt: skip
def test_a_json_check_in_of_the_wrong_shape_is_refused(tmp_path: Path, entry: dict, message: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "check_ins.json").write_text(json.dumps([entry]))
    with Journal(tmp_path / "j.db") as journal:
        with pytest.raises(ImportRowError) as caught:
            import_json(journal, folder)
        assert journal.counts()["check_ins"] == 0
    assert message in str(caught.value)


# --- any score, any words ---------------------------------------------------------

score_values = st.floats(min_value=1, max_value=5, allow_nan=False)
ratings = st.dictionaries(
    st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True), st.integers(1, 5), min_size=1, max_size=6
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scores=st.lists(score_values, min_size=1, max_size=4), marks=ratings)
@pytest.mark.parametrize("layout", EXPORTS)
def test_any_score_and_any_ratings_come_back_exactly(
    tmp_path_factory: pytest.TempPathFactory, scores: list[float], marks: dict[str, int], layout: str
) -> None:
    export, import_ = EXPORTS[layout]
    base = tmp_path_factory.mktemp("scores")
    start = dt.datetime(2026, 1, 1, 20, 0)
    with Journal(base / "a.db") as first:
        app = first.add(Application(company="Acme", role="Analyst", applied_on="2025-12-01"))
        first.add(SelfReview(application_id=app.id, held_on="2025-12-10", ratings=marks))
        for n, value in enumerate(scores):
            first.add(CheckIn(at=start + dt.timedelta(days=n), answers=marks, score=value))
        export(first, base / "one")
        stored = [c.score for c in first.records(CheckIn)]
    with Journal(base / "b.db") as second:
        import_(second, base / "one")
        assert [c.score for c in second.records(CheckIn)] == stored
        assert (
            second.records(SelfReview)[0].ratings
            == SelfReview(application_id=1, held_on="2025-12-10", ratings=marks).ratings
        )
        export(second, base / "two")
    compare = filecmp.dircmp(base / "one", base / "two")
    assert compare.diff_files == [] and len(compare.same_files) == len(RECORD_TYPES)


# --- the documented layout --------------------------------------------------------


def test_the_export_layout_page_lists_every_file_with_its_columns() -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "export-layout.md").read_text(encoding="utf-8")

    for kind in RECORD_TYPES:
        assert f"| `{kind.TABLE}.csv` | `{', '.join(kind.columns())}` |" in page, kind.TABLE

"""Storing many records at once: each quicker path agrees with the general one it stands beside.

``Journal.add_new`` places every row in one step when all are new (the usual
import into a new journal); the journal must end up exactly as placing them one
by one leaves it.  Word lists, self-review scores and single words take short
paths too; each is pinned to the full rule on hand-worked cases, valid and not.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from workbook import journal_writes as journal_module
from workbook.errors import ValidationError
from workbook.growth_records import CheckIn, SelfReview, check_scores
from workbook.journal import Journal
from workbook.records import RECORD_TYPES, MoodEntry, SupportContact
from workbook.sql_values import _words, to_value_rows
from workbook.values import MAX_ID, _plain_words, check_words

DAY = dt.datetime(2024, 3, 1, 8)


def mood(n: int, *, id: int | None = None, note: str = "") -> MoodEntry:
    return MoodEntry(id=id, at=DAY + dt.timedelta(hours=n), mood=1 + n % 10, note=note or f"entry {n}")


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in id order."""
    with sqlite3.connect(path) as conn:
        return {
            kind.TABLE: conn.execute(f"SELECT * FROM {kind.TABLE} ORDER BY id").fetchall()
            for kind in RECORD_TYPES
        }


def both_ways(
    tmp_path: Path, stored: list[MoodEntry], added: list[MoodEntry], keep_id: bool
) -> tuple[list[tuple[int, bool]], list[tuple[int, bool]]]:
    """``add_new(added)`` after ``stored``, with and without the one-step placing; the journals must match."""
    answers = []
    for name, quick in (("quick", True), ("slow", False)):
        path = tmp_path / f"{name}.db"
        with Journal(path) as journal:
            journal.add_new(stored, keep_id=True)
            original = journal_module._all_new
            if not quick:
                journal_module._all_new = lambda *args: False  # type: ignore[assignment]
            try:
                answers.append(journal.add_new(added, keep_id=keep_id))
            finally:
                journal_module._all_new = original
    assert dump(tmp_path / "quick.db") == dump(tmp_path / "slow.db")
    return answers[0], answers[1]


CASES = {
    "own ids, all free": ([], [mood(n, id=10 + n) for n in range(5)], True),
    "own ids, one taken": ([mood(0, id=3)], [mood(n, id=2 + n) for n in range(1, 5)], True),
    "own ids, one twice": ([], [mood(1, id=7), mood(2, id=7), mood(3, id=8)], True),
    "own ids, one missing": ([mood(0, id=5)], [mood(1, id=9), mood(2), mood(3, id=2)], True),
    "no ids": ([mood(0, id=40)], [mood(n) for n in range(1, 6)], True),
    "ids not kept": ([mood(0, id=4)], [mood(n, id=n) for n in range(1, 6)], False),
    "one already stored": ([mood(2, id=1)], [mood(n, id=20 + n) for n in range(4)], True),
    "one given twice": ([], [mood(1, id=1), mood(1, id=2), mood(2, id=3)], True),
    "one given twice, no ids": ([], [mood(1), mood(1), mood(2)], False),
    "ids near the largest": ([mood(0, id=MAX_ID - 3)], [mood(n) for n in range(1, 4)], True),
    "the largest id taken last": ([mood(0, id=MAX_ID - 1)], [mood(1)], True),
}


@pytest.mark.parametrize("case", list(CASES))
def test_placing_all_at_once_leaves_the_journal_as_placing_one_by_one(tmp_path: Path, case: str) -> None:
    stored, added, keep_id = CASES[case]
    quick, slow = both_ways(tmp_path, stored, added, keep_id)
    assert quick == slow


def test_the_one_step_placing_is_taken_for_a_new_journal(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.db") as journal:
        taken = journal_module._Ids([])
        rows = to_value_rows([mood(1), mood(2)])
        key_of = journal_module._key_getter(MoodEntry)
        assert journal_module._all_new(rows, key_of, {}, taken, True)
        assert [row[0] for row in rows] == [1, 2]
        assert journal.add_new([mood(1, id=4), mood(2, id=9)], keep_id=True) == [(4, True), (9, True)]
        assert journal.add_new([mood(3), mood(1)], keep_id=True) == [(10, True), (4, False)]


def test_records_of_another_type_go_the_same_way(tmp_path: Path) -> None:
    day = dt.date(2024, 1, 2)
    people = [SupportContact(talked_on=day, who=w) for w in ("Ana", "Ben", "Ana")]
    for name, quick in (("quick", True), ("slow", False)):
        with Journal(tmp_path / f"{name}.db") as journal:
            original = journal_module._all_new
            if not quick:
                journal_module._all_new = lambda *args: False  # type: ignore[assignment]
            try:
                assert journal.add_new(people) == [(1, True), (2, True), (1, False)]
            finally:
                journal_module._all_new = original
    assert dump(tmp_path / "quick.db") == dump(tmp_path / "slow.db")


# --- word lists ---------------------------------------------------------------------

WORDS_VALID = [
    "",
    "  ",
    "calm",
    "  calm ",
    "calm;tired",
    " calm ; calm ;",
    "x" * 100,
    "  " + "x" * 100 + " ",
    (),
    [],
    ("calm",),
    ["calm", " calm", "tired"],
    ("", " "),
    "naïve café",
    "a b",
    "calm;tired;calm",
    ("tired", "calm"),
    " a ; ; b ",
    ("a ", " a", "b"),
]
WORDS_INVALID = [
    ("x" * 101, "tags: is 101 characters long; the limit is 100"),
    ("a\x00b", "tags: contains a NUL byte"),
    (("a;b",), "tags: 'a;b' contains ';', which separates words"),
    (5, "tags: must be a list of words"),
    (("a", 5), "tags: must be text, not int"),
]


def general_words(value: Any) -> tuple[str, ...]:
    """check_words by its general path only (no short path), as the rule reads in full."""
    if value is None or value == "":
        return ()
    items = value.split(";") if isinstance(value, str) else value
    words: list[str] = []
    for item in items:
        word = item.strip()
        if word and word not in words:
            words.append(word)
    return tuple(words)


@pytest.mark.parametrize("value", WORDS_VALID, ids=repr)
def test_single_words_and_empty_lists_agree_with_the_full_rule(value: Any) -> None:
    for _ in range(2):  # the second time, a list already seen is remembered
        assert check_words("tags", value) == general_words(value)
    quick = _plain_words(value)
    assert quick is None or quick == general_words(value)


@pytest.mark.parametrize(("value", "message"), WORDS_INVALID, ids=repr)
def test_bad_words_are_still_refused_in_one_line(value: Any, message: str) -> None:
    for _ in range(2):  # a refused list is never remembered
        with pytest.raises(ValidationError) as caught:
            check_words("tags", value)
        assert str(caught.value) == message


def test_a_remembered_list_is_not_given_for_one_that_only_looks_alike() -> None:
    assert check_words("tags", ("1", "a")) == ("1", "a")
    with pytest.raises(ValidationError, match="^tags: must be text, not int$"):
        check_words("tags", (1, "a"))
    assert check_words("tags", "a;b;a") == ("a", "b") == check_words("tags", ("a", "b", "a"))
    with pytest.raises(ValidationError, match="^tags: must be text, not list$"):
        check_words("tags", (["a"], "b"))
    assert check_words("tags", [" x", "y ", "x"]) == ("x", "y") == check_words("tags", (" x", "y ", "x"))
    with pytest.raises(ValidationError, match="^tags: must be text, not list$"):
        check_words("tags", [["a"], "b"])
    with pytest.raises(ValidationError, match="^tags: 'x;y' contains ';', which separates words$"):
        check_words("tags", ["x;y"])


@pytest.mark.parametrize(
    "words", [(), [], ("calm",), ("a", "b"), ("naïve", 'say "hi"', "back\\slash")], ids=repr
)
def test_word_lists_are_written_as_json_dumps_writes_them(words: Any) -> None:
    assert _words(words) == json.dumps(list(words), ensure_ascii=False)


# --- scores ---------------------------------------------------------------------------

SCORES_VALID = {
    "communication=4": ("communication=4",),
    "Communication = 4;preparation=5": ("communication=4", "preparation=5"),
    " a_1 =1 ; b=5 ": ("a_1=1", "b=5"),
    "x=3;x=3": ("x=3",),  # a repeated word is one word, as check_words has it
}
SCORES_INVALID = {
    "communication": "ratings: 'communication' is not id=score (like communication=4)",
    "communication=6": "ratings: communication must be scored from 1 to 5, not 6",
    "a=1;A=2": "ratings: 'a' is scored twice",
    "é=3": "ratings: 'é=3' is not id=score (like communication=4)",
    "": "ratings: needs at least one score",
}


@pytest.mark.parametrize("round_", [1, 2], ids=["first", "remembered"])
def test_scores_are_read_the_same_the_first_time_and_after(round_: int) -> None:
    for given, expected in SCORES_VALID.items():
        assert check_scores("ratings", given, required=True) == expected
    for given, message in SCORES_INVALID.items():
        with pytest.raises(ValidationError) as caught:
            check_scores("ratings", given, required=True)
        assert str(caught.value) == message


def test_records_with_scores_build_and_refuse_as_before() -> None:
    day = dt.date(2024, 1, 2)
    for _ in range(2):
        review = SelfReview(application_id=1, held_on=day, ratings="Preparation=4; examples=2")
        assert review.ratings == ("preparation=4", "examples=2")
        with pytest.raises(ValidationError, match=r"^answers: 'calm=9' is not|^answers: calm must be"):
            CheckIn(at=DAY, answers="calm=9", score=3)


def test_a_remembered_word_list_is_written_as_the_first_time() -> None:
    for _ in range(2):
        assert _words(("calm", "tired")) == '["calm", "tired"]'
        assert _words(["calm", "tired"]) == '["calm", "tired"]'
        assert _words((1, "a")) == '[1, "a"]'
        assert _words((["a"],)) == '[["a"]]'


def test_replacing_stage_histories_deletes_only_what_was_there(tmp_path: Path) -> None:
    from workbook.records import Application, StageChange

    with Journal(tmp_path / "j.db") as journal:
        first = journal.add(Application(company="A", role="R", applied_on="2024-01-02", stage="screen"))
        second = journal.add_new(
            [Application(company="B", role="R", applied_on="2024-01-03")], histories_given={0}
        )[0][0]
        history = [StageChange(application_id=1, stage="applied", changed_on="2024-01-05")]
        journal.set_stage_histories({first.id: history, second: history})  # type: ignore[dict-item]
        rows = [(c.application_id, c.stage, c.changed_on) for c in journal.records(StageChange)]
    day = dt.date(2024, 1, 5)
    assert rows == [(first.id, "applied", day), (second, "applied", day)]


def test_an_import_that_brings_every_history_ends_as_if_each_had_been_started_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbook.interop.folder import import_csv
    from workbook.records import Application

    source = tmp_path / "export"
    source.mkdir()
    (source / "applications.csv").write_text(
        "id,company,role,applied_on,stage,outcome,outcome_on,channel,notes,invited_back\r\n"
        "1,Acme,Dev,2020-01-02,interview,rejected,2020-02-01,email,,false\r\n"
        "3,Core,QA,2020-01-04,applied,pending,,phone,,false\r\n",
        encoding="utf-8",
    )
    (source / "stage_changes.csv").write_text(
        "id,application_id,stage,changed_on\r\n"
        "1,1,applied,2020-01-02\r\n2,1,interview,2020-01-10\r\n7,3,applied,2020-01-04\r\n",
        encoding="utf-8",
    )

    def imported(journal_file: Path) -> dict[str, list[tuple[Any, ...]]]:
        with Journal(journal_file) as journal:
            journal.add(Application(company="Old", role="Dev", applied_on="2019-05-01", stage="screen"))
            import_csv(journal, source)
        return dump(journal_file)

    quick = imported(tmp_path / "quick.db")
    add_new = Journal.add_new
    monkeypatch.setattr(
        Journal,
        "add_new",
        lambda self, records, keep_id=False, histories_given=(): add_new(self, records, keep_id=keep_id),
    )
    assert quick == imported(tmp_path / "started-then-replaced.db")
    # The file's application 1 becomes 2 (1 is taken); its history's ids 1 and 2 are taken too.
    assert quick["stage_changes"][2:] == [
        (3, 2, "applied", "2020-01-02"),
        (4, 2, "interview", "2020-01-10"),
        (7, 3, "applied", "2020-01-04"),
    ]

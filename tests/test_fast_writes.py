"""The faster write path gives the same values and the same refusals as the rules it speeds up.

Values: the usual well-formed value takes a short path, anything else the
general one; both must agree on every edge case below (hand-worked, with the
exact one-line message).  Records: ``Record.build`` and ``build_row`` give what
the constructor gives.  Stored values: word lists, dates and timestamps are
written exactly as ``json.dumps`` and ``isoformat`` write them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook import values
from workbook.errors import ValidationError
from workbook.records import CATEGORIES, RECORD_TYPES, Action, Application, MoodEntry, StageChange
from workbook.sql_values import to_row, to_sql, to_values
from workbook.values import (
    check_choice,
    check_id,
    check_past_date,
    check_past_timestamp,
    check_scale,
    check_text,
    check_words,
    one_today,
    parse_date,
    parse_timestamp,
)


def refusal(check: Any, *args: Any, **kwargs: Any) -> str:
    """The one-line message ``check`` refuses with."""
    with pytest.raises(ValidationError) as caught:
        check(*args, **kwargs)
    return str(caught.value)


# --- values ------------------------------------------------------------------------


def test_text_usual_and_unusual() -> None:
    assert check_text("note", "  fine  ") == "fine"
    assert check_text("note", None) == ""
    assert refusal(check_text, "note", "a\x00b") == "note: contains a NUL byte"
    assert refusal(check_text, "company", "   ", required=True) == "company: must not be empty"
    assert refusal(check_text, "who", " " + "x" * 201 + " ", limit=200) == (
        "who: is 201 characters long; the limit is 200"
    )
    assert refusal(check_text, "note", 5) == "note: must be text, not int"


def test_dates_usual_and_unusual() -> None:
    assert parse_date("d", " 2020-01-02 ") == dt.date(2020, 1, 2)
    assert parse_date("d", "20200102") == dt.date(2020, 1, 2)  # ISO's basic form, as before
    assert parse_date("d", "") is None
    assert parse_date("d", None) is None
    assert parse_date("d", dt.datetime(2020, 1, 2, 8)) == dt.date(2020, 1, 2)
    assert refusal(parse_date, "d", " ") == "d: ' ' is not a date (use YYYY-MM-DD)"
    assert refusal(parse_date, "d", "2020-13-01") == "d: '2020-13-01' is not a date (use YYYY-MM-DD)"
    assert refusal(parse_date, "d", "1899-12-31") == "d: 1899-12-31 is before 1900; check the year"


def test_timestamps_usual_and_unusual() -> None:
    assert parse_timestamp("at", "2020-01-02T03:04:05") == dt.datetime(2020, 1, 2, 3, 4, 5)
    assert parse_timestamp("at", " 2020-01-02 03:04:05.678 ") == dt.datetime(2020, 1, 2, 3, 4, 5)
    assert parse_timestamp("at", dt.datetime(2020, 1, 2, 3, 4, 5, 999)) == dt.datetime(2020, 1, 2, 3, 4, 5)
    assert parse_timestamp("at", dt.date(2020, 1, 2)) == dt.datetime(2020, 1, 2)
    assert parse_timestamp("at", "") is None
    aware = dt.datetime(2020, 6, 1, 12, tzinfo=dt.UTC)
    assert parse_timestamp("at", aware.isoformat()) == aware.astimezone().replace(tzinfo=None)
    assert (
        refusal(parse_timestamp, "at", "soon")
        == "at: 'soon' is not a date and time (use YYYY-MM-DDTHH:MM:SS)"
    )
    assert (
        refusal(parse_timestamp, "at", "1899-12-31T23:00:00")
        == "at: 1899-12-31 is before 1900; check the year"
    )
    assert refusal(parse_timestamp, "at", 5) == "at: 5 is not a date and time"


def test_scales_usual_and_unusual() -> None:
    assert check_scale("mood", "7", 1, 10) == 7
    assert check_scale("mood", " 7 ", 1, 10) == 7
    assert check_scale("mood", "١٠", 1, 10) == 10  # int() reads other scripts' digits, as before
    assert check_scale("mood", 7.0, 1, 10) == 7
    assert check_scale("energy", "", 1, 5, required=False) is None
    assert refusal(check_scale, "mood", "11", 1, 10) == "mood: must be between 1 and 10, not 11"
    assert refusal(check_scale, "mood", "0", 1, 10) == "mood: must be between 1 and 10, not 0"
    assert refusal(check_scale, "mood", "seven", 1, 10) == "mood: 'seven' is not a whole number"
    assert refusal(check_scale, "mood", True, 1, 10) == "mood: must be a whole number from 1 to 10"
    assert refusal(check_scale, "mood", "", 1, 10) == "mood: is required"


def test_ids_usual_and_unusual() -> None:
    assert check_id("id", "12") == 12
    assert check_id("id", " 12 ") == 12
    assert check_id("id", 12) == 12
    assert check_id("id", str(values.MAX_ID)) == values.MAX_ID
    assert refusal(check_id, "id", "0") == "id: '0' is not a record id"
    assert refusal(check_id, "id", 0) == "id: 0 is not a record id"
    assert refusal(check_id, "id", "-1") == "id: '-1' is not a record id"
    assert refusal(check_id, "id", True) == "id: True is not a record id"
    assert refusal(check_id, "id", str(2**63)) == f"id: {2**63} is larger than any record id"
    assert refusal(check_id, "id", 2**63) == f"id: {2**63} is larger than any record id"


def test_words_usual_and_unusual() -> None:
    assert check_words("tags", "") == ()
    assert check_words("tags", " walked ") == ("walked",)
    assert check_words("tags", "a; ;b;a") == ("a", "b")
    assert check_words("tags", ["a", None, " a ", "b"]) == ("a", "b")
    assert check_words("tags", ("x",)) == ("x",)
    assert refusal(check_words, "tags", "a\x00") == "tags: contains a NUL byte"
    assert refusal(check_words, "tags", ["x;y"]) == "tags: 'x;y' contains ';', which separates words"
    assert refusal(check_words, "tags", "w" * 101) == "tags: is 101 characters long; the limit is 100"
    assert refusal(check_words, "tags", ["ok", 5]) == "tags: must be text, not int"
    assert refusal(check_words, "tags", 5) == "tags: must be a list of words"


@given(st.lists(st.text(max_size=8), max_size=5) | st.text(max_size=30))
def test_words_agree_with_the_rule_for_each_word(given_words: list[str] | str) -> None:
    """The short path for words gives what checking each word in turn gives, or refuses alike."""
    items = given_words.split(";") if isinstance(given_words, str) else given_words
    expected: list[str] = []
    problem = None
    for item in items if given_words != "" else []:
        try:
            word = check_text("tags", item, limit=values.MAX_WORD)
        except ValidationError as error:
            problem = str(error)
            break
        if ";" in word:
            problem = f"tags: {word!r} contains ';', which separates words"
            break
        if word and word not in expected:
            expected.append(word)
    if problem is None:
        assert check_words("tags", given_words) == tuple(expected)
    else:
        assert refusal(check_words, "tags", given_words) == problem


def test_choices_usual_and_unusual() -> None:
    assert check_choice("context", "daily", ("daily", "after_call")) == "daily"
    assert check_choice("context", " Daily ", ("daily", "after_call")) == "daily"
    assert check_choice("context", "daily", iter(["daily"])) == "daily"
    assert refusal(check_choice, "context", "x", ("daily",)) == "context: 'x' is not one of daily"
    # The short path returns the value as given, so every list of choices must be stored forms.
    for choices in CATEGORIES.values():
        assert all(choice == choice.strip().lower() for choice in choices)


def test_one_today_pins_the_day_for_its_block_only() -> None:
    assert values.today() == dt.date.today()
    with one_today() as day:
        assert values.today() == day
        tomorrow = (day + dt.timedelta(days=1)).isoformat()
        assert refusal(check_past_date, "talked_on", tomorrow) == f"talked_on: {tomorrow} is in the future"
        assert (
            refusal(check_past_timestamp, "at", tomorrow + "T00:00:00") == f"at: {tomorrow} is in the future"
        )
        assert check_past_date("talked_on", day) == day
        with one_today():
            assert values.today() == day
    assert values._PINNED_TODAY.get() is None


# --- records -----------------------------------------------------------------------

GOOD = [
    (MoodEntry, {"id": "3", "at": "2020-01-02T08:00:00", "mood": "7", "emotions": "calm;tired", "tags": ""}),
    (MoodEntry, {"at": dt.datetime(2020, 1, 2, 8, 0, 0, 5), "mood": 7, "tags": ["walked", "walked"]}),
    (
        Application,
        {
            "company": " Acme ",
            "role": "Dev",
            "applied_on": "2020-01-02",
            "outcome": "rejected",
            "outcome_on": "2020-02-01",
            "stage": "interview",
            "invited_back": "yes",
        },
    ),
    (StageChange, {"application_id": "1", "stage": "screen", "changed_on": "2020-01-05"}),
    (Action, {"title": "Practise", "due_on": "2999-01-01"}),
]

BAD = [
    (MoodEntry, {"at": "2020-01-02T08:00:00", "mood": "11"}),
    (MoodEntry, {"at": "2999-01-02T08:00:00", "mood": "5"}),
    (Application, {"company": "Acme", "role": "Dev", "applied_on": "2020-01-02", "outcome": "rejected"}),
    (
        Application,
        {
            "company": "Acme",
            "role": "Dev",
            "applied_on": "2020-01-02",
            "outcome": "pending",
            "outcome_on": "2019-01-01",
        },
    ),
    (Action, {"title": "Practise", "created_on": "2020-01-05", "done_on": "2020-01-01"}),
]


@pytest.mark.parametrize(("kind", "given_values"), GOOD)
def test_build_gives_what_the_constructor_gives(kind: type, given_values: dict[str, Any]) -> None:
    made = kind(**given_values)
    for built in (kind.build(given_values), kind.build_row(list(given_values), list(given_values.values()))):
        assert built == made
        assert built.__dict__ == made.__dict__
        assert {k: type(v) for k, v in built.__dict__.items()} == {
            k: type(v) for k, v in made.__dict__.items()
        }


@pytest.mark.parametrize(("kind", "given_values"), BAD)
def test_build_refuses_what_the_constructor_refuses(kind: type, given_values: dict[str, Any]) -> None:
    expected = refusal(kind, **given_values)
    assert refusal(kind.build, given_values) == expected
    assert refusal(kind.build_row, list(given_values), list(given_values.values())) == expected


def test_build_with_a_field_missing_or_unknown_fails_as_the_constructor_does() -> None:
    for given_values in ({"mood": 5}, {"at": "2020-01-02T08:00:00", "mood": 5, "colour": "red"}):
        with pytest.raises(TypeError) as made:
            MoodEntry(**given_values)
        with pytest.raises(TypeError) as built:
            MoodEntry.build(given_values)
        assert str(built.value) == str(made.value)


#: Fields of a valid record of each type, by type name, as an import's cells would give them.
VALID: dict[str, dict[str, Any]] = {
    "Application": {"company": "Acme", "role": "Dev", "applied_on": "2020-01-02"},
    "StageChange": {"application_id": "1", "stage": "screen", "changed_on": "2020-01-05"},
    "CallNotes": {"application_id": "1", "held_on": "2020-01-05"},
    "FeedbackItem": {"application_id": "1", "text": "Good answers"},
    "MoodEntry": {"at": "2020-01-02T08:00:00", "mood": "5", "energy": "3", "application_id": "1"},
    "Reflection": {
        "at": "2020-01-02T08:00:00",
        "prompt_id": "p",
        "prompt": "Why?",
        "answer": "So.",
        "application_id": "1",
    },
    "ChecklistRun": {"at": "2020-01-02T08:00:00", "checklist_id": "before", "application_id": "1"},
    "Action": {"title": "Practise", "application_id": "1"},
    "SupportContact": {"talked_on": "2020-01-02", "who": "Sam", "helped": "4"},
    "Person": {"application_id": "1", "name": "Kim"},
    "FollowUp": {"application_id": "1"},
    "SelfReview": {"application_id": "1", "held_on": "2020-01-05", "ratings": "clarity=3"},
    "Motivation": {"application_id": "1", "wanted": "4"},
    "CheckIn": {"at": "2020-01-02T08:00:00", "answers": "calm=3", "score": "3", "application_id": "1"},
}


@pytest.mark.parametrize("kind", RECORD_TYPES)
def test_every_whole_number_field_refuses_a_number_too_large_to_store(kind: type) -> None:
    """The CSV import's short path leaves this to the fields' own rules (see interop/folder.py)."""
    valid = {"id": "1", **VALID[kind.__name__]}
    kind.build(valid)  # valid as it stands
    numbers = [name for name, field_kind in kind.kinds().items() if field_kind == "int"]
    assert numbers
    for name in numbers:
        for too_large in (str(2**63), 2**63, str(-(2**63) - 1), " " + "9" * 30 + " "):
            with pytest.raises(ValidationError):
                kind.build({**valid, name: too_large})


# --- stored values -----------------------------------------------------------------

WORD_LISTS = [(), ("a",), ("a", "b"), ('say "hi"', "back\\slash", "tab\there", "é ü 猫", "\u2028", "\x01")]
MOMENTS = [
    dt.datetime(2020, 1, 2, 3, 4, 5),
    dt.datetime(2020, 1, 2, 3, 4, 5, 678),
    dt.datetime(999, 12, 31, 23, 59, 59),
    dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    dt.datetime(2020, 1, 2, 3, 4, 5, fold=1),
]


@pytest.mark.parametrize("words", WORD_LISTS)
def test_word_lists_are_stored_as_json_dumps_writes_them(words: tuple[str, ...]) -> None:
    assert to_sql("words", words) == json.dumps(list(words), ensure_ascii=False)
    assert to_sql("words", list(words)) == json.dumps(list(words), ensure_ascii=False)


def test_word_lists_that_are_not_text_are_stored_as_json_dumps_writes_them() -> None:
    assert to_sql("words", (1, "a")) == json.dumps([1, "a"], ensure_ascii=False)


@pytest.mark.parametrize("moment", MOMENTS)
def test_timestamps_and_dates_are_stored_as_isoformat_writes_them(moment: dt.datetime) -> None:
    for _twice in range(2):  # the second time from what was remembered
        assert to_sql("timestamp", moment) == moment.isoformat(timespec="seconds")
        assert to_sql("date", moment.date()) == moment.date().isoformat()
    assert to_sql("date", moment) == moment.isoformat()  # a timestamp where a date belongs, as stored


def test_a_record_is_stored_field_by_field() -> None:
    entry = MoodEntry(
        id=4, at="2020-01-02T08:00:00", mood=7, emotions=("calm",), energy=None, context="daily"
    )
    assert to_values(entry) == [4, "2020-01-02T08:00:00", 7, '["calm"]', "[]", None, "", "daily", None]
    assert to_row(entry) == dict(zip(MoodEntry.columns(), to_values(entry)))


def test_the_constructor_takes_and_refuses_what_dataclass_would() -> None:
    messages = []
    for given_values in ({"mood": 5}, {}, {"at": "2020-01-02T08:00:00", "mood": 5, "colour": 1}):
        with pytest.raises(TypeError) as caught:
            MoodEntry(**given_values)
        messages.append(str(caught.value))
    assert messages == [
        "MoodEntry.__init__() missing 1 required keyword-only argument: 'at'",
        "MoodEntry.__init__() missing 2 required keyword-only arguments: 'at' and 'mood'",
        "MoodEntry.__init__() got an unexpected keyword argument 'colour'",
    ]
    assert str(inspect.signature(Action)) == (
        "(*, id: 'int | None' = None, title: 'str', created_on: 'dt.date' = <factory>, theme: 'str' = '', "
        "due_on: 'dt.date | None' = None, done_on: 'dt.date | None' = None, "
        "application_id: 'int | None' = None) -> None"
    )
    assert Action(title="Practise").created_on == dt.date.today()
    entry = MoodEntry(at="2020-01-02T08:00:00", mood="5")
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.mood = 6  # type: ignore[misc]
    assert dataclasses.replace(entry, mood="6").mood == 6
    assert refusal(dataclasses.replace, entry, mood=11) == "mood: must be between 1 and 10, not 11"


def test_build_rows_gives_what_build_row_gives_for_each_row() -> None:
    names = ["id", "at", "mood", "tags"]
    rows = [("1", "2020-01-02T08:00:00", "7", "walked"), ("2", "2020-01-02T09:00:00", "5", "")]
    assert MoodEntry.build_rows(names, rows) == [MoodEntry.build_row(names, row) for row in rows]
    made = Action.build_rows(["title"], [("Practise",)])
    assert made == [Action(title="Practise")]
    for odd_names, odd_rows in (
        (["mood", "mood"], [("5", "6")]),
        (["at", "colour"], [("x", "y")]),
        (["mood"], [("5",)]),
    ):
        with pytest.raises(TypeError) as caught:
            MoodEntry.build_rows(odd_names, odd_rows)
        with pytest.raises(TypeError) as expected:
            MoodEntry(**dict(zip(odd_names, odd_rows[0])))
        assert str(caught.value) == str(expected.value)
    with pytest.raises(TypeError):
        MoodEntry.build_rows(names, [("1", "2020-01-02T08:00:00")])  # a short row is not filled in
    assert refusal(MoodEntry.build_rows, names, [rows[0], ("3", "soon", "5", "")]) == (
        "at: 'soon' is not a date and time (use YYYY-MM-DDTHH:MM:SS)"
    )

"""The faster import path gives the same records and the same first refusal as reading row by row.

A CSV file whose rows all fit its header is read column by column and built
straight away; at the first refusal it is read again row by row, which names
it.  Each case below is read both ways and must come out the same: equal
records, or the same one-line message.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from workbook.errors import ImportRowError
from workbook.interop import folder
from workbook.interop.csv_rows import read_csv
from workbook.interop.daylio import read_daylio
from workbook.interop.folder import import_csv
from workbook.interop.importing import in_bulk
from workbook.interop.plan import preview
from workbook.interop.text_file import read_utf8
from workbook.journal import Journal
from workbook.records import Application, MoodEntry, Record

MOODS = "id,at,mood,emotions,tags,energy,note,context,application_id\r\n"
APPS = "id,company,role,applied_on,stage,outcome,outcome_on,channel,notes,invited_back\r\n"

CASES = {
    "usual": (MoodEntry, MOODS + "1,2020-01-02T08:00:00,7,calm;tired,,3,fine,daily,\r\n"
              "2,2020-01-02T09:00:00,5,,walked,,,after_call,\r\n"),
    "escaped text": (MoodEntry, MOODS + "1,2020-01-02T08:00:00,7,'=calm,'@x;y,,'-2 said,daily,\r\n"),
    "no rows": (MoodEntry, MOODS),
    "an application": (Application, APPS + "4, Acme ,Dev,2020-01-02,interview,rejected,2020-02-01,email,'+n,yes\r\n"),
    "a bad mood": (MoodEntry, MOODS + "1,2020-01-02T08:00:00,7,,,,,daily,\r\n2,2020-01-02T09:00:00,11,,,,,daily,\r\n"),
    "two bad rows": (MoodEntry, MOODS + "1,2020-01-02T08:00:00,0,,,,,daily,\r\n2,soon,5,,,,,daily,\r\n"),
    "a bad row, then a short one": (MoodEntry, MOODS + "1,2020-01-02T08:00:00,0,,,,,daily,\r\n2,2020-01-02\r\n"),
    "a short row, then a bad one": (MoodEntry, MOODS + "1,2020-01-02\r\n2,2020-01-02T08:00:00,0,,,,,daily,\r\n"),
    "a long row": (MoodEntry, MOODS + "1,2020-01-02T08:00:00,7,,,,,daily,,extra\r\n"),
    "an id too large": (MoodEntry, MOODS + "99999999999999999999,2020-01-02T08:00:00,7,,,,,daily,\r\n"),
    "an id too large, spaced": (MoodEntry, MOODS + " 99999999999999999999 ,2020-01-02T08:00:00,7,,,,,daily,\r\n"),
    "a mood too large": (MoodEntry, MOODS + "1,2020-01-02T08:00:00,99999999999999999999,,,,,daily,\r\n"),
    "an id of zero": (MoodEntry, MOODS + "0,2020-01-02T08:00:00,7,,,,,daily,\r\n"),
    "a NUL in a word": (MoodEntry, MOODS + "1,2020-01-02T08:00:00,7,a\x00b,,,,daily,\r\n"),
    "a date in the future": (MoodEntry, MOODS + "1,2999-01-02T08:00:00,7,,,,,daily,\r\n"),
    "a missing required value": (Application, APPS + "1,,Dev,2020-01-02,applied,pending,,none,,false\r\n"),
    "an outcome before the application": (
        Application, APPS + "1,Acme,Dev,2020-01-02,applied,rejected,2019-01-01,email,,false\r\n"
    ),
}  # fmt: skip


def read_both_ways(tmp_path: Path, kind: type[Record], content: str) -> tuple[object, object]:
    """What the import reads from ``content``, and what reading it row by row gives (records or message)."""
    path = tmp_path / f"{kind.TABLE}.csv"
    path.write_text(content, encoding="utf-8", newline="")
    results = []
    for read in (folder._read_rows, _row_by_row):
        try:
            results.append(read(path, kind))
        except ImportRowError as error:
            results.append(str(error))
    return results[0], results[1]


def _row_by_row(path: Path, kind: type[Record]) -> list[tuple[int, Record]]:
    table = read_csv(path, read_utf8(path, folder.ADVICE))
    kinds = kind.kinds()
    readers = [folder._CELL_READERS.get(kinds[name], folder._as_is) for name in table.header]
    return folder._read_rows_one_by_one(path, kind, table, readers)


@pytest.mark.parametrize("case", CASES)
def test_the_quick_read_gives_what_the_row_by_row_read_gives(tmp_path: Path, case: str) -> None:
    kind, content = CASES[case]
    quick, row_by_row = read_both_ways(tmp_path, kind, content)
    assert quick == row_by_row
    if isinstance(quick, list):
        for (_, fast), (_, slow) in zip(quick, row_by_row):  # type: ignore[arg-type]
            assert {k: type(v) for k, v in fast.__dict__.items()} == {
                k: type(v) for k, v in slow.__dict__.items()
            }


def test_refusals_name_the_first_bad_row_in_one_line(tmp_path: Path) -> None:
    """Hand-worked: the messages the row-by-row read gives, which the quick read must repeat."""
    file = tmp_path / "mood_entries.csv"
    expected = {
        "a bad mood": f"{file}, line 3: mood: must be between 1 and 10, not 11",
        "two bad rows": f"{file}, line 2: mood: must be between 1 and 10, not 0",
        "a short row, then a bad one": f"{file}, line 2: mood: is missing from this row",
        "an id too large": f"{file}, line 2: id: 99999999999999999999 is too large a number",
        "an id too large, spaced": f"{file}, line 2: id:  99999999999999999999  is too large a number",
        "an id of zero": f"{file}, line 2: id: '0' is not a record id",
        "a long row": f"{file}, line 2: row: has more values than the header has columns",
    }
    for case, message in expected.items():
        kind, content = CASES[case]
        quick, _ = read_both_ways(tmp_path, kind, content)
        assert quick == message


def test_in_bulk_puts_the_collector_back_as_it_was() -> None:
    assert gc.isenabled()
    with in_bulk():
        assert not gc.isenabled()
        with in_bulk():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with in_bulk():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(RuntimeError), in_bulk():
        raise RuntimeError
    assert gc.isenabled()


def test_an_import_into_a_journal_with_entries_moves_links_to_the_new_ids(tmp_path: Path) -> None:
    source = tmp_path / "export"
    source.mkdir()
    (source / "applications.csv").write_text(
        APPS + "1,Acme,Dev,2020-01-02,applied,pending,,none,,false\r\n", encoding="utf-8"
    )
    (source / "mood_entries.csv").write_text(
        MOODS + "1,2020-01-03T08:00:00,4,,,,,after_call,1\r\n2,2020-01-04T08:00:00,6,,,,,daily,\r\n",
        encoding="utf-8",
    )
    with Journal(tmp_path / "journal.db") as journal:
        first = journal.add(Application(company="Other", role="Dev", applied_on="2019-05-01"))
        summary = import_csv(journal, source)
        assert str(summary) == "Added 1 application, 2 mood entries."
        acme = next(a for a in journal.records(Application) if a.company == "Acme")
        assert acme.id != first.id
        moods = journal.records(MoodEntry)
        assert [m.application_id for m in moods] == [acme.id, None]
        again = import_csv(journal, source)
        assert str(again) == "Added nothing; 3 already in the journal."


DAYLIO = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2020-01-03,3 January,Friday,9:05 pm,rad,"walk | tea; cake","Title","A <b>long</b> day with a note that goes on"\n'
    '2020-01-02,2 January,Thursday,08:00,meh,"","",""\n'
)


def test_the_daylio_dry_run_shows_each_row_as_before(tmp_path: Path) -> None:
    path = tmp_path / "daylio.csv"
    path.write_text(DAYLIO, encoding="utf-8")
    plan = read_daylio(path)
    assert [row.shown for row in plan.rows] == [
        "2020-01-02 08:00 mood 6 (meh)",
        "2020-01-03 21:05 mood 10 (rad), tags: walk, tea, cake, note: Title A long day with a note that goes …",
    ]
    with Journal(tmp_path / "journal.db") as journal:
        assert "Dry run: 2 would be added, 0 already in the journal." in preview(journal, plan)


def test_a_history_the_import_brings_is_not_started_first_and_the_journal_ends_up_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some applications bring their stage history, some do not, into a journal that has entries."""
    source = tmp_path / "export"
    source.mkdir()
    (source / "applications.csv").write_text(
        APPS
        + "1,Acme,Dev,2020-01-02,interview,rejected,2020-02-01,email,,false\r\n"
        + "2,Beta,Ops,2020-01-03,screen,pending,,none,,false\r\n"
        + "3,Core,QA,2020-01-04,final,offer,2020-03-01,phone,,false\r\n"
        + "4,Acme,Dev,2020-01-02,applied,pending,,none,,false\r\n",  # the same application as line 2
        encoding="utf-8",
    )
    (source / "stage_changes.csv").write_text(
        "id,application_id,stage,changed_on\r\n"
        "1,1,applied,2020-01-02\r\n2,1,interview,2020-01-10\r\n"
        "3,4,screen,2020-01-05\r\n5,3,applied,2020-01-04\r\n",
        encoding="utf-8",
    )

    def imported(journal_file: Path) -> list[tuple[object, ...]]:
        with Journal(journal_file) as journal:
            journal.add(Application(company="Old", role="Dev", applied_on="2019-05-01", stage="screen"))
            import_csv(journal, source)
            return journal._conn.execute("SELECT * FROM stage_changes ORDER BY id").fetchall()

    quick = imported(tmp_path / "quick.db")
    add_new = Journal.add_new
    monkeypatch.setattr(
        Journal,
        "add_new",
        lambda self, records, keep_id=False, histories_given=(): add_new(self, records, keep_id=keep_id),
    )
    assert quick == imported(tmp_path / "started-then-replaced.db")


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a,b\r\n1,2\r\n\r\n3,4\r\n", [2, 4]),  # one line a row: counted straight
        ('a,b\n1,"two\nlines"\n\n3,4', [2, 5]),  # a cell over two lines: counted row by row
        ("a,b\r1,2\r3,4\r", [2, 3]),
        ("", []),
    ],
)
def test_rows_keep_the_line_they_start_on(tmp_path: Path, text: str, lines: list[int]) -> None:
    table = read_csv(tmp_path / "x.csv", text)
    assert [line for line, _cells in table.rows] == lines

"""The journal's write path: adding records one at a time or in bulk, updating them, stage histories.

:class:`~workbook.journal.Journal` keeps the public methods, each of which holds
a transaction (and turns SQLite's errors into the project's own) around a
:class:`Writer` on its connection, which does the work: building the rows,
placing ids, inserting, naming a broken link by its field, starting and
replacing application stage histories.  :class:`Transaction` is one
``with journal.transaction():`` block.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import sqlite3
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from workbook.errors import NotFoundError, ValidationError
from workbook.records import Application, Record, StageChange
from workbook.sql_values import from_sql, to_row, to_sql, to_value_rows, to_values
from workbook.values import MAX_ID, check_order, check_past_date

if TYPE_CHECKING:
    from workbook.journal import Journal

R = TypeVar("R", bound=Record)


class Transaction:
    """One ``with journal.transaction():`` block (a class, not a generator: every save enters one)."""

    __slots__ = ("journal", "depth")

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.depth = 0

    def __enter__(self) -> None:
        journal = self.journal
        # Another thread (a widget callback in a kernel subshell) waits until this block ends,
        # so its writes never slip into this transaction.
        journal._lock.acquire()
        try:
            self.depth = depth = journal._depth
            journal._begin(depth)
        except BaseException:
            journal._lock.release()
            raise
        journal._depth = depth + 1

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> bool:
        journal, depth = self.journal, self.depth
        try:
            journal._depth = depth
            if kind is not None:
                journal._undo(depth)
                return False  # the error goes on to the caller
            journal._finish(depth)
        finally:
            journal._lock.release()
        if depth == 0:
            journal._announce()
        return False


class Writer:
    """The write path on one connection; each method runs inside a transaction its caller holds."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def add(self, record: R, keep_id: bool) -> R:
        """What :meth:`Journal.add <workbook.journal.Journal.add>` stores and returns."""
        kind = type(record)
        row = to_values(record)
        names = kind.columns()
        if not (keep_id and record.id is not None and not self._exists(kind, record.id)):
            names, row = names[1:], row[1:]  # SQLite picks the id
        try:
            cursor = self._conn.execute(_insert_sql(kind.TABLE, names), row)
        except sqlite3.IntegrityError as error:
            self._name_broken_link(error, [record])
            raise
        saved = _as_stored(record, cursor.lastrowid)
        if isinstance(saved, Application):
            saved = _with(saved, stage_on=self._start_history(saved))
        return saved

    def add_new(
        self, records: Sequence[R], keep_id: bool, histories_given: Collection[int]
    ) -> list[tuple[int, bool]]:
        """What :meth:`Journal.add_new <workbook.journal.Journal.add_new>` stores and returns (``records`` not empty)."""
        kind = type(records[0])
        key_of = _key_getter(kind)
        known, taken = self._identities(kind)
        rows = to_value_rows(records)
        if _all_new(rows, key_of, known, taken, keep_id):
            new_rows, placed = rows, [(row, True) for row in rows]
        else:
            new_rows, placed = _place(rows, key_of, known, taken, keep_id)
        self._insert_many(records, kind, new_rows)
        if kind is Application:
            added = [record for record, (_, new) in zip(records, placed) if new]
            self._start_histories(added, new_rows, histories_given)
        return [(row[0], new) for row, new in placed]

    def update(self, record: R, stage_on: dt.date | str | None) -> R:
        """What :meth:`Journal.update <workbook.journal.Journal.update>` stores and returns (``record.id`` given)."""
        old_stage = self._stored_stage(record) if isinstance(record, Application) else None
        row = to_row(record)
        values = [value for name, value in row.items() if name != "id"]
        sets = ", ".join(f'"{name}" = ?' for name in row if name != "id")
        sql = f"UPDATE {record.TABLE} SET {sets} WHERE id = ?"
        cursor = self._linked(record, lambda: self._conn.execute(sql, [*values, record.id]))
        if cursor.rowcount == 0:
            raise NotFoundError(f"no {singular(type(record))} with id {record.id}")
        saved = _as_stored(record, record.id)  # type: ignore[arg-type]
        if isinstance(saved, Application):
            if saved.stage != old_stage:
                self._record_stage(saved, stage_on)
            saved = _with(saved, stage_on=self._stage_on(saved.id))  # type: ignore[arg-type]
        return saved

    def set_stage_histories(self, histories: dict[int, list[StageChange]]) -> None:
        """What :meth:`Journal.set_stage_histories <workbook.journal.Journal.set_stage_histories>` does."""
        stored = {row[0] for row in self._conn.execute("SELECT id FROM applications")}
        for application_id in histories:
            if application_id not in stored:
                raise NotFoundError(f"no application with id {application_id}")
        with_history = {
            row[0] for row in self._conn.execute("SELECT DISTINCT application_id FROM stage_changes")
        }
        self._conn.executemany(
            "DELETE FROM stage_changes WHERE application_id = ?",
            [(i,) for i in histories if i in with_history],  # the others have no rows to delete
        )
        _, taken = self._identities(StageChange)
        changes = [c for changes in histories.values() for c in changes]
        link = StageChange.columns().index("application_id")
        rows = to_value_rows(changes)
        for row, application_id in zip(rows, [i for i, group in histories.items() for _ in group]):
            row[link] = application_id
            row[0] = taken.place(row[0])
        self._insert_many(changes, StageChange, rows)

    # --- internals --------------------------------------------------------------

    def _insert(self, table: str, row: dict[str, Any]) -> sqlite3.Cursor:
        return self._conn.execute(_insert_sql(table, tuple(row)), tuple(row.values()))

    def _linked(self, record: Record, write: Callable[[], sqlite3.Cursor]) -> sqlite3.Cursor:
        """Run ``write``; a broken link (the foreign key refused it) is named by its field."""
        try:
            return write()
        except sqlite3.IntegrityError as error:
            self._name_broken_link(error, [record])
            raise

    def _name_broken_link(self, error: sqlite3.IntegrityError, records: Sequence[Record]) -> None:
        """When the foreign key refused a write of ``records``, raise ValidationError naming the field."""
        if "FOREIGN KEY" in str(error):
            self._check_links(records)

    def _insert_many(self, records: Sequence[Record], kind: type[Record], rows: list[list[Any]]) -> None:
        """Insert ``rows`` (SQLite values in column order, each with its id placed first).

        A row whose id SQLite must pick goes alone, and gets that id written into it.
        """
        if not rows:
            return
        names = kind.columns()
        try:
            self._conn.executemany(
                _insert_sql(kind.TABLE, names), [row for row in rows if row[0] is not None]
            )
        except sqlite3.IntegrityError as error:
            self._name_broken_link(error, records)
            raise
        for row in rows:
            if row[0] is None:  # every id up to the largest is taken: SQLite finds a free one
                row[0] = self._conn.execute(_insert_sql(kind.TABLE, names[1:]), row[1:]).lastrowid

    def _identities(self, kind: type[Record]) -> tuple[dict[tuple[Any, ...], list[Any]], _Ids]:
        """The stored identifying fields of ``kind`` (each with its first id, as ``[id]``), and the ids taken."""
        columns = ", ".join(f'"{name}"' for name in ("id", *kind.KEY))
        known: dict[tuple[Any, ...], list[Any]] = {}
        ids = []
        for row in self._conn.execute(f"SELECT {columns} FROM {kind.TABLE} ORDER BY id"):
            ids.append(row[0])
            known.setdefault(row[1:], [row[0]])
        return known, _Ids(ids)

    def _exists(self, kind: type[Record], record_id: int) -> bool:
        return (
            self._conn.execute(f"SELECT 1 FROM {kind.TABLE} WHERE id = ?", (record_id,)).fetchone()
            is not None
        )

    def _check_links(self, records: Sequence[Record]) -> None:
        for record in records:
            for name in record.LINKS:
                target = getattr(record, name)
                if target is not None and not self._exists(Application, target):
                    raise ValidationError(name, f"there is no application with id {target}")

    def _start_history(self, app: Application) -> dt.date:
        """Write the application's first stages; return the date of the current one."""
        rows = _start_rows(app, app.id)  # type: ignore[arg-type]
        sql = "INSERT INTO stage_changes (application_id, stage, changed_on) VALUES (?, ?, ?)"
        self._conn.executemany(sql, rows)
        return max(dt.date.fromisoformat(row[2]) for row in rows)

    def _start_histories(self, apps: list[Record], rows: list[list[Any]], given: Collection[int]) -> None:
        if apps and given and all(app.id in given for app in apps):
            # Every start would be left out (an import bringing every history): nothing to write,
            # as long as the ids they would have had are there to leave unused (see below).
            count = sum(1 if app.stage == "applied" else 2 for app in apps)  # type: ignore[attr-defined]
            top = self._conn.execute("SELECT max(id) FROM stage_changes").fetchone()[0] or 0
            if top + count <= MAX_ID:
                return
        starts = [
            (app.id in given, start)
            for app, row in zip(apps, rows)
            for start in _start_rows(app, row[0])  # type: ignore[arg-type]
        ]
        if any(skip for skip, _ in starts):
            top = self._conn.execute("SELECT max(id) FROM stage_changes").fetchone()[0] or 0
            if top + len(starts) <= MAX_ID:
                # SQLite would give each row the largest id plus one: the rows left out keep theirs unused.
                sql = "INSERT INTO stage_changes (id, application_id, stage, changed_on) VALUES (?, ?, ?, ?)"
                self._conn.executemany(
                    sql, [(top + n, *s) for n, (skip, s) in enumerate(starts, 1) if not skip]
                )
                return
        sql = "INSERT INTO stage_changes (application_id, stage, changed_on) VALUES (?, ?, ?)"
        self._conn.executemany(sql, [start for _, start in starts])

    def _stored_stage(self, app: Application) -> str:
        found = self._conn.execute("SELECT stage FROM applications WHERE id = ?", (app.id,)).fetchone()
        if found is None:
            raise NotFoundError(f"no application with id {app.id}")
        return found[0]

    def _stage_on(self, application_id: int) -> dt.date | None:
        found = self._conn.execute(
            "SELECT max(changed_on) FROM stage_changes WHERE application_id = ?", (application_id,)
        ).fetchone()
        return from_sql("date", found[0])

    def _record_stage(self, app: Application, stage_on: dt.date | str | None) -> None:
        if stage_on is None or stage_on == "":
            raise ValidationError("stage_on", "is required when the stage changes")
        day = check_past_date("stage_on", stage_on)
        check_order("stage_on", day, "the application date", app.applied_on)
        change = StageChange(application_id=app.id, stage=app.stage, changed_on=day)
        self._insert(StageChange.TABLE, to_row(change))


# --- module internals -----------------------------------------------------------


class _Ids:
    """The ids a table holds, and the next one SQLite would pick (the largest plus one)."""

    def __init__(self, ids: list[int]) -> None:
        self.taken = set(ids)
        self.top = max(ids, default=0)

    def place(self, wanted: int | None) -> int | None:
        """``wanted`` when it is free, else the id SQLite would pick; None when SQLite must search."""
        if wanted is None or wanted in self.taken:
            if self.top >= MAX_ID:
                return None
            wanted = self.top + 1
        self.taken.add(wanted)
        if wanted > self.top:
            self.top = wanted
        return wanted


def _all_new(
    rows: list[list[Any]],
    key_of: Callable[[list[Any]], tuple[Any, ...]],
    known: dict[tuple[Any, ...], list[Any]],
    taken: _Ids,
    keep_id: bool,
) -> bool:
    """:func:`_place` in one step, for the usual import into a new journal; False (nothing done) otherwise.

    It applies when no identity repeats, among the rows or in ``known``, so
    every row is new, and either every row keeps its own id (each given, free
    and once) or none does and SQLite's next ids are free to take in turn.
    The ids are then placed exactly as :func:`_place` would place them.
    """
    keys = set(map(key_of, rows))
    if len(keys) != len(rows) or not known.keys().isdisjoint(keys):
        return False
    ids = [row[0] for row in rows] if keep_id else [None]
    if ids.count(None) == len(ids):  # no row keeps its own id: each gets the largest so far plus one
        if taken.top + len(rows) > MAX_ID:
            return False
        for number, row in enumerate(rows, taken.top + 1):
            row[0] = number
        return True
    distinct = set(ids)
    return None not in distinct and len(distinct) == len(ids) and taken.taken.isdisjoint(distinct)


def _place(
    rows: list[list[Any]],
    key_of: Callable[[list[Any]], tuple[Any, ...]],
    known: dict[tuple[Any, ...], list[Any]],
    taken: _Ids,
    keep_id: bool,
) -> tuple[list[list[Any]], list[tuple[list[Any], bool]]]:
    """The rows to insert, each with its id placed, and for every row the row it is stored as and whether it is new."""
    placed: list[tuple[list[Any], bool]] = []
    new_rows: list[list[Any]] = []
    for row in rows:
        key = key_of(row)
        found = known.get(key)
        if found is not None:
            placed.append((found, False))
            continue
        row[0] = taken.place(row[0] if keep_id else None)
        known[key] = row
        new_rows.append(row)
        placed.append((row, True))
    return new_rows, placed


@functools.cache
def _insert_sql(table: str, names: tuple[str, ...]) -> str:
    quoted = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    return f"INSERT INTO {table} ({quoted}) VALUES ({marks})"


@functools.cache
def _moments(kind: type[Record]) -> tuple[tuple[str, str], ...]:
    return tuple((name, k) for name, k in kind.kinds().items() if k in ("date", "timestamp"))


_EXACT = {"date": dt.date, "timestamp": dt.datetime}


def _as_stored(record: R, record_id: int) -> R:
    """``record`` with ``record_id``, as reading its stored row back would give it, without reading it.

    The record was validated when it was built, so its values are the stored
    ones; only a date given as a subclass (a pandas Timestamp, say) reads back
    as a plain date.
    """
    saved = _with(record)
    values = saved.__dict__
    values["id"] = record_id
    for name, kind in _moments(type(record)):
        value = values[name]
        if value is not None and type(value) is not _EXACT[kind]:
            values[name] = from_sql(kind, to_sql(kind, value))
    return saved


def _with(record: R, **changes: Any) -> R:
    """A copy of ``record`` with ``changes``, not validated again (the journal supplies them)."""
    copied = object.__new__(type(record))
    copied.__dict__.update(record.__dict__, **changes)
    return copied


def _start_rows(app: Application, application_id: int) -> list[tuple[int, str, str]]:
    rows = [(application_id, "applied", app.applied_on.isoformat())]
    if app.stage != "applied":
        rows.append((application_id, app.stage, _stage_date(app).isoformat()))
    return rows


def _stage_date(app: Application) -> dt.date:
    if app.stage_on is not None:
        return app.stage_on
    return app.outcome_on or max(app.applied_on, dt.date.today())


@functools.cache
def _key_getter(kind: type[Record]) -> Callable[[list[Any]], tuple[Any, ...]]:
    """Picks the identifying fields (``kind.KEY``) out of a row of :func:`to_values`, as a tuple."""
    columns = kind.columns()
    assert columns[0] == "id"  # rows carry their id first
    positions = [columns.index(name) for name in kind.KEY]
    if len(positions) == 1:
        (position,) = positions
        return lambda row: (row[position],)
    return operator.itemgetter(*positions)  # type: ignore[return-value]


def singular(kind: type[Record]) -> str:
    """How messages name one record of ``kind`` ("no application with id 4")."""
    return kind.__name__.lower()

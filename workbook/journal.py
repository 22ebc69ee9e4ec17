"""The journal: one SQLite file that keeps every entry safe.

Typed records (:mod:`workbook.records`) go in; pandas DataFrames come out.  The
file is created with mode 0600, runs in WAL mode with foreign keys on and a
busy timeout, and every write is one transaction, so a failed write leaves
nothing half-stored.  Opening a file from an older schema migrates it forward
after writing a backup copy beside it; a file from a newer one is refused and
left untouched (opening itself lives in :mod:`workbook.journal_file`).

Every SQLite failure leaves a Journal method as the project's own error:
:class:`~workbook.errors.JournalBusyError` when another program keeps the file
locked, :class:`~workbook.errors.StorageError` for the rest.  Reading never
validates: rules apply when a record is built, on the way in.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import os
import sqlite3
import warnings
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from workbook.errors import NotFoundError, StorageError, ValidationError
from workbook.growth_records import CheckIn, FollowUp, Motivation, Person, SelfReview
from workbook.journal_file import connect, translate
from workbook.records import (
    RECORD_TYPES,
    Action,
    Application,
    CallNotes,
    ChecklistRun,
    FeedbackItem,
    MoodEntry,
    Record,
    Reflection,
    StageChange,
    SupportContact,
)
from workbook.sql_values import from_sql, series, to_row, to_sql, to_value_rows, to_values
from workbook.values import MAX_ID, check_order, check_past_date

if TYPE_CHECKING:
    import pandas as pd

R = TypeVar("R", bound=Record)
P = ParamSpec("P")
T = TypeVar("T")

#: Seconds a write waits for another program to let go of the file.
BUSY_TIMEOUT = 30.0


def _sqlite_errors_in_words(method: Callable[P, T]) -> Callable[P, T]:
    """Turn an sqlite3.Error escaping a Journal method into JournalBusyError or StorageError."""

    @functools.wraps(method)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as error:
            journal: Journal = args[0]  # type: ignore[assignment]
            raise translate(error, journal.path, journal.busy_timeout) from error

    return guarded


class Journal:
    """A person's journal in one SQLite file.

    Use it as a context manager, or call :meth:`close`.  ``Journal(path)``
    creates the file (0600, and its folder 0700) when it does not exist.  A
    write waits up to ``busy_timeout`` seconds for another program to finish
    its own.
    """

    def __init__(self, path: str | os.PathLike[str], *, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        self._depth = 0
        #: How many groups of changes this journal object has stored; grows by one per commit.
        self.revision = 0
        self._listeners: list[Callable[[], None]] = []
        #: The last DataFrame read of each record type, with the stamp it was read at (see :meth:`frame`).
        self._frames: dict[type[Record], tuple[tuple[int, int], pd.DataFrame]] = {}
        self._conn = connect(self.path, busy_timeout)

    # --- lifecycle --------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; the journal object cannot be used after this."""
        self._conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Journal({str(self.path)!r})"

    @property
    @_sqlite_errors_in_words
    def schema_version(self) -> int:
        """The schema version of the open file."""
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def transaction(self) -> _Transaction:
        """Group writes: all of them are stored, or none is.

        Transactions nest: an inner block that raises takes back only its own
        writes (a SAVEPOINT), and the outer block may catch that and go on.
        Only the outermost block commits; a commit that fails takes everything
        back and leaves the journal ready for the next write.
        """
        return _Transaction(self)

    def on_change(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener()`` after every change this journal stores; returns a function that stops it.

        Summaries, charts and drop-downs use this to redraw after a save in
        the same kernel.  A listener that fails is reported as a warning and
        never turns a stored change into a failed one.
        """
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _announce(self) -> None:
        self.revision += 1
        for listener in list(self._listeners):
            try:
                listener()
            except Exception as error:  # noqa: BLE001 - the change is stored; a redraw failing must not undo that
                warnings.warn(f"a view of the journal could not refresh: {error}", stacklevel=2)

    @_sqlite_errors_in_words
    def _begin(self, depth: int) -> None:
        if depth == 0:
            self._conn.execute("BEGIN IMMEDIATE")
        elif not self._conn.in_transaction:
            # SQLite itself gave up the outer transaction after an earlier failure
            # (a full disk can do that); writing on would store half of it.
            raise StorageError(
                f"journal: {self.path}: an earlier failure took back this group of changes; "
                "nothing of it was saved"
            )
        else:
            self._conn.execute(f"SAVEPOINT level_{depth}")

    @_sqlite_errors_in_words
    def _undo(self, depth: int) -> None:
        if not self._conn.in_transaction:
            return  # SQLite already took it all back
        if depth == 0:
            self._conn.execute("ROLLBACK")
        else:
            self._conn.execute(f"ROLLBACK TO level_{depth}")
            self._conn.execute(f"RELEASE level_{depth}")

    @_sqlite_errors_in_words
    def _finish(self, depth: int) -> None:
        if depth > 0:
            self._conn.execute(f"RELEASE level_{depth}")
            return
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    # --- writing ----------------------------------------------------------------

    @_sqlite_errors_in_words
    def add(self, record: R, *, keep_id: bool = False) -> R:
        """Store a new record and return it with its id, exactly as :meth:`get` would read it.

        With ``keep_id``, the record's own id is used when it is free (imports
        use this so that a round trip keeps its ids).  A link to an application
        that does not exist is refused naming the field.
        """
        kind = type(record)
        row = to_values(record)
        with self.transaction():
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

    @_sqlite_errors_in_words
    def add_new(
        self, records: Sequence[R], *, keep_id: bool = False, histories_given: Collection[int] = ()
    ) -> list[tuple[int, bool]]:
        """Store those of ``records`` (all of one type) not yet in the journal, in one transaction.

        A record whose identifying fields match a stored one, or one earlier in
        ``records``, is not stored again.  Returns, for each record in order, the
        id it has in the journal and whether it was added now.  ``keep_id`` keeps
        each record's own id where it is free.  Applications get their stage
        history started, as with :meth:`add`, except those whose own id is in
        ``histories_given``: the caller replaces their history next (with
        :meth:`set_stage_histories`, in the same transaction), so their start
        is not written only to be deleted.  Every other row gets the id it
        would have had, so the journal ends up exactly as if it had been.
        """
        if not records:
            return []
        kind = type(records[0])
        key_of = _key_getter(kind)
        with self.transaction():
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

    @_sqlite_errors_in_words
    def update(self, record: R, *, stage_on: dt.date | str | None = None) -> R:
        """Replace the stored record that has ``record.id`` with ``record``; return it as stored.

        When an application's stage differs from the stored one, the new stage
        is recorded as reached on ``stage_on``, which is then required.  The
        record's own ``stage_on`` is never used here: on a record read from the
        journal it is the date of the old stage.  With the stage unchanged,
        ``stage_on`` is not used.
        """
        if record.id is None:
            raise ValidationError("id", "is required to update a record")
        with self.transaction():
            old_stage = self._stored_stage(record) if isinstance(record, Application) else None
            row = to_row(record)
            values = [value for name, value in row.items() if name != "id"]
            sets = ", ".join(f'"{name}" = ?' for name in row if name != "id")
            sql = f"UPDATE {record.TABLE} SET {sets} WHERE id = ?"
            cursor = self._linked(record, lambda: self._conn.execute(sql, [*values, record.id]))
            if cursor.rowcount == 0:
                raise NotFoundError(f"no {_singular(type(record))} with id {record.id}")
            saved = _as_stored(record, record.id)
            if isinstance(saved, Application):
                if saved.stage != old_stage:
                    self._record_stage(saved, stage_on)
                saved = _with(saved, stage_on=self._stage_on(saved.id))  # type: ignore[arg-type]
        return saved

    @_sqlite_errors_in_words
    def delete(self, kind: type[Record], record_id: int) -> None:
        """Delete one record; its call notes, feedback and stage history go with it."""
        with self.transaction():
            cursor = self._conn.execute(f"DELETE FROM {kind.TABLE} WHERE id = ?", (record_id,))
            if cursor.rowcount == 0:
                raise NotFoundError(f"no {_singular(kind)} with id {record_id}")

    @_sqlite_errors_in_words
    def set_stage_histories(self, histories: dict[int, list[StageChange]]) -> None:
        """Replace the stage history of each application in ``histories`` (used by imports).

        All the old rows go before any new one is written, so the new rows can keep
        their own ids wherever those are free.
        """
        if not histories:
            return
        with self.transaction():
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

    # --- reading ----------------------------------------------------------------

    @_sqlite_errors_in_words
    def get(self, kind: type[R], record_id: int) -> R:
        """The record of type ``kind`` with ``record_id``; NotFoundError if there is none."""
        found = self._read(kind, "WHERE id = ?", (record_id,))
        if not found:
            raise NotFoundError(f"no {_singular(kind)} with id {record_id}")
        return found[0]

    @_sqlite_errors_in_words
    def records(self, kind: type[R]) -> list[R]:
        """Every record of type ``kind``, oldest id first."""
        return self._read(kind, "ORDER BY id", ())

    @_sqlite_errors_in_words
    def find(self, record: Record) -> int | None:
        """The id of a stored record with the same identifying fields, if any."""
        where = " AND ".join(f'"{name}" IS ?' for name in record.KEY)
        values = [to_sql(kind, getattr(record, name)) for name, kind in _key_kinds(record)]
        row = self._conn.execute(
            f"SELECT id FROM {record.TABLE} WHERE {where} ORDER BY id LIMIT 1", values
        ).fetchone()
        return None if row is None else row[0]

    @_sqlite_errors_in_words
    def counts(self) -> dict[str, int]:
        """How many records of each type the journal holds."""
        return {
            kind.TABLE: self._conn.execute(f"SELECT count(*) FROM {kind.TABLE}").fetchone()[0]
            for kind in RECORD_TYPES
        }

    @_sqlite_errors_in_words
    def frame(self, kind: type[Record]) -> pd.DataFrame:
        """All records of ``kind`` as a DataFrame with typed columns, oldest id first.

        A notebook asks for the same table many times between two saves (each
        chart and summary reads what it needs), so the last read is kept and
        handed out again, as a copy, until this journal stores a change or
        another connection commits one (SQLite's ``data_version`` tells).
        """
        if self._conn.in_transaction:
            return self._read_frame(kind)  # uncommitted writes are visible here and nowhere else
        stamp = (self.revision, self._conn.execute("PRAGMA data_version").fetchone()[0])
        kept = self._frames.get(kind)
        if kept is None or kept[0] != stamp:
            kept = self._frames[kind] = (stamp, self._read_frame(kind))
        return kept[1].copy()

    def _read_frame(self, kind: type[Record]) -> pd.DataFrame:
        import pandas as pd  # deferred: it takes seconds to import, and the CLI's writes never need it

        columns = kind.columns()
        quoted = ", ".join(f'"{c}"' for c in columns)
        rows = self._conn.execute(f"SELECT {quoted} FROM {kind.TABLE} ORDER BY id").fetchall()
        raw = pd.DataFrame.from_records(rows, columns=list(columns))
        return pd.DataFrame(
            {name: series(name, kind_, raw[name], kind) for name, kind_ in kind.kinds().items()}
        )

    def applications(self) -> pd.DataFrame:
        """Applications, with ``stage_on``: the date the current stage was reached."""
        frame = self.frame(Application)
        latest = self.stage_changes().groupby("application_id")["changed_on"].max()
        return frame.join(latest.rename("stage_on"), on="id")

    def stage_changes(self) -> pd.DataFrame:
        """Every stage each application reached, with its date."""
        return self.frame(StageChange)

    def call_notes(self) -> pd.DataFrame:
        """Notes from rejection calls."""
        return self.frame(CallNotes)

    def feedback(self) -> pd.DataFrame:
        """Feedback items with their themes (lists)."""
        return self.frame(FeedbackItem)

    def moods(self) -> pd.DataFrame:
        """Mood entries, oldest id first; emotions and tags as lists."""
        return self.frame(MoodEntry)

    def reflections(self) -> pd.DataFrame:
        """Answers to reflection prompts."""
        return self.frame(Reflection)

    def checklist_runs(self) -> pd.DataFrame:
        """Saved checklists, with the ticked items as lists."""
        return self.frame(ChecklistRun)

    def actions(self) -> pd.DataFrame:
        """Things to practise or learn."""
        return self.frame(Action)

    def support_contacts(self) -> pd.DataFrame:
        """People the person talked to."""
        return self.frame(SupportContact)

    def people(self) -> pd.DataFrame:
        """People met during applications, with how to reach them."""
        return self.frame(Person)

    def follow_ups(self) -> pd.DataFrame:
        """Thank-you notes and reconnect dates, with when each was done."""
        return self.frame(FollowUp)

    def self_reviews(self) -> pd.DataFrame:
        """The person's own ratings of their interviews (``id=score`` words)."""
        return self.frame(SelfReview)

    def motivations(self) -> pd.DataFrame:
        """What drew the person to each role, what they would avoid, how much they wanted it."""
        return self.frame(Motivation)

    def check_ins(self) -> pd.DataFrame:
        """Resilience check-ins with their scores."""
        return self.frame(CheckIn)

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

    def _read(self, kind: type[R], clause: str, params: tuple[Any, ...]) -> list[R]:
        columns = [f'"{c}"' for c in kind.columns()]
        if kind is Application:
            # The date the current stage was reached comes from the stage history, in the same query.
            columns.append(
                "(SELECT max(changed_on) FROM stage_changes WHERE application_id = applications.id)"
            )
        rows = self._conn.execute(
            f"SELECT {', '.join(columns)} FROM {kind.TABLE} {clause}", params
        ).fetchall()
        kinds = list(kind.kinds().items())
        records = []
        for row in rows:
            values = {name: from_sql(k, value) for (name, k), value in zip(kinds, row)}
            if kind is Application:
                values["stage_on"] = from_sql("date", row[-1])
            records.append(kind.trusted(**values))
        return records


# --- module internals -----------------------------------------------------------


class _Transaction:
    """One ``with journal.transaction():`` block (a class, not a generator: every save enters one)."""

    __slots__ = ("journal", "depth")

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.depth = 0

    def __enter__(self) -> None:
        journal = self.journal
        self.depth = depth = journal._depth
        journal._begin(depth)
        journal._depth = depth + 1

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> bool:
        journal, depth = self.journal, self.depth
        journal._depth = depth
        if kind is not None:
            journal._undo(depth)
            return False  # the error goes on to the caller
        journal._finish(depth)
        if depth == 0:
            journal._announce()
        return False


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


def _singular(kind: type[Record]) -> str:
    return kind.__name__.lower()


def _key_kinds(record: Record) -> list[tuple[str, str]]:
    kinds = record.kinds()
    return [(name, kinds[name]) for name in record.KEY]

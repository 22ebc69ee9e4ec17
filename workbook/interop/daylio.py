"""Read a Daylio CSV export into mood entries.

Daylio writes one row per entry, newest first, with the mood as a *name*
(``rad``, ``good``, ``meh``, ``bad``, ``awful``, or the person's own names),
12- or 24-hour times, activities joined by ``" | "`` and notes that may hold
HTML.  Older exports lack the ``note_title`` column.  The whole file is read
before anything is stored; one bad row refuses it all.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from workbook.errors import ImportRowError, ValidationError
from workbook.interop.csv_rows import read_csv
from workbook.interop.html_text import html_to_text
from workbook.interop.importing import ImportSummary, in_bulk
from workbook.interop.plan import ImportPlan, PlannedRow, clip, store
from workbook.interop.text_file import read_utf8
from workbook.journal import Journal
from workbook.records import MoodEntry
from workbook.values import LIST_SEPARATOR, check_scale

#: Daylio's five default moods on Rebound's 1–10 scale.
DEFAULT_MOODS: dict[str, int] = {"awful": 2, "bad": 4, "meh": 6, "good": 8, "rad": 10}
REQUIRED_COLUMNS = ("full_date", "time", "mood", "activities", "note")
ACTIVITY_SEPARATOR = "|"
#: Stands in for the list separator inside an activity name ("tea; cake" -> "tea, cake").
SEPARATOR_STAND_IN = ","
#: Record fields named as the Daylio columns they come from, for error messages.
_COLUMN_OF = {"at": "full_date", "mood": "mood", "tags": "activities", "note": "note"}


def parse_mood_scale(text: str) -> dict[str, int]:
    """Parse ``--moods`` text such as ``"sad=3, average=5"`` into lower-case names and scores."""
    scale: dict[str, int] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        name, equals, number = part.rpartition("=")
        name = name.strip().lower()
        if not equals or not name:
            raise ValidationError("--moods", f"{part.strip()!r} should look like NAME=N, e.g. sad=3")
        try:
            scale[name] = check_scale(f"--moods {name}", number, 1, 10)  # type: ignore[assignment]
        except ValidationError as error:
            raise ValidationError("--moods", f"{name}: {error.reason}") from None
    return scale


# A ten-year export repeats the same few thousand times and dates, so each is parsed once.
@functools.lru_cache(maxsize=4096)
def parse_clock(text: str) -> dt.time:
    """A Daylio time, 12-hour (``10:00 pm``, ``9:05 a.m.``) or 24-hour (``14:58``)."""
    raw = text.strip().lower().replace(".", "").replace(" ", "")
    half = raw[-2:] if raw[-2:] in ("am", "pm") else ""
    parts = raw.removesuffix(half).split(":")
    if not 2 <= len(parts) <= 3 or not all(p.isascii() and p.isdigit() and len(p) <= 2 for p in parts):
        raise ValidationError("time", f"{text!r} is not a time (Daylio writes 14:58 or 2:58 pm)")
    hour, minute, second = int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 0
    if half:
        if not 1 <= hour <= 12:
            raise ValidationError("time", f"{text!r} is not a time: a 12-hour clock runs from 1 to 12")
        hour = hour % 12 + (12 if half == "pm" else 0)
    try:
        return dt.time(hour, minute, second)
    except ValueError:
        raise ValidationError("time", f"{text!r} is not a time of day") from None


def split_activities(text: str) -> list[str]:
    """Daylio's ``"walk | music |  read "`` as ``["walk", "music", "read"]``.

    A ``;`` inside a name would split it in the journal's lists, so it becomes ``,``.
    """
    if ACTIVITY_SEPARATOR not in text:  # one activity, or none
        name = text.strip()
        return [name.replace(LIST_SEPARATOR, SEPARATOR_STAND_IN)] if name else []
    names = (part.strip() for part in text.split(ACTIVITY_SEPARATOR))
    return [name.replace(LIST_SEPARATOR, SEPARATOR_STAND_IN) for name in names if name]


def daylio_note(title: str, body: str) -> str:
    """The note title and the note as one plain-text note, the title on its own first line."""
    heading, text = html_to_text(title) if title else "", html_to_text(body)
    if heading and text:
        return heading + "\n\n" + text
    return heading or text


def read_daylio(path: str | os.PathLike[str], moods: Mapping[str, int] | None = None) -> ImportPlan:
    """Parse a Daylio export into a plan of mood entries, oldest first.

    ``moods`` names the score (1–10) of custom mood names and may override the
    defaults.  Raises ImportRowError naming the file, line, column and reason.
    """
    source = Path(path)
    scale = DEFAULT_MOODS | {name.strip().lower(): score for name, score in (moods or {}).items()}
    rows, columns = _rows(source)
    mood_at = columns["mood"]
    _check_mood_names(source, rows, mood_at, scale)
    plan = ImportPlan(source=source)
    with in_bulk():
        entries = _entries(source, rows, columns, scale)
        plan.rows = [
            PlannedRow(line, entry, functools.partial(_shown, entry, cells[mood_at]))
            for (line, cells), entry in zip(rows, entries)
        ]
    plan.rows.sort(key=operator.attrgetter("record.at"))
    names = {cells[mood_at] for _, cells in rows}
    used = sorted({name.strip().lower() for name in names}, key=lambda n: (scale[n], n))
    if used:
        plan.notes.append("Moods: " + ", ".join(f"{name} -> {scale[name]}" for name in used))
    return plan


def _shown(entry: MoodEntry, mood_name: str) -> str:
    """How the dry run shows one entry."""
    shown = f"{entry.at.isoformat(' ', 'minutes')} mood {entry.mood} ({mood_name.strip()})"
    if entry.tags:
        shown += f", tags: {clip(', '.join(entry.tags), 50)}"
    if entry.note:
        shown += f", note: {clip(entry.note, 40)}"
    return shown


def import_daylio(
    journal: Journal, path: str | os.PathLike[str], moods: Mapping[str, int] | None = None
) -> ImportSummary:
    """Read a Daylio export into ``journal``, all or nothing; entries already there are skipped."""
    with in_bulk():  # one block from reading to storing: no collector pause in between
        return store(journal, read_daylio(path, moods))


def _rows(source: Path) -> tuple[list[tuple[int, list[str]]], dict[str, int]]:
    """The file's rows (each with its line) and where each column is (the last of a name given twice)."""
    table = read_csv(source, read_utf8(source, "export it again from Daylio"))
    header = [name.strip() for name in table.header]
    for column in REQUIRED_COLUMNS:
        if column not in header:
            raise ImportRowError(
                str(source), 1, column, "column is missing; is this a CSV export from Daylio?"
            )
    width = len(header)
    for line, cells in table.rows:
        if len(cells) > width:
            raise ImportRowError(str(source), line, "row", "has more values than the header has columns")
        if len(cells) < width:
            raise ImportRowError(str(source), line, header[len(cells)], "is missing from this row")
    return table.rows, {name: index for index, name in enumerate(header)}


def _check_mood_names(
    source: Path, rows: list[tuple[int, list[str]]], mood_at: int, scale: Mapping[str, int]
) -> None:
    found: dict[str, str] = {}
    first_unknown: tuple[int, str] | None = None
    seen: set[str] = set()
    for line, cells in rows:
        if cells[mood_at] in seen:
            continue  # a cell seen before adds nothing: every row of it after the first is the same
        seen.add(cells[mood_at])
        name = cells[mood_at].strip()
        if not name:
            raise ImportRowError(str(source), line, "mood", "is empty")
        found.setdefault(name.lower(), name)
        if name.lower() not in scale and first_unknown is None:
            first_unknown = (line, name)
    if first_unknown is None:
        return
    line, name = first_unknown
    unknown = [shown for key, shown in found.items() if key not in scale]
    raise ImportRowError(str(source), line, "mood", _unknown_mood_reason(name, list(found.values()), unknown))


def _unknown_mood_reason(name: str, found: list[str], unknown: list[str]) -> str:
    # Placeholder scores spread over the middle of the scale; the person picks the real ones.
    step = 5 / max(len(unknown) - 1, 1)
    example = ",".join(
        f"{label}={round(3 + i * step) if len(unknown) > 1 else 5}" for i, label in enumerate(unknown)
    )
    return (
        f"{name!r} is not one of Daylio's default moods ({', '.join(DEFAULT_MOODS)}). "
        f"This file uses: {', '.join(found)}. Tell Rebound where each of your own moods sits "
        f'on its 1–10 scale, for example --moods "{example}" (pick your own numbers: 1 is your lowest, '
        "10 your best)."
    )


#: The fields :func:`_values` gives, in its order.
_FIELDS = ("at", "mood", "tags", "note", "context")


def _entries(
    source: Path, rows: list[tuple[int, list[str]]], columns: Mapping[str, int], scale: Mapping[str, int]
) -> list[MoodEntry]:
    """A mood entry for each row; the first bad row (in file order) refuses them all, naming its line.

    The Daylio columns of every row are read first, up to the first that cannot
    be; those rows are then built as a batch.  Should one refuse, they are built
    again one by one, so that the refusal named is that of the first bad row.
    """
    values: list[tuple[object, ...]] = []
    failure: tuple[int, ValidationError] | None = None
    read = _reader(columns, scale)
    for line, cells in rows:
        try:
            values.append(read(cells))
        except ValidationError as error:
            failure = (line, error)
            break
    try:
        entries = MoodEntry.build_rows(_FIELDS, values)
    except ValidationError:
        entries = [_entry(source, line, row) for (line, _), row in zip(rows, values)]
    if failure is not None:
        raise _row_error(source, *failure)
    return entries


def _reader(
    columns: Mapping[str, int], scale: Mapping[str, int]
) -> Callable[[list[str]], tuple[object, ...]]:
    """What reads one row's cells into the values of :data:`_FIELDS` (a refusal names the Daylio column).

    An export repeats the same few dozen activity lists, mood names and many notes for
    years, so each distinct cell is worked out once per file.
    """
    day_at, time_at, mood_at = columns["full_date"], columns["time"], columns["mood"]
    activities_at, note_at, title_at = columns["activities"], columns["note"], columns.get("note_title")
    combine = dt.datetime.combine
    scores: dict[str, int] = {}
    activity_lists: dict[str, tuple[str, ...]] = {}
    notes: dict[tuple[str, str], str] = {}

    def read(cells: list[str]) -> tuple[object, ...]:
        day = _date(cells[day_at])
        at = combine(day, parse_clock(cells[time_at]))
        mood = scores.get(cells[mood_at])
        if mood is None:
            mood = scores[cells[mood_at]] = scale[cells[mood_at].strip().lower()]
        tags = activity_lists.get(cells[activities_at])
        if tags is None:
            tags = activity_lists[cells[activities_at]] = tuple(split_activities(cells[activities_at]))
        given = ("" if title_at is None else cells[title_at], cells[note_at])
        note = notes.get(given)
        if note is None:
            note = notes[given] = daylio_note(*given)
        return at, mood, tags, note, "daily"

    return read


def _entry(source: Path, line: int, values: tuple[object, ...]) -> MoodEntry:
    try:
        return MoodEntry.build(dict(zip(_FIELDS, values)))
    except ValidationError as error:
        raise _row_error(source, line, error) from None


def _row_error(source: Path, line: int, error: ValidationError) -> ImportRowError:
    return ImportRowError(str(source), line, _COLUMN_OF.get(error.field, error.field), error.reason)


@functools.lru_cache(maxsize=8192)
def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("full_date", f"{text!r} is not a date (Daylio writes YYYY-MM-DD)") from None

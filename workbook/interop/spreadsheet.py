"""Read a spreadsheet of job applications (CSV, as people keep them) into applications.

Columns may be named as the person likes: common spellings ("Company",
"Employer", "Position", "Date Applied", "Status", "Response date", ...) are
recognised, and ``--map COLUMN=field`` names the rest.  Statuses in everyday
words become a stage and an outcome (see :mod:`workbook.interop.statuses`);
dates are read as :mod:`workbook.interop.sheet_dates` describes.  Columns that
mean nothing to Rebound (salary, link) are left out, and the dry run says so.

Where the response date goes: for an ended application (rejected, offer,
withdrawn, no response) it is the outcome date; for one still in progress past
the application stage it is the day that stage was reached.  A rejection,
offer or withdrawal without a response date is refused, because the recovery
charts count from that day and guessing it would mislead them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from workbook.errors import ImportRowError, ValidationError
from workbook.interop.csv_rows import CsvTable, read_csv
from workbook.interop.importing import ImportSummary
from workbook.interop.plan import ImportPlan, PlannedRow, store
from workbook.interop.sheet_dates import parse_sheet_date
from workbook.interop.statuses import channel_of, combine, normalise, status_meaning
from workbook.interop.text_file import read_utf8
from workbook.journal import Journal
from workbook.records import DATED_OUTCOMES, Application

#: What a spreadsheet column can hold, as named in ``--map``; ``ignore`` leaves a column out.
FIELDS = ("company", "role", "applied_on", "status", "stage", "outcome_on", "channel", "notes")
IGNORE = "ignore"
REQUIRED = ("company", "role", "applied_on")
#: Column names recognised without ``--map`` (compared after :func:`normalise`).
SPELLINGS: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organisation", "organization", "org", "firm"),
    "role": ("position", "role", "job title", "title", "job", "job role", "position title"),
    "applied_on": (
        "date applied", "applied", "applied on", "application date", "date of application",
        "applied date", "date",
    ),
    "status": ("status", "application status", "result", "outcome", "current status"),
    "stage": ("stage", "current stage"),
    "outcome_on": (
        "response date", "outcome date", "date of response", "response", "responded on", "reply date",
        "heard back", "heard back on", "decision date",
    ),
    "channel": ("channel", "response channel", "how heard", "heard via", "via"),
    "notes": ("notes", "note", "comments", "comment"),
}  # fmt: skip
_FIELD_OF = {spelling: name for name, spellings in SPELLINGS.items() for spelling in spellings}
_DESCRIBED = {
    "company": "company name",
    "role": "job title",
    "applied_on": "date you applied",
}


def parse_column_map(text: str) -> dict[str, str]:
    """Parse ``--map`` text such as ``"Firm=company, When=applied_on"`` (column names in any case)."""
    mapping: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        column, equals, name = part.rpartition("=")
        name = name.strip().lower()
        if not equals or not column.strip():
            raise ValidationError(
                "--map", f"{part.strip()!r} should look like COLUMN=field, e.g. Firm=company"
            )
        if name not in (*FIELDS, IGNORE):
            raise ValidationError("--map", f"{name!r} is not one of {', '.join(FIELDS)}, {IGNORE}")
        mapping[column.strip().lower()] = name
    return mapping


def read_applications(
    path: str | os.PathLike[str], column_map: Mapping[str, str] | None = None, order: str | None = None
) -> ImportPlan:
    """Parse a spreadsheet of applications into a plan, all rows or none.

    ``column_map`` maps lower-case column names to fields (see
    :func:`parse_column_map`); ``order`` is ``"dayfirst"``, ``"monthfirst"`` or
    None.  Raises ImportRowError naming the file, line, column and reason.
    """
    source = Path(path)
    text = read_utf8(source, "save the spreadsheet again as “CSV UTF-8”")
    table = read_csv(source, text, delimiter=_delimiter(text))
    header = [name.strip() for name in table.header]
    columns = _columns(source, header, column_map or {})
    plan = ImportPlan(source=source, notes=[_columns_note(header, columns)])
    statuses: dict[str, str] = {}
    for line, row in _rows(table, header):
        app = _application(source, line, row, columns, order)
        said = _status_text(row, columns)
        statuses.setdefault(normalise(said), f"{_quoted(said)} -> {_meaning(app)}")
        plan.rows.append(PlannedRow(line, app, _shown(app, said)))
    if statuses:
        plan.notes.append("Statuses: " + "; ".join(statuses.values()))
    if order:
        plan.notes.append(f"Dates: read {'day' if order == 'dayfirst' else 'month'} first (--{order})")
    return plan


def import_applications(
    journal: Journal,
    path: str | os.PathLike[str],
    column_map: Mapping[str, str] | None = None,
    order: str | None = None,
) -> ImportSummary:
    """Read a spreadsheet of applications into ``journal``, all or nothing; known ones are skipped."""
    return store(journal, read_applications(path, column_map, order))


def _delimiter(text: str) -> str:
    # Spreadsheets set to a European locale write ";" between columns.
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","


def _columns(source: Path, header: list[str], column_map: Mapping[str, str]) -> dict[str, str]:
    by_name = {name.lower(): name for name in header if name}
    chosen: dict[str, str] = {}
    mapped: set[str] = set()
    for wanted, name in column_map.items():
        if wanted not in by_name:
            raise ImportRowError(
                str(source), 1, wanted, f"is not a column of this file; its columns are {_listed(header)}"
            )
        mapped.add(by_name[wanted])
        if name == IGNORE:
            continue
        if name in chosen:
            raise ImportRowError(str(source), 1, name, "--map names two columns for it; keep one")
        chosen[name] = by_name[wanted]
    for column in header:
        name = _FIELD_OF.get(normalise(column))
        if not column or column in mapped or name is None or chosen.get(name) in mapped:
            continue
        if name in chosen:
            raise ImportRowError(
                str(source), 1, column,
                f"both {chosen[name]!r} and {column!r} look like the {name} column; "
                f'leave one out with --map "{column}=ignore"',
            )  # fmt: skip
        chosen[name] = column
    for name in REQUIRED:
        if name not in chosen:
            raise ImportRowError(
                str(source), 1, name,
                f"no column holds the {_DESCRIBED[name]}; the columns are {_listed(header)}. "
                f'Name yours with --map "COLUMN={name}"',
            )  # fmt: skip
    return chosen


def _listed(header: list[str]) -> str:
    return ", ".join(repr(name) for name in header if name) or "(none)"


def _columns_note(header: list[str], columns: dict[str, str]) -> str:
    used = ", ".join(f"{column!r} -> {name}" for name, column in columns.items())
    left = [repr(column) for column in header if column and column not in columns.values()]
    return f"Columns: {used}" + (f"; not imported: {', '.join(left)}" if left else "")


def _rows(table: CsvTable, header: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    for line, cells in table.rows:
        if any(value.strip() for value in cells[len(header) :]):
            raise ImportRowError(
                str(table.source), line, "row", "has more values than the header has columns"
            )
        padded = cells[: len(header)] + [""] * (len(header) - len(cells))
        # A name given twice keeps its last column, as spreadsheets' own CSV readers do.
        row = dict(zip(header, padded))
        if any(value.strip() for value in row.values()):
            yield line, row


def _application(
    source: Path, line: int, row: dict[str, str], columns: dict[str, str], order: str | None
) -> Application:
    def cell(name: str) -> str:
        return row.get(columns[name], "") if name in columns else ""

    status_column = columns.get("status") or columns.get("stage") or "status"
    names = {**columns, "stage_on": columns.get("outcome_on", "outcome_on"), "outcome": status_column}
    try:
        meanings = [
            status_meaning(columns[name], cell(name)) for name in ("status", "stage") if name in columns
        ]
        stage, outcome = combine(status_column, meanings)
        applied_on = parse_sheet_date(names["applied_on"], cell("applied_on"), order)
        response = parse_sheet_date(names["stage_on"], cell("outcome_on"), order)
        outcome_on, stage_on = _place_response(
            stage, outcome, response, _status_text(row, columns), columns.get("outcome_on")
        )
        return Application(
            company=cell("company"),
            role=cell("role"),
            applied_on=applied_on,  # type: ignore[arg-type]
            stage=stage,
            outcome=outcome,
            outcome_on=outcome_on,
            channel=channel_of(names.get("channel", "channel"), cell("channel")),
            notes=cell("notes"),
            stage_on=stage_on,
        )
    except ValidationError as error:
        raise ImportRowError(str(source), line, names.get(error.field, error.field), error.reason) from None


def _place_response(
    stage: str, outcome: str, response: dt.date | None, said: str, column: str | None
) -> tuple[dt.date | None, dt.date | None]:
    """Split the response date into (outcome_on, stage_on), as the module docstring says."""
    if outcome in DATED_OUTCOMES and response is None:
        where = (
            f"fill in its {column!r} cell"
            if column
            else 'add a response date column (or point --map at yours: --map "COLUMN=outcome_on")'
        )
        raise ValidationError(
            "stage_on",
            f"the status says {said!r} but the row has no response date; Rebound counts your recovery "
            f"from the day you heard, so {where}",
        )
    if outcome != "pending":
        return response, None
    if response is not None and stage == "applied":
        raise ValidationError(
            "stage_on",
            f"the row has a response date but the status {said!r} says nothing came back yet; "
            "set the status (Rejected, Interviewing, ...) or clear the date",
        )
    return None, response


def _status_text(row: dict[str, str], columns: dict[str, str]) -> str:
    said = [row.get(columns[name], "").strip() for name in ("status", "stage") if name in columns]
    return " / ".join(word for word in said if word)


def _quoted(said: str) -> str:
    return repr(said) if said else "(no status)"


def _meaning(app: Application) -> str:
    return f"stage {app.stage}, outcome {app.outcome}"


def _shown(app: Application, said: str) -> str:
    text = f"{app.company} — {app.role}, applied {app.applied_on}: {_quoted(said)} -> {_meaning(app)}"
    if app.outcome_on:
        text += f" on {app.outcome_on}"
    if app.stage_on:
        text += f", {app.stage} reached {app.stage_on}"
    if app.channel != "none":
        text += f", via {app.channel}"
    return text

"""``workbook add``, ``update``, ``list`` and ``delete``: records one at a time."""

from __future__ import annotations

import argparse
import datetime as dt

from workbook.cli import growth
from workbook.cli.common import (
    comma_list,
    journal_option,
    open_journal,
    print_json,
    print_table,
    record_id,
)
from workbook.errors import ValidationError
from workbook.growth_records import CheckIn, FollowUp, Motivation, Person, SelfReview
from workbook.mood_days import WINDOW_DAYS, mood_days
from workbook.records import (
    CHANNELS,
    CONTEXTS,
    OUTCOMES,
    STAGES,
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
from workbook.values import parse_date

#: Names a person types for each record type: singular for one record, plural for a list.
KINDS: dict[str, type[Record]] = {
    "application": Application,
    "mood": MoodEntry,
    "feedback": FeedbackItem,
    "call": CallNotes,
    "reflection": Reflection,
    "checklist": ChecklistRun,
    "action": Action,
    "support": SupportContact,
    "stage": StageChange,
    "person": Person,
    "followup": FollowUp,
    "review": SelfReview,
    "want": Motivation,
    "checkin": CheckIn,
}
#: The column with each day's recent mean, named like :func:`workbook.metrics.rolling_mood`'s series.
RECENT = f"mean_{WINDOW_DAYS}d"
_IRREGULAR = {"feedback": "feedback", "support": "support", "person": "people"}
PLURALS = {_IRREGULAR.get(name, name + "s"): kind for name, kind in KINDS.items()}


def register(commands: argparse._SubParsersAction) -> None:
    """Add the add, update, list and delete subcommands."""
    parent = journal_option()
    add = commands.add_parser(
        "add", help="log an application, a mood, feedback, a check-in and more", parents=[parent]
    )
    add_kinds = add.add_subparsers(dest="kind", metavar="KIND", required=True)
    app = add_kinds.add_parser("application", help="log a job application", parents=[parent])
    _application_options(
        app,
        required=True,
        stage_on_help="the day it reached --stage (default: --outcome-on when given, else today)",
    )
    app.set_defaults(handler=_add_application)
    mood = add_kinds.add_parser("mood", help="log how you feel", parents=[parent])
    _mood_options(mood)
    mood.set_defaults(handler=_add_mood)
    growth.register_add(add_kinds, parent)

    update = commands.add_parser(
        "update", help="change a logged application, mark a follow-up done, ...", parents=[parent]
    )
    update_kinds = update.add_subparsers(dest="kind", metavar="KIND", required=True)
    upd = update_kinds.add_parser(
        "application", help="change an application's stage or outcome", parents=[parent]
    )
    upd.add_argument(
        "id", type=record_id("id"), help="the application's id (see `workbook list applications`)"
    )
    _application_options(
        upd,
        required=False,
        stage_on_help="the day it reached the new --stage (default: --outcome-on when given, else today)",
    )
    upd.set_defaults(handler=_update_application)
    growth.register_update(update_kinds, parent)

    listing = commands.add_parser("list", help="show logged records", parents=[parent])
    listing.add_argument("kind", choices=sorted(PLURALS), metavar="KIND", help=", ".join(sorted(PLURALS)))
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.add_argument(
        "--due",
        nargs="?",
        const="today",
        metavar="YYYY-MM-DD",
        help="followups only: just the open ones due by today (or by the date given), newest due first",
    )
    listing.add_argument(
        "--daily",
        action="store_true",
        help=f"moods only: one row per day, its mean mood and the mean of the last {WINDOW_DAYS} days",
    )
    listing.set_defaults(handler=_list)

    delete = commands.add_parser("delete", help="delete one record (cannot be undone)", parents=[parent])
    delete.add_argument("kind", choices=sorted(KINDS), metavar="KIND", help=", ".join(sorted(KINDS)))
    delete.add_argument("id", type=record_id("id"))
    delete.add_argument("--yes", action="store_true", help="confirm: the record is deleted for good")
    delete.set_defaults(handler=_delete)


def _application_options(parser: argparse.ArgumentParser, *, required: bool, stage_on_help: str) -> None:
    parser.add_argument("--company", required=required)
    parser.add_argument("--role", required=required)
    parser.add_argument("--applied-on", required=required, metavar="YYYY-MM-DD")
    parser.add_argument("--stage", help=f"how far it got: {', '.join(STAGES)}")
    parser.add_argument("--stage-on", metavar="YYYY-MM-DD", help=stage_on_help)
    parser.add_argument("--outcome", help=f"{', '.join(OUTCOMES)}")
    parser.add_argument("--outcome-on", metavar="YYYY-MM-DD", help="when you heard")
    parser.add_argument("--channel", help=f"how you heard: {', '.join(CHANNELS)}")
    parser.add_argument("--notes")
    invited = parser.add_mutually_exclusive_group()
    invited.add_argument(
        "--invited-back",
        dest="invited_back",
        action="store_true",
        default=None,
        help="the employer invited you to apply again",
    )
    invited.add_argument(
        "--not-invited-back", dest="invited_back", action="store_false", help="they did not (the default)"
    )


def _mood_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mood", required=True, help="1 (very low) to 10 (very good)")
    parser.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="when (default: now)")
    parser.add_argument("--emotions", type=comma_list, default=[], help="comma-separated words")
    parser.add_argument("--tags", type=comma_list, default=[], help="comma-separated activities")
    parser.add_argument("--energy", help="1 to 5")
    parser.add_argument("--note", default="")
    parser.add_argument("--context", default="daily", help=", ".join(CONTEXTS))
    parser.add_argument(
        "--application", type=record_id("--application"), help="id of the application this is about"
    )


_APP_FIELDS = (
    "company",
    "role",
    "applied_on",
    "stage",
    "stage_on",
    "outcome",
    "outcome_on",
    "channel",
    "notes",
    "invited_back",
)


def _given(args: argparse.Namespace) -> dict[str, object]:
    return {name: getattr(args, name) for name in _APP_FIELDS if getattr(args, name) is not None}


def _add_application(args: argparse.Namespace) -> int:
    record = Application(**_given(args))
    with open_journal(args) as journal:
        saved = journal.add(record)
    print(f"Logged application {saved.id}: {saved.role} at {saved.company}.")
    return 0


def _update_application(args: argparse.Namespace) -> int:
    given = _given(args)
    given.pop("stage_on", None)
    with open_journal(args) as journal:
        current = journal.get(Application, args.id)
        changed = current.replace(**given, stage_on=None)
        if changed.stage == current.stage:
            saved = journal.update(changed)
        else:
            # The new stage is dated explicitly; the stored record's stage date belongs to the old stage.
            stage_on = args.stage_on or args.outcome_on or dt.date.today()
            saved = journal.update(changed, stage_on=stage_on)
    invited = "; invited to apply again" if saved.invited_back else ""
    print(f"Updated application {saved.id}: {saved.stage}, {saved.outcome}{invited}.")
    return 0


def _add_mood(args: argparse.Namespace) -> int:
    record = MoodEntry(
        at=args.at or dt.datetime.now(),
        mood=args.mood,
        emotions=args.emotions,
        tags=args.tags,
        energy=args.energy,
        note=args.note,
        context=args.context,
        application_id=args.application,
    )
    with open_journal(args) as journal:
        saved = journal.add(record)
    print(f"Logged mood {saved.mood}/10 at {saved.at:%Y-%m-%d %H:%M}.")
    return 0


def _list(args: argparse.Namespace) -> int:
    kind = PLURALS[args.kind]
    if args.daily:
        return _list_daily(args)
    by = _due_by(args)
    with open_journal(args) as journal:
        records = journal.records(kind)
    if by is not None:
        records = growth.due(records, by)  # type: ignore[arg-type]
    rows = [record.to_plain() for record in records]
    if args.json:
        print_json(rows)
    elif by is not None:
        print_table(rows, empty=f"No follow-ups due by {by.isoformat()}.")
    else:
        print_table(rows, empty=f"No {args.kind} logged yet.")
    return 0


def _list_daily(args: argparse.Namespace) -> int:
    if PLURALS[args.kind] is not MoodEntry:
        raise ValidationError("--daily", f"only applies to moods, not {args.kind}")
    if args.due is not None:
        raise ValidationError("--due", "only applies to followups, not moods")
    with open_journal(args) as journal:
        days = mood_days(journal.mood_times())
    rows = [
        {"date": day.date.isoformat(), "mood": day.mood, "entries": day.entries, RECENT: day.recent}
        for day in days
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            [{**row, "mood": f"{day.mood:.1f}", RECENT: f"{day.recent:.1f}"} for row, day in zip(rows, days)],
            empty="No moods logged yet.",
        )
    return 0


def _due_by(args: argparse.Namespace) -> dt.date | None:
    if args.due is None:
        return None
    if PLURALS[args.kind] is not FollowUp:
        raise ValidationError("--due", f"only applies to followups, not {args.kind}")
    if args.due == "today":
        return dt.date.today()
    return parse_date("--due", args.due)


def _delete(args: argparse.Namespace) -> int:
    if not args.yes:
        raise ValidationError(
            "--yes", f"deleting {args.kind} {args.id} cannot be undone; add --yes to confirm"
        )
    with open_journal(args) as journal:
        journal.delete(KINDS[args.kind], args.id)
    print(f"Deleted {args.kind} {args.id}.")
    return 0

"""``workbook demo``: write the sample journal into its own file, never into the person's journal."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbook.cli.common import journal_at
from workbook.demo import DEMO_END, build_demo, default_demo_path, is_sample
from workbook.errors import ValidationError
from workbook.journal import Journal
from workbook.location import DEFAULT_NAME
from workbook.messages import count, records_count
from workbook.records import RECORD_TYPES, Application


def register(commands: argparse._SubParsersAction) -> None:
    """Add the demo subcommand."""
    demo = commands.add_parser(
        "demo",
        help="write a sample journal to try the workbook with (your own journal is never touched)",
        description="Write six months of a fictional job search into a separate sample journal.",
    )
    demo.add_argument(
        "--journal",
        metavar="PATH",
        # Suppressed so that `workbook --journal PATH demo` still counts.
        default=argparse.SUPPRESS,
        help="where to write the sample (default: data/demo.db of the workbook folder)",
    )
    demo.add_argument(
        "--force",
        action="store_true",
        help="replace what that file already holds with a fresh sample",
    )
    demo.set_defaults(handler=_demo)


def demo_target(explicit: str | None) -> Path:
    """The file the sample goes into; refuses any file named like a person's journal."""
    target = Path(explicit).expanduser() if explicit else default_demo_path()
    if target.resolve().name == DEFAULT_NAME.name:
        raise ValidationError(
            "--journal",
            f"{target} is where a person's own journal lives; the sample goes in a file of its own, "
            "such as data/demo.db",
        )
    return target


def _demo(args: argparse.Namespace) -> int:
    target = demo_target(getattr(args, "journal", None))
    with journal_at(target) as journal:
        held = sum(journal.counts().values())
        if held and not is_sample(journal):
            # --force replaces a sample; nothing ever replaces entries a person made.
            raise ValidationError(
                "--journal",
                f"{target} holds {held} records that are not the sample; the sample is never written over them. "
                "Choose another file.",
            )
        if held and not args.force:
            raise ValidationError(
                "--force",
                f"{target} already holds {held} records; add --force to replace them with a fresh sample",
            )
        with journal.transaction():
            _empty(journal)
            build_demo(journal)
        print(_summary(journal, target))
    return 0


def _empty(journal: Journal) -> None:
    # Records that point at applications go first, the applications last.
    for kind in reversed(RECORD_TYPES):
        for record in journal.records(kind):
            journal.delete(kind, record.id)  # type: ignore[arg-type]


def _summary(journal: Journal, target: Path) -> str:
    counts = journal.counts()
    rejections = sum(app.outcome == "rejected" for app in journal.records(Application))
    said = {table: records_count(table, number) for table, number in counts.items()}
    return (
        f"Wrote a sample journal to {target}, ending on {DEMO_END.isoformat()}:\n"
        f"  {said['applications']} ({count(rejections, 'rejection')}), {said['mood_entries']}, "
        f"{said['feedback_items']},\n"
        f"  {said['call_notes']}, {said['reflections']}, {said['checklist_runs']}, {said['actions']},\n"
        f"  {said['support_contacts']},\n"
        f"  {said['people']}, {said['follow_ups']}, {said['self_reviews']}, {said['motivations']}, "
        f"{said['check_ins']}.\n"
        "Everyone in it is made up; your own journal was not touched."
    )

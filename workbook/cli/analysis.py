"""``workbook metrics`` and ``workbook report``: how the person is bouncing back."""

from __future__ import annotations

import argparse

from workbook.cli.common import journal_option, open_journal, print_json, print_table


def register(commands: argparse._SubParsersAction) -> None:
    """Add the metrics and report subcommands."""
    parent = journal_option()
    show = commands.add_parser(
        "metrics", help="baseline, dip, recovery and bounce-back for each rejection", parents=[parent]
    )
    show.add_argument("--json", action="store_true", help="print JSON instead of a table")
    show.set_defaults(handler=_metrics)

    report = commands.add_parser(
        "report", help="write a self-contained HTML report with the metrics and charts", parents=[parent]
    )
    report.add_argument("out", metavar="OUT.html", help="where to write the report")
    report.set_defaults(handler=_report)


def _metrics(args: argparse.Namespace) -> int:
    from workbook import metrics  # deferred: pandas takes seconds to import, and most commands never need it

    with open_journal(args) as journal:
        rejections = metrics.rejection_metrics(journal.applications(), journal.moods())
    rows = metrics.rejection_rows(rejections)
    if args.json:
        print_json(rows)
        return 0
    print_table(rows, empty="No rejections logged yet.")
    if rows:
        print()
        print(metrics.recovery_trend(rejections).words)
    return 0


def _report(args: argparse.Namespace) -> int:
    # The report draws charts; matplotlib loads only when one is asked for.
    from workbook.folder import folder_template
    from workbook.location import workbook_inputs
    from workbook.report import write_report
    from workbook.themes import load_vocabulary

    vocabulary = load_vocabulary(folder_template().feedback_themes)  # a coach's theme names, where set
    with open_journal(args) as journal:
        path = write_report(journal, args.out, vocabulary=vocabulary, inputs=workbook_inputs())
    print(f"Wrote your report to {path}.")
    return 0

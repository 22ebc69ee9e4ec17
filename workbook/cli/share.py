"""``workbook share`` (a summary bundle for a coach) and ``workbook cohort`` (the coach's page of many bundles)."""

from __future__ import annotations

import argparse
import sys

from workbook.cli.common import journal_option, open_journal
from workbook.location import journal_path, workbook_inputs
from workbook.messages import (
    COHORT_WRITTEN,
    SHARE_DECLINED,
    SHARE_NO_ANSWER,
    SHARE_QUESTION,
    SHARE_WRITTEN,
    count,
)

#: Exit code when nothing was written because no one said yes (not an error: nothing was wrong).
EXIT_NOT_SHARED = 1
_YES = ("y", "yes")


def register(commands: argparse._SubParsersAction) -> None:
    """Add the share and cohort subcommands."""
    share = commands.add_parser(
        "share",
        help="write a summary bundle for your coach (shows what it holds and asks first)",
        description="Write a zip for your coach: counts, how you bounced back after each rejection, feedback "
        "themes, check-in scores and charts. Your own words and company names go in only if you --include "
        "them. It shows what the file will hold and asks before writing; Rebound never sends it.",
        parents=[journal_option()],
    )
    share.add_argument("out", metavar="OUT.zip", help="where to write the bundle")
    share.add_argument(
        "--include",
        metavar="WHAT",
        default="",
        help="also share, comma-separated: feedback, notes, reflections, companies (default: none of them)",
    )
    share.add_argument(
        "--yes", action="store_true", help="write without asking (you have seen what it holds)"
    )
    share.set_defaults(handler=_share)

    cohort = commands.add_parser(
        "cohort",
        help="for coaches: one HTML page from your clients' bundles",
        description="Read the bundles your clients shared and write one self-contained page: each client's "
        "rejections and recovery days, the feedback themes across them, and their check-in scores. "
        "A bundle that is damaged or not a bundle is refused, and no page is written.",
    )
    cohort.add_argument("bundles", metavar="BUNDLE", nargs="+", help="bundles your clients sent you")
    cohort.add_argument("--out", required=True, metavar="COHORT.html", help="where to write the page")
    cohort.add_argument("--labels", metavar="A,B,C", default=None, help="a name for each client, in order")
    cohort.set_defaults(handler=_cohort)


def _share(args: argparse.Namespace) -> int:
    # Deferred: gathering a bundle needs pandas and draws charts with matplotlib.
    from workbook.folder import folder_template
    from workbook.share import check_target, gather, parse_includes, preview_text, write_bundle

    included = parse_includes(args.include)
    target = check_target(
        args.out, "OUT.zip", journal=journal_path(getattr(args, "journal", None)), inputs=workbook_inputs()
    )
    with open_journal(args) as journal:
        bundle = gather(journal, folder_template(), included)
    print(preview_text(bundle, target))
    if not args.yes:
        answer = _answer()
        if answer is None:
            print(SHARE_NO_ANSWER)
            return EXIT_NOT_SHARED
        if answer.strip().lower() not in _YES:
            print(SHARE_DECLINED)
            return EXIT_NOT_SHARED
    write_bundle(target, bundle.members())
    print(SHARE_WRITTEN.format(path=target))
    return 0


def _answer() -> str | None:
    """The person's answer to the question, or None when standard input has none (closed or empty)."""
    print(SHARE_QUESTION, end="", flush=True)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        print()
        return None
    return line


def _cohort(args: argparse.Namespace) -> int:
    from workbook.share import Cohort, check_target
    from workbook.share.page import write_cohort_page

    # The person's own journal is guarded too: a coach may keep one beside the bundles.
    target = check_target(args.out, "--out", journal=journal_path(), inputs=args.bundles)
    cohort = Cohort.read(args.bundles, args.labels)  # every bundle is checked before the page is drawn
    write_cohort_page(cohort, target)
    print(COHORT_WRITTEN.format(path=target, bundles=count(len(cohort), "bundle")))
    return 0

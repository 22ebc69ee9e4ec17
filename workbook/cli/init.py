"""``workbook init DIR [--template FILE]``: build a client's workbook folder from a coach's template."""

from __future__ import annotations

import argparse

from workbook.folder import NOTEBOOKS, TEMPLATE_NAME, create_folder


def register(commands: argparse._SubParsersAction) -> None:
    """Add the init subcommand."""
    init = commands.add_parser(
        "init",
        help="build a workbook folder from a template (a coach's, or the built-in one)",
        description=(
            "Build a workbook folder: workbook.toml, a copy of the template, the notebooks built from it "
            "and data/ for the journal. DIR is created, or must be empty; nothing in it is ever replaced."
        ),
    )
    init.add_argument("folder", metavar="DIR", help="the folder to build (new, or empty)")
    init.add_argument(
        "--template", metavar="FILE", help="the template, a YAML file (default: the built-in one)"
    )
    init.set_defaults(handler=_init)


def _init(args: argparse.Namespace) -> int:
    folder = create_folder(args.folder, args.template)
    notebooks = sorted(path.name for path in (folder / NOTEBOOKS).glob("*.ipynb"))
    print(f"Built a workbook in {folder}: {len(notebooks)} notebooks, its template in {TEMPLATE_NAME}.")
    print(f"Open it with: workbook lab {folder}")
    return 0

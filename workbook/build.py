"""The workbook's notebooks, built with nbformat from a template.

The notebooks' one source is the skeletons in ``workbook/notebooks/``: the
cells of each notebook, with the texts that come from the template left as
placeholders (``{{title}}``, ``{{welcome_title}}``, ``{{welcome_text}}``,
``{{coach}}`` on Start here, ``{{next}}`` at the end of the others).
:func:`build_notebooks` fills them in for the notebooks the template names,
drops list items that link to a notebook it leaves out, and links each notebook
to the next one it includes.  The code of each skeleton starts with a cell
tagged ``parameters`` (papermill's convention) holding the defaults the
notebook runs with (``journal = None``: the workbook folder's journal).  The repository's own ``notebooks/`` are this build of the
built-in template:

    python -m workbook.build notebooks/
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workbook import messages
from workbook.errors import TemplateError, WorkbookError
from workbook.files import private_dir, write_private_text

if TYPE_CHECKING:
    import nbformat

    from workbook.template import Template

#: Where the notebook skeletons live (shipped with the package).
SKELETONS = Path(__file__).parent / "notebooks"
#: The notebook every workbook opens on; it may not be left out.
START = "00_start_here"
#: papermill's tag for the cell holding a notebook's defaults.
PARAMETERS_TAG = "parameters"

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_LINK = re.compile(r"\]\(([^)\s]+\.ipynb)\)")
_NUMBERED = re.compile(r"^(\s*)\d+\.(\s)")
_BULLET = re.compile(r"^\s*(?:\d+\.|[-*+])\s")


def available() -> tuple[str, ...]:
    """The notebooks a template may include, by file stem, in their built-in order."""
    return tuple(sorted(path.stem for path in SKELETONS.glob("*.ipynb")))


def included(template: Template) -> tuple[str, ...]:
    """The notebooks ``template`` includes (all of them when it names none); TemplateError if it names one that is not."""
    stems = tuple(template.notebooks) or available()
    known = available()
    for number, stem in enumerate(stems):
        if stem not in known:
            raise TemplateError(
                f"{template.source}: notebooks[{number}]: there is no notebook {stem!r} "
                f"(there are: {', '.join(known)})"
            )
    if START not in stems:
        raise TemplateError(
            f"{template.source}: notebooks: must include {START!r}, where every workbook opens"
        )
    return stems


def build_notebooks(template: Template, out: str | Path) -> list[Path]:
    """Write the notebooks ``template`` includes into ``out`` (0700), each 0600; return their paths."""
    import nbformat

    folder = private_dir(out)
    written = []
    for stem in included(template):
        path = folder / f"{stem}.ipynb"
        write_private_text(path, nbformat.writes(build_notebook(template, stem)) + "\n")
        written.append(path)
    return written


def build_notebook(template: Template, stem: str) -> nbformat.NotebookNode:
    """The notebook ``stem`` filled in from ``template`` (which must include it)."""
    import nbformat

    stems = included(template)
    if stem not in stems:
        raise TemplateError(f"{template.source}: notebooks: does not include {stem!r}")
    notebook = _skeleton(stem)
    words = _texts(template, stem, stems)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = _without_missing(_fill(cell.source, words, stem), stems)
    first_code = next((cell for cell in notebook.cells if cell.cell_type == "code"), None)
    if first_code is None or PARAMETERS_TAG not in first_code.metadata.get("tags", []):
        raise WorkbookError(f"notebook {stem}: its first code cell must be tagged {PARAMETERS_TAG!r}")
    nbformat.validate(notebook)
    return notebook


@functools.cache
def notebook_title(stem: str) -> str:
    """How links name notebook ``stem``: its heading, and "Start here" for the first one."""
    if stem == START:
        return messages.START_HERE
    for cell in _skeleton(stem).cells:
        if cell.cell_type == "markdown" and cell.source.startswith("# "):
            return cell.source.splitlines()[0][2:].strip()
    return stem


# --- filling in -------------------------------------------------------------------


def _skeleton(stem: str) -> nbformat.NotebookNode:
    import nbformat

    return nbformat.read(SKELETONS / f"{stem}.ipynb", as_version=4)


def _texts(template: Template, stem: str, stems: Sequence[str]) -> dict[str, str]:
    coach = " · ".join(_one_line(part) for part in (template.coach.name, template.coach.contact) if part)
    return {
        "title": _one_line(template.title),
        "welcome_title": _one_line(template.welcome_title),
        "welcome_text": template.welcome_text.strip(),
        "coach": messages.COACH_LINE.format(coach=coach) if coach else "",
        "next": _next_line(stem, stems),
    }


def _next_line(stem: str, stems: Sequence[str]) -> str:
    home = _link(START)
    later = [s for s in stems[stems.index(stem) + 1 :] if s != START]
    if not later:
        return messages.LAST_NOTEBOOK.format(home=home)
    return messages.NEXT_NOTEBOOK.format(next=_link(later[0]), home=home)


def _link(stem: str) -> str:
    return f"[{notebook_title(stem)}]({stem}.ipynb)"


def _fill(source: str, words: Mapping[str, str], stem: str) -> str:
    def replace(match: re.Match[str]) -> str:
        if match[1] not in words:
            raise WorkbookError(f"notebook {stem}: {{{{{match[1]}}}}} is not a text a template gives")
        return words[match[1]]

    # One pass: a template text holding "{{...}}" stays as written.  A placeholder left empty
    # (no coach) leaves no blank paragraph behind.
    filled = _PLACEHOLDER.sub(replace, source)
    return re.sub(r"\n{3,}", "\n\n", filled).strip()


def _without_missing(source: str, stems: Sequence[str]) -> str:
    """``source`` without the list items that link to a notebook not built; numbered items renumbered."""
    lines, number = [], 0
    for line in source.split("\n"):
        if _BULLET.match(line):
            targets = [Path(target).stem for target in _LINK.findall(line)]
            if any(target not in stems for target in targets):
                continue
            numbered = _NUMBERED.match(line)
            if numbered:
                number += 1
                line = f"{numbered[1]}{number}.{numbered[2]}{line[numbered.end() :]}"
        else:
            number = 0
        lines.append(line)
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- python -m workbook.build -------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Write a template's notebooks into a folder (the repository's ``notebooks/``: the built-in template)."""
    from workbook.template import load_template

    parser = argparse.ArgumentParser(prog="python -m workbook.build", description=main.__doc__)
    parser.add_argument(
        "out", help="the folder to write the notebooks into (files of the same name are replaced)"
    )
    parser.add_argument("--template", metavar="FILE", help="the template (default: the built-in one)")
    args = parser.parse_args(argv)
    try:
        written = build_notebooks(load_template(args.template), args.out)
    except (WorkbookError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print("\n".join(str(path) for path in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())

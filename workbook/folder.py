"""A client's workbook folder: ``workbook.toml``, the coach's template, the notebooks built from it, ``data/``.

:func:`create_folder` is ``workbook init``: it checks the template first, builds
the whole folder in a private staging folder and only then moves it into place,
so a bad template or a failure on the way leaves nothing behind.  It fills a new
or empty folder only: nothing already there (a journal above all) is ever
overwritten or deleted.

:func:`folder_template` is the other half: the template a workbook folder names
in its ``workbook.toml``, which the notebooks and widgets run from
``DIR/notebooks`` read (the built-in one when the folder names none).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workbook import build
from workbook.errors import TemplateError, ValidationError
from workbook.files import private_dir, write_private_bytes, write_private_text
from workbook.location import DEFAULT_NAME, MARKER, find_workbook_dir
from workbook.template import DEFAULT_TEMPLATE, Template, default_template, load_template

#: The copy of the coach's template inside a workbook folder.
TEMPLATE_NAME = "template.yaml"
NOTEBOOKS = "notebooks"

_TOML_HEADER = (
    "# A Rebound workbook: the journal lives in data/journal.db beside this file (unless --journal\n"
    "# or WORKBOOK_JOURNAL says otherwise), and every text comes from the template named here.\n"
)


def create_folder(
    target: str | os.PathLike[str], template_file: str | os.PathLike[str] | None = None
) -> Path:
    """Build a workbook folder at ``target`` (new, or an empty folder) from ``template_file``; return it.

    Without ``template_file`` the built-in template is used.  A template with
    an error raises TemplateError and a ``target`` that is not an empty folder
    raises ValidationError, both before anything is written.
    """
    source = Path(template_file).expanduser() if template_file is not None else DEFAULT_TEMPLATE
    template = load_template(source)
    build.included(template)
    text = source.read_bytes()
    folder = Path(target).expanduser().resolve()
    _refuse_unless_empty(folder, str(target))
    if folder.exists():
        # An existing folder keeps its owner and mode: its contents are staged inside it, then moved up.
        _fill_in_place(folder, template, text)
    else:
        private_dir(folder.parent)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.init-", dir=folder.parent))
        try:
            _write(staging, template, text)
            # Fails (and writes nothing) if something made the folder meanwhile and put files in it.
            os.rename(staging, folder)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return folder


def folder_template(start: str | os.PathLike[str] | None = None) -> Template:
    """The template of the workbook folder at or above ``start`` (default: the working directory).

    It is the file ``workbook.toml`` names under ``[workbook] template``,
    relative to the folder; the built-in template when there is no workbook
    folder or it names none.
    """
    folder = find_workbook_dir(start)
    if folder is None:
        return default_template()
    name = _template_setting(folder / MARKER)
    if name is None:
        return default_template()
    return load_template(folder / Path(name).expanduser())


def workbook_toml(title: str, template_name: str = TEMPLATE_NAME) -> str:
    """The text of a workbook folder's ``workbook.toml``."""
    return (
        f"{_TOML_HEADER}[workbook]\ntitle = {toml_string(title)}\ntemplate = {toml_string(template_name)}\n"
    )


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (quoted, with every character TOML forbids raw escaped)."""
    escaped = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    out = []
    for char in text:
        if char in escaped:
            out.append(escaped[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


# --- building -----------------------------------------------------------------------


def _refuse_unless_empty(folder: Path, named: str) -> None:
    if not folder.exists():
        return
    if not folder.is_dir():
        raise ValidationError(named, "is a file, not a folder; give a new or empty folder")
    if any(folder.iterdir()):
        what = "holds a journal" if (folder / DEFAULT_NAME).exists() else "is not empty"
        raise ValidationError(named, f"{what}; give a new or empty folder (nothing was written)")


def _write(folder: Path, template: Template, text: bytes) -> None:
    write_private_bytes(folder / TEMPLATE_NAME, text)
    write_private_text(folder / MARKER, workbook_toml(template.title))
    build.build_notebooks(template, folder / NOTEBOOKS)
    private_dir(folder / DEFAULT_NAME.parent)


def _fill_in_place(folder: Path, template: Template, text: bytes) -> None:
    staging = Path(tempfile.mkdtemp(prefix=".workbook-init-", dir=folder))
    moved: list[Path] = []
    try:
        _write(staging, template, text)
        for entry in sorted(staging.iterdir()):
            destination = folder / entry.name
            if destination.exists():  # put there while we built: never replaced
                raise FileExistsError(17, "already exists", str(destination))
            os.rename(entry, destination)
            moved.append(destination)
        staging.rmdir()
    except BaseException:
        for destination in moved:  # ours, just moved: put the folder back as it was
            shutil.rmtree(destination) if destination.is_dir() else destination.unlink()
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _template_setting(marker: Path) -> str | None:
    try:
        settings: Mapping[str, Any] = tomllib.loads(marker.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise TemplateError(f"{marker}: is not valid TOML ({error})") from error
    section = settings.get("workbook", {})
    if not isinstance(section, Mapping):
        raise TemplateError(f"{marker}: workbook: must be a table ([workbook])")
    name = section.get("template")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise TemplateError(f"{marker}: workbook.template: must name the template file, as text")
    return name

"""The workbook template: every text a person reads in the widgets, as data.

The built-in template (``workbook/templates/default.yaml``) holds the guidance
of DESIGN.md.  A coach's template is a YAML file that names only what it
changes; :func:`load_template` lays it over the built-in one key by key (see
:mod:`workbook.template.merge`), checks the result against the declared schema
(:func:`template_schema`) and returns a :class:`Template`.  YAML is read as
data, never as code.  A template with a problem is refused with one
:class:`~workbook.errors.TemplateError`: ``FILE:LINE: FIELD: reason``, the line
being the coach's own.

:func:`merged_template_data` gives the merged plain data (for a coach to edit)
and :func:`dump_template` writes such data back as YAML that loads again.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.template import build
from workbook.template.model import (
    THEME_PLACEHOLDER,
    ActionTexts,
    Checklist,
    Coach,
    FollowUpTexts,
    FormMessages,
    Item,
    MoodTexts,
    NewsTexts,
    PromptSet,
    Questionnaire,
    RejectionLogTexts,
    Statement,
    SupportTexts,
    Template,
)

__all__ = [
    "CALL_COVERED",
    "DEFAULT_TEMPLATE",
    "THEME_PLACEHOLDER",
    "ActionTexts",
    "Checklist",
    "Coach",
    "FollowUpTexts",
    "FormMessages",
    "Item",
    "MoodTexts",
    "NewsTexts",
    "PromptSet",
    "Questionnaire",
    "RejectionLogTexts",
    "Statement",
    "SupportTexts",
    "Template",
    "default_template",
    "dump_template",
    "load_template",
    "merged_template_data",
    "template_schema",
]

if TYPE_CHECKING:
    from workbook.template.merge import Merged
    from workbook.template.source import Located

TEMPLATES = Path(__file__).parent.parent / "templates"
DEFAULT_TEMPLATE = TEMPLATES / "default.yaml"

#: The checklist the rejection log uses for "what the employer covered on the call".
CALL_COVERED = "call_covered"

_DUMP_HEADER = """\
A Rebound workbook template, written by the template designer.
Build a workbook from it with: workbook init DIR --template THIS_FILE"""


def load_template(source: str | Path | Mapping[str, Any] | None = None) -> Template:
    """Load and check a template: None is the built-in one; a path names a YAML file; a mapping is data.

    A file or mapping names what it changes; the rest comes from the built-in template.
    """
    merged, name = _merged(source)
    return build.template(merged.data, name)


@functools.cache
def default_template() -> Template:
    """The built-in template, read once (forms use its messages when given no template)."""
    return load_template()


def merged_template_data(source: str | Path | Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The checked plain data of a template laid over the built-in one: what a coach edits and saves.

    Changing the returned data changes nothing else; :func:`dump_template` writes it back.
    """
    from workbook.template.source import plain

    return plain(copy.deepcopy(_merged(source)[0].data))


def dump_template(data: Mapping[str, Any]) -> str:
    """Template ``data`` as YAML text that :func:`load_template` reads back to an equal Template.

    The data is checked first: a template that would not load is refused with
    TemplateError, so nothing unusable is ever saved.
    """
    from workbook.template.source import dump

    load_template(data)
    return dump(data, _DUMP_HEADER)


@functools.cache
def _template_schema() -> dict[str, Any]:
    from workbook.template.schema import SCHEMA, widgets_schema

    full = copy.deepcopy(SCHEMA)
    full["properties"]["widgets"] = widgets_schema(_builtin().data.get("widgets", {}))
    return full


def template_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a complete template, the widgets' texts included."""
    return copy.deepcopy(_template_schema())


# --- loading ------------------------------------------------------------------------


@functools.cache
def _builtin() -> Located:
    from workbook.template.source import read_shipped

    return read_shipped(DEFAULT_TEMPLATE)


@functools.cache
def _validator() -> Any:
    from workbook.template.checks import validator_for

    return validator_for(_template_schema())


def _merged(source: str | Path | Mapping[str, Any] | None) -> tuple[Merged, str]:
    from workbook.template import checks, merge
    from workbook.template.source import Located, plain, read_file

    base = _builtin()
    if source is None:
        # The built-in template ships with Rebound and a test checks it (tests/test_fast_notebooks.py):
        # checking it again in every kernel would cost more than reading it.
        return merge.alone(base), str(DEFAULT_TEMPLATE)
    own = Located(plain(source), "template") if isinstance(source, Mapping) else read_file(Path(source))
    merged = merge.merge(base, own)
    checks.check(merged, _validator())
    return merged, own.file

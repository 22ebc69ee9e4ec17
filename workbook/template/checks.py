"""Checking merged template data: the schema first, then the rules a schema cannot say.

The first problem, in the order of the coach's file, becomes one
:class:`~workbook.errors.TemplateError`: ``FILE:LINE: FIELD: reason``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import sys
from collections.abc import Iterator, Mapping
from typing import Any

from workbook.errors import TemplateError
from workbook.template import schema as shapes
from workbook.template.merge import Merged
from workbook.template.source import FieldPath, refusal

#: The placeholders the thank-you draft may use.
THANK_YOU_PLACEHOLDERS = ("interviewer", "role", "company", "appreciated", "working_on")

_ITEM_LISTS = (("questions",), ("self_review",), ("checkin", "statements"))
_KINDS = {
    bool: "true or false",
    int: "a number",
    float: "a number",
    str: "text",
    list: "a list",
    type(None): "empty",
    dt.date: "a date",
    dt.datetime: "a date and time",
}
_TYPES = {
    "string": "text",
    "object": "a mapping of names to values",
    "array": "a list",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def check(merged: Merged, validator: Any) -> None:
    """Refuse ``merged`` data that ``validator`` (see :func:`validator_for`) or a rule beyond it refuses.

    The error names the problem that comes first in the coach's file.
    """
    errors = list(validator.iter_errors(merged.data))
    if errors:
        raise min((_refusal(merged, error) for error in errors), key=_order)
    for path, reason in _rules(merged.data):
        file, line, where = merged.origin(path)
        raise refusal(file, line, where, reason)


def validator_for(schema: Mapping[str, Any]) -> Any:
    """A JSON Schema validator (draft 2020-12) for ``schema``."""
    _import_jsonschema()
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema)


def _order(error: TemplateError) -> tuple[int, int, str]:
    match = re.match(r"[^:]*:(\d+): ", str(error))
    return (0 if match else 1, int(match.group(1)) if match else 0, str(error))


#: What jsonschema imports only to check string formats ("iri", "hostname", "duration", ...), which
#: templates do not use: rfc3987_syntax builds a grammar for 4-5 s on import (../shared/KNOWN.md), and
#: the rest (isoduration and arrow, idna, ...) cost a kernel more than the whole template takes to load.
_FORMAT_LIBRARIES = (
    "rfc3987_syntax",
    "rfc3987",
    "rfc3986_validator",
    "rfc3339_validator",
    "isoduration",
    "fqdn",
    "idna",
    "jsonpointer",
    "uri_template",
    "webcolors",
)


def _import_jsonschema() -> None:
    # Hidden while jsonschema loads, each is skipped (jsonschema then checks no such format; the
    # template schema names none); each stays importable afterwards for anyone else.
    if "jsonschema" in sys.modules:
        return
    hidden = [name for name in _FORMAT_LIBRARIES if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import jsonschema  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]


# --- schema errors in words ---------------------------------------------------------


def _refusal(merged: Merged, error: Any) -> TemplateError:
    path: FieldPath = tuple(error.absolute_path)
    line_at, shown, reason = _explain(error, path)
    file, line, _ = merged.origin(line_at)
    return refusal(file, line, merged.origin(shown)[2], reason)


def _explain(error: Any, path: FieldPath) -> tuple[FieldPath, FieldPath, str]:
    """(field whose line to show, field to name, reason) for one schema error."""
    kind, value, instance, schema = error.validator, error.validator_value, error.instance, error.schema
    if "propertyNames" in error.schema_path:
        if kind == "type":
            return path + (instance,), path, f"{instance!r} must be written in quotes"
        return path + (instance,), path, _pattern_reason(value, instance, error)
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        extra = next(key for key in instance if key not in known)
        return path + (extra,), path + (extra,), _unknown_key(path, str(extra), known)
    if kind == "required":
        missing = next(name for name in value if name not in instance)
        if path == ("checklists",):
            return path, path, f"needs a {missing!r} checklist (what the employer covered on the call)"
        return path, path + (missing,), "is missing"
    return path, path, _reason(error, kind, value, instance, schema)


def _reason(error: Any, kind: str, value: Any, instance: Any, schema: Mapping[str, Any]) -> str:
    if "x-must" in schema:
        return f"must be {schema['x-must']}, not {_kind(instance)}"
    if kind == "type":
        return f"must be {_TYPES.get(value, value)}, not {_kind(instance)}"
    if kind == "pattern":
        return _pattern_reason(value, instance, error)
    if kind == "minItems":
        return (
            f"has {len(instance)} words; give at least {value}"
            if value > 1
            else "must list at least one item"
        )
    if kind == "minProperties":
        return "must not be empty"
    if kind == "uniqueItems":
        return "lists the same entry twice"
    if kind == "enum":
        return f"{instance!r} is not one of: {', '.join(map(str, value))}"
    return str(error.message)


def _pattern_reason(pattern: str, value: Any, error: Any) -> str:
    if pattern == shapes.TEXT_PATTERN:
        return "must not be empty"
    if pattern == shapes.ID_PATTERN:
        return f"{value!r} is not an id (use lowercase letters, digits and _)"
    if pattern == shapes.WORD_PATTERN:
        if ";" in value:
            return f"{value!r} contains ';', which separates words"
        return "must not be empty"
    if pattern == shapes.PHRASE_PATTERN:
        return f"{value!r} is not a word or phrase"
    if pattern == shapes.NOTEBOOK_PATTERN:
        return f"{value!r} is not a notebook name (letters, digits, _ and -)"
    if pattern == shapes.SCORE_PATTERN:
        return f"{value!r} is not a score from 1 to 5"
    return error.message


def _unknown_key(path: FieldPath, key: str, known: list[str]) -> str:
    what = (
        "a text the widgets use"
        if path[:1] == ("widgets",)
        else ("a template field" if not path else "a field here")
    )
    guess = difflib.get_close_matches(key, known, n=1)
    if guess:
        return f"is not {what}; did you mean {guess[0]!r}?"
    shown = ", ".join(known[:20]) + (", ..." if len(known) > 20 else "")
    return f"is not {what} (known: {shown})"


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    return _KINDS.get(type(value), type(value).__name__)


# --- the rules beyond the schema ---------------------------------------------------


def _rules(data: Mapping[str, Any]) -> Iterator[tuple[FieldPath, str]]:
    """(field, reason) for each problem the schema cannot see, in the order of the template."""
    for section in ("checklists", "reflections"):
        entries = "items" if section == "checklists" else "prompts"
        for key, entry in data[section].items():
            yield from _unique_ids((section, key, entries), entry[entries])
    for path in _ITEM_LISTS:
        yield from _unique_ids(path, _at(data, path))
    yield from _vocabulary(data.get("feedback_themes"))
    yield from _placeholders(("follow_up", "thank_you"), data["follow_up"]["thank_you"])


def _unique_ids(path: FieldPath, entries: list[Mapping[str, Any]]) -> Iterator[tuple[FieldPath, str]]:
    seen: set[str] = set()
    for number, entry in enumerate(entries):
        if entry["id"] in seen:
            yield path + (number, "id"), f"{entry['id']!r} is used twice; ids must be unique"
        seen.add(entry["id"])


def _vocabulary(data: Any) -> Iterator[tuple[FieldPath, str]]:
    from workbook.themes import load_vocabulary  # the themes module loads pandas: only when checking

    try:
        load_vocabulary(data)
    except TemplateError as error:
        yield ("feedback_themes",), str(error)


def _placeholders(path: FieldPath, text: str) -> Iterator[tuple[FieldPath, str]]:
    for name in re.findall(r"\{([^{}]*)\}", text):
        if name not in THANK_YOU_PLACEHOLDERS:
            guess = difflib.get_close_matches(name, THANK_YOU_PLACEHOLDERS, n=1)
            hint = (
                f"did you mean {{{guess[0]}}}?"
                if guess
                else "use " + ", ".join(f"{{{p}}}" for p in THANK_YOU_PLACEHOLDERS)
            )
            yield path, f"{{{name}}} is not filled in by the workbook; {hint}"


def _at(data: Any, path: FieldPath) -> Any:
    for part in path:
        data = data[part]
    return data

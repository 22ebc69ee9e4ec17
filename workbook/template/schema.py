"""The declared shape of a template, as a JSON Schema (draft 2020-12).

:data:`SCHEMA` says which fields exist, their types and their limits; the
texts the widgets use (``widgets:``) are filled in from the built-in template
by :func:`workbook.template.template_schema`, since every widget adds its own.
Rules a schema cannot say (ids unique within a list, an action for a theme
the vocabulary has) are checked in :mod:`workbook.template.checks`.

Keys starting ``x-`` are ours, ignored by validators: ``x-must`` is how an
error on that field is worded ("must be ...").
"""

from __future__ import annotations

from typing import Any

from workbook.template.merge import REPLACEABLE

#: A text with something in it.
TEXT_PATTERN = r"\S"
#: A stable id: what the journal stores.
ID_PATTERN = r"^[a-z0-9_]{1,100}$"
#: A word of a vocabulary (emotions, tags): ';' separates words where they are stored.
WORD_PATTERN = r"^[^;]*[^;\s][^;]*$"
#: A keyword or phrase of a feedback theme (a trailing * matches any ending).
PHRASE_PATTERN = r"[^\s*]"
#: A notebook's file name without .ipynb.
NOTEBOOK_PATTERN = r"^[A-Za-z0-9_\-]{1,100}$"
#: The lowest score of a band of check-in meanings.
SCORE_PATTERN = r"^[1-5]$"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _record(required: list[str], **properties: Any) -> dict[str, Any]:
    return {"type": "object", "required": required, "additionalProperties": False, "properties": properties}


def _texts(*names: str) -> dict[str, Any]:
    return _record(list(names), **{name: _ref("text") for name in names})


def _keyed(entry: str) -> dict[str, Any]:
    return {
        "type": "object",
        "minProperties": 1,
        "propertyNames": _ref("id"),
        "additionalProperties": _ref(entry),
    }


def _days(most: int) -> dict[str, Any]:
    return {
        "type": "integer",
        "minimum": 1,
        "maximum": most,
        "x-must": f"a whole number of days from 1 to {most}",
    }


_NEWS = ("heading", "held_on", "held_on_error", "covered", "questions", "answers", "notes", "feedback")

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Rebound workbook template",
    "type": "object",
    "additionalProperties": False,
    "required": [
        "title",
        "welcome",
        "mood",
        "checklists",
        "reflections",
        "questions",
        "actions",
        "support",
        "rejection_log",
        "messages",
        "self_review",
        "checkin",
        "follow_up",
        "notebooks",
    ],  # fmt: skip
    "properties": {
        "title": _ref("text"),
        "coach": _record([], name={"type": "string"}, contact={"type": "string"}),
        "welcome": _texts("title", "text"),
        "mood": _record(
            ["low", "high", "emotions"],
            low=_ref("text"),
            high=_ref("text"),
            emotions={**_ref("words"), "minItems": 12},
            tags=_ref("words"),
        ),
        "checklists": {**_keyed("checklist"), "required": ["call_covered"]},
        "reflections": _keyed("prompt_set"),
        "questions": _ref("items"),
        "actions": _record(
            ["suggestion"],
            suggestion=_ref("text"),
            by_theme={"type": "object", "propertyNames": _ref("id"), "additionalProperties": _ref("text")},
        ),
        "support": _texts("notice", "where_to_find_help"),
        "feedback_themes": {
            "type": "object",
            "propertyNames": _ref("id"),
            "properties": {
                "extend": {"type": "boolean"},
                "themes": {
                    "type": "object",
                    "propertyNames": _ref("id"),
                    "additionalProperties": _ref("theme"),
                },
            },
            "additionalProperties": _ref("theme"),
        },
        "rejection_log": _record(
            ["stage_on", "notes_kept", "call", "email", "other"],
            stage_on=_ref("text"),
            notes_kept=_ref("text"),
            call=_ref("news"),
            email=_ref("news"),
            other=_ref("news"),
        ),
        "messages": _texts("not_saved", "unsaved", "discard"),
        "widgets": {"type": "object"},
        "self_review": _ref("items"),
        "checkin": _record(
            ["title", "low", "high", "statements"],
            id=_ref("id"),
            title=_ref("text"),
            intro={"type": "string"},
            low=_ref("text"),
            high=_ref("text"),
            every_days=_days(365),
            statements={"type": "array", "minItems": 1, "items": _ref("statement")},
            meaning={
                "type": "object",
                "propertyNames": {"type": "string", "pattern": SCORE_PATTERN},
                "additionalProperties": _ref("text"),
            },
        ),
        "follow_up": _record(["thank_you"], thank_you=_ref("text"), reconnect_after_days=_days(730)),
        "notebooks": {
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "items": {"type": "string", "pattern": NOTEBOOK_PATTERN},
        },
        "replace": {"type": "array", "uniqueItems": True, "items": {"enum": list(REPLACEABLE)}},
    },
    "$defs": {
        "text": {"type": "string", "pattern": TEXT_PATTERN},
        "id": {"type": "string", "pattern": ID_PATTERN},
        "words": {"type": "array", "items": {"type": "string", "pattern": WORD_PATTERN}},
        "item": _record(["id", "text"], id=_ref("id"), text=_ref("text")),
        "items": {"type": "array", "minItems": 1, "items": _ref("item")},
        "statement": _record(["id", "text"], id=_ref("id"), text=_ref("text"), reverse={"type": "boolean"}),
        "checklist": _record(
            ["title", "items"], title=_ref("text"), intro={"type": "string"}, items=_ref("items")
        ),
        "prompt_set": _record(
            ["title", "prompts"], title=_ref("text"), intro={"type": "string"}, prompts=_ref("items")
        ),
        "news": _texts(*_NEWS),
        "theme": _record(
            [],
            label=_ref("text"),
            keywords={"type": "array", "items": {"type": "string", "pattern": PHRASE_PATTERN}},
            when_alone={"type": "array", "items": {"type": "string", "pattern": PHRASE_PATTERN}},
            strength={"type": "boolean"},
        ),
    },
}


def widgets_schema(texts: Any) -> dict[str, Any]:
    """The schema of a ``widgets:`` section whose keys are those of ``texts`` (the built-in one)."""
    if not isinstance(texts, dict):
        return {"type": "string", "pattern": TEXT_PATTERN}
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {str(key): widgets_schema(value) for key, value in texts.items()},
    }

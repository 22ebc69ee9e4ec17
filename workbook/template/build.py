"""Checked template data into a :class:`~workbook.template.model.Template`.

Everything here may assume the data passed :mod:`workbook.template.checks`:
the fields exist and have their types.  Texts are stripped, word lists lose
repeated words.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from workbook.labels import Labels, flatten
from workbook.template.model import (
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


def template(data: Mapping[str, Any], source: str) -> Template:
    """The Template of checked ``data``; ``source`` names where it came from."""
    themes = data.get("feedback_themes")
    return Template(
        title=_text(data["title"]),
        welcome_title=_text(data["welcome"]["title"]),
        welcome_text=_text(data["welcome"]["text"]),
        mood=_mood(data["mood"]),
        checklists=_keyed(data["checklists"], _checklist),
        reflections=_keyed(data["reflections"], _prompt_set),
        questions=_items(data["questions"]),
        actions=ActionTexts(
            suggestion=_text(data["actions"]["suggestion"]),
            by_theme=MappingProxyType({k: _text(v) for k, v in data["actions"].get("by_theme", {}).items()}),
        ),
        support=_texts(SupportTexts, data["support"]),
        rejection_log=RejectionLogTexts(
            stage_on=_text(data["rejection_log"]["stage_on"]),
            notes_kept=_text(data["rejection_log"]["notes_kept"]),
            **{kind: _texts(NewsTexts, data["rejection_log"][kind]) for kind in ("call", "email", "other")},
        ),
        messages=_texts(FormMessages, data["messages"]),
        feedback_themes=None if themes is None else MappingProxyType(dict(themes)),
        source=source,
        labels=Labels({key: _text(value) for key, value in flatten(data.get("widgets", {})).items()}),
        coach=Coach(**{k: _text(v) for k, v in data.get("coach", {}).items()}),
        self_review=_items(data["self_review"]),
        checkin=_checkin(data["checkin"]),
        follow_up=FollowUpTexts(
            thank_you=_text(data["follow_up"]["thank_you"]),
            reconnect_after_days=data["follow_up"].get("reconnect_after_days", 90),
        ),
        notebooks=_words(data["notebooks"]),
    )


def _text(value: str | None) -> str:
    return (value or "").strip()


def _words(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_text(value) for value in values))


def _items(entries: list[Mapping[str, str]]) -> tuple[Item, ...]:
    return tuple(Item(entry["id"], _text(entry["text"])) for entry in entries)


def _keyed(data: Mapping[str, Any], build: Any) -> Mapping[str, Any]:
    return MappingProxyType({key: build(key, value) for key, value in data.items()})


def _texts(kind: Any, data: Mapping[str, str]) -> Any:
    return kind(**{name: _text(value) for name, value in data.items()})


def _mood(data: Mapping[str, Any]) -> MoodTexts:
    return MoodTexts(
        low=_text(data["low"]),
        high=_text(data["high"]),
        emotions=_words(data["emotions"]),
        tags=_words(data.get("tags", [])),
    )


def _checklist(key: str, data: Mapping[str, Any]) -> Checklist:
    return Checklist(key, _text(data["title"]), _items(data["items"]), _text(data.get("intro")))


def _prompt_set(key: str, data: Mapping[str, Any]) -> PromptSet:
    return PromptSet(key, _text(data["title"]), _items(data["prompts"]), _text(data.get("intro")))


def _checkin(data: Mapping[str, Any]) -> Questionnaire:
    return Questionnaire(
        id=data.get("id", "resilience"),
        title=_text(data["title"]),
        intro=_text(data.get("intro")),
        low=_text(data["low"]),
        high=_text(data["high"]),
        every_days=data.get("every_days", 14),
        statements=tuple(
            Statement(entry["id"], _text(entry["text"]), entry.get("reverse", False))
            for entry in data["statements"]
        ),
        meaning=MappingProxyType({str(k): _text(v) for k, v in data.get("meaning", {}).items()}),
    )

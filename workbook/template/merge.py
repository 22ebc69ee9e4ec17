"""A coach's template laid over the built-in one, key by key, remembering where each value came from.

- Mappings merge key by key: giving only ``welcome.text`` keeps the built-in
  title and ``welcome.title``.
- A checklist or a prompt set given by its id replaces the built-in one of
  that id whole; a new id adds one.
- In ``questions``, ``self_review`` and ``checkin.statements`` an entry with a
  known id is laid over that entry (so rewording a statement keeps its
  ``reverse``), and a new id is added at the end.
- A check-in with an ``id`` of its own is a different questionnaire and
  replaces the built-in one whole.
- ``replace: [questions, ...]`` names sections the template gives whole,
  without the built-in entries.
- Anything else (texts, word lists, ``feedback_themes``) is the coach's as given.

The merged data is checked afterwards; :class:`Merged` finds, for any field of
it, the file and line it came from, so an error names the coach's own line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbook.template.source import FieldPath, Located

#: Sections ``replace:`` may name: given whole instead of merged with the built-in entries.
REPLACEABLE = ("checklists", "reflections", "questions", "self_review", "checkin.statements")
_BY_ID = {("questions",), ("self_review",), ("checkin", "statements")}
_WHOLE = {"checklists", "reflections"}  # their entries are replaced whole
_OWN_ONLY = {("feedback_themes",), ("replace",)}


@dataclass
class Merged:
    """The merged data, and for each part of it the source it was taken from."""

    data: Any = None
    grafts: dict[FieldPath, tuple[Located, FieldPath]] = field(default_factory=dict)

    def origin(self, path: FieldPath) -> tuple[str, int | None, FieldPath]:
        """(file, line, field path in that file) for ``path`` of the merged data."""
        for end in range(len(path), -1, -1):
            graft = self.grafts.get(path[:end])
            if graft is not None:
                source, at = graft
                where = at + path[end:]
                return source.file, source.line_of(where), where
        return "template", None, path


def merge(base: Located, own: Located) -> Merged:
    """``own`` laid over ``base`` (the built-in template) as the module says."""
    merged = Merged()
    replace = own.data.get("replace") if isinstance(own.data, Mapping) else None
    replacing = {tuple(str(name).split(".")) for name in replace} if isinstance(replace, list) else set()
    merged.data = _Merger(base, own, merged, replacing).value(base.data, own.data, ())
    return merged


def alone(source: Located) -> Merged:
    """``source`` taken as it is (the built-in template itself)."""
    return Merged(source.data, {(): (source, ())})


class _Merger:
    def __init__(self, base: Located, own: Located, merged: Merged, replacing: set[FieldPath]) -> None:
        self.base, self.own, self.merged, self.replacing = base, own, merged, replacing

    def value(self, base: Any, own: Any, path: FieldPath, own_path: FieldPath | None = None) -> Any:
        own_path = path if own_path is None else own_path
        self.merged.grafts[path] = (self.own, own_path)
        if self.whole(path, base, own):
            return own
        if isinstance(base, Mapping) and isinstance(own, Mapping):
            return self.mapping(base, own, path, own_path)
        if path in _BY_ID and isinstance(base, list) and isinstance(own, list):
            return self.by_id(base, own, path, own_path)
        return own

    def whole(self, path: FieldPath, base: Any, own: Any) -> bool:
        if path in self.replacing or path in _OWN_ONLY:
            return True
        if len(path) == 2 and path[0] in _WHOLE:
            return True
        if path == ("checkin",) and isinstance(base, Mapping) and isinstance(own, Mapping):
            return own.get("id", base.get("id")) != base.get("id")
        return False

    def mapping(
        self, base: Mapping[str, Any], own: Mapping[Any, Any], path: FieldPath, own_path: FieldPath
    ) -> Any:
        result: dict[Any, Any] = {}
        for key, value in base.items():
            if key in own:
                result[key] = self.value(value, own[key], path + (key,), own_path + (key,))
            else:
                result[key] = self.keep(value, path + (key,), path + (key,))
        for key, value in own.items():
            if key not in base:
                self.merged.grafts[path + (key,)] = (self.own, own_path + (key,))
                result[key] = value
        return result

    def by_id(self, base: list[Any], own: list[Any], path: FieldPath, own_path: FieldPath) -> list[Any]:
        result = [self.keep(item, path + (n,), path + (n,)) for n, item in enumerate(base)]
        where = {_id(item): n for n, item in enumerate(base) if _id(item) is not None}
        for n, item in enumerate(own):
            known = where.pop(_id(item), None)  # pop: a second entry of the same id is added, then refused
            if known is not None:
                result[known] = self.value(base[known], item, path + (known,), own_path + (n,))
            else:
                self.merged.grafts[path + (len(result),)] = (self.own, own_path + (n,))
                result.append(item)
        return result

    def keep(self, value: Any, path: FieldPath, base_path: FieldPath) -> Any:
        self.merged.grafts[path] = (self.base, base_path)
        return value


def _id(item: Any) -> str | None:
    if isinstance(item, Mapping) and isinstance(item.get("id"), str):
        return item["id"]
    return None

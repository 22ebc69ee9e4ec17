"""Reading a template's YAML safely, remembering the line of every field; writing one back.

YAML is composed into nodes first (``yaml.SafeLoader``), and the nodes are
checked before anything is built from them: a tag that would build a Python
object is refused, so nothing in the file runs; a key given twice in one
mapping is refused (a plain ``safe_load`` keeps the last one silently).  Each
field's line is kept so that an error can name it: ``FILE:LINE: FIELD: reason``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from workbook.errors import TemplateError
from workbook.files import not_a_file
from workbook.messages import TEMPLATE_CONTROL_CHARACTER, TEMPLATE_TOO_DEEP, TEMPLATE_TOO_LARGE
from workbook.values import invalid_text

#: A path into template data: mapping keys and list positions.
FieldPath = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_CORE + name for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}
_MERGE_TAG = _CORE + "merge"
#: Aliases can make a small file describe a huge tree; no template comes near this many values.
_MOST_NODES = 200_000
#: The largest template file read: the built-in one, every text included, is about 25 KB.
MAX_BYTES = 1024 * 1024
#: The deepest nesting of lists and mappings read: the built-in template needs 6.  Reading is
#: recursive (PyYAML's composer, then the checks), so a file 20,000 levels deep must stop here.
MAX_DEPTH = 32


@dataclass(frozen=True)
class Located:
    """Template data with where it came from: the file's name and the line of each field path."""

    data: Any
    file: str
    lines: Mapping[FieldPath, int] = field(default_factory=dict)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of ``path``, else of its nearest ancestor in the file (None for data given in code)."""
        for end in range(len(path), -1, -1):
            # A key written as a number (`1: text`) is read as one; its line is kept under its text.
            line = self.lines.get(_keyed(path[:end])) or self.lines.get(tuple(map(str, path[:end])))
            if line is not None:
                return line
        return None


def field_name(path: FieldPath) -> str:
    """A field path as people read it: ``checklists.before_call.items[1].text`` ("template" for the whole)."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "template"


def refusal(file: str, line: int | None, path: FieldPath, reason: str) -> TemplateError:
    """The one-line error for a template: ``FILE:LINE: FIELD: reason``."""
    where = f"{file}:{line}" if line is not None else file
    return TemplateError(f"{where}: {field_name(path)}: {reason}")


# --- reading ------------------------------------------------------------------------


def read_file(path: Path) -> Located:
    """Read a template file: UTF-8 YAML of plain data, checked node by node, with each field's line."""
    kind = not_a_file(path)  # looked at, not opened: a named pipe would wait forever
    if kind is not None:
        raise refusal(str(path), None, (), kind)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)  # never more: a 50 MB file is refused unread
    except OSError as error:
        why = (error.strerror or str(error)).lower()
        raise refusal(str(path), None, (), f"cannot read the file ({why})") from error
    if len(raw) > MAX_BYTES:
        raise refusal(str(path), None, (), TEMPLATE_TOO_LARGE.format(limit=_size(MAX_BYTES)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise refusal(
            str(path), line, (), f"is not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8"
        ) from error
    return parse(text, str(path), _Guarded)


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):g} MB"


class _TooDeep(Exception):
    """Raised by :class:`_Guarded` at the node where nesting passes :data:`MAX_DEPTH`."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _Guarded(yaml.SafeLoader):
    """PyYAML's safe loader, refusing nesting deeper than :data:`MAX_DEPTH` before it can recurse far."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Compose one node, counting how deep it lies (PyYAML's composer calls itself per level)."""
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def read_shipped(path: Path) -> Located:
    """A YAML file that ships with Rebound (the built-in template, the theme vocabulary).

    Read as :func:`read_file` reads, node checks and lines included, but by
    libyaml when PyYAML has it: ten times faster, and these files are ours, so
    where libyaml and PyYAML's own reader differ on odd input, nothing a coach
    wrote is at stake.  A coach's file is always read by :func:`read_file`.
    """
    return parse(path.read_text(encoding="utf-8"), str(path), getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def parse(text: str, file: str, reader: Any = yaml.SafeLoader) -> Located:
    """Template data from YAML ``text``; ``file`` names it in errors; ``reader``: a PyYAML safe loader class."""
    try:
        loader = reader(text)
    except yaml.reader.ReaderError as error:  # a control character: refused before any parsing
        line = text[: error.position].count("\n") + 1
        raise refusal(file, line, (), TEMPLATE_CONTROL_CHARACTER.format(code=error.character)) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise refusal(
                file, 1, (), "is empty; a template is a mapping of fields such as title and welcome"
            )
        lines: dict[FieldPath, int] = {(): _line(node)}
        _Walk(file, lines).node(node, ())
        return Located(loader.construct_document(node), file, lines)
    except _TooDeep as error:
        raise refusal(file, error.line, (), TEMPLATE_TOO_DEEP.format(limit=MAX_DEPTH)) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        raise refusal(file, line, (), f"is not valid YAML ({error.problem or error})") from error
    except (yaml.YAMLError, ValueError) as error:
        raise refusal(file, None, (), f"is not valid YAML ({error})") from error
    finally:
        loader.dispose()


class _Walk:
    """Checks every node before anything is built, and notes the line of each field path."""

    def __init__(self, file: str, lines: dict[FieldPath, int] | None) -> None:
        self.file, self.lines, self.count = file, lines, 0

    def node(self, node: yaml.Node, path: FieldPath) -> None:
        self.count += 1
        if self.count > _MOST_NODES:
            raise refusal(
                self.file, _line(node), path, f"holds more than {_MOST_NODES} values; no template needs that"
            )
        self.tag(node, path)
        if isinstance(node, yaml.ScalarNode):
            self.text(node, path)
        elif isinstance(node, yaml.MappingNode):
            self.mapping(node, path)
        elif isinstance(node, yaml.SequenceNode):
            for number, item in enumerate(node.value):
                self.note(path + (number,), item)
                self.node(item, path + (number,))

    def mapping(self, node: yaml.MappingNode, path: FieldPath) -> None:
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            self.tag(key_node, path)
            if key_node.tag == _MERGE_TAG:  # `<<: *defaults`: checked, its lines are the anchor's
                _Walk(self.file, None).node(value_node, path)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                raise refusal(
                    self.file, _line(key_node), path, "a key must be a plain name, not a list or mapping"
                )
            key = key_node.value
            self.text(key_node, path)
            if key in seen:
                raise refusal(
                    self.file,
                    _line(key_node),
                    path + (key,),
                    f"is given twice in the same place (first on line {seen[key]}); keep one",
                )
            seen[key] = _line(key_node)
            self.note(path + (key,), key_node)
            self.node(value_node, path + (key,))

    def text(self, node: yaml.ScalarNode, path: FieldPath) -> None:
        problem = invalid_text(node.value)
        if problem is not None:
            raise refusal(self.file, _line(node), path, problem)

    def note(self, path: FieldPath, node: yaml.Node) -> None:
        if self.lines is not None:
            self.lines[path] = _line(node)

    def tag(self, node: yaml.Node, path: FieldPath) -> None:
        if node.tag in _PLAIN_TAGS or node.tag == _MERGE_TAG:
            return
        shown = "!!" + node.tag[len(_CORE) :] if node.tag.startswith(_CORE) else node.tag
        if node.tag.startswith(_CORE + "python/"):
            reason = (
                f"the tag {shown!r} asks to build a Python object; templates hold data, not code, "
                "so it is refused and nothing in the file was run"
            )
        else:
            reason = (
                f"the tag {shown!r} is not used in templates; they hold text, numbers, lists and mappings"
            )
        raise refusal(self.file, _line(node), path, reason)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _keyed(path: FieldPath) -> FieldPath:
    return tuple(part if isinstance(part, int) else str(part) for part in path)


# --- writing ------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Plain YAML, with texts of several lines written as blocks a coach can edit."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar(_CORE + "str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(data: Mapping[str, Any], header: str = "") -> str:
    """``data`` as YAML text: keys in their order, unicode as is, a ``header`` comment first."""
    body = yaml.dump(
        plain(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return comment + body


def plain(value: Any) -> Any:
    """``value`` as plain dicts, lists, text and numbers (read-only mappings and tuples too)."""
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value

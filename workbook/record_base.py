"""The base of every journal record: validation on build, trusted reads, plain values.

The record types themselves live in :mod:`workbook.records` and
:mod:`workbook.growth_records`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, ClassVar, NamedTuple, Self, TypeVar

from workbook.values import check_id

R = TypeVar("R", bound="Record")

# --- the base --------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Record:
    """Common base: an optional ``id`` assigned by the journal, and validation on build."""

    #: SQL table and export file stem.
    TABLE: ClassVar[str] = ""
    #: Fields that identify the same entry across imports.
    KEY: ClassVar[tuple[str, ...]] = ()
    #: Fields that point at an application.
    LINKS: ClassVar[tuple[str, ...]] = ()

    id: int | None = None

    def __post_init__(self) -> None:
        if self.id is not None:
            self.__dict__["id"] = check_id("id", self.id)
        self.validate()

    def validate(self) -> None:
        """Normalise fields in place and raise ValidationError on the first bad one.

        Fields are written straight into ``self.__dict__``: the record is frozen
        to its users, and validation runs for every field of every record an
        import builds, where ``object.__setattr__`` would cost more than most rules.
        """

    @classmethod
    def build(cls, values: Mapping[str, Any]) -> Self:
        """``cls(**values)``: the same record or the same refusal, with fewer steps (bulk imports).

        The values go into the record as they are, without being spread into
        keyword arguments and gathered again, and validation runs as it does
        there.  Values the constructor would refuse (an unknown or missing
        field) go through the constructor itself, so the error is its own.
        """
        record = cls._filled(values)
        return cls(**values) if record is None else record

    @classmethod
    def build_row(cls, names: Sequence[str], row: Sequence[Any]) -> Self:
        """``cls.build(dict(zip(names, row)))`` without that dict: a file's header and one of its rows."""
        record = cls._filled(zip(names, row))
        return cls(**dict(zip(names, row))) if record is None else record

    @classmethod
    def build_rows(cls, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[Self]:
        """``[cls.build_row(names, row) for row in rows]``, with the names checked once, not per row."""
        plan = _BUILD_PLANS.get(cls) or _build_plan(cls)
        given = set(names)
        if len(given) != len(names) or not given <= plan.names or not plan.required <= given:
            return [cls.build_row(names, row) for row in rows]
        defaults = {name: value for name, value in plan.defaults.items() if name not in given}
        factories = [(name, factory) for name, factory in plan.factories if name not in given]
        built: list[Self] = []
        # Looked up once, not per row: an import builds thousands.
        width, new, validate, append = len(names), cls.__new__, cls.validate, built.append
        for row in rows:
            if len(row) != width:
                append(cls.build_row(names, row))
                continue
            record = new(cls)
            fields = record.__dict__
            if defaults:
                fields.update(defaults)
            fields.update(zip(names, row))
            for name, factory in factories:
                fields[name] = factory()
            if fields["id"] is not None:  # what __post_init__ does, without the extra call
                fields["id"] = check_id("id", fields["id"])
            validate(record)
            append(record)
        return built

    @classmethod
    def _filled(cls, values: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> Self | None:
        """A validated record of ``values``; None when they are not exactly the constructor's names."""
        plan = _BUILD_PLANS.get(cls) or _build_plan(cls)
        record = cls.__new__(cls)
        fields = record.__dict__
        fields.update(plan.defaults)
        fields.update(values)
        for name, factory in plan.factories:
            if name not in fields:
                fields[name] = factory()
        if len(fields) != len(plan.names) or not plan.names.issuperset(fields):
            return None
        if fields["id"] is not None:  # what __post_init__ does, without the extra call
            fields["id"] = check_id("id", fields["id"])
        record.validate()
        return record

    @classmethod
    def trusted(cls, **values: Any) -> Self:
        """A record of stored values, built without the rules (reading never refuses a row)."""
        record = cls.__new__(cls)
        for spec in dataclasses.fields(cls):
            if spec.name not in values:
                missing = spec.default is dataclasses.MISSING
                values[spec.name] = spec.default_factory() if missing else spec.default  # type: ignore[misc]
            object.__setattr__(record, spec.name, values.pop(spec.name))
        if values:
            raise TypeError(f"{cls.__name__} has no field {', '.join(values)}")
        return record

    def replace(self, **changes: Any) -> Record:
        """A copy with ``changes`` applied, validated again."""
        return dataclasses.replace(self, **changes)

    def relinked(self, **links: int) -> Self:
        """A copy pointing at other applications, by ids the journal gave; not validated again."""
        unknown = set(links) - set(self.LINKS)
        if unknown:
            raise TypeError(f"{type(self).__name__}.relinked takes only links, not {', '.join(unknown)}")
        copied = object.__new__(type(self))
        copied.__dict__.update(self.__dict__, **links)
        return copied

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        """The stored fields, in order: the table's columns and the export's header."""
        return _columns_of(cls)

    @classmethod
    def kinds(cls) -> Mapping[str, str]:
        """Each stored field's kind: text, int, float, bool, date, timestamp or words."""
        return _kinds_of(cls)

    def to_plain(self) -> dict[str, Any]:
        """The stored fields as JSON-ready values: ISO dates, lists, None for empty."""
        return {name: _plain(getattr(self, name)) for name in self.columns()}

    def key(self) -> tuple[Any, ...]:
        """The values that identify this entry for de-duplication."""
        return tuple(getattr(self, name) for name in self.KEY)


def record_type(cls: type[R]) -> type[R]:
    """``@dataclass(frozen=True, kw_only=True)``, with a constructor that sets fields without ``object.__setattr__``.

    The constructor ``dataclass`` writes for a frozen class sets each field with
    ``object.__setattr__``, which costs more than most rules that then check
    it.  This one takes the same keyword-only arguments with the same defaults,
    fails the same way for a missing or unknown one, and then validates as
    before (``__post_init__``).
    """
    cls = dataclass(frozen=True, kw_only=True)(cls)
    specs = [spec for spec in dataclasses.fields(cls) if spec.init]
    params, lines = [], []
    for spec in specs:
        name = spec.name
        if spec.default is not dataclasses.MISSING:
            params.append(f"{name}=_defaults[{name!r}]")
            lines.append(f"    _fields[{name!r}] = {name}")
        elif spec.default_factory is not dataclasses.MISSING:
            params.append(f"{name}=_MADE")
            lines.append(f"    _fields[{name!r}] = _factories[{name!r}]() if {name} is _MADE else {name}")
        else:
            params.append(name)
            lines.append(f"    _fields[{name!r}] = {name}")
    source = "\n".join(
        [f"def __init__(self, *, {', '.join(params)}):", "    _fields = self.__dict__", *lines]
    )
    scope = {
        "_defaults": {s.name: s.default for s in specs},
        "_factories": {s.name: s.default_factory for s in specs},
        "_MADE": _MADE,
    }
    exec(source + "\n    self.__post_init__()\n", scope)  # noqa: S102 - our own source, from the field names
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = cls.__init__.__annotations__
    cls.__init__ = init  # type: ignore[misc]
    return cls


class _Made:
    """Stands for a field left to its default factory (shown as ``<factory>``, as dataclass does)."""

    def __repr__(self) -> str:
        return "<factory>"


_MADE = _Made()


class _BuildPlan(NamedTuple):
    """The constructor's arguments of one record type: plain defaults, default factories, all names."""

    defaults: dict[str, Any]
    factories: tuple[tuple[str, Callable[[], Any]], ...]
    names: frozenset[str]
    #: The names without a default or a default factory.
    required: frozenset[str]


# A plain dict, not functools.cache: the plan is looked up once for every record an import builds.
_BUILD_PLANS: dict[type[Record], _BuildPlan] = {}


def _build_plan(cls: type[Record]) -> _BuildPlan:
    specs = [spec for spec in dataclasses.fields(cls) if spec.init]
    plan = _BuildPlan(
        {s.name: s.default for s in specs if s.default is not dataclasses.MISSING},
        tuple((s.name, s.default_factory) for s in specs if s.default_factory is not dataclasses.MISSING),
        frozenset(s.name for s in specs),
        frozenset(
            s.name
            for s in specs
            if s.default is dataclasses.MISSING and s.default_factory is dataclasses.MISSING
        ),
    )
    _BUILD_PLANS[cls] = plan
    return plan


@functools.cache
def _kinds_of(cls: type[Record]) -> Mapping[str, str]:
    # Cached: resolving type hints costs more than the insert it serves.
    hints = typing.get_type_hints(cls)
    stored = [f.name for f in dataclasses.fields(cls) if f.metadata.get("stored", True)]
    return MappingProxyType({name: _kind(hints[name]) for name in stored})


@functools.cache
def _columns_of(cls: type[Record]) -> tuple[str, ...]:
    # Cached: every save asks for them.
    return tuple(_kinds_of(cls))


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _kind(hint: Any) -> str:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    base = args[0] if args and typing.get_origin(hint) is not tuple else hint
    if typing.get_origin(base) is tuple:
        return "words"
    return {
        dt.datetime: "timestamp",
        dt.date: "date",
        bool: "bool",
        int: "int",
        float: "float",
    }.get(base, "text")

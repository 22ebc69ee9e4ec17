"""Rebound: a workbook for getting through job rejections.

``import workbook`` is cheap: it loads neither matplotlib nor Jupyter, and its
public names (the journal, the workbook, ``open``) load on first use, so a
command that needs none of them starts without building the record types.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbook.errors import ValidationError, WorkbookError
    from workbook.journal import Journal
    from workbook.session import Workbook
    from workbook.session import open_workbook as open  # noqa: A001

__all__ = ["Journal", "ValidationError", "Workbook", "WorkbookError", "open"]
__version__ = "0.1.0"

#: Each public name and where it lives, as (module, name there).
_PUBLIC = {
    "Journal": ("workbook.journal", "Journal"),
    "ValidationError": ("workbook.errors", "ValidationError"),
    "WorkbookError": ("workbook.errors", "WorkbookError"),
    "Workbook": ("workbook.session", "Workbook"),
    # `workbook.open()` reads well in a notebook.
    "open": ("workbook.session", "open_workbook"),
}


def __getattr__(name: str) -> Any:
    """Load a public name the first time it is used (PEP 562)."""
    if name not in _PUBLIC:
        raise AttributeError(f"module 'workbook' has no attribute {name!r}")
    module, attribute = _PUBLIC[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])

"""How a section writes its summary: Markdown and plain text side by side, and the person's words made safe.

A :class:`Markdown` summary shows itself as Markdown in JupyterLab and as HTML
in app mode (Voila), where :meth:`Markdown.html` converts it with mistune.
The converter escapes any raw HTML, and :func:`escape` has already made the
person's own words plain text inside the Markdown, so nothing typed in a form
is ever read as markup or as a tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from workbook import messages
from workbook.views import Summary

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")
#: App mode's look for a summary: a table's columns apart, its numbers lined up, left-aligned like the text.
_APP_STYLE = (
    "<style>.rebound-markdown th, .rebound-markdown td { padding: 0.15em 1.5em 0.15em 0; text-align: left; }"
    " .rebound-markdown td { font-variant-numeric: tabular-nums; }</style>"
)


@dataclass(frozen=True)
class Markdown(Summary):
    """A summary written in Markdown (bold, lists, a small table); ``text`` says the same in plain words."""

    markdown: str = ""

    def _repr_markdown_(self) -> str:
        return self.markdown

    def html(self) -> str:
        """The Markdown as HTML, tables included, with any raw HTML in it escaped."""
        return f'<div class="rebound-markdown">{_APP_STYLE}{_converter()(self.markdown)}</div>'


def escape(words: object) -> str:
    """A person's own words made safe inside Markdown (``*``, ``_``, ``|`` and friends shown as typed)."""
    return _SPECIAL.sub(r"\\\1", str(words))


def one(markdown: str) -> Markdown:
    """A summary of a single paragraph."""
    page = Page()
    page.say(markdown)
    return page.done()


class Page:
    """Markdown and plain text written side by side, paragraph by paragraph."""

    def __init__(self) -> None:
        self.markdown: list[str] = []
        self.plain: list[str] = []

    def say(self, markdown: str) -> None:
        """Add a paragraph (or a list item); the plain text drops the bold and the escapes."""
        self.markdown.append(markdown)
        self.plain.append(_unescape(markdown))

    def table(self, header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> None:
        """Add a table; the plain text says each row as a sentence."""
        rows = list(rows)
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        self.markdown.append("\n".join(lines))
        self.plain.append("\n".join(_plain_row(header, row) for row in rows))

    def done(self) -> Markdown:
        """The summary written so far."""
        return Markdown(text="\n\n".join(self.plain), markdown="\n\n".join(self.markdown))


def _plain_row(header: tuple[str, ...], row: tuple[str, ...]) -> str:
    cells = [
        messages.TABLE_CELL_PLAIN.format(header=name.lower(), value=value)
        for name, value in zip(header[1:], row[1:], strict=True)
    ]
    return messages.TABLE_ROW_PLAIN.format(
        name=_unescape(row[0]), cells=messages.TABLE_CELLS_JOINED.join(cells)
    )


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text.replace("**", ""))


@cache
def _converter() -> Any:
    # Imported on first use: a notebook in JupyterLab never needs it.
    import mistune

    return mistune.create_markdown(escape=True, plugins=["table"])

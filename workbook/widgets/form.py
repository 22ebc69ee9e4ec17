"""The base every widget stands on: a container, an error line under each field, a status line.

A widget builds its records inside ``try``/``except ValidationError`` and
hands the error to :meth:`Form.show_error`, which puts the reason in words
under the field it names ("Mood must be between 1 and 10").  Nothing the
person typed is touched, and nothing is stored.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from typing import Any

import ipywidgets as w

from workbook.errors import ValidationError

#: Let descriptions take the room they need instead of being cut off.
WIDE_LABEL = {"description_width": "initial"}
ERROR_COLOUR = "#a4262c"
_GENERAL = ""
_VERBS = {"must", "is", "are", "contains", "has"}


class Form:
    """A widget of the workbook: ``.widget`` is the ipywidgets container to display.

    Displaying the form (a notebook cell ending in it) shows ``.widget``;
    nothing is written until one of its buttons is clicked.
    """

    widget: w.Box

    def __init__(self) -> None:
        self.status = w.HTML(layout=w.Layout(min_height="1.5em"))
        self._errors: dict[tuple[str, str], w.HTML] = {}
        self._labels: dict[tuple[str, str], str] = {}

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    # --- errors -----------------------------------------------------------------

    def error_line(self, field: str, label: str, *, section: str = _GENERAL) -> w.HTML:
        """Make (once) the line under ``field`` where its error appears; ``label`` starts the message."""
        key = (section, field)
        if key not in self._errors:
            self._errors[key] = w.HTML(layout=w.Layout(display="none"))
            self._labels[key] = label
        return self._errors[key]

    def field(self, control: w.Widget, field: str, label: str, *, section: str = "") -> w.VBox:
        """``control`` with its error line under it."""
        return w.VBox([control, self.error_line(field, label, section=section)])

    def show_error(self, error: ValidationError, *, section: str = "") -> None:
        """Show ``error`` in words under the field it names (or on the status line if it names none here)."""
        key = (section, error.field)
        if key not in self._errors:
            key = (_GENERAL, error.field)
        if key in self._errors:
            line = self._errors[key]
            message = _sentence(self._labels[key], error.reason)
        else:
            line = self.status
            message = f"Not saved: {error}"
        line.value = _error_html(message)
        line.layout.display = None
        if line is not self.status:
            self.status.value = _error_html("Not saved yet: please look at the message above.")

    def show_message(self, field: str, message: str, *, section: str = "") -> None:
        """Show a message of the widget's own under ``field`` (used for checks no record makes)."""
        line = self._errors.get((section, field), self.status)
        line.value = _error_html(message)
        line.layout.display = None

    def clear_errors(self) -> None:
        """Hide every error line and the status line."""
        for line in self._errors.values():
            line.value = ""
            line.layout.display = "none"
        self.status.value = ""

    def error_text(self, field: str, *, section: str = "") -> str:
        """The message now shown under ``field``, as plain text ("" when there is none)."""
        line = self._errors.get((section, field))
        return plain_text(line.value) if line is not None else ""

    @property
    def status_text(self) -> str:
        """The status line as plain text ("Saved at 14:02")."""
        return plain_text(self.status.value)

    # --- status -----------------------------------------------------------------

    def say_done(self, what: str = "Saved", at: dt.datetime | None = None) -> None:
        """Say on the status line that ``what`` happened, with the time."""
        moment = at or dt.datetime.now()
        self.status.value = f"<span role='status'>{html.escape(what)} at {moment:%H:%M}</span>"


def plain_text(markup: str) -> str:
    """Text of a small piece of our own HTML: tags dropped, entities decoded."""
    out, inside = [], False
    for char in markup:
        if char == "<":
            inside = True
        elif char == ">":
            inside = False
        elif not inside:
            out.append(char)
    return html.unescape("".join(out))


def _sentence(label: str, reason: str) -> str:
    # "Mood" + "must be between 1 and 10" reads as one sentence; other reasons follow a colon.
    first = reason.split(" ", 1)[0]
    return f"{label} {reason}" if first in _VERBS else f"{label}: {reason}"


def _error_html(message: str) -> str:
    return f"<span role='alert' style='color:{ERROR_COLOUR}'>{html.escape(message, quote=False)}</span>"


def escaped(text: str) -> str:
    """``text`` safe to put inside an HTML widget (people's own words can hold < and &)."""
    return html.escape(text, quote=False)


def paragraphs(*texts: str) -> w.HTML:
    """An HTML widget showing ``texts`` as paragraphs (empty ones are left out)."""
    return w.HTML("".join(f"<p>{escaped(text)}</p>" for text in texts if text))


def heading(text: str) -> w.HTML:
    """A small heading."""
    return w.HTML(f"<h4>{escaped(text)}</h4>")


def button(description: str, handler: Any, *, style: str = "") -> w.Button:
    """A button that calls ``handler()`` when clicked (by mouse, keyboard or ``.click()``)."""
    control = w.Button(description=description, button_style=style, layout=w.Layout(width="auto"))
    control.on_click(lambda _button: handler())
    return control


def checkbox(description: str, value: bool = False) -> w.Checkbox:
    """A checkbox labelled with its whole ``description``, not cut short."""
    return w.Checkbox(value=value, description=description, indent=False, layout=w.Layout(width="auto"))


def word_list(text: str) -> list[str]:
    """Words a person typed, separated by commas ("calm, a bit tired" -> ["calm", "a bit tired"])."""
    return [word.strip() for word in text.split(",") if word.strip()]


def toggles(words: Iterable[str]) -> dict[str, w.ToggleButton]:
    """One toggle button per word, each labelled with the word."""
    return {word: w.ToggleButton(description=word, layout=w.Layout(width="auto")) for word in words}


def wrap(children: Iterable[w.Widget]) -> w.Box:
    """A row that wraps onto more lines when it runs out of room."""
    return w.Box(list(children), layout=w.Layout(flex_flow="row wrap"))

"""The base every widget stands on: a container, an error line under each field, a status line.

Every save or delete handler is wrapped by :func:`guarded`, the one guard:
a :class:`~workbook.errors.ValidationError` shows in words under the field it
names ("Mood: must be between 1 and 10"); any other expected failure (the
record was deleted elsewhere, the journal is locked, the disk is full) shows
on the status line as "Not saved: <reason>. Your text is still here.", worded
by :func:`workbook.error_words.describe` as the command line words it; a bug
says so in one line and its traceback goes to the log
(:mod:`workbook.error_log`).  Either way nothing the person typed is touched.
Handlers of a change to a control (:meth:`Form.watch`) and of a click
(:meth:`Form.button`) are guarded the same way.

A form names the controls that hold what the person typed
(:meth:`Form.typed`); :attr:`Form.unsaved` compares them with what was last
loaded or saved, and :meth:`Form.ask_before` keeps the text and asks first
before any action that would clear or replace it.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import ipywidgets as w
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_string import HTMLStyle, LabelStyle

from workbook import messages
from workbook.error_log import report_unexpected
from workbook.error_words import describe, is_expected
from workbook.errors import ValidationError
from workbook.template import FormMessages, default_template

if TYPE_CHECKING:
    from workbook.journal import Journal

#: Let descriptions take the room they need instead of being cut off.
WIDE_LABEL = {"description_width": "initial"}
ERROR_COLOUR = "#a4262c"
#: Every text box is as wide as the feedback box (label included).
TEXT_WIDTH = "95%"
#: The look the widgets share: text boxes grow with their text, saved words keep their line breaks,
#: and a date picker's field is wide enough for the whole date.
HOUSE_STYLE = """<style>
.rebound-grow textarea { field-sizing: content; min-height: 4.5em; max-height: 30em; }
.rebound-saved-text { white-space: pre-wrap; margin: 0.2em 0 0.6em 0; }
.rebound-date input[type="date"] { min-width: 10em; }
.rebound-notice { font-size: 1.05em; line-height: 1.5; }
.rebound-heading { margin: 0.8em 0 0.2em 0; }
</style>"""
_GENERAL = ""

T = TypeVar("T")
M = TypeVar("M", bound=w.Widget)
_SHARED: dict[tuple[type, tuple[tuple[str, Any], ...]], w.Widget] = {}
_REVERTING: list[w.Widget] = []


def shared(model: type[M], **traits: Any) -> M:
    """One ``model`` (a Layout or a style) with ``traits``, for every widget that never changes it.

    Each widget model is a message from the kernel to the page: a list of ten
    saved entries or a hundred actions would send a layout and a style per
    button and per line, all alike; a shared one is sent once.  Never change a
    shared model: every widget drawn with it would change too.
    """
    key = (model, tuple(sorted(traits.items())))
    kept = _SHARED.get(key)
    if kept is None or kept.comm is None:  # closed (Widget.close_all): a new one
        kept = _SHARED[key] = model(**traits)
        kept.observe(_refuse_change, names=[name for name in kept.keys if not name.startswith("_")])
    return kept  # type: ignore[return-value]


def _refuse_change(change: Any) -> None:
    # Hiding one button through a shared layout would hide them all: put it back and refuse, loudly.
    owner, name = change["owner"], change["name"]
    if _REVERTING:
        return
    _REVERTING.append(owner)
    try:
        setattr(owner, name, change["old"])
    finally:
        _REVERTING.clear()
    raise RuntimeError(
        f"a shared {type(owner).__name__} cannot change ({name}); give the widget one of its own"
    )


def guarded(handler: Callable[..., T]) -> Callable[..., T | None]:
    """Wrap a form's save or delete handler in the form's one guard (see :meth:`Form.run_guarded`)."""

    @functools.wraps(handler)
    def run(form: Form, *args: Any, **kwargs: Any) -> T | None:
        return form.run_guarded(lambda: handler(form, *args, **kwargs))

    return run


class Form:
    """A widget of the workbook: ``.widget`` is the ipywidgets container to display.

    Displaying the form (a notebook cell ending in it) shows ``.widget``;
    nothing is written until one of its buttons is clicked.
    """

    widget: w.Box

    def __init__(self, messages: FormMessages | None = None) -> None:
        self.messages = messages or default_template().messages
        self.status = w.HTML(layout=w.Layout(min_height="1.5em"))
        self.discard_button = button(self.messages.discard, self.discard, hideable=True)
        self.discard_button.layout.display = "none"
        #: The section a handler is writing now, so that a ValidationError shows under the right field.
        self.writing = _GENERAL
        self._errors: dict[tuple[str, str], w.HTML] = {}
        self._labels: dict[tuple[str, str], str] = {}
        self._saved_state: tuple[object, ...] = ()
        self._waiting: Callable[[], None] | None = None
        self._stops: list[Callable[[], None]] = []

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    # --- following the journal, and letting go ----------------------------------------

    def follow(self, journal: Journal, refresh: Callable[[], None]) -> None:
        """Call ``refresh`` after every change ``journal`` stores, until :meth:`close`."""
        self._stops.append(journal.on_change(refresh))

    def close(self) -> None:
        """Stop following the journal and close the form's widgets: the form is done with, for good.

        A form opened and put away again (Your journal opens one per entry) would
        otherwise stay in the kernel and redraw itself after every save.
        """
        while self._stops:
            self._stops.pop()()
        close_widgets(self.widget)

    # --- the one guard ------------------------------------------------------------

    def run_guarded(self, action: Callable[[], T]) -> T | None:
        """Run a save or delete ``action``; on any failure say why, keep every field, and return None."""
        self.clear_errors()
        self.writing = _GENERAL
        try:
            return action()
        except ValidationError as error:
            self.show_error(error, section=self.writing)
        except Exception as error:  # noqa: BLE001 - whatever failed, the person keeps their text and learns why
            self.say_failed(error, saving=True)
        return None

    def watch(self, control: w.Widget, callback: Callable[[], object], names: str = "value") -> None:
        """Call ``callback()`` when ``control``'s ``names`` trait changes, guarded like a save.

        A handler of a change runs where no one sees its traceback (ipywidgets
        only logs it in the kernel): a failure is shown on the status line
        instead, and a bug's traceback goes to the log.
        """
        control.observe(lambda _change: self.run_watched(callback), names=names)

    def run_watched(self, callback: Callable[[], T]) -> T | None:
        """Run ``callback`` after a change to a control; on a failure say so on the status line."""
        try:
            return callback()
        except ValidationError as error:
            self.show_error(error, section=self.writing)
        except Exception as error:  # noqa: BLE001 - a failure after a change is shown, never lost in a log
            self.say_failed(error, saving=False)
        return None

    def button(self, description: str, handler: Callable[[], object], **options: Any) -> w.Button:
        """A :func:`button` whose handler runs guarded (see :meth:`run_watched`): a failure is shown, never lost.

        ipywidgets shows a click handler's traceback only in the kernel's log, where no one reads it.
        """
        return button(description, lambda: self.run_watched(handler), **options)

    def say_failed(self, error: Exception, *, saving: bool) -> None:
        """Say on the status line why a save (``saving``) or a change failed; a bug's traceback goes to the log."""
        if is_expected(error):
            reason = _reason(self.describe(error))
            if saving:
                said = self.messages.not_saved.replace("{reason}", reason)
            else:
                said = messages.CALLBACK_FAILED.format(reason=reason)
        else:
            words = messages.UNEXPECTED_FORM if saving else messages.UNEXPECTED_CALLBACK
            said = report_unexpected(error, self._name, words)
        self.status.value = _error_html(said)

    def describe(self, error: BaseException) -> str:
        """``error`` in words (:func:`workbook.error_words.describe`), naming this form's journal."""
        journal = getattr(getattr(self, "journal", None), "path", None)
        return describe(error, journal if isinstance(journal, Path) else None)

    @property
    def _name(self) -> str:
        # What the log says failed: the form's class, never what was typed into it.
        return f"form {type(self).__name__}"

    # --- typed text, and asking before letting go of it ------------------------------

    def typed(self) -> tuple[object, ...]:
        """The values of the controls that hold what the person typed (none in the base)."""
        return ()

    @property
    def unsaved(self) -> bool:
        """Whether the form holds anything typed since it was last loaded or saved."""
        return self.typed() != self._saved_state

    @property
    def saved_state(self) -> tuple[object, ...]:
        """What :meth:`typed` returned when the form was last loaded or saved."""
        return self._saved_state

    def mark_saved(self, state: tuple[object, ...] | None = None) -> None:
        """Record ``state`` (default: everything typed now) as what is loaded or stored."""
        self._saved_state = self.typed() if state is None else state
        self._waiting = None
        self.discard_button.layout.display = "none"

    def ask_before(self, action: Callable[[], None], *, field: str = _GENERAL) -> bool:
        """Run ``action`` (which would clear or replace typed text) now if nothing is unsaved.

        Otherwise keep the text, say so under ``field`` and show "Discard my
        changes", which runs ``action`` when clicked.  Returns whether it ran.
        """
        if not self.unsaved:
            action()
            return True
        self._waiting = action
        self.show_message(field, self.messages.unsaved)
        self.discard_button.layout.display = None
        return False

    def discard(self) -> None:
        """Let go of unsaved changes and do what the person asked for before being asked."""
        action, self._waiting = self._waiting, None
        self.discard_button.layout.display = "none"
        self.clear_errors()
        if action is not None:
            action()

    # --- errors -----------------------------------------------------------------

    def error_line(self, field: str, label: str, *, section: str = _GENERAL) -> w.HTML:
        """Make (once) the line under ``field`` where its error appears; ``label`` starts the message."""
        key = (section, field)
        if key not in self._errors:
            self._errors[key] = w.HTML(layout=w.Layout(display="none"))
            self._labels[key] = label
        return self._errors[key]

    def field(
        self, control: w.Widget, field: str, label: str, *, section: str = "", hideable: bool = False
    ) -> w.VBox:
        """``control`` with its error line under it; ``hideable``: with a layout of its own, to hide it by."""
        children = [control, self.error_line(field, label, section=section)]
        return w.VBox(children) if hideable else vbox_of(children)

    def show_error(self, error: ValidationError, *, section: str = "") -> None:
        """Show ``error`` in words under the field it names (or on the status line if it names none here)."""
        key = (section, error.field)
        if key not in self._errors:
            key = (_GENERAL, error.field)
        if key in self._errors:
            line = self._errors[key]
            message = messages.FIELD_ERROR.format(label=self._labels[key], reason=error.reason)
        else:
            line = self.status
            message = messages.NOT_SAVED.format(reason=describe(error))
        line.value = _error_html(message)
        line.layout.display = None
        if line is not self.status:
            self.status.value = _error_html(messages.NOT_SAVED_SEE_ABOVE)

    def relabel(self, field: str, label: str, *, section: str = _GENERAL) -> None:
        """Start the messages under ``field`` with ``label`` from now on."""
        self._labels[(section, field)] = label

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

    def say_done(self, what: str = messages.SAVED, at: dt.datetime | None = None) -> None:
        """Say on the status line that ``what`` happened, with the time."""
        moment = at or dt.datetime.now()
        said = messages.DONE_AT.format(what=what, time=f"{moment:%H:%M}")
        self.status.value = f"<span role='status'>{html.escape(said)}</span>"


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


def _reason(text: str) -> str:
    return text.strip().rstrip(".")


def _error_html(message: str) -> str:
    return f"<span role='alert' style='color:{ERROR_COLOUR}'>{html.escape(message, quote=False)}</span>"


def escaped(text: str) -> str:
    """``text`` safe to put inside an HTML widget (people's own words can hold < and &)."""
    return html.escape(text, quote=False)


def paragraphs(*texts: str) -> w.HTML:
    """An HTML widget showing ``texts`` as paragraphs (empty ones are left out)."""
    return html_of("".join(f"<p>{escaped(text)}</p>" for text in texts if text))


def line_of(markup: str, **layout: str) -> w.HTML:
    """HTML whose look never changes (a line of a list): its layout (``layout`` traits) and style are shared."""
    return w.HTML(markup, layout=shared(w.Layout, **layout), style=shared(HTMLStyle))


def html_of(value: str = "", **traits: Any) -> w.HTML:
    """An HTML widget whose look never changes: its layout and style are shared (see :func:`shared`)."""
    return w.HTML(value, layout=shared(w.Layout), style=shared(HTMLStyle), **traits)


def label_of(value: str = "", **traits: Any) -> w.Label:
    """A Label whose look never changes: its layout and style are shared."""
    return w.Label(value, layout=shared(w.Layout), style=shared(LabelStyle), **traits)


def vbox_of(children: Iterable[w.Widget] = (), **traits: Any) -> w.VBox:
    """A VBox that is never hidden or resized: its layout is shared."""
    return w.VBox(list(children), layout=shared(w.Layout), **traits)


def hbox_of(children: Iterable[w.Widget] = (), **traits: Any) -> w.HBox:
    """An HBox that is never hidden or resized: its layout is shared."""
    return w.HBox(list(children), layout=shared(w.Layout), **traits)


def heading(text: str, intro: str = "") -> w.HTML:
    """A small heading, with its one-line ``intro`` right under it (no gap between them)."""
    lead = f"<p style='margin:0 0 0.4em 0'>{escaped(intro)}</p>" if intro else ""
    return html_of(f"<h4 class='rebound-heading'>{escaped(text)}</h4>{lead}")


def button(description: str, handler: Any, *, style: str = "", hideable: bool = False) -> w.Button:
    """A button that calls ``handler()`` when clicked (by mouse, keyboard or ``.click()``).

    Its layout and style are shared with the other buttons, unless ``hideable``:
    then it has a layout of its own, to hide and show it by.
    """
    layout = w.Layout(width="auto") if hideable else shared(w.Layout, width="auto")
    control = w.Button(
        description=description, button_style=style, layout=layout, style=shared(w.ButtonStyle)
    )
    control.on_click(lambda _button: handler())
    return control


def choose(dropdown: w.Dropdown, value: object) -> None:
    """Select the option whose value is ``value``; None selects the first ("not noted"), never a blank."""
    values = [option[1] if isinstance(option, tuple) else option for option in dropdown.options]
    dropdown.index = values.index(value) if value in values else 0


def dropdown(description: str, options: list[tuple[str, object]], value: object = None) -> w.Dropdown:
    """A drop-down that starts on ``value`` (default: its first option), never blank."""
    control = w.Dropdown(description=description, options=options, style=WIDE_LABEL)
    choose(control, value)
    return control


def house_style() -> w.HTML:
    """The shared look (:data:`HOUSE_STYLE`), to put once in each widget."""
    return w.HTML(HOUSE_STYLE, layout=w.Layout(height="0", margin="0"))


def text_area(description: str = "", placeholder: str = "") -> w.Textarea:
    """A text box as wide as the others, that grows with its text."""
    box = w.Textarea(
        description=description,
        placeholder=placeholder,
        rows=3,
        layout=w.Layout(width=TEXT_WIDTH),
        style=WIDE_LABEL,
    )
    box.add_class("rebound-grow")
    return box


def date_picker(description: str, value: dt.date | None = None) -> w.DatePicker:
    """A date picker whose field shows the whole date."""
    # Sized to its label and the whole date: neither stretched across the form nor cut to 300px.
    layout = w.Layout(width="auto", align_self="flex-start")
    picker = w.DatePicker(description=description, value=value, style=WIDE_LABEL, layout=layout)
    picker.add_class("rebound-date")
    return picker


def checkbox(description: str, value: bool = False) -> w.Checkbox:
    """A checkbox labelled with its whole ``description``, not cut short."""
    # The right margin keeps a checkbox in a wrapped row closer to its own label than to the next box.
    layout = shared(w.Layout, width="auto", margin="2px 1.5em 2px 0")
    return w.Checkbox(
        value=value, description=description, indent=False, layout=layout, style=shared(CheckboxStyle)
    )


def word_list(text: str) -> list[str]:
    """Words a person typed, separated by commas ("calm, a bit tired" -> ["calm", "a bit tired"])."""
    return [word.strip() for word in text.split(",") if word.strip()]


def toggles(words: Iterable[str]) -> dict[str, w.ToggleButton]:
    """One toggle button per word, each labelled with the word."""
    return {word: w.ToggleButton(description=word, layout=w.Layout(width="auto")) for word in words}


def wrap(children: Iterable[w.Widget]) -> w.Box:
    """A row that wraps onto more lines when it runs out of room."""
    return w.Box(list(children), layout=w.Layout(flex_flow="row wrap"))


def close_widgets(widget: w.Widget) -> None:
    """Close ``widget`` and every widget inside it (not their layouts and styles, which forms share)."""
    for child in getattr(widget, "children", ()):
        close_widgets(child)
    widget.close()

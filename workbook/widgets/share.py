"""*Share with your coach*: tick what else to include, see exactly what the file will hold, then write it.

The preview is the same text ``workbook share`` prints
(:func:`workbook.share.preview_text`), redrawn whenever a box is ticked, the
file name changes or the journal changes.  Writing goes through the form's one
guard: a bad file name shows under it, any other failure on the status line,
every tick and the name stay as they were, and "Wrote ..." appears only once
the whole file is in place.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from workbook.errors import ValidationError
from workbook.journal import Journal
from workbook.share.layout import INCLUDES
from workbook.template import Template, load_template
from workbook.widgets.form import (
    WIDE_LABEL,
    Form,
    checkbox,
    escaped,
    guarded,
    hbox_of,
    heading,
    house_style,
    html_of,
    plain_text,
)

if TYPE_CHECKING:
    from workbook.session import Workbook
    from workbook.share.contents import Outline

#: The bundle's file name, beside the journal, until the person picks another.
DEFAULT_NAME = "for-my-coach.zip"
PATH_FIELD = "path"


class ShareForm(Form):
    """Four opt-in boxes, the preview of what will be shared, a file name and a button that writes the bundle."""

    def __init__(self, journal: Journal, template: Template | None = None) -> None:
        template = template or load_template()
        super().__init__(template.messages)
        self.labels = labels = template.labels
        self.journal = journal
        self.template = template
        self.includes = {word: checkbox(labels[f"share.include_{word}"]) for word in INCLUDES}
        self.path = w.Text(
            description=labels["share.path"],
            value=str(journal.path.parent / DEFAULT_NAME),
            style=WIDE_LABEL,
            layout=w.Layout(width="min(40em, 95%)"),
        )
        self.preview = html_of()
        self.share_button = self.button(labels["share.share"], self.share, style="primary")
        self.widget = w.VBox(
            [
                house_style(),
                heading(labels["share.title"], labels["share.intro"]),
                w.Box(list(self.includes.values()), layout=w.Layout(flex_flow="row wrap")),
                self.preview,
                self.field(self.path, PATH_FIELD, labels["share.path_error"]),
                hbox_of([self.share_button, self.status]),
            ]
        )
        self.widget.add_class("rebound-share")
        self._bundle: Outline | None = None
        for box in self.includes.values():
            self.watch(box, self.refresh)
        self.watch(self.path, self._show_preview)
        self.follow(journal, self.refresh)
        self.refresh()
        self.mark_saved()

    def typed(self) -> tuple[object, ...]:
        """The ticks and the file name, as set now."""
        return (*(box.value for box in self.includes.values()), self.path.value)

    @property
    def included(self) -> tuple[str, ...]:
        """The opt-ins ticked now, in the bundle's order."""
        return tuple(word for word, box in self.includes.items() if box.value)

    @property
    def preview_text(self) -> str:
        """The preview as plain text (what the terminal would print)."""
        return plain_text(self.preview.value)

    def refresh(self) -> None:
        """Work out again what the bundle will hold (counts and files only, nothing drawn) and show it."""
        from workbook.share.contents import outline

        self._bundle = outline(self.journal, self.included)
        self._show_preview()

    def _show_preview(self) -> None:
        from workbook.share import preview_text

        if self._bundle is not None:
            text = preview_text(self._bundle, self.target)
            self.preview.value = f"<pre style='white-space:pre-wrap'>{escaped(text)}</pre>"

    @property
    def target(self) -> str:
        """The file name as typed, without surrounding spaces."""
        return self.path.value.strip()

    @guarded
    def share(self) -> Path | None:
        """Write the bundle the preview shows; on any failure say why and keep every tick and the name."""
        from workbook.share import check_target, gather, write_bundle

        if not self.target:
            raise ValidationError(PATH_FIELD, f"is empty; give the file a name, such as {DEFAULT_NAME}")
        target = check_target(Path(self.target).expanduser(), PATH_FIELD, journal=self.journal.path)
        bundle = gather(self.journal, self.template, self.included)
        written = write_bundle(target, bundle.members())
        self.mark_saved()
        self.say_done(self.labels.fill("share.done", path=written))
        return written


def share_widget(book: Workbook) -> Any:
    """The *Share with your coach* widget for ``book`` (the journal in use and its template)."""
    return ShareForm(book.journal, book.template)

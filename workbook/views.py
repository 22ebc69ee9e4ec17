"""What a notebook shows of the journal, kept alive: summaries and charts that redraw after a save.

A :class:`LiveView` draws its content once, then listens to the journal
(:meth:`workbook.journal.Journal.on_change`).  After each stored change it
looks at the data it depends on and redraws only when that data changed, so
saving a mood redraws the mood summary and leaves the feedback charts alone.

In JupyterLab (and under nbval) a view shows itself through an IPython
display handle, so a checked cell still has an ordinary text/plain and
text/markdown output, and a redraw replaces it in place.  Voila renders
outputs once, on the server, so there a view shows itself inside an
ipywidgets HTML or Image widget, which the page keeps in step with the kernel.
A summary's HTML there comes from :meth:`Summary.html`: its sentence escaped,
or, for a Markdown summary (:class:`workbook.sections.Markdown`), its Markdown
converted with any raw HTML escaped, so a table shows as a table.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbook.journal import Journal

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Set in the kernels Voila starts (Voila's own names for them).
_VOILA_VARIABLES = ("VOILA_KERNEL_ID", "VOILA_BASE_URL", "VOILA_SERVER_URL")
#: Charts are drawn and written at 100 dots per inch.
PNG_DPI = 100
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


@dataclass(frozen=True)
class Summary:
    """A few sentences, shown as Markdown with the same sentence as plain text."""

    text: str

    def _repr_markdown_(self) -> str:
        return _MARKDOWN_SPECIAL.sub(r"\\\1", self.text)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(self.text)

    def html(self) -> str:
        """What app mode shows: the sentence as one escaped HTML paragraph (a richer summary says more)."""
        return f"<p>{html.escape(self.text)}</p>"

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Chart:
    """A figure that shows itself as a PNG in a notebook (and in app mode)."""

    figure: Figure

    def png(self) -> bytes:
        """The figure as PNG bytes (100 dpi): the pixels ``savefig`` draws, written more quickly.

        An opaque figure is written as RGB rather than RGBA, with zlib's
        quickest level: the same picture, in a file of about the same size, for
        a fifth of the time ``savefig`` spends writing it.
        """
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        buffer = io.BytesIO()
        if self.figure.dpi != PNG_DPI:
            self.figure.savefig(buffer, format="png", dpi=PNG_DPI)
            return buffer.getvalue()
        canvas = FigureCanvasAgg(self.figure)
        canvas.draw()
        _write_png(canvas.buffer_rgba(), buffer)
        return buffer.getvalue()

    def _repr_png_(self) -> bytes:
        return self.png()

    @property
    def title(self) -> str:
        """The chart's name in plain text, from its first titled axes."""
        titles = [axes.get_title() for axes in self.figure.axes if axes.get_title()]
        return f"Chart: {titles[0]}" if titles else "Chart"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(self.title)


class LiveView:
    """A summary or chart of the journal that redraws itself after each save that changes its data.

    ``draw()`` returns what to show (a :class:`Summary` or a :class:`Chart`);
    ``reads()`` returns the data it is drawn from, and a redraw happens only
    when that data differs from last time.  :meth:`stop` ends the listening.
    """

    def __init__(
        self, journal: Journal, draw: Callable[[], Summary | Chart], reads: Callable[[], Any]
    ) -> None:
        self._draw = draw
        self._reads = reads
        self._fingerprint = _fingerprint(reads())
        self.content: Summary | Chart = draw()
        #: How many times the view has redrawn since it was first drawn.
        self.redraws = 0
        self._handle: Any = None
        self._output: Any = None
        self._stop: Callable[[], None] | None = journal.on_change(self.refresh)

    @property
    def text(self) -> str:
        """The summary's sentence, or the chart's plain-text name."""
        return self.content.text if isinstance(self.content, Summary) else self.content.title

    @property
    def live(self) -> bool:
        """Whether the view still redraws after a save."""
        return self._stop is not None

    def refresh(self) -> bool:
        """Redraw when the data this view rests on has changed; say whether it did."""
        fingerprint = _fingerprint(self._reads())
        if fingerprint == self._fingerprint:
            return False
        self._fingerprint = fingerprint
        self.content = self._draw()
        self.redraws += 1
        self._show_again()
        return True

    def stop(self) -> None:
        """Stop redrawing (the cell that showed this view was run again)."""
        if self._stop is not None:
            self._stop()
            self._stop = None

    def _ipython_display_(self) -> None:
        from IPython.display import display

        if in_voila():
            import ipywidgets

            self._output = ipywidgets.VBox()
            self._fill_output()
            display(self._output)
        else:
            self._handle = display(self.content, display_id=True)

    def _show_again(self) -> None:
        if self._handle is not None:
            self._handle.update(self.content)
        if self._output is not None:
            self._fill_output()

    def _fill_output(self) -> None:
        # A plain value on a widget, not an Output widget's captured display:
        # Voila pages with several captured displays never finished loading.
        shown = self._output.children
        if not shown or shown[0].__class__ is not _widget_for(self.content).__class__:
            shown = (_widget_for(self.content),)
            self._output.children = shown
        if isinstance(self.content, Chart):
            shown[0].value = self.content.png()
        else:
            shown[0].value = self.content.html()

    def __repr__(self) -> str:
        return self.text


def in_voila() -> bool:
    """Whether this kernel was started by Voila (app mode)."""
    return any(name in os.environ for name in _VOILA_VARIABLES)


def cell_id() -> str | None:
    """The id of the notebook cell running now, when the front end says (JupyterLab does)."""
    run = cell_run()
    return None if run is None else run[0]


def cell_run() -> tuple[str, str] | None:
    """The cell running now and this run of it (the request's message id), when the front end says which cell."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
        kernel = getattr(shell, "kernel", None)
        parent = (kernel.get_parent() if kernel is not None else None) or {}
        cell = parent.get("metadata", {}).get("cellId")
        return None if cell is None else (cell, parent.get("header", {}).get("msg_id", ""))
    except Exception:  # noqa: BLE001 - no kernel, or an older one: views are then told apart by name only
        return None


def _write_png(rgba: Any, buffer: io.BytesIO) -> None:
    import numpy as np
    from PIL import Image

    pixels = np.asarray(rgba)
    height, width = pixels.shape[:2]
    image = Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", 0, 1)
    if bool((pixels[..., 3] == 255).all()):
        image = image.convert("RGB")
    image.save(buffer, format="png", compress_level=1, dpi=(PNG_DPI, PNG_DPI))


def _widget_for(content: Summary | Chart) -> Any:
    import ipywidgets

    if isinstance(content, Chart):
        return ipywidgets.Image(format="png", layout=ipywidgets.Layout(max_width="100%", height="auto"))
    return ipywidgets.HTML()


def _fingerprint(data: Any) -> str:
    # Pickle sees every cell of every frame; a false "changed" only costs one redraw.
    return hashlib.sha256(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()

"""What every chart shares: one colour per concept, a fresh Figure with a fixed layout, the empty state.

Figures are built with :class:`matplotlib.figure.Figure` directly, never
pyplot, so no global state is touched and no display is needed.  Margins are
set in inches up front (``subplots_adjust``) rather than by constrained layout,
which measures every text on each draw and costs more than the chart itself.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

from workbook.messages import count

#: Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)

# One colour per concept, the same in every chart.
#: A day's mood (dots) and its running mean (line): blues.
MOOD = "#56B4E9"
MOOD_MEAN = "#0072B2"
#: A rejection, wherever it is marked or counted.
REJECTION = "#D55E00"
#: Outcomes other than a rejection.
OFFER = "#009E73"
WITHDRAWN = "#6F6F6F"
GHOSTED = "#BBBBBB"
OUTCOME_COLOURS = {"rejected": REJECTION, "offer": OFFER, "withdrawn": WITHDRAWN, "ghosted": GHOSTED}
#: The usual level (baseline) a recovery is measured against: a highlighter yellow, used for nothing else.
USUAL = "#F0E442"
#: Feedback themes.
FEEDBACK = "#E69F00"
#: Medians, means and trend lines: a summary, never a series.
SUMMARY = "#000000"
#: Stages reached, applied to final: one purple ramp, light to dark, used for nothing else.
STAGE_COLOURS = ("#BCBDDC", "#9E9AC8", "#756BB1", "#54278F")
#: Days that could hold an entry but have none: a grey no mood colour comes near (grey is "nothing came", as for ghosting).
NO_ENTRY = "#BDBDBD"
#: Mood runs from low (red) through to high (blue) on a diverging, colour-blind-safe map.
MOOD_MAP = "RdYlBu"
#: Counts of feedback items: light to dark orange, so more reads as darker.
COUNT_MAP = LinearSegmentedColormap.from_list("feedback_counts", ["#FCE8C3", FEEDBACK, "#7A4A00"])
GRID = "#DDDDDD"
INK = "#555555"
FONT_SIZE = 10
#: Titles sit on the top of their axes (plus their pad): no chart puts ticks above the axes, so
#: matplotlib's search for them on every draw (measuring every tick label) would find nothing.
TITLE_Y = 1.0
#: Inches kept round the axes for tick labels, axis labels and the title.
MARGINS = {"left": 0.8, "right": 0.3, "top": 0.55, "bottom": 0.65}


def new_figure(width: float = 8, height: float = 4.5, **margins: float) -> tuple[Figure, Axes]:
    """A figure (100 dpi) with one Axes placed by fixed margins in inches (see :data:`MARGINS`)."""
    figure = Figure(figsize=(width, height), dpi=100)
    inches = {**MARGINS, **margins}
    figure.subplots_adjust(
        left=inches["left"] / width,
        right=1 - inches["right"] / width,
        bottom=inches["bottom"] / height,
        top=1 - inches["top"] / height,
    )
    axes = figure.add_subplot()
    axes.tick_params(labelsize=FONT_SIZE)
    axes.grid(True, axis="y", color=GRID, linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    return figure, axes


def label_inches(labels: Iterable[str], size: float = FONT_SIZE) -> float:
    """How wide the widest line of ``labels`` is, in inches, at ``size`` points, measured from the font.

    Each letter's advance comes from the font once and is kept; 5% is added,
    as drawing at 100 dpi rounds glyphs up a little.
    """
    widest = max((sum(map(_advance, line)) for text in labels for line in str(text).split("\n")), default=0.0)
    return widest * size / FONT_SIZE / 72 * 1.05


@functools.cache
def _advance(letter: str) -> float:
    """How far one letter moves the pen at FONT_SIZE, in points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    return text_to_path.get_text_width_height_descent(letter, FontProperties(size=FONT_SIZE), ismath=False)[0]


def date_axis(axes: Axes) -> None:
    """Date ticks that never crowd: a handful of them, each written as briefly as it can be."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def label(axes: Axes, title: str, xlabel: str, ylabel: str) -> None:
    """Set the title and both axis labels."""
    axes.set_title(title, fontsize=FONT_SIZE + 3, loc="left", y=TITLE_Y)
    axes.set_xlabel(xlabel, fontsize=FONT_SIZE + 1)
    axes.set_ylabel(ylabel, fontsize=FONT_SIZE + 1)


def empty(figure: Figure, axes: Axes, message: str) -> Figure:
    """Show a friendly message in place of the chart, keeping title and labels."""
    axes.set_xticks([])
    axes.set_yticks([])
    axes.grid(False)
    axes.text(
        0.5,
        0.5,
        message,
        transform=axes.transAxes,
        ha="center",
        va="center",
        fontsize=FONT_SIZE + 2,
        color=INK,
    )
    return figure


def stage_colour(number: int) -> str:
    """The colour of stage ``number`` (0 applied ... 3 final)."""
    return STAGE_COLOURS[min(number, len(STAGE_COLOURS) - 1)]


def counted(number: int, word: str) -> str:
    """``1 day``, ``3 days``: a count with its word, singular or plural."""
    return count(number, word)

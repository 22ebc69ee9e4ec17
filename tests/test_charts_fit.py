"""Every word a chart shows stays inside the picture: no axis label or category name cut off at the edge.

Margins are fixed in inches (no layout engine), so they must be measured
from the words themselves; these tests draw every chart a notebook can show
and look at where each text landed.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from workbook.charts.canvas import FONT_SIZE, label_inches
from workbook.demo import build_demo
from workbook.journal import Journal
from workbook.messages import CHANNEL_LABELS, STAGE_LABELS
from workbook.records import FeedbackItem
from workbook.session import CHARTS, Workbook
from workbook.themes import load_vocabulary

DPI = 100


def drawn_texts(figure: Figure) -> Iterator[Text]:
    """The texts a person sees: titles, axis labels, the ticks in view, notes on the chart, legends."""
    yield from figure.texts
    for legend in figure.legends:
        yield from legend.get_texts()
    for axes in figure.axes:
        yield from (axes.title, axes._left_title, axes._right_title, axes.xaxis.label, axes.yaxis.label)
        for axis in (axes.xaxis, axes.yaxis):
            for tick in axis._update_ticks():  # the ticks in view: the ones drawn
                yield from (tick.label1, tick.label2)
        yield from axes.texts
        if axes.get_legend() is not None:
            yield axes.get_legend().get_title()
            yield from axes.get_legend().get_texts()


def outside(figure: Figure) -> list[str]:
    """The visible texts of ``figure`` that reach past its edges when drawn, with where they landed."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    width, height = figure.bbox.width, figure.bbox.height
    found = []
    for text in drawn_texts(figure):
        if not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        if box.x0 < -1 or box.y0 < -1 or box.x1 > width + 1 or box.y1 > height + 1:
            found.append(f"{text.get_text()!r} at x {box.x0:.0f}..{box.x1:.0f}, y {box.y0:.0f}..{box.y1:.0f}")
    return found


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workbook]:
    with Journal(tmp_path_factory.mktemp("sample") / "journal.db") as journal:
        build_demo(journal)
        yield Workbook(journal)


@pytest.fixture(scope="module")
def long_names(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workbook]:
    """The sample journal, plus feedback naming the longest themes most often, so their labels are drawn."""
    with Journal(tmp_path_factory.mktemp("long") / "journal.db") as journal:
        build_demo(journal)
        book = Workbook(journal)
        longest = sorted(book.vocabulary().values(), key=lambda theme: -len(theme.label))[:4]
        rejected = journal.applications().query("outcome == 'rejected'")["id"].tolist()
        for app_id in rejected:
            for theme in longest:
                journal.add(FeedbackItem(application_id=app_id, text="said so", themes=(theme.id,)))
                journal.add(
                    FeedbackItem(application_id=app_id, text="praised", themes=(theme.id,), positive=True)
                )
        yield book


@pytest.mark.parametrize("name", list(CHARTS))
@pytest.mark.parametrize("journal", ["sample", "long_names"])
def test_every_chart_keeps_its_words_inside_the_picture(name: str, journal: str, request) -> None:
    book = request.getfixturevalue(journal)
    figure = CHARTS[name][2](book)
    assert outside(figure) == []


@pytest.mark.parametrize("name", list(CHARTS))
def test_every_chart_keeps_its_words_inside_the_picture_on_an_empty_journal(
    name: str, journal: Journal
) -> None:
    figure = CHARTS[name][2](Workbook(journal))
    assert outside(figure) == []


def test_the_room_kept_for_a_label_is_never_less_than_its_drawn_width() -> None:
    labels = [theme.label for theme in load_vocabulary().values()]
    labels += [*STAGE_LABELS.values(), *CHANNEL_LABELS.values(), "Stage: Screening call (171)"]
    figure = Figure(dpi=DPI)
    renderer = FigureCanvasAgg(figure).get_renderer()
    for label in labels:
        drawn = figure.text(0, 0, label, fontsize=FONT_SIZE).get_window_extent(renderer).width / DPI
        assert label_inches([label]) >= drawn, label

"""The charts of the long-term gains: strengths, self-review, wants, what helps, check-ins.

Each is drawn from a real journal at three entries and at three thousand: it
has its title, draws to PNG, keeps its texts inside the figure, and says in
words what it leaves out.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from workbook import sections
from workbook.growth_records import CheckIn, Motivation, SelfReview
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem, MoodEntry, SupportContact
from workbook.session import Workbook

END = dt.date(2026, 10, 31)
THEMES = ("communication", "technical_depth", "examples_impact", "preparation", "culture_fit", "competition")
DIMENSIONS = ("preparation", "examples_impact", "technical_depth", "communication", "questions_asked")
DRAWS = ("remote work", "mentoring", "data work", "small team", "Mission", "learning budget")
AVOIDS = ("long commute", "on-call", "vague role", "big agency")
TAGS = ("walked", "slept badly", "talked to a friend", "gym", "cooked")
PEOPLE = ("Sam", "Mum", "Priya", "Coach Lee")


def fill(journal: Journal, entries: int, *, seed: int = 7) -> None:
    """A job search with ``entries`` applications, each with feedback, a self-review, wants and a check-in.

    Moods run every day across the whole span (dipping after each rejection),
    with tags and support talks in the week after some rejections.
    """
    rng = random.Random(seed)
    years = 10 if entries > 100 else 0.4
    start = END - dt.timedelta(days=int(365 * years))
    span = (END - start).days - 40
    days = sorted(rng.randrange(span) for _ in range(entries))
    apps = []
    for number, day in enumerate(days):
        applied = start + dt.timedelta(days=day)
        rejected = number % 5 != 4
        apps.append(
            Application(
                company=f"Company {number}",
                role="Analyst",
                applied_on=applied,
                stage=rng.choice(("screen", "interview", "final")),
                outcome="rejected" if rejected else "pending",
                outcome_on=applied + dt.timedelta(days=20) if rejected else None,
            )
        )
    ids = [row_id for row_id, _ in journal.add_new(apps)]
    low_days = {a.outcome_on for a in apps if a.outcome_on}
    moods = []
    for offset in range((END - start).days):
        day = start + dt.timedelta(days=offset)
        hit = any(day - dt.timedelta(days=k) in low_days for k in range(4))
        tags = (rng.choice(TAGS),) if hit and rng.random() < 0.6 else ()
        mood = max(1, min(10, round(rng.gauss(4 if hit else 7, 1))))
        moods.append(MoodEntry(at=dt.datetime.combine(day, dt.time(9)), mood=mood, tags=tags))
    journal.add_new(moods)
    feedback, reviews, wants, checkins, talks = [], [], [], [], []
    for app, row_id in zip(apps, ids, strict=True):
        theme = rng.choice(THEMES)
        feedback.append(
            FeedbackItem(
                application_id=row_id, text=f"About {theme}", themes=(theme,), positive=rng.random() < 0.35
            )
        )
        ratings = {d: rng.randint(1, 5) for d in DIMENSIONS if rng.random() < 0.8} or {"communication": 4}
        reviews.append(
            SelfReview(application_id=row_id, held_on=app.applied_on + dt.timedelta(days=10), ratings=ratings)
        )
        wants.append(
            Motivation(
                application_id=row_id,
                wanted=rng.randint(1, 5),
                draws=tuple(rng.sample(DRAWS, 2)),
                avoids=(rng.choice(AVOIDS),),
            )
        )
        at = dt.datetime.combine(app.applied_on, dt.time(20)) + dt.timedelta(minutes=rng.randrange(600))
        answers = {f"s{k}": rng.randint(1, 5) for k in range(6)}
        checkins.append(CheckIn(at=at, answers=answers, score=round(sum(answers.values()) / 6, 2)))
        if app.outcome_on and rng.random() < 0.4:
            talks.append(
                SupportContact(
                    talked_on=app.outcome_on + dt.timedelta(days=2), who=rng.choice(PEOPLE), helped=4
                )
            )
    for records in (feedback, reviews, wants, checkins, talks):
        journal.add_new(records)


@pytest.fixture(scope="module", params=[3, 3000], ids=["three", "three_thousand"])
def book(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    journal = Journal(tmp_path_factory.mktemp("gains") / "journal.db")
    fill(journal, request.param)
    return Workbook(journal)


def draw(book: Workbook, name: str) -> Figure:
    return sections.CHARTS[name][2](book)


def overflowing_panels(figure: Figure) -> list[str]:
    """The titles of panels whose drawn texts (ticks, labels, notes) reach outside the figure: cut off in the PNG."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    box = figure.bbox
    outside = []
    for axes in figure.axes:
        extent = axes.get_tightbbox(renderer)
        if (
            extent.x0 < box.x0 - 1
            or extent.x1 > box.x1 + 1
            or extent.y0 < box.y0 - 1
            or extent.y1 > box.y1 + 1
        ):
            outside.append(axes.get_title(loc="left") or axes.get_ylabel())
    return outside


@pytest.mark.parametrize("name", list(sections.CHARTS))
def test_each_chart_draws_with_its_title_and_nothing_cut_off(book: Workbook, name: str) -> None:
    figure = draw(book, name)
    assert figure.axes[0].get_title(loc="left")
    assert overflowing_panels(figure) == []
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")


@pytest.mark.parametrize("name", list(sections.CHARTS))
def test_each_chart_has_a_friendly_empty_state(tmp_path: Path, name: str) -> None:
    figure = draw(Workbook(Journal(tmp_path / "journal.db")), name)
    words = " ".join(text.get_text() for axes in figure.axes for text in axes.texts)
    assert "No " in words or "Not enough" in words
    assert "yet" in words
    figure.savefig(io.BytesIO(), format="png")


def test_a_theme_heard_only_one_way_has_its_bar_on_its_name(tmp_path: Path) -> None:
    """Praised only, or asked for only: one bar, centred on the theme's row, not shifted off it."""
    from workbook.charts.strengths import strengths_chart

    journal = Journal(tmp_path / "journal.db")
    app = journal.add(Application(company="Acme", role="Analyst", applied_on=dt.date(2026, 1, 5)))
    journal.add(
        FeedbackItem(application_id=app.id, text="good questions", themes=("good_questions",), positive=True)
    )
    journal.add(FeedbackItem(application_id=app.id, text="more depth", themes=("technical_depth",)))
    journal.add(FeedbackItem(application_id=app.id, text="clear", themes=("communication",), positive=True))
    journal.add(FeedbackItem(application_id=app.id, text="clearer", themes=("communication",)))
    axes = strengths_chart(journal.feedback(), Workbook(journal).vocabulary()).axes[0]
    rows = dict(zip([t.get_text() for t in axes.get_yticklabels()], axes.get_yticks()))
    centres = {}
    for container in axes.containers:
        for bar in container:
            if bar.get_width():
                centres.setdefault(container.get_label(), []).append(bar.get_y() + bar.get_height() / 2)
    assert rows["Good questions"] in centres["praised"]
    assert rows["Technical depth"] in centres["asked for more"]
    assert rows["Communication"] not in centres["praised"] + centres["asked for more"]  # both: side by side

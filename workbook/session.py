"""The notebooks' one entry point: ``wb = workbook.open()``.

A :class:`Workbook` holds the journal in use (the person's own, or the sample
one) and the template's texts, and hands the notebooks their widgets, charts
and summaries in one short call each, so every notebook cell stays one to
three lines long.  Widgets and charts are imported only when first asked for.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.journal import Journal
from workbook.location import journal_path
from workbook.sections import CHARTS as SECTION_CHARTS
from workbook.views import Chart, LiveView, Summary, cell_id, cell_run

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from workbook.template import Template

__all__ = ["CHARTS", "Chart", "LiveView", "Summary", "Workbook", "notebook_path", "open_workbook"]

DEMO_ENV = "WORKBOOK_DEMO"
#: Set by `workbook lab` and `workbook app` for their kernels: "lab" or "app".
MODE_ENV = "WORKBOOK_MODE"
DEMO_FILE = "demo.db"


def open_workbook(demo: bool | None = None, *, journal: str | os.PathLike[str] | None = None) -> Workbook:
    """Open the person's journal, or the sample one, and say which in a banner.

    ``demo=None`` follows the ``WORKBOOK_DEMO`` environment variable.  The
    sample journal lives beside the person's (``data/demo.db``) and is built on
    first use; it never touches the person's journal.
    """
    from workbook.folder import folder_template  # the template (and yaml) load on first open, not on import

    if demo is None:
        demo = os.environ.get(DEMO_ENV, "").strip().lower() in ("1", "true", "yes")
    own = journal_path(journal)
    path = own.with_name(DEMO_FILE) if demo else own  # as workbook.demo.default_demo_path places it
    book = Workbook(Journal(path), folder_template(), demo=demo)
    if demo:
        from workbook.demo import build_demo_if_empty

        build_demo_if_empty(book.journal)
    print(book.banner())
    return book


def _kept(method: Callable[..., Any]) -> Callable[..., Any]:
    """A method that makes a form: the form is kept by its cell, so running the cell again closes it."""

    @functools.wraps(method)
    def make(book: Workbook, *args: Any, **kwargs: Any) -> Any:
        return book._keep(method(book, *args, **kwargs))

    return make


class Workbook:
    """The journal in use, its template, and everything a notebook shows."""

    def __init__(self, journal: Journal, template: Template | None = None, *, demo: bool = False) -> None:
        from workbook.template import load_template

        self.journal = journal
        self.template = template or load_template()
        self.demo = demo
        self._views: dict[tuple[str, str | None], LiveView] = {}
        #: The forms each cell showed in its last run, by cell id: (that run's message id, the forms).
        self._forms: dict[str, tuple[str, list[Any]]] = {}

    def banner(self) -> str:
        """Which journal is in use, and in JupyterLab how to see every form at once."""
        from workbook import messages

        text = messages.SAMPLE_BANNER if self.demo else messages.OWN_BANNER
        lines = [text.format(name=self.journal.path.name)]
        if os.environ.get(MODE_ENV) == "lab":
            lines.append(messages.LAB_HINT)
        return "\n".join(lines)

    # --- widgets ---------------------------------------------------------------

    @_kept
    def checklist(self, checklist_id: str, *, application_id: int | None = None) -> Any:
        """A checklist from the template (before_call, call_covered, after_call, ...)."""
        from workbook.widgets import ChecklistForm

        return ChecklistForm(
            self.journal,
            self.template.checklist(checklist_id),
            application_id=application_id,
            template=self.template,
        )

    @_kept
    def question_bank(self, *, application_id: int | None = None) -> Any:
        """Questions worth asking on the call: tick before, mark answered after."""
        from workbook.widgets import QuestionBank

        return QuestionBank(self.journal, self.template, application_id=application_id)

    @_kept
    def mood(self, context: str = "daily", *, application_id: int | None = None) -> Any:
        """The mood logger, set to ``context`` (daily, before_call or after_call)."""
        from workbook.widgets import MoodLogger

        return MoodLogger(self.journal, self.template, context=context, application_id=application_id)

    @_kept
    def rejection_log(self, *, application_id: int | None = None) -> Any:
        """Log an application and its outcome; call notes and feedback open for every rejection."""
        from workbook.widgets import RejectionLog

        return RejectionLog(self.journal, self.template, application_id=application_id)

    @_kept
    def reflection(
        self, set_id: str, *, one_at_a_time: bool = False, application_id: int | None = None
    ) -> Any:
        """A set of reflection prompts from the template (after_call, gibbs, thought_record, ...)."""
        from workbook.widgets import ReflectionForm

        return ReflectionForm(
            self.journal,
            self.template.prompt_set(set_id),
            one_at_a_time=one_at_a_time,
            application_id=application_id,
            template=self.template,
        )

    @_kept
    def actions(self) -> Any:
        """Things to practise or learn, with suggestions from your feedback."""
        from workbook.widgets import ActionTracker

        return ActionTracker(self.journal, self.template)

    @_kept
    def support_log(self) -> Any:
        """Who you talked to, and how much it helped."""
        from workbook.widgets import SupportLog

        return SupportLog(self.journal, self.template)

    @_kept
    def your_journal(self) -> Any:
        """Every entry in one table: filter by kind and application, open one in its form, or delete it (asks once)."""
        from workbook.widgets import JournalView

        return JournalView(self.journal, self.template)

    # --- what a rejection can still give ---------------------------------------

    @_kept
    def went_well(self, *, application_id: int | None = None) -> Any:
        """One thing that went well: praise or a strength, kept beside the feedback."""
        from workbook.widgets.strengths import went_well_widget

        return went_well_widget(self, application_id=application_id)

    @_kept
    def self_review(self, *, application_id: int | None = None) -> Any:
        """Rate your own answers in an interview, 1 to 5 on each point, and one thing to do differently."""
        from workbook.widgets.self_review import self_review_widget

        return self_review_widget(self, application_id=application_id)

    @_kept
    def people_met(self, *, application_id: int | None = None) -> Any:
        """The people you met in an application, and whether they invited you to apply again."""
        from workbook.widgets.people import people_widget

        return people_widget(self, application_id=application_id)

    @_kept
    def follow_up(self, *, application_id: int | None = None) -> Any:
        """A thank-you note drafted from your journal, to edit and send yourself, and a date to reconnect."""
        from workbook.widgets.follow_up import follow_up_widget

        return follow_up_widget(self, application_id=application_id)

    @_kept
    def due_follow_ups(self) -> Any:
        """The thank-you notes and reconnect dates that have come due, each with Mark done."""
        from workbook.widgets.follow_up import due_follow_ups

        return due_follow_ups(self)

    @_kept
    def what_you_want(self, *, application_id: int | None = None) -> Any:
        """What drew you to a role, what you would rather avoid, and how much you wanted it."""
        from workbook.widgets.motivation import motivation_widget

        return motivation_widget(self, application_id=application_id)

    @_kept
    def check_in(self, *, application_id: int | None = None) -> Any:
        """The resilience check-in from the template: a few statements, answered 1 to 5."""
        from workbook.widgets.check_in import check_in_widget

        return check_in_widget(self, application_id=application_id)

    @_kept
    def share(self) -> Any:
        """Share with your coach: tick what else to include, see what the file holds, write it."""
        from workbook.widgets.share import share_widget

        return share_widget(self)

    def section(self, name: str) -> LiveView:
        """A section's words (strengths, self_review, wants, what_helps, checkin); it redraws after a save."""
        from workbook.sections import SECTIONS

        part = SECTIONS[name]
        return self._show(
            f"summary:{name}",
            lambda: part.summary(self),
            lambda: [getattr(self.journal, r)() for r in part.reads],
        )

    # --- summaries -------------------------------------------------------------

    def overview(self) -> LiveView:
        """What the journal holds so far."""
        from workbook import summaries

        whose = "The sample journal" if self.demo else "Your journal"
        return self._summary(
            "overview", lambda: summaries.overview(self.journal.counts(), whose=whose), self.journal.counts
        )

    def history_summary(self) -> LiveView:
        """A few sentences about the rejection history."""
        from workbook import summaries

        return self._summary(
            "history", lambda: summaries.history(self.journal.applications()), self.journal.applications
        )

    def theme_summary(self) -> LiveView:
        """The most frequent feedback themes, named as the template names them."""
        from workbook import summaries, themes

        def words() -> str:
            feedback, vocabulary = self.journal.feedback(), self.vocabulary()
            praised = themes.theme_counts(feedback, vocabulary, positive=True)
            return summaries.themes(themes.theme_counts(feedback, vocabulary), strengths=praised)

        return self._summary("themes", words, self.journal.feedback)

    def mood_summary(self) -> LiveView:
        """How often the person has checked in and how the latest days compare."""
        from workbook import summaries

        return self._summary("moods", lambda: summaries.moods(self.journal.moods()), self.journal.moods)

    def resilience_summary(self) -> LiveView:
        """How recoveries have gone and whether they are getting shorter."""
        from workbook import metrics, summaries

        def words() -> str:
            rejections = self.rejections()
            return summaries.resilience(rejections, metrics.recovery_trend(rejections))

        return self._summary("resilience", words, lambda: (self.journal.applications(), self.journal.moods()))

    def rejections(self) -> pd.DataFrame:
        """Per-rejection metrics (baseline, dip, recovery, bounce-back) as a DataFrame."""
        from workbook import metrics

        return metrics.rejection_metrics(self.journal.applications(), self.journal.moods())

    def vocabulary(self) -> dict[str, Any]:
        """The feedback themes of this workbook's template (labels as the coach wrote them)."""
        from workbook import themes

        return themes.load_vocabulary(self.template.feedback_themes)

    # --- charts ----------------------------------------------------------------

    def chart(self, name: str) -> LiveView:
        """The chart called ``name``, or what to log first when there is nothing to draw; it redraws after a save."""
        if name not in CHARTS:
            raise KeyError(f"no chart called {name!r}; there are: {', '.join(CHARTS)}")
        needs, reads, draw = CHARTS[name]

        def content() -> Summary | Chart:
            missing = _missing(self, needs)
            return Summary(missing) if missing else Chart(draw(self))

        return self._show(f"chart:{name}", content, lambda: [getattr(self.journal, r)() for r in reads])

    # --- keeping views alive ------------------------------------------------------

    def _keep(self, form: Any) -> Any:
        """Return ``form``; the forms this cell showed in an earlier run are closed.

        A cell run again shows new forms in place of the old ones, which would
        otherwise stay in the kernel, redrawing themselves after every save.
        """
        run = cell_run()
        if run is None or not hasattr(form, "close"):
            return form  # no cell to tell runs apart by (app mode shows each cell once)
        cell, message = run
        before = self._forms.get(cell)
        if before is None or before[0] != message:
            for old in before[1] if before else ():
                old.close()
            before = self._forms[cell] = (message, [])
        before[1].append(form)
        return form

    def _summary(self, name: str, words: Callable[[], str], reads: Callable[[], Any]) -> LiveView:
        return self._show(f"summary:{name}", lambda: Summary(words()), reads)

    def _show(self, name: str, draw: Callable[[], Summary | Chart], reads: Callable[[], Any]) -> LiveView:
        """A live view; the one this cell showed before (run again) stops redrawing."""
        key = (name, cell_id())
        previous = self._views.pop(key, None)
        if previous is not None:
            previous.stop()
        view = self._views[key] = LiveView(self.journal, draw, reads)
        return view


# --- the charts a notebook can ask for --------------------------------------------


def _missing(book: Workbook, needs: str) -> str | None:
    """What to log first when the chart has nothing to draw: ``needs`` names a journal table, or "rejections"."""
    from workbook.messages import CHART_HINTS

    if not needs:
        return None
    if needs == "rejections":
        if (book.journal.applications()["outcome"] == "rejected").any():
            return None
        return CHART_HINTS[needs]
    return CHART_HINTS[needs] if getattr(book.journal, needs)().empty else None


def _charts() -> Any:
    from workbook import charts

    return charts


#: Each chart: what it needs before it can draw, the journal frames it is drawn from, and how to draw it.
CHARTS: dict[str, tuple[str, tuple[str, ...], Callable[[Workbook], Figure]]] = {
    "rejections_by_month": (
        "rejections",
        ("applications",),
        lambda b: _charts().rejections_by_month_chart(b.journal.applications()),
    ),
    "funnel": (
        "applications",
        ("applications", "stage_changes"),
        lambda b: _charts().funnel_chart(b.journal.applications(), b.journal.stage_changes()),
    ),
    "channels": (
        "rejections",
        ("applications",),
        lambda b: _charts().channel_chart(b.journal.applications()),
    ),
    "days_to_outcome": (
        "applications",
        ("applications",),
        lambda b: _charts().days_to_outcome_chart(b.journal.applications()),
    ),
    "theme_frequency": (
        "feedback",
        ("feedback",),
        lambda b: _charts().theme_frequency_chart(b.journal.feedback(), b.vocabulary()),
    ),
    "themes_over_time": (
        "feedback",
        ("feedback", "applications"),
        lambda b: _charts().themes_over_time_chart(
            b.journal.feedback(), b.journal.applications(), b.vocabulary()
        ),
    ),
    "themes_by_stage": (
        "feedback",
        ("feedback", "applications"),
        lambda b: _charts().themes_by_stage_chart(
            b.journal.feedback(), b.journal.applications(), b.vocabulary()
        ),
    ),
    "mood_timeline": (
        "moods",
        ("moods", "applications"),
        lambda b: _charts().mood_timeline_chart(b.journal.moods(), b.journal.applications(), b.rejections()),
    ),
    "year_in_pixels": ("moods", ("moods",), lambda b: _charts().year_in_pixels_chart(b.journal.moods())),
    "weekday": ("moods", ("moods",), lambda b: _charts().weekday_chart(b.journal.moods())),
    "recovery": ("rejections", ("moods", "applications"), lambda b: _charts().recovery_chart(b.rejections())),
    "dip_by_stage": (
        "rejections",
        ("moods", "applications"),
        lambda b: _charts().dip_by_stage_chart(b.rejections(), b.journal.applications()),
    ),
    **SECTION_CHARTS,
}


def notebook_path(name: str) -> Path:
    """The path of a bundled notebook, by file name (for links and tests)."""
    return Path(__file__).resolve().parent.parent / "notebooks" / name

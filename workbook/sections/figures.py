"""The sections' charts, shaped as :data:`workbook.session.CHARTS`: what each needs, what it reads, how to draw it.

Nothing here imports matplotlib until a chart is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from workbook.sections.resilience import hurts_and_helps

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from workbook.session import Workbook


def _charts() -> Any:
    from workbook.charts import checkin, self_review, strengths, wants, what_helps

    return {
        "strengths": strengths.strengths_chart,
        "self_review": self_review.self_review_chart,
        "wants": wants.wants_chart,
        "what_helps": what_helps.what_helps_chart,
        "checkin": checkin.checkin_chart,
    }


def _self_review_chart(book: Workbook) -> Figure:
    from workbook.self_review import Dimension

    dimensions = [Dimension(item.id, item.text) for item in book.template.self_review]
    journal = book.journal
    return _charts()["self_review"](journal.self_reviews(), journal.feedback(), dimensions, book.vocabulary())


def _checkin_chart(book: Workbook) -> Figure:
    from workbook.checkin_trend import scores

    questionnaire = book.template.checkin
    series = scores(book.journal.check_ins(), questionnaire.id if questionnaire else None)
    return _charts()["checkin"](series, book.rejections(), questionnaire.meaning if questionnaire else None)


#: The sections' charts, shaped as :data:`workbook.session.CHARTS` (needs, reads, draw): merge them into it.
#: Each needs its own table to hold something; until then the chart says so in words instead of drawing.
CHARTS: dict[str, tuple[str, tuple[str, ...], Callable[[Workbook], Figure]]] = {
    "strengths": (
        "feedback",
        ("feedback",),
        lambda b: _charts()["strengths"](b.journal.feedback(), b.vocabulary()),
    ),
    "self_review": ("self_reviews", ("self_reviews", "feedback"), _self_review_chart),
    "wants": (
        "motivations",
        ("motivations", "applications", "moods"),
        lambda b: _charts()["wants"](b.journal.motivations(), b.rejections()),
    ),
    "what_helps": (
        "rejections",
        ("applications", "moods", "feedback", "support_contacts"),
        lambda b: _charts()["what_helps"](*hurts_and_helps(b)),
    ),
    "checkin": ("check_ins", ("check_ins", "applications", "moods"), _checkin_chart),
}

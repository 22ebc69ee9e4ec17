"""The notebook sections on what a rejection can still give: strengths, self-reviews, wants, what helps, check-ins.

Each section is a summary in Markdown (a few warm sentences, each saying how
many rejections or items it rests on, or what to log first) and a chart.
:data:`SECTIONS` names each section's summary and the journal frames it reads;
:data:`CHARTS` holds the charts in the same shape as
:data:`workbook.session.CHARTS` (what it needs, what it reads, how to draw it),
so :class:`workbook.session.Workbook` shows both as live views.  Nothing here
imports matplotlib until a chart is drawn.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbook import messages
from workbook.messages import count, date_text, times
from workbook.views import Summary

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from workbook.session import Workbook

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


@dataclass(frozen=True)
class Markdown(Summary):
    """A summary written in Markdown (bold, lists, a small table); ``text`` says the same in plain words."""

    markdown: str = ""

    def _repr_markdown_(self) -> str:
        return self.markdown


@dataclass(frozen=True)
class Section:
    """One notebook section: its summary, the journal frames it reads, and its chart's name in :data:`CHARTS`."""

    notebook: str
    reads: tuple[str, ...]
    summary: Callable[[Workbook], Markdown]
    chart: str


def escape(words: object) -> str:
    """A person's own words made safe inside Markdown (``*``, ``_``, ``|`` and friends shown as typed)."""
    return _SPECIAL.sub(r"\\\1", str(words))


class _Page:
    """Markdown and plain text written side by side, paragraph by paragraph."""

    def __init__(self) -> None:
        self.markdown: list[str] = []
        self.plain: list[str] = []

    def say(self, markdown: str, plain: str | None = None) -> None:
        self.markdown.append(markdown)
        self.plain.append(plain if plain is not None else _unescape(markdown))

    def table(self, header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> None:
        rows = list(rows)
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        self.markdown.append("\n".join(lines))
        self.plain.append("\n".join(_plain_row(header, row) for row in rows))

    def done(self) -> Markdown:
        return Markdown(text="\n\n".join(self.plain), markdown="\n\n".join(self.markdown))


def _plain_row(header: tuple[str, ...], row: tuple[str, ...]) -> str:
    cells = [f"{name.lower()} {value}" for name, value in zip(header[1:], row[1:], strict=True)]
    return f"{_unescape(row[0])}: " + "; ".join(cells) + "."


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text.replace("**", ""))


def _listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _one(markdown: str) -> Markdown:
    page = _Page()
    page.say(markdown)
    return page.done()


# --- 1. your strengths ---------------------------------------------------------------


def strengths(book: Workbook) -> Markdown:
    """What employers keep praising, beside what they keep asking for; each with how many items it rests on."""
    from workbook.strengths import asks, theme_balance
    from workbook.strengths import strengths as praised_themes

    balance = theme_balance(book.journal.feedback(), book.vocabulary())
    if balance.empty:
        return _one(messages.STRENGTHS_EMPTY)
    page = _Page()
    praised, asked = praised_themes(balance).head(3), asks(balance).head(3)
    if praised.empty:
        page.say(
            "No praise logged yet. Employers often say what went well too: next time, ask "
            "'what did I do well?' and note the answer as praise."
        )
    else:
        named = [f"**{escape(r.label)}** ({times(r.praised)})" for r in praised.itertuples()]
        page.say("What employers keep praising: " + _listed(named) + ".")
    if not asked.empty:
        named = [f"**{escape(r.label)}** ({times(r.asked)})" for r in asked.itertuples()]
        page.say("What they keep asking for more of: " + _listed(named) + ".")
    both = balance[(balance["praised"] > 0) & (balance["asked"] > 0)].head(1)
    for row in both.itertuples():
        page.say(
            f"**{escape(row.label)}** comes up both ways (praised {times(row.praised)}, asked for "
            f"{times(row.asked)}): a strength you can make stronger still."
        )
    page.say(
        f"Resting on {count(int(balance[['praised', 'asked']].to_numpy().sum()), 'mention')} of a theme in your feedback."
    )
    return page.done()


# --- 2. self-review beside feedback ----------------------------------------------------


def self_review(book: Workbook) -> Markdown:
    """Where the person's own ratings and the employers' feedback agree, and where they differ."""
    from workbook.self_review import AGREE, DIFFER, HIGH, NO_THEME, Dimension, comparison

    reviews = book.journal.self_reviews()
    if reviews.empty:
        return _one(messages.SELF_REVIEW_EMPTY)
    dimensions = [Dimension(item.id, item.text) for item in book.template.self_review]
    table = comparison(reviews, book.journal.feedback(), dimensions, book.vocabulary())
    page = _Page()
    page.say(f"From your {count(len(reviews), 'self-review')}, set beside what employers said:")
    unclear = []
    for row in table[table["reviews"] > 0].itertuples():
        name, you = f"**{escape(row.label)}**", f"{row.rating:.1f}"
        rated = f"you rated it {you} on average ({count(row.reviews, 'rating')})"
        if row.reading == DIFFER and row.rating >= HIGH:
            page.say(
                f"- {name}: {rated}, while {count(row.flagged, 'employer')} flagged it. Worth a second look: "
                "a mock answer with a friend could show what they saw."
            )
        elif row.reading == DIFFER:
            page.say(
                f"- {name}: {rated}, yet {count(row.praised, 'employer')} praised it. You may be doing "
                "better here than you think."
            )
        elif row.reading == AGREE and row.rating >= HIGH:
            page.say(
                f"- {name}: you and employers agree it's a strength ({rated}; "
                f"{count(row.praised, 'employer')} praised it)."
            )
        elif row.reading == AGREE:
            page.say(
                f"- {name}: you and employers agree it needs work ({rated}; "
                f"{count(row.flagged, 'employer')} flagged it). A clear place to practise."
            )
        elif row.reading != NO_THEME:
            unclear.append(escape(row.label))
    if unclear:
        page.say(
            "Not enough yet to compare for " + _listed(unclear) + ": the picture firms up once two "
            "or more employers have said the same."
        )
    return page.done()


# --- 3. what you want next -------------------------------------------------------------


def wants(book: Workbook) -> Markdown:
    """The draws and avoids that recur, and whether roles wanted less hit as hard."""
    from workbook.wants import dips_by_wanted, recurring, wanted_reading
    from workbook.what_helps import MIN_REJECTIONS

    motivations = book.journal.motivations()
    if motivations.empty:
        return _one(messages.WANTS_EMPTY)
    page = _Page()
    for column, heading in (("draws", "What keeps drawing you"), ("avoids", "What you'd rather avoid")):
        words = recurring(motivations, column).head(5)
        if not words.empty:
            named = [
                f"**{escape(r.word)}** ({count(r.applications, 'application')})" for r in words.itertuples()
            ]
            page.say(f"{heading}: " + _listed(named) + ".")
    if len(page.markdown) == 0:
        page.say(
            f"Nothing has come up twice yet across your {count(len(motivations), 'application')} with "
            "notes on what you want; give it a few more."
        )
    reading = wanted_reading(dips_by_wanted(book.rejections(), motivations))
    sides = (
        f"{count(reading.more_n, 'rejection')} from roles you wanted a lot (4–5), "
        f"{reading.less_n} from roles you wanted less"
    )
    if reading.more_n + reading.less_n == 0:
        page.say(
            "Note how much you wanted each role (1 to 5): after a few rejections with moods logged around "
            "them, you'll see whether the ones you wanted less hit less hard."
        )
    elif not reading.enough:
        page.say(
            f"Whether roles you wanted less hit less hard: not enough to say yet. It needs {MIN_REJECTIONS} "
            f"rejections on each side with a dip measured; so far {sides}."
        )
    elif reading.softer_when_wanted_less is None:
        page.say(
            f"Roles you wanted less hit about as hard as the ones you wanted a lot (a mean dip of "
            f"{reading.less_dip:.1f} against {reading.more_dip:.1f}; {sides}). A rejection is a "
            "rejection: be as kind to yourself after the small ones."
        )
    elif reading.softer_when_wanted_less:
        page.say(
            f"Roles you wanted less hit less hard: a mean dip of {reading.less_dip:.1f} against "
            f"{reading.more_dip:.1f} for those you wanted a lot ({sides}). The big ones deserve extra care."
        )
    else:
        page.say(
            f"Roles you wanted less hit harder, not softer: a mean dip of {reading.less_dip:.1f} against "
            f"{reading.more_dip:.1f} ({sides}). Maybe it's the run of them, not the role, that weighs."
        )
    return page.done()


# --- 4. what hurts most, and what helps --------------------------------------------------


def hurts_and_helps(book: Workbook) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The what-hurts rows (themes, then stages) and the what-helps rows (tags, then people) for this journal."""
    from workbook.what_helps import all_rows

    journal = book.journal
    return all_rows(
        book.rejections(),
        journal.applications(),
        journal.feedback(),
        journal.moods(),
        journal.support_contacts(),
        book.vocabulary(),
    )


def what_helps(book: Workbook) -> Markdown:
    """Which themes and stages came with the deepest dips, and which tags and people with faster recoveries."""
    from workbook.what_helps import ANYONE, MIN_REJECTIONS

    rejections = book.rejections()
    if rejections.empty:
        return _one(messages.WHAT_HELPS_EMPTY)
    hurts, helps = hurts_and_helps(book)
    hurt = hurts[hurts["enough"]].sort_values("dip", ascending=False).head(6)
    helped = helps[helps["enough"] & (helps["faster_by"] > 0)].head(6)
    page = _Page()
    measured = int(rejections["recovered"].eq(True).sum())
    page.say(
        f"From {count(len(rejections), 'rejection')}, {measured:,} with a measured recovery. "
        f"Each line rests on at least {MIN_REJECTIONS} rejections; fewer say nothing yet."
    )
    if hurt.empty:
        page.say(
            "**What hurt most:** not enough yet. A feedback theme or a stage shows here once "
            f"{MIN_REJECTIONS} rejections with moods logged around them share it."
        )
    else:
        page.say("**What hurt most**")
        page.table(
            ("Theme or stage", "Rejections", "Mean dip", "Mean days to recover"),
            (
                (
                    f"{escape(r.name)}" + (" (stage)" if r.kind == "stage" else ""),
                    f"{r.rejections:,}",
                    f"{r.dip:.1f}",
                    f"{r.recovery_days:.1f}",
                )
                for r in hurt.itertuples()
            ),
        )
    if helped.empty:
        page.say(
            "**What helped:** not enough yet. A tag or a person shows here once "
            f"{MIN_REJECTIONS} recovered rejections had it in the week after, and {MIN_REJECTIONS} did not."
        )
    else:
        page.say("**What came with faster recoveries** (in the week after a rejection)")
        page.table(
            ("What you did", "With it: days (rejections)", "Without it: days (rejections)"),
            (
                (
                    _helper_name(r.name, r.kind, ANYONE),
                    f"{r.with_days:.1f} ({r.with_n:,})",
                    f"{r.without_days:.1f} ({r.without_n:,})",
                )
                for r in helped.itertuples()
            ),
        )
    page.say(messages.PATTERNS_NOT_CAUSES)
    return page.done()


def _helper_name(name: str, kind: str, anyone: str) -> str:
    if kind == "support":
        return "talked to anyone" if name == anyone else f"talked to {escape(name)}"
    return escape(name)


# --- 5. check-ins beside recoveries --------------------------------------------------------


def checkin(book: Workbook) -> Markdown:
    """The latest check-in score and what it means in the template's words, how scores moved, and recoveries beside them."""
    from workbook.checkin_trend import SAME_SCORE, meaning, scores, trend

    questionnaire = book.template.checkin
    series = scores(book.journal.check_ins(), questionnaire.id if questionnaire else None)
    found = trend(series)
    if found is None:
        return _one(messages.CHECKIN_EMPTY)
    page = _Page()
    said = meaning(found.latest, questionnaire.meaning) if questionnaire else ""
    page.say(
        f"Your latest check-in score: **{found.latest:.1f}** out of 5 ({date_text(found.latest_at)})."
        + (f" {escape(said)}" if said else "")
    )
    change = found.change
    if change is not None:
        way = "about the same" if abs(change) < SAME_SCORE else ("up" if change > 0 else "down")
        page.say(
            f"Across {count(found.count, 'check-in')}, your last three averaged {found.last_mean:.1f} "
            f"against {found.first_mean:.1f} for your first three: {way}."
        )
    else:
        page.say(
            f"{count(found.count, 'check-in').capitalize()} so far; after six, you'll see which way they move."
        )
    rejections = book.rejections()
    recovered = rejections[rejections["recovered"].eq(True)]
    if not recovered.empty:
        page.say(
            f"Over the same time, {count(len(recovered), 'rejection')} had a measured recovery, "
            f"{recovered['recovery_days'].astype(float).mean():.1f} days on average (the lower panel)."
        )
    page.say(messages.CHECKIN_NOT_A_DIAGNOSIS)
    return page.done()


# --- the registry the session wires in --------------------------------------------------------

FEEDBACK_NOTEBOOK = "05_feedback_themes"
RESILIENCE_NOTEBOOK = "06_resilience_over_time"

#: Each section: the notebook it belongs in, the journal frames its summary reads, its summary, its chart.
SECTIONS: dict[str, Section] = {
    "strengths": Section(FEEDBACK_NOTEBOOK, ("feedback",), strengths, "strengths"),
    "self_review": Section(FEEDBACK_NOTEBOOK, ("self_reviews", "feedback"), self_review, "self_review"),
    "wants": Section(RESILIENCE_NOTEBOOK, ("motivations", "applications", "moods"), wants, "wants"),
    "what_helps": Section(
        RESILIENCE_NOTEBOOK,
        ("applications", "moods", "feedback", "support_contacts"),
        what_helps,
        "what_helps",
    ),
    "checkin": Section(RESILIENCE_NOTEBOOK, ("check_ins", "applications", "moods"), checkin, "checkin"),
}


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
#: "" needs nothing first: each chart draws its own friendly empty state.
CHARTS: dict[str, tuple[str, tuple[str, ...], Callable[[Workbook], Figure]]] = {
    "strengths": ("", ("feedback",), lambda b: _charts()["strengths"](b.journal.feedback(), b.vocabulary())),
    "self_review": ("", ("self_reviews", "feedback"), _self_review_chart),
    "wants": (
        "",
        ("motivations", "applications", "moods"),
        lambda b: _charts()["wants"](b.journal.motivations(), b.rejections()),
    ),
    "what_helps": (
        "rejections",
        ("applications", "moods", "feedback", "support_contacts"),
        lambda b: _charts()["what_helps"](*hurts_and_helps(b)),
    ),
    "checkin": ("", ("check_ins", "applications", "moods"), _checkin_chart),
}

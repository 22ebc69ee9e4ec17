"""The resilience notebook's sections: what you want next, what hurts most and what helps, and check-ins."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbook import messages as m
from workbook.messages import count, date_text, listed
from workbook.sections.page import Markdown, Page, escape, one

if TYPE_CHECKING:
    import pandas as pd

    from workbook.session import Workbook


def wants(book: Workbook) -> Markdown:
    """The draws and avoids that recur, and whether roles wanted less hit as hard."""
    from workbook.wants import dips_by_wanted, recurring, wanted_reading
    from workbook.what_helps import MIN_REJECTIONS

    motivations = book.journal.motivations()
    if motivations.empty:
        return one(m.WANTS_EMPTY)
    page = Page()
    for column, sentence in (("draws", m.WANTS_DRAWS), ("avoids", m.WANTS_AVOIDS)):
        words = recurring(motivations, column).head(5)
        if not words.empty:
            named = [
                m.WANTS_WORD.format(
                    word=escape(r.word), applications=count(r.applications, m.APPLICATION_NOUN)
                )
                for r in words.itertuples()
            ]
            page.say(sentence.format(words=listed(named)))
    if not page.markdown:
        page.say(m.WANTS_NOTHING_TWICE.format(applications=count(len(motivations), m.APPLICATION_NOUN)))
    reading = wanted_reading(dips_by_wanted(book.rejections(), motivations))
    sides = m.WANTS_SIDES.format(more=count(reading.more_n, m.REJECTION_NOUN), less=reading.less_n)
    if reading.more_n + reading.less_n == 0:
        page.say(m.WANTS_NO_RATINGS)
    elif not reading.enough:
        page.say(m.WANTS_TOO_SOON.format(needed=MIN_REJECTIONS, sides=sides))
    else:
        sentence = (
            m.WANTS_AS_HARD
            if reading.softer_when_wanted_less is None
            else m.WANTS_SOFTER
            if reading.softer_when_wanted_less
            else m.WANTS_HARDER
        )
        page.say(sentence.format(less=f"{reading.less_dip:.1f}", more=f"{reading.more_dip:.1f}", sides=sides))
    return page.done()


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
        return one(m.WHAT_HELPS_EMPTY)
    hurts, helps = hurts_and_helps(book)
    hurt = hurts[hurts["enough"]].sort_values("dip", ascending=False).head(6)
    helped = helps[helps["enough"] & (helps["faster_by"] > 0)].head(6)
    page = Page()
    measured = int(rejections["recovered"].eq(True).sum())
    page.say(
        m.WHAT_HELPS_FROM.format(
            rejections=count(len(rejections), m.REJECTION_NOUN), measured=measured, needed=MIN_REJECTIONS
        )
    )
    if hurt.empty:
        page.say(m.WHAT_HURT_TOO_SOON.format(needed=MIN_REJECTIONS))
    else:
        page.say(m.WHAT_HURT_HEADING)
        page.table(
            m.WHAT_HURT_HEADER,
            (
                (
                    m.WHAT_HURT_STAGE.format(name=escape(r.name)) if r.kind == "stage" else escape(r.name),
                    f"{r.rejections:,}",
                    f"{r.dip:.1f}",
                    f"{r.recovery_days:.1f}",
                )
                for r in hurt.itertuples()
            ),
        )
    if helped.empty:
        page.say(m.WHAT_HELPED_TOO_SOON.format(needed=MIN_REJECTIONS))
    else:
        page.say(m.WHAT_HELPED_HEADING)
        page.table(
            m.WHAT_HELPED_HEADER,
            (
                (
                    _helper_name(r.name, r.kind, ANYONE),
                    f"{r.with_days:.1f} ({r.with_n:,})",
                    f"{r.without_days:.1f} ({r.without_n:,})",
                )
                for r in helped.itertuples()
            ),
        )
    page.say(m.PATTERNS_NOT_CAUSES)
    return page.done()


def _helper_name(name: str, kind: str, anyone: str) -> str:
    if kind == "support":
        return m.TALKED_TO_ANYONE if name == anyone else m.TALKED_TO.format(name=escape(name))
    return escape(name)


def checkin(book: Workbook) -> Markdown:
    """The latest check-in score and what it means in the template's words, how scores moved, and recoveries beside them."""
    from workbook.checkin_trend import SAME_SCORE, meaning, scores, trend

    questionnaire = book.template.checkin
    series = scores(book.journal.check_ins(), questionnaire.id if questionnaire else None)
    found = trend(series)
    if found is None:
        return one(m.CHECKIN_EMPTY)
    page = Page()
    said = meaning(found.latest, questionnaire.meaning) if questionnaire else ""
    latest = m.CHECKIN_LATEST.format(score=f"{found.latest:.1f}", day=date_text(found.latest_at))
    page.say(latest + (f" {escape(said)}" if said else ""))
    check_ins = count(found.count, m.CHECK_IN_NOUN)
    change = found.change
    if change is not None:
        way = m.CHECKIN_SAME if abs(change) < SAME_SCORE else (m.CHECKIN_UP if change > 0 else m.CHECKIN_DOWN)
        page.say(
            m.CHECKIN_CHANGE.format(
                check_ins=check_ins, last=f"{found.last_mean:.1f}", first=f"{found.first_mean:.1f}", way=way
            )
        )
    else:
        page.say(m.CHECKIN_TOO_FEW.format(check_ins=check_ins.capitalize()))
    rejections = book.rejections()
    recovered = rejections[rejections["recovered"].eq(True)]
    if not recovered.empty:
        days = recovered["recovery_days"].astype(float).mean()
        page.say(
            m.CHECKIN_RECOVERIES.format(
                rejections=count(len(recovered), m.REJECTION_NOUN), days=f"{days:.1f}"
            )
        )
    page.say(m.CHECKIN_NOT_A_DIAGNOSIS)
    return page.done()

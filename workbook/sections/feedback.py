"""The feedback notebook's sections: your strengths, and your self-reviews beside what employers said."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbook import messages as m
from workbook.messages import count, listed, times
from workbook.sections.page import Markdown, Page, escape, one

if TYPE_CHECKING:
    from workbook.session import Workbook


def strengths(book: Workbook) -> Markdown:
    """What employers keep praising, beside what they keep asking for; each with how many items it rests on."""
    from workbook.strengths import asks, theme_balance
    from workbook.strengths import strengths as praised_themes

    balance = theme_balance(book.journal.feedback(), book.vocabulary())
    if balance.empty:
        return one(m.STRENGTHS_EMPTY)
    page = Page()
    praised, asked = praised_themes(balance).head(3), asks(balance).head(3)
    if praised.empty:
        page.say(m.STRENGTHS_NO_PRAISE)
    else:
        named = [
            m.STRENGTHS_THEME.format(theme=escape(r.label), times=times(r.praised))
            for r in praised.itertuples()
        ]
        page.say(m.STRENGTHS_PRAISED.format(themes=listed(named)))
    if not asked.empty:
        named = [
            m.STRENGTHS_THEME.format(theme=escape(r.label), times=times(r.asked)) for r in asked.itertuples()
        ]
        page.say(m.STRENGTHS_ASKED.format(themes=listed(named)))
    both = balance[(balance["praised"] > 0) & (balance["asked"] > 0)].head(1)
    for row in both.itertuples():
        page.say(
            m.STRENGTHS_BOTH_WAYS.format(
                theme=escape(row.label), praised=times(row.praised), asked=times(row.asked)
            )
        )
    mentions = int(balance[["praised", "asked"]].to_numpy().sum())
    page.say(m.STRENGTHS_RESTS_ON.format(mentions=count(mentions, m.MENTION_NOUN)))
    return page.done()


def self_review(book: Workbook) -> Markdown:
    """Where the person's own ratings and the employers' feedback agree, and where they differ."""
    from workbook.self_review import AGREE, DIFFER, HIGH, MIDDLE, NO_THEME, Dimension, comparison

    reviews = book.journal.self_reviews()
    if reviews.empty:
        return one(m.SELF_REVIEW_EMPTY)
    dimensions = [Dimension(item.id, item.text) for item in book.template.self_review]
    table = comparison(reviews, book.journal.feedback(), dimensions, book.vocabulary())
    page = Page()
    page.say(m.SELF_REVIEW_FROM.format(reviews=count(len(reviews), m.SELF_REVIEW_NOUN)))
    unclear = []
    for row in table[table["reviews"] > 0].itertuples():
        if row.reading not in (AGREE, DIFFER, MIDDLE):
            if row.reading != NO_THEME:
                unclear.append(escape(row.label))
            continue
        # Which way it leans: the person's rating, or (in the middle) what most employers said.
        high = row.rating >= HIGH if row.reading != MIDDLE else row.praised > row.flagged
        said = {
            (DIFFER, True): (m.SELF_REVIEW_HIGHER_THAN_HEARD, row.flagged),
            (DIFFER, False): (m.SELF_REVIEW_LOWER_THAN_HEARD, row.praised),
            (AGREE, True): (m.SELF_REVIEW_AGREED_STRENGTH, row.praised),
            (AGREE, False): (m.SELF_REVIEW_AGREED_TO_WORK_ON, row.flagged),
            (MIDDLE, True): (m.SELF_REVIEW_MIDDLE_PRAISED, row.praised),
            (MIDDLE, False): (m.SELF_REVIEW_MIDDLE_FLAGGED, row.flagged),
        }
        sentence, employers = said[(row.reading, high)]
        rated = m.SELF_REVIEW_RATED.format(
            rating=f"{row.rating:.1f}", ratings=count(row.reviews, m.RATING_NOUN)
        )
        page.say(
            sentence.format(name=escape(row.label), rated=rated, employers=count(employers, m.EMPLOYER_NOUN))
        )
    if unclear:
        page.say(m.SELF_REVIEW_TOO_SOON.format(names=listed(unclear)))
    return page.done()

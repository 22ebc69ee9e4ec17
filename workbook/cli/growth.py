"""``workbook add/update`` for what a rejection can still give: people met, follow-ups, self-reviews, wants, check-ins.

Also ``workbook add feedback`` (themes suggested from the template's vocabulary
when none are given).  :mod:`workbook.cli.entries` registers these beside its
own kinds and lists and deletes them like every other record.  Bad input is
refused before anything is stored, naming the field.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from workbook.checkin import check_answers, meaning, score
from workbook.cli.common import comma_list, open_journal, record_id
from workbook.errors import ValidationError
from workbook.growth_records import (
    FOLLOW_UP_KINDS,
    CheckIn,
    FollowUp,
    Motivation,
    Person,
    SelfReview,
    check_scores,
    score_words,
    scores,
)
from workbook.records import Application, FeedbackItem, Record
from workbook.values import parse_date

if TYPE_CHECKING:
    from workbook.template import Questionnaire, Template

#: How the command names a follow-up's kinds, with the dash people type.
FOLLOW_UP_WORDS = " or ".join(kind.replace("_", "-") for kind in FOLLOW_UP_KINDS)


def template() -> Template:
    """The template the commands read dimensions, the check-in and theme words from.

    The one named by the workbook folder's workbook.toml, else the built-in one.
    """
    from workbook.folder import folder_template  # deferred: yaml and the template load only when needed

    return folder_template()


def due(follow_ups: Iterable[FollowUp], by: dt.date) -> list[FollowUp]:
    """The open follow-ups (not done) due on or before ``by``, newest due date first (then newest id)."""
    open_ = [f for f in follow_ups if f.done_on is None and f.due_on is not None and f.due_on <= by]
    return sorted(open_, key=lambda f: (f.due_on, f.id or 0), reverse=True)


# --- registering ------------------------------------------------------------------


def register_add(kinds: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add ``add feedback|person|followup|review|want|checkin``."""
    feedback = kinds.add_parser(
        "feedback",
        parents=[parent],
        help="note one piece of feedback an employer gave",
        description="Note one piece of feedback as you heard it. Without --themes, the themes the "
        "template's words suggest are stored, for you to confirm later in the workbook.",
    )
    _application(feedback)
    feedback.add_argument("--text", required=True, help="the feedback, as you heard it")
    feedback.add_argument(
        "--themes", type=comma_list, help="comma-separated theme ids (default: suggested from the text)"
    )
    feedback.add_argument(
        "--positive", action="store_true", help="it was praise: a strength, not something to work on"
    )
    feedback.set_defaults(handler=_add_feedback)

    person = kinds.add_parser(
        "person",
        parents=[parent],
        help="note someone you met during an application",
        description="Note someone you met during an application, to keep the door open.",
    )
    _application(person)
    _person_options(person, required=True)
    person.set_defaults(handler=_add_person)

    follow = kinds.add_parser(
        "followup",
        parents=[parent],
        help="plan a thank-you note or a date to reconnect",
        description="Plan a thank-you note or a date to get back in touch. Rebound never sends anything; "
        "`workbook list followups --due` shows what is due.",
    )
    _application(follow)
    follow.add_argument("--kind", required=True, help=FOLLOW_UP_WORDS)
    follow.add_argument("--created-on", metavar="YYYY-MM-DD", help="when you noted it (default: today)")
    follow.add_argument(
        "--due-on",
        metavar="YYYY-MM-DD",
        help="when it is due (default: a thank-you on the day you note it; a reconnect the template's "
        "wait after the news, 90 days in the built-in one, 60 if they invited you to apply again)",
    )
    follow.add_argument("--done-on", metavar="YYYY-MM-DD", help="when you did it, if you already have")
    _follow_up_texts(follow)
    follow.set_defaults(handler=_add_follow_up)

    review = kinds.add_parser(
        "review",
        parents=[parent],
        help="rate your own answers in an interview",
        description="Rate your own answers in one interview, 1 to 5 on the template's dimensions, and "
        "note one thing to do differently.",
    )
    _application(review)
    review.add_argument("--held-on", required=True, metavar="YYYY-MM-DD", help="the day of the interview")
    _review_options(review, required=True)
    review.set_defaults(handler=_add_review)

    want = kinds.add_parser(
        "want",
        parents=[parent],
        help="note what drew you to a role and what you would avoid",
        description="Note what drew you to a role, what you would rather avoid next time, and how much "
        "you wanted it (one entry per application).",
    )
    _application(want)
    _want_options(want)
    want.set_defaults(handler=_add_want)

    checkin = kinds.add_parser(
        "checkin",
        parents=[parent],
        help="answer the resilience check-in",
        description="Answer the template's check-in: each statement from 1 (not like me at all) to "
        "5 (very like me). The score is the mean, reverse statements counted as 6 minus the answer.",
    )
    _checkin_options(checkin, required=True)
    checkin.set_defaults(handler=_add_checkin)


def register_update(kinds: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add ``update feedback|person|followup|review|want|checkin``."""
    feedback = kinds.add_parser(
        "feedback",
        parents=[parent],
        help="confirm or change a piece of feedback's themes",
        description="Confirm the suggested themes of a piece of feedback (--confirm), or choose your own "
        "(--themes, which confirms them too); mark it as praise or not.",
    )
    _id(feedback, "feedback")
    feedback.add_argument("--text", help="the feedback, as you heard it")
    feedback.add_argument(
        "--themes", type=comma_list, help="comma-separated theme ids, replacing the old ones"
    )
    feedback.add_argument("--confirm", action="store_true", help="keep the suggested themes as they are")
    praise = feedback.add_mutually_exclusive_group()
    praise.add_argument(
        "--positive", dest="positive", action="store_true", default=None, help="it was praise"
    )
    praise.add_argument("--not-positive", dest="positive", action="store_false", help="it was not praise")
    feedback.set_defaults(handler=_update_feedback)

    person = kinds.add_parser(
        "person",
        parents=[parent],
        help="change a person you met",
        description="Change a person you met: only the options given change.",
    )
    _id(person, "people")
    _person_options(person, required=False)
    person.set_defaults(handler=_update_person)

    follow = kinds.add_parser(
        "followup",
        parents=[parent],
        help="mark a follow-up done, or change it",
        description="Mark a follow-up done (--done, today unless --on says otherwise), or change it.",
    )
    _id(follow, "followups")
    follow.add_argument("--done", action="store_true", help="you did it (on --on, default today)")
    follow.add_argument("--on", metavar="YYYY-MM-DD", help="with --done: the day you did it")
    follow.add_argument("--not-done", action="store_true", help="open it again")
    follow.add_argument("--kind", help=FOLLOW_UP_WORDS)
    follow.add_argument("--due-on", metavar="YYYY-MM-DD", help="a new due date")
    _follow_up_texts(follow)
    follow.set_defaults(handler=_update_follow_up)

    review = kinds.add_parser(
        "review",
        parents=[parent],
        help="change a self-review",
        description="Change a self-review; the dimensions given in --ratings replace their old "
        "ratings, the others stay.",
    )
    _id(review, "reviews")
    review.add_argument("--held-on", metavar="YYYY-MM-DD", help="the day of the interview")
    _review_options(review, required=False)
    review.set_defaults(handler=_update_review)

    want = kinds.add_parser(
        "want",
        parents=[parent],
        help="change what you noted you want",
        description="Change what you noted you want from a role: only the options given change; "
        "--draws and --avoids replace the old words.",
    )
    _id(want, "wants")
    _want_options(want)
    want.set_defaults(handler=_update_want)

    checkin = kinds.add_parser(
        "checkin",
        parents=[parent],
        help="change a check-in (new answers are scored again)",
        description="Change a check-in: new --answers (every statement again) are scored again.",
    )
    _id(checkin, "checkins")
    _checkin_options(checkin, required=False)
    checkin.set_defaults(handler=_update_checkin)


def _application(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--application",
        required=True,
        type=record_id("--application"),
        help="the application's id (see `workbook list applications`)",
    )


def _id(parser: argparse.ArgumentParser, plural: str) -> None:
    parser.add_argument("id", type=record_id("id"), help=f"its id (see `workbook list {plural}`)")


def _person_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--name", required=required, help="their name")
    parser.add_argument("--role", help="their role (recruiter, hiring manager, ...)")
    parser.add_argument("--contact", help="how to reach them: an email, a profile, a phone number")
    parser.add_argument("--note", help="anything worth remembering about them")


def _follow_up_texts(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--person", help="who it is for")
    parser.add_argument("--text", help="the note itself, as you will send it")


def _review_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    # The help names no dimensions: reading the template for every command line would slow them all.
    parser.add_argument(
        "--ratings",
        required=required,
        type=comma_list,
        metavar="DIMENSION=N,...",
        help="1 (poor) to 5 (strong) for any of the template's self-review dimensions, "
        "like preparation=4,communication=3",
    )
    parser.add_argument("--differently", help="one thing you would do differently")


def _want_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wanted", help="how much you wanted it: 1 (a little) to 5 (very much)")
    parser.add_argument("--draws", type=comma_list, help="comma-separated: what drew you to it")
    parser.add_argument("--avoids", type=comma_list, help="comma-separated: what you would rather avoid")
    parser.add_argument("--note", help="anything else about what you want")


def _checkin_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--answers",
        required=required,
        type=comma_list,
        metavar="STATEMENT=N,...",
        help="1 to 5 for every statement of the template's check-in, like recover_quickly=4,... "
        "(a statement id left out or unknown is refused, naming the ids)",
    )
    parser.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="when (default: now)")
    parser.add_argument(
        "--application", type=record_id("--application"), help="id of a rejection this check-in follows"
    )


# --- adding -----------------------------------------------------------------------


def _add_feedback(args: argparse.Namespace) -> int:
    from workbook.themes import classify

    vocabulary = _vocabulary()
    if args.themes is None:
        suggested = classify(args.text, vocabulary, positive=args.positive)
        themes, confirmed = [match.theme for match in suggested], False
    else:
        themes, confirmed = _known_themes(args.themes, vocabulary), True
    record = FeedbackItem(
        application_id=args.application,
        text=args.text,
        themes=themes,
        confirmed=confirmed,
        positive=args.positive,
    )
    saved = _store(args, record)
    shown = ", ".join(saved.themes) or "none"
    how = "" if confirmed else " (suggested; confirm them in the workbook)"
    print(f"Logged feedback {saved.id} for application {saved.application_id}; themes: {shown}{how}.")
    return 0


def _add_person(args: argparse.Namespace) -> int:
    record = Person(application_id=args.application, **_given(args, "name", "role", "contact", "note"))
    saved = _store(args, record)
    print(f"Logged person {saved.id}: {saved.name}, for application {saved.application_id}.")
    return 0


def _add_follow_up(args: argparse.Namespace) -> int:
    kind = _follow_up_kind(args.kind)
    created = parse_date("created_on", args.created_on) or dt.date.today()
    with open_journal(args) as journal, journal.transaction():  # the suggestion and the write, under one lock
        due_on = args.due_on
        if due_on is None and kind == "reconnect":
            due_on = _suggested_reconnect(journal.get(Application, args.application), created)
        elif due_on is None:
            due_on = created
        record = FollowUp(
            application_id=args.application,
            kind=kind,
            created_on=created,
            due_on=due_on,
            done_on=args.done_on,
            **_given(args, "person", "text"),
        )
        saved = journal.add(record)
    state = f"done on {saved.done_on}" if saved.done_on else f"due on {saved.due_on}"
    print(f"Logged follow-up {saved.id}: {saved.kind.replace('_', '-')}, {state}.")
    return 0


def _add_review(args: argparse.Namespace) -> int:
    ratings = _dimension_ratings(args.ratings)
    record = SelfReview(
        application_id=args.application,
        held_on=args.held_on,
        ratings=ratings,
        differently=args.differently or "",
    )
    saved = _store(args, record)
    print(f"Logged self-review {saved.id} of the interview on {saved.held_on}: {', '.join(saved.ratings)}.")
    return 0


def _add_want(args: argparse.Namespace) -> int:
    record = Motivation(application_id=args.application, **_given(args, "wanted", "draws", "avoids", "note"))
    with open_journal(args) as journal, journal.transaction():  # the check and the write, under one lock
        there = [m for m in journal.records(Motivation) if m.application_id == record.application_id]
        if there:
            raise ValidationError(
                "--application",
                f"application {record.application_id} already has what you want noted (want {there[0].id}); "
                f"change it with `workbook update want {there[0].id}`",
            )
        saved = journal.add(record)
    wanted = f"wanted {saved.wanted}/5" if saved.wanted else "noted"
    print(f"Logged want {saved.id} for application {saved.application_id}: {wanted}.")
    return 0


def _add_checkin(args: argparse.Namespace) -> int:
    questionnaire = _questionnaire()
    answers = _scored_answers(args.answers, questionnaire)
    record = CheckIn(
        at=args.at or dt.datetime.now(),
        questionnaire_id=questionnaire.id,
        answers=score_words(answers),
        score=score(answers, questionnaire),
        application_id=args.application,
    )
    saved = _store(args, record)
    print(
        f"Logged check-in {saved.id}: {saved.score:.2f} of 5. {meaning(saved.score, questionnaire)}".rstrip()
    )
    return 0


# --- updating ---------------------------------------------------------------------


def _update_feedback(args: argparse.Namespace) -> int:
    changes = _given(args, "text", "positive")
    if args.themes is not None:
        changes["themes"] = _known_themes(args.themes, _vocabulary())
    if args.themes is not None or args.confirm:
        changes["confirmed"] = True
    saved = _update(args, FeedbackItem, changes)
    state = "confirmed" if saved.confirmed else "suggested"
    print(f"Updated feedback {saved.id}; themes ({state}): {', '.join(saved.themes) or 'none'}.")
    return 0


def _update_person(args: argparse.Namespace) -> int:
    saved = _update(args, Person, _given(args, "name", "role", "contact", "note"))
    print(f"Updated person {saved.id}: {saved.name}.")
    return 0


def _update_follow_up(args: argparse.Namespace) -> int:
    changes = _given(args, "due_on", "person", "text")
    if args.kind is not None:
        changes["kind"] = _follow_up_kind(args.kind)
    if args.done and args.not_done:
        raise ValidationError("--not-done", "cannot go with --done; give one of them")
    if args.on is not None and not args.done:
        raise ValidationError("--on", "says when the follow-up was done; add --done")
    if args.done:
        changes["done_on"] = args.on or dt.date.today()
    if args.not_done:
        changes["done_on"] = None
    saved = _update(args, FollowUp, changes)
    state = f"done on {saved.done_on}" if saved.done_on else f"open, due on {saved.due_on or '-'}"
    print(f"Updated follow-up {saved.id}: {state}.")
    return 0


def _update_review(args: argparse.Namespace) -> int:
    changes = _given(args, "held_on", "differently")
    given = _dimension_ratings(args.ratings) if args.ratings is not None else None

    def merged(current: SelfReview) -> dict[str, Any]:
        if given is None:
            return changes
        return {**changes, "ratings": score_words({**scores(current.ratings), **scores(given)})}

    saved = _update(args, SelfReview, merged)
    print(f"Updated self-review {saved.id}: {', '.join(saved.ratings)}.")
    return 0


def _update_want(args: argparse.Namespace) -> int:
    saved = _update(args, Motivation, _given(args, "wanted", "draws", "avoids", "note"))
    print(f"Updated want {saved.id} for application {saved.application_id}.")
    return 0


def _update_checkin(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    if args.at is not None:
        changes["at"] = args.at
    if args.application is not None:
        changes["application_id"] = args.application
    questionnaire = _questionnaire() if args.answers is not None else None

    def rescored(current: CheckIn) -> dict[str, Any]:
        if questionnaire is None:
            return changes
        if current.questionnaire_id != questionnaire.id:
            raise ValidationError(
                "answers",
                f"check-in {current.id} answered the {current.questionnaire_id!r} check-in; "
                f"this workbook's is {questionnaire.id!r}",
            )
        answers = _scored_answers(args.answers, questionnaire)
        return {**changes, "answers": score_words(answers), "score": score(answers, questionnaire)}

    saved = _update(args, CheckIn, rescored)
    print(f"Updated check-in {saved.id}: {saved.score:.2f} of 5.")
    return 0


# --- shared steps -----------------------------------------------------------------


def _given(args: argparse.Namespace, *names: str) -> dict[str, Any]:
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


def _suggested_reconnect(app: Application, created: dt.date) -> dt.date:
    """The template's wait after the news (sooner after an invitation to apply again), as the workbook suggests."""
    from workbook.follow_ups import suggest_reconnect

    return suggest_reconnect(app.outcome_on, app.invited_back, template(), today=created)


def _store(args: argparse.Namespace, record: Record) -> Any:
    with open_journal(args) as journal:
        return journal.add(record)


def _update(
    args: argparse.Namespace,
    kind: type[Record],
    changes: dict[str, Any] | Callable[[Any], dict[str, Any]],
) -> Any:
    if isinstance(changes, dict) and not changes:
        raise ValidationError("options", "nothing to change; see --help for what can be changed")
    with open_journal(args) as journal:
        current = journal.get(kind, args.id)
        values = changes(current) if callable(changes) else changes
        if not values:
            raise ValidationError("options", "nothing to change; see --help for what can be changed")
        return journal.update(current.replace(**values))


def _vocabulary() -> dict[str, Any]:
    from workbook.themes import load_vocabulary

    return load_vocabulary(template().feedback_themes)


def _known_themes(themes: list[str], vocabulary: dict[str, Any]) -> list[str]:
    unknown = [theme for theme in themes if theme not in vocabulary]
    if unknown:
        raise ValidationError(
            "themes", f"{unknown[0]!r} is not a theme of this workbook ({', '.join(vocabulary)})"
        )
    return themes


def _follow_up_kind(text: str) -> str:
    kind = text.strip().lower().replace("-", "_")
    if kind not in FOLLOW_UP_KINDS:
        raise ValidationError("kind", f"{text!r} is not one of {FOLLOW_UP_WORDS}")
    return kind


def _dimension_ratings(words: list[str]) -> tuple[str, ...]:
    """``--ratings`` checked as id=score words, each id a dimension of the template's self-review."""
    ratings = check_scores("ratings", words, required=True)
    dimensions = [item.id for item in template().self_review]
    for key in scores(ratings):
        if key not in dimensions:
            known = ", ".join(dimensions) or "none in this workbook's template"
            raise ValidationError("ratings", f"{key!r} is not a self-review dimension ({known})")
    return ratings


def _questionnaire() -> Questionnaire:
    questionnaire = template().checkin
    if questionnaire is None:
        raise ValidationError("answers", "this workbook's template has no check-in")
    return questionnaire


def _scored_answers(words: list[str], questionnaire: Questionnaire) -> dict[str, int]:
    return check_answers(scores(check_scores("answers", words, required=True)), questionnaire)

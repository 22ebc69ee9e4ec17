"""``workbook add/list/update/delete`` for people met, follow-ups, self-reviews, wants, check-ins and feedback."""

from __future__ import annotations

import datetime as dt
import json
import shlex
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.cli.entries import KINDS, PLURALS
from workbook.journal import Journal
from workbook.template import load_template

TODAY = dt.date.today()
ANSWERS = {
    "recover_quickly": 4,
    "hard_to_return": 2,
    "get_through": 5,
    "knocked_back": 3,
    "steady_again": 4,
    "hard_to_shake": 1,
}


class Cli:
    """Runs `workbook --journal FILE ...` through main(), returning (exit code, stdout, stderr)."""

    def __init__(self, journal_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.journal_file = journal_file
        self.capsys = capsys

    def __call__(self, line: str) -> tuple[int, str, str]:
        code = main(["--journal", str(self.journal_file), *shlex.split(line)])
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, line: str) -> str:
        code, out, err = self(line)
        assert code == 0, err
        return out

    def refused(self, line: str) -> str:
        """The one error line of a refused command (exit 2)."""
        code, out, err = self(line)
        assert code == 2, out
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), err
        return lines[0]

    def listed(self, line: str) -> list[dict]:
        return json.loads(self.ok(f"list {line} --json"))

    def counts(self) -> dict[str, int]:
        with Journal(self.journal_file) as journal:
            return journal.counts()


@pytest.fixture
def cli(journal_file: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    run = Cli(journal_file, capsys)
    run.ok(
        "add application --company Acme --role Analyst --applied-on 2026-09-01 --stage interview "
        "--outcome rejected --outcome-on 2026-09-20 --channel video_call"
    )
    return run


def answers(values: dict[str, int]) -> str:
    return ",".join(f"{key}={value}" for key, value in values.items())


# --- names ------------------------------------------------------------------------


def test_each_new_kind_has_a_name_for_one_and_for_a_list(cli: Cli) -> None:
    for one, many in [
        ("person", "people"),
        ("followup", "followups"),
        ("review", "reviews"),
        ("want", "wants"),
        ("checkin", "checkins"),
    ]:
        assert KINDS[one] is PLURALS[many]
        assert cli.listed(many) == []
        assert f"No {many} logged yet." in cli.ok(f"list {many}")


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("add feedback", "--positive"),
        ("add person", "--contact"),
        ("add followup", "--due-on"),
        ("add review", "--differently"),
        ("add want", "--avoids"),
        ("add checkin", "--answers"),
        ("update followup", "--done"),
        ("update review", "--ratings"),
        ("update want", "--wanted"),
        ("update checkin", "scored again"),
        ("update person", "--name"),
        ("update feedback", "--confirm"),
        ("update application", "--invited-back"),
        ("list", "--due"),
    ],
)
def test_each_command_explains_itself(capsys: pytest.CaptureFixture[str], line: str, words: str) -> None:
    with pytest.raises(SystemExit) as done:
        main([*line.split(), "--help"])

    assert done.value.code == 0
    assert words in " ".join(capsys.readouterr().out.split())


# --- people -----------------------------------------------------------------------


def test_people_are_added_listed_changed_and_deleted(cli: Cli) -> None:
    out = cli.ok(
        "add person --application 1 --name 'Dana Reyes' --role 'Hiring manager' --contact dana@acme.test"
    )
    assert out.strip() == "Logged person 1: Dana Reyes, for application 1."

    cli.ok("update person 1 --note 'Said to write in spring'")
    assert cli.listed("people") == [
        {
            "id": 1,
            "application_id": 1,
            "name": "Dana Reyes",
            "role": "Hiring manager",
            "contact": "dana@acme.test",
            "note": "Said to write in spring",
        }
    ]
    cli.ok("delete person 1 --yes")
    assert cli.listed("people") == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("add person --application 1 --name ''", "error: name: must not be empty"),
        (
            "add person --application 9 --name Dana",
            "error: application_id: there is no application with id 9",
        ),
        ("add person --application x --name Dana", "error: --application: 'x' is not an id"),
    ],
)
def test_a_bad_person_is_refused_in_one_line(cli: Cli, line: str, message: str) -> None:
    assert cli.refused(line).startswith(message)
    assert cli.counts()["people"] == 0


# --- follow-ups -------------------------------------------------------------------


def test_a_thank_you_is_due_the_day_it_is_noted_and_a_reconnect_after_the_templates_wait(cli: Cli) -> None:
    cli.ok("add followup --application 1 --kind thank-you --person Dana")
    cli.ok("add followup --application 1 --kind reconnect --created-on 2026-09-20")

    thank_you, reconnect = cli.listed("followups")
    wait = load_template().follow_up.reconnect_after_days  # type: ignore[union-attr]
    assert (thank_you["kind"], thank_you["due_on"], thank_you["person"]) == (
        "thank_you",
        TODAY.isoformat(),
        "Dana",
    )
    assert reconnect["due_on"] == (dt.date(2026, 9, 20) + dt.timedelta(days=wait)).isoformat()


def test_a_reconnect_noted_later_still_counts_from_the_news_and_sooner_when_invited_back(cli: Cli) -> None:
    """The workbook's form and the command suggest the same date: the wait runs from the rejection."""
    cli.ok("add followup --application 1 --kind reconnect --created-on 2026-10-05")
    cli.ok("update application 1 --invited-back")
    cli.ok("add followup --application 1 --kind reconnect --created-on 2026-10-06")

    later, invited = cli.listed("followups")
    wait = load_template().follow_up.reconnect_after_days  # type: ignore[union-attr]
    assert later["due_on"] == (dt.date(2026, 9, 20) + dt.timedelta(days=wait)).isoformat()
    assert invited["due_on"] == (dt.date(2026, 9, 20) + dt.timedelta(days=60)).isoformat()


def test_praise_is_given_strength_themes(cli: Cli) -> None:
    out = cli.ok('add feedback --application 1 --text "Your portfolio was the best we saw" --positive')
    (item,) = cli.listed("feedback")
    assert item["positive"] is True and item["themes"] and not item["confirmed"]
    assert "suggested" in out


def test_due_follow_ups_are_the_open_ones_due_by_today_newest_due_first(cli: Cli) -> None:
    days = {name: (TODAY + dt.timedelta(days=offset)).isoformat() for name, offset in
            [("long_ago", -40), ("last_week", -7), ("today", 0), ("next_week", 7), ("noted", -60)]}  # fmt: skip
    cli.ok(
        f"add followup --application 1 --kind reconnect --created-on {days['noted']} --due-on {days['long_ago']}"
    )
    cli.ok(
        f"add followup --application 1 --kind thank-you --created-on {days['noted']} --due-on {days['today']}"
    )
    cli.ok(
        f"add followup --application 1 --kind reconnect --created-on {days['noted']} --due-on {days['next_week']}"
    )
    cli.ok(
        f"add followup --application 1 --kind reconnect --created-on {days['noted']} "
        f"--due-on {days['last_week']} --done-on {days['last_week']}"
    )
    cli.ok(
        f"add followup --application 1 --kind thank-you --created-on {days['noted']} --due-on {days['last_week']}"
    )

    due = cli.listed("followups --due")
    assert [(row["id"], row["due_on"]) for row in due] == [
        (2, days["today"]),
        (5, days["last_week"]),
        (1, days["long_ago"]),
    ]
    by_then = cli.listed(f"followups --due {days['next_week']}")
    assert [row["id"] for row in by_then] == [3, 2, 5, 1]

    table = cli.ok("list followups --due").splitlines()
    assert table[0].split()[:3] == ["id", "application_id", "kind"]
    assert [line.split()[0] for line in table[1:]] == ["2", "5", "1"]


def test_marking_a_follow_up_done_records_when_and_takes_it_off_the_due_list(cli: Cli) -> None:
    cli.ok("add followup --application 1 --kind thank-you --created-on 2026-09-20 --due-on 2026-09-21")
    cli.ok("add followup --application 1 --kind reconnect --created-on 2026-09-20 --due-on 2026-10-01")

    assert (
        cli.ok("update followup 1 --done --on 2026-09-22").strip()
        == "Updated follow-up 1: done on 2026-09-22."
    )
    cli.ok("update followup 2 --done")

    done = {row["id"]: row["done_on"] for row in cli.listed("followups")}
    assert done == {1: "2026-09-22", 2: TODAY.isoformat()}
    assert cli.listed("followups --due") == []
    assert cli.ok("list followups --due 2026-12-31").strip() == "No follow-ups due by 2026-12-31."

    cli.ok("update followup 2 --not-done")
    assert [row["id"] for row in cli.listed("followups --due")] == [2]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("update followup 1 --done --on 2026-09-19", "error: done_on: 2026-09-19 is before the day the follow-up was noted"),
        ("update followup 1 --on 2026-09-25", "error: --on: says when the follow-up was done; add --done"),
        ("update followup 1 --done --not-done", "error: --not-done: cannot go with --done"),
        (f"update followup 1 --done --on {TODAY + dt.timedelta(days=2)}", "error: done_on:"),
        ("update followup 1 --kind letter", "error: kind: 'letter' is not one of thank-you or reconnect"),
        ("update followup 7 --done", "error: no followup with id 7"),
        ("update followup 1", "error: options: nothing to change"),
    ],
)  # fmt: skip
def test_a_bad_change_to_a_follow_up_changes_nothing(cli: Cli, line: str, message: str) -> None:
    cli.ok("add followup --application 1 --kind thank-you --created-on 2026-09-20 --due-on 2026-09-21")
    before = cli.listed("followups")

    assert cli.refused(line).startswith(message)
    assert cli.listed("followups") == before


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("add followup --application 1 --kind call", "error: kind: 'call' is not one of thank-you or reconnect"),
        ("add followup --application 1 --kind reconnect --created-on 2026-09-20 --done-on 2026-09-01",
         "error: done_on: 2026-09-01 is before"),
        ("add followup --application 1 --kind reconnect --due-on soon", "error: due_on: 'soon' is not a date"),
        ("add followup --application 1 --kind reconnect --created-on 20-09-2026", "error: created_on:"),
        ("list moods --due", "error: --due: only applies to followups, not moods"),
        ("list followups --due tomorrow", "error: --due: 'tomorrow' is not a date"),
    ],
)  # fmt: skip
def test_a_bad_follow_up_is_refused_in_one_line(cli: Cli, line: str, message: str) -> None:
    assert cli.refused(line).startswith(message)
    assert cli.counts()["follow_ups"] == 0


# --- self-reviews -----------------------------------------------------------------


def test_a_self_review_rates_the_templates_dimensions_and_changes_one_at_a_time(cli: Cli) -> None:
    out = cli.ok(
        "add review --application 1 --held-on 2026-09-15 --ratings 'preparation=4, communication=3' "
        "--differently 'Lead with the result'"
    )
    assert "Logged self-review 1 of the interview on 2026-09-15" in out

    cli.ok("update review 1 --ratings communication=5,questions_asked=2")

    (review,) = cli.listed("reviews")
    assert review["ratings"] == ["preparation=4", "communication=5", "questions_asked=2"]
    assert review["differently"] == "Lead with the result"
    dimensions = {item.id for item in load_template().self_review}
    assert {word.split("=")[0] for word in review["ratings"]} <= dimensions


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("--ratings charm=4", "error: ratings: 'charm' is not a self-review dimension (preparation, "),
        ("--ratings preparation=6", "error: ratings: preparation must be scored from 1 to 5, not 6"),
        ("--ratings preparation=3,preparation=4", "error: ratings: 'preparation' is scored twice"),
        ("--ratings preparation", "error: ratings: 'preparation' is not id=score"),
        ("--ratings ,", "error: ratings: needs at least one score"),
    ],
)
def test_a_bad_self_review_is_refused_in_one_line(cli: Cli, line: str, message: str) -> None:
    assert cli.refused(f"add review --application 1 --held-on 2026-09-15 {line}").startswith(message)
    assert cli.counts()["self_reviews"] == 0


def test_a_bad_change_to_a_self_review_keeps_the_old_ratings(cli: Cli) -> None:
    cli.ok("add review --application 1 --held-on 2026-09-15 --ratings preparation=4")

    assert cli.refused("update review 1 --ratings preparation=0").startswith("error: ratings:")
    assert cli.listed("reviews")[0]["ratings"] == ["preparation=4"]


# --- wants ------------------------------------------------------------------------


def test_what_a_person_wants_is_one_entry_per_application(cli: Cli) -> None:
    out = cli.ok("add want --application 1 --wanted 4 --draws remote,mentoring --avoids 'long commute'")
    assert out.strip() == "Logged want 1 for application 1: wanted 4/5."

    message = cli.refused("add want --application 1 --wanted 2")
    assert message.startswith("error: --application: application 1 already has what you want noted (want 1)")
    assert "workbook update want 1" in message

    cli.ok("update want 1 --avoids on-call,'long commute' --note 'Team was lovely'")
    assert cli.listed("wants") == [
        {
            "id": 1,
            "application_id": 1,
            "wanted": 4,
            "draws": ["remote", "mentoring"],
            "avoids": ["on-call", "long commute"],
            "note": "Team was lovely",
        }
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("--wanted 0", "error: wanted: must be between 1 and 5, not 0"),
        ("--wanted 6", "error: wanted: must be between 1 and 5, not 6"),
        ("--wanted lots", "error: wanted: 'lots' is not a whole number"),
        ("", "error: wanted: is required when no draws, avoids or note are given"),
    ],
)
def test_a_bad_want_is_refused_in_one_line(cli: Cli, line: str, message: str) -> None:
    assert cli.refused(f"add want --application 1 {line}").startswith(message)
    assert cli.counts()["motivations"] == 0


# --- check-ins --------------------------------------------------------------------


def test_a_check_in_is_scored_from_the_templates_questionnaire(cli: Cli) -> None:
    out = cli.ok(f"add checkin --answers {answers(ANSWERS)} --at 2026-10-01T20:00 --application 1")

    # Straight: 4, 5, 4; reversed (6 - answer): 4, 3, 5. Mean 25 / 6.
    assert out.startswith("Logged check-in 1: 4.17 of 5. ")
    assert "bouncing back well" in out  # the template's words for a score of 4 and over
    (stored,) = cli.listed("checkins")
    assert stored == {
        "id": 1,
        "at": "2026-10-01T20:00:00",
        "questionnaire_id": "resilience",
        "answers": [f"{key}={value}" for key, value in ANSWERS.items()],
        "score": round(25 / 6, 4),
        "application_id": 1,
    }


def test_new_answers_are_scored_again(cli: Cli) -> None:
    cli.ok(f"add checkin --answers {answers(ANSWERS)} --at 2026-10-01T20:00")
    lowest = {key: 1 if key.startswith(("recover", "get", "steady")) else 5 for key in ANSWERS}

    assert cli.ok(f"update checkin 1 --answers {answers(lowest)}").strip() == "Updated check-in 1: 1.00 of 5."
    assert cli.listed("checkins")[0]["score"] == 1.0


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"recover_quickly": 4}, "error: answers: no answer for hard_to_return, get_through"),
        ({**ANSWERS, "sleep": 3}, "error: answers: 'sleep' is not a statement of this check-in (recover_quickly,"),
        ({**ANSWERS, "steady_again": 9}, "error: answers: steady_again must be scored from 1 to 5, not 9"),
        ({**ANSWERS, "steady_again": 0}, "error: answers: steady_again must be scored from 1 to 5, not 0"),
    ],
)  # fmt: skip
def test_a_bad_check_in_is_refused_in_one_line(cli: Cli, given: dict, message: str) -> None:
    assert cli.refused(f"add checkin --answers {answers(given)}").startswith(message)
    assert cli.counts()["check_ins"] == 0


def test_malformed_answers_are_refused(cli: Cli) -> None:
    assert cli.refused("add checkin --answers 'recover_quickly:4'").startswith(
        "error: answers: 'recover_quickly:4' is not id=score"
    )
    assert cli.refused(f"add checkin --answers {answers(ANSWERS)} --at soon").startswith("error: at:")
    assert cli.counts()["check_ins"] == 0


# --- feedback and invitations -----------------------------------------------------


def test_feedback_without_themes_keeps_the_suggested_ones_unconfirmed(cli: Cli) -> None:
    cli.ok("add feedback --application 1 --text 'Your answers were hard to follow; work on structure.'")
    cli.ok("add feedback --application 1 --text 'You clearly did your homework on our product.' --positive")
    cli.ok("add feedback --application 1 --text 'A strong field.' --themes competition")

    suggested, praise, chosen = cli.listed("feedback")
    assert (suggested["themes"], suggested["confirmed"], suggested["positive"]) == (
        ["communication"],
        False,
        False,
    )
    assert (praise["themes"], praise["confirmed"], praise["positive"]) == (["preparation"], False, True)
    assert (chosen["themes"], chosen["confirmed"], chosen["positive"]) == (["competition"], True, False)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("--text 'Fine' --themes charm", "error: themes: 'charm' is not a theme of this workbook (technical_depth,"),
        ("--text ''", "error: text: must not be empty"),
    ],
)  # fmt: skip
def test_bad_feedback_is_refused_in_one_line(cli: Cli, line: str, message: str) -> None:
    assert cli.refused(f"add feedback --application 1 {line}").startswith(message)
    assert cli.counts()["feedback_items"] == 0


def test_an_application_records_whether_the_employer_invited_the_person_back(cli: Cli) -> None:
    assert "invited to apply again" in cli.ok("update application 1 --invited-back")
    assert cli.listed("applications")[0]["invited_back"] is True

    cli.ok("update application 1 --not-invited-back")
    assert cli.listed("applications")[0]["invited_back"] is False
    line = cli.refused("update application 1 --invited-back --not-invited-back")
    assert line == "error: --not-invited-back: not allowed with argument --invited-back"


def test_every_new_kind_can_be_deleted_once_with_yes(cli: Cli) -> None:
    cli.ok("add person --application 1 --name Dana")
    cli.ok("add followup --application 1 --kind thank-you")
    cli.ok("add review --application 1 --held-on 2026-09-15 --ratings preparation=4")
    cli.ok("add want --application 1 --draws remote")
    cli.ok(f"add checkin --answers {answers(ANSWERS)}")

    for kind, plural in [("person", "people"), ("followup", "followups"), ("review", "reviews"),
                         ("want", "wants"), ("checkin", "checkins")]:  # fmt: skip
        assert cli.refused(f"delete {kind} 1").startswith("error: --yes:")
        assert len(cli.listed(plural)) == 1
        cli.ok(f"delete {kind} 1 --yes")
        assert cli.listed(plural) == []


def test_suggested_themes_are_confirmed_or_replaced_later(cli: Cli) -> None:
    cli.ok("add feedback --application 1 --text 'Your answers were hard to follow.'")
    cli.ok("add feedback --application 1 --text 'Lovely portfolio.'")

    assert "themes (confirmed): communication" in cli.ok("update feedback 1 --confirm")
    cli.ok("update feedback 2 --themes examples_impact --positive")
    assert cli.refused("update feedback 2 --themes charm").startswith("error: themes: 'charm' is not a theme")

    first, second = cli.listed("feedback")
    assert (first["themes"], first["confirmed"], first["positive"]) == (["communication"], True, False)
    assert (second["themes"], second["confirmed"], second["positive"]) == (["examples_impact"], True, True)
    cli.ok("update feedback 2 --not-positive")
    assert cli.listed("feedback")[1]["positive"] is False

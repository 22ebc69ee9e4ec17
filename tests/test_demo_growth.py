"""The sample journal's people, follow-ups, praise, self-reviews, wants and check-ins: enough for every new chart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pandas as pd
import pytest

from workbook.checkin import score
from workbook.demo import DEMO_END, build_demo
from workbook.growth_records import scores
from workbook.journal import Journal
from workbook.metrics import rejection_metrics
from workbook.template import load_template
from workbook.themes import load_vocabulary

END = pd.Timestamp(DEMO_END)
DAY = pd.Timedelta(days=1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    """One sample journal, built once and only read by the tests that share it."""
    with Journal(tmp_path_factory.mktemp("demo") / "demo.db") as journal:
        build_demo(journal)
        yield journal


@pytest.fixture(scope="module")
def apps(demo: Journal) -> pd.DataFrame:
    return demo.applications().set_index("id")


def test_people_met_belong_to_applications_that_got_to_talking(demo: Journal, apps: pd.DataFrame) -> None:
    people = demo.people()

    assert 8 <= len(people) <= 15
    assert (people["name"].str.len() > 0).all() and (people["role"].str.len() > 0).all()
    assert set(apps.loc[people["application_id"], "stage"]) <= {"interview", "final"}
    calls = apps[(apps["outcome"] == "rejected") & apps["channel"].isin(["video_call", "phone"])]
    assert set(calls.index) <= set(people["application_id"])


def test_invitations_to_apply_again_match_the_calls_that_offered_one(
    demo: Journal, apps: pd.DataFrame
) -> None:
    notes = demo.call_notes().set_index("application_id")
    offered = {app_id for app_id, covered in notes["covered"].items() if "reapply" in covered}

    assert set(apps.index[apps["invited_back"]]) == offered
    assert len(offered) == 2


def test_follow_ups_are_done_after_they_are_noted_and_some_are_due(demo: Journal, apps: pd.DataFrame) -> None:
    follow = demo.follow_ups()
    done = follow[follow["done_on"].notna()]
    open_ = follow[follow["done_on"].isna()]
    overdue = open_[open_["due_on"] <= END]
    soon = open_[(open_["due_on"] > END) & (open_["due_on"] <= END + 14 * DAY)]

    assert set(follow["kind"]) == {"thank_you", "reconnect"}
    assert (done["done_on"] >= done["created_on"]).all()
    assert (follow["due_on"] >= follow["created_on"]).all()
    assert len(done) >= 6 and len(overdue) >= 2 and len(soon) >= 1
    assert set(overdue["kind"]) == {"thank_you", "reconnect"}
    # Each follow-up starts on or after the news it follows.
    news = apps.loc[follow["application_id"], "outcome_on"].to_numpy()
    assert (follow["created_on"].to_numpy() >= news).all()


def test_the_command_line_lists_the_samples_due_follow_ups(demo: Journal) -> None:
    from workbook.cli.growth import due
    from workbook.growth_records import FollowUp

    listed = due(demo.records(FollowUp), DEMO_END)

    assert [f.kind for f in listed] == ["thank_you", "reconnect"]
    assert listed[0].due_on > listed[1].due_on


def test_praise_names_strengths_from_the_vocabulary(demo: Journal) -> None:
    feedback = demo.feedback()
    praise = feedback[feedback["positive"]]
    strengths = Counter(theme for themes in praise["themes"] for theme in themes)

    assert 5 <= len(praise) < len(feedback)
    assert set(strengths) <= set(load_vocabulary())
    assert {"communication", "preparation", "examples_impact"} <= set(strengths)
    assert praise["confirmed"].any() and not praise["confirmed"].all()
    assert praise["text"].str.contains("enthusiasm").any()


def test_self_reviews_follow_the_interviews_on_the_templates_dimensions(demo: Journal) -> None:
    reviews = demo.self_reviews()
    history = demo.stage_changes()
    interviews = {
        (row.application_id, row.changed_on)
        for row in history[history["stage"].isin(["interview", "final"])].itertuples()
    }
    dimensions = {item.id for item in load_template().self_review}

    assert 8 <= len(reviews) <= 15
    assert {(row.application_id, row.held_on) for row in reviews.itertuples()} <= interviews
    ratings = [scores(words) for words in reviews["ratings"]]
    assert all(set(r) == dimensions for r in ratings)
    assert len({tuple(r.values()) for r in ratings}) == len(ratings)
    assert all(1 <= value <= 5 for r in ratings for value in r.values())
    assert {value for r in ratings for value in r.values()} >= {2, 3, 4, 5}
    assert reviews["differently"].str.len().gt(0).all()


def test_communication_is_rated_high_where_employers_flagged_it(demo: Journal) -> None:
    feedback = demo.feedback()
    flagged = feedback[~feedback["positive"] & feedback["themes"].map(lambda t: "communication" in t)]
    reviews = demo.self_reviews()
    own = reviews[reviews["application_id"].isin(flagged["application_id"])]

    assert flagged["application_id"].nunique() >= 2
    assert [scores(words)["communication"] for words in own["ratings"]] >= [4] * len(own)
    assert any(scores(words)["communication"] == 5 for words in own["ratings"])


def test_most_applications_say_what_drew_the_person_and_what_to_avoid(
    demo: Journal, apps: pd.DataFrame
) -> None:
    wants = demo.motivations()
    draws = Counter(word for words in wants["draws"] for word in words)
    avoids = Counter(word for words in wants["avoids"] for word in words)

    assert wants["application_id"].is_unique
    assert len(wants) >= 0.75 * len(apps)
    assert set(wants["wanted"].dropna()) == {1, 2, 3, 4, 5}
    assert draws["remote"] >= 5 and draws["mentoring"] >= 3 and draws["product"] >= 3
    assert avoids["long commute"] >= 3 and avoids["on-call"] >= 3


def test_rejections_from_roles_wanted_less_hit_less_hard(demo: Journal) -> None:
    metrics = rejection_metrics(demo.applications(), demo.moods())
    wanted = demo.motivations().set_index("application_id")["wanted"]
    metrics["wanted"] = metrics["application_id"].map(wanted)

    assert metrics["wanted"].notna().all() and metrics["dip"].notna().all()
    more = metrics[metrics["wanted"] >= 4]["dip"]
    less = metrics[metrics["wanted"] <= 3]["dip"]
    assert len(more) >= 3 and len(less) >= 3
    assert more.mean() > less.mean() + 0.3
    assert metrics["wanted"].astype(float).corr(metrics["dip"].astype(float)) > 0.3


def test_check_ins_come_every_two_weeks_scored_as_the_template_says_and_rising(demo: Journal) -> None:
    checks = demo.check_ins().sort_values("at")
    questionnaire = load_template().checkin
    assert questionnaire is not None
    gaps = checks["at"].diff().dropna().dt.days

    assert len(checks) >= 10
    assert gaps.between(10, 18).all()
    assert (checks["questionnaire_id"] == questionnaire.id).all()
    for row in checks.itertuples():
        assert row.score == score(scores(row.answers), questionnaire)
    half = len(checks) // 2
    assert checks["score"].iloc[-half:].mean() > checks["score"].iloc[:half].mean() + 0.5
    days = (checks["at"] - checks["at"].min()).dt.days
    assert days.corr(checks["score"]) > 0.5
    assert checks["application_id"].notna().any()


def test_nothing_new_is_dated_after_the_last_day(demo: Journal) -> None:
    dated = {
        "follow_ups": demo.follow_ups()[["created_on", "done_on"]],
        "self_reviews": demo.self_reviews()[["held_on"]],
        "check_ins": demo.check_ins()[["at"]],
    }
    for name, frame in dated.items():
        assert frame.max().max().normalize() <= END, name

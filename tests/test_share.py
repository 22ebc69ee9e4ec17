"""`workbook share`: a bundle holds counts, metrics and charts, and free text only where the person opted in.

The small journal here holds texts distinctive enough to look for in every member's bytes;
the cohort tests build their bundles from it too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import stat
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.growth_records import CheckIn, FollowUp, Motivation, Person, SelfReview
from workbook.journal import Journal
from workbook.records import Application, CallNotes, FeedbackItem, MoodEntry, Reflection
from workbook.share import gather
from workbook.template import load_template

COMPANIES = ("Quillfeather Analytics", "Brackenridge Logistics", "Zephyrine Foods")
#: Every free text the journal holds, by the opt-in that lets it into a bundle.
TEXTS = {
    "feedback": ("Your SQL answers wandered off the question", "Portfolio was the clearest we saw"),
    "notes": (
        "Recruiter was kind about the timing",  # an application's notes
        "Asked what the team valued most",  # a call's questions
        "They said ownership of projects",  # a call's answers
        "Call ended warmly, door open",  # a call's notes
        "Felt flat after the phone call",  # a mood's note
    ),
    "reflections": ("Next time I lead with the dashboard story",),
}
#: Free text that only ever goes into a bundle as a count.
COUNTED_ONLY = ("Morwenna Tallis", "morwenna@example.org", "Thanks again for the chat", "Glad to have met")


def fill(journal: Journal) -> None:
    """Three applications (two rejected), moods round them, feedback, call notes, a reflection, check-ins."""
    ids = []
    for number, company in enumerate(COMPANIES):
        applied = dt.date(2026, 6, 1) + dt.timedelta(days=30 * number)
        rejected = number < 2
        app = journal.add(
            Application(
                company=company,
                role="Data analyst",
                applied_on=applied,
                stage="interview",
                outcome="rejected" if rejected else "pending",
                outcome_on=applied + dt.timedelta(days=20) if rejected else None,
                channel="video_call" if rejected else "none",
                notes=TEXTS["notes"][0] if number == 0 else "",
            )
        )
        ids.append(app.id)
    start = dt.datetime(2026, 5, 25, 20, 0)
    for day in range(0, 90):
        mood = 5 if day % 30 in (27, 28, 29) else 7
        journal.add(MoodEntry(at=start + dt.timedelta(days=day), mood=mood))
    journal.add(
        MoodEntry(at=dt.datetime(2026, 6, 21, 21, 0), mood=3, note=TEXTS["notes"][4], application_id=ids[0])
    )
    journal.add(FeedbackItem(application_id=ids[0], text=TEXTS["feedback"][0], themes=("technical_depth",)))
    journal.add(FeedbackItem(application_id=ids[1], text=TEXTS["feedback"][1]))
    journal.add(
        CallNotes(
            application_id=ids[0],
            held_on=dt.date(2026, 6, 21),
            questions=TEXTS["notes"][1],
            answers=TEXTS["notes"][2],
            notes=TEXTS["notes"][3],
        )
    )
    journal.add(
        Reflection(
            at=dt.datetime(2026, 6, 22, 9, 0),
            prompt_id="learned",
            prompt="What did you learn?",
            answer=TEXTS["reflections"][0],
            application_id=ids[0],
        )
    )
    for day, score in ((0, 2.5), (14, 3.0), (28, 3.5)):
        journal.add(
            CheckIn(at=dt.datetime(2026, 7, 1, 9, 0) + dt.timedelta(days=day), answers=("a=3",), score=score)
        )
    journal.add(Person(application_id=ids[0], name=COUNTED_ONLY[0], contact=COUNTED_ONLY[1]))
    journal.add(
        FollowUp(
            application_id=ids[0], kind="thank_you", created_on=dt.date(2026, 6, 22), text=COUNTED_ONLY[2]
        )
    )
    journal.add(
        SelfReview(
            application_id=ids[0],
            held_on=dt.date(2026, 6, 15),
            ratings=("communication=4",),
            differently=COUNTED_ONLY[3],
        )
    )
    journal.add(Motivation(application_id=ids[0], wanted=4, draws=("mentoring",)))


def filled_journal(path: Path) -> Path:
    """A journal file at ``path`` holding :func:`fill`'s records."""
    with Journal(path) as journal:
        fill(journal)
    return path


# --- the tests ---------------------------------------------------------------------------------


PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def filled(journal_file: Path) -> Path:
    """The small journal above, in its own file."""
    return filled_journal(journal_file)


def share(journal: Path, out: Path, *words: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run `workbook share` in this process; return the exit code, stdout and stderr."""
    code = main(["--journal", str(journal), "share", str(out), *words])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def members(bundle: Path) -> dict[str, bytes]:
    """Every member of the zip at ``bundle``, name -> bytes."""
    with zipfile.ZipFile(bundle) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def found_in(data: dict[str, bytes], texts: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    """(member, text) for each text whose UTF-8 bytes appear in a member."""
    return [(name, text) for name, raw in data.items() for text in texts if text.encode("utf-8") in raw]


ALL_FREE_TEXT = (*TEXTS["feedback"], *TEXTS["notes"], *TEXTS["reflections"], *COMPANIES, *COUNTED_ONLY)


@dataclass(frozen=True)
class Shared:
    """A bundle shared from the small journal with no opt-in, answering "y" to the question."""

    folder: Path
    out: Path
    said: str


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Shared:
    """Share the small journal without opt-ins, over a file others could read, saying yes on standard input."""
    folder = tmp_path_factory.mktemp("plain")
    journal = filled_journal(folder / "journal.db")
    out = folder / "for-my-coach.zip"
    out.write_bytes(b"an older file")
    out.chmod(0o644)
    said, stdin = io.StringIO(), sys.stdin
    sys.stdin = io.StringIO("y\n")
    try:
        with contextlib.redirect_stdout(said):
            assert main(["--journal", str(journal), "share", str(out)]) == 0
    finally:
        sys.stdin = stdin
    return Shared(folder, out, said.getvalue())


def test_a_bundle_without_opt_ins_holds_no_free_text_and_no_company_name(plain: Shared) -> None:
    out = plain.out
    assert f"Wrote {out}" in plain.said
    data = members(out)
    assert found_in(data, ALL_FREE_TEXT) == []
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # private, though the file it replaced was not
    # no temporary file left (the journal's automatic backups are its own)
    assert sorted(os.listdir(plain.folder)) == [".journal.db.backups", "for-my-coach.zip", "journal.db"]

    manifest = json.loads(data["manifest.json"])
    assert manifest["format_version"] == 1 and type(manifest["format_version"]) is int
    assert dt.datetime.fromisoformat(manifest["created"]).date() == dt.date.today()
    assert manifest["title"] == load_template().title
    assert manifest["included"] == []
    counts = json.loads(data["counts.json"])
    assert (counts["applications"], counts["feedback_items"], counts["mood_entries"]) == (3, 2, 91)
    assert [
        counts[kind] for kind in ("people", "follow_ups", "self_reviews", "motivations", "check_ins")
    ] == [
        1,
        1,
        1,
        1,
        3,
    ]
    rejections = json.loads(data["rejections.json"])
    assert [(r["application"], r["recovery_days"], r["dip"]) for r in rejections] == [
        ("Application 1", 5, 3.0),
        ("Application 2", 5, 2.0),
    ]
    assert all("company" not in r and "application_id" not in r for r in rejections)
    assert [(row["at"], row["score"]) for row in json.loads(data["check_ins.json"])] == [
        ("2026-07-01T09:00:00", 2.5),
        ("2026-07-15T09:00:00", 3.0),
        ("2026-07-29T09:00:00", 3.5),
    ]
    assert {"theme": "technical_depth", "label": "Technical depth", "items": 1} in json.loads(
        data["themes.json"]
    )
    assert not {"feedback.json", "notes.json", "reflections.json"} & set(data)
    charts = {name for name in data if name.startswith("charts/")}
    assert {"charts/recovery.png", "charts/check_ins.png", "charts/mood_timeline.png"} <= charts
    assert all(data[name].startswith(PNG) for name in charts)


def test_each_opt_in_adds_its_own_text_and_nothing_else(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "notes-only.zip"
    assert share(filled, out, "--include", "notes", "--yes", capsys=capsys)[0] == 0
    data = members(out)
    notes = json.loads(data["notes.json"])
    assert sorted(row["text"] for row in notes if row["kind"] != "call") == sorted(
        [TEXTS["notes"][0], TEXTS["notes"][4]]
    )
    [call] = [row for row in notes if row["kind"] == "call"]
    assert all(text in call["text"] for text in TEXTS["notes"][1:4])
    assert json.loads(data["manifest.json"])["included"] == ["notes"]
    kept_back = (*TEXTS["feedback"], *TEXTS["reflections"], *COMPANIES, *COUNTED_ONLY)
    assert found_in(data, kept_back) == []


def test_a_bundle_with_every_opt_in_holds_the_texts_and_company_names(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "everything.zip"
    code, _, _ = share(
        filled, out, "--include", "companies, reflections,feedback,notes", "--yes", capsys=capsys
    )
    assert code == 0
    data = members(out)
    assert json.loads(data["manifest.json"])["included"] == ["feedback", "notes", "reflections", "companies"]
    assert [row["text"] for row in json.loads(data["feedback.json"])] == list(TEXTS["feedback"])
    assert [row["text"] for row in json.loads(data["reflections.json"])] == list(TEXTS["reflections"])
    every_text = b"".join(data[name] for name in ("feedback.json", "notes.json", "reflections.json"))
    assert all(
        text.encode() in every_text for text in (*TEXTS["feedback"], *TEXTS["notes"], *TEXTS["reflections"])
    )
    assert [r["company"] for r in json.loads(data["rejections.json"])] == list(COMPANIES[:2])
    # People met, follow-ups and self-reviews are only ever counted.
    assert found_in(data, COUNTED_ONLY) == []


def test_the_preview_shows_every_file_and_what_each_kind_shares(plain: Shared) -> None:
    lines = plain.said.splitlines()
    assert [line[2:] for line in lines[1 : lines.index("")]] == sorted(members(plain.out), key=_order)
    assert "  Feedback items: 2, what employers said kept back" in lines
    assert "  Mood entries: 91, your notes kept back" in lines
    assert "  Applications: 3, company names kept back; your notes kept back" in lines
    assert "  People met: 1, only how many" in lines
    assert "  Resilience check-ins: 3, scores and dates included" in lines


def run_share(journal: Path, out: Path, stdin: str | None) -> subprocess.CompletedProcess[str]:
    """`workbook share` in its own process, with ``stdin`` as its input (None: no input at all)."""
    env = {k: v for k, v in os.environ.items() if k != "WORKBOOK_JOURNAL"}
    return subprocess.run(
        [sys.executable, "-m", "workbook", "--journal", str(journal), "share", str(out)],
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True,
        text=True,
        env=env,
    )


def test_with_no_answer_on_standard_input_nothing_is_written(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.zip"
    done = run_share(filled, out, None)
    assert "Share this? [y/N]" in done.stdout
    assert "No answer came, so nothing was written." in done.stdout
    assert done.returncode == 1
    assert sorted(os.listdir(tmp_path)) == [".journal.db.backups", "journal.db"]


@pytest.mark.parametrize("answer", ["\n", "n\n", "no thanks\n"])
def test_anything_but_yes_writes_nothing(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, answer: str
) -> None:
    out = tmp_path / "b.zip"
    monkeypatch.setattr(sys, "stdin", io.StringIO(answer))
    code, said, _ = share(filled, out, capsys=capsys)
    assert (code, out.exists()) == (1, False)
    assert said.rstrip().endswith("Nothing was written; your journal stays with you.")


def test_a_bad_include_is_one_line_naming_the_field(filled: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "b.zip"
    code, said, err = share(filled, out, "--include", "feedback,gossip", "--yes", capsys=capsys)
    assert code == 2
    assert err == (
        "error: --include: 'gossip' is not something to include; "
        "choose from feedback, notes, reflections, companies\n"
    )
    assert said == "" and not out.exists()


def test_a_folder_as_the_bundle_is_refused_before_anything_is_drawn(
    filled: Path, tmp_path: Path, capsys
) -> None:
    code, _, err = share(filled, tmp_path, "--yes", capsys=capsys)
    assert code == 2
    assert err.startswith("error: OUT.zip: ") and err.count("\n") == 1


def test_the_sample_journal_shares_none_of_its_words_unless_asked(tmp_path: Path, capsys) -> None:
    from workbook.demo import build_demo

    sample = tmp_path / "sample.db"
    with Journal(sample) as journal:
        build_demo(journal)
        frames = (
            journal.applications()["company"],
            journal.applications()["notes"],
            journal.feedback()["text"],
            journal.moods()["note"],
            journal.reflections()["answer"],
            journal.call_notes()["notes"],
            journal.call_notes()["questions"],
            journal.call_notes()["answers"],
            journal.support_contacts()["note"],
        )
    words = sorted({str(text) for column in frames for text in column if len(str(text)) >= 12})
    assert len(words) > 40
    out = tmp_path / "sample.zip"
    assert share(sample, out, "--yes", capsys=capsys)[0] == 0
    assert found_in(members(out), words) == []


def _order(name: str) -> tuple[int, int]:
    """Members in the order a bundle lists them: data first, then the charts as CHART_NAMES orders them."""
    from workbook.share.layout import CHART_NAMES

    if name.startswith("charts/"):
        return (1, CHART_NAMES.index(name[len("charts/") : -len(".png")]))
    return (
        0,
        ["manifest.json", "counts.json", "rejections.json", "themes.json", "check_ins.json"].index(name),
    )


def test_charts_name_applications_not_companies_unless_included(filled: Path) -> None:
    """A PNG's bytes cannot show its words, so look at the texts each chart draws."""
    from matplotlib.text import Text

    def drawn_words(included: tuple[str, ...]) -> str:
        with Journal(filled) as journal:
            bundle = gather(journal, load_template(), included)
        words = []
        for draw in bundle.drawings.values():
            figure = draw()
            words += [t.get_text() for t in figure.findobj(Text)]
        return "\n".join(words)

    plain = drawn_words(())
    assert "Application 1" in plain and not any(company in plain for company in COMPANIES)
    assert "Application 1" not in drawn_words(("companies",))  # the real names stand there instead


@pytest.mark.parametrize("included", [(), ("notes",), ("feedback", "reflections", "companies")])
def test_the_quick_outline_lists_exactly_what_gather_writes(filled: Path, tmp_path: Path, included) -> None:
    from workbook.share.contents import CHART_NEEDS, outline
    from workbook.share.layout import CHART_NAMES

    assert tuple(CHART_NEEDS) == CHART_NAMES
    for path in (filled, tmp_path / "empty.db"):
        with Journal(path) as journal:
            quick, full = outline(journal, included), gather(journal, load_template(), included)
        assert quick.member_names == full.member_names
        assert (quick.counts, quick.included) == (full.counts, full.included)

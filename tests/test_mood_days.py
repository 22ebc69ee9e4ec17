"""Daily moods without pandas: the same numbers as the charts' metrics, and `workbook list moods --daily`."""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from workbook import metrics
from workbook.journal import Journal
from workbook.mood_days import MoodDay, mood_days
from workbook.records import MoodEntry

D = dt.date(2026, 3, 16)


def at(offset: int, hour: int = 9) -> dt.datetime:
    """D + offset days, at ``hour``."""
    return dt.datetime.combine(D + dt.timedelta(days=offset), dt.time(hour))


def test_hand_worked_days() -> None:
    # D: 4 and 6 -> 5.  D+2: 8 -> recent (5 + 8) / 2.  D+7: 2 -> D has left the 7 days ending on D+7,
    # so (8 + 2) / 2.  D+8: 3 -> D+2 is six days back, still in: (8 + 2 + 3) / 3.
    times = [(at(0, 8), 4), (at(0, 20), 6), (at(2), 8), (at(7), 2), (at(8), 3)]
    assert mood_days(times) == [
        MoodDay(D, 5.0, 2, 5.0),
        MoodDay(D + dt.timedelta(days=2), 8.0, 1, 6.5),
        MoodDay(D + dt.timedelta(days=7), 2.0, 1, 5.0),
        MoodDay(D + dt.timedelta(days=8), 3.0, 1, pytest.approx(13 / 3)),
    ]


def test_no_entries_no_days() -> None:
    assert mood_days([]) == []


def test_order_of_entries_does_not_matter() -> None:
    times = [(at(3), 7), (at(0), 2), (at(3, 8), 1)]
    assert mood_days(times) == mood_days(sorted(times))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_as_the_metrics_the_charts_use(journal: Journal, seed: int) -> None:
    """Several a day, long gaps, runs of days: the plain version equals metrics.daily_mood / rolling_mood."""
    rng = random.Random(seed)
    offset = 0
    for _ in range(120):
        offset += rng.choice([0, 1, 1, 2, 6, 7, 8, 30])
        journal.add(MoodEntry(at=at(offset - 1500, rng.randint(6, 22)), mood=rng.randint(1, 10)))
    moods = journal.moods()
    daily, rolling = metrics.daily_mood(moods), metrics.rolling_mood(moods, 7)
    days = mood_days(journal.mood_times())
    assert [d.date for d in days] == list(daily.index.date)
    assert [d.mood for d in days] == pytest.approx(list(daily))
    assert [d.recent for d in days] == pytest.approx(list(rolling))
    assert sum(d.entries for d in days) == len(moods)


def workbook(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command in a child process, as from a terminal."""
    return subprocess.run([sys.executable, "-m", "workbook", *args], capture_output=True, text=True)


def test_list_moods_daily(journal_file: Path) -> None:
    with Journal(journal_file) as journal:
        for when, mood in [(at(0, 8), 4), (at(0, 20), 7), (at(2), 8)]:
            journal.add(MoodEntry(at=when, mood=mood))
    shown = workbook("--journal", str(journal_file), "list", "moods", "--daily")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines() == [
        "date        mood  entries  mean_7d",
        "2026-03-16  5.5   2        5.5",
        "2026-03-18  8.0   1        6.8",
    ]
    as_json = json.loads(
        workbook("--journal", str(journal_file), "list", "moods", "--daily", "--json").stdout
    )
    assert as_json[-1] == {"date": "2026-03-18", "mood": 8.0, "entries": 1, "mean_7d": 6.75}


def test_list_moods_daily_on_an_empty_journal(journal_file: Path) -> None:
    shown = workbook("--journal", str(journal_file), "list", "moods", "--daily")
    assert (shown.returncode, shown.stdout.strip()) == (0, "No moods logged yet.")


@pytest.mark.parametrize(
    ("words", "error"),
    [
        (["list", "actions", "--daily"], "error: --daily: only applies to moods, not actions"),
        (["list", "moods", "--daily", "--due"], "error: --due: only applies to followups, not moods"),
    ],
)
def test_daily_refuses_what_it_cannot_show(journal_file: Path, words: list[str], error: str) -> None:
    refused = workbook("--journal", str(journal_file), *words)
    assert (refused.returncode, refused.stderr.strip(), refused.stdout) == (2, error, "")


def test_a_reader_that_stops_early_gets_no_error(journal_file: Path) -> None:
    with Journal(journal_file) as journal:
        journal.add_new([MoodEntry(at=at(-day), mood=5) for day in range(3000)])
    command = f"{sys.executable} -m workbook --journal {journal_file} list moods --daily | head -n 2"
    piped = subprocess.run(["bash", "-c", command], capture_output=True, text=True)
    assert piped.stdout.splitlines()[0].startswith("date")
    assert piped.stderr == ""

"""The Daylio path, whole process: parse the export, daily means, 7-day rolling mean.

Ours: ``workbook import daylio FILE --journal tmp``, then the daily means and
their 7-day mean as ``workbook list moods --daily`` computes them, in one Python
process.  The peer: the ``daylio-parser`` package from PyPI, in its own virtual
environment (benchmarks/out/peer-venv), doing the same on the same file.  For
scale, a bare script that checks nothing and keeps one four-column table (the
least any importer does: parse the CSV, insert, means in SQL) runs in the same
turns.  A separate, untimed run of ours splits its time into phases.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from harness import Figure, Target, interleaved, timed

SECTION = "Daylio export: import + daily means + 7-day rolling mean (whole process)"
PEER_PACKAGE = "daylio-parser"

OURS = """
import sys, tempfile
from pathlib import Path
from workbook.cli import main
from workbook.journal import Journal
from workbook.mood_days import mood_days
with tempfile.TemporaryDirectory() as tmp:
    journal = Path(tmp) / "journal.db"
    assert main(["import", "daylio", sys.argv[1], "--journal", str(journal)]) == 0
    with Journal(journal) as opened:
        days = mood_days(opened.mood_times())
    print(sum(day.entries for day in days), len(days), f"{days[-1].recent:.2f}")
"""

#: The least an importer can do: no checks, no journal, one table; parse, insert, means in SQL.
BARE = """
import csv, os, sqlite3, sys, tempfile
SCORES = {"awful": 2, "bad": 4, "meh": 6, "good": 8, "rad": 10}
with tempfile.TemporaryDirectory() as tmp:
    db = sqlite3.connect(os.path.join(tmp, "moods.db"))
    db.execute("CREATE TABLE moods (at TEXT, mood INTEGER, tags TEXT, note TEXT)")
    with open(sys.argv[1], newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        next(rows)
        moods = [(d + "T" + t, SCORES[m], a, n) for d, _, _, t, m, a, _, n in rows]
    with db:
        db.executemany("INSERT INTO moods VALUES (?, ?, ?, ?)", moods)
    days = db.execute(
        "WITH daily AS (SELECT substr(at, 1, 10) AS day, avg(mood) AS mood FROM moods GROUP BY day) "
        "SELECT day, mood, avg(mood) OVER (ORDER BY julianday(day) RANGE 6 PRECEDING) FROM daily ORDER BY day"
    ).fetchall()
    db.close()
    print(len(moods), len(days), f"{days[-1][2]:.2f}")
"""

PEER = """
import sys
from daylio_parser.parser import Parser
from daylio_parser.stats import Stats
entries = Parser().load_csv(sys.argv[1])
stats = Stats(entries)
daily, rolling = stats.average_moods(), stats.rolling_mean(7)
print(len(entries), len(daily), f"{rolling[-1][1]:.2f}")
"""

#: Ours again, phase by phase (CPU and wall time of each), for the breakdown under the table.
PHASES = """
import sys, tempfile, time
from pathlib import Path
marks = [("interpreter start", time.perf_counter(), time.process_time())]
def mark(name):
    marks.append((name, time.perf_counter(), time.process_time()))
from workbook.interop.daylio import read_daylio
from workbook.interop.plan import store
from workbook.journal import Journal
mark("import workbook and its import code")
plan = read_daylio(sys.argv[1])
mark("parse and check the export (read_daylio)")
with tempfile.TemporaryDirectory() as tmp:
    journal = Path(tmp) / "journal.db"
    with Journal(journal) as opened:
        store(opened, plan)
    mark("store the entries in a new journal")
    with Journal(journal) as opened:
        moods = opened.mood_times()
    mark("read the moods back (Journal.mood_times)")
    from workbook.mood_days import mood_days
    days = mood_days(moods)
    mark("daily and 7-day means (mood_days)")
print("; ".join(
    f"{name} {1000 * (wall - marks[i][1]):.0f} ms ({1000 * (cpu - marks[i][2]):.0f} ms CPU)"
    for i, (name, wall, cpu) in enumerate(marks[1:])
))
"""

VERSION = "import importlib.metadata as m; print(m.version('daylio-parser'))"


def peer_python(out: Path) -> Path:
    """The peer's interpreter, creating its virtual environment and installing it when needed."""
    venv = out / "peer-venv"
    python = venv / "bin" / "python"
    ready = (
        python.exists()
        and subprocess.run([str(python), "-c", "import daylio_parser"], capture_output=True).returncode == 0
    )
    if not ready:
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", PEER_PACKAGE],
            check=True,
        )
    return python


def daylio(daylio_file: Path, out: Path, runs: int) -> tuple[list[Figure], list[str]]:
    """Our Daylio path and a bare script against daylio-parser's; also what each printed."""
    peer = peer_python(out)
    ours_command = [sys.executable, "-c", OURS, str(daylio_file)]
    peer_command = [str(peer), "-c", PEER, str(daylio_file)]
    bare_command = [sys.executable, "-c", BARE, str(daylio_file)]
    printed = [
        "What each side does, each in a fresh Python process on the same file: "
        "**ours** runs `workbook import daylio FILE` into a new journal (parse, check every row, "
        "map mood names to 1-10, skip entries already there, store them all in one SQLite "
        "transaction), then reads the moods back and computes each day's mean and the mean of the "
        "last 7 calendar days, as `workbook list moods --daily` does (`mood_days`, no pandas); "
        "**daylio-parser** runs `Parser().load_csv(FILE)` (one pydantic model per row, moods 1-5, "
        "nothing stored), then `Stats.average_moods()` and `Stats.rolling_mean(7)` (a window of 7 "
        "consecutive days that have entries); the **bare script** parses the CSV with no checks at "
        "all, inserts into one four-column table and computes the same means in SQL. Each prints "
        "the entry count, the day count and the last rolling mean.",
        "ours (entries, days, last 7-day mean on 1-10): " + _output(ours_command),
        "daylio-parser (entries, days, last 7-entry mean on 1-5): " + _output(peer_command),
        "bare script (entries, days, last 7-day mean on 1-10): " + _output(bare_command),
        "daylio-parser version: " + _output([str(peer), "-c", VERSION]),
        "where our time goes (one untimed run, phase by phase, after the interpreter has started): "
        + _output([sys.executable, "-c", PHASES, str(daylio_file)]),
    ]
    samples = interleaved(
        {
            name: (
                lambda command=command: timed(
                    lambda: subprocess.run(command, check=True, capture_output=True)
                )
            )
            for name, command in (("ours", ours_command), ("peer", peer_command), ("bare", bare_command))
        },
        runs,
    )
    figures = [
        Figure(
            SECTION,
            "Rebound: `workbook import daylio` + daily means",
            samples["ours"],
            samples["peer"],
            "daylio-parser, same file",
            Target("faster", 5),
        ),
        Figure(
            SECTION,
            "bare script, no checks (for scale)",
            samples["bare"],
            samples["peer"],
            "daylio-parser, same file",
            peer=True,
        ),
    ]
    return figures, printed


def _output(command: list[str]) -> str:
    """The last line ``command`` prints."""
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]

"""The Daylio path, whole process: parse the export, daily means, 7-day rolling mean.

Ours: ``workbook import daylio FILE --journal tmp``, then the means from the
journal's moods, in one Python process.  The peer: the ``daylio-parser``
package from PyPI, in its own virtual environment (benchmarks/out/peer-venv),
doing the same on the same file.  The processes take turns.  A separate,
untimed run of ours splits its time into phases, to show where it goes.
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
from workbook.metrics import daily_mood, rolling_mood
with tempfile.TemporaryDirectory() as tmp:
    journal = Path(tmp) / "journal.db"
    assert main(["import", "daylio", sys.argv[1], "--journal", str(journal)]) == 0
    with Journal(journal) as opened:
        moods = opened.moods()
    daily, rolling = daily_mood(moods), rolling_mood(moods, 7)
    print(len(moods), len(daily), f"{rolling.iloc[-1]:.2f}")
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
        moods = opened.moods()
    mark("read the moods back (Journal.moods, imports pandas)")
    from workbook.metrics import daily_mood, rolling_mood
    daily, rolling = daily_mood(moods), rolling_mood(moods, 7)
    mark("daily and 7-day means (imports workbook.metrics)")
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


def daylio(daylio_file: Path, out: Path, runs: int) -> tuple[Figure, list[str]]:
    """Our Daylio path against daylio-parser's; also what each printed (entries, days, last rolling mean)."""
    peer = peer_python(out)
    ours_command = [sys.executable, "-c", OURS, str(daylio_file)]
    peer_command = [str(peer), "-c", PEER, str(daylio_file)]
    printed = [
        "What each side does, each in a fresh Python process on the same file: "
        "**ours** runs `workbook import daylio FILE` into a new journal (parse, check every row, "
        "map mood names to 1-10, skip entries already there, store them all in one SQLite "
        "transaction), reads the moods back as a DataFrame and computes `metrics.daily_mood` and "
        "`metrics.rolling_mood(moods, 7)` (a 7-calendar-day window); **daylio-parser** runs "
        "`Parser().load_csv(FILE)` (one pydantic model per row, moods 1-5, nothing stored), then "
        "`Stats.average_moods()` and `Stats.rolling_mean(7)` (a window of 7 consecutive days "
        "that have entries). Both print the entry count, the day count and the last rolling mean.",
        "ours (entries, days, last 7-day mean on 1-10): " + _output(ours_command),
        "daylio-parser (entries, days, last 7-entry mean on 1-5): " + _output(peer_command),
        "daylio-parser version: " + _output([str(peer), "-c", VERSION]),
        "where our time goes (one untimed run, phase by phase): "
        + _output([sys.executable, "-c", PHASES, str(daylio_file)]),
    ]
    samples = interleaved(
        {
            "ours": lambda: timed(lambda: subprocess.run(ours_command, check=True, capture_output=True)),
            "peer": lambda: timed(lambda: subprocess.run(peer_command, check=True, capture_output=True)),
        },
        runs,
    )
    figure = Figure(
        SECTION,
        "Rebound: `workbook import daylio` + means",
        samples["ours"],
        samples["peer"],
        "daylio-parser, same file",
        Target("faster", 5),
    )
    return figure, printed


def _output(command: list[str]) -> str:
    """The last line ``command`` prints."""
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]

"""Starting up: ``import workbook`` against importing the modules it pulls in, each in a fresh process.

The floor imports exactly the non-workbook modules that ``import workbook``
loads (found in a first process, submodules such as ``json.decoder`` named in
full), so the ratio is what workbook's own code adds.  Both sides read compiled
bytecode when it is there (``make`` compiles workbook/ after installing).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

from harness import Figure, Target, interleaved, timed

SECTION = "Starting up"

_FIND_DEPENDENCIES = """
import sys
before = set(sys.modules)
import workbook
loaded = set(sys.modules) - before
# Private modules (_json, _sqlite3, ...) load with the public ones that need them.
names = [n for n in loaded if n.split(".")[0] != "workbook" and not any(p.startswith("_") for p in n.split("."))]
print(" ".join(sorted(names)))
"""


def dependencies() -> list[str]:
    """The public modules besides workbook's own that ``import workbook`` loads."""
    found = subprocess.run(
        [sys.executable, "-c", _FIND_DEPENDENCIES], check=True, capture_output=True, text=True
    )
    return found.stdout.split()


def run_python(code: str) -> float:
    """Seconds a fresh interpreter takes to run ``code``."""
    return timed(lambda: subprocess.run([sys.executable, "-c", code], check=True, capture_output=True))


def _runner(what: str | list[str]) -> Callable[[], float]:
    """Time a fresh interpreter running ``what``: code for ``-c``, or a whole command line."""
    if isinstance(what, str):
        return lambda: run_python(what)
    return lambda: timed(lambda: subprocess.run(what, check=True, capture_output=True))


def startup(runs: int) -> tuple[list[Figure], list[str]]:
    """``import workbook`` and ``workbook --version`` against their floors; also the modules imported."""
    modules = dependencies()
    floor_code = f"import {', '.join(modules)}" if modules else "pass"
    version = [sys.executable, "-m", "workbook", "--version"]
    pairs = {
        "import": {"workbook": "import workbook", "dependencies": floor_code},
        "version": {"version": version, "pass": "pass"},
        "pandas": {"pandas": "import pandas", "pass": "pass"},
    }
    run_python("import workbook")  # warm the file cache
    samples = {
        name: interleaved({case: _runner(what) for case, what in pair.items()}, runs)
        for name, pair in pairs.items()
    }
    figures = [
        Figure(
            SECTION,
            "`import workbook`",
            samples["import"]["workbook"],
            samples["import"]["dependencies"],
            "its dependencies alone",
            Target("ratio", 1.1),
        ),
        Figure(
            SECTION,
            "`workbook --version`",
            samples["version"]["version"],
            samples["version"]["pass"],
            "`python -c pass`",
        ),
        Figure(
            SECTION,
            "`import pandas` (for scale)",
            samples["pandas"]["pandas"],
            samples["pandas"]["pass"],
            "`python -c pass`",
        ),
    ]
    return figures, modules

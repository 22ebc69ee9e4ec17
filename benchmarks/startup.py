"""How much the `workbook` command and `import workbook` cost to start, against bare Python.

The command imports pandas, matplotlib and ipywidgets only when a subcommand needs
them; this keeps `workbook add mood` quick.  Prints medians and ratios.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 7


def median_seconds(command: list[str]) -> float:
    """Median wall time of ``command`` over RUNS runs (after one warm-up)."""
    subprocess.run(command, check=True, capture_output=True)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print each start-up against the bare interpreter."""
    baseline = median_seconds([sys.executable, "-c", "pass"])
    cases = {
        "import workbook": [sys.executable, "-c", "import workbook"],
        "workbook --version": [sys.executable, "-m", "workbook", "--version"],
        "import pandas (for scale)": [sys.executable, "-c", "import pandas"],
    }
    print(f"python -c pass: {baseline * 1000:.0f} ms (baseline)")
    for name, command in cases.items():
        seconds = median_seconds(command)
        print(f"{name}: {seconds * 1000:.0f} ms, {seconds / baseline:.1f}x baseline")


if __name__ == "__main__":
    main()

"""Run-all of every notebook on the large journal, each in a fresh kernel, and the kernel's peak memory.

A run-all is timed from asking for a kernel to the last cell's reply, as a
person waits for it.  The floor is a fresh kernel that imports pandas,
matplotlib and ipywidgets and draws one chart, run the same way in the same
rounds.  Peak memory is the kernel's VmHWM (peak resident set) read from
/proc just before it shuts down.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from harness import Figure, Target
from nbclient import NotebookClient

SECTION_RUN = "Notebook run-all on the large journal (fresh kernel)"
SECTION_MEMORY = "Kernel peak memory during run-all"
NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
FLOOR = "bare kernel"
FLOOR_CODE = """\
import io
import ipywidgets
import matplotlib
import pandas as pd
from IPython.display import Image, display
from matplotlib.figure import Figure

figure = Figure(figsize=(8, 4.5), dpi=100)
axes = figure.add_subplot()
axes.plot(range(3000), [n % 10 for n in range(3000)])
axes.set_title("One chart")
buffer = io.BytesIO()
figure.savefig(buffer, format="png", dpi=100)
display(Image(buffer.getvalue()))
"""


@dataclass
class Run:
    """One run-all: total seconds, kernel start seconds, seconds per cell, peak MB."""

    total: float
    kernel_start: float
    cells: list[tuple[str, float]] = field(default_factory=list)
    peak_mb: float = float("nan")


def floor_notebook() -> nbformat.NotebookNode:
    """The bare-kernel floor as a one-cell notebook."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(nbformat.v4.new_code_cell(FLOOR_CODE))
    return notebook


def run_all(notebook: nbformat.NotebookNode, env: dict[str, str]) -> Run:
    """Execute every cell in a fresh kernel; time it and read the kernel's peak memory."""
    client = NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    start = time.perf_counter()
    # The kernel's own warnings (plain TCP on localhost) are noise here.
    with client.setup_kernel(env=env, stderr=subprocess.DEVNULL):
        run = Run(total=0.0, kernel_start=time.perf_counter() - start)
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            began = time.perf_counter()
            client.execute_cell(cell, index)
            run.cells.append((_first_line(cell.source), time.perf_counter() - began))
        run.total = time.perf_counter() - start
        run.peak_mb = _peak_mb(client.km.provisioner.pid)
    return run


def _first_line(source: str) -> str:
    lines = [line for line in source.splitlines() if line.strip() and not line.startswith("#")]
    return lines[0][:60] if lines else "(empty)"


def _peak_mb(pid: int | None) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return float("nan")


def notebooks(journal_file: Path, work: Path, rounds: int) -> tuple[list[Figure], dict[str, list[Run]]]:
    """Run-all figures and peak-memory figures for every notebook; also every run, for the breakdown."""
    names = sorted(path.name for path in NOTEBOOKS.glob("*.ipynb"))
    runs: dict[str, list[Run]] = {name: [] for name in [FLOOR, *names]}
    for round_number in range(rounds):
        order = [FLOOR, *names]
        shift = round_number % len(order)
        for name in order[shift:] + order[:shift]:
            copy = work / f"notebook-{round_number}-{name}.db"
            shutil.copyfile(journal_file, copy)
            copy.chmod(0o600)  # the journal refuses a file others can read
            env = {**os.environ, "WORKBOOK_JOURNAL": str(copy), "PYTHONWARNINGS": "ignore"}
            source = floor_notebook() if name == FLOOR else nbformat.read(NOTEBOOKS / name, as_version=4)
            runs[name].append(run_all(source, env))
    floor_totals = [run.total for run in runs[FLOOR]]
    figures = [
        Figure(SECTION_RUN, name, [r.total for r in runs[name]], floor_totals, FLOOR, Target("ratio", 2))
        for name in names
    ]
    floor_peaks = [r.peak_mb for r in runs[FLOOR]]
    figures += [
        Figure(
            SECTION_MEMORY, name, [r.peak_mb for r in runs[name]], floor_peaks, FLOOR, Target("mb", 400), "MB"
        )
        for name in names
    ]
    return figures, runs


def breakdown(runs: dict[str, list[Run]]) -> list[str]:
    """Markdown: where each notebook's run-all time goes (medians over rounds)."""
    lines = ["| notebook | kernel start | slowest cells (median) |", "|---|---|---|"]
    for name, taken in runs.items():
        start = statistics.median(r.kernel_start for r in taken)
        cells = [
            (label, statistics.median(r.cells[i][1] for r in taken))
            for i, (label, _) in enumerate(taken[0].cells)
        ]
        if name == FLOOR:
            cells = [("(the one cell: imports, one chart)", seconds) for _, seconds in cells]
        top = sorted(cells, key=lambda item: -item[1])[:3]
        shown = "; ".join(f"`{label}` {seconds * 1000:.0f} ms" for label, seconds in top)
        lines.append(f"| {name} | {start * 1000:.0f} ms | {shown} |")
    return lines

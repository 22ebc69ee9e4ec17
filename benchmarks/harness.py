"""What every benchmark shares: interleaved timing, figures with floors and targets, the machine.

A figure is measured against its floor in the same run, the two taking turns,
so a busy machine slows both alike; the ratio of medians is what means the same
on any machine.
"""

from __future__ import annotations

import importlib.metadata
import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class Target:
    """What counts as fast enough: a kind and a number.

    Kinds: ``ms`` (our median at most this many ms), ``ratio`` (ours / floor at
    most this), ``faster`` (floor / ours at least this: the floor is a peer),
    ``mb`` (at most this many MB).
    """

    kind: str
    value: float

    def __str__(self) -> str:
        return {
            "ms": f"≤ {self.value:g} ms",
            "ratio": f"≤ {self.value:g}×",
            "faster": f"≥ {self.value:g}× faster",
            "mb": f"≤ {self.value:g} MB",
        }[self.kind]


@dataclass
class Figure:
    """One measured figure: our samples, its floor's samples, and an optional target."""

    section: str
    name: str
    ours: list[float]
    floor: list[float]
    floor_name: str
    target: Target | None = None
    unit: str = "s"
    show_p99: bool = False
    #: The floor is a peer doing the same job, so the ratio reads "N× faster" or "N× slower".
    peer: bool = False

    @property
    def median(self) -> float:
        """Median of our samples."""
        return statistics.median(self.ours)

    @property
    def floor_median(self) -> float:
        """Median of the floor's samples (NaN when there is no floor)."""
        return statistics.median(self.floor) if self.floor else float("nan")

    @property
    def ratio(self) -> float:
        """Ours / floor, medians."""
        return self.median / self.floor_median if self.floor else float("nan")

    @property
    def p99(self) -> float:
        """99th percentile of our samples."""
        return float(np.percentile(self.ours, 99))

    def met(self) -> bool | None:
        """Whether the target is met (None without a target)."""
        if self.target is None:
            return None
        value = self.target.value
        return {
            "ms": self.median * 1000 <= value,
            "ratio": self.ratio <= value,
            "faster": self.floor_median / self.median >= value,
            "mb": self.median <= value,
        }[self.target.kind]

    def shown(self, seconds: float) -> str:
        """A value in this figure's unit, for a person to read."""
        if self.unit == "MB":
            return f"{seconds:.0f} MB"
        if seconds < 0.01:
            return f"{seconds * 1000:.2f} ms"
        if seconds < 10:
            return f"{seconds * 1000:.0f} ms"
        return f"{seconds:.1f} s"

    def row(self) -> str:
        """This figure as a Markdown table row."""
        met = {None: "", True: "yes", False: "**no**"}[self.met()]
        p99 = self.shown(self.p99) if self.show_p99 else ""
        ratio = f"{self.ratio:.2f}×" if self.floor else ""
        if self.peer or (self.target is not None and self.target.kind == "faster"):
            speed = self.floor_median / self.median
            ratio = f"{speed:.2f}× faster" if speed >= 1 else f"{1 / speed:.2f}× slower"
        floor = f"{self.shown(self.floor_median)} ({self.floor_name})" if self.floor else self.floor_name
        target = str(self.target) if self.target else ""
        return f"| {self.name} | {self.shown(self.median)} | {p99} | {floor} | {ratio} | {target} | {met} |"


TABLE_HEAD = (
    "| figure | median | p99 | floor (median, what) | ratio | target | met |\n|---|---|---|---|---|---|---|"
)


def interleaved(cases: dict[str, Callable[[], float]], runs: int) -> dict[str, list[float]]:
    """Run each case ``runs`` times, taking turns (order rotated every round).

    Each case returns the seconds it measured itself, so set-up stays out of the figure.
    """
    names = list(cases)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(runs):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            samples[name].append(cases[name]())
    return samples


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def machine() -> list[str]:
    """Lines that describe this machine and the library versions."""
    versions = ", ".join(
        f"{name} {importlib.metadata.version(name)}"
        for name in ("numpy", "pandas", "matplotlib", "ipywidgets", "jupyter_client", "nbclient")
    )
    memory = _meminfo().get("MemTotal", 0) / 1024 / 1024
    return [
        f"- CPU: {os.cpu_count()} cores ({_cpu_model()}), shared with other work; load average at the start "
        f"{' / '.join(f'{x:.1f}' for x in os.getloadavg())}",
        f"- Memory: {memory:.1f} GB",
        f"- Python {platform.python_version()} on {platform.system()} {platform.release()}",
        f"- {versions}",
        f"- BLAS: {_blas()}; OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')} "
        "(OpenBLAS starts one thread per core on import; nothing measured here leans on BLAS)",
        f"- Bytecode: {_bytecode()}",
    ]


def _meminfo() -> dict[str, int]:
    try:
        lines = Path("/proc/meminfo").read_text().splitlines()
    except OSError:
        return {}
    return {line.split(":")[0]: int(line.split()[1]) for line in lines if line.split()[1:]}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown model"


def _blas() -> str:
    try:
        config = np.show_config(mode="dicts")
        blas = config["Build Dependencies"]["blas"]
        return f"{blas.get('name')} {blas.get('version', '')}".strip()
    except Exception:  # older numpy prints instead of returning
        return "unknown"


def _bytecode() -> str:
    import pandas

    import workbook

    def state(name: str, folder: Path) -> str:
        if any(folder.glob("__pycache__/*.pyc")):
            return f"{name} has compiled bytecode"
        return f"{name} has NO compiled bytecode (every process compiles it)"

    flag = (
        "PYTHONDONTWRITEBYTECODE set"
        if os.environ.get("PYTHONDONTWRITEBYTECODE")
        else "bytecode may be written"
    )
    packages = [
        state("pandas", Path(pandas.__file__).parent),
        state("workbook", Path(workbook.__file__).parent),
    ]
    return f"{'; '.join(packages)}; {flag}"

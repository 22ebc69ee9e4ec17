"""Run every benchmark and write benchmarks/RESULTS.md.

``make bench`` (or ``.venv/bin/python benchmarks/run.py``) generates the
10-year journal and Daylio export under benchmarks/out/, measures each figure
against its floor in the same run, and writes the results.  ``--quick`` runs a
2-year journal with fewer repeats and writes benchmarks/out/RESULTS-quick.md,
to check the harness itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import before  # noqa: E402
import generate  # noqa: E402
from harness import TABLE_HEAD, Figure, machine  # noqa: E402

#: Memory-backed storage: a save there costs no disk flush, which shows the CPU cost alone.
SHM = Path("/dev/shm")
SHM_NAME = " in memory (/dev/shm, no disk flush)"
SAVE_NOTE = (
    "A save on disk is mostly the disk flush, which both sides pay; the same save on memory-backed "
    "storage shows what the journal's own work (validation, link checks, read-back) adds."
)
READING = (
    "Reading the figures: a ratio compares two things measured in turns, so it holds up on a busy "
    "machine; a target in milliseconds does not, so check the load average above before reading one. "
    "Every process here compiles pandas and matplotlib from source when the venv holds no bytecode "
    "(see Bytecode above), which weighs on whole-process and notebook figures, floors included."
)
SECTIONS = ("writes", "startup", "analysis", "notebooks", "daylio")
#: Repeats per figure: (full run, quick run).
RUNS = {
    "saves": (1000, 200),
    "import": (7, 3),  # a bulk import swings most with load: more turns
    "startup": (41, 5),  # fresh processes of ~0.05 s swing most with load: more turns
    "analysis": (3, 2),
    # Two rounds could not tell 1.8× from 2.2× on a shared machine; an odd count has a true median.
    "notebooks": (5, 1),
    "daylio": (3, 2),
}


def main(argv: list[str] | None = None) -> None:
    """Generate the data, run the chosen benchmarks, write the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a 2-year journal and fewer repeats")
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"comma-separated, of: {', '.join(SECTIONS)}"
    )
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where generated files go")
    args = parser.parse_args(argv)
    chosen = args.only.split(",")
    pick = 1 if args.quick else 0
    years = 2 if args.quick else 10
    started = time.perf_counter()
    header = [
        f"- Run on {dt.datetime.now():%Y-%m-%d %H:%M}, {'quick' if args.quick else 'full'} run",
        *machine(),
    ]

    work = args.out / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    journal_file, daylio_file = args.out / f"journal-{years}y.db", args.out / f"daylio-{years}y.csv"
    for stale in args.out.glob(f"journal-{years}y.db*"):
        stale.unlink()
    history = generate.build_history(years, seed=14)
    counts = generate.write_journal(journal_file, history, seed=14)
    rows = generate.write_daylio(daylio_file, history)
    data = [
        f"- Journal ({years} years to {generate.END}): " + ", ".join(f"{n:,} {t}" for t, n in counts.items()),
        f"- Daylio export: {rows:,} rows, Daylio's default mood names exactly, no byte-order mark "
        "(daylio-parser reads only the exact default names and breaks on a byte-order mark)",
    ]

    sections: list[tuple[str, list[Figure], list[str]]] = []
    if "writes" in chosen:
        _say("writes")
        sections.append(_writes(journal_file, work, pick))
    if "startup" in chosen:
        _say("startup")
        import bench_startup

        figures, modules = bench_startup.startup(RUNS["startup"][pick])
        note = f"The floor imports what `import workbook` loads besides itself: {', '.join(modules)}."
        sections.append((bench_startup.SECTION, figures, [note]))
    if "analysis" in chosen:
        _say("analysis")
        import bench_analysis

        inputs = bench_analysis.frames(journal_file)
        bench_analysis.warm_up(inputs)
        metric_figures, skipped = bench_analysis.metric_figures(inputs, RUNS["analysis"][pick])
        metric_figures += bench_analysis.reads(journal_file, RUNS["analysis"][pick])
        chart_figures, skipped_charts = bench_analysis.chart_figures(inputs, RUNS["analysis"][pick])
        section_summaries, section_charts = bench_analysis.section_figures(
            journal_file, RUNS["analysis"][pick]
        )
        sections.append(
            (bench_analysis.SECTION_METRICS, metric_figures + section_summaries, _skipped(skipped))
        )
        sections.append(
            (bench_analysis.SECTION_CHARTS_TITLE, chart_figures + section_charts, _skipped(skipped_charts))
        )
    if "notebooks" in chosen:
        _say("notebooks")
        import bench_notebooks

        figures, runs = bench_notebooks.notebooks(journal_file, work, RUNS["notebooks"][pick])
        run_figures = [f for f in figures if f.section == bench_notebooks.SECTION_RUN]
        memory = [f for f in figures if f.section == bench_notebooks.SECTION_MEMORY]
        notes = ["Where the time goes:", "", *bench_notebooks.breakdown(runs)]
        sections.append((bench_notebooks.SECTION_RUN, run_figures, notes))
        sections.append((bench_notebooks.SECTION_MEMORY, memory, []))
    if "daylio" in chosen:
        _say("daylio")
        import bench_daylio

        figures, printed = bench_daylio.daylio(daylio_file, args.out, RUNS["daylio"][pick])
        sections.append((bench_daylio.SECTION, figures, [f"- {line}" for line in printed]))

    header.append(f"- Load average at the end: {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    target = args.out / "RESULTS-quick.md" if args.quick else HERE / "RESULTS.md"
    target.write_text(_markdown(header, data, sections, time.perf_counter() - started))
    print(f"Wrote {target}")


def _writes(journal_file: Path, work: Path, pick: int) -> tuple[str, list[Figure], list[str]]:
    """The writing section; a note instead of figures when bench_writes.py cannot load."""
    try:
        import bench_writes  # each section's module loads only when chosen
    except ImportError as error:
        # It names journal internals that others change; the other sections still run.
        return "Writing", [], [f"Not measured: benchmarks/bench_writes.py does not load ({error})."]
    saves = [bench_writes.mood_save(journal_file, work, RUNS["saves"][pick])]
    if SHM.is_dir():
        with tempfile.TemporaryDirectory(dir=SHM) as memory:
            saves.append(bench_writes.mood_save(journal_file, Path(memory), RUNS["saves"][pick], SHM_NAME))
    bulk = bench_writes.bulk_import(journal_file, work, RUNS["import"][pick])
    return bench_writes.SECTION, [*saves, bulk], [SAVE_NOTE]


def _say(section: str) -> None:
    print(f"benchmarking {section} ...", flush=True)


def _skipped(names: list[str]) -> list[str]:
    return [f"Not measured (an argument the harness cannot supply): {', '.join(names)}."] if names else []


def _markdown(
    header: list[str], data: list[str], sections: list[tuple[str, list[Figure], list[str]]], seconds: float
) -> str:
    figures = [f for _, section_figures, _ in sections for f in section_figures]
    targets = [f for f in figures if f.target is not None]
    met = sum(1 for f in targets if f.met())
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`.venv/bin/python benchmarks/run.py`). Each figure is a median of",
        "several runs, measured against its floor in the same run with the two taking turns; the ratio",
        "is ours / floor, which means the same on a slow machine and a fast one.",
        "",
        "## Machine",
        "",
        *header,
        "",
        "## Data",
        "",
        *data,
        "",
        f"**{met} of {len(targets)} targets met.** The whole run took {seconds / 60:.1f} minutes.",
        "",
        READING,
        "",
    ]
    compared = before.table(figures)
    if compared:
        lines += [f"## {before.SECTION}", "", before.NOTE, "", *compared, ""]
    for title, section_figures, notes in sections:
        lines += [f"## {title}", ""]
        if section_figures:
            lines += [TABLE_HEAD, *(f.row() for f in section_figures), ""]
        if notes:
            lines += [*notes, ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()

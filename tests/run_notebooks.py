"""Run every notebook under nbval: once on an empty journal, once on the sample journal.

The notebooks are committed without outputs, and nbval never compares a cell
that has none.  So for each run the notebooks are copied to a temporary folder
and every cell tagged ``nbval-check-output`` (in its metadata, so a person never
sees a test marker) is given its expected output from
``tests/notebook_outputs.json``; nbval then checks what those cells print, not
only that the notebooks run.  Each run has its own journal, home and config
folders, and never touches ``data/``.

    python tests/run_notebooks.py           # check (what `make test` runs)
    python tests/run_notebooks.py --record  # re-record the expected outputs after a deliberate change
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXPECTED = ROOT / "tests" / "notebook_outputs.json"
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"
#: The cell tag nbval reads as "compare this cell's output" (its NBVAL_CHECK_OUTPUT marker, as metadata).
CHECK_TAG = "nbval-check-output"
#: The forms of a rich output that are recorded and compared (images never are).
TEXT_FORMS = ("text/plain", "text/markdown", "text/html")
#: Each run: its name and the environment it adds.
MODES = {"empty": {}, "demo": {"WORKBOOK_DEMO": "1"}}
#: Its sitecustomize refuses every connection that is not loopback, in nbval and in each kernel.
NETGUARD = ROOT / "tests" / "netguard"


def environment(tmp: Path, extra: dict[str, str]) -> dict[str, str]:
    """A private journal, home and config folders for one run."""
    env = dict(os.environ)
    env.pop("WORKBOOK_DEMO", None)
    env.update(
        WORKBOOK_JOURNAL=str(tmp / "data" / "journal.db"),
        HOME=str(tmp / "home"),
        MPLCONFIGDIR=str(tmp / "mpl"),
        JUPYTER_CONFIG_DIR=str(tmp / "jupyter-config"),
        IPYTHONDIR=str(tmp / "ipython"),
        MPLBACKEND="agg",
        PYTHONPATH=os.pathsep.join(filter(None, [str(NETGUARD), os.environ.get("PYTHONPATH", "")])),
    )
    env.update(extra)
    return env


def marked(cell: nbformat.NotebookNode) -> bool:
    """Whether nbval should compare this cell's output."""
    return cell.cell_type == "code" and CHECK_TAG in cell.metadata.get("tags", [])


def recording(outputs: list) -> str | list[dict]:
    """What a checked cell showed, as stored: its printed text, or its rich outputs' text forms.

    A cell that only prints is stored as that text; one that displays (Markdown,
    HTML) keeps each output's text forms, never images, which nbval skips anyway.
    """
    if all(o.output_type == "stream" for o in outputs):
        return "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout")
    kept = []
    for output in outputs:
        if output.output_type == "stream":
            kept.append({"output_type": "stream", "name": output.name, "text": output.text})
        elif output.output_type in ("display_data", "execute_result"):
            data = {k: v for k, v in output.data.items() if k in TEXT_FORMS}
            kept.append({"output_type": "display_data", "data": data, "metadata": {}})
    return kept


def expected_outputs(recorded: str | list[dict]) -> list:
    """The outputs nbval compares a checked cell with, from their recording."""
    if isinstance(recorded, str):
        return [nbformat.v4.new_output("stream", name="stdout", text=recorded)]
    return [nbformat.from_dict(output) for output in recorded]


def prepare(mode: str, expected: dict, folder: Path) -> list[str]:
    """Copy the notebooks into ``folder`` with expected outputs; return what has no recording."""
    missing = []
    folder.mkdir(parents=True)
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        recorded = expected.get(mode, {}).get(path.name, {})
        for cell in filter(marked, notebook.cells):
            if cell.id not in recorded:
                missing.append(f"{path.name} cell {cell.id}")
                continue
            cell.outputs = expected_outputs(recorded[cell.id])
            cell.execution_count = 1
        nbformat.write(notebook, folder / path.name)
    return missing


def check(mode: str, expected: dict) -> int:
    """Run nbval over the prepared copies; return pytest's exit code."""
    with tempfile.TemporaryDirectory(prefix=f"rebound-nbval-{mode}-") as tmp:
        folder = Path(tmp) / "notebooks"
        missing = prepare(mode, expected, folder)
        if missing:
            print(f"No expected output recorded for: {', '.join(missing)}; run {sys.argv[0]} --record")
            return 1
        print(f"--- notebooks on the {mode} journal ---", flush=True)
        command = [
            sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env",
            "--nbval-sanitize-with", str(SANITIZE), "-p", "no:cacheprovider", "--rootdir", str(folder), str(folder),
        ]  # fmt: skip
        return subprocess.call(command, env=environment(Path(tmp), MODES[mode]), cwd=folder)


def record() -> None:
    """Execute every notebook in each mode and store what the marked cells print."""
    from nbclient import NotebookClient

    expected: dict[str, dict[str, dict[str, str | list[dict]]]] = {}
    for mode, extra in MODES.items():
        with tempfile.TemporaryDirectory(prefix=f"rebound-record-{mode}-") as tmp:
            env = environment(Path(tmp), extra)
            saved = {k: os.environ.get(k) for k in env}
            os.environ.update(env)
            try:
                for path in sorted(NOTEBOOKS.glob("*.ipynb")):
                    notebook = nbformat.read(path, as_version=4)
                    NotebookClient(
                        notebook, kernel_name="python3", resources={"metadata": {"path": tmp}}
                    ).execute()
                    expected.setdefault(mode, {})[path.name] = {
                        cell.id: recording(cell.outputs) for cell in filter(marked, notebook.cells)
                    }
            finally:
                for key, value in saved.items():
                    if value is None:
                        os.environ.pop(key, None)
                    else:
                        os.environ[key] = value
    EXPECTED.write_text(json.dumps(expected, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"Recorded expected outputs in {EXPECTED}")


def main(argv: list[str]) -> int:
    """Check the notebooks in every mode, or record their outputs with --record."""
    if "--record" in argv:
        record()
        return 0
    expected = json.loads(EXPECTED.read_text())
    codes = [check(mode, expected) for mode in MODES]
    return max(codes)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

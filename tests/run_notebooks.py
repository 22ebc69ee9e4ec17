"""Run every notebook under nbval, each time against a fresh journal.

The notebooks write to the journal, so each run gets its own temporary file
(and its own Jupyter and matplotlib folders) and never touches data/journal.db.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(label: str, extra_env: dict[str, str]) -> int:
    """Run nbval over notebooks/ with a fresh journal and home; return pytest's exit code."""
    with tempfile.TemporaryDirectory(prefix="rebound-nbval-") as tmp:
        env = dict(os.environ)
        env.update(
            WORKBOOK_JOURNAL=str(Path(tmp) / "journal.db"),
            HOME=tmp,
            MPLCONFIGDIR=str(Path(tmp) / "mpl"),
            JUPYTER_CONFIG_DIR=str(Path(tmp) / "jupyter-config"),
        )
        env.update(extra_env)
        print(f"--- notebooks, {label} ---", flush=True)
        command = [sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "-p", "no:cacheprovider"]
        sanitize = ROOT / "tests" / "nbval_sanitize.cfg"
        if sanitize.exists():
            command += ["--sanitize-with", str(sanitize)]
        return subprocess.call([*command, str(ROOT / "notebooks")], env=env, cwd=ROOT)


def main() -> int:
    """Run the notebooks against an empty journal; return non-zero if any run failed."""
    return run("empty journal", {})


if __name__ == "__main__":
    sys.exit(main())

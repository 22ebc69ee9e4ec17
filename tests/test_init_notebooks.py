"""The notebooks of a built workbook folder run under nbval, on their own folder's empty journal.

As ``tests/run_notebooks.py`` does for the repository: ``pytest --nbval-lax`` with
a real kernel, a private home and config, and the network guard.  No
``WORKBOOK_JOURNAL`` is set: the notebooks, run from ``DIR/notebooks``, find
``DIR/workbook.toml`` and open ``DIR/data/journal.db``.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import yaml

from workbook.folder import create_folder
from workbook.template import DEFAULT_TEMPLATE

ROOT = Path(__file__).resolve().parent.parent
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"
NETGUARD = ROOT / "tests" / "netguard"


def kernel_env(scratch: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("WORKBOOK_JOURNAL", "WORKBOOK_DEMO")}
    env.update(
        HOME=str(scratch / "home"),
        MPLCONFIGDIR=str(scratch / "mpl"),
        JUPYTER_CONFIG_DIR=str(scratch / "jupyter-config"),
        IPYTHONDIR=str(scratch / "ipython"),
        MPLBACKEND="agg",
        PYTHONPATH=os.pathsep.join(
            filter(None, [str(NETGUARD), str(ROOT), os.environ.get("PYTHONPATH", "")])
        ),
    )
    return env


def test_a_coachs_workbook_runs_under_nbval_on_its_own_empty_journal(tmp_path: Path) -> None:
    data = yaml.safe_load(DEFAULT_TEMPLATE.read_text(encoding="utf-8"))
    data["title"] = "Bounce Forward"
    data["coach"] = {"name": "Sam Okafor", "contact": "sam@careers.example.org"}
    data["notebooks"] = [
        "00_start_here",
        "01_before_the_call",
        "03_after_the_call",
        "06_resilience_over_time",
    ]
    template = tmp_path / "coach.yaml"
    template.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    folder = create_folder(tmp_path / "client", template)
    notebooks = folder / "notebooks"

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "--nbval-sanitize-with",
         str(SANITIZE), "-p", "no:cacheprovider", "-q", "--rootdir", str(notebooks), str(notebooks)],
        cwd=notebooks, env=kernel_env(tmp_path), capture_output=True, text=True, timeout=900,
    )  # fmt: skip

    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    summary = result.stdout.strip().splitlines()[-1]
    assert " passed" in summary and "failed" not in summary and "error" not in summary, summary
    journal = folder / "data" / "journal.db"
    assert journal.is_file() and stat.S_IMODE(journal.stat().st_mode) == 0o600


def test_the_graduates_workbook_runs_under_nbval_on_the_sample_journal(tmp_path: Path) -> None:
    """The shipped example template, every notebook it includes, on a journal with something in every chart."""
    folder = create_folder(tmp_path / "graduate", DEFAULT_TEMPLATE.with_name("graduates.yaml"))
    notebooks = folder / "notebooks"
    env = {**kernel_env(tmp_path), "WORKBOOK_DEMO": "1"}

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "--nbval-sanitize-with",
         str(SANITIZE), "-p", "no:cacheprovider", "-q", "--rootdir", str(notebooks), str(notebooks)],
        cwd=notebooks, env=env, capture_output=True, text=True, timeout=1200,
    )  # fmt: skip

    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    summary = result.stdout.strip().splitlines()[-1]
    assert " passed" in summary and "failed" not in summary and "error" not in summary, summary
    assert (folder / "data" / "demo.db").is_file() and not (folder / "data" / "journal.db").exists()

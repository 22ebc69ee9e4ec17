"""The users' server command: build ``~/workbook`` on first start, then run jupyterhub-singleuser.

Runs as the person, so everything it makes is theirs.  It runs
``workbook init ~/workbook`` when that command exists; until it does, it lays
the folder out the same way: ``workbook.toml`` and the notebooks from the
repository named by ``REBOUND_HUB_REPO``; the journal's ``data/`` folder is
left for the first open to create (0700).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def build_workbook(folder: Path, repo: Path) -> None:
    """``workbook init FOLDER``, or the same layout by hand when this version has no ``init``."""
    made = subprocess.run(
        [sys.executable, "-m", "workbook", "init", str(folder)], capture_output=True, text=True
    )
    if made.returncode == 0:
        return
    if "invalid choice" not in made.stderr:
        sys.exit(f"workbook init failed: {made.stderr.strip()}")
    (folder / "notebooks").mkdir(parents=True)
    shutil.copy(repo / "workbook.toml", folder / "workbook.toml")
    for notebook in sorted((repo / "notebooks").glob("*.ipynb")):
        shutil.copy(notebook, folder / "notebooks" / notebook.name)


def main() -> None:
    """Build the workbook if missing, then become the single-user server with this command's arguments."""
    folder = Path.home() / "workbook"
    if not folder.exists():
        build_workbook(folder, Path(os.environ["REBOUND_HUB_REPO"]))
    os.execv(sys.executable, [sys.executable, "-m", "jupyterhub.singleuser", *sys.argv[1:]])


if __name__ == "__main__":
    main()

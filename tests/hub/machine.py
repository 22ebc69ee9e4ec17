"""What the hub test needs from the machine: system users made for the test, and a Python they can run.

Users are named ``rbt-<hex>``, created with ``useradd -m`` and removed with
``userdel -r`` only after checking that the name still belongs to the uid the
test created, with every process of that uid killed first.

The project's virtual environment usually points at an interpreter under
``/root`` (pyenv), which other users cannot reach.  :func:`user_environment`
builds a small environment on an interpreter of the same Python version that
everyone can run (Debian's ``/usr/bin/python3.11``) and lets it see the
project environment's packages through a ``.pth`` file, so the test users run
exactly the installed versions without anything being downloaded.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

PREFIX = "rbt-"


@dataclass(frozen=True)
class SystemUser:
    """A login made for the test: its name, uid and home folder."""

    name: str
    uid: int
    home: Path


def cannot_create_users() -> str | None:
    """Why this machine cannot make test users (None when it can)."""
    if os.geteuid() != 0:
        return "the hub test creates system users and runs a server as each: it must run as root"
    for tool in ("useradd", "userdel", "runuser"):
        if shutil.which(tool) is None:
            return f"the hub test needs `{tool}` to create and remove its system users"
    return None


def missing_hub_parts() -> str | None:
    """Why JupyterHub cannot start here (None when it can)."""
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        return "jupyterhub is not installed in this environment (pip install jupyterhub)"
    if shutil.which("configurable-http-proxy") is None:
        return "configurable-http-proxy is missing (npm install -g configurable-http-proxy)"
    return None


def create_user() -> SystemUser:
    """A new system user ``rbt-<hex>`` with a home folder made the way useradd makes it."""
    name = PREFIX + secrets.token_hex(4)
    subprocess.run(["useradd", "--create-home", "--shell", "/bin/sh", name], check=True, capture_output=True)
    entry = pwd.getpwnam(name)
    return SystemUser(name, entry.pw_uid, Path(entry.pw_dir))


def kill_processes_of(uids: set[int]) -> None:
    """Kill every process running as one of ``uids`` (the test users' servers and kernels), and wait for them."""
    victims = [p for p in psutil.process_iter(["uids"]) if p.info["uids"] and p.info["uids"].real in uids]
    for process in victims:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    deadline = time.monotonic() + 10
    while any(_alive(process) for process in victims) and time.monotonic() < deadline:
        time.sleep(0.1)


def _alive(process: psutil.Process) -> bool:
    """Still running (a killed server is a zombie until the hub, its parent, reaps it: that counts as gone)."""
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def remove_user(user: SystemUser) -> None:
    """Kill the user's processes, then ``userdel -r`` it, if its name still belongs to the uid we made."""
    kill_processes_of({user.uid})
    try:
        owner = pwd.getpwuid(user.uid).pw_name
    except KeyError:
        return
    if owner != user.name:
        return
    for _ in range(3):
        done = subprocess.run(["userdel", "--remove", user.name], capture_output=True, text=True)
        if done.returncode in (0, 6):  # 6: no such user any more
            return
        kill_processes_of({user.uid})  # "user is currently used by process N": one was still starting
        time.sleep(0.5)
    raise RuntimeError(f"userdel {user.name} (uid {user.uid}) failed: {done.stderr.strip()}")


def run_as(user: SystemUser, command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run ``command`` as ``user`` in its home, with a login's HOME and USER."""
    return subprocess.run(
        ["runuser", "-u", user.name, "--", "env", f"HOME={user.home}", f"USER={user.name}", *command],
        cwd=user.home,
        capture_output=True,
        text=True,
        **kwargs,  # type: ignore[arg-type]
    )


def _everyone_can_run(path: Path) -> bool:
    """Whether a user other than the owner can reach and execute ``path`` (every folder above it searchable)."""
    real = Path(os.path.realpath(path))
    if not real.is_file() or not real.stat().st_mode & stat.S_IXOTH:
        return False
    return all(folder.stat().st_mode & stat.S_IXOTH for folder in real.parents)


def _everyone_can_reach(folder: Path) -> bool:
    return all(part.stat().st_mode & stat.S_IXOTH for part in (folder, *folder.parents))


def shared_interpreter() -> Path | None:
    """A Python of this version that every user can run: this one if reachable, else a system one."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [Path(sys._base_executable), Path("/usr/bin") / version, Path("/usr/local/bin") / version]
    found = shutil.which(version)
    if found:
        candidates.append(Path(found))
    return next((c for c in candidates if _everyone_can_run(c)), None)


def project_packages() -> Path:
    """The project environment's site-packages (where jupyter_server, voila, pandas are installed)."""
    return Path(sysconfig.get_paths()["purelib"])


def user_environment(target: Path) -> Path:
    """Build at ``target`` an environment every user can run, seeing the project's packages; return its python.

    Jupyter looks for kernels, Voila's templates and server extensions under
    ``sys.prefix``: ``share`` and ``etc`` link to the project environment's.
    """
    interpreter = shared_interpreter()
    if interpreter is None:
        raise RuntimeError(
            f"no python{sys.version_info.major}.{sys.version_info.minor} that other users can run"
        )
    packages = project_packages()
    private = not _everyone_can_reach(packages)
    if private:
        # A project environment in a private folder: copy its packages where the users can read them.
        copied = target.parent / "site-packages"
        shutil.copytree(packages, copied, symlinks=True, ignore=shutil.ignore_patterns("__editable__*"))
        packages = copied
    subprocess.run(
        [str(interpreter), "-m", "venv", "--without-pip", str(target)], check=True, capture_output=True
    )
    python = target / "bin" / "python"
    own_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(own_packages) / "rebound-project-packages.pth").write_text(
        f"import site; site.addsitedir({str(packages)!r})\n"
    )
    for folder in ("share", "etc"):
        if (Path(sys.prefix) / folder).is_dir():
            if private:
                shutil.copytree(Path(sys.prefix) / folder, target / folder, symlinks=True)
            else:
                (target / folder).symlink_to(Path(sys.prefix) / folder)
    target.chmod(0o755)
    return python


def stop_process_group(process: subprocess.Popen[bytes], timeout: float = 20) -> None:
    """Stop a process started in its own session: SIGTERM to its group, then SIGKILL what is left."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def stop_pid(pid: int) -> None:
    """Stop one process by its id, if it is still running."""
    try:
        process = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except psutil.TimeoutExpired:
        process.kill()

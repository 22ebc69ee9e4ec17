"""Network guard for every Python process the test suite starts: loopback only.

``tests/conftest.py`` and ``tests/run_notebooks.py`` put this folder first on
``PYTHONPATH``, so CLI subprocesses, Jupyter and Voila servers and their
kernels all import it at start-up.  It wraps ``socket.socket.connect``,
``connect_ex`` and ``sendto`` and refuses any internet address that is not
loopback *before* the real call, so no packet ever leaves the machine.
Unix sockets and loopback (127.0.0.0/8, ::1, ``localhost``) work as before.
Host names other than ``localhost`` are refused without being looked up.

It guards Python code only; C libraries that open sockets themselves
(libzmq for kernels) are not covered, and kernels only ever talk to loopback.
"""

from __future__ import annotations

import errno
import ipaddress
import socket

_INTERNET = (socket.AF_INET, socket.AF_INET6)
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")


class NetworkRefused(PermissionError):
    """A test process tried to reach an address other than loopback."""


def _is_loopback(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) and address else address
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _refusal(address: object) -> NetworkRefused:
    return NetworkRefused(errno.EACCES, f"network guard: tests may only connect to loopback, not {address!r}")


def _guard(original, *, returns_code: bool = False):  # noqa: ANN001, ANN202
    def guarded(self: socket.socket, *args: object) -> object:
        # connect(address) / connect_ex(address) / sendto(data[, flags], address)
        address = args[-1]
        if self.family in _INTERNET and not _is_loopback(address):
            if returns_code:
                return errno.EACCES
            raise _refusal(address)
        return original(self, *args)

    guarded.__name__ = original.__name__
    guarded.__doc__ = original.__doc__
    guarded.__wrapped__ = original  # type: ignore[attr-defined]
    return guarded


if not getattr(socket.socket.connect, "__rebound_netguard__", False):
    socket.socket.connect = _guard(socket.socket.connect)  # type: ignore[method-assign]
    socket.socket.connect.__rebound_netguard__ = True  # type: ignore[attr-defined]
    socket.socket.connect_ex = _guard(socket.socket.connect_ex, returns_code=True)  # type: ignore[method-assign]
    socket.socket.sendto = _guard(socket.socket.sendto)  # type: ignore[method-assign]

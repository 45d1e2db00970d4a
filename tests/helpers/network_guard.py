"""A guard that fails every socket connection leaving loopback (or reaching a port not allowed).

An audit hook on ``socket.connect`` and ``socket.getaddrinfo``; shared by the security and the
feed tests, which run CLI commands in this process and must prove they reach no other host.
Local IPC (AF_UNIX) is allowed.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager

#: None: guard off; else the loopback ports that may be reached.
_ALLOWED: list[set[int] | None] = [None]
VIOLATIONS: list[str] = []


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return host == "localhost"


def _hook(event: str, args: tuple) -> None:
    allowed = _ALLOWED[0]
    if allowed is None:
        return
    if event == "socket.connect":
        sock, address = args
        if sock.family == socket.AF_UNIX:
            return
        host, port = address[0], address[1]
    elif event == "socket.getaddrinfo":
        host, port = args[0], args[1]
        if isinstance(host, bytes):
            host = host.decode()
        if host is None or _is_loopback(str(host)):
            return  # resolving loopback is harmless; connect() is checked
        port = port or 0
    else:
        return
    if _is_loopback(str(host)) and int(port or 0) in allowed:
        return
    VIOLATIONS.append(f"{event} {host}:{port}")
    raise ConnectionRefusedError(f"network guard: {event} to {host}:{port} refused")


sys.addaudithook(_hook)  # audit hooks cannot be removed; it does nothing while the guard is off


@contextmanager
def network_guard(*ports: int) -> Iterator[list[str]]:
    VIOLATIONS.clear()
    _ALLOWED[0] = set(ports)
    try:
        yield VIOLATIONS
    finally:
        _ALLOWED[0] = None

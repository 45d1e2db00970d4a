"""A loopback TCP listener that counts connections (the target an SSRF would reach)."""

from __future__ import annotations

import socket
import threading
import time

#: What :meth:`CountingListener.sync` sends on its marker connection.
_SYNC = b"kg-counting-listener-sync"


class CountingListener:
    """Accepts on 127.0.0.1:<free port>, counts every connection, answers HTTP 500 and closes."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.port: int = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self._accepted = 0
        self._syncs = 0  # marker connections made by sync(), not counted as connections
        self._synced = threading.Condition()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True, name="counting-listener")
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self._accepted += 1
            try:
                conn.settimeout(0.5)
                if conn.recv(65536) == _SYNC:
                    with self._synced:
                        self._syncs += 1
                        self._synced.notify_all()
                    continue
                conn.sendall(b"HTTP/1.1 500 no\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            except OSError:
                pass
            finally:
                conn.close()

    @property
    def connections(self) -> int:
        """Connections accepted so far (sync() markers excluded)."""
        return self._accepted - self._syncs

    def settle(self, seconds: float = 0.3) -> int:
        """Connections seen after a short wait (a late connect still gets counted)."""
        time.sleep(seconds)
        return self.connections

    def sync(self, timeout: float = 10.0) -> int:
        """Connections seen once every connection made before this call has been counted.

        Why not a sleep: connections are accepted one at a time in arrival order, so when a
        marker connection sent now has been accepted, each earlier one has been too; the
        wait is as long as that takes, not a guessed delay.  (A connection something starts
        later, asynchronously, is not waited for: use :meth:`settle` for those.)
        """
        with self._synced:
            goal = self._syncs + 1
            with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as marker:
                marker.sendall(_SYNC)
            if not self._synced.wait_for(lambda: self._syncs >= goal, timeout):
                raise TimeoutError("the listener did not accept the sync marker")
        return self.connections

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()

    def __enter__(self) -> CountingListener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

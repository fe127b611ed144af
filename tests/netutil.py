"""Loopback helpers for the tests that start a server of their own."""

from __future__ import annotations

import socket
import time


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, seconds: float, alive: object = None) -> None:
    """Until something listens on 127.0.0.1:`port`; `alive()` returning False stops early."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if alive is not None and not alive():  # type: ignore[operator]
            raise AssertionError("the server stopped before it listened")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")

"""A real PostgreSQL server for the store's tests, started by the tests on loopback in a
temporary folder and stopped after them (Debian's postgresql package; `.ci/run` installs it)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from netutil import free_port, wait_for_port


def binaries() -> Path | None:
    """The newest installed server's bin folder, or None."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4])
    )
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    return Path(which).parent if which else None


def _as_server_user(cmd: list[str]) -> list[str]:
    # The server refuses to run as root: run it as the package's `postgres` user then.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@contextmanager
def postgres() -> Iterator[str]:
    """Start a throw-away server; yields its SQLAlchemy URL. Its folder is a fresh one under
    the system's temporary folder (pytest's own is private to root, which the server user
    cannot enter), removed afterwards."""
    bindir = binaries()
    assert bindir is not None
    tmp = Path(tempfile.mkdtemp(prefix="cchc-pg-"))
    data, sock = tmp / "pgdata", tmp / "pgsock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres")
        shutil.chown(sock, "postgres")
    subprocess.run(
        _as_server_user([str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "cchc"]),
        check=True,
        capture_output=True,
    )
    port = free_port()
    options = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(tmp / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        wait_for_port(port, 30)
        yield f"postgresql+psycopg://cchc@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(tmp, ignore_errors=True)

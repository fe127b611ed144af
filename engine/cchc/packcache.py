"""A disk cache of what is built from data files (the parsed, validated rule packs), so that a
start of `cchc-check` does not read and validate every YAML file again.

An entry is keyed by a hash of the program version, the Python version, the source of the
modules that define the cached objects, and the bytes of every file it was built from: any
change to one of them gives another key. The cache is never required: a missing, read-only or
unusable folder means no cache, and an entry that cannot be read back is ignored and rebuilt.

The folder is `$CCHC_CACHE_DIR`, else `$XDG_CACHE_HOME/cchc`, else `~/.cache/cchc`;
`CCHC_CACHE_DIR=` (empty) turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from cchc import __version__

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder (not necessarily existing), or None when the cache is off."""
    explicit = os.environ.get("CCHC_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cchc"


def cache_key(kind: str, files: Iterable[Path], code: Iterable[Path]) -> str | None:
    """The key of an entry, or None when a file cannot be read (the builder then reports it)."""
    h = hashlib.sha256()
    h.update(f"{kind}\0{__version__}\0{sys.version}\0".encode())
    try:
        for path in (*code, *files):
            data = Path(path).read_bytes()
            h.update(f"{Path(path).name}\0{len(data)}\0".encode())
            h.update(data)
    except OSError:
        return None
    return h.hexdigest()


def cached(
    kind: str,
    files: list[Path],
    code: list[Path],
    build: Callable[[], T],
    valid: Callable[[object], bool],
) -> T:
    """`build()`, or its result kept from an earlier call on the same files and code.

    `valid` vets an entry read back (a wrong one is rebuilt); errors raised by `build` are not
    cached and pass through.
    """
    folder = cache_dir()
    key = cache_key(kind, files, code) if folder is not None else None
    if folder is None or key is None:
        return build()
    entry = folder / f"{kind}-{key[:40]}.pickle"
    try:
        with entry.open("rb") as fh:
            value = pickle.load(fh)
        if valid(value):
            return value  # type: ignore[no-any-return]
    except Exception:  # absent, unreadable or corrupt: rebuild
        pass
    value = build()
    _store(folder, entry, value)
    return value


def _store(folder: Path, entry: Path, value: object) -> None:
    """Write an entry atomically (a reader never sees half of one); any failure is ignored."""
    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
        tmp = None
    except Exception:  # read-only folder, full disk, unpicklable: no cache
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

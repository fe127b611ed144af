"""The journal of a batch: one JSON line per checked file, appended as each file is done.

It is what makes a batch resumable and its memory flat: results are never held in memory,
they are written here, and the summary outputs are produced at the end by reading it back.
Each record is written with one `write` as soon as its file is done, so a killed process
(SIGKILL, Ctrl-C) loses nothing that was written: the kernel holds it. `fsync`, which only
matters if the machine itself goes down, costs ~4 ms here, more than checking a plan; so it is
grouped: at most `sync_interval` seconds of records can be lost in a power cut, and those
files are simply checked again on resume. The first line records the options of the run;
`--resume` refuses a journal written with other options. Each record also names what it was
computed from (the file's content and the rules, `cchc.batch.signature`): a record whose file
or rules changed since is not reused. A line cut short by a kill (SIGKILL, power loss) is
dropped on resume, and its file is checked again.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from cchc.batch.atomic import PART_SUFFIX

JOURNAL_NAME = ".journal.jsonl"
FORMAT = 1


class JournalMismatch(Exception):
    """The journal was written by a run with other options (named in `what`)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class JournalLocked(Exception):
    """Another run is writing to the same output folder."""


def lock_folder(folder: Path) -> int:
    """Take the output folder for this run (released when the returned fd is closed).

    Taken before anything in the folder is touched: a second run is refused while the first
    one's temporary files and journal are still in use.
    """
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise JournalLocked(str(folder)) from None
    return fd


class Journal:
    sync_interval = 0.5  # seconds between fsyncs of the journal; 0: after every record

    def __init__(
        self,
        path: Path,
        fd: int,
        index: dict[str, int],
        sources: dict[str, tuple[Any, Any]] | None = None,
    ) -> None:
        self.path = path
        self._fd = fd
        self._index = index  # file key → byte offset of its line
        self._sources = sources or {}  # file key → (file signature, rules key) of its record
        self._reader: Any = None
        self._synced = time.monotonic()
        self._dirty = False

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def start(cls, path: Path, fingerprint: dict[str, Any]) -> Journal:
        """A new, empty journal (an old one is replaced)."""
        fd = cls._open_locked(path)
        os.ftruncate(fd, 0)
        header = orjson.dumps({"journal": FORMAT, "options": fingerprint}) + b"\n"
        _write_all(fd, header)
        os.fsync(fd)
        return cls(path, fd, {})

    @classmethod
    def resume(cls, path: Path, fingerprint: dict[str, Any]) -> Journal:
        """Reopen a journal to continue it; a missing or empty one starts afresh."""
        if not path.exists() or path.stat().st_size == 0:
            return cls.start(path, fingerprint)
        fd = cls._open_locked(path)
        try:
            index, sources, good_end = _scan(path, fingerprint)
        except BaseException:
            os.close(fd)
            raise
        if good_end < os.fstat(fd).st_size:
            os.ftruncate(fd, good_end)  # drop a line cut short by a kill
            os.fsync(fd)
        return cls(path, fd, index, sources)

    @staticmethod
    def _open_locked(path: Path) -> int:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise JournalLocked(str(path)) from None
        return fd

    # --- writing ---------------------------------------------------------------------------

    def append(self, key: str, line: bytes) -> None:
        """Add one file's record: written at once, fsync'd at least every `sync_interval`."""
        offset = os.lseek(self._fd, 0, os.SEEK_END)
        _write_all(self._fd, line + b"\n")
        self._index[key] = offset
        self._sources.pop(key, None)  # a record of this run: not compared again
        self._dirty = True
        if time.monotonic() - self._synced >= self.sync_interval:
            self.sync()

    def sync(self) -> None:
        if self._dirty:
            os.fsync(self._fd)
            self._dirty = False
        self._synced = time.monotonic()

    # --- reading ---------------------------------------------------------------------------

    def __contains__(self, key: str) -> bool:
        return key in self._index

    def current(self, key: str, source: Any, rules: Any) -> bool:
        """Whether the record of `key` was computed from this file content and these rules
        (a record without a file signature, e.g. an unreadable file's, never is)."""
        if key not in self._index:
            return False
        old_source, old_rules = self._sources.get(key, (None, None))
        return old_source is not None and old_source == source and old_rules == rules

    def __len__(self) -> int:
        return len(self._index)

    def read(self, key: str) -> dict[str, Any]:
        if self._reader is None:
            self._reader = self.path.open("rb")
        self._reader.seek(self._index[key])
        return orjson.loads(self._reader.readline())

    def records(self, keys: list[str]) -> Iterator[dict[str, Any]]:
        """The records of `keys`, in that order (one line in memory at a time)."""
        for key in keys:
            yield self.read(key)

    def keep_only(self, keys: set[str]) -> None:
        """Rewrite the journal with the records of `keys` alone (those a resume reuses), so
        that it holds every file once: stale records of edited or removed files are dropped.
        The new journal replaces the old one in one rename: a kill leaves one or the other."""
        if set(self._index) == keys and len(self._sources) == len(keys):
            return
        tmp = self.path.with_name(f".{self.path.name}.compact{PART_SUFFIX}")
        with open(self.path, "rb") as src, open(tmp, "wb") as dst:
            dst.write(src.readline())  # the header
            index: dict[str, int] = {}
            for key in sorted(keys, key=lambda k: self._index[k]):
                src.seek(self._index[key])
                index[key] = dst.tell()
                dst.write(src.readline())
            dst.flush()
            os.fsync(dst.fileno())
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        os.replace(tmp, self.path)
        os.close(self._fd)
        self._fd = self._open_locked(self.path)
        self._index = index
        self._sources = {k: v for k, v in self._sources.items() if k in keys}

    def close(self) -> None:
        self.sync()
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        os.close(self._fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _scan(
    path: Path, fingerprint: dict[str, Any]
) -> tuple[dict[str, int], dict[str, tuple[Any, Any]], int]:
    """Index the complete lines of a journal; check that its options match."""
    index: dict[str, int] = {}
    sources: dict[str, tuple[Any, Any]] = {}
    with path.open("rb") as fh:
        header = fh.readline()
        try:
            head = orjson.loads(header)
        except orjson.JSONDecodeError:
            raise JournalMismatch("journal") from None
        if head.get("journal") != FORMAT:
            raise JournalMismatch("journal")
        old = head.get("options", {})
        changed = sorted(k for k in set(old) | set(fingerprint) if old.get(k) != fingerprint.get(k))
        if changed:
            raise JournalMismatch(", ".join(changed))
        good_end = fh.tell()
        while True:
            offset = fh.tell()
            line = fh.readline()
            if not line.endswith(b"\n"):
                break  # end of file, or a line cut short
            try:
                record = orjson.loads(line)
                key = record["key"]
            except (orjson.JSONDecodeError, KeyError, TypeError):
                break  # a torn write: everything from here is redone
            index[key] = offset
            sources[key] = (record.get("source"), record.get("rules"))
            good_end = fh.tell()
    return index, sources, good_end

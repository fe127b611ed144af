"""A whole batch: walk the folder, check what the journal lacks, write the outputs.

Memory stays flat in the number of plans: results go to the journal as they arrive and the
outputs are written from it. What grows is only the list of file names (and, for resume,
their offsets in the journal).
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cchc import __version__, limits
from cchc.batch.atomic import remove_leftovers
from cchc.batch.journal import JOURNAL_NAME, Journal, JournalLocked, JournalMismatch, lock_folder
from cchc.batch.outputs import Stats, write_outputs
from cchc.batch.pool import run_files
from cchc.batch.progress import Progress
from cchc.batch.signature import file_signature
from cchc.batch.walk import relative_key, walk
from cchc.batch.worker import PAGES_DIR, CheckerFactory, WorkerConfig, error_outcome
from cchc.messages import Lang, t
from cchc.paths import data_dir
from cchc.result import InputFailure


class BatchError(Exception):
    """The batch cannot start (bad folder, options that do not match a journal…)."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    def message(self, lang: Lang) -> str:
        return t(self.key, lang, **self.params)


class BatchInterrupted(Exception):
    """Stopped by Ctrl-C; the journal holds the `done` files: `--resume` continues."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__(f"{done}/{total}")
        self.done = done
        self.total = total


@dataclass
class BatchConfig:
    root: Path
    outdir: Path
    options: Any = None  # cchc.checker.CheckOptions
    lang: Lang = "vi"
    jobs: int = 1
    resume: bool = False
    timestamp: bool = False  # print the generation time in the outputs
    progress: bool = False  # draw the progress bar (the command passes stderr.isatty())
    checker_factory: CheckerFactory | None = None
    rules_dirs: tuple[Path, ...] = ()  # every pack folder in use, for the journal fingerprint
    on_finalising: Callable[[], None] | None = None


@dataclass
class BatchResult:
    stats: Stats
    resumed: int  # files whose results came from the journal of an earlier run
    rechecked: int  # files with a record of an earlier run that no longer matched (edited)
    ignored: int  # other files in the folder
    seconds: float
    jobs: int

    @property
    def exit_code(self) -> int:
        """2 if a file could not be read, else 1 if a plan has gaps, else 0."""
        if self.stats.errors:
            return 2
        return 1 if self.stats.with_gaps else 0


def _digest_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def fingerprint(config: BatchConfig) -> dict[str, Any]:
    """What must be equal for results of two runs to be mixed in one set of outputs: a
    resume with other options is refused. (What the rules are is `rules_key`: records made
    under other rules are checked again, not refused.)"""
    opts: dict[str, Any] = {}
    if dataclasses.is_dataclass(config.options) and not isinstance(config.options, type):
        opts = {k: str(v) for k, v in sorted(dataclasses.asdict(config.options).items())}
    return {
        "folder": str(config.root.resolve()),
        "lang": config.lang,
        "options": opts,
        "timestamp": config.timestamp,
    }


def rules_key(config: BatchConfig) -> str:
    """The program version, the rule packs' and the waiver file's content, as one digest:
    a journal record made under another one is not reused."""
    waivers = getattr(config.options, "waivers", None)
    packs = [data_dir("rules"), *config.rules_dirs]
    pack_files = [f for d in packs if Path(d).is_dir() for f in Path(d).glob("*.yaml")]
    parts = [
        __version__,
        _digest_files(pack_files),
        _digest_files([Path(waivers)]) if waivers and Path(waivers).is_file() else "",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _prepare(config: BatchConfig) -> int:
    """Check the folders and take the output folder; returns the lock (a file descriptor).

    The lock comes before any cleanup: a second run must not delete the first one's
    temporary files.
    """
    root, out = config.root, config.outdir
    if not root.is_dir():
        raise BatchError("batch_not_dir", dir=str(root))
    if out.resolve() == root.resolve():
        raise BatchError("batch_out_is_input", dir=str(root))
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock = lock_folder(out)
    except JournalLocked:
        raise BatchError("batch_out_locked", out=str(out)) from None
    except OSError as exc:
        raise BatchError("batch_out_unwritable", out=str(out), reason=exc.strerror) from None
    try:
        try:
            (out / PAGES_DIR).mkdir(exist_ok=True)
        except OSError as exc:
            raise BatchError("batch_out_unwritable", out=str(out), reason=exc.strerror) from None
        if not os.access(out, os.W_OK):
            raise BatchError("batch_out_unwritable", out=str(out), reason="permission denied")
        remove_leftovers(out)
        remove_leftovers(out / PAGES_DIR)
    except BaseException:
        os.close(lock)
        raise
    return lock


def run_batch(config: BatchConfig) -> BatchResult:
    """Check every plan file under `config.root` and write the outputs into `config.outdir`.

    Raises `BatchError` when the batch cannot start, `BatchInterrupted` on Ctrl-C (the
    journal then holds every finished file: `resume=True` continues).
    """
    started = time.monotonic()
    lock = _prepare(config)
    try:
        return _run_locked(config, started)
    except OSError as exc:  # e.g. the journal's last fsync on a full disk
        raise _write_error(exc, config) from None
    except BatchInterrupted as exc:
        _drop_interrupted(exc)
        raise
    finally:
        os.close(lock)


def _drop_interrupted(exc: BatchInterrupted) -> None:
    """Free what Ctrl-C cut short, quietly: a spreadsheet writer stopped half way (openpyxl's
    generators) reports "Exception ignored" with a traceback when it is collected, and its
    file is a temporary one that is never used."""
    previous = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        exc.__context__ = None
        gc.collect()
    finally:
        sys.unraisablehook = previous


def _run_locked(config: BatchConfig, started: float) -> BatchResult:
    found = walk(config.root, exclude=[config.outdir])
    unreadable = dict(found.unreadable)
    keys = sorted([relative_key(config.root, p) for p in found.files] + list(unreadable))
    if not keys:
        raise BatchError("batch_no_files", dir=str(config.root))

    journal_path = config.outdir / JOURNAL_NAME
    fp = fingerprint(config)
    rules = rules_key(config)
    try:
        journal = (Journal.resume if config.resume else Journal.start)(journal_path, fp)
    except JournalMismatch as exc:
        raise BatchError("batch_journal_mismatch", out=str(config.outdir), what=exc.what) from None
    except JournalLocked:
        raise BatchError("batch_out_locked", out=str(config.outdir)) from None
    except OSError as exc:
        raise _write_error(exc, config) from None

    generated = datetime.now().astimezone() if config.timestamp else None
    try:
        # A record is reused only if its file and the rules are what they were.
        reused = {
            k
            for k in keys
            if k in journal
            and journal.current(k, file_signature(config.root / k, config.root), rules)
        }
        rechecked = sum(1 for k in keys if k in journal and k not in reused)
        journal.keep_only(reused)  # every file once: stale and removed files' records go
        for key, reason in found.unreadable:
            message = t("batch_folder_unreadable", config.lang, reason=reason)
            journal.append(key, error_outcome(key, InputFailure(file=key, error=message)).line)
        todo = [k for k in keys if k not in reused and k not in unreadable]
        jobs = max(1, min(config.jobs, len(todo), _cores()))
        progress = Progress(len(keys), config.lang, enabled=config.progress)
        for key in keys:
            if key in reused or key in unreadable:
                progress.add(journal.read(key)["kind"], draw=False)
        worker_config = WorkerConfig(
            root=str(config.root),
            outdir=str(config.outdir),
            lang=config.lang,
            options=config.options,
            checker_factory=config.checker_factory,
            generated=generated.strftime("%Y-%m-%d %H:%M") if generated else None,
            limits=limits.current(),
            rules=rules,
        )
        try:
            try:
                if todo:
                    for outcome in run_files(todo, worker_config, jobs):
                        journal.append(outcome.key, outcome.line)
                        progress.add(outcome.kind)
            finally:
                progress.close()
                journal.sync()
            if config.on_finalising:
                config.on_finalising()
            stats = write_outputs(
                config.outdir,
                journal,
                keys,
                config.lang,
                source=str(config.root),
                generated=generated,
            )
        except KeyboardInterrupt:
            raise BatchInterrupted(progress.done, len(keys)) from None
        except OSError as exc:  # a full disk, an unwritable folder: one sentence
            raise _write_error(exc, config) from None
        except Exception as exc:
            if not type(exc).__module__.startswith("openpyxl"):
                raise
            # The spreadsheet writer refusing some content: named, not an internal error.
            reason = f"{type(exc).__name__}: {exc}"
            raise BatchError(
                "batch_write_failed",
                path=str(config.outdir / "summary.xlsx"),
                out=str(config.outdir),
                reason=reason,
            ) from None
    finally:
        journal.close()
    seconds = time.monotonic() - started
    return BatchResult(stats, len(reused), rechecked, found.ignored, seconds, jobs)


def _write_error(exc: OSError, config: BatchConfig) -> BatchError:
    reason = exc.strerror or str(exc)
    if exc.filename:
        return BatchError(
            "batch_write_failed", path=str(exc.filename), out=str(config.outdir), reason=reason
        )
    return BatchError("batch_out_unwritable", out=str(config.outdir), reason=reason)


UNREADABLE_SHOWN = 10  # names printed at the end of a batch; summary.xlsx lists them all


def summary_paragraph(result: BatchResult, config: BatchConfig) -> str:
    """The closing paragraph printed at the end of a batch."""
    lang, s = config.lang, result.stats
    parts = [
        t(
            "batch_summary",
            lang,
            files=s.files,
            dir=str(config.root),
            seconds=f"{result.seconds:.1f}",
            jobs=result.jobs,
            gaps=s.with_gaps,
            errors=s.errors,
            **s.verdicts,  # the same counts as the dashboard's tiles
        )
    ]
    if s.error_keys:
        names = sorted(s.error_keys)
        shown = ", ".join(names[:UNREADABLE_SHOWN])
        if len(names) > UNREADABLE_SHOWN:
            shown += " " + t("batch_summary_more", lang, n=len(names) - UNREADABLE_SHOWN)
        parts.append(t("batch_summary_unreadable", lang, files=shown))
    if result.resumed:
        parts.append(t("batch_summary_resumed", lang, n=result.resumed))
    if result.rechecked:
        parts.append(t("batch_summary_rechecked", lang, n=result.rechecked))
    if s.mean is not None:
        parts.append(t("batch_summary_mean", lang, mean=f"{s.mean:.1f}"))
    top = s.top_gaps(1)
    if top:
        rule, title, count = top[0]
        parts.append(t("batch_summary_top", lang, rule=rule, title=title, n=count))
    if result.ignored:
        parts.append(t("batch_summary_ignored", lang, n=result.ignored))
    parts.append(
        t(
            "batch_summary_out",
            lang,
            out=str(config.outdir),
            index=str(config.outdir / "index.html"),
        )
    )
    return " ".join(parts)

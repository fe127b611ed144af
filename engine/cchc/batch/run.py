"""A whole batch: walk the folder, check what the journal lacks, write the outputs.

Memory stays flat in the number of plans: results go to the journal as they arrive and the
outputs are written from it. What grows is only the list of file names (and, for resume,
their offsets in the journal).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cchc import __version__
from cchc.batch.atomic import remove_leftovers
from cchc.batch.journal import JOURNAL_NAME, Journal, JournalLocked, JournalMismatch
from cchc.batch.outputs import Stats, write_outputs
from cchc.batch.pool import run_files
from cchc.batch.progress import Progress
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
    """What must be equal for results of two runs to be mixed in one set of outputs."""
    opts: dict[str, Any] = {}
    if dataclasses.is_dataclass(config.options) and not isinstance(config.options, type):
        opts = {k: str(v) for k, v in sorted(dataclasses.asdict(config.options).items())}
    waivers = getattr(config.options, "waivers", None)
    packs = [data_dir("rules"), *config.rules_dirs]
    pack_files = [f for d in packs if Path(d).is_dir() for f in Path(d).glob("*.yaml")]
    return {
        "version": __version__,
        "folder": str(config.root.resolve()),
        "lang": config.lang,
        "options": opts,
        "packs": _digest_files(pack_files),
        "waivers": _digest_files([Path(waivers)]) if waivers and Path(waivers).is_file() else None,
        "timestamp": config.timestamp,
    }


def _prepare(config: BatchConfig) -> None:
    root, out = config.root, config.outdir
    if not root.is_dir():
        raise BatchError("batch_not_dir", dir=str(root))
    if out.resolve() == root.resolve():
        raise BatchError("batch_out_is_input", dir=str(root))
    try:
        (out / PAGES_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchError("batch_out_unwritable", out=str(out), reason=exc.strerror) from None
    if not os.access(out, os.W_OK):
        raise BatchError("batch_out_unwritable", out=str(out), reason="permission denied")
    remove_leftovers(out)
    remove_leftovers(out / PAGES_DIR)


def run_batch(config: BatchConfig) -> BatchResult:
    """Check every plan file under `config.root` and write the outputs into `config.outdir`.

    Raises `BatchError` when the batch cannot start, `BatchInterrupted` on Ctrl-C (the
    journal then holds every finished file: `resume=True` continues).
    """
    started = time.monotonic()
    _prepare(config)
    found = walk(config.root, exclude=[config.outdir])
    unreadable = dict(found.unreadable)
    keys = sorted([relative_key(config.root, p) for p in found.files] + list(unreadable))
    if not keys:
        raise BatchError("batch_no_files", dir=str(config.root))

    journal_path = config.outdir / JOURNAL_NAME
    fp = fingerprint(config)
    try:
        journal = (Journal.resume if config.resume else Journal.start)(journal_path, fp)
    except JournalMismatch as exc:
        raise BatchError("batch_journal_mismatch", out=str(config.outdir), what=exc.what) from None
    except JournalLocked:
        raise BatchError(
            "batch_out_unwritable", out=str(config.outdir), reason="another run is using it"
        ) from None

    generated = datetime.now().astimezone() if config.timestamp else None
    try:
        resumed = sum(1 for k in keys if k in journal)
        for key, reason in found.unreadable:
            if key not in journal:
                message = t("batch_folder_unreadable", config.lang, reason=reason)
                journal.append(key, error_outcome(key, InputFailure(file=key, error=message)).line)
        todo = [k for k in keys if k not in journal]
        progress = Progress(len(keys), config.lang, enabled=config.progress)
        for key in keys:
            if key in journal:
                progress.add(journal.read(key)["kind"], draw=False)
        worker_config = WorkerConfig(
            root=str(config.root),
            outdir=str(config.outdir),
            lang=config.lang,
            options=config.options,
            checker_factory=config.checker_factory,
            generated=generated.strftime("%Y-%m-%d %H:%M") if generated else None,
        )
        try:
            try:
                for outcome in run_files(todo, worker_config, config.jobs):
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
    finally:
        journal.close()
    return BatchResult(stats, resumed, found.ignored, time.monotonic() - started, config.jobs)


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
            passed=s.passed,
            gaps=s.with_gaps,
            errors=s.errors,
        )
    ]
    if result.resumed:
        parts.append(t("batch_summary_resumed", lang, n=result.resumed))
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

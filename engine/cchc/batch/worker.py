"""The work done for one file, in a worker process: check it, write its page, return its line.

Each process builds its Checker once (rule packs loaded and compiled once per process, in the
pool initializer), then checks files one by one. Nothing a file contains can stop the batch:
an unreadable file, and even a fault of the checker, becomes an error record.
"""

from __future__ import annotations

import dataclasses
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from cchc import limits
from cchc.batch.atomic import atomic_write
from cchc.batch.signature import file_signature
from cchc.batch.walk import safe_name
from cchc.loader import InputError, ensure_inside
from cchc.messages import t
from cchc.render import findings
from cchc.result import InputFailure, PlanReport
from cchc.timelimit import TimeLimitExceeded, time_limit

PAGES_DIR = "plans"

# An object with `check_path(path) -> PlanReport` (cchc.checker.Checker, or a stand-in).
CheckerFactory = Callable[[Any], Any]


@dataclass(frozen=True)
class WorkerConfig:
    root: str  # the batch folder
    outdir: str
    lang: str
    options: Any  # cchc.checker.CheckOptions
    checker_factory: CheckerFactory | None = None  # default: cchc.checker.Checker
    generated: str | None = None  # generation time printed in the pages, when asked for
    limits: limits.Limits = dataclasses.field(default_factory=limits.current)
    rules: str | None = None  # the rules key of every record (packs, waivers, program version)


@dataclass(frozen=True)
class Outcome:
    key: str
    kind: str  # "passed" | "gaps" | "error"
    line: bytes  # the journal record


_state: dict[str, Any] = {}


def init_worker(config: WorkerConfig, in_pool: bool = True) -> None:
    """Pool initializer: one Checker per process."""
    if in_pool:
        # Ctrl-C goes to the whole process group: the parent alone handles it.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    factory = config.checker_factory
    if factory is None:
        from cchc.checker import Checker

        factory = Checker
    limits.set_current(config.limits)
    _state["config"] = config
    _state["factory"] = factory
    _state["checker"] = factory(config.options)


def page_path(key: str) -> str:
    """Where a plan's page goes, relative to the output folder."""
    return f"{PAGES_DIR}/{safe_name(key)}.html"


def error_outcome(
    key: str, failure: InputFailure, source: Any = None, rules: str | None = None
) -> Outcome:
    """The journal record of a file that could not be checked."""
    record = {
        "key": key,
        "kind": "error",
        "page": None,
        "report": None,
        "error": failure.model_dump(mode="json"),
        "source": source,
        "rules": rules,
    }
    return Outcome(key, "error", orjson.dumps(record))


def check_file(key: str) -> Outcome:
    config: WorkerConfig = _state["config"]
    lang = config.lang
    root = Path(config.root)
    path = root / key
    # Hashed before reading: if the file changes meanwhile, the record will not match it.
    source = file_signature(path, root)
    try:
        ensure_inside(path, root)
        with time_limit(config.limits.seconds):
            report: PlanReport = _state["checker"].check_path(path)
    except InputError as exc:
        return error_outcome(
            key,
            InputFailure(file=key, error="; ".join(exc.lines(lang)), field=exc.field),
            source,
            config.rules,
        )
    except TimeLimitExceeded:
        # Interrupted anywhere: a fresh checker, so that no half-done state is reused.
        _state["checker"] = _state["factory"](config.options)
        message = t("limit_seconds", lang, limit=config.limits.seconds)
        message += t("limit_hint", lang, name="seconds")
        return error_outcome(key, InputFailure(file=key, error=message), source, config.rules)
    except Exception as exc:  # a fault in the checker must not stop the other files
        reason = f"{type(exc).__name__}: {exc}"
        return error_outcome(
            key,
            InputFailure(file=key, error=t("batch_internal_error", lang, reason=reason)),
            source,
            config.rules,
        )

    report = report.model_copy(update={"file": key})
    page = page_path(key)
    # Imported here: jinja2 is needed only once a plan has been read.
    from cchc.render.html import render_plan_page

    html = render_plan_page(report, lang, back="../index.html", generated=config.generated)
    # The journal line, fsync'd by the parent, is the durable record; the page only needs to
    # be whole, which the rename guarantees.
    target = Path(config.outdir) / page
    try:
        atomic_write(target, html, durable=False)
    except OSError as exc:  # a full disk, an unwritable folder: the batch stops, saying so
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    kind = "gaps" if findings.has_gaps(report) else "passed"
    record = {
        "key": key,
        "kind": kind,
        "page": page,
        "report": report.model_dump(mode="json"),
        "error": None,
        "source": source,
        "rules": config.rules,
    }
    return Outcome(key, kind, orjson.dumps(record))

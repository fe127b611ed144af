"""The work done for one file, in a worker process: check it, write its page, return its line.

Each process builds its Checker once (rule packs loaded and compiled once per process, in the
pool initializer), then checks files one by one. Nothing a file contains can stop the batch:
an unreadable file, and even a fault of the checker, becomes an error record.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from cchc.batch.atomic import atomic_write
from cchc.batch.walk import safe_name
from cchc.loader import InputError
from cchc.messages import t
from cchc.render import findings
from cchc.result import InputFailure, PlanReport

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
    _state["config"] = config
    _state["checker"] = factory(config.options)


def page_path(key: str) -> str:
    """Where a plan's page goes, relative to the output folder."""
    return f"{PAGES_DIR}/{safe_name(key)}.html"


def error_outcome(key: str, failure: InputFailure) -> Outcome:
    """The journal record of a file that could not be checked."""
    record = {
        "key": key,
        "kind": "error",
        "page": None,
        "report": None,
        "error": failure.model_dump(mode="json"),
    }
    return Outcome(key, "error", orjson.dumps(record))


def check_file(key: str) -> Outcome:
    config: WorkerConfig = _state["config"]
    lang = config.lang
    try:
        report: PlanReport = _state["checker"].check_path(Path(config.root) / key)
    except InputError as exc:
        return error_outcome(
            key, InputFailure(file=key, error="; ".join(exc.lines(lang)), field=exc.field)
        )
    except Exception as exc:  # a fault in the checker must not stop the other files
        reason = f"{type(exc).__name__}: {exc}"
        return error_outcome(
            key, InputFailure(file=key, error=t("batch_internal_error", lang, reason=reason))
        )

    report = report.model_copy(update={"file": key})
    page = page_path(key)
    # Imported here: jinja2 is needed only once a plan has been read.
    from cchc.render.html import render_plan_page

    html = render_plan_page(report, lang, back="../index.html", generated=config.generated)
    # The journal line, fsync'd by the parent, is the durable record; the page only needs to
    # be whole, which the rename guarantees.
    atomic_write(Path(config.outdir) / page, html, durable=False)
    kind = "gaps" if findings.has_gaps(report) else "passed"
    record = {
        "key": key,
        "kind": kind,
        "page": page,
        "report": report.model_dump(mode="json"),
        "error": None,
    }
    return Outcome(key, kind, orjson.dumps(record))

"""What `--db`, `--baseline` and `--baseline-db` do with each checked plan: record it in the
store, and compare it with its earlier version."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from cchc import __version__
from cchc.checker import Checker
from cchc.loader import load_plan
from cchc.model import Plan
from cchc.resubmission import compare
from cchc.result import CheckRun, PlanReport

if TYPE_CHECKING:
    from cchc.store import Store


def _saved_report(path: Path) -> PlanReport | None:
    """The first plan of a saved `--format json` report, or None when `path` is not one."""
    if path.suffix.lower() != ".json":
        return None
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not (isinstance(data, dict) and data.get("tool") == "cchc-check" and "plans" in data):
        return None
    run = CheckRun.model_validate(data)
    return run.plans[0] if run.plans else None


class Recorder:
    """Called with each (plan, report) as `run_check` goes."""

    def __init__(
        self,
        checker: Checker,
        *,
        store: Store | None = None,
        baseline: Path | None = None,
        baseline_db: bool = False,
    ) -> None:
        from cchc.store.identity import rules_version

        self.checker = checker
        self.store = store
        self.lang = checker.options.lang
        self.rules_version = rules_version(
            checker.packs, checker.options.select, checker.options.ignore
        )
        self.baseline_db = baseline_db
        self.recorded = 0
        self.already = 0
        self.last_check_id: int | None = None  # the store's id of the last check recorded
        # A baseline file is read once, before the new version is checked: a broken one is an
        # input error (exit 2) like any plan.
        self._fixed_baseline: tuple[str, PlanReport | None, PlanReport | None, bool | None] | None
        self._fixed_baseline = None
        if baseline is not None:
            saved = _saved_report(baseline)
            if saved is not None:
                self._fixed_baseline = (str(baseline), None, saved, None)
            else:
                old = checker.check_plan(load_plan(baseline), str(baseline))
                self._fixed_baseline = (str(baseline), old, None, True)

    def __call__(self, plan: Plan, report: PlanReport) -> None:
        if self._fixed_baseline is not None:
            name, now, then, same = self._fixed_baseline
            report.diff = compare(
                report, baseline=name, before_now=now, before_then=then, same_rules=same
            )
        elif self.baseline_db and self.store is not None:
            prev = self.store.previous(plan, self.lang)
            if prev is not None:
                now = self.checker.check_plan(prev.plan, prev.report.file) if prev.plan else None
                report.diff = compare(
                    report,
                    baseline=f"db:{prev.check_id}",
                    before_now=now,
                    before_then=prev.report,
                    same_rules=prev.rules_version == self.rules_version,
                )
        if self.store is not None:
            done = self.store.record(
                plan,
                report,
                rules_version=self.rules_version,
                program_version=__version__,
                lang=self.lang,
            )
            self.last_check_id = done.check_id
            if done.new:
                self.recorded += 1
            else:
                self.already += 1


def record_batch(results_json: Path, root: Path, recorder: Recorder) -> None:
    """Record a finished batch: each plan of its results.json, read again from the input
    folder (the store keeps the plan itself so that a later run can re-check it)."""
    run = CheckRun.model_validate(orjson.loads(results_json.read_bytes()))
    for report in run.plans:
        path = Path(report.file)
        plan = load_plan(path if path.is_absolute() else root / path)
        recorder(plan, report)

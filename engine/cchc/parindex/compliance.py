"""The plan's compliance score from the rule packs (`cchc check`), shown beside its index points."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cchc.model import Plan
from cchc.parindex.result import Compliance

if TYPE_CHECKING:
    from cchc.checker import Checker

ComplianceFn = Callable[[Plan, str], Compliance | None]


def checker_compliance(checker: Checker) -> ComplianceFn:
    """Score each plan with the rule engine, as `cchc check` would with the same options."""

    def score(plan: Plan, file: str) -> Compliance | None:
        report = checker.check_plan(plan, file)
        return Compliance(
            score=report.score,
            verdict=getattr(report.verdict, "value", report.verdict),
            packs=list(report.packs),
        )

    return score

"""The plan's compliance score from the rule packs, shown beside its PAR-index points.

The rule engine is `cchc.checker.Checker`; while it is not installed the column stays empty
(None) rather than failing the index.
"""

from __future__ import annotations

from collections.abc import Callable

from cchc.messages import Lang
from cchc.model import Plan
from cchc.parindex.result import Compliance

ComplianceFn = Callable[[Plan, str], Compliance | None]


def checker_compliance(lang: Lang = "vi") -> ComplianceFn | None:
    """A function scoring a plan with the rule packs, or None when no checker is available."""
    try:
        from cchc.checker import Checker, CheckOptions
    except ImportError:
        return None
    checker = Checker(CheckOptions(lang=lang))

    def score(plan: Plan, file: str) -> Compliance | None:
        report = checker.check_plan(plan, file)
        verdict = getattr(report.verdict, "value", report.verdict)
        return Compliance(score=report.score, verdict=verdict, packs=list(report.packs))

    return score

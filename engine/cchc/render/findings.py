"""Which results a reader must act on: the one definition every report and exit code uses.

A *gap* is a failed, partial or unevaluable result of a scored rule. Advisory rules state
requirements that are not fully verified: their failures are shown apart, as advisories, and
never make a plan "with gaps" (they never fail a plan, rules/README.md).
"""

from __future__ import annotations

from collections import Counter

from cchc.result import PlanReport, RuleResult, Severity, Status


def gaps(report: PlanReport) -> list[RuleResult]:
    """Gaps worst first (severity, then lowest credit, then rule ID)."""
    return [r for r in report.gaps() if r.severity != Severity.advisory]


def advisories(report: PlanReport) -> list[RuleResult]:
    return [r for r in report.gaps() if r.severity == Severity.advisory]


def has_gaps(report: PlanReport) -> bool:
    return any(r.severity != Severity.advisory for r in report.gaps())


def unknowns(report: PlanReport) -> list[RuleResult]:
    """Results the input cannot settle: listed apart, never gaps, never scored."""
    return report.unknowns()


def critical_gaps(report: PlanReport) -> int:
    return sum(1 for r in gaps(report) if r.severity == Severity.critical)


def status_counts(report: PlanReport) -> dict[str, int]:
    """How many results of each status, with the gap count by the definition above."""
    counts = Counter(str(r.status) for r in report.results)
    return {
        "passed": counts[Status.passed],
        "gaps": len(gaps(report)),
        "unknown": counts[Status.unknown],
        "na": counts[Status.not_applicable],
        "waived": counts[Status.waived],
    }

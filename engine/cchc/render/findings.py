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


# Results left unevaluated for one and the same reason (the issuer's level unknown leaves every
# level-bound rule so) are shown once, with the rules they concern.
GROUP_AT = 3


def grouped(
    results: list[RuleResult],
) -> tuple[list[RuleResult], list[tuple[str, list[RuleResult]]]]:
    """(results shown one by one, [(shared reason, results)]) for results that could not be
    evaluated: a reason shared by GROUP_AT or more of them is one finding."""
    undecided = Counter(r.message for r in results if str(r.status) in ("error", "unknown"))
    shared = {m for m, n in undecided.items() if n >= GROUP_AT}
    singles = [
        r for r in results if not (str(r.status) in ("error", "unknown") and r.message in shared)
    ]
    groups = [
        (m, [r for r in results if str(r.status) in ("error", "unknown") and r.message == m])
        for m in sorted(shared, key=lambda m: -undecided[m])
    ]
    return singles, groups


def provisional_text(report: PlanReport, lang: str) -> str:
    """Why the verdict is provisional, in words: the requirements the input does not settle
    (report.provisional_reasons holds "RULE: status, severity" for programs)."""
    from cchc.messages import t

    rules = [reason.split(":", 1)[0] for reason in report.provisional_reasons]
    return t("rpt_provisional", lang, n=len(rules), rules=", ".join(rules))

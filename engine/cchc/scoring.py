"""The scoring model: weighted credit per area and in total, and the verdict.

- A scored result is `pass` (credit 1), `partial` (its credit) or `fail` (0) of a rule whose
  severity is not `advisory`. `not_applicable`, `waived`, `error` and advisory rules are not
  scored: they are reported beside the score.
- Score = 100 × Σ weight × credit / Σ weight over scored results (per area, and in total).
- Verdict: *Đạt* when the score is at least PASS_SCORE, no critical rule failed and no
  critical or major rule could not be evaluated; *Không đạt* when the score is below
  FAIL_SCORE; *Cần bổ sung* otherwise. A critical failure therefore always blocks *Đạt*.
"""

from __future__ import annotations

from collections import defaultdict

from cchc.result import AreaScore, RuleResult, Severity, Status, Verdict

PASS_SCORE = 80.0
FAIL_SCORE = 50.0
SCORED = (Status.passed, Status.partial, Status.failed)
GAP = (Status.failed, Status.partial, Status.error)


def is_scored(r: RuleResult) -> bool:
    return r.status in SCORED and r.severity != Severity.advisory


def _score(results: list[RuleResult]) -> tuple[float | None, float]:
    weight = sum(r.weight for r in results)
    if weight == 0:
        return None, 0.0
    return round(100.0 * sum(r.weight * r.credit for r in results) / weight, 1), weight


def area_scores(results: list[RuleResult]) -> list[AreaScore]:
    by_area: dict[str, list[RuleResult]] = defaultdict(list)
    gaps: dict[str, int] = defaultdict(int)
    for r in results:
        if r.status in (Status.not_applicable,):
            continue
        by_area[r.area]
        if is_scored(r):
            by_area[r.area].append(r)
        if r.status in GAP and r.severity != Severity.advisory:
            gaps[r.area] += 1
    out = []
    for area in sorted(by_area):
        score, weight = _score(by_area[area])
        out.append(AreaScore(area=area, score=score, weight=weight, gaps=gaps[area]))
    return out


def total_score(results: list[RuleResult]) -> float | None:
    return _score([r for r in results if is_scored(r)])[0]


def verdict(results: list[RuleResult], score: float | None) -> Verdict:
    critical_fail = any(
        r.status == Status.failed and r.severity == Severity.critical for r in results
    )
    blocking_error = any(
        r.status == Status.error and r.severity in (Severity.critical, Severity.major)
        for r in results
    )
    if score is not None and score < FAIL_SCORE:
        return Verdict.failed
    if score is None or critical_fail or blocking_error or score < PASS_SCORE:
        return Verdict.needs_work
    return Verdict.passed

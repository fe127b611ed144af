"""A re-submitted plan compared with its earlier version: gaps fixed, still open, new, and
rules whose result changed because the rules changed rather than the plan.

Three reports take part: `after` (this version, today's rules), `before_now` (the earlier
version under today's rules, when its plan is at hand) and `before_then` (the earlier version
as it was judged then, from the store or a saved JSON report). Comparing `before_now` with
`after` isolates what the author changed; comparing `before_then` with `before_now` isolates
what the rules changed.
"""

from __future__ import annotations

from cchc.result import DiffEntry, PlanDiff, PlanReport, RuleResult
from cchc.scoring import GAP


def _by_rule(report: PlanReport | None) -> dict[str, RuleResult]:
    return {r.rule: r for r in report.results} if report else {}


def _is_gap(r: RuleResult | None) -> bool:
    return r is not None and r.status in GAP


def _entry(rule: str, before: RuleResult | None, after: RuleResult | None) -> DiffEntry:
    title = (after or before).title  # type: ignore[union-attr]
    return DiffEntry(rule=rule, title=title, before=before, after=after)


def compare(
    after: PlanReport,
    *,
    baseline: str,
    before_now: PlanReport | None,
    before_then: PlanReport | None,
    same_rules: bool | None,
) -> PlanDiff:
    """The diff of `after` against the earlier version (at least one `before_*` is given)."""
    base = before_now or before_then
    if base is None:
        raise ValueError("compare() needs the earlier version's report")
    old, new = _by_rule(base), _by_rule(after)
    diff = PlanDiff(
        baseline=baseline,
        same_rules=same_rules,
        score_before=(before_then or base).score,
        verdict_before=(before_then or base).verdict,
    )
    for rule in sorted(old.keys() | new.keys()):
        before, now = old.get(rule), new.get(rule)
        if _is_gap(before) and _is_gap(now):
            diff.still_open.append(_entry(rule, before, now))
        elif _is_gap(before):
            diff.fixed.append(_entry(rule, before, now))
        elif _is_gap(now):
            diff.new.append(_entry(rule, before, now))
    if before_now is not None and before_then is not None and same_rules is not True:
        then, now_rules = _by_rule(before_then), _by_rule(before_now)
        for rule in sorted(then.keys() | now_rules.keys()):
            a, b = then.get(rule), now_rules.get(rule)
            if (a.status if a else None) != (b.status if b else None):
                diff.rules_changed.append(_entry(rule, a, b))
    return diff

"""Planned activities as countable targets, and what the results report says of each.

A target (mục tiêu) is one planned activity. The number of times it is due in the assessed
year is its `count` × the number of its periods (weeks, months, quarters, halves) that the
plan period covers inside that year; a plan that gives no count asks for at least once per
period. A reported activity is matched to a target by `activity_id` (the plan activity's `id`,
or 'activities[N]'), else by form.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction

from cchc.model import Activity, Plan
from cchc.results_report import EvidenceItem, ReportedActivity, ResultsReport


@dataclass
class Target:
    index: int
    activity: Activity
    required: int  # times due in the assessed year
    periods: int  # how many of its periods fall in the window
    count_stated: bool  # False: the plan gives no count, once per period is assumed

    @property
    def key(self) -> str:
        return f"activities[{self.index}]"


@dataclass
class Outcome:
    """One target and the report items matched to it."""

    target: Target
    items: list[tuple[int, ReportedActivity]] = field(default_factory=list)
    matched_by: str | None = None  # "id" | "form"
    done: int | None = 0  # None: reported without a count or a completion statement
    claimed: bool = False  # done taken from `completed: true`, no count reported

    @property
    def evidence(self) -> list[tuple[int, int, EvidenceItem]]:
        return [(i, j, ev) for i, item in self.items for j, ev in enumerate(item.evidence_items)]

    def complete(self, require_evidence: bool) -> bool:
        if require_evidence and not self.evidence:
            return False
        return self.done is not None and self.done >= self.target.required

    def credited(self, require_evidence: bool) -> int:
        if require_evidence and not self.evidence:
            return 0
        return min(self.done or 0, self.target.required)


def window(plan: Plan, year: int) -> tuple[dt.date, dt.date]:
    """The part of the assessed year the plan covers (the whole year when its period is unknown)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if plan.period.start and start < plan.period.start <= end:
        start = plan.period.start
    if plan.period.end and start <= plan.period.end < end:
        end = plan.period.end
    return start, end


def _periods(per: str | None, start: dt.date, end: dt.date) -> int:
    if per == "week":
        return max(1, ((end - start).days + 1) // 7)
    if per == "month":
        return end.year * 12 + end.month - (start.year * 12 + start.month) + 1
    if per == "quarter":
        return end.year * 4 + (end.month - 1) // 3 - (start.year * 4 + (start.month - 1) // 3) + 1
    if per == "half_year":
        return end.year * 2 + (end.month - 1) // 6 - (start.year * 2 + (start.month - 1) // 6) + 1
    return 1  # year, period, once, or unknown: once over the window


def targets(plan: Plan, year: int) -> list[Target]:
    start, end = window(plan, year)
    out = []
    for i, act in enumerate(plan.activities):
        n = _periods(act.per.value if act.per else None, start, end)
        count = act.count if act.count else 1
        out.append(Target(i, act, count * n, n, act.count is not None and act.count > 0))
    return out


def match(
    plan_targets: list[Target], report: ResultsReport
) -> tuple[list[Outcome], list[tuple[int, ReportedActivity, str]]]:
    """Attach report items to targets; the rest are returned with why they matched nothing."""
    outcomes = [Outcome(t) for t in plan_targets]
    by_key: dict[str, Outcome] = {}
    for o in outcomes:
        by_key[o.target.key] = o
        if o.target.activity.id:
            by_key.setdefault(o.target.activity.id, o)
    unmatched: list[tuple[int, ReportedActivity, str]] = []
    by_form: list[tuple[int, ReportedActivity]] = []
    for i, item in enumerate(report.activities):
        if item.activity_id:
            o = by_key.get(item.activity_id)
            if o is None:
                unmatched.append((i, item, "id"))
            else:
                o.items.append((i, item))
                o.matched_by = o.matched_by or "id"
        else:
            by_form.append((i, item))
    for i, item in by_form:
        same = [o for o in outcomes if o.target.activity.form == item.form]
        if not same:
            unmatched.append((i, item, "form"))
            continue
        # Several planned activities of one form: the first one nothing was reported for yet.
        o = next((o for o in same if not o.items), same[0])
        o.items.append((i, item))
        o.matched_by = o.matched_by or "form"
    for o in outcomes:
        _tally(o)
    return outcomes, unmatched


def _tally(o: Outcome) -> None:
    items = [item for _, item in o.items]
    counts = [item.count for item in items if item.count is not None]
    if counts:
        o.done = sum(counts)
    elif any(item.completed for item in items):
        o.done, o.claimed = o.target.required, True
    elif items and all(item.completed is False for item in items):
        o.done = 0
    elif items:
        o.done = None
    else:
        o.done = 0


def ratio(outcomes: list[Outcome], measure: str, require_evidence: bool) -> Fraction | None:
    """Share of the plan carried out: targets done in full, or times done (capped per target)."""
    if not outcomes:
        return None
    if measure == "volume":
        due = sum(o.target.required for o in outcomes)
        return Fraction(sum(o.credited(require_evidence) for o in outcomes), due)
    return Fraction(sum(o.complete(require_evidence) for o in outcomes), len(outcomes))

"""Planned activities as countable targets, and what the results report says of each.

A target (mục tiêu) is one planned activity. The number of times it is due in the assessed
year is its `count` × the number of its periods (weeks, months, quarters, halves) that the
plan period covers inside that year; a plan that gives no count asks for at least once per
period. A reported activity is matched to a target by `activity_id` (the plan activity's `id`,
or 'activities[N]'), else by title, else by form (see `match`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction

from cchc.model import Activity, Plan
from cchc.parindex.units import fold
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
    matched_by: str | None = None  # "id" | "title" | "form"
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


def _words(text: str | None) -> set[str]:
    return {w for w in fold(text).split() if len(w) > 1}


def _title_match(item: ReportedActivity, candidates: list[Outcome]) -> Outcome | None:
    """The planned activity whose title shares most words with the report line's (half at least)."""
    words = _words(item.title)
    if not words:
        return None
    best, best_share = None, Fraction(1, 2)
    for o in candidates:
        theirs = _words(o.target.activity.title)
        if not theirs:
            continue
        share = Fraction(len(words & theirs), len(words | theirs))
        if share >= best_share and (best is None or share > best_share):
            best, best_share = o, share
    return best


def match(
    plan_targets: list[Target], report: ResultsReport, *, from_document: bool = False
) -> tuple[list[Outcome], list[tuple[int, ReportedActivity, str]]]:
    """Attach report items to targets; the rest are returned with why they matched nothing.

    A report line names its activity by `activity_id`, else by title, else by form. The ids of
    a plan read from a document are numbered by the extractor, not by the unit: a report's ids
    cannot refer to them, so such lines are matched by title or form only. A form names one
    planned activity only when no other activity was read from the same sentence (a sentence
    read as two forms, e.g. "khẩu hiệu trên màn hình LED", is not credited by form alone).
    """
    outcomes = [Outcome(t) for t in plan_targets]
    by_key: dict[str, Outcome] = {}
    if not from_document:
        for o in outcomes:
            by_key[o.target.key] = o
            if o.target.activity.id:
                by_key.setdefault(o.target.activity.id, o)
    unmatched: list[tuple[int, ReportedActivity, str]] = []
    by_form: list[tuple[int, ReportedActivity]] = []
    for i, item in enumerate(report.activities):
        if item.activity_id and not from_document:
            o = by_key.get(item.activity_id)
            if o is None:
                unmatched.append((i, item, "id"))
            else:
                o.items.append((i, item))
                o.matched_by = o.matched_by or "id"
            continue
        candidates = [
            o for o in outcomes if item.form is None or o.target.activity.form == item.form
        ]
        o = _title_match(item, candidates)
        if o is not None:
            o.items.append((i, item))
            o.matched_by = o.matched_by or "title"
        elif item.form is None:
            unmatched.append((i, item, "document_id" if from_document else "id"))
        else:
            by_form.append((i, item))
    for i, item in by_form:
        same = [o for o in outcomes if o.target.activity.form == item.form]
        if from_document:
            same = [o for o in same if not _shares_sentence(o, outcomes)]
        if not same:
            why = (
                "form_ambiguous"
                if from_document and any(o.target.activity.form == item.form for o in outcomes)
                else "form"
            )
            unmatched.append((i, item, why))
            continue
        # Several planned activities of one form: the first one nothing was reported for yet.
        o = next((o for o in same if not o.items), same[0])
        o.items.append((i, item))
        o.matched_by = o.matched_by or "form"
    for o in outcomes:
        _tally(o)
    return outcomes, unmatched


def _shares_sentence(o: Outcome, outcomes: list[Outcome]) -> bool:
    """Another activity was read from the same sentence (same title) with another form."""
    act = o.target.activity
    key = fold(act.evidence or act.title)
    return bool(key) and any(
        x is not o
        and x.target.activity.form != act.form
        and fold(x.target.activity.evidence or x.target.activity.title) == key
        for x in outcomes
    )


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

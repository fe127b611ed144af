"""Derive the flat facts the rules match on, once per plan (rules/README.md lists them).

Durable_rules has no aggregates, dates, null-safe operators or set membership, so everything
a rule compares is precomputed here: counts, annualised frequencies, ISO date strings,
normalised citation keys. An unknown value is absent from the facts, never null.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cchc import dialogue
from cchc.citations import UNDATED, cite_key, complete_number, level_of_name
from cchc.levels import abolished
from cchc.model import Activity, Plan, ReportingDuty
from cchc.vocab import ONLINE_FORMS, PER_PER_YEAR, Level

Facts = dict[str, Any]


def _year_fraction(day: dt.date) -> float:
    """The year as a number at the start of `day`: 2024-01-01 → 2024.0, 2024-07-02 → 2024.5."""
    first = dt.date(day.year, 1, 1)
    days = (dt.date(day.year + 1, 1, 1) - first).days
    return day.year + (day - first).days / days


def period_years(start: dt.date | None, end: dt.date | None) -> float | None:
    """The length of a period in calendar years, exact in leap years: 1/1–31/12 is 1 year."""
    if start is None or end is None:
        return None
    years = _year_fraction(end + dt.timedelta(days=1)) - _year_fraction(start)
    return max(years, 1 / 366)


def _period_years(plan: Plan) -> float | None:
    return period_years(plan.period.start, plan.period.end)


def _per_year(act: Activity, years: float | None) -> float | None:
    if act.count is None or act.per is None:
        return None
    if act.per in PER_PER_YEAR:
        return act.count * PER_PER_YEAR[act.per]
    if act.per == "period" and years:
        return act.count / years
    if act.per == "once":
        return float(act.count)
    return None


def _activity_fact(act: Activity, plan: Plan, years: float | None) -> dict[str, Any]:
    fact: dict[str, Any] = {
        "form": str(act.form),
        "has_owner": bool(act.owner),
        "has_deadline": act.deadline is not None,
        # A task's time is a deadline, a start date, or a recurrence ("mỗi tuần một lần").
        "has_time": act.deadline is not None
        or act.start is not None
        or (act.per is not None and str(act.per) in PER_PER_YEAR),
    }
    per_year = _per_year(act, years)
    if per_year is not None:
        fact["per_year"] = round(per_year, 6)
    if act.count is not None:
        fact["count"] = act.count
    if act.per is not None:
        fact["per"] = str(act.per)
    if act.duration_minutes is not None:
        fact["minutes"] = act.duration_minutes
    if act.peak_time is not None:
        fact["peak_time"] = act.peak_time
    if act.owner_level is not None:
        fact["owner_level"] = str(act.owner_level)
    if dialogue.looks_like_dialogue(act):
        kind, details = dialogue.classify(act, plan)
        fact["dialogue"] = kind
        # For the message only (no rule reads them): what it is and why it does not count.
        fact["dialogue_title"] = (act.title or act.evidence or "")[:120]
        fact["dialogue_details"] = details
        # A dialogue planned without a count is one, and a count without a period is over
        # the plan's period (a plan without a period stands for its year); one planned only
        # "khi cần thiết" commits to none, so it has no rate (partial).
        if dialogue.conditional(act):
            pass
        elif per_year is not None:
            fact["dialogue_per_year"] = round(per_year, 6)
        elif act.per is None or str(act.per) == "period":
            fact["dialogue_per_year"] = round((act.count or 1) / (years or 1.0), 6)
    if act.deadline is not None:
        fact["deadline"] = act.deadline.isoformat()
        start, end = plan.period.start, plan.period.end
        if start is not None and end is not None:
            fact["deadline_in_period"] = start <= act.deadline <= end
    return fact


def _reporting_fact(duty: ReportingDuty, plan_year: int | None) -> dict[str, Any]:
    fact: dict[str, Any] = {"has_due_date": duty.due_date is not None}
    if duty.due_date is not None:
        fact["due_date"] = duty.due_date.isoformat()
        fact["due_md"] = duty.due_date.strftime("%m-%d")
        if plan_year is not None:
            fact["due_year_offset"] = duty.due_date.year - plan_year
    if duty.to_level is not None:
        fact["to_level"] = str(duty.to_level)
    if duty.frequency is not None:
        fact["frequency"] = str(duty.frequency)
    return fact


def _is_district_body(name: str | None, level: Level | None, on: dt.date | None) -> bool:
    """A district body: by what its name says at the plan's date (the one reader), else by
    the level given."""
    named = level_of_name(name, on) if name else None
    return (named or level) == Level.district


def derive(plan: Plan) -> Facts:
    """The facts of one plan: a flat dict with lists of scalars and lists of small objects."""
    f: Facts = {}
    issuer, doc = plan.issuer, plan.document
    if issuer.level is not None:
        f["level"] = str(issuer.level)
    if issuer.province:
        f["province"] = issuer.province
    if issuer.district:
        f["issuer_district"] = issuer.district
    if doc.issue_date is not None:
        f["issue_date"] = doc.issue_date.isoformat()
        f["issue_year"] = doc.issue_date.year
        f["issue_month"] = doc.issue_date.month
        f["issue_day"] = doc.issue_date.day
    # The plan's own year: the start of its period, else the year it was issued.
    plan_year = (
        plan.period.start.year
        if plan.period.start
        else (doc.issue_date.year if doc.issue_date else None)
    )
    if plan_year is not None:
        f["plan_year"] = plan_year
    if doc.issue_date is not None and plan_year is not None:
        f["issue_md"] = doc.issue_date.strftime("%m-%d")
        f["issue_year_offset"] = doc.issue_date.year - plan_year
    if plan.period.start is not None:
        f["period_start"] = plan.period.start.isoformat()
        if doc.issue_date is not None:
            # Days from the start of the plan's period to its issue (negative: issued before).
            f["issue_lag_days"] = (doc.issue_date - plan.period.start).days
    if plan.period.end is not None:
        f["period_end"] = plan.period.end.isoformat()

    cites: set[str] = set()
    after: set[str] = set()  # documents dated after the plan itself
    issuers: set[str] = set()
    cited_levels: set[str] = set()
    for ref in (*plan.cited_documents, *plan.implements):
        if not ref.number:
            # Laws are often cited by name and date only: 'LUAT@2015-06-19'.
            if ref.kind is not None and ref.date is not None:
                cites.add(cite_key(str(ref.kind), ref.date))
            continue
        level = ref.issuer_level or level_of_name(ref.issuer)
        number = complete_number(ref.number, str(ref.kind) if ref.kind else None, level, ref.issuer)
        keys = [cite_key(number)]
        # Dated, or marked undated: the same number on another date is another document.
        keys.append(cite_key(number, ref.date) if ref.date is not None else f"{keys[0]}@{UNDATED}")
        cites.update(keys)
        if ref.date is not None:
            # Numbers run per year: the same number in the same year with another day is most
            # likely a typing error; in another year it is another document.
            cites.add(f"{keys[0]}@Y{ref.date.year}")
        if level is not None:
            issuers.update(f"{k}#{level}" for k in keys)
        if ref.date is not None and doc.issue_date is not None and ref.date > doc.issue_date:
            after.add(keys[1])
    for ref in (*plan.cited_documents, *plan.implements):
        level = ref.issuer_level or level_of_name(ref.issuer)
        if level is not None:
            cited_levels.add(str(level))
    # References that name neither a number nor a date cannot be told from any other document.
    f["n_unidentified_refs"] = sum(
        1 for r in (*plan.cited_documents, *plan.implements) if not r.number and r.date is None
    )
    f["cites"] = sorted(cites)
    f["cite_issuers"] = sorted(issuers)
    if doc.issue_date is not None:
        f["cites_after_issue"] = sorted(after)
        f["n_cites_after_issue"] = len(after)
    gone = abolished().get("district")
    if gone is not None and doc.issue_date is not None and doc.issue_date >= gone:
        cited_levels.discard("district")  # no district document is a parent any more
    f["cited_levels"] = sorted(cited_levels)

    f["sections"] = sorted({str(s.kind) for s in plan.sections})
    f["audiences"] = sorted({str(a.group) for a in plan.audiences})
    f["areas"] = sorted({str(t.area) for t in plan.topics if t.area is not None})
    f["indices"] = sorted({str(i.name) for i in plan.indices})
    forms = sorted({str(a.form) for a in plan.activities})
    f["forms"] = forms
    f["n_online_forms"] = sum(1 for x in forms if x in ONLINE_FORMS)
    f["n_traditional_forms"] = sum(1 for x in forms if x not in ONLINE_FORMS and x != "other")
    if plan.format_parts is not None:
        f["format_parts"] = sorted({str(p) for p in plan.format_parts})

    years = _period_years(plan)
    f["activities"] = [_activity_fact(a, plan, years) for a in plan.activities]
    f["n_activities"] = len(plan.activities)
    deadlines = [a.deadline for a in plan.activities if a.deadline is not None]
    if deadlines:
        f["last_deadline"] = max(deadlines).isoformat()
    f["n_undated_activities"] = len(plan.activities) - len(deadlines)
    f["n_objectives"] = len(plan.objectives)
    f["reporting"] = [_reporting_fact(r, plan_year) for r in plan.reporting]
    f["n_reporting"] = len(plan.reporting)
    f["n_budget_lines"] = len(plan.budget)
    f["has_budget_source"] = any(b.source for b in plan.budget)

    on = doc.issue_date
    district = sum(_is_district_body(a.owner, a.owner_level, on) for a in plan.activities)
    district += sum(_is_district_body(r.to, r.to_level, on) for r in plan.reporting)
    # A parent plan is named after "Thực hiện" (implements) or "Căn cứ" (cited): both rest on it.
    district += sum(
        1
        for ref in (*plan.implements, *plan.cited_documents)
        if (ref.issuer_level or level_of_name(ref.issuer)) == Level.district
        and (ref.kind is None or str(ref.kind) in ("KH", "QD", "CV"))
    )
    f["district_tasks"] = district

    if issuer.level is not None:
        named = [lv for lv in map(level_of_name, [issuer.name, *issuer.other_names]) if lv]
        if named:
            f["issuer_consistent"] = all(lv == issuer.level for lv in named)
    return f

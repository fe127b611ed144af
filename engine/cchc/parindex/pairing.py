"""Pairing each unit's plan with its results report for the assessed year.

Unit identity decides (`units`: the structured commune/district/province fields first, then
the names, compared without case, diacritics or "UBND"); the plan number and date a report
cites only choose between several plans of the same unit. A report that names one unit and
cites the plan of another is flagged for review and left without a plan, never re-paired.
Before pairing, duplicates are set aside, one copy kept and the others listed: the same plan
twice (as .json and as a document, or two files of one unit's plan), the same report twice.
A plan or a report left without a partner is kept as a unit of its own, never dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from cchc.model import Plan
from cchc.parindex.inputs import LoadedPlan, LoadedReport
from cchc.parindex.units import UnitId, unit_id

_SPACES = re.compile(r"\s+")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


def number_key(number: str | None) -> str | None:
    """'052 /KH-UBND' and '52/KH-UBND' are one number (upper case, Đ→D, no spaces/zeros)."""
    if not number:
        return None
    text = unicodedata.normalize("NFC", number).upper().replace("Đ", "D")
    text = _SPACES.sub("", text)
    return _LEADING_ZEROS.sub("", text) or None


def covers_year(plan: Plan, year: int) -> bool:
    """The plan's period overlaps the year; without a period, it was issued in that year."""
    start, end = plan.period.start, plan.period.end
    if start or end:
        return (start is None or start.year <= year) and (end is None or end.year >= year)
    issued = plan.document.issue_date
    return issued is not None and issued.year == year


def plan_unit(lp: LoadedPlan) -> UnitId:
    if lp.unit is None:  # computed once per file: pairing compares it many times
        i = lp.plan.issuer
        lp.unit = unit_id(i.name, commune=i.commune, district=i.district, province=i.province)
    return lp.unit


def report_unit(lr: LoadedReport) -> UnitId:
    if lr.unit is None:
        u = lr.report.unit
        lr.unit = unit_id(u.name, commune=u.commune, district=u.district, province=u.province)
    return lr.unit


class _ByUnit:
    """Plans looked up by unit: candidates share the commune (or name) key, so that a province
    of thousands of units is paired in about linear time; a unit without a key is compared
    with every plan."""

    def __init__(self, plans: list[LoadedPlan]) -> None:
        self.plans = plans
        self.buckets: dict[str | None, list[LoadedPlan]] = {}
        for lp in plans:
            self.buckets.setdefault(plan_unit(lp).key, []).append(lp)

    def same(self, uid: UnitId) -> list[LoadedPlan]:
        pool = self.buckets.get(uid.key, []) if uid.key else self.plans
        return [lp for lp in pool if plan_unit(lp).same(uid) is True]

    def remove(self, lp: LoadedPlan) -> None:
        self.plans.remove(lp)
        self.buckets[plan_unit(lp).key].remove(lp)


@dataclass
class Duplicate:
    """An input set aside because another file stands for the same document or unit."""

    file: str
    kept: str
    why: str  # "same_plan" | "same_unit_plan" | "same_report" | "same_unit_report"


@dataclass
class Pair:
    plan: LoadedPlan | None
    report: LoadedReport | None
    how: str | None = None  # "unit" | "number": how the two were paired
    cited_other: LoadedPlan | None = None  # the report cites this plan of another unit


@dataclass
class Pairing:
    pairs: list[Pair] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


def cites(lr: LoadedReport, lp: LoadedPlan) -> bool:
    """The report's plan reference names this plan: the number, and the date when both give one."""
    ref = lr.report.plan
    if ref is None or number_key(ref.number) is None:
        return False
    doc = lp.plan.document
    if number_key(doc.number) != number_key(ref.number):
        return False
    return not (ref.date and doc.issue_date and ref.date != doc.issue_date)


def _cites_fully(lr: LoadedReport, lp: LoadedPlan) -> bool:
    ref = lr.report.plan
    return cites(lr, lp) and ref is not None and ref.date is not None


def _same_plan_document(a: LoadedPlan, b: LoadedPlan) -> bool:
    """One signed plan: same number and issue date, issuers not told apart."""
    da, db = a.plan.document, b.plan.document
    if number_key(da.number) is None or da.issue_date is None:
        return False
    return (
        number_key(da.number) == number_key(db.number)
        and da.issue_date == db.issue_date
        and plan_unit(a).same(plan_unit(b)) is not False
    )


def _dedupe_plans(
    plans: list[LoadedPlan], reports: list[LoadedReport]
) -> tuple[list[LoadedPlan], list[Duplicate]]:
    """One plan per unit: a structured .json before a document, a plan a report cites first."""

    def preference(lp: LoadedPlan) -> tuple:
        cited = any(_cites_fully(lr, lp) or cites(lr, lp) for lr in reports)
        return (not cited, lp.from_document, lp.file)

    kept: list[LoadedPlan] = []
    by_number: dict[tuple, list[LoadedPlan]] = {}
    by_unit: dict[str | None, list[LoadedPlan]] = {}
    dups: list[Duplicate] = []
    for lp in sorted(plans, key=preference):
        doc = lp.plan.document
        number = (number_key(doc.number), doc.issue_date)
        twin = next((k for k in by_number.get(number, []) if _same_plan_document(k, lp)), None)
        why = "same_plan"
        if twin is None:
            uid = plan_unit(lp)
            pool = by_unit.get(uid.key, []) if uid.key else kept
            twin = next((k for k in pool if plan_unit(k).same(uid) is True), None)
            why = "same_unit_plan"
        if twin is None:
            kept.append(lp)
            by_number.setdefault(number, []).append(lp)
            by_unit.setdefault(plan_unit(lp).key, []).append(lp)
        else:
            dups.append(Duplicate(lp.file, twin.file, why))
    return sorted(kept, key=lambda lp: lp.file), dups


def _dedupe_reports(reports: list[LoadedReport]) -> tuple[list[LoadedReport], list[Duplicate]]:
    """One report per unit: the same content twice, or the later of two reports of one unit."""

    def newest_first(lr: LoadedReport) -> tuple:
        issued = lr.report.document.issue_date
        return (issued is None, -(issued.toordinal() if issued else 0), lr.file)

    kept: list[LoadedReport] = []
    by_unit: dict[str | None, list[LoadedReport]] = {}
    dups: list[Duplicate] = []
    for lr in sorted(reports, key=newest_first):
        uid = report_unit(lr)
        pool = by_unit.get(uid.key, []) if uid.key else kept
        same = next((k for k in pool if k.report == lr.report), None)
        if same is not None:
            dups.append(Duplicate(lr.file, same.file, "same_report"))
            continue
        twin = next((k for k in pool if report_unit(k).same(uid) is True), None)
        if twin is not None:
            dups.append(Duplicate(lr.file, twin.file, "same_unit_report"))
            continue
        kept.append(lr)
        by_unit.setdefault(uid.key, []).append(lr)
    return sorted(kept, key=lambda lr: lr.file), dups


def pair(plans: list[LoadedPlan], reports: list[LoadedReport]) -> Pairing:
    """One pair per unit (matched, plan only, or report only) and the duplicates set aside."""
    reports, report_dups = _dedupe_reports(reports)
    plans, plan_dups = _dedupe_plans(plans, reports)
    index = _ByUnit(list(plans))
    free = index.plans
    pairs: list[Pair] = []
    pending: list[LoadedReport] = []
    # 1. The unit decides.
    for lr in reports:
        same = index.same(report_unit(lr))
        if not same:
            pending.append(lr)
            continue
        index.remove(same[0])
        pairs.append(Pair(same[0], lr, "unit"))
    # 2. A plan whose unit cannot be told (no name, no place) is taken by its number and date.
    for lr in pending:
        rid = report_unit(lr)
        hit = next(
            (lp for lp in free if plan_unit(lp).same(rid) is None and _cites_fully(lr, lp)), None
        )
        if hit is not None:
            index.remove(hit)
            pairs.append(Pair(hit, lr, "number"))
            continue
        # 3. It cites the plan of another unit: flagged, not re-paired.
        other = next(
            (lp for lp in plans if cites(lr, lp) and plan_unit(lp).same(rid) is False), None
        )
        pairs.append(Pair(None, lr, None, cited_other=other))
    pairs.extend(Pair(lp, None) for lp in free)
    return Pairing(pairs, plan_dups + report_dups)

"""Pairing each unit's plan with its results report for the assessed year.

A report names its plan by number and date, and its unit by name (and province): a plan is
taken when its number (and, when both are given, date) match, else when the unit matches.
A plan or a report left without a partner is kept as a unit of its own, never dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cchc.model import Plan
from cchc.parindex.inputs import LoadedPlan, LoadedReport

_SPACES = re.compile(r"\s+")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")
# Spelled-out and abbreviated forms of the same issuer name.
_ALIASES = (
    ("ủy ban nhân dân", "ubnd"),
    ("uỷ ban nhân dân", "ubnd"),
    ("thành phố", "tp"),
    ("thị xã", "tx"),
    ("thị trấn", "tt"),
)


def number_key(number: str | None) -> str | None:
    """'052 /KH-UBND' and '52/KH-UBND' are one number (upper case, Đ→D, no spaces/zeros)."""
    if not number:
        return None
    text = unicodedata.normalize("NFC", number).upper().replace("Đ", "D")
    text = _SPACES.sub("", text)
    return _LEADING_ZEROS.sub("", text) or None


def name_key(name: str | None) -> str | None:
    """Issuer names compared without case, extra spaces or spelled-out 'Ủy ban nhân dân'."""
    if not name:
        return None
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", name).casefold()).strip()
    for long, short in _ALIASES:
        text = text.replace(long, short)
    return text.replace(".", "").strip() or None


def _same_province(a: str | None, b: str | None) -> bool:
    return not a or not b or name_key(a) == name_key(b)


def covers_year(plan: Plan, year: int) -> bool:
    """The plan's period overlaps the year; without a period, it was issued in that year."""
    start, end = plan.period.start, plan.period.end
    if start or end:
        return (start is None or start.year <= year) and (end is None or end.year >= year)
    issued = plan.document.issue_date
    return issued is not None and issued.year == year


@dataclass
class Pair:
    plan: LoadedPlan | None
    report: LoadedReport | None
    how: str | None = None  # "number" | "unit": how the two were paired


def _plan_matches_number(lp: LoadedPlan, lr: LoadedReport) -> bool:
    ref = lr.report.plan
    if ref is None or number_key(ref.number) is None:
        return False
    doc = lp.plan.document
    if number_key(doc.number) != number_key(ref.number):
        return False
    if ref.date and doc.issue_date and ref.date != doc.issue_date:
        return False
    issuer, unit = lp.plan.issuer, lr.report.unit
    if not _same_province(issuer.province, unit.province):
        return False
    # Many communes number their plan 52/KH-UBND: a number alone needs the unit to agree; a
    # number and a date both stated and equal identify the plan even when the names differ.
    same_date = ref.date is not None and ref.date == doc.issue_date
    return same_date or not name_key(issuer.name) or name_key(issuer.name) == name_key(unit.name)


def _plan_matches_unit(lp: LoadedPlan, lr: LoadedReport) -> bool:
    issuer, unit = lp.plan.issuer, lr.report.unit
    return (
        name_key(issuer.name) is not None
        and name_key(issuer.name) == name_key(unit.name)
        and _same_province(issuer.province, unit.province)
    )


def pair(plans: list[LoadedPlan], reports: list[LoadedReport]) -> list[Pair]:
    """One pair per unit: matched, plan only, or report only."""
    free = list(plans)
    pairs: list[Pair] = []
    pending: list[LoadedReport] = []
    for lr in reports:
        hit = next((lp for lp in free if _plan_matches_number(lp, lr)), None)
        if hit is None:
            pending.append(lr)
            continue
        free.remove(hit)
        pairs.append(Pair(hit, lr, "number"))
    for lr in pending:
        hit = next((lp for lp in free if _plan_matches_unit(lp, lr)), None)
        if hit is not None:
            free.remove(hit)
        pairs.append(Pair(hit, lr, "unit" if hit else None))
    pairs.extend(Pair(lp, None) for lp in free)
    return pairs

"""Which packs and rules apply to a plan: its level, province, own date, and parents.

A plan is judged by the law in force on its own issue date (`--as-of` overrides it): a 2014
plan by the 2014 rules. Applicability is metadata, like a profile in OpenSCAP: it is decided
here, once, for both backends; the engine evaluates only the checks.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from cchc.citations import canonical_number
from cchc.model import Plan
from cchc.rulepack import Applies


@dataclass(frozen=True)
class Applicability:
    applies: bool
    reason: str  # message key when it does not apply or cannot be decided
    undecidable: bool = False  # the plan lacks what is needed to decide (→ `error`)
    params: tuple[tuple[str, str], ...] = ()


APPLIES = Applicability(True, "")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().strip()


def judge_date(plan: Plan, as_of: dt.date | None) -> dt.date | None:
    """The date a plan is judged at: `--as-of`, else its issue date, else the start of its
    period (a web copy often loses the date line but keeps "năm 2020" in the title)."""
    return as_of or plan.document.issue_date or plan.period.start


def check_applies(
    applies: Applies, plan: Plan, as_of: dt.date | None, parents: set[str]
) -> Applicability:
    """Does `applies` bind this plan? `parents` are the canonical numbers it cites/implements."""
    level = plan.issuer.level
    if applies.levels:
        if level is None:
            return Applicability(False, "na_level_unknown", undecidable=True)
        if level not in applies.levels:
            return Applicability(False, "na_level", params=(("level", str(level)),))
    if applies.provinces:
        if not plan.issuer.province:
            return Applicability(False, "na_province_unknown", undecidable=True)
        wanted = {_fold(p) for p in applies.provinces}
        if _fold(plan.issuer.province) not in wanted:
            return Applicability(False, "na_province", params=(("province", plan.issuer.province),))
    if applies.from_ or applies.until:
        when = judge_date(plan, as_of)
        if when is None:
            return Applicability(False, "na_date_unknown", undecidable=True)
        if applies.from_ and when < applies.from_:
            return Applicability(False, "na_before", params=(("date", applies.from_.isoformat()),))
        if applies.until and when > applies.until:
            return Applicability(False, "na_after", params=(("date", applies.until.isoformat()),))
    if applies.implements:
        wanted_numbers = {canonical_number(n) for n in applies.implements}
        if not wanted_numbers & parents:
            return Applicability(
                False, "na_parent", params=(("parents", ", ".join(applies.implements)),)
            )
    return APPLIES


def parent_numbers(plan: Plan) -> set[str]:
    return {
        canonical_number(r.number) for r in (*plan.implements, *plan.cited_documents) if r.number
    }

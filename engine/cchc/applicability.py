"""Which packs and rules apply to a plan: its level, province, issuer, own date and years, parents.

A plan is judged by the law in force on its own issue date (`--as-of` overrides it): a 2014
plan by the 2014 rules. Applicability is metadata, like a profile in OpenSCAP: it is decided
here, once, for both backends; the engine evaluates only the checks.

Every criterion is looked at: one that rules the plan out makes the rule `not_applicable`
even when another cannot be decided (a 2020 plan without an issue date is still outside the
2021–2030 programme); only when nothing rules it out does an undecidable criterion give
`error`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from cchc.citations import canonical_number, cite_key
from cchc.gazetteer import same_province
from cchc.model import Plan
from cchc.rulepack import Applies, ParentSpec


@dataclass(frozen=True)
class Applicability:
    applies: bool
    reason: str  # message key when it does not apply or cannot be decided
    undecidable: bool = False  # the plan lacks what is needed to decide (→ `error`)
    params: tuple[tuple[str, str], ...] = ()
    # Bound to provinces and the plan's province is unknown: not checked, and said so once per
    # plan (another province's duties are never an error of this plan).
    unchecked: bool = False


APPLIES = Applicability(True, "")
_DASHES = re.compile(r"\s*[-–—]\s*")
_SPACES = re.compile(r"\s+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().strip()
    return _SPACES.sub(" ", _DASHES.sub(" - ", text))


def judge_date(plan: Plan, as_of: dt.date | None) -> dt.date | None:
    """The date a plan is judged at: `--as-of`, else its issue date, else the start of its
    period (a web copy often loses the date line but keeps "năm 2020" in the title)."""
    return as_of or plan.document.issue_date or plan.period.start


def plan_years(plan: Plan) -> tuple[int, int] | None:
    """The first and last calendar year of the plan's period; the issue year when it has none."""
    start, end = plan.period.start, plan.period.end
    if start is None and end is None:
        if plan.document.issue_date is None:
            return None
        year = plan.document.issue_date.year
        return year, year
    first = (start or end).year  # type: ignore[union-attr]
    last = (end or start).year  # type: ignore[union-attr]
    return first, last


def _na(reason: str, **params: str) -> Applicability:
    return Applicability(False, reason, params=tuple(params.items()))


def _unknown(reason: str) -> Applicability:
    return Applicability(False, reason, undecidable=True)


def _dates(applies: Applies, plan: Plan, as_of: dt.date | None) -> Applicability:
    """`from`/`until` on the plan's issue date (or --as-of).

    Without an issue date the plan's years stand in where they settle it: a plan is issued
    before its period ends, and one for a year later than a document is taken to have been
    issued after it (plans for a year are written at the earliest in the year before). When
    the plan's years and the document's year meet, the question stays open.
    """
    when = judge_date(plan, as_of)
    if when is not None:
        if applies.from_ and when < applies.from_:
            return _na("na_before", date=applies.from_.isoformat())
        if applies.until and when > applies.until:
            return _na("na_after", date=applies.until.isoformat())
        return APPLIES
    years = plan_years(plan)
    if years is None:
        return _unknown("na_date_unknown")
    first, last = years
    open_question = False
    if applies.from_:
        if last < applies.from_.year:
            return _na("na_before", date=applies.from_.isoformat())
        if first <= applies.from_.year:
            open_question = True
    if applies.until:
        if first > applies.until.year + 1:
            return _na("na_after", date=applies.until.isoformat())
        end = plan.period.end
        if not (end is not None and end <= applies.until) and last >= applies.until.year:
            open_question = True
    return _unknown("na_date_unknown") if open_question else APPLIES


def _parents_match(wanted: list[str | ParentSpec], parents: set[str]) -> bool:
    for item in wanted:
        if isinstance(item, ParentSpec):
            if cite_key(item.number, item.date) in parents:
                return True
        elif item.startswith("*/"):
            suffix = canonical_number(item)[1:]  # '/KH-SLDTBXH'
            if any(p.split("@")[0].endswith(suffix) for p in parents):
                return True
        elif canonical_number(item) in parents:
            return True
    return False


def _parent_label(item: str | ParentSpec) -> str:
    if isinstance(item, ParentSpec):
        return f"{item.number} ({item.date.strftime('%d/%m/%Y')})"
    return item


_AS_STATED = "\0stated"  # the plan's own issuer.province


def _criteria(
    applies: Applies,
    plan: Plan,
    as_of: dt.date | None,
    parents: set[str],
    province: str | None = _AS_STATED,
) -> list[Applicability]:
    out: list[Applicability] = []
    level = plan.issuer.level
    if applies.levels:
        if level is None:
            out.append(_unknown("na_level_unknown"))
        elif level not in applies.levels:
            out.append(_na("na_level", level=str(level)))
    if applies.provinces:
        if province == _AS_STATED:
            province = plan.issuer.province
        if not province:
            names = ", ".join(applies.provinces)
            out.append(
                Applicability(False, "na_province_unchecked", False, (("provinces", names),), True)
            )
        elif not any(same_province(province, p) for p in applies.provinces):
            out.append(_na("na_province", province=province))
    if applies.issuers:
        names = [n for n in (plan.issuer.name, *plan.issuer.other_names) if n]
        if not names:
            out.append(_unknown("na_issuer_unknown"))
        elif not any(_fold(w) in _fold(n) for w in applies.issuers for n in names):
            out.append(_na("na_issuer", issuers="; ".join(applies.issuers)))
    if applies.from_ or applies.until:
        out.append(_dates(applies, plan, as_of))
    if applies.plan_years:
        years = plan_years(plan)
        span = applies.plan_years
        if years is None:
            out.append(_unknown("na_years_unknown"))
        elif years[0] < span.from_ or years[1] > span.until:
            out.append(_na("na_years", start=str(span.from_), end=str(span.until)))
    if applies.forms:
        wanted_forms = {str(f) for f in applies.forms}
        if not any(str(a.form) in wanted_forms for a in plan.activities):
            out.append(_na("na_forms", forms=", ".join(sorted(wanted_forms))))
    if applies.implements and not _parents_match(applies.implements, parents):
        out.append(
            _na("na_parent", parents=", ".join(_parent_label(i) for i in applies.implements))
        )
    return out


def check_applies(
    applies: Applies,
    plan: Plan,
    as_of: dt.date | None,
    parents: set[str],
    province: str | None = _AS_STATED,
) -> Applicability:
    """Does `applies` bind this plan? `parents` are the citation keys it cites/implements;
    `province` is the plan's province as resolved (`cchc.locate`), else its issuer.province."""
    return decide_applicability(_criteria(applies, plan, as_of, parents, province))


def decide_applicability(verdicts: list[Applicability]) -> Applicability:
    """A criterion that rules the plan out wins over a province not known (the pack is then
    not checked), which wins over one that cannot be decided."""
    for v in verdicts:
        if not v.applies and not v.undecidable and not v.unchecked:
            return v
    for v in verdicts:
        if v.unchecked:
            return v
    for v in verdicts:
        if not v.applies:
            return v
    return APPLIES


def after_source(source_date: dt.date | None, plan: Plan, as_of: dt.date | None) -> Applicability:
    """A plan can only be required to follow a document issued strictly before it: one issued
    on the parent's own date (or before it) is not bound by it."""
    when = judge_date(plan, as_of)
    if source_date is None or when is None or when > source_date:
        return APPLIES
    return _na("na_not_after_source", date=source_date.isoformat())


def district_parent(issuer: str, plan: Plan, as_of: dt.date | None) -> Applicability:
    """No district document binds a plan issued once the district level was abolished."""
    from cchc.levels import abolished, level_of

    level = level_of(issuer)
    end = abolished().get(str(level)) if level is not None else None
    when = judge_date(plan, as_of)
    if end is None or when is None or when < end:
        return APPLIES
    return _na("na_level_abolished", date=end.isoformat())


def parent_numbers(plan: Plan) -> set[str]:
    """Citation keys of every cited or implemented document: '47/QD-UBND' and '…@2014-01-14'."""
    keys: set[str] = set()
    for ref in (*plan.implements, *plan.cited_documents):
        if ref.number:
            keys.add(canonical_number(ref.number))
            if ref.date is not None:
                keys.add(cite_key(ref.number, ref.date))
    return keys

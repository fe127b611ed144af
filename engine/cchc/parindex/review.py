"""Flags for a second look: what a unit's files say that contradicts itself.

None of these changes the points: each says what was seen and how it was scored meanwhile, so
that the officer (or the appraisal council) decides. Each flag names the rule that raised it.

PX-REVIEW-CLAIMED-NO-COUNT    a line says done in full (`completed: true`) without a count, for
                              an activity due more than once: credited as done, unproven
PX-REVIEW-NOT-DONE-WITH-COUNT a line says not done (`completed: false`) but gives a count
PX-REVIEW-TWO-LINES           two or more report lines for one planned activity
PX-REVIEW-BACKDATED           the plan is dated after the report on its own year, or after the year
PX-REVIEW-CITES-OTHER-PLAN    the report names one unit and cites the plan of another
PX-REVIEW-DUPLICATE           another file of this unit was set aside as a duplicate
PX-REVIEW-MATCHED-BY-FORM     a plan read from a document: report lines matched by form only
"""

from __future__ import annotations

import datetime as dt

from cchc.messages import t
from cchc.parindex.context import UnitContext, date_text
from cchc.parindex.result import ReviewFlag

RULES = (
    "PX-REVIEW-CLAIMED-NO-COUNT",
    "PX-REVIEW-NOT-DONE-WITH-COUNT",
    "PX-REVIEW-TWO-LINES",
    "PX-REVIEW-BACKDATED",
    "PX-REVIEW-CITES-OTHER-PLAN",
    "PX-REVIEW-DUPLICATE",
    "PX-REVIEW-MATCHED-BY-FORM",
)


def rule_key(rule: str) -> str:
    """'PX-REVIEW-TWO-LINES' → the message key 'px_rv_two_lines'."""
    return "px_rv_" + rule.removeprefix("PX-REVIEW-").lower().replace("-", "_")


def _flag(ctx: UnitContext, rule: str, where: str | None = None, **params: object) -> ReviewFlag:
    return ReviewFlag(rule=rule, message=t(rule_key(rule), ctx.lang, **params), where=where)


def line_flags(ctx: UnitContext) -> list[ReviewFlag]:
    """Contradictions inside the report's lines, per planned activity."""
    if ctx.report is None:
        return []
    flags: list[ReviewFlag] = []
    for o in ctx.outcomes:
        what = f"{o.target.key} {o.target.activity.title or ctx.form_label(o.target.activity.form)}"
        for i, item in o.items:
            where = ctx.report_ref(f"activities[{i}]")
            if item.completed is True and item.count is None and o.target.required > 1:
                flags.append(
                    _flag(ctx, "PX-REVIEW-CLAIMED-NO-COUNT", where, what=what, n=o.target.required)
                )
            if item.completed is False and item.count:
                flags.append(
                    _flag(ctx, "PX-REVIEW-NOT-DONE-WITH-COUNT", where, what=what, n=item.count)
                )
        if len(o.items) > 1:
            lines = ", ".join(f"activities[{i}]" for i, _ in o.items)
            done = "?" if o.done is None else o.done
            flags.append(
                _flag(ctx, "PX-REVIEW-TWO-LINES", ctx.report_ref(), what=what, lines=lines, n=done)
            )
    if ctx.from_document and any(o.matched_by == "form" for o in ctx.outcomes):
        flags.append(_flag(ctx, "PX-REVIEW-MATCHED-BY-FORM", ctx.plan_ref()))
    return flags


def backdated(ctx: UnitContext) -> list[ReviewFlag]:
    """A plan dated after its own year's report, or after the year it plans for."""
    if ctx.plan is None:
        return []
    issued = ctx.plan.plan.document.issue_date
    if issued is None:
        return []
    reported = ctx.report.report.document.issue_date if ctx.report else None
    if reported is not None and issued > reported:
        return [
            _flag(
                ctx,
                "PX-REVIEW-BACKDATED",
                ctx.plan_ref("document.issue_date"),
                issued=date_text(issued),
                after=t("px_rv_after_report", ctx.lang, date=date_text(reported)),
            )
        ]
    if issued > dt.date(ctx.year, 12, 31):
        return [
            _flag(
                ctx,
                "PX-REVIEW-BACKDATED",
                ctx.plan_ref("document.issue_date"),
                issued=date_text(issued),
                after=t("px_rv_after_year", ctx.lang, year=ctx.year),
            )
        ]
    return []


def unit_flags(ctx: UnitContext) -> list[ReviewFlag]:
    return [*line_flags(ctx), *backdated(ctx)]

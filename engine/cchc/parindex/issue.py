"""Sub-criterion `plan_issue`: the plan issued by the scheme's deadline, late, or not at all."""

from __future__ import annotations

import datetime as dt

from cchc.messages import t
from cchc.parindex.bands import num
from cchc.parindex.context import UnitContext, date_text
from cchc.parindex.result import SubScore
from cchc.parindex.scheme import IssueSub


def due_date(sub: IssueSub, year: int) -> dt.date:
    """The deadline in the assessed year (31 February → 28/29 February)."""
    y = year + sub.due.year_offset
    day = sub.due.day
    while True:
        try:
            return dt.date(y, sub.due.month, day)
        except ValueError:
            day -= 1


def score_issue(sub: IssueSub, index: int, ctx: UnitContext) -> SubScore:
    lang, scheme = ctx.lang, ctx.scheme
    base = {"code": sub.code or "", "title": sub.title.get(lang), "kind": sub.kind, "max": sub.max}
    due = due_date(sub, ctx.year)
    trace = [scheme.ref("sub_criteria", index), scheme.ref("sub_criteria", index, "due")]
    if ctx.plan is None:
        return SubScore(
            **base,
            points=sub.points.missing,
            reason=t("px_issue_missing", lang, points=num(sub.points.missing, lang)),
            evidence_missing=[t("px_missing_plan", lang)],
            trace=[*trace, scheme.ref("sub_criteria", index, "points", "missing")],
        )
    issued = ctx.plan.plan.document.issue_date
    found = [e for e in (ctx.plan_evidence(),) if e]
    trace.append(ctx.plan_ref("document.issue_date"))
    if issued is None:
        return SubScore(
            **base,
            points=sub.points.late,
            scored=False,
            reason=t("px_issue_unknown", lang, points=num(sub.points.late, lang)),
            evidence_found=found,
            evidence_missing=[t("px_missing_issue_date", lang)],
            trace=[*trace, scheme.ref("sub_criteria", index, "points", "late")],
        )
    on_time = issued <= due
    points = sub.points.on_time if on_time else sub.points.late
    key = "px_issue_on_time" if on_time else "px_issue_late"
    reason = t(key, lang, issued=date_text(issued), due=date_text(due), points=num(points, lang))
    point_ref = scheme.ref("sub_criteria", index, "points", "on_time" if on_time else "late")
    missing: list[str] = []
    content = sub.content
    n = len(ctx.plan.plan.activities)
    if on_time and content is not None and n < content.min_activities:
        # "Đảm bảo nội dung, đúng thời gian": on time is not enough without the content.
        points = content.points
        reason = t(
            "px_issue_no_content",
            lang,
            issued=date_text(issued),
            due=date_text(due),
            n=n,
            need=content.min_activities,
            points=num(points, lang),
        )
        point_ref = scheme.ref("sub_criteria", index, "content")
        missing.append(t("px_missing_plan_content", lang))
    trace.append(ctx.plan_ref("activities"))
    return SubScore(
        **base,
        points=points,
        reason=reason,
        evidence_found=found,
        evidence_missing=missing,
        trace=[*trace, point_ref],
    )

"""Sub-criterion `plan_completion`: the share of the plan carried out, put through the bands."""

from __future__ import annotations

from cchc.messages import t
from cchc.parindex.bands import num, percent_text, pick_band
from cchc.parindex.context import UnitContext
from cchc.parindex.result import SubScore
from cchc.parindex.scheme import CompletionSub
from cchc.parindex.targets import Outcome, ratio
from cchc.results_report import EVIDENCE_KIND_LABELS
from cchc.vocab import label


def _required_text(o: Outcome, ctx: UnitContext) -> str:
    act, lang = o.target.activity, ctx.lang
    if not o.target.count_stated:
        return t("px_req_assumed", lang, n=o.target.required)
    if o.target.periods > 1:
        return t(
            "px_req_periods",
            lang,
            n=o.target.required,
            count=act.count,
            per=t(f"px_per_{act.per.value}", lang),  # periods > 1: week to half-year
            periods=o.target.periods,
        )
    return t("px_req_times", lang, n=o.target.required)


def band_text(sub: CompletionSub, index: int, lang: str) -> str:
    """'từ 90% đến dưới 100%': the band as the scheme's table states it."""
    low = sub.bands[index].from_
    if index == 0:
        return t("px_band_top", lang, low=num(low, lang))
    high = num(sub.bands[index - 1].from_, lang)
    if low == 0:
        return t("px_band_low", lang, high=high)
    return t("px_band_mid", lang, low=num(low, lang), high=high)


def _detail(o: Outcome, sub: CompletionSub, ctx: UnitContext) -> str:
    lang, act = ctx.lang, o.target.activity
    head = f"{o.target.key} {act.title or ctx.form_label(act.form)}"
    planned = _required_text(o, ctx)
    if not o.items:
        done = t("px_done_none", lang)
    elif o.done is None:
        done = t("px_done_unknown", lang)
    elif o.done == 0 and all(item.completed is False for _, item in o.items):
        done = t("px_done_refused", lang)
    elif o.claimed:
        done = t("px_done_claimed", lang)
    else:
        done = t("px_done_times", lang, n=o.done)
    if o.complete(sub.require_evidence):
        verdict = t("px_target_met", lang)
    elif sub.require_evidence and o.items and not o.evidence:
        verdict = t("px_target_no_evidence", lang)
    else:
        verdict = t("px_target_not_met", lang)
    return f"{head}: {planned}; {done} → {verdict}"


def score_completion(sub: CompletionSub, index: int, ctx: UnitContext) -> SubScore:
    lang, scheme = ctx.lang, ctx.scheme
    base = {
        "code": sub.code or "",
        "title": sub.title.get(lang),
        "kind": sub.kind,
        "max": sub.max,
    }
    trace = [scheme.ref("sub_criteria", index)]
    found = [e for e in (ctx.plan_evidence(), ctx.report_evidence()) if e]
    missing = []
    if ctx.plan is None:
        missing.append(t("px_missing_plan", lang))
    if ctx.report is None:
        missing.append(t("px_missing_report", lang))
    if ctx.plan is None or ctx.report is None:
        key = "px_completion_no_plan" if ctx.plan is None else "px_completion_no_report"
        return SubScore(
            **base,
            points=0.0,
            scored=False,
            reason=t(key, lang),
            evidence_found=found,
            evidence_missing=missing,
            trace=trace,
        )
    share = ratio(ctx.outcomes, sub.measure, sub.require_evidence)
    if share is None:
        return SubScore(
            **base,
            points=0.0,
            scored=False,
            reason=t("px_completion_no_targets", lang),
            evidence_found=found,
            evidence_missing=missing,
            trace=[*trace, ctx.plan_ref("activities")],
        )
    hit = pick_band(share, sub.bands, sub.max)
    band = band_text(sub, hit.index, lang)
    trace.append(scheme.ref("sub_criteria", index, "bands", hit.index))
    if sub.measure == "volume":
        done = sum(o.credited(sub.require_evidence) for o in ctx.outcomes)
        due = sum(o.target.required for o in ctx.outcomes)
        counted = t("px_volume_counted", lang, done=done, due=due)
    else:
        done = sum(o.complete(sub.require_evidence) for o in ctx.outcomes)
        counted = t("px_targets_counted", lang, done=done, due=len(ctx.outcomes))
    reason = t(
        "px_completion_reason",
        lang,
        counted=counted,
        pct=percent_text(share, lang),
        band=band,
        points=t(
            "px_band_proportional",
            lang,
            pct=percent_text(share, lang),
            max=num(sub.max, lang),
            points=num(hit.points, lang),
        )
        if hit.band.proportional
        else t("px_band_fixed", lang, points=num(hit.points, lang)),
    )
    details = [_detail(o, sub, ctx) for o in ctx.outcomes]
    for i, item, why in ctx.unmatched:
        what = (
            item.activity_id
            if why in ("id", "document_id")
            else ctx.form_label(item.form.value if item.form else "")
        )
        details.append(t(f"px_unmatched_{why}", lang, where=f"activities[{i}]", what=what))
    for o in ctx.outcomes:
        trace.append(ctx.plan_ref(o.target.key))
        for i, _ in o.items:
            trace.append(ctx.report_ref(f"activities[{i}]"))
        for i, j, ev in o.evidence:
            found.append(
                ctx.evidence_ref(
                    ev,
                    f"{label(EVIDENCE_KIND_LABELS, ev.kind.value, lang)}: {ev.label()}",
                    ctx.report_ref(f"activities[{i}].evidence_items[{j}]"),
                )
            )
        done_something = o.items and (o.done or 0) > 0
        # Only a scheme that asks for a document per activity lists its absence as missing.
        if sub.require_evidence and done_something and not o.evidence:
            act = o.target.activity
            missing.append(
                t(
                    "px_missing_activity_evidence",
                    lang,
                    what=f"{o.target.key} {act.title or ctx.form_label(act.form)}",
                )
            )
    return SubScore(
        **base,
        band=band,
        points=hit.points,
        reason=reason,
        details=details,
        evidence_found=found,
        evidence_missing=missing,
        trace=trace,
    )

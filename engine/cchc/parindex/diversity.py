"""Sub-criterion `form_diversity`: points per group of forms used in the year, with evidence.

The forms used are those the report lists under `forms_used` and those of its activities
that were done (a count above 0, or `completed: true`); an activity without a form takes the
form of the plan activity it was matched to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc.messages import t
from cchc.parindex.bands import num, round_points
from cchc.parindex.context import UnitContext
from cchc.parindex.result import EvidenceRef, SubScore
from cchc.parindex.scheme import DiversitySub, FormGroup
from cchc.results_report import EVIDENCE_KIND_LABELS, EvidenceItem
from cchc.vocab import label


@dataclass
class FormUse:
    form: str
    where: list[str] = field(default_factory=list)  # report items that show the form used
    evidence: list[tuple[str, EvidenceItem]] = field(default_factory=list)


def forms_used(ctx: UnitContext) -> dict[str, FormUse]:
    assert ctx.report is not None
    uses: dict[str, FormUse] = {}
    report = ctx.report.report
    matched_form = {i: o.target.activity.form.value for o in ctx.outcomes for i, _ in o.items}
    for i, fu in enumerate(report.forms_used):
        use = uses.setdefault(fu.form.value, FormUse(fu.form.value))
        path = f"forms_used[{i}]"
        use.where.append(ctx.report_ref(path))
        use.evidence.extend(
            (ctx.report_ref(f"{path}.evidence_items[{j}]"), ev)
            for j, ev in enumerate(fu.evidence_items)
        )
    for i, item in enumerate(report.activities):
        done = (item.count or 0) > 0 or (item.count is None and item.completed is True)
        form = item.form.value if item.form else matched_form.get(i)
        if not done or form is None:
            continue
        use = uses.setdefault(form, FormUse(form))
        path = f"activities[{i}]"
        use.where.append(ctx.report_ref(path))
        use.evidence.extend(
            (ctx.report_ref(f"{path}.evidence_items[{j}]"), ev)
            for j, ev in enumerate(item.evidence_items)
        )
    return uses


def _leaf_paths(groups: list[FormGroup], prefix: tuple) -> list[tuple[FormGroup, tuple]]:
    out = []
    for k, g in enumerate(groups):
        path = (*prefix, "groups", k)
        out.extend([(g, path)] if g.forms else _leaf_paths(g.groups, path))
    return out


def score_diversity(sub: DiversitySub, index: int, ctx: UnitContext) -> SubScore:
    lang, scheme = ctx.lang, ctx.scheme
    base = {"code": sub.code or "", "title": sub.title.get(lang), "kind": sub.kind, "max": sub.max}
    trace = [scheme.ref("sub_criteria", index)]
    if ctx.report is None:
        return SubScore(
            **base,
            points=0.0,
            scored=False,
            reason=t("px_diversity_no_report", lang),
            evidence_found=[e for e in (ctx.plan_evidence(),) if e],
            evidence_missing=[t("px_missing_report", lang)],
            trace=trace,
        )
    uses = forms_used(ctx)
    found: list[EvidenceRef] = [e for e in (ctx.report_evidence(),) if e]
    missing: list[str] = []
    details: list[str] = []
    earned: list[str] = []
    total = 0.0
    met = 0
    counted: set[str] = set()
    disclosed: list[str] = []
    leaves = _leaf_paths(sub.groups, ("sub_criteria", index))
    for leaf, path in leaves:
        title = leaf.title.get(lang)
        used = [uses[f] for f in leaf.forms if f in uses]
        counted.update(f.value for f in leaf.forms)
        proven = [u for u in used if u.evidence] if sub.require_evidence else used
        ok = len(proven) >= leaf.min_forms
        points = leaf.points if ok and leaf.points is not None else 0.0
        total += points
        if ok:
            met += 1
            earned.append(f"{title} {num(points, lang)}")
            trace.append(scheme.ref(*path))
            only = leaf.disclose_when_only
            if only is not None and all(u.form in only.forms for u in proven):
                details.append(only.note.get(lang))
                disclosed.append(only.note.get(lang))
        if not used:
            what = t("px_group_unused", lang)
            missing.append(t("px_missing_group", lang, group=title))
        else:
            what = ", ".join(
                t("px_form_use", lang, form=ctx.form_label(u.form), n=len(u.evidence)) for u in used
            )
            if sub.require_evidence and not ok:
                for u in used:
                    if not u.evidence:
                        missing.append(
                            t("px_missing_form_evidence", lang, form=ctx.form_label(u.form))
                        )
        details.append(f"{title}: {what} → {num(points, lang)}/{num(leaf.points or 0, lang)}")
        for u in used:
            trace.extend(u.where)
            for where, ev in u.evidence:
                found.append(
                    ctx.evidence_ref(
                        ev,
                        f"{ctx.form_label(u.form)} — "
                        f"{label(EVIDENCE_KIND_LABELS, ev.kind.value, lang)}: {ev.label()}",
                        where,
                    )
                )
    for form, use in sorted(uses.items()):
        if form not in counted:
            details.append(t("px_form_not_counted", lang, form=ctx.form_label(form)))
            trace.extend(use.where)
    points = round_points(total)
    reason = t(
        "px_diversity_reason",
        lang,
        met=met,
        groups=len(leaves),
        earned="; ".join(earned) if earned else "—",
        points=num(points, lang),
    )
    if disclosed:
        reason += " " + " ".join(disclosed)
    return SubScore(
        **base,
        points=points,
        reason=reason,
        details=details,
        evidence_found=found,
        evidence_missing=missing,
        trace=trace,
    )

"""Scoring a province's folder of plans and results reports: one `UnitScore` per unit."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable

from cchc import __version__
from cchc.messages import Lang, t
from cchc.parindex.completion import score_completion
from cchc.parindex.compliance import ComplianceFn
from cchc.parindex.context import UnitContext, date_text
from cchc.parindex.diversity import score_diversity
from cchc.parindex.inputs import LoadedPlan, LoadedReport, load_plans, load_reports
from cchc.parindex.issue import score_issue
from cchc.parindex.pairing import Pair, covers_year, name_key, pair
from cchc.parindex.result import IndexRun, Pairing, SchemeInfo, Skipped, SubScore, UnitScore
from cchc.parindex.scheme import CompletionSub, DiversitySub, IssueSub, Scheme
from cchc.vocab import LEVEL_LABELS, label

SCORERS: dict[type, Callable[..., SubScore]] = {
    CompletionSub: score_completion,
    DiversitySub: score_diversity,
    IssueSub: score_issue,
}


def score_unit(
    ctx: UnitContext, how: str | None = None, compliance: ComplianceFn | None = None
) -> UnitScore:
    lang, head = ctx.lang, ctx.scheme.model.scheme
    subs = [SCORERS[type(sub)](sub, i, ctx) for i, sub in enumerate(ctx.scheme.model.sub_criteria)]
    plan = ctx.plan.plan if ctx.plan else None
    report = ctx.report.report if ctx.report else None
    # The report names the unit being assessed; a plan's issuer line may carry a slip.
    name = (report.unit.name if report else None) or (plan.issuer.name if plan else None)
    level = (plan.issuer.level if plan else None) or (report.unit.level if report else None)
    province = (plan.issuer.province if plan else None) or (
        report.unit.province if report else None
    )
    pairing = Pairing.matched if plan and report else Pairing.no_report if plan else Pairing.no_plan
    notes: list[str] = []
    if how == "unit" and report and report.plan and report.plan.number:
        notes.append(t("px_paired_by_unit", lang, number=report.plan.number))
    if level and head.levels and level not in head.levels:
        wanted = ", ".join(label(LEVEL_LABELS, lv, lang) for lv in head.levels)
        notes.append(
            t("px_level_mismatch", lang, level=label(LEVEL_LABELS, level, lang), wanted=wanted)
        )
    # The plan's own name for its issuer, and any other name its text gives it (a commune that
    # calls itself "Ủy ban nhân dân huyện …" keeps that slip in issuer.other_names).
    names = [plan.issuer.name, *plan.issuer.other_names] if plan else []
    for named in names:
        if named and report and name_key(named) != name_key(report.unit.name):
            notes.append(t("px_name_differs", lang, plan=named, report=report.unit.name))
    reported = report.plan.date if report and report.plan else None
    actual = plan.document.issue_date if plan else None
    if ctx.plan and ctx.report and reported and actual and reported != actual:
        notes.append(
            t("px_plan_date_differs", lang, reported=date_text(reported), actual=date_text(actual))
        )
    comp = compliance(plan, ctx.plan.file) if compliance and plan and ctx.plan else None
    return UnitScore(
        unit=name or t("unknown", lang),
        level=level.value if level else None,
        province=province,
        pairing=pairing,
        plan_file=ctx.plan.file if ctx.plan else None,
        plan_number=plan.document.number if plan else None,
        plan_date=plan.document.issue_date.isoformat()
        if plan and plan.document.issue_date
        else None,
        report_file=ctx.report.file if ctx.report else None,
        report_number=report.document.number if report else None,
        report_date=report.document.issue_date.isoformat()
        if report and report.document.issue_date
        else None,
        total=round(sum(s.points for s in subs), 2),
        max=head.criterion.max,
        subs=subs,
        compliance=comp,
        notes=notes,
    )


def scheme_info(scheme: Scheme, lang: Lang) -> SchemeInfo:
    head = scheme.model.scheme
    return SchemeInfo(
        id=head.id,
        file=str(scheme.file),
        title=head.title.get(lang),
        criterion_code=head.criterion.code,
        criterion_title=head.criterion.title.get(lang),
        max=head.criterion.max,
        source=head.source.cite(),
        notes=[n.get(lang) for n in scheme.model.notes],
    )


_VN_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_VN_ORDER = {c: i for i, c in enumerate(_VN_LETTERS)}


def vn_sort_key(text: str | None) -> tuple[tuple[int, ...], str]:
    """Vietnamese dictionary order: a ă â b c d đ e ê …, tones only break ties."""
    base = []
    for ch in unicodedata.normalize("NFC", (text or "").casefold()):
        letter = unicodedata.normalize("NFD", ch)
        head = letter[0]
        # Keep the letter-forming marks (breve, circumflex, horn) and drop the tone marks.
        for mark, composed in (
            ("\u0306", "ă"),
            ("\u0302", "â" if head == "a" else "ê" if head == "e" else "ô"),
            ("\u031b", "ơ" if head == "o" else "ư"),
        ):
            if mark in letter:
                head = composed
        base.append(_VN_ORDER.get(head, 100 + ord(head)))
    return tuple(base), text or ""


def _sort_key(u: UnitScore) -> tuple:
    # 'Ủy ban nhân dân xã X' sorts with 'UBND xã X'.
    return (
        vn_sort_key(name_key(u.province)),
        vn_sort_key(name_key(u.unit)),
        u.plan_file or u.report_file or "",
    )


def score_pairs(
    pairs: list[Pair],
    scheme: Scheme,
    year: int,
    lang: Lang = "vi",
    compliance: ComplianceFn | None = None,
) -> list[UnitScore]:
    units = [
        score_unit(UnitContext(year, scheme, p.plan, p.report, lang), p.how, compliance)
        for p in pairs
    ]
    return sorted(units, key=_sort_key)


def index_run(
    plans_dir: str | os.PathLike[str],
    results_dir: str | os.PathLike[str],
    year: int,
    scheme: Scheme,
    lang: Lang = "vi",
    compliance: ComplianceFn | None = None,
) -> IndexRun:
    """Load both folders, keep the assessed year, pair, score. Nothing readable is dropped."""
    plans, plan_errors = load_plans(plans_dir, lang)
    reports, report_errors = load_reports(results_dir, lang)
    skipped: list[Skipped] = []
    kept_plans: list[LoadedPlan] = []
    for lp in plans:
        if covers_year(lp.plan, year):
            kept_plans.append(lp)
        else:
            skipped.append(Skipped(file=lp.file, reason=t("px_skip_plan_year", lang, year=year)))
    kept_reports: list[LoadedReport] = []
    for lr in reports:
        if lr.report.year == year:
            kept_reports.append(lr)
        else:
            skipped.append(
                Skipped(
                    file=lr.file,
                    reason=t("px_skip_report_year", lang, year=year, other=lr.report.year),
                )
            )
    units = score_pairs(pair(kept_plans, kept_reports), scheme, year, lang, compliance)
    return IndexRun(
        version=__version__,
        lang=lang,
        year=year,
        scheme=scheme_info(scheme, lang),
        units=units,
        skipped=skipped,
        errors=plan_errors + report_errors,
    )

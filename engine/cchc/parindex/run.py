"""Scoring a province's folder of plans and results reports: one `UnitScore` per unit."""

from __future__ import annotations

import contextlib
import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

from cchc import __version__
from cchc.messages import Lang, t
from cchc.parindex.completion import band_text, score_completion
from cchc.parindex.compliance import ComplianceFn
from cchc.parindex.context import UnitContext, date_text
from cchc.parindex.diversity import score_diversity
from cchc.parindex.expected import ExpectedUnit
from cchc.parindex.inputs import LoadedPlan, LoadedReport, load_plans, load_reports
from cchc.parindex.issue import score_issue
from cchc.parindex.pairing import Pairing as PairingResult
from cchc.parindex.pairing import (
    covers_year,
    number_key,
    pair,
    plan_unit,
    report_unit,
)
from cchc.parindex.result import (
    IndexRun,
    Pairing,
    ReviewFlag,
    SchemeInfo,
    SetAside,
    Skipped,
    SubInfo,
    SubScore,
    UnitScore,
)
from cchc.parindex.review import unit_flags
from cchc.parindex.scheme import CompletionSub, DiversitySub, IssueSub, Scheme, schemes_dir
from cchc.parindex.units import display_name, fold, unit_id
from cchc.vocab import LEVEL_LABELS, label

SCORERS: dict[type, Callable[..., SubScore]] = {
    CompletionSub: score_completion,
    DiversitySub: score_diversity,
    IssueSub: score_issue,
}


def score_unit(
    ctx: UnitContext,
    how: str | None = None,
    compliance: ComplianceFn | None = None,
    expected: ExpectedUnit | None = None,
) -> UnitScore:
    lang, head = ctx.lang, ctx.scheme.model.scheme
    subs = [SCORERS[type(sub)](sub, i, ctx) for i, sub in enumerate(ctx.scheme.model.sub_criteria)]
    plan = ctx.plan.plan if ctx.plan else None
    report = ctx.report.report if ctx.report else None
    # The expected list names the unit; else the report (a plan's issuer line may carry a slip).
    name = (
        (expected.name if expected else None)
        or (report.unit.name if report else None)
        or (plan.issuer.name if plan else None)
    )
    level = (plan.issuer.level if plan else None) or (report.unit.level if report else None)
    province = (
        (plan.issuer.province if plan else None)
        or (report.unit.province if report else None)
        or (expected.province if expected else None)
    )
    if plan and report:
        pairing = Pairing.matched
    else:
        pairing = Pairing.no_report if plan else Pairing.no_plan if report else Pairing.nothing
    notes: list[str] = []
    ref = report.plan if report else None
    if plan and ref and ref.number and number_key(ref.number) != number_key(plan.document.number):
        notes.append(t("px_paired_by_unit", lang, number=ref.number))
    if level and head.levels and level not in head.levels:
        wanted = ", ".join(label(LEVEL_LABELS, lv, lang) for lv in head.levels)
        notes.append(
            t("px_level_mismatch", lang, level=label(LEVEL_LABELS, level, lang), wanted=wanted)
        )
    # The plan's own name for its issuer, and any other name its text gives it (a commune that
    # calls itself "Ủy ban nhân dân huyện …" keeps that slip in issuer.other_names).
    names = [plan.issuer.name, *plan.issuer.other_names] if plan else []
    for named in names:
        if named and report and unit_id(named).name != unit_id(report.unit.name).name:
            notes.append(t("px_name_differs", lang, plan=named, report=report.unit.name))
    reported = ref.date if ref else None
    actual = plan.document.issue_date if plan else None
    if ctx.plan and ctx.report and reported and actual and reported != actual:
        notes.append(
            t("px_plan_date_differs", lang, reported=date_text(reported), actual=date_text(actual))
        )
    if how == "number":
        notes.append(t("px_paired_by_number", lang))
    comp = compliance(plan, ctx.plan.file) if compliance and plan and ctx.plan else None
    return UnitScore(
        unit=display_name(name) or t("unknown", lang),
        level=level.value if level else (expected.level if expected else None),
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
        review=unit_flags(ctx),
        expected=None if expected is None else True,
    )


def _shipped_name(scheme: Scheme) -> str:
    """'rules/schemes/x.yaml' for a shipped scheme (never a path into site-packages)."""
    try:
        return "rules/schemes/" + str(scheme.file.resolve().relative_to(schemes_dir().resolve()))
    except ValueError:
        return str(scheme.file)


def scheme_info(scheme: Scheme, lang: Lang) -> SchemeInfo:
    head = scheme.model.scheme
    subs = []
    for sub in scheme.model.sub_criteria:
        src = sub.source or head.source
        subs.append(
            SubInfo(
                code=sub.code or "",
                title=sub.title.get(lang),
                max=sub.max,
                source=src.cite(),
                status=src.status,
                note=sub.note.get(lang) if sub.note else None,
                bands=[band_text(sub, i, lang) for i in range(len(sub.bands))]
                if isinstance(sub, CompletionSub)
                else [],
            )
        )
    return SchemeInfo(
        id=head.id,
        file=_shipped_name(scheme),
        title=head.title.get(lang),
        criterion_code=head.criterion.code or "",
        criterion_title=head.criterion.title.get(lang),
        max=head.criterion.max,
        source=head.source.cite(),
        status=head.source.status,
        subs=subs,
        notes=[n.get(lang) for n in scheme.model.notes],
        interpretations=[n.get(lang) for n in scheme.model.interpretations],
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
        vn_sort_key(unit_id(None, province=u.province).province),
        vn_sort_key(fold(u.unit)),
        u.plan_file or u.report_file or "",
    )


_WHY = {
    "same_plan": "px_dup_same_plan",
    "same_unit_plan": "px_dup_same_unit_plan",
    "same_report": "px_dup_same_report",
    "same_unit_report": "px_dup_same_unit_report",
}


def score_pairs(
    pairing: PairingResult,
    scheme: Scheme,
    year: int,
    lang: Lang = "vi",
    compliance: ComplianceFn | None = None,
    expected: list[ExpectedUnit] | None = None,
) -> tuple[list[UnitScore], list[str]]:
    """Every unit scored; with an expected list, every expected unit has a row (a unit that sent
    nothing scores what the scheme gives a missing plan and report) and the others are listed."""
    units: list[UnitScore] = []
    unexpected: list[str] = []
    kept_by: dict[str | None, list] = {}
    for d in pairing.duplicates:
        kept_by.setdefault(d.kept, []).append(d)
    left: dict[str | None, list[ExpectedUnit]] = {}
    for e in expected or []:
        left.setdefault(e.id.key, []).append(e)
    for p in pairing.pairs:
        ctx = UnitContext(year, scheme, p.plan, p.report, lang)
        ids = [x for x in (p.report and report_unit(p.report), p.plan and plan_unit(p.plan)) if x]
        exp = next((e for i in ids for e in left.get(i.key, []) if e.id.same(i) is True), None)
        if exp is not None:
            left[exp.id.key].remove(exp)
        u = score_unit(ctx, p.how, compliance, exp)
        if expected is not None and exp is None:
            u.expected = False
            unexpected.append(u.unit)
        if p.cited_other is not None:
            other = p.cited_other
            u.review.append(
                ReviewFlag(
                    rule="PX-REVIEW-CITES-OTHER-PLAN",
                    message=t(
                        "px_rv_cites_other_plan",
                        lang,
                        number=other.plan.document.number or "?",
                        other=other.plan.issuer.name or other.file,
                        file=other.file,
                    ),
                    where=ctx.report_ref("plan"),
                )
            )
        for d in kept_by.get(u.plan_file, []) + kept_by.get(u.report_file, []):
            u.review.append(
                ReviewFlag(
                    rule="PX-REVIEW-DUPLICATE",
                    message=t(_WHY[d.why], lang, file=d.file, kept=d.kept),
                    where=d.file,
                )
            )
        units.append(u)
    for e in (e for bucket in left.values() for e in bucket):
        ctx = UnitContext(year, scheme, None, None, lang)
        units.append(score_unit(ctx, None, None, e))
    return sorted(units, key=_sort_key), unexpected


def _relative(files: list, base: Path | None) -> None:
    """Input paths relative to the folder both input folders sit in (no local absolute paths)."""
    if base is None:
        return
    for x in files:
        with contextlib.suppress(ValueError):  # another drive on Windows
            x.file = os.path.relpath(x.file, base)


def index_run(
    plans_dir: str | os.PathLike[str],
    results_dir: str | os.PathLike[str],
    year: int,
    scheme: Scheme,
    lang: Lang = "vi",
    compliance: ComplianceFn | None = None,
    expected: list[ExpectedUnit] | None = None,
    organ: str | None = None,
) -> IndexRun:
    """Load both folders, keep the assessed year, pair, score. Nothing readable is dropped."""
    plans, plan_errors = load_plans(plans_dir, lang)
    reports, report_errors = load_reports(results_dir, lang)
    try:
        base: Path | None = Path(
            os.path.commonpath([os.path.abspath(plans_dir), os.path.abspath(results_dir)])
        )
    except ValueError:
        base = None
    _relative([*plans, *reports, *plan_errors, *report_errors], base)
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
    pairing = pair(kept_plans, kept_reports)
    units, unexpected = score_pairs(pairing, scheme, year, lang, compliance, expected)
    duplicates = [
        SetAside(file=d.file, kept=d.kept, reason=t(_WHY[d.why], lang, file=d.file, kept=d.kept))
        for d in pairing.duplicates
    ]
    return IndexRun(
        version=__version__,
        lang=lang,
        year=year,
        scheme=scheme_info(scheme, lang),
        units=units,
        skipped=skipped,
        duplicates=duplicates,
        unexpected=unexpected,
        errors=plan_errors + report_errors,
        organ=organ,
        base=str(base) if base else None,
    )

"""What a report shows of a plan, as display strings: shared by the HTML and Markdown templates.

Labels are resolved here, in the requested language, so that templates only lay things out.
Text from the plan is passed through unchanged: each template escapes it for its format.
"""

from __future__ import annotations

from typing import Any

from cchc.evidence import evidence_line, location_label, value_text
from cchc.messages import Lang, t
from cchc.render import findings
from cchc.render.diff_view import diff_view
from cchc.render.labels import (
    area_label,
    area_sort_key,
    format_score,
    severity_label,
    source_label,
    source_text,
    status_label,
    verdict_label,
)
from cchc.result import PlanReport, RuleResult
from cchc.vocab import LEVEL_LABELS, label

# Statuses that carry a credit; not applicable and waived results are not scored.
_SCORED = frozenset({"pass", "fail", "partial", "error"})


def display_date(iso: str | None, lang: Lang) -> str | None:
    """Vietnamese readers write dd/mm/yyyy; English output keeps ISO dates."""
    if not iso or lang == "en" or len(iso) != 10:
        return iso
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def score_band(score: float | None) -> str:
    """A colour band for a score: good, fair, poor or none."""
    if score is None:
        return "none"
    return "good" if score >= 80 else "fair" if score >= 50 else "poor"


def evidence_view(r: RuleResult, lang: Lang) -> list[dict[str, str | None]]:
    """Each place a result rests on: its location label, the quoted words, the item's value."""
    return [
        {
            "at": location_label(e, lang),
            "quote": e.quote,
            "value": value_text(e.value) or None,
        }
        for e in r.evidence
    ]


def gap_view(r: RuleResult, lang: Lang) -> dict[str, Any]:
    return {
        "rule": r.rule,
        "title": r.title,
        "status": str(r.status),
        "status_label": status_label(r.status, lang),
        "severity": str(r.severity),
        "severity_label": severity_label(r.severity, lang),
        "area_label": area_label(r.area, lang),
        "credit_pct": round(r.credit * 100),
        "message": r.message,
        "source": source_text(r.source, lang),
        "source_label": source_label(r, lang),
        "fix": r.fix,
        "evidence": evidence_view(r, lang),
        "looked_in": r.looked_in,
        "where": evidence_line(r, lang),
    }


def place_text(report: PlanReport, lang: Lang, most: int = 12) -> str | None:
    """'Hà Tĩnh — theo huyện Thạch Hà trong tên cơ quan ban hành' (the province, how it was
    found, the candidates when it was not, and names that no longer exist)."""
    place = report.place
    if place is None:
        return report.plan.province
    text = place.province or t("unknown", lang)
    if place.how:
        text += f" — {place.how}"
    if place.candidates:
        names = place.candidates[:most] + (["…"] if len(place.candidates) > most else [])
        text += "; " + t("place_candidates", lang, names="; ".join(names))
    for note in place.former_names:
        text += f"; {note}"
    return text


def _unknown_views(report: PlanReport, lang: Lang) -> dict[str, Any]:
    """What the input does not show: one card each, and one line for many rules left unknown
    for the same reason (a plan without issuer leaves dozens so)."""
    unknowns = findings.unknowns(report)
    singles, groups = findings.grouped(unknowns)
    return {
        "unknown_count": len(unknowns),
        "unknowns": [gap_view(r, lang) for r in singles],
        "unknown_groups": [
            {
                "text": t("rpt_group", lang, n=len(members), reason=reason),
                "rules": ", ".join(r.rule for r in members),
            }
            for reason, members in groups
        ],
    }


def plan_view(report: PlanReport, lang: Lang, anchor: str = "plan") -> dict[str, Any]:
    info = report.plan
    unknown = t("unknown", lang)
    date = display_date(info.issue_date, lang)
    subtitle = None
    if info.number or date:
        subtitle = t("rpt_plan_of", lang, number=info.number or unknown, date=date or unknown)
    level = label(LEVEL_LABELS, info.level, lang) if info.level else None
    meta = [
        (t("col_issuer", lang), info.issuer),
        (t("col_level", lang), level),
        (t("col_province", lang), place_text(report, lang)),
        (t("col_number", lang), info.number),
        (t("col_date", lang), date),
        (t("col_file", lang), report.file),
    ]
    areas = [
        {
            "name": a.area,
            "label": area_label(a.area, lang),
            "score": a.score,
            "score_text": format_score(a.score),
            "pct": 0.0 if a.score is None else max(0.0, min(100.0, a.score)),
            "band": score_band(a.score),
            "gaps": a.gaps,
        }
        for a in sorted(report.areas, key=lambda a: area_sort_key(a.area))
    ]
    results = [
        {
            "rule": r.rule,
            "title": r.title,
            "area_label": area_label(r.area, lang),
            "status": str(r.status),
            "status_label": status_label(r.status, lang),
            "severity_label": severity_label(r.severity, lang),
            "credit_text": f"{round(r.credit * 100)}%" if str(r.status) in _SCORED else "—",
            "waiver": r.waiver,
            "evidence": evidence_view(r, lang),
            "looked_in": r.looked_in,
            "where": evidence_line(r, lang),
        }
        for r in sorted(report.results, key=lambda r: (area_sort_key(r.area), r.rule))
    ]
    counts = findings.status_counts(report)
    return {
        "anchor": anchor,
        "file": report.file,
        "title": info.title or t("rpt_untitled", lang),
        "subtitle": subtitle,
        "issuer": info.issuer,
        "meta": [(k, v) for k, v in meta if v],
        "score": report.score,
        "score_text": format_score(report.score),
        "band": score_band(report.score),
        "verdict": str(report.verdict),
        "verdict_label": verdict_label(report.verdict, lang),
        "areas": areas,
        "gaps": [gap_view(r, lang) for r in findings.gaps(report)],
        "advisories": [gap_view(r, lang) for r in findings.advisories(report)],
        **_unknown_views(report, lang),
        "provisional": findings.provisional_text(report, lang) if report.provisional else None,
        "results": results,
        "counts": t("rpt_counts", lang, **counts),
        "notices": list(report.notices),
        "diff": diff_view(report, lang),
        "run_line": t(
            "rpt_run_line",
            lang,
            engine=report.engine,
            as_of=display_date(report.as_of, lang) or unknown,
            packs=", ".join(report.packs) or "—",
        ),
    }

"""The rows of the self-assessment sheet, shared by the terminal, XLSX and HTML outputs.

Layout of a PAR-index self-assessment sheet: per unit a criterion row (the total) then one row
per sub-criterion: unit, code, sub-criterion, maximum, points, evidence, note.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc.messages import Lang, t
from cchc.parindex.bands import num
from cchc.parindex.result import IndexRun, SubScore, UnitScore
from cchc.result import VERDICT_LABELS


@dataclass
class SheetRow:
    no: int | None  # STT on the unit's row, empty on its sub-criteria
    unit: str
    code: str
    title: str
    max: float
    points: float
    evidence: str
    note: str
    compliance: str
    is_unit: bool


def criterion_text(run: IndexRun, lang: Lang) -> str:
    """'Tiêu chí 4. Thực hiện tuyên truyền…', or the title alone when the source gives no code."""
    s = run.scheme
    if not s.criterion_code:
        return s.criterion_title
    return t("px_criterion_coded", lang, code=s.criterion_code, title=s.criterion_title)


def heading(run: IndexRun, lang: Lang) -> str:
    return t("px_heading", lang, year=run.year, criterion=criterion_text(run, lang))


def compliance_text(u: UnitScore, lang: Lang) -> str:
    c = u.compliance
    if c is None or c.score is None:
        return "—"
    verdict = VERDICT_LABELS.get(c.verdict or "", (c.verdict or "", c.verdict or ""))
    return f"{num(round(c.score, 1), lang)}/100 ({verdict[0 if lang == 'vi' else 1]})"


def evidence_text(s: SubScore) -> str:
    return "\n".join(f"• {e.label}" for e in s.evidence_found)


def note_text(s: SubScore, lang: Lang) -> str:
    lines = [s.reason]
    if s.evidence_missing:
        lines.append(t("px_missing_label", lang) + " " + "; ".join(s.evidence_missing))
    return "\n".join(lines)


def unit_note(u: UnitScore, lang: Lang) -> str:
    lines = [t(f"px_pairing_{u.pairing.value}", lang)]
    lines.extend(u.notes)
    return "\n".join(lines)


def unit_evidence(u: UnitScore, lang: Lang) -> str:
    parts = []
    if u.plan_file:
        parts.append(f"{t('px_plan', lang)}: {u.plan_number or '?'} — {u.plan_file}")
    if u.report_file:
        parts.append(f"{t('px_report', lang)}: {u.report_number or '?'} — {u.report_file}")
    return "\n".join(parts)


def sheet_rows(run: IndexRun, lang: Lang) -> list[SheetRow]:
    rows: list[SheetRow] = []
    for n, u in enumerate(run.units, 1):
        rows.append(
            SheetRow(
                no=n,
                unit=u.unit,
                code=run.scheme.criterion_code,  # '' when the source gives none
                title=run.scheme.criterion_title,
                max=u.max,
                points=u.total,
                evidence=unit_evidence(u, lang),
                note=unit_note(u, lang),
                compliance=compliance_text(u, lang),
                is_unit=True,
            )
        )
        for s in u.subs:
            rows.append(
                SheetRow(
                    no=None,
                    unit=u.unit,
                    code=s.code,
                    title=s.title,
                    max=s.max,
                    points=s.points,
                    evidence=evidence_text(s),
                    note=note_text(s, lang),
                    compliance="",
                    is_unit=False,
                )
            )
    return rows


def columns(lang: Lang) -> list[str]:
    keys = (
        "px_col_no",
        "px_col_unit",
        "px_col_code",
        "px_col_title",
        "px_col_max",
        "px_col_points",
        "px_col_evidence",
        "px_col_note",
        "px_col_compliance",
    )
    return [t(k, lang) for k in keys]

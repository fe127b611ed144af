"""`cchc extract --explain`: each extracted field beside the sentence it was read from."""

from __future__ import annotations

from typing import Any

from cchc.messages import Lang, t
from cchc.model import Plan
from cchc.vocab import (
    AREA_LABELS,
    AUDIENCE_LABELS,
    FORM_LABELS,
    LEVEL_LABELS,
    SECTION_LABELS,
    label,
)


def _v(value: Any) -> str:
    if value is None:
        return "null"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _join(*parts: Any) -> str:
    return ", ".join(_v(p) for p in parts if p not in (None, "", []))


def explain_rows(plan: Plan, lang: Lang = "vi") -> list[tuple[str, str, str | None]]:
    """(field path, value, evidence) for every extracted field and list item."""
    rows: list[tuple[str, str, str | None]] = []
    doc, issuer, period = plan.document, plan.issuer, plan.period
    for name in ("kind", "number", "issue_date", "place", "title"):
        rows.append((f"document.{name}", _v(getattr(doc, name)), doc.evidence))
    for name in ("name", "province", "district", "commune"):
        rows.append((f"issuer.{name}", _v(getattr(issuer, name)), issuer.evidence))
    level = label(LEVEL_LABELS, issuer.level, lang) if issuer.level else None
    rows.append(("issuer.level", _v(level), issuer.evidence))
    rows.append(("period", f"{_v(period.start)} → {_v(period.end)}", period.evidence))
    for key, refs in (("implements", plan.implements), ("cited_documents", plan.cited_documents)):
        for i, r in enumerate(refs):
            rows.append(
                (
                    f"{key}[{i}]",
                    _join(r.number or r.title, r.date, r.issuer, r.issuer_level),
                    r.evidence,
                )
            )
    for i, s in enumerate(plan.sections):
        rows.append((f"sections[{i}]", label(SECTION_LABELS, s.kind, lang), s.evidence))
    for i, a in enumerate(plan.audiences):
        rows.append((f"audiences[{i}]", label(AUDIENCE_LABELS, a.group, lang), a.evidence))
    for i, tp in enumerate(plan.topics):
        rows.append(
            (
                f"topics[{i}]",
                label(AREA_LABELS, tp.area, lang) if tp.area else _v(tp.text),
                tp.evidence,
            )
        )
    for i, a in enumerate(plan.activities):
        rate = f"{a.count}/{a.per.value}" if a.count is not None and a.per else None
        minutes = f"{a.duration_minutes}'" if a.duration_minutes is not None else None
        value = _join(label(FORM_LABELS, a.form, lang), rate, minutes, a.owner, a.deadline)
        rows.append((f"activities[{i}] {a.id or ''}".strip(), value, a.evidence))
    for i, r in enumerate(plan.reporting):
        freq = r.frequency.value if r.frequency else None
        rows.append((f"reporting[{i}]", _join(r.by, "→", r.to, r.due_date, freq), r.evidence))
    for i, b in enumerate(plan.budget):
        rows.append((f"budget[{i}]", _join(b.source, b.amount_vnd), b.evidence))
    for i, ix in enumerate(plan.indices):
        rows.append((f"indices[{i}]", ix.name.value, ix.evidence))
    return rows


def explain_text(plan: Plan, lang: Lang = "vi", width: int = 300) -> str:
    lines: list[str] = []
    rows = explain_rows(plan, lang)
    for n, (path, value, evidence) in enumerate(rows):
        lines.append(f"{path}: {value}")
        following = rows[n + 1][2] if n + 1 < len(rows) else None
        # Fields read from one sentence share one quote, printed under the last of them.
        if evidence and evidence != following:
            quote = evidence if len(evidence) <= width else evidence[: width - 1] + "…"
            lines.append(f"    « {quote} »")
    if plan.notes:
        lines.append("")
        lines.append(f"{t('x_explain_notes', lang)}:")
        lines.extend(f"  - {n}" for n in plan.notes)
    return "\n".join(lines)

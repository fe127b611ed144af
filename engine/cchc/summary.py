"""A short description of a plan: who issued it, when, and what it contains."""

from __future__ import annotations

from cchc.messages import Lang, t
from cchc.model import Plan
from cchc.vocab import LEVEL_LABELS, label


def plan_summary(plan: Plan, lang: Lang = "vi") -> list[tuple[str, str]]:
    """(label, value) rows describing the plan, for the terminal and the reports."""
    unknown = t("unknown", lang)
    doc, issuer, period = plan.document, plan.issuer, plan.period
    level = label(LEVEL_LABELS, issuer.level, lang) if issuer.level else unknown
    span = (
        f"{period.start.isoformat() if period.start else '?'} → {period.end.isoformat() if period.end else '?'}"
        if period.start or period.end
        else unknown
    )
    return [
        (t("summary_title", lang), doc.title or unknown),
        (t("summary_issuer", lang), issuer.name or unknown),
        (t("summary_level", lang), level),
        (t("summary_number", lang), doc.number or unknown),
        (t("summary_date", lang), doc.issue_date.isoformat() if doc.issue_date else unknown),
        (t("summary_period", lang), span),
        (
            "",
            t(
                "summary_counts",
                lang,
                cites=len(plan.cited_documents) + len(plan.implements),
                acts=len(plan.activities),
                reports=len(plan.reporting),
            ),
        ),
    ]

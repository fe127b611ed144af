"""The terminal view: per plan a score line, then the gaps first, each with clause and fix."""

from __future__ import annotations

from cchc.messages import t
from cchc.result import VERDICT_LABELS, CheckRun, PlanReport


def _plan_block(report: PlanReport, lang: str) -> list[str]:
    idx = 0 if lang == "vi" else 1
    score = "—" if report.score is None else f"{report.score:.1f}"
    lines = [
        f"{report.file}",
        f"  {t('score_line', lang, score=score, verdict=VERDICT_LABELS[report.verdict][idx])}",
    ]
    for r in report.gaps():
        lines.append(f"  [{r.rule}] {r.status} ({r.severity}) {r.title}")
        lines.append(f"      {r.message}")
        lines.append(f"      {t('source_label', lang)}: {r.source.cite()}")
        if r.fix:
            lines.append(f"      {t('fix_label', lang)}: {r.fix}")
    lines.extend(f"  ! {n}" for n in report.notices)
    return lines


def render(run: CheckRun, lang: str = "vi") -> bytes:
    lines: list[str] = []
    for report in run.plans:
        lines.extend(_plan_block(report, lang))
        lines.append("")
    for err in run.errors:
        lines.append(f"{t('error_prefix', lang)}: {err.file}: {err.error}")
    return ("\n".join(lines).rstrip() + "\n").encode()

"""`--format text`: a summary table (units × sub-criteria), then each unit's reasons and gaps."""

from __future__ import annotations

from tabulate import tabulate

from cchc.messages import Lang, t
from cchc.parindex.bands import num
from cchc.parindex.result import IndexRun
from cchc.parindex.sheet_rows import compliance_text, heading

MAX_MISSING = 5  # the sheet and the JSON list them all; the terminal shows the first few


def render(run: IndexRun, lang: Lang = "vi") -> bytes:
    s = run.scheme
    lines = [
        heading(run, lang),
        f"{t('px_scheme_label', lang)}: {s.title} ({s.id})",
        f"{t('source_label', lang)}: {s.source}",
        "",
    ]
    codes = (
        [sub.code or f"({k})" for k, sub in enumerate(run.units[0].subs, 1)] if run.units else []
    )
    header = [
        t("px_col_unit", lang),
        *codes,
        f"{t('px_col_total', lang)} /{num(s.max, lang)}",
        t("px_col_compliance", lang),
        t("px_col_status", lang),
    ]
    table = [
        [
            u.unit,
            *(num(sub.points, lang) for sub in u.subs),
            num(u.total, lang),
            compliance_text(u, lang),
            t(f"px_pairing_{u.pairing.value}", lang),
        ]
        for u in run.units
    ]
    lines.append(tabulate(table, headers=header, tablefmt="simple", disable_numparse=True))
    for u in run.units:
        lines.append("")
        lines.append(f"{u.unit}: {num(u.total, lang)}/{num(u.max, lang)}")
        if u.pairing.value != "matched":
            lines.append(f"  ! {t(f'px_pairing_{u.pairing.value}', lang)}")
        for note in u.notes:
            lines.append(f"  ! {note}")
        for flag in u.review:
            lines.append(f"  ? [{flag.rule}] {flag.message}")
        for k, sub in enumerate(u.subs):
            head = f"{sub.code} {sub.title}" if sub.code else sub.title
            if k < len(s.subs) and s.subs[k].status == "U":
                head += " [U]"
            lines.append(f"  {head}: {num(sub.points, lang)}/{num(sub.max, lang)}")
            lines.append(f"      {sub.reason}")
            if sub.evidence_missing:
                shown = "; ".join(sub.evidence_missing[:MAX_MISSING])
                extra = len(sub.evidence_missing) - MAX_MISSING
                if extra > 0:
                    shown += " " + t("px_and_more", lang, n=extra)
                lines.append(f"      {t('px_missing_label', lang)} {shown}")
    if run.skipped:
        lines.append("")
        lines.append(t("px_skipped_title", lang))
        lines.extend(f"  {x.file}: {x.reason}" for x in run.skipped)
    if run.duplicates:
        lines.append("")
        lines.append(t("px_duplicates_title", lang))
        lines.extend(f"  {d.reason}" for d in run.duplicates)
    if run.unexpected:
        lines.append("")
        lines.append(t("px_unexpected_title", lang))
        lines.extend(f"  {name}" for name in run.unexpected)
    if run.errors:
        lines.append("")
        lines.extend(f"{t('error_prefix', lang)}: {e.file}: {e.error}" for e in run.errors)
    return ("\n".join(lines).rstrip() + "\n").encode()

"""A re-submission's diff as every renderer shows it: a heading, the score line, and groups
(fixed, still open, new, changed by the rules), each entry with both versions' status and
evidence."""

from __future__ import annotations

from typing import Any

from cchc.messages import Lang, t
from cchc.render.labels import format_score, status_label, verdict_label
from cchc.result import DiffEntry, PlanReport, RuleResult


def _quotes(r: RuleResult | None) -> list[str]:
    out = []
    for e in r.evidence if r else ():
        text = e if isinstance(e, str) else getattr(e, "quote", None)
        if text:
            out.append(text)
    return out


def _entry(e: DiffEntry, lang: Lang) -> dict[str, Any]:
    return {
        "rule": e.rule,
        "title": e.title,
        "change": t(
            "diff_before_after",
            lang,
            before=status_label(e.before.status, lang) if e.before else "—",
            after=status_label(e.after.status, lang) if e.after else "—",
        ),
        "quotes_before": _quotes(e.before),
        "quotes_after": _quotes(e.after),
    }


def diff_view(report: PlanReport, lang: Lang) -> dict[str, Any] | None:
    diff = report.diff
    if diff is None:
        return None
    groups = [
        ("fixed", "diff_fixed", diff.fixed),
        ("still_open", "diff_still_open", diff.still_open),
        ("new", "diff_new", diff.new),
    ]
    if diff.same_rules is not True:
        groups.append(("rules_changed", "diff_rules_changed", diff.rules_changed))
    before = verdict_label(diff.verdict_before, lang) if diff.verdict_before else "—"
    return {
        "title": t("diff_title", lang, baseline=diff.baseline),
        "score_line": t(
            "diff_score",
            lang,
            before=format_score(diff.score_before),
            after=format_score(report.score),
            vbefore=before,
            vafter=verdict_label(report.verdict, lang),
        ),
        "groups": [
            {
                "kind": kind,
                "heading": t(key, lang, n=len(entries)),
                "entries": [_entry(e, lang) for e in entries],
            }
            for kind, key, entries in groups
        ],
        "none": t("diff_none", lang),
        "rules_unknown": t("diff_rules_unknown", lang) if diff.same_rules is None else None,
    }

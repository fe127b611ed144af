"""The terminal view: per plan a score line, then the gaps first, each with clause and fix.

Everything fits an 80-column terminal: long text is wrapped with a hanging indent and the
tables are narrowed. Colour is added only when asked (`color=True`: the caller passes it
when stdout is a terminal), so piped output is plain text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import click
from tabulate import tabulate

from cchc.evidence import evidence_line
from cchc.messages import Lang, t
from cchc.render import findings
from cchc.render.diff_view import diff_view
from cchc.render.labels import (
    area_label,
    area_sort_key,
    fix_label,
    format_score,
    severity_label,
    source_label,
    source_text,
    status_label,
    verdict_label,
)
from cchc.render.rows import by_file, error_text
from cchc.render.view import display_date, place_text
from cchc.result import CheckRun, InputFailure, PlanReport, RuleResult
from cchc.termsafe import for_terminal

WIDTH = 80
_VERDICT_COLOURS = {"dat": "green", "can_bo_sung": "yellow", "khong_dat": "red"}
_SEVERITY_COLOURS = {"critical": "red", "major": "yellow", "minor": "cyan", "advisory": "white"}

Style = Callable[..., str]


def _styler(color: bool) -> Style:
    def style(text: str, **kw: object) -> str:
        return click.style(text, **kw) if color else text  # type: ignore[arg-type]

    return style


def _wrap(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()),
        width=width,
        initial_indent=first,
        subsequent_indent=first if rest is None else rest,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _gap_lines(i: int, r: RuleResult, lang: Lang, width: int, style: Style) -> list[str]:
    head = f"{i:>2}. "
    pad = " " * len(head)
    sev = style(severity_label(r.severity, lang), fg=_SEVERITY_COLOURS.get(str(r.severity)))
    status = status_label(r.status, lang)
    if str(r.status) == "partial":
        status += f" {round(r.credit * 100)}%"
    lines = [f"{head}{style(r.rule, bold=True)} · {sev} · {status}"]
    lines += [style(x, bold=True) for x in _wrap(r.title, width, pad)]
    lines += _wrap(r.message, width, pad)
    lines += _wrap(
        f"{source_label(r, lang)}: {source_text(r.source, lang)}", width, pad, pad + "  "
    )
    where = evidence_line(r, lang)
    if where:
        lines += [style(x, dim=True) for x in _wrap(f"↳ {where}", width, pad, pad + "  ")]
    if r.fix:
        fix = _wrap(f"{fix_label(r.fix, lang)}: {r.fix}", width, pad, pad + "  ")
        lines += [style(x, fg="green") for x in fix]
    return lines


def _where_lines(r: RuleResult, lang: Lang, width: int, style: Style) -> list[str]:
    """The '↳ where in the plan' line of a result listed in brief (advisories, unknowns)."""
    where = evidence_line(r, lang)
    return (
        [style(x, dim=True) for x in _wrap(f"↳ {where}", width, "    ", "      ")] if where else []
    )


def _group_lines(
    i: int, reason: str, members: list[RuleResult], lang: Lang, width: int, style: Style
) -> list[str]:
    """One finding for many rules left unevaluated for the same reason."""
    head = f"{i:>2}. "
    pad = " " * len(head)
    status = status_label(members[0].status, lang)
    lines = [
        f"{head}{style(t('rpt_group', lang, n=len(members), reason=''), bold=True)}".rstrip(" :")
        + f" · {status}"
    ]
    lines += [style(x, bold=True) for x in _wrap(reason[:1].upper() + reason[1:], width, pad)]
    ids = ", ".join(r.rule for r in members)
    lines += _wrap(f"{t('rpt_group_rules', lang)}: {ids}", width, pad, pad + "  ")
    return lines


def _short_list(results: list[RuleResult], lang: Lang, width: int, style: Style) -> list[str]:
    """One line per result, and one for many left unevaluated for the same reason."""
    singles, groups = findings.grouped(results)
    lines: list[str] = []
    for r in singles:
        lines += _wrap(f"{r.rule}: {r.message}", width, "  - ", "    ")
        lines += _where_lines(r, lang, width, style)
    for reason, members in groups:
        text = t("rpt_group", lang, n=len(members), reason=reason)
        lines += _wrap(f"{text}: {', '.join(r.rule for r in members)}", width, "  - ", "    ")
    return lines


def _plan_block(report: PlanReport, lang: Lang, width: int, style: Style) -> list[str]:
    info = report.plan
    lines = [style(x, bold=True) for x in _wrap(f"━━ {report.file}", width, "", "   ")]
    if info.title:
        lines += _wrap(info.title, width)
    facts = [
        x
        for x in (
            info.number,
            display_date(info.issue_date, lang),
            info.issuer,
        )
        if x
    ]
    if facts:
        lines += _wrap(" · ".join(facts), width)
    place = place_text(report, lang, most=3)
    if place:
        lines += _wrap(f"{t('col_province', lang)}: {place}", width)
    verdict = verdict_label(report.verdict, lang)
    score_line = t("score_line", lang, score=format_score(report.score), verdict=verdict)
    lines.append(style(score_line, fg=_VERDICT_COLOURS.get(str(report.verdict)), bold=True))
    if report.provisional:
        text = findings.provisional_text(report, lang)
        lines.extend(style(x, fg="yellow") for x in _wrap(f"! {text}", width))
    lines.extend(style(x, fg="yellow") for n in report.notices for x in _wrap(f"! {n}", width))

    gaps = findings.gaps(report)
    lines += ["", style(t("rpt_gaps", lang, n=len(gaps)), bold=True, underline=True)]
    if not gaps:
        lines += _wrap(t("rpt_no_gaps", lang), width, "    ")
    singles, groups = findings.grouped(gaps)
    for i, r in enumerate(singles, start=1):
        lines += _gap_lines(i, r, lang, width, style)
    for i, (reason, members) in enumerate(groups, start=len(singles) + 1):
        lines += _group_lines(i, reason, members, lang, width, style)
    advisories = findings.advisories(report)
    if advisories:
        lines += ["", style(t("rpt_advisories", lang, n=len(advisories)), bold=True)]
        lines += _short_list(advisories, lang, width, style)
    unknowns = findings.unknowns(report)
    if unknowns:
        lines += ["", style(t("rpt_unknowns", lang, n=len(unknowns)), bold=True)]
        lines += _short_list(unknowns, lang, width, style)
    if report.areas:
        table = [
            [area_label(a.area, lang), format_score(a.score), a.gaps]
            for a in sorted(report.areas, key=lambda a: area_sort_key(a.area))
        ]
        headers = [t("col_area", lang), t("col_score", lang), t("col_gaps", lang)]
        lines += ["", *_table(table, headers, width, wide_col=0)]
    lines += ["", *_wrap(t("rpt_counts", lang, **findings.status_counts(report)), width)]
    if report.diff is not None:
        lines += _diff_lines(report, lang, width, style)
    return lines


def _diff_lines(report: PlanReport, lang: Lang, width: int, style: Style) -> list[str]:
    """The re-submission block: what the author fixed, what is still open, what is new, and
    what changed because the rules changed."""
    view = diff_view(report, lang)
    assert view is not None
    lines = ["", style(view["title"], bold=True, underline=True), *_wrap(view["score_line"], width)]
    colours = {"fixed": "green", "still_open": "yellow", "new": "red", "rules_changed": "cyan"}
    for group in view["groups"]:
        lines.append(style(group["heading"], bold=True, fg=colours[group["kind"]]))
        if not group["entries"]:
            lines += _wrap(view["none"], width, "    ")
        for e in group["entries"]:
            lines += _wrap(f"{e['rule']}: {e['title']}", width, "  - ", "    ")
            lines += _wrap(e["change"], width, "    ")
            for quote in e["quotes_before"] + e["quotes_after"]:
                lines += [style(x, dim=True) for x in _wrap(f"“{quote}”", width, "      ")]
    if view["rules_unknown"]:
        lines += _wrap(view["rules_unknown"], width)
    return lines


def _table(rows: list[list[object]], headers: list[str], width: int, wide_col: int) -> list[str]:
    """A plain table that fits `width`: the one wide column is wrapped to what is left."""
    text = tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)
    widest = max(len(line) for line in text.splitlines())
    if widest > width:
        current = max([len(str(r[wide_col])) for r in rows] + [len(headers[wide_col])], default=10)
        limit = max(12, current - (widest - width))
        maxcols: list[int | None] = [None] * len(headers)
        maxcols[wide_col] = limit
        text = tabulate(
            rows, headers=headers, tablefmt="simple", disable_numparse=True, maxcolwidths=maxcols
        )
    return text.splitlines()


def _overview(run: CheckRun, lang: Lang, width: int, style: Style) -> list[str]:
    """The closing table of a run over several files: one row per input file."""
    table: list[list[object]] = []
    for item in by_file(run):
        if isinstance(item, InputFailure):
            table.append([item.file, "—", t("rpt_unreadable", lang), ""])
        else:
            gaps = len(findings.gaps(item))
            table.append(
                [item.file, format_score(item.score), verdict_label(item.verdict, lang), gaps]
            )
    headers = [
        t("col_file", lang),
        t("col_score", lang),
        t("col_verdict", lang),
        t("col_gaps", lang),
    ]
    return [style(t("rpt_plans", lang, n=len(table)), bold=True), *_table(table, headers, width, 0)]


def render(
    run: CheckRun,
    lang: str = "vi",
    *,
    color: bool = False,
    width: int = WIDTH,
    show_errors: bool = True,
) -> bytes:
    """The terminal view; `show_errors=False` when the caller already printed the unreadable
    files on stderr (they stay in the overview table)."""
    style = _styler(color)
    lines: list[str] = []
    for report in run.plans:
        lines += _plan_block(report, lang, width, style)
        lines.append("")
    if len(run.plans) + len(run.errors) > 1:
        lines += _overview(run, lang, width, style)
        lines.append("")
    prefix = t("error_prefix", lang)
    for err in run.errors if show_errors else ():
        lines += [
            style(x, fg="red")
            for x in _wrap(f"{prefix}: {err.file}: {error_text(err)}", width, "", "  ")
        ]
    # A plan's own text may hold ESC sequences: only the colour codes added here survive.
    text = for_terminal("\n".join(lines).rstrip(), keep_colour=color)
    return (text + "\n").encode()

"""The tables of a check, defined once: CSV, XLSX and the batch outputs all print these rows.

Every input file has exactly one summary row: a plan with its score, or an unreadable file
with its error. Cell values are plain `str`, `int`, `float` or `None`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from cchc.evidence import location_label, value_text
from cchc.messages import Lang, t
from cchc.render import findings
from cchc.render.labels import (
    area_label,
    area_sort_key,
    severity_label,
    source_text,
    status_label,
    verdict_label,
)
from cchc.result import CheckRun, InputFailure, PlanReport, RuleResult
from cchc.vocab import LEVEL_LABELS, label

Cell = str | int | float | None


@dataclass(frozen=True)
class Column:
    header: str  # in the requested language
    kind: str  # "text" | "number" | "date" (ISO text, an Excel date in XLSX)
    width: int  # characters, for spreadsheets


def _col(key: str, lang: Lang, kind: str = "text", width: int = 14, **params: str) -> Column:
    return Column(t(key, lang, **params), kind, width)


def by_file(run: CheckRun) -> list[PlanReport | InputFailure]:
    """Plans and unreadable files together, in the order of their paths."""
    items: list[PlanReport | InputFailure] = [*run.plans, *run.errors]
    return sorted(items, key=lambda item: item.file)


def plan_areas(reports: Iterable[PlanReport]) -> list[str]:
    """The scoring areas met in these plans, in report order."""
    return sorted({a.area for r in reports for a in r.areas}, key=area_sort_key)


# --- summary: one row per input file -----------------------------------------------------------


def summary_columns(lang: Lang, areas: Sequence[str]) -> list[Column]:
    cols = [
        _col("col_file", lang, width=36),
        _col("col_title", lang, width=48),
        _col("col_issuer", lang, width=30),
        _col("col_level", lang, width=16),
        _col("col_province", lang, width=16),
        _col("col_number", lang, width=16),
        _col("col_date", lang, "date", 12),
        _col("col_score", lang, "number", 8),
        _col("col_verdict", lang, width=14),
        _col("col_gaps", lang, "number", 8),
        _col("col_critical", lang, "number", 10),
        _col("col_advisories", lang, "number", 10),
        _col("col_error", lang, width=40),
    ]
    cols.extend(_col("col_area_score", lang, "number", 12, area=area_label(a, lang)) for a in areas)
    return cols


def _level(level: str | None, lang: Lang) -> str | None:
    return label(LEVEL_LABELS, level, lang) if level else None


def _score(score: float | None) -> float | None:
    return None if score is None else round(score, 1)


def summary_row(report: PlanReport, lang: Lang, areas: Sequence[str]) -> list[Cell]:
    info = report.plan
    by_area = {a.area: a.score for a in report.areas}
    row: list[Cell] = [
        report.file,
        info.title,
        info.issuer,
        _level(info.level, lang),
        info.province,
        info.number,
        info.issue_date,
        _score(report.score),
        verdict_label(report.verdict, lang),
        len(findings.gaps(report)),
        findings.critical_gaps(report),
        len(findings.advisories(report)),
        None,
    ]
    row.extend(_score(by_area.get(a)) for a in areas)
    return row


def summary_error_row(failure: InputFailure, lang: Lang, areas: Sequence[str]) -> list[Cell]:
    row: list[Cell] = [failure.file, None, None, None, None, None, None, None]
    row += [t("rpt_unreadable", lang), None, None, None, error_text(failure)]
    row.extend(None for _ in areas)
    return row


def error_text(failure: InputFailure) -> str:
    """The error as shown to a reader; the loader's sentences already name the field."""
    if failure.field and not failure.error.startswith(failure.field):
        return f"{failure.field}: {failure.error}"
    return failure.error


# --- one row per (plan, rule) ------------------------------------------------------------------


def evidence_cells(r: RuleResult, lang: Lang) -> list[Cell]:
    """Where in the plan, the quoted words (or the item's value), and where a gap searched;
    several places are joined with ' | ' in the same order in both columns."""
    at = " | ".join(location_label(e, lang) for e in r.evidence)
    words = " | ".join(e.quote or value_text(e.value) or "—" for e in r.evidence)
    return [at or None, words or None, r.looked_in]


def rule_columns(lang: Lang) -> list[Column]:
    return [
        _col("col_file", lang, width=36),
        _col("col_number", lang, width=16),
        _col("col_issuer", lang, width=28),
        _col("col_rule", lang, width=24),
        _col("col_pack", lang, width=16),
        _col("col_area", lang, width=20),
        _col("col_severity", lang, width=12),
        _col("col_weight", lang, "number", 8),
        _col("col_status_code", lang, width=12),
        _col("col_status", lang, width=16),
        _col("col_credit", lang, "number", 8),
        _col("col_rule_title", lang, width=44),
        _col("col_message", lang, width=60),
        _col("source_label", lang, width=44),
        _col("fix_label", lang, width=60),
        _col("col_evidence_at", lang, width=30),
        _col("col_evidence", lang, width=60),
        _col("col_looked_in", lang, width=40),
        _col("col_waiver", lang, width=24),
    ]


def rule_rows(report: PlanReport, lang: Lang) -> Iterator[list[Cell]]:
    for r in report.results:
        yield [
            report.file,
            report.plan.number,
            report.plan.issuer,
            r.rule,
            r.pack,
            area_label(r.area, lang),
            severity_label(r.severity, lang),
            r.weight,
            str(r.status),
            status_label(r.status, lang),
            round(r.credit, 3),
            r.title,
            r.message,
            source_text(r.source, lang),
            r.fix,
            *evidence_cells(r, lang),
            r.waiver,
        ]


# --- rules: one row per rule, its results counted over the plans ------------------------------

_TALLY_STATUSES = ("pass", "partial", "fail", "error", "unknown", "not_applicable", "waived")


class RuleTally:
    """How each rule fared over many plans: which requirements the province misses most.

    Memory is bounded by the number of rules, never by the number of plans.
    """

    def __init__(self) -> None:
        self._meta: dict[str, list[Cell]] = {}
        self._counts: dict[str, dict[str, int]] = {}

    def add(self, report: PlanReport, lang: Lang) -> None:
        for r in report.results:
            if r.rule not in self._meta:
                self._meta[r.rule] = [
                    r.rule,
                    r.title,
                    area_label(r.area, lang),
                    severity_label(r.severity, lang),
                    r.weight,
                    source_text(r.source, lang),
                ]
                self._counts[r.rule] = dict.fromkeys(_TALLY_STATUSES, 0)
            self._counts[r.rule][str(r.status)] += 1

    def rows(self) -> Iterator[list[Cell]]:
        """Rules with the most gaps first, then by ID."""

        def gaps(rule: str) -> int:
            c = self._counts[rule]
            return c["fail"] + c["partial"] + c["error"]

        for rule in sorted(self._meta, key=lambda k: (-gaps(k), k)):
            c = self._counts[rule]
            judged = sum(c[s] for s in ("pass", "partial", "fail", "error"))
            share = round(100 * gaps(rule) / judged, 1) if judged else None
            yield [*self._meta[rule], *(c[s] for s in _TALLY_STATUSES), share]


def rule_tally_columns(lang: Lang) -> list[Column]:
    return [
        _col("col_rule", lang, width=24),
        _col("col_rule_title", lang, width=50),
        _col("col_area", lang, width=20),
        _col("col_severity", lang, width=12),
        _col("col_weight", lang, "number", 8),
        _col("source_label", lang, width=44),
        *(Column(status_label(s, lang), "number", 12) for s in _TALLY_STATUSES),
        _col("col_gap_share", lang, "number", 14),
    ]


# --- gaps: one row per gap, worst first within a plan ------------------------------------------


def gap_columns(lang: Lang) -> list[Column]:
    return [
        _col("col_file", lang, width=36),
        _col("col_issuer", lang, width=28),
        _col("col_rule", lang, width=24),
        _col("col_area", lang, width=20),
        _col("col_severity", lang, width=12),
        _col("col_status", lang, width=16),
        _col("col_credit", lang, "number", 8),
        _col("col_rule_title", lang, width=44),
        _col("col_message", lang, width=60),
        _col("source_label", lang, width=44),
        _col("fix_label", lang, width=60),
        _col("col_evidence_at", lang, width=30),
        _col("col_evidence", lang, width=60),
        _col("col_looked_in", lang, width=40),
    ]


def gap_rows(report: PlanReport, lang: Lang) -> Iterator[list[Cell]]:
    for r in findings.gaps(report) + findings.advisories(report):
        yield [
            report.file,
            report.plan.issuer,
            r.rule,
            area_label(r.area, lang),
            severity_label(r.severity, lang),
            status_label(r.status, lang),
            round(r.credit, 3),
            r.title,
            r.message,
            source_text(r.source, lang),
            r.fix,
            *evidence_cells(r, lang),
        ]


# --- unreadable files --------------------------------------------------------------------------


def error_columns(lang: Lang) -> list[Column]:
    return [
        _col("col_file", lang, width=40),
        _col("col_field", lang, width=24),
        _col("col_error", lang, width=80),
    ]


def error_row(failure: InputFailure) -> list[Cell]:
    return [failure.file, failure.field, failure.error]

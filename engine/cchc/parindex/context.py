"""What scoring one unit needs: its plan, its report, the matched targets, the scheme, the year."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from dataclasses import dataclass, field

from cchc.messages import Lang, t
from cchc.parindex.inputs import LoadedPlan, LoadedReport
from cchc.parindex.result import EvidenceRef
from cchc.parindex.scheme import Scheme
from cchc.parindex.targets import Outcome, match, targets
from cchc.results_report import EvidenceItem, ReportedActivity
from cchc.vocab import FORM_LABELS, label


@dataclass
class UnitContext:
    year: int
    scheme: Scheme
    plan: LoadedPlan | None
    report: LoadedReport | None
    lang: Lang = "vi"
    outcomes: list[Outcome] = field(default_factory=list)
    unmatched: list[tuple[int, ReportedActivity, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.plan is not None:
            plan_targets = targets(self.plan.plan, self.year)
            if self.report is not None:
                self.outcomes, self.unmatched = match(
                    plan_targets, self.report.report, from_document=self.from_document
                )
            else:
                self.outcomes = [Outcome(tg) for tg in plan_targets]

    @property
    def from_document(self) -> bool:
        return self.plan is not None and self.plan.from_document

    def plan_ref(self, path: str = "") -> str:
        assert self.plan is not None
        return f"{self.plan.file}#{path}" if path else self.plan.file

    def report_ref(self, path: str = "") -> str:
        assert self.report is not None
        return f"{self.report.file}#{path}" if path else self.report.file

    def form_label(self, form: str) -> str:
        return f"{label(FORM_LABELS, form, self.lang)} ({form})"

    def plan_evidence(self) -> EvidenceRef | None:
        if self.plan is None:
            return None
        doc = self.plan.plan.document
        return EvidenceRef(
            kind="plan",
            label=doc_label(t("px_plan", self.lang), doc.number, doc.issue_date, self.lang),
            where=self.plan.file,
            path=self.plan.file,
        )

    def report_evidence(self) -> EvidenceRef | None:
        if self.report is None:
            return None
        doc = self.report.report.document
        return EvidenceRef(
            kind="report",
            label=doc_label(t("px_report", self.lang), doc.number, doc.issue_date, self.lang),
            where=self.report.file,
            path=self.report.file,
        )

    def evidence_ref(self, ev: EvidenceItem, text: str, where: str) -> EvidenceRef:
        """A verification document of the report: its link, or its file beside the report."""
        assert self.report is not None
        path = None
        if ev.file:
            path = posixpath.normpath(
                posixpath.join(posixpath.dirname(self.report.file.replace(os.sep, "/")), ev.file)
            )
        return EvidenceRef(kind=ev.kind.value, label=text, where=where, url=ev.url, path=path)


def date_text(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "?"


def doc_label(kind: str, number: str | None, date: dt.date | None, lang: Lang) -> str:
    """'Kế hoạch số 52/KH-UBND ngày 01/04/2024', or what of it is known."""
    parts = [kind]
    if number:
        parts.append(t("px_number", lang, number=number))
    if date:
        parts.append(t("px_dated", lang, date=date_text(date)))
    if not number and not date:
        parts.append(t("px_unnumbered", lang))
    return " ".join(parts)

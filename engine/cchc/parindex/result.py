"""What `cchc index` produces, and what every PAR-index renderer reads.

One `UnitScore` per unit (a plan, a results report, or both); per unit one `SubScore` per
sub-criterion of the scheme, each with its reason, the evidence found and missing, and the
references (scheme line, plan line, report item) that every point can be traced to.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Pairing(StrEnum):
    matched = "matched"  # plan and results report
    no_report = "no_report"  # a plan, no results report
    no_plan = "no_plan"  # a results report, no plan


class EvidenceRef(_Out):
    """A verification document found, and where it was cited."""

    kind: str  # plan | report | document | link | photo | minutes | …
    label: str  # number, link or file name
    where: str  # 'plan.json', 'report.json#activities[1].evidence_items[0]'


class SubScore(_Out):
    code: str
    title: str
    kind: str
    max: float
    points: float
    scored: bool = True  # False: could not be computed (missing plan, report or targets)
    reason: str  # one sentence: how the points were reached
    details: list[str] = Field(default_factory=list)  # per activity or per form group
    evidence_found: list[EvidenceRef] = Field(default_factory=list)
    evidence_missing: list[str] = Field(default_factory=list)
    trace: list[str] = Field(default_factory=list)  # scheme lines, plan and report items


class Compliance(_Out):
    """The plan's score from the rule packs (`cchc check`), shown beside the index."""

    score: float | None
    verdict: str | None
    packs: list[str] = Field(default_factory=list)


class UnitScore(_Out):
    unit: str
    level: str | None = None
    province: str | None = None
    pairing: Pairing
    plan_file: str | None = None
    plan_number: str | None = None
    plan_date: str | None = None
    report_file: str | None = None
    report_number: str | None = None
    report_date: str | None = None
    total: float
    max: float
    subs: list[SubScore]
    compliance: Compliance | None = None
    notes: list[str] = Field(default_factory=list)


class SchemeInfo(_Out):
    id: str
    file: str
    title: str
    criterion_code: str
    criterion_title: str
    max: float
    source: str
    notes: list[str] = Field(default_factory=list)


class InputFailure(_Out):
    file: str
    error: str


class Skipped(_Out):
    """A readable input that is not part of this year's index, and why."""

    file: str
    reason: str


class IndexRun(_Out):
    tool: str = "cchc index"
    version: str
    lang: str
    year: int
    scheme: SchemeInfo
    units: list[UnitScore] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)
    errors: list[InputFailure] = Field(default_factory=list)

    def to_jsonable(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

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
    nothing = "nothing"  # an expected unit (--units) that sent neither


class EvidenceRef(_Out):
    """A verification document found, and where it was cited."""

    kind: str  # plan | report | document | link | photo | minutes | …
    label: str  # number, link or file name
    where: str  # 'plan.json', 'report.json#activities[1].evidence_items[0]'
    url: str | None = None  # the link, when the document is a web page
    path: str | None = None  # the file, relative to the folder of the inputs


class SubScore(_Out):
    code: str
    title: str
    kind: str
    max: float
    points: float
    scored: bool = True  # False: could not be computed (missing plan, report or targets)
    band: str | None = None  # plan_completion: the scheme's band the unit fell in
    reason: str  # one sentence: how the points were reached
    details: list[str] = Field(default_factory=list)  # per activity or per form group
    evidence_found: list[EvidenceRef] = Field(default_factory=list)
    evidence_missing: list[str] = Field(default_factory=list)
    trace: list[str] = Field(default_factory=list)  # scheme lines, plan and report items


class ReviewFlag(_Out):
    """Something a person should look at again before the sheet is signed, and the rule that saw it."""

    rule: str  # 'PX-REVIEW-CLAIMED-NO-COUNT'
    message: str  # what was seen, and how it was scored meanwhile
    where: str | None = None  # 'report.json#activities[2]'


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
    review: list[ReviewFlag] = Field(default_factory=list)
    expected: bool | None = None  # None: no list of expected units was given


class SubInfo(_Out):
    """One sub-criterion as the scheme states it, for the sheet's "Căn cứ" page."""

    code: str
    title: str
    max: float
    source: str  # the clause, with its status [V]/[P]/[U]
    status: str  # V | P | U
    note: str | None = None
    bands: list[str] = Field(default_factory=list)  # plan_completion: its bands, high to low


class SchemeInfo(_Out):
    id: str
    file: str  # 'rules/schemes/x.yaml' for a shipped scheme, else the path as given
    title: str
    criterion_code: str  # '' when the source gives the criterion no code
    criterion_title: str
    max: float
    source: str
    status: str = "V"
    subs: list[SubInfo] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    interpretations: list[str] = Field(default_factory=list)  # every reading the scheme makes


class InputFailure(_Out):
    file: str
    error: str


class Skipped(_Out):
    """A readable input that is not part of this year's index, and why."""

    file: str
    reason: str


class SetAside(_Out):
    """An input not scored because another file stands for the same plan, report or unit."""

    file: str
    kept: str
    reason: str


class IndexRun(_Out):
    tool: str = "cchc index"
    version: str
    lang: str
    year: int
    scheme: SchemeInfo
    units: list[UnitScore] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)
    duplicates: list[SetAside] = Field(default_factory=list)
    unexpected: list[str] = Field(default_factory=list)  # units not on the --units list
    errors: list[InputFailure] = Field(default_factory=list)
    organ: str | None = None  # the body that prepares the self-assessment, for the sheet's header
    # The folder the input paths are relative to: for links in the workbook, never printed.
    base: str | None = Field(None, exclude=True)

    def to_jsonable(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

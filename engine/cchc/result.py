"""The result model: what checking plans produces, and what every renderer reads.

One `RuleResult` per (plan, rule); one `PlanReport` per plan; one `CheckRun` per command,
with the unreadable inputs under `errors`. `cchc-check --format json` is `CheckRun` as JSON.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Status(StrEnum):
    passed = "pass"
    failed = "fail"
    partial = "partial"
    not_applicable = "not_applicable"
    waived = "waived"
    error = "error"  # a fault of the engine or of the rule
    unknown = "unknown"  # the input does not show what the rule needs: out of the score


class Severity(StrEnum):
    critical = "critical"  # a failure blocks the verdict "Đạt"
    major = "major"
    minor = "minor"
    advisory = "advisory"  # unverified requirement: reported, never scored, never fails a plan


QUOTE_MAX = 160  # characters of the plan's words in one evidence entry

SEVERITY_ORDER = {"critical": 3, "major": 2, "minor": 1, "advisory": 0}


class Verdict(StrEnum):
    passed = "dat"  # Đạt
    needs_work = "can_bo_sung"  # Cần bổ sung
    failed = "khong_dat"  # Không đạt


VERDICT_LABELS = {
    "dat": ("Đạt", "Pass"),
    "can_bo_sung": ("Cần bổ sung", "Needs work"),
    "khong_dat": ("Không đạt", "Fail"),
}

STATUS_LABELS = {
    "pass": ("Đạt", "pass"),
    "fail": ("Không đạt", "fail"),
    "partial": ("Đạt một phần", "partial"),
    "not_applicable": ("Không áp dụng", "not applicable"),
    "waived": ("Được miễn", "waived"),
    "error": ("Không đánh giá được", "error"),
    "unknown": ("Chưa xác định được", "unknown (not shown in the input)"),
}


class Binding(StrEnum):
    """What a rule is for the plan (rules/policy.yaml): a binding clause or advice."""

    requirement = "requirement"  # a verified clause of a document in force for that plan
    recommendation = "recommendation"  # practice, a threshold of our own, or not verified


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Out):
    """The parent clause a rule enforces."""

    document: str  # e.g. "Nghị quyết 76/NQ-CP"
    number: str | None = None
    date: str | None = None  # ISO
    issuer: str | None = None
    clause: str | None = None
    status: str = "V"  # catalogue status: V verified, P partly, U unverified

    def cite(self) -> str:
        parts = [self.document]
        if self.date:
            # Vietnamese documents write dates dd/mm/yyyy.
            parts.append(f"{self.date[8:10]}/{self.date[5:7]}/{self.date[0:4]}")
        if self.issuer:
            parts.append(self.issuer)
        text = ", ".join(parts)
        return f"{text} — {self.clause}" if self.clause else text


class EvidenceRef(_Out):
    """One place in the plan that a result rests on: a plan item, its words and where they are.

    `pointer` is a JSON pointer into the plan (`/activities/3`, `/cited_documents/0`,
    `/issuer`); `quote` is at most 160 characters of the plan's own words (a substring of the
    item's `evidence`); `value` the item's key fields; `page`, `paragraph` and `line` (1-based)
    locate the quote in a .txt/.docx/.pdf plan, when the extractor recorded them.
    """

    pointer: str = Field(pattern=r"^/")
    quote: str | None = Field(None, max_length=QUOTE_MAX)
    value: Any = None
    page: int | None = Field(None, ge=1)
    paragraph: int | None = Field(None, ge=1)
    line: int | None = Field(None, ge=1)


class RuleResult(_Out):
    rule: str
    status: Status
    credit: float = Field(ge=0.0, le=1.0)
    severity: Severity
    weight: float
    area: str
    pack: str
    title: str
    message: str  # why this status, in the requested language
    source: Source
    fix: str | None = None  # fill-in sentence for the author (gaps only)
    # The plan items the result rests on (found, or nearest to what was required).
    evidence: list[EvidenceRef] = Field(default_factory=list)
    # For a gap, or a result with no item to show: the parts of the plan that were searched
    # ("Căn cứ (/cited_documents)", or the whole text).
    looked_in: str | None = None
    waiver: str | None = None  # the reason, when waived
    binding: Binding = Binding.requirement  # decides the verdict (requirement) or not


class AreaScore(_Out):
    area: str
    score: float | None  # 0–100, None when nothing in the area was scored
    weight: float
    gaps: int


class PlanInfo(_Out):
    issuer: str | None = None
    level: str | None = None
    province: str | None = None
    number: str | None = None
    issue_date: str | None = None
    title: str | None = None


class DiffEntry(_Out):
    """One rule compared between a plan's earlier version and this one."""

    rule: str
    title: str
    before: RuleResult | None  # the earlier version's result (None: the rule did not apply)
    after: (
        RuleResult | None
    )  # this version's (for `rules_changed`: the earlier plan, today's rules)


class PlanDiff(_Out):
    """A re-submission compared with its earlier version (`--baseline`, `--baseline-db`)."""

    baseline: str  # the earlier file, or "db:<check id>"
    same_rules: bool | None  # None when the rules the earlier version was judged by are unknown
    score_before: float | None
    verdict_before: Verdict | None
    fixed: list[DiffEntry] = Field(default_factory=list)
    still_open: list[DiffEntry] = Field(default_factory=list)
    new: list[DiffEntry] = Field(default_factory=list)
    rules_changed: list[DiffEntry] = Field(default_factory=list)


class PlaceInfo(_Out):
    """Where the plan comes from, on its own date, and how that was found."""

    province: str | None = None  # as the gazetteer names it on the plan's date
    district: str | None = None  # 'huyện Thạch Hà'; none from 1/7/2025
    commune: str | None = None  # 'xã Tân Phong'
    unit_level: str | None = None  # the level of the issuer's own unit: province/district/commune
    system: str | None = None  # three_level (before 1/7/2025) or two_level
    source: str = "unknown"  # option (--province), stated (issuer.province), resolved, unknown
    how: str | None = None  # 'theo huyện Thạch Hà trong tên cơ quan ban hành'
    candidates: list[str] = Field(default_factory=list)  # when the province is left unknown
    former_names: list[str] = Field(default_factory=list)  # names used that no longer exist


class PlanReport(_Out):
    file: str
    plan: PlanInfo
    as_of: str | None  # the date the rules were judged at
    engine: str
    packs: list[str]
    score: float | None
    verdict: Verdict
    areas: list[AreaScore]
    results: list[RuleResult]
    notices: list[str] = Field(default_factory=list)  # e.g. expired waivers
    diff: PlanDiff | None = None  # with --baseline: what changed since the earlier version
    place: PlaceInfo | None = None  # where the plan comes from, and how that was found
    # The verdict holds only for what the input shows: a critical or major requirement is unknown.
    provisional: bool = False
    provisional_reasons: list[str] = Field(default_factory=list)
    verdict_reasons: list[str] = Field(default_factory=list)  # why the verdict is what it is

    def unknowns(self) -> list[RuleResult]:
        """Results the input cannot settle: listed apart, never gaps, never scored."""
        return sorted(
            (r for r in self.results if r.status == Status.unknown),
            key=lambda r: (-SEVERITY_ORDER[r.severity], r.rule),
        )

    def gaps(self) -> list[RuleResult]:
        """Results a reader must act on, worst first."""
        bad = [r for r in self.results if r.status in (Status.failed, Status.partial, Status.error)]
        return sorted(bad, key=lambda r: (-SEVERITY_ORDER[r.severity], r.credit, r.rule))


class InputFailure(_Out):
    file: str
    error: str
    field: str | None = None


class CheckRun(_Out):
    tool: str = "cchc-check"
    version: str
    lang: str
    plans: list[PlanReport] = Field(default_factory=list)
    errors: list[InputFailure] = Field(default_factory=list)

    def to_jsonable(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def report_schema() -> dict[str, Any]:
    """JSON Schema of `cchc-check --format json` output."""
    schema = CheckRun.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://cchc-check/report.schema.json"
    return schema

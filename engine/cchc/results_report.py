"""The year-end results report (báo cáo kết quả thực hiện kế hoạch tuyên truyền CCHC).

What a unit did against its propaganda plan in one year: for each planned activity how many
times and when it was done, with the verification documents (tài liệu kiểm chứng) — document
numbers, links, file names — and the forms actually used. The PAR-index score of the
propaganda criterion is computed from the plan and this report (`cchc index`).

Same conventions as the plan model (`cchc.model`): strings NFC, strict integers, ISO or
dd/mm/yyyy dates, unknown keys are errors, every item may carry its `evidence` span.
`cchc schema --results` prints the JSON Schema.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, Strict, model_validator
from pydantic_core import PydanticCustomError

from cchc.loader import InputError, decode, parse_json, read_bytes, validate
from cchc.model import (
    MAX_YEAR,
    MIN_YEAR,
    SCHEMA_VERSION,
    Count,
    Date,
    DocumentInfo,
    Evidence,
    Item,
    Period,
    Text,
)
from cchc.vocab import Form, Level

Year = Annotated[int, Strict(), Field(ge=MIN_YEAR, le=MAX_YEAR)]


class EvidenceKind(StrEnum):
    """What a verification document is."""

    document = "document"  # văn bản: giấy mời, thông báo, quyết định… (with a number)
    link = "link"  # đường dẫn bài viết, trang mạng xã hội
    photo = "photo"  # hình ảnh
    video = "video"  # video, clip
    minutes = "minutes"  # biên bản
    attendance = "attendance"  # danh sách tham dự, điểm danh
    sample = "sample"  # mẫu tờ gấp, pa nô, bản tin
    log = "log"  # nhật ký phát thanh, sổ theo dõi
    other = "other"


EVIDENCE_KIND_LABELS: dict[str, tuple[str, str]] = {
    "document": ("Văn bản", "Document"),
    "link": ("Đường dẫn", "Link"),
    "photo": ("Hình ảnh", "Photo"),
    "video": ("Video", "Video"),
    "minutes": ("Biên bản", "Minutes"),
    "attendance": ("Danh sách tham dự", "Attendance list"),
    "sample": ("Mẫu ấn phẩm", "Sample"),
    "log": ("Nhật ký, sổ theo dõi", "Log"),
    "other": ("Tài liệu khác", "Other"),
}


class EvidenceItem(Item):
    """One verification document; at least one of number, url, file, description is given."""

    kind: EvidenceKind
    number: str | None = Field(None, description="Số, ký hiệu, e.g. '15/GM-UBND'")
    date: Date | None = None
    url: str | None = Field(None, description="http(s) link to the post or page")
    file: str | None = Field(None, description="file name in the evidence folder")
    description: Text | None = None
    evidence: Evidence = None

    @model_validator(mode="after")
    def _identifies(self) -> EvidenceItem:
        if not (self.number or self.url or self.file or self.description):
            raise PydanticCustomError("rr_evidence_empty", "evidence item identifies nothing")
        if self.url and not self.url.lower().startswith(("http://", "https://")):
            raise PydanticCustomError("rr_url", "not an http(s) link: {value}", {"value": self.url})
        return self

    def label(self) -> str:
        """The shortest text that identifies the document, for sheets and reports."""
        parts = [p for p in (self.number, self.url, self.file) if p]
        if self.date:
            parts.append(self.date.strftime("%d/%m/%Y"))
        if self.description and not (self.url or self.file):
            parts.append(self.description)
        return ", ".join(parts) if parts else (self.description or "")


class ReportedActivity(Item):
    """What was done for one planned activity (or an unplanned one)."""

    activity_id: str | None = Field(
        None,
        description="the plan activity's `id`, or its position as 'activities[N]' (from 0)",
    )
    form: Form | None = Field(None, description="used to match a plan activity when no id")
    title: Text | None = None
    count: Count | None = Field(None, description="how many times it was done in the year")
    completed: bool | None = Field(None, description="the report says it was done in full")
    dates: list[Date] = Field(default_factory=list, description="when it was done")
    period: Period | None = None
    evidence_items: list[EvidenceItem] = Field(default_factory=list)
    note: Text | None = None
    evidence: Evidence = None

    @model_validator(mode="after")
    def _matchable(self) -> ReportedActivity:
        if not self.activity_id and self.form is None:
            raise PydanticCustomError("rr_activity_key", "needs activity_id or form")
        return self


class FormUsed(Item):
    """A form of propaganda actually used in the year (for the diversity sub-criterion)."""

    form: Form
    description: Text | None = None
    evidence_items: list[EvidenceItem] = Field(default_factory=list)
    evidence: Evidence = None


class ReportUnit(Item):
    name: str = Field(description="e.g. 'UBND xã Xuân Bắc'")
    level: Level | None = None
    province: str | None = None
    district: str | None = None
    commune: str | None = None
    evidence: Evidence = None


class PlanRef(Item):
    """The plan the report reports on: number + date identify it."""

    number: str | None = None
    date: Date | None = None
    evidence: Evidence = None


class ResultsReport(Item):
    """A unit's year-end report on carrying out its propaganda plan."""

    schema_version: str = SCHEMA_VERSION
    document: DocumentInfo = Field(
        default_factory=DocumentInfo, description="the report itself, e.g. '98/BC-UBND'"
    )
    unit: ReportUnit
    plan: PlanRef | None = Field(None, description="null when the unit had no plan")
    year: Year
    activities: list[ReportedActivity] = Field(default_factory=list)
    forms_used: list[FormUsed] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _version(self) -> ResultsReport:
        if self.schema_version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise PydanticCustomError(
                "schema_version",
                "unsupported schema_version {value}",
                {"value": self.schema_version},
            )
        return self


def results_json_schema() -> dict[str, Any]:
    schema = ResultsReport.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://cchc-check/results-report.schema.json"
    return schema


def load_results_report(path: str | os.PathLike[str]) -> ResultsReport:
    """Load and validate one results report (JSON). Raises `InputError` like `load_plan`."""
    p = Path(path)
    if p.suffix.lower() != ".json":
        read_bytes(p)  # a missing file or a directory is reported as such first
        raise InputError.one(p, "rr_file_type", suffix=p.suffix or "(none)")
    text = decode(read_bytes(p), p)
    return validate(parse_json(text, p), p, ResultsReport)

"""The plan model: the input contract of every command (`cchc schema` prints it).

Unknown means `null`, never a guessed default. Every list item may carry `evidence`, the
sentence of the source document it came from. Strings are NFC-normalised on the way in;
dates accept ISO `yyyy-mm-dd` and the Vietnamese `dd/mm/yyyy`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from cchc.vocab import Area, Audience, DocKind, Form, FormatPart, IndexName, Level, Per, SectionKind

SCHEMA_VERSION = "1.0"

# Years outside this range are typing errors, not plans (the oldest relevant document is 2003).
MIN_YEAR = 1990
MAX_YEAR = 2100

_VN_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def _parse_date(value: Any) -> Any:
    """Accept ISO dates and dd/mm/yyyy; reject impossible dates and absurd years."""
    if value is None or isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("date_type", "expected a date")
    m = _VN_DATE.match(value)
    try:
        if m:
            day, month, year = (int(g) for g in m.groups())
            parsed = dt.date(year, month, day)
        else:
            parsed = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise PydanticCustomError(
            "date_invalid", "not a real date: {value}", {"value": value}
        ) from None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise PydanticCustomError("date_year", "year out of range: {value}", {"value": value})
    return parsed


# The schema says what the model accepts: ISO dates and the Vietnamese dd/mm/yyyy (without
# this, `cchc schema` would claim ISO only and reject plans the model reads).
_DATE_SCHEMA = {
    "type": "string",
    "anyOf": [{"format": "date"}, {"pattern": _VN_DATE.pattern}],
    "description": "yyyy-mm-dd or dd/mm/yyyy",
}
Date = Annotated[dt.date, BeforeValidator(_parse_date), WithJsonSchema(_DATE_SCHEMA)]
Count = Annotated[int, Strict(), Field(ge=0, le=100_000)]
Flag = Annotated[bool, Strict()]
Minutes = Annotated[int, Strict(), Field(ge=0, le=24 * 60)]
Money = Annotated[int, Strict(), Field(ge=0, le=10**15)]
Text = Annotated[str, Field(max_length=20_000)]
Evidence = Annotated[str | None, Field(default=None, max_length=20_000)]


Position = Annotated[int, Strict(), Field(ge=1, le=10_000_000)]


class _NFCDict(dict):  # type: ignore[type-arg]
    """A mapping already normalised by `nfc`, so that nested models do not walk it again."""


def nfc(value: Any) -> Any:
    """NFC-normalise every string in a JSON-like value (NFD text must equal NFC text)."""
    if isinstance(value, str):
        return value if value.isascii() else unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return _NFCDict({k: nfc(v) for k, v in value.items()})
    return value


class Item(BaseModel):
    """Base of every model: unknown keys are errors, strings are NFC."""

    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _nfc(cls, data: Any) -> Any:
        # The outermost model normalises the whole tree once; the models inside it receive
        # the normalised mappings and pass them through.
        if type(data) is _NFCDict:
            return data
        return nfc(data) if isinstance(data, dict) else data


class EvidenceAt(Item):
    """Where the evidence sentence is written in the source document (1-based)."""

    page: Position | None = Field(None, description="page of a PDF")
    paragraph: Position | None = Field(
        None,
        description="paragraph of a .docx body (paragraphs inside tables counted) or of the "
        "cleaned text of a .txt",
    )
    line: Position | None = Field(None, description="line of a .txt file, or of a PDF page")


EvidenceWhere = Annotated[EvidenceAt | None, Field(default=None)]


class DocumentInfo(Item):
    kind: DocKind | None = None
    number: str | None = Field(None, description="Số, ký hiệu, e.g. '52/KH-UBND'")
    issue_date: Date | None = None
    place: str | None = None
    title: Text | None = None
    evidence: Evidence = None
    evidence_at: EvidenceWhere = None


class Issuer(Item):
    name: str | None = Field(None, description="e.g. 'UBND xã Tân Phong'")
    level: Level | None = None
    province: str | None = None
    district: str | None = None
    commune: str | None = None
    other_names: list[str] = Field(
        default_factory=list,
        description="other names the plan gives its own issuer in its text, e.g. a commune "
        "that calls itself 'Ủy ban nhân dân huyện …' in its body",
    )
    evidence: Evidence = None
    evidence_at: EvidenceWhere = None


class Period(Item):
    start: Date | None = None
    end: Date | None = None
    evidence: Evidence = None
    evidence_at: EvidenceWhere = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start and self.end and self.end < self.start:
            raise PydanticCustomError("period_order", "period ends before it starts")
        return self


class DocRef(Item):
    """A cited or implemented document: number + date + issuer identify it (76/NQ-CP exists twice)."""

    kind: DocKind | None = None
    number: str | None = None
    date: Date | None = None
    issuer: str | None = Field(None, description="as written, e.g. 'Chính phủ'")
    issuer_level: Level | None = None
    title: Text | None = None
    evidence: Evidence = None
    evidence_at: EvidenceWhere = None


class Section(Item):
    kind: SectionKind
    heading: str | None = None
    evidence: Evidence = None
    evidence_at: EvidenceWhere = None


class Objective(Item):
    text: Text
    countable: Flag | None = Field(None, description="has a measurable target")
    evidence: Evidence = None
    evidence_at: EvidenceWhere = None


class AudienceItem(Item):
    group: Audience
    text: str | None = None
    evidence: Evidence = None
    evidence_at: EvidenceWhere = None


class Topic(Item):
    area: Area | None = Field(
        None, description="one of the reform areas, or null for other content"
    )
    text: Text | None = None
    evidence: Evidence = None
    evidence_at: EvidenceWhere = None


class Activity(Item):
    id: str | None = None
    title: Text | None = None
    form: Form
    count: Count | None = Field(None, description="how many times per `per`")
    per: Per | None = None
    duration_minutes: Minutes | None = None
    peak_time: Flag | None = Field(None, description="at a high-audience time slot")
    owner: str | None = None
    owner_level: Level | None = None
    # Who holds or chairs the activity when it is not the owner who prepares it: for a
    # dialogue, the People's Committee (or chairman) that holds it, e.g. "Chủ tịch UBND xã",
    # or "UBND tỉnh" when the plan's unit only attends the province's dialogue.
    organiser: str | None = None
    organiser_level: Level | None = None
    partners: list[str] = Field(default_factory=list)
    start: Date | None = None
    deadline: Date | None = None
    expected_products: list[Text] = Field(default_factory=list)
    evidence: Evidence = None
    evidence_at: EvidenceWhere = None


class ReportingDuty(Item):
    # `title` tells a duty to send the plan itself up (Tân Phong 2024) from a report on
    # results (Điện Biên 2022): rules on results reports must not count the former.
    title: Text | None = Field(
        None, description="what is sent, e.g. 'báo cáo kết quả thực hiện năm' or the plan itself"
    )
    by: str | None = Field(None, description="who reports")
    to: str | None = Field(None, description="to whom")
    to_level: Level | None = None
    due_date: Date | None = None
    frequency: Per | None = None
    evidence: Evidence = None
    evidence_at: EvidenceWhere = None


class BudgetLine(Item):
    source: str | None = Field(None, description="e.g. 'ngân sách nhà nước theo phân cấp'")
    amount_vnd: Money | None = None
    evidence: Evidence = None
    evidence_at: EvidenceWhere = None


class IndexRef(Item):
    name: IndexName
    evidence: Evidence = None
    evidence_at: EvidenceWhere = None


class Plan(Item):
    """A lower-level plan on information and propaganda about public-administration reform."""

    schema_version: str = Field(
        SCHEMA_VERSION,
        description="version of this model; any version with the same major number is read",
        # The schema states the same rule as the validator below.
        json_schema_extra={"pattern": rf"^{SCHEMA_VERSION.split('.')[0]}(\.[0-9]+)*$"},
    )
    document: DocumentInfo = Field(default_factory=DocumentInfo)
    issuer: Issuer = Field(default_factory=Issuer)
    period: Period = Field(default_factory=Period)
    cited_documents: list[DocRef] = Field(default_factory=list)
    implements: list[DocRef] = Field(
        default_factory=list, description="parent plans this plan implements"
    )
    sections: list[Section] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    audiences: list[AudienceItem] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
    reporting: list[ReportingDuty] = Field(default_factory=list)
    budget: list[BudgetLine] = Field(default_factory=list)
    indices: list[IndexRef] = Field(default_factory=list)
    format_parts: list[FormatPart] | None = Field(
        None, description="Decree 30/2020 components present; null when not known (e.g. web copy)"
    )
    notes: list[str] = Field(
        default_factory=list, description="what the author or extractor could not determine"
    )

    # A field validator (not a model validator) so that the error's path is `schema_version`.
    @field_validator("schema_version")
    @classmethod
    def _version(cls, value: str) -> str:
        if value.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise PydanticCustomError(
                "schema_version", "unsupported schema_version {value}", {"value": value}
            )
        return value


def json_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://cchc-check/plan.schema.json"
    return schema

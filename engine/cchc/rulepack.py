"""The rule-pack format (rules/README.md) as a strict model, and the reader of pack files.

A pack file that does not fit the model is a `PackError` naming the file, the rule and the
line; nothing in a pack is executed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from cchc.loader import json_path
from cchc.vocab import Area, Audience, DocKind, Form, FormatPart, IndexName, Level, Per, SectionKind
from cchc.yamlsafe import YamlDoc, YamlError, read_yaml

# Scoring areas, in the order reports list them.
AREAS = (
    "citations",
    "validity",
    "structure",
    "format",
    "content",
    "audiences",
    "forms",
    "dialogue",
    "media",
    "organisation",
    "deadlines",
    "reporting",
    "funding",
    "indices",
)
RULE_ID = re.compile(r"^[A-Z0-9]+(-[A-Z0-9]+)+$")
PACK_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Facts a generic condition may name (rules/README.md, "Facts"); `activity` fields separately.
SCALAR_FACTS = {
    "level": str,
    "province": str,
    "issue_date": "date",
    "issue_year": int,
    "issue_month": int,
    "issue_day": int,
    "plan_year": int,
    "issue_md": str,
    "issue_year_offset": int,
    "period_start": "date",
    "period_end": "date",
    "n_online_forms": int,
    "n_traditional_forms": int,
    "n_activities": int,
    "n_reporting": int,
    "n_budget_lines": int,
    "n_objectives": int,
    "has_budget_source": bool,
    "district_tasks": int,
    "issuer_consistent": bool,
    "last_deadline": "date",
    "n_undated_activities": int,
    "issue_lag_days": int,
    "issuer_district": str,
    "n_unidentified_refs": int,
    "n_cites_after_issue": int,
}
LIST_FACTS = {
    "cites",
    "cite_issuers",
    "sections",
    "audiences",
    "areas",
    "indices",
    "forms",
    "format_parts",
    "cited_levels",
    "cites_after_issue",
}
ACTIVITY_FIELDS = {
    "form": str,
    "count": int,
    "per": str,
    "per_year": float,
    "minutes": int,
    "peak_time": bool,
    "has_owner": bool,
    "has_deadline": bool,
    "has_time": bool,
    "deadline": "date",
    "deadline_in_period": bool,
    "owner_level": str,
    "dialogue": str,
    "dialogue_per_year": float,
}
REPORTING_FIELDS = {
    "has_due_date": bool,
    "due_date": "date",
    "due_md": str,
    "due_year_offset": int,
    "to_level": str,
    "frequency": str,
}
ITEM_FIELDS = {"activities": ACTIVITY_FIELDS, "reporting": REPORTING_FIELDS}
KNOWN_FACTS = set(SCALAR_FACTS) | LIST_FACTS | {"activities", "reporting"}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class I18n(Strict):
    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


class DocumentSpec(Strict):
    kind: DocKind
    number: str
    date: dt.date | None = None
    issuer: str
    title: str | None = None


class YearRange(Strict):
    """Calendar years a plan must be *for* (its period lies inside them)."""

    from_: int = Field(alias="from", ge=1990, le=2100)
    until: int = Field(ge=1990, le=2100)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _ordered(self) -> YearRange:
        if self.until < self.from_:
            raise ValueError("until is before from")
        return self


class ParentSpec(Strict):
    """A parent identified by number and date (the same number recurs: 52/KH-UBND…)."""

    number: str
    date: dt.date


class Applies(Strict):
    levels: list[Level] = Field(default_factory=list)
    provinces: list[str] = Field(default_factory=list)
    # Issuer names the duties are addressed to (e.g. one radio-TV station among the media).
    issuers: list[str] = Field(default_factory=list)
    from_: dt.date | None = Field(None, alias="from")
    until: dt.date | None = None
    plan_years: YearRange | None = None
    # Bind only plans with an activity of one of these forms (a duty on plans that assign it).
    forms: list[Form] = Field(default_factory=list)
    # A number ('47/QĐ-UBND'), a number and date ({number, date}), or every number of one
    # issuer's symbol ('*/KH-SLĐTBXH') when the parent's own number is not known.
    implements: list[str | ParentSpec] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @field_validator("implements")
    @classmethod
    def _patterns(cls, v: list[str | ParentSpec]) -> list[str | ParentSpec]:
        for item in v:
            if isinstance(item, str) and "*" in item and not re.fullmatch(r"\*/\S+", item):
                raise ValueError(f"'{item}': a pattern is '*/' and a symbol, e.g. */KH-SLĐTBXH")
        return v


class SourceSpec(Strict):
    clause: str
    number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    document: str | None = None
    catalogue: str | None = None


class DocRefSpec(Strict):
    number: str
    date: dt.date | None = None


class CitesSpec(Strict):
    number: str | None = None
    date: dt.date | None = None
    any_of: list[DocRefSpec] = Field(default_factory=list)
    partial_if_number_only: float | None = Field(None, gt=0, lt=1)

    @model_validator(mode="after")
    def _one(self) -> CitesSpec:
        if (self.number is None) == (not self.any_of):
            raise ValueError("give either number (and date) or any_of")
        return self

    def refs(self) -> list[DocRefSpec]:
        if self.number is not None:
            return [DocRefSpec(number=self.number, date=self.date)]
        return self.any_of


class MisattributedSpec(Strict):
    number: str
    date: dt.date | None = None
    wrong_levels: list[Level] = Field(min_length=1)


class ItemsSpec(Strict):
    """has_sections / has_audiences / covers_areas / names_indices / has_format_parts."""

    items: list[str] = Field(min_length=1)
    min: int | None = Field(None, ge=1)


class ActivitySpec(Strict):
    forms: list[Form] = Field(min_length=1)
    min_count: int | None = Field(None, ge=1)
    per: Per | None = None
    min_minutes: int | None = Field(None, ge=1)
    peak_time: bool | None = None
    min_per_year: float | None = Field(None, gt=0)

    @model_validator(mode="after")
    def _per(self) -> ActivitySpec:
        if (self.min_count is None) != (self.per is None):
            raise ValueError("min_count and per go together")
        return self


class DialogueSpec(Strict):
    """The plan's own committee holds ≥ min_count dialogues per `per` within its period
    (`held_by: lower`: a province plan assigns them to the levels below)."""

    min_count: int = Field(1, ge=1)
    per: Per = Per.year
    held_by: Literal["own", "lower"] = "own"
    # false: too few is a failure (a one-year parent: its plans cannot be partly on time)
    partial: bool = True


class HasFormsSpec(Strict):
    online: int = Field(0, ge=0)
    traditional: int = Field(0, ge=0)


class ReportingSpec(Strict):
    due_by: str | None = Field(None, description="MM-DD of the plan's year, or YYYY-MM-DD")
    to_levels: list[Level] = Field(default_factory=list)

    @field_validator("due_by")
    @classmethod
    def _due(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"(\d{4}-)?\d{2}-\d{2}", v):
            raise ValueError("due_by is MM-DD or YYYY-MM-DD")
        return v


class IssuedBySpec(Strict):
    month: int = Field(ge=1, le=12)
    day: int | None = Field(None, ge=1, le=31)


CondOp = Literal["eq", "ne", "gt", "gte", "lt", "lte"]


class Cond(BaseModel):
    """A generic condition; validated structurally by `check_cond`."""

    model_config = ConfigDict(extra="allow")


class WhenSpec(Strict):
    pass_: dict[str, Any] = Field(alias="pass")
    partial: dict[str, Any] | None = None
    fail: dict[str, Any] | None = None
    default: Literal["pass", "fail"] = "fail"
    partial_credit: float = Field(0.5, gt=0, lt=1)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class CheckSpec(Strict):
    cites: CitesSpec | None = None
    cites_none: list[DocRefSpec] | None = None
    misattributed: MisattributedSpec | None = None
    has_sections: ItemsSpec | list[SectionKind] | None = None
    has_audiences: ItemsSpec | list[Audience] | None = None
    covers_areas: ItemsSpec | list[Area] | None = None
    names_indices: ItemsSpec | list[IndexName] | None = None
    has_format_parts: ItemsSpec | list[FormatPart] | None = None
    activity: ActivitySpec | None = None
    dialogue: DialogueSpec | None = None
    has_forms: HasFormsSpec | None = None
    every_activity: list[Literal["owner", "deadline", "time"]] | None = None
    deadlines_in_period: Literal[True] | None = None
    reporting: ReportingSpec | None = None
    has_budget: Literal[True] | None = None
    issued_by: IssuedBySpec | None = None
    no_district_tasks: Literal[True] | None = None
    no_later_citations: Literal[True] | None = None
    issuer_consistent: Literal[True] | None = None
    when: WhenSpec | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> CheckSpec:
        set_ = [k for k in type(self).model_fields if getattr(self, k) is not None]
        if len(set_) != 1:
            raise ValueError(
                f"a check has exactly one kind, found {len(set_)}: {', '.join(set_) or '-'}"
            )
        return self

    @property
    def kind(self) -> str:
        return next(k for k in type(self).model_fields if getattr(self, k) is not None)

    @property
    def spec(self) -> Any:
        return getattr(self, self.kind)


class Messages(Strict):
    pass_: I18n | None = Field(None, alias="pass")
    fail: I18n
    partial: I18n | None = None
    error: I18n | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Examples(Strict):
    pass_: list[dict[str, Any]] = Field(alias="pass", min_length=1)
    fail: list[dict[str, Any]] = Field(min_length=1)
    partial: list[dict[str, Any]] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class RuleSpec(Strict):
    id: str
    title: I18n
    area: str
    severity: Literal["critical", "major", "minor", "advisory"]
    weight: float = Field(gt=0, le=100)
    status: Literal["V", "P", "U"]
    source: SourceSpec
    rationale: I18n | None = None
    applies: Applies = Field(default_factory=Applies)
    requires: list[str] = Field(default_factory=list)
    # requirement: a binding clause of a document in force for the plan (rules/policy.yaml);
    # recommendation: practice, a threshold of the project's own, a duty no parent imposes.
    binding: Literal["requirement", "recommendation"] = "requirement"
    # Rules that state the same duty as binding for some plans: where one of them applies,
    # this one (a recommendation for the others) does not.
    yields_to: list[str] = Field(default_factory=list)
    check: CheckSpec
    message: Messages
    fix: I18n
    examples: Examples

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not RULE_ID.match(v):
            raise ValueError("rule id is UPPER-CASE words joined by dashes, e.g. NQ76-2021-CITE")
        return v

    @field_validator("area")
    @classmethod
    def _area(cls, v: str) -> str:
        if v not in AREAS:
            raise ValueError(f"unknown area '{v}'; use one of: {', '.join(AREAS)}")
        return v

    @field_validator("requires")
    @classmethod
    def _requires(cls, v: list[str]) -> list[str]:
        unknown = [f for f in v if f not in KNOWN_FACTS]
        if unknown:
            raise ValueError(f"unknown fact(s) {', '.join(unknown)}")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> RuleSpec:
        if self.status == "U" and self.severity != "advisory":
            raise ValueError("a rule with catalogue status U must have severity advisory")
        if self.severity == "critical" and self.binding == "recommendation":
            raise ValueError("a recommendation cannot be critical")
        return self

    @property
    def is_requirement(self) -> bool:
        return self.binding == "requirement" and self.severity != "advisory" and self.status != "U"


class PackMeta(Strict):
    id: str
    title: I18n
    document: DocumentSpec
    applies: Applies = Field(default_factory=Applies)

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not PACK_ID.match(v):
            raise ValueError("pack id is lower-case words joined by dashes, e.g. nq76-2021")
        return v


class PackFile(Strict):
    pack: PackMeta
    rules: list[RuleSpec] = Field(min_length=1)


class PackError(Exception):
    """A rule pack that cannot be used: file, rule ID when known, line, message."""

    def __init__(
        self, file: Path | str, message: str, line: int | None = None, rule: str | None = None
    ) -> None:
        self.file = str(file)
        self.line = line
        self.rule = rule
        self.message = message
        where = f"{self.file}:{line}" if line else self.file
        super().__init__(f"{where}: {f'[{rule}] ' if rule else ''}{message}")


def _rule_id_at(doc: YamlDoc, loc: tuple[Any, ...]) -> str | None:
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = doc.data.get("rules") if isinstance(doc.data, dict) else None
        if isinstance(rules, list) and loc[1] < len(rules) and isinstance(rules[loc[1]], dict):
            rid = rules[loc[1]].get("id")
            return str(rid) if rid is not None else None
    return None


def _pydantic_message(err: dict[str, Any]) -> str:
    loc = [
        p
        for p in err["loc"]
        if not (isinstance(p, str) and ("[" in p or p.startswith("function-")))
    ]
    path = json_path(tuple(loc))
    msg = err["msg"].removeprefix("Value error, ")
    return f"{path}: {msg}"


def parse_pack(doc: YamlDoc) -> PackFile:
    """Validate a read YAML document as a pack, with line numbers in errors."""
    if not isinstance(doc.data, dict):
        raise PackError(doc.file, "a rule pack is a mapping with keys 'pack' and 'rules'", 1)
    try:
        pack = PackFile.model_validate(doc.data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
        raise PackError(
            doc.file, _pydantic_message(err), doc.line_of(loc), _rule_id_at(doc, loc)
        ) from None
    seen: dict[str, int] = {}
    for i, rule in enumerate(pack.rules):
        if rule.id in seen:
            raise PackError(
                doc.file,
                f"duplicate rule id (first at rule #{seen[rule.id] + 1})",
                doc.line_of(("rules", i, "id")),
                rule.id,
            )
        seen[rule.id] = i
    return pack


def read_pack(path: Path) -> tuple[PackFile, YamlDoc]:
    try:
        doc = read_yaml(path)
    except YamlError as exc:
        from cchc.messages import t

        raise PackError(path, t(exc.key, "en", **exc.params), exc.line) from None
    return parse_pack(doc), doc


# Top-level files of a rules directory that are not packs (the verdict policy).
NOT_PACKS = frozenset({"policy.yaml"})


def pack_files(directory: Path) -> list[Path]:
    """The packs of a rules directory: its top-level *.yaml files but the policy, sorted."""
    return sorted(p for p in directory.glob("*.yaml") if p.is_file() and p.name not in NOT_PACKS)

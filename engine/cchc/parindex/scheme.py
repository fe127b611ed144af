"""Scoring schemes of the PAR-index propaganda criterion, as data (`rules/schemes/*.yaml`).

A scheme is read with the project's safe YAML reader (`cchc.yamlsafe`), validated against a strict model, and keeps the
line of every element so that each point awarded cites the scheme line it came from and a
broken scheme is reported with its file and line. See `rules/schemes/README.md`.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from cchc.loader import InputError, Problem, _problem, json_path
from cchc.messages import Lang, t
from cchc.model import Date, Item
from cchc.paths import data_dir
from cchc.vocab import Form, Level
from cchc.yamlsafe import YamlDoc, YamlError, read_yaml

Points = Annotated[float, Field(ge=-100, le=100, allow_inf_nan=False)]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]


class Label(Item):
    vi: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.vi


class SchemeSource(Item):
    """The document the scheme (or one of its lines) comes from."""

    document: str | None = None
    number: str | None = None
    date: Date | None = None
    issuer: str | None = None
    clause: str | None = None
    url: str | None = None
    status: Literal["V", "P", "U"] = Field(description="V verified, P partly, U unverified")

    def cite(self) -> str:
        parts = [p for p in (self.document, self.number) if p]
        if self.date:
            parts.append(self.date.strftime("%d/%m/%Y"))
        if self.issuer:
            parts.append(self.issuer)
        text = ", ".join(parts)
        if self.clause:
            text = f"{text} — {self.clause}" if text else self.clause
        return f"{text} [{self.status}]"


class Band(Item):
    """Completion at or above `from` percent earns `points`, or ratio × max if proportional."""

    from_: Percent = Field(alias="from")
    points: Points | None = None
    proportional: bool = False

    @model_validator(mode="after")
    def _one(self) -> Band:
        if (self.points is None) == (not self.proportional):
            raise PydanticCustomError("sc_band_kind", "points or proportional")
        return self


class _Sub(Item):
    code: str | None = Field(
        None, description="the code the source gives it; none if it gives none"
    )
    title: Label
    max: Points = Field(gt=0)
    source: SchemeSource | None = None
    evidence: list[Label] = Field(
        default_factory=list, description="verification documents the scheme asks for"
    )
    note: Label | None = None


class CompletionSub(_Sub):
    """Degree of completion of the plan (mức độ thực hiện kế hoạch)."""

    kind: Literal["plan_completion"]
    measure: Literal["targets", "volume"] = Field(
        "targets",
        description="targets: share of planned activities done in full; "
        "volume: share of the planned number of times, summed over activities",
    )
    require_evidence: bool = Field(
        False, description="an activity counts only with a verification document"
    )
    bands: list[Band] = Field(min_length=1)

    @model_validator(mode="after")
    def _bands(self) -> CompletionSub:
        edges = [b.from_ for b in self.bands]
        if any(a <= b for a, b in itertools.pairwise(edges)):
            raise PydanticCustomError("sc_bands_order", "bands must go from high to low")
        if edges[-1] != 0:
            raise PydanticCustomError("sc_bands_floor", "the last band must start at 0")
        for b in self.bands:
            if b.points is not None and b.points > self.max:
                raise PydanticCustomError(
                    "sc_points_over_max", "points above max", {"points": b.points, "max": self.max}
                )
        return self


class Disclosure(Item):
    """A reading of the source to disclose whenever the points rest on these forms alone."""

    forms: list[Form] = Field(min_length=1)
    note: Label


class FormGroup(Item):
    """Forms that earn `points` together; a group may be split into sub-groups."""

    id: str
    title: Label
    points: Points | None = None
    forms: list[Form] = Field(default_factory=list)
    groups: list[FormGroup] = Field(default_factory=list)
    min_forms: int = Field(1, ge=1, le=50, strict=True)
    disclose_when_only: Disclosure | None = None

    @model_validator(mode="after")
    def _shape(self) -> FormGroup:
        if bool(self.forms) == bool(self.groups):
            raise PydanticCustomError("sc_group_shape", "forms or groups")
        if self.groups:
            total = round(sum(g.total() for g in self.groups), 6)
            if self.points is not None and round(self.points, 6) != total:
                raise PydanticCustomError(
                    "sc_group_sum", "points differ", {"points": self.points, "total": total}
                )
        elif self.points is None:
            raise PydanticCustomError("sc_group_points", "leaf without points")
        return self

    def total(self) -> float:
        return self.points if self.points is not None else sum(g.total() for g in self.groups)

    def leaves(self) -> list[FormGroup]:
        return [self] if self.forms else [x for g in self.groups for x in g.leaves()]


class DiversitySub(_Sub):
    """Diversity of forms (mức độ đa dạng trong tuyên truyền)."""

    kind: Literal["form_diversity"]
    require_evidence: bool = Field(
        True, description="a form counts only with a verification document"
    )
    groups: list[FormGroup] = Field(min_length=1)

    @model_validator(mode="after")
    def _groups(self) -> DiversitySub:
        total = round(sum(g.total() for g in self.groups), 6)
        if total != round(self.max, 6):
            raise PydanticCustomError(
                "sc_group_sum", "points differ", {"points": self.max, "total": total}
            )
        seen: set[str] = set()
        for leaf in (x for g in self.groups for x in g.leaves()):
            for form in leaf.forms:
                if form in seen:
                    raise PydanticCustomError("sc_form_twice", "form twice", {"form": form.value})
                seen.add(form)
        return self


class Due(Item):
    month: int = Field(ge=1, le=12, strict=True)
    day: int = Field(ge=1, le=31, strict=True)
    year_offset: int = Field(
        0, ge=-1, le=1, strict=True, description="-1: the year before the assessed year"
    )


class IssuePoints(Item):
    on_time: Points
    late: Points
    missing: Points


class ContentCondition(Item):
    """What the plan must contain for the on-time points ("đảm bảo nội dung")."""

    min_activities: int = Field(1, ge=1, le=1000, strict=True)
    points: Points = Field(description="points of a plan issued without that content")


class IssueSub(_Sub):
    """Issuing the plan on time (ban hành kế hoạch đúng thời gian), with its content if asked."""

    kind: Literal["plan_issue"]
    due: Due
    points: IssuePoints
    content: ContentCondition | None = None

    @model_validator(mode="after")
    def _max(self) -> IssueSub:
        if self.points.on_time > self.max:
            raise PydanticCustomError(
                "sc_points_over_max",
                "points above max",
                {"points": self.points.on_time, "max": self.max},
            )
        return self


SubCriterion = Annotated[CompletionSub | DiversitySub | IssueSub, Field(discriminator="kind")]
KINDS = ("plan_completion", "form_diversity", "plan_issue")


class Criterion(Item):
    code: str | None = Field(
        None, description="the code the source gives it; none if it gives none"
    )
    title: Label
    max: Points = Field(gt=0)


class SchemeHead(Item):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: Label
    levels: list[Level] = Field(default_factory=list, description="empty: any level")
    province: str | None = None
    source: SchemeSource
    criterion: Criterion


class SchemeModel(Item):
    scheme: SchemeHead
    sub_criteria: list[SubCriterion] = Field(min_length=1)
    notes: list[Label] = Field(default_factory=list)
    interpretations: list[Label] = Field(
        default_factory=list,
        description="every reading the scheme makes where the source is silent or unclear",
    )

    @model_validator(mode="after")
    def _consistent(self) -> SchemeModel:
        codes = [s.code for s in self.sub_criteria if s.code]
        for code in codes:
            if codes.count(code) > 1:
                raise PydanticCustomError("sc_code_twice", "code twice", {"code": code})
        total = round(sum(s.max for s in self.sub_criteria), 6)
        if total != round(self.scheme.criterion.max, 6):
            raise PydanticCustomError(
                "sc_max_sum", "max differ", {"max": self.scheme.criterion.max, "total": total}
            )
        return self


# --- reading -----------------------------------------------------------------------------------


@dataclass
class LinedProblem(Problem):
    """A problem in a scheme file, with the line it is on."""

    line: int | None = None

    def render(self, lang: Lang = "vi") -> str:
        text = super().render(lang)
        return f"{t('sc_line', lang, line=self.line)}, {text}" if self.line else text


@dataclass
class Scheme:
    """A validated scheme with the file it came from, and its YAML tree for line numbers."""

    model: SchemeModel
    file: Path
    doc: YamlDoc | None = None

    @property
    def id(self) -> str:
        return self.model.scheme.id

    def line(self, *path: int | str) -> int | None:
        """The line of the element at `path` (or of the deepest parent found)."""
        return self.doc.line_of(tuple(path)) if self.doc else None

    def ref(self, *path: int | str) -> str:
        """'dongnai-commune-2022.yaml:44': where a point comes from."""
        line = self.line(*path)
        return f"{self.file.name}:{line}" if line else self.file.name


def _located(err: dict[str, Any], doc: YamlDoc) -> LinedProblem:
    # A discriminated union puts the tag ('plan_completion') into the location: drop it.
    loc = tuple(
        part for i, part in enumerate(err["loc"]) if not (part in KINDS and i + 1 < len(err["loc"]))
    )
    err = {**err, "loc": loc}
    kind, ctx = err["type"], err.get("ctx") or {}
    path = json_path(loc)
    bounds = {"gt": ">", "ge": "≥", "lt": "<", "le": "≤"}
    if kind in ("float_type", "float_parsing", "int_type", "int_parsing", "int_from_float"):
        base = Problem("sc_number_type", {}, path)
    elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        limit = " ".join(f"{bounds[k]} {v}" for k, v in ctx.items() if k in bounds)
        base = Problem("sc_number_range", {"limit": limit}, path)
    elif kind == "literal_error":
        base = Problem(
            "v_enum", {"value": err.get("input"), "expected": ctx.get("expected", "")}, path
        )
    elif kind == "union_tag_invalid":
        base = Problem(
            "v_enum",
            {"value": ctx.get("tag"), "expected": ", ".join(KINDS)},
            json_path((*loc, "kind")),
        )
    elif kind == "union_tag_not_found":
        base = Problem("v_missing", {}, json_path((*loc, "kind")))
    elif kind == "string_pattern_mismatch":
        base = Problem("sc_id_pattern", {}, path)
    else:
        base = _problem(err)
    where = (*loc, "kind") if kind.startswith("union_tag") else loc
    return LinedProblem(base.key, base.params, base.path, doc.line_of(where))


def load_scheme(path: str | os.PathLike[str]) -> Scheme:
    """Read and validate one scheme file. Raises `InputError` naming the file and the line."""
    p = Path(path)
    if not p.exists():
        raise InputError.one(p, "file_missing")
    try:
        doc = read_yaml(p)
    except YamlError as exc:
        raise InputError(p, [LinedProblem(exc.key, exc.params, None, exc.line)]) from None
    if doc.data is None:
        raise InputError.one(p, "file_empty")
    # A key written twice is refused by read_yaml, for every data file, with its line.
    if not isinstance(doc.data, dict):
        raise InputError(p, [LinedProblem("sc_not_mapping", {}, None, 1)])
    try:
        model = SchemeModel.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError(p, [_located(e, doc) for e in exc.errors()]) from None
    return Scheme(model, p, doc)


def schemes_dir() -> Path:
    return data_dir("rules") / "schemes"


def shipped_schemes() -> list[str]:
    """Names of the schemes that ship with the tool (file stems)."""
    return sorted(p.stem for p in schemes_dir().glob("*.yaml"))


def find_scheme(name: str) -> Scheme:
    """A shipped scheme by name (file stem or scheme id), or a scheme file by path."""
    candidate = Path(name)
    if candidate.suffix.lower() in (".yaml", ".yml") or candidate.exists():
        return load_scheme(candidate)
    for p in sorted(schemes_dir().glob("*.yaml")):
        if p.stem == name:
            return load_scheme(p)
    raise InputError.one(name, "sc_unknown", known=", ".join(shipped_schemes()))

"""Waivers: accepted gaps, each with a reason and an optional expiry (like Checkov's skips).

```yaml
waivers:
  - rule: NQ76-2021-CITE          # a rule ID, or a prefix such as NQ76
    plan: 52/KH-UBND              # the plan's number…
    file: "*/tan-phong-*.json"    # …and/or a glob on its file path (at least one of the two)
    reason: Kế hoạch được ban hành trước khi có văn bản của tỉnh.
    expires: 2025-12-31           # optional; after it the waiver stops applying and is reported
```
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from cchc.citations import canonical_number
from cchc.loader import json_path
from cchc.yamlsafe import YamlError, read_yaml


class Waiver(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: str = Field(min_length=1)
    plan: str | None = None
    file: str | None = None
    reason: str
    expires: dt.date | None = None

    @field_validator("reason")
    @classmethod
    def _reason(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("a waiver needs a reason")
        return v.strip()

    @model_validator(mode="after")
    def _target(self) -> Waiver:
        if self.plan is None and self.file is None:
            raise ValueError("a waiver names the plan (number) or the file it applies to")
        return self

    def matches(self, rule_id: str, plan_number: str | None, file: str) -> bool:
        if not (rule_id == self.rule or rule_id.startswith(self.rule.rstrip("-") + "-")):
            return False
        if self.plan is not None and (
            plan_number is None or canonical_number(plan_number) != canonical_number(self.plan)
        ):
            return False
        return (
            self.file is None
            or fnmatch.fnmatch(file, self.file)
            or fnmatch.fnmatch(Path(file).name, self.file)
        )


class WaiverFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    waivers: list[Waiver]


class WaiverError(Exception):
    def __init__(self, file: Path, message: str, line: int | None = None) -> None:
        self.file, self.message, self.line = str(file), message, line
        super().__init__(f"{file}{f':{line}' if line else ''}: {message}")


def load_waivers(path: Path) -> list[Waiver]:
    try:
        doc = read_yaml(path)
    except YamlError as exc:
        from cchc.messages import t

        raise WaiverError(path, t(exc.key, "en", **exc.params), exc.line) from None
    try:
        return WaiverFile.model_validate(doc.data).waivers
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        raise WaiverError(path, f"{json_path(loc)}: {msg}", doc.line_of(loc)) from None

"""What identifies a plan in the store: its content, its unit and its year."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

import orjson

from cchc.model import Plan

_SPACES = re.compile(r"\s+")
# Long and short forms of the same body name one unit ("Ủy ban nhân dân xã X" = "UBND xã X").
_LONG_FORMS = (("ủy ban nhân dân", "ubnd"), ("uỷ ban nhân dân", "ubnd"))


def content_hash(plan: Plan) -> str:
    """SHA-256 of the plan's canonical JSON: the same content read from .json, .docx or .txt
    hashes alike only when it extracts alike, which is what the store compares."""
    data = plan.model_dump(mode="json", exclude_none=True)
    return hashlib.sha256(orjson.dumps(data, option=orjson.OPT_SORT_KEYS)).hexdigest()


def unit_key(plan: Plan) -> str:
    """The issuing unit: its name folded (case, spacing, long form), level and province."""
    name = unicodedata.normalize("NFC", plan.issuer.name or "").casefold()
    for long, short in _LONG_FORMS:
        name = name.replace(long, short)
    name = _SPACES.sub(" ", name).strip()
    province = _SPACES.sub(" ", (plan.issuer.province or "").casefold()).strip()
    level = str(plan.issuer.level or "")
    return f"{name}|{level}|{province}"


def plan_year(plan: Plan) -> int | None:
    """The year a plan is for: its period's first year, else its issue year."""
    start = plan.period.start or plan.period.end
    if start is not None:
        return start.year
    return plan.document.issue_date.year if plan.document.issue_date else None


def rules_version(packs: list[Any], select: tuple[str, ...], ignore: tuple[str, ...]) -> str:
    """A digest of the rule packs in use (and of --select/--ignore): results recorded under
    another digest were judged by other rules."""
    data = {
        "packs": [p.model_dump(mode="json") for p in packs],
        "select": list(select),
        "ignore": list(ignore),
    }
    return hashlib.sha256(orjson.dumps(data, option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]

"""Which activities are the dialogue a People's Committee must hold (data: rules/data/dialogue.yaml).

A dialogue counts for a plan only when the plan's *own* People's Committee (or its chairman)
holds it with citizens or businesses, within the plan's period. This module gives each
activity that is or looks like a dialogue one kind:

- `own`: it counts; `guidance`: coded as a dialogue but never called one (a Q&A or guidance
  conference), counted in part;
- `reception` (tiếp công dân), `village` (họp thôn, tổ dân phố), `attends` (attending
  another body's dialogue), `other_level` (held by another level's committee), `assigned`
  (handed down to a lower level), `outside_period` (dated outside the plan's period).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from cchc.levels import fold, level_of
from cchc.model import Activity, Plan
from cchc.vocab import Level

# Higher is above: a province plan assigns to districts and communes, a district to communes.
_RANK = {
    Level.province: 4,
    Level.department: 3,
    Level.district: 2,
    Level.commune: 1,
}
_COMMITTEE_AT = re.compile(
    r"(?:chủ tịch\s+)?(?:ubnd|ủy ban nhân dân|chính quyền)\s+(?:cấp\s+)?(?:các\s+)?"
    r"(tỉnh|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\b"
)
_WORD_LEVEL = {
    "tỉnh": Level.province,
    "huyện": Level.district,
    "quận": Level.district,
    "thị xã": Level.district,
    "xã": Level.commune,
    "phường": Level.commune,
    "thị trấn": Level.commune,
    "đặc khu": Level.commune,
}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    from cchc.paths import data_dir
    from cchc.yamlsafe import read_yaml

    data = read_yaml(Path(data_dir("rules")) / "data" / "dialogue.yaml").data
    data["looks_like"] = [fold(p) for p in data["looks_like"]]
    data["conditional"] = [fold(p) for p in data.get("conditional", [])]
    for kind in data["kinds"].values():
        kind["phrases"] = [fold(p) for p in kind.get("phrases", [])]
    return data


def _text(act: Activity) -> str:
    parts = [act.title, act.evidence, act.owner, act.organiser]
    return fold(" ".join(p for p in parts if p))


def looks_like_dialogue(act: Activity) -> bool:
    if str(act.form) == "dialogue":
        return True
    text = _text(act)
    return any(p in text for p in lexicon()["looks_like"])


def conditional(act: Activity) -> bool:
    """Planned only "when needed": no count can be read from it."""
    text = _text(act)
    return any(p in text for p in lexicon()["conditional"])


def _has(text: str, kind: str) -> bool:
    return any(p in text for p in lexicon()["kinds"][kind]["phrases"])


def _organiser_level(act: Activity, text: str, on: dt.date | None) -> Level | None:
    """Whose committee holds it: the organiser given, else the committees the text names."""
    if act.organiser_level is not None:
        return act.organiser_level
    named = level_of(act.organiser, on) if act.organiser else None
    if named is not None:
        return named
    levels = {_WORD_LEVEL[m.group(1)] for m in _COMMITTEE_AT.finditer(text)}
    if len(levels) == 1:
        return levels.pop()
    return None


def _act_date(act: Activity) -> dt.date | None:
    return act.start or act.deadline


def classify(act: Activity, plan: Plan) -> tuple[str, dict[str, str]]:
    """(kind, details for the message) of an activity that is or looks like a dialogue."""
    text = _text(act)
    own = plan.issuer.level
    on = plan.document.issue_date
    is_form = str(act.form) == "dialogue"
    conference = "hội nghị đối thoại" in text or "đối thoại trực tiếp" in text
    if _has(text, "reception") and not conference:
        return "reception", {}
    if _has(text, "village") and not conference:
        return "village", {}
    if not is_form and "đối thoại" not in text:
        return "reception", {}  # looked like one by its words alone ("tiếp dân")
    if "đối thoại" not in text:
        # Coded as a dialogue but never called one: a Q&A or guidance conference with the
        # people is not plainly the committee's dialogue conference (partly counted).
        return "guidance", {}
    organiser = _organiser_level(act, text, on)
    owner = act.owner_level or level_of(act.owner, on)
    who = act.organiser or act.owner or ""
    if organiser is None and owner in _RANK and own in _RANK and owner != own:
        organiser = owner  # "UBND các xã tổ chức đối thoại" in a district plan
    if _has(text, "attends") and organiser != own:
        return "attends", {"organiser": who}
    if organiser is not None and own is not None and organiser != own:
        if organiser in _RANK and own in _RANK and _RANK[organiser] < _RANK[own]:
            return "assigned", {"organiser": who or str(organiser)}
        return "other_level", {"organiser": who or str(organiser)}
    when = _act_date(act)
    start, end = plan.period.start, plan.period.end
    if when is not None and (
        (start is not None and when < start) or (end is not None and when > end)
    ):
        return "outside_period", {"date": when.strftime("%d/%m/%Y")}
    return "own", {}


def why_not(kind: str, details: dict[str, str], lang: str) -> str:
    label = lexicon()["kinds"][kind]["label"]["en" if lang == "en" else "vi"]
    for key, value in details.items():
        label = label.replace("{" + key + "}", value)
    return label

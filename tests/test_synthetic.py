"""The synthetic pairs: each gaps plan is its good twin plus the defects listed in defects.yaml."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from cchc.loader import load_plan
from conftest import SYNTHETIC, resolve

MANIFEST: dict[str, Any] = yaml.safe_load((SYNTHETIC / "defects.yaml").read_text(encoding="utf-8"))
# Keys the gaps plans may change besides those their defects name: the note saying they are
# synthetic, and an objective or section that went with a removed activity or budget.
ALSO_CHANGED = {"notes", "objectives", "sections"}


def raw(name: str) -> dict[str, Any]:
    return json.loads((SYNTHETIC / name).read_text(encoding="utf-8"))


def test_every_plan_is_in_a_pair() -> None:
    files = {p.name for p in SYNTHETIC.glob("*.json")}
    listed = set(MANIFEST) | {entry["good"] for entry in MANIFEST.values()}
    assert files == listed
    assert len(MANIFEST) == 4


@pytest.mark.parametrize("gaps", sorted(MANIFEST))
def test_gaps_plan_has_three_to_six_documented_defects(gaps: str) -> None:
    defects = MANIFEST[gaps]["defects"]
    assert 3 <= len(defects) <= 6
    assert len({d["id"] for d in defects}) == len(defects)
    data = raw(gaps)
    for defect in defects:
        assert defect["what"] and defect["requirement"]
        resolve(data, defect["path"])  # raises if the path does not exist


@pytest.mark.parametrize("gaps", sorted(MANIFEST))
def test_gaps_plan_changes_only_what_its_defects_name(gaps: str) -> None:
    good, bad = raw(MANIFEST[gaps]["good"]), raw(gaps)
    changed = {key for key in good.keys() | bad.keys() if good.get(key) != bad.get(key)}
    named = {d["path"].split(".")[0].split("[")[0] for d in MANIFEST[gaps]["defects"]}
    assert changed - named <= ALSO_CHANGED
    assert named <= changed  # every defect really changed something


@pytest.mark.parametrize("name", sorted(p.name for p in SYNTHETIC.glob("*.json")))
def test_synthetic_plan_loads_and_says_it_is_synthetic(name: str) -> None:
    plan = load_plan(SYNTHETIC / name)
    assert any("Synthetic" in note for note in plan.notes)


@pytest.mark.parametrize("name", sorted(p.name for p in SYNTHETIC.glob("*-good.json")))
def test_good_plans_are_complete(name: str) -> None:
    plan = load_plan(SYNTHETIC / name)
    assert plan.format_parts is not None and len(plan.format_parts) == 9
    for kind in ("purpose", "audience", "content", "forms", "organisation", "funding", "reporting"):
        assert kind in {s.kind for s in plan.sections}, kind
    assert plan.budget and plan.reporting and plan.indices
    assert any(o.countable for o in plan.objectives)
    for act in plan.activities:
        assert act.owner and act.owner_level and act.deadline, act.id
        assert plan.period.start <= act.deadline <= plan.period.end, act.id
    assert plan.period.start is not None and plan.document.issue_date is not None


def test_two_level_plan_has_no_district() -> None:
    plan = load_plan(SYNTHETIC / "commune-2025-good.json")
    assert plan.document.issue_date is not None
    assert plan.document.issue_date.isoformat() >= "2025-07-01"
    assert plan.issuer.district is None
    levels = {a.owner_level for a in plan.activities}
    levels |= {r.to_level for r in plan.reporting}
    levels |= {d.issuer_level for d in plan.implements}
    assert "district" not in levels
    assert "61/2018/NĐ-CP" not in {c.number for c in plan.cited_documents}


def test_the_76_of_2021_in_good_and_of_2013_in_gaps() -> None:
    for good in ("department-2022-good.json", "commune-2024-good.json"):
        (nq,) = [c for c in load_plan(SYNTHETIC / good).cited_documents if c.number == "76/NQ-CP"]
        assert nq.date is not None and nq.date.isoformat() == "2021-07-15"
    for gaps in ("department-2022-gaps.json", "commune-2024-gaps.json"):
        (nq,) = [c for c in load_plan(SYNTHETIC / gaps).cited_documents if c.number == "76/NQ-CP"]
        assert nq.date is not None and nq.date.isoformat() == "2013-06-13"


def test_paths_in_the_manifest_exist(tmp_path: Path) -> None:
    # A path that does not resolve must fail the helper, or the checks above prove nothing.
    with pytest.raises((KeyError, IndexError)):
        resolve({"a": [1]}, "a[3]")
    with pytest.raises(KeyError):
        resolve({"a": {}}, "a.b")

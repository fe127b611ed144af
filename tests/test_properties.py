"""Properties of the checker on generated plans (hypothesis): no schema-valid plan crashes it,
and a plan's score never rises when a required item is removed."""

from __future__ import annotations

import copy
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc.checker import Checker, CheckOptions
from cchc.model import Plan
from cchc.result import Status
from strategies import CITATIONS, plans

ALLKINDS = Path(__file__).resolve().parent / "packs" / "allkinds"
CHECKER = Checker(CheckOptions(engine="python", rules_dirs=(ALLKINDS,)))

# Lists whose items only ever satisfy requirements: removing one can only lose credit.
# (Activities and citations are not in it as such: an activity without an owner, or a
# superseded citation, costs credit, so removing those may rightly raise the score.)
REQUIRED_LISTS = (
    "sections",
    "audiences",
    "topics",
    "indices",
    "budget",
    "reporting",
    "format_parts",
)
GOOD_CITATIONS = [
    c
    for c in CITATIONS
    if c.get("issuer") != "Thủ tướng Chính phủ"
    and "61/2018" not in c["number"]
    # The 2011-2020 programme (30c/NQ-CP, and 76/NQ-CP of 13/6/2013) is an expired basis
    # for a 2022+ plan: citing it is a defect, not a required item.
    and c["number"] != "30c/NQ-CP"
    and not (c["number"] == "76/NQ-CP" and c.get("date") == "2013-06-13")
    # A district's document is no parent from 1/7/2025 (LGO72-2025-NO-DISTRICT-TASKS): for a
    # plan of that date citing it is a defect, so it is not a required item either.
    and "huyện" not in (c.get("issuer") or "")
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_no_valid_plan_crashes_the_checker(data: dict) -> None:
    report = CHECKER.check_plan(Plan.model_validate(data), "generated.json")
    assert len(report.results) == len(CHECKER.rules)
    assert all(
        "could not be evaluated" not in r.message and "không đánh giá được" not in r.message
        for r in report.results
    )
    assert report.score is None or 0.0 <= report.score <= 100.0


@st.composite
def plan_and_removal(draw: st.DrawFn) -> tuple[dict, dict]:
    data = draw(plans())
    data["cited_documents"] = draw(st.lists(st.sampled_from(GOOD_CITATIONS), max_size=6))
    # A citation dated after the plan itself is a defect (STRUCT-CITE-AFTER-PLAN), not a
    # required item: keep only those the plan could have cited.
    issued = data["document"].get("issue_date")
    if issued is not None:
        data["cited_documents"] = [
            c for c in data["cited_documents"] if c.get("date") is None or c["date"] <= str(issued)
        ]
    # A duty addressed to a district is a defect after 1 July 2025, not a required item.
    data["reporting"] = [r for r in data["reporting"] if r.get("to_level") != "district"]
    candidates = [k for k in (*REQUIRED_LISTS, "cited_documents") if data.get(k)]
    if not candidates:
        return data, data
    key = draw(st.sampled_from(candidates))
    index = draw(st.integers(0, len(data[key]) - 1))
    smaller = copy.deepcopy(data)
    del smaller[key][index]
    return data, smaller


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_and_removal())
def test_removing_a_required_item_never_raises_the_score(pair: tuple[dict, dict]) -> None:
    before, after = (CHECKER.check_plan(Plan.model_validate(d), "p.json") for d in pair)
    for b, a in zip(before.results, after.results, strict=True):
        if b.status in (Status.passed, Status.partial, Status.failed) and a.status in (
            Status.passed,
            Status.partial,
            Status.failed,
        ):
            assert a.credit <= b.credit + 1e-9, (b.rule, b.status, a.status)
    if before.score is not None and after.score is not None:
        assert after.score <= before.score + 1e-9

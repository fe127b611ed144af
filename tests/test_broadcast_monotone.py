"""Broadcast credit is monotone in frequency and duration (property test): a rarer or shorter
segment never earns more than a more frequent or longer one; ≥1/week and ≥15 min passes."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.checker import Checker, CheckOptions
from cchc.model import Plan
from cchc.result import Status

CHECKER = Checker(CheckOptions(engine="python", select=("QD251-2022-BROADCAST",)))
PERS = ("year", "half_year", "quarter", "month", "week")


def credit(per: str, count: int, minutes: int) -> float:
    plan = Plan.model_validate(
        {
            "document": {"issue_date": "2022-04-20"},
            "issuer": {"name": "UBND tỉnh Bình Dương", "level": "province"},
            "period": {"start": "2022-01-01", "end": "2022-12-31"},
            "activities": [
                {"form": "radio", "count": count, "per": per, "duration_minutes": minutes}
            ],
        }
    )
    r = next(x for x in CHECKER.check_plan(plan, "x").results if x.rule == "QD251-2022-BROADCAST")
    assert r.status in (Status.passed, Status.partial, Status.failed)
    return r.credit


broadcast: Any = st.tuples(
    st.sampled_from(PERS), st.integers(min_value=1, max_value=4), st.integers(1, 60)
)


@settings(max_examples=60, deadline=None)
@given(broadcast, st.integers(0, 4), st.integers(0, 30))
def test_more_often_or_longer_never_earns_less(
    b: tuple[str, int, int], up: int, longer: int
) -> None:
    per, count, minutes = b
    more_often = PERS[min(PERS.index(per) + up, len(PERS) - 1)]
    base = credit(per, count, minutes)
    assert credit(more_often, count, minutes) >= base
    assert credit(per, count + up, minutes) >= base
    assert credit(per, count, min(minutes + longer, 24 * 60)) >= base


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 7), st.integers(15, 120))
def test_weekly_and_15_minutes_pass(count: int, minutes: int) -> None:
    assert credit("week", count, minutes) == 1.0


def test_shorter_or_rarer_is_partial_below_one() -> None:
    assert 0 < credit("week", 1, 14) < 1
    assert 0 < credit("month", 2, 15) < 1

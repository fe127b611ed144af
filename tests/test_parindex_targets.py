"""Targets (planned activities), what is due in the year, matching report items, pairing."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from cchc.model import Plan
from cchc.parindex.inputs import LoadedPlan, LoadedReport
from cchc.parindex.pairing import covers_year, number_key, pair
from cchc.parindex.targets import match, ratio, targets, window
from cchc.parindex.units import unit_id
from cchc.results_report import ResultsReport


def plan(activities: list[dict], period: dict | None = None, **extra: object) -> Plan:
    return Plan.model_validate({"activities": activities, "period": period or {}, **extra})


def report(activities: list[dict], **extra: object) -> ResultsReport:
    data = {"unit": {"name": "UBND xã A"}, "year": 2023, "activities": activities}
    return ResultsReport.model_validate({**data, **extra})


def test_due_times_follow_the_period_inside_the_year() -> None:
    p = plan(
        [
            {"form": "loudspeaker", "count": 1, "per": "week"},
            {"form": "meeting", "count": 1, "per": "month"},
            {"form": "public_board", "count": 1, "per": "quarter"},
            {"form": "conference", "count": 1, "per": "half_year"},
            {"form": "print", "count": 300, "per": "once"},
            {"form": "training", "count": 2, "per": "period"},
            {"form": "dialogue"},
        ],
        {"start": "2023-04-01", "end": "2023-12-31"},
    )
    assert window(p, 2023) == (dt.date(2023, 4, 1), dt.date(2023, 12, 31))
    due = [(tg.required, tg.periods, tg.count_stated) for tg in targets(p, 2023)]
    # 275 days = 39 weeks; April–December = 9 months, 3 quarters, 2 halves.
    assert due == [
        (39, 39, True),
        (9, 9, True),
        (3, 3, True),
        (2, 2, True),
        (300, 1, True),
        (2, 1, True),
        (1, 1, False),
    ]


def test_a_multi_year_plan_is_cut_to_the_assessed_year() -> None:
    p = plan(
        [{"form": "radio", "count": 2, "per": "month"}],
        {"start": "2021-01-01", "end": "2025-12-31"},
    )
    assert window(p, 2022) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert targets(p, 2022)[0].required == 24
    assert covers_year(p, 2022) and covers_year(p, 2025) and not covers_year(p, 2026)


def test_plan_without_period_belongs_to_its_issue_year() -> None:
    p = plan([], document={"issue_date": "2023-01-10"})
    assert covers_year(p, 2023) and not covers_year(p, 2024)
    assert not covers_year(plan([]), 2023)


def test_matching_by_id_position_and_form() -> None:
    p = plan(
        [
            {"id": "a", "form": "radio", "count": 2, "per": "year"},
            {"form": "conference", "count": 1, "per": "year"},
            {"form": "conference", "count": 1, "per": "year"},
            {"id": "d", "form": "website", "count": 1, "per": "year"},
        ]
    )
    r = report(
        [
            {"activity_id": "a", "count": 1},
            {"activity_id": "a", "count": 1},  # two lines for one activity add up
            {"form": "conference", "count": 1},  # the first conference
            {"form": "conference", "count": 1},  # the second one: nothing reported for it yet
            {"activity_id": "activities[3]", "completed": True},  # by position, no count
            {"activity_id": "zz", "count": 5},  # not in the plan
            {"form": "contest", "count": 1},  # no such form in the plan
        ]
    )
    outcomes, unmatched = match(targets(p, 2023), r)
    assert [o.done for o in outcomes] == [2, 1, 1, 1]
    assert [o.matched_by for o in outcomes] == ["id", "form", "form", "id"]
    assert outcomes[3].claimed
    assert [(i, why) for i, _, why in unmatched] == [(5, "id"), (6, "form")]
    assert ratio(outcomes, "targets", False) == Fraction(1)


def test_counts_evidence_and_measures() -> None:
    p = plan(
        [
            {"form": "radio", "count": 10, "per": "year"},
            {"form": "print", "count": 1, "per": "once"},
        ]
    )
    r = report(
        [
            {"form": "radio", "count": 8, "evidence_items": [{"kind": "log", "file": "log.pdf"}]},
            {"form": "print", "count": 1},
        ]
    )
    outcomes, _ = match(targets(p, 2023), r)
    assert [o.complete(False) for o in outcomes] == [False, True]
    assert ratio(outcomes, "targets", False) == Fraction(1, 2)
    assert ratio(outcomes, "volume", False) == Fraction(9, 11)
    # With evidence required, the print run (no document) counts for nothing.
    assert ratio(outcomes, "targets", True) == Fraction(0)
    assert ratio(outcomes, "volume", True) == Fraction(8, 11)
    assert ratio([], "targets", False) is None


def test_unknown_and_refused_outcomes() -> None:
    p = plan([{"form": "radio"}, {"form": "print"}, {"form": "contest"}])
    r = report([{"form": "radio"}, {"form": "print", "completed": False}])
    outcomes, _ = match(targets(p, 2023), r)
    assert [o.done for o in outcomes] == [None, 0, 0]
    assert not any(o.complete(False) for o in outcomes)


def test_number_and_name_keys() -> None:
    assert number_key("052 /KH-UBND") == number_key("52/KH-UBND") == "52/KH-UBND"
    assert number_key("47/QĐ-UBND") == "47/QD-UBND"
    assert number_key(None) is None
    assert unit_id("Ủy ban nhân dân  xã Xuân Bắc") == unit_id("UBND xã Xuân Bắc")
    assert unit_id("UBND xã Xuân Bắc").same(unit_id("UBND xã Xuân Bắc Nam")) is False


def _lp(name: str, number: str | None, date: str | None, province: str = "Đồng Nai") -> LoadedPlan:
    p = Plan.model_validate(
        {
            "document": {"number": number, "issue_date": date},
            "issuer": {"name": name, "province": province},
        }
    )
    return LoadedPlan(p, f"{name}.json")


def _lr(
    name: str, number: str | None, date: str | None, province: str = "Đồng Nai"
) -> LoadedReport:
    ref = {"number": number, "date": date} if number or date else None
    r = ResultsReport.model_validate(
        {"unit": {"name": name, "province": province}, "year": 2023, "plan": ref}
    )
    return LoadedReport(r, f"{name}-report.json")


def test_pairing_rules() -> None:
    plans = [
        _lp("UBND xã A", "52/KH-UBND", "2023-01-05"),
        _lp("UBND xã B", "52/KH-UBND", "2023-01-06"),
        _lp("Ủy ban nhân dân huyện C", "9/KH-UBND", "2023-01-07"),
        _lp("UBND xã D", None, None),
        _lp("UBND xã E", "1/KH-UBND", "2023-01-01", province="Bình Phước"),
        _lp("UBND xã F", "3/KH-UBND", None),
    ]
    reports = [
        _lr("UBND xã B", "52/KH-UBND", None),  # same number as A: the unit decides
        # names another unit's plan (a district's): flagged, not paired
        _lr("UBND xã C", "9/KH-UBND", "2023-01-07"),
        _lr("UBND xã D", None, None),  # no reference: by unit
        _lr("UBND xã E", "1/KH-UBND", "2023-01-01"),  # another province: no pair
        _lr("UBND xã F", "4/KH-UBND", None),  # wrong number: paired by unit, noted
        _lr("UBND xã G", "7/KH-UBND", None),  # no plan at all
    ]
    pairs = {
        (p.plan.file if p.plan else None, p.report.file if p.report else None): p.how
        for p in pair(plans, reports).pairs
    }
    assert pairs == {
        ("UBND xã B.json", "UBND xã B-report.json"): "unit",
        (None, "UBND xã C-report.json"): None,
        ("Ủy ban nhân dân huyện C.json", None): None,
        ("UBND xã D.json", "UBND xã D-report.json"): "unit",
        (None, "UBND xã E-report.json"): None,
        ("UBND xã F.json", "UBND xã F-report.json"): "unit",
        (None, "UBND xã G-report.json"): None,
        ("UBND xã A.json", None): None,
        ("UBND xã E.json", None): None,
    }

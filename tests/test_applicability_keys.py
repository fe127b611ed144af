"""The applicability keys and facts the rule packs rely on: plan years, issuers, dated and
symbol parents, forms, the exclusion-wins order, and the derived facts behind the checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from cchc.applicability import check_applies, parent_numbers
from cchc.citations import level_of_name
from cchc.facts import derive
from cchc.model import Plan
from cchc.rulepack import Applies


def _plan(**data: Any) -> Plan:
    return Plan.model_validate(data)


def _verdict(applies: dict[str, Any], plan: Plan, as_of: dt.date | None = None) -> str:
    v = check_applies(Applies.model_validate(applies), plan, as_of, parent_numbers(plan))
    if v.applies:
        return "applies"
    return f"error:{v.reason}" if v.undecidable else f"na:{v.reason}"


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("Ủy ban nhân dân huyện Tân Phong", "district"),
        ("Chủ tịch Ủy ban nhân dân tỉnh Cà Mau", "province"),
        ("Ủy ban nhân dân cấp xã", "commune"),
        ("UBND phường An Đông", "commune"),
        # The provincial committee's office is one of its agencies (department level).
        ("Văn phòng Ủy ban nhân dân tỉnh", "department"),
        ("Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên", "department"),
        ("Ban Quản lý các khu công nghiệp", "department"),
        ("Thủ tướng Chính phủ", "prime_minister"),
        ("Tỉnh ủy Thừa Thiên Huế", None),
        ("Đài Phát thanh - Truyền hình Cà Mau", "media"),
    ],
)
def test_level_of_name(name: str, level: str | None) -> None:
    # "Ủy ban" contains the word "ban": a People's Committee is not a department.
    assert level_of_name(name) == level


def test_plan_years_bind_plans_for_those_years_only() -> None:
    one_year = {"plan_years": {"from": 2021, "until": 2021}}
    annual = _plan(
        document={"issue_date": "2021-04-15"}, period={"start": "2021-01-01", "end": "2021-12-31"}
    )
    multi = _plan(
        document={"issue_date": "2021-12-23"}, period={"start": "2021-01-01", "end": "2025-12-31"}
    )
    undated_period = _plan(document={"issue_date": "2021-04-15"})
    assert _verdict(one_year, annual) == "applies"
    assert _verdict(one_year, multi) == "na:na_years"  # a 2021–2025 plan is not "for 2021"
    assert _verdict(one_year, undated_period) == "applies"  # the issue year stands in
    assert _verdict({"plan_years": {"from": 2021, "until": 2030}}, multi) == "applies"
    assert _verdict(one_year, _plan()) == "error:na_years_unknown"


def test_an_exclusion_wins_over_an_undecidable_criterion() -> None:
    applies = {"levels": ["commune"], "plan_years": {"from": 2021, "until": 2030}}
    no_level = _plan(period={"start": "2020-01-01", "end": "2020-12-31"})
    assert _verdict(applies, no_level) == "na:na_years"
    assert _verdict(applies, _plan(period={"start": "2022-01-01"})) == "error:na_level_unknown"


def test_dates_without_issue_date_or_period_start() -> None:
    """Only the period's end known: a plan is issued before its period ends."""
    ended_2020 = _plan(period={"end": "2020-12-31"})
    assert _verdict({"from": "2021-07-15"}, ended_2020) == "na:na_before"
    assert _verdict({"until": "2025-02-28"}, ended_2020) == "applies"
    assert _verdict({"from": "2020-03-05"}, ended_2020) == "error:na_date_unknown"
    # The engine judges a plan without issue date at the start of its period.
    started = _plan(period={"start": "2022-01-01", "end": "2022-12-31"})
    assert _verdict({"from": "2022-03-29"}, started) == "na:na_before"
    assert _verdict({"from": "2021-07-15"}, started) == "applies"


def test_issuers_match_inside_names_ignoring_case_and_dashes() -> None:
    applies = {"issuers": ["Đài Phát thanh - Truyền hình Cà Mau"]}
    assert (
        _verdict(applies, _plan(issuer={"name": "ĐÀI PHÁT THANH – TRUYỀN HÌNH CÀ MAU"}))
        == "applies"
    )
    assert _verdict(applies, _plan(issuer={"name": "Báo Cà Mau"})) == "na:na_issuer"
    assert _verdict(applies, _plan()) == "error:na_issuer_unknown"
    other = _plan(
        issuer={"name": "Đài PT-TH", "other_names": ["Đài Phát thanh-Truyền hình Cà Mau"]}
    )
    assert _verdict(applies, other) == "applies"


def test_dated_and_symbol_parents() -> None:
    dated = {"implements": [{"number": "52/KH-UBND", "date": "2024-04-01"}]}
    right = _plan(implements=[{"number": "52 /KH-UBND", "date": "2024-04-01"}])
    another = _plan(implements=[{"number": "52/KH-UBND", "date": "2024-02-10"}])
    assert _verdict(dated, right) == "applies"
    assert _verdict(dated, another) == "na:na_parent"
    symbol = {"implements": ["*/KH-SLĐTBXH"]}
    assert _verdict(symbol, _plan(implements=[{"number": "224/KH-SLĐTBXH"}])) == "applies"
    assert _verdict(symbol, _plan(implements=[{"number": "4289/KH-UBND"}])) == "na:na_parent"
    with pytest.raises(ValueError, match="pattern"):
        Applies.model_validate({"implements": ["KH-*"]})


def test_forms_bind_plans_that_assign_them() -> None:
    applies = {"forms": ["radio", "television"]}
    assert _verdict(applies, _plan(activities=[{"form": "television"}])) == "applies"
    assert _verdict(applies, _plan(activities=[{"form": "website"}])) == "na:na_forms"


def test_facts_for_time_deadlines_and_lag() -> None:
    plan = _plan(
        document={"issue_date": "2024-04-01"},
        issuer={"level": "commune", "district": "Tân Biên"},
        period={"start": "2024-01-01", "end": "2024-12-31"},
        activities=[
            {"form": "meeting", "deadline": "2024-10-31"},
            {"form": "radio", "count": 1, "per": "week"},
            {"form": "print", "count": 1000, "per": "period"},
            {"form": "training", "start": "2024-05-01"},
        ],
    )
    f = derive(plan)
    assert [a["has_time"] for a in f["activities"]] == [True, True, False, True]
    assert f["last_deadline"] == "2024-10-31"
    assert f["n_undated_activities"] == 3
    assert f["issue_lag_days"] == 91
    assert f["issuer_district"] == "Tân Biên"
    assert "last_deadline" not in derive(_plan(activities=[{"form": "meeting"}]))


def test_facts_for_citations() -> None:
    plan = _plan(
        cited_documents=[
            {"kind": "LUAT", "date": "2015-06-19", "title": "Luật Tổ chức chính quyền địa phương"},
            {"number": "76/NQ-CP", "date": "2021-07-15", "issuer": "Thủ tướng Chính phủ"},
            {"issuer": "Chính phủ", "title": "về tiếp nhận, xử lý phản ánh"},
        ],
        implements=[{"number": "44/QĐ-UBND", "issuer": "UBND huyện Tân Biên"}],
    )
    f = derive(plan)
    assert "LUAT@2015-06-19" in f["cites"]  # a law cited by its date
    assert f["cited_levels"] == ["district", "government", "prime_minister"]
    assert f["n_unidentified_refs"] == 1

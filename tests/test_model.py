"""The plan model: NFC text, both date styles, strict integers, nulls kept, unknown keys refused."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from cchc.model import (
    Activity,
    AudienceItem,
    BudgetLine,
    DocRef,
    DocumentInfo,
    IndexRef,
    Issuer,
    Objective,
    Period,
    Plan,
    ReportingDuty,
    Section,
    Topic,
)

TITLE = "Kế hoạch tuyên truyền cải cách hành chính năm 2024 trên địa bàn xã Tân Phong"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def errors(data: dict[str, Any], model: type[BaseModel] = Plan) -> list[dict[str, Any]]:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return info.value.errors()


def activity(**fields: Any) -> dict[str, Any]:
    return {"activities": [{"form": "dialogue", **fields}]}


# --- NFC -----------------------------------------------------------------------------------------


def test_nfd_text_becomes_nfc_everywhere() -> None:
    assert nfd(TITLE) != TITLE  # the test would prove nothing on ASCII
    plan = Plan.model_validate(
        {
            "document": {"title": nfd(TITLE)},
            "issuer": {"name": nfd("UBND xã Tân Phong"), "province": nfd("Tây Ninh")},
            "activities": [
                {
                    "form": "training",
                    "owner": nfd("Công chức Văn phòng – thống kê xã"),
                    "partners": [nfd("Trưởng các ấp")],
                    "expected_products": [nfd("Danh sách cử nhân sự tham gia tập huấn.")],
                }
            ],
            "notes": [nfd("Đối thoại")],
        }
    )
    assert plan.document.title == TITLE
    assert plan.issuer.name == "UBND xã Tân Phong"
    assert plan.issuer.province == "Tây Ninh"
    act = plan.activities[0]
    assert act.owner == "Công chức Văn phòng – thống kê xã"
    assert act.partners == ["Trưởng các ấp"]
    assert act.expected_products == ["Danh sách cử nhân sự tham gia tập huấn."]
    assert plan.notes == ["Đối thoại"]
    for text in (plan.document.title, act.owner, *act.partners, *plan.notes):
        assert unicodedata.is_normalized("NFC", text)


def test_nfd_and_nfc_input_give_equal_plans() -> None:
    data = {"document": {"title": TITLE, "place": "Tân Phong"}, "notes": ["Ủy ban nhân dân"]}
    decomposed = {
        "document": {"title": nfd(TITLE), "place": nfd("Tân Phong")},
        "notes": [nfd("Ủy ban nhân dân")],
    }
    assert Plan.model_validate(decomposed) == Plan.model_validate(data)


def test_strings_are_stripped() -> None:
    plan = Plan.model_validate({"document": {"number": "  52/KH-UBND \n"}})
    assert plan.document.number == "52/KH-UBND"


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["2024-04-01", "01/04/2024", "1/4/2024", "01.04.2024", "01-04-2024", " 01/04/2024 "],
)
def test_date_styles(text: str) -> None:
    plan = Plan.model_validate({"document": {"issue_date": text}})
    assert plan.document.issue_date == dt.date(2024, 4, 1)


def test_vietnamese_order_is_day_first() -> None:
    plan = Plan.model_validate({"period": {"start": "02/03/2024", "end": "12/11/2024"}})
    assert plan.period.start == dt.date(2024, 3, 2)
    assert plan.period.end == dt.date(2024, 11, 12)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("31/02/2024", "date_invalid"),
        ("29/02/2023", "date_invalid"),
        ("2024-13-01", "date_invalid"),
        ("00/01/2024", "date_invalid"),
        ("hôm nay", "date_invalid"),
        ("", "date_invalid"),
        ("14/10/1066", "date_year"),
        ("2101-01-01", "date_year"),
    ],
)
def test_bad_dates(text: str, kind: str) -> None:
    (err,) = errors({"document": {"issue_date": text}})
    assert err["type"] == kind
    assert err["loc"] == ("document", "issue_date")


def test_leap_day_is_a_date() -> None:
    assert Plan.model_validate({"document": {"issue_date": "29/02/2024"}}).document.issue_date


@pytest.mark.parametrize("value", [20240401, 2024.0, True, ["2024-04-01"], {"y": 2024}])
def test_date_must_be_a_string(value: Any) -> None:
    (err,) = errors({"document": {"issue_date": value}})
    assert err["type"] == "date_type"


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_any_plausible_date_reads_the_same_in_both_styles(day: dt.date) -> None:
    vn = f"{day.day:02d}/{day.month:02d}/{day.year}"
    iso = day.isoformat()
    a = Plan.model_validate({"period": {"start": vn}}).period.start
    b = Plan.model_validate({"period": {"start": iso}}).period.start
    assert a == b == day


def test_period_must_not_end_before_it_starts() -> None:
    (err,) = errors({"period": {"start": "2024-12-31", "end": "2024-01-01"}})
    assert err["type"] == "period_order"
    assert err["loc"] == ("period",)
    one_day = Plan.model_validate({"period": {"start": "2024-05-01", "end": "01/05/2024"}})
    assert one_day.period.start == one_day.period.end


# --- strict integers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("1", "int_type"),
        (True, "int_type"),
        (False, "int_type"),
        (1.0, "int_type"),
        (1.5, "int_type"),
        (-1, "greater_than_equal"),
        (100_001, "less_than_equal"),
        (None, None),
    ],
)
def test_count_is_a_strict_bounded_int(value: Any, kind: str | None) -> None:
    if kind is None:
        assert Plan.model_validate(activity(count=value)).activities[0].count is None
        return
    (err,) = errors(activity(count=value))
    assert err["type"] == kind
    assert err["loc"] == ("activities", 0, "count")


@given(st.integers(min_value=0, max_value=100_000))
def test_every_count_in_range_is_kept(n: int) -> None:
    assert Plan.model_validate(activity(count=n)).activities[0].count == n


@pytest.mark.parametrize(("field", "limit"), [("duration_minutes", 24 * 60)])
def test_duration_is_bounded_by_a_day(field: str, limit: int) -> None:
    assert Plan.model_validate(activity(**{field: limit})).activities[0].duration_minutes == limit
    (err,) = errors(activity(**{field: limit + 1}))
    assert err["type"] == "less_than_equal"


@pytest.mark.parametrize("value", ["5000000", 5e6, -1, True])
def test_money_is_a_strict_non_negative_int(value: Any) -> None:
    (err,) = errors({"budget": [{"amount_vnd": value}]})
    assert err["loc"] == ("budget", 0, "amount_vnd")


@pytest.mark.parametrize("value", ["có", "không", 2, [True]])
def test_a_bool_field_refuses_what_it_cannot_read(value: Any) -> None:
    (err,) = errors(activity(peak_time=value))
    assert err["loc"] == ("activities", 0, "peak_time")
    assert err["type"] in ("bool_parsing", "bool_type")


# --- nulls stay null -----------------------------------------------------------------------------


def test_explicit_nulls_stay_null_and_are_not_defaulted() -> None:
    plan = Plan.model_validate(
        {
            "document": {"kind": None, "number": None, "issue_date": None},
            "issuer": {"level": None},
            "period": {"start": None, "end": None},
            "activities": [
                {
                    "form": "radio",
                    "count": None,
                    "per": None,
                    "duration_minutes": None,
                    "peak_time": None,
                }
            ],
            "reporting": [{"title": None, "to_level": None, "due_date": None, "frequency": None}],
            "budget": [{"source": None, "amount_vnd": None}],
            "format_parts": None,
        }
    )
    act = plan.activities[0]
    assert (act.count, act.per, act.duration_minutes, act.peak_time) == (None, None, None, None)
    assert plan.document.issue_date is None
    assert plan.issuer.level is None
    assert plan.reporting[0].due_date is None
    assert plan.budget[0].amount_vnd is None
    assert plan.format_parts is None  # unknown, not "none present"
    dumped = plan.model_dump(mode="json")
    assert dumped["format_parts"] is None
    assert dumped["activities"][0]["count"] is None
    assert Plan.model_validate(dumped) == plan


def test_empty_format_parts_differs_from_unknown() -> None:
    assert Plan.model_validate({"format_parts": []}).format_parts == []
    assert Plan.model_validate({}).format_parts is None


def test_an_empty_plan_is_all_unknown() -> None:
    plan = Plan.model_validate({})
    assert plan.document.issue_date is None
    assert plan.issuer.name is None
    assert plan.activities == []


# --- unknown and missing fields ------------------------------------------------------------------

MODELS: list[tuple[type[BaseModel], dict[str, Any]]] = [
    (Plan, {}),
    (DocumentInfo, {}),
    (Issuer, {}),
    (Period, {}),
    (DocRef, {}),
    (Section, {"kind": "purpose"}),
    (Objective, {"text": "x"}),
    (AudienceItem, {"group": "citizens"}),
    (Topic, {}),
    (Activity, {"form": "radio"}),
    (ReportingDuty, {}),
    (BudgetLine, {}),
    (IndexRef, {"name": "par_index"}),
]


@pytest.mark.parametrize(("model", "minimal"), MODELS, ids=lambda m: getattr(m, "__name__", ""))
def test_every_model_refuses_unknown_keys(model: type[BaseModel], minimal: dict[str, Any]) -> None:
    model.model_validate(minimal)  # the minimal object itself is fine
    (err,) = errors({**minimal, "ghi_chu": "x"}, model)
    assert err["type"] == "extra_forbidden"
    assert err["loc"] == ("ghi_chu",)


def test_unknown_key_deep_in_a_plan_has_its_path() -> None:
    (err,) = errors({"activities": [{"form": "radio"}, {"form": "radio", "owner_levle": "x"}]})
    assert err["loc"] == ("activities", 1, "owner_levle")


@pytest.mark.parametrize(
    ("data", "loc"),
    [
        ({"activities": [{}]}, ("activities", 0, "form")),
        ({"sections": [{"heading": "I."}]}, ("sections", 0, "kind")),
        ({"objectives": [{"countable": True}]}, ("objectives", 0, "text")),
        ({"audiences": [{"text": "Nhân dân"}]}, ("audiences", 0, "group")),
        ({"indices": [{}]}, ("indices", 0, "name")),
    ],
)
def test_required_fields(data: dict[str, Any], loc: tuple[Any, ...]) -> None:
    (err,) = errors(data)
    assert err["type"] == "missing"
    assert err["loc"] == loc


@pytest.mark.parametrize(
    ("data", "loc"),
    [
        (activity(form="radio_tv"), ("activities", 0, "form")),
        ({"issuer": {"level": "huyen"}}, ("issuer", "level")),
        (activity(per="weekly"), ("activities", 0, "per")),
        ({"format_parts": ["header"]}, ("format_parts", 0)),
        ({"topics": [{"area": "culture"}]}, ("topics", 0, "area")),
    ],
)
def test_enum_values_are_checked(data: dict[str, Any], loc: tuple[Any, ...]) -> None:
    (err,) = errors(data)
    assert err["type"] == "enum"
    assert err["loc"] == loc


# --- schema version ------------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["1.0", "1.3"])
def test_same_major_schema_version_is_accepted(version: str) -> None:
    assert Plan.model_validate({"schema_version": version}).schema_version == version


def test_other_major_schema_version_is_refused_at_its_field() -> None:
    (err,) = errors({"schema_version": "2.0"})
    assert err["type"] == "schema_version"
    assert err["loc"] == ("schema_version",)


def test_reporting_duty_says_what_is_sent() -> None:
    duty = ReportingDuty.model_validate({"title": "gửi Kế hoạch", "to_level": "district"})
    assert duty.title == "gửi Kế hoạch"

"""Each case a Home Affairs reviewer raised against the verdicts, on a short plan of its own,
checked with the shipped rule packs and the verdict policy (rules/policy.yaml)."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cchc.applicability import district_parent
from cchc.checker import Checker, CheckOptions
from cchc.cli import main
from cchc.extract.citations import find_refs
from cchc.facts import derive, period_years
from cchc.model import Plan
from cchc.result import Binding, PlanReport, Status, Verdict
from cchc.rulepack import PackError, read_pack

# A tidy commune plan of 2024: every rule that binds it passes.
TIDY_COMMUNE: dict[str, Any] = {
    "document": {"kind": "KH", "number": "12/KH-UBND", "issue_date": "2024-01-25"},
    "issuer": {"name": "UBND xã Hòa Bình", "level": "commune", "province": "Bình Dương"},
    "period": {"start": "2024-01-01", "end": "2024-12-31"},
    "cited_documents": [
        {"kind": "NQ", "number": "76/NQ-CP", "date": "2021-07-15", "issuer": "Chính phủ"},
        {
            "kind": "CT",
            "number": "23/CT-TTg",
            "date": "2021-09-02",
            "issuer": "Thủ tướng Chính phủ",
        },
        {"kind": "QD", "number": "35/QĐ-BNV", "date": "2024-01-22", "issuer": "Bộ Nội vụ"},
    ],
    "implements": [
        {"kind": "KH", "number": "5/KH-UBND", "date": "2024-01-10", "issuer": "UBND huyện Bàu Bàng"}
    ],
    "sections": [
        {"kind": k}
        for k in ("purpose", "audience", "content", "forms", "organisation", "funding", "reporting")
    ],
    "audiences": [{"group": g} for g in ("officials", "citizens", "businesses", "heads")],
    "topics": [
        {"area": a}
        for a in (
            "institutions",
            "procedures",
            "apparatus",
            "civil_service",
            "public_finance",
            "digital_government",
        )
    ],
    "activities": [
        {
            "title": "Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân về thủ tục hành chính",
            "form": "dialogue",
            "count": 1,
            "per": "year",
            "owner": "Văn phòng HĐND và UBND xã",
            "deadline": "2024-09-30",
        },
        {
            "form": "website",
            "count": 2,
            "per": "month",
            "owner": "Công chức Văn hóa xã",
            "deadline": "2024-12-15",
        },
        {
            "form": "loudspeaker",
            "count": 1,
            "per": "week",
            "owner": "Đài truyền thanh xã",
            "deadline": "2024-12-15",
        },
    ],
    "reporting": [{"to": "UBND huyện", "to_level": "district", "frequency": "quarter"}],
    "budget": [{"source": "ngân sách xã năm 2024"}],
    "indices": [{"name": "par_index"}, {"name": "sipas"}],
    "format_parts": [
        "national_title",
        "issuer_name",
        "number_symbol",
        "place_date",
        "type_summary",
        "body",
        "signature",
        "seal",
        "recipients",
    ],
}


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(CheckOptions(engine="python"))


def plan(base: dict[str, Any] = TIDY_COMMUNE, **changes: Any) -> Plan:
    data = copy.deepcopy(base)
    data.update(copy.deepcopy(changes))
    return Plan.model_validate(data)


def run(checker: Checker, p: Plan) -> PlanReport:
    return checker.check_plan(p, "case.json")


def res(report: PlanReport, rule: str):  # type: ignore[no-untyped-def]
    return next(r for r in report.results if r.rule == rule)


def with_activities(*acts: dict[str, Any], base: dict[str, Any] = TIDY_COMMUNE) -> Plan:
    keep = [a for a in base["activities"] if a["form"] != "dialogue"]
    return plan(base, activities=[*keep, *acts])


# --- 1. The verdict policy -----------------------------------------------------------------


def test_the_tidy_plan_passes(checker: Checker) -> None:
    report = run(checker, plan())
    gaps = [(r.rule, r.status) for r in report.gaps()]
    assert gaps == [] and report.verdict == Verdict.passed, gaps


def test_no_dialogue_blocks_dat_whatever_the_score(checker: Checker) -> None:
    report = run(checker, with_activities())
    assert res(report, "LGO2015-COMMUNE-DIALOGUE").status == Status.failed
    assert report.score is not None and report.score >= 80
    assert report.verdict == Verdict.needs_work
    assert any(r.startswith("LGO2015-COMMUNE-DIALOGUE") for r in report.verdict_reasons)


def test_no_76_citation_blocks_dat(checker: Checker) -> None:
    cited = [c for c in TIDY_COMMUNE["cited_documents"] if c["number"] != "76/NQ-CP"]
    report = run(checker, plan(cited_documents=cited))
    assert res(report, "NQ76-2021-CITE").status == Status.failed
    assert report.score is not None and report.score >= 80
    assert report.verdict == Verdict.needs_work


def test_the_three_duties_are_major_requirements_where_they_bind(checker: Checker) -> None:
    for rule in checker.rules:
        rid = rule.id
        if rid in ("NQ76-2021-CITE", "QD251-2022-BROADCAST", "CAMAU-2014-BROADCAST") or (
            rid.endswith("COMMUNE-DIALOGUE") or rid == "CAMAU-2014-DISTRICT-DIALOGUE"
        ):
            assert rule.meta.severity in ("major", "critical"), rid
            assert rule.meta.is_requirement, rid


def test_a_failed_recommendation_never_caps_the_verdict(checker: Checker) -> None:
    # Issued in September: the project's own "issue early" threshold is a recommendation.
    late = plan(document={**TIDY_COMMUNE["document"], "issue_date": "2024-09-20"})
    report = run(checker, late)
    early = res(report, "STRUCT-ISSUED-EARLY")
    assert early.status == Status.failed and early.binding == Binding.recommendation
    assert report.verdict == Verdict.passed


# --- 2. unknown ------------------------------------------------------------------------------


def test_unknown_is_out_of_the_score_and_not_a_gap(checker: Checker) -> None:
    report = run(checker, plan(format_parts=None))
    r = res(report, "ND30-2020-COMPONENTS")
    assert r.status == Status.unknown
    assert r not in report.gaps() and r in report.unknowns()
    assert report.score == 100.0 and report.verdict == Verdict.passed
    assert not report.provisional  # a minor rule: the verdict stands


def test_unknown_never_exits_1_alone(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(plan(format_parts=None).model_dump_json(), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--engine", "python"])
    assert result.exit_code == 0, result.output
    assert "Chưa xác định được" in result.output


def test_a_major_requirement_unknown_makes_the_verdict_provisional(checker: Checker) -> None:
    # The level is not shown: every rule bound to levels is unknown, the dialogue among them.
    report = run(checker, plan(issuer={"name": "Ủy ban", "province": "Bình Dương"}))
    assert res(report, "LGO2015-COMMUNE-DIALOGUE").status == Status.unknown
    assert report.provisional
    assert any(r.startswith("LGO2015-COMMUNE-DIALOGUE") for r in report.provisional_reasons)


def test_near_zero_credit_is_a_failure_not_partial_1_percent(checker: Checker) -> None:
    province = plan(
        document={"issue_date": "2022-04-20"},
        issuer={"name": "UBND tỉnh Bình Dương", "level": "province", "province": "Bình Dương"},
        period={"start": "2022-01-01", "end": "2022-12-31"},
        activities=[{"form": "television", "count": 1, "per": "year", "duration_minutes": 5}],
    )
    r = res(run(checker, province), "QD251-2022-BROADCAST")
    assert r.status == Status.failed and r.credit == 0.0


# --- 3. dialogue -----------------------------------------------------------------------------


def test_leap_year_counts_are_exact(checker: Checker) -> None:
    assert period_years(dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == 1.0
    assert period_years(dt.date(2021, 1, 1), dt.date(2025, 12, 31)) == 5.0
    one = {
        "title": "Hội nghị đối thoại với Nhân dân",
        "form": "dialogue",
        "count": 1,
        "per": "period",
    }
    report = run(checker, with_activities(one))
    r = res(report, "LGO2015-COMMUNE-DIALOGUE")
    assert r.status == Status.passed and "0.99" not in r.message and "1/năm" in r.message
    fact = next(a for a in derive(with_activities(one))["activities"] if "dialogue" in a)
    assert fact["dialogue_per_year"] == 1.0


@pytest.mark.parametrize(
    ("activity", "why"),
    [
        (
            {
                "title": "Cử lãnh đạo tham dự hội nghị đối thoại do Chủ tịch UBND tỉnh tổ chức",
                "form": "dialogue",
                "count": 1,
                "per": "year",
                "organiser": "UBND tỉnh Bình Dương",
            },
            "tham dự",
        ),
        (
            {
                "title": "Chủ tịch UBND xã tiếp công dân định kỳ hằng tháng",
                "form": "dialogue",
                "count": 1,
                "per": "month",
            },
            "tiếp công dân",
        ),
        (
            {
                "title": "Họp thôn, tổ dân phố phổ biến thủ tục hành chính",
                "form": "dialogue",
                "count": 4,
                "per": "year",
            },
            "họp thôn",
        ),
        (
            {
                "title": "Hội nghị đối thoại giữa UBND xã với Nhân dân",
                "form": "dialogue",
                "count": 1,
                "per": "year",
                "start": "2025-01-15",
            },
            "ngoài thời gian thực hiện",
        ),
    ],
    ids=["attends-province", "citizen-reception", "village-meeting", "next-year"],
)
def test_what_does_not_count_as_the_communes_dialogue(
    checker: Checker, activity: dict[str, Any], why: str
) -> None:
    r = res(run(checker, with_activities(activity)), "LGO2015-COMMUNE-DIALOGUE")
    assert r.status == Status.failed
    assert activity["title"][:40] in r.message and why in r.message


def test_district_dialogue_is_a_recommendation_without_a_parent(checker: Checker) -> None:
    district = dict(
        TIDY_COMMUNE,
        issuer={"name": "UBND huyện Bàu Bàng", "level": "district", "province": "Bình Dương"},
        implements=[
            {"number": "10/KH-UBND", "date": "2024-01-05", "issuer": "UBND tỉnh Bình Dương"}
        ],
    )
    report = run(checker, with_activities(base=district))
    r = res(report, "STRUCT-DISTRICT-DIALOGUE")
    assert r.status == Status.failed and r.binding == Binding.recommendation
    assert "Khuyến nghị" in r.message
    assert report.verdict == Verdict.passed  # a recommendation does not cap
    assigned = {
        "title": "UBND các xã tổ chức hội nghị đối thoại với Nhân dân",
        "form": "dialogue",
        "count": 1,
        "per": "year",
        "owner": "UBND các xã",
        "owner_level": "commune",
    }
    r = res(run(checker, with_activities(assigned, base=district)), "STRUCT-DISTRICT-DIALOGUE")
    assert r.status == Status.failed and "cấp dưới" in r.message


def test_district_dialogue_is_a_requirement_under_ca_mau_2014(checker: Checker) -> None:
    district = {
        "document": {"issue_date": "2014-02-10"},
        "issuer": {"name": "UBND huyện Trần Văn Thời", "level": "district", "province": "Cà Mau"},
        "period": {"start": "2014-01-01", "end": "2014-12-31"},
        "implements": [
            {"number": "47/QĐ-UBND", "date": "2014-01-14", "issuer": "UBND tỉnh Cà Mau"}
        ],
        "activities": [{"form": "press"}],
    }
    report = run(checker, plan(district))
    camau = res(report, "CAMAU-2014-DISTRICT-DIALOGUE")
    assert camau.status == Status.failed and camau.binding == Binding.requirement
    assert "47/QĐ-UBND" in camau.message
    assert res(report, "STRUCT-DISTRICT-DIALOGUE").status == Status.not_applicable
    assert report.verdict != Verdict.passed


def test_a_province_plan_is_checked_on_its_assignments(checker: Checker) -> None:
    province = dict(
        TIDY_COMMUNE,
        issuer={"name": "UBND tỉnh Bình Dương", "level": "province", "province": "Bình Dương"},
        activities=[
            {
                "title": "Chủ tịch UBND tỉnh đối thoại với doanh nghiệp",
                "form": "dialogue",
                "count": 1,
                "per": "year",
            }
        ],
    )
    r = res(run(checker, plan(province)), "STRUCT-PROVINCE-DIALOGUE-ASSIGNED")
    assert r.status == Status.failed
    assigned = dict(
        province,
        activities=[
            {
                "title": "UBND các xã tổ chức hội nghị đối thoại với Nhân dân",
                "form": "dialogue",
                "count": 1,
                "per": "year",
                "owner": "UBND các xã, phường",
                "owner_level": "commune",
            }
        ],
    )
    r = res(run(checker, plan(assigned)), "STRUCT-PROVINCE-DIALOGUE-ASSIGNED")
    assert r.status == Status.passed


# --- 4. broadcast ----------------------------------------------------------------------------

PROVINCE_2022: dict[str, Any] = {
    "document": {"issue_date": "2022-04-20"},
    "issuer": {"name": "UBND tỉnh Bình Dương", "level": "province", "province": "Bình Dương"},
    "period": {"start": "2022-01-01", "end": "2022-12-31"},
}


def test_weekly_15_minutes_to_the_provincial_station_passes(checker: Checker) -> None:
    station = {
        "title": "Chuyên mục cải cách hành chính định kỳ 01 lần/tuần, thời lượng 15 phút/lần",
        "form": "television",
        "count": 1,
        "per": "week",
        "duration_minutes": 15,
        "owner": "Đài Phát thanh và Truyền hình tỉnh",
        "owner_level": "media",
    }
    report = run(checker, plan(PROVINCE_2022, activities=[station]))
    assert res(report, "QD251-2022-BROADCAST").status == Status.passed
    slot = res(report, "QD251-2022-BROADCAST-SLOT")  # the slot is checked apart
    assert slot.status == Status.failed and slot.severity == "minor"


def test_broadcast_other_years_stay_advisory(checker: Checker) -> None:
    for rid in (
        "QD424-2021-BROADCAST",
        "QD82-2023-BROADCAST",
        "QD35-2024-BROADCAST",
        "QD49-2025-BROADCAST",
    ):
        rule = next(r for r in checker.rules if r.id == rid)
        assert rule.meta.severity == "advisory" and not rule.meta.is_requirement


def test_missing_broadcast_fails(checker: Checker) -> None:
    report = run(checker, plan(PROVINCE_2022, activities=[{"form": "website"}]))
    assert res(report, "QD251-2022-BROADCAST").status == Status.failed


def _broadcast_credit(checker: Checker, per: str, count: int, minutes: int) -> float:
    act = {"form": "radio", "count": count, "per": per, "duration_minutes": minutes}
    r = res(run(checker, plan(PROVINCE_2022, activities=[act])), "QD251-2022-BROADCAST")
    return r.credit if r.status != Status.failed else 0.0


def test_the_reported_broadcast_inversions_are_gone(checker: Checker) -> None:
    weekly_14 = _broadcast_credit(checker, "week", 1, 14)
    monthly_15 = _broadcast_credit(checker, "month", 1, 15)
    weekly_30 = _broadcast_credit(checker, "week", 1, 30)
    assert weekly_30 == 1.0  # the slot is no longer part of this check
    assert monthly_15 < weekly_14 < weekly_30


# --- 5. citations ----------------------------------------------------------------------------


def _cites(*refs: dict[str, Any]) -> Plan:
    others = [c for c in TIDY_COMMUNE["cited_documents"] if c["number"] != "76/NQ-CP"]
    return plan(cited_documents=[*others, *refs])


def test_the_2013_resolution_earns_nothing_and_both_dates_are_named(checker: Checker) -> None:
    report = run(
        checker, _cites({"number": "76/NQ-CP", "date": "2013-06-13", "issuer": "Chính phủ"})
    )
    r = res(report, "NQ76-2021-CITE")
    assert r.status == Status.failed and r.credit == 0.0
    assert "15/7/2021" in r.message and "13/06/2013" in r.message
    old = res(report, "NQ76-2021-NO-OLD-PROGRAMME")
    assert old.status == Status.failed and "76/NQ-CP ngày 15/7/2021" in old.message


def test_30c_cited_as_the_basis_of_a_2022_plan_names_its_replacement(checker: Checker) -> None:
    report = run(
        checker,
        _cites(
            {"number": "30c/NQ-CP", "date": "2011-11-08"},
            {"number": "76/NQ-CP", "date": "2021-07-15"},
        ),
    )
    r = res(report, "NQ76-2021-NO-OLD-PROGRAMME")
    assert r.status == Status.failed and "30c/NQ-CP" in r.message and "15/7/2021" in r.message


@pytest.mark.parametrize(
    "sentence",
    [
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
        "Căn cứ Nghị quyết số 76 ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể;",
        "Căn cứ NQ 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
        "Thực hiện Nghị quyết 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;",
    ],
)
def test_usual_writings_of_the_citation_are_recognised(checker: Checker, sentence: str) -> None:
    refs = [m.ref.model_dump(exclude_none=True, mode="json") for m in find_refs(sentence)]
    assert len(refs) == 1
    report = run(checker, _cites(refs[0]))
    assert res(report, "NQ76-2021-CITE").status == Status.passed


def test_a_citation_dated_after_the_plan_is_flagged(checker: Checker) -> None:
    report = run(
        checker,
        _cites(
            {"number": "76/NQ-CP", "date": "2021-07-15"},
            {"number": "99/QĐ-UBND", "date": "2024-03-01"},
        ),
    )
    r = res(report, "STRUCT-CITE-AFTER-PLAN")
    assert r.status == Status.failed and "99/QD-UBND (01/03/2024)" in r.message


def test_the_issuer_check_runs_without_a_date(checker: Checker) -> None:
    report = run(
        checker,
        _cites(
            {"number": "76/NQ-CP", "date": "2021-07-15", "issuer": "Chính phủ"},
            {"number": "76/NQ-CP", "issuer": "Thủ tướng Chính phủ"},
        ),
    )
    assert res(report, "NQ76-2021-ISSUER").status == Status.failed


# --- 6. dates and scope -------------------------------------------------------------------------


def test_a_plan_issued_on_its_parents_own_date_is_not_bound_by_it(checker: Checker) -> None:
    same_day = plan(document={**TIDY_COMMUNE["document"], "issue_date": "2024-01-22"})
    assert res(run(checker, same_day), "QD35-2024-CITE").status == Status.not_applicable
    next_day = plan(document={**TIDY_COMMUNE["document"], "issue_date": "2024-01-23"})
    assert res(run(checker, next_day), "QD35-2024-CITE").status == Status.passed


def test_requirements_that_started_later_do_not_bind_a_2014_plan(checker: Checker) -> None:
    old = plan(
        document={"issue_date": "2014-02-10"}, period={"start": "2014-01-01", "end": "2014-12-31"}
    )
    report = run(checker, old)
    for rid in ("ND30-2020-COMPONENTS", "NQ76-2021-CITE", "QD251-2022-BROADCAST"):
        assert res(report, rid).status == Status.not_applicable, rid


def test_the_dong_nai_forms_requirement_binds_dong_nai_only(checker: Checker) -> None:
    online_only = [{"form": "website", "owner": "x", "deadline": "2023-05-01"}]
    base = dict(
        TIDY_COMMUNE,
        document={"issue_date": "2023-01-10"},
        period={"start": "2023-01-01", "end": "2023-12-31"},
        activities=online_only,
    )
    elsewhere = run(checker, plan(base))
    assert res(elsewhere, "DONGNAI-2022-ONLINE-TRADITIONAL").status == Status.not_applicable
    advice = res(elsewhere, "STRUCT-ONLINE-TRADITIONAL")
    assert advice.status == Status.partial and advice.binding == Binding.recommendation
    dong_nai = dict(
        base, issuer={"name": "UBND xã Trị An", "level": "commune", "province": "Đồng Nai"}
    )
    report = run(checker, plan(dong_nai))
    assert res(report, "DONGNAI-2022-ONLINE-TRADITIONAL").status == Status.partial
    assert res(report, "STRUCT-ONLINE-TRADITIONAL").status == Status.not_applicable


def test_no_district_document_is_a_parent_after_july_2025() -> None:
    p = plan(document={"issue_date": "2025-08-01"})
    assert not district_parent("UBND huyện Tân Biên", p, None).applies
    assert district_parent("UBND tỉnh Tây Ninh", p, None).applies
    assert district_parent("UBND huyện Tân Biên", plan(), None).applies


def test_law_65_2025_number_and_date() -> None:
    pack, _ = read_pack(Path(__file__).resolve().parent.parent / "rules" / "luat65-2025.yaml")
    assert pack.pack.document.number == "65/2025/QH15"
    assert pack.pack.document.date == dt.date(2025, 2, 19)


# --- 8. defects ----------------------------------------------------------------------------------

PACK = """pack:
  id: t
  title: {vi: t, en: t}
  document: {kind: OTHER, number: T, issuer: T}
rules:
  - id: T-WHEN
    title: {vi: t, en: t}
    area: forms
    severity: minor
    weight: 1
    status: V
    source: {clause: t}
    check:
      when:
        pass: {fact: n_online_forms, gte: 2}
        partial: {fact: n_online_forms, gte: 1}
        partial_credit: 0.25
        default: fail
    message: {fail: {vi: t, en: t}, partial: {vi: t, en: t}}
    fix: {vi: t, en: t}
    examples:
      pass: [{activities: [{form: website}, {form: social_media}]}]
      partial: [{activities: [{form: website}]}]
      fail: [{activities: []}]
"""


def test_partial_credit_of_a_when_check_is_honoured(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(PACK, encoding="utf-8")
    for engine in ("durable", "python"):
        c = Checker(CheckOptions(engine=engine, rules_dirs=(tmp_path,), builtin_rules=False))
        r = res(
            c.check_plan(Plan.model_validate({"activities": [{"form": "website"}]}), "x"), "T-WHEN"
        )
        assert r.status == Status.partial and r.credit == 0.25


def test_duplicate_keys_are_refused_with_file_and_line(tmp_path: Path) -> None:
    text = PACK.replace("    weight: 1\n", "    weight: 1\n    weight: 3\n")
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as err:
        read_pack(path)
    line = text.splitlines().index("    weight: 3") + 1
    assert err.value.line == line and "weight" in str(err.value) and str(path) in str(err.value)


def test_the_report_schema_knows_unknown_and_provisional(checker: Checker) -> None:
    import jsonschema

    from cchc.result import CheckRun, report_schema

    schema = report_schema()
    defs = schema["$defs"]
    assert "unknown" in defs["Status"]["enum"]
    assert {"provisional", "provisional_reasons", "verdict_reasons"} <= set(
        defs["PlanReport"]["properties"]
    )
    assert set(defs["Binding"]["enum"]) == {"requirement", "recommendation"}
    report = run(checker, plan(issuer={"name": "Ủy ban", "province": "Bình Dương"}))
    data = CheckRun(version="t", lang="vi", plans=[report]).to_jsonable()
    jsonschema.validate(data, schema)
    assert data["plans"][0]["provisional"] is True


HEADER_2025 = """{superior}ỦY BAN NHÂN DÂN XÃ TRỊ AN
Số: 15/KH-UBND
Trị An, ngày 05 tháng 8 năm 2025
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025
Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;
I. MỤC ĐÍCH, YÊU CẦU
Tuyên truyền tới Nhân dân các ấp trên địa bàn huyện Vĩnh Cửu cũ.
"""


@pytest.mark.parametrize(
    ("superior", "status"),
    [("", Status.passed), ("ỦY BAN NHÂN DÂN HUYỆN VĨNH CỬU\n", Status.failed)],
)
def test_the_district_address_is_read_from_the_issuer_not_the_body(
    tmp_path: Path, checker: Checker, superior: str, status: Status
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(HEADER_2025.format(superior=superior), encoding="utf-8")
    report = checker.check_path(path)
    assert res(report, "LGO72-2025-NO-DISTRICT-ADDRESS").status == status


def test_rules_list_says_which_rules_are_requirements() -> None:
    import json

    out = CliRunner().invoke(main, ["rules", "list", "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = {r["id"]: r for r in json.loads(out.output)}
    assert rows["NQ76-2021-CITE"]["binding"] == "requirement"
    assert rows["STRUCT-ISSUED-EARLY"]["binding"] == "recommendation"
    assert rows["STRUCT-DISTRICT-DIALOGUE"]["binding"] == "recommendation"

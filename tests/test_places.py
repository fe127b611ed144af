"""Where a plan comes from: the gazetteer of units before and after 1/7/2025, the province
resolved from the names a plan gives, and provincial packs bound to their province only.

The expected provinces are written from Resolution 202/2025/QH15 of 12/6/2025 (the 34
provinces and which of the 63 each absorbed) and from the units' names, not from the
program's output. The package's data ships in its wheel: nothing here downloads anything.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cchc import gazetteer
from cchc.checker import Checker, CheckOptions
from cchc.cli import main
from cchc.locate import locate
from cchc.model import Plan
from cchc.result import Status

AFTER = dt.date(2025, 9, 1)
BEFORE = dt.date(2024, 6, 1)

# Resolution 202/2025/QH15: the 6 centrally-run cities and 28 provinces from 1/7/2025.
CITIES_34 = ["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"]
PROVINCES_34 = [
    # unchanged
    "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng",
    # formed by merging, under the name they kept
    "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình",
    "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai",
    "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
]  # fmt: skip
# The 29 provinces absorbed on 1/7/2025, and the province each became part of.
ABSORBED = {
    "Hà Giang": "Tuyên Quang",
    "Yên Bái": "Lào Cai",
    "Bắc Kạn": "Thái Nguyên",
    "Vĩnh Phúc": "Phú Thọ",
    "Hòa Bình": "Phú Thọ",
    "Bắc Giang": "Bắc Ninh",
    "Thái Bình": "Hưng Yên",
    "Hải Dương": "Hải Phòng",
    "Hà Nam": "Ninh Bình",
    "Nam Định": "Ninh Bình",
    "Quảng Bình": "Quảng Trị",
    "Quảng Nam": "Đà Nẵng",
    "Kon Tum": "Quảng Ngãi",
    "Bình Định": "Gia Lai",
    "Ninh Thuận": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng",
    "Bình Thuận": "Lâm Đồng",
    "Phú Yên": "Đắk Lắk",
    "Bình Dương": "Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu": "Hồ Chí Minh",
    "Bình Phước": "Đồng Nai",
    "Long An": "Tây Ninh",
    "Sóc Trăng": "Cần Thơ",
    "Hậu Giang": "Cần Thơ",
    "Bến Tre": "Vĩnh Long",
    "Trà Vinh": "Vĩnh Long",
    "Tiền Giang": "Đồng Tháp",
    "Bạc Liêu": "Cà Mau",
    "Kiên Giang": "An Giang",
}


def _plan(issuer: dict[str, Any], date: dt.date | None, **extra: Any) -> Plan:
    doc = {"issue_date": date.isoformat()} if date else {}
    return Plan.model_validate(
        {"document": doc | extra.pop("document", {}), "issuer": issuer, **extra}
    )


# --- the gazetteer ---------------------------------------------------------------------------


def test_34_provinces_from_1_july_2025() -> None:
    names = {u.name for u in gazetteer.provinces(AFTER)}
    assert names == set(CITIES_34) | set(PROVINCES_34)
    cities = {u.name for u in gazetteer.provinces(AFTER) if u.words == "thành phố"}
    assert cities == set(CITIES_34)


def test_63_provinces_before_under_their_names_then() -> None:
    before = {u.name for u in gazetteer.provinces(BEFORE)}
    expected = (set(CITIES_34) | set(PROVINCES_34) | set(ABSORBED)) - {"Huế"} | {"Thừa Thiên Huế"}
    assert len(before) == 63 and before == expected
    # Huế was a province under its own name from 1/1/2025 (Resolution 1314/NQ-UBTVQH15).
    assert "Huế" in {u.name for u in gazetteer.provinces(dt.date(2025, 3, 1))}


@pytest.mark.parametrize(("old", "new"), sorted(ABSORBED.items()))
def test_every_absorbed_province_maps_to_its_successor(old: str, new: str) -> None:
    assert gazetteer.successor(old) == new


@pytest.mark.parametrize(
    ("city", "day", "central"),
    [
        ("Huế", dt.date(2024, 12, 31), False),
        ("Huế", dt.date(2025, 1, 1), True),
        ("Cần Thơ", dt.date(2003, 12, 31), False),
        ("Cần Thơ", dt.date(2004, 1, 1), True),
        ("Hà Nội", dt.date(2012, 1, 1), True),
        ("Hà Tĩnh", dt.date(2023, 1, 1), False),  # a city of its province
        ("Biên Hòa", dt.date(2023, 1, 1), False),
    ],
)
def test_central_cities_by_date(city: str, day: dt.date, central: bool) -> None:
    assert gazetteer.is_central_city(city, day) is central


def test_old_and_new_tone_placement_are_one_name() -> None:
    assert gazetteer.name_key("Hoà Bình") == gazetteer.name_key("Hòa Bình")
    assert gazetteer.name_key("Thuỷ Nguyên") == gazetteer.name_key("THỦY NGUYÊN")


# --- resolution: provinces -------------------------------------------------------------------


@pytest.mark.parametrize("name", CITIES_34 + PROVINCES_34)
def test_each_of_the_34_provinces_resolves_after_the_merger(name: str) -> None:
    words = "thành phố" if name in CITIES_34 else "tỉnh"
    plan = _plan({"name": f"UBND {words} {name}", "level": "province"}, AFTER)
    place = locate(plan, AFTER)
    assert (place.province, place.source, place.system) == (name, "resolved", "two_level")
    assert place.unit_level == "province" and place.district is None


@pytest.mark.parametrize(
    ("issuer", "day", "province", "district", "unit_level"),
    [
        # The example: a 2023 plan of huyện Thạch Hà is in Hà Tĩnh, with districts.
        ("UBND huyện Thạch Hà", dt.date(2023, 5, 10), "Hà Tĩnh", "huyện Thạch Hà", "district"),
        ("UBND tỉnh Hà Giang", dt.date(2024, 1, 10), "Hà Giang", None, "province"),
        ("Sở Nội vụ tỉnh Kon Tum", dt.date(2022, 3, 1), "Kon Tum", None, "province"),
        ("UBND quận Ninh Kiều", dt.date(2022, 1, 5), "Cần Thơ", "quận Ninh Kiều", "district"),
        ("UBND huyện Côn Đảo", dt.date(2024, 1, 10), "Bà Rịa - Vũng Tàu", "huyện Côn Đảo", "district"),
        ("UBND thị xã Hương Thủy", dt.date(2021, 1, 5), "Thừa Thiên Huế", "thị xã Hương Thủy", "district"),
        # A city of a province, named like its province.
        ("UBND thành phố Hà Tĩnh", dt.date(2023, 1, 10), "Hà Tĩnh", "thành phố Hà Tĩnh", "district"),
        # Huế: a city of Thừa Thiên Huế until 2024, a province from 1/1/2025.
        ("UBND thành phố Huế", dt.date(2020, 3, 1), "Thừa Thiên Huế", "thành phố Huế", "district"),
        ("UBND thành phố Huế", dt.date(2025, 3, 1), "Huế", None, "province"),
        ("UBND thành phố Cần Thơ", dt.date(2023, 2, 1), "Cần Thơ", None, "province"),
    ],
)  # fmt: skip
def test_a_sample_of_the_63_before_the_merger(
    issuer: str, day: dt.date, province: str, district: str | None, unit_level: str
) -> None:
    place = locate(_plan({"name": issuer}, day), day)
    assert (place.province, place.district, place.unit_level) == (province, district, unit_level)
    assert place.system == "three_level" and place.source == "resolved"


# --- resolution: communes --------------------------------------------------------------------


def test_commune_without_province_resolved_through_its_district() -> None:
    # Nine communes are called Tân Phong on 30/6/2025; one lies in huyện Tân Biên.
    day = dt.date(2024, 4, 1)
    plan = _plan({"name": "UBND xã Tân Phong", "district": "Tân Biên"}, day)
    place = locate(plan, day)
    assert (place.province, place.district, place.commune) == (
        "Tây Ninh",
        "huyện Tân Biên",
        "xã Tân Phong",
    )
    assert "huyện Tân Biên" in (place.how or "") and "xã Tân Phong" in (place.how or "")


def test_commune_header_in_capitals_names_its_district() -> None:
    day = dt.date(2024, 4, 1)
    plan = _plan(
        {"name": "UBND xã Tân Phong", "evidence": "UBND HUYỆN TÂN BIÊN | UBND XÃ TÂN PHONG"}, day
    )
    place = locate(plan, day)
    assert (place.province, place.district) == ("Tây Ninh", "huyện Tân Biên")


def test_commune_document_resolved_through_the_district_it_cites(tmp_path: Path) -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ TÂN PHONG\nSố: 52/KH-UBND\nTân Phong, ngày 01 tháng 4 năm 2024\n"
        "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n"
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2024 của UBND huyện Tân Biên về tuyên "
        "truyền cải cách hành chính năm 2024;\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của cán bộ, công chức và Nhân dân.\n"
    )
    path = tmp_path / "tan-phong.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    place = json.loads(result.stdout)["plans"][0]["place"]
    assert (place["province"], place["district"], place["commune"]) == (
        "Tây Ninh",
        "huyện Tân Biên",
        "xã Tân Phong",
    )


def test_a_name_many_communes_share_is_left_unknown_with_its_candidates() -> None:
    day = dt.date(2024, 4, 1)
    plan = _plan({"name": "UBND xã Hòa Bình"}, day, document={"place": "Hòa Bình"})
    place = locate(plan, day)
    assert place.province is None and place.source == "unknown"
    assert len(place.candidates) > 2
    assert any("huyện Thường Tín, thành phố Hà Nội" in c for c in place.candidates)
    assert "xã Hòa Bình" in (place.how or "")


def test_a_shared_name_is_told_apart_by_the_parent_it_cites() -> None:
    day = dt.date(2024, 4, 1)
    plan = _plan(
        {"name": "UBND xã Hòa Bình"},
        day,
        cited_documents=[{"number": "15/KH-UBND", "issuer": "UBND huyện Thường Tín"}],
    )
    place = locate(plan, day)
    assert (place.province, place.district) == ("Hà Nội", "huyện Thường Tín")
    assert "huyện Thường Tín" in (place.how or "")


def test_a_stated_province_narrows_a_shared_name() -> None:
    day = dt.date(2024, 4, 1)
    plan = _plan({"name": "UBND xã Tân Phong", "province": "Tây Ninh"}, day)
    place = locate(plan, day)
    assert (place.province, place.district, place.source) == (
        "Tây Ninh",
        "huyện Tân Biên",
        "stated",
    )


def test_a_pre_merger_province_on_a_post_merger_plan() -> None:
    day = dt.date(2025, 10, 1)
    plan = _plan({"name": "UBND tỉnh Bình Dương"}, day)
    place = locate(plan, day)
    assert place.province == "Hồ Chí Minh" and place.system == "two_level"
    assert any("tỉnh Bình Dương" in n for n in place.former_names)


def test_a_pre_merger_district_on_a_post_merger_plan_is_reported() -> None:
    day = dt.date(2025, 9, 15)
    plan = _plan({"name": "UBND huyện Phú Giáo", "level": "district"}, day)
    place = locate(plan, day)
    assert place.province == "Hồ Chí Minh"
    assert place.district is None  # no districts from 1/7/2025
    assert any("huyện Phú Giáo" in n for n in place.former_names)


@pytest.mark.parametrize(("old", "new"), sorted(ABSORBED.items()))
def test_an_absorbed_province_stated_on_a_post_merger_plan(old: str, new: str) -> None:
    plan = _plan({"name": "UBND xã …", "province": old}, AFTER)
    place = locate(plan, AFTER)
    assert place.province == new and place.source == "stated"
    assert any(old in n for n in place.former_names)


def test_the_province_option_wins_and_a_disagreement_is_said() -> None:
    day = dt.date(2023, 5, 10)
    plan = _plan({"name": "UBND huyện Thạch Hà"}, day)
    place = locate(plan, day, province="Nghệ An")
    assert (place.province, place.source) == ("Nghệ An", "option")
    assert "Hà Tĩnh" in (place.how or "")


def test_an_unknown_place_is_unknown() -> None:
    day = dt.date(2024, 4, 1)
    place = locate(_plan({"name": "UBND xã Không Có Thật"}, day), day)
    assert place.province is None and place.source == "unknown" and place.candidates == []


# --- provincial packs ------------------------------------------------------------------------

_COMMUNE_2024 = {
    "document": {"number": "08/KH-UBND", "issue_date": "2024-02-01"},
    "period": {"start": "2024-01-01", "end": "2024-12-31"},
}


def _check(issuer: dict[str, Any], province: str | None = None) -> Any:
    plan = Plan.model_validate(_COMMUNE_2024 | {"issuer": issuer})
    checker = Checker(CheckOptions(engine="python", province=province))
    return checker, checker.check_plan(plan, "plan.json")


def _provincial(checker: Checker) -> dict[str, list[str]]:
    return {p.pack.id: p.pack.applies.provinces for p in checker.packs if p.pack.applies.provinces}


def test_unknown_province_gives_one_notice_and_no_error() -> None:
    checker, report = _check({"name": "UBND xã Hòa Bình", "level": "commune"})
    provincial = _provincial(checker)
    assert provincial, "the shipped packs include provincial ones"
    mine = [r for r in report.results if r.pack in provincial]
    assert mine and all(r.status == Status.not_applicable for r in mine)
    notices = [n for n in report.notices if "--province" in n]
    assert len(notices) == 1
    # The Cao Bằng plan of 2021 binds 2021–2025 plans: it is the one not checked here.
    assert "Cao Bằng" in notices[0] and "caobang-kh3627-2021" in notices[0]
    assert report.place is not None and report.place.candidates


def test_stating_the_province_checks_that_province_pack() -> None:
    _, report = _check({"name": "UBND xã Hòa Bình", "level": "commune"}, "Cao Bằng")
    caobang = [r for r in report.results if r.pack == "caobang-kh3627-2021"]
    assert any(r.status != Status.not_applicable for r in caobang)
    assert not any("--province" in n for n in report.notices)


def test_cli_province_option_for_one_plan_and_a_batch(tmp_path: Path) -> None:
    plan = tmp_path / "plans" / "hoa-binh.json"
    plan.parent.mkdir()
    plan.write_text(
        json.dumps(_COMMUNE_2024 | {"issuer": {"name": "UBND xã Hòa Bình", "level": "commune"}}),
        encoding="utf-8",
    )
    runner = CliRunner()
    one = runner.invoke(main, ["check", str(plan), "--format", "json", "--province", "Cao Bằng"])
    assert one.exit_code in (0, 1), one.output
    assert json.loads(one.stdout)["plans"][0]["place"]["source"] == "option"
    out = tmp_path / "out"
    batch = runner.invoke(
        main, ["batch", str(plan.parent), "--out", str(out), "--province", "Cao Bằng"]
    )
    assert batch.exit_code in (0, 1), batch.output
    report = json.loads((out / "results.json").read_text(encoding="utf-8"))["plans"][0]
    assert (report["place"]["province"], report["place"]["source"]) == ("Cao Bằng", "option")


def test_terminal_and_html_show_the_place(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    plan = _COMMUNE_2024 | {"issuer": {"name": "UBND xã Tân Phong", "district": "Tân Biên"}}
    path.write_text(json.dumps(plan), encoding="utf-8")
    text = CliRunner().invoke(main, ["check", str(path)]).stdout
    assert "Tây Ninh — theo xã Tân Phong" in text
    html = tmp_path / "p.html"
    CliRunner().invoke(main, ["check", str(path), "--format", "html", "-o", str(html)])
    assert "Tây Ninh — theo xã Tân Phong" in html.read_text(encoding="utf-8")


def test_a_pre_merger_commune_name_read_in_the_system_its_context_agrees_with() -> None:
    # In the gazetteer of 1/7/2025 the one "xã Tân Phong" is in Sơn La; a plan that names tỉnh Tây Ninh
    # uses the commune's name of before the merger, and is placed in Tây Ninh.
    day = dt.date(2025, 9, 10)
    title = "Kế hoạch tuyên truyền cải cách hành chính năm 2025 trên địa bàn xã Tân Phong, tỉnh Tây Ninh"
    place = locate(_plan({"name": "UBND xã Tân Phong"}, day, document={"title": title}), day)
    assert (place.province, place.system) == ("Tây Ninh", "two_level")
    assert any("xã Tân Phong" in n and "Tây Ninh" in n for n in place.former_names)
    alone = locate(_plan({"name": "UBND xã Tân Phong"}, day), day)
    assert (alone.province, alone.former_names) == ("Sơn La", [])


def test_a_hostile_plan_is_placed_in_bounded_time() -> None:
    import time

    day = dt.date(2024, 4, 1)
    body = " ".join(f"xã Hòa Bình {i}, huyện Tân Biên {i}, tỉnh Hà Tĩnh {i};" for i in range(3000))
    plan = _plan(
        {"name": "UBND xã Hòa Bình", "evidence": body[:20000]},
        day,
        activities=[{"form": "other", "evidence": body[:20000]} for _ in range(300)],
    )
    start = time.perf_counter()
    place = locate(plan, day)
    assert time.perf_counter() - start < 20  # generous: a bound, not a benchmark
    assert place.source in ("resolved", "unknown")


def test_a_shared_district_name_told_apart_by_its_commune_in_the_place_line() -> None:
    # Ten districts are called Châu Thành (Long An, Tiền Giang, Bến Tre, Trà Vinh, Sóc Trăng,
    # Đồng Tháp, An Giang, Kiên Giang, Hậu Giang, Tây Ninh); xã Hòa Lợi is in Trà Vinh's.
    day = dt.date(2025, 4, 10)
    plan = _plan({"name": "UBND huyện Châu Thành"}, day, document={"place": "Hòa Lợi"})
    place = locate(plan, day)
    assert (place.province, place.district) == ("Trà Vinh", "huyện Châu Thành")
    assert "Hòa Lợi" in (place.how or "")


def test_a_name_shared_inside_one_province_gives_the_province_only() -> None:
    # Huyện Cai Lậy and thị xã Cai Lậy are both in Tiền Giang.
    day = dt.date(2022, 3, 1)
    plan = _plan({"name": "Bệnh viện Đa khoa khu vực Cai Lậy"}, day, document={"place": "Cai Lậy"})
    place = locate(plan, day)
    assert place.province == "Tiền Giang" and place.district is None
    assert len(place.candidates) == 2


def test_a_stated_province_run_on_into_the_motto_is_read_as_the_province() -> None:
    day = dt.date(2022, 3, 1)
    stated = "Hà Giang Cộng Hòa Xã Hội Chủ Nghĩa Việt Nam"  # a two-column header read as one line
    place = locate(_plan({"name": "UBND tỉnh Hà Giang", "province": stated}, day), day)
    assert place.province == "Hà Giang" and stated in (place.how or "")

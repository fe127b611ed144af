"""The Vietnamese patterns the extractor reads, one test per pattern."""

from __future__ import annotations

import datetime as dt

import pytest

from cchc.extract import extract_text
from cchc.extract.citations import find_refs
from cchc.extract.dates import find_deadlines, parse_date
from cchc.extract.quantity import find_quantities
from cchc.vocab import Form, Level, Per


def plan_of(*lines: str):  # type: ignore[no-untyped-def]
    return extract_text("\n".join(lines)).plan


# --- dates and header ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("ngày 01 tháng 4 năm 2024", dt.date(2024, 4, 1)),
        ("ngày 19 tháng 01 năm 2024", dt.date(2024, 1, 19)),
        ("01/4/2024", dt.date(2024, 4, 1)),
        ("15/7/2021", dt.date(2021, 7, 15)),
        ("31/02/2024", None),  # not a real date
    ],
)
def test_dates(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


def test_header_number_place_date_and_title() -> None:
    plan = plan_of(
        "Số: 52 /KH-UBND",
        "Tân Phong, ngày 01 tháng 4 năm 2024",
        "KẾ HOẠCH",
        "Tuyên truyền cải cách hành chính năm 2024 trên địa bàn xã Tân Phong",
        "I. MỤC ĐÍCH, YÊU CẦU",
    )
    doc = plan.document
    assert (doc.kind, doc.number, doc.issue_date, doc.place) == (
        "KH",
        "52/KH-UBND",
        dt.date(2024, 4, 1),
        "Tân Phong",
    )
    assert doc.title == "Tuyên truyền cải cách hành chính năm 2024 trên địa bàn xã Tân Phong"
    assert "Số: 52 /KH-UBND" in (doc.evidence or "")
    assert (plan.period.start, plan.period.end) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def test_header_columns_copied_onto_one_line_keep_the_issuer_apart() -> None:
    p = plan_of(
        "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\t\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "KẾ HOẠCH",
        "Tuyên truyền cải cách hành chính năm 2022",
    )
    assert p.issuer.name == "UBND tỉnh Hà Giang"
    assert p.issuer.province == "Hà Giang"


def test_header_date_written_with_slashes() -> None:
    plan = plan_of(
        "Số: 7/KH-UBND", "Cà Mau, ngày 01/4/2024", "KẾ HOẠCH", "Tuyên truyền CCHC năm 2024"
    )
    assert (plan.document.place, plan.document.issue_date) == ("Cà Mau", dt.date(2024, 4, 1))


def test_period_from_the_time_section_and_from_giai_doan() -> None:
    plan = plan_of(
        "KẾ HOẠCH", "Tuyên truyền CCHC giai đoạn 2021-2025", "I. MỤC TIÊU", "Nâng cao nhận thức."
    )
    assert (plan.period.start, plan.period.end) == (dt.date(2021, 1, 1), dt.date(2025, 12, 31))
    plan = plan_of("KẾ HOẠCH", "Tuyên truyền CCHC", "IV. THỜI GIAN THỰC HIỆN", "Trong năm 2024.")
    assert plan.period.start == dt.date(2024, 1, 1)
    assert plan.period.evidence == "Trong năm 2024."


def test_missing_header_fields_stay_null_and_are_listed() -> None:
    plan = plan_of("I. MỤC ĐÍCH", "Nâng cao nhận thức về cải cách hành chính.")
    assert plan.document.number is None and plan.document.issue_date is None
    joined = " ".join(plan.notes)
    for field in (
        "document.number",
        "document.issue_date",
        "document.place",
        "issuer.name",
        "period",
    ):
        assert field in joined


# --- citations ----------------------------------------------------------------------------------


def test_citation_with_number_date_and_issuer() -> None:
    (m,) = find_refs(
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình"
    )
    r = m.ref
    assert (r.kind, r.number, r.date, r.issuer, r.issuer_level) == (
        "NQ",
        "76/NQ-CP",
        dt.date(2021, 7, 15),
        "Chính phủ",
        Level.government,
    )


def test_citation_issuer_is_kept_as_written_even_when_wrong() -> None:
    (m,) = find_refs("theo Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Thủ tướng Chính phủ ban hành")
    assert (m.ref.issuer, m.ref.issuer_level) == ("Thủ tướng Chính phủ", Level.prime_minister)


def test_citation_without_date_or_issuer() -> None:
    (m,) = find_refs("cách thực hiện đánh giá theo Quyết định số 47/QĐ-UBND;")
    assert (m.ref.kind, m.ref.number, m.ref.date, m.ref.issuer, m.ref.issuer_level) == (
        "QD",
        "47/QĐ-UBND",
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("sentence", "number", "date", "issuer", "level"),
    [
        (
            "Quyết định số 140/QĐ-UBND ngày 19 tháng 01 năm 2024 của UBND tỉnh về việc",
            "140/QĐ-UBND",
            dt.date(2024, 1, 19),
            "UBND tỉnh",
            Level.province,
        ),
        (
            "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện",
            "61/2018/NĐ-CP",
            dt.date(2018, 4, 23),
            "Chính phủ",
            Level.government,
        ),
        (
            "Nghị quyết 02-NQ/TU ngày 20/7/2016 của Tỉnh ủy và Chương trình",
            "02-NQ/TU",
            dt.date(2016, 7, 20),
            "Tỉnh ủy",
            None,
        ),
        (
            "Kế hoạch số 136/KH-SLĐTBXH ngày 19/01/2022 của Sở Lao động - Thương binh và Xã hội về Cải cách",
            "136/KH-SLĐTBXH",
            dt.date(2022, 1, 19),
            "Sở Lao động - Thương binh và Xã hội",
            Level.department,
        ),
        (
            "Quyết định số 658/QĐ-UBND ngày 27 tháng 02 năm 2024 của Ủy ban nhân dân huyện Tân Biên Ban hành",
            "658/QĐ-UBND",
            dt.date(2024, 2, 27),
            "Ủy ban nhân dân huyện Tân Biên",
            Level.district,
        ),
        (
            "Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ, cách",
            "766/QĐ-TTg",
            dt.date(2022, 6, 23),
            "Thủ tướng Chính phủ",
            Level.prime_minister,
        ),
    ],
)
def test_citation_shapes(
    sentence: str, number: str, date: dt.date, issuer: str, level: Level | None
) -> None:
    (m,) = find_refs(sentence)
    assert (m.ref.number, m.ref.date, m.ref.issuer, m.ref.issuer_level) == (
        number,
        date,
        issuer,
        level,
    )


def test_issuer_level_from_the_symbol_when_no_issuer_is_written() -> None:
    (m,) = find_refs("theo Nghị định 30/2020/NĐ-CP;")
    assert m.ref.issuer is None and m.ref.issuer_level == Level.government


def test_law_cited_by_name_and_date() -> None:
    plan = plan_of("Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;", "I. MỤC TIÊU")
    (law,) = plan.cited_documents
    assert (law.kind, law.number, law.date, law.title) == (
        "LUAT",
        None,
        dt.date(2003, 11, 26),
        "Luật Tổ chức HĐND và UBND",
    )


def test_implemented_parents_and_cited_documents_are_kept_apart() -> None:
    plan = plan_of(
        "Thực hiện Kế hoạch số 4289/KH-UBND ngày 21/12/2021 của UBND tỉnh Điện Biên về việc ban hành Kế hoạch; "
        "Kế hoạch số 42/KH-STTTT ngày 10/01/2022 của Sở Thông tin và Truyền thông, Sở Nội vụ xây dựng Kế hoạch như sau:",
        "I. NỘI DUNG",
        "1. Tuyên truyền Kế hoạch số 4289/KH-UBND ngày 21/12/2021 và Nghị định 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ.",
    )
    assert [p.number for p in plan.implements] == ["4289/KH-UBND", "42/KH-STTTT"]
    assert [c.number for c in plan.cited_documents] == ["61/2018/NĐ-CP"]


def test_a_document_cited_twice_is_one_entry_with_the_dated_evidence() -> None:
    plan = plan_of(
        "I. NỘI DUNG",
        "1. Đánh giá theo Quyết định số 766/QĐ-TTg.",
        "2. Hướng dẫn theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ.",
    )
    (ref,) = plan.cited_documents
    assert ref.date == dt.date(2022, 6, 23) and "23/6/2022" in (ref.evidence or "")


def test_the_plan_does_not_cite_itself() -> None:
    plan = plan_of(
        "KẾ HOẠCH",
        "(Ban hành kèm theo Quyết định số 47/QĐ-UBND ngày 14/01/2014 của Chủ tịch Ủy ban nhân dân tỉnh Cà Mau)",
        "I. MỤC TIÊU",
    )
    assert plan.document.number == "47/QĐ-UBND" and plan.document.issue_date == dt.date(2014, 1, 14)
    assert plan.issuer.name == "Chủ tịch Ủy ban nhân dân tỉnh Cà Mau"
    assert plan.issuer.level == Level.province and plan.issuer.province == "Cà Mau"
    assert plan.cited_documents == []


# --- sections, audiences, topics, indices ---------------------------------------------------------


def test_sections_by_roman_headings() -> None:
    plan = plan_of(
        "I. MỤC TIÊU, YÊU CẦU VÀ ĐỐI TƯỢNG",
        "II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN",
        "1. Nội dung tuyên truyền",
        "2. Hình thức tuyên truyền",
        "III. GIẢI PHÁP THỰC HIỆN",
        "IV. KINH PHÍ THỰC HIỆN",
        "V. TỔ CHỨC THỰC HIỆN",
        "VI. CHẾ ĐỘ BÁO CÁO",
    )
    kinds = {s.kind.value: s.heading for s in plan.sections}
    assert kinds == {
        "purpose": "I. MỤC TIÊU, YÊU CẦU VÀ ĐỐI TƯỢNG",
        "audience": "I. MỤC TIÊU, YÊU CẦU VÀ ĐỐI TƯỢNG",
        "content": "II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN",
        "forms": "2. Hình thức tuyên truyền",
        "solutions": "III. GIẢI PHÁP THỰC HIỆN",
        "funding": "IV. KINH PHÍ THỰC HIỆN",
        "organisation": "V. TỔ CHỨC THỰC HIỆN",
        "reporting": "VI. CHẾ ĐỘ BÁO CÁO",
    }


def test_audiences() -> None:
    plan = plan_of(
        "II. ĐỐI TƯỢNG",
        "Cán bộ, công chức, viên chức, các tổ chức chính trị - xã hội, các đơn vị sự nghiệp công lập, doanh nghiệp và toàn thể Nhân dân.",
    )
    assert [a.group.value for a in plan.audiences] == [
        "officials",
        "political_orgs",
        "public_units",
        "businesses",
        "citizens",
    ]
    assert all(a.evidence for a in plan.audiences)


def test_topics_are_reform_areas() -> None:
    plan = plan_of(
        "III. NỘI DUNG",
        "1. Cải cách thể chế; cải cách thủ tục hành chính; cải cách tổ chức bộ máy hành chính; cải cách chế độ công vụ; cải cách tài chính công; xây dựng Chính phủ điện tử, Chính phủ số.",
    )
    assert [t.area.value for t in plan.topics] == [
        "institutions", "procedures", "apparatus", "civil_service", "public_finance", "digital_government",
    ]  # fmt: skip


def test_indices() -> None:
    plan = plan_of(
        "I. NỘI DUNG",
        "1. Nâng cao chỉ số CCHC (Par Index), chỉ số năng lực cạnh tranh (PCI), PAPI, SIPAS, DDCI.",
        "2. Đánh giá theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ.",
    )
    assert {i.name.value for i in plan.indices} == {
        "par_index",
        "pci",
        "papi",
        "sipas",
        "ddci",
        "index_766",
    }


# --- activities and quantities --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count", "per"),
    [
        ("tổ chức đối thoại ít nhất 01 lần/năm", 1, Per.year),
        ("chuyên mục mỗi tuần một lần", 1, Per.week),
        ("tọa đàm mỗi tháng ít nhất một lần", 1, Per.month),
        ("Thời gian thực hiện: một tháng 02 chuyên mục", 2, Per.month),
        ("gửi tin, bài định kỳ hằng quý", 1, Per.quarter),
        ("phát hành 04 số/tháng", 4, Per.month),
        ("trong năm phải có ít nhất một lần tổ chức đối thoại", 1, Per.year),
    ],
)
def test_rates(text: str, count: int, per: Per) -> None:
    q = next(q for q in find_quantities(text, single_year=True) if q.count is not None)
    assert (q.count, q.per) == (count, per)


def test_duration_peak_and_totals() -> None:
    found = find_quantities(
        "thời lượng ít nhất 15 phút vào thời điểm có nhiều người theo dõi", single_year=True
    )
    assert [q.duration for q in found if q.duration] == [15]
    assert any(q.peak for q in found)
    (total,) = [
        q
        for q in find_quantities("phối hợp tổ chức 02 đợt tập huấn cho các ấp", single_year=True)
        if q.count
    ]
    assert (total.count, total.per) == (2, Per.year)
    (total,) = [q for q in find_quantities("tổ chức 02 đợt tập huấn", single_year=False) if q.count]
    assert total.per == Per.period


def test_broadcast_duty_of_a_radio_television_station() -> None:
    plan = plan_of(
        "III. TỔ CHỨC THỰC HIỆN",
        "e) Đài Phát thanh - Truyền hình Cà Mau: Duy trì chuyên mục phát sóng định kỳ về cải cách hành chính mỗi tuần một lần, "
        "thời lượng phát sóng mỗi lần ít nhất 15 phút vào thời điểm có nhiều người theo dõi. "
        "Chủ trì, phối hợp với các cơ quan tổ chức tọa đàm về cải cách hành chính mỗi tháng ít nhất một lần.",
    )
    tv, talk = plan.activities
    assert (tv.form, tv.count, tv.per, tv.duration_minutes, tv.peak_time) == (
        Form.television,
        1,
        Per.week,
        15,
        True,
    )
    assert tv.owner == "Đài Phát thanh - Truyền hình Cà Mau" and tv.owner_level == Level.media
    assert (talk.form, talk.count, talk.per) == (Form.talk_show, 1, Per.month)
    assert talk.evidence and talk.evidence.startswith("Chủ trì, phối hợp")


def test_dialogue_duty_for_two_levels_is_two_activities() -> None:
    plan = plan_of(
        "III. TỔ CHỨC THỰC HIỆN",
        "a) Các sở, ban, ngành tỉnh và Ủy ban nhân dân huyện, thành phố:",
        "- Đối với Ủy ban nhân dân cấp huyện, cấp xã, trong năm phải có ít nhất một lần tổ chức đối thoại trực tiếp với tổ chức, cá nhân.",
    )
    owners = [(a.form, a.owner, a.owner_level, a.count, a.per) for a in plan.activities]
    assert owners == [
        (Form.dialogue, "Ủy ban nhân dân cấp huyện", Level.district, 1, Per.year),
        (Form.dialogue, "Ủy ban nhân dân cấp xã", Level.commune, 1, Per.year),
    ]


def test_forms_section_gives_one_activity_per_form() -> None:
    plan = plan_of(
        "IV. HÌNH THỨC TUYÊN TRUYỀN",
        "1. Thông qua báo chí, đài phát thanh, truyền hình, cổng thông tin điện tử.",
        "2. Tổ chức hội thi, tọa đàm, xuất bản tờ rơi; tuyên truyền trên mạng xã hội Zalo.",
    )
    assert [a.form.value for a in plan.activities] == [
        "press", "radio", "television", "website", "contest", "talk_show", "print", "social_media",
    ]  # fmt: skip
    assert all(a.evidence for a in plan.activities)
    assert any("cơ quan thực hiện" in n for n in plan.notes)


def test_an_assigned_duty_replaces_the_listed_form() -> None:
    plan = plan_of(
        "II. HÌNH THỨC TUYÊN TRUYỀN",
        "1. Tổ chức hội thi tìm hiểu về cải cách hành chính.",
        "III. TỔ CHỨC THỰC HIỆN",
        "b) Sở Nội vụ:",
        "- Phối hợp với Công đoàn Viên chức tổ chức hội thi tìm hiểu về công tác cải cách hành chính.",
    )
    (contest,) = plan.activities
    assert (contest.form, contest.owner, contest.owner_level) == (
        Form.contest,
        "Sở Nội vụ",
        Level.department,
    )


def test_structured_activity_item() -> None:
    plan = plan_of(
        "Tân Phong, ngày 01 tháng 4 năm 2024",
        "II. NỘI DUNG TUYÊN TRUYỀN",
        "5. Tuyên truyền thông qua các buổi tập huấn các nội dung về CCHC.",
        "a) Cơ quan thực hiện: Công chức Văn phòng – thống kê xã.",
        "b) Cơ quan phối hợp: Các bộ phận chuyên môn và Trưởng các ấp.",
        "c) Nội dung: Tập huấn, hướng dẫn rà soát và kiểm soát TTHC.",
        "d) Sản phẩm, kết quả dự kiến: phối hợp tổ chức 02 đợt tập huấn cho các ấp.",
        "IV. THỜI GIAN THỰC HIỆN",
        "Trong năm 2024 và hoàn thành các nội dung trước tháng 11 năm 2024.",
    )
    (act,) = plan.activities
    assert (act.id, act.form, act.count, act.per) == ("II.5", Form.training, 2, Per.year)
    assert act.owner == "Công chức Văn phòng – thống kê xã" and act.owner_level == Level.commune
    assert act.partners == ["Các bộ phận chuyên môn", "Trưởng các ấp"]
    assert act.expected_products == ["phối hợp tổ chức 02 đợt tập huấn cho các ấp"]
    assert act.deadline == dt.date(2024, 10, 31)  # "trước tháng 11 năm 2024"


# --- deadlines, reporting, funding -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("báo cáo gửi về Sở, trước ngày 15/11/2022 để tổng hợp", dt.date(2022, 11, 15)),
        ("gửi Kế hoạch về UBND huyện chậm nhất trong tháng 4 năm 2024", dt.date(2024, 4, 30)),
        ("gửi Kế hoạch chậm nhất tháng 4", dt.date(2024, 4, 30)),
        ("hoàn thành các nội dung trước tháng 11 năm 2024", dt.date(2024, 10, 31)),
        ("hoàn thành trong quý III", dt.date(2024, 9, 30)),
        ("chậm nhất ngày 05 tháng 12 năm 2022", dt.date(2022, 12, 5)),
    ],
)
def test_deadlines(text: str, date: dt.date) -> None:
    assert find_deadlines(text, 2024)[0].date == date


def test_reporting_duties() -> None:
    plan = plan_of(
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Các phòng, đơn vị thuộc Sở có trách nhiệm",
        "- Định kỳ báo cáo kết quả về Sở (qua Văn phòng Sở) theo yêu cầu; báo cáo kết quả thực hiện của năm gửi về Sở, trước ngày 15/11/2022 để tổng hợp.",
        "2. Văn phòng UBND phường định kỳ tổng hợp, báo cáo UBND phường và UBND thành phố.",
        "3. Hàng quý, 6 tháng và năm, các ban ngành báo cáo kết quả gửi UBND phường.",
    )
    rows = [(r.by, r.to, r.due_date, r.frequency and r.frequency.value) for r in plan.reporting]
    assert rows == [
        ("Các phòng, đơn vị thuộc Sở", "Sở (qua Văn phòng Sở)", None, None),
        ("Các phòng, đơn vị thuộc Sở", "Sở", dt.date(2022, 11, 15), "year"),
        ("Văn phòng UBND phường", "UBND phường", None, None),
        ("Văn phòng UBND phường", "UBND thành phố", None, None),
        ("các ban ngành", "UBND phường", None, "quarter"),
        ("các ban ngành", "UBND phường", None, "half_year"),
        ("các ban ngành", "UBND phường", None, "year"),
    ]
    assert [r.to_level for r in plan.reporting[2:4]] == [Level.commune, Level.district]


def test_funding_sources_and_amounts() -> None:
    plan = plan_of(
        "III. KINH PHÍ THỰC HIỆN",
        "1. Kinh phí được bảo đảm bằng ngân sách nhà nước và các nguồn tài trợ hợp pháp khác (nếu có).",
        "2. Từ nguồn xã hội hóa đóng góp của các tổ chức, cá nhân.",
        "3. Kinh phí dự kiến 50.000.000 đồng, được bố trí trong nguồn kinh phí hoạt động thường xuyên.",
    )
    assert [(b.source, b.amount_vnd) for b in plan.budget] == [
        ("ngân sách nhà nước và các nguồn tài trợ hợp pháp khác (nếu có)", None),
        ("nguồn xã hội hóa đóng góp của các tổ chức, cá nhân", None),
        ("nguồn kinh phí hoạt động thường xuyên", 50_000_000),
    ]

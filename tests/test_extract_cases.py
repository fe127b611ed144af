"""Plans read the way they are written: each case of issue #15, one test each.

Quantities, periods, owners, the funding sentence and audiences wherever they are written;
no activities from the bases; one activity per task; headers in two columns (text, .docx,
PDF); the year from the title when there is no date line."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from _extract_docs import vietnamese_font
from cchc.extract import extract_file, extract_text
from cchc.vocab import Audience, Form, Level, Per, SectionKind

GOLD = Path(__file__).parents[1] / "fixtures" / "extract"

HEADER = [
    "ỦY BAN NHÂN DÂN",
    "XÃ AN BÌNH",
    "Số: 10/KH-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "An Bình, ngày 10 tháng 01 năm 2024",
    "KẾ HOẠCH",
    "Tuyên truyền cải cách hành chính năm 2024",
]


def plan_of(*body: str, header: list[str] = HEADER):  # type: ignore[no-untyped-def]
    return extract_text("\n".join([*header, *body])).plan


def only(plan, form: Form):  # type: ignore[no-untyped-def]
    found = [a for a in plan.activities if a.form == form]
    assert len(found) == 1, [(a.form, a.evidence) for a in plan.activities]
    return found[0]


def _build():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gold_build", GOLD / "build.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["gold_build"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


# --- quantities -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "form", "rate"),
    [
        (
            "Tuyên truyền trên hệ thống truyền thanh xã định kỳ 01 lần/tuần, thời lượng 15 phút/lần.",
            Form.loudspeaker,
            (1, Per.week, 15),
        ),
        (
            "Phát chuyên mục cải cách hành chính trên Đài Truyền thanh huyện 02 tuần một lần.",
            Form.radio,
            (26, Per.year, None),
        ),
        (
            "Đăng tải tin, bài trên trang Zalo của xã mỗi tuần 01 lần.",
            Form.social_media,
            (1, Per.week, None),
        ),
        (
            "Phát hành Bản tin cải cách hành chính ít nhất 02 kỳ mỗi tháng.",
            Form.bulletin,
            (2, Per.month, None),
        ),
        (
            "Tổ chức 01 chương trình tọa đàm mỗi quý về thủ tục hành chính.",
            Form.talk_show,
            (1, Per.quarter, None),
        ),
    ],
)
def test_quantities(sentence: str, form: Form, rate: tuple) -> None:  # type: ignore[type-arg]
    act = only(plan_of("I. HÌNH THỨC TUYÊN TRUYỀN", f"1. {sentence}"), form)
    assert (act.count, act.per, act.duration_minutes) == rate
    assert act.evidence == sentence and act.evidence_at is not None


# --- periods --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "start", "end"),
    [
        ("trong Quý III/2024", dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
        ("trong tháng 01/2025", dt.date(2025, 1, 1), dt.date(2025, 1, 31)),
        ("trong 6 tháng cuối năm", dt.date(2024, 7, 1), dt.date(2024, 12, 31)),
        ("trong năm 2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("trước ngày 30/9/2024", None, dt.date(2024, 9, 30)),
    ],
)
def test_periods(when: str, start: dt.date | None, end: dt.date) -> None:
    act = only(
        plan_of("I. HÌNH THỨC", f"1. Tổ chức hội nghị đối thoại với Nhân dân {when}."),
        Form.dialogue,
    )
    assert (act.start, act.deadline) == (start, end)


def test_period_from_a_table_cell() -> None:
    plan = plan_of(
        "II. NHIỆM VỤ",
        "STT | Nội dung | Đơn vị chủ trì | Thời gian",
        "1 | Tổ chức Hội thi tìm hiểu cải cách hành chính | Đoàn Thanh niên xã | Quý III/2023",
    )
    contest = only(plan, Form.contest)
    assert (contest.start, contest.deadline, contest.owner) == (
        dt.date(2023, 7, 1),
        dt.date(2023, 9, 30),
        "Đoàn Thanh niên xã",
    )


# --- owners ---------------------------------------------------------------------------------


def test_owner_giao_x_chu_tri() -> None:
    plan = plan_of(
        "II. NỘI DUNG, HÌNH THỨC",
        "Giao Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp tổ chức 02 lớp tập huấn cho công chức cấp xã.",
    )
    training = only(plan, Form.training)
    assert (training.owner, training.count, training.per) == ("Phòng Nội vụ", 2, Per.year)


def test_owner_x_colon_task() -> None:
    plan = plan_of(
        "II. NHIỆM VỤ CỤ THỂ",
        "1. Văn phòng Sở: cập nhật tin, bài trên Trang thông tin điện tử của Sở; tổ chức 01 chương "
        "trình tọa đàm mỗi quý.",
        "2. Thanh tra Sở: lồng ghép nội dung cải cách hành chính trong các cuộc họp giao ban hằng tháng.",
    )
    assert {(a.form, a.owner, a.count, a.per) for a in plan.activities} == {
        (Form.website, "Văn phòng Sở", None, None),
        (Form.talk_show, "Văn phòng Sở", 1, Per.quarter),
        (Form.meeting, "Thanh tra Sở", 1, Per.month),
    }


def test_owner_co_quan_thuc_hien() -> None:
    plan = plan_of(
        "II. NỘI DUNG VÀ HÌNH THỨC",
        "1. Tổ chức Hội thi tìm hiểu về cải cách hành chính",
        "a) Cơ quan thực hiện: Sở Nội vụ.",
        "b) Thời gian: Quý III/2024.",
    )
    contest = only(plan, Form.contest)
    assert (contest.owner, contest.owner_level, contest.start) == (
        "Sở Nội vụ",
        Level.department,
        dt.date(2024, 7, 1),
    )


def test_forms_section_quantity_goes_onto_the_assigned_duty() -> None:
    plan = plan_of(
        "I. HÌNH THỨC",
        "1. Tuyên truyền trên hệ thống truyền thanh xã định kỳ 01 lần/tuần, thời lượng 15 phút/lần.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Công chức Văn hóa - Xã hội chủ trì tuyên truyền trên hệ thống truyền thanh xã.",
    )
    act = only(plan, Form.loudspeaker)
    assert (act.owner, act.count, act.per, act.duration_minutes) == (
        "Công chức Văn hóa - Xã hội",
        1,
        Per.week,
        15,
    )


# --- funding and audiences ------------------------------------------------------------------


def test_funding_sentence_in_to_chuc_thuc_hien_counts() -> None:
    from cchc.checker import Checker, CheckOptions

    plan = plan_of(
        "I. MỤC ĐÍCH",
        "Nâng cao nhận thức của cán bộ, công chức và người dân về cải cách hành chính.",
        "II. TỔ CHỨC THỰC HIỆN",
        "Công chức Văn hóa - Xã hội chủ trì thực hiện Kế hoạch. Kinh phí bố trí trong dự toán "
        "ngân sách xã năm 2024.",
    )
    assert [b.source for b in plan.budget] == ["dự toán ngân sách xã năm 2024"]
    assert SectionKind.funding not in {s.kind for s in plan.sections}  # no heading names it
    report = Checker(CheckOptions(engine="python")).check_plan(plan, "plan")
    funding = next(r for r in report.results if r.rule == "STRUCT-FUNDING-SECTION")
    assert funding.status.value == "pass"


def test_audiences_named_in_the_purpose_section() -> None:
    plan = plan_of(
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao nhận thức của cán bộ, công chức, viên chức và người dân, doanh nghiệp về cải "
        "cách hành chính.",
        "II. HÌNH THỨC",
        "1. Tuyên truyền trên hệ thống truyền thanh xã.",
    )
    assert [a.group for a in plan.audiences] == [
        Audience.officials,
        Audience.businesses,
        Audience.citizens,
    ]
    assert all(a.evidence and a.evidence.startswith("Nâng cao") for a in plan.audiences)


# --- what is not an activity ----------------------------------------------------------------


def test_no_activities_from_the_bases() -> None:
    plan = plan_of(
        "Căn cứ Kế hoạch số 40/KH-UBND ngày 20/01/2024 của UBND huyện về tổ chức Hội thi và đối "
        "thoại với người dân;",
        "Thực hiện Công văn số 215/UBND-NV ngày 25/01/2024 của UBND huyện về tuyên truyền trên "
        "hệ thống truyền thanh cơ sở, mạng xã hội;",
        "I. NỘI DUNG THỰC HIỆN",
        "1. Tổ chức tập huấn cho cán bộ ấp.",
    )
    assert [a.form for a in plan.activities] == [Form.training]
    news = extract_text(
        "Ngày 10/02/2023, UBND huyện Đức Trọng đã ban hành Kế hoạch số 42/KH-UBND.\n"
        "Kế hoạch được xây dựng trên cơ sở Kế hoạch số 25/KH-UBND ngày 13/01/2023 về tổ chức "
        "đối thoại, hội thi.\n"
    ).plan
    assert news.activities == []


@pytest.mark.parametrize(
    ("sentence", "form"),
    [
        ("Tổ chức hội nghị đối thoại giữa Chủ tịch UBND xã với người dân.", Form.dialogue),
        ("Tổ chức hội nghị tập huấn kỹ năng cho công chức.", Form.training),
        (
            "Đăng tải tin, bài trên Trang thông tin điện tử xã, ít nhất 02 tin bài/tháng.",
            Form.website,
        ),
        ("Tổ chức Hội thi trực tuyến trên Cổng thông tin điện tử huyện.", Form.contest),
        ("Phát thanh tin, bài về cải cách hành chính trên loa truyền thanh xã.", Form.loudspeaker),
    ],
)
def test_one_activity_per_task(sentence: str, form: Form) -> None:
    plan = plan_of("I. HÌNH THỨC", f"1. {sentence}")
    assert [a.form for a in plan.activities] == [form]


# --- headers --------------------------------------------------------------------------------

TWO_COLUMNS = {
    "bar": [
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ AN BÌNH | Độc lập - Tự do - Hạnh phúc",
        "Số: 10/KH-UBND | An Bình, ngày 10 tháng 01 năm 2024",
    ],
    "spaces": [
        "ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ AN BÌNH                      Độc lập - Tự do - Hạnh phúc",
        "Số: 10/KH-UBND             An Bình, ngày 10 tháng 01 năm 2024",
    ],
    "run together": [
        "ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ AN BÌNH Độc lập - Tự do - Hạnh phúc",
        "Số: 10/KH-UBND An Bình, ngày 10 tháng 01 năm 2024",
    ],
}


@pytest.mark.parametrize("layout", list(TWO_COLUMNS))
def test_two_column_header_in_text(layout: str) -> None:
    header = [*TWO_COLUMNS[layout], "KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2024"]
    plan = plan_of("I. MỤC ĐÍCH", "Nâng cao nhận thức.", header=header)
    assert (plan.issuer.name, plan.issuer.level, plan.issuer.commune) == (
        "UBND xã An Bình",
        Level.commune,
        "An Bình",
    )
    assert (plan.document.number, plan.document.place, plan.document.issue_date) == (
        "10/KH-UBND",
        "An Bình",
        dt.date(2024, 1, 10),
    )


def test_body_under_its_parent_issues_the_plan() -> None:
    header = [
        "UBND TỈNH BÌNH PHƯỚC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ NỘI VỤ | Độc lập - Tự do - Hạnh phúc",
        "Số: 115/KH-SNV | Bình Phước, ngày 25 tháng 01 năm 2024",
        "KẾ HOẠCH",
        "Tuyên truyền cải cách hành chính năm 2024",
    ]
    plan = plan_of("I. MỤC ĐÍCH", "Nâng cao nhận thức.", header=header)
    assert (plan.issuer.name, plan.issuer.level, plan.issuer.province) == (
        "Sở Nội vụ",
        Level.department,
        "Bình Phước",
    )


@pytest.mark.parametrize(
    "name", ["g02-xa-bang-nhiem-vu", "g24-xa-hai-cap-tieu-de", "g10-so-tttt-bang"]
)
def test_docx_header_table_keeps_the_issuer_its_txt_finds(name: str, tmp_path: Path) -> None:
    build = _build()
    text = (GOLD / f"{name}.txt").read_text(encoding="utf-8")
    txt = extract_file(GOLD / f"{name}.txt").plan
    docx = extract_file(build.build_docx(text, tmp_path / f"{name}.docx")).plan
    assert txt.issuer.name is not None
    assert docx.issuer.model_dump(exclude={"evidence_at"}) == txt.issuer.model_dump(
        exclude={"evidence_at"}
    )
    assert docx.document.number == txt.document.number


@pytest.mark.skipif(vietnamese_font() is None, reason="no font with Vietnamese glyphs")
@pytest.mark.parametrize("scanned", [False, True])
def test_pdf_header_over_two_columns_and_lines(scanned: bool, tmp_path: Path) -> None:
    build = _build()
    name = "g19-huyen-ban-quet" if scanned else "g04-huyen-van-xuoi"
    text = (GOLD / f"{name}.txt").read_text(encoding="utf-8")
    pdf = extract_file(build.build_pdf(text, tmp_path / f"{name}.pdf", scanned=scanned)).plan
    txt = extract_file(GOLD / f"{name}.txt").plan
    assert pdf.issuer.name == txt.issuer.name and pdf.issuer.level == Level.district
    assert (pdf.document.number, pdf.document.issue_date) == (
        txt.document.number,
        txt.document.issue_date,
    )
    assert pdf.document.evidence_at and pdf.document.evidence_at.page == 1


def test_year_from_the_title_when_there_is_no_date_line() -> None:
    plan = extract_text(
        "Kế hoạch tuyên truyền cải cách hành chính năm 2025 của UBND xã Hòa Phú\n"
        "I. HÌNH THỨC\n"
        "1. Tuyên truyền trên hệ thống truyền thanh xã mỗi tuần 01 lần.\n"
    ).plan
    assert plan.document.issue_date is None
    assert (plan.period.start, plan.period.end) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert any("năm 2025 của kế hoạch lấy từ tên kế hoạch" in n for n in plan.notes)
    dated = plan_of("I. HÌNH THỨC", "1. Tuyên truyền trên hệ thống truyền thanh xã.")
    assert not any("lấy từ tên" in n for n in dated.notes)

"""Real-world noise: web-page chrome, a body printed twice, NFD text, lines broken inside
sentences, broken numbering, Markdown emphasis."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc.extract import extract_text
from cchc.extract.clean import clean
from cchc.model import Plan

BODY = [
    "KẾ HOẠCH",
    "Tuyên truyền cải cách hành chính năm 2020",
    "I. MỤC TIÊU, YÊU CẦU",
    "1. Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính nhà nước trên địa bàn phường.",
    "II. HÌNH THỨC TUYÊN TRUYỀN",
    "1. Tổ chức hội nghị, hội thảo về cải cách hành chính cho cán bộ, công chức phường.",
    "2. Tổ chức các cuộc thi tìm hiểu về cải cách hành chính, thi tìm hiểu chính sách pháp luật.",
    "3. Đưa nội dung cải cách hành chính vào chương trình họp thường kỳ của cơ quan.",
    "III. KINH PHÍ",
    "Kinh phí được đảm bảo theo phân cấp ngân sách hiện hành.",
]
CHROME_BEFORE = ["Tìm kiếm tin tức", "Liên kết website", "Sở, Ban, Ngành", ""]
CHROME_AFTER = [
    "",
    "Các tin khác",
    "Xem tin theo ngày",
    "Thống kê truy cập",
    "Truy cập tổng 291.836",
]


def keys(notes) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.key for n in notes]


def test_chrome_before_and_after_is_removed_and_reported() -> None:
    cleaned = clean("\n".join(CHROME_BEFORE + BODY + CHROME_AFTER))
    assert cleaned.lines == BODY
    notes = {n.key: n.params for n in cleaned.notes}
    assert notes["x_note_chrome_before"] == {"n": 3}
    assert notes["x_note_chrome_after"] == {"n": 4}
    assert cleaned.web_copy


def test_web_page_lines_between_title_and_body_are_dropped() -> None:
    raw = [
        "Kế hoạch Tuyên truyền CCHC năm 2022",
        "Đăng ngày 29 - 01 - 2022",
        "100%",
        *BODY,
        "Tải Kế hoạch tại đây: 224.pdf",
        "Tin mới nhất",
    ]
    assert clean("\n".join(raw)).lines == ["Kế hoạch Tuyên truyền CCHC năm 2022", *BODY]


def test_a_body_printed_twice_is_kept_once_and_reported() -> None:
    cleaned = clean("\n".join(CHROME_BEFORE + BODY + ["", " "] + BODY + CHROME_AFTER))
    assert cleaned.lines == BODY
    assert {"x_note_duplicate": {"n": len(BODY)}}.items() <= {
        n.key: n.params for n in cleaned.notes
    }.items()
    plan = extract_text("\n".join(BODY + BODY)).plan
    assert [a.form.value for a in plan.activities] == ["conference", "contest", "meeting"]
    assert any("hai lần" in n for n in plan.notes)


def test_short_repeats_are_not_taken_for_a_duplicate_body() -> None:
    lines = ["I. NỘI DUNG", "- Lưu: VT;", "II. HÌNH THỨC", "- Lưu: VT;"]
    assert clean("\n".join(lines)).lines == lines


def test_nfd_text_extracts_like_nfc() -> None:
    nfc = "\n".join(BODY)
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    a, b = extract_text(nfc).plan, extract_text(nfd).plan
    assert [n for n in b.notes if "NFD" not in n] == a.notes
    assert a.model_dump(exclude={"notes"}) == b.model_dump(exclude={"notes"})
    assert "x_note_nfd" in keys(clean(nfd).notes)


def test_lines_broken_inside_a_sentence_are_joined() -> None:
    raw = [
        "(Ban hành kèm theo Quyết định số 47/QĐ-UBND ngày 14/01/2014",
        "của Chủ tịch Ủy ban nhân dân tỉnh Cà Mau)",
        "1. Tổ chức hội thi tìm hiểu về cải cách",
        "hành chính cho đoàn viên.",
        "a) Sở Nội vụ: chủ trì.",
    ]
    cleaned = clean("\n".join(raw))
    assert cleaned.lines == [
        "(Ban hành kèm theo Quyết định số 47/QĐ-UBND ngày 14/01/2014 của Chủ tịch Ủy ban nhân dân tỉnh Cà Mau)",
        "1. Tổ chức hội thi tìm hiểu về cải cách hành chính cho đoàn viên.",
        "a) Sở Nội vụ: chủ trì.",
    ]
    assert {"x_note_joined": {"n": 2}}.items() <= {n.key: n.params for n in cleaned.notes}.items()


def test_broken_numbering_is_reported_not_hidden() -> None:
    lines = [
        "I. NỘI DUNG",
        "1. Một.",
        "2. Hai.",
        "3. Ba.",
        "5. Năm.",
        "II. HÌNH THỨC",
        "a) x",
        "b) y",
        "đ) z",
        "IV. KINH PHÍ",
    ]
    notes = [n.params for n in clean("\n".join(lines)).notes if n.key == "x_note_numbering"]
    assert notes == [
        {"where": "I", "prev": "3", "next": "5"},
        {"where": "II", "prev": "b", "next": "đ"},
        {"where": "II", "prev": "II", "next": "IV"},
    ]
    # The author's numbers are kept: they are what the evidence quotes.
    assert "5. Năm." in clean("\n".join(lines)).lines


def test_markdown_emphasis_and_odd_spaces_are_removed() -> None:
    raw = "Gửi Kế hoạch về UBND huyện (*qua Phòng Văn hóa*) **chậm nhất trong tháng 4 năm 2024.**\u00a0\u00a0"
    (line,) = clean(raw).lines
    assert (
        line == "Gửi Kế hoạch về UBND huyện (qua Phòng Văn hóa) chậm nhất trong tháng 4 năm 2024."
    )


def test_numbering_with_a_space_before_the_dot_is_repaired() -> None:
    assert clean(" 2 . Cập nhật kịp thời bộ thủ tục hành chính.").lines == [
        "2. Cập nhật kịp thời bộ thủ tục hành chính."
    ]


# --- anything at all ----------------------------------------------------------------------------

_PIECES = [
    "I. NỘI DUNG", "II. HÌNH THỨC", "III. TỔ CHỨC THỰC HIỆN", "1.", "a)", "- ", "Số: 12/KH-UBND",
    "ngày 99 tháng 13 năm 2024", "31/02/2024", "mỗi tuần 999 lần", "thời lượng 9999 phút",
    "Quyết định số 1/QĐ-UBND ngày 01/01/1800 của", "trước tháng 13", "hội nghị đối thoại", "Đài Phát thanh:",
    "Kinh phí 999.999.999.999.999.999 tỷ đồng", "Thời gian thực hiện từ năm 2030-2020", "\n", " ", ";", ":", ".",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=20)), max_size=40))
def test_any_text_gives_a_valid_plan_or_nothing_worse(pieces: list[str]) -> None:
    text = " ".join(pieces)
    plan = extract_text(text).plan
    # What the extractor emits must load back through the model unchanged.
    assert Plan.model_validate(plan.model_dump(mode="json")) == plan

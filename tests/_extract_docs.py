"""A small plan written three ways (.txt, .docx, .pdf) for the extractor's tests."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

HEADER = [
    "ỦY BAN NHÂN DÂN",
    "XÃ TÂN HÒA",
    "Số: 15/KH-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Tân Hòa, ngày 05 tháng 01 năm 2024",
]
TITLE = ["KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2024 trên địa bàn xã Tân Hòa"]
BODY = [
    "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;",
    "Thực hiện Kế hoạch số 278/KH-UBND ngày 15/12/2023 của UBND huyện Tân Biên về công tác cải cách hành chính năm 2024;",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Nâng cao nhận thức của cán bộ, công chức và người dân về cải cách thủ tục hành chính, chuyển đổi số và chỉ số SIPAS.",
    "II. ĐỐI TƯỢNG",
    "Cán bộ, công chức xã, doanh nghiệp và Nhân dân trên địa bàn xã.",
    "III. HÌNH THỨC TUYÊN TRUYỀN",
]
# Items of an automatic numbered list in the .docx; typed numbers in the .txt twin.
FORMS = [
    "Tuyên truyền trên trạm truyền thanh xã mỗi tuần một lần, thời lượng ít nhất 15 phút.",
    "Tổ chức hội nghị đối thoại với người dân ít nhất 01 lần/năm.",
    "Đăng tin, bài trên Trang thông tin điện tử xã, một tháng 02 tin bài.",
]
ORGANISATION = [
    "IV. TỔ CHỨC THỰC HIỆN",
    "1. Công chức Văn hóa - Xã hội xã chủ trì tổ chức tập huấn cho cán bộ ấp, hoàn thành trước ngày 15/11/2024.",
    "2. Các bộ phận chuyên môn báo cáo kết quả gửi UBND xã định kỳ hằng quý.",
    "V. KINH PHÍ",
    "Kinh phí thực hiện được bảo đảm từ nguồn ngân sách xã năm 2024.",
]
TABLE = [
    ["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian"],
    ["1", "Tổ chức hội thi tìm hiểu cải cách hành chính", "Đoàn Thanh niên xã", "Quý III năm 2024"],
]


def plan_lines() -> list[str]:
    """The plan as the .txt twin writes it: one paragraph per line."""
    lines = HEADER + TITLE + BODY
    lines += [f"{i}. {text}" for i, text in enumerate(FORMS, start=1)]
    lines += ORGANISATION[:3]
    lines += [" | ".join(row) for row in TABLE]
    lines += ORGANISATION[3:]
    return lines


def write_txt(path: Path, encoding: str = "utf-8") -> Path:
    path.write_bytes("\n".join(plan_lines()).encode(encoding))
    return path


def write_docx(path: Path) -> Path:
    """Header and signature as a layout table, the forms as Word's automatic numbered list,
    and a data table: the shapes authors' files have."""
    import docx

    d = docx.Document()
    header = d.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.paragraphs[0].text = HEADER[0]
    for line in HEADER[1:3]:
        left.add_paragraph(line)
    right.paragraphs[0].text = HEADER[3]
    for line in HEADER[4:]:
        right.add_paragraph(line)
    for line in TITLE + BODY:
        d.add_paragraph(line)
    for text in FORMS:
        d.add_paragraph(text, style="List Number")
    for line in ORGANISATION[:3]:
        d.add_paragraph(line)
    table = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for line in ORGANISATION[3:]:
        d.add_paragraph(line)
    d.save(str(path))
    return path


FONT_CANDIDATES = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
]


def vietnamese_font() -> Path | None:
    """A TrueType font with Vietnamese glyphs (Debian's fonts-dejavu-core)."""
    return next((p for p in FONT_CANDIDATES if p.exists()), None)


def write_pdf(path: Path, font: Path) -> Path:
    """The plan as a PDF with a text layer; long paragraphs wrap over several lines."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(font))
    pdf.set_font("DejaVu", size=11)
    # The official header is two columns side by side, as Word prints its header table.
    left, right = HEADER[:3], HEADER[3:]
    for i in range(3):
        pdf.set_xy(10, 10 + 6 * i)
        pdf.cell(70, 6, left[i], align="C")
        pdf.set_xy(90, 10 + 6 * i)
        pdf.cell(110, 6, right[i], align="C")
    pdf.set_xy(10, 34)
    for line in plan_lines()[len(HEADER) :]:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.output(str(path))
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A 'scan': a page holding only a picture, no text layer."""
    from fpdf import FPDF
    from PIL import Image

    image = Image.new("RGB", (200, 280), "white")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=190)
    pdf.output(str(path))
    return path


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letter (ă â ê ô ơ ư đ kept) plus a
    combining tone mark."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out.append(base + "".join(c for c in d if c in tones))
    return "".join(out).encode("cp1258")


def without_positions(value: Any) -> Any:
    """A plan's JSON without `evidence_at`: the same plan in two formats is written in
    different places (lines of a .txt, paragraphs of a .docx, pages of a PDF)."""
    if isinstance(value, dict):
        return {k: without_positions(v) for k, v in value.items() if k != "evidence_at"}
    if isinstance(value, list):
        return [without_positions(v) for v in value]
    return value

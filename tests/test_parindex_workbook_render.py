"""The self-assessment workbook as an office suite prints it: LibreOffice converts it to PDF,
the first page is turned into an image and its text is read back.

Needs `soffice` (libreoffice-calc) and poppler's `pdftoppm`/`pdftotext`
(`scripts/bootstrap.sh --dev` installs them); skipped, saying so, when they are absent.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cchc.parindex.render import render
from cchc.parindex.run import index_run
from cchc.parindex.scheme import find_scheme

ROOT = Path(__file__).parents[1]
DONGNAI = ROOT / "fixtures" / "index" / "dongnai-2023"
TOOLS = ("soffice", "pdftoppm", "pdftotext")

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="LibreOffice (soffice) or poppler-utils (pdftoppm, pdftotext) not installed: "
    "apt-get install libreoffice-calc poppler-utils",
)


def _ppm_ink(path: Path) -> tuple[int, int, float]:
    """Width, height and the share of non-white pixels of a binary PPM/PGM image."""
    data = path.read_bytes()
    fields = re.match(rb"(P[56])\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert fields, "not a binary PPM/PGM image"
    width, height = int(fields.group(2)), int(fields.group(3))
    pixels = data[fields.end() :]
    ink = sum(1 for b in pixels[::7] if b < 200) / max(1, len(pixels[::7]))
    return width, height, ink


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("workbook")
    run = index_run(
        DONGNAI / "plans",
        DONGNAI / "results",
        2023,
        find_scheme("dongnai-commune-2022"),
        organ="UBND huyện Xuân Lộc",
    )
    book = tmp / "chi-so-2023.xlsx"
    book.write_bytes(render(run, "xlsx", out=book))
    profile = (tmp / "profile").as_uri()  # a private profile: runs do not share a lock
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    out = tmp / "chi-so-2023.pdf"
    assert out.exists(), "LibreOffice wrote no PDF"
    return out


def test_the_first_page_renders_the_sheet(pdf: Path) -> None:
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    flat = " ".join(text.split())
    for expected in (
        "UBND HUYỆN XUÂN LỘC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023",
        "UBND xã Xuân Bắc",
        "Tiêu chí, tiêu chí thành phần",
        "Giải trình của đơn vị",  # the unit's explanation, left blank
        "Điểm thẩm định",  # the council's score, left blank
        # Xuân Bắc: the plan, the report and its 11 verification documents (a6 has two).
        "Danh mục: 13 tài liệu",
    ):
        assert expected in flat, expected
    # Wrapped text printed whole, not cut at the cell's edge: the end of a long reason.
    assert "thuộc khoảng từ 100% trở lên: 1 điểm" in flat


def test_the_first_page_is_a_landscape_page_with_ink(pdf: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-f", "1", "-l", "1", "-r", "40", "-gray", str(pdf), str(pdf.with_suffix(""))],
        check=True,
        capture_output=True,
    )
    [page] = pdf.parent.glob("chi-so-2023-*1.pgm")
    width, height, ink = _ppm_ink(page)
    assert width > height  # A4 landscape
    assert 0.01 < ink < 0.6, ink  # neither blank nor a black page


def test_every_sheet_is_printed(pdf: Path) -> None:
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    for heading in ("CĂN CỨ CHẤM ĐIỂM", "DANH MỤC TÀI LIỆU KIỂM CHỨNG", "Bình quân (6 đơn vị)"):
        assert heading in flat, heading

"""`cchc batch` as a province's staff read it: the closing paragraph, the spreadsheet's cells and
the dashboard tell the same story."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from cchc.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("batch")
    src = tmp / "in"
    src.mkdir()
    for name in ("an-dong-2020.json", "ca-mau-2014.json", "tan-phong-2024.json"):
        shutil.copy(SEEDS / name, src / name)
    shutil.copy(SEEDS / "text" / "ca-mau-2014.txt", src / "ca-mau-2014.txt")
    (src / "hong.json").write_text("{", encoding="utf-8")
    (src / "rong.docx").write_bytes(b"")
    out = tmp / "out"
    r = CliRunner().invoke(main, ["batch", str(src), "--out", str(out), "--jobs", "1"])
    assert r.exit_code == 2, r.output
    return out, r.output


def _summary_rows(out: Path) -> list[dict[str, object]]:
    wb = openpyxl.load_workbook(out / "summary.xlsx")
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows())
    head = [c.value for c in rows[0]]
    return [
        dict(zip(head, rows_cells, strict=False)) for rows_cells in rows[1:] if rows_cells[0].value
    ]


def test_the_terminal_names_the_unreadable_files(batch) -> None:
    _, text = batch
    named = text[text.index("Không đọc được: ") :].split(". ")[0]
    assert named == "Không đọc được: hong.json, rong.docx"


def test_the_terminal_counts_agree_with_the_dashboard_and_the_sheet(batch) -> None:
    out, text = batch
    said = dict(
        (label, int(n))
        for n, label in re.findall(r"(\d+) (Đạt|Cần bổ sung|Không đạt)\b", text.split("(")[1])
    )
    html = (out / "index.html").read_text(encoding="utf-8")
    tiles = dict(
        (label, int(n))
        for n, label in re.findall(
            r'<div class="n">(\d+)</div><div class="k">(Đạt|Cần bổ sung|Không đạt)</div>', html
        )
    )
    sheet = Counter(str(r["Kết luận"].value) for r in _summary_rows(out))
    assert said == tiles
    for label, n in said.items():
        assert sheet[label] == n
    assert sum(said.values()) == 4  # four readable plans, the two others unreadable


def test_xlsx_dates_are_dates_and_scores_numbers(batch) -> None:
    out, _ = batch
    rows = {str(r["Tệp"].value): r for r in _summary_rows(out)}
    date = rows["ca-mau-2014.json"]["Ngày ban hành"]
    assert date.is_date and date.value.date() == dt.date(2014, 1, 14)
    assert date.number_format == "dd/mm/yyyy"
    score = rows["ca-mau-2014.json"]["Điểm"]
    assert score.data_type == "n" and isinstance(score.value, float)
    assert rows["hong.json"]["Ngày ban hành"].value is None


def test_an_area_no_plan_could_evaluate_is_not_shown_as_a_score(batch) -> None:
    out, _ = batch
    html = (out / "index.html").read_text(encoding="utf-8")
    means = html[html.index("Điểm trung bình theo lĩnh vực") :]
    means = means[: means.index("</div>\n</div>") if "</div>\n</div>" in means else 6000]
    # "Thể thức văn bản": no plan shows its format parts (hand-encoded plans and a web copy).
    i = means.index("Thể thức văn bản")
    block = means[i : i + 600]
    assert "band-none" in block.split('<div class="label"')[0]
    assert re.search(r"chưa đánh giá được ở \d+ kế hoạch", block)
    assert "band-good" not in block.split('<div class="label"')[0]

"""`cchc index`: outputs (text, JSON, XLSX self-assessment sheet, HTML), languages, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from cchc.cli import main

ROOT = Path(__file__).parents[1]
DONGNAI = ROOT / "fixtures" / "index" / "dongnai-2023"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["index", *args])
    return result.exit_code, result.stdout, result.stderr


def base_args(folder: Path = DONGNAI, scheme: str = "dongnai-commune-2022") -> list[str]:
    return ["--plans", str(folder / "plans"), "--results", str(folder / "results"), "--year",
            "2023", "--scheme", scheme, "--engine", "python"]  # fmt: skip


def test_text_table_in_vietnamese() -> None:
    code, out, _ = run(*base_args())
    assert code == 0
    assert "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023" in out
    assert "244/PNV" in out
    row = next(line for line in out.splitlines() if line.startswith("UBND xã Xuân Thọ "))
    assert row.split()[4:7] == ["0,9", "0,5", "1,4"]
    assert "Có kế hoạch, không có báo cáo kết quả" in out
    assert "Có báo cáo, không tìm thấy kế hoạch" in out
    assert "xuan-lap-2022.json: kế hoạch không thuộc năm 2023" in out
    # Vietnamese order, "Ủy ban nhân dân" read as "UBND": Bắc, Định, Hiệp, Hòa, Thọ, Trường.
    names = [line.split("  ")[0] for line in out.splitlines() if "Xuân" in line[:30]][:6]
    assert [n.split()[-1] for n in names] == ["Bắc", "Định", "Hiệp", "Hòa", "Thọ", "Trường"]


def test_text_shortens_long_missing_lists(tmp_path: Path) -> None:
    # A scheme that asks a document per activity for 4.1 (the shipped one does not).
    shipped = ROOT / "rules" / "schemes" / "dongnai-commune-2022.yaml"
    strict = tmp_path / "strict.yaml"
    text = shipped.read_text(encoding="utf-8").replace(
        "require_evidence: false", "require_evidence: true"
    )
    strict.write_text(text.replace("id: dongnai-commune-2022", "id: strict"), encoding="utf-8")
    code, out, _ = run(*base_args(scheme=str(strict)), "--lang", "en")
    assert code == 0
    line = next(x for x in out.splitlines() if "Missing:" in x and "Hoạt động" in x)
    # Xuân Trường: 19 web and social activities without evidence; the sheet lists them all.
    assert line.count("A verification document for") == 5 and line.endswith("(and 14 more)")


def test_text_in_english() -> None:
    code, out, _ = run(*base_args(), "--lang", "en")
    assert code == 0
    assert "PAR INDEX SELF-ASSESSMENT 2023" in out
    assert "9 of 10 targets done (90.0%), in the band 90% to below 100%" in out
    assert "Report without a plan" in out


def test_json_output(tmp_path: Path) -> None:
    out = tmp_path / "index.json"
    code, _, err = run(*base_args(), "--out", str(out))
    assert code == 0 and "index.json" in err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["year"] == 2023 and data["scheme"]["id"] == "dongnai-commune-2022"
    totals = {Path(u["report_file"] or u["plan_file"]).stem: u["total"] for u in data["units"]}
    assert totals == {"xuan-bac": 2, "xuan-tho": 1.4, "xuan-truong": 0.75, "xuan-dinh": 0,
                      "xuan-hiep": 0.75, "xuan-hoa": 1}  # fmt: skip
    # One spelling per unit: the report's "Ủy ban nhân dân xã Xuân Bắc" is shown as "UBND …".
    bac = next(u for u in data["units"] if u["unit"] == "UBND xã Xuân Bắc")
    assert bac["plan_number"] == "05/KH-UBND" and bac["report_number"] == "210/BC-UBND"
    sub = bac["subs"][0]
    assert {
        "code",
        "max",
        "points",
        "reason",
        "evidence_found",
        "evidence_missing",
        "trace",
    } <= set(sub)


def test_compliance_score_beside_the_points(tmp_path: Path) -> None:
    out = tmp_path / "index.json"
    assert run(*base_args(), "--out", str(out))[0] == 0
    units = {u["unit"]: u for u in json.loads(out.read_text(encoding="utf-8"))["units"]}
    bac = units["UBND xã Xuân Bắc"]["compliance"]
    dinh = units["UBND xã Xuân Định"]["compliance"]
    # Xuân Bắc cites 76/NQ-CP with its date and covers the six reform areas; Xuân Định neither.
    assert bac["score"] > dinh["score"]
    assert "nq76-2021" in bac["packs"]
    assert units["UBND xã Xuân Hiệp"]["compliance"] is None  # no plan, nothing to check
    assert run(*base_args(), "--out", str(out), "--no-compliance")[0] == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert all(u["compliance"] is None for u in data["units"])


def test_xlsx_self_assessment_sheet(tmp_path: Path) -> None:
    out = tmp_path / "index.xlsx"
    code, _, _ = run(*base_args(), "--out", str(out), "--organ", "UBND huyện Xuân Lộc")
    assert code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:6] == ["Tự đánh giá", "Tổng hợp", "Căn cứ", "Điểm tuân thủ KH",
                                 "Truy vết điểm", "Tệp đầu vào"]  # fmt: skip
    assert len(wb.sheetnames) == 6 + 6  # and one evidence list per unit
    ws = wb["Tự đánh giá"]
    rows = list(ws.iter_rows(values_only=True))
    assert (
        rows[0][0] == "UBND HUYỆN XUÂN LỘC" and rows[0][4] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    header_at = next(i for i, r in enumerate(rows) if r[0] == "STT")
    assert rows[header_at] == ("STT", "Đơn vị", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa",
                               "Điểm tự chấm", "Điểm thẩm định", "Giải trình của đơn vị",
                               "Tài liệu kiểm chứng", "Cách tính, ghi chú",
                               "Cần xem xét lại (quy tắc)")  # fmt: skip
    body = [r for r in rows[header_at + 1 :] if r[1] and r[1].startswith("UBND")]
    assert len(body) == 6 * 3  # six units, a criterion row and two sub-criteria each
    tho = [r for r in body if r[1] == "UBND xã Xuân Thọ"]
    assert [(r[2][:12], r[3], r[4], r[5], r[6]) for r in tho] == [
        ("Tiêu chí 4. ", 2, 1.4, None, None),  # council score and explanation left blank
        ("4.1. Mức độ ", 1, 0.9, None, None),
        ("4.2. Mức độ ", 1, 0.5, None, None),
    ]
    assert "90,0%" in tho[1][8] and "Còn thiếu:" in tho[2][8]
    # Evidence: numbered references linked to the unit's evidence list.
    sub_cell = next(c for c in ws["H"] if c.value and str(c.value).startswith("TL") and
                    ws.cell(c.row, 2).value == "UBND xã Xuân Thọ")  # fmt: skip
    assert sub_cell.hyperlink.location.startswith("'TLKC 05 xã Xuân Thọ'")
    # Print setup: A4 landscape, fitted to the width, the header row repeated.
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(
        ws.PAPERSIZE_A4
    )
    assert ws.print_title_rows.replace("$", "") == f"{header_at + 1}:{header_at + 1}"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    # No compliance column on the index sheet; it has its own.
    assert not any("tuân thủ" in str(v) for v in rows[header_at])
    assert any("nq76-2021" in str(r[3]) for r in wb["Điểm tuân thủ KH"].iter_rows(values_only=True))
    trace = list(wb["Truy vết điểm"].iter_rows(values_only=True))
    assert any("dongnai-commune-2022.yaml:" in (r[4] or "") for r in trace[1:])
    inputs = [r[0] for r in wb["Tệp đầu vào"].iter_rows(min_row=2, values_only=True)]
    assert sum(str(f).endswith("xuan-lap-2022.json") for f in inputs) == 2


def test_xlsx_evidence_lists_link_relative_paths(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(DONGNAI, folder)
    out = tmp_path / "out" / "index.xlsx"
    out.parent.mkdir()
    assert run(*base_args(folder), "--out", str(out))[0] == 0
    wb = openpyxl.load_workbook(out)
    ws = wb["TLKC 01 xã Xuân Bắc"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "DANH MỤC TÀI LIỆU KIỂM CHỨNG"
    docs = [r for r in rows if r[0] and str(r[0]).startswith("TL")]
    assert [d[0] for d in docs] == [f"TL{n}" for n in range(1, len(docs) + 1)]
    # Each document once: the LED photo backs 4.1 and 4.2 on one line.
    led = [d for d in docs if "man-hinh-led" in (d[3] or "")]
    assert (
        len(led) == 1
        and led[0][2] == "4.1, 4.2"
        and led[0][3] == "results/man-hinh-led-mot-cua.jpg"
    )
    links = {c.value: c.hyperlink.target for c in ws["D"] if c.hyperlink}
    # Relative to the workbook (out/ sits beside in/), never an absolute local path.
    assert links["results/man-hinh-led-mot-cua.jpg"] == "../in/results/man-hinh-led-mot-cua.jpg"
    assert links["https://zalo.me/xuanbac-cchc"] == "https://zalo.me/xuanbac-cchc"
    assert not any(str(tmp_path) in str(c.value) for row in ws.iter_rows() for c in row)
    basis = [r[1] for r in wb["Căn cứ"].iter_rows(values_only=True)]
    assert "rules/schemes/dongnai-commune-2022.yaml" in basis  # not a site-packages path
    assert any("giao ban" in str(b) for b in basis)  # every interpretation disclosed


def test_xlsx_summary_totals_ranking_and_bands(tmp_path: Path) -> None:
    out = tmp_path / "index.xlsx"
    assert run(*base_args(), "--out", str(out), "--no-compliance")[0] == 0
    rows = list(openpyxl.load_workbook(out)["Tổng hợp"].iter_rows(values_only=True))
    units = {r[1]: r for r in rows if r[1] and str(r[1]).startswith("UBND")}
    # By hand (fixtures/index/README.md): 2, 0, 0.75, 1, 1.4, 0.75 → ranks 1, 6, 4, 3, 2, 4.
    ranks = {name.split()[-1]: r[5] for name, r in units.items()}
    assert ranks == {"Bắc": 1, "Định": 6, "Hiệp": 4, "Hòa": 3, "Thọ": 2, "Trường": 4}
    total = next(r for r in rows if r[1] == "Tổng cộng")
    mean = next(r for r in rows if r[1] and str(r[1]).startswith("Bình quân"))
    assert total[2:5] == (1.9, 4.0, 5.9) and mean[4] == 0.98  # 5.9 / 6
    bands = {r[2]: r[3] for r in rows if r[1] and str(r[1]).startswith("4.1") and r[3] is not None}
    assert bands == {"từ 100% trở lên": 1, "từ 90% đến dưới 100%": 1, "dưới 90%": 2,
                     "Không chấm được (thiếu kế hoạch, báo cáo hoặc mục tiêu)": 2}  # fmt: skip


def test_html_page_is_self_contained_and_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(DONGNAI, folder)
    path = folder / "results" / "xuan-hiep.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["unit"]["name"] = "UBND xã <script>alert(1)</script>"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "index.html"
    code, _, _ = run(*base_args(folder), "--out", str(out), "--lang", "en")
    assert code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<link" not in html and "src=" not in html  # nothing fetched from outside
    assert "PAR INDEX SELF-ASSESSMENT 2023" in html and "Xuân Thọ" in html
    assert "dongnai-commune-2022.yaml:" in html  # the trace is in the page


def test_xlsx_text_never_becomes_a_formula(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(DONGNAI, folder)
    path = folder / "results" / "xuan-hiep.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["unit"]["name"] = '=HYPERLINK("http://x")'
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "index.xlsx"
    assert run(*base_args(folder), "--out", str(out))[0] == 0
    ws = openpyxl.load_workbook(out)["Tự đánh giá"]
    cells = [c for row in ws.iter_rows() for c in row if c.value == data["unit"]["name"]]
    assert cells and all(c.data_type == "s" for c in cells)


def test_unit_scheme_by_name(tmp_path: Path) -> None:
    folder = ROOT / "fixtures" / "index" / "tiengiang-2023"
    code, out, _ = run(*base_args(folder, "tiengiang-unit-2022"), "--format", "json")
    assert code == 0
    totals = {u["unit"]: u["total"] for u in json.loads(out)["units"]}
    assert totals["Bệnh viện Y dược cổ truyền"] == -1


def test_a_province_scheme_written_without_code(tmp_path: Path) -> None:
    # A province counts planned times (volume) with its own bands and a bonus-free diversity.
    scheme = tmp_path / "binhphuoc-xa-2024.yaml"
    scheme.write_text(
        """
scheme:
  id: binhphuoc-xa-2024
  title: {vi: Thử nghiệm, en: Trial}
  levels: [commune]
  source: {document: Dự thảo, status: U}
  criterion: {code: "5", title: {vi: Tuyên truyền, en: Propaganda}, max: 3}
sub_criteria:
  - code: "5.1"
    kind: plan_completion
    title: {vi: Thực hiện kế hoạch, en: Completion}
    max: 2
    measure: volume
    bands:
      - {from: 100, points: 2}
      - {from: 95, proportional: true}
      - {from: 0, points: 0}
  - code: "5.2"
    kind: form_diversity
    title: {vi: Đa dạng, en: Diversity}
    max: 1
    groups:
      - {id: radio, title: {vi: Truyền thanh, en: Radio}, points: 0.5, forms: [loudspeaker, radio]}
      - {id: meetings, title: {vi: Hội nghị, en: Meetings}, points: 0.5, forms: [conference, meeting], min_forms: 2}
""",
        encoding="utf-8",
    )
    code, out, _ = run(*base_args(DONGNAI, str(scheme)), "--format", "json", "--no-compliance")
    assert code == 0, out
    units = {Path(u["report_file"] or u["plan_file"]).stem: u for u in json.loads(out)["units"]}
    tho = units["xuan-tho"]
    # 371 of 374 planned times (the radio column ran 15 of 18): 99.2% × 2 = 1.98;
    # loudspeaker and radio evidenced: 0.5; conference and meeting evidenced: 0.5.
    assert [s["points"] for s in tho["subs"]] == [1.98, 1.0]
    assert "371" in tho["subs"][0]["reason"] and "374" in tho["subs"][0]["reason"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--plans", "/nonexistent", "--results", str(DONGNAI / "results"), "--year", "2023",
          "--scheme", "dongnai-commune-2022"], "--plans: '/nonexistent' không phải thư mục"),
        ([*base_args()[:5], "1850", "--scheme", "dongnai-commune-2022"], "năm 1850 không hợp lý"),
        ([*base_args()[:7], "tinh-khong-co"], "không có bộ chấm điểm này"),
        ([*base_args(), "--format", "xlsx"], "định dạng xlsx cần --out"),
    ],
)  # fmt: skip
def test_usage_errors_exit_2_with_one_sentence(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert message in err and "Traceback" not in err + out


def test_unreadable_inputs_are_listed_and_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(DONGNAI, folder)
    (folder / "results" / "broken.json").write_text(
        '{"unit": {"name": "A"}, "year": "x"}', encoding="utf-8"
    )
    (folder / "plans" / "broken.json").write_text("{", encoding="utf-8")
    code, out, err = run(*base_args(folder), "--lang", "en")
    assert code == 2
    assert "broken.json: year: must be a non-negative whole number" in err
    assert "not valid JSON" in err
    assert "UBND xã Xuân Thọ" in out  # the rest is still scored


def test_unwritable_output(tmp_path: Path) -> None:
    code, _, err = run(
        *base_args(), "--out", str(tmp_path / "no" / "such" / "dir.json"), "--lang", "en"
    )
    assert code == 2 and "cannot write" in err


def test_schema_of_the_results_report() -> None:
    result = CliRunner().invoke(main, ["schema", "--results"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "ResultsReport" and "forms_used" in schema["properties"]


def test_units_file_errors_exit_2_with_one_sentence(tmp_path: Path) -> None:
    bad = tmp_path / "don-vi.csv"
    bad.write_text("STT,Huyện\n1,Xuân Lộc\n", encoding="utf-8")
    code, out, err = run(*base_args(), "--units", str(bad), "--no-compliance")
    assert code == 2 and "don-vi.csv" in err and "Tên đơn vị" in err
    assert "Traceback" not in err + out
    code, _, err = run(*base_args(), "--units", str(tmp_path / "none.csv"), "--no-compliance")
    assert code == 2 and "none.csv" in err


def test_units_file_on_the_command_line(tmp_path: Path) -> None:
    units = tmp_path / "don-vi.csv"
    units.write_text(
        "Tên đơn vị;Huyện\nXã Xuân Bắc;Xuân Lộc\nXã Suối Cát;Xuân Lộc\n", encoding="utf-8"
    )
    code, out, _ = run(*base_args(), "--units", str(units), "--no-compliance", "--format", "json")
    assert code == 0
    data = json.loads(out)
    rows = {u["unit"]: u for u in data["units"]}
    assert rows["UBND xã Suối Cát"]["pairing"] == "nothing"  # expected, sent nothing
    assert len(data["unexpected"]) == 5  # the other five communes of the folder


def test_pandas_is_loaded_only_for_the_workbook() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from cchc.parindex.run import index_run\n"
        "from cchc.parindex.render import render\n"
        "from cchc.parindex.scheme import find_scheme\n"
        f"r = index_run(r'{DONGNAI / 'plans'}', r'{DONGNAI / 'results'}', 2023,"
        " find_scheme('dongnai-commune-2022'))\n"
        "render(r, 'text'); render(r, 'json'); render(r, 'html')\n"
        "assert 'pandas' not in sys.modules\n"
        "render(r, 'xlsx')\n"
        "assert 'pandas' in sys.modules\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr

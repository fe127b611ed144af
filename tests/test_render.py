"""Every renderer, from result objects built by hand (no rule engine involved)."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys

import openpyxl
import orjson
import pytest

import reportdata as d
from cchc.render import FORMATS, render
from cchc.render.markdown import md
from cchc.result import CheckRun
from htmlcheck import assert_safe, parse

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LONG_TITLE = (
    "Kế hoạch thông tin, tuyên truyền về cải cách hành chính nhà nước tỉnh Cao Bằng giai đoạn "
    "2021-2025 trên hệ thống thông tin cơ sở, kèm một từ-rất-dài-không-có-khoảng-trắng-nào-"
    "để-xem-dòng-có-bị-cắt-đúng-chỗ-hay-không-khi-vượt-quá-tám-mươi-cột"
)


def sample_run(lang: str = "vi") -> CheckRun:
    return d.run(
        d.report("b/xa-tan-phong.json", title=LONG_TITLE, notices=["miễn trừ đã hết hạn"]),
        d.clean_report("a/phuong-an-dong.json"),
        errors=[d.failure("c/hong.json")],
        lang=lang,
    )


def hostile_run() -> CheckRun:
    results = [
        d.result(
            "NQ76-2021-CITE",
            d.Status.failed,
            message=f"Thiếu {d.XSS}",
            fix='Bổ sung <b>căn cứ</b> | =HYPERLINK("x")',
            evidence=["<img src=x onerror=alert(2)>"],
        )
    ]
    return d.run(d.report("xss.json", title=d.XSS, results=results))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_renders_the_same_run_deterministically(fmt: str) -> None:
    first = render(sample_run(), fmt, "vi")
    assert first
    assert render(sample_run(), fmt, "vi") == first


# --- terminal ----------------------------------------------------------------------------------


def test_terminal_fits_80_columns_and_lists_gaps_first_with_clause_and_fix() -> None:
    text = render(sample_run(), "text", "vi").decode()
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    block = text[: text.index("━━ a/phuong-an-dong.json")]
    gaps_at = block.index("Thiếu sót cần khắc phục (2)")
    assert gaps_at < block.index("Lĩnh vực")  # gaps before the area table
    # the critical gap comes first, each gap with its clause and its fix
    assert block.index("NQ76-2021-CITE") < block.index("CAMAU-2014-DIALOGUE")
    assert block.count("Căn cứ: Nghị quyết 76/NQ-CP, 15/07/2021, Chính phủ — Mục III.1") == 2
    assert "Cách khắc phục: Bổ sung NQ76-2021-CITE" in block
    assert "Khuyến nghị (1)" in block and "INDEX-NAMED" in block
    assert "! miễn trừ đã hết hạn" in block
    # the closing table has every input file, the unreadable one included
    overview = text[text.index("Các kế hoạch (3)") :]
    for name in ("a/phuong-an-dong.json", "b/xa-tan-phong.json", "c/hong.json"):
        assert name in overview
    assert "Lỗi: c/hong.json: không phải JSON hợp lệ" in text


def test_terminal_colour_only_when_asked() -> None:
    plain = render(sample_run(), "text", "vi").decode()
    coloured = render(sample_run(), "text", "vi", color=True).decode()
    assert not ANSI.search(plain)
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured) == plain


def test_terminal_in_english() -> None:
    text = render(sample_run("en"), "text", "en").decode()
    assert "Gaps to fix (2)" in text and "Score: 72.5/100 — Needs work" in text
    assert "Fix: Bổ sung" in text and "Source:" in text
    assert "Thiếu sót" not in text


def test_terminal_narrow_table_wraps_long_file_names() -> None:
    long_name = "thu-muc-rat-dai/" * 6 + "ke-hoach.json"
    run = d.run(d.report(long_name), d.clean_report(), errors=[d.failure(long_name + ".bak.json")])
    lines = render(run, "text", "vi").decode().splitlines()
    assert max(len(line) for line in lines) <= 80


# --- Markdown ----------------------------------------------------------------------------------


def test_markdown_structure_and_escaping() -> None:
    text = render(hostile_run(), "md", "vi").decode()
    assert not re.search(r"(?<!\\)<", text)  # every < is escaped
    assert r"\<script\>alert(1)\</script\>" in text
    assert r"\| =HYPERLINK" in text  # a pipe cannot break a table or a line
    assert text.startswith("# ")
    many = render(sample_run(), "md", "vi").decode()
    assert many.startswith("# Báo cáo kiểm tra")
    assert "## " + md(LONG_TITLE) in many
    assert "### Thiếu sót cần khắc phục (2)" in many
    assert "**Cách khắc phục:** Bổ sung NQ76\\-2021\\-CITE" not in many  # IDs are not escaped
    assert "**Cách khắc phục:** Bổ sung NQ76-2021-CITE" in many
    assert "## Tệp không đọc được (1)" in many


def test_md_escape() -> None:
    assert md("a|b *c* _d_ [e](f) <g> `h` #i &j") == (
        r"a\|b \*c\* \_d\_ \[e\](f) \<g\> \`h\` \#i \&j"
    )
    assert md("dòng 1\ndòng   2") == "dòng 1 dòng 2"
    assert md(None) == ""


# --- HTML --------------------------------------------------------------------------------------


def test_html_plan_report_structure() -> None:
    page = parse(render(d.run(d.report(title="Kế hoạch năm 2024")), "html", "vi").decode())
    assert [e.text for e in page.find("h1")] == ["Kế hoạch năm 2024"]
    assert page.find("html")[0].attrs["lang"] == "vi"
    csp = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    assert csp and "default-src 'none'" in (csp[0].attrs["content"] or "")
    assert not page.find("script")  # a plan report needs no script
    assert len(page.with_class("article", "gap")) == 3  # 2 gaps + 1 advisory
    assert len(page.with_class("div", "fill")) == 6  # one bar per area
    widths = [e.attrs["style"] for e in page.with_class("div", "fill")]
    assert all(re.fullmatch(r"width: \d+\.\d%", w or "") for w in widths)
    fixes = page.with_class("div", "fix")
    assert len(fixes) == 3
    assert "Căn cứ: Nghị quyết 76/NQ-CP" in page.text and "Cách khắc phục" in page.text
    assert page.with_class("div", "score-box")[0].attrs["class"] == "score-box v-can_bo_sung"


def test_html_run_with_several_plans_has_contents_and_errors() -> None:
    page = parse(render(sample_run(), "html", "vi").decode())
    links = [a.attrs["href"] for a in page.find("a")]
    assert links == ["#plan-1", "#plan-2"]
    assert [s.attrs["id"] for s in page.find("section")] == ["plan-1", "plan-2"]
    assert "c/hong.json" in page.text and "không phải JSON hợp lệ" in page.text


def test_html_escapes_plan_text() -> None:
    html = render(hostile_run(), "html", "vi").decode()
    page = assert_safe(html, d.XSS)
    assert "<img src=x onerror=alert(2)>" in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_html_in_english() -> None:
    page = parse(render(sample_run("en"), "html", "en").decode())
    assert page.find("html")[0].attrs["lang"] == "en"
    assert "Gaps to fix (2)" in page.text and "Score by area" in page.text


# --- CSV ---------------------------------------------------------------------------------------


def _csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())  # Excel needs the BOM for Vietnamese
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_one_row_per_plan_and_rule_and_per_unreadable_file() -> None:
    run = sample_run()
    table = _csv(render(run, "csv", "vi"))
    header, body = table[0], table[1:]
    assert header[:4] == ["Tệp", "Số, ký hiệu", "Cơ quan ban hành", "Mã quy tắc"]
    assert len(body) == sum(len(p.results) for p in run.plans) + len(run.errors)
    files = [row[0] for row in body]
    assert files == sorted(files)
    error_rows = [row for row in body if row[0] == "c/hong.json"]
    assert len(error_rows) == 1 and "JSON" in error_rows[0][-1]
    status = header.index("Mã kết quả")
    assert {row[status] for row in body if row[0] == "b/xa-tan-phong.json"} == {
        "fail",
        "partial",
        "pass",
        "not_applicable",
        "waived",
    }


def test_csv_defuses_formulas() -> None:
    table = _csv(render(hostile_run(), "csv", "vi"))
    fix = table[0].index("Cách khắc phục")
    assert table[1][fix] == 'Bổ sung <b>căn cứ</b> | =HYPERLINK("x")'  # not at the start: kept
    run = d.run(d.report("=cmd.json"))
    assert _csv(render(run, "csv", "vi"))[1][0] == "'=cmd.json"


def test_summary_csv_one_row_per_input_file() -> None:
    from cchc.render.csv_out import render_summary

    table = _csv(render_summary(sample_run(), "en"))
    assert table[0][:3] == ["File", "Title", "Issuer"]
    assert [row[0] for row in table[1:]] == [
        "a/phuong-an-dong.json",
        "b/xa-tan-phong.json",
        "c/hong.json",
    ]
    verdict = table[0].index("Verdict")
    assert [row[verdict] for row in table[1:]] == ["Pass", "Needs work", "Unreadable"]
    assert "Citations score" in table[0]


# --- XLSX --------------------------------------------------------------------------------------


def test_xlsx_sheets_frozen_filtered_and_readable() -> None:
    run = d.run(
        d.report("b/xa-tan-phong.json"),
        d.report("=SUM(A1).json", title="=1+1"),
        errors=[d.failure("c/hong.json")],
    )
    wb = openpyxl.load_workbook(io.BytesIO(render(run, "xlsx", "vi")))
    assert wb.sheetnames == ["Tổng hợp", "Thiếu sót", "Theo quy tắc", "Tệp không đọc được"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
        assert ws["A1"].font.b
        assert ws.column_dimensions["A"].width >= 24
    summary = wb["Tổng hợp"]
    rows = list(summary.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["=SUM(A1).json", "b/xa-tan-phong.json", "c/hong.json"]
    assert rows[1][1] == "=1+1" and summary["B2"].data_type == "s"  # text, never a formula
    assert rows[2][7] == 72.5 and rows[2][8] == "Cần bổ sung"
    assert "Điểm Căn cứ, trích dẫn" in rows[0]
    assert summary.auto_filter.ref == f"A1:{summary.cell(1, len(rows[0])).column_letter}4"
    rules = list(wb["Theo quy tắc"].iter_rows(values_only=True))
    assert len(rules) == 1 + 6  # one row per rule, its results counted over both plans
    head = rules[0]
    by_rule = {r[0]: dict(zip(head, r, strict=True)) for r in rules[1:]}
    assert by_rule["NQ76-2021-CITE"]["Không đạt"] == 2
    assert by_rule["NQ76-2021-CITE"]["Tỷ lệ chưa đạt (%)"] == 100.0
    assert by_rule["STRUCT-SECTIONS"]["Đạt"] == 2
    assert by_rule["FORMS-MIX"]["Tỷ lệ chưa đạt (%)"] is None  # never judged
    assert rules[1][0] in ("NQ76-2021-CITE", "CAMAU-2014-DIALOGUE", "INDEX-NAMED")
    gaps = list(wb["Thiếu sót"].iter_rows(values_only=True))
    assert len(gaps) == 1 + 2 * 3
    errors = list(wb["Tệp không đọc được"].iter_rows(values_only=True))
    assert errors[1][0] == "c/hong.json"


def test_xlsx_has_no_timestamps() -> None:
    import zipfile

    data = render(sample_run(), "xlsx", "vi")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2


# --- JSON and the registry ---------------------------------------------------------------------


def test_json_round_trips() -> None:
    run = sample_run()
    assert CheckRun.model_validate(orjson.loads(render(run, "json", "vi"))) == run


def test_text_format_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys, reportdata as d\n"
        "from cchc.render import render\n"
        "render(d.run(d.report()), 'text', 'vi')\n"
        "print(sorted(m for m in ('jinja2', 'pandas', 'openpyxl') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=_env_with_tests(),
    )
    assert out.stdout.strip() == "[]"


def _env_with_tests() -> dict[str, str]:
    import os
    from pathlib import Path

    env = dict(os.environ)
    tests = str(Path(__file__).parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (tests, env.get("PYTHONPATH")) if p)
    return env

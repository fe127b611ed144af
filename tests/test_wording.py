"""What a newcomer reads: the closing line and its exit code, labels instead of internal names,
English output, bad dates, typos in rule IDs, a plan without issuer, the engine on Python 3.13."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc.cli import main
from cchc.render.labels import clause_text, source_text
from cchc.result import Source

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.json"))
TAN_PHONG = ROOT / "fixtures" / "seeds" / "tan-phong-2024.json"


def check(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["check", *args])
    return r.exit_code, r.stdout, r.stderr


# --- the README's first command and the closing line -------------------------------------------


def test_readme_explains_the_exit_code_beside_the_first_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = readme.index("cchc-check fixtures/seeds/tan-phong-2024.json")
    beside = readme[first : first + 600]
    assert "exit code" in beside.lower() or "mã thoát" in beside
    assert re.search(r"\b1\b", beside) and "gap" in beside


@pytest.mark.parametrize(
    "lang, header, closing",
    [
        ("vi", r"Thiếu sót cần khắc phục \((\d+)\)", r"(\d+) thiếu sót cần khắc phục — mã thoát 1"),
        ("en", r"Gaps to fix \((\d+)\)", r"(\d+) gaps to fix — exit code 1"),
    ],
)
def test_the_last_line_says_how_many_gaps_and_the_exit_code(
    lang: str, header: str, closing: str
) -> None:
    code, out, _ = check(str(TAN_PHONG), "--lang", lang)
    assert code == 1
    last = out.rstrip("\n").splitlines()[-1]
    m = re.fullmatch(closing, last)
    assert m, last
    assert m.group(1) == re.search(header, out).group(1)  # the same count as the list


def test_the_closing_line_for_exit_0_and_2(tmp_path: Path) -> None:
    code, out, _ = check(str(TAN_PHONG), "--fail-on", "critical", "--select", "NQ76-2021-CITE")
    assert code == 0
    assert out.rstrip().splitlines()[-1] == "Không có thiếu sót — mã thoát 0"
    bad = tmp_path / "hong.json"
    bad.write_text("{", encoding="utf-8")
    code, out, err = check(str(bad), "--lang", "en")
    assert code == 2
    assert out.rstrip().splitlines()[-1] == "1 unreadable files — exit code 2"
    assert "hong.json" in err


def test_machine_formats_have_no_closing_line() -> None:
    code, out, _ = check(str(TAN_PHONG), "--format", "json")
    assert code == 1
    json.loads(out)  # the whole output is the JSON document


# --- internal names --------------------------------------------------------------------------

RAW_NAMES = re.compile(
    # (a JSON pointer such as "/format_parts" is a plan.json location, meant to be shown)
    r"danh mục [A-Z]|(?<!/)format_parts|\bissuer\.\w+|document\.issue_date"
    r"|(?:Lĩnh vực|Mức|Area|Severity): (?:citations|validity|structure|content|reporting|forms"
    r"|major|minor|critical|advisory)\b"
    r"|\bcấp (?:province|district|commune|department|unit|ministry)\b"
    r"|\blevel (?:province|district|commune|department|unit|ministry)\b"
)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", ["text", "md"])
def test_no_internal_name_reaches_the_reader(fmt: str, lang: str) -> None:
    code, out, _ = check(*map(str, SEEDS), "--format", fmt, "--lang", lang)
    assert code == 1
    leaks = sorted({m.group(0) for m in RAW_NAMES.finditer(out)})
    assert not leaks, leaks


def test_catalogue_references_are_cut_from_clauses() -> None:
    # Shapes found in the shipped packs.
    assert clause_text("Mục III — danh mục STRUCT-ND30-FORMAT") == "Mục III"
    assert clause_text("Mục III; danh mục CITE-OUTDATED, LG2025-BNV-ROLE") == "Mục III"
    assert clause_text("Điều 125 (theo danh mục): hằng năm") == "Điều 125: hằng năm"
    assert (
        clause_text("cấp trên — danh mục CITE-PARENT-CHAIN; ở đây kiểm tra có")
        == "cấp trên; ở đây kiểm tra có"
    )
    assert clause_text("xem; danh mục FORM-BROADCAST-WEEKLY-15MIN (nguồn tiếng Anh: P)") == "xem"
    assert clause_text("(danh mục STRUCT-ORG-RESP) phải thuộc") == "phải thuộc"
    # "danh mục" as an ordinary word stays.
    assert clause_text("không có trong danh mục, chưa đối chiếu") == (
        "không có trong danh mục, chưa đối chiếu"
    )


def test_rules_show_uses_labels_and_suggests_the_nearest_ids() -> None:
    r = CliRunner().invoke(main, ["rules", "show", "STRUCT-REPORTING"])
    assert r.exit_code == 0
    second = r.stdout.splitlines()[1]
    assert "Lĩnh vực: Chế độ báo cáo" in second and "Mức: Quan trọng" in second
    assert "danh mục" not in r.stdout
    r = CliRunner().invoke(main, ["rules", "show", "STRUCT-REPORTNG"])
    assert r.exit_code == 2
    assert "STRUCT-REPORTING?" in r.stderr
    r = CliRunner().invoke(main, ["rules", "show", "nq76-2021-cte", "--lang", "en"])
    assert "did you mean: NQ76-2021-CITE?" in r.stderr
    r = CliRunner().invoke(main, ["rules", "show", "QQQQ"])
    assert r.exit_code == 2 and "cchc rules list" in r.stderr


# --- English ---------------------------------------------------------------------------------


def test_english_sources_translate_names_and_label_the_vietnamese() -> None:
    decree = Source(
        document="Nghị định 30/2020/NĐ-CP về công tác văn thư",
        number="30/2020/NĐ-CP",
        date="2020-03-05",
        issuer="Chính phủ",
        clause="Điều 8 khoản 1 — danh mục STRUCT-ND30-FORMAT",
    )
    assert source_text(decree, "en") == (
        "Decree 30/2020/NĐ-CP of 05/03/2020, Government — clause (Vietnamese): “Điều 8 khoản 1”"
    )
    assert source_text(decree, "vi") == (
        "Nghị định 30/2020/NĐ-CP về công tác văn thư, 05/03/2020, Chính phủ — Điều 8 khoản 1"
    )
    # A document or issuer without an English name is shown as written, labelled Vietnamese.
    local = Source(document="Công văn 244/PNV", date="2022-08-08", issuer="Phòng Nội vụ huyện X")
    assert source_text(local, "en").startswith("(Vietnamese) Công văn 244/PNV, 08/08/2022")


def test_english_output_keeps_vietnamese_only_where_labelled() -> None:
    code, out, _ = check(str(TAN_PHONG), "--lang", "en")
    assert code == 1
    for line in out.splitlines():
        if line.strip().startswith("Source:"):
            assert "clause (Vietnamese)" in line or "(Vietnamese)" in line or "“" not in line
    assert "Fix (quoted text in Vietnamese, to paste as is):" in out
    assert "Căn cứ" not in out and "Thiếu sót" not in out and "mã thoát" not in out


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["1/4/24", "2024-02-30", "tháng 4/2024"])
def test_a_bad_date_says_which_format_it_expects(value: str, tmp_path: Path) -> None:
    data = json.loads(TAN_PHONG.read_text(encoding="utf-8"))
    data["document"]["issue_date"] = value
    plan = tmp_path / "p.json"
    plan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = check(str(plan))
    assert code == 2
    assert "document.issue_date" in err and "yyyy-mm-dd" in err and "dd/mm/yyyy" in err


def test_a_bad_as_of_date_says_which_format_it_expects() -> None:
    code, _, err = check(str(TAN_PHONG), "--as-of", "2024-13-01")
    assert code == 2
    assert "yyyy-mm-dd" in err and "dd/mm/yyyy" in err and "%Y" not in err


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_plan_without_issuer_gets_one_message_in_reports_too(fmt: str, tmp_path: Path) -> None:
    data = json.loads(TAN_PHONG.read_text(encoding="utf-8"))
    data["issuer"] = {}
    plan = tmp_path / "p.json"
    plan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / f"r.{fmt}"
    code, _, _ = check(str(plan), "--format", fmt, "-o", str(out))
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("không xác định được cấp của cơ quan ban hành") == 1
    assert "STRUCT-REPORTING" in text and "NQ76-2021-CITE" in text  # the rules it concerns


def test_a_plan_without_issuer_gets_one_message_not_one_per_rule(tmp_path: Path) -> None:
    data = json.loads(TAN_PHONG.read_text(encoding="utf-8"))
    data["issuer"] = {}
    plan = tmp_path / "p.json"
    plan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = check(str(plan))
    assert code == 0  # what the input does not show is not a gap (it makes the verdict provisional)
    reason = "không xác định được cấp của cơ quan ban hành"
    assert out.lower().count(reason) == 1
    assert re.search(r"\d{2} quy tắc chưa đánh giá được", out)


# --- the engine where durable-rules is absent (Python 3.13) ------------------------------------


@pytest.fixture
def no_durable(monkeypatch: pytest.MonkeyPatch) -> None:
    import platform

    import cchc.checker

    monkeypatch.setattr(cchc.checker, "durable_available", lambda: False)
    monkeypatch.setattr(platform, "python_version", lambda: "3.13.10")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_engine_durable_says_it_is_unavailable(no_durable: None, lang: str) -> None:
    code, out, err = check(str(TAN_PHONG), "--engine", "durable", "--lang", lang)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "--engine durable" in err and "3.13.10" in err and "--engine python" in err


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_fallback_notice_fits_one_line(no_durable: None, lang: str) -> None:
    code, out, _ = check(str(TAN_PHONG), "--lang", lang)
    assert code == 1
    notice = [line for line in out.splitlines() if "durable-rules" in line]
    assert len(notice) == 1 and len(notice[0]) <= 80
    after = out.splitlines()[out.splitlines().index(notice[0]) + 1]
    assert after == ""  # nothing wrapped onto a second line
    code, out, _ = check(str(TAN_PHONG), "--format", "json")
    assert json.loads(out)["plans"][0]["engine"] == "python"


def test_a_source_that_does_not_bind_the_plan_is_shown_as_a_reference() -> None:
    # STRUCT-REPORTING is a recommendation (Decree 09/2019's reporting regime, a ministry
    # practice, a Xuân Lộc letter): shown as a reference, not as the plan's legal basis.
    code, out, _ = check(str(TAN_PHONG), "--select", "STRUCT-REPORTING,CT23-2021-CITE")
    assert code == 1
    blocks = re.split(r"\n\s*\d+\. ", out)
    reporting = next(b for b in blocks if b.startswith("STRUCT-REPORTING"))
    citation = next(b for b in blocks if b.startswith("CT23-2021-CITE"))
    assert "Tham khảo (khuyến nghị, không ràng buộc): Nghị định 09/2019" in reporting
    assert "Căn cứ:" not in reporting
    assert "Căn cứ: Chỉ thị 23/CT-TTg" in citation

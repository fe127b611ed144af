"""Every result says where in the plan it looked: its evidence entries resolve in the plan, their
quotes are the plan's own words, and a gap names the parts of the plan that were searched."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from cchc.checker import Checker, CheckOptions, run_check
from cchc.evidence import excerpt, table
from cchc.messages import MESSAGES
from cchc.model import Plan
from cchc.result import QUOTE_MAX, PlanReport, RuleResult, Status
from cchc.rulepack import KNOWN_FACTS
from conftest import SEED_FILES, SEEDS, SYNTHETIC_FILES

GAP = {Status.failed, Status.partial, Status.error, Status.waived}
SEED_TEXTS = sorted((SEEDS / "text").glob("*.txt"))


@cache
def checker() -> Checker:
    # The evidence does not depend on the backend; the reference one starts faster.
    return Checker(CheckOptions(engine="python"))


@cache
def checked(path: Path) -> PlanReport:
    return checker().check_path(path)


def resolve_pointer(data: Any, pointer: str) -> Any:
    """RFC 6901: '/activities/3' → data['activities'][3] (KeyError/IndexError if absent)."""
    current = data
    for raw in pointer.split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        current = current[int(part)] if isinstance(current, list) else current[part]
    return current


def by_rule(report: PlanReport) -> dict[str, RuleResult]:
    return {r.rule: r for r in report.results}


# --- the table of places -----------------------------------------------------------------------


def test_every_fact_the_rules_can_read_has_its_places() -> None:
    tbl = table()
    assert set(tbl.facts) >= KNOWN_FACTS, sorted(KNOWN_FACTS - set(tbl.facts))
    plan_keys = set(Plan.model_fields)
    for name in tbl.places:
        assert name in plan_keys, name
    for fact, src in tbl.facts.items():
        assert src.places and set(src.places) <= set(tbl.places), fact
    for reason, places in tbl.applicability.items():
        assert reason in MESSAGES, reason
        assert set(places) <= set(tbl.places), reason
    for place in tbl.places.values():
        assert place.label["vi"] and place.label["en"] and place.scope["vi"] and place.scope["en"]


@pytest.mark.parametrize("path", SEED_FILES + SYNTHETIC_FILES, ids=lambda p: p.stem)
def test_every_value_of_a_list_fact_is_traced_to_a_plan_item(path: Path) -> None:
    """cchc.evidence reads the plan as cchc.facts does: each value a rule can match has the
    plan items it came from."""
    from cchc.evidence import Sources
    from cchc.facts import derive
    from cchc.loader import load_plan

    plan_ = load_plan(path)
    facts = derive(plan_)
    sources = Sources(plan_)
    for fact, src in table().facts.items():
        if src.match is None or src.items:
            continue
        for value in facts.get(fact, []):
            assert sources(fact, value), (fact, value)


def test_excerpt_is_a_short_exact_substring_around_its_focus() -> None:
    text = (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; căn cứ Nghị định số "
        "30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư; "
        * 3
        + "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình "
        "tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;"
    )
    quote = excerpt(text, ["76/NQ-CP"])
    assert len(quote) <= QUOTE_MAX
    assert quote in text
    assert "76/NQ-CP" in quote
    assert excerpt("ngắn", ["x"]) == "ngắn"
    # no focus found: the start of the sentence
    assert text.startswith(excerpt(text, ["không có"]))


# --- seeds and synthetic plans as plan.json ----------------------------------------------------

PLAN_FILES = SEED_FILES + SYNTHETIC_FILES


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_every_result_has_evidence_or_says_where_it_looked(path: Path) -> None:
    report = checked(path)
    assert report.results
    for r in report.results:
        assert r.evidence or r.looked_in, r.rule
        if r.status in GAP:
            assert r.looked_in, r.rule


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_every_pointer_resolves_and_every_quote_is_the_items_own_words(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    report = checked(path)
    for r in report.results:
        for e in r.evidence:
            item = resolve_pointer(data, e.pointer)  # raises when it does not resolve
            if e.quote is not None:
                assert len(e.quote) <= QUOTE_MAX
                assert e.quote in item["evidence"], (r.rule, e.pointer)
            if isinstance(e.value, dict):
                for key, shown in e.value.items():
                    original = item[key]
                    if isinstance(shown, str) and isinstance(original, str):
                        assert shown in original, (r.rule, e.pointer, key)
                    elif key not in ("date", "issue_date", "start", "end", "deadline", "due_date"):
                        assert shown == original, (r.rule, e.pointer, key)


def test_seed_counts_of_results_with_evidence() -> None:
    """Most results point at a plan item; the rest say where they looked."""
    total = with_items = 0
    for path in SEED_FILES:
        for r in checked(path).results:
            total += 1
            with_items += bool(r.evidence)
    assert total and with_items / total >= 0.8, (with_items, total)


# --- one case per check kind -------------------------------------------------------------------


def plan(**parts: Any) -> Plan:
    base: dict[str, Any] = {
        "document": {
            "kind": "KH",
            "number": "12/KH-UBND",
            "issue_date": "2024-02-01",
            "evidence": "Số: 12/KH-UBND Tân An, ngày 01 tháng 02 năm 2024",
        },
        "issuer": {
            "name": "UBND xã Tân An",
            "level": "commune",
            "province": "Tây Ninh",
            "evidence": "ỦY BAN NHÂN DÂN XÃ TÂN AN",
        },
        "period": {"start": "2024-01-01", "end": "2024-12-31"},
    }
    base.update(parts)
    return Plan.model_validate(base)


CITE_2013 = {
    "kind": "NQ",
    "number": "76/NQ-CP",
    "date": "2013-06-13",
    "issuer": "Chính phủ",
    "evidence": "Căn cứ Nghị quyết số 76/NQ-CP ngày 13/6/2013 của Chính phủ sửa đổi, bổ sung "
    "Nghị quyết số 30c/NQ-CP;",
}
CITE_2021 = dict(
    CITE_2013,
    date="2021-07-15",
    evidence="Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
)


def check(p: Plan) -> dict[str, RuleResult]:
    return by_rule(checker().check_plan(p, "plan.json"))


def test_citation_failing_shows_the_nearest_wrong_citation_and_the_basis_searched() -> None:
    r = check(plan(cited_documents=[CITE_2013]))["NQ76-2021-CITE"]
    assert r.status in (Status.failed, Status.partial)  # the number alone may earn a part
    assert [e.pointer for e in r.evidence] == ["/cited_documents/0"]
    assert "76/NQ-CP ngày 13/6/2013" in (r.evidence[0].quote or "")
    assert r.evidence[0].value["date"] == "2013-06-13"
    assert r.looked_in and "Căn cứ" in r.looked_in and "/cited_documents" in r.looked_in


def test_citation_passing_points_at_the_matching_citation() -> None:
    other = dict(CITE_2013, number="30c/NQ-CP", date="2011-11-08", evidence="Căn cứ 30c;")
    r = check(plan(cited_documents=[other, CITE_2021]))["NQ76-2021-CITE"]
    assert r.status == Status.passed
    assert [e.pointer for e in r.evidence] == ["/cited_documents/1"]
    assert r.looked_in is None


def test_citation_missing_altogether_says_where_it_looked() -> None:
    r = check(plan())["NQ76-2021-CITE"]
    assert r.status == Status.failed and r.evidence == []
    assert "/cited_documents" in (r.looked_in or "")


DIALOGUE = {
    "form": "dialogue",
    "count": 1,
    "per": "year",
    "owner": "UBND xã",
    "deadline": "2024-09-30",
    "evidence": "Tổ chức 01 hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân trong năm.",
}
WEBSITE = {
    "form": "website",
    "owner": "Văn phòng",
    "deadline": "2024-12-31",
    "evidence": "Đăng tin trên Trang thông tin điện tử của xã.",
}


def test_activity_check_points_at_the_activities_of_its_form() -> None:
    results = check(plan(activities=[WEBSITE, DIALOGUE]))
    r = results["LGO2015-COMMUNE-DIALOGUE"]
    assert r.status == Status.passed
    assert [e.pointer for e in r.evidence] == ["/activities/1"]
    assert r.evidence[0].value["form"] == "dialogue"
    # a partial (one dialogue over a two-year plan): the dialogue is still the item shown
    two_years = {"start": "2024-01-01", "end": "2025-12-31"}
    once = dict(DIALOGUE, count=1, per="period")
    partial = check(plan(period=two_years, activities=[WEBSITE, once]))
    r = partial["LGO2015-COMMUNE-DIALOGUE"]
    assert r.status == Status.partial
    assert [e.pointer for e in r.evidence] == ["/activities/1"]
    assert r.looked_in and "/activities" in r.looked_in
    # none at all: where it looked
    r = check(plan(activities=[WEBSITE]))["LGO2015-COMMUNE-DIALOGUE"]
    assert r.status == Status.failed and r.evidence == []
    assert "/activities" in (r.looked_in or "")


def test_structure_check_points_at_the_sections() -> None:
    sections = [
        {"kind": "purpose", "heading": "I. MỤC ĐÍCH, YÊU CẦU", "evidence": "I. MỤC ĐÍCH, YÊU CẦU"},
        {"kind": "content", "heading": "II. NỘI DUNG", "evidence": "II. NỘI DUNG"},
    ]
    r = check(plan(sections=sections))["STRUCT-CORE-SECTIONS"]
    assert r.status == Status.partial
    assert [e.pointer for e in r.evidence] == ["/sections/0", "/sections/1"]
    assert r.evidence[1].quote == "II. NỘI DUNG"
    assert "/sections" in (r.looked_in or "")


def test_header_checks_point_at_the_issuer_and_the_document() -> None:
    issuer = {
        "name": "UBND xã Tân An",
        "level": "commune",
        "province": "Tây Ninh",
        "other_names": ["Ủy ban nhân dân huyện Tân An"],
        "evidence": "Ủy ban nhân dân huyện Tân An ban hành Kế hoạch",
    }
    r = check(plan(issuer=issuer))["STRUCT-ISSUER-NAME"]
    assert r.status == Status.failed
    assert [e.pointer for e in r.evidence] == ["/issuer"]
    assert r.evidence[0].quote == issuer["evidence"]
    r = check(plan())["STRUCT-ISSUED-EARLY"]
    assert r.status == Status.passed
    assert "/document" in [e.pointer for e in r.evidence]


def test_reporting_and_budget_checks_point_at_their_lines() -> None:
    duty = {
        "title": "báo cáo kết quả năm",
        "to": "UBND huyện",
        "due_date": "2024-11-15",
        "frequency": "year",
        "evidence": "Báo cáo kết quả thực hiện gửi UBND huyện trước ngày 15/11/2024.",
    }
    budget = {"source": "ngân sách xã", "evidence": "Kinh phí thực hiện từ ngân sách xã."}
    results = check(
        plan(reporting=[duty], budget=[{"evidence": "Kinh phí: theo dự toán."}, budget])
    )
    r = results["STRUCT-REPORTING"]
    assert r.status == Status.passed and [e.pointer for e in r.evidence] == ["/reporting/0"]
    r = results["STRUCT-FUNDING-SOURCE"]
    assert r.status == Status.passed and [e.pointer for e in r.evidence] == ["/budget/1"]


def test_generic_condition_points_at_the_items_behind_its_facts() -> None:
    # STRUCT-ONLINE-TRADITIONAL is a `when` on n_online_forms and n_traditional_forms.
    results = check(plan(activities=[WEBSITE]))
    r = results["STRUCT-ONLINE-TRADITIONAL"]
    assert r.status == Status.partial
    assert [e.pointer for e in r.evidence] == ["/activities/0"]
    r = check(plan(activities=[WEBSITE, DIALOGUE]))["STRUCT-ONLINE-TRADITIONAL"]
    assert r.status == Status.passed
    assert [e.pointer for e in r.evidence] == ["/activities/0", "/activities/1"]


def test_a_rule_that_does_not_apply_points_at_what_decided_it() -> None:
    r = check(plan())["CAMAU-2014-DISTRICT-DIALOGUE"]
    assert r.status == Status.not_applicable
    assert r.evidence and r.evidence[0].pointer in ("/issuer", "/document", "/period")


def test_waived_gap_keeps_its_evidence(tmp_path: Path) -> None:
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        "waivers:\n  - rule: NQ76-2021-CITE\n    plan: 12/KH-UBND\n    reason: cited in the covering letter\n",
        encoding="utf-8",
    )
    plan_file = tmp_path / "p.json"
    plan_file.write_text(
        plan(cited_documents=[CITE_2013]).model_dump_json(exclude_none=True), encoding="utf-8"
    )
    run = run_check([str(plan_file)], Checker(CheckOptions(engine="python", waivers=waivers))).run
    r = by_rule(run.plans[0])["NQ76-2021-CITE"]
    assert r.status == Status.waived
    assert [e.pointer for e in r.evidence] == ["/cited_documents/0"] and r.looked_in


# --- seed texts --------------------------------------------------------------------------------


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", SEED_TEXTS, ids=lambda p: p.stem)
def test_seed_texts_every_quote_is_at_its_paragraph_and_line(path: Path) -> None:
    """A reader goes to the stated paragraph of the cleaned text, or the stated line of the
    file, and finds the quoted words there (a sentence broken over lines continues below)."""
    from cchc.extract import read_document
    from cchc.extract.clean import clean

    raw, _ = read_document(path)
    paragraphs = clean(raw).lines
    # The file's lines as a reader sees them (NFC, Markdown emphasis shown as emphasis).
    shown = unicodedata.normalize("NFC", raw).replace("*", "")
    file_lines = shown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    located = quoted = 0
    for r in checked(path).results:
        for e in r.evidence:
            if e.quote is None:
                continue
            quoted += 1
            assert e.paragraph is not None and e.line is not None, (r.rule, e.pointer)
            located += 1
            # A header's evidence joins its lines (with " | " between columns): the quote
            # starts in the stated paragraph and may run on into the next ones.
            quote = _flat(e.quote.replace(" | ", " "))
            first = paragraphs[e.paragraph - 1]
            run_on = _flat(" ".join(paragraphs[e.paragraph - 1 : e.paragraph + 4]))
            assert quote in run_on, (r.rule, e.pointer, e.paragraph)
            assert run_on.find(quote) < len(_flat(first)), (r.rule, e.pointer, e.paragraph)
            # From the stated line of the file, the quote is within the next few lines.
            below = _flat(" ".join(file_lines[e.line - 1 : e.line + 8]))
            assert quote in below, (r.rule, e.pointer, e.line)
    assert quoted and located == quoted


@pytest.mark.parametrize("path", SEED_TEXTS, ids=lambda p: p.stem)
def test_seed_texts_every_result_has_evidence_or_where_it_looked(path: Path) -> None:
    from cchc.extract import extract_file

    plan_ = extract_file(path).plan
    data = plan_.model_dump(mode="json")
    report = checked(path)
    for r in report.results:
        assert r.evidence or r.looked_in, r.rule
        for e in r.evidence:
            item = resolve_pointer(data, e.pointer)
            if e.quote is not None:
                assert e.quote in item["evidence"], (r.rule, e.pointer)


# --- every renderer shows it -------------------------------------------------------------------

QUOTE = "Tổ chức 01 hội nghị đối thoại trong năm."
AT_VI = "Nhiệm vụ, hình thức, đoạn 41, dòng 58"


def sample() -> Any:
    import reportdata as d

    return d.run(d.report("xa-tan-phong.json"))


def test_terminal_shows_one_line_under_each_gap() -> None:
    from cchc.render import render

    text = render(sample(), "text", "vi", width=200).decode()
    assert f"↳ {AT_VI}: “{QUOTE}”" in text
    assert "↳ Đã tìm ở: Căn cứ (/cited_documents) — không thấy" in text
    en = render(sample(), "text", "en", width=200).decode()
    assert "↳ Tasks and forms, paragraph 41, line 58" in en
    assert "↳ Searched: Căn cứ (/cited_documents) — not found" in en


def test_html_marks_the_quote_with_its_location_and_keeps_passes_collapsed() -> None:
    from cchc.render import render

    html = render(sample(), "html", "vi").decode()
    assert f"<mark>{QUOTE}</mark>" in html
    assert AT_VI in html
    assert "Đã tìm ở: Căn cứ (/cited_documents) — không thấy" in html
    # the table of every result, with each result's evidence, is inside a closed <details>
    details = html[html.index("<details>") : html.index("</details>")]
    assert "<details open" not in html
    assert f"<mark>{QUOTE}</mark>" in details


def test_html_escapes_plan_words_inside_the_mark() -> None:
    import reportdata as d
    from cchc.render import render

    r = d.result("NQ76-2021-CITE", Status.failed, evidence=["<img src=x onerror=alert(2)>"])
    html = render(d.run(d.report("x.json", results=[r])), "html", "vi").decode()
    assert "<mark>&lt;img src=x onerror=alert(2)&gt;</mark>" in html
    assert "<img src=x" not in html


def test_csv_and_xlsx_have_location_quote_and_searched_columns() -> None:
    import csv
    import io

    import openpyxl

    from cchc.render import render

    rows = list(csv.reader(io.StringIO(render(sample(), "csv", "vi").decode("utf-8-sig"))))
    head = rows[0]
    at, quote, looked = (
        head.index("Vị trí trong kế hoạch"),
        head.index("Trích từ kế hoạch"),
        head.index("Đã tìm ở"),
    )
    by = {row[head.index("Mã quy tắc")]: row for row in rows[1:]}
    assert by["CAMAU-2014-DIALOGUE"][at] == AT_VI
    assert by["CAMAU-2014-DIALOGUE"][quote] == QUOTE
    assert by["NQ76-2021-CITE"][looked] == "Căn cứ (/cited_documents)"
    wb = openpyxl.load_workbook(io.BytesIO(render(sample(), "xlsx", "vi")))
    sheet = wb["Thiếu sót"]
    header = [c.value for c in sheet[1]]
    cells = {row[header.index("Mã quy tắc")]: row for row in sheet.iter_rows(2, values_only=True)}
    assert cells["CAMAU-2014-DIALOGUE"][header.index("Vị trí trong kế hoạch")] == AT_VI
    assert cells["CAMAU-2014-DIALOGUE"][header.index("Trích từ kế hoạch")] == QUOTE
    assert cells["NQ76-2021-CITE"][header.index("Đã tìm ở")] == "Căn cứ (/cited_documents)"


def test_json_and_markdown_carry_the_fields() -> None:
    from cchc.render import render

    data = json.loads(render(sample(), "json", "vi"))
    results = {r["rule"]: r for r in data["plans"][0]["results"]}
    entry = results["CAMAU-2014-DIALOGUE"]["evidence"][0]
    assert entry == {
        "pointer": "/activities/3",
        "quote": QUOTE,
        "value": {"form": "dialogue", "count": 1, "per": "year"},
        "page": None,
        "paragraph": 41,
        "line": 58,
    }
    assert results["NQ76-2021-CITE"]["looked_in"] == "Căn cứ (/cited_documents)"
    md = render(sample(), "md", "vi").decode()
    assert f"> *{AT_VI}*: {QUOTE}" in md
    assert "Đã tìm ở: Căn cứ (/cited\\_documents) — không thấy" in md


def test_report_schema_describes_evidence_entries() -> None:
    from cchc.result import report_schema

    schema = report_schema()
    ref = schema["$defs"]["EvidenceRef"]
    assert ref["required"] == ["pointer"]
    assert set(ref["properties"]) == {"pointer", "quote", "value", "page", "paragraph", "line"}
    result = schema["$defs"]["RuleResult"]["properties"]
    assert result["evidence"]["items"] == {"$ref": "#/$defs/EvidenceRef"}
    assert "looked_in" in result


def test_a_real_check_renders_its_evidence_in_every_format() -> None:
    from cchc.render import FORMATS, render

    path = SEEDS / "tan-phong-2024.json"
    run = run_check([str(path)], checker()).run
    quote = by_rule(run.plans[0])["STRUCT-ISSUER-NAME"].evidence[0].quote
    assert quote and quote.startswith("Ủy ban nhân dân huyện Tân Phong")
    for fmt in sorted(FORMATS):
        out = render(run, fmt, "vi")
        if fmt == "xlsx":
            continue  # binary: read through openpyxl above
        text = out.decode("utf-8-sig")
        assert "Ủy ban nhân dân huyện Tân Phong" in text, fmt


def test_batch_outputs_carry_the_evidence(tmp_path: Path) -> None:
    import csv
    import shutil

    from click.testing import CliRunner

    from cchc.cli import main

    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(SEEDS / "tan-phong-2024.json", plans / "a.json")
    shutil.copy(SEEDS / "text" / "tan-phong-2024.txt", plans / "b.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(plans), "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    with (out / "results.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    head = rows[0]
    issuer = {
        row[0]: row for row in rows[1:] if row[head.index("Mã quy tắc")] == "STRUCT-ISSUER-NAME"
    }
    at = head.index("Vị trí trong kế hoạch")
    assert issuer["a.json"][at] == "Cơ quan ban hành, /issuer"
    assert re.fullmatch(r"Cơ quan ban hành, đoạn \d+, dòng \d+", issuer["b.txt"][at])
    for row in issuer.values():
        assert row[head.index("Trích từ kế hoạch")].startswith("Ủy ban nhân dân huyện Tân Phong")
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    for plan_ in data["plans"]:
        assert all(r["evidence"] or r["looked_in"] for r in plan_["results"])
    pages = sorted((out / "plans").glob("*.html"))
    assert len(pages) == 2
    for page in pages:
        assert "<mark>Ủy ban nhân dân huyện Tân Phong" in page.read_text(encoding="utf-8")


def test_docx_and_pdf_results_point_at_paragraphs_and_pages(tmp_path: Path) -> None:
    from _extract_docs import vietnamese_font, write_docx, write_pdf
    from cchc.evidence import location_label

    docx_report = checker().check_path(write_docx(tmp_path / "p.docx"))
    entries = [e for r in docx_report.results for e in r.evidence if e.quote]
    assert entries and all(e.paragraph is not None and e.page is None for e in entries)
    assert re.search(r", đoạn \d+$", location_label(entries[0], "vi"))
    font = vietnamese_font()
    if font is None:
        pytest.skip("no font with Vietnamese glyphs (fonts-dejavu-core)")
    pdf_report = checker().check_path(write_pdf(tmp_path / "p.pdf", font))
    entries = [e for r in pdf_report.results for e in r.evidence if e.quote]
    assert entries and all(e.page is not None and e.line is not None for e in entries)
    assert re.search(r", trang \d+, dòng \d+$", location_label(entries[0], "vi"))


def test_html_links_a_location_when_the_view_gives_it_a_link() -> None:
    from cchc.render.html import environment
    from cchc.render.view import plan_view

    view = plan_view(sample().plans[0], "vi")
    dialogue = next(g for g in view["gaps"] if g["rule"] == "CAMAU-2014-DIALOGUE")
    dialogue["evidence"][0]["href"] = "/reports/1/source#p41"
    page = environment().get_template("plan.html.j2")
    html = page.render(
        lang="vi",
        msg=lambda key, **kw: key,
        tool="cchc-check",
        version="0",
        generated=None,
        css="",
        plans=[view],
        errors=[],
        back=None,
    )
    assert f'<a href="/reports/1/source#p41">{AT_VI}</a>' in html

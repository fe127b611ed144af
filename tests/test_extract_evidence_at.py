"""`evidence_at`: every extracted item says where its sentence is written in the source, so a
reader finds it (line of a .txt, paragraph of a .docx, page and line of a PDF)."""

from __future__ import annotations

from pathlib import Path

import pytest

from _extract_docs import HEADER, plan_lines, vietnamese_font, write_docx, write_pdf, write_txt
from cchc.extract import extract_file, extract_text
from cchc.extract.clean import clean
from cchc.model import Plan

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds" / "text"


def _items(plan: Plan) -> list:  # type: ignore[type-arg]
    return [
        plan.document,
        plan.issuer,
        plan.period,
        *plan.cited_documents,
        *plan.implements,
        *plan.sections,
        *plan.objectives,
        *plan.audiences,
        *plan.topics,
        *plan.activities,
        *plan.reporting,
        *plan.budget,
        *plan.indices,
    ]


def _by_evidence(plan: Plan, start: str):  # type: ignore[no-untyped-def]
    return next(i for i in _items(plan) if i.evidence and i.evidence.startswith(start))


def test_txt_gives_the_file_line_and_the_paragraph_of_the_cleaned_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    lines = plan_lines()
    # Blank lines and a sentence broken over two lines, as web copies have them.
    broken = [*lines[:10], "", "", *lines[10:]]
    path.write_text("\n".join(broken), encoding="utf-8")
    plan = extract_file(path).plan
    hoi_thi = next(a for a in plan.activities if a.form.value == "contest")
    want_line = broken.index(next(ln for ln in broken if "hội thi" in ln)) + 1
    assert hoi_thi.evidence_at is not None
    assert (hoi_thi.evidence_at.page, hoi_thi.evidence_at.line) == (None, want_line)
    assert hoi_thi.evidence_at.paragraph == lines.index(broken[want_line - 1]) + 1
    budget = plan.budget[0]
    assert budget.evidence_at and budget.evidence_at.line == len(broken)


def test_a_sentence_joined_from_broken_lines_points_at_its_own_line() -> None:
    text = "\n".join(
        [
            "KẾ HOẠCH",
            "Tuyên truyền cải cách hành chính năm 2024",
            "I. HÌNH THỨC",
            "1. Tổ chức hội thi tìm hiểu về cải cách",
            "hành chính cho học sinh. Đăng tin trên Trang thông tin điện",
            "tử xã mỗi tháng 02 tin bài.",
        ]
    )
    cleaned = clean(text)
    assert cleaned.lines[-1].startswith("1. Tổ chức hội thi")
    assert [off for off, _ in cleaned.anchors[-1]] == [0, 40, 100]
    plan = extract_text(text).plan
    web = next(a for a in plan.activities if a.form.value == "website")
    assert web.evidence_at is not None and web.evidence_at.line == 5  # the sentence starts there


def test_every_item_of_every_seed_is_located() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        plan = extract_file(path).plan
        lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
        for item in _items(plan):
            if not item.evidence:
                continue
            assert item.evidence_at is not None, (path.name, item.evidence)
            first = item.evidence.split(" | ")[0]
            source = lines[item.evidence_at.line - 1]
            # The quote starts on that line (a quote over several lines starts with it).
            assert source.strip()[:12] in first or first[:12] in " ".join(source.split()), (
                path.name,
                item.evidence,
                source,
            )


def test_docx_gives_the_body_paragraph_counting_tables(tmp_path: Path) -> None:
    plan = extract_file(write_docx(tmp_path / "plan.docx")).plan
    # The header table holds HEADER (6 paragraphs, cell by cell in document order: left
    # cell 3, right cell 3); then the title, the body, the forms list...
    title_at = len(HEADER) + 1
    assert plan.period.evidence_at and plan.period.evidence_at.paragraph == title_at
    nq76 = next(c for c in plan.cited_documents if c.number == "76/NQ-CP")
    assert nq76.evidence_at and nq76.evidence_at.paragraph == title_at + 2
    assert (nq76.evidence_at.page, nq76.evidence_at.line) == (None, None)
    number = plan.document.evidence_at
    assert number and number.paragraph == 3  # "Số: 15/KH-UBND", third line of the left cell
    # A row of the task table: the paragraph of its first cell; the table's head row comes
    # first, 4 cells of one paragraph each (python-docx adds a paragraph per cell).
    contest = next(a for a in plan.activities if a.form.value == "contest")
    lines = plan_lines()
    before_table = lines.index("STT | Nội dung | Cơ quan chủ trì | Thời gian")
    assert contest.evidence_at and contest.evidence_at.paragraph == before_table + 1 + 4


needs_font = pytest.mark.skipif(vietnamese_font() is None, reason="no font with Vietnamese glyphs")


@needs_font
def test_pdf_gives_page_and_line(tmp_path: Path) -> None:
    plan = extract_file(write_pdf(tmp_path / "plan.pdf", vietnamese_font())).plan  # type: ignore[arg-type]
    assert plan.document.evidence_at and plan.document.evidence_at.page == 1
    assert plan.document.evidence_at.line == 3  # the third line of the header's left column
    at = [i.evidence_at for i in _items(plan) if i.evidence]
    assert all(a is not None and a.page == 1 and a.line for a in at)
    budget = plan.budget[0].evidence_at
    nq76 = next(c for c in plan.cited_documents if c.number == "76/NQ-CP").evidence_at
    assert budget and nq76 and budget.line > nq76.line


def test_positions_survive_json_round_trip(tmp_path: Path) -> None:
    plan = extract_file(write_txt(tmp_path / "plan.txt")).plan
    again = Plan.model_validate(plan.model_dump(mode="json"))
    assert again == plan
    with pytest.raises(ValueError):
        Plan.model_validate({"activities": [{"form": "press", "evidence_at": {"line": 0}}]})

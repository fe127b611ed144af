"""`cchc-check plan.docx --annotate`: the gaps as Word comments, anchored where they belong, in
an otherwise untouched copy of the author's document; checked again after LibreOffice has
opened the result."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from _extract_docs import TITLE, write_docx, write_txt
from cchc.annotate import annotate
from cchc.cli import main
from cchc.result import PlanReport, Status
from reportdata import report, result

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEED_JSON = Path(__file__).parents[1] / "fixtures" / "seeds" / "tan-phong-2024.json"

# Where each kind of gap belongs in the Tân Hòa plan of tests/_extract_docs.py, read from that
# document: the start of the anchored text. A missing citation goes on the basis lines, a missing
# reporting duty on "Tổ chức thực hiện" (the plan has no reporting section), content on the forms
# section (it has no content section either), a rule on the plan as a whole on its title.
EXPECTED_ANCHOR = {
    "citations": "Căn cứ Nghị quyết số 76/NQ-CP",
    "validity": "Căn cứ Nghị quyết số 76/NQ-CP",
    "format": "ỦY BAN NHÂN DÂN",
    "structure": TITLE[1],
    "content": "III. HÌNH THỨC TUYÊN TRUYỀN",
    "audiences": "II. ĐỐI TƯỢNG",
    "forms": "III. HÌNH THỨC TUYÊN TRUYỀN",
    "dialogue": "III. HÌNH THỨC TUYÊN TRUYỀN",
    "media": "III. HÌNH THỨC TUYÊN TRUYỀN",
    "organisation": "IV. TỔ CHỨC THỰC HIỆN",
    "deadlines": "IV. TỔ CHỨC THỰC HIỆN",
    "reporting": "IV. TỔ CHỨC THỰC HIỆN",
    "funding": "V. KINH PHÍ",
    "indices": "I. MỤC ĐÍCH, YÊU CẦU",
}


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def comment_anchors(path: Path) -> dict[int, str]:
    """Comment id → the document text between its range start and end, read from the XML."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    open_ids: set[int] = set()
    text: dict[int, list[str]] = {}
    for el in root.iter():
        if el.tag == f"{W}commentRangeStart":
            cid = int(el.get(f"{W}id"))
            open_ids.add(cid)
            text[cid] = []
        elif el.tag == f"{W}commentRangeEnd":
            open_ids.discard(int(el.get(f"{W}id")))
        elif el.tag == f"{W}t" and el.text:
            for cid in open_ids:
                text[cid].append(el.text)
        elif el.tag == f"{W}p":
            for cid in open_ids:
                text[cid].append(" ")
    return {cid: _norm("".join(parts)) for cid, parts in text.items()}


def _check(args: list[str]) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["check", *args])
    return r.exit_code, r.stdout, r.stderr


def _json_report(plan: Path) -> PlanReport:
    code, out, _ = _check([str(plan), "--format", "json"])
    assert code in (0, 1), out
    import json

    return PlanReport.model_validate(json.loads(out)["plans"][0])


@pytest.fixture(scope="module")
def annotated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, PlanReport]:
    tmp = tmp_path_factory.mktemp("annotate")
    plan = write_docx(tmp / "plan.docx")
    code, out, err = _check([str(plan), "--annotate"])
    assert code == 1, out + err
    target = tmp / "plan.cchc.docx"
    assert target.exists()
    assert str(target) in err
    return plan, target, _json_report(plan)


def test_every_gap_has_its_comment_with_requirement_source_and_fix(annotated) -> None:
    _, target, rep = annotated
    gaps = [
        r
        for r in rep.results
        if r.status in (Status.failed, Status.partial, Status.error, Status.unknown)
    ]
    assert len(gaps) >= 3
    comments = list(docx.Document(str(target)).comments)
    texts = [c.text for c in comments]
    assert all(c.author == "cchc-check" for c in comments)
    groups = [x for x in texts if "quy tắc chưa đánh giá được" in x]
    grouped = 0
    for gap in gaps:
        mine = [x for x in texts if f"Mã quy tắc: {gap.rule}" in x]
        listed = [x for x in groups if re.search(rf"\b{gap.rule}\b", x.split("Các quy tắc:")[1])]
        assert len(mine) + len(listed) == 1, gap.rule
        if listed:
            # Left unevaluated for a reason many rules share: one comment says it once.
            assert gap.message in listed[0] and str(gap.status) in ("error", "unknown")
            grouped += 1
            continue
        body = mine[0]
        assert body.startswith(gap.title)
        assert gap.message in body
        label = (
            "Căn cứ" if gap.binding == "requirement" else "Tham khảo (khuyến nghị, không ràng buộc)"
        )
        assert f"{label}: {gap.source.document}" in body
        if gap.fix:
            assert f"Sửa (câu mẫu để dán): {gap.fix}" in body
        assert "danh mục" not in body  # the catalogue's internal IDs are not the author's business
    assert len(comments) == 1 + len(gaps) - grouped + len(groups)  # and the summary
    assert all(len(x.split("Các quy tắc:")[1].split(",")) >= 3 for x in groups)


def test_comments_are_anchored_where_each_gap_belongs(annotated) -> None:
    _, target, rep = annotated
    anchors = comment_anchors(target)
    by_rule = {}
    for c in docx.Document(str(target)).comments:
        m = re.search(r"Mã quy tắc: (\S+)", c.text)
        if m or c.text.startswith("cchc-check:"):
            by_rule[m.group(1) if m else None] = c.comment_id
    # The summary with score and verdict sits on the title.
    assert anchors[by_rule[None]] == _norm(TITLE[1])
    summary = next(c for c in docx.Document(str(target)).comments if c.comment_id == by_rule[None])
    assert f"{rep.score:.1f}/100" in summary.text
    areas = set()
    for r in rep.results:
        if r.rule in by_rule and r.rule is not None:
            areas.add(r.area)
            anchor = anchors[by_rule[r.rule]]
            # At the plan's own words the result quotes, else where the missing thing belongs.
            quotes = [_norm(e.quote)[:30] for e in r.evidence if e.quote]
            at_quote = any(q and (q in anchor or anchor in q) for q in quotes)
            assert at_quote or anchor.startswith(_norm(EXPECTED_ANCHOR[r.area])), r.rule
    assert len(areas) >= 3, areas  # the plan's gaps span several sections


def test_the_document_is_untouched_but_for_the_comments(annotated) -> None:
    plan, target, _ = annotated
    with zipfile.ZipFile(plan) as a, zipfile.ZipFile(target) as b:
        changed = {"word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"}
        for name in a.namelist():
            if name not in changed:
                assert a.read(name) == b.read(name), name
        assert set(b.namelist()) - set(a.namelist()) == {"word/comments.xml"}
        before = etree.fromstring(a.read("word/document.xml"))
        after = etree.fromstring(b.read("word/document.xml"))
    for el in list(after.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd")):
        el.getparent().remove(el)
    for ref in list(after.iter(f"{W}commentReference")):
        run = ref.getparent()
        run.getparent().remove(run)
    assert etree.tostring(before, method="c14n") == etree.tostring(after, method="c14n")


def test_evidence_of_a_result_anchors_its_comment(tmp_path: Path) -> None:
    plan = write_docx(tmp_path / "plan.docx")
    quote = "Tổ chức hội nghị đối thoại với người dân ít nhất 01 lần/năm."
    rep = report(
        file=str(plan),
        title=TITLE[1],
        results=[
            result("A-DIALOGUE", Status.partial, area="dialogue", evidence=[quote]),
            result("B-CITE", Status.failed, area="citations"),
            result("C-FUNDING", Status.failed, area="funding"),
        ],
    )
    out = tmp_path / "x.docx"
    placed = annotate(plan, rep, out)
    assert placed[0].rule is None  # the summary first, then the gaps worst first
    assert [p.rule for p in placed[1:]] == ["B-CITE", "C-FUNDING", "A-DIALOGUE"]
    anchors = comment_anchors(out)
    texts = {c.comment_id: c.text for c in docx.Document(str(out)).comments}
    by_rule = {
        re.search(r"(A-DIALOGUE|B-CITE|C-FUNDING|$)", t).group(1): i for i, t in texts.items()
    }
    assert anchors[by_rule["A-DIALOGUE"]] == _norm(quote)  # a list item: its number is Word's
    assert anchors[by_rule["B-CITE"]].startswith("Căn cứ Nghị quyết số 76/NQ-CP")
    assert anchors[by_rule["B-CITE"]].endswith("công tác cải cách hành chính năm 2024;")
    assert anchors[by_rule["C-FUNDING"]] == "V. KINH PHÍ"


def test_a_text_plan_becomes_a_new_docx_with_the_same_comments(tmp_path: Path) -> None:
    plan = write_txt(tmp_path / "plan.txt")
    out = tmp_path / "out" / "nhan-xet.docx"
    code, _, err = _check([str(plan), "--annotate", "--annotate-out", str(out), "--lang", "en"])
    assert code == 1
    assert out.exists() and "comments written to" in err
    d = docx.Document(str(out))
    assert [p.text for p in d.paragraphs][:2] == ["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA"]
    assert any("Rule: " in c.text for c in d.comments)
    assert all(v for v in comment_anchors(out).values())


@pytest.mark.parametrize("lang, words", [("vi", "cần một tệp .docx"), ("en", "needs a document")])
def test_a_plan_json_cannot_be_annotated(lang: str, words: str) -> None:
    code, out, err = _check([str(SEED_JSON), "--annotate", "--lang", lang])
    assert code == 2
    assert out == ""
    assert words in err and "tan-phong-2024.json" in err
    assert len(err.strip().splitlines()) == 1


def test_annotate_out_takes_one_plan(tmp_path: Path) -> None:
    a, b = write_txt(tmp_path / "a.txt"), write_txt(tmp_path / "b.txt")
    code, _, err = _check([str(a), str(b), "--annotate-out", str(tmp_path / "x.docx")])
    assert code == 2 and "--annotate-out" in err


# --- LibreOffice ------------------------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _pdf_comments(pdf: Path) -> list[tuple[str, str]]:
    """(comment text, the text on the page just before its marker) for every comment
    LibreOffice exported as a PDF annotation: it puts the marker at the end of the anchor."""
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            words = page.extract_words()
            for ref in resolve1(page.page_obj.annots) or []:
                a = resolve1(ref)
                if str(a.get("Subtype")) != "/'Text'":
                    continue
                raw = a.get("Contents") or b""
                text = raw.decode("utf-16") if raw[:2] == b"\xfe\xff" else raw.decode("latin-1")
                x0, y0, _, y1 = (float(v) for v in a["Rect"])
                top, bottom = page.height - y1, page.height - y0
                line = sorted(
                    (
                        w
                        for w in words
                        if w["x1"] <= x0 + 1 and w["bottom"] > top and w["top"] < bottom
                    ),
                    key=lambda w: w["x0"],
                )
                # The words of the marker's own column: stop at a wide gap (a table's columns).
                kept: list[dict] = []
                for w in reversed(line):
                    if kept and kept[0]["x0"] - w["x1"] > 15:
                        break
                    kept.insert(0, w)
                out.append((text, " ".join(w["text"] for w in kept)))
    return out


@pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui",
)
def test_libreoffice_opens_the_annotated_plan_and_shows_every_comment_at_its_anchor(
    annotated, tmp_path: Path
) -> None:
    _, target, rep = annotated
    gaps = [
        r
        for r in rep.results
        if r.status in (Status.failed, Status.partial, Status.error, Status.unknown)
    ]
    profile = tmp_path / "profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
            "--outdir",
            str(tmp_path),
            str(target),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "plan.cchc.pdf"
    found = _pdf_comments(pdf)
    assert len(found) == len(docx.Document(str(target)).comments)
    anchors = comment_anchors(target)
    by_text = {_norm(c.text): anchors[c.comment_id] for c in docx.Document(str(target)).comments}
    for gap in gaps:
        hits = [(t, before) for t, before in found if re.search(rf"\b{gap.rule}\b", t)]
        assert len(hits) == 1, gap.rule
        text, before = hits[0]
        assert gap.title in text or gap.message in text
        # The marker follows the anchored text as LibreOffice laid it out.
        assert before and _norm(before) in by_text[_norm(text)], (gap.rule, before)

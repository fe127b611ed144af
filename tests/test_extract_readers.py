"""Readers: text encodings, .docx and .pdf give the same plan as their .txt twin, and files
that cannot be read say why."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from _extract_docs import (
    cp1258_bytes,
    plan_lines,
    vietnamese_font,
    without_positions,
    write_docx,
    write_pdf,
    write_scanned_pdf,
    write_txt,
)
from cchc.extract import extract_file, read_document
from cchc.extract.tcvn3 import encode_tcvn3
from cchc.extract.text import decode_text
from cchc.loader import InputError, load_plan

TEXT = "\n".join(plan_lines())


@pytest.fixture
def twin(tmp_path: Path) -> dict:
    return extract_file(write_txt(tmp_path / "plan.txt")).plan.model_dump(mode="json")


# --- plain text encodings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),  # Python writes a BOM
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16"),  # Word's "Unicode text" without its BOM
        (cp1258_bytes(TEXT), "windows-1258"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-nobom", "cp1258"],
)
def test_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode_text(data, "plan.txt")
    assert decoded.encoding == encoding
    assert unicodedata.normalize("NFC", decoded.text) == TEXT


@pytest.mark.parametrize("name", ["utf-16", "cp1258"])
def test_encoded_files_extract_like_utf8(tmp_path: Path, twin: dict, name: str) -> None:
    path = tmp_path / "plan-enc.txt"
    path.write_bytes(cp1258_bytes(TEXT) if name == "cp1258" else TEXT.encode(name))
    plan = extract_file(path).plan.model_dump(mode="json")
    # Only the note on the conversion differs.
    assert {k: v for k, v in plan.items() if k != "notes"} == {
        k: v for k, v in twin.items() if k != "notes"
    }
    if name == "cp1258":
        assert any("Windows-1258" in n for n in plan["notes"])


def test_tcvn3_is_decoded_in_lower_case_with_a_note(tmp_path: Path) -> None:
    line = "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về cải cách hành chính"
    data = encode_tcvn3(line.lower() + "\n" + "kế hoạch tuyên truyền của ủy ban nhân dân xã")
    decoded = decode_text(data, "old.txt")
    assert decoded.encoding == "tcvn3"
    assert decoded.text.startswith(line.lower())
    path = tmp_path / "old.txt"
    path.write_bytes(data)
    text, notes = read_document(path)
    assert "nghị quyết số 76/nq-cp" in text
    assert {n.key for n in notes} == {"x_note_encoding", "x_note_tcvn3_case"}


def test_unknown_8bit_encoding_is_refused_with_a_clear_message() -> None:
    with pytest.raises(InputError) as err:
        decode_text(bytes(range(0x80, 0x100)) * 4, "weird.txt")
    assert err.value.problems[0].key == "x_encoding_unknown"
    assert "TCVN3" in err.value.render("en") and "Unikey" in err.value.render("vi")


def test_binary_and_empty_text_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        decode_text(b"\x00\x01\x02\x03" * 10 + b"abc", "bin.txt")
    assert err.value.problems[0].key == "x_binary"
    with pytest.raises(InputError) as err:
        decode_text(b"   \n  ", "empty.txt")
    assert err.value.problems[0].key == "file_empty"


def test_bad_utf16_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        decode_text(codecs.BOM_UTF16_LE + b"\x00\xd8a", "bad.txt")  # lone surrogate
    assert err.value.problems[0].key == "x_encoding_bad"


# --- .docx ------------------------------------------------------------------------------------


def test_docx_reads_numbered_lists_tables_and_layout_tables(tmp_path: Path) -> None:
    text, _ = read_document(write_docx(tmp_path / "plan.docx"))
    assert text.split("\n") == plan_lines()


def test_docx_extracts_like_its_txt_twin(tmp_path: Path, twin: dict) -> None:
    plan = extract_file(write_docx(tmp_path / "plan.docx")).plan.model_dump(mode="json")
    assert without_positions(plan) == without_positions(twin)


def test_damaged_docx_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError) as err:
        extract_file(bad)
    assert err.value.problems[0].key in ("x_docx_invalid", "x_docx_invalid_reason")
    old = tmp_path / "old.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)  # a Word 97 .doc renamed
    with pytest.raises(InputError) as err:
        extract_file(old)
    assert ".doc" in err.value.render("vi")


# --- .pdf -------------------------------------------------------------------------------------

needs_font = pytest.mark.skipif(
    vietnamese_font() is None, reason="no TrueType font with Vietnamese glyphs (fonts-dejavu-core)"
)


@needs_font
def test_pdf_rejoins_wrapped_lines(tmp_path: Path) -> None:
    text, _ = read_document(write_pdf(tmp_path / "plan.pdf", vietnamese_font()))  # type: ignore[arg-type]
    assert text.split("\n") == plan_lines()


@needs_font
def test_pdf_extracts_like_its_txt_twin(tmp_path: Path, twin: dict) -> None:
    plan = extract_file(write_pdf(tmp_path / "plan.pdf", vietnamese_font())).plan  # type: ignore[arg-type]
    assert without_positions(plan.model_dump(mode="json")) == without_positions(twin)


def test_scanned_pdf_says_it_has_no_text(tmp_path: Path) -> None:
    scan = write_scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(InputError) as err:
        load_plan(scan)
    problem = err.value.problems[0]
    assert problem.key == "x_pdf_scanned"
    assert problem.params == {"pages": 1, "images": 1}
    assert "bản quét" in err.value.render("vi")
    assert "scan" in err.value.render("en") and "text layer" in err.value.render("en")


def test_not_a_pdf_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"<html>not a pdf</html>")
    with pytest.raises(InputError) as err:
        extract_file(bad)
    assert err.value.problems[0].key == "x_pdf_invalid"


def test_loader_dispatches_documents_to_the_extractor(tmp_path: Path, twin: dict) -> None:
    plan = load_plan(write_docx(tmp_path / "plan.docx"))
    assert without_positions(plan.model_dump(mode="json")) == without_positions(twin)
    with pytest.raises(InputError) as err:
        load_plan(tmp_path / "missing.pdf")
    assert err.value.problems[0].key == "file_missing"

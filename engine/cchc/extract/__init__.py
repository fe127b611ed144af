"""Read plans as authors write them: .txt, .docx and .pdf → `Plan`, with evidence.

Importing this package registers its readers with `cchc.loader`, so `load_plan("plan.docx")`
extracts the plan first (the loader imports it only when a document is loaded).
"""

from __future__ import annotations

from pathlib import Path

from cchc.extract.clean import Note
from cchc.extract.plan import Extraction, extract_text
from cchc.extract.source import SourceLine, join_lines, text_lines
from cchc.loader import InputError, register_document_reader
from cchc.messages import Lang
from cchc.model import Plan

_ENCODING_NAMES = {"windows-1258": "Windows-1258", "tcvn3": "TCVN3 (ABC)"}


def read_source(path: str | Path) -> tuple[list[SourceLine], list[Note]]:
    """The lines of a plan document with where each part is written, and notes on how it
    was read (encoding)."""
    from cchc.extract.text import check_size, read_text_file

    p = Path(path)
    suffix = p.suffix.lower()
    notes: list[Note] = []
    if suffix == ".docx":
        from cchc.extract.docx import read_docx_lines

        lines = read_docx_lines(p)
        check_size(join_lines(lines), p)
        return lines, notes
    if suffix not in (".txt", ".docx", ".pdf"):
        raise InputError.one(p, "x_not_document", suffix=suffix or "(none)")
    if suffix == ".pdf":
        from cchc.extract.pdf import read_pdf_lines

        lines = read_pdf_lines(p)
        check_size(join_lines(lines), p)
        return lines, notes
    decoded = read_text_file(p)
    check_size(decoded.text, p)  # before the text is split and cleaned
    if decoded.encoding in _ENCODING_NAMES:
        notes.append(Note("x_note_encoding", {"encoding": _ENCODING_NAMES[decoded.encoding]}))
    if decoded.encoding == "tcvn3":
        notes.append(Note("x_note_tcvn3_case"))
    return text_lines(decoded.text), notes


def read_document(path: str | Path) -> tuple[str, list[Note]]:
    """The text of a plan document and notes on how it was read (encoding)."""
    lines, notes = read_source(path)
    return join_lines(lines), notes


def extract_file(path: str | Path, lang: Lang = "vi") -> Extraction:
    """Extract a plan from a .txt, .docx or .pdf file (raises `cchc.loader.InputError`)."""
    lines, notes = read_source(path)
    return extract_text(lines, lang, notes)


def _reader(path: Path) -> Plan:
    return extract_file(path).plan


for _suffix in (".txt", ".docx", ".pdf"):
    register_document_reader(_suffix, _reader)

__all__ = ["Extraction", "extract_file", "extract_text", "read_document", "read_source"]

"""PDF plans with a text layer (pdfplumber). A scan without text is refused with that reason.

PDF text comes as visual lines. A paragraph wrapped by the layout is joined again: a line
continues on the next one when the next line's first word would not have fitted on it and
the next line is neither indented nor further down than the usual line spacing.
"""

from __future__ import annotations

import io
import re
import statistics
from pathlib import Path
from typing import Any

from cchc import limits
from cchc.extract.numbering import parse_marker
from cchc.extract.source import SourceLine, Where, join_lines
from cchc.loader import InputError, read_bytes

_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?$", re.I)
_SENTENCE_END = re.compile(r"[.;:!?…]['\"”’)]*$")
_MIN_TEXT = 20  # characters: less than this on every page is a scan


def _first_word_width(line: dict[str, Any]) -> float:
    chars = line.get("chars") or []
    if not chars:
        return 0.0
    end = chars[0]
    gap = 0.5 * _space_width(line)
    for ch in chars:
        # A space glyph ends the word; justified text has none, only a gap.
        if ch["text"].isspace() or float(ch["x0"]) - float(end["x1"]) > gap:
            break
        end = ch
    return float(end["x1"] - chars[0]["x0"])


def _space_width(line: dict[str, Any]) -> float:
    chars = line.get("chars") or []
    sizes = [float(c.get("size", 10)) for c in chars[:20]]
    return (statistics.median(sizes) if sizes else 10.0) * 0.28


def _segments(line: dict[str, Any]) -> list[dict[str, Any]]:
    """Split a visual line where a wide gap separates two columns (a header table)."""
    chars = [c for c in line.get("chars") or [] if c["text"].strip()]
    if not chars:
        return [line]
    gap = 4 * _space_width(line)
    groups: list[list[dict[str, Any]]] = [[chars[0]]]
    for ch in chars[1:]:
        if float(ch["x0"]) - float(groups[-1][-1]["x1"]) > gap:
            groups.append([ch])
        else:
            groups[-1].append(ch)
    if len(groups) == 1:
        return [line]
    out = []
    for g in groups:
        text = ""
        for prev, ch in zip([None, *g[:-1]], g, strict=True):
            if (
                prev is not None
                and float(ch["x0"]) - float(prev["x1"]) > 0.15 * _space_width(line) * 3
            ):
                text += " "
            text += ch["text"]
        out.append(
            {**line, "text": text, "x0": g[0]["x0"], "x1": g[-1]["x1"], "chars": g, "column": True}
        )
    return out


def _columns(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Lines of a two-column block (official header, signature) read column by column."""
    out: list[dict[str, Any]] = []
    run: list[list[dict[str, Any]]] = []

    def flush() -> None:
        width = max(len(r) for r in run) if run else 0
        if width >= 3:
            # A data table: one line per row, cells joined as the .docx reader joins them.
            out.extend(
                {**r[0], "text": " | ".join(s["text"] for s in r), "x1": r[-1]["x1"]} for r in run
            )
        else:
            for col in range(width):
                out.extend(r[col] for r in run if col < len(r))
        run.clear()

    for ln in lines:
        parts = _segments(ln)
        if len(parts) > 1:
            run.append(parts)
        else:
            flush()
            out.append(ln)
    flush()
    return out


def _page_paragraphs(
    lines: list[dict[str, Any]], carry: list[SourceLine], page: int = 1, open_end: bool = False
) -> tuple[list[SourceLine], bool]:
    """Join one page's lines into paragraphs; `carry` holds the paragraphs so far, and
    `open_end` says the last of them continues on this page. Each visual line is a segment
    with its page and line number."""
    lines = [{**ln, "_line": n} for n, ln in enumerate(lines, start=1)]
    lines = [
        ln for ln in lines if ln["text"].strip() and not _PAGE_NUMBER.match(ln["text"].strip())
    ]
    if not lines:
        return carry, open_end
    lines = _columns(lines)
    right = max(float(ln["x1"]) for ln in lines)
    # The left margin: where most lines start (a stray glyph outside the page must not move it).
    starts = sorted(float(ln["x0"]) for ln in lines)
    left = starts[len(starts) // 5]
    heights = [float(ln["bottom"] - ln["top"]) for ln in lines]
    line_h = statistics.median(heights) if heights else 12.0
    paragraphs = carry
    prev: dict[str, Any] | None = None
    for ln in lines:
        text = ln["text"].strip()
        segment = (text, Where(page=page, line=ln["_line"]))
        if prev is None:
            joined = bool(paragraphs) and open_end
        else:
            gap = float(ln["top"]) - float(prev["bottom"])
            # Writers wrap a little short of the widest line (cell margins): a word that
            # would end within two spaces of it did not fit.
            room = right - 2 * _space_width(prev)
            fitted = float(prev["x1"]) + _space_width(prev) + _first_word_width(ln) <= room
            indented = float(ln["x0"]) > left + 2 * _space_width(ln)
            joined = not fitted and not indented and gap < 0.9 * line_h
            joined = joined and not ln.get("column") and not prev.get("column")
            # A list item after a finished sentence, or a heading, starts a paragraph.
            finished = bool(_SENTENCE_END.search(prev["text"].strip()))
            joined = joined and not (parse_marker(text) and finished)
            heading = text.isupper() and sum(ch.isalpha() for ch in text) >= 8
            joined = joined and not heading
        if joined and paragraphs:
            paragraphs[-1].append(segment)
        else:
            paragraphs.append([segment])
        prev = ln
    # A last line reaching the right margin continues on the next page.
    return paragraphs, prev is not None and float(prev["x1"]) >= right - 3 * _space_width(prev)


def _check_page_count(data: bytes, path: Path) -> None:
    """Refuse a PDF of more pages than the limit, counting them without reading them (and
    before pdfplumber, which builds every page, even to close the file)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    most = limits.current().pdf_pages
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    declared = resolve1(resolve1(document.catalog.get("Pages")) or {}).get("Count")
    if isinstance(declared, int) and declared > most:
        raise InputError.over_limit(path, "limit_pdf_pages", "pdf_pages")
    # The declared count can lie: the pages are counted too, stopping past the limit.
    for count, _ in enumerate(PDFPage.create_pages(document), start=1):
        if count > most:
            raise InputError.over_limit(path, "limit_pdf_pages", "pdf_pages")


def _check_page_content(page: Any, path: Path) -> None:
    """Refuse a page whose drawing instructions pass the limit before pdfplumber lays them
    out: it keeps a record of about a kilobyte per character drawn."""
    from pdfminer.pdftypes import resolve1

    most = limits.current().pdf_page_kb * 1024
    size = 0
    for stream in page.page_obj.contents:
        data = resolve1(stream).get_data()  # inflated within pdf_stream_mb
        size += len(data)
        if size > most:
            raise InputError.over_limit(path, "limit_pdf_page", "pdf_page_kb")


def _refusal(path: Path, exc: BaseException) -> InputError:
    """The sentence for an error of pdfminer (pdfplumber wraps them in PdfminerException)."""
    from pdfminer.pdfdocument import PDFEncryptionError

    from cchc.extract import pdfbounds

    cause = exc
    while type(cause).__name__ == "PdfminerException" and cause.args:
        inner = cause.args[0]
        if not isinstance(inner, BaseException):
            break
        cause = inner
    if pdfbounds.tripped() or isinstance(cause, pdfbounds.StreamTooLarge):
        return InputError.over_limit(path, "limit_pdf_stream", "pdf_stream_mb")
    if isinstance(cause, PDFEncryptionError) or "password" in str(cause).lower():
        # A password, or a certificate (public-key security) no password opens.
        return InputError.one(path, "x_pdf_encrypted")
    return InputError.one(path, "x_pdf_invalid_reason", reason=type(cause).__name__)


def read_pdf(path: Path) -> str:
    """The text of a PDF plan, one paragraph per line."""
    return join_lines(read_pdf_lines(path))


def read_pdf_lines(path: Path) -> list[SourceLine]:
    """The paragraphs of a PDF plan, each visual line a segment with its page and line."""
    import pdfplumber

    from cchc.extract import pdfbounds

    data = read_bytes(path)
    if not data.lstrip()[:5] == b"%PDF-":
        raise InputError.one(path, "x_pdf_invalid")
    paragraphs: list[SourceLine] = []
    open_end = False
    images = 0
    pdfbounds.install()
    pdfbounds.reset()
    try:
        _check_page_count(data, path)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
            for number, page in enumerate(pdf.pages, start=1):
                _check_page_content(page, path)
                images += len(page.images)
                lines = page.extract_text_lines(strip=True, return_chars=True)
                paragraphs, open_end = _page_paragraphs(lines, paragraphs, number, open_end)
                page.close()  # pdfplumber caches each page's objects: keep one page at a time
                if pdfbounds.tripped():
                    break
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises assorted errors on damaged files
        raise _refusal(path, exc) from None
    if pdfbounds.tripped():
        raise InputError.over_limit(path, "limit_pdf_stream", "pdf_stream_mb")
    text = join_lines(paragraphs)
    if len(text.strip()) < _MIN_TEXT:
        if pages == 0:
            raise InputError.one(path, "x_pdf_invalid")
        raise InputError.one(path, "x_pdf_scanned", pages=pages, images=images)
    return paragraphs

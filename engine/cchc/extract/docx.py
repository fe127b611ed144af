"""Word plans (.docx): paragraphs in order, Word's automatic numbering rebuilt, and tables.

Word keeps list numbers ("1.", "a)", "-") out of the paragraph text; the extractor needs them
to find headings and items, so they are recomputed from numbering.xml. An official document's
header and signature block are borderless layout tables: their cells are read column by
column as lines; a table with a header row (STT, Nội dung, Thời gian…) is read row by row,
cells joined by " | ".
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import IO, Any

from cchc import limits
from cchc.extract.source import SourceLine, Where, join_lines
from cchc.loader import InputError, read_bytes

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DATA_TABLE_HEAD = re.compile(
    r"\b(STT|TT|Nội dung|Nhiệm vụ|Hoạt động|Thời gian|Chủ trì|chủ trì|Phối hợp|Sản phẩm)\b"
)


def _roman(n: int) -> str:
    out = ""
    for value, sym in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out, n = out + sym, n - value
    return out


def _letter(n: int) -> str:
    # Word's lowerLetter: a..z, then aa, bb…
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(fmt: str, n: int) -> str:
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


_MAX_LEVEL = 8  # Word's list levels are 0–8


class BadNumbering(ValueError):
    """A value of numbering.xml out of its range (or not a number)."""

    def __init__(self, attr: str, value: str, most: int) -> None:
        super().__init__(attr)
        self.attr, self.value, self.most = attr, value, most


def _bounded(attr: str, value: str, most: int) -> int:
    """A numbering value as an int in 0…most: a start of 10^12 would make the labels loop
    (Roman numerals) or fill memory (letters); a level of 12 has no counter."""
    text = value.strip()
    if not text.isdigit() or len(text) > 9 or int(text) > most:
        raise BadNumbering(attr, value[:20], most)
    return int(text)


class _Numbering:
    """Counters of Word's automatic lists, one set per list instance (numId)."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        most = limits.current().numbering_value
        for an in root.iter(f"{_W}abstractNum"):
            lvls: dict[int, tuple[str, str, int]] = {}
            for lvl in an.iter(f"{_W}lvl"):
                ilvl = _bounded("w:ilvl", lvl.get(f"{_W}ilvl", "0"), _MAX_LEVEL)
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                lvls[ilvl] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    _bounded("w:start", start.get(f"{_W}val", "1"), most)
                    if start is not None
                    else 1,
                )
            abstract[an.get(f"{_W}abstractNumId", "")] = lvls
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                self.levels[num.get(f"{_W}numId", "")] = abstract.get(ref.get(f"{_W}val", ""), {})

    def label(self, num_id: str, ilvl: int) -> str:
        lvls = self.levels.get(num_id)
        if not lvls or ilvl not in lvls:
            return ""
        fmt, text, _ = lvls[ilvl]
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0

        def value(k: int) -> str:
            lvl = lvls.get(k, ("decimal", "", 1))
            return _format(lvl[0], counters[k] + lvl[2] - 1)

        return re.sub(r"%(\d)", lambda m: value(int(m.group(1)) - 1), text)


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, level) of a numbered paragraph, from the paragraph or from its style."""
    for ppr in (paragraph._p.pPr, _style_ppr(paragraph)):
        if ppr is None:
            continue
        num_pr = ppr.find(f"{_W}numPr")
        if num_pr is None:
            continue
        num_id = num_pr.find(f"{_W}numId")
        ilvl = num_pr.find(f"{_W}ilvl")
        if num_id is not None and num_id.get(f"{_W}val") != "0":
            level = ilvl.get(f"{_W}val", "0") if ilvl is not None else "0"
            return num_id.get(f"{_W}val", ""), _bounded("w:ilvl", level, _MAX_LEVEL)
    return None


def _style_ppr(paragraph: Any) -> Any:
    style = paragraph.style
    while style is not None:
        ppr = style.element.pPr
        if ppr is not None and ppr.find(f"{_W}numPr") is not None:
            return ppr
        style = style.base_style
    return None


def _paragraph_line(paragraph: Any, numbering: _Numbering) -> str:
    text = paragraph.text.replace("\t", " ").strip()
    num = _num_pr(paragraph)
    if num is not None:
        label = numbering.label(*num)
        if label and text:
            text = f"{label} {text}"
    return text


def _table_lines(table: Any, numbering: _Numbering, where: _Places) -> list[SourceLine]:
    rows = table.rows
    head = " ".join(c.text for c in rows[0].cells) if rows else ""
    if len(rows) >= 2 and _DATA_TABLE_HEAD.search(head):
        lines: list[SourceLine] = []
        for row in rows:
            cells: list[str] = []
            first: Where | None = None
            for cell in row.cells:
                text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                if not cells or text != cells[-1]:  # merged cells repeat their text
                    cells.append(text)
                if first is None and cell.paragraphs:
                    first = where(cell.paragraphs[0])
            if any(cells):
                lines.append([(" | ".join(cells), first or Where())])
        return lines
    # A layout table (header or signature block): each column top to bottom.
    lines = []
    seen: set[int] = set()
    for col in range(max((len(r.cells) for r in rows), default=0)):
        for row in rows:
            if col >= len(row.cells):
                continue
            cell = row.cells[col]
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            lines.extend([(_paragraph_line(p, numbering), where(p))] for p in cell.paragraphs)
    return lines


class _Places:
    """Paragraph numbers of the body in reading order, paragraphs inside tables counted."""

    def __init__(self, body: Any) -> None:
        # The mapping keeps the element proxies alive, so lxml hands out the same objects.
        self.numbers = {p: i for i, p in enumerate(body.iter(f"{_W}p"), start=1)}

    def __call__(self, paragraph: Any) -> Where:
        return Where(paragraph=self.numbers.get(paragraph._p))


_CHUNK = 1 << 16


def _check_inflated_size(stream: IO[bytes], path: Path) -> None:
    """Inflate every member once through a counting loop, keeping nothing, and refuse the
    file as soon as one member or all of them pass their limit.

    The sizes a zip declares are not trusted (a bomb can lie); python-docx, which holds every
    part in memory, only opens the file once this has passed.
    """
    bounds = limits.current()
    member_limit, total_limit = bounds.mb("zip_member_mb"), bounds.mb("zip_total_mb")
    total = 0
    try:
        with zipfile.ZipFile(stream) as archive:
            for info in archive.infolist():
                size = 0
                # An XML part is parsed whole: its elements, not only its bytes, are bounded
                # (<w:p/> is 6 bytes and some 150 once parsed).
                xml = info.filename.lower().endswith((".xml", ".rels"))
                elements = 0
                with archive.open(info) as member:
                    while chunk := member.read(_CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if size > member_limit:
                            raise InputError.over_limit(
                                path, "limit_zip_member", "zip_member_mb", member=info.filename
                            )
                        if total > total_limit:
                            raise InputError.over_limit(path, "limit_zip_total", "zip_total_mb")
                        if xml:
                            elements += chunk.count(b"<") - chunk.count(b"</")
                            if elements > bounds.xml_elements:
                                raise InputError.over_limit(
                                    path, "limit_xml_elements", "xml_elements", member=info.filename
                                )
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        OSError,
        EOFError,
    ) as exc:
        raise InputError.one(path, "x_docx_invalid_reason", reason=type(exc).__name__) from None
    except RuntimeError as exc:  # an encrypted member
        raise InputError.one(path, "x_docx_invalid_reason", reason=type(exc).__name__) from None
    stream.seek(0)


def read_docx(path: Path) -> str:
    """The text of a .docx plan, one paragraph (or table row) per line."""
    return join_lines(read_docx_lines(path))


def read_docx_lines(path: Path) -> list[SourceLine]:
    """The lines of a .docx plan, one paragraph (or table row) per line, with their places."""
    import docx  # python-docx: imported here so .txt and .json never pay for it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    data = read_bytes(path)  # missing, directory, oversized: the loader's messages
    # The bytes read once are the bytes checked and parsed (no swap in between).
    stream = io.BytesIO(data)
    if not zipfile.is_zipfile(stream):
        raise InputError.one(path, "x_docx_invalid")
    _check_inflated_size(stream, path)
    try:
        document = docx.Document(stream)
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        raise InputError.one(path, "x_docx_invalid_reason", reason=type(exc).__name__) from None
    body = document.element.body
    paragraphs = limits.current().paragraphs
    if sum(1 for _ in body.iter(f"{_W}p")) > paragraphs:
        raise InputError.over_limit(path, "limit_paragraphs", "paragraphs")
    try:
        numbering = _Numbering(document)
        where = _Places(body)
        lines: list[SourceLine] = []
        for child in body.iterchildren():
            if child.tag == f"{_W}p":
                paragraph = Paragraph(child, document)
                lines.append([(_paragraph_line(paragraph, numbering), where(paragraph))])
            elif child.tag == f"{_W}tbl":
                lines.extend(_table_lines(Table(child, document), numbering, where))
    except BadNumbering as exc:
        raise InputError.one(
            path, "x_docx_numbering", attr=exc.attr, value=exc.value, max=exc.most
        ) from None
    if not join_lines(lines).strip():
        raise InputError.one(path, "x_docx_empty")
    return lines
